/*
 * equal.h - comparing secret-dependent bytes in constant time.
 *
 * Every comparison of a MAC tag (or anything else an attacker may probe
 * byte by byte) goes through crypto_equal, never memcmp.
 */
#ifndef TESSERA_LIB_CRYPTO_EQUAL_H
#define TESSERA_LIB_CRYPTO_EQUAL_H

#include <stddef.h>

/*
 * Returns 1 if the n bytes at a and b are equal, 0 if not.  The time taken
 * depends only on n, never on the contents or on where they differ.
 */
int crypto_equal(const void *a, const void *b, size_t n);

#endif
