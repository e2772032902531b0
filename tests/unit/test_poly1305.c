/*
 * test_poly1305.c - Poly1305 against RFC 8439 section 2.5.2 and the
 * appendix A.3 vectors (1-11, including the reduction edge cases), and
 * incremental updates against one-shot.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/poly1305.h"
#include "tests/unit/check.h"

/* Checks the tag of a message (raw bytes) under a hex key. */
static int tag_matches(const char *key_hex, const void *msg, size_t len,
    const char *tag_hex)
{
	uint8_t key[32], want[16], got[16];

	if (check_unhex(key_hex, key, 32) != 32 ||
	    check_unhex(tag_hex, want, 16) != 16)
		return 0;
	poly1305(got, msg, len, key);
	return memcmp(got, want, 16) == 0;
}

/* The same with a hex message. */
static int tag_matches_hex(const char *key_hex, const char *msg_hex,
    const char *tag_hex)
{
	uint8_t msg[128];
	size_t len = check_unhex(msg_hex, msg, sizeof(msg));

	return tag_matches(key_hex, msg, len, tag_hex);
}

static void rfc_2_5_2(void)
{
	CHECK(tag_matches(
	    "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
	    "Cryptographic Forum Research Group", 34,
	    "a8061dc1305136c6c22b8baf0c0127a9"));
}

static const char ietf_text[] =
    "Any submission to the IETF intended by the Contributor for publication "
    "as all or part of an IETF Internet-Draft or RFC and any statement made "
    "within the context of an IETF activity is considered an \"IETF "
    "Contribution\". Such statements include oral statements in IETF "
    "sessions, as well as written and electronic communications made at any "
    "time or place, which are addressed to";

static const char jabberwocky[] =
    "'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\n"
    "All mimsy were the borogoves,\nAnd the mome raths outgrabe.";

static void a3_vector1_zero(void)
{
	static const uint8_t zeros[64];

	CHECK(tag_matches(
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    zeros, 64, "00000000000000000000000000000000"));
}

static void a3_vector2_r_zero(void)
{
	CHECK_EQ(strlen(ietf_text), 375);
	CHECK(tag_matches(
	    "0000000000000000000000000000000036e5f6b5c5e06070f0efca96227a863e",
	    ietf_text, 375, "36e5f6b5c5e06070f0efca96227a863e"));
}

static void a3_vector3_s_zero(void)
{
	CHECK(tag_matches(
	    "36e5f6b5c5e06070f0efca96227a863e00000000000000000000000000000000",
	    ietf_text, 375, "f3477e7cd95417af89a6b8794c310cf0"));
}

static void a3_vector4(void)
{
	CHECK_EQ(strlen(jabberwocky), 127);
	CHECK(tag_matches(
	    "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
	    jabberwocky, 127, "4541669a7eaaee61e708dc7cbcc5eb62"));
}

/* Vectors 5-11: the carries and reductions a limb implementation can get
 * wrong (h just above p, s overflowing 2^128, ...). */
static void a3_vector5_h_just_over_p(void)
{
	CHECK(tag_matches_hex(
	    "0200000000000000000000000000000000000000000000000000000000000000",
	    "ffffffffffffffffffffffffffffffff",
	    "03000000000000000000000000000000"));
}

static void a3_vector6_s_overflows(void)
{
	CHECK(tag_matches_hex(
	    "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
	    "02000000000000000000000000000000",
	    "03000000000000000000000000000000"));
}

static void a3_vector7(void)
{
	CHECK(tag_matches_hex(
	    "0100000000000000000000000000000000000000000000000000000000000000",
	    "ffffffffffffffffffffffffffffffff"
	    "f0ffffffffffffffffffffffffffffff"
	    "11000000000000000000000000000000",
	    "05000000000000000000000000000000"));
}

static void a3_vector8(void)
{
	CHECK(tag_matches_hex(
	    "0100000000000000000000000000000000000000000000000000000000000000",
	    "ffffffffffffffffffffffffffffffff"
	    "fbfefefefefefefefefefefefefefefe"
	    "01010101010101010101010101010101",
	    "00000000000000000000000000000000"));
}

static void a3_vector9(void)
{
	CHECK(tag_matches_hex(
	    "0200000000000000000000000000000000000000000000000000000000000000",
	    "fdffffffffffffffffffffffffffffff",
	    "faffffffffffffffffffffffffffffff"));
}

static void a3_vector10(void)
{
	CHECK(tag_matches_hex(
	    "0100000000000000040000000000000000000000000000000000000000000000",
	    "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
	    "0000000000000000000000000000000001000000000000000000000000000000",
	    "14000000000000005500000000000000"));
}

static void a3_vector11(void)
{
	CHECK(tag_matches_hex(
	    "0100000000000000040000000000000000000000000000000000000000000000",
	    "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
	    "00000000000000000000000000000000",
	    "13000000000000000000000000000000"));
}

/* Any split into three updates gives the one-shot tag. */
static void split_updates_match_one_shot(void)
{
	struct poly1305_ctx ctx;
	uint8_t key[32], msg[100], whole[16], parts[16];
	size_t len, a, b;

	for (a = 0; a < sizeof(key); a++)
		key[a] = (uint8_t)(0xa0 + a * 5);
	for (a = 0; a < sizeof(msg); a++)
		msg[a] = (uint8_t)(a * 11);
	for (len = 0; len <= sizeof(msg); len++) {
		poly1305(whole, msg, len, key);
		for (a = 0; a <= len; a += 3) {
			for (b = a; b <= len; b += 5) {
				poly1305_init(&ctx, key);
				poly1305_update(&ctx, msg, a);
				poly1305_update(&ctx, msg + a, b - a);
				poly1305_update(&ctx, msg + b, len - b);
				poly1305_final(&ctx, parts);
				CHECK_MEM(whole, parts, 16);
			}
		}
	}
}

int main(void)
{
	check_begin("poly1305");
	CHECK_RUN(rfc_2_5_2);
	CHECK_RUN(a3_vector1_zero);
	CHECK_RUN(a3_vector2_r_zero);
	CHECK_RUN(a3_vector3_s_zero);
	CHECK_RUN(a3_vector4);
	CHECK_RUN(a3_vector5_h_just_over_p);
	CHECK_RUN(a3_vector6_s_overflows);
	CHECK_RUN(a3_vector7);
	CHECK_RUN(a3_vector8);
	CHECK_RUN(a3_vector9);
	CHECK_RUN(a3_vector10);
	CHECK_RUN(a3_vector11);
	CHECK_RUN(split_updates_match_one_shot);
	return check_done();
}
