/* test_faults_readonly.c - a store this user may read but not write
 * (issue 21, "a read-only store read by read-only commands"): another
 * user's store, and a store on a read-only mount.
 *
 * The commands that only read print what they print on a writable store;
 * `serve` serves the pages; the commands that write exit 2 saying why;
 * nothing in the store changes. The tests run as root, for whom file
 * modes do not bite: "another user" is root's store (mode a-w) read as
 * 'nobody' through setpriv, and the read-only mount is a bind mount in a
 * mount namespace of its own (unshare). A test that cannot set that up
 * here is skipped, saying why. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "faults_util.h"

static char *dir;
static char db[1024], pages[1024], data[1100];
static char prefix[2400]; /* how a command is run as the reader: "" or setpriv/unshare */
static char id[16];       /* a claim id, from the writable store */

static void setup(void)
{
	const char *ingest[] = {"ingest", pages, NULL};

	dir = fault_tmpdir();
	cr_assert_eq(chmod(dir, 0755), 0); /* 'nobody' must reach the store */
	snprintf(db, sizeof db, "%s/db", dir);
	snprintf(pages, sizeof pages, "%s/pages", dir);
	snprintf(data, sizeof data, "%s/data.mdb", db);
	cr_assert_eq(mkdir(pages, 0755), 0);
	write_pages(pages, 16, 9);
	cr_assert_eq(assay_run(db, NULL, ingest), 0);
	cr_assert_eq(store_article_count(db), 16);
}

static void teardown(void)
{
	char cmd[1200];

	snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'", dir);
	cr_expect_eq(system(cmd), 0);
	fault_rmdir(dir);
	free(dir);
}

TestSuite(readonly, .init = setup, .fini = teardown, .timeout = 300);

/* Runs `sh -c CMD`; its exit status, 128 + signal, or -1. */
static int sh(const char *cmd)
{
	int st = system(cmd);

	if (st == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* Runs `assay --db DB ARGS` (@as_reader: as the reader, through
 * @prefix) with stdout and stderr into @out; its exit status. */
static int assay(bool as_reader, const char *args, struct assay_buf *out)
{
	char path[1100], cmd[16384];
	int st;

	snprintf(path, sizeof path, "%s/out.txt", dir);
	snprintf(cmd, sizeof cmd, "%s '%s' --db '%s' %s >'%s' 2>&1", as_reader ? prefix : "",
		 assay_bin(), db, args, path);
	st = sh(cmd);
	assay_buf_reset(out);
	cr_assert(slurp(path, out), "cannot read %s", path);
	if (!out->data)
		assay_buf_puts(out, "");
	unlink(path);
	return st;
}

/* The reader is 'nobody', and the store is root's with no write bits. */
static void as_another_user(void)
{
	char cmd[16384];

	if (geteuid() != 0) {
		prefix[0] = '\0'; /* not root: the modes bite this user already */
	} else {
		snprintf(prefix, sizeof prefix,
			 "setpriv --reuid=nobody --regid=nogroup --clear-groups");
		snprintf(cmd, sizeof cmd, "%s true 2>/dev/null", prefix);
		if (sh(cmd) != 0)
			cr_skip_test("setpriv cannot switch to user 'nobody' here (util-linux "
				     "missing or no CAP_SETUID): cannot test another user's store");
	}
	snprintf(cmd, sizeof cmd, "chmod -R a-w '%s'", db);
	cr_assert_eq(sh(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s sh -c 'test ! -w \"%s\" && test ! -w \"%s\" && test -r \"%s\"'",
		 prefix, db, data, data);
	cr_assert_eq(sh(cmd), 0, "the reader can write the store: nothing to test");
}

/* The reader sees the store through a read-only bind mount. */
static void on_a_read_only_mount(void)
{
	char probe[16384];

	snprintf(prefix, sizeof prefix,
		 "unshare --mount sh -c 'mount --bind \"$0\" \"$0\" && "
		 "mount -o remount,ro,bind \"$0\" \"$0\" && exec \"$@\"' '%s'", db);
	snprintf(probe, sizeof probe, "%s sh -c '! touch \"%s/probe\"' 2>/dev/null", prefix, db);
	if (sh(probe) != 0)
		cr_skip_test("unshare cannot make a mount namespace with a read-only bind "
			     "mount here (no CAP_SYS_ADMIN): cannot test a read-only mount");
}

/* The commands that only read, run once by the owner (writable store)
 * and once by the reader: same status 0, same output. */
static const char *const readers[] = {
	"stats",
	"claims",
	"claims --format jsonl",
	"conflicts",
	"conflicts --format csv",
	"export claims --format jsonl",
	"export articles --format csv",
	"show %s",
	"verify",
};
#define NREADERS (sizeof readers / sizeof readers[0])

static void owner_outputs(struct assay_buf *want)
{
	struct assay_buf out = {0};
	char args[256];
	const char *at;

	cr_assert_eq(assay(false, "claims --format jsonl", &out), 0);
	at = strstr(out.data, "\"id\":\"");
	cr_assert_not_null(at, "the store has no claim: %s", out.data);
	snprintf(id, sizeof id, "%.*s", (int)strcspn(at + 6, "\""), at + 6);
	for (size_t i = 0; i < NREADERS; i++) {
		snprintf(args, sizeof args, readers[i], id);
		cr_assert_eq(assay(false, args, &want[i]), 0, "%s: %s", args, want[i].data);
		cr_assert_gt(want[i].len, 0, "%s says nothing", args);
	}
	assay_buf_release(&out);
}

static void read_commands_read_as_for_the_owner(const struct assay_buf *want)
{
	struct assay_buf got = {0};
	char args[256];

	for (size_t i = 0; i < NREADERS; i++) {
		snprintf(args, sizeof args, readers[i], id);
		cr_expect_eq(assay(true, args, &got), 0, "%s: %.400s", args, got.data);
		cr_expect(got.len == want[i].len && !memcmp(got.data, want[i].data, got.len),
			  "%s prints otherwise for the reader:\n%.400s\nnot\n%.400s", args,
			  got.data, want[i].data);
	}
	assay_buf_release(&got);
}

/* The commands that write: status 2 and a message naming the store and
 * why it cannot be written. */
static void write_commands_say_why_they_cannot(const char *why)
{
	struct assay_buf got = {0};
	char args[4400];
	const char *writers[] = {"ingest '%s'", "crawl --allow-private '%s/page00000.html'",
				 "review %s accept --editor ed", "reprocess"};

	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		snprintf(args, sizeof args, writers[i], i < 2 ? pages : id);
		cr_expect_eq(assay(true, args, &got), 2, "%s: %.400s", args, got.data);
		cr_expect(strstr(got.data, "cannot write to store") && strstr(got.data, db) &&
				  strstr(got.data, why),
			  "%s: not a clear message: %.400s", args, got.data);
	}
	assay_buf_release(&got);
}

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	assay_buf_append(ctx, p, size * n);
	return size * n;
}

/* One request through @c (cookies kept); @body makes it a POST. */
static long http(CURL *c, const char *url, const char *origin, const char *body,
		 struct assay_buf *out)
{
	struct curl_slist *h = NULL;
	long status = 0;

	assay_buf_reset(out);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	if (origin)
		h = curl_slist_append(h, origin);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (body)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	else
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	cr_assert_eq(curl_easy_perform(c), CURLE_OK, "%s", url);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(h);
	if (!out->data)
		assay_buf_puts(out, "");
	return status;
}

/* `serve` started by the reader serves the queue and a claim's page; a
 * decision is refused with the store's reason, and nothing is stored. */
static void serve_serves_and_refuses_decisions(const char *why)
{
	char cmd[16384], line[256] = "", url[512], origin[128], form[160];
	struct assay_buf page = {0};
	unsigned port = 0;
	const char *tok;
	struct pollfd p;
	int fds[2];
	size_t n = 0;
	pid_t pid;
	CURL *c;

	cr_assert_eq(pipe(fds), 0);
	snprintf(cmd, sizeof cmd, "exec %s '%s' --db '%s' serve --port 0 2>/dev/null", prefix,
		 assay_bin(), db);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	p = (struct pollfd){fds[0], POLLIN, 0};
	while (n + 1 < sizeof line && poll(&p, 1, 20000) == 1 && read(fds[0], line + n, 1) == 1 &&
	       line[n] != '\n')
		n++;
	line[n] = '\0';
	close(fds[0]);
	cr_expect(sscanf(line, "http://127.0.0.1:%u/", &port) == 1,
		  "serve did not start for the reader: '%s'", line);
	if (port) {
		c = curl_easy_init();
		cr_assert_not_null(c);
		curl_easy_setopt(c, CURLOPT_COOKIEFILE, ""); /* keep the session cookie */
		cr_expect_eq(http(c, line, NULL, NULL, &page), 200, "%s", page.data);
		cr_expect(strstr(page.data, id), "the queue lacks claim %s", id);
		snprintf(url, sizeof url, "http://127.0.0.1:%u/claim/%s", port, id);
		cr_expect_eq(http(c, url, NULL, NULL, &page), 200, "%s", page.data);
		tok = strstr(page.data, "name=\"token\" value=\"");
		cr_assert_not_null(tok, "no form on the claim page");
		tok += strlen("name=\"token\" value=\"");
		snprintf(form, sizeof form, "action=accept&token=%.*s", (int)strcspn(tok, "\""), tok);
		snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%u", port);
		snprintf(url, sizeof url, "http://127.0.0.1:%u/claim/%s/review", port, id);
		cr_expect_eq(http(c, url, origin, form, &page), 403, "%s", page.data);
		cr_expect(strstr(page.data, "cannot write to store") && strstr(page.data, why),
			  "the refusal does not say why: %s", page.data);
		curl_easy_cleanup(c);
	}
	kill(pid, SIGTERM);
	cr_expect_eq(assay_wait(pid), 0, "serve did not stop cleanly");
	assay_buf_release(&page);
}

static void read_only_store_is_read_and_kept(void (*make_read_only)(void), const char *why)
{
	struct assay_buf want[NREADERS] = {{0}}, before = {0}, after = {0}, got = {0};
	char cmd[1200];

	owner_outputs(want);
	cr_assert(slurp(data, &before));
	make_read_only();
	read_commands_read_as_for_the_owner(want);
	write_commands_say_why_they_cannot(why);
	serve_serves_and_refuses_decisions(why);
	cr_assert(slurp(data, &after));
	cr_expect(after.len == before.len && !memcmp(after.data, before.data, after.len),
		  "data.mdb changed");
	snprintf(cmd, sizeof cmd, "test \"$(ls '%s' | tr '\\n' ' ')\" = 'assay.lock data.mdb lock.mdb '",
		 db);
	cr_expect_eq(sh(cmd), 0, "a file was added to the store folder");
	cr_expect_eq(store_article_count(db), 16);
	cr_expect_eq(assay(false, "claims --state pending --format jsonl", &got), 0);
	cr_expect(strstr(got.data, id), "claim %s is no longer pending", id);
	for (size_t i = 0; i < NREADERS; i++)
		assay_buf_release(&want[i]);
	assay_buf_release(&before);
	assay_buf_release(&after);
	assay_buf_release(&got);
}

Test(readonly, another_users_store_is_read_by_the_reading_commands_and_never_written)
{
	read_only_store_is_read_and_kept(as_another_user, "this user may not write its files");
}

Test(readonly, a_store_on_a_read_only_mount_is_read_and_never_written)
{
	read_only_store_is_read_and_kept(on_a_read_only_mount, "read-only file system");
}

/* Whether process @pid sleeps writing into a full pipe. */
static bool blocked_on_pipe(pid_t pid)
{
	char path[64], wchan[64] = "";
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/wchan", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	if (!fgets(wchan, sizeof wchan, f))
		wchan[0] = '\0';
	fclose(f);
	return strstr(wchan, "pipe_write") != NULL;
}

/* A user who may not write lock.mdb reads without a reader slot, so the
 * owner's commits may reuse the pages of what it is reading. An export
 * held up in the middle (its output pipe full) while the owner writes
 * ends with status 2 and says its output may be mixed, instead of
 * passing off a mixed read as the store. @write: what the owner does
 * meanwhile, `ingest` (many commits, the read runs into reused pages) or
 * three reviews (small commits: the read ends whole, but after them). */
static void overtaken_read_says_so(bool ingest_more)
{
	char cmd[16384], more[1100], err[1100], buf[65536];
	const char *ingest[] = {"ingest", more, NULL};
	struct assay_buf msg = {0}, ids = {0};
	int fds[2], st;
	pid_t pid;

	as_another_user();
	cr_assert_eq(assay(false, "claims --format jsonl", &ids), 0);
	snprintf(more, sizeof more, "%s/more", dir);
	snprintf(err, sizeof err, "%s/err.txt", dir);
	cr_assert_eq(mkdir(more, 0755), 0);
	write_pages(more, 8, 17);
	cr_assert_eq(pipe(fds), 0);
	cr_assert_eq(fcntl(fds[1], F_SETPIPE_SZ, 4096), 4096);
	snprintf(cmd, sizeof cmd, "exec %s '%s' --db '%s' export claims --format jsonl 2>'%s'",
		 prefix, assay_bin(), db, err);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	for (int i = 0; i < 200 && !blocked_on_pipe(pid); i++)
		usleep(50000);
	cr_assert(blocked_on_pipe(pid), "the export did not fill its pipe");
	/* the owner (root) writes while it waits */
	snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'", db);
	cr_assert_eq(sh(cmd), 0);
	if (ingest_more) {
		cr_assert_eq(assay_run(db, NULL, ingest), 0);
	} else {
		const char *at = ids.data;

		for (int i = 0; i < 3; i++) {
			char one[16], args[64];
			struct assay_buf out = {0};

			at = strstr(at, "\"id\":\"");
			cr_assert_not_null(at);
			at += 6;
			snprintf(one, sizeof one, "%.*s", (int)strcspn(at, "\""), at);
			snprintf(args, sizeof args, "review %s accept --editor ed", one);
			cr_assert_eq(assay(false, args, &out), 0, "%s", out.data);
			assay_buf_release(&out);
		}
	}
	while (read(fds[0], buf, sizeof buf) > 0)
		;
	close(fds[0]);
	st = assay_wait(pid);
	cr_assert(slurp(err, &msg));
	cr_expect_eq(st, 2, "exit %d: %s", st, msg.data ? msg.data : "");
	cr_expect(msg.data && strstr(msg.data, "written while it was read") &&
			  strstr(msg.data, "run the command again"),
		  "%s", msg.data ? msg.data : "(nothing)");
	assay_buf_release(&msg);
	assay_buf_release(&ids);
}

Test(readonly, a_read_without_a_reader_slot_overtaken_by_an_ingest_says_so)
{
	overtaken_read_says_so(true);
}

Test(readonly, a_read_without_a_reader_slot_overtaken_by_reviews_says_so)
{
	overtaken_read_says_so(false);
}
