/* mentions.h - inside extract/: sentences and mentions, for the claim and
 * agreement finders (claims.c, agreements.c) and the tests.
 *
 * Everything here works on one text (bytes, UTF-8) and hands back plain
 * arrays the caller frees with free(). Call assay_extract_init() first:
 * the recognizers use patterns and gazetteers compiled once per process.
 * After init, texts may be processed in several threads at once: each
 * thread matches with a PCRE2 JIT stack of its own (extract.c).
 *
 * How a struct assay_mention (extract.h) is filled, per type:
 *   quantity  value (canonical unit), unit ("t", "ozt", "g/t", "oz/t",
 *             "bbl", "MW", "MWh", "m3"...), unit_text as written, per
 *             ("year"/"month"/"day"/""), qualifier, ton_ambiguous,
 *             price_per unused
 *   percent   value 0-100, unit "%" (or "pp" for percentage points;
 *             basis points are hundredths of one: "50 bps" -> 0.5 pp)
 *   money     value in the currency's units (cents already divided), unit =
 *             the ISO 4217 currency code ("USD"); price_per = "lb", "t",
 *             "kg", "ozt" when written as a price ("$30/lb", "$1,900 an
 *             ounce"); per = "year"... for "$2 billion a year"
 *   count     value, unit = the counted noun in the singular ("vehicle",
 *             "country", "job")
 *   number    a bare figure with no unit (table cells, "1.2 million"):
 *             value only; the table header says what it counts
 *   country   id = ISO 3166-1 alpha-2 ("TR"), "EU", or ISO 3166-3 alpha-4
 *             ("SUHH"); form says how it was written (name, demonym,
 *             capital or government: a capital or a seat of government
 *             standing for it, "Ankara", "the White House")
 *   org       id = gazetteer slug ("byd"), kind ("company",
 *             "intergovernmental", "agency", "partnership", "media"),
 *             home = its home country id ("CN") or ""
 *   commodity id = vocabulary id ("rare-earths")
 *   date      id = ISO 8601 value ("2024", "2024-10", "2024-10-16",
 *             "2012/2013" for a fiscal year, "2024-07/2024-09" for Q3
 *             2024); "" when relative and no publication date was given
 * Figures (quantity, percent, money, count, number) have has_max and
 * value_max for ranges, and qualifier (eq approx lt le gt ge).
 *
 * Mentions come sorted by start and never overlap. */
#ifndef ASSAY_MENTIONS_H
#define ASSAY_MENTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "extract.h"

/* A span of the text: a sentence, a table row, a heading. */
struct assay_span {
	size_t start, end; /* bytes, end exclusive, trimmed of spaces */
	bool table_row;    /* a row of a table ("a | b | c" line or a doc row) */
};

/* Splits @text into sentences. Paragraph breaks (blank lines), table rows
 * and list items always end a sentence; a single newline ends one when the
 * line looks complete (ends in punctuation, is short like a heading, or the
 * next line is a bullet); ". ! ?" end one unless the word before is an
 * abbreviation (U.S., Co., Ltd., Jan., a.m., No., initials...).
 * *out is a new array (free() it), *n its length. ASSAY_OK or ENOMEM. */
int assay_split_sentences(const char *text, size_t len, struct assay_span **out,
			  size_t *n);

/* Finds every mention in @text. @opts may be NULL (no publication date).
 * *out is a new array (free() it) sorted by start, *n its length.
 * Returns ASSAY_OK, ASSAY_ENOMEM, or ASSAY_EINVAL before init. */
int assay_find_mentions(const char *text, size_t len,
			const struct assay_extract_opts *opts,
			struct assay_mention **out, size_t *n);

/* True for the figure types (quantity, percent, money, count, number). */
bool assay_mention_is_figure(const struct assay_mention *m);

/* The org's home country id ("CN" for "byd"), or NULL if unknown. */
const char *assay_org_home(const char *org_id);

/* True for a verb that makes "from X to Y" one span, not a change
 * ("assays ranged from 0.50 to 0.64 ounces"); @w is @n bytes. */
bool assay_span_word(const char *w, size_t n);

/* First mention index with start >= @pos (binary search), n if none. */
size_t assay_mention_lower_bound(const struct assay_mention *m, size_t n,
				 size_t pos);

/* Hard-wrapped text (wire stories at ~65 columns, <pre> blocks): when most
 * lines of @text end near one margin, each newline inside a paragraph is
 * turned into a space, in place. Length and offsets do not change; a
 * text that is not hard-wrapped is left as it is (unwrap.c). Returns
 * ASSAY_OK, or ASSAY_ENOMEM with @text untouched. */
int assay_unwrap_text(char *text, size_t len);

#endif
