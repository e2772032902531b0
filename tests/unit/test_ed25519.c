/*
 * test_ed25519.c - Ed25519 against RFC 8032 section 7.1 (TEST 1, 2, 3,
 * 1024 and SHA(abc)), the rejections of docs/CRYPTO.md ("Ed25519
 * verification") and single-bit tampering.
 *
 * The file includes lib/crypto/ed25519.c itself so that the point decoder
 * and scalar multiplication can be tested directly; UNIT_SRCS_ed25519
 * therefore lists only the modules ed25519.c depends on.
 */
#include <stdint.h>
#include <string.h>

#include "lib/crypto/ed25519.c"
#include "tests/unit/check.h"

/* The 1023-byte message of RFC 8032 TEST 1024. */
static const char msg1024_hex[] =
    "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98"
    "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8"
    "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
    "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc"
    "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe"
    "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
    "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef"
    "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7"
    "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
    "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2"
    "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24"
    "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
    "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc"
    "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07"
    "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
    "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a"
    "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e"
    "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
    "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c"
    "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8"
    "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
    "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08"
    "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649"
    "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
    "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3"
    "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e"
    "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
    "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5"
    "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1"
    "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
    "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c"
    "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0"
    ;

struct vector {
	const char *seed, *pub, *msg, *sig;
};

static const struct vector rfc8032[] = {
	{ "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
	  "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
	  "",
	  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
	  "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
	{ "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
	  "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
	  "72",
	  "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
	  "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
	{ "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
	  "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
	  "af82",
	  "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
	  "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
	{ "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
	  "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
	  msg1024_hex,
	  "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
	  "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03" },
	{ "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
	  "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	  "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
	  "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704" },
};

/* The decoded form of one vector. */
struct decoded {
	uint8_t seed[32], pub[32], sig[64], msg[1024];
	size_t len;
};

static void decode_vector(const struct vector *v, struct decoded *d)
{
	check_unhex(v->seed, d->seed, 32);
	check_unhex(v->pub, d->pub, 32);
	check_unhex(v->sig, d->sig, 64);
	d->len = check_unhex(v->msg, d->msg, sizeof(d->msg));
}

/* Public key, signature and verification of rfc8032[i]. */
static int vector_holds(int i, size_t want_len)
{
	struct decoded d;
	uint8_t pub[32], sig[64];

	decode_vector(&rfc8032[i], &d);
	if (d.len != want_len)
		return 0;
	ed25519_public_key(pub, d.seed);
	ed25519_sign(sig, d.msg, d.len, d.seed, d.pub);
	return memcmp(pub, d.pub, 32) == 0 && memcmp(sig, d.sig, 64) == 0 &&
	    ed25519_verify(d.sig, d.msg, d.len, d.pub) == 0;
}

static void rfc8032_test1(void) { CHECK(vector_holds(0, 0)); }
static void rfc8032_test2(void) { CHECK(vector_holds(1, 1)); }
static void rfc8032_test3(void) { CHECK(vector_holds(2, 2)); }
static void rfc8032_test1024(void) { CHECK(vector_holds(3, 1023)); }
static void rfc8032_test_sha_abc(void) { CHECK(vector_holds(4, 64)); }

/* out = a + b as 256-bit little-endian numbers (mod 2^256). */
static void add256(uint8_t out[32], const uint8_t a[32], const uint8_t b[32])
{
	unsigned c = 0;
	int i;

	for (i = 0; i < 32; i++) {
		c += (unsigned)a[i] + b[i];
		out[i] = (uint8_t)c;
		c >>= 8;
	}
}

static const uint8_t l_bytes[32] = {
	0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
	0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0x10,
};

/* S + L is the same scalar mod L but not canonical: refused. */
static void rejects_s_plus_l(void)
{
	struct decoded d;
	int i;

	for (i = 0; i < 5; i++) {
		decode_vector(&rfc8032[i], &d);
		add256(d.sig + 32, d.sig + 32, l_bytes);
		CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
	}
}

/* S with any of its top three bits set is >= 2^253 > L: refused. */
static void rejects_s_top_bits(void)
{
	struct decoded d;
	int bit;

	for (bit = 5; bit < 8; bit++) {
		decode_vector(&rfc8032[0], &d);
		d.sig[63] |= (uint8_t)(1 << bit);
		CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
	}
}

/* S = L exactly, S = L - 1 is canonical (the check is S < L, not <=). */
static void scalar_canonical_edges(void)
{
	uint8_t s[32];

	CHECK(!sc_is_canonical(l_bytes));
	memcpy(s, l_bytes, 32);
	s[0]--;
	CHECK(sc_is_canonical(s));
	memset(s, 0xff, 32);
	CHECK(!sc_is_canonical(s));
	memset(s, 0, 32);
	CHECK(sc_is_canonical(s));
}

/* y = 3 is on the curve; p + 3 encodes the same y non-canonically; y = 2
 * is on no point.  p = 2^255 - 19 is ed ff .. ff 7f little-endian. */
static void decode_rejects_noncanonical_and_nonpoints(void)
{
	uint8_t s[32];
	struct ge_p3 pt;

	memset(s, 0, 32);
	s[0] = 3;
	CHECK_EQ(ge_decode(&pt, s), 0);
	memset(s, 0xff, 32);
	s[0] = 0xed + 3;
	s[31] = 0x7f;
	CHECK(ge_decode(&pt, s) != 0);		/* y = p + 3 */
	s[0] = 0xed;
	CHECK(ge_decode(&pt, s) != 0);		/* y = p */
	s[0] = 0xff;
	s[31] = 0xff;
	CHECK(ge_decode(&pt, s) != 0);		/* y = 2^255 - 1, sign set */
	memset(s, 0, 32);
	s[0] = 2;
	CHECK(ge_decode(&pt, s) != 0);		/* not a point */
	s[0] = 1;
	CHECK_EQ(ge_decode(&pt, s), 0);		/* (0, 1), the identity */
	s[31] = 0x80;
	CHECK(ge_decode(&pt, s) != 0);		/* x = 0 with the sign bit */
}

/* Signatures under public keys y >= p and non-points fail verify. */
static void rejects_bad_public_keys(void)
{
	struct decoded d;

	decode_vector(&rfc8032[0], &d);
	memset(d.pub, 0xff, 32);
	d.pub[0] = 0xed + 3;
	d.pub[31] = 0x7f;
	CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
	memset(d.pub, 0, 32);
	d.pub[0] = 2;
	CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
}

/* The identity as public key: any message "verifies" under the
 * cofactorless equation with R = [r]B, S = r.  Refused as small order. */
static void rejects_small_order_public_key(void)
{
	uint8_t pub[32] = { 1 }, sig[64], r[32];
	struct ge_p3 rp;

	memset(r, 0, 32);
	r[0] = 77;
	ge_scalarmult_ct(&rp, r, &ge_base);
	ge_encode(sig, &rp);
	memcpy(sig + 32, r, 32);
	CHECK(ed25519_verify(sig, "any", 3, pub) != 0);
	CHECK(ed25519_verify(sig, "other", 5, pub) != 0);
}

/* R = the identity, S = k a: satisfies [S]B = R + [k]A for the real key
 * of TEST 1, but R has small order: refused. */
static void rejects_small_order_r(void)
{
	struct decoded d;
	uint8_t h[64], k[32], zero[32] = { 0 };

	decode_vector(&rfc8032[0], &d);
	memset(d.sig, 0, 32);
	d.sig[0] = 1;
	ed25519_expand(h, d.seed);
	hash_to_scalar(k, d.sig, 32, d.pub, 32, d.msg, d.len);
	sc_muladd(d.sig + 32, k, h, zero);
	CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
	/* Sanity: with the R check removed the equation does hold. */
	{
		struct ge_p3 a, rp;
		uint8_t enc[32];

		CHECK_EQ(ge_decode(&a, d.pub), 0);
		fe25519_neg(&a.x, &a.x);
		fe25519_neg(&a.t, &a.t);
		ge_double_scalarmult(&rp, d.sig + 32, k, &a);
		ge_encode(enc, &rp);
		CHECK_MEM(enc, d.sig, 32);
	}
}

/* Every single-bit flip in signature, message or public key of TEST 3
 * makes verification fail. */
static void any_flipped_bit_fails(void)
{
	struct decoded d;
	int i;

	decode_vector(&rfc8032[2], &d);
	CHECK_EQ(ed25519_verify(d.sig, d.msg, d.len, d.pub), 0);
	for (i = 0; i < 64 * 8; i++) {
		d.sig[i / 8] ^= (uint8_t)(1 << (i % 8));
		CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
		d.sig[i / 8] ^= (uint8_t)(1 << (i % 8));
	}
	for (i = 0; i < (int)d.len * 8; i++) {
		d.msg[i / 8] ^= (uint8_t)(1 << (i % 8));
		CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
		d.msg[i / 8] ^= (uint8_t)(1 << (i % 8));
	}
	for (i = 0; i < 32 * 8; i++) {
		d.pub[i / 8] ^= (uint8_t)(1 << (i % 8));
		CHECK(ed25519_verify(d.sig, d.msg, d.len, d.pub) != 0);
		d.pub[i / 8] ^= (uint8_t)(1 << (i % 8));
	}
	CHECK(ed25519_verify(d.sig, d.msg, d.len - 1, d.pub) != 0);
}

/* sc_reduce64 and sc_muladd on edge values: L mod L = 0, (L-1)^2 + (L-1)
 * = (L-1) L = 0 mod L, and (2^512 - 1) mod L (computed with Python). */
static void scalar_arithmetic_edges(void)
{
	uint8_t wide[64], out[32], lm1[32], zero[32] = { 0 }, want[32];

	memset(wide, 0, 64);
	memcpy(wide, l_bytes, 32);
	sc_reduce64(out, wide);
	CHECK_MEM(out, zero, 32);
	memcpy(lm1, l_bytes, 32);
	lm1[0]--;
	sc_muladd(out, lm1, lm1, lm1);
	CHECK_MEM(out, zero, 32);
	memset(wide, 0xff, 64);
	sc_reduce64(out, wide);
	/* (2^512 - 1) mod L */
	check_unhex("000f9c44e31106a447938568a71b0ed065bef517d273ecce3d9a307c1b419903",
	    want, 32);
	CHECK_MEM(out, want, 32);
}

/* d = -121665/121666, sqrt(-1)^2 = -1, B on the curve with T = xy and
 * encoding 58 66 66 .. 66. */
static void constants_are_right(void)
{
	struct fe25519 t, u, x2, y2;
	uint8_t enc[32], want[32];

	fe25519_mul_small(&t, &fe_d, 121666);
	fe25519_one(&u);
	fe25519_mul_small(&u, &u, 121665);
	fe25519_add(&t, &t, &u);
	CHECK(fe25519_iszero(&t));
	fe25519_add(&t, &fe_d, &fe_d);
	CHECK(fe_equal(&t, &fe_2d));
	fe25519_sq(&t, &fe_sqrtm1);
	fe25519_one(&u);
	fe25519_add(&t, &t, &u);
	CHECK(fe25519_iszero(&t));
	fe25519_sq(&x2, &ge_base.x);
	fe25519_sq(&y2, &ge_base.y);
	fe25519_sub(&t, &y2, &x2);		/* -x^2 + y^2 */
	fe25519_mul(&u, &x2, &y2);
	fe25519_mul(&u, &u, &fe_d);
	fe25519_one(&x2);
	fe25519_add(&u, &u, &x2);		/* 1 + d x^2 y^2 */
	CHECK(fe_equal(&t, &u));
	fe25519_mul(&t, &ge_base.x, &ge_base.y);
	CHECK(fe_equal(&t, &ge_base.t));
	ge_encode(enc, &ge_base);
	memset(want, 0x66, 32);
	want[0] = 0x58;
	CHECK_MEM(enc, want, 32);
	/* [L]B is the identity. */
	{
		struct ge_p3 q;

		ge_scalarmult_ct(&q, l_bytes, &ge_base);
		CHECK(fe25519_iszero(&q.x));
		CHECK(fe_equal(&q.y, &q.z));
	}
}

int main(void)
{
	check_begin("ed25519");
	CHECK_RUN(constants_are_right);
	CHECK_RUN(rfc8032_test1);
	CHECK_RUN(rfc8032_test2);
	CHECK_RUN(rfc8032_test3);
	CHECK_RUN(rfc8032_test1024);
	CHECK_RUN(rfc8032_test_sha_abc);
	CHECK_RUN(rejects_s_plus_l);
	CHECK_RUN(rejects_s_top_bits);
	CHECK_RUN(scalar_canonical_edges);
	CHECK_RUN(decode_rejects_noncanonical_and_nonpoints);
	CHECK_RUN(rejects_bad_public_keys);
	CHECK_RUN(rejects_small_order_public_key);
	CHECK_RUN(rejects_small_order_r);
	CHECK_RUN(any_flipped_bit_fails);
	CHECK_RUN(scalar_arithmetic_edges);
	return check_done();
}
