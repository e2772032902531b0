/*
 * ed25519.h - Ed25519 signatures (RFC 8032 section 5.1, "pure" Ed25519).
 *
 * A key pair is a 32-byte secret seed and the 32-byte public key derived
 * from it.  Signing is deterministic and constant time in the seed;
 * verification is variable time (it only sees public data) and strict: the
 * exact checks are listed in docs/CRYPTO.md, "Ed25519 verification".
 */
#ifndef TESSERA_LIB_CRYPTO_ED25519_H
#define TESSERA_LIB_CRYPTO_ED25519_H

#include <stddef.h>
#include <stdint.h>

#define ED25519_SEED_SIZE 32
#define ED25519_PUBLIC_KEY_SIZE 32
#define ED25519_SIGNATURE_SIZE 64

/* pub = the encoding of [a]B, a the clamped low half of SHA-512(seed). */
void ed25519_public_key(uint8_t pub[32], const uint8_t seed[32]);
/*
 * sig = R || S over len bytes at msg; sig must not overlap msg.  pub must
 * be ed25519_public_key(seed): it is hashed into the signature, not
 * recomputed, and two signatures of one message under one seed with two
 * different pub values reveal the secret scalar.  Keep seed and pub
 * together (the key store does) and never take pub from a caller.
 */
void ed25519_sign(uint8_t sig[64], const void *msg, size_t len,
    const uint8_t seed[32], const uint8_t pub[32]);
/* Returns 0 if sig is a valid signature of msg under pub, else -1. */
int ed25519_verify(const uint8_t sig[64], const void *msg, size_t len,
    const uint8_t pub[32]);

#endif
