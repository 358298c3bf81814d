/* html.h - the one HTML escaping function of `assay serve`, and the
 * small formatting helpers its pages share.
 *
 * Everything that came from a scraped page (titles, sites, evidence text,
 * URLs, ids) goes through serve_esc() before it reaches HTML. The escape is
 * the same for element text and for double-quoted attribute values, so a
 * caller cannot pick the wrong one: & < > " ' ` are turned into character
 * references, control characters and bytes that are not valid UTF-8 into
 * U+FFFD. Attribute values are always written inside double quotes.
 * A URL written into href must first pass serve_url_is_web(). */
#ifndef ASSAY_SERVE_HTML_H
#define ASSAY_SERVE_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Appends @s (@n bytes) escaped for HTML text or a quoted attribute.
 * A NULL @s appends nothing. Returns ASSAY_OK or ASSAY_ENOMEM. */
int serve_esc(struct assay_buf *b, const char *s, size_t n);
/* serve_esc() of a NUL-terminated string (NULL appends nothing). */
int serve_esc_str(struct assay_buf *b, const char *s);

/* A page being written: appends to @b and remembers the first failure, so
 * page code reads straight down and checks once at the end (rc). */
struct serve_out {
	struct assay_buf *b;
	int rc;
};

/* Appends trusted markup. Arguments are numbers or constant strings only:
 * anything scraped or typed by a user goes through serve_text(). */
void serve_printf(struct serve_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends @s escaped (serve_esc), for element text or a quoted attribute. */
void serve_text(struct serve_out *o, const char *s);
void serve_textn(struct serve_out *o, const char *s, size_t n);
/* Appends @s percent-encoded for a URL query value, then escaped. */
void serve_urlarg(struct serve_out *o, const char *s);

/* True for an absolute http:// or https:// URL with a host: the only URLs
 * the pages link to (never javascript:, data: or file:). */
bool serve_url_is_web(const char *url);

/* Decodes application/x-www-form-urlencoded @body and copies the value of
 * field @name into @out (truncated to fit, always terminated). Returns
 * true when the field is present. */
bool serve_form_get(const char *body, size_t len, const char *name,
		    char *out, size_t size);

/* Decodes the urlencoded @s (@n bytes) into @out (truncated to fit,
 * always terminated). */
void serve_url_decode(const char *s, size_t n, char *out, size_t size);

#endif
