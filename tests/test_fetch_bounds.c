/* test_fetch_bounds.c - what bounds a crawl's time (issue 21 #9), as cron
 * runs it: `assay crawl` with its default settings against hostile hosts
 * on loopback, and `--max-seconds` cutting a run that would go on.
 *
 * Nothing here races a clock: a run must end by itself and its summary
 * must say what was cut (not queued, left for the next run, stopped); the
 * only times compared are a bound that follows from the defaults and the
 * run's own `seconds`, with margins of several times. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "crawler.h"
#include "fetch.h"
#include "fetch_server.h"

#define FEED6(p)                                                                             \
	"<rss><channel>"                                                                     \
	"<item><link>http://127.0.0.1:%P" p "1</link></item>"                                \
	"<item><link>http://127.0.0.1:%P" p "2</link></item>"                                \
	"<item><link>http://127.0.0.1:%P" p "3</link></item>"                                \
	"<item><link>http://127.0.0.1:%P" p "4</link></item>"                                \
	"<item><link>http://127.0.0.1:%P" p "5</link></item>"                                \
	"<item><link>http://127.0.0.1:%P" p "6</link></item>"                                \
	"</channel></rss>"
#define NO_ROBOTS {"/robots.txt", 404, "text/plain", "", NULL, R_PLAIN}
#define END {NULL, 0, NULL, NULL, NULL, R_PLAIN}

/* Four hosts, one trick each: a front page naming 2,000 feeds (each one
 * another such page), an endless chain of sitemap indexes, pages that drip
 * a byte every 300 ms, and a tarpit that never answers. */
static const struct route front[] = {
	NO_ROBOTS, {"/front/", 200, "text/html", "2000", NULL, R_FEED_LINKS}, END};
static const struct route chain[] = {
	NO_ROBOTS, {"/chain/", 200, "application/xml", "1", NULL, R_INDEX_TREE}, END};
static const struct route drip[] = {
	NO_ROBOTS,
	{"/feed", 200, "application/rss+xml", FEED6("/drip/"), NULL, R_PLAIN},
	{"/drip/*", 200, "text/html", NULL, NULL, R_DRIP},
	END};
static const struct route tarpit[] = {
	NO_ROBOTS,
	{"/feed", 200, "application/rss+xml", FEED6("/tar/"), NULL, R_PLAIN},
	{"/tar/", 200, "text/html", "<html><body><p>late</p></body></html>", NULL, R_TARPIT},
	END};

/* A polite host with more pages than a run of a few seconds can fetch at
 * the default delay (1 s): 60 pages, each its own story. */
#define NPOLITE 60
static struct route polite[NPOLITE + 3];
static char polite_paths[NPOLITE][16], polite_bodies[NPOLITE][320];
static char polite_feed[NPOLITE * 64 + 128];

static void build_polite(void)
{
	size_t o = 0, n = 0;

	polite[n++] = (struct route)NO_ROBOTS;
	o += (size_t)snprintf(polite_feed + o, sizeof polite_feed - o, "<rss><channel>");
	for (int i = 0; i < NPOLITE; i++) {
		snprintf(polite_paths[i], sizeof polite_paths[i], "/p/%d", i);
		snprintf(polite_bodies[i], sizeof polite_bodies[i],
			 "<html><head><title>Mine %d</title></head><body><article><p>Mine %d "
			 "produced %d tonnes of copper in 2024, the company said in its report on "
			 "the year, and expects more from its new shaft.</p></article></body></html>",
			 i, i, 1000 + 37 * i);
		polite[n++] = (struct route){polite_paths[i], 200, "text/html", polite_bodies[i],
					     NULL, R_PLAIN};
		o += (size_t)snprintf(polite_feed + o, sizeof polite_feed - o,
				      "<item><link>http://127.0.0.1:%%P/p/%d</link></item>", i);
	}
	snprintf(polite_feed + o, sizeof polite_feed - o, "</channel></rss>");
	polite[n++] = (struct route){"/feed", 200, "application/rss+xml", polite_feed, NULL,
				     R_PLAIN};
	polite[n] = (struct route)END;
}

static struct tsrv *srv[5];
static char dir[64];

static void setup(void)
{
	const struct route *sites[5] = {front, chain, drip, tarpit, polite};

	build_polite();
	for (int i = 0; i < 5; i++)
		cr_assert_not_null(srv[i] = tsrv_start(sites[i]), "test server %d starts", i);
	snprintf(dir, sizeof dir, "/tmp/assay-bounds-XXXXXX");
	cr_assert(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	for (int i = 0; i < 5; i++)
		tsrv_stop(srv[i]);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
}

TestSuite(fetch_bounds, .init = setup, .fini = teardown, .timeout = 240);

/* `assay --db DIR/db crawl --allow-private --summary-json ARGS`: its exit
 * status; the summary (stdout) in @json, stderr in @err (both malloc'd). */
static int crawl(const char *args, json_t **json, char **err)
{
	char cmd[4096], path[128];
	FILE *f;
	long n;
	int st;

	snprintf(cmd, sizeof cmd,
		 "'%s' --db '%s/db' crawl --allow-private --summary-json %s >'%s/out' 2>'%s/err'",
		 getenv("ASSAY_BIN"), dir, args, dir, dir);
	st = system(cmd);
	snprintf(path, sizeof path, "%s/out", dir);
	*json = json_load_file(path, 0, NULL);
	cr_assert_not_null(*json, "no summary on stdout");
	snprintf(path, sizeof path, "%s/err", dir);
	f = fopen(path, "rb");
	cr_assert_not_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	*err = calloc(1, (size_t)n + 1);
	cr_assert_eq(fread(*err, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static long field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	cr_assert(json_is_integer(v), "summary has %s", name);
	return (long)json_integer_value(v);
}

static unsigned hits_under(struct tsrv *s, const char *prefix)
{
	static struct logged log[4096];
	size_t n = tsrv_log(s, log, 4096);
	unsigned k = 0;

	for (size_t i = 0; i < n; i++)
		k += strncmp(log[i].path, prefix, strlen(prefix)) == 0;
	return k;
}

/* All four hostile hosts in one run with the defaults: each is cut by a
 * bound of its own - 16 feeds of a page, 3 listings deep, the low-speed
 * limit and 3 troubles a host - and the run ends by itself, long before
 * its 600 s budget, saying what it dropped and what it left. */
Test(fetch_bounds, a_hostile_site_cannot_hold_a_default_run)
{
	struct assay_crawl_opts d;
	char args[1024], *err;
	json_t *sum;
	double bound;
	int st;

	assay_crawl_opts_init(&d);
	snprintf(args, sizeof args, "'%s' '%s' '%s' '%s'", tsrv_url(srv[0], "/front/"),
		 tsrv_url(srv[1], "/chain/"), tsrv_url(srv[2], "/feed"),
		 tsrv_url(srv[3], "/feed"));
	st = crawl(args, &sum, &err);
	cr_log_info("%s", err);
	cr_expect_eq(st, 1, "pages failed: exit 1 (%d): %s", st, err);
	cr_expect(json_is_false(json_object_get(sum, "stopped")),
		  "the run ended by itself, not by its time budget: %s", err);
	/* the front page and its first 16 feeds; the rest not queued */
	cr_expect_eq(hits_under(srv[0], "/front/"), 1 + d.max_feeds);
	/* the chain: its source and 3 listings below it; the next not queued */
	cr_expect_eq(hits_under(srv[1], "/chain/"), 1 + d.max_depth);
	cr_expect_geq(field(sum, "dropped"), 2000 - (long)d.max_feeds + 1, "%s", err);
	/* 3 tries on each slow host, the other 3 pages of each kept */
	cr_expect_leq(hits_under(srv[2], "/drip/"), MAX_HOST_TROUBLE);
	cr_expect_leq(hits_under(srv[3], "/tar/"), MAX_HOST_TROUBLE);
	cr_expect_eq(field(sum, "deferred"), 12, "%s", err);
	cr_expect_geq(field(sum, "errors"), 2 * MAX_HOST_TROUBLE, "%s", err);
	/* what the summary line for people says was cut */
	cr_expect(strstr(err, "12 left for the next run"), "%s", err);
	cr_expect(strstr(err, "not queued (over a crawl bound)"), "%s", err);
	/* The defaults bound each host: the slow ones by MAX_HOST_TROUBLE
	 * transfers, each ended by the low-speed limit (or the timeout), one
	 * delay apart; the front page by its feeds, one delay apart. Twice
	 * that, so a loaded machine does not fail it. */
	bound = MAX_HOST_TROUBLE * (d.low_speed_secs + d.delay) + (1 + d.max_feeds) * d.delay;
	cr_expect_lt(json_real_value(json_object_get(sum, "seconds")), 2 * bound,
		     "%.1f s, bound %.0f s", json_real_value(json_object_get(sum, "seconds")),
		     bound);
	cr_expect_lt(bound, d.max_seconds / 4, "the defaults end this long before the budget");
	json_decref(sum);
	free(err);
}

/* --max-seconds cuts a run that would go on (60 pages, one a second): it
 * stops cleanly - a transfer in flight to the tarpit is abandoned, not
 * waited for - exits 0 (nothing failed; cli.md), and saves its frontier:
 * the next run, given no source that lists them, fetches the pages left. */
Test(fetch_bounds, max_seconds_stops_a_run_cleanly_and_the_next_goes_on)
{
	struct assay_crawl_opts d;
	char args[1024], *err;
	json_t *sum;
	long first, second, left;
	int st;

	assay_crawl_opts_init(&d);
	snprintf(args, sizeof args, "--max-seconds 4 '%s' '%s'", tsrv_url(srv[4], "/feed"),
		 tsrv_url(srv[3], "/feed"));
	st = crawl(args, &sum, &err);
	cr_log_info("%s", err);
	cr_expect_eq(st, 0, "stopped by its budget, nothing failed: exit 0 (%d): %s", st, err);
	cr_expect(json_is_true(json_object_get(sum, "stopped")), "%s", err);
	cr_expect(strstr(err, "(stopped: budget spent)"), "%s", err);
	first = field(sum, "new_articles");
	left = field(sum, "deferred");
	cr_expect_gt(first, 0, "%s", err);
	cr_expect_lt(first, NPOLITE, "%s", err);
	cr_expect_geq(left, NPOLITE - first, "every page not fetched is kept: %s", err);
	cr_expect_eq(hits_under(srv[3], "/tar/"), 1, "the tarpit held one transfer");
	/* abandoned at the budget: before the low-speed limit would end it */
	cr_expect_lt(json_real_value(json_object_get(sum, "seconds")), 4 + d.low_speed_secs / 2,
		     "%s", err);
	json_decref(sum);
	free(err);

	/* The next run names only the tarpit's feed: the polite pages it
	 * fetches come from the frontier the first run saved. */
	snprintf(args, sizeof args, "--max-seconds 4 '%s'", tsrv_url(srv[3], "/feed"));
	st = crawl(args, &sum, &err);
	cr_expect_lt(st, 2, "%s", err);
	second = field(sum, "new_articles");
	cr_expect_gt(second, 0, "the saved frontier was crawled: %s", err);
	for (int i = 0; i < NPOLITE; i++)
		cr_expect_leq(tsrv_hits(srv[4], polite_paths[i]), 1, "%s fetched twice",
			      polite_paths[i]);
	json_decref(sum);
	free(err);
}
