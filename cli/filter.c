/* filter.c - the listing filters (filter.h): parsed and checked here once,
 * so every command refuses a bad date or state with the same words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "log.h"

const char cli_filter_usage[] =
	"  --subject ID|NAME    a country or organisation (\"CN\", \"China\")\n"
	"  --metric M           e.g. production, refining_share, price\n"
	"  --commodity C        e.g. rare-earths, lithium (an agreement's topic)\n"
	"  --since DATE         sources published on or after DATE (YYYY[-MM[-DD]])\n"
	"  --until DATE         sources published on or before DATE; undated sources\n"
	"                       are left out by either\n"
	"  --min-stories N      supported by (conflicts: spanning) N stories or more\n"
	"  --state S            pending, accepted, rejected or corrected\n"
	"  --open               conflicts: groups editors have not resolved;\n"
	"                       claims, agreements: not yet decided (pending)\n";

/* YYYY, YYYY-MM or YYYY-MM-DD with a month and day that can be. */
static bool is_iso_date(const char *s)
{
	size_t n = strlen(s);

	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return false;
	return n < 10 || (atoi(s + 8) >= 1 && atoi(s + 8) <= 31);
}

static bool is_state(const char *s)
{
	return !strcmp(s, "pending") || !strcmp(s, "accepted") || !strcmp(s, "rejected") ||
	       !strcmp(s, "corrected");
}

int cli_filter_option(int c, const char *arg, const char *cmd, struct assay_claim_filter *f,
		      bool *open)
{
	char *end;
	long n;

	switch (c) {
	case CLI_OPT_SUBJECT: f->subject = arg; return 1;
	case CLI_OPT_METRIC: f->metric = arg; return 1;
	case CLI_OPT_COMMODITY: f->commodity = arg; return 1;
	case CLI_OPT_OPEN: *open = true; return 1;
	case CLI_OPT_SINCE:
	case CLI_OPT_UNTIL:
		if (!is_iso_date(arg)) {
			assay_err("%s: --%s %s: give a date as YYYY, YYYY-MM or YYYY-MM-DD", cmd,
				  c == CLI_OPT_SINCE ? "since" : "until", arg);
			return -1;
		}
		*(c == CLI_OPT_SINCE ? &f->since : &f->until) = arg;
		return 1;
	case CLI_OPT_MIN_STORIES:
		n = strtol(arg, &end, 10);
		if (end == arg || *end || n < 1 || n > 1000000) {
			assay_err("%s: --min-stories %s: give a whole number from 1", cmd, arg);
			return -1;
		}
		f->min_stories = (size_t)n;
		return 1;
	case CLI_OPT_STATE:
		if (!is_state(arg)) {
			assay_err("%s: --state %s: use pending, accepted, rejected or corrected",
				  cmd, arg);
			return -1;
		}
		f->state = arg;
		return 1;
	default: return 0;
	}
}

int cli_filter_open_items(const char *cmd, struct assay_claim_filter *f, bool open)
{
	if (!open)
		return 0;
	if (f->state && strcmp(f->state, "pending")) {
		assay_err("%s: --open lists what is pending; it cannot be --state %s", cmd,
			  f->state);
		return -1;
	}
	f->state = "pending";
	return 0;
}
