/* options.h - a command's options, defined once.
 *
 * Each command has one spec (usage.c): its synopsis, what --help says and
 * a table of its options with their defaults. Everything a user reads or
 * getopt takes is made from it: getopt_long's table and short options,
 * the command's --help, the line of `assay --help`, and its synopsis and
 * option list in the man page (gen_man.c writes doc/assay.1 from
 * doc/assay.1.in at build time). A default is written once, in the
 * table: cli_opts_parse() hands it to the command as if it were typed,
 * and --help and the man page print it. */
#ifndef ASSAY_CLI_OPTIONS_H
#define ASSAY_CLI_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cli_opt {
	const char *name;  /* the long name without "--"; NULL ends a table */
	int key;           /* what the command's take() is given for it */
	const char *arg;   /* the value's name ("FILE"), or NULL for a flag */
	const char *help;  /* its lines for --help, '\n' between them */
	const char *dflt;  /* the default as one would type it, or NULL */
	char letter;       /* its short form ('u' for -u), or 0 */
};

#define CLI_MAX_OPTS 40 /* options of one command at most */

/* The keys of the listing filters of claims, conflicts and export
 * (filter.h takes them); other keys are a command's own letters. */
enum {
	CLI_OPT_SUBJECT = 0x100, CLI_OPT_METRIC, CLI_OPT_COMMODITY, CLI_OPT_SINCE,
	CLI_OPT_UNTIL, CLI_OPT_MIN_STORIES, CLI_OPT_STATE, CLI_OPT_OPEN
};

struct cli_spec {
	const char *command;  /* "crawl" */
	const char *summary;  /* what it does, for `assay --help` */
	/* What follows "assay COMMAND" in a synopsis, one form a line ('\n'
	 * between); "[OPTIONS]" in it stands for the options: --help keeps
	 * the word, the man page names each. Every option of the table is
	 * in it, by name or by "[OPTIONS]" (a test checks). */
	const char *usage;
	const char *about;    /* --help's text between the usage and the options */
	const struct cli_opt *opts;
	const char *after;    /* --help's text after the options, or NULL */
	int in_order;         /* operands reach take() as CLI_OPERAND, in order */
	const char *brief;    /* `assay --help`'s usage, when not the first form */
};

/* Every command's spec, by name; NULL ends it (usage.c). */
extern const struct cli_spec cli_specs[];
/* The global options (--db, --log, ...), as a spec named "assay". */
extern const struct cli_spec cli_global_spec;

/* The spec of @command, or NULL. */
const struct cli_spec *cli_spec_find(const char *command);
/* The number of options in @opts. */
size_t cli_opts_count(const struct cli_opt *opts);
/* The option named @name (without "--"), or NULL. */
const struct cli_opt *cli_opt_named(const struct cli_opt *opts, const char *name, size_t n);

/* True when @spec's usage has operands (words no option takes): without
 * them, cli_opts_parse() refuses an argument that is no option. */
bool cli_spec_operands(const struct cli_spec *spec);

/* What take() is given for an operand of an in_order spec. */
#define CLI_OPERAND 1

/* Called for each default (with the option's key and default), then for
 * each option given; returns 0, -1 after saying why the value is
 * refused, or 1 for a key it does not know (a bug: reported as such). */
typedef int (*cli_take_fn)(void *ctx, int key, const char *val);

/* Parses @argv (argv[0] the command's name) by @spec: defaults first, then
 * the options in the order given; --help prints the command's help and
 * stops. Returns 0 with optind at the first operand (permuted after the
 * options; for an in_order spec every operand has been handed to take();
 * a spec without operands refuses any),
 * CLI_PARSE_HELP when help was printed, or CLI_PARSE_FAIL after saying
 * what was wrong ("did you mean --since?" for a near option name). */
enum { CLI_PARSE_HELP = -1, CLI_PARSE_FAIL = -2 };
int cli_opts_parse(const struct cli_spec *spec, int argc, char **argv, cli_take_fn take,
		   void *ctx);

/* cli_opts_parse() by the spec of @command: true to go on (*status 0),
 * else false with *status the command's exit status (0 after --help, 2
 * after an error, said). */
bool cli_parse(const char *command, int argc, char **argv, cli_take_fn take, void *ctx,
	      int *status);

/* getopt_long's table for @opts with --help ('h') added: @out has room
 * for CLI_MAX_OPTS + 2 entries (gen_man and a test check every table
 * fits); @shorts gets the short options (room for 3 * CLI_MAX_OPTS + 4). */
void cli_opts_getopt(const struct cli_opt *opts, struct option *out, char *shorts);
/* "usage: assay crawl [OPTIONS] [SOURCE...]", a line a form, wrapped. */
void cli_spec_usage(FILE *out, const struct cli_spec *spec);
/* The command's --help: usage, about, option lines, after. */
void cli_spec_help(FILE *out, const struct cli_spec *spec);
/* The option lines of --help: "  --name ARG" and the help text in a
 * column, its further lines under it, then the default. */
void cli_opts_help(FILE *out, const struct cli_opt *opts);
/* The usage column of `assay --help`: "crawl [OPTIONS] [SOURCE...]"
 * (the first form of the usage, or the brief). */
void cli_spec_brief(const struct cli_spec *spec, char *buf, size_t size);

/* The man page: the synopsis of @spec's entry (".TP" not included), one
 * line a form, ".TQ" between (".br" for the global one), and its options, one ".IP" item each (roff,
 * '-' escaped). */
void cli_spec_man_synopsis(FILE *out, const struct cli_spec *spec);
void cli_spec_man_options(FILE *out, const struct cli_spec *spec);

/* Says (to stderr) what is wrong with @spec, a bug of its author: an
 * option of the table missing from its usage or one there not in the
 * table, a name, key or letter used twice, a command option named as a
 * global one (main.c would take it), too many options. Returns the
 * number of problems. */
int cli_spec_check(const struct cli_spec *spec);

/* Edit distance of two short words (case counts), for "did you mean";
 * words of 64 bytes or more are far from everything. */
size_t cli_distance(const char *a, const char *b);

#endif
