/* cmd_verify.c - `assay verify`: read the whole store, change nothing, and
 * say whether every record reads back and every reference holds.
 *
 * Exit status: 0 when nothing is wrong, 1 when problems were found (each
 * printed, at most PROBLEMS_SHOWN per table, then a count), 2 when the
 * store does not open (the message says why: cut short, empty, garbled). */
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "cli.h"
#include "log.h"
#include "options.h"
#include "store.h"

#define PROBLEMS_SHOWN 20

struct shown {
	const char *table;
	unsigned n;
};

static void on_problem(void *ctx, const char *table, const char *what)
{
	struct shown *sh = ctx;

	if (!sh->table || strcmp(sh->table, table)) {
		sh->table = table;
		sh->n = 0;
	}
	if (sh->n++ < PROBLEMS_SHOWN)
		printf("problem  %s: %s\n", table, what);
}

/* verify has no option of its own (usage.c). */
static int no_option(void *ctx, int c, const char *v)
{
	(void)ctx, (void)c, (void)v;
	return 1;
}

int cmd_verify(int argc, char **argv, const struct cli_globals *g)
{
	struct assay_verify_report r;
	struct assay_store *s;
	struct shown sh = {0};
	int rc;

	if (!cli_parse("verify", argc, argv, no_option, NULL, &rc))
		return rc;
	rc = assay_store_open(g->db, ASSAY_STORE_RDONLY, &s);
	if (rc) {
		assay_err("%s", assay_store_errmsg(NULL));
		return CLI_FATAL;
	}
	rc = assay_store_verify(s, &r, on_problem, &sh);
	if (rc) {
		assay_err("verify: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	for (int i = 0; i < r.ntables; i++) {
		const struct assay_verify_table *t = &r.tables[i];

		if (t->problems > PROBLEMS_SHOWN)
			printf("problem  %s: %llu more\n", t->name,
			       (unsigned long long)(t->problems - PROBLEMS_SHOWN));
	}
	for (int i = 0; i < r.ntables; i++)
		printf("%-11s %llu records%s\n", r.tables[i].name,
		       (unsigned long long)r.tables[i].records,
		       r.tables[i].problems ? ", problems" : "");
	printf("store '%s': %llu pages, %s\n", g->db, (unsigned long long)r.pages,
	       r.problems ? "damaged" : "sound");
	if (r.problems)
		assay_err("verify: %llu problems in '%s': restore data.mdb from a backup, or "
			  "export what still reads", (unsigned long long)r.problems, g->db);
	assay_store_close(s);
	return r.problems ? CLI_PARTIAL : CLI_OK;
}
