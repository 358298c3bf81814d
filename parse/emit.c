/* emit.c - writes the kept subtrees out as blocks, and tables as rows.
 *
 * Blocks are built in a scratch buffer and judged before they are copied
 * into the text: an empty block is dropped, and so is a block that is
 * mostly link text with few words of its own (menus, "related" lists)
 * unless it is a heading, and a short notice about the reader's browser
 * or privacy settings. Blocks that end the story and open with a sign-off
 * phrase (copyright terms, "This entry was posted ...", a membership
 * pitch) go at any length up to TAIL_PHRASE_BLOCK.
 * Inside the kept container, furniture (class/id hints, hidden,
 * nav/aside/footer, unless the story's paragraphs all sit in such names),
 * link lists (unless they hold most of the story's paragraphs or a
 * recipe's ingredients), short
 * captions, galleries and players with no paragraph (their text is menus)
 * are skipped with their subtrees. A text the page shows twice, or again
 * inside a longer block, is written once, whole. The walk is
 * iterative; the block kind is read from the nearest block ancestor,
 * looked up at most KIND_DEPTH levels up, so deep nesting costs no more
 * than shallow. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "array.h"
#include "assay.h"
#include "hash.h"
#include "internal.h"
#include "nfc_stable.h"
#include "phrases.h"

#define KIND_DEPTH 32
#define CELL_MAX (64u << 10)
#define GOOD_LEN 120 /* bytes of a block that is surely a paragraph */
#define POST_MIN 40  /* shorter blocks after the last paragraph go */
#define LD_BODY_MIN 200 /* bytes of articleBody worth reading */
#define FIGURE_TEXT 150 /* bytes of text beside an image that are a caption */
#define CAPTION_TEXT 150 /* bytes of a caption that make it the story's */
#define DATE_BLOCK 40   /* a block this short holding a date is a stamp */
#define PHRASE_BLOCK 120 /* longer blocks are judged by their words only at the end */
#define PHRASE_OPENING 64 /* bytes of a block read for a furniture phrase */
#define TAIL_PHRASE_BLOCK 400 /* blocks this long ending the story are judged by their words */
#define NOTICE_BLOCK 300 /* longer blocks are never browser notices */
#define REPEAT_MIN 40  /* bytes of a block whose copies are dropped */
#define NAMED_AWAY_MIN 400 /* bytes of paragraphs a top must hold to distrust names */
#define LINK_NOTE 25    /* bytes of own words that make a link a reference */
#define LEAD_PROBE 60   /* bytes of a lead looked for in articleBody */
#define LEAD_NOMEM (-2)

struct emitter {
	struct parse_ctx *c;
	struct assay_buf text, blk, cell;
	uint32_t blk_link;
	enum assay_block_kind kind;
	bool kind_set, after_br, after_related;
	int in_link, quote;
	uint32_t top_text, top_ptext;
	bool named_away; /* the top's paragraphs are nearly all in furniture */
	struct assay_block *blocks;
	size_t nblocks, capb;
	struct assay_table *tables;
	size_t ntables, capt;
};

/* No code point at or above U+0300 (every byte below 0xCC): such text is
 * in NFC already. Below U+0300 nothing decomposes, and every mark or jamo
 * that composes with a letter lies above it. */
static bool nfc_already(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xCC)
			return false;
	return true;
}

/* Every code point of @s is one NFC leaves alone whatever stands beside
 * it (gen_nfc_stable.c says which): then @s is in NFC already. False on
 * anything else, bytes that are not UTF-8 included: utf8proc decides. */
static bool nfc_stable_text(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		unsigned c = *p;
		size_t k;

		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xC2 && c < 0xE0)
			k = 2, c &= 0x1F;
		else if (c >= 0xE0 && c < 0xF0)
			k = 3, c &= 0x0F;
		else if (c >= 0xF0 && c < 0xF5)
			k = 4, c &= 0x07;
		else
			return false;
		if ((size_t)(end - p) < k)
			return false;
		for (size_t i = 1; i < k; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			c = c << 6 | (p[i] & 0x3Fu);
		}
		if (c >= NFC_STABLE_END || !(nfc_stable[c >> 3] & (1u << (c & 7))))
			return false;
		p += k;
	}
	return true;
}

/* Appends @s in Unicode NFC, so one text is spelled one way whatever the
 * page's editor did ("e" + U+0301 and U+00E9 are both U+00E9 here). */
static int append_nfc(struct assay_buf *b, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;
	int rc;

	if (nfc_already(s, n) || nfc_stable_text(s, n))
		return assay_buf_append(b, s, n);
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
			   UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (len < 0)
		return len == UTF8PROC_ERROR_NOMEM ? ASSAY_ENOMEM : assay_buf_append(b, s, n);
	rc = assay_buf_append(b, out, (size_t)len);
	free(out);
	return rc;
}

/* Appends one block of @kind from @s to the text. */
static int add_block(struct emitter *e, const char *s, size_t n,
		     enum assay_block_kind kind, int table, int row)
{
	struct assay_block *b;

	if (assay_array_reserve(&e->blocks, &e->capb, e->nblocks + 1, sizeof *e->blocks) != ASSAY_OK)
		return ASSAY_ENOMEM;
	if (e->text.len && assay_buf_append(&e->text, "\n\n", 2) != ASSAY_OK)
		return ASSAY_ENOMEM;
	b = &e->blocks[e->nblocks];
	b->kind = kind;
	b->start = e->text.len;
	if (append_nfc(&e->text, s, n) != ASSAY_OK)
		return ASSAY_ENOMEM;
	b->end = e->text.len;
	b->table = table;
	b->row = row;
	e->nblocks++;
	return ASSAY_OK;
}

/* Lower-cases ASCII and the Latin-1 capitals (U+00C0..U+00DE but for
 * U+00D7), enough to compare with furniture_phrases. */
static size_t fold(const char *s, size_t n, char *out)
{
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)s[k];

		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		else if (k > 0 && (unsigned char)s[k - 1] == 0xC3 && ch >= 0x80 && ch <= 0x9E && ch != 0x97)
			ch += 0x20;
		out[k] = (char)ch;
	}
	out[k] = '\0';
	return k;
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does the block open with one of @phrases? Only its opening bytes are
 * read. With @whole, a phrase ending in a letter must end a word there
 * ("subscribe", not "subscribers"). */
static bool opens_with(const char *s, size_t n, const char *const *phrases, size_t nphrases, bool whole)
{
	char low[PHRASE_OPENING + 1];
	const char *p = low;

	fold(s, n < PHRASE_OPENING ? n : PHRASE_OPENING, low);
	while (*p == '*' || *p == '-' || *p == '>' || *p == '[' || *p == '(' || *p == ' ')
		p++;
	for (size_t i = 0; i < nphrases; i++) {
		const char *f = phrases[i];
		size_t fl = strlen(f);

		if ((!f[0] || f[0] == p[0]) && strncmp(p, f, fl) == 0 &&
		    (!whole || !fl || !is_word_byte((unsigned char)f[fl - 1]) ||
		     !is_word_byte((unsigned char)p[fl])))
			return true;
	}
	return false;
}

static bool furniture_phrase(const char *s, size_t n)
{
	return opens_with(s, n, furniture_phrases, sizeof furniture_phrases / sizeof furniture_phrases[0], false);
}

static bool tail_phrase(const char *s, size_t n)
{
	return opens_with(s, n, tail_phrases, sizeof tail_phrases / sizeof tail_phrases[0], true);
}

/* Does a short block speak of the reader's browser? */
static bool browser_notice(const char *s, size_t n)
{
	char low[NOTICE_BLOCK];

	if (n >= NOTICE_BLOCK)
		return false;
	fold(s, n, low);
	for (size_t i = 0; i < sizeof notice_phrases / sizeof notice_phrases[0]; i++)
		if (strstr(low, notice_phrases[i]))
			return true;
	return false;
}

/* Furniture by its words: "Read more", browser notices, and the teaser
 * lines under a "Related" heading. */
static bool furniture_text(struct emitter *e)
{
	bool short_block = e->blk.len < GOOD_LEN;
	char date[11];

	if (e->kind == ASSAY_BLOCK_HEADING || !short_block)
		e->after_related = false;
	if (e->blk.len < DATE_BLOCK && parse_find_date(e->blk.data, e->blk.len, date))
		return true; /* a dateline or "updated" stamp standing alone */
	if (browser_notice(e->blk.data, e->blk.len))
		return true;
	if (e->blk.len < PHRASE_BLOCK && furniture_phrase(e->blk.data, e->blk.len)) {
		e->after_related = e->kind == ASSAY_BLOCK_HEADING;
		return true;
	}
	return e->after_related && short_block;
}

/* Mostly link text, and no note of the writer's own beside the links:
 * "Title (3 comments)" is navigation, "Title, a long read on tailings"
 * is a post's reading list. */
static bool link_heavy_block(const struct emitter *e)
{
	return e->kind != ASSAY_BLOCK_HEADING &&
	       e->blk_link * 2 > e->blk.len && e->blk.len - e->blk_link < LINK_NOTE;
}

static int flush(struct emitter *e)
{
	int rc = ASSAY_OK;

	parse_trim(&e->blk);
	if (e->blk.len && !link_heavy_block(e) && !furniture_text(e))
		rc = add_block(e, e->blk.data, e->blk.len, e->kind, -1, -1);
	assay_buf_reset(&e->blk);
	e->blk_link = 0;
	e->kind_set = false;
	e->after_br = false;
	return rc;
}

static enum assay_block_kind kind_of(const struct emitter *e, xmlNode *n)
{
	if (e->quote)
		return ASSAY_BLOCK_QUOTE;
	for (int i = 0; n && n->type == XML_ELEMENT_NODE && i < KIND_DEPTH; i++, n = n->parent) {
		const struct ninfo *ni = node_info(e->c, n);
		unsigned f = ni ? ni->tag->flags : 0;

		if (f & TAG_HEADING)
			return ASSAY_BLOCK_HEADING;
		if (f & TAG_ITEM)
			return ASSAY_BLOCK_ITEM;
		if (f & TAG_BLOCK)
			break;
	}
	return ASSAY_BLOCK_PARAGRAPH;
}

static int put_text(struct emitter *e, xmlNode *t)
{
	size_t before = e->blk.len;

	if (!t->content)
		return ASSAY_OK;
	if (!e->kind_set) {
		e->kind = kind_of(e, t->parent);
		e->kind_set = true;
	}
	if (parse_append_collapsed(&e->blk, (const char *)t->content) != ASSAY_OK)
		return ASSAY_ENOMEM;
	if (e->blk.len > before && !(e->blk.len == before + 1 && e->blk.data[before] == ' '))
		e->after_br = false;
	if (e->in_link && !parse_is_url_text((const char *)t->content))
		e->blk_link += (uint32_t)(e->blk.len - before);
	return ASSAY_OK;
}

/* Furniture and link lists inside the kept container. */
static bool dropped(const struct emitter *e, const struct ninfo *ni)
{
	if (!ni || (ni->flags & (NI_SKIP | NI_GALLERY)))
		return true;
	/* a furniture name inside the story is believed, unless the element
	 * is most of the story, or the story's paragraphs all sit in such
	 * names (a forum thread of "comment" posts, a live ticker's entries) */
	if (ni->flags & NI_FURN)
		return !(ni->link * 10 < ni->text * 3 &&
			 (ni->text * 10 > e->top_text * 6 ||
			  (e->named_away && ni->ptext * 2 > ni->text)));
	/* a caption is a line under a photo; one that reads as a paragraph
	 * of its own carries the lead or the story */
	if ((ni->flags & NI_CAPTION) && ni->text < CAPTION_TEXT)
		return true;
	/* an image with a line under it is a figure: its text is a caption or
	 * a credit ("AFP / Jane Doe"), not the story */
	if (ni->imgs && ni->text < FIGURE_TEXT &&
	    !(ni->tag->flags & (TAG_HEADING | TAG_ITEM)) &&
	    (ni->tag->flags & (TAG_PARA | TAG_CONTAINER)) != TAG_PARA)
		return true;
	/* a player with no paragraph in it: its text is menus ("Quality",
	 * "1080p", "Subtitles") */
	if (ni->media && !ni->blocks && !(ni->flags & NI_PARA) &&
	    (ni->tag->flags & (TAG_BLOCK | TAG_HEADING)) == TAG_BLOCK)
		return true;
	/* a list of links, unless it holds most of the story's paragraphs
	 * (a recipe's steps inside a <main> full of menus) or a recipe's
	 * ingredients (each a link to the shop or a guide) */
	if ((ni->tag->flags & (TAG_LIST | TAG_CONTAINER)) &&
	    !(ni->flags & (NI_BODY | NI_POS | NI_INGREDIENTS | NI_HAS_INGREDIENTS)) &&
	    ni->text && ni->link * 2 > ni->text && !(ni->tag->flags & TAG_CELL) &&
	    !(ni->ptext * 2 > e->top_ptext))
		return true;
	return false;
}

static int add_cell(struct emitter *e, struct assay_table_row *r, size_t *cap)
{
	char *s;

	parse_trim(&e->cell);
	if (assay_array_reserve(&r->cells, cap, r->ncells + 1, sizeof *r->cells) != ASSAY_OK)
		return ASSAY_ENOMEM;
	if (!(s = malloc(e->cell.len + 1)))
		return ASSAY_ENOMEM;
	memcpy(s, e->cell.data ? e->cell.data : "", e->cell.len);
	s[e->cell.len] = '\0';
	if (!nfc_already(s, e->cell.len) && !nfc_stable_text(s, e->cell.len)) {
		utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);

		if (nfc) {
			free(s);
			s = (char *)nfc;
		}
	}
	r->cells[r->ncells++] = s;
	return ASSAY_OK;
}

static void free_row(struct assay_table_row *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	memset(r, 0, sizeof *r);
}

/* One <tr>: its cells into @r, its text into e->blk. */
static int read_row(struct emitter *e, xmlNode *tr, struct assay_table_row *r)
{
	size_t cap = 0;
	bool any = false;

	assay_buf_reset(&e->blk);
	for (xmlNode *k = tr->children; k; k = k->next) {
		struct ninfo *ki;

		if (k->type != XML_ELEMENT_NODE || !(ki = node_info(e->c, k)) ||
		    !(ki->tag->flags & TAG_CELL) || (ki->flags & NI_SKIP))
			continue;
		assay_buf_reset(&e->cell);
		if (parse_subtree_text(e->c, k, &e->cell, CELL_MAX) != ASSAY_OK ||
		    add_cell(e, r, &cap) != ASSAY_OK)
			return ASSAY_ENOMEM;
		if (r->ncells > 1 && assay_buf_puts(&e->blk, e->blk.len && e->blk.data[e->blk.len - 1] == ' ' ? "| " : " | ") != ASSAY_OK)
			return ASSAY_ENOMEM;
		if (assay_buf_puts(&e->blk, r->cells[r->ncells - 1]) != ASSAY_OK)
			return ASSAY_ENOMEM;
		any |= r->cells[r->ncells - 1][0] != '\0';
	}
	parse_trim(&e->blk);
	if (!any)
		free_row(r);
	return ASSAY_OK;
}

static int add_row(struct emitter *e, struct assay_table *t, size_t *cap, struct assay_table_row *r)
{
	if (assay_array_reserve(&t->rows, cap, t->nrows + 1, sizeof *t->rows) != ASSAY_OK) {
		free_row(r);
		return ASSAY_ENOMEM;
	}
	t->rows[t->nrows++] = *r; /* owned by the table from here on */
	return add_block(e, e->blk.data, e->blk.len, ASSAY_BLOCK_TABLE_ROW,
			 (int)e->ntables, (int)t->nrows - 1);
}

/* A data table: every <tr> below it (not below a nested table). */
static int emit_table(struct emitter *e, xmlNode *table)
{
	struct assay_table *t;
	size_t cap = 0;
	xmlNode *n = table->children;
	int rc = ASSAY_OK;

	if (flush(e) != ASSAY_OK ||
	    assay_array_reserve(&e->tables, &e->capt, e->ntables + 1, sizeof *e->tables) != ASSAY_OK)
		return ASSAY_ENOMEM;
	t = &e->tables[e->ntables];
	memset(t, 0, sizeof *t);
	while (n && rc == ASSAY_OK) {
		struct ninfo *ni = n->type == XML_ELEMENT_NODE ? node_info(e->c, n) : NULL;
		bool down = false;

		if (ni && !(ni->flags & NI_SKIP)) {
			if (ni->tag->flags & TAG_ROW) {
				struct assay_table_row r = {0};

				rc = read_row(e, n, &r);
				if (rc != ASSAY_OK)
					free_row(&r);
				else if (r.ncells)
					rc = add_row(e, t, &cap, &r);
			} else if (!(ni->tag->flags & TAG_TABLE)) {
				down = true;
			}
		}
		n = parse_next_within(n, table, down);
	}
	assay_buf_reset(&e->blk);
	if (t->nrows)
		e->ntables++;
	else
		free(t->rows);
	return rc;
}

static int enter(struct emitter *e, xmlNode *n, const struct ninfo *ni, bool *down)
{
	unsigned f = ni->tag->flags;

	*down = false;
	if (f & TAG_BR) {
		if (e->after_br)
			return flush(e);
		e->after_br = true;
		return assay_buf_putc(&e->blk, ' ');
	}
	if ((f & TAG_TABLE) && !(ni->flags & NI_LAYOUT))
		return emit_table(e, n);
	if ((f & TAG_BLOCK) && flush(e) != ASSAY_OK)
		return ASSAY_ENOMEM;
	if (f & TAG_LINK)
		e->in_link++;
	if (f & TAG_QUOTE)
		e->quote++;
	*down = n->children != NULL;
	if (!*down && (f & TAG_BLOCK))
		return flush(e);
	if (!*down) {
		if (f & TAG_LINK)
			e->in_link--;
		if (f & TAG_QUOTE)
			e->quote--;
	}
	return ASSAY_OK;
}

static int leave(struct emitter *e, xmlNode *n)
{
	const struct ninfo *ni = node_info(e->c, n);
	unsigned f = ni ? ni->tag->flags : 0;

	if (f & TAG_LINK)
		e->in_link--;
	if (f & TAG_QUOTE)
		e->quote--;
	return (f & TAG_BLOCK) ? flush(e) : ASSAY_OK;
}

static int emit_subtree(struct emitter *e, xmlNode *root)
{
	xmlNode *n = root;
	int rc = ASSAY_OK;

	while (n && rc == ASSAY_OK) {
		bool down = false;

		if (n->type == XML_ELEMENT_NODE) {
			const struct ninfo *ni = node_info(e->c, n);

			if (n != root && dropped(e, ni)) {
				if (ni && (ni->tag->flags & TAG_BLOCK))
					rc = flush(e);
			} else if (ni && !(ni->flags & NI_SKIP)) {
				rc = enter(e, n, ni, &down);
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			rc = put_text(e, n);
		}
		if (down) {
			n = n->children;
			continue;
		}
		if (n == root)
			break;
		while (rc == ASSAY_OK && n != root && !n->next) {
			n = n->parent;
			rc = leave(e, n);
		}
		n = n == root ? NULL : n->next;
	}
	return rc != ASSAY_OK ? rc : flush(e);
}

/* jusText's context rule, cut down: short blocks after the last real
 * paragraph are page furniture ("Read more", credits, share prompts,
 * "More on this topic"); between paragraphs they are the story's own
 * headings and short paragraphs, and before the first they are its title,
 * standfirst and dateline. Table rows always stay. */
static bool keep_block(const struct emitter *e, size_t i, size_t last)
{
	const struct assay_block *b = &e->blocks[i];
	size_t len = b->end - b->start;

	if (b->kind == ASSAY_BLOCK_TABLE_ROW || i <= last)
		return true;
	return len >= POST_MIN;
}

struct block_key {
	uint64_t hash;
	size_t i;
};

static int by_hash(const void *a, const void *b)
{
	const struct block_key *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static bool same_block(const struct emitter *e, size_t i, size_t k)
{
	const struct assay_block *a = &e->blocks[i], *b = &e->blocks[k];

	return a->end - a->start == b->end - b->start &&
	       memcmp(e->text.data + a->start, e->text.data + b->start, a->end - a->start) == 0;
}

/* Of equal blocks, every copy after the first is marked in @repeat.
 * Sorting keeps this O(n log n) on pages of many thousand blocks. */
static int mark_equal(const struct emitter *e, bool *repeat)
{
	struct block_key *k = malloc(e->nblocks * sizeof *k);
	size_t n = 0;

	if (!k)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < e->nblocks; i++) {
		const struct assay_block *b = &e->blocks[i];

		if (b->kind != ASSAY_BLOCK_TABLE_ROW && b->end - b->start >= REPEAT_MIN)
			k[n++] = (struct block_key){assay_hash64(e->text.data + b->start, b->end - b->start, 0), i};
	}
	qsort(k, n, sizeof *k, by_hash);
	for (size_t i = 1, run = 0; i < n; i++) {
		if (k[i].hash != k[run].hash)
			run = i; /* the first copy: lowest index of its hash */
		else
			repeat[k[i].i] = same_block(e, k[run].i, k[i].i);
	}
	free(k);
	return ASSAY_OK;
}

#define ROLL_BASE 1099511628211ull
#define SAME_PREFIX 8 /* blocks kept per prefix hash: bounds the work */

/* Blocks by the hash of their first REPEAT_MIN bytes, in open addressing:
 * slot i holds block i - 1, 0 is empty. */
struct prefix_table {
	uint64_t *hash;
	size_t *block;
	size_t mask;
};

static uint64_t roll_init(const unsigned char *s)
{
	uint64_t h = 0;

	for (size_t k = 0; k < REPEAT_MIN; k++)
		h = h * ROLL_BASE + s[k];
	return h;
}

static bool repeatable(const struct assay_block *b)
{
	return b->kind != ASSAY_BLOCK_TABLE_ROW && b->end - b->start >= REPEAT_MIN;
}

static void table_add(struct prefix_table *pt, uint64_t h, size_t i)
{
	size_t slot = (size_t)h & pt->mask;
	int same = 0;

	for (; pt->block[slot]; slot = (slot + 1) & pt->mask)
		if (pt->hash[slot] == h && ++same == SAME_PREFIX)
			return;
	pt->hash[slot] = h;
	pt->block[slot] = i + 1;
}

/* Block @a found at @p, inside the longer block @in: the whole copy
 * stays, @a goes. */
static void check_copy(const struct emitter *e, bool *repeat, size_t a, size_t in, size_t p)
{
	const struct assay_block *ba = &e->blocks[a], *bi = &e->blocks[in];
	size_t la = ba->end - ba->start;

	if (a == in || repeat[a] || la >= bi->end - bi->start || la > bi->end - p)
		return;
	if (memcmp(e->text.data + p, e->text.data + ba->start, la) == 0)
		repeat[a] = true;
}

/* Pages show a text twice (an intro panel and the first slide, a teaser
 * above the story, the whole story again in a photo's caption): a block
 * found inside a longer block, from a word's start, is marked in
 * @repeat, so one copy stays, whole. One rolling hash over the text
 * finds the copies; at most SAME_PREFIX blocks are looked for per prefix,
 * so the work stays linear in the text. */
static int mark_contained(const struct emitter *e, bool *repeat)
{
	const unsigned char *t = (const unsigned char *)e->text.data;
	struct prefix_table pt = {0};
	size_t cap = 16, n = 0, cur = 0;
	uint64_t h, top = 1;

	for (size_t i = 0; i < e->nblocks; i++)
		n += repeatable(&e->blocks[i]) && !repeat[i];
	if (n < 2)
		return ASSAY_OK;
	while (cap < 2 * n)
		cap *= 2;
	pt.hash = malloc(cap * sizeof *pt.hash);
	pt.block = calloc(cap, sizeof *pt.block);
	if (!pt.hash || !pt.block) {
		free(pt.hash);
		free(pt.block);
		return ASSAY_ENOMEM;
	}
	pt.mask = cap - 1;
	for (size_t i = 0; i < e->nblocks; i++)
		if (repeatable(&e->blocks[i]) && !repeat[i])
			table_add(&pt, roll_init(t + e->blocks[i].start), i);
	for (size_t k = 0; k < REPEAT_MIN; k++)
		top *= ROLL_BASE;
	h = roll_init(t);
	for (size_t p = 0; p + REPEAT_MIN <= e->text.len; p++) {
		const struct assay_block *b;

		while (cur < e->nblocks && e->blocks[cur].end <= p)
			cur++;
		b = cur < e->nblocks ? &e->blocks[cur] : NULL;
		if (b && p >= b->start && (p == b->start || t[p - 1] == ' ') && p + REPEAT_MIN <= b->end &&
		    b->kind != ASSAY_BLOCK_TABLE_ROW)
			for (size_t slot = (size_t)h & pt.mask; pt.block[slot]; slot = (slot + 1) & pt.mask)
				if (pt.hash[slot] == h)
					check_copy(e, repeat, pt.block[slot] - 1, cur, p);
		if (p + REPEAT_MIN < e->text.len)
			h = h * ROLL_BASE + t[p + REPEAT_MIN] - top * t[p];
	}
	free(pt.hash);
	free(pt.block);
	return ASSAY_OK;
}

static int mark_repeats(const struct emitter *e, bool *repeat)
{
	int rc = mark_equal(e, repeat);

	return rc == ASSAY_OK ? mark_contained(e, repeat) : rc;
}

/* The end of a story is where pages sign off at length: the copyright
 * line with its terms, "This entry was posted on ... and filed under ...",
 * "Follow the Gazette on Twitter ... send us a message", a subscription
 * pitch. Blocks that end the story and open with a sign-off phrase
 * (tail_phrases, up to TAIL_PHRASE_BLOCK bytes) are marked in @drop, from
 * the last block back to the first that is the story's (short blocks
 * between them go by keep_block). */
static void mark_tail(const struct emitter *e, bool *drop)
{
	for (size_t i = e->nblocks; i-- > 0;) {
		const struct assay_block *b = &e->blocks[i];
		size_t len = b->end - b->start;

		if (drop[i] || (len < POST_MIN && b->kind != ASSAY_BLOCK_TABLE_ROW))
			continue;
		if (b->kind == ASSAY_BLOCK_TABLE_ROW || b->kind == ASSAY_BLOCK_HEADING ||
		    len >= TAIL_PHRASE_BLOCK || !tail_phrase(e->text.data + b->start, len))
			return;
		drop[i] = true;
	}
}

static int prune_edges(struct emitter *e)
{
	struct assay_buf t = {0};
	size_t first = SIZE_MAX, last = 0, n = 0;
	bool *repeat;

	if (!e->nblocks)
		return ASSAY_OK;
	repeat = calloc(e->nblocks, sizeof *repeat);

	for (size_t i = 0; i < e->nblocks; i++) {
		const struct assay_block *b = &e->blocks[i];

		if (b->kind != ASSAY_BLOCK_HEADING && b->kind != ASSAY_BLOCK_TABLE_ROW &&
		    b->end - b->start >= GOOD_LEN) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	}
	if (!repeat || mark_repeats(e, repeat) != ASSAY_OK ||
	    assay_buf_reserve(&t, e->text.len) != ASSAY_OK) {
		free(repeat);
		return ASSAY_ENOMEM;
	}
	mark_tail(e, repeat);
	if (first == SIZE_MAX)
		last = SIZE_MAX; /* no paragraph: nothing is after the last one */
	for (size_t i = 0; i < e->nblocks; i++) {
		struct assay_block b = e->blocks[i];

		if (repeat[i] || !keep_block(e, i, last))
			continue;
		if (t.len)
			assay_buf_append(&t, "\n\n", 2); /* reserved: cannot fail */
		assay_buf_append(&t, e->text.data + b.start, b.end - b.start);
		b.end = t.len;
		b.start = t.len - (e->blocks[i].end - e->blocks[i].start);
		e->blocks[n++] = b;
	}
	e->nblocks = n;
	assay_buf_release(&e->text);
	e->text = t;
	free(repeat);
	return ASSAY_OK;
}

static void release_tables(struct assay_table *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t r = 0; r < t[i].nrows; r++)
			free_row(&t[i].rows[r]);
		free(t[i].rows);
	}
	free(t);
}

static bool looks_like_html(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z'))
			return true;
	return false;
}

/* The block the page's description names as its lead, if the HTML had
 * one and @body (collapsed into e->cell) leaves it out; -1 otherwise. */
static long lead_outside(struct emitter *e, const char *body)
{
	char probe[LEAD_PROBE + 1];

	for (size_t i = 0; i < e->nblocks; i++) {
		const struct assay_block *b = &e->blocks[i];
		size_t n = b->end - b->start;

		if (b->kind == ASSAY_BLOCK_TABLE_ROW || !parse_described(e->c, e->text.data + b->start, n))
			continue;
		if (n > LEAD_PROBE)
			n = LEAD_PROBE;
		memcpy(probe, e->text.data + b->start, n);
		probe[n] = '\0';
		assay_buf_reset(&e->cell);
		if (parse_append_collapsed(&e->cell, body) != ASSAY_OK)
			return LEAD_NOMEM;
		return e->cell.data && strstr(e->cell.data, probe) ? -1 : (long)i;
	}
	return -1;
}

/* Pages that build the story with scripts leave little in the HTML but
 * may state it whole in JSON-LD articleBody: then that is the text, one
 * paragraph a line, and the page's scraps (and tables) are dropped; a
 * lead the description names stays first when the body leaves it out. */
static int use_ld_body(struct emitter *e, const char *body)
{
	size_t n = strlen(body);
	const char *p = body;
	long lead;

	if (n < LD_BODY_MIN || e->text.len * 2 >= n || looks_like_html(body) || !parse_utf8_valid(body, n))
		return ASSAY_OK;
	if ((lead = lead_outside(e, body)) == LEAD_NOMEM)
		return ASSAY_ENOMEM;
	assay_buf_reset(&e->cell);
	assay_buf_reset(&e->blk);
	if (lead >= 0 && assay_buf_append(&e->blk, e->text.data + e->blocks[lead].start,
					  e->blocks[lead].end - e->blocks[lead].start) != ASSAY_OK)
		return ASSAY_ENOMEM;
	release_tables(e->tables, e->ntables);
	e->tables = NULL;
	e->ntables = e->capt = 0;
	e->nblocks = 0;
	assay_buf_reset(&e->text);
	if (e->blk.len && add_block(e, e->blk.data, e->blk.len, ASSAY_BLOCK_PARAGRAPH, -1, -1) != ASSAY_OK)
		return ASSAY_ENOMEM;
	while (*p) {
		size_t len = strcspn(p, "\n");
		int rc;

		assay_buf_reset(&e->blk);
		if (assay_buf_append(&e->cell, p, len) != ASSAY_OK ||
		    parse_append_collapsed(&e->blk, e->cell.data) != ASSAY_OK)
			return ASSAY_ENOMEM;
		assay_buf_reset(&e->cell);
		parse_trim(&e->blk);
		if (e->blk.len && (rc = add_block(e, e->blk.data, e->blk.len, ASSAY_BLOCK_PARAGRAPH, -1, -1)) != ASSAY_OK)
			return rc;
		p += len + (p[len] == '\n');
	}
	return ASSAY_OK;
}

int parse_emit(struct parse_ctx *c, struct assay_doc *d)
{
	struct emitter e = {0};
	const struct ninfo *ti = c->top ? node_info(c, c->top) : NULL;
	int rc = ASSAY_OK;

	e.c = c;
	e.top_text = ti ? ti->text : 0;
	e.top_ptext = ti ? ti->ptext : 0;
	e.named_away = ti && ti->ptext >= NAMED_AWAY_MIN && ti->good * 4 < ti->ptext;
	for (size_t i = 0; i < c->nkeep && rc == ASSAY_OK; i++)
		rc = emit_subtree(&e, c->keep[i]);
	if (rc == ASSAY_OK)
		rc = prune_edges(&e);
	if (rc == ASSAY_OK && c->meta.ld_body)
		rc = use_ld_body(&e, c->meta.ld_body);
	if (rc != ASSAY_OK)
		goto fail;
	if (!(d->text = assay_buf_steal(&e.text))) {
		rc = ASSAY_ENOMEM;
		goto fail;
	}
	d->text_len = strlen(d->text);
	d->blocks = e.blocks;
	d->nblocks = e.nblocks;
	d->tables = e.tables;
	d->ntables = e.ntables;
	assay_buf_release(&e.blk);
	assay_buf_release(&e.cell);
	return ASSAY_OK;
fail:
	release_tables(e.tables, e.ntables);
	free(e.blocks);
	assay_buf_release(&e.text);
	assay_buf_release(&e.blk);
	assay_buf_release(&e.cell);
	return rc;
}
