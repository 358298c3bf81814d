/* test_extract_recog.c - the recognizers beyond single sentences: the
 * sentence splitter (tests/data/recognizers/sentences.txt), hostile input
 * that must stay linear (400,000 digits with commas, unbalanced quotes,
 * binary), mention invariants over the corpus pages, and `assay extract`
 * end to end. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "extract.h"
#include "file.h"
#include "mentions.h"

static void setup(void)
{
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
}

TestSuite(recog, .init = setup);

static char *source_path(const char *rel)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char *p;

	cr_assert_not_null(root, "ASSAY_SOURCE_ROOT is not set");
	p = malloc(strlen(root) + strlen(rel) + 2);
	sprintf(p, "%s/%s", root, rel);
	return p;
}

static double cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- sentences ---- */

/* Copies @s with each literal "\n" made a newline. */
static void unescape(const char *s, char *out, size_t cap)
{
	size_t j = 0;

	for (size_t i = 0; s[i] && j < cap - 1; i++) {
		if (s[i] == '\\' && s[i + 1] == 'n') {
			out[j++] = '\n';
			i++;
		} else {
			out[j++] = s[i];
		}
	}
	out[j] = '\0';
}

/* sentences.txt: cases separated by a line "===="; in each case the input
 * comes first, then a line "----", then one expected sentence a line. A
 * literal "\n" stands for a newline. */
Test(recog, sentences_split_where_a_reader_would)
{
	char *path = source_path("tests/data/recognizers/sentences.txt");
	struct assay_buf b = {0};
	int cases = 0, failed = 0;
	char *save = NULL;

	cr_assert_eq(assay_read_file(path, 1 << 20, &b), ASSAY_OK);
	for (char *c = strtok_r(b.data, "=", &save); c; c = strtok_r(NULL, "=", &save)) {
		char *sep = strstr(c, "\n----\n"), in[2048], want[2048], *exp, *line, *s2 = NULL;
		struct assay_span *sp = NULL;
		size_t n = 0, k = 0;

		if (!sep)
			continue;
		*sep = '\0';
		while (*c == '\n')
			c++;
		unescape(c, in, sizeof in);
		exp = sep + 6;
		cases++;
		cr_assert_eq(assay_split_sentences(in, strlen(in), &sp, &n), ASSAY_OK);
		for (line = strtok_r(exp, "\n", &s2); line; line = strtok_r(NULL, "\n", &s2), k++) {
			unescape(line, want, sizeof want);
			if (k >= n || strlen(want) != sp[k].end - sp[k].start ||
			    memcmp(in + sp[k].start, want, sp[k].end - sp[k].start) != 0) {
				cr_log_error("sentence %zu of '%s': wanted '%s', got '%.*s'", k, in, line,
					     k < n ? (int)(sp[k].end - sp[k].start) : 0,
					     k < n ? in + sp[k].start : "");
				failed++;
				break;
			}
		}
		if (!line && k != n) {
			cr_log_error("'%s': %zu sentences, wanted %zu", in, n, k);
			failed++;
		}
		free(sp);
	}
	cr_log_info("sentences.txt: %d cases, %d failed", cases, failed);
	cr_expect_geq(cases, 20);
	cr_expect_eq(failed, 0);
	assay_buf_release(&b);
	free(path);
}

/* ---- hostile input ---- */

static double time_mentions(const char *text, size_t len, size_t *n)
{
	struct assay_mention *m = NULL;
	struct assay_span *sp = NULL;
	size_t ns = 0;
	double t0 = cpu_seconds();

	cr_assert_eq(assay_find_mentions(text, len, NULL, &m, n), ASSAY_OK);
	cr_assert_eq(assay_split_sentences(text, len, &sp, &ns), ASSAY_OK);
	free(m);
	free(sp);
	return cpu_seconds() - t0;
}

/* Builds @reps copies of @unit. */
static char *repeat(const char *unit, size_t reps, size_t *len)
{
	size_t u = strlen(unit);
	char *s = malloc(u * reps + 1);

	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * u, unit, u);
	s[u * reps] = '\0';
	*len = u * reps;
	return s;
}

/* The least CPU time of three runs: a shared machine only ever adds. */
static double best_of_three(const char *text, size_t len, size_t *n)
{
	double best = time_mentions(text, len, n);

	for (int i = 0; i < 2; i++) {
		double t = time_mentions(text, len, n);

		best = t < best ? t : best;
	}
	return best;
}

/* Doubling the input must not much more than double the time. */
static void expect_linear(const char *unit, size_t reps)
{
	size_t l1, l2, n1, n2;
	char *a = repeat(unit, reps, &l1), *b = repeat(unit, reps * 2, &l2);
	double t1 = 0, t2 = 0;

	/* a real quadratic fails every round; a burst of other work on a
	 * shared machine (or a sanitizer's first touch of shadow memory)
	 * does not last three */
	for (int round = 0; round < 3; round++) {
		t1 = best_of_three(a, l1, &n1);
		t2 = best_of_three(b, l2, &n2);
		t1 = t1 < 0.002 ? 0.002 : t1;
		if (t2 < t1 * 3.5 + 0.05)
			break;
	}
	cr_log_info("'%.12s' x %zu: %.4f s, x %zu: %.4f s", unit, reps, t1, reps * 2, t2);
	cr_expect_lt(t2, t1 * 3.5 + 0.05, "'%.12s': %.3f s for %zu bytes, %.3f s for %zu", unit,
		     t1, l1, t2, l2);
	cr_expect_lt(t2, 5.0);
	free(a);
	free(b);
}

Test(recog, digits_with_commas_stay_linear)
{
	size_t len, n;
	char *s = repeat("123,", 100000, &len); /* 400,000 bytes of digits and commas */

	cr_expect_lt(time_mentions(s, len, &n), 2.0);
	cr_expect_eq(n, 0, "a 400,000-byte number is no figure");
	free(s);
	expect_linear("123,", 100000);
	expect_linear("1 234 567 ", 40000);
	expect_linear("1.2.3.4.", 50000);
}

Test(recog, unbalanced_quotes_and_brackets_stay_linear)
{
	expect_linear("\"China (", 50000);
	expect_linear("\u201cTurkey's \u2018rare ", 30000);
	expect_linear("U.S. U.K. Inc. Co. ", 30000);
	expect_linear("between 5 and ", 30000);
	expect_linear("$ $ US$ ", 30000);
	expect_linear("a a a a half half ", 30000);
}

Test(recog, words_that_almost_match_stay_linear)
{
	expect_linear("Chin Chinese Chin Chinese ", 20000);
	expect_linear("rare earth rare earth rare ", 20000);
	expect_linear("in March in March in ", 20000);
	expect_linear("twenty-twenty-twenty ", 20000);
	expect_linear("\n\n- \n| |\n", 40000);
}

Test(recog, invalid_utf8_and_nul_bytes_are_survived)
{
	static const char bad[] = "China \xff\xfe exports 5\xc3 tonnes \x00 of \xe2\x82 rare earths "
				  "\xf0\x9f\x98\x80 at $5/lb\xc0\xaf 90%";
	struct assay_mention *m = NULL;
	size_t n = 0;

	cr_assert_eq(assay_find_mentions(bad, sizeof bad - 1, NULL, &m, &n), ASSAY_OK);
	for (size_t i = 0; i < n; i++)
		cr_expect_leq(m[i].end, sizeof bad - 1);
	cr_expect_geq(n, 3, "China, rare earths and 90%% are still found");
	free(m);
}

/* ---- invariants over real pages ---- */

/* Over every corpus page and seed text: mentions sorted, disjoint,
 * inside the text, on character boundaries, with sane fields. */
Test(recog, mentions_are_sorted_disjoint_and_well_formed_on_real_text)
{
	static const char *const files[] = {
		"tests/data/recognizers/article_turkey.txt",
		"tests/data/recognizers/article_wire.txt", NULL};
	int checked = 0;

	for (int f = 0; files[f]; f++) {
		char *path = source_path(files[f]);
		struct assay_buf b = {0};
		struct assay_mention *m = NULL;
		size_t n = 0;

		cr_assert_eq(assay_read_file(path, 1 << 24, &b), ASSAY_OK, "%s", path);
		cr_assert_eq(assay_find_mentions(b.data, b.len, NULL, &m, &n), ASSAY_OK);
		cr_expect_gt(n, 10, "%s has mentions", path);
		for (size_t i = 0; i < n; i++, checked++) {
			cr_expect_lt(m[i].start, m[i].end);
			cr_expect_leq(m[i].end, b.len);
			if (i)
				cr_expect_geq(m[i].start, m[i - 1].end, "overlap at %zu", m[i].start);
			cr_expect_neq((unsigned char)b.data[m[i].start] & 0xc0, 0x80);
			if (assay_mention_is_figure(&m[i]))
				cr_expect(m[i].qualifier[0], "a figure has a qualifier");
			if (m[i].type == ASSAY_M_COUNTRY || m[i].type == ASSAY_M_ORG ||
			    m[i].type == ASSAY_M_COMMODITY)
				cr_expect(m[i].id[0], "an entity has an id");
			if (m[i].has_max)
				cr_expect_gt(m[i].value_max, m[i].value);
		}
		free(m);
		assay_buf_release(&b);
		free(path);
	}
	cr_expect_gt(checked, 20);
}

/* ---- the command ---- */

static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	struct assay_buf out = {0};
	char buf[4096];
	size_t k;

	cr_assert_not_null(p);
	while ((k = fread(buf, 1, sizeof buf, p)) > 0)
		assay_buf_append(&out, buf, k);
	pclose(p);
	return assay_buf_steal(&out);
}

Test(recog, extract_lines_prints_one_object_per_input_line)
{
	const char *bin = getenv("ASSAY_BIN");
	char cmd[1024], *out;
	int lines = 0;

	cr_assert_not_null(bin);
	snprintf(cmd, sizeof cmd,
		 "printf 'China holds 44 million tons.\\n\\nTurkey joined the MSP in 2024.\\n' | "
		 "%s extract --text --lines --published 2024-10-16 -", bin);
	out = run(cmd);
	for (char *p = out; *p; p++)
		lines += *p == '\n';
	cr_expect_eq(lines, 3, "three input lines, three documents: %s", out);
	cr_expect(strstr(out, "\"type\":\"quantity\"") != NULL, "%s", out);
	cr_expect(strstr(out, "\"value\":44000000") != NULL, "%s", out);
	cr_expect(strstr(out, "\"ton_ambiguous\":true") != NULL, "%s", out);
	cr_expect(strstr(out, "\"id\":\"msp\"") != NULL, "%s", out);
	cr_expect(strstr(out, "\"published\":\"2024-10-16\"") != NULL, "%s", out);
	cr_expect(strstr(out, "\"mentions\":[]") != NULL, "the empty line is an empty document");
	free(out);
}

Test(recog, extract_reads_gzip_and_reports_unreadable_files)
{
	const char *bin = getenv("ASSAY_BIN");
	char cmd[1024], *out;

	cr_assert_not_null(bin);
	snprintf(cmd, sizeof cmd,
		 "d=$(mktemp -d) && printf 'BYD will build 150,000 EVs a year.' | gzip > $d/a.txt.gz && "
		 "%s extract --text $d/a.txt.gz $d/missing.txt 2>$d/err; echo \"exit=$?\"; "
		 "grep -c 'missing.txt' $d/err; rm -rf $d", bin);
	out = run(cmd);
	cr_expect(strstr(out, "\"noun\":\"vehicle\"") != NULL, "%s", out);
	cr_expect(strstr(out, "\"id\":\"byd\"") != NULL, "%s", out);
	cr_expect(strstr(out, "exit=1") != NULL, "a missing file is a partial failure: %s", out);
	free(out);
}

Test(recog, extract_rejects_a_bad_publication_date)
{
	const char *bin = getenv("ASSAY_BIN");
	char cmd[512], *out;

	cr_assert_not_null(bin);
	snprintf(cmd, sizeof cmd, "echo x | %s extract --text --published 16/10/2024 - 2>&1; "
		 "echo \"exit=$?\"", bin);
	out = run(cmd);
	cr_expect(strstr(out, "exit=2") != NULL, "%s", out);
	cr_expect(strstr(out, "YYYY-MM-DD") != NULL, "%s", out);
	free(out);
}

/* ---- lifecycle ---- */

Test(recog, shutdown_and_init_again_give_the_same_mentions)
{
	static const char text[] = "China holds 44 million tons; Turkey joined the MSP in 2024.";
	struct assay_mention *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;

	cr_assert_eq(assay_find_mentions(text, sizeof text - 1, NULL, &a, &na), ASSAY_OK);
	assay_extract_shutdown();
	cr_expect_neq(assay_find_mentions(text, sizeof text - 1, NULL, &b, &nb), ASSAY_OK,
		      "no matching before init");
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
	cr_assert_eq(assay_extract_init(), ASSAY_OK, "init is idempotent");
	cr_assert_eq(assay_find_mentions(text, sizeof text - 1, NULL, &b, &nb), ASSAY_OK);
	cr_assert_eq(na, nb);
	cr_expect_gt(na, 4);
	for (size_t i = 0; i < na; i++) {
		cr_expect_eq(a[i].start, b[i].start);
		cr_expect_eq(a[i].end, b[i].end);
		cr_expect_str_eq(a[i].id, b[i].id);
	}
	free(a);
	free(b);
}
