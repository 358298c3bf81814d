/* cmd_review.c - `assay review ID accept | reject --reason TEXT |
 * correct --value N [--unit U] | reset`: an editor's decision.
 *
 * The decision is recorded with $USER and the time, kept in the history,
 * and outlives re-crawls and reprocess (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "log.h"
#include "str.h"
#include "store.h"
#include "table.h"

static const char review_usage[] =
	"usage: assay review ID accept [--editor NAME]\n"
	"       assay review ID reject --reason TEXT [--editor NAME]\n"
	"       assay review ID correct --value N [--unit U] [--editor NAME]\n"
	"       assay review ID reset [--editor NAME]\n"
	"\n"
	"Records an editor's decision on a claim or agreement (ids from 'assay\n"
	"claims'); 'reset' makes it pending again. Every decision is kept, with\n"
	"its editor: --editor NAME, else $ASSAY_EDITOR, else $USER.\n";

int cli_editor(const char **editor)
{
	const char *env = getenv("ASSAY_EDITOR");

	if (!*editor && env && *env)
		*editor = env;
	if (!*editor)
		return 0;
	if (!**editor || strlen(*editor) >= sizeof ((struct assay_review *)0)->who) {
		assay_err("review: an editor's name is 1 to %zu bytes (--editor or $ASSAY_EDITOR)",
			  sizeof ((struct assay_review *)0)->who - 1);
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)*editor; *p; p++)
		if (*p < 0x20 || *p == 0x7F) {
			assay_err("review: an editor's name has no control characters");
			return -1;
		}
	return 0;
}

static int parse_decision(int argc, char **argv, struct assay_review *d, const char **editor)
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
		else if (!strcmp(opt, "--editor"))
			*editor = val;
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
	const char *editor = NULL;
	int rc;

	if (argc >= 2 && !strcmp(argv[1], "--next"))
		return cmd_review_next(argc, argv, g);
	if (cli_wants_help(argc, argv)) {
		fputs(review_usage, stdout);
		return CLI_OK;
	}
	memset(&d, 0, sizeof d);
	if (argc < 3 || parse_decision(argc, argv, &d, &editor)) {
		assay_err("review: need an id and a decision");
		fputs(review_usage, stderr);
		return CLI_FATAL;
	}
	if (cli_editor(&editor))
		return CLI_FATAL;
	if (editor)
		assay_copy(d.who, sizeof d.who, editor);
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
