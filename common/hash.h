/* hash.h - the hashes assay uses: xxh64 for ids and index keys (fast, not
 * secure), SHA-256 for content identity that users see in exports. */
#ifndef ASSAY_HASH_H
#define ASSAY_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t assay_hash64(const void *p, size_t len, uint64_t seed);
/* Writes 64 lowercase hex digits and a NUL to @hex (65 bytes). */
void assay_sha256_hex(const void *p, size_t len, char hex[65]);

#endif
