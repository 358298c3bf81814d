/* serve_html.c - HTML escaping, safe-URL test, figure formatting and form
 * decoding for `assay serve`.
 *
 * serve_esc() is the only way scraped text reaches a page. It escapes the
 * five HTML-significant characters and the backtick, which is enough for
 * element text and for double-quoted attribute values alike, and it
 * replaces what a browser might reinterpret (NUL, other C0 controls, DEL,
 * malformed UTF-8) with U+FFFD, so the output is always valid UTF-8. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "serve_html.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Length of the valid UTF-8 sequence at @p (at most @n bytes), or 0. */
static size_t utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* The character reference for byte @c, or NULL when it passes as is. */
static const char *entity_of(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '`': return "&#96;";
	case '\t': case '\n': case '\r': return NULL;
	default: return c < 0x20 || c == 0x7F ? replacement : NULL;
	}
}

int serve_esc(struct assay_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	if (!s)
		return ASSAY_OK;
	while (i < n) {
		const char *ent = p[i] < 0x80 ? entity_of(p[i]) : NULL;
		size_t len = ent ? 0 : utf8_seq_len(p + i, n - i);

		if (!ent && len) {
			i += len;
			continue;
		}
		if (assay_buf_append(b, s + run, i - run) != ASSAY_OK ||
		    assay_buf_puts(b, ent ? ent : replacement) != ASSAY_OK)
			return ASSAY_ENOMEM;
		i++;
		run = i;
	}
	return assay_buf_append(b, s + run, n - run);
}

int serve_esc_str(struct assay_buf *b, const char *s)
{
	return s ? serve_esc(b, s, strlen(s)) : ASSAY_OK;
}

void serve_printf(struct serve_out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->rc != ASSAY_OK)
		return;
	va_start(ap, fmt);
	o->rc = assay_buf_vprintf(o->b, fmt, ap);
	va_end(ap);
}

void serve_text(struct serve_out *o, const char *s)
{
	if (o->rc == ASSAY_OK)
		o->rc = serve_esc_str(o->b, s);
}

void serve_textn(struct serve_out *o, const char *s, size_t n)
{
	if (o->rc == ASSAY_OK)
		o->rc = serve_esc(o->b, s, n);
}

void serve_urlarg(struct serve_out *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && !o->rc; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			o->rc = assay_buf_putc(o->b, (char)*p);
		else
			serve_printf(o, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

bool serve_url_is_web(const char *url)
{
	const char *host;

	if (!url)
		return false;
	if (strncasecmp(url, "http://", 7) == 0)
		host = url + 7;
	else if (strncasecmp(url, "https://", 8) == 0)
		host = url + 8;
	else
		return false;
	if (!*host || *host == '/' || *host == '?' || *host == '#')
		return false;
	for (const char *c = url; *c; c++)
		if ((unsigned char)*c <= 0x20 || *c == 0x7F)
			return false;
	return true;
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

void serve_fmt_number(double v, char *out, size_t size)
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

void serve_fmt_figure(double value, double value_max, bool has_max,
		      const char *unit, char *out, size_t size)
{
	char lo[64], hi[64], num[140], noun[48];

	serve_fmt_number(value, lo, sizeof lo);
	if (has_max) {
		serve_fmt_number(value_max, hi, sizeof hi);
		snprintf(num, sizeof num, "%s-%s", lo, hi);
	} else {
		snprintf(num, sizeof num, "%s", lo);
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

static const struct {
	const char *word;
	double scale;
} scale_words[] = {
	{"thousand", 1e3}, {"k", 1e3}, {"million", 1e6}, {"mln", 1e6}, {"m", 1e6},
	{"billion", 1e9}, {"bln", 1e9}, {"bn", 1e9}, {"trillion", 1e12}, {"%", 1},
};

bool serve_parse_value(const char *s, double *out)
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
		size_t i, len = strlen(end);
		while (len && end[len - 1] == ' ')
			end[--len] = '\0';
		for (i = 0; i < sizeof scale_words / sizeof scale_words[0]; i++)
			if (strcasecmp(end, scale_words[i].word) == 0)
				break;
		if (i == sizeof scale_words / sizeof scale_words[0])
			return false;
		v *= scale_words[i].scale;
	}
	*out = v;
	return true;
}

static int hex_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the urlencoded @s (@n bytes) into @out. */
static void url_decode(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o + 1 < size; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < n &&
			   hex_val(s[i + 1]) >= 0 && hex_val(s[i + 2]) >= 0) {
			out[o++] = (char)(hex_val(s[i + 1]) * 16 + hex_val(s[i + 2]));
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
}

bool serve_form_get(const char *body, size_t len, const char *name,
		    char *out, size_t size)
{
	size_t nlen = strlen(name), i = 0;

	if (size)
		out[0] = '\0';
	while (body && i < len) {
		size_t end = i, eq;

		while (end < len && body[end] != '&')
			end++;
		eq = i;
		while (eq < end && body[eq] != '=')
			eq++;
		if (eq - i == nlen && memcmp(body + i, name, nlen) == 0) {
			if (size)
				url_decode(body + eq + (eq < end), end - eq - (eq < end),
					   out, size);
			return true;
		}
		i = end + 1;
	}
	return false;
}
