/* test_extract_claims.c - claims and agreements: one construction a line
 * (tests/data/claims/cases.tsv), whole articles against their gold
 * (tests/data/claims/gold.jsonl; the five seed pages of corpus/ through
 * the cleaner, against corpus/gold.jsonl), and the
 * invariants every claim keeps (evidence holds the figure).
 *
 * cases.tsv: TEXT <TAB> EXPECT, where TEXT uses \n for line breaks and
 * EXPECT is one of
 *   C SUBJ METRIC VALUE UNIT COMMODITY QUALIFIER STATUS [key=value...]
 *   !C SUBJ METRIC           (no such claim)
 *   A TYPE P1,P2 STATUS      (an agreement; parties sorted)
 *   !A P1,P2                 (no agreement between them)
 *   none                     (no claim and no agreement at all)
 * COMMODITY "-" is none; in key=value, "_" stands for a space. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "buf.h"
#include "clean.h"
#include "extract.h"
#include "file.h"

static char *source_path(const char *rel)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	struct assay_buf b = {0};

	assay_buf_printf(&b, "%s/%s", root ? root : ".", rel);
	return assay_buf_steal(&b);
}

static void setup(void)
{
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
}

static void teardown(void)
{
	assay_extract_shutdown();
}

TestSuite(extract_claims, .init = setup, .fini = teardown);

/* ---- matching, shared by the case lines and the gold files ---- */

struct want {
	char subject[48], metric[32], unit[24], commodity[32], qualifier[8], status[12];
	char period[16], place[64], per[8], change[8], price_per[8];
	double value;
	bool full; /* all fields given (not just subject and metric) */
};

static bool close_to(double a, double b)
{
	return fabs(a - b) <= 0.005 * fmax(fabs(a), fabs(b)) + 1e-9;
}

static bool claim_matches(const struct assay_claim *c, const struct want *w)
{
	if (strcmp(c->subject, w->subject) || strcmp(c->metric, w->metric))
		return false;
	if (!w->full)
		return true;
	return close_to(c->value, w->value) && !strcmp(c->unit, w->unit) &&
	       !strcmp(c->commodity, w->commodity) && !strcmp(c->qualifier, w->qualifier) &&
	       !strcmp(c->status, w->status) && !strcmp(c->period, w->period) &&
	       !strcasecmp(c->place, w->place) && !strcmp(c->per, w->per) &&
	       !strcmp(c->change, w->change) && !strcmp(c->price_per, w->price_per);
}

static void copy_field(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

static void describe_claims(const struct assay_extraction *x, struct assay_buf *b)
{
	for (size_t i = 0; i < x->nclaims; i++) {
		const struct assay_claim *c = &x->claims[i];
		assay_buf_printf(b, "\n  got C %s %s %g %s %s %s %s period=%s place=%s per=%s "
				 "change=%s price_per=%s", c->subject, c->metric, c->value, c->unit,
				 c->commodity[0] ? c->commodity : "-", c->qualifier, c->status,
				 c->period, c->place, c->per, c->change, c->price_per);
	}
	for (size_t i = 0; i < x->nagreements; i++) {
		const struct assay_agreement *a = &x->agreements[i];
		assay_buf_printf(b, "\n  got A %s", a->type);
		for (int j = 0; j < a->nparties; j++)
			assay_buf_printf(b, "%s%s", j ? "," : " ", a->parties[j]);
		assay_buf_printf(b, " %s topic=%s", a->status, a->topic);
	}
}

static bool parties_are(const struct assay_agreement *a, const char *list)
{
	char buf[256], *save = NULL;
	int n = 0;

	copy_field(buf, sizeof buf, list);
	for (char *p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save), n++)
		if (n >= a->nparties || strcmp(a->parties[n], p))
			return false;
	return n == a->nparties;
}

/* ---- the case lines ---- */

static void unescape(char *s)
{
	char *o = s;

	for (char *p = s; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			*o++ = '\n';
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
}

static void parse_want(char **f, int n, struct want *w)
{
	memset(w, 0, sizeof *w);
	copy_field(w->subject, sizeof w->subject, f[1]);
	copy_field(w->metric, sizeof w->metric, f[2]);
	if (n < 8)
		return;
	w->full = true;
	w->value = strtod(f[3], NULL);
	copy_field(w->unit, sizeof w->unit, f[4]);
	copy_field(w->commodity, sizeof w->commodity, strcmp(f[5], "-") ? f[5] : "");
	copy_field(w->qualifier, sizeof w->qualifier, f[6]);
	copy_field(w->status, sizeof w->status, f[7]);
	for (int i = 8; i < n; i++) {
		char *eq = strchr(f[i], '=');
		if (!eq)
			continue;
		*eq++ = '\0';
		for (char *p = eq; *p; p++)
			if (*p == '_')
				*p = ' ';
		if (!strcmp(f[i], "period"))
			copy_field(w->period, sizeof w->period, eq);
		else if (!strcmp(f[i], "place"))
			copy_field(w->place, sizeof w->place, eq);
		else if (!strcmp(f[i], "per"))
			copy_field(w->per, sizeof w->per, eq);
		else if (!strcmp(f[i], "change"))
			copy_field(w->change, sizeof w->change, eq);
		else if (!strcmp(f[i], "price_per"))
			copy_field(w->price_per, sizeof w->price_per, eq);
	}
}

/* Checks one expectation against an extraction; NULL when it holds. */
static bool case_holds(const struct assay_extraction *x, char *expect)
{
	char *f[20] = {NULL}, *save = NULL;
	int n = 0;

	for (char *p = strtok_r(expect, " ", &save); p && n < 20; p = strtok_r(NULL, " ", &save))
		f[n++] = p;
	if (n == 0)
		return false;
	if (n == 1 && !strcmp(f[0], "none"))
		return x->nclaims == 0 && x->nagreements == 0;
	if ((!strcmp(f[0], "C") || !strcmp(f[0], "!C")) && n >= 3) {
		struct want w;
		bool found = false;
		parse_want(f, n, &w);
		for (size_t i = 0; i < x->nclaims; i++)
			found |= claim_matches(&x->claims[i], &w);
		return found == (f[0][0] == 'C');
	}
	if (!strcmp(f[0], "A") && n >= 4) {
		for (size_t i = 0; i < x->nagreements; i++)
			if (!strcmp(x->agreements[i].type, f[1]) && parties_are(&x->agreements[i], f[2]) &&
			    !strcmp(x->agreements[i].status, f[3]))
				return true;
		return false;
	}
	if (!strcmp(f[0], "!A") && n >= 2) {
		for (size_t i = 0; i < x->nagreements; i++)
			if (parties_are(&x->agreements[i], f[1]))
				return false;
		return true;
	}
	cr_log_error("bad case expectation: %s", f[0]);
	return false;
}

Test(extract_claims, every_construction_in_the_case_file_gives_its_claim)
{
	char *path = source_path("tests/data/claims/cases.tsv");
	FILE *fp = fopen(path, "r");
	char line[4096];
	int cases = 0, failed = 0;

	cr_assert_not_null(fp, "cannot open %s", path);
	while (fgets(line, sizeof line, fp)) {
		char *tab = strchr(line, '\t'), expect[512];
		struct assay_extraction x;
		line[strcspn(line, "\r\n")] = '\0';
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		unescape(line);
		copy_field(expect, sizeof expect, tab + 1);
		cr_assert_eq(assay_extract_text(line, strlen(line), NULL, &x), ASSAY_OK);
		cases++;
		if (!case_holds(&x, expect)) {
			struct assay_buf b = {0};
			describe_claims(&x, &b);
			cr_log_error("case failed: %s\n  text: %s%s", tab + 1, line, b.data ? b.data : "");
			assay_buf_release(&b);
			failed++;
		}
		assay_extraction_release(&x);
	}
	fclose(fp);
	free(path);
	cr_assert_gt(cases, 40, "too few cases: %d", cases);
	cr_expect_eq(failed, 0, "%d of %d cases failed", failed, cases);
}

/* ---- whole articles against their gold ---- */

struct score {
	int claims, claims_ok, gold, gold_found;
	int agr, agr_ok, gold_agr, gold_agr_found;
};

static void want_from_json(json_t *o, struct want *w)
{
	json_t *v;

	memset(w, 0, sizeof *w);
	w->full = true;
	copy_field(w->subject, sizeof w->subject, json_string_value(json_object_get(o, "subject")));
	copy_field(w->metric, sizeof w->metric, json_string_value(json_object_get(o, "metric")));
	copy_field(w->unit, sizeof w->unit, json_string_value(json_object_get(o, "unit")));
	copy_field(w->commodity, sizeof w->commodity,
		   json_string_value(json_object_get(o, "commodity")));
	copy_field(w->qualifier, sizeof w->qualifier,
		   json_string_value(json_object_get(o, "qualifier")));
	copy_field(w->status, sizeof w->status, json_string_value(json_object_get(o, "status")));
	copy_field(w->period, sizeof w->period, json_string_value(json_object_get(o, "period")));
	copy_field(w->place, sizeof w->place, json_string_value(json_object_get(o, "place")));
	copy_field(w->per, sizeof w->per, json_string_value(json_object_get(o, "per")));
	copy_field(w->change, sizeof w->change, json_string_value(json_object_get(o, "change")));
	copy_field(w->price_per, sizeof w->price_per,
		   json_string_value(json_object_get(o, "price_per")));
	v = json_object_get(o, "value");
	w->value = json_number_value(v);
}

static bool claim_in(const struct assay_claim *c, json_t *list)
{
	size_t i;
	json_t *o;
	struct want w;

	json_array_foreach(list, i, o) {
		want_from_json(o, &w);
		if (claim_matches(c, &w))
			return true;
	}
	return false;
}

static bool agreement_is(const struct assay_agreement *a, json_t *o)
{
	json_t *parties = json_object_get(o, "parties"), *p;
	size_t i;

	if (strcmp(a->type, json_string_value(json_object_get(o, "type"))) ||
	    strcmp(a->status, json_string_value(json_object_get(o, "status"))) ||
	    (size_t)a->nparties != json_array_size(parties))
		return false;
	json_array_foreach(parties, i, p)
		if (strcmp(a->parties[i], json_string_value(p)))
			return false;
	return true;
}

static bool agreement_in(const struct assay_agreement *a, json_t *list)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o)
		if (agreement_is(a, o))
			return true;
	return false;
}

/* Scores one extraction against one gold line; logs what is off. */
static void score_one(const struct assay_extraction *x, json_t *g, struct score *s)
{
	json_t *req = json_object_get(g, "claims"), *opt = json_object_get(g, "optional_claims");
	json_t *areq = json_object_get(g, "agreements");
	json_t *aopt = json_object_get(g, "optional_agreements"), *o;
	const char *name = json_string_value(json_object_get(g, "seed"));
	size_t i;

	for (size_t k = 0; k < x->nclaims; k++) {
		bool ok = claim_in(&x->claims[k], req) || claim_in(&x->claims[k], opt);
		s->claims++;
		s->claims_ok += ok;
		if (!ok)
			cr_log_info("%s: extra claim %s %s %g %s", name, x->claims[k].subject,
				    x->claims[k].metric, x->claims[k].value, x->claims[k].unit);
	}
	json_array_foreach(req, i, o) {
		struct want w;
		bool found = false;
		want_from_json(o, &w);
		for (size_t k = 0; k < x->nclaims; k++)
			found |= claim_matches(&x->claims[k], &w);
		s->gold++;
		s->gold_found += found;
		if (!found)
			cr_log_info("%s: missed claim %s %s %g %s", name, w.subject, w.metric, w.value,
				    w.unit);
	}
	for (size_t k = 0; k < x->nagreements; k++) {
		s->agr++;
		s->agr_ok += agreement_in(&x->agreements[k], areq) ||
			     agreement_in(&x->agreements[k], aopt);
	}
	json_array_foreach(areq, i, o) {
		bool found = false;
		for (size_t k = 0; k < x->nagreements; k++)
			found |= agreement_is(&x->agreements[k], o);
		s->gold_agr++;
		s->gold_agr_found += found;
	}
}

static double ratio(int a, int b)
{
	return b ? (double)a / b : 1.0;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void score_text_set(const char *dir, struct score *s)
{
	char *gpath, rel[512];
	json_error_t err;
	json_t *line;

	snprintf(rel, sizeof rel, "%s/gold.jsonl", dir);
	gpath = source_path(rel);
	FILE *fp = fopen(gpath, "r");
	cr_assert_not_null(fp, "cannot open %s", gpath);
	while ((line = json_loadf(fp, JSON_DISABLE_EOF_CHECK, &err))) {
		struct assay_buf text = {0};
		struct assay_extraction x;
		struct assay_extract_opts opts = {
			.published = json_string_value(json_object_get(line, "published"))};
		snprintf(rel, sizeof rel, "%s/%s", dir,
			 json_string_value(json_object_get(line, "seed")));
		char *path = source_path(rel);
		cr_assert_eq(assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &text), ASSAY_OK, "%s", path);
		cr_assert_eq(assay_extract_text(text.data, text.len, &opts, &x), ASSAY_OK);
		score_one(&x, line, s);
		assay_extraction_release(&x);
		assay_buf_release(&text);
		free(path);
		json_decref(line);
	}
	fclose(fp);
	free(gpath);
}

Test(extract_claims, own_articles_reach_precision_recall_and_agreement_f1)
{
	struct score s = {0};
	double p, r, ap, ar;

	score_text_set("tests/data/claims", &s);
	p = ratio(s.claims_ok, s.claims);
	r = ratio(s.gold_found, s.gold);
	ap = ratio(s.agr_ok, s.agr);
	ar = ratio(s.gold_agr_found, s.gold_agr);
	cr_log_info("own articles: claims P %.3f R %.3f (%d/%d, %d/%d); agreements P %.3f R %.3f F1 %.3f",
		    p, r, s.claims_ok, s.claims, s.gold_found, s.gold, ap, ar, f1(ap, ar));
	cr_expect_gt(s.gold, 80, "the gold should hold many claims");
	cr_expect_geq(p, 0.95, "claims precision %.3f", p);
	cr_expect_geq(r, 0.93, "claims recall %.3f", r);
	cr_expect_geq(f1(ap, ar), 0.93, "agreements F1 %.3f", f1(ap, ar));
}

Test(extract_claims, evidence_of_every_claim_holds_its_figure)
{
	char *path = source_path("tests/data/claims/006_gov_usgs_rare_earths.txt");
	struct assay_buf text = {0};
	struct assay_extraction x;

	cr_assert_eq(assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &text), ASSAY_OK);
	cr_assert_eq(assay_extract_text(text.data, text.len, NULL, &x), ASSAY_OK);
	cr_assert_gt(x.nclaims, 0);
	for (size_t i = 0; i < x.nclaims; i++) {
		const struct assay_claim *c = &x.claims[i];
		cr_expect_leq(c->evidence.end, text.len);
		cr_expect_leq(c->evidence.start, c->fig_start);
		cr_expect_leq(c->fig_end, c->evidence.end);
		cr_expect_lt(c->fig_start, c->fig_end);
	}
	for (size_t i = 0; i < x.nagreements; i++)
		cr_expect_lt(x.agreements[i].evidence.start, x.agreements[i].evidence.end);
	assay_extraction_release(&x);
	assay_buf_release(&text);
	free(path);
}

Test(extract_claims, odd_input_neither_crashes_nor_claims)
{
	static const char *const odd[] = {
		"", "|", "| | |\n|---|\n| |", "\xe2\x80", "China", "70%", "It accounts for 5%.",
		"Talks with with with", "\n\n\n", "a | b\nc | d | e | f | g | h | i | j | k | l | m | n",
	};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		struct assay_extraction x;
		cr_assert_eq(assay_extract_text(odd[i], strlen(odd[i]), NULL, &x), ASSAY_OK);
		cr_expect_eq(x.nclaims, 0, "claim from '%s'", odd[i]);
		cr_expect_eq(x.nagreements, 0, "agreement from '%s'", odd[i]);
		assay_extraction_release(&x);
	}
}

/* ---- the five seed pages, through the cleaner ---- */

static bool must_not_agreement(const struct assay_agreement *a, json_t *list)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o) {
		json_t *parties = json_object_get(o, "parties"), *p;
		size_t j;
		bool same = (size_t)a->nparties == json_array_size(parties);
		json_array_foreach(parties, j, p)
			same = same && !strcmp(a->parties[j], json_string_value(p));
		if (same)
			return true;
	}
	return false;
}

Test(extract_claims, seed_pages_give_every_required_claim_and_nothing_else)
{
	char *gpath = source_path("corpus/gold.jsonl");
	FILE *fp = fopen(gpath, "r");
	json_error_t err;
	json_t *line;
	struct score s = {0};
	int docs = 0;

	cr_assert_not_null(fp, "cannot open %s", gpath);
	while ((line = json_loadf(fp, JSON_DISABLE_EOF_CHECK, &err))) {
		const char *seed = json_string_value(json_object_get(line, "seed"));
		char rel[256];
		struct assay_buf html = {0};
		struct assay_doc doc;
		struct assay_extraction x;
		snprintf(rel, sizeof rel, "corpus/%.*s.html", (int)(strcspn(seed, ".")), seed);
		char *path = source_path(rel);
		cr_assert_eq(assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &html), ASSAY_OK, "%s", path);
		cr_assert_eq(assay_clean(html.data, html.len, NULL, &doc), ASSAY_OK);
		cr_assert_eq(assay_extract_doc(&doc, NULL, &x), ASSAY_OK);
		score_one(&x, line, &s);
		for (size_t k = 0; k < x.nagreements; k++)
			cr_expect_not(must_not_agreement(&x.agreements[k],
							 json_object_get(line, "must_not_agreements")),
				      "%s: agreement from outside the story", seed);
		assay_extraction_release(&x);
		assay_doc_release(&doc);
		assay_buf_release(&html);
		free(path);
		json_decref(line);
		docs++;
	}
	fclose(fp);
	free(gpath);
	double ap = ratio(s.agr_ok, s.agr), ar = ratio(s.gold_agr_found, s.gold_agr);
	cr_log_info("seed pages: claims %d/%d right, %d/%d found; agreements F1 %.3f", s.claims_ok,
		    s.claims, s.gold_found, s.gold, f1(ap, ar));
	cr_expect_eq(docs, 5);
	cr_expect_eq(s.gold_found, s.gold, "every required claim: %d of %d found", s.gold_found,
		     s.gold);
	cr_expect_eq(s.claims_ok, s.claims, "%d claims neither required nor optional",
		     s.claims - s.claims_ok);
	cr_expect_geq(f1(ap, ar), 0.9, "agreements F1 %.3f", f1(ap, ar));
}
