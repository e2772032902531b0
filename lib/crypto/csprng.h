/*
 * csprng.h - a ChaCha20 random generator with fast key erasure.
 *
 * The state is one 256-bit key.  Every fill draws its output from the
 * keystream under that key and then replaces the key with fresh keystream
 * that was never output, so a later capture of the state cannot recompute
 * anything already handed out (forward secrecy).  Not thread-safe: the
 * caller serialises access (the kernel holds one generator per lock).
 */
#ifndef TESSERA_LIB_CSPRNG_H
#define TESSERA_LIB_CSPRNG_H

#include <stddef.h>
#include <stdint.h>

struct csprng {
	uint8_t key[32];
	uint64_t reseed_count;
	uint64_t bytes_since_reseed;
};

/* Starts a generator from 32 bytes of seed (RDSEED/RDRAND output). */
void csprng_init(struct csprng *r, const uint8_t seed[32]);

/* Mixes new seed into the current key; the old key still counts. */
void csprng_reseed(struct csprng *r, const uint8_t seed[32]);

/* Writes len random bytes to out, then erases the key it used. */
void csprng_fill(struct csprng *r, void *out, size_t len);

#endif
