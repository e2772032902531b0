/*
 * sealed_attack - run as init (the test logger gives it every root
 * capability, the spawn capability over every module with all its rights
 * included): tries to read the key store's sealed module through every
 * path it has, before and after the key store took it, and starts a
 * second key store that must find nothing left.
 *
 * Modules: sealed_attack keystore-sealed.bin keystore (cmdline "init").
 */
#include <string.h>
#include "user/lib/sysctl.h"
#include "user/lib/tessera.h"

static uint8_t buf[512];

static void try_read(int sealed, const char *when)
{
	ts_status s = sys_module_read(ROOT_SLOT_SPAWN, (uint64_t)sealed, 0, buf,
				      sizeof(buf));
	printf("sealed_attack: %s: module read: %s\n", when, ts_status_name(s));
	s = sys_sealed_take(buf, sizeof(buf));
	printf("sealed_attack: %s: sealed take: %s\n", when, ts_status_name(s));
	s = sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)sealed, NULL, 0, 1);
	printf("sealed_attack: %s: spawn it: %s\n", when, ts_status_name(s));
}

/* Blocks (so the lower-priority key store runs) for about ms milliseconds. */
static void pause_ms(uint64_t ms)
{
	ipc_header()->timeout_ns = ms * 1000 * 1000;
	notify_wait(ROOT_SLOT_NOTIFY0, NULL);
	ipc_header()->timeout_ns = 0;
}

static ts_status start_keystore(int module)
{
	struct cap_grant g[2] = {
		{ ROOT_SLOT_ENDPOINT0, 0, CAP_R_RECV, 0 },
		{ LOG_SLOT, LOG_SLOT, CAP_R_SEND, 0 },
	};
	return sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)module, g, 2, 3);
}

int main(void)
{
	int sealed = module_find(ROOT_SLOT_SPAWN, "keystore-sealed");
	int keystore = module_find(ROOT_SLOT_SPAWN, "keystore");
	struct module_info mi;
	ts_status s;

	if (sealed < 0 || keystore < 0) {
		printf("sealed_attack: modules missing\n");
		return 1;
	}
	s = sys_module_info(ROOT_SLOT_SPAWN, (uint64_t)sealed, &mi);
	printf("sealed_attack: module info: %s (%lu bytes: its size is no secret)\n",
	       ts_status_name(s), (unsigned long)mi.size);
	try_read(sealed, "before");
	s = start_keystore(keystore);
	printf("sealed_attack: started the key store: %s\n", s > 0 ? "ok" : ts_status_name(s));
	pause_ms(500);
	try_read(sealed, "after");
	s = start_keystore(keystore);
	printf("sealed_attack: started a second key store: %s\n", s > 0 ? "ok" : ts_status_name(s));
	pause_ms(500);
	printf("sealed_attack: done\n");
	return 0;
}
