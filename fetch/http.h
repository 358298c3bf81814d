/* http.h - transfers over one libcurl multi handle.
 *
 * This layer moves bytes and enforces the per-transfer limits (time, speed,
 * body size after decompression, protocols, private addresses, content
 * types). It never follows redirects: a 3xx comes back to the crawler,
 * which queues the target like any other URL, so robots.txt, politeness
 * and the protocol rules apply to every hop. Scheduling (which host, when)
 * is the crawler's job. Internal to fetch/. */
#ifndef ASSAY_FETCH_HTTP_H
#define ASSAY_FETCH_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct assay_http_limits {
	long connect_timeout_ms;  /* 10000 */
	long timeout_ms;          /* 30000, whole transfer */
	long low_speed_bytes;     /* abort below this many bytes/s ... (1024) */
	long low_speed_secs;      /* ... for this long (10) */
	size_t max_body;          /* after decompression (10 MB) */
	bool allow_private;       /* loopback, private, link-local addresses */
	bool keep_headers;        /* keep raw request/response headers (WARC) */
};

/* What a transfer may bring back: anything else is refused. */
enum assay_http_accept {
	ASSAY_ACCEPT_PAGE,   /* HTML, XHTML, XML */
	ASSAY_ACCEPT_SOURCE, /* HTML, XML, feeds, JSON feed, gzip (sitemaps) */
	ASSAY_ACCEPT_TEXT,   /* robots.txt: any text */
};

struct assay_http_req {
	/* Set by the caller before assay_http_start(); owned by the caller. */
	const char *url;
	const char *user_agent;
	const char *etag, *last_modified; /* validators for a conditional GET */
	bool allow_file;                  /* a file:// URL named by the user */
	bool allow_private;               /* this host may be private (private=yes) */
	enum assay_http_accept accept;
	void *user;

	/* Results, valid once the request is returned by assay_http_next(). */
	int rc;               /* ASSAY_OK, ASSAY_EFETCH, ASSAY_ETOOBIG, ASSAY_EDENIED */
	bool retryable;       /* timeouts, resets, 5xx: worth another try */
	bool timed_out;       /* no answer in time (connect or first byte): retryable */
	bool too_slow;        /* an answer too slow or endless: not retried in this run */
	long code;            /* HTTP status; 200 for a file read */
	char *content_type;   /* new strings, or NULL */
	char *charset;
	char *location;       /* the Location header of a 3xx, as sent */
	char *etag_out, *last_modified_out;
	long retry_after;     /* seconds, -1 when absent */
	char ip[64];          /* the peer's address */
	struct assay_buf body;
	struct assay_buf req_headers, resp_headers; /* when keep_headers */
	char err[256];        /* why, in words, when rc != ASSAY_OK */
	double started, finished; /* monotonic seconds */

	/* Private to http.c. */
	void *easy_;
	void *slist_;
	bool denied_, too_big_, bad_type_, type_checked_;
	struct assay_http *http_;
};

struct assay_http;

int assay_http_open(const struct assay_http_limits *lim, struct assay_http **out);
void assay_http_close(struct assay_http *h); /* accepts NULL */
void assay_http_limits_init(struct assay_http_limits *lim);

/* Starts @r; it comes back from assay_http_next() when done. */
int assay_http_start(struct assay_http *h, struct assay_http_req *r);
/* Runs transfers for up to @timeout_ms (less when one finishes). */
int assay_http_wait(struct assay_http *h, int timeout_ms);
/* A finished request, or NULL. */
struct assay_http_req *assay_http_next(struct assay_http *h);
/* Frees the results of a finished request so the struct can be reused. */
void assay_http_req_release(struct assay_http_req *r);
/* Stops a started request that has not come back; its results are
 * released by assay_http_req_release() as usual. */
void assay_http_abort(struct assay_http *h, struct assay_http_req *r);
/* Number of transfers under way. */
unsigned assay_http_running(const struct assay_http *h);

/* True for loopback, private (RFC 1918, ULA), link-local, CGNAT,
 * unspecified and multicast addresses, IPv4-mapped ones included. */
bool assay_addr_is_private(const void *sockaddr);
/* The same for an address in text form; false when unparsable. */
bool assay_addr_text_is_private(const char *addr);

/* Monotonic clock in seconds. */
double assay_now(void);

/* The charset a Content-Type names ("text/html; charset='koi8-r'":
 * koi8-r), quoted or not; NULL when it names none. Returns a new string;
 * free() it. Pages fetched and pages read back from a WARC file alike. */
char *fetch_charset_of(const char *content_type);

#endif
