/* http.c - libmicrohttpd glue of `assay serve` (see http.h).
 *
 * A request is collected in a per-connection state (its body capped at
 * SERVE_MAX_BODY), then judged by serve_guard_check(), then answered from
 * the embedded assets or by the page handler. Every response, refusals
 * included, carries the same security headers. */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "log.h"
#include "utf8.h"
#include "assets.h"
#include "guard.h"
#include "html.h"
#include "http.h"

struct serve_http {
	struct MHD_Daemon *d;
	struct serve_guard guard;
	serve_handler handler;
	void *ctx;
	char url[128];
};

struct conn_state {
	struct assay_buf body;
	bool too_big;
};

static const char *const security_headers[][2] = {
	{"Content-Security-Policy",
	 "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "same-origin"}, /* no-referrer would make POSTs send "Origin: null" */
	{"Cache-Control", "no-store"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
};

const char *serve_req_arg(const struct serve_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

bool serve_editor_name_ok(char *name)
{
	size_t n, start = strspn(name, " \t");

	memmove(name, name + start, strlen(name + start) + 1);
	n = strlen(name);
	while (n && (name[n - 1] == ' ' || name[n - 1] == '\t'))
		name[--n] = '\0';
	if (n == 0 || n > SERVE_EDITOR_MAX)
		return false;
	for (size_t i = 0; i < n;) {
		size_t l = assay_utf8_len(name + i, n - i);

		if (l == 0 || (l == 1 && ((unsigned char)name[i] < 0x20 || name[i] == 0x7F)))
			return false;
		if (l == 2 && (unsigned char)name[i] == 0xC2 && (unsigned char)name[i + 1] < 0xA0)
			return false; /* C1 controls */
		i += l;
	}
	return true;
}

void serve_redirect(struct serve_resp *resp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(resp->location, sizeof resp->location, fmt, ap);
	va_end(ap);
	resp->status = 303;
}

/* Queues @len bytes of @data (copied) with the security headers. */
static enum MHD_Result send_response(struct MHD_Connection *conn, int status, const char *type,
			    const void *data, size_t len, const char *location,
			    const char *cookie)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
	MHD_add_response_header(r, "Content-Type", type);
	if (location)
		MHD_add_response_header(r, "Location", location);
	if (cookie)
		MHD_add_response_header(r, "Set-Cookie", cookie);
	ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);
	return ret;
}

/* A small page saying why a request was refused. */
static enum MHD_Result send_refusal(struct MHD_Connection *conn, int status,
				    const char *why)
{
	struct assay_buf b = {0};
	enum MHD_Result ret;

	if (assay_buf_printf(&b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
			     "<title>%d - assay</title><link rel=\"stylesheet\" href=\"/app.css\">"
			     "</head><body><main class=\"refused\"><h1>Not allowed (%d)</h1><p>",
			     status, status) != ASSAY_OK ||
	    serve_esc_str(&b, why) != ASSAY_OK ||
	    assay_buf_puts(&b, "</p><p><a href=\"/\">Go to the review queue</a></p></main></body></html>\n") != ASSAY_OK) {
		assay_buf_release(&b);
		return MHD_NO;
	}
	ret = send_response(conn, status, "text/html; charset=utf-8", b.data, b.len, NULL, NULL);
	assay_buf_release(&b);
	return ret;
}

/* True for a path of this server that is safe to put in a Location
 * header: one leading slash (not "//host"), no control characters. */
static bool is_local_path(const char *url)
{
	if (url[0] != '/' || url[1] == '/' || url[1] == '\\')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return false;
	return strlen(url) < 400;
}

/* Appends one query argument (all but the session key) to the redirect. */
static enum MHD_Result keep_arg(void *ctx, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	struct serve_out *o = ctx;

	(void)kind;
	if (strcmp(key, "token") == 0 || o->rc != ASSAY_OK || !o->b->data)
		return MHD_YES;
	serve_printf(o, "%s", strchr(o->b->data, '?') ? "&" : "?");
	serve_urlarg(o, key);
	serve_printf(o, "=");
	serve_urlarg(o, value ? value : "");
	return MHD_YES;
}

/* Signs the browser in and sends it on to the page it asked for, with the
 * query it came with (a deep link stays deep) but without the key. */
static enum MHD_Result send_login(struct serve_http *h, struct MHD_Connection *conn,
				  const char *path)
{
	struct assay_buf b = {0};
	struct serve_out o = {&b, ASSAY_OK};
	char cookie[160];
	const char *url = "/";
	enum MHD_Result ret;

	if (is_local_path(path)) {
		serve_printf(&o, "%s", path);
		MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, keep_arg, &o);
		url = o.rc == ASSAY_OK && is_local_path(b.data) ? b.data : path;
	}

	snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict",
		 h->guard.cookie_name, h->guard.session);
	ret = send_response(conn, 303, "text/plain; charset=utf-8", "", 0, url, cookie);
	assay_buf_release(&b);
	return ret;
}

static enum MHD_Result send_page(struct serve_http *h, struct MHD_Connection *conn,
				 const char *url, const char *method, struct conn_state *st)
{
	struct serve_req req = {
		.post = strcmp(method, "POST") == 0, .path = url,
		.body = st->body.data ? st->body.data : "", .body_len = st->body.len,
		.form_token = h->guard.form, .conn = conn,
	};
	struct serve_resp resp = {.status = 200, .type = "text/html; charset=utf-8"};
	const char *ck = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, SERVE_EDITOR_COOKIE);
	char editor[3 * SERVE_EDITOR_MAX + 8];
	enum MHD_Result ret;
	int rc;

	if (ck && strlen(ck) < sizeof editor) {
		serve_url_decode(ck, strlen(ck), editor, sizeof editor);
		if (serve_editor_name_ok(editor))
			req.editor = editor;
	}
	rc = h->handler(h->ctx, &req, &resp);

	if (rc != ASSAY_OK) {
		assay_err("serve: %s: %s", url, assay_strerror(rc));
		assay_buf_release(&resp.body);
		return send_refusal(conn, 500, rc == ASSAY_ENOTFOUND
				    ? "The page was not found." : assay_strerror(rc));
	}
	if (resp.status == 303)
		ret = send_response(conn, 303, "text/plain; charset=utf-8", "", 0, resp.location,
				    resp.cookie[0] ? resp.cookie : NULL);
	else
		ret = send_response(conn, resp.status, resp.type, resp.body.data ? resp.body.data : "",
			   resp.body.len, NULL, resp.cookie[0] ? resp.cookie : NULL);
	assay_buf_release(&resp.body);
	return ret;
}

static const char *header(struct MHD_Connection *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

const struct serve_asset *serve_asset_find(const char *path)
{
	for (size_t i = 0; i < serve_assets_count; i++)
		if (strcmp(serve_assets[i].path, path) == 0)
			return &serve_assets[i];
	return NULL;
}

/* Judges and answers a request whose body has been read. */
static enum MHD_Result answer(struct serve_http *h, struct MHD_Connection *conn,
			      const char *url, const char *method, struct conn_state *st)
{
	const struct serve_asset *asset = serve_asset_find(url);
	char form_token[SERVE_TOKEN_LEN + 8];
	struct serve_guard_in in = {
		.method = method, .host = header(conn, MHD_HTTP_HEADER_HOST),
		.origin = header(conn, "Origin"), .fetch_site = header(conn, "Sec-Fetch-Site"),
		.cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, h->guard.cookie_name),
		.url_token = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "token"),
		.asset = asset != NULL,
	};
	enum serve_verdict v;

	if (st->too_big)
		return send_refusal(conn, 413, "The form was too large.");
	if (serve_form_get(st->body.data, st->body.len, "token", form_token, sizeof form_token))
		in.form_token = form_token;
	v = serve_guard_check(&h->guard, &in);
	if (v == SERVE_LOGIN)
		return send_login(h, conn, url);
	if (v != SERVE_ALLOW) {
		assay_info("serve: refused %s %s: %s", method, url, serve_verdict_text(v));
		return send_refusal(conn, serve_verdict_status(v), serve_verdict_text(v));
	}
	if (asset)
		return send_response(conn, 200, asset->type, asset->data, asset->len, NULL, NULL);
	return send_page(h, conn, url, method, st);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **con_cls)
{
	struct conn_state *st = *con_cls;

	(void)version;
	if (!st) {
		st = calloc(1, sizeof *st);
		if (!st)
			return MHD_NO;
		*con_cls = st;
		return MHD_YES;
	}
	if (*upload_size) {
		if (st->body.len + *upload_size > SERVE_MAX_BODY ||
		    assay_buf_append(&st->body, upload, *upload_size) != ASSAY_OK)
			st->too_big = true;
		*upload_size = 0;
		return MHD_YES;
	}
	return answer(cls, conn, url, method, st);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode why)
{
	struct conn_state *st = *con_cls;

	(void)cls, (void)conn, (void)why;
	if (st) {
		assay_buf_release(&st->body);
		free(st);
		*con_cls = NULL;
	}
}

/* libmicrohttpd's own messages, in assay's voice and only with --verbose:
 * the caller reports what matters (a port in use) in words. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	assay_debug("serve: %s", msg);
}

static struct MHD_Daemon *listen_on(struct serve_http *h, const struct in_addr *addr,
				    unsigned port)
{
	struct sockaddr_in sa;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr = *addr;
	return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG,
				(uint16_t)port, NULL, NULL, on_request, h,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT_S,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128u << 10),
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
				MHD_OPTION_EXTERNAL_LOGGER, mhd_log, h,
				MHD_OPTION_END);
}

int serve_http_start(unsigned port, const char *host, const char *session,
		     serve_handler handler, void *ctx, struct serve_http **out)
{
	struct serve_http *h;
	const union MHD_DaemonInfo *info;
	struct in_addr addr = {htonl(INADDR_LOOPBACK)};

	*out = NULL;
	/* one address, never the wildcard: the Host check needs its one name */
	if (host && (inet_pton(AF_INET, host, &addr) != 1 || addr.s_addr == htonl(INADDR_ANY)))
		return ASSAY_EINVAL;
	h = calloc(1, sizeof *h);
	if (!h)
		return ASSAY_ENOMEM;
	h->handler = handler;
	h->ctx = ctx;
	h->d = listen_on(h, &addr, port);
	if (!h->d)
		goto fail;
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || !info->port)
		goto fail;
	if (serve_guard_init(&h->guard, info->port, session) != ASSAY_OK ||
	    (host && serve_guard_set_host(&h->guard, host) != ASSAY_OK))
		goto fail;
	snprintf(h->url, sizeof h->url, "http://%s:%u/?token=%s", host ? host : "127.0.0.1",
		 h->guard.port, h->guard.session);
	*out = h;
	return ASSAY_OK;
fail:
	if (!errno)
		errno = EADDRNOTAVAIL;
	serve_http_stop(h);
	return ASSAY_EIO;
}

unsigned serve_http_port(const struct serve_http *h)
{
	return h->guard.port;
}

const char *serve_http_url(const struct serve_http *h)
{
	return h->url;
}

void serve_http_stop(struct serve_http *h)
{
	if (!h)
		return;
	if (h->d)
		MHD_stop_daemon(h->d);
	free(h);
}
