/* test_options.c - the command specs of cli/usage.c and what is made of
 * them (cli/options.c): every spec is whole, a spec that contradicts
 * itself is caught, defaults reach the command once and before what the
 * user typed, and the man page's items are the --help lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

TestSuite(options);

Test(options, every_spec_is_consistent_and_fits_getopt)
{
	size_t n = 0;

	cr_expect_eq(cli_spec_check(&cli_global_spec), 0);
	for (const struct cli_spec *s = cli_specs; s->command; s++, n++) {
		cr_expect_eq(cli_spec_check(s), 0, "spec %s", s->command);
		cr_expect_leq(cli_opts_count(s->opts), CLI_MAX_OPTS);
		cr_expect_eq(cli_spec_find(s->command), s);
	}
	cr_expect_eq(n, 14, "a command without its spec, or a spec without its command");
}

static const struct cli_opt bad_opts[] = {
	{"format", 'f', "F", "the format", NULL, 0},
	{"fast", 'f', NULL, "the same key again", NULL, 0},
	{"quiet", 'q', NULL, "named nowhere in the usage, and a global option", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

Test(options, a_spec_that_contradicts_itself_is_caught)
{
	/* --output is in the usage, not the table; --quiet the reverse and a
	 * global option; --format given without its value; two options share
	 * a key */
	struct cli_spec s = {"bad", "a bad spec", "[--format] [--fast] [--output FILE]", NULL,
			     bad_opts, NULL, 0, NULL};

	cr_expect_eq(cli_spec_check(&s), 5);
}

struct seen {
	char log[512];
};

static int record(void *ctx, int key, const char *val)
{
	struct seen *s = ctx;
	size_t n = strlen(s->log);

	if (key == 'x')
		return 1; /* a key the command forgot */
	snprintf(s->log + n, sizeof s->log - n, "%c=%s;", key == CLI_OPERAND ? '@' : key,
		 val ? val : "");
	return 0;
}

static const struct cli_opt demo_opts[] = {
	{"since", 's', "DAYS", "how far back", "30", 0},
	{"url", 'u', "URL", "a page", NULL, 'u'},
	{"json", 'j', NULL, "as JSON", NULL, 0},
	{"forgot", 'x', NULL, "never read", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static int parse(int in_order, const char *line, struct seen *s)
{
	struct cli_spec spec = {"demo", "a demo", "[OPTIONS] [FILE...]", NULL, demo_opts, NULL,
				in_order, NULL};
	char buf[256], *argv[16];
	int argc = 0;

	snprintf(buf, sizeof buf, "%s", line);
	for (char *t = strtok(buf, " "); t && argc < 15; t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	memset(s, 0, sizeof *s);
	return cli_opts_parse(&spec, argc, argv, record, s);
}

Test(options, a_default_comes_first_and_what_is_typed_wins)
{
	struct seen s;

	cr_assert_eq(parse(0, "demo --since 7 --json a b", &s), 0);
	cr_expect_str_eq(s.log, "s=30;s=7;j=;");
	cr_expect_eq(optind, 4);
	cr_assert_eq(parse(0, "demo a --since=2", &s), 0);
	cr_expect_str_eq(s.log, "s=30;s=2;");
}

Test(options, in_order_operands_keep_their_place_among_options)
{
	struct seen s;

	cr_assert_eq(parse(1, "demo a -u http://x b --json -- --c", &s), 0);
	cr_expect_str_eq(s.log, "s=30;@=a;u=http://x;@=b;j=;@=--c;");
}

Test(options, unknown_missing_and_unread_options_fail)
{
	struct seen s;

	cr_expect_eq(parse(0, "demo --sinse 3", &s), CLI_PARSE_FAIL);
	cr_expect_eq(parse(0, "demo --since", &s), CLI_PARSE_FAIL);
	cr_expect_eq(parse(0, "demo --json=yes", &s), CLI_PARSE_FAIL);
	cr_expect_eq(parse(0, "demo -z", &s), CLI_PARSE_FAIL);
	cr_expect_eq(parse(0, "demo --forgot", &s), CLI_PARSE_FAIL);
	cr_expect_eq(parse(0, "demo --s 3", &s), 0, "a unique beginning is the option");
	cr_expect_eq(parse(0, "demo --j", &s), 0);
	cr_expect_eq(parse(0, "demo --xyz", &s), CLI_PARSE_FAIL);
}

/* The text @fn writes for @spec, as a new string. */
static char *written(void (*fn)(FILE *, const struct cli_spec *), const struct cli_spec *spec)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	fn(f, spec);
	fclose(f);
	return buf;
}

/* Every option's --help line and its man page item say the same: its
 * name, short form, value and default. */
Test(options, man_items_and_help_lines_name_the_same_options_and_defaults)
{
	for (const struct cli_spec *s = cli_specs; s->command; s++) {
		char *help = written(cli_spec_help, s), *man = written(cli_spec_man_options, s);
		char *syn = written(cli_spec_man_synopsis, s);

		for (const struct cli_opt *o = s->opts; o->name; o++) {
			char want[320], roff[128], *p;
			size_t k = 0;

			snprintf(want, sizeof want, "--%s%s%s", o->name, o->arg ? " " : "",
				 o->arg ? o->arg : "");
			cr_expect_not_null(strstr(help, want), "%s --help lacks %s", s->command, want);
			for (const char *c = o->name; *c && k < sizeof roff - 2; c++) {
				if (*c == '-')
					roff[k++] = '\\';
				roff[k++] = *c;
			}
			roff[k] = 0;
			snprintf(want, sizeof want, "\\fB\\-\\-%s\\fR", roff);
			p = strstr(man, want);
			cr_expect_not_null(p, "assay.1: %s lacks the item %s", s->command, want);
			cr_expect_not_null(strstr(syn, want), "assay.1: %s synopsis lacks %s",
					   s->command, want);
			if (o->dflt && p) {
				snprintf(want, sizeof want, "(default: %s)", o->dflt);
				cr_expect_not_null(strstr(help, want), "%s --%s", s->command, o->name);
			}
		}
		free(help);
		free(man);
		free(syn);
	}
}

/* A command whose usage names no operand refuses a stray argument; the
 * others take theirs. */
Test(options, only_commands_with_operands_take_arguments)
{
	const char *with[] = {"crawl", "ingest", "clean", "extract", "show", "review", "list",
			      "export"};
	const char *without[] = {"stats", "verify", "reprocess", "serve", "claims", "conflicts"};
	struct cli_spec none = {"none", "no operands", "[OPTIONS]", NULL, demo_opts, NULL, 0,
				NULL};
	char a0[] = "none", a1[] = "--json", a2[] = "stray", *argv[] = {a0, a1, a2, NULL};
	struct seen s = {{0}};

	for (size_t i = 0; i < sizeof with / sizeof with[0]; i++)
		cr_expect(cli_spec_operands(cli_spec_find(with[i])), "%s", with[i]);
	for (size_t i = 0; i < sizeof without / sizeof without[0]; i++)
		cr_expect_not(cli_spec_operands(cli_spec_find(without[i])), "%s", without[i]);
	cr_expect_eq(cli_opts_parse(&none, 3, argv, record, &s), CLI_PARSE_FAIL);
	cr_expect_eq(cli_opts_parse(&none, 2, argv, record, &s), 0);
}
