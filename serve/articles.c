/* articles.c - the articles list: search, sort and pages over every
 * stored article, with how many claims and agreements each supports.
 *
 * Reading every article record costs more than a page may (0.1-0.5 s at
 * 30,000 articles), so the server keeps the list: one row per article,
 * its strings in one buffer. The copy is taken again when the store's
 * articles version (assay_store_articles_version: it moves with every
 * article stored, updated or reprocessed, by any process) is not the one
 * it was taken at; decisions do not move it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "pages.h"
#include "str.h"

#define ARTICLES_PAGE 50

struct art_row {
	uint32_t url, title, site; /* offsets into the list's strings */
	char published[11];
	int64_t seq;
	uint32_t claims, agreements;
};

struct serve_articles {
	struct art_row *v;
	size_t n, cap;
	struct assay_buf str;
	uint64_t version;
	bool loaded;
};

static int keep_str(struct assay_buf *b, const char *s, uint32_t *off)
{
	*off = (uint32_t)b->len;
	return assay_buf_append(b, s, strlen(s) + 1);
}

static int take_article(void *ctx, const struct assay_stored_article *a)
{
	struct serve_articles *l = ctx;
	struct art_row *r;

	if (assay_array_reserve(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return ASSAY_ENOMEM;
	r = &l->v[l->n];
	memset(r, 0, sizeof *r);
	r->seq = a->seq;
	snprintf(r->published, sizeof r->published, "%.10s", a->published);
	if (keep_str(&l->str, a->url, &r->url) || keep_str(&l->str, a->title, &r->title) ||
	    keep_str(&l->str, a->site, &r->site))
		return ASSAY_ENOMEM;
	l->n++;
	return ASSAY_OK;
}

static int cmp_row_seq(const void *a, const void *b)
{
	const struct art_row *x = a, *y = b;

	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Counts come in article number order, the rows too (sorted once). */
struct counting {
	struct serve_articles *l;
	size_t at;
};

static int take_counts(void *ctx, int64_t seq, size_t claims, size_t agreements)
{
	struct counting *c = ctx;

	while (c->at < c->l->n && c->l->v[c->at].seq < seq)
		c->at++;
	if (c->at < c->l->n && c->l->v[c->at].seq == seq) {
		c->l->v[c->at].claims = (uint32_t)claims;
		c->l->v[c->at].agreements = (uint32_t)agreements;
	}
	return ASSAY_OK;
}

static void list_clear(struct serve_articles *l)
{
	l->n = 0;
	assay_buf_reset(&l->str);
	l->loaded = false;
}

/* The list as the store has it now. */
static int renew(struct serve_articles *l, struct assay_store *s)
{
	struct counting c = {l, 0};
	uint64_t version;
	int rc = assay_store_articles_version(s, &version);

	if (rc || (l->loaded && version == l->version))
		return rc;
	list_clear(l);
	rc = assay_store_articles(s, take_article, l);
	if (!rc && l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_row_seq);
	if (!rc)
		rc = assay_store_article_counts(s, take_counts, &c);
	if (rc) {
		list_clear(l);
		return rc;
	}
	l->version = version;
	l->loaded = true;
	return ASSAY_OK;
}

int serve_articles_new(struct serve_articles **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? ASSAY_OK : ASSAY_ENOMEM;
}

void serve_articles_free(struct serve_articles *l)
{
	if (!l)
		return;
	free(l->v);
	assay_buf_release(&l->str);
	free(l);
}

/* ---- Search and sort ---- */

static const char *str_of(const struct serve_articles *l, uint32_t off)
{
	return l->str.data + off;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* @needle (already lowercase) in @hay, ASCII letters in any case. */
static bool contains(const char *hay, const char *needle, size_t n)
{
	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && lower((unsigned char)hay[i]) == (unsigned char)needle[i])
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static const struct serve_articles *sorting; /* qsort has no context argument */

enum sort_by { BY_NEWEST, BY_PUBLISHED, BY_TITLE, BY_SITE, BY_CLAIMS, BY_COUNT };

static const char *const sort_names[BY_COUNT] = {"newest", "published", "title", "site", "claims"};
static const char *const sort_labels[BY_COUNT] = {"newest stored", "publication date",
						  "title", "site", "most claims"};

static int cmp_newest(const void *a, const void *b)
{
	const struct art_row *x = *(const struct art_row *const *)a;
	const struct art_row *y = *(const struct art_row *const *)b;

	return (x->seq < y->seq) - (x->seq > y->seq);
}

static int cmp_published(const void *a, const void *b)
{
	const struct art_row *x = *(const struct art_row *const *)a;
	const struct art_row *y = *(const struct art_row *const *)b;
	int c;

	if (!x->published[0] != !y->published[0]) /* the undated last */
		return x->published[0] ? -1 : 1;
	c = strcmp(y->published, x->published);
	return c ? c : cmp_newest(a, b);
}

static int cmp_text(const char *p, const char *q)
{
	for (; *p && *q && lower((unsigned char)*p) == lower((unsigned char)*q); p++, q++)
		;
	return lower((unsigned char)*p) - lower((unsigned char)*q);
}

static int cmp_title(const void *a, const void *b)
{
	const struct art_row *x = *(const struct art_row *const *)a;
	const struct art_row *y = *(const struct art_row *const *)b;
	int c = cmp_text(str_of(sorting, x->title), str_of(sorting, y->title));

	return c ? c : cmp_newest(a, b);
}

static int cmp_site(const void *a, const void *b)
{
	const struct art_row *x = *(const struct art_row *const *)a;
	const struct art_row *y = *(const struct art_row *const *)b;
	int c = cmp_text(str_of(sorting, x->site), str_of(sorting, y->site));

	return c ? c : cmp_published(a, b);
}

static int cmp_claims(const void *a, const void *b)
{
	const struct art_row *x = *(const struct art_row *const *)a;
	const struct art_row *y = *(const struct art_row *const *)b;
	uint32_t p = x->claims + x->agreements, q = y->claims + y->agreements;

	return p != q ? (p < q) - (p > q) : cmp_newest(a, b);
}

static int (*const sorters[BY_COUNT])(const void *, const void *) = {
	cmp_newest, cmp_published, cmp_title, cmp_site, cmp_claims,
};

/* The rows that match @q (lowercased in @low), sorted @by, into *@out
 * (a new array; free() it). */
static int select_rows(const struct serve_articles *l, const char *q, enum sort_by by,
		       const struct art_row ***out, size_t *n)
{
	char low[128];
	size_t qn = 0;

	for (; q && q[qn] && qn + 1 < sizeof low; qn++)
		low[qn] = (char)lower((unsigned char)q[qn]);
	low[qn] = '\0';
	*n = 0;
	*out = malloc((l->n ? l->n : 1) * sizeof **out);
	if (!*out)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < l->n; i++) {
		const struct art_row *r = &l->v[i];

		if (!qn || contains(str_of(l, r->title), low, qn) ||
		    contains(str_of(l, r->site), low, qn) || contains(str_of(l, r->url), low, qn))
			(*out)[(*n)++] = r;
	}
	sorting = l;
	if (*n > 1)
		qsort((void *)*out, *n, sizeof **out, sorters[by]);
	return ASSAY_OK;
}

/* ---- The page ---- */

static void search_form(struct serve_out *o, const char *q, enum sort_by by)
{
	serve_printf(o, "<form class=\"filters card\" method=\"get\" action=\"/articles\">"
		     "<label>Search <input type=\"search\" name=\"q\" maxlength=\"100\" "
		     "placeholder=\"title, site or address\" value=\"");
	serve_text(o, q ? q : "");
	serve_printf(o, "\"></label><label>Sort by <select name=\"sort\">");
	for (int i = 0; i < BY_COUNT; i++)
		serve_printf(o, "<option value=\"%s\"%s>%s</option>", sort_names[i],
			     (int)by == i ? " selected" : "", sort_labels[i]);
	serve_printf(o, "</select></label><button>Show</button> <a href=\"/articles\">clear</a></form>");
}

static void row(struct serve_out *o, const struct serve_articles *l, const struct art_row *r)
{
	const char *title = str_of(l, r->title), *site = str_of(l, r->site);
	char name[128];

	serve_printf(o, "<tr><td><a href=\"");
	serve_article_href(o, str_of(l, r->url));
	serve_printf(o, "\">");
	serve_text(o, title[0] ? title : str_of(l, r->url));
	serve_printf(o, "</a></td><td>");
	serve_text(o, assay_review_source_name(site, str_of(l, r->url), name, sizeof name));
	serve_printf(o, "</td><td class=\"date\">");
	serve_text(o, r->published[0] ? r->published : "undated");
	serve_printf(o, "</td><td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
		     r->claims, r->agreements);
}

static enum sort_by sort_of(const char *name)
{
	for (int i = 0; name && i < BY_COUNT; i++)
		if (!strcmp(name, sort_names[i]))
			return (enum sort_by)i;
	return BY_NEWEST;
}

int serve_page_articles(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp)
{
	struct serve_out o = {&resp->body, ASSAY_OK}, b;
	struct assay_buf base = {0};
	const struct art_row **rows = NULL;
	const char *q = serve_req_arg(req, "q");
	enum sort_by by = sort_of(serve_req_arg(req, "sort"));
	size_t n = 0, page, end;
	int rc = renew(app->articles, app->store);

	if (!rc)
		rc = select_rows(app->articles, q, by, &rows, &n);
	if (rc)
		goto out;
	b = (struct serve_out){&base, ASSAY_OK};
	serve_printf(&b, "/articles?sort=%s&amp;", sort_names[by]);
	if (q && *q) {
		serve_printf(&b, "q=");
		serve_urlarg(&b, q);
		serve_printf(&b, "&amp;");
	}
	if (b.rc) {
		rc = b.rc;
		goto out;
	}
	page = serve_page_number(req, n, ARTICLES_PAGE);
	serve_page_begin(&o, "Articles", "articles");
	serve_printf(&o, "<h1>Articles</h1><p class=\"muted\">%zu stored; %zu shown.</p>",
		     app->articles->n, n);
	search_form(&o, q, by);
	serve_pager(&o, base.data, page, n, ARTICLES_PAGE);
	serve_printf(&o, "<table class=\"articles\"><thead><tr><th>Title</th><th>Site</th>"
		     "<th>Published</th><th title=\"claims it is a source of\">Claims</th>"
		     "<th title=\"agreements it is a source of\">Agreements</th></tr></thead><tbody>");
	end = (page + 1) * ARTICLES_PAGE < n ? (page + 1) * ARTICLES_PAGE : n;
	for (size_t i = page * ARTICLES_PAGE; i < end; i++)
		row(&o, app->articles, rows[i]);
	serve_printf(&o, "</tbody></table>");
	if (!n)
		serve_printf(&o, "<p class=\"card\">%s</p>", app->articles->n ?
			     "No article matches: try fewer words." :
			     "No articles yet: ingest or crawl some.");
	serve_pager(&o, base.data, page, n, ARTICLES_PAGE);
	serve_page_end(&o);
	rc = o.rc;
out:
	free((void *)rows);
	assay_buf_release(&base);
	return rc;
}
