/* test_corpus.c - the sample corpus is what its gold says it is.
 *
 * For every line of corpus/gold.jsonl there is a page corpus/<seed>.html
 * whose rendered text holds the seed's lines in order, its `must` strings
 * (article) and its `must_not` strings (furniture a cleaner must drop); the
 * page carries the metadata a WordPress news theme emits; the feed lists
 * exactly the gold's pages by relative link.
 *
 * "Rendered text" is what a text browser shows of <body>: text nodes and
 * <img alt> outside script/style/noscript/template/textarea/select, a space
 * at every element boundary that is not inline, whitespace runs (no-break
 * spaces included) collapsed to one space. Seed lines and gold strings are
 * collapsed the same way before they are compared. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "assay.h"
#include "buf.h"
#include "file.h"

#define MAX_SEEDS 64
#define PAGE_MAX (8u << 20)

/* Elements whose content a reader never sees. */
static const char *const hidden_tags[] = {
	"script", "style", "noscript", "template", "textarea", "select", "svg",
	NULL,
};

/* Elements that flow inside a line: no space is added at their edges. */
static const char *const inline_tags[] = {
	"a", "span", "strong", "em", "b", "i", "small", "img", "sup", "sub",
	"abbr", "time", "label", "code", "u", "mark", "cite", "q", "s", "del",
	"ins", "font", NULL,
};

struct seed {
	char name[128];  /* "000_1b7ad7fa106c10fe" */
	json_t *gold;    /* one parsed gold line (owned) */
};

static struct seed seeds[MAX_SEEDS];
static size_t nseeds;

static const char *root(void)
{
	const char *r = getenv("ASSAY_SOURCE_ROOT");

	return r && *r ? r : ".";
}

static void corpus_path(char *out, size_t n, const char *file)
{
	int k = snprintf(out, n, "%s/corpus/%s", root(), file);

	cr_assert(k > 0 && (size_t)k < n, "path too long: %s", file);
}

/* corpus/<dir><name><ext>, e.g. corpus/seeds/000_1b7ad7fa106c10fe.txt */
static void seed_path(char *out, size_t n, const char *dir, const char *name, const char *ext)
{
	int k = snprintf(out, n, "%s/corpus/%s%s%s", root(), dir, name, ext);

	cr_assert(k > 0 && (size_t)k < n, "path too long: %s", name);
}

static bool in_list(const char *const *list, const char *name)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/* Reads corpus/gold.jsonl into seeds[]; one JSON object per line. */
static void load_gold(void)
{
	char path[4096];
	struct assay_buf b = {0};

	corpus_path(path, sizeof path, "gold.jsonl");
	cr_assert_eq(assay_read_file(path, PAGE_MAX, &b), ASSAY_OK,
		     "cannot read %s", path);
	nseeds = 0;
	for (char *line = b.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line)
			continue;
		json_error_t err;
		json_t *g = json_loads(line, 0, &err);
		cr_assert_not_null(g, "gold line %zu: %s", nseeds + 1, err.text);
		const char *seed = json_string_value(json_object_get(g, "seed"));
		cr_assert_not_null(seed, "gold line %zu has no seed", nseeds + 1);
		cr_assert_lt(nseeds, MAX_SEEDS);
		size_t len = strlen(seed);
		if (len > 4 && strcmp(seed + len - 4, ".txt") == 0)
			len -= 4;
		cr_assert_lt(len, sizeof seeds[0].name);
		memcpy(seeds[nseeds].name, seed, len);
		seeds[nseeds].name[len] = '\0';
		seeds[nseeds].gold = g;
		nseeds++;
	}
	assay_buf_release(&b);
	cr_assert_gt(nseeds, 0, "gold.jsonl is empty");
}

static void free_gold(void)
{
	for (size_t i = 0; i < nseeds; i++)
		json_decref(seeds[i].gold);
	nseeds = 0;
}

TestSuite(corpus, .init = load_gold, .fini = free_gold);

/* Parses corpus/<name>.html the way the cleaner will: recovering, offline. */
static htmlDocPtr read_page(const char *name)
{
	char path[4096];
	struct assay_buf b = {0};

	seed_path(path, sizeof path, "", name, ".html");
	cr_assert_eq(assay_read_file(path, PAGE_MAX, &b), ASSAY_OK,
		     "no page %s for seed %s", path, name);
	htmlDocPtr doc = htmlReadMemory(b.data, (int)b.len, path, "UTF-8",
		HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		HTML_PARSE_NOWARNING);
	assay_buf_release(&b);
	cr_assert_not_null(doc, "%s does not parse as HTML", path);
	return doc;
}

static bool is_elem(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The first element named @name at or below @n, depth first. */
static xmlNode *find_elem(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		if (is_elem(n, name))
			return n;
		xmlNode *hit = find_elem(n->children, name);
		if (hit)
			return hit;
	}
	return NULL;
}

/* True when @n has attribute @attr equal to @value (ASCII case-blind). */
static bool attr_is(xmlNode *n, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	bool eq = v && strcasecmp((const char *)v, value) == 0;

	xmlFree(v);
	return eq;
}

static void append_rendered(struct assay_buf *out, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			cr_assert_eq(assay_buf_puts(out, (const char *)n->content), ASSAY_OK);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE ||
		    in_list(hidden_tags, (const char *)n->name))
			continue;
		if (is_elem(n, "img")) {
			xmlChar *alt = xmlGetProp(n, (const xmlChar *)"alt");
			if (alt)
				cr_assert_eq(assay_buf_puts(out, (const char *)alt), ASSAY_OK);
			xmlFree(alt);
			continue;
		}
		bool block = !in_list(inline_tags, (const char *)n->name);
		if (block)
			cr_assert_eq(assay_buf_putc(out, ' '), ASSAY_OK);
		append_rendered(out, n->children);
		if (block)
			cr_assert_eq(assay_buf_putc(out, ' '), ASSAY_OK);
	}
}

/* Collapses runs of ASCII whitespace and U+00A0 to one space, in place,
 * and trims both ends. Returns @s. */
static char *collapse(char *s)
{
	char *w = s;
	bool space = true; /* drops leading whitespace */

	for (const char *r = s; *r;) {
		bool ws = strchr(" \t\n\r\f\v", *r) != NULL;
		size_t step = 1;
		if (!ws && (unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa0) {
			ws = true;
			step = 2;
		}
		if (ws) {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
		r += step;
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

/* The collapsed rendered text of the page's <body>; free() it. */
static char *page_text(htmlDocPtr doc)
{
	struct assay_buf out = {0};
	xmlNode *body = find_elem(xmlDocGetRootElement(doc), "body");

	cr_assert_not_null(body, "page has no <body>");
	append_rendered(&out, body->children);
	char *s = assay_buf_steal(&out);
	cr_assert_not_null(s);
	return collapse(s);
}

/* Asserts that every string of gold array @key is in @text. */
static void expect_strings_in(const char *text, const struct seed *sd, const char *key)
{
	json_t *arr = json_object_get(sd->gold, key);
	size_t i;
	json_t *v;

	cr_assert(json_is_array(arr), "%s: gold has no %s array", sd->name, key);
	json_array_foreach(arr, i, v) {
		char *want = strdup(json_string_value(v));
		cr_assert_not_null(want);
		collapse(want);
		cr_expect_not_null(strstr(text, want), "%s: %s string \"%s\" is not in the page text",
				   sd->name, key, want);
		free(want);
	}
}

Test(corpus, every_seed_has_a_page_that_parses_to_a_body)
{
	for (size_t i = 0; i < nseeds; i++) {
		htmlDocPtr doc = read_page(seeds[i].name);
		xmlNode *html = xmlDocGetRootElement(doc);
		cr_expect(is_elem(html, "html"), "%s: root is not <html>", seeds[i].name);
		xmlNode *body = find_elem(html, "body");
		cr_expect_not_null(body, "%s: no <body>", seeds[i].name);
		cr_expect_not_null(body ? body->children : NULL, "%s: empty <body>", seeds[i].name);
		xmlFreeDoc(doc);
	}
}

Test(corpus, every_must_and_must_not_string_is_in_the_page_text)
{
	for (size_t i = 0; i < nseeds; i++) {
		htmlDocPtr doc = read_page(seeds[i].name);
		char *text = page_text(doc);
		expect_strings_in(text, &seeds[i], "must");
		expect_strings_in(text, &seeds[i], "must_not");
		free(text);
		xmlFreeDoc(doc);
	}
}

/* Splits a seed line into the fragments the page must show: a bullet's
 * text without its bullet, a pipe-table row's cells. Calls @fn for each
 * non-empty fragment; returns false when @fn does. */
static bool for_each_fragment(char *line, bool (*fn)(char *frag, void *ctx), void *ctx)
{
	static const char *const bullets[] = {"\xe2\x80\xa2 ", "- ", NULL};

	collapse(line);
	if (strspn(line, "-| ") == strlen(line))
		return true; /* empty line, or a table's header rule */
	for (size_t i = 0; bullets[i]; i++)
		if (strncmp(line, bullets[i], strlen(bullets[i])) == 0)
			line += strlen(bullets[i]);
	if (!strchr(line, '|'))
		return fn(line, ctx);
	for (char *cell = line, *bar; cell; cell = bar) {
		bar = strchr(cell, '|');
		if (bar)
			*bar++ = '\0';
		collapse(cell);
		if (*cell && !fn(cell, ctx))
			return false;
	}
	return true;
}

struct cursor {
	const char *text;  /* the page text */
	const char *pos;   /* where the next fragment is looked for */
	const char *seed;
	size_t misses;
};

static bool find_next(char *frag, void *ctx)
{
	struct cursor *c = ctx;
	const char *hit = strstr(c->pos, frag);

	if (!hit) {
		cr_expect_fail("%s: seed text \"%.80s\" is not in the page text after what precedes it%s",
			       c->seed, frag, strstr(c->text, frag) ? " (it is, earlier: order differs)" : "");
		c->misses++;
		return true;
	}
	c->pos = hit + strlen(frag);
	return true;
}

Test(corpus, page_text_holds_every_seed_line_in_order)
{
	for (size_t i = 0; i < nseeds; i++) {
		char path[4096];
		struct assay_buf seed = {0};

		seed_path(path, sizeof path, "seeds/", seeds[i].name, ".txt");
		cr_assert_eq(assay_read_file(path, PAGE_MAX, &seed), ASSAY_OK, "cannot read %s", path);
		htmlDocPtr doc = read_page(seeds[i].name);
		char *text = page_text(doc);
		struct cursor c = {text, text, seeds[i].name, 0};
		for (char *line = seed.data, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			for_each_fragment(line, find_next, &c);
		}
		cr_expect_eq(c.misses, 0, "%s: %zu seed fragments missing", seeds[i].name, c.misses);
		free(text);
		xmlFreeDoc(doc);
		assay_buf_release(&seed);
	}
}

/* The content of the first <meta> in @head whose @key attribute is @value;
 * xmlFree() it. NULL when there is none. */
static xmlChar *meta_content(xmlNode *head, const char *key, const char *value)
{
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next)
		if (is_elem(n, "meta") && attr_is(n, key, value))
			return xmlGetProp(n, (const xmlChar *)"content");
	return NULL;
}

static xmlChar *canonical_href(xmlNode *head)
{
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next)
		if (is_elem(n, "link") && attr_is(n, "rel", "canonical"))
			return xmlGetProp(n, (const xmlChar *)"href");
	return NULL;
}

static bool type_is(json_t *type, const char *want)
{
	size_t i;
	json_t *v;

	if (json_is_string(type))
		return strcmp(json_string_value(type), want) == 0;
	json_array_foreach(type, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), want) == 0)
			return true;
	return false;
}

/* The NewsArticle object of a JSON-LD document, top level or in @graph;
 * borrowed from @ld. */
static json_t *news_article(json_t *ld)
{
	size_t i;
	json_t *v;

	if (type_is(json_object_get(ld, "@type"), "NewsArticle"))
		return ld;
	json_array_foreach(json_object_get(ld, "@graph"), i, v)
		if (type_is(json_object_get(v, "@type"), "NewsArticle"))
			return v;
	return NULL;
}

/* Parses every <script type="application/ld+json"> below @n and returns the
 * first NewsArticle found, as a new reference (json_decref() it). */
static json_t *find_news_article(xmlNode *n, const char *seed)
{
	for (; n; n = n->next) {
		if (is_elem(n, "script") && attr_is(n, "type", "application/ld+json")) {
			xmlChar *src = xmlNodeGetContent(n);
			json_error_t err;
			json_t *ld = json_loads((const char *)src, 0, &err);
			cr_expect_not_null(ld, "%s: JSON-LD does not parse: %s (line %d)",
					   seed, err.text, err.line);
			xmlFree(src);
			json_t *art = ld ? news_article(ld) : NULL;
			if (art) {
				json_incref(art);
				json_decref(ld);
				return art;
			}
			json_decref(ld);
			continue;
		}
		json_t *hit = find_news_article(n->children, seed);
		if (hit)
			return hit;
	}
	return NULL;
}

Test(corpus, every_page_has_title_canonical_og_url_and_news_article_json_ld)
{
	for (size_t i = 0; i < nseeds; i++) {
		const char *name = seeds[i].name;
		htmlDocPtr doc = read_page(name);
		xmlNode *head = find_elem(xmlDocGetRootElement(doc), "head");
		cr_assert_not_null(head, "%s: no <head>", name);

		xmlNode *title = find_elem(head->children, "title");
		xmlChar *tt = title ? xmlNodeGetContent(title) : NULL;
		cr_expect(tt && *tt, "%s: no <title>", name);
		xmlFree(tt);

		xmlChar *canon = canonical_href(head);
		xmlChar *ogurl = meta_content(head, "property", "og:url");
		xmlChar *ogtype = meta_content(head, "property", "og:type");
		cr_expect(canon && strncmp((const char *)canon, "https://", 8) == 0,
			  "%s: no absolute rel=canonical", name);
		cr_expect(ogurl && canon && strcmp((const char *)ogurl, (const char *)canon) == 0,
			  "%s: og:url missing or not the canonical URL", name);
		cr_expect(ogtype && strcmp((const char *)ogtype, "article") == 0,
			  "%s: og:type is not article", name);
		xmlFree(canon);
		xmlFree(ogurl);
		xmlFree(ogtype);

		json_t *art = find_news_article(head, name);
		if (!art)
			art = find_news_article(xmlDocGetRootElement(doc), name);
		cr_expect_not_null(art, "%s: no JSON-LD NewsArticle", name);
		const char *headline = json_string_value(json_object_get(art, "headline"));
		cr_expect(headline && *headline, "%s: NewsArticle has no headline", name);
		cr_expect_not_null(json_object_get(art, "publisher"), "%s: NewsArticle has no publisher", name);
		cr_expect_not_null(json_object_get(art, "author"), "%s: NewsArticle has no author", name);
		json_decref(art);
		xmlFreeDoc(doc);
	}
}

/* The gold's "published" (YYYY-MM-DD or null) is what the page's metadata
 * says: article:published_time and the NewsArticle's datePublished both
 * start with it, or both are absent. */
Test(corpus, publication_date_in_metadata_agrees_with_gold)
{
	for (size_t i = 0; i < nseeds; i++) {
		const char *name = seeds[i].name;
		const char *want = json_string_value(json_object_get(seeds[i].gold, "published"));
		htmlDocPtr doc = read_page(name);
		xmlNode *head = find_elem(xmlDocGetRootElement(doc), "head");
		xmlChar *og = meta_content(head, "property", "article:published_time");
		json_t *art = find_news_article(head, name);
		const char *ld = json_string_value(json_object_get(art, "datePublished"));

		if (want) {
			cr_expect(og && strncmp((const char *)og, want, strlen(want)) == 0,
				  "%s: article:published_time is %s, gold says %s", name,
				  og ? (const char *)og : "absent", want);
			cr_expect(ld && strncmp(ld, want, strlen(want)) == 0,
				  "%s: datePublished is %s, gold says %s", name, ld ? ld : "absent", want);
		} else {
			cr_expect_null(og, "%s: article:published_time %s but gold has no date", name, (const char *)og);
			cr_expect_null(ld, "%s: datePublished %s but gold has no date", name, ld);
		}
		xmlFree(og);
		json_decref(art);
		xmlFreeDoc(doc);
	}
}

/* Counts elements named @name below @n. */
static size_t count_elems(const xmlNode *n, const char *name)
{
	size_t k = 0;

	for (; n; n = n->next)
		k += is_elem(n, name) + count_elems(n->children, name);
	return k;
}

/* A seed's pipe tables ("a | b |" rows under a "---|---|" rule) are real
 * tables in its page, and every table in every page has header cells in a
 * <thead> and data cells in a <tbody>. */
Test(corpus, tables_are_real_tables_with_head_and_body)
{
	for (size_t i = 0; i < nseeds; i++) {
		const char *name = seeds[i].name;
		char path[4096];
		struct assay_buf seed = {0};
		size_t rules = 0;

		seed_path(path, sizeof path, "seeds/", name, ".txt");
		cr_assert_eq(assay_read_file(path, PAGE_MAX, &seed), ASSAY_OK);
		for (const char *line = seed.data; line && *line; line = strchr(line, '\n')) {
			line += *line == '\n';
			if (strncmp(line, "---|", 4) == 0)
				rules++;
		}
		assay_buf_release(&seed);

		htmlDocPtr doc = read_page(name);
		xmlNode *root = xmlDocGetRootElement(doc);
		cr_expect_geq(count_elems(root, "table"), rules,
			      "%s: seed has %zu pipe tables, page fewer <table>s", name, rules);
		size_t tables = count_elems(root, "table");
		cr_expect_eq(count_elems(root, "thead"), tables, "%s: a table lacks <thead>", name);
		cr_expect_eq(count_elems(root, "tbody"), tables, "%s: a table lacks <tbody>", name);
		if (tables) {
			cr_expect_geq(count_elems(root, "th"), 2 * tables, "%s: tables lack <th>", name);
			cr_expect_geq(count_elems(root, "td"), 2 * tables, "%s: tables lack <td>", name);
		}
		xmlFreeDoc(doc);
	}
}

/* Children of @parent named @name, as text; xmlFree() it. */
static xmlChar *child_text(xmlNode *parent, const char *name)
{
	for (xmlNode *n = parent->children; n; n = n->next)
		if (is_elem(n, name))
			return xmlNodeGetContent(n);
	return NULL;
}

static bool gold_has_page(const char *link)
{
	for (size_t i = 0; i < nseeds; i++) {
		size_t n = strlen(seeds[i].name);
		if (strncmp(link, seeds[i].name, n) == 0 && strcmp(link + n, ".html") == 0)
			return true;
	}
	return false;
}

Test(corpus, feed_lists_exactly_the_gold_pages_by_relative_link)
{
	char path[4096];
	size_t items = 0;
	bool seen[MAX_SEEDS] = {false};

	corpus_path(path, sizeof path, "feed.xml");
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	cr_assert_not_null(doc, "%s is not well-formed XML", path);
	xmlNode *rss = xmlDocGetRootElement(doc);
	cr_assert(is_elem(rss, "rss") && attr_is(rss, "version", "2.0"), "feed is not RSS 2.0");
	xmlNode *channel = find_elem(rss->children, "channel");
	cr_assert_not_null(channel, "feed has no <channel>");
	static const char *const required[] = {"title", "link", "description"};
	for (size_t k = 0; k < 3; k++) {
		xmlChar *t = child_text(channel, required[k]);
		cr_expect(t && *t, "channel has no <%s>", required[k]);
		xmlFree(t);
	}
	for (xmlNode *it = channel->children; it; it = it->next) {
		if (!is_elem(it, "item"))
			continue;
		items++;
		xmlChar *xlink = child_text(it, "link");
		xmlChar *title = child_text(it, "title");
		xmlChar *guid = child_text(it, "guid");
		cr_assert_not_null(xlink, "item %zu has no <link>", items);
		const char *link = collapse((char *)xlink);
		cr_expect(title && *title, "item %s has no title", link);
		cr_expect(guid && *guid, "item %s has no guid", link);
		cr_expect_null(strstr(link, "://"), "link %s is not relative", link);
		cr_expect(gold_has_page(link), "feed links %s, which no gold seed names", link);
		for (size_t i = 0; i < nseeds; i++)
			if (strncmp(link, seeds[i].name, strlen(seeds[i].name)) == 0) {
				cr_expect_not(seen[i], "feed links %s twice", link);
				seen[i] = true;
			}
		char file[4096];
		struct stat st;
		corpus_path(file, sizeof file, link);
		cr_expect(stat(file, &st) == 0 && S_ISREG(st.st_mode), "feed links %s, which is not in corpus/", link);
		xmlFree(xlink);
		xmlFree(title);
		xmlFree(guid);
	}
	cr_expect_eq(items, nseeds, "feed has %zu items, gold %zu seeds", items, nseeds);
	for (size_t i = 0; i < nseeds; i++)
		cr_expect(seen[i], "feed does not link %s.html", seeds[i].name);
	xmlFreeDoc(doc);
}
