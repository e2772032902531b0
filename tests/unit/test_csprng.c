/*
 * test_csprng.c - the ChaCha20 fast-key-erasure generator.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto/chacha20.h"
#include "lib/crypto/csprng.h"
#include "tests/unit/check.h"

static const uint8_t seed_a[32] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const uint8_t seed_b[32] = { 1, 2, 3, 4, 5, 6, 7, 9 };
static const uint8_t zero_nonce[12];

/* The same seed gives the same sequence of fills. */
static void deterministic_from_fixed_seed(void)
{
	struct csprng a, b;
	uint8_t x[100], y[100];
	int i;

	csprng_init(&a, seed_a);
	csprng_init(&b, seed_a);
	for (i = 0; i < 5; i++) {
		csprng_fill(&a, x, sizeof(x));
		csprng_fill(&b, y, sizeof(y));
		CHECK_MEM(x, y, sizeof(x));
	}
}

/* Pins the layout: output is keystream blocks 1.., next key is block 0. */
static void known_answer_layout(void)
{
	struct csprng r;
	uint8_t out[80], b0[64], b1[64], b2[64];

	chacha20_block(seed_a, 0, zero_nonce, b0);
	chacha20_block(seed_a, 1, zero_nonce, b1);
	chacha20_block(seed_a, 2, zero_nonce, b2);
	csprng_init(&r, seed_a);
	csprng_fill(&r, out, sizeof(out));
	CHECK_MEM(out, b1, 64);
	CHECK_MEM(out + 64, b2, 16);
	CHECK_MEM(r.key, b0, 32);
}

/* Seeds one bit apart give unrelated output. */
static void different_seeds_differ(void)
{
	struct csprng a, b;
	uint8_t x[64], y[64];
	int same = 0;
	size_t i;

	csprng_init(&a, seed_a);
	csprng_init(&b, seed_b);
	csprng_fill(&a, x, sizeof(x));
	csprng_fill(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);
	for (i = 0; i < sizeof(x); i++)
		same += x[i] == y[i];
	CHECK(same < 8);	/* about 64/256 expected */
}

/* Every fill, even of zero bytes, replaces the key with a new one. */
static void key_changes_after_every_fill(void)
{
	static const size_t sizes[] = { 0, 1, 32, 64, 65, 1000, 0 };
	struct csprng r;
	uint8_t before[32], buf[1000];
	size_t i;

	csprng_init(&r, seed_a);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memcpy(before, r.key, 32);
		csprng_fill(&r, buf, sizes[i]);
		CHECK(memcmp(before, r.key, 32) != 0);
	}
}

/* Nothing handed out can be found in the keystream of the key left behind. */
static void output_not_recomputable_from_state(void)
{
	struct csprng r;
	uint8_t out[256], ks[64];
	uint32_t c;
	int k;

	csprng_init(&r, seed_a);
	csprng_fill(&r, out, sizeof(out));
	for (c = 0; c < 8; c++) {
		chacha20_block(r.key, c, zero_nonce, ks);
		for (k = 0; k < 4; k++)
			CHECK(memcmp(ks, out + 64 * k, 64) != 0);
	}
	/* Nor is the new key a piece of the output. */
	for (k = 0; k + 32 <= (int)sizeof(out); k++)
		CHECK(memcmp(r.key, out + k, 32) != 0);
}

/* A reseed moves the stream away from the unreseeded one, and counts. */
static void reseed_changes_stream(void)
{
	struct csprng a, b;
	uint8_t x[64], y[64];

	csprng_init(&a, seed_a);
	csprng_init(&b, seed_a);
	csprng_fill(&a, x, 10);
	csprng_fill(&b, y, 10);
	csprng_reseed(&b, seed_b);
	CHECK_EQ(b.reseed_count, 1);
	CHECK_EQ(b.bytes_since_reseed, 0);
	csprng_fill(&a, x, sizeof(x));
	csprng_fill(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);
}

/* The reseeded key depends on the old key, not only on the new seed. */
static void reseed_keeps_old_entropy(void)
{
	struct csprng a, b;

	csprng_init(&a, seed_a);
	csprng_init(&b, seed_b);
	csprng_reseed(&a, seed_a);
	csprng_reseed(&b, seed_a);
	CHECK(memcmp(a.key, b.key, 32) != 0);
}

/* Reseeding with the same seed twice is still deterministic. */
static void reseed_deterministic(void)
{
	struct csprng a, b;

	csprng_init(&a, seed_a);
	csprng_init(&b, seed_a);
	csprng_reseed(&a, seed_b);
	csprng_reseed(&b, seed_b);
	CHECK_MEM(a.key, b.key, 32);
	csprng_reseed(&a, seed_b);
	CHECK(memcmp(a.key, b.key, 32) != 0);
	CHECK_EQ(a.reseed_count, 2);
}

/* bytes_since_reseed counts filled bytes and restarts on reseed. */
static void byte_accounting(void)
{
	struct csprng r;
	uint8_t buf[100];

	csprng_init(&r, seed_a);
	CHECK_EQ(r.bytes_since_reseed, 0);
	csprng_fill(&r, buf, 100);
	csprng_fill(&r, buf, 0);
	csprng_fill(&r, buf, 7);
	CHECK_EQ(r.bytes_since_reseed, 107);
	csprng_reseed(&r, seed_b);
	CHECK_EQ(r.bytes_since_reseed, 0);
}

/*
 * Fills n bytes into a guarded buffer from a fresh generator: the output
 * must be the first n bytes of a 1000-byte fill from the same seed, and
 * the guard bytes after it untouched.
 */
static int fill_size_ok(size_t n)
{
	struct csprng r;
	uint8_t ref[1000], buf[1000 + 16];
	size_t i;

	csprng_init(&r, seed_a);
	csprng_fill(&r, ref, sizeof(ref));
	memset(buf, 0xa5, sizeof(buf));
	csprng_init(&r, seed_a);
	csprng_fill(&r, buf, n);
	if (memcmp(buf, ref, n) != 0)
		return 0;
	for (i = n; i < sizeof(buf); i++)
		if (buf[i] != 0xa5)
			return 0;
	return r.bytes_since_reseed == n;
}

static void fill_0_bytes(void) { CHECK(fill_size_ok(0)); }
static void fill_1_byte(void) { CHECK(fill_size_ok(1)); }
static void fill_63_bytes(void) { CHECK(fill_size_ok(63)); }
static void fill_64_bytes(void) { CHECK(fill_size_ok(64)); }
static void fill_65_bytes(void) { CHECK(fill_size_ok(65)); }
static void fill_1000_bytes(void) { CHECK(fill_size_ok(1000)); }

/* A zero-length fill may pass NULL. */
static void fill_zero_with_null(void)
{
	struct csprng r;

	csprng_init(&r, seed_a);
	csprng_fill(&r, NULL, 0);
	CHECK_EQ(r.bytes_since_reseed, 0);
}

/* A fill longer than one internal chunk (1 MiB) rekeys between chunks. */
static void fill_across_chunks(void)
{
	size_t n = (2u << 20) + 100;
	uint8_t *buf = malloc(n), *again = malloc(n);
	struct csprng r;
	int ok;

	if (buf == NULL || again == NULL) {
		free(buf);
		free(again);
		CHECK(!"out of memory");
	}
	csprng_init(&r, seed_a);
	csprng_fill(&r, buf, n);
	ok = r.bytes_since_reseed == n;
	/* Each chunk starts a fresh key, so chunk starts differ. */
	ok = ok && memcmp(buf, buf + (1u << 20), 64) != 0;
	ok = ok && memcmp(buf + (1u << 20), buf + (2u << 20), 64) != 0;
	csprng_init(&r, seed_a);
	csprng_fill(&r, again, n);
	ok = ok && memcmp(buf, again, n) == 0;
	free(buf);
	free(again);
	CHECK(ok);
}

int main(void)
{
	check_begin("csprng");
	CHECK_RUN(deterministic_from_fixed_seed);
	CHECK_RUN(known_answer_layout);
	CHECK_RUN(different_seeds_differ);
	CHECK_RUN(key_changes_after_every_fill);
	CHECK_RUN(output_not_recomputable_from_state);
	CHECK_RUN(reseed_changes_stream);
	CHECK_RUN(reseed_keeps_old_entropy);
	CHECK_RUN(reseed_deterministic);
	CHECK_RUN(byte_accounting);
	CHECK_RUN(fill_0_bytes);
	CHECK_RUN(fill_1_byte);
	CHECK_RUN(fill_63_bytes);
	CHECK_RUN(fill_64_bytes);
	CHECK_RUN(fill_65_bytes);
	CHECK_RUN(fill_1000_bytes);
	CHECK_RUN(fill_zero_with_null);
	CHECK_RUN(fill_across_chunks);
	return check_done();
}
