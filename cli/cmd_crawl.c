/* cmd_crawl.c - `assay crawl`: fetch feeds, sitemaps and pages into the
 * store, from cron or by hand.
 *
 * For cron, what matters is the contract of cli.md: exit 0 when all was
 * fetched, 1 when some sources or pages failed (what could be stored was),
 * 2 when nothing could be done (bad arguments, store unusable, another
 * crawl holds the lock); the last line on stderr is a one-line summary,
 * and a progress line appears only when stderr is a terminal. */
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "array.h"
#include "assay.h"
#include "cli.h"
#include "fetch.h"
#include "log.h"
#include "options.h"
#include "pipeline.h"
#include "store.h"
#include "summary.h"
#include "table.h"

struct crawl_args {
	struct assay_crawl_opts o;
	const char *sources_file;
	unsigned jobs; /* 0: one per core */
	bool json, wait;
};

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static bool number(const char *s, double lo, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || v < lo || v != v)
		return false;
	*out = v;
	return true;
}

/* One option of the spec (usage.c), its default first. */
static int take(void *ctx, int c, const char *v)
{
	struct crawl_args *a = ctx;
	double d = 0;

	switch (c) {
	case 's': a->sources_file = v; return 0;
	case 'r': a->o.refetch = true; return 0;
	case 'p': a->o.allow_private = true; return 0;
	case 'w': a->o.warc_path = v; return 0;
	case 'W': a->wait = true; return 0;
	case 'u': a->o.user_agent = v; return 0;
	case 'j': a->json = true; return 0;
	case 'J': return cli_parse_jobs("crawl", v, &a->jobs) ? 0 : -1;
	case 'S': case 'd': case 'n': case 't': case 'T': case 'B': case 'R': break;
	default: return 1;
	}
	if (!number(v, 0, &d)) {
		assay_err("crawl: '%s': not a number (see 'assay crawl --help')", v);
		return -1;
	}
	switch (c) {
	case 'S': a->o.since_days = (int)d; break;
	case 'd': a->o.delay = d; break;
	case 'n': a->o.max_pages = (unsigned)d; break;
	case 't': a->o.max_seconds = d; break;
	case 'T': a->o.timeout = d > 0 ? d : a->o.timeout; break;
	case 'B': a->o.max_body = (size_t)d; break;
	case 'R': a->o.max_retries = (int)d; break;
	}
	return 0;
}

static int add_strings(char ***v, size_t *n, size_t *cap, char **more, size_t nmore)
{
	if (assay_array_reserve(v, cap, *n + nmore + 1, sizeof **v))
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < nmore; i++)
		(*v)[(*n)++] = more[i];
	return ASSAY_OK;
}

/* The sources: arguments, then the --sources file, else the default file. */
static int collect_sources(const struct crawl_args *a, int argc, char **argv, char ***v,
			   size_t *n)
{
	const char *file = a->sources_file;
	char **lines = NULL, *dflt = getenv("ASSAY_SOURCES");
	size_t nlines = 0, cap = *n;
	struct stat st;
	int rc;

	for (int i = optind; i < argc; i++) {
		char *s = strdup(argv[i]);
		if (!s || add_strings(v, n, &cap, &s, 1)) {
			free(s);
			return ASSAY_ENOMEM;
		}
	}
	if (!file && *n == 0)
		file = dflt && *dflt ? dflt : stat("sources.txt", &st) == 0 ? "sources.txt" : NULL;
	if (!file)
		return *n ? ASSAY_OK : ASSAY_EINVAL;
	rc = assay_sources_read(file, &lines, &nlines);
	if (rc) {
		assay_err("crawl: cannot read sources file '%s': %s", file, assay_strerror(rc));
		return rc;
	}
	rc = add_strings(v, n, &cap, lines, nlines);
	if (rc)
		assay_sources_free(lines, nlines);
	else
		free(lines);
	return rc;
}

static void progress(void *ctx, const struct assay_fetch_counts *s, unsigned queued)
{
	double rate = s->seconds > 0 ? s->pages_fetched / s->seconds : 0;

	(void)ctx;
	fprintf(stderr, "\r\033[Kassay: crawl: %u pages, %.1f pages/s, %u queued", s->pages_fetched,
		rate, queued);
	if (rate > 0 && queued)
		fprintf(stderr, ", about %.0f s left", queued / rate);
	fflush(stderr);
}

static void remember_run(struct assay_store *s, const struct assay_fetch_counts *in,
			 const struct assay_pipeline_counts *out)
{
	char line[256];

	cli_summary_short(in, out, line, sizeof line);
	assay_store_set_last_crawl(s, (int64_t)time(NULL), line);
}

static int lock_store(struct assay_store *s, const char *db, bool wait)
{
	int rc = assay_store_lock(s, wait);

	if (rc == ASSAY_EBUSY)
		assay_err("crawl: store '%s' is locked by another crawl or ingest (try again later, "
			  "or use --wait)", db);
	else if (rc)
		assay_err("crawl: %s", assay_store_errmsg(s));
	return rc;
}

/* The workers that clean and extract while the crawler fetches and
 * stores (none with one job). */
static int start_jobs(struct assay_pipeline *p, unsigned jobs)
{
	if (assay_extract_init() != ASSAY_OK) {
		assay_err("crawl: cannot load the extraction rules");
		return ASSAY_EINVAL;
	}
	if (assay_pool_new(p, jobs, &p->pool) != ASSAY_OK) {
		assay_err("crawl: cannot start the jobs: %s", assay_strerror(ASSAY_ENOMEM));
		return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

static int run(struct crawl_args *a, char **srcs, size_t n, const struct cli_globals *g)
{
	struct assay_fetch_counts fetched = {0};
	struct assay_pipeline_counts stored = {0};
	struct assay_crawl_hooks hooks;
	struct assay_pipeline p;
	struct assay_store *s = cli_store_create(g->db);
	int rc;

	if (!s)
		return CLI_FATAL;
	if (lock_store(s, g->db, a->wait)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_pipeline_init(&p, s, &stored);
	p.refetch = a->o.refetch;
	if (start_jobs(&p, a->jobs) != ASSAY_OK) {
		assay_store_unlock(s);
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_pipeline_hooks(&p, &hooks);
	if (!g->quiet && isatty(STDERR_FILENO))
		hooks.progress = progress;
	a->o.stop = &stop_flag;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = assay_crawl((const char *const *)srcs, n, &a->o, &hooks, &fetched);
	assay_pool_free(p.pool); /* the crawl has settled every page it queued */
	if (hooks.progress)
		fputs("\r\033[K", stderr);
	if (rc != ASSAY_OK && rc != ASSAY_EFETCH)
		assay_err("crawl: %s", assay_strerror(rc));
	if (rc == ASSAY_OK || rc == ASSAY_EFETCH)
		remember_run(s, &fetched, &stored);
	/* The crawler knows what was fetched; the pipeline, what was new. */
	cli_summary_print("crawl", &fetched, &stored, !g->quiet, a->json ? stdout : NULL);
	assay_store_unlock(s);
	assay_store_close(s);
	if (rc == ASSAY_OK && stop_flag)
		return CLI_PARTIAL; /* interrupted: the rest waits for the next run */
	return rc == ASSAY_OK ? CLI_OK : rc == ASSAY_EFETCH ? CLI_PARTIAL : CLI_FATAL;
}

int cmd_crawl(int argc, char **argv, const struct cli_globals *g)
{
	struct crawl_args a = {0};
	char **srcs = NULL;
	size_t n = 0;
	int rc;

	assay_crawl_opts_init(&a.o);
	if (!cli_parse("crawl", argc, argv, take, &a, &rc))
		return rc;
	rc = collect_sources(&a, argc, argv, &srcs, &n);
	if (rc == ASSAY_EINVAL && n == 0) {
		assay_err("crawl: no sources (name them, use --sources FILE, or create sources.txt)");
		free(srcs);
		return CLI_FATAL;
	}
	if (rc) {
		assay_sources_free(srcs, n);
		return CLI_FATAL;
	}
	rc = run(&a, srcs, n, g);
	assay_sources_free(srcs, n);
	return rc;
}
