/*
 * test_hkdf.c - HKDF-SHA256 against RFC 5869 test cases 1-3, the length
 * limit, and HKDF-SHA512 through the same code.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/hkdf.h"
#include "tests/unit/check.h"

/* Fills buf with the bytes first, first+1, ... (the RFC's sequences). */
static void sequence(uint8_t *buf, size_t n, uint8_t first)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (uint8_t)(first + i);
}

/* Checks extract and expand of one case against the RFC's PRK and OKM. */
static int case_matches(const uint8_t *ikm, size_t ikm_len,
    const uint8_t *salt, size_t salt_len, const uint8_t *info,
    size_t info_len, const char *prk_hex, const char *okm_hex)
{
	uint8_t prk[32], want_prk[32], okm[100], want_okm[100], again[100];
	size_t okm_len = check_unhex(okm_hex, want_okm, sizeof(want_okm));

	if (check_unhex(prk_hex, want_prk, 32) != 32)
		return 0;
	hkdf_extract(&hash_sha256, prk, salt, salt_len, ikm, ikm_len);
	if (memcmp(prk, want_prk, 32) != 0)
		return 0;
	if (hkdf_expand(&hash_sha256, okm, okm_len, prk, 32, info, info_len) != 0 ||
	    memcmp(okm, want_okm, okm_len) != 0)
		return 0;
	if (hkdf(&hash_sha256, again, okm_len, salt, salt_len, ikm, ikm_len,
	    info, info_len) != 0)
		return 0;
	return memcmp(again, want_okm, okm_len) == 0;
}

static void rfc5869_case1(void)
{
	uint8_t ikm[22], salt[13], info[10];

	memset(ikm, 0x0b, sizeof(ikm));
	sequence(salt, sizeof(salt), 0x00);
	sequence(info, sizeof(info), 0xf0);
	CHECK(case_matches(ikm, sizeof(ikm), salt, sizeof(salt), info, sizeof(info),
	    "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
	    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
	    "34007208d5b887185865"));
}

static void rfc5869_case2_long_inputs(void)
{
	uint8_t ikm[80], salt[80], info[80];

	sequence(ikm, sizeof(ikm), 0x00);
	sequence(salt, sizeof(salt), 0x60);
	sequence(info, sizeof(info), 0xb0);
	CHECK(case_matches(ikm, sizeof(ikm), salt, sizeof(salt), info, sizeof(info),
	    "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
	    "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
	    "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
	    "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
}

static void rfc5869_case3_no_salt_no_info(void)
{
	uint8_t ikm[22];

	memset(ikm, 0x0b, sizeof(ikm));
	CHECK(case_matches(ikm, sizeof(ikm), NULL, 0, NULL, 0,
	    "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
	    "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
	    "9d201395faa4b61a96c8"));
}

/* 255 blocks is the most HKDF may give; one byte more writes nothing. */
static void length_limit(void)
{
	static uint8_t okm[255 * 64 + 1];
	uint8_t prk[64];

	memset(prk, 1, sizeof(prk));
	CHECK_EQ(hkdf_expand(&hash_sha256, okm, 255 * 32, prk, 32, "x", 1), 0);
	memset(okm, 0xee, sizeof(okm));
	CHECK_EQ(hkdf_expand(&hash_sha256, okm, 255 * 32 + 1, prk, 32, "x", 1), -1);
	CHECK_EQ(okm[0], 0xee);
	CHECK_EQ(hkdf(&hash_sha256, okm, 255 * 32 + 1, NULL, 0, "k", 1, NULL, 0), -1);
	CHECK_EQ(hkdf_expand(&hash_sha512, okm, 255 * 64, prk, 64, NULL, 0), 0);
	CHECK_EQ(hkdf_expand(&hash_sha512, okm, 255 * 64 + 1, prk, 64, NULL, 0), -1);
	CHECK_EQ(hkdf_expand(&hash_sha256, okm, 0, prk, 32, NULL, 0), 0);
}

/* A shorter output is a prefix of a longer one (same PRK and info). */
static void outputs_are_prefixes(void)
{
	uint8_t prk[64], a[200], b[200];
	size_t n;

	memset(prk, 7, sizeof(prk));
	hkdf_expand(&hash_sha512, a, sizeof(a), prk, 64, "ctx", 3);
	for (n = 0; n < sizeof(b); n += 13) {
		CHECK_EQ(hkdf_expand(&hash_sha512, b, n, prk, 64, "ctx", 3), 0);
		CHECK_MEM(a, b, n);
	}
}

/* HKDF-SHA512 with case 1's inputs, value computed with Python's hmac
 * module (an independent implementation of RFC 5869's two steps). */
static void sha512_case1_inputs(void)
{
	uint8_t ikm[22], salt[13], info[10], okm[42], want[42];

	memset(ikm, 0x0b, sizeof(ikm));
	sequence(salt, sizeof(salt), 0x00);
	sequence(info, sizeof(info), 0xf0);
	check_unhex("832390086cda71fb47625bb5ceb168e4c8e26a1a16ed34d9fc7fe92c14815793"
	    "38da362cb8d9f925d7cb", want, sizeof(want));
	CHECK_EQ(hkdf(&hash_sha512, okm, sizeof(okm), salt, sizeof(salt), ikm,
	    sizeof(ikm), info, sizeof(info)), 0);
	CHECK_MEM(okm, want, sizeof(okm));
}

int main(void)
{
	check_begin("hkdf");
	CHECK_RUN(rfc5869_case1);
	CHECK_RUN(rfc5869_case2_long_inputs);
	CHECK_RUN(rfc5869_case3_no_salt_no_info);
	CHECK_RUN(length_limit);
	CHECK_RUN(outputs_are_prefixes);
	CHECK_RUN(sha512_case1_inputs);
	return check_done();
}
