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
#include "kernel/cap.h"
#include "include/abi/ipc.h"
#include "include/abi/syscall.h"

enum thread_state {
	THREAD_READY = 1,         /* on a run queue */
	THREAD_RUNNING = 2,       /* the current thread */
	THREAD_DEAD = 3,
	THREAD_BLOCKED_SEND = 4,  /* on an endpoint's send queue */
	THREAD_BLOCKED_RECV = 5,  /* on an endpoint's receive queue */
	THREAD_BLOCKED_REPLY = 6, /* its call was delivered; awaiting the reply */
	THREAD_BLOCKED_NOTIFY = 7, /* waiting on a notification */
};

struct endpoint;
struct notification;

struct proc;

struct thread {
	struct fpu_state fpu;     /* x87/SSE/AVX registers while not in ring 3 */
	struct trap_frame ctx;   /* user registers while not running */
	bool ctx_from_syscall;   /* sysret may restore it (rcx/r11 are spent) */
	enum thread_state state;
	unsigned priority;       /* 0 .. SCHED_PRIORITIES-1, higher runs first */
	struct thread *next;     /* run-queue link */
	struct proc *proc;

	/* IPC (endpoint.c).  A blocked thread's message is its saved ctx. */
	struct endpoint *ep;        /* queue it waits on, or NULL */
	struct notification *ntf;   /* notification it waits on, or NULL */
	struct thread *ep_next;     /* link in that queue */
	uint64_t ep_badge;          /* badge of the capability a sender used */
	bool ep_is_call;            /* a blocked sender that wants a reply */
	struct thread *reply_to;    /* the caller this thread owes a reply */
	struct thread *awaiting;    /* the server this caller waits on */
	uint64_t deadline_ns;       /* 0: no timeout */
	uint32_t wait_cap;          /* capability node it blocked through */
	struct notification *bound_ntf; /* delivered through ipc_recv */
};

struct proc {
	uint32_t pid;
	uint32_t parent_pid;  /* 0 for processes the kernel started */
	uint64_t child_ntf;   /* notification signalled when a child ends */
	uint64_t child_bits;  /* 0: none registered */
	unsigned slot; /* index in the process pool: names the PCID pair */
	char name[PROC_NAME_MAX];
	struct addrspace as;
	struct thread *thread;
	uint32_t pages_quota, pages_used;
	struct cap_slot caps[CAP_SLOTS];
	uint64_t ipcbuf_pa[IPC_BUFFER_PAGES]; /* header, payload */
	uint8_t principal[PRINCIPAL_BYTES]; /* D1: set at spawn, never changed;
					      * all zero: none (principal.c) */
};

void proc_init(void);
ts_status proc_spawn_elf(const char *name, const uint8_t *image, uint64_t size,
			 unsigned priority, struct proc **out);
struct thread *proc_thread_by_index(unsigned i);
void proc_kill(struct proc *p, const char *why);
void proc_exit(struct proc *p, int64_t code);
unsigned proc_count(void);
struct proc *proc_by_slot(unsigned slot);
struct proc *proc_by_pid(uint32_t pid);
bool proc_is_ancestor(uint32_t ancestor, const struct proc *p);
bool proc_accounting_ok(void);

#endif
