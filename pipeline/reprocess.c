/* reprocess.c - every stored page through the pipeline again.
 *
 * A stored page is handed to assay_pipeline_process() as the page it was
 * when fetched: its URL, where it was fetched from (the base for relative
 * links), its Content-Type - which names the charset the HTTP header gave
 * - and the date it came with. What the page's own metadata no longer
 * says is kept from the stored article, so a reprocess with unchanged
 * rules gives back exactly what the crawl stored. */
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "pipeline.h"

static const char *or_null(const char *s)
{
	return s[0] ? s : NULL;
}

/* The Content-Type as the charset: only when it names one (a type alone
 * would hide the page's own <meta charset>). */
static const char *charset_of(const char *content_type)
{
	for (const char *p = content_type; *p; p++)
		if (strncasecmp(p, "charset=", 8) == 0)
			return content_type;
	return NULL;
}

static void page_of(const struct assay_stored_page *sp, struct assay_page *page)
{
	const struct assay_stored_article *m = sp->meta;

	memset(page, 0, sizeof *page);
	page->url = m->url;
	page->final_url = or_null(m->fetched_url);
	page->content_type = or_null(m->content_type);
	page->charset = charset_of(m->content_type);
	page->body = sp->raw;
	page->len = sp->raw_len;
	page->published = or_null(m->published);
	page->title = or_null(m->title);
	page->fetched_at = m->fetched_at;
	page->warc_file = or_null(m->warc_file);
	page->warc_offset = m->warc_offset;
}

static int process_again(void *ctx, const struct assay_stored_page *sp, struct assay_article *out)
{
	struct assay_processed *pr = ctx;
	const struct assay_stored_article *m = sp->meta;
	struct assay_page page;
	int rc;

	assay_processed_release(pr);
	page_of(sp, &page);
	rc = assay_pipeline_process(&page, pr);
	if (rc)
		return rc == ASSAY_ENOMEM ? rc : ASSAY_EPARSE;
	*out = pr->article;
	out->fetched_url = m->fetched_url;
	out->site = out->site ? out->site : m->site;
	out->author = out->author ? out->author : m->author;
	out->language = out->language ? out->language : m->language;
	out->fetched_at = m->fetched_at;
	return ASSAY_OK;
}

int assay_pipeline_reprocess(struct assay_store *s, struct assay_reprocess_result *res)
{
	struct assay_processed pr;
	int rc;

	memset(&pr, 0, sizeof pr);
	rc = assay_store_reprocess(s, process_again, &pr, res);
	assay_processed_release(&pr);
	return rc;
}
