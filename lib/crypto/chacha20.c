/*
 * chacha20.c - ChaCha20 (RFC 8439 section 2).
 *
 * Checked against the RFC's vectors and against OpenSSL on random inputs:
 * tests/unit/test_chacha20.c and tests/unit/test_chacha20_openssl.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/chacha20.h"
#include "lib/crypto/bytes.h"

/* Returns v rotated left by n bits (0 < n < 32). */
static inline uint32_t rotl32(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

/*
 * Overwrites n bytes at p with zeros through a volatile pointer, so the
 * compiler cannot drop the stores as dead; used for key material only.
 */
static void wipe(void *p, size_t n)
{
	volatile uint8_t *v = p;

	while (n-- > 0)
		*v++ = 0;
}

/* The quarter round of RFC 8439 section 2.1 on four words of x. */
static void quarter_round(uint32_t x[16], int a, int b, int c, int d)
{
	x[a] += x[b]; x[d] ^= x[a]; x[d] = rotl32(x[d], 16);
	x[c] += x[d]; x[b] ^= x[c]; x[b] = rotl32(x[b], 12);
	x[a] += x[b]; x[d] ^= x[a]; x[d] = rotl32(x[d], 8);
	x[c] += x[d]; x[b] ^= x[c]; x[b] = rotl32(x[b], 7);
}

/*
 * Computes one keystream block (RFC 8439 section 2.3): the initial state is
 * constants | key | counter | nonce; twenty rounds (ten column/diagonal
 * pairs) are added back to it and serialised little-endian.
 * Checked by chacha20/block_rfc_2_3_2 and chacha20/block_a1_vector1..5.
 */
void chacha20_block(const uint8_t key[32], uint32_t counter,
    const uint8_t nonce[12], uint8_t out[64])
{
	uint32_t s[16], x[16];
	int i;

	s[0] = 0x61707865;	/* "expand 32-byte k" */
	s[1] = 0x3320646e;
	s[2] = 0x79622d32;
	s[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		s[4 + i] = load_le32(key + 4 * i);
	s[12] = counter;
	for (i = 0; i < 3; i++)
		s[13 + i] = load_le32(nonce + 4 * i);

	memcpy(x, s, sizeof(x));
	for (i = 0; i < 10; i++) {
		quarter_round(x, 0, 4, 8, 12);
		quarter_round(x, 1, 5, 9, 13);
		quarter_round(x, 2, 6, 10, 14);
		quarter_round(x, 3, 7, 11, 15);
		quarter_round(x, 0, 5, 10, 15);
		quarter_round(x, 1, 6, 11, 12);
		quarter_round(x, 2, 7, 8, 13);
		quarter_round(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++)
		store_le32(out + 4 * i, x[i] + s[i]);

	/* The working state is key material; do not leave it on the stack. */
	wipe(x, sizeof(x));
	wipe(s, sizeof(s));
}

/*
 * XORs the keystream into the data one block at a time (RFC 8439 section
 * 2.4); the last block may be partial.  Reads each input byte before
 * writing the same output byte, so in == out works.
 * Checked by chacha20/xor_rfc_2_4_2, chacha20/xor_a2_vector1..3 and
 * chacha20_openssl/random_1000_match_openssl.
 */
void chacha20_xor(const uint8_t key[32], const uint8_t nonce[12],
    uint32_t counter, const uint8_t *in, uint8_t *out, size_t len)
{
	uint8_t ks[64];
	size_t i, n;

	while (len > 0) {
		chacha20_block(key, counter, nonce, ks);
		n = len < sizeof(ks) ? len : sizeof(ks);
		for (i = 0; i < n; i++)
			out[i] = in[i] ^ ks[i];
		in += n;
		out += n;
		len -= n;
		counter++;
	}
	wipe(ks, sizeof(ks));
}
