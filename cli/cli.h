/* cli.h - the assay command line: global options and the command table.
 *
 * cli/ is the only place that prints. Each command lives in its own
 * cmd_<name>.c and is run with the arguments after its name. Exit status:
 * 0 success, 1 partial failure (some inputs failed), 2 fatal. */
#ifndef ASSAY_CLI_H
#define ASSAY_CLI_H

#include <stdbool.h>
#include <stdio.h>

struct cli_globals {
	const char *db;   /* --db, $ASSAY_DB, else ./assay.lmdb */
	const char *log;  /* --log FILE, or NULL */
	bool quiet, verbose;
};

struct cli_command {
	const char *name; /* its spec (usage.c) says what it takes */
	int (*run)(int argc, char **argv, const struct cli_globals *g);
};

enum { CLI_OK = 0, CLI_PARTIAL = 1, CLI_FATAL = 2 };

/* Commands, one per cmd_<name>.c. */
int cmd_clean(int argc, char **argv, const struct cli_globals *g);
int cmd_extract(int argc, char **argv, const struct cli_globals *g);
int cmd_crawl(int argc, char **argv, const struct cli_globals *g);
int cmd_ingest(int argc, char **argv, const struct cli_globals *g);
int cmd_stats(int argc, char **argv, const struct cli_globals *g);
int cmd_claims(int argc, char **argv, const struct cli_globals *g);
int cmd_show(int argc, char **argv, const struct cli_globals *g);
int cmd_review(int argc, char **argv, const struct cli_globals *g);
int cmd_conflicts(int argc, char **argv, const struct cli_globals *g);
int cmd_export(int argc, char **argv, const struct cli_globals *g);
int cmd_reprocess(int argc, char **argv, const struct cli_globals *g);
int cmd_serve(int argc, char **argv, const struct cli_globals *g);
int cmd_list(int argc, char **argv, const struct cli_globals *g);
int cmd_verify(int argc, char **argv, const struct cli_globals *g);
/* The editor who decides: @*editor (from --editor) or else $ASSAY_EDITOR;
 * stays NULL when neither is set (the store then records $USER). Returns
 * 0, or -1 after saying why the name cannot be kept (cmd_review.c). */
int cli_editor(const char **editor);
/* `assay review --next`: the interactive walk of the claims @f keeps
 * (cmd_review_next.c); @editor as cli_editor() takes it. */
struct assay_review_filter;
int cmd_review_next(const struct assay_review_filter *f, const char *editor,
		    const struct cli_globals *g);

#endif
