/* pipeline.h - one page in, one stored article out: clean, extract, store.
 *
 * Both `assay crawl` and `assay ingest` hand their pages here, so a page
 * is treated the same whichever way it arrived. The pipeline borrows the
 * store and the summary; it counts into the summary as it goes. */
#ifndef ASSAY_PIPELINE_H
#define ASSAY_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "fetch.h"
#include "store.h"

struct assay_pipeline {
	struct assay_store *store;
	struct assay_crawl_summary *sum;
	bool refetch; /* store again even when the URL is known */
};

void assay_pipeline_init(struct assay_pipeline *p, struct assay_store *store,
			 struct assay_crawl_summary *sum);

/* Cleans, extracts and stores one page (HTML, or plain text when its
 * content type is text/plain: first line the headline). Counts
 * new_articles, duplicates, new_claims and errors into the summary.
 * Returns ASSAY_OK, or an error for this page only (already counted). */
int assay_pipeline_page(struct assay_pipeline *p, const struct assay_page *page);

/* Fills crawl hooks that route to this pipeline and its store. */
void assay_pipeline_hooks(struct assay_pipeline *p, struct assay_crawl_hooks *h);

/* The summary for people (one line, on @human, usually stderr) and, when
 * @json is given, for machines (one JSON object line). */
void assay_summary_print(const char *verb, const struct assay_crawl_summary *sum, FILE *human,
			 FILE *json);

/* Opens the store at @dir for writing, creating it; on failure prints
 * the error and returns NULL. */
struct assay_store *assay_cli_open_store(const char *dir, bool create);

#endif
