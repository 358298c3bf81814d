/* queue.c - the review queue: the claims an editor walks through,
 * filtered and newest first, with counts per state and the values the
 * filter menus offer.
 *
 * A snapshot is one walk of every claim and agreement with their sources
 * (the costly part: about a second at 80,000 claims). The server keeps one
 * and filters it for each page (milliseconds), updates it in place for its
 * own decisions, and walks the store again when the store changed under
 * it (see cache.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "review.h"
#include "str.h"

/* Finds or adds @s in the set @arr of @width-byte strings; *at is its
 * index (stable: the set is only appended to). */
static int set_add(void **arr, size_t *n, size_t width, const char *s, size_t *at)
{
	char *a = *arr;

	*at = (size_t)-1;
	if (!s || !*s)
		return ASSAY_OK;
	for (size_t i = 0; i < *n; i++)
		if (strncmp(a + i * width, s, width - 1) == 0) {
			*at = i;
			return ASSAY_OK;
		}
	if (assay_array_grow(arr, *n, width))
		return ASSAY_ENOMEM;
	a = *arr;
	snprintf(a + *n * width, width, "%s", s);
	*at = (*n)++;
	return ASSAY_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Remembers the row's sites (as indices into snap->sites) for the filter. */
static int add_sites(struct assay_review_snapshot *snap, struct assay_review_row *r,
		     const struct assay_source *src, size_t nsrc)
{
	r->site_off = snap->nsite_ix;
	for (size_t i = 0; i < nsrc; i++) {
		size_t at;
		int rc = set_add((void **)&snap->sites, &snap->nsites, sizeof *snap->sites,
				 src[i].site, &at);

		if (rc)
			return rc;
		if (at == (size_t)-1)
			continue;
		if (assay_array_reserve(&snap->site_ix, &snap->site_ix_cap, snap->nsite_ix + 1,
					sizeof *snap->site_ix))
			return ASSAY_ENOMEM;
		snap->site_ix[snap->nsite_ix++] = (uint32_t)at;
	}
	r->site_n = (uint32_t)(snap->nsite_ix - r->site_off);
	return ASSAY_OK;
}

static int add_facets(struct assay_review_snapshot *snap, const struct assay_review_row *r)
{
	size_t at;
	int rc = set_add((void **)&snap->subjects, &snap->nsubjects, sizeof *snap->subjects,
			 r->subject, &at);

	for (int i = 0; i < r->nparties && !rc; i++)
		rc = set_add((void **)&snap->subjects, &snap->nsubjects, sizeof *snap->subjects,
			     r->parties[i], &at);
	if (!rc)
		rc = set_add((void **)&snap->metrics, &snap->nmetrics, sizeof *snap->metrics,
			     r->metric, &at);
	if (!rc)
		rc = set_add((void **)&snap->commodities, &snap->ncommodities,
			     sizeof *snap->commodities, r->commodity, &at);
	return rc;
}

/* The newest source: publication date, ingest number and site. */
static void newest_source(struct assay_review_row *r, const struct assay_source *src, size_t nsrc)
{
	r->nsources = nsrc;
	for (size_t i = 0; i < nsrc; i++) {
		if (!r->evidence[0] || strcmp(src[i].published, r->newest) > 0 ||
		    (strcmp(src[i].published, r->newest) == 0 && src[i].seq > r->seq)) {
			assay_copy(r->newest, sizeof r->newest, src[i].published);
			assay_copy(r->site, sizeof r->site, src[i].site);
			assay_review_tidy(src[i].evidence, strlen(src[i].evidence), r->evidence,
					  sizeof r->evidence);
		}
		if (src[i].seq > r->seq)
			r->seq = src[i].seq;
	}
}

/* Keeps @r (and its sites and facets) in the snapshot. */
static int keep(struct assay_review_snapshot *snap, struct assay_review_row *r,
		const struct assay_source *src, size_t nsrc)
{
	int rc = add_facets(snap, r);

	if (!rc)
		rc = add_sites(snap, r, src, nsrc);
	if (rc)
		return rc;
	if (assay_array_reserve(&snap->rows, &snap->cap, snap->n + 1, sizeof *snap->rows))
		return ASSAY_ENOMEM;
	snap->rows[snap->n++] = *r;
	return ASSAY_OK;
}

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t nsrc)
{
	struct assay_review_row r;

	memset(&r, 0, sizeof r);
	assay_copy(r.id, sizeof r.id, c->id);
	assay_copy(r.state, sizeof r.state, c->review.state[0] ? c->review.state : "pending");
	assay_copy(r.subject, sizeof r.subject, c->c.subject);
	assay_copy(r.metric, sizeof r.metric, c->c.metric);
	assay_copy(r.commodity, sizeof r.commodity, c->c.commodity);
	assay_copy(r.period, sizeof r.period, c->c.period);
	assay_copy(r.unit, sizeof r.unit, c->c.unit);
	assay_review_claim_figure(c, r.figure, sizeof r.figure);
	newest_source(&r, src, nsrc);
	return keep(ctx, &r, src, nsrc);
}

static int on_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t nsrc)
{
	struct assay_review_row r;

	memset(&r, 0, sizeof r);
	r.is_agr = true;
	assay_copy(r.id, sizeof r.id, a->id);
	assay_copy(r.state, sizeof r.state, a->review.state[0] ? a->review.state : "pending");
	snprintf(r.metric, sizeof r.metric, "agreement");
	assay_copy(r.commodity, sizeof r.commodity, a->a.topic);
	for (int i = 0; i < a->a.nparties && i < ASSAY_MAX_PARTIES; i++)
		assay_copy(r.parties[r.nparties++], sizeof r.parties[0], a->a.parties[i]);
	snprintf(r.figure, sizeof r.figure, "%s: %s", a->a.type, a->a.status);
	newest_source(&r, src, nsrc);
	return keep(ctx, &r, src, nsrc);
}

/* Newest publication first, then latest ingested, then by id. */
static int cmp_rows(const void *a, const void *b)
{
	const struct assay_review_row *x = a, *y = b;
	int d = strcmp(y->newest, x->newest);

	if (d)
		return d;
	if (x->seq != y->seq)
		return x->seq < y->seq ? 1 : -1;
	return strcmp(x->id, y->id);
}

/* The menus' copy of the sites, sorted (the row indices keep the order
 * the sites were met in). */
static int sort_sites(struct assay_review_snapshot *snap)
{
	if (!snap->nsites)
		return ASSAY_OK;
	snap->sites_sorted = malloc(snap->nsites * sizeof *snap->sites_sorted);
	if (!snap->sites_sorted)
		return ASSAY_ENOMEM;
	memcpy(snap->sites_sorted, snap->sites, snap->nsites * sizeof *snap->sites);
	qsort(snap->sites_sorted, snap->nsites, sizeof *snap->sites_sorted, cmp_str);
	return ASSAY_OK;
}

int assay_review_snapshot_load(struct assay_store *s, struct assay_review_snapshot *snap)
{
	int rc;

	memset(snap, 0, sizeof *snap);
	rc = assay_store_claims(s, NULL, on_claim, snap);
	if (!rc)
		rc = assay_store_agreements(s, NULL, on_agreement, snap);
	if (!rc)
		rc = sort_sites(snap);
	if (rc) {
		assay_review_snapshot_release(snap);
		return rc;
	}
	qsort(snap->rows, snap->n, sizeof *snap->rows, cmp_rows);
	qsort(snap->subjects, snap->nsubjects, sizeof *snap->subjects, cmp_str);
	qsort(snap->metrics, snap->nmetrics, sizeof *snap->metrics, cmp_str);
	qsort(snap->commodities, snap->ncommodities, sizeof *snap->commodities, cmp_str);
	return ASSAY_OK;
}

void assay_review_snapshot_release(struct assay_review_snapshot *snap)
{
	free(snap->rows);
	free(snap->site_ix);
	free(snap->subjects);
	free(snap->metrics);
	free(snap->commodities);
	free(snap->sites);
	free(snap->sites_sorted);
	memset(snap, 0, sizeof *snap);
}

void assay_review_snapshot_set_state(struct assay_review_snapshot *snap, const char *id, const char *state)
{
	for (size_t i = 0; i < snap->n; i++)
		if (strcmp(snap->rows[i].id, id) == 0)
			assay_copy(snap->rows[i].state, sizeof snap->rows[i].state, state);
}

static bool has_subject(const struct assay_review_row *r, const char *subject)
{
	if (strcmp(r->subject, subject) == 0)
		return true;
	for (int i = 0; i < r->nparties; i++)
		if (strcmp(r->parties[i], subject) == 0)
			return true;
	return false;
}

static bool has_site(const struct assay_review_snapshot *snap, const struct assay_review_row *r, size_t site)
{
	for (uint32_t i = 0; i < r->site_n; i++)
		if (snap->site_ix[r->site_off + i] == site)
			return true;
	return false;
}

/* The index of the filter's site in snap->sites; -1 for any, -2 for one
 * no row has. */
static long site_index(const struct assay_review_snapshot *snap, const char *site)
{
	if (!*site)
		return -1;
	for (size_t i = 0; i < snap->nsites; i++)
		if (strcmp(snap->sites[i], site) == 0)
			return (long)i;
	return -2;
}

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c == '_' ? ' ' : c;
}

/* @q in @hay, ASCII letters in any case, '_' as a space ("refining
 * share" finds refining_share). */
static bool has_words(const char *hay, const char *q)
{
	if (!hay)
		return false;
	for (; *hay; hay++) {
		size_t i = 0;

		while (q[i] && hay[i] && fold((unsigned char)hay[i]) == fold((unsigned char)q[i]))
			i++;
		if (!q[i])
			return true;
	}
	return false;
}

static bool finds(const struct assay_review_row *r, const char *q)
{
	if (has_words(r->figure, q) || has_words(r->evidence, q) || has_words(r->site, q) ||
	    has_words(r->metric, q) || has_words(r->commodity, q) || has_words(r->period, q) ||
	    has_words(r->id, q) || has_words(r->subject, q) ||
	    has_words(assay_review_name_of(r->subject), q))
		return true;
	for (int i = 0; i < r->nparties; i++)
		if (has_words(r->parties[i], q) || has_words(assay_review_name_of(r->parties[i]), q))
			return true;
	return false;
}

static bool passes(const struct assay_review_snapshot *snap, const struct assay_review_filter *f,
		   const struct assay_review_row *r, long site)
{
	if (f->q[0] && !finds(r, f->q))
		return false;
	if ((f->subject[0] && !has_subject(r, f->subject)) ||
	    (f->metric[0] && strcmp(f->metric, r->metric) != 0) ||
	    (f->commodity[0] && strcmp(f->commodity, r->commodity) != 0))
		return false;
	return site == -1 || (site >= 0 && has_site(snap, r, (size_t)site));
}

int assay_review_queue_filter(const struct assay_review_snapshot *snap, const struct assay_review_filter *f,
		       struct assay_review_queue *q)
{
	long site = site_index(snap, f->site);

	memset(q, 0, sizeof *q);
	q->rows = malloc((snap->n ? snap->n : 1) * sizeof *q->rows);
	if (!q->rows)
		return ASSAY_ENOMEM;
	q->total = snap->n;
	q->subjects = snap->subjects, q->nsubjects = snap->nsubjects;
	q->metrics = snap->metrics, q->nmetrics = snap->nmetrics;
	q->commodities = snap->commodities, q->ncommodities = snap->ncommodities;
	q->sites = snap->sites_sorted, q->nsites = snap->nsites;
	for (size_t i = 0; i < snap->n; i++) {
		const struct assay_review_row *r = &snap->rows[i];

		if (!passes(snap, f, r, site))
			continue;
		for (size_t k = 0; k < ASSAY_REVIEW_STATES; k++)
			if (strcmp(r->state, assay_review_state_names[k]) == 0)
				q->counts[k]++;
		if (!f->state[0] || strcmp(f->state, r->state) == 0)
			q->rows[q->n++] = r;
	}
	return ASSAY_OK;
}

int assay_review_queue_load(struct assay_store *s, const struct assay_review_filter *f,
		     struct assay_review_queue *q)
{
	struct assay_review_snapshot *snap = malloc(sizeof *snap);
	int rc;

	memset(q, 0, sizeof *q);
	if (!snap)
		return ASSAY_ENOMEM;
	rc = assay_review_snapshot_load(s, snap);
	if (!rc)
		rc = assay_review_queue_filter(snap, f, q);
	if (rc) {
		assay_review_snapshot_release(snap);
		free(snap);
		return rc;
	}
	q->own = snap;
	return ASSAY_OK;
}

void assay_review_queue_release(struct assay_review_queue *q)
{
	free(q->rows);
	if (q->own) {
		assay_review_snapshot_release(q->own);
		free(q->own);
	}
	memset(q, 0, sizeof *q);
}

long assay_review_queue_find(const struct assay_review_queue *q, const char *id)
{
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->rows[i]->id, id) == 0)
			return (long)i;
	return -1;
}
