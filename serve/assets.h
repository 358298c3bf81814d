/* assets.h - the style sheet and script of the review pages, compiled
 * into the binary from serve/app.css and serve/app.js by
 * common/embed_files.py, so the pages work offline and from one file. They are
 * served as same-origin resources because the Content-Security-Policy
 * (default-src 'self') forbids inline script and style. */
#ifndef ASSAY_SERVE_ASSETS_H
#define ASSAY_SERVE_ASSETS_H

#include <stddef.h>

struct serve_asset {
	const char *path;  /* "/app.css" */
	const char *type;  /* Content-Type */
	const unsigned char *data;
	size_t len;
};

extern const struct serve_asset serve_assets[];
extern const size_t serve_assets_count;

/* The asset served at @path, or NULL. */
const struct serve_asset *serve_asset_find(const char *path);

#endif
