/*
 * test_tsign_encode.c - tsign's encoders: base64 against RFC 4648 section
 * 10, base58btc against the examples of draft-msporny-base58 (leading
 * zero bytes become '1's), hex both ways, and the size checks.
 */
#include <stdint.h>
#include <string.h>

#include "tools/tsign/encode.h"
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

int main(void)
{
	check_begin("tsign_encode");
	CHECK_RUN(base64_rfc4648);
	CHECK_RUN(base58_draft_examples);
	CHECK_RUN(hex_round_trip_and_rejects);
	CHECK_RUN(small_buffers_refused);
	return check_done();
}
