/*
 * test_sha256.c - SHA-256 against the NIST examples (FIPS 180-2 appendix B
 * and the CSRC example values) and the incremental API against one-shot.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto/sha256.h"
#include "tests/unit/check.h"

/* Checks sha256 of len bytes at msg against a hex digest. */
static int digest_matches(const void *msg, size_t len, const char *want_hex)
{
	uint8_t want[32], got[32];

	if (check_unhex(want_hex, want, sizeof(want)) != 32)
		return 0;
	sha256(msg, len, got);
	return memcmp(got, want, 32) == 0;
}

static void nist_empty(void)
{
	CHECK(digest_matches("", 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
	CHECK(digest_matches(NULL, 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

static void nist_abc(void)
{
	CHECK(digest_matches("abc", 3,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

static void nist_448_bits(void)
{
	static const char m[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	CHECK_EQ(strlen(m), 56);
	CHECK(digest_matches(m, 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

static void nist_896_bits(void)
{
	static const char m[] =
	    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

	CHECK_EQ(strlen(m), 112);
	CHECK(digest_matches(m, 112,
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"));
}

/* One million 'a', fed in uneven pieces to exercise the buffering too. */
static void nist_million_a(void)
{
	struct sha256_ctx ctx;
	uint8_t chunk[997], want[32], got[32];
	size_t left = 1000000, n;
	char *all;

	memset(chunk, 'a', sizeof(chunk));
	sha256_init(&ctx);
	while (left > 0) {
		n = left < sizeof(chunk) ? left : sizeof(chunk);
		sha256_update(&ctx, chunk, n);
		left -= n;
	}
	sha256_final(&ctx, got);
	check_unhex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    want, 32);
	CHECK_MEM(got, want, 32);

	all = malloc(1000000);
	CHECK(all != NULL);
	memset(all, 'a', 1000000);
	sha256(all, 1000000, got);
	free(all);
	CHECK_MEM(got, want, 32);
}

/* Every split of a 300-byte message into two updates gives one digest;
 * lengths 0..200 cover every padding case (55, 56, 63, 64 bytes...). */
static void split_updates_match_one_shot(void)
{
	uint8_t msg[300], whole[32], parts[32];
	struct sha256_ctx ctx;
	size_t len, cut;

	for (len = 0; len < sizeof(msg); len++)
		msg[len] = (uint8_t)(len * 7 + 3);
	for (len = 0; len <= 200; len++) {
		sha256(msg, len, whole);
		for (cut = 0; cut <= len; cut += 1 + cut / 8) {
			sha256_init(&ctx);
			sha256_update(&ctx, msg, cut);
			sha256_update(&ctx, NULL, 0);
			sha256_update(&ctx, msg + cut, len - cut);
			sha256_final(&ctx, parts);
			CHECK_MEM(whole, parts, 32);
		}
	}
}

/* final wipes the context (no digest state left behind). */
static void final_wipes_context(void)
{
	static const uint8_t zero[sizeof(struct sha256_ctx)];
	struct sha256_ctx ctx;
	uint8_t out[32];

	sha256_init(&ctx);
	sha256_update(&ctx, "secret", 6);
	sha256_final(&ctx, out);
	CHECK_MEM(&ctx, zero, sizeof(ctx));
}

int main(void)
{
	check_begin("sha256");
	CHECK_RUN(nist_empty);
	CHECK_RUN(nist_abc);
	CHECK_RUN(nist_448_bits);
	CHECK_RUN(nist_896_bits);
	CHECK_RUN(nist_million_a);
	CHECK_RUN(split_updates_match_one_shot);
	CHECK_RUN(final_wipes_context);
	return check_done();
}
