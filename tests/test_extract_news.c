/* test_extract_news.c - the figure recognizers on sentences the world wrote.
 *
 * tests/data/recognizers/news-specs.json holds sentences taken from news
 * wires, the business press and mining press releases (1987-2025), each
 * with every money, percent, mass, troy-ounce, grade and metre figure it
 * states, annotated by hand before the recognizers were run on them. The
 * layout is the one of the Recognizers-Text / CQE evaluation sets:
 *   {"source", "text", "quantities": [{"value", "normalized_unit", "change"}]}
 * except that normalized_unit is the canonical unit of claims.md ("USD",
 * "%", "pp", "t", "ozt", "g/t", "oz/t", "ppm", "m"). A range's value is
 * "low-high". A sentence with no quantity is a negative: nothing in it may
 * be read as one of those figures.
 *
 * Scored like ../shared/dev/recognizers/score.py: a figure is found when a
 * mention has its value (a range: its low end), right when the unit agrees
 * too; a mention matching no figure of the sentence is an extra. Mentions
 * in other units (MW, bbl, hectares) and counts are outside the set. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "extract.h"
#include "mentions.h"

struct figure {
	double value, value_max;
	bool has_max;
	char unit[16];
};

struct tally {
	int tp, fp, fn; /* value and unit */
	int vtp, extra; /* value only: found, and mentions matching nothing */
	int cases, negatives, figures;
};

static void setup(void)
{
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
}

TestSuite(news, .init = setup);

static bool near(double a, double b)
{
	return fabs(a - b) <= 1e-4 * fmax(fabs(a), fabs(b)) || fabs(a - b) < 1e-9;
}

/* The units of quantity mentions the set speaks about. */
static bool unit_in_scope(const char *u)
{
	static const char *const units[] = {"t", "ozt", "g/t", "oz/t", "ppm", "m", NULL};

	for (int i = 0; units[i]; i++)
		if (strcmp(u, units[i]) == 0)
			return true;
	return false;
}

static bool in_scope(const struct assay_mention *m)
{
	return m->type == ASSAY_M_MONEY || m->type == ASSAY_M_PERCENT ||
	       (m->type == ASSAY_M_QUANTITY && unit_in_scope(m->unit));
}

static bool read_figure(json_t *q, struct figure *g)
{
	json_t *v = json_object_get(q, "value");
	const char *u = json_string_value(json_object_get(q, "normalized_unit"));

	memset(g, 0, sizeof *g);
	if (!u)
		return false;
	snprintf(g->unit, sizeof g->unit, "%s", u);
	if (json_is_number(v)) {
		g->value = json_number_value(v);
		return true;
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;

		g->value = strtod(s, &end);
		if (*end != '-')
			return false;
		g->value_max = strtod(end + 1, NULL);
		g->has_max = true;
		return true;
	}
	return false;
}

/* Scores one case into @t; logs each miss, wrong unit and extra. */
static void score_case(json_t *c, struct tally *t)
{
	const char *text = json_string_value(json_object_get(c, "text"));
	json_t *qs = json_object_get(c, "quantities");
	struct figure gold[32];
	size_t ng = 0, n = 0;
	struct assay_mention *m = NULL;
	bool used[256] = {false};

	cr_assert_not_null(text);
	for (size_t i = 0; i < json_array_size(qs) && ng < 32; i++)
		if (read_figure(json_array_get(qs, i), &gold[ng]))
			ng++;
	cr_assert_eq(ng, json_array_size(qs), "bad quantity in: %s", text);
	t->cases++;
	t->negatives += ng == 0;
	t->figures += (int)ng;
	cr_assert_eq(assay_find_mentions(text, strlen(text), NULL, &m, &n), ASSAY_OK);
	for (size_t g = 0; g < ng; g++) {
		size_t hit = n;

		for (size_t i = 0; i < n && i < 256 && hit == n; i++)
			if (!used[i] && in_scope(&m[i]) && near(m[i].value, gold[g].value))
				hit = i;
		if (hit == n) {
			t->fn++;
			cr_log_info("MISS %g %s | %s", gold[g].value, gold[g].unit, text);
			continue;
		}
		used[hit] = true;
		t->vtp++;
		if (strcmp(m[hit].unit, gold[g].unit) == 0) {
			t->tp++;
		} else {
			t->fp++, t->fn++;
			cr_log_info("UNIT %s vs %s | %s", m[hit].unit, gold[g].unit, text);
		}
	}
	for (size_t i = 0; i < n && i < 256; i++) {
		bool known = false;

		if (used[i] || !in_scope(&m[i]))
			continue;
		for (size_t g = 0; g < ng && !known; g++)
			known = near(m[i].value, gold[g].value) ||
				(gold[g].has_max && near(m[i].value, gold[g].value_max));
		if (known)
			continue;
		t->fp++, t->extra++;
		cr_log_info("EXTRA %g %s '%.*s' | %s", m[i].value, m[i].unit,
			    (int)(m[i].end - m[i].start), text + m[i].start, text);
	}
	free(m);
}

static double f1(int tp, int fp, int fn)
{
	double p = tp + fp ? (double)tp / (tp + fp) : 0, r = tp + fn ? (double)tp / (tp + fn) : 0;

	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

Test(news, figures_of_real_sentences_are_read_with_their_unit)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char path[4096];
	json_error_t err;
	json_t *set;
	struct tally t = {0};
	double score;

	cr_assert_not_null(root, "ASSAY_SOURCE_ROOT is not set");
	snprintf(path, sizeof path, "%s/tests/data/recognizers/news-specs.json", root);
	set = json_load_file(path, 0, &err);
	cr_assert_not_null(set, "%s:%d: %s", path, err.line, err.text);
	for (size_t i = 0; i < json_array_size(set); i++)
		score_case(json_array_get(set, i), &t);
	score = f1(t.tp, t.fp, t.fn);
	cr_log_info("news-specs: %d cases (%d negative), %d figures; value F1 %.3f, "
		    "value+unit P %.3f R %.3f F1 %.3f",
		    t.cases, t.negatives, t.figures, f1(t.vtp, t.extra, t.figures - t.vtp),
		    t.tp + t.fp ? (double)t.tp / (t.tp + t.fp) : 0,
		    t.tp + t.fn ? (double)t.tp / (t.tp + t.fn) : 0, score);
	cr_expect_geq(t.cases, 200);
	cr_expect_geq(t.negatives, 50);
	cr_expect_geq(score, 0.90, "value+unit F1 %.3f on news sentences", score);
	json_decref(set);
}
