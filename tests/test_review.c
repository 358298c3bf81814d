/* test_review.c - the words of a claim on every desk: figures written
 * for people and the figures editors type, read back. Cases are in
 * tests/data/review_*.tsv, one a line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assay.h"
#include "review.h"

static FILE *open_case_file(const char *name)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/data/%s", root ? root : ".", name);
	f = fopen(path, "r");
	cr_assert_not_null(f, "cannot open %s", path);
	return f;
}

/* Splits a case line at tabs into at most @max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	if (!*line || *line == '#')
		return 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

TestSuite(review);

Test(review, figures_are_written_for_people)
{
	FILE *f = open_case_file("review_figures.tsv");
	char line[512], *fld[4], out[128];
	int cases = 0;

	while (fgets(line, sizeof line, f)) {
		bool has_max;

		if (split_tabs(line, fld, 4) != 4)
			continue;
		has_max = strcmp(fld[1], "-") != 0;
		assay_review_fmt_figure(strtod(fld[0], NULL), has_max ? strtod(fld[1], NULL) : 0,
				 has_max, fld[2], out, sizeof out);
		cr_expect_str_eq(out, fld[3], "case %s %s", fld[0], fld[2]);
		cases++;
	}
	fclose(f);
	cr_assert_gt(cases, 5);
}

Test(review, typed_corrections_are_read_as_numbers)
{
	FILE *f = open_case_file("review_values.tsv");
	char line[256], *fld[2];
	int cases = 0;

	while (fgets(line, sizeof line, f)) {
		double v = -12345;
		bool ok;

		if (split_tabs(line, fld, 2) != 2)
			continue;
		ok = assay_review_parse_value(fld[0], &v);
		if (strcmp(fld[1], "no") == 0)
			cr_expect_not(ok, "'%s' should be refused, got %g", fld[0], v);
		else
			cr_expect(ok && v == strtod(fld[1], NULL), "'%s': got %g, want %s",
				  fld[0], v, fld[1]);
		cases++;
	}
	fclose(f);
	cr_assert_gt(cases, 10);
}


Test(review, ids_read_as_words_and_are_cut_to_fit)
{
	char w[8];

	assay_review_words("refining_share", w, sizeof w);
	cr_expect_str_eq(w, "refinin");
	assay_review_words("rare-earths", w, sizeof w);
	cr_expect_str_eq(w, "rare ea");
	assay_review_words(NULL, w, sizeof w);
	cr_expect_str_eq(w, "");
}

/* A fresh folder holding reject-reasons.txt with @text (NULL: no file). */
static void reasons_dir(char *dir, const char *text)
{
	char path[128];
	FILE *f;

	strcpy(dir, "/tmp/assay-reasons-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	if (!text)
		return;
	snprintf(path, sizeof path, "%s/reject-reasons.txt", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static void reasons_dir_remove(const char *dir)
{
	char path[128];

	snprintf(path, sizeof path, "%s/reject-reasons.txt", dir);
	unlink(path);
	rmdir(dir);
}

Test(review, reject_reasons_default_to_four_presets_on_keys_1_to_4)
{
	struct assay_review_reasons r;
	char dir[64], why[256] = "";

	reasons_dir(dir, NULL);
	cr_assert_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_OK, "%s", why);
	cr_expect_eq(r.n, 4);
	cr_expect_str_eq(assay_review_reason_of_key(&r, '1'), "not a figure of the story");
	cr_expect_str_eq(assay_review_reason_of_key(&r, '4'), "duplicate");
	cr_expect_null(assay_review_reason_of_key(&r, '5'));
	cr_expect_null(assay_review_reason_of_key(&r, '0'));
	cr_expect_null(assay_review_reason_of_key(&r, 'a'));
	reasons_dir_remove(dir);
}

Test(review, reject_reasons_are_read_from_the_store_folder)
{
	struct assay_review_reasons r;
	char dir[64], why[256] = "";

	reasons_dir(dir, "# our desk\n\n  press release, not news  \r\nwrong unit\n");
	cr_assert_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_OK, "%s", why);
	cr_expect_eq(r.n, 2);
	cr_expect_str_eq(assay_review_reason_of_key(&r, '1'), "press release, not news");
	cr_expect_str_eq(assay_review_reason_of_key(&r, '2'), "wrong unit");
	cr_expect_null(assay_review_reason_of_key(&r, '3'));
	reasons_dir_remove(dir);

	reasons_dir(dir, "# none at all\n");
	cr_assert_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_OK);
	cr_expect_eq(r.n, 0, "an empty file means no presets");
	reasons_dir_remove(dir);
}

Test(review, a_bad_reasons_file_is_refused_with_its_line)
{
	struct assay_review_reasons r;
	char dir[64], why[512], long_[400];

	reasons_dir(dir, "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");
	cr_expect_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_EINVAL);
	cr_expect_not_null(strstr(why, "reject-reasons.txt:10: at most 9 reasons"), "%s", why);
	cr_expect_eq(r.n, 0);
	reasons_dir_remove(dir);

	reasons_dir(dir, "fine\nbell \x07 here\n");
	cr_expect_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_EINVAL);
	cr_expect_not_null(strstr(why, ":2: not UTF-8 text, or a control character"), "%s", why);
	reasons_dir_remove(dir);

	memset(long_, 'x', sizeof long_ - 2);
	long_[sizeof long_ - 2] = '\n';
	long_[sizeof long_ - 1] = '\0';
	reasons_dir(dir, long_);
	cr_expect_eq(assay_review_reasons_load(dir, &r, why, sizeof why), ASSAY_EINVAL);
	cr_expect_not_null(strstr(why, ":1: a reason is at most 255 bytes"), "%s", why);
	reasons_dir_remove(dir);
}
