/* filter.c - the review queue's filter as it travels in the pages' URLs
 * (query arguments) and forms (hidden fields), so every link and every
 * decision keeps the editor's view. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "str.h"
#include "vocab.h"

static const struct {
	const char *arg;
	size_t off, size;
} filter_fields[] = {
	{"state", offsetof(struct assay_review_filter, state), sizeof ((struct assay_review_filter *)0)->state},
	{"subject", offsetof(struct assay_review_filter, subject), sizeof ((struct assay_review_filter *)0)->subject},
	{"metric", offsetof(struct assay_review_filter, metric), sizeof ((struct assay_review_filter *)0)->metric},
	{"commodity", offsetof(struct assay_review_filter, commodity),
	 sizeof ((struct assay_review_filter *)0)->commodity},
	{"site", offsetof(struct assay_review_filter, site), sizeof ((struct assay_review_filter *)0)->site},
	{"q", offsetof(struct assay_review_filter, q), sizeof ((struct assay_review_filter *)0)->q},
};
#define NFIELDS (sizeof filter_fields / sizeof filter_fields[0])

void serve_filter_from_req(const struct serve_req *req, struct assay_review_filter *f)
{
	bool any_state = false;

	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < NFIELDS; i++) {
		char *dst = (char *)f + filter_fields[i].off;
		const char *v = req->post ? NULL : serve_req_arg(req, filter_fields[i].arg);
		bool have = v != NULL;

		if (v)
			snprintf(dst, filter_fields[i].size, "%s", v);
		else if (req->post)
			have = serve_form_get(req->body, req->body_len, filter_fields[i].arg,
					      dst, filter_fields[i].size);
		if (i == 0)
			any_state = have;
	}
	if (!any_state)
		assay_review_state_set(f->state, sizeof f->state, ASSAY_REVIEW_PENDING);
	if (strcmp(f->state, "any") == 0)
		f->state[0] = '\0';
}

void serve_filter_query(struct serve_out *o, const struct assay_review_filter *f, bool html)
{
	serve_printf(o, "state=");
	serve_urlarg(o, f->state[0] ? f->state : "any");
	for (size_t i = 1; i < NFIELDS; i++) {
		const char *v = (const char *)f + filter_fields[i].off;
		if (!*v)
			continue;
		serve_printf(o, "%s%s=", html ? "&amp;" : "&", filter_fields[i].arg);
		serve_urlarg(o, v);
	}
}

void serve_filter_fields(struct serve_out *o, const struct assay_review_filter *f)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *v = (const char *)f + filter_fields[i].off;
		if (i == 0 && !*v)
			v = "any";
		if (!*v)
			continue;
		serve_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"", filter_fields[i].arg);
		serve_text(o, v);
		serve_printf(o, "\">");
	}
}
