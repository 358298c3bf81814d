/* table.c - aligned tables, CSV cells and store opening for the commands
 * that print the store (see table.h).
 *
 * Widths are counted in characters, not bytes (UTF-8 continuation bytes
 * do not count), so names with accents line up. When a table is wider
 * than the terminal, the widest column gives way first, down to a floor;
 * cut cells end in "~". */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "assay.h"
#include "log.h"
#include "store.h"
#include "table.h"

#define MIN_COL 6
#define GAP 2

void cli_table_init(struct cli_table *t, size_t ncols, const char *const *head)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->head = head;
}

void cli_table_release(struct cli_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

int cli_table_add(struct cli_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **p = realloc(t->cells, cap * t->ncols * sizeof *p);

		if (!p)
			return ASSAY_ENOMEM;
		t->cells = p;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		char *d = strdup(cells[c] ? cells[c] : "");

		if (!d) {
			for (size_t k = 0; k < c; k++)
				free(t->cells[t->nrows * t->ncols + k]);
			return ASSAY_ENOMEM;
		}
		for (char *q = d; *q; q++) /* one line a row */
			if (*q == '\n' || *q == '\r' || *q == '\t')
				*q = ' ';
		t->cells[t->nrows * t->ncols + c] = d;
	}
	t->nrows++;
	return ASSAY_OK;
}

static size_t display_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Prints @s in exactly @w characters: cut with "~" or padded. */
static void put_fitted(FILE *out, const char *s, size_t w, bool pad)
{
	size_t n = display_width(s);
	const char *p = s;

	if (n <= w) {
		fputs(s, out);
		if (pad)
			fprintf(out, "%*s", (int)(w - n), "");
		return;
	}
	for (size_t k = 0; k + 1 < w && *p;) {
		fputc(*p++, out);
		while (((unsigned char)*p & 0xc0) == 0x80)
			fputc(*p++, out);
		k++;
	}
	fputc('~', out);
}

int cli_term_width(FILE *out)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	return 0;
}

bool cli_use_colour(FILE *out)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(fileno(out)) && !(nc && *nc);
}

static void fit_widths(size_t *w, size_t ncols, int width)
{
	size_t total = 0;

	for (size_t c = 0; c < ncols; c++)
		total += w[c] + (c ? GAP : 0);
	while (width > 0 && total > (size_t)width) {
		size_t widest = 0;

		for (size_t c = 1; c < ncols; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= MIN_COL)
			break;
		w[widest]--;
		total--;
	}
}

static void print_aligned(const struct cli_table *t, FILE *out)
{
	size_t *w = calloc(t->ncols, sizeof *w);
	bool colour = cli_use_colour(out);

	if (!w)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = display_width(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t n = display_width(t->cells[r * t->ncols + c]);

			w[c] = n > w[c] ? n : w[c];
		}
	}
	fit_widths(w, t->ncols, cli_term_width(out));
	for (size_t r = 0; r <= t->nrows; r++) {
		if (r == 0 && colour)
			fputs("\033[1m", out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r ? t->cells[(r - 1) * t->ncols + c] : t->head[c];

			if (c)
				fprintf(out, "%*s", GAP, "");
			put_fitted(out, s, w[c], c + 1 < t->ncols);
		}
		if (r == 0 && colour)
			fputs("\033[0m", out);
		fputc('\n', out);
	}
	free(w);
}

static bool is_number(const char *s)
{
	char *end;

	if (!*s)
		return false;
	strtod(s, &end);
	return *end == '\0';
}

void cli_csv_cell(FILE *out, const char *s)
{
	bool guard, quote;

	s = s ? s : "";
	guard = strchr("=+-@\t\r", s[0]) && s[0] && !is_number(s);
	quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

static void print_csv(const struct cli_table *t, FILE *out)
{
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			cli_csv_cell(out, r ? t->cells[(r - 1) * t->ncols + c] : t->head[c]);
		}
		fputs("\r\n", out);
	}
}

void cli_table_print(const struct cli_table *t, FILE *out, enum cli_format f)
{
	if (f == CLI_FMT_CSV)
		print_csv(t, out);
	else
		print_aligned(t, out);
}

bool cli_parse_format(const char *s, enum cli_format *f)
{
	if (!strcmp(s, "table"))
		*f = CLI_FMT_TABLE;
	else if (!strcmp(s, "csv"))
		*f = CLI_FMT_CSV;
	else if (!strcmp(s, "jsonl") || !strcmp(s, "json"))
		*f = CLI_FMT_JSONL;
	else
		return false;
	return true;
}

struct assay_store *cli_store_open(const struct cli_globals *g, bool create)
{
	struct assay_store *s = NULL;
	int rc = assay_store_open(g->db, create ? ASSAY_STORE_CREATE : 0, &s);

	if (rc == ASSAY_OK)
		return s;
	assay_err("%s", assay_store_errmsg(NULL));
	return NULL;
}

void cli_format_number(double v, char *out, size_t size)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(out, size, "%.0f", v);
	else
		snprintf(out, size, "%.6g", v);
}
