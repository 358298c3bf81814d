/* rows.c - the researcher's table (rows.h): one CSV record per figure x
 * source, the same columns for conflicts, claims and agreements.
 *
 * The column list below is the schema: doc/exports.md documents it in this
 * order, and a column is only ever added at the end of a group, never
 * renamed, so scripts that read by name keep working. Agreement rows use
 * the claim columns that apply (subject: the parties joined by "+",
 * commodity: the topic, status and type: the agreement's) and leave the
 * figure columns empty.
 *
 * A corrected claim or agreement is written as it stands after review:
 * the key and figure columns hold the editor's values, corrected_fields
 * names the columns that do, and the extracted_ columns keep what the
 * extractor read (empty unless the record was corrected). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "assay.h"
#include "extract.h"
#include "review.h"
#include "rows.h"
#include "store.h"
#include "table.h"
#include "vocab.h"

enum col {
	C_CONFLICT, C_RESOLVED, C_GROUP_STORIES, C_KIND, C_SUBJECT, C_METRIC, C_COMMODITY, C_PERIOD, C_PLACE, C_STATUS,
	C_TYPE, C_SUBJECT_NAME, C_VALUE, C_VALUE_MAX, C_UNIT, C_QUALIFIER, C_PER, C_PRICE_PER, C_CHANGE,
	C_INTERVAL_LOW, C_INTERVAL_HIGH, C_CLAIM, C_REVIEW_STATE, C_CORRECTED_VALUE,
	C_CORRECTED_UNIT, C_REJECT_REASON, C_REVIEWER, C_REVIEWED_AT, C_CORRECTED_FIELDS,
	C_EXTRACTED_SUBJECT, C_EXTRACTED_METRIC, C_EXTRACTED_COMMODITY, C_EXTRACTED_PERIOD,
	C_EXTRACTED_PLACE, C_EXTRACTED_STATUS, C_EXTRACTED_TYPE, C_EXTRACTED_VALUE,
	C_EXTRACTED_VALUE_MAX, C_EXTRACTED_UNIT, C_FIGURE, C_SITE,
	C_TITLE, C_URL, C_PUBLISHED, C_FETCHED_AT, C_STORY, C_EVIDENCE, NCOLS
};

#define GROUP_COLS C_KIND /* the leading columns only conflict rows have */

static const char *const head[NCOLS] = {"conflict", "resolved", "group_stories", "kind", "subject", "metric",
	"commodity", "period", "place", "status", "type", "subject_name", "value", "value_max", "unit",
	"qualifier", "per", "price_per", "change", "interval_low", "interval_high", "claim",
	"review_state", "corrected_value", "corrected_unit", "reject_reason", "reviewer",
	"reviewed_at", "corrected_fields", "extracted_subject", "extracted_metric",
	"extracted_commodity", "extracted_period", "extracted_place", "extracted_status",
	"extracted_type", "extracted_value", "extracted_value_max", "extracted_unit", "figure", "site", "title", "url", "published", "fetched_at", "story",
	"evidence"};

/* One record under way: cells point into the record or into the buffers. */
struct row {
	const char *cell[NCOLS];
	char value[32], value_max[32], lo[32], hi[32], corrected[32], reviewed[32];
	char ex_value[32], ex_value_max[32], fields[128], ex_parties[320];
	char fetched[32], parties[320], names[512], evidence[2048];
	char title[256], site[128], reason[256], figure[64];
};

void cli_rows_head(FILE *out, enum cli_rows_kind k)
{
	size_t first = k == CLI_ROWS_CONFLICT ? 0 : GROUP_COLS;

	cli_csv_row(out, head + first, NCOLS - first);
}

void cli_rows_group_init(struct cli_rows_group *rg, const struct assay_conflict *g)
{
	cli_conflict_id(g, rg->id, sizeof rg->id);
	snprintf(rg->resolved, sizeof rg->resolved, "%s", g->resolved ? "true" : "false");
	snprintf(rg->stories, sizeof rg->stories, "%zu", g->nstories);
}

static void put_row(FILE *out, const struct cli_rows_group *grp, struct row *r)
{
	size_t first = grp ? 0 : GROUP_COLS;

	if (grp) {
		r->cell[C_CONFLICT] = grp->id, r->cell[C_RESOLVED] = grp->resolved;
		r->cell[C_GROUP_STORIES] = grp->stories;
	}
	for (size_t i = 0; i < NCOLS; i++)
		if (!r->cell[i])
			r->cell[i] = "";
	cli_csv_row(out, r->cell + first, NCOLS - first);
}

static void review_cells(struct row *r, const struct assay_review *rv, const char *own_unit)
{
	r->cell[C_REVIEW_STATE] = rv->state;
	if (rv->has_value) {
		cli_format_exact(rv->value, r->corrected, sizeof r->corrected);
		r->cell[C_CORRECTED_VALUE] = r->corrected;
		r->cell[C_CORRECTED_UNIT] = rv->unit[0] ? rv->unit : own_unit;
	}
	cli_tidy_text(rv->reason, r->reason, sizeof r->reason);
	r->cell[C_REJECT_REASON] = r->reason;
	r->cell[C_REVIEWER] = rv->who;
	cli_iso_time(rv->when, r->reviewed, sizeof r->reviewed);
	r->cell[C_REVIEWED_AT] = r->reviewed;
}

static void source_cells(struct row *r, const struct assay_source *s)
{
	cli_tidy_text(s->site, r->site, sizeof r->site);
	cli_tidy_text(s->title, r->title, sizeof r->title);
	r->cell[C_SITE] = r->site, r->cell[C_TITLE] = r->title, r->cell[C_URL] = s->url;
	r->cell[C_PUBLISHED] = s->published, r->cell[C_STORY] = s->story;
	cli_iso_time(s->fetched_at, r->fetched, sizeof r->fetched);
	r->cell[C_FETCHED_AT] = r->fetched;
	cli_tidy_text(s->evidence, r->evidence, sizeof r->evidence);
	r->cell[C_EVIDENCE] = r->evidence;
}

/* Adds column @name to the row's corrected_fields. */
static void add_field(struct row *r, const char *name)
{
	size_t len = strlen(r->fields);

	snprintf(r->fields + len, sizeof r->fields - len, "%s%s", len ? "+" : "", name);
	r->cell[C_CORRECTED_FIELDS] = r->fields;
}

static void field_changed(struct row *r, const char *name, const char *was, const char *now)
{
	if (strcmp(was, now))
		add_field(r, name);
}

/* The extracted_ columns and corrected_fields of a corrected claim @was
 * that stands as @now. */
static void extracted_cells(struct row *r, const struct assay_claim *was,
			    const struct assay_claim *now, bool value_set)
{
	field_changed(r, "subject", was->subject, now->subject);
	field_changed(r, "metric", was->metric, now->metric);
	field_changed(r, "commodity", was->commodity, now->commodity);
	field_changed(r, "period", was->period, now->period);
	field_changed(r, "place", was->place, now->place);
	field_changed(r, "status", was->status, now->status);
	if (value_set) {
		add_field(r, "value");
		if (was->has_max)
			add_field(r, "value_max");
		field_changed(r, "unit", was->unit, now->unit);
		add_field(r, "interval_low");
		add_field(r, "interval_high");
	}
	r->cell[C_EXTRACTED_SUBJECT] = was->subject, r->cell[C_EXTRACTED_METRIC] = was->metric;
	r->cell[C_EXTRACTED_COMMODITY] = was->commodity, r->cell[C_EXTRACTED_PERIOD] = was->period;
	r->cell[C_EXTRACTED_PLACE] = was->place, r->cell[C_EXTRACTED_STATUS] = was->status;
	cli_format_exact(was->value, r->ex_value, sizeof r->ex_value);
	r->cell[C_EXTRACTED_VALUE] = r->ex_value;
	if (was->has_max) {
		cli_format_exact(was->value_max, r->ex_value_max, sizeof r->ex_value_max);
		r->cell[C_EXTRACTED_VALUE_MAX] = r->ex_value_max;
	}
	r->cell[C_EXTRACTED_UNIT] = was->unit;
}

void cli_rows_claim(FILE *out, const struct cli_rows_group *grp,
		    const struct assay_stored_claim *c, const struct assay_source *src, size_t n)
{
	bool corrected = assay_review_state_is(c->review.state, ASSAY_REVIEW_CORRECTED);
	bool value_set = corrected && c->review.has_value;
	struct assay_claim now;
	struct row r;

	memset(&r, 0, sizeof r);
	assay_review_effective(&c->review, &c->c, &now);
	r.cell[C_KIND] = "claim";
	r.cell[C_SUBJECT] = now.subject, r.cell[C_METRIC] = now.metric;
	r.cell[C_SUBJECT_NAME] = cli_subject_name(now.subject);
	r.cell[C_COMMODITY] = now.commodity, r.cell[C_PERIOD] = now.period;
	r.cell[C_PLACE] = now.place, r.cell[C_STATUS] = now.status;
	cli_format_exact(now.value, r.value, sizeof r.value);
	r.cell[C_VALUE] = r.value;
	if (now.has_max) {
		cli_format_exact(now.value_max, r.value_max, sizeof r.value_max);
		r.cell[C_VALUE_MAX] = r.value_max;
	}
	r.cell[C_UNIT] = now.unit, r.cell[C_QUALIFIER] = now.qualifier;
	r.cell[C_PER] = now.per, r.cell[C_PRICE_PER] = now.price_per;
	r.cell[C_CHANGE] = now.change;
	/* an editor's value is exact: its interval is the value itself */
	cli_format_exact(value_set ? now.value : c->lo, r.lo, sizeof r.lo);
	cli_format_exact(value_set ? now.value : c->hi, r.hi, sizeof r.hi);
	r.cell[C_INTERVAL_LOW] = r.lo, r.cell[C_INTERVAL_HIGH] = r.hi;
	r.cell[C_CLAIM] = c->id;
	review_cells(&r, &c->review, c->c.unit);
	if (corrected)
		extracted_cells(&r, &c->c, &now, value_set);
	cli_tidy_text(c->figure, r.figure, sizeof r.figure);
	r.cell[C_FIGURE] = r.figure;
	if (!n)
		put_row(out, grp, &r);
	for (size_t i = 0; i < n; i++) {
		cli_tidy_text(src[i].figure[0] ? src[i].figure : c->figure, r.figure,
			      sizeof r.figure);
		source_cells(&r, &src[i]);
		put_row(out, grp, &r);
	}
}

/* @a's parties joined by "+" into @ids, their names (an id where a party
 * has none) into @names. */
static void parties_cells(const struct assay_agreement *a, char *ids, size_t isize, char *names,
			  size_t nsize)
{
	size_t len = 0;

	ids[0] = '\0';
	for (int i = 0; i < a->nparties && len < isize; i++)
		len += (size_t)snprintf(ids + len, isize - len, "%s%s", i ? "+" : "", a->parties[i]);
	if (!names)
		return;
	len = 0;
	names[0] = '\0';
	for (int i = 0; i < a->nparties && len < nsize; i++) {
		const char *name = cli_subject_name(a->parties[i]);

		len += (size_t)snprintf(names + len, nsize - len, "%s%s", i ? "+" : "",
					name ? name : a->parties[i]);
	}
}

void cli_rows_agreement(FILE *out, const struct cli_rows_group *grp,
			const struct assay_stored_agreement *a, const struct assay_source *src,
			size_t n)
{
	struct assay_agreement now;
	struct row r;

	memset(&r, 0, sizeof r);
	assay_review_effective_agreement(&a->review, &a->a, &now);
	parties_cells(&now, r.parties, sizeof r.parties, r.names, sizeof r.names);
	r.cell[C_SUBJECT_NAME] = r.names;
	r.cell[C_KIND] = "agreement";
	r.cell[C_SUBJECT] = r.parties, r.cell[C_COMMODITY] = now.topic;
	r.cell[C_STATUS] = now.status, r.cell[C_TYPE] = now.type;
	r.cell[C_CLAIM] = a->id;
	review_cells(&r, &a->review, "");
	if (assay_review_state_is(a->review.state, ASSAY_REVIEW_CORRECTED)) {
		parties_cells(&a->a, r.ex_parties, sizeof r.ex_parties, NULL, 0);
		field_changed(&r, "subject", r.ex_parties, r.parties);
		field_changed(&r, "status", a->a.status, now.status);
		field_changed(&r, "type", a->a.type, now.type);
		r.cell[C_EXTRACTED_SUBJECT] = r.ex_parties, r.cell[C_EXTRACTED_COMMODITY] = a->a.topic;
		r.cell[C_EXTRACTED_STATUS] = a->a.status, r.cell[C_EXTRACTED_TYPE] = a->a.type;
	}
	if (!n)
		put_row(out, grp, &r);
	for (size_t i = 0; i < n; i++) {
		source_cells(&r, &src[i]);
		put_row(out, grp, &r);
	}
}

const char *cli_subject_name(const char *id)
{
	static int loaded; /* 1 loaded, -1 failed: names stay empty */

	if (!loaded)
		loaded = assay_extract_init() == ASSAY_OK ? 1 : -1;
	return loaded > 0 ? assay_subject_name(id) : NULL;
}

void cli_conflict_id(const struct assay_conflict *g, char *out, size_t size)
{
	const struct assay_conflict_member *m = &g->members[0];
	uint64_t h = g->is_agreement ? m->agreement->group : m->claim->group;

	snprintf(out, size, "%c%016" PRIx64, g->is_agreement ? 'a' : 'c', h);
}

void cli_iso_time(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	out[0] = '\0';
	if (t && gmtime_r(&tt, &tm))
		strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void cli_format_exact(double v, char *out, size_t size)
{
	if (!isfinite(v)) { /* never stored; an empty cell rather than "nan" */
		out[0] = '\0';
		return;
	}
	if (v == 0) /* no "-0" */
		v = 0;
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, size, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static bool is_space_like(utf8proc_int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);

	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC ||
	       cp == 0x200b || cp == 0xfeff; /* zero-width space, BOM */
}

void cli_tidy_text(const char *in, char *out, size_t size)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)in;
	size_t n = 0;
	bool space = false;

	if (!size)
		return;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);

		if (len < 1) { /* not UTF-8: dropped, like U+FFFD */
			p++;
			continue;
		}
		if (cp == 0xfffd) {
			p += len;
			continue;
		}
		if (is_space_like(cp)) {
			space = n > 0;
			p += len;
			continue;
		}
		if (n + (size_t)space + (size_t)len + 1 > size)
			break;
		if (space)
			out[n++] = ' ';
		space = false;
		memcpy(out + n, p, (size_t)len);
		n += (size_t)len;
		p += len;
	}
	out[n] = '\0';
}
