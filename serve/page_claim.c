/* page_claim.c - one claim (or agreement) for review: the figure and
 * its key, the decision buttons with their keys, the conflict the claim
 * is part of (the other figures of its key, their sources, a link to the
 * whole group), every source with its own evidence under a label true to
 * what it is (a story, a copy of it on another site, another place of a
 * page already shown), a table row with its table's caption and header
 * row, and the history of decisions.
 *
 * The page carries the queue's filter in its links and forms, so that
 * j/k, skip and a decision all move along the same list the editor chose.
 * The page works without script; app.js only adds the keys. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "pages.h"
#include "str.h"
#include "vocab.h"

#define OTHER_MAX 12   /* figures of the conflict listed on a claim page */
#define OTHER_SOURCES 3 /* sources listed with each of them */

/* A figure (or status) of the claim's conflict group, as listed. */
struct other {
	char id[12], fig[128], state[12];
	bool self;
	struct {
		char site[128], published[32], url[512], title[256];
	} src[OTHER_SOURCES];
	size_t nsrc, npages; /* pages listed, pages in all */
};

struct view {
	struct assay_review_item it;
	struct assay_review *hist;
	size_t nhist;
	struct other *others;   /* the conflict, when the claim is in one */
	size_t nothers, nmembers, nstories;
	bool resolved;
};

static int on_group(void *ctx, const struct assay_conflict *g)
{
	struct view *v = ctx;
	const char *self = v->it.is_agr ? v->it.a.id : v->it.c.id;

	v->others = calloc(OTHER_MAX, sizeof *v->others);
	if (!v->others)
		return ASSAY_ENOMEM;
	v->nmembers = g->nmembers;
	v->nstories = g->nstories;
	v->resolved = g->resolved;
	for (size_t i = 0; i < g->nmembers && v->nothers < OTHER_MAX; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		struct other *t = &v->others[v->nothers++];

		if (g->is_agreement) {
			assay_copy(t->id, sizeof t->id, m->agreement->id);
			snprintf(t->fig, sizeof t->fig, "%s (%s)", m->agreement->a.status,
				 m->agreement->a.type);
			assay_copy(t->state, sizeof t->state, m->agreement->review.state);
		} else {
			assay_copy(t->id, sizeof t->id, m->claim->id);
			assay_review_claim_figure(m->claim, t->fig, sizeof t->fig);
			assay_copy(t->state, sizeof t->state, m->claim->review.state);
		}
		t->self = strcmp(t->id, self) == 0;
		for (size_t k = 0; k < m->nsources; k++) {
			bool seen = k && strcmp(m->sources[k - 1].url, m->sources[k].url) == 0;

			for (size_t j = 0; j < t->nsrc && !seen; j++)
				seen = strcmp(t->src[j].url, m->sources[k].url) == 0;
			if (seen)
				continue; /* one page, listed once */
			t->npages++;
			if (t->nsrc == OTHER_SOURCES)
				continue;
			assay_copy(t->src[t->nsrc].site, sizeof t->src[0].site, m->sources[k].site);
			assay_copy(t->src[t->nsrc].published, sizeof t->src[0].published,
				   m->sources[k].published);
			assay_copy(t->src[t->nsrc].url, sizeof t->src[0].url, m->sources[k].url);
			assay_copy(t->src[t->nsrc].title, sizeof t->src[0].title, m->sources[k].title);
			t->nsrc++;
		}
	}
	return ASSAY_OK;
}

static int load_view(struct serve_app *app, const char *id, struct view *v)
{
	int rc;

	memset(v, 0, sizeof *v);
	rc = assay_review_item_get(app->store, id, &v->it);
	if (rc)
		return rc;
	assay_review_sort_sources(v->it.src, v->it.nsrc);
	rc = assay_store_review_history(app->store, v->it.is_agr ? v->it.a.id : v->it.c.id,
					&v->hist, &v->nhist);
	if (rc && rc != ASSAY_ENOTFOUND)
		return rc;
	rc = assay_store_conflict_group(app->store, v->it.is_agr,
					v->it.is_agr ? v->it.a.group : v->it.c.group, on_group, v);
	return rc == ASSAY_ENOTFOUND ? ASSAY_OK : rc;
}

static void view_release(struct view *v)
{
	free(v->it.src);
	free(v->hist);
	free(v->others);
}

static const struct assay_review *view_review(const struct view *v)
{
	return v->it.is_agr ? &v->it.a.review : &v->it.c.review;
}

static void head(struct serve_out *o, const struct view *v)
{
	char fig[128];

	serve_printf(o, "<div class=\"claim-head\">");
	if (v->it.is_agr) {
		serve_printf(o, "<span class=\"big\">");
		serve_words(o, v->it.a.a.type);
		serve_printf(o, ": ");
		serve_text(o, v->it.a.a.status);
		serve_printf(o, "</span>");
	} else {
		assay_review_claim_figure(&v->it.c, fig, sizeof fig);
		serve_printf(o, "<span class=\"big\" id=\"figure\">");
		serve_text(o, fig);
		serve_printf(o, "</span>");
	}
	serve_state_badge(o, view_review(v)->state);
	serve_printf(o, "<span class=\"muted small\">%s id <code>", v->it.is_agr ? "agreement" : "claim");
	serve_text(o, v->it.is_agr ? v->it.a.id : v->it.c.id);
	serve_printf(o, "</code></span></div>");
	if (v->it.is_agr) {
		serve_printf(o, "<div class=\"key\"><span><b>between</b>");
		for (int i = 0; i < v->it.a.a.nparties && i < ASSAY_MAX_PARTIES; i++) {
			serve_printf(o, "%s", i ? ", " : "");
			serve_subject(o, v->it.a.a.parties[i]);
		}
		serve_printf(o, "</span>");
		if (v->it.a.a.topic[0]) {
			serve_printf(o, "<span><b>on</b>");
			serve_words(o, v->it.a.a.topic);
			serve_printf(o, "</span>");
		}
		serve_printf(o, "</div>");
	} else {
		serve_claim_key(o, &v->it.c.c);
	}
}

static void corrected_note(struct serve_out *o, const struct view *v)
{
	const struct assay_review *r = view_review(v);
	char fig[96], what[1024];

	if (assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED)) {
		serve_printf(o, "<p class=\"card\" id=\"correction\">");
		if (r->has_value) {
			assay_review_fmt_figure(r->value, 0, false, r->unit[0] ? r->unit : v->it.c.c.unit,
						fig, sizeof fig);
			serve_printf(o, "The editor's figure: <strong id=\"corrected\">");
			serve_text(o, fig);
			serve_printf(o, "</strong>. ");
		}
		assay_review_change_words(r, NULL, v->it.is_agr ? NULL : &v->it.c.c, v->it.is_agr ? &v->it.a.a : NULL,
					  what, sizeof what);
		serve_printf(o, "Corrected: <span class=\"changes\">");
		serve_text(o, what);
		serve_printf(o, "</span> (what was extracted is kept below).</p>");
	} else if (assay_review_state_is(r->state, ASSAY_REVIEW_REJECTED)) {
		serve_printf(o, "<p class=\"card\">Rejected: <strong>");
		serve_text(o, r->reason);
		serve_printf(o, "</strong></p>");
	}
}

static void hidden(struct serve_out *o, const struct serve_req *req,
		   const struct assay_review_filter *f, const char *action)
{
	serve_printf(o, "<input type=\"hidden\" name=\"token\" value=\"");
	serve_text(o, req->form_token);
	serve_printf(o, "\"><input type=\"hidden\" name=\"action\" value=\"%s\">", action);
	serve_filter_fields(o, f);
}

static void nav_link(struct serve_out *o, const struct assay_review_row *r,
		     const struct assay_review_filter *f, const char *key, const char *label)
{
	if (!r) {
		serve_printf(o, "<span class=\"button muted\">%s</span>", label);
		return;
	}
	serve_printf(o, "<a class=\"button\" data-key=\"%s\" rel=\"%s\" href=\"/claim/", key,
		     strcmp(key, "j") == 0 ? "next" : "prev");
	serve_urlarg(o, r->id);
	serve_printf(o, "?");
	serve_filter_query(o, f, true);
	serve_printf(o, "\">%s <kbd>%s</kbd></a>", label, key);
}

static void text_field(struct serve_out *o, const char *name, const char *label,
		       const char *value, int max)
{
	serve_printf(o, "<label>%s <input type=\"text\" name=\"%s\" id=\"fix-%s\" "
		     "maxlength=\"%d\" value=\"", label, name, name, max);
	serve_text(o, value);
	serve_printf(o, "\"></label>");
}

static void select_field(struct serve_out *o, const char *name, const char *label,
			 const char *const *list, const char *value)
{
	serve_printf(o, "<label>%s <select name=\"%s\" id=\"fix-%s\">", label, name, name);
	for (; *list; list++) /* the vocabularies are constants: safe as markup */
		serve_printf(o, "<option%s>%s</option>", strcmp(*list, value) ? "" : " selected",
			     *list);
	serve_printf(o, "</select></label>");
}

/* Every other field of the claim (or agreement), filled with what it
 * says now (corrections included): the editor changes what is wrong, and
 * what differs from the extracted claim is kept. */
static void fix_fields(struct serve_out *o, const struct view *v)
{
	struct assay_claim now;
	struct assay_agreement agr;

	serve_printf(o, "<details class=\"fix\" id=\"fix\"><summary data-key=\"f\">"
		     "Other fields <kbd>f</kbd></summary><div class=\"fix-fields\">");
	if (v->it.is_agr) {
		char parties[ASSAY_MAX_PARTIES * 50] = "";
		size_t at = 0;

		assay_review_effective_agreement(&v->it.a.review, &v->it.a.a, &agr);
		for (int i = 0; i < agr.nparties && i < ASSAY_MAX_PARTIES; i++)
			at += (size_t)snprintf(parties + at, sizeof parties - at, "%s%s",
					       i ? ", " : "", agr.parties[i]);
		select_field(o, "type", "type", assay_review_agreement_types, agr.type);
		text_field(o, "parties", "parties (ids, comma between)", parties, 300);
		select_field(o, "status", "status", assay_agreement_status_names, agr.status);
	} else {
		assay_review_effective(&v->it.c.review, &v->it.c.c, &now);
		text_field(o, "subject", "subject (id)", now.subject, 47);
		text_field(o, "metric", "metric", now.metric, 31);
		text_field(o, "commodity", "commodity", now.commodity, 31);
		text_field(o, "period", "period (2023, 2024/2029)", now.period, 15);
		select_field(o, "status", "status", assay_claim_status_names, now.status);
		text_field(o, "place", "place", now.place, 63);
	}
	serve_printf(o, "</div></details>");
}

static void actions(struct serve_out *o, const struct serve_req *req,
		    const struct assay_review_reasons *app_reasons, const struct view *v,
		    const struct assay_review_filter *f, const struct assay_review_row *prev,
		    const struct assay_review_row *next)
{
	const char *id = v->it.is_agr ? v->it.a.id : v->it.c.id;

	serve_printf(o, "<div class=\"actions\">");
#define OPEN_FORM() do { \
		serve_printf(o, "<form method=\"post\" action=\"/claim/"); \
		serve_urlarg(o, id); \
		serve_printf(o, "/review\">"); } while (0)
	OPEN_FORM();
	hidden(o, req, f, "accept");
	serve_printf(o, "<button class=\"accept\" data-key=\"a\" id=\"accept\">Accept <kbd>a</kbd></button></form>");
	OPEN_FORM();
	hidden(o, req, f, "reject");
	serve_printf(o, "<input type=\"text\" class=\"reason\" name=\"reason\" required maxlength=\"250\" "
		     "data-key=\"r\" id=\"reason\" placeholder=\"why it is wrong (press r)\" "
		     "aria-label=\"reason for rejecting\"><button class=\"reject\">Reject</button>");
	for (size_t i = 0; i < app_reasons->n; i++) {
		serve_printf(o, "<button class=\"preset\" name=\"preset\" formnovalidate "
			     "data-key=\"%zu\" value=\"", i + 1);
		serve_text(o, app_reasons->text[i]);
		serve_printf(o, "\">");
		serve_text(o, app_reasons->text[i]);
		serve_printf(o, " <kbd>%zu</kbd></button>", i + 1);
	}
	serve_printf(o, "</form>");
	OPEN_FORM();
	hidden(o, req, f, "correct");
	if (!v->it.is_agr) {
		serve_printf(o, "<input type=\"text\" class=\"value\" name=\"value\" "
			     "inputmode=\"decimal\" data-key=\"c\" id=\"value\" "
			     "placeholder=\"right figure (c)\" aria-label=\"corrected value\">"
			     "<input type=\"text\" class=\"unit\" name=\"unit\" id=\"unit\" "
			     "aria-label=\"unit\" value=\"");
		bool fixed = v->it.c.review.has_value && v->it.c.review.unit[0] &&
			     assay_review_state_is(v->it.c.review.state, ASSAY_REVIEW_CORRECTED);
		serve_text(o, fixed ? v->it.c.review.unit : v->it.c.c.unit);
		serve_printf(o, "\">");
	}
	serve_printf(o, "<button class=\"correct\" id=\"correct\">Correct</button>");
	fix_fields(o, v);
	serve_printf(o, "</form>");
	if (!assay_review_state_is(view_review(v)->state, ASSAY_REVIEW_PENDING)) {
		OPEN_FORM();
		hidden(o, req, f, "pending");
		serve_printf(o, "<button data-key=\"u\">Back to pending <kbd>u</kbd></button></form>");
	}
#undef OPEN_FORM
	serve_printf(o, "<span class=\"nav-claims\">");
	nav_link(o, prev, f, "k", "Previous");
	if (next) {
		serve_printf(o, "<a class=\"button\" data-key=\"s\" href=\"/claim/");
		serve_urlarg(o, next->id);
		serve_printf(o, "?");
		serve_filter_query(o, f, true);
		serve_printf(o, "\">Skip <kbd>s</kbd></a>");
	}
	nav_link(o, next, f, "j", "Next");
	serve_printf(o, "</span></div>");
}

static void source_meta(struct serve_out *o, const struct assay_source *s)
{
	serve_printf(o, "<div class=\"meta\"><strong>");
	serve_source_cite(o, s->site, s->url, s->published, s->title, "</strong> &middot; ",
			  " &middot; ");
	if (serve_url_is_web(s->url)) {
		serve_printf(o, "<a href=\"");
		serve_text(o, s->url);
		serve_printf(o, "\" rel=\"noreferrer noopener\" target=\"_blank\">original &#8599;</a>");
	}
	serve_printf(o, "</div>");
}

/* The article text table rows are looked up in: one page's at a time
 * (a page's sources are next to each other). */
struct page_text {
	char url[512];
	struct assay_buf text;
	bool have;
};

/* The header row and caption of a table row's table, above the row. */
static void table_context(struct serve_out *o, struct assay_store *store, struct page_text *pt,
			  const struct assay_source *s)
{
	char header[512], caption[256];

	if (!assay_review_is_table_row(s->evidence, strlen(s->evidence)))
		return;
	if (!pt->have || strcmp(pt->url, s->url) != 0) {
		assay_buf_reset(&pt->text);
		assay_copy(pt->url, sizeof pt->url, s->url);
		pt->have = assay_store_article_text(store, s->url, &pt->text) == ASSAY_OK;
	}
	if (!pt->have || !assay_review_table_context(pt->text.data, pt->text.len, s->start,
						     header, sizeof header, caption, sizeof caption))
		return;
	serve_printf(o, "<div class=\"table-context\">");
	if (caption[0]) {
		serve_printf(o, "<div class=\"caption\" title=\"the line above the table\">");
		serve_text(o, caption);
		serve_printf(o, "</div>");
	}
	if (header[0]) {
		serve_printf(o, "<div class=\"thead\" title=\"the table's header row\">");
		serve_text(o, header);
		serve_printf(o, "</div>");
	}
	serve_printf(o, "</div>");
}

static void evidence(struct serve_out *o, const struct view *v, const struct assay_source *s)
{
	const char *subjects[ASSAY_MAX_PARTIES + 1];
	struct serve_span spans[16];
	char text[sizeof s->evidence];
	size_t ns = 0, n, len;

	if (v->it.is_agr)
		for (int i = 0; i < v->it.a.a.nparties && i < ASSAY_MAX_PARTIES; i++)
			subjects[ns++] = v->it.a.a.parties[i];
	else
		subjects[ns++] = v->it.c.c.subject;
	len = assay_review_tidy(s->evidence, strlen(s->evidence), text, sizeof text);
	n = serve_find_marks(text, len, s->published, v->it.is_agr ? NAN : s->value,
			     v->it.is_agr ? NULL : s->figure, subjects, ns, spans,
			     sizeof spans / sizeof spans[0]);
	serve_printf(o, "<blockquote class=\"evidence\">");
	serve_highlight(o, text, len, spans, n, false);
	serve_printf(o, "</blockquote>");
}

/* Every source with its own evidence, under a label that says what it is
 * to the ones above: a story, a copy of it elsewhere, or another place of
 * a page already shown. */
static void sources(struct serve_out *o, struct assay_store *store, const struct view *v)
{
	struct page_text pt = {0};
	int nstory = 0;

	for (size_t i = 0; i < v->it.nsrc; i++) {
		enum assay_review_source_role role = assay_review_source_role(v->it.src, i);
		char label[256];

		if (role == ASSAY_REVIEW_SRC_STORY) {
			if (i)
				serve_printf(o, "</section>");
			serve_printf(o, "<section class=\"story\">");
			nstory++;
		}
		assay_review_source_label(v->it.src, i, nstory, label, sizeof label);
		serve_printf(o, "<div class=\"source %s\"><h3>",
			     role == ASSAY_REVIEW_SRC_STORY ? "first" :
			     role == ASSAY_REVIEW_SRC_COPY ? "copy" : "same-page");
		serve_text(o, label);
		serve_printf(o, "</h3>");
		source_meta(o, &v->it.src[i]);
		table_context(o, store, &pt, &v->it.src[i]);
		evidence(o, v, &v->it.src[i]);
		serve_printf(o, "</div>");
	}
	if (v->it.nsrc)
		serve_printf(o, "</section>");
	assay_buf_release(&pt.text);
}

/* The conflict the claim is part of: every figure (or status) of its key,
 * with a few sources each, and the way to the whole group. */
static void conflict(struct serve_out *o, const struct view *v)
{
	if (!v->nothers)
		return;
	serve_printf(o, "<section class=\"conflict-context\" id=\"conflict\"><h2>Part of a "
		     "conflict: %zu %s from %zu stor%s%s</h2><ul class=\"members\">",
		     v->nmembers, v->it.is_agr ? "statuses" : "figures", v->nstories,
		     v->nstories == 1 ? "y" : "ies", v->resolved ? " (resolved)" : "");
	for (size_t i = 0; i < v->nothers; i++) {
		const struct other *t = &v->others[i];

		serve_printf(o, "<li%s>", t->self ? " class=\"self\"" : "");
		if (t->self) {
			serve_printf(o, "<strong>");
			serve_text(o, t->fig);
			serve_printf(o, "</strong> <span class=\"muted\">(this one)</span> ");
		} else {
			serve_printf(o, "<a href=\"/claim/");
			serve_urlarg(o, t->id);
			serve_printf(o, "?state=any\"><strong>");
			serve_text(o, t->fig);
			serve_printf(o, "</strong></a> ");
		}
		serve_state_badge(o, t->state);
		serve_printf(o, "<span class=\"small\">");
		for (size_t k = 0; k < t->nsrc; k++) {
			serve_printf(o, "%s", k ? "; " : " ");
			serve_source_cite(o, t->src[k].site, t->src[k].url, t->src[k].published,
					  t->src[k].title, ", ", ": ");
		}
		if (t->npages > t->nsrc)
			serve_printf(o, " and %zu more", t->npages - t->nsrc);
		serve_printf(o, "</span></li>");
	}
	if (v->nmembers > v->nothers)
		serve_printf(o, "<li class=\"muted\">and %zu more</li>", v->nmembers - v->nothers);
	serve_printf(o, "</ul><p><a href=\"/conflict/%c%016" PRIx64 "\">The whole conflict, "
		     "with its chart</a></p></section>", v->it.is_agr ? 'a' : 'c',
		     v->it.is_agr ? v->it.a.group : v->it.c.group);
}

static void history(struct serve_out *o, const struct view *v)
{
	serve_printf(o, "<h2>History of decisions</h2>");
	if (!v->nhist) {
		serve_printf(o, "<p class=\"muted\">No decision yet.</p>");
		return;
	}
	serve_printf(o, "<table class=\"history\"><thead><tr><th>When (UTC)</th><th>Who</th>"
		     "<th>Decision</th><th>Detail</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nhist; i++) {
		const struct assay_review *r = &v->hist[i];
		time_t t = (time_t)r->when;
		struct tm tm;
		char when[32] = "", fig[1024] = "";

		if (gmtime_r(&t, &tm))
			strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		assay_review_change_words(r, i ? &v->hist[i - 1] : NULL, v->it.is_agr ? NULL : &v->it.c.c,
					  v->it.is_agr ? &v->it.a.a : NULL, fig, sizeof fig);
		serve_printf(o, "<tr><td>%s</td><td>", when);
		serve_text(o, r->who);
		serve_printf(o, "</td><td>");
		serve_state_badge(o, r->state);
		serve_printf(o, "</td><td>");
		bool rejected = assay_review_state_is(r->state, ASSAY_REVIEW_REJECTED);
		serve_text(o, rejected ? r->reason : fig);
		serve_printf(o, "</td></tr>");
	}
	serve_printf(o, "</tbody></table>");
}

/* Who decides here, with this page (and its queue) to come back to. */
static void editor_line(struct serve_out *o, const struct serve_req *req, const char *id,
			const struct assay_review_filter *f)
{
	struct assay_buf b = {0};
	struct serve_out back = {&b, ASSAY_OK};

	serve_printf(&back, "/claim/");
	serve_urlarg(&back, id);
	serve_printf(&back, "?");
	serve_filter_query(&back, f, false);
	serve_editor_line(o, req, back.rc == ASSAY_OK ? b.data : "/");
	assay_buf_release(&b);
}

int serve_page_claim(struct serve_app *app, const struct serve_req *req,
		     struct serve_resp *resp, const char *id)
{
	struct serve_out o = {&resp->body, ASSAY_OK};
	struct assay_review_filter f;
	struct assay_review_queue q;
	struct view v;
	long at;
	int rc;

	serve_filter_from_req(req, &f);
	rc = load_view(app, id, &v);
	if (rc)
		goto out;
	rc = assay_review_cache_queue(&app->queue, &f, &q);
	if (rc)
		goto out;
	at = assay_review_queue_find(&q, v.it.is_agr ? v.it.a.id : v.it.c.id);
	serve_page_begin(&o, v.it.is_agr ? "Agreement" : "Claim", "queue");
	serve_flash(&o, req, &f);
	head(&o, &v);
	editor_line(&o, req, v.it.is_agr ? v.it.a.id : v.it.c.id, &f);
	actions(&o, req, &app->reasons, &v, &f, at > 0 ? q.rows[at - 1] : NULL,
		at >= 0 && (size_t)at + 1 < q.n ? q.rows[at + 1] : at < 0 && q.n ? q.rows[0] : NULL);
	if (at >= 0) {
		serve_printf(&o, "<p class=\"small muted\">%ld of %zu in this queue (", at + 1, q.n);
		serve_text(&o, f.state[0] ? f.state : "all states");
		serve_printf(&o, ")</p>");
	}
	corrected_note(&o, &v);
	conflict(&o, &v);
	serve_printf(&o, "<h2>Evidence: %zu source%s</h2><p class=\"legend small muted\">%s"
		     "<mark class=\"subj\">%s</mark></p>", v.it.nsrc, v.it.nsrc == 1 ? "" : "s",
		     v.it.is_agr ? "" : "<mark class=\"fig\">figure</mark> ",
		     v.it.is_agr ? "the parties" : "who it is about");
	sources(&o, app->store, &v);
	history(&o, &v);
	serve_printf(&o, "<p class=\"keys\"><kbd>a</kbd> accept &middot; <kbd>r</kbd> reject "
		     "(type the reason, Enter) &middot; %s<kbd>f</kbd> other fields &middot; "
		     "<kbd>s</kbd> skip &middot; <kbd>j</kbd> "
		     "<kbd>k</kbd> next and previous &middot; <kbd>Esc</kbd> leaves a text field</p>",
		     v.it.is_agr ? "" : "<kbd>c</kbd> correct (type the figure, Enter) &middot; ");
	serve_page_end(&o);
	assay_review_queue_release(&q);
	rc = o.rc;
out:
	view_release(&v);
	return rc;
}
