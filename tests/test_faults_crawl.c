/* test_faults_crawl.c - `assay crawl --jobs 2` killed with SIGKILL at
 * random points, against the loopback server.
 *
 * With jobs, a fetched page waits in a queue while a worker cleans it, so
 * it is fetched long before it is stored. The crawler must not mark its
 * URL done (crawl_delivered, out of the frontier) before the store has
 * committed it: killed in between, the next run would take the URL for
 * stored and skip it, and the page would be lost for good. So each round
 * crawls a feed of new pages, is killed part-way, and every later run
 * must still store every page of every round, each once. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "faults_util.h"
#include "fetch_server.h"

enum { ROUNDS = 12, PER = 40 };

static char *dir;
static char db[4096];
static struct route routes[ROUNDS * (PER + 1) + 1];
static char *bodies[ROUNDS * (PER + 1)];
static char paths[ROUNDS * (PER + 1)][32];
static struct tsrv *srv;

/* Round r: /rR/feed.xml lists /rR/0 ... /rR/39, each a page of its own. */
static void build_site(void)
{
	size_t n = 0;

	for (int r = 0; r < ROUNDS; r++) {
		char *feed = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&feed, &len);

		cr_assert_not_null(f);
		fputs("<rss version=\"2.0\"><channel><title>gen</title>", f);
		for (int i = 0; i < PER; i++) {
			snprintf(paths[n], sizeof paths[n], "/r%d/%d", r, i);
			bodies[n] = page_html(i, 100 + (unsigned)r);
			routes[n] = (struct route){paths[n], 200, "text/html", bodies[n], NULL, R_PLAIN};
			fprintf(f, "<item><link>/r%d/%d</link></item>", r, i);
			n++;
		}
		fputs("</channel></rss>", f);
		cr_assert_eq(fclose(f), 0);
		snprintf(paths[n], sizeof paths[n], "/r%d/feed.xml", r);
		bodies[n] = feed;
		routes[n] = (struct route){paths[n], 200, "application/rss+xml", feed, NULL, R_PLAIN};
		n++;
	}
	routes[n] = (struct route){0};
}

static void setup(void)
{
	dir = fault_tmpdir();
	snprintf(db, sizeof db, "%s/db", dir);
	build_site();
	srv = tsrv_start(routes);
	cr_assert_not_null(srv);
}

static void teardown(void)
{
	tsrv_stop(srv);
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		free(bodies[i]);
	fault_rmdir(dir);
	free(dir);
}

TestSuite(crawl_faults, .init = setup, .fini = teardown, .timeout = 300);

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
	struct timespec t = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};

	while (nanosleep(&t, &t) != 0)
		;
}

/* `assay crawl --jobs JOBS` of round @r's feed into @store; its pid. */
static pid_t spawn_crawl(const char *store, const char *jobs, int r)
{
	char feed[64], url[256];
	const char *args[] = {"crawl", "--jobs", jobs, "--allow-private", "--delay", "0",
			      "--quiet", url, NULL};

	snprintf(feed, sizeof feed, "/r%d/feed.xml", r);
	snprintf(url, sizeof url, "%s", tsrv_url(srv, feed));
	return assay_spawn(store, NULL, args);
}

static void kill_rounds(const char *jobs)
{
	double full, t0;
	long prev = 0, n;
	int kills = 0;

	{ /* the time of one round, on a scratch store, scales the kills */
		char scratch[4200];

		snprintf(scratch, sizeof scratch, "%s/scratch", dir);
		t0 = now();
		cr_assert_eq(assay_wait(spawn_crawl(scratch, jobs, 0)), 0);
		full = now() - t0;
		cr_assert_eq(store_article_count(scratch), PER);
	}
	srand((unsigned)time(NULL));
	for (int r = 0; r < ROUNDS; r++) {
		pid_t pid = spawn_crawl(db, jobs, r);

		sleep_s(full * (double)(rand() % 1000) / 1000.0);
		kill(pid, SIGKILL);
		kills += assay_wait(pid) == 128 + SIGKILL;
		n = store_article_count(db);
		if (n < 0 && prev == 0)
			continue; /* killed before the store was first created */
		cr_assert_geq(n, prev, "round %d: the store has %ld articles, it had %ld", r, n, prev);
		cr_assert(store_urls_unique(db), "round %d: duplicate or unreadable article", r);
		prev = n;
	}
	cr_log_info("crawl sigkill, %s jobs: %d of %d rounds killed mid-way (a round takes "
		    "%.2f s), %ld of %d articles stored by then",
		    jobs, kills, ROUNDS, full, prev, ROUNDS * PER);
	cr_expect_geq(kills, ROUNDS / 4, "only %d rounds were killed mid-way", kills);
	/* cron runs each feed again: every page of every round is stored */
	for (int r = 0; r < ROUNDS; r++)
		cr_assert_eq(assay_wait(spawn_crawl(db, jobs, r)), 0, "round %d ran again", r);
	cr_assert_eq(store_article_count(db), ROUNDS * PER, "pages lost to the kills");
	cr_assert(store_urls_unique(db));
	for (int r = 0; r < ROUNDS; r++)
		for (int i = 0; i < PER; i++) {
			char p[32];
			snprintf(p, sizeof p, "/r%d/%d", r, i);
			cr_assert_leq(tsrv_hits(srv, p), 3, "%s fetched %u times", p,
				      tsrv_hits(srv, p));
		}
}

Test(crawl_faults, sigkill_during_crawl_with_two_jobs_loses_no_page_and_stores_none_twice)
{
	kill_rounds("2");
}

Test(crawl_faults, sigkill_during_crawl_with_one_job_loses_no_page_and_stores_none_twice)
{
	kill_rounds("1");
}
