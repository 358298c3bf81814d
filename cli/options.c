/* options.c - the option tables of the commands and what is made from
 * them (see options.h). */
#include <stdbool.h>
#include <string.h>

#include "assay.h"
#include "fetch.h"
#include "options.h"

#define HELP_COLUMN 22 /* where the help text starts in --help */

const struct cli_opt cli_crawl_opts[] = {
	{"sources", 's', "FILE", "one source a line; settings: delay=S since=DAYS ua=\"...\""},
	{"since", 'S', "DAYS", "skip feed items older than this (default 30; 0: no limit)"},
	{"delay", 'd', "S", "seconds between requests to one host (default 1)"},
	{"refetch", 'r', NULL, "fetch stored articles again"},
	{"allow-private", 'p', NULL, "allow loopback, private and link-local addresses"},
	{"max-pages", 'n', "N", "stop after N article pages (the rest waits for next run)"},
	{"max-seconds", 't', "S", "stop after S seconds, the rest waits for the next run\n"
				  "(default 600; 0: no limit)"},
	{"warc", 'w', "FILE", "also write every response to FILE (WARC/1.1, gzip)"},
	{"wait", 'W', NULL, "wait for another crawl to finish instead of failing"},
	{"user-agent", 'u', "UA", "the User-Agent (default: " ASSAY_DEFAULT_USER_AGENT ");\n"
				  "robots.txt rules are still those for the token 'assay'"},
	{"timeout", 'T', "S", "seconds allowed for one transfer (default 30)"},
	{"max-body", 'B', "BYTES", "largest body accepted, after decompression (10485760)"},
	{"retries", 'R', "N", "tries after the first on timeouts and 5xx (default 3)"},
	{"summary-json", 'j', NULL, "print the summary as one JSON object on stdout"},
	{NULL, 0, NULL, NULL},
};

const struct cli_opt_table cli_opt_tables[] = {
	{"crawl", cli_crawl_opts, "[SOURCE...]"},
	{NULL, NULL, NULL},
};

size_t cli_opts_count(const struct cli_opt *opts)
{
	size_t n = 0;

	while (opts[n].name)
		n++;
	return n;
}

void cli_opts_getopt(const struct cli_opt *opts, struct option *out)
{
	size_t n = cli_opts_count(opts);

	if (n > CLI_MAX_OPTS)
		n = CLI_MAX_OPTS; /* never: gen_man fails the build first */
	for (size_t i = 0; i < n; i++)
		out[i] = (struct option){opts[i].name, opts[i].arg ? required_argument : no_argument,
					 NULL, opts[i].key};
	out[n] = (struct option){"help", no_argument, NULL, 'h'};
	out[n + 1] = (struct option){NULL, 0, NULL, 0};
}

void cli_opts_help(FILE *out, const struct cli_opt *opts)
{
	for (const struct cli_opt *o = opts; o->name; o++) {
		const char *h = o->help, *nl;
		int w = fprintf(out, "  --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");

		for (bool first = true; *h || first; first = false) {
			nl = strchr(h, '\n');
			if (!first)
				w = 0;
			fprintf(out, "%*s%.*s\n", w < HELP_COLUMN ? HELP_COLUMN - w : 1, "",
				nl ? (int)(nl - h) : (int)strlen(h), h);
			h = nl ? nl + 1 : h + strlen(h);
		}
	}
}

/* @s in roff: '-' and '\' escaped. */
static void roff(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		if (s[i] == '-' || s[i] == '\\')
			fputc('\\', out);
		fputc(s[i], out);
	}
}

void cli_opts_man_synopsis(FILE *out, const struct cli_opt_table *t)
{
	const char *ops = t->operands;

	fprintf(out, "\\fB%s\\fR", t->command);
	for (const struct cli_opt *o = t->opts; o->name; o++) {
		fputs(" [\\fB\\-\\-", out);
		roff(out, o->name, strlen(o->name));
		fputs("\\fR", out);
		if (o->arg) {
			fputs(" \\fI", out);
			roff(out, o->arg, strlen(o->arg));
			fputs("\\fR", out);
		}
		fputc(']', out);
	}
	if (ops && *ops) { /* "[SOURCE...]": the operand's name in italics */
		size_t a = strcspn(ops, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), b = a;
		while (ops[b] >= 'A' && ops[b] <= 'Z')
			b++;
		fputc(' ', out);
		roff(out, ops, a);
		fputs("\\fI", out);
		roff(out, ops + a, b - a);
		fputs("\\fR", out);
		roff(out, ops + b, strlen(ops + b));
	}
	fputc('\n', out);
}

void cli_opts_man_items(FILE *out, const struct cli_opt_table *t)
{
	fputs(".RS\n", out);
	for (const struct cli_opt *o = t->opts; o->name; o++) {
		fputs(".IP \"\\fB\\-\\-", out);
		roff(out, o->name, strlen(o->name));
		fputs("\\fR", out);
		if (o->arg) {
			fputs(" \\fI", out);
			roff(out, o->arg, strlen(o->arg));
			fputs("\\fR", out);
		}
		fputs("\" 4\n", out);
		for (const char *h = o->help; *h;) {
			const char *nl = strchr(h, '\n');
			size_t n = nl ? (size_t)(nl - h) : strlen(h);
			roff(out, h, n);
			fputc(nl ? ' ' : '\n', out);
			h += n + (nl != NULL);
		}
	}
	fputs(".RE\n", out);
}
