/* pack.c - what storing an article works out from the article alone:
 * its identity, its text's hashes, its page and text compressed.
 *
 * The writer is the one part of an ingest no number of workers shortens,
 * and compressing, hashing and canonicalising were nine tenths of its CPU
 * per page (callgrind, issue 23). So they are done here, by whichever
 * thread packs the article, with a packer (a zlib stream) of its own; the
 * store handle keeps one for articles that come unpacked. Both ways give
 * the same bytes: one function compresses, one decides the identity. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "canon.h"
#include "hash.h"
#include "internal.h"
#include "simhash.h"

int assay_packer_new(struct assay_packer **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? ASSAY_OK : ASSAY_ENOMEM;
}

void store_packer_release(struct assay_packer *pk)
{
	if (pk->zs) {
		deflateEnd(pk->zs);
		free(pk->zs);
		pk->zs = NULL;
	}
}

void assay_packer_free(struct assay_packer *pk)
{
	if (!pk)
		return;
	store_packer_release(pk);
	free(pk);
}

/* One deflate state per packer, reset for each blob: a fresh one
 * (compress2) allocates and clears about 256 KiB per call. The output is
 * the same zlib stream at level 6, which store_inflate reads. */
int store_pack_deflate(struct assay_packer *pk, const void *p, size_t n, struct assay_buf *out)
{
	uLong cap;
	uint64_t len = n;
	int rc, zrc;

	if (n > (size_t)1 << 31)
		return ASSAY_EINVAL;
	if (!pk->zs) {
		pk->zs = calloc(1, sizeof *pk->zs);
		if (!pk->zs)
			return ASSAY_ENOMEM;
		if (deflateInit(pk->zs, 6) != Z_OK) {
			free(pk->zs);
			pk->zs = NULL;
			return ASSAY_ENOMEM;
		}
	} else if (deflateReset(pk->zs) != Z_OK) {
		return ASSAY_ENOMEM;
	}
	cap = deflateBound(pk->zs, (uLong)n);
	rc = assay_buf_reserve(out, sizeof len + cap);
	if (rc)
		return rc;
	memcpy(out->data + out->len, &len, sizeof len);
	pk->zs->next_in = (Bytef *)(uintptr_t)p;
	pk->zs->avail_in = (uInt)n;
	pk->zs->next_out = (Bytef *)out->data + out->len + sizeof len;
	pk->zs->avail_out = (uInt)cap;
	zrc = deflate(pk->zs, Z_FINISH);
	if (zrc != Z_STREAM_END)
		return ASSAY_ENOMEM;
	out->len += sizeof len + (size_t)pk->zs->total_out;
	out->data[out->len] = '\0';
	return ASSAY_OK;
}

/* A page's canonical URL is its identity only on the site it was
 * served from (after redirects: a feed's redirector is not the site). */
static int canonical_trusted(const struct assay_article *a, bool *yes)
{
	const char *from = a->served_url ? a->served_url : a->fetched_url;
	int rc;

	*yes = strncmp(from, "http", 4) != 0 || strcmp(a->url, from) == 0;
	if (*yes)
		return ASSAY_OK;
	rc = assay_url_same_site(a->url, from, yes);
	if (!rc && !*yes && from != a->fetched_url)
		rc = assay_url_same_site(a->url, a->fetched_url, yes);
	return rc;
}

int store_identity(const struct assay_article *a, struct assay_buf *url, const char **why,
		   bool *distrusted)
{
	bool trusted = true;
	int rc;

	*why = NULL;
	if (distrusted)
		*distrusted = false;
	if (a->fetched_url && strstr(a->fetched_url, "://") && strstr(a->url, "://") &&
	    (rc = canonical_trusted(a, &trusted))) {
		*why = "cannot compare the article's URLs";
		return rc;
	}
	/* a relative canonical link names nothing, nor does one on another
	 * site than the page came from: the fetched URL does */
	if (a->fetched_url && strstr(a->fetched_url, "://") && (!strstr(a->url, "://") || !trusted)) {
		if (distrusted)
			*distrusted = strstr(a->url, "://") != NULL;
		rc = assay_canonical_url(a->fetched_url, url);
	} else {
		rc = assay_canonical_url(a->url, url);
	}
	if (rc)
		return rc;
	if (url->len > 480) /* LMDB keys stop at 511 bytes */
		url->len = 480, url->data[480] = '\0';
	return ASSAY_OK;
}

static void text_hashes(const struct assay_article *a, struct assay_packed *out)
{
	const char *t = a->text ? a->text : "";
	size_t n = a->text ? a->text_len : 0;

	assay_sha256_hex(t, n, out->sha256);
	out->has_hash = assay_simhash(a->text, a->text_len, &out->simhash);
	if (out->has_hash) { /* out of memory: the writer works them out */
		struct assay_shingles sh;

		if (assay_shingles_of(a->text, a->text_len, &sh) == ASSAY_OK) {
			out->shingles = sh.h;
			out->nshingles = sh.n;
			out->words = sh.words;
		}
	}
}

int assay_store_pack(struct assay_packer *pk, const struct assay_article *a, unsigned flags,
		     struct assay_packed *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((flags & ASSAY_PACK_URL) && a->url) {
		struct assay_buf url = {0};
		const char *why;

		rc = store_identity(a, &url, &why, &out->distrusted);
		if (rc == ASSAY_OK && !(out->url = assay_buf_steal(&url)))
			rc = ASSAY_ENOMEM;
		assay_buf_release(&url);
		if (rc == ASSAY_ENOMEM)
			goto fail;
	}
	text_hashes(a, out);
	rc = store_pack_deflate(pk, a->text ? a->text : "", a->text ? a->text_len : 0,
				&out->text_z);
	if (!rc && (flags & ASSAY_PACK_RAW)) {
		rc = store_pack_deflate(pk, a->raw ? a->raw : "", a->raw ? a->raw_len : 0,
					&out->raw_z);
		out->has_raw = rc == ASSAY_OK;
	}
	if (rc)
		goto fail;
	out->ok = true;
	return ASSAY_OK;
fail:
	assay_packed_release(out);
	return rc;
}

void assay_packed_release(struct assay_packed *p)
{
	free(p->url);
	free(p->shingles);
	assay_buf_release(&p->text_z);
	assay_buf_release(&p->raw_z);
	memset(p, 0, sizeof *p);
}
