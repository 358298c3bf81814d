/* warc_read.c - walks the records of a .warc or .warc.gz file.
 *
 * Gzip files are inflated member by member, and a record's offset is the
 * file offset of the gzip member its header starts in: exactly the
 * record's own member in files written one member per record (ours,
 * Common Crawl's). Memory stays bounded: a record over the size limit is
 * skipped as it streams past, never buffered whole.
 *
 * Read as the well-known readers read what writers get wrong: header
 * lines may end in LF or CR CR LF; a response whose headers say chunked
 * but whose body is not is taken as it is; a damaged record (no WARC/
 * line, no Content-Length, a block that does not end where it says) is
 * counted and skipped, and reading goes on at the next line starting
 * "WARC/" - one bad record does not end the file. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

#include "array.h"
#include "assay.h"
#include "strs.h"
#include "buf.h"
#include "file.h"
#include "fetch.h"
#include "http.h"
#include "warc.h"

#define HEADER_MAX (64u << 10)

struct mark {
	size_t pos;     /* position in the pending buffer */
	int64_t offset; /* file offset of the member that produced it */
};

struct reader {
	struct assay_buf pending; /* inflated bytes not yet consumed */
	struct mark *marks;
	size_t nmarks, capmarks;
	bool gz;
	int64_t consumed;         /* plain files: bytes consumed before pending */
	size_t skip;              /* bytes of an oversized record still to drop */
	unsigned unread;          /* records damaged or oversized, skipped */
	unsigned good;            /* records read */
	bool resync;              /* looking for the next "WARC/" line */
	size_t max_record;
	int (*cb)(void *, const struct assay_warc_record *);
	void *ctx;
};

static int add_mark(struct reader *r, int64_t offset)
{
	if (assay_array_reserve(&r->marks, &r->capmarks, r->nmarks + 1, sizeof *r->marks))
		return ASSAY_ENOMEM;
	r->marks[r->nmarks++] = (struct mark){r->pending.len, offset};
	return ASSAY_OK;
}

static int64_t offset_at(const struct reader *r, size_t pos)
{
	int64_t off = 0;

	if (!r->gz)
		return r->consumed + (int64_t)pos;
	for (size_t i = 0; i < r->nmarks && r->marks[i].pos <= pos; i++)
		off = r->marks[i].offset;
	return off;
}

/* Drops @n consumed bytes from the front of the pending buffer. */
static void consume(struct reader *r, size_t n)
{
	size_t keep = 0;

	if (!n)
		return;
	memmove(r->pending.data, r->pending.data + n, r->pending.len - n);
	r->pending.len -= n;
	r->pending.data[r->pending.len] = 0;
	r->consumed += (int64_t)n;
	for (size_t i = 0; i < r->nmarks; i++) {
		if (r->marks[i].pos < n && i + 1 < r->nmarks && r->marks[i + 1].pos <= n)
			continue; /* wholly before the new start */
		r->marks[keep] = r->marks[i];
		r->marks[keep].pos = r->marks[i].pos > n ? r->marks[i].pos - n : 0;
		keep++;
	}
	r->nmarks = keep;
}

static const char *field(const char *h, size_t hlen, const char *name, size_t *vlen)
{
	size_t n = strlen(name);

	for (const char *p = h; p && p < h + hlen;) {
		const char *nl = memchr(p, '\n', (size_t)(h + hlen - p));
		if (!nl)
			break;
		if ((size_t)(nl - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1, *e = nl;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == '\r' || e[-1] == ' '))
				e--;
			*vlen = (size_t)(e - v);
			return v;
		}
		p = nl + 1;
	}
	return NULL;
}

static char *field_dup(const char *h, size_t hlen, const char *name)
{
	size_t n;
	const char *v = field(h, hlen, name, &n);

	return v ? strndup(v, n) : NULL;
}

/* The length of the header at @p up to and including its blank line,
 * lines ending in LF, CR LF or CR CR LF; 0 when not (yet) there. */
static size_t header_len(const char *p, size_t len)
{
	const char *s = p, *end = p + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s)), *e;

		if (!nl)
			return 0;
		for (e = s; e < nl && *e == '\r'; e++)
			;
		if (e == nl && s > p)
			return (size_t)(nl - p) + 1;
		s = nl + 1;
	}
	return 0;
}

/* Whether @p is chunked transfer coding, whole: size lines in hex, each
 * chunk that long, a last chunk of 0. Checked before dechunk() changes
 * anything, since writers often store the body already de-chunked. */
static bool is_chunked(const char *p, size_t len)
{
	size_t in = 0;

	for (;;) {
		char *end;
		const char *nl = memchr(p + in, '\n', len - in);
		unsigned long long n;

		if (!nl || !((p[in] >= '0' && p[in] <= '9') || (p[in] >= 'a' && p[in] <= 'f') ||
			     (p[in] >= 'A' && p[in] <= 'F')))
			return false;
		n = strtoull(p + in, &end, 16);
		if (end > nl || (*end != '\r' && *end != '\n' && *end != ';' && *end != ' '))
			return false;
		in = (size_t)(nl - p) + 1;
		if (n == 0)
			return true;
		if (n > len - in)
			return false;
		in += n;
		if (in < len && p[in] == '\r')
			in++;
		if (in >= len || p[in] != '\n')
			return false;
		in++;
	}
}

/* Undoes chunked transfer coding in place; false when malformed. */
static bool dechunk(char *p, size_t *len)
{
	size_t in = 0, out = 0;

	for (;;) {
		char *end;
		unsigned long n = strtoul(p + in, &end, 16);
		char *nl = memchr(p + in, '\n', *len - in);

		if (!nl || end == p + in)
			return false;
		in = (size_t)(nl - p) + 1;
		if (n == 0)
			break;
		if (n > *len - in)
			return false;
		memmove(p + out, p + in, n);
		out += n;
		in += n;
		if (in < *len && p[in] == '\r')
			in++;
		if (in < *len && p[in] == '\n')
			in++;
	}
	*len = out;
	return true;
}

/* An HTTP response block: status, Content-Type and the decoded body. */
static int http_payload(struct assay_warc_record *rec, char *block, size_t len,
			struct assay_buf *tmp, char **ctype)
{
	size_t hlen = header_len(block, len), plen, n;
	const char *te, *ce;
	char *payload;

	if (len < 12 || strncmp(block, "HTTP/", 5) != 0 || !hlen)
		return ASSAY_OK;
	rec->http_status = atoi(strchr(block, ' ') ? strchr(block, ' ') + 1 : "0");
	payload = block + hlen;
	plen = len - hlen;
	*ctype = field_dup(block, hlen, "content-type");
	rec->content_type = *ctype;
	te = field(block, hlen, "transfer-encoding", &n);
	if (te && n >= 7 && strncasecmp(te, "chunked", 7) == 0 && is_chunked(payload, plen) &&
	    !dechunk(payload, &plen))
		return ASSAY_EPARSE;
	ce = field(block, hlen, "content-encoding", &n);
	if ((ce && (strncasecmp(ce, "gzip", 4) == 0 || strncasecmp(ce, "deflate", 7) == 0)) ||
	    assay_is_gzip(payload, plen)) {
		int rc = assay_gunzip(payload, plen, 64u << 20, tmp);
		if (rc)
			return rc;
		payload = tmp->data ? tmp->data : "";
		plen = tmp->len;
	}
	rec->payload = payload;
	rec->payload_len = plen;
	return ASSAY_OK;
}

static int emit(struct reader *r, char *h, size_t hlen, char *block, size_t blen, int64_t off)
{
	struct assay_warc_record rec = {0};
	struct assay_buf tmp = {0};
	char *type = field_dup(h, hlen, "warc-type"), *uri = field_dup(h, hlen, "warc-target-uri");
	char *date = field_dup(h, hlen, "warc-date"), *ctype = NULL;
	int rc = ASSAY_OK;

	rec.type = type ? type : "";
	rec.target_uri = uri;
	/* Some writers wrap the URI in angle brackets (WARC/1.0 drafts). */
	if (uri && uri[0] == '<' && uri[strlen(uri) - 1] == '>') {
		uri[strlen(uri) - 1] = 0;
		rec.target_uri = uri + 1;
	}
	rec.date = date;
	rec.offset = off;
	rec.block = block;
	rec.block_len = blen;
	if (strcmp(rec.type, "response") == 0)
		rc = http_payload(&rec, block, blen, &tmp, &ctype);
	else if (strcmp(rec.type, "resource") == 0)
		rec.payload = block, rec.payload_len = blen;
	if (rc == ASSAY_OK || rc == ASSAY_EPARSE || rc == ASSAY_ETOOBIG)
		rc = r->cb(r->ctx, &rec);
	free(type);
	free(uri);
	free(date);
	free(ctype);
	assay_buf_release(&tmp);
	return rc;
}

/* Skips to the next line that starts "WARC/" after a damaged record;
 * false when more bytes are needed to find it. */
static bool resync(struct reader *r)
{
	const char *p = r->pending.data, *hit = NULL;
	size_t len = r->pending.len;

	for (size_t i = 1; i + 6 <= len && !hit; i++)
		if (p[i - 1] == '\n' && memcmp(p + i, "WARC/", 5) == 0)
			hit = p + i;
	if (!hit) {
		if (len > 6)
			consume(r, len - 6); /* keep what may be the start of "\nWARC/" */
		return false;
	}
	consume(r, (size_t)(hit - p));
	r->resync = false;
	return true;
}

static void damaged(struct reader *r)
{
	r->unread++;
	r->resync = true;
}

/* The length of the block a record's header @p (@hlen bytes) gives,
 * into *clen; false when it gives none or one that cannot be. */
static bool block_len(const char *p, size_t hlen, size_t *clen)
{
	size_t n;
	const char *cl = field(p, hlen, "content-length", &n);

	/* Digits only: strtoull would read an empty value's next line,
	 * "-48" as 2^64 - 48, and hlen + that wraps to 0: no progress. */
	if (!cl || !n || *cl < '0' || *cl > '9')
		return false;
	*clen = strtoull(cl, NULL, 10);
	return *clen <= SIZE_MAX - hlen;
}

/* Takes every complete record off the front of the pending buffer. */
static int drain(struct reader *r, bool at_end)
{
	for (;;) {
		char *p = r->pending.data;
		size_t len = r->pending.len, hlen, clen, total, n;

		if (r->skip) {
			n = r->skip < len ? r->skip : len;
			r->skip -= n;
			consume(r, n);
			if (r->skip)
				return ASSAY_OK;
			continue;
		}
		if (r->resync && !resync(r)) {
			if (at_end)
				consume(r, r->pending.len);
			return ASSAY_OK;
		}
		p = r->pending.data, len = r->pending.len;
		while (len && (*p == '\r' || *p == '\n'))
			consume(r, 1), p = r->pending.data, len = r->pending.len;
		if (!len)
			return ASSAY_OK;
		if (len < 5 && !at_end)
			return ASSAY_OK;
		if (strncmp(p, "WARC/", len < 5 ? len : 5) != 0 || len < 5) {
			damaged(r);
			continue;
		}
		hlen = header_len(p, len < HEADER_MAX ? len : HEADER_MAX);
		if (!hlen) {
			if (len >= HEADER_MAX || at_end)
				damaged(r);
			if (len >= HEADER_MAX || at_end)
				continue;
			return ASSAY_OK;
		}
		if (!block_len(p, hlen, &clen)) {
			damaged(r);
			continue;
		}
		total = hlen + clen;
		if (clen > r->max_record) {
			r->unread++;
			r->skip = total;
			continue;
		}
		if (len < total) {
			if (!at_end)
				return ASSAY_OK;
			damaged(r); /* cut short */
			continue;
		}
		/* A block must end where its header says: the next record, or
		 * the blank lines between, follow. Otherwise the length lies. */
		if (len > total && p[total] != '\r' && p[total] != '\n' &&
		    strncmp(p + total, "WARC/", len - total < 5 ? len - total : 5) != 0) {
			damaged(r);
			continue;
		}
		r->good++;
		int rc = emit(r, p, hlen, p + hlen, clen, offset_at(r, 0));
		if (rc)
			return rc;
		consume(r, total);
	}
}

static int feed_plain(struct reader *r, FILE *f)
{
	char chunk[65536];
	size_t n;
	int rc = ASSAY_OK;

	while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (!(rc = assay_buf_append(&r->pending, chunk, n)))
			rc = drain(r, false);
	return rc ? rc : drain(r, true);
}

/* Moves zs->next_in to the next gzip member header (1f 8b 08) after the
 * current byte, reading on as needed; false at the end of the file. */
static bool next_member(z_stream *zs, FILE *f, unsigned char *in, size_t cap, int64_t *in_off)
{
	bool first = true;

	for (;;) {
		for (uInt i = first ? 1 : 0; i + 3 <= zs->avail_in; i++)
			if (zs->next_in[i] == 0x1f && zs->next_in[i + 1] == 0x8b &&
			    zs->next_in[i + 2] == 8) {
				zs->next_in += i;
				zs->avail_in -= i;
				*in_off += i;
				return true;
			}
		/* Keep the last two bytes: a header may span two reads. */
		size_t keep = zs->avail_in < 2 ? zs->avail_in : 2, n;
		*in_off += zs->avail_in - keep;
		memmove(in, zs->next_in + zs->avail_in - keep, keep);
		n = fread(in + keep, 1, cap - keep, f);
		if (n == 0)
			return false;
		zs->next_in = in;
		zs->avail_in = (uInt)(keep + n);
		first = false;
	}
}

static int feed_gz(struct reader *r, FILE *f)
{
	unsigned char in[65536], out[65536];
	z_stream zs;
	int64_t in_off = 0; /* file offset of zs.next_in */
	bool new_member = true;
	int zrc = Z_OK, rc = ASSAY_OK;

	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, 15 + 16) != Z_OK)
		return ASSAY_ENOMEM;
	while (!rc) {
		if (zs.avail_in == 0) {
			size_t n = fread(in, 1, sizeof in, f);
			if (n == 0)
				break;
			zs.next_in = in;
			zs.avail_in = (uInt)n;
		}
		if (new_member) {
			rc = add_mark(r, in_off);
			new_member = false;
		}
		zs.next_out = out;
		zs.avail_out = sizeof out;
		uInt before = zs.avail_in;
		zrc = inflate(&zs, Z_NO_FLUSH);
		in_off += before - zs.avail_in;
		if (zrc == Z_MEM_ERROR) {
			rc = ASSAY_ENOMEM;
			break;
		}
		if (zrc != Z_OK && zrc != Z_STREAM_END && zrc != Z_BUF_ERROR) {
			/* A damaged member: the record it held is lost (the
			 * part inflated so far is dropped); go on at the next
			 * gzip member. */
			r->unread++;
			r->resync = false;
			consume(r, r->pending.len);
			if (!next_member(&zs, f, in, sizeof in, &in_off)) {
				rc = drain(r, false);
				break;
			}
			inflateReset(&zs);
			new_member = true;
			continue;
		}
		if (!rc && sizeof out - zs.avail_out)
			rc = assay_buf_append(&r->pending, out, sizeof out - zs.avail_out);
		if (!rc)
			rc = drain(r, false);
		if (zrc == Z_STREAM_END) {
			inflateReset(&zs);
			new_member = true;
		}
	}
	inflateEnd(&zs);
	return rc ? rc : drain(r, true);
}

int assay_warc_read(const char *path, size_t max_record,
		    int (*cb)(void *ctx, const struct assay_warc_record *rec), void *ctx,
		    unsigned *unread)
{
	struct reader r = {.max_record = max_record, .cb = cb, .ctx = ctx};
	unsigned char magic[2] = {0};
	FILE *f = fopen(path, "rb");
	int rc;

	if (!f)
		return ASSAY_ENOTFOUND;
	r.gz = fread(magic, 1, 2, f) == 2 && assay_is_gzip(magic, 2);
	rewind(f);
	rc = r.gz ? feed_gz(&r, f) : feed_plain(&r, f);
	if (!rc && ferror(f))
		rc = ASSAY_EIO;
	if (!rc && !r.good && r.unread)
		rc = ASSAY_EPARSE; /* not one record: not a WARC file */
	if (unread)
		*unread = r.unread;
	fclose(f);
	assay_buf_release(&r.pending);
	free(r.marks);
	return rc;
}

struct pages_ctx {
	const char *path;
	int (*on_page)(void *, const struct assay_page *);
	void *ctx;
	struct assay_warc_counts *n;
};
static bool page_type(const char *ct)
{
	static const char *const types[] = {"text/html", "application/xhtml+xml", "text/xml",
					    "application/xml", NULL};

	if (!ct || !*ct)
		return true;
	for (const char *const *t = types; *t; t++)
		if (strncasecmp(ct, *t, strlen(*t)) == 0)
			return true;
	return false;
}

/* "2024-10-16T07:42:18Z" as unix seconds; 0 when unreadable. */
static int64_t warc_time(const char *d)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (!d || sscanf(d, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
			 &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

static int page_record(void *ctx, const struct assay_warc_record *r)
{
	struct pages_ctx *pc = ctx;
	struct assay_page pg;
	char *charset;
	bool response = strcmp(r->type, "response") == 0;

	if (response && r->block_len && !r->payload) {
		pc->n->damaged++; /* an HTTP message that cannot be read */
		return 0;
	}
	if (!r->target_uri || !r->payload ||
	    (strncasecmp(r->target_uri, "http://", 7) != 0 &&
	     strncasecmp(r->target_uri, "https://", 8) != 0) ||
	    !(strcmp(r->type, "resource") == 0 ||
	      (response && r->http_status >= 200 && r->http_status < 300 && page_type(r->content_type)))) {
		pc->n->skipped++;
		return 0;
	}
	memset(&pg, 0, sizeof pg);
	pg.url = pg.final_url = r->target_uri;
	pg.content_type = r->content_type;
	pg.charset = charset = fetch_charset_of(r->content_type);
	pg.body = r->payload;
	pg.len = r->payload_len;
	pg.fetched_at = warc_time(r->date);
	pg.warc_file = pc->path;
	pg.warc_offset = r->offset;
	if (pc->on_page(pc->ctx, &pg) == ASSAY_OK)
		pc->n->pages++;
	else
		pc->n->failed++;
	free(charset);
	return 0;
}

int assay_warc_pages(const char *path, int (*on_page)(void *ctx, const struct assay_page *page),
		     void *ctx, struct assay_warc_counts *n)
{
	struct pages_ctx pc = {path, on_page, ctx, n};
	unsigned unread = 0;
	int rc;

	memset(n, 0, sizeof *n);
	rc = assay_warc_read(path, 64u << 20, page_record, &pc, &unread);
	n->damaged += unread;
	return rc;
}
