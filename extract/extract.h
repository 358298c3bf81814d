/* extract.h - cleaned text -> mentions, claims and agreements.
 *
 * The contract is ../shared/docs/claims.md: field names and vocabularies
 * there are fixed. Every struct here is plain data with fixed-size
 * strings, so results can be copied, stored and compared without
 * ownership questions. Offsets are bytes into the text given. */
#ifndef ASSAY_EXTRACT_H
#define ASSAY_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "clean.h"

enum assay_mention_type {
	ASSAY_M_QUANTITY,
	ASSAY_M_PERCENT,
	ASSAY_M_MONEY,
	ASSAY_M_COUNT,
	ASSAY_M_COUNTRY,
	ASSAY_M_ORG,
	ASSAY_M_COMMODITY,
	ASSAY_M_DATE,
	ASSAY_M_NUMBER,        /* a bare figure without unit (table cells) */
};

struct assay_mention {
	enum assay_mention_type type;
	size_t start, end;     /* bytes into the text, end exclusive */
	double value;          /* figures: canonical value (low end of a range) */
	double value_max;      /* ranges only */
	bool has_max;
	bool ton_ambiguous;
	char unit[24];         /* "t", "ozt", "g/t", "%", currency code, counted noun */
	char unit_text[32];    /* the unit as written */
	char per[8];           /* "year", "month", "day" or "" */
	char qualifier[8];     /* eq approx lt le gt ge, "" for non-figures */
	char id[48];           /* country / org / commodity id; date: ISO value */
	char kind[20];         /* org kind */
	char price_per[8];     /* money written as a price: "lb" "t" "kg" "ozt" */
	char home[4];          /* org: home country id, else "" */
	char form[12];         /* country: "name" "demonym" "capital"; "" else */
};

struct assay_evidence {
	size_t start, end;     /* the sentence or table row, bytes into the text */
};

struct assay_claim {
	char subject[48];      /* country id or org id */
	char metric[32];
	char commodity[32];    /* "" for null */
	char period[16];       /* "" for null */
	char status[12];       /* actual planned estimated */
	char place[64];        /* "" when none */
	double value, value_max;
	bool has_max;
	char unit[24];
	char qualifier[8];
	char per[8];           /* "" when none */
	char price_per[8];     /* prices only */
	char change[8];        /* "up", "down" or "" */
	size_t fig_start, fig_end; /* the figure's own span */
	struct assay_evidence evidence;
};

#define ASSAY_MAX_PARTIES 6

struct assay_agreement {
	char type[16];
	char parties[ASSAY_MAX_PARTIES][48]; /* sorted ids */
	int nparties;
	char status[12];
	char topic[32];        /* "" for null */
	struct assay_evidence evidence;
};

/* One document's results; owns its arrays. */
struct assay_extraction {
	struct assay_mention *mentions;
	size_t nmentions;
	struct assay_claim *claims;
	size_t nclaims;
	struct assay_agreement *agreements;
	size_t nagreements;
};

struct assay_extract_opts {
	const char *published; /* "YYYY-MM-DD" for relative dates, or NULL */
};

/* Loads gazetteers and compiles patterns, once per process; idempotent
 * and cheap after the first call. Returns ASSAY_OK or an error. */
int assay_extract_init(void);
void assay_extract_shutdown(void);

/* Extracts from a cleaned document (its blocks and tables are used). */
int assay_extract_doc(const struct assay_doc *doc, const struct assay_extract_opts *opts,
		      struct assay_extraction *out);
/* Extracts from plain text (paragraphs separated by blank lines). */
int assay_extract_text(const char *text, size_t len, const struct assay_extract_opts *opts,
		       struct assay_extraction *out);
void assay_extraction_release(struct assay_extraction *x);

/* Subjects by name and names by subject, from the gazetteer (countries
 * and organisations); both need assay_extract_init() and return NULL
 * without it. assay_subject_id: the id a name stands for ("China",
 * "the DRC", "Glencore", or an id in any case: "cn"), NULL for none.
 * assay_subject_name: the name to show beside an id ("CN" -> "China",
 * "byd" -> "BYD"), NULL for an unknown id. Both point into the
 * gazetteer, valid until assay_extract_shutdown(). */
const char *assay_subject_id(const char *name);
const char *assay_subject_name(const char *id);

/* The claims.md name of a mention type: "quantity", "percent", "money",
 * "count", "number", "country", "org", "commodity", "date". */
const char *assay_mention_type_name(enum assay_mention_type t);

#endif
