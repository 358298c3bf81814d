/* html.c - bytes to a libxml2 tree, in the right character set.
 *
 * Charset order: the HTTP header, then a byte-order mark, then bytes that
 * are valid UTF-8 with non-ASCII in them (pages saved again as UTF-8 keep a
 * stale <meta charset>), then <meta charset> / http-equiv, then UTF-8 with
 * invalid bytes read as windows-1252. Latin-1 and ASCII labels mean
 * windows-1252, as in browsers. UTF-8 and windows-1252 are decoded here, so
 * libxml2 only ever sees valid UTF-8 for them; other charsets go to
 * libxml2's iconv. The parse never touches the network; it lifts libxml2's
 * limits (XML_PARSE_HUGE) only for a page nested past its depth limit,
 * whose size the fetch has bounded, and flattens it (flatten_deep). */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>

#include "array.h"
#include "assay.h"
#include "html_read.h"
#include "internal.h"
#include "utf8.h"

#define PRESCAN_BYTES 8192
#define ASCII_ONES 0x0101010101010101ull
#define ASCII_HIGH 0x8080808080808080ull

/* windows-1252 0x80..0x9F; the five holes become U+FFFD. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Valid UTF-8 with no NUL; sets *nonascii when any byte is >= 0x80. */
static bool utf8_check(const char *p, size_t n, bool *nonascii)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;

	*nonascii = false;
	while (i < n) {
		uint64_t w;

		/* eight ASCII bytes, none NUL, at a time */
		if (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & ASCII_HIGH)) &&
		    !((w - ASCII_ONES) & ~w & ASCII_HIGH)) {
			i += 8;
			continue;
		}
		if (s[i] && s[i] < 0x80) {
			i++;
			continue;
		}
		if (!s[i])
			return false;
		*nonascii = true;
		if (!(k = assay_utf8_len(p + i, n - i)))
			return false;
		i += k;
	}
	return true;
}

bool parse_utf8_valid(const char *s, size_t n)
{
	bool na;

	return utf8_check(s, n, &na);
}

static int put_cp(struct assay_buf *b, unsigned cp)
{
	char u[3];

	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return assay_buf_append(b, u, 2);
	}
	u[0] = (char)(0xE0 | cp >> 12);
	u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	u[2] = (char)(0x80 | (cp & 0x3F));
	return assay_buf_append(b, u, 3);
}

int parse_utf8_repair(const char *p, size_t n, bool all_cp1252, struct assay_buf *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, run = 0, k;

	if (assay_buf_reserve(out, n + n / 8 + 16) != ASSAY_OK)
		return ASSAY_ENOMEM;
	while (i < n) {
		k = !s[i] || (all_cp1252 && s[i] >= 0x80) ? 0 : assay_utf8_len(p + i, n - i);
		if (k) {
			i += k;
			run += k;
			continue;
		}
		if (run && assay_buf_append(out, s + i - run, run) != ASSAY_OK)
			return ASSAY_ENOMEM;
		run = 0;
		if (s[i] == 0) {
			if (assay_buf_putc(out, ' ') != ASSAY_OK)
				return ASSAY_ENOMEM;
		} else if (put_cp(out, s[i] < 0xA0 ? cp1252_high[s[i] - 0x80] : s[i]) != ASSAY_OK) {
			return ASSAY_ENOMEM;
		}
		i++;
	}
	if (run && assay_buf_append(out, s + i - run, run) != ASSAY_OK)
		return ASSAY_ENOMEM;
	return ASSAY_OK;
}

/* Copies a charset label, lower-cased, stopping at quotes, ';' or space. */
static void copy_label(const char *s, const char *end, char *name, size_t cap)
{
	size_t i = 0;

	while (s < end && (*s == ' ' || *s == '"' || *s == '\'' || *s == '='))
		s++;
	while (s < end && i + 1 < cap && (isalnum((unsigned char)*s) || strchr("-_.:", *s)))
		name[i++] = (char)tolower((unsigned char)*s++);
	name[i] = '\0';
}

/* Looks for charset= inside the first <meta> tags of the page. */
static bool meta_charset(const char *html, size_t len, char *name, size_t cap)
{
	const char *end = html + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
	const char *p = html;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
		const char *gt;

		p++;
		if (end - p < 5 || strncasecmp(p, "meta", 4) != 0)
			continue;
		gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			break;
		for (const char *q = p; q + 8 <= gt; q++) {
			if (strncasecmp(q, "charset", 7) == 0) {
				const char *v = q + 7;

				while (v < gt && (*v == ' ' || *v == '='))
					v++;
				copy_label(v, gt, name, cap);
				if (*name)
					return true;
			}
		}
		p = gt;
	}
	return false;
}

enum cs_kind { CS_UTF8, CS_CP1252, CS_OTHER };

static enum cs_kind classify_label(const char *name)
{
	static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8"};
	static const char *const latin[] = {
		"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
		"windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819"};

	for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
		if (strcmp(name, utf8[i]) == 0)
			return CS_UTF8;
	for (size_t i = 0; i < sizeof latin / sizeof latin[0]; i++)
		if (strcmp(name, latin[i]) == 0)
			return CS_CP1252;
	return CS_OTHER;
}

static bool libxml_knows(const char *name)
{
	xmlCharEncodingHandler *h = xmlFindCharEncodingHandler(name);

	if (!h)
		return false;
	xmlCharEncCloseFunc(h);
	return true;
}

/* Decides how to read the bytes: sets *enc (NULL: already UTF-8 in @tmp or
 * in place) and may fill @tmp with a repaired copy. */
static int prepare(const char **html, size_t *len, const char *header,
		   struct assay_buf *tmp, char *name, size_t cap, const char **enc)
{
	const unsigned char *u = (const unsigned char *)*html;
	enum cs_kind k = CS_UTF8;
	bool valid, nonascii, bom = false;

	*enc = "UTF-8";
	name[0] = '\0';
	if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*html += 3;
		*len -= 3;
		bom = true;
	} else if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		*enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		return ASSAY_OK;
	}
	valid = utf8_check(*html, *len, &nonascii);
	if (bom) {
		k = CS_UTF8;
	} else if (header && *header) {
		const char *cs = header;

		while (*cs && strncasecmp(cs, "charset=", 8) != 0)
			cs++;
		header = *cs ? cs + 8 : header; /* a whole Content-Type value, or a label */
		copy_label(header, header + strlen(header), name, cap);
		k = classify_label(name);
	} else if (!(valid && nonascii) && meta_charset(*html, *len, name, cap)) {
		k = classify_label(name);
	}
	if (k == CS_OTHER && !libxml_knows(name))
		k = CS_UTF8;
	if (k == CS_OTHER) {
		*enc = name;
		return ASSAY_OK;
	}
	if (k == CS_UTF8 && valid)
		return ASSAY_OK;
	if (parse_utf8_repair(*html, *len, k == CS_CP1252, tmp) != ASSAY_OK)
		return ASSAY_ENOMEM;
	*html = tmp->data;
	*len = tmp->len;
	return ASSAY_OK;
}

static bool holds_markup(const char *s)
{
	for (s = s ? strchr(s, '<') : NULL; s; s = strchr(s + 1, '<'))
		if (isalpha((unsigned char)s[1]) || s[1] == '/')
			return true;
	return false;
}

/* An unclosed <title> makes libxml2 hang the rest of the page under the
 * title (or read it as the title's text): the tree has no <body>, and a
 * title that holds elements or markup. */
static bool title_swallowed(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *head = NULL;

	for (xmlNode *n = root ? root->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "body") == 0)
			return false;
		if (strcmp((const char *)n->name, "head") == 0)
			head = n;
	}
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "title") != 0)
			continue;
		for (xmlNode *k = n->children; k; k = k->next)
			if (k->type == XML_ELEMENT_NODE ||
			    (k->type == XML_TEXT_NODE && holds_markup((const char *)k->content)))
				return true;
		return false;
	}
	return false;
}

/* Closes the first <title> before the first tag after it, in a copy. */
static int close_title(const char *html, size_t len, struct assay_buf *fixed)
{
	const char *end = html + len, *p = html, *gt, *lt;

	while ((p = memchr(p, '<', (size_t)(end - p))) && !(end - p > 6 && strncasecmp(p + 1, "title", 5) == 0))
		p++;
	if (!p || !(gt = memchr(p, '>', (size_t)(end - p))) || !(lt = memchr(gt, '<', (size_t)(end - gt))))
		return ASSAY_EPARSE;
	if (assay_buf_append(fixed, html, (size_t)(lt - html)) != ASSAY_OK ||
	    assay_buf_puts(fixed, "</title>") != ASSAY_OK ||
	    assay_buf_append(fixed, lt, (size_t)(end - lt)) != ASSAY_OK)
		return ASSAY_ENOMEM;
	return ASSAY_OK;
}

/* Parses again with the title closed; keeps the first tree when the
 * markup cannot be found in the bytes (only UTF-8 bytes are looked at). */
static int reparse_title(const char *html, size_t len, const char *enc, int options, xmlDoc **doc)
{
	struct assay_buf fixed = {0};
	xmlDoc *again = NULL;
	int rc = ASSAY_OK;

	if (strcmp(enc, "UTF-8") != 0)
		return ASSAY_OK;
	rc = close_title(html, len, &fixed);
	if (rc == ASSAY_OK)
		rc = assay_html_read(fixed.data, fixed.len, enc, NULL, options, &again);
	assay_buf_release(&fixed);
	if (rc == ASSAY_ENOMEM)
		return rc;
	if (again) {
		xmlFreeDoc(*doc);
		*doc = again;
	}
	return ASSAY_OK;
}

/* libxml2 stops a parse at 256 open elements (xmlParserMaxDepth) unless
 * told XML_PARSE_HUGE, and a page nested deeper lost all its text. Such a
 * page is parsed again with the limit lifted (the fetch has bounded its
 * size already), and everything below FLAT_DEPTH is hoisted to the element
 * at FLAT_DEPTH, in document order: shallow elements (a paragraph with its
 * links) whole, deeper chains as their text. The rest of the cleaner then
 * never sees more than FLAT_DEPTH + SHALLOW levels. Every walk here is a
 * loop over parent and sibling pointers: no recursion that a deep tree
 * could run off the stack. */
#define PARSER_DEPTH 256
#define FLAT_DEPTH 200
#define SHALLOW 8

/* The next node after @n in document order within @root's subtree;
 * @skip_children steps over @n's subtree. */
static xmlNode *next_in(xmlNode *n, const xmlNode *root, bool skip_children)
{
	if (!skip_children && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* The node after @n and its subtree in document order, up to the end
 * of @root's (then NULL); *depth follows the climb. */
static xmlNode *next_after(xmlNode *n, const xmlNode *root, int *depth)
{
	while (n && n != root && !n->next) {
		n = n->parent;
		(*depth)--;
	}
	return !n || n == root ? NULL : n->next;
}

/* Depth of the deepest element under @root, counting @root as @base;
 * stops counting once it reaches @cap. */
static int tree_depth(xmlNode *root, int base, int cap)
{
	int depth = base, max = base;

	for (xmlNode *n = root->children; n;) {
		if (n->children && depth < cap) {
			n = n->children;
			depth++;
			max = depth > max ? depth : max;
			continue;
		}
		n = next_after(n, root, &depth);
	}
	return max;
}

/* Moves every descendant of @top, in document order, to be a child of
 * @top: shallow elements whole, deeper ones as their text and shallow
 * parts; the containers left empty are freed. ASSAY_ENOMEM. */
static int hoist_below(xmlNode *top)
{
	xmlNode **moved = NULL, *n = top->children;
	size_t count = 0, cap = 0;

	while (n) {
		bool whole = n->type != XML_ELEMENT_NODE || tree_depth(n, 0, SHALLOW + 1) <= SHALLOW;

		if (whole) {
			if (assay_array_reserve(&moved, &cap, count + 1, sizeof *moved)) {
				free(moved);
				return ASSAY_ENOMEM;
			}
			moved[count++] = n;
		}
		n = next_in(n, top, whole);
	}
	for (size_t i = 0; i < count; i++)
		xmlUnlinkNode(moved[i]);
	while (top->children) { /* the emptied containers */
		xmlNode *c = top->children;

		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	for (size_t i = 0; i < count; i++)
		if (!xmlAddChild(top, moved[i])) /* merged into the text before */
			continue;
	free(moved);
	return ASSAY_OK;
}

/* Flattens @doc below FLAT_DEPTH (see above). */
static int flatten_deep(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n = root;
	int depth = 1;

	while (n) {
		if (n->type == XML_ELEMENT_NODE && depth == FLAT_DEPTH) {
			int rc = hoist_below(n);

			if (rc)
				return rc;
		} else if (n->children) {
			n = n->children;
			depth++;
			continue;
		}
		n = next_after(n, root, &depth);
	}
	return ASSAY_OK;
}

int parse_html(const char *html, size_t len, const char *charset, xmlDoc **out)
{
	const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
			    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
	struct assay_buf tmp = {0};
	char name[64];
	const char *enc;
	int rc;

	*out = NULL;
	if (len > INT_MAX)
		return ASSAY_EPARSE;
	rc = prepare(&html, &len, charset, &tmp, name, sizeof name, &enc);
	if (rc != ASSAY_OK)
		goto done;
	if (len == 0)
		goto done; /* an empty page is an empty article */
	/* prepare() only names charsets libxml2 knows; a NULL tree here means
	 * nothing parseable: also an empty article */
	rc = assay_html_read(html, len, enc, NULL, options, out);
	if (rc == ASSAY_OK && *out && xmlDocGetRootElement(*out) &&
	    tree_depth(xmlDocGetRootElement(*out), 1, PARSER_DEPTH + 1) >= PARSER_DEPTH - 1) {
		/* the parser stopped at its depth limit: again without it, flattened */
		xmlFreeDoc(*out);
		*out = NULL;
		rc = assay_html_read(html, len, enc, NULL, options | XML_PARSE_HUGE, out);
		if (rc == ASSAY_OK && *out)
			rc = flatten_deep(*out);
	}
	if (rc == ASSAY_OK && *out && title_swallowed(*out))
		rc = reparse_title(html, len, enc, options, out);
	if (rc != ASSAY_OK && *out) {
		xmlFreeDoc(*out);
		*out = NULL;
	}
done:
	assay_buf_release(&tmp);
	return rc;
}
