/*
 * init - the first process, and the only one the kernel starts (kernel
 * command line "init").  It receives the root capabilities (include/abi/
 * cap.h, enum root_slot), reads the boot manifest (boot module
 * "manifest", format in docs/MANIFEST.md), and starts every server it
 * names with exactly the capabilities listed there (S1, A2): nothing is
 * added, and a server whose entry asks for what init does not hold is
 * refused as a whole, with a report in the audit ring.  Servers marked
 * "restart yes" are started again when they end.  Callers holding init's
 * endpoint may list, inspect, stop and cut back processes
 * (servers/init/protocol.h): holding that capability is the authority.
 */
#include <stdarg.h>
#include <string.h>
#include "user/lib/sysctl.h"
#include "lib/fmt.h"
#include "lib/manifest/manifest.h"
#include "servers/init/protocol.h"

#define MANIFEST_MAX_BYTES 16384
#define MAX_RESTARTS 3

static char manifest_text[MANIFEST_MAX_BYTES];
static struct manifest manifest;
static int module_count;
static int init_endpoint = -1; /* root slot init receives on, if declared */

static struct {
	uint32_t pid;      /* 0: not running */
	uint32_t restarts;
	bool refused;
} running[MANIFEST_MAX_SERVERS];

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	puts_raw(line);
}

/* Refusals are security events: they go to the kernel's audit ring too. */
static void refuse(const char *server, const char *why)
{
	char what[48];
	int n = fmt_snprintf(what, sizeof(what), "refused %s: %s", server, why);

	say("init: server %s refused: %s\n", server, why);
	sys_audit_write(ROOT_SLOT_AUDIT, what,
			n < (int)sizeof(what) ? (uint64_t)n : sizeof(what) - 1);
}

static int module_index(const char *name)
{
	return module_find(ROOT_SLOT_SPAWN, name);
}

static ts_status load_manifest(void)
{
	struct module_info mi;
	struct manifest_error err = { 0, "" };
	int idx;
	ts_status s;

	while (module_count < 64 &&
	       sys_module_info(ROOT_SLOT_SPAWN, (uint64_t)module_count, &mi) == TS_OK)
		module_count++;
	idx = module_index("manifest");
	if (idx < 0) {
		say("init: no boot module named 'manifest'; nothing to start\n");
		return TS_E_NOENT;
	}
	sys_module_info(ROOT_SLOT_SPAWN, (uint64_t)idx, &mi);
	if (mi.size > MANIFEST_MAX_BYTES) {
		say("init: manifest is %lu bytes, over %u\n", (unsigned long)mi.size,
		    MANIFEST_MAX_BYTES);
		return TS_E_RANGE;
	}
	s = sys_module_read(ROOT_SLOT_SPAWN, (uint64_t)idx, 0, manifest_text, mi.size);
	if (s < 0) { /* E_SIGNATURE: not the manifest the release signed */
		say("init: cannot read the manifest: %s\n", ts_status_name(s));
		refuse("manifest", ts_status_name(s));
		return s;
	}
	if (s >= 0)
		s = manifest_parse(manifest_text, (size_t)s, &manifest, &err);
	if (s != TS_OK) {
		say("init: manifest line %u: %s (%s)\n", err.line, err.why,
		    ts_status_name(s));
		refuse("manifest", err.why);
	}
	return s;
}

static bool log_held(void)
{
	struct cap_info ci;

	return sys_cap_info(LOG_SLOT, &ci) == TS_OK && ci.type == CAP_ENDPOINT &&
	       ci.state == TS_OK;
}

static bool slot_used(const struct manifest_server *sv, unsigned slot)
{
	for (unsigned k = 0; k < sv->cap_count; k++)
		if (sv->caps[k].slot == slot)
			return true;
	return false;
}

static void start(unsigned i)
{
	const struct manifest_server *sv = &manifest.servers[i];
	struct cap_grant grants[MANIFEST_MAX_CAPS + 1];
	int module = module_index(sv->module);
	unsigned n;
	ts_status s;

	if (module < 0) {
		refuse(sv->name, "no such boot module");
		running[i].refused = true;
		return;
	}
	for (unsigned k = 0; k < sv->cap_count; k++) {
		const struct manifest_cap *c = &sv->caps[k];
		int from = manifest_root_slot(c);
		if (from < 0) {
			refuse(sv->name, "asks for a capability init does not hold");
			running[i].refused = true;
			return;
		}
		grants[k] = (struct cap_grant){ (uint16_t)from, c->slot, c->rights,
						c->badge };
	}
	n = sv->cap_count;
	/* Under the test logger init holds a log endpoint (LOG_SLOT) and
	 * passes it on where the manifest leaves that slot free; in a real
	 * boot the slot is empty and nothing is added (print.c). */
	if (log_held() && !slot_used(sv, LOG_SLOT))
		grants[n++] = (struct cap_grant){ LOG_SLOT, LOG_SLOT, CAP_R_SEND, 0 };
	/* D1: the manifest's principal, or none (init has none to inherit). */
	s = sys_spawn_as(ROOT_SLOT_SPAWN, (uint64_t)module, grants, n, sv->priority,
			 sv->has_principal ? manifest.principal_keys[sv->principal] : NULL);
	if (s < 0) {
		refuse(sv->name, ts_status_name(s));
		running[i].refused = true;
		return;
	}
	running[i].pid = (uint32_t)s;
	say("init: started %s (pid %ld, %u capabilities%s%s)\n", sv->name, (long)s,
	    sv->cap_count, sv->has_principal ? ", principal " : "",
	    sv->has_principal ? manifest.principal_names[sv->principal] : "");
}

static bool alive(uint32_t pid)
{
	struct proc_info pi;

	for (uint64_t i = 0; sys_proc_info(ROOT_SLOT_SPAWN, i, &pi) == TS_OK; i++)
		if (pi.pid == pid)
			return true;
	return false;
}

/* A child ended: restart it if the manifest says so, a bounded number of times. */
static void reap(void)
{
	for (unsigned i = 0; i < manifest.server_count; i++) {
		if (!running[i].pid || alive(running[i].pid))
			continue;
		say("init: %s (pid %u) ended\n", manifest.servers[i].name, running[i].pid);
		running[i].pid = 0;
		if (!manifest.servers[i].restart)
			continue;
		if (running[i].restarts++ >= MAX_RESTARTS) {
			refuse(manifest.servers[i].name, "restarted too often");
			continue;
		}
		start(i);
	}
}

/* One request from a holder of init's endpoint; returns the reply info. */
static uint64_t serve(const struct msg *m, uint64_t w[4])
{
	struct proc_info pi;
	struct init_proc *out = ipc_payload();
	struct sys_info si;
	ts_status s;

	w[0] = w[1] = w[2] = w[3] = 0;
	switch (IPC_INFO_LABEL(m->info)) {
	case INIT_PS:
		s = sys_proc_info(ROOT_SLOT_SPAWN, m->w[0], &pi);
		if (s != TS_OK)
			break;
		memset(out, 0, sizeof(*out));
		out->pid = pi.pid;
		out->parent_pid = pi.parent_pid;
		out->state = pi.state;
		out->priority = pi.priority;
		memcpy(out->name, pi.name, sizeof(out->name));
		memcpy(out->principal, pi.principal, sizeof(out->principal));
		w[0] = (uint64_t)s;
		return IPC_INFO(INIT_PS, sizeof(*out));
	case INIT_CAPS:
		s = sys_proc_cap(ROOT_SLOT_SPAWN, m->w[0], m->w[1], ipc_payload());
		if (s == TS_OK)
			return IPC_INFO(INIT_CAPS, sizeof(struct cap_info));
		break;
	case INIT_KILL:
		s = sys_proc_kill(ROOT_SLOT_SPAWN, m->w[0]);
		break;
	case INIT_REVOKE:
		s = sys_proc_revoke(ROOT_SLOT_SPAWN, m->w[0], m->w[1]);
		break;
	case INIT_MEM:
		s = sys_sys_info(ROOT_SLOT_SPAWN, &si);
		w[1] = si.frames_free;
		w[2] = si.frames_total;
		w[3] = si.cap_nodes_used;
		break;
	default:
		s = TS_E_NOSYS;
		break;
	}
	w[0] = (uint64_t)s;
	return IPC_INFO(IPC_INFO_LABEL(m->info), 0);
}

int main(void)
{
	struct msg m;
	uint64_t w[4];
	ts_status s;

	say("init: pid %ld, reading the boot manifest\n", (long)sys_getpid());
	if (load_manifest() != TS_OK)
		return 1;
	for (unsigned i = 0; i < manifest.endpoint_count; i++)
		if (strcmp(manifest.endpoints[i], "init") == 0)
			init_endpoint = ROOT_SLOT_ENDPOINT0 + (int)i;
	sys_child_notify(ROOT_SLOT_INIT_NOTIFY, 1);
	for (unsigned i = 0; i < manifest.server_count; i++)
		start(i);
	say("init: %u servers in the manifest\n", manifest.server_count);

	if (init_endpoint < 0) {
		for (;;) {
			notify_wait(ROOT_SLOT_INIT_NOTIFY, NULL);
			reap();
		}
	}
	syscall6(SYS_NOTIFY_BIND, ROOT_SLOT_INIT_NOTIFY, 0, 0, 0, 0, 0);
	s = ipc_recv((uint64_t)init_endpoint, &m);
	for (;;) {
		if (s == TS_OK && IPC_INFO_LABEL(m.info) == IPC_LABEL_NOTIFY &&
		    ipc_header()->sender_pid == 0) {
			reap();
			s = ipc_recv((uint64_t)init_endpoint, &m);
		} else if (s == TS_OK) {
			uint64_t info = serve(&m, w);
			s = ipc_reply_recv((uint64_t)init_endpoint, info, w, &m);
		} else {
			s = ipc_recv((uint64_t)init_endpoint, &m);
		}
	}
}
