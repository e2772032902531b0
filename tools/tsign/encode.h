/*
 * encode.h - the text encodings tsign prints: hex, base58btc (Bitcoin
 * alphabet, used by did:key multibase 'z') and base64 (RFC 4648, for PEM).
 *
 * Each encoder writes a NUL-terminated string and returns its length, or
 * -1 if it would not fit in out_size bytes (nothing useful is written
 * then).  Pure code, host only.
 */
#ifndef TESSERA_TOOLS_TSIGN_ENCODE_H
#define TESSERA_TOOLS_TSIGN_ENCODE_H

#include <stddef.h>
#include <stdint.h>

long hex_encode(char *out, size_t out_size, const uint8_t *in, size_t len);
/* Decodes exactly 2*len hex digits (either case) from a NUL-terminated
 * string into out; returns 0, or -1 if it is not exactly that. */
int hex_decode(uint8_t *out, size_t len, const char *hex);

long base58_encode(char *out, size_t out_size, const uint8_t *in, size_t len);
long base64_encode(char *out, size_t out_size, const uint8_t *in, size_t len);

#endif
