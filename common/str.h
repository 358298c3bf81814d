/* str.h - copying a string into a fixed-size field, saying when it did
 * not fit.
 *
 * Records keep names, ids and figures in fixed arrays (char id[12]). A
 * copy that silently cuts the end can turn two different ids into one;
 * assay_copy() always terminates and returns false when it cut, so the
 * caller can refuse, count or accept the cut knowingly. */
#ifndef ASSAY_STR_H
#define ASSAY_STR_H

#include <stdbool.h>
#include <stddef.h>

/* Copies @src (NULL reads as "") into @dst of @cap bytes, terminated
 * when @cap > 0. True when all of @src fit; false when it was cut. */
bool assay_copy(char *dst, size_t cap, const char *src);

#endif
