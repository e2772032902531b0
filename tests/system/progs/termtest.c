/*
 * termtest - stands in for init in the terminal tests (boot with "test
 * init"; modules termtest uart console <client>, see cases/term_*.case).
 * It holds the root capabilities and spawns the UART driver, the console
 * and the foreground client (module 3: the shell, or conclient) with
 * exactly the slots their main.c files document (conclient also gets
 * slot 4: the console with a background badge, 5).  Then it receives on the
 * endpoint it gave the client as "init" and answers every request with
 * E_NOSYS (no timeout: it never exits, so what it granted is never
 * revoked).  The shell's process commands against the real init are
 * tested by the term_system_* cases, which boot init with its manifest.
 */
#include <string.h>
#include "user/lib/sysctl.h"
#include "servers/console/protocol.h"

/* Roles; the boot modules are found by name (the client is whatever
 * module follows the console), since the test logger comes first. */
enum { M_UART = 1, M_CONSOLE = 2, M_CLIENT = 3 };
static int module_of[4];
#define EP(i) (ROOT_SLOT_ENDPOINT0 + (i))
#define NTF(i) (ROOT_SLOT_NOTIFY0 + (i))
#define EP_UART EP(0)
#define EP_CONSOLE EP(1)
#define EP_INIT EP(2)
#define NTF_UART NTF(0)    /* the driver's own: IRQ 4 */
#define NTF_CONSOLE NTF(1) /* the console's own: the driver signals it */
#define NTF_CLIENT NTF(2)  /* the client's "input ready" */
#define COM1_IRQ (ROOT_SLOT_IRQ0 + 4)

static const char *const names[4] = { "termtest", "uart", "console", "client" };
static const unsigned prios[4] = { 4, 4, 3, 2 };
static uint32_t pids[4];

static ts_status spawn(unsigned module, const struct cap_grant *g, unsigned n)
{
	ts_status pid = module_of[module] < 0 ? TS_E_NOENT :
		sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)module_of[module], g, n,
			  prios[module]);

	if (pid < 0) {
		printf("FAILED to spawn %s: %s\n", names[module], ts_status_name(pid));
		return pid;
	}
	pids[module] = (uint32_t)pid;
	return pid;
}

int main(void)
{
	struct cap_grant uart[] = {
		{ EP_UART, 0, CAP_R_RECV, 0 },
		{ ROOT_SLOT_IOPORT_COM1, 1, CAP_R_READ | CAP_R_WRITE, 0 },
		{ COM1_IRQ, 2, CAP_R_RECV, 0 },
		{ NTF_UART, 3, CAP_R_SEND | CAP_R_RECV, 0 },
		{ NTF_CONSOLE, 4, CAP_R_SEND, 0 },
	};
	struct cap_grant console[] = {
		{ EP_CONSOLE, 0, CAP_R_RECV, 0 },
		{ EP_UART, 1, CAP_R_SEND, 1 },
		{ NTF_CONSOLE, 2, CAP_R_SEND | CAP_R_RECV, 0 },
		{ NTF_CLIENT, 3, CAP_R_SEND, 0 },
	};
	struct cap_grant client[] = {
		{ EP_CONSOLE, 0, CAP_R_SEND, CONSOLE_BADGE_FOREGROUND },
		{ NTF_CLIENT, 1, CAP_R_RECV, 0 },
		{ EP_INIT, 2, CAP_R_SEND, 1 },
		{ ROOT_SLOT_AUDIT, 3, CAP_R_READ, 0 },
		{ EP_CONSOLE, 4, CAP_R_SEND, 5 }, /* conclient only */
	};
	struct module_info mi;
	uint64_t w[4];
	struct msg m;
	ts_status s;

	pids[0] = (uint32_t)sys_getpid();
	module_of[M_UART] = module_find(ROOT_SLOT_SPAWN, "uart");
	module_of[M_CONSOLE] = module_find(ROOT_SLOT_SPAWN, "console");
	module_of[M_CLIENT] = module_of[M_CONSOLE] < 0 ? -1 : module_of[M_CONSOLE] + 1;
	if (spawn(M_UART, uart, 5) < 0 || spawn(M_CONSOLE, console, 4) < 0 ||
	    sys_module_info(ROOT_SLOT_SPAWN, (uint64_t)module_of[M_CLIENT], &mi) != TS_OK ||
	    spawn(M_CLIENT, client, strcmp(mi.name, "conclient") == 0 ? 5 : 4) < 0)
		return 1;
	printf("termtest: spawned uart %u, console %u, client %u\n", pids[1], pids[2],
	       pids[3]);
	ipc_header()->timeout_ns = 0;
	s = ipc_recv(EP_INIT, &m);
	for (;;) {
		if (s != TS_OK) {
			printf("FAILED: termtest receive: %s\n", ts_status_name(s));
			return 1;
		}
		w[0] = (uint64_t)TS_E_NOSYS;
		w[1] = w[2] = w[3] = 0;
		s = ipc_reply_recv(EP_INIT, IPC_INFO(IPC_INFO_LABEL(m.info), 0), w, &m);
	}
}
