/*
 * test_sha512.c - SHA-512 against the FIPS 180 examples, and the
 * incremental interface against the one-shot one at every split point.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto/sha512.h"
#include "tests/unit/check.h"

static const char msg896[] =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/* Hashes len bytes of msg one-shot and checks the digest against hex. */
static int digest_is(const void *msg, size_t len, const char *hex)
{
	uint8_t want[64], got[64];

	check_unhex(hex, want, sizeof(want));
	sha512(msg, len, got);
	return memcmp(want, got, 64) == 0;
}

static void fips_abc(void)
{
	CHECK(digest_is("abc", 3,
	    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
}

static void fips_empty(void)
{
	CHECK(digest_is("", 0,
	    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
	    "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"));
}

/* The 896-bit message spills its length into a second padded block. */
static void fips_896_bit_two_blocks(void)
{
	CHECK_EQ(strlen(msg896), 112);
	CHECK(digest_is(msg896, 112,
	    "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
	    "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"));
}

/* One million 'a', fed in uneven chunks through the incremental API. */
static void fips_million_a(void)
{
	static const char *hex =
	    "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
	    "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b";
	static uint8_t buf[1000000];
	struct sha512_ctx ctx;
	uint8_t want[64], got[64];
	size_t done = 0, n;

	check_unhex(hex, want, sizeof(want));
	memset(buf, 'a', sizeof(buf));
	CHECK(digest_is(buf, sizeof(buf), hex));
	sha512_init(&ctx);
	for (n = 1; done < sizeof(buf); n = n * 3 % 1009 + 1) {
		if (n > sizeof(buf) - done)
			n = sizeof(buf) - done;
		sha512_update(&ctx, buf + done, n);
		done += n;
	}
	sha512_final(&ctx, got);
	CHECK_MEM(want, got, 64);
}

/* Splitting a 300-byte message at every offset (and in three at every
 * pair of a coarser grid) gives the one-shot digest. */
static void incremental_every_split(void)
{
	uint8_t msg[300], want[64], got[64];
	struct sha512_ctx ctx;
	size_t i, j;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 7 + 3);
	sha512(msg, sizeof(msg), want);
	for (i = 0; i <= sizeof(msg); i++) {
		sha512_init(&ctx);
		sha512_update(&ctx, msg, i);
		sha512_update(&ctx, NULL, 0);
		sha512_update(&ctx, msg + i, sizeof(msg) - i);
		sha512_final(&ctx, got);
		CHECK_MEM(want, got, 64);
	}
	for (i = 0; i <= sizeof(msg); i += 5)
		for (j = i; j <= sizeof(msg); j += 7) {
			sha512_init(&ctx);
			sha512_update(&ctx, msg, i);
			sha512_update(&ctx, msg + i, j - i);
			sha512_update(&ctx, msg + j, sizeof(msg) - j);
			sha512_final(&ctx, got);
			CHECK_MEM(want, got, 64);
		}
}

/* Byte-at-a-time across the padding edges (111, 112, 127, 128, 129). */
static void incremental_byte_at_a_time(void)
{
	static const size_t lens[] = { 0, 1, 111, 112, 127, 128, 129, 256 };
	uint8_t msg[256], want[64], got[64];
	struct sha512_ctx ctx;
	size_t i, k;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(255 - i);
	for (k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
		sha512(msg, lens[k], want);
		sha512_init(&ctx);
		for (i = 0; i < lens[k]; i++)
			sha512_update(&ctx, msg + i, 1);
		sha512_final(&ctx, got);
		CHECK_MEM(want, got, 64);
	}
}

int main(void)
{
	check_begin("sha512");
	CHECK_RUN(fips_abc);
	CHECK_RUN(fips_empty);
	CHECK_RUN(fips_896_bit_two_blocks);
	CHECK_RUN(fips_million_a);
	CHECK_RUN(incremental_every_split);
	CHECK_RUN(incremental_byte_at_a_time);
	return check_done();
}
