/* claims_text.c - the text as the claim finders see it: blocks, sentences,
 * tokens, the role of each named entity, subjects and context.
 *
 * A token is a word, a punctuation mark, or a whole mention: the finders
 * never look inside a mention, so "U.S." or "Great Wall Motor Co." is one
 * token and a figure's qualifier travels with it. Blocks are lines: the
 * cleaner separates blocks by blank lines and plain text files put one
 * paragraph, heading or table row per line. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "assay.h"
#include "claims.h"
#include "map.h"
#include "vocab.h"

/* Which ASCII bytes belong to words; set once with the word table. */
static bool ascii_word[0x80];

/* word -> classes (CW_* bits) and word -> lists (1u << enum cl_list),
 * built once, then only read. */
static struct assay_map word_classes, word_lists;

static int wt_add(struct assay_map *m, const char *w, unsigned bits)
{
	size_t *v;

	if (assay_map_put(m, w, strlen(w), &v))
		return ASSAY_ENOMEM;
	*v |= bits;
	return ASSAY_OK;
}

static unsigned wt_get(const struct assay_map *m, const char *w)
{
	const size_t *v = assay_map_get(m, w, strlen(w));

	return v ? (unsigned)*v : 0;
}

bool cl_in_list(const char *w, enum cl_list l)
{
	return wt_get(&word_lists, w) >> l & 1u;
}

static int add_first_words(const void *arr, size_t n, size_t size, unsigned cls)
{
	for (size_t i = 0; i < n; i++)
		if (wt_add(&word_classes,
			   ((const struct cl_phrase *)((const char *)arr + i * size))->w[0], cls))
			return ASSAY_ENOMEM;
	return ASSAY_OK;
}

int cl_words_init(void)
{
	const struct cl_rules *r = cl_rules();
	int rc = ASSAY_OK;

	for (int c = 0; c < 0x80; c++)
		ascii_word[c] = isalnum(c) || c == '-' || c == '_';
	cl_words_clear();
	for (size_t i = 0; i < r->nclass_words && !rc; i++)
		rc = wt_add(&word_classes, r->class_words[i].w, r->class_words[i].bits);
	for (size_t i = 0; i < r->nlist_words && !rc; i++)
		rc = wt_add(&word_lists, r->list_words[i].w, r->list_words[i].bits);
	for (size_t i = 0; !rc && assay_month_name("en", "short", i); i++)
		rc = wt_add(&word_lists, assay_month_name("en", "short", i), 1u << CL_ABBREV);
	if (!rc)
		rc = add_first_words(r->metric, r->nmetric, sizeof *r->metric, CW_CUE_METRIC);
	if (!rc)
		rc = add_first_words(r->status, r->nstatus, sizeof *r->status, CW_CUE_STATUS);
	if (!rc)
		rc = add_first_words(r->change, r->nchange, sizeof *r->change, CW_CUE_CHANGE);
	if (!rc)
		rc = add_first_words(r->agr, r->nagr, sizeof *r->agr, CW_CUE_AGR);
	return rc;
}

void cl_words_clear(void)
{
	assay_map_release(&word_classes);
	assay_map_release(&word_lists);
}

static bool word_matches(const char *pat, const char *w)
{
	size_t n = strlen(pat);

	if (n && pat[n - 1] == '*')
		return strncmp(pat, w, n - 1) == 0;
	return strcmp(pat, w) == 0;
}

size_t cl_phrase_at(const struct cl_doc *d, size_t t, size_t end, const struct cl_phrase *p)
{
	if (t + (size_t)p->n > end)
		return 0;
	for (int i = 0; i < p->n; i++) {
		const struct cl_tok *k = &d->tok[t + (size_t)i];
		if (k->kind != CT_WORD || !word_matches(p->w[i], k->w))
			return 0;
	}
	return (size_t)p->n;
}

/* ---- building: blocks, sentences, tokens ---- */

static bool only_rule_chars(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("-|: \t", p[i]))
			return false;
	return true;
}

static enum cl_block_kind block_kind(const char *p, size_t n)
{
	size_t words = 1;
	char last = p[n - 1];

	if (memchr(p, '|', n))
		return only_rule_chars(p, n) ? CB_RULE : CB_ROW;
	if ((n > 2 && (p[0] == '-' || p[0] == '*') && p[1] == ' ') ||
	    (n > 4 && memcmp(p, "\xe2\x80\xa2", 3) == 0))
		return CB_ITEM;
	for (size_t i = 0; i < n; i++)
		words += p[i] == ' ';
	if (words <= 14 && !strchr(".!?:;\"')", last) &&
	    !(n >= 3 && (memcmp(p + n - 3, "\xe2\x80\x9d", 3) == 0)))
		return CB_HEADING;
	return CB_PARA;
}

/* One more item at the end of the array at @arr_ptr (&items): *n grows. */
static int push(void *arr_ptr, size_t *n, size_t *cap, size_t size)
{
	if (assay_array_reserve(arr_ptr, cap, *n + 1, size))
		return ASSAY_ENOMEM;
	(*n)++;
	return ASSAY_OK;
}

static int build_blocks(struct cl_doc *d)
{
	size_t cap = 0, p = 0;
	int table = -1, section = 0;
	bool in_table = false;

	while (p < d->len) {
		const char *nl = memchr(d->text + p, '\n', d->len - p);
		size_t e = nl ? (size_t)(nl - d->text) : d->len, a = p, b = e;

		p = e + 1;
		while (a < b && isspace((unsigned char)d->text[a]))
			a++;
		while (b > a && isspace((unsigned char)d->text[b - 1]))
			b--;
		if (a == b)
			continue;
		if (push(&d->blk, &d->nblk, &cap, sizeof *d->blk))
			return ASSAY_ENOMEM;
		struct cl_block *k = &d->blk[d->nblk - 1];
		k->start = a;
		k->end = b;
		k->kind = block_kind(d->text + a, b - a);
		if (k->kind == CB_ROW || k->kind == CB_RULE) {
			if (!in_table)
				table++;
			in_table = true;
		} else {
			in_table = false;
		}
		k->table = in_table ? table : -1;
		if (k->kind == CB_HEADING)
			section++;
		k->section = section;
		k->s0 = k->s1 = 0;
	}
	return ASSAY_OK;
}

static inline bool is_word_byte(const char *t, size_t p, size_t end)
{
	unsigned char c = (unsigned char)t[p];

	if (c < 0x80)
		return ascii_word[c];
	if (c == 0xe2 && p + 2 < end && (unsigned char)t[p + 1] == 0x80)
		return false; /* quotes, dashes, bullets */
	if (c == 0xc2 && p + 1 < end && (unsigned char)t[p + 1] < 0xc0)
		return false; /* non-breaking space, currency signs */
	return c >= 0x80;
}

static inline bool apostrophe_at(const char *t, size_t p, size_t end, size_t *len)
{
	if (t[p] == '\'') {
		*len = 1;
		return true;
	}
	if (p + 2 < end && memcmp(t + p, "\xe2\x80\x99", 3) == 0) {
		*len = 3;
		return true;
	}
	return false;
}

static int push_tok(struct cl_doc *d, size_t *cap, size_t a, size_t b, enum cl_tok_kind kind)
{
	if (push(&d->tok, &d->ntok, cap, sizeof *d->tok))
		return ASSAY_ENOMEM;
	struct cl_tok *k = &d->tok[d->ntok - 1];
	memset(k, 0, sizeof *k);
	k->start = a;
	k->end = b;
	k->kind = kind;
	k->m = -1;
	return ASSAY_OK;
}

/* One word or number token at @p; returns its end. */
static size_t scan_word(struct cl_doc *d, size_t p, size_t end, size_t stop)
{
	const char *t = d->text;
	size_t q = p, al;

	if (isdigit((unsigned char)t[p])) {
		while (q < stop && (isdigit((unsigned char)t[q]) ||
				    ((t[q] == ',' || t[q] == '.') && q + 1 < stop &&
				     isdigit((unsigned char)t[q + 1]))))
			q++;
		if (q < stop && isalpha((unsigned char)t[q]))
			while (q < stop && is_word_byte(t, q, end))
				q++;
		return q;
	}
	while (q < stop) {
		if (is_word_byte(t, q, end)) {
			q++;
		} else if (apostrophe_at(t, q, end, &al) && q + al < stop &&
			   isalpha((unsigned char)t[q + al]) &&
			   !(tolower((unsigned char)t[q + al]) == 's' &&
			     (q + al + 1 >= stop || !isalnum((unsigned char)t[q + al + 1])))) {
			q += al;
		} else {
			break;
		}
	}
	return q;
}

static void set_word(struct cl_doc *d, struct cl_tok *k)
{
	size_t n = 0;
	const char *t = d->text;

	k->upper = isupper((unsigned char)t[k->start]);
	for (size_t i = k->start; i < k->end && n + 1 < CL_WORDLEN; i++) {
		size_t al;
		if (apostrophe_at(t, i, k->end, &al)) {
			k->w[n++] = '\'';
			i += al - 1;
		} else {
			unsigned char c = (unsigned char)t[i];
			k->w[n++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
		}
	}
	k->w[n] = '\0';
	k->cls = wt_get(&word_classes, k->w);
	k->lists = wt_get(&word_lists, k->w);
	if (isdigit((unsigned char)t[k->start])) {
		char buf[40];
		size_t m = 0;
		for (size_t i = k->start; i < k->end && m + 1 < sizeof buf; i++)
			if (t[i] != ',')
				buf[m++] = t[i];
		buf[m] = '\0';
		k->kind = CT_NUMBER;
		k->num = strtod(buf, NULL);
	}
}

static void set_punct(struct cl_tok *k, const char *t)
{
	unsigned char c = (unsigned char)t[k->start];

	k->w[0] = (char)c;
	k->w[1] = '\0';
	if (c == 0xe2 && k->end - k->start == 3) {
		unsigned char x = (unsigned char)t[k->start + 2];
		k->w[0] = (x == 0x93 || x == 0x94) ? '-' :
			  (x == 0x98 || x == 0x99) ? '\'' :
			  (x == 0x9c || x == 0x9d) ? '"' : '*';
	}
}

static size_t utf8_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static int tokenize(struct cl_doc *d, size_t a, size_t b, size_t *cap)
{
	const char *t = d->text;
	size_t mi = assay_mention_lower_bound(d->m, d->nm, a), p = a, al;

	while (p < b) {
		size_t stop = mi < d->nm && d->m[mi].start < b ? d->m[mi].start : b;
		if (mi < d->nm && d->m[mi].start <= p) {
			if (d->m[mi].end > p) {
				size_t e = d->m[mi].end < b ? d->m[mi].end : b;
				if (push_tok(d, cap, p, e, CT_MENTION))
					return ASSAY_ENOMEM;
				d->tok[d->ntok - 1].m = (int)mi;
				p = e;
			}
			mi++;
			continue;
		}
		if (isspace((unsigned char)t[p]) ||
		    (p + 1 < b && (unsigned char)t[p] == 0xc2 && (unsigned char)t[p + 1] == 0xa0)) {
			p += isspace((unsigned char)t[p]) ? 1 : 2;
			continue;
		}
		if (apostrophe_at(t, p, b, &al) && p + al < b &&
		    tolower((unsigned char)t[p + al]) == 's' &&
		    (p + al + 1 >= b || !isalnum((unsigned char)t[p + al + 1]))) {
			if (push_tok(d, cap, p, p + al + 1, CT_WORD))
				return ASSAY_ENOMEM;
			strcpy(d->tok[d->ntok - 1].w, "'s");
			p += al + 1;
			continue;
		}
		if (is_word_byte(t, p, b) && t[p] != '-') {
			size_t e = scan_word(d, p, b, stop);
			if (push_tok(d, cap, p, e, CT_WORD))
				return ASSAY_ENOMEM;
			set_word(d, &d->tok[d->ntok - 1]);
			p = e;
			continue;
		}
		size_t n = utf8_len((unsigned char)t[p]);
		if (p + n > b)
			n = b - p;
		if (push_tok(d, cap, p, p + n, CT_PUNCT))
			return ASSAY_ENOMEM;
		set_punct(&d->tok[d->ntok - 1], t);
		p += n;
	}
	return ASSAY_OK;
}

/* Our own split when the caller gave none: ". " before a capital or a
 * digit ends a sentence unless the word before is an abbreviation. */
static int split_block(const char *t, size_t a, size_t b, struct assay_span **out, size_t *n,
		       size_t *cap, bool row)
{
	size_t s = a;

	for (size_t p = a; p <= b; p++) {
		bool end = p == b;
		if (!end && strchr(".!?", t[p]) && p + 2 < b && t[p + 1] == ' ' &&
		    (isupper((unsigned char)t[p + 2]) || isdigit((unsigned char)t[p + 2]) ||
		     (unsigned char)t[p + 2] >= 0x80)) {
			size_t w = p;
			char word[8];
			size_t k = 0;
			while (w > s && isalpha((unsigned char)t[w - 1]))
				w--;
			for (size_t i = w; i < p && k + 1 < sizeof word; i++)
				word[k++] = (char)tolower((unsigned char)t[i]);
			word[k] = '\0';
			end = !(k == 1 || cl_in_list(word, CL_ABBREV));
			if (end)
				p++;
		}
		if (!end)
			continue;
		if (push(out, n, cap, sizeof **out))
			return ASSAY_ENOMEM;
		(*out)[*n - 1] = (struct assay_span){s, p, row};
		s = p + 1;
		while (s < b && t[s] == ' ')
			s++;
		p = s - 1;
		if (s >= b)
			break;
	}
	return ASSAY_OK;
}

static int own_sentences(struct cl_doc *d, struct assay_span **out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < d->nblk; i++) {
		const struct cl_block *k = &d->blk[i];
		if (k->kind == CB_RULE)
			continue;
		if (split_block(d->text, k->start, k->end, out, n, &cap, k->kind == CB_ROW))
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

/* ---- entity roles ---- */

static bool is_prep_word(const struct cl_doc *d, size_t t)
{
	if (cl_word_is(d, t, "as")) /* "such as China", not "as the EU looks" */
		return t > 0 && cl_word_is(d, t - 1, "such");
	return d->tok[t].kind == CT_WORD && (d->tok[t].cls & CW_PREP);
}

/* Walks back over a coordination ("with China and Russia") to the word
 * that governs it. An entity right after a comma that no "and" follows
 * starts a clause of its own ("with China and Russia, Turkey is ..."). */
/* How far back a coordination is followed to its preposition: real lists
 * ("in Chile, Peru, Argentina and Bolivia") are far shorter, and the bound
 * keeps a sentence of a hundred thousand "and"s linear. */
#define PREP_REACH 64

static bool governed_by_prep(const struct cl_doc *d, size_t t0, size_t t)
{
	size_t self = t;
	bool first = true;

	while (t > t0 && self - t < PREP_REACH) {
		size_t u = t - 1;
		const struct cl_tok *k = &d->tok[u];
		if (is_prep_word(d, u))
			return true;
		if (first && k->kind == CT_PUNCT && k->w[0] == ',' &&
		    !(self + 1 < d->ntok && (cl_word_is(d, self + 1, "and") ||
					     cl_word_is(d, self + 1, "or") ||
					     d->tok[self + 1].w[0] == ',')))
			return false;
		if (cl_word_is(d, u, "and") || (k->kind == CT_PUNCT && k->w[0] == ','))
			first = false;
		if (cl_is_entity(d, u) || cl_word_is(d, u, "and") || cl_word_is(d, u, "the") ||
		    cl_word_is(d, u, "or") || cl_word_is(d, u, "other") ||
		    (k->kind == CT_WORD && k->upper && u + 1 == self) || /* "in Western Australia" */
		    (k->kind == CT_WORD && k->upper && u + 2 == self && d->tok[u + 1].kind == CT_PUNCT &&
		     d->tok[u + 1].w[0] == ',') || /* "in Ontario, Canada" */
		    (k->kind == CT_PUNCT && k->w[0] == ',')) {
			t = u;
			continue;
		}
		return false;
	}
	return false;
}

/* "LONDON, Oct 8 (Reuters) -": a dateline places the story, it is not
 * its subject. */
static bool dateline(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	const struct assay_mention *m;

	if (t != s->t0 || t + 2 >= s->t1 || d->tok[t + 1].w[0] != ',')
		return false;
	m = cl_mention(d, t + 2);
	return m && m->type == ASSAY_M_DATE;
}

static void set_roles(struct cl_doc *d, const struct cl_sent *s)
{
	int depth = 0;

	for (size_t t = s->t0; t < s->t1; t++) {
		struct cl_tok *k = &d->tok[t];
		if (k->kind == CT_PUNCT && k->w[0] == '(')
			depth++;
		if (k->kind == CT_PUNCT && k->w[0] == ')' && depth)
			depth--;
		if (!cl_is_entity(d, t))
			continue;
		k->paren = depth > 0 || dateline(d, s, t);
		k->prep = governed_by_prep(d, s->t0, t);
		k->modifier = (t + 2 < s->t1 && cl_word_is(d, t + 1, "'s") && cl_is_entity(d, t + 2)) ||
			      (t + 1 < s->t1 && cl_mention(d, t + 1) &&
			       cl_mention(d, t + 1)->type == ASSAY_M_ORG);
		/* "37 U.S. cents", "50 Canadian cents a pound": a currency's
		 * country is no party to the figure */
		if (t + 1 < s->t1 && cl_word_in(d, t + 1, CL_MONEY))
			k->modifier = true;
		if (t + 1 < s->t1 && cl_mention(d, t + 1) &&
		    cl_mention(d, t + 1)->type == ASSAY_M_MONEY &&
		    cl_mention(d, t + 1)->start <= k->end + 1)
			k->modifier = true; /* "US $113.2M" */
		/* "Combined refinery and LME stocks": a name joined to a common
		 * noun is one of several holders, not the subject */
		if (t > s->t0 + 1 && cl_word_is(d, t - 1, "and") && d->tok[t - 2].kind == CT_WORD &&
		    !d->tok[t - 2].upper &&
		    !(d->tok[t - 2].cls & (CW_STOPNP | CW_PREP | CW_ANA_COUNTRY | CW_ANA_ORG | CW_IT)))
			k->modifier = true;
		/* "its ATPC quota", "their EU partners": a name used as an
		 * adjective after a possessive */
		if (t > s->t0 && t + 1 < s->t1 && d->tok[t + 1].kind == CT_WORD &&
		    !d->tok[t + 1].upper &&
		    (cl_word_is(d, t - 1, "its") || cl_word_is(d, t - 1, "their") ||
		     cl_word_is(d, t - 1, "his") || cl_word_is(d, t - 1, "her")))
			k->modifier = true;
		if (t > s->t0 && (d->tok[t - 1].kind == CT_NUMBER ||
				  (cl_mention(d, t - 1) && assay_mention_is_figure(cl_mention(d, t - 1)))))
			k->modifier = true;
		/* "Japan's Finance Ministry said": the ministry speaks for Japan,
		 * which stays the subject */
		size_t g = cl_word_is(d, t + 1, "'s") ? t + 2 : t + 1;
		if (k->modifier && g < s->t1 && cl_mention(d, g) &&
		    !strcmp(cl_mention(d, g)->form, "government"))
			k->modifier = false;
		if (k->prep && t + 2 < s->t1 && d->tok[t + 1].w[0] == ',' &&
		    (cl_word_is(d, t + 2, "which") || cl_word_is(d, t + 2, "who")))
			k->prep = false; /* "from China, which controls ..." */
		if (k->prep && t > s->t0 && cl_word_is(d, t - 1, "with") && t + 1 < s->t1 &&
		    d->tok[t + 1].kind == CT_WORD && strlen(d->tok[t + 1].w) > 5 &&
		    !strcmp(d->tok[t + 1].w + strlen(d->tok[t + 1].w) - 3, "ing"))
			k->prep = false; /* "with South Korea accounting for 13%": its subject */
	}
}

static bool eligible(const struct cl_doc *d, size_t t)
{
	const struct cl_tok *k = &d->tok[t];

	/* "Malaysia's Mines Department said": the department speaks for its
	 * country; the figure is the country's */
	return cl_is_entity(d, t) && !k->prep && !k->modifier && !k->paren &&
	       strcmp(cl_mention(d, t)->form, "government") != 0;
}

const char *cl_entity_id(const struct cl_doc *d, int t)
{
	return t < 0 ? "" : cl_mention(d, (size_t)t)->id;
}

/* "it", "the country", "the company": the entity it stands for, or -1;
 * *is false when @t is no anaphor. */
int cl_anaphor(const struct cl_doc *d, const struct cl_sent *s, size_t t, bool *is)
{
	const struct cl_tok *k = &d->tok[t];
	bool the = false;
	size_t a = t;

	/* "the country", "the southern African country": up to two words between */
	while (a > s->t0 && a + 3 > t && d->tok[a - 1].kind == CT_WORD &&
	       !cl_word_is(d, a - 1, "the") && !cl_word_is(d, a - 1, "its"))
		a--;
	the = a > s->t0 && cl_word_is(d, a - 1, "the") && k->kind == CT_WORD &&
	      (k->cls & (CW_ANA_COUNTRY | CW_ANA_ORG));

	*is = true;
	if (cl_word_is(d, t, "it") || cl_word_is(d, t, "its")) {
		for (size_t u = t; u > s->t0; u--)
			if (eligible(d, u - 1))
				return (int)u - 1;
		return d->focus.any;
	}
	if (the && (k->cls & CW_ANA_COUNTRY))
		return d->focus.country;
	if (the && (k->cls & CW_ANA_ORG) && d->focus.new_org >= 0 && t > s->t0 &&
	    cl_word_is(d, t - 1, "new"))
		return d->focus.new_org; /* "the new company" */
	if (the && (k->cls & CW_ANA_ORG))
		return d->focus.org;
	*is = false;
	return -1;
}

/* "production of rare earths in the United States": a country that is
 * the object of "in" or "of" before the figure stands as its subject when
 * nothing else does. */
static int prep_country(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	for (size_t u = t; u > s->t0 + 1; u--) {
		const struct assay_mention *m = cl_mention(d, u - 1);
		/* "a cut in Chinese output": an adjective, not the place */
		if (m && m->type == ASSAY_M_COUNTRY && d->tok[u - 1].prep &&
		    strcmp(m->form, "demonym") != 0 &&
		    (cl_word_is(d, u - 2, "in") || cl_word_is(d, u - 2, "of") ||
		     (u > s->t0 + 2 && cl_word_is(d, u - 2, "the") &&
		      (cl_word_is(d, u - 3, "in") || cl_word_is(d, u - 3, "of")))))
			return (int)u - 1;
	}
	return -1;
}

/* A demonym at @t that only describes a noun ("its Canadian lead price"),
 * in a clause whose subject is a company (named or "it"/"its"): that
 * company's token, else -1. */
static int demonym_owner(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	if (m->type != ASSAY_M_COUNTRY || strcmp(m->form, "demonym") || t + 1 >= s->t1 ||
	    d->tok[t + 1].upper || d->tok[t + 1].kind == CT_PUNCT)
		return -1;
	for (size_t u = t; u > s->t0 && !cl_clause_break(d, u - 1); u--) {
		const struct assay_mention *o = cl_mention(d, u - 1);
		bool is;
		if (o && o->type == ASSAY_M_ORG && eligible(d, u - 1))
			return (int)u - 1;
		if (d->tok[u - 1].cls & CW_IT) {
			int a = cl_anaphor(d, s, u - 1, &is);
			if (is && a >= 0 && cl_mention(d, (size_t)a)->type == ASSAY_M_ORG)
				return a;
		}
	}
	return -1;
}

/* "U.S. refiners", "U.S. producers": a country naming the holders. */
static bool holders_country(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	if (!m || m->type != ASSAY_M_COUNTRY || d->tok[t].paren || t + 1 >= s->t1 ||
	    d->tok[t + 1].kind != CT_WORD || d->tok[t + 1].upper)
		return false;
	return cl_word_in(d, t + 1, CL_HOLDER);
}

/* "..., the American Bureau of Metal Statistics reported": the source of
 * the figures, not what they are about. */
static bool reporting(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	if (t + 1 < s->t1 && cl_word_in(d, t + 1, CL_REPORT_VERB))
		for (size_t u = t; u > s->t0 && u + 3 > t; u--) {
			if (d->tok[u - 1].kind == CT_PUNCT && d->tok[u - 1].w[0] == ',')
				return true;
			if (!cl_word_is(d, u - 1, "the"))
				return false;
		}
	return false;
}

int cl_subject(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	bool is;
	int a;

	for (size_t u = t; u > s->t0; u--) {
		if (eligible(d, u - 1)) {
			/* "Cominco said it cut its Canadian lead price": the
			 * company, not the adjective of its price */
			int org = demonym_owner(d, s, u - 1);
			return org >= 0 ? org : (int)u - 1;
		}
		/* "the plant, which is expected to produce": the plant's, not
		 * whoever the sentence named before it */
		if (d->tok[u - 1].w[0] == ',' && d->tok[u - 1].kind == CT_PUNCT &&
		    (cl_word_is(d, u, "which") || cl_word_is(d, u, "that")) && u >= s->t0 + 2 &&
		    !cl_is_entity(d, u - 2))
			break;
		if (!(d->tok[u - 1].cls & (CW_IT | CW_ANA_COUNTRY | CW_ANA_ORG)))
			continue;
		a = cl_anaphor(d, s, u - 1, &is);
		if (is && a >= 0)
			return a;
	}
	/* "stocks held by U.S. producers rose to 145,400 tons, the ABMS said":
	 * a country naming the holders before the figure, before the source
	 * that reports it after */
	for (size_t u = t; u > s->t0 + 1; u--) {
		if (cl_clause_break(d, u - 1))
			break;
		if (holders_country(d, s, u - 1))
			return (int)u - 1;
	}
	for (size_t u = t + 1; u < s->t1; u++) {
		if (eligible(d, u))
			return (int)u;
		/* "its highest since August" after the figure says nothing new */
		if (!(d->tok[u].cls & (CW_ANA_COUNTRY | CW_ANA_ORG)))
			continue;
		a = cl_anaphor(d, s, u, &is);
		if (is && a >= 0)
			return a;
	}
	return prep_country(d, s, t);
}

bool cl_subject_before(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	for (size_t u = s->t0; u < t; u++)
		if (eligible(d, u))
			return true;
	return false;
}

static void note_named(struct cl_doc *d, const struct cl_sent *s)
{
	for (size_t t = s->t0; t < s->t1; t++) {
		const struct assay_mention *m = cl_mention(d, t);
		if (!m || m->type != ASSAY_M_COUNTRY)
			continue;
		if (d->focus.named[0] >= 0 && strcmp(cl_entity_id(d, d->focus.named[0]), m->id) == 0)
			d->focus.named[0] = (int)t;
		else {
			d->focus.named[1] = d->focus.named[0];
			d->focus.named[0] = (int)t;
		}
	}
}

/* The first subject the sentence names, kept as the focus; false if none. */
static bool focus_subject(struct cl_doc *d, const struct cl_sent *s)
{
	for (size_t t = s->t0; t < s->t1; t++) {
		bool is;
		int e = (eligible(d, t) && !reporting(d, s, t)) || holders_country(d, s, t) ? (int)t
											   : -1;
		if (e < 0 && (d->tok[t].cls & (CW_IT | CW_ANA_COUNTRY | CW_ANA_ORG)))
			e = cl_anaphor(d, s, t, &is);
		if (e < 0)
			continue;
		const struct assay_mention *m = cl_mention(d, (size_t)e);
		d->focus.any = e;
		d->focus.any_block = s->block;
		d->focus.any_sent = (size_t)(s - d->sent);
		if (m->type == ASSAY_M_COUNTRY)
			d->focus.country = e;
		else
			d->focus.org = e;
		return true;
	}
	return false;
}

static bool is_comma(const struct cl_doc *d, size_t t)
{
	return d->tok[t].kind == CT_PUNCT && d->tok[t].w[0] == ',';
}

/* "float a new company, <BHP Gold Mines Ltd>", "a new company called X",
 * "X, a new company": the org that "the new company" will stand for. */
static void note_new_org(struct cl_doc *d, const struct cl_sent *s)
{
	for (size_t t = s->t0; t + 1 < s->t1; t++) {
		if (!cl_word_is(d, t, "new") || d->tok[t + 1].kind != CT_WORD ||
		    !(d->tok[t + 1].cls & CW_ANA_ORG))
			continue;
		for (size_t u = t + 2; u < s->t1 && u < t + 6; u++) {
			const struct assay_mention *m = cl_mention(d, u);
			if (m && m->type == ASSAY_M_ORG) {
				d->focus.new_org = (int)u;
				return;
			}
			if (!(d->tok[u].kind == CT_PUNCT || cl_word_is(d, u, "called") ||
			      cl_word_is(d, u, "named")))
				break;
		}
		const struct assay_mention *b = t >= s->t0 + 3 ? cl_mention(d, t - 3) : NULL;
		if (b && b->type == ASSAY_M_ORG && is_comma(d, t - 2) && cl_word_is(d, t - 1, "a")) {
			d->focus.new_org = (int)t - 3;
			return;
		}
	}
}

void cl_focus_update(struct cl_doc *d, const struct cl_sent *s)
{
	note_named(d, s);
	note_new_org(d, s);
	if (!focus_subject(d, s))
		for (size_t t = s->t0; t + 1 < s->t1; t++)
			if ((cl_word_is(d, t, "outside") || cl_word_is(d, t, "excluding")) &&
			    (cl_is_entity(d, t + 1) ||
			     (cl_word_is(d, t + 1, "the") && cl_is_entity(d, t + 2))))
				d->focus.any = -1; /* "refined production outside U.S.": the
						    * rest of the world, no one subject */
}

/* ---- context: commodity ---- */

/* "galvanizing grade alloyed with controlled lead and aluminum
 * additions": a metal added to the product is not the product. */
bool cl_accessory_metal(const struct cl_doc *d, size_t t)
{
	for (size_t u = t; u > 0 && u + 5 > t; u--) {
		const struct cl_tok *k = &d->tok[u - 1];
		if (k->kind == CT_PUNCT)
			return false;
		if (cl_word_is(d, u - 1, "with") || cl_word_is(d, u - 1, "containing"))
			return u - 1 > 0 && d->tok[u - 2].kind != CT_PUNCT;
	}
	return false;
}

static const char *commodity_in(const struct cl_doc *d, size_t a, size_t b, size_t near)
{
	size_t best = (size_t)-1, bestd = (size_t)-1;

	for (size_t t = a; t < b; t++) {
		const struct assay_mention *m = cl_mention(d, t);
		if (!m || m->type != ASSAY_M_COMMODITY || cl_accessory_metal(d, t))
			continue;
		size_t dist = t > near ? 2 * (t - near) : near - t; /* before the figure first */
		if (dist < bestd) {
			best = t;
			bestd = dist;
		}
	}
	if (best == (size_t)-1)
		return NULL;
	/* "with copper and silver playing vital roles ... 8.2 million tonnes":
	 * the first of coordinated commodities leads */
	while (best >= a + 2 && (cl_word_is(d, best - 1, "and") || is_comma(d, best - 1) ||
				 (d->tok[best - 1].kind == CT_PUNCT && d->tok[best - 1].w[0] == '&')) &&
	       cl_mention(d, best - 2) && cl_mention(d, best - 2)->type == ASSAY_M_COMMODITY &&
	       !cl_accessory_metal(d, best - 2))
		best -= 2;
	return cl_mention(d, best)->id;
}

static const char *block_commodity(const struct cl_doc *d, size_t b)
{
	const struct cl_block *k = &d->blk[b];

	if (k->s1 <= k->s0)
		return NULL;
	return commodity_in(d, d->sent[k->s0].t0, d->sent[k->s1 - 1].t1, d->sent[k->s0].t0);
}

void cl_commodity(const struct cl_doc *d, const struct cl_sent *s, size_t a, size_t b, bool local,
		  char out[32])
{
	size_t np = a;
	const char *c;

	/* the figure's own noun phrase first: "N tonnes of lithium", not "with
	 * Russia's Uranium One" further on */
	while (np < b && np < a + 8 && !(d->tok[np].kind == CT_PUNCT && d->tok[np].w[0] != '-') &&
	       !(d->tok[np].kind == CT_WORD && (d->tok[np].cls & (CW_PREP | CW_BREAK)) &&
		 !cl_word_is(d, np, "of")))
		np++;
	c = commodity_in(d, a, np, a);

	if (!c)
		c = commodity_in(d, s->t0, s->t1, a);
	for (size_t k = s->block + 1; !c && !local && k-- > 0;) {
		if (d->blk[k].section != d->blk[s->block].section)
			break;
		c = block_commodity(d, k);
	}
	if (!c && !local)
		c = d->main_commodity;
	assay_copy(out, 32, c ? c : "");
}

/* Ids equal but for hyphens ("slamexploration" of "SLAMExploration Ltd."). */
static bool same_id(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == '-')
			a++;
		while (*b == '-')
			b++;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
	}
}

/* The company a release or story is most about: the org named most often
 * (a company, not the press or a body), if it is named at least twice or
 * in the first block; its first mention's token, or -1. */
static void find_issuer(struct cl_doc *d)
{
	struct {
		const char *id;
		int first;
		size_t n;
	} t[32];
	size_t nt = 0, best = 0;

	d->issuer = -1;
	for (size_t u = 0; u < d->ntok; u++) {
		const struct assay_mention *m = cl_mention(d, u);
		size_t j = 0;
		if (!m || m->type != ASSAY_M_ORG || strcmp(m->kind, "company"))
			continue;
		while (j < nt && !same_id(t[j].id, m->id))
			j++;
		if (j == nt && nt < 32)
			t[nt++].id = m->id, t[j].first = (int)u, t[j].n = nt == 1 ? 2 : 0;
		if (j < nt) /* the first company named, and those named early, weigh more */
			t[j].n += 1 + (d->tok[u].start < d->blk[0].end + 400);
	}
	for (size_t j = 0; j < nt; j++)
		if (t[j].n > best && t[j].n >= 2) {
			best = t[j].n;
			d->issuer = t[j].first;
		}
}

/* The article's main commodity: the most named one, where a mention in
 * the title (the first block, or the headline given apart) counts five
 * times and one in a heading twice. */
static void find_main_commodity(struct cl_doc *d)
{
	struct tally {
		const char *id;
		size_t score, first;
	} t[32];
	char title_ids[32][48];
	size_t nt = 0, best = 0;

	d->main_commodity[0] = '\0';
	for (size_t i = 0; i < d->nsent; i++) {
		const struct cl_block *k = &d->blk[d->sent[i].block];
		size_t w = d->sent[i].block == 0 ? 5 : k->kind == CB_HEADING ? 2 : 1;
		for (size_t u = d->sent[i].t0; u < d->sent[i].t1; u++) {
			const struct assay_mention *m = cl_mention(d, u);
			size_t j = 0;
			if (!m || m->type != ASSAY_M_COMMODITY)
				continue;
			while (j < nt && strcmp(t[j].id, m->id))
				j++;
			if (j == nt && nt < 32)
				t[nt++] = (struct tally){m->id, 0, u};
			if (j < nt)
				t[j].score += w;
		}
	}
	if (d->title && *d->title) {
		struct assay_mention *tm = NULL;
		size_t ntm = 0;
		if (assay_find_mentions(d->title, strlen(d->title), NULL, &tm, &ntm) == ASSAY_OK)
			for (size_t i = 0; i < ntm; i++) {
				size_t j = 0;
				if (tm[i].type != ASSAY_M_COMMODITY)
					continue;
				while (j < nt && strcmp(t[j].id, tm[i].id))
					j++;
				if (j == nt && nt < 32) {
					assay_copy(title_ids[j], sizeof title_ids[j], tm[i].id);
					t[nt++] = (struct tally){title_ids[j], 0, 0};
				}
				if (j < nt)
					t[j].score += 5;
			}
		free(tm);
	}
	for (size_t j = 0; j < nt; j++)
		if (t[j].score > best) {
			best = t[j].score;
			assay_copy(d->main_commodity, sizeof d->main_commodity, t[j].id);
		}
}

/* The commodity named in a mention's words after its first: an org named
 * after one ("Southern Copper", "Association of Tin Producing
 * Countries"), a figure that holds its metal ("1.0 ounce of gold per
 * ton"). False when none is, or when memory runs out (the commodity of
 * the context then stands). */
bool cl_mention_commodity(const struct cl_doc *d, const struct assay_mention *men, char out[32])
{
	const char *a = d->text + men->start, *p = a;
	struct assay_mention *m = NULL;

	/* the words after the last number: "0.50 to 0.64 ounces of gold" */
	for (const char *q = a; q < d->text + men->end; q++)
		if (isdigit((unsigned char)*q))
			p = q;
	p = memchr(p, ' ', (size_t)(d->text + men->end - p));
	size_t n = 0;
	bool found = false;

	if (!p || assay_find_mentions(p + 1, (size_t)(d->text + men->end - p - 1), NULL, &m, &n))
		return false;
	for (size_t i = 0; i < n && !found; i++)
		if (m[i].type == ASSAY_M_COMMODITY)
			found = assay_copy(out, 32, m[i].id);
	free(m);
	/* "11.7 g/t Au", "12.70 Au g/t": the metal's symbol */
	for (const char *w = p + 1, *end = d->text + men->end;
	     !found && men->type == ASSAY_M_QUANTITY && w < end;) {
		size_t len = strcspn(w, " /");
		if (w + len > end)
			len = (size_t)(end - w);
		const struct cl_element *el = cl_element_of(w, len);
		if (el)
			found = assay_copy(out, 32, el->commodity);
		w += len + 1;
	}
	return found;
}

/* ---- output ---- */

int cl_push_claim(struct cl_doc *d, const struct assay_claim *c)
{
	struct assay_extraction *x = d->out;

	if (assay_array_reserve(&x->claims, &d->ccap, x->nclaims + 1, sizeof *x->claims))
		return ASSAY_ENOMEM;
	x->claims[x->nclaims++] = *c;
	return ASSAY_OK;
}

int cl_push_agreement(struct cl_doc *d, const struct assay_agreement *a)
{
	struct assay_extraction *x = d->out;

	if (assay_array_reserve(&x->agreements, &d->acap, x->nagreements + 1,
				sizeof *x->agreements))
		return ASSAY_ENOMEM;
	x->agreements[x->nagreements++] = *a;
	return ASSAY_OK;
}

/* ---- the whole document ---- */

static size_t block_of(const struct cl_doc *d, size_t pos, size_t from)
{
	size_t b = from;

	while (b + 1 < d->nblk && d->blk[b].end <= pos)
		b++;
	return b;
}

/* A sentence without a single mention holds no figure, party or
 * commodity: it is not tokenized (a third of the finders' time), unless
 * it is a table row or may stand for two countries ("both countries"). */
static bool worth_reading(const struct cl_doc *d, const struct cl_sent *s)
{
	size_t mi = assay_mention_lower_bound(d->m, d->nm, s->start);

	if ((mi < d->nm && d->m[mi].start < s->end) || d->blk[s->block].kind == CB_ROW)
		return true;
	for (size_t p = s->start; p + 5 < s->end; p++)
		if ((d->text[p] | 0x20) != 'b' && (d->text[p] | 0x20) != 't')
			continue;
		else if ((p == s->start || d->text[p - 1] == ' ') &&
		    (strncasecmp(d->text + p, "both ", 5) == 0 ||
		     strncasecmp(d->text + p, "two ", 4) == 0))
			return true;
	return false;
}

/* "the second half", "the first quarter": a part of a year the
 * recognizers read as a share. */
static bool ordinal_part(const struct cl_doc *d, size_t t)
{
	const struct assay_mention *m = cl_mention(d, t);

	if (!m || m->type != ASSAY_M_PERCENT)
		return false;
	for (size_t p = m->start; p < m->end; p++)
		if (d->text[p] >= '0' && d->text[p] <= '9')
			return false;
	return cl_word_in(d, t - 1, CL_ORDINAL);
}

static int build_sentences(struct cl_doc *d, const struct assay_span *sp, size_t n)
{
	size_t cap = 0, tcap = 0, b = 0;

	for (size_t i = 0; i < n; i++) {
		if (sp[i].end <= sp[i].start || sp[i].end > d->len)
			continue;
		if (push(&d->sent, &d->nsent, &cap, sizeof *d->sent))
			return ASSAY_ENOMEM;
		struct cl_sent *s = &d->sent[d->nsent - 1];
		s->start = sp[i].start;
		s->end = sp[i].end;
		b = block_of(d, s->start, b);
		s->block = b;
		s->t0 = d->ntok;
		if (worth_reading(d, s) && tokenize(d, s->start, s->end, &tcap))
			return ASSAY_ENOMEM;
		s->t1 = d->ntok;
	}
	for (size_t i = 0; i < d->nsent; i++) {
		struct cl_block *k = &d->blk[d->sent[i].block];
		if (k->s1 <= k->s0)
			k->s0 = i;
		k->s1 = i + 1;
		set_roles(d, &d->sent[i]);
	}
	for (size_t t = 1; t < d->ntok; t++)
		if (ordinal_part(d, t)) { /* "the second half of the year": a time */
			d->tok[t].kind = CT_WORD;
			d->tok[t].m = -1;
			assay_copy(d->tok[t].w, sizeof d->tok[t].w, "half");
		}
	return ASSAY_OK;
}

/* A quantity earlier in the sentence, within a few words of @t. */
static bool figure_before(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	for (size_t u = t; u-- > s->t0 && u + 16 > t;) {
		const struct assay_mention *m = cl_mention(d, u);
		if (m && m->type == ASSAY_M_QUANTITY)
			return true;
	}
	return false;
}

/* "Malaysia 28,526 tonnes, Indonesia 24,516": a bare number right after
 * an entity, or coordinated with a figure, is a figure of a list even when
 * the recognizers, rightly wary of bare numbers, made no mention of it. */
static bool list_number(const struct cl_doc *d, const struct cl_sent *s, size_t t)
{
	const struct cl_tok *k = &d->tok[t];

	if (k->kind != CT_NUMBER || t == s->t0)
		return false;
	bool coordinated = t + 2 < s->t1 && (cl_word_is(d, t + 1, "and") ||
					     (d->tok[t + 1].kind == CT_PUNCT && d->tok[t + 1].w[0] == ',')) &&
			   (cl_is_figure(d, t + 2) || d->tok[t + 2].kind == CT_NUMBER);
	/* "rose to 98,170 tonnes in February from 91,157 in January and
	 * 94,926 a year earlier": old levels the unit is said once for */
	bool old_level = (cl_word_is(d, t - 1, "from") || cl_word_is(d, t - 1, "against") ||
			  (cl_word_is(d, t - 1, "and") && t >= s->t0 + 4 &&
			   (d->tok[t - 3].kind == CT_NUMBER || d->tok[t - 4].kind == CT_NUMBER))) &&
			 figure_before(d, s, t);
	/* "Indonesia 24,516", "140,000 and 20,000 tonnes" */
	if (!(cl_is_entity(d, t - 1) || coordinated || old_level))
		return false;
	if (k->num >= 1900 && k->num < 2100 && !memchr(d->text + k->start, ',', k->end - k->start))
		return false;
	return k->num > 0;
}

static int list_numbers(struct cl_doc *d)
{
	size_t extra = 0, cap = 0, n = d->nm, *at = NULL;

	/* decide every token first, then turn them into mentions: a decision
	 * must not see a number already turned ("from 91,157 in January and
	 * 94,926 a year earlier" looks back at the number before it) */
	for (size_t i = 0; i < d->nsent; i++)
		for (size_t t = d->sent[i].t0; t < d->sent[i].t1; t++) {
			if (!list_number(d, &d->sent[i], t))
				continue;
			if (push(&at, &extra, &cap, sizeof *at)) {
				free(at);
				return ASSAY_ENOMEM;
			}
			at[extra - 1] = t;
		}
	if (!extra)
		return ASSAY_OK;
	d->own_m = malloc((d->nm + extra) * sizeof *d->own_m);
	if (!d->own_m) {
		free(at);
		return ASSAY_ENOMEM;
	}
	if (d->nm)
		memcpy(d->own_m, d->m, d->nm * sizeof *d->own_m);
	for (size_t i = 0; i < extra; i++) {
		struct cl_tok *k = &d->tok[at[i]];
		memset(&d->own_m[n], 0, sizeof d->own_m[n]);
		d->own_m[n].type = ASSAY_M_NUMBER;
		d->own_m[n].start = k->start;
		d->own_m[n].end = k->end;
		d->own_m[n].value = k->num;
		strcpy(d->own_m[n].qualifier, "eq");
		k->kind = CT_MENTION;
		k->m = (int)n++;
	}
	free(at);
	d->m = d->own_m;
	d->nm = n;
	return ASSAY_OK;
}

int cl_doc_build(struct cl_doc *d, const struct assay_span *sents, size_t nsents)
{
	struct assay_span *own = NULL;
	int rc;

	d->focus = (struct cl_focus){.country = -1, .org = -1, .any = -1, .named = {-1, -1}, .new_org = -1};
	d->issuer = -1;
	d->ccap = d->out->nclaims;
	d->acap = d->out->nagreements;
	rc = build_blocks(d);
	if (rc || !d->nblk)
		return rc;
	if (!sents) {
		rc = own_sentences(d, &own, &nsents);
		if (rc)
			goto fail;
		sents = own;
	}
	rc = build_sentences(d, sents, nsents);
	if (!rc)
		rc = list_numbers(d);
	if (rc)
		goto fail;
	find_main_commodity(d);
	find_issuer(d);
fail:
	free(own);
	return rc;
}

void cl_doc_release(struct cl_doc *d)
{
	free(d->tok);
	free(d->sent);
	free(d->blk);
	free(d->own_m);
	d->own_m = NULL;
	d->tok = NULL;
	d->sent = NULL;
	d->blk = NULL;
}
