/* guard.h - who may talk to `assay serve`: the checks every request
 * passes before a page sees it, as a pure function that tests can drive.
 *
 * The server listens on 127.0.0.1 (or, with `serve --host`, on one
 * address of a trusted network), but any web page the editor has open
 * could still send requests there. So:
 *  - Host must name this server (127.0.0.1:PORT or localhost:PORT; with a
 *    host set, that address and port only), which defeats DNS rebinding:
 *    a foreign Host gets 403.
 *  - An Origin header, when sent, must be this server's origin, and a POST
 *    marked Sec-Fetch-Site: cross-site is refused: a cross-site POST gets 403.
 *  - Pages need the session cookie, set when the URL printed at start
 *    (with ?token=SESSION, on any page: the login keeps the page and the
 *    rest of its query) is opened; the cookie is HttpOnly, SameSite=Strict.
 *  - Every state change is a POST that carries the per-session form token
 *    (a second secret, written into the pages' forms).
 * Tokens are compared in constant time. */
#ifndef ASSAY_SERVE_GUARD_H
#define ASSAY_SERVE_GUARD_H

#include <stdbool.h>

#define SERVE_TOKEN_LEN 32 /* hex digits */
/* Cookies are shared by every port of a host, so the cookie's name holds
 * the port: two servers on one machine keep their sessions apart. */
#define SERVE_COOKIE "assay_session_" /* + port */

struct serve_guard {
	unsigned port;
	char session[SERVE_TOKEN_LEN + 1]; /* in the printed URL and the cookie */
	char form[SERVE_TOKEN_LEN + 1];    /* in every form of the pages */
	char cookie_name[32];              /* SERVE_COOKIE and the port */
	char host[64];                     /* the one name of a --host server, or "" */
};

/* What a request brings; NULL for a header or field it lacks. */
struct serve_guard_in {
	const char *method;     /* "GET", "HEAD", "POST", ... */
	const char *host;       /* Host header */
	const char *origin;     /* Origin header */
	const char *fetch_site; /* Sec-Fetch-Site header */
	const char *cookie;     /* value of the session cookie */
	const char *url_token;  /* ?token= of the URL */
	const char *form_token; /* the POST's "token" field */
	bool asset;             /* a public asset (style sheet, script) */
};

enum serve_verdict {
	SERVE_ALLOW,
	SERVE_LOGIN,          /* right ?token=: set the cookie, redirect */
	SERVE_DENY_HOST,      /* 403: foreign or missing Host */
	SERVE_DENY_ORIGIN,    /* 403: cross-origin or cross-site request */
	SERVE_DENY_SESSION,   /* 403: no or wrong session cookie */
	SERVE_DENY_TOKEN,     /* 403: POST without the right form token */
	SERVE_DENY_METHOD,    /* 405: not GET, HEAD or POST */
};

/* Sets up the guard of a server on @port: the session key is @session (a
 * key kept across restarts, SERVE_TOKEN_LEN hex digits) or, when NULL, a
 * fresh random one; the form token is always fresh. Returns ASSAY_OK,
 * ASSAY_EINVAL for a malformed @session, or ASSAY_EIO when the system has
 * no randomness to give. */
int serve_guard_init(struct serve_guard *g, unsigned port, const char *session);

/* Makes the guard of a server listening on address @host (an IPv4
 * literal, as given to `serve --host`) accept that name, and only it, in
 * Host and Origin. ASSAY_EINVAL when it does not fit. */
int serve_guard_set_host(struct serve_guard *g, const char *host);

/* Writes a fresh random session key (SERVE_TOKEN_LEN hex digits and a
 * NUL) to @out. Returns ASSAY_OK or ASSAY_EIO. */
int serve_new_session_key(char *out);
/* True when @s is a session key: exactly SERVE_TOKEN_LEN hex digits. */
bool serve_is_session_key(const char *s);

enum serve_verdict serve_guard_check(const struct serve_guard *g,
				     const struct serve_guard_in *in);

/* The HTTP status for a verdict (200, 303, 403 or 405) and a sentence
 * for the editor saying what to do. */
int serve_verdict_status(enum serve_verdict v);
const char *serve_verdict_text(enum serve_verdict v);

/* Constant-time comparison of two NUL-terminated tokens (NULL never equal). */
bool serve_token_eq(const char *a, const char *b);

#endif
