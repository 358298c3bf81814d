/* review.h - the review queue and how a claim is put into words, for
 * every desk: the review page (serve/) and `assay review --next` (cli/).
 *
 * The queue is every claim and agreement, newest first, filtered by what
 * the editor asks for (state, subject, metric, commodity, site). A
 * snapshot is one walk of the store (the costly part: about a second at
 * 80,000 claims); a queue is a filtered view of a snapshot (milliseconds).
 * A cache keeps a snapshot for a long-running desk and catches it up with
 * what was written since (the claims of new articles, the decisions),
 * walking the store again only when something else changed it.
 *
 * The words are plain text (never escaped here): each desk escapes them
 * for its own output. Display names come from Debian's iso-codes and the
 * extractor's gazetteers, made into a table at build time (names.py), so
 * they follow the ids the extractor gives. */
#ifndef ASSAY_REVIEW_H
#define ASSAY_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"
#include "store.h"
#include "vocab.h"

/* The review states (enum assay_review_state, assay_review_state_names)
 * and the claim and agreement statuses are the contract's: vocab.h. */

/* ---- The queue (queue.c) ----------------------------------------------- */

/* What the editor filters on; "" for any. state "" means any state. */
struct assay_review_filter {
	char state[12], subject[48], metric[32], commodity[32], site[128];
	char q[64]; /* words to find, in any case, in the figure, the claim's
		     * key (ids or names), the evidence or the site; "" for any */
};

/* One claim or agreement of the queue: only what the list shows, so a
 * queue of many thousands stays small. */
struct assay_review_row {
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
	char evidence[240];/* its evidence sentence, tidied (cut to fit) */
	size_t nsources;
	uint32_t site_off, site_n; /* its sites: snapshot's site_ix[off..off+n) */
};

/* Every claim and agreement, and the values the filter menus offer
 * (sorted). Owns its arrays. */
struct assay_review_snapshot {
	struct assay_review_row *rows; /* in no order: see order */
	size_t n, cap;
	uint32_t *order;          /* indices into rows, newest first */
	size_t norder, order_cap;
	struct assay_map ids;     /* a row's id -> its index + 1 */
	uint32_t *site_ix;        /* rows' site lists, indices into sites */
	size_t nsite_ix, site_ix_cap, site_ix_live; /* live: in a row's list */
	char (*subjects)[48], (*metrics)[32], (*commodities)[32];
	char (*sites)[128];       /* in the order met (the indices) */
	char (*sites_sorted)[128];
	size_t nsubjects, nmetrics, ncommodities, nsites, nsites_sorted;
};

int assay_review_snapshot_load(struct assay_store *s, struct assay_review_snapshot *snap);
void assay_review_snapshot_release(struct assay_review_snapshot *snap);
/* Records a decision in the snapshot without walking the store again. */
void assay_review_snapshot_set_state(struct assay_review_snapshot *snap, const char *id,
				     const char *state);
/* Catches @snap, taken when the store's clock said @then, up with the
 * articles stored since (their claims and agreements read again, in
 * place or added) and, when there were any, the decisions; *now is the
 * clock it caught up to. Right only when assay_store_clock_only_added(then,
 * now): otherwise the snapshot is to be taken again. On an error the
 * snapshot is to be taken again too. */
int assay_review_snapshot_catch_up(struct assay_store *s, struct assay_review_snapshot *snap,
				   const struct assay_store_clock *then,
				   struct assay_store_clock *now);

/* One view of a snapshot: the rows that pass a filter. */
struct assay_review_queue {
	const struct assay_review_row **rows; /* into the snapshot, newest first */
	size_t n;
	size_t counts[ASSAY_REVIEW_STATES];   /* per state, under the other filters */
	size_t total;                  /* claims and agreements in the store */
	char (*subjects)[48], (*metrics)[32], (*commodities)[32], (*sites)[128]; /* borrowed */
	size_t nsubjects, nmetrics, ncommodities, nsites;
	struct assay_review_snapshot *own; /* set when the queue owns its snapshot */
};

/* Filters @snap (which must outlive @q). */
int assay_review_queue_filter(const struct assay_review_snapshot *snap,
			      const struct assay_review_filter *f, struct assay_review_queue *q);
/* A queue with a snapshot of its own, for one-off use (review --next). */
int assay_review_queue_load(struct assay_store *s, const struct assay_review_filter *f,
			    struct assay_review_queue *q);
void assay_review_queue_release(struct assay_review_queue *q);
/* Index of claim or agreement @id in @q, or -1. */
long assay_review_queue_find(const struct assay_review_queue *q, const char *id);

/* ---- The cached queue of a long-running desk (cache.c) ------------------ */

struct assay_review_cache {
	struct assay_store *store;           /* borrowed */
	struct assay_review_snapshot *snap;  /* the cached queue, or NULL */
	struct assay_store_clock clock;      /* what the snapshot shows */
	size_t loads, catch_ups;             /* walks of the store, and catch-ups */
};

void assay_review_cache_init(struct assay_review_cache *c, struct assay_store *store);
/* The queue from the cached snapshot, caught up first when the store
 * changed (see assay_review_snapshot_catch_up), taken again when it
 * changed in another way. */
int assay_review_cache_queue(struct assay_review_cache *c, const struct assay_review_filter *f,
			     struct assay_review_queue *q);
/* Notes a decision the desk just stored, in the cached snapshot. */
void assay_review_cache_decided(struct assay_review_cache *c, const char *id,
				const char *state);
/* Frees the cached snapshot. */
void assay_review_cache_release(struct assay_review_cache *c);

/* ---- Reasons for rejecting, one key each (reasons.c) -------------------- */

/* The presets an editor picks a rejection's reason from with one key
 * (1 to 9, in order), on every desk; free text stays possible.
 *
 * They are read from ASSAY_REVIEW_REASONS_FILE in the store folder when
 * it exists: UTF-8 text, one reason a line, in key order; blank lines and
 * lines starting with '#' are skipped; at most 9 reasons of at most 255
 * bytes, without control characters. An empty file means no presets.
 * Without the file the presets are "not a figure of the story", "wrong
 * subject", "wrong period" and "duplicate". */
#define ASSAY_REVIEW_REASONS_FILE "reject-reasons.txt"
enum { ASSAY_REVIEW_MAX_REASONS = 9 };

struct assay_review_reasons {
	char text[ASSAY_REVIEW_MAX_REASONS][256];
	size_t n;
};

/* Fills @r from the file in store folder @dir, or with the defaults when
 * there is none. Returns ASSAY_OK, or ASSAY_EINVAL / ASSAY_EIO with a
 * sentence naming the file and the line in @why (then @r holds no
 * presets). */
int assay_review_reasons_load(const char *dir, struct assay_review_reasons *r, char *why,
			      size_t whysize);
/* The preset of key @key ('1'...'9'), or NULL when there is none. */
const char *assay_review_reason_of_key(const struct assay_review_reasons *r, int key);

/* ---- A claim's context (context.c) -------------------------------------- */

/* A claim or an agreement as a desk shows it, with its sources. */
struct assay_review_item {
	bool is_agr;
	struct assay_stored_claim c;     /* when !is_agr */
	struct assay_stored_agreement a; /* when is_agr */
	struct assay_source *src;
	size_t nsrc;
};

/* Reads claim or agreement @id (any case, as assay_store_claim_get) into
 * @it, zeroed first; the store's status (ASSAY_ENOTFOUND, ASSAY_ENOMEM).
 * free(it->src) after, also after an error. */
int assay_review_item_get(struct assay_store *s, const char *id, struct assay_review_item *it);

/* Sorts a claim's sources for the desk: by story; in a story the
 * best-documented page first (dated, with a site, the oldest), and each
 * page's sources together, in the order of its text. */
void assay_review_sort_sources(struct assay_source *src, size_t n);

/* What source @i of sources sorted as above is to the ones before it. */
enum assay_review_source_role {
	ASSAY_REVIEW_SRC_STORY,     /* the first of a story (or of a page of no story) */
	ASSAY_REVIEW_SRC_COPY,      /* the same story on another page: a copy */
	ASSAY_REVIEW_SRC_SAME_PAGE, /* another place of a page already shown */
};
enum assay_review_source_role assay_review_source_role(const struct assay_source *src,
							size_t i);
/* The role in words, true to it: "Story 2", "The same story, also
 * published by mining.com", "Also in the same article: a table row".
 * @story is the story's number. Always terminated. */
void assay_review_source_label(const struct assay_source *src, size_t i, int story,
			       char *out, size_t size);

/* What to call a source: its site, else the file name of its URL
 * ("003_5c00.txt" for an ingested file), else "unknown site". Returns
 * @site, @buf (filled) or a constant. */
const char *assay_review_source_name(const char *site, const char *url, char *buf,
				     size_t size);

/* True when @text (@n bytes) is a table row of cleaned text: cells
 * joined by '|', not only a rule of dashes. */
bool assay_review_is_table_row(const char *text, size_t n);

/* For evidence that is a table row starting at byte @at of an article's
 * cleaned @text: the table's header row (its first row, "" when @at is
 * that row) and its caption (the line above the table unless it is a
 * list item, cut to about 240 bytes), tidied. Returns true when either was found. */
bool assay_review_table_context(const char *text, size_t len, size_t at, char *header,
				size_t hsize, char *caption, size_t csize);

/* Writes @in (@n bytes) for reading: every run of white space (line
 * breaks of hard-wrapped text, tabs, no-break spaces) becomes one space,
 * leading and trailing space goes, and what shows nothing or stands for a
 * lost byte (control characters, bytes that are not UTF-8, U+FFFD, soft
 * hyphens) is left out. Cut on a character boundary to fit @size; always
 * terminated. Returns the bytes written. */
size_t assay_review_tidy(const char *in, size_t n, char *out, size_t size);

/* ---- Corrections (correct.c) --------------------------------------------- */

/* The agreement types an editor may choose, NULL-terminated (statuses:
 * vocab.h). */
extern const char *const assay_review_agreement_types[];

/* Reads parties typed as "CN, TR" (commas or spaces) into @f, sorted.
 * ASSAY_EINVAL for more than ASSAY_MAX_PARTIES, a repeat, or a word that
 * is not an id. */
int assay_review_parse_parties(const char *text, struct assay_review_fix *f);
/* NULL when every field @f sets fits (ids by their form, periods as the
 * contract writes them, statuses and types from their lists, nothing a
 * claim or an agreement does not have); else the first bad field's name
 * ("subject", ..., "field" for one of the other kind). */
const char *assay_review_fix_check(bool agreement, const struct assay_review_fix *f);
/* Clears every field of @f that says what claim @c (or agreement @a; one
 * of them is NULL) already says: a form sends every field, a correction
 * keeps only what it changes. */
void assay_review_fix_drop_same(struct assay_review_fix *f, const struct assay_claim *c,
				const struct assay_agreement *a);
bool assay_review_fix_empty(const struct assay_review_fix *f);
/* What review @r changed from what, in words: "figure 20,000 t -> 2,600
 * t; period 2023 -> 2022" (with an arrow), of claim @c or agreement @a
 * (the other NULL), against the review before it, @prev (NULL: against
 * the extracted claim). Undoing a correction reads as the change back.
 * Always terminated; "" for no change. */
void assay_review_change_words(const struct assay_review *r, const struct assay_review *prev,
			       const struct assay_claim *c, const struct assay_agreement *a,
			       char *out, size_t size);

/* A new correction @d keeps what the current one, @prev, set and @d does
 * not: correcting the figure keeps a corrected period, unit and the rest.
 * Nothing happens unless both are corrections. */
void assay_review_carry(struct assay_review *d, const struct assay_review *prev);

/* What a correction starts from: the claim or agreement @id as extracted,
 * and the decision it has now. */
struct assay_review_original {
	bool is_agr;
	struct assay_claim c;
	struct assay_agreement a;
	struct assay_review now;
};

/* Reads @id into *out (zeroed first); the store's status. */
int assay_review_original_get(struct assay_store *s, const char *id,
			      struct assay_review_original *out);
/* The claim (agreement) as it stands after review @r: the extracted one
 * with the corrected figure and fields in place. */
void assay_review_effective(const struct assay_review *r, const struct assay_claim *c,
			    struct assay_claim *out);
void assay_review_effective_agreement(const struct assay_review *r,
				      const struct assay_agreement *a,
				      struct assay_agreement *out);

/* ---- Words (wording.c, names.py) ---------------------------------------- */

/* The name of country or organisation @id ("China" for CN, "Lynas Rare
 * Earths" for lynas), or NULL when unknown. */
const char *assay_review_name_of(const char *id);
/* An id in words: "refining_share" -> "refining share" (truncated to fit,
 * always terminated). */
void assay_review_words(const char *id, char *out, size_t size);
/* A qualifier in words ("about", "under", ...), "" for eq. */
const char *assay_review_qualifier_words(const char *q);
/* The claim's figure as read: change, qualifier and figure ("about 90%"). */
void assay_review_claim_figure(const struct assay_stored_claim *c, char *out, size_t size);
/* Writes a figure for people: "694 million t", "90%", "USD 2 billion",
 * "1,200 ozt"; a range as "20,000-30,000 t". Always terminated. */
void assay_review_fmt_figure(double value, double value_max, bool has_max, const char *unit,
			     char *out, size_t size);
/* Writes a number with a few significant digits and a word for large
 * magnitudes ("1.2 million"). Always terminated. */
void assay_review_fmt_number(double v, char *out, size_t size);
/* Reads a figure an editor typed: "1,200", "1.2 million", "2 bn", "45%",
 * "3.5k". Returns true and sets *out when the whole text is a number. */
bool assay_review_parse_value(const char *s, double *out);

#endif
