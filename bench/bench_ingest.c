/* bench_ingest.c - ingest the text pools with 1 and with 2 jobs, in the
 * same run, then reprocess each store with as many jobs, and report
 * pages/s and the speed-ups.
 *
 * The pages (every .txt file of the folders, as `assay ingest` reads them:
 * plain text, headline first) are read into memory once, so what is timed
 * is cleaning, extracting and storing, into a fresh store each time. The
 * 1-job run is the baseline: each page processed (cleaned, extracted and
 * packed, as a worker does) then stored in turn, with the CPU of the two
 * steps measured apart (the thread's CPU clock, which other jobs on a
 * shared machine disturb less than the wall clock). That gives the
 * writer's share of a page, the part no number of workers shortens; from
 * it, a model of the speed-up on N cores: 1 / max(s, 1/N). The 2-job runs
 * measure the writer thread's CPU itself (what it does beyond storing:
 * handing pages out, waiting) and all threads' CPU; from them, for ingest
 * and reprocess, serial CPU / max(writer, all CPU / N) on N free cores.
 * Runs alternate 1, 2, 1, 2... and the best of each is kept. On a loaded
 * machine the wall-clock ratios mean little (a process with more threads
 * gets more of the machine); the CPU figures hold.
 *
 *     bench_ingest [ROUNDS] [FOLDER...]   (3 rounds of ../shared/dev/text/...) */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "assay.h"
#include "clock.h"
#include "file.h"
#include "pipeline.h"

#define MAX_PAGE (50u << 20)

struct pages {
	struct assay_page *v;
	struct assay_buf *bodies;
	char **urls;
	size_t n, cap;
};

struct result {
	double seconds, cpu, process, store; /* cpu: all threads */
	double writer;                        /* CPU of the caller's thread */
	double reprocess;                     /* seconds */
	double rp_cpu, rp_writer;             /* reprocess: all threads, caller */
	struct assay_pipeline_counts sum;
};

static int add_page(struct pages *ps, const char *path)
{
	size_t i = ps->n;

	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 256;
		void *v = realloc(ps->v, cap * sizeof *ps->v);
		void *b = v ? realloc(ps->bodies, cap * sizeof *ps->bodies) : NULL;
		void *u = b ? realloc(ps->urls, cap * sizeof *ps->urls) : NULL;

		if (v)
			ps->v = v;
		if (b)
			ps->bodies = b;
		if (!u)
			return ASSAY_ENOMEM;
		ps->urls = u;
		ps->cap = cap;
	}
	memset(&ps->bodies[i], 0, sizeof ps->bodies[i]);
	if (assay_read_file(path, MAX_PAGE, &ps->bodies[i]) != ASSAY_OK)
		return ASSAY_EIO;
	ps->urls[i] = malloc(strlen(path) + 8);
	if (!ps->urls[i])
		return ASSAY_ENOMEM;
	sprintf(ps->urls[i], "file://%s", path);
	memset(&ps->v[i], 0, sizeof ps->v[i]);
	ps->v[i].url = ps->v[i].final_url = ps->urls[i];
	ps->v[i].content_type = "text/plain";
	ps->v[i].body = ps->bodies[i].data ? ps->bodies[i].data : "";
	ps->v[i].len = ps->bodies[i].len;
	ps->v[i].fetched_at = 1700000000;
	ps->n++;
	return ASSAY_OK;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_txt(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0;
}

static int load_folder(struct pages *ps, const char *dir)
{
	struct dirent **es;
	int n = scandir(dir, &es, is_txt, by_name), rc = ASSAY_OK;
	char path[4096];

	if (n < 0) {
		fprintf(stderr, "bench_ingest: cannot read folder %s\n", dir);
		return ASSAY_EIO;
	}
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, es[i]->d_name);
		if (rc == ASSAY_OK)
			rc = add_page(ps, path);
		free(es[i]);
	}
	free(es);
	return rc;
}

static struct assay_store *fresh_store(char *tmpl)
{
	struct assay_store *s;

	if (!mkdtemp(tmpl) || assay_store_open(tmpl, ASSAY_STORE_CREATE, &s) != ASSAY_OK)
		return NULL;
	return s;
}

static void remove_store(const char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_ingest: cannot remove %s\n", dir);
}

/* One page after the other, the workers' part (clean, extract, pack)
 * and the writer's (store) timed apart. */
static void run_serial(struct assay_pipeline *p, const struct pages *ps, struct result *r)
{
	struct assay_packer *pk = NULL;

	if (assay_packer_new(&pk) != ASSAY_OK)
		return;
	for (size_t i = 0; i < ps->n; i++) {
		struct assay_processed pr;
		double t0 = bench_thread_cpu(), t1;
		int rc = assay_pipeline_process(&ps->v[i], &pr);

		if (rc == ASSAY_OK)
			assay_pipeline_pack(pk, &pr, ASSAY_PACK_RAW | ASSAY_PACK_URL);
		t1 = bench_thread_cpu();
		r->process += t1 - t0;
		if (rc != ASSAY_OK) {
			p->counts->errors++;
			continue;
		}
		assay_pipeline_store(p, &ps->v[i], &pr);
		assay_processed_release(&pr);
		r->store += bench_thread_cpu() - t1;
	}
	assay_packer_free(pk);
}

static int run_pool(struct assay_pipeline *p, const struct pages *ps, unsigned jobs)
{
	struct assay_pool *pool;

	if (assay_pool_new(p, jobs, &pool) != ASSAY_OK)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < ps->n; i++)
		assay_pool_page(pool, &ps->v[i]);
	assay_pool_free(pool);
	return ASSAY_OK;
}

static int run(const struct pages *ps, unsigned jobs, struct result *r)
{
	char tmpl[] = "/tmp/assay-bench-ingest-XXXXXX";
	struct assay_store *s = fresh_store(tmpl);
	struct assay_pipeline p;
	double t0, c0, w0;
	int rc = ASSAY_OK;

	if (!s)
		return ASSAY_EIO;
	memset(r, 0, sizeof *r);
	assay_pipeline_init(&p, s, &r->sum);
	t0 = bench_wall();
	c0 = bench_cpu();
	w0 = bench_thread_cpu();
	if (jobs == 1)
		run_serial(&p, ps, r);
	else
		rc = run_pool(&p, ps, jobs);
	r->seconds = bench_wall() - t0;
	r->cpu = bench_cpu() - c0;
	r->writer = bench_thread_cpu() - w0;
	if (rc == ASSAY_OK) {
		struct assay_reprocess_result res;

		t0 = bench_wall();
		c0 = bench_cpu();
		w0 = bench_thread_cpu();
		rc = assay_pipeline_reprocess_jobs(s, jobs, &res);
		r->reprocess = bench_wall() - t0;
		r->rp_cpu = bench_cpu() - c0;
		r->rp_writer = bench_thread_cpu() - w0;
	}
	assay_store_close(s);
	remove_store(tmpl);
	return rc;
}

/* The fastest ingest and, apart, the fastest reprocess, each with its
 * own CPU figures. */
static void keep_best(struct result *best, const struct result *r, bool first)
{
	struct result rp = *best;

	if (first || r->seconds < best->seconds)
		*best = *r;
	if (!first && rp.reprocess <= r->reprocess) {
		best->reprocess = rp.reprocess;
		best->rp_cpu = rp.rp_cpu;
		best->rp_writer = rp.rp_writer;
	}
}

/* Time per page on @n free cores is at least the writer's CPU and at
 * least all CPU shared among them: speed-up against @serial CPU. */
static double model(double serial, double writer, double all, unsigned n)
{
	double t = all / n;

	return serial / (writer > t ? writer : t);
}

static void report_model(const char *what, double serial, double writer, double all,
			 size_t n)
{
	printf("%s, CPU per page: 1 job %.3f ms; 2 jobs %.3f ms, of it the writer thread "
	       "%.3f ms (%.1f%%)\n", what, 1e3 * serial / (double)n, 1e3 * all / (double)n,
	       1e3 * writer / (double)n, 100 * writer / all);
	printf("%s, predicted speed-up on N free cores, serial / max(writer, CPU/N):", what);
	for (unsigned c = 1; c <= 16; c *= 2)
		printf("  %u: %.2fx", c, model(serial, writer, all, c));
	printf("\n");
}

static void report(const char *label, const struct pages *ps, const struct result *r)
{
	printf("%-8s %5zu pages  %5u stored  %5u claims  %3u errors  %7.1f pages/s  "
	       "%6.3f ms CPU/page  (%.2f s)\n",
	       label, ps->n, r->sum.new_articles, r->sum.new_claims, r->sum.errors,
	       (double)ps->n / r->seconds, 1e3 * r->cpu / (double)ps->n, r->seconds);
}

int main(int argc, char **argv)
{
	static const char *const pools[] = {"../shared/dev/text/bbc-2005",
					    "../shared/dev/text/press-2025",
					    "../shared/dev/text/reuters-1987",
					    "../shared/dev/text/wire-2025"};
	int rounds = argc > 1 ? atoi(argv[1]) : 3;
	struct pages ps = {0};
	struct result best[2], r;
	double share;

	for (int i = 2; i < argc; i++)
		if (load_folder(&ps, argv[i]) != ASSAY_OK)
			return 1;
	for (size_t i = 0; argc <= 2 && i < sizeof pools / sizeof pools[0]; i++)
		if (load_folder(&ps, pools[i]) != ASSAY_OK)
			return 1;
	if (rounds < 1 || !ps.n) {
		fprintf(stderr, "usage: bench_ingest [ROUNDS] [FOLDER...] (folders of .txt pages)\n");
		return 1;
	}
	assay_parse_init();
	if (assay_extract_init() != ASSAY_OK)
		return 1;
	printf("bench_ingest: %zu pages, best of %d rounds, %u cores online\n", ps.n, rounds,
	       assay_pool_default_jobs());
	for (int k = 0; k < rounds; k++) {
		for (unsigned j = 0; j < 2; j++) {
			if (run(&ps, j + 1, &r) != ASSAY_OK) {
				fprintf(stderr, "bench_ingest: run with %u jobs failed\n", j + 1);
				return 1;
			}
			keep_best(&best[j], &r, k == 0);
		}
	}
	report("1 job", &ps, &best[0]);
	report("2 jobs", &ps, &best[1]);
	share = best[0].store / (best[0].process + best[0].store);
	printf("1 job, CPU per page: %.3f ms clean+extract, %.3f ms store: writer's share %.1f%%\n",
	       1e3 * best[0].process / (double)ps.n, 1e3 * best[0].store / (double)ps.n,
	       100 * share);
	printf("reprocess: %.1f pages/s with 1 job, %.1f with 2: speed-up %.2fx\n",
	       (double)ps.n / best[0].reprocess, (double)ps.n / best[1].reprocess,
	       best[0].reprocess / best[1].reprocess);
	printf("ingest speed-up 2 jobs / 1 job = %.2fx; model 1/max(share, 1/N): %.2fx at 2 cores, "
	       "%.2fx at 16\n",
	       best[0].seconds / best[1].seconds, 1 / (share > 0.5 ? share : 0.5),
	       1 / (share > 1.0 / 16 ? share : 1.0 / 16));
	report_model("ingest", best[0].cpu, best[1].writer, best[1].cpu, ps.n);
	report_model("reprocess", best[0].rp_cpu, best[1].rp_writer, best[1].rp_cpu, ps.n);
	if (best[0].sum.new_articles != best[1].sum.new_articles ||
	    best[0].sum.new_claims != best[1].sum.new_claims) {
		fprintf(stderr, "bench_ingest: 1 and 2 jobs stored different things\n");
		return 1;
	}
	for (size_t i = 0; i < ps.n; i++) {
		assay_buf_release(&ps.bodies[i]);
		free(ps.urls[i]);
	}
	free(ps.v);
	free(ps.bodies);
	free(ps.urls);
	assay_extract_shutdown();
	return 0;
}
