/* test_common.c - buffers, file reading (plain and gzip), hashes. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "array.h"
#include "assay.h"
#include "buf.h"
#include "date.h"
#include "file.h"
#include "hash.h"
#include "log.h"
#include "map.h"
#include "sniff.h"
#include "str.h"
#include "url.h"
#include "utf8.h"
#include "vocab.h"

Test(common, buf_appends_and_stays_nul_terminated)
{
	struct assay_buf b = {0};

	for (int i = 0; i < 1000; i++)
		cr_assert_eq(assay_buf_printf(&b, "%d,", i), ASSAY_OK);
	cr_assert_eq(b.data[b.len], '\0');
	cr_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	cr_assert_eq(strlen(b.data), b.len);
	char *s = assay_buf_steal(&b);
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
	free(s);
}

Test(common, read_file_inflates_gzip_by_magic_not_name)
{
	char path[] = "/tmp/assay-test-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	gzFile gz = gzdopen(fd, "wb");
	gzputs(gz, "<html>hello</html>");
	gzclose(gz);
	struct assay_buf b = {0};
	cr_assert_eq(assay_read_file(path, 1 << 20, &b), ASSAY_OK);
	cr_assert_str_eq(b.data, "<html>hello</html>");
	assay_buf_release(&b);
	unlink(path);
}

Test(common, gunzip_stops_a_bomb_at_the_limit)
{
	/* 10 MB of zeros compresses to ~10 KB. */
	size_t n = 10u << 20;
	char *zeros = calloc(1, n);
	uLongf clen = compressBound(n);
	unsigned char *c = malloc(clen);
	cr_assert_eq(compress(c, &clen, (unsigned char *)zeros, n), Z_OK);
	struct assay_buf out = {0};
	cr_assert_eq(assay_gunzip(c, clen, 1u << 20, &out), ASSAY_ETOOBIG);
	cr_assert(out.len <= 1u << 20);
	assay_buf_release(&out);
	free(c);
	free(zeros);
}

Test(common, gunzip_rejects_truncated_input)
{
	const char *text = "some text that compresses";
	uLongf clen = compressBound(strlen(text));
	unsigned char c[128];
	clen = sizeof c;
	cr_assert_eq(compress(c, &clen, (const unsigned char *)text, strlen(text)), Z_OK);
	struct assay_buf out = {0};
	cr_assert_eq(assay_gunzip(c, clen / 2, 1u << 20, &out), ASSAY_EPARSE);
	assay_buf_release(&out);
}

Test(common, read_file_reports_missing_file)
{
	struct assay_buf b = {0};
	cr_assert_eq(assay_read_file("/nonexistent/assay", 100, &b), ASSAY_ENOTFOUND);
}

Test(common, sha256_matches_known_vector)
{
	char hex[65];
	assay_sha256_hex("abc", 3, hex);
	cr_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* What may be an article passes; what is not is named. */
#define B(s) s, sizeof s - 1 /* bytes and length, NULs included */
Test(common, sniff_names_what_is_not_text_and_passes_what_is)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *what; /* NULL: may be an article */
	} cases[] = {
		{B("<!doctype html><title>t</title><p>Tin rose 3%.</p>"), NULL},
		{B("Tin output rose\n\nPT Timah said on Monday...\n"), NULL},
		{B("[Reuters] Tin output rose 3% in May, the company said."), NULL},
		{B("{Editorial} Tin output rose"), NULL},
		{B("<p>Caf\xe9 au lait, 3\xa0tonnes</p>"), NULL},   /* Latin-1 */
		{B("\xff\xfe<\0p\0>\0"), NULL},                       /* UTF-16 with BOM */
		{B("\xef\xbb\xbf<p>x</p>"), NULL},                  /* UTF-8 BOM */
		{B(""), "empty file"},
		{B(" \r\n\t "), "empty file"},
		{B("\x89PNG\r\n\x1a\n\0\0"), "PNG image"},
		{B("\xff\xd8\xff\xe0\0\x10JFIF"), "JPEG image"},
		{B("GIF89a\1\0\1\0"), "GIF image"},
		{B("RIFF\0\0\0\0WEBPVP8 "), "WebP image"},
		{B("%PDF-1.4\n"), "PDF document"},
		{B("PK\x03\x04\x14\0"), "ZIP archive (or an Office document)"},
		{B("\x7f" "ELF\2\1\1"), "executable"},
		{B("  [1, 2, {\"a\": \"<p>\"}]\n"), "JSON"},
		{B("\xef\xbb\xbf{\"a\": 1}"), "JSON"},
		{B("<html>\0\0\1</html>"), "binary data"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = assay_sniff_not_text(cases[i].bytes, cases[i].len);

		if (!cases[i].what)
			cr_assert_null(got, "case %zu refused as %s", i, got);
		else
			cr_expect(got && strcmp(got, cases[i].what) == 0, "case %zu: %s, not %s", i,
				  got ? got : "(text)", cases[i].what);
	}
}

Test(common, url_parts_are_as_written_and_leave_out_who_and_where_on_the_page)
{
	struct assay_url_parts p;

	cr_assert_eq(assay_url_parts("HTTPS://u:pw@Example.COM:8443/a/./b/../c?x=1&y=%7e#frag", &p),
		     ASSAY_OK);
	cr_expect_str_eq(p.scheme, "https");
	cr_expect_str_eq(p.host, "Example.COM");
	cr_expect_str_eq(p.port, "8443");
	cr_expect_str_eq(p.path, "/a/./b/../c");
	cr_expect_str_eq(p.query, "x=1&y=%7e");
	assay_url_parts_release(&p);
	cr_assert_eq(assay_url_parts("http://example.com", &p), ASSAY_OK);
	cr_expect_null(p.port);
	cr_expect_null(p.query);
	assay_url_parts_release(&p);
	cr_expect_eq(assay_url_parts("corpus/000.html", &p), ASSAY_EINVAL);
	cr_expect_eq(assay_url_parts("http://ex ample.com/", &p), ASSAY_EINVAL);
	cr_expect_null(p.host);
	assay_url_parts_release(&p);
}

Test(common, an_array_grows_keeping_its_items_and_refuses_an_overflowing_size)
{
	int *v = NULL;
	size_t n = 0, cap = 0;

	for (int i = 0; i < 1000; i++) {
		cr_assert_eq(assay_array_reserve(&v, &cap, n + 1, sizeof *v), ASSAY_OK);
		cr_assert_geq(cap, n + 1);
		v[n++] = i;
	}
	for (int i = 0; i < 1000; i++)
		cr_assert_eq(v[i], i);
	cr_assert_leq(cap, 2048, "capacity %zu: growth is not by doubling", cap);
	cr_assert_eq(assay_array_reserve(&v, &cap, (size_t)-1 / 2, sizeof *v), ASSAY_ENOMEM);
	cr_assert_leq(cap, 2048);
	cr_assert_eq(v[999], 999);
	free(v);
}

Test(common, map_finds_every_key_it_was_given_and_no_other)
{
	struct assay_map m = {0};
	char key[32];
	size_t *v;

	cr_assert_null(assay_map_get(&m, "x", 1), "an empty map has no keys");
	for (size_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "host-%zu.example", i);
		cr_assert_eq(assay_map_put(&m, key, (size_t)n, &v), ASSAY_OK);
		cr_assert_eq(*v, 0, "a new key starts at 0");
		*v = i + 1;
	}
	cr_assert_eq(m.n, 5000);
	cr_assert_leq(m.n * 2, m.cap, "the map stays at most half full");
	for (size_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "host-%zu.example", i);
		v = assay_map_get(&m, key, (size_t)n);
		cr_assert_not_null(v, "key %zu lost after growing", i);
		cr_assert_eq(*v, i + 1);
	}
	cr_assert_eq(assay_map_put(&m, "host-7.example", 14, &v), ASSAY_OK);
	cr_assert_eq(*v, 8, "putting a known key finds it");
	cr_assert_eq(m.n, 5000);
	cr_assert_null(assay_map_get(&m, "host-7.exampl", 13), "a prefix is another key");
	cr_assert_null(assay_map_get(&m, "host-5000.example", 17));
	cr_assert_eq(assay_map_put(&m, "a\0b", 3, &v), ASSAY_OK, "keys are bytes, NUL included");
	cr_assert_null(assay_map_get(&m, "a", 1));
	cr_assert_not_null(assay_map_get(&m, "a\0b", 3));
	assay_map_release(&m);
	cr_assert_null(assay_map_get(&m, "host-7.example", 14), "a released map is empty");
}

#ifdef ASSAY_CHECKS
/* In debug and sanitizer builds a broken invariant stops the program
 * where it broke, instead of running on with bad state. */
Test(common, a_broken_invariant_stops_a_checked_build, .signal = SIGABRT)
{
	volatile int two = 2;

	ASSAY_ASSERT(two + two == 5);
}
#endif

Test(common, calendar_days_go_and_come_back)
{
	long y;
	int m, d;

	cr_expect_eq(assay_days_from_civil(1970, 1, 1), 0);
	cr_expect_eq(assay_days_from_civil(2000, 3, 1), 11017);
	cr_expect_eq(assay_days_from_civil(1969, 12, 31), -1);
	cr_expect_eq(assay_days_from_civil(2024, 3, 0), assay_days_from_civil(2024, 2, 29),
		     "day 0 is the month's eve");
	for (long day = -800000; day <= 3000000; day += 997) {
		assay_civil_from_days(day, &y, &m, &d);
		cr_assert(m >= 1 && m <= 12 && d >= 1 && d <= assay_days_in_month(y, m),
			  "day %ld: %ld-%d-%d", day, y, m, d);
		cr_assert_eq(assay_days_from_civil(y, m, d), day, "day %ld", day);
	}
	cr_expect_eq(assay_days_in_month(2024, 2), 29);
	cr_expect_eq(assay_days_in_month(1900, 2), 28, "a century is no leap year");
	cr_expect_eq(assay_days_in_month(2000, 2), 29, "but every fourth century is");
	cr_expect_eq(assay_days_in_month(2023, 4), 30);
	cr_expect_eq(assay_days_in_month(2023, 12), 31);
}

Test(common, utf8_upper_reads_letters_not_bytes)
{
	cr_expect(assay_utf8_upper("Québec", 7));
	cr_expect(assay_utf8_upper("\xC3\x98resund", 8), "Ø");
	cr_expect(assay_utf8_upper("\xD0\xA0\xD0\xBE", 4), "Cyrillic Р");
	cr_expect_not(assay_utf8_upper("\xC3\xB8", 2), "ø");
	cr_expect_not(assay_utf8_upper("3M", 2));
	cr_expect_not(assay_utf8_upper("iPhone", 6));
	cr_expect_not(assay_utf8_upper("\xC3", 1), "cut short");
	cr_expect_not(assay_utf8_upper("A", 0));
}

Test(common, utf8_sequences_are_read_strictly)
{
	static const struct {
		const char *s;
		size_t n, want;
	} cases[] = {
		{"a", 1, 1}, {"", 1, 1},                      /* ASCII, NUL */
		{"\xC3\xA9", 2, 2}, {"\xE2\x82\xAC", 3, 3},   /* é, € */
		{"\xF0\x9F\x98\x80", 4, 4},                   /* U+1F600 */
		{"\xC3\xA9", 1, 0},                           /* cut short */
		{"\xC0\xAF", 2, 0}, {"\xE0\x80\xAF", 3, 0},   /* overlong */
		{"\xED\xA0\x80", 3, 0},                       /* a surrogate */
		{"\xF4\x90\x80\x80", 4, 0},                   /* above U+10FFFF */
		{"\x80", 1, 0}, {"\xFF", 1, 0},               /* not a lead byte */
		{"\xE2\x28\xA1", 3, 0},                       /* no continuation */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(assay_utf8_len(cases[i].s, cases[i].n), cases[i].want, "case %zu", i);
	cr_expect_eq(assay_utf8_len("a", 0), 0);
}

Test(common, a_copy_says_when_it_cut_the_string)
{
	char d[4];

	cr_expect(assay_copy(d, sizeof d, "abc"));
	cr_expect_str_eq(d, "abc");
	cr_expect_not(assay_copy(d, sizeof d, "abcd"));
	cr_expect_str_eq(d, "abc");
	cr_expect(assay_copy(d, sizeof d, NULL));
	cr_expect_str_eq(d, "");
	cr_expect_not(assay_copy(d, 0, ""));
}

/* Issue 21 #7: what is not UTF-8, and a NUL, becomes U+FFFD; the rest,
 * including valid multi-byte sequences, is kept byte for byte. */
Test(common, utf8_repair_replaces_bad_bytes_and_nuls)
{
	static const char in[] = "a\xff" "b\0c\xc3(\xc3\xa9\xed\xa0\x80z";
	struct assay_buf out = {0};

	cr_assert_eq(assay_utf8_repair(in, sizeof in - 1, &out), ASSAY_OK);
	cr_expect_str_eq(out.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd(\xc3\xa9"
			 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz");
	assay_buf_release(&out);
}

Test(common, printable_escapes_controls_c1_and_bidi_and_keeps_the_rest)
{
	static const struct {
		const char *in, *keep, *flat;
	} cases[] = {
		{"plain Québec 5,3 t", "plain Québec 5,3 t", "plain Québec 5,3 t"},
		{"a\x1b[2Jb\a", "a\\x1b[2Jb\\x07", "a\\x1b[2Jb\\x07"},
		{"csi \xc2\x9b" "31m", "csi \\u009b31m", "csi \\u009b31m"},
		{"rlo \xe2\x80\xae!", "rlo \\u202e!", "rlo \\u202e!"},
		{"two\nlines\r", "two\nlines\\x0d", "two\\x0alines\\x0d"},
		{"bad \xff byte \x7f", "bad \\xff byte \\x7f", "bad \\xff byte \\x7f"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct assay_buf keep = {0}, flat = {0};

		cr_assert_eq(assay_utf8_printable(cases[i].in, strlen(cases[i].in), true, &keep), 0);
		cr_assert_eq(assay_utf8_printable(cases[i].in, strlen(cases[i].in), false, &flat), 0);
		cr_expect_str_eq(keep.data, cases[i].keep);
		cr_expect_str_eq(flat.data, cases[i].flat);
		assay_buf_release(&keep);
		assay_buf_release(&flat);
	}
}

/* A message quoting a request path or a header (serve's log, crawl
 * warnings) reaches the log file and stderr with its controls escaped:
 * no ESC sequence and no forged second line (issue 21 #5). */
Test(common, log_lines_escape_what_they_quote)
{
	char path[] = "/tmp/assay-log-XXXXXX";
	int fd = mkstemp(path);
	struct assay_buf got = {0};

	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(assay_log_open(path), ASSAY_OK);
	assay_info("serve: refused GET %s: no session", "/\x1b]0;owned\a\n2026-01-01 forged");
	assay_log_close();
	cr_assert_eq(assay_read_file(path, 1 << 20, &got), ASSAY_OK);
	cr_expect_null(memchr(got.data, 0x1b, got.len), "%s", got.data);
	cr_expect_null(memchr(got.data, 0x07, got.len), "%s", got.data);
	cr_expect_eq(strchr(got.data, '\n'), got.data + got.len - 1, "one line: %s", got.data);
	cr_expect(strstr(got.data, "/\\x1b]0;owned\\x07\\x0a2026-01-01 forged"), "%s", got.data);
	assay_buf_release(&got);
	unlink(path);
}

/* The month names every date reader shares (common/data/months.tsv):
 * exact names in any case and language, English names cut short. */
Test(common, month_names_are_read_from_one_table)
{
	static const struct {
		const char *w;
		int exact, prefix;
	} cases[] = {
		{"March", 3, 3}, {"sept", 9, 9}, {"Sep", 9, 9}, {"Oktober", 10, 0},
		{"mayo", 5, 0}, {"Janu", 0, 1}, {"dec", 12, 12}, {"ja", 0, 0},
		{"mays", 0, 0}, {"aralik", 12, 0}, {"", 0, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].w);
		cr_expect_eq(assay_month_of(cases[i].w, n), cases[i].exact, "%s", cases[i].w);
		cr_expect_eq(assay_month_prefix(cases[i].w, n), cases[i].prefix, "%s", cases[i].w);
	}
}

/* The closed sets parse their own names back, and nothing else. */
Test(common, vocabularies_parse_their_names_and_nothing_else)
{
	enum assay_review_state st;
	enum assay_qualifier q;
	enum assay_change ch;

	for (int i = 0; i < ASSAY_REVIEW_STATES; i++) {
		cr_assert(assay_review_state_parse(assay_review_state_names[i], &st));
		cr_expect_eq((int)st, i);
	}
	for (int i = 0; i < ASSAY_QUALIFIERS; i++) {
		cr_assert(assay_qualifier_parse(assay_qualifier_names[i], &q));
		cr_expect_eq((int)q, i);
	}
	for (int i = 0; i < ASSAY_CHANGES; i++) {
		cr_assert(assay_change_parse(assay_change_names[i], &ch));
		cr_expect_eq((int)ch, i);
	}
	cr_expect_not(assay_change_parse("", NULL), "a level has no change");
	cr_expect_not(assay_change_parse("rose", NULL));
	cr_expect(assay_claim_status_parse("planned", NULL));
	cr_expect_not(assay_claim_status_parse("Planned", NULL));
	cr_expect_not(assay_review_state_parse("", NULL));
	cr_expect_not(assay_qualifier_parse(NULL, NULL));
	cr_expect_null(assay_agreement_status_names[ASSAY_AGR_STATUSES]);
}

/* Statuses of one class agree; a status the contract does not know is a
 * class of its own. */
Test(common, agreement_statuses_fall_in_classes)
{
	cr_expect_str_eq(assay_agreement_status_class("signed"), "done");
	cr_expect_str_eq(assay_agreement_status_class("committed"), "done");
	cr_expect_str_eq(assay_agreement_status_class("applied"), "talks");
	cr_expect_str_eq(assay_agreement_status_class("stalled"), "stalled");
	cr_expect_str_eq(assay_agreement_status_class("rumoured"), "rumoured");
}
