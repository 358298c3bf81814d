/* tables.c - tables -> claims: header cells name the metric, unit, period
 * and commodity, the first cell of a row names the subject, and every
 * other cell with a figure is a claim whose evidence is the row.
 *
 * A row whose label is not an entity ("Production Share" in a table of
 * aspects) makes no claim: column headers are never taken as subjects,
 * because a header like "China-Russia" names no single one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "claims.h"

#define MAXCELLS 12

struct column {
	char base[16];
	bool percent;      /* "share", "%" in the header */
	double scale;      /* "thousand tonnes" */
	char unit[24];
	char period[16];
	char commodity[32];
	char status[12];
};

struct cell {
	size_t start, end;   /* bytes, trimmed */
	size_t t0, t1;       /* tokens */
};

/* Cuts a row block into cells at '|', and its tokens among them. */
static size_t cells_of(const struct cl_doc *d, const struct cl_block *k, struct cell *c)
{
	size_t n = 0, a = k->start, t = k->s1 > k->s0 ? d->sent[k->s0].t0 : 0;
	size_t tend = k->s1 > k->s0 ? d->sent[k->s1 - 1].t1 : 0;

	while (a <= k->end && n < MAXCELLS) {
		const char *bar = memchr(d->text + a, '|', k->end - a);
		size_t e = bar ? (size_t)(bar - d->text) : k->end, s = a, f = e;
		while (s < f && (d->text[s] == ' ' || d->text[s] == '\t'))
			s++;
		while (f > s && (d->text[f - 1] == ' ' || d->text[f - 1] == '\t'))
			f--;
		if (f > s || bar) {
			c[n] = (struct cell){s, f, t, t};
			while (t < tend && d->tok[t].start < e)
				t++;
			c[n].t1 = t;
			while (c[n].t0 < t && d->tok[c[n].t0].kind == CT_PUNCT &&
			       d->tok[c[n].t0].w[0] == '|')
				c[n].t0++;
			n++;
		}
		if (!bar)
			break;
		a = e + 1;
	}
	while (n && c[n - 1].end == c[n - 1].start) /* "a | b |" */
		n--;
	return n;
}

static void grade_column(const struct cl_doc *d, const struct cell *c, struct column *col);

static void header_column(const struct cl_doc *d, const struct cell *c, struct column *col)
{
	const struct cl_rules *r = cl_rules();
	char base[16];

	memset(col, 0, sizeof *col);
	col->scale = 1;
	for (size_t t = c->t0; t < c->t1; t++) {
		const struct assay_mention *m = cl_mention(d, t);
		const char *w = d->tok[t].w;
		if (m && m->type == ASSAY_M_COMMODITY && !col->commodity[0])
			assay_copy(col->commodity, sizeof col->commodity, m->id);
		if (m && m->type == ASSAY_M_DATE && strlen(m->id) >= 4 && !col->period[0])
			assay_copy(col->period, sizeof col->period, m->id);
		if (d->tok[t].kind == CT_NUMBER && d->tok[t].num >= 1900 && d->tok[t].num < 2100)
			snprintf(col->period, sizeof col->period, "%.0f", d->tok[t].num);
		if (m && m->type == ASSAY_M_NUMBER && m->value >= 1900 && m->value < 2100 &&
		    m->value == (double)(long)m->value)
			snprintf(col->period, sizeof col->period, "%.0f", m->value);
		if (!strcmp(w, "share") || !strcmp(w, "%") || !strcmp(w, "percent") || !strcmp(w, "pct"))
			col->percent = true;
		if (!strncmp(w, "ton", 3) || !strcmp(w, "t") || !strcmp(w, "mt") || !strcmp(w, "kt"))
			assay_copy(col->unit, sizeof col->unit, "t");
		if (!strcmp(w, "kt") || !strcmp(w, "thousand") || !strcmp(w, "000"))
			col->scale = 1e3;
		if (!strcmp(w, "mt") || !strcmp(w, "million") || !strcmp(w, "mln"))
			col->scale = 1e6;
		size_t lo, hi, best = 0;
		cl_cue_range(r->metric, r->nmetric, sizeof *r->metric, w, &lo, &hi);
		for (size_t i = lo; !col->base[0] && i < hi; i++) {
			size_t n = cl_phrase_at(d, t, c->t1, &r->metric[i].p);
			if (n > best) { /* the longest cue: "processing capacity" */
				best = n;
				assay_copy(base, sizeof base, r->metric[i].base);
			}
		}
		if (best)
			assay_copy(col->base, sizeof col->base, base);
		cl_cue_range(r->status, r->nstatus, sizeof *r->status, w, &lo, &hi);
		for (size_t i = lo; !col->status[0] && i < hi; i++)
			if (cl_phrase_at(d, t, c->t1, &r->status[i].p))
				assay_copy(col->status, sizeof col->status, r->status[i].value);
	}
	grade_column(d, c, col);
}

/* "Copper%", "Cu-Eq%", "Au (g/t)": a column of assays in a drill table. */
static void grade_column(const struct cl_doc *d, const struct cell *c, struct column *col)
{
	const struct cl_element *el = NULL;
	bool per_ton = false;

	if (col->base[0])
		return;
	for (size_t p = c->start; p + 3 <= c->end; p++)
		per_ton |= !memcmp(d->text + p, "g/t", 3) || !memcmp(d->text + p, "gpt", 3) ||
			   !memcmp(d->text + p, "ppm", 3);
	for (size_t t = c->t0; t < c->t1 && !el; t++)
		if (d->tok[t].kind == CT_WORD && d->tok[t].upper)
			el = cl_element_of(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start);
	if (!el && !col->commodity[0])
		return;
	if (!col->percent && !per_ton)
		return;
	assay_copy(col->base, sizeof col->base, "grade");
	if (el && !col->commodity[0])
		assay_copy(col->commodity, sizeof col->commodity, el->commodity);
	if (per_ton) {
		col->percent = false;
		assay_copy(col->unit, sizeof col->unit, "g/t");
	}
}

/* The row label's subject id, "other" for the rest of the world, or "". */
static const char *row_subject(const struct cl_doc *d, const struct cell *c)
{
	for (size_t t = c->t0; t < c->t1; t++)
		if (cl_is_entity(d, t))
			return cl_mention(d, t)->id;
	if (c->t0 < c->t1 && (cl_word_is(d, c->t0, "others") || cl_word_is(d, c->t0, "other") ||
			      cl_word_is(d, c->t0, "rest")))
		return "other";
	return "";
}

static bool cell_figure(const struct cl_doc *d, const struct cell *c, const struct column *col,
			struct assay_claim *cl)
{
	for (size_t t = c->t0; t < c->t1; t++) {
		const struct assay_mention *m = cl_mention(d, t);
		const struct cl_tok *k = &d->tok[t];
		if (m && assay_mention_is_figure(m)) {
			cl->value = m->value;
			cl->value_max = m->value_max;
			cl->has_max = m->has_max;
			assay_copy(cl->qualifier, sizeof cl->qualifier, m->qualifier[0] ? m->qualifier : "eq");
			assay_copy(cl->unit, sizeof cl->unit, m->unit);
			if (m->type == ASSAY_M_NUMBER) {
				cl->value *= col->scale;
				cl->value_max *= col->scale;
				assay_copy(cl->unit, sizeof cl->unit, col->percent ? "%" : col->unit);
			}
		} else if (k->kind == CT_NUMBER) {
			cl->value = k->num * col->scale;
			assay_copy(cl->qualifier, sizeof cl->qualifier, "eq");
			assay_copy(cl->unit, sizeof cl->unit, col->percent ? "%" : col->unit);
		} else {
			continue;
		}
		cl->fig_start = k->start;
		cl->fig_end = k->end;
		return cl->unit[0] != '\0';
	}
	return false;
}

static int row_claims(struct cl_doc *d, const struct cl_block *k, const struct column *cols,
		      size_t ncols)
{
	struct cell c[MAXCELLS];
	size_t n = cells_of(d, k, c);
	const char *subj = n ? row_subject(d, &c[0]) : "";

	/* a drill table's rows are holes of the company that drilled them */
	for (size_t j = 1; !*subj && d->issuer >= 0 && j < ncols; j++)
		if (!strcmp(cols[j].base, "grade"))
			subj = cl_entity_id(d, d->issuer);

	for (size_t j = 1; *subj && j < n && j < ncols; j++) {
		struct assay_claim cl;
		const struct cl_metric_kind *mk = cl_kind(cols[j].base);
		const char *metric;
		memset(&cl, 0, sizeof cl);
		if (!mk || !cell_figure(d, &c[j], &cols[j], &cl))
			continue;
		metric = strcmp(cl.unit, "%") == 0 ? mk->percent : mk->quantity;
		if ((!strcmp(cols[j].status, "planned") || !strcmp(cols[j].status, "target")) &&
		    strcmp(cl.unit, "%") &&
		    strcmp(mk->planned, "-")) /* "Projected Production 2030": a target */
			metric = mk->planned;
		if (!strcmp(cl.unit, "USD") || strlen(cl.unit) == 3)
			metric = mk->money;
		if (!metric || !strcmp(metric, "-"))
			continue;
		assay_copy(cl.metric, sizeof cl.metric, metric);
		assay_copy(cl.subject, sizeof cl.subject, subj);
		assay_copy(cl.commodity, sizeof cl.commodity, mk->commodity ? cols[j].commodity : "");
		assay_copy(cl.period, sizeof cl.period, mk->dated ? cols[j].period : "");
		assay_copy(cl.status, sizeof cl.status,
			!strcmp(cols[j].status, "target") ? "planned" :
			cols[j].status[0] ? cols[j].status : "actual");
		cl.evidence = (struct assay_evidence){k->start, k->end};
		if (cl_push_claim(d, &cl))
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

/* "Mine production by country, in tonnes." above a table whose columns
 * are years: the caption says what the year columns measure. */
static void from_caption(const struct cl_doc *d, const struct cl_block *k, struct column *cols,
			 size_t ncols)
{
	struct column cap;
	struct cell c;

	if (k->kind == CB_ROW || k->s1 <= k->s0)
		return;
	c = (struct cell){k->start, k->end, d->sent[k->s0].t0, d->sent[k->s1 - 1].t1};
	header_column(d, &c, &cap);
	for (size_t j = 1; j < ncols && cap.base[0]; j++) {
		struct column *col = &cols[j];
		if (col->base[0] || !col->period[0])
			continue;
		assay_copy(col->base, sizeof col->base, cap.base);
		if (!col->unit[0]) {
			assay_copy(col->unit, sizeof col->unit, cap.unit);
			col->scale = cap.scale;
		}
		col->percent |= cap.percent;
		if (cap.commodity[0])
			assay_copy(col->commodity, sizeof col->commodity, cap.commodity);
	}
}

int cl_table_claims(struct cl_doc *d, size_t b0, size_t b1)
{
	struct column cols[MAXCELLS];
	struct cell c[MAXCELLS];
	size_t ncols, b = b0;
	char common[32] = "";

	while (b < b1 && d->blk[b].kind != CB_ROW)
		b++;
	if (b >= b1)
		return ASSAY_OK;
	ncols = cells_of(d, &d->blk[b], c);
	for (size_t j = 0; j < ncols; j++) {
		header_column(d, &c[j], &cols[j]);
		if (!common[0] && cols[j].commodity[0])
			assay_copy(common, sizeof common, cols[j].commodity);
	}
	if (!common[0] && b0 > 0 && d->blk[b0 - 1].s1 > d->blk[b0 - 1].s0) {
		const struct cl_sent *s = &d->sent[d->blk[b0 - 1].s1 - 1];
		cl_commodity(d, s, s->t0, s->t1, false, common);
	}
	for (size_t j = 0; j < ncols; j++)
		if (!cols[j].commodity[0])
			assay_copy(cols[j].commodity, sizeof cols[j].commodity, common);
	if (b0 > 0)
		from_caption(d, &d->blk[b0 - 1], cols, ncols);
	for (b++; b < b1; b++)
		if (d->blk[b].kind == CB_ROW && row_claims(d, &d->blk[b], cols, ncols))
			return ASSAY_ENOMEM;
	return ASSAY_OK;
}
