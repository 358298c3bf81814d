/* chart.c - SVG figure charts and status timelines (see chart.h).
 *
 * Coordinates are in user units of a fixed viewBox; the page scales the
 * SVG to its column. Writes go through a sticky-error writer: the first
 * failed append is remembered and the rest are skipped, so drawing code
 * stays straight-line and still returns ENOMEM. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "chart.h"
#include "review.h"
#include "html.h"
#include "str.h"
#include "vocab.h"

#define CH_W 720.0      /* chart width */
#define CH_LABEL 230.0  /* left column for row labels */
#define CH_RIGHT 90.0   /* room for the value written right of a dot */
#define CH_ROW 30.0     /* height of one source's row */
#define CH_TOP 12.0
#define CH_AXIS 34.0    /* room for the value axis below the rows */

#define TL_PER_ROW 6    /* timeline events on one line before it wraps */
#define TL_ROW 84.0     /* height of one line of the timeline */

#define COL_MARK "#2f5d9e"
#define COL_ACCEPTED "#1b7f3b"
#define COL_GRID "#d8dde6"
#define COL_TEXT "#1d2330"
#define COL_MUTED "#5b6475"
#define COL_REJECTED "#9aa3b2"

struct svg {
	struct assay_buf *b;
	int rc;
};

static void svgf(struct svg *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void svgf(struct svg *s, const char *fmt, ...)
{
	va_list ap;

	if (s->rc != ASSAY_OK)
		return;
	va_start(ap, fmt);
	s->rc = assay_buf_vprintf(s->b, fmt, ap);
	va_end(ap);
}

static void svg_esc(struct svg *s, const char *text)
{
	if (s->rc == ASSAY_OK)
		s->rc = serve_esc_str(s->b, text);
}

/* A round step near @span / @ticks: 1, 2 or 5 times a power of ten. */
static double nice_step(double span, int ticks)
{
	double raw = span / ticks, mag = pow(10, floor(log10(raw))), f = raw / mag;

	return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

struct scale {
	double lo, hi;  /* domain */
	double x0, x1;  /* range in user units */
};

static double sx(const struct scale *sc, double v)
{
	return sc->x0 + (v - sc->lo) / (sc->hi - sc->lo) * (sc->x1 - sc->x0);
}

/* The value domain: every interval, padded, on round steps. */
static struct scale domain_of(const struct serve_mark *m, size_t n)
{
	struct scale sc = {0, 1, CH_LABEL, CH_W - CH_RIGHT};
	double lo = INFINITY, hi = -INFINITY, step;

	for (size_t i = 0; i < n; i++) {
		double a = fmin(m[i].lo, m[i].value), b = fmax(m[i].hi, m[i].value);
		if (isfinite(a) && a < lo)
			lo = a;
		if (isfinite(b) && b > hi)
			hi = b;
	}
	if (!(lo <= hi))
		return sc;
	if (hi - lo < fabs(hi) * 1e-9 || hi == lo) {
		double pad = lo != 0 ? fabs(lo) * 0.1 : 1;
		lo -= pad;
		hi += pad;
	}
	step = nice_step(hi - lo, 4);
	sc.lo = floor(lo / step) * step;
	sc.hi = ceil(hi / step) * step;
	if (sc.lo < 0 && lo >= 0)
		sc.lo = 0;
	return sc;
}

static void draw_axis(struct svg *s, const struct scale *sc, double y0, double y1,
		      const char *unit)
{
	double step = nice_step(sc->hi - sc->lo, 4);
	char num[64], lab[96];

	for (double v = sc->lo; v <= sc->hi + step * 1e-6; v += step) {
		double x = sx(sc, v);
		assay_review_fmt_figure(fabs(v) < step * 1e-9 ? 0 : v, 0, false, unit, lab, sizeof lab);
		snprintf(num, sizeof num, "%.1f", x);
		svgf(s, "<line x1=\"%s\" y1=\"%.1f\" x2=\"%s\" y2=\"%.1f\" stroke=\"" COL_GRID "\"/>",
		     num, y0, num, y1);
		svgf(s, "<text x=\"%s\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\""
		     COL_MUTED "\">", num, y1 + 16);
		svg_esc(s, lab);
		svgf(s, "</text>");
	}
}

/* Copies at most @max characters of UTF-8 @s to @out, ending in an
 * ellipsis when cut, so a long label never runs into the plot. */
static void clip(const char *s, size_t max, char *out, size_t size)
{
	size_t chars = 0, i = 0;

	while (s[i] && i + 4 < size) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
			break;
		out[i] = s[i];
		i++;
	}
	while (i && s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) /* whole characters */
		i--;
	out[i] = '\0';
	if (s[i] && i + 4 <= size)
		memcpy(out + i, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
}

static void draw_mark(struct svg *s, const struct scale *sc, const struct serve_mark *m,
		      double y, const char *unit)
{
	const char *col = m->accepted ? COL_ACCEPTED : m->rejected ? COL_REJECTED : COL_MARK;
	double x = sx(sc, m->value), a = sx(sc, m->lo), b = sx(sc, m->hi);
	char fig[64], site[128];

	if (!isfinite(x)) /* a figure that cannot be placed is written, not drawn */
		x = a = b = CH_LABEL;
	if (!isfinite(a) || !isfinite(b))
		a = b = x;

	clip(m->site[0] ? m->site : "unknown site", 26, site, sizeof site);
	if (m->figure[0])
		assay_copy(fig, sizeof fig, m->figure);
	else
		assay_review_fmt_figure(m->value, 0, false, unit, fig, sizeof fig);
	svgf(s, "<g class=\"mark%s\"><title>",
	     m->accepted ? " accepted" : m->rejected ? " rejected" : "");
	svg_esc(s, fig);
	svgf(s, " - ");
	svg_esc(s, m->site[0] ? m->site : "unknown site");
	svgf(s, ", ");
	svg_esc(s, m->date[0] ? m->date : "undated");
	svgf(s, "</title>");
	svgf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"" COL_TEXT "\">",
	     8.0, y + 4);
	svg_esc(s, m->date[0] ? m->date : "undated");
	svgf(s, "  ");
	svg_esc(s, site);
	svgf(s, "</text>");
	if (b - a >= 1)
		svgf(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" rx=\"3\" "
		     "fill=\"%s\" fill-opacity=\"0.25\"/>", a, y - 4, b - a, col);
	if (isfinite(m->value) && m->rejected) /* hollow, struck through */
		svgf(s, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"%s\" "
		     "stroke-width=\"1.5\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		     "stroke=\"%s\" stroke-width=\"1.5\"/>", x, y, col, x - 7, y + 7, x + 7, y - 7, col);
	else if (isfinite(m->value))
		svgf(s, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"%s/>", x, y,
		     m->accepted ? "7" : "5", col,
		     m->accepted ? " stroke=\"#0b3d1b\" stroke-width=\"2\"" : "");
	svgf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"%s\" fill=\"%s\"%s>",
	     fmax(x, b) + 10, y + 4, m->accepted ? "bold" : "normal", col,
	     m->rejected ? " text-decoration=\"line-through\"" : "");
	svg_esc(s, fig);
	if (m->accepted)
		svgf(s, " \xE2\x9C\x93 accepted");
	else if (m->rejected)
		svgf(s, " rejected");
	svgf(s, "</text></g>");
}

int serve_chart_svg(const struct serve_mark *m, size_t n, const char *unit,
		    struct assay_buf *out)
{
	struct svg s = {out, ASSAY_OK};
	struct scale sc = domain_of(m, n);
	double h = CH_TOP + CH_ROW * (double)(n ? n : 1) + CH_AXIS;

	svgf(&s, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
	     "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"figures reported by each source\" "
	     "font-family=\"system-ui, sans-serif\">", CH_W, h, CH_W, h);
	draw_axis(&s, &sc, CH_TOP - 6, h - CH_AXIS + 4, unit);
	for (size_t i = 0; i < n; i++)
		draw_mark(&s, &sc, &m[i], CH_TOP + CH_ROW * ((double)i + 0.5), unit);
	if (!n)
		svgf(&s, "<text x=\"8\" y=\"%.1f\" font-size=\"12\" fill=\"" COL_MUTED
		     "\">no figures</text>", CH_TOP + CH_ROW / 2);
	svgf(&s, "</svg>");
	return s.rc;
}

const char *serve_status_tone(const char *status)
{
	const char *cls = status ? assay_agreement_status_class(status) : "";

	if (strcmp(cls, "done") == 0)
		return "good";
	if (strcmp(cls, "stalled") == 0 || strcmp(cls, "ended") == 0)
		return "bad";
	return "open";
}

static const char *tone_colour(const char *tone)
{
	return strcmp(tone, "good") == 0 ? COL_ACCEPTED
	       : strcmp(tone, "bad") == 0 ? "#b3261e" : "#b26b00";
}

static void draw_event(struct svg *s, const struct serve_event *e, double x, double y)
{
	const char *col = tone_colour(serve_status_tone(e->status));
	char site[128];

	clip(e->site, 24, site, sizeof site);

	svgf(s, "<g class=\"event\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\"/>",
	     x, y, col);
	svgf(s, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" "
	     "text-anchor=\"middle\" fill=\"%s\">", x, y - 14, col);
	svg_esc(s, e->status);
	svgf(s, "</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" "
	     "fill=\"" COL_TEXT "\">", x, y + 22);
	svg_esc(s, e->date[0] ? e->date : "undated");
	svgf(s, "</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" "
	     "fill=\"" COL_MUTED "\">", x, y + 36);
	svg_esc(s, site);
	if (e->more)
		svgf(s, " +%u", e->more);
	svgf(s, "</text></g>");
}

int serve_timeline_svg(const struct serve_event *e, size_t n, struct assay_buf *out)
{
	struct svg s = {out, ASSAY_OK};
	size_t rows = n ? (n + TL_PER_ROW - 1) / TL_PER_ROW : 1;
	size_t cols = n < TL_PER_ROW ? n : TL_PER_ROW;
	double step = 170, w = fmax(360, 90 + step * (double)(cols ? cols - 1 : 0) + 90);
	double h = TL_ROW * (double)rows;

	svgf(&s, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 %.0f %.0f\" "
	     "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"status reported over time\" "
	     "font-family=\"system-ui, sans-serif\">", w, h, w, h);
	for (size_t r = 0; r < rows; r++) {
		size_t first = r * TL_PER_ROW, k = n - first < TL_PER_ROW ? n - first : TL_PER_ROW;
		double y = 34 + TL_ROW * (double)r;

		if (k > 1 || r + 1 < rows) /* a row that goes on continues to the edge */
			svgf(&s, "<line x1=\"90\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" COL_GRID
			     "\" stroke-width=\"3\"/>", y, r + 1 < rows ? w : 90 + step * (double)(k - 1), y);
		for (size_t i = 0; i < k; i++)
			draw_event(&s, &e[first + i], 90 + step * (double)i, y);
	}
	svgf(&s, "</svg>");
	return s.rc;
}
