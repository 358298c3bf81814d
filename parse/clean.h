/* clean.h - HTML page -> the article: text blocks, tables and metadata.
 *
 * The cleaner keeps what a reader of the story would read and drops the
 * page around it (menus, widgets, related-news boxes, comments, ads,
 * galleries, short captions and credits, consent notices, the sign-off
 * after the story). A container is judged by what it holds, not only by
 * its class name: a story inside "promo", an ASP.NET form or sections
 * named for their ad slots ("section--ads") is still the story, and a
 * recipe's ingredient list beside its steps is kept. Output text is valid
 * UTF-8 in Unicode NFC, always:
 * invalid input bytes are repaired (read as windows-1252). Whitespace is
 * collapsed inside a block; blocks are joined by a blank line.
 *
 * Charset, first that applies: the HTTP header (opts->charset, a label or a
 * whole Content-Type value), a byte-order mark, bytes that are valid UTF-8
 * with non-ASCII in them (a stale <meta charset> is common on pages saved
 * again as UTF-8), <meta charset> / http-equiv, then UTF-8 with invalid
 * bytes read as windows-1252. Latin-1 and ASCII labels mean windows-1252.
 *
 * An assay_doc owns every string and array in it; release it with
 * assay_doc_release(). No input crashes or hangs the cleaner: the trees are
 * walked without recursion, and libxml2's size limits stay on. */
#ifndef ASSAY_CLEAN_H
#define ASSAY_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

enum assay_block_kind {
	ASSAY_BLOCK_HEADING,
	ASSAY_BLOCK_PARAGRAPH,
	ASSAY_BLOCK_ITEM,      /* a list item */
	ASSAY_BLOCK_QUOTE,
	ASSAY_BLOCK_TABLE_ROW, /* one row of a table, cells joined by " | " */
};

/* A block is a span of assay_doc.text; blocks are separated by "\n\n". */
struct assay_block {
	enum assay_block_kind kind;
	size_t start, end; /* byte offsets into text, end exclusive */
	int table;         /* for TABLE_ROW: index into tables, else -1 */
	int row;           /* for TABLE_ROW: row index in that table, else -1 */
};

struct assay_table_row {
	char **cells;
	size_t ncells;
};

struct assay_table {
	struct assay_table_row *rows;
	size_t nrows;
};

struct assay_doc {
	char *title;     /* NULL when unknown, as every metadata field */
	char *url;       /* canonical URL (rel=canonical, og:url), else NULL */
	char *published; /* ISO 8601 date "YYYY-MM-DD" */
	bool published_guessed; /* published is only read off the URL's path */
	char *author;
	char *site;
	char *language;  /* BCP 47 primary tag, e.g. "en" */
	char *text;      /* never NULL after a successful clean; may be "" */
	size_t text_len;
	struct assay_block *blocks;
	size_t nblocks;
	struct assay_table *tables;
	size_t ntables;
};

struct assay_clean_opts {
	const char *charset;  /* from the HTTP Content-Type header, or NULL */
	const char *base_url; /* where the page came from, or NULL */
};

/* Cleans @len bytes of HTML into @out (which it initialises).
 * Returns ASSAY_OK, ASSAY_ENOMEM or ASSAY_EPARSE; on error @out is empty
 * and needs no release. @opts may be NULL. */
int assay_clean(const char *html, size_t len, const struct assay_clean_opts *opts,
		struct assay_doc *out);

/* Plain text into @out (which it initialises): the first line is the
 * title, paragraphs (separated by blank lines) are the blocks (plain.c).
 * ASSAY_OK or ASSAY_ENOMEM; on error @out is empty. */
int assay_text_doc(const char *text, size_t len, struct assay_doc *out);

/* Frees everything in @d and zeroes it; accepts a zeroed doc. */
void assay_doc_release(struct assay_doc *d);

/* Library-wide setup of libxml2; call once before threads (idempotent). */
void assay_parse_init(void);

#endif
