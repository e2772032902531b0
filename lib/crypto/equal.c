/*
 * equal.c - crypto_equal.
 *
 * Kept out of line (and reading through volatile) so the compiler cannot
 * see through the comparison and turn it into an early-exit loop at a
 * call site.  Checked by tests/unit/test_aead.c (equal_* cases).
 */
#include <stddef.h>
#include <stdint.h>

#include "lib/crypto/equal.h"

/*
 * ORs together the XOR of every byte pair, then folds the 8-bit result to
 * 0/1 with arithmetic only: no branch or early exit depends on the data.
 */
int crypto_equal(const void *a, const void *b, size_t n)
{
	const volatile uint8_t *x = a, *y = b;
	uint32_t diff = 0;
	size_t i;

	for (i = 0; i < n; i++)
		diff |= (uint32_t)(x[i] ^ y[i]);
	/* diff is 0..255: diff - 1 borrows into bit 8 exactly when diff == 0. */
	return (int)(((diff - 1) >> 8) & 1);
}
