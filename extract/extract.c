/* extract.c - PLACEHOLDER until the recognizers land. */
#include <string.h>
#include "assay.h"
#include "extract.h"
int assay_extract_init(void) { return ASSAY_OK; }
void assay_extract_shutdown(void) {}
int assay_extract_doc(const struct assay_doc *doc, const struct assay_extract_opts *opts, struct assay_extraction *out)
{ (void)doc; (void)opts; memset(out, 0, sizeof *out); return ASSAY_OK; }
int assay_extract_text(const char *text, size_t len, const struct assay_extract_opts *opts, struct assay_extraction *out)
{ (void)text; (void)len; (void)opts; memset(out, 0, sizeof *out); return ASSAY_OK; }
void assay_extraction_release(struct assay_extraction *x) { memset(x, 0, sizeof *x); }
