/* fetch_mem.c - memory-backed crawl hooks for the fetch tests. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "fetch_mem.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static bool is_known(void *ctx, const char *url)
{
	return mem_page(ctx, url) != NULL;
}

static int on_page(void *ctx, const struct assay_page *p)
{
	struct mem *m = ctx;
	struct mem_page *k;

	/* a page refused is the hooks' to count, as the pipeline does */
	if (m->fail_on_page) {
		m->refused++;
		return m->fail_on_page;
	}
	if (m->npages >= sizeof m->pages / sizeof m->pages[0]) {
		m->refused++;
		return ASSAY_EFULL;
	}
	k = &m->pages[m->npages++];
	k->url = dup_or_null(p->url);
	k->final_url = dup_or_null(p->final_url);
	k->content_type = dup_or_null(p->content_type);
	k->charset = dup_or_null(p->charset);
	k->published = dup_or_null(p->published);
	k->title = dup_or_null(p->title);
	k->warc_file = dup_or_null(p->warc_file);
	k->warc_offset = p->warc_offset;
	k->len = p->len;
	return ASSAY_OK;
}

static int find(struct mem *m, const char *t, const char *k)
{
	for (size_t i = 0; i < m->nkv; i++)
		if (strcmp(m->kv[i].table, t) == 0 && strcmp(m->kv[i].key, k) == 0)
			return (int)i;
	return -1;
}

static int state_get(void *ctx, const char *t, const char *k, struct assay_buf *v)
{
	struct mem *m = ctx;
	int i = find(m, t, k);

	if (i < 0)
		return ASSAY_ENOTFOUND;
	return assay_buf_append(v, m->kv[i].val, m->kv[i].len);
}

static int state_put(void *ctx, const char *t, const char *k, const void *v, size_t len)
{
	struct mem *m = ctx;
	int i = find(m, t, k);

	if (i < 0) {
		if (m->nkv >= sizeof m->kv / sizeof m->kv[0])
			return ASSAY_EFULL;
		i = (int)m->nkv++;
		m->kv[i].table = strdup(t);
		m->kv[i].key = strdup(k);
	} else {
		free(m->kv[i].val);
	}
	m->kv[i].val = malloc(len + 1);
	memcpy(m->kv[i].val, v, len);
	m->kv[i].val[len] = 0;
	m->kv[i].len = len;
	return ASSAY_OK;
}

void mem_hooks(struct mem *m, struct assay_crawl_hooks *h)
{
	memset(h, 0, sizeof *h);
	h->ctx = m;
	h->is_known = is_known;
	h->on_page = on_page;
	h->state_get = state_get;
	h->state_put = state_put;
}

void mem_release(struct mem *m)
{
	for (size_t i = 0; i < m->npages; i++) {
		struct mem_page *k = &m->pages[i];
		free(k->url);
		free(k->final_url);
		free(k->content_type);
		free(k->charset);
		free(k->published);
		free(k->title);
		free(k->warc_file);
	}
	for (size_t i = 0; i < m->nkv; i++) {
		free(m->kv[i].table);
		free(m->kv[i].key);
		free(m->kv[i].val);
	}
	memset(m, 0, sizeof *m);
}

const struct mem_page *mem_page(const struct mem *m, const char *url)
{
	for (size_t i = 0; i < m->npages; i++)
		if (strcmp(m->pages[i].url, url) == 0)
			return &m->pages[i];
	return NULL;
}

unsigned mem_count_suffix(const struct mem *m, const char *suffix)
{
	unsigned n = 0;
	size_t sl = strlen(suffix);

	for (size_t i = 0; i < m->npages; i++) {
		size_t ul = strlen(m->pages[i].url);
		n += ul >= sl && strcmp(m->pages[i].url + ul - sl, suffix) == 0;
	}
	return n;
}

void test_opts(struct assay_crawl_opts *o)
{
	assay_crawl_opts_init(o);
	o->allow_private = true;
	o->delay = 0.05;
	o->connect_timeout = 2;
	o->timeout = 5;
	o->low_speed_bytes = 100;
	o->low_speed_secs = 1;
	o->max_body = 1u << 20;
	o->retry_base = 0.05;
	o->max_retries = 2;
	o->max_retry_after = 5;
	o->since_days = 0;
}
