/*
 * fuzz_ed25519_verify.c - libFuzzer target for ed25519_verify.
 *
 * Input: signature (64 bytes) || public key (32) || message (the rest).
 * Any input must be verified without a crash or an out-of-bounds read
 * (ASan/UBSan).  An accepted signature must have a canonical S (S < L,
 * checked here independently of the library) and must be accepted again
 * (verification has no state).  Inputs whose first byte is 0x5e also go
 * through a round trip: the first 32 bytes as a seed, its public key and
 * a signature of the message, which must verify.  A broken promise aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crypto/ed25519.h"

/* L little-endian. */
static const uint8_t group_order[32] = {
	0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
	0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0x10,
};

/* 1 if the 32-byte little-endian s is below L. */
static int below_order(const uint8_t s[32])
{
	int i;

	for (i = 31; i >= 0; i--)
		if (s[i] != group_order[i])
			return s[i] < group_order[i];
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t pub[32], sig[64];
	const uint8_t *msg = data + 96;
	size_t len;

	if (size < 96)
		return 0;
	len = size - 96;
	if (ed25519_verify(data, msg, len, data + 64) == 0) {
		if (!below_order(data + 32))
			abort();
		if (ed25519_verify(data, msg, len, data + 64) != 0)
			abort();
	}
	if (data[0] == 0x5e) {
		ed25519_public_key(pub, data);
		ed25519_sign(sig, msg, len, data, pub);
		if (!below_order(sig + 32) ||
		    ed25519_verify(sig, msg, len, pub) != 0)
			abort();
	}
	return 0;
}
