/*
 * test_fe25519.c - GF(2^255 - 19) arithmetic against values computed with
 * Python's big integers: canonical encoding of the non-canonical inputs
 * p, p + 1, 2^255 - 1, the four operations, inversion, the masked swap and
 * move, and a long chain of operations that never reduces in between.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/fe25519.h"
#include "tests/unit/check.h"

#define HEX_A "f0e1d2c3b4a5968778695a4b3c2d1e0f1032547698badcfeefcdab8967452301"
#define HEX_B "0f1e2d3c4b5a69788796a5b4c3d2e1f0efcdab89674523011032547698badc7e"
#define HEX_P_MINUS_1 "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"

static void from_hex(struct fe25519 *f, const char *hex)
{
	uint8_t s[32];

	check_unhex(hex, s, 32);
	fe25519_frombytes(f, s);
}

/* 1 if f encodes to the 32 bytes given in hex. */
static int encodes_to(const struct fe25519 *f, const char *hex)
{
	uint8_t want[32], got[32];

	check_unhex(hex, want, 32);
	fe25519_tobytes(got, f);
	return memcmp(want, got, 32) == 0;
}

#define HEX_ZERO "00000000000000000000000000000000" \
	"00000000000000000000000000000000"
#define HEX_ONE "01000000000000000000000000000000" \
	"00000000000000000000000000000000"

static void tobytes_reduces_noncanonical_inputs(void)
{
	struct fe25519 f;

	from_hex(&f, "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
	CHECK(encodes_to(&f, HEX_ZERO));			/* p */
	CHECK(fe25519_iszero(&f));
	from_hex(&f, "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
	CHECK(encodes_to(&f, HEX_ONE));			/* p + 1 */
	from_hex(&f, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
	CHECK(encodes_to(&f, "12000000000000000000000000000000"
	    "00000000000000000000000000000000"));		/* 2^255 - 1 */
	from_hex(&f, HEX_P_MINUS_1);
	CHECK(encodes_to(&f, HEX_P_MINUS_1));
	CHECK(!fe25519_isodd(&f));
	from_hex(&f, "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
	CHECK(encodes_to(&f, HEX_P_MINUS_1));		/* bit 255 ignored */
}

static void operations_match_python(void)
{
	struct fe25519 a, b, h;

	from_hex(&a, HEX_A);
	from_hex(&b, HEX_B);
	fe25519_mul(&h, &a, &b);
	CHECK(encodes_to(&h, "fd5955ddcbfa43814c74264dd3a3a9cffa935f70dbb5140d2e7f9eb3e457331d"));
	fe25519_sub(&h, &a, &b);
	CHECK(encodes_to(&h, "cec3a587694b2d0ff1d2b496785a3c1e2064a8ec3075b9fddf9b5713cf8a4602"));
	fe25519_add(&h, &a, &b);
	CHECK(encodes_to(&h, "12000000000000000000000000000000"
	    "00000000000000000000000000000000"));
	fe25519_invert(&h, &a);
	CHECK(encodes_to(&h, "b7ed67c7242c7a63c23b129451b4452c675a24a94e5323ce948e35aec7673f3c"));
	fe25519_mul_small(&h, &a, 121666);
	CHECK(encodes_to(&h, "1be096c5f21f4d7aa7d4012f5c89b6e330b498badcfe2043c36567452301df3c"));
	fe25519_sq(&h, &a);
	fe25519_mul(&b, &a, &a);
	fe25519_sub(&h, &h, &b);
	CHECK(fe25519_iszero(&h));
}

/* (p - 1)^2 = 1, 1/2, the inverse of 0 is 0, all-ones limbs squared. */
static void edge_values(void)
{
	struct fe25519 f, h;

	from_hex(&f, HEX_P_MINUS_1);
	fe25519_sq(&h, &f);
	CHECK(encodes_to(&h, HEX_ONE));
	fe25519_one(&f);
	fe25519_add(&f, &f, &f);
	fe25519_invert(&h, &f);
	CHECK(encodes_to(&h, "f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f"));
	fe25519_zero(&f);
	fe25519_invert(&h, &f);
	CHECK(fe25519_iszero(&h));
	from_hex(&f, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
	fe25519_sq(&h, &f);
	CHECK(encodes_to(&h, "44010000000000000000000000000000"
	    "00000000000000000000000000000000"));
	fe25519_neg(&h, &f);
	fe25519_add(&h, &h, &f);
	CHECK(fe25519_iszero(&h));
}

static void cswap_and_cmov(void)
{
	struct fe25519 a, b, a0, b0;

	from_hex(&a, HEX_A);
	from_hex(&b, HEX_B);
	a0 = a;
	b0 = b;
	fe25519_cswap(&a, &b, 0);
	CHECK_MEM(&a, &a0, sizeof(a));
	fe25519_cswap(&a, &b, 1);
	CHECK_MEM(&a, &b0, sizeof(a));
	CHECK_MEM(&b, &a0, sizeof(b));
	fe25519_cmov(&a, &a0, 0);
	CHECK_MEM(&a, &b0, sizeof(a));
	fe25519_cmov(&a, &a0, 1);
	CHECK_MEM(&a, &a0, sizeof(a));
}

/* 1000 rounds of h = h^2 + h - a - (p - 1), never reduced in between. */
static void long_chain_stays_in_bounds(void)
{
	struct fe25519 a, h, t, pm1;
	int i;

	from_hex(&a, HEX_A);
	from_hex(&pm1, HEX_P_MINUS_1);
	h = a;
	for (i = 0; i < 1000; i++) {
		fe25519_sq(&t, &h);
		fe25519_add(&t, &t, &h);
		fe25519_sub(&t, &t, &a);
		fe25519_sub(&h, &t, &pm1);
	}
	CHECK(encodes_to(&h, "5a48879ac16ead4102532db394cb557234bc5bf1c3c9285c927d235b68412f4e"));
}

int main(void)
{
	check_begin("fe25519");
	CHECK_RUN(tobytes_reduces_noncanonical_inputs);
	CHECK_RUN(operations_match_python);
	CHECK_RUN(edge_values);
	CHECK_RUN(cswap_and_cmov);
	CHECK_RUN(long_chain_stays_in_bounds);
	return check_done();
}
