/* bench_recognize.c - speed of the recognizers over a large body of news.
 *
 * usage: bench_recognize [--text] [--rounds N] PATH...
 * PATHs are HTML pages (gzip or not) or folders of them, cleaned with
 * assay_clean() first; with --text they are plain text files. Default:
 * ../shared/bench/boilerplate/html (990 news pages). Reports MB/s,
 * sentences/s and mentions/s of sentence splitting plus mention finding,
 * and, as a baseline measured in the same run over the same text, one
 * JIT-compiled PCRE2 pass that finds every number (the least a
 * regex-based figure finder must do); the ratio says what the full
 * recognizers cost over it. Best of N rounds (default 3); times are CPU
 * time of this process, so the figures are per core on a shared machine. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "assay.h"
#include "clean.h"
#include "extract.h"
#include "file.h"
#include "mentions.h"

struct corpus {
	char **texts;
	size_t *lens;
	size_t n, cap, bytes;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* per core, whatever the load */
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int add_text(struct corpus *c, const char *t, size_t len)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		char **tv = realloc(c->texts, cap * sizeof *tv);
		size_t *lv = realloc(c->lens, cap * sizeof *lv);
		if (!tv || !lv)
			return ASSAY_ENOMEM;
		c->texts = tv;
		c->lens = lv;
		c->cap = cap;
	}
	c->texts[c->n] = malloc(len + 1);
	if (!c->texts[c->n])
		return ASSAY_ENOMEM;
	memcpy(c->texts[c->n], t, len);
	c->texts[c->n][len] = '\0';
	c->lens[c->n++] = len;
	c->bytes += len;
	return ASSAY_OK;
}

static void load_file(struct corpus *c, const char *path, bool text)
{
	struct assay_buf b = {0};
	struct assay_doc doc = {0};

	if (assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &b) != ASSAY_OK)
		return;
	if (text)
		add_text(c, b.data ? b.data : "", b.len);
	else if (assay_clean(b.data ? b.data : "", b.len, NULL, &doc) == ASSAY_OK)
		add_text(c, doc.text, doc.text_len);
	assay_doc_release(&doc);
	assay_buf_release(&b);
}

static void load_path(struct corpus *c, const char *path, bool text)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		load_file(c, path, text);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		char full[4096];
		if (e->d_name[0] == '.')
			continue;
		snprintf(full, sizeof full, "%s/%s", path, e->d_name);
		load_path(c, full, text);
	}
	if (d)
		closedir(d);
}

/* One round of the recognizers; returns seconds, counts into *sents, *ments. */
static double run_recognizers(const struct corpus *c, size_t *sents, size_t *ments)
{
	double t0 = now();

	*sents = *ments = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct assay_span *sp = NULL;
		struct assay_mention *m = NULL;
		size_t ns = 0, nm = 0;

		if (assay_split_sentences(c->texts[i], c->lens[i], &sp, &ns) == ASSAY_OK &&
		    assay_find_mentions(c->texts[i], c->lens[i], NULL, &m, &nm) == ASSAY_OK) {
			*sents += ns;
			*ments += nm;
		}
		free(sp);
		free(m);
	}
	return now() - t0;
}

/* The baseline: one JIT pass of a number pattern over the same text. */
static double run_baseline(const struct corpus *c, size_t *hits)
{
	int err;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR) "\\d+(?:[.,]\\d+)*", PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP, &err, &eo, NULL);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	double t0;

	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	*hits = 0;
	t0 = now();
	for (size_t i = 0; i < c->n; i++) {
		PCRE2_SIZE off = 0;
		while (pcre2_match(re, (PCRE2_SPTR)c->texts[i], c->lens[i], off, PCRE2_NO_UTF_CHECK, md,
				   NULL) >= 0) {
			off = pcre2_get_ovector_pointer(md)[1];
			(*hits)++;
		}
	}
	t0 = now() - t0;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return t0;
}

int main(int argc, char **argv)
{
	struct corpus c = {0};
	bool text = false;
	int rounds = 3, npaths = 0;
	double best = 1e9, base = 1e9;
	size_t sents = 0, ments = 0, hits = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--text") == 0)
			text = true;
		else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else
			npaths++;
	}
	assay_parse_init();
	if (assay_extract_init() != ASSAY_OK) {
		fprintf(stderr, "bench_recognize: cannot initialise the recognizers\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--rounds") == 0)
			i++;
		else if (argv[i][0] != '-')
			load_path(&c, argv[i], text);
	}
	if (!npaths)
		load_path(&c, "../shared/bench/boilerplate/html", false);
	if (!c.bytes) {
		fprintf(stderr, "bench_recognize: no text (give HTML pages or --text files)\n");
		return 2;
	}
	for (int r = 0; r < rounds; r++) {
		double t = run_recognizers(&c, &sents, &ments), b = run_baseline(&c, &hits);
		if (t < best)
			best = t;
		if (b < base)
			base = b;
	}
	printf("documents        %zu\n", c.n);
	printf("text             %.2f MB\n", c.bytes / 1e6);
	printf("sentences        %zu\n", sents);
	printf("mentions         %zu\n", ments);
	printf("recognizers      %.3f s  %.1f MB/s  %.0f sentences/s  %.0f mentions/s\n", best,
	       c.bytes / 1e6 / best, sents / best, ments / best);
	printf("baseline (JIT number scan, %zu hits)  %.3f s  %.1f MB/s\n", hits, base,
	       c.bytes / 1e6 / base);
	printf("ratio            recognizers take %.1fx the baseline's time\n", best / base);
	for (size_t i = 0; i < c.n; i++)
		free(c.texts[i]);
	free(c.texts);
	free(c.lens);
	assay_extract_shutdown();
	return 0;
}
