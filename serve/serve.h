/* serve.h - the editors' review pages on 127.0.0.1 (`assay serve`).
 *
 * One call runs the server until a stop signal: the pages (the review
 * queue, one claim, conflicts, articles), the guard in front of every
 * request (guard.h) and the assets compiled in. Only serve/ sees
 * libmicrohttpd. The queue and the words of a claim are review/'s. */
#ifndef ASSAY_SERVE_H
#define ASSAY_SERVE_H

#include "review.h"
#include "store.h"

#define ASSAY_SERVE_KEY_LEN 32 /* hex digits of a session key */

struct assay_serve_opts {
	unsigned port;  /* 0: any free port */
	/* An IPv4 address of this machine on a trusted network to listen on
	 * instead of 127.0.0.1 (Host and Origin must then name it); NULL for
	 * 127.0.0.1. The traffic is plain HTTP: an SSH tunnel is safer. */
	const char *host;
	/* The session key (ASSAY_SERVE_KEY_LEN hex digits), kept across
	 * restarts by assay_serve_session_key(); NULL for a fresh one. */
	const char *session;
	/* The preset reasons for rejecting (review.h), offered on the claim
	 * page with keys 1-9; NULL for none. Copied. */
	const struct assay_review_reasons *reasons;
	/* Called once listening, with the URL that opens a session (it holds
	 * the session key: show it to the editor only) and the port. */
	void (*ready)(void *ctx, const char *url, unsigned port);
	void *ctx;
};

/* Serves @store (borrowed; the extractor must be initialised) until
 * SIGINT, SIGTERM or SIGHUP, which are blocked in the calling thread and
 * taken here. Returns ASSAY_OK after a stop signal, ASSAY_EIO when it
 * cannot listen (errno says why), ASSAY_EINVAL for a host that is no
 * IPv4 address (or is 0.0.0.0), or ASSAY_ENOMEM. */
int assay_serve_run(struct assay_store *store, const struct assay_serve_opts *opts);

/* Reads the session key kept in file @path, or makes a fresh one and
 * keeps it there (a new file of mode 0600), so that an editor's browser
 * stays signed in when the server restarts. A file that others may read
 * or write (any group or other permission bit), or that holds anything but
 * one key, is refused: the key is the only password of the pages.
 * Fills @key (ASSAY_SERVE_KEY_LEN + 1 bytes). Returns ASSAY_OK, or
 * ASSAY_EINVAL / ASSAY_EIO with a sentence for the editor in @why. */
int assay_serve_session_key(const char *path, char *key, char *why, size_t whysize);

#endif
