/* fetch_server.c - the loopback test server (see fetch_server.h).
 * Hostile behaviours (drip, endless body, gzip bomb) are generated on the
 * fly so the fixtures stay small. */
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "fetch_server.h"

#define LOG_MAX 4096

struct tsrv {
	struct MHD_Daemon *d;
	unsigned port;
	const struct route *routes;
	pthread_mutex_t mu;
	struct logged log[LOG_MAX];
	size_t nlog;
	unsigned flaky_hits[64];
	char urls[4][512];
	unsigned next_url;
	_Atomic int stopping; /* tarpits let go */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *expand_port(const char *body, unsigned port)
{
	size_t n = strlen(body), cap = n * 2 + 64, o = 0;
	char *out = malloc(cap);

	for (size_t i = 0; i < n && out; i++) {
		if (o + 16 >= cap) {
			cap *= 2;
			out = realloc(out, cap);
			if (!out)
				return NULL;
		}
		if (body[i] == '%' && body[i + 1] == 'P') {
			o += (size_t)snprintf(out + o, cap - o, "%u", port);
			i++;
		} else {
			out[o++] = body[i];
		}
	}
	if (out)
		out[o] = 0;
	return out;
}

static ssize_t drip(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls;
	(void)max;
	if (pos >= 200)
		return MHD_CONTENT_READER_END_OF_STREAM;
	usleep(300000);
	buf[0] = 'x';
	return 1;
}

static ssize_t endless(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls;
	(void)pos;
	memset(buf, 'a', max);
	return (ssize_t)max;
}

static char *gzip_of(const char *in, size_t len, size_t *outlen)
{
	z_stream zs;
	size_t cap = len / 100 + 4096;
	char *out = malloc(cap);

	memset(&zs, 0, sizeof zs);
	deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	zs.next_in = (unsigned char *)in;
	zs.avail_in = (uInt)len;
	zs.next_out = (unsigned char *)out;
	zs.avail_out = (uInt)cap;
	while (deflate(&zs, Z_FINISH) == Z_OK) {
		size_t used = cap - zs.avail_out;
		cap *= 2;
		out = realloc(out, cap);
		zs.next_out = (unsigned char *)out + used;
		zs.avail_out = (uInt)(cap - used);
	}
	*outlen = zs.total_out;
	deflateEnd(&zs);
	return out;
}

static struct MHD_Response *bomb(void)
{
	size_t n = 64u << 20, zn;
	char *spaces = malloc(n), *z;
	struct MHD_Response *r;

	memset(spaces, ' ', n);
	memcpy(spaces, "<html><body>", 12);
	z = gzip_of(spaces, n, &zn);
	free(spaces);
	r = MHD_create_response_from_buffer(zn, z, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Encoding", "gzip");
	return r;
}

static void add_header(struct MHD_Response *r, const char *h, unsigned port)
{
	char name[128], *value;
	const char *colon = strchr(h, ':');
	size_t n = colon ? (size_t)(colon - h) : 0;

	if (!colon || n >= sizeof name)
		return;
	memcpy(name, h, n);
	name[n] = 0;
	value = expand_port(colon + 1 + (colon[1] == ' '), port);
	MHD_add_response_header(r, name, value);
	free(value);
}

static void log_request(struct tsrv *s, struct MHD_Connection *conn, const char *url)
{
	const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host");
	const char *ua = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent");

	pthread_mutex_lock(&s->mu);
	if (s->nlog < LOG_MAX) {
		struct logged *l = &s->log[s->nlog++];
		snprintf(l->path, sizeof l->path, "%s", url);
		snprintf(l->host, sizeof l->host, "%s", host ? host : "");
		snprintf(l->user_agent, sizeof l->user_agent, "%s", ua ? ua : "");
		l->at = now_s();
	}
	pthread_mutex_unlock(&s->mu);
}

static struct MHD_Response *plain(struct tsrv *s, const struct route *rt, int *status)
{
	char *body = expand_port(rt->body ? rt->body : "", s->port);
	struct MHD_Response *r;

	if (rt->special == R_GZIP) {
		size_t zn;
		char *z = gzip_of(body, strlen(body), &zn);
		free(body);
		return MHD_create_response_from_buffer(zn, z, MHD_RESPMEM_MUST_FREE);
	}
	r = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_FREE);
	(void)status;
	return r;
}

/* A listing of N children of @url, made on the fly. */
static struct MHD_Response *generated(struct tsrv *s, const struct route *rt, const char *url)
{
	static const char *const head[] = {
		[R_INDEX_TREE] = "<?xml version=\"1.0\"?><sitemapindex>",
		[R_URLSET_GEN] = "<?xml version=\"1.0\"?><urlset>",
		[R_FEED_LINKS] = "<!DOCTYPE html><html><head>",
	};
	static const char *const tail[] = {
		[R_INDEX_TREE] = "</sitemapindex>",
		[R_URLSET_GEN] = "</urlset>",
		[R_FEED_LINKS] = "</head><body><p>front page</p></body></html>",
	};
	long n = atol(rt->body);
	size_t cap = (size_t)n * (strlen(url) + 120) + 256, o = 0;
	char *out = malloc(cap);
	const char *sep = url[strlen(url) - 1] == '/' ? "" : "/";

	o += (size_t)snprintf(out + o, cap - o, "%s", head[rt->special]);
	for (long i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, cap - o,
				      rt->special == R_INDEX_TREE
					      ? "<sitemap><loc>http://127.0.0.1:%u%s%s%ld</loc></sitemap>"
				      : rt->special == R_URLSET_GEN
					      ? "<url><loc>http://127.0.0.1:%u%s%sp%ld</loc></url>"
					      : "<link rel=\"alternate\" type=\"application/rss+xml\" "
						"href=\"http://127.0.0.1:%u%s%sf%ld\">",
				      s->port, url, sep, i);
	o += (size_t)snprintf(out + o, cap - o, "%s", tail[rt->special]);
	return MHD_create_response_from_buffer(o, out, MHD_RESPMEM_MUST_FREE);
}

static struct MHD_Response *respond(struct tsrv *s, struct MHD_Connection *conn,
				    const struct route *rt, const char *url, int *status)
{
	*status = rt->status;
	switch (rt->special) {
	case R_INDEX_TREE:
	case R_URLSET_GEN:
	case R_FEED_LINKS:
		return generated(s, rt, url);
	case R_HANG:
		sleep(3);
		return plain(s, rt, status);
	case R_TARPIT: /* no answer for 60 s, or until the server stops */
		for (int i = 0; i < 600 && !atomic_load(&s->stopping); i++)
			usleep(100000);
		return plain(s, rt, status);
	case R_DRIP:
		return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1, drip, NULL, NULL);
	case R_ENDLESS:
		return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 65536, endless, NULL, NULL);
	case R_GZIP_BOMB:
		return bomb();
	case R_FLAKY: {
		unsigned idx = (unsigned)(rt - s->routes), hits;
		pthread_mutex_lock(&s->mu);
		hits = idx < 64 ? s->flaky_hits[idx]++ : 1;
		pthread_mutex_unlock(&s->mu);
		if (hits == 0) {
			struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
			add_header(r, rt->header, s->port);
			return r;
		}
		*status = 200;
		return plain(s, rt, status);
	}
	case R_ETAG:
	case R_LASTMOD: {
		const char *inm = MHD_lookup_connection_value(
			conn, MHD_HEADER_KIND, rt->special == R_ETAG ? "If-None-Match" : "If-Modified-Since");
		const char *tag = strchr(rt->header, ':') + 2;
		if (inm && strcmp(inm, tag) == 0) {
			*status = 304;
			return MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		}
		return plain(s, rt, status);
	}
	default:
		return plain(s, rt, status);
	}
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *data,
			      size_t *size, void **ctx)
{
	struct tsrv *s = cls;
	const struct route *rt = NULL;
	struct MHD_Response *r;
	int status = 404;
	enum MHD_Result ret;

	(void)method;
	(void)version;
	(void)data;
	(void)size;
	if (!*ctx) { /* first call: headers only */
		*ctx = (void *)1;
		return MHD_YES;
	}
	log_request(s, conn, url);
	for (const struct route *p = s->routes; p->path; p++) {
		size_t n = strlen(p->path);
		if (strcmp(p->path, url) == 0 ||
		    (p->special >= R_INDEX_TREE && strncmp(p->path, url, n) == 0) ||
		    (n && p->path[n - 1] == '*' && strncmp(p->path, url, n - 1) == 0))
			rt = p;
	}
	if (!rt) {
		r = MHD_create_response_from_buffer(9, (void *)"not found", MHD_RESPMEM_PERSISTENT);
	} else {
		r = respond(s, conn, rt, url, &status);
		if (rt->content_type)
			MHD_add_response_header(r, "Content-Type", rt->content_type);
		if (rt->header && rt->special != R_FLAKY)
			add_header(r, rt->header, s->port);
	}
	ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);
	return ret;
}

struct tsrv *tsrv_start(const struct route *routes)
{
	struct tsrv *s = calloc(1, sizeof *s);
	const union MHD_DaemonInfo *info;

	s->routes = routes;
	pthread_mutex_init(&s->mu, NULL);
	s->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
					MHD_USE_ERROR_LOG,
				0, NULL, NULL, handle, s, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
				MHD_OPTION_END);
	if (!s->d) {
		free(s);
		return NULL;
	}
	info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : 0;
	return s;
}

void tsrv_stop(struct tsrv *s)
{
	if (!s)
		return;
	atomic_store(&s->stopping, 1);
	MHD_stop_daemon(s->d);
	pthread_mutex_destroy(&s->mu);
	free(s);
}

unsigned tsrv_port(const struct tsrv *s)
{
	return s->port;
}

const char *tsrv_url(const struct tsrv *s, const char *path)
{
	struct tsrv *m = (struct tsrv *)s;
	char *buf = m->urls[m->next_url++ % 4];

	snprintf(buf, sizeof m->urls[0], "http://127.0.0.1:%u%s", s->port, path);
	return buf;
}

size_t tsrv_log(struct tsrv *s, struct logged *out, size_t max)
{
	size_t n;

	pthread_mutex_lock(&s->mu);
	n = s->nlog < max ? s->nlog : max;
	memcpy(out, s->log, n * sizeof *out);
	pthread_mutex_unlock(&s->mu);
	return n;
}

unsigned tsrv_hits(struct tsrv *s, const char *path)
{
	unsigned n = 0;

	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < s->nlog; i++)
		n += strcmp(s->log[i].path, path) == 0;
	pthread_mutex_unlock(&s->mu);
	return n;
}

double tsrv_min_gap(struct tsrv *s)
{
	double best = 1e9;

	pthread_mutex_lock(&s->mu);
	for (size_t i = 1; i < s->nlog; i++)
		if (s->log[i].at - s->log[i - 1].at < best)
			best = s->log[i].at - s->log[i - 1].at;
	pthread_mutex_unlock(&s->mu);
	return best;
}
