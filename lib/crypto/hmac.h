/*
 * hmac.h - HMAC (RFC 2104) over any hash of hash.h: HMAC-SHA256 and
 * HMAC-SHA512 are the same code with a different descriptor.
 *
 * The context keeps two hash contexts that have already absorbed the
 * inner and outer key pads; the key itself and the pads are wiped in
 * hmac_init, so a context can be copied to MAC several messages under one
 * key (HKDF-Expand does).
 */
#ifndef TESSERA_LIB_CRYPTO_HMAC_H
#define TESSERA_LIB_CRYPTO_HMAC_H

#include <stddef.h>
#include <stdint.h>

#include "lib/crypto/hash.h"

struct hmac_ctx {
	const struct hash_alg *alg;
	union hash_ctx inner;	/* H((K ^ ipad) || message...) */
	union hash_ctx outer;	/* H((K ^ opad) || ...), waiting for the inner digest */
};

/* Keys a context; a key longer than a block is hashed first (RFC 2104). */
void hmac_init(struct hmac_ctx *ctx, const struct hash_alg *alg,
    const void *key, size_t key_len);
void hmac_update(struct hmac_ctx *ctx, const void *data, size_t len);
/* Writes ctx->alg->digest_size bytes and wipes the context. */
void hmac_final(struct hmac_ctx *ctx, uint8_t *out);

/* One-shot forms; out receives alg->digest_size bytes. */
void hmac(const struct hash_alg *alg, const void *key, size_t key_len,
    const void *data, size_t len, uint8_t *out);
void hmac_sha256(const void *key, size_t key_len, const void *data,
    size_t len, uint8_t out[32]);
void hmac_sha512(const void *key, size_t key_len, const void *data,
    size_t len, uint8_t out[64]);

#endif
