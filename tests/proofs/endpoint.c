/*
 * endpoint.c - proof unit for kernel/endpoint.c (make prove, unit
 * "endpoint").  Includes the real kernel/endpoint.c; nothing here is
 * compiled into the kernel.
 *
 * ASSUMED, not proved here: the threads are the objects of the thread
 * pool (kernel/proc.c: POOL_DEFINE(thread_pool, struct thread,
 * MAX_THREADS) names them thread_pool_objects, static there; the proof
 * names them through the declaration below), and every struct thread *
 * the IPC functions are given points at one of them; and the contracts
 * below.
 */
#define _Alignas(x) /* fpu.h: alignment means nothing to the proof */
#include "kernel/proc.h"
extern struct thread thread_pool_objects[MAX_THREADS];

/* ASSUMED: sched_make_ready (sched.c) changes only the thread's state and
 * run-queue link, and the scheduler's own run queues (not read here);
 * time_ns reads the clock. */
#include "kernel/sched.h"
#include "kernel/arch/x86_64/apic.h"
/*@ requires \valid(t);
  @ assigns t->state, t->next;
  @ ensures t->state == THREAD_READY;
  @*/
void sched_make_ready(struct thread *t);
/*@ assigns \nothing; */
uint64_t time_ns(void);

/* ASSUMED: proc_thread_by_index (proc.c) returns the pool's i-th thread
 * or NULL and changes nothing; irq_cap_node_freed (irq.c) changes only
 * irq.c's own line table, which the ghost irq_tables stands for (none of
 * the IPC state). */
/*@ assigns \nothing;
  @ ensures \result == \null ||
  @   (i < MAX_THREADS && \result == &thread_pool_objects[i]);
  @*/
struct thread *proc_thread_by_index(unsigned i);
/*@ ghost int irq_tables; */
#include "kernel/irq.h"
/*@ assigns irq_tables; */
void irq_cap_node_freed(uint32_t node);

/* ASSUMED: irq_notification_freed (irq.c) changes only irq.c's line
 * table.  kernel/pool.c is included for the contract of pool_free_index
 * (proved in the pool unit). */
/*@ assigns irq_tables; */
void irq_notification_freed(uint64_t notification);

/* ASSUMED: audit_cap_node_freed and audit_notification_freed (audit.c)
 * change only audit.c's watcher table, which the ghost audit_table
 * stands for (none of the IPC state). */
/*@ ghost int audit_table; */
#include "kernel/audit.h"
/*@ assigns audit_table; */
void audit_cap_node_freed(uint32_t node);
/*@ assigns audit_table; */
void audit_notification_freed(uint64_t notification);

/* ASSUMED: panic (log.c) does not return. */
#include "kernel/log.h"
/*@ assigns \nothing;
  @ ensures never_returns: \false;
  @*/
void panic(const char *fmt, ...);
#include "kernel/pool.c"
#include "kernel/endpoint.c"
