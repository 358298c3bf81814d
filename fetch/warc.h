/* warc.h - WARC/1.1 files: written by the crawler (--warc), read back by
 * `assay ingest` (and so Common Crawl's news archive can be back-filled).
 *
 * Writing: every exchange becomes a request record and a response record,
 * each its own gzip member, so a reader can seek to any record's offset
 * and inflate just that member. Reading accepts .warc and .warc.gz (one
 * member per record, or one member for the whole file). */
#ifndef ASSAY_WARC_H
#define ASSAY_WARC_H

#include <stddef.h>
#include <stdint.h>

struct assay_warc_writer;

/* Opens @path for appending (created when missing); a new file starts
 * with a warcinfo record. */
int assay_warc_writer_open(const char *path, struct assay_warc_writer **out);
void assay_warc_writer_close(struct assay_warc_writer *w); /* accepts NULL */

/* Writes a request record (when @req_hdr is given) and a response record
 * whose block is @resp_hdr followed by @body. @offset receives the
 * response record's offset in the file. Transfer and content encodings
 * are already undone in @body, so the stored headers drop
 * Content-Encoding and Transfer-Encoding and get the real Content-Length. */
int assay_warc_write_exchange(struct assay_warc_writer *w, const char *url, const char *ip,
			      int64_t when, const char *req_hdr, size_t req_len,
			      const char *resp_hdr, size_t resp_len, const void *body,
			      size_t body_len, int64_t *offset);

/* One record, borrowed for the length of the callback. */
struct assay_warc_record {
	const char *type;          /* "response", "resource", "request", ... */
	const char *target_uri;    /* or NULL */
	const char *date;          /* WARC-Date, or NULL */
	int64_t offset;            /* where the record (its gzip member) starts */
	const char *block;         /* the record's content block */
	size_t block_len;
	/* For response records holding HTTP: the parsed status and payload. */
	int http_status;           /* 0 when not an HTTP response */
	const char *content_type;  /* the HTTP Content-Type, or NULL */
	const char *payload;       /* the HTTP body (or the block for resources) */
	size_t payload_len;
};

/* Calls @cb for each record of @path, in order; a non-zero return from
 * @cb stops the walk and is returned. Records over @max_record bytes, and
 * damaged ones (reading goes on at the next "WARC/" line, or the next
 * gzip member), are skipped and counted in *@unread (may be NULL).
 * ASSAY_EPARSE when not one record could be read: not a WARC file. */
int assay_warc_read(const char *path, size_t max_record,
		    int (*cb)(void *ctx, const struct assay_warc_record *rec), void *ctx,
		    unsigned *unread);

struct assay_page;

/* For `assay ingest`: hands every page-like record of @path to @on_page -
 * responses with status 2xx and an HTML/XHTML/XML content type (or none),
 * and resource records, for http(s) target URIs - as an assay_page whose url is the
 * WARC-Target-URI, warc_file @path and warc_offset the record's offset.
 * Every record is counted in @n, none skipped silently.
 * Returns ASSAY_OK, or the reading error. */
struct assay_warc_counts {
	unsigned pages;   /* handed to @on_page, which took them */
	unsigned failed;  /* handed to @on_page, which refused them */
	unsigned skipped; /* not pages: requests, metadata, redirects, errors, images */
	unsigned damaged; /* unreadable (damaged, cut short or oversized) */
};
int assay_warc_pages(const char *path, int (*on_page)(void *ctx, const struct assay_page *page),
		     void *ctx, struct assay_warc_counts *n);

/* The SHA-1 of @p in base32, as WARC digests write it (33 bytes). */
void assay_warc_sha1_base32(const void *p, size_t len, char out[33]);

#endif
