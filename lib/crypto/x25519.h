/*
 * x25519.h - the X25519 Diffie-Hellman function of RFC 7748.
 *
 * Constant time in the scalar.  The scalar is clamped as RFC 7748 section 5
 * says (bits 0-2 and 255 cleared, bit 254 set); the top bit of the point is
 * ignored and non-canonical u values are reduced mod p.  A low-order point
 * gives an all-zero output: callers doing key agreement with an untrusted
 * peer should refuse that (RFC 7748 section 6.1).
 */
#ifndef TESSERA_LIB_CRYPTO_X25519_H
#define TESSERA_LIB_CRYPTO_X25519_H

#include <stdint.h>

#define X25519_SIZE 32

/* out = X25519(scalar, point). */
void x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]);
/* out = X25519(scalar, 9), the public key of scalar. */
void x25519_base(uint8_t out[32], const uint8_t scalar[32]);

#endif
