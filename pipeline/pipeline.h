/* pipeline.h - one page in, one stored article out: clean, extract, store.
 *
 * Every way a page arrives goes through assay_pipeline_process(): `assay
 * crawl` and `assay ingest` (assay_pipeline_page) and `assay reprocess`
 * (assay_pipeline_reprocess), the benchmarks and the fault tests. So a
 * page is cleaned the same way whichever way it came, and reprocess gives
 * back what the crawl stored: the same charset, text, story and evidence.
 *
 * The pipeline borrows the store and its counters (struct
 * assay_pipeline_counts) and counts into them as it goes; the caller
 * reads what came in (fetch.h's counters) and makes the run's summary of
 * both. A page that fails is counted and skipped: bad input
 * never stops a run and never touches what was stored. Warnings about a
 * failed page go to the log (log.h); the pipeline prints nothing else. */
#ifndef ASSAY_PIPELINE_H
#define ASSAY_PIPELINE_H

#include <stdbool.h>

#include "clean.h"
#include "extract.h"
#include "fetch.h"
#include "store.h"

/* One page cleaned and extracted, ready to store. Owns doc, x and
 * packed; article points into them and into the page it was made from.
 * packed is filled by assay_pipeline_pack() (pool workers do), and then
 * article.packed points to it. */
struct assay_processed {
	struct assay_doc doc;
	struct assay_extraction x;
	struct assay_article article;
	struct assay_packed packed;
};

/* Cleans @page (HTML in the charset its Content-Type names, or plain text
 * when the type is text/plain: first line the headline), extracts its
 * claims and fills @out (which it initialises) as it would be stored.
 * Borrows @page for as long as @out lives. ASSAY_OK, or ASSAY_ENOMEM or
 * another error (warned about, with the page's URL); on error @out is
 * empty and needs no release. */
int assay_pipeline_process(const struct assay_page *page, struct assay_processed *out);
void assay_processed_release(struct assay_processed *p); /* accepts a zeroed one */

/* Does ahead what storing @p would (store.h: assay_store_pack, with
 * @flags), so that the writer only writes. A failure is no error: the
 * writer then does it itself. */
void assay_pipeline_pack(struct assay_packer *pk, struct assay_processed *p, unsigned flags);

/* What became of the pages given to the pipeline. */
struct assay_pipeline_counts {
	unsigned new_articles;  /* stored, new or with a new text */
	unsigned duplicates;    /* of them, the same story as one stored before */
	unsigned new_claims;
	unsigned errors;        /* pages that failed to clean, extract or store */
	unsigned skipped_known; /* given twice: stored meanwhile by an earlier page */
};

struct assay_pool;
struct assay_pipeline {
	struct assay_store *store;
	struct assay_pipeline_counts *counts;
	bool refetch; /* store again even when the URL is known */
	/* A pool made on this pipeline, or NULL: with one that has workers,
	 * the crawl hooks queue pages into it (assay_pipeline_hooks). */
	struct assay_pool *pool;
};

void assay_pipeline_init(struct assay_pipeline *p, struct assay_store *store,
			 struct assay_pipeline_counts *counts);

/* Processes and stores one page. Counts new_articles, duplicates,
 * new_claims and errors. Returns ASSAY_OK, or an error
 * for this page only (already counted). */
int assay_pipeline_page(struct assay_pipeline *p, const struct assay_page *page);

/* Stores @pr, made from @page by assay_pipeline_process(), and counts
 * as assay_pipeline_page() does. Borrows both; @pr is still the caller's
 * to release. */
int assay_pipeline_store(struct assay_pipeline *p, const struct assay_page *page,
			 struct assay_processed *pr);

/* A pool of @jobs workers that clean and extract pages in parallel while
 * the caller's thread stores them, one at a time, in the order they were
 * given: the store ends up exactly as assay_pipeline_page() on each page
 * in turn would leave it (same stories, claim ids, evidence, conflicts).
 * Pages wait in a ring of a fixed size (a few per job), so memory grows
 * with jobs, not with input. Each page is its own transaction, as in a
 * serial run, so a kill loses only pages not yet stored.
 *
 * Call assay_parse_init() and assay_extract_init() first. @jobs 0 means
 * one per core (assay_pool_default_jobs()); with 1 there are no threads
 * and each page is processed and stored in the call. The pool borrows
 * @p. ASSAY_OK or ASSAY_ENOMEM. */
/* A copy of @g and all it points to in one block: *@out points into it.
 * Returns the block (free() it when @out is no longer needed), or NULL
 * when out of memory (then *@out is unchanged). For a page kept past
 * the callback it was lent to (the pool's queue, a benchmark's pages). */
char *assay_page_copy(const struct assay_page *g, struct assay_page *out);

int assay_pool_new(struct assay_pipeline *p, unsigned jobs, struct assay_pool **out);

/* Copies @page into the ring (waiting, and storing earlier pages, when it
 * is full); the caller keeps @page. A page whose URL an earlier page
 * stored meanwhile is counted in skipped_known (unless p->refetch), as a
 * check before the call would have found in a serial run. Returns
 * ASSAY_OK, or an error for a page already counted: the one given or an
 * earlier one stored in the call. */
int assay_pool_page(struct assay_pool *pool, const struct assay_page *page);

/* Waits for and stores every page given so far; the pool stays usable.
 * Returns ASSAY_OK or the first page's error (counted). */
int assay_pool_drain(struct assay_pool *pool);

/* Drains, stops the workers and frees. Accepts NULL. */
void assay_pool_free(struct assay_pool *pool);

/* One per online core (sysconf), at least 1. */
unsigned assay_pool_default_jobs(void);

/* Fills crawl hooks that route to this pipeline and its store. With
 * p->pool set and its workers running, pages go through the pool:
 * queue_page queues a page (ASSAY_ETOOBIG when the ring is full) and
 * settle stores the oldest and says how it ended, so the crawler marks
 * a URL done only once its page is committed. Otherwise on_page cleans,
 * extracts and stores each page in the call. */
void assay_pipeline_hooks(struct assay_pipeline *p, struct assay_crawl_hooks *h);

/* Processes every stored page again, as it was fetched (URL, Content-Type
 * and so charset, feed date), and rebuilds the store's stories, claims,
 * agreements and conflicts in one transaction (store.h). A page that no
 * longer cleans keeps its stored text and story (counted in res->failed).
 * The caller holds the store's lock. */
int assay_pipeline_reprocess(struct assay_store *s, struct assay_reprocess_result *res);

/* The same with @jobs workers cleaning and extracting (0: one per core,
 * 1: none); the store comes out the same whatever @jobs. res->ahead
 * counts the pages the workers cleaned (the others, the writer's thread). */
int assay_pipeline_reprocess_jobs(struct assay_store *s, unsigned jobs,
				  struct assay_reprocess_result *res);

#endif
