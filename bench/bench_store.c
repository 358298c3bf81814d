/* bench_store.c - the store at scale: ingest generated articles and report
 * articles per second per window, bytes on disk per article, and the
 * latency of listing every conflict group, at each size.
 *
 * usage: bench_store [N] [DIR] [FIRST]
 *   N articles (default 100000) into DIR (default a new folder under /tmp),
 *   numbered from FIRST (default 1: continue a store with FIRST = its size + 1)
 *
 * Each article has ~300 words of generated text (unique, except every
 * tenth, which republishes an earlier one under a new URL), its page as
 * HTML, five claims over a key space of ~50,000 keys with a few figures
 * each (so claims merge and conflict), and one agreement. The baseline is
 * the first window (articles 1..1000): later windows are reported as a
 * ratio of its cost, so "flat" reads as ratios near 1. Cost is given both
 * as wall time (articles/s) and as CPU time per article (user + system),
 * which a machine shared with other jobs disturbs less. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "assay.h"
#include "buf.h"
#include "store.h"
#include "synth_words.h"

static const char *const statuses[] = {"signed", "negotiating", "stalled", "pursued"};

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double cpu_now(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ~300 words of text from a 4096-word made-up vocabulary. */
static void make_text(struct assay_buf *t)
{
	assay_buf_reset(t);
	for (int i = 0; i < 300; i++) {
		uint64_t w = next() % 4096;

		assay_buf_printf(t, "%sw%c%c%llu", i ? (i % 25 ? " " : ".\n\n") : "",
				 'a' + (int)(w % 26), 'a' + (int)(w / 26 % 26),
				 (unsigned long long)(w / 676));
	}
	assay_buf_puts(t, ".");
}

static void make_claims(struct assay_extraction *x, struct assay_claim *c,
			struct assay_agreement *g, const struct assay_buf *text)
{
	for (int i = 0; i < 5; i++) {
		memset(&c[i], 0, sizeof c[i]);
		snprintf(c[i].subject, sizeof c[i].subject, "%s", countries[next() % 30]);
		snprintf(c[i].metric, sizeof c[i].metric, "%s", metrics[next() % 8]);
		snprintf(c[i].commodity, sizeof c[i].commodity, "%s", commodities[next() % 10]);
		snprintf(c[i].period, sizeof c[i].period, "%d", 2005 + (int)(next() % 20));
		strcpy(c[i].status, "actual");
		strcpy(c[i].unit, "t");
		strcpy(c[i].qualifier, "eq");
		c[i].value = (double)(1000 * (1 + next() % 4));
		c[i].fig_start = c[i].fig_end = 0;
		c[i].evidence.start = (size_t)i * 40;
		c[i].evidence.end = (size_t)i * 40 + 120 < text->len ? (size_t)i * 40 + 120 : text->len;
	}
	memset(g, 0, sizeof *g);
	strcpy(g->type, "deal");
	g->nparties = 2;
	snprintf(g->parties[0], sizeof g->parties[0], "%s", countries[next() % 15]);
	snprintf(g->parties[1], sizeof g->parties[1], "%s", countries[15 + next() % 15]);
	snprintf(g->status, sizeof g->status, "%s", statuses[next() % 4]);
	g->evidence.end = 100;
	x->claims = c;
	x->nclaims = 5;
	x->agreements = g;
	x->nagreements = 1;
}

static uint64_t store_bytes(const char *dir)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

static int count_group(void *ctx, const struct assay_conflict *g)
{
	(*(size_t *)ctx) += g->nmembers > 0;
	return 0;
}

struct window {
	double wall, cpu;       /* at the window's start */
	double base_rate, base_cpu;
};

static void report(struct assay_store *s, const char *dir, size_t n, size_t count,
		   struct window *w)
{
	double rate = (double)count / (now() - w->wall);
	double cpu = (cpu_now() - w->cpu) / (double)count * 1e6, t0, lat;
	size_t groups = 0;

	if (w->base_rate == 0) {
		w->base_rate = rate;
		w->base_cpu = cpu;
	}
	t0 = now();
	assay_store_conflicts(s, NULL, count_group, &groups);
	lat = now() - t0;
	printf("%8zu articles  %6.0f articles/s (x%.2f)  %5.0f us CPU/article (x%.2f)"
	       "  %5.0f bytes/article  conflicts: %zu groups listed in %.3f s\n",
	       n, rate, rate / w->base_rate, cpu, cpu / w->base_cpu,
	       (double)store_bytes(dir) / (double)n, groups, lat);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	size_t total = argc > 1 ? (size_t)atol(argv[1]) : 100000, window_start = 0, next_report = 1000;
	char dir[256] = "/tmp/assay-bench-XXXXXX";
	struct assay_buf text = {0}, html = {0}, url = {0};
	struct assay_store *s;
	struct window w = {0, 0, 0, 0};

	if (argc > 2)
		snprintf(dir, sizeof dir, "%s", argv[2]);
	else if (!mkdtemp(dir))
		return 2;
	if (assay_store_open(dir, ASSAY_STORE_CREATE, &s)) {
		fprintf(stderr, "bench_store: %s\n", assay_store_errmsg(NULL));
		return 2;
	}
	printf("bench_store: %zu articles into %s\n", total, dir);
	w.wall = now();
	w.cpu = cpu_now();
	size_t first = argc > 3 ? (size_t)atol(argv[3]) : 1;

	for (size_t i = first; i < first + total; i++) {
		struct assay_claim c[5];
		struct assay_agreement g;
		struct assay_extraction x;
		struct assay_article a = {0};
		struct assay_put_result r;
		uint64_t keep = rng;

		/* article i's text comes from its own seed; every tenth article
		 * republishes the text of article i / 2 under a new URL */
		rng = (uint64_t)(i % 10 ? i : i / 2) * 0x9e3779b97f4a7c15u | 1;
		make_text(&text);
		rng = keep;
		make_claims(&x, c, &g, &text);
		assay_buf_reset(&html);
		assay_buf_printf(&html, "<html><head><title>Story %zu</title></head><body><article>"
				 "<p>%s</p></article></body></html>", i, text.data);
		assay_buf_reset(&url);
		assay_buf_printf(&url, "https://site%zu.example/news/%zu", i % 50, i);
		a.url = url.data;
		a.title = "Generated story";
		a.site = "example";
		a.published = "2024-01-01";
		a.raw = html.data;
		a.raw_len = html.len;
		a.content_type = "text/html";
		a.text = text.data;
		a.text_len = text.len;
		a.x = &x;
		a.fetched_at = 1700000000 + (int64_t)i;
		if (assay_store_put_article(s, &a, &r)) {
			fprintf(stderr, "bench_store: %s\n", assay_store_errmsg(s));
			return 2;
		}
		if (i - first + 1 == next_report || i + 1 == first + total) {
			report(s, dir, i, i - first + 1 - window_start, &w);
			window_start = i - first + 1;
			next_report *= 10;
			w.wall = now();
			w.cpu = cpu_now();
		}
	}
	assay_store_close(s);
	assay_buf_release(&text);
	assay_buf_release(&html);
	assay_buf_release(&url);
	return 0;
}
