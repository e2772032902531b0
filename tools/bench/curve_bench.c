/*
 * curve_bench.c - host timing of lib/crypto's Ed25519, X25519 and SHA-512,
 * beside OpenSSL's for scale.  Prints "BENCH <name> <value> <unit>" lines;
 * nothing is asserted.
 *
 *   gcc -O2 -Iinclude -I. -o build/curve_bench tools/bench/curve_bench.c \
 *       lib/crypto/fe25519.c lib/crypto/sha512.c lib/crypto/x25519.c \
 *       lib/crypto/ed25519.c -lcrypto && build/curve_bench
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "lib/crypto/ed25519.h"
#include "lib/crypto/sha512.h"
#include "lib/crypto/x25519.h"

#define ROUNDS 2000

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static uint64_t cycles(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static void report(const char *name, double t0, uint64_t c0, int n)
{
	double us = (now_us() - t0) / n;
	uint64_t c = (cycles() - c0) / (uint64_t)n;

	printf("BENCH %s %.1f us\n", name, us);
	printf("BENCH %s_cycles %llu cycles\n", name, (unsigned long long)c);
}

int main(void)
{
	uint8_t seed[32], pub[32], sig[64], msg[64], out[32], h[64];
	static uint8_t big[65536];
	EVP_PKEY *k, *p;
	EVP_MD_CTX *ctx;
	size_t n;
	double t0;
	uint64_t c0;
	int i, bad = 0;

	memset(seed, 7, 32);
	memset(msg, 'm', sizeof(msg));
	ed25519_public_key(pub, seed);

	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++)
		ed25519_public_key(pub, seed);
	report("ed25519_public_key", t0, c0, ROUNDS);

	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++)
		ed25519_sign(sig, msg, sizeof(msg), seed, pub);
	report("ed25519_sign_64B", t0, c0, ROUNDS);

	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++)
		bad |= ed25519_verify(sig, msg, sizeof(msg), pub);
	report("ed25519_verify_64B", t0, c0, ROUNDS);

	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++)
		x25519(out, seed, pub);
	report("x25519", t0, c0, ROUNDS);

	t0 = now_us(); c0 = cycles();
	for (i = 0; i < 200; i++)
		sha512(big, sizeof(big), h);
	printf("BENCH sha512_64KiB %.1f MB/s\n",
	    200.0 * sizeof(big) / (now_us() - t0));
	(void)c0;

	k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
	p = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++) {
		ctx = EVP_MD_CTX_new();
		n = 64;
		EVP_DigestSignInit(ctx, NULL, NULL, NULL, k);
		EVP_DigestSign(ctx, sig, &n, msg, sizeof(msg));
		EVP_MD_CTX_free(ctx);
	}
	report("openssl_ed25519_sign_64B", t0, c0, ROUNDS);
	t0 = now_us(); c0 = cycles();
	for (i = 0; i < ROUNDS; i++) {
		ctx = EVP_MD_CTX_new();
		EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, p);
		bad |= EVP_DigestVerify(ctx, sig, 64, msg, sizeof(msg)) != 1;
		EVP_MD_CTX_free(ctx);
	}
	report("openssl_ed25519_verify_64B", t0, c0, ROUNDS);
	EVP_PKEY_free(k);
	EVP_PKEY_free(p);
	if (bad)
		printf("# a verification failed\n");
	return bad;
}
