/* unwrap.c - hard-wrapped plain text read as the prose it is.
 *
 * Wire services sent stories hard-wrapped at about 65 columns, with
 * paragraphs marked by an indented first line; e-mail and <pre> text do
 * the same at other widths. Left as it is, every line would be a block of
 * its own and a figure would be cut from its unit ("capacity of 390,000" /
 * "tonnes a year"). A text is taken as hard-wrapped when most of its lines
 * end near one right margin no wider than 100 columns; then a newline
 * inside a paragraph becomes a space. The text keeps its length, so every
 * offset into the unwrapped copy is an offset into the original.
 *
 * A newline stays when the next line is blank, indented (a new
 * paragraph), a list item or a table row, or when the line before is a
 * short one that ends a sentence or looks like a heading. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "mentions.h"

#define MAX_WIDTH 100   /* wider lines are paragraphs, not wrapped text */
#define MIN_LINES 3

struct line {
	size_t start, end; /* without the newline; end trimmed of spaces */
};

static bool is_blank(const char *t, const struct line *l)
{
	for (size_t i = l->start; i < l->end; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r')
			return false;
	return true;
}

/* Characters, not bytes: a line of accented words is no wider. */
static size_t width(const char *t, const struct line *l)
{
	size_t w = 0;

	for (size_t i = l->start; i < l->end; i++)
		w += ((unsigned char)t[i] & 0xc0) != 0x80;
	return w;
}

/* "Copper      120,000   110,000": columns set apart by runs of spaces. */
static bool table_like(const char *t, const struct line *l)
{
	size_t i = l->start;

	while (i < l->end && (t[i] == ' ' || t[i] == '\t'))
		i++;
	for (; i + 2 < l->end; i++)
		if ((t[i] == ' ' && t[i + 1] == ' ' && t[i + 2] == ' ') || t[i] == '\t' ||
		    t[i] == '|')
			return true;
	return false;
}

static bool starts_block(const char *t, const struct line *l)
{
	char c = l->start < l->end ? t[l->start] : '\n';

	if (c == ' ' || c == '\t' || c == '|' || c == '#' || c == '>')
		return true;
	if ((c == '-' || c == '*' || c == '+') && l->start + 1 < l->end && t[l->start + 1] == ' ')
		return true;
	return l->start + 3 <= l->end && memcmp(t + l->start, "\xe2\x80\xa2", 3) == 0;
}

static bool ends_sentence(const char *t, const struct line *l)
{
	char c = t[l->end - 1];

	return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')';
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The right margin: the width the lines inside paragraphs reach (those
 * followed by a line that goes on with the paragraph), or 0 when the text
 * is not hard-wrapped. In wrapped text nearly every such line ends near
 * the margin, or stops mid-sentence; in text with a paragraph a line
 * there are few such lines, and their widths vary. */
static size_t margin(const char *t, const struct line *ls, size_t n, size_t *w)
{
	size_t k = 0, near = 0, cont = 0, m;

	for (size_t i = 0; i + 1 < n; i++)
		if (!is_blank(t, &ls[i]) && !is_blank(t, &ls[i + 1]) && !starts_block(t, &ls[i + 1]) &&
		    !table_like(t, &ls[i]) && !table_like(t, &ls[i + 1])) {
			w[k++] = width(t, &ls[i]);
			/* a line that stops mid-sentence: "a subsidiary of" */
			cont += ls[i].end > ls[i].start && !ends_sentence(t, &ls[i]) &&
				t[ls[i].end - 1] != ',' && t[ls[i].end - 1] != ';';
		}
	if (k < 2)
		return 0;
	qsort(w, k, sizeof *w, by_size);
	m = w[k - 1 - k / 10]; /* the 90th percentile, past a few overlong lines */
	for (size_t i = 0; i < k; i++)
		near += w[i] * 10 >= m * 6 && w[i] <= m + 8;
	if (m > MAX_WIDTH || m < 30 || (near * 10 < k * 7 && cont * 10 < k * 8))
		return 0;
	return m;
}

int assay_unwrap_text(char *t, size_t len)
{
	struct line *ls;
	size_t n = 1, m, *widths;

	for (size_t i = 0; i < len; i++)
		n += t[i] == '\n';
	if (n < MIN_LINES)
		return ASSAY_OK;
	ls = malloc(n * sizeof *ls);
	widths = malloc(n * sizeof *widths);
	if (!ls || !widths) { /* a text read otherwise would lose figures silently */
		free(ls);
		free(widths);
		return ASSAY_ENOMEM;
	}
	n = 0;
	for (size_t p = 0; p <= len;) {
		const char *nl = p < len ? memchr(t + p, '\n', len - p) : NULL;
		size_t e = nl ? (size_t)(nl - t) : len;
		ls[n].start = p;
		ls[n].end = e;
		while (ls[n].end > p && (t[ls[n].end - 1] == ' ' || t[ls[n].end - 1] == '\r'))
			ls[n].end--;
		n++;
		p = e + 1;
		if (!nl)
			break;
	}
	m = margin(t, ls, n, widths);
	for (size_t i = 0; m && i + 1 < n; i++) {
		const struct line *a = &ls[i], *b = &ls[i + 1];
		if (is_blank(t, a) || is_blank(t, b) || starts_block(t, b) || table_like(t, a) ||
		    table_like(t, b))
			continue;
		if (width(t, a) * 10 < m * 6 && ends_sentence(t, a))
			continue; /* the last line of a paragraph */
		if (width(t, a) * 10 < m * 5 && i == 0)
			continue; /* a headline */
		t[a->end] = ' ';
		for (size_t k = a->end + 1; k < b->start; k++)
			t[k] = ' ';
	}
	free(ls);
	free(widths);
	return ASSAY_OK;
}
