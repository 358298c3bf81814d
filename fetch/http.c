/* http.c - transfers over one libcurl multi handle, with the limits that
 * keep a hostile server from hurting us.
 *
 * The one thing to know: the address guard runs in curl's open-socket
 * callback, on the address curl resolved and is about to connect to - not
 * on the URL text - so a name that resolves to 127.0.0.1, or a DNS answer
 * that changes between checks, is still refused. Body size is counted in
 * the write callback, after curl has decompressed, so a gzip bomb stops at
 * the limit. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "array.h"
#include "assay.h"
#include "file.h"
#include "strs.h"
#include "http.h"

struct assay_http {
	CURLM *multi;
	struct assay_http_limits lim;
	CURL *pool[16];          /* idle easy handles, reset and reused */
	unsigned npool;
	struct assay_http_req **done;
	size_t ndone, capdone;
	unsigned running;
};

double assay_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void assay_http_limits_init(struct assay_http_limits *lim)
{
	memset(lim, 0, sizeof *lim);
	lim->connect_timeout_ms = 10000;
	lim->timeout_ms = 30000;
	lim->low_speed_bytes = 1024;
	lim->low_speed_secs = 10;
	lim->max_body = 10u << 20;
}

static bool v4_is_private(const unsigned char a[4])
{
	return a[0] == 0 || a[0] == 10 || a[0] == 127 || a[0] >= 224 ||
	       (a[0] == 100 && (a[1] & 0xc0) == 64) || (a[0] == 169 && a[1] == 254) ||
	       (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168) ||
	       (a[0] == 192 && a[1] == 0 && a[2] == 0) || (a[0] == 198 && (a[1] & 0xfe) == 18);
}

static bool v6_is_private(const unsigned char a[16])
{
	static const unsigned char zero[16], mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff},
					     nat64[12] = {0, 0x64, 0xff, 0x9b};

	if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0)
		return v4_is_private(a + 12);
	if (memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1))
		return true; /* :: and ::1 */
	return (a[0] & 0xfe) == 0xfc || a[0] == 0xff || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80);
}

bool assay_addr_is_private(const void *sockaddr)
{
	const struct sockaddr *sa = sockaddr;

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = sockaddr;
		return v4_is_private((const unsigned char *)&in->sin_addr);
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = sockaddr;
		return v6_is_private(in6->sin6_addr.s6_addr);
	}
	return true; /* unix sockets and the like: never for a crawler */
}

bool assay_addr_text_is_private(const char *addr)
{
	unsigned char a[16];

	if (inet_pton(AF_INET, addr, a) == 1)
		return v4_is_private(a);
	if (inet_pton(AF_INET6, addr, a) == 1)
		return v6_is_private(a);
	return false;
}

static curl_socket_t open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct assay_http_req *r = clientp;

	(void)purpose;
	if (!r->http_->lim.allow_private && !r->allow_private &&
	    assay_addr_is_private(&addr->addr)) {
		r->denied_ = true;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

/* Media types a crawler has any use for; the rest (images, archives,
 * executables, video) are refused before their body is read. */
static const char *const page_types[] = {
	"text/html", "application/xhtml+xml", "text/xml", "application/xml", NULL,
};
static bool type_in(const char *ct, const char *const *list)
{
	size_t n = strcspn(ct, "; \t");

	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(ct, *list, n) == 0)
			return true;
	return false;
}

/* Listings come under many names (text/rss+xml, application/x-rss+xml,
 * a generic type): any text, XML or JSON type, and the generic and gzip
 * types, are read and recognised by their content. */
static const char *const source_types[] = {
	"application/xml", "application/json", "application/x-rss", "application/rss",
	"application/gzip", "application/x-gzip", "application/octet-stream",
	"binary/octet-stream", "application/unknown", "application/download",
	"application/force-download", "application/x-download", NULL,
};

static bool source_type(const char *ct)
{
	size_t n = strcspn(ct, "; \t");

	if (strncasecmp(ct, "text/", 5) == 0)
		return true;
	if ((n > 4 && strncasecmp(ct + n - 4, "+xml", 4) == 0) ||
	    (n > 5 && strncasecmp(ct + n - 5, "+json", 5) == 0))
		return true;
	return type_in(ct, source_types);
}

static bool type_accepted(enum assay_http_accept acc, const char *ct)
{
	if (!ct || !*ct)
		return true; /* sniffed later, from the bytes */
	if (acc == ASSAY_ACCEPT_TEXT)
		return strncasecmp(ct, "text/", 5) == 0;
	return acc == ASSAY_ACCEPT_PAGE ? type_in(ct, page_types) : source_type(ct);
}

static size_t on_write(char *p, size_t size, size_t n, void *ud)
{
	struct assay_http_req *r = ud;
	size_t len = size * n;
	long code = 0;

	curl_easy_getinfo(r->easy_, CURLINFO_RESPONSE_CODE, &code);
	if (!r->type_checked_ && (code == 0 || (code >= 200 && code < 300))) {
		char *ct = NULL;

		r->type_checked_ = true;
		curl_easy_getinfo(r->easy_, CURLINFO_CONTENT_TYPE, &ct);
		if (!type_accepted(r->accept, ct)) {
			r->bad_type_ = true;
			return 0;
		}
	}
	if (r->body.len + len > r->http_->lim.max_body) {
		r->too_big_ = true;
		return 0;
	}
	if (code >= 300)
		return len; /* error and redirect bodies are counted, not kept */
	return assay_buf_append(&r->body, p, len) == ASSAY_OK ? len : 0;
}

static char *header_value(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *v, *end = line + len;

	if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':')
		return NULL;
	for (v = line + n + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	return strndup(v, (size_t)(end - v));
}

static void replace(char **slot, char *v)
{
	if (v) {
		free(*slot);
		*slot = v;
	}
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct assay_http_req *r = ud;
	size_t len = size * n;

	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* A new response (after a 100 Continue, say): start over. */
		assay_buf_reset(&r->resp_headers);
		free(r->location);
		r->location = NULL;
	}
	if (r->http_->lim.keep_headers && assay_buf_append(&r->resp_headers, p, len))
		return 0;
	replace(&r->etag_out, header_value(p, len, "etag"));
	replace(&r->last_modified_out, header_value(p, len, "last-modified"));
	replace(&r->location, header_value(p, len, "location"));
	return len;
}

static int on_debug(CURL *c, curl_infotype type, char *data, size_t size, void *ud)
{
	struct assay_http_req *r = ud;

	(void)c;
	if (type == CURLINFO_HEADER_OUT)
		assay_buf_append(&r->req_headers, data, size);
	return 0;
}

int assay_http_open(const struct assay_http_limits *lim, struct assay_http **out)
{
	struct assay_http *h = calloc(1, sizeof *h);

	*out = NULL;
	if (!h)
		return ASSAY_ENOMEM;
	h->lim = *lim;
	h->multi = curl_multi_init();
	if (!h->multi) {
		free(h);
		return ASSAY_ENOMEM;
	}
	/* One connection per host: politeness, and what servers expect. */
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
	curl_multi_setopt(h->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	*out = h;
	return ASSAY_OK;
}

void assay_http_close(struct assay_http *h)
{
	if (!h)
		return;
	for (unsigned i = 0; i < h->npool; i++)
		curl_easy_cleanup(h->pool[i]);
	curl_multi_cleanup(h->multi);
	free(h->done);
	free(h);
}

static CURL *take_easy(struct assay_http *h)
{
	if (h->npool) {
		CURL *c = h->pool[--h->npool];
		curl_easy_reset(c);
		return c;
	}
	return curl_easy_init();
}

static void give_easy(struct assay_http *h, CURL *c)
{
	if (h->npool < sizeof h->pool / sizeof h->pool[0])
		h->pool[h->npool++] = c;
	else
		curl_easy_cleanup(c);
}

/* What each kind of request would like back, best first. */
static const char *const accept_lines[] = {
	[ASSAY_ACCEPT_PAGE] = "Accept: text/html,application/xhtml+xml;q=0.9,application/xml;q=0.5",
	[ASSAY_ACCEPT_SOURCE] = ("Accept: application/rss+xml,application/atom+xml,application/feed+json,"
				 "application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"),
	[ASSAY_ACCEPT_TEXT] = "Accept: text/plain,*/*;q=0.1",
};

static int request_headers(struct assay_http_req *r)
{
	struct curl_slist *l = NULL, *t;
	char line[512];

	if (!(t = curl_slist_append(l, accept_lines[r->accept])))
		goto oom;
	l = t;
	if (r->etag && *r->etag) {
		snprintf(line, sizeof line, "If-None-Match: %s", r->etag);
		if (!(t = curl_slist_append(l, line)))
			goto oom;
		l = t;
	}
	if (r->last_modified && *r->last_modified) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", r->last_modified);
		if (!(t = curl_slist_append(l, line)))
			goto oom;
		l = t;
	}
	r->slist_ = l;
	return ASSAY_OK;
oom:
	curl_slist_free_all(l);
	return ASSAY_ENOMEM;
}

static void set_limits(CURL *c, const struct assay_http_limits *lim)
{
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, lim->connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, lim->timeout_ms);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, lim->low_speed_bytes);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, lim->low_speed_secs);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim->max_body);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* all curl can decode */
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
}

int assay_http_start(struct assay_http *h, struct assay_http_req *r)
{
	CURL *c;

	r->http_ = h;
	r->rc = ASSAY_OK;
	r->retry_after = -1;
	r->started = assay_now();
	if (request_headers(r))
		return ASSAY_ENOMEM;
	c = take_easy(h);
	if (!c) {
		curl_slist_free_all(r->slist_);
		r->slist_ = NULL;
		return ASSAY_ENOMEM;
	}
	r->easy_ = c;
	set_limits(c, &h->lim);
	curl_easy_setopt(c, CURLOPT_URL, r->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, r->allow_file ? "http,https,file" : "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, r->user_agent);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, (struct curl_slist *)r->slist_);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, r);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_PRIVATE, r);
	if (h->lim.keep_headers) {
		curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
		curl_easy_setopt(c, CURLOPT_DEBUGDATA, r);
		curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	}
	if (curl_multi_add_handle(h->multi, c) != CURLM_OK) {
		give_easy(h, c);
		r->easy_ = NULL;
		return ASSAY_ENOMEM;
	}
	h->running++;
	return ASSAY_OK;
}

static bool curl_retryable(CURLcode cc)
{
	switch (cc) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return true;
	default:
		return false;
	}
}

char *fetch_charset_of(const char *ct)
{
	const char *p = ct ? str_find_ci(ct, "charset=") : NULL;
	size_t n;

	if (!p)
		return NULL;
	p += 8;
	if (*p == '"' || *p == '\'')
		p++;
	n = strcspn(p, "\"'; \t");
	return n ? strndup(p, n) : NULL;
}

/* Magic numbers of what servers send by mistake as text/html. */
static const struct {
	const char *magic;
	size_t len;
} binary_magic[] = {
	{"\x89PNG", 4}, {"GIF8", 4}, {"\xff\xd8\xff", 3}, {"%PDF-", 5}, {"PK\x03\x04", 4},
	{"RIFF", 4}, {"\x00\x00\x01\x00", 4}, {"OggS", 4}, {"ID3", 3},
};

/* Whether a body is not text. Bytes with no content type (file://,
 * careless servers) must look like text: a control byte other than tab,
 * newline, carriage return, form feed or escape in the first kilobyte
 * means binary. Bytes that came with a text type are binary when they
 * start with an image's or archive's magic number or hold a NUL (UTF-16
 * without its byte order mark, which no parser here would read right);
 * a gzip body is left to the crawler, which inflates it. */
static bool looks_binary(const struct assay_buf *b, bool typed)
{
	size_t n = b->len < 1024 ? b->len : 1024;
	const unsigned char *p = (const unsigned char *)b->data;

	if (!n || assay_is_gzip(b->data, b->len))
		return false;
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return false; /* UTF-16 with its BOM: libxml2 reads it */
	for (size_t i = 0; i < sizeof binary_magic / sizeof binary_magic[0]; i++)
		if (n >= binary_magic[i].len && memcmp(p, binary_magic[i].magic, binary_magic[i].len) == 0)
			return true;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = p[i];
		if (ch == 0 || (!typed && ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' &&
				ch != '\f' && ch != 0x1b))
			return true;
	}
	return false;
}

static void finish_ok(struct assay_http_req *r, CURL *c)
{
	char *ct = NULL, *ip = NULL;
	curl_off_t ra = -1;

	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->code);
	if (r->code == 0)
		r->code = 200; /* file:// */
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
	if (ct) {
		r->content_type = strdup(ct);
		r->charset = fetch_charset_of(ct);
	}
	curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip);
	if (ip)
		snprintf(r->ip, sizeof r->ip, "%s", ip);
	if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
		r->retry_after = (long)ra;
	r->retryable = r->code >= 500 || r->code == 429;
	if (r->code >= 200 && r->code < 300 && !r->type_checked_ && !type_accepted(r->accept, ct)) {
		r->rc = ASSAY_EDENIED; /* an empty body never met the write callback */
		snprintf(r->err, sizeof r->err, "content type '%.100s' refused", ct);
	} else if (r->code >= 200 && r->code < 300 && r->accept != ASSAY_ACCEPT_TEXT &&
		   looks_binary(&r->body, ct != NULL)) {
		r->rc = ASSAY_EDENIED;
		snprintf(r->err, sizeof r->err, "binary content refused%s%.100s%s", ct ? " (sent as '" : "",
			 ct ? ct : "", ct ? "')" : "");
	}
}

static bool is_tls_failure(CURLcode cc)
{
	switch (cc) {
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_CRL_BADFILE:
		return true;
	default:
		return false;
	}
}

/* A failed transfer in the words an operator reads in a log: what kind of
 * failure (name not resolved, connection refused, timeout, TLS), then
 * curl's detail where it adds something. */
static void say_failure(const struct assay_http *h, CURL *c, CURLcode cc, char *out, size_t n)
{
	long os_errno = 0, code = 0;
	char *ip = NULL;
	bool connected;

	curl_easy_getinfo(c, CURLINFO_OS_ERRNO, &os_errno);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip);
	connected = code > 0 || (ip && *ip);
	if (cc == CURLE_COULDNT_RESOLVE_HOST)
		snprintf(out, n, "name not resolved");
	else if (cc == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED)
		snprintf(out, n, "connection refused");
	else if (cc == CURLE_COULDNT_CONNECT)
		snprintf(out, n, "cannot connect: %s",
			 os_errno ? strerror((int)os_errno) : "no route to the host");
	else if (cc == CURLE_OPERATION_TIMEDOUT && !connected)
		snprintf(out, n, "timeout: no connection within %.0f s",
			 (double)h->lim.connect_timeout_ms / 1000);
	else if (cc == CURLE_OPERATION_TIMEDOUT)
		snprintf(out, n, "timeout: no complete answer within %.0f s, or under %ld bytes/s",
			 (double)h->lim.timeout_ms / 1000, h->lim.low_speed_bytes);
	else if (is_tls_failure(cc))
		snprintf(out, n, "TLS failure: %s", curl_easy_strerror(cc));
	else if (cc == CURLE_GOT_NOTHING)
		snprintf(out, n, "connection closed with no answer");
	else if (cc == CURLE_RECV_ERROR || cc == CURLE_SEND_ERROR)
		snprintf(out, n, "connection broken: %s",
			 os_errno ? strerror((int)os_errno) : curl_easy_strerror(cc));
	else if (cc == CURLE_PARTIAL_FILE)
		snprintf(out, n, "answer cut short");
	else
		snprintf(out, n, "%s", curl_easy_strerror(cc));
}

/* Whether the server had begun to answer (a status line came). */
static bool answered(CURL *c)
{
	long code = 0;

	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	return code > 0;
}

static void finish(struct assay_http *h, struct assay_http_req *r, CURLcode cc)
{
	CURL *c = r->easy_;

	r->finished = assay_now();
	if (cc == CURLE_OK) {
		finish_ok(r, c);
	} else if (r->denied_) {
		r->rc = ASSAY_EDENIED;
		snprintf(r->err, sizeof r->err, "private address refused (use --allow-private)");
	} else if (r->too_big_ || cc == CURLE_FILESIZE_EXCEEDED) {
		r->rc = ASSAY_ETOOBIG;
		snprintf(r->err, sizeof r->err, "body over %zu bytes", h->lim.max_body);
	} else if (r->bad_type_) {
		char *ct = NULL;

		curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
		r->rc = ASSAY_EDENIED;
		snprintf(r->err, sizeof r->err, "content type '%.100s' refused", ct ? ct : "");
	} else if (cc == CURLE_OPERATION_TIMEDOUT && answered(c)) {
		/* A page that drips or never ends: trying again in this run
		 * costs the same time again for the same result. */
		r->rc = ASSAY_EFETCH;
		r->too_slow = true;
		snprintf(r->err, sizeof r->err,
			 "timeout: no complete answer within %.0f s, or under %ld bytes/s for %ld s; "
			 "not retried in this run",
			 (double)h->lim.timeout_ms / 1000, h->lim.low_speed_bytes, h->lim.low_speed_secs);
	} else {
		r->rc = ASSAY_EFETCH;
		r->retryable = curl_retryable(cc);
		r->timed_out = cc == CURLE_OPERATION_TIMEDOUT;
		say_failure(h, c, cc, r->err, sizeof r->err);
	}
	/* err may quote the server (a content type): no control bytes
	 * from it reach a terminal or a log. */
	for (char *p = r->err; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	curl_multi_remove_handle(h->multi, c);
	curl_slist_free_all(r->slist_);
	r->slist_ = NULL;
	give_easy(h, c);
	r->easy_ = NULL;
	h->running--;
}

static int push_done(struct assay_http *h, struct assay_http_req *r)
{
	if (assay_array_reserve(&h->done, &h->capdone, h->ndone + 1, sizeof *h->done))
		return ASSAY_ENOMEM;
	h->done[h->ndone++] = r;
	return ASSAY_OK;
}

int assay_http_wait(struct assay_http *h, int timeout_ms)
{
	int still = 0, left = 0;
	CURLMsg *m;

	if (curl_multi_poll(h->multi, NULL, 0, timeout_ms, NULL) != CURLM_OK)
		return ASSAY_EIO;
	if (curl_multi_perform(h->multi, &still) != CURLM_OK)
		return ASSAY_EIO;
	while ((m = curl_multi_info_read(h->multi, &left))) {
		struct assay_http_req *r = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
		finish(h, r, m->data.result);
		if (push_done(h, r))
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

struct assay_http_req *assay_http_next(struct assay_http *h)
{
	struct assay_http_req *r;

	if (!h->ndone)
		return NULL;
	r = h->done[0];
	memmove(h->done, h->done + 1, --h->ndone * sizeof *h->done);
	return r;
}

void assay_http_abort(struct assay_http *h, struct assay_http_req *r)
{
	for (size_t i = 0; i < h->ndone; i++)
		if (h->done[i] == r) {
			memmove(h->done + i, h->done + i + 1, (h->ndone - i - 1) * sizeof *h->done);
			h->ndone--;
			return; /* finished already: nothing to stop */
		}
	if (!r->easy_)
		return;
	curl_multi_remove_handle(h->multi, r->easy_);
	curl_slist_free_all(r->slist_);
	r->slist_ = NULL;
	give_easy(h, r->easy_);
	r->easy_ = NULL;
	h->running--;
}

unsigned assay_http_running(const struct assay_http *h)
{
	return h->running;
}

void assay_http_req_release(struct assay_http_req *r)
{
	free(r->content_type);
	free(r->charset);
	free(r->location);
	free(r->etag_out);
	free(r->last_modified_out);
	assay_buf_release(&r->body);
	assay_buf_release(&r->req_headers);
	assay_buf_release(&r->resp_headers);
	r->content_type = r->charset = r->location = r->etag_out = r->last_modified_out = NULL;
	r->denied_ = r->too_big_ = r->bad_type_ = r->type_checked_ = false;
	r->err[0] = 0;
	r->ip[0] = 0;
	r->code = 0;
	r->retryable = r->timed_out = r->too_slow = false;
}
