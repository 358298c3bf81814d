/* page_conflicts.c - where sources disagree: one row per conflict
 * group with its chart (figures) or status timeline (agreements), and a
 * page per group listing every figure or status with its sources.
 *
 * A group is named by its kind and key hash ("c" or "a" and 16 hex
 * digits), which stays the same as long as the key does. Pages are drawn
 * inside the store's walk: drawing never calls the store. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "chart.h"
#include "pages.h"
#include "str.h"
#include "vocab.h"

#define MAX_MARKS 60

#define GROUPS_PAGE 25

struct walk {
	struct serve_out *o;
	const char *only;      /* a group name for the group page, or NULL */
	size_t groups;         /* groups drawn */
	const struct serve_req *req;
	const struct assay_review_reasons *reasons;
	const char *back;      /* the list page as asked for: where a decision returns */
};

static void group_name(const struct assay_conflict *g, char *out, size_t size)
{
	const struct assay_conflict_member *m = &g->members[0];
	uint64_t h = g->is_agreement ? m->agreement->group : m->claim->group;

	snprintf(out, size, "%c%016" PRIx64, g->is_agreement ? 'a' : 'c', h);
}

/* By date, the undated last. */
static int cmp_marks(const void *a, const void *b)
{
	const struct serve_mark *x = a, *y = b;

	if (!x->date[0] || !y->date[0])
		return !x->date[0] - !y->date[0];
	return strcmp(x->date, y->date);
}

static void editor_mark(struct serve_mark *m, const struct assay_stored_claim *c)
{
	time_t t = (time_t)c->review.when;
	struct tm tm;

	memset(m, 0, sizeof *m);
	m->value = m->lo = m->hi = c->review.value;
	if (gmtime_r(&t, &tm))
		strftime(m->date, sizeof m->date, "%Y-%m-%d", &tm);
	snprintf(m->site, sizeof m->site, "editor's correction");
	m->accepted = true;
}

static size_t claim_marks(const struct assay_conflict *g, struct serve_mark *marks)
{
	size_t n = 0;

	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		bool acc = assay_review_state_is(m->claim->review.state, ASSAY_REVIEW_ACCEPTED);
		bool rej = assay_review_state_is(m->claim->review.state, ASSAY_REVIEW_REJECTED);

		for (size_t k = 0; k < m->nsources && n < MAX_MARKS; k++, n++) {
			const struct assay_source *s = &m->sources[k];
			memset(&marks[n], 0, sizeof marks[n]);
			marks[n].value = isfinite(s->value) ? s->value : m->claim->c.value;
			marks[n].lo = m->claim->lo;
			marks[n].hi = m->claim->hi;
			snprintf(marks[n].date, sizeof marks[n].date, "%.10s", s->published);
			assay_review_source_name(s->site, s->url, marks[n].site, sizeof marks[n].site);
			if (s->site[0])
				assay_copy(marks[n].site, sizeof marks[n].site, s->site);
			marks[n].accepted = acc;
			marks[n].rejected = rej;
		}
		if (assay_review_state_is(m->claim->review.state, ASSAY_REVIEW_CORRECTED) &&
		    m->claim->review.has_value && n < MAX_MARKS)
			editor_mark(&marks[n++], m->claim);
	}
	qsort(marks, n, sizeof *marks, cmp_marks);
	return n;
}

/* By date, the undated last (they cannot be placed in time). */
static int cmp_events(const void *a, const void *b)
{
	const struct serve_event *x = a, *y = b;

	if (!x->date[0] || !y->date[0])
		return !x->date[0] - !y->date[0];
	return strcmp(x->date, y->date);
}

/* Merges neighbours that say the same status on the same date into one
 * event that counts the other sites; returns the new count. */
static size_t merge_events(struct serve_event *ev, size_t n)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		if (out && !strcmp(ev[out - 1].date, ev[i].date) &&
		    !strcmp(ev[out - 1].status, ev[i].status))
			ev[out - 1].more++;
		else
			ev[out++] = ev[i];
	}
	return out;
}

static size_t agreement_events(const struct assay_conflict *g, struct serve_event *ev)
{
	size_t n = 0;

	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		for (size_t k = 0; k < m->nsources && n < MAX_MARKS; k++, n++) {
			memset(&ev[n], 0, sizeof ev[n]);
			snprintf(ev[n].date, sizeof ev[n].date, "%.10s", m->sources[k].published);
			assay_copy(ev[n].status, sizeof ev[n].status, m->agreement->a.status);
			assay_copy(ev[n].site, sizeof ev[n].site, m->sources[k].site);
		}
	}
	qsort(ev, n, sizeof *ev, cmp_events);
	return merge_events(ev, n);
}

static void group_title(struct serve_out *o, const struct assay_conflict *g)
{
	const struct assay_conflict_member *m = &g->members[0];

	if (!g->is_agreement) {
		serve_claim_title(o, &m->claim->c);
		return;
	}
	serve_printf(o, "Agreement between ");
	for (int i = 0; i < m->agreement->a.nparties && i < ASSAY_MAX_PARTIES; i++) {
		serve_printf(o, "%s", i ? (i + 1 == m->agreement->a.nparties ? " and " : ", ") : "");
		serve_subject(o, m->agreement->a.parties[i]);
	}
}

static void group_summary(struct serve_out *o, const struct assay_conflict *g)
{
	size_t nsrc = 0;

	for (size_t i = 0; i < g->nmembers; i++)
		nsrc += g->members[i].nsources;
	serve_printf(o, "<div class=\"summary\">%zu %s from %zu source%s", g->nmembers,
		     g->is_agreement ? "different statuses" : "different figures", nsrc,
		     nsrc == 1 ? "" : "s");
	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_review *r = g->is_agreement ? &g->members[i].agreement->review
							       : &g->members[i].claim->review;
		char fig[128];

		if (!assay_review_state_is(r->state, ASSAY_REVIEW_ACCEPTED) &&
		    !assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED))
			continue;
		if (g->is_agreement)
			assay_copy(fig, sizeof fig, g->members[i].agreement->a.status);
		else
			assay_review_claim_figure(g->members[i].claim, fig, sizeof fig);
		serve_printf(o, " &middot; %s: <strong>", r->state);
		serve_text(o, fig);
		serve_printf(o, "</strong>");
	}
	serve_printf(o, "</div>");
}

static int draw(struct serve_out *o, const struct assay_conflict *g)
{
	struct serve_mark marks[MAX_MARKS];
	struct serve_event events[MAX_MARKS];
	size_t n;

	if (o->rc)
		return o->rc;
	if (g->is_agreement) {
		n = agreement_events(g, events);
		o->rc = serve_timeline_svg(events, n, o->b);
	} else {
		n = claim_marks(g, marks);
		o->rc = serve_chart_svg(marks, n, g->members[0].claim->c.unit, o->b);
	}
	return o->rc;
}

static void member_list(struct serve_out *o, const struct assay_conflict *g)
{
	serve_printf(o, "<h2>What each source says</h2><ul class=\"members\">");
	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		const char *id = g->is_agreement ? m->agreement->id : m->claim->id;
		char fig[128];

		if (g->is_agreement)
			snprintf(fig, sizeof fig, "%s (%s)", m->agreement->a.status, m->agreement->a.type);
		else
			assay_review_claim_figure(m->claim, fig, sizeof fig);
		serve_printf(o, "<li><a href=\"/claim/");
		serve_urlarg(o, id);
		serve_printf(o, "?state=any\"><strong>");
		serve_text(o, fig);
		serve_printf(o, "</strong></a> ");
		serve_state_badge(o, g->is_agreement ? m->agreement->review.state : m->claim->review.state);
		serve_printf(o, "<ul>");
		for (size_t k = 0; k < m->nsources; k++) {
			const struct assay_source *src = &m->sources[k];

			serve_printf(o, "<li>");
			serve_source_cite(o, src->site, src->url, src->published, src->title, ", ",
					  ": ");
			serve_printf(o, "<blockquote class=\"evidence\">");
			serve_text(o, m->sources[k].evidence);
			serve_printf(o, "</blockquote></li>");
		}
		serve_printf(o, "</ul></li>");
	}
	serve_printf(o, "</ul>");
}

/* Where a figure on a card comes from: its first source's site (or file
 * name), date and title, and how many more say it. */
static void card_source(struct serve_out *o, const struct assay_conflict_member *m)
{
	const struct assay_source *src = &m->sources[0];

	serve_printf(o, "<span class=\"src\">");
	serve_source_cite(o, src->site, src->url, src->published, src->title, ", ", ": ");
	if (m->nsources > 1)
		serve_printf(o, " and %zu more", m->nsources - 1);
	serve_printf(o, "</span>");
}

/* One form of a card: a decision on member @id that comes back here. */
static void card_form(struct serve_out *o, const struct walk *w, const char *id,
		      const char *action)
{
	serve_printf(o, "<form method=\"post\" action=\"/claim/");
	serve_urlarg(o, id);
	serve_printf(o, "/review\"><input type=\"hidden\" name=\"token\" value=\"");
	serve_text(o, w->req->form_token);
	serve_printf(o, "\"><input type=\"hidden\" name=\"action\" value=\"%s\">"
		     "<input type=\"hidden\" name=\"back\" value=\"", action);
	serve_text(o, w->back);
	serve_printf(o, "\">");
}

/* Each figure or status of a card, with what it says, where from, its
 * state, and the buttons to accept or reject it without leaving the list. */
static void card_decisions(struct serve_out *o, const struct walk *w, const struct assay_conflict *g)
{
	serve_printf(o, "<ul class=\"decide\">");
	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		const char *id = g->is_agreement ? m->agreement->id : m->claim->id;
		const char *state = g->is_agreement ? m->agreement->review.state
						    : m->claim->review.state;
		char fig[128];

		if (g->is_agreement)
			snprintf(fig, sizeof fig, "%s (%s)", m->agreement->a.status, m->agreement->a.type);
		else
			assay_review_claim_figure(m->claim, fig, sizeof fig);
		serve_printf(o, "<li class=\"state-%s\" data-id=\"", state);
		serve_text(o, id);
		serve_printf(o, "\"><a class=\"fig\" href=\"/claim/");
		serve_urlarg(o, id);
		serve_printf(o, "?state=any\">");
		serve_text(o, fig);
		serve_printf(o, "</a> ");
		serve_state_badge(o, state);
		serve_printf(o, " ");
		if (m->nsources)
			card_source(o, m);
		if (!assay_review_state_is(state, ASSAY_REVIEW_ACCEPTED)) {
			card_form(o, w, id, "accept");
			serve_printf(o, "<button class=\"accept\">Accept</button></form>");
		}
		if (!assay_review_state_is(state, ASSAY_REVIEW_REJECTED)) {
			card_form(o, w, id, "reject");
			serve_printf(o, "<select name=\"preset\" aria-label=\"reason for rejecting\">"
				     "<option>conflicts with the figure kept</option>");
			for (size_t k = 0; k < w->reasons->n; k++) {
				serve_printf(o, "<option>");
				serve_text(o, w->reasons->text[k]);
				serve_printf(o, "</option>");
			}
			serve_printf(o, "</select><button class=\"reject\">Reject</button></form>");
		}
		serve_printf(o, "</li>");
	}
	serve_printf(o, "</ul>");
}

static int on_group(void *ctx, const struct assay_conflict *g)
{
	struct walk *w = ctx;
	char name[24];

	if (!g->nmembers)
		return ASSAY_OK;
	group_name(g, name, sizeof name);
	if (w->only && strcmp(w->only, name) != 0)
		return ASSAY_OK;
	w->groups++;
	serve_printf(w->o, "<section class=\"group%s\" id=\"%s\"><h2>",
		     g->resolved ? " resolved" : "", name);
	if (!w->only)
		serve_printf(w->o, "<a href=\"/conflict/%s\">", name);
	group_title(w->o, g);
	serve_printf(w->o, "%s</h2>", w->only ? "" : "</a>");
	group_summary(w->o, g);
	draw(w->o, g);
	if (w->only)
		member_list(w->o, g);
	else
		card_decisions(w->o, w, g);
	serve_printf(w->o, "</section>\n");
	return w->o->rc;
}

/* A filter field of the conflicts page, from the query. */
static const char *arg_or_null(const struct serve_req *req, const char *name)
{
	const char *v = serve_req_arg(req, name);

	return v && *v ? v : NULL;
}

static void text_filter(struct serve_out *o, const char *name, const char *label,
			const char *value)
{
	serve_printf(o, "<label>%s <input type=\"text\" name=\"%s\" maxlength=\"47\" value=\"",
		     label, name);
	serve_text(o, value ? value : "");
	serve_printf(o, "\"></label>");
}

/* The filters as a form, and as the query the pager's links carry. */
static void filters(struct serve_out *o, struct serve_out *href, const struct assay_claim_filter *f,
		    const char *show)
{
	static const char *const shows[] = {"all", "open", "resolved"};
	static const char *const keys[] = {"subject", "metric", "commodity"};
	const char *vals[] = {f->subject, f->metric, f->commodity};

	serve_printf(o, "<form class=\"filters card\" method=\"get\" action=\"/conflicts\">");
	text_filter(o, "subject", "subject (id)", f->subject);
	text_filter(o, "metric", "metric", f->metric);
	text_filter(o, "commodity", "commodity", f->commodity);
	serve_printf(o, "<label>show <select name=\"show\">");
	for (size_t i = 0; i < 3; i++)
		serve_printf(o, "<option%s>%s</option>", strcmp(show, shows[i]) ? "" : " selected",
			     shows[i]);
	serve_printf(o, "</select></label><button>Filter</button></form>");
	serve_printf(href, "/conflicts?show=%s&amp;", show); /* a constant of the list */
	for (size_t i = 0; i < 3; i++)
		if (vals[i]) {
			serve_printf(href, "%s=", keys[i]);
			serve_urlarg(href, vals[i]);
			serve_printf(href, "&amp;");
		}
}

/* The list page as asked for, as a plain path a decision comes back to:
 * the filters' query (@href, HTML-escaped ampersands undone) and the page. */
static int back_path(const struct assay_buf *href, size_t page, struct assay_buf *out)
{
	int rc = ASSAY_OK;

	for (size_t i = 0; i < href->len && !rc; i++) {
		rc = assay_buf_putc(out, href->data[i]);
		if (href->data[i] == '&' && !strncmp(href->data + i, "&amp;", 5))
			i += 4;
	}
	return rc ? rc : assay_buf_printf(out, "page=%zu", page);
}

/* One page of the groups under the filters: the groups of the page read
 * whole, the rest only counted from the conflict index. A page past the
 * end is drawn as the last one. */
static int list_page(struct serve_app *app, const struct assay_claim_filter *f, size_t page,
		     struct walk *w, struct assay_buf *groups, size_t *total, size_t *shown_page)
{
	int rc = assay_store_conflicts_page(app->store, f, page * GROUPS_PAGE, GROUPS_PAGE,
					    on_group, w, total);

	*shown_page = page;
	if (!rc && *total && page * GROUPS_PAGE >= *total) {
		assay_buf_reset(groups);
		w->groups = 0;
		*shown_page = (*total - 1) / GROUPS_PAGE;
		rc = assay_store_conflicts_page(app->store, f, *shown_page * GROUPS_PAGE,
						GROUPS_PAGE, on_group, w, total);
	}
	return rc;
}

/* One group read by its name ("c" or "a" and 16 hex digits), not found
 * in the walk; a name that names none is no error. */
static int one_group(struct serve_app *app, const char *only, struct walk *w)
{
	uint64_t h = 0;
	char *end = NULL;
	int rc = ASSAY_ENOTFOUND;

	if ((only[0] == 'a' || only[0] == 'c') && strlen(only) == 17) {
		h = strtoull(only + 1, &end, 16);
		if (!*end)
			rc = assay_store_conflict_group(app->store, only[0] == 'a', h, on_group, w);
	}
	return rc == ASSAY_ENOTFOUND ? ASSAY_OK : rc;
}

static int conflicts(struct serve_app *app, const struct serve_req *req,
		     struct serve_resp *resp, const char *only)
{
	struct serve_out o = {&resp->body, ASSAY_OK};
	struct assay_buf groups = {0}, href = {0}, back = {0};
	struct serve_out go = {&groups, ASSAY_OK}, ho = {&href, ASSAY_OK};
	struct walk w = {&go, only, 0, req, &app->reasons, ""};
	struct assay_claim_filter f = {0};
	const char *show = serve_req_arg(req, "show");
	const char *page = serve_req_arg(req, "page");
	size_t total = 0, asked = page ? strtoul(page, NULL, 10) : 0, shown = 0;
	int rc;

	if (!show || (strcmp(show, "open") && strcmp(show, "resolved")))
		show = "all";
	f.subject = arg_or_null(req, "subject");
	f.metric = arg_or_null(req, "metric");
	f.commodity = arg_or_null(req, "commodity");
	f.open = strcmp(show, "open") == 0;
	f.resolved = strcmp(show, "resolved") == 0;
	serve_page_begin(&o, only ? "Conflict" : "Conflicts", "conflicts");
	serve_printf(&o, "<h1>%s</h1>", only ? "Conflict" : "Where sources disagree");
	if (!only) {
		serve_printf(&o, "<p class=\"muted\">Each group is one measure that sources report "
			     "with figures that cannot all be true, or one agreement whose status "
			     "changed. Dots are figures as published, bars the range each stands for; "
			     "green is the figure an editor accepted, grey and struck one rejected.</p>");
		filters(&o, &ho, &f, show);
		if (asked > (size_t)-1 / GROUPS_PAGE)
			asked = 0;
		if (!ho.rc)
			ho.rc = back_path(&href, asked, &back);
		w.back = back.data ? back.data : "/conflicts";
	}
	if (only) {
		rc = one_group(app, only, &w);
	} else {
		rc = list_page(app, &f, asked, &w, &groups, &total, &shown);
	}
	if (rc || go.rc || ho.rc) {
		rc = rc ? rc : go.rc ? go.rc : ho.rc;
		goto out;
	}
	if (!only)
		serve_pager(&o, href.data, shown, total, GROUPS_PAGE);
	if (groups.len)
		o.rc = o.rc ? o.rc : assay_buf_append(o.b, groups.data, groups.len);
	if (!only)
		serve_pager(&o, href.data, shown, total, GROUPS_PAGE);
	if (!w.groups)
		serve_printf(&o, "<p class=\"card\">%s</p>", only ? "This conflict is gone: "
			     "its figures may have been merged or reprocessed."
			     : "No conflicts under these filters: every figure agrees with the "
			       "others of its kind.");
	serve_page_end(&o);
	if (only && !w.groups)
		resp->status = 404;
	rc = o.rc;
out:
	assay_buf_release(&groups);
	assay_buf_release(&href);
	assay_buf_release(&back);
	return rc;
}

int serve_page_conflicts(struct serve_app *app, const struct serve_req *req,
			 struct serve_resp *resp)
{
	return conflicts(app, req, resp, NULL);
}

int serve_page_conflict(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp, const char *group)
{
	return conflicts(app, req, resp, group);
}
