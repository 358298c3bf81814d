/* store_util.h - helpers shared by the store's test suites: a temporary
 * store folder, and articles with hand-built claims read from JSON lines
 * (JSON lines files under tests/data/store), so no test depends on the extractor. */
#ifndef ASSAY_TEST_STORE_UTIL_H
#define ASSAY_TEST_STORE_UTIL_H

#include <jansson.h>
#include <stdbool.h>

#include "store.h"

/* A fresh empty folder under /tmp; free() the result. */
char *tmp_store_dir(void);
void rm_tree(const char *dir);
/* $ASSAY_SOURCE_ROOT/tests/data/store/<name>. */
const char *store_data(const char *name);

/* One article of a seed file: its text (the sentences joined by blank
 * lines) and its claims and agreements with offsets into that text. */
struct test_article {
	struct assay_article a;
	struct assay_extraction x;
	struct assay_buf text;
	char *url, *published, *name;
};

/* Builds an article from one JSON object; false on a malformed case. */
bool test_article_from_json(json_t *o, struct test_article *t);
void test_article_release(struct test_article *t);
/* Calls @fn with the review of every claim, then of every agreement, of
 * the store in @dir; the store's status. */
int store_each_review(const char *dir, void (*fn)(void *ctx, const struct assay_review *r),
		      void *ctx);
/* Reads every line of a JSON lines file; json_decref() each. */
size_t read_jsonl(const char *path, json_t ***out);

#endif
