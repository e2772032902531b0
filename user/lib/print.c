/*
 * print.c - formatted output through the kernel log path (temporary until
 * the console server of the authority issue).
 */
#include <stdarg.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "lib/fmt.h"

int printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	sys_debug_write(buf, (size_t)n);
	return n;
}

void puts_raw(const char *s)
{
	sys_debug_write(s, strlen(s));
}

/* Busy-waits: preemption, not cooperation, gives others the CPU. */
void spin_ns(uint64_t ns)
{
	uint64_t end = sys_time_ns() + ns;

	while (sys_time_ns() < end)
		;
}
