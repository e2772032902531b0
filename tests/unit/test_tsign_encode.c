/*
 * test_tsign_encode.c - tsign's encoders: base64 against RFC 4648 section
 * 10, base58btc against the examples of draft-msporny-base58 (leading
 * zero bytes become '1's), hex both ways, and the size checks.
 */
#include <stdint.h>
#include <string.h>

#include "lib/encode.h"
#include "tests/unit/check.h"

/* Encodes a string with enc and compares with want. */
static int encodes_to(long (*enc)(char *, size_t, const uint8_t *, size_t),
    const void *in, size_t len, const char *want)
{
	char out[128];
	long n = enc(out, sizeof(out), in, len);

	return n == (long)strlen(want) && strcmp(out, want) == 0;
}

static void base64_rfc4648(void)
{
	static const char *const want[] = {
		"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy",
	};
	size_t i;

	for (i = 0; i < 7; i++)
		CHECK(encodes_to(base64_encode, "foobar", i, want[i]));
}

static void base58_draft_examples(void)
{
	static const uint8_t zeros_prefixed[] = { 0, 0, 0x28, 0x7f, 0xb4, 0xcd };
	static const uint8_t all_zero[] = { 0, 0, 0 };

	CHECK(encodes_to(base58_encode, "Hello World!", 12, "2NEpo7TZRRrLZSi2U"));
	CHECK(encodes_to(base58_encode,
	    "The quick brown fox jumps over the lazy dog.", 44,
	    "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"));
	CHECK(encodes_to(base58_encode, zeros_prefixed, 6, "11233QC4"));
	CHECK(encodes_to(base58_encode, all_zero, 3, "111"));
	CHECK(encodes_to(base58_encode, "", 0, ""));
	CHECK(encodes_to(base58_encode, "\x39", 1, "z"));
	CHECK(encodes_to(base58_encode, "\x3a", 1, "21"));
}

static void hex_round_trip_and_rejects(void)
{
	uint8_t in[4] = { 0x00, 0xab, 0x7f, 0xff }, out[4];
	char hex[9];

	CHECK_EQ(hex_encode(hex, sizeof(hex), in, 4), 8);
	CHECK(strcmp(hex, "00ab7fff") == 0);
	CHECK_EQ(hex_decode(out, 4, "00AB7fff"), 0);
	CHECK_MEM(in, out, 4);
	CHECK_EQ(hex_decode(out, 4, "00ab7ff"), -1);
	CHECK_EQ(hex_decode(out, 4, "00ab7fff0"), -1);
	CHECK_EQ(hex_decode(out, 4, "00ab7fxf"), -1);
	CHECK_EQ(hex_decode(out, 4, "00ab 7ff"), -1);
}

/* Too small an output buffer is refused, never overrun (ASan watches). */
static void small_buffers_refused(void)
{
	char out[8];

	CHECK_EQ(hex_encode(out, 8, (const uint8_t *)"abcd", 4), -1);
	CHECK_EQ(hex_encode(out, 7, (const uint8_t *)"abc", 3), 6);
	CHECK_EQ(base64_encode(out, 4, (const uint8_t *)"foo", 3), -1);
	CHECK_EQ(base64_encode(out, 5, (const uint8_t *)"foo", 3), 4);
	CHECK_EQ(base58_encode(out, 8, (const uint8_t *)"Hello World!", 12), -1);
	CHECK_EQ(base58_encode(out, 2, (const uint8_t *)"\x3a", 1), -1);
	CHECK_EQ(base58_encode(out, 3, (const uint8_t *)"\x3a", 1), 2);
}

/* did:key of RFC 8032 TEST 2's public key (computed independently in Python). */
static void did_key_of_rfc8032_key(void)
{
	static const uint8_t pub[32] = {
		0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a, 0x92, 0xb7, 0x0a,
		0xa7, 0x4d, 0x1b, 0x7e, 0xbc, 0x9c, 0x98, 0x2c, 0xcf, 0x2e, 0xc4,
		0x96, 0x8c, 0xc0, 0xcd, 0x55, 0xf1, 0x2a, 0xf4, 0x66, 0x0c,
	};
	static const char want[] =
	    "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";
	char out[DID_KEY_MAX];

	CHECK_EQ(did_key_encode(out, sizeof(out), pub), (long)strlen(want));
	CHECK(strcmp(out, want) == 0);
	CHECK_EQ(did_key_encode(out, 20, pub), -1);
	CHECK_EQ(did_key_encode(out, 5, pub), -1);
}

int main(void)
{
	check_begin("tsign_encode");
	CHECK_RUN(base64_rfc4648);
	CHECK_RUN(base58_draft_examples);
	CHECK_RUN(hex_round_trip_and_rejects);
	CHECK_RUN(small_buffers_refused);
	CHECK_RUN(did_key_of_rfc8032_key);
	return check_done();
}
