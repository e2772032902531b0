/*
 * termtest - stands in for init in the terminal tests (boot with "test
 * init"; modules termtest uart console <client>, see cases/term_*.case).
 * It holds the root capabilities and spawns the UART driver, the console
 * and the foreground client (module 3: the shell, or conclient) with
 * exactly the slots their main.c files document.  Then it serves a small
 * part of init's protocol (servers/init/protocol.h) on the endpoint it
 * gave the client as "init", so the shell's process commands have
 * something to talk to:
 *   INIT_PS     the four processes it knows (itself and its children);
 *               state is reported as 0 (unknown to it)
 *   INIT_CAPS   its own table only (SYS_CAP_INFO); other pids E_DENIED
 *   INIT_KILL, INIT_REVOKE, INIT_MEM   E_NOSYS (the real init does them)
 * Replies carry the request's label and w0 = a ts_status.  It never exits,
 * so what it granted is never revoked.
 */
#include <string.h>
#include "user/lib/tessera.h"
#include "servers/console/protocol.h"
#include "servers/init/protocol.h"

enum { M_UART = 1, M_CONSOLE = 2, M_CLIENT = 3 };
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
static uint32_t pids[4], prios[4] = { 4, 4, 3, 2 };

static ts_status spawn(unsigned module, const struct cap_grant *g, unsigned n)
{
	ts_status pid = sys_spawn(ROOT_SLOT_SPAWN, module, g, n, prios[module]);

	if (pid < 0) {
		printf("FAILED to spawn %s: %s\n", names[module], ts_status_name(pid));
		return pid;
	}
	pids[module] = (uint32_t)pid;
	return pid;
}

static uint64_t serve(const struct msg *m, uint64_t w[4])
{
	uint64_t label = IPC_INFO_LABEL(m->info), i = m->w[0];
	struct init_proc *pr = ipc_payload();
	struct cap_info *ci = ipc_payload();

	memset(w, 0, 4 * sizeof(w[0]));
	switch (label) {
	case INIT_PS:
		if (i >= 4) {
			w[0] = (uint64_t)TS_E_NOENT;
			return IPC_INFO(label, 0);
		}
		memset(pr, 0, sizeof(*pr));
		pr->pid = pids[i];
		pr->parent_pid = i ? pids[0] : 0;
		pr->priority = prios[i];
		memcpy(pr->name, names[i], strlen(names[i]) + 1);
		return IPC_INFO(label, sizeof(*pr));
	case INIT_CAPS:
		if (m->w[0] != pids[0]) {
			w[0] = (uint64_t)TS_E_DENIED;
			return IPC_INFO(label, 0);
		}
		w[0] = (uint64_t)sys_cap_info(m->w[1], ci);
		return IPC_INFO(label, w[0] == TS_OK ? sizeof(*ci) : 0);
	default:
		w[0] = (uint64_t)TS_E_NOSYS;
		return IPC_INFO(label, 0);
	}
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
	};
	uint64_t w[4];
	struct msg m;
	ts_status s;

	pids[0] = (uint32_t)sys_getpid();
	if (spawn(M_UART, uart, 5) < 0 || spawn(M_CONSOLE, console, 4) < 0 ||
	    spawn(M_CLIENT, client, 4) < 0)
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
		s = ipc_reply_recv(EP_INIT, serve(&m, w), w, &m);
	}
}
