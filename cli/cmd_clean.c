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
#include "options.h"

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

/* The inputs in the order given: files, "-", and -u URLs. */
struct clean_args {
	struct cli_input *in; /* room for one an argument */
	int n;
	bool json, allow_private;
};

static int take(void *ctx, int c, const char *v)
{
	struct clean_args *a = ctx;

	switch (c) {
	case 'u': a->in[a->n].is_url = true; /* fall through */
	case CLI_OPERAND: a->in[a->n++].name = v; return 0;
	case 'j': a->json = true; return 0;
	case 'p': a->allow_private = true; return 0;
	default: return 1;
	}
}

int cmd_clean(int argc, char **argv, const struct cli_globals *g)
{
	struct clean_args a = {.in = calloc((size_t)argc, sizeof *a.in)};
	int failed = 0, rc;

	(void)g;
	if (!a.in) {
		assay_err("clean: out of memory");
		return CLI_FATAL;
	}
	if (!cli_parse("clean", argc, argv, take, &a, &rc)) {
		free(a.in);
		return rc;
	}
	if (a.n == 0) {
		assay_err("clean: no input files (see 'assay clean --help')");
		free(a.in);
		return CLI_FATAL;
	}
	assay_parse_init();
	for (int i = 0; i < a.n; i++) {
		if (clean_one(&a.in[i], a.json, !a.json && a.n > 1, a.allow_private) != ASSAY_OK)
			failed++;
		cli_input_release(&a.in[i]);
	}
	free(a.in);
	if (fflush(stdout) != 0) {
		assay_err("clean: cannot write output");
		return CLI_FATAL;
	}
	if (failed && a.n > 1)
		assay_err("clean: %d of %d inputs failed", failed, a.n);
	return failed ? CLI_PARTIAL : CLI_OK;
}
