/* test_parse.c - the cleaner: what it keeps, what it drops, the metadata it
 * finds, and that no input crashes or hangs it.
 *
 * Most cases are data: tests/fixtures/parse/NAME.html with NAME.expect, one
 * expectation a line ("keep: TEXT", "drop: TEXT", "title: TEXT",
 * "block: KIND TEXT", "table: T R C TEXT", "once: TEXT" for text that must
 * be there exactly once, "charset: LABEL" to pass a
 * charset as the HTTP header would; "none" for an absent field). Every
 * document, fixture or generated, must also hold the invariants of
 * clean.h: valid UTF-8, blocks inside the text separated by blank lines,
 * table rows pointing at real rows. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zlib.h>

#include "assay.h"
#include "buf.h"
#include "clean.h"
#include "file.h"

static char *fixture_dir(void)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	size_t n;
	char *p;

	cr_assert(root, "ASSAY_SOURCE_ROOT is not set");
	n = strlen(root) + sizeof "/tests/fixtures/parse";
	p = malloc(n);
	snprintf(p, n, "%s/tests/fixtures/parse", root);
	return p;
}

static bool valid_utf8(const char *s, size_t n)
{
	utf8proc_int32_t cp;

	for (size_t i = 0; i < n;) {
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

/* The promises of clean.h, for any document. */
static void check_invariants(const struct assay_doc *d, const char *what)
{
	const char *fields[] = {d->title, d->url, d->published, d->author, d->site, d->language};

	cr_assert(d->text, "%s: text is NULL", what);
	cr_assert_eq(strlen(d->text), d->text_len, "%s: text_len is wrong", what);
	cr_assert(valid_utf8(d->text, d->text_len), "%s: text is not valid UTF-8", what);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		cr_assert(!fields[i] || valid_utf8(fields[i], strlen(fields[i])),
			  "%s: metadata is not valid UTF-8", what);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct assay_block *b = &d->blocks[i];

		cr_assert(b->start < b->end && b->end <= d->text_len, "%s: block %zu out of text", what, i);
		cr_assert(i == 0 || (b->start >= 2 && memcmp(d->text + b->start - 2, "\n\n", 2) == 0),
			  "%s: block %zu not after a blank line", what, i);
		cr_assert(!memchr(d->text + b->start, '\n', b->end - b->start),
			  "%s: newline inside block %zu", what, i);
		cr_assert(d->text[b->start] != ' ' && d->text[b->end - 1] != ' ',
			  "%s: block %zu not trimmed", what, i);
		if (b->kind == ASSAY_BLOCK_TABLE_ROW)
			cr_assert(b->table >= 0 && (size_t)b->table < d->ntables &&
				  b->row >= 0 && (size_t)b->row < d->tables[b->table].nrows,
				  "%s: table row %zu points nowhere", what, i);
	}
	cr_assert(d->nblocks || d->text_len == 0, "%s: text without blocks", what);
	if (d->published)
		cr_assert_eq(strlen(d->published), 10, "%s: published is not YYYY-MM-DD", what);
}

/* Whitespace-collapsed copy, so expectations need not know the breaks. */
static char *collapse(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

static const char *kind_name(enum assay_block_kind k)
{
	static const char *names[] = {"HEADING", "PARAGRAPH", "ITEM", "QUOTE", "TABLE_ROW"};

	return names[k];
}

static bool has_block(const struct assay_doc *d, const char *spec)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct assay_block *b = &d->blocks[i];
		const char *k = kind_name(b->kind);
		size_t kl = strlen(k);

		if (strncmp(spec, k, kl) == 0 && spec[kl] == ' ' &&
		    strlen(spec + kl + 1) == b->end - b->start &&
		    memcmp(spec + kl + 1, d->text + b->start, b->end - b->start) == 0)
			return true;
	}
	return false;
}

static void check_table(const struct assay_doc *d, const char *spec, const char *where)
{
	size_t t, r, c;
	int used = 0;

	cr_assert(sscanf(spec, "%zu %zu %zu %n", &t, &r, &c, &used) == 3 && used, "%s: bad table line", where);
	cr_assert(t < d->ntables, "%s: no table %zu", where, t);
	cr_assert(r < d->tables[t].nrows, "%s: no row %zu", where, r);
	cr_assert(c < d->tables[t].rows[r].ncells, "%s: no cell %zu", where, c);
	cr_expect_str_eq(d->tables[t].rows[r].cells[c], spec + used, "%s", where);
}

static void check_field(const char *got, const char *want, const char *where)
{
	if (strcmp(want, "none") == 0)
		cr_expect_null(got, "%s: got '%s'", where, got);
	else
		cr_expect(got && strcmp(got, want) == 0, "%s: got '%s'", where, got ? got : "(null)");
}

static void check_line(const struct assay_doc *d, const char *flat, const char *line, const char *where)
{
	const char *v = strchr(line, ':');

	cr_assert(v, "%s: no ':'", where);
	v += 2;
	if (strncmp(line, "keep:", 5) == 0)
		cr_expect(strstr(flat, v), "%s: not kept", where);
	else if (strncmp(line, "drop:", 5) == 0)
		cr_expect(!strstr(flat, v), "%s: not dropped", where);
	else if (strncmp(line, "once:", 5) == 0)
		cr_expect(strstr(flat, v) && !strstr(strstr(flat, v) + 1, v), "%s: not there once", where);
	else if (strncmp(line, "block:", 6) == 0)
		cr_expect(has_block(d, v), "%s: no such block", where);
	else if (strncmp(line, "table:", 6) == 0)
		check_table(d, v, where);
	else if (strncmp(line, "title:", 6) == 0)
		check_field(d->title, v, where);
	else if (strncmp(line, "published:", 10) == 0)
		check_field(d->published, v, where);
	else if (strncmp(line, "author:", 7) == 0)
		check_field(d->author, v, where);
	else if (strncmp(line, "site:", 5) == 0)
		check_field(d->site, v, where);
	else if (strncmp(line, "language:", 9) == 0)
		check_field(d->language, v, where);
	else if (strncmp(line, "url:", 4) == 0)
		check_field(d->url, v, where);
	else if (strncmp(line, "charset:", 8) != 0)
		cr_assert_fail("%s: unknown expectation", where);
}

static void run_case(const char *dir, const char *name)
{
	struct assay_buf html = {0}, exp = {0};
	struct assay_clean_opts o = {0};
	struct assay_doc d;
	char path[4096], where[4200], charset[64] = "";
	char *line, *save = NULL, *flat;
	int n = 0;

	snprintf(path, sizeof path, "%s/%s.expect", dir, name);
	cr_assert_eq(assay_read_file(path, 1 << 20, &exp), ASSAY_OK, "%s", path);
	snprintf(path, sizeof path, "%s/%s.html", dir, name);
	cr_assert_eq(assay_read_file(path, 1 << 24, &html), ASSAY_OK, "%s", path);
	if ((line = strstr(exp.data, "charset: ")))
		sscanf(line + 9, "%63s", charset);
	o.charset = *charset ? charset : NULL;
	cr_assert_eq(assay_clean(html.data, html.len, &o, &d), ASSAY_OK, "%s", path);
	check_invariants(&d, path);
	flat = collapse(d.text);
	for (line = strtok_r(exp.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		n++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		snprintf(where, sizeof where, "%s.expect:%d: %s", name, n, line);
		check_line(&d, flat, line, where);
	}
	free(flat);
	assay_doc_release(&d);
	assay_buf_release(&html);
	assay_buf_release(&exp);
}

TestSuite(parse, .init = assay_parse_init);

/* Runs every fixture whose name starts with @prefix; returns how many. */
static int run_cases(const char *prefix)
{
	char *dir = fixture_dir();
	DIR *dp = opendir(dir);
	struct dirent *e;
	int cases = 0;

	cr_assert(dp, "cannot open %s", dir);
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		char name[256];

		if (n < 8 || n >= sizeof name || strcmp(e->d_name + n - 7, ".expect") != 0 ||
		    strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		memcpy(name, e->d_name, n - 7);
		name[n - 7] = '\0';
		run_case(dir, name);
		cases++;
	}
	closedir(dp);
	free(dir);
	return cases;
}

Test(parse, fixtures_meet_their_expectations)
{
	cr_assert_geq(run_cases(""), 10, "fixtures are missing");
}

/* The pages that defeated the cleaner (issue 22), one group of fixtures
 * per way it lost the article. */
Test(parse, containers_are_kept_for_what_they_hold_not_their_names)
{
	cr_assert_geq(run_cases("held_"), 5, "fixtures are missing");
}

Test(parse, a_page_the_parser_hangs_under_head_is_still_cleaned)
{
	cr_assert_geq(run_cases("broken_head_"), 1, "fixtures are missing");
}

Test(parse, short_posts_beat_the_sidebar_beside_them)
{
	cr_assert_geq(run_cases("short_"), 2, "fixtures are missing");
}

Test(parse, comment_threads_lose_to_a_short_post)
{
	cr_assert_geq(run_cases("comments_"), 1, "fixtures are missing");
}

Test(parse, galleries_inside_the_story_are_not_the_story)
{
	cr_assert_geq(run_cases("gallery_"), 1, "fixtures are missing");
}

Test(parse, text_shown_twice_is_kept_once)
{
	cr_assert_geq(run_cases("twice_"), 1, "fixtures are missing");
}

Test(parse, browser_notices_and_player_menus_are_dropped)
{
	cr_assert_geq(run_cases("notices_"), 1, "fixtures are missing");
}

/* A lead the page's description (JSON-LD, og:, <meta name>) names is
 * kept, wherever the theme put it above the story, and even when the text
 * comes from JSON-LD articleBody. */
Test(parse, a_lead_the_description_names_is_kept)
{
	cr_assert_geq(run_cases("lead_described_"), 3, "fixtures are missing");
}

/* The seed pages of the corpus: every `must` kept, every `must_not` dropped. */
Test(parse, corpus_pages_keep_must_and_drop_must_not)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char path[4096];
	json_t *line;
	FILE *f;
	char buf[1 << 16];
	int pages = 0;

	snprintf(path, sizeof path, "%s/corpus/gold.jsonl", root);
	if (!(f = fopen(path, "r")))
		cr_skip_test("no corpus/gold.jsonl");
	while (fgets(buf, sizeof buf, f) && (line = json_loads(buf, 0, NULL))) {
		const char *seed = json_string_value(json_object_get(line, "seed"));
		struct assay_buf html = {0};
		struct assay_doc d;
		size_t i;
		json_t *v;
		char *flat;

		snprintf(path, sizeof path, "%s/corpus/%.*s.html", root, (int)(strlen(seed) - 4), seed);
		cr_assert_eq(assay_read_file(path, 1 << 24, &html), ASSAY_OK, "%s", path);
		cr_assert_eq(assay_clean(html.data, html.len, NULL, &d), ASSAY_OK);
		check_invariants(&d, path);
		flat = collapse(d.text);
		json_array_foreach(json_object_get(line, "must"), i, v)
			cr_expect(strstr(flat, json_string_value(v)), "%s: lost '%s'", seed, json_string_value(v));
		json_array_foreach(json_object_get(line, "must_not"), i, v)
			cr_expect(!strstr(flat, json_string_value(v)), "%s: kept '%s'", seed, json_string_value(v));
		free(flat);
		assay_doc_release(&d);
		assay_buf_release(&html);
		json_decref(line);
		pages++;
	}
	fclose(f);
	cr_assert_gt(pages, 0);
}

/* ---- inputs that must not crash or hang the cleaner ---- */

static void clean_ok(const char *s, size_t n, const char *what)
{
	struct assay_doc d;

	cr_assert_eq(assay_clean(s, n, NULL, &d), ASSAY_OK, "%s", what);
	check_invariants(&d, what);
	assay_doc_release(&d);
}

Test(parse, empty_and_null_input_give_empty_text)
{
	struct assay_doc d;

	cr_assert_eq(assay_clean("", 0, NULL, &d), ASSAY_OK);
	cr_assert_str_eq(d.text, "");
	assay_doc_release(&d);
	cr_assert_eq(assay_clean(NULL, 0, NULL, &d), ASSAY_OK);
	assay_doc_release(&d);
	assay_doc_release(&d); /* a released doc is zeroed: releasing again is fine */
}

Test(parse, binary_input_is_survived, .timeout = 60)
{
	size_t n = 1 << 20;
	char *s = malloc(n);
	unsigned x = 12345;

	for (int round = 0; round < 4; round++) {
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			s[i] = (char)(x >> 16);
			if (round & 1 && (x >> 8) % 7 == 0)
				s[i] = "<>/=\"' &;"[(x >> 4) % 9];
		}
		clean_ok(s, n, "random bytes");
	}
	free(s);
}

Test(parse, fifty_megabytes_are_cleaned, .timeout = 120)
{
	const char *para = "<p>Copper output rose 5% to 1.2 million tonnes, the ministry said on Monday.</p>\n";
	struct assay_buf b = {0};
	struct assay_doc d;

	assay_buf_puts(&b, "<html><body><article>");
	while (b.len < (50u << 20))
		assay_buf_puts(&b, para);
	assay_buf_puts(&b, "</article></body></html>");
	cr_assert_eq(assay_clean(b.data, b.len, NULL, &d), ASSAY_OK);
	check_invariants(&d, "50 MB");
	cr_assert(strstr(d.text, "1.2 million tonnes"));
	assay_doc_release(&d);
	assay_buf_release(&b);
}

Test(parse, hundred_thousand_deep_nesting_is_survived, .timeout = 120)
{
	struct assay_buf b = {0};
	const char *tags[] = {"div", "span", "b", "li", "table"};

	for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
		assay_buf_reset(&b);
		assay_buf_puts(&b, "<html><body>");
		for (int i = 0; i < 100000; i++)
			assay_buf_printf(&b, "<%s>", tags[t]);
		assay_buf_puts(&b, "Deep text, with commas, that is long enough to be a paragraph of its own.");
		clean_ok(b.data, b.len, tags[t]);
	}
	assay_buf_release(&b);
}

Test(parse, broken_encodings_come_out_as_valid_utf8)
{
	static const char *pages[] = {
		"<html><head><meta charset=\"utf-8\"></head><body><p>Bad \xC3\x28 bytes \xE2\x82 and \xF0\x9F\x98 cut, \xED\xA0\x80 surrogate, \xC0\xAF overlong, \xF8\x88\x80\x80\x80 five.</p></body></html>",
		"<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Caf\xE9 cr\xE8me \x80 \x9F</p></body></html>",
		"<html><head><meta charset=\"shift_jis\"></head><body><p>\x82\xA0\xFF\xFF\x82</p></body></html>",
		"<html><body><p>nul\0inside the page text, and after it more text follows.</p></body></html>",
		"\xFF\xFE<\0h\0t\0m\0l\0>\0\xD8\0",
		"<p>\xE2\x80\xA8line separator\xC2\x85next line\x1B escape</p>",
	};
	static const size_t lens[] = {0, 0, 0, 84, 15, 0};

	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		clean_ok(pages[i], lens[i] ? lens[i] : strlen(pages[i]), pages[i]);
}

Test(parse, header_charset_overrides_the_page)
{
	static const char page[] = "<html><head><meta charset=\"utf-8\"></head><body><p>Prix: 5 \x80 le caf\xE9, dit le ministre de l'industrie.</p></body></html>";
	struct assay_clean_opts o = {.charset = "text/html; charset=windows-1252"};
	struct assay_doc d;

	cr_assert_eq(assay_clean(page, sizeof page - 1, &o, &d), ASSAY_OK);
	cr_expect(strstr(d.text, "5 \xE2\x82\xAC le caf\xC3\xA9"), "got '%s'", d.text);
	assay_doc_release(&d);
}

Test(parse, content_type_charset_beats_a_wrong_meta)
{
	/* "Завод" in KOI8-R; read as windows-1251 it would be other letters */
	static const char page[] = "<html><head><meta charset=\"windows-1251\"></head><body><p>\xFA\xC1\xD7\xCF\xC4 will refine 250,000 tonnes of ore next year, the ministry said.</p></body></html>";
	struct assay_clean_opts o = {.charset = "text/html; charset=KOI8-R"};
	struct assay_doc d;

	cr_assert_eq(assay_clean(page, sizeof page - 1, &o, &d), ASSAY_OK);
	cr_expect(strstr(d.text, "\xD0\x97\xD0\xB0\xD0\xB2\xD0\xBE\xD0\xB4 will refine"), "got '%s'", d.text);
	assay_doc_release(&d);
}

Test(parse, base_url_is_the_url_of_last_resort)
{
	static const char page[] = "<p>Silver demand from solar panels reached a record last year, a survey found.</p>";
	struct assay_clean_opts o = {.base_url = "https://example.org/2019/02/03/silver"};
	struct assay_doc d;

	cr_assert_eq(assay_clean(page, sizeof page - 1, &o, &d), ASSAY_OK);
	cr_expect_str_eq(d.url, "https://example.org/2019/02/03/silver");
	cr_expect_str_eq(d.published, "2019-02-03");
	assay_doc_release(&d);
}

/* ---- the command ---- */

static char *run(const char *cmd)
{
	struct assay_buf out = {0};
	char buf[4096];
	size_t n;
	FILE *p = popen(cmd, "r");

	cr_assert(p, "%s", cmd);
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		assay_buf_append(&out, buf, n);
	cr_assert_eq(pclose(p), 0, "%s failed", cmd);
	return assay_buf_steal(&out);
}

Test(parse_cli, clean_json_reads_many_files_gzip_and_stdin, .timeout = 60)
{
	char *dir = fixture_dir(), *out, *line, *save = NULL, cmd[8192];
	char gz[] = "/tmp/assay-test-parse-XXXXXX";
	const char *bin = getenv("ASSAY_BIN");
	struct assay_buf html = {0};
	gzFile g;
	int fd, lines = 0;

	cr_assert(bin, "ASSAY_BIN is not set");
	snprintf(cmd, sizeof cmd, "%s/meta_og.html", dir);
	cr_assert_eq(assay_read_file(cmd, 1 << 20, &html), ASSAY_OK);
	cr_assert((fd = mkstemp(gz)) >= 0);
	cr_assert((g = gzdopen(fd, "wb")));
	gzwrite(g, html.data, (unsigned)html.len);
	gzclose(g);
	snprintf(cmd, sizeof cmd, "%s clean --json %s/furniture.html %s - < %s/meta_jsonld.html",
		 bin, dir, gz, dir);
	out = run(cmd);
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *o = json_loads(line, 0, NULL);
		const char *want_title[] = {"Copper smelter expands capacity", "Zinkpreis steigt deutlich",
					    "Lithium output climbs in Chile"};

		cr_assert(o, "not JSON: %s", line);
		cr_assert_lt(lines, 3);
		cr_expect_str_eq(json_string_value(json_object_get(o, "title")), want_title[lines]);
		cr_expect(json_is_string(json_object_get(o, "text")));
		cr_expect(json_is_array(json_object_get(o, "tables")));
		if (lines == 0) /* the furniture page has one table, header first */
			cr_expect_str_eq(json_string_value(json_array_get(json_array_get(json_array_get(
						 json_object_get(o, "tables"), 0), 0), 0)), "Year");
		json_decref(o);
		lines++;
	}
	cr_expect_eq(lines, 3);
	unlink(gz);
	free(out);
	free(dir);
	assay_buf_release(&html);
}

Test(parse_cli, clean_prints_text_and_reports_missing_files)
{
	char *dir = fixture_dir(), cmd[8192];
	const char *bin = getenv("ASSAY_BIN");
	char *out;

	snprintf(cmd, sizeof cmd, "%s clean %s/blocks.html", bin, dir);
	out = run(cmd);
	cr_expect(strstr(out, "Supply risks\n\nThree things worry buyers"), "got '%s'", out);
	free(out);
	snprintf(cmd, sizeof cmd, "%s --quiet clean %s/no-such-file.html 2>/dev/null", bin, dir);
	cr_expect_eq(WEXITSTATUS(system(cmd)), 1);
	free(dir);
}

/* A page nested past libxml2's 256 levels was stored with no text: the
 * parser stopped at the limit (issue 21 #12). It is parsed again without
 * the limit and flattened, so the text deep inside it is kept, in order,
 * and the cleaner's walks never run off the stack (100,000 levels). */
Test(parse, a_page_nested_past_the_parsers_depth_limit_keeps_its_text)
{
	static const int depths[] = {300, 100000};
	const char *p1 = "<p>Chile produced 5.3 million tonnes of copper in 2023, said Cochilco "
			 "in a statement today. The agency said the figure was higher than the "
			 "year before.</p>";
	const char *p2 = "<p>Analysts expect <b>more growth</b> in the coming year as new "
			 "projects start and prices hold near record levels for the metal.</p>";

	for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		struct assay_buf html = {0};
		struct assay_doc d;
		const char *a, *b;

		assay_buf_puts(&html, "<html><head><title>Deep</title></head><body>");
		for (int k = 0; k < depths[i]; k++)
			assay_buf_puts(&html, k % 2 ? "<div>" : "<span>");
		assay_buf_puts(&html, p1);
		assay_buf_puts(&html, p2);
		for (int k = depths[i] - 1; k >= 0; k--)
			assay_buf_puts(&html, k % 2 ? "</div>" : "</span>");
		cr_assert_not_null(assay_buf_puts(&html, "</body></html>") == 0 ? html.data : NULL);
		cr_assert_eq(assay_clean(html.data, html.len, NULL, &d), ASSAY_OK);
		check_invariants(&d, "deep page");
		a = d.text ? strstr(d.text, "5.3 million tonnes of copper") : NULL;
		b = d.text ? strstr(d.text, "Analysts expect more growth") : NULL;
		cr_expect(a && b && a < b, "depth %d: text lost or out of order: '%s'", depths[i],
			  d.text ? d.text : "");
		assay_doc_release(&d);
		assay_buf_release(&html);
	}
}

/* Text comes out in NFC, whichever way it is spelled: paragraphs of code
 * points drawn at random from scripts NFC leaves alone (Cyrillic, Greek,
 * kana, Hangul syllables, CJK, Arabic, emoji) and from what it changes
 * (combining marks, conjoining jamo, the voicing mark, singletons such as
 * U+212B and U+1F71, a composition exclusion) read back as utf8proc's NFC
 * of the same text, so skipping utf8proc for text that needs none changes
 * nothing. */
Test(parse, text_comes_out_in_nfc_whatever_its_scripts)
{
	static const unsigned pool[] = {
		'a', 'e', 'o', 'A', ' ', 0xE9, 0x0438, 0x0439, 0x0415, 0x0401, 0x03B1, 0x03AC,
		0x03C9, 0x304B, 0x304C, 0x30AB, 0x4E2D, 0x6587, 0xAC00, 0xD55C, 0x0627, 0x0644,
		0x0622, 0x0915, 0x0928, 0x1F600, 0x20AC, 0x2014,
		0x0301, 0x0308, 0x0323, 0x0306, 0x3099, 0x1100, 0x1161, 0x11A8, 0x0653,
		0x093C, 0x212B, 0x2126, 0x1F71, 0x037E, 0x0958, 0xF900, 0x0B47, 0x0B3E,
	};
	struct assay_buf page = {0}, para = {0};
	unsigned x = 2024;

	for (int round = 0; round < 40; round++) {
		char *want[8], *spaced;
		struct assay_doc d;

		assay_buf_reset(&page);
		assay_buf_puts(&page, "<html><head><meta charset=\"utf-8\"></head><body><article>");
		for (int p = 0; p < 8; p++) {
			assay_buf_reset(&para);
			assay_buf_puts(&para, "Report ");
			for (int k = 0; k < 60; k++) {
				utf8proc_uint8_t u[4];
				unsigned cp;

				x = x * 1103515245u + 12345u;
				/* most rounds draw from the stable scripts only */
				cp = pool[(x >> 8) % (round % 2 ? 28 : sizeof pool / sizeof pool[0])];
				assay_buf_append(&para, u, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, u));
			}
			assay_buf_printf(&para, " end %d.%d", round, p);
			spaced = collapse(para.data); /* as the cleaner reads it */
			want[p] = (char *)utf8proc_NFC((const utf8proc_uint8_t *)spaced);
			free(spaced);
			cr_assert(want[p]);
			assay_buf_printf(&page, "<p>%s</p>\n", para.data);
		}
		assay_buf_puts(&page, "</article></body></html>");
		cr_assert_eq(assay_clean(page.data, page.len, NULL, &d), ASSAY_OK);
		check_invariants(&d, "nfc");
		cr_assert_eq(d.nblocks, 8, "round %d: %zu blocks", round, d.nblocks);
		for (int p = 0; p < 8; p++) {
			const struct assay_block *b = &d.blocks[p];

			cr_assert(strlen(want[p]) == b->end - b->start &&
				  memcmp(want[p], d.text + b->start, b->end - b->start) == 0,
				  "round %d paragraph %d is not the NFC of its text", round, p);
			free(want[p]);
		}
		assay_doc_release(&d);
	}
	assay_buf_release(&page);
	assay_buf_release(&para);
}
