/*
 * fe25519.c - GF(2^255 - 19) in five 51-bit limbs (see fe25519.h).
 *
 * Reduction uses 2^255 = 19 (mod p): a limb product landing at 2^255 or
 * above is folded back multiplied by 19.  Bounds, with every input limb
 * below 2^52: a column of the schoolbook product is at most
 * 2^104 + 4 * 19 * 2^104 < 2^111, so columns fit a 128-bit accumulator and
 * the carry out of the top column, times 19, stays below 2^64.
 * Checked through X25519 and Ed25519 (RFC vectors, OpenSSL differential).
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/fe25519.h"
#include "lib/crypto/bytes.h"
#include "lib/crypto/wipe.h"

__extension__ typedef unsigned __int128 u128;

#define MASK51 ((UINT64_C(1) << 51) - 1)

void fe25519_zero(struct fe25519 *h)
{
	memset(h, 0, sizeof(*h));
}

void fe25519_one(struct fe25519 *h)
{
	memset(h, 0, sizeof(*h));
	h->v[0] = 1;
}

/*
 * Carries limbs that may have grown to ~2^63 back below 2^51 (limb 1 may
 * keep a few extra bits): one pass up the chain, the top carry folded into
 * limb 0 times 19, and one more step from limb 0 to limb 1.
 */
static void fe_carry(uint64_t h[5])
{
	uint64_t c;
	int i;

	for (i = 0; i < 4; i++) {
		c = h[i] >> 51;
		h[i] &= MASK51;
		h[i + 1] += c;
	}
	c = h[4] >> 51;
	h[4] &= MASK51;
	h[0] += c * 19;
	c = h[0] >> 51;
	h[0] &= MASK51;
	h[1] += c;
}

void fe25519_add(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g)
{
	int i;

	for (i = 0; i < 5; i++)
		h->v[i] = f->v[i] + g->v[i];
	fe_carry(h->v);
}

/* f - g computed as f + 4p - g, so no limb goes negative for g < 2^53. */
void fe25519_sub(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g)
{
	static const uint64_t four_p[5] = {
		4 * (MASK51 - 18), 4 * MASK51, 4 * MASK51, 4 * MASK51,
		4 * MASK51,
	};
	int i;

	for (i = 0; i < 5; i++)
		h->v[i] = f->v[i] + four_p[i] - g->v[i];
	fe_carry(h->v);
}

void fe25519_neg(struct fe25519 *h, const struct fe25519 *f)
{
	struct fe25519 zero;

	fe25519_zero(&zero);
	fe25519_sub(h, &zero, f);
}

/* Carries five 128-bit columns into limbs below 2^51 (limb 1: 2^52). */
static void fe_carry_wide(uint64_t h[5], u128 r[5])
{
	uint64_t c;
	int i;

	for (i = 0; i < 4; i++) {
		r[i + 1] += r[i] >> 51;
		h[i] = (uint64_t)r[i] & MASK51;
	}
	h[4] = (uint64_t)r[4] & MASK51;
	h[0] += (uint64_t)(r[4] >> 51) * 19;
	c = h[0] >> 51;
	h[0] &= MASK51;
	h[1] += c;
}

void fe25519_mul(struct fe25519 *h, const struct fe25519 *f,
    const struct fe25519 *g)
{
	const uint64_t *a = f->v, *b = g->v;
	uint64_t b19[5];
	u128 r[5];
	int i;

	for (i = 1; i < 5; i++)
		b19[i] = b[i] * 19;
	r[0] = (u128)a[0] * b[0] + (u128)a[1] * b19[4] +
	    (u128)a[2] * b19[3] + (u128)a[3] * b19[2] + (u128)a[4] * b19[1];
	r[1] = (u128)a[0] * b[1] + (u128)a[1] * b[0] +
	    (u128)a[2] * b19[4] + (u128)a[3] * b19[3] + (u128)a[4] * b19[2];
	r[2] = (u128)a[0] * b[2] + (u128)a[1] * b[1] + (u128)a[2] * b[0] +
	    (u128)a[3] * b19[4] + (u128)a[4] * b19[3];
	r[3] = (u128)a[0] * b[3] + (u128)a[1] * b[2] + (u128)a[2] * b[1] +
	    (u128)a[3] * b[0] + (u128)a[4] * b19[4];
	r[4] = (u128)a[0] * b[4] + (u128)a[1] * b[3] + (u128)a[2] * b[2] +
	    (u128)a[3] * b[1] + (u128)a[4] * b[0];
	fe_carry_wide(h->v, r);
}

/* The product above with the symmetric terms merged. */
void fe25519_sq(struct fe25519 *h, const struct fe25519 *f)
{
	const uint64_t *a = f->v;
	uint64_t d0 = 2 * a[0], d1 = 2 * a[1], a3_19 = 19 * a[3];
	uint64_t a4_19 = 19 * a[4];
	u128 r[5];

	r[0] = (u128)a[0] * a[0] + (u128)d1 * a4_19 +
	    (u128)(2 * a[2]) * a3_19;
	r[1] = (u128)d0 * a[1] + (u128)(2 * a[2]) * a4_19 +
	    (u128)a[3] * a3_19;
	r[2] = (u128)d0 * a[2] + (u128)a[1] * a[1] +
	    (u128)(2 * a[3]) * a4_19;
	r[3] = (u128)d0 * a[3] + (u128)d1 * a[2] + (u128)a[4] * a4_19;
	r[4] = (u128)d0 * a[4] + (u128)d1 * a[3] + (u128)a[2] * a[2];
	fe_carry_wide(h->v, r);
}

void fe25519_mul_small(struct fe25519 *h, const struct fe25519 *f,
    uint32_t n)
{
	u128 r[5];
	int i;

	for (i = 0; i < 5; i++)
		r[i] = (u128)f->v[i] * n;
	fe_carry_wide(h->v, r);
}

/* h = f^(2^k): k squarings (k >= 1). */
static void fe_sq_times(struct fe25519 *h, const struct fe25519 *f, int k)
{
	fe25519_sq(h, f);
	while (--k > 0)
		fe25519_sq(h, h);
}

/*
 * Sets z11 = f^11 and h = f^(2^250 - 1), the common prefix of the two
 * exponentiations below.  Each step names the exponent reached.
 */
static void fe_pow_2_250_1(struct fe25519 *h, struct fe25519 *z11,
    const struct fe25519 *f)
{
	struct fe25519 z2, a, b, c;

	fe25519_sq(&z2, f);			/* 2 */
	fe_sq_times(&a, &z2, 2);		/* 8 */
	fe25519_mul(&a, &a, f);			/* 9 */
	fe25519_mul(z11, &z2, &a);		/* 11 */
	fe25519_sq(&b, z11);			/* 22 */
	fe25519_mul(&a, &a, &b);		/* 2^5 - 1 */
	fe_sq_times(&b, &a, 5);
	fe25519_mul(&a, &b, &a);		/* 2^10 - 1 */
	fe_sq_times(&b, &a, 10);
	fe25519_mul(&b, &b, &a);		/* 2^20 - 1 */
	fe_sq_times(&c, &b, 20);
	fe25519_mul(&b, &c, &b);		/* 2^40 - 1 */
	fe_sq_times(&b, &b, 10);
	fe25519_mul(&a, &b, &a);		/* 2^50 - 1 */
	fe_sq_times(&b, &a, 50);
	fe25519_mul(&b, &b, &a);		/* 2^100 - 1 */
	fe_sq_times(&c, &b, 100);
	fe25519_mul(&b, &c, &b);		/* 2^200 - 1 */
	fe_sq_times(&b, &b, 50);
	fe25519_mul(h, &b, &a);			/* 2^250 - 1 */
	crypto_wipe(&z2, sizeof(z2));
	crypto_wipe(&a, sizeof(a));
	crypto_wipe(&b, sizeof(b));
	crypto_wipe(&c, sizeof(c));
}

/* p - 2 = 2^255 - 21 = (2^250 - 1) * 2^5 + 11. */
void fe25519_invert(struct fe25519 *h, const struct fe25519 *f)
{
	struct fe25519 t, z11;

	fe_pow_2_250_1(&t, &z11, f);
	fe_sq_times(&t, &t, 5);
	fe25519_mul(h, &t, &z11);
	crypto_wipe(&t, sizeof(t));
	crypto_wipe(&z11, sizeof(z11));
}

/* (p - 5) / 8 = 2^252 - 3 = (2^250 - 1) * 4 + 1. */
void fe25519_pow22523(struct fe25519 *h, const struct fe25519 *f)
{
	struct fe25519 t, z11;

	fe_pow_2_250_1(&t, &z11, f);
	fe_sq_times(&t, &t, 2);
	fe25519_mul(h, &t, f);
	crypto_wipe(&t, sizeof(t));
	crypto_wipe(&z11, sizeof(z11));
}

void fe25519_cswap(struct fe25519 *f, struct fe25519 *g, uint64_t swap)
{
	uint64_t mask = 0 - swap, x;
	int i;

	for (i = 0; i < 5; i++) {
		x = (f->v[i] ^ g->v[i]) & mask;
		f->v[i] ^= x;
		g->v[i] ^= x;
	}
}

void fe25519_cmov(struct fe25519 *h, const struct fe25519 *f, uint64_t move)
{
	uint64_t mask = 0 - move;
	int i;

	for (i = 0; i < 5; i++)
		h->v[i] ^= (h->v[i] ^ f->v[i]) & mask;
}

void fe25519_frombytes(struct fe25519 *h, const uint8_t s[32])
{
	uint64_t w0 = load_le64(s), w1 = load_le64(s + 8);
	uint64_t w2 = load_le64(s + 16), w3 = load_le64(s + 24);

	h->v[0] = w0 & MASK51;
	h->v[1] = (w0 >> 51 | w1 << 13) & MASK51;
	h->v[2] = (w1 >> 38 | w2 << 26) & MASK51;
	h->v[3] = (w2 >> 25 | w3 << 39) & MASK51;
	h->v[4] = (w3 >> 12) & MASK51;
}

/*
 * After fe_carry the value h is below 2^255 + 2^65 < 2p.  q = floor((h +
 * 19) / 2^255) is then 1 exactly when h >= p; adding 19q and dropping bit
 * 255 subtracts qp.  The carry chains run the same way for every value.
 */
void fe25519_tobytes(uint8_t s[32], const struct fe25519 *f)
{
	uint64_t h[5], q;
	int i;

	memcpy(h, f->v, sizeof(h));
	fe_carry(h);
	q = (h[0] + 19) >> 51;
	for (i = 1; i < 5; i++)
		q = (h[i] + q) >> 51;
	h[0] += 19 * q;
	for (i = 0; i < 4; i++) {
		h[i + 1] += h[i] >> 51;
		h[i] &= MASK51;
	}
	h[4] &= MASK51;
	store_le64(s, h[0] | h[1] << 51);
	store_le64(s + 8, h[1] >> 13 | h[2] << 38);
	store_le64(s + 16, h[2] >> 26 | h[3] << 25);
	store_le64(s + 24, h[3] >> 39 | h[4] << 12);
	crypto_wipe(h, sizeof(h));
}

int fe25519_iszero(const struct fe25519 *f)
{
	uint8_t s[32];
	unsigned acc = 0;
	int i;

	fe25519_tobytes(s, f);
	for (i = 0; i < 32; i++)
		acc |= s[i];
	crypto_wipe(s, sizeof(s));
	return (int)(((acc - 1) >> 8) & 1);
}

int fe25519_isodd(const struct fe25519 *f)
{
	uint8_t s[32];
	int odd;

	fe25519_tobytes(s, f);
	odd = s[0] & 1;
	crypto_wipe(s, sizeof(s));
	return odd;
}
