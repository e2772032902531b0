/*
 * aead.h - ChaCha20-Poly1305 authenticated encryption (RFC 8439 section
 * 2.8), with a detached 16-byte tag.
 *
 * A (key, nonce) pair must never seal two different messages: the nonce
 * is the caller's to keep unique (a counter, or 96 random bits).
 */
#ifndef TESSERA_LIB_CRYPTO_AEAD_H
#define TESSERA_LIB_CRYPTO_AEAD_H

#include <stddef.h>
#include <stdint.h>

#define AEAD_KEY_SIZE 32
#define AEAD_NONCE_SIZE 12
#define AEAD_TAG_SIZE 16

/*
 * Encrypts len bytes of pt into ct (pt == ct is allowed; partial overlap
 * is not) and writes the tag over aad and ct.
 */
void aead_seal(uint8_t *ct, uint8_t tag[16], const uint8_t key[32],
    const uint8_t nonce[12], const void *aad, size_t aad_len,
    const uint8_t *pt, size_t len);

/*
 * Checks the tag over aad and ct first, in constant time; only if it
 * matches does it decrypt ct into pt (ct == pt allowed) and return 0.  On
 * a mismatch it returns -1 and pt is not written at all.
 */
int aead_open(uint8_t *pt, const uint8_t key[32], const uint8_t nonce[12],
    const void *aad, size_t aad_len, const uint8_t *ct, size_t len,
    const uint8_t tag[16]);

#endif
