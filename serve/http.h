/* http.h - the HTTP side of `assay serve`: a libmicrohttpd daemon on
 * 127.0.0.1, with the guard (guard.h) in front of every request, the
 * security headers on every response, and the embedded assets.
 *
 * Limits: 512 connections, 10 s idle timeout, 64 KiB of request body
 * (issue 21 #10: 70 slow half-requests filled the 64 slots and locked the
 * editor out; the daemon polls with epoll/poll, not select, so it is not
 * bound to FD_SETSIZE). Everything comes from 127.0.0.1, so the per-IP
 * limit cannot tell the editor from a local attacker and equals the total;
 * what bounds a slow client is the idle timeout and the room left. One
 * thread handles all requests, one after the other, so a page handler
 * never runs concurrently with another (the store handle is not shared
 * between threads). Pages are written by a handler that knows nothing of
 * libmicrohttpd: it reads a serve_req and fills a serve_resp. */
#ifndef ASSAY_SERVE_HTTP_H
#define ASSAY_SERVE_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define SERVE_MAX_BODY (64u << 10)
#define SERVE_MAX_CONNECTIONS 512
#define SERVE_TIMEOUT_S 10

struct serve_req {
	bool post;              /* else GET or HEAD */
	const char *path;       /* without the query string */
	const char *body;       /* a POST's urlencoded form; "" otherwise */
	size_t body_len;
	const char *form_token; /* to write into forms (hidden field "token") */
	const char *editor;     /* the editor this browser named (its cookie,
				   decoded and checked), or NULL */
	void *conn;             /* for serve_req_arg() */
};

/* The value of query argument @name, decoded, or NULL. Valid during the
 * request. */
const char *serve_req_arg(const struct serve_req *r, const char *name);

struct serve_resp {
	int status;             /* 200 unless set */
	const char *type;       /* Content-Type; default text/html */
	struct assay_buf body;
	char location[512];     /* for 303: where to go next */
	char cookie[256];       /* a Set-Cookie value, or "" */
};

/* The cookie that holds the name an editor gave in this browser
 * (percent-encoded). Unlike the session cookie it is the same for every
 * port: it names a person, not a session. */
#define SERVE_EDITOR_COOKIE "assay_editor"
#define SERVE_EDITOR_MAX 63 /* bytes of a name, as the store keeps it */

/* Trims @name in place and checks it is an editor's name: 1 to
 * SERVE_EDITOR_MAX bytes of valid UTF-8 without control characters. */
bool serve_editor_name_ok(char *name);

/* Fills @resp for @req; returns ASSAY_OK, or an error for a 500 page. */
typedef int (*serve_handler)(void *ctx, const struct serve_req *req,
			     struct serve_resp *resp);

struct serve_http; /* opaque */

/* Starts listening on 127.0.0.1:@port (0: any free port), or on IPv4
 * address @host when not NULL (then Host and Origin must name it), with
 * session key @session (NULL: a fresh one; see serve_guard_init()).
 * Returns ASSAY_OK, ASSAY_EINVAL (@host is no IPv4 address), ASSAY_EIO
 * (cannot bind: errno says why) or ASSAY_ENOMEM. */
int serve_http_start(unsigned port, const char *host, const char *session,
		     serve_handler handler, void *ctx, struct serve_http **out);
/* The port listened on and the URL that opens a session (holds the key). */
unsigned serve_http_port(const struct serve_http *h);
const char *serve_http_url(const struct serve_http *h);
void serve_http_stop(struct serve_http *h); /* accepts NULL */

/* Sets @resp to a 303 redirect to @fmt (a path on this server). */
void serve_redirect(struct serve_resp *resp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
