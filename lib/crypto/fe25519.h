/*
 * fe25519.h - arithmetic in the field GF(2^255 - 19), shared by X25519 and
 * Ed25519.
 *
 * An element is five 51-bit limbs, value = v[0] + v[1]*2^51 + ... +
 * v[4]*2^204, not necessarily reduced.  Every function below returns limbs
 * below 2^52 given inputs below 2^52 (the "loose" bound), so results can be
 * chained freely.  Only fe25519_tobytes produces the canonical value.
 *
 * Constant time: no function branches on, or indexes memory with, the
 * value of an element; fe25519_cswap and fe25519_cmov take a 0/1 flag and
 * work by masking.  Products go through 128-bit integers (a GCC/Clang
 * extension, available on every 64-bit target both compilers support).
 */
#ifndef TESSERA_LIB_CRYPTO_FE25519_H
#define TESSERA_LIB_CRYPTO_FE25519_H

#include <stdint.h>

struct fe25519 {
	uint64_t v[5];
};

void fe25519_zero(struct fe25519 *h);
void fe25519_one(struct fe25519 *h);
/* h = f + g, f - g, -f. */
void fe25519_add(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g);
void fe25519_sub(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g);
void fe25519_neg(struct fe25519 *h, const struct fe25519 *f);
/* h = f * g, f^2, f * n for a small constant n < 2^20. */
void fe25519_mul(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g);
void fe25519_sq(struct fe25519 *h, const struct fe25519 *f);
void fe25519_mul_small(struct fe25519 *h, const struct fe25519 *f,
    uint32_t n);
/* h = 1/f (0 for f = 0), by Fermat: f^(p-2). */
void fe25519_invert(struct fe25519 *h, const struct fe25519 *f);
/* h = f^((p-5)/8), the core of the square root in Ed25519 decoding. */
void fe25519_pow22523(struct fe25519 *h, const struct fe25519 *f);
/* Swaps f and g if swap is 1, leaves them if 0. */
void fe25519_cswap(struct fe25519 *f, struct fe25519 *g, uint64_t swap);
/* h = f if move is 1, unchanged if 0. */
void fe25519_cmov(struct fe25519 *h, const struct fe25519 *f, uint64_t move);
/* The 255 low bits of s, little-endian (bit 255 is ignored). */
void fe25519_frombytes(struct fe25519 *h, const uint8_t s[32]);
/* The canonical little-endian encoding, value in [0, p). */
void fe25519_tobytes(uint8_t s[32], const struct fe25519 *f);
/* 1 if f is 0 mod p, else 0. */
int fe25519_iszero(const struct fe25519 *f);
/* The low bit of the canonical value ("negative" in RFC 8032 terms). */
int fe25519_isodd(const struct fe25519 *f);

#endif
