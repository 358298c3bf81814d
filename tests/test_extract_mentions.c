/* test_extract_mentions.c - the recognizers against their spec files.
 *
 * Spec files live in tests/data/recognizers (one .tsv per topic), one case a line:
 *   sentence <TAB> expected mentions
 * Expected mentions are separated by " || "; each is
 *   type|text|key=value|key=value...
 * with keys v (value), max (value_max), u (unit, currency or noun),
 * per, q (qualifier, default eq for figures), id, kind, home, price, and
 * the flag amb (ton_ambiguous). "-" expects no mention. A "#types: a,b"
 * line says which mention types the following cases speak about; others
 * found in the sentence are ignored. "#published: YYYY-MM-DD" sets the
 * publication date for relative dates. Every mention found must be
 * expected and every expected one found, in order, with its text at its
 * offsets. sentences.tsv instead lists the sentences of each input. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "assay.h"
#include "extract.h"
#include "file.h"
#include "mentions.h"

struct spec_stats {
	int cases, negatives, failed;
};

static void setup(void)
{
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
}

TestSuite(recognizers, .init = setup);

static char *spec_path(const char *name)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char *p;

	cr_assert_not_null(root, "ASSAY_SOURCE_ROOT is not set");
	p = malloc(strlen(root) + strlen(name) + 64);
	sprintf(p, "%s/tests/data/recognizers/%s", root, name);
	return p;
}

static bool type_in(const char *types, const char *t)
{
	size_t n = strlen(t);

	if (!types[0])
		return true;
	for (const char *p = types; (p = strstr(p, t)) != NULL; p += n)
		if ((p == types || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
	return false;
}

static bool close_to(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* Checks one "key=value" of an expected mention against @m. */
static bool check_field(const char *kv, const struct assay_mention *m, char *why, size_t cap)
{
	const char *eq = strchr(kv, '=');
	char key[16] = "";
	const char *val = eq ? eq + 1 : "";
	const char *got = NULL;

	snprintf(key, sizeof key, "%.*s", eq ? (int)(eq - kv) : (int)strlen(kv), kv);
	if (strcmp(key, "v") == 0 || strcmp(key, "max") == 0) {
		double want = strtod(val, NULL);
		double have = key[0] == 'v' ? m->value : m->value_max;
		if (key[0] == 'm' && !m->has_max) {
			snprintf(why, cap, "no range, wanted max %s", val);
			return false;
		}
		if (!close_to(want, have)) {
			snprintf(why, cap, "%s: wanted %s, got %.10g", key, val, have);
			return false;
		}
		return true;
	}
	if (strcmp(key, "amb") == 0) {
		if (!m->ton_ambiguous)
			snprintf(why, cap, "not marked ton_ambiguous");
		return m->ton_ambiguous;
	}
	got = strcmp(key, "u") == 0 ? m->unit : strcmp(key, "per") == 0 ? m->per :
	      strcmp(key, "q") == 0 ? m->qualifier : strcmp(key, "id") == 0 ? m->id :
	      strcmp(key, "kind") == 0 ? m->kind : strcmp(key, "home") == 0 ? m->home :
	      strcmp(key, "price") == 0 ? m->price_per : strcmp(key, "form") == 0 ? m->form : NULL;
	if (!got) {
		snprintf(why, cap, "unknown key '%s' in spec", key);
		return false;
	}
	if (strcmp(got, val) != 0) {
		snprintf(why, cap, "%s: wanted '%s', got '%s'", key, val, got);
		return false;
	}
	return true;
}

/* Checks one expected mention "type|text|k=v..." against @m. */
static bool check_mention(char *spec, const char *input, const struct assay_mention *m,
			  char *why, size_t cap)
{
	char *save = NULL, *type = strtok_r(spec, "|", &save), *text = strtok_r(NULL, "|", &save);
	bool has_q = false;

	if (!type || !text || strcmp(type, assay_mention_type_name(m->type)) != 0 ||
	    strlen(text) != m->end - m->start || memcmp(input + m->start, text, m->end - m->start)) {
		snprintf(why, cap, "wanted %s '%s', got %s '%.*s'", type ? type : "?", text ? text : "?",
			 assay_mention_type_name(m->type), (int)(m->end - m->start), input + m->start);
		return false;
	}
	for (char *kv = strtok_r(NULL, "|", &save); kv; kv = strtok_r(NULL, "|", &save)) {
		if (!check_field(kv, m, why, cap))
			return false;
		has_q |= kv[0] == 'q' && kv[1] == '=';
	}
	if (!has_q && assay_mention_is_figure(m) && strcmp(m->qualifier, "eq") != 0) {
		snprintf(why, cap, "q: wanted 'eq', got '%s'", m->qualifier);
		return false;
	}
	return true;
}

/* Runs one case; returns true when it passes (logging why not). */
static bool run_case(const char *file, int lineno, char *input, char *expect, const char *types,
		     const char *published)
{
	struct assay_extract_opts o = {.published = published[0] ? published : NULL};
	struct assay_mention *ms = NULL;
	size_t n = 0, k = 0;
	char why[256] = "";
	bool ok = true;
	char *rest = expect;

	cr_assert_eq(assay_find_mentions(input, strlen(input), &o, &ms, &n), ASSAY_OK);
	for (size_t i = 0; i < n && ok; i++) {
		char *sep, *one;
		if (!type_in(types, assay_mention_type_name(ms[i].type)))
			continue;
		if (!rest || strcmp(rest, "-") == 0) {
			snprintf(why, sizeof why, "unexpected %s '%.*s'",
				 assay_mention_type_name(ms[i].type), (int)(ms[i].end - ms[i].start),
				 input + ms[i].start);
			ok = false;
			break;
		}
		sep = strstr(rest, " || ");
		one = rest;
		if (sep) {
			*sep = '\0';
			rest = sep + 4;
		} else {
			rest = NULL;
		}
		ok = check_mention(one, input, &ms[i], why, sizeof why);
		k++;
	}
	if (ok && rest && strcmp(rest, "-") != 0) {
		snprintf(why, sizeof why, "missing: %s", rest);
		ok = false;
	}
	if (!ok)
		cr_log_error("%s:%d: %s\n    in: %s", file, lineno, why, input);
	free(ms);
	return ok;
}

static struct spec_stats run_spec(const char *name)
{
	struct spec_stats st = {0};
	char *path = spec_path(name);
	struct assay_buf b = {0};
	char types[128] = "", published[16] = "";
	int lineno = 0;

	cr_assert_eq(assay_read_file(path, 1 << 24, &b), ASSAY_OK, "cannot read %s", path);
	for (char *line = b.data, *next; line && *line; line = next) {
		char *tab;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (strncmp(line, "#types:", 7) == 0) {
			snprintf(types, sizeof types, "%s", line + 7 + strspn(line + 7, " "));
			continue;
		}
		if (strncmp(line, "#published:", 11) == 0) {
			snprintf(published, sizeof published, "%s", line + 11 + strspn(line + 11, " "));
			continue;
		}
		if (line[0] == '#' || !line[0] || !(tab = strchr(line, '\t')))
			continue;
		*tab = '\0';
		st.cases++;
		st.negatives += strcmp(tab + 1, "-") == 0;
		if (!run_case(name, lineno, line, tab + 1, types, published))
			st.failed++;
	}
	cr_log_info("%s: %d cases (%d negative), %d failed", name, st.cases, st.negatives,
		    st.failed);
	assay_buf_release(&b);
	free(path);
	return st;
}

static void expect_spec(const char *name)
{
	struct spec_stats st = run_spec(name);

	cr_expect_gt(st.cases, 0, "%s has no cases", name);
	cr_expect_eq(st.failed, 0, "%s: %d of %d cases failed", name, st.failed, st.cases);
}

Test(recognizers, quantities_are_read_in_tonnes_ounces_and_grades)
{
	expect_spec("quantities.tsv");
}

Test(recognizers, percentages_keep_their_qualifier)
{
	expect_spec("percents.tsv");
}

Test(recognizers, money_is_read_in_its_own_currency)
{
	expect_spec("money.tsv");
}

Test(recognizers, counts_name_what_they_count)
{
	expect_spec("counts.tsv");
}

Test(recognizers, ranges_have_both_ends)
{
	expect_spec("ranges.tsv");
}

Test(recognizers, dates_resolve_against_publication)
{
	expect_spec("dates.tsv");
}

Test(recognizers, countries_resolve_to_iso_codes)
{
	expect_spec("countries.tsv");
}

Test(recognizers, organisations_resolve_to_gazetteer_ids)
{
	expect_spec("orgs.tsv");
}

Test(recognizers, commodities_resolve_to_vocabulary_ids)
{
	expect_spec("commodities.tsv");
}

Test(recognizers, numbers_that_are_not_figures_are_left_alone)
{
	expect_spec("negatives.tsv");
}

Test(recognizers, wire_service_style_is_understood)
{
	expect_spec("wire.tsv");
}

Test(recognizers, energy_news_is_read)
{
	expect_spec("energy.tsv");
}

Test(recognizers, finance_news_is_read)
{
	expect_spec("finance.tsv");
}

Test(recognizers, political_news_names_countries_and_bodies)
{
	expect_spec("politics.tsv");
}

/* The suite as a whole is big enough to mean something. */
Test(recognizers, spec_suite_has_four_hundred_cases_and_a_hundred_negatives)
{
	static const char *const files[] = {"quantities.tsv", "percents.tsv", "money.tsv",
		"counts.tsv", "ranges.tsv", "dates.tsv", "countries.tsv", "orgs.tsv",
		"commodities.tsv", "negatives.tsv", "wire.tsv", "energy.tsv", "finance.tsv",
		"politics.tsv", NULL};
	struct spec_stats all = {0};

	for (int i = 0; files[i]; i++) {
		struct spec_stats st = run_spec(files[i]);
		all.cases += st.cases;
		all.negatives += st.negatives;
		all.failed += st.failed;
	}
	cr_log_info("spec suite: %d cases, %d negative, %d failed", all.cases, all.negatives,
		    all.failed);
	cr_expect_geq(all.cases, 400);
	cr_expect_geq(all.negatives, 100);
}
