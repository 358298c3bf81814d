/* xmltext.h - the text of a libxml2 node or attribute, with entities
 * expanded under a budget. Internal to fetch/ (the one place besides
 * parse/ that sees xmlNode: feeds and sitemaps are XML).
 *
 * The parser is told not to substitute entities, but xmlNodeGetContent()
 * and xmlGetProp() expand entity references anyway, with no limit: one
 * 100 KB entity used 20,000 times in a 160 KB feed became 2 GB of title.
 * These readers stop at @max bytes of text and a fixed number of nodes
 * visited, so nested entities that expand to nothing cost no time either. */
#ifndef ASSAY_FETCH_XMLTEXT_H
#define ASSAY_FETCH_XMLTEXT_H

#include <libxml/tree.h>
#include <stddef.h>

/* Text longer than this is cut: no title, date or URL needs more. */
#define XMLTEXT_MAX (16u << 10)

/* The text of @n and its descendants, trimmed of surrounding white
 * space, at most @max bytes (cut on a UTF-8 boundary). A new string;
 * free() it. NULL when out of memory. */
char *xmltext_node(const xmlNode *n, size_t max);

/* The value of attribute @name of @n, the same way; NULL when absent. */
char *xmltext_attr(const xmlNode *n, const char *name, size_t max);

#endif
