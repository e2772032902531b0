/*
 * test_chacha20_openssl.c - chacha20_xor against OpenSSL's EVP_chacha20 on
 * random keys, nonces, counters and lengths.  Host only; links -lcrypto.
 *
 * OpenSSL's 16-byte IV is the 32-bit little-endian block counter followed
 * by the 96-bit nonce.  OpenSSL carries a counter overflow into the nonce
 * while RFC 8439 leaves it undefined, so counters here never wrap.
 */
#include <stdint.h>
#include <string.h>

#include <openssl/evp.h>

#include "lib/crypto/chacha20.h"
#include "tests/unit/check.h"

#define MAX_LEN 1100

/* Encrypts with OpenSSL; returns 1 on success. */
static int openssl_xor(const uint8_t key[32], const uint8_t nonce[12],
    uint32_t counter, const uint8_t *in, uint8_t *out, int len)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	uint8_t iv[16];
	int n = 0, ok;

	if (ctx == NULL)
		return 0;
	iv[0] = (uint8_t)counter;
	iv[1] = (uint8_t)(counter >> 8);
	iv[2] = (uint8_t)(counter >> 16);
	iv[3] = (uint8_t)(counter >> 24);
	memcpy(iv + 4, nonce, 12);
	ok = EVP_EncryptInit_ex(ctx, EVP_chacha20(), NULL, key, iv) == 1 &&
	    (len == 0 || EVP_EncryptUpdate(ctx, out, &n, in, len) == 1) &&
	    n == len;
	EVP_CIPHER_CTX_free(ctx);
	return ok;
}

/* Fills buf with n bytes from the test PRNG. */
static void random_bytes(uint64_t *s, uint8_t *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (uint8_t)(check_rand(s) >> 32);
}

/* One comparison; in and out start at the given misalignments. */
static int compare_once(uint64_t *s, size_t len, uint32_t counter,
    size_t in_off, size_t out_off)
{
	uint8_t key[32], nonce[12], in[MAX_LEN + 8];
	uint8_t ours[MAX_LEN + 8], theirs[MAX_LEN + 8];

	random_bytes(s, key, sizeof(key));
	random_bytes(s, nonce, sizeof(nonce));
	random_bytes(s, in + in_off, len);
	chacha20_xor(key, nonce, counter, in + in_off, ours + out_off, len);
	if (!openssl_xor(key, nonce, counter, in + in_off, theirs, (int)len))
		return 0;
	return memcmp(ours + out_off, theirs, len) == 0;
}

/* 1000 random inputs: lengths 0..1100, counters anywhere below the wrap. */
static void random_1000_match_openssl(void)
{
	uint64_t s = 0x9e3779b97f4a7c15ull;
	size_t len;
	uint32_t counter;
	int i;

	for (i = 0; i < 1000; i++) {
		len = (size_t)(check_rand(&s) % (MAX_LEN + 1));
		counter = (uint32_t)(check_rand(&s) % (0xffffffffull - 64));
		if (!compare_once(&s, len, counter, 0, 0)) {
			check_fail("mismatch at iteration %d (len %zu, counter %u)",
			    i, len, counter);
			return;
		}
	}
}

/* Odd buffer alignments change nothing. */
static void unaligned_buffers_match_openssl(void)
{
	uint64_t s = 42;
	size_t a, b;

	for (a = 0; a < 8; a++)
		for (b = 0; b < 8; b++)
			CHECK(compare_once(&s, 333, (uint32_t)(a * 8 + b), a, b));
}

/* Lengths around block boundaries. */
static void block_edges_match_openssl(void)
{
	static const size_t lens[] = { 0, 1, 63, 64, 65, 127, 128, 129, 1024 };
	uint64_t s = 7;
	size_t i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		CHECK(compare_once(&s, lens[i], 1, 0, 0));
}

/* Counters just below 2^32, ending exactly at the last block. */
static void high_counter_matches_openssl(void)
{
	uint64_t s = 99;

	CHECK(compare_once(&s, 16 * 64, 0xffffffffu - 15, 0, 0));
	CHECK(compare_once(&s, 64, 0xffffffffu, 0, 0));
}

int main(void)
{
	check_begin("chacha20_openssl");
	CHECK_RUN(random_1000_match_openssl);
	CHECK_RUN(unaligned_buffers_match_openssl);
	CHECK_RUN(block_edges_match_openssl);
	CHECK_RUN(high_counter_matches_openssl);
	return check_done();
}
