/*
 * wipe.h - crypto_wipe, the one way the crypto code erases secrets.
 *
 * Stores through a volatile pointer and then an empty asm statement that
 * claims to read the buffer, so the compiler can neither drop the stores as
 * dead nor sink them past the point where the caller's frame goes away.
 */
#ifndef TESSERA_LIB_CRYPTO_WIPE_H
#define TESSERA_LIB_CRYPTO_WIPE_H

#include <stddef.h>
#include <stdint.h>

/* Overwrites n bytes at p with zeros; never elided. */
static inline void crypto_wipe(void *p, size_t n)
{
	volatile uint8_t *v = (volatile uint8_t *)p;

	while (n-- > 0)
		*v++ = 0;
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

#endif
