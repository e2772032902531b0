/*
 * console/protocol.h - the trusted console's IPC interface.
 *
 * The console owns the terminal (through the UART driver) and serves
 * clients identified by the badge of their endpoint capability.  Every
 * request is answered at once.  When input is waiting for the foreground
 * client, the console signals that client's notification (bit
 * CONSOLE_INPUT_BIT); the client then asks for it.
 *
 * The foreground client is the one whose capability carries badge
 * CONSOLE_BADGE_FOREGROUND (the manifest decides who has the keyboard:
 * servers/init/manifest.txt gives it to the shell).
 * Only it may read or change the mode (others get TS_E_DENIED), and only
 * its output reaches the terminal unfiltered: from any other client, a
 * control byte other than '\n' and '\t' is shown as '?', so a background
 * client cannot move the cursor or redraw what the foreground shows.
 *
 * Output: '\n' is sent as "\r\n".
 *
 * Line discipline (cooked mode, the default): the console echoes typed
 * characters, handles backspace/DEL (0x08, 0x7f), ^U (erase line), ^C
 * (drop the line, echo "^C"), CR -> LF (a CR LF pair counts once), and
 * hands out whole lines ending in '\n', one per CONSOLE_READ.  A line is
 * at most CONSOLE_LINE_MAX - 1 bytes; typing beyond that rings the bell.
 * Raw mode hands out bytes as typed, with no echo (the shell uses it for
 * its own editing, history and completion).  At most CONSOLE_INPUT_MAX
 * bytes wait for the client; what does not fit is dropped and counted.
 * Switching mode drops a half-typed cooked line; input already waiting
 * stays.
 *
 * Replies carry the request's label; w0 is a count or mode (>= 0) or a
 * negative ts_status (TS_E_INVAL for an unknown label or mode,
 * TS_E_DENIED as above), as syscalls return.
 */
#ifndef TESSERA_CONSOLE_PROTOCOL_H
#define TESSERA_CONSOLE_PROTOCOL_H

enum console_label {
	CONSOLE_WRITE = 1,    /* payload: text; reply w0 = bytes accepted */
	CONSOLE_READ = 2,     /* reply payload: a line (cooked) or bytes (raw);
			       * w0 = length, 0 if nothing is ready;
			       * w1 = input bytes dropped so far */
	CONSOLE_SET_MODE = 3, /* w0 = CONSOLE_MODE_*; reply w0 = old mode */
	CONSOLE_PING = 4,     /* nothing; for round-trip measurement;
			       * reply w0 = 0 */
};

enum console_mode {
	CONSOLE_MODE_COOKED = 0,
	CONSOLE_MODE_RAW = 1,
};

#define CONSOLE_INPUT_BIT 1u
#define CONSOLE_BADGE_FOREGROUND 2u
#define CONSOLE_LINE_MAX 256u   /* cooked line, with its '\n' */
#define CONSOLE_INPUT_MAX 1024u /* bytes waiting for the client */

#endif
