/* table.h - output for people and for machines, shared by the commands
 * that print the store: aligned tables that fit the terminal, colour only
 * on a terminal, CSV per RFC 4180 guarded against formula injection, and
 * opening the store with the messages users see.
 *
 * A table collects its rows first (widths depend on every cell), then
 * prints once. Cells are copied. */
#ifndef ASSAY_CLI_TABLE_H
#define ASSAY_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

struct assay_store;

enum cli_format { CLI_FMT_TABLE, CLI_FMT_CSV, CLI_FMT_JSONL };

struct cli_table {
	size_t ncols;
	const char *const *head;
	char **cells;          /* nrows * ncols, row-major, owned */
	size_t nrows, cap;
};

void cli_table_init(struct cli_table *t, size_t ncols, const char *const *head);
void cli_table_release(struct cli_table *t);
/* Adds a row of ncols cells (NULL is an empty cell). ASSAY_ENOMEM. */
int cli_table_add(struct cli_table *t, const char *const *cells);
/* Prints as an aligned table (fitted to the terminal's width when @out is
 * one, or to $COLUMNS when set) or as CSV with a header line. */
void cli_table_print(const struct cli_table *t, FILE *out, enum cli_format f);

/* @s with its control characters escaped for a terminal
 * (assay_utf8_printable): what a page, a server or a request wrote never
 * moves the cursor. Valid until the 8th call after; "" for NULL. */
const char *cli_safe(const char *s);

/* One CSV cell: quoted when needed, with a leading ' when it starts with
 * = + - @ (or a tab or CR) and is not a plain number. */
void cli_csv_cell(FILE *out, const char *s);
/* One CSV record (CRLF-terminated) of @n cells. */
void cli_csv_row(FILE *out, const char *const *cells, size_t n);
/* Terminal width of @out; 0 when unlimited (not a terminal, no $COLUMNS). */
int cli_term_width(FILE *out);
/* True when @out is a terminal and $NO_COLOR is unset. */
bool cli_use_colour(FILE *out);
/* Parses "table", "csv" or "jsonl"; false for anything else. */
bool cli_parse_format(const char *s, enum cli_format *f);

/* Opens the store for a command. @create: make it when missing (commands
 * that write); otherwise a missing store is reported with how to create
 * it. Prints the error and returns NULL on failure. */
struct assay_store *cli_store_open(const struct cli_globals *g, bool create);
/* Opens the store at @dir for writing, creating it (crawl, ingest); on
 * failure prints the error and returns NULL. */
struct assay_store *cli_store_create(const char *dir);

/* --jobs N (ingest, reprocess): a whole number from 1 to 256 into *jobs;
 * false, with the error said, for anything else. */
bool cli_parse_jobs(const char *cmd, const char *arg, unsigned *jobs);

/* Formats a number the way people read figures: no exponent below 1e15,
 * no trailing zeros. */
void cli_format_number(double v, char *out, size_t size);

/* JSON for the store's records, as cli.md describes them; each returns a
 * new reference (json_decref() it) or NULL on ENOMEM. */
#include <jansson.h>
struct assay_stored_claim;
struct assay_stored_agreement;
struct assay_stored_article;
struct assay_source;
struct assay_conflict;
json_t *cli_json_claim(const struct assay_stored_claim *c, const struct assay_source *src,
		       size_t n);
json_t *cli_json_agreement(const struct assay_stored_agreement *a,
			   const struct assay_source *src, size_t n);
json_t *cli_json_conflict(const struct assay_conflict *g);
/* The same line written a member at a time, for assay_store_conflicts_stream:
 * begin with the group's first member, each member, end. Begin and member
 * return ASSAY_OK or ASSAY_ENOMEM. */
struct assay_conflict_member;
int cli_json_conflict_begin(FILE *out, const struct assay_conflict *g);
int cli_json_conflict_member(FILE *out, const struct assay_conflict *g, size_t i,
			     const struct assay_conflict_member *m);
void cli_json_conflict_end(FILE *out);
json_t *cli_json_article(const struct assay_stored_article *a);
/* Prints @o as one line and drops the reference. */
void cli_json_line(FILE *out, json_t *o);
/* "value-value_max" or the value, with the unit, as people read it. */
void cli_format_figure(double v, double vmax, bool has_max, const char *unit, char *out,
		       size_t size);

#endif
