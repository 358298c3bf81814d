/* cmd_claims.c - `assay claims`: the stored claims, filtered (filter.h),
 * as a table for people, the tidy CSV of rows.h or JSON Lines.
 *
 * The table's claims are collected then sorted by subject, metric and
 * value, so the figures of one key sit together whatever order the store
 * keeps them in; CSV and JSON Lines stream in the store's order, and CSV
 * is byte for byte `export claims --format csv` with the same filters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "filter.h"
#include "log.h"
#include "rows.h"
#include "store.h"
#include "table.h"
#include "vocab.h"

static const char *const claim_head[] = {"id", "state", "subject", "metric", "commodity",
	"value", "qualifier", "period", "status", "place", "stories", "sources", "evidence"};
#define NCOLS (sizeof claim_head / sizeof claim_head[0])

struct row {
	struct assay_stored_claim c;
	char evidence[256];
	size_t nsources;
};

struct collect {
	enum cli_format fmt;
	struct row *rows;
	size_t n, cap;
};

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	struct collect *k = ctx;

	if (k->fmt == CLI_FMT_JSONL) {
		cli_json_line(stdout, cli_json_claim(c, src, n));
		return 0;
	}
	if (k->fmt == CLI_FMT_CSV) {
		cli_rows_claim(stdout, NULL, c, src, n);
		return 0;
	}
	if (assay_array_reserve(&k->rows, &k->cap, k->n + 1, sizeof *k->rows))
		return ASSAY_ENOMEM;
	k->rows[k->n].c = *c;
	k->rows[k->n].nsources = c->nevidence;
	snprintf(k->rows[k->n].evidence, sizeof k->rows[k->n].evidence, "%.*s",
		 (int)sizeof k->rows[k->n].evidence - 1, n ? src[0].evidence : "");
	k->n++;
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	const struct assay_stored_claim *x = &((const struct row *)a)->c;
	const struct assay_stored_claim *y = &((const struct row *)b)->c;
	int d = strcmp(x->c.subject, y->c.subject);

	if (!d)
		d = strcmp(x->c.metric, y->c.metric);
	if (!d)
		d = strcmp(x->c.commodity, y->c.commodity);
	if (!d)
		d = (x->c.value > y->c.value) - (x->c.value < y->c.value);
	return d;
}

static void print_rows(struct collect *k)
{
	struct cli_table t;

	qsort(k->rows, k->n, sizeof *k->rows, cmp_row);
	cli_table_init(&t, NCOLS, claim_head);
	for (size_t i = 0; i < k->n; i++) {
		const struct assay_stored_claim *c = &k->rows[i].c;
		char fig[192], stories[24], srcs[24], subject[128];
		const char *name = cli_subject_name(c->c.subject);
		const char *cells[NCOLS];

		cli_format_figure(c->c.value, c->c.value_max, c->c.has_max, c->c.unit, fig,
				  sizeof fig);
		if (assay_review_state_is(c->review.state, ASSAY_REVIEW_CORRECTED) &&
		    c->review.has_value) {
			char fixed[96];
			size_t len = strlen(fig);

			cli_format_figure(c->review.value, 0, false,
					  c->review.unit[0] ? c->review.unit : c->c.unit, fixed,
					  sizeof fixed);
			snprintf(fig + len, sizeof fig - len, " -> %s", fixed);
		}
		snprintf(subject, sizeof subject, name ? "%s (%s)" : "%s", c->c.subject, name);
		snprintf(stories, sizeof stories, "%zu", c->nstories);
		snprintf(srcs, sizeof srcs, "%zu", k->rows[i].nsources);
		cells[0] = c->id, cells[1] = c->review.state, cells[2] = subject;
		cells[3] = c->c.metric, cells[4] = c->c.commodity, cells[5] = fig;
		cells[6] = c->c.qualifier, cells[7] = c->c.period, cells[8] = c->c.status;
		cells[9] = c->c.place, cells[10] = stories, cells[11] = srcs;
		cells[12] = k->rows[i].evidence;
		if (cli_table_add(&t, cells))
			break;
	}
	cli_table_print(&t, stdout, k->fmt);
	cli_table_release(&t);
}

/* The options (usage.c): the filters and --format. */
struct claims_args {
	struct assay_claim_filter f;
	enum cli_format fmt;
	bool open;
};

static int take(void *ctx, int c, const char *v)
{
	struct claims_args *a = ctx;
	int took = cli_filter_option(c, v, "claims", &a->f, &a->open);

	if (took)
		return took < 0 ? -1 : 0;
	if (c != 'f')
		return 1;
	if (!cli_parse_format(v, &a->fmt)) {
		assay_err("claims: --format %s: use table, csv or jsonl", v);
		return -1;
	}
	return 0;
}

int cmd_claims(int argc, char **argv, const struct cli_globals *g)
{
	struct claims_args a = {0};
	struct collect k = {CLI_FMT_TABLE, NULL, 0, 0};
	struct assay_claim_filter f;
	struct assay_store *s;
	bool open;
	int rc;

	if (!cli_parse("claims", argc, argv, take, &a, &rc))
		return rc;
	f = a.f, open = a.open, k.fmt = a.fmt;
	if (cli_filter_open_items("claims", &f, open))
		return CLI_FATAL;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (cli_filter_resolve(s, "claims", &f)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
	if (k.fmt == CLI_FMT_CSV)
		cli_rows_head(stdout, CLI_ROWS_PLAIN);
	rc = assay_store_claims(s, &f, on_claim, &k);
	if (rc)
		assay_err("claims: %s", assay_store_errmsg(s));
	else if (k.fmt == CLI_FMT_TABLE)
		print_rows(&k);
	free(k.rows);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
