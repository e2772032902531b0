/*
 * test_chacha20.c - ChaCha20 against the vectors of RFC 8439 (sections
 * 2.3.2 and 2.4.2, appendix A.1 and A.2) and a few properties.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/chacha20.h"
#include "tests/unit/check.h"

static const char key_seq[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

/* Checks one block against an expected hex string. */
static int block_matches(const char *key_hex, uint32_t counter,
    const char *nonce_hex, const char *want_hex)
{
	uint8_t key[32], nonce[12], want[64], got[64];

	if (check_unhex(key_hex, key, 32) != 32 ||
	    check_unhex(nonce_hex, nonce, 12) != 12 ||
	    check_unhex(want_hex, want, 64) != 64)
		return 0;
	chacha20_block(key, counter, nonce, got);
	return memcmp(got, want, 64) == 0;
}

/* Checks an encryption against expected hex ciphertext. */
static int xor_matches(const char *key_hex, const char *nonce_hex,
    uint32_t counter, const uint8_t *pt, size_t len, const char *want_hex)
{
	uint8_t key[32], nonce[12], want[512], got[512];

	if (len > sizeof(got) || check_unhex(key_hex, key, 32) != 32 ||
	    check_unhex(nonce_hex, nonce, 12) != 12 ||
	    check_unhex(want_hex, want, sizeof(want)) != len)
		return 0;
	chacha20_xor(key, nonce, counter, pt, got, len);
	return memcmp(got, want, len) == 0;
}

static void block_rfc_2_3_2(void)
{
	CHECK(block_matches(key_seq, 1, "000000090000004a00000000",
	    "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
	    "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e"));
}

static const char sunscreen[] =
    "Ladies and Gentlemen of the class of '99: If I could offer you only "
    "one tip for the future, sunscreen would be it.";

static void xor_rfc_2_4_2(void)
{
	CHECK_EQ(strlen(sunscreen), 114);
	CHECK(xor_matches(key_seq, "000000000000004a00000000", 1,
	    (const uint8_t *)sunscreen, 114,
	    "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
	    "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
	    "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
	    "5af90bbf74a35be6b40b8eedf2785e42874d"));
}

static const char zero_key[] =
    "0000000000000000000000000000000000000000000000000000000000000000";
static const char one_key[] =
    "0000000000000000000000000000000000000000000000000000000000000001";
static const char ff_key[] =
    "00ff000000000000000000000000000000000000000000000000000000000000";
static const char zero_nonce[] = "000000000000000000000000";
static const char two_nonce[] = "000000000000000000000002";

static void block_a1_vector1(void)
{
	CHECK(block_matches(zero_key, 0, zero_nonce,
	    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
	    "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"));
}

static void block_a1_vector2(void)
{
	CHECK(block_matches(zero_key, 1, zero_nonce,
	    "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
	    "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"));
}

static void block_a1_vector3(void)
{
	CHECK(block_matches(one_key, 1, zero_nonce,
	    "3aeb5224ecf849929b9d828db1ced4dd832025e8018b8160b82284f3c949aa5a"
	    "8eca00bbb4a73bdad192b5c42f73f2fd4e273644c8b36125a64addeb006c13a0"));
}

static void block_a1_vector4(void)
{
	CHECK(block_matches(ff_key, 2, zero_nonce,
	    "72d54dfbf12ec44b362692df94137f328fea8da73990265ec1bbbea1ae9af0ca"
	    "13b25aa26cb4a648cb9b9d1be65b2c0924a66c54d545ec1b7374f4872e99f096"));
}

static void block_a1_vector5(void)
{
	CHECK(block_matches(zero_key, 0, two_nonce,
	    "c2c64d378cd536374ae204b9ef933fcd1a8b2288b3dfa49672ab765b54ee27c7"
	    "8a970e0e955c14f3a88e741b97c286f75f8fc299e8148362fa198a39531bed6d"));
}

static void xor_a2_vector1(void)
{
	uint8_t zeros[64] = { 0 };

	CHECK(xor_matches(zero_key, zero_nonce, 0, zeros, 64,
	    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
	    "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"));
}

static const char ietf_text[] =
    "Any submission to the IETF intended by the Contributor for "
    "publication as all or part of an IETF Internet-Draft or RFC and any "
    "statement made within the context of an IETF activity is considered "
    "an \"IETF Contribution\". Such statements include oral statements in "
    "IETF sessions, as well as written and electronic communications made "
    "at any time or place, which are addressed to";

static void xor_a2_vector2(void)
{
	CHECK_EQ(strlen(ietf_text), 375);
	CHECK(xor_matches(one_key, two_nonce, 1,
	    (const uint8_t *)ietf_text, 375,
	    "a3fbf07df3fa2fde4f376ca23e82737041605d9f4f4f57bd8cff2c1d4b7955ec"
	    "2a97948bd3722915c8f3d337f7d370050e9e96d647b7c39f56e031ca5eb6250d"
	    "4042e02785ececfa4b4bb5e8ead0440e20b6e8db09d881a7c6132f420e527950"
	    "42bdfa7773d8a9051447b3291ce1411c680465552aa6c405b7764d5e87bea85a"
	    "d00f8449ed8f72d0d662ab052691ca66424bc86d2df80ea41f43abf937d3259d"
	    "c4b2d0dfb48a6c9139ddd7f76966e928e635553ba76c5c879d7b35d49eb2e62b"
	    "0871cdac638939e25e8a1e0ef9d5280fa8ca328b351c3c765989cbcf3daa8b6c"
	    "cc3aaf9f3979c92b3720fc88dc95ed84a1be059c6499b9fda236e7e818b04b0b"
	    "c39c1e876b193bfe5569753f88128cc08aaa9b63d1a16f80ef2554d7189c411f"
	    "5869ca52c5b83fa36ff216b9c1d30062bebcfd2dc5bce0911934fda79a86f6e6"
	    "98ced759c3ff9b6477338f3da4f9cd8514ea9982ccafb341b2384dd902f3d1ab"
	    "7ac61dd29c6f21ba5b862f3730e37cfdc4fd806c22f221"));
}

static const char jabberwocky[] =
    "'Twas brillig, and the slithy toves\nDid gyre and gimble in the "
    "wabe:\nAll mimsy were the borogoves,\nAnd the mome raths outgrabe.";

static void xor_a2_vector3(void)
{
	CHECK_EQ(strlen(jabberwocky), 127);
	CHECK(xor_matches(
	    "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
	    two_nonce, 42, (const uint8_t *)jabberwocky, 127,
	    "62e6347f95ed87a45ffae7426f27a1df5fb69110044c0d73118effa95b01e5cf"
	    "166d3df2d721caf9b21e5fb14c616871fd84c54f9d65b283196c7fe4f60553eb"
	    "f39c6402c42234e32a356b3e764312a61a5532055716ead6962568f87d3f3f77"
	    "04c6a8d1bcd1bf4d50d6154b6da731b187b58dfd728afa36757a797ac188d1"));
}

/* Encrypting zeros yields the concatenated blocks, counter rising. */
static void xor_equals_block_sequence(void)
{
	uint8_t key[32], nonce[12], zeros[200] = { 0 }, got[200], want[256];
	uint32_t i;

	for (i = 0; i < 32; i++)
		key[i] = (uint8_t)(7 * i + 3);
	for (i = 0; i < 12; i++)
		nonce[i] = (uint8_t)(0xa0 + i);
	for (i = 0; i < 4; i++)
		chacha20_block(key, 5 + i, nonce, want + 64 * i);
	chacha20_xor(key, nonce, 5, zeros, got, sizeof(got));
	CHECK_MEM(got, want, sizeof(got));
}

/* in == out is allowed and decrypting twice restores the text. */
static void xor_in_place_round_trip(void)
{
	uint8_t key[32] = { 1 }, nonce[12] = { 2 }, buf[150], orig[150];
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = orig[i] = (uint8_t)i;
	chacha20_xor(key, nonce, 9, buf, buf, sizeof(buf));
	CHECK(memcmp(buf, orig, sizeof(buf)) != 0);
	chacha20_xor(key, nonce, 9, buf, buf, sizeof(buf));
	CHECK_MEM(buf, orig, sizeof(buf));
}

/* A zero-length call writes nothing. */
static void xor_zero_length(void)
{
	uint8_t key[32] = { 0 }, nonce[12] = { 0 }, in[4] = { 1, 2, 3, 4 };
	uint8_t out[4] = { 9, 9, 9, 9 };

	chacha20_xor(key, nonce, 0, in, out, 0);
	CHECK(out[0] == 9 && out[3] == 9);
}

/* The 32-bit block counter wraps to 0 (RFC 8439 leaves this to callers). */
static void xor_counter_wraps(void)
{
	uint8_t key[32] = { 3 }, nonce[12] = { 4 }, zeros[128] = { 0 };
	uint8_t got[128], want[128];

	chacha20_block(key, 0xffffffffu, nonce, want);
	chacha20_block(key, 0, nonce, want + 64);
	chacha20_xor(key, nonce, 0xffffffffu, zeros, got, sizeof(got));
	CHECK_MEM(got, want, sizeof(got));
}

int main(void)
{
	check_begin("chacha20");
	CHECK_RUN(block_rfc_2_3_2);
	CHECK_RUN(xor_rfc_2_4_2);
	CHECK_RUN(block_a1_vector1);
	CHECK_RUN(block_a1_vector2);
	CHECK_RUN(block_a1_vector3);
	CHECK_RUN(block_a1_vector4);
	CHECK_RUN(block_a1_vector5);
	CHECK_RUN(xor_a2_vector1);
	CHECK_RUN(xor_a2_vector2);
	CHECK_RUN(xor_a2_vector3);
	CHECK_RUN(xor_equals_block_sequence);
	CHECK_RUN(xor_in_place_round_trip);
	CHECK_RUN(xor_zero_length);
	CHECK_RUN(xor_counter_wraps);
	return check_done();
}
