/* clean.c - PLACEHOLDER until the cleaner lands (owned by the parse work). */
#include <string.h>
#include "assay.h"
#include "clean.h"
void assay_parse_init(void) {}
int assay_clean(const char *html, size_t len, const struct assay_clean_opts *opts, struct assay_doc *out)
{ (void)html; (void)len; (void)opts; memset(out, 0, sizeof *out); return ASSAY_EPARSE; }
void assay_doc_release(struct assay_doc *d) { memset(d, 0, sizeof *d); }
