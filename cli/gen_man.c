/* gen_man.c - writes the man page from doc/assay.1.in at build time:
 * a line "@SYNOPSIS cmd@" becomes the synopsis of the command's entry,
 * "@OPTIONS cmd@" the list of its options, both from its spec in
 * usage.c, so that the page, --help and getopt cannot disagree.
 *   gen_man TEMPLATE OUTPUT
 * Exit status 1, and no page, when a spec is inconsistent (options.h:
 * cli_spec_check), a placeholder names no spec, or a spec has no
 * placeholder: then the page would hand-write what the spec says. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

#define MAX_SPECS 64

static const struct cli_spec *spec_of(const char *cmd, size_t n, size_t *at)
{
	size_t i = 0;

	for (const struct cli_spec *s = cli_specs; s->command; s++, i++)
		if (strlen(s->command) == n && strncmp(s->command, cmd, n) == 0) {
			*at = i;
			return s;
		}
	if (strlen(cli_global_spec.command) == n && strncmp(cli_global_spec.command, cmd, n) == 0) {
		*at = MAX_SPECS - 1;
		return &cli_global_spec;
	}
	return NULL;
}

/* Writes @in to @out with the placeholders filled; @used[i] gets bit 1
 * for spec i's synopsis, 2 for its options. */
static int fill(FILE *in, FILE *out, const char *tpl, unsigned char *used)
{
	char line[4096];
	int rc = 0;

	while (fgets(line, sizeof line, in)) {
		bool syn = strncmp(line, "@SYNOPSIS ", 10) == 0;
		bool opt = strncmp(line, "@OPTIONS ", 9) == 0;
		const char *cmd = line + (syn ? 10 : 9), *end;
		const struct cli_spec *s;
		size_t at = 0;

		if (!syn && !opt) {
			fputs(line, out);
			continue;
		}
		end = strchr(cmd, '@');
		s = end ? spec_of(cmd, (size_t)(end - cmd), &at) : NULL;
		if (!s) {
			fprintf(stderr, "gen_man: %s: no spec for: %s", tpl, line);
			rc = 1;
			continue;
		}
		used[at] |= syn ? 1 : 2;
		if (syn)
			cli_spec_man_synopsis(out, s);
		else
			cli_spec_man_options(out, s);
	}
	return rc;
}

int main(int argc, char **argv)
{
	unsigned char used[MAX_SPECS] = {0};
	FILE *in, *out;
	size_t i = 0;
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: gen_man TEMPLATE OUTPUT\n");
		return 2;
	}
	rc = cli_spec_check(&cli_global_spec) ? 1 : 0;
	for (const struct cli_spec *s = cli_specs; s->command; s++)
		if (cli_spec_check(s))
			rc = 1;
	in = fopen(argv[1], "r");
	out = in ? fopen(argv[2], "w") : NULL;
	if (!in || !out) {
		fprintf(stderr, "gen_man: cannot open %s\n", in ? argv[2] : argv[1]);
		return 2;
	}
	if (fill(in, out, argv[1], used))
		rc = 1;
	for (const struct cli_spec *s = cli_specs; s->command; s++, i++)
		if (i >= MAX_SPECS - 1 || used[i] != 3) {
			fprintf(stderr, "gen_man: %s: no @SYNOPSIS %s@ and @OPTIONS %s@ lines\n",
				argv[1], s->command, s->command);
			rc = 1;
		}
	fclose(in);
	if (fclose(out) != 0)
		rc = 2;
	if (rc)
		remove(argv[2]);
	return rc;
}
