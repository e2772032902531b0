/*
 * proc.h - processes and threads.  One thread per process for now; the two
 * are separate objects (separate pools) because IPC blocks threads.
 */
#ifndef TESSERA_KERNEL_PROC_H
#define TESSERA_KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>
#include "include/abi/status.h"
#include "kernel/config.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/trap.h"
#include "kernel/arch/x86_64/fpu.h"

enum thread_state {
	THREAD_READY = 1,   /* on a run queue */
	THREAD_RUNNING = 2, /* the current thread */
	THREAD_DEAD = 3,
};

struct proc;

struct thread {
	struct fpu_state fpu;     /* x87/SSE/AVX registers while not in ring 3 */
	struct trap_frame ctx;   /* user registers while not running */
	bool ctx_from_syscall;   /* sysret may restore it (rcx/r11 are spent) */
	enum thread_state state;
	unsigned priority;       /* 0 .. SCHED_PRIORITIES-1, higher runs first */
	struct thread *next;     /* run-queue link */
	struct proc *proc;
};

struct proc {
	uint32_t pid;
	unsigned slot; /* index in the process pool: names the PCID pair */
	char name[PROC_NAME_MAX];
	struct addrspace as;
	struct thread *thread;
	uint32_t pages_quota, pages_used;
	char line[PROC_LINE_MAX]; /* SYS_DEBUG_WRITE line buffer */
	uint32_t line_len;
};

void proc_init(void);
ts_status proc_spawn_elf(const char *name, const uint8_t *image, uint64_t size,
			 unsigned priority, struct proc **out);
void proc_kill(struct proc *p, const char *why);
void proc_flush_line(struct proc *p);
void proc_exit(struct proc *p, int64_t code);
unsigned proc_count(void);
struct proc *proc_by_slot(unsigned slot);
bool proc_accounting_ok(void);

#endif
