/* score.c - measures every element and finds the article's container.
 *
 * One iterative walk (no recursion: 100,000-deep pages are fine) records,
 * per element, its text, link text and commas, and scores the ancestors of
 * every paragraph the way Readability does: 1 + commas + length/100 (max
 * 3), the parent in full, the grandparent half, and less further up.
 * Scores are given after the walk, once it is known which furniture names
 * sit on wrappers of the whole page. Paragraphs inside furniture (class/id
 * hints, <nav>, <aside>, <footer>) score only score_all, which is used when nothing outside furniture reads
 * like an article (some themes put "has-sidebar" on the page wrapper). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "internal.h"

#define PARA_MIN 25   /* bytes of own text that make a paragraph */
#define MIN_ARTICLE 200
#define FURN_DEPTH 100 /* ancestors looked at for furniture */
#define ALTERNATIVES 5
#define SHORT_CANDIDATE 200.0f /* bytes under which a candidate's score shrinks */
#define WRAPPER_SHARE 6 /* tenths of the page's paragraph text */
#define HIDDEN_SHARE 9  /* a hidden modal may hold more than the story */
#define CLASS_WEIGHT 10 /* per class or id hint (Readability: 25) */
#define WIDEN_LEVELS 6
#define LEAD_MAX 4
#define LEAD_LEVELS 4
#define LEAD_SCAN 200 /* elements searched for a lead in each sibling */

static float env_weight(void)
{
#ifdef PARSE_DEBUG
	if (getenv("PARSE_CW"))
		return (float)atof(getenv("PARSE_CW"));
#endif
	return CLASS_WEIGHT;
}

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
	if (t->flags & TAG_SKIP) {
		ni->flags |= NI_SKIP;
		return;
	}
	if (parse_is_hidden(n))
		ni->flags |= NI_HIDDEN; /* judged after the walk: see unflag_wrappers */
	/* body classes describe the page layout ("with_aside"), not the body */
	hint = n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->parent &&
	       n->parent->parent->type == XML_ELEMENT_NODE
		       ? parse_class_hint(&c->hints, parse_attr(n, "class"), parse_attr(n, "id")) : 0;
	ni->weight = (int16_t)(hint * (int)env_weight());
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
	if (c->in_link && !parse_is_url_text((const char *)t->content)) {
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
	if (!furn) {
		ai->score += s;
		ai->flags |= NI_GOOD;
	}
}

/* A block's own text is a paragraph: remember what it is worth. */
static void mark_paragraph(struct ninfo *ni)
{
	if (ni->itext < PARA_MIN || ni->ilink * 2 > ni->itext)
		return;
	ni->flags |= NI_PARA;
	ni->pscore = 1.0f + (float)ni->icommas + (float)(ni->itext / 100 < 3 ? ni->itext / 100 : 3);
}

/* Leaving an element: its totals flow to its parent. */
static void finish(struct parse_ctx *c, xmlNode *n)
{
	struct ninfo *ni = node_info(c, n), *p;

	if (!ni || (ni->flags & NI_SKIP))
		return;
	if (ni->tag->flags & TAG_LINK)
		c->in_link--;
	/* a table holding tables is layout; its cells are containers */
	if ((ni->tag->flags & TAG_TABLE) && (ni->flags & NI_HASTABLE))
		ni->flags |= NI_LAYOUT;
	if ((ni->tag->flags & (TAG_BLOCK | TAG_PARA)) == (TAG_BLOCK | TAG_PARA))
		mark_paragraph(ni);
	p = n->parent ? node_info(c, n->parent) : NULL;
	if (!p || (ni->flags & NI_HIDDEN))
		return; /* hidden text counts for nobody outside it */
	p->text += ni->text;
	p->imgs += ni->imgs + ((ni->tag->flags & TAG_IMG) != 0);
	p->link += ni->link;
	p->commas += ni->commas;
	if (!(ni->tag->flags & TAG_BLOCK)) { /* inline text flows up to its block */
		p->itext += ni->itext;
		p->ilink += ni->ilink;
		p->icommas += ni->icommas;
	}
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

static void add_ptext(struct parse_ctx *c, xmlNode *n, uint32_t len)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		struct ninfo *ni = node_info(c, n);

		if (ni)
			ni->ptext += len;
	}
}

/* A furniture name on an element that holds most of the page, or most of
 * its paragraphs, is a theme's wrapper ("has-sidebar", "sharing-container"
 * around the story), not furniture; a hidden element that holds most
 * paragraphs is an unclosed tag's artefact ("flyout hidden" left open),
 * and any other hidden element is dropped. */
static void unflag_wrappers(struct parse_ctx *c)
{
	const struct ninfo *bi = c->body ? node_info(c, c->body) : NULL;
	uint32_t total = bi ? bi->text : 0, ptotal = 0;

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
		if (!(ni->flags & NI_FURN))
			continue;
		/* an <aside> or <footer> left open swallows the page: also a wrapper */
		if ((ni->text * 2 > total && ni->link * 2 < ni->text && !(ni->tag->flags & TAG_FURN)) ||
		    (uint64_t)ni->ptext * 10 >= (uint64_t)ptotal * WRAPPER_SHARE)
			ni->flags &= (uint16_t)~NI_FURN;
	}
}

static bool in_furniture(const struct parse_ctx *c, xmlNode *n)
{
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < FURN_DEPTH; i++, n = n->parent) {
		const struct ninfo *ni = node_info(c, n);

		if (ni && (ni->flags & (NI_FURN | NI_SKIP)))
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

static struct ninfo *best_candidate(struct parse_ctx *c, bool all)
{
	struct ninfo *best = NULL;
	float bs = 0;

	for (size_t i = 0; i < c->nni; i++) {
		struct ninfo *ni = &c->ni[i];
		float s;

		if (!(ni->flags & (all ? NI_CAND : NI_GOOD)) || (ni->flags & NI_SKIP))
			continue;
		s = final_score(ni, all);
		if (!best || s > bs) {
			best = ni;
			bs = s;
		}
	}
	return best;
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
	float grow = 1.5f;
	xmlNode *best = top;
	int i = 0;
#ifdef PARSE_DEBUG
	if (getenv("PARSE_WIDEN"))
		grow = (float)atof(getenv("PARSE_WIDEN"));
#endif
	for (xmlNode *p = top->parent; p && !is_top_level(p) && i < WIDEN_LEVELS; p = p->parent, i++) {
		struct ninfo *pi = node_info(c, p), *bi = node_info(c, best);

		if (pi && pi->good > grow * bi->good && pi->link * 3 < pi->text)
			best = p;
	}
	return best;
}

#ifdef PARSE_DEBUG
static void debug_find(struct parse_ctx *c, const char *needle)
{
	for (size_t i = 0; i < c->nni; i++) {
		xmlNode *n = c->ni[i].node;
		for (xmlNode *k = n->children; k; k = k->next) {
			if (k->type != XML_TEXT_NODE || !k->content || !strstr((char *)k->content, needle))
				continue;
			fprintf(stderr, "FOUND in:");
			for (xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
				struct ninfo *ai = node_info(c, a);
				const char *cl = parse_attr(a, "class");
				fprintf(stderr, "\n   %s<%s class=%.60s> f=%x text=%u link=%u good=%u sc=%.1f", a == c->top ? "TOP " : "", a->name, cl ? cl : "", ai->flags, ai->text, ai->link, ai->good, ai->score);
			}
			fprintf(stderr, "\n");
			return;
		}
	}
}
#endif

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

/* The first lead inside @root (itself included), looking at no more than
 * LEAD_SCAN elements. */
static xmlNode *find_lead(const struct parse_ctx *c, xmlNode *root)
{
	xmlNode *n = root;
	int seen = 0;

	while (n && seen++ < LEAD_SCAN) {
		bool down = false;

		if (lead_ok(c, n)) {
			if (parse_is_lead(n))
				return n;
			down = n->children != NULL;
		}
		if (down) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	return NULL;
}

/* Element infos are numbered in document order. */
static int doc_order(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(xmlNode *const *)a)->_private;
	uintptr_t y = (uintptr_t)(*(xmlNode *const *)b)->_private;

	return x < y ? -1 : x > y;
}

/* A lead that a kept sibling holds is written out in its place, once;
 * what is kept is written in document order. */
static void drop_nested_keeps(struct parse_ctx *c)
{
	size_t n = 0;

	qsort(c->keep, c->nkeep, sizeof *c->keep, doc_order);
	for (size_t i = 0; i < c->nkeep; i++) {
		bool nested = false;

		for (size_t k = 0; k < c->nkeep && !nested; k++)
			nested = c->keep[i] == c->keep[k] ? k < i
				 : is_inside(c->keep[i], c->keep[k]);
		if (!nested)
			c->keep[n++] = c->keep[i];
	}
	c->nkeep = n;
}

/* A lead (standfirst, summary) before the story's container, a few levels
 * up: themes often put it in the header beside the title. */
static void add_leads(struct parse_ctx *c, size_t cap)
{
	xmlNode *leads[LEAD_MAX], *chain = c->top, *l;
	size_t n = 0;

#ifdef PARSE_DEBUG
	if (getenv("PARSE_NOLEAD"))
		return;
#endif
	for (int level = 0; chain && !is_top_level(chain) && level < LEAD_LEVELS; level++, chain = chain->parent)
		for (xmlNode *s = chain->prev; s && n < LEAD_MAX; s = s->prev)
			if ((l = find_lead(c, s)))
				leads[n++] = l;
	while (n > 0) /* found last to first */
		add_keep(c, leads[--n], cap);
}

void parse_select(struct parse_ctx *c)
{
	struct ninfo *best;
	bool all = false;
	size_t cap = 0;
	float threshold;

	unflag_wrappers(c);
	score_paragraphs(c);
	best = best_candidate(c, false);
#ifdef PARSE_DEBUG
	if (getenv("PARSE_BODY"))
		best = NULL;
#endif
	if (!best || best->text < MIN_ARTICLE) {
		struct ninfo *b2 = best_candidate(c, true);

		if (b2 && (!best || b2->text > best->text)) {
			best = b2;
			all = true;
		}
	}
	c->nkeep = 0;
#ifdef PARSE_DEBUG
	if (getenv("PARSE_BODY"))
		best = NULL;
#endif
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
#ifdef PARSE_DEBUG
	if (!getenv("PARSE_NOWIDEN"))
#endif
	c->top = widen(c, c->top);
	best = node_info(c, c->top);
#ifdef PARSE_DEBUG
	if (getenv("PARSE_FIND"))
		debug_find(c, getenv("PARSE_FIND"));
#endif
#ifdef PARSE_DEBUG
	{
		const char *cl = parse_attr(c->top, "class"), *id = parse_attr(c->top, "id");
		fprintf(stderr, "top <%s class=%s id=%s> score %.1f all %.1f text %u link %u all=%d\n",
			c->top->name, cl ? cl : "", id ? id : "", best->score, best->score_all,
			best->text, best->link, all);
		for (xmlNode *a = c->top; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
			struct ninfo *ai = node_info(c, a);
			cl = parse_attr(a, "class"); id = parse_attr(a, "id");
			if (ai && (ai->flags & NI_FURN))
				fprintf(stderr, "  furn ancestor <%s class=%s id=%s>\n", a->name, cl ? cl : "", id ? id : "");
		}
	}
#endif
	if (!c->top->parent || c->top->parent->type != XML_ELEMENT_NODE) {
		if ((c->keep = malloc(sizeof *c->keep)))
			c->keep[c->nkeep++] = c->top;
		return;
	}
	for (xmlNode *s = c->top->parent->children; s; s = s->next)
		cap++;
	cap += LEAD_MAX;
	if (!(c->keep = malloc(cap * sizeof *c->keep))) {
		c->oom = true;
		return;
	}
	add_leads(c, cap);
	threshold = final_score(best, all) * 0.2f;
	if (threshold < 10)
		threshold = 10;
	for (xmlNode *s = c->top->parent->children; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (s == c->top || keep_sibling(c, c->top, s, threshold, all))
			add_keep(c, s, cap);
	}
	drop_nested_keeps(c);
}
