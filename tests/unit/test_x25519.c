/*
 * test_x25519.c - X25519 against RFC 7748: the two section 5.2 vectors,
 * the iterated results after 1 and 1,000 steps (the 1,000,000-step one
 * runs only with X25519_MILLION=1 in the environment), and the section 6.1
 * Diffie-Hellman example.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto/x25519.h"
#include "tests/unit/check.h"

/* X25519(scalar, u) == out, all given in hex. */
static int x25519_is(const char *scalar_hex, const char *u_hex,
    const char *out_hex)
{
	uint8_t k[32], u[32], want[32], got[32];

	check_unhex(scalar_hex, k, 32);
	check_unhex(u_hex, u, 32);
	check_unhex(out_hex, want, 32);
	x25519(got, k, u);
	return memcmp(got, want, 32) == 0;
}

static void rfc7748_5_2_vector1(void)
{
	CHECK(x25519_is(
	    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
	    "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
	    "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"));
}

/* The u of this vector has its top bit set: it must be ignored. */
static void rfc7748_5_2_vector2(void)
{
	CHECK(x25519_is(
	    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
	    "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
	    "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"));
}

/* Runs the section 5.2 iteration n times from k = u = 9 into k. */
static void iterate(uint8_t k[32], long n)
{
	uint8_t u[32] = { 9 }, r[32];
	long i;

	memset(k, 0, 32);
	k[0] = 9;
	for (i = 0; i < n; i++) {
		x25519(r, k, u);
		memcpy(u, k, 32);
		memcpy(k, r, 32);
	}
}

static int iterated_is(long n, const char *hex)
{
	uint8_t k[32], want[32];

	check_unhex(hex, want, 32);
	iterate(k, n);
	return memcmp(k, want, 32) == 0;
}

static void rfc7748_iterated_1(void)
{
	CHECK(iterated_is(1,
	    "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
}

static void rfc7748_iterated_1000(void)
{
	CHECK(iterated_is(1000,
	    "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
}

static void rfc7748_iterated_1000000(void)
{
	CHECK(iterated_is(1000000,
	    "7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f887424"));
}

/* Section 6.1: both public keys, and both sides reach the same secret. */
static void rfc7748_6_1_diffie_hellman(void)
{
	uint8_t a[32], b[32], pa[32], pb[32], want[32], s1[32], s2[32];

	check_unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a, 32);
	check_unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", b, 32);
	x25519_base(pa, a);
	x25519_base(pb, b);
	check_unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", want, 32);
	CHECK_MEM(pa, want, 32);
	check_unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", want, 32);
	CHECK_MEM(pb, want, 32);
	x25519(s1, a, pb);
	x25519(s2, b, pa);
	check_unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", want, 32);
	CHECK_MEM(s1, want, 32);
	CHECK_MEM(s2, want, 32);
}

/* A low-order point (u = 0) gives the all-zero output. */
static void low_order_point_gives_zero(void)
{
	uint8_t k[32], zero[32] = { 0 }, out[32];

	memset(k, 0x5a, 32);
	x25519(out, k, zero);
	CHECK_MEM(out, zero, 32);
}

int main(void)
{
	const char *million = getenv("X25519_MILLION");

	check_begin("x25519");
	CHECK_RUN(rfc7748_5_2_vector1);
	CHECK_RUN(rfc7748_5_2_vector2);
	CHECK_RUN(rfc7748_iterated_1);
	CHECK_RUN(rfc7748_iterated_1000);
	if (million != NULL && strcmp(million, "1") == 0)
		CHECK_RUN(rfc7748_iterated_1000000);
	CHECK_RUN(rfc7748_6_1_diffie_hellman);
	CHECK_RUN(low_order_point_gives_zero);
	return check_done();
}
