/* meta.c - the page's metadata: title, canonical URL, date, author, site,
 * language.
 *
 * Every source offers a value with a rank and the lowest rank wins, so the
 * order of sources on the page does not matter. Ranks, best first:
 * JSON-LD (NewsArticle and kin, also inside @graph), <meta> (og:, article:,
 * citation_, dc., name=author ...), itemprop, <time datetime>, byline text,
 * and last the date in the URL (/2024/10/16/). Values are whitespace-
 * collapsed and bounded; dates become YYYY-MM-DD; languages their primary
 * subtag. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "assay.h"
#include "internal.h"

#define META_MAX 512
#define LD_MAX (1u << 20)
#define DESC_MIN 40    /* bytes: shorter descriptions name no lead */
#define DESC_BYTES 2048 /* longer ones are not read */
#define TEXT_READS 64 /* elements read for metadata: no quadratic cost on deep pages */

struct meta_key {
	const char *key;   /* name= or property= value, lower-case */
	enum meta_field field;
	int rank;
};

/* <meta name|property|itemprop=KEY content=...> */
static const struct meta_key meta_keys[] = {
	{"og:title", MF_TITLE, 20}, {"twitter:title", MF_TITLE, 25},
	{"citation_title", MF_TITLE, 22}, {"dc.title", MF_TITLE, 24},
	{"headline", MF_TITLE, 21},
	{"og:url", MF_URL, 20},
	{"article:published_time", MF_PUBLISHED, 15}, {"og:published_time", MF_PUBLISHED, 16},
	{"datepublished", MF_PUBLISHED, 17}, {"citation_publication_date", MF_PUBLISHED, 18},
	{"citation_date", MF_PUBLISHED, 19}, {"dc.date.issued", MF_PUBLISHED, 19},
	{"dc.date", MF_PUBLISHED, 20}, {"dcterms.date", MF_PUBLISHED, 20},
	{"dc.date.created", MF_PUBLISHED, 20}, {"dcterms.created", MF_PUBLISHED, 20},
	{"pubdate", MF_PUBLISHED, 21}, {"publish-date", MF_PUBLISHED, 21},
	{"publish_date", MF_PUBLISHED, 21}, {"publication_date", MF_PUBLISHED, 21},
	{"parsely-pub-date", MF_PUBLISHED, 21}, {"sailthru.date", MF_PUBLISHED, 22},
	{"date", MF_PUBLISHED, 23}, {"article.published", MF_PUBLISHED, 21},
	{"author", MF_AUTHOR, 20}, {"article:author", MF_AUTHOR, 21},
	{"citation_author", MF_AUTHOR, 21}, {"dc.creator", MF_AUTHOR, 22},
	{"dcterms.creator", MF_AUTHOR, 22}, {"parsely-author", MF_AUTHOR, 22},
	{"sailthru.author", MF_AUTHOR, 23},
	{"og:site_name", MF_SITE, 10}, {"application-name", MF_SITE, 30},
	{"og:locale", MF_LANG, 30}, {"dc.language", MF_LANG, 25}, {"language", MF_LANG, 26},
	{"content-language", MF_LANG, 20},
};

void parse_meta_init(struct meta_state *m)
{
	memset(m, 0, sizeof *m);
	for (int f = 0; f < MF_COUNT; f++)
		m->rank[f] = RANK_NONE;
}

void parse_meta_release(struct meta_state *m)
{
	for (int f = 0; f < MF_COUNT; f++)
		free(m->val[f]);
	free(m->ld_body);
	for (size_t i = 0; i < m->ndesc; i++)
		free(m->desc[i]);
	memset(m, 0, sizeof *m);
}

static bool looks_like_url(const char *v)
{
	return strncmp(v, "http://", 7) == 0 || strncmp(v, "https://", 8) == 0 || v[0] == '/';
}

/* Normalises @v for field @f into @b: 1 when it is usable, 0 when it is
 * not, -1 when memory ran out (the value is lost, and so is the page). */
static int normalise(enum meta_field f, const char *v, struct assay_buf *b)
{
	char date[11];

	if (parse_append_collapsed(b, v) != ASSAY_OK)
		return -1;
	parse_trim(b);
	if (!b->len || b->len > META_MAX || !parse_utf8_valid(b->data, b->len))
		return 0;
	if (f == MF_PUBLISHED) {
		if (!parse_find_date(b->data, b->len, date))
			return 0;
		assay_buf_reset(b);
		return assay_buf_puts(b, date) == ASSAY_OK ? 1 : -1;
	}
	if (f == MF_LANG) {
		size_t k = 0;

		while (k < b->len && k < 3 && isalpha((unsigned char)b->data[k])) {
			b->data[k] = (char)tolower((unsigned char)b->data[k]);
			k++;
		}
		if (k < 2 || (k < b->len && isalpha((unsigned char)b->data[k])))
			return 0;
		b->data[k] = '\0';
		b->len = k;
	}
	if (f == MF_AUTHOR && looks_like_url(b->data))
		return 0;
	if (f == MF_AUTHOR && b->len > 3 && strncasecmp(b->data, "by ", 3) == 0) {
		memmove(b->data, b->data + 3, b->len - 2); /* with the NUL */
		b->len -= 3;
	}
	if (f == MF_URL && !looks_like_url(b->data))
		return 0;
	return 1;
}

void parse_meta_offer(struct parse_ctx *c, enum meta_field f, const char *v, int rank)
{
	struct meta_state *m = &c->meta;
	struct assay_buf b = {0};
	int usable;

	if (!v || (m->val[f] && m->rank[f] <= rank))
		return;
	usable = normalise(f, v, &b);
	if (usable < 0)
		c->oom = true;
	if (usable > 0) {
		char *s = assay_buf_steal(&b);

		if (s) {
			free(m->val[f]);
			m->val[f] = s;
			m->rank[f] = rank;
		} else {
			c->oom = true;
		}
	}
	assay_buf_release(&b);
}

/* A description of the page (JSON-LD, og:, twitter:, <meta name>): kept
 * whitespace-collapsed, each distinct text once, for lead.c to find the
 * lead it describes. */
static void offer_desc(struct parse_ctx *c, const char *v)
{
	struct meta_state *m = &c->meta;
	struct assay_buf b = {0};

	if (!v || m->ndesc == DESC_MAX)
		return;
	if (parse_append_collapsed(&b, v) != ASSAY_OK) {
		c->oom = true;
		goto out;
	}
	parse_trim(&b);
	if (b.len < DESC_MIN || b.len > DESC_BYTES || !parse_utf8_valid(b.data, b.len))
		goto out;
	for (size_t i = 0; i < m->ndesc; i++)
		if (strcmp(m->desc[i], b.data) == 0)
			goto out;
	if (!(m->desc[m->ndesc] = assay_buf_steal(&b)))
		c->oom = true;
	else
		m->ndesc++;
out:
	assay_buf_release(&b);
}

static bool is_description_key(const char *low)
{
	return strcmp(low, "description") == 0 || strcmp(low, "og:description") == 0 ||
	       strcmp(low, "twitter:description") == 0;
}

static void meta_tag(struct parse_ctx *c, xmlNode *n)
{
	const char *key = parse_attr(n, "property"), *content = parse_attr(n, "content");
	char low[64];
	size_t i;

	if (!content)
		return;
	if (!key)
		key = parse_attr(n, "name");
	if (!key)
		key = parse_attr(n, "itemprop");
	if (!key)
		key = parse_attr(n, "http-equiv");
	if (!key)
		return;
	for (i = 0; key[i] && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)key[i]);
	low[i] = '\0';
	if (is_description_key(low))
		offer_desc(c, content);
	for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++)
		if (strcmp(low, meta_keys[k].key) == 0)
			parse_meta_offer(c, meta_keys[k].field, content, meta_keys[k].rank);
}

/* Text of @n (bounded) offered to @f. */
static void offer_text(struct parse_ctx *c, xmlNode *n, enum meta_field f, int rank)
{
	struct assay_buf b = {0};

	if ((c->meta.val[f] && c->meta.rank[f] <= rank) || c->meta.text_reads++ >= TEXT_READS)
		return;
	if (parse_subtree_text(NULL, n, &b, META_MAX) != ASSAY_OK)
		c->oom = true;
	else if (b.len)
		parse_meta_offer(c, f, b.data, rank);
	assay_buf_release(&b);
}

/* "By Jane Doe" -> "Jane Doe"; bylines longer than a name are not names. */
static void offer_byline(struct parse_ctx *c, xmlNode *n, int rank)
{
	struct assay_buf b = {0};
	char date[11];
	const char *s;

	if (c->meta.text_reads++ >= TEXT_READS)
		return;
	if (parse_subtree_text(NULL, n, &b, 200) != ASSAY_OK) {
		c->oom = true;
		assay_buf_release(&b); /* it may hold part of the text */
		return;
	}
	parse_trim(&b);
	s = b.data ? b.data : "";
	if (!c->meta.val[MF_PUBLISHED] && parse_find_date(s, b.len, date))
		parse_meta_offer(c, MF_PUBLISHED, date, 50);
	if (strncasecmp(s, "by ", 3) == 0)
		s += 3;
	if (strlen(s) >= 3 && strlen(s) <= 60 && !strpbrk(s, "0123456789|"))
		parse_meta_offer(c, MF_AUTHOR, s, rank);
	assay_buf_release(&b);
}

/* Lower-cased @v into @low (bounded); false when it is absent or empty. */
static bool lower_value(const char *v, char *low, size_t cap)
{
	size_t i;

	if (!v || !*v)
		return false;
	for (i = 0; v[i] && i + 1 < cap; i++)
		low[i] = (char)tolower((unsigned char)v[i]);
	low[i] = '\0';
	return true;
}

static bool class_has(const xmlNode *n, const char *word)
{
	char low[128];

	return lower_value(parse_attr(n, "class"), low, sizeof low) && strstr(low, word);
}

/* ---- JSON-LD ---- */

static bool type_is(json_t *t, const char *const *names, size_t n)
{
	if (json_is_array(t)) {
		size_t i;
		json_t *v;

		json_array_foreach(t, i, v)
			if (type_is(v, names, n))
				return true;
		return false;
	}
	if (!json_is_string(t))
		return false;
	for (size_t k = 0; k < n; k++)
		if (strcmp(json_string_value(t), names[k]) == 0)
			return true;
	return false;
}

static const char *const article_types[] = {
	"NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle",
	"OpinionNewsArticle", "BackgroundNewsArticle", "ScholarlyArticle", "TechArticle",
	"LiveBlogPosting", "Report", "PressRelease", "SocialMediaPosting",
};
static const char *const site_types[] = {"WebSite", "Organization", "NewsMediaOrganization"};

/* A person, an organisation, a list of them, or a plain string. */
static const char *name_of(json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (json_is_object(v))
		v = json_object_get(v, "@id");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void ld_article(struct parse_ctx *c, json_t *o, int bias)
{
	json_t *pub = json_object_get(o, "publisher");
	const char *body = str_of(o, "articleBody");

	parse_meta_offer(c, MF_TITLE, str_of(o, "headline"), 10 + bias);
	parse_meta_offer(c, MF_PUBLISHED, str_of(o, "datePublished"), 10 + bias);
	parse_meta_offer(c, MF_PUBLISHED, str_of(o, "dateCreated"), 14 + bias);
	parse_meta_offer(c, MF_AUTHOR, name_of(json_object_get(o, "author")), 10 + bias);
	parse_meta_offer(c, MF_AUTHOR, name_of(json_object_get(o, "creator")), 12 + bias);
	parse_meta_offer(c, MF_SITE, name_of(pub), 20 + bias);
	parse_meta_offer(c, MF_LANG, str_of(o, "inLanguage"), 25 + bias);
	parse_meta_offer(c, MF_URL, str_of(o, "url"), 30 + bias);
	parse_meta_offer(c, MF_URL, str_of(o, "mainEntityOfPage"), 31 + bias);
	offer_desc(c, str_of(o, "description"));
	if (body && !c->meta.ld_body && (c->meta.ld_body = strndup(body, LD_MAX)) == NULL)
		c->oom = true;
}

static void ld_node(struct parse_ctx *c, json_t *o, int depth)
{
	json_t *t, *g;
	size_t i;

	if (depth > 4)
		return;
	if (json_is_array(o)) {
		json_array_foreach(o, i, t)
			ld_node(c, t, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	t = json_object_get(o, "@type");
	if (type_is(t, article_types, sizeof article_types / sizeof article_types[0]))
		ld_article(c, o, 0);
	else if (type_is(t, site_types, sizeof site_types / sizeof site_types[0]))
		parse_meta_offer(c, MF_SITE, str_of(o, "name"), 25);
	else if (json_is_string(t) && strstr(json_string_value(t), "WebPage"))
		ld_article(c, o, 5);
	if ((g = json_object_get(o, "@graph")))
		ld_node(c, g, depth + 1);
}

static void json_ld(struct parse_ctx *c, xmlNode *script)
{
	const char *type = parse_attr(script, "type");
	struct assay_buf b = {0};
	json_error_t err;
	json_t *root;

	if (!type || strcasecmp(type, "application/ld+json") != 0)
		return;
	for (xmlNode *k = script->children; k; k = k->next)
		if (k->content && b.len < LD_MAX && assay_buf_puts(&b, (const char *)k->content) != ASSAY_OK)
			c->oom = true;
	if (b.len) {
		root = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &err);
		if (root) {
			ld_node(c, root, 0);
			json_decref(root);
		} else if (json_error_code(&err) == json_error_out_of_memory) {
			c->oom = true; /* not bad JSON: the metadata would be lost */
		}
	}
	assay_buf_release(&b);
}

/* ---- elements ---- */

static void link_tag(struct parse_ctx *c, xmlNode *n)
{
	const char *rel = parse_attr(n, "rel");

	if (rel && strcasecmp(rel, "canonical") == 0)
		parse_meta_offer(c, MF_URL, parse_attr(n, "href"), 10);
}

static void time_tag(struct parse_ctx *c, xmlNode *n)
{
	const char *dt = parse_attr(n, "datetime");
	const char *ip = parse_attr(n, "itemprop");
	int rank = 40;

	if (ip && strcmp(ip, "datePublished") == 0)
		rank = 24;
	else if (ip && strcmp(ip, "dateModified") == 0)
		return;
	else if (class_has(n, "publish") || class_has(n, "posted"))
		rank = 30;
	else if (class_has(n, "update") || class_has(n, "modif"))
		return;
	if (dt)
		parse_meta_offer(c, MF_PUBLISHED, dt, rank);
	else
		offer_text(c, n, MF_PUBLISHED, rank + 5);
}

/* Attributes of any element that name metadata: itemprop, rel=author,
 * byline and date classes. */
static void generic_tag(struct parse_ctx *c, xmlNode *n, const struct node_attrs *a)
{
	const char *ip = a->itemprop;
	char low[128];

	if (ip) {
		if (strcmp(ip, "datePublished") == 0)
			offer_text(c, n, MF_PUBLISHED, 26);
		else if (strcmp(ip, "author") == 0)
			offer_byline(c, n, 35);
		else if (strcmp(ip, "headline") == 0)
			offer_text(c, n, MF_TITLE, 23);
		return;
	}
	if (a->rel && strcmp(a->rel, "author") == 0) {
		offer_byline(c, n, 30);
		return;
	}
	if ((c->meta.rank[MF_AUTHOR] <= 40 && c->meta.rank[MF_PUBLISHED] <= 50) ||
	    !lower_value(a->cls, low, sizeof low))
		return;
	if (c->meta.rank[MF_AUTHOR] > 40 && (strstr(low, "byline") || strstr(low, "author")))
		offer_byline(c, n, 40);
	else if (c->meta.rank[MF_PUBLISHED] > 50 &&
		 (strstr(low, "date") || strstr(low, "publish") || strstr(low, "posted")))
		offer_text(c, n, MF_PUBLISHED, 50);
}

void parse_meta_element(struct parse_ctx *c, xmlNode *n, const struct tag_def *t,
			const struct node_attrs *a)
{
	if (!n->properties && t->kind != TK_TITLE && t->kind != TK_H1)
		return;
	switch (t->kind) {
	case TK_META:
		meta_tag(c, n);
		break;
	case TK_LINK:
		link_tag(c, n);
		break;
	case TK_SCRIPT:
		json_ld(c, n);
		break;
	case TK_TITLE:
		offer_text(c, n, MF_TITLE, 40);
		break;
	case TK_H1:
		offer_text(c, n, MF_TITLE, 30);
		break;
	case TK_TIME:
		time_tag(c, n);
		break;
	case TK_HTML:
		parse_meta_offer(c, MF_LANG, parse_attr(n, "lang"), 10);
		break;
	default:
		generic_tag(c, n, a);
		break;
	}
}

static char *take(struct meta_state *m, enum meta_field f)
{
	char *s = m->val[f];

	m->val[f] = NULL;
	return s;
}

int parse_meta_finish(struct parse_ctx *c, const struct assay_clean_opts *o, struct assay_doc *d)
{
	char date[11];

	if (o && o->base_url)
		parse_meta_offer(c, MF_URL, o->base_url, 90);
	if (c->meta.val[MF_URL] && parse_url_date(c->meta.val[MF_URL], date))
		parse_meta_offer(c, MF_PUBLISHED, date, 60);
	if (o && o->base_url && parse_url_date(o->base_url, date))
		parse_meta_offer(c, MF_PUBLISHED, date, 61);
	if (c->oom)
		return ASSAY_ENOMEM;
	d->title = take(&c->meta, MF_TITLE);
	d->url = take(&c->meta, MF_URL);
	d->published_guessed = c->meta.val[MF_PUBLISHED] && c->meta.rank[MF_PUBLISHED] >= 60;
	d->published = take(&c->meta, MF_PUBLISHED);
	d->author = take(&c->meta, MF_AUTHOR);
	d->site = take(&c->meta, MF_SITE);
	d->language = take(&c->meta, MF_LANG);
	return ASSAY_OK;
}
