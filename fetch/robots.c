/* robots.c - RFC 9309 robots.txt: groups, longest match, Allow, '*' and
 * '$', Crawl-delay and Sitemap lines.
 *
 * Matching is iterative with one backtrack point per '*', so a hostile
 * pattern of many stars costs O(pattern x path), never exponential time.
 * Only the first 500 KiB are parsed, as the RFC allows. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "robots.h"

#define ROBOTS_PARSE_MAX (500u * 1024)

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

static int push_rule(struct rules *rs, const char *pat, size_t len, bool allow)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 8;
		void *p = realloc(rs->v, cap * sizeof *rs->v);
		if (!p)
			return ASSAY_ENOMEM;
		rs->v = p;
		rs->cap = cap;
	}
	if (!(rs->v[rs->n].pat = strndup(pat, len)))
		return ASSAY_ENOMEM;
	rs->v[rs->n].len = len;
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

static bool split_line(const char *p, size_t n, struct line *l)
{
	const char *e = memchr(p, '#', n), *colon;

	if (e)
		n = (size_t)(e - p);
	colon = memchr(p, ':', n);
	if (!colon)
		return false;
	l->key = p;
	l->klen = (size_t)(colon - p);
	while (l->klen && isspace((unsigned char)l->key[0]))
		l->key++, l->klen--;
	while (l->klen && isspace((unsigned char)l->key[l->klen - 1]))
		l->klen--;
	l->val = colon + 1;
	l->vlen = n - (size_t)(l->val - p);
	while (l->vlen && isspace((unsigned char)l->val[0]))
		l->val++, l->vlen--;
	while (l->vlen && isspace((unsigned char)l->val[l->vlen - 1]))
		l->vlen--;
	return true;
}

static bool key_is(const struct line *l, const char *k)
{
	return strlen(k) == l->klen && strncasecmp(l->key, k, l->klen) == 0;
}

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
	void *p = realloc(r->sitemaps, (r->nsitemaps + 1) * sizeof *r->sitemaps);

	if (!p)
		return ASSAY_ENOMEM;
	r->sitemaps = p;
	if (!(r->sitemaps[r->nsitemaps] = strndup(l->val, l->vlen)))
		return ASSAY_ENOMEM;
	r->nsitemaps++;
	return ASSAY_OK;
}

static int parse_line(struct assay_robots *r, struct group *g, const struct line *l,
		      const char *token)
{
	if (key_is(l, "user-agent"))
		start_agent(r, g, l, token);
	else if (key_is(l, "allow"))
		return add_rule(r, g, l, true);
	else if (key_is(l, "disallow"))
		return add_rule(r, g, l, false);
	else if (key_is(l, "crawl-delay"))
		set_delay(g, r, l);
	else if (key_is(l, "sitemap") && l->vlen)
		return add_sitemap(r, l);
	return ASSAY_OK;
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
	while (p < end && !rc) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct line l;

		if (split_line(p, n, &l))
			rc = parse_line(r, &g, &l, token);
		p += n + 1;
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
	size_t best = 0;
	bool allow = true, any = false;

	if (!r || strcmp(pathq, "/robots.txt") == 0)
		return true;
	for (size_t i = 0; i < r->mine.n; i++) {
		const struct rule *ru = &r->mine.v[i];

		if (!assay_robots_match(ru->pat, pathq))
			continue;
		if (!any || ru->len > best || (ru->len == best && ru->allow)) {
			allow = ru->allow;
			best = ru->len;
			any = true;
		}
	}
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
