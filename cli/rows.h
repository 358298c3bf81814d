/* rows.h - the researcher's table: one tidy row per figure x source, the
 * same columns from `conflicts --format csv` and every `export ... --format
 * csv` (doc/exports.md lists them).
 *
 * Tidy means a spreadsheet or pandas reads it without help: one value a
 * cell, numbers as plain numbers (no units, no thousands separators, no
 * qualifier glued on), dates and times in ISO 8601, evidence on one line
 * (whitespace runs are one space, no U+FFFD), an empty cell for nothing. */
#ifndef ASSAY_CLI_ROWS_H
#define ASSAY_CLI_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct assay_stored_claim;
struct assay_stored_agreement;
struct assay_source;
struct assay_conflict;

/* Which leading columns a table has: conflict rows start with the group's
 * id, whether editors resolved it and its number of stories; claims and
 * agreements exports have no group. */
enum cli_rows_kind { CLI_ROWS_PLAIN, CLI_ROWS_CONFLICT };

/* The header record. */
void cli_rows_head(FILE *out, enum cli_rows_kind k);

/* A conflict group's own cells, set once from its first member. */
struct cli_rows_group {
	char id[24], resolved[8], stories[24];
};

void cli_rows_group_init(struct cli_rows_group *rg, const struct assay_conflict *g);

/* One record per source of the claim (or agreement) @c; @grp is its group
 * in conflict rows, NULL otherwise. A claim without sources still gets
 * one record. */
void cli_rows_claim(FILE *out, const struct cli_rows_group *grp,
		    const struct assay_stored_claim *c, const struct assay_source *src, size_t n);
void cli_rows_agreement(FILE *out, const struct cli_rows_group *grp,
			const struct assay_stored_agreement *a, const struct assay_source *src,
			size_t n);

/* The stable id of the group whose first member @g holds: "c" or "a" and
 * the key's hash in 16 hex digits, as the review page names it. */
void cli_conflict_id(const struct assay_conflict *g, char *out, size_t size);

/* The name to show beside subject id @id ("CN" -> "China"), from the
 * gazetteer (loaded on first use); NULL for an id it does not know. */
const char *cli_subject_name(const char *id);

/* Unix seconds as ISO 8601 UTC ("2024-10-16T08:00:00Z"); "" for 0. */
void cli_iso_time(int64_t t, char *out, size_t size);
/* The shortest decimal that reads back as @v exactly ("0.90718474",
 * "694000000", "1e+20"); what a spreadsheet and Python parse alike. */
void cli_format_exact(double v, char *out, size_t size);
/* @in on one line: every run of white space and control characters is
 * one space, leading and trailing space dropped, U+FFFD and bytes that are
 * not UTF-8 dropped. Cut at a character boundary to fit @size. */
void cli_tidy_text(const char *in, char *out, size_t size);

#endif
