/* bench_serve.c - how fast the review pages answer on a given store.
 *
 * usage: bench_serve ASSAY_BIN STORE_DIR [ROUNDS]
 *
 * Starts `ASSAY_BIN --db STORE_DIR serve --port 0`, opens the session, and
 * times ROUNDS requests (default 20) of each page an editor uses: the
 * queue, a claim, the conflicts list, one conflict, the articles list, one
 * article, and a decision (POST, then back to pending). The baseline,
 * measured in the same run, is the embedded style sheet: a request that
 * does no store work. Each page is reported as milliseconds per request
 * (median) and as a ratio of the baseline, and as the server's CPU time
 * per request (user + system, from /proc, averaged over the rounds):
 * what the page costs, which a machine busy with other jobs disturbs
 * less than the wall time. Make a big store first, e.g. with bench_store
 * (28,000 articles give about 100,000 claims).
 *
 * Two rows time the queue just after another process wrote, as during a
 * crawl or a second desk: before each request the benchmark itself stores
 * one new article (five claims on the keys bench_store uses, so most join
 * claims already there) or records a decision, untimed. Compare them with
 * the queue alone: a page after a write should cost about the same. The
 * articles stay in the store (URLs under bench-serve.example). */
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "buf.h"
#include "store.h"
#include "synth_words.h"

static unsigned port;
static pid_t server;
static char token[80];
static CURL *curl;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t keep(char *p, size_t size, size_t n, void *ctx)
{
	assay_buf_append(ctx, p, size * n);
	return size * n;
}

/* One request; the body goes to @out (may be NULL). Returns the status. */
static long get(const char *path, const char *post, struct assay_buf *out)
{
	struct assay_buf sink = {0};
	char url[1024], cookie[128], origin[64];
	struct curl_slist *h;
	long status = 0;

	snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, path);
	snprintf(cookie, sizeof cookie, "assay_session_%u=%s", port, token);
	snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", port);
	h = curl_slist_append(NULL, origin);
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_COOKIE, cookie);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, out ? out : &sink);
	if (post)
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post);
	if (curl_easy_perform(curl) == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(h);
	assay_buf_release(&sink);
	return status;
}

static pid_t start(const char *bin, const char *db)
{
	int fds[2];
	char line[256] = "";
	FILE *f;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl(bin, bin, "--quiet", "--db", db, "serve", "--port", "0", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	if (!f || !fgets(line, sizeof line, f) ||
	    sscanf(line, "http://127.0.0.1:%u/?token=%79s", &port, token) != 2)
		pid = -pid;
	if (f)
		fclose(f);
	return pid;
}

/* The first "@attr=\"VALUE" after @prefix in @html, copied to @out. */
static void find(const char *html, const char *prefix, char *out, size_t size)
{
	const char *at = html ? strstr(html, prefix) : NULL;

	out[0] = '\0';
	if (at)
		snprintf(out, size, "%.*s", (int)strcspn(at + strlen(prefix), "\""),
			 at + strlen(prefix));
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The server's CPU seconds so far (user + system), or 0 when unknown. */
static double server_cpu(void)
{
	char path[64], buf[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)server);
	f = fopen(path, "r");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the name may hold spaces */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return 0;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static double last_cpu; /* CPU seconds per request of the last time_page */

/* A write before a request, not timed (NULL: none). */
typedef void (*write_fn)(int round);
static write_fn before;

/* Median seconds of @rounds requests of @path (and @post). */
static double time_page(const char *path, const char *post, int rounds)
{
	double t[256], cpu0 = server_cpu(), cpu_writes = 0;
	int n = rounds < 256 ? rounds : 256;

	for (int i = 0; i < n; i++) {
		double t0, c0 = server_cpu();
		long st;

		if (before) {
			before(i);
			cpu_writes += server_cpu() - c0; /* the server idles meanwhile */
		}
		t0 = now();
		st = get(path, post, NULL);
		t[i] = now() - t0;
		if (st != 200 && st != 303)
			fprintf(stderr, "bench_serve: %s answered %ld\n", path, st);
	}
	last_cpu = (server_cpu() - cpu0 - cpu_writes) / n;
	qsort(t, (size_t)n, sizeof t[0], cmp);
	return t[n / 2];
}

/* ---- Writes by another process ---- */

static struct assay_store *writer;
static char decide_id[64];

/* One new article with five claims, as a crawl stores it. */
static void write_article(int round)
{
	struct assay_buf text = {0}, url = {0};
	struct assay_claim c[5];
	struct assay_extraction x = {0};
	struct assay_article a = {0};
	struct assay_put_result r;
	unsigned seed = (unsigned)getpid() * 7919u + (unsigned)round * 104729u;

	for (int i = 0; i < 60; i++)
		assay_buf_printf(&text, "%sw%u", i ? " " : "", (seed >> (i % 16)) + (unsigned)i);
	assay_buf_puts(&text, ".");
	for (int i = 0; i < 5; i++) {
		unsigned k = seed / 7 + (unsigned)i * 2654435761u;

		memset(&c[i], 0, sizeof c[i]);
		snprintf(c[i].subject, sizeof c[i].subject, "%s", countries[k % 30]);
		snprintf(c[i].metric, sizeof c[i].metric, "%s", metrics[k / 30 % 8]);
		snprintf(c[i].commodity, sizeof c[i].commodity, "%s", commodities[k / 240 % 10]);
		snprintf(c[i].period, sizeof c[i].period, "%u", 2005 + k / 2400 % 20);
		strcpy(c[i].status, "actual");
		strcpy(c[i].unit, "t");
		strcpy(c[i].qualifier, "eq");
		c[i].value = (double)(1000 * (1 + k / 48000 % 4));
		c[i].evidence.end = text.len;
	}
	x.claims = c;
	x.nclaims = 5;
	assay_buf_printf(&url, "https://bench-serve.example/news/%u-%d", (unsigned)getpid(), round);
	a.url = url.data;
	a.title = "Written during the benchmark";
	a.site = "bench-serve.example";
	a.published = "2026-12-07";
	a.raw = a.text = text.data;
	a.raw_len = a.text_len = text.len;
	a.x = &x;
	a.fetched_at = (int64_t)time(NULL);
	if (assay_store_put_article(writer, &a, &r))
		fprintf(stderr, "bench_serve: %s\n", assay_store_errmsg(writer));
	assay_buf_release(&text);
	assay_buf_release(&url);
}

/* A decision on one claim, undone the next round, as another desk makes. */
static void write_decision(int round)
{
	struct assay_review d;

	memset(&d, 0, sizeof d);
	strcpy(d.state, round % 2 ? "pending" : "accepted");
	if (assay_store_review(writer, decide_id, &d))
		fprintf(stderr, "bench_serve: %s\n", assay_store_errmsg(writer));
}

int main(int argc, char **argv)
{
	struct assay_buf page = {0};
	char claim[64], path[1024], conflict[64], article[900], tok[80], post[160];
	int rounds = argc > 3 ? atoi(argv[3]) : 20;
	double base;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_serve ASSAY_BIN STORE_DIR [ROUNDS]\n");
		return 2;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	curl = curl_easy_init();
	pid = start(argv[1], argv[2]);
	server = pid;
	if (pid <= 0) {
		fprintf(stderr, "bench_serve: the server did not start\n");
		return 1;
	}
	get("/?state=any", NULL, &page);
	find(page.data, "<tr data-id=\"", claim, sizeof claim);
	assay_buf_reset(&page);
	get("/conflicts", NULL, &page);
	find(page.data, "href=\"/conflict/", conflict, sizeof conflict);
	assay_buf_reset(&page);
	get("/articles", NULL, &page);
	find(page.data, "href=\"/article?url=", article, sizeof article);
	assay_buf_reset(&page);
	snprintf(path, sizeof path, "/claim/%s?state=any", claim);
	get(path, NULL, &page);
	find(page.data, "name=\"token\" value=\"", tok, sizeof tok);

	base = time_page("/app.css", NULL, rounds);
	printf("%-32s %9s %10s %9s\n", "page", "ms", "x baseline", "cpu ms");
	printf("%-32s %9.2f %10.1f %9.2f\n", "baseline: /app.css", base * 1e3, 1.0, last_cpu * 1e3);
#define ROW(label, p, body) do { double t = time_page(p, body, rounds); \
		printf("%-32s %9.2f %10.1f %9.2f\n", label, t * 1e3, t / base, last_cpu * 1e3); \
	} while (0)
	ROW("queue (pending, page 1)", "/", NULL);
	ROW("queue (all states)", "/?state=any", NULL);
	if (assay_store_open(argv[2], 0, &writer) == ASSAY_OK) {
		get("/?state=any&page=5", NULL, &page); /* a claim off the first page */
		find(strstr(page.data ? page.data : "", "<tbody>"), "<tr data-id=\"", decide_id,
		     sizeof decide_id);
		assay_buf_reset(&page);
		before = write_article;
		ROW("queue after an article is stored", "/", NULL);
		before = write_decision;
		ROW("queue after a decision elsewhere", "/", NULL);
		before = NULL;
		ROW("queue again (no write)", "/", NULL);
		assay_store_close(writer);
	} else {
		fprintf(stderr, "bench_serve: no writes: %s\n", assay_store_errmsg(NULL));
	}
	ROW("claim", path, NULL);
	snprintf(post, sizeof post, "token=%s&action=accept&state=any", tok);
	snprintf(path, sizeof path, "/claim/%s/review", claim);
	ROW("decision (POST accept)", path, post);
	snprintf(post, sizeof post, "token=%s&action=pending&state=any", tok);
	get(path, post, NULL);
	ROW("conflicts (page 1)", "/conflicts", NULL);
	ROW("conflicts (page 100)", "/conflicts?page=99", NULL);
	ROW("conflicts (open, metric)", "/conflicts?show=open&metric=reserves", NULL);
	ROW("conflicts (resolved)", "/conflicts?show=resolved", NULL);
	ROW("conflicts (subject, commodity)", "/conflicts?subject=CN&commodity=lithium", NULL);
	snprintf(path, sizeof path, "/conflict/%s", conflict);
	ROW("one conflict", path, NULL);
	ROW("articles", "/articles", NULL);
	ROW("articles (page 100)", "/articles?page=99", NULL);
	ROW("articles (search, by title)", "/articles?q=site1&sort=title", NULL);
	ROW("articles (most claims)", "/articles?sort=claims", NULL);
	snprintf(path, sizeof path, "/article?url=%s", article);
	ROW("one article", path, NULL);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	assay_buf_release(&page);
	curl_easy_cleanup(curl);
	curl_global_cleanup();
	return 0;
}
