/* filter.h - the options that choose what a listing gives, the same for
 * `claims`, `conflicts` and `export`: --subject, --metric, --commodity,
 * --since, --until, --min-stories, --state and --open (store.h's
 * assay_claim_filter says what each keeps).
 *
 * Their spec is FILTER_OPTS in usage.c; a command hands every option it
 * does not know itself to cli_filter_option(). */
#ifndef ASSAY_CLI_FILTER_H
#define ASSAY_CLI_FILTER_H

#include <stdbool.h>

#include "options.h" /* the keys CLI_OPT_SUBJECT... */
#include "store.h"

/* Takes option @c with @arg into @f: 1 when it was a filter option, 0 when
 * not, -1 after saying (as "assay: @cmd: ...") why @arg is refused. */
int cli_filter_option(int c, const char *arg, const char *cmd, struct assay_claim_filter *f,
		      bool *open);

/* What --open means where a listing has no groups: claims and agreements
 * that no editor has decided yet (state pending). Returns 0, or -1 after
 * saying why it cannot be with the --state given. */
int cli_filter_open_items(const char *cmd, struct assay_claim_filter *f, bool open);

/* Takes --subject as a name ("China" -> CN, "cn" -> CN) when the gazetteer
 * knows it, else as a subject id the store holds. Returns 0, or -1 after
 * saying there is no such subject, with the nearest the store holds
 * ("did you mean China (CN)?"). */
int cli_filter_resolve(struct assay_store *s, const char *cmd, struct assay_claim_filter *f);

/* What the store's claims hold, counted: their subjects, metrics or
 * commodities, each with its number of claims, sorted by key. */
enum cli_key_field { CLI_KEY_SUBJECT, CLI_KEY_METRIC, CLI_KEY_COMMODITY };

struct cli_key_count {
	char key[48];
	size_t claims;
};

struct cli_key_counts {
	enum cli_key_field field;
	struct cli_key_count *v;
	size_t n, cap;
};

/* Fills @kc (its field set by the caller); free(kc->v) after. */
int cli_count_keys(struct assay_store *s, struct cli_key_counts *kc);

#endif
