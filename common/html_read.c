/* html_read.c - libxml2's HTML parser, kept from hanging or crashing when
 * an allocation fails inside it. See html_read.h. */
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "assay.h"
#include "html_read.h"

/* libxml2 2.9's HTML parser answers a failed allocation by setting its
 * state to end of input, but several of its loops stop only on a NUL at the
 * read position, and its xmlNextChar no longer moves once in that state: so
 * they spin for ever (fixed upstream in 2.11, which halts the input). The
 * same is done here from libxml2's error report: on "no memory" for the
 * parse under way, the read position goes to the input's end, where the
 * buffer always holds a NUL, and the parse is marked as failed. */
struct oom_guard {
	xmlParserCtxt *ctxt;
	bool oom;
};

/* The same version's htmlnamePush drops its table of open elements when
 * growing it fails, but keeps the count, so the next pop reads through
 * NULL. The names are lost either way; a fresh table of the same size
 * (all NULL, which every reader of it accepts) keeps the pops in bounds.
 * If even that fails the stack is emptied with a size of 0: the input is
 * already at its end, and a push after that asks libxml2's allocator for a
 * table of size 0 (glibc serves it; libxml2 checks the NULL otherwise). */
static void repair_names(xmlParserCtxt *c)
{
	if (c->nameTab || c->nameNr <= 0)
		return;
	if (c->nameMax > 0)
		c->nameTab = xmlMalloc((size_t)c->nameMax * sizeof *c->nameTab);
	if (c->nameTab) {
		memset((void *)c->nameTab, 0, (size_t)c->nameMax * sizeof *c->nameTab);
		c->name = NULL;
		return;
	}
	c->nameNr = 0;
	c->nameMax = 0;
	c->name = NULL;
}

static void on_xml_error(void *data, xmlError *e)
{
	struct oom_guard *g = data;
	xmlParserInput *in;

	if (!g || !e || e->code != XML_ERR_NO_MEMORY)
		return;
	g->oom = true;
	if (e->ctxt != g->ctxt || !g->ctxt)
		return;
	in = g->ctxt->input;
	if (in && in->end && *in->end == 0)
		in->cur = in->end;
	repair_names(g->ctxt);
}

/* The parse reads a copy of @html from a libxml2 input with its read
 * function taken away: the copy holds the whole page, and without a read
 * function the pull parser never tries to grow it. That growth is where
 * libxml2 2.9, failing to allocate, points the read position into NULL.
 * (A static input would save the copy, but 2.9's shrink moves the read
 * position back over an input it cannot move.) UTF-8, what prepare() leaves
 * for nearly every page, is read as it is, where htmlReadMemory also ran it
 * through a UTF-8 to UTF-8 converter; other charsets are converted whole,
 * and with no charset named libxml2 looks for one in the page.
 * The steps are htmlDoRead's, which is not public. */
static xmlDoc *read_html(struct oom_guard *g, const char *html, size_t len, const char *enc,
			 const char *url, int options)
{
	xmlParserInputBuffer *buf;
	xmlParserInput *in;
	bool utf8 = enc && strcmp(enc, "UTF-8") == 0;

	buf = xmlParserInputBufferCreateMem(html, (int)len, XML_CHAR_ENCODING_NONE);
	if (!buf)
		return NULL;
	buf->readcallback = NULL;
	in = xmlNewIOInputStream(g->ctxt, buf, XML_CHAR_ENCODING_NONE);
	if (!in) {
		xmlFreeParserInputBuffer(buf);
		return NULL;
	}
	if (inputPush(g->ctxt, in) < 0) {
		xmlFreeInputStream(in);
		return NULL;
	}
	htmlCtxtUseOptions(g->ctxt, options);
	g->ctxt->html = 1;
	if (url && !(in->filename = (char *)xmlStrdup((const xmlChar *)url)))
		return NULL;
	if (!enc) {
		/* libxml2 finds the charset in the page */
	} else if (utf8) {
		xmlSwitchEncoding(g->ctxt, XML_CHAR_ENCODING_UTF8);
	} else {
		xmlCharEncodingHandler *h = xmlFindCharEncodingHandler(enc);

		if (!h || xmlSwitchToEncoding(g->ctxt, h) < 0)
			return NULL;
	}
	if (g->oom)
		return NULL;
	htmlParseDocument(g->ctxt);
	return g->ctxt->myDoc;
}

int assay_html_read(const char *html, size_t len, const char *enc, const char *url, int options,
		    xmlDoc **out)
{
	struct oom_guard guard = {0};
	int rc = ASSAY_OK;

	*out = NULL;
	if (len > INT_MAX)
		return ASSAY_ETOOBIG;
	guard.ctxt = htmlNewParserCtxt();
	if (!guard.ctxt)
		return ASSAY_ENOMEM;
	xmlSetStructuredErrorFunc(&guard, on_xml_error);
	*out = read_html(&guard, html, len, enc, url, options);
	guard.ctxt->myDoc = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (guard.oom || guard.ctxt->errNo == XML_ERR_NO_MEMORY) {
		/* a tree cut short by a failed allocation is not the page */
		xmlFreeDoc(*out);
		*out = NULL;
		rc = ASSAY_ENOMEM;
	}
	htmlFreeParserCtxt(guard.ctxt);
	return rc;
}
