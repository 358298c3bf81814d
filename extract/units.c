/* units.c - the word tables around a figure (units, currencies, scales,
 * qualifiers, rates, counted nouns, non-figure context, abbreviations)
 * and matching them at a position of the text.
 *
 * Tables are parsed once from the embedded data files. Matching is a
 * linear scan of a table for the longest phrase: tables are small (tens
 * to a couple of hundred rows) and only consulted next to a number, so
 * this is not on the hot path. A space in a phrase matches a run of
 * spaces or one hyphen in the text. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "assay.h"
#include "recog.h"

/* How one data file feeds one table: which column holds the flags and
 * the number, and which rows belong (route column == route value). */
struct table_spec {
	const char *data;
	enum table_id t;
	int flags_col, num_col, route_col;
	const char *route_val;
	bool force_cs;
};

static const struct table_spec specs[] = {
	{assay_data_units, T_UNITS, 4, 2, -1, NULL, false},
	{assay_data_currencies, T_CURRENCY_PRE, 3, 2, 1, "pre", false},
	{assay_data_currencies, T_CURRENCY_POST, 3, 2, 1, "post", false},
	{assay_data_scales, T_SCALES, 1, 0, -1, NULL, false},
	{assay_data_qualifiers, T_QUAL_BEFORE, -1, -1, 1, "before", false},
	{assay_data_qualifiers, T_QUAL_AFTER, -1, -1, 1, "after", false},
	{assay_data_periods, T_PERIODS, -1, -1, -1, NULL, false},
	{assay_data_nouns, T_NOUNS, -1, -1, -1, NULL, false},
	{assay_data_notfig, T_NOTFIG_BEFORE, 1, -1, 0, "before", false},
	{assay_data_notfig, T_NOTFIG_AFTER, 1, -1, 0, "after", false},
	{assay_data_abbrevs, T_ABBREVS, -1, -1, -1, NULL, true},
};

static struct phrase_table tables[T_NTABLES];

bool is_word_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

static bool is_word_at(const char *text, size_t len, size_t pos)
{
	utf8proc_int32_t cp;
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char)text[pos];
	if (c < 0x80)
		return isalnum(c) || c == '_';
	if (utf8proc_iterate((const utf8proc_uint8_t *)text + pos, (utf8proc_ssize_t)(len - pos),
			     &cp) < 0)
		return false;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		return true;
	default:
		return false;
	}
}

size_t skip_spaces(const char *text, size_t len, size_t pos)
{
	while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
		pos++;
	if (pos + 1 < len && (unsigned char)text[pos] == 0xc2 && (unsigned char)text[pos + 1] == 0xa0)
		return skip_spaces(text, len, pos + 2); /* no-break space */
	return pos;
}

size_t skip_spaces_back(const char *text, size_t floor, size_t pos)
{
	while (pos > floor && (text[pos - 1] == ' ' || text[pos - 1] == '\t'))
		pos--;
	if (pos >= floor + 2 && (unsigned char)text[pos - 2] == 0xc2 &&
	    (unsigned char)text[pos - 1] == 0xa0)
		return skip_spaces_back(text, floor, pos - 2);
	return pos;
}

void copy_field(char *dst, size_t cap, const char *src, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Length of text matched by @p at @pos (0 if none): a space in the phrase
 * matches one or more spaces or tabs; letters compare without case unless
 * the row is case-sensitive. */
static size_t match_phrase(const struct phrase *p, const char *text, size_t len, size_t pos)
{
	size_t i = 0, j = pos;

	while (i < p->len) {
		unsigned char a = (unsigned char)p->s[i];
		if (a == ' ' && j < len && text[j] == '-') {
			i++;
			j++; /* "a-year", "tonne-per-day" */
			continue;
		}
		if (a == ' ') {
			if (j >= len || (text[j] != ' ' && text[j] != '\t'))
				return 0;
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			i++;
			continue;
		}
		if (j >= len)
			return 0;
		if (p->cs ? a != (unsigned char)text[j]
			  : tolower(a) != tolower((unsigned char)text[j]))
			return 0;
		i++;
		j++;
	}
	return j - pos;
}

const struct phrase *phrase_at(enum table_id t, const char *text, size_t len, size_t pos,
			       size_t *n)
{
	const struct phrase_table *tb = &tables[t];
	const struct phrase *best = NULL;
	size_t bestn = 0;

	for (size_t i = 0; i < tb->n; i++) {
		const struct phrase *p = &tb->v[i];
		size_t m;

		if (p->len <= bestn)
			continue;
		m = match_phrase(p, text, len, pos);
		if (!m)
			continue;
		if (isalnum((unsigned char)p->s[p->len - 1]) && is_word_at(text, len, pos + m))
			continue;
		best = p;
		bestn = m;
	}
	if (best)
		*n = bestn;
	return best;
}

const struct phrase *phrase_before(enum table_id t, const char *text, size_t floor, size_t end,
				   size_t *start)
{
	const struct phrase_table *tb = &tables[t];
	const struct phrase *best = NULL;
	size_t bestlen = 0;

	for (size_t i = 0; i < tb->n; i++) {
		const struct phrase *p = &tb->v[i];
		size_t s;

		if (p->len > end - floor || p->len <= bestlen)
			continue;
		s = end - p->len;
		if (match_phrase(p, text, end, s) != p->len)
			continue;
		if (isalnum((unsigned char)p->s[0]) && s > floor && is_word_byte((unsigned char)text[s - 1]))
			continue;
		best = p;
		bestlen = p->len;
		*start = s;
	}
	return best;
}

const struct phrase_table *table(enum table_id t)
{
	return &tables[t];
}

static int table_push(struct phrase_table *tb, const struct phrase *p)
{
	struct phrase *v = realloc(tb->v, (tb->n + 1) * sizeof *v);

	if (!v)
		return ASSAY_ENOMEM;
	tb->v = v;
	tb->v[tb->n++] = *p;
	return ASSAY_OK;
}

/* Splits one line of a data file (in place) into the phrase and columns. */
static void split_row(char *line, struct phrase *p)
{
	char *f[6] = {0};
	int nf = 0;

	for (char *s = line; s && nf < 6;) {
		f[nf++] = s;
		s = strchr(s, '\t');
		if (s)
			*s++ = '\0';
	}
	memset(p, 0, sizeof *p);
	p->s = f[0];
	p->len = strlen(f[0]);
	for (int i = 0; i < 5; i++)
		p->col[i] = f[i + 1] ? f[i + 1] : "";
}

static int load_spec(const struct table_spec *sp)
{
	struct phrase_table *tb = &tables[sp->t];
	char *line, *next;

	tb->blob = strdup(sp->data);
	if (!tb->blob)
		return ASSAY_ENOMEM;
	for (line = tb->blob; line && *line; line = next) {
		struct phrase p;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		split_row(line, &p);
		if (sp->route_col >= 0 && strcmp(p.col[sp->route_col], sp->route_val) != 0)
			continue;
		p.cs = sp->force_cs || (sp->flags_col >= 0 && strchr(p.col[sp->flags_col], 'c'));
		p.num = sp->num_col >= 0 ? strtod(p.col[sp->num_col], NULL) : 0;
		if (p.len && table_push(tb, &p) != ASSAY_OK)
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

int tables_load(void)
{
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		int rc = load_spec(&specs[i]);
		if (rc != ASSAY_OK) {
			tables_free();
			return rc;
		}
	}
	return ASSAY_OK;
}

void tables_free(void)
{
	for (int i = 0; i < T_NTABLES; i++) {
		free(tables[i].v);
		free(tables[i].blob);
		memset(&tables[i], 0, sizeof tables[i]);
	}
}
