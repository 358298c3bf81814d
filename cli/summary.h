/* summary.h - the one-line summary of a crawl or an ingest (cli.md), made
 * in one place from the two modules' counters: what was read (fetch.h:
 * the crawler's, or ingest's own as it reads files) and what the
 * pipeline made of it (pipeline.h: new articles, duplicates, claims).
 * A failure is counted once, by the module that met it, so the run's
 * errors (and pages found stored already) are the sum of both sides. */
#ifndef ASSAY_CLI_SUMMARY_H
#define ASSAY_CLI_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "fetch.h"
#include "pipeline.h"

/* The inputs and pages that failed, on either side. */
unsigned cli_summary_errors(const struct assay_fetch_counts *in,
			    const struct assay_pipeline_counts *out);

/* The summary for people when @human (one line through the log: stderr,
 * or the --log file) with every count the JSON has that is not zero,
 * and, when @json is given, for machines (one JSON object line). */
void cli_summary_print(const char *verb, const struct assay_fetch_counts *in,
		       const struct assay_pipeline_counts *out, bool human, FILE *json);

/* The short form kept in the store for `assay stats` ("last crawl"). */
void cli_summary_short(const struct assay_fetch_counts *in,
		       const struct assay_pipeline_counts *out, char *line, size_t size);

#endif
