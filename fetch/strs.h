/* strs.h - the two string searches glibc keeps behind _GNU_SOURCE,
 * which this project does not define. Internal to fetch/. */
#ifndef ASSAY_FETCH_STRS_H
#define ASSAY_FETCH_STRS_H

#include <stddef.h>
#include <string.h>
#include <strings.h>

/* strcasestr(): the first case-insensitive match of @needle, or NULL. */
static inline const char *str_find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

/* memmem(). */
static inline const void *mem_find(const void *hay, size_t hlen, const void *needle, size_t nlen)
{
	const char *h = hay;

	if (nlen == 0)
		return hay;
	for (size_t i = 0; i + nlen <= hlen; i++)
		if (h[i] == *(const char *)needle && memcmp(h + i, needle, nlen) == 0)
			return h + i;
	return NULL;
}

#endif
