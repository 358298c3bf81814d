/* html_read.h - libxml2's HTML parser, safe when memory runs out.
 *
 * libxml2 2.9 (Debian 12's) can spin for ever or read through NULL when an
 * allocation fails inside its HTML parser; fixed upstream in 2.11. This
 * reader works round both (html_read.c says how), so every module that
 * parses HTML goes through it rather than htmlReadMemory.
 *
 * Reads @len bytes of @html in charset @enc (NULL: as the page declares)
 * with htmlParserOption @options; @url, if not NULL, becomes the tree's URL.
 * Returns ASSAY_OK and the tree in *@out (NULL when nothing in the bytes
 * parses), ASSAY_ENOMEM when an allocation failed on the way (no tree: a
 * tree cut short is not the page), or ASSAY_ETOOBIG past INT_MAX bytes.
 * The caller frees the tree with xmlFreeDoc(). While it runs, the calling
 * thread's libxml2 structured error handler is this reader's; afterwards
 * it is unset. */
#ifndef ASSAY_HTML_READ_H
#define ASSAY_HTML_READ_H

#include <stddef.h>

#include <libxml/tree.h>

int assay_html_read(const char *html, size_t len, const char *enc, const char *url, int options,
		    xmlDoc **out);

#endif
