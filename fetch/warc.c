/* warc.c - WARC/1.1 writer (request + response records, one gzip member
 * each) and the matching writer side of digests.
 *
 * Bodies reach us decoded (curl undoes gzip/br/chunking), so a response
 * record stores the headers without Content-Encoding, Transfer-Encoding
 * and the old Content-Length, plus a Content-Length of the decoded body:
 * the record says what its block really holds. The reader is in
 * warc_read.c. */
#include <fcntl.h>
#include <stdbool.h>
#include <nettle/sha1.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "assay.h"
#include "buf.h"
#include "warc.h"

struct assay_warc_writer {
	FILE *f;
};

void assay_warc_sha1_base32(const void *p, size_t len, char out[33])
{
	static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	struct sha1_ctx ctx;
	uint8_t d[SHA1_DIGEST_SIZE];
	unsigned bits = 0, acc = 0, o = 0;

	sha1_init(&ctx);
	sha1_update(&ctx, len, p);
	sha1_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		acc = (acc << 8) | d[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = alpha[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	out[o] = 0; /* 160 bits = 32 characters exactly */
}

static void record_id(char out[64])
{
	unsigned char u[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0 || read(fd, u, sizeof u) != (ssize_t)sizeof u)
		for (size_t i = 0; i < sizeof u; i++)
			u[i] = (unsigned char)rand();
	if (fd >= 0)
		close(fd);
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	snprintf(out, 64,
		 "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
}

static void warc_date(int64_t when, char out[32])
{
	time_t t = (time_t)when;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Compresses @rec as one gzip member and appends it. */
static int write_member(struct assay_warc_writer *w, const struct assay_buf *rec)
{
	z_stream zs;
	unsigned char out[65536];
	int zrc, rc = ASSAY_OK;

	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return ASSAY_ENOMEM;
	zs.next_in = (unsigned char *)rec->data;
	zs.avail_in = (uInt)rec->len;
	do {
		zs.next_out = out;
		zs.avail_out = sizeof out;
		zrc = deflate(&zs, Z_FINISH);
		if (fwrite(out, 1, sizeof out - zs.avail_out, w->f) != sizeof out - zs.avail_out) {
			rc = ASSAY_EIO;
			break;
		}
	} while (zrc == Z_OK);
	if (!rc && zrc != Z_STREAM_END)
		rc = ASSAY_EIO;
	deflateEnd(&zs);
	return rc;
}

struct rec_head {
	const char *type, *url, *ip, *content_type, *concurrent;
	int64_t when;
	char id[64];
};

static int build_record(struct assay_buf *rec, const struct rec_head *h, const void *block,
			size_t block_len, const char *payload_digest)
{
	char date[32], bd[33];

	warc_date(h->when, date);
	assay_warc_sha1_base32(block, block_len, bd);
	if (assay_buf_printf(rec, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Date: %s\r\n",
			     h->type, h->id, date))
		return ASSAY_ENOMEM;
	if (h->url && assay_buf_printf(rec, "WARC-Target-URI: %s\r\n", h->url))
		return ASSAY_ENOMEM;
	if (h->ip && *h->ip && assay_buf_printf(rec, "WARC-IP-Address: %s\r\n", h->ip))
		return ASSAY_ENOMEM;
	if (h->concurrent && assay_buf_printf(rec, "WARC-Concurrent-To: %s\r\n", h->concurrent))
		return ASSAY_ENOMEM;
	if (payload_digest && assay_buf_printf(rec, "WARC-Payload-Digest: sha1:%s\r\n", payload_digest))
		return ASSAY_ENOMEM;
	if (assay_buf_printf(rec, "WARC-Block-Digest: sha1:%s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
			     bd, h->content_type, block_len) ||
	    assay_buf_append(rec, block, block_len) || assay_buf_puts(rec, "\r\n\r\n"))
		return ASSAY_ENOMEM;
	return ASSAY_OK;
}

static int write_record(struct assay_warc_writer *w, const struct rec_head *h, const void *block,
			size_t block_len, const char *payload_digest)
{
	struct assay_buf rec = {0};
	int rc = build_record(&rec, h, block, block_len, payload_digest);

	if (!rc)
		rc = write_member(w, &rec);
	assay_buf_release(&rec);
	return rc;
}

int assay_warc_writer_open(const char *path, struct assay_warc_writer **out)
{
	struct assay_warc_writer *w = calloc(1, sizeof *w);
	struct rec_head h = {.type = "warcinfo", .content_type = "application/warc-fields"};
	static const char info[] = "software: assay/" ASSAY_VERSION "\r\nformat: WARC File Format 1.1\r\n";
	struct stat st;
	int rc = ASSAY_OK;

	*out = NULL;
	if (!w)
		return ASSAY_ENOMEM;
	if (!(w->f = fopen(path, "ab"))) {
		free(w);
		return ASSAY_EIO;
	}
	if (fstat(fileno(w->f), &st) == 0 && st.st_size == 0) {
		h.when = (int64_t)time(NULL);
		record_id(h.id);
		rc = write_record(w, &h, info, sizeof info - 1, NULL);
	}
	if (rc || fflush(w->f) != 0) {
		assay_warc_writer_close(w);
		return rc ? rc : ASSAY_EIO;
	}
	*out = w;
	return ASSAY_OK;
}

void assay_warc_writer_close(struct assay_warc_writer *w)
{
	if (!w)
		return;
	if (w->f)
		fclose(w->f);
	free(w);
}

static bool dropped_header(const char *line, size_t n)
{
	static const char *const names[] = {"content-encoding:", "transfer-encoding:",
					     "content-length:"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (n >= strlen(names[i]) && strncasecmp(line, names[i], strlen(names[i])) == 0)
			return true;
	return false;
}

/* The response headers as they describe the decoded body, then the body. */
static int response_block(struct assay_buf *b, const char *hdr, size_t hlen, const void *body,
			  size_t blen)
{
	const char *p = hdr, *end = hdr + hlen;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);

		if (n <= 2 && (*p == '\r' || *p == '\n'))
			break; /* the blank line: headers end */
		if (!dropped_header(p, n) && assay_buf_append(b, p, n))
			return ASSAY_ENOMEM;
		p += n;
	}
	if (assay_buf_printf(b, "Content-Length: %zu\r\n\r\n", blen) || assay_buf_append(b, body, blen))
		return ASSAY_ENOMEM;
	return ASSAY_OK;
}

int assay_warc_write_exchange(struct assay_warc_writer *w, const char *url, const char *ip,
			      int64_t when, const char *req_hdr, size_t req_len,
			      const char *resp_hdr, size_t resp_len, const void *body,
			      size_t body_len, int64_t *offset)
{
	struct rec_head resp = {.type = "response", .url = url, .ip = ip, .when = when,
				.content_type = "application/http;msgtype=response"};
	struct rec_head req = {.type = "request", .url = url, .when = when,
			       .content_type = "application/http;msgtype=request"};
	struct assay_buf block = {0};
	char pd[33];
	off_t off;
	int rc;

	record_id(resp.id);
	record_id(req.id);
	req.concurrent = resp.id;
	if (!body)
		body = "";
	if ((rc = response_block(&block, resp_hdr ? resp_hdr : "", resp_hdr ? resp_len : 0, body,
				 body_len)))
		goto fail;
	assay_warc_sha1_base32(body, body_len, pd);
	fflush(w->f);
	off = ftello(w->f);
	if ((rc = write_record(w, &resp, block.data, block.len, pd)))
		goto fail;
	if (req_hdr && req_len && (rc = write_record(w, &req, req_hdr, req_len, NULL)))
		goto fail;
	if (fflush(w->f) != 0) {
		rc = ASSAY_EIO;
		goto fail;
	}
	if (offset)
		*offset = (int64_t)off;
fail:
	assay_buf_release(&block);
	return rc;
}
