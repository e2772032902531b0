/*
 * hash.h - one descriptor per hash function, so HMAC and HKDF are written
 * once for SHA-256 and SHA-512.
 *
 * A descriptor names the sizes and the three steps; union hash_ctx is big
 * enough for the context of any of them.  Callers pick &hash_sha256 or
 * &hash_sha512 and never look inside the union.
 */
#ifndef TESSERA_LIB_CRYPTO_HASH_H
#define TESSERA_LIB_CRYPTO_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "lib/crypto/sha256.h"
#include "lib/crypto/sha512.h"

#define HASH_MAX_DIGEST_SIZE 64
#define HASH_MAX_BLOCK_SIZE 128

union hash_ctx {
	struct sha256_ctx sha256;
	struct sha512_ctx sha512;
};

struct hash_alg {
	const char *name;
	size_t digest_size;	/* at most HASH_MAX_DIGEST_SIZE */
	size_t block_size;	/* at most HASH_MAX_BLOCK_SIZE */
	void (*init)(union hash_ctx *ctx);
	void (*update)(union hash_ctx *ctx, const void *data, size_t len);
	/* Writes digest_size bytes and wipes the context. */
	void (*final)(union hash_ctx *ctx, uint8_t *out);
};

extern const struct hash_alg hash_sha256;
extern const struct hash_alg hash_sha512;

#endif
