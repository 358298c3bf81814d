/* file.h - reading whole inputs: files, gzip files and standard input.
 *
 * Gzip input is detected by its magic bytes, not its name, and inflated
 * transparently. A limit protects against decompression bombs. */
#ifndef ASSAY_FILE_H
#define ASSAY_FILE_H

#include <stddef.h>
#include "buf.h"

#define ASSAY_FILE_MAX_DEFAULT (64u << 20) /* 64 MiB after inflation */

/* Reads all of @path ("-" for standard input) into @out (appending).
 * Returns ASSAY_OK, ASSAY_ENOTFOUND, ASSAY_EIO (errno set), ASSAY_ETOOBIG
 * when the (inflated) content exceeds @max, or ASSAY_ENOMEM. */
int assay_read_file(const char *path, size_t max, struct assay_buf *out);

/* Inflates a gzip or zlib buffer into @out, at most @max bytes.
 * Returns ASSAY_OK, ASSAY_EPARSE, ASSAY_ETOOBIG or ASSAY_ENOMEM. */
int assay_gunzip(const void *in, size_t len, size_t max, struct assay_buf *out);

/* True when the buffer starts with the gzip magic bytes. */
_Bool assay_is_gzip(const void *p, size_t len);

#endif
