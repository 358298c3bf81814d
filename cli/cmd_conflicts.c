/* cmd_conflicts.c - `assay conflicts`: every conflict group with its
 * sources. A claim group is every distinct figure of one key; an agreement
 * group is every status of one set of parties, in publication order.
 *
 * The table prints one line a figure or status, grouped under a numbered
 * heading line, so people read down a group. */
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "filter.h"
#include "log.h"
#include "rows.h"
#include "store.h"
#include "table.h"

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

/* The options (usage.c): the filters, --format and the story flags. */
struct conflicts_args {
	struct assay_claim_filter f;
	enum cli_format fmt;
};

static int take(void *ctx, int c, const char *v)
{
	struct conflicts_args *a = ctx;
	int took = cli_filter_option(c, v, "conflicts", &a->f, &a->f.open);

	if (took)
		return took < 0 ? -1 : 0;
	switch (c) {
	case 'w': a->f.stories = ASSAY_GROUPS_WITHIN; return 0;
	case 'a': a->f.stories = ASSAY_GROUPS_ANY; return 0;
	case 'f':
		if (cli_parse_format(v, &a->fmt))
			return 0;
		assay_err("conflicts: --format %s: use table, csv or jsonl", v);
		return -1;
	default: return 1;
	}
}

int cmd_conflicts(int argc, char **argv, const struct cli_globals *g)
{
	struct conflicts_args a = {0};
	struct assay_claim_filter f;
	struct out o = {.fmt = CLI_FMT_TABLE};
	struct assay_store *s;
	int rc;

	if (!cli_parse("conflicts", argc, argv, take, &a, &rc))
		return rc;
	f = a.f, o.fmt = a.fmt;
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
