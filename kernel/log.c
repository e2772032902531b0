/*
 * log.c - the kernel's lines, panic and the QEMU exit port.
 *
 * Ring 0 prints nothing while the system runs (issue 3: no kernel print
 * path).  Its lines (boot facts, audit lines, faults) go into a fixed
 * ring of text that a holder of the audit capability reads with
 * SYS_KLOG_READ; the test logger prints them on COM1 from user space.
 * Only a panic (or a refused boot) writes to the serial port itself: it
 * first prints the part of the ring no reader has taken yet, so nothing
 * is lost, then its own line, and ends QEMU with a distinct status (65)
 * so a test can never mistake it for success.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include "kernel/log.h"
#include "kernel/arch/x86_64/x86.h"
#include <string.h>
#include "lib/fmt.h"

static void vlog(const char *prefix, const char *fmt, va_list ap, bool to_serial)
{
	char line[256];
	int n = fmt_snprintf(line, sizeof(line), "%s", prefix);

	fmt_vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	n = (int)strnlen(line, sizeof(line) - 2);
	line[n++] = '\n';
	if (!to_serial) {
		klog_ring_put(line, (size_t)n);
		return;
	}
	/* Dying: what nobody has read yet first, then the last word. */
	char unread[128];
	uint64_t got;
	while ((got = klog_ring_take_unread(unread, sizeof(unread))) > 0)
		serial_write(unread, got);
	serial_write(line, (size_t)n);
}

/*
 * No process was started, so no reader of the ring can ever exist (only
 * the first module receives the audit capability): print what the ring
 * holds, as a panic would, so a boot that refused everything still says
 * why.  The kernel then idles (or ends QEMU under exit_when_idle).
 */
void klog_orphaned(void)
{
	char unread[128];
	uint64_t got;

	while ((got = klog_ring_take_unread(unread, sizeof(unread))) > 0)
		serial_write(unread, got);
}

void klog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("", fmt, ap, false);
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
	vlog("PANIC: ", fmt, ap, true);
	va_end(ap);
	qemu_exit(QEMU_EXIT_PANIC);
}

void boot_refuse(const char *fmt, ...)
{
	va_list ap;

	cli();
	va_start(ap, fmt);
	vlog("FATAL: ", fmt, ap, true);
	va_end(ap);
	qemu_exit(QEMU_EXIT_REFUSED);
}
