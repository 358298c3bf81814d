/* test_fetch_cli.c - `assay crawl` as cron sees it: robots.txt and
 * Crawl-delay on a live host, exit statuses, the summary lines, the store
 * lock, a WARC file, and a run killed with SIGKILL that the next run
 * finishes with every page stored once. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "fetch_server.h"
#include "warc.h"

#define NPAGES 40

static char bodies[NPAGES][256], paths[NPAGES][16], feed[NPAGES * 80 + 256];
static struct route routes[NPAGES + 16];
/* A host with rules: its own server, so the others crawl at full speed. */
static const struct route robots_routes[] = {
	{"/robots.txt", 200, "text/plain",
	 "User-agent: *\nDisallow: /private\nCrawl-delay: 0.4\nSitemap: /sitemap.xml\n", NULL, R_PLAIN},
	{"/a", 200, "text/html", "<html><body><p>a</p></body></html>", NULL, R_PLAIN},
	{"/c", 200, "text/html", "<html><body><p>c</p></body></html>", NULL, R_PLAIN},
	{"/private/b", 200, "text/html", "<html><body>b</body></html>", NULL, R_PLAIN},
	{"/", 200, "text/html", "<html><head><title>home</title></head><body>home</body></html>", NULL, R_PLAIN},
	{"/sitemap.xml", 200, "application/xml",
	 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
	 "<url><loc>/a</loc></url><url><loc>/private/b</loc></url></urlset>", NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static struct tsrv *srv;
static char dir[64];

static void build_routes(void)
{
	size_t n = 0, o;

	o = (size_t)snprintf(feed, sizeof feed, "<rss version=\"2.0\"><channel><title>t</title>");
	for (int i = 0; i < NPAGES; i++) {
		snprintf(paths[i], sizeof paths[i], "/n/%d", i);
		snprintf(bodies[i], sizeof bodies[i],
			 "<html><head><title>Story %d</title></head><body><article><p>Mine %d produced "
			 "%d tonnes of neodymium in 2024, the company said.</p></article></body></html>",
			 i, i, 1000 + i * 7);
		routes[n++] = (struct route){paths[i], 200, "text/html", bodies[i], NULL, R_PLAIN};
		o += (size_t)snprintf(feed + o, sizeof feed - o, "<item><link>/n/%d</link></item>", i);
	}
	snprintf(feed + o, sizeof feed - o, "</channel></rss>");
	routes[n++] = (struct route){"/feed.xml", 200, "application/rss+xml", feed, NULL, R_PLAIN};
	routes[n++] = (struct route){"/a", 200, "text/html", "<html><body><p>a</p></body></html>", NULL, R_PLAIN};
	routes[n++] = (struct route){"/e500", 500, "text/html", "no", NULL, R_PLAIN};
	routes[n++] = (struct route){"/drip", 200, "text/html", NULL, NULL, R_DRIP};
	routes[n++] = (struct route){"/logo.png", 200, "image/png", "\x89PNG\r\n\x1a\n", NULL, R_PLAIN};
	routes[n++] = (struct route){"/dump", 200, "text/html", "{\"items\": [1, 2]}", NULL, R_PLAIN};
	routes[n++] = (struct route){"/moved", 301, "text/html", "", "Location: /n/1", R_PLAIN};
	routes[n++] = (struct route){"/feed404.xml", 200, "application/rss+xml",
				     "<rss version=\"2.0\"><channel><title>t</title>"
				     "<item><link>/gone</link></item></channel></rss>",
				     NULL, R_PLAIN};
	routes[n++] = (struct route){"/empty.xml", 200, "application/rss+xml",
				     "<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
				     NULL, R_PLAIN};
	routes[n] = (struct route){0};
}

static void setup(void)
{
	build_routes();
	srv = tsrv_start(routes);
	cr_assert(srv);
	snprintf(dir, sizeof dir, "/tmp/assay-crawl-XXXXXX");
	cr_assert(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	tsrv_stop(srv);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
}

TestSuite(fetch_cli, .init = setup, .fini = teardown, .timeout = 120);

/* Runs `assay --db DIR/db ARGS` with stdout and stderr to files; returns
 * its exit status. */
static int run(const char *args)
{
	char cmd[2048];
	int st;

	snprintf(cmd, sizeof cmd, "cd '%s' && '%s' --db '%s/db' %s >'%s/out' 2>'%s/err'", dir,
		 getenv("ASSAY_BIN"), dir, args, dir, dir);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *slurp(const char *name)
{
	char path[256], *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	cr_assert(f, "%s exists", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return buf;
}

static const char *last_line(char *s)
{
	size_t n = strlen(s);
	char *p;

	while (n && s[n - 1] == '\n')
		s[--n] = 0;
	p = strrchr(s, '\n');
	return p ? p + 1 : s;
}

static long json_int(const char *json, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof pat, "\"%s\":", key);
	p = strstr(json, pat);
	cr_assert(p, "summary has %s: %s", key, json);
	return strtol(p + strlen(pat), NULL, 10);
}

static unsigned count_lines_with(const char *text, const char *needle)
{
	unsigned n = 0;

	for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

Test(fetch_cli, no_sources_is_a_usage_error)
{
	cr_assert_eq(run("crawl"), 2);
	char *err = slurp("err");
	cr_assert(strstr(err, "no sources"), "%s", err);
	free(err);
}

Test(fetch_cli, a_clean_run_exits_0_with_both_summaries)
{
	char args[256];
	char *out, *err;

	snprintf(args, sizeof args, "crawl --allow-private --delay 0 --summary-json %s",
		 tsrv_url(srv, "/feed.xml"));
	cr_assert_eq(run(args), 0);
	out = slurp("out");
	err = slurp("err");
	cr_assert_eq(json_int(out, "sources"), 1);
	cr_assert_eq(json_int(out, "pages_fetched"), NPAGES);
	cr_assert_eq(json_int(out, "new_articles"), NPAGES);
	cr_assert_eq(json_int(out, "errors"), 0);
	json_int(out, "not_modified");
	json_int(out, "duplicates");
	json_int(out, "new_claims");
	json_int(out, "seconds");
	cr_assert(strncmp(last_line(err), "assay: crawl:", 13) == 0, "%s", err);
	cr_assert_null(strchr(err, '\r'), "no progress line off a terminal");
	free(out);
	free(err);
}

Test(fetch_cli, a_failed_page_exits_1_and_stores_the_rest)
{
	char args[256];
	char *out;

	snprintf(args, sizeof args, "crawl --allow-private --delay 0 --retries 1 --summary-json %s %s",
		 tsrv_url(srv, "/a"), tsrv_url(srv, "/e500"));
	cr_assert_eq(run(args), 1);
	out = slurp("out");
	cr_assert_eq(json_int(out, "errors"), 1);
	cr_assert_eq(json_int(out, "new_articles"), 1);
	free(out);
}

Test(fetch_cli, robots_rules_and_crawl_delay_hold_on_a_live_host)
{
	char args[512];
	struct tsrv *rs = tsrv_start(robots_routes);
	char *out;

	cr_assert(rs);
	/* The site root brings its robots.txt sitemap: /a and /private/b. */
	snprintf(args, sizeof args, "crawl --allow-private --delay 0 --summary-json %s %s",
		 tsrv_url(rs, "/"), tsrv_url(rs, "/c"));
	cr_assert_eq(run(args), 0);
	out = slurp("out");
	cr_assert_eq(tsrv_hits(rs, "/private/b"), 0, "disallowed");
	cr_assert_eq(tsrv_hits(rs, "/a"), 1);
	cr_assert_eq(tsrv_hits(rs, "/c"), 1);
	cr_assert_eq(tsrv_hits(rs, "/robots.txt"), 1);
	cr_assert_geq(tsrv_min_gap(rs), 0.4, "Crawl-delay kept: %.3f", tsrv_min_gap(rs));
	free(out);
	/* A second run trusts the cached robots.txt. */
	cr_assert_eq(run(args), 0);
	cr_assert_eq(tsrv_hits(rs, "/robots.txt"), 1);
	tsrv_stop(rs);
}

Test(fetch_cli, a_second_crawl_on_a_locked_store_exits_2)
{
	char args[256], cmd[1024];
	pid_t pid;
	int st;

	snprintf(args, sizeof args, "crawl --allow-private --delay 0 --timeout 20 %s",
		 tsrv_url(srv, "/drip"));
	pid = fork();
	if (pid == 0) {
		snprintf(cmd, sizeof cmd, "%s/db", dir);
		execl(getenv("ASSAY_BIN"), "assay", "--db", cmd, "--quiet", "crawl", "--allow-private",
		      "--delay", "0", "--timeout", "20", tsrv_url(srv, "/drip"), (char *)NULL);
		_exit(127);
	}
	/* Until the first crawl is under way (it has asked for robots.txt). */
	for (int i = 0; i < 100 && tsrv_hits(srv, "/drip") == 0; i++)
		usleep(50000);
	cr_assert_eq(run(args), 2);
	char *err = slurp("err");
	cr_assert(strstr(err, "locked"), "%s", err);
	free(err);
	kill(pid, SIGTERM);
	waitpid(pid, &st, 0);
}

Test(fetch_cli, a_run_killed_with_sigkill_resumes_and_stores_every_page_once)
{
	char db[128], url[128], *out;
	pid_t pid;
	int st;

	snprintf(db, sizeof db, "%s/db", dir);
	snprintf(url, sizeof url, "%s", tsrv_url(srv, "/feed.xml"));
	pid = fork();
	if (pid == 0) {
		execl(getenv("ASSAY_BIN"), "assay", "--db", db, "--quiet", "crawl", "--allow-private",
		      "--delay", "0.05", url, (char *)NULL);
		_exit(127);
	}
	/* Let it store a few pages, then kill it without warning. */
	for (int i = 0; i < 200 && tsrv_hits(srv, "/n/10") == 0; i++)
		usleep(20000);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	cr_assert(WIFSIGNALED(st), "killed mid-run");
	cr_assert_lt(tsrv_hits(srv, "/n/39"), 1, "killed before the end");
	/* cron runs the same command again */
	char again[256];
	snprintf(again, sizeof again, "crawl --allow-private --delay 0 --summary-json %s", url);
	cr_assert_eq(run(again), 0, "the next run finishes");
	cr_assert_eq(run("export articles --format jsonl"), 0);
	out = slurp("out");
	for (int i = 0; i < NPAGES; i++) {
		char needle[128];
		snprintf(needle, sizeof needle, "\"url\":\"%s\"", tsrv_url(srv, paths[i]));
		cr_assert_eq(count_lines_with(out, needle), 1, "page %d stored once", i);
	}
	for (int i = 0; i < NPAGES; i++)
		cr_assert_leq(tsrv_hits(srv, paths[i]), 2, "%s fetched at most twice", paths[i]);
	free(out);
}

struct warc_count {
	int responses, all;
	int64_t last;
};

static int count_record(void *ctx, const struct assay_warc_record *r)
{
	struct warc_count *w = ctx;

	w->all += strcmp(r->type, "response") == 0;
	if (strcmp(r->type, "response") == 0 && r->http_status == 200) {
		w->responses++;
		w->last = r->offset;
	}
	return 0;
}

Test(fetch_cli, warc_holds_every_response)
{
	char args[512], path[128];
	struct warc_count w = {0};

	snprintf(path, sizeof path, "%s/crawl.warc.gz", dir);
	snprintf(args, sizeof args, "crawl --allow-private --delay 0 --warc '%s' %s", path,
		 tsrv_url(srv, "/feed.xml"));
	cr_assert_eq(run(args), 0);
	cr_assert_eq(assay_warc_read(path, 1u << 20, count_record, &w, NULL), ASSAY_OK);
	/* the feed and every page (robots.txt is a 404 here, also kept) */
	cr_assert_eq(w.responses, NPAGES + 1, "%d responses", w.responses);
	cr_assert_eq(w.all, NPAGES + 2, "%d responses of any status", w.all);
	cr_assert_gt(w.last, 0);
}

Test(fetch_cli, wait_queues_behind_a_running_crawl)
{
	char db[128], args[256];
	pid_t pid;
	int st;

	snprintf(db, sizeof db, "%s/db", dir);
	pid = fork();
	if (pid == 0) {
		execl(getenv("ASSAY_BIN"), "assay", "--db", db, "--quiet", "crawl", "--allow-private",
		      "--delay", "0", "--timeout", "1.5", "--retries", "0", tsrv_url(srv, "/drip"),
		      (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100 && tsrv_hits(srv, "/drip") == 0; i++)
		usleep(50000);
	snprintf(args, sizeof args,
		 "crawl --allow-private --delay 0 --timeout 1.5 --retries 0 --summary-json --wait %s",
		 tsrv_url(srv, "/a"));
	/* It waits for the first crawl, then runs: its own page, and the
	 * first crawl's failed page, kept in the frontier, fails again. */
	cr_assert_eq(run(args), 1);
	waitpid(pid, &st, 0);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "the first crawl ended, its page failed");
	char *out = slurp("out");
	cr_assert_eq(json_int(out, "new_articles"), 1);
	cr_assert_eq(json_int(out, "errors"), 1);
	cr_assert_eq(tsrv_hits(srv, "/drip"), 2, "tried once by each run");
	free(out);
}

Test(fetch_cli, sigterm_stops_soon_keeps_the_rest_and_exits_1)
{
	char db[128], url[128], again[256], *out;
	struct timespec t0, t1;
	pid_t pid;
	int st;

	snprintf(db, sizeof db, "%s/db", dir);
	snprintf(url, sizeof url, "%s", tsrv_url(srv, "/feed.xml"));
	pid = fork();
	if (pid == 0) {
		execl(getenv("ASSAY_BIN"), "assay", "--db", db, "--quiet", "crawl", "--allow-private",
		      "--delay", "0.2", url, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 200 && tsrv_hits(srv, "/n/3") == 0; i++)
		usleep(20000);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	kill(pid, SIGTERM);
	waitpid(pid, &st, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "stopped, not killed, and says so");
	cr_assert_lt((double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, 2.5);
	cr_assert_lt(tsrv_hits(srv, "/n/39"), 1);
	snprintf(again, sizeof again, "crawl --allow-private --delay 0 --summary-json %s", url);
	cr_assert_eq(run(again), 0);
	cr_assert_eq(run("export articles --format jsonl"), 0);
	out = slurp("out");
	cr_assert_eq(count_lines_with(out, "\"url\":"), NPAGES, "every page stored once");
	free(out);
	/* A transfer cut by the signal is fetched again; nothing else is. */
	unsigned twice = 0;
	for (int i = 0; i < NPAGES; i++) {
		cr_assert_leq(tsrv_hits(srv, paths[i]), 2, "%s", paths[i]);
		twice += tsrv_hits(srv, paths[i]) == 2;
	}
	cr_assert_leq(twice, 1);
}

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

Test(fetch_cli, crawls_a_sources_file_and_the_default_one)
{
	char text[512];
	char *out;

	snprintf(text, sizeof text, "# news\n\n%s delay=0 ua=\"assay-test (+https://example.org)\"  # fast\n",
		 tsrv_url(srv, "/feed.xml"));
	write_file("mine.txt", text);
	cr_assert_eq(run("crawl --allow-private --summary-json --sources mine.txt"), 0);
	out = slurp("out");
	cr_assert_eq(json_int(out, "sources"), 1);
	cr_assert_eq(json_int(out, "new_articles"), NPAGES);
	free(out);
	/* With no sources at all, ./sources.txt is the list. */
	snprintf(text, sizeof text, "%s delay=0\n", tsrv_url(srv, "/a"));
	write_file("sources.txt", text);
	cr_assert_eq(run("crawl --allow-private --summary-json"), 0);
	out = slurp("out");
	cr_assert_eq(json_int(out, "new_articles"), 1);
	free(out);
}

/* `clean -u` and `extract -u`: one page through the crawler's transfer
 * code, its limits and guards; each failure said with the URL. */
Test(fetch_cli, clean_and_extract_fetch_one_page_by_url)
{
	static const struct {
		const char *path, *cmd;
		int status;
		const char *want; /* on stdout when status is 0, else on stderr */
	} cases[] = {
		{"/n/0", "clean", 0, "produced 1000 tonnes of neodymium"},
		{"/moved", "clean --json", 0, "\"text\":\"Mine 1 produced 1007 tonnes"},
		{"/n/2", "extract", 0, "\"value\":1014"},
		{"/nope", "clean", 1, "/nope: HTTP 404\n"},
		{"/logo.png", "extract", 1, "/logo.png: content type 'image/png' refused\n"},
		{"/dump", "clean", 1, "/dump: not HTML (JSON), skipped\n"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char args[512], *out, *err;

		snprintf(args, sizeof args, "%s --allow-private -u %s", cases[i].cmd,
			 tsrv_url(srv, cases[i].path));
		cr_assert_eq(run(args), cases[i].status, "%s", args);
		out = slurp("out");
		err = slurp("err");
		if (cases[i].status == 0) {
			cr_assert_not_null(strstr(out, cases[i].want), "%s: %s", args, out);
			cr_assert_str_eq(err, "", "%s", args);
		} else {
			cr_assert_str_eq(out, "", "%s", args);
			cr_assert(strstr(err, tsrv_url(srv, cases[i].path)) == err + 7 &&
					  strstr(err, cases[i].want),
				  "%s: %s", args, err);
		}
		free(out);
		free(err);
	}
}

Test(fetch_cli, clean_by_url_keeps_the_crawlers_guards)
{
	struct tsrv *rs = tsrv_start(robots_routes);
	char args[512], *err;

	cr_assert(rs);
	/* robots.txt is read first and obeyed */
	snprintf(args, sizeof args, "clean --allow-private -u %s", tsrv_url(rs, "/private/b"));
	cr_assert_eq(run(args), 1);
	err = slurp("err");
	cr_assert_not_null(strstr(err, "/private/b: disallowed by robots.txt"), "%s", err);
	free(err);
	cr_assert_eq(tsrv_hits(rs, "/private/b"), 0);
	cr_assert_eq(tsrv_hits(rs, "/robots.txt"), 1);
	/* a loopback address only when allowed */
	snprintf(args, sizeof args, "clean -u %s", tsrv_url(rs, "/a"));
	cr_assert_eq(run(args), 1);
	err = slurp("err");
	cr_assert_not_null(strstr(err, "private address refused (use --allow-private)"), "%s", err);
	free(err);
	cr_assert_eq(tsrv_hits(rs, "/a"), 0);
	/* a file is named as a file, not as a URL */
	cr_assert_eq(run("clean -u file:///etc/hostname"), 1);
	err = slurp("err");
	cr_assert_not_null(strstr(err, "file:///etc/hostname: not an http or https URL"), "%s", err);
	free(err);
	tsrv_stop(rs);
}

/* A host whose robots.txt fails: nothing may be fetched from it. */
static const struct route robots_down_routes[] = {
	{"/robots.txt", 503, "text/plain", "down", NULL, R_PLAIN},
	{"/feed.xml", 200, "application/rss+xml", "<rss version=\"2.0\"><channel></channel></rss>",
	 NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

/* Each way a source can fail is said as such, with the source it
 * concerns, and counted: exit status 1, "errors" in both summaries. */
Test(fetch_cli, each_failure_is_named_with_its_source)
{
	struct tsrv *down = tsrv_start(robots_down_routes);
	char tls[128], refused[64], nohost[] = "http://no-such-host.invalid/feed.xml";
	char feed404[128], gone[300];
	struct {
		const char *source, *opts, *why;
	} cases[] = {
		{refused, "", "connection refused; kept for the next run"},
		{nohost, "", "name not resolved; kept for the next run"},
		{tls, "", "TLS failure: "},
		{tsrv_url(srv, "/nope"), "", "HTTP 404\n"},
		{tsrv_url(srv, "/drip"), "--timeout 1", "timeout: no complete answer within 1 s"},
		{tsrv_url(down, "/feed.xml"), "", "robots.txt unreachable: HTTP 503; kept for the next run"},
		{feed404, "", NULL}, /* a feed's item: its own URL, then its source */
	};

	cr_assert(down);
	snprintf(refused, sizeof refused, "http://127.0.0.1:1/feed.xml");
	snprintf(tls, sizeof tls, "https://127.0.0.1:%u/feed.xml", tsrv_port(srv));
	snprintf(feed404, sizeof feed404, "%s", tsrv_url(srv, "/feed404.xml"));
	snprintf(gone, sizeof gone, "%s: HTTP 404 (source %s)", tsrv_url(srv, "/gone"), feed404);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char args[512], want[512], *err, *out;

		/* a fresh store each time: a failed source waits in the last one */
		snprintf(args, sizeof args, "rm -rf '%s/db'", dir);
		cr_assert_eq(system(args), 0);
		snprintf(args, sizeof args,
			 "crawl --allow-private --delay 0 --retries 0 --summary-json %s '%s'",
			 cases[i].opts, cases[i].source);
		cr_assert_eq(run(args), 1, "%s", args);
		err = slurp("err");
		out = slurp("out");
		if (cases[i].why)
			snprintf(want, sizeof want, "assay: %s: %s", cases[i].source, cases[i].why);
		else
			snprintf(want, sizeof want, "assay: %s\n", gone);
		cr_assert_not_null(strstr(err, want), "no '%s' in:\n%s", want, err);
		cr_assert_eq(json_int(out, "errors"), 1, "%s", out);
		cr_assert_not_null(strstr(last_line(err), ", 1 errors in"), "%s", err);
		free(err);
		free(out);
	}
	tsrv_stop(down);
}

Test(fetch_cli, a_source_that_yields_nothing_warns)
{
	char args[256], *err;

	snprintf(args, sizeof args, "crawl --allow-private --delay 0 %s", tsrv_url(srv, "/empty.xml"));
	cr_assert_eq(run(args), 0);
	err = slurp("err");
	cr_assert_not_null(strstr(err, "the feed has no items: nothing to fetch"), "%s", err);
	free(err);
	/* a feed with items says nothing of the kind */
	snprintf(args, sizeof args, "crawl --allow-private --delay 0 %s", tsrv_url(srv, "/feed.xml"));
	cr_assert_eq(run(args), 0);
	err = slurp("err");
	cr_assert_null(strstr(err, "nothing to fetch"), "%s", err);
	free(err);
}

/* Every count of the JSON summary that is not zero is in the line for
 * people, under a name people read. */
Test(fetch_cli, the_summary_for_people_counts_what_the_json_counts)
{
	static const struct {
		const char *key, *words;
	} names[] = {
		{"skipped_known", "already stored"}, {"too_old", "too old"},
		{"robots_denied", "refused by robots.txt"}, {"deferred", "left for the next run"},
		{"retries", "retries"}, {"not_modified", "not modified"},
		{"errors", "errors"}, {"new_articles", "new articles"},
		{"dropped", "not queued"}, {"records_skipped", "WARC records not pages"},
	};
	struct tsrv *rs = tsrv_start(robots_routes);
	char args[512];
	unsigned seen = 0;

	cr_assert(rs);
	/* robots denials; pages left for the next run; already stored */
	for (int pass = 0; pass < 3; pass++) {
		snprintf(args, sizeof args, "crawl --allow-private --delay 0 --summary-json %s",
			 pass == 1 ? "--max-pages 1 " : "");
		strcat(args, tsrv_url(pass == 1 ? srv : rs, pass == 1 ? "/feed.xml" : "/sitemap.xml"));
		cr_assert_lt(run(args), 2);
		char *out = slurp("out"), *err = slurp("err");
		const char *line = last_line(err);

		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			long v = json_int(out, names[i].key);
			char want[96];

			if (!v)
				continue;
			seen |= 1u << i;
			snprintf(want, sizeof want, "%ld %s", v, names[i].words);
			cr_assert_not_null(strstr(line, want), "'%s' not in: %s\n(json %s)", want,
					   line, out);
		}
		free(out);
		free(err);
	}
	cr_assert(seen & 1u, "no run had articles already stored");
	cr_assert(seen & 4u, "no run had robots denials");
	cr_assert(seen & 8u, "no run left pages for the next");
	tsrv_stop(rs);
}
