/* cmd_reprocess.c - `assay reprocess`: re-clean and re-extract every
 * stored page with the current rules.
 *
 * The pages go through the same pipeline as a crawl's, in ingest order
 * inside one write transaction (pipeline.h); editors' decisions stay
 * (store.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "log.h"
#include "pipeline.h"
#include "table.h"

static const char reprocess_usage[] =
	"usage: assay reprocess [--jobs N] [--wait]\n"
	"\n"
	"Cleans and extracts every stored page again and rebuilds stories, claims,\n"
	"agreements and conflicts. Editors' decisions stay. Holds the store's lock.\n"
	"\n"
	"  --jobs N   clean and extract with N threads (default: one per core);\n"
	"             the store is the same whatever N\n"
	"  --wait     wait for a crawl or ingest to finish instead of failing\n";

int cmd_reprocess(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_reprocess_result res;
	struct assay_store *s;
	bool wait = false;
	unsigned jobs = 0;
	time_t t0 = time(NULL);
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(reprocess_usage, stdout);
			return CLI_OK;
		} else if (!strcmp(argv[i], "--wait")) {
			wait = true;
		} else if (!strcmp(argv[i], "--jobs") && i + 1 < argc) {
			if (!cli_parse_jobs("reprocess", argv[++i], &jobs))
				return CLI_FATAL;
		} else {
			fputs(reprocess_usage, stderr);
			return CLI_FATAL;
		}
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (assay_store_lock(s, wait)) {
		assay_err("reprocess: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_parse_init();
	rc = assay_extract_init();
	if (!rc)
		rc = assay_pipeline_reprocess_jobs(s, jobs, &res);
	if (rc)
		assay_err("reprocess: %s", assay_store_errmsg(s));
	else if (!g->quiet)
		fprintf(stderr, "assay: reprocess: %zu articles, %zu failed, %zu claims, "
			"%zu agreements in %lld s\n", res.articles, res.failed, res.claims,
			res.agreements, (long long)(time(NULL) - t0));
	assay_store_unlock(s);
	assay_store_close(s);
	return rc ? CLI_FATAL : res.failed ? CLI_PARTIAL : CLI_OK;
}
