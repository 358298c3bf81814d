/* cmd_serve.c - `assay serve [--port N] [--host ADDR] [--token-file PATH]`:
 * the editors' review pages on 127.0.0.1 (or on one address of a trusted
 * network, with the same Host and Origin checks for that address).
 *
 * The first line on stdout is the URL to open; it holds the session key,
 * so it is printed nowhere else. The key is kept (mode 0600) in the store
 * folder's serve-session.key, or in --token-file, so a restart keeps the
 * editors' browsers signed in. The server (serve.h) runs until SIGINT,
 * SIGTERM or SIGHUP. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assay.h"
#include "cli.h"
#include "extract.h"
#include "log.h"
#include "options.h"
#include "review.h"
#include "serve.h"
#include "store.h"
#include "table.h"

static int parse_port(const char *s, unsigned *port)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 65535)
		return ASSAY_EINVAL;
	*port = (unsigned)v;
	return ASSAY_OK;
}

struct serve_args {
	unsigned port;
	const char *host, *token_file;
};

static int take(void *ctx, int c, const char *v)
{
	struct serve_args *a = ctx;

	switch (c) {
	case 'p':
		if (parse_port(v, &a->port) == ASSAY_OK)
			return 0;
		assay_err("--port: '%s' is not a port number (0 to 65535)", v);
		return -1;
	case 'H':
		if (*v)
			return a->host = v, 0;
		assay_err("--host: needs an address");
		return -1;
	case 't':
		if (*v)
			return a->token_file = v, 0;
		assay_err("--token-file: needs a file name");
		return -1;
	default: return 1;
	}
}

/* The server listens: the URL goes first on stdout, and only there. */
static void ready(void *ctx, const char *url, unsigned port)
{
	const char *db = ctx;

	printf("%s\n", url);
	fflush(stdout);
	assay_info("serving '%s' on port %u; open the URL above, Ctrl-C stops", db, port);
}

static bool may_write(const char *dir)
{
	return access(dir, W_OK) == 0 || (errno != EACCES && errno != EROFS);
}

int cmd_serve(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_serve_opts o = {.ready = ready, .ctx = (void *)g->db};
	struct serve_args a = {0};
	const char *token_file;
	struct assay_review_reasons reasons;
	char key[ASSAY_SERVE_KEY_LEN + 1], why[512], path[4096];
	struct assay_store *s;
	int rc, status = CLI_FATAL;

	if (!cli_parse("serve", argc, argv, take, &a, &rc))
		return rc;
	o.port = a.port;
	o.host = a.host;
	token_file = a.token_file;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (!token_file) {
		snprintf(path, sizeof path, "%s/serve-session.key", g->db);
		token_file = path;
	}
	if (assay_serve_session_key(token_file, key, why, sizeof why) == ASSAY_OK) {
		o.session = key;
	} else if (token_file == path && !may_write(g->db)) {
		/* a store this user may only read (another user's, a read-only
		 * mount) has no room for the key: serve it, with a key for this
		 * run (serve makes one); writes are refused by the store */
		assay_warn("serve: %s; the session key lasts until serve stops (keep it "
			   "elsewhere with --token-file PATH)", why);
	} else {
		assay_err("serve: %s", why);
		assay_store_close(s);
		return CLI_FATAL;
	}
	if (assay_review_reasons_load(g->db, &reasons, why, sizeof why) != ASSAY_OK) {
		assay_err("serve: %s", why);
		assay_store_close(s);
		return CLI_FATAL;
	}
	o.reasons = &reasons;
	rc = assay_extract_init();
	if (rc) {
		assay_err("serve: cannot load the extractor: %s", assay_strerror(rc));
		goto out;
	}
	rc = assay_serve_run(s, &o);
	if (rc) {
		if (rc == ASSAY_EINVAL)
			assay_err("serve: --host '%s': give one IPv4 address of this machine, "
				  "like 192.168.1.20 (not 0.0.0.0, not a name)", o.host);
		else
			assay_err("serve: cannot listen on %s:%u: %s", o.host ? o.host : "127.0.0.1",
				  o.port, rc == ASSAY_EIO ? strerror(errno) : assay_strerror(rc));
		goto out;
	}
	assay_info("serve: stopped");
	status = CLI_OK;
out:
	assay_extract_shutdown();
	assay_store_close(s);
	return status;
}
