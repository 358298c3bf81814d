/* cmd_extract.c - `assay extract`: mentions, claims and agreements of
 * files, as JSON Lines, without a store.
 *
 * One JSON object per document: {"file", "published", "mentions",
 * "claims", "agreements"} with the field names of claims.md. HTML inputs
 * are cleaned first (assay_clean); --text takes them as plain text;
 * --lines makes every input line a document (output keeps order and
 * count, an empty line gives empty lists). Optional fields that are empty
 * are left out, except "commodity", "period" and "topic" of claims and
 * agreements and a date's "value", which are null when unknown. Money
 * has "currency" and count "noun" (claims.md), each repeated as "unit" as
 * claims carry it. Inputs are files, '-' (standard input) and -u URLs;
 * one that is not a page or text is refused by name (cli/input.h). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "assay.h"
#include "clean.h"
#include "cli.h"
#include "extract.h"
#include "input.h"
#include "log.h"
#include "options.h"

struct extract_args {
	bool text, lines, allow_private;
	const char *published;
	const struct assay_clean_opts *clean; /* the input's charset and URL */
};

/* Whole numbers print as integers ("694000000"), others as reals. */
static json_t *number(double v)
{
	if (isfinite(v) && v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void set_str(json_t *o, const char *key, const char *s)
{
	if (s && *s)
		json_object_set_new(o, key, json_string(s));
}

static void set_str_or_null(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, s && *s ? json_string(s) : json_null());
}

/* The span as a JSON string; bytes that are not UTF-8 become '?'. */
static json_t *span_text(const char *text, size_t len, size_t s, size_t e)
{
	json_t *j;
	char *copy;

	if (s > len || e > len || s > e)
		return json_string("");
	j = json_stringn(text + s, e - s);
	if (j)
		return j;
	copy = malloc(e - s + 1);
	if (!copy)
		return json_string("");
	for (size_t i = s; i < e;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
						      (utf8proc_ssize_t)(e - i), &cp);
		if (k <= 0) {
			copy[i - s] = '?';
			i++;
			continue;
		}
		memcpy(copy + (i - s), text + i, (size_t)k);
		i += (size_t)k;
	}
	j = json_stringn(copy, e - s);
	free(copy);
	return j ? j : json_string("");
}

static void set_figure(json_t *o, const struct assay_mention *m)
{
	json_object_set_new(o, "value", number(m->value));
	if (m->has_max)
		json_object_set_new(o, "value_max", number(m->value_max));
	set_str(o, "qualifier", m->qualifier);
	set_str(o, "per", m->per);
}

static json_t *mention_json(const char *text, size_t len, const struct assay_mention *m)
{
	json_t *o = json_object();

	json_object_set_new(o, "type", json_string(assay_mention_type_name(m->type)));
	json_object_set_new(o, "text", span_text(text, len, m->start, m->end));
	json_object_set_new(o, "start", json_integer((json_int_t)m->start));
	json_object_set_new(o, "end", json_integer((json_int_t)m->end));
	switch (m->type) {
	case ASSAY_M_QUANTITY:
		set_figure(o, m);
		set_str(o, "unit", m->unit);
		set_str(o, "unit_text", m->unit_text);
		if (m->ton_ambiguous)
			json_object_set_new(o, "ton_ambiguous", json_true());
		break;
	case ASSAY_M_PERCENT:
		set_figure(o, m);
		set_str(o, "unit", m->unit);
		break;
	case ASSAY_M_MONEY:
		set_figure(o, m);
		set_str(o, "currency", m->unit);
		set_str(o, "unit", m->unit);
		set_str(o, "unit_text", m->unit_text);
		set_str(o, "price_per", m->price_per);
		break;
	case ASSAY_M_COUNT:
		set_figure(o, m);
		set_str(o, "noun", m->unit);
		set_str(o, "unit", m->unit);
		set_str(o, "unit_text", m->unit_text);
		break;
	case ASSAY_M_NUMBER:
		set_figure(o, m);
		break;
	case ASSAY_M_COUNTRY:
		set_str(o, "id", m->id);
		set_str(o, "form", m->form);
		break;
	case ASSAY_M_ORG:
		set_str(o, "id", m->id);
		set_str(o, "kind", m->kind);
		set_str(o, "country", m->home);
		break;
	case ASSAY_M_COMMODITY:
		set_str(o, "id", m->id);
		break;
	case ASSAY_M_DATE:
		set_str_or_null(o, "value", m->id);
		break;
	}
	return o;
}

static json_t *evidence_json(const char *text, size_t len, const struct assay_evidence *ev)
{
	json_t *o = json_object();

	json_object_set_new(o, "start", json_integer((json_int_t)ev->start));
	json_object_set_new(o, "end", json_integer((json_int_t)ev->end));
	json_object_set_new(o, "text", span_text(text, len, ev->start, ev->end));
	return o;
}

static json_t *claim_json(const char *text, size_t len, const struct assay_claim *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "subject", json_string(c->subject));
	json_object_set_new(o, "metric", json_string(c->metric));
	set_str_or_null(o, "commodity", c->commodity);
	json_object_set_new(o, "value", number(c->value));
	if (c->has_max)
		json_object_set_new(o, "value_max", number(c->value_max));
	set_str(o, "unit", c->unit);
	set_str(o, "qualifier", c->qualifier);
	set_str_or_null(o, "period", c->period);
	set_str(o, "status", c->status);
	set_str(o, "place", c->place);
	set_str(o, "per", c->per);
	set_str(o, "price_per", c->price_per);
	set_str(o, "change", c->change);
	json_object_set_new(o, "evidence", evidence_json(text, len, &c->evidence));
	return o;
}

static json_t *agreement_json(const char *text, size_t len, const struct assay_agreement *a)
{
	json_t *o = json_object(), *parties = json_array();

	json_object_set_new(o, "type", json_string(a->type));
	for (int i = 0; i < a->nparties && i < ASSAY_MAX_PARTIES; i++)
		json_array_append_new(parties, json_string(a->parties[i]));
	json_object_set_new(o, "parties", parties);
	set_str(o, "status", a->status);
	set_str_or_null(o, "topic", a->topic);
	json_object_set_new(o, "evidence", evidence_json(text, len, &a->evidence));
	return o;
}

/* Prints one document's line. */
static int print_doc(const char *file, const char *published, const char *text, size_t len,
		     const struct assay_extraction *x)
{
	json_t *o = json_object(), *ms = json_array(), *cs = json_array(), *as = json_array();
	char *line;

	json_object_set_new(o, "file", json_string(file));
	set_str_or_null(o, "published", published);
	for (size_t i = 0; i < x->nmentions; i++)
		json_array_append_new(ms, mention_json(text, len, &x->mentions[i]));
	for (size_t i = 0; i < x->nclaims; i++)
		json_array_append_new(cs, claim_json(text, len, &x->claims[i]));
	for (size_t i = 0; i < x->nagreements; i++)
		json_array_append_new(as, agreement_json(text, len, &x->agreements[i]));
	json_object_set_new(o, "mentions", ms);
	json_object_set_new(o, "claims", cs);
	json_object_set_new(o, "agreements", as);
	line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!line)
		return ASSAY_ENOMEM;
	puts(line);
	free(line);
	return ASSAY_OK;
}

/* Extracts one document (HTML unless --text) and prints it. */
static int run_doc(const struct extract_args *a, const char *file, const char *data, size_t len)
{
	struct assay_extract_opts xo = {.published = a->published};
	struct assay_extraction x = {0};
	struct assay_doc doc = {0};
	const char *text = data, *published = a->published;
	int rc;

	if (!a->text) {
		rc = assay_clean(data, len, a->clean, &doc);
		if (rc != ASSAY_OK)
			return rc;
		text = doc.text;
		len = doc.text_len;
		if (!published)
			published = doc.published;
		rc = assay_extract_doc(&doc, &xo, &x);
	} else {
		rc = assay_extract_text(text, len, &xo, &x);
	}
	if (rc == ASSAY_OK)
		rc = print_doc(file, published, text, len, &x);
	assay_extraction_release(&x);
	assay_doc_release(&doc);
	return rc;
}

/* --lines: every line a document. A line that fails still prints an
 * empty document, so output lines match input lines; the first error is
 * returned. */
static int run_lines(const struct extract_args *a, const char *path, const char *data, size_t len)
{
	size_t pos = 0, lineno = 0;
	int first = ASSAY_OK;

	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len;
		struct assay_extraction none = {0};
		int rc = run_doc(a, path, data + pos, end - pos);

		lineno++;
		if (rc != ASSAY_OK) {
			assay_err("%s:%zu: cannot extract: %s", path, lineno, assay_strerror(rc));
			print_doc(path, a->published, "", 0, &none);
			if (first == ASSAY_OK)
				first = rc;
		}
		pos = end + 1;
	}
	return first;
}

static int run_input(struct extract_args *a, struct cli_input *in)
{
	struct assay_clean_opts co = {0};
	const char *data;
	int rc;

	in->empty_ok = a->lines;
	rc = cli_input_read(in, a->text ? "text" : "HTML", a->allow_private);
	if (rc != ASSAY_OK)
		return rc;
	co.charset = in->charset;
	co.base_url = in->url;
	a->clean = &co;
	data = in->body.data ? in->body.data : "";
	if (!a->lines) {
		rc = run_doc(a, in->name, data, in->body.len);
		if (rc != ASSAY_OK)
			assay_err("%s: cannot extract: %s", in->name, assay_strerror(rc));
	} else {
		rc = run_lines(a, in->name, data, in->body.len);
	}
	a->clean = NULL;
	return rc;
}

static bool valid_date(const char *s)
{
	int y, m, d;
	char tail;

	return sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(s) == 10 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

/* Options and inputs (files, "-", -u URLs) in the order given. */
struct parsed {
	struct extract_args *a;
	struct cli_input *in; /* room for one an argument */
	int n;
};

static int take(void *ctx, int c, const char *v)
{
	struct parsed *p = ctx;

	switch (c) {
	case 'u': p->in[p->n].is_url = true; /* fall through */
	case CLI_OPERAND: p->in[p->n++].name = v; return 0;
	case 't': p->a->text = true; return 0;
	case 'l': p->a->lines = true; return 0;
	case 'p': p->a->allow_private = true; return 0;
	case 'P':
		if (!valid_date(v)) {
			assay_err("extract: --published '%s': not a date (use YYYY-MM-DD)", v);
			return -1;
		}
		p->a->published = v;
		return 0;
	default: return 1;
	}
}

/* The number of inputs, 0 after --help, or -1 when the arguments are
 * wrong (said why). */
static int parse_args(int argc, char **argv, struct extract_args *a, struct cli_input *in)
{
	struct parsed p = {a, in, 0};
	int rc;

	if (!cli_parse("extract", argc, argv, take, &p, &rc))
		return rc ? -1 : 0;
	if (p.n == 0) {
		assay_err("extract: no input files (see 'assay extract --help')");
		return -1;
	}
	return p.n;
}

int cmd_extract(int argc, char **argv, const struct cli_globals *g)
{
	struct extract_args a = {0};
	struct cli_input *in;
	int n, failed = 0, rc;

	(void)g;
	in = calloc((size_t)argc, sizeof *in);
	if (!in) {
		assay_err("extract: out of memory");
		return CLI_FATAL;
	}
	n = parse_args(argc, argv, &a, in);
	if (n <= 0) {
		free(in);
		return n < 0 ? CLI_FATAL : CLI_OK;
	}
	rc = assay_extract_init();
	if (rc != ASSAY_OK) {
		assay_err("extract: cannot load the recognizers: %s", assay_strerror(rc));
		free(in);
		return CLI_FATAL;
	}
	assay_parse_init();
	for (int i = 0; i < n; i++) {
		if (run_input(&a, &in[i]) != ASSAY_OK)
			failed++;
		cli_input_release(&in[i]);
	}
	free(in);
	fflush(stdout);
	if (failed && n > 1)
		assay_err("extract: %d of %d inputs failed", failed, n);
	return failed ? CLI_PARTIAL : CLI_OK;
}
