/*
 * logger - the system tests' voice.  The kernel has no print path, so the
 * harness boots this program as module 0 (the kernel gives it the root
 * capabilities, as it would give them to init) and it:
 *
 *   - starts the programs under test: with "init" on the kernel command
 *     line, module 1 alone, holding every root capability in the same slot
 *     with the same rights (so it can play init); otherwise every other
 *     module, holding nothing;
 *   - gives each of them a log endpoint (send only, LOG_SLOT), where
 *     user/lib's printf sends its text;
 *   - prints on COM1 the kernel's log ring (boot facts, AUDIT lines,
 *     faults: SYS_KLOG_READ) and each program's text behind "[name:pid] ",
 *     name and pid as the kernel stamped them in the IPC header, so a
 *     program cannot speak for another;
 *   - ends itself (and so the boot, under exit_when_idle) once it is the
 *     last process.
 *
 * Ordering: the kernel log is drained before each program line, so an
 * audit record of a refusal precedes the line where the program reports
 * it, as the tests expect.  Never shipped: a real boot starts init.
 */
#include <stdbool.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "user/lib/sysctl.h"
#include "servers/console/protocol.h"
#include "lib/fmt.h"

#define COM1 0x3f8
#define LSR_THRE 0x20
#define SLOT_LOG_EP (ROOT_SLOT_ENDPOINT0 + ROOT_ENDPOINTS - 1)
#define POLL_NS (20ull * 1000 * 1000)
#define LINE_MAX 160
#define WRITERS 16

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void serial_byte(uint8_t c)
{
	for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & LSR_THRE); spin++)
		;
	outb(COM1, c);
}

/*
 * Every line this logger writes starts with RS (0x1e).  The console also
 * writes to COM1 (through the uart driver) and leaves its prompt on an
 * unfinished line; the mark lets the harness (SerialLines in
 * tests/system/harness.py) take a logger line out of the console's line
 * instead of reading "tessera> AUDIT ..." and then the echo alone.
 */
#define LINE_MARK 0x1e
static bool at_line_start = true;

static void serial_put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (at_line_start)
			serial_byte(LINE_MARK);
		serial_byte((uint8_t)s[i]);
		at_line_start = s[i] == '\n';
	}
}

static void serial_str(const char *s)
{
	serial_put(s, strlen(s));
}

/* ------------------------------------------------------- the kernel log */

static uint64_t klog_offset;

static void drain_kernel_log(void)
{
	char buf[512];
	uint64_t want;
	ts_status n;

	for (;;) {
		want = klog_offset;
		n = sys_klog_read(ROOT_SLOT_AUDIT, &klog_offset, buf, sizeof(buf));
		if (n <= 0)
			return;
		if (klog_offset - (uint64_t)n != want) {
			char note[64];
			fmt_snprintf(note, sizeof(note), "logger: %lu bytes of kernel log lost\n",
				     (unsigned long)(klog_offset - (uint64_t)n - want));
			serial_str(note);
		}
		serial_put(buf, (size_t)n);
	}
}

/* ------------------------------------------------------ program output */

/* A program's unfinished line, so "a" then "b\n" prints as one line. */
static struct writer {
	uint32_t pid;
	char name[32];
	char line[LINE_MAX];
	uint32_t len;
} writers[WRITERS];

static void flush(struct writer *w)
{
	char head[64];

	fmt_snprintf(head, sizeof(head), "[%s:%u] ", w->name, w->pid);
	serial_str(head);
	serial_put(w->line, w->len);
	serial_str("\n");
	w->len = 0;
}

static struct writer *writer_for(uint32_t pid, const char *name)
{
	struct writer *free_one = NULL;

	for (int i = 0; i < WRITERS; i++) {
		if (writers[i].pid == pid && strncmp(writers[i].name, name, 31) == 0)
			return &writers[i];
		if (!free_one && writers[i].len == 0)
			free_one = &writers[i];
	}
	if (!free_one) {
		free_one = &writers[0];
		flush(free_one);
	}
	free_one->pid = pid;
	memcpy(free_one->name, name, 31);
	free_one->name[31] = '\0';
	return free_one;
}

static void program_text(uint32_t pid, const char *name, const char *s, uint32_t n)
{
	struct writer *w = writer_for(pid, name);

	for (uint32_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n') {
			flush(w);
			continue;
		}
		/* Printable ASCII only: no cursor moves, no fake kernel lines. */
		w->line[w->len++] = (c >= 0x20 && c <= 0x7e) ? c : '?';
		if (w->len == LINE_MAX)
			flush(w);
	}
}

static void flush_all(void)
{
	for (int i = 0; i < WRITERS; i++)
		if (writers[i].len)
			flush(&writers[i]);
}

/* ------------------------------------------------------------ starting */

static bool cmdline_has(const char *cmdline, const char *word)
{
	size_t n = strlen(word);

	for (const char *c = cmdline; *c; c++)
		if ((c == cmdline || c[-1] == ' ') && strncmp(c, word, n) == 0 &&
		    (c[n] == ' ' || c[n] == '\0'))
			return true;
	return false;
}

static const struct cap_grant log_grant = { SLOT_LOG_EP, LOG_SLOT,
					    CAP_R_SEND | CAP_R_GRANT, 1 };

static void refused(uint64_t module, ts_status s)
{
	struct module_info mi;
	char line[96];

	if (sys_module_info(ROOT_SLOT_SPAWN, module, &mi) != TS_OK)
		mi.name[0] = '\0';
	fmt_snprintf(line, sizeof(line), "logger: module %s refused: %s\n", mi.name,
		     ts_status_name(s));
	drain_kernel_log();
	serial_str(line);
}

/* Module 1 as init: every root capability, same slot, same rights. */
static void start_as_init(void)
{
	struct cap_grant g[CAP_SLOTS];
	struct cap_info ci;
	unsigned n = 0;
	ts_status s;

	for (unsigned slot = 0; slot < CAP_SLOTS; slot++) {
		if (slot == SLOT_LOG_EP || sys_cap_info(slot, &ci) != TS_OK ||
		    ci.type == CAP_NONE)
			continue;
		g[n++] = (struct cap_grant){ (uint16_t)slot, (uint16_t)slot, ci.rights, 0 };
	}
	g[n++] = log_grant;
	s = sys_spawn(ROOT_SLOT_SPAWN, 1, g, n, 4);
	if (s < 0)
		refused(1, s);
}

static void start_each(void)
{
	struct module_info mi;

	for (uint64_t m = 1; sys_module_info(ROOT_SLOT_SPAWN, m, &mi) == TS_OK; m++) {
		ts_status s = sys_spawn(ROOT_SLOT_SPAWN, m, &log_grant, 1, 1);
		if (s < 0)
			refused(m, s);
	}
}

static bool alone(void)
{
	struct proc_info pi;

	return sys_proc_info(ROOT_SLOT_SPAWN, 1, &pi) != TS_OK;
}

int main(void)
{
	struct sys_info si;
	struct msg m;
	uint64_t w[4] = { 0 };
	bool have_caller = false;
	ts_status s;

	if (sys_sys_info(ROOT_SLOT_SPAWN, &si) != TS_OK)
		si.cmdline[0] = '\0';
	si.cmdline[sizeof(si.cmdline) - 1] = '\0';
	drain_kernel_log();
	if (cmdline_has(si.cmdline, "init"))
		start_as_init();
	else
		start_each();

	for (;;) {
		drain_kernel_log();
		ipc_header()->timeout_ns = POLL_NS;
		if (have_caller)
			s = ipc_reply_recv(SLOT_LOG_EP, IPC_INFO(CONSOLE_WRITE, 0), w, &m);
		else
			s = ipc_recv(SLOT_LOG_EP, &m);
		have_caller = false;
		if (s == TS_OK && IPC_INFO_LABEL(m.info) == CONSOLE_WRITE) {
			uint32_t n = IPC_INFO_LEN(m.info);
			drain_kernel_log();
			program_text(ipc_header()->sender_pid, ipc_header()->sender_name,
				     (const char *)ipc_payload(), n);
			w[0] = n;
			have_caller = true;
			continue;
		}
		if (s == TS_OK) { /* some other label: refuse it, keep going */
			w[0] = (uint64_t)TS_E_INVAL;
			have_caller = true;
			continue;
		}
		if (alone()) {
			drain_kernel_log();
			flush_all();
			return 0;
		}
	}
}
