/*
 * endpoint.h - synchronous rendezvous IPC and notifications (I1-I4).
 *
 * No kernel message queues: an endpoint holds only two wait lists of
 * blocked threads, and a message moves from one thread's registers (and
 * IPC buffer) to the other's at the moment both are there.
 */
#ifndef TESSERA_KERNEL_ENDPOINT_H
#define TESSERA_KERNEL_ENDPOINT_H

#include <stdint.h>
#include "include/abi/status.h"
#include "kernel/proc.h"

#define MAX_ENDPOINTS 64
#define MAX_NOTIFICATIONS 32

void ipc_init(void);
ts_status endpoint_create(uint64_t *object);
ts_status notification_create(uint64_t *object);

ts_status ipc_send(struct thread *t, uint64_t object, uint64_t badge, bool call);
ts_status ipc_recv(struct thread *t, uint64_t object);
ts_status ipc_reply(struct thread *t);
ts_status notify_signal(uint64_t object, uint64_t bits);
ts_status notify_wait(struct thread *t, uint64_t object);
ts_status notify_bind(struct thread *t, uint64_t object);

void ipc_thread_gone(struct thread *t);
void ipc_check_timeouts(uint64_t now_ns);
unsigned ipc_endpoints_in_use(void);
const char *ipc_wait_lists_broken(void); /* kcheck WAITLISTS */
bool ipc_test_break_wait_list(void);     /* TEST_HOOKS kernels only */

#endif
