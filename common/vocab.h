/* vocab.h - the closed vocabularies of the claims contract (claims.md)
 * that more than one module reads, each with one home: review states,
 * claim statuses, qualifiers, changes, agreement statuses and their
 * classes, and
 * the month names the date readers know (data/months.tsv).
 *
 * A closed set is an enum with its names (the contract's words, lower-case
 * ASCII, in the enum's order, NULL after the last) and a parse function
 * that is exact and case-sensitive; records keep the names, code compares
 * the enums. */
#ifndef ASSAY_VOCAB_H
#define ASSAY_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

/* An editor's decision on a claim or agreement. */
enum assay_review_state { ASSAY_REVIEW_PENDING, ASSAY_REVIEW_ACCEPTED, ASSAY_REVIEW_REJECTED,
			  ASSAY_REVIEW_CORRECTED, ASSAY_REVIEW_STATES /* how many */ };

/* Whether a claim's figure happened, is planned or is estimated. */
enum assay_claim_status { ASSAY_CLAIM_ACTUAL, ASSAY_CLAIM_PLANNED, ASSAY_CLAIM_ESTIMATED,
			  ASSAY_CLAIM_STATUSES };

/* How exact a figure is: "eq", "approx", "lt", "le", "gt", "ge". */
enum assay_qualifier { ASSAY_QUAL_EQ, ASSAY_QUAL_APPROX, ASSAY_QUAL_LT, ASSAY_QUAL_LE,
		       ASSAY_QUAL_GT, ASSAY_QUAL_GE, ASSAY_QUALIFIERS };

/* Which way a figure that is a change went (a claim's `change`; a level
 * has none: ""). */
enum assay_change { ASSAY_CHANGE_UP, ASSAY_CHANGE_DOWN, ASSAY_CHANGES };

/* Where an agreement stands, in the order an editor is offered them. */
enum assay_agreement_status { ASSAY_AGR_SIGNED, ASSAY_AGR_JOINED, ASSAY_AGR_APPLIED,
			      ASSAY_AGR_NEGOTIATING, ASSAY_AGR_PURSUED, ASSAY_AGR_STALLED,
			      ASSAY_AGR_PROPOSED, ASSAY_AGR_COMMITTED, ASSAY_AGR_ENDED,
			      ASSAY_AGR_STATUSES };

/* Each set's names, in its enum's order, NULL after the last. */
extern const char *const assay_review_state_names[ASSAY_REVIEW_STATES + 1];
extern const char *const assay_claim_status_names[ASSAY_CLAIM_STATUSES + 1];
extern const char *const assay_qualifier_names[ASSAY_QUALIFIERS + 1];
extern const char *const assay_change_names[ASSAY_CHANGES + 1];
extern const char *const assay_agreement_status_names[ASSAY_AGR_STATUSES + 1];

/* True when @s names a member of the set; then *out (if not NULL) is it. */
bool assay_review_state_parse(const char *s, enum assay_review_state *out);
bool assay_claim_status_parse(const char *s, enum assay_claim_status *out);
bool assay_qualifier_parse(const char *s, enum assay_qualifier *out);
bool assay_change_parse(const char *s, enum assay_change *out);
bool assay_agreement_status_parse(const char *s, enum assay_agreement_status *out);

/* Whether @s (a record's state, may be NULL) names review state @st:
 * code compares the enum, never the word. */
bool assay_review_state_is(const char *s, enum assay_review_state st);
/* Writes the name of @st to @dst, a record's state of @cap bytes. */
void assay_review_state_set(char *dst, size_t cap, enum assay_review_state st);

/* Which statuses tell the same story: one class agrees with itself
 * ("signed" a partnership, "committed" an investment: "done"); two
 * classes between the same parties contradict (signed against stalled
 * talks). The classes are "done", "talks", "stalled" and "ended"; a
 * status not in the set is a class of its own: returns @status. */
const char *assay_agreement_status_class(const char *status);

/* The month (1-12) a name of data/months.tsv stands for, in any case
 * ("March", "sept", "Oktober"); 0 when @w (@n bytes) is none. */
int assay_month_of(const char *w, size_t n);

/* The month whose English name begins with @w, at least three letters
 * of it in any case ("Jan", "Janu", "January"); 0 when none does. */
int assay_month_prefix(const char *w, size_t n);

/* The @i-th month name of data/months.tsv (in the file's order, lower
 * case) of language @lang ("en") and form @form ("full", "short"); NULL
 * past the last. For readers that build their own lookup (a pattern, a
 * word set) from the one list. */
const char *assay_month_name(const char *lang, const char *form, size_t i);

#endif
