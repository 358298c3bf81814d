/* utf8.c - one UTF-8 sequence at a time, by utf8proc_iterate() (see
 * utf8.h); utf8proc refuses overlong forms, surrogates and code points
 * above U+10FFFF. */
#include <utf8proc.h>

#include "utf8.h"

size_t assay_utf8_len(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (!n)
		return 0;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, n > 4 ? 4 : (utf8proc_ssize_t)n, &cp);
	return k > 0 ? (size_t)k : 0;
}
