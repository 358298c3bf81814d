/* serve_queue.c - the review queue: the claims an editor walks through,
 * filtered and newest first, with counts per state and the values the
 * filter menus offer.
 *
 * The whole claims table is walked once per page: the store is a local
 * file of thousands of claims, not millions, and one walk keeps counts,
 * menus and rows consistent with each other. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "serve_pages.h"

const char *const serve_state_names[SERVE_STATES] = {
	"pending", "accepted", "rejected", "corrected",
};

static const struct {
	const char *arg;
	size_t off, size;
} filter_fields[] = {
	{"state", offsetof(struct serve_filter, state), sizeof ((struct serve_filter *)0)->state},
	{"subject", offsetof(struct serve_filter, subject), sizeof ((struct serve_filter *)0)->subject},
	{"metric", offsetof(struct serve_filter, metric), sizeof ((struct serve_filter *)0)->metric},
	{"commodity", offsetof(struct serve_filter, commodity),
	 sizeof ((struct serve_filter *)0)->commodity},
	{"site", offsetof(struct serve_filter, site), sizeof ((struct serve_filter *)0)->site},
};
#define NFIELDS (sizeof filter_fields / sizeof filter_fields[0])

void serve_filter_from_req(const struct serve_req *req, struct serve_filter *f)
{
	bool any_state = false;

	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < NFIELDS; i++) {
		char *dst = (char *)f + filter_fields[i].off;
		const char *v = req->post ? NULL : serve_req_arg(req, filter_fields[i].arg);
		bool have = v != NULL;

		if (v)
			snprintf(dst, filter_fields[i].size, "%s", v);
		else if (req->post)
			have = serve_form_get(req->body, req->body_len, filter_fields[i].arg,
					      dst, filter_fields[i].size);
		if (i == 0)
			any_state = have;
	}
	if (!any_state)
		snprintf(f->state, sizeof f->state, "pending");
	if (strcmp(f->state, "any") == 0)
		f->state[0] = '\0';
}

void serve_filter_query(struct serve_out *o, const struct serve_filter *f, bool html)
{
	serve_printf(o, "state=");
	serve_urlarg(o, f->state[0] ? f->state : "any");
	for (size_t i = 1; i < NFIELDS; i++) {
		const char *v = (const char *)f + filter_fields[i].off;
		if (!*v)
			continue;
		serve_printf(o, "%s%s=", html ? "&amp;" : "&", filter_fields[i].arg);
		serve_urlarg(o, v);
	}
}

void serve_filter_fields(struct serve_out *o, const struct serve_filter *f)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *v = (const char *)f + filter_fields[i].off;
		if (i == 0 && !*v)
			v = "any";
		if (!*v)
			continue;
		serve_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"", filter_fields[i].arg);
		serve_text(o, v);
		serve_printf(o, "\">");
	}
}

/* Adds @s to the set @arr of @width-byte strings unless present. */
static int set_add(void **arr, size_t *n, size_t width, const char *s)
{
	char *a = *arr, *grown;

	if (!s || !*s)
		return ASSAY_OK;
	for (size_t i = 0; i < *n; i++)
		if (strncmp(a + i * width, s, width - 1) == 0)
			return ASSAY_OK;
	if ((*n & (*n - 1)) == 0) { /* grow at powers of two */
		grown = realloc(a, (*n ? *n * 2 : 8) * width);
		if (!grown)
			return ASSAY_ENOMEM;
		*arr = a = grown;
	}
	snprintf(a + *n * width, width, "%s", s);
	(*n)++;
	return ASSAY_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int add_facets(struct serve_queue *q, const struct serve_row *r,
		      const struct assay_source *src, size_t nsrc)
{
	int rc = set_add((void **)&q->subjects, &q->nsubjects, sizeof *q->subjects, r->subject);

	for (int i = 0; i < r->nparties && !rc; i++)
		rc = set_add((void **)&q->subjects, &q->nsubjects, sizeof *q->subjects, r->parties[i]);
	if (!rc)
		rc = set_add((void **)&q->metrics, &q->nmetrics, sizeof *q->metrics, r->metric);
	if (!rc)
		rc = set_add((void **)&q->commodities, &q->ncommodities, sizeof *q->commodities,
			     r->commodity);
	for (size_t i = 0; i < nsrc && !rc; i++)
		rc = set_add((void **)&q->sites, &q->nsites, sizeof *q->sites, src[i].site);
	return rc;
}

struct walk {
	struct serve_queue *q;
	const struct serve_filter *f;
};

static bool has_subject(const struct serve_row *r, const char *subject)
{
	if (strcmp(r->subject, subject) == 0)
		return true;
	for (int i = 0; i < r->nparties; i++)
		if (strcmp(r->parties[i], subject) == 0)
			return true;
	return false;
}

static bool passes(const struct serve_filter *f, const struct serve_row *r,
		   const struct assay_source *src, size_t nsrc)
{
	bool site = !f->site[0];

	if ((f->subject[0] && !has_subject(r, f->subject)) ||
	    (f->metric[0] && strcmp(f->metric, r->metric) != 0) ||
	    (f->commodity[0] && strcmp(f->commodity, r->commodity) != 0))
		return false;
	for (size_t i = 0; i < nsrc && !site; i++)
		site = strcmp(src[i].site, f->site) == 0;
	return site;
}

/* The newest source: publication date, ingest number and site. */
static void newest_source(struct serve_row *r, const struct assay_source *src, size_t nsrc)
{
	r->nsources = nsrc;
	for (size_t i = 0; i < nsrc; i++) {
		if (strcmp(src[i].published, r->newest) > 0 ||
		    (strcmp(src[i].published, r->newest) == 0 && src[i].seq > r->seq)) {
			snprintf(r->newest, sizeof r->newest, "%s", src[i].published);
			snprintf(r->site, sizeof r->site, "%s", src[i].site);
		}
		if (src[i].seq > r->seq)
			r->seq = src[i].seq;
	}
}

/* Counts @r's state and keeps it when it passes the filter. */
static int offer(struct walk *w, const struct serve_row *r, const struct assay_source *src,
		 size_t nsrc)
{
	struct serve_queue *q = w->q;
	int rc = add_facets(q, r, src, nsrc);

	q->total++;
	if (rc || !passes(w->f, r, src, nsrc))
		return rc;
	for (size_t i = 0; i < SERVE_STATES; i++)
		if (strcmp(r->state, serve_state_names[i]) == 0)
			q->counts[i]++;
	if (w->f->state[0] && strcmp(w->f->state, r->state) != 0)
		return ASSAY_OK;
	if (q->n == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 64;
		struct serve_row *grown = realloc(q->rows, cap * sizeof *grown);
		if (!grown)
			return ASSAY_ENOMEM;
		q->rows = grown;
		q->cap = cap;
	}
	q->rows[q->n++] = *r;
	return ASSAY_OK;
}

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t nsrc)
{
	struct serve_row r;

	memset(&r, 0, sizeof r);
	snprintf(r.id, sizeof r.id, "%s", c->id);
	snprintf(r.state, sizeof r.state, "%s", c->review.state[0] ? c->review.state : "pending");
	snprintf(r.subject, sizeof r.subject, "%s", c->c.subject);
	snprintf(r.metric, sizeof r.metric, "%s", c->c.metric);
	snprintf(r.commodity, sizeof r.commodity, "%s", c->c.commodity);
	snprintf(r.period, sizeof r.period, "%s", c->c.period);
	snprintf(r.unit, sizeof r.unit, "%s", c->c.unit);
	serve_claim_figure(c, r.figure, sizeof r.figure);
	newest_source(&r, src, nsrc);
	return offer(ctx, &r, src, nsrc);
}

static int on_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t nsrc)
{
	struct serve_row r;

	memset(&r, 0, sizeof r);
	r.is_agr = true;
	snprintf(r.id, sizeof r.id, "%s", a->id);
	snprintf(r.state, sizeof r.state, "%s", a->review.state[0] ? a->review.state : "pending");
	snprintf(r.metric, sizeof r.metric, "agreement");
	snprintf(r.commodity, sizeof r.commodity, "%s", a->a.topic);
	for (int i = 0; i < a->a.nparties && i < ASSAY_MAX_PARTIES; i++)
		snprintf(r.parties[r.nparties++], sizeof r.parties[0], "%s", a->a.parties[i]);
	snprintf(r.figure, sizeof r.figure, "%s: %s", a->a.type, a->a.status);
	newest_source(&r, src, nsrc);
	return offer(ctx, &r, src, nsrc);
}

/* Newest publication first, then latest ingested, then by id. */
static int cmp_rows(const void *a, const void *b)
{
	const struct serve_row *x = a, *y = b;
	int d = strcmp(y->newest, x->newest);

	if (d)
		return d;
	if (x->seq != y->seq)
		return x->seq < y->seq ? 1 : -1;
	return strcmp(x->id, y->id);
}

int serve_queue_load(struct assay_store *s, const struct serve_filter *f,
		     struct serve_queue *q)
{
	struct walk w = {q, f};
	int rc;

	memset(q, 0, sizeof *q);
	rc = assay_store_claims(s, NULL, on_claim, &w);
	if (!rc)
		rc = assay_store_agreements(s, NULL, on_agreement, &w);
	if (rc)
		goto fail;
	qsort(q->rows, q->n, sizeof *q->rows, cmp_rows);
	qsort(q->subjects, q->nsubjects, sizeof *q->subjects, cmp_str);
	qsort(q->metrics, q->nmetrics, sizeof *q->metrics, cmp_str);
	qsort(q->commodities, q->ncommodities, sizeof *q->commodities, cmp_str);
	qsort(q->sites, q->nsites, sizeof *q->sites, cmp_str);
	return ASSAY_OK;
fail:
	serve_queue_release(q);
	return rc;
}

void serve_queue_release(struct serve_queue *q)
{
	free(q->rows);
	free(q->subjects);
	free(q->metrics);
	free(q->commodities);
	free(q->sites);
	memset(q, 0, sizeof *q);
}

long serve_queue_find(const struct serve_queue *q, const char *id)
{
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->rows[i].id, id) == 0)
			return (long)i;
	return -1;
}
