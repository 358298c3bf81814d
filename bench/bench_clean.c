/* bench_clean.c - how fast the cleaner is, against a bare libxml2 parse.
 *
 * usage: bench_clean [-n ROUNDS] DIR|FILE...
 *
 * Cleans every page (HTML, gzip read transparently) in one process and
 * reports MB/s of HTML, beside htmlReadMemory() + xmlFreeDoc() of the same
 * pages with the same options in the same run: the ratio of the two is the
 * cleaner's cost. Pages are read one at a time, so memory stays that of one
 * page; only the parse and the clean are timed. Peak RSS is reported for
 * the whole run. Never run by `meson test`. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "assay.h"
#include "clean.h"
#include "file.h"

struct totals {
	double bare, clean; /* seconds */
	size_t bytes, pages, failed, text;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void bench_page(const struct assay_buf *in, struct totals *t)
{
	struct assay_doc d;
	double t0, t1, t2;
	htmlDocPtr doc;

	t0 = now();
	doc = htmlReadMemory(in->data, (int)in->len, NULL, NULL,
			     HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
			     HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	if (doc)
		xmlFreeDoc(doc);
	t1 = now();
	if (assay_clean(in->data, in->len, NULL, &d) == ASSAY_OK) {
		t->text += d.text_len;
		assay_doc_release(&d);
	} else {
		t->failed++;
	}
	t2 = now();
	t->bare += t1 - t0;
	t->clean += t2 - t1;
	t->bytes += in->len;
	t->pages++;
}

static void bench_path(const char *path, struct assay_buf *in, struct totals *t)
{
	DIR *dir = opendir(path);
	struct dirent *e;

	if (!dir) {
		assay_buf_reset(in);
		if (assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, in) == ASSAY_OK && in->len)
			bench_page(in, t);
		return;
	}
	while ((e = readdir(dir))) {
		char p[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		assay_buf_reset(in);
		if (assay_read_file(p, ASSAY_FILE_MAX_DEFAULT, in) == ASSAY_OK && in->len)
			bench_page(in, t);
	}
	closedir(dir);
}

int main(int argc, char **argv)
{
	struct assay_buf in = {0};
	struct totals best = {0};
	struct rusage ru;
	int rounds = 3, first = 1;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: bench_clean [-n ROUNDS] DIR|FILE...\n");
		return 2;
	}
	assay_parse_init();
	for (int r = 0; r < rounds; r++) {
		struct totals t = {0};

		for (int i = first; i < argc; i++)
			bench_path(argv[i], &in, &t);
		if (r == 0 || t.bare + t.clean < best.bare + best.clean)
			best = t;
	}
	assay_buf_release(&in);
	getrusage(RUSAGE_SELF, &ru);
	printf("pages %zu, %.1f MB of HTML, %zu failed, %.1f MB of text kept (best of %d rounds)\n",
	       best.pages, (double)best.bytes / 1e6, best.failed, (double)best.text / 1e6, rounds);
	printf("bare libxml2 parse: %.3f s, %.1f MB/s\n", best.bare, (double)best.bytes / 1e6 / best.bare);
	printf("assay_clean:        %.3f s, %.1f MB/s\n", best.clean, (double)best.bytes / 1e6 / best.clean);
	printf("clean / bare parse: %.2fx\n", best.clean / best.bare);
	printf("peak RSS: %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
	return best.failed ? 1 : 0;
}
