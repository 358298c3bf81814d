/* filter.c - the listing filters (filter.h): parsed and checked here once,
 * so every command refuses a bad date or state with the same words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "assay.h"
#include "extract.h"
#include "filter.h"
#include "log.h"
#include "rows.h"
#include "vocab.h"

/* YYYY, YYYY-MM or YYYY-MM-DD with a month and day that can be. */
static bool is_iso_date(const char *s)
{
	size_t n = strlen(s);

	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return false;
	return n < 10 || (atoi(s + 8) >= 1 && atoi(s + 8) <= 31);
}

int cli_filter_option(int c, const char *arg, const char *cmd, struct assay_claim_filter *f,
		      bool *open)
{
	char *end;
	long n;

	switch (c) {
	case CLI_OPT_SUBJECT: f->subject = arg; return 1;
	case CLI_OPT_METRIC: f->metric = arg; return 1;
	case CLI_OPT_COMMODITY: f->commodity = arg; return 1;
	case CLI_OPT_OPEN: *open = true; return 1;
	case CLI_OPT_SINCE:
	case CLI_OPT_UNTIL:
		if (!is_iso_date(arg)) {
			assay_err("%s: --%s %s: give a date as YYYY, YYYY-MM or YYYY-MM-DD", cmd,
				  c == CLI_OPT_SINCE ? "since" : "until", arg);
			return -1;
		}
		*(c == CLI_OPT_SINCE ? &f->since : &f->until) = arg;
		return 1;
	case CLI_OPT_MIN_STORIES:
		n = strtol(arg, &end, 10);
		if (end == arg || *end || n < 1 || n > 1000000) {
			assay_err("%s: --min-stories %s: give a whole number from 1", cmd, arg);
			return -1;
		}
		f->min_stories = (size_t)n;
		return 1;
	case CLI_OPT_STATE:
		if (!assay_review_state_parse(arg, NULL)) {
			assay_err("%s: --state %s: use pending, accepted, rejected or corrected",
				  cmd, arg);
			return -1;
		}
		f->state = arg;
		return 1;
	default: return 0;
	}
}

int cli_filter_open_items(const char *cmd, struct assay_claim_filter *f, bool open)
{
	if (!open)
		return 0;
	if (f->state && !assay_review_state_is(f->state, ASSAY_REVIEW_PENDING)) {
		assay_err("%s: --open lists what is pending; it cannot be --state %s", cmd,
			  f->state);
		return -1;
	}
	f->state = assay_review_state_names[ASSAY_REVIEW_PENDING];
	return 0;
}

/* Binary search for @key; *at is where it is or would go. */
static bool find_key(const struct cli_key_counts *kc, const char *key, size_t *at)
{
	size_t lo = 0, hi = kc->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(kc->v[mid].key, key);

		if (!d) {
			*at = mid;
			return true;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return false;
}

static int count_key(void *ctx, const struct assay_claim *c)
{
	struct cli_key_counts *kc = ctx;
	const char *key = kc->field == CLI_KEY_SUBJECT ? c->subject :
			  kc->field == CLI_KEY_METRIC ? c->metric : c->commodity;
	size_t at;

	if (!key[0])
		return 0;
	if (!find_key(kc, key, &at)) {
		if (assay_array_reserve(&kc->v, &kc->cap, kc->n + 1, sizeof *kc->v))
			return ASSAY_ENOMEM;
		memmove(kc->v + at + 1, kc->v + at, (kc->n - at) * sizeof *kc->v);
		memset(&kc->v[at], 0, sizeof kc->v[at]);
		snprintf(kc->v[at].key, sizeof kc->v[at].key, "%s", key);
		kc->n++;
	}
	kc->v[at].claims++;
	return 0;
}

int cli_count_keys(struct assay_store *s, struct cli_key_counts *kc)
{
	return assay_store_claim_keys(s, count_key, kc);
}

/* Edit distance of @a and @b, case ignored (the first 63 bytes of each). */
static size_t distance(const char *a, const char *b)
{
	char la[64], lb[64];
	size_t i;

	for (i = 0; a[i] && i < sizeof la - 1; i++)
		la[i] = (char)tolower((unsigned char)a[i]);
	la[i] = 0;
	for (i = 0; b[i] && i < sizeof lb - 1; i++)
		lb[i] = (char)tolower((unsigned char)b[i]);
	lb[i] = 0;
	return cli_distance(la, lb);
}

/* The store's subject nearest @name by id or by name, or NULL when none
 * is near (more than a third of the name's letters, and 2, apart). */
static const char *nearest_subject(const struct cli_key_counts *kc, const char *name)
{
	size_t best = (size_t)-1, limit = strlen(name) / 3 > 2 ? strlen(name) / 3 : 2;
	const char *pick = NULL;

	for (size_t i = 0; i < kc->n; i++) {
		const char *shown = cli_subject_name(kc->v[i].key);
		size_t d = distance(name, kc->v[i].key);

		if (shown && distance(name, shown) < d)
			d = distance(name, shown);
		if (d < best)
			best = d, pick = kc->v[i].key;
	}
	return best <= limit ? pick : NULL;
}

int cli_filter_resolve(struct assay_store *s, const char *cmd, struct assay_claim_filter *f)
{
	struct cli_key_counts kc = {.field = CLI_KEY_SUBJECT};
	const char *id, *near;
	size_t at;
	int rc;

	if (!f->subject)
		return 0;
	cli_subject_name(""); /* loads the gazetteer */
	id = assay_subject_id(f->subject);
	if (id) {
		f->subject = id;
		return 0;
	}
	rc = cli_count_keys(s, &kc);
	for (at = 0; !rc && at < kc.n && strcasecmp(kc.v[at].key, f->subject); at++)
		;
	if (rc || at < kc.n) { /* a subject the gazetteer does not know */
		free(kc.v);
		return 0;
	}
	near = nearest_subject(&kc, f->subject);
	if (near && cli_subject_name(near))
		assay_err("%s: --subject %s: no such subject (did you mean %s (%s)?)", cmd,
			  f->subject, cli_subject_name(near), near);
	else if (near)
		assay_err("%s: --subject %s: no such subject (did you mean %s?)", cmd, f->subject,
			  near);
	else
		assay_err("%s: --subject %s: no such subject ('assay list subjects' lists them)",
			  cmd, f->subject);
	free(kc.v);
	return -1;
}
