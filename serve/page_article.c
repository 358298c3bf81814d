/* page_article.c - one article as the store
 * keeps it: the cleaned text with every mention the extractor finds
 * marked, and each mention that belongs to a stored claim linked to it,
 * beside the article's facts and a link to the original.
 *
 * Mentions are found again by running the extractor over the stored text
 * (the store keeps claims, not mentions); a mention is linked when it lies
 * in the evidence of a claim of this article and is that claim's figure or
 * subject. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "extract.h"
#include "pages.h"
#include "str.h"

static const char *const mention_types[] = {
	[ASSAY_M_QUANTITY] = "quantity", [ASSAY_M_PERCENT] = "percent",
	[ASSAY_M_MONEY] = "money", [ASSAY_M_COUNT] = "count",
	[ASSAY_M_COUNTRY] = "country", [ASSAY_M_ORG] = "org",
	[ASSAY_M_COMMODITY] = "commodity", [ASSAY_M_DATE] = "date",
};
static const char *const mention_classes[] = {
	[ASSAY_M_QUANTITY] = "m m-quantity", [ASSAY_M_PERCENT] = "m m-percent",
	[ASSAY_M_MONEY] = "m m-money", [ASSAY_M_COUNT] = "m m-count",
	[ASSAY_M_COUNTRY] = "m m-country", [ASSAY_M_ORG] = "m m-org",
	[ASSAY_M_COMMODITY] = "m m-commodity", [ASSAY_M_DATE] = "m m-date",
};

/* A claim of this article: where its evidence is and what it says. */
struct link {
	char id[12];
	size_t start, end;
	double value;
	char subject[48];
	char figure[128];      /* the claim's figure in words */
	char written[64];      /* this source's figure as written */
	struct assay_claim c;  /* for its title */
	bool agreement;        /* an agreement: its parties link to it */
	char parties[ASSAY_MAX_PARTIES][48];
	int nparties;
};

struct links {
	const char *url;
	struct link *v;
	size_t n, cap;
};

static int add_link(struct links *l, const char *id, const struct assay_source *s,
		    const char *subject)
{
	struct link *k;

	if (assay_array_reserve(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return ASSAY_ENOMEM;
	k = &l->v[l->n++];
	memset(k, 0, sizeof *k);
	assay_copy(k->id, sizeof k->id, id);
	k->start = s->start;
	k->end = s->end;
	k->value = s->value;
	assay_copy(k->written, sizeof k->written, s->figure);
	assay_copy(k->subject, sizeof k->subject, subject);
	return ASSAY_OK;
}

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	struct links *l = ctx;
	int rc = ASSAY_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		if (strcmp(src[i].url, l->url) != 0)
			continue;
		rc = add_link(l, c->id, &src[i], c->c.subject);
		if (!rc) {
			assay_review_claim_figure(c, l->v[l->n - 1].figure, sizeof l->v[l->n - 1].figure);
			l->v[l->n - 1].c = c->c;
		}
	}
	return rc;
}

static int on_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t n)
{
	struct links *l = ctx;
	int rc = ASSAY_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		struct link *k;

		if (strcmp(src[i].url, l->url) != 0)
			continue;
		rc = add_link(l, a->id, &src[i], "");
		if (rc)
			break;
		k = &l->v[l->n - 1];
		k->agreement = true;
		k->value = NAN;
		k->written[0] = '\0';
		snprintf(k->figure, sizeof k->figure, "%s %s", a->a.type, a->a.status);
		for (int p = 0; p < a->a.nparties && p < ASSAY_MAX_PARTIES; p++)
			assay_copy(k->parties[k->nparties++], sizeof k->parties[0], a->a.parties[p]);
	}
	return rc;
}

static bool is_party(const struct link *k, const char *id)
{
	for (int i = 0; i < k->nparties; i++)
		if (strcmp(k->parties[i], id) == 0)
			return true;
	return false;
}

/* The claim a mention belongs to, or NULL. */
static const struct link *link_of(const struct links *l, const struct assay_mention *m,
				  bool figure)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct link *k = &l->v[i];
		if (m->start < k->start || m->end > k->end)
			continue;
		if (figure ? !k->agreement && fabs(m->value - k->value) <= 1e-6 * fmax(1, fabs(k->value))
			   : k->agreement ? is_party(k, m->id) : strcmp(m->id, k->subject) == 0)
			return k;
	}
	return NULL;
}

/* Marks each claim's figure, as written, inside its evidence; returns the
 * number of spans written to @sp (room for l->n). */
static size_t claim_spans(const char *text, size_t len, const struct links *l,
			  struct serve_span *sp)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct link *k = &l->v[i];
		size_t m = strlen(k->written);

		if (!m || k->end > len || k->start >= k->end)
			continue;
		for (size_t at = k->start; at + m <= k->end; at++) {
			if (memcmp(text + at, k->written, m) != 0)
				continue;
			sp[n] = (struct serve_span){at, at + m, "m m-quantity", "", ""};
			snprintf(sp[n].href, sizeof sp[n].href, "/claim/%s?state=any", k->id);
			snprintf(sp[n].title, sizeof sp[n].title, "claim %s", k->id);
			n++;
			break;
		}
	}
	return n;
}

static size_t mention_spans(const char *text, size_t len, const char *published,
			    const struct links *l, struct serve_span **out)
{
	struct assay_extract_opts opts = {.published = published && *published ? published : NULL};
	struct assay_extraction x = {0};
	struct serve_span *sp;
	size_t n = 0;

	*out = NULL;
	if (assay_extract_text(text, len, &opts, &x) != ASSAY_OK)
		x.nmentions = 0;
	sp = calloc(x.nmentions + l->n + 1, sizeof *sp);
	if (!sp)
		goto out;
	n = claim_spans(text, len, l, sp);
	for (size_t i = 0; i < x.nmentions; i++) {
		const struct assay_mention *m = &x.mentions[i];
		bool fig = m->type <= ASSAY_M_COUNT;
		const struct link *k = link_of(l, m, fig);

		if ((size_t)m->type >= sizeof mention_types / sizeof mention_types[0])
			continue;
		sp[n].start = m->start;
		sp[n].end = m->end;
		sp[n].cls = mention_classes[m->type];
		if (k)
			snprintf(sp[n].href, sizeof sp[n].href, "/claim/%s?state=any", k->id);
		snprintf(sp[n].title, sizeof sp[n].title, "%s%s%s", mention_types[m->type],
			 m->id[0] ? ": " : "", m->id);
		n++;
	}
	*out = sp;
out:
	assay_extraction_release(&x);
	return n;
}

/* The ids of what an article supports, read before any claim is. */
struct ids {
	char (*v)[16];
	size_t n, cap;
};

static int take_id(void *ctx, const char *id)
{
	struct ids *ids = ctx;

	if (assay_array_reserve(&ids->v, &ids->cap, ids->n + 1, sizeof *ids->v))
		return ASSAY_ENOMEM;
	assay_copy(ids->v[ids->n++], sizeof *ids->v, id);
	return ASSAY_OK;
}

/* The claims and agreements article @a is a source of, as links. */
static int article_links(struct assay_store *s, const struct assay_stored_article *a,
			 struct links *l)
{
	struct ids ids = {0};
	int rc = assay_store_article_claims(s, a->seq, take_id, &ids);

	for (size_t i = 0; i < ids.n && !rc; i++) {
		rc = assay_store_claim_get(s, ids.v[i], on_claim, on_agreement, l);
		if (rc == ASSAY_ENOTFOUND) /* taken out since the index was read */
			rc = ASSAY_OK;
	}
	free(ids.v);
	return rc;
}

static void side(struct serve_out *o, const struct assay_stored_article *a,
		 const struct links *l)
{
	serve_printf(o, "<aside class=\"side\"><div class=\"card\"><p><strong>");
	serve_text(o, a->site[0] ? a->site : "unknown site");
	serve_printf(o, "</strong><br>");
	serve_text(o, a->published[0] ? a->published : "undated");
	if (a->author[0]) {
		serve_printf(o, "<br>by ");
		serve_text(o, a->author);
	}
	serve_printf(o, "</p><p>");
	if (serve_url_is_web(a->url)) {
		serve_printf(o, "<a id=\"original\" href=\"");
		serve_text(o, a->url);
		serve_printf(o, "\" rel=\"noreferrer noopener\" target=\"_blank\">Read the original &#8599;</a>");
	} else {
		serve_printf(o, "Stored from <code>");
		serve_text(o, a->url);
		serve_printf(o, "</code>");
	}
	serve_printf(o, "</p></div><div class=\"card\"><strong>Claims from this article</strong><ul>");
	for (size_t i = 0; i < l->n; i++) {
		serve_printf(o, "<li><a href=\"/claim/");
		serve_urlarg(o, l->v[i].id);
		serve_printf(o, "?state=any\">");
		if (l->v[i].agreement)
			serve_words(o, l->v[i].figure);
		else
			serve_text(o, l->v[i].figure);
		serve_printf(o, "</a> ");
		if (l->v[i].agreement)
			for (int p = 0; p < l->v[i].nparties; p++) {
				serve_printf(o, "%s", p ? ", " : "");
				serve_subject(o, l->v[i].parties[p]);
			}
		else
			serve_claim_title(o, &l->v[i].c);
		serve_printf(o, "</li>");
	}
	serve_printf(o, "</ul>%s</div></aside>", l->n ? "" : "<p class=\"muted\">none</p>");
}

int serve_page_article(struct serve_app *app, const struct serve_req *req,
		       struct serve_resp *resp)
{
	struct serve_out o = {&resp->body, ASSAY_OK};
	struct assay_stored_article a;
	const char *url = serve_req_arg(req, "url");
	struct links l = {.url = url};
	struct assay_buf text = {0};
	struct serve_span *spans = NULL;
	size_t n;
	int rc;

	if (!url)
		return ASSAY_ENOTFOUND;
	rc = assay_store_article_get(app->store, url, &a);
	if (!rc)
		rc = assay_store_article_text(app->store, a.url, &text);
	if (!rc)
		rc = article_links(app->store, &a, &l);
	if (rc)
		goto out;
	n = mention_spans(text.data ? text.data : "", text.len, a.published, &l, &spans);
	serve_page_begin(&o, a.title[0] ? a.title : "Article", "articles");
	serve_printf(&o, "<h1 id=\"title\">");
	serve_text(&o, a.title[0] ? a.title : a.url);
	serve_printf(&o, "</h1><p class=\"legend small muted\"><mark class=\"m m-quantity\">figures</mark> "
		     "<mark class=\"m m-country\">countries and companies</mark> "
		     "<mark class=\"m m-commodity\">commodities</mark> <mark class=\"m m-date\">dates</mark> "
		     "&middot; underlined: part of a stored claim, click to review it</p>"
		     "<div class=\"article-grid\"><article class=\"article-text card\">");
	serve_highlight(&o, text.data ? text.data : "", text.len, spans, n, true);
	serve_printf(&o, "</article>");
	side(&o, &a, &l);
	serve_printf(&o, "</div>");
	serve_page_end(&o);
	rc = o.rc;
out:
	free(spans);
	free(l.v);
	assay_buf_release(&text);
	return rc;
}
