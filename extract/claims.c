/* claims.c - figures in sentences -> claims: whose, what, of which
 * commodity, when, planned or actual.
 *
 * For each figure the metric comes from cue words (metric_cues.tsv): first
 * those describing its own noun phrase ("38% of global reserves"), else
 * the nearest cue before it since the previous figure ("China produced
 * 140,000 tonnes"). A figure with no cue of its own that follows an entity
 * in a list ("Malaysia 28,526 tonnes, Indonesia 24,516") or a change ("cut
 * 0.75 cent to 66 cents") inherits what the figure before it measured.
 * A figure with no metric or no subject makes no claim: silence beats a
 * wrong claim an editor must reject. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "claims.h"
#include "vocab.h"

/* What the previous figure of the sentence measured, for ellipsis. */
struct head {
	bool valid;
	size_t tok;
	char base[16], status[12], period[16], commodity[32];
	double scale;       /* canonical value per written number */
	char unit[24], per[8];
	char place[64];
	char prior_base[16], prior_unit[24]; /* the head before this one */
	bool back;          /* a level of the year before ("from year-earlier") */
};

/* What a unit measures: 'g' a grade or share, '$' money, 'q' else. */
static char unit_dim(const char *unit)
{
	if (!strcmp(unit, "%") || !strcmp(unit, "oz/t") || !strcmp(unit, "g/t") || !strcmp(unit, "ppm"))
		return 'g';
	if (strlen(unit) == 3 && isupper((unsigned char)unit[0]) && isupper((unsigned char)unit[1]) &&
	    isupper((unsigned char)unit[2]))
		return '$';
	return 'q';
}

static bool is_punct(const struct cl_doc *d, size_t t, const char *set)
{
	return d->tok[t].kind == CT_PUNCT && strchr(set, d->tok[t].w[0]);
}

static bool stops_noun_phrase(const struct cl_doc *d, size_t t)
{
	if (is_punct(d, t, ",;:().!?\""))
		return true;
	return d->tok[t].kind == CT_WORD && (d->tok[t].cls & CW_STOPNP);
}

/* The longest metric cue of the wanted side at @t within [t, end). */
static const struct cl_metric_cue *metric_cue_at(const struct cl_doc *d, size_t t, size_t end,
						 bool after, size_t *len)
{
	const struct cl_rules *r = cl_rules();
	const struct cl_metric_cue *best = NULL;

	size_t lo, hi;

	*len = 0;
	if (d->tok[t].kind != CT_WORD || !(d->tok[t].cls & CW_CUE_METRIC))
		return NULL;
	cl_cue_range(r->metric, r->nmetric, sizeof *r->metric, d->tok[t].w, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		if (r->metric[i].after != after)
			continue;
		size_t n = cl_phrase_at(d, t, end, &r->metric[i].p);
		if (n > *len) {
			*len = n;
			best = &r->metric[i];
		}
	}
	return best;
}

/* Cues in the figure's own noun phrase, with one coordinated second
 * ("70% of global production and refining"). */
static int right_cues(const struct cl_doc *d, size_t f, size_t r, char bases[2][16])
{
	size_t len, len2;

	for (size_t u = f + 1; u < r && u < f + 9; u++) {
		const struct cl_metric_cue *c = metric_cue_at(d, u, r, true, &len);
		/* a stop word ends the noun phrase unless a passive cue starts
		 * there: "five mln dlrs will be spent to ..." */
		if (stops_noun_phrase(d, u) && !(c && len > 1 && u == f + 1))
			break;
		if (!c)
			continue;
		assay_copy(bases[0], 16, c->base);
		size_t v = u + len;
		if (v < r && (cl_word_is(d, v, "and") || cl_word_is(d, v, "or")))
			v++;
		else
			return 1;
		if (v < r && cl_word_is(d, v, "the"))
			v++;
		const struct cl_metric_cue *c2 = metric_cue_at(d, v, r, true, &len2);
		if (!c2 || strcmp(c2->base, c->base) == 0)
			return 1;
		assay_copy(bases[1], 16, c2->base);
		return 2;
	}
	return 0;
}

/* "will cap cobalt exports at 96,600 tonnes", "a quota on exports of
 * N": a cap governs the figure even when the capped flow is named nearer. */
static void quota_over(const struct cl_doc *d, size_t l, size_t u, char base[16], size_t *at)
{
	size_t len;

	for (size_t v = u; strcmp(base, "quota") && v-- > l;) {
		const struct cl_metric_cue *c = metric_cue_at(d, v, u, false, &len);
		if (c && strcmp(c->base, "quota") == 0) {
			assay_copy(base, 16, c->base);
			*at = v;
		}
	}
}

/* "The new price for high grade zinc is 37 cents": a cue that gives no
 * metric for money ("grade") describes the metal, not the figure. */
static bool base_fits(const char *base, const struct assay_mention *m)
{
	const struct cl_metric_kind *k = cl_kind(base);

	return !k || m->type != ASSAY_M_MONEY || m->price_per[0] || strcmp(k->money, "-") != 0;
}

/* The nearest cue before the figure; *at its first token. */
static bool left_cue(const struct cl_doc *d, size_t l, size_t f, char base[16], size_t *at)
{
	size_t len;

	for (size_t u = f; u-- > l;) {
		const struct cl_metric_cue *c = metric_cue_at(d, u, f, false, &len);
		if (!c || (cl_mention(d, f) && !base_fits(c->base, cl_mention(d, f))))
			continue;
		/* a longer cue covering this one wins: "deposit holds" over "holds" */
		for (size_t v = u; v-- > l && v + 2 >= u;) {
			size_t len2;
			const struct cl_metric_cue *c2 = metric_cue_at(d, v, f, false, &len2);
			if (c2 && v + len2 >= u + len) {
				c = c2;
				u = v;
			}
		}
		assay_copy(base, 16, c->base);
		*at = u;
		quota_over(d, l, u, base, at);
		return true;
	}
	return false;
}

/* "Global reserves were 110 million tons": the world's figure, which has
 * no subject in the vocabulary. */
static bool world_figure(const struct cl_doc *d, size_t cue)
{
	return cue > 0 && cl_word_in(d, cue - 1, CL_WORLD);
}

static const char *word_cue(const struct cl_doc *d, const struct cl_word_cue *cues, size_t n,
			    unsigned cls, size_t from, size_t f)
{
	size_t lo, hi;

	for (size_t u = f; u-- > from;) {
		if (d->tok[u].kind != CT_WORD || !(d->tok[u].cls & cls))
			continue;
		cl_cue_range(cues, n, sizeof *cues, d->tok[u].w, &lo, &hi);
		for (size_t i = lo; i < hi; i++)
			if (cl_phrase_at(d, u, f, &cues[i].p))
				return cues[i].value;
	}
	return NULL;
}

/* The status a figure's own qualifier word gives ("about", "an
 * estimated"), looked up in the status cues; NULL if none. */
static const char *qualifier_status(const struct cl_doc *d, const struct assay_mention *m)
{
	const struct cl_rules *r = cl_rules();
	char w[CL_WORDLEN];
	size_t n = 0, p = m->start, lo, hi;

	if (p + 3 < m->end && strncasecmp(d->text + p, "an ", 3) == 0)
		p += 3;
	while (p < m->end && n + 1 < sizeof w && ((d->text[p] >= 'a' && d->text[p] <= 'z') ||
						  (d->text[p] >= 'A' && d->text[p] <= 'Z')))
		w[n++] = (char)(d->text[p++] | 0x20);
	w[n] = '\0';
	for (int pass = 0; pass < 2; pass++) { /* "=around": only as a figure's own word */
		char key[CL_WORDLEN + 1];
		snprintf(key, sizeof key, "%s%s", pass ? "" : "=", w);
		cl_cue_range(r->status, r->nstatus, sizeof *r->status, key, &lo, &hi);
		for (size_t i = lo; i < hi; i++)
			if (r->status[i].p.n == 1)
				return r->status[i].value;
	}
	return NULL;
}

/* An aim anywhere in the clause before the figure ("aims to produce N")
 * makes it a target, whatever modal word stands nearer. */
static bool target_cue(const struct cl_doc *d, const struct cl_rules *r, size_t from, size_t f)
{
	size_t lo, hi;

	for (size_t u = from; u < f; u++) {
		if (d->tok[u].kind != CT_WORD || !(d->tok[u].cls & CW_CUE_STATUS))
			continue;
		cl_cue_range(r->status, r->nstatus, sizeof *r->status, d->tok[u].w, &lo, &hi);
		for (size_t i = lo; i < hi; i++)
			if (!strcmp(r->status[i].value, "target") && cl_phrase_at(d, u, f, &r->status[i].p))
				return true;
	}
	return false;
}

static void status_of(const struct cl_doc *d, const struct cl_sent *s, size_t f, char out[12])
{
	const struct cl_rules *r = cl_rules();
	size_t from = cl_clause_start(d, s->t0, f);
	const char *v = word_cue(d, r->status, r->nstatus, CW_CUE_STATUS, from, f);

	if (v && !strcmp(v, "planned") && target_cue(d, r, from, f))
		v = "target";
	const struct assay_mention *m = cl_mention(d, f);

	/* "five mln dlrs will be spent", "is to be invested": the figure is
	 * the subject of a verb in the future */
	if (!v && f + 2 < s->t1 &&
	    ((cl_word_is(d, f + 1, "will") && cl_word_is(d, f + 2, "be")) ||
	     ((cl_word_is(d, f + 1, "is") || cl_word_is(d, f + 1, "are")) &&
	      (cl_word_is(d, f + 2, "to") || cl_word_is(d, f + 2, "expected")))))
		v = "planned";
	if (!v && m->qualifier[0] && strcmp(m->qualifier, "eq"))
		v = qualifier_status(d, m); /* "about 50%": the word is in the mention */
	for (size_t u = f + 1; !v && u < s->t1 && !cl_clause_break(d, u); u++)
		if (cl_word_is(d, u, "estimates")) /* "according to government estimates" */
			v = "estimated";
	assay_copy(out, 12, v ? v : "actual");
}

/* A capital after the first letter: a symbol or a name ("CuT", "TREO"),
 * not the word its lower case spells. */
static bool mixed_case(const struct cl_doc *d, size_t t)
{
	for (size_t p = d->tok[t].start + 1; p < d->tok[t].end; p++)
		if (d->text[p] >= 'A' && d->text[p] <= 'Z')
			return true;
	return false;
}

/* A date right after the figure: "194,400 tons in November", "17,359
 * in 1985", "1,330 a year ago". */
static size_t date_after(const struct cl_doc *d, size_t f)
{
	size_t u = f + 1, v = u + 1;

	if (u < d->ntok && is_punct(d, u, "(")) { /* "34,224 tons (revised higher) in January" */
		while (v < d->ntok && v < u + 6 && !is_punct(d, v, ")"))
			v++;
		if (v < d->ntok && is_punct(d, v, ")"))
			u = v + 1;
	}
	for (size_t end = u + 3; u < d->ntok && u < end; u++) {
		const struct assay_mention *m = cl_mention(d, u);
		if (m && m->type == ASSAY_M_DATE)
			return u;
		if (d->tok[u].kind == CT_PUNCT || cl_is_figure(d, u) || cl_word_is(d, u, "from") ||
		    cl_word_is(d, u, "since") || cl_word_is(d, u, "than"))
			return (size_t)-1; /* "up 5.9% from 2023": the base, not its date */
	}
	return (size_t)-1;
}

static bool clause_between(const struct cl_doc *d, size_t a, size_t b)
{
	for (size_t u = a + 1; u < b; u++)
		if (cl_clause_break(d, u))
			return true;
	return false;
}

static bool dated_after(const struct cl_doc *d, size_t f)
{
	return date_after(d, f) != (size_t)-1;
}

/* "from year-earlier 8,462,000 tons", "and 1,330 a year ago": an old
 * level of the year before the level it is compared with. */
static bool year_back(const struct cl_doc *d, size_t f)
{
	if (f > 0 && (cl_word_is(d, f - 1, "year-earlier") || cl_word_is(d, f - 1, "year-ago")))
		return true;
	const struct assay_mention *m = f + 1 < d->ntok ? cl_mention(d, f + 1) : NULL;
	if (!m || m->type != ASSAY_M_DATE || m->end - m->start < 10 ||
	    strncasecmp(d->text + m->start, "a year", 6) != 0)
		return false;
	const char *e = d->text + m->end;
	return !strncasecmp(e - 3, "ago", 3) || !strncasecmp(e - 7, "earlier", 7);
}

/* @period ("1987-01", "1986", "1987-01/1987-06") a year earlier, in
 * place; others untouched. */
static void year_before(char period[16])
{
	size_t n = strlen(period), at[2] = {0, n == 15 ? 8 : n};
	int y;

	if (n != 4 && n != 7 && !(n == 15 && period[7] == '/'))
		return;
	for (int k = 0; k < 2 && at[k] < n; k++) {
		if (sscanf(period + at[k], "%4d", &y) != 1 || y <= 1000 || y > 9999)
			return;
		y--;
		for (int i = 3; i >= 0; i--, y /= 10)
			period[at[k] + (size_t)i] = (char)('0' + y % 10);
	}
}

/* "from" at @u names the figure at @f as a base when no verb stands
 * between ("from a downwardly revised", "down from an earlier target
 * of", not "samples from the zone returned up to 11.7 g/t"). */
static bool governs(const struct cl_doc *d, size_t u, size_t f)
{
	for (size_t v = u + 1; v < f; v++) {
		if (d->tok[v].kind != CT_WORD)
			continue;
		bool ok = cl_word_in(d, v, CL_BASE_ADJ);
		size_t n = strlen(d->tok[v].w);
		if (!ok && cl_word_in(d, v, CL_AUX))
			return false;
		if (!ok && n > 3 && !strcmp(d->tok[v].w + n - 2, "ed"))
			return false; /* a verb: "from the zone returned" */
	}
	return true;
}

/* "up"/"down" when the figure is a change ("cut 0.75 cent", "up 12
 * pct"); "" for a level ("to 66 cents"); *skip for an old level ("from
 * 10,400 tonnes", "down from an earlier target of 30,500 tonnes"). */
static const char *change_of(const struct cl_doc *d, size_t l, size_t f, bool *skip)
{
	const struct cl_rules *r = cl_rules();
	size_t from = f > l + 6 ? f - 6 : l, lo, hi;

	*skip = false;
	if (cl_word_is(d, f + 2, "than") && cl_mention(d, f)->type == ASSAY_M_PERCENT) {
		if (cl_word_is(d, f + 1, "lower") || cl_word_is(d, f + 1, "less") ||
		    cl_word_is(d, f + 1, "below"))
			return "down"; /* "about 10 pct lower than last year's" */
		if (cl_word_is(d, f + 1, "higher") || cl_word_is(d, f + 1, "more") ||
		    cl_word_is(d, f + 1, "above"))
			return "up";
	}
	if (f > l && (cl_word_is(d, f - 1, "to") || cl_word_is(d, f - 1, "at")))
		return "";
	if (f > l && cl_word_is(d, f - 1, "by")) /* "cut output at its mine ... by N" */
		from = l;
	for (size_t u = f; u-- > from;) {
		if (from != l && (cl_is_entity(d, u) || cl_is_figure(d, u) ||
				  d->tok[u].kind == CT_PUNCT))
			break; /* "from China, which controls 70%" */
		if ((cl_word_is(d, u, "from") && governs(d, u, f)) || cl_word_is(d, u, "compared") ||
		    cl_word_is(d, u, "against") || cl_word_is(d, u, "versus")) {
			/* "fell to 193,100 tons in December from 194,400 tons in
			 * November": an old level dated on its own is a level of its
			 * period; "compared with 1.05 mln ounces" is only a base */
			/* "assays ranged from 0.50 to 0.64 ounces": a span, a level */
			*skip = !dated_after(d, f) && !year_back(d, f) &&
				!(cl_word_is(d, u, "from") && u > l && d->tok[u - 1].kind == CT_WORD &&
				  assay_span_word(d->tok[u - 1].w, strlen(d->tok[u - 1].w)));
			return "";
		}
		if (cl_word_is(d, u, "than"))
			return ""; /* "10 pct lower than last year's 45,400 ounces" */
		if (d->tok[u].kind != CT_WORD || !(d->tok[u].cls & CW_CUE_CHANGE) ||
		    mixed_case(d, u))
			continue; /* "1.4% CuT" is copper, not a cut */
		cl_cue_range(r->change, r->nchange, sizeof *r->change, d->tok[u].w, &lo, &hi);
		for (size_t i = lo; i < hi; i++)
			if (cl_phrase_at(d, u, f, &r->change[i].p))
				return r->change[i].value;
	}
	return "";
}

static bool year_like(const char *id)
{
	size_t n = strlen(id);

	return n >= 4 && id[0] >= '1' && id[0] <= '2' && (n == 4 || id[4] == '-' || id[4] == '/');
}

/* ", which is expected to ...": a clause about something else. */
static bool relative_clause(const struct cl_doc *d, size_t t)
{
	return d->tok[t].kind == CT_PUNCT && d->tok[t].w[0] == ',' &&
	       (cl_word_is(d, t + 1, "which") || cl_word_is(d, t + 1, "who"));
}

/* The figure sits in a ", which ..." clause. */
static bool in_relative(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = f; u-- > s->t0;) {
		if (is_punct(d, u, ","))
			return false;
		if ((cl_word_is(d, u, "which") || cl_word_is(d, u, "who")) && u > s->t0 &&
		    is_punct(d, u - 1, ","))
			return true;
	}
	return false;
}

/* "up 1.5 cents from 1987": after a change, "from YEAR" is the base the
 * change is measured from, not the figure's year ("from 2027" is). */
static bool change_between(const struct cl_doc *d, size_t a, size_t b)
{
	for (size_t u = a; u < b; u++)
		if (d->tok[u].kind == CT_WORD && (d->tok[u].cls & CW_CUE_CHANGE))
			return true;
	return false;
}

/* A dateline ("NEW YORK, April 7 -") and a day ("said on Monday") date
 * the story, not the figure. */
/* "as of December 31, 1985", "at the end of 1986": a stock's date. */
static bool as_of(const struct cl_doc *d, const struct cl_sent *s, size_t u)
{
	return u > s->t0 + 1 && ((cl_word_is(d, u - 1, "of") && (cl_word_is(d, u - 2, "as") ||
								  cl_word_is(d, u - 2, "end"))) ||
				 cl_word_is(d, u - 1, "at"));
}

static bool period_date(const struct cl_doc *d, const struct cl_sent *s, size_t u)
{
	const struct assay_mention *m = cl_mention(d, u);

	if (!m || m->type != ASSAY_M_DATE || !year_like(m->id))
		return false;
	if (strlen(m->id) == 10 && m->id[7] == '-' && !as_of(d, s, u))
		return false; /* a day dates the story; a year, month or span the figure */
	if (u > s->t0 && (cl_word_is(d, u - 1, "since") || cl_word_is(d, u - 1, "until") ||
			  cl_word_is(d, u - 1, "after") || cl_word_is(d, u - 1, "before") ||
			  cl_word_is(d, u - 1, "to")))
		return false; /* "the lowest since July" */
	return !(u < s->t0 + 5 && u + 1 < s->t1 && d->tok[u + 1].kind == CT_PUNCT &&
		 d->tok[u + 1].w[0] == '-');
}

/* The quarter the story last named before token @f ("fourth-quarter
 * results", "Q4 2024"), as "2024-10/2024-12"; "" if none. */
static void story_quarter(const struct cl_doc *d, size_t f, char out[16])
{
	out[0] = '\0';
	for (size_t t = f; t-- > 0;) {
		const struct assay_mention *m = cl_mention(d, t);
		int y1, m1, y2, m2;
		if (m && m->type == ASSAY_M_DATE && strlen(m->id) == 15 &&
		    sscanf(m->id, "%4d-%2d/%4d-%2d", &y1, &m1, &y2, &m2) == 4 && y1 == y2 &&
		    m2 == m1 + 2 && m1 % 3 == 1) {
			assay_copy(out, 16, m->id);
			return;
		}
	}
}

/* "production in the quarter", "1.05 million ounces in the same quarter
 * last year": the quarter the story reports on, or that quarter a year
 * before. */
static void the_quarter(const struct cl_doc *d, size_t a, size_t e, size_t f, char out[16])
{
	size_t q = (size_t)-1;

	for (size_t u = a + 1; u < e; u++)
		if (cl_word_is(d, u, "quarter") &&
		    (cl_word_is(d, u - 1, "the") || cl_word_is(d, u - 1, "same") ||
		     cl_word_is(d, u - 1, "this")) &&
		    (q == (size_t)-1 || (u > f ? u - f : f - u) < (q > f ? q - f : f - q)))
			q = u;
	if (q == (size_t)-1 || (out[0] && strlen(out) != 4))
		return;
	bool same = cl_word_is(d, q - 1, "same"), back = false;
	for (size_t u = q + 1; u < e && u < q + 4; u++)
		back |= cl_word_is(d, u, "last") || cl_word_is(d, u, "ago") ||
			cl_word_is(d, u, "earlier") || cl_word_is(d, u, "prior") ||
			cl_word_is(d, u, "previous");
	char sq[16];
	story_quarter(d, f, sq);
	if (!sq[0] || same != back)
		return;
	if (back)
		year_before(sq);
	assay_copy(out, 16, sq);
}

/* "in 1986/87, ending March 31", "in 1987/88 starting April 1": a split
 * year is the twelve months its end or start names. */
static void split_year(const struct cl_doc *d, const struct cl_sent *s, char out[16])
{
	int y1, y2;

	if (strlen(out) != 9 || sscanf(out, "%4d/%4d", &y1, &y2) != 2 || y2 != y1 + 1)
		return;
	for (size_t u = s->t0; u + 1 < s->t1; u++) {
		bool end = cl_word_is(d, u, "ending") || cl_word_is(d, u, "ended") ||
			   cl_word_is(d, u, "to") || cl_word_is(d, u, "through");
		bool start = cl_word_is(d, u, "starting") || cl_word_is(d, u, "beginning") ||
			     cl_word_is(d, u, "from") || cl_word_is(d, u, "started");
		const struct assay_mention *m = cl_mention(d, u + 1);
		if ((!end && !start) || !m || m->type != ASSAY_M_DATE)
			continue;
		size_t n = 0;
		while (m->start + n < m->end && isalpha((unsigned char)d->text[m->start + n]))
			n++;
		int mo = assay_month_of(d->text + m->start, n);
		if (mo < 2 || mo > 11)
			continue;
		if (end)
			snprintf(out, 16, "%04d-%02d/%04d-%02d", y1, mo + 1, y2, mo);
		else
			snprintf(out, 16, "%04d-%02d/%04d-%02d", y1, mo, y2, mo - 1);
		return;
	}
}

/* The year nearest the figure in its clause; one that follows ("in
 * 2023") counts as nearer than one before. */
static void period_of(const struct cl_doc *d, const struct cl_sent *s, size_t f, char out[16])
{
	size_t best = (size_t)-1, bestd = (size_t)-1, e = f;

	while (e < s->t1 && !cl_clause_break(d, e) && !relative_clause(d, e) &&
	       !cl_word_is(d, e, "compared") && !cl_word_is(d, e, "against") &&
	       !cl_word_is(d, e, "versus") && !cl_word_is(d, e, "than") &&
	       !(cl_word_is(d, e, "from") && (!(cl_mention(d, e + 1) &&
					       cl_mention(d, e + 1)->type == ASSAY_M_DATE) ||
					     change_between(d, f, e))))
		e++; /* "..., compared with 1.05 mln ounces a year earlier": not its year */
	if (in_relative(d, s, f)) /* "China, which produces 98%, began ... in 2023" */
		for (size_t u = f + 1; u < e; u++)
			if (is_punct(d, u, ",")) {
				e = u;
				break;
			}
	for (size_t u = cl_clause_start(d, s->t0, f); u < e; u++) {
		if (!period_date(d, s, u))
			continue;
		size_t dist = u > f ? u - f : 2 * (f - u);
		if (dist < bestd) {
			best = u;
			bestd = dist;
		}
	}
	const struct assay_mention *m = best != (size_t)-1 ? cl_mention(d, best) : NULL;
	out[0] = '\0';
	if (m && strlen(m->id) < 16)
		assay_copy(out, 16, m->id);
	the_quarter(d, cl_clause_start(d, s->t0, f), e, f, out);
	split_year(d, s, out);
	if (m && strlen(m->id) == 10) /* "as of December 31, 1985": the year it closes */
		out[!strcmp(m->id + 5, "12-31") ? 4 : 7] = '\0';
	/* "from 2001 to 2016", "between 1916 and 1981": a span of years */
	if (m && strlen(m->id) == 4 && best > s->t0 && best + 2 < s->t1 &&
	    (cl_word_is(d, best - 1, "from") || cl_word_is(d, best - 1, "between")) &&
	    (cl_word_is(d, best + 1, "to") || cl_word_is(d, best + 1, "and") ||
	     cl_word_is(d, best + 1, "through") || cl_word_is(d, best + 1, "until"))) {
		const struct assay_mention *e2 = cl_mention(d, best + 2);
		if (e2 && e2->type == ASSAY_M_DATE && strlen(e2->id) == 4 && strcmp(e2->id, m->id) > 0) {
			char span[16];
			snprintf(span, sizeof span, "%.4s/%.4s", m->id, e2->id);
			assay_copy(out, 16, span);
		}
	}
}

/* "deposit in (the) Eskisehir (province)": the place after a deposit noun;
 * a country there is the deposit's country (*country), not a place. */
static bool deposit_in(const struct cl_doc *d, size_t a, size_t b, char out[64], int *country)
{
	for (size_t u = a; u + 2 < b; u++) {
		size_t v = u + 2, w, e;
		if (d->tok[u].kind != CT_WORD || !(d->tok[u].cls & CW_DEPOSIT) ||
		    !(cl_word_is(d, u + 1, "in") || cl_word_is(d, u + 1, "at") ||
		      cl_word_is(d, u + 1, "near")))
			continue;
		if (v < b && cl_word_is(d, v, "the"))
			v++;
		if (v < b && cl_mention(d, v) && cl_mention(d, v)->type == ASSAY_M_COUNTRY) {
			*country = (int)v;
			continue;
		}
		for (w = v; w < b && d->tok[w].kind == CT_WORD && d->tok[w].upper; w++)
			;
		if (w == v)
			continue;
		e = d->tok[w - 1].end;
		if (w - 1 > v && cl_word_in(d, w - 1, CL_REGION))
			e = d->tok[w - 2].end;
		size_t n = e - d->tok[v].start < 63 ? e - d->tok[v].start : 63;
		memcpy(out, d->text + d->tok[v].start, n);
		out[n] = '\0';
		return true;
	}
	return false;
}

/* "deposit in Eskisehir (province)" or "the Doyon mine": the place, and
 * *country the token of a country named as a deposit's place, else -1.
 * @nouns: the word classes that name a site here ("the X plant" counts
 * for a capacity, "the X mine" for a deposit); "in X" only follows a
 * deposit. */
static bool find_place(const struct cl_doc *d, size_t a, size_t b, unsigned nouns, char out[64],
		       int *country)
{
	*country = -1;
	for (size_t u = a; u < b; u++) {
		size_t v = u;
		if (d->tok[u].kind != CT_WORD || !(d->tok[u].cls & nouns) ||
		    cl_word_is(d, u, "deposits"))
			continue;
		while (v > a && ((d->tok[v - 1].kind == CT_WORD && d->tok[v - 1].upper &&
				  !cl_word_is(d, v - 1, "the") && !cl_word_is(d, v - 1, "this")) ||
				 (cl_mention(d, v - 1) &&
				  cl_mention(d, v - 1)->type == ASSAY_M_COMMODITY)))
			v--;
		while (v < u && d->tok[v].kind == CT_MENTION) /* "the gold mine" names none */
			v++;
		if (v == u)
			continue;
		size_t n = d->tok[u].end - d->tok[v].start;
		n = n < 63 ? n : 63;
		memcpy(out, d->text + d->tok[v].start, n); /* "the Doyon mine" */
		out[n] = '\0';
		return true;
	}
	return deposit_in(d, a, b, out, country);
}

static void update_place(struct cl_doc *d, const struct cl_sent *s)
{
	char p[64];
	int c;

	if (find_place(d, s->t0, s->t1, CW_DEPOSIT, p, &c)) {
		assay_copy(d->focus.place, sizeof d->focus.place, p);
		d->focus.place_block = s->block;
	}
}

static bool count_metric(const char *base, const char *noun, char out[32])
{
	const struct cl_rules *r = cl_rules();

	for (size_t i = 0; i < r->ncounts; i++) {
		const struct cl_count_noun *c = &r->counts[i];
		if (strcmp(c->noun, noun) == 0 && (c->base[0] == '*' || strcmp(c->base, base) == 0))
			return assay_copy(out, 32, c->metric);
	}
	return false;
}

static bool metric_for(const char *base, const struct assay_mention *m, bool planned,
		       bool change, char out[32])
{
	const struct cl_metric_kind *k = cl_kind(base);
	const char *v = NULL;

	if ((m->type == ASSAY_M_COUNT || m->type == ASSAY_M_QUANTITY) &&
	    (!strcmp(m->unit, "m") || !strcmp(m->unit, "km") || !strcmp(m->unit, "ft")))
		return false; /* metres drilled, an intercept's length: never a claim */
	if (m->type == ASSAY_M_COUNT)
		return count_metric(base, m->unit, out);
	if (m->type == ASSAY_M_MONEY && m->price_per[0])
		return assay_copy(out, 32, k && !strcmp(k->money, "cost") ? "cost" : "price");
	if ((m->type == ASSAY_M_QUANTITY || m->type == ASSAY_M_PERCENT) &&
	    (strcmp(m->unit, "g/t") == 0 || strcmp(m->unit, "oz/t") == 0 ||
	     strcmp(m->unit, "ppm") == 0))
		return assay_copy(out, 32, "grade");
	if (!k)
		return false;
	/* a grade is a share or a mass per ton, never a length: "17.1 meters
	 * ... high grade zone" */
	if (!strcmp(base, "grade") && !(m->type == ASSAY_M_PERCENT ||
					(m->type == ASSAY_M_QUANTITY &&
					 (!strcmp(m->unit, "ozt") || !strcmp(m->unit, "t")))))
		return false;
	/* "estimated to contain over 500,000 troy ounces of gold": metal
	 * contained is a resource; tons of ore are the deposit's size */
	if (!strcmp(base, "deposit") && m->type == ASSAY_M_QUANTITY && !strcmp(m->unit, "ozt"))
		return assay_copy(out, 32, "resources");
	if (m->type == ASSAY_M_QUANTITY || m->type == ASSAY_M_NUMBER ||
	    (m->type == ASSAY_M_PERCENT && change)) /* a planned cut is no target */
		v = planned && !change && strcmp(k->planned, "-") ? k->planned : k->quantity;
	else if (m->type == ASSAY_M_PERCENT)
		v = k->percent;
	else if (m->type == ASSAY_M_MONEY)
		v = k->money;
	if (!v || strcmp(v, "-") == 0)
		return false;
	return assay_copy(out, 32, v);
}

/* The number as written at the start of a mention ("1.2" in "1.2 mln
 * tonnes"), to scale the bare numbers of a list after it. */
static double written_number(const char *p, const char *end)
{
	char buf[32];
	size_t n = 0;

	while (p < end && !(*p >= '0' && *p <= '9'))
		p++;
	while (p < end && n + 1 < sizeof buf && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
		if (*p++ != ',')
			buf[n++] = p[-1];
	buf[n] = '\0';
	return n ? strtod(buf, NULL) : 0;
}

/* "0.2 ounce gold per ton", "3.1 grams gold per tonne" */
static bool per_ton_follows(const struct cl_doc *d, size_t f)
{
	size_t u = f + 1;

	if (u < d->ntok && d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] == '/')
		return u + 1 < d->ntok && strncmp(d->tok[u + 1].w, "ton", 3) == 0; /* "grams/tonne" */
	if (cl_word_is(d, u, "of")) /* "0.24 ounce of gold per ton" */
		u++;
	if (cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_COMMODITY)
		u++;
	if (!(cl_word_is(d, u, "per") || cl_word_is(d, u, "a")) || u + 1 >= d->ntok)
		return false;
	if (cl_word_is(d, u + 1, "short") || cl_word_is(d, u + 1, "metric"))
		u++; /* "a short ton" */
	return u + 1 < d->ntok && strncmp(d->tok[u + 1].w, "ton", 3) == 0;
}

/* A grade written as a mass per ton: ounces -> oz/t, grams -> g/t. */
static void grade_unit(struct assay_claim *c, const struct assay_mention *m)
{
	if (strcmp(c->unit, "ozt") == 0) {
		assay_copy(c->unit, sizeof c->unit, "oz/t");
	} else if (strcmp(c->unit, "t") == 0 && (m->unit_text[0] == 'g' || m->unit_text[0] == 'G') &&
		   strncasecmp(m->unit_text, "gal", 3) != 0) {
		c->value *= 1e6; /* the recognizer made grams a mass in tonnes */
		c->value_max *= 1e6;
		assay_copy(c->unit, sizeof c->unit, "g/t");
	}
}

static void fill_value(const struct cl_doc *d, struct assay_claim *c, const struct assay_mention *m,
		       const struct head *h, size_t f)
{
	c->value = m->value;
	c->value_max = m->value_max;
	c->has_max = m->has_max;
	assay_copy(c->unit, sizeof c->unit, m->unit);
	assay_copy(c->qualifier, sizeof c->qualifier, m->qualifier[0] ? m->qualifier : "eq");
	assay_copy(c->per, sizeof c->per, m->per);
	assay_copy(c->price_per, sizeof c->price_per, m->price_per);
	if (!strcmp(c->unit, "ppm"))
		assay_copy(c->unit, sizeof c->unit, "g/t"); /* a part per million is a gram a tonne */
	if (m->type == ASSAY_M_NUMBER && h) {
		/* "Indonesia 24,516" takes the unit's scale; "2.6 million" has its own */
		double w = written_number(d->text + m->start, d->text + m->end);
		double k = w > 0 && m->value > w * 1.0001 ? 1 : h->scale;
		c->value *= k;
		c->value_max *= k;
		assay_copy(c->unit, sizeof c->unit, h->unit);
		assay_copy(c->per, sizeof c->per, h->per);
	}
	/* a grade in ounces is per ton even when the ton is said once for two
	 * ("grading 0.24 ounce of gold and 0.50 ounce of silver per ton") */
	if (strcmp(c->metric, "grade") == 0 &&
	    (per_ton_follows(d, f) || !strcmp(c->unit, "ozt") || strchr(m->unit_text, '/')))
		grade_unit(c, m); /* "1.35 grams/tonne gold" */
}

static bool entity_between(const struct cl_doc *d, size_t a, size_t b)
{
	for (size_t u = a; u < b; u++)
		if (cl_is_entity(d, u))
			return true;
	return false;
}

/* The element a grade is written in, right after its figure ("7.8g/t
 * Ag", "1.4% (“CuT”)"): its entry, or NULL. Symbols are matched case
 * sensitively, so "Co" the element is never "co" the word. */
static const struct cl_element *element_after(const struct cl_doc *d, size_t f)
{
	for (size_t u = f + 1; u < d->ntok && u < f + 4; u++) {
		const struct cl_tok *k = &d->tok[u];
		if (k->kind == CT_PUNCT && strchr("(\"'", k->w[0]))
			continue; /* "(“CuT”)" */
		if (k->kind != CT_WORD || !k->upper || is_punct(d, u + 1, "/"))
			return NULL; /* "+32.7% Y/Y": year on year, no yttrium */
		return cl_element_of(d->text + k->start, k->end - k->start);
	}
	return NULL;
}

/* Whether a word of list @l stands in sentence @s. */
static bool sentence_has(const struct cl_doc *d, const struct cl_sent *s, enum cl_list l)
{
	for (size_t u = s->t0; u < s->t1; u++)
		if (cl_word_in(d, u, l))
			return true;
	return false;
}

/* "assayed gold at .237 oz per ton", "ranges: copper, 3.7 pct": the
 * metal named just before a grade, when none follows it; its token or
 * -1. */
static size_t lead_metal(const struct cl_doc *d, size_t f)
{
	const struct assay_mention *after = f + 1 < d->ntok ? cl_mention(d, f + 1) : NULL;
	size_t t = f;

	if (after && after->type == ASSAY_M_COMMODITY)
		return (size_t)-1;
	if (t > 0 && (cl_word_is(d, t - 1, "at") || is_punct(d, t - 1, ",:")))
		t--;
	else /* "copper values ranging from 0.1%", "copper grades of 2.1%" */
		while (t > 0 && t + 4 > f && (cl_word_is(d, t - 1, "values") ||
					      cl_word_is(d, t - 1, "grades") || cl_word_is(d, t - 1, "ranging") ||
					      cl_word_is(d, t - 1, "from") || cl_word_is(d, t - 1, "of")))
			t--;
	const struct assay_mention *m = t > 0 ? cl_mention(d, t - 1) : NULL;
	return m && m->type == ASSAY_M_COMMODITY ? t - 1 : (size_t)-1;
}

/* A grade by its form: a mass per ton ("35.2 g/t", "0.88 oz/t"), parts per
 * million of an element, or a percent of an element over a length ("11.82%
 * P2O5 over 92.5 meters", "12.5 m at 1.2% Cu"). */
static bool grade_by_form(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	const struct assay_mention *m = cl_mention(d, f);
	size_t u = f + 1;

	if (m->type == ASSAY_M_QUANTITY)
		return !strcmp(m->unit, "g/t") || !strcmp(m->unit, "oz/t") || !strcmp(m->unit, "ppm");
	if (m->type != ASSAY_M_PERCENT || u >= d->ntok)
		return false;
	if (element_after(d, f))
		return true; /* "1.14% CuT", "1.0% Li2O" */
	if (lead_metal(d, f) != (size_t)-1 && sentence_has(d, s, CL_DRILL))
		return true; /* "assays ... zinc at 8.99 pct" */
	bool element = (cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_COMMODITY) ||
		       (d->tok[u].kind == CT_WORD && d->tok[u].upper && d->tok[u].end - d->tok[u].start <= 6 &&
			!cl_mention(d, u) && !is_punct(d, u + 1, "/")); /* not "+32.7% Y/Y" */
	if (!element)
		return false;
	if (u + 1 < d->ntok && (cl_word_is(d, u + 1, "over") || cl_word_is(d, u + 1, "across")))
		return true;
	/* "grading 0.077 ounce gold a ton and 1.63 pct copper" */
	for (size_t v = f; v-- > 0 && v + 16 > f;) {
		if (d->tok[v].kind == CT_PUNCT && d->tok[v].w[0] == '.')
			break;
		if (cl_word_is(d, v, "grading") || cl_word_is(d, v, "graded") ||
		    cl_word_is(d, v, "averaging") || cl_word_is(d, v, "assaying") ||
		    cl_word_is(d, v, "grade"))
			return cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_COMMODITY;
	}
	const struct assay_mention *before = f > 1 ? cl_mention(d, f - 2) : NULL;
	if (f > 1 && cl_word_is(d, f - 1, "at") && before && before->type == ASSAY_M_COUNT &&
	    !strcmp(before->unit, "m"))
		return true;
	if (f > 1 && cl_word_is(d, f - 1, "at") && before && before->type == ASSAY_M_QUANTITY &&
	    !strcmp(before->unit, "t") && cl_mention(d, u) &&
	    cl_mention(d, u)->type == ASSAY_M_COMMODITY)
		return true; /* "8.2 million tonnes at 1.47% copper" */
	/* "intercepts include 28.90 meters of 2.28% CuEq, including 0.73%
	 * Nickel, 0.41% Copper": a metal's percent among drill results, the
	 * metal ending its phrase (not "10% copper stake") */
	bool ends = u + 1 >= d->ntok || d->tok[u + 1].kind == CT_PUNCT ||
		    cl_word_is(d, u + 1, "and") || cl_word_is(d, u + 1, "from") ||
		    cl_word_is(d, u + 1, "within") || cl_word_is(d, u + 1, "in");
	return ends && cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_COMMODITY &&
	       sentence_has(d, s, CL_DRILL);
}

/* An exchange: its name says so ("London Metal Exchange") or the
 * gazetteer knows it by its short name (LME, Comex, MCX, SHFE). */
static bool exchange_mention(const struct cl_doc *d, const struct assay_mention *m)
{
	if (!m || m->type != ASSAY_M_ORG)
		return false;
	if (cl_in_list(m->id, CL_EXCHANGE))
		return true;
	for (size_t p = m->start; p + 8 <= m->end; p++)
		if (!memcmp(d->text + p, "Exchange", 8))
			return true;
	return false;
}

static bool is_exchange(const struct cl_doc *d, size_t u)
{
	return exchange_mention(d, cl_mention(d, u));
}

/* The exchange a market report quotes: one named in the sentence, in any
 * role ("copper futures on the London Metal Exchange rose 0.9% to
 * $9,572.05 a ton"), else with @context the last one named in the story's
 * last few paragraphs ("Copper fell 0.4% to $9,409"). */
static bool broken_between(const struct cl_doc *d, size_t a, size_t b)
{
	for (size_t u = a < b ? a : b; u < (a < b ? b : a); u++)
		if (d->tok[u].kind == CT_WORD && (d->tok[u].cls & CW_BREAK))
			return true; /* "..., while March copper futures rose" */
	return false;
}

/* The exchange that quotes the figure at @f: named in its clause, else
 * (@context) earlier in its paragraph. */
static int exchange_of(const struct cl_doc *d, const struct cl_sent *s, size_t f, bool context)
{
	for (size_t u = s->t0; u < s->t1; u++)
		if (is_exchange(d, u) && !broken_between(d, u, f))
			return (int)u;
	size_t from = d->blk[s->block].start;
	for (size_t u = s->t0; context && u-- > 0 && d->tok[u].start >= from;) {
		if (is_exchange(d, u))
			return (int)u;
	}
	return -1;
}

/* "Tin eased 0.5% to $31,000", "gold was flat at $2,657.5": a metal's
 * move to a money level in a story that quotes an exchange. */
static bool market_quote(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	bool metal = false;

	if (f <= s->t0 || !(cl_word_is(d, f - 1, "to") || cl_word_is(d, f - 1, "at") ||
			    cl_word_is(d, f - 1, "of")))
		return false;
	for (size_t u = s->t0; u < f && !metal; u++)
		metal = cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_COMMODITY;
	return metal && exchange_of(d, s, f, true) >= 0;
}

/* Metric bases for the figure at @f: its own, else inherited from @h.
 * *world when the cue says the figure is the world's. */
static int bases_of(const struct cl_doc *d, const struct cl_sent *s, size_t l, size_t f,
		    size_t r, const struct head *h, bool change, char bases[2][16], bool *ellipsis,
		    bool *world)
{
	const struct assay_mention *m = cl_mention(d, f);
	int n = right_cues(d, f, r, bases);
	size_t at;

	*ellipsis = *world = false;
	if (!n && m->type != ASSAY_M_NUMBER && left_cue(d, l, f, bases[0], &at)) {
		n = 1;
		*world = world_figure(d, at) && !cl_subject_before(d, s, at);
	}
	/* "fell to 193,100 tonnes from 194,400 tonnes", "compared with ...":
	 * the old level measures what the new one does */
	bool old_level = f > 0 && (cl_word_is(d, f - 1, "from") || cl_word_is(d, f - 1, "against") ||
				   year_back(d, f) ||
				   (f > 1 && cl_word_is(d, f - 1, "with") &&
				    cl_word_is(d, f - 2, "compared")));
	/* "grading 0.055 troy ounce of gold and 0.23 troy ounce of silver" */
	bool coordinated = f > 0 && (cl_word_is(d, f - 1, "and") || cl_word_is(d, f - 1, "or")) &&
			   h->valid && cl_mention(d, h->tok) && cl_mention(d, h->tok)->type == m->type;
	if (!n && h->valid &&
	    (entity_between(d, h->tok + 1, f) || cl_word_is(d, f - 1, "to") || change ||
	     old_level || coordinated)) {
		/* "fell to 8.1 mln tons grading 0.077 ounce ... from 8.4 mln
		 * tons": an old level measures the figure of its own kind */
		char dim = unit_dim(m->unit);
		bool prior = old_level && h->prior_base[0] &&
			     (!strcmp(h->base, "grade") ? 'g' : unit_dim(h->unit)) != dim &&
			     (!strcmp(h->prior_base, "grade") ? 'g' : unit_dim(h->prior_unit)) == dim;
		assay_copy(bases[0], 16, prior ? h->prior_base : h->base);
		*ellipsis = true;
		n = 1;
	}
	if (!n && m->type == ASSAY_M_MONEY && market_quote(d, s, f)) {
		assay_copy(bases[0], 16, "price"); /* "copper fell 0.4% to $9,409" */
		n = 1;
	}
	if (!n && grade_by_form(d, s, f)) { /* "22.7 meters at 35.2 g/t gold" */
		assay_copy(bases[0], 16, "grade");
		n = 1;
	}
	if (!n && (m->type == ASSAY_M_COUNT || (m->type == ASSAY_M_MONEY && m->price_per[0]))) {
		assay_copy(bases[0], 16, m->type == ASSAY_M_COUNT ? "*" : "price");
		n = 1;
	}
	if (m->type == ASSAY_M_NUMBER && !*ellipsis)
		return 0;
	return n;
}

/* Figures of a deposit: they take a place named before them, or the one
 * the story just named. */
static bool of_deposit(const char *metric)
{
	return !strcmp(metric, "deposit_size") || !strcmp(metric, "reserves") ||
	       !strcmp(metric, "resources") || !strcmp(metric, "grade");
}

/* "Its Mountain Pass mine in California accounts for 12%": a named site
 * that opens the sentence (after "its" or a possessive) is what the
 * figure measures; one named in passing ("which runs the Loulo mine")
 * is not. */
static void site_subject(const struct cl_doc *d, const struct cl_sent *s, size_t f,
			 char place[64])
{
	size_t a = s->t0;
	int country;

	if (a < f && (cl_word_is(d, a, "its") || cl_word_is(d, a, "the")))
		a++;
	else if (a + 2 < f && cl_is_entity(d, a) && cl_word_is(d, a + 1, "'s"))
		a += 2;
	else
		return;
	if (a < f && d->tok[a].kind == CT_WORD && d->tok[a].upper &&
	    find_place(d, a, a + 5 < f ? a + 5 : f, CW_PLACE | CW_FACILITY, place, &country) &&
	    strncmp(place, d->text + d->tok[a].start, strlen(place)) != 0)
		place[0] = '\0'; /* the name must start right there */
}

/* Figures of a named site: a deposit's, or a plant's capacity. */
static bool of_site(const char *metric)
{
	return of_deposit(metric) || !strcmp(metric, "processing_capacity") ||
	       !strcmp(metric, "refining_capacity");
}

/* "inventories in warehouses monitored by the Shanghai Futures
 * Exchange": stocks belong to the exchange that reports them. */
static int warehouse_org(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = f; u-- > s->t0;)
		if (cl_mention(d, u) && cl_mention(d, u)->type == ASSAY_M_ORG && cl_is_entity(d, u) &&
		    !d->tok[u].modifier)
			return (int)u;
	return -1;
}

/* "South Africa's mining output rose 3.1%. Platinum output rose 9.4%",
 * "The deposit contains 117,000 tonnes": a sentence that names nobody
 * continues the last subject when it opens with a commodity's output or
 * speaks of the deposit just named, if that subject was named in this
 * paragraph or the one before and nothing speaks of many ("the three
 * countries", "producers", "global"). Elsewhere, silence. */
/* "... lend €150 million to Savannah Resources for a lithium refinery.
 * The refinery will be capable of ...": the plant is the one named in the
 * sentence before, and its owner the entity nearest before that naming. */
static int facility_owner(const struct cl_doc *d, const struct cl_sent *s, const char *noun)
{
	const struct cl_sent *p;

	if (s == d->sent || (p = s - 1)->block + 1 < s->block)
		return -1;
	for (size_t u = p->t1; u-- > p->t0;) {
		if (!cl_word_is(d, u, noun))
			continue;
		for (size_t v = u; v-- > p->t0;)
			if (cl_is_entity(d, v) && !d->tok[v].modifier)
				return (int)v;
		return -1;
	}
	return -1;
}

static int discourse_subject(const struct cl_doc *d, const struct cl_sent *s, size_t f,
			     const char *metric)
{
	size_t a = s->t0;
	bool opens = false;

	if ((cl_word_is(d, a, "the") || cl_word_is(d, a, "this")) && a + 1 < f &&
	    (d->tok[a + 1].cls & CW_FACILITY)) {
		int owner = facility_owner(d, s, d->tok[a + 1].w);
		if (owner >= 0)
			return owner;
	}
	if (cl_word_is(d, a, "the") || cl_word_is(d, a, "this"))
		opens = of_deposit(metric) && a + 1 < f && (d->tok[a + 1].cls & CW_DEPOSIT);
	else if (cl_mention(d, a) && cl_mention(d, a)->type == ASSAY_M_COMMODITY)
		opens = a + 1 < f && (d->tok[a + 1].cls & CW_CUE_METRIC);
	else if (cl_mention(d, f)->type == ASSAY_M_QUANTITY && d->tok[a].kind == CT_WORD) {
		/* "Crude output increased to 98,600 tons", not "Consumption by
		 * brass mills increased": a tonnage that opens on its metric */
		size_t c = (d->tok[a].cls & CW_CUE_METRIC) ? a : a + 1;
		opens = c < f && d->tok[c].kind == CT_WORD && (d->tok[c].cls & CW_CUE_METRIC) &&
			(c == a || !d->tok[c].upper) && !cl_word_is(d, c + 1, "by") &&
			(size_t)(s - d->sent) <= d->focus.any_sent + 1; /* named just before */
	}
	/* a wire story goes on about the company it named: "One intersection
	 * graded 0.33 ounce gold a short ton", after "Lac Minerals said ..." */
	if (!opens && d->focus.any >= 0 && s->block <= d->focus.any_block + 1 &&
	    cl_mention(d, (size_t)d->focus.any)->type == ASSAY_M_ORG)
		opens = true;
	if (!opens)
		return -1;
	if (d->focus.any < 0 || s->block > d->focus.any_block + 1)
		return -1;
	for (size_t u = s->t0; u < s->t1; u++) {
		if (cl_is_entity(d, u) && !d->tok[u].modifier)
			return -1; /* "37 U.S. cents" names no one else */
		if (u < f && cl_word_in(d, u, CL_MANY))
			return -1;
	}
	return d->focus.any;
}

/* "a $30 million strategic investment from Mitsui & Co", "a $70 million
 * financing round led by McEwen Copper": who puts the money in. Funding
 * @received "from" a giver is the recipient's (CONVENTIONS.md). */
static int money_source(const struct cl_doc *d, const struct cl_sent *s, size_t f, bool received)
{
	for (size_t u = f + 1; u < s->t1 && u < f + 6; u++) {
		if (cl_clause_break(d, u) || is_punct(d, u, ","))
			return -1;
		/* funding "from the Defense Department" is its recipient's */
		if ((received || !cl_word_is(d, u, "from")) && !cl_word_is(d, u, "by"))
			continue;
		size_t v = u + 1 < s->t1 && cl_word_is(d, u + 1, "the") ? u + 2 : u + 1;
		const struct assay_mention *m = cl_mention(d, v);
		return m && cl_is_entity(d, v) && m->type == ASSAY_M_ORG ? (int)v : -1;
	}
	return -1;
}

/* What a company's own release reports of its property without naming
 * itself in the sentence. */
static bool issuer_figure(const char *metric)
{
	return of_deposit(metric) || !strcmp(metric, "production") ||
	       !strcmp(metric, "funding") || !strcmp(metric, "investment");
}

static int subject_of(const struct cl_doc *d, const struct cl_sent *s, size_t l, size_t f,
		      size_t r, const char *metric, char place[64])
{
	int country = -1;

	place[0] = '\0';
	size_t e = r;
	while (of_deposit(metric) && e < s->t1 && !cl_clause_break(d, e))
		e++; /* "4.5 Mt grading 9.2 g/t gold at its Windfall project": both */
	if (find_place(d, f + 1, e, CW_PLACE | CW_FACILITY, place, &country))
		;
	else if (!of_site(metric))
		site_subject(d, s, f, place);
	else if (!find_place(d, l, f, of_deposit(metric) ? CW_PLACE : CW_FACILITY, place,
			     &country) && strcmp(metric, "deposit_size") == 0 &&
		 d->focus.place[0] && s->block <= d->focus.place_block + 1)
		assay_copy(place, 64, d->focus.place); /* "This 694 million-ton deposit" */
	if (!of_deposit(metric) || strcmp(metric, "grade") == 0)
		country = -1;
	int subj = -1;
	if (!strcmp(metric, "investment") || !strcmp(metric, "funding"))
		subj = money_source(d, s, f, !strcmp(metric, "funding"));
	if (subj < 0 && !strcmp(metric, "price"))
		subj = exchange_of(d, s, f, false);
	if (subj < 0)
		subj = cl_subject(d, s, f);
	if (subj < 0 && strcmp(metric, "stocks") == 0)
		subj = warehouse_org(d, s, f);
	if (subj < 0 && !strcmp(metric, "price"))
		subj = exchange_of(d, s, f, true);
	if (subj < 0)
		subj = discourse_subject(d, s, f, metric);
	if (subj < 0 && d->issuer >= 0 && issuer_figure(metric) &&
	    !is_exchange(d, (size_t)d->issuer)) /* an exchange issues no output */
		subj = d->issuer; /* a press release's drill results are its issuer's */
	if (subj >= 0 && cl_mention(d, (size_t)subj)->type == ASSAY_M_ORG)
		return subj; /* "the company's Mt Weld mine in Western Australia" */
	return country >= 0 ? country : subj;
}

/* "15.05 ringgit a kilo": the unit a price is quoted in, when the
 * recognizer left it out. */
static void price_words(const struct cl_doc *d, size_t f, struct assay_claim *c)
{
	if (!(cl_word_is(d, f + 1, "a") || cl_word_is(d, f + 1, "per") || cl_word_is(d, f + 1, "an")))
		return;
	const char *unit = f + 2 < d->ntok && d->tok[f + 2].kind != CT_MENTION ?
				   cl_price_unit(d->tok[f + 2].w) : NULL;
	if (unit)
		assay_copy(c->price_per, sizeof c->price_per, unit);
}

/* "cut its price 0.75 cent to 66 cents a lb": the change is per lb too. */
static void price_unit(const struct cl_doc *d, const struct cl_sent *s, size_t f,
		       struct assay_claim *c)
{
	if (!c->price_per[0])
		price_words(d, f, c);
	for (size_t u = f + 1; !c->price_per[0] && u < s->t1; u++) {
		struct assay_claim probe = {0};
		if (cl_is_figure(d, u))
			price_words(d, u, &probe);
		if (probe.price_per[0])
			assay_copy(c->price_per, sizeof c->price_per, probe.price_per);
		const struct assay_mention *m = cl_mention(d, u);
		if (m && m->type == ASSAY_M_MONEY && m->price_per[0])
			assay_copy(c->price_per, sizeof c->price_per, m->price_per);
	}
	for (size_t u = f; !c->price_per[0] && c->change[0] && u-- > s->t0;) {
		const struct assay_mention *m = cl_mention(d, u); /* "8.5 cents a lb, up 1.5 cents" */
		struct assay_claim probe = {0};
		if (m && m->type == ASSAY_M_MONEY && m->price_per[0])
			assay_copy(c->price_per, sizeof c->price_per, m->price_per);
		else if (m && m->type == ASSAY_M_MONEY)
			price_words(d, u, &probe);
		if (probe.price_per[0])
			assay_copy(c->price_per, sizeof c->price_per, probe.price_per);
	}
}

static void set_head(struct head *h, size_t f, const struct cl_doc *d, const char *base,
		     const char *status)
{
	const struct assay_mention *m = cl_mention(d, f);
	double w = written_number(d->text + m->start, d->text + m->end);
	struct head prior = *h;

	*h = (struct head){.valid = true, .tok = f, .scale = w > 0 ? m->value / w : 1};
	if (prior.valid && strcmp(prior.base, base)) {
		assay_copy(h->prior_base, sizeof h->prior_base, prior.base);
		assay_copy(h->prior_unit, sizeof h->prior_unit, prior.unit);
	} else if (prior.valid) { /* "grading 0.077 ounce ... and 1.63 pct": still the one before */
		assay_copy(h->prior_base, sizeof h->prior_base, prior.prior_base);
		assay_copy(h->prior_unit, sizeof h->prior_unit, prior.prior_unit);
	}
	assay_copy(h->base, sizeof h->base, base);
	assay_copy(h->status, sizeof h->status, status);
	assay_copy(h->unit, sizeof h->unit, m->unit);
	assay_copy(h->per, sizeof h->per, m->per);
}

/* "Mining production", "mineral output": the whole industry's figure. */
static bool all_mining(const struct cl_doc *d, const struct cl_sent *s)
{
	for (size_t u = s->t0; u + 1 < s->t1; u++)
		if ((cl_word_is(d, u, "mining") || cl_word_is(d, u, "mineral")) &&
		    d->tok[u + 1].kind == CT_WORD && (d->tok[u + 1].cls & CW_CUE_METRIC) &&
		    !d->tok[u + 1].upper) /* a "Mineral Resource" is one deposit's */
			return true;
	return false;
}

/* The sentence's commodity, else the paragraph's, the section's, the
 * article's; else, when the text names none, the one the subject org is
 * named after. */
static void claim_commodity(const struct cl_doc *d, const struct cl_sent *s, size_t f, size_t r,
			    const struct assay_mention *subj, char out[32])
{
	cl_commodity(d, s, f + 1, r, true, out);
	if (!out[0] && all_mining(d, s))
		return; /* "mining production rose 3.1%": of no one commodity */
	cl_commodity(d, s, f + 1, r, false, out);
	if (!out[0] && subj->type == ASSAY_M_ORG)
		cl_mention_commodity(d, subj, out);
}

/* "The reserves comprise 1,640,779 tons proven ...": the reserves the
 * story just gave, and their date. */
static bool refers_back(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = s->t0; u + 1 < f; u++)
		if ((cl_word_is(d, u, "the") || cl_word_is(d, u, "these") ||
		     cl_word_is(d, u, "those")) &&
		    (cl_word_is(d, u + 1, "reserves") || cl_word_is(d, u + 1, "resources") ||
		     cl_word_is(d, u + 1, "reserve") || cl_word_is(d, u + 1, "resource") ||
		     cl_word_is(d, u + 1, "estimate")))
			return true;
	return false;
}

/* "resources of 6.172 million tonnes ... (see press release August 16th,
 * 2022)": an estimate is of the year of the release that gave it. */
static void cited_year(const struct cl_doc *d, const struct cl_sent *s, char out[16])
{
	int depth = 0;

	for (size_t u = s->t0; u < s->t1; u++) {
		if (is_punct(d, u, "("))
			depth++;
		else if (is_punct(d, u, ")") && depth)
			depth--;
		const struct assay_mention *m = cl_mention(d, u);
		if (depth && m && m->type == ASSAY_M_DATE && year_like(m->id) && strlen(m->id) >= 7) {
			snprintf(out, 16, "%.4s", m->id);
			return;
		}
	}
}

/* The period of the latest dated claim of the same subject and metric in
 * this paragraph or the two before. */
static void earlier_period(const struct cl_doc *d, const struct cl_sent *s,
			   struct assay_claim *c)
{
	const struct assay_extraction *x = d->out;
	size_t from = d->blk[s->block > 2 ? s->block - 2 : 0].start;

	for (size_t i = x->nclaims; i-- > 0 && x->claims[i].evidence.start >= from;)
		if (x->claims[i].period[0] && !strcmp(x->claims[i].subject, c->subject) &&
		    !strcmp(x->claims[i].metric, c->metric)) {
			assay_copy(c->period, sizeof c->period, x->claims[i].period);
			return;
		}
}

/* A price's unit and metal: "copper fell 0.4% to $9,409, zinc dipped
 * 0.1% to $2,843": the metal named since the figure before. */
static void price_of(const struct cl_doc *d, const struct cl_sent *s, size_t f, struct assay_claim *c)
{
	price_unit(d, s, f, c);
	for (size_t u = f; u-- > s->t0;) {
		const struct assay_mention *cm = cl_mention(d, u);
		if (cm && cm->type == ASSAY_M_MONEY)
			break; /* the figure before speaks of its own metal */
		if (cm && cm->type == ASSAY_M_COMMODITY && !cl_accessory_metal(d, u)) {
			assay_copy(c->commodity, sizeof c->commodity, cm->id);
			break;
		}
	}
}

/* The commodity named by token @u: a commodity mention or an element
 * symbol ("CuT", "Ag"); NULL if neither. */
static const char *metal_at(const struct cl_doc *d, size_t u)
{
	const struct assay_mention *m = cl_mention(d, u);
	const struct cl_tok *k = &d->tok[u];

	if (m)
		return m->type == ASSAY_M_COMMODITY ? m->id : NULL;
	if (k->kind != CT_WORD || !k->upper)
		return NULL;
	const struct cl_element *el = cl_element_of(d->text + k->start, k->end - k->start);
	return el && el->commodity[0] ? el->commodity : NULL;
}

/* "240-300 kt of ore", "1,736,000 tonnes grading 1.06% CuT and 4.83 g/t
 * Ag": a tonnage of rock, not of one metal (CONVENTIONS: its commodity
 * is null). "10,000 tons of copper ore" stays copper's. */
static bool rock_tonnage(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	const char *first = NULL;
	bool graded = false;

	for (size_t u = f + 1; !graded && u < s->t1 && u < f + 5; u++) {
		if (cl_word_in(d, u, CL_ORE))
			return !metal_at(d, u - 1);
		if (metal_at(d, u))
			return false;
		graded = cl_word_is(d, u, "grading") || cl_word_is(d, u, "at") ||
			 cl_word_is(d, u, "averaging") || is_punct(d, u, "@");
	}
	for (size_t u = f + 1; graded && u < s->t1; u++) {
		const char *c = metal_at(d, u);
		if (c && first && strcmp(c, first))
			return true;
		if (c && !first)
			first = c;
	}
	return false;
}

/* Figures that read as claims but say nothing a source asserts about its
 * subject: a share over the whole ("494% growth"), a company's 100%
 * ("100%-owned", "100% of the copper production" of a stream), the
 * general economy's jobs ("the economy added 143K jobs"), and a metal's
 * price tied to a company that neither sets nor gets it (an analyst's
 * forecast, a resource's price assumption, "with gold prices above
 * $3,300/oz, the company aims ..."). */
static bool no_claim(const struct cl_doc *d, const struct cl_sent *s, size_t f,
		     const struct assay_claim *c, const struct assay_mention *sm)
{
	bool share = strstr(c->metric, "_share") != NULL;

	if (share && (c->value > 100 || c->value_max > 100))
		return true;
	if (c->commodity[0] && cl_in_list(c->commodity, CL_ENERGY))
		return true;
	if (!c->commodity[0] && (share || !strcmp(c->metric, "price") || !strcmp(c->metric, "cost") ||
				 !strcmp(c->metric, "shipments")))
		return true; /* a price or share of nothing the press trades: homes, GDP */
	for (size_t u = s->t0; !strcmp(c->metric, "price") && u < s->t1; u++)
		if (cl_word_in(d, u, CL_CHART) || cl_word_in(d, u, CL_STOCK_VIEW) ||
		    (u < f && (cl_word_is(d, u, "premium") || cl_word_is(d, u, "premiums")) &&
		     !sentence_has(d, s, CL_DEALING)) || /* a market's premium, no one's price */
		    (cl_word_is(d, u, "targets") && cl_word_is(d, u + 1, "on")))
			return true;
	if (!strcmp(c->metric, "grade") && !strcmp(c->qualifier, "gt"))
		return true; /* "Zn > 10%", "grades exceeding 1.0% Li2O": a threshold */
	if (share && c->value >= 100 && sm->type == ASSAY_M_ORG)
		return true;
	if (!strcmp(c->metric, "jobs") && sentence_has(d, s, CL_ECONOMY))
		return true;
	return !strcmp(c->metric, "price") && c->price_per[0] && sm->type == ASSAY_M_ORG &&
	       !strcmp(sm->kind, "company") && c->commodity[0] && !exchange_mention(d, sm) &&
	       !sentence_has(d, s, CL_DEALING);
}

static int one_claim(struct cl_doc *d, const struct cl_sent *s, size_t l, size_t f, size_t r,
		     struct assay_claim *c, struct head *h, bool ellipsis)
{
	const struct assay_mention *m = cl_mention(d, f);
	const struct cl_metric_kind *k = cl_kind(c->metric) ? cl_kind(c->metric) : cl_kind(h->base);
	int subj = subject_of(d, s, l, f, r, c->metric, c->place);

	if (!c->place[0] && of_deposit(c->metric))
		assay_copy(c->place, sizeof c->place, h->place);
	else if (c->place[0])
		assay_copy(h->place, sizeof h->place, c->place);
	if (subj < 0)
		return ASSAY_OK;
	assay_copy(c->subject, sizeof c->subject, cl_entity_id(d, subj));
	fill_value(d, c, m, ellipsis ? h : NULL, f);
	const struct assay_mention *sm = cl_mention(d, (size_t)subj);
	if (!strcmp(c->unit, "member") && c->value < 200 && sm->type == ASSAY_M_ORG &&
	    strcmp(sm->kind, "company"))
		assay_copy(c->unit, sizeof c->unit, "country"); /* "the seven-member ATPC" */
	const struct cl_element *el = !strcmp(c->metric, "grade") ? element_after(d, f) : NULL;
	char own[32];
	if (!strcmp(c->metric, "grade") && cl_mention_commodity(d, m, own)) {
		/* "1.0 ounce of gold per ton": the metal is inside the figure */
		assay_copy(c->commodity, sizeof c->commodity, own);
		if (k && k->dated && !ellipsis)
			assay_copy(c->period, sizeof c->period, h->period);
	} else if (el) {
		assay_copy(c->commodity, sizeof c->commodity, el->commodity);
		if (k && k->dated && !ellipsis)
			assay_copy(c->period, sizeof c->period, h->period);
	} else if (ellipsis) {
		/* "1.35 grams/tonne gold and 20 grams/tonne silver": its own */
		assay_copy(c->commodity, sizeof c->commodity, h->commodity);
		for (size_t u = f + 1; u < r && u < f + 5; u++) {
			const struct assay_mention *cm = cl_mention(d, u);
			if (cm && cm->type == ASSAY_M_COMMODITY) {
				assay_copy(c->commodity, sizeof c->commodity, cm->id);
				break;
			}
			if (!(d->tok[u].kind == CT_PUNCT && d->tok[u].w[0] == '/') &&
			    !cl_word_is(d, u, "of") && strncmp(d->tok[u].w, "ton", 3) &&
			    !cl_word_is(d, u, "per") && !cl_word_is(d, u, "a"))
				break;
		}
		assay_copy(c->period, sizeof c->period, h->period);
		size_t dt = year_back(d, f) ? (size_t)-1 : date_after(d, f); /* "from 194,400 tons in November" */
		const struct assay_mention *dm = dt != (size_t)-1 ? cl_mention(d, dt) : NULL;
		if (dm && period_date(d, s, dt) && strlen(dm->id) < sizeof c->period) /* a day: its month */
			snprintf(c->period, sizeof c->period, "%.*s",
				 strlen(dm->id) == 10 ? 7 : (int)strlen(dm->id), dm->id);
	} else {
		if (!k || k->commodity)
			claim_commodity(d, s, f, r, cl_mention(d, (size_t)subj), c->commodity);
		if (k && k->dated)
			assay_copy(c->period, sizeof c->period, h->period);
	}
	if (strcmp(c->metric, "price") == 0)
		price_of(d, s, f, c);
	if (!strcmp(c->unit, "t") && rock_tonnage(d, s, f))
		c->commodity[0] = '\0';
	size_t lead = strcmp(c->metric, "grade") ? (size_t)-1 : lead_metal(d, f);
	if (lead != (size_t)-1)
		assay_copy(c->commodity, sizeof c->commodity, cl_mention(d, lead)->id);
	if (!c->period[0] && of_deposit(c->metric) && k && k->dated && refers_back(d, s, f))
		earlier_period(d, s, c);
	if (!c->period[0] && of_deposit(c->metric) && k && k->dated)
		cited_year(d, s, c->period);
	if (no_claim(d, s, f, c, sm))
		return ASSAY_OK;
	c->fig_start = m->start;
	c->fig_end = m->end;
	c->evidence = (struct assay_evidence){s->start, s->end};
	return cl_push_claim(d, c);
}

/* "aims to mine 2 Mt by 2030 and holds 22 Mt": the second figure has a
 * predicate of its own, and the first one's year is not its year. */
static bool new_predicate(const struct cl_doc *d, size_t a, size_t b)
{
	for (size_t u = a + 1; u < b; u++)
		if (cl_word_is(d, u, "and") && cl_clause_break(d, u))
			return true;
	return false;
}

/* "at a price of $0.365 per Unit", "an exercise price of C$0.445": the
 * price of a company's own securities, no price of a metal. */
static bool security_price(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	/* "purchase $30,000,000 in common shares of Atlas Lithium" */
	for (size_t u = f + 1; u + 1 < s->t1 && u < f + 3; u++)
		if ((cl_word_is(d, u, "in") || cl_word_is(d, u, "of")) &&
		    (cl_word_in(d, u + 1, CL_SECURITY) ||
		     (cl_word_is(d, u + 1, "common") && cl_word_in(d, u + 2, CL_SECURITY))))
			return true;
	for (size_t u = f + 1; u < s->t1 && u < f + 5; u++) {
		if (!(cl_word_is(d, u, "per") || cl_word_is(d, u, "a") || cl_word_is(d, u, "each")))
			continue;
		for (size_t v = u + 1; v < s->t1 && v < u + 3; v++)
			if (cl_word_in(d, v, CL_SECURITY))
				return true;
		break;
	}
	for (size_t u = f; u > s->t0 && u + 4 > f; u--)
		if ((cl_word_is(d, u - 1, "exercise") || cl_word_is(d, u - 1, "conversion") ||
		     cl_word_is(d, u - 1, "offering") || cl_word_is(d, u - 1, "issue")) &&
		    cl_word_is(d, u, "price"))
			return true;
	return false;
}

/* "reported at cut-off grades of 0.13% and 0.15% copper", "using the
 * following parameters: Cu $4.00/lb", "0.5 g/t Au cut-off": the basis an
 * estimate is made on, not a figure of its deposit. A basis word before
 * the figure counts until a metric cue other than the basis's own nouns
 * ("At a 0.5 g/t cut-off the deposit holds 10 Mt" keeps the 10 Mt). */
static bool basis_figure(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = f + 1; u < s->t1 && u < f + 3; u++)
		if (cl_word_in(d, u, CL_BASIS))
			return true;
	for (size_t t = f; t-- > s->t0;) {
		if (cl_word_in(d, t, CL_BASIS))
			return true;
		if (d->tok[t].kind == CT_WORD && (d->tok[t].cls & CW_CUE_METRIC) &&
		    !cl_word_in(d, t, CL_BASIS_NOUN))
			return false;
	}
	return false;
}

/* "Shares Rise 3%", "Metal stocks ... Hindalco fall 3-4%", "Tata Steel
 * (NSE:TATASTEEL) was down by over 3%": a move of a company's shares. */
static bool share_move(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = s->t0; u < f; u++) {
		if (cl_word_is(d, u, "shares") || cl_word_is(d, u, "equities") ||
		    ((cl_word_is(d, u, "share") || cl_word_is(d, u, "stock")) &&
		     cl_word_is(d, u + 1, "price")))
			return true;
		if (u > s->t0 && cl_word_is(d, u, "stocks") && cl_word_in(d, u - 1, CL_MARKET))
			return true;
		if (cl_word_is(d, u, "stocks") && cl_word_is(d, u + 1, "of") &&
		    (cl_word_in(d, u + 2, CL_MARKET) || cl_word_in(d, u + 3, CL_MARKET)))
			return true; /* "Stocks of gold miners such as ... rose 2%" */
	}
	const struct assay_mention *m = cl_mention(d, f);
	size_t from = m->start > s->start + 80 ? m->start - 80 : s->start;
	for (size_t b = from; b + 3 <= m->start; b++)
		if (!memcmp(d->text + b, "SE:", 3))
			return true; /* a ticker: "(NYSE:GOLD)", "(NSE:SAIL)" */
	return false;
}

/* "$129.5M after-tax NPV5", "an NPV of $424 million": a study's result,
 * no money anyone spends. */
static bool valuation(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	for (size_t u = f + 1; u < s->t1 && u < f + 4; u++)
		if (!strncmp(d->tok[u].w, "npv", 3) || cl_word_is(d, u, "irr"))
			return true;
	for (size_t u = f; u > s->t0 && u + 4 > f; u--)
		if (!strncmp(d->tok[u - 1].w, "npv", 3) ||
		    (cl_word_is(d, u - 1, "value") && u > s->t0 + 1 &&
		     cl_word_is(d, u - 2, "present")))
			return true;
	return false;
}

/* "the $7 per ounce discovery cost", "all-in sustaining costs of $1,000
 * per ounce": what a producer spends on a unit, not the metal's price. */
static bool unit_cost(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	const struct assay_mention *m = cl_mention(d, f);

	if (!m->price_per[0])
		return false;
	for (size_t u = f + 1; u < s->t1 && u < f + 6; u++)
		if (cl_word_is(d, u, "cost") || cl_word_is(d, u, "costs"))
			return true;
	return false;
}

/* "Special high grade now costs 37-1/2 U.S. cents": what a product
 * costs its buyer is its price. */
static bool costs_verb(const struct cl_doc *d, const struct cl_sent *s, size_t f)
{
	size_t u = f;

	/* "costs 37-1/2 U.S. cents and 50 Canadian cents": both */
	if (u > s->t0 + 1 && (cl_word_is(d, u - 1, "and") || cl_word_is(d, u - 1, "or")))
		for (size_t v = u - 1; v > s->t0 && v + 4 > u; v--)
			if (cl_mention(d, v - 1) && cl_mention(d, v - 1)->type == ASSAY_M_MONEY) {
				u = v - 1;
				break;
			}
	while (u > s->t0 && (cl_word_is(d, u - 1, "now") || cl_word_is(d, u - 1, "about")))
		u--;
	return u > s->t0 + 1 && cl_word_is(d, u - 1, "costs") && d->tok[u - 2].kind != CT_PUNCT &&
	       !(d->tok[u - 2].kind == CT_WORD && (d->tok[u - 2].cls & CW_STOPNP)) && !cl_word_is(d, u - 2, "the") &&
	       !cl_word_is(d, u - 2, "of") && !cl_word_is(d, u - 2, "total");
}

/* A figure that is not of the thing its sentence is about: the basis of
 * an estimate, a security's price, a valuation, a move of shares. */
static bool says_nothing(const struct cl_doc *d, const struct cl_sent *s, size_t f, bool change)
{
	const struct assay_mention *m = cl_mention(d, f);

	return basis_figure(d, s, f) ||
	       (m->type == ASSAY_M_MONEY && (security_price(d, s, f) || valuation(d, s, f))) ||
	       (m->type == ASSAY_M_PERCENT && change && share_move(d, s, f));
}

static int figure_claims(struct cl_doc *d, const struct cl_sent *s, size_t f, size_t l, size_t r,
			 struct head *h)
{
	const struct assay_mention *m = cl_mention(d, f);
	char bases[2][16], status[12];
	bool skip, ellipsis, world;
	const char *change = change_of(d, l, f, &skip);
	struct head prev = *h;
	int n;

	if (skip || !(n = bases_of(d, s, l, f, r, h, *change, bases, &ellipsis, &world)))
		return ASSAY_OK;
	if (says_nothing(d, s, f, *change))
		return ASSAY_OK;
	if (ellipsis)
		assay_copy(status, sizeof status, h->status);
	else
		status_of(d, s, f, status);
	bool target = strcmp(status, "target") == 0; /* an aim, not an expectation */
	if (target)
		assay_copy(status, sizeof status, "planned");
	for (int i = 0; i < n; i++) {
		struct assay_claim c;
		memset(&c, 0, sizeof c);
		if (!metric_for(bases[i], m, target, *change, c.metric))
			continue;
		if (!strcmp(c.metric, "price") && unit_cost(d, s, f))
			assay_copy(c.metric, sizeof c.metric, "cost");
		else if (!strcmp(c.metric, "cost") && costs_verb(d, s, f))
			assay_copy(c.metric, sizeof c.metric, "price");
		else if (!strcmp(c.metric, "cost") && m->type == ASSAY_M_MONEY && !m->price_per[0] &&
			 !strcmp(status, "planned"))
			/* "will establish a mine at a cost of about 21 mln dlrs":
			 * a cost with no unit it is paid per is what is invested */
			assay_copy(c.metric, sizeof c.metric, "investment");
		assay_copy(c.status, sizeof c.status, status);
		if (!strcmp(c.metric, "resources") && !strcmp(status, "actual"))
			/* a mineral resource is an estimate by what it is ("8.2
			 * million tonnes of indicated resources") */
			assay_copy(c.status, sizeof c.status, "estimated");
		assay_copy(c.change, sizeof c.change, change);
		if (ellipsis) {
			h->tok = f;
			if (i == 0 && year_back(d, f)) { /* "from year-earlier 8,462,000 tons grading ..." */
				year_before(h->period);
				h->back = true;
			}
		} else if (i == 0) {
			char period[16];
			set_head(h, f, d, bases[0], status);
			assay_copy(h->place, sizeof h->place, prev.valid ? prev.place : "");
			period_of(d, s, f, period);
			assay_copy(h->period, sizeof h->period,
				period[0] || !prev.valid || new_predicate(d, prev.tok, f) ? period
											   : prev.period);
			if (prev.valid && prev.back && f <= prev.tok + 6 && !clause_between(d, prev.tok, f)) {
				/* "... from year-earlier 8.4 mln tons grading 0.077 ounce" */
				assay_copy(h->period, sizeof h->period, prev.period);
				h->back = true;
			}
			cl_commodity(d, s, f + 1, r, false, h->commodity);
		}
		if (world)
			continue;
		struct head use = *h;
		assay_copy(use.base, sizeof use.base, bases[i]);
		if (one_claim(d, s, l, f, r, &c, ellipsis ? h : &use, ellipsis))
			return ASSAY_ENOMEM;
		if (!ellipsis && i == 0)
			assay_copy(h->place, sizeof h->place, use.place);
	}
	return ASSAY_OK;
}

/* The coordinated entities nearest before @t ("China and Russia"). */
static size_t entity_group(const struct cl_doc *d, const struct cl_sent *s, size_t t, size_t *g,
			   size_t max)
{
	size_t n = 0, u = t;

	while (u > s->t0 && !cl_is_entity(d, u - 1))
		u--;
	while (u > s->t0 && n < max) {
		size_t v = u - 1;
		if (cl_is_entity(d, v) && !d->tok[v].modifier)
			g[n++] = v;
		else if (!(cl_word_is(d, v, "and") || cl_word_is(d, v, "the") ||
			   (d->tok[v].kind == CT_PUNCT && d->tok[v].w[0] == ',') ||
			   cl_word_is(d, v, "'s")))
			break;
		u = v;
	}
	for (size_t i = 0; i < n / 2; i++) { /* back into reading order */
		size_t x = g[i];
		g[i] = g[n - 1 - i];
		g[n - 1 - i] = x;
	}
	return n;
}

static bool said_respectively(const struct cl_doc *d, const struct cl_sent *s)
{
	for (size_t u = s->t0; u < s->t1; u++)
		if (cl_word_is(d, u, "respectively"))
			return true;
	return false;
}

/* "China and Russia produced 140,000 and 20,000 tonnes respectively":
 * the i-th figure is the i-th subject's; what they measure is said once. */
static int respectively(struct cl_doc *d, const struct cl_sent *s, bool *done)
{
	size_t fig[8], grp[8], nf = 0, ng, at;
	char bases[2][16], status[12];

	*done = false;
	for (size_t t = s->t0; t < s->t1 && nf < 8; t++)
		if (cl_is_figure(d, t))
			fig[nf++] = t;
	if (nf < 2)
		return ASSAY_OK;
	ng = entity_group(d, s, fig[0], grp, 8);
	/* "Brazil and China have pledged to cooperate with the ATPC and limit
	 * their exports to 21,000 and 7,000 tonnes respectively": the group
	 * as large as the list, further back */
	for (size_t u = ng ? grp[0] : s->t0; ng != nf && ng && u > s->t0 && said_respectively(d, s);
	     u = ng ? grp[0] : s->t0)
		ng = entity_group(d, s, u, grp, 8);
	if (ng != nf)
		return ASSAY_OK;
	const struct assay_mention *last = cl_mention(d, fig[nf - 1]);
	if (!right_cues(d, fig[nf - 1], s->t1, bases) && !left_cue(d, grp[ng - 1] + 1, fig[0],
								 bases[0], &at))
		return ASSAY_OK;
	status_of(d, s, fig[0], status);
	bool target = strcmp(status, "target") == 0;
	if (target)
		assay_copy(status, sizeof status, "planned");
	double w = written_number(d->text + last->start, d->text + last->end);
	for (size_t i = 0; i < nf; i++) {
		const struct assay_mention *m = cl_mention(d, fig[i]);
		struct assay_claim c;
		memset(&c, 0, sizeof c);
		if (!metric_for(bases[0], m->type == ASSAY_M_NUMBER ? last : m, target, false,
				c.metric))
			continue;
		struct head h = {.valid = true, .scale = w > 0 ? last->value / w : 1};
		assay_copy(h.unit, sizeof h.unit, last->unit);
		assay_copy(h.per, sizeof h.per, last->per);
		fill_value(d, &c, m, m->type == ASSAY_M_NUMBER ? &h : NULL, fig[i]);
		assay_copy(c.subject, sizeof c.subject, cl_entity_id(d, (int)grp[i]));
		assay_copy(c.status, sizeof c.status, status);
		const struct cl_metric_kind *k = cl_kind(c.metric) ? cl_kind(c.metric) : cl_kind(bases[0]);
		if (!k || k->commodity)
			cl_commodity(d, s, fig[nf - 1] + 1, s->t1, false, c.commodity);
		if (k && k->dated)
			period_of(d, s, fig[nf - 1], c.period);
		c.fig_start = m->start;
		c.fig_end = m->end;
		c.evidence = (struct assay_evidence){s->start, s->end};
		if (cl_push_claim(d, &c))
			return ASSAY_ENOMEM;
	}
	*done = true;
	return ASSAY_OK;
}

int cl_sentence_claims(struct cl_doc *d, const struct cl_sent *s)
{
	struct head h = {0};
	size_t l = s->t0;
	bool done = false;

	for (size_t t = s->t0; t < s->t1 && !done; t++)
		if (cl_word_is(d, t, "respectively") && respectively(d, s, &done))
			return ASSAY_ENOMEM;
	if (done) {
		update_place(d, s);
		return ASSAY_OK;
	}

	for (size_t t = s->t0; t < s->t1; t++) {
		if (!cl_is_figure(d, t))
			continue;
		size_t r = t + 1;
		while (r < s->t1 && !cl_is_figure(d, r))
			r++;
		if (figure_claims(d, s, t, l, r, &h))
			return ASSAY_ENOMEM;
		l = t + 1;
	}
	update_place(d, s);
	return ASSAY_OK;
}

bool cl_clause_break(const struct cl_doc *d, size_t t)
{
	if (is_punct(d, t, ";") || (d->tok[t].kind == CT_WORD && (d->tok[t].cls & CW_BREAK)))
		return true;
	/* "aims to mine 2 million tonnes a year and holds 22 million tonnes" */
	return cl_word_is(d, t, "and") && t + 1 < d->ntok && d->tok[t + 1].kind == CT_WORD &&
	       (d->tok[t + 1].cls & CW_CUE_METRIC) && d->tok[t + 1].w[strlen(d->tok[t + 1].w) - 1] == 's';
}

size_t cl_clause_start(const struct cl_doc *d, size_t t0, size_t t)
{
	while (t > t0 && !cl_clause_break(d, t - 1))
		t--;
	return t;
}

/* "Related News", "Leave a Reply": what follows is not the story. */
static bool end_of_story(const struct cl_doc *d, size_t b)
{
	const struct cl_rules *r = cl_rules();
	const struct cl_block *k = &d->blk[b];
	size_t n = k->end - k->start;

	if (k->kind != CB_HEADING || n >= 40)
		return false;
	if (n && d->text[k->start + n - 1] == ':')
		n--;
	for (size_t i = 0; i < r->nend; i++)
		if (strlen(r->end_headings[i]) == n &&
		    strncasecmp(d->text + k->start, r->end_headings[i], n) == 0)
			return true;
	return false;
}

/* "in the year started March 1", "for 12 months from March 1": a quota
 * year, as a span of months ("1987-03/1988-02"); "" when the text names
 * none. */
static void quota_year(const struct cl_doc *d, char out[16])
{
	out[0] = '\0';
	for (size_t t = 0; t + 2 < d->ntok; t++) {
		if (!cl_word_is(d, t, "year") && !cl_word_is(d, t, "months"))
			continue;
		for (size_t u = t + 1; u < t + 4 && u + 1 < d->ntok; u++) {
			bool cue = cl_word_in(d, u, CL_YEAR_START);
			const struct assay_mention *m = cl_mention(d, u + 1);
			if (!cue || !m || m->type != ASSAY_M_DATE || strlen(m->id) < 7 ||
			    m->id[4] != '-')
				continue;
			int y = atoi(m->id), mo = atoi(m->id + 5);
			if (mo < 1 || mo > 12 || y < 1000 || y > 9998)
				continue;
			char buf[40];
			snprintf(buf, sizeof buf, "%04d-%02d/%04d-%02d", y % 10000, mo % 100,
				 (mo == 1 ? y : y + 1) % 10000, (mo == 1 ? 12 : mo - 1) % 100);
			assay_copy(out, 16, buf);
			return;
		}
	}
}

/* "the 2022 Mineral Resource Estimate", "a resource estimate dated
 * 2022": the year a release's resources and grades were estimated;
 * "" when it names none. */
static void estimate_year(const struct cl_doc *d, char out[16])
{
	out[0] = '\0';
	for (size_t t = 0; t + 1 < d->ntok; t++) {
		if (!(cl_word_is(d, t, "resource") || cl_word_is(d, t, "resources") ||
		      cl_word_is(d, t, "reserve") || cl_word_is(d, t, "reserves")) ||
		    !(cl_word_is(d, t + 1, "estimate") || cl_word_is(d, t + 1, "estimates") ||
		      cl_word_is(d, t + 1, "statement") || cl_word_is(d, t + 1, "update")))
			continue;
		for (size_t u = t > 3 ? t - 3 : 0; u < t + 6 && u < d->ntok; u++) {
			const struct assay_mention *m = cl_mention(d, u);
			if (m && m->type == ASSAY_M_DATE && strlen(m->id) == 4) {
				assay_copy(out, 16, m->id);
				return;
			}
		}
	}
}

/* A quota with no period of its own is for the quota year the story
 * names: "Malaysia has been allocated an export quota of 28,526 tonnes". */
static void date_quotas(struct cl_doc *d, size_t from)
{
	char qy[16], ey[16];

	estimate_year(d, ey);
	for (size_t i = from; ey[0] && i < d->out->nclaims; i++) {
		struct assay_claim *c = &d->out->claims[i];
		if ((!strcmp(c->metric, "resources") || !strcmp(c->metric, "reserves") ||
		     !strcmp(c->metric, "grade")) && !c->period[0])
			assay_copy(c->period, sizeof c->period, ey);
	}
	quota_year(d, qy);
	if (!qy[0])
		return;
	for (size_t i = from; i < d->out->nclaims; i++) {
		struct assay_claim *c = &d->out->claims[i];
		if (!strcmp(c->metric, "quota") && (!c->period[0] || strlen(c->period) == 4))
			assay_copy(c->period, sizeof c->period, qy);
	}
}

int assay_claims_find(const char *text, size_t len, const char *title,
		      const struct assay_span *sents, size_t nsents,
		      const struct assay_mention *mentions, size_t nmentions,
		      struct assay_extraction *out)
{
	struct cl_doc d = {.text = text, .len = len, .m = mentions, .nm = nmentions, .out = out,
			  .a0 = out->nagreements, .title = title};
	size_t nc = out->nclaims, na = out->nagreements;
	int rc = assay_claims_init();

	if (rc)
		return rc;
	rc = cl_doc_build(&d, sents, nsents);
	for (size_t i = 0; !rc && i < d.nsent; i++) {
		const struct cl_sent *s = &d.sent[i];
		if (end_of_story(&d, s->block)) {
			d.nblk = s->block; /* no tables after it either */
			break;
		}
		if (d.blk[s->block].kind == CB_ROW || d.blk[s->block].kind == CB_RULE)
			continue;
		rc = cl_sentence_claims(&d, s);
		if (!rc)
			rc = cl_sentence_agreements(&d, s);
		cl_focus_update(&d, s);
	}
	for (size_t b = 0; !rc && b < d.nblk; b++) {
		size_t e = b;
		if (d.blk[b].table < 0)
			continue;
		while (e < d.nblk && d.blk[e].table == d.blk[b].table)
			e++;
		rc = cl_table_claims(&d, b, e);
		b = e - 1;
	}
	if (!rc)
		date_quotas(&d, nc);
	cl_doc_release(&d);
	if (rc) { /* all or nothing */
		out->nclaims = nc;
		out->nagreements = na;
	}
	return rc;
}
