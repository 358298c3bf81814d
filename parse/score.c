/* score.c - measures every element and finds the article's container.
 *
 * One iterative walk (no recursion: 100,000-deep pages are fine) records,
 * per element, its text, link text and commas, and scores the ancestors of
 * every paragraph the way Readability does: 1 + commas + length/100 (max
 * 3), the parent in full, the grandparent half, and less further up.
 * Paragraphs inside furniture (class/id hints, <nav>, <aside>, <footer>)
 * score only score_all, which is used when nothing outside furniture reads
 * like an article (some themes put "has-sidebar" on the page wrapper). */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "internal.h"

#define PARA_MIN 25   /* bytes of own text that make a paragraph */
#define MIN_ARTICLE 200

static struct ninfo *new_info(struct parse_ctx *c, xmlNode *n)
{
	struct ninfo *ni;

	if (c->nni == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 1024;
		struct ninfo *p = realloc(c->ni, cap * sizeof *p);

		if (!p)
			return NULL;
		c->ni = p;
		c->cap = cap;
	}
	ni = &c->ni[c->nni++];
	memset(ni, 0, sizeof *ni);
	ni->node = n;
	n->_private = (void *)(uintptr_t)c->nni;
	return ni;
}

static bool is_body_signal(const xmlNode *n)
{
	const char *v = parse_attr(n, "itemprop");

	return v && strcmp(v, "articleBody") == 0;
}

/* Sets tag, class weight and flags of a new element's info. */
static void classify(struct parse_ctx *c, struct ninfo *ni, xmlNode *n)
{
	const struct tag_def *t = parse_tag_lookup((const char *)n->name);
	int hint;

	ni->tag = t;
	if ((t->flags & TAG_SKIP) || parse_is_hidden(n)) {
		ni->flags |= NI_SKIP;
		return;
	}
	hint = parse_class_hint(parse_attr(n, "class"), parse_attr(n, "id"));
	ni->weight = (int16_t)(hint * 25);
	if (is_body_signal(n)) {
		ni->flags |= NI_BODY;
		ni->weight += 50;
	} else if (hint < 0 || (t->flags & TAG_FURN)) {
		ni->flags |= NI_FURN;
	} else if (hint > 0) {
		ni->flags |= NI_POS;
	}
	if (t->flags & TAG_LINK)
		c->in_link++;
	if (ni->flags & NI_FURN)
		c->in_furn++;
}

static void count_text(struct parse_ctx *c, xmlNode *t)
{
	struct ninfo *p = t->parent ? node_info(c, t->parent) : NULL;
	uint32_t commas = 0, len;

	if (!p || !t->content)
		return;
	len = (uint32_t)parse_collapsed_len((const char *)t->content, &commas);
	p->text += len;
	p->itext += len;
	p->commas += commas;
	p->icommas += commas;
	if (c->in_link) {
		p->link += len;
		p->ilink += len;
	}
}

static void add_score(struct ninfo *ai, float s, bool furn)
{
	if (!(ai->flags & NI_CAND)) {
		ai->flags |= NI_CAND;
		ai->score = ai->score_all = (float)(ai->tag->base + ai->weight);
	}
	ai->score_all += s;
	if (!furn)
		ai->score += s;
}

/* A block's own text is a paragraph: its ancestors earn its score. */
static void score_paragraph(struct parse_ctx *c, xmlNode *n, struct ninfo *ni)
{
	float s = 1.0f + (float)ni->icommas + (float)(ni->itext / 100 < 3 ? ni->itext / 100 : 3);
	bool furn = c->in_furn > 0;
	xmlNode *a = n->parent;

	if (ni->itext < PARA_MIN || ni->ilink * 2 > ni->itext)
		return;
	ni->paras++;
	for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5; level++, a = a->parent) {
		struct ninfo *ai = node_info(c, a);

		if (!ai || !a->parent || a->parent->type != XML_ELEMENT_NODE)
			break; /* <html> is never the article */
		add_score(ai, s / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f), furn);
	}
}

/* Leaving an element: its totals flow to its parent. */
static void finish(struct parse_ctx *c, xmlNode *n)
{
	struct ninfo *ni = node_info(c, n), *p;

	if (!ni || (ni->flags & NI_SKIP))
		return;
	if (ni->tag->flags & TAG_LINK)
		c->in_link--;
	if (ni->flags & NI_FURN)
		c->in_furn--;
	/* a table holding tables is layout; its cells are containers */
	if ((ni->tag->flags & TAG_TABLE) && (ni->flags & NI_HASTABLE))
		ni->flags |= NI_LAYOUT;
	if (ni->tag->flags & TAG_BLOCK) {
		if (ni->tag->flags & TAG_PARA)
			score_paragraph(c, n, ni);
		ni->itext = ni->ilink = ni->icommas = 0;
	}
	p = n->parent ? node_info(c, n->parent) : NULL;
	if (!p)
		return;
	p->text += ni->text;
	p->link += ni->link;
	p->commas += ni->commas;
	p->paras += ni->paras;
	p->itext += ni->itext;
	p->ilink += ni->ilink;
	p->icommas += ni->icommas;
	if ((ni->tag->flags & TAG_TABLE) || (ni->flags & NI_HASTABLE))
		p->flags |= NI_HASTABLE;
}

/* Enters an element; returns whether to walk into its children. */
static bool enter(struct parse_ctx *c, xmlNode *n, bool *oom)
{
	struct ninfo *ni = new_info(c, n);

	if (!ni) {
		*oom = true;
		return false;
	}
	classify(c, ni, n);
	parse_meta_element(c, n, ni->tag);
	if ((ni->flags & NI_SKIP) && strcmp((const char *)n->name, "head") != 0)
		return false;
	if (strcmp((const char *)n->name, "body") == 0)
		c->body = n;
	return n->children != NULL;
}

int parse_measure(struct parse_ctx *c)
{
	xmlNode *n = xmlDocGetRootElement(c->doc);
	bool oom = false;

	while (n && !oom) {
		bool down = false;

		if (n->type == XML_ELEMENT_NODE) {
			down = enter(c, n, &oom);
			if (!down)
				finish(c, n);
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			count_text(c, n);
		}
		if (down) {
			n = n->children;
			continue;
		}
		while (n && !n->next) {
			n = n->parent;
			if (!n || n->type != XML_ELEMENT_NODE) {
				n = NULL;
				break;
			}
			finish(c, n);
		}
		if (n)
			n = n->next;
	}
	return oom ? ASSAY_ENOMEM : ASSAY_OK;
}

static float final_score(const struct ninfo *ni, bool all)
{
	float ld = ni->text ? (float)ni->link / (float)ni->text : 0.0f;

	return (all ? ni->score_all : ni->score) * (1.0f - ld);
}

static struct ninfo *best_candidate(struct parse_ctx *c, bool all)
{
	struct ninfo *best = NULL;
	float bs = 0;

	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		float s;

		if (!(ni->flags & NI_CAND))
			continue;
		s = final_score(ni, all);
		if (!best || s > bs) {
			best = ni;
			bs = s;
		}
	}
	return best;
}

static bool same_class(const xmlNode *a, const xmlNode *b)
{
	const char *x = parse_attr(a, "class"), *y = parse_attr(b, "class");

	return x && y && *x && strcmp(x, y) == 0;
}

/* Readability's rule for the top candidate's siblings. */
static bool keep_sibling(struct parse_ctx *c, xmlNode *top, xmlNode *s, float threshold, bool all)
{
	struct ninfo *si = node_info(c, s), *ti = node_info(c, top);
	float bonus = 0, ld;

	if (!si || (si->flags & (NI_SKIP | NI_FURN)))
		return false;
	if (same_class(top, s))
		bonus = final_score(ti, all) * 0.2f;
	if ((si->flags & NI_CAND) && final_score(si, all) + bonus >= threshold)
		return true;
	if (!(si->tag->flags & TAG_PARA) || !si->text)
		return false;
	ld = (float)si->link / (float)si->text;
	if (si->text > 80 && ld < 0.25f)
		return true;
	return si->text > 0 && si->link == 0 && si->paras > 0;
}

static void add_keep(struct parse_ctx *c, xmlNode *n, size_t cap)
{
	if (c->nkeep < cap)
		c->keep[c->nkeep++] = n;
}

void parse_select(struct parse_ctx *c)
{
	struct ninfo *best = best_candidate(c, false);
	bool all = false;
	size_t cap = 0;
	float threshold;

	if (!best || best->text < MIN_ARTICLE) {
		struct ninfo *b2 = best_candidate(c, true);

		if (b2 && (!best || b2->text > best->text)) {
			best = b2;
			all = true;
		}
	}
	c->nkeep = 0;
	if (!best) {
		c->top = c->body;
		if (c->body && (c->keep = malloc(sizeof *c->keep))) {
			c->keep[0] = c->body;
			c->nkeep = 1;
		}
		return;
	}
	c->top = best->node;
	if (!c->top->parent || c->top->parent->type != XML_ELEMENT_NODE) {
		if ((c->keep = malloc(sizeof *c->keep)))
			c->keep[c->nkeep++] = c->top;
		return;
	}
	for (xmlNode *s = c->top->parent->children; s; s = s->next)
		cap++;
	if (!(c->keep = malloc(cap * sizeof *c->keep))) {
		c->oom = true;
		return;
	}
	threshold = final_score(best, all) * 0.2f;
	if (threshold < 10)
		threshold = 10;
	for (xmlNode *s = c->top->parent->children; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (s == c->top || keep_sibling(c, c->top, s, threshold, all))
			add_keep(c, s, cap);
	}
}
