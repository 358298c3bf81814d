/* store.h - the LMDB-backed store of articles, stories, claims,
 * agreements, reviews and crawl state.
 *
 * One store is one LMDB environment (a folder). Writers are serialised by
 * LMDB; readers never block. Each article is written with all its claims
 * and agreements in one transaction: all or nothing. The map grows when
 * full. Every function returns ASSAY_OK or a negative ASSAY_E* code, and
 * assay_store_errmsg() says what went wrong in words. */
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

int assay_store_open(const char *dir, unsigned flags, struct assay_store **out);
void assay_store_close(struct assay_store *s); /* accepts NULL */
/* The last error in words; never NULL. Valid until the next call. */
const char *assay_store_errmsg(const struct assay_store *s);

/* An article as the pipeline hands it over. Borrowed; the store copies. */
struct assay_article {
	const char *url;          /* canonical URL: the article's identity */
	const char *fetched_url;  /* where it was fetched from, or NULL */
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
};

struct assay_put_result {
	bool is_new;        /* false: this URL was stored already, nothing written */
	bool duplicate;     /* same story as an article stored before (exact or near) */
	size_t new_claims;  /* claims not seen before this article */
	char story[24];     /* the story id */
};

/* True when an article with this canonical URL is stored. */
bool assay_store_has_url(struct assay_store *s, const char *canonical_url);

int assay_store_put_article(struct assay_store *s, const struct assay_article *a,
			    struct assay_put_result *res);

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

#endif
