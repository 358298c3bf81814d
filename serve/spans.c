/* spans.c - marking figures, subjects and mentions inside scraped
 * text, without ever letting the text itself become markup: every byte
 * between and inside the marks goes through serve_esc().
 *
 * Offsets come from the extractor and point into the same bytes; a span
 * that does not fit (overlap, past the end) is dropped rather than
 * trusted. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "extract.h"
#include "pages.h"

static int cmp_spans(const void *a, const void *b)
{
	const struct serve_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end; /* longer first */
}

/* Escaped text of [from, to), with blank lines as paragraph breaks. */
static void plain(struct serve_out *o, const char *text, size_t from, size_t to,
		  bool paragraphs)
{
	size_t run = from;

	if (!paragraphs) {
		serve_textn(o, text + from, to - from);
		return;
	}
	for (size_t i = from; i < to; i++) {
		if (text[i] != '\n')
			continue;
		serve_textn(o, text + run, i - run);
		if (i + 1 < to && text[i + 1] == '\n') {
			while (i + 1 < to && text[i + 1] == '\n')
				i++;
			serve_printf(o, "</p>\n<p>");
		} else {
			serve_printf(o, "<br>");
		}
		run = i + 1;
	}
	serve_textn(o, text + run, to - run);
}

static void open_span(struct serve_out *o, const struct serve_span *s)
{
	if (s->href[0]) {
		serve_printf(o, "<a class=\"%s\" href=\"", s->cls);
		serve_text(o, s->href);
		serve_printf(o, "\"");
	} else {
		serve_printf(o, "<mark class=\"%s\"", s->cls);
	}
	if (s->title[0]) {
		serve_printf(o, " title=\"");
		serve_text(o, s->title);
		serve_printf(o, "\"");
	}
	serve_printf(o, ">");
}

void serve_highlight(struct serve_out *o, const char *text, size_t len,
		     struct serve_span *spans, size_t n, bool paragraphs)
{
	size_t at = 0;

	if (n)
		qsort(spans, n, sizeof *spans, cmp_spans);
	if (paragraphs)
		serve_printf(o, "<p>");
	for (size_t i = 0; i < n; i++) {
		const struct serve_span *s = &spans[i];

		if (s->start < at || s->end > len || s->end <= s->start)
			continue;
		plain(o, text, at, s->start, paragraphs);
		open_span(o, s);
		serve_textn(o, text + s->start, s->end - s->start);
		serve_printf(o, s->href[0] ? "</a>" : "</mark>");
		at = s->end;
	}
	plain(o, text, at, len, paragraphs);
	if (paragraphs)
		serve_printf(o, "</p>");
}

static bool is_figure(enum assay_mention_type t)
{
	return t == ASSAY_M_QUANTITY || t == ASSAY_M_PERCENT || t == ASSAY_M_MONEY ||
	       t == ASSAY_M_COUNT;
}

static bool same_value(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1, fmax(fabs(a), fabs(b)));
}

static bool is_subject(const char *id, const char *const *subjects, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (subjects[i] && strcmp(id, subjects[i]) == 0)
			return true;
	return false;
}

/* The first occurrence of @needle in @hay (@n bytes), or NULL. */
static const char *find_bytes(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);

	for (size_t i = 0; m && i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

static size_t add_span(struct serve_span *out, size_t k, size_t max, size_t start,
		       size_t end, const char *cls)
{
	if (k >= max)
		return k;
	memset(&out[k], 0, sizeof out[k]);
	out[k].start = start;
	out[k].end = end;
	out[k].cls = cls;
	return k + 1;
}

size_t serve_find_marks(const char *ev, size_t len, const char *published,
			double value, const char *figure, const char *const *subjects,
			size_t nsubjects, struct serve_span *out, size_t max)
{
	struct assay_extraction x = {0};
	struct assay_extract_opts opts = {.published = published && *published ? published : NULL};
	bool have_figure = false;
	size_t k = 0;

	if (assay_extract_text(ev, len, &opts, &x) == ASSAY_OK) {
		for (size_t i = 0; i < x.nmentions; i++) {
			const struct assay_mention *m = &x.mentions[i];
			size_t mlen = m->end - m->start;
			bool fig = is_figure(m->type) &&
				   (same_value(m->value, value) ||
				    (figure && strlen(figure) == mlen &&
				     memcmp(ev + m->start, figure, mlen) == 0));

			if (fig) {
				k = add_span(out, k, max, m->start, m->end, "fig");
				have_figure = true;
			} else if ((m->type == ASSAY_M_COUNTRY || m->type == ASSAY_M_ORG) &&
				   is_subject(m->id, subjects, nsubjects)) {
				k = add_span(out, k, max, m->start, m->end, "subj");
			}
		}
	}
	assay_extraction_release(&x);
	if (!have_figure && figure && *figure) {
		const char *at = find_bytes(ev, len, figure);
		if (at)
			k = add_span(out, k, max, (size_t)(at - ev),
				     (size_t)(at - ev) + strlen(figure), "fig");
	}
	return k;
}
