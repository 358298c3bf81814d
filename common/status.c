/* status.c - words for status codes, and process-wide logging.
 *
 * A log file gets each message as one line, written with one fwrite and
 * flushed, so the lines of two runs appending at once do not mix. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "buf.h"
#include "utf8.h"
#include "log.h"

int assay_log_level = 1;

#ifdef ASSAY_CHECKS
void assay_assert_fail(const char *file, int line, const char *cond)
{
	fprintf(stderr, "assay: %s:%d: invariant broken: %s\n", file, line, cond);
	abort();
}
#endif

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
	case ASSAY_EDAMAGED: return "the store is damaged";
	}
	return "unknown error";
}

static FILE *log_file;
static char *log_file_path;

int assay_log_open(const char *path)
{
	FILE *f = fopen(path, "a");
	char *copy = strdup(path);

	if (!f || !copy) {
		if (f)
			fclose(f);
		free(copy);
		return f ? ASSAY_ENOMEM : ASSAY_EIO;
	}
	assay_log_close();
	log_file = f;
	log_file_path = copy;
	return ASSAY_OK;
}

const char *assay_log_path(void)
{
	return log_file_path;
}

void assay_log_close(void)
{
	if (log_file)
		fclose(log_file);
	free(log_file_path);
	log_file = NULL;
	log_file_path = NULL;
}

/* "2026-12-07T01:10:00Z assay[123]: " then the message, in one write. */
static void log_line(const char *prefix, const char *msg)
{
	char line[2048];
	time_t now = time(NULL);
	struct tm tm;
	size_t n;
	int k;

	gmtime_r(&now, &tm);
	n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ", &tm);
	k = snprintf(line + n, sizeof line - n, " assay[%ld]: %s", (long)getpid(),
		     prefix ? prefix : "");
	n += k > 0 ? (size_t)k : 0;
	k = snprintf(line + n, sizeof line - n - 1, "%s", msg);
	n = k < 0 ? n : n + (size_t)k < sizeof line - 1 ? n + (size_t)k : sizeof line - 2;
	line[n++] = '\n';
	fwrite(line, 1, n, log_file);
	fflush(log_file);
}

/* A message may quote what came from outside (a URL a web page sent to
 * serve, a server's header, a page's title): its control characters are
 * escaped (assay_utf8_printable), so none moves the terminal's cursor or
 * forges a log line. */
static void vlog(int level, const char *prefix, const char *fmt, va_list ap)
{
	struct assay_buf raw = {0}, msg = {0};
	const char *text;

	if (assay_log_level < level)
		return;
	if (assay_buf_vprintf(&raw, fmt, ap) == ASSAY_OK && raw.data &&
	    assay_utf8_printable(raw.data, raw.len, false, &msg) == ASSAY_OK && msg.data)
		text = msg.data;
	else
		text = "(message lost: out of memory)";
	if (log_file)
		log_line(prefix ? prefix : level == 0 ? "error: " : NULL, text);
	if (!(log_file && level > 0)) { /* with a log, stderr gets errors only */
		fputs("assay: ", stderr);
		if (prefix)
			fputs(prefix, stderr);
		fputs(text, stderr);
		fputc('\n', stderr);
	}
	assay_buf_release(&raw);
	assay_buf_release(&msg);
}

#define LOG_FN(name, level, prefix)                \
	void name(const char *fmt, ...)            \
	{                                          \
		va_list ap;                        \
		va_start(ap, fmt);                 \
		vlog(level, prefix, fmt, ap);      \
		va_end(ap);                        \
	}

LOG_FN(assay_err, 0, NULL)
LOG_FN(assay_warn, 1, "warning: ")
LOG_FN(assay_info, 1, NULL)
LOG_FN(assay_debug, 2, NULL)
