/* store_util.c - see store_util.h. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_util.h"

char *tmp_store_dir(void)
{
	char tmpl[] = "/tmp/assay-store-test-XXXXXX";
	char *d = mkdtemp(tmpl);

	return d ? strdup(d) : NULL;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void rm_tree(const char *dir)
{
	if (dir && !strncmp(dir, "/tmp/assay-", 11))
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *store_data(const char *name)
{
	static char path[4096];
	const char *root = getenv("ASSAY_SOURCE_ROOT");

	snprintf(path, sizeof path, "%s/tests/data/store/%s", root ? root : ".", name);
	return path;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s ? s : "";
}

static void copy(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", s);
}

/* Appends @sentence as a paragraph; returns its offset. */
static size_t add_sentence(struct assay_buf *text, const char *sentence)
{
	size_t at;

	if (text->len)
		assay_buf_puts(text, "\n\n");
	at = text->len;
	assay_buf_puts(text, sentence);
	return at;
}

static bool add_claim(struct test_article *t, json_t *c, struct assay_claim *out)
{
	const char *sentence = jstr(c, "sentence"), *fig = jstr(c, "figure");
	const char *hit = strstr(sentence, fig);
	size_t at = add_sentence(&t->text, sentence);

	memset(out, 0, sizeof *out);
	copy(out->subject, sizeof out->subject, jstr(c, "subject"));
	copy(out->metric, sizeof out->metric, jstr(c, "metric"));
	copy(out->commodity, sizeof out->commodity, jstr(c, "commodity"));
	copy(out->period, sizeof out->period, jstr(c, "period"));
	copy(out->status, sizeof out->status, jstr(c, "status"));
	copy(out->place, sizeof out->place, jstr(c, "place"));
	copy(out->unit, sizeof out->unit, jstr(c, "unit"));
	copy(out->qualifier, sizeof out->qualifier, jstr(c, "qualifier"));
	copy(out->per, sizeof out->per, jstr(c, "per"));
	copy(out->price_per, sizeof out->price_per, jstr(c, "price_per"));
	out->value = json_number_value(json_object_get(c, "value"));
	out->has_max = json_object_get(c, "value_max") != NULL;
	out->value_max = json_number_value(json_object_get(c, "value_max"));
	out->evidence.start = at;
	out->evidence.end = at + strlen(sentence);
	if (!hit || !*fig)
		return false;
	out->fig_start = at + (size_t)(hit - sentence);
	out->fig_end = out->fig_start + strlen(fig);
	return true;
}

static void add_agreement(struct test_article *t, json_t *g, struct assay_agreement *out)
{
	json_t *parties = json_object_get(g, "parties");
	size_t at = add_sentence(&t->text, jstr(g, "sentence"));

	memset(out, 0, sizeof *out);
	copy(out->type, sizeof out->type, jstr(g, "type"));
	copy(out->status, sizeof out->status, jstr(g, "status"));
	copy(out->topic, sizeof out->topic, jstr(g, "topic"));
	for (size_t i = 0; i < json_array_size(parties) && i < ASSAY_MAX_PARTIES; i++)
		copy(out->parties[out->nparties++], sizeof out->parties[0],
		     json_string_value(json_array_get(parties, i)));
	out->evidence.start = at;
	out->evidence.end = t->text.len;
}

bool test_article_from_json(json_t *o, struct test_article *t)
{
	json_t *claims = json_object_get(o, "claims"), *agrs = json_object_get(o, "agreements");
	const char *body = jstr(o, "body");
	bool ok = true;

	memset(t, 0, sizeof *t);
	t->url = strdup(jstr(o, "url"));
	t->name = strdup(jstr(o, "article"));
	t->published = json_is_string(json_object_get(o, "published")) ?
		strdup(jstr(o, "published")) : NULL;
	if (*body)
		add_sentence(&t->text, body);
	t->x.claims = calloc(json_array_size(claims) + 1, sizeof *t->x.claims);
	t->x.agreements = calloc(json_array_size(agrs) + 1, sizeof *t->x.agreements);
	for (size_t i = 0; i < json_array_size(claims); i++)
		ok &= add_claim(t, json_array_get(claims, i), &t->x.claims[t->x.nclaims++]);
	for (size_t i = 0; i < json_array_size(agrs); i++)
		add_agreement(t, json_array_get(agrs, i), &t->x.agreements[t->x.nagreements++]);
	if (!t->text.data)
		assay_buf_puts(&t->text, "");
	t->a.url = t->url;
	t->a.title = t->name;
	t->a.published = t->published;
	t->a.raw = t->text.data;
	t->a.raw_len = t->text.len;
	t->a.text = t->text.data;
	t->a.text_len = t->text.len;
	t->a.x = &t->x;
	t->a.fetched_at = 1700000000;
	return ok;
}

void test_article_release(struct test_article *t)
{
	free(t->x.claims);
	free(t->x.agreements);
	assay_buf_release(&t->text);
	free(t->url);
	free(t->name);
	free(t->published);
	memset(t, 0, sizeof *t);
}

size_t read_jsonl(const char *path, json_t ***out)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;

	*out = NULL;
	if (!f)
		return 0;
	while (getline(&line, &cap, f) > 0) {
		json_t *o = json_loads(line, 0, NULL);

		if (!o)
			continue;
		*out = realloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = o;
	}
	free(line);
	fclose(f);
	return n;
}

struct review_walk {
	void (*fn)(void *ctx, const struct assay_review *r);
	void *ctx;
};

static int claim_review(void *ctx, const struct assay_stored_claim *c,
			const struct assay_source *src, size_t n)
{
	const struct review_walk *w = ctx;

	(void)src, (void)n;
	w->fn(w->ctx, &c->review);
	return 0;
}

static int agreement_review(void *ctx, const struct assay_stored_agreement *a,
			    const struct assay_source *src, size_t n)
{
	const struct review_walk *w = ctx;

	(void)src, (void)n;
	w->fn(w->ctx, &a->review);
	return 0;
}

int store_each_review(const char *dir, void (*fn)(void *ctx, const struct assay_review *r),
		      void *ctx)
{
	struct review_walk w = {fn, ctx};
	struct assay_store *s;
	int rc = assay_store_open(dir, 0, &s);

	if (rc)
		return rc;
	rc = assay_store_claims(s, NULL, claim_review, &w);
	if (!rc)
		rc = assay_store_agreements(s, NULL, agreement_review, &w);
	assay_store_close(s);
	return rc;
}
