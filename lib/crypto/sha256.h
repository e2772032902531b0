/*
 * sha256.h - SHA-256 (FIPS 180-4), incremental and one-shot.
 *
 * The same shape as sha512.h: init, any number of updates, final.  A
 * context holds no pointers and may be copied (HMAC keeps a keyed copy).
 */
#ifndef TESSERA_LIB_CRYPTO_SHA256_H
#define TESSERA_LIB_CRYPTO_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_BLOCK_SIZE 64

struct sha256_ctx {
	uint32_t h[8];		/* chaining state */
	uint64_t bytes;		/* message bytes absorbed so far */
	uint8_t buf[64];	/* partial block: bytes % 64 of them are used */
};

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
/* Writes the digest and wipes the context; init again to reuse it. */
void sha256_final(struct sha256_ctx *ctx, uint8_t out[32]);

/* The digest of len bytes at data. */
void sha256(const void *data, size_t len, uint8_t out[32]);

#endif
