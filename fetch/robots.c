/* robots.c - RFC 9309 robots.txt: groups, longest match, Allow, '*' and
 * '$', Crawl-delay and Sitemap lines.
 *
 * Matching is iterative with one backtrack point per '*', so a hostile
 * pattern of many stars costs O(pattern x path), never exponential time.
 * Only the first 500 KiB are parsed, as the RFC allows.
 *
 * Where the RFC leaves room, the file is read as the most widely used
 * parser (Google's) reads it, which is also the safe reading: a UTF-8 BOM
 * is skipped; CR, LF and CRLF all end a line; a line is cut after 16,663
 * bytes (a cut Disallow pattern is a prefix, so it denies more, not
 * less); "disallow /" without its colon counts when key and value are the
 * only two words; common misspellings of the keys count. Patterns and
 * paths are compared in one spelling (see normalise()). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "assay.h"
#include "robots.h"

#define ROBOTS_PARSE_MAX (500u * 1024)
#define ROBOTS_LINE_MAX (2083u * 8 - 1)

struct rule {
	char *pat;
	size_t len; /* specificity: the pattern's length in octets */
	bool allow;
};

struct rules {
	struct rule *v;
	size_t n, cap;
	double delay;
	bool seen; /* a group for this agent exists */
};

struct assay_robots {
	struct rules mine, star; /* after parsing: the chosen set is in mine */
	char **sitemaps;
	size_t nsitemaps;
};

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static bool unreserved(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

/* One spelling for patterns and paths (RFC 9309 2.2.2): bytes outside
 * printable ASCII are percent-encoded, an encoded unreserved character is
 * decoded ("%62" is "b"), and every other escape is written in upper case
 * ("%e3" is "%E3"; curl writes the escapes it makes in lower case).
 * Returns a new string of *outlen bytes, or NULL when out of memory. */
static char *normalise(const char *s, size_t n, size_t *outlen)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = malloc(n * 3 + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int hi, lo;

		if (ch == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0) {
			int v = hi * 16 + lo;
			if (unreserved(v)) {
				*o++ = (char)v;
			} else {
				*o++ = '%';
				*o++ = hex[hi];
				*o++ = hex[lo];
			}
			i += 2;
		} else if (ch <= 0x20 || ch >= 0x7f) {
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		} else {
			*o++ = (char)ch;
		}
	}
	*o = 0;
	*outlen = (size_t)(o - out);
	return out;
}

static int push_rule(struct rules *rs, const char *pat, size_t len, bool allow)
{
	if (assay_array_reserve(&rs->v, &rs->cap, rs->n + 1, sizeof *rs->v))
		return ASSAY_ENOMEM;
	if (!(rs->v[rs->n].pat = normalise(pat, len, &rs->v[rs->n].len)))
		return ASSAY_ENOMEM;
	rs->v[rs->n].allow = allow;
	rs->n++;
	return ASSAY_OK;
}

static void free_rules(struct rules *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->v[i].pat);
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}

void assay_robots_free(struct assay_robots *r)
{
	if (!r)
		return;
	free_rules(&r->mine);
	free_rules(&r->star);
	for (size_t i = 0; i < r->nsitemaps; i++)
		free(r->sitemaps[i]);
	free(r->sitemaps);
	free(r);
}

int assay_robots_allow_all(struct assay_robots **out)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return ASSAY_ENOMEM;
	(*out)->mine.delay = -1;
	return ASSAY_OK;
}

/* One line split as "key: value", comments and blanks trimmed. */
struct line {
	const char *key, *val;
	size_t klen, vlen;
};

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static void trim(const char **p, size_t *n)
{
	while (*n && isspace((unsigned char)(*p)[0]))
		(*p)++, (*n)--;
	while (*n && isspace((unsigned char)(*p)[*n - 1]))
		(*n)--;
}

/* Where the key ends: at the colon, or - the colon forgotten - at the
 * blank between exactly two words ("disallow /"). NULL: not a rule. */
static const char *key_end(const char *p, size_t n)
{
	const char *colon = memchr(p, ':', n), *sp, *v, *e = p + n;

	if (colon)
		return colon;
	for (sp = p; sp < e && !is_blank(*sp); sp++)
		;
	if (sp == e)
		return NULL;
	for (v = sp; v < e && is_blank(*v); v++)
		;
	for (; v < e; v++)
		if (is_blank(*v))
			return NULL; /* three words or more: not a rule */
	return sp;
}

static bool split_line(const char *p, size_t n, struct line *l)
{
	const char *e = memchr(p, '#', n), *sep;

	if (e)
		n = (size_t)(e - p);
	trim(&p, &n);
	if (!n || !(sep = key_end(p, n)))
		return false;
	l->key = p;
	l->klen = (size_t)(sep - p);
	trim(&l->key, &l->klen);
	l->val = sep + (*sep == ':');
	l->vlen = n - (size_t)(l->val - p);
	trim(&l->val, &l->vlen);
	return true;
}

static bool key_is(const struct line *l, const char *k)
{
	return strlen(k) == l->klen && strncasecmp(l->key, k, l->klen) == 0;
}

/* @keys: the key and the misspellings read as it, NULL-terminated. */
static bool key_in(const struct line *l, const char *const *keys)
{
	for (; *keys; keys++)
		if (key_is(l, *keys))
			return true;
	return false;
}

static const char *const k_agent[] = {"user-agent", "useragent", "user agent", NULL};
static const char *const k_allow[] = {"allow", NULL};
static const char *const k_disallow[] = {"disallow", "dissallow", "dissalow", "disalow",
					 "diasllow", "disallaw", NULL};
static const char *const k_sitemap[] = {"sitemap", "site-map", NULL};

/* Parser state: which sets the current group's rules go to. */
struct group {
	bool mine, star, in_rules;
};

static void start_agent(struct assay_robots *r, struct group *g, const struct line *l,
			const char *token)
{
	size_t tl = strlen(token), n = 0;

	while (n < l->vlen && !strchr(" \t/", l->val[n])) /* the text is not NUL-terminated */
		n++;
	if (g->in_rules)
		*g = (struct group){0};
	if (n > l->vlen)
		n = l->vlen;
	if (n == 1 && l->val[0] == '*')
		g->star = r->star.seen = true;
	else if (n == tl && strncasecmp(l->val, token, tl) == 0)
		g->mine = r->mine.seen = true;
}

static int add_rule(struct assay_robots *r, struct group *g, const struct line *l, bool allow)
{
	int rc = ASSAY_OK;

	g->in_rules = true;
	if (l->vlen == 0)
		return ASSAY_OK; /* "Disallow:" alone: allows all */
	if (g->mine)
		rc = push_rule(&r->mine, l->val, l->vlen, allow);
	if (!rc && g->star)
		rc = push_rule(&r->star, l->val, l->vlen, allow);
	return rc;
}

static void set_delay(struct group *g, struct assay_robots *r, const struct line *l)
{
	char buf[32];
	double d;
	size_t n = l->vlen < sizeof buf - 1 ? l->vlen : sizeof buf - 1;

	g->in_rules = true;
	memcpy(buf, l->val, n);
	buf[n] = 0;
	d = strtod(buf, NULL);
	if (d < 0 || d != d)
		return;
	if (g->mine)
		r->mine.delay = d;
	if (g->star)
		r->star.delay = d;
}

static int add_sitemap(struct assay_robots *r, const struct line *l)
{
	if (assay_array_grow(&r->sitemaps, r->nsitemaps, sizeof *r->sitemaps))
		return ASSAY_ENOMEM;
	if (!(r->sitemaps[r->nsitemaps] = strndup(l->val, l->vlen)))
		return ASSAY_ENOMEM;
	r->nsitemaps++;
	return ASSAY_OK;
}

static int parse_line(struct assay_robots *r, struct group *g, const struct line *l,
		      const char *token)
{
	if (key_in(l, k_agent))
		start_agent(r, g, l, token);
	else if (key_in(l, k_allow))
		return add_rule(r, g, l, true);
	else if (key_in(l, k_disallow))
		return add_rule(r, g, l, false);
	else if (key_is(l, "crawl-delay"))
		set_delay(g, r, l);
	else if (key_in(l, k_sitemap) && l->vlen)
		return add_sitemap(r, l);
	return ASSAY_OK;
}

/* The length of the line at @p: up to its CR or LF. */
static size_t line_len(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] != '\r' && p[i] != '\n')
		i++;
	return i;
}

int assay_robots_parse(const char *txt, size_t len, const char *token,
		       struct assay_robots **out)
{
	struct assay_robots *r;
	struct group g = {0};
	const char *p = txt, *end;
	int rc = ASSAY_OK;

	if ((rc = assay_robots_allow_all(&r)))
		return rc;
	r->star.delay = -1;
	end = txt + (len > ROBOTS_PARSE_MAX ? ROBOTS_PARSE_MAX : len);
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && !rc) {
		size_t n = line_len(p, (size_t)(end - p)), keep = n;
		struct line l;

		if (keep > ROBOTS_LINE_MAX)
			keep = ROBOTS_LINE_MAX;
		if (split_line(p, keep, &l))
			rc = parse_line(r, &g, &l, token);
		p += n;
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
	if (rc) {
		assay_robots_free(r);
		return rc;
	}
	if (!r->mine.seen) { /* no group names us: the "*" groups apply */
		struct rules t = r->mine;
		r->mine = r->star;
		r->star = t;
	}
	free_rules(&r->star);
	*out = r;
	return ASSAY_OK;
}

bool assay_robots_match(const char *pat, const char *s)
{
	size_t plen = strlen(pat), p = 0, i = 0, star_i = 0;
	long star_p = -1;
	bool anchored = plen && pat[plen - 1] == '$';

	if (anchored)
		plen--;
	for (;;) {
		if (p == plen && (!anchored || s[i] == 0))
			return true;
		if (p < plen && pat[p] == '*') {
			star_p = (long)p++;
			star_i = i;
			continue;
		}
		if (p < plen && s[i] && pat[p] == s[i]) {
			p++;
			i++;
			continue;
		}
		if (star_p < 0 || s[star_i] == 0)
			return false;
		p = (size_t)star_p + 1;
		i = ++star_i;
	}
}

bool assay_robots_allowed(const struct assay_robots *r, const char *pathq)
{
	size_t best = 0, plen;
	bool allow = true, any = false;
	char *path;

	if (!r || strcmp(pathq, "/robots.txt") == 0 || !r->mine.n)
		return true;
	if (!(path = normalise(pathq, strlen(pathq), &plen)))
		return false; /* out of memory: not fetching is the safe answer */
	for (size_t i = 0; i < r->mine.n; i++) {
		const struct rule *ru = &r->mine.v[i];

		if (!assay_robots_match(ru->pat, path))
			continue;
		if (!any || ru->len > best || (ru->len == best && ru->allow)) {
			allow = ru->allow;
			best = ru->len;
			any = true;
		}
	}
	free(path);
	return allow;
}

double assay_robots_crawl_delay(const struct assay_robots *r)
{
	return r ? r->mine.delay : -1;
}

size_t assay_robots_sitemaps(const struct assay_robots *r, const char *const **out)
{
	*out = (const char *const *)r->sitemaps;
	return r->nsitemaps;
}
