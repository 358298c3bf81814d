/* bench_ingest.c - ingest pages with 1 and with 2 jobs, in the same run,
 * then reprocess each store with as many jobs, and report pages/s, CPU
 * per page, the writer's share and the speed-ups.
 *
 * The pages are read into memory once - every .txt file of the folders
 * given, as `assay ingest` reads them (plain text, headline first), and
 * every page of the WARC files given (.warc, .warc.gz, as `assay ingest`
 * reads them) - so what is timed is cleaning, extracting and storing,
 * into a fresh store each time. The 1-job run is the baseline: each page
 * processed (cleaned, extracted and packed, as a worker does) then stored
 * in turn, with the CPU of the two steps measured apart (the thread's CPU
 * clock). The 2-job runs measure the writer thread's CPU itself (storing,
 * handing pages out, waiting) and all threads' CPU; from them, for ingest
 * and reprocess, serial CPU / max(writer, all CPU / N) on N free cores.
 *
 * Runs alternate 1, 2, 1, 2... for at least ROUNDS rounds and until each
 * job count has run SECONDS of ingest in all (a run of a thousand pages
 * takes half a second, too short for a steady ratio); the figures are
 * the sums over the rounds, and the spread of the per-round ratios says
 * how steady they were. The load average at the start and the end goes
 * with them: on a shared machine the wall-clock ratio says how much of
 * the machine each run got, the CPU figures what the work cost.
 *
 *     bench_ingest [--seconds S] [ROUNDS] [FOLDER|WARC...]
 *     (3 rounds, 5 s, the four pools of ../shared/dev/text/) */
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
#include "warc.h"

#define MAX_PAGE (50u << 20)
#define MAX_ROUNDS 200

/* Each page and the strings it points to live in one block, mem[i]. */
struct pages {
	struct assay_page *v;
	char **mem;
	size_t n, cap;
};

struct result {
	double seconds, cpu, process, store; /* cpu: all threads */
	double writer;                        /* CPU of the caller's thread */
	double reprocess;                     /* seconds */
	double rp_cpu, rp_writer;             /* reprocess: all threads, caller */
	struct assay_pipeline_counts sum;
};

/* Keeps a copy of @g and all it points to. */
static int keep_page(struct pages *ps, const struct assay_page *g)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 256;
		void *pv = realloc(ps->v, cap * sizeof *ps->v);
		void *pm = pv ? realloc(ps->mem, cap * sizeof *ps->mem) : NULL;

		if (pv)
			ps->v = pv;
		if (!pm)
			return ASSAY_ENOMEM;
		ps->mem = pm;
		ps->cap = cap;
	}
	ps->mem[ps->n] = assay_page_copy(g, &ps->v[ps->n]);
	if (!ps->mem[ps->n])
		return ASSAY_ENOMEM;
	ps->n++;
	return ASSAY_OK;
}

static int add_page(struct pages *ps, const char *path)
{
	struct assay_buf body = {0};
	struct assay_page g;
	char url[4200];
	int rc;

	if (assay_read_file(path, MAX_PAGE, &body) != ASSAY_OK)
		return ASSAY_EIO;
	snprintf(url, sizeof url, "file://%s", path);
	memset(&g, 0, sizeof g);
	g.url = g.final_url = url;
	g.content_type = "text/plain";
	g.body = body.data ? body.data : "";
	g.len = body.len;
	g.fetched_at = 1700000000;
	rc = keep_page(ps, &g);
	assay_buf_release(&body);
	return rc;
}

static int warc_page(void *ctx, const struct assay_page *page)
{
	return keep_page(ctx, page);
}

static int load_warc(struct pages *ps, const char *path)
{
	struct assay_warc_counts n;
	int rc = assay_warc_pages(path, warc_page, ps, &n);

	if (rc != ASSAY_OK || n.failed)
		fprintf(stderr, "bench_ingest: cannot read the WARC %s\n", path);
	return n.failed ? ASSAY_ENOMEM : rc;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
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

/* Adds run @r into @t. */
static void add_run(struct result *t, const struct result *r)
{
	t->seconds += r->seconds;
	t->cpu += r->cpu;
	t->process += r->process;
	t->store += r->store;
	t->writer += r->writer;
	t->reprocess += r->reprocess;
	t->rp_cpu += r->rp_cpu;
	t->rp_writer += r->rp_writer;
}

/* Time per page on @n free cores is at least the writer's CPU and at
 * least all CPU shared among them: speed-up against @serial CPU. */
static double model(double serial, double writer, double all, unsigned n)
{
	double t = all / n;

	return serial / (writer > t ? writer : t);
}

static void report_model(const char *what, double serial, double writer, double all,
			 double n)
{
	printf("%s, CPU per page: 1 job %.3f ms; 2 jobs %.3f ms (%+.1f%%), of it the writer "
	       "thread %.3f ms (%.1f%%)\n", what, 1e3 * serial / n, 1e3 * all / n,
	       100 * (all / serial - 1), 1e3 * writer / n, 100 * writer / all);
	printf("%s, predicted speed-up on N free cores, serial / max(writer, CPU/N):", what);
	for (unsigned c = 1; c <= 16; c *= 2)
		printf("  %u: %.2fx", c, model(serial, writer, all, c));
	printf("\n");
}

static void report(const char *label, size_t pages, const struct result *r, double n)
{
	printf("%-8s %5zu pages  %5u stored  %5u claims  %3u errors  %7.1f pages/s  "
	       "%6.3f ms CPU/page  (%.2f s in all)\n",
	       label, pages, r->sum.new_articles, r->sum.new_claims, r->sum.errors,
	       n / r->seconds, 1e3 * r->cpu / n, r->seconds);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* "min M, median D, max X" of the @n ratios in @v (sorted here). */
static void report_spread(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	printf("%s, 2 jobs / 1 job per round (%d rounds): min %.2fx, median %.2fx, max %.2fx\n",
	       what, n, v[0], v[n / 2], v[n - 1]);
}

static double loadavg(void)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double l = -1;

	if (f) {
		if (fscanf(f, "%lf", &l) != 1)
			l = -1;
		fclose(f);
	}
	return l;
}

int main(int argc, char **argv)
{
	static const char *const pools[] = {"../shared/dev/text/bbc-2005",
					    "../shared/dev/text/press-2025",
					    "../shared/dev/text/reuters-1987",
					    "../shared/dev/text/wire-2025"};
	static double in_ratio[MAX_ROUNDS], rp_ratio[MAX_ROUNDS];
	double seconds = 5, share, n, load0;
	int rounds = 3, k, first = 1;
	struct pages ps = {0};
	struct result tot[2], r[2];

	if (argc > 2 && strcmp(argv[1], "--seconds") == 0) {
		seconds = atof(argv[2]);
		first = 3;
	}
	if (argc > first)
		rounds = atoi(argv[first++]);
	for (int i = first; i < argc; i++) {
		int rc = has_suffix(argv[i], ".warc") || has_suffix(argv[i], ".warc.gz")
				 ? load_warc(&ps, argv[i])
				 : load_folder(&ps, argv[i]);
		if (rc != ASSAY_OK)
			return 1;
	}
	for (size_t i = 0; argc <= first && i < sizeof pools / sizeof pools[0]; i++)
		if (load_folder(&ps, pools[i]) != ASSAY_OK)
			return 1;
	if (rounds < 1 || rounds > MAX_ROUNDS || seconds < 0 || !ps.n) {
		fprintf(stderr, "usage: bench_ingest [--seconds S] [ROUNDS] [FOLDER|WARC...] "
				"(folders of .txt pages, WARC files)\n");
		return 1;
	}
	assay_parse_init();
	if (assay_extract_init() != ASSAY_OK)
		return 1;
	load0 = loadavg();
	memset(tot, 0, sizeof tot);
	for (k = 0; k < MAX_ROUNDS && (k < rounds || tot[0].seconds < seconds ||
				       tot[1].seconds < seconds); k++) {
		for (unsigned j = 0; j < 2; j++) {
			if (run(&ps, j + 1, &r[j]) != ASSAY_OK) {
				fprintf(stderr, "bench_ingest: run with %u jobs failed\n", j + 1);
				return 1;
			}
			add_run(&tot[j], &r[j]);
			if (k == 0)
				tot[j].sum = r[j].sum;
			if (r[j].sum.new_articles != tot[0].sum.new_articles ||
			    r[j].sum.new_claims != tot[0].sum.new_claims) {
				fprintf(stderr, "bench_ingest: 1 and 2 jobs stored different things\n");
				return 1;
			}
		}
		in_ratio[k] = r[0].seconds / r[1].seconds;
		rp_ratio[k] = r[0].reprocess / r[1].reprocess;
	}
	n = (double)ps.n * k;
	printf("bench_ingest: %zu pages, %d rounds (%.1f s of ingest each way), %u cores online, "
	       "load average %.2f at the start, %.2f at the end\n",
	       ps.n, k, tot[0].seconds, assay_pool_default_jobs(), load0, loadavg());
	report("1 job", ps.n, &tot[0], n);
	report("2 jobs", ps.n, &tot[1], n);
	share = tot[0].store / (tot[0].process + tot[0].store);
	printf("1 job, CPU per page: %.3f ms clean+extract+pack, %.3f ms store: writer's share "
	       "%.1f%%\n", 1e3 * tot[0].process / n, 1e3 * tot[0].store / n, 100 * share);
	printf("ingest: %.1f pages/s with 1 job, %.1f with 2: speed-up %.2fx\n",
	       n / tot[0].seconds, n / tot[1].seconds, tot[0].seconds / tot[1].seconds);
	report_spread("ingest", in_ratio, k);
	printf("reprocess: %.1f pages/s with 1 job, %.1f with 2: speed-up %.2fx\n",
	       n / tot[0].reprocess, n / tot[1].reprocess, tot[0].reprocess / tot[1].reprocess);
	report_spread("reprocess", rp_ratio, k);
	report_model("ingest", tot[0].cpu, tot[1].writer, tot[1].cpu, n);
	report_model("reprocess", tot[0].rp_cpu, tot[1].rp_writer, tot[1].rp_cpu, n);
	for (size_t i = 0; i < ps.n; i++)
		free(ps.mem[i]);
	free(ps.v);
	free(ps.mem);
	assay_extract_shutdown();
	return 0;
}
