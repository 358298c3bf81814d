/* store.h - the LMDB-backed store of articles, stories, claims,
 * agreements, reviews and crawl state.
 *
 * One store is one LMDB environment (a folder). Writers are serialised by
 * LMDB; readers never block. Each article is written with all its claims
 * and agreements in one transaction: all or nothing. The map grows when
 * full. Every function returns ASSAY_OK or a negative ASSAY_E* code, and
 * assay_store_errmsg() says what went wrong in words (with NULL: why the
 * last assay_store_open() failed; a failed open hands back no handle).
 *
 * Stories: an article whose cleaned text has the SHA-256 of a stored one,
 * or one that shares at least 3/4 of the smaller text's word shingles with
 * a story begun in the last 20,000 articles (simhash.h, bands.c), joins
 * its story; an empty text (a headline-only flash) joins none.
 * Claims: figures of one key (claims.md section 4) whose intervals meet
 * are one claim with every source; a key with two or more claims is a
 * conflict group; so are agreements between the same parties whose
 * statuses contradict (assay_agreement_status_class(), vocab.h). Claim
 * ids are 8 base32 characters hashed from the key and the claim's first figure: the same
 * pages give the same ids in any store. Editors' decisions are kept by id
 * in a table that re-ingest and reprocess never touch.
 *
 * Durability: a commit survives the process being killed; flushes to disk
 * are batched (env.c), ASSAY_STORE_SYNC=1 flushes at every commit.
 *
 * Callbacks given to the query functions below run inside a read
 * transaction: they must not call the store. Returning non-zero from a
 * callback stops the walk and that value is returned. */
#ifndef ASSAY_STORE_H
#define ASSAY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "extract.h"

struct assay_store; /* opaque */

enum assay_store_flags {
	ASSAY_STORE_CREATE = 1u << 0, /* create the folder and store if missing */
	ASSAY_STORE_RDONLY = 1u << 1,
};
/* A store whose files or folder this user may not write (another user's,
 * a read-only mount) opens as if ASSAY_STORE_RDONLY were given: reading
 * works, and every write (and assay_store_lock) fails with ASSAY_EDENIED
 * and a message saying why. When this user may not write its lock.mdb
 * either, a read that another process's commits overtook fails with
 * ASSAY_EBUSY ("run it again") rather than hand back a mixed snapshot. */

int assay_store_open(const char *dir, unsigned flags, struct assay_store **out);
void assay_store_close(struct assay_store *s); /* accepts NULL */
/* True once a write met a garbled page (ASSAY_EDAMAGED): the handle then
 * refuses every later write, so that a run ends instead of writing on
 * over the damage; what was committed before stays as it is. */
bool assay_store_damaged(const struct assay_store *s);
/* The last error in words; never NULL. Valid until the next call. */
const char *assay_store_errmsg(const struct assay_store *s);

/* An article as the pipeline hands it over. Borrowed; the store copies. */
struct assay_article {
	const char *url;          /* canonical URL: the article's identity */
	const char *fetched_url;  /* where it was fetched from, or NULL */
	const char *served_url;   /* where it came from after redirects, or NULL:
				   * a url on another site than this one (or
				   * fetched_url) is not trusted as the identity */
	const char *title, *site, *published, *author, *language; /* or NULL */
	const char *raw;          /* the page as fetched; stored compressed */
	size_t raw_len;
	const char *content_type; /* or NULL */
	const char *text;         /* cleaned text; evidence offsets point here */
	size_t text_len;
	const struct assay_doc *doc;        /* for tables; or NULL */
	const struct assay_extraction *x;   /* claims, agreements; or NULL */
	int64_t fetched_at;       /* unix seconds */
	const char *warc_file;    /* where the record is kept, or NULL */
	int64_t warc_offset;
	const struct assay_packed *packed; /* worked out ahead (below), or NULL */
	const char *claimed_url;  /* set by the store: a canonical URL the page
				   * named on another site, kept as metadata only */
};

struct assay_put_result {
	bool is_new;        /* false: this URL was stored already */
	bool duplicate;     /* same story as an article stored before (exact or near) */
	size_t new_claims;  /* claims not seen before this article */
	char story[24];     /* the story id */
	bool updated;       /* a stored URL whose text changed: rewritten in place */
};

/* True when an article with this canonical URL is stored. */
bool assay_store_has_url(struct assay_store *s, const char *canonical_url);

/* Stores @a with its claims and agreements in one transaction. A URL
 * stored already (res->is_new false) is left alone when its cleaned text
 * is the same, and rewritten in place when it changed (res->updated): its
 * old evidence, and claims no other page supports, are taken out first;
 * editors' decisions stay. The identity is a->url in canonical form
 * (canon.h); a relative a->url gives way to fetched_url, and so does a
 * canonical URL on another registrable domain than the page was served
 * from (a page cannot take over another site's article). */
int assay_store_put_article(struct assay_store *s, const struct assay_article *a,
			    struct assay_put_result *res);

/* ---- Work done ahead of the writer (store/pack.c) ---------------------
 *
 * What storing an article works out from the article alone - its identity
 * (the canonical URL), its text's SHA-256 and SimHash, its page and text
 * compressed - takes most of a writer's time. Any thread may pack an
 * article with a packer of its own while the writer stores others; given
 * in article->packed, it spares the writer all of that, and the article
 * is stored exactly as without it. A packed article must not change
 * (text, raw, url, fetched_url, served_url) between pack and put. */
struct assay_packer; /* opaque: a compressor's state, one per thread */

int assay_packer_new(struct assay_packer **out);
void assay_packer_free(struct assay_packer *pk); /* accepts NULL */

enum assay_pack_flags {
	ASSAY_PACK_RAW = 1u << 0, /* the page too (not needed by reprocess) */
	ASSAY_PACK_URL = 1u << 1, /* the identity (not needed by reprocess) */
};

struct assay_packed {
	bool ok;                  /* filled; false: the writer works it all out */
	char *url;                /* the identity, or NULL (then worked out by the
				   * writer, which says what is wrong with it) */
	char sha256[65];
	uint64_t simhash;
	bool has_hash;            /* false: too short for a SimHash */
	uint64_t *shingles;       /* has_hash: the text's shingle hashes, sorted,
				   * each once (NULL: the writer works them out) */
	size_t nshingles, words;
	bool has_raw;
	bool distrusted;          /* a->url names another site: not the identity */
	struct assay_buf text_z, raw_z; /* compressed as stored */
};

/* Fills @out (which it initialises) for @a, borrowed. ASSAY_OK, or
 * ASSAY_ENOMEM with @out not ok. A URL that will not canonicalise is no
 * error here: out->url stays NULL and the put reports it. */
int assay_store_pack(struct assay_packer *pk, const struct assay_article *a, unsigned flags,
		     struct assay_packed *out);
void assay_packed_release(struct assay_packed *p); /* accepts a zeroed one */

struct assay_store_stats {
	uint64_t articles, stories, claims, evidences, agreements, conflicts;
	uint64_t pending, accepted, rejected, corrected;
	uint64_t bytes;        /* size of the store on disk */
	int64_t last_crawl;    /* unix seconds of the last crawl, 0 if none */
	char last_crawl_summary[256];
};

int assay_store_stats(struct assay_store *s, struct assay_store_stats *out);

/* Small records kept between runs (crawl state: validators, host state,
 * frontier, the last crawl's summary), by table name and key.
 * get appends the value to @val; ASSAY_ENOTFOUND when absent. */
int assay_store_kv_get(struct assay_store *s, const char *table, const char *key,
		       struct assay_buf *val);
int assay_store_kv_put(struct assay_store *s, const char *table, const char *key,
		       const void *val, size_t len);
int assay_store_kv_del(struct assay_store *s, const char *table, const char *key);

/* A process-level lock beside the store for crawls and ingests: a second
 * holder gets ASSAY_EBUSY at once, or waits when @wait. Released by
 * assay_store_unlock() or when the process ends (even by SIGKILL). */
int assay_store_lock(struct assay_store *s, bool wait);
void assay_store_unlock(struct assay_store *s);

/* Records the time and one-line summary of the last crawl or ingest, shown
 * by `assay stats`. A handle that stored new articles without calling this
 * records "N new articles" and the time when it is closed. */
int assay_store_set_last_crawl(struct assay_store *s, int64_t when, const char *summary);

/* ---- Queries (store/query.c) ---------------------------------------- */

/* An editor's decision, or the pending state. */
/* The fields a correction sets right besides the figure; "" (and no
 * parties) for a field that stays as extracted. A claim's correction may
 * set subject to place; an agreement's type, parties and status. */
struct assay_review_fix {
	char subject[48], metric[32], commodity[32], period[16];
	char status[12];       /* a claim's (actual...) or an agreement's (signed...) */
	char place[64];
	char type[16];         /* agreements */
	char parties[ASSAY_MAX_PARTIES][48]; /* agreements: sorted ids */
	int nparties;
};

/* The fields of a claim's key a correction may set, named once for code
 * that does the same to each: X(subject) ... X(place). Both struct
 * assay_claim and struct assay_review_fix have them. */
#define ASSAY_CLAIM_KEY_FIELDS(X) X(subject) X(metric) X(commodity) X(period) X(status) X(place)

struct assay_review {
	char state[12];        /* pending accepted rejected corrected */
	char reason[256];      /* rejected: why */
	double value;          /* corrected: the editor's value */
	char unit[24];         /* corrected: the unit, "" for the claim's own */
	bool has_value;        /* corrected: the figure was set right */
	char who[64];          /* $USER */
	int64_t when;          /* unix seconds; 0 for pending */
	struct assay_review_fix fix; /* corrected: the other fields set right */
};

/* Claim @c with the key fields and the unit review @r corrected (the
 * figure as extracted): the key it is grouped under. */
void assay_store_reviewed_key(const struct assay_claim *c, const struct assay_review *r,
			      struct assay_claim *out);

/* A stored claim: the key and the first figure seen, as extracted. */
struct assay_stored_claim {
	char id[12];           /* 8 characters, base32: stable across re-crawls */
	struct assay_claim c;  /* offsets in c are meaningless here */
	char unit_family[32];
	double lo, hi;         /* the interval the figure stands for */
	bool lo_open, hi_open;
	char figure[64];       /* the first figure as written */
	uint64_t group;        /* the key's hash: every figure of a key shares it */
	size_t nevidence, nstories; /* support: pages and distinct stories */
	struct assay_review review;
};

struct assay_stored_agreement {
	char id[12];           /* "a" and 8 base32 characters */
	struct assay_agreement a; /* evidence offsets meaningless */
	uint64_t group;        /* the parties' hash */
	size_t nevidence, nstories;
	char first_published[32]; /* the earliest publication date of a source */
	struct assay_review review;
};

/* One source of a claim or agreement: the article and the evidence. */
struct assay_source {
	char url[512], title[256], site[128], published[32], story[24];
	char evidence[2048];   /* the sentence or table row */
	size_t start, end;     /* into the article's cleaned text */
	double value, value_max; /* claims: the figure this source gave */
	bool has_max;
	char qualifier[8], unit[24], figure[64];
	int64_t seq;           /* the article's ingest number */
	int64_t fetched_at;    /* the article's, unix seconds */
	char claimed_url[512]; /* the article's (assay_stored_article) */
};

/* Which conflict groups a listing gives, by the stories behind them: a
 * disagreement between sources needs figures (or statuses) from two or
 * more stories; a group whose every source is one story is that story
 * contradicting itself. */
enum assay_group_stories {
	ASSAY_GROUPS_ACROSS = 0, /* two or more stories: the default */
	ASSAY_GROUPS_WITHIN,     /* one story only */
	ASSAY_GROUPS_ANY,
};

/* What a listing gives. Subject, metric and commodity (an agreement's
 * topic) are matched whole. since and until are publication dates
 * ("2024", "2024-10", "2024-10-16"), both inclusive: sources published
 * outside them are left out, undated sources too, and a claim or
 * agreement (a conflict member) left with no source is left out; its
 * stories are then counted among the sources kept. min_stories: claims and
 * agreements with fewer stories, conflict groups spanning fewer, are left
 * out. state: claims and agreements in that review state; conflict groups
 * with a member in it. */
struct assay_claim_filter {
	const char *state, *subject, *metric, *commodity; /* NULL: any */
	const char *since, *until;           /* NULL: no bound */
	size_t min_stories;                  /* 0: no minimum */
	enum assay_group_stories stories;    /* conflicts only */
	bool open;                           /* conflicts only: leave out resolved groups */
	bool resolved;                       /* conflicts only: resolved groups only */
};

typedef int (*assay_claim_fn)(void *ctx, const struct assay_stored_claim *c,
			      const struct assay_source *src, size_t nsrc);
typedef int (*assay_agreement_fn)(void *ctx, const struct assay_stored_agreement *a,
				  const struct assay_source *src, size_t nsrc);

/* Every claim that passes @f (NULL: all), with its sources. */
int assay_store_claims(struct assay_store *s, const struct assay_claim_filter *f,
		       assay_claim_fn fn, void *ctx);
/* Every claim's key and first figure, without sources or review: one
 * record read a claim, for counting what the store holds. */
typedef int (*assay_claim_key_fn)(void *ctx, const struct assay_claim *c);
int assay_store_claim_keys(struct assay_store *s, assay_claim_key_fn fn, void *ctx);

/* One claim (or agreement, for an id starting with 'a') by id. */
int assay_store_claim_get(struct assay_store *s, const char *id, assay_claim_fn cfn,
			  assay_agreement_fn afn, void *ctx);
int assay_store_agreements(struct assay_store *s, const struct assay_claim_filter *f,
			   assay_agreement_fn fn, void *ctx);

/* A conflict group: the figures of one key, or the statuses of one set of
 * parties (ordered by publication date), each with its sources. */
struct assay_conflict_member {
	const struct assay_stored_claim *claim;         /* claim groups */
	const struct assay_stored_agreement *agreement; /* agreement groups */
	const struct assay_source *sources;
	size_t nsources;
};

/* A group is resolved when editors kept one member (accepted or
 * corrected it) and rejected every other. */
struct assay_conflict {
	bool is_agreement;
	const struct assay_conflict_member *members;
	size_t nmembers;
	size_t nstories;       /* distinct stories among every member's sources */
	bool resolved;
};

typedef int (*assay_conflict_fn)(void *ctx, const struct assay_conflict *g);

/* Every conflict group; @f filters claim groups by subject and metric and
 * agreement groups by party (subject), every group by its stories and,
 * with f->open, leaves out resolved groups, with f->resolved the others
 * (NULL: every group across stories). Claim groups come in figure order, agreement groups in order
 * of first publication. The whole group, every
 * member with every source, is in memory for @fn: for output of any size
 * use the stream below. */
int assay_store_conflicts(struct assay_store *s, const struct assay_claim_filter *f,
			  assay_conflict_fn fn, void *ctx);

/* The same groups member by member, so that memory holds one member and
 * its sources, never a whole group. For each group: @begin (may be NULL)
 * sees the group as read so far, its first member (g->nmembers is 1);
 * then @member sees member @i (from 0, in order) as @m; then @end (may be
 * NULL). @member and @end see the group's kind, nstories and resolved
 * (no members); begin sees them too, read before it is called. What is
 * handed over is valid only during the call. A non-zero return ends the
 * walk and is returned. */
struct assay_conflict_stream {
	int (*begin)(void *ctx, const struct assay_conflict *g);
	int (*member)(void *ctx, const struct assay_conflict *g, size_t i,
		      const struct assay_conflict_member *m);
	int (*end)(void *ctx, const struct assay_conflict *g);
};

int assay_store_conflicts_stream(struct assay_store *s, const struct assay_claim_filter *f,
				 const struct assay_conflict_stream *cs, void *ctx);

/* One page of the groups assay_store_conflicts() gives: *@total counts
 * every group that passes @f, and @fn sees the @limit of them from the
 * @skip-th on (from 0), whole. Which groups pass is read from the
 * conflict index - each group summed up, kept by every write in the same
 * transaction - so a page reads only its own groups, however many the
 * store holds; but dates (f->since, f->until) are not in the index, and
 * with them every group is read. */
int assay_store_conflicts_page(struct assay_store *s, const struct assay_claim_filter *f,
			       size_t skip, size_t limit, assay_conflict_fn fn, void *ctx,
			       size_t *total);

/* The group of kind @agreement and key hash @group (a stored claim's or
 * agreement's `group`), whole, for @fn: every member, whatever its
 * stories. ASSAY_ENOTFOUND when the key has fewer than two members (no
 * conflict). */
int assay_store_conflict_group(struct assay_store *s, bool agreement, uint64_t group,
			       assay_conflict_fn fn, void *ctx);

/* ---- Articles ---------------------------------------------------------- */

struct assay_stored_article {
	char url[512], fetched_url[512], title[256], site[128], published[32];
	char author[128], language[16], content_type[64], sha256[65], story[24];
	char warc_file[256];
	char claimed_url[512];  /* a canonical on another site the page named, not
				 * trusted as its identity; "" when none */
	int64_t fetched_at, seq, warc_offset;
	size_t text_len, raw_len;
};

typedef int (*assay_article_fn)(void *ctx, const struct assay_stored_article *a);

/* Every article in ingest order. */
int assay_store_articles(struct assay_store *s, assay_article_fn fn, void *ctx);
/* A number that changes whenever an article is stored, updated or
 * reprocessed (what it supports with it): a copy of the articles list is
 * still right while it stays the same, whoever writes. */
int assay_store_articles_version(struct assay_store *s, uint64_t *out);
/* The article stored under canonical URL @url (as a listing gives it),
 * into @out; ASSAY_ENOTFOUND when there is none. */
int assay_store_article_get(struct assay_store *s, const char *url,
			    struct assay_stored_article *out);
/* The ids of the claims and agreements article @seq (its `seq`) is a
 * source of, each once, in id order. */
typedef int (*assay_id_fn)(void *ctx, const char *id);
int assay_store_article_claims(struct assay_store *s, int64_t seq, assay_id_fn fn, void *ctx);
/* For every article that supports any: how many claims and agreements,
 * in article number order. Articles that support none are not called. */
typedef int (*assay_article_counts_fn)(void *ctx, int64_t seq, size_t claims,
				       size_t agreements);
int assay_store_article_counts(struct assay_store *s, assay_article_counts_fn fn, void *ctx);
/* Appends the article's cleaned text or its raw page to @out. */
int assay_store_article_text(struct assay_store *s, const char *url, struct assay_buf *out);
int assay_store_article_raw(struct assay_store *s, const char *url, struct assay_buf *out);

/* ---- Catching up (store/query.c) ---------------------------------------
 *
 * A reader that keeps a copy of every claim (a desk's review queue) takes
 * it once and then reads only what changed. The clock says how far the
 * store's writes have gone; each number only grows. Storing an article
 * (new or a changed text, which takes a new number) only adds: claims,
 * evidence, and a decision carried over to a claim the article supports.
 * Anything else that changes claims (reprocess) rewrites articles under
 * their old numbers, and shows as article_writes growing by more than
 * articles does: then the copy is to be taken again. */
struct assay_store_clock {
	int64_t articles;        /* the last article number given */
	uint64_t article_writes; /* articles written (assay_store_articles_version) */
	uint64_t claims, agreements; /* how many are stored */
	uint64_t decisions;      /* decisions ever recorded: the history's length */
};

int assay_store_clock(struct assay_store *s, struct assay_store_clock *out);
/* True when the clocks are the same. */
bool assay_store_clock_same(const struct assay_store_clock *a, const struct assay_store_clock *b);
/* True when every write from @then to @now stored articles or decisions
 * and nothing else: a copy taken at @then catches up by reading the
 * claims of the articles after then->articles (and the decisions). */
bool assay_store_clock_only_added(const struct assay_store_clock *then,
				  const struct assay_store_clock *now);

/* Every claim and agreement an article numbered above @after supports,
 * each once (in id order), with its sources and review as
 * assay_store_claims() gives them; *now is the clock they were read at
 * (one read transaction). */
int assay_store_claims_since(struct assay_store *s, int64_t after, assay_claim_fn cfn,
			     assay_agreement_fn afn, void *ctx, struct assay_store_clock *now);

/* Every id that ever had a decision, with its state now ("pending" after
 * an undo), in id order; *now is the clock it was read at. An id without
 * one is pending. */
typedef int (*assay_decision_fn)(void *ctx, const char *id, const char *state);
int assay_store_decisions(struct assay_store *s, assay_decision_fn fn, void *ctx,
			  struct assay_store_clock *now);

/* ---- Review (store/review.c) ------------------------------------------ */

/* Records a decision on a claim or agreement id: @d->state is accepted,
 * rejected (with reason), corrected (a claim's with a value or a field of
 * d->fix, an agreement's with a field of d->fix) or pending (undo). who and
 * when are filled from $USER and the clock when empty. The decision is
 * kept by the id, which is a hash of the key and the figure: re-crawls,
 * re-ingests and reprocess leave it in place. Every decision is also
 * appended to the history. ASSAY_ENOTFOUND for an unknown id. */
int assay_store_review(struct assay_store *s, const char *id, const struct assay_review *d);
/* The history of decisions on an id, oldest first; free() *out. */
int assay_store_review_history(struct assay_store *s, const char *id,
			       struct assay_review **out, size_t *n);

/* ---- Verify (store/verify.c) ------------------------------------------- */

/* What assay_store_verify found, per table. */
struct assay_verify_table {
	const char *name;            /* the LMDB table's name; static */
	uint64_t records, problems;
};

struct assay_verify_report {
	struct assay_verify_table tables[24];
	int ntables;
	uint64_t pages, problems;    /* pages in use; problems in all */
};

/* One problem found: @table's name and what does not hold, in words. */
typedef void (*assay_problem_fn)(void *ctx, const char *table, const char *what);

/* Walks every table read-only: records read back in order and decode, and
 * the references between tables hold; each problem goes to @fn (may be
 * NULL) and is counted. A damaged page ends that table's walk with a
 * problem instead of a crash. ASSAY_OK when the walk ran, whatever it
 * found: see @r->problems. */
int assay_store_verify(struct assay_store *s, struct assay_verify_report *r,
		       assay_problem_fn fn, void *ctx);

/* ---- Reprocess (store/reprocess.c) --------------------------------------- */

/* What reprocess hands its callback: a stored page. Borrowed. */
struct assay_stored_page {
	const struct assay_stored_article *meta;
	const char *raw;          /* the page; NULL when given compressed only */
	size_t raw_len;
	const void *raw_z;        /* the page as stored, compressed, or NULL */
	size_t raw_z_len;
};

/* Appends the page of a compressed one (raw_z) to @out: ASSAY_OK, or
 * ASSAY_EPARSE when it is damaged, or ASSAY_ENOMEM. A page that is
 * missing or damaged counts as empty wherever reprocess reads it. */
int assay_store_unpack(const void *z, size_t n, struct assay_buf *out);

/* Fills @out (url ignored; raw is not rewritten) with the article as
 * re-cleaned and re-extracted; what it points to must stay valid until the
 * next call. ASSAY_EPARSE: the page keeps its stored text and story, with
 * no claims (counted as failed); any other non-zero return stops and
 * nothing changes. */
typedef int (*assay_reprocess_fn)(void *ctx, const struct assay_stored_page *page,
				  struct assay_article *out);

struct assay_reprocess_result {
	size_t articles, failed, claims, agreements;
	/* Of the articles, those whose result the callback had made ahead
	 * (in parallel) and took as it was: the store leaves it 0, and the
	 * caller of assay_store_reprocess_ahead() counts (pipeline.h). */
	size_t ahead;
};

/* Rebuilds stories, claims, agreements and conflicts from the stored
 * pages in one transaction (all or nothing). Reviews and crawl state are
 * kept; a decision applies again to the claim of the same key and figure. */
int assay_store_reprocess(struct assay_store *s, assay_reprocess_fn fn, void *ctx,
			  struct assay_reprocess_result *res);

/* Sees a page before the reprocess callback does (borrowed for the call);
 * whatever it does, the page comes to the callback all the same. */
typedef void (*assay_reprocess_ahead_fn)(void *ctx, const struct assay_stored_page *page);

/* As assay_store_reprocess(), and @ahead is handed every page too, in the
 * same order, up to @window pages before @fn is: a caller can work on the
 * pages in parallel and give @fn its results in order. A page's record
 * may change between the two calls (an earlier page's write), so @fn's
 * page is the one to trust. Both get the page compressed only (raw
 * NULL), so that inflating it is done where the page is worked on, not
 * by the one thread that writes; comparing raw_z tells the same page. */
int assay_store_reprocess_ahead(struct assay_store *s, assay_reprocess_fn fn,
				assay_reprocess_ahead_fn ahead, unsigned window, void *ctx,
				struct assay_reprocess_result *res);

#endif
