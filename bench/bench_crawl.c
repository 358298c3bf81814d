/* bench_crawl.c - crawl 2,000 pages from a loopback server with the delay
 * at 0, and report pages/s and CPU per page, parse and extraction
 * included.
 *
 * The server runs in a child process so the CPU measured (getrusage of
 * this process) is the crawler's and the pipeline's alone. Baseline, in
 * the same run: cleaning and extracting the same pages from memory, with
 * no network; the ratio says what crawling adds. A second baseline: the
 * fetch-only crawl with the discovery bounds switched off (max_queue,
 * max_per_host... at 0), against the defaults, best of five each,
 * interleaved: what bounding the queue costs.
 *
 * First, one hostile source with the default bounds (issue 21): a sitemap
 * index whose 2,000 children are new indexes of 2,000 each, crawled with
 * delay 0 for 30 s; it reports the peak memory of the process and the
 * largest frontier the crawl saved (what it would write to the store).
 *
 * `bench_crawl jobs` measures `crawl --jobs` instead: the same pages
 * crawled into a fresh store through the pipeline, with a pool of 1 and
 * of 2 jobs, alternating rounds, best of each: pages/s, CPU per page, and
 * the crawling thread's share of it (fetching and storing, which no
 * number of workers shortens), with serial CPU / max(that thread, all
 * CPU / N) as the speed-up predicted on N free cores. The server's CPU is
 * not counted but shares the machine's cores.
 *
 *     bench_crawl [PAGES] [HOSTS]      (2000 pages over 8 loopback hosts)
 *     bench_crawl jobs [ROUNDS] [PAGES] [HOSTS]     (3 rounds) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "clock.h"
#include "fetch.h"
#include "fetch_server.h"
#include "file.h"
#include "pipeline.h"

struct work {
	unsigned pages, claims, errors;
};

/* The pipeline's own work on one page, without the store. */
static void process(struct work *w, const struct assay_page *page)
{
	struct assay_processed pr;

	if (assay_pipeline_process(page, &pr) != ASSAY_OK) {
		w->errors++;
		return;
	}
	w->claims += (unsigned)pr.x.nclaims;
	assay_processed_release(&pr);
	w->pages++;
}

static int on_page(void *ctx, const struct assay_page *p)
{
	process(ctx, p);
	return ASSAY_OK;
}

static int on_page_fetch_only(void *ctx, const struct assay_page *p)
{
	struct work *w = ctx;

	(void)p;
	w->pages++;
	return ASSAY_OK;
}

/* Each page its own article for the store: the template's own URL (in
 * its canonical link, og:url, JSON-LD) gets a per-page number, written
 * over the URL's last characters so the length stays the same. */
static void unique_urls(char *body, unsigned i)
{
	static const char slug[] = "rare-earth-cooperation/";
	char num[16];
	int n = snprintf(num, sizeof num, "%08u/", i);

	for (char *p = body; (p = strstr(p, slug)); p += sizeof slug - 1)
		memcpy(p + sizeof slug - 1 - (size_t)n, num, (size_t)n);
}

/* Pages: the corpus article with a per-page paragraph, so every page is
 * distinct; a sitemap per host lists its share. */
static struct route *make_routes(const char *tmpl, unsigned npages, unsigned nhosts,
				 char ***bodies_out)
{
	struct route *r = calloc(npages + nhosts + 1, sizeof *r);
	char **bodies = calloc(npages + 2 * nhosts, sizeof *bodies);
	const char *cut = strstr(tmpl, "</p>");
	size_t head = cut ? (size_t)(cut - tmpl) + 4 : 0;

	for (unsigned i = 0; i < npages; i++) {
		size_t n = strlen(tmpl) + 256;
		char *b = malloc(n), *path = malloc(32);

		snprintf(b, n, "%.*s<p>Mine %u shipped %u tonnes of ore in 2024.</p>%s", (int)head,
			 tmpl, i, 1000 + i, tmpl + head);
		unique_urls(b, i);
		snprintf(path, 32, "/h%u/p%u", i % nhosts, i);
		bodies[i] = b;
		r[i] = (struct route){path, 200, "text/html; charset=utf-8", b, NULL, R_PLAIN};
	}
	for (unsigned h = 0; h < nhosts; h++) {
		size_t cap = npages / nhosts * 96 + 256, o;
		char *sm = malloc(cap), *path = malloc(32);

		o = (size_t)snprintf(sm, cap, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
		for (unsigned i = h; i < npages; i += nhosts)
			o += (size_t)snprintf(sm + o, cap - o, "<url><loc>/h%u/p%u</loc></url>", h, i);
		snprintf(sm + o, cap - o, "</urlset>");
		snprintf(path, 32, "/h%u/sitemap.xml", h);
		r[npages + h] = (struct route){path, 200, "application/xml", sm, NULL, R_PLAIN};
	}
	*bodies_out = bodies;
	return r;
}

struct state_sizes {
	size_t frontier_max, put_bytes;
	unsigned pages;
};

static int size_put(void *ctx, const char *table, const char *key, const void *v, size_t n)
{
	struct state_sizes *s = ctx;

	(void)key;
	(void)v;
	s->put_bytes += n;
	if (strcmp(table, "crawl_frontier") == 0 && n > s->frontier_max)
		s->frontier_max = n;
	return ASSAY_OK;
}

static int size_page(void *ctx, const struct assay_page *p)
{
	(void)p;
	((struct state_sizes *)ctx)->pages++;
	return ASSAY_OK;
}

static long peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static pid_t serve(const struct route *routes, int *port_out);

/* The hostile source of issue 21, against the default bounds. */
static void hostile(void)
{
	static const struct route tree[] = {
		{"/robots.txt", 404, "text/plain", "", NULL, R_PLAIN},
		{"/tree/", 200, "application/xml", "2000", NULL, R_INDEX_TREE},
		{NULL, 0, NULL, NULL, NULL, R_PLAIN},
	};
	struct assay_crawl_opts o;
	struct assay_crawl_hooks h = {0};
	struct assay_fetch_counts sum;
	struct state_sizes st = {0};
	char src[64];
	int port;
	long rss0 = peak_rss_kb();
	pid_t pid = serve(tree, &port);
	double t0 = bench_wall();

	if (pid < 0 || !port)
		return;
	snprintf(src, sizeof src, "http://127.0.0.1:%d/tree/", port);
	assay_crawl_opts_init(&o);
	o.delay = 0;
	o.allow_private = true;
	o.max_seconds = 30;
	h.ctx = &st;
	h.state_put = size_put;
	h.on_page = size_page;
	const char *srcs[1] = {src};
	assay_crawl(srcs, 1, &o, &h, &sum);
	printf("hostile source, default bounds: %.1f s, %u URLs dropped, %u left queued;\n"
	       "  peak memory %.1f MB (%.1f MB before), largest frontier saved %.2f MB, "
	       "%.1f MB of state written in all\n",
	       bench_wall() - t0, sum.dropped, sum.deferred, peak_rss_kb() / 1024.0, rss0 / 1024.0,
	       st.frontier_max / 1048576.0, st.put_bytes / 1048576.0);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

static pid_t serve(const struct route *routes, int *port_out)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		struct tsrv *s;

		prctl(PR_SET_PDEATHSIG, SIGTERM); /* the server goes with the bench */
		s = tsrv_start(routes);
		unsigned port = s ? tsrv_port(s) : 0;

		if (write(fds[1], &port, sizeof port) != (ssize_t)sizeof port)
			_exit(1);
		for (;;)
			pause();
	}
	unsigned port = 0;
	if (read(fds[0], &port, sizeof port) != (ssize_t)sizeof port)
		port = 0;
	*port_out = (int)port;
	close(fds[0]);
	close(fds[1]);
	return pid;
}

struct run {
	double cpu_ms, pps;
};

/* The sitemap of each of @nhosts hosts, 127.0.0.1, 127.0.0.2, ...:
 * distinct hosts, all loopback. */
static char **host_sources(unsigned nhosts, int port)
{
	char **srcs = calloc(nhosts, sizeof *srcs);

	if (!srcs)
		abort();
	for (unsigned i = 0; i < nhosts; i++) {
		srcs[i] = malloc(64);
		if (!srcs[i])
			abort();
		snprintf(srcs[i], 64, "http://127.0.0.%u:%d/h%u/sitemap.xml", i + 1, port, i);
	}
	return srcs;
}

static void free_sources(char **srcs, unsigned nhosts)
{
	for (unsigned i = 0; i < nhosts; i++)
		free(srcs[i]);
	free(srcs);
}

/* A crawl of the loopback server: no delay, every item however old. */
static void loopback_opts(struct assay_crawl_opts *o)
{
	assay_crawl_opts_init(o);
	o->delay = 0;
	o->allow_private = true;
	o->since_days = 0;
}

static struct run crawl_once(const char *label, unsigned nhosts, int port, bool pipeline,
			     unsigned npages, bool unbounded)
{
	struct assay_crawl_opts o;
	struct assay_crawl_hooks h = {0};
	struct assay_fetch_counts sum;
	struct work w = {0};
	char **srcs = host_sources(nhosts, port);
	double t0, c0, t, c;

	loopback_opts(&o);
	if (unbounded)
		o.max_depth = 99, o.max_links = o.max_feeds = o.max_per_source = o.max_per_host =
						    o.max_queue = 0;
	h.ctx = &w;
	h.on_page = pipeline ? on_page : on_page_fetch_only;
	t0 = bench_wall();
	c0 = bench_cpu();
	assay_crawl((const char *const *)srcs, nhosts, &o, &h, &sum);
	t = bench_wall() - t0;
	c = bench_cpu() - c0;
	printf("%-28s %5u pages %5u errors  %7.1f pages/s  %7.3f ms CPU/page  (%.2f s)\n", label,
	       sum.pages_fetched, sum.errors, sum.pages_fetched / t, c * 1000 / npages, t);
	free_sources(srcs, nhosts);
	return (struct run){c * 1000 / npages, sum.pages_fetched / t};
}

struct jobs_run {
	double seconds, cpu, crawler; /* crawler: the calling thread's CPU */
	struct assay_fetch_counts sum;
	struct assay_pipeline_counts psum;
};

/* One crawl of every host's sitemap into a fresh store, pages cleaned by
 * a pool of @jobs and stored by the crawling thread. */
static int crawl_store(unsigned jobs, unsigned nhosts, int port, struct jobs_run *r)
{
	char tmpl[] = "/tmp/assay-bench-crawl-XXXXXX", cmd[128];
	struct assay_crawl_opts o;
	struct assay_crawl_hooks h;
	struct assay_pipeline p;
	struct assay_store *s;
	char **srcs;
	double t0, c0, w0;
	int rc;

	memset(r, 0, sizeof *r);
	if (!mkdtemp(tmpl) || assay_store_open(tmpl, ASSAY_STORE_CREATE, &s) != ASSAY_OK)
		return ASSAY_EIO;
	srcs = host_sources(nhosts, port);
	loopback_opts(&o);
	assay_pipeline_init(&p, s, &r->psum);
	rc = assay_pool_new(&p, jobs, &p.pool);
	if (rc == ASSAY_OK) {
		assay_pipeline_hooks(&p, &h);
		t0 = bench_wall();
		c0 = bench_cpu();
		w0 = bench_thread_cpu();
		rc = assay_crawl((const char *const *)srcs, nhosts, &o, &h, &r->sum);
		assay_pool_free(p.pool);
		r->seconds = bench_wall() - t0;
		r->cpu = bench_cpu() - c0;
		r->crawler = bench_thread_cpu() - w0;
	}
	assay_store_close(s);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_crawl: cannot remove %s\n", tmpl);
	free_sources(srcs, nhosts);
	return rc == ASSAY_EFETCH ? ASSAY_OK : rc;
}

static void jobs_report(unsigned jobs, const struct jobs_run *r)
{
	unsigned n = r->sum.pages_fetched;

	printf("crawl --jobs %u: %5u pages %5u stored %5u errors  %7.1f pages/s  %6.3f ms CPU/page, "
	       "crawling thread %6.3f ms (%.1f%%)  (%.2f s)\n",
	       jobs, n, r->psum.new_articles, r->sum.errors + r->psum.errors, n / r->seconds,
	       1e3 * r->cpu / n, 1e3 * r->crawler / n, 100 * r->crawler / r->cpu, r->seconds);
}

/* crawl --jobs 1 against --jobs 2, alternating rounds. */
static int bench_jobs(int rounds, unsigned nhosts, int port)
{
	struct jobs_run best[2], r;
	double serial, writer, all;

	for (int k = 0; k < rounds; k++)
		for (unsigned j = 0; j < 2; j++) {
			if (crawl_store(j + 1, nhosts, port, &r) != ASSAY_OK) {
				fprintf(stderr, "bench_crawl: crawl with %u jobs failed\n", j + 1);
				return 1;
			}
			jobs_report(j + 1, &r);
			if (k == 0 || r.seconds < best[j].seconds)
				best[j] = r;
		}
	printf("best of %d rounds:\n", rounds);
	jobs_report(1, &best[0]);
	jobs_report(2, &best[1]);
	serial = best[0].cpu;
	writer = best[1].crawler;
	all = best[1].cpu;
	printf("speed-up 2 jobs / 1 job = %.2fx (pages/s); CPU 2 jobs / 1 job = %.2f\n",
	       best[0].seconds / best[1].seconds, all / serial);
	printf("predicted speed-up on N free cores, serial / max(crawling thread, CPU/N):");
	for (unsigned c = 1; c <= 16; c *= 2) {
		double t = all / c;
		printf("  %u: %.2fx", c, serial / (writer > t ? writer : t));
	}
	printf("\n");
	if (best[0].psum.new_articles != best[1].psum.new_articles ||
	    best[0].psum.new_claims != best[1].psum.new_claims) {
		fprintf(stderr, "bench_crawl: 1 and 2 jobs stored different things\n");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	bool jobs = argc > 1 && strcmp(argv[1], "jobs") == 0;
	int rounds = jobs && argc > 2 ? atoi(argv[2]) : 3;
	unsigned npages = argc > 1 + 2 * jobs ? (unsigned)atoi(argv[1 + 2 * jobs]) : 2000;
	unsigned nhosts = argc > 2 + 2 * jobs ? (unsigned)atoi(argv[2 + 2 * jobs]) : 8;
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	struct assay_buf tmpl = {0};
	char path[4096], **bodies;
	struct route *routes;
	struct work w = {0};
	int port;
	pid_t pid;
	double t0, c0, base_cpu;

	snprintf(path, sizeof path, "%s/corpus/000_1b7ad7fa106c10fe.html", root ? root : ".");
	if (assay_read_file(path, 1u << 24, &tmpl)) {
		fprintf(stderr, "bench_crawl: cannot read %s (set ASSAY_SOURCE_ROOT)\n", path);
		return 2;
	}
	assay_parse_init();
	assay_extract_init();
	if (!jobs && !getenv("BENCH_SKIP_HOSTILE"))
		hostile(); /* first: its peak memory is not the pages' below */
	routes = make_routes(tmpl.data, npages, nhosts, &bodies);
	pid = serve(routes, &port);
	if (pid < 0 || !port) {
		fprintf(stderr, "bench_crawl: cannot start the server\n");
		return 2;
	}
	if (getenv("BENCH_SERVE_ONLY")) { /* for trying the cli by hand */
		printf("serving on port %d; sitemaps at /hN/sitemap.xml\n", port);
		fflush(stdout);
		pause();
	}
	printf("bench_crawl: %u pages of %zu bytes over %u loopback hosts, delay 0\n", npages,
	       strlen(bodies[0]), nhosts);
	if (jobs) {
		int st = rounds > 0 ? bench_jobs(rounds, nhosts, port) : 2;
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
		return st;
	}
	/* Baseline: the same work with no network. */
	t0 = bench_wall();
	c0 = bench_cpu();
	for (unsigned i = 0; i < npages; i++) {
		struct assay_page page = {.url = routes[i].path, .body = bodies[i],
					  .len = strlen(bodies[i])};

		process(&w, &page);
	}
	base_cpu = (bench_cpu() - c0) * 1000 / npages;
	printf("%-28s %5u pages %5u errors  %7.1f pages/s  %7.3f ms CPU/page  (%.2f s)\n",
	       "baseline: clean+extract", w.pages, w.errors, npages / (bench_wall() - t0), base_cpu,
	       bench_wall() - t0);
	struct run best_off = {0}, best_on = {0};
	for (int k = 0; k < 5; k++) {
		struct run off = crawl_once("crawl, fetch only, unbounded", nhosts, port, false, npages, true);
		struct run on = crawl_once("crawl, fetch only", nhosts, port, false, npages, false);
		if (off.pps > best_off.pps)
			best_off = off;
		if (on.pps > best_on.pps)
			best_on = on;
	}
	double fetch_cpu = best_on.cpu_ms;
	double full_cpu = crawl_once("crawl + clean + extract", nhosts, port, true, npages, false).cpu_ms;
	printf("ratios: crawl+clean+extract / baseline = %.2f CPU; fetching alone = %.1f%% of "
	       "the baseline's CPU per page\n", full_cpu / base_cpu, 100 * fetch_cpu / base_cpu);
	printf("bounded queue / unbounded (fetch only, best of 5) = %.2f pages/s, %.2f CPU\n",
	       best_on.pps / best_off.pps, best_on.cpu_ms / best_off.cpu_ms);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return 0;
}
