/* simhash.h - 64-bit SimHash of a text's word shingles, for finding one
 * story republished with light edits.
 *
 * Words are runs of letters and digits, lowercased (ASCII); shingles are
 * SIMHASH_SHINGLE consecutive words. Two texts are near-duplicates when
 * their hashes differ in at most SIMHASH_MAX_BITS bits. On the test set
 * (tests/data/store/neardup) republished variants of one story differ by
 * 0 to 10 bits from each other (13 to 19 for the heaviest edit of the
 * shortest story) and distinct stories on the same topic by 22 or more. Texts under
 * SIMHASH_MIN_WORDS words get no hash (too short to tell). */
#ifndef ASSAY_SIMHASH_H
#define ASSAY_SIMHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIMHASH_SHINGLE 3
#define SIMHASH_MIN_WORDS 40
#define SIMHASH_MAX_BITS 9

/* Returns false when the text is too short for a meaningful hash. */
bool assay_simhash(const char *text, size_t len, uint64_t *out);
int assay_hamming64(uint64_t a, uint64_t b);

#endif
