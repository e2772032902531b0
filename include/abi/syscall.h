/*
 * syscall.h - the kernel-user ABI: syscall numbers and calling convention.
 *
 * Convention (x86-64 `syscall`): rax = number; arguments in rdi, rsi, rdx,
 * r10, r8, r9; the result comes back in rax as a ts_status (status.h).
 * rcx and r11 are clobbered, as the instruction demands.  Every syscall is
 * documented in docs/SYSCALLS.md.
 */
#ifndef TESSERA_ABI_SYSCALL_H
#define TESSERA_ABI_SYSCALL_H

#include <stdint.h>

enum syscall_number {
	SYS_EXIT = 0,        /* (code) -> does not return */
	SYS_YIELD = 1,       /* () -> TS_OK */
	/* 2 was SYS_DEBUG_WRITE, the temporary kernel print path: gone
	 * (E_NOSYS, audited); programs print through a log or console server. */
	SYS_MAP = 3,         /* (memory slot, va, len, prot) -> TS_OK; fresh zeroed pages */
	SYS_UNMAP = 4,       /* (va, len) -> TS_OK */
	SYS_GETPID = 5,      /* () -> pid */
	SYS_TIME_NS = 6,     /* () -> nanoseconds since boot */
	SYS_SEND = 7,        /* (slot, info, w0..w3) -> status */
	SYS_RECV = 8,        /* (slot) -> status; badge, info, w0..w3 */
	SYS_CALL = 9,        /* (slot, info, w0..w3) -> status; reply */
	SYS_REPLY_RECV = 10, /* (slot, info, w0..w3): reply, then receive */
	SYS_REPLY = 11,      /* (-, info, w0..w3) -> status */
	SYS_NOTIFY_SIGNAL = 12, /* (slot, bits) -> status */
	SYS_NOTIFY_WAIT = 13,   /* (slot) -> status; bits in rdi */
	SYS_SPAWN = 14,      /* (slot, module, grants, count, priority, principal) -> pid */
	SYS_CAP_INFO = 15,   /* (slot, struct cap_info *) -> status */
	SYS_CAP_REVOKE = 16, /* (slot) -> number of capabilities revoked */
	SYS_CAP_DELETE = 17, /* (slot) -> status */
	SYS_NOTIFY_BIND = 18, /* (slot): its bits arrive through SYS_RECV */
	SYS_IRQ_BIND = 19,   /* (irq slot, notification slot, bits) */
	SYS_IRQ_ACK = 20,    /* (irq slot): unmask the line again */
	SYS_AUDIT_READ = 21, /* (slot, from seq, records, max) -> count */
	SYS_AUDIT_BIND = 22, /* (slot, notification slot, bits) */
	SYS_MODULE_INFO = 23, /* (spawn slot, index, struct module_info *) */
	SYS_MODULE_READ = 24, /* (spawn slot, index, offset, buf, len) -> bytes */
	SYS_PROC_INFO = 25,  /* (spawn slot, index, struct proc_info *) */
	SYS_PROC_KILL = 26,  /* (spawn slot, pid): a descendant of the caller */
	SYS_PROC_CAP = 27,   /* (spawn slot, pid, slot, struct cap_info *) */
	SYS_PROC_REVOKE = 28, /* (spawn slot, pid, slot): delete a descendant's */
	SYS_SYS_INFO = 29,   /* (spawn slot, struct sys_info *) */
	SYS_CHILD_NOTIFY = 30, /* (notification slot, bits): on child exit */
	SYS_AUDIT_WRITE = 31, /* (audit slot, text, len): a report, stamped */
	SYS_MAP_FRAME = 32,  /* (frame slot, va, len, prot): map device memory */
	SYS_KLOG_READ = 33,  /* (audit slot, uint64_t *offset, buf, len) -> bytes */
	SYS_PRINCIPAL = 34,  /* (uint8_t key[32]) -> status: the caller's own (D1) */
	SYS_SEALED_TAKE = 35, /* (buf, len) -> bytes: the caller's sealed module, once */
	SYS_COUNT
};

/* Principals (D1): an Ed25519 public key; all zero bytes mean "none"
 * (the zero encoding is a point of small order, never a valid key). */
#define PRINCIPAL_BYTES 32

/* A boot module named "<owner>-sealed" is sealed (docs/IDENTITY.md): no
 * SYS_MODULE_READ, no SYS_SPAWN; the first process named <owner> takes it
 * with SYS_SEALED_TAKE, after which the kernel wipes it. */
#define SEALED_SUFFIX "-sealed"

/* prot bits for SYS_MAP.  PROT_WRITE | PROT_EXEC together is refused (W^X). */
#define PROT_READ 1u
#define PROT_WRITE 2u
#define PROT_EXEC 4u

/* What SYS_MODULE_INFO tells about a boot module. */
struct module_info {
	char name[48];
	uint64_t size;
};

/* What SYS_PROC_INFO tells about a live process. */
struct proc_info {
	uint32_t pid;
	uint32_t parent_pid;
	uint32_t state;    /* kernel thread state: 1 ready, 2 running, 4..7 blocked */
	uint32_t priority;
	uint32_t pages_used;
	uint32_t caps_held;
	char name[32];
	uint8_t principal[32]; /* Ed25519 public key (D1); all zero: none */
};

/* What SYS_SYS_INFO tells. */
struct sys_info {
	uint64_t frames_free, frames_total;
	uint64_t cap_nodes_used, audit_records;
	uint64_t uptime_ns;
	char cmdline[128]; /* the kernel's command line, NUL-terminated */
};

/* User address space: what user code may name.  See docs/ARCHITECTURE.md. */
#define USER_SPACE_BASE 0x0000000000400000ull
#define USER_SPACE_END 0x00007fffffe00000ull /* exclusive */
#define USER_STACK_TOP 0x00007fffffd00000ull
#define USER_STACK_PAGES 16

#endif
