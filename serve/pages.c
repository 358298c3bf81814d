/* pages.c - the router of `assay serve`: which path is which page.
 *
 *   GET  /                      the review queue (filters in the query)
 *   GET  /claim/ID              a claim or agreement, for review
 *   POST /claim/ID/review       an editor's decision (the only write)
 *   GET  /conflicts             every conflict group with its chart
 *   GET  /conflict/NAME         one group, with every source
 *   GET  /articles              stored articles
 *   GET  /article?url=URL       one article, mentions marked and linked
 *
 * Ids and group names are checked here (letters and digits, short) before
 * a page sees them. Anything else is a 404 page. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "pages.h"

/* Copies the path segment after @prefix into @id when it is a plain id
 * (ASCII letters and digits, 1 to size-1 characters) followed by @suffix. */
static bool match_id(const char *path, const char *prefix, const char *suffix,
		     char *id, size_t size)
{
	size_t n = strlen(prefix), i = 0;

	if (strncmp(path, prefix, n) != 0)
		return false;
	path += n;
	while (isalnum((unsigned char)path[i]) && i + 1 < size) {
		id[i] = path[i];
		i++;
	}
	id[i] = '\0';
	return i > 0 && strcmp(path + i, suffix) == 0;
}

static int not_found(struct serve_resp *resp)
{
	struct serve_out o = {&resp->body, ASSAY_OK};

	resp->status = 404;
	serve_page_begin(&o, "Not found", NULL);
	serve_printf(&o, "<h1>Not found</h1><p>There is no such page. "
		     "<a href=\"/\">Back to the review queue</a>.</p>");
	serve_page_end(&o);
	return o.rc;
}

int serve_handle(void *ctx, const struct serve_req *req, struct serve_resp *resp)
{
	struct serve_app *app = ctx;
	const char *p = req->path;
	char id[24];
	int rc;

	if (req->post && strcmp(p, "/editor") == 0)
		return serve_post_editor(app, req, resp);
	if (req->post)
		return match_id(p, "/claim/", "/review", id, sizeof id)
			       ? serve_post_review(app, req, resp, id) : not_found(resp);
	if (strcmp(p, "/") == 0)
		return serve_page_queue(app, req, resp);
	if (match_id(p, "/claim/", "", id, sizeof id)) {
		rc = serve_page_claim(app, req, resp, id);
		if (rc == ASSAY_ENOTFOUND) {
			assay_buf_reset(&resp->body);
			return not_found(resp);
		}
		return rc;
	}
	if (strcmp(p, "/conflicts") == 0)
		return serve_page_conflicts(app, req, resp);
	if (match_id(p, "/conflict/", "", id, sizeof id))
		return serve_page_conflict(app, req, resp, id);
	if (strcmp(p, "/articles") == 0)
		return serve_page_articles(app, req, resp);
	if (strcmp(p, "/article") == 0) {
		rc = serve_page_article(app, req, resp);
		if (rc == ASSAY_ENOTFOUND) {
			assay_buf_reset(&resp->body);
			return not_found(resp);
		}
		return rc;
	}
	return not_found(resp);
}
