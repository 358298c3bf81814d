/* wording.c - how a claim is put into words for an editor, on every desk
 * (the review page, `assay review --next`): ids made readable, qualifiers,
 * figures with their units ("694 million t", "USD 2 billion", "about
 * 90%"), and reading back the figure an editor types. The words are plain
 * text: each desk escapes them for its own output. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "review.h"
#include "scales.h"
#include "str.h"

void assay_review_words(const char *id, char *out, size_t size)
{
	size_t i;

	for (i = 0; id && id[i] && i + 1 < size; i++)
		out[i] = id[i] == '_' || id[i] == '-' ? ' ' : id[i];
	if (size)
		out[i] = '\0';
}

const char *assay_review_qualifier_words(const char *q)
{
	static const char *const words[ASSAY_QUALIFIERS] = {
		[ASSAY_QUAL_EQ] = "",          [ASSAY_QUAL_APPROX] = "about",
		[ASSAY_QUAL_LT] = "nearly",    [ASSAY_QUAL_LE] = "at most",
		[ASSAY_QUAL_GT] = "over",      [ASSAY_QUAL_GE] = "at least",
	};
	enum assay_qualifier k;

	return assay_qualifier_parse(q, &k) ? words[k] : "";
}

void assay_review_claim_figure(const struct assay_stored_claim *c, char *out, size_t size)
{
	const char *q = assay_review_qualifier_words(c->c.qualifier);
	char fig[96];

	assay_review_fmt_figure(c->c.value, c->c.value_max, c->c.has_max, c->c.unit, fig, sizeof fig);
	snprintf(out, size, "%s%s%s%s%s%s", c->c.change[0] ? c->c.change : "",
		 c->c.change[0] ? " by " : "", q, *q ? " " : "", fig,
		 c->c.per[0] ? (strcmp(c->c.per, "year") == 0 ? " a year"
				: strcmp(c->c.per, "month") == 0 ? " a month" : " a day") : "");
}

/* Groups the integer part of a plain decimal in @s with commas. */
static void group_thousands(const char *s, char *out, size_t size)
{
	const char *dot = strchr(s, '.');
	size_t digits = dot ? (size_t)(dot - s) : strlen(s), o = 0;
	size_t lead = *s == '-' ? 1 : 0;

	for (size_t i = 0; s[i] && o + 1 < size; i++) {
		out[o++] = s[i];
		if (i >= lead && i + 1 < digits && (digits - i - 1) % 3 == 0 &&
		    o + 1 < size)
			out[o++] = ',';
	}
	out[o] = '\0';
}

/* Prints @v with up to @prec significant digits, no trailing zeros. */
static void print_short(double v, int prec, char *out, size_t size)
{
	char tmp[64];
	int decimals = 0;
	double a = fabs(v);

	if (a > 0 && a < 1e15) {
		int mag = (int)floor(log10(a)) + 1;
		decimals = prec - mag;
		if (decimals < 0)
			decimals = 0;
		if (decimals > 6)
			decimals = 6;
	}
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (strchr(tmp, '.')) {
		size_t n = strlen(tmp);
		while (n && tmp[n - 1] == '0')
			tmp[--n] = '\0';
		if (n && tmp[n - 1] == '.')
			tmp[--n] = '\0';
	}
	group_thousands(tmp, out, size);
}

void assay_review_fmt_number(double v, char *out, size_t size)
{
	static const struct { double scale; const char *word; } words[] = {
		{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"},
	};
	char num[64];

	if (!isfinite(v)) {
		snprintf(out, size, "?");
		return;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (fabs(v) >= words[i].scale) {
			print_short(v / words[i].scale, 4, num, sizeof num);
			snprintf(out, size, "%s %s", num, words[i].word);
			return;
		}
	}
	print_short(v, 6, out, size);
}

/* True for an ISO 4217 code: three upper-case letters. */
static bool is_currency(const char *unit)
{
	return strlen(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' &&
	       unit[1] >= 'A' && unit[1] <= 'Z' && unit[2] >= 'A' && unit[2] <= 'Z';
}

/* True for a counted noun ("vehicle", "country"), as opposed to a unit
 * symbol (t, ozt, g/t, kg, lb): lower-case letters only, four or more. */
static bool is_noun(const char *unit)
{
	size_t n = strlen(unit);

	for (size_t i = 0; i < n; i++)
		if (unit[i] < 'a' || unit[i] > 'z')
			return false;
	return n >= 4;
}

/* "country" -> "countries", "vehicle" -> "vehicles", "mine" -> "mines". */
static void plural(const char *noun, char *out, size_t size)
{
	size_t n = strlen(noun);

	if (n > 1 && noun[n - 1] == 'y' && !strchr("aeiou", noun[n - 2]))
		snprintf(out, size, "%.*sies", (int)(n - 1), noun);
	else if (n && (noun[n - 1] == 's' || noun[n - 1] == 'x' || noun[n - 1] == 'h'))
		snprintf(out, size, "%ses", noun);
	else
		snprintf(out, size, "%ss", noun);
}

void assay_review_fmt_figure(double value, double value_max, bool has_max,
		      const char *unit, char *out, size_t size)
{
	char lo[64], hi[64], num[140], noun[48];

	assay_review_fmt_number(value, lo, sizeof lo);
	if (has_max) {
		assay_review_fmt_number(value_max, hi, sizeof hi);
		snprintf(num, sizeof num, "%s-%s", lo, hi);
	} else {
		assay_copy(num, sizeof num, lo);
	}
	if (!unit || !*unit)
		snprintf(out, size, "%s", num);
	else if (strcmp(unit, "%") == 0)
		snprintf(out, size, "%s%%", num);
	else if (is_currency(unit))
		snprintf(out, size, "%s %s", unit, num);
	else if (is_noun(unit) && (has_max || value != 1)) {
		plural(unit, noun, sizeof noun);
		snprintf(out, size, "%s %s", num, noun);
	} else
		snprintf(out, size, "%s %s", num, unit);
}

/* The factor of a scale word typed after a value ("2.5 bn", "300k"), any
 * case; "%" is 1. False for a word the extractor does not read as one. */
static bool scale_of(const char *w, double *factor)
{
	if (strcmp(w, "%") == 0) {
		*factor = 1;
		return true;
	}
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (strcasecmp(w, scales[i].surface) == 0) {
			*factor = strtod(scales[i].factor, NULL);
			return true;
		}
	return false;
}

bool assay_review_parse_value(const char *s, double *out)
{
	char num[64], *end;
	size_t n = 0;
	double v;

	while (*s == ' ')
		s++;
	for (; *s && n + 1 < sizeof num; s++)
		if (*s != ',' && *s != '_')
			num[n++] = *s;
	num[n] = '\0';
	v = strtod(num, &end);
	if (end == num || !isfinite(v))
		return false;
	while (*end == ' ')
		end++;
	if (*end) {
		size_t len = strlen(end);
		double factor;
		while (len && end[len - 1] == ' ')
			end[--len] = '\0';
		if (!scale_of(end, &factor))
			return false;
		v *= factor;
	}
	*out = v;
	return true;
}
