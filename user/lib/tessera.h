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
#include "include/abi/cap.h"
#include "include/abi/ipc.h"

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
ts_status sys_map(unsigned memory_slot, uint64_t va, uint64_t len, uint32_t prot);
ts_status sys_map_frame(unsigned slot, uint64_t va, uint64_t len, uint32_t prot);
ts_status sys_unmap(uint64_t va, uint64_t len);
ts_status sys_getpid(void);
uint64_t sys_time_ns(void);

/* A received (or reply) message: what the kernel put in registers. */
struct msg {
	uint64_t badge; /* stamped by the kernel from the sender's capability */
	uint64_t info;  /* IPC_INFO(label, payload length) */
	uint64_t w[4];
};

ts_status ipc_send(uint64_t slot, uint64_t info, const uint64_t w[4]);
ts_status ipc_call(uint64_t slot, uint64_t info, const uint64_t w[4], struct msg *reply);
ts_status ipc_recv(uint64_t slot, struct msg *m);
ts_status ipc_reply_recv(uint64_t slot, uint64_t info, const uint64_t w[4], struct msg *m);
ts_status ipc_reply(uint64_t info, const uint64_t w[4]);
/* Calls slot with label and buf[0..len) as payload (len <= IPC_PAYLOAD_MAX,
 * clipped) and no words; the reply goes to *reply if reply is not NULL. */
ts_status ipc_call_bytes(uint64_t slot, uint64_t label, const void *buf,
			 size_t len, struct msg *reply);
ts_status notify_signal(uint64_t slot, uint64_t bits);
ts_status notify_wait(uint64_t slot, uint64_t *bits);
ts_status sys_spawn(uint64_t spawn_slot, uint64_t module, const struct cap_grant *g,
		    uint64_t count, uint64_t priority);
/* As sys_spawn, binding the child to principal (32 bytes), or to the
 * caller's own when principal is NULL (D1, docs/IDENTITY.md). */
ts_status sys_spawn_as(uint64_t spawn_slot, uint64_t module, const struct cap_grant *g,
		       uint64_t count, uint64_t priority, const uint8_t *principal);
/* The caller's own principal; TS_E_NOENT if it has none. */
ts_status sys_principal(uint8_t key[PRINCIPAL_BYTES]);
/* The caller's sealed boot module, once (the key store's seed). */
ts_status sys_sealed_take(void *buf, uint64_t len);
ts_status sys_cap_info(uint64_t slot, struct cap_info *out);
ts_status sys_cap_revoke(uint64_t slot);
ts_status sys_cap_delete(uint64_t slot);
/* The calling thread's receives also return this notification's bits
 * (label IPC_LABEL_NOTIFY, badge = the bits). */
ts_status sys_notify_bind(uint64_t ntf_slot);
/* Each interrupt on the line masks it and signals bits on the
 * notification; sys_irq_ack unmasks it again. */
ts_status sys_irq_bind(uint64_t irq_slot, uint64_t ntf_slot, uint64_t bits);
ts_status sys_irq_ack(uint64_t irq_slot);

static inline struct ipc_header *ipc_header(void)
{
	return (struct ipc_header *)IPC_BUFFER_VA;
}

static inline void *ipc_payload(void)
{
	return (void *)IPC_PAYLOAD_VA;
}

/* By convention the slot of an endpoint that takes CONSOLE_WRITE text:
 * printf's only way out (print.c). */
#define LOG_SLOT 63

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void puts_raw(const char *s);
void spin_ns(uint64_t ns);

#endif
