/* pipeline.c - clean, extract and store one page; the crawl hooks.
 *
 * A page that fails to clean or store is counted as an error and skipped:
 * bad input never stops the run and never touches what was stored. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "log.h"
#include "pipeline.h"
#include "pool.h"

void assay_pipeline_init(struct assay_pipeline *p, struct assay_store *store,
			 struct assay_pipeline_counts *counts)
{
	memset(p, 0, sizeof *p);
	p->store = store;
	p->counts = counts;
}

static bool is_plain_text(const struct assay_page *page)
{
	return page->content_type && strncmp(page->content_type, "text/plain", 10) == 0;
}

static int clean_page(const struct assay_page *page, struct assay_doc *doc)
{
	struct assay_clean_opts o = {page->charset, page->final_url ? page->final_url : page->url};

	if (is_plain_text(page))
		return assay_text_doc(page->body, page->len, doc);
	return assay_clean(page->body, page->len, &o, doc);
}

/* What is stored: the page's own metadata first, then what came with it. */
static void fill_article(const struct assay_page *page, struct assay_processed *pr,
			 const char *published)
{
	const struct assay_doc *doc = &pr->doc;
	struct assay_article *a = &pr->article;

	memset(a, 0, sizeof *a);
	/* The page's own canonical link names the article, else where it was. */
	a->url = doc->url ? doc->url : page->final_url ? page->final_url : page->url;
	a->fetched_url = page->url;
	a->served_url = page->final_url;
	a->title = doc->title ? doc->title : page->title;
	a->site = doc->site ? doc->site : page->site;
	a->published = published;
	a->author = doc->author;
	a->language = doc->language;
	a->raw = page->body;
	a->raw_len = page->len;
	a->content_type = page->content_type;
	a->text = doc->text;
	a->text_len = doc->text_len;
	a->doc = doc;
	a->x = &pr->x;
	a->fetched_at = page->fetched_at ? page->fetched_at : (int64_t)time(NULL);
	a->warc_file = page->warc_file;
	a->warc_offset = page->warc_offset;
}

int assay_pipeline_process(const struct assay_page *page, struct assay_processed *out)
{
	struct assay_extract_opts xo = {0};
	int rc;

	memset(out, 0, sizeof *out);
	rc = clean_page(page, &out->doc);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot clean page: %s", page->url, assay_strerror(rc));
		return rc;
	}
	/* The page's own date, then the feed's, then one read off the URL. */
	xo.published = out->doc.published && !out->doc.published_guessed ? out->doc.published
		       : page->published				      ? page->published
									      : out->doc.published;
	rc = assay_extract_doc(&out->doc, &xo, &out->x);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot extract: %s", page->url, assay_strerror(rc));
		assay_processed_release(out);
		return rc;
	}
	fill_article(page, out, xo.published);
	return ASSAY_OK;
}

void assay_pipeline_pack(struct assay_packer *pk, struct assay_processed *p, unsigned flags)
{
	p->article.packed = NULL;
	if (pk && assay_store_pack(pk, &p->article, flags, &p->packed) == ASSAY_OK)
		p->article.packed = &p->packed;
}

void assay_processed_release(struct assay_processed *p)
{
	assay_packed_release(&p->packed);
	assay_extraction_release(&p->x);
	assay_doc_release(&p->doc);
	memset(p, 0, sizeof *p);
}

int assay_pipeline_store(struct assay_pipeline *p, const struct assay_page *page,
			 struct assay_processed *pr)
{
	struct assay_put_result res;
	int rc;

	memset(&res, 0, sizeof res);
	rc = assay_store_put_article(p->store, &pr->article, &res);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot store article: %s", page->url,
			  assay_store_errmsg(p->store));
		p->counts->errors++;
	} else if (res.is_new) {
		p->counts->new_articles++;
		p->counts->new_claims += (unsigned)res.new_claims;
		if (res.duplicate)
			p->counts->duplicates++;
		assay_debug("%s: stored, %zu claims, story %s%s", pr->article.url, pr->x.nclaims,
			    res.story, res.duplicate ? " (the same story as one stored before)" : "");
	} else {
		assay_debug("%s: stored before, same text: nothing new", pr->article.url);
	}
	return rc;
}

int assay_pipeline_page(struct assay_pipeline *p, const struct assay_page *page)
{
	struct assay_processed pr;
	int rc;

	rc = assay_pipeline_process(page, &pr);
	if (rc != ASSAY_OK) {
		p->counts->errors++;
		return rc;
	}
	rc = assay_pipeline_store(p, page, &pr);
	assay_processed_release(&pr);
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

static int hook_queue_page(void *ctx, const struct assay_page *page)
{
	struct assay_pipeline *p = ctx;
	int rc = pool_queue(p->pool, page);

	if (rc != ASSAY_OK && rc != ASSAY_ETOOBIG) {
		assay_err("%s: cannot queue page: %s", page->url, assay_strerror(rc));
		p->counts->errors++;
	}
	return rc;
}

static bool hook_settle(void *ctx, bool wait, int *rc)
{
	struct assay_pipeline *p = ctx;

	return pool_settle(p->pool, wait, rc);
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
	if (p->pool && pool_slots(p->pool)) {
		h->queue_page = hook_queue_page;
		h->settle = hook_settle;
	}
	h->state_get = hook_state_get;
	h->state_put = hook_state_put;
}

/* Copies @s to *at and returns the copy (NULL stays NULL). */
static const char *copy_str(const char *s, char **at)
{
	char *c = *at;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(c, s, n);
	*at += n;
	return c;
}

static size_t str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

char *assay_page_copy(const struct assay_page *g, struct assay_page *out)
{
	size_t n = g->len + 1 + str_size(g->url) + str_size(g->final_url) +
		   str_size(g->content_type) + str_size(g->charset) + str_size(g->published) +
		   str_size(g->title) + str_size(g->warc_file) + str_size(g->site);
	char *mem = malloc(n), *at = mem;

	if (!mem)
		return NULL;
	*out = *g;
	memcpy(at, g->len ? g->body : "", g->len);
	at[g->len] = '\0';
	out->body = at;
	at += g->len + 1;
	out->url = copy_str(g->url, &at);
	out->final_url = copy_str(g->final_url, &at);
	out->content_type = copy_str(g->content_type, &at);
	out->charset = copy_str(g->charset, &at);
	out->published = copy_str(g->published, &at);
	out->title = copy_str(g->title, &at);
	out->warc_file = copy_str(g->warc_file, &at);
	out->site = copy_str(g->site, &at);
	return mem;
}
