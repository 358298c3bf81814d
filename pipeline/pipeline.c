/* pipeline.c - clean, extract and store one page; the crawl hooks.
 *
 * A page that fails to clean or store is counted as an error and skipped:
 * bad input never stops the run and never touches what was stored. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "assay.h"
#include "clean.h"
#include "extract.h"
#include "log.h"
#include "pipeline.h"

void assay_pipeline_init(struct assay_pipeline *p, struct assay_store *store,
			 struct assay_crawl_summary *sum)
{
	memset(p, 0, sizeof *p);
	p->store = store;
	p->sum = sum;
}

static bool is_plain_text(const struct assay_page *page)
{
	return page->content_type && strncmp(page->content_type, "text/plain", 10) == 0;
}

/* Plain text: the first line is the headline, paragraphs are separated
 * by blank lines. Builds a doc whose text is the body with one block per
 * paragraph, as the cleaner would. */
static int doc_from_text(const char *body, size_t len, struct assay_doc *doc)
{
	struct assay_buf text = {0};
	struct assay_block *blocks = NULL;
	size_t nblocks = 0, cap = 0;
	const char *p = body, *end = body + len, *nl;

	memset(doc, 0, sizeof *doc);
	nl = memchr(p, '\n', len);
	if (!nl)
		nl = end;
	doc->title = strndup(p, (size_t)(nl - p));
	if (!doc->title)
		return ASSAY_ENOMEM;
	p = nl < end ? nl + 1 : end;
	while (p < end) {
		const char *q = p, *stop;

		while (q < end && (*q == '\n' || *q == '\r' || *q == ' ' || *q == '\t'))
			q++;
		if (q >= end)
			break;
		/* A paragraph ends at a blank line. */
		stop = q;
		for (;;) {
			const char *e = memchr(stop, '\n', (size_t)(end - stop));
			const char *r;

			if (!e) {
				stop = end;
				break;
			}
			r = e + 1;
			while (r < end && (*r == ' ' || *r == '\t' || *r == '\r'))
				r++;
			if (r >= end || *r == '\n') {
				stop = e;
				break;
			}
			stop = e + 1;
		}
		if (nblocks == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct assay_block *nb = realloc(blocks, ncap * sizeof *nb);
			if (!nb)
				goto fail;
			blocks = nb;
			cap = ncap;
		}
		if (text.len && assay_buf_puts(&text, "\n\n") != ASSAY_OK)
			goto fail;
		blocks[nblocks] = (struct assay_block){ASSAY_BLOCK_PARAGRAPH, text.len, 0, -1, -1};
		while (stop > q && (stop[-1] == '\r' || stop[-1] == ' '))
			stop--;
		if (assay_buf_append(&text, q, (size_t)(stop - q)) != ASSAY_OK)
			goto fail;
		blocks[nblocks++].end = text.len;
		p = stop;
	}
	doc->text_len = text.len;
	doc->text = assay_buf_steal(&text);
	if (!doc->text)
		goto fail;
	doc->blocks = blocks;
	doc->nblocks = nblocks;
	return ASSAY_OK;
fail:
	free(blocks);
	assay_buf_release(&text);
	assay_doc_release(doc);
	return ASSAY_ENOMEM;
}

static int clean_page(const struct assay_page *page, struct assay_doc *doc)
{
	struct assay_clean_opts o = {page->charset, page->final_url ? page->final_url : page->url};

	if (is_plain_text(page))
		return doc_from_text(page->body, page->len, doc);
	return assay_clean(page->body, page->len, &o, doc);
}

/* The published date: the page's own metadata first, then the feed's. */
static const char *published_of(const struct assay_doc *doc, const struct assay_page *page)
{
	return doc->published ? doc->published : page->published;
}

int assay_pipeline_page(struct assay_pipeline *p, const struct assay_page *page)
{
	struct assay_doc doc;
	struct assay_extraction x;
	struct assay_extract_opts xo = {0};
	struct assay_article a;
	struct assay_put_result res;
	const char *url;
	int rc;

	memset(&x, 0, sizeof x);
	rc = clean_page(page, &doc);
	if (rc != ASSAY_OK) {
		assay_warn("%s: cannot clean page: %s", page->url, assay_strerror(rc));
		p->sum->errors++;
		return rc;
	}
	xo.published = published_of(&doc, page);
	rc = assay_extract_doc(&doc, &xo, &x);
	if (rc != ASSAY_OK) {
		assay_warn("%s: cannot extract: %s", page->url, assay_strerror(rc));
		goto fail;
	}
	/* The page's own canonical link names the article, else where it was. */
	url = doc.url ? doc.url : page->final_url ? page->final_url : page->url;
	memset(&a, 0, sizeof a);
	a.url = url;
	a.fetched_url = page->url;
	a.title = doc.title ? doc.title : page->title;
	a.site = doc.site;
	a.published = xo.published;
	a.author = doc.author;
	a.language = doc.language;
	a.raw = page->body;
	a.raw_len = page->len;
	a.content_type = page->content_type;
	a.text = doc.text;
	a.text_len = doc.text_len;
	a.doc = &doc;
	a.x = &x;
	a.fetched_at = page->fetched_at ? page->fetched_at : (int64_t)time(NULL);
	a.warc_file = page->warc_file;
	a.warc_offset = page->warc_offset;
	memset(&res, 0, sizeof res);
	rc = assay_store_put_article(p->store, &a, &res);
	if (rc != ASSAY_OK) {
		assay_warn("%s: cannot store article: %s", page->url,
			   assay_store_errmsg(p->store));
		goto fail;
	}
	if (res.is_new) {
		p->sum->new_articles++;
		p->sum->new_claims += (unsigned)res.new_claims;
		if (res.duplicate)
			p->sum->duplicates++;
		assay_debug("%s: stored, %zu claims, story %s", url, x.nclaims, res.story);
	}
	assay_extraction_release(&x);
	assay_doc_release(&doc);
	return ASSAY_OK;
fail:
	p->sum->errors++;
	assay_extraction_release(&x);
	assay_doc_release(&doc);
	return rc;
}

static bool hook_is_known(void *ctx, const char *url)
{
	struct assay_pipeline *p = ctx;

	return !p->refetch && assay_store_has_url(p->store, url);
}

static int hook_on_page(void *ctx, const struct assay_page *page)
{
	return assay_pipeline_page(ctx, page);
}

static int hook_state_get(void *ctx, const char *table, const char *key, struct assay_buf *val)
{
	struct assay_pipeline *p = ctx;

	return assay_store_kv_get(p->store, table, key, val);
}

static int hook_state_put(void *ctx, const char *table, const char *key, const void *val,
			  size_t len)
{
	struct assay_pipeline *p = ctx;

	return assay_store_kv_put(p->store, table, key, val, len);
}

void assay_pipeline_hooks(struct assay_pipeline *p, struct assay_crawl_hooks *h)
{
	memset(h, 0, sizeof *h);
	h->ctx = p;
	h->is_known = hook_is_known;
	h->on_page = hook_on_page;
	h->state_get = hook_state_get;
	h->state_put = hook_state_put;
}

void assay_summary_print(const char *verb, const struct assay_crawl_summary *s, FILE *human,
			 FILE *json)
{
	if (human)
		fprintf(human,
			"assay: %s: %u sources, %u pages fetched, %u not modified, %u new articles "
			"(%u duplicates), %u new claims, %u errors in %.1f s\n",
			verb, s->sources, s->pages_fetched, s->not_modified, s->new_articles,
			s->duplicates, s->new_claims, s->errors, s->seconds);
	if (json) {
		/* cli.md's fields, then what the crawler adds for cron jobs. */
		json_t *o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:f,s:I,s:I,s:I,s:I,s:I,s:b}",
				      "sources", (json_int_t)s->sources,
				      "pages_fetched", (json_int_t)s->pages_fetched,
				      "not_modified", (json_int_t)s->not_modified,
				      "new_articles", (json_int_t)s->new_articles,
				      "duplicates", (json_int_t)s->duplicates,
				      "new_claims", (json_int_t)s->new_claims,
				      "errors", (json_int_t)s->errors, "seconds", s->seconds,
				      "skipped_known", (json_int_t)s->skipped_known,
				      "robots_denied", (json_int_t)s->robots_denied,
				      "too_old", (json_int_t)s->too_old,
				      "deferred", (json_int_t)s->deferred,
				      "retries", (json_int_t)s->retries, "stopped", s->stopped);
		if (o) {
			json_dumpf(o, json, JSON_COMPACT | JSON_REAL_PRECISION(6));
			fputc('\n', json);
			fflush(json);
			json_decref(o);
		}
	}
}

struct assay_store *assay_cli_open_store(const char *dir, bool create)
{
	struct assay_store *s = NULL;
	int rc = assay_store_open(dir, create ? ASSAY_STORE_CREATE : 0, &s);

	if (rc == ASSAY_OK)
		return s;
	if (rc == ASSAY_ENOTFOUND && !create)
		assay_err("cannot open store '%s': no such store (create it with 'assay crawl' or "
			  "'assay ingest')", dir);
	else if (strncmp(assay_store_errmsg(s), "cannot open store", 17) == 0)
		assay_err("%s", assay_store_errmsg(s)); /* it names the store already */
	else
		assay_err("cannot open store '%s': %s", dir, assay_store_errmsg(s));
	assay_store_close(s);
	return NULL;
}
