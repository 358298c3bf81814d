/* table.c - aligned tables, CSV cells and store opening for the commands
 * that print the store (see table.h).
 *
 * Widths are counted in characters, not bytes (UTF-8 continuation bytes
 * do not count), so names with accents line up. When a table is wider
 * than the terminal, the widest column gives way first, down to a floor;
 * cut cells end in "~". */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "array.h"
#include "assay.h"
#include "log.h"
#include "rows.h"
#include "store.h"
#include "review.h"
#include "table.h"
#include "utf8.h"
#include "vocab.h"

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
	/* a row is ncols cells */
	if (assay_array_reserve(&t->cells, &t->cap, t->nrows + 1, t->ncols * sizeof *t->cells))
		return ASSAY_ENOMEM;
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

/* The colour of a review state cell on a terminal, or NULL. */
static const char *state_colour(const char *head, const char *cell)
{
	static const char *const colour[ASSAY_REVIEW_STATES] = {
		[ASSAY_REVIEW_ACCEPTED] = "\033[32m", [ASSAY_REVIEW_REJECTED] = "\033[31m",
		[ASSAY_REVIEW_CORRECTED] = "\033[33m",
	};
	enum assay_review_state st;

	if (strcmp(head, "state") || !assay_review_state_parse(cell, &st))
		return NULL;
	return colour[st];
}

const char *cli_safe(const char *s)
{
	static struct assay_buf ring[8];
	static unsigned next;
	struct assay_buf *b = &ring[next++ % 8];

	assay_buf_reset(b);
	if (!s)
		return "";
	if (assay_utf8_printable(s, strlen(s), false, b) != ASSAY_OK || !b->data)
		return "?";
	return b->data;
}

/* The cells as a person's terminal may show them: assay_utf8_printable. */
static char **printable_cells(const struct cli_table *t)
{
	size_t n = t->nrows * t->ncols;
	char **v = calloc(n ? n : 1, sizeof *v);

	for (size_t i = 0; v && i < n; i++) {
		struct assay_buf b = {0};
		const char *c = t->cells[i] ? t->cells[i] : "";

		if (assay_utf8_printable(c, strlen(c), false, &b) != ASSAY_OK ||
		    !(v[i] = b.data ? assay_buf_steal(&b) : strdup(""))) {
			assay_buf_release(&b);
			for (size_t j = 0; j < i; j++)
				free(v[j]);
			free(v);
			return NULL;
		}
	}
	return v;
}

static void print_aligned(const struct cli_table *t, FILE *out)
{
	size_t *w = calloc(t->ncols, sizeof *w);
	bool colour = cli_use_colour(out);
	char **cells = printable_cells(t);

	if (!w || !cells) {
		free(w);
		free(cells);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = display_width(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t n = display_width(cells[r * t->ncols + c]);

			w[c] = n > w[c] ? n : w[c];
		}
	}
	fit_widths(w, t->ncols, cli_term_width(out));
	for (size_t r = 0; r <= t->nrows; r++) {
		if (r == 0 && colour)
			fputs("\033[1m", out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r ? cells[(r - 1) * t->ncols + c] : t->head[c];

			const char *hue = colour && r ? state_colour(t->head[c], s) : NULL;

			if (c)
				fprintf(out, "%*s", GAP, "");
			if (hue)
				fputs(hue, out);
			put_fitted(out, s, w[c], c + 1 < t->ncols);
			if (hue)
				fputs("\033[0m", out);
		}
		if (r == 0 && colour)
			fputs("\033[0m", out);
		fputc('\n', out);
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(cells[i]);
	free(cells);
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

/* A piece of a cell a spreadsheet could run as a formula: it starts with
 * = + - @ (or a tab or CR, which some readers strip first) and is not a
 * plain number. @end bounds the piece. */
static bool is_formula(const char *s, const char *end)
{
	char num[64];
	size_t n = (size_t)(end - s);

	if (s == end || !strchr("=+-@\t\r", *s))
		return false;
	if (n >= sizeof num)
		return true;
	memcpy(num, s, n);
	num[n] = '\0';
	return !is_number(num);
}

/* One RFC 4180 cell, guarded against formula injection. A reader set to
 * ';' or tab splits the cell at those (issue 21 #8), so each such piece is
 * guarded like a whole cell: a ' goes before it, and the cell is quoted,
 * which keeps it one cell in those readers too. */
void cli_csv_cell(FILE *out, const char *s)
{
	bool quote;

	s = s ? s : "";
	quote = strpbrk(s, ",\"\r\n;\t") != NULL || is_formula(s, s + strlen(s));
	if (quote)
		fputc('"', out);
	for (const char *piece = s; ; piece++) {
		const char *end = piece + strcspn(piece, ";\t");

		if (is_formula(piece, end))
			fputc('\'', out);
		for (; piece < end; piece++) {
			if (*piece == '"')
				fputc('"', out);
			fputc(*piece, out);
		}
		if (!*piece)
			break;
		fputc(*piece, out);
	}
	if (quote)
		fputc('"', out);
}

void cli_csv_row(FILE *out, const char *const *cells, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			fputc(',', out);
		cli_csv_cell(out, cells[c]);
	}
	fputs("\r\n", out);
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
	if (rc == ASSAY_ENOTFOUND && g->db[0] != '/') {
		/* a relative store is found from the folder the command runs in */
		char cwd[1024];

		if (getcwd(cwd, sizeof cwd))
			assay_err("%s: looked for in %s (run from the folder that holds it, or "
				  "name it with --db DIR or $ASSAY_DB)", g->db, cwd);
	}
	return NULL;
}

struct assay_store *cli_store_create(const char *dir)
{
	struct assay_store *s = NULL;
	int rc = assay_store_open(dir, ASSAY_STORE_CREATE, &s);

	if (rc == ASSAY_OK)
		return s;
	if (strncmp(assay_store_errmsg(s), "cannot open store", 17) == 0)
		assay_err("%s", assay_store_errmsg(s)); /* it names the store already */
	else
		assay_err("cannot open store '%s': %s", dir, assay_store_errmsg(s));
	assay_store_close(s);
	return NULL;
}

void cli_format_number(double v, char *out, size_t size)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(out, size, "%.0f", v);
	else
		snprintf(out, size, "%.6g", v);
}

/* Groups the digits of a whole number in threes for people: 694,000,000. */
static void group_thousands(char *s, size_t size)
{
	size_t len = strlen(s), digits = len - (s[0] == '-'), commas;

	if (strspn(s + (s[0] == '-'), "0123456789") != digits || digits <= 4)
		return;
	commas = (digits - 1) / 3;
	if (len + commas + 1 > size)
		return;
	s[len + commas] = '\0';
	for (size_t i = len, out = len + commas, n = 0; i-- > (size_t)(s[0] == '-');) {
		s[--out] = s[i];
		if (++n % 3 == 0 && i > (size_t)(s[0] == '-'))
			s[--out] = ',';
	}
}

/* ---- JSON ---- */

/* @s as a JSON string, bytes that are not UTF-8 repaired to U+FFFD
 * (issue 21 #7): json_string() refuses them, and the field was dropped. */
static json_t *text_json(const char *s)
{
	struct assay_buf b = {0};
	json_t *j;

	if (!s)
		return json_null();
	if (assay_utf8_repair(s, strlen(s), &b) != ASSAY_OK) {
		assay_buf_release(&b);
		return NULL;
	}
	j = json_stringn(b.data ? b.data : "", b.len);
	assay_buf_release(&b);
	return j;
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? text_json(s) : json_null();
}

static void set_if(json_t *o, const char *k, const char *v)
{
	if (v && *v)
		json_object_set_new(o, k, text_json(v));
}

/* An ISO 8601 time, or null for none. */
static json_t *time_json(int64_t t)
{
	char iso[32];

	cli_iso_time(t, iso, sizeof iso);
	return str_or_null(iso);
}

static json_t *sources_json(const struct assay_source *src, size_t n, bool figures)
{
	json_t *a = json_array();
	char *text = malloc(sizeof src->evidence);

	if (!text) {
		json_decref(a);
		return NULL;
	}
	for (size_t i = 0; a && i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "url", text_json(src[i].url));
		json_object_set_new(o, "title", str_or_null(src[i].title));
		json_object_set_new(o, "site", str_or_null(src[i].site));
		json_object_set_new(o, "published", str_or_null(src[i].published));
		json_object_set_new(o, "fetched_at", time_json(src[i].fetched_at));
		json_object_set_new(o, "story", text_json(src[i].story));
		cli_tidy_text(src[i].evidence, text, sizeof src->evidence);
		json_object_set_new(o, "evidence", json_pack("{s:I,s:I,s:o}", "start",
			(json_int_t)src[i].start, "end", (json_int_t)src[i].end, "text", text_json(text)));
		if (figures) {
			json_object_set_new(o, "value", json_real(src[i].value));
			if (src[i].has_max)
				json_object_set_new(o, "value_max", json_real(src[i].value_max));
			json_object_set_new(o, "qualifier", text_json(src[i].qualifier));
			set_if(o, "figure", src[i].figure);
		}
		json_array_append_new(a, o);
	}
	free(text);
	return a;
}

static json_t *review_json(const struct assay_review *r)
{
	json_t *o = json_object();

	json_object_set_new(o, "state", text_json(r->state));
	set_if(o, "reason", r->reason);
	if (r->has_value)
		json_object_set_new(o, "value", json_real(r->value));
	set_if(o, "unit", r->unit);
	set_if(o, "who", r->who);
	if (r->when)
		json_object_set_new(o, "when", time_json(r->when));
	if (!assay_review_fix_empty(&r->fix)) { /* only the fields the editor set */
		json_t *f = json_object();

		set_if(f, "subject", r->fix.subject);
		set_if(f, "metric", r->fix.metric);
		set_if(f, "commodity", r->fix.commodity);
		set_if(f, "period", r->fix.period);
		set_if(f, "status", r->fix.status);
		set_if(f, "place", r->fix.place);
		set_if(f, "type", r->fix.type);
		if (r->fix.nparties) {
			json_t *p = json_array();

			for (int i = 0; i < r->fix.nparties; i++)
				json_array_append_new(p, text_json(r->fix.parties[i]));
			json_object_set_new(f, "parties", p);
		}
		json_object_set_new(o, "fix", f);
	}
	return o;
}

static json_t *key_json(const struct assay_claim *c)
{
	json_t *k = json_object();

	json_object_set_new(k, "subject", text_json(c->subject));
	json_object_set_new(k, "subject_name", str_or_null(cli_subject_name(c->subject)));
	json_object_set_new(k, "metric", text_json(c->metric));
	json_object_set_new(k, "commodity", str_or_null(c->commodity));
	json_object_set_new(k, "period", str_or_null(c->period));
	json_object_set_new(k, "status", text_json(c->status));
	json_object_set_new(k, "place", str_or_null(c->place));
	return k;
}

/* What the extractor read of a corrected claim: its key and figure. */
static json_t *extracted_json(const struct assay_claim *c)
{
	json_t *o = key_json(c);

	if (!o)
		return NULL;
	json_object_set_new(o, "value", json_real(c->value));
	json_object_set_new(o, "value_max", c->has_max ? json_real(c->value_max) : json_null());
	json_object_set_new(o, "unit", text_json(c->unit));
	return o;
}

/* A claim's figure as it stands after review (an editor's value is
 * exact: its interval is the value itself), and what was extracted when
 * it was corrected. */
static void figure_json(json_t *o, const struct assay_stored_claim *c,
			const struct assay_claim *now)
{
	bool corrected = assay_review_state_is(c->review.state, ASSAY_REVIEW_CORRECTED);
	bool value_set = corrected && c->review.has_value;

	json_object_set_new(o, "value", json_real(now->value));
	json_object_set_new(o, "value_max", now->has_max ? json_real(now->value_max) : json_null());
	json_object_set_new(o, "unit", text_json(now->unit));
	json_object_set_new(o, "qualifier", text_json(now->qualifier));
	json_object_set_new(o, "interval", json_pack("[f,f]", value_set ? now->value : c->lo,
						     value_set ? now->value : c->hi));
	if (corrected)
		json_object_set_new(o, "extracted", extracted_json(&c->c));
}

json_t *cli_json_claim(const struct assay_stored_claim *c, const struct assay_source *src,
		       size_t n)
{
	struct assay_claim now;
	json_t *o;

	assay_review_effective(&c->review, &c->c, &now);
	o = key_json(&now);
	if (!o)
		return NULL;
	json_object_set_new(o, "id", text_json(c->id));
	figure_json(o, c, &now);
	if (!now.has_max)
		json_object_del(o, "value_max");
	set_if(o, "per", now.per);
	set_if(o, "price_per", now.price_per);
	set_if(o, "change", now.change);
	json_object_set_new(o, "state", text_json(c->review.state));
	json_object_set_new(o, "review", review_json(&c->review));
	json_object_set_new(o, "stories", json_integer((json_int_t)c->nstories));
	json_object_set_new(o, "sources", sources_json(src, n, true));
	return o;
}

/* What the extractor read of a corrected agreement. */
static json_t *extracted_agreement_json(const struct assay_agreement *a)
{
	json_t *o = json_object(), *parties = json_array();

	for (int i = 0; i < a->nparties; i++)
		json_array_append_new(parties, text_json(a->parties[i]));
	json_object_set_new(o, "type", text_json(a->type));
	json_object_set_new(o, "parties", parties);
	json_object_set_new(o, "status", text_json(a->status));
	return o;
}

json_t *cli_json_agreement(const struct assay_stored_agreement *a,
			   const struct assay_source *src, size_t n)
{
	json_t *o = json_object(), *parties = json_array();
	struct assay_agreement now;

	if (!o || !parties) {
		json_decref(o);
		json_decref(parties);
		return NULL;
	}
	assay_review_effective_agreement(&a->review, &a->a, &now);
	for (int i = 0; i < now.nparties; i++)
		json_array_append_new(parties, text_json(now.parties[i]));
	json_object_set_new(o, "id", text_json(a->id));
	json_object_set_new(o, "type", text_json(now.type));
	json_object_set_new(o, "parties", parties);
	json_object_set_new(o, "status", text_json(now.status));
	json_object_set_new(o, "topic", str_or_null(now.topic));
	json_object_set_new(o, "state", text_json(a->review.state));
	json_object_set_new(o, "review", review_json(&a->review));
	if (assay_review_state_is(a->review.state, ASSAY_REVIEW_CORRECTED))
		json_object_set_new(o, "extracted", extracted_agreement_json(&a->a));
	json_object_set_new(o, "stories", json_integer((json_int_t)a->nstories));
	json_object_set_new(o, "sources", sources_json(src, n, false));
	return o;
}

/* One member of a conflict group: a figure of a claim group, a status of
 * an agreement group. */
static json_t *member_json(bool agr, const struct assay_conflict_member *m)
{
	json_t *o = json_object();

	if (agr) {
		const struct assay_stored_agreement *a = m->agreement;
		struct assay_agreement now;

		assay_review_effective_agreement(&a->review, &a->a, &now);
		json_object_set_new(o, "id", text_json(a->id));
		json_object_set_new(o, "status", text_json(now.status));
		json_object_set_new(o, "type", text_json(now.type));
		json_object_set_new(o, "topic", str_or_null(now.topic));
		json_object_set_new(o, "first_published", str_or_null(a->first_published));
		json_object_set_new(o, "state", text_json(a->review.state));
		json_object_set_new(o, "review", review_json(&a->review));
		if (assay_review_state_is(a->review.state, ASSAY_REVIEW_CORRECTED))
			json_object_set_new(o, "extracted", extracted_agreement_json(&a->a));
		json_object_set_new(o, "stories", json_integer((json_int_t)a->nstories));
	} else {
		const struct assay_stored_claim *c = m->claim;
		struct assay_claim now;

		assay_review_effective(&c->review, &c->c, &now);
		json_object_set_new(o, "id", text_json(c->id));
		figure_json(o, c, &now);
		json_object_set_new(o, "state", text_json(c->review.state));
		json_object_set_new(o, "review", review_json(&c->review));
		json_object_set_new(o, "stories", json_integer((json_int_t)c->nstories));
	}
	json_object_set_new(o, "sources", sources_json(m->sources, m->nsources, false));
	return o;
}

/* A group's object with its members' array ("figures" or "statuses")
 * empty and last; what names the group comes from its first member. */
static json_t *group_head_json(const struct assay_conflict *g)
{
	json_t *o = json_object();
	char id[24];

	cli_conflict_id(g, id, sizeof id);
	json_object_set_new(o, "id", text_json(id));
	json_object_set_new(o, "resolved", json_boolean(g->resolved));
	json_object_set_new(o, "stories", json_integer((json_int_t)g->nstories));

	if (g->is_agreement) {
		const struct assay_agreement *a0 = &g->members[0].agreement->a;
		json_t *parties = json_array();

		json_object_set_new(o, "kind", text_json("agreement"));
		for (int i = 0; i < a0->nparties; i++)
			json_array_append_new(parties, text_json(a0->parties[i]));
		json_object_set_new(o, "parties", parties);
		json_object_set_new(o, "statuses", json_array());
	} else {
		const struct assay_stored_claim *c0 = g->members[0].claim;

		json_object_set_new(o, "kind", text_json("claim"));
		json_object_set_new(o, "key", key_json(&c0->c));
		json_object_set_new(json_object_get(o, "key"), "unit", text_json(c0->unit_family));
		json_object_set_new(o, "figures", json_array());
	}
	return o;
}

json_t *cli_json_conflict(const struct assay_conflict *g)
{
	json_t *o, *members;

	if (!g->nmembers)
		return NULL;
	o = group_head_json(g);
	members = json_object_get(o, g->is_agreement ? "statuses" : "figures");
	for (size_t i = 0; i < g->nmembers; i++)
		json_array_append_new(members, member_json(g->is_agreement, &g->members[i]));
	return o;
}

#define DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(12))

int cli_json_conflict_begin(FILE *out, const struct assay_conflict *g)
{
	json_t *o = group_head_json(g);
	char *head = json_dumps(o, DUMP_FLAGS);
	size_t n = head ? strlen(head) : 0;
	int rc = ASSAY_ENOMEM;

	/* the head ends in its empty member array, "[]}": the line goes on
	 * from inside that array */
	if (n >= 3 && strcmp(head + n - 3, "[]}") == 0) {
		fwrite(head, 1, n - 2, out);
		rc = ASSAY_OK;
	}
	free(head);
	json_decref(o);
	return rc;
}

int cli_json_conflict_member(FILE *out, const struct assay_conflict *g, size_t i,
			     const struct assay_conflict_member *m)
{
	json_t *o = member_json(g->is_agreement, m);
	char *line = o ? json_dumps(o, DUMP_FLAGS) : NULL;

	json_decref(o);
	if (!line)
		return ASSAY_ENOMEM;
	if (i)
		fputc(',', out);
	fputs(line, out);
	free(line);
	return ASSAY_OK;
}

void cli_json_conflict_end(FILE *out)
{
	fputs("]}\n", out);
}

json_t *cli_json_article(const struct assay_stored_article *a)
{
	json_t *o = json_object();

	if (!o)
		return NULL;
	json_object_set_new(o, "url", text_json(a->url));
	json_object_set_new(o, "fetched_url", str_or_null(a->fetched_url));
	json_object_set_new(o, "title", str_or_null(a->title));
	json_object_set_new(o, "site", str_or_null(a->site));
	json_object_set_new(o, "published", str_or_null(a->published));
	json_object_set_new(o, "author", str_or_null(a->author));
	json_object_set_new(o, "language", str_or_null(a->language));
	json_object_set_new(o, "sha256", text_json(a->sha256));
	json_object_set_new(o, "story", text_json(a->story));
	json_object_set_new(o, "fetched_at", time_json(a->fetched_at));
	json_object_set_new(o, "text_bytes", json_integer((json_int_t)a->text_len));
	return o;
}

void cli_json_line(FILE *out, json_t *o)
{
	char *line;

	if (!o)
		return;
	/* one string, one write: json_dumpf writes in many small pieces */
	line = json_dumps(o, DUMP_FLAGS);
	if (line) {
		fputs(line, out);
		fputc('\n', out);
		free(line);
	}
	json_decref(o);
}

void cli_format_figure(double v, double vmax, bool has_max, const char *unit, char *out,
		       size_t size)
{
	char a[48], b[48];

	cli_format_number(v, a, sizeof a);
	group_thousands(a, sizeof a);
	if (has_max) {
		cli_format_number(vmax, b, sizeof b);
		group_thousands(b, sizeof b);
		snprintf(out, size, "%s-%s %s", a, b, unit);
	} else {
		snprintf(out, size, "%s %s", a, unit);
	}
}

bool cli_parse_jobs(const char *cmd, const char *arg, unsigned *jobs)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 1 || n > 256) {
		assay_err("%s: --jobs wants a number from 1 to 256, not '%s'", cmd, arg);
		return false;
	}
	*jobs = (unsigned)n;
	return true;
}
