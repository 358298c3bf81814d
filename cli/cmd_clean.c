/* cmd_clean.c - `assay clean [--json] FILE...`: the article text of pages.
 *
 * Many files in one process, '-' for standard input, gzip read
 * transparently. Without --json each file's text is printed (with a
 * "==> FILE <==" header when there are several); with --json one object a
 * line: file, url, title, published, author, site, language, text, tables.
 * A file that cannot be read or cleaned is reported and skipped (exit 1). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "assay.h"
#include "clean.h"
#include "cli.h"
#include "file.h"
#include "log.h"

static const char usage_text[] =
	"usage: assay clean [--json] FILE...\n"
	"\n"
	"Prints the article text of each HTML page: headings, paragraphs, list\n"
	"items, quotes and table rows (cells joined by \" | \"), one block a\n"
	"paragraph. Page furniture (menus, widgets, related news, comments, ads)\n"
	"is dropped. FILE may be gzip-compressed; '-' reads standard input.\n"
	"\n"
	"  --json   one JSON object a line: file, url, title, published, author,\n"
	"           site, language, text, tables (lists of rows of cells)\n";

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *tables_json(const struct assay_doc *d)
{
	json_t *tables = json_array();

	for (size_t t = 0; tables && t < d->ntables; t++) {
		json_t *rows = json_array();

		for (size_t r = 0; rows && r < d->tables[t].nrows; r++) {
			const struct assay_table_row *row = &d->tables[t].rows[r];
			json_t *cells = json_array();

			for (size_t c = 0; cells && c < row->ncells; c++)
				json_array_append_new(cells, json_string(row->cells[c]));
			json_array_append_new(rows, cells);
		}
		json_array_append_new(tables, rows);
	}
	return tables;
}

static int print_json(const char *file, const struct assay_doc *d)
{
	json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o}",
			      "file", file, "url", str_or_null(d->url),
			      "title", str_or_null(d->title), "published", str_or_null(d->published),
			      "author", str_or_null(d->author), "site", str_or_null(d->site),
			      "language", str_or_null(d->language), "text", d->text,
			      "tables", tables_json(d));
	int rc;

	if (!o)
		return ASSAY_ENOMEM;
	rc = json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 ? ASSAY_OK : ASSAY_EIO;
	putchar('\n');
	json_decref(o);
	return rc;
}

static int clean_one(const char *file, bool json, bool header, struct assay_buf *in)
{
	struct assay_doc d;
	int rc;

	assay_buf_reset(in);
	rc = assay_read_file(file, ASSAY_FILE_MAX_DEFAULT, in);
	if (rc != ASSAY_OK) {
		assay_err("%s: %s", file, assay_strerror(rc));
		return rc;
	}
	rc = assay_clean(in->data ? in->data : "", in->len, NULL, &d);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot clean: %s", file, assay_strerror(rc));
		return rc;
	}
	if (json) {
		rc = print_json(file, &d);
	} else {
		if (header)
			printf("==> %s <==\n", file);
		fputs(d.text, stdout);
		putchar('\n');
	}
	assay_doc_release(&d);
	return rc;
}

int cmd_clean(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_buf in = {0};
	bool json = false, opts = true;
	int first = 1, failed = 0, nfiles;

	(void)g;
	if (cli_wants_help(argc, argv)) {
		fputs(usage_text, stdout);
		return CLI_OK;
	}
	for (; first < argc && opts && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[first], "--") == 0) {
			opts = false;
		} else {
			assay_err("clean: %s: unknown option (see 'assay clean --help')", argv[first]);
			return CLI_FATAL;
		}
	}
	nfiles = argc - first;
	if (nfiles <= 0) {
		assay_err("clean: no input files (see 'assay clean --help')");
		return CLI_FATAL;
	}
	assay_parse_init();
	for (int i = first; i < argc; i++)
		if (clean_one(argv[i], json, !json && nfiles > 1, &in) != ASSAY_OK)
			failed++;
	assay_buf_release(&in);
	if (fflush(stdout) != 0) {
		assay_err("clean: cannot write output");
		return CLI_FATAL;
	}
	return failed ? CLI_PARTIAL : CLI_OK;
}
