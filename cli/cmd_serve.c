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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "extract.h"
#include "log.h"
#include "review.h"
#include "serve.h"
#include "store.h"
#include "table.h"

static const char serve_usage[] =
	"usage: assay serve [--port N] [--host ADDR] [--token-file PATH]\n"
	"\n"
	"Serves the review pages on 127.0.0.1 and prints their URL on the first\n"
	"line. Open that URL in a browser on this machine: it carries the session\n"
	"key. Stop with Ctrl-C.\n"
	"\n"
	"  --port N            listen on port N (default 8080; 0 picks a free port)\n"
	"  --host ADDR         listen on IPv4 address ADDR of this machine instead of\n"
	"                      127.0.0.1, for editors on a trusted network; pages then\n"
	"                      answer only to ADDR:PORT. Plain HTTP: prefer an SSH\n"
	"                      tunnel (ssh -L 8080:127.0.0.1:8080 HOST) elsewhere.\n"
	"  --token-file PATH   keep the session key in PATH (made with mode 0600\n"
	"                      when missing); default: serve-session.key in the\n"
	"                      store folder. Remove the file to sign everyone out.\n"
	"\n"
	"The claim page offers the reasons for rejecting in reject-reasons.txt in\n"
	"the store folder (one a line, keys 1-9), else four presets.\n";

static int parse_port(const char *s, unsigned *port)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 65535)
		return ASSAY_EINVAL;
	*port = (unsigned)v;
	return ASSAY_OK;
}

static int parse_args(int argc, char **argv, unsigned *port, const char **host,
		      const char **token_file)
{
	static const struct option opts[] = {
		{"port", required_argument, NULL, 'p'},
		{"host", required_argument, NULL, 'H'},
		{"token-file", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		if (c == 'p' && parse_port(optarg, port) == ASSAY_OK)
			continue;
		if (c == 'H' && *optarg) {
			*host = optarg;
			continue;
		}
		if (c == 'H')
			assay_err("--host: needs an address");
		if (c == 't' && *optarg) {
			*token_file = optarg;
			continue;
		}
		if (c == 't')
			assay_err("--token-file: needs a file name");
		if (c == 'p')
			assay_err("--port: '%s' is not a port number (0 to 65535)", optarg);
		return c == 'h' ? 1 : -1;
	}
	if (optind < argc) {
		assay_err("serve: unexpected argument '%s' (see 'assay serve --help')", argv[optind]);
		return -1;
	}
	return 0;
}

/* The server listens: the URL goes first on stdout, and only there. */
static void ready(void *ctx, const char *url, unsigned port)
{
	const char *db = ctx;

	printf("%s\n", url);
	fflush(stdout);
	assay_info("serving '%s' on port %u; open the URL above, Ctrl-C stops", db, port);
}

int cmd_serve(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_serve_opts o = {.port = 8080, .ready = ready, .ctx = (void *)g->db};
	const char *token_file = NULL;
	struct assay_review_reasons reasons;
	char key[ASSAY_SERVE_KEY_LEN + 1], why[512], path[4096];
	struct assay_store *s;
	int rc, status = CLI_FATAL;

	rc = parse_args(argc, argv, &o.port, &o.host, &token_file);
	if (rc)
		return rc > 0 ? (fputs(serve_usage, stdout), CLI_OK) : CLI_FATAL;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (!token_file) {
		snprintf(path, sizeof path, "%s/serve-session.key", g->db);
		token_file = path;
	}
	if (assay_serve_session_key(token_file, key, why, sizeof why) != ASSAY_OK) {
		assay_err("serve: %s", why);
		assay_store_close(s);
		return CLI_FATAL;
	}
	o.session = key;
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
