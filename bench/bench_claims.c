/* bench_claims.c - what claims and agreements cost on top of the
 * recognizers, on the same texts, in the same run.
 *
 * The baseline is the recognizers' work (sentences and mentions); the
 * figure reported is the claim finder's time as a share of it. The target
 * (issue 5) is at most 50%. Texts: every .txt under the folders given
 * (default: tests/data/claims and corpus/seeds), each run many times.
 *
 * usage: bench_claims [-n ROUNDS] [DIR...] */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "buf.h"
#include "claims.h"
#include "extract.h"
#include "file.h"
#include "mentions.h"

#define MAXDOCS 512

/* CPU time of this thread: the box is shared, and time spent waiting for
 * a core is no cost of either phase. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static size_t load_dir(const char *dir, struct assay_buf *docs, size_t n)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		fprintf(stderr, "bench_claims: cannot open %s\n", dir);
		return n;
	}
	while ((e = readdir(d)) && n < MAXDOCS) {
		size_t len = strlen(e->d_name);
		char path[1024];
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		docs[n] = (struct assay_buf){0};
		if (assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &docs[n]) == ASSAY_OK && docs[n].len)
			n++;
		else
			assay_buf_release(&docs[n]);
	}
	closedir(d);
	return n;
}

/* One round over every document; adds the two phases' times. */
static int round_once(struct assay_buf *docs, size_t n, double *recog, double *claims,
		      size_t *nclaims)
{
	for (size_t i = 0; i < n; i++) {
		struct assay_span *sents = NULL;
		size_t nsents = 0;
		struct assay_extraction x = {0};
		double t0 = now();
		if (assay_split_sentences(docs[i].data, docs[i].len, &sents, &nsents) ||
		    assay_find_mentions(docs[i].data, docs[i].len, NULL, &x.mentions, &x.nmentions))
			return ASSAY_ENOMEM;
		double t1 = now();
		if (assay_claims_find(docs[i].data, docs[i].len, NULL, sents, nsents, x.mentions,
				      x.nmentions, &x))
			return ASSAY_ENOMEM;
		double t2 = now();
		*recog += t1 - t0;
		*claims += t2 - t1;
		*nclaims += x.nclaims + x.nagreements;
		free(sents);
		assay_extraction_release(&x);
	}
	return ASSAY_OK;
}

int main(int argc, char **argv)
{
	static struct assay_buf docs[MAXDOCS];
	size_t n = 0, bytes = 0, found = 0;
	int rounds = 200, i = 1;
	double recog = 0, claims = 0;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		rounds = atoi(argv[2]);
		i = 3;
	}
	if (i >= argc) {
		n = load_dir("tests/data/claims", docs, n);
		n = load_dir("corpus/seeds", docs, n);
	}
	for (; i < argc; i++)
		n = load_dir(argv[i], docs, n);
	if (!n || assay_extract_init() != ASSAY_OK) {
		fprintf(stderr, "bench_claims: no texts (run from the source root)\n");
		return 1;
	}
	for (size_t k = 0; k < n; k++)
		bytes += docs[k].len;
	round_once(docs, n, &recog, &claims, &found); /* warm up */
	/* five batches; the median batch ratio resists other load on the box */
	double ratios[5], total_r = 0, total_c = 0;
	for (int b = 0; b < 5; b++) {
		recog = claims = 0;
		for (int r = 0; r < rounds / 5 + 1; r++)
			if (round_once(docs, n, &recog, &claims, &found)) {
				fprintf(stderr, "bench_claims: out of memory\n");
				return 1;
			}
		ratios[b] = claims / recog;
		total_r += recog;
		total_c += claims;
	}
	qsort(ratios, 5, sizeof ratios[0], cmp_double);
	printf("texts %zu (%zu bytes) x %d rounds\n", n, bytes, 5 * (rounds / 5 + 1));
	printf("recognizers (baseline) %.3f s  %.1f MB/s\n", total_r,
	       (double)bytes * 5 * (rounds / 5 + 1) / total_r / 1e6);
	printf("claims+agreements      %.3f s  %.1f MB/s\n", total_c,
	       (double)bytes * 5 * (rounds / 5 + 1) / total_c / 1e6);
	printf("claims / recognizers   %.1f%% median of 5 batches (%.1f%% .. %.1f%%; target <= 50%%)\n",
	       100 * ratios[2], 100 * ratios[0], 100 * ratios[4]);
	for (size_t k = 0; k < n; k++)
		assay_buf_release(&docs[k]);
	assay_extract_shutdown();
	return 0;
}
