/*
 * csprng.c - ChaCha20 generator with fast key erasure.
 *
 * Layout of the keystream under the current key K (nonce N_FILL):
 *   block 0          -> the next key (first 32 bytes; the rest is dropped)
 *   blocks 1, 2, ... -> output
 * Output and next key never share keystream bytes, and K is overwritten
 * before csprng_fill returns.  Long fills are cut into chunks, each with
 * its own key, so the 32-bit block counter never wraps.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/crypto/chacha20.h"
#include "lib/crypto/csprng.h"

/* Bytes drawn under one key before it is replaced (far below 2^32 blocks). */
#define CSPRNG_CHUNK (1u << 20)

/* Distinct nonces keep the fill and reseed keystreams apart. */
static const uint8_t nonce_fill[12] = { 0 };
static const uint8_t nonce_reseed[12] = { 'r', 'e', 's', 'e', 'e', 'd' };

/* Zeroes n bytes at p in a way the compiler may not elide. */
static void wipe(void *p, size_t n)
{
	volatile uint8_t *v = p;

	while (n-- > 0)
		*v++ = 0;
}

/*
 * Sets the key to the seed.  The seed is assumed uniformly random; the
 * first fill already moves the key away from it.
 */
void csprng_init(struct csprng *r, const uint8_t seed[32])
{
	memcpy(r->key, seed, sizeof(r->key));
	r->reseed_count = 0;
	r->bytes_since_reseed = 0;
}

/*
 * New key = first 32 bytes of the keystream under (old key XOR seed), so
 * the result is unpredictable if either the old key or the new seed is.
 * Checked by csprng/reseed_changes_stream.
 */
void csprng_reseed(struct csprng *r, const uint8_t seed[32])
{
	uint8_t mixed[32], block[64];
	size_t i;

	for (i = 0; i < sizeof(mixed); i++)
		mixed[i] = r->key[i] ^ seed[i];
	chacha20_block(mixed, 0, nonce_reseed, block);
	memcpy(r->key, block, sizeof(r->key));
	r->reseed_count++;
	r->bytes_since_reseed = 0;
	wipe(mixed, sizeof(mixed));
	wipe(block, sizeof(block));
}

/*
 * Fills n <= CSPRNG_CHUNK bytes from blocks 1.. under the current key, then
 * replaces the key with block 0.  Invariant: the key that produced output
 * is gone when this returns (csprng/key_changes_after_every_fill).
 */
static void fill_chunk(struct csprng *r, uint8_t *out, size_t n)
{
	uint8_t next[64], block[64];
	uint32_t counter = 1;
	size_t take;

	chacha20_block(r->key, 0, nonce_fill, next);
	while (n > 0) {
		chacha20_block(r->key, counter++, nonce_fill, block);
		take = n < sizeof(block) ? n : sizeof(block);
		memcpy(out, block, take);
		out += take;
		n -= take;
	}
	memcpy(r->key, next, sizeof(r->key));
	wipe(next, sizeof(next));
	wipe(block, sizeof(block));
}

/*
 * Writes len bytes to out.  Even a zero-length fill replaces the key, so
 * "the key changes after every call" holds without exceptions.
 */
void csprng_fill(struct csprng *r, void *out, size_t len)
{
	uint8_t *p = out;
	size_t n;

	do {
		n = len < CSPRNG_CHUNK ? len : CSPRNG_CHUNK;
		fill_chunk(r, p, n);
		if (n > 0)
			p += n;
		len -= n;
		r->bytes_since_reseed += n;
	} while (len > 0);
}
