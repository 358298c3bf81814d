/* utf8.h - UTF-8 as every module reads it, on utf8proc: one definition
 * of a valid sequence (no overlong forms, no surrogates, nothing above
 * U+10FFFF), so the cleaner, the extractor and the web page never
 * disagree about which bytes are text. */
#ifndef ASSAY_UTF8_H
#define ASSAY_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at @s, looking at no more than @n
 * bytes: 1 to 4, or 0 when the bytes there are not UTF-8 (or @n is 0).
 * A NUL byte is a sequence of length 1. */
size_t assay_utf8_len(const char *s, size_t n);

/* True when the @n bytes at @s start with an upper-case letter (Unicode
 * category Lu): "Québec", "Øresund", not "3M", "iPhone" or bytes that are
 * not UTF-8. */
bool assay_utf8_upper(const char *s, size_t n);

struct assay_buf;

/* Appends the @n bytes at @s to @out with every byte that starts no valid
 * sequence, and every NUL, replaced by U+FFFD, so the result is text any
 * JSON writer takes whole. ASSAY_OK or ASSAY_ENOMEM. */
int assay_utf8_repair(const char *s, size_t n, struct assay_buf *out);

/* Appends the @n bytes at @s to @out fit for a terminal or a log line:
 * control characters (C0 but for a kept newline, DEL, C1) and the bidi
 * controls that reorder what follows (U+200E/F, U+202A-E, U+2066-9) are
 * written as visible escapes ("\x1b", "\u009b", "\u202e"), and bytes that
 * are not UTF-8 as "\xHH"; everything else is copied. Text from outside
 * (pages, servers, requests) never moves the cursor, retitles a window or
 * flips a line. ASSAY_OK or ASSAY_ENOMEM. */
int assay_utf8_printable(const char *s, size_t n, bool keep_newline, struct assay_buf *out);

#endif
