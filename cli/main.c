/* main.c - assay's entry point: global options, then one subcommand.
 *
 * Only commands that work are in the table; `assay --help` lists them and
 * `assay COMMAND --help` describes each, as the man page does (doc/assay.1.in;
 * the options of a command converted to a table come from cli/options.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "clean.h"
#include "cli.h"
#include "log.h"

static const struct cli_command commands[] = {
	{"crawl", "crawl [--sources FILE] [SOURCE...]   fetch feeds, sitemaps and pages into the store", cmd_crawl},
	{"ingest", "ingest [--jobs N] PATH...           store local HTML, .gz, .txt and WARC files", cmd_ingest},
	{"clean", "clean [--json] FILE...              print the article text of HTML pages", cmd_clean},
	{"extract", "extract [--text] [--lines] FILE...  print mentions, claims and agreements", cmd_extract},
	{"claims", "claims [--subject ID|NAME] [--metric M] [--since DATE] [--state S] [--format F] ...  list stored claims", cmd_claims},
	{"show", "show ID                             a claim with every source and its history", cmd_show},
	{"review", "review ID accept | reject --reason T | correct --value N  record a decision", cmd_review},
	{"conflicts", "conflicts [--subject ID|NAME] [--metric M] [--since DATE] [--open] [--format F] ...  where sources disagree", cmd_conflicts},
	{"list", "list subjects|metrics|commodities   what the stored claims are about, with counts", cmd_list},
	{"export", "export claims|articles|agreements|conflicts --format csv|jsonl [-o FILE]  write claims, articles, agreements or conflicts for analysis", cmd_export},
	{"stats", "stats                               counts, store size, last crawl", cmd_stats},
	{"verify", "verify                              read the whole store and check it, changing nothing", cmd_verify},
	{"reprocess", "reprocess [--jobs N]                re-clean and re-extract stored pages", cmd_reprocess},
	{"serve", "serve [--port N]                    the review pages on 127.0.0.1", cmd_serve},
};

/* A synopsis is "USAGE  DESCRIPTION": the two parts are split at the first
 * run of two spaces and printed in aligned columns, the usage column as
 * wide as the widest usage that fits, a longer one on a line of its own. */
static size_t usage_width(const char *syn)
{
	const char *gap = strstr(syn, "  ");

	return gap ? (size_t)(gap - syn) : strlen(syn);
}

static void print_synopses(FILE *out)
{
	size_t n = sizeof commands / sizeof commands[0], col = 0;

	for (size_t i = 0; i < n; i++) {
		size_t w = usage_width(commands[i].synopsis);
		if (w > col && w <= 40)
			col = w;
	}
	for (size_t i = 0; i < n; i++) {
		const char *syn = commands[i].synopsis, *desc;
		size_t w = usage_width(syn);

		desc = syn + w;
		while (*desc == ' ')
			desc++;
		if (w > col)
			fprintf(out, "  %.*s\n  %*s  %s\n", (int)w, syn, (int)col, "", desc);
		else
			fprintf(out, "  %-*.*s  %s\n", (int)col, (int)w, syn, desc);
	}
}

static void usage(FILE *out)
{
	fputs("usage: assay [--db DIR] [--log FILE] [--quiet] [--verbose] COMMAND [ARGS]\n"
	      "\n"
	      "Reads the mining press: crawls news, keeps the article, extracts every\n"
	      "figure and agreement as sourced claims, and finds where sources disagree.\n"
	      "\n"
	      "commands:\n", out);
	print_synopses(out);
	fputs("\n"
	      "global options (before or after the command):\n"
	      "  --db DIR     the store (default: $ASSAY_DB, else ./assay.lmdb)\n"
	      "  --log FILE   append messages to FILE, stamped; stderr then gets errors\n"
	      "               only, and one line when the run did not succeed (cron)\n"
	      "  --quiet      print errors only: no warnings, no summary\n"
	      "  --verbose    say per page what was done and why\n"
	      "  --help       this text; COMMAND --help (or help COMMAND) describes one\n"
	      "  --version    print the version\n"
	      "\n"
	      "exit status: 0 success, 1 some inputs failed, 2 fatal error\n"
	      "\n"
	      "doc/cli.md: the commands; doc/exports.md: every column of every export\n", out);
}

/* With --log, stderr gets errors only; a run that failed without one
 * (sources that did not answer are warnings) still says so on stderr,
 * once, so that cron mails it. */
static int run_command(const struct cli_command *cmd, int argc, char **argv,
		       const struct cli_globals *g)
{
	int rc;

	if (g->log && assay_log_open(g->log) != ASSAY_OK) {
		assay_err("cannot open log file '%s': %s", g->log, strerror(errno));
		return CLI_FATAL;
	}
	rc = cmd->run(argc, argv, g);
	if (g->log && rc != CLI_OK)
		assay_err("%s: %s (exit status %d); what happened is in %s", cmd->name,
			  rc == CLI_PARTIAL ? "some inputs failed" : "failed", rc, g->log);
	assay_log_close();
	return rc;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

/* One global option at argv[*i]: 1 when it was one (a value taken too),
 * 0 when it is not global, -1 when its value is missing (said). */
static int global_option(int argc, char **argv, int *i, struct cli_globals *g)
{
	const char *a = argv[*i];

	if (strcmp(a, "--db") == 0 || strcmp(a, "--log") == 0) {
		if (*i + 1 >= argc) {
			assay_err("%s: needs a %s", a, a[2] == 'd' ? "folder" : "file");
			return -1;
		}
		*(a[2] == 'd' ? &g->db : &g->log) = argv[++*i];
	} else if (strncmp(a, "--db=", 5) == 0) {
		g->db = a + 5;
	} else if (strncmp(a, "--log=", 6) == 0) {
		g->log = a + 6;
	} else if (strcmp(a, "--quiet") == 0) {
		g->quiet = true;
	} else if (strcmp(a, "--verbose") == 0) {
		g->verbose = true;
	} else {
		return 0;
	}
	return 1;
}

/* Global options after the command ("assay crawl --quiet ...") are taken
 * out of its arguments, up to a "--". Returns the new argc, or -1. */
static int take_global_options(int argc, char **argv, struct cli_globals *g)
{
	int n = 1, i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		int k = global_option(argc, argv, &i, g);

		if (k < 0)
			return -1;
		if (k == 0)
			argv[n++] = argv[i];
	}
	while (i < argc)
		argv[n++] = argv[i++];
	argv[n] = NULL;
	return n;
}

/* Edit distance of two short words, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[32];

	if (la >= 32 || lb >= 32)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

static const struct cli_command *find_command(const char *name)
{
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
		if (strcmp(name, commands[c].name) == 0)
			return &commands[c];
	return NULL;
}

static int unknown_command(const char *name)
{
	const char *best = NULL;
	size_t bd = 3;

	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		size_t d = distance(name, commands[c].name);

		if (d < bd || (strncmp(name, commands[c].name, strlen(name)) == 0 && !best)) {
			bd = d < bd ? d : bd;
			best = commands[c].name;
		}
	}
	if (best)
		assay_err("%s: unknown command; did you mean '%s'? (see 'assay --help')", name, best);
	else
		assay_err("%s: unknown command (see 'assay --help')", name);
	return CLI_FATAL;
}

/* `assay help [COMMAND]`: the same as --help. */
static int help(int argc, char **argv, const struct cli_globals *g)
{
	const struct cli_command *cmd;
	char *args[] = {NULL, "--help", NULL};

	if (argc < 2) {
		usage(stdout);
		return CLI_OK;
	}
	if (!(cmd = find_command(argv[1])))
		return unknown_command(argv[1]);
	args[0] = argv[1];
	return cmd->run(2, args, g);
}

int main(int argc, char **argv)
{
	struct cli_globals g = {0};
	const struct cli_command *cmd;
	int i;

	/* for every command: libxml2 set up once, its messages kept off stderr */
	assay_parse_init();
	g.db = getenv("ASSAY_DB");
	if (!g.db || !*g.db)
		g.db = "assay.lmdb";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		int k = global_option(argc, argv, &i, &g);

		if (k < 0)
			return CLI_FATAL;
		if (k > 0)
			continue;
		if (strcmp(a, "-q") == 0) {
			g.quiet = true;
		} else if (strcmp(a, "-v") == 0) {
			g.verbose = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return CLI_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("assay %s\n", ASSAY_VERSION);
			return CLI_OK;
		} else {
			assay_err("%s: unknown option (see 'assay --help')", a);
			return CLI_FATAL;
		}
	}
	if (i < argc) {
		int n = take_global_options(argc - i, argv + i, &g);

		if (n < 0)
			return CLI_FATAL;
		argc = i + n;
	}
	assay_log_level = g.quiet ? 0 : g.verbose ? 2 : 1;
	if (i >= argc) {
		usage(stderr);
		return CLI_FATAL;
	}
	if (strcmp(argv[i], "help") == 0)
		return help(argc - i, argv + i, &g);
	cmd = find_command(argv[i]);
	return cmd ? run_command(cmd, argc - i, argv + i, &g) : unknown_command(argv[i]);
}
