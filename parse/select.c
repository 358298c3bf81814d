/* select.c - chooses the article's container from what score.c measured.
 *
 * Every paragraph scores its ancestors as Readability does, the parent in
 * full, the grandparent half, less further up; paragraphs inside furniture
 * (by class name or tag) count only for score_all. A furniture name is
 * not a verdict: when the element that best holds paragraphs, counting
 * every paragraph, sits inside furniture and clearly outscores what is
 * outside ("promo", a byline div left open, ASP.NET's form, a theme's
 * "has-sidebar" wrapper), the names above it are lifted and the page is
 * scored again. A page that marks its main part (<main>, role=main)
 * keeps the story there. The best candidate is refined (Readability's
 * shared-ancestor and climbing rules, then widened to a story split in
 * several containers), and kept with its worthy siblings, the other boxes
 * of its kind a long read is cut into, and any lead (standfirst) the
 * theme put beside it. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "internal.h"

#define MIN_ARTICLE 200 /* bytes: less outside furniture, and furniture is read too */
#define FURN_DEPTH 100 /* ancestors looked at for furniture */
#define ALTERNATIVES 5  /* runners-up that may share an ancestor with the best */
#define SHORT_CANDIDATE 200.0f /* bytes under which a candidate's score shrinks */
#define HIDDEN_SHARE 9  /* a hidden modal may hold more than the story */
#define WIDEN_LEVELS 6  /* ancestors a story may be widened to */
#define WIDEN_GROWTH 1.5f /* times more paragraph text that widens it */
#define LEAD_MAX 4      /* leads kept beside the story */
#define LEAD_LEVELS 4   /* levels up where a lead is looked for */
#define LEAD_SCAN 200 /* elements searched for a lead in each sibling */
#define INGREDIENT_MAX 2 /* ingredient lists kept beside a recipe's steps */
#define INGREDIENT_LEVELS 4 /* levels up where they are looked for */
#define INGREDIENT_SCAN 400 /* elements searched in each sibling */
#define HELD_SCORE 1.5f /* times the score outside furniture that lifts it */
#define PART_MIN 240   /* bytes of paragraphs in another part of a split story */
#define MAIN_SHARE 0.5f /* of the best score, inside <main>, that wins */
#define HELD_TEXT 2     /* times the paragraph text outside furniture */

static void add_score(struct ninfo *ai, float s, bool furn)
{
	if (!(ai->flags & NI_CAND)) {
		ai->flags |= NI_CAND;
		ai->score = (float)(ai->tag->base + ai->weight);
		/* counting every paragraph, a clutter name does not count against
		 * the element (Readability's retry without class weights) */
		ai->score_all = (float)(ai->tag->base + (ai->weight > 0 ? ai->weight : 0));
	}
	ai->score_all += s;
	if (!furn) {
		ai->score += s;
		ai->flags |= NI_GOOD;
	}
}

static void add_ptext(struct parse_ctx *c, xmlNode *n, uint32_t len)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		struct ninfo *ni = node_info(c, n);

		if (ni)
			ni->ptext += len;
	}
}

/* Measures the paragraph text under every element; then a hidden element
 * that holds most paragraphs is an unclosed tag's artefact ("flyout
 * hidden" left open), and any other hidden element is dropped. Furniture
 * names are judged later, by what the named element holds (see
 * held_by_furniture). */
static void drop_hidden(struct parse_ctx *c)
{
	uint32_t ptotal = 0;

	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];

		if (ni->flags & NI_PARA) {
			ptotal += ni->itext;
			add_ptext(c, ni->node, ni->itext);
		}
	}
	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];

		if ((ni->flags & NI_HIDDEN) &&
		    (uint64_t)ni->ptext * 10 < (uint64_t)ptotal * HIDDEN_SHARE)
			ni->flags |= NI_SKIP; /* hidden for real, not a parse artefact */
	}
}

static bool in_furniture(const struct parse_ctx *c, xmlNode *n)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		const struct ninfo *ni = node_info(c, n);

		if (ni && (ni->flags & (NI_FURN | NI_SKIP | NI_CAPTION | NI_GALLERY)))
			return true;
	}
	return false;
}

static void add_good(struct parse_ctx *c, xmlNode *n, uint32_t len)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		struct ninfo *ni = node_info(c, n);

		if (ni)
			ni->good += len;
	}
}

/* Each paragraph scores its ancestors as Readability does. */
static void score_paragraphs(struct parse_ctx *c)
{
	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		xmlNode *a;
		bool furn;

		if (!(ni->flags & NI_PARA))
			continue;
		furn = in_furniture(c, ni->node);
		if (!furn)
			add_good(c, ni->node, ni->itext);
		a = ni->node->parent;
		for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5; level++, a = a->parent) {
			/* c->ni may not move here: nothing is added any more */
			struct ninfo *ai = node_info(c, a);

			if (!ai || !a->parent || a->parent->type != XML_ELEMENT_NODE)
				break; /* <html> is never the article */
			add_score(ai, ni->pscore / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f), furn);
			if (level == 0)
				ai->paras++;
		}
	}
}

static float final_score(const struct ninfo *ni, bool all)
{
	float ld = ni->text ? (float)ni->link / (float)ni->text : 0.0f;
	float s = (all ? ni->score_all : ni->score) * (1.0f - ld);

	/* a class name alone does not make a few words the article */
	if (ni->text < SHORT_CANDIDATE && s > 0)
		s *= (float)ni->text / SHORT_CANDIDATE;
	return s;
}

/* The best candidate outside furniture, or counting every paragraph
 * (@all); with @holder, only elements that hold paragraphs themselves. */
static struct ninfo *best_of(struct parse_ctx *c, bool all, bool holder)
{
	struct ninfo *best = NULL;
	float bs = 0;

	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		float s;

		if (!(ni->flags & (all ? NI_CAND : NI_GOOD)) || (ni->flags & NI_SKIP) ||
		    (holder && !ni->paras))
			continue;
		s = final_score(ni, all);
		if (!best || s > bs) {
			best = ni;
			bs = s;
		}
	}
	return best;
}

static struct ninfo *best_candidate(struct parse_ctx *c, bool all)
{
	return best_of(c, all, false);
}

static bool is_inside(const xmlNode *n, const xmlNode *anc)
{
	for (int i = 0; n && i < FURN_DEPTH; i++, n = n->parent)
		if (n == anc)
			return true;
	return false;
}

static bool is_top_level(const xmlNode *n)
{
	return !n->parent || n->parent->type != XML_ELEMENT_NODE ||
	       !n->parent->parent || n->parent->parent->type != XML_ELEMENT_NODE;
}

/* Readability: when three of the five best candidates scoring at least
 * 3/4 of the best share an ancestor, that ancestor is the article. */
static xmlNode *common_ancestor(struct parse_ctx *c, xmlNode *top, bool all)
{
	struct ninfo *alt[ALTERNATIVES];
	size_t nalt = 0;
	float ts = final_score(node_info(c, top), all);

	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		float sc;
		size_t k;

		if (!(ni->flags & (all ? NI_CAND : NI_GOOD)) || ni->node == top)
			continue;
		sc = final_score(ni, all);
		if (sc < 0.75f * ts || (nalt == ALTERNATIVES && sc <= final_score(alt[nalt - 1], all)))
			continue;
		k = nalt < ALTERNATIVES ? nalt : ALTERNATIVES - 1;
		for (; k > 0 && final_score(alt[k - 1], all) < sc; k--)
			alt[k] = alt[k - 1];
		alt[k] = ni;
		if (nalt < ALTERNATIVES)
			nalt++;
	}
	if (nalt < 3)
		return top;
	for (xmlNode *p = top->parent; p && !is_top_level(p); p = p->parent) {
		int in = 0;

		for (size_t k = 0; k < nalt; k++)
			in += is_inside(alt[k]->node, p);
		if (in >= 3)
			return p;
	}
	return top;
}

/* Readability: climb while a parent scores higher than its child, and
 * past parents that hold nothing but the candidate. */
static xmlNode *climb(struct parse_ctx *c, xmlNode *top, bool all)
{
	float last = final_score(node_info(c, top), all), limit = last / 3;

	for (xmlNode *p = top->parent; p && !is_top_level(p); p = p->parent) {
		struct ninfo *pi = node_info(c, p);
		float ps;

		if (!pi || !(pi->flags & NI_CAND))
			continue;
		ps = final_score(pi, all);
		if (ps < limit)
			break;
		if (ps > last) {
			top = p;
			break;
		}
		last = ps;
	}
	while (!is_top_level(top) && xmlChildElementCount(top->parent) == 1)
		top = top->parent;
	return top;
}

/* Goes up while an ancestor holds much more article-like text: stories
 * split into several containers (lead, body, fact box) are kept whole. */
static xmlNode *widen(struct parse_ctx *c, xmlNode *top)
{
	xmlNode *best = top;
	int i = 0;
	for (xmlNode *p = top->parent; p && !is_top_level(p) && i < WIDEN_LEVELS; p = p->parent, i++) {
		struct ninfo *pi = node_info(c, p), *bi = node_info(c, best);

		if (pi && pi->good > WIDEN_GROWTH * bi->good && pi->link * 3 < pi->text)
			best = p;
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

	if (!si || (si->flags & (NI_SKIP | NI_FURN | NI_CAPTION | NI_GALLERY)))
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
	return si->text > 0 && si->link == 0 && (si->flags & NI_PARA);
}

static void add_keep(struct parse_ctx *c, xmlNode *n, size_t cap)
{
	if (c->nkeep < cap)
		c->keep[c->nkeep++] = n;
}

static bool lead_ok(const struct parse_ctx *c, xmlNode *n)
{
	const struct ninfo *ni = n->type == XML_ELEMENT_NODE ? node_info(c, n) : NULL;

	return ni && ni->text && !(ni->flags & (NI_SKIP | NI_FURN)) && ni->link * 2 < ni->text;
}

/* The first element inside @root (itself included) that @named says is
 * what is looked for, looking at no more than @scan elements and never
 * into furniture. */
static xmlNode *find_named(const struct parse_ctx *c, xmlNode *root,
			   bool (*named)(const struct parse_ctx *, const xmlNode *),
			   bool (*ok)(const struct parse_ctx *, xmlNode *), int scan)
{
	xmlNode *n = root;
	int seen = 0;

	while (n && seen++ < scan) {
		bool down = false;

		if (ok(c, n)) {
			if (named(c, n))
				return n;
			down = true;
		}
		n = parse_next_within(n, root, down);
	}
	return NULL;
}

static bool is_lead(const struct parse_ctx *c, const xmlNode *n)
{
	(void)c;
	return parse_is_lead(n);
}

static xmlNode *find_lead(const struct parse_ctx *c, xmlNode *root)
{
	return find_named(c, root, is_lead, lead_ok, LEAD_SCAN);
}

/* An ingredient list is mostly links to the shop or to guides ("Olive
 * oil", "Eggs"): only furniture and hidden boxes are passed over, and
 * only boxes that hold one are looked into. */
static bool ingredients_ok(const struct parse_ctx *c, xmlNode *n)
{
	const struct ninfo *ni = n->type == XML_ELEMENT_NODE ? node_info(c, n) : NULL;

	return ni && ni->text && !(ni->flags & (NI_SKIP | NI_FURN)) &&
	       (ni->flags & (NI_INGREDIENTS | NI_HAS_INGREDIENTS));
}

static bool is_ingredients(const struct parse_ctx *c, const xmlNode *n)
{
	const struct ninfo *ni = node_info(c, n);

	return ni && (ni->flags & NI_INGREDIENTS);
}

/* A recipe's ingredient list beside its steps: themes set it in a box of
 * its own before or after the container of the steps' paragraphs, a few
 * levels up, and its lines are too short to score. The first element
 * named for ingredients in each sibling of the top or of its ancestors
 * is kept, like a lead. */
static void add_ingredients(struct parse_ctx *c, size_t cap)
{
	xmlNode *chain = c->top, *l;
	size_t n = 0;

	for (int level = 0; chain && !is_top_level(chain) && level < INGREDIENT_LEVELS;
	     level++, chain = chain->parent)
		for (xmlNode *s = chain->parent->children; s && n < INGREDIENT_MAX; s = s->next)
			if (s != chain && s->type == XML_ELEMENT_NODE &&
			    (l = find_named(c, s, is_ingredients, ingredients_ok, INGREDIENT_SCAN))) {
				add_keep(c, l, cap);
				n++;
			}
}

/* A story split into several containers of one kind: the sections of a
 * long read, each its own "headline-with-text" box under <body>. Above
 * the top's parent, a sibling of an ancestor that has the ancestor's tag
 * and class, and holds paragraphs of low link density, is the story too. */
static bool same_kind_part(const struct parse_ctx *c, xmlNode *a, xmlNode *s)
{
	const struct ninfo *si = node_info(c, s);

	return si && s->name && a->name && strcmp((const char *)s->name, (const char *)a->name) == 0 &&
	       same_class(a, s) && !(si->flags & (NI_SKIP | NI_FURN | NI_CAPTION | NI_GALLERY)) &&
	       si->good >= PART_MIN && si->link * 4 < si->text;
}

static size_t count_parts(const struct parse_ctx *c)
{
	size_t n = 0;
	xmlNode *a = c->top->parent;

	for (int i = 0; a && !is_top_level(a) && i < WIDEN_LEVELS; i++, a = a->parent)
		for (xmlNode *s = a->parent ? a->parent->children : NULL; s; s = s->next)
			n += s != a && s->type == XML_ELEMENT_NODE;
	return n;
}

static void add_parts(struct parse_ctx *c, size_t cap)
{
	xmlNode *a = c->top->parent;

	for (int i = 0; a && !is_top_level(a) && i < WIDEN_LEVELS; i++, a = a->parent)
		for (xmlNode *s = a->parent ? a->parent->children : NULL; s; s = s->next)
			if (s != a && s->type == XML_ELEMENT_NODE && same_kind_part(c, a, s))
				add_keep(c, s, cap);
}

/* Element infos are numbered in document order. */
static int doc_order(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(xmlNode *const *)a)->_private;
	uintptr_t y = (uintptr_t)(*(xmlNode *const *)b)->_private;

	return x < y ? -1 : x > y;
}

/* A lead that a kept sibling holds is written out in its place, once;
 * what is kept is written in document order. Leads are the first @nleads
 * entries; the siblings after them cannot hold one another. */
static void drop_nested_leads(struct parse_ctx *c, size_t nleads)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nkeep; i++) {
		bool nested = false;

		for (size_t k = nleads; i < nleads && k < c->nkeep && !nested; k++)
			nested = is_inside(c->keep[i], c->keep[k]);
		if (!nested)
			c->keep[n++] = c->keep[i];
	}
	c->nkeep = n;
	qsort(c->keep, c->nkeep, sizeof *c->keep, doc_order);
}

/* A lead (standfirst, summary) before the story's container, a few levels
 * up: themes often put it in the header beside the title. */
static void add_leads(struct parse_ctx *c, size_t cap)
{
	xmlNode *leads[LEAD_MAX], *chain = c->top, *l;
	size_t n = 0;

	for (int level = 0; chain && !is_top_level(chain) && level < LEAD_LEVELS; level++, chain = chain->parent)
		for (xmlNode *s = chain->prev; s && n < LEAD_MAX; s = s->prev)
			if ((l = find_lead(c, s)))
				leads[n++] = l;
	while (n > 0) /* found last to first */
		add_keep(c, leads[--n], cap);
}

/* Is @n inside an element flagged furniture, and none hidden? */
static bool in_lifted_furniture(const struct parse_ctx *c, xmlNode *n)
{
	bool furn = false;

	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		const struct ninfo *ni = node_info(c, n);

		if (ni && (ni->flags & NI_SKIP))
			return false;
		if (ni && (ni->flags & (NI_FURN | NI_CAPTION | NI_GALLERY)))
			furn = true;
	}
	return furn;
}

static bool is_main(const xmlNode *n)
{
	const char *role;

	return strcmp((const char *)n->name, "main") == 0 ||
	       ((role = parse_attr(n, "role")) && strcmp(role, "main") == 0);
}

/* The page's <main> (or role=main) holding the most paragraph text. */
static xmlNode *main_element(const struct parse_ctx *c)
{
	const struct ninfo *m = NULL;

	for (size_t i = 0; i < c->nni; i++) {
		const struct ninfo *ni = &c->ni[i];

		if (!ni->good || (ni->flags & NI_SKIP) || !is_main(ni->node))
			continue;
		if (!m || ni->good > m->good)
			m = ni;
	}
	return m ? m->node : NULL;
}

/* A page that marks its main part (<main>, role=main) puts the story
 * there: a candidate outside it (a privacy notice in a dialog, a footer's
 * about box) yields to the best one inside that scores at least
 * MAIN_SHARE of it. */
static struct ninfo *prefer_main(struct parse_ctx *c, struct ninfo *best)
{
	xmlNode *m = best ? main_element(c) : NULL;
	struct ninfo *in = NULL;
	float bs = 0;

	if (!m || is_inside(best->node, m) || is_inside(m, best->node))
		return best;
	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		float s;

		if (!(ni->flags & NI_GOOD) || (ni->flags & NI_SKIP) || !is_inside(ni->node, m))
			continue;
		s = final_score(ni, false);
		if (!in || s > bs) {
			in = ni;
			bs = s;
		}
	}
	return in && bs >= MAIN_SHARE * final_score(best, false) ? in : best;
}

/* A container named like clutter ("promo", a "content_byline" div left
 * open, ASP.NET's <form>) may hold the story: then @b2, the element that
 * holds paragraphs of its own and scores best counting every paragraph,
 * is inside furniture and outscores, with more paragraph text, the best
 * candidate outside furniture. Comment threads rarely pass: each comment
 * is a paragraph in an item of its own, so no one item scores high. */
static bool held_by_furniture(const struct parse_ctx *c, const struct ninfo *best,
			      const struct ninfo *b2)
{
	if (!b2 || b2 == best || !in_lifted_furniture(c, b2->node))
		return false;
	if (!best)
		return true;
	return b2->ptext >= HELD_TEXT * best->good &&
	       final_score(b2, true) >= HELD_SCORE * final_score(best, false);
}

/* Clears the furniture names above the story, and scores again. */
static void lift_and_rescore(struct parse_ctx *c, xmlNode *n)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		struct ninfo *ni = node_info(c, n);

		if (ni && (ni->flags & (NI_FURN | NI_CAPTION | NI_GALLERY))) {
			ni->flags &= (uint16_t)~(NI_FURN | NI_CAPTION | NI_GALLERY);
			if (ni->weight < 0)
				ni->weight = 0;
		}
	}
	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];

		ni->flags &= (uint16_t)~(NI_CAND | NI_GOOD);
		ni->score = ni->score_all = 0;
		ni->good = ni->paras = 0;
	}
	score_paragraphs(c);
}

void parse_select(struct parse_ctx *c)
{
	struct ninfo *best, *b2;
	bool all = false;
	size_t cap = 0, nleads;
	float threshold;
	bool top_is_main;

	drop_hidden(c);
	score_paragraphs(c);
	best = best_candidate(c, false);
	b2 = best_of(c, true, true);
	if (held_by_furniture(c, best, b2)) {
		lift_and_rescore(c, b2->node);
		best = best_candidate(c, false);
	}
	best = prefer_main(c, best);
	if (!best || best->text < MIN_ARTICLE) {
		b2 = best_candidate(c, true);
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
	c->top = common_ancestor(c, c->top, all);
	c->top = climb(c, c->top, all);
	c->top = widen(c, c->top);
	best = node_info(c, c->top);
	if (!c->top->parent || c->top->parent->type != XML_ELEMENT_NODE) {
		if ((c->keep = malloc(sizeof *c->keep)))
			c->keep[c->nkeep++] = c->top;
		return;
	}
	for (xmlNode *s = c->top->parent->children; s; s = s->next)
		cap++;
	/* and one lead the description names */
	cap += LEAD_MAX + 1 + INGREDIENT_MAX + count_parts(c);
	if (!(c->keep = malloc(cap * sizeof *c->keep))) {
		c->oom = true;
		return;
	}
	add_leads(c, cap);
	parse_described_lead(c, cap);
	add_ingredients(c, cap);
	nleads = c->nkeep;
	top_is_main = is_main(c->top); /* what is beside <main> is not the story */
	threshold = final_score(best, all) * 0.2f;
	if (threshold < 10)
		threshold = 10;
	for (xmlNode *s = c->top->parent->children; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (s == c->top || (!top_is_main && keep_sibling(c, c->top, s, threshold, all)))
			add_keep(c, s, cap);
	}
	add_parts(c, cap);
	drop_nested_leads(c, nleads);
}
