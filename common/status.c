/* status.c - words for status codes, and process-wide logging. */
#include <stdarg.h>
#include <stdio.h>

#include "assay.h"
#include "log.h"

int assay_log_level = 1;

const char *assay_strerror(int code)
{
	switch (code) {
	case ASSAY_OK: return "ok";
	case ASSAY_ENOMEM: return "out of memory";
	case ASSAY_EIO: return "input/output error";
	case ASSAY_EINVAL: return "invalid argument or input";
	case ASSAY_ENOTFOUND: return "not found";
	case ASSAY_EPARSE: return "cannot parse input";
	case ASSAY_EBUSY: return "locked by another process";
	case ASSAY_ESCHEMA: return "store written by a newer assay";
	case ASSAY_ETOOBIG: return "input too large";
	case ASSAY_EFETCH: return "fetch failed";
	case ASSAY_EFULL: return "no space left";
	case ASSAY_EDENIED: return "refused by policy";
	case ASSAY_EEXIST: return "already exists";
	}
	return "unknown error";
}

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	fputs("assay: ", stderr);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

#define LOG_FN(name, level, prefix)                \
	void name(const char *fmt, ...)            \
	{                                          \
		va_list ap;                        \
		if (assay_log_level < (level))     \
			return;                    \
		va_start(ap, fmt);                 \
		vlog(prefix, fmt, ap);             \
		va_end(ap);                        \
	}

LOG_FN(assay_err, 0, NULL)
LOG_FN(assay_warn, 1, "warning: ")
LOG_FN(assay_info, 1, NULL)
LOG_FN(assay_debug, 2, NULL)
