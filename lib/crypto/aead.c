/*
 * aead.c - AEAD_CHACHA20_POLY1305 (RFC 8439 section 2.8).
 *
 * The Poly1305 key is the first 32 bytes of ChaCha20 block 0 under the
 * nonce (section 2.6); the message is encrypted from block 1 on; the tag
 * covers aad || pad16 || ct || pad16 || le64(aad_len) || le64(ct_len).
 *
 * Checked against RFC 8439 section 2.8.2 and appendix A.5
 * (tests/unit/test_aead.c) and against OpenSSL's EVP_chacha20_poly1305
 * in both directions (tests/unit/test_sym_openssl.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/aead.h"
#include "lib/crypto/chacha20.h"
#include "lib/crypto/equal.h"
#include "lib/crypto/poly1305.h"
#include "lib/crypto/wipe.h"

/* Absorbs the zero bytes that bring a field of len bytes to a multiple of 16. */
static void pad16(struct poly1305_ctx *mac, size_t len)
{
	static const uint8_t zeros[16];

	if (len % 16 != 0)
		poly1305_update(mac, zeros, 16 - len % 16);
}

/* The tag over aad and ct under the one-time key of (key, nonce). */
static void aead_tag(uint8_t tag[16], const uint8_t key[32],
    const uint8_t nonce[12], const void *aad, size_t aad_len,
    const uint8_t *ct, size_t len)
{
	struct poly1305_ctx mac;
	uint8_t block[64], lens[16];
	int i;

	chacha20_block(key, 0, nonce, block);
	poly1305_init(&mac, block);
	crypto_wipe(block, sizeof(block));
	poly1305_update(&mac, aad, aad_len);
	pad16(&mac, aad_len);
	poly1305_update(&mac, ct, len);
	pad16(&mac, len);
	for (i = 0; i < 8; i++) {
		lens[i] = (uint8_t)((uint64_t)aad_len >> (8 * i));
		lens[8 + i] = (uint8_t)((uint64_t)len >> (8 * i));
	}
	poly1305_update(&mac, lens, sizeof(lens));
	poly1305_final(&mac, tag);
}

/* Encrypt-then-MAC: the tag is over the ciphertext just written. */
int aead_seal(uint8_t *ct, uint8_t tag[16], const uint8_t key[32],
    const uint8_t nonce[12], const void *aad, size_t aad_len,
    const uint8_t *pt, size_t len)
{
	if ((uint64_t)len > AEAD_MAX_LEN)
		return -1;
	chacha20_xor(key, nonce, 1, pt, ct, len);
	aead_tag(tag, key, nonce, aad, aad_len, ct, len);
	return 0;
}

int aead_open(uint8_t *pt, const uint8_t key[32], const uint8_t nonce[12],
    const void *aad, size_t aad_len, const uint8_t *ct, size_t len,
    const uint8_t tag[16])
{
	uint8_t want[16];
	int ok;

	if ((uint64_t)len > AEAD_MAX_LEN)
		return -1;
	aead_tag(want, key, nonce, aad, aad_len, ct, len);
	ok = crypto_equal(want, tag, sizeof(want));
	crypto_wipe(want, sizeof(want));
	if (!ok)
		return -1;
	chacha20_xor(key, nonce, 1, ct, pt, len);
	return 0;
}
