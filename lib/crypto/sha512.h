/*
 * sha512.h - the SHA-512 hash of FIPS 180-4.
 *
 * Incremental (init, update..., final) or one-shot.  Pure code: no
 * allocation, usable in the kernel image and in host tests alike.
 */
#ifndef TESSERA_LIB_CRYPTO_SHA512_H
#define TESSERA_LIB_CRYPTO_SHA512_H

#include <stddef.h>
#include <stdint.h>

#define SHA512_BLOCK_SIZE 128
#define SHA512_DIGEST_SIZE 64

struct sha512_ctx {
	uint64_t state[8];
	uint64_t bytes;			/* message bytes absorbed so far */
	uint8_t block[SHA512_BLOCK_SIZE];	/* partial block */
	size_t used;			/* bytes in block, < SHA512_BLOCK_SIZE */
};

void sha512_init(struct sha512_ctx *ctx);
/* Absorbs len bytes at data; len 0 is allowed (data may then be NULL). */
void sha512_update(struct sha512_ctx *ctx, const void *data, size_t len);
/* Writes the digest and wipes ctx; init again before reusing it. */
void sha512_final(struct sha512_ctx *ctx, uint8_t out[SHA512_DIGEST_SIZE]);
/* The digest of len bytes at data in one call. */
void sha512(const void *data, size_t len, uint8_t out[SHA512_DIGEST_SIZE]);

#endif
