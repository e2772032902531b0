/*
 * test_sym_openssl.c - the symmetric crypto against OpenSSL 3 on random
 * inputs: SHA-256, HMAC-SHA256/512, HKDF-SHA256/512, Poly1305 and
 * ChaCha20-Poly1305 (our seal equals OpenSSL's; our open accepts
 * OpenSSL's output and refuses it with one bit flipped).  Host only;
 * links -lcrypto.
 *
 * Each case runs ROUNDS random inputs from a fixed seed printed first, so
 * a failure can be replayed; lengths cross every block boundary, keys run
 * past one hash block, and our side is fed through the incremental API at
 * a random split point.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>

#include "lib/crypto/aead.h"
#include "lib/crypto/hkdf.h"
#include "lib/crypto/hmac.h"
#include "lib/crypto/poly1305.h"
#include "lib/crypto/sha256.h"
#include "tests/unit/check.h"

#define SEED 0x7e55e7a5eed2026ull
#define ROUNDS 2000
#define MAX_LEN 1100

static uint64_t rng = SEED;

static void random_bytes(uint8_t *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (uint8_t)(check_rand(&rng) >> 32);
}

/* A length in 0..max, a quarter of the time within 2 of a multiple of 16. */
static size_t random_len(size_t max)
{
	size_t n = (size_t)(check_rand(&rng) % (max + 1));

	if (check_rand(&rng) % 4 == 0)
		n = (n & ~(size_t)15) + (size_t)(check_rand(&rng) % 5) - 2;
	return n > max ? max : n;
}

static void sha256_matches_openssl(void)
{
	uint8_t msg[MAX_LEN], ours[32], theirs[32];
	struct sha256_ctx ctx;
	unsigned int n;
	size_t len, cut;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		len = random_len(MAX_LEN);
		cut = len ? (size_t)(check_rand(&rng) % (len + 1)) : 0;
		random_bytes(msg, len);
		sha256_init(&ctx);
		sha256_update(&ctx, msg, cut);
		sha256_update(&ctx, msg + cut, len - cut);
		sha256_final(&ctx, ours);
		CHECK(EVP_Digest(msg, len, theirs, &n, EVP_sha256(), NULL) == 1);
		if (memcmp(ours, theirs, 32) != 0) {
			check_fail("round %d: len %zu cut %zu differs", i, len, cut);
			return;
		}
	}
}

/* One HMAC comparison for alg / md; keys 0..300 bytes. */
static int hmac_round(const struct hash_alg *alg, const EVP_MD *md)
{
	uint8_t key[300], msg[MAX_LEN], ours[64], theirs[64];
	struct hmac_ctx ctx;
	size_t key_len = (size_t)(check_rand(&rng) % (sizeof(key) + 1));
	size_t len = random_len(MAX_LEN), cut;
	unsigned int n = 0;

	cut = len ? (size_t)(check_rand(&rng) % (len + 1)) : 0;
	random_bytes(key, key_len);
	random_bytes(msg, len);
	hmac_init(&ctx, alg, key, key_len);
	hmac_update(&ctx, msg, cut);
	hmac_update(&ctx, msg + cut, len - cut);
	hmac_final(&ctx, ours);
	if (HMAC(md, key, (int)key_len, msg, len, theirs, &n) == NULL ||
	    n != alg->digest_size)
		return 0;
	return memcmp(ours, theirs, n) == 0;
}

static void hmac_sha256_matches_openssl(void)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		if (!hmac_round(&hash_sha256, EVP_sha256())) {
			check_fail("round %d differs", i);
			return;
		}
}

static void hmac_sha512_matches_openssl(void)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		if (!hmac_round(&hash_sha512, EVP_sha512())) {
			check_fail("round %d differs", i);
			return;
		}
}

/* OpenSSL's HKDF (extract and expand) through EVP_KDF. */
static int openssl_hkdf(const char *digest, uint8_t *out, size_t out_len,
    uint8_t *salt, size_t salt_len, uint8_t *ikm, size_t ikm_len,
    uint8_t *info, size_t info_len)
{
	EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
	EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : NULL;
	OSSL_PARAM params[5], *p = params;
	int ok;

	*p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST,
	    (char *)digest, 0);
	*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm, ikm_len);
	if (salt_len > 0)
		*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
		    salt, salt_len);
	*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info,
	    info_len);
	*p = OSSL_PARAM_construct_end();
	ok = ctx != NULL && EVP_KDF_derive(ctx, out, out_len, params) == 1;
	EVP_KDF_CTX_free(ctx);
	EVP_KDF_free(kdf);
	return ok;
}

/* One HKDF comparison: salt 0..150, ikm 1..150, info 0..150 bytes,
 * output 1..600 bytes (several blocks, partial last block). */
static int hkdf_round(const struct hash_alg *alg, const char *digest)
{
	uint8_t salt[150], ikm[150], info[150], ours[600], theirs[600];
	size_t salt_len = (size_t)(check_rand(&rng) % 151);
	size_t ikm_len = 1 + (size_t)(check_rand(&rng) % 150);
	size_t info_len = (size_t)(check_rand(&rng) % 151);
	size_t out_len = 1 + (size_t)(check_rand(&rng) % 600);

	random_bytes(salt, salt_len);
	random_bytes(ikm, ikm_len);
	random_bytes(info, info_len);
	if (hkdf(alg, ours, out_len, salt, salt_len, ikm, ikm_len, info,
	    info_len) != 0)
		return 0;
	if (!openssl_hkdf(digest, theirs, out_len, salt, salt_len, ikm,
	    ikm_len, info, info_len))
		return 0;
	return memcmp(ours, theirs, out_len) == 0;
}

static void hkdf_sha256_matches_openssl(void)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		if (!hkdf_round(&hash_sha256, "SHA256")) {
			check_fail("round %d differs", i);
			return;
		}
}

static void hkdf_sha512_matches_openssl(void)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		if (!hkdf_round(&hash_sha512, "SHA512")) {
			check_fail("round %d differs", i);
			return;
		}
}

/* OpenSSL's Poly1305 through EVP_MAC. */
static int openssl_poly1305(const uint8_t key[32], const uint8_t *msg,
    size_t len, uint8_t tag[16])
{
	EVP_MAC *mac = EVP_MAC_fetch(NULL, "POLY1305", NULL);
	EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
	size_t n = 0;
	int ok;

	ok = ctx != NULL && EVP_MAC_init(ctx, key, 32, NULL) == 1 &&
	    EVP_MAC_update(ctx, msg, len) == 1 &&
	    EVP_MAC_final(ctx, tag, &n, 16) == 1 && n == 16;
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return ok;
}

/* Random keys, a tenth of them with r or s all ones (the carry paths). */
static void poly1305_matches_openssl(void)
{
	uint8_t key[32], msg[MAX_LEN], ours[16], theirs[16];
	struct poly1305_ctx ctx;
	size_t len, cut;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		len = random_len(MAX_LEN);
		cut = len ? (size_t)(check_rand(&rng) % (len + 1)) : 0;
		random_bytes(key, 32);
		if (i % 10 == 1)
			memset(key, 0xff, 16);
		if (i % 10 == 2)
			memset(key + 16, 0xff, 16);
		random_bytes(msg, len);
		if (i % 10 == 3)
			memset(msg, 0xff, len);
		poly1305_init(&ctx, key);
		poly1305_update(&ctx, msg, cut);
		poly1305_update(&ctx, msg + cut, len - cut);
		poly1305_final(&ctx, ours);
		CHECK(openssl_poly1305(key, msg, len, theirs));
		if (memcmp(ours, theirs, 16) != 0) {
			check_fail("round %d: len %zu differs", i, len);
			return;
		}
	}
}

/* OpenSSL's ChaCha20-Poly1305 seal. */
static int openssl_seal(const uint8_t key[32], const uint8_t nonce[12],
    const uint8_t *aad, int aad_len, const uint8_t *pt, int len,
    uint8_t *ct, uint8_t tag[16])
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int n = 0, m = 0, ok;

	ok = ctx != NULL &&
	    EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, key, nonce) == 1 &&
	    EVP_EncryptUpdate(ctx, NULL, &n, aad, aad_len) == 1 &&
	    EVP_EncryptUpdate(ctx, ct, &n, pt, len) == 1 && n == len &&
	    EVP_EncryptFinal_ex(ctx, ct + n, &m) == 1 && m == 0 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
	EVP_CIPHER_CTX_free(ctx);
	return ok;
}

/* Our seal gives OpenSSL's ciphertext and tag, byte for byte. */
static void aead_seal_matches_openssl(void)
{
	uint8_t key[32], nonce[12], aad[100], pt[MAX_LEN];
	uint8_t ours[MAX_LEN], theirs[MAX_LEN], tag[16], their_tag[16];
	size_t len, aad_len;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		len = random_len(MAX_LEN);
		aad_len = random_len(sizeof(aad));
		random_bytes(key, 32);
		random_bytes(nonce, 12);
		random_bytes(aad, aad_len);
		random_bytes(pt, len);
		CHECK_EQ(aead_seal(ours, tag, key, nonce, aad, aad_len, pt, len), 0);
		CHECK(openssl_seal(key, nonce, aad, (int)aad_len, pt, (int)len,
		    theirs, their_tag));
		if (memcmp(ours, theirs, len) != 0 || memcmp(tag, their_tag, 16) != 0) {
			check_fail("round %d: len %zu aad %zu differs", i, len, aad_len);
			return;
		}
	}
}

/* Our open accepts what OpenSSL sealed and returns the plaintext; with
 * one bit of the tag, ciphertext or AAD flipped it refuses. */
static void aead_open_accepts_openssl_output(void)
{
	uint8_t key[32], nonce[12], aad[100], pt[MAX_LEN], ct[MAX_LEN];
	uint8_t out[MAX_LEN], tag[16];
	size_t len, aad_len, at;
	int i, rejected = 0;

	for (i = 0; i < ROUNDS; i++) {
		len = random_len(MAX_LEN);
		aad_len = random_len(sizeof(aad));
		random_bytes(key, 32);
		random_bytes(nonce, 12);
		random_bytes(aad, aad_len);
		random_bytes(pt, len);
		CHECK(openssl_seal(key, nonce, aad, (int)aad_len, pt, (int)len,
		    ct, tag));
		if (aead_open(out, key, nonce, aad, aad_len, ct, len, tag) != 0 ||
		    memcmp(out, pt, len) != 0) {
			check_fail("round %d: len %zu aad %zu not opened", i, len, aad_len);
			return;
		}
		/* Flip one random bit somewhere in tag || ct || aad. */
		at = (size_t)(check_rand(&rng) % (16 + len + aad_len));
		if (at < 16)
			tag[at] ^= (uint8_t)(1 << (check_rand(&rng) % 8));
		else if (at < 16 + len)
			ct[at - 16] ^= (uint8_t)(1 << (check_rand(&rng) % 8));
		else
			aad[at - 16 - len] ^= (uint8_t)(1 << (check_rand(&rng) % 8));
		if (aead_open(out, key, nonce, aad, aad_len, ct, len, tag) != -1) {
			check_fail("round %d: flipped bit %zu accepted", i, at);
			return;
		}
		rejected++;
	}
	CHECK_EQ(rejected, ROUNDS);
}

int main(void)
{
	check_begin("sym_openssl");
	printf("INFO unit/sym_openssl: seed %#" PRIx64 ", %d rounds per case, %s\n",
	    (uint64_t)SEED, ROUNDS, OpenSSL_version(OPENSSL_VERSION));
	CHECK_RUN(sha256_matches_openssl);
	CHECK_RUN(hmac_sha256_matches_openssl);
	CHECK_RUN(hmac_sha512_matches_openssl);
	CHECK_RUN(hkdf_sha256_matches_openssl);
	CHECK_RUN(hkdf_sha512_matches_openssl);
	CHECK_RUN(poly1305_matches_openssl);
	CHECK_RUN(aead_seal_matches_openssl);
	CHECK_RUN(aead_open_accepts_openssl_output);
	return check_done();
}
