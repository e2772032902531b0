/*
 * shell.h - what the shell's two halves share: the line editor and main
 * loop (main.c) and the commands (commands.c).
 */
#ifndef TESSERA_SHELL_H
#define TESSERA_SHELL_H

#include <stddef.h>
#include <stdint.h>
#include "user/lib/tessera.h"

/* Capability slots (see main.c). */
enum {
	SLOT_CONSOLE = 0,
	SLOT_INPUT = 1,
	SLOT_INIT = 2,
	SLOT_AUDIT = 3,
	SLOT_TPM = 4,
};

#define SHELL_PROMPT "tessera> "
#define SHELL_LINE_MAX 200 /* bytes of a command line, without its NUL */
#define SHELL_ARGS_MAX 16

/* Output to the console, buffered; flushed by the main loop after every
 * batch of input and by commands that wait (bench). */
void out_write(const char *s, size_t n);
void out_str(const char *s);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_flush(void);

struct command {
	const char *name;
	const char *args; /* "" or a usage string such as "<pid>" */
	const char *help;
	void (*run)(int argc, char **argv);
};

extern const struct command shell_commands[];
extern const unsigned shell_command_count;

/* Splits line (in place) into words and runs the command they name. */
void shell_execute(char *line);

#endif
