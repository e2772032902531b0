/*
 * poly1305.h - the Poly1305 one-time authenticator (RFC 8439 section 2.5).
 *
 * A 32-byte one-time key (r, s) gives a 16-byte tag.  A key must never
 * authenticate two different messages; the AEAD derives a fresh one per
 * nonce.  Incremental and one-shot.
 */
#ifndef TESSERA_LIB_CRYPTO_POLY1305_H
#define TESSERA_LIB_CRYPTO_POLY1305_H

#include <stddef.h>
#include <stdint.h>

#define POLY1305_KEY_SIZE 32
#define POLY1305_TAG_SIZE 16

struct poly1305_ctx {
	uint32_t r[5];		/* clamped r in 26-bit limbs */
	uint32_t h[5];		/* accumulator in 26-bit limbs */
	uint32_t s[4];		/* s as four little-endian words */
	uint8_t buf[16];	/* partial block */
	size_t used;		/* bytes in buf */
};

void poly1305_init(struct poly1305_ctx *ctx, const uint8_t key[32]);
void poly1305_update(struct poly1305_ctx *ctx, const void *data, size_t len);
/* Writes the tag and wipes the context. */
void poly1305_final(struct poly1305_ctx *ctx, uint8_t tag[16]);

void poly1305(uint8_t tag[16], const void *msg, size_t len,
    const uint8_t key[32]);

#endif
