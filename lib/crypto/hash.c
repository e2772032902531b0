/*
 * hash.c - the descriptors of hash.h: thin adapters from the union to each
 * hash's own context type.
 */
#include <stddef.h>
#include <stdint.h>

#include "lib/crypto/hash.h"

static void sha256_init_any(union hash_ctx *ctx)
{
	sha256_init(&ctx->sha256);
}

static void sha256_update_any(union hash_ctx *ctx, const void *data, size_t len)
{
	sha256_update(&ctx->sha256, data, len);
}

static void sha256_final_any(union hash_ctx *ctx, uint8_t *out)
{
	sha256_final(&ctx->sha256, out);
}

const struct hash_alg hash_sha256 = {
	.name = "sha256",
	.digest_size = SHA256_DIGEST_SIZE,
	.block_size = SHA256_BLOCK_SIZE,
	.init = sha256_init_any,
	.update = sha256_update_any,
	.final = sha256_final_any,
};

static void sha512_init_any(union hash_ctx *ctx)
{
	sha512_init(&ctx->sha512);
}

static void sha512_update_any(union hash_ctx *ctx, const void *data, size_t len)
{
	sha512_update(&ctx->sha512, data, len);
}

static void sha512_final_any(union hash_ctx *ctx, uint8_t *out)
{
	sha512_final(&ctx->sha512, out);
}

const struct hash_alg hash_sha512 = {
	.name = "sha512",
	.digest_size = SHA512_DIGEST_SIZE,
	.block_size = SHA512_BLOCK_SIZE,
	.init = sha512_init_any,
	.update = sha512_update_any,
	.final = sha512_final_any,
};
