/* cmd_list.c - `assay list subjects|metrics|commodities`: what the
 * store's claims are about, each with its number of claims, so a
 * researcher knows what --subject, --metric and --commodity can take.
 *
 * Only the claims table is read (no sources), once. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "filter.h"
#include "log.h"
#include "options.h"
#include "rows.h"
#include "store.h"
#include "table.h"

static json_t *count_json(const struct cli_key_counts *kc, size_t i)
{
	const char *name = kc->field == CLI_KEY_SUBJECT ? cli_subject_name(kc->v[i].key) : NULL;

	return json_pack("{s:s, s:s?, s:I}", "id", kc->v[i].key, "name", name, "claims",
			 (json_int_t)kc->v[i].claims);
}

static int print_counts(const struct cli_key_counts *kc, enum cli_format fmt)
{
	static const char *const named_head[] = {"id", "name", "claims"};
	static const char *const plain_head[] = {"id", "claims"};
	bool named = kc->field == CLI_KEY_SUBJECT;
	struct cli_table t;
	int rc = 0;

	if (fmt == CLI_FMT_JSONL) {
		for (size_t i = 0; i < kc->n; i++)
			cli_json_line(stdout, count_json(kc, i));
		return 0;
	}
	cli_table_init(&t, named ? 3 : 2, named ? named_head : plain_head);
	for (size_t i = 0; i < kc->n && !rc; i++) {
		const char *name = named ? cli_subject_name(kc->v[i].key) : NULL;
		const char *cells[3];
		char n[24];

		snprintf(n, sizeof n, "%zu", kc->v[i].claims);
		cells[0] = kc->v[i].key;
		cells[1] = named ? (name ? name : "") : n;
		cells[2] = n;
		rc = cli_table_add(&t, cells);
	}
	if (!rc)
		cli_table_print(&t, stdout, fmt);
	cli_table_release(&t);
	return rc;
}

/* --format, the one option (usage.c). */
static int take_format(void *ctx, int c, const char *v)
{
	if (c != 'f')
		return 1;
	if (!cli_parse_format(v, ctx)) {
		assay_err("list: --format %s: use table, csv or jsonl", v);
		return -1;
	}
	return 0;
}

int cmd_list(int argc, char **argv, const struct cli_globals *g)
{
	static const char *const what[] = {"subjects", "metrics", "commodities"};
	struct cli_key_counts kc = {0};
	enum cli_format fmt = CLI_FMT_TABLE;
	struct assay_store *s;
	size_t w;
	int rc;

	if (!cli_parse("list", argc, argv, take_format, &fmt, &rc))
		return rc;
	for (w = 0; w < 3 && (optind >= argc || strcmp(argv[optind], what[w])); w++)
		;
	if (w == 3 || optind + 1 != argc) {
		assay_err("list: say what: subjects, metrics or commodities (see 'assay list "
			  "--help')");
		return CLI_FATAL;
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	kc.field = (enum cli_key_field)w;
	rc = cli_count_keys(s, &kc);
	if (rc == ASSAY_ENOMEM)
		assay_err("list: out of memory");
	else if (rc)
		assay_err("list: %s", assay_store_errmsg(s));
	else if (print_counts(&kc, fmt))
		rc = ASSAY_ENOMEM, assay_err("list: out of memory");
	free(kc.v);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
