/* sentences.c - splitting news text into sentences, table rows and lines.
 *
 * A blank line, a table row ("a | b | c") and a list item always stand
 * alone. A single newline ends a sentence when the line looks complete
 * (final punctuation, a short heading-like line, a bullet or capital on
 * the next line); otherwise it is a hard wrap and the sentence goes on.
 * Inside a line ". ! ?" end a sentence before a capital, a digit or a
 * quote, unless the word is an abbreviation (abbrevs.tsv) or an initial;
 * abbreviations that often close a sentence ("U.S.", "Inc.") close one
 * when the next word is a usual sentence opener (the table below).
 * Linear in the text: every byte is looked at a bounded number of times. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "mentions.h"
#include "recog.h"

#define SHORT_LINE 50 /* bytes: a line this short without a full stop is a heading */

/* Words that start a sentence after "U.S." or "Inc.". */
static const char *const openers[] = {
	"The", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These",
	"Those", "In", "But", "And", "However", "A", "An", "His", "Her", "Their",
	"Our", "As", "At", "On", "For", "With", "While", "After", "Before",
	"Meanwhile", "There", "Some", "Shares", "Analysts", "Last", "Earlier", "Under",
	"According", "If", "When", "Since", "Other", "Officials", "Production", "Prices",
	"Demand", NULL,
};

struct spans {
	struct assay_span *v;
	size_t n, cap;
};

int sentences_init(void)
{
	return ASSAY_OK;
}

void sentences_free(void)
{
}

static int push_span(struct spans *sp, const char *text, size_t s, size_t e, bool row)
{
	while (s < e && isspace((unsigned char)text[s]))
		s++;
	while (e > s && isspace((unsigned char)text[e - 1]))
		e--;
	if (s == e)
		return ASSAY_OK;
	if (assay_array_reserve(&sp->v, &sp->cap, sp->n + 1, sizeof *sp->v))
		return ASSAY_ENOMEM;
	sp->v[sp->n].start = s;
	sp->v[sp->n].end = e;
	sp->v[sp->n].table_row = row;
	sp->n++;
	return ASSAY_OK;
}

static size_t line_end(const char *text, size_t len, size_t pos)
{
	const char *nl = memchr(text + pos, '\n', len - pos);
	return nl ? (size_t)(nl - text) : len;
}

static bool is_table_row(const char *text, size_t s, size_t e)
{
	size_t bars = 0;
	const char *bar = s < e ? memchr(text + s, '|', e - s) : NULL;

	while (bar && bars < 2) { /* more than two change nothing */
		bars++;
		bar = memchr(bar + 1, '|', (size_t)(text + e - (bar + 1)));
	}
	return bars >= 2 || (bars == 1 && e - s > 0 && (text[s] == '|' || text[e - 1] == '|'));
}

static bool is_blank(const char *text, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!isspace((unsigned char)text[i]))
			return false;
	return true;
}

/* A line that starts a list item: "- ", "* ", "• ", "1. ", "2) ". */
static bool is_bullet(const char *text, size_t s, size_t e)
{
	size_t i = s;

	while (i < e && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i + 1 < e && (text[i] == '-' || text[i] == '*') && text[i + 1] == ' ')
		return true;
	if (i + 2 < e && (unsigned char)text[i] == 0xe2 && (unsigned char)text[i + 1] == 0x80 &&
	    (unsigned char)text[i + 2] == 0xa2)
		return true;
	while (i < e && isdigit((unsigned char)text[i]))
		i++;
	return i > s && i + 1 < e && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ';
}

/* Whether the newline ending line [s, e) ends the sentence, given the
 * next line [ns, ne). */
static bool newline_ends(const char *text, size_t s, size_t e, size_t ns, size_t ne)
{
	size_t last = e;
	unsigned char first;

	while (last > s && isspace((unsigned char)text[last - 1]))
		last--;
	if (last == s || is_blank(text, ns, ne))
		return true;
	first = 0;
	for (size_t i = ns; i < ne && !first; i++)
		if (!isspace((unsigned char)text[i]))
			first = (unsigned char)text[i];
	/* "held by U.S." / "refineries fell to ...": no sentence opens in
	 * lower case, so the abbreviation closed nothing */
	if (text[last - 1] == '.' && islower(first))
		return false;
	if (strchr(".!?:;\"", text[last - 1]) || (unsigned char)text[last - 1] >= 0x80)
		return true;
	if (is_bullet(text, ns, ne) || is_table_row(text, ns, ne) || last - s < SHORT_LINE)
		return true;
	while (ns < ne && isspace((unsigned char)text[ns]))
		ns++;
	first = ns < ne ? (unsigned char)text[ns] : 'A';
	return !islower(first) && !isdigit(first) && first != '(';
}

static bool is_opener(const char *text, size_t len, size_t pos)
{
	for (int i = 0; openers[i]; i++) {
		size_t n = strlen(openers[i]);
		if (pos + n <= len && memcmp(text + pos, openers[i], n) == 0 &&
		    (pos + n == len || !isalnum((unsigned char)text[pos + n])))
			return true;
	}
	return false;
}

/* "1." at the start of a line: list numbering, not a sentence. */
static bool is_list_number(const char *text, size_t s, size_t i)
{
	size_t k = i;

	while (k > s && isdigit((unsigned char)text[k - 1]))
		k--;
	if (k == i || i - k > 3)
		return false;
	while (k > s && (text[k - 1] == ' ' || text[k - 1] == '\t'))
		k--;
	return k == s || text[k - 1] == '\n';
}

/* Whether the ". ! ?" at @i (inside [s, e)) ends a sentence; *after is
 * where the next one starts. */
static bool stop_ends(const char *text, size_t s, size_t e, size_t i, size_t *after)
{
	size_t j = i + 1, ws, abst;
	unsigned char c;
	const struct phrase *ab;

	while (j < e && (strchr("\"')]", text[j]) ||
			 ((unsigned char)text[j] == 0xe2 && j + 2 < e &&
			  (unsigned char)text[j + 1] == 0x80 &&
			  ((unsigned char)text[j + 2] == 0x9d || (unsigned char)text[j + 2] == 0x99))))
		j += (unsigned char)text[j] == 0xe2 ? 3 : 1;
	ws = j;
	while (j < e && (text[j] == ' ' || text[j] == '\t'))
		j++;
	if (j == ws || j >= e)
		return false;
	c = (unsigned char)text[j];
	if (!(isupper(c) || isdigit(c) || c == '"' || c == '(' || c >= 0x80))
		return false;
	*after = ws;
	if (text[i] != '.')
		return true;
	ab = recog_phrase_before(T_ABBREVS, text, s, i + 1, &abst);
	if (ab)
		return strchr(ab->col[0], 'e') && (is_opener(text, e, j) || isdigit(c));
	/* an initial: " J. Smith" */
	if (i >= s + 1 && isupper((unsigned char)text[i - 1]) &&
	    (i == s + 1 || !isalnum((unsigned char)text[i - 2])))
		return false;
	return !is_list_number(text, s, i);
}

/* Splits the lines [s, e) of one paragraph-like run into sentences. */
static int split_run(const char *text, size_t s, size_t e, struct spans *sp)
{
	size_t cur = s, after;

	for (size_t i = s; i < e; i++) {
		char c = text[i];
		if ((c == '.' || c == '!' || c == '?') && stop_ends(text, s, e, i, &after)) {
			if (push_span(sp, text, cur, after, false) != ASSAY_OK)
				return ASSAY_ENOMEM;
			cur = after;
			i = after - 1;
		}
	}
	return push_span(sp, text, cur, e, false);
}

int assay_split_sentences(const char *text, size_t len, struct assay_span **out, size_t *n)
{
	struct spans sp = {0};
	size_t pos = 0, run = 0;

	*out = NULL;
	*n = 0;
	while (pos < len) {
		size_t e = line_end(text, len, pos);
		size_t ns = e < len ? e + 1 : len;
		size_t ne = ns < len ? line_end(text, len, ns) : len;
		int rc = ASSAY_OK;

		if (is_table_row(text, pos, e)) {
			if (run < pos)
				rc = split_run(text, run, pos, &sp);
			if (rc == ASSAY_OK)
				rc = push_span(&sp, text, pos, e, true);
			run = ns;
		} else if (e == len || newline_ends(text, pos, e, ns, ne)) {
			rc = split_run(text, run, e, &sp);
			run = ns;
		}
		if (rc != ASSAY_OK) {
			free(sp.v);
			return rc;
		}
		pos = ns;
	}
	*out = sp.v;
	*n = sp.n;
	return ASSAY_OK;
}
