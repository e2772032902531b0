/*
 * tessera.h - the user-space view of the kernel: syscall stubs and a few
 * helpers for programs and servers.
 */
#ifndef TESSERA_USER_H
#define TESSERA_USER_H

#include <stddef.h>
#include <stdint.h>
#include "include/abi/status.h"
#include "include/abi/syscall.h"

static inline int64_t syscall6(uint64_t n, uint64_t a, uint64_t b, uint64_t c,
			       uint64_t d, uint64_t e, uint64_t f)
{
	int64_t r;
	register uint64_t r10 __asm__("r10") = d;
	register uint64_t r8 __asm__("r8") = e;
	register uint64_t r9 __asm__("r9") = f;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return r;
}

__attribute__((noreturn)) void sys_exit(int64_t code);
ts_status sys_yield(void);
ts_status sys_debug_write(const void *buf, size_t len);
ts_status sys_map(uint64_t va, uint64_t len, uint32_t prot);
ts_status sys_unmap(uint64_t va, uint64_t len);
ts_status sys_getpid(void);
uint64_t sys_time_ns(void);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void puts_raw(const char *s);
void spin_ns(uint64_t ns);

#endif
