/* html.c - HTML escaping, safe-URL test and form decoding for `assay
 * serve` (figures are worded by review/wording.c).
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
#include "html.h"
#include "utf8.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

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
		size_t len = ent ? 0 : assay_utf8_len((const char *)p + i, n - i);

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

void serve_url_decode(const char *s, size_t n, char *out, size_t size)
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
				serve_url_decode(body + eq + (eq < end), end - eq - (eq < end),
					   out, size);
			return true;
		}
		i = end + 1;
	}
	return false;
}
