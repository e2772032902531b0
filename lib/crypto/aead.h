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
/* Blocks 1 .. 2^32 - 1 of the keystream: past that the counter would wrap
 * to block 0, whose keystream is the Poly1305 key. */
#define AEAD_MAX_LEN ((((uint64_t)1 << 32) - 1) * 64)

/*
 * Encrypts len bytes of pt into ct (pt == ct is allowed; partial overlap
 * is not) and writes the tag over aad and ct.  Returns 0, or -1 without
 * writing anything if len exceeds AEAD_MAX_LEN.
 */
int aead_seal(uint8_t *ct, uint8_t tag[16], const uint8_t key[32],
    const uint8_t nonce[12], const void *aad, size_t aad_len,
    const uint8_t *pt, size_t len);

/*
 * Checks the tag over aad and ct first, in constant time; only if it
 * matches does it decrypt ct into pt (ct == pt allowed) and return 0.  On
 * a mismatch (or len above AEAD_MAX_LEN) it returns -1 and pt is not
 * written at all.
 */
int aead_open(uint8_t *pt, const uint8_t key[32], const uint8_t nonce[12],
    const void *aad, size_t aad_len, const uint8_t *ct, size_t len,
    const uint8_t tag[16]);

#endif
