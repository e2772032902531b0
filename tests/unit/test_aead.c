/*
 * test_aead.c - ChaCha20-Poly1305 against RFC 8439 section 2.8.2 and
 * appendix A.5; rejection of a tampered tag, ciphertext, AAD or nonce
 * with nothing written; crypto_equal.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/aead.h"
#include "lib/crypto/equal.h"
#include "tests/unit/check.h"

static const char sunscreen[] =
    "Ladies and Gentlemen of the class of '99: If I could offer you only "
    "one tip for the future, sunscreen would be it.";

static const char ct_2_8_2[] =
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116";

/* The section 2.8.2 key, nonce and AAD. */
static void load_2_8_2(uint8_t key[32], uint8_t nonce[12], uint8_t aad[12])
{
	check_unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
	    key, 32);
	check_unhex("070000004041424344454647", nonce, 12);
	check_unhex("50515253c0c1c2c3c4c5c6c7", aad, 12);
}

static void seal_rfc_2_8_2(void)
{
	uint8_t key[32], nonce[12], aad[12], ct[114], want[114], tag[16], want_tag[16];

	load_2_8_2(key, nonce, aad);
	CHECK_EQ(strlen(sunscreen), 114);
	CHECK_EQ(check_unhex(ct_2_8_2, want, sizeof(want)), 114);
	check_unhex("1ae10b594f09e26a7e902ecbd0600691", want_tag, 16);
	CHECK_EQ(aead_seal(ct, tag, key, nonce, aad, 12,
	    (const uint8_t *)sunscreen, 114), 0);
	CHECK_MEM(ct, want, 114);
	CHECK_MEM(tag, want_tag, 16);
}

static void open_rfc_2_8_2(void)
{
	uint8_t key[32], nonce[12], aad[12], ct[114], pt[114], tag[16];

	load_2_8_2(key, nonce, aad);
	check_unhex(ct_2_8_2, ct, sizeof(ct));
	check_unhex("1ae10b594f09e26a7e902ecbd0600691", tag, 16);
	CHECK_EQ(aead_open(pt, key, nonce, aad, 12, ct, 114, tag), 0);
	CHECK_MEM(pt, sunscreen, 114);
}

/* Appendix A.5: a decryption whose plaintext ends in UTF-8 quotes. */
static void open_rfc_a5(void)
{
	static const char want[] =
	    "Internet-Drafts are draft documents valid for a maximum of six "
	    "months and may be updated, replaced, or obsoleted by other "
	    "documents at any time. It is inappropriate to use Internet-Drafts "
	    "as reference material or to cite them other than as "
	    "/\xe2\x80\x9cwork in progress./\xe2\x80\x9d";
	uint8_t key[32], nonce[12], aad[12], ct[300], pt[300], tag[16];
	size_t len;

	check_unhex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
	    key, 32);
	check_unhex("000000000102030405060708", nonce, 12);
	check_unhex("f33388860000000000004e91", aad, 12);
	check_unhex("eead9d67890cbb22392336fea1851f38", tag, 16);
	len = check_unhex(
	    "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb2"
	    "4c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf"
	    "332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
	    "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4"
	    "b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523e"
	    "af4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
	    "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a10"
	    "49e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29"
	    "a6ad5cb4022b02709b", ct, sizeof(ct));
	CHECK_EQ(len, 265);
	CHECK_EQ(strlen(want), 265);
	CHECK_EQ(aead_open(pt, key, nonce, aad, 12, ct, len, tag), 0);
	CHECK_MEM(pt, want, 265);
}

/*
 * Seals the 2.8.2 message, applies one change, and checks that open
 * fails and leaves the output buffer exactly as it was (0x5a).
 */
enum tamper { TAMPER_TAG, TAMPER_CT, TAMPER_AAD, TAMPER_NONCE, TAMPER_LEN };

static int rejected_untouched(enum tamper what, size_t where, uint8_t bit)
{
	uint8_t key[32], nonce[12], aad[12], ct[114], tag[16], pt[114];
	size_t len = 114, aad_len = 12, i;

	load_2_8_2(key, nonce, aad);
	if (aead_seal(ct, tag, key, nonce, aad, 12, (const uint8_t *)sunscreen, 114) != 0)
		return 0;
	switch (what) {
	case TAMPER_TAG: tag[where % 16] ^= bit; break;
	case TAMPER_CT: ct[where % 114] ^= bit; break;
	case TAMPER_AAD: aad[where % 12] ^= bit; break;
	case TAMPER_NONCE: nonce[where % 12] ^= bit; break;
	case TAMPER_LEN: len = where % 114; aad_len = where % 12; break;
	}
	memset(pt, 0x5a, sizeof(pt));
	if (aead_open(pt, key, nonce, aad, aad_len, ct, len, tag) != -1)
		return 0;
	for (i = 0; i < sizeof(pt); i++)
		if (pt[i] != 0x5a)
			return 0;
	return 1;
}

static void tampered_tag_rejected(void)
{
	size_t i;
	int b;

	for (i = 0; i < 16; i++)
		for (b = 0; b < 8; b++)
			CHECK(rejected_untouched(TAMPER_TAG, i, (uint8_t)(1 << b)));
}

static void tampered_ciphertext_rejected(void)
{
	size_t i;

	for (i = 0; i < 114; i++)
		CHECK(rejected_untouched(TAMPER_CT, i, (uint8_t)(1 << (i % 8))));
}

static void tampered_aad_rejected(void)
{
	size_t i;

	for (i = 0; i < 12; i++)
		CHECK(rejected_untouched(TAMPER_AAD, i, 0x80));
}

static void wrong_nonce_rejected(void)
{
	size_t i;

	for (i = 0; i < 12; i++)
		CHECK(rejected_untouched(TAMPER_NONCE, i, 0x01));
}

static void truncated_input_rejected(void)
{
	size_t i;

	for (i = 0; i < 114; i += 7)
		CHECK(rejected_untouched(TAMPER_LEN, i, 0));
}

/* Sealing and opening in place, and the empty message and AAD cases. */
static void in_place_and_empty(void)
{
	uint8_t key[32], nonce[12], aad[12], buf[114], tag[16], tag2[16];

	load_2_8_2(key, nonce, aad);
	memcpy(buf, sunscreen, 114);
	CHECK_EQ(aead_seal(buf, tag, key, nonce, aad, 12, buf, 114), 0);
	CHECK_EQ(aead_open(buf, key, nonce, aad, 12, buf, 114, tag), 0);
	CHECK_MEM(buf, sunscreen, 114);

	CHECK_EQ(aead_seal(NULL, tag, key, nonce, NULL, 0, NULL, 0), 0);
	CHECK_EQ(aead_open(NULL, key, nonce, NULL, 0, NULL, 0, tag), 0);
	CHECK_EQ(aead_seal(NULL, tag2, key, nonce, aad, 12, NULL, 0), 0);
	CHECK(memcmp(tag, tag2, 16) != 0);
	CHECK_EQ(aead_open(NULL, key, nonce, aad, 12, NULL, 0, tag2), 0);
	CHECK_EQ(aead_open(NULL, key, nonce, aad, 11, NULL, 0, tag2), -1);
}

/* A length whose keystream would wrap to block 0 is refused up front
 * (nothing is read or written: the buffers here are tiny). */
static void oversize_length_refused(void)
{
	uint8_t key[32] = { 0 }, nonce[12] = { 0 }, buf[16], tag[16];

	memset(buf, 0x5a, sizeof(buf));
	memset(tag, 0x5a, sizeof(tag));
	if (sizeof(size_t) <= 4)
		return;		/* such a length does not exist */
	CHECK_EQ(aead_seal(buf, tag, key, nonce, NULL, 0, buf,
	    (size_t)AEAD_MAX_LEN + 1), -1);
	CHECK_EQ(aead_open(buf, key, nonce, NULL, 0, buf,
	    (size_t)AEAD_MAX_LEN + 1, tag), -1);
	CHECK_EQ(buf[0], 0x5a);
	CHECK_EQ(tag[0], 0x5a);
}

static void equal_is_exact(void)
{
	uint8_t a[33], b[33];
	size_t i;

	memset(a, 0x77, sizeof(a));
	memcpy(b, a, sizeof(b));
	CHECK_EQ(crypto_equal(a, b, sizeof(a)), 1);
	CHECK_EQ(crypto_equal(a, b, 0), 1);
	for (i = 0; i < sizeof(a); i++) {
		b[i] ^= 0x80;
		CHECK_EQ(crypto_equal(a, b, sizeof(a)), 0);
		b[i] ^= 0x81;
		CHECK_EQ(crypto_equal(a, b, sizeof(a)), 0);
		b[i] ^= 0x01;
	}
	CHECK_EQ(crypto_equal(a, b, sizeof(a)), 1);
}

int main(void)
{
	check_begin("aead");
	CHECK_RUN(seal_rfc_2_8_2);
	CHECK_RUN(open_rfc_2_8_2);
	CHECK_RUN(open_rfc_a5);
	CHECK_RUN(tampered_tag_rejected);
	CHECK_RUN(tampered_ciphertext_rejected);
	CHECK_RUN(tampered_aad_rejected);
	CHECK_RUN(wrong_nonce_rejected);
	CHECK_RUN(truncated_input_rejected);
	CHECK_RUN(in_place_and_empty);
	CHECK_RUN(oversize_length_refused);
	CHECK_RUN(equal_is_exact);
	return check_done();
}
