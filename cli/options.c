/* options.c - what is made from a command's spec (see options.h): the
 * getopt parse with its defaults and messages, --help, and the man page's
 * synopsis and option items.
 *
 * One writer of an option's words serves the synopsis and the items, one
 * of its help lines serves --help and the man page: they cannot drift. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "log.h"
#include "options.h"

#define HELP_COLUMN 22 /* where the help text starts in --help */
#define HELP_WIDTH 79  /* where --help's usage lines wrap */

const struct cli_spec *cli_spec_find(const char *command)
{
	for (const struct cli_spec *s = cli_specs; s->command; s++)
		if (strcmp(s->command, command) == 0)
			return s;
	return NULL;
}

size_t cli_opts_count(const struct cli_opt *opts)
{
	size_t n = 0;

	while (opts[n].name)
		n++;
	return n;
}

const struct cli_opt *cli_opt_named(const struct cli_opt *opts, const char *name, size_t n)
{
	for (const struct cli_opt *o = opts; o->name; o++)
		if (strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return o;
	return NULL;
}

size_t cli_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];

	if (la >= 64 || lb >= 64)
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

/* ---- getopt ---- */

void cli_opts_getopt(const struct cli_opt *opts, struct option *out, char *shorts)
{
	size_t n = cli_opts_count(opts), k = 0;

	if (n > CLI_MAX_OPTS)
		n = CLI_MAX_OPTS; /* never: gen_man fails the build first */
	for (size_t i = 0; i < n; i++) {
		out[i] = (struct option){opts[i].name, opts[i].arg ? required_argument : no_argument,
					 NULL, opts[i].key};
		if (opts[i].letter) {
			shorts[k++] = opts[i].letter;
			if (opts[i].arg)
				shorts[k++] = ':';
		}
	}
	out[n] = (struct option){"help", no_argument, NULL, 'h'};
	out[n + 1] = (struct option){NULL, 0, NULL, 0};
	shorts[k++] = 'h';
	shorts[k] = '\0';
}

static const struct cli_opt *opt_of_key(const struct cli_opt *opts, int key)
{
	for (const struct cli_opt *o = opts; o->name; o++)
		if (o->key == key)
			return o;
	return NULL;
}

/* getopt takes a long option's unique beginning ("--summ"); one that
 * begins several is said so, with their names. */
static bool ambiguous(const struct cli_spec *spec, const char *name)
{
	char list[256] = "";
	size_t n = strlen(name) - 2, k = 0, used = 0;

	if (name[0] != '-' || name[1] != '-' || n == 0)
		return false;
	for (const struct cli_opt *o = spec->opts; o->name; o++)
		if (strncmp(o->name, name + 2, n) == 0 && used < sizeof list) {
			used += (size_t)snprintf(list + used, sizeof list - used, "%s--%s",
						 k++ ? ", " : "", o->name);
		}
	if (k < 2)
		return false;
	assay_err("%s: %s: ambiguous, say which: %s", spec->command, name, list);
	return true;
}

/* "assay: crawl: --sorces: unknown option; did you mean --sources?" */
static void unknown_option(const struct cli_spec *spec, const char *arg)
{
	char name[64];
	const struct cli_opt *best = NULL;
	size_t n = strcspn(arg, "="), bd = 3;

	snprintf(name, sizeof name, "%.*s", (int)n, arg);
	if (ambiguous(spec, name))
		return;
	for (const struct cli_opt *o = spec->opts; name[0] == '-' && name[1] == '-' && o->name; o++) {
		size_t d = cli_distance(name + 2, o->name);

		if (d < bd || (!best && n > 3 && strncmp(o->name, name + 2, n - 2) == 0)) {
			bd = d < bd ? d : bd;
			best = o;
		}
	}
	if (best)
		assay_err("%s: %s: unknown option; did you mean --%s? (see 'assay %s --help')",
			  spec->command, name, best->name, spec->command);
	else
		assay_err("%s: %s: unknown option (see 'assay %s --help')", spec->command, name,
			  spec->command);
}

/* getopt_long said '?' or ':' about argv[optind - 1] (or optopt). */
static void bad_option(const struct cli_spec *spec, int c, int argc, char **argv)
{
	const struct cli_opt *o = optopt ? opt_of_key(spec->opts, optopt) : NULL;
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";

	if (c == ':' && o)
		assay_err("%s: --%s needs a value (%s)", spec->command, o->name, o->arg);
	else if (o && strchr(arg, '='))
		assay_err("%s: --%s takes no value", spec->command, o->name);
	else if (optopt && !o)
		assay_err("%s: -%c: unknown option (see 'assay %s --help')", spec->command,
			  optopt, spec->command);
	else
		unknown_option(spec, arg);
}

static int take_one(const struct cli_spec *spec, cli_take_fn take, void *ctx, int key,
		    const char *val)
{
	int rc = take(ctx, key, val);

	if (rc > 0) {
		const struct cli_opt *o = opt_of_key(spec->opts, key);
		assay_err("%s: --%s is in the table but not read (a bug: please report it)",
			  spec->command, o ? o->name : "?");
	}
	return rc;
}

bool cli_spec_operands(const struct cli_spec *spec)
{
	for (const char *u = spec->usage; *u;) {
		size_t n;

		if (!strncmp(u, "[OPTIONS]", 9)) {
			u += 9;
		} else if (u[0] == '-' && u[1] == '-') { /* an option, and its value */
			const struct cli_opt *o;

			n = strspn(u + 2, "abcdefghijklmnopqrstuvwxyz0123456789-");
			o = cli_opt_named(spec->opts, u + 2, n);
			u += 2 + n;
			if (o && o->arg && *u == ' ')
				u += 1 + strlen(o->arg);
		} else if (isalnum((unsigned char)*u)) {
			return true; /* a word no option takes: an operand */
		} else {
			u++;
		}
	}
	return false;
}

int cli_opts_parse(const struct cli_spec *spec, int argc, char **argv, cli_take_fn take,
		   void *ctx)
{
	struct option lopts[CLI_MAX_OPTS + 2];
	char shorts[3 * CLI_MAX_OPTS + 4], optstring[3 * CLI_MAX_OPTS + 8];
	int c;

	for (const struct cli_opt *o = spec->opts; o->name; o++)
		if (o->dflt && take_one(spec, take, ctx, o->key, o->dflt))
			return CLI_PARSE_FAIL;
	cli_opts_getopt(spec->opts, lopts, shorts);
	snprintf(optstring, sizeof optstring, "%s:%s", spec->in_order ? "-" : "", shorts);
	optind = 0; /* glibc: start afresh, with this optstring's mode */
	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, lopts, NULL)) != -1) {
		if (c == 'h') {
			cli_spec_help(stdout, spec);
			return CLI_PARSE_HELP;
		}
		if (c == '?' || c == ':') {
			bad_option(spec, c, argc, argv);
			return CLI_PARSE_FAIL;
		}
		if (take_one(spec, take, ctx, c, optarg))
			return CLI_PARSE_FAIL;
	}
	for (; spec->in_order && optind < argc; optind++) /* after "--" */
		if (take_one(spec, take, ctx, CLI_OPERAND, argv[optind]))
			return CLI_PARSE_FAIL;
	if (optind < argc && !cli_spec_operands(spec)) {
		assay_err("%s: %s: unexpected argument (see 'assay %s --help')", spec->command,
			  argv[optind], spec->command);
		return CLI_PARSE_FAIL;
	}
	return 0;
}

bool cli_parse(const char *command, int argc, char **argv, cli_take_fn take, void *ctx,
	       int *status)
{
	const struct cli_spec *spec = cli_spec_find(command);
	int rc = spec ? cli_opts_parse(spec, argc, argv, take, ctx) : CLI_PARSE_FAIL;

	*status = rc == CLI_PARSE_FAIL ? 2 : 0;
	return rc == 0;
}

/* ---- --help ---- */

/* "  -u, --url URL" or "  --json" into @buf; returns its length. */
static int help_label(const struct cli_opt *o, char *buf, size_t size)
{
	char letter[8] = "";

	if (o->letter)
		snprintf(letter, sizeof letter, "-%c, ", o->letter);
	return snprintf(buf, size, "  %s--%s%s%s", letter, o->name, o->arg ? " " : "",
			o->arg ? o->arg : "");
}

void cli_opts_help(FILE *out, const struct cli_opt *opts)
{
	for (const struct cli_opt *o = opts; o->name; o++) {
		char label[160], tail[128] = "";
		const char *h = o->help;
		int w = help_label(o, label, sizeof label);

		if (o->dflt)
			snprintf(tail, sizeof tail, " (default: %s)", o->dflt);
		fputs(label, out);
		if (w >= HELP_COLUMN - 1) { /* a long label: its text below it */
			fputc('\n', out);
			w = 0;
		}
		for (;;) {
			size_t n = strcspn(h, "\n");
			bool last = h[n] == '\0';
			int len = HELP_COLUMN + (int)n;

			fprintf(out, "%*s%.*s", HELP_COLUMN - w, "", (int)n, h);
			if (last && tail[0] && len + (int)strlen(tail) > HELP_WIDTH)
				fprintf(out, "\n%*s%s", HELP_COLUMN, "", tail + 1);
			else if (last)
				fputs(tail, out);
			fputc('\n', out);
			if (last)
				break;
			h += n + 1;
			w = 0;
		}
	}
}

/* The next unit of a usage line that is not to be broken: a bracketed
 * group, or a word. */
static size_t usage_atom(const char *s)
{
	size_t i = 0;
	int depth = 0;

	do {
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']')
			depth--;
		i++;
	} while (s[i] && (depth > 0 || s[i] != ' '));
	return i;
}

/* "usage: assay crawl [OPTIONS] [SOURCE...]", each form on its line
 * ("       assay ..."), wrapped under the form's first word. */
void cli_spec_usage(FILE *out, const struct cli_spec *spec)
{
	const char *u = spec->usage;

	for (bool first = true; first || *u; first = false) {
		size_t n = strcspn(u, "\n");
		int col = fprintf(out, "%sassay%s%s", first ? "usage: " : "       ",
				  spec == &cli_global_spec ? "" : " ",
				  spec == &cli_global_spec ? "" : spec->command);
		int indent = col + 1;

		for (size_t i = 0; i < n;) {
			size_t a;

			while (i < n && u[i] == ' ')
				i++;
			if (i >= n)
				break;
			a = usage_atom(u + i);
			if (a > n - i)
				a = n - i;
			if (col + 1 + (int)a > HELP_WIDTH && col > indent) {
				fprintf(out, "\n%*s", indent - 1, "");
				col = indent - 1;
			}
			col += fprintf(out, " %.*s", (int)a, u + i);
			i += a;
		}
		fputc('\n', out);
		u += n + (u[n] == '\n');
	}
}

void cli_spec_help(FILE *out, const struct cli_spec *spec)
{
	cli_spec_usage(out, spec);
	if (spec->about)
		fprintf(out, "\n%s", spec->about);
	if (spec->opts[0].name) {
		fputc('\n', out);
		cli_opts_help(out, spec->opts);
	}
	if (spec->after)
		fprintf(out, "\n%s", spec->after);
}

void cli_spec_brief(const struct cli_spec *spec, char *buf, size_t size)
{
	const char *u = spec->brief ? spec->brief : spec->usage;
	size_t n = strcspn(u, "\n");

	snprintf(buf, size, "%s%s%.*s", spec->command, n ? " " : "", (int)n, u);
}

/* ---- the man page ---- */

/* @s in roff: '-' and '\' escaped. */
static void roff(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		if (s[i] == '-' || s[i] == '\\')
			fputc('\\', out);
		fputc(s[i], out);
	}
}

/* A usage text in roff: option names and literal words bold, the names
 * of values (upper case) italic, brackets and bars plain. */
static void roff_usage(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		const char *font = NULL;

		if (s[i] == '-' && i + 1 < n && (s[i + 1] == '-' || isalpha((unsigned char)s[i + 1]))) {
			font = "B";
			while (j < n && (s[j] == '-' || isalnum((unsigned char)s[j])))
				j++;
		} else if (isupper((unsigned char)s[i])) {
			font = "I";
			while (j < n && (isupper((unsigned char)s[j]) || isdigit((unsigned char)s[j]) ||
					 s[j] == '_'))
				j++;
		} else if (islower((unsigned char)s[i])) {
			font = "B";
			while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_' ||
					 (s[j] == '-' && j + 1 < n && isalpha((unsigned char)s[j + 1]))))
				j++;
		} else {
			j = i + 1;
		}
		if (font)
			fprintf(out, "\\f%s", font);
		roff(out, s + i, j - i);
		if (font)
			fputs("\\fR", out);
		i = j;
	}
}

/* "--name ARG" in roff, the short form first when @letter. */
static void man_opt(FILE *out, const struct cli_opt *o, bool letter)
{
	char buf[160];

	if (letter && o->letter)
		fprintf(out, "\\fB\\-%c\\fR, ", o->letter);
	snprintf(buf, sizeof buf, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	roff_usage(out, buf, strlen(buf));
}

/* True when some form of @spec's usage names --@name itself. */
static bool usage_names(const struct cli_spec *spec, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = spec->usage; (p = strstr(p, "--")); p += 2)
		if (strncmp(p + 2, name, n) == 0 &&
		    !(isalnum((unsigned char)p[2 + n]) || p[2 + n] == '-'))
			return true;
	return false;
}

void cli_spec_man_synopsis(FILE *out, const struct cli_spec *spec)
{
	const char *u = spec->usage;

	for (bool first = true; first || *u; first = false) {
		size_t n = strcspn(u, "\n");
		const char *o = strstr(u, "[OPTIONS]");

		if (!first) /* a command's forms are the tags of its entry */
			fputs(spec == &cli_global_spec ? "\n.br\n" : "\n.TQ\n", out);
		fprintf(out, "\\fB%s\\fR%s", spec->command, n ? " " : "");
		if (!o || o >= u + n) {
			roff_usage(out, u, n);
		} else { /* [OPTIONS]: each option the usage does not name */
			bool sp = false;

			roff_usage(out, u, (size_t)(o - u));
			for (const struct cli_opt *p = spec->opts; p->name; p++) {
				if (usage_names(spec, p->name))
					continue;
				fputs(sp ? " [" : "[", out);
				man_opt(out, p, false);
				fputc(']', out);
				sp = true;
			}
			roff_usage(out, o + 9, n - (size_t)(o + 9 - u));
		}
		u += n + (u[n] == '\n');
	}
	fputc('\n', out);
}

/* A command's options are indented under its entry; the global ones
 * are a section's list. */
void cli_spec_man_options(FILE *out, const struct cli_spec *spec)
{
	bool global = spec == &cli_global_spec;

	if (!spec->opts[0].name)
		return;
	if (!global)
		fputs(".RS\n", out);
	for (const struct cli_opt *o = spec->opts; o->name; o++) {
		fputs(global ? ".TP\n" : ".IP \"", out);
		man_opt(out, o, true);
		fputs(global ? "\n" : "\" 4\n", out);
		if (o->help[0] == '.' || o->help[0] == '\'')
			fputs("\\&", out);
		for (const char *h = o->help; *h;) {
			size_t n = strcspn(h, "\n");

			roff(out, h, n);
			h += n;
			if (*h)
				h++;
			if (*h)
				fputc(' ', out);
		}
		if (o->dflt) {
			fputs(" (default: ", out);
			roff(out, o->dflt, strlen(o->dflt));
			fputc(')', out);
		}
		fputc('\n', out);
	}
	if (!global)
		fputs(".RE\n", out);
}

/* ---- the spec's own consistency ---- */

static int check_opt(const struct cli_spec *spec, const struct cli_opt *o)
{
	int bad = 0;

	for (const struct cli_opt *p = spec->opts; p < o; p++) {
		if (!strcmp(p->name, o->name) || p->key == o->key ||
		    (o->letter && p->letter == o->letter)) {
			fprintf(stderr, "spec %s: --%s and --%s share a name, key or letter\n",
				spec->command, p->name, o->name);
			bad++;
		}
	}
	if ((o->key == 'h' && spec != &cli_global_spec) || o->key == '?' || o->key == ':' || o->key == CLI_OPERAND ||
	    o->key <= 0 || (o->letter && o->key != o->letter)) {
		fprintf(stderr, "spec %s: --%s: a key getopt cannot return as its own\n",
			spec->command, o->name);
		bad++;
	}
	if (spec != &cli_global_spec &&
	    cli_opt_named(cli_global_spec.opts, o->name, strlen(o->name))) {
		fprintf(stderr, "spec %s: --%s is a global option: main.c takes it first\n",
			spec->command, o->name);
		bad++;
	}
	if (!o->help || !o->help[0] || (o->dflt && !o->arg)) {
		fprintf(stderr, "spec %s: --%s: no help, or a default for a flag\n", spec->command,
			o->name);
		bad++;
	}
	for (const char *h = o->help; h && *h; h += strcspn(h, "\n"), h += *h == '\n')
		if (strcspn(h, "\n") > HELP_WIDTH - HELP_COLUMN) {
			fprintf(stderr, "spec %s: --%s: a help line over %d characters\n",
				spec->command, o->name, HELP_WIDTH - HELP_COLUMN);
			bad++;
		}
	if (!strstr(spec->usage, "[OPTIONS]") && !usage_names(spec, o->name)) {
		fprintf(stderr, "spec %s: --%s is in no form of the usage\n", spec->command,
			o->name);
		bad++;
	}
	return bad;
}

int cli_spec_check(const struct cli_spec *spec)
{
	int bad = 0;

	if (cli_opts_count(spec->opts) > CLI_MAX_OPTS) {
		fprintf(stderr, "spec %s: more than %d options\n", spec->command, CLI_MAX_OPTS);
		return 1;
	}
	if (!spec->usage || !spec->summary) {
		fprintf(stderr, "spec %s: no usage or summary\n", spec->command);
		return 1;
	}
	for (const struct cli_opt *o = spec->opts; o->name; o++)
		bad += check_opt(spec, o);
	/* every option the usage names is in the table, with the same value */
	for (const char *p = spec->usage; (p = strstr(p, "--")); p += 2) {
		size_t n = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz0123456789-");
		const struct cli_opt *o = cli_opt_named(spec->opts, p + 2, n);
		const char *v = p + 2 + n;

		if (!o) {
			fprintf(stderr, "spec %s: the usage names --%.*s, not in the table\n",
				spec->command, (int)n, p + 2);
			bad++;
		} else if (o->arg && (v[0] != ' ' || strncmp(v + 1, o->arg, strlen(o->arg)))) {
			fprintf(stderr, "spec %s: the usage gives --%s without its %s\n",
				spec->command, o->name, o->arg);
			bad++;
		}
	}
	return bad;
}
