/*
 * tsign - Tessera's host signing tool: Ed25519 keys, signatures, and the
 * public key as hex, did:key and PEM.
 *
 *   tsign keygen <keyfile>             new 32-byte seed, mode 0600, never overwrites
 *   tsign pub <keyfile>                public key, hex
 *   tsign did <keyfile|pubhex>         did:key:z6Mk... of the public key
 *   tsign pem <keyfile|pubhex>         SubjectPublicKeyInfo PEM (OpenSSL reads it)
 *   tsign sign <keyfile> <in> <sigout> raw 64-byte signature of the file <in>
 *   tsign verify <keyfile|pubhex> <in> <sig>
 *
 * A key file is exactly the 32-byte secret seed of RFC 8032 and must not
 * be readable by group or others.  An argument of exactly 64 hex digits
 * is a public key; anything else names a key file.
 *
 * Exit status: 0 done (verify: the signature is valid); 1 refused or
 * failed (verify: invalid signature, or an input that cannot be checked);
 * 2 usage.  Every refusal prints one line "tsign: <what>: <why>".
 *
 * Uses our own lib/crypto Ed25519 and SHA-512, never OpenSSL; the host
 * test (tests/host/tsign.sh) checks the results against OpenSSL.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/crypto/ed25519.h"
#include "lib/crypto/wipe.h"
#include "lib/encode.h"

/* Inputs to sign or verify are read whole; release images are far smaller. */
#define MAX_INPUT (1L << 30)

/* multicodec "ed25519-pub" (0xed) as an unsigned varint. */

/* DER of SubjectPublicKeyInfo { AlgorithmIdentifier { 1.3.101.112 },
 * BIT STRING (32 bytes) } up to the key itself (RFC 8410 section 4). */
static const uint8_t spki_ed25519_prefix[12] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
};

/* Prints "tsign: <fmt>" and a newline on stderr; returns 1. */
static int fail(const char *fmt, ...)
{
	va_list ap;

	fputs("tsign: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/*
 * Reads the whole regular file open on fd (named path in messages), at
 * most max bytes, into a new buffer.  Returns the buffer (the caller
 * frees it) and its length in *len, or NULL after printing why.  The
 * buffer has at least one byte, so len 0 works.  Does not close fd.
 */
static uint8_t *read_fd(int fd, const char *path, size_t max, size_t *len)
{
	uint8_t *buf;
	struct stat st;
	size_t got = 0;
	ssize_t n = 0;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fail("%s: not a regular file", path);
		return NULL;
	}
	if ((uintmax_t)st.st_size > max) {
		fail("%s: %jd bytes, more than %zu", path, (intmax_t)st.st_size, max);
		return NULL;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		fail("%s: out of memory", path);
		return NULL;
	}
	/* Ask for one byte past the size fstat saw, to notice a growing file. */
	while (got <= (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (n < 0 || got != (size_t)st.st_size) {
		fail("%s: %s", path, n < 0 ? strerror(errno) : "changed while being read");
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

/* read_fd on a file opened by name. */
static uint8_t *read_file(const char *path, size_t max, size_t *len)
{
	uint8_t *buf;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		fail("%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = read_fd(fd, path, max, len);
	close(fd);
	return buf;
}

/* Writes all of buf to fd; returns 0 or -1 with errno set. */
static int write_all(int fd, const uint8_t *buf, size_t len)
{
	ssize_t n = 0;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Loads a key file into seed: it must be a regular file of exactly 32
 * bytes that neither group nor others can read or write (checked on the
 * open file, so a swap between check and read cannot slip past).
 */
static int load_seed(const char *path, uint8_t seed[32])
{
	struct stat st;
	uint8_t *buf;
	size_t len = 0;
	int fd, rc;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return fail("key file %s: %s", path, strerror(errno));
	if (fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
		close(fd);
		return fail("key file %s: mode %03o lets others at the secret key; "
		    "chmod 600 it", path, (unsigned)(st.st_mode & 0777));
	}
	buf = read_fd(fd, path, 4096, &len);
	close(fd);
	if (buf == NULL)
		return 1;
	rc = 0;
	if (len == 32)
		memcpy(seed, buf, 32);
	else
		rc = fail("key file %s: %zu bytes, expected a 32-byte Ed25519 "
		    "seed", path, len);
	crypto_wipe(buf, len);
	free(buf);
	return rc;
}

/* True if s is exactly 64 hex digits (a public key on the command line). */
static int is_pubhex(const char *s)
{
	uint8_t tmp[32];

	return hex_decode(tmp, 32, s) == 0;
}

/* The public key named by arg: 64 hex digits, or derived from a key file. */
static int load_public_key(const char *arg, uint8_t pub[32])
{
	uint8_t seed[32];

	if (is_pubhex(arg))
		return hex_decode(pub, 32, arg) == 0 ? 0 : 1;
	if (load_seed(arg, seed) != 0)
		return 1;
	ed25519_public_key(pub, seed);
	crypto_wipe(seed, sizeof(seed));
	return 0;
}

/* Creates path with mode 0600 (O_EXCL: an existing file is an error) and
 * writes a fresh seed from /dev/urandom into it. */
static int cmd_keygen(const char *path)
{
	uint8_t seed[32];
	int fd, rc = 1;

	/* /dev/urandom is not a regular file, so read it directly. */
	fd = open("/dev/urandom", O_RDONLY);
	if (fd < 0 || read(fd, seed, 32) != 32) {
		if (fd >= 0)
			close(fd);
		return fail("/dev/urandom: cannot read 32 bytes");
	}
	close(fd);

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		crypto_wipe(seed, sizeof(seed));
		if (errno == EEXIST)
			return fail("key file %s: already exists; not overwriting it", path);
		return fail("key file %s: %s", path, strerror(errno));
	}
	if (write_all(fd, seed, 32) != 0 || fsync(fd) != 0) {
		fail("key file %s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
	} else if (close(fd) != 0) {
		fail("key file %s: %s", path, strerror(errno));
		unlink(path);
	} else {
		rc = 0;
	}
	crypto_wipe(seed, sizeof(seed));
	return rc;
}

static int cmd_pub(const char *arg)
{
	uint8_t pub[32];
	char hex[65];

	if (load_public_key(arg, pub) != 0)
		return 1;
	hex_encode(hex, sizeof(hex), pub, 32);
	printf("%s\n", hex);
	return 0;
}

/* did:key = "did:key:" + multibase base58btc ('z') of varint(0xed) || key. */
static int cmd_did(const char *arg)
{
	uint8_t pub[32];
	char did[DID_KEY_MAX];

	if (load_public_key(arg, pub) != 0)
		return 1;
	if (did_key_encode(did, sizeof(did), pub) < 0)
		return fail("did: buffer too small");
	printf("%s\n", did);
	return 0;
}

static int cmd_pem(const char *arg)
{
	uint8_t der[44];
	char b64[64];

	if (load_public_key(arg, der + 12) != 0)
		return 1;
	memcpy(der, spki_ed25519_prefix, 12);
	if (base64_encode(b64, sizeof(b64), der, sizeof(der)) < 0)
		return fail("pem: base64 buffer too small");
	/* 60 characters: one line, under PEM's 64-column limit. */
	printf("-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----\n", b64);
	return 0;
}

/*
 * Signs the file, then verifies the signature before writing it, so a
 * miscomputed signature (a fault, a bug) is never published.
 */
static int cmd_sign(const char *keyfile, const char *in, const char *sigout)
{
	uint8_t seed[32], pub[32], sig[64];
	uint8_t *msg;
	size_t len;
	int fd, rc = 1;

	if (load_seed(keyfile, seed) != 0)
		return 1;
	msg = read_file(in, MAX_INPUT, &len);
	if (msg == NULL) {
		crypto_wipe(seed, sizeof(seed));
		return 1;
	}
	ed25519_public_key(pub, seed);
	ed25519_sign(sig, msg, len, seed, pub);
	crypto_wipe(seed, sizeof(seed));
	if (ed25519_verify(sig, msg, len, pub) != 0) {
		free(msg);
		return fail("%s: the new signature does not verify; not written", in);
	}
	free(msg);

	fd = open(sigout, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fail("%s: %s", sigout, strerror(errno));
	if (write_all(fd, sig, 64) != 0)
		fail("%s: %s", sigout, strerror(errno));
	else
		rc = 0;
	if (close(fd) != 0 && rc == 0)
		rc = fail("%s: %s", sigout, strerror(errno));
	return rc;
}

static int cmd_verify(const char *key, const char *in, const char *sigfile)
{
	uint8_t pub[32];
	uint8_t *msg, *sig;
	size_t len, sig_len;
	int ok;

	if (load_public_key(key, pub) != 0)
		return 1;
	sig = read_file(sigfile, 4096, &sig_len);
	if (sig == NULL)
		return 1;
	if (sig_len != 64) {
		free(sig);
		return fail("signature %s: %zu bytes, expected 64", sigfile, sig_len);
	}
	msg = read_file(in, MAX_INPUT, &len);
	if (msg == NULL) {
		free(sig);
		return 1;
	}
	ok = ed25519_verify(sig, msg, len, pub) == 0;
	free(msg);
	free(sig);
	if (!ok)
		return fail("%s: signature %s is NOT valid for this key", in, sigfile);
	printf("%s: signature valid\n", in);
	return 0;
}

static int usage(void)
{
	fputs("usage: tsign keygen <keyfile>\n"
	    "       tsign pub <keyfile>\n"
	    "       tsign did <keyfile|pubhex>\n"
	    "       tsign pem <keyfile|pubhex>\n"
	    "       tsign sign <keyfile> <in> <sigout>\n"
	    "       tsign verify <keyfile|pubhex> <in> <sig>\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "keygen") == 0 && argc == 3)
		return cmd_keygen(argv[2]);
	if (strcmp(cmd, "pub") == 0 && argc == 3)
		return cmd_pub(argv[2]);
	if (strcmp(cmd, "did") == 0 && argc == 3)
		return cmd_did(argv[2]);
	if (strcmp(cmd, "pem") == 0 && argc == 3)
		return cmd_pem(argv[2]);
	if (strcmp(cmd, "sign") == 0 && argc == 5)
		return cmd_sign(argv[2], argv[3], argv[4]);
	if (strcmp(cmd, "verify") == 0 && argc == 5)
		return cmd_verify(argv[2], argv[3], argv[4]);
	return usage();
}
