/* post_review.c - the state changes the pages make: an editor's
 * decision on a claim, posted by the claim page's forms, and the name of
 * the editor who decides in this browser (a cookie, sent with each
 * decision and recorded with it; without one the store records the
 * server's $USER).
 *
 * The guard has already checked the session, the origin and the form
 * token. Here the decision is validated (a rejection needs a reason, a
 * correction a number or a field that fits and differs from the one
 * extracted), stored, and the editor is sent on to the next
 * claim of the same queue: the one after this claim as the queue stood
 * before the decision, so a decision never skips or repeats a claim. A
 * decision made on another page (a conflict card) names that page in
 * field "back" and returns to it, when it is a path of this server. */
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "pages.h"
#include "str.h"
#include "vocab.h"

static const struct {
	const char *action; /* the form's */
	enum assay_review_state state;
} actions[] = {
	{"accept", ASSAY_REVIEW_ACCEPTED}, {"reject", ASSAY_REVIEW_REJECTED},
	{"correct", ASSAY_REVIEW_CORRECTED}, {"pending", ASSAY_REVIEW_PENDING},
};

/* The name of the state form action @action stores, or NULL. */
static const char *state_of(const char *action)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(action, actions[i].action) == 0)
			return assay_review_state_names[actions[i].state];
	return NULL;
}

/* A form field, with the white space around it trimmed. */
static void field(const struct serve_req *req, const char *name, char *out, size_t size)
{
	size_t n;

	serve_form_get(req->body, req->body_len, name, out, size);
	n = strlen(out);
	while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		out[--n] = '\0';
	n = strspn(out, " \t");
	memmove(out, out + n, strlen(out + n) + 1);
}

/* A correction: the figure (a unit alone changes the unit of the figure
 * as extracted) and the other fields that differ from the extracted ones.
 * Returns NULL or the name of the bad field ("nothing" when nothing
 * changes). */
static const char *read_correction(struct serve_app *app, const struct serve_req *req,
				   const char *id, struct assay_review *d, int *rc)
{
	struct assay_review_original was;
	struct assay_review_fix *f = &d->fix;
	char value[64], parties[400];
	const char *bad;

	*rc = assay_review_original_get(app->store, id, &was);
	if (*rc)
		return NULL;
	if (was.is_agr) {
		field(req, "type", f->type, sizeof f->type);
		field(req, "status", f->status, sizeof f->status);
		field(req, "parties", parties, sizeof parties);
		if (parties[0] && assay_review_parse_parties(parties, f))
			return "parties";
	} else {
		field(req, "value", value, sizeof value);
		field(req, "unit", d->unit, sizeof d->unit);
		if (value[0] && !assay_review_parse_value(value, &d->value))
			return "value";
		d->has_value = value[0] != '\0';
		if (!d->has_value && assay_review_state_is(was.now.state, ASSAY_REVIEW_CORRECTED) &&
		    was.now.has_value) {
			d->value = was.now.value; /* the figure corrected before stays */
			d->has_value = true;
		}
		if (strcmp(d->unit, was.c.unit) == 0)
			d->unit[0] = '\0'; /* the claim's own unit, kept */
		else if (!d->has_value && d->unit[0]) {
			d->value = was.c.value; /* the figure as read, in another unit */
			d->has_value = true;
		}
		field(req, "subject", f->subject, sizeof f->subject);
		field(req, "metric", f->metric, sizeof f->metric);
		field(req, "commodity", f->commodity, sizeof f->commodity);
		field(req, "period", f->period, sizeof f->period);
		field(req, "status", f->status, sizeof f->status);
		field(req, "place", f->place, sizeof f->place);
	}
	assay_review_fix_drop_same(f, was.is_agr ? NULL : &was.c, was.is_agr ? &was.a : NULL);
	bad = assay_review_fix_check(was.is_agr, f);
	if (bad)
		return bad;
	return !d->has_value && assay_review_fix_empty(f) ? "nothing" : NULL;
}

/* Fills @d from the form; returns NULL or the name of the bad field. */
static const char *read_decision(struct serve_app *app, const struct serve_req *req,
				 const char *id, const char *state, struct assay_review *d,
				 int *rc)
{
	*rc = ASSAY_OK;
	memset(d, 0, sizeof *d);
	assay_copy(d->state, sizeof d->state, state);
	if (assay_review_state_is(state, ASSAY_REVIEW_REJECTED)) {
		/* typed text wins over a preset's button */
		serve_form_get(req->body, req->body_len, "reason", d->reason, sizeof d->reason);
		if (!d->reason[strspn(d->reason, " \t")])
			serve_form_get(req->body, req->body_len, "preset", d->reason,
				       sizeof d->reason);
		if (!d->reason[strspn(d->reason, " \t")])
			return "reason";
	}
	if (assay_review_state_is(state, ASSAY_REVIEW_CORRECTED))
		return read_correction(app, req, id, d, rc);
	return NULL;
}

/* The claim after @id in the queue @f, as it stands now; "" when none. */
static int next_after(struct serve_app *app, const struct assay_review_filter *f, const char *id,
		      char *next, size_t size)
{
	struct assay_review_queue q;
	long at;
	int rc = assay_review_cache_queue(&app->queue, f, &q);

	next[0] = '\0';
	if (rc)
		return rc;
	at = assay_review_queue_find(&q, id);
	if (at >= 0 && (size_t)at + 1 < q.n)
		snprintf(next, size, "%s", q.rows[at + 1]->id);
	else if (at < 0 && q.n)
		snprintf(next, size, "%s", q.rows[0]->id);
	assay_review_queue_release(&q);
	return ASSAY_OK;
}

static void redirect_to(struct serve_resp *resp, const char *path_id, const struct assay_review_filter *f,
			const char *extra_key, const char *extra)
{
	struct assay_buf b = {0};
	struct serve_out o = {&b, ASSAY_OK};

	serve_printf(&o, "%s", path_id[0] ? "/claim/" : "/");
	serve_urlarg(&o, path_id);
	serve_printf(&o, "?");
	serve_filter_query(&o, f, false);
	if (extra_key) {
		serve_printf(&o, "&%s", extra_key);
		serve_urlarg(&o, extra);
	}
	if (o.rc == ASSAY_OK)
		serve_redirect(resp, "%s", b.data);
	else
		serve_redirect(resp, "/");
	assay_buf_release(&b);
}

/* True for a path of this server to go back to: one leading slash, no
 * "//host", nothing but printable ASCII. */
static bool is_back_path(const char *p)
{
	if (p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return false;
	for (; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7F)
			return false;
	return true;
}

int serve_post_review(struct serve_app *app, const struct serve_req *req,
		      struct serve_resp *resp, const char *id)
{
	char action[16] = "", next[16], back[400] = "";
	struct assay_review_filter f;
	struct assay_review d;
	const char *state, *bad;
	int rc;

	serve_filter_from_req(req, &f);
	serve_form_get(req->body, req->body_len, "action", action, sizeof action);
	if (!serve_form_get(req->body, req->body_len, "back", back, sizeof back) ||
	    !is_back_path(back))
		back[0] = '\0';
	state = state_of(action);
	if (!state) {
		resp->status = 400;
		return assay_buf_puts(&resp->body, "unknown action\n");
	}
	bad = read_decision(app, req, id, state, &d, &rc);
	if (rc)
		return rc;
	if (req->editor)
		assay_copy(d.who, sizeof d.who, req->editor);
	if (bad) {
		redirect_to(resp, id, &f, "error=", bad);
		return ASSAY_OK;
	}
	if (back[0]) { /* decided on a card of another page: back to it */
		rc = assay_store_review(app->store, id, &d);
		if (rc)
			return rc;
		assay_review_cache_decided(&app->queue, id, state);
		serve_redirect(resp, "%s", back);
		return ASSAY_OK;
	}
	rc = next_after(app, &f, id, next, sizeof next);
	if (!rc)
		rc = assay_store_review(app->store, id, &d);
	if (rc == ASSAY_EDENIED) { /* a store this user may only read: say so */
		resp->status = 403;
		resp->type = "text/plain; charset=utf-8";
		return assay_buf_printf(&resp->body, "%s\n", assay_store_errmsg(app->store));
	}
	if (rc)
		return rc;
	assay_review_cache_decided(&app->queue, id, state);
	if (assay_review_state_is(state, ASSAY_REVIEW_PENDING)) {
		redirect_to(resp, id, &f, NULL, NULL);
		return ASSAY_OK;
	}
	redirect_to(resp, next, &f, "done=", id);
	/* the state word is a constant of the table above: safe to append */
	strncat(resp->location, "&did=", sizeof resp->location - strlen(resp->location) - 1);
	strncat(resp->location, state, sizeof resp->location - strlen(resp->location) - 1);
	return ASSAY_OK;
}

int serve_post_editor(struct serve_app *app, const struct serve_req *req,
		      struct serve_resp *resp)
{
	char name[256], back[400];
	struct assay_buf b = {0};
	struct serve_out o = {&b, ASSAY_OK};

	(void)app;
	serve_form_get(req->body, req->body_len, "name", name, sizeof name);
	if (!serve_form_get(req->body, req->body_len, "back", back, sizeof back) ||
	    !is_back_path(back))
		snprintf(back, sizeof back, "/");
	if (!serve_editor_name_ok(name)) {
		serve_redirect(resp, "%s%seditor_error=1", back, strchr(back, '?') ? "&" : "?");
		return ASSAY_OK;
	}
	serve_printf(&o, "%s=", SERVE_EDITOR_COOKIE);
	serve_urlarg(&o, name); /* percent-encoded: only [A-Za-z0-9-._~%] remain */
	if (o.rc) {
		assay_buf_release(&b);
		return o.rc;
	}
	snprintf(resp->cookie, sizeof resp->cookie,
		 "%s; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict", b.data);
	assay_buf_release(&b);
	serve_redirect(resp, "%s", back);
	return ASSAY_OK;
}

void serve_editor_line(struct serve_out *o, const struct serve_req *req, const char *back)
{
	serve_printf(o, "<form class=\"editor\" method=\"post\" action=\"/editor\">"
		     "<input type=\"hidden\" name=\"token\" value=\"");
	serve_text(o, req->form_token);
	serve_printf(o, "\"><input type=\"hidden\" name=\"back\" value=\"");
	serve_text(o, back);
	serve_printf(o, "\">");
	if (req->editor) {
		serve_printf(o, "<span>Deciding as <strong id=\"editor-name\">");
		serve_text(o, req->editor);
		serve_printf(o, "</strong></span> <input type=\"text\" name=\"name\" required "
			     "maxlength=\"%d\" aria-label=\"another editor's name\" "
			     "placeholder=\"not you? your name\"><button>Change</button>",
			     SERVE_EDITOR_MAX);
	} else {
		serve_printf(o, "<label for=\"editor-new\">Who decides in this browser? "
			     "Your name is recorded with each decision.</label> "
			     "<input type=\"text\" id=\"editor-new\" name=\"name\" required "
			     "maxlength=\"%d\" placeholder=\"your name\"><button>Save</button>",
			     SERVE_EDITOR_MAX);
	}
	if (serve_req_arg(req, "editor_error"))
		serve_printf(o, " <span class=\"error\">A name is 1 to %d characters, "
			     "without control characters.</span>", SERVE_EDITOR_MAX);
	serve_printf(o, "</form>");
}
