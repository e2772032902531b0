/*
 * log.c - kernel lines, panic and the QEMU exit port.
 *
 * A kernel bug panics: it prints what it knows and ends QEMU with a
 * distinct status (65) so a test can never mistake it for success.
 */
#include <stdarg.h>
#include "kernel/log.h"
#include "kernel/arch/x86_64/x86.h"
#include <string.h>
#include "lib/fmt.h"

void klog_raw(const char *s, size_t n)
{
	serial_write(s, n);
}

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char line[256];
	int n = fmt_snprintf(line, sizeof(line), "%s", prefix);

	fmt_vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	n = (int)strnlen(line, sizeof(line) - 2);
	line[n++] = '\n';
	serial_write(line, (size_t)n);
}

void klog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("", fmt, ap);
	va_end(ap);
}

void qemu_exit(enum qemu_exit_code code)
{
	/* isa-debug-exit, present in test runs; a no-op port otherwise. */
	outb(0xf4, (uint8_t)code);
	halt_forever();
}

void panic(const char *fmt, ...)
{
	va_list ap;

	cli();
	va_start(ap, fmt);
	vlog("PANIC: ", fmt, ap);
	va_end(ap);
	qemu_exit(QEMU_EXIT_PANIC);
}

void boot_refuse(const char *fmt, ...)
{
	va_list ap;

	cli();
	va_start(ap, fmt);
	vlog("FATAL: ", fmt, ap);
	va_end(ap);
	qemu_exit(QEMU_EXIT_REFUSED);
}
