/* log.h - diagnostics on stderr in the form "assay: <what>: <why>".
 *
 * Verbosity is process-wide: 0 quiet (errors only), 1 normal, 2 verbose.
 * With a log file (--log FILE, for cron) every message of that verbosity
 * goes to the file, stamped with the time and process id, and stderr gets
 * errors only, so cron mails a run only when something is wrong. */
#ifndef ASSAY_LOG_H
#define ASSAY_LOG_H

extern int assay_log_level;

void assay_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Appends messages to @path from now on (created 0644 when missing).
 * Returns ASSAY_OK, or ASSAY_EIO with errno set. */
int assay_log_open(const char *path);
/* The log file's path, or NULL when messages go to stderr only. */
const char *assay_log_path(void);
void assay_log_close(void);

#endif
