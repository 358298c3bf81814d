/* test_serve_http.c - `assay serve` over HTTP, as a browser or an attacker
 * would talk to it: the session, the Host and Origin checks, the form
 * token, the security headers, decisions stored by POST, and scraped
 * markup shown as text.
 *
 * Each test builds a store from tests/data/serve_fixture.jsonl (hand-made
 * claims, one hostile article), starts the real binary ($ASSAY_BIN) on a
 * free port, and stops it afterwards. */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "buf.h"
#include "file.h"
#include "store.h"
#include "store_util.h"

static char *dir;
static pid_t server;
static unsigned port;
static char token[80];
static const char *server_log; /* when set: the server's stderr, not --quiet */

/* Puts the articles of tests/data/@name into the store. */
static void add_articles(const char *name)
{
	char path[4096];
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	struct assay_store *s;
	json_t **lines;
	size_t n;

	snprintf(path, sizeof path, "%s/tests/data/%s", root ? root : ".", name);
	n = read_jsonl(path, &lines);
	cr_assert_geq(n, 2, "cannot read %s", path);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	for (size_t i = 0; i < n; i++) {
		struct test_article t;
		struct assay_put_result r;

		cr_assert(test_article_from_json(lines[i], &t));
		t.a.title = json_string_value(json_object_get(lines[i], "article"));
		t.a.site = json_string_value(json_object_get(lines[i], "site"));
		cr_assert_eq(assay_store_put_article(s, &t.a, &r), ASSAY_OK, "%s",
			     assay_store_errmsg(s));
		test_article_release(&t);
		json_decref(lines[i]);
	}
	free(lines);
	assay_store_close(s);
}

static void build_store(void)
{
	add_articles("serve_fixture.jsonl");
}

/* Runs `assay ARGS...` (@args NULL-terminated) with its stdout on a pipe
 * and its stderr in the file @log unless NULL; its first line of output
 * in @line. Returns its pid. */
static pid_t spawn_assay(const char *const *args, const char *log, char *line, size_t size)
{
	const char *bin = getenv("ASSAY_BIN"), *argv[16] = {bin};
	int fds[2];
	struct pollfd p;
	size_t n = 0, k = 1;
	pid_t pid;

	cr_assert_not_null(bin, "ASSAY_BIN is not set");
	for (; args[k - 1] && k + 1 < sizeof argv / sizeof argv[0]; k++)
		argv[k] = args[k - 1];
	cr_assert_eq(pipe(fds), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		if (log) {
			int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);

			if (fd < 0 || dup2(fd, 2) < 0)
				_exit(127);
		}
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	p = (struct pollfd){fds[0], POLLIN, 0};
	while (n + 1 < size && poll(&p, 1, 10000) == 1 && read(fds[0], line + n, 1) == 1 &&
	       line[n] != '\n')
		n++;
	line[n] = '\0';
	close(fds[0]);
	return pid;
}

/* Starts the server (with --token-file @token_file unless NULL) and reads
 * the URL from its first line of output. */
static void start_server_with(const char *token_file)
{
	const char *quiet[] = {"--quiet", "--db", dir, "serve", "--port", "0",
			       token_file ? "--token-file" : NULL, token_file, NULL};
	const char *logged[] = {"--db", dir, "serve", "--port", "0", NULL};
	char line[256];

	server = spawn_assay(server_log ? logged : quiet, server_log, line, sizeof line);
	cr_assert(sscanf(line, "http://127.0.0.1:%u/?token=%79s", &port, token) == 2,
		  "first line is not the URL: '%s'", line);
}

static void start_server(void)
{
	start_server_with(NULL);
}

static void stop_server(void)
{
	kill(server, SIGTERM);
	waitpid(server, NULL, 0);
	server = 0;
}

static void setup(void)
{
	dir = tmp_store_dir();
	build_store();
	start_server();
}

static void teardown(void)
{
	if (server > 0)
		stop_server();
	rm_tree(dir);
	free(dir);
}

TestSuite(serve_http, .init = setup, .fini = teardown);

static const char *editor_cookie; /* "assay_editor=..." sent with the session */

struct reply {
	long status;
	struct assay_buf body, headers;
};

static size_t on_data(char *p, size_t size, size_t n, void *ctx)
{
	assay_buf_append(ctx, p, size * n);
	return size * n;
}

/* One request to @url. @headers: NULL-terminated "Name: value" list;
 * @cookie (unless NULL) is sent; @body makes it a POST. */
static void http_to(const char *url, const char *const *headers, const char *cookie,
		    const char *body, struct reply *r)
{
	CURL *c = curl_easy_init();
	struct curl_slist *h = NULL;

	memset(r, 0, sizeof *r);
	for (size_t i = 0; headers && headers[i]; i++)
		h = curl_slist_append(h, headers[i]);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	if (cookie)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (body)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	cr_assert_eq(curl_easy_perform(c), CURLE_OK, "request to %s failed", url);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	if (!r->body.data)
		assay_buf_puts(&r->body, "");
	if (!r->headers.data)
		assay_buf_puts(&r->headers, "");
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
}

/* One request to the server on 127.0.0.1; @cookie adds the session
 * cookie (and the editor's). */
static void http(const char *path, const char *const *headers, bool cookie,
		 const char *body, struct reply *r)
{
	char url[600], ck[256]; /* "http://127.0.0.1:PORT" and a path of up to 511 bytes */

	snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, path);
	snprintf(ck, sizeof ck, "assay_session_%u=%s%s%s", port, token,
		 editor_cookie ? "; " : "", editor_cookie ? editor_cookie : "");
	http_to(url, headers, cookie ? ck : NULL, body, r);
}

static void reply_release(struct reply *r)
{
	assay_buf_release(&r->body);
	assay_buf_release(&r->headers);
}

/* The form token written into the page's forms. */
static void form_token_of(const char *html, char *out, size_t size)
{
	const char *at = strstr(html, "name=\"token\" value=\"");

	cr_assert_not_null(at, "no form token in the page");
	at += strlen("name=\"token\" value=\"");
	snprintf(out, size, "%.*s", (int)strcspn(at, "\""), at);
}

/* The id of the row after @id on the queue page @path. */
static void row_after(const char *path, const char *id, char *next, size_t size)
{
	struct reply r;
	char at[32];
	const char *p;

	http(path, NULL, true, NULL, &r);
	snprintf(at, sizeof at, "<tr data-id=\"%s\"", id);
	p = strstr(r.body.data, at);
	cr_assert_not_null(p, "%s is not in %s", id, path);
	p = strstr(p + 1, "<tr data-id=\"");
	cr_assert_not_null(p, "%s is last in %s", id, path);
	snprintf(next, size, "%.*s", (int)strcspn(p + 13, "\""), p + 13);
	reply_release(&r);
}

/* The form token of claim @id's page. */
static void page_token(const char *id, char *out, size_t size)
{
	char path[64];
	struct reply r;

	snprintf(path, sizeof path, "/claim/%s?state=any", id);
	http(path, NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	form_token_of(r.body.data, out, size);
	reply_release(&r);
}

/* The id of the queue row (state any) whose text holds @needle. */
static void claim_with(const char *needle, char *id, size_t size)
{
	struct reply r;
	const char *row, *hit;

	http("/?state=any", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	hit = strstr(r.body.data, needle);
	cr_assert_not_null(hit, "no claim shows '%s'", needle);
	for (row = hit; row > r.body.data && strncmp(row, "<tr data-id=\"", 13); row--)
		;
	cr_assert(strncmp(row, "<tr data-id=\"", 13) == 0);
	snprintf(id, size, "%.*s", (int)strcspn(row + 13, "\""), row + 13);
	reply_release(&r);
}

Test(serve_http, foreign_host_is_refused)
{
	const char *evil[] = {"Host: evil.example", NULL};
	char other[64];
	const char *wrong_port[] = {other, NULL};
	struct reply r;

	http("/", evil, true, NULL, &r);
	cr_expect_eq(r.status, 403);
	cr_expect_null(strstr(r.body.data, "<table"), "a refused page shows no data");
	reply_release(&r);
	snprintf(other, sizeof other, "Host: 127.0.0.1:%u", port + 1);
	http("/", wrong_port, true, NULL, &r);
	cr_expect_eq(r.status, 403);
	reply_release(&r);
	http("/", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 200);
	reply_release(&r);
}

Test(serve_http, pages_need_the_session_that_the_printed_url_opens)
{
	char path[160];
	struct reply r;

	http("/", NULL, false, NULL, &r);
	cr_expect_eq(r.status, 403);
	reply_release(&r);
	http("/?token=0123456789abcdef0123456789abcdef", NULL, false, NULL, &r);
	cr_expect_eq(r.status, 403, "a wrong token opens nothing");
	reply_release(&r);
	snprintf(path, sizeof path, "/?token=%s", token);
	http(path, NULL, false, NULL, &r);
	cr_expect_eq(r.status, 303);
	cr_expect_not_null(strstr(r.headers.data, "assay_session_"));
	cr_expect_not_null(strstr(r.headers.data, "HttpOnly"));
	cr_expect_not_null(strstr(r.headers.data, "SameSite=Strict"));
	reply_release(&r);
	http("/app.js", NULL, false, NULL, &r);
	cr_expect_eq(r.status, 200, "the script is public and carries no data");
	reply_release(&r);
	snprintf(path, sizeof path, "//evil.example/?token=%s", token);
	http(path, NULL, false, NULL, &r);
	cr_expect_eq(r.status, 303);
	cr_expect_not_null(strstr(r.headers.data, "Location: /\r\n"), "never sent off-site: %s",
			   r.headers.data);
	reply_release(&r);
	snprintf(path, sizeof path, "/x%%0d%%0aSet-Cookie:%%20evil=1?token=%s", token);
	http(path, NULL, false, NULL, &r);
	cr_expect_null(strstr(r.headers.data, "evil=1"), "no header injection: %s", r.headers.data);
	reply_release(&r);
}

Test(serve_http, every_response_carries_the_security_headers)
{
	static const char *const paths[] = {"/", "/conflicts", "/articles", "/app.css", "/nope"};
	struct reply r;

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		http(paths[i], NULL, true, NULL, &r);
		cr_expect_not_null(strstr(r.headers.data,
					  "Content-Security-Policy: default-src 'self'"), "%s", paths[i]);
		cr_expect_not_null(strstr(r.headers.data, "X-Content-Type-Options: nosniff"));
		reply_release(&r);
	}
	http("/", NULL, false, NULL, &r);
	cr_expect_not_null(strstr(r.headers.data, "Content-Security-Policy: default-src 'self'"),
			   "refusals too");
	reply_release(&r);
}

/* POSTs @action on claim @id and returns the status. */
static long post_review(const char *id, const char *form, const char *const *headers,
			struct reply *r)
{
	char path[64];

	snprintf(path, sizeof path, "/claim/%s/review", id);
	http(path, headers, true, form, r);
	return r->status;
}

static bool claim_page_has(const char *id, const char *needle)
{
	char path[64];
	struct reply r;
	bool hit;

	snprintf(path, sizeof path, "/claim/%s?state=any", id);
	http(path, NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200, "%s", path);
	hit = strstr(r.body.data, needle) != NULL;
	reply_release(&r);
	return hit;
}

Test(serve_http, cross_site_and_tokenless_posts_are_refused)
{
	const char *foreign[] = {"Origin: http://evil.example", NULL};
	const char *cross[] = {"Sec-Fetch-Site: cross-site", NULL};
	char id[16], form[128], tok[80];
	struct reply r;

	claim_with("90%", id, sizeof id);
	page_token(id, tok, sizeof tok);
	snprintf(form, sizeof form, "token=%s&action=accept", tok);
	cr_expect_eq(post_review(id, form, foreign, &r), 403);
	reply_release(&r);
	cr_expect_eq(post_review(id, form, cross, &r), 403);
	reply_release(&r);
	cr_expect_eq(post_review(id, "action=accept", NULL, &r), 403, "no form token");
	reply_release(&r);
	cr_expect_eq(post_review(id, "token=00&action=accept", NULL, &r), 403, "wrong token");
	reply_release(&r);
	cr_expect(claim_page_has(id, "state state-pending"), "nothing was stored");
}

Test(serve_http, decisions_are_stored_and_lead_to_the_next_claim)
{
	const char *same[] = {"Origin: http://127.0.0.1", NULL}; /* set below */
	char id[16], next[16], form[256], tok[80], origin[64], where[64];
	struct reply r;

	snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", port);
	same[0] = origin;
	claim_with("85%", id, sizeof id);
	row_after("/?state=pending", id, next, sizeof next);
	page_token(id, tok, sizeof tok);
	snprintf(form, sizeof form, "token=%s&action=accept&state=pending", tok);
	cr_assert_eq(post_review(id, form, same, &r), 303);
	snprintf(where, sizeof where, "Location: /claim/%s?", next);
	cr_expect_not_null(strstr(r.headers.data, where), "on to the next claim: %s", r.headers.data);
	cr_expect_not_null(strstr(r.headers.data, "did=accepted"));
	reply_release(&r);
	cr_expect(claim_page_has(id, "state state-accepted"));

	snprintf(form, sizeof form, "token=%s&action=correct&value=1.2+million&unit=t", tok);
	claim_with("694 million t", id, sizeof id);
	cr_assert_eq(post_review(id, form, same, &r), 303);
	reply_release(&r);
	cr_expect(claim_page_has(id, "1.2 million t"));
	cr_expect(claim_page_has(id, "state state-corrected"));

	snprintf(form, sizeof form, "token=%s&action=reject&reason=", tok);
	claim_with("86,000 t", id, sizeof id);
	cr_assert_eq(post_review(id, form, same, &r), 303);
	cr_expect_not_null(strstr(r.headers.data, "error=reason"), "a rejection needs a reason");
	reply_release(&r);
	cr_expect(claim_page_has(id, "state state-pending"));
	snprintf(form, sizeof form, "token=%s&action=reject&reason=%%3Cb%%3Ewrong%%3C%%2Fb%%3E+year", tok);
	cr_assert_eq(post_review(id, form, same, &r), 303);
	reply_release(&r);
	cr_expect(claim_page_has(id, "&lt;b&gt;wrong&lt;/b&gt; year"), "the reason is shown as text");
}

Test(serve_http, scraped_markup_is_shown_as_text)
{
	char id[16], path[64];
	struct reply r;

	claim_with("86,000 t", id, sizeof id);
	snprintf(path, sizeof path, "/claim/%s?state=any", id);
	http(path, NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "&lt;img src=x onerror="));
	cr_expect_not_null(strstr(r.body.data, "&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
	cr_expect_null(strstr(r.body.data, "<img"));
	cr_expect_null(strstr(r.body.data, "<script>"));
	cr_expect_null(strstr(r.body.data, "href=\"https://evil.example/lithium?x=\"><script>"),
		       "an attribute is never closed by a scraped quote");
	reply_release(&r);
	http("/articles", NULL, true, NULL, &r);
	cr_expect_null(strstr(r.body.data, "<script>"));
	cr_expect_not_null(strstr(r.body.data, "&lt;script&gt;document.title="));
	reply_release(&r);
}

Test(serve_http, conflicts_are_drawn_one_chart_per_group)
{
	struct reply r;
	const char *at;
	char path[64];
	size_t charts = 0, timelines = 0;

	http("/conflicts", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	for (at = r.body.data; (at = strstr(at, "<svg")); at++) {
		charts += strncmp(at, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"", 53) == 0;
		timelines += strncmp(at, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"", 56) == 0;
	}
	cr_expect_eq(charts, 2, "refining share and lithium output disagree");
	cr_expect_eq(timelines, 1, "the CN-TR deal changed status");
	at = strstr(r.body.data, "href=\"/conflict/");
	cr_assert_not_null(at);
	snprintf(path, sizeof path, "%.*s", (int)strcspn(at + 6, "\""), at + 6);
	reply_release(&r);
	http(path, NULL, true, NULL, &r);
	cr_expect_eq(r.status, 200, "%s", path);
	cr_expect_not_null(strstr(r.body.data, "<svg"));
	cr_expect_not_null(strstr(r.body.data, "What each source says"));
	reply_release(&r);
}

Test(serve_http, oversized_forms_and_unknown_pages_are_answered_plainly)
{
	char *big = malloc(100000);
	struct reply r;

	memset(big, 'x', 99999);
	big[99999] = '\0';
	memcpy(big, "reason=", 7);
	cr_expect_eq(post_review("abcdefgh", big, NULL, &r), 413);
	reply_release(&r);
	free(big);
	http("/claim/zzzzzzzz", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 404);
	reply_release(&r);
	http("/claim/..%2F..%2Fetc", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 404);
	reply_release(&r);
}

/* ---- assay review --next, driven through a pipe ------------------------ */

static void setup_store_only(void)
{
	dir = tmp_store_dir();
	build_store();
	server = 0;
}

TestSuite(review_next, .init = setup_store_only, .fini = teardown);

struct states {
	size_t n[4]; /* pending accepted rejected corrected */
	char reason[256];
};

static void count_review(void *ctx, const struct assay_review *r)
{
	static const char *const names[] = {"pending", "accepted", "rejected", "corrected"};
	struct states *st = ctx;

	for (size_t i = 0; i < 4; i++)
		if (!strcmp(r->state, names[i]))
			st->n[i]++;
	if (!strcmp(r->state, "rejected"))
		snprintf(st->reason, sizeof st->reason, "%s", r->reason);
}


/* Runs `assay review --next` with @answers on its standard input; returns
 * its exit status and its output in @out. */
static int run_next(const char *answers, struct assay_buf *out)
{
	char in_path[4200], out_path[4200], cmd[9000];
	FILE *f;
	int status;

	snprintf(in_path, sizeof in_path, "%s.in", dir);
	snprintf(out_path, sizeof out_path, "%s.out", dir);
	f = fopen(in_path, "w");
	cr_assert_not_null(f);
	fputs(answers, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' review --next < '%s' > '%s'",
		 getenv("ASSAY_BIN"), dir, in_path, out_path);
	status = system(cmd);
	cr_assert_eq(assay_read_file(out_path, 1 << 20, out), ASSAY_OK);
	unlink(in_path);
	unlink(out_path);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Test(review_next, walks_pending_claims_and_stores_each_answer)
{
	struct assay_buf out = {0};
	struct states st = {0};

	/* accept; reject without reason (asked again), then with one;
	 * correct with a typo (asked again), then 1.2 million t; skip; quit */
	cr_assert_eq(run_next("a\nr\n\nr\nsame story counted twice\nc\nabc\nc\n1.2 million\nt\ns\nq\n",
			      &out), 0);
	cr_expect_not_null(strstr(out.data, "a rejection needs a reason"));
	cr_expect_not_null(strstr(out.data, "that is not a number"));
	cr_expect_not_null(strstr(out.data, "1 accepted, 1 rejected, 1 corrected, 1 skipped"));
	cr_assert_eq(store_each_review(dir, count_review, &st), ASSAY_OK);
	cr_expect_eq(st.n[1], 1);
	cr_expect_eq(st.n[2], 1);
	cr_expect_eq(st.n[3], 1);
	cr_expect_str_eq(st.reason, "same story counted twice");
	assay_buf_release(&out);
}

Test(review_next, scraped_text_cannot_send_terminal_commands)
{
	struct assay_buf out = {0};

	cr_assert_eq(run_next("s\ns\ns\ns\ns\ns\ns\ns\ns\ns\ns\n", &out), 0);
	cr_expect_not_null(strstr(out.data, "86,000"), "the hostile claim was shown");
	cr_expect_not_null(strstr(out.data, "\"> ]0;pwned"), "the text around the escape is shown");
	cr_expect_null(memchr(out.data, 0x1b, out.len), "no ESC reaches the terminal");
	cr_expect_null(memchr(out.data, 0x07, out.len), "no BEL reaches the terminal");
	assay_buf_release(&out);
}

Test(serve_http, a_decision_made_elsewhere_shows_in_the_queue)
{
	char id[16], cmd[8400], row[64];
	struct reply r;
	const char *at;

	claim_with("61,000 t", id, sizeof id); /* the server has its snapshot now */
	snprintf(cmd, sizeof cmd, "'%s' --quiet --db '%s' review %s reject --reason 'old figure'",
		 getenv("ASSAY_BIN"), dir, id);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	http("/?state=any", NULL, true, NULL, &r);
	snprintf(row, sizeof row, "<tr data-id=\"%s\"", id);
	at = strstr(r.body.data, row);
	cr_assert_not_null(at);
	cr_expect_not_null(strstr(at, "state state-rejected"), "the queue sees the terminal's decision");
	cr_expect(strstr(at, "state state-rejected") < strstr(at, "</tr>"));
	reply_release(&r);
}

Test(review_next, a_filter_too_long_to_keep_is_refused_not_cut)
{
	char site[300], cmd[9000];
	int status;

	memset(site, 's', sizeof site - 1);
	site[sizeof site - 1] = '\0';
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' review --next --site %s < /dev/null > /dev/null 2>&1",
		 getenv("ASSAY_BIN"), dir, site);
	status = system(cmd);
	cr_assert(WIFEXITED(status));
	cr_expect_eq(WEXITSTATUS(status), 2, "a cut --site would have filtered on another site");
	site[127] = '\0'; /* what fits is taken */
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' review --next --site %s < /dev/null > /dev/null 2>&1",
		 getenv("ASSAY_BIN"), dir, site);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Issue 21 #10: 70 connections that send half a request and then nothing
 * (slowloris) must not lock the editor out: the editor's page still comes. */
Test(serve_http, slow_half_requests_do_not_lock_the_editor_out)
{
	enum { SLOW = 70 };
	int fds[SLOW];
	struct sockaddr_in sa;
	char half[128];
	struct reply r;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	snprintf(half, sizeof half, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nX-Slow: ", port);
	for (int i = 0; i < SLOW; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		cr_assert_geq(fds[i], 0);
		cr_assert_eq(connect(fds[i], (struct sockaddr *)&sa, sizeof sa), 0);
		cr_assert_eq(write(fds[i], half, strlen(half)), (ssize_t)strlen(half));
	}
	usleep(300 * 1000); /* let the server accept them all */
	http("/", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 200);
	reply_release(&r);
	for (int i = 0; i < SLOW; i++)
		close(fds[i]);
}

/* ... and a connection that stops sending is closed after the idle timeout
 * (10 s; it was 30 s), so the slots it holds come back. */
Test(serve_http, a_silent_half_request_is_closed_after_the_idle_timeout, .timeout = 30)
{
	struct sockaddr_in sa;
	struct pollfd p;
	char half[128], c;
	int fd;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	snprintf(half, sizeof half, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n", port);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	cr_assert_geq(fd, 0);
	cr_assert_eq(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	cr_assert_eq(write(fd, half, strlen(half)), (ssize_t)strlen(half));
	p = (struct pollfd){fd, POLLIN, 0};
	cr_assert_eq(poll(&p, 1, 15000), 1, "still open after 15 s");
	cr_expect_leq(read(fd, &c, 1), 0, "closed without an answer");
	close(fd);
}

/* The value of response header @name ("Set-Cookie: ") up to ';' or the
 * line's end, or "" when absent. */
static void header_value(const char *headers, const char *name, char *out, size_t size)
{
	const char *at = strstr(headers, name);

	out[0] = '\0';
	if (at) {
		at += strlen(name);
		snprintf(out, size, "%.*s", (int)strcspn(at, ";\r\n"), at);
	}
}

Test(serve_http, the_session_key_survives_a_restart_and_is_kept_private)
{
	char path[4200], before[80], key[80] = "";
	struct stat st;
	struct reply r;
	FILE *f;

	snprintf(path, sizeof path, "%s/serve-session.key", dir);
	cr_assert_eq(stat(path, &st), 0, "the key is kept in the store folder");
	cr_expect_eq(st.st_mode & 0777, 0600, "only the editor may read it: %o", st.st_mode & 0777);
	f = fopen(path, "r");
	cr_assert_not_null(f);
	cr_assert_not_null(fgets(key, sizeof key, f));
	fclose(f);
	key[strcspn(key, "\n")] = '\0';
	cr_expect_str_eq(key, token);
	snprintf(before, sizeof before, "%s", token);
	stop_server();
	start_server();
	cr_expect_str_eq(token, before, "the same key after a restart");
	http("/", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 200, "the browser's cookie still opens the pages");
	reply_release(&r);
}

Test(serve_http, a_token_file_is_used_and_a_loose_or_bad_one_refused)
{
	static const char key[] = "0123456789abcdef0123456789abcdef";
	char path[4200], cmd[9000];
	int fd, status;

	stop_server();
	snprintf(path, sizeof path, "%s.key", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, key, sizeof key - 1), (ssize_t)sizeof key - 1);
	close(fd);
	start_server_with(path);
	cr_expect_str_eq(token, key, "the key of --token-file opens the session");
	stop_server();

	snprintf(cmd, sizeof cmd, "timeout 20 '%s' --quiet --db '%s' serve --port 0 --token-file '%s' "
		 "> /dev/null 2>&1", getenv("ASSAY_BIN"), dir, path);
	cr_assert_eq(chmod(path, 0644), 0);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 2, "a key others can read is refused");
	cr_assert_eq(chmod(path, 0600), 0);
	fd = open(path, O_WRONLY | O_TRUNC);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "not a key\n", 10), 10);
	close(fd);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 2, "a file without a key is refused");
	unlink(path);
}

/* The editor recorded with the newest decision on @id. */
static void last_editor(const char *id, char *who, size_t size)
{
	struct assay_review *h;
	struct assay_store *s;
	size_t n;

	cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK);
	cr_assert_eq(assay_store_review_history(s, id, &h, &n), ASSAY_OK);
	cr_assert_gt(n, 0, "no decision on %s", id);
	snprintf(who, size, "%s", h[n - 1].who);
	free(h);
	assay_store_close(s);
}

Test(serve_http, each_decision_records_the_editor_this_browser_named)
{
	char id[16], tok[80], form[512], cookie[256], who[64], want[64];
	struct reply r;

	claim_with("85%", id, sizeof id);
	cr_expect(claim_page_has(id, "Who decides in this browser?"), "the page asks for a name");
	page_token(id, tok, sizeof tok);

	snprintf(form, sizeof form, "token=%s&name=%%01x&back=/claim/%s", tok, id);
	http("/editor", NULL, true, form, &r);
	cr_expect_eq(r.status, 303);
	cr_expect_null(strstr(r.headers.data, "assay_editor="), "a control character is refused");
	cr_expect_not_null(strstr(r.headers.data, "editor_error=1"));
	reply_release(&r);
	snprintf(form, sizeof form, "name=Ana&back=/");
	http("/editor", NULL, true, form, &r);
	cr_expect_eq(r.status, 403, "naming needs the form token too");
	reply_release(&r);

	snprintf(form, sizeof form, "token=%s&name=+Ana+P%%C3%%A9rez+&back=//evil.example/", tok);
	http("/editor", NULL, true, form, &r);
	cr_expect_eq(r.status, 303);
	cr_expect_not_null(strstr(r.headers.data, "Location: /\r\n"), "only a local path: %s",
			   r.headers.data);
	cr_expect_not_null(strstr(r.headers.data, "SameSite=Strict"));
	header_value(r.headers.data, "Set-Cookie: ", cookie, sizeof cookie);
	cr_expect_str_eq(cookie, "assay_editor=Ana%20P%C3%A9rez");
	reply_release(&r);

	editor_cookie = cookie;
	cr_expect(claim_page_has(id, "Deciding as <strong id=\"editor-name\">Ana P\xC3\xA9rez</strong>"));
	snprintf(form, sizeof form, "token=%s&action=accept&state=pending", tok);
	cr_assert_eq(post_review(id, form, NULL, &r), 303);
	reply_release(&r);
	editor_cookie = NULL;
	last_editor(id, who, sizeof who);
	cr_expect_str_eq(who, "Ana P\xC3\xA9rez");

	editor_cookie = "assay_editor=%01evil"; /* a forged cookie is not a name */
	snprintf(form, sizeof form, "token=%s&action=pending", tok);
	cr_assert_eq(post_review(id, form, NULL, &r), 303);
	reply_release(&r);
	editor_cookie = NULL;
	last_editor(id, who, sizeof who);
	snprintf(want, sizeof want, "%s", getenv("USER") && *getenv("USER") ? getenv("USER") : "unknown");
	cr_expect_str_eq(who, want, "without a valid name the server's user is recorded");
}

/* How many claims and agreements are decided, by whom (the last seen). */
struct editors {
	const char *name;
	size_t n, named; /* decided; of them by @name */
};

static void editor_of(void *ctx, const struct assay_review *r)
{
	struct editors *e = ctx;

	if (!strcmp(r->state, "pending"))
		return;
	e->n++;
	e->named += strcmp(e->name, r->who) == 0;
}

static void decided_by(struct editors *e, const char *name)
{
	memset(e, 0, sizeof *e);
	e->name = name;
	cr_assert_eq(store_each_review(dir, editor_of, e), ASSAY_OK);
}

Test(review_next, decisions_record_the_editor_from_the_flag_or_the_environment)
{
	char cmd[9000];
	struct editors e;
	int status;

	snprintf(cmd, sizeof cmd, "printf 'a\\nq\\n' | ASSAY_EDITOR='Env Editor' '%s' --db '%s' "
		 "review --next > /dev/null", getenv("ASSAY_BIN"), dir);
	cr_assert_eq(system(cmd), 0);
	decided_by(&e, "Env Editor");
	cr_expect_eq(e.n, 1);
	cr_expect_eq(e.named, 1);

	snprintf(cmd, sizeof cmd, "printf 'a\\nq\\n' | ASSAY_EDITOR='Env Editor' '%s' --db '%s' "
		 "review --next --editor 'Flag Editor' > /dev/null", getenv("ASSAY_BIN"), dir);
	cr_assert_eq(system(cmd), 0);
	decided_by(&e, "Flag Editor");
	cr_expect_eq(e.n, 2);
	cr_expect_eq(e.named, 1, "the flag wins over the environment");

	snprintf(cmd, sizeof cmd, "printf 'a\\nq\\n' | '%s' --db '%s' review --next "
		 "--editor \"$(printf 'x\\033]0;y')\" > /dev/null 2>&1", getenv("ASSAY_BIN"), dir);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 2, "a name with ESC is refused");
	decided_by(&e, "");
	cr_expect_eq(e.n, 2, "and nothing was decided");
}

/* Every rejection's reason, each followed by '|'. */
static void reason_of(void *ctx, const struct assay_review *r)
{
	if (!strcmp(r->state, "rejected")) {
		assay_buf_puts(ctx, r->reason);
		assay_buf_puts(ctx, "|");
	}
}

static void rejections(struct assay_buf *b)
{
	assay_buf_reset(b);
	assay_buf_puts(b, "|");
	cr_assert_eq(store_each_review(dir, reason_of, b), ASSAY_OK);
}

Test(review_next, a_preset_reason_takes_one_key_and_question_mark_shows_the_keys)
{
	struct assay_buf out = {0}, why = {0};
	char path[4200];
	FILE *f;

	cr_assert_eq(run_next("?\nr\n2\nr\n7\nr\nmy own words\nq\n", &out), 0);
	cr_expect_not_null(strstr(out.data, "  ?  these keys"), "? lists the keys");
	cr_expect_not_null(strstr(out.data, "reasons: 1 not a figure of the story  2 wrong subject"
				  "  3 wrong period  4 duplicate"));
	rejections(&why);
	cr_expect_not_null(strstr(why.data, "|wrong subject|"), "%s", why.data);
	cr_expect_not_null(strstr(why.data, "|7|"), "a number without a preset is typed text");
	cr_expect_not_null(strstr(why.data, "|my own words|"), "%s", why.data);

	snprintf(path, sizeof path, "%s/reject-reasons.txt", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("# this desk's reasons\npress release, not news\n", f);
	fclose(f);
	cr_assert_eq(run_next("r\n1\nq\n", &out), 0);
	cr_expect_not_null(strstr(out.data, "reasons: 1 press release, not news\n"));
	rejections(&why);
	cr_expect_not_null(strstr(why.data, "|press release, not news|"), "%s", why.data);

	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("bell \x07\n", f);
	fclose(f);
	cr_expect_eq(run_next("r\n1\nq\n", &out), 2, "a bad file is refused, not half read");
	unlink(path);
	assay_buf_release(&out);
	assay_buf_release(&why);
}

Test(serve_http, the_claim_page_rejects_with_a_preset_in_one_key)
{
	char id[16], tok[80], form[512];
	struct assay_buf why = {0};
	struct reply r;

	claim_with("86,000 t", id, sizeof id);
	cr_expect(claim_page_has(id, "name=\"preset\" formnovalidate data-key=\"3\" "
				 "value=\"wrong period\">wrong period <kbd>3</kbd></button>"));
	page_token(id, tok, sizeof tok);
	snprintf(form, sizeof form, "token=%s&action=reject&reason=&preset=wrong+period", tok);
	cr_assert_eq(post_review(id, form, NULL, &r), 303);
	cr_expect_null(strstr(r.headers.data, "error="), "%s", r.headers.data);
	reply_release(&r);
	rejections(&why);
	cr_expect_not_null(strstr(why.data, "|wrong period|"), "%s", why.data);

	snprintf(form, sizeof form, "token=%s&action=reject&reason=typed+wins&preset=duplicate", tok);
	cr_assert_eq(post_review(id, form, NULL, &r), 303);
	reply_release(&r);
	rejections(&why);
	cr_expect_not_null(strstr(why.data, "|typed wins|"), "%s", why.data);
	assay_buf_release(&why);
}

Test(serve_http, a_deep_link_keeps_its_query_through_the_login)
{
	char path[256], id[16], want[128];
	struct reply r;

	claim_with("85%", id, sizeof id);
	snprintf(path, sizeof path, "/claim/%s?state=any&subject=a%%20b%%26c&token=%s", id, token);
	http(path, NULL, false, NULL, &r);
	cr_expect_eq(r.status, 303);
	snprintf(want, sizeof want, "Location: /claim/%s?state=any&subject=a%%20b%%26c\r\n", id);
	cr_expect_not_null(strstr(r.headers.data, want), "%s", r.headers.data);
	header_value(r.headers.data, "Location: ", want, sizeof want);
	cr_expect_null(strstr(want, token), "the key is dropped: %s", want);
	reply_release(&r);
}

Test(review_next, undo_makes_the_last_decision_pending_and_shows_the_claim_again)
{
	struct assay_buf out = {0};
	struct states st = {0};
	const char *first, *again;

	cr_assert_eq(run_next("u\na\ns\nu\nr\n1\nq\n", &out), 0);
	cr_expect_not_null(strstr(out.data, "nothing to undo"));
	first = strstr(out.data, "[1/");
	cr_assert_not_null(first);
	again = strstr(out.data, "is pending again");
	cr_assert_not_null(again, "%s", out.data);
	cr_expect_not_null(strstr(again, "[1/"), "the undone claim is shown again");
	cr_expect_not_null(strstr(out.data, "0 accepted, 1 rejected, 0 corrected, 0 skipped"),
			   "%s", out.data);
	cr_expect_not_null(strstr(out.data, "\n    http"), "each source shows its URL");
	cr_assert_eq(store_each_review(dir, count_review, &st), ASSAY_OK);
	cr_expect_eq(st.n[1], 0, "the accept was undone");
	cr_expect_eq(st.n[2], 1);
	cr_expect_str_eq(st.reason, "not a figure of the story");
	assay_buf_release(&out);
}

/* ---- The editor's desk: a claim with its conflict and its context ------- */

static void setup_desk(void)
{
	dir = tmp_store_dir();
	build_store();
	add_articles("serve_desk.jsonl");
	start_server();
}

static void setup_desk_store_only(void)
{
	dir = tmp_store_dir();
	build_store();
	add_articles("serve_desk.jsonl");
	server = 0;
}

TestSuite(desk, .init = setup_desk, .fini = teardown);
TestSuite(desk_next, .init = setup_desk_store_only, .fini = teardown);

static void claim_page(const char *id, struct reply *r)
{
	char path[64];

	snprintf(path, sizeof path, "/claim/%s?state=any", id);
	http(path, NULL, true, NULL, r);
	cr_assert_eq(r->status, 200);
}

Test(desk, the_claim_page_shows_the_conflict_it_is_part_of)
{
	char id[16], other[16], path[64];
	const char *at;
	struct reply r;

	claim_with("20,000 t", id, sizeof id);
	claim_with("2,600 t", other, sizeof other);
	claim_page(id, &r);
	at = strstr(r.body.data, "id=\"conflict\"");
	cr_assert_not_null(at, "no conflict on the claim page");
	cr_expect_not_null(strstr(at, "2 figures from 2 stories"));
	snprintf(path, sizeof path, "href=\"/claim/%s?state=any\"", other);
	cr_expect_not_null(strstr(at, path), "the other figure is linked");
	cr_expect_not_null(strstr(at, "arctic-metals.example"), "with its source");
	cr_expect_not_null(strstr(at, "(this one)"));
	at = strstr(at, "href=\"/conflict/c");
	cr_assert_not_null(at, "the whole conflict is linked");
	snprintf(path, sizeof path, "%.*s", (int)strcspn(at + 6, "\""), at + 6);
	reply_release(&r);
	http(path, NULL, true, NULL, &r);
	cr_expect_eq(r.status, 200, "%s", path);
	cr_expect_not_null(strstr(r.body.data, "2,600"));
	cr_expect_not_null(strstr(r.body.data, "ree-monitor.example"));
	reply_release(&r);
	/* a claim of no conflict shows none */
	claim_with("694 million t", id, sizeof id);
	claim_page(id, &r);
	cr_expect_null(strstr(r.body.data, "id=\"conflict\""));
	reply_release(&r);
	http("/conflict/c0000000000000000", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 404);
	reply_release(&r);
}

Test(desk, each_evidence_is_shown_on_its_own_and_labelled_truly)
{
	char id[16];
	const char *row, *prose;
	struct reply r;

	claim_with("20,000 t", id, sizeof id);
	claim_page(id, &r);
	row = strstr(r.body.data, "Limited exports");
	prose = strstr(r.body.data, " of rare earths last year");
	cr_assert_not_null(row, "the table row is shown");
	cr_assert_not_null(prose, "the sentence is shown too");
	cr_expect_not_null(strstr(r.body.data, "Story 1: a table row"));
	cr_expect_not_null(strstr(r.body.data, "Also in the same article: another passage"));
	cr_expect_null(strstr(r.body.data, "also published by"),
		       "a second place of one article is not another publisher");
	cr_expect_null(strstr(r.body.data, "Also published by"));
	reply_release(&r);
	/* the wire story on two sites is a copy, and says so */
	claim_with("85%", id, sizeof id);
	claim_page(id, &r);
	cr_expect_not_null(strstr(r.body.data, "The same story, also published by "));
	reply_release(&r);
}

Test(desk, a_table_row_shows_its_header_and_caption)
{
	char id[16];
	const char *cap, *head, *row;
	struct reply r;

	claim_with("20,000 t", id, sizeof id);
	claim_page(id, &r);
	cap = strstr(r.body.data, "<div class=\"caption\" title=\"the line above the table\">"
			       "Rare Earth Production (tons, 2023)</div>");
	head = strstr(r.body.data, "<div class=\"thead\" title=\"the table's header row\">"
				"Country | Tons | Note</div>");
	row = strstr(r.body.data, "Limited exports");
	cr_assert_not_null(cap, "the caption is above the row");
	cr_assert_not_null(head, "the header row is above the row");
	cr_expect(cap < head && head < row);
	cr_expect_null(strstr(r.body.data, "China | 240,000"), "other rows are not shown");
	reply_release(&r);
}

Test(desk, evidence_reads_as_prose_without_replacement_characters)
{
	char id[16];
	const char *q, *end;
	struct reply r;

	claim_with("20,000 t", id, sizeof id);
	claim_page(id, &r);
	cr_expect_null(strstr(r.body.data, "\xEF\xBF\xBD"), "no U+FFFD anywhere");
	q = strstr(r.body.data, " of rare earths last year");
	cr_assert_not_null(q);
	cr_expect_not_null(strstr(q, "last year, officials said."), "one space where a break was");
	for (q = strstr(r.body.data, "<blockquote"); q; q = strstr(end, "<blockquote")) {
		end = strstr(q, "</blockquote>");
		cr_assert_not_null(end);
		cr_expect_null(memchr(q, '\n', (size_t)(end - q)), "a hard wrap left in evidence");
		if (strstr(q, "  ") && strstr(q, "  ") < end)
			cr_expect(false, "a double space left in evidence");
	}
	reply_release(&r);
}

Test(desk_next, review_next_shows_the_conflict_and_the_table_context)
{
	struct assay_buf out = {0};
	const char *at;

	/* newest first: the 2,600 t figure, then the 20,000 t one */
	cr_assert_eq(run_next("s\ns\nq\n", &out), 0);
	at = strstr(out.data, "20,000 t  Russian Federation production");
	cr_assert_not_null(at, "%s", out.data);
	cr_expect_not_null(strstr(at, "conflict: 2 figures from 2 stories"));
	cr_expect_not_null(strstr(at, "- 2,600 t [pending]: arctic-metals.example, 2024-08-20"));
	cr_expect_not_null(strstr(at, "(assay show "));
	cr_expect_not_null(strstr(at, "Story 1: a table row"));
	cr_expect_not_null(strstr(at, "table: Rare Earth Production (tons, 2023)\n"
				      "    header: Country | Tons | Note\n"
				      "    \"Russia | [20,000] | Limited exports\""));
	cr_expect_not_null(strstr(at, "Also in the same article: another passage"));
	cr_expect_not_null(strstr(at, "\"Russia mined about [20,000 tonnes] of rare earths last "
				      "year, officials said.\""));
	cr_expect_null(strstr(out.data, "\xEF\xBF\xBD"));
	assay_buf_release(&out);
}

/* ---- Correcting every field ---------------------------------------------- */

/* Posts @form (after "token=...&") to claim @id's review; returns the
 * Location header's path (in @where). */
static long post_form(const char *id, const char *form, char *where, size_t size)
{
	char origin[64], tok[80], body[1024];
	const char *hdr[] = {origin, NULL}, *loc;
	struct reply r;
	long status;

	snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", port);
	page_token(id, tok, sizeof tok);
	snprintf(body, sizeof body, "token=%s&%s", tok, form);
	status = post_review(id, body, hdr, &r);
	loc = strstr(r.headers.data, "Location: ");
	snprintf(where, size, "%.*s", loc ? (int)strcspn(loc + 10, "\r\n") : 0, loc ? loc + 10 : "");
	reply_release(&r);
	return status;
}

Test(desk, every_field_of_a_claim_is_corrected_and_the_history_says_from_what)
{
	char id[16], where[512];
	struct reply r;
	const char *hist;

	claim_with("2,600 t", id, sizeof id);
	claim_page(id, &r);
	cr_expect_not_null(strstr(r.body.data, "name=\"period\" id=\"fix-period\" maxlength=\"15\" "
					       "value=\"2023\""), "the form holds the period now");
	cr_expect_not_null(strstr(r.body.data, "<option selected>actual</option>"));
	reply_release(&r);
	/* the form sends every field; only what differs is a correction */
	cr_assert_eq(post_form(id, "action=correct&value=&unit=t&subject=RU&metric=production&"
				   "commodity=rare-earths&period=2022&status=estimated&place=Kola",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "did=corrected"), "%s", where);
	claim_page(id, &r);
	cr_expect_not_null(strstr(r.body.data, "period 2023 \xe2\x86\x92 2022; status actual "
					       "\xe2\x86\x92 estimated; place (none) \xe2\x86\x92 Kola"),
			   "the correction says what changed from what");
	cr_expect_null(strstr(r.body.data, "subject RU"), "an unchanged field is no change");
	cr_expect_not_null(strstr(r.body.data, "value=\"2022\""), "the form shows the correction");
	reply_release(&r);
	/* a later correction of the figure keeps the period and the unit */
	cr_assert_eq(post_form(id, "action=correct&value=2.7k&unit=t&subject=RU&"
				   "metric=production&commodity=rare-earths&period=2022&"
				   "status=estimated&place=Kola", where, sizeof where), 303);
	claim_page(id, &r);
	hist = strstr(r.body.data, "History of decisions");
	cr_assert_not_null(hist);
	cr_expect_not_null(strstr(hist, "figure 2,600 t \xe2\x86\x92 2,700 t</td>"),
			   "the history tells the second correction by what it changed");
	cr_expect_not_null(strstr(r.body.data, "id=\"correction\">The editor's figure: <strong "
					       "id=\"corrected\">2,700 t</strong>. Corrected: <span "
					       "class=\"changes\">figure 2,600 t \xe2\x86\x92 2,700 t; "
					       "period 2023 \xe2\x86\x92 2022"));
	reply_release(&r);
	/* what does not fit is refused by name, and nothing is stored */
	cr_assert_eq(post_form(id, "action=correct&value=&unit=t&status=guessed",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "error=status"), "%s", where);
	cr_assert_eq(post_form(id, "action=correct&value=&unit=t&period=last+year",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "error=period"), "%s", where);
	claim_with("694 million t", id, sizeof id);
	cr_assert_eq(post_form(id, "action=correct&value=&unit=t&subject=TR&metric=deposit_size&"
				   "commodity=rare-earths&period=&status=actual&place=Eskisehir",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "error=nothing"), "%s", where);
	http(where, NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "Nothing to correct"));
	reply_release(&r);
	cr_expect(claim_page_has(id, "state state-pending"));
}

/* A claim an editor gives another key leaves its conflict: neither figure's
 * page shows the old group, nor does the conflicts page; undoing the
 * correction brings the group back. */
Test(desk, a_claim_corrected_to_another_key_leaves_its_conflict_and_undo_brings_it_back)
{
	char id[16], other[16], where[512], group[64];
	const char *at;
	struct reply r;

	claim_with("20,000 t", id, sizeof id);
	claim_with("2,600 t", other, sizeof other);
	claim_page(id, &r);
	at = strstr(r.body.data, "href=\"/conflict/c");
	cr_assert_not_null(at, "the two figures conflict");
	snprintf(group, sizeof group, "%.*s", (int)strcspn(at + 6, "\""), at + 6);
	reply_release(&r);
	cr_assert_eq(post_form(other, "action=correct&value=&unit=t&subject=RU&metric=production&"
				      "commodity=rare-earths&period=2022&status=actual&place=",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "did=corrected"), "%s", where);
	claim_page(id, &r);
	cr_expect_null(strstr(r.body.data, "id=\"conflict\""), "alone under its key now");
	reply_release(&r);
	claim_page(other, &r);
	cr_expect_null(strstr(r.body.data, "id=\"conflict\""), "alone under the corrected key");
	reply_release(&r);
	http(group, NULL, true, NULL, &r);
	cr_expect_eq(r.status, 404, "%s is no conflict", group);
	reply_release(&r);
	http("/conflicts?show=all", NULL, true, NULL, &r);
	cr_expect_null(strstr(r.body.data, group), "not listed");
	reply_release(&r);
	/* undone: the group again, with both figures */
	cr_assert_eq(post_form(other, "action=pending", where, sizeof where), 303);
	claim_page(id, &r);
	at = strstr(r.body.data, "id=\"conflict\"");
	cr_assert_not_null(at, "the conflict is back");
	cr_expect_not_null(strstr(at, "2 figures from 2 stories"));
	cr_expect_not_null(strstr(at, group));
	reply_release(&r);
}

Test(desk, an_agreement_is_corrected_in_type_parties_and_status)
{
	char id[16], where[512];
	struct reply r;

	claim_with("Agreement: China", id, sizeof id);
	claim_page(id, &r);
	cr_expect_not_null(strstr(r.body.data, "name=\"parties\" id=\"fix-parties\""));
	reply_release(&r);
	cr_assert_eq(post_form(id, "action=correct&type=deal&parties=TR%2C+CN%2C+US&status=ended",
			       where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "did=corrected"), "%s", where);
	claim_page(id, &r);
	cr_expect_not_null(strstr(r.body.data, "parties CN, TR \xe2\x86\x92 CN, TR, US"), "sorted");
	cr_expect_not_null(strstr(r.body.data, "type agreement \xe2\x86\x92 deal"));
	cr_expect_not_null(strstr(r.body.data, "status stalled \xe2\x86\x92 ended"));
	reply_release(&r);
	cr_assert_eq(post_form(id, "action=correct&type=treaty", where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "error=type"), "%s", where);
	cr_assert_eq(post_form(id, "action=correct&parties=CN%2C+%3Cb%3E", where, sizeof where), 303);
	cr_expect_not_null(strstr(where, "error=parties"), "%s", where);
}

Test(desk_next, f_fixes_the_other_fields_and_c_keeps_them)
{
	struct assay_buf out = {0};
	char cmd[9000];
	FILE *p;
	char line[512];
	bool period = false, figure = false;

	/* skip the newest agreement; the 2,600 t claim: f, keep subject to
	 * commodity, period 2022, keep the rest; quit */
	cr_assert_eq(run_next("s\nf\n\n\n\n2022\n\n\nq\n", &out), 0);
	cr_expect_not_null(strstr(out.data, "  period [2023]: "), "%s", out.data);
	cr_expect_not_null(strstr(out.data, "0 accepted, 0 rejected, 1 corrected"));
	assay_buf_release(&out);
	memset(&out, 0, sizeof out);
	/* corrected now, so not pending: decide it again from the command line */
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' claims 2>/dev/null | grep '2,600' | cut -c1-8",
		 getenv("ASSAY_BIN"), dir);
	p = popen(cmd, "r");
	cr_assert_not_null(p);
	cr_assert_not_null(fgets(line, sizeof line, p));
	pclose(p);
	line[strcspn(line, " \n")] = '\0';
	snprintf(cmd, sizeof cmd, "'%s' -q --db '%s' review %s correct --value 2700 && '%s' --db '%s' "
		 "show %s", getenv("ASSAY_BIN"), dir, line, getenv("ASSAY_BIN"), dir, line);
	p = popen(cmd, "r");
	cr_assert_not_null(p);
	while (fgets(line, sizeof line, p)) {
		period |= strstr(line, "corrected: figure 2,600 t \xe2\x86\x92 2,700 t; period 2023 "
				       "\xe2\x86\x92 2022") != NULL;
		figure |= strstr(line, "corrected by") && strstr(line, ": figure 2,600 t \xe2\x86\x92 "
								     "2,700 t\n");
	}
	cr_expect_eq(pclose(p), 0);
	cr_expect(period, "the correction of the figure keeps the period");
	cr_expect(figure, "the history says what the second correction changed");
}

/* ---- --host: one address of a trusted network, the same checks ---------- */

Test(desk, host_listens_on_one_address_and_answers_only_to_it)
{
	const char *bin = getenv("ASSAY_BIN");
	const char *args[] = {"--quiet", "--db", dir, "serve", "--port", "0", "--host",
			      "127.0.0.2", NULL};
	char line[256], url[300], host_hdr[64], origin[80], cookie[128], tok[80];
	unsigned hport = 0;
	int status;
	char cmd[4400];
	struct reply r;
	pid_t pid = spawn_assay(args, NULL, line, sizeof line);

	cr_assert(sscanf(line, "http://127.0.0.2:%u/?token=%79s", &hport, tok) == 2,
		  "the URL names the address: '%s'", line);
	snprintf(cookie, sizeof cookie, "assay_session_%u=%s", hport, tok);
	for (int i = 0; i < 3; i++) {
		/* its own name passes; 127.0.0.1 and a foreign name do not */
		static const char *const names[] = {"127.0.0.2", "127.0.0.1", "evil.example"};
		const char *h[] = {host_hdr, NULL};

		snprintf(url, sizeof url, "http://127.0.0.2:%u/", hport);
		snprintf(host_hdr, sizeof host_hdr, "Host: %s:%u", names[i], hport);
		http_to(url, h, cookie, NULL, &r);
		cr_expect_eq(r.status, i == 0 ? 200 : 403, "Host %s: %ld", names[i], r.status);
		reply_release(&r);
	}
	/* a POST from another origin is refused, as on 127.0.0.1 */
	const char *h[] = {origin, NULL};

	snprintf(url, sizeof url, "http://127.0.0.2:%u/claim/abcdefgh/review", hport);
	snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", hport);
	http_to(url, h, cookie, "action=accept", &r);
	cr_expect_eq(r.status, 403);
	reply_release(&r);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	/* the wildcard and names are refused with a reason */
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' serve --port 0 --host 0.0.0.0 2>&1 | "
		 "grep -q 'give one IPv4 address'", bin, dir);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0, "0.0.0.0 is refused");
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' serve --port 0 --host example.com >/dev/null 2>&1",
		 bin, dir);
	status = system(cmd);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) != 0, "a name is refused");
}

Test(review_next, o_opens_the_source_in_the_browser_as_one_argument)
{
	char script[4200], got[4200], cmd[9000], line[1024];
	struct assay_buf out = {0};
	FILE *f;
	int status, tries;

	snprintf(script, sizeof script, "%s.browser", dir);
	snprintf(got, sizeof got, "%s.opened", dir);
	f = fopen(script, "w");
	cr_assert_not_null(f);
	fprintf(f, "#!/bin/sh\nprintf '%%s\\n%%s\\n' \"$#\" \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
		got, got, got);
	fclose(f);
	chmod(script, 0700);
	/* AU: 61,000 t (newest), then the hostile page's 86,000 t: open it */
	snprintf(cmd, sizeof cmd, "printf 's\\no\\nq\\n' | BROWSER='%s:ignored' '%s' --db '%s' "
		 "review --next --subject AU > '%s.out'", script, getenv("ASSAY_BIN"), dir, dir);
	status = system(cmd);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	for (tries = 0; tries < 50 && access(got, F_OK) != 0; tries++)
		usleep(100000); /* the browser runs on its own */
	f = fopen(got, "r");
	cr_assert_not_null(f, "the browser was not started");
	cr_assert_not_null(fgets(line, sizeof line, f));
	cr_expect_str_eq(line, "1\n", "the URL is one argument, never split by a shell");
	cr_assert_not_null(fgets(line, sizeof line, f));
	cr_expect_str_eq(line, "https://evil.example/lithium?x=\"><script>window.__pwned=1</script>\n");
	fclose(f);
	snprintf(cmd, sizeof cmd, "%s.out", dir);
	cr_assert_eq(assay_read_file(cmd, 1 << 20, &out), ASSAY_OK);
	cr_expect_not_null(strstr(out.data, "  opened https://evil.example/lithium"));
	assay_buf_release(&out);
	unlink(cmd);
	unlink(got);
	unlink(script);
}

Test(desk, the_conflicts_page_filters_and_draws_rejected_figures_as_rejected)
{
	char keep[16], drop[16], where[512];
	struct reply r;
	const char *at;

	http("/conflicts?commodity=lithium", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "lithium"));
	cr_expect_null(strstr(r.body.data, "refining share"), "only lithium groups");
	cr_expect_not_null(strstr(r.body.data, "name=\"commodity\" maxlength=\"47\" value=\"lithium\""));
	reply_release(&r);
	http("/conflicts?show=resolved", NULL, true, NULL, &r);
	cr_expect_null(strstr(r.body.data, "<section class=\"group"), "nothing is resolved yet");
	reply_release(&r);
	/* keep 20,000 t, reject 2,600 t: the RU group is resolved */
	claim_with("20,000 t", keep, sizeof keep);
	claim_with("2,600 t", drop, sizeof drop);
	cr_assert_eq(post_form(keep, "action=accept", where, sizeof where), 303);
	cr_assert_eq(post_form(drop, "action=reject&reason=wrong+year", where, sizeof where), 303);
	http("/conflicts?show=resolved&subject=RU", NULL, true, NULL, &r);
	at = strstr(r.body.data, "<section class=\"group resolved\"");
	cr_assert_not_null(at, "the resolved group is listed");
	cr_expect_not_null(strstr(at, "<g class=\"mark rejected\">"), "the rejected figure is marked");
	cr_expect_not_null(strstr(at, "text-decoration=\"line-through\""));
	cr_expect_not_null(strstr(at, "<g class=\"mark accepted\">"));
	reply_release(&r);
	http("/conflicts?show=open&subject=RU", NULL, true, NULL, &r);
	cr_expect_null(strstr(r.body.data, "<section class=\"group"), "an open list leaves it out");
	reply_release(&r);
}

/* The <li> of figure @id on the conflicts page @html, as a string. */
static void card_item(const char *html, const char *id, char *out, size_t size)
{
	char needle[64];
	const char *at, *end;

	snprintf(needle, sizeof needle, "data-id=\"%s\"", id);
	at = strstr(html, needle);
	cr_assert_not_null(at, "no card item for %s", id);
	while (at > html && strncmp(at, "<li", 3))
		at--;
	end = strstr(at, "</li>");
	cr_assert_not_null(end);
	snprintf(out, size, "%.*s", (int)(end - at), at);
}

Test(desk, a_figure_is_decided_on_its_conflict_card_and_the_list_comes_back)
{
	char keep[16], drop[16], tok[80], body[512], item[4096], origin[64];
	const char *hdr[] = {origin, NULL}, *loc;
	struct reply r;

	snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", port);
	claim_with("20,000 t", keep, sizeof keep);
	claim_with("2,600 t", drop, sizeof drop);
	http("/conflicts?subject=RU", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	card_item(r.body.data, drop, item, sizeof item);
	/* labelled by site, date and title; both buttons; back to this list */
	cr_expect_not_null(strstr(item, "arctic-metals.example, 2024-08-20: <a href=\"/article?url="),
			   "%s", item);
	cr_expect_not_null(strstr(item, "<button class=\"accept\">"));
	cr_expect_not_null(strstr(item, "<button class=\"reject\">"));
	cr_expect_not_null(strstr(item, "name=\"back\" value=\"/conflicts?show=all&amp;subject=RU&amp;page=0\""),
			   "%s", item);
	form_token_of(r.body.data, tok, sizeof tok);
	reply_release(&r);

	snprintf(body, sizeof body, "token=%s&action=reject&preset=duplicate&"
		 "back=%%2Fconflicts%%3Fshow%%3Dall%%26subject%%3DRU%%26page%%3D0", tok);
	cr_assert_eq(post_review(drop, body, hdr, &r), 303);
	loc = strstr(r.headers.data, "Location: ");
	cr_assert_not_null(loc);
	cr_expect_eq(strncmp(loc + 10, "/conflicts?show=all&subject=RU&page=0\r", 38), 0,
		     "back to the list: %.60s", loc + 10);
	reply_release(&r);
	snprintf(body, sizeof body, "token=%s&action=accept&back=%%2Fconflicts%%3Fsubject%%3DRU", tok);
	cr_assert_eq(post_review(keep, body, hdr, &r), 303);
	reply_release(&r);

	http("/conflicts?subject=RU", NULL, true, NULL, &r);
	cr_assert_not_null(strstr(r.body.data, "<section class=\"group resolved\""),
			   "kept one, rejected the other: resolved");
	card_item(r.body.data, drop, item, sizeof item);
	cr_expect_not_null(strstr(item, "class=\"state-rejected\""), "drawn as rejected");
	cr_expect_null(strstr(item, "<button class=\"reject\">"), "no second rejection");
	reply_release(&r);
	cr_assert(claim_page_has(drop, "duplicate"), "the preset reason is stored");

	/* a way back that leaves the server is not taken */
	snprintf(body, sizeof body, "token=%s&action=pending&back=%%2F%%2Fevil.example%%2F", tok);
	cr_assert_eq(post_review(drop, body, hdr, &r), 303);
	loc = strstr(r.headers.data, "Location: ");
	cr_assert_not_null(loc);
	cr_expect_eq(strncmp(loc + 10, "/claim/", 7), 0, "%.60s", loc + 10);
	reply_release(&r);
}

Test(desk, a_conflicts_page_past_the_end_shows_the_last_page)
{
	struct reply r;

	http("/conflicts?page=999999", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "<section class=\"group"));
	reply_release(&r);
	http("/conflicts?page=99999999999999999999999", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "<section class=\"group"));
	reply_release(&r);
}

/* The <tr> on @html whose title link says @title, as a string. */
static void article_row(const char *html, const char *title, char *out, size_t size)
{
	const char *at = strstr(html, title), *start, *end;

	cr_assert_not_null(at, "no row for %s", title);
	for (start = at; start > html && strncmp(start, "<tr>", 4); start--)
		;
	end = strstr(at, "</tr>");
	cr_assert_not_null(end);
	snprintf(out, size, "%.*s", (int)(end - start), start);
}

Test(desk, the_articles_page_searches_sorts_pages_and_counts_claims)
{
	char row[2048];
	struct reply r;
	const char *a, *b;
	struct assay_store *s;

	http("/articles?q=TURKEY", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "Talks on Turkish rare earths stall"), "title, any case");
	cr_expect_not_null(strstr(r.body.data, "mining.example"));
	cr_expect_null(strstr(r.body.data, "Australia&#39;s lithium output"), "no match, no row");
	cr_expect_null(strstr(r.body.data, "Australia's lithium output"));
	reply_release(&r);
	/* counts: two claims and one agreement from this article */
	http("/articles?q=china-rare-earths-refining", NULL, true, NULL, &r);
	article_row(r.body.data, "China tightens its grip", row, sizeof row);
	cr_expect_not_null(strstr(row, "<td class=\"num\">2</td><td class=\"num\">1</td>"), "%s", row);
	reply_release(&r);
	/* sorted by title: Australia before Talks; by publication: Talks (Sept) first */
	http("/articles?sort=title", NULL, true, NULL, &r);
	a = strstr(r.body.data, "Australia");
	b = strstr(r.body.data, "Talks on Turkish");
	cr_assert(a && b && a < b, "by title");
	cr_expect_not_null(strstr(r.body.data, "<option value=\"title\" selected>"));
	reply_release(&r);
	http("/articles?sort=published", NULL, true, NULL, &r);
	a = strstr(r.body.data, "Australia");
	b = strstr(r.body.data, "Talks on Turkish");
	cr_assert(a && b && b < a, "newest publication first");
	reply_release(&r);

	/* sixty more articles, stored while the server runs: pages of fifty */
	cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK);
	for (int i = 0; i < 60; i++) {
		char url[64], title[64], text[128];
		struct assay_article art = {0};

		snprintf(url, sizeof url, "https://bulk.example/n/%d", i);
		snprintf(title, sizeof title, "Bulk note %02d", i);
		snprintf(text, sizeof text, "Bulk note number %d says nothing of note %d.", i, i * 7);
		art.url = url;
		art.title = title;
		art.site = "bulk.example";
		art.text = text;
		art.text_len = strlen(text);
		cr_assert_eq(assay_store_put_article(s, &art, NULL), ASSAY_OK, "%s", assay_store_errmsg(s));
	}
	assay_store_close(s);
	http("/articles?q=bulk&sort=title", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "Showing 1&ndash;50 of 60"), "the new articles are listed");
	cr_expect_not_null(strstr(r.body.data, "Bulk note 00"));
	cr_expect_null(strstr(r.body.data, "Bulk note 55"));
	cr_expect_not_null(strstr(r.body.data, "href=\"/articles?sort=title&amp;q=bulk&amp;page=1\""),
			   "the next page keeps the search and the sort");
	reply_release(&r);
	http("/articles?q=bulk&sort=title&page=1", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "Showing 51&ndash;60 of 60"));
	cr_expect_not_null(strstr(r.body.data, "Bulk note 55"));
	cr_expect_null(strstr(r.body.data, "Bulk note 00"));
	reply_release(&r);
}

Test(desk, an_article_page_lists_the_claims_it_is_a_source_of)
{
	struct reply r;

	http("/article?url=https%3A%2F%2Farctic-metals.example%2Frussia-ree", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_expect_not_null(strstr(r.body.data, "Claims from this article"));
	cr_expect_not_null(strstr(r.body.data, "2,600 t"), "its one claim is listed");
	reply_release(&r);
	http("/article?url=https%3A%2F%2Fnowhere.example%2F", NULL, true, NULL, &r);
	cr_expect_eq(r.status, 404);
	reply_release(&r);
}

Test(serve_http, the_queue_shows_each_evidence_and_finds_words_in_any_case)
{
	struct reply r;
	const char *row, *end;

	http("/?state=any", NULL, true, NULL, &r);
	cr_assert_eq(r.status, 200);
	row = strstr(r.body.data, "61,000 t");
	cr_assert_not_null(row);
	end = strstr(row, "</tr>");
	cr_assert_not_null(end);
	row = strstr(row, "<span class=\"ev\">Australia mined roughly 61,000 tonnes of lithium in "
		      "2023, the ministry said.</span>");
	cr_expect(row && row < end, "the evidence sentence is in the claim's row");
	cr_expect_not_null(strstr(r.body.data, "<input type=\"search\" name=\"q\""));
	reply_release(&r);

	/* words of the sentence, of the key (an id in words) and of a name */
	http("/?state=any&q=BEYLIKOVA", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "694 million"));
	cr_expect_null(strstr(r.body.data, "61,000 t"), "only rows that have the words");
	cr_expect_not_null(strstr(r.body.data, "value=\"BEYLIKOVA\""), "the box keeps the words");
	reply_release(&r);
	http("/?state=any&q=refining+share", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "90%"));
	cr_expect_null(strstr(r.body.data, "694 million"));
	reply_release(&r);
	http("/?state=any&q=australia", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "61,000 t"));
	cr_expect_null(strstr(r.body.data, "90%"));
	/* the claim links carry the search, so j/k walk the same list */
	cr_expect_not_null(strstr(r.body.data, "&amp;q=australia\""));
	reply_release(&r);
	/* scraped markup in a sentence is shown as text */
	http("/?state=any&q=86%2C000", NULL, true, NULL, &r);
	cr_expect_not_null(strstr(r.body.data, "&lt;script&gt;"));
	cr_expect_null(strstr(r.body.data, "<script>window.__pwned"));
	reply_release(&r);
}

/* Any web page the editor opens can make the browser ask serve for a path
 * of its choosing, percent-encoded controls included; serve logs each
 * refused request with its path. The log line keeps them escaped: no ESC
 * sequence reaches the terminal and no newline forges a second line
 * (issue 21 #5). Fails when the log stops escaping what it quotes. */
static char log_path[4200];

static void setup_logged(void)
{
	dir = tmp_store_dir();
	build_store();
	snprintf(log_path, sizeof log_path, "%s/serve.log", dir);
	server_log = log_path;
	start_server();
	server_log = NULL;
}

TestSuite(serve_log, .init = setup_logged, .fini = teardown);

Test(serve_log, a_request_path_is_logged_with_its_controls_escaped)
{
	const char *evil[] = {"Host: evil.example", NULL};
	struct assay_buf log = {0};
	struct reply r;

	http("/%1b%5b2J%1b]0;owned%07%0a2026-01-01%20forged%c2%9b%e2%80%ae", evil, true, NULL, &r);
	cr_expect_eq(r.status, 403);
	reply_release(&r);
	stop_server();
	cr_assert_eq(assay_read_file(log_path, 1 << 20, &log), ASSAY_OK);
	cr_assert_not_null(log.data);
	cr_expect(strstr(log.data, "refused GET /\\x1b[2J\\x1b]0;owned\\x07\\x0a2026-01-01 "
			      "forged\\u009b\\u202e: "),
		  "the path is not quoted escaped: %s", log.data);
	cr_expect_null(memchr(log.data, 0x1b, log.len), "ESC reached the log: %s", log.data);
	cr_expect_null(memchr(log.data, 0x07, log.len), "BEL reached the log: %s", log.data);
	cr_expect_null(strstr(log.data, "\n2026-01-01 forged"), "a forged log line: %s",
		       log.data);
	cr_expect_null(strstr(log.data, "\xc2\x9b"), "a C1 CSI reached the log: %s", log.data);
	assay_buf_release(&log);
}
