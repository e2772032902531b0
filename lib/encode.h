/*
 * encode.h - text encodings: hex, base58btc (Bitcoin alphabet, used by
 * did:key multibase 'z'), base64 (RFC 4648, for PEM) and did:key itself.
 * One implementation for the host tool tsign and the servers (the shell's
 * `id`).
 *
 * Each encoder writes a NUL-terminated string and returns its length, or
 * -1 if it would not fit in out_size bytes (nothing useful is written
 * then).  Pure, freestanding code (string.h only).
 */
#ifndef TESSERA_LIB_ENCODE_H
#define TESSERA_LIB_ENCODE_H

#include <stddef.h>
#include <stdint.h>

long hex_encode(char *out, size_t out_size, const uint8_t *in, size_t len);
/* Decodes exactly 2*len hex digits (either case) from a NUL-terminated
 * string into out; returns 0, or -1 if it is not exactly that. */
int hex_decode(uint8_t *out, size_t len, const char *hex);

long base58_encode(char *out, size_t out_size, const uint8_t *in, size_t len);
long base64_encode(char *out, size_t out_size, const uint8_t *in, size_t len);

/* "did:key:z6Mk..." of an Ed25519 public key: multibase base58btc of the
 * multicodec varint 0xed 0x01 and the 32 key bytes.  DID_KEY_MAX bytes
 * always suffice. */
#define DID_KEY_MAX 64
long did_key_encode(char *out, size_t out_size, const uint8_t pub[32]);

#endif
