/* input.h - what clean and extract read: a file, standard input ("-"),
 * or one page fetched by URL (-u), refused unless it can be an article.
 *
 * Every failure is printed here, once, as "assay: NAME: why", so each
 * command counts it and goes on with the next input. */
#ifndef ASSAY_CLI_INPUT_H
#define ASSAY_CLI_INPUT_H

#include <stdbool.h>

#include "buf.h"

struct cli_input {
	const char *name;  /* as the user wrote it: a path, "-" or a URL */
	bool is_url;
	bool empty_ok;     /* an empty input is no error (extract --lines) */
	struct assay_buf body;
	char *url;         /* fetched pages: after redirects; else NULL */
	char *charset;     /* fetched pages: from Content-Type, or NULL */
};

/* Reads @in->name (a URL when @in->is_url) into @in->body and checks it
 * looks like what @want names ("HTML" or "text"): an empty file, an image,
 * a PDF, JSON or binary data is refused with "NAME: not HTML (PNG image),
 * skipped". @allow_private lets a URL reach loopback and private
 * addresses. Returns ASSAY_OK, or the error already printed. */
int cli_input_read(struct cli_input *in, const char *want, bool allow_private);
void cli_input_release(struct cli_input *in);

#endif
