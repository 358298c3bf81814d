/* xmltext.c - bounded text of XML nodes (see xmltext.h). */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "buf.h"
#include "xmltext.h"

/* Nodes visited for one text: a title of 16 KB made of one-character
 * entities is 16,000 visits; nothing honest needs a hundred times that. */
#define VISITS_MAX 200000u
#define DEPTH_MAX 32

struct walk {
	struct assay_buf b;
	size_t max;
	unsigned visits;
	bool full, oom;
};

static void add(struct walk *w, const char *s)
{
	size_t n = strlen(s), room = w->max - w->b.len;

	if (n > room) {
		n = room;
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--; /* not inside a UTF-8 sequence */
		w->full = true;
	}
	if (n && assay_buf_append(&w->b, s, n))
		w->oom = true;
}

static void walk_list(struct walk *w, const xmlNode *n, int depth);

static void walk_node(struct walk *w, const xmlNode *n, int depth)
{
	if (w->full || w->oom || ++w->visits > VISITS_MAX || depth > DEPTH_MAX) {
		w->full = true;
		return;
	}
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			add(w, (const char *)n->content);
		break;
	case XML_ENTITY_REF_NODE: {
		/* libxml2 points a resolved reference's children at its
		 * declaration; only internal entities have text to give. */
		const xmlEntity *e = (const xmlEntity *)n->children;

		if (!e || e->type != XML_ENTITY_DECL || e->etype != XML_INTERNAL_GENERAL_ENTITY)
			break;
		if (e->children)
			walk_list(w, e->children, depth + 1);
		else if (e->content)
			add(w, (const char *)e->content);
		break;
	}
	case XML_ELEMENT_NODE:
	case XML_ATTRIBUTE_NODE:
		walk_list(w, n->children, depth + 1);
		break;
	default:
		break;
	}
}

static void walk_list(struct walk *w, const xmlNode *n, int depth)
{
	for (; n && !w->full && !w->oom; n = n->next)
		walk_node(w, n, depth);
}

static bool space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

static char *finish(struct walk *w)
{
	const char *p, *e;
	char *s;

	if (w->oom) {
		assay_buf_release(&w->b);
		return NULL;
	}
	p = w->b.data ? w->b.data : "";
	e = p + w->b.len;
	while (p < e && space(*p))
		p++;
	while (e > p && space(e[-1]))
		e--;
	s = strndup(p, (size_t)(e - p));
	assay_buf_release(&w->b);
	return s;
}

char *xmltext_node(const xmlNode *n, size_t max)
{
	struct walk w = {.max = max};

	if (n->type == XML_ELEMENT_NODE)
		walk_list(&w, n->children, 0);
	else
		walk_node(&w, n, 0);
	return finish(&w);
}

char *xmltext_attr(const xmlNode *n, const char *name, size_t max)
{
	const xmlAttr *a = xmlHasProp(n, (const xmlChar *)name);
	struct walk w = {.max = max};

	if (!a || a->type != XML_ATTRIBUTE_NODE)
		return NULL;
	walk_list(&w, a->children, 0);
	return finish(&w);
}
