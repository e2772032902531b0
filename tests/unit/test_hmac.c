/*
 * test_hmac.c - HMAC-SHA256 and HMAC-SHA512 against RFC 4231 test cases
 * 1-7, and the incremental API against the one-shot one.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/hmac.h"
#include "tests/unit/check.h"

struct rfc4231_case {
	const char *key_hex;
	size_t key_repeat;	/* key is key_hex's one byte repeated, if > 0 */
	const char *data;	/* ASCII data, or NULL to use data_hex */
	const char *data_hex;
	size_t data_repeat;	/* data is data_hex's one byte repeated, if > 0 */
	size_t out_len;		/* 16 for case 5 (truncated), else full */
	const char *sha256_hex;
	const char *sha512_hex;
};

static const char long_key_data7[] =
    "This is a test using a larger than block-size key and a larger than "
    "block-size data. The key needs to be hashed before being used by the "
    "HMAC algorithm.";

static const struct rfc4231_case cases[7] = {
	{ "0b", 20, "Hi There", NULL, 0, 0,
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	  "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
	  "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
	{ "4a656665", 0, "what do ya want for nothing?", NULL, 0, 0,
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	  "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
	  "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
	{ "aa", 20, NULL, "dd", 50, 0,
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
	  "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
	  "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb" },
	{ "0102030405060708090a0b0c0d0e0f10111213141516171819", 0, NULL,
	  "cd", 50, 0,
	  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
	  "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
	  "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd" },
	{ "0c", 20, "Test With Truncation", NULL, 0, 16,
	  "a3b6167473100ee06e0c796c2955552b",
	  "415fad6271580a531d4179bc891d87a6" },
	{ "aa", 131, "Test Using Larger Than Block-Size Key - Hash Key First",
	  NULL, 0, 0,
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	  "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
	  "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" },
	{ "aa", 131, long_key_data7, NULL, 0, 0,
	  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
	  "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
	  "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58" },
};

/* Builds a case's key and data; returns 0 if the table is malformed. */
static int load_case(const struct rfc4231_case *c, uint8_t *key,
    size_t *key_len, uint8_t *data, size_t *data_len)
{
	if (c->key_repeat > 0) {
		check_unhex(c->key_hex, key, 1);
		memset(key, key[0], c->key_repeat);
		*key_len = c->key_repeat;
	} else {
		*key_len = check_unhex(c->key_hex, key, 200);
	}
	if (c->data != NULL) {
		*data_len = strlen(c->data);
		memcpy(data, c->data, *data_len);
	} else {
		check_unhex(c->data_hex, data, 1);
		memset(data, data[0], c->data_repeat);
		*data_len = c->data_repeat;
	}
	return *key_len > 0 && *data_len > 0;
}

/* Runs case i (1-based) with the given hash; 1 if it matches. */
static int case_matches(int i, const struct hash_alg *alg)
{
	const struct rfc4231_case *c = &cases[i - 1];
	uint8_t key[200], data[200], want[64], got[64];
	size_t key_len, data_len, n;
	const char *want_hex = alg == &hash_sha256 ? c->sha256_hex : c->sha512_hex;

	if (!load_case(c, key, &key_len, data, &data_len))
		return 0;
	n = c->out_len ? c->out_len : alg->digest_size;
	if (check_unhex(want_hex, want, sizeof(want)) != n)
		return 0;
	hmac(alg, key, key_len, data, data_len, got);
	return memcmp(got, want, n) == 0;
}

static void rfc4231_case1(void) { CHECK(case_matches(1, &hash_sha256)); CHECK(case_matches(1, &hash_sha512)); }
static void rfc4231_case2(void) { CHECK(case_matches(2, &hash_sha256)); CHECK(case_matches(2, &hash_sha512)); }
static void rfc4231_case3(void) { CHECK(case_matches(3, &hash_sha256)); CHECK(case_matches(3, &hash_sha512)); }
static void rfc4231_case4(void) { CHECK(case_matches(4, &hash_sha256)); CHECK(case_matches(4, &hash_sha512)); }
static void rfc4231_case5_truncated(void) { CHECK(case_matches(5, &hash_sha256)); CHECK(case_matches(5, &hash_sha512)); }
static void rfc4231_case6_long_key(void) { CHECK(case_matches(6, &hash_sha256)); CHECK(case_matches(6, &hash_sha512)); }
static void rfc4231_case7_long_key_and_data(void) { CHECK(case_matches(7, &hash_sha256)); CHECK(case_matches(7, &hash_sha512)); }

/* The named one-shot helpers are the generic code with fixed hashes. */
static void named_helpers_match_generic(void)
{
	uint8_t a[64], b[64];

	hmac_sha256("key", 3, "data", 4, a);
	hmac(&hash_sha256, "key", 3, "data", 4, b);
	CHECK_MEM(a, b, 32);
	hmac_sha512("key", 3, "data", 4, a);
	hmac(&hash_sha512, "key", 3, "data", 4, b);
	CHECK_MEM(a, b, 64);
}

/* Feeding the message in pieces, or from a copied keyed context, gives
 * the one-shot result; final wipes the context. */
static void incremental_and_copied_context(void)
{
	static const uint8_t zero[sizeof(struct hmac_ctx)];
	struct hmac_ctx keyed, ctx;
	uint8_t msg[300], whole[64], parts[64];
	size_t cut;
	int h;

	for (cut = 0; cut < sizeof(msg); cut++)
		msg[cut] = (uint8_t)cut;
	for (h = 0; h < 2; h++) {
		const struct hash_alg *alg = h ? &hash_sha512 : &hash_sha256;

		hmac(alg, "k", 1, msg, sizeof(msg), whole);
		hmac_init(&keyed, alg, "k", 1);
		for (cut = 0; cut <= sizeof(msg); cut += 37) {
			ctx = keyed;
			hmac_update(&ctx, msg, cut);
			hmac_update(&ctx, msg + cut, sizeof(msg) - cut);
			hmac_final(&ctx, parts);
			CHECK_MEM(whole, parts, alg->digest_size);
			CHECK_MEM(&ctx, zero, sizeof(ctx));
		}
	}
}

/* A key of exactly one block is used as is; one byte more is hashed. */
static void key_at_block_size(void)
{
	uint8_t key[129], hashed[64], a[64], b[64];

	memset(key, 0x42, sizeof(key));
	/* 64-byte key (one SHA-256 block) differs from its own hash as key. */
	sha256(key, 64, hashed);
	hmac_sha256(key, 64, "m", 1, a);
	hmac_sha256(hashed, 32, "m", 1, b);
	CHECK(memcmp(a, b, 32) != 0);
	/* 65-byte key: the same as its hash used as the key. */
	sha256(key, 65, hashed);
	hmac_sha256(key, 65, "m", 1, a);
	hmac_sha256(hashed, 32, "m", 1, b);
	CHECK_MEM(a, b, 32);
	sha512(key, 129, hashed);
	hmac_sha512(key, 129, "m", 1, a);
	hmac_sha512(hashed, 64, "m", 1, b);
	CHECK_MEM(a, b, 64);
}

int main(void)
{
	check_begin("hmac");
	CHECK_RUN(rfc4231_case1);
	CHECK_RUN(rfc4231_case2);
	CHECK_RUN(rfc4231_case3);
	CHECK_RUN(rfc4231_case4);
	CHECK_RUN(rfc4231_case5_truncated);
	CHECK_RUN(rfc4231_case6_long_key);
	CHECK_RUN(rfc4231_case7_long_key_and_data);
	CHECK_RUN(named_helpers_match_generic);
	CHECK_RUN(incremental_and_copied_context);
	CHECK_RUN(key_at_block_size);
	return check_done();
}
