/*
 * fmt.h - a small printf for the freestanding image (kernel and user).
 *
 * Conversions: %s %c %d %i %u %x %X %p %% with optional '0' flag, width,
 * and the length modifiers l, ll, z.  Output is always NUL-terminated when
 * size > 0; the return value is the length the full output would have had.
 */
#ifndef TESSERA_LIB_FMT_H
#define TESSERA_LIB_FMT_H

#include <stdarg.h>
#include <stddef.h>

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
