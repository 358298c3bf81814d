/* test_faults_store.c - the store under a full disk, a full map and
 * readers left behind by killed processes.
 *
 * Disk full is a file size limit (RLIMIT_FSIZE, SIGXFSZ ignored) set in
 * the child that runs `assay ingest`, so LMDB's writes past it fail with
 * EFBIG exactly as on a full disk; no tmpfs or root needed. */
#include <criterion/criterion.h>
#include <lmdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "faults_util.h"
#include "store.h"

static char *dir;

static void setup(void)
{
	dir = fault_tmpdir();
}

static void teardown(void)
{
	fault_rmdir(dir);
	free(dir);
}

TestSuite(disk, .init = setup, .fini = teardown, .timeout = 300);

static off_t file_size(const char *d, const char *name)
{
	char path[4200];
	struct stat st;

	snprintf(path, sizeof path, "%.4000s/%.100s", d, name);
	return stat(path, &st) == 0 ? st.st_size : -1;
}

/* `assay ingest @pages` with writes limited to @limit bytes a file. */
static int ingest_limited(const char *db, const char *pages, rlim_t limit, const char *out)
{
	const char *args[] = {"ingest", pages, NULL};
	pid_t pid;

	fflush(NULL);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct rlimit rl = {limit, limit};

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(99);
		_exit(assay_run(db, out, args));
	}
	return assay_wait(pid);
}

Test(disk, a_full_disk_fails_the_run_with_a_message_and_keeps_what_was_stored)
{
	char db[4200], first[4200], more[4200], out[4200];
	const char *ingest_first[] = {"ingest", first, NULL};
	const char *ingest_more[] = {"ingest", more, NULL};
	struct assay_buf msg = {0};
	long before;
	int st;

	snprintf(db, sizeof db, "%s/db", dir);
	snprintf(first, sizeof first, "%s/first", dir);
	snprintf(more, sizeof more, "%s/more", dir);
	snprintf(out, sizeof out, "%s/out.txt", dir);
	cr_assert_eq(mkdir(first, 0755), 0);
	cr_assert_eq(mkdir(more, 0755), 0);
	write_pages(first, 20, 1);
	write_pages(more, 400, 2);
	cr_assert_eq(assay_run(db, NULL, ingest_first), 0);
	before = store_article_count(db);
	cr_assert_eq(before, 20);

	st = ingest_limited(db, more, (rlim_t)file_size(db, "data.mdb") + 64 * 1024, out);
	cr_assert(slurp(out, &msg));
	cr_expect_neq(st, 0, "a run that could not write exited 0");
	cr_expect_lt(st, 128, "the run died (status %d) instead of failing cleanly", st);
	cr_expect(strstr(msg.data ? msg.data : "", "assay: ") != NULL,
		  "no message on stderr: '%s'", msg.data ? msg.data : "");
	cr_log_info("disk full: exit %d, %.200s", st, msg.data ? msg.data : "");

	cr_expect_geq(store_article_count(db), before, "articles stored before were lost");
	cr_expect(store_urls_unique(db), "the store reads back wrong after the failed run");
	cr_assert_lt(store_article_count(db), 420, "the limit did not bite");
	/* With room again, the same run completes the store without duplicates. */
	st = assay_run(db, NULL, ingest_more);
	cr_expect_eq(st, 0);
	cr_expect_eq(store_article_count(db), 420);
	cr_expect(store_urls_unique(db));
	assay_buf_release(&msg);
}

/* ---- Map full ---------------------------------------------------------- */

static void random_bytes(unsigned char *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		p[i] = (unsigned char)(seed >> 56);
	}
}

Test(disk, a_full_map_grows_and_every_write_succeeds)
{
	enum { N = 90, RAW = 1 << 20 };
	unsigned char *raw = malloc(RAW);
	struct assay_store *s;
	struct assay_store_stats st;
	char url[128], text[256];

	cr_assert_not_null(raw);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	for (int i = 0; i < N; i++) { /* 90 MB that does not compress, past the 64 MB map */
		struct assay_article a = {0};
		struct assay_put_result res;

		random_bytes(raw, RAW, (uint64_t)i + 1);
		snprintf(url, sizeof url, "https://map.example/%d", i);
		snprintf(text, sizeof text, "Story %d about page %d, figure %d tonnes.", i, i * 3,
			 i * 11);
		a.url = url;
		a.raw = (const char *)raw;
		a.raw_len = RAW;
		a.text = text;
		a.text_len = strlen(text);
		cr_assert_eq(assay_store_put_article(s, &a, &res), ASSAY_OK, "put %d: %s", i,
			     assay_store_errmsg(s));
	}
	assay_store_close(s);
	cr_expect_gt(file_size(dir, "data.mdb"), (off_t)64 << 20);
	cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK);
	cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
	cr_expect_eq(st.articles, N);
	for (int i = 0; i < N; i += 17) { /* the pages read back as written */
		struct assay_buf back = {0};

		snprintf(url, sizeof url, "https://map.example/%d", i);
		random_bytes(raw, RAW, (uint64_t)i + 1);
		cr_assert_eq(assay_store_article_raw(s, url, &back), ASSAY_OK);
		cr_expect(back.len == RAW && !memcmp(back.data, raw, RAW), "page %d differs", i);
		assay_buf_release(&back);
	}
	assay_store_close(s);
	free(raw);
}

/* ---- Readers left by killed processes -------------------------------- */

static int hold_reader(void *ctx, const struct assay_stored_article *a)
{
	int fd = *(int *)ctx;

	(void)a;
	if (write(fd, "r", 1) != 1)
		_exit(3);
	for (;;)
		pause(); /* inside the read transaction until killed */
	return 0;
}

/* A child that opens the store, stops inside a read, and is killed there;
 * returns its pid. */
static pid_t kill_a_reader(const char *d)
{
	int fds[2];
	pid_t pid;
	char c;

	cr_assert_eq(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct assay_store *s;

		close(fds[0]);
		if (assay_store_open(d, ASSAY_STORE_RDONLY, &s) != ASSAY_OK)
			_exit(2);
		assay_store_articles(s, hold_reader, &fds[1]);
		_exit(4);
	}
	close(fds[1]);
	cr_assert_eq(read(fds[0], &c, 1), 1, "the reader child never got into its read");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	return pid;
}

struct slot_count {
	pid_t pid;
	int n;
};

static int count_reader_line(const char *msg, void *ctx)
{
	struct slot_count *c = ctx;

	if (strtol(msg, NULL, 10) == (long)c->pid)
		c->n++;
	return 0;
}

/* Reader slots held by @pid in the lock file, counted without clearing
 * any: in a child, so that this second environment never shares a process
 * with the store's. */
static int reader_slots(const char *d, pid_t pid)
{
	pid_t child;

	fflush(NULL);
	child = fork();
	if (child == 0) {
		struct slot_count c = {pid, 0};
		MDB_env *env;

		if (mdb_env_create(&env) || mdb_env_open(env, d, MDB_RDONLY, 0644))
			_exit(255);
		mdb_reader_list(env, count_reader_line, &c);
		mdb_env_close(env);
		_exit(c.n);
	}
	return assay_wait(child);
}

/* Opens and closes the store in a child process; its exit status. */
static int open_elsewhere(const char *d)
{
	pid_t child;

	fflush(NULL);
	child = fork();
	if (child == 0) {
		struct assay_store *s;
		int rc = assay_store_open(d, 0, &s);

		assay_store_close(s);
		_exit(rc == ASSAY_OK ? 0 : 1);
	}
	return assay_wait(child);
}

/* LMDB resets its reader table when the last process leaves, so stale
 * slots only matter while another process keeps the store open: a
 * long-running `assay serve`. This test is that process. */
Test(disk, readers_of_killed_processes_are_cleared_at_the_next_open)
{
	struct assay_store *s;
	struct assay_article a = {0};
	struct assay_put_result res;
	const char *text = "Chile produced 5.3 million tonnes of copper in 2023.";
	pid_t dead;

	a.url = "https://readers.example/1";
	a.text = a.raw = text;
	a.text_len = a.raw_len = strlen(text);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	cr_assert_eq(assay_store_put_article(s, &a, &res), ASSAY_OK);

	dead = kill_a_reader(dir);
	cr_expect_eq(reader_slots(dir, dead), 1, "the killed reader should have left its slot");
	cr_assert_eq(open_elsewhere(dir), 0);
	cr_expect_eq(reader_slots(dir, dead), 0, "the next open did not clear the dead slot");
	/* More killed readers than the table has slots (126): each open clears. */
	for (int i = 0; i < 140; i++)
		dead = kill_a_reader(dir);
	cr_assert_eq(open_elsewhere(dir), 0, "the store no longer opens");
	cr_expect_eq(reader_slots(dir, dead), 0);
	a.url = "https://readers.example/2";
	cr_expect_eq(assay_store_put_article(s, &a, &res), ASSAY_OK, "%s", assay_store_errmsg(s));
	assay_store_close(s);
	cr_expect_eq(store_article_count(dir), 2);
}
