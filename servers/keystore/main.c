/*
 * keystore - holds the principals' Ed25519 private keys and signs for the
 * principal bound to each caller, never for anyone else (D3).
 *
 * Its keys arrive once, at start: the kernel hands it the sealed boot
 * module "keystore-sealed" (SYS_SEALED_TAKE), whose bytes are the 32-byte
 * seeds of the principals, and wipes the module.  From then on the seeds
 * exist in this address space only; nothing here ever sends a seed, prints
 * one, or writes one anywhere.  Which key to use is decided by the
 * kernel's stamp on the request (ipc_header.sender_principal), not by the
 * request: the key a caller names must equal its own principal, so a
 * caller can only confirm whom it signs as.  Refusals are answered with
 * TS_E_DENIED and, if the key store holds an audit-write capability
 * (slot 1), reported to the audit ring.  docs/IDENTITY.md.
 *
 * Slots: 0 its endpoint (recv); 1 audit (write), optional.
 */
#include <stdbool.h>
#include <string.h>
#include "lib/crypto/ed25519.h"
#include "lib/crypto/wipe.h"
#include "servers/keystore/protocol.h"
#include "user/lib/sysctl.h"
#include "user/lib/tessera.h"

#define SLOT_ENDPOINT 0
#define SLOT_AUDIT 1

static uint8_t seeds[KEYSTORE_MAX_KEYS][32];
static uint8_t pubs[KEYSTORE_MAX_KEYS][32];
static unsigned key_count;

/* Takes the sealed module (once per boot) and derives each public key. */
static void load_keys(void)
{
	static uint8_t sealed[KEYSTORE_MAX_KEYS * 32];
	ts_status n = sys_sealed_take(sealed, sizeof(sealed));

	if (n < 0 || n % 32 != 0) {
		printf("keystore: no keys (%s)\n", n < 0 ? ts_status_name(n) :
		       "sealed module is not a list of 32-byte seeds");
		crypto_wipe(sealed, sizeof(sealed));
		return;
	}
	key_count = (unsigned)(n / 32);
	memcpy(seeds, sealed, (size_t)n);
	crypto_wipe(sealed, sizeof(sealed));
	for (unsigned i = 0; i < key_count; i++)
		ed25519_public_key(pubs[i], seeds[i]);
	printf("keystore: holding %u keys\n", key_count);
}

static int key_of(const uint8_t pub[32])
{
	for (unsigned i = 0; i < key_count; i++)
		if (memcmp(pubs[i], pub, 32) == 0)
			return (int)i;
	return -1;
}

static bool is_zero(const uint8_t *b, size_t n)
{
	uint8_t acc = 0;

	for (size_t i = 0; i < n; i++)
		acc |= b[i];
	return acc == 0;
}

static void refuse(const char *why)
{
	const struct ipc_header *h = ipc_header();

	printf("keystore: refused %s (pid %u): %s\n", h->sender_name,
	       h->sender_pid, why);
	sys_audit_write(SLOT_AUDIT, why, strlen(why)); /* if it holds one */
}

/* KEYSTORE_SIGN: the key asked for must be the caller's principal. */
static uint64_t sign(const struct msg *m, uint64_t w[4])
{
	const struct ipc_header *h = ipc_header();
	uint8_t wanted[32], sig[KEYSTORE_SIG_BYTES];
	uint32_t len = IPC_INFO_LEN(m->info);
	int k;

	memcpy(wanted, m->w, sizeof(wanted));
	if (is_zero(h->sender_principal, 32)) {
		refuse("keystore: caller has no principal");
		w[0] = (uint64_t)TS_E_DENIED;
		return 0;
	}
	if (memcmp(wanted, h->sender_principal, 32) != 0) {
		refuse("keystore: key is not the caller's principal");
		w[0] = (uint64_t)TS_E_DENIED;
		return 0;
	}
	k = key_of(h->sender_principal);
	if (k < 0) {
		refuse("keystore: principal not held here");
		w[0] = (uint64_t)TS_E_NOENT;
		return 0;
	}
	ed25519_sign(sig, ipc_payload(), len, seeds[k], pubs[k]);
	memcpy(ipc_payload(), sig, sizeof(sig));
	w[0] = TS_OK;
	return IPC_INFO(KEYSTORE_SIGN, sizeof(sig));
}

static uint64_t serve(const struct msg *m, uint64_t w[4])
{
	memset(w, 0, 4 * sizeof(w[0]));
	switch (IPC_INFO_LABEL(m->info)) {
	case KEYSTORE_SIGN:
		return sign(m, w);
	case KEYSTORE_KEYS:
		memcpy(ipc_payload(), pubs, key_count * 32u);
		w[0] = TS_OK;
		w[1] = key_count;
		return IPC_INFO(KEYSTORE_KEYS, key_count * 32u);
	default:
		w[0] = (uint64_t)TS_E_INVAL;
		return 0;
	}
}

int main(void)
{
	struct msg m;
	uint64_t w[4];
	ts_status s;

	load_keys();
	s = ipc_recv(SLOT_ENDPOINT, &m);
	for (;;) {
		if (s == TS_OK) {
			uint64_t info = serve(&m, w);
			s = ipc_reply_recv(SLOT_ENDPOINT, info, w, &m);
		} else {
			s = ipc_recv(SLOT_ENDPOINT, &m);
		}
	}
}
