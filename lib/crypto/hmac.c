/*
 * hmac.c - HMAC over a hash descriptor (RFC 2104, FIPS 198-1).
 *
 * Checked against RFC 4231 (tests/unit/test_hmac.c) and OpenSSL
 * (tests/unit/test_sym_openssl.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/hmac.h"
#include "lib/crypto/wipe.h"

/*
 * K0 is the key zero-padded to a block (or its digest, zero-padded, when
 * the key is longer than a block).  The inner context absorbs K0 ^ 0x36..,
 * the outer one K0 ^ 0x5c..; both pads and K0 are wiped before returning.
 */
void hmac_init(struct hmac_ctx *ctx, const struct hash_alg *alg,
    const void *key, size_t key_len)
{
	uint8_t k0[HASH_MAX_BLOCK_SIZE], pad[HASH_MAX_BLOCK_SIZE];
	size_t i;

	ctx->alg = alg;
	memset(k0, 0, sizeof(k0));
	if (key_len > alg->block_size) {
		alg->init(&ctx->inner);
		alg->update(&ctx->inner, key, key_len);
		alg->final(&ctx->inner, k0);
	} else if (key_len > 0) {
		memcpy(k0, key, key_len);
	}
	for (i = 0; i < alg->block_size; i++)
		pad[i] = k0[i] ^ 0x36;
	alg->init(&ctx->inner);
	alg->update(&ctx->inner, pad, alg->block_size);
	for (i = 0; i < alg->block_size; i++)
		pad[i] = k0[i] ^ 0x5c;
	alg->init(&ctx->outer);
	alg->update(&ctx->outer, pad, alg->block_size);
	crypto_wipe(k0, sizeof(k0));
	crypto_wipe(pad, sizeof(pad));
}

void hmac_update(struct hmac_ctx *ctx, const void *data, size_t len)
{
	ctx->alg->update(&ctx->inner, data, len);
}

/* HMAC = H(outer pad || H(inner pad || message)). */
void hmac_final(struct hmac_ctx *ctx, uint8_t *out)
{
	const struct hash_alg *alg = ctx->alg;
	uint8_t inner[HASH_MAX_DIGEST_SIZE];

	alg->final(&ctx->inner, inner);
	alg->update(&ctx->outer, inner, alg->digest_size);
	alg->final(&ctx->outer, out);
	crypto_wipe(inner, sizeof(inner));
	crypto_wipe(ctx, sizeof(*ctx));
}

void hmac(const struct hash_alg *alg, const void *key, size_t key_len,
    const void *data, size_t len, uint8_t *out)
{
	struct hmac_ctx ctx;

	hmac_init(&ctx, alg, key, key_len);
	hmac_update(&ctx, data, len);
	hmac_final(&ctx, out);
}

void hmac_sha256(const void *key, size_t key_len, const void *data,
    size_t len, uint8_t out[32])
{
	hmac(&hash_sha256, key, key_len, data, len, out);
}

void hmac_sha512(const void *key, size_t key_len, const void *data,
    size_t len, uint8_t out[64])
{
	hmac(&hash_sha512, key, key_len, data, len, out);
}
