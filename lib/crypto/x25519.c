/*
 * x25519.c - X25519 (RFC 7748 section 5) by the Montgomery ladder.
 *
 * The ladder walks bits 254..0 of the clamped scalar with the same field
 * operations for every bit; which of the two points is which is decided
 * by fe25519_cswap on a mask, never by a branch.  Checked by
 * tests/unit/test_x25519.c (RFC 7748 vectors) and test_curve_openssl.c.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/fe25519.h"
#include "lib/crypto/wipe.h"
#include "lib/crypto/x25519.h"

/* (A - 2) / 4 for the Montgomery curve coefficient A = 486662. */
#define A24 121665

/* The ladder state: (x2 : z2) = [k_high]u, (x3 : z3) = [k_high + 1]u. */
struct ladder {
	struct fe25519 x1, x2, z2, x3, z3;
	struct fe25519 a, aa, b, bb, e, c, d, da, cb;
};

/* One ladder step: the RFC 7748 formulas, differential add and double. */
static void ladder_step(struct ladder *l)
{
	fe25519_add(&l->a, &l->x2, &l->z2);
	fe25519_sq(&l->aa, &l->a);
	fe25519_sub(&l->b, &l->x2, &l->z2);
	fe25519_sq(&l->bb, &l->b);
	fe25519_sub(&l->e, &l->aa, &l->bb);
	fe25519_add(&l->c, &l->x3, &l->z3);
	fe25519_sub(&l->d, &l->x3, &l->z3);
	fe25519_mul(&l->da, &l->d, &l->a);
	fe25519_mul(&l->cb, &l->c, &l->b);
	fe25519_add(&l->x3, &l->da, &l->cb);
	fe25519_sq(&l->x3, &l->x3);
	fe25519_sub(&l->z3, &l->da, &l->cb);
	fe25519_sq(&l->z3, &l->z3);
	fe25519_mul(&l->z3, &l->z3, &l->x1);
	fe25519_mul(&l->x2, &l->aa, &l->bb);
	fe25519_mul_small(&l->z2, &l->e, A24);
	fe25519_add(&l->z2, &l->z2, &l->aa);
	fe25519_mul(&l->z2, &l->z2, &l->e);
}

void x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32])
{
	struct ladder l;
	uint8_t k[32];
	uint64_t swap = 0, bit;
	int t;

	memcpy(k, scalar, 32);
	k[0] &= 248;
	k[31] &= 127;
	k[31] |= 64;
	fe25519_frombytes(&l.x1, point);
	fe25519_one(&l.x2);
	fe25519_zero(&l.z2);
	l.x3 = l.x1;
	fe25519_one(&l.z3);
	for (t = 254; t >= 0; t--) {
		bit = (k[t >> 3] >> (t & 7)) & 1;
		swap ^= bit;
		fe25519_cswap(&l.x2, &l.x3, swap);
		fe25519_cswap(&l.z2, &l.z3, swap);
		swap = bit;
		ladder_step(&l);
	}
	fe25519_cswap(&l.x2, &l.x3, swap);
	fe25519_cswap(&l.z2, &l.z3, swap);
	fe25519_invert(&l.z2, &l.z2);
	fe25519_mul(&l.x2, &l.x2, &l.z2);
	fe25519_tobytes(out, &l.x2);
	crypto_wipe(&l, sizeof(l));
	crypto_wipe(k, sizeof(k));
}

void x25519_base(uint8_t out[32], const uint8_t scalar[32])
{
	static const uint8_t nine[32] = { 9 };

	x25519(out, scalar, nine);
}
