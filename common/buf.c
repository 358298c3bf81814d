/* buf.c - growable byte buffer. Capacity doubles, so appends are amortised
 * O(1); data is kept NUL-terminated so it can be used as a C string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "buf.h"

void assay_buf_init(struct assay_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void assay_buf_release(struct assay_buf *b)
{
	free(b->data);
	assay_buf_init(b);
}

void assay_buf_reset(struct assay_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

int assay_buf_reserve(struct assay_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > (size_t)-1 - b->len - 1)
		return ASSAY_ENOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return ASSAY_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	p = realloc(b->data, cap);
	if (!p)
		return ASSAY_ENOMEM;
	b->data = p;
	b->cap = cap;
	return ASSAY_OK;
}

int assay_buf_append(struct assay_buf *b, const void *p, size_t n)
{
	if (assay_buf_reserve(b, n) != ASSAY_OK)
		return ASSAY_ENOMEM;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	ASSAY_ASSERT(b->len < b->cap); /* room for the NUL after len */
	b->data[b->len] = '\0';
	return ASSAY_OK;
}

int assay_buf_puts(struct assay_buf *b, const char *s)
{
	return assay_buf_append(b, s, strlen(s));
}

int assay_buf_putc(struct assay_buf *b, char c)
{
	return assay_buf_append(b, &c, 1);
}

int assay_buf_vprintf(struct assay_buf *b, const char *fmt, va_list ap)
{
	size_t room = b->data ? b->cap - b->len : 0;
	va_list cp;
	int n;

	/* Once into the room there is (one formatting, not two, when it
	 * fits); again with room made when it did not. */
	va_copy(cp, ap);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n < room) {
		b->len += (size_t)n;
		return ASSAY_OK;
	}
	if (room)
		b->data[b->len] = '\0'; /* what did not fit is no part of it */
	if (n < 0)
		return ASSAY_EINVAL;
	if (assay_buf_reserve(b, (size_t)n) != ASSAY_OK)
		return ASSAY_ENOMEM;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return ASSAY_OK;
}

int assay_buf_printf(struct assay_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = assay_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *assay_buf_steal(struct assay_buf *b)
{
	char *p = b->data;

	if (!p)
		return strdup("");
	assay_buf_init(b);
	return p;
}
