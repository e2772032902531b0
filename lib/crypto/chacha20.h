/*
 * chacha20.h - the ChaCha20 stream cipher of RFC 8439.
 *
 * 256-bit key, 32-bit block counter, 96-bit nonce.  Pure code: no state, no
 * allocation, usable in the kernel image and in host tests alike.
 */
#ifndef TESSERA_LIB_CHACHA20_H
#define TESSERA_LIB_CHACHA20_H

#include <stddef.h>
#include <stdint.h>

#define CHACHA20_KEY_SIZE 32
#define CHACHA20_NONCE_SIZE 12
#define CHACHA20_BLOCK_SIZE 64

/* One 64-byte keystream block for (key, counter, nonce). */
void chacha20_block(const uint8_t key[32], uint32_t counter,
    const uint8_t nonce[12], uint8_t out[64]);

/*
 * XORs len bytes of keystream, starting at block `counter`, into in and
 * stores the result in out.  in and out may be the same buffer.  The
 * counter wraps modulo 2^32 as in RFC 8439; callers keep len below 256 GiB.
 */
void chacha20_xor(const uint8_t key[32], const uint8_t nonce[12],
    uint32_t counter, const uint8_t *in, uint8_t *out, size_t len);

#endif
