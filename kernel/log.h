/*
 * log.h - the kernel's own lines (boot facts, audit lines, faults) go into
 * a ring read through SYS_KLOG_READ; only panic() and boot_refuse() write
 * to COM1 (log.c says why).
 */
#ifndef TESSERA_KERNEL_LOG_H
#define TESSERA_KERNEL_LOG_H

#include <stddef.h>
#include <stdint.h>

#define KLOG_RING_SIZE 65536u /* bytes of kernel log kept for readers */

/* isa-debug-exit codes: QEMU's exit status becomes (code << 1) | 1. */
enum qemu_exit_code {
	QEMU_EXIT_CLEAN = 0x10,   /* 33: every process exited (test mode) */
	QEMU_EXIT_PANIC = 0x20,   /* 65: kernel panic */
	QEMU_EXIT_REFUSED = 0x21, /* 67: boot refused (missing CPU feature) */
};

void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* logring.c: appends to the ring; copies out what no reader has taken. */
void klog_ring_put(const char *s, size_t n);
uint64_t klog_ring_take_unread(char *out, uint64_t max);
/* Copies up to max bytes of the log from *offset (or from the oldest byte
 * still kept, if *offset is older) and advances *offset past them. */
uint64_t klog_copy(uint64_t *offset, char *out, uint64_t max);
/* log.c: prints the unread ring on COM1 when no reader can ever exist. */
void klog_orphaned(void);
void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void boot_refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void qemu_exit(enum qemu_exit_code code) __attribute__((noreturn));

/* serial.c */
void serial_init(void);
void serial_write(const char *s, size_t n);

#endif
