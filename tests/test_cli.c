/* test_cli.c - the assay program end to end, as a user and cron run it:
 * crawl the sample feed into a fresh store, run it again, clean, extract,
 * and the error paths (exit status 2, messages on stderr). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

static char db[64];

static void make_db_path(void)
{
	char tmpl[] = "/tmp/assay-cli-XXXXXX";

	cr_assert_not_null(mkdtemp(tmpl));
	snprintf(db, sizeof db, "%s/store", tmpl);
}

static void remove_db(void)
{
	char cmd[160];

	snprintf(cmd, sizeof cmd, "rm -rf '%.*s'", (int)(strrchr(db, '/') - db), db);
	(void)system(cmd);
}

TestSuite(cli, .init = make_db_path, .fini = remove_db);

/* Runs `assay --db DB ARGS` from the source root; returns the exit status
 * and stdout (malloc'd, in *out). stderr goes to *err when non-NULL. */
static int run(char **out, char **err, const char *args)
{
	const char *bin = getenv("ASSAY_BIN"), *root = getenv("ASSAY_SOURCE_ROOT");
	char cmd[4096], errpath[] = "/tmp/assay-cli-err-XXXXXX";
	FILE *p;
	size_t len = 0, cap = 1 << 16;
	char *buf = malloc(cap);
	int fd = mkstemp(errpath), status;

	cr_assert(bin && root, "ASSAY_BIN and ASSAY_SOURCE_ROOT must be set");
	close(fd);
	snprintf(cmd, sizeof cmd, "cd '%s' && '%s' --db '%s' %s 2>'%s'", root, bin, db, args,
		 errpath);
	p = popen(cmd, "r");
	cr_assert_not_null(p);
	for (size_t n; (n = fread(buf + len, 1, cap - len - 1, p)) > 0;) {
		len += n;
		if (cap - len < 2)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	status = pclose(p);
	if (out)
		*out = buf;
	else
		free(buf);
	if (err) {
		FILE *f = fopen(errpath, "r");
		char *e = calloc(1, 1 << 16);
		if (f) {
			size_t n = fread(e, 1, (1 << 16) - 1, f);
			e[n] = '\0';
			fclose(f);
		}
		*err = e;
	}
	unlink(errpath);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static json_int_t summary_field(const char *out, const char *field)
{
	json_error_t e;
	json_t *o = json_loads(out, JSON_DISABLE_EOF_CHECK, &e);
	json_int_t v;

	cr_assert_not_null(o, "summary is not JSON: %s (%s)", e.text, out);
	cr_assert(json_is_integer(json_object_get(o, field)), "summary lacks %s: %s", field, out);
	v = json_integer_value(json_object_get(o, field));
	json_decref(o);
	return v;
}

Test(cli, crawl_of_the_sample_feed_stores_five_then_nothing_new)
{
	char *out, *err;
	int rc = run(&out, &err, "crawl --summary-json corpus/feed.xml");

	cr_assert_eq(rc, 0, "first crawl failed (%d): %s", rc, err);
	cr_assert_eq(summary_field(out, "new_articles"), 5, "%s", out);
	cr_assert_eq(summary_field(out, "errors"), 0);
	cr_assert(summary_field(out, "new_claims") > 0, "no claims extracted: %s", out);
	cr_assert_not_null(strstr(err, "new articles"), "no summary for people: %s", err);
	free(out);
	free(err);

	rc = run(&out, NULL, "crawl --summary-json corpus/feed.xml");
	cr_assert_eq(rc, 0);
	cr_assert_eq(summary_field(out, "new_articles"), 0, "second crawl stored again: %s", out);
	cr_assert_eq(summary_field(out, "pages_fetched"), 0, "second crawl refetched: %s", out);
	free(out);

	rc = run(&out, NULL, "stats");
	cr_assert_eq(rc, 0);
	cr_assert_not_null(strstr(out, "5"), "stats does not count the articles: %s", out);
	free(out);
}

Test(cli, ingest_of_a_folder_counts_each_page_once)
{
	char *out, *last, args[512];
	int rc;

	/* The seeds' plain-text copies are the same stories as the pages. */
	snprintf(args, sizeof args, "ingest --summary-json corpus/seeds");
	rc = run(&out, NULL, args);
	cr_assert_eq(rc, 0, "%s", out);
	cr_assert_eq(summary_field(out, "new_articles"), 5, "%s", out);
	free(out);
	rc = run(&out, NULL, "ingest --summary-json corpus/seeds");
	cr_assert_eq(rc, 0);
	cr_assert_eq(summary_field(out, "new_articles"), 0, "%s", out);
	free(out);
	/* One story republished by another site (its own URL, same text)
	 * is a new article of the same story. */
	snprintf(args, sizeof args,
		 "ingest --summary-json corpus/002_ef18bbf5ae449ff4.html && "
		 "d=$(mktemp -d) && sed 's#mineralmarketpulse\\.com#copycat.example#g' "
		 "corpus/002_ef18bbf5ae449ff4.html > $d/copy.html && "
		 "'%s' --db '%s' ingest --summary-json $d/copy.html; rm -rf $d",
		 getenv("ASSAY_BIN"), db);
	rc = run(&out, NULL, args);
	cr_assert_eq(rc, 0, "%s", out);
	last = strrchr(out, '{'); /* the copy's summary is the last line */
	cr_assert_not_null(last);
	cr_assert_eq(summary_field(last, "new_articles"), 1, "%s", out);
	cr_assert_eq(summary_field(last, "duplicates"), 1,
		     "a republished copy was not counted as the same story: %s", out);
	free(out);
}

Test(cli, clean_json_prints_one_object_per_file)
{
	char *out;
	int rc = run(&out, NULL,
		     "clean --json corpus/000_1b7ad7fa106c10fe.html corpus/002_ef18bbf5ae449ff4.html");
	const char *line = out;
	int n = 0;

	cr_assert_eq(rc, 0);
	while (*line) {
		json_error_t e;
		const char *nl = strchr(line, '\n');
		json_t *o = json_loadb(line, nl ? (size_t)(nl - line) : strlen(line), 0, &e);

		cr_assert_not_null(o, "line %d is not JSON: %s", n + 1, e.text);
		cr_assert(json_is_string(json_object_get(o, "text")));
		cr_assert(json_is_array(json_object_get(o, "tables")));
		cr_assert(json_is_string(json_object_get(o, "file")));
		json_decref(o);
		n++;
		line = nl ? nl + 1 : line + strlen(line);
	}
	cr_assert_eq(n, 2);
	free(out);
}

Test(cli, unknown_command_and_bad_store_are_fatal_with_a_message)
{
	char *err;

	cr_assert_eq(run(NULL, &err, "frobnicate"), 2);
	cr_assert_not_null(strstr(err, "assay: frobnicate: unknown command"), "%s", err);
	free(err);
	/* A store that does not exist is reported by commands that read. */
	cr_assert_eq(run(NULL, &err, "stats"), 2);
	cr_assert_not_null(strstr(err, "cannot open store"), "%s", err);
	free(err);
}

Test(cli, help_lists_each_command_and_each_command_has_help)
{
	char *out;
	const char *cmds[] = {"crawl", "ingest", "clean", "extract", "stats"};

	cr_assert_eq(run(&out, NULL, "--help"), 0);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		char args[64], *h;

		cr_assert_not_null(strstr(out, cmds[i]), "--help lacks %s", cmds[i]);
		snprintf(args, sizeof args, "%s --help", cmds[i]);
		cr_assert_eq(run(&h, NULL, args), 0, "%s --help failed", cmds[i]);
		cr_assert_not_null(strstr(h, "usage: assay"), "%s --help: %s", cmds[i], h);
		free(h);
	}
	free(out);
}

/* Appends one WARC/1.1 response record, as its own gzip member, to @path. */
static void warc_append(const char *path, const char *uri, const char *ctype, const char *body,
			size_t blen)
{
	char http[256], head[1024];
	int hlen = snprintf(http, sizeof http,
			    "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
			    ctype, blen);
	int n = snprintf(head, sizeof head,
			 "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
			 "WARC-Date: 2026-11-01T10:00:00Z\r\n"
			 "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n"
			 "Content-Type: application/http; msgtype=response\r\n"
			 "Content-Length: %zu\r\n\r\n",
			 uri, (unsigned)blen, (size_t)hlen + blen);
	gzFile gz = gzopen(path, "ab");

	cr_assert_not_null(gz);
	gzwrite(gz, head, (unsigned)n);
	gzwrite(gz, http, (unsigned)hlen);
	gzwrite(gz, body, (unsigned)blen);
	gzwrite(gz, "\r\n\r\n", 4);
	gzclose(gz);
}

static char *slurp(const char *rel, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf = malloc(1 << 20);

	snprintf(path, sizeof path, "%s/%s", getenv("ASSAY_SOURCE_ROOT"), rel);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	return buf;
}

Test(cli, ingest_reads_pages_from_a_warc_file_and_skips_its_feeds)
{
	char warc[128], args[256], *out;
	size_t n1, n2, nf;
	char *p1 = slurp("corpus/000_1b7ad7fa106c10fe.html", &n1);
	char *p2 = slurp("corpus/004_7aeb42d4543421d7.html", &n2);
	char *feed = slurp("corpus/feed.xml", &nf);

	snprintf(warc, sizeof warc, "%.*s/crawl.warc.gz", (int)(strrchr(db, '/') - db), db);
	warc_append(warc, "https://example.org/feed.xml", "application/rss+xml", feed, nf);
	warc_append(warc, "https://example.org/a.html", "text/html; charset=utf-8", p1, n1);
	warc_append(warc, "https://example.org/b.html", "text/html", p2, n2);
	snprintf(args, sizeof args, "ingest --summary-json '%s'", warc);
	cr_assert_eq(run(&out, NULL, args), 0, "%s", out);
	cr_assert_eq(summary_field(out, "new_articles"), 2, "%s", out);
	cr_assert(summary_field(out, "new_claims") > 0, "%s", out);
	free(out);
	cr_assert_eq(run(&out, NULL, args), 0);
	cr_assert_eq(summary_field(out, "new_articles"), 0, "a second ingest stored again: %s", out);
	free(out);
	free(p1);
	free(p2);
	free(feed);
}

Test(cli, refetch_of_a_changed_page_keeps_both_figures_as_a_conflict)
{
	const char *bin = getenv("ASSAY_BIN");
	char dir[128], args[4096], *out;

	snprintf(dir, sizeof dir, "%.*s/site", (int)(strrchr(db, '/') - db), db);
	/* Stored once; the site then changes a figure; a plain crawl does not
	 * fetch the known page again, a --refetch does and keeps both: one
	 * story at odds with itself, so listed with --within-story. */
	snprintf(args, sizeof args,
		 "stats >/dev/null 2>&1; mkdir -p '%s' && "
		 "cp corpus/004_7aeb42d4543421d7.html '%s/p.html' && "
		 "'%s' --db '%s' crawl '%s/p.html' 2>/dev/null >/dev/null && "
		 "sed -i 's/140,000/150,000/' '%s/p.html' && "
		 "'%s' --db '%s' crawl '%s/p.html' 2>/dev/null >/dev/null && "
		 "'%s' --db '%s' conflicts --format jsonl --within-story --subject CN "
		 "--metric production && echo ---- && "
		 "'%s' --db '%s' crawl --refetch '%s/p.html' 2>/dev/null >/dev/null && "
		 "'%s' --db '%s' conflicts --format jsonl --within-story --subject CN "
		 "--metric production",
		 dir, dir, bin, db, dir, dir, bin, db, dir, bin, db, bin, db, dir, bin, db);
	cr_assert_eq(run(&out, NULL, args), 0, "%s", out);
	cr_assert(strncmp(out, "----", 4) == 0, "a conflict before the page was refetched: %s", out);
	cr_assert_not_null(strstr(out, "\"value\":140000"), "the old figure was lost: %s", out);
	cr_assert_not_null(strstr(out, "\"value\":150000"), "the new figure is missing: %s", out);
	free(out);
}

/* Inputs that are not articles, and the name each is refused by. */
#define B(s) s, sizeof s - 1 /* bytes and length, NULs included */
static const struct {
	const char *file, *bytes;
	size_t len;
	const char *what;
} not_articles[] = {
	{"logo.png", B("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1"), "PNG image"},
	{"report.pdf", B("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"),
	 "PDF document"},
	{"data.html", B("{\"items\": [{\"title\": \"<b>tin</b>\", \"value\": 3}]}\n"), "JSON"},
	{"tool.html", B("\x7f" "ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0"), "executable"},
	{"blob.html", B("<html>\0\0\0\x01\x02\x03 not text\x04\x05"), "binary data"},
	/* UTF-16 without its byte order mark (issue 21 #12): NULs, no BOM */
	{"utf16.html", B("<\0h\0t\0m\0l\0>\0<\0p\0>\0T\0i\0n\0 \0r\0o\0s\0e\0<\0/\0p\0>\0"),
	 "binary data"},
	{"empty.html", B(""), "empty file"},
	{"blank.htm", B("  \n\t\n"), "empty file"},
};

static void write_file(const char *path, const char *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

/* The folder beside the store, for input files. */
static const char *tmpdir(void)
{
	static char d[64];

	snprintf(d, sizeof d, "%.*s", (int)(strrchr(db, '/') - db), db);
	return d;
}

Test(cli, clean_and_extract_refuse_what_is_not_an_article_by_name)
{
	size_t n = sizeof not_articles / sizeof not_articles[0];

	for (size_t i = 0; i < n; i++) {
		char path[128], args[256], want[256], *out, *err;
		const char *cmds[] = {"clean", "clean --json", "extract"};

		snprintf(path, sizeof path, "%s/%s", tmpdir(), not_articles[i].file);
		write_file(path, not_articles[i].bytes, not_articles[i].len);
		snprintf(want, sizeof want, "assay: %s: not HTML (%s), skipped\n", path,
			 not_articles[i].what);
		for (size_t c = 0; c < 3; c++) {
			snprintf(args, sizeof args, "%s '%s'", cmds[c], path);
			cr_assert_eq(run(&out, &err, args), 1, "%s: exit status", args);
			cr_assert_str_eq(err, want, "%s", args);
			cr_assert_str_eq(out, "", "%s printed something: %s", args, out);
			free(out);
			free(err);
		}
	}
}

Test(cli, a_refused_input_is_counted_and_the_good_ones_still_printed)
{
	char args[512], *out, *err;

	snprintf(args, sizeof args, "%s/logo.png", tmpdir());
	write_file(args, not_articles[0].bytes, not_articles[0].len);
	snprintf(args, sizeof args, "clean --json '%s/logo.png' corpus/000_1b7ad7fa106c10fe.html",
		 tmpdir());
	cr_assert_eq(run(&out, &err, args), 1);
	cr_assert_not_null(strstr(out, "\"file\":\"corpus/000_1b7ad7fa106c10fe.html\""), "%s", out);
	cr_assert_not_null(strstr(err, "logo.png: not HTML (PNG image), skipped"), "%s", err);
	cr_assert_not_null(strstr(err, "assay: clean: 1 of 2 inputs failed"), "%s", err);
	free(out);
	free(err);
	snprintf(args, sizeof args, "extract --text '%s/logo.png'", tmpdir());
	cr_assert_eq(run(NULL, &err, args), 1);
	cr_assert_not_null(strstr(err, "logo.png: not text (PNG image), skipped"), "%s", err);
	free(err);
}

Test(cli, ingest_refuses_what_is_not_an_article_and_stores_nothing_from_it)
{
	size_t n = sizeof not_articles / sizeof not_articles[0];
	char args[2048], *out, *err;
	size_t o = (size_t)snprintf(args, sizeof args, "ingest --summary-json");

	for (size_t i = 0; i < n; i++) {
		char path[128];

		snprintf(path, sizeof path, "%s/%s", tmpdir(), not_articles[i].file);
		write_file(path, not_articles[i].bytes, not_articles[i].len);
		o += (size_t)snprintf(args + o, sizeof args - o, " '%s'", path);
	}
	cr_assert_eq(run(&out, &err, args), 1, "%s", err);
	cr_assert_eq(summary_field(out, "errors"), (json_int_t)n, "%s", out);
	cr_assert_eq(summary_field(out, "new_articles"), 0, "%s", out);
	for (size_t i = 0; i < n; i++) {
		char want[256];

		snprintf(want, sizeof want, "%s: not HTML (%s), skipped", not_articles[i].file,
			 not_articles[i].what);
		cr_assert_not_null(strstr(err, want), "no '%s' in: %s", want, err);
	}
	cr_assert_not_null(strstr(err, "errors"), "%s", err);
	free(out);
	free(err);
	cr_assert_eq(run(&out, NULL, "export articles --format jsonl"), 0);
	cr_assert_str_eq(out, "", "something was stored: %s", out);
	free(out);
}

Test(cli, a_dash_reads_standard_input)
{
	char args[256], *out, *err;

	cr_assert_eq(run(&out, NULL, "clean - < corpus/000_1b7ad7fa106c10fe.html"), 0);
	cr_assert(strlen(out) > 200, "%s", out);
	free(out);
	cr_assert_eq(run(&out, NULL, "extract - < corpus/000_1b7ad7fa106c10fe.html"), 0);
	cr_assert_not_null(strstr(out, "\"file\":\"-\""), "%s", out);
	cr_assert_not_null(strstr(out, "\"claims\":[{"), "%s", out);
	free(out);
	snprintf(args, sizeof args, "%s/logo.png", tmpdir());
	write_file(args, not_articles[0].bytes, not_articles[0].len);
	snprintf(args, sizeof args, "clean - < '%s/logo.png'", tmpdir());
	cr_assert_eq(run(NULL, &err, args), 1);
	cr_assert_str_eq(err, "assay: -: not HTML (PNG image), skipped\n");
	free(err);
	/* --lines on empty input: no documents, no error */
	cr_assert_eq(run(&out, NULL, "extract --text --lines - < /dev/null"), 0);
	cr_assert_str_eq(out, "");
	free(out);
}

/* Runs @args with --log LOG; returns the exit status; stderr in *err and
 * the log in *log. */
static int run_logged(const char *args, char **err, char **log)
{
	char full[1024], path[128];
	FILE *f;
	int rc;

	snprintf(path, sizeof path, "%s/assay.log", tmpdir());
	snprintf(full, sizeof full, "--log '%s' %s", path, args);
	rc = run(NULL, err, full);
	*log = calloc(1, 1 << 16);
	if ((f = fopen(path, "r"))) {
		(*log)[fread(*log, 1, (1 << 16) - 1, f)] = 0;
		fclose(f);
	}
	return rc;
}

Test(cli, with_a_log_file_a_good_run_says_nothing_on_stderr)
{
	char *err, *log;

	cr_assert_eq(run_logged("crawl corpus/feed.xml", &err, &log), 0, "%s", err);
	cr_assert_str_eq(err, "", "cron would mail this: %s", err);
	/* one stamped line: "2026-12-07T01:10:00Z assay[123]: crawl: 1 sources, ..." */
	cr_assert(strlen(log) > 30 && log[4] == '-' && log[10] == 'T' && log[19] == 'Z' &&
			  strncmp(log + 20, " assay[", 7) == 0,
		  "%s", log);
	cr_assert_not_null(strstr(log, "]: crawl: 1 sources, 5 pages fetched"), "%s", log);
	free(err);
	free(log);
}

Test(cli, with_a_log_file_a_failed_run_says_its_errors_and_where_the_rest_is)
{
	char *err, *log, want[256];

	cr_assert_eq(run_logged("crawl corpus/feed.xml no/such.html", &err, &log), 1);
	snprintf(want, sizeof want,
		 "assay: no/such.html: no such file or folder (a web source needs its https:// or "
		 "http://)\nassay: crawl: some inputs failed (exit status 1); what happened is in "
		 "%s/assay.log\n", tmpdir());
	cr_assert_str_eq(err, want);
	cr_assert_not_null(strstr(log, "]: error: no/such.html: no such file or folder"), "%s", log);
	cr_assert_not_null(strstr(log, "5 new articles"), "%s", log);
	cr_assert_not_null(strstr(log, "1 errors in"), "%s", log);
	free(err);
	free(log);
}

Test(cli, quiet_keeps_errors_and_drops_the_summary)
{
	char *err;

	cr_assert_eq(run(NULL, &err, "--quiet crawl corpus/feed.xml"), 0);
	cr_assert_str_eq(err, "");
	free(err);
	cr_assert_eq(run(NULL, &err, "--quiet crawl corpus/feed.xml no/such.html"), 1);
	cr_assert_str_eq(err, "assay: no/such.html: no such file or folder (a web source needs its "
			      "https:// or http://)\n");
	free(err);
}

Test(cli, verbose_says_per_page_what_was_done_and_why)
{
	char *err;

	cr_assert_eq(run(NULL, &err, "--verbose crawl corpus/feed.xml"), 0);
	cr_assert_not_null(strstr(err, "000_1b7ad7fa106c10fe.html: fetched, HTTP 200, "), "%s", err);
	cr_assert_not_null(strstr(err, "/china-and-turkey-strengthen-rare-earth-cooperation/: "
				       "stored, "),
			   "%s", err);
	cr_assert_not_null(strstr(err, " claims, story s"), "%s", err);
	free(err);
	cr_assert_eq(run(NULL, &err, "--verbose crawl corpus/feed.xml"), 0);
	cr_assert_not_null(strstr(err, "000_1b7ad7fa106c10fe.html: stored before: not fetched"),
			   "%s", err);
	cr_assert_not_null(strstr(err, "5 already stored"), "the summary does not count them: %s",
			   err);
	free(err);
	cr_assert_eq(run(NULL, &err, "--verbose crawl --refetch corpus/feed.xml"), 0);
	cr_assert_not_null(strstr(err, "/china-and-turkey-strengthen-rare-earth-cooperation/: "
				       "stored before, same text: nothing new"),
			   "%s", err);
	free(err);
	/* without --verbose, none of it */
	cr_assert_eq(run(NULL, &err, "crawl corpus/feed.xml"), 0);
	cr_assert_null(strstr(err, "stored before"), "%s", err);
	free(err);
}

Test(cli, global_options_work_after_the_command_too)
{
	char *out, *err;

	cr_assert_eq(run(&out, &err, "crawl corpus/feed.xml --quiet --summary-json"), 0);
	cr_assert_str_eq(err, "", "--quiet after the command was not taken");
	cr_assert_eq(summary_field(out, "new_articles"), 5, "%s", out);
	free(out);
	free(err);
	/* the last --db wins: the one after the command */
	cr_assert_eq(run(&out, &err, "stats --db corpus/no-such-store"), 2);
	cr_assert_not_null(strstr(err, "corpus/no-such-store"), "%s", err);
	/* a relative store: where it was looked for, and how to name another */
	cr_assert_not_null(strstr(err, "assay: corpus/no-such-store: looked for in /"), "%s", err);
	cr_assert_not_null(strstr(err, "--db DIR or $ASSAY_DB"), "%s", err);
	free(out);
	free(err);
	/* after "--", an argument is the command's */
	cr_assert_eq(run(NULL, &err, "clean -- --quiet"), 1);
	cr_assert_not_null(strstr(err, "assay: --quiet: cannot read"), "%s", err);
	free(err);
}

Test(cli, a_mistyped_command_gets_a_suggestion_and_help_command_works)
{
	char *out, *err;

	cr_assert_eq(run(NULL, &err, "stat"), 2);
	cr_assert_str_eq(err, "assay: stat: unknown command; did you mean 'stats'? "
			      "(see 'assay --help')\n");
	free(err);
	cr_assert_eq(run(NULL, &err, "conflict"), 2);
	cr_assert_not_null(strstr(err, "did you mean 'conflicts'?"), "%s", err);
	free(err);
	cr_assert_eq(run(NULL, &err, "zzzzzz"), 2);
	cr_assert_null(strstr(err, "did you mean"), "%s", err);
	free(err);
	cr_assert_eq(run(&out, NULL, "help crawl"), 0);
	cr_assert(strncmp(out, "usage: assay crawl", 18) == 0, "%s", out);
	free(out);
	cr_assert_eq(run(&out, NULL, "help"), 0);
	cr_assert(strncmp(out, "usage: assay", 12) == 0, "%s", out);
	free(out);
}

/* A mistyped option is named with the one meant; a command's option
 * before the command is sent after it; a stray argument is refused. */
Test(cli, option_mistakes_are_said_with_what_to_type)
{
	char *err;

	cr_assert_eq(run(NULL, &err, "crawl --sorces x.txt"), 2);
	cr_expect_str_eq(err, "assay: crawl: --sorces: unknown option; did you mean --sources? "
			      "(see 'assay crawl --help')\n");
	free(err);
	cr_assert_eq(run(NULL, &err, "crawl --max 3"), 2);
	cr_expect_not_null(strstr(err, "--max: ambiguous, say which: --max-pages, --max-seconds"),
			   "%s", err);
	free(err);
	cr_assert_eq(run(NULL, &err, "crawl --since"), 2);
	cr_expect_str_eq(err, "assay: crawl: --since needs a value (DAYS)\n");
	free(err);
	cr_assert_eq(run(NULL, &err, "--allow-private crawl corpus/feed.xml"), 2);
	cr_expect_not_null(strstr(err, "an option of 'crawl', not a global one"), "%s", err);
	free(err);
	cr_assert_eq(run(NULL, &err, "stats now"), 2);
	cr_expect_str_eq(err, "assay: stats: now: unexpected argument (see 'assay stats "
			      "--help')\n");
	free(err);
}

/* The man page as the build wrote it from doc/assay.1.in ($ASSAY_MAN). */
static char *slurp_man(size_t *len)
{
	const char *path = getenv("ASSAY_MAN");
	char *buf = malloc(1 << 20);
	FILE *f;

	cr_assert(path && buf, "ASSAY_MAN must be set");
	f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	return buf;
}

/* The man page's entry for @cmd: from its ".TP\n\fBcmd\fR" line to the
 * next command's, with "\-" read as "-". A new string. */
static char *man_entry(const char *man, const char *cmd)
{
	char head[64];
	const char *p, *end;
	char *out, *o;

	snprintf(head, sizeof head, ".TP\n\\fB%s\\fR", cmd);
	p = strstr(man, head);
	cr_assert_not_null(p, "assay.1 has no entry for %s", cmd);
	end = strstr(p + strlen(head), ".TP\n\\fB");
	if (!end)
		end = p + strlen(p);
	o = out = malloc((size_t)(end - p) + 1);
	for (; p < end; p++)
		if (!(p[0] == '\\' && p[1] == '-'))
			*o++ = *p;
	*o = 0;
	return out;
}

/* Every option a command's --help names is in its man page entry. */
Test(cli, the_man_page_names_every_option_of_every_command)
{
	const char *cmds[] = {"crawl", "ingest", "clean", "extract", "claims", "show", "review",
			      "conflicts", "export", "stats", "reprocess", "serve", "list", "verify"};
	size_t len;
	char *man = slurp_man(&len);

	man[len] = 0;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		char args[64], *help, *entry = man_entry(man, cmds[i]);

		snprintf(args, sizeof args, "%s --help", cmds[i]);
		cr_assert_eq(run(&help, NULL, args), 0);
		for (const char *p = help; (p = strstr(p, "--"));) {
			char opt[40];
			size_t n = 2;

			while (n < sizeof opt - 1 && ((p[n] >= 'a' && p[n] <= 'z') || p[n] == '-'))
				n++;
			snprintf(opt, sizeof opt, "%.*s", (int)n, p);
			p += n;
			if (n < 4 || strcmp(opt, "--help") == 0)
				continue;
			cr_expect_not_null(strstr(entry, opt), "assay.1: %s lacks %s", cmds[i], opt);
		}
		free(help);
		free(entry);
	}
	free(man);
}

/* The first @needle in the @n bytes at @hay, or NULL. */
static const char *find_in(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return hay + i;
	return NULL;
}

/* @s with roff's font changes dropped and "\-" read as "-". A new string. */
static char *unroff(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 2 < n + 1 && s[i + 1] == 'f') {
			i += 2;
			continue;
		}
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '-' || s[i + 1] == '\\' ||
						  s[i + 1] == '&')) {
			if (s[i + 1] != '&')
				*o++ = s[i + 1];
			i++;
			continue;
		}
		*o++ = s[i];
	}
	*o = 0;
	return out;
}

/* Appends "--name ARG (default: X)\n" for an option label @label (its
 * "-u, " short form dropped) and the text @text that follows it. */
static void add_option(char *list, size_t size, const char *label, size_t llen,
		       const char *text, size_t tlen)
{
	const char *l = find_in(label, llen, "--"), *d;
	size_t n = strlen(list);

	if (!l)
		return;
	d = find_in(text, tlen, "(default: ");
	if (d) {
		const char *end = memchr(d, '\n', tlen - (size_t)(d - text));
		tlen = end ? (size_t)(end - d) : tlen - (size_t)(d - text);
		while (tlen && (d[tlen - 1] == ' ' || d[tlen - 1] == '\n'))
			tlen--;
	}
	snprintf(list + n, size - n, "%.*s%s%.*s\n", (int)(llen - (size_t)(l - label)), l,
		 d ? " " : "", d ? (int)tlen : 0, d ? d : "");
}

/* The options --help lists, one "--name ARG (default: X)" a line. */
static void help_options(const char *help, char *list, size_t size)
{
	list[0] = 0;
	for (const char *p = strstr(help, "\n  -"); p; p = strstr(p, "\n  -")) {
		const char *label = p + 3, *gap = strstr(label, "  "), *nl = strchr(label, '\n');
		const char *next = strstr(label, "\n  -"), *blank = strstr(label, "\n\n");
		size_t llen = gap && gap < nl ? (size_t)(gap - label) : (size_t)(nl - label);
		const char *end = next && (!blank || next < blank) ? next : blank;

		if (!end)
			end = label + strlen(label);
		add_option(list, size, label, llen, label + llen, (size_t)(end - label - llen));
		p = label;
	}
}

/* The options the man page lists between @from and @to: ".IP" items (a
 * command's) or ".TP" items (the global ones), in --help's words. */
static void man_options(const char *from, const char *to, char *list, size_t size)
{
	char *text = unroff(from, (size_t)(to - from));

	list[0] = 0;
	for (const char *p = text; (p = strstr(p, "\n.")); p++) {
		const char *label, *end, *item, *end_item;

		if (!strncmp(p, "\n.IP \"-", 7)) {
			label = p + 6;
			end = strchr(label, '"');
		} else if (!strncmp(p, "\n.TP\n-", 6)) {
			label = p + 5;
			end = strchr(label, '\n');
		} else {
			continue;
		}
		item = strchr(end, '\n') + 1;
		end_item = strstr(item, "\n.");
		add_option(list, size, label, (size_t)(end - label), item,
			   end_item ? (size_t)(end_item - item) : strlen(item));
	}
	free(text);
}

/* A value each kind of option takes: a word of its list, a date, else 1. */
static const char *sample_value(const char *arg)
{
	static char first[32];

	if (arg[0] >= 'a' && arg[0] <= 'z') {
		snprintf(first, sizeof first, "%.*s", (int)strcspn(arg, "| "), arg);
		return first;
	}
	return strstr(arg, "DATE") || strstr(arg, "YYYY") ? "2024-01-02" : "1";
}

/* Every command's options come from its spec (cli/usage.c): its --help,
 * `assay help COMMAND` and its man page entry list the same options with
 * the same values and defaults, the man page's synopsis names them all,
 * and the command's parser takes each. */
Test(cli, each_command_help_and_man_page_agree_on_its_options)
{
	const char *cmds[] = {"crawl", "ingest", "clean", "extract", "claims", "show", "review",
			      "conflicts", "export", "stats", "reprocess", "serve", "list", "verify"};
	static char hl[8192], ml[8192];
	size_t len;
	char *man = slurp_man(&len);

	man[len] = 0;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		char args[256], *help, *help2, *entry = man_entry(man, cmds[i]);
		const char *syn_end = strchr(entry, '\n') + 1; /* after ".TP" */

		snprintf(args, sizeof args, "%s --help", cmds[i]);
		cr_assert_eq(run(&help, NULL, args), 0);
		snprintf(args, sizeof args, "help %s", cmds[i]);
		cr_assert_eq(run(&help2, NULL, args), 0);
		cr_expect_str_eq(help, help2, "assay help %s is not assay %s --help", cmds[i],
				 cmds[i]);
		help_options(help, hl, sizeof hl);
		man_options(entry, entry + strlen(entry), ml, sizeof ml);
		cr_expect_str_eq(hl, ml, "%s: --help and assay.1 list other options", cmds[i]);
		/* the synopsis: the entry's first line and those after ".TQ" */
		for (const char *nl; (nl = strchr(syn_end, '\n')) && !strncmp(nl, "\n.TQ\n", 5);)
			syn_end = nl + 5;
		syn_end = strchr(syn_end, '\n');
		for (const char *p = hl; *p; p = strchr(p, '\n') + 1) {
			char opt[64], arg[64] = "", *err;
			size_t n = strcspn(p, " \n");

			snprintf(opt, sizeof opt, "%.*s", (int)n, p);
			if (p[n] == ' ' && p[n + 1] != '(')
				snprintf(arg, sizeof arg, "%.*s", (int)strcspn(p + n + 1, " \n"),
					 p + n + 1);
			cr_expect(find_in(entry, (size_t)(syn_end - entry), opt),
				  "assay.1: the synopsis of %s lacks %s", cmds[i], opt);
			snprintf(args, sizeof args, "%s %s %s --help", cmds[i], opt,
				 arg[0] ? sample_value(arg) : "");
			cr_expect_eq(run(NULL, &err, args), 0, "%s: %s not taken: %s", cmds[i], opt,
				     err);
			cr_expect_str_eq(err, "", "%s", args);
			free(err);
		}
		free(help);
		free(help2);
		free(entry);
	}
	free(man);
}

/* The global options: `assay --help` and the man page's GLOBAL OPTIONS. */
Test(cli, global_options_help_and_man_page_agree)
{
	static char hl[4096], ml[4096];
	size_t len;
	char *man = slurp_man(&len), *help, *from, *to;

	man[len] = 0;
	cr_assert_eq(run(&help, NULL, "--help"), 0);
	help_options(strstr(help, "global options"), hl, sizeof hl);
	from = strstr(man, ".SH GLOBAL OPTIONS");
	to = from ? strstr(from, ".SH COMMANDS") : NULL;
	cr_assert(from && to);
	man_options(from, to, ml, sizeof ml);
	cr_expect_str_eq(hl, ml);
	cr_expect_not_null(strstr(hl, "--db DIR (default: "), "%s", hl);
	free(help);
	free(man);
}

/* Pages piped in have no name: each is its own article, by its content. */
Test(cli, ingest_of_standard_input_keeps_each_page)
{
	const char *pages[] = {
		"<html><head><title>A</title></head><body><p>Mine A produced 1,000 tonnes of tin "
		"in 2024.</p></body></html>",
		"<html><head><title>B</title></head><body><p>Mine B produced 2,000 tonnes of zinc "
		"in 2024.</p></body></html>",
		"<html><head><title>B</title></head><body><p>Mine B produced 2,000 tonnes of zinc "
		"in 2024.</p></body></html>",
	};
	json_int_t want[] = {1, 1, 0};

	for (size_t i = 0; i < 3; i++) {
		char path[128], args[256], *out;

		snprintf(path, sizeof path, "%s/p%zu.html", tmpdir(), i);
		write_file(path, pages[i], strlen(pages[i]));
		snprintf(args, sizeof args, "ingest --summary-json - < '%s'", path);
		cr_assert_eq(run(&out, NULL, args), 0);
		cr_assert_eq(summary_field(out, "new_articles"), want[i], "page %zu: %s", i, out);
		free(out);
	}
}

/* A WARC record that says text/html but holds an image is refused too. */
Test(cli, ingest_refuses_a_warc_record_that_is_not_a_page)
{
	char warc[128], args[256], *out, *err;
	size_t n;
	char *page = slurp("corpus/000_1b7ad7fa106c10fe.html", &n);

	snprintf(warc, sizeof warc, "%s/mixed.warc.gz", tmpdir());
	warc_append(warc, "https://example.org/logo", "text/html", not_articles[0].bytes,
		    not_articles[0].len);
	warc_append(warc, "https://example.org/a.html", "text/html", page, n);
	snprintf(args, sizeof args, "ingest --summary-json '%s'", warc);
	cr_assert_eq(run(&out, &err, args), 1, "%s", err);
	cr_assert_eq(summary_field(out, "new_articles"), 1, "%s", out);
	cr_assert_eq(summary_field(out, "errors"), 1, "%s", out);
	cr_assert_not_null(strstr(err, "https://example.org/logo: not HTML (PNG image), skipped"),
			   "%s", err);
	free(out);
	free(err);
	free(page);
}

/* Text from outside reaches the terminal with its controls escaped
 * (issue 21 #5): a page's bidi override in the evidence, and a reason
 * with terminal escapes typed at the review page, in claims and show. */
Test(cli, claims_and_show_escape_control_characters_from_pages_and_reviews)
{
	const char *page =
		"<html><head><title>Copper output rises</title></head><body><article>"
		"<h1>Copper output rises</h1><p>Chile produced 5.3 million tonnes of copper in "
		"2023, said Cochilco in a statement &#x202e; today.</p><p>The agency said the "
		"figure was higher than the year before, and mines in the north led the rise in "
		"output across the country for the whole year.</p><p>Analysts expect more growth "
		"in the coming year as new projects start and prices hold near record levels."
		"</p></article></body></html>";
	char path[128], args[512], *out, *id;

	snprintf(path, sizeof path, "%s/esc.html", tmpdir());
	write_file(path, page, strlen(page));
	snprintf(args, sizeof args, "ingest '%s'", path);
	cr_assert_eq(run(NULL, NULL, args), 0);
	cr_assert_eq(run(&out, NULL, "claims --format jsonl"), 0);
	id = strstr(out, "\"id\":\"");
	cr_assert(id, "no claim: %s", out);
	id += 5;
	id[9] = '\0';
	snprintf(args, sizeof args,
		 "review %s reject --reason \"$(printf 'bad\\033[2J\\033]0;owned\\007 \\302\\233')\" "
		 "--editor ed && COLUMNS=400 '%s' --db '%s' claims --state rejected && '%s' --db '%s' "
		 "show %s", id + 1, getenv("ASSAY_BIN"), db, getenv("ASSAY_BIN"), db, id + 1);
	free(out);
	cr_assert_eq(run(&out, NULL, args), 0, "%s", out);
	cr_expect(strstr(out, "rejected: bad\\x1b[2J\\x1b]0;owned\\x07 \\u009b"), "%s", out);
	cr_expect(strstr(out, "statement \\u202e today"), "%s", out);
	cr_expect_null(strchr(out, 0x1b), "ESC reached the terminal: %s", out);
	cr_expect_null(strchr(out, 0x07), "BEL reached the terminal: %s", out);
	cr_expect_null(strstr(out, "\xe2\x80\xae"), "a bidi override reached the terminal: %s", out);
	cr_expect_null(strstr(out, "\xc2\x9b"), "a C1 CSI reached the terminal: %s", out);
	free(out);
}
