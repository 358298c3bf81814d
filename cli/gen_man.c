/* gen_man.c - writes the man page from doc/assay.1.in at build time:
 * a line "@SYNOPSIS cmd@" becomes the synopsis of the command's entry,
 * "@OPTIONS cmd@" the list of its options, both from its table in
 * options.c, so that the page, --help and getopt cannot disagree.
 *   gen_man TEMPLATE OUTPUT
 * Exit status 1 on a placeholder for a command without a table or a
 * table too long for getopt's array (CLI_MAX_OPTS). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

static const struct cli_opt_table *table_of(const char *cmd, size_t n)
{
	for (const struct cli_opt_table *t = cli_opt_tables; t->command; t++)
		if (strlen(t->command) == n && strncmp(t->command, cmd, n) == 0)
			return t;
	return NULL;
}

int main(int argc, char **argv)
{
	FILE *in, *out;
	char line[4096];
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: gen_man TEMPLATE OUTPUT\n");
		return 2;
	}
	for (const struct cli_opt_table *t = cli_opt_tables; t->command; t++)
		if (cli_opts_count(t->opts) > CLI_MAX_OPTS) {
			fprintf(stderr, "gen_man: %s has more than %d options\n", t->command,
				CLI_MAX_OPTS);
			return 1;
		}
	in = fopen(argv[1], "r");
	out = in ? fopen(argv[2], "w") : NULL;
	if (!in || !out) {
		fprintf(stderr, "gen_man: cannot open %s\n", in ? argv[2] : argv[1]);
		return 2;
	}
	while (fgets(line, sizeof line, in)) {
		bool syn = strncmp(line, "@SYNOPSIS ", 10) == 0;
		bool opt = strncmp(line, "@OPTIONS ", 9) == 0;
		const char *cmd = line + (syn ? 10 : 9), *end;
		const struct cli_opt_table *t;

		if (!syn && !opt) {
			fputs(line, out);
			continue;
		}
		end = strchr(cmd, '@');
		t = end ? table_of(cmd, (size_t)(end - cmd)) : NULL;
		if (!t) {
			fprintf(stderr, "gen_man: %s: no option table for: %s", argv[1], line);
			rc = 1;
			continue;
		}
		if (syn)
			cli_opts_man_synopsis(out, t);
		else
			cli_opts_man_items(out, t);
	}
	fclose(in);
	if (fclose(out) != 0)
		rc = 2;
	if (rc)
		remove(argv[2]);
	return rc;
}
