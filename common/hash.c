/* hash.c - xxh64 (libxxhash) for ids; SHA-256 (nettle) for content. */
#include <nettle/sha2.h>
#include <xxhash.h>

#include "hash.h"

uint64_t assay_hash64(const void *p, size_t len, uint64_t seed)
{
	return XXH64(p, len, seed);
}

void assay_sha256_hex(const void *p, size_t len, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, p);
	sha256_digest(&ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}
