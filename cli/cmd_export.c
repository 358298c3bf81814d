/* cmd_export.c - `assay export claims|articles|agreements|conflicts
 * --format csv|jsonl [-o FILE]`: the store for researchers.
 *
 * Rows stream out as the store is walked (no table in memory), so an
 * export of a large store costs little memory. CSV is the tidy table of
 * rows.h (one record per figure x source), follows RFC 4180 (CRLF, quotes
 * doubled) and guards cells against spreadsheet formulas. With -o
 * the file is written beside its final name and renamed at the end, so a
 * failed export never leaves half a file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "assay.h"
#include "filter.h"
#include "log.h"
#include "rows.h"
#include "store.h"
#include "table.h"

struct ex {
	FILE *out;
	enum cli_format fmt;
	struct cli_rows_group grp; /* the group under way */
	struct assay_claim_filter f; /* conflicts: which groups */
};

static int ex_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	struct ex *x = ctx;

	if (x->fmt == CLI_FMT_JSONL)
		cli_json_line(x->out, cli_json_claim(c, src, n));
	else
		cli_rows_claim(x->out, NULL, c, src, n);
	return 0;
}

static int ex_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t n)
{
	struct ex *x = ctx;

	if (x->fmt == CLI_FMT_JSONL)
		cli_json_line(x->out, cli_json_agreement(a, src, n));
	else
		cli_rows_agreement(x->out, NULL, a, src, n);
	return 0;
}

static const char *const article_head[] = {"url", "title", "site", "published", "author",
	"language", "sha256", "story", "fetched_at"};

static int ex_article(void *ctx, const struct assay_stored_article *a)
{
	struct ex *x = ctx;
	char at[32], title[256], site[128], author[128];
	const char *cells[9];

	if (x->fmt == CLI_FMT_JSONL) {
		cli_json_line(x->out, cli_json_article(a));
		return 0;
	}
	cli_iso_time(a->fetched_at, at, sizeof at);
	cli_tidy_text(a->title, title, sizeof title);
	cli_tidy_text(a->site, site, sizeof site);
	cli_tidy_text(a->author, author, sizeof author);
	cells[0] = a->url, cells[1] = title, cells[2] = site, cells[3] = a->published;
	cells[4] = author, cells[5] = a->language, cells[6] = a->sha256, cells[7] = a->story;
	cells[8] = at;
	cli_csv_row(x->out, cells, 9);
	return 0;
}

/* Conflict groups stream member by member: one JSON line per group,
 * written as its members arrive, or one CSV record per member and source
 * (rows.h), the same as `assay conflicts --format csv`. */
static int ex_group_begin(void *ctx, const struct assay_conflict *g)
{
	struct ex *x = ctx;

	if (x->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_begin(x->out, g);
	cli_rows_group_init(&x->grp, g);
	return 0;
}

static int ex_group_member(void *ctx, const struct assay_conflict *g, size_t i,
			   const struct assay_conflict_member *m)
{
	struct ex *x = ctx;

	if (x->fmt == CLI_FMT_JSONL)
		return cli_json_conflict_member(x->out, g, i, m);
	if (g->is_agreement)
		cli_rows_agreement(x->out, &x->grp, m->agreement, m->sources, m->nsources);
	else
		cli_rows_claim(x->out, &x->grp, m->claim, m->sources, m->nsources);
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

/* CSV starts with its header even when no row follows, so an empty
 * result still names its columns. */
static int run_export(struct assay_store *s, const char *what, struct ex *x)
{
	if (x->fmt == CLI_FMT_CSV) {
		if (!strcmp(what, "articles"))
			cli_csv_row(x->out, article_head, 9);
		else
			cli_rows_head(x->out, strcmp(what, "conflicts") ? CLI_ROWS_PLAIN
									: CLI_ROWS_CONFLICT);
	}
	if (!strcmp(what, "claims"))
		return assay_store_claims(s, &x->f, ex_claim, x);
	if (!strcmp(what, "agreements"))
		return assay_store_agreements(s, &x->f, ex_agreement, x);
	if (!strcmp(what, "articles"))
		return assay_store_articles(s, ex_article, x);
	return assay_store_conflicts_stream(s, &x->f,
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
	if (!rc && tmp[0] && rename(tmp, path) != 0)
		rc = ASSAY_EIO;
	if (rc)
		remove(tmp);
	return rc;
}

/* The options (usage.c), before the export. */
struct export_args {
	struct ex *x;
	const char *path;
	bool groups; /* a flag that only conflicts take */
	bool filtered, open;
};

static int take(void *ctx, int c, const char *v)
{
	struct export_args *a = ctx;
	int took = cli_filter_option(c, v, "export", &a->x->f, &a->open);

	if (took) {
		a->filtered = true;
		return took < 0 ? -1 : 0;
	}
	switch (c) {
	case 'f': cli_parse_format(v, &a->x->fmt); return 0; /* checked after */
	case 'o': a->path = v; return 0;
	case 'w': a->x->f.stories = ASSAY_GROUPS_WITHIN, a->groups = true; return 0;
	case 'a': a->x->f.stories = ASSAY_GROUPS_ANY, a->groups = true; return 0;
	default: return 1;
	}
}

int cmd_export(int argc, char **argv, const struct cli_globals *g)
{
	struct ex x = {.out = stdout, .fmt = CLI_FMT_TABLE};
	struct export_args a = {.x = &x};
	bool groups, filtered, open;
	const char *path, *what;
	char tmp[4096];
	struct assay_store *s;
	int rc;

	if (!cli_parse("export", argc, argv, take, &a, &rc))
		return rc;
	path = a.path, groups = a.groups, filtered = a.filtered, open = a.open;
	what = optind < argc ? argv[optind] : "";
	if (x.fmt == CLI_FMT_TABLE || (strcmp(what, "claims") && strcmp(what, "articles") &&
				       strcmp(what, "agreements") && strcmp(what, "conflicts"))) {
		assay_err("export: say what (claims, articles, agreements, conflicts) and "
			  "--format csv or jsonl (see 'assay export --help')");
		return CLI_FATAL;
	}
	if (groups && strcmp(what, "conflicts")) {
		assay_err("export: --within-story and --any-story apply to conflicts only");
		return CLI_FATAL;
	}
	if (filtered && !strcmp(what, "articles")) {
		assay_err("export: articles take no filter; filter claims, agreements or conflicts");
		return CLI_FATAL;
	}
	if (!strcmp(what, "conflicts"))
		x.f.open = open;
	else if (cli_filter_open_items("export", &x.f, open))
		return CLI_FATAL;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (cli_filter_resolve(s, "export", &x.f)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
	tmp[0] = '\0';
	if (path) {
		struct stat st;
		/* "-o /dev/null", a FIFO: written in place, never renamed over */
		bool special = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
		if (!special)
			snprintf(tmp, sizeof tmp, "%s.part", path);
		x.out = fopen(special ? path : tmp, "w");
		if (!x.out) {
			assay_err("export: cannot write '%s': %s", tmp[0] ? tmp : path,
				  strerror(errno));
			assay_store_close(s);
			return CLI_FATAL;
		}
	}
	rc = run_export(s, what, &x);
	if (rc == ASSAY_ENOMEM)
		assay_err("export: out of memory");
	else if (rc)
		assay_err("export: %s", assay_store_errmsg(s));
	rc = finish_output(&x, path, tmp, rc);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
