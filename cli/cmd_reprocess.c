/* cmd_reprocess.c - `assay reprocess`: re-clean and re-extract every
 * stored page with the current rules.
 *
 * The store walks its pages in ingest order inside one write transaction
 * and hands each to clean_again(), which runs the cleaner and the
 * extractor as a crawl would; editors' decisions stay (store.h). Plain
 * text pages are not HTML: their stored text is extracted again as is. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "clean.h"
#include "extract.h"
#include "log.h"
#include "store.h"
#include "table.h"

static const char reprocess_usage[] =
	"usage: assay reprocess [--wait]\n"
	"\n"
	"Cleans and extracts every stored page again and rebuilds stories, claims,\n"
	"agreements and conflicts. Editors' decisions stay. Holds the store's lock.\n";

struct again {
	struct assay_store *s;
	struct assay_doc doc;
	struct assay_extraction x;
	struct assay_buf text;
	bool have_doc, have_x;
};

static void drop_previous(struct again *ag)
{
	if (ag->have_doc)
		assay_doc_release(&ag->doc);
	if (ag->have_x)
		assay_extraction_release(&ag->x);
	assay_buf_reset(&ag->text);
	ag->have_doc = ag->have_x = false;
}

static bool is_plain(const struct assay_stored_article *m)
{
	return !strncmp(m->content_type, "text/plain", 10);
}

static int clean_again(void *ctx, const struct assay_stored_page *page, struct assay_article *out)
{
	struct again *ag = ctx;
	const struct assay_stored_article *m = page->meta;
	struct assay_extract_opts xo = {m->published[0] ? m->published : NULL};
	struct assay_clean_opts co = {NULL, m->fetched_url[0] ? m->fetched_url : m->url};
	int rc;

	drop_previous(ag);
	if (is_plain(m)) {
		const char *nl = memchr(page->raw, '\n', page->raw_len);
		size_t skip = nl ? (size_t)(nl - page->raw) + 1 : page->raw_len;

		/* the first line is the headline, as at ingest */
		while (skip < page->raw_len && (page->raw[skip] == '\n' || page->raw[skip] == '\r'))
			skip++;
		rc = assay_buf_append(&ag->text, page->raw + skip, page->raw_len - skip);
		if (!rc)
			rc = assay_extract_text(ag->text.data, ag->text.len, &xo, &ag->x);
		ag->have_x = rc == ASSAY_OK;
		out->text = ag->text.data;
		out->text_len = ag->text.len;
	} else {
		rc = assay_clean(page->raw, page->raw_len, &co, &ag->doc);
		ag->have_doc = rc == ASSAY_OK;
		if (!rc) {
			xo.published = ag->doc.published ? ag->doc.published : xo.published;
			rc = assay_extract_doc(&ag->doc, &xo, &ag->x);
			ag->have_x = rc == ASSAY_OK;
		}
		out->text = ag->doc.text;
		out->text_len = ag->doc.text_len;
		out->doc = &ag->doc;
	}
	if (rc) {
		assay_warn("reprocess: %s: %s", m->url, assay_strerror(rc));
		return rc == ASSAY_ENOMEM ? rc : ASSAY_EPARSE;
	}
	out->fetched_url = m->fetched_url;
	out->title = !is_plain(m) && ag->doc.title ? ag->doc.title : m->title;
	out->site = !is_plain(m) && ag->doc.site ? ag->doc.site : m->site;
	out->published = xo.published;
	out->author = !is_plain(m) && ag->doc.author ? ag->doc.author : m->author;
	out->language = !is_plain(m) && ag->doc.language ? ag->doc.language : m->language;
	out->content_type = m->content_type;
	out->x = &ag->x;
	out->fetched_at = m->fetched_at;
	out->warc_file = m->warc_file[0] ? m->warc_file : NULL;
	out->warc_offset = m->warc_offset;
	return ASSAY_OK;
}

int cmd_reprocess(int argc, char **argv, const struct cli_globals *g)
{
	struct again ag;
	struct assay_reprocess_result res;
	struct assay_store *s;
	bool wait = false;
	time_t t0 = time(NULL);
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(reprocess_usage, stdout);
			return CLI_OK;
		} else if (!strcmp(argv[i], "--wait")) {
			wait = true;
		} else {
			fputs(reprocess_usage, stderr);
			return CLI_FATAL;
		}
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (assay_store_lock(s, wait)) {
		assay_err("reprocess: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_parse_init();
	rc = assay_extract_init();
	memset(&ag, 0, sizeof ag);
	ag.s = s;
	if (!rc)
		rc = assay_store_reprocess(s, clean_again, &ag, &res);
	drop_previous(&ag);
	assay_buf_release(&ag.text);
	if (rc)
		assay_err("reprocess: %s", assay_store_errmsg(s));
	else if (!g->quiet)
		fprintf(stderr, "assay: reprocess: %zu articles, %zu failed, %zu claims, "
			"%zu agreements in %lld s\n", res.articles, res.failed, res.claims,
			res.agreements, (long long)(time(NULL) - t0));
	assay_store_unlock(s);
	assay_store_close(s);
	return rc ? CLI_FATAL : res.failed ? CLI_PARTIAL : CLI_OK;
}
