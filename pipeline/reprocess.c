/* reprocess.c - every stored page through the pipeline again.
 *
 * A stored page is handed to assay_pipeline_process() as the page it was
 * when fetched: its URL, where it was fetched from (the base for relative
 * links), its Content-Type - which names the charset the HTTP header gave
 * - and the date it came with. What the page's own metadata no longer
 * says is kept from the stored article, so a reprocess with unchanged
 * rules gives back exactly what the crawl stored.
 *
 * With jobs, the store hands the pages ahead of time (store.h) to a pool
 * whose workers clean and extract them in parallel; each page's result is
 * taken from the pool in the store's order, after checking it was made
 * from the very page the store now hands over (else it is made again
 * here), so the store ends up the same whatever the number of jobs. */
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "pipeline.h"
#include "pool.h"

/* The callbacks' state: the result handed to the store last, either
 * here (pr) or held in the pool's oldest slot. */
struct again {
	struct assay_processed pr;
	struct assay_buf raw; /* the page for pr, when given compressed */
	struct assay_pool *pool; /* or NULL: every page processed here */
	bool held;
	bool given;       /* a page was handed ahead, */
	int64_t last_seq; /* the last one's article number */
	size_t ahead;     /* results taken from the pool in this walk */
};

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

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_meta(const struct assay_page *a, const struct assay_page *b)
{
	return same_str(a->url, b->url) && same_str(a->final_url, b->final_url) &&
	       same_str(a->content_type, b->content_type) && same_str(a->charset, b->charset) &&
	       same_str(a->published, b->published) && same_str(a->title, b->title) &&
	       same_str(a->warc_file, b->warc_file) && a->fetched_at == b->fetched_at &&
	       a->warc_offset == b->warc_offset;
}

/* The pool's oldest page (@q, processed) has the body of @sp: the same
 * compressed bytes, or the same bytes. */
static bool same_body(struct assay_pool *pool, const struct assay_page *q,
		      const struct assay_stored_page *sp)
{
	size_t n;
	const void *z = pool_oldest_zipped(pool, &n);

	if (z)
		return sp->raw_z && n == sp->raw_z_len && memcmp(z, sp->raw_z, n) == 0;
	return sp->raw && q->len == sp->raw_len && memcmp(q->body, sp->raw, q->len) == 0;
}

/* The page goes to a worker compressed: the writer's thread, which
 * hands pages out, neither inflates nor copies a whole page.
 *
 * The store hands pages out in ascending article number. One that does
 * not ascend means the store began its walk again: the transaction was
 * redone (store_write retries after growing a full map). The ring then
 * holds pages of the walk given up, which no page of the new walk would
 * ever match: without emptying it, every page after would be processed
 * here, by the writer alone, while the workers idle. */
static void give_ahead(void *ctx, const struct assay_stored_page *sp)
{
	struct again *ag = ctx;
	struct assay_page page;

	if (ag->given && sp->meta->seq <= ag->last_seq) {
		pool_drop_all(ag->pool);
		ag->held = false;
		ag->ahead = 0;
	}
	ag->given = true;
	ag->last_seq = sp->meta->seq;
	page_of(sp, &page);
	if (sp->raw)
		(void)pool_queue(ag->pool, &page); /* if not queued, made in turn */
	else
		(void)pool_queue_zipped(ag->pool, &page, sp->raw_z, sp->raw_z_len);
}

/* @page processed: by a worker when the pool's oldest page is this one,
 * as it is now; else here. */
static int processed(struct again *ag, const struct assay_stored_page *sp,
		     struct assay_page *page, struct assay_processed **out)
{
	const struct assay_page *q = ag->pool ? pool_oldest(ag->pool) : NULL;
	int rc;

	if (q && strcmp(q->url, page->url) == 0) {
		struct assay_processed *pr = pool_take(ag->pool, &rc);

		ag->held = true;
		if (same_meta(q, page) && same_body(ag->pool, q, sp)) {
			ag->ahead++;
			*out = pr;
			return rc;
		}
	}
	if (!sp->raw) { /* given compressed: a missing or damaged page is empty */
		if (sp->raw_z && assay_store_unpack(sp->raw_z, sp->raw_z_len, &ag->raw) != ASSAY_OK)
			assay_buf_reset(&ag->raw);
		page->body = ag->raw.data ? ag->raw.data : "";
		page->len = ag->raw.len;
	}
	*out = &ag->pr;
	return assay_pipeline_process(page, &ag->pr);
}

static int process_again(void *ctx, const struct assay_stored_page *sp, struct assay_article *out)
{
	struct again *ag = ctx;
	const struct assay_stored_article *m = sp->meta;
	struct assay_processed *pr;
	struct assay_page page;
	int rc;

	if (ag->held)
		pool_drop(ag->pool);
	ag->held = false;
	assay_processed_release(&ag->pr);
	assay_buf_reset(&ag->raw);
	page_of(sp, &page);
	rc = processed(ag, sp, &page, &pr);
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
	return assay_pipeline_reprocess_jobs(s, 1, res);
}

int assay_pipeline_reprocess_jobs(struct assay_store *s, unsigned jobs,
				  struct assay_reprocess_result *res)
{
	struct again ag;
	unsigned slots;
	int rc;

	memset(&ag, 0, sizeof ag);
	if (jobs != 1 && assay_pool_new(NULL, jobs, &ag.pool) != ASSAY_OK)
		return ASSAY_ENOMEM;
	slots = ag.pool ? pool_slots(ag.pool) : 0;
	/* The window leaves a slot for the result held and one to spare. */
	if (slots > 2)
		rc = assay_store_reprocess_ahead(s, process_again, give_ahead, slots - 2, &ag, res);
	else
		rc = assay_store_reprocess(s, process_again, &ag, res);
	if (!rc && res)
		res->ahead = ag.ahead;
	if (ag.held)
		pool_drop(ag.pool);
	if (ag.pool)
		pool_drop_all(ag.pool);
	assay_pool_free(ag.pool);
	assay_processed_release(&ag.pr);
	assay_buf_release(&ag.raw);
	return rc;
}
