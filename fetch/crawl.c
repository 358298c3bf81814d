/* crawl.c - PLACEHOLDER until the crawler lands. */
#include <string.h>
#include "assay.h"
#include "fetch.h"
void assay_crawl_opts_init(struct assay_crawl_opts *o) { memset(o, 0, sizeof *o); }
int assay_crawl(const char *const *s, size_t n, const struct assay_crawl_opts *o, const struct assay_crawl_hooks *h, struct assay_crawl_summary *sum)
{ (void)s; (void)n; (void)o; (void)h; memset(sum, 0, sizeof *sum); return ASSAY_EINVAL; }
