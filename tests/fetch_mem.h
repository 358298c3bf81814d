/* fetch_mem.h - crawl hooks backed by memory, for tests: pages handed
 * over are kept, "known" URLs are those kept, and the state tables live
 * in a small list, so a second crawl with the same mem resumes. */
#ifndef ASSAY_TEST_FETCH_MEM_H
#define ASSAY_TEST_FETCH_MEM_H

#include <stdbool.h>
#include <stddef.h>

#include "fetch.h"

struct mem_page {
	char *url, *final_url, *content_type, *charset, *published, *title, *warc_file;
	size_t len;
	long long warc_offset;
};

struct mem {
	struct mem_page pages[256];
	size_t npages;
	struct {
		char *table, *key, *val;
		size_t len;
	} kv[512];
	size_t nkv;
	int fail_on_page;   /* when set, on_page returns this */
	unsigned refused;   /* pages on_page refused (the crawl does not count them) */
};

void mem_hooks(struct mem *m, struct assay_crawl_hooks *h);
void mem_release(struct mem *m);
/* The page stored under @url (as listed), or NULL. */
const struct mem_page *mem_page(const struct mem *m, const char *url);
/* How many pages' listed URL ends with @suffix. */
unsigned mem_count_suffix(const struct mem *m, const char *suffix);

/* Test crawl options: private addresses allowed, short limits. */
void test_opts(struct assay_crawl_opts *o);

#endif
