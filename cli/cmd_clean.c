/* cmd_clean.c - `assay clean [--json] [-u URL] FILE...`: the article text
 * of pages.
 *
 * Many files in one process, '-' for standard input, gzip read
 * transparently, -u URL fetched as the crawler fetches an article. Input
 * that is not a page (an image, a PDF, JSON, binary data, an empty file)
 * is refused by name. Without --json each file's text is printed (with a
 * "==> FILE <==" header when there are several); with --json one object a
 * line: file, url, title, published, author, site, language, text, tables.
 * A file that cannot be read or cleaned is reported and skipped (exit 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "assay.h"
#include "clean.h"
#include "cli.h"
#include "input.h"
#include "log.h"

static const char usage_text[] =
	"usage: assay clean [--json] [--allow-private] [-u URL]... [FILE...]\n"
	"\n"
	"Prints the article text of each HTML page: headings, paragraphs, list\n"
	"items, quotes and table rows (cells joined by \" | \"), one block a\n"
	"paragraph. Page furniture (menus, widgets, related news, comments, ads)\n"
	"is dropped. FILE may be gzip-compressed; '-' reads standard input.\n"
	"An input that is not a page (image, PDF, JSON, binary, empty) is\n"
	"refused by name and counted as failed (exit 1).\n"
	"\n"
	"  --json             one JSON object a line: file, url, title, published,\n"
	"                     author, site, language, text, tables (lists of rows)\n"
	"  -u, --url URL      fetch one page as the crawler would (robots.txt,\n"
	"                     time and size limits, no private addresses)\n"
	"  --allow-private    let -u reach loopback and private addresses\n";

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

static int clean_one(struct cli_input *in, bool json, bool header, bool allow_private)
{
	struct assay_clean_opts o = {0};
	struct assay_doc d;
	int rc = cli_input_read(in, "HTML", allow_private);

	if (rc != ASSAY_OK)
		return rc;
	o.charset = in->charset;
	o.base_url = in->url;
	rc = assay_clean(in->body.data ? in->body.data : "", in->body.len, &o, &d);
	if (rc != ASSAY_OK) {
		assay_err("%s: cannot clean: %s", in->name, assay_strerror(rc));
		return rc;
	}
	if (json) {
		rc = print_json(in->name, &d);
	} else {
		if (header)
			printf("==> %s <==\n", in->name);
		fputs(d.text, stdout);
		putchar('\n');
	}
	assay_doc_release(&d);
	return rc;
}

/* The inputs in the order given: files, "-", and -u URLs. NULL when
 * the arguments are wrong (said why). */
static struct cli_input *parse_args(int argc, char **argv, bool *json, bool *allow_private,
				    int *n)
{
	struct cli_input *in = calloc((size_t)argc, sizeof *in);
	bool opts = true;

	*n = 0;
	for (int i = 1; in && i < argc; i++) {
		const char *a = argv[i];

		if (!opts || a[0] != '-' || !a[1]) {
			in[(*n)++].name = a;
		} else if (strcmp(a, "--") == 0) {
			opts = false;
		} else if (strcmp(a, "--json") == 0) {
			*json = true;
		} else if (strcmp(a, "--allow-private") == 0) {
			*allow_private = true;
		} else if ((strcmp(a, "-u") == 0 || strcmp(a, "--url") == 0) && i + 1 < argc) {
			in[*n].is_url = true;
			in[(*n)++].name = argv[++i];
		} else if (strncmp(a, "--url=", 6) == 0) {
			in[*n].is_url = true;
			in[(*n)++].name = a + 6;
		} else {
			assay_err("clean: %s: %s (see 'assay clean --help')", a,
				  strcmp(a, "-u") == 0 || strcmp(a, "--url") == 0 ? "needs a URL"
										 : "unknown option");
			free(in);
			return NULL;
		}
	}
	if (in && *n == 0) {
		assay_err("clean: no input files (see 'assay clean --help')");
		free(in);
		return NULL;
	}
	return in;
}

int cmd_clean(int argc, char **argv, const struct cli_globals *g)
{
	struct cli_input *in;
	bool json = false, allow_private = false;
	int failed = 0, n;

	(void)g;
	if (cli_wants_help(argc, argv)) {
		fputs(usage_text, stdout);
		return CLI_OK;
	}
	in = parse_args(argc, argv, &json, &allow_private, &n);
	if (!in)
		return CLI_FATAL;
	assay_parse_init();
	for (int i = 0; i < n; i++) {
		if (clean_one(&in[i], json, !json && n > 1, allow_private) != ASSAY_OK)
			failed++;
		cli_input_release(&in[i]);
	}
	free(in);
	if (fflush(stdout) != 0) {
		assay_err("clean: cannot write output");
		return CLI_FATAL;
	}
	if (failed && n > 1)
		assay_err("clean: %d of %d inputs failed", failed, n);
	return failed ? CLI_PARTIAL : CLI_OK;
}
