/* faults_util.c - helpers shared by the fault tests (see faults_util.h).
 *
 * Generated pages read like the corpus: a headline, a byline, a lead, a
 * few paragraphs with figures for varied countries and metrics, and a
 * related-news box; each page's words and figures depend on its number,
 * so no two are the same story. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "faults_util.h"
#include "file.h"

const char *source_path(const char *rel)
{
	static char path[4096];
	const char *root = getenv("ASSAY_SOURCE_ROOT");

	snprintf(path, sizeof path, "%s/%s", root ? root : ".", rel);
	return path;
}

const char *assay_bin(void)
{
	const char *bin = getenv("ASSAY_BIN");

	cr_assert_not_null(bin, "ASSAY_BIN not set");
	return bin;
}

char *fault_tmpdir(void)
{
	char *d = strdup("/tmp/assay-faults.XXXXXX");

	cr_assert_not_null(d);
	cr_assert_not_null(mkdtemp(d), "mkdtemp: %s", strerror(errno));
	return d;
}

static void rm_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	struct stat st;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rm_entries(path);
			rmdir(path);
		} else {
			unlink(path);
		}
	}
	closedir(d);
}

void fault_rmdir(const char *dir)
{
	if (!dir || strncmp(dir, "/tmp/assay-faults.", 18) != 0)
		return; /* only what fault_tmpdir() made */
	rm_entries(dir);
	rmdir(dir);
}

int sample_article_load(const char *path, struct sample_article *sa)
{
	struct assay_page page = {.url = "https://sample.example/article",
				  .content_type = "text/html", .published = "2024-10-16",
				  .fetched_at = 1729065600};
	int rc;

	memset(sa, 0, sizeof *sa);
	if ((rc = assay_read_file(path, 1u << 24, &sa->raw)))
		return rc;
	assay_parse_init();
	if ((rc = assay_extract_init()))
		return rc;
	page.body = sa->raw.data;
	page.len = sa->raw.len;
	if ((rc = assay_pipeline_process(&page, &sa->pr)))
		return rc;
	sa->a = sa->pr.article;
	sa->a.url = page.url; /* one identity, whatever the page's canonical link */
	return ASSAY_OK;
}

void sample_article_release(struct sample_article *sa)
{
	assay_processed_release(&sa->pr);
	assay_buf_release(&sa->raw);
}

static const char *const countries[] = {"Turkey", "China", "Australia", "Chile", "Peru",
					"Canada", "Brazil", "Kazakhstan", "Indonesia", "Zambia"};
static const char *const minerals[] = {"copper", "lithium", "nickel", "cobalt", "rare earth",
				       "zinc", "gold", "iron ore"};
static const char *const verbs[] = {"produced", "exported", "mined", "shipped"};

static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xffffffu;
}

static void write_page(FILE *f, int i, unsigned seed)
{
	unsigned r = seed ^ ((unsigned)i * 2654435761u);
	const char *c = countries[next_rand(&r) % 10], *m = minerals[next_rand(&r) % 8];

	fprintf(f, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
		   "<title>%s %s output report %d</title>"
		   "<link rel=\"canonical\" href=\"https://gen.example/news/%u/%d\">"
		   "<meta property=\"article:published_time\" content=\"2024-10-%02d\"></head>"
		   "<body><nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav>"
		   "<article><h1>%s %s output report %d</h1><p class=\"byline\">By Staff</p>",
		c, m, i, seed, i, 1 + i % 28, c, m, i);
	for (int p = 0; p < 4; p++) {
		const char *c2 = countries[next_rand(&r) % 10];

		fprintf(f, "<p>%s %s %u,%03u tonnes of %s in 2023, the ministry said in report "
			   "number %d, while analysts at bank %u expect prices to rise %u.%u%% "
			   "next year as demand from battery makers in %s grows.</p>",
			c2, verbs[next_rand(&r) % 4], 1 + next_rand(&r) % 900, next_rand(&r) % 1000,
			m, i * 7 + p, next_rand(&r) % 100000, next_rand(&r) % 20,
			next_rand(&r) % 10, countries[next_rand(&r) % 10]);
	}
	fprintf(f, "</article><aside class=\"related\"><h3>Related News</h3><ul>"
		   "<li><a href=\"/x\">Gold hits record</a></li></ul></aside>"
		   "<footer>Copyright 2024</footer></body></html>\n");
}

char *page_html(int i, unsigned seed)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	cr_assert_not_null(f);
	write_page(f, i, seed);
	cr_assert_eq(fclose(f), 0);
	return text;
}

void write_pages(const char *dir, int n, unsigned seed)
{
	char path[4096];

	for (int i = 0; i < n; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/page%05d.html", dir, i);
		f = fopen(path, "w");
		cr_assert_not_null(f, "%s: %s", path, strerror(errno));
		write_page(f, i, seed);
		cr_assert_eq(fclose(f), 0);
	}
}

pid_t assay_spawn(const char *db, const char *out_path, const char *const *args)
{
	const char *argv[32] = {assay_bin(), "--db", db};
	size_t n = 3;
	pid_t pid;

	for (; *args && n < 31; args++)
		argv[n++] = *args;
	argv[n] = NULL;
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

int assay_wait(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int assay_run(const char *db, const char *out_path, const char *const *args)
{
	return assay_wait(assay_spawn(db, out_path, args));
}

long store_article_count(const char *dir)
{
	struct assay_store *s;
	struct assay_store_stats st;
	long n = -1;

	if (assay_store_open(dir, ASSAY_STORE_RDONLY, &s) != ASSAY_OK)
		return -1;
	if (assay_store_stats(s, &st) == ASSAY_OK)
		n = (long)st.articles;
	assay_store_close(s);
	return n;
}

struct url_seen {
	char **urls;
	size_t *lens;
	size_t n, cap;
};

/* Inside the store's read transaction: only notes (the store may not be
 * called from here). */
static int note_url(void *ctx, const struct assay_stored_article *a)
{
	struct url_seen *u = ctx;

	if (u->n == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 256;
		char **v = realloc(u->urls, cap * sizeof *v);
		size_t *l;

		if (!v)
			return ASSAY_ENOMEM;
		u->urls = v;
		if (!(l = realloc(u->lens, cap * sizeof *l)))
			return ASSAY_ENOMEM;
		u->lens = l;
		u->cap = cap;
	}
	if (!(u->urls[u->n] = strdup(a->url)))
		return ASSAY_ENOMEM;
	u->lens[u->n++] = a->text_len;
	return 0;
}

static bool texts_read_back(struct assay_store *s, const struct url_seen *u)
{
	bool ok = true;

	for (size_t i = 0; i < u->n; i++) {
		struct assay_buf text = {0};
		int rc = assay_store_article_text(s, u->urls[i], &text);

		if (rc != ASSAY_OK || text.len != u->lens[i]) {
			cr_log_warn("%s: text: %s, %zu bytes of %zu", u->urls[i], assay_strerror(rc),
				    text.len, u->lens[i]);
			ok = false;
		}
		assay_buf_release(&text);
	}
	return ok;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool store_urls_unique(const char *dir)
{
	struct url_seen u = {0};
	struct assay_store *s;
	bool ok;
	int rc;

	if (assay_store_open(dir, ASSAY_STORE_RDONLY, &s) != ASSAY_OK)
		return false;
	rc = assay_store_articles(s, note_url, &u);
	if (rc != ASSAY_OK)
		cr_log_warn("%s: walking the articles: %s", dir, assay_store_errmsg(s));
	ok = rc == ASSAY_OK && texts_read_back(s, &u);
	if (u.n)
		qsort(u.urls, u.n, sizeof *u.urls, cmp_str);
	for (size_t i = 1; i < u.n; i++)
		if (!strcmp(u.urls[i - 1], u.urls[i])) {
			cr_log_warn("%s: stored twice", u.urls[i]);
			ok = false;
		}
	for (size_t i = 0; i < u.n; i++)
		free(u.urls[i]);
	free(u.urls);
	free(u.lens);
	assay_store_close(s);
	return ok;
}

bool slurp(const char *path, struct assay_buf *out)
{
	return assay_read_file(path, 1u << 26, out) == ASSAY_OK;
}
