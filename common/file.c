/* file.c - read whole inputs, inflating gzip by magic bytes.
 * Inflation is capped (@max) so a gzip bomb costs at most @max bytes. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "assay.h"
#include "file.h"

bool assay_is_gzip(const void *p, size_t len)
{
	const unsigned char *u = p;

	return len >= 2 && u[0] == 0x1f && u[1] == 0x8b;
}

int assay_gunzip(const void *in, size_t len, size_t max, struct assay_buf *out)
{
	z_stream zs;
	unsigned char chunk[65536];
	const unsigned char *src = in;
	size_t left = len, produced = 0;
	int zrc, rc = ASSAY_OK;

	memset(&zs, 0, sizeof zs);
	/* 15 + 32: accept gzip or zlib headers, detected automatically. */
	if (inflateInit2(&zs, 15 + 32) != Z_OK)
		return ASSAY_ENOMEM;
	for (;;) {
		size_t got;

		if (zs.avail_in == 0 && left) {
			size_t take = left > UINT_MAX ? UINT_MAX : left;
			zs.next_in = (unsigned char *)(uintptr_t)src;
			zs.avail_in = (unsigned)take;
			src += take;
			left -= take;
		}
		zs.next_out = chunk;
		zs.avail_out = sizeof chunk;
		zrc = inflate(&zs, Z_NO_FLUSH);
		got = sizeof chunk - zs.avail_out;
		produced += got;
		if (produced > max) {
			rc = ASSAY_ETOOBIG;
			break;
		}
		if (got && assay_buf_append(out, chunk, got) != ASSAY_OK) {
			rc = ASSAY_ENOMEM;
			break;
		}
		if (zrc == Z_STREAM_END) {
			/* Concatenated members (as in WARC files) go on. */
			if (zs.avail_in == 0 && left == 0)
				break;
			if (inflateReset(&zs) != Z_OK) {
				rc = ASSAY_EPARSE;
				break;
			}
			continue;
		}
		if (zrc == Z_BUF_ERROR && zs.avail_in == 0 && left == 0) {
			rc = ASSAY_EPARSE; /* truncated stream */
			break;
		}
		if (zrc != Z_OK && zrc != Z_BUF_ERROR) {
			rc = zrc == Z_MEM_ERROR ? ASSAY_ENOMEM : ASSAY_EPARSE;
			break;
		}
	}
	inflateEnd(&zs);
	return rc;
}

int assay_read_file(const char *path, size_t max, struct assay_buf *out)
{
	FILE *f;
	struct assay_buf raw;
	char chunk[65536];
	size_t n;
	int rc = ASSAY_OK;
	bool is_stdin = strcmp(path, "-") == 0;

	f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? ASSAY_ENOTFOUND : ASSAY_EIO;
	assay_buf_init(&raw);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (raw.len + n > max) {
			rc = ASSAY_ETOOBIG;
			break;
		}
		if (assay_buf_append(&raw, chunk, n) != ASSAY_OK) {
			rc = ASSAY_ENOMEM;
			break;
		}
	}
	if (rc == ASSAY_OK && ferror(f))
		rc = ASSAY_EIO;
	if (!is_stdin)
		fclose(f);
	if (rc == ASSAY_OK) {
		if (assay_is_gzip(raw.data, raw.len))
			rc = assay_gunzip(raw.data, raw.len, max, out);
		else
			rc = assay_buf_append(out, raw.data ? raw.data : "", raw.len);
	}
	assay_buf_release(&raw);
	return rc;
}
