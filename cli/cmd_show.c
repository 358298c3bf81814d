/* cmd_show.c - `assay show ID`: one claim or agreement with every source,
 * its evidence sentence, and the history of editors' decisions.
 *
 * The store's walk runs inside a read transaction, so the record is copied
 * out by the callback and printed after; the history is read after that. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "log.h"
#include "options.h"
#include "review.h"
#include "store.h"
#include "table.h"
#include "vocab.h"

struct shown {
	bool json;
	bool found;
	bool is_agr;
	struct assay_claim c;     /* what corrections are told against */
	struct assay_agreement a;
};

static void print_sources(const struct assay_source *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* every string here came from a page: escaped for the terminal */
		printf("\n  [%zu] %s%s%s\n", i + 1,
		       src[i].published[0] ? cli_safe(src[i].published) : "undated",
		       src[i].site[0] ? "  " : "", cli_safe(src[i].site));
		if (src[i].title[0])
			printf("      %s\n", cli_safe(src[i].title));
		printf("      %s  (story %s)\n", cli_safe(src[i].url), cli_safe(src[i].story));
		if (src[i].claimed_url[0])
			printf("      names as its canonical %s: another site, not trusted\n",
			       cli_safe(src[i].claimed_url));
		if (src[i].figure[0])
			printf("      figure: %s\n", cli_safe(src[i].figure));
		printf("      \"%s\"\n", cli_safe(src[i].evidence));
	}
}

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	struct shown *sh = ctx;
	char fig[96], lo[48], hi[48];

	sh->found = true;
	sh->c = c->c;
	if (sh->json) {
		cli_json_line(stdout, cli_json_claim(c, src, n));
		return 0;
	}
	cli_format_figure(c->c.value, c->c.value_max, c->c.has_max, c->c.unit, fig, sizeof fig);
	cli_format_number(c->lo, lo, sizeof lo);
	cli_format_number(c->hi, hi, sizeof hi);
	printf("claim %s  [%s]\n", c->id, c->review.state);
	printf("  %s %s%s%s%s", cli_safe(c->c.subject), cli_safe(c->c.metric),
	       c->c.commodity[0] ? " of " : "", cli_safe(c->c.commodity),
	       c->c.period[0] ? " in " : "");
	printf("%s (%s)%s%s\n", cli_safe(c->c.period), cli_safe(c->c.status),
	       c->c.place[0] ? " at " : "", cli_safe(c->c.place));
	printf("  figure: %s %s (first written \"%s\"), interval %s%s, %s%s\n",
	       cli_safe(c->c.qualifier), cli_safe(fig), cli_safe(c->figure), c->lo_open ? "(" : "[",
	       lo, hi, c->hi_open ? ")" : "]");
	if (assay_review_state_is(c->review.state, ASSAY_REVIEW_CORRECTED)) {
		char what[1024];

		assay_review_change_words(&c->review, NULL, &c->c, NULL, what, sizeof what);
		printf("  corrected: %s\n", cli_safe(what));
	}
	if (assay_review_state_is(c->review.state, ASSAY_REVIEW_REJECTED))
		printf("  rejected: %s\n", cli_safe(c->review.reason));
	printf("  support: %zu stories, %zu sources\n", c->nstories, c->nevidence);
	print_sources(src, n);
	return 0;
}

static int on_agreement(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t n)
{
	struct shown *sh = ctx;

	sh->found = true;
	sh->is_agr = true;
	sh->a = a->a;
	if (sh->json) {
		cli_json_line(stdout, cli_json_agreement(a, src, n));
		return 0;
	}
	printf("agreement %s  [%s]\n  %s", a->id, a->review.state, cli_safe(a->a.type));
	for (int i = 0; i < a->a.nparties; i++)
		printf("%s%s", i ? " + " : " between ", cli_safe(a->a.parties[i]));
	printf(": %s%s%s\n", cli_safe(a->a.status), a->a.topic[0] ? ", on " : "",
	       cli_safe(a->a.topic));
	if (assay_review_state_is(a->review.state, ASSAY_REVIEW_CORRECTED)) {
		char what[1024];

		assay_review_change_words(&a->review, NULL, NULL, &a->a, what, sizeof what);
		printf("  corrected: %s\n", cli_safe(what));
	}
	if (assay_review_state_is(a->review.state, ASSAY_REVIEW_REJECTED))
		printf("  rejected: %s\n", cli_safe(a->review.reason));
	printf("  support: %zu stories, %zu sources\n", a->nstories, a->nevidence);
	print_sources(src, n);
	return 0;
}

static void print_history(struct assay_store *s, const char *id, const struct shown *sh)
{
	struct assay_review *h;
	size_t n;

	if (assay_store_review_history(s, id, &h, &n) || !n)
		return;
	printf("\nhistory\n");
	for (size_t i = 0; i < n; i++) {
		char when[32];
		time_t t = (time_t)h[i].when;
		struct tm tm;

		strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime_r(&t, &tm));
		/* names and reasons may come from the web page's editors */
		printf("  %s  %-9s by %s", when, h[i].state, cli_safe(h[i].who));
		if (h[i].reason[0])
			printf(": %s", cli_safe(h[i].reason));
		if (!assay_review_state_is(h[i].state, ASSAY_REVIEW_REJECTED)) {
			char what[1024];

			assay_review_change_words(&h[i], i ? &h[i - 1] : NULL,
						  sh->is_agr ? NULL : &sh->c, sh->is_agr ? &sh->a : NULL,
						  what, sizeof what);
			if (what[0])
				printf(": %s", cli_safe(what));
		}
		putchar('\n');
	}
	free(h);
}

/* --json, the one option (usage.c). */
static int take(void *ctx, int c, const char *v)
{
	(void)v;
	if (c != 'j')
		return 1;
	((struct shown *)ctx)->json = true;
	return 0;
}

int cmd_show(int argc, char **argv, const struct cli_globals *g)
{
	struct shown sh = {0};
	const char *id = NULL;
	struct assay_store *s;
	int rc;

	if (!cli_parse("show", argc, argv, take, &sh, &rc))
		return rc;
	if (optind + 1 != argc) {
		assay_err("show: %s (see 'assay show --help')",
			  optind < argc ? "one id at a time" : "which claim? give its id");
		return CLI_FATAL;
	}
	id = argv[optind];
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	rc = assay_store_claim_get(s, id, on_claim, on_agreement, &sh);
	if (rc) {
		assay_err("show: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return rc == ASSAY_ENOTFOUND ? CLI_PARTIAL : CLI_FATAL;
	}
	if (!sh.json)
		print_history(s, id, &sh);
	assay_store_close(s);
	return CLI_OK;
}
