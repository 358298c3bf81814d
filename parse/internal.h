/* internal.h - what the cleaner's files share; nothing here is public.
 *
 * The cleaner parses once, then walks the tree twice without recursion:
 * score.c measures every element (text, link text, commas, class hints),
 * select.c picks the article's container from those measures, and emit.c
 * writes the kept subtrees out as blocks and tables. Per-element facts live in one array of struct ninfo,
 * indexed through xmlNode._private, so the walks allocate nothing per node.
 * meta.c gathers metadata during the first walk. */
#ifndef ASSAY_PARSE_INTERNAL_H
#define ASSAY_PARSE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "clean.h"

/* What a tag is to the cleaner (tags.h holds the table). */
enum {
	TAG_SKIP = 1 << 0,     /* never text: script, style, form controls */
	TAG_BLOCK = 1 << 1,    /* breaks a block */
	TAG_LINK = 1 << 2,
	TAG_BR = 1 << 3,
	TAG_HEADING = 1 << 4,
	TAG_ITEM = 1 << 5,
	TAG_QUOTE = 1 << 6,
	TAG_FURN = 1 << 7,     /* nav, aside, footer: page furniture by name */
	TAG_TABLE = 1 << 8,
	TAG_ROW = 1 << 9,
	TAG_CELL = 1 << 10,
	TAG_PARA = 1 << 11,    /* its own text scores its ancestors */
	TAG_CONTAINER = 1 << 12, /* may hold the article */
	TAG_LIST = 1 << 13,
	TAG_IMG = 1 << 14,
	TAG_MEDIA = 1 << 15,   /* a player: video, audio, iframe, object, embed */
};

/* Tags that the walk or meta.c treat by name. */
enum tag_kind { TK_OTHER, TK_HEAD, TK_BODY, TK_HTML, TK_META, TK_LINK, TK_SCRIPT, TK_TITLE, TK_H1, TK_TIME };

struct tag_def {
	const char *name;
	unsigned flags;
	int base; /* readability-style starting score of a candidate */
	enum tag_kind kind;
};

/* Flags of one element, found by the measuring walk. */
enum {
	NI_SKIP = 1 << 0,    /* dropped with its subtree */
	NI_FURN = 1 << 1,    /* class/id says furniture */
	NI_POS = 1 << 2,     /* class/id says content */
	NI_CAND = 1 << 3,    /* has a candidate score */
	NI_LAYOUT = 1 << 4,  /* a table used for layout, not data */
	NI_BODY = 1 << 5,    /* itemprop=articleBody or similar strong signal */
	NI_HASTABLE = 1 << 6,
	NI_GOOD = 1 << 7,    /* scored by a paragraph outside furniture */
	NI_PARA = 1 << 8,    /* its own text is a paragraph worth pscore */
	NI_HIDDEN = 1 << 9,  /* hidden by style, attribute or class */
	NI_CAPTION = 1 << 10, /* class/id says image caption: judged by length */
	NI_GALLERY = 1 << 11, /* most children hold an image: a gallery */
	NI_INGREDIENTS = 1 << 12, /* class, id or itemprop says a recipe's ingredients */
	NI_HAS_INGREDIENTS = 1 << 13, /* such an element is below it */
};

struct ninfo {
	xmlNode *node;
	const struct tag_def *tag;
	uint32_t text, link, commas; /* subtree totals, collapsed bytes */
	uint32_t itext, ilink, icommas; /* inline text not yet owned by a block */
	uint32_t paras;              /* scored paragraphs in the subtree */
	uint32_t good;               /* paragraph text outside furniture */
	uint32_t ptext;              /* paragraph text, furniture or not */
	uint32_t imgs;               /* images in the subtree */
	float score;     /* from paragraphs outside furniture */
	float score_all; /* from every paragraph */
	float pscore;    /* as a paragraph */
	uint16_t flags;
	int16_t weight;              /* class/id weight */
	/* counts that saturate (only small values matter; see score.c) */
	uint16_t kids, imgkids;      /* element children; those with images */
	uint8_t blocks;              /* paragraphs below it, cells aside */
	uint8_t media;               /* players (video, iframe...) below it */
	uint8_t breaks;              /* "<br><br>" in its inline text */
};

#define DESC_MAX 4 /* descriptions kept: JSON-LD, og:, twitter:, <meta name> */

/* Metadata candidates; a lower rank wins. */
#define RANK_NONE 1000
enum meta_field { MF_TITLE, MF_URL, MF_PUBLISHED, MF_AUTHOR, MF_SITE, MF_LANG, MF_COUNT };

struct meta_state {
	char *val[MF_COUNT];
	int rank[MF_COUNT];
	char *ld_body;   /* JSON-LD articleBody, if any (at most 1 MiB) */
	char *desc[DESC_MAX]; /* what the page says it is about, distinct, collapsed */
	size_t ndesc;
	int text_reads;  /* subtrees read for metadata; bounded per page */
};

/* Class-name hints already worked out for this page (see hints.c). */
#define HINT_CACHE 512
struct hint_cache {
	uint64_t key[HINT_CACHE]; /* 0: empty */
	int8_t hint[HINT_CACHE];
	uint8_t marks[HINT_CACHE]; /* HINT_* */
	bool hidden[HINT_CACHE];
};

/* The attributes the measuring walk reads, found in one pass over an
 * element's attributes; NULL when absent, "" when empty. Values point
 * into the tree. */
struct node_attrs {
	const char *cls, *id, *style, *itemprop, *rel, *hidden, *aria_hidden;
};

/* Tag definitions by element name, for names of up to 8 bytes: the
 * name's bytes are the key, so a hit needs no string compare. */
#define TAG_CACHE_BITS 6
struct tag_cache {
	uint64_t key[1 << TAG_CACHE_BITS]; /* 0: empty */
	const struct tag_def *tag[1 << TAG_CACHE_BITS];
};

struct parse_ctx {
	xmlDoc *doc;
	struct ninfo *ni;
	size_t nni, cap;
	struct meta_state meta;
	xmlNode *body;
	xmlNode *top;            /* the article's container */
	xmlNode **keep;          /* top and the siblings kept beside it */
	size_t nkeep;
	int in_link;     /* depth counter of the measuring walk */
	int brs;         /* <br> in a row, with only spaces between */
	struct hint_cache hints;
	struct tag_cache tags;
	bool oom;
};

static inline struct ninfo *node_info(const struct parse_ctx *c, const xmlNode *n)
{
	uintptr_t i = (uintptr_t)n->_private;
	return i ? &c->ni[i - 1] : NULL;
}

/* tags.c */
const struct tag_def *parse_tag_lookup(const char *name);
const struct tag_def *parse_tag_cached(struct parse_ctx *c, const xmlChar *name);

/* hints.c: +1 content, -1 furniture, 0 neither, from class and id; sets
 * in *marks what the names say besides (HINT_*). Class lists repeat through a
 * page ("menu-item ..."), so answers are cached by a 64-bit hash of the
 * class. */
#define HINT_CAPTION 1u     /* names an image caption */
#define HINT_INGREDIENTS 2u /* names a recipe's ingredient list */
int parse_class_hint(struct hint_cache *hc, const char *cls, const char *id, unsigned *marks);
void parse_read_attrs(const xmlNode *n, struct node_attrs *out);
/* hidden by attribute, style or class (a class is read once per page) */
bool parse_is_hidden(struct hint_cache *hc, const struct node_attrs *a);
/* class or id names a story's lead (standfirst, summary) */
bool parse_is_lead(const xmlNode *n);
const char *parse_attr(const xmlNode *n, const char *name);

/* html.c: charset detection, repair and the libxml2 parse. */
int parse_html(const char *html, size_t len, const char *charset, xmlDoc **out);
/* Appends @s, repairing invalid UTF-8 (invalid bytes read as windows-1252). */
int parse_utf8_repair(const char *s, size_t n, bool all_cp1252, struct assay_buf *out);
bool parse_utf8_valid(const char *s, size_t n);

/* text.c: whitespace-collapsing text of a subtree. */
size_t parse_collapsed_len(const char *s, uint32_t *commas);
int parse_append_collapsed(struct assay_buf *b, const char *s);
int parse_subtree_text(const struct parse_ctx *c, xmlNode *n, struct assay_buf *b, size_t max);
/* The node after @n in document order without leaving @root: its first
 * child when @down, else the next sibling of it or of its nearest
 * ancestor below @root; NULL once @root is done. */
xmlNode *parse_next_within(xmlNode *n, const xmlNode *root, bool down);
void parse_trim(struct assay_buf *b);
/* A link whose text is a URL or an address is a reference in the prose,
 * not navigation: it does not count as link text. */
bool parse_is_url_text(const char *s);

/* score.c, select.c */
int parse_measure(struct parse_ctx *c);
void parse_select(struct parse_ctx *c);

/* emit.c */
int parse_emit(struct parse_ctx *c, struct assay_doc *d);

/* meta.c */
/* Offers what element @n says about the page (called for every element). */
void parse_meta_element(struct parse_ctx *c, xmlNode *n, const struct tag_def *t,
			const struct node_attrs *a);
int parse_meta_finish(struct parse_ctx *c, const struct assay_clean_opts *o, struct assay_doc *d);
void parse_meta_init(struct meta_state *m);
void parse_meta_release(struct meta_state *m);
void parse_meta_offer(struct parse_ctx *c, enum meta_field f, const char *v, int rank);

/* lead.c: the paragraph before the story that says what the page's
 * description says is its lead; added to c->keep (room for one more). */
void parse_described_lead(struct parse_ctx *c, size_t cap);
/* Does text @t say what a description of the page says (and more than
 * its title)? */
bool parse_described(const struct parse_ctx *c, const char *t, size_t n);

/* date.c: finds a date in free text and writes YYYY-MM-DD. */
bool parse_find_date(const char *s, size_t n, char out[11]);
bool parse_url_date(const char *url, char out[11]);

#endif
