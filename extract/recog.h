/* recog.h - inside the recognizers: what numbers.c, units.c, gazetteer.c,
 * dates.c, sentences.c and extract.c share.
 *
 * All tables come from the data files in extract/data, embedded at build time by
 * gen_data.py (data.c) and parsed once by assay_extract_init(). Patterns
 * are PCRE2, JIT-compiled, matched with a shared match context (match and
 * depth limits) that hands each thread its own JIT stack (extract.c), and
 * with match data per call: documents may be extracted in parallel. */
#ifndef ASSAY_RECOG_H
#define ASSAY_RECOG_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract.h"
#include "map.h"

/* ---- embedded data (data.c, generated) ---- */
extern const char assay_data_units[], assay_data_currencies[], assay_data_scales[],
	assay_data_qualifiers[], assay_data_periods[], assay_data_nouns[],
	assay_data_notfig[], assay_data_abbrevs[], assay_data_guards[], assay_data_fractions[],
	assay_data_gazetteer[];
extern const char *const assay_data_gaz_patterns[], *const assay_data_gaz_firsts[];

/* ---- a growable array of mentions ---- */
/* A blocker's span while mentions are merged: wins overlaps, never output. */
#define M_BLOCK ((enum assay_mention_type)99)

struct mvec {
	struct assay_mention *v;
	size_t n, cap;
};
int recog_mvec_push(struct mvec *mv, const struct assay_mention *m);

/* ---- patterns (extract.c) ---- */
/* Compiles @pat with UTF and UCP (plus @flags) and JIT; NULL on error
 * (logged). */
pcre2_code *recog_rx_compile(const char *pat, uint32_t flags);
/* Next match of @re in text[0..len) from @off: ASSAY_OK with the match in
 * @md, ASSAY_ENOTFOUND, or an error (match limit: logged, treated as no
 * match by callers). The text must be valid UTF-8 (checked once by the
 * caller). */
int recog_rx_next(const pcre2_code *re, const char *text, size_t len, size_t off,
	    pcre2_match_data *md);
/* True when @re matches anywhere in text[start..end). */
bool recog_rx_test(const pcre2_code *re, const char *text, size_t start, size_t end,
	     pcre2_match_data *md);

/* ---- phrase tables (units.c) ---- */
/* One row of a data table: the phrase and its other columns. */
struct phrase {
	const char *s;      /* the phrase as written in the table */
	size_t len;
	bool cs;            /* match case-sensitively */
	const char *col[5]; /* the columns after the phrase ("" if absent) */
	double num;         /* a numeric column, per table (factor) */
	/* its first (last) bytes up to its first (last) space, at most 8,
	 * folded unless cs, one a byte from the low end: compared with the
	 * text's under the masks before the full match (units.c) */
	uint64_t head, head_mask, tail, tail_mask;
};

struct phrase_table {
	struct phrase *v;
	size_t n, cap;
	char *blob; /* the parsed copy of the data the rows point into */
	/* rows by their first (last) byte folded to lower case: indexes into
	 * v, rows first[f[c]] .. first[f[c+1]-1] start with c */
	unsigned short *first, *last;
	size_t fstart[257], lstart[257];
	/* for recog_phrase_before(): rows of one byte or with a space before their
	 * last byte, by that byte (wild[wstart[c]] ..); the others sorted by
	 * their last two bytes folded (key2: last << 8 | the one before) */
	unsigned short *wild, *by2;
	uint16_t *key2;
	size_t nby2, wstart[257];
};

enum table_id {
	T_UNITS, T_CURRENCY_PRE, T_CURRENCY_POST, T_SCALES, T_QUAL_BEFORE,
	T_QUAL_AFTER, T_PERIODS, T_NOUNS, T_NOTFIG_BEFORE, T_NOTFIG_AFTER,
	T_ABBREVS, T_FRACTIONS, T_NTABLES
};

int recog_tables_load(void);
void recog_tables_free(void);
const struct phrase_table *recog_phrase_table_of(enum table_id t);
/* The longest row of @t written at text[pos..len) and ending at a word
 * end; its length in *n. NULL if none. */
const struct phrase *recog_phrase_at(enum table_id t, const char *text, size_t len,
			       size_t pos, size_t *n);
/* The longest row of @t ending exactly at text[..end) and starting at a
 * word start (at or after @floor); its start in *start. */
const struct phrase *recog_phrase_before(enum table_id t, const char *text, size_t floor,
				   size_t end, size_t *start);

/* ---- character helpers (units.c) ---- */
/* Length of the UTF-8 character at text[pos] (1 for an invalid byte);
 * *word says whether it is a letter, a digit or '_'. pos < len. */
size_t recog_char_at(const char *text, size_t len, size_t pos, bool *word);
/* The next position >= @pos where a word starts (an ASCII letter or
 * digit, or a non-ASCII byte, after a byte that is neither), or @len. */
/* ASCII letter, digit or '_', or any non-ASCII byte: a table lookup. */
extern const unsigned char assay_word_bytes[256];
static inline bool is_word_byte(unsigned char c)
{
	return assay_word_bytes[c];
}
/* ASCII letters and digits and non-ASCII bytes: where a word may start. */
extern const unsigned char assay_start_bytes[256];
static inline size_t next_word_start(const char *text, size_t len, size_t pos)
{
	bool after_word = pos > 0 && pos <= len && is_word_byte((unsigned char)text[pos - 1]);

	for (; pos < len; pos++) {
		unsigned char c = (unsigned char)text[pos];
		if (!after_word && assay_start_bytes[c])
			return pos;
		after_word = is_word_byte(c);
	}
	return len;
}

/* A small set of ASCII words (up to 15 letters), looked up without case
 * at a position of the text. */
struct word_set {
	struct assay_map words; /* folded to lower case */
	unsigned lens;  /* bit per word length */
	/* per first letter a-z: bit per second letter a-z, bit 26 for a word
	 * of that one letter; most words of a text fail here */
	uint32_t pair[26];
	/* per length and first letter: bit per last letter; checked before
	 * the map ("the" is no number word though "two" and "ten" are) */
	uint32_t ends[16][26];
};
/* ASSAY_OK, ASSAY_EINVAL for a word too long, or ASSAY_ENOMEM (nothing
 * kept). recog_word_set_release() frees the set. */
int recog_word_set_init(struct word_set *ws, const char *const *words);
void recog_word_set_release(struct word_set *ws);
/* True when a word of @ws starts at text[pos] (and ends at a non-letter);
 * its length in *n. */
bool recog_word_set_lookup(const struct word_set *ws, const char *text, size_t len, size_t pos,
		     size_t *n);
static inline bool word_set_has(const struct word_set *ws, const char *text, size_t len,
				size_t pos, size_t *n)
{
	unsigned char c = pos < len ? (unsigned char)text[pos] : 0, c1;

	if ((unsigned)((c | 0x20) - 'a') >= 26)
		return false;
	c1 = pos + 1 < len ? (unsigned char)text[pos + 1] : 0;
	if (!(ws->pair[(c | 0x20) - 'a'] &
	      ((unsigned)((c1 | 0x20) - 'a') < 26 ? 1u << ((c1 | 0x20) - 'a') : 1u << 26)))
		return false; /* most words: their first two letters begin no word of @ws */
	return recog_word_set_lookup(ws, text, len, pos, n);
}
size_t recog_skip_spaces(const char *text, size_t len, size_t pos);
size_t recog_skip_spaces_back(const char *text, size_t floor, size_t pos);
void recog_copy_field(char *dst, size_t cap, const char *src, size_t n);

/* ---- recognizers ---- */
int gaz_init(void);
void gaz_free(void);
int gaz_find(const char *text, size_t len, pcre2_match_data *md, struct mvec *out);
const char *gaz_org_home(const char *id);
const char *gaz_subject_id(const char *name);
const char *gaz_subject_name(const char *id);

int dates_init(void);
void dates_free(void);
int dates_find(const char *text, size_t len, const char *published,
	       pcre2_match_data *md, struct mvec *out);
/* ISO value of a year figure ("2023"), used by the number scanner too. */

/* The value of number words at text[pos] ("two hundred and fifty",
 * "twenty-five", "a", "half a"), -1 if none; *end is where they stop. */
double recog_number_words(const char *text, size_t len, size_t pos, size_t *end);

int numbers_init(void);
void numbers_free(void);
/* @dates: the date mentions already found (sorted), whose numbers are not
 * figures. */
int numbers_find(const char *text, size_t len, const struct mvec *dates,
		 pcre2_match_data *md, struct mvec *out);

int sentences_init(void);
void sentences_free(void);

#endif
