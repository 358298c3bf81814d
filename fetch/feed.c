/* feed.c - links out of feeds: RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed, and
 * feed discovery in HTML (<link rel="alternate">).
 *
 * Feeds come from strangers: libxml2 parses with the network off and no
 * entity substitution, text is read through xmltext.h (entities expanded
 * under a budget, never by xmlNodeGetContent), and every link is resolved with curl's URL API
 * against the document's URL (and Atom's xml:base), so a relative link in
 * a local feed lands beside that feed. */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "assay.h"
#include "html_read.h"
#include "strs.h"
#include "feed.h"
#include "url.h"
#include "xmltext.h"

/* Feed media types an HTML page may announce for discovery. */
static const char *const feed_types[] = {
	"application/rss+xml", "application/atom+xml", "application/rdf+xml",
	"application/feed+json", "application/json", "text/xml", "application/xml", NULL,
};

int assay_links_add(struct assay_links *l, const char *base, const char *href,
		    const char *title, const char *date)
{
	struct assay_link *k;
	char *url = NULL;
	int rc;

	if (!href || !*href)
		return ASSAY_OK;
	rc = assay_url_resolve(base, href, &url);
	if (rc == ASSAY_EINVAL)
		return ASSAY_OK; /* a broken link is not the feed's end */
	if (rc)
		return rc;
	if (assay_array_reserve(&l->v, &l->cap, l->n + 1, sizeof *l->v)) {
		free(url);
		return ASSAY_ENOMEM;
	}
	k = &l->v[l->n];
	memset(k, 0, sizeof *k);
	k->url = url;
	if (title && !(k->title = strdup(title))) {
		free(url);
		return ASSAY_ENOMEM;
	}
	k->when = assay_parse_date(date, k->ymd);
	l->n++;
	return ASSAY_OK;
}

void assay_links_release(struct assay_links *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].url);
		free(l->v[i].title);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static bool named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

/* The trimmed text of the first child called @name; free() it. */
static char *child_text(const xmlNode *n, const char *name)
{
	xmlNode *c = child(n, name);

	return c ? xmltext_node(c, XMLTEXT_MAX) : NULL;
}

static char *attr(const xmlNode *n, const char *name)
{
	return xmltext_attr(n, name, XMLTEXT_MAX);
}

/* The first date an item gives, of the elements named in @names, in
 * order: publication first, modification last. Local names, so
 * dc:date, dcterms:issued and Atom 0.3's issued all count. */
static char *first_date(const xmlNode *it, const char *const *names)
{
	char *d = NULL;

	for (; *names && !d; names++)
		d = child_text(it, *names);
	return d;
}

static const char *const rss_dates[] = {"pubDate", "date", "issued", "created", "modified",
					"updated", NULL};
static const char *const atom_dates[] = {"published", "issued", "created", "updated",
					 "modified", "date", NULL};

/* An item's link: the first <link> whose rel is alternate or absent -
 * its href (Atom, and RSS items written Atom-style) or else its text
 * (RSS, and <link rel="alternate">URL</link>) - else the first other. */
static char *item_link(const xmlNode *it)
{
	char *fallback = NULL;

	for (xmlNode *c = it->children; c; c = c->next) {
		char *t, *rel;

		if (!named(c, "link"))
			continue;
		rel = attr(c, "rel");
		t = attr(c, "href");
		if (!t || !*t) {
			free(t);
			t = xmltext_node(c, XMLTEXT_MAX); /* RSS, and Atom written as RSS */
		}
		if (t && *t && (!rel || strcmp(rel, "alternate") == 0)) {
			free(rel);
			free(fallback);
			return t;
		}
		free(rel);
		if (!fallback && t && *t)
			fallback = t;
		else
			free(t);
	}
	return fallback;
}

static int add_item(struct assay_links *l, const char *base, char *href, char *title,
		    char *date)
{
	int rc = assay_links_add(l, base, href, title, date);

	free(href);
	free(title);
	free(date);
	return rc;
}

/* RSS 2.0 <item> and RSS 1.0 <item>: link (or a permalink guid), title,
 * pubDate or dc:date. */
static int rss_item(const xmlNode *it, const char *base, struct assay_links *l)
{
	char *href = item_link(it), *date = first_date(it, rss_dates);

	if (!href || !*href) {
		xmlNode *g = child(it, "guid");
		char *perma = g ? attr(g, "isPermaLink") : NULL;

		if (g && (!perma || strcmp(perma, "false") != 0)) {
			free(href);
			href = child_text(it, "guid");
		}
		free(perma);
	}
	if (!href)
		href = attr(it, "about"); /* RSS 1.0: rdf:about names the item */
	return add_item(l, base, href, child_text(it, "title"), date);
}

static int walk_rss(const xmlNode *root, const char *base, struct assay_links *l)
{
	const xmlNode *ch = child(root, "channel");
	int rc = ASSAY_OK;

	/* RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it. */
	for (int pass = 0; pass < 2 && !rc; pass++) {
		const xmlNode *parent = pass == 0 ? ch : root;

		for (xmlNode *c = parent ? parent->children : NULL; c && !rc; c = c->next)
			if (named(c, "item"))
				rc = rss_item(c, base, l);
	}
	return rc;
}

static int walk_atom(xmlDoc *doc, const xmlNode *root, const char *base, struct assay_links *l)
{
	int rc = ASSAY_OK;

	for (xmlNode *e = root->children; e && !rc; e = e->next) {
		xmlChar *xb;
		char *date;

		if (!named(e, "entry"))
			continue;
		date = first_date(e, atom_dates);
		/* xml:base on the feed or entry, already resolved by libxml2
		 * against the document URL. */
		xb = xmlNodeGetBase(doc, e);
		rc = add_item(l, xb ? (const char *)xb : base, item_link(e), child_text(e, "title"),
			      date);
		xmlFree(xb);
	}
	return rc;
}

static int parse_xml_feed(const char *body, size_t len, const char *base, struct assay_links *l)
{
	xmlDoc *doc;
	xmlNode *root;
	int rc = ASSAY_EPARSE;

	if (len > (size_t)INT32_MAX)
		return ASSAY_ETOOBIG;
	doc = xmlReadMemory(body, (int)len, base, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_RECOVER | XML_PARSE_NOCDATA);
	if (!doc)
		return ASSAY_EPARSE;
	root = xmlDocGetRootElement(doc);
	if (!root)
		goto done;
	if (named(root, "rss")) {
		l->kind = ASSAY_SRC_RSS;
		rc = walk_rss(root, base, l);
	} else if (named(root, "RDF")) {
		l->kind = ASSAY_SRC_RDF;
		rc = walk_rss(root, base, l);
	} else if (named(root, "feed")) {
		l->kind = ASSAY_SRC_ATOM;
		rc = walk_atom(doc, root, base, l);
	}
done:
	xmlFreeDoc(doc);
	return rc;
}

static bool is_feed_type(const char *t)
{
	for (const char *const *p = feed_types; *p; p++)
		if (strcasecmp(t, *p) == 0)
			return true;
	return false;
}

static bool rel_has_alternate(const char *rel)
{
	const char *p = str_find_ci(rel, "alternate");

	return p && (p == rel || p[-1] == ' ') && (p[9] == 0 || p[9] == ' ');
}

struct discovery {
	char *base;     /* the page URL, or its <base href> once seen */
	bool base_seen;
	struct assay_links *l;
};

static void take_base(struct discovery *d, const xmlNode *n)
{
	char *href = attr(n, "href"), *abs = NULL;

	d->base_seen = true;
	if (href && assay_url_resolve(d->base, href, &abs) == ASSAY_OK) {
		free(d->base);
		d->base = abs;
	}
	free(href);
}

/* An article page links its site's feeds too; what tells it from a
 * front page is its own word: og:type "article", or a JSON-LD Article,
 * NewsArticle, BlogPosting (any "...Article" type). */
static void note_article(struct discovery *d, const xmlNode *n)
{
	if (named(n, "meta")) {
		char *prop = attr(n, "property"), *content = attr(n, "content");
		if (prop && content && strcasecmp(prop, "og:type") == 0 &&
		    strncasecmp(content, "article", 7) == 0)
			d->l->is_article = true;
		free(prop);
		free(content);
	} else if (named(n, "script")) {
		char *type = attr(n, "type");
		char *text = type && strcasecmp(type, "application/ld+json") == 0
				     ? xmltext_node(n, 256u << 10)
				     : NULL;
		if (text && (strstr(text, "Article\"") || strstr(text, "BlogPosting\"")))
			d->l->is_article = true;
		free(text);
		free(type);
	}
}

/* <link rel="alternate" type="application/rss+xml" href="...">, resolved
 * against <base href> when the page sets one. */
static int discover(const xmlNode *n, struct discovery *d)
{
	int rc = ASSAY_OK;

	for (; n && !rc; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (named(n, "base") && !d->base_seen) {
			take_base(d, n);
		} else if (named(n, "link")) {
			char *rel = attr(n, "rel"), *type = attr(n, "type");
			if (rel && type && rel_has_alternate(rel) && is_feed_type(type))
				rc = add_item(d->l, d->base, attr(n, "href"), attr(n, "title"), NULL);
			free(rel);
			free(type);
		} else {
			note_article(d, n);
		}
		if (!rc && !named(n, "script"))
			rc = discover(n->children, d);
	}
	return rc;
}

static int parse_html(const char *body, size_t len, const char *base, struct assay_links *l)
{
	struct discovery d = {.l = l};
	htmlDocPtr doc;
	int rc;

	if (len > (size_t)INT32_MAX)
		return ASSAY_ETOOBIG;
	if (!(d.base = strdup(base)))
		return ASSAY_ENOMEM;
	rc = assay_html_read(body, len, NULL, base,
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_RECOVER,
			     &doc);
	if (rc != ASSAY_OK || !doc) {
		free(d.base);
		return rc != ASSAY_OK ? rc : ASSAY_EPARSE;
	}
	l->kind = ASSAY_SRC_HTML;
	rc = discover(xmlDocGetRootElement(doc), &d);
	free(d.base);
	xmlFreeDoc(doc);
	return rc;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int parse_json_feed(const char *body, size_t len, const char *base, struct assay_links *l)
{
	json_t *root = json_loadb(body, len, 0, NULL), *items;
	const char *ver;
	size_t i;
	json_t *it;
	int rc = ASSAY_EPARSE;

	if (!root)
		return ASSAY_EPARSE;
	ver = jstr(root, "version");
	items = json_object_get(root, "items");
	if (!ver || strncmp(ver, "https://jsonfeed.org/version/", 29) != 0 || !json_is_array(items))
		goto done;
	l->kind = ASSAY_SRC_JSONFEED;
	rc = ASSAY_OK;
	json_array_foreach(items, i, it) {
		const char *url = jstr(it, "url"), *date = jstr(it, "date_published");

		if (!url)
			url = jstr(it, "external_url");
		if (!date)
			date = jstr(it, "date_modified");
		rc = assay_links_add(l, base, url, jstr(it, "title"), date);
		if (rc)
			break;
	}
done:
	json_decref(root);
	return rc;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	return p;
}

static bool looks_html(const char *p, const char *end)
{
	size_t n = (size_t)(end - p) < 512 ? (size_t)(end - p) : 512;
	char head[513];

	memcpy(head, p, n);
	head[n] = 0;
	return str_find_ci(head, "<!doctype html") || str_find_ci(head, "<html");
}

int assay_source_parse(const char *body, size_t len, const char *base_url,
		       struct assay_links *out)
{
	const char *p = skip_space(body, body + len);

	if (p < body + len && *p == '{')
		return parse_json_feed(body, len, base_url, out);
	if (looks_html(p, body + len))
		return parse_html(body, len, base_url, out);
	if (assay_sitemap_sniff(body, len))
		return assay_sitemap_parse(body, len, base_url, out);
	if (p < body + len && *p != '<')
		return assay_sitemap_parse_text(p, (size_t)(body + len - p), base_url, out);
	return parse_xml_feed(body, len, base_url, out);
}
