/* test_serve.c - the review page's building blocks: the one HTML escaping
 * function, URL and form helpers, figure formatting, and the SVG charts.
 *
 * Escaping and formatting are driven by case files in tests/data/; the
 * charts are parsed back as XML and checked for what an editor must see. */
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "chart.h"
#include "guard.h"
#include "html.h"
#include "http.h"

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

/* Decodes C escapes (\t \n \\ \xHH) of @s in place; returns the length. */
static size_t unescape(char *s)
{
	size_t o = 0;

	for (size_t i = 0; s[i]; i++) {
		if (s[i] != '\\' || !s[i + 1]) {
			s[o++] = s[i];
			continue;
		}
		i++;
		if (s[i] == 'n')
			s[o++] = '\n';
		else if (s[i] == 't')
			s[o++] = '\t';
		else if (s[i] == 'x') {
			char hex[3] = {s[i + 1], s[i + 2], 0};
			s[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else
			s[o++] = s[i];
	}
	s[o] = '\0';
	return o;
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

Test(serve, escaping_makes_scraped_text_inert_for_html)
{
	FILE *f = open_case_file("serve_escape.tsv");
	char line[1024], *fld[2];
	int cases = 0;

	while (fgets(line, sizeof line, f)) {
		struct assay_buf b = {0};
		size_t inlen, outlen;

		if (split_tabs(line, fld, 2) != 2)
			continue;
		inlen = unescape(fld[0]);
		outlen = unescape(fld[1]);
		cr_assert_eq(serve_esc(&b, fld[0], inlen), ASSAY_OK);
		cr_expect(b.len == outlen && memcmp(b.data ? b.data : "", fld[1], outlen) == 0,
			  "case %d: got '%s', want '%s'", cases + 1, b.data ? b.data : "", fld[1]);
		assay_buf_release(&b);
		cases++;
	}
	fclose(f);
	cr_assert_gt(cases, 10);
}

Test(serve, escaped_output_never_holds_markup_characters)
{
	struct assay_buf b = {0};
	char all[256];

	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	cr_assert_eq(serve_esc(&b, all, sizeof all), ASSAY_OK);
	cr_expect_null(memchr(b.data, '<', b.len));
	cr_expect_null(memchr(b.data, '>', b.len));
	cr_expect_null(memchr(b.data, '"', b.len));
	cr_expect_null(memchr(b.data, '\'', b.len));
	cr_expect_null(memchr(b.data, '\0', b.len));
	assay_buf_release(&b);
}

Test(serve, only_web_urls_are_linked)
{
	cr_expect(serve_url_is_web("https://www.mining.com/a?b=1"));
	cr_expect(serve_url_is_web("HTTP://example.org/"));
	cr_expect_not(serve_url_is_web("javascript:alert(1)"));
	cr_expect_not(serve_url_is_web(" https://x.org/"));
	cr_expect_not(serve_url_is_web("https:///path"));
	cr_expect_not(serve_url_is_web("file:///etc/passwd"));
	cr_expect_not(serve_url_is_web("data:text/html,<script>"));
	cr_expect_not(serve_url_is_web("https://x.org/a b"));
	cr_expect_not(serve_url_is_web(NULL));
}

Test(serve, form_fields_are_decoded)
{
	const char body[] = "token=ab12&action=reject&reason=wrong+unit%3A+lbs%20not%20t&x";
	char out[64];

	cr_assert(serve_form_get(body, strlen(body), "reason", out, sizeof out));
	cr_expect_str_eq(out, "wrong unit: lbs not t");
	cr_assert(serve_form_get(body, strlen(body), "token", out, sizeof out));
	cr_expect_str_eq(out, "ab12");
	cr_expect(serve_form_get(body, strlen(body), "x", out, sizeof out));
	cr_expect_str_eq(out, "");
	cr_expect_not(serve_form_get(body, strlen(body), "tok", out, sizeof out));
	cr_expect_not(serve_form_get(body, 5, "action", out, sizeof out));
	cr_assert(serve_form_get("v=%4", 4, "v", out, sizeof out));
	cr_expect_str_eq(out, "%4");
}

/* Parses @svg as XML; fails the test when it is not well-formed. */
static xmlDoc *parse_svg(const struct assay_buf *svg)
{
	xmlDoc *doc = xmlReadMemory(svg->data, (int)svg->len, "chart.svg", "UTF-8",
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	cr_assert_not_null(doc, "not well-formed: %s", svg->data);
	return doc;
}

/* Collects the elements named @name under @n, in document order. */
static size_t find_all(xmlNode *n, const char *name, xmlNode **out, size_t max, size_t k)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 &&
		    k < max)
			out[k++] = n;
		k = find_all(n->children, name, out, max, k);
	}
	return k;
}

static double attr_num(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	double d;

	cr_assert_not_null(v, "no %s attribute", name);
	d = strtod((const char *)v, NULL);
	xmlFree(v);
	return d;
}

static void set_mark(struct serve_mark *m, double v, const char *date, const char *site,
		     bool accepted)
{
	memset(m, 0, sizeof *m);
	m->value = v;
	m->lo = v * 0.95;
	m->hi = v * 1.05;
	snprintf(m->date, sizeof m->date, "%s", date);
	snprintf(m->site, sizeof m->site, "%s", site);
	m->accepted = accepted;
}

Test(serve, chart_draws_one_dot_per_source_in_value_order)
{
	struct serve_mark m[3];
	struct assay_buf svg = {0};
	xmlNode *dots[8];
	xmlDoc *doc;

	set_mark(&m[0], 60, "2023-01-02", "a.example", false);
	set_mark(&m[1], 90, "2024-05-06", "b.example", true);
	set_mark(&m[2], 70, "2024-07-08", "c.example", false);
	cr_assert_eq(serve_chart_svg(m, 3, "%", &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_assert_eq(find_all(xmlDocGetRootElement(doc), "circle", dots, 8, 0), 3);
	cr_expect_lt(attr_num(dots[0], "cx"), attr_num(dots[2], "cx"));
	cr_expect_lt(attr_num(dots[2], "cx"), attr_num(dots[1], "cx"));
	cr_expect_lt(attr_num(dots[0], "cy"), attr_num(dots[1], "cy"), "rows keep the given order");
	cr_expect_not_null(strstr(svg.data, "2024-05-06"));
	cr_expect_not_null(strstr(svg.data, "b.example"));
	xmlFreeDoc(doc);
	assay_buf_release(&svg);
}

Test(serve, chart_highlights_only_the_accepted_figure)
{
	struct serve_mark m[2];
	struct assay_buf svg = {0};
	const char *first;

	set_mark(&m[0], 1200000, "2023-01-02", "a.example", false);
	set_mark(&m[1], 1500000, "2024-05-06", "b.example", true);
	cr_assert_eq(serve_chart_svg(m, 2, "t", &svg), ASSAY_OK);
	first = strstr(svg.data, "class=\"mark accepted\"");
	cr_assert_not_null(first);
	cr_expect_null(strstr(first + 1, "class=\"mark accepted\""));
	cr_expect_not_null(strstr(first, "1.5 million t"));
	cr_expect_not_null(strstr(first, "accepted</text>"));
	assay_buf_release(&svg);
	m[1].accepted = false;
	cr_assert_eq(serve_chart_svg(m, 2, "t", &svg), ASSAY_OK);
	cr_expect_null(strstr(svg.data, "accepted\""));
	assay_buf_release(&svg);
}

Test(serve, chart_escapes_scraped_labels)
{
	struct serve_mark m;
	struct assay_buf svg = {0};
	xmlDoc *doc;

	set_mark(&m, 5, "2024-01-01", "<script>alert(1)</script>", false);
	snprintf(m.figure, sizeof m.figure, "\"><img src=x onerror=alert(1)>");
	cr_assert_eq(serve_chart_svg(&m, 1, "%", &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_expect_null(strstr(svg.data, "<script"));
	cr_expect_null(strstr(svg.data, "<img"));
	cr_expect_not_null(strstr(svg.data, "&lt;script&gt;"));
	xmlFreeDoc(doc);
	assay_buf_release(&svg);
}

Test(serve, chart_survives_degenerate_figures)
{
	struct serve_mark m[2];
	struct assay_buf svg = {0};
	xmlDoc *doc;

	cr_assert_eq(serve_chart_svg(NULL, 0, "t", &svg), ASSAY_OK);
	xmlFreeDoc(parse_svg(&svg));
	assay_buf_reset(&svg);
	set_mark(&m[0], 0, "", "", false);
	set_mark(&m[1], 0, "", "", true);
	cr_assert_eq(serve_chart_svg(m, 2, "%", &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_expect_null(strstr(svg.data, "nan"));
	cr_expect_null(strstr(svg.data, "inf"));
	cr_expect_not_null(strstr(svg.data, "undated"));
	xmlFreeDoc(doc);
	assay_buf_reset(&svg);
	set_mark(&m[0], NAN, "2024-01-01", "a.example", false);
	m[0].lo = m[0].hi = NAN;
	set_mark(&m[1], 5, "2024-01-02", "b.example", false);
	cr_assert_eq(serve_chart_svg(m, 2, "%", &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_expect_null(strstr(svg.data, "nan\""), "no NaN coordinate: %s", svg.data);
	cr_expect_null(strstr(svg.data, "=\"-nan"));
	xmlFreeDoc(doc);
	assay_buf_release(&svg);
}

Test(serve, timeline_puts_statuses_in_order_with_their_tone)
{
	struct serve_event e[3] = {
		{"2023-03-01", "negotiating", "a.example", 0},
		{"2023-09-01", "signed", "b.example", 0},
		{"2024-02-01", "stalled", "c<d>.example", 0},
	};
	struct assay_buf svg = {0};
	xmlNode *dots[8];
	xmlDoc *doc;
	const char *neg, *sig, *sta;

	cr_assert_eq(serve_timeline_svg(e, 3, &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_assert_eq(find_all(xmlDocGetRootElement(doc), "circle", dots, 8, 0), 3);
	cr_expect_lt(attr_num(dots[0], "cx"), attr_num(dots[1], "cx"));
	cr_expect_lt(attr_num(dots[1], "cx"), attr_num(dots[2], "cx"));
	neg = strstr(svg.data, "negotiating");
	sig = strstr(svg.data, "signed");
	sta = strstr(svg.data, "stalled");
	cr_assert(neg && sig && sta);
	cr_expect(neg < sig && sig < sta);
	cr_expect_not_null(strstr(svg.data, "c&lt;d&gt;.example"));
	cr_expect_str_eq(serve_status_tone("signed"), "good");
	cr_expect_str_eq(serve_status_tone("stalled"), "bad");
	cr_expect_str_eq(serve_status_tone("negotiating"), "open");
	xmlFreeDoc(doc);
	assay_buf_release(&svg);
}

Test(serve, chart_clips_long_labels_but_keeps_them_in_the_tooltip)
{
	const char *longsite = "a-very-long-site-name-that-would-run-into-the-plot.example";
	struct serve_mark m;
	struct assay_buf svg = {0};
	const char *title, *label;

	set_mark(&m, 5, "2024-01-01", longsite, false);
	cr_assert_eq(serve_chart_svg(&m, 1, "%", &svg), ASSAY_OK);
	title = strstr(svg.data, "<title>");
	cr_assert_not_null(title);
	cr_expect_not_null(strstr(title, longsite), "the tooltip has the whole name");
	label = strstr(title, "</title>");
	cr_assert_not_null(label);
	cr_expect_null(strstr(label, longsite), "the row label is clipped");
	cr_expect_not_null(strstr(label, "a-very-long-site-name-that\xE2\x80\xA6"));
	xmlFreeDoc(parse_svg(&svg));
	assay_buf_release(&svg);
}

static const char *guard_value(const char *field, const char *good)
{
	if (strcmp(field, "-") == 0)
		return NULL;
	if (strcmp(field, "ok") == 0)
		return good;
	if (strcmp(field, "bad") == 0)
		return "0123456789abcdef0123456789abcdeX";
	return field;
}

Test(serve, requests_are_judged_by_host_origin_session_and_form_token)
{
	static const char *const names[] = {
		[SERVE_ALLOW] = "allow", [SERVE_LOGIN] = "login", [SERVE_DENY_HOST] = "host",
		[SERVE_DENY_ORIGIN] = "origin", [SERVE_DENY_SESSION] = "session",
		[SERVE_DENY_TOKEN] = "token", [SERVE_DENY_METHOD] = "method",
	};
	FILE *f = open_case_file("serve_guard.tsv");
	struct serve_guard g;
	char line[512], *fld[9];
	int cases = 0;

	cr_assert_eq(serve_guard_init(&g, 8080, NULL), ASSAY_OK);
	cr_expect_str_eq(g.cookie_name, "assay_session_8080");
	cr_expect_str_neq(g.session, g.form, "two different secrets");
	while (fgets(line, sizeof line, f)) {
		struct serve_guard_in in;
		enum serve_verdict v;

		if (split_tabs(line, fld, 9) != 9)
			continue;
		in = (struct serve_guard_in){
			.method = guard_value(fld[0], NULL), .host = guard_value(fld[1], NULL),
			.origin = guard_value(fld[2], NULL), .fetch_site = guard_value(fld[3], NULL),
			.cookie = guard_value(fld[4], g.session), .url_token = guard_value(fld[5], g.session),
			.form_token = guard_value(fld[6], g.form), .asset = fld[7][0] == '1',
		};
		v = serve_guard_check(&g, &in);
		cr_expect_str_eq(names[v], fld[8], "case %d: %s %s origin %s site %s", cases + 1,
				 fld[0], fld[1], fld[2], fld[3]);
		cases++;
	}
	fclose(f);
	cr_assert_gt(cases, 20);
	cr_expect_eq(serve_verdict_status(SERVE_DENY_HOST), 403);
	cr_expect_eq(serve_verdict_status(SERVE_DENY_ORIGIN), 403);
	cr_expect_eq(serve_verdict_status(SERVE_LOGIN), 303);
}

Test(serve, long_timelines_wrap_into_rows)
{
	struct serve_event e[14];
	struct assay_buf svg = {0};
	xmlNode *dots[32];
	xmlDoc *doc;

	memset(e, 0, sizeof e);
	for (int i = 0; i < 14; i++) {
		snprintf(e[i].date, sizeof e[i].date, "2024-%02d-01", i % 12 + 1);
		snprintf(e[i].status, sizeof e[i].status, "%s", i % 2 ? "signed" : "stalled");
		snprintf(e[i].site, sizeof e[i].site, "site%d.example", i);
	}
	e[3].more = 2;
	cr_assert_eq(serve_timeline_svg(e, 14, &svg), ASSAY_OK);
	doc = parse_svg(&svg);
	cr_assert_eq(find_all(xmlDocGetRootElement(doc), "circle", dots, 32, 0), 14);
	cr_expect_eq(attr_num(dots[0], "cy"), attr_num(dots[5], "cy"), "six on the first line");
	cr_expect_lt(attr_num(dots[5], "cy"), attr_num(dots[6], "cy"), "the seventh wraps");
	cr_expect_eq(attr_num(dots[0], "cx"), attr_num(dots[6], "cx"));
	cr_expect_lt(attr_num(dots[12], "cy"), attr_num(dots[13], "cy") + 1);
	cr_expect_not_null(strstr(svg.data, "site3.example +2"));
	cr_expect_leq(attr_num(xmlDocGetRootElement(doc), "width"), 1100, "fits a laptop page");
	xmlFreeDoc(doc);
	assay_buf_release(&svg);
}

/* True when @s (@n bytes) is well-formed UTF-8. */
static bool valid_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xC2 && s[i] <= 0xDF ? 2
			   : s[i] >= 0xE0 && s[i] <= 0xEF ? 3 : s[i] >= 0xF0 && s[i] <= 0xF4 ? 4 : 0;

		if (!len || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

Test(serve, random_bytes_come_out_as_inert_valid_text)
{
	static const char pool[] = "<>\"'&`\xC3\xE2\xF0\x80\xBF a";
	unsigned seed = 12345;

	for (int round = 0; round < 3000; round++) {
		unsigned char in[64];
		size_t n = (size_t)(rand_r(&seed) % sizeof in);
		struct assay_buf b = {0};

		for (size_t i = 0; i < n; i++) /* bias towards markup and UTF-8 lead bytes */
			in[i] = (unsigned char)(rand_r(&seed) % 4
						? pool[(size_t)rand_r(&seed) % (sizeof pool - 1)]
						: rand_r(&seed) % 256);
		cr_assert_eq(serve_esc(&b, (const char *)in, n), ASSAY_OK);
		cr_assert(valid_utf8((const unsigned char *)b.data, b.len), "round %d", round);
		cr_assert(!b.len || !memchr(b.data, '<', b.len));
		cr_assert(!b.len || !memchr(b.data, '"', b.len));
		assay_buf_release(&b);
	}
}

Test(serve, a_kept_session_key_is_used_only_when_well_formed)
{
	static const char key[] = "00112233445566778899aabbccddeeff";
	struct serve_guard g;

	cr_assert_eq(serve_guard_init(&g, 8080, key), ASSAY_OK);
	cr_expect_str_eq(g.session, key);
	cr_expect_str_neq(g.form, key, "the form token is fresh");
	cr_expect_eq(serve_guard_init(&g, 8080, "00112233"), ASSAY_EINVAL, "too short");
	cr_expect_eq(serve_guard_init(&g, 8080, "00112233445566778899aabbccddeefg"), ASSAY_EINVAL);
	cr_expect_eq(serve_guard_init(&g, 8080, "00112233445566778899aabbccddeeff0"), ASSAY_EINVAL);
}

Test(serve, editor_names_are_trimmed_and_checked)
{
	char ok[] = "  Ana P\xC3\xA9rez\t", ctl[] = "a\x1b]0;b", c1[] = "a\xC2\x9b" "b",
	     bad[] = "a\xC3(", blank[] = "  ", long_[80];

	cr_expect(serve_editor_name_ok(ok));
	cr_expect_str_eq(ok, "Ana P\xC3\xA9rez");
	cr_expect_not(serve_editor_name_ok(ctl), "ESC");
	cr_expect_not(serve_editor_name_ok(c1), "a C1 control");
	cr_expect_not(serve_editor_name_ok(bad), "not UTF-8");
	cr_expect_not(serve_editor_name_ok(blank));
	memset(long_, 'x', sizeof long_ - 1);
	long_[sizeof long_ - 1] = '\0';
	cr_expect_not(serve_editor_name_ok(long_), "longer than the store keeps");
	long_[SERVE_EDITOR_MAX] = '\0';
	cr_expect(serve_editor_name_ok(long_));
}

Test(serve, a_host_server_answers_to_its_address_only)
{
	struct serve_guard g;
	struct serve_guard_in in = {.method = "GET", .host = "10.0.0.5:8080"};

	cr_assert_eq(serve_guard_init(&g, 8080, NULL), ASSAY_OK);
	cr_expect_eq(serve_guard_check(&g, &in), SERVE_DENY_HOST, "not without --host");
	cr_assert_eq(serve_guard_set_host(&g, "10.0.0.5"), ASSAY_OK);
	in.cookie = g.session;
	cr_expect_eq(serve_guard_check(&g, &in), SERVE_ALLOW);
	in.host = "127.0.0.1:8080";
	cr_expect_eq(serve_guard_check(&g, &in), SERVE_DENY_HOST, "only the one address");
	in.host = "10.0.0.5:8080";
	in.method = "POST";
	in.form_token = g.form;
	in.origin = "http://10.0.0.5:8080";
	cr_expect_eq(serve_guard_check(&g, &in), SERVE_ALLOW);
	in.origin = "http://localhost:8080";
	cr_expect_eq(serve_guard_check(&g, &in), SERVE_DENY_ORIGIN);
	cr_expect_eq(serve_guard_set_host(&g, ""), ASSAY_EINVAL);
}
