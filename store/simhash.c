/* simhash.c - 64-bit SimHash of a text's word shingles (see simhash.h).
 *
 * Each shingle's 64-bit hash votes +1 or -1 on every bit; the sign of the
 * sum is the bit. Two texts whose shingle sets are at angle theta differ in
 * about 64 * theta / pi bits: a headline changed or a paragraph dropped
 * flips a few, a different story about half. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "hash.h"
#include "simhash.h"

#define MAX_WORD 64

struct word {
	uint64_t h;
};

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* Hash of the next word at or after *pos, lowercased; false at the end. */
static bool next_word(const char *t, size_t len, size_t *pos, uint64_t *h)
{
	unsigned char w[MAX_WORD];
	size_t i = *pos, n = 0;

	while (i < len && !is_word_byte((unsigned char)t[i]))
		i++;
	if (i >= len)
		return false;
	while (i < len && is_word_byte((unsigned char)t[i])) {
		unsigned char c = (unsigned char)t[i++];

		if (n < MAX_WORD)
			w[n++] = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
	}
	*pos = i;
	*h = assay_hash64(w, n, 0x5eed);
	return true;
}

static void vote(int32_t acc[64], uint64_t h)
{
	for (int b = 0; b < 64; b++)
		acc[b] += (h >> b & 1) ? 1 : -1;
}

/* Calls @fn with the hash of each word shingle of the text, in order;
 * returns the number of words. */
static size_t walk_shingles(const char *text, size_t len, void (*fn)(void *ctx, uint64_t h),
			    void *ctx)
{
	uint64_t ring[SIMHASH_SHINGLE] = {0}, h;
	size_t pos = 0, nwords = 0;

	while (next_word(text, len, &pos, &h)) {
		ring[nwords % SIMHASH_SHINGLE] = h;
		nwords++;
		if (nwords >= SIMHASH_SHINGLE) {
			uint64_t s = 0;

			for (size_t k = 0; k < SIMHASH_SHINGLE; k++) {
				size_t idx = (nwords - SIMHASH_SHINGLE + k) % SIMHASH_SHINGLE;

				s = assay_hash64(&(uint64_t[2]){s, ring[idx]}, 16, k);
			}
			fn(ctx, s);
		}
	}
	return nwords;
}

static void vote_shingle(void *ctx, uint64_t h)
{
	vote(ctx, h);
}

bool assay_simhash(const char *text, size_t len, uint64_t *out)
{
	int32_t acc[64] = {0};
	size_t nwords = walk_shingles(text, len, vote_shingle, acc);

	*out = 0;
	if (nwords < SIMHASH_MIN_WORDS)
		return false;
	for (int b = 0; b < 64; b++)
		if (acc[b] > 0)
			*out |= (uint64_t)1 << b;
	return true;
}

struct collect {
	struct assay_shingles *out;
	bool nomem;
};

static void collect_shingle(void *ctx, uint64_t h)
{
	struct collect *c = ctx;

	if (c->nomem || assay_array_grow(&c->out->h, c->out->n, sizeof h)) {
		c->nomem = true;
		return;
	}
	c->out->h[c->out->n++] = h;
}

/* Sorts @n hashes ascending: LSD radix sort, a byte a pass, through
 * @tmp (room for @n). qsort's calls to a compare function were a twentieth
 * of ingest at 10,000 articles. */
static void sort_hashes(uint64_t *v, uint64_t *tmp, size_t n)
{
	for (int shift = 0; shift < 64; shift += 8) {
		size_t count[257] = {0};

		for (size_t i = 0; i < n; i++)
			count[(v[i] >> shift & 0xff) + 1]++;
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			tmp[count[v[i] >> shift & 0xff]++] = v[i];
		memcpy(v, tmp, n * sizeof *v);
	}
}

int assay_shingles_of(const char *text, size_t len, struct assay_shingles *out)
{
	struct collect c = {out, false};
	size_t n = 0;

	memset(out, 0, sizeof *out);
	out->words = walk_shingles(text ? text : "", text ? len : 0, collect_shingle, &c);
	if (c.nomem) {
		assay_shingles_release(out);
		return ASSAY_ENOMEM;
	}
	if (out->n) {
		uint64_t *tmp = malloc(out->n * sizeof *tmp);

		if (!tmp) {
			assay_shingles_release(out);
			return ASSAY_ENOMEM;
		}
		sort_hashes(out->h, tmp, out->n);
		free(tmp);
	}
	for (size_t i = 0; i < out->n; i++) /* each once */
		if (n == 0 || out->h[i] != out->h[n - 1])
			out->h[n++] = out->h[i];
	out->n = n;
	return ASSAY_OK;
}

void assay_shingles_release(struct assay_shingles *s)
{
	if (!s)
		return;
	free(s->h);
	memset(s, 0, sizeof *s);
}

size_t assay_shingles_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j])
			both++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return both;
}

int assay_hamming64(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}
