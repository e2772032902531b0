/*
 * log.h - the kernel's own output: boot messages, audit lines and panics,
 * on COM1.  (User programs' temporary log path, SYS_DEBUG_WRITE, also ends
 * here, always behind a "[name:pid] " prefix a program cannot forge.)
 */
#ifndef TESSERA_KERNEL_LOG_H
#define TESSERA_KERNEL_LOG_H

#include <stddef.h>

/* isa-debug-exit codes: QEMU's exit status becomes (code << 1) | 1. */
enum qemu_exit_code {
	QEMU_EXIT_CLEAN = 0x10,   /* 33: every process exited (test mode) */
	QEMU_EXIT_PANIC = 0x20,   /* 65: kernel panic */
	QEMU_EXIT_REFUSED = 0x21, /* 67: boot refused (missing CPU feature) */
};

void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void klog_raw(const char *s, size_t n);
void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void boot_refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void qemu_exit(enum qemu_exit_code code) __attribute__((noreturn));

/* serial.c */
void serial_init(void);
void serial_write(const char *s, size_t n);

#endif
