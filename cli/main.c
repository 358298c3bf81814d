/* main.c - assay's entry point: global options, then one subcommand.
 *
 * Only commands that work are in the table; `assay --help` lists them and
 * `assay COMMAND --help` describes each, as the man page does: all of it
 * is made from the commands' specs in usage.c (options.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "clean.h"
#include "cli.h"
#include "log.h"
#include "options.h"

/* What each command does and takes is its spec's (usage.c); `assay
 * --help` lists them in this order. */
static const struct cli_command commands[] = {
	{"crawl", cmd_crawl}, {"ingest", cmd_ingest}, {"clean", cmd_clean},
	{"extract", cmd_extract}, {"claims", cmd_claims}, {"show", cmd_show},
	{"review", cmd_review}, {"conflicts", cmd_conflicts}, {"list", cmd_list},
	{"export", cmd_export}, {"stats", cmd_stats}, {"verify", cmd_verify},
	{"reprocess", cmd_reprocess}, {"serve", cmd_serve},
};

/* The usage and summary of a command, from its spec. */
static void command_line(const struct cli_command *cmd, char *use, size_t size,
			 const char **desc)
{
	const struct cli_spec *spec = cli_spec_find(cmd->name);

	if (!spec) { /* never: a test runs every command's --help */
		snprintf(use, size, "%s", cmd->name);
		*desc = "";
		return;
	}
	cli_spec_brief(spec, use, size);
	*desc = spec->summary;
}

/* The commands in aligned columns, the usage column as wide as the
 * widest usage that fits, a longer one on a line of its own. */
static void print_synopses(FILE *out)
{
	size_t n = sizeof commands / sizeof commands[0], col = 0;
	char use[256];
	const char *desc;

	for (size_t i = 0; i < n; i++) {
		command_line(&commands[i], use, sizeof use, &desc);
		if (strlen(use) > col && strlen(use) <= 40)
			col = strlen(use);
	}
	for (size_t i = 0; i < n; i++) {
		command_line(&commands[i], use, sizeof use, &desc);
		if (strlen(use) > col)
			fprintf(out, "  %s\n  %*s  %s\n", use, (int)col, "", desc);
		else
			fprintf(out, "  %-*s  %s\n", (int)col, use, desc);
	}
}

static void usage(FILE *out)
{
	cli_spec_usage(out, &cli_global_spec);
	fprintf(out, "\n%s\ncommands:\n", cli_global_spec.about);
	print_synopses(out);
	fputs("\nglobal options (before or after the command):\n", out);
	cli_opts_help(out, cli_global_spec.opts);
	fprintf(out, "\n%s", cli_global_spec.after);
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

/* One global option at argv[*i] (by its table in usage.c): its key
 * ('d', 'l', 'q', 'v', 'h', 'V') when it was one, its value taken too;
 * 0 when it is not global; -1 when its value is missing (said). -h,
 * --help and --version count only @before the command: after it, they
 * are the command's. */
static int global_option(int argc, char **argv, int *i, struct cli_globals *g, bool before)
{
	const char *a = argv[*i], *val = NULL;
	const struct cli_opt *o = NULL;

	if (a[0] == '-' && a[1] == '-') {
		size_t n = strcspn(a + 2, "=");

		o = cli_opt_named(cli_global_spec.opts, a + 2, n);
		if (o && a[2 + n] == '=')
			val = a + 3 + n;
	} else if (a[0] == '-' && a[1] && !a[2]) {
		for (const struct cli_opt *p = cli_global_spec.opts; p->name && !o; p++)
			o = p->letter == a[1] ? p : NULL;
	}
	if (!o || (!before && (o->key == 'h' || o->key == 'V')))
		return 0;
	if (o->arg && !val) {
		if (*i + 1 >= argc) {
			assay_err("--%s needs a value (%s)", o->name, o->arg);
			return -1;
		}
		val = argv[++*i];
	} else if (!o->arg && val) {
		assay_err("--%s takes no value", o->name);
		return -1;
	}
	switch (o->key) {
	case 'd': g->db = val; break;
	case 'l': g->log = val; break;
	case 'q': g->quiet = true; break;
	case 'v': g->verbose = true; break;
	}
	return o->key;
}

/* An option before the command that is no global one: a command's
 * option is said to go after it. */
static int unknown_global(const char *a)
{
	size_t n = strcspn(a + (a[1] == '-' ? 2 : 1), "=");

	for (const struct cli_spec *s = cli_specs; a[1] == '-' && s->command; s++)
		if (cli_opt_named(s->opts, a + 2, n)) {
			assay_err("%s: an option of '%s', not a global one: put it after the "
				  "command ('assay %s %.*s ...')", a, s->command, s->command,
				  (int)(n + 2), a);
			return CLI_FATAL;
		}
	assay_err("%s: unknown option (see 'assay --help')", a);
	return CLI_FATAL;
}

/* Global options after the command ("assay crawl --quiet ...") are taken
 * out of its arguments, up to a "--". Returns the new argc, or -1. */
static int take_global_options(int argc, char **argv, struct cli_globals *g)
{
	int n = 1, i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		int k = global_option(argc, argv, &i, g, false);

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
		size_t d = cli_distance(name, commands[c].name);

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
		g.db = cli_opt_named(cli_global_spec.opts, "db", 2)->dflt;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		int k = global_option(argc, argv, &i, &g, true);

		if (k < 0)
			return CLI_FATAL;
		if (k == 'h') {
			usage(stdout);
			return CLI_OK;
		}
		if (k == 'V') {
			printf("assay %s\n", ASSAY_VERSION);
			return CLI_OK;
		}
		if (k == 0)
			return unknown_global(argv[i]);
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
