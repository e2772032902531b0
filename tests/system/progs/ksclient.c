/*
 * ksclient - D3 test client of the key store.  Depending on what the
 * manifest gave it:
 *   - no key store endpoint: tries every slot, and none reaches it;
 *   - no principal: asks for a signature anyway (refused);
 *   - a principal: gets a signature under its own principal and verifies
 *     it with ed25519_verify (and that a changed message fails), then asks
 *     for one under another principal the key store holds (refused).
 */
#include <stdbool.h>
#include <string.h>
#include "lib/crypto/ed25519.h"
#include "servers/keystore/protocol.h"
#include "user/lib/tessera.h"

static const char message[] = "tessera key store test: sign me";

/* Asks the key store (slot 0) to sign message under key; 0 or an error. */
static ts_status sign_as(const uint8_t key[32], uint8_t sig[64])
{
	uint64_t w[4];
	struct msg r;
	ts_status s;

	memcpy(w, key, 32);
	memcpy(ipc_payload(), message, sizeof(message));
	ipc_header()->timeout_ns = 5ull * 1000 * 1000 * 1000;
	s = ipc_call(0, IPC_INFO(KEYSTORE_SIGN, sizeof(message)), w, &r);
	ipc_header()->timeout_ns = 0;
	if (s != TS_OK)
		return s;
	if ((int64_t)r.w[0] != TS_OK)
		return (ts_status)r.w[0];
	if (IPC_INFO_LEN(r.info) != 64)
		return TS_E_BADFORMAT;
	memcpy(sig, ipc_payload(), 64);
	return TS_OK;
}

/* The keys the key store holds (KEYSTORE_KEYS); how many. */
static unsigned held_keys(uint8_t keys[KEYSTORE_MAX_KEYS][32])
{
	uint64_t w[4] = { 0 };
	struct msg r;

	if (ipc_call(0, IPC_INFO(KEYSTORE_KEYS, 0), w, &r) != TS_OK ||
	    (int64_t)r.w[0] != TS_OK || r.w[1] > KEYSTORE_MAX_KEYS)
		return 0;
	memcpy(keys, ipc_payload(), r.w[1] * 32);
	return (unsigned)r.w[1];
}

static void without_endpoint(void)
{
	uint64_t w[4] = { 0 };
	struct msg r;
	int reached = 0;

	for (unsigned slot = 0; slot < CAP_SLOTS; slot++)
		if (slot != LOG_SLOT &&
		    ipc_call(slot, IPC_INFO(KEYSTORE_KEYS, 0), w, &r) == TS_OK)
			reached++;
	printf("ksclient: no key store capability: %d of 63 slots reach it\n", reached);
}

int main(void)
{
	uint8_t own[32], sig[64], keys[KEYSTORE_MAX_KEYS][32];
	struct cap_info ci;
	bool has_principal = sys_principal(own) == TS_OK;
	unsigned n;
	ts_status s;

	if (sys_cap_info(0, &ci) != TS_OK || ci.type != CAP_ENDPOINT) {
		without_endpoint();
		return 0;
	}
	n = held_keys(keys);
	printf("ksclient: the key store holds %u keys\n", n);
	if (!has_principal) {
		memcpy(own, keys[0], 32);
		s = sign_as(own, sig);
		printf("ksclient: no principal, sign: %s\n", ts_status_name(s));
		return 0;
	}
	s = sign_as(own, sig);
	printf("ksclient: sign as my principal: %s\n", ts_status_name(s));
	if (s == TS_OK) {
		printf("ksclient: signature verifies under my principal: %s\n",
		       ed25519_verify(sig, message, sizeof(message), own) == 0 ? "yes" : "no");
		printf("ksclient: and not for another message: %s\n",
		       ed25519_verify(sig, message, sizeof(message) - 1, own) != 0 ?
		       "refused" : "ACCEPTED");
	}
	for (unsigned i = 0; i < n; i++) {
		if (memcmp(keys[i], own, 32) == 0)
			continue;
		s = sign_as(keys[i], sig);
		printf("ksclient: sign as another held principal: %s\n", ts_status_name(s));
		break;
	}
	return 0;
}
