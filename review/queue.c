/* queue.c - the review queue: the claims an editor walks through,
 * filtered and newest first, with counts per state and the values the
 * filter menus offer.
 *
 * A snapshot is one walk of every claim and agreement with their sources
 * (the costly part: about a second at 80,000 claims). The server keeps one
 * and filters it for each page (milliseconds), and catches it up with the
 * store's writes by reading only the claims of the articles stored since
 * and the decisions (see cache.c). Rows stay where they are put; an order
 * of indices says which is newest, so catching up k claims costs k reads
 * and one pass over n indices, not a sort of n rows. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "map.h"
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
	snap->site_ix_live += r->site_n;
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

/* What a walk fills: a new snapshot (rows appended, put in order after
 * the walk), or one catching up (rows replaced or added, each noted). */
struct walk {
	struct assay_review_snapshot *snap;
	bool catching_up;
	uint32_t *touched; /* catching up: the rows put */
	size_t ntouched, touched_cap;
};

/* Where row @id is, or -1. */
static long row_of(const struct assay_review_snapshot *snap, const char *id)
{
	const size_t *at = assay_map_get(&snap->ids, id, strlen(id));

	return at ? (long)*at - 1 : -1;
}

static int note_id(struct assay_review_snapshot *snap, size_t i)
{
	size_t *at;

	if (assay_map_put(&snap->ids, snap->rows[i].id, strlen(snap->rows[i].id), &at))
		return ASSAY_ENOMEM;
	*at = i + 1;
	return ASSAY_OK;
}

/* Keeps @r (and its sites and facets) in the snapshot: a new row, or in
 * place of the row of the same id when catching up. */
static int keep(struct walk *w, struct assay_review_row *r, const struct assay_source *src,
		size_t nsrc)
{
	struct assay_review_snapshot *snap = w->snap;
	long at = w->catching_up ? row_of(snap, r->id) : -1;
	int rc = add_facets(snap, r);

	if (!rc)
		rc = add_sites(snap, r, src, nsrc);
	if (rc)
		return rc;
	if (at < 0) {
		if (assay_array_reserve(&snap->rows, &snap->cap, snap->n + 1, sizeof *snap->rows))
			return ASSAY_ENOMEM;
		at = (long)snap->n;
		snap->rows[snap->n++] = *r;
		if (w->catching_up && note_id(snap, (size_t)at)) {
			snap->n--;
			return ASSAY_ENOMEM;
		}
	} else {
		snap->site_ix_live -= snap->rows[at].site_n;
		snap->rows[at] = *r;
	}
	if (!w->catching_up)
		return ASSAY_OK;
	if (assay_array_reserve(&w->touched, &w->touched_cap, w->ntouched + 1, sizeof *w->touched))
		return ASSAY_ENOMEM;
	w->touched[w->ntouched++] = (uint32_t)at;
	return ASSAY_OK;
}

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t nsrc)
{
	struct assay_review_row r;

	memset(&r, 0, sizeof r);
	assay_copy(r.id, sizeof r.id, c->id);
	assay_copy(r.state, sizeof r.state,
		   c->review.state[0] ? c->review.state : assay_review_state_names[ASSAY_REVIEW_PENDING]);
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
	assay_copy(r.state, sizeof r.state,
		   a->review.state[0] ? a->review.state : assay_review_state_names[ASSAY_REVIEW_PENDING]);
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

static int cmp_row_ptrs(const void *a, const void *b)
{
	return cmp_rows(*(const struct assay_review_row *const *)a,
			*(const struct assay_review_row *const *)b);
}

/* The menus' copy of the sites, sorted (the row indices keep the order
 * the sites were met in). */
static int sort_sites(struct assay_review_snapshot *snap)
{
	char (*sorted)[128];

	if (!snap->nsites)
		return ASSAY_OK;
	sorted = realloc(snap->sites_sorted, snap->nsites * sizeof *snap->sites_sorted);
	if (!sorted)
		return ASSAY_ENOMEM;
	snap->sites_sorted = sorted;
	memcpy(snap->sites_sorted, snap->sites, snap->nsites * sizeof *snap->sites);
	qsort(snap->sites_sorted, snap->nsites, sizeof *snap->sites_sorted, cmp_str);
	snap->nsites_sorted = snap->nsites;
	return ASSAY_OK;
}

static int sort_facets(struct assay_review_snapshot *snap)
{
	qsort(snap->subjects, snap->nsubjects, sizeof *snap->subjects, cmp_str);
	qsort(snap->metrics, snap->nmetrics, sizeof *snap->metrics, cmp_str);
	qsort(snap->commodities, snap->ncommodities, sizeof *snap->commodities, cmp_str);
	return snap->nsites == snap->nsites_sorted ? ASSAY_OK : sort_sites(snap);
}

/* A new snapshot's rows, sorted in place: the order is then 0, 1, ...,
 * and the filter reads the rows front to back. */
static int order_all(struct assay_review_snapshot *snap)
{
	qsort(snap->rows, snap->n, sizeof *snap->rows, cmp_rows);
	if (assay_array_reserve(&snap->order, &snap->order_cap, snap->n ? snap->n : 1,
				sizeof *snap->order))
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < snap->n; i++) {
		snap->order[i] = (uint32_t)i;
		if (note_id(snap, i))
			return ASSAY_ENOMEM;
	}
	snap->norder = snap->n;
	return ASSAY_OK;
}

int assay_review_snapshot_load(struct assay_store *s, struct assay_review_snapshot *snap)
{
	struct walk w = {snap, false, NULL, 0, 0};
	int rc;

	memset(snap, 0, sizeof *snap);
	rc = assay_store_claims(s, NULL, on_claim, &w);
	if (!rc)
		rc = assay_store_agreements(s, NULL, on_agreement, &w);
	if (!rc)
		rc = order_all(snap);
	if (!rc)
		rc = sort_facets(snap);
	if (rc)
		assay_review_snapshot_release(snap);
	return rc;
}

/* The first of the @n rows at @order that sorts after @r (a binary
 * search: log n rows read). */
static size_t place_of(const struct assay_review_snapshot *snap, const uint32_t *order, size_t n,
		       const struct assay_review_row *r)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_rows(&snap->rows[order[mid]], r) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Puts the @k rows @touched (new or changed) in their places in the
 * order: they leave it, are sorted among themselves, and go back in
 * where a binary search puts each. */
static int reorder(struct assay_review_snapshot *snap, const uint32_t *touched, size_t k)
{
	const struct assay_review_row **mine = malloc((k ? k : 1) * sizeof *mine);
	unsigned char *out = calloc(snap->n / 8 + 1, 1);
	uint32_t *next = malloc((snap->n ? snap->n : 1) * sizeof *next);
	size_t m = 0, at = 0, j = 0;
	int rc = ASSAY_ENOMEM;

	if (!mine || !out || !next)
		goto done;
	for (size_t i = 0; i < k; i++) {
		out[touched[i] / 8] |= (unsigned char)(1u << (touched[i] % 8));
		mine[i] = &snap->rows[touched[i]];
	}
	qsort(mine, k, sizeof *mine, cmp_row_ptrs);
	for (size_t i = 0; i < snap->norder; i++) /* the rest keep their order */
		if (!(out[snap->order[i] / 8] & (1u << (snap->order[i] % 8))))
			snap->order[m++] = snap->order[i];
	for (size_t i = 0; i < k; i++) {
		size_t p = at + place_of(snap, snap->order + at, m - at, mine[i]);

		memcpy(next + j, snap->order + at, (p - at) * sizeof *next);
		j += p - at;
		at = p;
		next[j++] = (uint32_t)(mine[i] - snap->rows);
	}
	memcpy(next + j, snap->order + at, (m - at) * sizeof *next);
	free(snap->order);
	snap->order = next, snap->norder = j + m - at, snap->order_cap = snap->n;
	next = NULL;
	rc = ASSAY_OK;
done:
	free(mine);
	free(out);
	free(next);
	return rc;
}

/* Rows whose site lists were replaced leave their old lists behind in
 * site_ix; when those outgrow the live ones, the lists are copied anew. */
static int compact_sites(struct assay_review_snapshot *snap)
{
	uint32_t *ix;
	size_t n = 0;

	if (snap->nsite_ix <= 2 * snap->site_ix_live + 4096)
		return ASSAY_OK;
	ix = malloc((snap->site_ix_live ? snap->site_ix_live : 1) * sizeof *ix);
	if (!ix)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < snap->n; i++) {
		struct assay_review_row *r = &snap->rows[i];

		memcpy(ix + n, snap->site_ix + r->site_off, r->site_n * sizeof *ix);
		r->site_off = (uint32_t)n;
		n += r->site_n;
	}
	free(snap->site_ix);
	snap->site_ix = ix, snap->nsite_ix = n, snap->site_ix_cap = snap->site_ix_live;
	return ASSAY_OK;
}

static int on_decision(void *ctx, const char *id, const char *state)
{
	assay_review_snapshot_set_state(ctx, id, state);
	return ASSAY_OK;
}

int assay_review_snapshot_catch_up(struct assay_store *s, struct assay_review_snapshot *snap,
				   const struct assay_store_clock *then,
				   struct assay_store_clock *now)
{
	struct walk w = {snap, true, NULL, 0, 0};
	struct assay_store_clock seen;
	int rc = assay_store_claims_since(s, then->articles, on_claim, on_agreement, &w, now);

	if (!rc)
		rc = reorder(snap, w.touched, w.ntouched);
	if (!rc)
		rc = sort_facets(snap);
	if (!rc)
		rc = compact_sites(snap);
	free(w.touched);
	if (rc || now->decisions == then->decisions)
		return rc;
	/* read after the claims: the states it gives are the newer */
	rc = assay_store_decisions(s, on_decision, snap, &seen);
	if (!rc)
		now->decisions = seen.decisions;
	return rc;
}

void assay_review_snapshot_release(struct assay_review_snapshot *snap)
{
	free(snap->rows);
	free(snap->order);
	assay_map_release(&snap->ids);
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
	long at = row_of(snap, id);

	if (at >= 0)
		assay_copy(snap->rows[at].state, sizeof snap->rows[at].state, state);
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
	for (size_t i = 0; i < snap->norder; i++) {
		const struct assay_review_row *r = &snap->rows[snap->order[i]];

		if (!passes(snap, f, r, site))
			continue;
		enum assay_review_state st;
		if (assay_review_state_parse(r->state, &st))
			q->counts[st]++;
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
