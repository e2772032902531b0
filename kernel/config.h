/*
 * config.h - build-time sizes of every kernel object pool and the few
 * build options.  There is no heap: these numbers are the kernel's memory.
 */
#ifndef TESSERA_KERNEL_CONFIG_H
#define TESSERA_KERNEL_CONFIG_H

#define MAX_PROCS 32
#define MAX_THREADS 32
#define AUDIT_RING_SIZE 256
#define AUDIT_WATCHERS 4   /* notifications told of new audit records */
#define SCHED_PRIORITIES 8
#define TIMER_HZ 100
#define PROC_DEFAULT_PAGE_QUOTA 256 /* pages SYS_MAP may add, per process */
#define PROC_NAME_MAX 32

/* Test-only build flag: hooks that break the kernel on purpose (a planted
 * W+X page, a ring-0 fault) so negative tests have something to catch.
 * Tested with a plain `if`, so both variants are always compiled. */
#ifdef TEST_HOOKS
#define TEST_HOOKS_ENABLED 1
#else
#define TEST_HOOKS_ENABLED 0
#endif

#endif
