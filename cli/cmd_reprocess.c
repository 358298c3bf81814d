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
#include "options.h"
#include "pipeline.h"
#include "table.h"

struct reprocess_args {
	bool wait;
	unsigned jobs;
};

static int take(void *ctx, int c, const char *v)
{
	struct reprocess_args *a = ctx;

	switch (c) {
	case 'w': a->wait = true; return 0;
	case 'J': return cli_parse_jobs("reprocess", v, &a->jobs) ? 0 : -1;
	default: return 1;
	}
}

int cmd_reprocess(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_reprocess_result res;
	struct assay_store *s;
	struct reprocess_args a = {0};
	time_t t0 = time(NULL);
	int rc;

	if (!cli_parse("reprocess", argc, argv, take, &a, &rc))
		return rc;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (assay_store_lock(s, a.wait)) {
		assay_err("reprocess: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_parse_init();
	rc = assay_extract_init();
	if (!rc)
		rc = assay_pipeline_reprocess_jobs(s, a.jobs, &res);
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
