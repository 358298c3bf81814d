/* context.c - what an editor needs beside a claim to judge it: its
 * sources in an order that tells copies from other places of one page,
 * the header row and caption of a table a figure was read from, and
 * evidence text tidied for reading.
 *
 * The store keeps a table row's evidence as the row alone ("Russia |
 * 20,000 | Limited exports") with its offsets into the article's cleaned
 * text, where a table is a run of lines with cells joined by " | ", and
 * its caption the block above it (parse/clean.h). The header and caption
 * are found there, as the extractor found them (extract/tables.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "review.h"
#include "utf8.h"

static int keep_sources(struct assay_review_item *it, const struct assay_source *src, size_t n)
{
	it->src = calloc(n ? n : 1, sizeof *it->src);
	if (!it->src)
		return ASSAY_ENOMEM;
	memcpy(it->src, src, n * sizeof *src);
	it->nsrc = n;
	return ASSAY_OK;
}

static int keep_claim(void *ctx, const struct assay_stored_claim *c,
		      const struct assay_source *src, size_t n)
{
	struct assay_review_item *it = ctx;

	it->c = *c;
	return keep_sources(it, src, n);
}

static int keep_agreement(void *ctx, const struct assay_stored_agreement *a,
			  const struct assay_source *src, size_t n)
{
	struct assay_review_item *it = ctx;

	it->is_agr = true;
	it->a = *a;
	return keep_sources(it, src, n);
}

int assay_review_item_get(struct assay_store *s, const char *id, struct assay_review_item *it)
{
	memset(it, 0, sizeof *it);
	return assay_store_claim_get(s, id, keep_claim, keep_agreement, it);
}

/* By story; in a story the best-documented page first (dated, then with a
 * site, then the oldest), each page's sources together in text order. */
static int cmp_source(const void *x, const void *y)
{
	const struct assay_source *a = x, *b = y;
	int d = strcmp(a->story, b->story);

	if (d)
		return d;
	if (!a->published[0] != !b->published[0])
		return !a->published[0] - !b->published[0];
	if (!a->site[0] != !b->site[0])
		return !a->site[0] - !b->site[0];
	d = strcmp(a->published, b->published);
	if (d)
		return d;
	d = strcmp(a->url, b->url);
	if (d)
		return d;
	return (a->start > b->start) - (a->start < b->start);
}

void assay_review_sort_sources(struct assay_source *src, size_t n)
{
	if (n > 1)
		qsort(src, n, sizeof *src, cmp_source);
}

enum assay_review_source_role assay_review_source_role(const struct assay_source *src,
							size_t i)
{
	size_t j = i;

	if (i == 0)
		return ASSAY_REVIEW_SRC_STORY;
	/* the pages of a story before this one, back to the story's first */
	while (j > 0 && (strcmp(src[j - 1].url, src[i].url) == 0 ||
			 (src[i].story[0] && strcmp(src[j - 1].story, src[i].story) == 0))) {
		j--;
		if (strcmp(src[j].url, src[i].url) == 0)
			return ASSAY_REVIEW_SRC_SAME_PAGE;
	}
	return j < i ? ASSAY_REVIEW_SRC_COPY : ASSAY_REVIEW_SRC_STORY;
}

bool assay_review_is_table_row(const char *text, size_t n)
{
	bool bar = false, cell = false;

	for (size_t i = 0; i < n; i++) {
		if (text[i] == '|')
			bar = true;
		else if (!strchr("-: \t\r\n", text[i]))
			cell = true;
	}
	return bar && cell;
}

void assay_review_source_label(const struct assay_source *src, size_t i, int story,
			       char *out, size_t size)
{
	const struct assay_source *s = &src[i];
	bool row = assay_review_is_table_row(s->evidence, strlen(s->evidence));

	switch (assay_review_source_role(src, i)) {
	case ASSAY_REVIEW_SRC_SAME_PAGE:
		snprintf(out, size, "Also in the same article: %s",
			 row ? "a table row" : "another passage");
		break;
	case ASSAY_REVIEW_SRC_COPY:
		if (s->site[0])
			snprintf(out, size, "The same story, also published by %s", s->site);
		else
			snprintf(out, size, "The same story, also published at another address");
		break;
	default:
		snprintf(out, size, "Story %d%s", story, row ? ": a table row" : "");
		break;
	}
}

/* The line of @text around byte @at: [*a, *b), without its newline. */
static void line_at(const char *text, size_t len, size_t at, size_t *a, size_t *b)
{
	size_t s = at, e = at;

	while (s > 0 && text[s - 1] != '\n')
		s--;
	while (e < len && text[e] != '\n')
		e++;
	*a = s;
	*b = e;
}

static bool blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r", p[i]))
			return false;
	return true;
}

static bool list_item(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	return (n >= 2 && (p[0] == '-' || p[0] == '*') && p[1] == ' ') ||
	       (n >= 3 && memcmp(p, "\xe2\x80\xa2", 3) == 0);
}

/* Copies the tidied line [a, b) into @out, cut to @max bytes (on a
 * character boundary, with an ellipsis). */
static void copy_cut(const char *text, size_t a, size_t b, size_t max, char *out, size_t size)
{
	size_t n = assay_review_tidy(text + a, b - a, out, size);

	if (n > max && max + 4 <= size) {
		while (max > 0 && ((unsigned char)out[max] & 0xc0) == 0x80)
			max--;
		memcpy(out + max, "\xe2\x80\xa6", 4); /* ... and the NUL */
	}
}

bool assay_review_table_context(const char *text, size_t len, size_t at, char *header,
				size_t hsize, char *caption, size_t csize)
{
	size_t a, b, top_a = 0, top_b = 0, self_a;
	bool above = false;

	if (hsize)
		header[0] = '\0';
	if (csize)
		caption[0] = '\0';
	if (!text || at >= len)
		return false;
	line_at(text, len, at, &a, &b);
	if (!assay_review_is_table_row(text + a, b - a))
		return false;
	self_a = a;
	while (a > 0) {
		line_at(text, len, a - 1, &a, &b);
		if (blank(text + a, b - a))
			continue;
		if (memchr(text + a, '|', b - a)) {
			if (assay_review_is_table_row(text + a, b - a)) {
				top_a = a;
				top_b = b;
				above = true;
			}
			continue;
		}
		if (!list_item(text + a, b - a)) /* an item of a list above is no caption */
			copy_cut(text, a, b, 240, caption, csize);
		break;
	}
	if (above && top_a != self_a)
		copy_cut(text, top_a, top_b, 480, header, hsize);
	return (hsize && header[0]) || (csize && caption[0]);
}

/* Bytes that read as a space: NBSP, the spaces U+2000-U+200A, U+2028,
 * U+2029, U+202F, U+3000. */
static bool wide_space(const unsigned char *p, size_t k)
{
	if (k == 2)
		return p[0] == 0xC2 && p[1] == 0xA0;
	if (k != 3)
		return false;
	if (p[0] == 0xE2 && p[1] == 0x80)
		return p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF;
	return p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80;
}

/* Characters with nothing to show: C1 controls, the soft hyphen, zero
 * width space, the byte order mark and U+FFFD (a byte lost before). */
static bool invisible(const unsigned char *p, size_t k)
{
	if (k == 2)
		return p[0] == 0xC2 && (p[1] <= 0x9F || p[1] == 0xAD);
	if (k != 3)
		return false;
	return (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) ||
	       (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ||
	       (p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD);
}

size_t assay_review_tidy(const char *in, size_t n, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0, i = 0;
	bool space = false;

	if (!size)
		return 0;
	while (i < n) {
		size_t k = assay_utf8_len(in + i, n - i);

		if (k == 0 || (k == 1 && p[i] == 0x7F) || (k == 1 && p[i] < 0x20 &&
		    !strchr("\t\n\r\v\f", p[i])) || invisible(p + i, k)) {
			i += k ? k : 1; /* not text, or nothing to see */
			continue;
		}
		if ((k == 1 && strchr(" \t\n\r\v\f", p[i])) || wide_space(p + i, k)) {
			space = o > 0;
			i += k;
			continue;
		}
		if (o + (space ? 1 : 0) + k >= size)
			break;
		if (space)
			out[o++] = ' ';
		space = false;
		memcpy(out + o, in + i, k);
		o += k;
		i += k;
	}
	out[o] = '\0';
	return o;
}

const char *assay_review_source_name(const char *site, const char *url, char *buf, size_t size)
{
	const char *end, *name;

	if (site && site[0])
		return site;
	if (!url || !url[0] || size < 2)
		return "unknown site";
	end = url + strcspn(url, "?#");
	while (end > url && end[-1] == '/')
		end--;
	name = end;
	while (name > url && name[-1] != '/')
		name--;
	if (name == end || (name > url + 1 && name[-1] == '/' && name[-2] == '/'))
		return "unknown site"; /* no path: the host alone, which the site would be */
	assay_review_tidy(name, (size_t)(end - name), buf, size);
	return buf[0] ? buf : "unknown site";
}
