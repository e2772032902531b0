/*
 * poly1305.c - Poly1305 (RFC 8439 section 2.5) in 26-bit limbs.
 *
 * The accumulator h and the multiplier r are held as five 26-bit limbs, so
 * every product fits a 64-bit integer with room for the sums, and the
 * reduction modulo p = 2^130 - 5 folds the part above 2^130 back in as
 * times 5.  No branch or memory index depends on key or message bytes.
 *
 * Checked against RFC 8439 section 2.5.2 and appendix A.3
 * (tests/unit/test_poly1305.c) and, through the AEAD, against OpenSSL
 * (tests/unit/test_sym_openssl.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/poly1305.h"
#include "lib/crypto/bytes.h"
#include "lib/crypto/wipe.h"

#define LIMB_MASK 0x3ffffffu

/*
 * Splits r (clamped as RFC 8439 section 2.5.1 says: the top four bits of
 * bytes 3, 7, 11, 15 and the low two bits of bytes 4, 8, 12 cleared) into
 * limbs, and keeps s for the end.
 */
void poly1305_init(struct poly1305_ctx *ctx, const uint8_t key[32])
{
	uint32_t w0 = load_le32(key) & 0x0fffffff;
	uint32_t w1 = load_le32(key + 4) & 0x0ffffffc;
	uint32_t w2 = load_le32(key + 8) & 0x0ffffffc;
	uint32_t w3 = load_le32(key + 12) & 0x0ffffffc;
	int i;

	ctx->r[0] = w0 & LIMB_MASK;
	ctx->r[1] = ((w0 >> 26) | (w1 << 6)) & LIMB_MASK;
	ctx->r[2] = ((w1 >> 20) | (w2 << 12)) & LIMB_MASK;
	ctx->r[3] = ((w2 >> 14) | (w3 << 18)) & LIMB_MASK;
	ctx->r[4] = w3 >> 8;
	for (i = 0; i < 5; i++)
		ctx->h[i] = 0;
	for (i = 0; i < 4; i++)
		ctx->s[i] = load_le32(key + 16 + 4 * i);
	ctx->used = 0;
}

/*
 * h = (h + m) * r mod p for one 16-byte block m, with hibit = 2^128 for a
 * full block (the appended 0x01 byte) or 0 for the padded last block,
 * whose 0x01 the caller has already written.
 *
 * Bounds: after the partial carry h0, h2..h4 are below 2^26 and h1 below
 * 2^26 + 2^12; adding m keeps every limb below 2^28, r limbs are below
 * 2^26 and 5*r below 2^29, so each product is below 2^57 and each sum of
 * five below 2^60.
 */
static void poly1305_block(struct poly1305_ctx *ctx, const uint8_t *m,
    uint32_t hibit)
{
	const uint32_t *r = ctx->r;
	uint32_t *h = ctx->h;
	uint64_t r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3], r4 = r[4];
	uint64_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
	uint64_t h0, h1, h2, h3, h4, d0, d1, d2, d3, d4, c;
	uint32_t w0 = load_le32(m), w1 = load_le32(m + 4);
	uint32_t w2 = load_le32(m + 8), w3 = load_le32(m + 12);

	h0 = h[0] + (w0 & LIMB_MASK);
	h1 = h[1] + (((w0 >> 26) | (w1 << 6)) & LIMB_MASK);
	h2 = h[2] + (((w1 >> 20) | (w2 << 12)) & LIMB_MASK);
	h3 = h[3] + (((w2 >> 14) | (w3 << 18)) & LIMB_MASK);
	h4 = h[4] + ((w3 >> 8) | hibit);

	/* Schoolbook product; limb i*j with i+j >= 5 wraps as times 5. */
	d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
	d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
	d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
	d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
	d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

	/* Partial carry: each limb back to 26 bits, the top carry times 5. */
	c = d0 >> 26; h0 = d0 & LIMB_MASK; d1 += c;
	c = d1 >> 26; h1 = d1 & LIMB_MASK; d2 += c;
	c = d2 >> 26; h2 = d2 & LIMB_MASK; d3 += c;
	c = d3 >> 26; h3 = d3 & LIMB_MASK; d4 += c;
	c = d4 >> 26; h4 = d4 & LIMB_MASK;
	h0 += c * 5;
	c = h0 >> 26; h0 &= LIMB_MASK; h1 += c;

	h[0] = (uint32_t)h0;
	h[1] = (uint32_t)h1;
	h[2] = (uint32_t)h2;
	h[3] = (uint32_t)h3;
	h[4] = (uint32_t)h4;
}

void poly1305_update(struct poly1305_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t n;

	if (len == 0)
		return;		/* data may be NULL then */
	if (ctx->used > 0) {
		n = 16 - ctx->used < len ? 16 - ctx->used : len;
		memcpy(ctx->buf + ctx->used, p, n);
		ctx->used += n;
		p += n;
		len -= n;
		if (ctx->used < 16)
			return;
		poly1305_block(ctx, ctx->buf, 1u << 24);
		ctx->used = 0;
	}
	for (; len >= 16; p += 16, len -= 16)
		poly1305_block(ctx, p, 1u << 24);
	if (len > 0) {
		memcpy(ctx->buf, p, len);
		ctx->used = len;
	}
}

/*
 * Finishes the last partial block, reduces h fully below p (h - p is
 * computed and chosen by mask, not by branch), and adds s modulo 2^128.
 */
void poly1305_final(struct poly1305_ctx *ctx, uint8_t tag[16])
{
	uint32_t *h = ctx->h, g[5], mask, c, w[4];
	uint64_t f;
	int i;

	if (ctx->used > 0) {
		ctx->buf[ctx->used] = 1;
		memset(ctx->buf + ctx->used + 1, 0, 16 - ctx->used - 1);
		poly1305_block(ctx, ctx->buf, 0);
	}

	/* Full carry: h below 2^130 with every limb below 2^26 (h may
	 * still be in [p, 2^130)). */
	c = h[1] >> 26; h[1] &= LIMB_MASK; h[2] += c;
	c = h[2] >> 26; h[2] &= LIMB_MASK; h[3] += c;
	c = h[3] >> 26; h[3] &= LIMB_MASK; h[4] += c;
	c = h[4] >> 26; h[4] &= LIMB_MASK; h[0] += c * 5;
	c = h[0] >> 26; h[0] &= LIMB_MASK; h[1] += c;

	/* g = h + 5 - 2^130 = h - p; it is negative (top bit set) iff h < p. */
	g[0] = h[0] + 5; c = g[0] >> 26; g[0] &= LIMB_MASK;
	g[1] = h[1] + c; c = g[1] >> 26; g[1] &= LIMB_MASK;
	g[2] = h[2] + c; c = g[2] >> 26; g[2] &= LIMB_MASK;
	g[3] = h[3] + c; c = g[3] >> 26; g[3] &= LIMB_MASK;
	g[4] = h[4] + c - (1u << 26);
	mask = (g[4] >> 31) - 1;	/* all ones iff h >= p: take g */
	for (i = 0; i < 5; i++)
		h[i] = (h[i] & ~mask) | (g[i] & mask);

	/*
	 * h mod 2^128 plus s.  The limbs are summed with carries rather than
	 * ORed, so the one case the full carry above leaves unnormalised
	 * (h1 == 2^26 after the carry out of h0) still packs correctly.
	 */
	f = (uint64_t)h[0] + ((uint64_t)h[1] << 26);
	w[0] = (uint32_t)f;
	f = (f >> 32) + ((uint64_t)h[2] << 20);
	w[1] = (uint32_t)f;
	f = (f >> 32) + ((uint64_t)h[3] << 14);
	w[2] = (uint32_t)f;
	f = (f >> 32) + ((uint64_t)h[4] << 8);
	w[3] = (uint32_t)f;
	f = 0;
	for (i = 0; i < 4; i++) {
		f += (uint64_t)w[i] + ctx->s[i];
		store_le32(tag + 4 * i, (uint32_t)f);
		f >>= 32;
	}
	crypto_wipe(g, sizeof(g));
	crypto_wipe(w, sizeof(w));
	crypto_wipe(ctx, sizeof(*ctx));
}

void poly1305(uint8_t tag[16], const void *msg, size_t len,
    const uint8_t key[32])
{
	struct poly1305_ctx ctx;

	poly1305_init(&ctx, key);
	poly1305_update(&ctx, msg, len);
	poly1305_final(&ctx, tag);
}
