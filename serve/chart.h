/* chart.h - the small SVG charts of the conflicts page, drawn by the
 * program as pure functions from figures to SVG text.
 *
 * A figure chart has one row per source, oldest first: the row's label
 * (date and site) on the left, and on a value axis shared by all rows the
 * figure's interval as a bar and the figure itself as a dot, with its value
 * written beside it. The figure an editor accepted (or corrected to) is
 * drawn in green and marked "accepted". A status timeline puts an
 * agreement's reported statuses in date order on a line.
 *
 * The output uses presentation attributes only (no style attributes and no
 * script), so it renders under a Content-Security-Policy of
 * default-src 'self'; every label goes through serve_esc(). */
#ifndef ASSAY_SERVE_CHART_H
#define ASSAY_SERVE_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct serve_mark {
	double value;          /* the figure as written: the dot */
	double lo, hi;         /* the interval it stands for: the bar */
	char figure[48];       /* the figure in words ("90%"), or "" to format it */
	char date[16];         /* "YYYY-MM-DD" or "" when unknown */
	char site[128];        /* where it was published */
	bool accepted;         /* the editor's accepted or corrected figure */
	bool rejected;         /* a figure an editor rejected: drawn hollow, struck */
};

struct serve_event {
	char date[16];         /* "YYYY-MM-DD" or "" */
	char status[16];       /* signed, stalled, ... */
	char site[128];
	unsigned more;         /* other sites that said the same that day */
};

/* Appends the SVG of @n marks (drawn in the order given) to @out. @unit is
 * for the axis labels ("%", "t", "USD"). @n may be 0 (an empty chart).
 * Returns ASSAY_OK or ASSAY_ENOMEM. */
int serve_chart_svg(const struct serve_mark *m, size_t n, const char *unit,
		    struct assay_buf *out);

/* Appends the SVG of a status timeline of @n events, in the order given.
 * Returns ASSAY_OK or ASSAY_ENOMEM. */
int serve_timeline_svg(const struct serve_event *e, size_t n, struct assay_buf *out);

/* The colour family of an agreement status: "good" (signed, joined,
 * committed), "bad" (stalled, ended) or "open" (the rest). */
const char *serve_status_tone(const char *status);

#endif
