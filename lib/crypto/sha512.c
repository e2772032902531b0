/*
 * sha512.c - SHA-512 (FIPS 180-4 sections 4.1.3, 5.1.2, 6.4).
 *
 * Checked against the FIPS 180 examples and against OpenSSL on random
 * inputs: tests/unit/test_sha512.c and tests/unit/test_curve_openssl.c.
 * The message is public in every use here (signatures, hashes of code), so
 * nothing is constant-time in the data beyond what the plain code gives;
 * the state is still wiped in sha512_final because Ed25519 hashes its
 * secret seed and nonce key with it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/sha512.h"
#include "lib/crypto/bytes.h"
#include "lib/crypto/wipe.h"

/* The first 64 bits of the fractional parts of the cube roots of the
 * first 80 primes (section 4.2.3). */
static const uint64_t k512[80] = {
	0x428a2f98d728ae22ull, 0x7137449123ef65cdull,
	0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
	0x3956c25bf348b538ull, 0x59f111f1b605d019ull,
	0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
	0xd807aa98a3030242ull, 0x12835b0145706fbeull,
	0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
	0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull,
	0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
	0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull,
	0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
	0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull,
	0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
	0x983e5152ee66dfabull, 0xa831c66d2db43210ull,
	0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
	0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
	0x06ca6351e003826full, 0x142929670a0e6e70ull,
	0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull,
	0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
	0x650a73548baf63deull, 0x766a0abb3c77b2a8ull,
	0x81c2c92e47edaee6ull, 0x92722c851482353bull,
	0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull,
	0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
	0xd192e819d6ef5218ull, 0xd69906245565a910ull,
	0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
	0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull,
	0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
	0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull,
	0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
	0x748f82ee5defb2fcull, 0x78a5636f43172f60ull,
	0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
	0x90befffa23631e28ull, 0xa4506cebde82bde9ull,
	0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
	0xca273eceea26619cull, 0xd186b8c721c0c207ull,
	0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
	0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull,
	0x113f9804bef90daeull, 0x1b710b35131c471bull,
	0x28db77f523047d84ull, 0x32caab7b40c72493ull,
	0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
	0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull,
	0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

/* Returns v rotated right by n bits (0 < n < 64). */
static inline uint64_t rotr64(uint64_t v, int n)
{
	return (v >> n) | (v << (64 - n));
}

/*
 * Runs the compression function (section 6.4.2) over one 128-byte block.
 * The message schedule is kept as a 16-word ring rather than 80 words.
 */
static void sha512_compress(uint64_t state[8], const uint8_t block[128])
{
	uint64_t w[16], s[8], t1, t2, s0, s1;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be64(block + 8 * i);
	memcpy(s, state, sizeof(s));
	for (i = 0; i < 80; i++) {
		if (i >= 16) {
			s0 = w[(i + 1) & 15];
			s0 = rotr64(s0, 1) ^ rotr64(s0, 8) ^ (s0 >> 7);
			s1 = w[(i + 14) & 15];
			s1 = rotr64(s1, 19) ^ rotr64(s1, 61) ^ (s1 >> 6);
			w[i & 15] += s0 + s1 + w[(i + 9) & 15];
		}
		t1 = s[7] + (rotr64(s[4], 14) ^ rotr64(s[4], 18) ^
		    rotr64(s[4], 41)) + ((s[4] & s[5]) ^ (~s[4] & s[6])) +
		    k512[i] + w[i & 15];
		t2 = (rotr64(s[0], 28) ^ rotr64(s[0], 34) ^ rotr64(s[0], 39)) +
		    ((s[0] & s[1]) ^ (s[0] & s[2]) ^ (s[1] & s[2]));
		s[7] = s[6];
		s[6] = s[5];
		s[5] = s[4];
		s[4] = s[3] + t1;
		s[3] = s[2];
		s[2] = s[1];
		s[1] = s[0];
		s[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		state[i] += s[i];
	crypto_wipe(w, sizeof(w));
	crypto_wipe(s, sizeof(s));
}

/* Sets the initial hash value (section 5.3.5): the first 64 bits of the
 * fractional parts of the square roots of the first eight primes. */
void sha512_init(struct sha512_ctx *ctx)
{
	static const uint64_t h0[8] = {
		0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull,
		0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
		0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
		0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
	};

	memcpy(ctx->state, h0, sizeof(h0));
	ctx->bytes = 0;
	ctx->used = 0;
}

/* Fills the partial block first, then compresses whole blocks straight
 * from data, then keeps the tail. */
void sha512_update(struct sha512_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t take;

	if (len == 0)
		return;
	ctx->bytes += len;
	if (ctx->used > 0) {
		take = SHA512_BLOCK_SIZE - ctx->used;
		if (take > len)
			take = len;
		memcpy(ctx->block + ctx->used, p, take);
		ctx->used += take;
		p += take;
		len -= take;
		if (ctx->used < SHA512_BLOCK_SIZE)
			return;
		sha512_compress(ctx->state, ctx->block);
		ctx->used = 0;
	}
	while (len >= SHA512_BLOCK_SIZE) {
		sha512_compress(ctx->state, p);
		p += SHA512_BLOCK_SIZE;
		len -= SHA512_BLOCK_SIZE;
	}
	if (len > 0)
		memcpy(ctx->block, p, len);
	ctx->used = len;
}

/* Pads (section 5.1.2: 0x80, zeros, 128-bit big-endian bit length),
 * compresses the last one or two blocks and serialises the state. */
void sha512_final(struct sha512_ctx *ctx, uint8_t out[SHA512_DIGEST_SIZE])
{
	uint64_t bits_hi = ctx->bytes >> 61, bits_lo = ctx->bytes << 3;
	int i;

	ctx->block[ctx->used++] = 0x80;
	if (ctx->used > SHA512_BLOCK_SIZE - 16) {
		memset(ctx->block + ctx->used, 0, SHA512_BLOCK_SIZE - ctx->used);
		sha512_compress(ctx->state, ctx->block);
		ctx->used = 0;
	}
	memset(ctx->block + ctx->used, 0, SHA512_BLOCK_SIZE - 16 - ctx->used);
	store_be64(ctx->block + SHA512_BLOCK_SIZE - 16, bits_hi);
	store_be64(ctx->block + SHA512_BLOCK_SIZE - 8, bits_lo);
	sha512_compress(ctx->state, ctx->block);
	for (i = 0; i < 8; i++)
		store_be64(out + 8 * i, ctx->state[i]);
	crypto_wipe(ctx, sizeof(*ctx));
}

void sha512(const void *data, size_t len, uint8_t out[SHA512_DIGEST_SIZE])
{
	struct sha512_ctx ctx;

	sha512_init(&ctx);
	sha512_update(&ctx, data, len);
	sha512_final(&ctx, out);
}
