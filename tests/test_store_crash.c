/* test_store_crash.c - crash safety and concurrent writers.
 *
 * An ingest child is killed with SIGKILL at random points; after each kill
 * the store opens, every article the child reported committed is there,
 * and ingesting everything again adds each article, claim source and
 * story exactly once. Two writers: the process lock answers busy at once
 * or waits, and `assay ingest` against a locked store exits with status 2. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "store.h"
#include "store_util.h"

#define NART 400

static char *dir;

static void setup(void)
{
	dir = tmp_store_dir();
	cr_assert_not_null(dir);
}

static void teardown(void)
{
	rm_tree(dir);
	free(dir);
}

TestSuite(crash, .init = setup, .fini = teardown, .timeout = 240);

/* Article @i: a unique URL and text, two claims and an agreement. */
static void make_article(int i, struct assay_buf *text, struct assay_buf *url,
			 struct assay_claim c[2], struct assay_agreement *g,
			 struct assay_extraction *x, struct assay_article *a)
{
	assay_buf_reset(text);
	assay_buf_reset(url);
	assay_buf_printf(url, "https://crash.example/story/%d", i);
	for (uint64_t w = 0; w < 80; w++) { /* splitmix64: unrelated words per article */
		uint64_t z = ((uint64_t)i << 20 | w) + 0x9e3779b97f4a7c15u;

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
		assay_buf_printf(text, "word%u ", (unsigned)((z ^ (z >> 31)) % 100003));
	}
	memset(c, 0, 2 * sizeof *c);
	for (int k = 0; k < 2; k++) {
		snprintf(c[k].subject, sizeof c[k].subject, "S%d", i % 37);
		snprintf(c[k].metric, sizeof c[k].metric, "%s", k ? "production" : "reserves");
		strcpy(c[k].status, "actual");
		strcpy(c[k].unit, "t");
		strcpy(c[k].qualifier, "eq");
		c[k].value = 100.0 * (1 + i % 3);
		c[k].evidence.end = 20;
	}
	memset(g, 0, sizeof *g);
	strcpy(g->type, "deal");
	strcpy(g->status, i % 2 ? "signed" : "stalled");
	g->nparties = 2;
	snprintf(g->parties[0], sizeof g->parties[0], "P%d", i % 5);
	strcpy(g->parties[1], "ZZ");
	*x = (struct assay_extraction){NULL, 0, c, 2, g, 1};
	memset(a, 0, sizeof *a);
	a->url = url->data;
	a->text = text->data;
	a->text_len = text->len;
	a->raw = text->data;
	a->raw_len = text->len;
	a->x = x;
}

/* Puts articles [from, to); reports each commit on @fd when fd >= 0. */
static int ingest(int from, int to, int fd)
{
	struct assay_buf text = {0}, url = {0};
	struct assay_store *s;
	int rc = assay_store_open(dir, ASSAY_STORE_CREATE, &s);

	for (int i = from; i < to && !rc; i++) {
		struct assay_claim c[2];
		struct assay_agreement g;
		struct assay_extraction x;
		struct assay_article a;
		struct assay_put_result r;

		make_article(i, &text, &url, c, &g, &x, &a);
		rc = assay_store_put_article(s, &a, &r);
		if (!rc && fd >= 0 && write(fd, &i, sizeof i) != (ssize_t)sizeof i)
			rc = ASSAY_EIO;
	}
	assay_store_close(s);
	assay_buf_release(&text);
	assay_buf_release(&url);
	return rc;
}

/* Runs an ingest child, kills it after @after commits and a short random
 * delay; returns the number of commits it reported. */
static int kill_ingest_after(int after)
{
	int fds[2], last = -1, got = 0, i;
	pid_t pid;

	cr_assert_eq(pipe(fds), 0);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		_exit(ingest(0, NART, fds[1]) ? 1 : 0);
	}
	close(fds[1]);
	while (got < after && read(fds[0], &i, sizeof i) == (ssize_t)sizeof i) {
		last = i;
		got++;
	}
	usleep((useconds_t)(rand() % 3000));
	kill(pid, SIGKILL);
	while (read(fds[0], &i, sizeof i) == (ssize_t)sizeof i) /* commits before the kill */
		last = i, got++;
	waitpid(pid, NULL, 0);
	close(fds[0]);
	return last + 1;
}

Test(crash, sigkill_during_ingest_loses_nothing_committed_and_rerun_adds_no_duplicates)
{
	srand((unsigned)time(NULL));
	for (int round = 0; round < 4; round++) {
		int committed = kill_ingest_after(1 + rand() % (NART - 1));
		struct assay_store *s;
		struct assay_store_stats st;
		char url[64];

		cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK, "round %d: %s", round,
			     assay_store_errmsg(NULL));
		for (int i = 0; i < committed; i++) {
			snprintf(url, sizeof url, "https://crash.example/story/%d", i);
			cr_assert(assay_store_has_url(s, url), "round %d: committed article %d lost",
				  round, i);
		}
		cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
		cr_assert_geq(st.articles, (uint64_t)committed);
		assay_store_close(s);
	}
	cr_assert_eq(ingest(0, NART, -1), ASSAY_OK);
	{
		struct assay_store *s;
		struct assay_store_stats st;

		cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK);
		cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
		cr_assert_eq(st.articles, NART);
		cr_assert_eq(st.stories, NART, "stories: %llu", (unsigned long long)st.stories);
		cr_assert_eq(st.evidences, 2 * NART, "each claim source once");
		assay_store_close(s);
	}
}

Test(crash, second_lock_holder_is_busy_or_waits)
{
	struct assay_store *s;
	int go[2];
	pid_t pid;
	char c;

	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	cr_assert_eq(pipe(go), 0);
	pid = fork();
	if (pid == 0) {
		struct assay_store *t;

		if (assay_store_open(dir, 0, &t) || assay_store_lock(t, false))
			_exit(1);
		if (write(go[1], "x", 1) != 1)
			_exit(1);
		usleep(300000);
		assay_store_close(t); /* releases the lock */
		_exit(0);
	}
	cr_assert_eq(read(go[0], &c, 1), 1);
	cr_assert_eq(assay_store_lock(s, false), ASSAY_EBUSY);
	cr_assert_eq(assay_store_lock(s, true), ASSAY_OK, "waits for the holder");
	waitpid(pid, NULL, 0);
	assay_store_close(s);
}

Test(crash, ingest_against_a_locked_store_exits_2_with_a_message)
{
	const char *bin = getenv("ASSAY_BIN");
	struct assay_store *s;
	char cmd[8192], path[4096];
	FILE *f;
	int status;

	cr_assert_not_null(bin, "ASSAY_BIN not set");
	snprintf(path, sizeof path, "%s/page.txt", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("A headline\n\nSome text of the story.\n", f);
	fclose(f);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	cr_assert_eq(assay_store_lock(s, false), ASSAY_OK);
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' ingest '%s' 2>'%s/err.txt'", bin, dir, path, dir);
	status = system(cmd);
	cr_assert(WIFEXITED(status));
	cr_assert_eq(WEXITSTATUS(status), 2);
	assay_store_close(s);
}

/* The reprocess callback of the child below: says "inside" once, then
 * keeps the write transaction open a while. */
static int slow_page(void *ctx, const struct assay_stored_page *page, struct assay_article *out)
{
	int *fd = ctx;

	(void)out;
	(void)page;
	if (*fd >= 0) {
		if (write(*fd, "x", 1) != 1)
			return ASSAY_EIO;
		close(*fd);
		*fd = -1;
		usleep(1500000);
	}
	return ASSAY_EPARSE; /* skip the page */
}

static int count_claim(void *ctx, const struct assay_stored_claim *c,
		       const struct assay_source *src, size_t n)
{
	(void)c;
	(void)src;
	(void)n;
	(*(size_t *)ctx)++;
	return 0;
}

Test(crash, readers_open_and_read_while_a_reprocess_writes)
{
	struct assay_store *s;
	int go[2];
	size_t nclaims = 0;
	pid_t pid;
	char c;
	struct timespec t0, t1;

	cr_assert_eq(ingest(0, 20, -1), ASSAY_OK);
	cr_assert_eq(pipe(go), 0);
	pid = fork();
	if (pid == 0) {
		struct assay_store *w;
		int fd = go[1];

		close(go[0]);
		if (assay_store_open(dir, 0, &w))
			_exit(1);
		assay_store_reprocess(w, slow_page, &fd, NULL);
		assay_store_close(w);
		_exit(0);
	}
	close(go[1]);
	cr_assert_eq(read(go[0], &c, 1), 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK, "%s", assay_store_errmsg(NULL));
	cr_assert_eq(assay_store_claims(s, NULL, count_claim, &nclaims), ASSAY_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert_gt(nclaims, 0, "the last committed state is visible");
	cr_assert_lt((double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, 1.0,
		     "a reader does not wait for the writer");
	assay_store_close(s);
	waitpid(pid, NULL, 0);
	close(go[0]);
}
