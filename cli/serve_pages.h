/* serve_pages.h - the pages of `assay serve` and what they share: the
 * review queue (also walked by `assay review --next`), the page frame, and
 * the way a claim's key and figure are put into words.
 *
 * Page functions fill a serve_resp from the store; they never talk HTTP.
 * Store callbacks run inside a read transaction, so pages copy what they
 * need out of them and call the store again only after the walk. */
#ifndef ASSAY_SERVE_PAGES_H
#define ASSAY_SERVE_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "serve_html.h"
#include "serve_http.h"
#include "store.h"

struct serve_snapshot;

struct serve_app {
	struct assay_store *store;
	struct serve_snapshot *snap;   /* the cached queue, or NULL */
	uint64_t snap_sig[8];          /* the store's counts when it was taken */
	int64_t snap_at;               /* when it was taken (monotonic seconds) */
};

/* The request router: the serve_handler of serve_http_start(). */
int serve_handle(void *ctx, const struct serve_req *req, struct serve_resp *resp);

/* ---- The queue (serve_queue.c) ---------------------------------------- */

/* What the editor filters on; "" for any. state "" means any state. */
struct serve_filter {
	char state[12], subject[48], metric[32], commodity[32], site[128];
};

/* One claim or agreement of the queue: only what the list shows, so a
 * queue of many thousands stays small. */
struct serve_row {
	char id[12];
	bool is_agr;
	char state[12];
	char subject[48];  /* claims: the subject; agreements: "" (see parties) */
	char parties[ASSAY_MAX_PARTIES][48]; /* agreements */
	int nparties;
	char metric[32];   /* agreements: "agreement" */
	char commodity[32];/* agreements: the topic */
	char period[16];
	char figure[96];   /* "about 90%"; agreements: type and status */
	char unit[24];     /* claims: the unit a correction defaults to */
	char newest[32];   /* the latest publication date among its sources */
	int64_t seq;       /* the latest ingest number among its sources */
	char site[128];    /* the site of the newest source */
	size_t nsources;
	uint32_t site_off, site_n; /* its sites: serve_snapshot.site_ix[off..off+n) */
};

/* The row's title: "China refining share, rare earths (2023)" or
 * "Agreement: China, Türkiye (critical minerals)". */
void serve_row_title(struct serve_out *o, const struct serve_row *r);

enum { SERVE_STATES = 4 };
extern const char *const serve_state_names[SERVE_STATES]; /* pending accepted ... */

/* Every claim and agreement, newest first, and the values the filter
 * menus offer (sorted). Owns its arrays. */
struct serve_snapshot {
	struct serve_row *rows;
	size_t n, cap;
	uint32_t *site_ix;        /* rows' site lists, indices into sites */
	size_t nsite_ix, site_ix_cap;
	char (*subjects)[48], (*metrics)[32], (*commodities)[32];
	char (*sites)[128];       /* in the order met (the indices) */
	char (*sites_sorted)[128];
	size_t nsubjects, nmetrics, ncommodities, nsites;
};

int serve_snapshot_load(struct assay_store *s, struct serve_snapshot *snap);
void serve_snapshot_release(struct serve_snapshot *snap);
/* Records a decision in the snapshot without walking the store again. */
void serve_snapshot_set_state(struct serve_snapshot *snap, const char *id, const char *state);

/* One page's view of a snapshot: the rows that pass a filter. */
struct serve_queue {
	const struct serve_row **rows; /* into the snapshot, newest first */
	size_t n;
	size_t counts[SERVE_STATES];   /* per state, under the other filters */
	size_t total;                  /* claims and agreements in the store */
	char (*subjects)[48], (*metrics)[32], (*commodities)[32], (*sites)[128]; /* borrowed */
	size_t nsubjects, nmetrics, ncommodities, nsites;
	struct serve_snapshot *own;    /* set when the queue owns its snapshot */
};

/* Reads the filter from the request's query (or form, for a POST). The
 * state defaults to pending when @req has no state argument at all. */
void serve_filter_from_req(const struct serve_req *req, struct serve_filter *f);
/* Appends the filter as query arguments ("state=pending&subject=CN"), with
 * "&amp;" between them when @html (inside an attribute). */
void serve_filter_query(struct serve_out *o, const struct serve_filter *f, bool html);
/* Appends the filter as hidden form fields. */
void serve_filter_fields(struct serve_out *o, const struct serve_filter *f);

/* Filters @snap (which must outlive @q). */
int serve_queue_filter(const struct serve_snapshot *snap, const struct serve_filter *f,
		       struct serve_queue *q);
/* A queue with a snapshot of its own, for one-off use (review --next). */
int serve_queue_load(struct assay_store *s, const struct serve_filter *f,
		     struct serve_queue *q);
void serve_queue_release(struct serve_queue *q);
/* The server's queue: its cached snapshot, walked again when the store
 * changed (another process wrote) or has not been checked for a while. */
int serve_app_queue(struct serve_app *app, const struct serve_filter *f,
		    struct serve_queue *q);
/* Notes a decision the server just stored, in its cached snapshot. */
void serve_app_decided(struct serve_app *app, const char *id, const char *state);
/* Frees the cached snapshot. */
void serve_app_release(struct serve_app *app);
/* Index of claim or agreement @id in @q, or -1. */
long serve_queue_find(const struct serve_queue *q, const char *id);

/* ---- The frame and words (serve_layout.c) ------------------------------ */

/* Opens a page: head, style sheet, script, the top bar with @tab lit
 * ("queue", "conflicts", "articles"). @title is escaped. */
void serve_page_begin(struct serve_out *o, const char *title, const char *tab);
void serve_page_end(struct serve_out *o);
void serve_state_badge(struct serve_out *o, const char *state);
/* The outcome of the last decision (?done=ID&did=STATE) with an Undo
 * button, or the error of a refused one (?error=...). */
void serve_flash(struct serve_out *o, const struct serve_req *req, const struct serve_filter *f);
/* A subject (country or organisation id) by its name: "China". */
void serve_subject(struct serve_out *o, const char *id);
/* An id in words: "refining_share" -> "refining share". */
void serve_words(struct serve_out *o, const char *id);
/* The claim's figure as read: qualifier and figure ("about 90%"). */
void serve_claim_figure(const struct assay_stored_claim *c, char *out, size_t size);
/* A qualifier in words ("about", "under", ...), "" for eq. */
const char *serve_qualifier_words(const char *q);
/* The key as labelled chips: subject, metric, commodity, period, ... */
void serve_claim_key(struct serve_out *o, const struct assay_claim *c);
/* A one-line title of the claim ("CN refining share, rare earths"). */
void serve_claim_title(struct serve_out *o, const struct assay_claim *c);
/* A link to an article page (by URL). */
void serve_article_href(struct serve_out *o, const char *url);

/* Long lists come in pages. The page number (from 0) asked for in the
 * query's "page" argument, clamped to the pages that exist. */
size_t serve_page_number(const struct serve_req *req, size_t total, size_t per_page);
/* "Showing 101-200 of 6,826" with previous / next links (keys p and n);
 * @href_base is a trusted path with its query ("/?state=pending&amp;"). */
void serve_pager(struct serve_out *o, const char *href_base, size_t page, size_t total,
		 size_t per_page);

/* ---- Highlighting (serve_spans.c) -------------------------------------- */

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
int serve_page_conflicts(struct serve_app *app, const struct serve_req *req,
			 struct serve_resp *resp);
int serve_page_conflict(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp, const char *group);
int serve_page_articles(struct serve_app *app, const struct serve_req *req,
			struct serve_resp *resp);
int serve_page_article(struct serve_app *app, const struct serve_req *req,
		       struct serve_resp *resp);

#endif
