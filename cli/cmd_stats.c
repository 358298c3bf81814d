/* cmd_stats.c - `assay stats`: what the store holds, its size on disk and
 * the last crawl. Reads only; a missing store is reported, not created. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "log.h"
#include "options.h"
#include "rows.h"
#include "store.h"
#include "table.h"

/* --json, the one option (usage.c). */
static int take_json(void *ctx, int c, const char *v)
{
	(void)v;
	if (c != 'j')
		return 1;
	*(bool *)ctx = true;
	return 0;
}

/* last_crawl is an ISO 8601 time in quotes, or null: never epoch seconds. */
static void print_json(const struct assay_store_stats *st)
{
	char iso[32], last[40] = "null";

	cli_iso_time(st->last_crawl, iso, sizeof iso);
	if (iso[0])
		snprintf(last, sizeof last, "\"%s\"", iso);
	printf("{\"articles\":%llu,\"stories\":%llu,\"claims\":%llu,\"evidences\":%llu,"
	       "\"agreements\":%llu,\"conflicts\":%llu,\"pending\":%llu,\"accepted\":%llu,"
	       "\"rejected\":%llu,\"corrected\":%llu,\"bytes\":%llu,\"last_crawl\":%s}\n",
	       (unsigned long long)st->articles, (unsigned long long)st->stories,
	       (unsigned long long)st->claims, (unsigned long long)st->evidences,
	       (unsigned long long)st->agreements, (unsigned long long)st->conflicts,
	       (unsigned long long)st->pending, (unsigned long long)st->accepted,
	       (unsigned long long)st->rejected, (unsigned long long)st->corrected,
	       (unsigned long long)st->bytes, last);
}

static void print_human(const char *db, const struct assay_store_stats *st)
{
	char when[64] = "never";

	if (st->last_crawl) {
		time_t t = (time_t)st->last_crawl;
		struct tm tm;

		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", gmtime_r(&t, &tm));
	}
	printf("store       %s (%.1f MiB)\n", db, (double)st->bytes / (1024.0 * 1024.0));
	printf("articles    %llu in %llu stories\n", (unsigned long long)st->articles,
	       (unsigned long long)st->stories);
	printf("claims      %llu (%llu evidences)\n", (unsigned long long)st->claims,
	       (unsigned long long)st->evidences);
	printf("agreements  %llu\n", (unsigned long long)st->agreements);
	printf("conflicts   %llu groups\n", (unsigned long long)st->conflicts);
	printf("review      %llu pending, %llu accepted, %llu rejected, %llu corrected\n",
	       (unsigned long long)st->pending, (unsigned long long)st->accepted,
	       (unsigned long long)st->rejected, (unsigned long long)st->corrected);
	printf("last crawl  %s%s%s\n", when, st->last_crawl_summary[0] ? ": " : "",
	       st->last_crawl_summary);
}

int cmd_stats(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_store_stats st;
	struct assay_store *s;
	bool json = false;
	int rc;

	if (!cli_parse("stats", argc, argv, take_json, &json, &rc))
		return rc;
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	rc = assay_store_stats(s, &st);
	if (rc) {
		assay_err("stats: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	if (json)
		print_json(&st);
	else
		print_human(g->db, &st);
	assay_store_close(s);
	return CLI_OK;
}
