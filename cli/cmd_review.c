/* cmd_review.c - `assay review ID accept | reject --reason TEXT |
 * correct [--value N] [--unit U] [--FIELD VALUE...] | reset`: an editor's
 * decision. A correction keeps only the fields that differ from the
 * claim's (or agreement's) own, checked as review/ checks them.
 *
 * The decision is recorded with $USER and the time, kept in the history,
 * and outlives re-crawls and reprocess (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "log.h"
#include "review.h"
#include "str.h"
#include "store.h"
#include "table.h"

static const char review_usage[] =
	"usage: assay review ID accept [--editor NAME]\n"
	"       assay review ID reject --reason TEXT [--editor NAME]\n"
	"       assay review ID correct [--value N] [--unit U] [--subject ID] [--metric M]\n"
	"                [--commodity C] [--period P] [--status S] [--place TEXT]\n"
	"                [--editor NAME]                             (a claim)\n"
	"       assay review ID correct [--type T] [--parties 'ID, ID'] [--status S]\n"
	"                [--editor NAME]                             (an agreement)\n"
	"       assay review ID reset [--editor NAME]\n"
	"\n"
	"Records an editor's decision on a claim or agreement (ids from 'assay\n"
	"claims'); 'reset' makes it pending again. Every decision is kept, with\n"
	"its editor: --editor NAME, else $ASSAY_EDITOR, else $USER. A correction\n"
	"sets the figure, another field, or both; what it changed from what is\n"
	"in the history ('assay show ID').\n";

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
		else if (!strcmp(opt, "--subject"))
			snprintf(d->fix.subject, sizeof d->fix.subject, "%s", val);
		else if (!strcmp(opt, "--metric"))
			snprintf(d->fix.metric, sizeof d->fix.metric, "%s", val);
		else if (!strcmp(opt, "--commodity"))
			snprintf(d->fix.commodity, sizeof d->fix.commodity, "%s", val);
		else if (!strcmp(opt, "--period"))
			snprintf(d->fix.period, sizeof d->fix.period, "%s", val);
		else if (!strcmp(opt, "--status"))
			snprintf(d->fix.status, sizeof d->fix.status, "%s", val);
		else if (!strcmp(opt, "--place"))
			snprintf(d->fix.place, sizeof d->fix.place, "%s", val);
		else if (!strcmp(opt, "--type"))
			snprintf(d->fix.type, sizeof d->fix.type, "%s", val);
		else if (!strcmp(opt, "--parties")) {
			if (assay_review_parse_parties(val, &d->fix)) {
				assay_err("review: --parties: ids separated by commas, at most %d",
					  ASSAY_MAX_PARTIES);
				return -1;
			}
		}
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
	if (!strcmp(d->state, "corrected") && !d->has_value && !d->unit[0] &&
	    assay_review_fix_empty(&d->fix))
		return -1;
	return 0;
}

/* Keeps what a correction changes and checks it fits; 0, or -1 with the
 * message said. */
static int check_correction(struct assay_store *s, const char *id, struct assay_review *d)
{
	struct assay_review_original was;
	bool agr;
	const char *bad;
	int rc;

	rc = assay_review_original_get(s, id, &was);
	if (rc) {
		assay_err("review: %s", assay_store_errmsg(s));
		return -1;
	}
	agr = was.is_agr;
	if (agr && d->has_value) {
		assay_err("review: an agreement has no figure to correct (--type, --parties, --status)");
		return -1;
	}
	assay_review_carry(d, &was.now); /* what was corrected before stays */
	if (!agr && d->unit[0] && !strcmp(d->unit, was.c.unit))
		d->unit[0] = '\0';
	if (!agr && !d->has_value && d->unit[0]) {
		d->value = was.c.value; /* the figure as read, in another unit */
		d->has_value = true;
	}
	assay_review_fix_drop_same(&d->fix, agr ? NULL : &was.c, agr ? &was.a : NULL);
	bad = assay_review_fix_check(agr, &d->fix);
	if (bad && !strcmp(bad, "field")) {
		assay_err("review: %s", agr ? "an agreement is corrected with --type, --parties "
			  "and --status" : "a claim has no --type or --parties to correct");
		return -1;
	}
	if (bad) {
		assay_err("review: --%s: %s", bad, !strcmp(bad, "status") || !strcmp(bad, "type")
			  ? "not one of the contract's list (doc/claims.md)" : "not a valid value");
		return -1;
	}
	if (!d->has_value && assay_review_fix_empty(&d->fix)) {
		assay_err("review: nothing to correct: every field given is as extracted");
		return -1;
	}
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
	if (!strcmp(d.state, "corrected") && check_correction(s, argv[1], &d)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
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
