/* plain.c - plain text -> a document, as the cleaner would make of HTML.
 *
 * The first line is the headline; paragraphs are separated by blank
 * lines. The text is the paragraphs joined by one blank line ("\n\n"),
 * each without its trailing spaces and carriage returns, so CRLF files and
 * runs of blank lines give the same text (and the same evidence offsets)
 * as LF files. The bytes are taken as they are: no charset is guessed. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "buf.h"
#include "clean.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Where the paragraph starting at @p ends: at the newline before a blank
 * line, or at @end. */
static const char *paragraph_end(const char *p, const char *end)
{
	for (;;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		const char *r;

		if (!e)
			return end;
		r = e + 1;
		while (r < end && is_blank(*r))
			r++;
		if (r >= end || *r == '\n')
			return e;
		p = e + 1;
	}
}

static int add_block(struct assay_doc *doc, size_t *cap, size_t start, size_t end)
{
	if (assay_array_reserve(&doc->blocks, cap, doc->nblocks + 1, sizeof *doc->blocks))
		return ASSAY_ENOMEM;
	doc->blocks[doc->nblocks++] = (struct assay_block){ASSAY_BLOCK_PARAGRAPH, start, end, -1, -1};
	return ASSAY_OK;
}

int assay_text_doc(const char *body, size_t len, struct assay_doc *doc)
{
	struct assay_buf text = {0};
	const char *p = body, *end = body + len, *nl;
	size_t cap = 0, start;

	memset(doc, 0, sizeof *doc);
	nl = memchr(p, '\n', len);
	if (!nl)
		nl = end;
	doc->title = strndup(p, (size_t)(nl - p));
	if (!doc->title)
		return ASSAY_ENOMEM;
	p = nl < end ? nl + 1 : end;
	while (p < end) {
		const char *q = p, *stop;

		while (q < end && (*q == '\n' || is_blank(*q)))
			q++;
		if (q >= end)
			break;
		p = stop = paragraph_end(q, end);
		while (stop > q && (stop[-1] == '\r' || stop[-1] == ' '))
			stop--;
		if (text.len && assay_buf_puts(&text, "\n\n") != ASSAY_OK)
			goto fail;
		start = text.len;
		if (assay_buf_append(&text, q, (size_t)(stop - q)) != ASSAY_OK ||
		    add_block(doc, &cap, start, text.len) != ASSAY_OK)
			goto fail;
	}
	doc->text_len = text.len;
	doc->text = assay_buf_steal(&text);
	if (!doc->text)
		goto fail;
	return ASSAY_OK;
fail:
	assay_buf_release(&text);
	assay_doc_release(doc);
	return ASSAY_ENOMEM;
}
