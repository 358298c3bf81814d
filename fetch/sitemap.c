/* sitemap.c - sitemaps (<urlset>), sitemap indexes (<sitemapindex>) and
 * Google News sitemaps (news:publication_date, news:title).
 *
 * Gzipped sitemaps are inflated by the crawler before they get here, with
 * the same size cap as any body. A page's date is its news publication
 * date when given, else <lastmod>. A sitemap cut short (no closing tag of
 * its root) loses its last entry, which may be a half URL; a plain-text
 * sitemap (sitemaps.org: one absolute URL a line) is read too. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "strs.h"
#include "feed.h"
#include "xmltext.h"

static bool named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The text of the first descendant called @name, depth-first; free() it. */
static char *find_text(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		char *s;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (named(c, name))
			return xmltext_node(c, XMLTEXT_MAX);
		if ((s = find_text(c, name)))
			return s;
	}
	return NULL;
}

static int add_entry(const xmlNode *e, const char *base, struct assay_links *l)
{
	char *loc = find_text(e, "loc"), *date = find_text(e, "publication_date");
	char *title = find_text(e, "title");
	int rc;

	if (!date)
		date = find_text(e, "lastmod");
	rc = assay_links_add(l, base, loc, title, date);
	free(loc);
	free(date);
	free(title);
	return rc;
}

int assay_sitemap_sniff(const char *body, size_t len)
{
	size_t n = len < 2048 ? len : 2048;

	return mem_find(body, n, "<urlset", 7) || mem_find(body, n, "<sitemapindex", 13) ||
	       mem_find(body, n, ":urlset", 7) || mem_find(body, n, ":sitemapindex", 13);
}

/* Whether the document ends with the closing tag of its root, @root
 * (any namespace prefix): if not, it was cut off. */
static bool closed(const char *body, size_t len, const char *root)
{
	const char *e = body + len, *lt;
	size_t rn = strlen(root);

	while (e > body && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\t' ||
			    e[-1] == 0))
		e--;
	if (e == body || e[-1] != '>')
		return false;
	for (lt = e - 1; lt > body && *lt != '<'; lt--)
		;
	if (*lt != '<' || lt[1] != '/')
		return false;
	e--; /* at '>' */
	while (e > lt && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	return (size_t)(e - lt) >= rn + 2 && memcmp(e - rn, root, rn) == 0 &&
	       (e - rn == lt + 2 || e[-(long)rn - 1] == ':');
}

int assay_sitemap_parse_text(const char *body, size_t len, const char *base_url,
			     struct assay_links *out)
{
	const char *p = body, *end = body + len;
	size_t taken = 0;
	int rc = ASSAY_OK;

	while (p < end && !rc) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		size_t n;

		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		n = (size_t)(e - p);
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
			n--;
		if (n > 8 && n < 4096 && (strncasecmp(p, "http://", 7) == 0 ||
					  strncasecmp(p, "https://", 8) == 0) &&
		    !memchr(p, ' ', n) && !memchr(p, '<', n)) {
			char *url = strndup(p, n);
			rc = url ? assay_links_add(out, base_url, url, NULL, NULL) : ASSAY_ENOMEM;
			free(url);
			taken++;
		} else if (n && !taken) {
			return ASSAY_EPARSE; /* text, but not a list of URLs */
		}
		p = nl ? nl + 1 : end;
	}
	if (!rc && !taken)
		return ASSAY_EPARSE;
	out->kind = ASSAY_SRC_URLSET;
	return rc;
}

int assay_sitemap_parse(const char *body, size_t len, const char *base_url,
			struct assay_links *out)
{
	xmlDoc *doc;
	xmlNode *root;
	const char *entry;
	int rc = ASSAY_EPARSE;

	if (len > (size_t)INT32_MAX)
		return ASSAY_ETOOBIG;
	doc = xmlReadMemory(body, (int)len, base_url, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_RECOVER | XML_PARSE_NOCDATA);
	if (!doc)
		return ASSAY_EPARSE;
	root = xmlDocGetRootElement(doc);
	if (root && named(root, "urlset")) {
		out->kind = ASSAY_SRC_URLSET;
		entry = "url";
	} else if (root && named(root, "sitemapindex")) {
		out->kind = ASSAY_SRC_SITEMAPINDEX;
		entry = "sitemap";
	} else {
		goto done;
	}
	rc = ASSAY_OK;
	size_t first = out->n;
	for (xmlNode *c = root->children; c && !rc; c = c->next)
		if (named(c, entry))
			rc = add_entry(c, base_url, out);
	if (!rc && out->n > first && !closed(body, len, (const char *)root->name)) {
		struct assay_link *last = &out->v[--out->n]; /* may be a half URL */
		free(last->url);
		free(last->title);
	}
done:
	xmlFreeDoc(doc);
	return rc;
}
