/*
 * cap.h - capabilities as user space sees them: a slot index into the
 * process's own table, a type, rights and a badge.  User code can only
 * name slots; the kernel holds the capabilities (A1).
 */
#ifndef TESSERA_ABI_CAP_H
#define TESSERA_ABI_CAP_H

#include <stdint.h>

#define CAP_SLOTS 64 /* per process */

enum cap_type {
	CAP_NONE = 0,
	CAP_ENDPOINT = 1,     /* IPC rendezvous point */
	CAP_NOTIFICATION = 2, /* a word of flag bits (interrupts, events) */
	CAP_FRAME = 3,        /* physical frames / MMIO region */
	CAP_IRQ = 4,          /* one interrupt line */
	CAP_IOPORT = 5,       /* a range of I/O ports */
	CAP_SPAWN = 6,        /* may start boot modules as processes */
	CAP_AUDIT_READ = 7,   /* may read the kernel's security-event ring */
	CAP_MEMORY = 8,       /* may map fresh zeroed pages (SYS_MAP), up to
			       * the holder's page quota */
	CAP_TYPE_COUNT
};

/* Rights.  GRANT: the holder may pass (a subset of) this capability to a
 * child it spawns.  Nothing else moves capabilities: not IPC (A2). */
#define CAP_R_SEND (1u << 0)
#define CAP_R_RECV (1u << 1)
#define CAP_R_GRANT (1u << 2)
#define CAP_R_READ (1u << 3)
#define CAP_R_WRITE (1u << 4)
#define CAP_R_ALL 0x1fu
/* On a spawn capability, WRITE is the right to bind a child to any
 * principal, not only the spawner's own (D1, docs/IDENTITY.md). */
#define CAP_R_ASSIGN_PRINCIPAL CAP_R_WRITE

/* What SYS_CAP_INFO writes for a slot. */
struct cap_info {
	uint32_t type;   /* enum cap_type; CAP_NONE if empty */
	uint32_t rights;
	uint64_t badge;
	uint64_t object; /* object number (endpoint index, module mask, ...) */
	int32_t state;   /* TS_OK, or TS_E_REVOKED for a revoked slot */
	uint32_t reserved;
};

/* One entry of the list a spawner gives SYS_SPAWN. */
struct cap_grant {
	uint16_t from_slot; /* in the spawner's table */
	uint16_t to_slot;   /* in the child's table */
	uint32_t rights;    /* must be a subset of the source's rights */
	uint64_t badge;     /* endpoint only: may be set if the source has none */
};

/* The capabilities the kernel gives init, the root of all authority.
 * Everything else is derived from these (docs/IPC.md). */
enum root_slot {
	ROOT_SLOT_SPAWN = 0,
	ROOT_SLOT_AUDIT = 1,
	ROOT_SLOT_ENDPOINT0 = 2,  /* ROOT_ENDPOINTS endpoints follow */
	ROOT_ENDPOINTS = 16,
	ROOT_SLOT_NOTIFY0 = ROOT_SLOT_ENDPOINT0 + ROOT_ENDPOINTS,
	ROOT_NOTIFICATIONS = 4,
	ROOT_SLOT_IOPORT_COM1 = 22, /* ports 0x3f8-0x3ff */
	ROOT_SLOT_INIT_NOTIFY = 23, /* init's own: children ending, requests */
	ROOT_SLOT_IRQ0 = 24,        /* ISA lines 0-15 follow */
	ROOT_IRQS = 16,
	ROOT_SLOT_MMIO_TPM = 40,    /* the TPM's TIS window, 5 pages */
	ROOT_SLOT_MEMORY = 41,      /* fresh memory (SYS_MAP) */
};

/* CAP_FRAME object: a page-aligned physical base | page count (< 4096).
 * Mapping it (SYS_MAP_FRAME) needs READ, and WRITE for a writable
 * mapping; device memory is never executable. */
#define FRAME_OBJECT(base, pages) ((uint64_t)(base) | ((uint64_t)(pages) & 0xfff))
#define FRAME_BASE(obj) ((obj) & ~0xfffull)
#define FRAME_PAGES(obj) ((uint32_t)((obj) & 0xfff))
#define TPM_TIS_BASE 0xfed40000ull
#define TPM_TIS_PAGES 5

/* CAP_IOPORT object: first port | count << 16.  Using the ports needs
 * READ and WRITE (the CPU's I/O bitmap cannot tell in from out). */
#define IOPORT_OBJECT(base, count) ((uint64_t)(base) | ((uint64_t)(count) << 16))
#define IOPORT_BASE(obj) ((uint32_t)((obj) & 0xffff))
#define IOPORT_COUNT(obj) ((uint32_t)(((obj) >> 16) & 0x1ffff))

#endif
