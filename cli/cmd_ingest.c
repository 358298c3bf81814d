/* cmd_ingest.c - `assay ingest PATH...`: store local pages.
 *
 * Files and folders (walked recursively, sorted, hidden entries skipped);
 * .html/.htm and anything else as HTML, .txt as plain text with the
 * headline on the first line; .warc and .warc.gz records (each page keeps
 * its WARC file and offset); .jsonl (.ndjson) archives named on the
 * command line (never found in a folder, where JSON Lines are annotations),
 * one article a line with its URL, title, date and site; .gz inflated
 * transparently. A
 * file that cannot be read or cleaned, or is no page at all (an image, a
 * PDF, JSON, binary data, an empty file), is counted as an error and
 * skipped; so is a line of an archive that is no article.
 *
 * A single file can be given its URL, date and site (--url, --published,
 * --site): a text keeps where and when it was published. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "array.h"
#include "assay.h"
#include "cli.h"
#include "feed.h"
#include "file.h"
#include "hash.h"
#include "log.h"
#include "options.h"
#include "pipeline.h"
#include "sniff.h"
#include "summary.h"
#include "table.h"
#include "url.h"
#include "warc.h"

#define INGEST_MAX_FILE (50u << 20)
#define INGEST_MAX_ARCHIVE (1024u << 20) /* a .jsonl archive, read whole */

/* The run: pages go through the pool, which stores them in order. */
struct ingest {
	struct assay_fetch_counts *counts; /* what was read: ingest's own counters */
	struct assay_pipeline *p;
	struct assay_pool *pool;
	const char *url, *site;   /* --url, --site (or the host of --url) */
	char published[11];       /* --published as YYYY-MM-DD, or "" */
};

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static const char *content_type_of(const char *path)
{
	if (has_suffix(path, ".txt") || has_suffix(path, ".txt.gz"))
		return "text/plain";
	return "text/html";
}

/* An image, a PDF, JSON, binary data or an empty file is no article:
 * said by name, counted as an error, nothing stored. */
static bool refused(struct assay_fetch_counts *counts, const char *name, const char *type,
		    const char *body, size_t len)
{
	const char *what = assay_sniff_not_text(body ? body : "", len);

	if (!what)
		return false;
	assay_err("%s: not %s (%s), skipped", name,
		  strcmp(type, "text/plain") == 0 ? "text" : "HTML", what);
	counts->errors++;
	return true;
}

/* Where a file's page is stored from: file:///its/real/path. Standard
 * input has no name, so its page is named by its content
 * (urn:sha256:...): two different pages piped in are two articles, the
 * same page piped twice is one. */
static int page_url(const char *path, const struct assay_buf *body, char real[PATH_MAX],
		    struct assay_buf *url)
{
	char hex[65];

	if (strcmp(path, "-") == 0) {
		assay_sha256_hex(body->data ? body->data : "", body->len, hex);
		return assay_buf_printf(url, "urn:sha256:%s", hex);
	}
	if (!realpath(path, real))
		snprintf(real, PATH_MAX, "%s", path);
	return assay_buf_printf(url, "file://%s", real);
}

static int ingest_file(struct ingest *in, const char *path)
{
	struct assay_pipeline *p = in->p;
	struct assay_buf body = {0}, url = {0};
	struct assay_page page;
	char real[PATH_MAX];
	int rc;

	rc = assay_read_file(path, INGEST_MAX_FILE, &body);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot read: %s", path,
			  rc == ASSAY_EIO ? strerror(errno) : assay_strerror(rc));
		in->counts->errors++;
		goto out;
	}
	in->counts->pages_fetched++;
	if (refused(in->counts, path, content_type_of(path), body.data, body.len)) {
		rc = ASSAY_EINVAL;
		goto out;
	}
	if (in->url ? assay_buf_puts(&url, in->url) != ASSAY_OK
		    : page_url(path, &body, real, &url) != ASSAY_OK) {
		rc = ASSAY_ENOMEM;
		in->counts->errors++;
		goto out;
	}
	if (!p->refetch && assay_store_has_url(p->store, url.data)) {
		in->counts->skipped_known++;
		goto out;
	}
	memset(&page, 0, sizeof page);
	page.url = page.final_url = url.data;
	page.content_type = content_type_of(path);
	page.body = body.data ? body.data : "";
	page.len = body.len;
	page.fetched_at = (int64_t)time(NULL);
	page.published = in->published[0] ? in->published : NULL;
	page.site = in->site;
	rc = assay_pool_page(in->pool, &page);
out:
	assay_buf_release(&body);
	assay_buf_release(&url);
	return rc;
}

static bool is_jsonl(const char *path)
{
	return has_suffix(path, ".jsonl") || has_suffix(path, ".jsonl.gz") ||
	       has_suffix(path, ".ndjson") || has_suffix(path, ".ndjson.gz");
}

/* The first of @keys that @o holds as a non-empty string, or NULL. */
static const char *field(json_t *o, const char *const *keys)
{
	for (; *keys; keys++) {
		const char *v = json_string_value(json_object_get(o, *keys));

		if (v && *v)
			return v;
	}
	return NULL;
}

/* An archive's date as YYYY-MM-DD in @ymd ("" when it has none); a date
 * that cannot be read is said, and the article stored undated. */
static void record_date(const char *date, const char *where, char ymd[11])
{
	ymd[0] = '\0';
	if (!date)
		return;
	if (strlen(date) >= 10 && date[4] == '-' && date[7] == '-' && date[10] != '-') {
		/* ISO 8601 with a space before the time (news-please) */
		char head[32];

		snprintf(head, sizeof head, "%.10sT00:00:00Z", date);
		assay_parse_date(head, ymd);
	} else {
		assay_parse_date(date, ymd);
	}
	if (!ymd[0])
		assay_warn("%s: published '%s' is no date I can read; stored undated", where,
			   date);
}

/* One line of an archive: an article with its own URL, title, date and
 * site. Text is stored as a .txt file is, its headline on the first line. */
static int jsonl_record(struct ingest *in, const char *where, json_t *o)
{
	static const char *const url_keys[] = {"url", "link", NULL};
	static const char *const title_keys[] = {"title", "headline", NULL};
	static const char *const date_keys[] = {"published", "date_publish", "date", NULL};
	static const char *const site_keys[] = {"site", "source_domain", NULL};
	static const char *const text_keys[] = {"text", "maintext", NULL};
	static const char *const html_keys[] = {"html", NULL};
	struct assay_pipeline *p = in->p;
	const char *url = field(o, url_keys), *title = field(o, title_keys);
	const char *text = field(o, text_keys), *html = field(o, html_keys);
	struct assay_buf body = {0}, id = {0};
	struct assay_url_parts parts = {0};
	struct assay_page page;
	char ymd[11], hex[65];
	int rc = ASSAY_OK;

	in->counts->pages_fetched++;
	if (!html && !text) {
		assay_err("%s: no \"text\" or \"html\", skipped", where);
		in->counts->errors++;
		return ASSAY_EINVAL;
	}
	if (url && !assay_url_is_web(url)) {
		assay_err("%s: url '%s' is not an http or https URL, skipped", where, url);
		in->counts->errors++;
		return ASSAY_EINVAL;
	}
	if (html)
		rc = assay_buf_puts(&body, html);
	else if (title)
		rc = assay_buf_printf(&body, "%s\n\n%s", title, text);
	else
		rc = assay_buf_puts(&body, text);
	if (!rc && !url) { /* named by its content, as standard input is */
		assay_sha256_hex(body.data, body.len, hex);
		rc = assay_buf_printf(&id, "urn:sha256:%s", hex);
		url = id.data;
	}
	if (rc) {
		in->counts->errors++;
		goto out;
	}
	if (!p->refetch && assay_store_has_url(p->store, url)) {
		in->counts->skipped_known++;
		goto out;
	}
	record_date(field(o, date_keys), where, ymd);
	if (!field(o, site_keys) && assay_url_is_web(url))
		assay_url_parts(url, &parts); /* the site is the host: no name given */
	memset(&page, 0, sizeof page);
	page.url = page.final_url = url;
	page.content_type = html ? "text/html" : "text/plain";
	page.body = body.data;
	page.len = body.len;
	page.fetched_at = (int64_t)time(NULL);
	page.published = ymd[0] ? ymd : NULL;
	page.title = title;
	page.site = field(o, site_keys) ? field(o, site_keys) : parts.host;
	rc = assay_pool_page(in->pool, &page);
out:
	assay_url_parts_release(&parts);
	assay_buf_release(&body);
	assay_buf_release(&id);
	return rc;
}

/* Every line of a JSON Lines archive; a line that is not an article is
 * an error, and the next line is read. */
static int ingest_jsonl(struct ingest *in, const char *path)
{
	struct assay_buf all = {0};
	size_t lineno = 0;
	int rc = assay_read_file(path, INGEST_MAX_ARCHIVE, &all);

	if (rc != ASSAY_OK) {
		assay_err("%s: cannot read: %s", path,
			  rc == ASSAY_EIO ? strerror(errno) : assay_strerror(rc));
		in->counts->errors++;
		return rc;
	}
	for (const char *line = all.data; line && line < all.data + all.len;) {
		const char *eol = memchr(line, '\n', (size_t)(all.data + all.len - line));
		size_t len = eol ? (size_t)(eol - line) : (size_t)(all.data + all.len - line);
		char where[PATH_MAX + 32];
		json_error_t jerr;
		json_t *o;

		lineno++;
		snprintf(where, sizeof where, "%s:%zu", path, lineno);
		while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
			len--;
		if (len) {
			o = json_loadb(line, len, 0, &jerr);
			if (!json_is_object(o)) {
				assay_err("%s: not a JSON object (%s), skipped", where,
					  o ? "another JSON value" : jerr.text);
				in->counts->pages_fetched++;
				in->counts->errors++;
			} else {
				jsonl_record(in, where, o);
			}
			json_decref(o);
		}
		line = eol ? eol + 1 : NULL;
	}
	assay_buf_release(&all);
	return ASSAY_OK;
}

static bool is_warc(const char *path)
{
	return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz");
}

/* Feeds and sitemaps are recorded in a crawl's WARC file beside the
 * articles; they are sources, not stories. Told by their root element. */
static bool is_feed_or_sitemap(const char *body, size_t len)
{
	static const char *const roots[] = {"<rss", "<feed", "<rdf:RDF", "<urlset",
					    "<sitemapindex"};
	const char *p = body, *end = body + (len > 4096 ? 4096 : len);

	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));

		if (!lt || lt + 1 >= end)
			return false;
		if (lt[1] != '?' && lt[1] != '!') {
			for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
				size_t n = strlen(roots[i]);
				if ((size_t)(end - lt) > n && strncmp(lt, roots[i], n) == 0 &&
				    (lt[n] == ' ' || lt[n] == '>' || lt[n] == '\n' || lt[n] == '\r' ||
				     lt[n] == '\t'))
					return true;
			}
			return false;
		}
		p = lt + 1;
	}
	return false;
}

/* A WARC record's page: skipped when its URL is stored already. */
static int warc_page(void *ctx, const struct assay_page *page)
{
	struct ingest *in = ctx;
	struct assay_pipeline *p = in->p;

	if (is_feed_or_sitemap(page->body, page->len))
		return ASSAY_OK;
	in->counts->pages_fetched++;
	if (!p->refetch && assay_store_has_url(p->store, page->url)) {
		in->counts->skipped_known++;
		return ASSAY_OK;
	}
	if (refused(in->counts, page->url, page->content_type ? page->content_type : "text/html",
		    page->body, page->len))
		return ASSAY_EINVAL;
	return assay_pool_page(in->pool, page);
}

/* Every record counted: pages, records that are not pages, and damaged
 * ones (each an error; reading went on past them). */
static int ingest_warc(struct ingest *in, const char *path)
{
	struct assay_warc_counts n;
	int rc = assay_warc_pages(path, warc_page, in, &n);

	in->counts->records_skipped += n.skipped;
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot read WARC file: %s", path, assay_strerror(rc));
		in->counts->errors++;
		return rc;
	}
	if (n.damaged) {
		assay_err("%s: %u damaged or oversized WARC records skipped", path, n.damaged);
		in->counts->errors += n.damaged;
	}
	if (n.skipped || n.damaged)
		assay_info("%s: %u WARC records with pages, %u not pages, %u damaged", path,
			   n.pages + n.failed, n.skipped, n.damaged);
	return n.damaged ? ASSAY_EPARSE : ASSAY_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ingest_path(struct ingest *in, const char *path, int depth);

/* Entries in name order, so that runs are repeatable. */
static int ingest_dir(struct ingest *in, const char *path, int depth)
{
	struct assay_pipeline *p = in->p;
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = ASSAY_OK;

	if (!d) {
		assay_err("%s: cannot open folder: %s", path, strerror(errno));
		in->counts->errors++;
		return ASSAY_EIO;
	}
	while ((e = readdir(d))) {
		char *full;

		if (e->d_name[0] == '.')
			continue;
		rc = assay_array_reserve(&names, &cap, n + 1, sizeof *names);
		if (rc)
			break;
		full = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!full) {
			rc = ASSAY_ENOMEM;
			break;
		}
		sprintf(full, "%s/%s", path, e->d_name);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (rc == ASSAY_OK && !assay_store_damaged(p->store))
			ingest_path(in, names[i], depth + 1);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int ingest_path(struct ingest *in, const char *path, int depth)
{
	struct stat st;

	if (strcmp(path, "-") == 0)
		return ingest_file(in, path);
	if (stat(path, &st) != 0) {
		assay_err("%s: cannot read: %s", path, strerror(errno));
		in->counts->errors++;
		return ASSAY_ENOTFOUND;
	}
	if (S_ISDIR(st.st_mode)) {
		if (depth > 32) {
			assay_err("%s: folders nested too deep", path);
			in->counts->errors++;
			return ASSAY_EINVAL;
		}
		return ingest_dir(in, path, depth);
	}
	if (is_warc(path))
		return ingest_warc(in, path);
	if (is_jsonl(path)) /* named, never found in a folder: gold files are JSON Lines */
		return depth == 0 ? ingest_jsonl(in, path) : ASSAY_OK;
	if (has_suffix(path, ".arc") || has_suffix(path, ".arc.gz")) {
		/* The older Internet Archive format: its records are not WARC's. */
		assay_err("%s: ARC files are not read (convert it to WARC first, e.g. with "
			  "warcio or JWAT's arc2warc)", path);
		in->counts->errors++;
		return ASSAY_EINVAL;
	}
	if (depth > 0 && !(has_suffix(path, ".html") || has_suffix(path, ".htm") ||
			   has_suffix(path, ".html.gz") || has_suffix(path, ".htm.gz") ||
			   has_suffix(path, ".txt") || has_suffix(path, ".txt.gz")))
		return ASSAY_OK; /* in a folder, only pages */
	return ingest_file(in, path);
}

/* --url, --published and --site describe one file: refused (with why)
 * for anything else; the site defaults to the host of the URL. */
static bool one_text(struct ingest *in, int argc, char **argv, const char *published,
		     struct assay_url_parts *parts)
{
	struct stat st;

	if (!in->url && !published && !in->site)
		return true;
	if (argc != 1 || !strcmp(argv[0], "-") || stat(argv[0], &st) || !S_ISREG(st.st_mode) ||
	    is_warc(argv[0]) || is_jsonl(argv[0])) {
		assay_err("ingest: --url, --published and --site describe one page: give one "
			  "HTML or text file (an archive's lines carry their own)");
		return false;
	}
	if (published && (assay_parse_date(published, in->published), !in->published[0])) {
		assay_err("ingest: --published %s: give a date as YYYY-MM-DD (or RFC 822)",
			  published);
		return false;
	}
	if (in->url && (!assay_url_is_web(in->url) || assay_url_parts(in->url, parts) ||
			!parts->host)) {
		assay_err("ingest: --url %s: give the page's http or https address", in->url);
		return false;
	}
	if (!in->site && parts->host)
		in->site = parts->host;
	return true;
}

/* The run, once the options are read: lock, walk every path, report. */
static int run_ingest(const struct cli_globals *g, struct ingest *in, char **paths, int npaths,
		      unsigned jobs, bool wait, bool json)
{
	struct assay_fetch_counts read = {0};
	struct assay_pipeline_counts stored = {0};
	struct assay_pipeline p;
	struct assay_store *s;
	struct timespec t0, t1;
	int rc;

	in->p = &p;
	in->counts = &read;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = cli_store_create(g->db);
	if (!s)
		return CLI_FATAL;
	rc = assay_store_lock(s, wait);
	if (rc != ASSAY_OK) {
		if (rc == ASSAY_EBUSY)
			assay_err("ingest: store '%s' is locked by another crawl or ingest (try "
				  "again later, or use --wait)", g->db);
		else
			assay_err("ingest: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	if (assay_extract_init() != ASSAY_OK) {
		assay_err("cannot load the extraction rules");
		assay_store_close(s);
		return CLI_FATAL;
	}
	assay_pipeline_init(&p, s, &stored);
	if (assay_pool_new(&p, jobs, &in->pool) != ASSAY_OK) {
		assay_err("ingest: cannot start the jobs: %s", assay_strerror(ASSAY_ENOMEM));
		assay_store_close(s);
		return CLI_FATAL;
	}
	for (int i = 0; i < npaths && !assay_store_damaged(s); i++) {
		read.sources++;
		ingest_path(in, paths[i], 0);
	}
	assay_pool_free(in->pool);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	read.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cli_summary_print("ingest", &read, &stored, !g->quiet, json ? stdout : NULL);
	rc = assay_store_damaged(s)		     ? CLI_FATAL
	     : cli_summary_errors(&read, &stored) ? CLI_PARTIAL
						     : CLI_OK;
	if (rc == CLI_FATAL) /* a write met a garbled page: the run ended there */
		assay_err("ingest: stopped: the store '%s' is damaged; what was stored before "
			  "is kept. Run 'assay --db %s verify' to see what still reads, and "
			  "restore data.mdb from a backup", g->db, g->db);
	assay_store_unlock(s);
	assay_store_close(s);
	return rc;
}

/* The options (usage.c), before the run. */
struct ingest_args {
	struct ingest *in;
	const char *published;
	bool json, wait;
	unsigned jobs;
};

static int take(void *ctx, int c, const char *v)
{
	struct ingest_args *a = ctx;

	switch (c) {
	case 'J': return cli_parse_jobs("ingest", v, &a->jobs) ? 0 : -1;
	case 'j': a->json = true; return 0;
	case 'w': a->wait = true; return 0;
	case 'u': a->in->url = v; return 0;
	case 'P': a->published = v; return 0;
	case 's': a->in->site = v; return 0;
	default: return 1;
	}
}

int cmd_ingest(int argc, char **argv, const struct cli_globals *g)
{
	struct ingest in = {0};
	struct ingest_args a = {.in = &in};
	struct assay_url_parts parts = {0};
	int rc;

	if (!cli_parse("ingest", argc, argv, take, &a, &rc))
		return rc;
	if (optind >= argc) {
		assay_err("ingest: no path given (see 'assay ingest --help')");
		return CLI_FATAL;
	}
	if (!one_text(&in, argc - optind, argv + optind, a.published, &parts)) {
		assay_url_parts_release(&parts);
		return CLI_FATAL;
	}
	rc = run_ingest(g, &in, argv + optind, argc - optind, a.jobs, a.wait, a.json);
	assay_url_parts_release(&parts);
	return rc;
}
