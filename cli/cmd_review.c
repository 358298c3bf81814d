/* cmd_review.c - `assay review ID accept | reject --reason TEXT |
 * correct --value N [--unit U] | reset`: an editor's decision.
 *
 * The decision is recorded with $USER and the time, kept in the history,
 * and outlives re-crawls and reprocess (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "log.h"
#include "store.h"
#include "table.h"

static const char review_usage[] =
	"usage: assay review ID accept\n"
	"       assay review ID reject --reason TEXT\n"
	"       assay review ID correct --value N [--unit U]\n"
	"       assay review ID reset\n"
	"\n"
	"Records an editor's decision on a claim or agreement (ids from 'assay\n"
	"claims'); 'reset' makes it pending again. Every decision is kept.\n";

static int parse_decision(int argc, char **argv, struct assay_review *d)
{
	const char *verb = argv[2];
	char *end;

	if (!strcmp(verb, "accept"))
		strcpy(d->state, "accepted");
	else if (!strcmp(verb, "reject"))
		strcpy(d->state, "rejected");
	else if (!strcmp(verb, "correct"))
		strcpy(d->state, "corrected");
	else if (!strcmp(verb, "reset") || !strcmp(verb, "pending"))
		strcpy(d->state, "pending");
	else
		return -1;
	for (int i = 3; i < argc; i++) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!val)
			return -1;
		if (!strcmp(opt, "--reason"))
			snprintf(d->reason, sizeof d->reason, "%s", val);
		else if (!strcmp(opt, "--unit"))
			snprintf(d->unit, sizeof d->unit, "%s", val);
		else if (!strcmp(opt, "--value")) {
			d->value = strtod(val, &end);
			if (end == val || *end)
				return -1;
			d->has_value = true;
		} else {
			return -1;
		}
		i++;
	}
	if (!strcmp(d->state, "rejected") && !d->reason[0])
		return -1;
	if (!strcmp(d->state, "corrected") && !d->has_value)
		return -1;
	return 0;
}

int cmd_review(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_review d;
	struct assay_store *s;
	int rc;

	if (argc >= 2 && !strcmp(argv[1], "--next"))
		return cmd_review_next(argc, argv, g);
	if (cli_wants_help(argc, argv)) {
		fputs(review_usage, stdout);
		return CLI_OK;
	}
	memset(&d, 0, sizeof d);
	if (argc < 3 || parse_decision(argc, argv, &d)) {
		assay_err("review: need an id and a decision");
		fputs(review_usage, stderr);
		return CLI_FATAL;
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	rc = assay_store_review(s, argv[1], &d);
	if (rc) {
		assay_err("review: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return rc == ASSAY_ENOTFOUND ? CLI_PARTIAL : CLI_FATAL;
	}
	if (!g->quiet)
		fprintf(stderr, "assay: review: %s is %s\n", argv[1], d.state);
	assay_store_close(s);
	return CLI_OK;
}
