/* serve_names.h - what the review pages call a subject: "China" for CN,
 * "Lynas Rare Earths" for lynas. The table is made at build time by
 * serve_names.py from Debian's iso-codes (ISO 3166-1 and -3) and the
 * extractor's own gazetteers (extract/data/countries.tsv for the ids ISO
 * lacks, such as EU; extract/data/orgs.tsv for organisations), so the
 * names follow the ids the extractor gives. */
#ifndef ASSAY_SERVE_NAMES_H
#define ASSAY_SERVE_NAMES_H

/* The name of country or organisation @id, or NULL when unknown. */
const char *serve_name_of(const char *id);

#endif
