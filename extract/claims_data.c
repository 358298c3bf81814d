/* claims_data.c - loads the claim rule tables compiled in from
 * extract/data/claims/ *.tsv.
 *
 * Lines are tab-separated; '#' starts a comment line; blank lines are
 * skipped. A malformed line is a build-time mistake, so it is reported
 * once on stderr and skipped rather than failing every extraction. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "claims.h"
#include "log.h"
#include "vocab.h"

#define MAXCOLS 9

static struct cl_rules rules;
static bool loaded;

const struct cl_rules *cl_rules(void)
{
	return &rules;
}

static void parse_phrase(const char *s, struct cl_phrase *p)
{
	p->n = 0;
	while (*s && p->n < CL_MAXWORDS) {
		size_t k = 0;

		while (*s == ' ')
			s++;
		while (*s && *s != ' ') {
			if (k + 1 < CL_WORDLEN)
				p->w[p->n][k++] = *s;
			s++;
		}
		p->w[p->n][k] = '\0';
		if (k)
			p->n++;
	}
}

/* Splits @line (modified) at tabs into at most MAXCOLS columns. */
static int split(char *line, char **col)
{
	int n = 0;

	col[n++] = line;
	for (char *p = line; *p && n < MAXCOLS; p++)
		if (*p == '\t') {
			*p = '\0';
			col[n++] = p + 1;
		}
	return n;
}

#define GROW(arr, n) assay_array_grow(&rules.arr, rules.n, sizeof *rules.arr)

static int add_metric(char **c)
{
	if (GROW(metric, nmetric))
		return ASSAY_ENOMEM;
	struct cl_metric_cue *m = &rules.metric[rules.nmetric++];
	m->after = strcmp(c[0], "after") == 0;
	parse_phrase(c[1], &m->p);
	assay_copy(m->base, sizeof m->base, c[2]);
	return ASSAY_OK;
}

static int add_kind(char **c)
{
	if (GROW(kinds, nkinds))
		return ASSAY_ENOMEM;
	struct cl_metric_kind *k = &rules.kinds[rules.nkinds++];
	assay_copy(k->base, sizeof k->base, c[0]);
	assay_copy(k->quantity, sizeof k->quantity, c[1]);
	assay_copy(k->percent, sizeof k->percent, c[2]);
	assay_copy(k->money, sizeof k->money, c[3]);
	assay_copy(k->count, sizeof k->count, c[4]);
	assay_copy(k->planned, sizeof k->planned, c[5]);
	k->dated = strcmp(c[6], "yes") == 0;
	k->commodity = strcmp(c[7], "yes") == 0;
	return ASSAY_OK;
}

static int add_count(char **c)
{
	if (GROW(counts, ncounts))
		return ASSAY_ENOMEM;
	struct cl_count_noun *k = &rules.counts[rules.ncounts++];
	assay_copy(k->base, sizeof k->base, c[0]);
	assay_copy(k->noun, sizeof k->noun, c[1]);
	assay_copy(k->metric, sizeof k->metric, c[2]);
	return ASSAY_OK;
}

static int add_word_cue(struct cl_word_cue **arr, size_t *cnt, char **c)
{
	if (assay_array_grow(arr, *cnt, sizeof **arr))
		return ASSAY_ENOMEM;
	struct cl_word_cue *w = &(*arr)[(*cnt)++];
	assay_copy(w->value, sizeof w->value, c[0]);
	parse_phrase(c[1], &w->p);
	return ASSAY_OK;
}

static int add_status(char **c)
{
	return add_word_cue(&rules.status, &rules.nstatus, c);
}

static int add_change(char **c)
{
	return add_word_cue(&rules.change, &rules.nchange, c);
}

static int add_agreement(char **c)
{
	if (GROW(agr, nagr))
		return ASSAY_ENOMEM;
	struct cl_agr_cue *a = &rules.agr[rules.nagr++];
	a->noun = strcmp(c[0], "noun") == 0;
	parse_phrase(c[1], &a->p);
	assay_copy(a->type, sizeof a->type, strcmp(c[2], "-") ? c[2] : "");
	assay_copy(a->status, sizeof a->status, strcmp(c[3], "-") ? c[3] : "");
	assay_copy(a->objects, sizeof a->objects, c[4]);
	return ASSAY_OK;
}

static int add_element(char **c)
{
	if (GROW(elements, nelements))
		return ASSAY_ENOMEM;
	struct cl_element *e = &rules.elements[rules.nelements++];
	assay_copy(e->symbol, sizeof e->symbol, c[0]);
	assay_copy(e->commodity, sizeof e->commodity, strcmp(c[1], "-") ? c[1] : "");
	return ASSAY_OK;
}

static int add_org_word(char **c)
{
	return cl_org_word_add(c[0], c[1]);
}

static int add_end_heading(char **c)
{
	if (GROW(end_headings, nend))
		return ASSAY_ENOMEM;
	assay_copy(rules.end_headings[rules.nend++], sizeof *rules.end_headings, c[0]);
	return ASSAY_OK;
}

static int add_price_unit(char **c)
{
	if (GROW(price_units, nprice_units))
		return ASSAY_ENOMEM;
	struct cl_price_unit *u = &rules.price_units[rules.nprice_units++];
	if (!assay_copy(u->word, sizeof u->word, c[0]) || !assay_copy(u->unit, sizeof u->unit, c[1]))
		return ASSAY_EINVAL;
	return ASSAY_OK;
}

/* The names of the lists of word_lists.tsv, in the order of enum cl_list. */
static const char *const list_names[CL_NLISTS] = {
	"world", "base_adj", "aux", "region", "drill", "exchange", "many", "economy",
	"dealing", "security", "market", "year_start", "abbrev", "money", "holder",
	"report_verb", "ordinal", "basis", "basis_noun", "chart", "energy", "stock_view", "ore",
};

static const struct {
	const char *name;
	unsigned bit;
} class_names[] = {
	{"prep", CW_PREP}, {"stopnp", CW_STOPNP}, {"break", CW_BREAK}, {"place", CW_PLACE},
	{"deposit", CW_DEPOSIT}, {"facility", CW_FACILITY}, {"ana_country", CW_ANA_COUNTRY},
	{"ana_org", CW_ANA_ORG}, {"it", CW_IT},
};

/* Each space-separated word of @words with @bits; ASSAY_EINVAL for a word
 * longer than a token keeps. */
static int add_words(struct cl_list_word **arr, size_t *cnt, unsigned bits, const char *words)
{
	const char *p = words;

	while (*p) {
		size_t k = strcspn(p, " ");
		if (k) {
			if (k >= CL_WORDLEN)
				return ASSAY_EINVAL;
			if (assay_array_grow(arr, *cnt, sizeof **arr))
				return ASSAY_ENOMEM;
			struct cl_list_word *w = &(*arr)[(*cnt)++];
			memcpy(w->w, p, k);
			w->w[k] = '\0';
			w->bits = bits;
		}
		p += k + (p[k] == ' ');
	}
	return ASSAY_OK;
}

static int add_class_words(char **c)
{
	for (size_t i = 0; i < sizeof class_names / sizeof class_names[0]; i++)
		if (!strcmp(c[0], class_names[i].name))
			return add_words(&rules.class_words, &rules.nclass_words, class_names[i].bit,
					 c[1]);
	return ASSAY_EINVAL;
}

static int add_list_words(char **c)
{
	for (unsigned i = 0; i < CL_NLISTS; i++)
		if (!strcmp(c[0], list_names[i]))
			return add_words(&rules.list_words, &rules.nlist_words, 1u << i, c[1]);
	return ASSAY_EINVAL;
}

/* Each file, the columns a line of it needs and what takes the line. */
static const struct {
	const char *file;
	int cols;
	int (*add)(char **c);
} handlers[] = {
	{"metric_cues.tsv", 3, add_metric},	{"metric_kinds.tsv", 8, add_kind},
	{"count_nouns.tsv", 3, add_count},	{"status_cues.tsv", 2, add_status},
	{"change_cues.tsv", 2, add_change},	{"agreement_cues.tsv", 5, add_agreement},
	{"elements.tsv", 2, add_element},	{"org_words.tsv", 2, add_org_word},
	{"end_headings.tsv", 1, add_end_heading}, {"price_units.tsv", 2, add_price_unit},
	{"word_classes.tsv", 2, add_class_words}, {"word_lists.tsv", 2, add_list_words},
};

static int add_row(const char *file, char **c, int n)
{
	int rc = ASSAY_EINVAL;

	for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
		if (!strcmp(file, handlers[i].file) && n >= handlers[i].cols)
			rc = handlers[i].add(c);
	if (rc == ASSAY_ENOMEM)
		return rc;
	if (rc)
		assay_warn("claims rules: %s: bad line starting '%s'", file, c[0]);
	return ASSAY_OK;
}

static int load_file(const struct assay_claims_datafile *f)
{
	const char *p = (const char *)f->data, *end = p + f->len;
	char line[512], *col[MAXCOLS];

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);

		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : end;
		if (!n || line[0] == '#')
			continue;
		if (add_row(f->name, col, split(line, col)))
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

/* Every cue struct starts with its phrase; tables are sorted by the first
 * word so that a token finds the cues it can start with a binary search. */
static const struct cl_phrase *phrase_of(const void *arr, size_t size, size_t i)
{
	return (const struct cl_phrase *)((const char *)arr + i * size);
}

static int cmp_first_word(const void *a, const void *b)
{
	return strcmp(((const struct cl_phrase *)a)->w[0], ((const struct cl_phrase *)b)->w[0]);
}

void cl_cue_range(const void *arr, size_t n, size_t size, const char *w, size_t *lo, size_t *hi)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (strcmp(phrase_of(arr, size, m)->w[0], w) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	while (a < n && strcmp(phrase_of(arr, size, a)->w[0], w) == 0)
		a++;
	*hi = a;
}

/* Each change cue names a change of the contract (vocab.h). */
static void check_changes(void)
{
	for (size_t i = 0; i < rules.nchange; i++)
		if (!assay_change_parse(rules.change[i].value, NULL))
			assay_warn("claims rules: change_cues.tsv: '%s' is no change (up, down)",
				   rules.change[i].value);
}

int assay_claims_init(void)
{
	if (loaded)
		return ASSAY_OK;
	for (size_t i = 0; i < assay_claims_data_count; i++)
		if (load_file(&assay_claims_data[i])) {
			assay_claims_shutdown();
			return ASSAY_ENOMEM;
		}
	if (rules.nmetric)
		qsort(rules.metric, rules.nmetric, sizeof *rules.metric, cmp_first_word);
	if (rules.nstatus)
		qsort(rules.status, rules.nstatus, sizeof *rules.status, cmp_first_word);
	check_changes();
	if (rules.nchange)
		qsort(rules.change, rules.nchange, sizeof *rules.change, cmp_first_word);
	if (rules.nagr)
		qsort(rules.agr, rules.nagr, sizeof *rules.agr, cmp_first_word);
	if (cl_words_init()) {
		assay_claims_shutdown();
		return ASSAY_ENOMEM;
	}
	loaded = true;
	return ASSAY_OK;
}

void assay_claims_shutdown(void)
{
	free(rules.metric);
	free(rules.kinds);
	free(rules.counts);
	free(rules.status);
	free(rules.change);
	free(rules.agr);
	free(rules.end_headings);
	free(rules.elements);
	free(rules.price_units);
	free(rules.class_words);
	free(rules.list_words);
	memset(&rules, 0, sizeof rules);
	cl_org_words_clear();
	cl_words_clear();
	loaded = false;
}

const struct cl_element *cl_element_of(const char *s, size_t n)
{
	char sym[16];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof sym; i++)
		if (s[i] != '-')
			sym[k++] = s[i]; /* "Cu-Eq" is CuEq */
	sym[k] = '\0';
	for (size_t i = 0; k && i < rules.nelements; i++)
		if (!strcmp(rules.elements[i].symbol, sym))
			return &rules.elements[i];
	return NULL;
}

const char *cl_price_unit(const char *word)
{
	for (size_t i = 0; i < rules.nprice_units; i++)
		if (!strcmp(rules.price_units[i].word, word))
			return rules.price_units[i].unit;
	return NULL;
}

const struct cl_metric_kind *cl_kind(const char *base)
{
	for (size_t i = 0; i < rules.nkinds; i++)
		if (strcmp(rules.kinds[i].base, base) == 0)
			return &rules.kinds[i];
	return NULL;
}
