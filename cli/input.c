/* input.c - reading one input of clean or extract, and refusing what is
 * not an article before the cleaner sees it (see input.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "fetch.h"
#include "file.h"
#include "input.h"
#include "log.h"
#include "sniff.h"

static int read_url(struct cli_input *in, bool allow_private)
{
	struct assay_crawl_opts o;
	struct assay_fetched f;
	char why[256];
	int rc;

	assay_crawl_opts_init(&o);
	o.allow_private = allow_private;
	rc = assay_fetch_one(in->name, &o, &f, why);
	if (rc) {
		assay_err("%s: %s", in->name, why[0] ? why : assay_strerror(rc));
		return rc;
	}
	in->body = f.body;
	in->url = f.url;
	in->charset = f.charset;
	free(f.content_type);
	return ASSAY_OK;
}

int cli_input_read(struct cli_input *in, const char *want, bool allow_private)
{
	const char *what;
	int rc;

	if (in->is_url) {
		rc = read_url(in, allow_private);
	} else {
		rc = assay_read_file(in->name, ASSAY_FILE_MAX_DEFAULT, &in->body);
		if (rc)
			assay_err("%s: cannot read: %s", in->name,
				  (rc == ASSAY_EIO || rc == ASSAY_ENOTFOUND) && errno ? strerror(errno) : assay_strerror(rc));
	}
	if (rc)
		return rc;
	what = assay_sniff_not_text(in->body.data ? in->body.data : "", in->body.len);
	if (what && !(in->empty_ok && strcmp(what, "empty file") == 0)) {
		assay_err("%s: not %s (%s), skipped", in->name, want, what);
		return ASSAY_EINVAL;
	}
	return ASSAY_OK;
}

void cli_input_release(struct cli_input *in)
{
	assay_buf_release(&in->body);
	free(in->url);
	free(in->charset);
	in->url = in->charset = NULL;
}
