/*
 * encode.c - hex, base58btc, base64 and did:key encoders (tsign, shell).
 *
 * Checked by tests/unit/test_tsign_encode.c (RFC 4648 vectors, the
 * base58 examples of draft-msporny-base58, leading zeros) and, through
 * did:key and PEM, by tests/host/tsign.sh against Python and OpenSSL.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/encode.h"

static const char hex_digits[] = "0123456789abcdef";
static const char b58_alphabet[] =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

long hex_encode(char *out, size_t out_size, const uint8_t *in, size_t len)
{
	size_t i;

	if (out_size < 2 * len + 1)
		return -1;
	for (i = 0; i < len; i++) {
		out[2 * i] = hex_digits[in[i] >> 4];
		out[2 * i + 1] = hex_digits[in[i] & 15];
	}
	out[2 * len] = '\0';
	return (long)(2 * len);
}

/* The value of one hex digit, or -1. */
static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hex_decode(uint8_t *out, size_t len, const char *hex)
{
	size_t i;
	int hi, lo;

	if (strlen(hex) != 2 * len)
		return -1;
	for (i = 0; i < len; i++) {
		hi = hex_value(hex[2 * i]);
		lo = hex_value(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

/*
 * Base58: the input is one big-endian number, written in base 58 with
 * one '1' for each leading zero byte.  The digits are built least
 * significant first in out by repeated multiply-and-add (each input byte
 * multiplies the number so far by 256), then reversed.  Quadratic, which
 * is fine for keys of a few dozen bytes.
 */
long base58_encode(char *out, size_t out_size, const uint8_t *in, size_t len)
{
	size_t zeros = 0, ndigits = 0, i, j;
	unsigned int carry;
	uint8_t digits[256];	/* base-58 digits, least significant first */

	while (zeros < len && in[zeros] == 0)
		zeros++;
	/* log(256)/log(58) < 1.37: enough digits for the non-zero part. */
	if ((len - zeros) * 137 / 100 + 1 > sizeof(digits))
		return -1;
	for (i = zeros; i < len; i++) {
		carry = in[i];
		for (j = 0; j < ndigits; j++) {
			carry += (unsigned int)digits[j] * 256;
			digits[j] = (uint8_t)(carry % 58);
			carry /= 58;
		}
		while (carry > 0) {
			digits[ndigits++] = (uint8_t)(carry % 58);
			carry /= 58;
		}
	}
	if (out_size < zeros + ndigits + 1)
		return -1;
	for (i = 0; i < zeros; i++)
		out[i] = '1';
	for (j = 0; j < ndigits; j++)
		out[zeros + j] = b58_alphabet[digits[ndigits - 1 - j]];
	out[zeros + ndigits] = '\0';
	return (long)(zeros + ndigits);
}

/* Base64: each 3 input bytes become 4 characters; '=' pads the last group. */
long base64_encode(char *out, size_t out_size, const uint8_t *in, size_t len)
{
	size_t groups = (len + 2) / 3, i, o = 0;
	uint32_t v;

	if (out_size < 4 * groups + 1)
		return -1;
	for (i = 0; i < len; i += 3) {
		v = (uint32_t)in[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < len)
			v |= in[i + 2];
		out[o++] = b64_alphabet[(v >> 18) & 63];
		out[o++] = b64_alphabet[(v >> 12) & 63];
		out[o++] = i + 1 < len ? b64_alphabet[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < len ? b64_alphabet[v & 63] : '=';
	}
	out[o] = '\0';
	return (long)o;
}

long did_key_encode(char *out, size_t out_size, const uint8_t pub[32])
{
	static const char prefix[] = "did:key:z";
	uint8_t raw[34] = { 0xed, 0x01 };
	long n;

	if (out_size < sizeof(prefix))
		return -1;
	memcpy(raw + 2, pub, 32);
	memcpy(out, prefix, sizeof(prefix) - 1);
	n = base58_encode(out + sizeof(prefix) - 1, out_size - (sizeof(prefix) - 1),
	    raw, sizeof(raw));
	return n < 0 ? -1 : n + (long)sizeof(prefix) - 1;
}
