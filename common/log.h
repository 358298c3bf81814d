/* log.h - diagnostics on stderr in the form "assay: <what>: <why>".
 *
 * Verbosity is process-wide: 0 quiet (errors only), 1 normal, 2 verbose. */
#ifndef ASSAY_LOG_H
#define ASSAY_LOG_H

extern int assay_log_level;

void assay_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assay_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
