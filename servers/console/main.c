/*
 * console - the trusted console (S3): owns the terminal through the UART
 * driver, runs the line discipline, and serves its clients
 * (servers/console/protocol.h).
 *
 * Capability slots (granted by init, or by termtest in the tests):
 *   0  endpoint      RECV       its clients; the badge tells them apart,
 *                               CONSOLE_BADGE_FOREGROUND owns the input
 *   1  endpoint      SEND       the UART driver (servers/uart/protocol.h)
 *   2  notification  SEND|RECV  its own: bound to this thread, so a receive
 *                               also returns its bits; the UART driver
 *                               signals UART_INPUT_BIT on it
 *   3  notification  SEND       the foreground client's "input ready"
 *                               (CONSOLE_INPUT_BIT)
 *
 * It never blocks a caller: the UART driver answers at once, so a request
 * costs at most a few calls to it.  Input is bounded: a cooked line is at
 * most CONSOLE_LINE_MAX bytes, and at most CONSOLE_INPUT_MAX bytes wait
 * for the client; more is dropped and counted.
 */
#include <stdbool.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "servers/console/protocol.h"
#include "servers/uart/protocol.h"

enum {
	SLOT_EP = 0,
	SLOT_UART = 1,
	SLOT_SELF = 2,
	SLOT_FG = 3,
};

#define CTRL(c) ((c) & 0x1f)
#define PULL_ROUNDS 16 /* UART_READ calls per wake-up, at most */

static uint64_t mode = CONSOLE_MODE_COOKED;

/* The cooked line being typed (never holds its '\n'). */
static char edit[CONSOLE_LINE_MAX];
static uint32_t edit_len;
static bool last_cr;

/* Input waiting for the foreground client: whole lines when cooked. */
static uint8_t input[CONSOLE_INPUT_MAX];
static uint32_t in_head, in_count;
static uint64_t in_dropped;
static bool in_added;

/* Bytes for the terminal, sent in one UART_WRITE per flush. */
static uint8_t out[IPC_PAYLOAD_MAX];
static uint32_t out_len;
static bool at_line_start = true; /* the last byte out was '\n' */

/* What the foreground client has on the terminal's current line (its
 * output since its last '\n'), replayed after a background client's
 * text so that text gets lines of its own without wrecking a prompt.
 * Past FG_LINE_MAX bytes it is not replayed. */
#define FG_LINE_MAX 1024
static uint8_t fg_line[FG_LINE_MAX];
static uint32_t fg_line_len;
static bool fg_line_lost;

/* A CONSOLE_WRITE's text, copied out of the IPC buffer (which the calls
 * to the UART driver reuse). */
static uint8_t req[IPC_PAYLOAD_MAX];

static void out_flush(void)
{
	if (!out_len)
		return;
	ipc_call_bytes(SLOT_UART, UART_WRITE, out, out_len, NULL);
	out_len = 0;
}

static void out_byte(uint8_t c)
{
	if (out_len == sizeof(out))
		out_flush();
	out[out_len++] = c;
	at_line_start = c == '\n';
}

static void fg_line_track(uint8_t c)
{
	if (c == '\n') {
		fg_line_len = 0;
		fg_line_lost = false;
	} else if (fg_line_len == FG_LINE_MAX) {
		fg_line_lost = true;
	} else {
		fg_line[fg_line_len++] = c;
	}
}

static void out_str(const char *s)
{
	while (*s)
		out_byte((uint8_t)*s++);
}

/* Queues n bytes for the client, all or nothing. */
static void in_put(const void *p, uint32_t n)
{
	const uint8_t *b = p;

	if (n > CONSOLE_INPUT_MAX - in_count) {
		in_dropped += n;
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		input[(in_head + in_count + i) % CONSOLE_INPUT_MAX] = b[i];
	in_count += n;
	in_added = true;
}

static void in_take(uint8_t *dst, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		dst[i] = input[(in_head + i) % CONSOLE_INPUT_MAX];
	in_head = (in_head + n) % CONSOLE_INPUT_MAX;
	in_count -= n;
}

static void erase_chars(uint32_t n)
{
	while (n--)
		out_str("\b \b");
}

/* The line discipline: one typed byte. */
static void cooked(uint8_t c)
{
	if (c == '\n' && last_cr) {
		last_cr = false; /* the LF of a CR LF pair */
		return;
	}
	last_cr = c == '\r';
	switch (c) {
	case '\r':
	case '\n':
		edit[edit_len] = '\n';
		in_put(edit, edit_len + 1);
		edit_len = 0;
		out_str("\r\n");
		fg_line_track('\n');
		return;
	case 0x7f:
	case 0x08:
		if (edit_len) {
			edit_len--;
			erase_chars(1);
		}
		return;
	case CTRL('U'):
		erase_chars(edit_len);
		edit_len = 0;
		return;
	case CTRL('C'):
		edit_len = 0;
		out_str("^C\r\n");
		fg_line_track('\n');
		return;
	default:
		if ((c < 0x20 && c != '\t') || c > 0x7e)
			return; /* other control bytes do nothing */
		if (edit_len == CONSOLE_LINE_MAX - 1) {
			out_byte('\a');
			return;
		}
		edit[edit_len++] = (char)c;
		out_byte(c);
	}
}

/* The UART driver has input: fetch it all and run it through the
 * discipline, then tell the client if something is ready. */
static void pull_input(void)
{
	static uint8_t buf[IPC_PAYLOAD_MAX];
	uint64_t w[4] = { 0 };
	struct msg r;

	for (int round = 0; round < PULL_ROUNDS; round++) {
		ts_status s = ipc_call(SLOT_UART, IPC_INFO(UART_READ, 0), w, &r);
		int64_t n = (int64_t)r.w[0];
		if (s != TS_OK || n <= 0)
			break;
		if (n > IPC_INFO_LEN(r.info))
			n = IPC_INFO_LEN(r.info);
		memcpy(buf, ipc_payload(), (size_t)n);
		for (int64_t i = 0; i < n; i++) {
			if (mode == CONSOLE_MODE_RAW)
				in_put(&buf[i], 1);
			else
				cooked(buf[i]);
		}
	}
	out_flush();
	if (in_added) {
		in_added = false;
		notify_signal(SLOT_FG, CONSOLE_INPUT_BIT);
	}
}

/* CONSOLE_WRITE: '\n' becomes "\r\n".  A background client's text gets
 * whole lines of its own, its control bytes shown as '?', and then the
 * foreground's unfinished line (a prompt, a half-typed command) is drawn
 * again below it.  Foreground output in cooked mode while a line is being
 * typed starts on a new line, and the typed part is drawn again after it
 * (as a tty with "reprint" would). */
static uint64_t con_write(uint64_t badge, uint32_t len)
{
	bool fg = badge == CONSOLE_BADGE_FOREGROUND;
	bool typing = fg && mode == CONSOLE_MODE_COOKED && edit_len > 0;

	memcpy(req, ipc_payload(), len);
	if ((!fg || typing) && !at_line_start)
		out_str("\r\n");
	for (uint32_t i = 0; i < len; i++) {
		uint8_t c = req[i];
		if (fg)
			fg_line_track(c);
		if (c == '\n') {
			out_str("\r\n");
			continue;
		}
		if (!fg && c != '\t' && (c < 0x20 || c > 0x7e))
			c = '?';
		out_byte(c);
	}
	if (!fg && !at_line_start)
		out_str("\r\n");
	if (!fg && !fg_line_lost) {
		for (uint32_t i = 0; i < fg_line_len; i++)
			out_byte(fg_line[i]);
		if (mode == CONSOLE_MODE_COOKED)
			for (uint32_t i = 0; i < edit_len; i++)
				out_byte((uint8_t)edit[i]);
	}
	for (uint32_t i = 0; typing && i < edit_len; i++)
		out_byte((uint8_t)edit[i]);
	out_flush();
	return len;
}

/* CONSOLE_READ: one whole line (cooked) or all waiting bytes (raw). */
static uint32_t con_read(void)
{
	uint32_t n = 0;

	if (mode == CONSOLE_MODE_RAW) {
		n = in_count;
	} else {
		for (uint32_t i = 0; i < in_count; i++)
			if (input[(in_head + i) % CONSOLE_INPUT_MAX] == '\n') {
				n = i + 1;
				break;
			}
	}
	if (n > IPC_PAYLOAD_MAX)
		n = IPC_PAYLOAD_MAX;
	in_take(ipc_payload(), n);
	return n;
}

/* One request: fills the reply's words, returns its info. */
static uint64_t handle(const struct msg *m, uint64_t w[4])
{
	uint64_t label = IPC_INFO_LABEL(m->info);
	bool fg = m->badge == CONSOLE_BADGE_FOREGROUND;
	uint32_t n;

	memset(w, 0, 4 * sizeof(w[0]));
	switch (label) {
	case CONSOLE_PING:
		return IPC_INFO(label, 0);
	case CONSOLE_WRITE:
		w[0] = con_write(m->badge, IPC_INFO_LEN(m->info));
		return IPC_INFO(label, 0);
	case CONSOLE_READ:
		if (!fg)
			break;
		n = con_read();
		w[0] = n;
		w[1] = in_dropped;
		return IPC_INFO(label, n);
	case CONSOLE_SET_MODE:
		if (!fg)
			break;
		if (m->w[0] != CONSOLE_MODE_COOKED && m->w[0] != CONSOLE_MODE_RAW) {
			w[0] = (uint64_t)TS_E_INVAL;
			return IPC_INFO(label, 0);
		}
		w[0] = mode;
		if (m->w[0] != mode) {
			mode = m->w[0];
			edit_len = 0;
			last_cr = false;
		}
		return IPC_INFO(label, 0);
	default:
		w[0] = (uint64_t)TS_E_INVAL;
		return IPC_INFO(label, 0);
	}
	w[0] = (uint64_t)TS_E_DENIED;
	return IPC_INFO(label, 0);
}

int main(void)
{
	struct msg m;
	uint64_t w[4];
	ts_status s;

	ipc_header()->timeout_ns = 0;
	s = sys_notify_bind(SLOT_SELF);
	if (s != TS_OK) {
		printf("console: cannot bind its notification: %s\n", ts_status_name(s));
		return 1;
	}
	s = ipc_recv(SLOT_EP, &m);
	for (;;) {
		if (s != TS_OK) {
			printf("console: receive ended: %s\n", ts_status_name(s));
			return 1;
		}
		if (IPC_INFO_LABEL(m.info) == IPC_LABEL_NOTIFY) {
			if (m.badge & UART_INPUT_BIT)
				pull_input();
			s = ipc_recv(SLOT_EP, &m);
			continue;
		}
		s = ipc_reply_recv(SLOT_EP, handle(&m, w), w, &m);
	}
}
