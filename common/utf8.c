/* utf8.c - one UTF-8 sequence at a time, by utf8proc_iterate() (see
 * utf8.h); utf8proc refuses overlong forms, surrogates and code points
 * above U+10FFFF. */
#include <utf8proc.h>

#include "assay.h"
#include "buf.h"
#include "utf8.h"

bool assay_utf8_upper(const char *s, size_t n)
{
	utf8proc_int32_t cp;

	if (!n)
		return false;
	if ((unsigned char)s[0] < 0x80)
		return s[0] >= 'A' && s[0] <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) < 0)
		return false;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

size_t assay_utf8_len(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (!n)
		return 0;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, n > 4 ? 4 : (utf8proc_ssize_t)n, &cp);
	return k > 0 ? (size_t)k : 0;
}

int assay_utf8_repair(const char *s, size_t n, struct assay_buf *out)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t i = 0, run = 0;

	if (assay_buf_reserve(out, n) != ASSAY_OK)
		return ASSAY_ENOMEM;
	while (i < n) {
		size_t k = s[i] ? assay_utf8_len(s + i, n - i) : 0;

		if (k) {
			i += k;
			continue;
		}
		if (assay_buf_append(out, s + run, i - run) != ASSAY_OK ||
		    assay_buf_append(out, fffd, 3) != ASSAY_OK)
			return ASSAY_ENOMEM;
		run = ++i;
	}
	return assay_buf_append(out, s + run, n - run);
}

static bool unprintable(utf8proc_int32_t cp, bool keep_newline)
{
	if (cp == '\n')
		return !keep_newline;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int assay_utf8_printable(const char *s, size_t n, bool keep_newline, struct assay_buf *out)
{
	size_t i = 0, run = 0;

	if (assay_buf_reserve(out, n) != ASSAY_OK)
		return ASSAY_ENOMEM;
	while (i < n) {
		utf8proc_int32_t cp = -1;
		size_t k = assay_utf8_len(s + i, n - i);
		int rc;

		if (k)
			utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)k, &cp);
		if (k && !unprintable(cp, keep_newline)) {
			i += k;
			continue;
		}
		rc = assay_buf_append(out, s + run, i - run);
		if (!rc && !k)
			rc = assay_buf_printf(out, "\\x%02x", (unsigned char)s[i]);
		else if (!rc)
			rc = assay_buf_printf(out, cp < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
		if (rc)
			return ASSAY_ENOMEM;
		i += k ? k : 1;
		run = i;
	}
	return assay_buf_append(out, s + run, n - run);
}
