/* clean.c - assay_clean(): parse once, measure, select, emit.
 *
 * The steps live in their own files: html.c (charset and parse), score.c
 * (measuring walk, choice of the article's container), meta.c and date.c
 * (metadata), emit.c (blocks and tables). This file holds the lifecycle:
 * on any error the output is left empty and everything is released. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include "assay.h"
#include "internal.h"

/* libxml2 reports encoding errors on stderr even with NOERROR; the cleaner
 * repairs what it can and never prints (cli/ is the only place that does). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void assay_parse_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
}

static void release_tables(struct assay_table *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t r = 0; r < t[i].nrows; r++) {
			for (size_t k = 0; k < t[i].rows[r].ncells; k++)
				free(t[i].rows[r].cells[k]);
			free(t[i].rows[r].cells);
		}
		free(t[i].rows);
	}
	free(t);
}

void assay_doc_release(struct assay_doc *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->url);
	free(d->published);
	free(d->author);
	free(d->site);
	free(d->language);
	free(d->text);
	free(d->blocks);
	release_tables(d->tables, d->ntables);
	memset(d, 0, sizeof *d);
}

int assay_clean(const char *html, size_t len, const struct assay_clean_opts *opts,
		struct assay_doc *out)
{
	struct parse_ctx c = {0};
	int rc;

	memset(out, 0, sizeof *out);
	parse_meta_init(&c.meta);
	rc = parse_html(html ? html : "", html ? len : 0, opts ? opts->charset : NULL, &c.doc);
	if (rc != ASSAY_OK)
		goto fail;
	if (c.doc) {
		if ((rc = parse_measure(&c)) != ASSAY_OK)
			goto fail;
		parse_select(&c);
		if (c.oom) {
			rc = ASSAY_ENOMEM;
			goto fail;
		}
		if ((rc = parse_emit(&c, out)) != ASSAY_OK)
			goto fail;
	} else if (!(out->text = calloc(1, 1))) {
		rc = ASSAY_ENOMEM;
		goto fail;
	}
	if ((rc = parse_meta_finish(&c, opts, out)) != ASSAY_OK)
		goto fail;
	free(c.keep);
	free(c.ni);
	parse_meta_release(&c.meta);
	if (c.doc)
		xmlFreeDoc(c.doc);
	return ASSAY_OK;
fail:
	assay_doc_release(out);
	free(c.keep);
	free(c.ni);
	parse_meta_release(&c.meta);
	if (c.doc)
		xmlFreeDoc(c.doc);
	return rc;
}
