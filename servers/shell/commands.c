/*
 * commands.c - the shell's commands: one small function each, listed in
 * one table (name, arguments, help text, handler).
 *
 * Process and capability commands ask init (servers/init/protocol.h),
 * which holds the spawn capability; the shell itself holds none.  init's
 * replies carry w0 = a ts_status (negative on failure) and, for INIT_MEM,
 * w1 = free frames, w2 = total frames, w3 = capability nodes in use (as
 * servers/init/main.c answers); a call that fails (init absent, dead, or
 * not answering within INIT_TIMEOUT_NS) is shown with the error it
 * returned.
 */
#include <stdbool.h>
#include <string.h>
#include "servers/shell/shell.h"
#include "servers/console/protocol.h"
#include "servers/init/protocol.h"
#include "servers/tpm/protocol.h"
#include "include/abi/audit.h"
#include "user/lib/sysctl.h"
#include "user/lib/bench.h"
#include "lib/fmt.h"
#include "lib/encode.h"

#define INIT_TIMEOUT_NS (3ull * 1000 * 1000 * 1000)
#define TPM_TIMEOUT_NS (5ull * 1000 * 1000 * 1000)
#define AUDIT_SHOW_DEFAULT 10
#define AUDIT_SHOW_MAX 32
#define BENCH_ITERS 10000
#define BENCH_WARMUP 200

static void cmd_help(int argc, char **argv);

/* ------------------------------------------------------------ helpers */

/* A decimal number with no sign, no spaces and no overflow. */
static bool parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return true;
}

static bool parse_pid(const char *cmd, const char *s, uint64_t *pid)
{
	if (parse_u64(s, pid) && *pid > 0 && *pid <= UINT32_MAX)
		return true;
	out_printf("%s: bad pid '%s'\n", cmd, s);
	return false;
}

static bool want_args(int argc, int n, const char *cmd, const char *usage)
{
	if (argc == n)
		return true;
	out_printf("%s: usage: %s %s\n", cmd, cmd, usage);
	return false;
}

/* Calls init; on failure prints "<cmd>: <error>" and returns false. */
static bool init_call(const char *cmd, uint64_t label, uint64_t w0, uint64_t w1,
		      struct msg *r)
{
	uint64_t w[4] = { w0, w1, 0, 0 };
	ts_status s;

	ipc_header()->timeout_ns = INIT_TIMEOUT_NS;
	s = ipc_call(SLOT_INIT, IPC_INFO(label, 0), w, r);
	ipc_header()->timeout_ns = 0;
	if (s == TS_OK && (int64_t)r->w[0] < 0)
		s = (ts_status)r->w[0];
	if (s == TS_OK)
		return true;
	out_printf("%s: init: %s\n", cmd, ts_status_name(s));
	return false;
}

/* s, then spaces up to width (lib/fmt has no '-' flag). */
static void out_left(const char *s, size_t width)
{
	size_t n = strlen(s);

	out_str(s);
	for (; n < width; n++)
		out_str(" ");
}

static void print_seconds(uint64_t ns)
{
	out_printf("%lu.%03lu s", (unsigned long)(ns / 1000000000ull),
		   (unsigned long)(ns / 1000000ull % 1000));
}

/* ------------------------------------------------------------ commands */

static void cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			out_str(" ");
		out_str(argv[i]);
	}
	out_str("\n");
}

static void cmd_uptime(int argc, char **argv)
{
	uint64_t ns = sys_time_ns();

	(void)argv;
	if (!want_args(argc, 1, "uptime", ""))
		return;
	out_str("up ");
	print_seconds(ns);
	out_printf(" (%lu ns)\n", (unsigned long)ns);
}

static const char *state_name(uint32_t state)
{
	static const char *const names[] = {
		"?", "ready", "running", "dead", "send", "recv", "reply", "notify",
	};
	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "?";
}

static void cmd_ps(int argc, char **argv)
{
	struct init_proc pr;
	struct msg r;

	(void)argv;
	if (!want_args(argc, 1, "ps", ""))
		return;
	for (uint64_t i = 0; i < 256; i++) {
		uint64_t w[4] = { i, 0, 0, 0 };
		ts_status s;

		ipc_header()->timeout_ns = INIT_TIMEOUT_NS;
		s = ipc_call(SLOT_INIT, IPC_INFO(INIT_PS, 0), w, &r);
		ipc_header()->timeout_ns = 0;
		if (s == TS_OK && (int64_t)r.w[0] < 0)
			s = (ts_status)r.w[0];
		if (s == TS_E_NOENT && i > 0)
			return; /* past the last process */
		if (s == TS_OK && IPC_INFO_LEN(r.info) < sizeof(pr))
			s = TS_E_BADFORMAT;
		if (s != TS_OK) {
			out_printf("ps: init: %s\n", ts_status_name(s));
			return;
		}
		memcpy(&pr, ipc_payload(), sizeof(pr));
		pr.name[sizeof(pr.name) - 1] = '\0';
		if (i == 0)
			out_str("  PID  PPID PRIO STATE   NAME\n");
		out_printf("%5u %5u %4u ", pr.pid, pr.parent_pid, pr.priority);
		out_left(state_name(pr.state), 8);
		out_printf("%s\n", pr.name);
	}
}

/* The did:key of a principal, or "no principal" for the all-zero key. */
static void out_principal(const uint8_t key[PRINCIPAL_BYTES])
{
	char did[DID_KEY_MAX];
	uint8_t acc = 0;

	for (unsigned i = 0; i < PRINCIPAL_BYTES; i++)
		acc |= key[i];
	if (acc == 0 || did_key_encode(did, sizeof(did), key) < 0)
		out_str("no principal\n");
	else
		out_printf("%s\n", did);
}

/* id: the shell's own principal (the kernel's binding, SYS_PRINCIPAL);
 * id <pid>: another process's, as init reads it (INIT_PS). */
static void cmd_id(int argc, char **argv)
{
	uint8_t key[PRINCIPAL_BYTES] = { 0 };
	struct init_proc pr;
	struct msg r;
	uint64_t pid;
	ts_status s;

	if (argc == 1) {
		s = sys_principal(key);
		if (s != TS_OK && s != TS_E_NOENT)
			out_printf("id: %s\n", ts_status_name(s));
		else
			out_principal(key);
		return;
	}
	if (!want_args(argc, 2, "id", "[pid]") || !parse_pid("id", argv[1], &pid))
		return;
	for (uint64_t i = 0; i < 256; i++) {
		uint64_t w[4] = { i, 0, 0, 0 };

		ipc_header()->timeout_ns = INIT_TIMEOUT_NS;
		s = ipc_call(SLOT_INIT, IPC_INFO(INIT_PS, 0), w, &r);
		ipc_header()->timeout_ns = 0;
		if (s == TS_OK && (int64_t)r.w[0] < 0)
			s = (ts_status)r.w[0];
		if (s == TS_OK && IPC_INFO_LEN(r.info) < sizeof(pr))
			s = TS_E_BADFORMAT;
		if (s == TS_E_NOENT && i > 0) {
			out_printf("id: no process %lu\n", (unsigned long)pid);
			return;
		}
		if (s != TS_OK) {
			out_printf("id: init: %s\n", ts_status_name(s));
			return;
		}
		memcpy(&pr, ipc_payload(), sizeof(pr));
		if (pr.pid != pid)
			continue;
		pr.name[sizeof(pr.name) - 1] = '\0';
		out_printf("%u %s: ", pr.pid, pr.name);
		out_principal(pr.principal);
		return;
	}
}

static const char *cap_type_name(uint32_t type)
{
	static const char *const names[] = {
		"none", "endpoint", "notification", "frame", "irq", "ioport",
		"spawn", "audit-read", "memory",
	};
	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "?";
}

/* Rights as five letters: s(end) r(eceive) g(rant) R(ead) W(rite). */
static void rights_letters(uint32_t rights, char out[6])
{
	static const char letters[] = "srgRW";

	for (int i = 0; i < 5; i++)
		out[i] = rights & (1u << i) ? letters[i] : '-';
	out[5] = '\0';
}

static void cmd_caps(int argc, char **argv)
{
	struct cap_info ci;
	struct msg r;
	uint64_t pid;
	int shown = 0;
	char rights[6];

	if (!want_args(argc, 2, "caps", "<pid>") || !parse_pid("caps", argv[1], &pid))
		return;
	for (uint64_t slot = 0; slot < CAP_SLOTS; slot++) {
		if (!init_call("caps", INIT_CAPS, pid, slot, &r))
			return;
		if (IPC_INFO_LEN(r.info) < sizeof(ci)) {
			out_printf("caps: init: %s\n", ts_status_name(TS_E_BADFORMAT));
			return;
		}
		memcpy(&ci, ipc_payload(), sizeof(ci));
		if (ci.type == CAP_NONE)
			continue;
		if (!shown++)
			out_str(" SLOT TYPE         RIGHTS      BADGE OBJECT\n");
		rights_letters(ci.rights, rights);
		out_printf("%5lu ", (unsigned long)slot);
		out_left(cap_type_name(ci.type), 13);
		out_left(rights, 7);
		out_printf("%10lx ", (unsigned long)ci.badge);
		if (ci.type == CAP_IOPORT)
			out_printf("ports %x-%x", IOPORT_BASE(ci.object),
				   IOPORT_BASE(ci.object) + IOPORT_COUNT(ci.object) - 1);
		else if (ci.type == CAP_IRQ)
			out_printf("line %lu", (unsigned long)ci.object);
		else
			out_printf("%lu", (unsigned long)ci.object);
		out_str(ci.state == TS_E_REVOKED ? " (revoked)\n" : "\n");
	}
	if (!shown)
		out_printf("caps: pid %lu holds no capabilities\n", (unsigned long)pid);
}

static void cmd_kill(int argc, char **argv)
{
	struct msg r;
	uint64_t pid;

	if (!want_args(argc, 2, "kill", "<pid>") || !parse_pid("kill", argv[1], &pid))
		return;
	if (init_call("kill", INIT_KILL, pid, 0, &r))
		out_printf("kill: pid %lu killed\n", (unsigned long)pid);
}

static void cmd_revoke(int argc, char **argv)
{
	struct msg r;
	uint64_t pid, slot;

	if (!want_args(argc, 3, "revoke", "<pid> <slot>") ||
	    !parse_pid("revoke", argv[1], &pid))
		return;
	if (!parse_u64(argv[2], &slot) || slot >= CAP_SLOTS) {
		out_printf("revoke: bad slot '%s' (0-%u)\n", argv[2], CAP_SLOTS - 1);
		return;
	}
	if (init_call("revoke", INIT_REVOKE, pid, slot, &r))
		out_printf("revoke: pid %lu slot %lu revoked\n", (unsigned long)pid,
			   (unsigned long)slot);
}

static void cmd_mem(int argc, char **argv)
{
	struct msg r;

	(void)argv;
	if (!want_args(argc, 1, "mem", "") || !init_call("mem", INIT_MEM, 0, 0, &r))
		return;
	out_printf("frames: %lu free of %lu (%lu KiB free); capability nodes in use: %lu\n",
		   (unsigned long)r.w[1], (unsigned long)r.w[2],
		   (unsigned long)(r.w[1] * 4), (unsigned long)r.w[3]);
}

/*
 * The PCRs Tessera's UEFI loader extends (docs/BOOT.md): 8 = command line
 * and manifest, 9 = kernel and modules, read from the TPM driver.  The
 * lines are the ones tools/pcr_predict.py prints, so a verifier can
 * compare them as text.
 */
static void cmd_attest(int argc, char **argv)
{
	static const unsigned pcrs[] = { 8, 9 };
	struct msg r;
	ts_status s;

	(void)argv;
	if (!want_args(argc, 1, "attest", ""))
		return;
	for (unsigned i = 0; i < sizeof(pcrs) / sizeof(pcrs[0]); i++) {
		uint64_t w[4] = { pcrs[i], 0, 0, 0 };
		const uint8_t *d = ipc_payload();

		ipc_header()->timeout_ns = TPM_TIMEOUT_NS;
		s = ipc_call(SLOT_TPM, IPC_INFO(TPM_PCR_READ, 0), w, &r);
		ipc_header()->timeout_ns = 0;
		if (s == TS_OK && (int64_t)r.w[0] < 0)
			s = (ts_status)r.w[0];
		if (s == TS_OK && IPC_INFO_LEN(r.info) != TPM_SHA256_SIZE)
			s = TS_E_BADFORMAT;
		if (s == TS_E_NOENT) {
			out_str("attest: no TPM (this boot was not measured; boot with make run-uefi)\n");
			return;
		}
		if (s != TS_OK) {
			out_printf("attest: cannot read PCR %u from the TPM driver: %s\n",
				   pcrs[i], ts_status_name(s));
			return;
		}
		out_printf("PCR[%u] sha256 ", pcrs[i]);
		for (unsigned k = 0; k < TPM_SHA256_SIZE; k++)
			out_printf("%02x", d[k]);
		out_str("\n");
	}
}

static void print_audit(const struct audit_record *a)
{
	char name[sizeof(a->name) + 1], what[sizeof(a->what) + 1];

	memcpy(name, a->name, sizeof(a->name));
	name[sizeof(a->name)] = '\0';
	memcpy(what, a->what, sizeof(a->what));
	what[sizeof(a->what)] = '\0';
	out_printf("#%lu ", (unsigned long)a->seq);
	print_seconds(a->time_ns);
	out_printf(" %s pid=%u name=%s status=%s a0=%lx a1=%lx what=%s\n",
		   audit_kind_name(a->kind), a->pid, name, ts_status_name(a->status),
		   (unsigned long)a->arg0, (unsigned long)a->arg1, what);
}

/* The last n records: read the ring from the oldest it still holds,
 * keeping the newest n. */
static void cmd_audit(int argc, char **argv)
{
	static struct audit_record keep[AUDIT_SHOW_MAX];
	struct audit_record batch[8];
	uint64_t want = AUDIT_SHOW_DEFAULT, next = 0, total = 0;

	if (argc > 2 || (argc == 2 && (!parse_u64(argv[1], &want) || want == 0 ||
				       want > AUDIT_SHOW_MAX))) {
		out_printf("audit: usage: audit [1-%u]\n", AUDIT_SHOW_MAX);
		return;
	}
	for (int rounds = 0; rounds < 4096; rounds++) {
		ts_status n = sys_audit_fetch(SLOT_AUDIT, next, batch, 8);
		if (n < 0) {
			out_printf("audit: %s\n", ts_status_name(n));
			return;
		}
		if (n == 0)
			break;
		for (ts_status i = 0; i < n; i++)
			keep[total++ % AUDIT_SHOW_MAX] = batch[i];
		next = batch[n - 1].seq + 1;
		if (n < 8)
			break;
	}
	if (total == 0) {
		out_str("audit: no records\n");
		return;
	}
	if (want > total)
		want = total;
	for (uint64_t i = total - want; i < total; i++)
		print_audit(&keep[i % AUDIT_SHOW_MAX]);
}

static void cmd_bench(int argc, char **argv)
{
	static uint32_t samples[BENCH_ITERS];
	uint64_t w[4] = { 0 }, ns0, ns1;
	struct msg r;

	(void)argv;
	if (!want_args(argc, 1, "bench", ""))
		return;
	out_printf("bench: %d CONSOLE_PING round trips, shell <-> console\n", BENCH_ITERS);
	out_flush();
	for (int i = 0; i < BENCH_WARMUP; i++)
		ipc_call(SLOT_CONSOLE, IPC_INFO(CONSOLE_PING, 0), w, &r);
	ns0 = sys_time_ns();
	for (int i = 0; i < BENCH_ITERS; i++) {
		uint64_t t0 = rdtsc_ordered(), t1;
		ts_status s = ipc_call(SLOT_CONSOLE, IPC_INFO(CONSOLE_PING, 0), w, &r);
		t1 = rdtsc_ordered();
		if (s != TS_OK) {
			out_printf("bench: ping %d failed: %s\n", i, ts_status_name(s));
			return;
		}
		samples[i] = t1 - t0 > UINT32_MAX ? UINT32_MAX : (uint32_t)(t1 - t0);
	}
	ns1 = sys_time_ns();
	out_printf("BENCH shell_console_rt_median %u cycles\n",
		   select_kth(samples, BENCH_ITERS, BENCH_ITERS / 2));
	out_printf("BENCH shell_console_rt_mean %lu ns\n",
		   (unsigned long)((ns1 - ns0) / BENCH_ITERS));
}

static void cmd_clear(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	out_str("\x1b[2J\x1b[H");
}

const struct command shell_commands[] = {
	{ "help", "", "list the commands", cmd_help },
	{ "ps", "", "list the live processes (asks init)", cmd_ps },
	{ "caps", "<pid>", "a process's capabilities: type, rights srgRW, badge",
	  cmd_caps },
	{ "kill", "<pid>", "stop a process (asks init)", cmd_kill },
	{ "revoke", "<pid> <slot>", "revoke a process's capability and all derived",
	  cmd_revoke },
	{ "id", "[pid]", "a principal as did:key (own, or a process's via init)",
	  cmd_id },
	{ "echo", "<words...>", "print the words", cmd_echo },
	{ "uptime", "", "time since boot", cmd_uptime },
	{ "mem", "", "free memory and capability nodes (asks init)", cmd_mem },
	{ "audit", "[n]", "the last n kernel audit records (default 10)", cmd_audit },
	{ "bench", "", "10,000 shell-console round trips: median cycles, mean ns",
	  cmd_bench },
	{ "attest", "", "the measured-boot PCRs 8 and 9 (asks the TPM driver)",
	  cmd_attest },
	{ "clear", "", "clear the screen", cmd_clear },
};
const unsigned shell_command_count = sizeof(shell_commands) / sizeof(shell_commands[0]);

static void cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	out_str("commands:\n");
	for (unsigned i = 0; i < shell_command_count; i++) {
		const struct command *c = &shell_commands[i];
		char usage[40];

		fmt_snprintf(usage, sizeof(usage), "%s%s%s", c->name,
			     *c->args ? " " : "", c->args);
		out_str("  ");
		out_left(usage, 22);
		out_printf("%s\n", c->help);
	}
	out_str("keys: left/right ^A ^E backspace ^U ^C, up/down history, tab completes\n");
}

void shell_execute(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1];
	int argc = 0;
	char *p = line;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		if (argc == SHELL_ARGS_MAX) {
			out_printf("shell: too many words (at most %d)\n", SHELL_ARGS_MAX);
			return;
		}
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	argv[argc] = NULL;
	if (argc == 0)
		return;
	for (unsigned i = 0; i < shell_command_count; i++)
		if (strcmp(argv[0], shell_commands[i].name) == 0) {
			shell_commands[i].run(argc, argv);
			return;
		}
	out_printf("shell: unknown command '%s' (try help)\n", argv[0]);
}
