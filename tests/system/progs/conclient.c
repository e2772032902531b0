/*
 * conclient - a foreground client of the console in cooked mode, for the
 * term_console_* cases (modules termtest uart console conclient).
 * Slots (from termtest): 0 console SEND with badge CONSOLE_BADGE_FOREGROUND;
 * 1 notification RECV (input ready); 2, 3 unused (the shell's init and
 * audit slots); 4 console SEND with badge 5, a background client.
 *
 * It prints through the console (so what it says passes the same path as
 * what it checks): the refusals a background client gets, then each
 * cooked line it reads (four), then the bytes it reads in raw mode.
 */
#include <stdarg.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "servers/console/protocol.h"
#include "lib/fmt.h"

enum { SLOT_FG = 0, SLOT_INPUT = 1, SLOT_BG = 4 };

static ts_status con_call(uint64_t slot, uint64_t label, uint64_t w0, uint32_t len,
			  struct msg *r)
{
	uint64_t w[4] = { w0, 0, 0, 0 };
	ts_status s = ipc_call(slot, IPC_INFO(label, len), w, r);

	return s != TS_OK ? s : (ts_status)r->w[0];
}

static void write_to(uint64_t slot, const char *text, size_t n)
{
	struct msg r;

	memcpy(ipc_payload(), text, n);
	con_call(slot, CONSOLE_WRITE, 0, (uint32_t)n, &r);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	write_to(SLOT_FG, buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* Waits for input, then reads once; returns the length, bytes in buf. */
static ts_status read_some(char *buf)
{
	struct msg r;
	ts_status n;

	for (;;) {
		n = con_call(SLOT_FG, CONSOLE_READ, 0, 0, &r);
		if (n != 0)
			break;
		if (notify_wait(SLOT_INPUT, NULL) != TS_OK)
			return TS_E_DEAD;
	}
	if (n > 0)
		memcpy(buf, ipc_payload(), (size_t)n);
	return n;
}

int main(void)
{
	static char buf[IPC_PAYLOAD_MAX + 1];
	static const char bg_text[] = "bg: \x1b[2J\a done\n";
	struct msg r;
	ts_status n;
	int got = 0;

	ipc_header()->timeout_ns = 0;
	say("conclient: %s background read -> %s\n",
	    con_call(SLOT_BG, CONSOLE_READ, 0, 0, &r) == TS_E_DENIED ? "ok" : "FAILED",
	    ts_status_name(con_call(SLOT_BG, CONSOLE_READ, 0, 0, &r)));
	say("conclient: %s background set_mode -> %s\n",
	    con_call(SLOT_BG, CONSOLE_SET_MODE, CONSOLE_MODE_RAW, 0, &r) == TS_E_DENIED ?
		    "ok" : "FAILED",
	    ts_status_name(con_call(SLOT_BG, CONSOLE_SET_MODE, CONSOLE_MODE_RAW, 0, &r)));
	write_to(SLOT_BG, bg_text, sizeof(bg_text) - 1);
	say("conclient: ready (cooked)\n");
	for (int line = 1; line <= 4; line++) {
		n = read_some(buf);
		if (n <= 0 || buf[n - 1] != '\n') {
			say("conclient: FAILED line %d: %ld bytes\n", line, (long)n);
			return 1;
		}
		buf[n - 1] = '\0';
		say("conclient: line %d '%s'\n", line, buf);
	}
	n = con_call(SLOT_FG, CONSOLE_SET_MODE, CONSOLE_MODE_RAW, 0, &r);
	say("conclient: raw mode (was %ld)\n", (long)n);
	while (got < 3) {
		n = read_some(buf + got);
		if (n <= 0 || n > 3 - got) {
			say("conclient: FAILED raw read: %ld\n", (long)n);
			return 1;
		}
		got += (int)n;
	}
	say("conclient: raw bytes %02x %02x %02x\n", (uint8_t)buf[0], (uint8_t)buf[1],
	    (uint8_t)buf[2]);
	return 0;
}
