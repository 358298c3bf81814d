/* fetch_server.h - a loopback HTTP server for the crawler's tests, on
 * libmicrohttpd: 127.0.0.1, a port the kernel picks, one thread per
 * connection so a slow or endless response never holds up the others.
 *
 * Responses come from a route table; every request is logged with its
 * arrival time so tests can measure politeness. */
#ifndef ASSAY_TEST_FETCH_SERVER_H
#define ASSAY_TEST_FETCH_SERVER_H

#include <stddef.h>

enum route_special {
	R_PLAIN,      /* status, headers, body as given */
	R_DRIP,       /* the body one byte every 300 ms */
	R_ENDLESS,    /* an endless body */
	R_GZIP_BOMB,  /* 64 MB of spaces, Content-Encoding: gzip */
	R_GZIP,       /* the body gzipped, no Content-Encoding (a .gz file) */
	R_FLAKY,      /* status + header (Retry-After) on the first request, then 200 + body */
	R_ETAG,       /* 304 when If-None-Match matches the header value */
	R_LASTMOD,    /* 304 when If-Modified-Since matches the header value */
	/* Generated listings, for every path that starts with the route's
	 * path; the body is the number N of entries, each a child of the
	 * requested path ("PATH/0" ... "PATH/N-1"): */
	R_INDEX_TREE, /* a sitemap index of N new child indexes */
	R_URLSET_GEN, /* a sitemap of N pages */
	R_FEED_LINKS, /* an HTML page linking N feeds */
	R_HANG,       /* no answer for 3 s, then the body (any path under the route's) */
	R_TARPIT,     /* no answer for 60 s (any path under the route's), then the body */
};

struct route {
	const char *path; /* ending in '*': every path that starts with it */
	int status;
	const char *content_type; /* NULL: no Content-Type header */
	const char *body;         /* "%P" is replaced by the server's port */
	const char *header;       /* one extra "Name: value", or NULL */
	enum route_special special;
};

struct logged {
	char path[256];
	char host[64];
	char user_agent[128];
	double at;            /* monotonic seconds */
};

struct tsrv;

/* Starts a server for @routes (kept by reference; end with path NULL). */
struct tsrv *tsrv_start(const struct route *routes);
void tsrv_stop(struct tsrv *s);
unsigned tsrv_port(const struct tsrv *s);
/* "http://127.0.0.1:PORT" + path; a static buffer per call slot (4). */
const char *tsrv_url(const struct tsrv *s, const char *path);
/* Copies the request log; returns its length. */
size_t tsrv_log(struct tsrv *s, struct logged *out, size_t max);
/* How many requests asked for @path. */
unsigned tsrv_hits(struct tsrv *s, const char *path);
/* The smallest gap between two consecutive requests (all paths). */
double tsrv_min_gap(struct tsrv *s);

#endif
