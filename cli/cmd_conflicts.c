/* cmd_conflicts.c - `assay conflicts`: every conflict group with its
 * sources. A claim group is every distinct figure of one key; an agreement
 * group is every status of one set of parties, in publication order.
 *
 * The table prints one line a figure or status, grouped under a numbered
 * heading line, so people read down a group. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "filter.h"
#include "log.h"
#include "rows.h"
#include "store.h"
#include "table.h"

static const char conflicts_usage[] =
	"usage: assay conflicts [--format table|csv|jsonl] [--subject ID] [--metric M]\n"
	"                       [--commodity C] [--since DATE] [--until DATE]\n"
	"                       [--min-stories N] [--state S] [--open]\n"
	"                       [--within-story | --any-story]\n"
	"\n"
	"Lists where sources disagree: figures of one key whose intervals do not\n"
	"meet, and agreements between the same parties with contradicting statuses.\n"
	"A group needs sources from two or more stories; --within-story lists the\n"
	"stories that contradict themselves instead, --any-story both. A group is\n"
	"resolved when editors kept one figure and rejected the others; --open\n"
	"leaves resolved groups out. CSV columns: doc/exports.md.\n"
	"\n";

static const char *const head[] = {"group", "kind", "what", "figure / status", "id",
	"stories", "first source", "evidence"};
#define NCOLS (sizeof head / sizeof head[0])

struct out {
	enum cli_format fmt;
	struct cli_table t;
	size_t ngroups;
	char what[256];    /* the group under way */
	struct cli_rows_group grp; /* its own cells */
};

static void what_of(const struct assay_conflict *g, char *out, size_t size)
{
	if (g->is_agreement) {
		const struct assay_agreement *a = &g->members[0].agreement->a;
		size_t n = 0;

		out[0] = '\0';
		for (int i = 0; i < a->nparties && n < size; i++)
			n += (size_t)snprintf(out + n, size - n, "%s%s", i ? "+" : "", a->parties[i]);
	} else {
		const struct assay_claim *c = &g->members[0].claim->c;
		const char *name = cli_subject_name(c->subject);

		snprintf(out, size, "%s%s%s%s %s%s%s%s%s", c->subject, name ? " (" : "",
			 name ? name : "", name ? ")" : "", c->metric, c->commodity[0] ? " " : "",
			 c->commodity, c->period[0] ? " " : "", c->period);
	}
}

static int add_member(struct out *o, const struct assay_conflict *g,
		      const struct assay_conflict_member *m)
{
	char num[24], fig[128], stories[24], first[640];
	const char *cells[NCOLS];
	const struct assay_source *s0 = m->nsources ? &m->sources[0] : NULL;

	snprintf(num, sizeof num, "%zu", o->ngroups);
	if (g->is_agreement) {
		snprintf(fig, sizeof fig, "%s (%s)", m->agreement->a.status, m->agreement->a.type);
		snprintf(stories, sizeof stories, "%zu", m->agreement->nstories);
	} else {
		char f[96];

		cli_format_figure(m->claim->c.value, m->claim->c.value_max, m->claim->c.has_max,
				  m->claim->c.unit, f, sizeof f);
		snprintf(fig, sizeof fig, "%s %s", m->claim->c.qualifier, f);
		snprintf(stories, sizeof stories, "%zu", m->claim->nstories);
	}
	snprintf(first, sizeof first, "%s %s", s0 && s0->published[0] ? s0->published : "undated",
		 s0 ? s0->url : "");
	cells[0] = num, cells[1] = g->is_agreement ? "agreement" : "claim", cells[2] = o->what;
	cells[3] = fig, cells[4] = g->is_agreement ? m->agreement->id : m->claim->id;
	cells[5] = stories, cells[6] = first, cells[7] = s0 ? s0->evidence : "";
	return cli_table_add(&o->t, cells);
}

/* Groups arrive member by member (assay_store_conflicts_stream): JSON
 * Lines and CSV (the tidy rows of rows.h, as `export conflicts` writes
 * them) are written as they come, table rows collected. */
static int on_begin(void *ctx, const struct assay_conflict *g)
{
	struct out *o = ctx;

	o->ngroups++;
	if (o->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_begin(stdout, g);
	cli_rows_group_init(&o->grp, g);
	what_of(g, o->what, sizeof o->what);
	if (g->resolved)
		strncat(o->what, " (resolved)", sizeof o->what - strlen(o->what) - 1);
	return 0;
}

static int on_member(void *ctx, const struct assay_conflict *g, size_t i,
		     const struct assay_conflict_member *m)
{
	struct out *o = ctx;

	if (o->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_member(stdout, g, i, m);
	if (o->fmt == CLI_FMT_CSV) {
		if (g->is_agreement)
			cli_rows_agreement(stdout, &o->grp, m->agreement, m->sources,
					   m->nsources);
		else
			cli_rows_claim(stdout, &o->grp, m->claim, m->sources, m->nsources);
		return 0;
	}
	return add_member(o, g, m);
}

static int on_end(void *ctx, const struct assay_conflict *g)
{
	struct out *o = ctx;

	(void)g;
	if (o->fmt == CLI_FMT_JSONL)
		cli_json_conflict_end(stdout);
	return 0;
}

int cmd_conflicts(int argc, char **argv, const struct cli_globals *g)
{
	static const struct option opts[] = {CLI_FILTER_OPTIONS,
		{"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
		{"within-story", no_argument, NULL, 'w'}, {"any-story", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0}};
	struct assay_claim_filter f = {0};
	struct out o = {.fmt = CLI_FMT_TABLE};
	struct assay_store *s;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		int took = cli_filter_option(c, optarg, "conflicts", &f, &f.open);

		if (took < 0)
			return CLI_FATAL;
		if (took)
			continue;
		switch (c) {
		case 'w': f.stories = ASSAY_GROUPS_WITHIN; break;
		case 'a': f.stories = ASSAY_GROUPS_ANY; break;
		case 'f':
			if (!cli_parse_format(optarg, &o.fmt)) {
				assay_err("conflicts: --format %s: use table, csv or jsonl", optarg);
				return CLI_FATAL;
			}
			break;
		case 'h':
			fputs(conflicts_usage, stdout);
			fputs(cli_filter_usage, stdout);
			return CLI_OK;
		default: fputs(conflicts_usage, stderr); return CLI_FATAL;
		}
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (cli_filter_resolve(s, "conflicts", &f)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
	cli_table_init(&o.t, NCOLS, head);
	if (o.fmt == CLI_FMT_CSV)
		cli_rows_head(stdout, CLI_ROWS_CONFLICT);
	rc = assay_store_conflicts_stream(s, &f, &(struct assay_conflict_stream){on_begin, on_member,
									 on_end},
					  &o);
	if (rc == ASSAY_ENOMEM)
		assay_err("conflicts: out of memory");
	else if (rc)
		assay_err("conflicts: %s", assay_store_errmsg(s));
	else if (o.fmt == CLI_FMT_TABLE)
		cli_table_print(&o.t, stdout, o.fmt);
	cli_table_release(&o.t);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
