/*
 * hkdf.c - HKDF-Extract and HKDF-Expand (RFC 5869 section 2).
 *
 * Checked against RFC 5869 test cases 1-3 (tests/unit/test_hkdf.c) and
 * OpenSSL (tests/unit/test_sym_openssl.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/hkdf.h"
#include "lib/crypto/hmac.h"
#include "lib/crypto/wipe.h"

/* An empty salt is the same HMAC key as digest_size zero bytes: HMAC pads
 * short keys with zeros to a block anyway. */
void hkdf_extract(const struct hash_alg *alg, uint8_t *prk,
    const void *salt, size_t salt_len, const void *ikm, size_t ikm_len)
{
	hmac(alg, salt, salt_len, ikm, ikm_len, prk);
}

/*
 * T(i) = HMAC(PRK, T(i-1) || info || i) for i = 1, 2, ..., with T(0)
 * empty.  The PRK is keyed into one context once and copied per block.
 */
int hkdf_expand(const struct hash_alg *alg, uint8_t *okm, size_t okm_len,
    const void *prk, size_t prk_len, const void *info, size_t info_len)
{
	struct hmac_ctx keyed, ctx;
	uint8_t t[HASH_MAX_DIGEST_SIZE];
	size_t done = 0, n;
	uint8_t i;

	if (okm_len > 255 * alg->digest_size)
		return -1;
	hmac_init(&keyed, alg, prk, prk_len);
	for (i = 1; done < okm_len; i++) {
		ctx = keyed;
		if (i > 1)
			hmac_update(&ctx, t, alg->digest_size);
		hmac_update(&ctx, info, info_len);
		hmac_update(&ctx, &i, 1);
		hmac_final(&ctx, t);
		n = okm_len - done < alg->digest_size ?
		    okm_len - done : alg->digest_size;
		memcpy(okm + done, t, n);
		done += n;
	}
	crypto_wipe(&keyed, sizeof(keyed));
	crypto_wipe(t, sizeof(t));
	return 0;
}

int hkdf(const struct hash_alg *alg, uint8_t *okm, size_t okm_len,
    const void *salt, size_t salt_len, const void *ikm, size_t ikm_len,
    const void *info, size_t info_len)
{
	uint8_t prk[HASH_MAX_DIGEST_SIZE];
	int rc;

	if (okm_len > 255 * alg->digest_size)
		return -1;
	hkdf_extract(alg, prk, salt, salt_len, ikm, ikm_len);
	rc = hkdf_expand(alg, okm, okm_len, prk, alg->digest_size, info, info_len);
	crypto_wipe(prk, sizeof(prk));
	return rc;
}
