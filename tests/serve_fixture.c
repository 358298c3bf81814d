/* serve_fixture.c - builds a store for the review-page tests from a JSON
 * lines file of articles with hand-made claims (tests/data/serve_fixture.jsonl):
 * conflicting figures, an agreement whose status changes, a wire story
 * copied by a second site, and a hostile article whose title, site, URL
 * and text carry <script> and <img onerror>. Hand-made claims keep the
 * page tests independent of how well the extractor does.
 *
 * usage: serve_fixture STORE_DIR FIXTURE.jsonl */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "store.h"
#include "store_util.h"

static int put_one(struct assay_store *s, json_t *o)
{
	struct test_article t;
	struct assay_put_result r;
	int rc;

	if (!test_article_from_json(o, &t)) {
		fprintf(stderr, "serve_fixture: bad case: a figure is not in its sentence\n");
		test_article_release(&t);
		return ASSAY_EINVAL;
	}
	t.a.title = json_string_value(json_object_get(o, "article"));
	t.a.site = json_string_value(json_object_get(o, "site"));
	rc = assay_store_put_article(s, &t.a, &r);
	if (rc)
		fprintf(stderr, "serve_fixture: %s\n", assay_store_errmsg(s));
	test_article_release(&t);
	return rc;
}

int main(int argc, char **argv)
{
	struct assay_store *s = NULL;
	json_t **lines = NULL;
	size_t n;
	int rc = ASSAY_OK;

	if (argc != 3) {
		fprintf(stderr, "usage: serve_fixture STORE_DIR FIXTURE.jsonl\n");
		return 2;
	}
	n = read_jsonl(argv[2], &lines);
	if (!n || assay_store_open(argv[1], ASSAY_STORE_CREATE, &s) != ASSAY_OK) {
		fprintf(stderr, "serve_fixture: cannot read %s or open %s\n", argv[2], argv[1]);
		return 2;
	}
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = put_one(s, lines[i]);
		json_decref(lines[i]);
	}
	free(lines);
	assay_store_close(s);
	return rc ? 1 : 0;
}
