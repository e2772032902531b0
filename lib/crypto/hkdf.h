/*
 * hkdf.h - HKDF (RFC 5869) over any hash of hash.h.
 *
 * Extract turns input keying material and an optional salt into a
 * pseudorandom key (PRK) of digest_size bytes; Expand stretches a PRK and
 * a context string `info` into up to 255 * digest_size bytes of output.
 */
#ifndef TESSERA_LIB_CRYPTO_HKDF_H
#define TESSERA_LIB_CRYPTO_HKDF_H

#include <stddef.h>
#include <stdint.h>

#include "lib/crypto/hash.h"

/* PRK = HMAC(salt, ikm); no salt (len 0) means digest_size zero bytes. */
void hkdf_extract(const struct hash_alg *alg, uint8_t *prk,
    const void *salt, size_t salt_len, const void *ikm, size_t ikm_len);

/*
 * Writes okm_len bytes of T(1) || T(2) || ... to okm.  Returns 0, or -1
 * (writing nothing) when okm_len exceeds 255 * digest_size.
 */
int hkdf_expand(const struct hash_alg *alg, uint8_t *okm, size_t okm_len,
    const void *prk, size_t prk_len, const void *info, size_t info_len);

/* Extract then Expand; the PRK is wiped.  Returns as hkdf_expand. */
int hkdf(const struct hash_alg *alg, uint8_t *okm, size_t okm_len,
    const void *salt, size_t salt_len, const void *ikm, size_t ikm_len,
    const void *info, size_t info_len);

#endif
