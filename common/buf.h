/* buf.h - a growable byte buffer, always NUL-terminated after len.
 *
 * An assay_buf owns its data. Zero-initialised ({0}) is a valid empty
 * buffer; assay_buf_release() frees it and leaves it empty again. Appends
 * return ASSAY_OK or ASSAY_ENOMEM, and on failure the buffer is unchanged. */
#ifndef ASSAY_BUF_H
#define ASSAY_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct assay_buf {
	char *data; /* NULL while empty and never grown */
	size_t len;
	size_t cap;
};

void assay_buf_init(struct assay_buf *b);
void assay_buf_release(struct assay_buf *b);
void assay_buf_reset(struct assay_buf *b); /* len = 0, keeps capacity */
int assay_buf_reserve(struct assay_buf *b, size_t extra);
int assay_buf_append(struct assay_buf *b, const void *p, size_t n);
int assay_buf_puts(struct assay_buf *b, const char *s);
int assay_buf_putc(struct assay_buf *b, char c);
int assay_buf_printf(struct assay_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int assay_buf_vprintf(struct assay_buf *b, const char *fmt, va_list ap);
/* Hands the data to the caller (free() it) and leaves the buffer empty.
 * Returns "" (a new allocation) for an empty buffer; NULL on ENOMEM. */
char *assay_buf_steal(struct assay_buf *b);

#endif
