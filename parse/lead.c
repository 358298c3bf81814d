/* lead.c - the story's lead, found by what the page says it is about.
 *
 * Pages state their lead in metadata (JSON-LD description, og:, twitter:,
 * <meta name=description>), and themes print the same words as a
 * standfirst in the header above the story, outside the container that
 * holds its paragraphs and under any class name. The first paragraph or
 * heading before the story whose text agrees with a description is that
 * lead and is kept. Only agreement counts, not names or position alone:
 * a teaser of another story never says what this page's description says.
 * At most LEAD_READS elements have their text read, and every walk up the
 * tree is bounded, so the cost stays linear on any page. */
#include <stdint.h>
#include <string.h>

#include "assay.h"
#include "internal.h"

#define LEAD_MIN 40    /* bytes of a lead; shorter agreement is chance */
#define LEAD_READS 64  /* elements whose text is compared, per page */
#define LEAD_LOOKS 512 /* elements of a lead's shape looked at, per page */
#define LEAD_DEPTH 100 /* levels walked up from an element */
#define LEAD_SLACK 16  /* bytes a lead may differ in length beyond a cut */
#define CUT_GROWTH 4   /* times a cut description's length its lead may be */
#define AGREE_SHARE 0.9 /* of the shorter text that must open both */

/* Bytes of @d without a trailing ellipsis ("...", U+2026, "[...]"), the
 * mark of a description cut short. */
static size_t uncut_len(const char *d, bool *cut)
{
	size_t n = strlen(d);

	*cut = false;
	for (;;) {
		while (n && d[n - 1] == ' ')
			n--;
		if (n >= 3 && memcmp(d + n - 3, "...", 3) == 0)
			n -= 3;
		else if (n >= 3 && memcmp(d + n - 3, "\xE2\x80\xA6", 3) == 0)
			n -= 3;
		else if (n && (d[n - 1] == '[' || d[n - 1] == ']'))
			n--;
		else
			return n;
		*cut = true;
	}
}

/* Where the opening words of @a (its first LEAD_MIN bytes) stand in @b,
 * within its first third ("Recipes: " or "BERLIN (dpa) - " before the
 * shared words); SIZE_MAX when they do not. */
static size_t opening_in(const char *a, size_t an, const char *b, size_t bn)
{
	if (an < LEAD_MIN)
		return SIZE_MAX;
	for (size_t i = 0; i + LEAD_MIN <= bn && i <= bn / 3; i++)
		if (b[i] == a[0] && memcmp(b + i, a, LEAD_MIN) == 0)
			return i;
	return SIZE_MAX;
}

/* Does paragraph text @t (@n bytes) say what description @d says? From
 * where the same words start, both go on alike over nearly all of the
 * shorter one; a description cut short may be any opening of the
 * paragraph, and a paragraph may be most of a description that goes on
 * with the site's slogan. */
static bool agrees(const char *t, size_t n, const char *d)
{
	bool cut;
	size_t dn = uncut_len(d, &cut), k = 0, off, shorter;

	if ((off = opening_in(t, n, d, dn)) != SIZE_MAX) {
		d += off;
		dn -= off;
	} else if ((off = opening_in(d, dn, t, n)) != SIZE_MAX) {
		t += off;
		n -= off;
	} else {
		return false;
	}
	shorter = n < dn ? n : dn;
	while (k < shorter && t[k] == d[k])
		k++;
	if ((k == dn && cut) || (k == n && n * 2 >= dn))
		return true; /* a cut description, or one that adds a slogan */
	return (double)k >= AGREE_SHARE * (double)shorter &&
	       (n > dn ? n - dn : dn - n) <= LEAD_SLACK + shorter / 10;
}

/* Lengths a lead of these descriptions may have: [lo, hi] bytes. */
struct span {
	size_t lo, hi;
};

static struct span lead_span(const struct parse_ctx *c)
{
	struct span sp = {SIZE_MAX, 0};

	for (size_t i = 0; i < c->meta.ndesc; i++) {
		bool cut;
		size_t n = uncut_len(c->meta.desc[i], &cut);
		size_t lo = n / 3;
		size_t hi = cut ? n * CUT_GROWTH : (n + n / 5 + LEAD_SLACK) * 3 / 2;

		if (lo < sp.lo)
			sp.lo = lo;
		if (hi > sp.hi)
			sp.hi = hi;
	}
	if (sp.lo < LEAD_MIN)
		sp.lo = LEAD_MIN;
	return sp;
}

/* Could @ni be a lead @sp bytes long? */
static bool lead_shaped(const struct ninfo *ni, struct span sp)
{
	unsigned f = ni->tag->flags;

	return (f & TAG_BLOCK) && (f & (TAG_PARA | TAG_HEADING)) && !(f & (TAG_ITEM | TAG_CELL)) &&
	       !(ni->flags & NI_SKIP) && ni->text >= sp.lo && ni->text <= sp.hi &&
	       ni->link * 2 < ni->text;
}

static bool under_skipped(const struct parse_ctx *c, xmlNode *n)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < LEAD_DEPTH; i++, n = n->parent) {
		const struct ninfo *ni = node_info(c, n);

		if (ni && (ni->flags & NI_SKIP))
			return true;
	}
	return false;
}

/* Is @a @n or above it, at most LEAD_DEPTH levels up? */
static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (int i = 0; n && i < LEAD_DEPTH; i++, n = n->parent)
		if (n == a)
			return true;
	return false;
}

/* A description that only repeats the title names no lead: the heading
 * it matches is the title, which the story's container holds or drops. */
bool parse_described(const struct parse_ctx *c, const char *t, size_t n)
{
	const char *title = c->meta.val[MF_TITLE];

	for (size_t i = 0; i < c->meta.ndesc; i++)
		if (agrees(t, n, c->meta.desc[i]) &&
		    !(title && agrees(title, strlen(title), c->meta.desc[i])))
			return true;
	return false;
}

static bool kept_already(const struct parse_ctx *c, const xmlNode *n)
{
	for (size_t i = 0; i < c->nkeep; i++)
		if (is_ancestor(c->keep[i], n))
			return true;
	return false;
}

void parse_described_lead(struct parse_ctx *c, size_t cap)
{
	const struct ninfo *top = c->top ? node_info(c, c->top) : NULL;
	struct assay_buf b = {0};
	struct span sp;
	xmlNode *found = NULL;
	size_t end;
	int reads = 0, looks = 0;

	if (!top || !c->meta.ndesc || c->nkeep >= cap)
		return;
	sp = lead_span(c);
	end = (size_t)(top - c->ni); /* infos are in document order */
	for (size_t i = 0; i < end && reads < LEAD_READS; i++) {
		const struct ninfo *ni = &c->ni[i];

		if (found && !is_ancestor(found, ni->node))
			break; /* the innermost element that agrees is the lead */
		if (!lead_shaped(ni, sp))
			continue;
		if (++looks > LEAD_LOOKS)
			break;
		if (is_ancestor(ni->node, c->top) || under_skipped(c, ni->node))
			continue;
		reads++;
		assay_buf_reset(&b);
		if (parse_subtree_text(c, ni->node, &b, sp.hi + 1) != ASSAY_OK) {
			c->oom = true;
			break;
		}
		parse_trim(&b);
		if (b.len && b.data[0] == ' ') {
			memmove(b.data, b.data + 1, b.len);
			b.len--;
		}
		if (b.len && parse_described(c, b.data, b.len))
			found = ni->node; /* an element inside it may agree too */
	}
	if (found && !kept_already(c, found))
		c->keep[c->nkeep++] = found;
	assay_buf_release(&b);
}
