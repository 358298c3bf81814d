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
#include "options.h"
#include "review.h"
#include "str.h"
#include "store.h"
#include "table.h"
#include "vocab.h"

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

/* What was typed (usage.c), sorted out once the whole line is read. */
struct review_args {
	bool next;
	const char *reason, *editor, *value, *unit, *subject, *metric, *commodity, *period,
		*status, *place, *type, *parties, *site;
};

static int take(void *ctx, int c, const char *v)
{
	struct review_args *a = ctx;

	switch (c) {
	case 'n': a->next = true; break;
	case 'r': a->reason = v; break;
	case 'e': a->editor = v; break;
	case 'V': a->value = v; break;
	case 'U': a->unit = v; break;
	case 'S': a->subject = v; break;
	case 'M': a->metric = v; break;
	case 'C': a->commodity = v; break;
	case 'P': a->period = v; break;
	case 'T': a->status = v; break;
	case 'L': a->place = v; break;
	case 'Y': a->type = v; break;
	case 'A': a->parties = v; break;
	case 's': a->site = v; break;
	default: return 1;
	}
	return 0;
}

static void copy_if(char *dst, size_t cap, const char *v)
{
	if (v)
		snprintf(dst, cap, "%s", v);
}

/* The decision @verb with what was typed; 0, or -1 when it is not one. */
static int parse_decision(const char *verb, const struct review_args *a,
			  struct assay_review *d)
{
	char *end;

	if (!strcmp(verb, "accept"))
		assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_ACCEPTED);
	else if (!strcmp(verb, "reject"))
		assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_REJECTED);
	else if (!strcmp(verb, "correct"))
		assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_CORRECTED);
	else if (!strcmp(verb, "reset") || !strcmp(verb, "pending"))
		assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_PENDING);
	else
		return -1;
	copy_if(d->reason, sizeof d->reason, a->reason);
	copy_if(d->unit, sizeof d->unit, a->unit);
	copy_if(d->fix.subject, sizeof d->fix.subject, a->subject);
	copy_if(d->fix.metric, sizeof d->fix.metric, a->metric);
	copy_if(d->fix.commodity, sizeof d->fix.commodity, a->commodity);
	copy_if(d->fix.period, sizeof d->fix.period, a->period);
	copy_if(d->fix.status, sizeof d->fix.status, a->status);
	copy_if(d->fix.place, sizeof d->fix.place, a->place);
	copy_if(d->fix.type, sizeof d->fix.type, a->type);
	if (a->parties && assay_review_parse_parties(a->parties, &d->fix)) {
		assay_err("review: --parties: ids separated by commas, at most %d",
			  ASSAY_MAX_PARTIES);
		return -1;
	}
	if (a->value) {
		d->value = strtod(a->value, &end);
		if (end == a->value || *end)
			return -1;
		d->has_value = true;
	}
	if (assay_review_state_is(d->state, ASSAY_REVIEW_REJECTED) && !d->reason[0])
		return -1;
	if (assay_review_state_is(d->state, ASSAY_REVIEW_CORRECTED) && !d->has_value &&
	    !d->unit[0] && assay_review_fix_empty(&d->fix))
		return -1;
	return 0;
}

/* A filter value cut short would filter on something else: refused. */
static bool set_filter(char *dst, size_t cap, const char *opt, const char *v)
{
	if (!v || assay_copy(dst, cap, v))
		return true;
	assay_err("review: --%s: too long (at most %zu bytes)", opt, cap - 1);
	return false;
}

/* `review --next`: the filters of the walk, and nothing of a decision. */
static int next(const struct review_args *a, int operands, const struct cli_globals *g)
{
	struct assay_review_filter f;

	if (operands || a->reason || a->value || a->unit || a->period || a->status || a->place ||
	    a->type || a->parties) {
		assay_err("review: --next takes --subject, --metric, --commodity, --site and "
			  "--editor, no id or decision (see 'assay review --help')");
		return CLI_FATAL;
	}
	memset(&f, 0, sizeof f);
	assay_review_state_set(f.state, sizeof f.state, ASSAY_REVIEW_PENDING);
	if (!set_filter(f.subject, sizeof f.subject, "subject", a->subject) ||
	    !set_filter(f.metric, sizeof f.metric, "metric", a->metric) ||
	    !set_filter(f.commodity, sizeof f.commodity, "commodity", a->commodity) ||
	    !set_filter(f.site, sizeof f.site, "site", a->site))
		return CLI_FATAL;
	return cmd_review_next(&f, a->editor, g);
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
	struct review_args a = {0};
	struct assay_review d;
	struct assay_store *s;
	const char *editor, *id;
	int rc;

	if (!cli_parse("review", argc, argv, take, &a, &rc))
		return rc;
	if (a.next)
		return next(&a, argc - optind, g);
	if (a.site) {
		assay_err("review: --site goes with --next (see 'assay review --help')");
		return CLI_FATAL;
	}
	memset(&d, 0, sizeof d);
	if (argc - optind != 2 || parse_decision(argv[optind + 1], &a, &d)) {
		assay_err("review: need an id and a decision (see 'assay review --help')");
		return CLI_FATAL;
	}
	id = argv[optind];
	editor = a.editor;
	if (cli_editor(&editor))
		return CLI_FATAL;
	if (editor)
		assay_copy(d.who, sizeof d.who, editor);
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	if (assay_review_state_is(d.state, ASSAY_REVIEW_CORRECTED) && check_correction(s, id, &d)) {
		assay_store_close(s);
		return CLI_FATAL;
	}
	rc = assay_store_review(s, id, &d);
	if (rc) {
		assay_err("review: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return rc == ASSAY_ENOTFOUND ? CLI_PARTIAL : CLI_FATAL;
	}
	if (!g->quiet)
		fprintf(stderr, "assay: review: %s is %s\n", id, d.state);
	assay_store_close(s);
	return CLI_OK;
}
