/* rec.c - encoding and decoding of store records (see rec.h).
 *
 * Readers never trust a record: every get checks the bytes left first. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "rec.h"

#define REC_NULL 0xffffffffu

int rec_put_mem(struct assay_buf *b, const void *p, size_t n)
{
	uint32_t len = p ? (uint32_t)n : REC_NULL;
	int rc;

	if (p && n >= REC_NULL)
		return ASSAY_ETOOBIG;
	rc = assay_buf_reserve(b, sizeof len + (p ? n : 0));
	if (rc)
		return rc;
	assay_buf_append(b, &len, sizeof len);
	if (p && n)
		assay_buf_append(b, p, n);
	return ASSAY_OK;
}

int rec_put_str(struct assay_buf *b, const char *s)
{
	return rec_put_mem(b, s, s ? strlen(s) : 0);
}

int rec_put_i64(struct assay_buf *b, int64_t v)
{
	return assay_buf_append(b, &v, sizeof v);
}

int rec_put_f64(struct assay_buf *b, double v)
{
	return assay_buf_append(b, &v, sizeof v);
}

void rec_init(struct rec_r *r, const void *p, size_t n)
{
	r->p = p;
	r->end = r->p + n;
	r->bad = false;
}

bool rec_at_end(const struct rec_r *r)
{
	return r->p >= r->end;
}

static bool take(struct rec_r *r, void *dst, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		memset(dst, 0, n);
		return false;
	}
	memcpy(dst, r->p, n);
	r->p += n;
	return true;
}

const char *rec_get_mem(struct rec_r *r, size_t *n)
{
	uint32_t len;
	const char *s;

	*n = 0;
	if (!take(r, &len, sizeof len) || len == REC_NULL)
		return NULL;
	if ((size_t)(r->end - r->p) < len) {
		r->bad = true;
		return NULL;
	}
	s = (const char *)r->p;
	r->p += len;
	*n = len;
	return s;
}

void rec_get_str(struct rec_r *r, char *dst, size_t size)
{
	size_t n;
	const char *s = rec_get_mem(r, &n);

	if (!size)
		return;
	if (n >= size)
		n = size - 1;
	if (s && n)
		memcpy(dst, s, n);
	dst[s ? n : 0] = '\0';
}

char *rec_get_dup(struct rec_r *r, bool *oom)
{
	size_t n;
	const char *s = rec_get_mem(r, &n);
	char *d;

	if (!s)
		return NULL;
	d = malloc(n + 1);
	if (!d) {
		*oom = true;
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

int64_t rec_get_i64(struct rec_r *r)
{
	int64_t v;

	take(r, &v, sizeof v);
	return v;
}

double rec_get_f64(struct rec_r *r)
{
	double v;

	take(r, &v, sizeof v);
	return v;
}

void rec_be64(unsigned char out[8], uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		out[i] = (unsigned char)(v & 0xff);
}

uint64_t rec_from_be64(const unsigned char in[8])
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | in[i];
	return v;
}
