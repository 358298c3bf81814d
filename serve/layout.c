/* layout.c - the frame every page shares (top bar, style sheet,
 * script) and the words used for claims: ids made readable, qualifiers,
 * the key as labelled chips. Keeping them here keeps the pages consistent
 * with each other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "pages.h"

static const struct {
	const char *tab, *href, *label;
} tabs[] = {
	{"queue", "/", "Review queue"},
	{"conflicts", "/conflicts", "Conflicts"},
	{"articles", "/articles", "Articles"},
};

void serve_page_begin(struct serve_out *o, const char *title, const char *tab)
{
	serve_printf(o, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		     "<title>");
	serve_text(o, title);
	serve_printf(o, " - assay</title><link rel=\"stylesheet\" href=\"/app.css\">"
		     "<script src=\"/app.js\" defer></script></head><body>"
		     "<header class=\"top\"><a class=\"brand\" href=\"/\">assay</a><nav>");
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
		serve_printf(o, "<a href=\"%s\"%s>%s</a>", tabs[i].href,
			     tab && strcmp(tab, tabs[i].tab) == 0 ? " class=\"on\"" : "",
			     tabs[i].label);
	serve_printf(o, "</nav><span class=\"hint\">mining claims, checked by editors</span>"
		     "</header><main>\n");
}

void serve_page_end(struct serve_out *o)
{
	serve_printf(o, "</main></body></html>\n");
}

void serve_state_badge(struct serve_out *o, const char *state)
{
	const char *s = state && *state ? state : assay_review_state_names[ASSAY_REVIEW_PENDING];

	if (assay_review_state_parse(s, NULL)) {
		serve_printf(o, "<span class=\"state state-%s\">%s</span>", s, s);
		return;
	}
	serve_printf(o, "<span class=\"state\">");
	serve_text(o, s);
	serve_printf(o, "</span>");
}

void serve_subject(struct serve_out *o, const char *id)
{
	const char *name = assay_review_name_of(id);

	serve_text(o, name ? name : id);
}

void serve_words(struct serve_out *o, const char *id)
{
	char w[128];

	assay_review_words(id, w, sizeof w);
	serve_text(o, w);
}

static void chip(struct serve_out *o, const char *label, const char *value, bool words)
{
	if (!value || !*value)
		return;
	serve_printf(o, "<span><b>%s</b>", label);
	if (words)
		serve_words(o, value);
	else
		serve_text(o, value);
	serve_printf(o, "</span>");
}

void serve_claim_key(struct serve_out *o, const struct assay_claim *c)
{
	const char *name = assay_review_name_of(c->subject);

	serve_printf(o, "<div class=\"key\"><span><b>who</b>");
	serve_text(o, name ? name : c->subject);
	if (name) {
		serve_printf(o, " <small class=\"muted\">");
		serve_text(o, c->subject);
		serve_printf(o, "</small>");
	}
	serve_printf(o, "</span>");
	chip(o, "what", c->metric, true);
	chip(o, "of", c->commodity, true);
	chip(o, "when", c->period, false);
	chip(o, "status", c->status, false);
	chip(o, "where", c->place, false);
	chip(o, "price per", c->price_per, false);
	serve_printf(o, "</div>");
}

void serve_claim_title(struct serve_out *o, const struct assay_claim *c)
{
	serve_subject(o, c->subject);
	serve_printf(o, " ");
	serve_words(o, c->metric);
	if (c->commodity[0]) {
		serve_printf(o, ", ");
		serve_words(o, c->commodity);
	}
	if (c->period[0]) {
		serve_printf(o, " (");
		serve_text(o, c->period);
		serve_printf(o, ")");
	}
}

void serve_article_href(struct serve_out *o, const char *url)
{
	serve_printf(o, "/article?url=");
	serve_urlarg(o, url);
}

void serve_source_cite(struct serve_out *o, const char *site, const char *url,
		       const char *published, const char *title, const char *after_name,
		       const char *after_date)
{
	char name[128];

	serve_text(o, assay_review_source_name(site, url, name, sizeof name));
	serve_printf(o, "%s", after_name);
	serve_text(o, published[0] ? published : "undated");
	serve_printf(o, "%s<a href=\"", after_date);
	serve_article_href(o, url);
	serve_printf(o, "\">");
	serve_text(o, title[0] ? title : url);
	serve_printf(o, "</a>");
}

size_t serve_page_number(const struct serve_req *req, size_t total, size_t per_page)
{
	const char *arg = serve_req_arg(req, "page");
	unsigned long n = arg ? strtoul(arg, NULL, 10) : 0;
	size_t pages = total ? (total + per_page - 1) / per_page : 1;

	return n < pages ? (size_t)n : pages - 1;
}

void serve_pager(struct serve_out *o, const char *href_base, size_t page, size_t total,
		 size_t per_page)
{
	size_t first = page * per_page, last = first + per_page;

	if (total <= per_page)
		return;
	if (last > total)
		last = total;
	serve_printf(o, "<nav class=\"pager\">Showing %zu&ndash;%zu of %zu ", first + 1, last, total);
	if (page)
		serve_printf(o, "<a class=\"button\" data-key=\"p\" rel=\"prev\" href=\"%spage=%zu\">"
			     "Previous page <kbd>p</kbd></a> ", href_base, page - 1);
	if (last < total)
		serve_printf(o, "<a class=\"button\" data-key=\"n\" rel=\"next\" href=\"%spage=%zu\">"
			     "Next page <kbd>n</kbd></a>", href_base, page + 1);
	serve_printf(o, "</nav>");
}

void serve_row_title(struct serve_out *o, const struct assay_review_row *r)
{
	if (r->is_agr) {
		serve_printf(o, "Agreement: ");
		for (int i = 0; i < r->nparties; i++) {
			serve_printf(o, "%s", i ? ", " : "");
			serve_subject(o, r->parties[i]);
		}
	} else {
		serve_subject(o, r->subject);
		serve_printf(o, " ");
		serve_words(o, r->metric);
	}
	if (r->commodity[0]) {
		serve_printf(o, r->is_agr ? " (" : ", ");
		serve_words(o, r->commodity);
		serve_printf(o, "%s", r->is_agr ? ")" : "");
	}
	if (r->period[0]) {
		serve_printf(o, " (");
		serve_text(o, r->period);
		serve_printf(o, ")");
	}
}

/* What went wrong with a refused decision, by the field the form named
 * (a constant: the argument itself is never shown). */
static const char *error_words(const char *err)
{
	static const char *const words[][2] = {
		{"value", "The corrected figure must be a number, like 1200, 1.2 million or 45%."},
		{"reason", "Please give a reason for rejecting."},
		{"nothing", "Nothing to correct: change the figure or another field."},
		{"subject", "A subject is an id: letters, digits, '-', '_' or '.', like CN or lynas."},
		{"metric", "A metric is an id, like production or refining_share."},
		{"commodity", "A commodity is an id, like rare-earths or lithium."},
		{"period", "A period is a year or a month, or a span of them: 2023, 2024-07, "
			   "2024/2029."},
		{"status", "That status is not one of the list."},
		{"place", "A place has no control characters."},
		{"type", "That type of agreement is not one of the list."},
		{"parties", "Parties are ids, at most six, separated by commas: CN, TR."},
		{"field", "That field belongs to the other kind (claims or agreements)."},
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(err, words[i][0]) == 0)
			return words[i][1];
	return "That did not work.";
}

/* The outcome of the last decision, with an undo (key z) that puts the
 * claim back to pending and returns to it. */
void serve_flash(struct serve_out *o, const struct serve_req *req, const struct assay_review_filter *f)
{
	const char *done = serve_req_arg(req, "done"), *did = serve_req_arg(req, "did");
	const char *err = serve_req_arg(req, "error");

	if (err)
		serve_printf(o, "<p class=\"flash\" role=\"alert\">%s</p>", error_words(err));
	if (!done || !did)
		return;
	serve_printf(o, "<div class=\"flash\" role=\"status\"><span>Saved: <a href=\"/claim/");
	serve_urlarg(o, done);
	serve_printf(o, "?");
	serve_filter_query(o, f, true);
	serve_printf(o, "\"><code>");
	serve_text(o, done);
	serve_printf(o, "</code></a> ");
	serve_text(o, did);
	serve_printf(o, ".</span><form method=\"post\" action=\"/claim/");
	serve_urlarg(o, done);
	serve_printf(o, "/review\"><input type=\"hidden\" name=\"token\" value=\"");
	serve_text(o, req->form_token);
	serve_printf(o, "\"><input type=\"hidden\" name=\"action\" value=\"pending\">");
	serve_filter_fields(o, f);
	serve_printf(o, "<button data-key=\"z\" id=\"undo\">Undo <kbd>z</kbd></button></form></div>");
}
