/*
 * cap.h - capability tables and the derivation tree (A1-A3).
 *
 * A capability is a node in one global pool (the derivation tree); a
 * process's table holds (node, generation) pairs that user code names by
 * slot index only.  Freeing a node bumps its generation, so every slot
 * that still names it reads as revoked from then on (fails closed with
 * TS_E_REVOKED).  See docs/IPC.md for the invariants.
 */
#ifndef TESSERA_KERNEL_CAP_H
#define TESSERA_KERNEL_CAP_H

#include <stdbool.h>
#include <stdint.h>
#include "include/abi/cap.h"
#include "include/abi/status.h"

#define CAPNODE_NIL 0xffffffffu
#define CAP_NODES 512

struct capnode {
	uint32_t type;   /* enum cap_type */
	uint32_t rights;
	uint32_t parent; /* node this one was derived from, or CAPNODE_NIL */
	uint32_t reserved;
	uint64_t badge;
	uint64_t object; /* endpoint/notification index, module mask, ... */
};

struct cap_slot {
	uint32_t node; /* CAPNODE_NIL when empty */
	uint32_t generation;
};

struct proc;

void cap_init(void);
void cap_table_clear(struct cap_slot *table);
ts_status cap_lookup(const struct proc *p, uint64_t slot, uint32_t type,
		     uint32_t rights, const struct capnode **out);
ts_status cap_install_root(struct proc *p, unsigned slot, uint32_t type,
			   uint32_t rights, uint64_t object);
ts_status cap_derive(const struct proc *from, unsigned from_slot,
		     struct proc *to, unsigned to_slot, uint32_t rights,
		     uint64_t badge);
unsigned cap_revoke_derived(struct proc *p, unsigned slot);
ts_status cap_delete(struct proc *p, unsigned slot);
void cap_release_all(struct proc *p);
ts_status cap_info(const struct proc *p, unsigned slot, struct cap_info *out);
uint32_t cap_nodes_in_use(void);
unsigned cap_io_ranges(const struct proc *p, uint32_t (*ranges)[2], unsigned max);
/* Bumped whenever any capability is created or freed. */
extern uint64_t cap_epoch;
uint32_t cap_index(const struct capnode *n);
bool cap_tree_ok(void);

/* Object hooks (endpoint.c): a capability to an object came or went. */
void object_cap_added(uint32_t type, uint64_t object, uint32_t rights);
void object_cap_removed(uint32_t type, uint64_t object, uint32_t rights);
/* A node is gone: threads blocked through it stop waiting (E_REVOKED). */
void ipc_cap_node_freed(uint32_t node);

#endif
