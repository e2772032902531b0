/*
 * kcheck.h - the whole-kernel accounting check (pools, frames, page
 * tables), run in test boots only.  See kcheck.c.
 */
#ifndef TESSERA_KERNEL_KCHECK_H
#define TESSERA_KERNEL_KCHECK_H

#include <stdint.h>

/* Syscalls between two periodic checks in a test boot. */
#define KCHECK_EVERY 256

/* Runs every check now; panics naming the identity that does not hold. */
void kcheck_all(const char *when);
/* Counts a syscall; runs kcheck_all every KCHECK_EVERY (test boots). */
void kcheck_after_syscall(void);
/* Test-only kernel: reads the hooks corrupt_pool / leak_frame. */
void kcheck_test_hooks(void);
/* How many checks ran (all passed: a failure panics). */
uint64_t kcheck_count(void);

#endif
