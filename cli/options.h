/* options.h - a command's options, defined once: the table that getopt
 * reads, the option lines of its --help and its man page entry are all
 * made from it (options.c; gen_man.c writes doc/assay.1 from
 * doc/assay.1.in at build time). A default is written once, in the help
 * text of its option. */
#ifndef ASSAY_CLI_OPTIONS_H
#define ASSAY_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

struct cli_opt {
	const char *name; /* the long name without "--"; NULL ends a table */
	int key;          /* what getopt_long returns for it */
	const char *arg;  /* the value's name ("FILE"), or NULL for a flag */
	const char *help; /* its lines for --help, '\n' between them */
};

#define CLI_MAX_OPTS 40 /* options of one command at most */

/* Every command converted to a table, by name, for gen_man.c. */
struct cli_opt_table {
	const char *command;
	const struct cli_opt *opts;
	const char *operands; /* after the options in a synopsis ("[SOURCE...]") */
};
extern const struct cli_opt_table cli_opt_tables[];

extern const struct cli_opt cli_crawl_opts[];

/* The number of options in @opts. */
size_t cli_opts_count(const struct cli_opt *opts);
/* getopt_long's table for @opts with --help ('h') added: @out has room
 * for CLI_MAX_OPTS + 2 entries (a test checks every table fits). */
void cli_opts_getopt(const struct cli_opt *opts, struct option *out);
/* The option lines of --help: "  --name ARG" and the help text in a
 * column, its further lines under it. */
void cli_opts_help(FILE *out, const struct cli_opt *opts);
/* The man page: the synopsis line of @t's entry (".TP" not included),
 * and one ".TP" item an option (roff, '-' escaped). */
void cli_opts_man_synopsis(FILE *out, const struct cli_opt_table *t);
void cli_opts_man_items(FILE *out, const struct cli_opt_table *t);

#endif
