/*
 * test_curve_openssl.c - SHA-512, X25519 and Ed25519 against OpenSSL 3
 * (EVP API) on random inputs.  Host only; links -lcrypto.
 *
 * The inputs come from check_rand with a fixed seed, printed as a "#"
 * line first; CURVE_SEED=<hex> in the environment replays another run.
 * Ed25519 is deterministic, so signatures must be byte-equal; tampered
 * signatures must be refused by both sides.  OpenSSL's verifier does not
 * refuse small-order keys or R (ours does, docs/CRYPTO.md); random inputs
 * never reach those points, so both must agree on every case here.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "lib/crypto/ed25519.h"
#include "lib/crypto/sha512.h"
#include "lib/crypto/x25519.h"
#include "tests/unit/check.h"

#define ED_KEYS 2000
#define MAX_MSG 1000

static uint64_t seed = 0x7e55e7a5eed25519ull;

static void random_bytes(uint64_t *s, uint8_t *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (uint8_t)(check_rand(s) >> 32);
}

/* OpenSSL's public key for an Ed25519 seed; 1 on success. */
static int ossl_ed_public(const uint8_t seed32[32], uint8_t pub[32])
{
	EVP_PKEY *k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL,
	    seed32, 32);
	size_t n = 32;
	int ok;

	if (k == NULL)
		return 0;
	ok = EVP_PKEY_get_raw_public_key(k, pub, &n) == 1 && n == 32;
	EVP_PKEY_free(k);
	return ok;
}

/* OpenSSL's Ed25519 signature; 1 on success. */
static int ossl_ed_sign(const uint8_t seed32[32], const uint8_t *msg,
    size_t len, uint8_t sig[64])
{
	EVP_PKEY *k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL,
	    seed32, 32);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t n = 64;
	int ok = 0;

	if (k != NULL && ctx != NULL)
		ok = EVP_DigestSignInit(ctx, NULL, NULL, NULL, k) == 1 &&
		    EVP_DigestSign(ctx, sig, &n, msg, len) == 1 && n == 64;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(k);
	return ok;
}

/* 1 if OpenSSL accepts sig, 0 if it refuses (or cannot load the key). */
static int ossl_ed_verify(const uint8_t sig[64], const uint8_t *msg,
    size_t len, const uint8_t pub[32])
{
	EVP_PKEY *k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL,
	    pub, 32);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok = 0;

	if (k != NULL && ctx != NULL)
		ok = EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, k) == 1 &&
		    EVP_DigestVerify(ctx, sig, 64, msg, len) == 1;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(k);
	return ok;
}

/* OpenSSL's X25519(priv, peer); 1 on success. */
static int ossl_x25519(const uint8_t priv[32], const uint8_t peer[32],
    uint8_t out[32])
{
	EVP_PKEY *k = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL,
	    priv, 32);
	EVP_PKEY *p = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL,
	    peer, 32);
	EVP_PKEY_CTX *ctx = k != NULL ? EVP_PKEY_CTX_new(k, NULL) : NULL;
	size_t n = 32;
	int ok = 0;

	if (ctx != NULL && p != NULL)
		ok = EVP_PKEY_derive_init(ctx) == 1 &&
		    EVP_PKEY_derive_set_peer(ctx, p) == 1 &&
		    EVP_PKEY_derive(ctx, out, &n) == 1 && n == 32;
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(p);
	EVP_PKEY_free(k);
	return ok;
}

static int tampered_agree, tampered_total;

/* Both verifiers on one (possibly tampered) signature: must agree, and
 * both must refuse when want_reject.  Returns 1 if all is well. */
static int both_agree(const uint8_t sig[64], const uint8_t *msg, size_t len,
    const uint8_t pub[32], int want_reject)
{
	int ours = ed25519_verify(sig, msg, len, pub) == 0;
	int theirs = ossl_ed_verify(sig, msg, len, pub);

	tampered_total++;
	if (ours != theirs)
		return 0;
	tampered_agree++;
	return !(want_reject && ours);
}

static const uint8_t l_bytes[32] = {
	0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
	0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0x10,
};

/* sig's S += L (mod 2^256): the same scalar mod L, not canonical. */
static void add_l(uint8_t sig[64])
{
	unsigned c = 0;
	int i;

	for (i = 0; i < 32; i++) {
		c += (unsigned)sig[32 + i] + l_bytes[i];
		sig[32 + i] = (uint8_t)c;
		c >>= 8;
	}
}

/*
 * ED_KEYS random seeds and messages (0..MAX_MSG bytes): equal public
 * keys, byte-equal signatures, each side accepts the other's; then three
 * tamperings of each signature (one random bit flip over sig || msg ||
 * pub, S + L, random R) refused by both.
 */
static void ed25519_random_match_openssl(void)
{
	static uint8_t msg[MAX_MSG];
	uint8_t sd[32], pub[32], opub[32], sig[64], osig[64], bad[64];
	uint8_t badpub[32];
	size_t len, bit;
	int i;

	for (i = 0; i < ED_KEYS; i++) {
		random_bytes(&seed, sd, 32);
		len = (size_t)(check_rand(&seed) % (MAX_MSG + 1));
		random_bytes(&seed, msg, len);
		ed25519_public_key(pub, sd);
		CHECK(ossl_ed_public(sd, opub));
		CHECK_MEM(pub, opub, 32);
		ed25519_sign(sig, msg, len, sd, pub);
		CHECK(ossl_ed_sign(sd, msg, len, osig));
		CHECK_MEM(sig, osig, 64);
		CHECK(ossl_ed_verify(sig, msg, len, pub));
		CHECK_EQ(ed25519_verify(osig, msg, len, opub), 0);

		/* One random bit of sig || msg || pub flipped. */
		memcpy(bad, sig, 64);
		memcpy(badpub, pub, 32);
		bit = (size_t)(check_rand(&seed) % ((64 + len + 32) * 8));
		if (bit < 64 * 8)
			bad[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		else if (bit < (64 + len) * 8)
			msg[bit / 8 - 64] ^= (uint8_t)(1 << (bit % 8));
		else
			badpub[bit / 8 - 64 - len] ^= (uint8_t)(1 << (bit % 8));
		if (!both_agree(bad, msg, len, badpub, 1)) {
			check_fail("bit flip %zu at key %d disagrees or accepted",
			    bit, i);
			return;
		}
		if (bit >= 64 * 8 && bit < (64 + len) * 8)
			msg[bit / 8 - 64] ^= (uint8_t)(1 << (bit % 8));

		memcpy(bad, sig, 64);
		add_l(bad);
		CHECK(both_agree(bad, msg, len, pub, 1));
		memcpy(bad, sig, 64);
		random_bytes(&seed, bad, 32);
		CHECK(both_agree(bad, msg, len, pub, 1));
	}
}

/* Random garbage as (sig, pub): both refuse, and agree. */
static void ed25519_garbage_agrees_with_openssl(void)
{
	uint8_t sig[64], pub[32], msg[40];
	int i;

	for (i = 0; i < 500; i++) {
		random_bytes(&seed, sig, 64);
		random_bytes(&seed, pub, 32);
		random_bytes(&seed, msg, sizeof(msg));
		sig[63] &= 0x0f;	/* S often below L: reaches the equation */
		CHECK(both_agree(sig, msg, sizeof(msg), pub, 1));
	}
}

/* X25519: random scalars and random peer points; equal shared secrets,
 * and equal public keys for x25519_base. */
static void x25519_random_match_openssl(void)
{
	static const uint8_t nine[32] = { 9 };
	uint8_t a[32], peer[32], ours[32], theirs[32];
	int i;

	for (i = 0; i < 1000; i++) {
		random_bytes(&seed, a, 32);
		random_bytes(&seed, peer, 32);
		peer[31] &= 0x7f;
		x25519(ours, a, peer);
		CHECK(ossl_x25519(a, peer, theirs));
		CHECK_MEM(ours, theirs, 32);
		x25519_base(ours, a);
		CHECK(ossl_x25519(a, nine, theirs));
		CHECK_MEM(ours, theirs, 32);
	}
}

/* SHA-512 of random lengths 0..1000 equals OpenSSL's. */
static void sha512_random_match_openssl(void)
{
	static uint8_t msg[1000];
	uint8_t ours[64], theirs[64];
	unsigned n;
	size_t len;
	int i;

	for (i = 0; i < 2000; i++) {
		len = (size_t)(check_rand(&seed) % 1001);
		random_bytes(&seed, msg, len);
		sha512(msg, len, ours);
		CHECK(EVP_Digest(msg, len, theirs, &n, EVP_sha512(), NULL) == 1);
		CHECK_EQ(n, 64);
		CHECK_MEM(ours, theirs, 64);
	}
}

int main(void)
{
	const char *env = getenv("CURVE_SEED");

	if (env != NULL)
		seed = strtoull(env, NULL, 16);
	if (seed == 0)
		seed = 1;
	printf("# curve_openssl: CURVE_SEED=%" PRIx64 "\n", seed);
	check_begin("curve_openssl");
	CHECK_RUN(ed25519_random_match_openssl);
	CHECK_RUN(ed25519_garbage_agrees_with_openssl);
	CHECK_RUN(x25519_random_match_openssl);
	CHECK_RUN(sha512_random_match_openssl);
	printf("# curve_openssl: %d of %d tampered/garbage verifications agree "
	    "with OpenSSL\n", tampered_agree, tampered_total);
	return check_done();
}
