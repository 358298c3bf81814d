/* serve_cache.c - the server's cached queue snapshot and when to renew it.
 *
 * Walking every claim with its sources costs about a second at 80,000
 * claims, too slow for a key press. The server keeps the snapshot and
 * checks the store's counts (articles, claims, evidences, agreements and
 * decisions: cheap, kept by LMDB) before each page; a change means another
 * process wrote (a crawl, `assay review`) and the snapshot is taken again.
 * The server's own decisions are written into the snapshot directly. A
 * snapshot older than SNAP_MAX_AGE is renewed anyway, which also catches a
 * change the counts cannot see (a decision swapped for another). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "serve_pages.h"

#define SNAP_MAX_AGE 60 /* seconds */

static int64_t now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static int signature(struct assay_store *s, uint64_t sig[8])
{
	struct assay_store_stats st;
	int rc = assay_store_stats(s, &st);

	if (rc)
		return rc;
	sig[0] = st.articles, sig[1] = st.claims, sig[2] = st.evidences;
	sig[3] = st.agreements, sig[4] = st.accepted, sig[5] = st.rejected;
	sig[6] = st.corrected, sig[7] = st.stories;
	return ASSAY_OK;
}

static void drop(struct serve_app *app)
{
	if (app->snap) {
		serve_snapshot_release(app->snap);
		free(app->snap);
		app->snap = NULL;
	}
}

/* Takes a new snapshot when there is none or the store changed. */
static int renew(struct serve_app *app)
{
	uint64_t sig[8];
	int rc = signature(app->store, sig);

	if (rc)
		return rc;
	if (app->snap && !memcmp(sig, app->snap_sig, sizeof sig) &&
	    now_s() - app->snap_at < SNAP_MAX_AGE)
		return ASSAY_OK;
	drop(app);
	app->snap = malloc(sizeof *app->snap);
	if (!app->snap)
		return ASSAY_ENOMEM;
	rc = serve_snapshot_load(app->store, app->snap);
	if (rc) {
		free(app->snap);
		app->snap = NULL;
		return rc;
	}
	memcpy(app->snap_sig, sig, sizeof sig);
	app->snap_at = now_s();
	return ASSAY_OK;
}

int serve_app_queue(struct serve_app *app, const struct serve_filter *f,
		    struct serve_queue *q)
{
	int rc = renew(app);

	memset(q, 0, sizeof *q);
	return rc ? rc : serve_queue_filter(app->snap, f, q);
}

void serve_app_decided(struct serve_app *app, const char *id, const char *state)
{
	if (!app->snap)
		return;
	serve_snapshot_set_state(app->snap, id, state);
	if (signature(app->store, app->snap_sig) != ASSAY_OK)
		drop(app);
}

void serve_app_release(struct serve_app *app)
{
	drop(app);
}
