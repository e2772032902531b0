/*
 * idclient - D1 test client.  It reads its own principal (SYS_PRINCIPAL),
 * calls idserver (slot 0) after scribbling another key into its own IPC
 * header (the kernel's stamp must win), prints the principal stamped on
 * the reply (the server's), and, if it holds a spawn capability (slot 1),
 * tries to give a child a principal other than its own (refused), the
 * all-zero key (refused), and none (the child inherits its principal).
 */
#include <string.h>
#include "lib/encode.h"
#include "user/lib/sysctl.h"
#include "user/lib/tessera.h"

static void print_key(const char *what, const uint8_t *key)
{
	char hex[2 * PRINCIPAL_BYTES + 1], did[DID_KEY_MAX];

	hex_encode(hex, sizeof(hex), key, PRINCIPAL_BYTES);
	did_key_encode(did, sizeof(did), key);
	printf("idclient: %s %s\n", what, hex);
	printf("idclient: %s %s\n", what, did);
}

/* Tries to bind children; with a spawn capability only. */
static void try_spawns(const uint8_t own[PRINCIPAL_BYTES],
		       const uint8_t other[PRINCIPAL_BYTES])
{
	static const uint8_t zero[PRINCIPAL_BYTES];
	struct cap_info ci;
	struct proc_info pi;
	int hello = module_find(1, "hello");
	ts_status s;

	if (sys_cap_info(1, &ci) != TS_OK || ci.type != CAP_SPAWN || hello < 0)
		return;
	s = sys_spawn_as(1, (uint64_t)hello, NULL, 0, 1, other);
	printf("idclient: spawn as the server's principal: %s\n", ts_status_name(s));
	s = sys_spawn_as(1, (uint64_t)hello, NULL, 0, 1, zero);
	printf("idclient: spawn as the zero key: %s\n", ts_status_name(s));
	s = sys_spawn_as(1, (uint64_t)hello, NULL, 0, 1, own);
	printf("idclient: spawn as my own principal: %s\n", s > 0 ? "ok" : ts_status_name(s));
	s = sys_spawn_as(1, (uint64_t)hello, NULL, 0, 1, NULL);
	if (s <= 0) {
		printf("idclient: spawn inheriting: %s\n", ts_status_name(s));
		return;
	}
	for (uint64_t i = 0; sys_proc_info(1, i, &pi) == TS_OK; i++)
		if (pi.pid == (uint32_t)s)
			printf("idclient: child %u inherited my principal: %s\n", pi.pid,
			       memcmp(pi.principal, own, PRINCIPAL_BYTES) == 0 ? "yes" : "no");
}

int main(void)
{
	uint8_t own[PRINCIPAL_BYTES], server[PRINCIPAL_BYTES];
	uint64_t w[4] = { 0 };
	struct msg r;
	ts_status s = sys_principal(own);

	if (s == TS_E_NOENT)
		printf("idclient: no principal\n");
	else if (s == TS_OK)
		print_key("my principal", own);
	else
		printf("idclient: SYS_PRINCIPAL: %s\n", ts_status_name(s));
	/* A forgery attempt: the header is the process's own page, but the
	 * kernel rewrites the sender fields of the receiver's copy. */
	memset(ipc_header()->sender_principal, 0x42, PRINCIPAL_BYTES);
	s = ipc_call(0, IPC_INFO(1, 0), w, &r);
	if (s != TS_OK) {
		printf("idclient: call: %s\n", ts_status_name(s));
		return 1;
	}
	memcpy(server, ipc_header()->sender_principal, PRINCIPAL_BYTES);
	print_key("server's principal", server);
	if (sys_principal(own) == TS_OK)
		try_spawns(own, server);
	printf("idclient: done\n");
	ipc_call(0, IPC_INFO(2, 0), w, &r); /* the server counts it: all said */
	return 0;
}
