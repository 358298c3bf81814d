/* guard.c - request checks of `assay serve` (see guard.h).
 *
 * Order matters: the Host check comes first (a rebinding attacker must
 * learn nothing, not even that a login exists), then the origin, then the
 * method, then the session, then the form token. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "assay.h"
#include "guard.h"

static int random_hex(char *out, size_t hexlen)
{
	unsigned char raw[64];
	size_t n = hexlen / 2, got = 0;

	if (n > sizeof raw)
		return ASSAY_EINVAL;
	while (got < n) {
		ssize_t r = getrandom(raw + got, n - got, 0);
		if (r <= 0)
			return ASSAY_EIO;
		got += (size_t)r;
	}
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return ASSAY_OK;
}

bool serve_is_session_key(const char *s)
{
	size_t n = 0;

	if (!s)
		return false;
	for (; s[n]; n++)
		if (!isxdigit((unsigned char)s[n]))
			return false;
	return n == SERVE_TOKEN_LEN;
}

int serve_guard_init(struct serve_guard *g, unsigned port, const char *session)
{
	memset(g, 0, sizeof *g);
	g->port = port;
	snprintf(g->cookie_name, sizeof g->cookie_name, "%s%u", SERVE_COOKIE, port);
	if (session && !serve_is_session_key(session))
		return ASSAY_EINVAL;
	if (session)
		memcpy(g->session, session, SERVE_TOKEN_LEN + 1);
	else if (random_hex(g->session, SERVE_TOKEN_LEN) != ASSAY_OK)
		return ASSAY_EIO;
	if (random_hex(g->form, SERVE_TOKEN_LEN) != ASSAY_OK)
		return ASSAY_EIO;
	return ASSAY_OK;
}

int serve_new_session_key(char *out)
{
	return random_hex(out, SERVE_TOKEN_LEN);
}

bool serve_token_eq(const char *a, const char *b)
{
	size_t la, lb;
	unsigned char diff = 0;

	if (!a || !b)
		return false;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb || la == 0)
		return false;
	for (size_t i = 0; i < la; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

int serve_guard_set_host(struct serve_guard *g, const char *host)
{
	if (!host || !host[0] || strlen(host) >= sizeof g->host)
		return ASSAY_EINVAL;
	memcpy(g->host, host, strlen(host) + 1);
	return ASSAY_OK;
}

/* True when @hostport is one of this server's names with its port. */
static bool is_our_host(const struct serve_guard *g, const char *hostport)
{
	static const char *const names[] = {"127.0.0.1", "localhost"};
	char want[96];

	if (g->host[0]) {
		snprintf(want, sizeof want, "%s:%u", g->host, g->port);
		return strcasecmp(hostport, want) == 0;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(want, sizeof want, "%s:%u", names[i], g->port);
		if (strcasecmp(hostport, want) == 0)
			return true;
	}
	return false;
}

static bool is_our_origin(const struct serve_guard *g, const char *origin)
{
	return strncmp(origin, "http://", 7) == 0 && is_our_host(g, origin + 7);
}

enum serve_verdict serve_guard_check(const struct serve_guard *g,
				     const struct serve_guard_in *in)
{
	bool post = in->method && strcmp(in->method, "POST") == 0;
	bool read = in->method && (strcmp(in->method, "GET") == 0 ||
				   strcmp(in->method, "HEAD") == 0);

	if (!in->host || !is_our_host(g, in->host))
		return SERVE_DENY_HOST;
	if (in->origin && !is_our_origin(g, in->origin))
		return SERVE_DENY_ORIGIN;
	if (post && in->fetch_site && strcmp(in->fetch_site, "same-origin") != 0 &&
	    strcmp(in->fetch_site, "none") != 0)
		return SERVE_DENY_ORIGIN;
	if (!post && !read)
		return SERVE_DENY_METHOD;
	if (read && in->asset)
		return SERVE_ALLOW;
	if (read && in->url_token && serve_token_eq(in->url_token, g->session))
		return SERVE_LOGIN;
	if (!serve_token_eq(in->cookie, g->session))
		return SERVE_DENY_SESSION;
	if (post && !serve_token_eq(in->form_token, g->form))
		return SERVE_DENY_TOKEN;
	return SERVE_ALLOW;
}

int serve_verdict_status(enum serve_verdict v)
{
	switch (v) {
	case SERVE_ALLOW: return 200;
	case SERVE_LOGIN: return 303;
	case SERVE_DENY_METHOD: return 405;
	default: return 403;
	}
}

const char *serve_verdict_text(enum serve_verdict v)
{
	switch (v) {
	case SERVE_ALLOW: return "ok";
	case SERVE_LOGIN: return "signed in";
	case SERVE_DENY_HOST:
		return "This server answers only to the address it listens on "
		       "(127.0.0.1 and localhost unless started with --host).";
	case SERVE_DENY_ORIGIN:
		return "Requests from other web sites are refused.";
	case SERVE_DENY_SESSION:
		return "Open the link that 'assay serve' printed when it started "
		       "(it holds the session key).";
	case SERVE_DENY_TOKEN:
		return "This form has expired: reload the page and try again.";
	case SERVE_DENY_METHOD:
		return "Only GET and POST are used here.";
	}
	return "refused";
}
