/* run.c - assay_serve_run(): start the server, wait for a stop signal,
 * stop it.
 *
 * The stop signals are blocked before the server's thread starts, so it
 * inherits the mask and never sees them: they are taken by sigwait() in
 * the calling thread, which then stops the server in order. */
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "assay.h"
#include "pages.h"
#include "serve.h"

/* Blocks the stop signals in this thread and in threads started later. */
static void block_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, set, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int assay_serve_run(struct assay_store *store, const struct assay_serve_opts *opts)
{
	struct serve_app app;
	struct serve_http *http = NULL;
	sigset_t set;
	int sig, rc;

	memset(&app, 0, sizeof app);
	app.store = store;
	if (opts->reasons)
		app.reasons = *opts->reasons;
	assay_review_cache_init(&app.queue, store);
	rc = serve_articles_new(&app.articles);
	if (rc)
		return rc;
	block_signals(&set);
	rc = serve_http_start(opts->port, opts->host, opts->session, serve_handle, &app, &http);
	if (rc == ASSAY_OK) {
		if (opts->ready)
			opts->ready(opts->ctx, serve_http_url(http), serve_http_port(http));
		sigwait(&set, &sig);
	}
	serve_http_stop(http);
	assay_review_cache_release(&app.queue);
	serve_articles_free(app.articles);
	return rc;
}
