/*
 * sched.h - preemptive priority round-robin over user threads (K5).
 */
#ifndef TESSERA_KERNEL_SCHED_H
#define TESSERA_KERNEL_SCHED_H

#include "kernel/proc.h"

extern struct thread *current;

void sched_make_ready(struct thread *t);
void sched_remove(struct thread *t);
void sched_tick(void);
void sched_yield(void);
void sched_return_to_user(void) __attribute__((noreturn));
uint64_t sched_ticks(void);

/* trap.c: restores t's registers and enters ring 3. */
void arch_return_to_user(struct thread *t) __attribute__((noreturn));
/* trap.c: forget t (its FPU registers need no saving any more). */
void arch_thread_gone(struct thread *t);

#endif
