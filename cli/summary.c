/* summary.c - the run's summary from fetch's and the pipeline's counters
 * (see summary.h). */
#include <jansson.h>

#include "buf.h"
#include "log.h"
#include "summary.h"

unsigned cli_summary_errors(const struct assay_fetch_counts *in,
			    const struct assay_pipeline_counts *out)
{
	return in->errors + out->errors;
}

static unsigned skipped_known(const struct assay_fetch_counts *in,
			      const struct assay_pipeline_counts *out)
{
	return in->skipped_known + out->skipped_known;
}

/* The counts beyond cli.md's, named as people say them; zero ones left out. */
static void put_extra(struct assay_buf *b, unsigned n, const char *what)
{
	if (n)
		assay_buf_printf(b, ", %u %s", n, what);
}

static void print_human(const char *verb, const struct assay_fetch_counts *in,
			const struct assay_pipeline_counts *out)
{
	struct assay_buf b = {0};

	assay_buf_printf(&b, "%s: %u sources, %u pages fetched, %u not modified, %u new articles "
			 "(%u duplicates), %u new claims",
			 verb, in->sources, in->pages_fetched, in->not_modified, out->new_articles,
			 out->duplicates, out->new_claims);
	put_extra(&b, skipped_known(in, out), "already stored");
	put_extra(&b, in->too_old, "too old");
	put_extra(&b, in->robots_denied, "refused by robots.txt");
	put_extra(&b, in->deferred, "left for the next run");
	put_extra(&b, in->retries, "retries");
	put_extra(&b, in->dropped, "not queued (over a crawl bound)");
	put_extra(&b, in->records_skipped, "WARC records not pages");
	assay_buf_printf(&b, ", %u errors in %.1f s%s", cli_summary_errors(in, out), in->seconds,
			 in->stopped ? " (stopped: budget spent)" : "");
	if (b.data)
		assay_info("%s", b.data);
	assay_buf_release(&b);
}

/* cli.md's fields, then what the crawler adds for cron jobs. */
static void print_json(const struct assay_fetch_counts *in,
		       const struct assay_pipeline_counts *out, FILE *json)
{
	json_t *o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:f,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b}",
			      "sources", (json_int_t)in->sources,
			      "pages_fetched", (json_int_t)in->pages_fetched,
			      "not_modified", (json_int_t)in->not_modified,
			      "new_articles", (json_int_t)out->new_articles,
			      "duplicates", (json_int_t)out->duplicates,
			      "new_claims", (json_int_t)out->new_claims,
			      "errors", (json_int_t)cli_summary_errors(in, out),
			      "seconds", in->seconds,
			      "skipped_known", (json_int_t)skipped_known(in, out),
			      "robots_denied", (json_int_t)in->robots_denied,
			      "too_old", (json_int_t)in->too_old,
			      "deferred", (json_int_t)in->deferred,
			      "retries", (json_int_t)in->retries,
			      "dropped", (json_int_t)in->dropped,
			      "records_skipped", (json_int_t)in->records_skipped,
			      "stopped", in->stopped);

	if (o) {
		json_dumpf(o, json, JSON_COMPACT | JSON_REAL_PRECISION(6));
		fputc('\n', json);
		fflush(json);
		json_decref(o);
	}
}

void cli_summary_print(const char *verb, const struct assay_fetch_counts *in,
		       const struct assay_pipeline_counts *out, bool human, FILE *json)
{
	if (human)
		print_human(verb, in, out);
	if (json)
		print_json(in, out, json);
}

void cli_summary_short(const struct assay_fetch_counts *in,
		       const struct assay_pipeline_counts *out, char *line, size_t size)
{
	snprintf(line, size,
		 "%u sources, %u pages fetched, %u not modified, %u new articles, %u errors, %u left "
		 "for the next run",
		 in->sources, in->pages_fetched, in->not_modified, out->new_articles,
		 cli_summary_errors(in, out), in->deferred);
}
