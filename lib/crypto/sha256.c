/*
 * sha256.c - SHA-256 (FIPS 180-4 section 6.2).
 *
 * Checked against the NIST examples (tests/unit/test_sha256.c) and against
 * OpenSSL on random inputs and split points (tests/unit/test_sym_openssl.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/sha256.h"
#include "lib/crypto/bytes.h"
#include "lib/crypto/wipe.h"

/* The first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (FIPS 180-4 section 4.2.2). */
static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotr32(uint32_t v, int n)
{
	return (v >> n) | (v << (32 - n));
}

/*
 * Absorbs one 64-byte block: the message schedule w is expanded in place
 * (a 16-word window) and the 64 rounds of section 6.2.2 run on a..h.
 */
static void sha256_block(uint32_t h[8], const uint8_t *block)
{
	uint32_t w[16], v[8], s0, s1, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be32(block + 4 * i);
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 64; i++) {
		if (i >= 16) {
			s0 = rotr32(w[(i + 1) & 15], 7) ^
			    rotr32(w[(i + 1) & 15], 18) ^ (w[(i + 1) & 15] >> 3);
			s1 = rotr32(w[(i + 14) & 15], 17) ^
			    rotr32(w[(i + 14) & 15], 19) ^ (w[(i + 14) & 15] >> 10);
			w[i & 15] += s0 + s1 + w[(i + 9) & 15];
		}
		t1 = v[7] + (rotr32(v[4], 6) ^ rotr32(v[4], 11) ^ rotr32(v[4], 25)) +
		    ((v[4] & v[5]) ^ (~v[4] & v[6])) + k256[i] + w[i & 15];
		t2 = (rotr32(v[0], 2) ^ rotr32(v[0], 13) ^ rotr32(v[0], 22)) +
		    ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		v[7] = v[6];
		v[6] = v[5];
		v[5] = v[4];
		v[4] = v[3] + t1;
		v[3] = v[2];
		v[2] = v[1];
		v[1] = v[0];
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
	/* Both may hold (HMAC-)key-derived data. */
	crypto_wipe(w, sizeof(w));
	crypto_wipe(v, sizeof(v));
}

/* Sets the initial hash value of section 5.3.3. */
void sha256_init(struct sha256_ctx *ctx)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(ctx->h, iv, sizeof(iv));
	ctx->bytes = 0;
}

/* Fills the partial block first, then hashes whole blocks straight from
 * the input, then keeps the tail. */
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t used = (size_t)(ctx->bytes % 64), n;

	if (len == 0)
		return;		/* data may be NULL then */
	ctx->bytes += len;
	if (used > 0) {
		n = 64 - used < len ? 64 - used : len;
		memcpy(ctx->buf + used, p, n);
		p += n;
		len -= n;
		if (used + n < 64)
			return;
		sha256_block(ctx->h, ctx->buf);
	}
	for (; len >= 64; p += 64, len -= 64)
		sha256_block(ctx->h, p);
	if (len > 0)
		memcpy(ctx->buf, p, len);
}

/*
 * Pads with 0x80, zeros and the 64-bit big-endian bit length so the
 * message fills a whole number of blocks (section 5.1.1), then writes the
 * state big-endian.
 */
void sha256_final(struct sha256_ctx *ctx, uint8_t out[32])
{
	uint64_t bits = ctx->bytes * 8;
	size_t used = (size_t)(ctx->bytes % 64);
	int i;

	ctx->buf[used++] = 0x80;
	if (used > 56) {
		memset(ctx->buf + used, 0, 64 - used);
		sha256_block(ctx->h, ctx->buf);
		used = 0;
	}
	memset(ctx->buf + used, 0, 56 - used);
	for (i = 0; i < 8; i++)
		ctx->buf[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_block(ctx->h, ctx->buf);
	for (i = 0; i < 8; i++)
		store_be32(out + 4 * i, ctx->h[i]);
	crypto_wipe(ctx, sizeof(*ctx));
}

void sha256(const void *data, size_t len, uint8_t out[32])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, data, len);
	sha256_final(&ctx, out);
}
