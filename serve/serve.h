/* serve.h - the editors' review pages on 127.0.0.1 (`assay serve`).
 *
 * One call runs the server until a stop signal: the pages (the review
 * queue, one claim, conflicts, articles), the guard in front of every
 * request (guard.h) and the assets compiled in. Only serve/ sees
 * libmicrohttpd. The queue and the words of a claim are review/'s. */
#ifndef ASSAY_SERVE_H
#define ASSAY_SERVE_H

#include "store.h"

struct assay_serve_opts {
	unsigned port;  /* 0: any free port */
	/* Called once listening, with the URL that opens a session (it holds
	 * the session key: show it to the editor only) and the port. */
	void (*ready)(void *ctx, const char *url, unsigned port);
	void *ctx;
};

/* Serves @store (borrowed; the extractor must be initialised) until
 * SIGINT, SIGTERM or SIGHUP, which are blocked in the calling thread and
 * taken here. Returns ASSAY_OK after a stop signal, ASSAY_EIO when it
 * cannot listen (errno says why) or ASSAY_ENOMEM. */
int assay_serve_run(struct assay_store *store, const struct assay_serve_opts *opts);

#endif
