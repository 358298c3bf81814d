/* extract.c - the extractor's entry points: text -> sentences, mentions,
 * then claims and agreements built on them.
 *
 * assay_extract_init() compiles every pattern and loads every gazetteer
 * once; it is idempotent and not thread-safe (call it before threads).
 * After it, extraction runs in any number of threads at once: the tables
 * and patterns are only read, match data is per call, and the one match
 * context (its limits) hands each thread a JIT stack of its own.
 * The claim and agreement finders (claims.c, agreements.c) are called
 * from run_finders() below with the sentences and mentions found here. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "array.h"
#include "assay.h"
#include "extract.h"
#include "log.h"
#include "mentions.h"
#include "recog.h"
#include "claims.h"

static bool initialised;
static pcre2_match_context *mctx;
static pthread_key_t stack_key; /* the calling thread's pcre2_jit_stack */

#define MATCH_LIMIT 2000000u /* backtracking steps per match call */
#define DEPTH_LIMIT 5000u

pcre2_code *recog_rx_compile(const char *pat, uint32_t flags)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP | flags, &err, &erroff, NULL);

	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(err, msg, sizeof msg);
		assay_err("extract: pattern at offset %zu: %s", (size_t)erroff, (char *)msg);
		return NULL;
	}
	if (pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0)
		assay_debug("extract: no JIT for a pattern; matching interpreted");
	return re;
}

int recog_rx_next(const pcre2_code *re, const char *text, size_t len, size_t off,
	    pcre2_match_data *md)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)text, len, off, PCRE2_NO_UTF_CHECK, md, mctx);

	if (rc >= 0)
		return ASSAY_OK;
	if (rc == PCRE2_ERROR_NOMATCH)
		return ASSAY_ENOTFOUND;
	if (rc == PCRE2_ERROR_NOMEMORY)
		return ASSAY_ENOMEM;
	assay_debug("extract: match stopped at %zu (pcre2 error %d)", off, rc);
	return ASSAY_ETOOBIG;
}

bool recog_rx_test(const pcre2_code *re, const char *text, size_t start, size_t end,
	     pcre2_match_data *md)
{
	return pcre2_match(re, (PCRE2_SPTR)text + start, end - start, 0, PCRE2_NO_UTF_CHECK, md,
			   mctx) >= 0;
}

int recog_mvec_push(struct mvec *mv, const struct assay_mention *m)
{
	if (assay_array_reserve(&mv->v, &mv->cap, mv->n + 1, sizeof *mv->v))
		return ASSAY_ENOMEM;
	mv->v[mv->n++] = *m;
	return ASSAY_OK;
}

#define JIT_STACK_MIN (32 * 1024)
#define JIT_STACK_MAX (1024 * 1024)

static void free_stack(void *st)
{
	pcre2_jit_stack_free(st);
}

/* PCRE2 asks for the JIT stack at each match: the calling thread's, made
 * on its first match and freed when the thread ends. Only if that
 * allocation fails does PCRE2 fall back to its 32 KiB on the machine
 * stack (a deep match then stops with an error, as on ENOMEM). */
static pcre2_jit_stack *thread_stack(void *unused)
{
	pcre2_jit_stack *st = pthread_getspecific(stack_key);

	(void)unused;
	if (st)
		return st;
	st = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	if (st && pthread_setspecific(stack_key, st) != 0) {
		pcre2_jit_stack_free(st);
		st = NULL;
	}
	return st;
}

static int init_matching(void)
{
	if (pthread_key_create(&stack_key, free_stack) != 0)
		return ASSAY_ENOMEM;
	mctx = pcre2_match_context_create(NULL);
	if (!mctx || !thread_stack(NULL)) {
		pcre2_match_context_free(mctx);
		mctx = NULL;
		free_stack(pthread_getspecific(stack_key));
		pthread_key_delete(stack_key);
		return ASSAY_ENOMEM;
	}
	pcre2_set_match_limit(mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(mctx, thread_stack, NULL);
	return ASSAY_OK;
}

/* Frees the calling thread's stack; other threads' went when they ended. */
static void release_matching(void)
{
	if (!mctx)
		return;
	free_stack(pthread_getspecific(stack_key));
	pthread_setspecific(stack_key, NULL);
	pthread_key_delete(stack_key);
	pcre2_match_context_free(mctx);
	mctx = NULL;
}

int assay_extract_init(void)
{
	int rc;

	if (initialised)
		return ASSAY_OK;
	rc = init_matching();
	if (rc == ASSAY_OK)
		rc = recog_tables_load();
	if (rc == ASSAY_OK)
		rc = gaz_init();
	if (rc == ASSAY_OK)
		rc = dates_init();
	if (rc == ASSAY_OK)
		rc = numbers_init();
	if (rc == ASSAY_OK)
		rc = sentences_init();
	if (rc == ASSAY_OK)
		rc = assay_claims_init();
	if (rc != ASSAY_OK) {
		assay_extract_shutdown();
		return rc;
	}
	initialised = true;
	return ASSAY_OK;
}

void assay_extract_shutdown(void)
{
	sentences_free();
	numbers_free();
	dates_free();
	gaz_free();
	recog_tables_free();
	assay_claims_shutdown();
	release_matching();
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
	return initialised ? gaz_org_home(org_id) : NULL;
}

const char *assay_subject_id(const char *name)
{
	return initialised && name ? gaz_subject_id(name) : NULL;
}

const char *assay_subject_name(const char *id)
{
	return initialised && id ? gaz_subject_name(id) : NULL;
}

/* Patterns run with PCRE2_NO_UTF_CHECK, so the text must be valid UTF-8:
 * when it is not, a copy with each invalid byte replaced by '?' is made
 * (offsets stay the same). Returns the text to use; *copy is the copy to
 * free, or NULL. */
static const char *valid_text(const char *text, size_t len, char **copy)
{
	size_t i = 0;

	*copy = NULL;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		uint64_t w;

		if (i + 8 <= len && (memcpy(&w, text + i, 8), !(w & 0x8080808080808080ull))) {
			i += 8; /* eight ASCII bytes */
			continue;
		}
		if ((unsigned char)text[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
				     (utf8proc_ssize_t)(len - i), &cp);
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		if (!*copy) {
			*copy = malloc(len + 1);
			if (!*copy)
				return NULL;
			memcpy(*copy, text, len);
			(*copy)[len] = '\0';
			text = *copy;
		}
		(*copy)[i++] = '?';
	}
	return text;
}

static int by_start(const void *a, const void *b)
{
	const struct assay_mention *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1; /* longer first */
	return (int)x->type - (int)y->type;
}

/* A currency named with its nationality after the figure ("11 mln
 * Canadian dlrs", "160 U.S. dlrs") also names a country, which a story's
 * countries must not lose: the money mention ends before the country
 * (it keeps its currency). Only a country after the digits is kept so:
 * "US$2 billion" and "$US113" stay whole. @mv is sorted by start. */
static void yield_countries(const char *text, struct mvec *mv)
{
	for (size_t i = 0; i < mv->n; i++) {
		struct assay_mention *m = &mv->v[i];

		if (m->type != ASSAY_M_MONEY)
			continue;
		for (size_t k = i + 1; k < mv->n && mv->v[k].start < m->end; k++) {
			const struct assay_mention *c = &mv->v[k];
			bool digit = false;

			if (c->type != ASSAY_M_COUNTRY || c->end > m->end)
				continue;
			for (size_t p = m->start; p < c->start && !digit; p++)
				digit = isdigit((unsigned char)text[p]);
			if (!digit)
				continue;
			m->end = c->start;
			while (m->end > m->start && isspace((unsigned char)text[m->end - 1]))
				m->end--;
			break;
		}
	}
}

/* Sorts and removes overlaps: at each position the longest mention wins
 * (blockers included), then blockers are dropped. */
static void resolve_overlaps(const char *text, struct mvec *mv)
{
	size_t j = 0, last_end = 0;

	if (mv->n == 0)
		return;
	qsort(mv->v, mv->n, sizeof *mv->v, by_start);
	yield_countries(text, mv);
	for (size_t i = 0; i < mv->n; i++) {
		if (mv->v[i].start < last_end)
			continue;
		last_end = mv->v[i].end;
		if (mv->v[i].type != M_BLOCK)
			mv->v[j++] = mv->v[i];
	}
	mv->n = j;
}

static int append_all(struct mvec *dst, const struct mvec *src)
{
	for (size_t i = 0; i < src->n; i++)
		if (recog_mvec_push(dst, &src->v[i]) != ASSAY_OK)
			return ASSAY_ENOMEM;
	return ASSAY_OK;
}

int assay_find_mentions(const char *text, size_t len, const struct assay_extract_opts *opts,
			struct assay_mention **out, size_t *n)
{
	struct mvec all = {0}, dates = {0};
	pcre2_match_data *md = NULL;
	char *copy = NULL;
	int rc = ASSAY_ENOMEM;

	*out = NULL;
	*n = 0;
	if (!initialised)
		return ASSAY_EINVAL;
	text = valid_text(text, len, &copy);
	md = pcre2_match_data_create(64, NULL);
	if (!text || !md)
		goto fail;
	rc = dates_find(text, len, opts ? opts->published : NULL, md, &dates);
	if (rc == ASSAY_OK)
		rc = numbers_find(text, len, &dates, md, &all);
	if (rc == ASSAY_OK)
		rc = append_all(&all, &dates);
	if (rc == ASSAY_OK)
		rc = gaz_find(text, len, md, &all);
	if (rc == ASSAY_OK)
		rc = cl_find_orgs(text, len, &all);
	if (rc != ASSAY_OK)
		goto fail;
	resolve_overlaps(text, &all);
	*out = all.v;
	*n = all.n;
	all.v = NULL;
fail:
	free(all.v);
	free(dates.v);
	pcre2_match_data_free(md);
	free(copy);
	return rc;
}

/* Claims and agreements from the sentences and mentions: the claim worker
 * adds its two calls here (claims.c, agreements.c). */
static int run_finders(const char *text, size_t len, const char *title,
		       const struct assay_span *sents, size_t nsents,
		       const struct assay_extract_opts *opts, struct assay_extraction *out)
{
	(void)opts;
	return assay_claims_find(text, len, title, sents, nsents, out->mentions, out->nmentions,
				 out);
}

/* @title: the headline when the text lacks it (cleaned pages), or NULL. */
static int extract_text(const char *text, size_t len, const char *title,
			const struct assay_extract_opts *opts, struct assay_extraction *out)
{
	struct assay_span *sents = NULL;
	size_t nsents = 0;
	char *prose = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	rc = assay_extract_init();
	if (rc != ASSAY_OK)
		return rc;
	if (len && memchr(text, '\n', len)) { /* hard-wrapped lines read as prose */
		prose = malloc(len + 1);
		if (!prose)
			return ASSAY_ENOMEM;
		memcpy(prose, text, len);
		prose[len] = '\0';
		if (assay_unwrap_text(prose, len) != ASSAY_OK) {
			free(prose);
			return ASSAY_ENOMEM;
		}
		text = prose;
	}
	rc = assay_split_sentences(text, len, &sents, &nsents);
	if (rc != ASSAY_OK)
		goto fail;
	rc = assay_find_mentions(text, len, opts, &out->mentions, &out->nmentions);
	if (rc != ASSAY_OK)
		goto fail;
	rc = run_finders(text, len, title, sents, nsents, opts, out);
	if (rc != ASSAY_OK)
		goto fail;
	free(sents);
	free(prose);
	return ASSAY_OK;
fail:
	free(sents);
	free(prose);
	assay_extraction_release(out);
	return rc;
}

int assay_extract_text(const char *text, size_t len, const struct assay_extract_opts *opts,
		       struct assay_extraction *out)
{
	return extract_text(text, len, NULL, opts, out);
}

int assay_extract_doc(const struct assay_doc *doc, const struct assay_extract_opts *opts,
		      struct assay_extraction *out)
{
	struct assay_extract_opts o = {0};

	if (opts)
		o = *opts;
	if (!o.published)
		o.published = doc->published;
	return extract_text(doc->text ? doc->text : "", doc->text ? doc->text_len : 0,
			    doc->title, &o, out);
}

void assay_extraction_release(struct assay_extraction *x)
{
	free(x->mentions);
	free(x->claims);
	free(x->agreements);
	memset(x, 0, sizeof *x);
}
