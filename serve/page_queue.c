/* page_queue.c - the review queue page: counts per state, filter
 * menus, and the matching claims newest first, each linking to its claim
 * page with the filter carried along (so j/k there walk the same list). */
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "review.h"
#include "pages.h"
#include "str.h"

static void counts_bar(struct serve_out *o, const struct assay_review_queue *q,
		       const struct assay_review_filter *f)
{
	struct assay_review_filter g = *f;
	size_t all = 0;

	serve_printf(o, "<div class=\"counts\">");
	for (size_t i = 0; i < ASSAY_REVIEW_STATES; i++) {
		assay_copy(g.state, sizeof g.state, assay_review_state_names[i]);
		serve_printf(o, "<a href=\"/?");
		serve_filter_query(o, &g, true);
		serve_printf(o, "\"%s><span class=\"state state-%s\">%s %zu</span></a>",
			     strcmp(f->state, assay_review_state_names[i]) == 0 ? " class=\"on\"" : "",
			     assay_review_state_names[i], assay_review_state_names[i], q->counts[i]);
		all += q->counts[i];
	}
	g.state[0] = '\0';
	serve_printf(o, "<a href=\"/?");
	serve_filter_query(o, &g, true);
	serve_printf(o, "\"%s><span class=\"state\">all %zu</span></a></div>",
		     f->state[0] ? "" : " class=\"on\"", all);
}

static void menu(struct serve_out *o, const char *name, const char *label,
		 const char *values, size_t width, size_t n, const char *chosen)
{
	bool subjects = strcmp(name, "subject") == 0;

	serve_printf(o, "<label>%s<select name=\"%s\"><option value=\"\">any</option>", label, name);
	for (size_t i = 0; i < n; i++) {
		const char *v = values + i * width;
		serve_printf(o, "<option value=\"");
		serve_text(o, v);
		serve_printf(o, "\"%s>", strcmp(v, chosen) == 0 ? " selected" : "");
		if (subjects && assay_review_name_of(v)) {
			serve_subject(o, v);
			serve_printf(o, " (");
			serve_text(o, v);
			serve_printf(o, ")");
		} else if (strcmp(name, "site") == 0) {
			serve_text(o, v);
		} else {
			serve_words(o, v);
		}
		serve_printf(o, "</option>");
	}
	serve_printf(o, "</select></label>");
}

static void filter_form(struct serve_out *o, const struct assay_review_queue *q,
			const struct assay_review_filter *f)
{
	serve_printf(o, "<form class=\"filters card\" method=\"get\" action=\"/\">"
		     "<input type=\"hidden\" name=\"state\" value=\"");
	serve_text(o, f->state[0] ? f->state : "any");
	serve_printf(o, "\">");
	menu(o, "subject", "Country or company", (const char *)q->subjects, sizeof *q->subjects,
	     q->nsubjects, f->subject);
	menu(o, "metric", "Measure", (const char *)q->metrics, sizeof *q->metrics, q->nmetrics, f->metric);
	menu(o, "commodity", "Commodity", (const char *)q->commodities, sizeof *q->commodities,
	     q->ncommodities, f->commodity);
	menu(o, "site", "Site", (const char *)q->sites, sizeof *q->sites, q->nsites, f->site);
	serve_printf(o, "<label>Find<input type=\"search\" name=\"q\" maxlength=\"%zu\" "
		     "placeholder=\"words of the figure, claim or sentence\" value=\"",
		     sizeof f->q - 1);
	serve_text(o, f->q);
	serve_printf(o, "\"></label>");
	serve_printf(o, "<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>");
}

static void row(struct serve_out *o, const struct assay_review_row *r, const struct assay_review_filter *f)
{
	serve_printf(o, "<tr data-id=\"");
	serve_text(o, r->id);
	serve_printf(o, "\"><td class=\"fig\"><a href=\"/claim/");
	serve_urlarg(o, r->id);
	serve_printf(o, "?");
	serve_filter_query(o, f, true);
	serve_printf(o, "\">");
	if (r->is_agr)
		serve_words(o, r->figure);
	else
		serve_text(o, r->figure);
	serve_printf(o, "</a></td><td>");
	serve_row_title(o, r);
	if (r->evidence[0]) {
		serve_printf(o, "<span class=\"ev\">");
		serve_text(o, r->evidence);
		serve_printf(o, "</span>");
	}
	serve_printf(o, "</td><td>%zu</td><td class=\"date\">", r->nsources);
	serve_text(o, r->newest[0] ? r->newest : "undated");
	serve_printf(o, "</td><td>");
	serve_text(o, r->site);
	serve_printf(o, "</td><td>");
	serve_state_badge(o, r->state);
	serve_printf(o, "</td></tr>\n");
}

#define QUEUE_PAGE 100

/* One page of the queue's rows, with the pager above and below. */
static void rows(struct serve_out *o, const struct serve_req *req, const struct assay_review_queue *q,
		 const struct assay_review_filter *f)
{
	size_t page = serve_page_number(req, q->n, QUEUE_PAGE), end;
	struct assay_buf base = {0};
	struct serve_out b = {&base, ASSAY_OK};

	serve_printf(&b, "/?");
	serve_filter_query(&b, f, true);
	serve_printf(&b, "&amp;");
	if (b.rc) {
		o->rc = b.rc;
		return;
	}
	serve_pager(o, base.data, page, q->n, QUEUE_PAGE);
	serve_printf(o, "<table class=\"queue\"><thead><tr><th>Figure</th><th>Claim</th>"
		     "<th>Sources</th><th>Newest</th><th>Site</th><th>State</th></tr></thead><tbody>");
	end = (page + 1) * QUEUE_PAGE < q->n ? (page + 1) * QUEUE_PAGE : q->n;
	for (size_t i = page * QUEUE_PAGE; i < end; i++)
		row(o, q->rows[i], f);
	serve_printf(o, "</tbody></table>");
	serve_pager(o, base.data, page, q->n, QUEUE_PAGE);
	assay_buf_release(&base);
}

int serve_page_queue(struct serve_app *app, const struct serve_req *req,
		     struct serve_resp *resp)
{
	struct serve_out o = {&resp->body, ASSAY_OK};
	struct assay_review_filter f;
	struct assay_review_queue q;
	int rc;

	serve_filter_from_req(req, &f);
	rc = assay_review_cache_queue(&app->queue, &f, &q);
	if (rc)
		return rc;
	serve_page_begin(&o, "Review queue", "queue");
	serve_flash(&o, req, &f);
	serve_printf(&o, "<h1>Review queue</h1>");
	counts_bar(&o, &q, &f);
	filter_form(&o, &q, &f);
	if (!q.n) {
		serve_printf(&o, "<p class=\"card\">Nothing to review here. %s</p>",
			     q.total ? "Try another state or clear the filters."
				     : "The store has no claims yet: ingest or crawl some articles.");
	} else {
		rows(&o, req, &q, &f);
	}
	serve_printf(&o, "<p class=\"keys\"><kbd>j</kbd> <kbd>k</kbd> move down and up, "
		     "<kbd>Enter</kbd> opens the claim.</p>");
	serve_page_end(&o);
	assay_review_queue_release(&q);
	return o.rc;
}
