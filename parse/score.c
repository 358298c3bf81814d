/* score.c - the measuring walk: what every element holds.
 *
 * One iterative walk (no recursion: 100,000-deep pages are fine) records,
 * per element, its text, link text, commas and images, its class hints,
 * whether it is hidden, and whether its own text is a paragraph and what
 * that paragraph is worth (Readability: 1 + commas + length/100, at most
 * 3 for length). Metadata is gathered on the way (meta.c). Nothing is
 * decided here: select.c weighs it all once the whole page is known. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "internal.h"

#define PARA_MIN 25   /* bytes of own text that make a paragraph */
#define CLASS_WEIGHT 10 /* per class or id hint (Readability: 25) */
#define BREAKS_MAX 100  /* "<br><br>" counted in one paragraph (< 255) */
#define GALLERY_MIN 3   /* items with an image that make a gallery */
#define GALLERY_ITEM 600 /* bytes of text beside one photo of a gallery */

static uint8_t sat8(unsigned v)
{
	return (uint8_t)(v < UINT8_MAX ? v : UINT8_MAX);
}

static uint16_t sat16(unsigned v)
{
	return (uint16_t)(v < UINT16_MAX ? v : UINT16_MAX);
}

static struct ninfo *new_info(struct parse_ctx *c, xmlNode *n)
{
	struct ninfo *ni;

	if (c->nni == c->cap && assay_array_reserve(&c->ni, &c->cap, c->nni + 1, sizeof *c->ni))
		return NULL;
	ni = &c->ni[c->nni++];
	memset(ni, 0, sizeof *ni);
	ni->node = n;
	n->_private = (void *)(uintptr_t)c->nni;
	return ni;
}

/* Sets tag, class weight and flags of a new element's info. */
static void classify(struct parse_ctx *c, struct ninfo *ni, xmlNode *n, const struct node_attrs *a)
{
	const struct tag_def *t = ni->tag;
	unsigned marks = 0;
	int hint;

	if (t->flags & TAG_SKIP) {
		ni->flags |= NI_SKIP;
		return;
	}
	if (parse_is_hidden(&c->hints, a))
		ni->flags |= NI_HIDDEN; /* judged after the walk: see unflag_wrappers */
	/* body classes describe the page layout ("with_aside"), not the body */
	hint = n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->parent &&
	       n->parent->parent->type == XML_ELEMENT_NODE
		       ? parse_class_hint(&c->hints, a->cls, a->id, &marks) : 0;
	if (marks & HINT_CAPTION)
		ni->flags |= NI_CAPTION;
	if ((marks & HINT_INGREDIENTS) ||
	    (a->itemprop && (strcmp(a->itemprop, "recipeIngredient") == 0 || strcmp(a->itemprop, "ingredients") == 0)))
		ni->flags |= NI_INGREDIENTS;
	ni->weight = (int16_t)(hint * CLASS_WEIGHT);
	if (a->itemprop && strcmp(a->itemprop, "articleBody") == 0) {
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

static bool has_words(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return true;
	return false;
}

static void count_text(struct parse_ctx *c, xmlNode *t)
{
	struct ninfo *p = t->parent ? node_info(c, t->parent) : NULL;
	uint32_t commas = 0, len;

	if (!p || !t->content)
		return;
	len = (uint32_t)parse_collapsed_len((const char *)t->content, &commas);
	if (has_words((const char *)t->content))
		c->brs = 0;
	p->text += len;
	p->itext += len;
	p->commas += commas;
	p->icommas += commas;
	if (c->in_link && !parse_is_url_text((const char *)t->content)) {
		p->link += len;
		p->ilink += len;
	}
}

/* A block's own text is a paragraph: remember what it is worth. Text
 * split by "<br><br>" is several paragraphs (Readability turns such runs
 * into <p>s), each worth 1 and up to 3 for its length: a post written as
 * one <p> of four parts outscores a sidebar of four short boxes. */
static void mark_paragraph(struct ninfo *ni)
{
	uint32_t parts = 1 + (ni->breaks < BREAKS_MAX ? ni->breaks : BREAKS_MAX);
	uint32_t len = ni->itext / 100 < 3 * parts ? ni->itext / 100 : 3 * parts;

	if (ni->itext < PARA_MIN || ni->ilink * 2 > ni->itext)
		return;
	ni->flags |= NI_PARA;
	ni->pscore = (float)parts + (float)ni->icommas + (float)len;
}

/* A table is layout, not data, when a cell holds paragraphs of its own
 * or sits outside any row (a one-cell "<table><td>" around a story). */
static void mark_layout(struct parse_ctx *c, xmlNode *cell, const struct ninfo *ci)
{
	xmlNode *t = cell->parent;
	bool rowless = true;

	for (int i = 0; t && t->type == XML_ELEMENT_NODE && i < 3; i++, t = t->parent) {
		struct ninfo *ti = node_info(c, t);

		if (!ti)
			return;
		if (ti->tag->flags & TAG_ROW)
			rowless = false;
		if (ti->tag->flags & TAG_TABLE) {
			if (rowless || ci->blocks >= 2)
				ti->flags |= NI_LAYOUT;
			return;
		}
	}
}

/* Leaving an element: its totals flow to its parent. */
static void finish(struct parse_ctx *c, xmlNode *n)
{
	struct ninfo *ni = node_info(c, n), *p;

	if (ni && (ni->tag->flags & TAG_MEDIA) && n->parent && (p = node_info(c, n->parent)))
		p->media = sat8(p->media + 1u);
	if (!ni || (ni->flags & NI_SKIP))
		return;
	if (ni->tag->flags & TAG_LINK)
		c->in_link--;
	/* a table holding tables is layout; its cells are containers */
	if ((ni->tag->flags & TAG_TABLE) && (ni->flags & NI_HASTABLE))
		ni->flags |= NI_LAYOUT;
	if ((ni->tag->flags & (TAG_BLOCK | TAG_PARA)) == (TAG_BLOCK | TAG_PARA))
		mark_paragraph(ni);
	if (ni->tag->flags & TAG_CELL)
		mark_layout(c, n, ni);
	/* items that each hold a linked image and lines under it: other
	 * stories' photos and captions, not this story's text */
	if (ni->imgkids >= GALLERY_MIN && (uint32_t)ni->imgkids * 4 >= (uint32_t)ni->kids * 3)
		ni->flags |= NI_GALLERY;
	p = n->parent ? node_info(c, n->parent) : NULL;
	if (!p || (ni->flags & NI_HIDDEN))
		return; /* hidden text counts for nobody outside it */
	p->text += ni->text;
	p->kids = sat16(p->kids + 1u);
	if (ni->imgs && ni->imgs <= 2 && ni->link && ni->text < GALLERY_ITEM && !(ni->flags & NI_PARA))
		p->imgkids = sat16(p->imgkids + 1u); /* a linked photo with its lines: a teaser */
	p->imgs += ni->imgs + ((ni->tag->flags & TAG_IMG) != 0);
	p->media = sat8((unsigned)p->media + ni->media);
	p->link += ni->link;
	p->commas += ni->commas;
	if (!(ni->tag->flags & TAG_CELL))
		p->blocks = sat8((unsigned)p->blocks + ni->blocks + ((ni->flags & NI_PARA) != 0));
	if (!(ni->tag->flags & TAG_BLOCK)) { /* inline text flows up to its block */
		p->breaks = sat8((unsigned)p->breaks + ni->breaks);
		p->itext += ni->itext;
		p->ilink += ni->ilink;
		p->icommas += ni->icommas;
	}
	if ((ni->tag->flags & TAG_TABLE) || (ni->flags & NI_HASTABLE))
		p->flags |= NI_HASTABLE;
	if (ni->flags & (NI_INGREDIENTS | NI_HAS_INGREDIENTS))
		p->flags |= NI_HAS_INGREDIENTS;
}

/* Enters an element; returns whether to walk into its children. */
static bool enter(struct parse_ctx *c, xmlNode *n, bool *oom)
{
	struct ninfo *ni = new_info(c, n);
	struct node_attrs a;

	if (!ni) {
		*oom = true;
		return false;
	}
	ni->tag = parse_tag_cached(c, n->name);
	parse_read_attrs(n, &a);
	classify(c, ni, n, &a);
	parse_meta_element(c, n, ni->tag, &a);
	if (ni->tag->flags & TAG_BR) {
		struct ninfo *p = n->parent ? node_info(c, n->parent) : NULL;

		if (++c->brs == 2 && p && p->itext) /* a break after some text */
			p->breaks = sat8(p->breaks + 1u);
	} else if (ni->tag->flags & TAG_BLOCK) {
		c->brs = 0;
	}
	if ((ni->flags & NI_SKIP) && ni->tag->kind != TK_HEAD)
		return false;
	if (ni->tag->kind == TK_BODY)
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
