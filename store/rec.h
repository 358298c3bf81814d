/* rec.h - the byte layout of store records: a flat sequence of fields.
 *
 * A record is what LMDB keeps as a value. Strings are a 32-bit length and
 * the bytes (length 0xffffffff means NULL); integers are 64-bit and doubles
 * are their IEEE bits, all little-endian as written by this machine. A
 * reader that runs past the end sets `bad` and returns zeros, so a damaged
 * record is reported, never a crash. New fields go at the end of a record:
 * an older reader stops before them, a newer reader sees them missing. */
#ifndef ASSAY_STORE_REC_H
#define ASSAY_STORE_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct rec_r {
	const unsigned char *p, *end;
	bool bad;
};

int rec_put_str(struct assay_buf *b, const char *s);
int rec_put_mem(struct assay_buf *b, const void *p, size_t n);
int rec_put_i64(struct assay_buf *b, int64_t v);
int rec_put_f64(struct assay_buf *b, double v);

void rec_init(struct rec_r *r, const void *p, size_t n);
bool rec_at_end(const struct rec_r *r);
/* Points into the record; *n is the length; NULL for a NULL string. */
const char *rec_get_mem(struct rec_r *r, size_t *n);
/* Copies the string into @dst (truncated to fit, always terminated). */
void rec_get_str(struct rec_r *r, char *dst, size_t size);
/* Returns a new string (free() it), NULL for a NULL string or on ENOMEM
 * (then *oom is set). */
char *rec_get_dup(struct rec_r *r, bool *oom);
int64_t rec_get_i64(struct rec_r *r);
double rec_get_f64(struct rec_r *r);

/* A claim's key as claims and corrections store it: subject, metric,
 * commodity, period, status and place, in this order. @k points at any
 * struct with those char array fields (struct assay_claim, struct
 * assay_review_fix). REC_PUT_KEY writes them while @rc is 0 and leaves
 * the first error in @rc. */
#define REC_PUT_KEY(rc, b, k)                                                       \
	do {                                                                        \
		const char *key_[] = {(k)->subject, (k)->metric, (k)->commodity,    \
				      (k)->period,  (k)->status, (k)->place};       \
		for (size_t i_ = 0; i_ < sizeof key_ / sizeof key_[0] && !(rc); i_++) \
			(rc) = rec_put_str((b), key_[i_]);                          \
	} while (0)
#define REC_GET_KEY(r, k)                                                  \
	do {                                                               \
		rec_get_str((r), (k)->subject, sizeof (k)->subject);       \
		rec_get_str((r), (k)->metric, sizeof (k)->metric);         \
		rec_get_str((r), (k)->commodity, sizeof (k)->commodity);   \
		rec_get_str((r), (k)->period, sizeof (k)->period);         \
		rec_get_str((r), (k)->status, sizeof (k)->status);         \
		rec_get_str((r), (k)->place, sizeof (k)->place);           \
	} while (0)

/* Big-endian encoding for keys, so LMDB's byte order is numeric order. */
void rec_be64(unsigned char out[8], uint64_t v);
uint64_t rec_from_be64(const unsigned char in[8]);

#endif
