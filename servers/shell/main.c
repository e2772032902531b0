/*
 * shell - the command shell on the trusted console (S3).
 *
 * Capability slots (granted by init, or by termtest in the tests):
 *   0  endpoint      SEND  the console (servers/console/protocol.h), with
 *                          badge CONSOLE_BADGE_FOREGROUND: the keyboard
 *   1  notification  RECV  "input ready" (the console signals it)
 *   2  endpoint      SEND  init (servers/init/protocol.h): ps, caps, kill,
 *                          revoke, mem
 *   3  audit-read    READ  the kernel's audit ring (the audit command)
 *   4  endpoint      SEND  the TPM driver (servers/tpm/protocol.h): attest
 *
 * The console runs in raw mode for the shell, which does its own line
 * editing: left/right arrows, ^B/^F, ^A/^E (and Home/End), backspace/DEL,
 * Delete and ^D (delete under the cursor), ^K (kill to the end), ^U (erase
 * the line), ^C (drop the line), ^L (clear the screen), up/down (history
 * of HISTORY_MAX lines), tab (complete a command name).  The commands are
 * in commands.c.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>
#include "servers/shell/shell.h"
#include "servers/console/protocol.h"
#include "lib/fmt.h"

#define CTRL(c) ((c) & 0x1f)
#define HISTORY_MAX 16

/* ------------------------------------------------------------ output */

static char obuf[IPC_PAYLOAD_MAX];
static size_t olen;

void out_flush(void)
{
	if (!olen)
		return;
	ipc_call_bytes(SLOT_CONSOLE, CONSOLE_WRITE, obuf, olen, NULL);
	olen = 0;
}

void out_write(const char *s, size_t n)
{
	while (n) {
		size_t k = sizeof(obuf) - olen;
		if (k == 0) {
			out_flush();
			continue;
		}
		if (k > n)
			k = n;
		memcpy(obuf + olen, s, k);
		olen += k;
		s += k;
		n -= k;
	}
}

void out_str(const char *s)
{
	out_write(s, strlen(s));
}

void out_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	out_write(buf, (size_t)n);
}

/* ------------------------------------------------------------ editor */

static char line[SHELL_LINE_MAX + 1];
static size_t len, cur; /* bytes in line; cursor position */

static char history[HISTORY_MAX][SHELL_LINE_MAX + 1];
static unsigned hist_count; /* lines ever added; the newest is hist_count-1 */
static unsigned hist_back;  /* 0: editing a new line; k: k-th newest shown */
static char saved[SHELL_LINE_MAX + 1]; /* the new line while browsing */

static enum { ESC_NONE, ESC_START, ESC_CSI, ESC_SS3 } esc;
static unsigned esc_param;
static bool last_cr;

static void cursor_left(size_t n)
{
	while (n--)
		out_str("\b");
}

static void prompt(void)
{
	out_str(SHELL_PROMPT);
	out_write(line, len);
	cursor_left(len - cur);
}

/* Shows s instead of the current line, cursor at its end. */
static void replace_line(const char *s)
{
	size_t n = strlen(s), old = len;

	cursor_left(cur);
	memcpy(line, s, n);
	len = cur = n;
	out_write(line, n);
	if (old > n) {
		for (size_t i = n; i < old; i++)
			out_str(" ");
		cursor_left(old - n);
	}
}

static void insert(const char *s, size_t n)
{
	if (n > SHELL_LINE_MAX - len) {
		out_str("\a");
		return;
	}
	memmove(line + cur + n, line + cur, len - cur);
	memcpy(line + cur, s, n);
	len += n;
	out_write(line + cur, len - cur);
	cur += n;
	cursor_left(len - cur);
}

/* Deletes the byte under the cursor and redraws the rest. */
static void delete_here(void)
{
	if (cur == len)
		return;
	memmove(line + cur, line + cur + 1, len - cur - 1);
	len--;
	out_write(line + cur, len - cur);
	out_str(" ");
	cursor_left(len - cur + 1);
}

static void backspace(void)
{
	if (cur == 0)
		return;
	cur--;
	out_str("\b");
	delete_here();
}

static void kill_to_end(void)
{
	size_t old = len;

	len = cur;
	for (size_t i = cur; i < old; i++)
		out_str(" ");
	cursor_left(old - cur);
}

static void history_add(const char *s)
{
	if (!*s)
		return;
	if (hist_count && strcmp(history[(hist_count - 1) % HISTORY_MAX], s) == 0)
		return;
	memcpy(history[hist_count % HISTORY_MAX], s, strlen(s) + 1);
	hist_count++;
}

/* dir = +1 older, -1 newer. */
static void history_move(int dir)
{
	unsigned held = hist_count < HISTORY_MAX ? hist_count : HISTORY_MAX;
	unsigned next = hist_back + (unsigned)dir;

	if ((dir > 0 && hist_back == held) || (dir < 0 && hist_back == 0)) {
		out_str("\a");
		return;
	}
	if (hist_back == 0) {
		line[len] = '\0';
		memcpy(saved, line, len + 1);
	}
	hist_back = next;
	replace_line(next ? history[(hist_count - next) % HISTORY_MAX] : saved);
}

/* Completes the command name being typed (the cursor at the end of the
 * first word). */
static void complete(void)
{
	const char *first = NULL;
	size_t common = 0;
	unsigned matches = 0;

	bool spaced = false;

	for (size_t i = 0; i < len; i++)
		spaced |= line[i] == ' ';
	if (cur != len || spaced) {
		out_str("\a");
		return;
	}
	for (unsigned i = 0; i < shell_command_count; i++) {
		const char *name = shell_commands[i].name;
		if (strncmp(name, line, len) != 0 || strlen(name) < len)
			continue;
		if (!matches++) {
			first = name;
			common = strlen(name);
		} else {
			size_t k = len;
			while (k < common && name[k] == first[k])
				k++;
			common = k;
		}
	}
	if (matches == 0) {
		out_str("\a");
	} else if (matches == 1) {
		insert(first + len, common - len);
		insert(" ", 1);
	} else if (common > len) {
		insert(first + len, common - len);
	} else {
		out_str("\n");
		for (unsigned i = 0; i < shell_command_count; i++)
			if (strncmp(shell_commands[i].name, line, len) == 0)
				out_printf("%s  ", shell_commands[i].name);
		out_str("\n");
		prompt();
	}
}

static void submit(void)
{
	char cmd[SHELL_LINE_MAX + 1];

	memcpy(cmd, line, len);
	cmd[len] = '\0';
	out_str("\n");
	history_add(cmd);
	hist_back = 0;
	len = cur = 0;
	shell_execute(cmd);
	prompt();
}

/* The final byte of ESC [ ... or ESC O ... */
static void escape_key(char c, unsigned param)
{
	switch (c) {
	case 'A':
		history_move(+1);
		break;
	case 'B':
		history_move(-1);
		break;
	case 'C':
		if (cur < len)
			out_write(&line[cur++], 1);
		break;
	case 'D':
		if (cur > 0) {
			cur--;
			out_str("\b");
		}
		break;
	case 'H':
		cursor_left(cur);
		cur = 0;
		break;
	case 'F':
		out_write(line + cur, len - cur);
		cur = len;
		break;
	case '~':
		if (param == 1 || param == 7)
			escape_key('H', 0);
		else if (param == 4 || param == 8)
			escape_key('F', 0);
		else if (param == 3)
			delete_here();
		break;
	default:
		break;
	}
}

static void key(char c)
{
	if (esc == ESC_START) {
		esc = c == '[' ? ESC_CSI : c == 'O' ? ESC_SS3 : ESC_NONE;
		esc_param = 0;
		return;
	}
	if (esc == ESC_CSI && ((c >= '0' && c <= '9') || c == ';')) {
		if (c != ';' && esc_param < 1000)
			esc_param = esc_param * 10 + (unsigned)(c - '0');
		return;
	}
	if (esc != ESC_NONE) {
		esc = ESC_NONE;
		escape_key(c, esc_param);
		return;
	}
	if (c == '\n' && last_cr) {
		last_cr = false; /* the LF of a CR LF pair */
		return;
	}
	last_cr = c == '\r';
	switch (c) {
	case '\r':
	case '\n':
		submit();
		break;
	case 0x1b:
		esc = ESC_START;
		break;
	case 0x7f:
	case 0x08:
		backspace();
		break;
	case '\t':
		complete();
		break;
	case CTRL('A'):
		escape_key('H', 0);
		break;
	case CTRL('E'):
		escape_key('F', 0);
		break;
	case CTRL('B'):
		escape_key('D', 0);
		break;
	case CTRL('F'):
		escape_key('C', 0);
		break;
	case CTRL('D'):
		delete_here();
		break;
	case CTRL('K'):
		kill_to_end();
		break;
	case CTRL('U'):
		cursor_left(cur);
		cur = 0;
		kill_to_end();
		break;
	case CTRL('C'):
		out_str("^C\n");
		len = cur = 0;
		hist_back = 0;
		prompt();
		break;
	case CTRL('L'):
		out_str("\x1b[2J\x1b[H");
		prompt();
		break;
	default:
		if (c >= 0x20 && c <= 0x7e)
			insert(&c, 1);
		break;
	}
}

int main(void)
{
	static char in[IPC_PAYLOAD_MAX];
	uint64_t w[4] = { CONSOLE_MODE_RAW, 0, 0, 0 };
	struct msg r;
	ts_status s;

	ipc_header()->timeout_ns = 0;
	s = ipc_call(SLOT_CONSOLE, IPC_INFO(CONSOLE_SET_MODE, 0), w, &r);
	if (s != TS_OK || (int64_t)r.w[0] < 0) {
		printf("shell: cannot put the console in raw mode: %s\n",
		       ts_status_name(s != TS_OK ? s : (ts_status)r.w[0]));
		return 1;
	}
	out_str("Tessera shell. Type help for the commands.\n");
	prompt();
	out_flush();
	for (;;) {
		s = notify_wait(SLOT_INPUT, NULL);
		if (s != TS_OK) {
			printf("shell: waiting for input: %s\n", ts_status_name(s));
			return 1;
		}
		for (;;) {
			uint64_t n;
			memset(w, 0, sizeof(w));
			s = ipc_call(SLOT_CONSOLE, IPC_INFO(CONSOLE_READ, 0), w, &r);
			if (s != TS_OK) {
				printf("shell: console read: %s\n", ts_status_name(s));
				return 1;
			}
			n = (int64_t)r.w[0] < 0 ? 0 : r.w[0];
			if (n > IPC_INFO_LEN(r.info))
				n = IPC_INFO_LEN(r.info);
			if (n == 0)
				break;
			memcpy(in, ipc_payload(), n);
			for (uint64_t i = 0; i < n; i++)
				key(in[i]);
			out_flush();
		}
	}
}
