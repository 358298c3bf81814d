/* simhash.c - 64-bit SimHash of a text's word shingles (see simhash.h).
 *
 * Each shingle's 64-bit hash votes +1 or -1 on every bit; the sign of the
 * sum is the bit. Two texts whose shingle sets are at angle theta differ in
 * about 64 * theta / pi bits: a headline changed or a paragraph dropped
 * flips a few, a different story about half. */
#include <string.h>

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

bool assay_simhash(const char *text, size_t len, uint64_t *out)
{
	uint64_t ring[SIMHASH_SHINGLE] = {0}, h;
	int32_t acc[64] = {0};
	size_t pos = 0, nwords = 0;

	*out = 0;
	while (next_word(text, len, &pos, &h)) {
		ring[nwords % SIMHASH_SHINGLE] = h;
		nwords++;
		if (nwords >= SIMHASH_SHINGLE) {
			uint64_t s = 0;

			for (size_t k = 0; k < SIMHASH_SHINGLE; k++) {
				size_t idx = (nwords - SIMHASH_SHINGLE + k) % SIMHASH_SHINGLE;

				s = assay_hash64(&(uint64_t[2]){s, ring[idx]}, 16, k);
			}
			vote(acc, s);
		}
	}
	if (nwords < SIMHASH_MIN_WORDS)
		return false;
	for (int b = 0; b < 64; b++)
		if (acc[b] > 0)
			*out |= (uint64_t)1 << b;
	return true;
}

int assay_hamming64(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}
