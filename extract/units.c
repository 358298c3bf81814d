/* units.c - the word tables around a figure (units, currencies, scales,
 * qualifiers, rates, counted nouns, non-figure context, abbreviations)
 * and matching them at a position of the text.
 *
 * Tables are parsed once from the embedded data files. Matching is a
 * linear scan of a table for the longest phrase: tables are small (tens
 * to a couple of hundred rows) and only consulted next to a number, so
 * this is not on the hot path. A space in a phrase matches a run of
 * spaces (with at most one line break) or one hyphen in the text. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "array.h"
#include "assay.h"
#include "map.h"
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
	{assay_data_fractions, T_FRACTIONS, -1, 0, -1, NULL, false},
};

static struct phrase_table tables[T_NTABLES];

#define W1(c) [c] = 1
#define W10(c) W1(c), W1(c + 1), W1(c + 2), W1(c + 3), W1(c + 4), W1(c + 5), W1(c + 6), \
	W1(c + 7), W1(c + 8), W1(c + 9)
const unsigned char assay_word_bytes[256] = {
	W10('0'), W10('A'), W10('A' + 10), W1('U'), W1('V'), W1('W'), W1('X'), W1('Y'), W1('Z'),
	W10('a'), W10('a' + 10), W1('u'), W1('v'), W1('w'), W1('x'), W1('y'), W1('z'), W1('_'),
	W10(0x80), W10(0x8a), W10(0x94), W10(0x9e), W10(0xa8), W10(0xb2), W10(0xbc), W10(0xc6),
	W10(0xd0), W10(0xda), W10(0xe4), W10(0xee), W1(0xf8), W1(0xf9), W1(0xfa), W1(0xfb),
	W1(0xfc), W1(0xfd), W1(0xfe), W1(0xff),
};

/* Bytes that start a word: ASCII letters and digits, any non-ASCII byte
 * (isalnum() in the C locale, which the program never leaves, or >= 0x80). */
const unsigned char assay_start_bytes[256] = {
	W10('0'), W10('A'), W10('A' + 10), W1('U'), W1('V'), W1('W'), W1('X'), W1('Y'), W1('Z'),
	W10('a'), W10('a' + 10), W1('u'), W1('v'), W1('w'), W1('x'), W1('y'), W1('z'),
	W10(0x80), W10(0x8a), W10(0x94), W10(0x9e), W10(0xa8), W10(0xb2), W10(0xbc), W10(0xc6),
	W10(0xd0), W10(0xda), W10(0xe4), W10(0xee), W1(0xf8), W1(0xf9), W1(0xfa), W1(0xfb),
	W1(0xfc), W1(0xfd), W1(0xfe), W1(0xff),
};

static inline bool ascii_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

/* tolower() of the C locale without a call per byte. */
static inline unsigned char fold(unsigned char c)
{
	return (unsigned)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

int recog_word_set_init(struct word_set *ws, const char *const *words)
{
	memset(ws, 0, sizeof *ws);
	for (int i = 0; words[i]; i++) {
		char w[16];
		size_t n = strlen(words[i]), *v;

		if (n >= sizeof w)
			return ASSAY_EINVAL;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)(words[i][k] | 0x20);
		if (assay_map_put(&ws->words, w, n, &v)) {
			recog_word_set_release(ws);
			return ASSAY_ENOMEM;
		}
		ws->pair[(words[i][0] | 0x20) - 'a'] |=
			n > 1 ? 1u << ((words[i][1] | 0x20) - 'a') : 1u << 26;
		ws->lens |= 1u << n;
		ws->ends[n][(words[i][0] | 0x20) - 'a'] |= 1u << ((words[i][n - 1] | 0x20) - 'a');
	}
	return ASSAY_OK;
}

void recog_word_set_release(struct word_set *ws)
{
	assay_map_release(&ws->words);
	memset(ws, 0, sizeof *ws);
}

/* The rest of word_set_has() (recog.h), once the first two letters pass. */
bool recog_word_set_lookup(const struct word_set *ws, const char *text, size_t len, size_t pos,
		     size_t *n)
{
	char w[16];
	size_t k = 0;
	unsigned char c;

	while (pos + k < len && k < 16 && ascii_alpha(c = (unsigned char)text[pos + k])) {
		if (k < sizeof w)
			w[k] = (char)(c | 0x20);
		k++;
	}
	if (k >= 16 || !(ws->lens & (1u << k)) ||
	    !(ws->ends[k][w[0] - 'a'] & (1u << (w[k - 1] - 'a'))) || !assay_map_get(&ws->words, w, k))
		return false;
	*n = k;
	return true;
}

size_t recog_char_at(const char *text, size_t len, size_t pos, bool *word)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	unsigned char c = (unsigned char)text[pos];

	if (c < 0x80) {
		*word = is_word_byte(c);
		return 1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)text + pos, (utf8proc_ssize_t)(len - pos), &cp);
	if (k <= 0) {
		*word = false;
		return 1;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		*word = true;
		break;
	default:
		*word = false;
	}
	return (size_t)k;
}

static bool is_word_at(const char *text, size_t len, size_t pos)
{
	bool word = false;

	if (pos < len)
		recog_char_at(text, len, pos, &word);
	return word;
}

/* Spaces, tabs and no-break spaces, and at most one line break: wire
 * stories are hard-wrapped, so "390,000" may end a line and "tonnes"
 * start the next (after its indentation). A blank line is never crossed. */
size_t recog_skip_spaces(const char *text, size_t len, size_t pos)
{
	size_t start = pos;
	bool crossed = false;

	for (;;) {
		size_t from = pos;

		while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
			pos++;
		if (pos + 1 < len && (unsigned char)text[pos] == 0xc2 &&
		    (unsigned char)text[pos + 1] == 0xa0)
			pos += 2; /* no-break space */
		else if (!crossed && pos < len && (text[pos] == '\n' || text[pos] == '\r'))
			pos += text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n' ? 2 : 1,
			crossed = true;
		if (pos == from)
			return pos;
		if (crossed && pos < len && (text[pos] == '\n' || text[pos] == '\r'))
			return start; /* a blank line: not crossed */
	}
}

size_t recog_skip_spaces_back(const char *text, size_t floor, size_t pos)
{
	size_t start = pos;
	bool crossed = false;

	for (;;) {
		size_t from = pos;

		while (pos > floor && (text[pos - 1] == ' ' || text[pos - 1] == '\t'))
			pos--;
		if (pos >= floor + 2 && (unsigned char)text[pos - 2] == 0xc2 &&
		    (unsigned char)text[pos - 1] == 0xa0)
			pos -= 2;
		else if (!crossed && pos > floor && text[pos - 1] == '\n')
			pos -= pos - 1 > floor && text[pos - 2] == '\r' ? 2 : 1, crossed = true;
		if (pos == from)
			return pos;
		if (crossed && pos > floor && (text[pos - 1] == '\n' || text[pos - 1] == '\r'))
			return start;
	}
}

void recog_copy_field(char *dst, size_t cap, const char *src, size_t n)
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
			size_t k = recog_skip_spaces(text, len, j);
			if (k == j)
				return 0;
			j = k;
			i++;
			continue;
		}
		if (j >= len)
			return 0;
		if (p->cs ? a != (unsigned char)text[j] : fold(a) != fold((unsigned char)text[j]))
			return 0;
		i++;
		j++;
	}
	return j - pos;
}

/* The bytes before a phrase's first space match the text's one to one;
 * so do those after its last space when a match takes exactly the
 * phrase's length, as recog_phrase_before asks (a space of a phrase matches at
 * least one byte). Up to 8 of them are packed in one word, as the text's
 * are, and compared under a mask: a cheap test implied by the match. */
static void pack_ends(struct phrase *p)
{
	p->head = p->head_mask = p->tail = p->tail_mask = 0;
	for (size_t i = 0; i < p->len && i < 8 && p->s[i] != ' '; i++) {
		unsigned char c = (unsigned char)p->s[i];
		p->head |= (uint64_t)(p->cs ? c : fold(c)) << 8 * i;
		p->head_mask |= (uint64_t)0xff << 8 * i;
	}
	for (size_t i = 0; i < p->len && i < 8 && p->s[p->len - 1 - i] != ' '; i++) {
		unsigned char c = (unsigned char)p->s[p->len - 1 - i];
		p->tail |= (uint64_t)(p->cs ? c : fold(c)) << 8 * i;
		p->tail_mask |= (uint64_t)0xff << 8 * i;
	}
}

/* What a lookup knows of the text before it tries a row. */
struct probe {
	unsigned char c;        /* the folded byte rows are indexed by */
	uint64_t raw, folded;   /* the text's first bytes, as pack_ends() packs a phrase's */
};

/* Probes text[@from, @to) forwards from @from (@back: backwards from @to):
 * false when it is empty or no row of @start (fstart or lstart) begins
 * (ends) with its byte; else *@pr with the text's bytes as written and
 * folded (0 past the text). */
static bool probe_text(const size_t start[257], const char *text, size_t from, size_t to,
		       bool back, struct probe *pr)
{
	if (to <= from)
		return false;
	pr->c = fold((unsigned char)text[back ? to - 1 : from]);
	if (start[pr->c] == start[pr->c + 1])
		return false;
	pr->raw = pr->folded = 0;
	for (size_t i = 0; i < 8 && i < to - from; i++) {
		unsigned char c = (unsigned char)text[back ? to - 1 - i : from + i];
		pr->raw |= (uint64_t)c << 8 * i;
		pr->folded |= (uint64_t)fold(c) << 8 * i;
	}
	return true;
}


const struct phrase *recog_phrase_at(enum table_id t, const char *text, size_t len, size_t pos,
			       size_t *n)
{
	const struct phrase_table *tb = &tables[t];
	const struct phrase *best = NULL;
	size_t bestn = 0;
	struct probe pr;

	if (!probe_text(tb->fstart, text, pos, len, false, &pr))
		return NULL;
	for (size_t k = tb->fstart[pr.c]; k < tb->fstart[pr.c + 1]; k++) {
		const struct phrase *p = &tb->v[tb->first[k]];
		size_t m;

		if (p->len <= bestn || ((p->cs ? pr.raw : pr.folded) & p->head_mask) != p->head)
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

const struct phrase *recog_phrase_before(enum table_id t, const char *text, size_t floor, size_t end,
				   size_t *start)
{
	struct probe pr;
	const struct phrase_table *tb = &tables[t];

	if (!probe_text(tb->lstart, text, floor, end, true, &pr))
		return NULL;
	/* the candidates: rows that end in c and whose byte before it is the
	 * text's, and the wild ones; the longest that matches wins, the first
	 * in the table among equals */
	const struct phrase *best = NULL;
	unsigned char c = pr.c;
	size_t lo = 0, hi = tb->nby2, w = tb->wstart[c], bestidx = 0, bestlen = 0;
	uint16_t key = 0;

	if (end - floor >= 2) {
		key = (uint16_t)(c << 8 | fold((unsigned char)text[end - 2]));
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (tb->key2[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
	} else {
		lo = tb->nby2;
	}
	for (;;) {
		size_t i;
		if (w < tb->wstart[c + 1])
			i = tb->wild[w++];
		else if (lo < tb->nby2 && tb->key2[lo] == key)
			i = tb->by2[lo++];
		else
			break;
		const struct phrase *p = &tb->v[i];
		size_t s;

		if (p->len > end - floor || p->len < bestlen || (p->len == bestlen && i > bestidx) ||
		    ((p->cs ? pr.raw : pr.folded) & p->tail_mask) != p->tail)
			continue;
		s = end - p->len;
		if (match_phrase(p, text, end, s) != p->len)
			continue;
		if (isalnum((unsigned char)p->s[0]) && s > floor && is_word_byte((unsigned char)text[s - 1]))
			continue;
		best = p;
		bestlen = p->len;
		bestidx = i;
		*start = s;
	}
	return best;
}

const struct phrase_table *recog_phrase_table_of(enum table_id t)
{
	return &tables[t];
}

static int table_push(struct phrase_table *tb, const struct phrase *p)
{
	if (assay_array_reserve(&tb->v, &tb->cap, tb->n + 1, sizeof *tb->v))
		return ASSAY_ENOMEM;
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
		pack_ends(&p);
		if (p.len && table_push(tb, &p) != ASSAY_OK)
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

/* Counting sort of the rows by their folded first or last byte. */
static unsigned short *index_rows(const struct phrase_table *tb, bool last, size_t start[257])
{
	unsigned short *idx = malloc((tb->n + 1) * sizeof *idx);
	size_t fill[256];

	if (!idx)
		return NULL;
	memset(start, 0, 257 * sizeof *start);
	for (size_t i = 0; i < tb->n; i++)
		start[tolower((unsigned char)tb->v[i].s[last ? tb->v[i].len - 1 : 0]) + 1]++;
	for (int c = 0; c < 256; c++)
		start[c + 1] += start[c];
	memcpy(fill, start, sizeof fill);
	for (size_t i = 0; i < tb->n; i++)
		idx[fill[tolower((unsigned char)tb->v[i].s[last ? tb->v[i].len - 1 : 0])]++] =
			(unsigned short)i;
	return idx;
}

static bool wild_row(const struct phrase *p)
{
	return p->len < 2 || p->s[p->len - 2] == ' ';
}

static uint16_t pair_key(const struct phrase *p)
{
	return (uint16_t)(fold((unsigned char)p->s[p->len - 1]) << 8 |
			  fold((unsigned char)p->s[p->len - 2]));
}

/* The index recog_phrase_before() looks rows up in (see struct phrase_table). */
static int index_pairs(struct phrase_table *tb)
{
	size_t fill[256];

	tb->wild = malloc((tb->n + 1) * sizeof *tb->wild);
	tb->by2 = malloc((tb->n + 1) * sizeof *tb->by2);
	tb->key2 = malloc((tb->n + 1) * sizeof *tb->key2);
	if (!tb->wild || !tb->by2 || !tb->key2)
		return ASSAY_ENOMEM;
	memset(tb->wstart, 0, sizeof tb->wstart);
	for (size_t i = 0; i < tb->n; i++)
		if (wild_row(&tb->v[i]))
			tb->wstart[fold((unsigned char)tb->v[i].s[tb->v[i].len - 1]) + 1]++;
	for (int c = 0; c < 256; c++)
		tb->wstart[c + 1] += tb->wstart[c];
	memcpy(fill, tb->wstart, sizeof fill);
	tb->nby2 = 0;
	for (size_t k = 0; k < tb->n; k++) { /* by last byte, table order within */
		unsigned short i = tb->last[k];
		const struct phrase *p = &tb->v[i];
		if (wild_row(p)) {
			tb->wild[fill[fold((unsigned char)p->s[p->len - 1])]++] = i;
			continue;
		}
		/* insertion by key (tables have a few hundred rows at most) */
		size_t j = tb->nby2++;
		uint16_t key = pair_key(p);
		while (j > 0 && tb->key2[j - 1] > key) {
			tb->key2[j] = tb->key2[j - 1];
			tb->by2[j] = tb->by2[j - 1];
			j--;
		}
		tb->key2[j] = key;
		tb->by2[j] = i;
	}
	return ASSAY_OK;
}

int recog_tables_load(void)
{
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		int rc = load_spec(&specs[i]);
		if (rc != ASSAY_OK) {
			recog_tables_free();
			return rc;
		}
	}
	for (int t = 0; t < T_NTABLES; t++) {
		tables[t].first = index_rows(&tables[t], false, tables[t].fstart);
		tables[t].last = index_rows(&tables[t], true, tables[t].lstart);
		if (index_pairs(&tables[t]) != ASSAY_OK) {
			recog_tables_free();
			return ASSAY_ENOMEM;
		}
		if (!tables[t].first || !tables[t].last) {
			recog_tables_free();
			return ASSAY_ENOMEM;
		}
	}
	return ASSAY_OK;
}

void recog_tables_free(void)
{
	for (int i = 0; i < T_NTABLES; i++) {
		free(tables[i].v);
		free(tables[i].blob);
		free(tables[i].first);
		free(tables[i].last);
		free(tables[i].wild);
		free(tables[i].by2);
		free(tables[i].key2);
		memset(&tables[i], 0, sizeof tables[i]);
	}
}
