/* cmd_serve.c - `assay serve [--port N]`: the editors' review pages on
 * 127.0.0.1.
 *
 * The first line on stdout is the URL to open; it holds the session key,
 * so it is printed nowhere else. The server runs until SIGINT or SIGTERM,
 * which are taken by sigwait() here: the server's thread never sees them. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "extract.h"
#include "log.h"
#include "serve_http.h"
#include "serve_pages.h"
#include "store.h"
#include "table.h"

static const char serve_usage[] =
	"usage: assay serve [--port N]\n"
	"\n"
	"Serves the review pages on 127.0.0.1 and prints their URL on the first\n"
	"line. Open that URL in a browser on this machine: it carries the session\n"
	"key. Stop with Ctrl-C.\n"
	"\n"
	"  --port N   listen on port N (default 8080; 0 picks a free port)\n";

static int parse_port(const char *s, unsigned *port)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 65535)
		return ASSAY_EINVAL;
	*port = (unsigned)v;
	return ASSAY_OK;
}

static int parse_args(int argc, char **argv, unsigned *port)
{
	static const struct option opts[] = {
		{"port", required_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		if (c == 'p' && parse_port(optarg, port) == ASSAY_OK)
			continue;
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

int cmd_serve(int argc, char **argv, const struct cli_globals *g)
{
	struct serve_app app = {0};
	struct serve_http *http = NULL;
	unsigned port = 8080;
	sigset_t set;
	int sig, rc, status = CLI_FATAL;

	rc = parse_args(argc, argv, &port);
	if (rc)
		return rc > 0 ? (fputs(serve_usage, stdout), CLI_OK) : CLI_FATAL;
	app.store = cli_store_open(g, false);
	if (!app.store)
		return CLI_FATAL;
	rc = assay_extract_init();
	if (rc) {
		assay_err("serve: cannot load the extractor: %s", assay_strerror(rc));
		goto out;
	}
	block_signals(&set);
	rc = serve_http_start(port, serve_handle, &app, &http);
	if (rc) {
		assay_err("serve: cannot listen on 127.0.0.1:%u: %s", port,
			  rc == ASSAY_EIO ? strerror(errno) : assay_strerror(rc));
		goto out;
	}
	printf("%s\n", serve_http_url(http));
	fflush(stdout);
	assay_info("serving '%s' on 127.0.0.1:%u; open the URL above, Ctrl-C stops", g->db,
		   serve_http_port(http));
	sigwait(&set, &sig);
	assay_info("serve: stopped");
	status = CLI_OK;
out:
	serve_http_stop(http);
	serve_app_release(&app);
	assay_extract_shutdown();
	assay_store_close(app.store);
	return status;
}
