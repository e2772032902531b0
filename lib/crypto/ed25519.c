/*
 * ed25519.c - Ed25519 (RFC 8032 section 5.1) on the twisted Edwards curve
 * -x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19), d = -121665/121666.
 *
 * Points are kept in extended coordinates (X : Y : Z : T) with x = X/Z,
 * y = Y/Z, xy = T/Z (Hisil, Wong, Carter, Dawson 2008); the addition law
 * used is complete on this curve (d is not a square), so the identity and
 * doubling need no special case.  Scalars mod L are reduced bit by bit.
 *
 * Secret scalars (signing, key generation) go through scalarmult_ct: fixed
 * 4-bit windows, every table entry read and masked in for every window.
 * Verification uses variable-time code on public data only.  See
 * docs/CRYPTO.md for the verification checks and the constant-time rules.
 * Checked by tests/unit/test_ed25519.c (RFC 8032 vectors, rejections) and
 * tests/unit/test_curve_openssl.c (against OpenSSL).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/ed25519.h"
#include "lib/crypto/bytes.h"
#include "lib/crypto/fe25519.h"
#include "lib/crypto/sha512.h"
#include "lib/crypto/wipe.h"

__extension__ typedef unsigned __int128 u128;

/* A point in extended coordinates. */
struct ge_p3 {
	struct fe25519 x, y, z, t;
};

/* A point ready to be added: (Y + X, Y - X, Z, 2dT). */
struct ge_cached {
	struct fe25519 ypx, ymx, z, t2d;
};

/* 2d, sqrt(-1) and the base point B = (x, 4/5), as 51-bit limbs. */
static const struct fe25519 fe_d = { {
	0x34dca135978a3ull, 0x1a8283b156ebdull, 0x5e7a26001c029ull,
	0x739c663a03cbbull, 0x52036cee2b6ffull } };
static const struct fe25519 fe_2d = { {
	0x69b9426b2f159ull, 0x35050762add7aull, 0x3cf44c0038052ull,
	0x6738cc7407977ull, 0x2406d9dc56dffull } };
static const struct fe25519 fe_sqrtm1 = { {
	0x61b274a0ea0b0ull, 0x0d5a5fc8f189dull, 0x7ef5e9cbd0c60ull,
	0x78595a6804c9eull, 0x2b8324804fc1dull } };
static const struct ge_p3 ge_base = {
	{ { 0x62d608f25d51aull, 0x412a4b4f6592aull, 0x75b7171a4b31dull,
	    0x1ff60527118feull, 0x216936d3cd6e5ull } },
	{ { 0x6666666666658ull, 0x4ccccccccccccull, 0x1999999999999ull,
	    0x3333333333333ull, 0x6666666666666ull } },
	{ { 1, 0, 0, 0, 0 } },
	{ { 0x68ab3a5b7dda3ull, 0x00eea2a5eadbbull, 0x2af8df483c27eull,
	    0x332b375274732ull, 0x67875f0fd78b7ull } },
};

/* The group order L = 2^252 + 27742317777372353535851937790883648493,
 * as 64-bit little-endian words. */
static const uint64_t sc_l[4] = {
	0x5812631a5cf5d3edull, 0x14def9dea2f79cd6ull, 0, 0x1000000000000000ull,
};

/* ------------------------------------------------------------ scalars */

/*
 * out = the n-word little-endian number x mod L.  Bit by bit from the top:
 * r = 2r + bit, then r - L replaces r unless that borrows.  r < L < 2^253
 * throughout, so 2r + 1 fits four words.  Same work for every value.
 */
static void sc_reduce_words(uint8_t out[32], const uint64_t *x, int n)
{
	uint64_t r[4] = { 0, 0, 0, 0 }, t[4], bit, borrow, keep;
	u128 d;
	int i, j;

	for (i = 64 * n - 1; i >= 0; i--) {
		bit = (x[i >> 6] >> (i & 63)) & 1;
		for (j = 3; j > 0; j--)
			r[j] = r[j] << 1 | r[j - 1] >> 63;
		r[0] = r[0] << 1 | bit;
		borrow = 0;
		for (j = 0; j < 4; j++) {
			d = (u128)r[j] - sc_l[j] - borrow;
			t[j] = (uint64_t)d;
			borrow = (uint64_t)(d >> 64) & 1;
		}
		keep = 0 - borrow;	/* all ones: r < L, keep r */
		for (j = 0; j < 4; j++)
			r[j] = (r[j] & keep) | (t[j] & ~keep);
	}
	for (j = 0; j < 4; j++)
		store_le64(out + 8 * j, r[j]);
	crypto_wipe(r, sizeof(r));
	crypto_wipe(t, sizeof(t));
}

/* out = the 64-byte little-endian number in mod L (a SHA-512 digest). */
static void sc_reduce64(uint8_t out[32], const uint8_t in[64])
{
	uint64_t x[8];
	int i;

	for (i = 0; i < 8; i++)
		x[i] = load_le64(in + 8 * i);
	sc_reduce_words(out, x, 8);
	crypto_wipe(x, sizeof(x));
}

/* out = (a * b + c) mod L, all 32-byte little-endian (a, b, c < 2^256). */
static void sc_muladd(uint8_t out[32], const uint8_t a[32],
    const uint8_t b[32], const uint8_t c[32])
{
	uint64_t aw[4], bw[4], x[9];
	u128 acc;
	int i, j;

	for (i = 0; i < 4; i++) {
		aw[i] = load_le64(a + 8 * i);
		bw[i] = load_le64(b + 8 * i);
		x[i] = load_le64(c + 8 * i);
	}
	for (i = 4; i < 9; i++)
		x[i] = 0;
	for (i = 0; i < 4; i++) {
		acc = 0;
		for (j = 0; j < 4; j++) {
			acc += (u128)aw[i] * bw[j] + x[i + j];
			x[i + j] = (uint64_t)acc;
			acc >>= 64;
		}
		for (j = i + 4; j < 9; j++) {
			acc += x[j];
			x[j] = (uint64_t)acc;
			acc >>= 64;
		}
	}
	sc_reduce_words(out, x, 9);
	crypto_wipe(aw, sizeof(aw));
	crypto_wipe(bw, sizeof(bw));
	crypto_wipe(x, sizeof(x));
}

/* 1 if the 32-byte little-endian s is below L (public data: may branch). */
static int sc_is_canonical(const uint8_t s[32])
{
	uint64_t w;
	int i;

	for (i = 3; i >= 0; i--) {
		w = load_le64(s + 8 * i);
		if (w != sc_l[i])
			return w < sc_l[i];
	}
	return 0;	/* s == L */
}

/* ------------------------------------------------------------- points */

static void ge_identity(struct ge_p3 *p)
{
	fe25519_zero(&p->x);
	fe25519_one(&p->y);
	fe25519_one(&p->z);
	fe25519_zero(&p->t);
}

static void ge_to_cached(struct ge_cached *c, const struct ge_p3 *p)
{
	fe25519_add(&c->ypx, &p->y, &p->x);
	fe25519_sub(&c->ymx, &p->y, &p->x);
	c->z = p->z;
	fe25519_mul(&c->t2d, &p->t, &fe_2d);
}

/* The identity in cached form: (1, 1, 1, 0). */
static void ge_cached_identity(struct ge_cached *c)
{
	fe25519_one(&c->ypx);
	fe25519_one(&c->ymx);
	fe25519_one(&c->z);
	fe25519_zero(&c->t2d);
}

/*
 * Finishes an addition or doubling from its E, F, G, H:
 * X = EF, Y = GH, Z = FG and, if want_t (a public flag), T = EH.
 */
static void ge_finish(struct ge_p3 *r, const struct fe25519 *e,
    const struct fe25519 *f, const struct fe25519 *g,
    const struct fe25519 *h, int want_t)
{
	fe25519_mul(&r->x, e, f);
	fe25519_mul(&r->y, g, h);
	fe25519_mul(&r->z, f, g);
	if (want_t)
		fe25519_mul(&r->t, e, h);
}

/*
 * r = p + q ("add-2008-hwcd-3" for a = -1): A = (Y1-X1)(Y2-X2),
 * B = (Y1+X1)(Y2+X2), C = 2d T1 T2, D = 2 Z1 Z2, then E = B-A, F = D-C,
 * G = D+C, H = B+A.  r may alias p.
 */
static void ge_add(struct ge_p3 *r, const struct ge_p3 *p,
    const struct ge_cached *q)
{
	struct fe25519 a, b, c, d, e, f, g, h;

	fe25519_sub(&a, &p->y, &p->x);
	fe25519_mul(&a, &a, &q->ymx);
	fe25519_add(&b, &p->y, &p->x);
	fe25519_mul(&b, &b, &q->ypx);
	fe25519_mul(&c, &p->t, &q->t2d);
	fe25519_mul(&d, &p->z, &q->z);
	fe25519_add(&d, &d, &d);
	fe25519_sub(&e, &b, &a);
	fe25519_sub(&f, &d, &c);
	fe25519_add(&g, &d, &c);
	fe25519_add(&h, &b, &a);
	ge_finish(r, &e, &f, &g, &h, 1);
}

/*
 * r = 2p ("dbl-2008-hwcd" for a = -1, with E, F, G, H negated, which
 * leaves the products unchanged): A = X^2, B = Y^2, C = 2Z^2, H = A+B,
 * E = H - (X+Y)^2, G = A-B, F = C+G.  T of p is not read; r's T is only
 * computed when want_t.  r may alias p.
 */
static void ge_dbl(struct ge_p3 *r, const struct ge_p3 *p, int want_t)
{
	struct fe25519 a, b, c, e, f, g, h;

	fe25519_sq(&a, &p->x);
	fe25519_sq(&b, &p->y);
	fe25519_sq(&c, &p->z);
	fe25519_add(&c, &c, &c);
	fe25519_add(&h, &a, &b);
	fe25519_add(&e, &p->x, &p->y);
	fe25519_sq(&e, &e);
	fe25519_sub(&e, &h, &e);
	fe25519_sub(&g, &a, &b);
	fe25519_add(&f, &c, &g);
	ge_finish(r, &e, &f, &g, &h, want_t);
}

/* The RFC 8032 encoding: y, with the low bit of x in bit 255. */
static void ge_encode(uint8_t s[32], const struct ge_p3 *p)
{
	struct fe25519 zinv, x, y;

	fe25519_invert(&zinv, &p->z);
	fe25519_mul(&x, &p->x, &zinv);
	fe25519_mul(&y, &p->y, &zinv);
	fe25519_tobytes(s, &y);
	s[31] |= (uint8_t)(fe25519_isodd(&x) << 7);
	crypto_wipe(&zinv, sizeof(zinv));
	crypto_wipe(&x, sizeof(x));
	crypto_wipe(&y, sizeof(y));
}

/* 1 if a == b mod p. */
static int fe_equal(const struct fe25519 *a, const struct fe25519 *b)
{
	struct fe25519 d;

	fe25519_sub(&d, a, b);
	return fe25519_iszero(&d);
}

/*
 * Decodes s into p (RFC 8032 section 5.1.3), for public inputs only.
 * Returns 0, or -1 if y is not canonical (y >= p), if no x satisfies the
 * curve equation, or if x = 0 with the sign bit set.
 */
static int ge_decode(struct ge_p3 *p, const uint8_t s[32])
{
	struct fe25519 u, v, v3, w, vxx;
	uint8_t y_bytes[32];
	int sign = s[31] >> 7;

	fe25519_frombytes(&p->y, s);
	fe25519_tobytes(y_bytes, &p->y);
	y_bytes[31] |= (uint8_t)(sign << 7);
	if (memcmp(y_bytes, s, 32) != 0)
		return -1;
	/* x^2 = u / v with u = y^2 - 1, v = d y^2 + 1. */
	fe25519_one(&p->z);
	fe25519_sq(&u, &p->y);
	fe25519_mul(&v, &u, &fe_d);
	fe25519_sub(&u, &u, &p->z);
	fe25519_add(&v, &v, &p->z);
	/* x = u v^3 (u v^7)^((p-5)/8) */
	fe25519_sq(&v3, &v);
	fe25519_mul(&v3, &v3, &v);
	fe25519_sq(&w, &v3);
	fe25519_mul(&w, &w, &v);
	fe25519_mul(&w, &w, &u);
	fe25519_pow22523(&w, &w);
	fe25519_mul(&w, &w, &v3);
	fe25519_mul(&p->x, &w, &u);
	/* v x^2 is u (x is a root), -u (x * sqrt(-1) is) or neither. */
	fe25519_sq(&vxx, &p->x);
	fe25519_mul(&vxx, &vxx, &v);
	if (!fe_equal(&vxx, &u)) {
		fe25519_neg(&u, &u);
		if (!fe_equal(&vxx, &u))
			return -1;
		fe25519_mul(&p->x, &p->x, &fe_sqrtm1);
	}
	if (fe25519_iszero(&p->x) && sign)
		return -1;
	if (fe25519_isodd(&p->x) != sign)
		fe25519_neg(&p->x, &p->x);
	fe25519_mul(&p->t, &p->x, &p->y);
	return 0;
}

/* 1 if p has small order: [8]p is the identity (X = 0 then, see
 * docs/CRYPTO.md: (0, -1) cannot be a multiple of 8). */
static int ge_has_small_order(const struct ge_p3 *p)
{
	struct ge_p3 q;

	ge_dbl(&q, p, 0);
	ge_dbl(&q, &q, 0);
	ge_dbl(&q, &q, 0);
	return fe25519_iszero(&q.x);
}

/* table[i] = [i]p for i = 0..15, in cached form. */
static void ge_table16(struct ge_cached table[16], const struct ge_p3 *p)
{
	struct ge_p3 acc = *p;
	int i;

	ge_cached_identity(&table[0]);
	ge_to_cached(&table[1], p);
	for (i = 2; i < 16; i++) {
		ge_add(&acc, &acc, &table[1]);
		ge_to_cached(&table[i], &acc);
	}
	crypto_wipe(&acc, sizeof(acc));
}

/* Copies table[digit] into c reading every entry (digit is secret). */
static void ge_select_ct(struct ge_cached *c, const struct ge_cached table[16],
    unsigned digit)
{
	uint64_t hit, x;
	unsigned i;

	*c = table[0];
	for (i = 1; i < 16; i++) {
		x = i ^ digit;
		hit = ((x - 1) >> 63) & 1;	/* 1 iff x == 0 */
		fe25519_cmov(&c->ypx, &table[i].ypx, hit);
		fe25519_cmov(&c->ymx, &table[i].ymx, hit);
		fe25519_cmov(&c->z, &table[i].z, hit);
		fe25519_cmov(&c->t2d, &table[i].t2d, hit);
	}
}

/*
 * r = [k]p for a secret 256-bit little-endian k: 64 windows of 4 bits from
 * the top, four doublings and one addition of a constant-time table entry
 * each (entry 0 is the identity, added like any other).
 */
static void ge_scalarmult_ct(struct ge_p3 *r, const uint8_t k[32],
    const struct ge_p3 *p)
{
	struct ge_cached table[16], c;
	unsigned digit;
	int i;

	ge_table16(table, p);
	ge_identity(r);
	for (i = 63; i >= 0; i--) {
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 1);
		digit = (k[i >> 1] >> (4 * (i & 1))) & 15;
		ge_select_ct(&c, table, digit);
		ge_add(r, r, &c);
	}
	crypto_wipe(table, sizeof(table));
	crypto_wipe(&c, sizeof(c));
}

/*
 * r = [s]B + [k]q for public s and k (verification): both 4-bit windows
 * walked together, a zero digit skipping its addition.
 */
static void ge_double_scalarmult(struct ge_p3 *r, const uint8_t s[32],
    const uint8_t k[32], const struct ge_p3 *q)
{
	struct ge_cached tb[16], tq[16];
	unsigned ds, dk;
	int i;

	ge_table16(tb, &ge_base);
	ge_table16(tq, q);
	ge_identity(r);
	for (i = 63; i >= 0; i--) {
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 0);
		ge_dbl(r, r, 1);
		ds = (s[i >> 1] >> (4 * (i & 1))) & 15;
		dk = (k[i >> 1] >> (4 * (i & 1))) & 15;
		if (ds != 0)
			ge_add(r, r, &tb[ds]);
		if (dk != 0)
			ge_add(r, r, &tq[dk]);
	}
}

/* --------------------------------------------------------------- API */

/* Expands the seed: a = clamped h[0..31] (RFC 8032 5.1.5), prefix = h[32..63]. */
static void ed25519_expand(uint8_t h[64], const uint8_t seed[32])
{
	sha512(seed, 32, h);
	h[0] &= 248;
	h[31] &= 127;
	h[31] |= 64;
}

void ed25519_public_key(uint8_t pub[32], const uint8_t seed[32])
{
	uint8_t h[64];
	struct ge_p3 a;

	ed25519_expand(h, seed);
	ge_scalarmult_ct(&a, h, &ge_base);
	ge_encode(pub, &a);
	crypto_wipe(h, sizeof(h));
	crypto_wipe(&a, sizeof(a));
}

/* out = SHA-512(p1 || p2 || msg) mod L. */
static void hash_to_scalar(uint8_t out[32], const uint8_t *p1, size_t n1,
    const uint8_t *p2, size_t n2, const void *msg, size_t len)
{
	struct sha512_ctx ctx;
	uint8_t d[64];

	sha512_init(&ctx);
	sha512_update(&ctx, p1, n1);
	sha512_update(&ctx, p2, n2);
	sha512_update(&ctx, msg, len);
	sha512_final(&ctx, d);
	sc_reduce64(out, d);
	crypto_wipe(d, sizeof(d));
}

/*
 * RFC 8032 section 5.1.6: r = H(prefix || M) mod L, R = [r]B,
 * k = H(R || A || M) mod L, S = (r + k a) mod L.
 */
void ed25519_sign(uint8_t sig[64], const void *msg, size_t len,
    const uint8_t seed[32], const uint8_t pub[32])
{
	uint8_t h[64], r[32], k[32];
	struct ge_p3 rp;

	ed25519_expand(h, seed);
	hash_to_scalar(r, h + 32, 32, NULL, 0, msg, len);
	ge_scalarmult_ct(&rp, r, &ge_base);
	ge_encode(sig, &rp);
	hash_to_scalar(k, sig, 32, pub, 32, msg, len);
	sc_muladd(sig + 32, k, h, r);
	crypto_wipe(h, sizeof(h));
	crypto_wipe(r, sizeof(r));
	crypto_wipe(&rp, sizeof(rp));
}

/*
 * The checks, in order (docs/CRYPTO.md, "Ed25519 verification"): S < L;
 * A decodes (canonical y, on the curve, no x = 0 with the sign bit); A
 * not of small order; then cofactorless [S]B - [k]A, encoded, equal to the
 * 32 bytes of R; and that point not of small order.
 */
int ed25519_verify(const uint8_t sig[64], const void *msg, size_t len,
    const uint8_t pub[32])
{
	struct ge_p3 a, rp;
	uint8_t k[32], r_check[32];

	if (!sc_is_canonical(sig + 32))
		return -1;
	if (ge_decode(&a, pub) != 0 || ge_has_small_order(&a))
		return -1;
	hash_to_scalar(k, sig, 32, pub, 32, msg, len);
	fe25519_neg(&a.x, &a.x);
	fe25519_neg(&a.t, &a.t);
	ge_double_scalarmult(&rp, sig + 32, k, &a);
	ge_encode(r_check, &rp);
	if (memcmp(r_check, sig, 32) != 0)
		return -1;
	if (ge_has_small_order(&rp))
		return -1;
	return 0;
}
