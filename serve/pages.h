/* pages.h - the pages of `assay serve` and what they share: the page
 * frame, the words of a claim as HTML, highlighting, and the review
 * queue's filter as it travels in URLs and forms (the queue itself, and
 * the words, are review/'s: review.h).
 *
 * Page functions fill a serve_resp from the store; they never talk HTTP.
 * Store callbacks run inside a read transaction, so pages copy what they
 * need out of them and call the store again only after the walk. */
#ifndef ASSAY_SERVE_PAGES_H
#define ASSAY_SERVE_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "html.h"
#include "http.h"
#include "review.h"
#include "store.h"

struct serve_app {
	struct assay_store *store;
	struct assay_review_cache queue; /* the cached review queue */
	struct assay_review_reasons reasons; /* presets for rejecting */
	struct serve_articles *articles; /* the articles list, kept (articles.c) */
};

/* The kept articles list: new and empty, taken from the store at need. */
struct serve_articles;
int serve_articles_new(struct serve_articles **out);
void serve_articles_free(struct serve_articles *l); /* accepts NULL */

/* The request router: the serve_handler of serve_http_start(). */
int serve_handle(void *ctx, const struct serve_req *req, struct serve_resp *resp);

/* ---- The queue's filter in requests (filter.c) -------------------------- */

/* Reads the filter from the request's query (or form, for a POST). The
 * state defaults to pending when @req has no state argument at all. */
void serve_filter_from_req(const struct serve_req *req, struct assay_review_filter *f);
/* Appends the filter as query arguments ("state=pending&subject=CN"), with
 * "&amp;" between them when @html (inside an attribute). */
void serve_filter_query(struct serve_out *o, const struct assay_review_filter *f, bool html);
/* Appends the filter as hidden form fields. */
void serve_filter_fields(struct serve_out *o, const struct assay_review_filter *f);

/* The row's title: "China refining share, rare earths (2023)" or
 * "Agreement: China, Türkiye (critical minerals)". */
void serve_row_title(struct serve_out *o, const struct assay_review_row *r);

/* ---- The frame and words (layout.c) ------------------------------ */

/* Opens a page: head, style sheet, script, the top bar with @tab lit
 * ("queue", "conflicts", "articles"). @title is escaped. */
void serve_page_begin(struct serve_out *o, const char *title, const char *tab);
void serve_page_end(struct serve_out *o);
void serve_state_badge(struct serve_out *o, const char *state);
/* The outcome of the last decision (?done=ID&did=STATE) with an Undo
 * button, or the error of a refused one (?error=...). */
void serve_flash(struct serve_out *o, const struct serve_req *req,
		 const struct assay_review_filter *f);
/* A subject (country or organisation id) by its name: "China". */
void serve_subject(struct serve_out *o, const char *id);
/* An id in words: "refining_share" -> "refining share". */
void serve_words(struct serve_out *o, const char *id);
/* The key as labelled chips: subject, metric, commodity, period, ... */
void serve_claim_key(struct serve_out *o, const struct assay_claim *c);
/* A one-line title of the claim ("CN refining share, rare earths"). */
void serve_claim_title(struct serve_out *o, const struct assay_claim *c);
/* A link to an article page (by URL). */
void serve_article_href(struct serve_out *o, const char *url);
/* Where a figure comes from: the source's @site (or the file name of
 * @url), then @after_name, its date @published (or "undated"),
 * @after_date (both trusted HTML), and its @title (else @url) linked to
 * the stored article. */
void serve_source_cite(struct serve_out *o, const char *site, const char *url,
		       const char *published, const char *title, const char *after_name,
		       const char *after_date);

/* Long lists come in pages. The page number (from 0) asked for in the
 * query's "page" argument, clamped to the pages that exist. */
size_t serve_page_number(const struct serve_req *req, size_t total, size_t per_page);
/* "Showing 101-200 of 6,826" with previous / next links (keys p and n);
 * @href_base is a trusted path with its query ("/?state=pending&amp;"). */
void serve_pager(struct serve_out *o, const char *href_base, size_t page, size_t total,
		 size_t per_page);

/* ---- Highlighting (spans.c) -------------------------------------- */

/* A stretch of text to mark: a figure, a subject, a mention. */
struct serve_span {
	size_t start, end;     /* bytes into the text, end exclusive */
	const char *cls;       /* CSS class (constant) */
	char href[64];         /* a link ("/claim/ID"), or "" for a plain mark */
	char title[96];        /* a tooltip, or "" */
};

/* Appends @text escaped, with each span wrapped in <mark> or <a>. Spans are
 * sorted here; one that overlaps an earlier one or runs past the text is
 * dropped. With @paragraphs, blank lines start a new <p>. */
void serve_highlight(struct serve_out *o, const char *text, size_t len,
		     struct serve_span *spans, size_t n, bool paragraphs);
/* Marks the figure and the subject in @ev, an evidence sentence, finding
 * them with the extractor (and by the figure as written, when the
 * extractor does not see it). Appends at most @max spans to @out; returns
 * how many. */
size_t serve_find_marks(const char *ev, size_t len, const char *published,
			double value, const char *figure, const char *const *subjects,
			size_t nsubjects, struct serve_span *out, size_t max);

/* ---- Pages ------------------------------------------------------------- */

int serve_page_queue(struct serve_app *app, const struct serve_req *req,
		     struct serve_resp *resp);
int serve_page_claim(struct serve_app *app, const struct serve_req *req,
		     struct serve_resp *resp, const char *id);
int serve_post_review(struct serve_app *app, const struct serve_req *req,
		      struct serve_resp *resp, const char *id);
/* POST /editor: names the editor of this browser (field "name") in a
 * cookie that every later decision carries, then goes back to the local
 * path in field "back". */
int serve_post_editor(struct serve_app *app, const struct serve_req *req,
		      struct serve_resp *resp);
/* The line above a claim's decisions: who decides, with a form to name
 * (or rename) the editor; @back is the trusted path to return to. */
void serve_editor_line(struct serve_out *o, const struct serve_req *req, const char *back);
int serve_page_conflicts(struct serve_app *app, const struct serve_req *req,
			 struct serve_resp *resp);
int serve_page_conflict(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp, const char *group);
int serve_page_articles(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp);
int serve_page_article(struct serve_app *app, const struct serve_req *req,
		       struct serve_resp *resp);

#endif
