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

Test(review, evidence_is_tidied_into_one_line_of_prose)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"China refines\nabout 90%\r\n of rare earths.", "China refines about 90% of rare earths."},
		{"  \t lead \xc2\xa0 and\xe2\x80\x83trail \n", "lead and trail"},
		{"lost \xef\xbf\xbd byte, \xff bad, soft\xc2\xadhyphen", "lost byte, bad, softhyphen"},
		{"esc \x1b]0;x\x07 bell", "esc ]0;x bell"},
		{"Russia | 20,000 | Limited exports", "Russia | 20,000 | Limited exports"},
		{"", ""},
	};
	char out[128];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = assay_review_tidy(cases[i].in, strlen(cases[i].in), out, sizeof out);
		cr_expect_str_eq(out, cases[i].want, "case %zu", i);
		cr_expect_eq(n, strlen(cases[i].want));
	}
	/* cut to fit on a character boundary, never mid-sequence */
	assay_review_tidy("ab\xc3\xa9", 4, out, 4);
	cr_expect_str_eq(out, "ab");
}

Test(review, a_table_row_finds_its_header_row_and_caption)
{
	const char *text = "Intro paragraph.\n\nRare Earth Production (tons, 2023)\n\n"
			   "Country | Tons | Note\n\n|---|---|---|\n\nChina | 240,000 | Most\n\n"
			   "Russia | 20,000 | Limited exports\n\nAfter the table.";
	const char *row = strstr(text, "Russia"), *first = strstr(text, "Country");
	char head[128], cap[128];

	cr_assert(assay_review_table_context(text, strlen(text), (size_t)(row - text), head,
					     sizeof head, cap, sizeof cap));
	cr_expect_str_eq(head, "Country | Tons | Note");
	cr_expect_str_eq(cap, "Rare Earth Production (tons, 2023)");
	/* the header row itself has no header above it */
	cr_assert(assay_review_table_context(text, strlen(text), (size_t)(first - text), head,
					     sizeof head, cap, sizeof cap));
	cr_expect_str_eq(head, "");
	/* prose is no table row */
	cr_expect_not(assay_review_table_context(text, strlen(text), 0, head, sizeof head, cap,
						 sizeof cap));
	/* a list item above a table is no caption */
	text = "- a point\n\nA | B\n\nx | 1";
	cr_assert(assay_review_table_context(text, strlen(text), strlen(text) - 5, head,
					     sizeof head, cap, sizeof cap));
	cr_expect_str_eq(cap, "");
	cr_expect_str_eq(head, "A | B");
	cr_expect(assay_review_is_table_row("a | b", 5));
	cr_expect_not(assay_review_is_table_row("|---|:--|", 9));
}

static void source(struct assay_source *s, const char *url, const char *story,
		   const char *site, size_t start, const char *ev)
{
	memset(s, 0, sizeof *s);
	snprintf(s->url, sizeof s->url, "%s", url);
	snprintf(s->story, sizeof s->story, "%s", story);
	snprintf(s->site, sizeof s->site, "%s", site);
	snprintf(s->published, sizeof s->published, "2024-01-0%zu", 1 + start % 5);
	snprintf(s->evidence, sizeof s->evidence, "%s", ev);
	s->start = start;
}

Test(review, sources_are_labelled_by_what_they_are_to_the_ones_above)
{
	struct assay_source src[5];
	char label[256];

	source(&src[0], "https://b.example/copy", "s1", "b.example", 11, "Russia mined 20,000 t.");
	source(&src[1], "https://a.example/page", "s1", "a.example", 300, "Russia | 20,000 | x");
	source(&src[2], "https://a.example/page", "s1", "a.example", 10, "Russia mined 20,000 t.");
	source(&src[3], "https://c.example/other", "s2", "c.example", 10, "Russia: 20,000 t.");
	source(&src[4], "https://d.example/", "", "", 10, "20,000 t");
	src[0].published[9] = '9'; /* the copy is later */
	assay_review_sort_sources(src, 5);
	cr_expect_str_eq(src[0].url, "https://d.example/", "no story sorts first");
	cr_expect_str_eq(src[1].url, "https://a.example/page");
	cr_expect_eq(src[1].start, 10, "a page's sources in text order");
	cr_expect_eq(src[2].start, 300);
	cr_expect_str_eq(src[3].url, "https://b.example/copy");
	cr_expect_eq(assay_review_source_role(src, 0), ASSAY_REVIEW_SRC_STORY);
	cr_expect_eq(assay_review_source_role(src, 1), ASSAY_REVIEW_SRC_STORY);
	cr_expect_eq(assay_review_source_role(src, 2), ASSAY_REVIEW_SRC_SAME_PAGE);
	cr_expect_eq(assay_review_source_role(src, 3), ASSAY_REVIEW_SRC_COPY);
	cr_expect_eq(assay_review_source_role(src, 4), ASSAY_REVIEW_SRC_STORY);
	assay_review_source_label(src, 2, 2, label, sizeof label);
	cr_expect_str_eq(label, "Also in the same article: a table row");
	assay_review_source_label(src, 3, 2, label, sizeof label);
	cr_expect_str_eq(label, "The same story, also published by b.example");
	assay_review_source_label(src, 4, 3, label, sizeof label);
	cr_expect_str_eq(label, "Story 3");
}

Test(review, corrections_are_checked_against_the_contract)
{
	struct assay_review_fix f;

	memset(&f, 0, sizeof f);
	cr_expect_null(assay_review_fix_check(false, &f));
	snprintf(f.period, sizeof f.period, "2024/2029");
	snprintf(f.status, sizeof f.status, "planned");
	snprintf(f.subject, sizeof f.subject, "lynas");
	cr_expect_null(assay_review_fix_check(false, &f));
	snprintf(f.period, sizeof f.period, "1987-03/1988-02");
	cr_expect_null(assay_review_fix_check(false, &f));
	snprintf(f.period, sizeof f.period, "last year");
	cr_expect_str_eq(assay_review_fix_check(false, &f), "period");
	snprintf(f.period, sizeof f.period, "2023");
	snprintf(f.status, sizeof f.status, "signed");
	cr_expect_str_eq(assay_review_fix_check(false, &f), "status", "an agreement's status");
	cr_expect_str_eq(assay_review_fix_check(true, &f), "field", "a claim's fields");
	memset(&f, 0, sizeof f);
	snprintf(f.subject, sizeof f.subject, "C N");
	cr_expect_str_eq(assay_review_fix_check(false, &f), "subject");
	memset(&f, 0, sizeof f);
	cr_expect_eq(assay_review_parse_parties("TR, CN US", &f), ASSAY_OK);
	cr_expect_eq(f.nparties, 3);
	cr_expect_str_eq(f.parties[0], "CN", "sorted");
	cr_expect_str_eq(f.parties[2], "US");
	cr_expect_eq(assay_review_parse_parties("CN, CN", &f), ASSAY_EINVAL, "a repeat");
	cr_expect_eq(assay_review_parse_parties("a,b,c,d,e,f,g", &f), ASSAY_EINVAL);
	cr_expect_eq(assay_review_parse_parties("CN, <b>", &f), ASSAY_EINVAL);
	memset(&f, 0, sizeof f);
	snprintf(f.type, sizeof f.type, "treaty");
	cr_expect_str_eq(assay_review_fix_check(true, &f), "type");
}

Test(review, a_correction_says_what_it_changed_from_what_and_keeps_the_one_before)
{
	struct assay_claim c;
	struct assay_review first, second;
	char words[512];

	memset(&c, 0, sizeof c);
	snprintf(c.subject, sizeof c.subject, "RU");
	snprintf(c.metric, sizeof c.metric, "production");
	snprintf(c.period, sizeof c.period, "2023");
	snprintf(c.status, sizeof c.status, "actual");
	snprintf(c.unit, sizeof c.unit, "t");
	c.value = 20000;
	memset(&first, 0, sizeof first);
	snprintf(first.state, sizeof first.state, "corrected");
	snprintf(first.fix.period, sizeof first.fix.period, "2022");
	snprintf(first.fix.subject, sizeof first.fix.subject, "RU");
	assay_review_fix_drop_same(&first.fix, &c, NULL);
	cr_expect_str_eq(first.fix.subject, "", "the same subject is no change");
	assay_review_change_words(&first, NULL, &c, NULL, words, sizeof words);
	cr_expect_str_eq(words, "period 2023 \xe2\x86\x92 2022");
	memset(&second, 0, sizeof second);
	snprintf(second.state, sizeof second.state, "corrected");
	second.has_value = true;
	second.value = 2600;
	assay_review_carry(&second, &first);
	cr_expect_str_eq(second.fix.period, "2022", "the corrected period stays");
	assay_review_change_words(&second, &first, &c, NULL, words, sizeof words);
	cr_expect_str_eq(words, "figure 20,000 t \xe2\x86\x92 2,600 t", "only what changed");
	assay_review_change_words(&second, NULL, &c, NULL, words, sizeof words);
	cr_expect_str_eq(words, "figure 20,000 t \xe2\x86\x92 2,600 t; period 2023 \xe2\x86\x92 2022");
	memset(&first, 0, sizeof first);
	snprintf(first.state, sizeof first.state, "pending");
	assay_review_change_words(&first, &second, &c, NULL, words, sizeof words);
	cr_expect_str_eq(words, "figure 2,600 t \xe2\x86\x92 20,000 t; period 2022 \xe2\x86\x92 2023",
			 "undoing reads as the change back");
}

Test(review, a_source_without_a_site_is_named_by_its_file)
{
	char buf[64];

	cr_expect_str_eq(assay_review_source_name("mining.com", "https://x/y", buf, sizeof buf),
			 "mining.com");
	cr_expect_str_eq(assay_review_source_name("", "file:///corpus/seeds/003_5c.txt", buf,
						  sizeof buf), "003_5c.txt");
	cr_expect_str_eq(assay_review_source_name("", "https://example.com/a/story/?x=1", buf,
						  sizeof buf), "story");
	cr_expect_str_eq(assay_review_source_name("", "https://example.com/", buf, sizeof buf),
			 "unknown site");
	cr_expect_str_eq(assay_review_source_name("", "", buf, sizeof buf), "unknown site");
}
