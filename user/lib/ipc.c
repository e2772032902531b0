/*
 * ipc.c - IPC, notification, spawn, capability and interrupt stubs.  The
 * register layout is include/abi/ipc.h's; rcx and r11 are lost to `syscall`.
 */
#include <string.h>
#include "user/lib/tessera.h"

/* One IPC syscall: sends info and w in registers, returns status and, if m,
 * the registers the kernel filled in on delivery. */
static ts_status ipc_op(uint64_t op, uint64_t slot, uint64_t info,
			const uint64_t *w, struct msg *m)
{
	register uint64_t rdi __asm__("rdi") = slot;
	register uint64_t rsi __asm__("rsi") = info;
	register uint64_t rdx __asm__("rdx") = w ? w[0] : 0;
	register uint64_t r10 __asm__("r10") = w ? w[1] : 0;
	register uint64_t r8 __asm__("r8") = w ? w[2] : 0;
	register uint64_t r9 __asm__("r9") = w ? w[3] : 0;
	int64_t rax = (int64_t)op;

	__asm__ volatile("syscall"
			 : "+a"(rax), "+r"(rdi), "+r"(rsi), "+r"(rdx), "+r"(r10),
			   "+r"(r8), "+r"(r9)
			 :
			 : "rcx", "r11", "memory");
	if (m) {
		m->badge = rdi;
		m->info = rsi;
		m->w[0] = rdx;
		m->w[1] = r10;
		m->w[2] = r8;
		m->w[3] = r9;
	}
	return rax;
}

ts_status ipc_send(uint64_t slot, uint64_t info, const uint64_t w[4])
{
	return ipc_op(SYS_SEND, slot, info, w, NULL);
}

ts_status ipc_call(uint64_t slot, uint64_t info, const uint64_t w[4], struct msg *reply)
{
	return ipc_op(SYS_CALL, slot, info, w, reply);
}

ts_status ipc_call_bytes(uint64_t slot, uint64_t label, const void *buf,
			 size_t len, struct msg *reply)
{
	uint64_t w[4] = { 0 };
	struct msg r;

	if (len > IPC_PAYLOAD_MAX)
		len = IPC_PAYLOAD_MAX;
	memcpy(ipc_payload(), buf, len);
	return ipc_call(slot, IPC_INFO(label, len), w, reply ? reply : &r);
}

ts_status ipc_recv(uint64_t slot, struct msg *m)
{
	return ipc_op(SYS_RECV, slot, 0, NULL, m);
}

ts_status ipc_reply_recv(uint64_t slot, uint64_t info, const uint64_t w[4], struct msg *m)
{
	return ipc_op(SYS_REPLY_RECV, slot, info, w, m);
}

ts_status ipc_reply(uint64_t info, const uint64_t w[4])
{
	return ipc_op(SYS_REPLY, 0, info, w, NULL);
}

ts_status notify_signal(uint64_t slot, uint64_t bits)
{
	return syscall6(SYS_NOTIFY_SIGNAL, slot, bits, 0, 0, 0, 0);
}

ts_status notify_wait(uint64_t slot, uint64_t *bits)
{
	struct msg m;
	ts_status s = ipc_op(SYS_NOTIFY_WAIT, slot, 0, NULL, &m);

	if (bits)
		*bits = m.badge; /* rdi */
	return s;
}

ts_status sys_spawn(uint64_t spawn_slot, uint64_t module, const struct cap_grant *g,
		    uint64_t count, uint64_t priority)
{
	return sys_spawn_as(spawn_slot, module, g, count, priority, NULL);
}

ts_status sys_spawn_as(uint64_t spawn_slot, uint64_t module, const struct cap_grant *g,
		       uint64_t count, uint64_t priority, const uint8_t *principal)
{
	return syscall6(SYS_SPAWN, spawn_slot, module, (uint64_t)(uintptr_t)g,
			count, priority, (uint64_t)(uintptr_t)principal);
}

ts_status sys_principal(uint8_t key[PRINCIPAL_BYTES])
{
	return syscall6(SYS_PRINCIPAL, (uint64_t)(uintptr_t)key, 0, 0, 0, 0, 0);
}

ts_status sys_sealed_take(void *buf, uint64_t len)
{
	return syscall6(SYS_SEALED_TAKE, (uint64_t)(uintptr_t)buf, len, 0, 0, 0, 0);
}

ts_status sys_cap_info(uint64_t slot, struct cap_info *out)
{
	return syscall6(SYS_CAP_INFO, slot, (uint64_t)(uintptr_t)out, 0, 0, 0, 0);
}

ts_status sys_cap_revoke(uint64_t slot)
{
	return syscall6(SYS_CAP_REVOKE, slot, 0, 0, 0, 0, 0);
}

ts_status sys_cap_delete(uint64_t slot)
{
	return syscall6(SYS_CAP_DELETE, slot, 0, 0, 0, 0, 0);
}

ts_status sys_notify_bind(uint64_t ntf_slot)
{
	return syscall6(SYS_NOTIFY_BIND, ntf_slot, 0, 0, 0, 0, 0);
}

ts_status sys_irq_bind(uint64_t irq_slot, uint64_t ntf_slot, uint64_t bits)
{
	return syscall6(SYS_IRQ_BIND, irq_slot, ntf_slot, bits, 0, 0, 0);
}

ts_status sys_irq_ack(uint64_t irq_slot)
{
	return syscall6(SYS_IRQ_ACK, irq_slot, 0, 0, 0, 0, 0);
}
