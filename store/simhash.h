/* simhash.h - a text's word shingles, hashed: what tells one story
 * republished with edits from another story.
 *
 * Words are runs of letters and digits, lowercased (ASCII); shingles are
 * SIMHASH_SHINGLE consecutive words, each hashed to 64 bits. Two texts are
 * one story when the smaller one's shingles are at least
 * NEARDUP_MIN_SHARED of them in the other too (its containment): a
 * headline or a few words changed, a paragraph added, trimmed or moved
 * keep it above that; a different story on the same topic, even one made
 * from the same template (earnings summaries, a market report two hours
 * later with new prices) or ending in the same long disclaimer, stays
 * below. On the dev pools (bench/dups.py) the 54 pairs the store makes
 * share 0.79 to 1.00; the closest distinct stories share 0.71 (two
 * promotions of one company, 1,500 words of one disclaimer each) and 0.69
 * (one market report, updated).
 *
 * The 64-bit SimHash of the shingles is still recorded with each story,
 * but no longer decides: between short texts it is too noisy (re-edited
 * pairs 0 to 20 bits apart, unrelated stories from 15 bits). Texts under
 * SIMHASH_MIN_WORDS words are never near-duplicates (too short to tell:
 * two price flashes differ in one figure). */
#ifndef ASSAY_SIMHASH_H
#define ASSAY_SIMHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIMHASH_SHINGLE 3
#define SIMHASH_MIN_WORDS 40
#define NEARDUP_MIN_SHARED 0.75

/* Returns false when the text is too short for a meaningful hash. */
bool assay_simhash(const char *text, size_t len, uint64_t *out);
int assay_hamming64(uint64_t a, uint64_t b);

/* A text's shingle hashes, sorted ascending, each once; @words counts
 * the text's words. */
struct assay_shingles {
	uint64_t *h;
	size_t n;
	size_t words;
};

/* Fills @out (which it initialises); ASSAY_OK or ASSAY_ENOMEM. */
int assay_shingles_of(const char *text, size_t len, struct assay_shingles *out);
void assay_shingles_release(struct assay_shingles *s); /* accepts NULL */
/* How many hashes two sorted sets have in common. */
size_t assay_shingles_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
