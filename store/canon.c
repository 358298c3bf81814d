/* canon.c - URL canonicalization (see canon.h).
 *
 * The URL is split once into scheme, authority, path, query; each part is
 * normalised on its own and the parts are joined again. Parameter order is
 * not meaningful to the sites we read, so the kept parameters are sorted:
 * the same page linked from two feeds gets one identity. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "canon.h"
#include "tracking_params.h"

struct parts {
	const char *scheme, *auth, *path, *query;
	size_t scheme_len, auth_len, path_len, query_len;
};

static bool is_tracking(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof tracking_params / sizeof tracking_params[0]; i++) {
		const char *t = tracking_params[i];
		size_t tl = strlen(t);

		if (t[tl - 1] == '*') {
			if (n >= tl - 1 && strncasecmp(name, t, tl - 1) == 0)
				return true;
		} else if (n == tl && strncasecmp(name, t, n) == 0) {
			return true;
		}
	}
	return false;
}

static bool split(const char *u, size_t len, struct parts *p)
{
	const char *end = u + len, *colon = memchr(u, ':', len), *q;

	memset(p, 0, sizeof *p);
	if (!colon || colon == u || end - colon < 3 || colon[1] != '/' || colon[2] != '/')
		return false;
	p->scheme = u;
	p->scheme_len = (size_t)(colon - u);
	p->auth = colon + 3;
	q = p->auth;
	while (q < end && *q != '/' && *q != '?' && *q != '#')
		q++;
	p->auth_len = (size_t)(q - p->auth);
	p->path = q;
	while (q < end && *q != '?' && *q != '#')
		q++;
	p->path_len = (size_t)(q - p->path);
	if (q < end && *q == '?') {
		p->query = ++q;
		while (q < end && *q != '#')
			q++;
		p->query_len = (size_t)(q - p->query);
	}
	return p->auth_len > 0;
}

/* Host in lowercase, without a default port or a trailing dot; userinfo
 * is dropped (it never names a different article). */
static int put_authority(const struct parts *p, bool https, struct assay_buf *out)
{
	const char *a = p->auth, *end = p->auth + p->auth_len, *at, *port, *bracket;
	size_t hostlen;
	int rc = ASSAY_OK;

	for (at = end; at > a && at[-1] != '@'; at--) /* userinfo ends at the last '@' */
		;
	a = at;
	/* The port starts at the first ':' after the host (after the ']' of an
	 * IPv6 literal): with the last one, "h::80" kept "h:" as the host and
	 * a second pass read that as an empty port, so the form changed. */
	bracket = a < end && a[0] == '[' ? memchr(a, ']', (size_t)(end - a)) : NULL;
	port = bracket ? memchr(bracket, ':', (size_t)(end - bracket))
		       : memchr(a, ':', (size_t)(end - a));
	hostlen = (size_t)((port ? port : end) - a);
	while (hostlen && a[hostlen - 1] == '.')
		hostlen--;
	for (size_t i = 0; i < hostlen && !rc; i++)
		rc = assay_buf_putc(out, (char)tolower((unsigned char)a[i]));
	if (port && !rc) {
		size_t pl = (size_t)(end - port - 1);
		bool dflt = pl == 0 || (https && pl == 3 && !memcmp(port + 1, "443", 3)) ||
			    (!https && pl == 2 && !memcmp(port + 1, "80", 2));

		if (!dflt)
			rc = assay_buf_append(out, port, (size_t)(end - port));
	}
	return rc;
}

/* Copies a path or query piece with percent escapes in uppercase. */
static int put_escaped(const char *s, size_t n, struct assay_buf *out)
{
	int rc = ASSAY_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char e[3] = {'%', (char)toupper((unsigned char)s[i + 1]),
				     (char)toupper((unsigned char)s[i + 2])};

			rc = assay_buf_append(out, e, 3);
			i += 2;
		} else if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f) {
			/* never literal in a URL; escaped, so that trimming the
			 * ends of a canonical URL can no longer change it */
			rc = assay_buf_printf(out, "%%%02X", (unsigned char)s[i]);
		} else {
			rc = assay_buf_putc(out, s[i]);
		}
	}
	return rc;
}

/* Resolves "." and ".." segments and drops empty segments and the trailing
 * slash; the root stays "/". */
static int put_path(const char *p, size_t n, struct assay_buf *out)
{
	size_t base = out->len;
	size_t i = 0;
	int rc = ASSAY_OK;

	while (i < n && !rc) {
		size_t j = i;

		while (j < n && p[j] != '/')
			j++;
		if (j - i == 2 && p[i] == '.' && p[i + 1] == '.') {
			while (out->len > base && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > base)
				out->len--;
			out->data[out->len] = '\0';
		} else if (j > i && !(j - i == 1 && p[i] == '.')) {
			rc = assay_buf_putc(out, '/');
			if (!rc)
				rc = put_escaped(p + i, j - i, out);
		}
		i = j + 1;
	}
	if (!rc && out->len == base)
		rc = assay_buf_putc(out, '/');
	return rc;
}

struct param {
	const char *s;
	size_t n;
};

static int cmp_param(const void *a, const void *b)
{
	const struct param *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, n);

	return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* Parameters are escaped first and sorted as escaped: sorting the raw
 * bytes put "%7e" after "%7F" and a control byte before '"', an order a
 * second pass over the escaped form would change. */
static int put_query(const char *q, size_t n, struct assay_buf *out)
{
	struct assay_buf esc = {0}; /* every kept parameter, escaped, one after another */
	struct param *ps = calloc(n / 2 + 1, sizeof *ps);
	size_t *at = calloc(n / 2 + 1, sizeof *at);
	size_t np = 0, i = 0;
	int rc = ps && at ? ASSAY_OK : ASSAY_ENOMEM;

	while (i < n && !rc) {
		size_t j = i, name;

		while (j < n && q[j] != '&' && q[j] != ';')
			j++;
		for (name = i; name < j && q[name] != '='; name++)
			;
		if (j > i && !is_tracking(q + i, name - i)) {
			at[np] = esc.len;
			rc = put_escaped(q + i, j - i, &esc);
			ps[np].n = esc.len - at[np];
			np++;
		}
		i = j + 1;
	}
	for (size_t k = 0; k < np && !rc; k++)
		ps[k].s = esc.data + at[k];
	if (!rc)
		qsort(ps, np, sizeof *ps, cmp_param);
	for (size_t k = 0; k < np && !rc; k++) {
		rc = assay_buf_putc(out, k ? '&' : '?');
		if (!rc)
			rc = assay_buf_append(out, ps[k].s, ps[k].n);
	}
	assay_buf_release(&esc);
	free(at);
	free(ps);
	return rc;
}

static int put_trimmed(const char *url, struct assay_buf *out)
{
	size_t n;

	while (isspace((unsigned char)*url))
		url++;
	n = strlen(url);
	while (n && isspace((unsigned char)url[n - 1]))
		n--;
	return n ? assay_buf_append(out, url, n) : ASSAY_EINVAL;
}

int assay_canonical_url(const char *url, struct assay_buf *out)
{
	struct parts p;
	size_t base = out->len, n;
	bool https;
	int rc;

	if (!url)
		return ASSAY_EINVAL;
	while (isspace((unsigned char)*url))
		url++;
	n = strlen(url);
	while (n && isspace((unsigned char)url[n - 1]))
		n--;
	if (!split(url, n, &p))
		return put_trimmed(url, out);
	https = p.scheme_len == 5 && strncasecmp(p.scheme, "https", 5) == 0;
	if (!https && !(p.scheme_len == 4 && strncasecmp(p.scheme, "http", 4) == 0))
		return put_trimmed(url, out);
	rc = assay_buf_puts(out, https ? "https://" : "http://");
	if (!rc)
		rc = put_authority(&p, https, out);
	if (!rc)
		rc = put_path(p.path, p.path_len, out);
	if (!rc && p.query)
		rc = put_query(p.query, p.query_len, out);
	if (rc) {
		out->len = base;
		if (out->data)
			out->data[base] = '\0';
	}
	return rc;
}

static bool is_absolute_http(const char *u)
{
	return u && (strncasecmp(u, "http://", 7) == 0 || strncasecmp(u, "https://", 8) == 0);
}

int assay_article_url(const char *fetched_url, const char *rel_canonical,
		      struct assay_buf *out)
{
	if (is_absolute_http(rel_canonical))
		return assay_canonical_url(rel_canonical, out);
	return assay_canonical_url(fetched_url, out);
}
