/* str.c - string copies that report truncation (see str.h). */
#include <string.h>

#include "str.h"

bool assay_copy(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	bool fits = n < cap;

	if (!cap)
		return false; /* not even the terminator fits */
	if (!fits)
		n = cap - 1;
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
	return fits;
}
