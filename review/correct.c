/* correct.c - an editor's correction of a claim or an agreement: which
 * fields it may set, whether what was typed fits them, and what it
 * changed from what, in words, for the history on every desk.
 *
 * The vocabularies are the contract's (doc/claims.md): a claim's status
 * is actual, planned or estimated; an agreement's type and status come
 * from their lists. Ids (subject, metric, commodity, parties) are checked
 * for their form only, so an editor can name an organisation the
 * gazetteer does not know yet. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "review.h"
#include "str.h"
#include "vocab.h"

const char *const assay_review_agreement_types[] = {"agreement", "mou", "partnership",
	"membership", "deal", "joint-venture", "customs-union", "investment", NULL};

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* An id: letters, digits, '-', '_' and '.', 1 to 47 bytes. */
static bool is_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 47)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.", *s))
			return false;
	return true;
}

/* A period: a year, a month, or a span of them ("2023", "2024/2029",
 * "1987-03/1988-02"). */
static bool is_period(const char *s)
{
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);

	if (n != 4 && n != 7)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i == 4 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	return slash ? strchr(slash + 1, '/') == NULL && is_period(slash + 1) : true;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return true;
	return false;
}

static int cmp_party(const void *a, const void *b)
{
	return strcmp(a, b);
}

int assay_review_parse_parties(const char *text, struct assay_review_fix *f)
{
	const char *p = text;

	f->nparties = 0;
	while (*p) {
		size_t n;

		p += strspn(p, ", \t");
		n = strcspn(p, ", \t");
		if (!n)
			break;
		if (f->nparties == ASSAY_MAX_PARTIES || n >= sizeof f->parties[0])
			return ASSAY_EINVAL;
		memcpy(f->parties[f->nparties], p, n);
		f->parties[f->nparties++][n] = '\0';
		p += n;
	}
	if (f->nparties > 1)
		qsort(f->parties, (size_t)f->nparties, sizeof f->parties[0], cmp_party);
	for (int i = 0; i < f->nparties; i++)
		if (!is_id(f->parties[i]) || (i && !strcmp(f->parties[i], f->parties[i - 1])))
			return ASSAY_EINVAL;
	return ASSAY_OK;
}

const char *assay_review_fix_check(bool agreement, const struct assay_review_fix *f)
{
	if (agreement) {
		if (f->subject[0] || f->metric[0] || f->commodity[0] || f->period[0] || f->place[0])
			return "field";
		if (f->type[0] && !in_list(assay_review_agreement_types, f->type))
			return "type";
		if (f->status[0] && !assay_agreement_status_parse(f->status, NULL))
			return "status";
		for (int i = 0; i < f->nparties; i++)
			if (!is_id(f->parties[i]))
				return "parties";
		return NULL;
	}
	if (f->type[0] || f->nparties)
		return "field";
	if (f->subject[0] && !is_id(f->subject))
		return "subject";
	if (f->metric[0] && !is_id(f->metric))
		return "metric";
	if (f->commodity[0] && !is_id(f->commodity))
		return "commodity";
	if (f->period[0] && !is_period(f->period))
		return "period";
	if (f->status[0] && !assay_claim_status_parse(f->status, NULL))
		return "status";
	if (has_control(f->place))
		return "place";
	return NULL;
}

static void drop_if(char *field, const char *was)
{
	if (strcmp(field, was) == 0)
		field[0] = '\0';
}

void assay_review_fix_drop_same(struct assay_review_fix *f, const struct assay_claim *c,
				const struct assay_agreement *a)
{
	if (c) {
		drop_if(f->subject, c->subject);
		drop_if(f->metric, c->metric);
		drop_if(f->commodity, c->commodity);
		drop_if(f->period, c->period);
		drop_if(f->status, c->status);
		drop_if(f->place, c->place);
	}
	if (a) {
		bool same = f->nparties == a->nparties;

		for (int i = 0; same && i < f->nparties; i++)
			same = strcmp(f->parties[i], a->parties[i]) == 0;
		if (same)
			f->nparties = 0;
		drop_if(f->type, a->type);
		drop_if(f->status, a->status);
	}
}

bool assay_review_fix_empty(const struct assay_review_fix *f)
{
	return !f->subject[0] && !f->metric[0] && !f->commodity[0] && !f->period[0] &&
	       !f->status[0] && !f->place[0] && !f->type[0] && !f->nparties;
}

/* Appends "; NAME WAS -> NOW" to @out (at *@at of @size). */
static void change(char *out, size_t size, size_t *at, const char *name, const char *was,
		   const char *now)
{
	int n;

	if (*at >= size)
		return;
	n = snprintf(out + *at, size - *at, "%s%s %s \xe2\x86\x92 %s", *at ? "; " : "", name,
		     was[0] ? was : "(none)", now[0] ? now : "(none)");
	*at = n < 0 ? size : *at + (size_t)n;
}

static void parties_text(const char (*p)[48], int n, char *out, size_t size)
{
	size_t at = 0;

	out[0] = '\0';
	for (int i = 0; i < n && at < size; i++) {
		int k = snprintf(out + at, size - at, "%s%s", i ? ", " : "", p[i]);
		at = k < 0 ? size : at + (size_t)k;
	}
}

void assay_review_change_words(const struct assay_review *r, const struct assay_review *prev,
			       const struct assay_claim *c, const struct assay_agreement *a,
			       char *out, size_t size)
{
	static const struct assay_review none = {.state = "pending"};
	size_t at = 0;

	if (!size)
		return;
	out[0] = '\0';
	if (!prev)
		prev = &none;
	if (c) {
		struct assay_claim was, now;
		char fw[96], fn[96];

		assay_review_effective(prev, c, &was);
		assay_review_effective(r, c, &now);
		assay_review_fmt_figure(was.value, was.value_max, was.has_max, was.unit, fw, sizeof fw);
		assay_review_fmt_figure(now.value, now.value_max, now.has_max, now.unit, fn, sizeof fn);
		if (strcmp(fw, fn))
			change(out, size, &at, "figure", fw, fn);
#define FIELD(name) \
		if (strcmp(was.name, now.name)) \
			change(out, size, &at, #name, was.name, now.name);
		ASSAY_CLAIM_KEY_FIELDS(FIELD)
#undef FIELD
	}
	if (a) {
		struct assay_agreement was, now;
		char pw[320], pn[320];

		assay_review_effective_agreement(prev, a, &was);
		assay_review_effective_agreement(r, a, &now);
		if (strcmp(was.type, now.type))
			change(out, size, &at, "type", was.type, now.type);
		parties_text((const char (*)[48])was.parties, was.nparties, pw, sizeof pw);
		parties_text((const char (*)[48])now.parties, now.nparties, pn, sizeof pn);
		if (strcmp(pw, pn))
			change(out, size, &at, "parties", pw, pn);
		if (strcmp(was.status, now.status))
			change(out, size, &at, "status", was.status, now.status);
	}
	if (at >= size && size > 4) { /* cut: end on a whole character */
		size_t k = size - 4;

		while (k > 0 && ((unsigned char)out[k] & 0xc0) == 0x80)
			k--;
		memcpy(out + k, "\xe2\x80\xa6", 4);
	}
}

static void carry(char *field, size_t size, const char *prev)
{
	if (!field[0])
		assay_copy(field, size, prev);
}

void assay_review_carry(struct assay_review *d, const struct assay_review *prev)
{
	struct assay_review_fix *f = &d->fix;
	const struct assay_review_fix *p = &prev->fix;

	if (!assay_review_state_is(d->state, ASSAY_REVIEW_CORRECTED) ||
	    !assay_review_state_is(prev->state, ASSAY_REVIEW_CORRECTED))
		return;
	if (!d->has_value && prev->has_value) {
		d->value = prev->value;
		d->has_value = true;
		if (!d->unit[0])
			assay_copy(d->unit, sizeof d->unit, prev->unit);
	}
#define CARRY(name) carry(f->name, sizeof f->name, p->name);
	ASSAY_CLAIM_KEY_FIELDS(CARRY)
#undef CARRY
	carry(f->type, sizeof f->type, p->type);
	if (!f->nparties && p->nparties) {
		memcpy(f->parties, p->parties, sizeof f->parties);
		f->nparties = p->nparties;
	}
}

void assay_review_effective(const struct assay_review *r, const struct assay_claim *c,
			    struct assay_claim *out)
{
	assay_store_reviewed_key(c, r, out);
	if (assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED) && r->has_value) {
		out->value = r->value;
		out->has_max = false;
	}
}

void assay_review_effective_agreement(const struct assay_review *r,
				      const struct assay_agreement *a,
				      struct assay_agreement *out)
{
	const struct assay_review_fix *f = &r->fix;

	*out = *a;
	if (!assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED))
		return;
	if (f->type[0])
		assay_copy(out->type, sizeof out->type, f->type);
	if (f->status[0])
		assay_copy(out->status, sizeof out->status, f->status);
	if (f->nparties) {
		memcpy(out->parties, f->parties, sizeof out->parties);
		out->nparties = f->nparties;
	}
}

static int original_claim(void *ctx, const struct assay_stored_claim *c,
			  const struct assay_source *src, size_t n)
{
	struct assay_review_original *was = ctx;

	(void)src, (void)n;
	was->c = c->c;
	was->now = c->review;
	return ASSAY_OK;
}

static int original_agreement(void *ctx, const struct assay_stored_agreement *a,
			      const struct assay_source *src, size_t n)
{
	struct assay_review_original *was = ctx;

	(void)src, (void)n;
	was->is_agr = true;
	was->a = a->a;
	was->now = a->review;
	return ASSAY_OK;
}

int assay_review_original_get(struct assay_store *s, const char *id,
			      struct assay_review_original *out)
{
	memset(out, 0, sizeof *out);
	return assay_store_claim_get(s, id, original_claim, original_agreement, out);
}
