/* sitemap.c - sitemaps (<urlset>), sitemap indexes (<sitemapindex>) and
 * Google News sitemaps (news:publication_date, news:title).
 *
 * Gzipped sitemaps are inflated by the crawler before they get here, with
 * the same size cap as any body. A page's date is its news publication
 * date when given, else <lastmod>. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

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
	for (xmlNode *c = root->children; c && !rc; c = c->next)
		if (named(c, entry))
			rc = add_entry(c, base_url, out);
done:
	xmlFreeDoc(doc);
	return rc;
}
