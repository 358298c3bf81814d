/* canon.c - URL canonicalization (see canon.h).
 *
 * curl splits the URL once into scheme, host, port, path and query, as
 * written (common/url.h); each part is normalised here on its own and the
 * parts are joined again. Parameter order is
 * not meaningful to the sites we read, so the kept parameters are sorted:
 * the same page linked from two feeds gets one identity. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "canon.h"
#include "url.h"
#include "tracking_params.h"

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

/* Host in lowercase, without a trailing dot, and the port unless it is
 * the scheme's default; user name and password never name a different
 * article, and curl has left them out. */
static int put_authority(const struct assay_url_parts *p, bool https, struct assay_buf *out)
{
	const char *h = p->host ? p->host : "";
	size_t hostlen = strlen(h);
	int rc = ASSAY_OK;

	while (hostlen && h[hostlen - 1] == '.')
		hostlen--;
	for (size_t i = 0; i < hostlen && !rc; i++)
		rc = assay_buf_putc(out, (char)tolower((unsigned char)h[i]));
	if (!rc && p->port && strcmp(p->port, https ? "443" : "80") != 0)
		rc = assay_buf_printf(out, ":%s", p->port);
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

/* The URL between the spaces around it: where it starts, and in *n its
 * length. */
static const char *trim(const char *url, size_t *n)
{
	while (isspace((unsigned char)*url))
		url++;
	*n = strlen(url);
	while (*n && isspace((unsigned char)url[*n - 1]))
		(*n)--;
	return url;
}

static int put_trimmed(const char *url, struct assay_buf *out)
{
	size_t n;

	url = trim(url, &n);
	return n ? assay_buf_append(out, url, n) : ASSAY_EINVAL;
}

/* The URL between the spaces around it, as a new string. */
static char *trimmed(const char *url)
{
	size_t n;

	url = trim(url, &n);
	return strndup(url, n);
}

static int put_canonical(const struct assay_url_parts *p, bool https, struct assay_buf *out)
{
	int rc = assay_buf_puts(out, https ? "https://" : "http://");

	if (!rc)
		rc = put_authority(p, https, out);
	if (!rc)
		rc = put_path(p->path ? p->path : "", p->path ? strlen(p->path) : 0, out);
	if (!rc && p->query)
		rc = put_query(p->query, strlen(p->query), out);
	return rc;
}

static int canon_once(const char *url, struct assay_buf *out)
{
	struct assay_url_parts p;
	size_t base = out->len;
	bool https;
	char *u;
	int rc;

	if (!url)
		return ASSAY_EINVAL;
	u = trimmed(url);
	if (!u)
		return ASSAY_ENOMEM;
	rc = assay_url_parts(u, &p);
	if (rc == ASSAY_EINVAL || (!rc && (!p.host || !*p.host))) {
		assay_url_parts_release(&p);
		rc = put_trimmed(u, out); /* not a URL curl reads: kept as given */
		free(u);
		return rc;
	}
	https = !rc && strcasecmp(p.scheme, "https") == 0;
	if (!rc && !https && strcasecmp(p.scheme, "http") != 0)
		rc = put_trimmed(u, out);
	else if (!rc)
		rc = put_canonical(&p, https, out);
	if (rc) {
		out->len = base;
		if (out->data)
			out->data[base] = '\0';
	}
	assay_url_parts_release(&p);
	free(u);
	return rc;
}

/* Canonicalization must be idempotent, or two fetches of one article get
 * two identities. curl reads some malformed URLs ("https:/.//r\xe5l/15")
 * into parts that print as a URL it then reads differently; such a URL is
 * kept as given (trimmed), like any other URL curl does not read. */
int assay_canonical_url(const char *url, struct assay_buf *out)
{
	struct assay_buf again = {0};
	size_t base = out->len;
	bool fresh = out->data == NULL; /* on failure, hand the buffer back as it came */
	int rc = canon_once(url, out);

	if (rc)
		return rc;
	rc = canon_once(out->data + base, &again);
	if (rc == ASSAY_OK && strcmp(again.data ? again.data : "", out->data + base) != 0) {
		char *u = trimmed(url);
		out->len = base;
		out->data[base] = '\0';
		rc = u ? put_trimmed(u, out) : ASSAY_ENOMEM;
		free(u);
	}
	assay_buf_release(&again);
	if (rc && fresh) {
		assay_buf_release(out);
	} else if (rc) {
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
