/* cmd_export.c - `assay export claims|articles|agreements|conflicts
 * --format csv|jsonl [-o FILE]`: the store for researchers.
 *
 * Rows stream out as the store is walked (no table in memory), so an
 * export of a large store costs little memory. CSV follows RFC 4180 (CRLF,
 * quotes doubled) and guards cells against spreadsheet formulas. With -o
 * the file is written beside its final name and renamed at the end, so a
 * failed export never leaves half a file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "buf.h"
#include "log.h"
#include "store.h"
#include "table.h"

static const char export_usage[] =
	"usage: assay export claims|articles|agreements|conflicts --format csv|jsonl [-o FILE]\n";

struct ex {
	FILE *out;
	enum cli_format fmt;
	size_t n;
	struct assay_buf urls; /* the row under way's URLs */
};

/* Every source's URL, space-separated, into @out (reused from row to row:
 * a claim with thousands of sources lists them all). */
static const char *join_urls(const struct assay_source *src, size_t n, struct assay_buf *out)
{
	assay_buf_reset(out);
	for (size_t i = 0; i < n; i++)
		if ((i && assay_buf_putc(out, ' ') != ASSAY_OK) ||
		    assay_buf_puts(out, src[i].url) != ASSAY_OK)
			return NULL;
	return out->data ? out->data : "";
}

static int ex_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	static const char *const head[] = {"id", "state", "subject", "metric", "commodity",
		"period", "status", "place", "value", "value_max", "unit", "qualifier", "per",
		"price_per", "change", "stories", "sources", "urls", "evidence"};
	struct ex *x = ctx;
	char v[48], vm[48] = "", st[24], ns[24];
	const char *urls;
	const char *cells[19];

	if (x->fmt == CLI_FMT_JSONL) {
		cli_json_line(x->out, cli_json_claim(c, src, n));
		return 0;
	}
	if (!x->n++)
		cli_csv_row(x->out, head, 19);
	cli_format_number(c->c.value, v, sizeof v);
	if (c->c.has_max)
		cli_format_number(c->c.value_max, vm, sizeof vm);
	snprintf(st, sizeof st, "%zu", c->nstories);
	snprintf(ns, sizeof ns, "%zu", c->nevidence);
	if (!(urls = join_urls(src, n, &x->urls)))
		return ASSAY_ENOMEM;
	cells[0] = c->id, cells[1] = c->review.state, cells[2] = c->c.subject;
	cells[3] = c->c.metric, cells[4] = c->c.commodity, cells[5] = c->c.period;
	cells[6] = c->c.status, cells[7] = c->c.place, cells[8] = v, cells[9] = vm;
	cells[10] = c->c.unit, cells[11] = c->c.qualifier, cells[12] = c->c.per;
	cells[13] = c->c.price_per, cells[14] = c->c.change, cells[15] = st, cells[16] = ns;
	cells[17] = urls, cells[18] = n ? src[0].evidence : "";
	cli_csv_row(x->out, cells, 19);
	return 0;
}

static int ex_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t n)
{
	static const char *const head[] = {"id", "state", "type", "parties", "status", "topic",
		"stories", "sources", "first_published", "urls", "evidence"};
	struct ex *x = ctx;
	char parties[320] = "", st[24], ns[24];
	const char *urls;
	size_t len = 0;
	const char *cells[11];

	if (x->fmt == CLI_FMT_JSONL) {
		cli_json_line(x->out, cli_json_agreement(a, src, n));
		return 0;
	}
	if (!x->n++)
		cli_csv_row(x->out, head, 11);
	for (int i = 0; i < a->a.nparties && len < sizeof parties; i++)
		len += (size_t)snprintf(parties + len, sizeof parties - len, "%s%s", i ? "+" : "",
					a->a.parties[i]);
	snprintf(st, sizeof st, "%zu", a->nstories);
	snprintf(ns, sizeof ns, "%zu", a->nevidence);
	if (!(urls = join_urls(src, n, &x->urls)))
		return ASSAY_ENOMEM;
	cells[0] = a->id, cells[1] = a->review.state, cells[2] = a->a.type, cells[3] = parties;
	cells[4] = a->a.status, cells[5] = a->a.topic, cells[6] = st, cells[7] = ns;
	cells[8] = a->first_published, cells[9] = urls, cells[10] = n ? src[0].evidence : "";
	cli_csv_row(x->out, cells, 11);
	return 0;
}

static int ex_article(void *ctx, const struct assay_stored_article *a)
{
	static const char *const head[] = {"url", "title", "site", "published", "author",
		"language", "sha256", "story", "fetched_at"};
	struct ex *x = ctx;
	char at[24];
	const char *cells[9];

	if (x->fmt == CLI_FMT_JSONL) {
		cli_json_line(x->out, cli_json_article(a));
		return 0;
	}
	if (!x->n++)
		cli_csv_row(x->out, head, 9);
	snprintf(at, sizeof at, "%lld", (long long)a->fetched_at);
	cells[0] = a->url, cells[1] = a->title, cells[2] = a->site, cells[3] = a->published;
	cells[4] = a->author, cells[5] = a->language, cells[6] = a->sha256, cells[7] = a->story;
	cells[8] = at;
	cli_csv_row(x->out, cells, 9);
	return 0;
}

/* Conflict groups stream member by member: one JSON line per group,
 * written as its members arrive, or one CSV row per member. */
static int ex_group_begin(void *ctx, const struct assay_conflict *g)
{
	static const char *const head[] = {"group", "kind", "subject_or_parties", "metric",
		"commodity", "id", "figure_or_status", "qualifier", "unit", "urls"};
	struct ex *x = ctx;

	if (x->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_begin(x->out, g);
	if (!x->n)
		cli_csv_row(x->out, head, 10);
	x->n++;
	return 0;
}

static int ex_group_member(void *ctx, const struct assay_conflict *g, size_t i,
			   const struct assay_conflict_member *m)
{
	struct ex *x = ctx;
	char grp[24], what[320] = "", fig[64];
	const char *cells[10];
	const char *urls;

	if (x->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_member(x->out, g, i, m);
	if (!(urls = join_urls(m->sources, m->nsources, &x->urls)))
		return ASSAY_ENOMEM;
	snprintf(grp, sizeof grp, "%zu", x->n);
	cells[0] = grp, cells[1] = g->is_agreement ? "agreement" : "claim", cells[9] = urls;
	if (g->is_agreement) {
		size_t len = 0;

		for (int p = 0; p < m->agreement->a.nparties && len < sizeof what; p++)
			len += (size_t)snprintf(what + len, sizeof what - len, "%s%s", p ? "+" : "",
						m->agreement->a.parties[p]);
		cells[2] = what, cells[3] = m->agreement->a.type, cells[4] = m->agreement->a.topic;
		cells[5] = m->agreement->id, cells[6] = m->agreement->a.status;
		cells[7] = "", cells[8] = "";
	} else {
		cli_format_number(m->claim->c.value, fig, sizeof fig);
		cells[2] = m->claim->c.subject, cells[3] = m->claim->c.metric;
		cells[4] = m->claim->c.commodity, cells[5] = m->claim->id, cells[6] = fig;
		cells[7] = m->claim->c.qualifier, cells[8] = m->claim->c.unit;
	}
	cli_csv_row(x->out, cells, 10);
	return 0;
}

static int ex_group_end(void *ctx, const struct assay_conflict *g)
{
	struct ex *x = ctx;

	(void)g;
	if (x->fmt == CLI_FMT_JSONL)
		cli_json_conflict_end(x->out);
	return 0;
}

static int run_export(struct assay_store *s, const char *what, struct ex *x)
{
	if (!strcmp(what, "claims"))
		return assay_store_claims(s, NULL, ex_claim, x);
	if (!strcmp(what, "agreements"))
		return assay_store_agreements(s, NULL, ex_agreement, x);
	if (!strcmp(what, "articles"))
		return assay_store_articles(s, ex_article, x);
	return assay_store_conflicts_stream(s, NULL,
					    &(struct assay_conflict_stream){ex_group_begin,
									    ex_group_member, ex_group_end},
					    x);
}

static int finish_output(struct ex *x, const char *path, const char *tmp, int rc)
{
	if (!path)
		return fflush(stdout) == 0 ? rc : ASSAY_EIO;
	if (fclose(x->out) != 0 && !rc)
		rc = ASSAY_EIO;
	if (!rc && rename(tmp, path) != 0)
		rc = ASSAY_EIO;
	if (rc)
		remove(tmp);
	return rc;
}

int cmd_export(int argc, char **argv, const struct cli_globals *g)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	struct ex x = {.out = stdout, .fmt = CLI_FMT_TABLE};
	const char *path = NULL, *what;
	char tmp[4096];
	struct assay_store *s;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'f': cli_parse_format(optarg, &x.fmt); break;
		case 'o': path = optarg; break;
		case 'h': fputs(export_usage, stdout); return CLI_OK;
		default: fputs(export_usage, stderr); return CLI_FATAL;
		}
	}
	what = optind < argc ? argv[optind] : "";
	if (x.fmt == CLI_FMT_TABLE || (strcmp(what, "claims") && strcmp(what, "articles") &&
				       strcmp(what, "agreements") && strcmp(what, "conflicts"))) {
		assay_err("export: say what (claims, articles, agreements, conflicts) and "
			  "--format csv or jsonl");
		fputs(export_usage, stderr);
		return CLI_FATAL;
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (path) {
		snprintf(tmp, sizeof tmp, "%s.part", path);
		x.out = fopen(tmp, "w");
		if (!x.out) {
			assay_err("export: cannot write '%s': %s", tmp, strerror(errno));
			assay_store_close(s);
			return CLI_FATAL;
		}
	}
	rc = run_export(s, what, &x);
	assay_buf_release(&x.urls);
	if (rc == ASSAY_ENOMEM)
		assay_err("export: out of memory");
	else if (rc)
		assay_err("export: %s", assay_store_errmsg(s));
	rc = finish_output(&x, path, tmp, rc);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
