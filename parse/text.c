/* text.c - text as a reader sees it: whitespace runs collapsed to one
 * space, no-break and typographic spaces as spaces, C0 and C1 controls
 * dropped, U+2028/2029 read as spaces so no line break hides inside a
 * block. Soft hyphens and zero-width joiners are kept: they are part of
 * the words as written (German hyphenation, Persian, Indic scripts). The
 * input is libxml2's tree text, which is UTF-8 already. */
#include <string.h>

#include "assay.h"
#include "internal.h"

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Bytes of an invisible or space-like sequence at @s: sets *space when it
 * reads as a space. 0 when @s starts ordinary text. */
static size_t special(const unsigned char *s, bool *space)
{
	*space = false;
	if (is_ws(s[0])) {
		*space = true;
		return 1;
	}
	if (s[0] < 0x20 || s[0] == 0x7F)
		return 1;
	if (s[0] == 0xC2 && (s[1] == 0xA0 || (s[1] >= 0x80 && s[1] <= 0x9F))) {
		*space = s[1] == 0xA0 || s[1] == 0x85; /* NBSP, NEL; C1 controls go */
		return 2;
	}
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9)) {
		*space = true; /* line and paragraph separators */
		return 3;
	}
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xAF || (s[2] >= 0x80 && s[2] <= 0x8A))) {
		*space = true; /* narrow and typographic spaces */
		return 3;
	}
	return 0;
}

size_t parse_collapsed_len(const char *p, uint32_t *commas)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t n = 0;
	bool prev_space = true, sp;

	for (size_t k; *s; s += k) {
		if (*s > 0x20 && *s < 0x7F) {
			n++;
			prev_space = false;
			if (*s == ',')
				(*commas)++;
			k = 1;
			continue;
		}
		k = special(s, &sp);
		if (!k) {
			k = 1;
			n++;
			prev_space = false;
			if (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8C) /* fullwidth comma */
				(*commas)++;
			else if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x81) /* ideographic comma */
				(*commas)++;
		} else if (sp && !prev_space) {
			n++;
			prev_space = true;
		}
	}
	return n;
}

int parse_append_collapsed(struct assay_buf *b, const char *p)
{
	const unsigned char *s = (const unsigned char *)p, *run = s;
	bool sp;
	size_t k;

	for (;; s += k) {
		if (*s > 0x20 && *s != 0x7F && (*s < 0xC2 || !(k = special(s, &sp)))) {
			k = 1;
			continue;
		}
		if (s > run && assay_buf_append(b, run, (size_t)(s - run)) != ASSAY_OK)
			return ASSAY_ENOMEM;
		if (!*s)
			return ASSAY_OK;
		k = special(s, &sp);
		if (sp && b->len && b->data[b->len - 1] != ' ' &&
		    assay_buf_putc(b, ' ') != ASSAY_OK)
			return ASSAY_ENOMEM;
		run = s + k;
	}
}

void parse_trim(struct assay_buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

static int put_space(struct assay_buf *b)
{
	if (b->len && b->data[b->len - 1] != ' ')
		return assay_buf_putc(b, ' ');
	return ASSAY_OK;
}

static bool skipped(const struct parse_ctx *c, xmlNode *n)
{
	const struct ninfo *ni = c ? node_info(c, n) : NULL;

	if (ni)
		return ni->flags & NI_SKIP;
	return parse_tag_lookup((const char *)n->name)->flags & TAG_SKIP;
}

xmlNode *parse_next_within(xmlNode *n, const xmlNode *root, bool down)
{
	if (down && n->children)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return n && n != root ? n->next : NULL;
}

int parse_subtree_text(const struct parse_ctx *c, xmlNode *root, struct assay_buf *b, size_t max)
{
	xmlNode *n = root->children;

	while (n && b->len < max) {
		bool down = false;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && parse_append_collapsed(b, (const char *)n->content) != ASSAY_OK)
				return ASSAY_ENOMEM;
		} else if (n->type == XML_ELEMENT_NODE && !skipped(c, n)) {
			const struct ninfo *ni = c ? node_info(c, n) : NULL;
			unsigned f = (ni ? ni->tag : parse_tag_lookup((const char *)n->name))->flags;

			if ((f & (TAG_BLOCK | TAG_BR)) && put_space(b) != ASSAY_OK)
				return ASSAY_ENOMEM;
			down = true;
		}
		n = parse_next_within(n, root, down);
	}
	return ASSAY_OK;
}

bool parse_is_url_text(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
	       strncmp(s, "www.", 4) == 0 || (strchr(s, '@') && !strchr(s, ' '));
}
