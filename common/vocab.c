/* vocab.c - the contract's closed vocabularies (vocab.h). The names are
 * here once; the month names come from data/months.tsv, compiled into
 * months.h by embed_words.py. Lookups walk short tables: at most sixty
 * rows, no allocation, safe from any thread. */
#include <string.h>
#include <strings.h>

#include "months.h"
#include "str.h"
#include "vocab.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *const assay_review_state_names[ASSAY_REVIEW_STATES + 1] = {
	"pending", "accepted", "rejected", "corrected", NULL,
};

const char *const assay_claim_status_names[ASSAY_CLAIM_STATUSES + 1] = {
	"actual", "planned", "estimated", NULL,
};

const char *const assay_qualifier_names[ASSAY_QUALIFIERS + 1] = {
	"eq", "approx", "lt", "le", "gt", "ge", NULL,
};

const char *const assay_change_names[ASSAY_CHANGES + 1] = {
	"up", "down", NULL,
};

const char *const assay_agreement_status_names[ASSAY_AGR_STATUSES + 1] = {
	"signed", "joined", "applied", "negotiating", "pursued", "stalled", "proposed",
	"committed", "ended", NULL,
};

/* The index of @s in the NULL-terminated @names, or -1. */
static int name_index(const char *const *names, const char *s)
{
	for (int i = 0; s && names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* bool assay_SET_parse(const char *s, enum assay_SET *out) of vocab.h. */
#define PARSE_FUNCTION(set)                                                 \
	bool assay_##set##_parse(const char *s, enum assay_##set *out)      \
	{                                                                   \
		int i = name_index(assay_##set##_names, s);                 \
		if (i >= 0 && out)                                          \
			*out = (enum assay_##set)i;                         \
		return i >= 0;                                              \
	}

PARSE_FUNCTION(review_state)
PARSE_FUNCTION(claim_status)
PARSE_FUNCTION(qualifier)
PARSE_FUNCTION(change)
PARSE_FUNCTION(agreement_status)

bool assay_review_state_is(const char *s, enum assay_review_state st)
{
	enum assay_review_state got;

	return assay_review_state_parse(s, &got) && got == st;
}

void assay_review_state_set(char *dst, size_t cap, enum assay_review_state st)
{
	assay_copy(dst, cap, assay_review_state_names[st]);
}

const char *assay_agreement_status_class(const char *status)
{
	static const char *const cls[ASSAY_AGR_STATUSES] = {
		[ASSAY_AGR_SIGNED] = "done",       [ASSAY_AGR_JOINED] = "done",
		[ASSAY_AGR_COMMITTED] = "done",    [ASSAY_AGR_NEGOTIATING] = "talks",
		[ASSAY_AGR_PURSUED] = "talks",     [ASSAY_AGR_APPLIED] = "talks",
		[ASSAY_AGR_PROPOSED] = "talks",    [ASSAY_AGR_STALLED] = "stalled",
		[ASSAY_AGR_ENDED] = "ended",
	};
	enum assay_agreement_status s;

	return assay_agreement_status_parse(status, &s) ? cls[s] : status;
}

int assay_month_of(const char *w, size_t n)
{
	for (size_t k = 0; k < COUNT(months); k++)
		if (strlen(months[k].name) == n && strncasecmp(w, months[k].name, n) == 0)
			return months[k].month;
	return 0;
}

int assay_month_prefix(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	for (size_t k = 0; k < COUNT(months); k++)
		if (strcmp(months[k].lang, "en") == 0 && strcmp(months[k].form, "full") == 0 &&
		    n <= strlen(months[k].name) && strncasecmp(w, months[k].name, n) == 0)
			return months[k].month;
	return 0;
}

const char *assay_month_name(const char *lang, const char *form, size_t i)
{
	for (size_t k = 0; k < COUNT(months); k++)
		if (strcmp(months[k].lang, lang) == 0 && strcmp(months[k].form, form) == 0 && i-- == 0)
			return months[k].name;
	return NULL;
}
