/*
 * cap.c - capability tables, derivation and revocation.
 *
 * Invariants (checked by cap_tree_ok() in test runs, and by the system
 * tests cap_*):
 *   CAP-TREE   every live node's parent is CAPNODE_NIL or a live node;
 *   CAP-SUBSET a derived node's rights are a subset of its parent's, and
 *              its badge is its parent's unless the parent had none;
 *   CAP-REVOKE after cap_revoke_derived(n) returns, no live node has n as
 *              an ancestor;
 *   CAP-SLOT   a slot whose generation differs from its node's is revoked
 *              and every lookup through it returns TS_E_REVOKED.
 * Capabilities never move between processes after spawn: the only way a
 * node is created is cap_install_root (init, at boot) and cap_derive
 * (SYS_SPAWN, into a child that has not run yet).
 */
#include <string.h>
#include "kernel/cap.h"
#include "kernel/cap_rules.h"
#include "kernel/pool.h"
#include "kernel/proc.h"
#include "kernel/log.h"

POOL_DEFINE(capnode_pool, struct capnode, CAP_NODES);
static uint32_t node_generation[CAP_NODES];

void cap_init(void)
{
	pool_init(&capnode_pool);
}

static struct capnode *node_at(uint32_t idx)
{
	return (struct capnode *)(capnode_pool.storage +
				  (uint64_t)idx * capnode_pool.objsize);
}

static bool node_live(uint32_t idx)
{
	return idx < CAP_NODES && capnode_pool.link[idx] == POOL_ALLOCATED;
}

void cap_table_clear(struct cap_slot *table)
{
	for (unsigned i = 0; i < CAP_SLOTS; i++)
		table[i] = (struct cap_slot){ CAPNODE_NIL, 0 };
}

/* The live node a slot names, or the error that says why there is none. */
static ts_status slot_node(const struct proc *p, uint64_t slot, uint32_t *idx)
{
	const struct cap_slot *s;

	if (!cap_slot_valid(slot))
		return TS_E_RANGE;
	s = &p->caps[slot];
	if (s->node == CAPNODE_NIL)
		return TS_E_NOENT;
	if (!node_live(s->node) || node_generation[s->node] != s->generation)
		return TS_E_REVOKED;
	*idx = s->node;
	return TS_OK;
}

/*
 * Finds the capability in slot and checks its type and rights.  Errors,
 * most specific first: TS_E_RANGE (no such slot), TS_E_NOENT (empty),
 * TS_E_REVOKED, TS_E_TYPE, TS_E_RIGHTS.
 */
ts_status cap_lookup(const struct proc *p, uint64_t slot, uint32_t type,
		     uint32_t rights, const struct capnode **out)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);
	const struct capnode *n;

	if (s != TS_OK)
		return s;
	n = node_at(idx);
	if (type != CAP_NONE && n->type != type)
		return TS_E_TYPE;
	if ((n->rights & rights) != rights)
		return TS_E_RIGHTS;
	*out = n;
	return TS_OK;
}

static ts_status node_create(struct proc *p, unsigned slot, uint32_t parent,
			     uint32_t type, uint32_t rights, uint64_t badge,
			     uint64_t object)
{
	struct capnode *n;
	uint32_t idx;

	if (!cap_slot_valid(slot))
		return TS_E_RANGE;
	if (p->caps[slot].node != CAPNODE_NIL)
		return TS_E_EXISTS;
	n = pool_alloc(&capnode_pool);
	if (!n)
		return TS_E_NOMEM;
	idx = (uint32_t)pool_index(&capnode_pool, n);
	*n = (struct capnode){ type, rights, parent, 0, badge, object };
	p->caps[slot] = (struct cap_slot){ idx, node_generation[idx] };
	object_cap_added(type, object, rights);
	cap_epoch++;
	return TS_OK;
}

ts_status cap_install_root(struct proc *p, unsigned slot, uint32_t type,
			   uint32_t rights, uint64_t object)
{
	return node_create(p, slot, CAPNODE_NIL, type, rights, 0, object);
}

/* Derives from's slot into to's slot.  The caller checked
 * cap_grant_allowed(); checked again here so no path can skip it. */
ts_status cap_derive(const struct proc *from, unsigned from_slot,
		     struct proc *to, unsigned to_slot, uint32_t rights,
		     uint64_t badge)
{
	uint32_t idx;
	ts_status s = slot_node(from, from_slot, &idx);
	const struct capnode *src;

	if (s != TS_OK)
		return s;
	src = node_at(idx);
	s = cap_grant_allowed(src, rights, badge);
	if (s != TS_OK)
		return s;
	return node_create(to, to_slot, idx, src->type, rights,
			   badge ? badge : src->badge, src->object);
}

static void node_free(uint32_t idx)
{
	struct capnode *n = node_at(idx);

	ipc_cap_node_freed(idx);
	object_cap_removed(n->type, n->object, n->rights);
	node_generation[idx]++; /* CAP-SLOT: every slot naming it is revoked */
	cap_epoch++;
	if (pool_free(&capnode_pool, n) != TS_OK)
		panic("cap: node %u freed twice", idx);
}

/*
 * CAP-REVOKE: frees every live node that has root as an ancestor (not
 * root itself).  Marks first, frees after, so the walk never follows a
 * freed parent.  Returns how many nodes went.
 */
static unsigned revoke_below(uint32_t root)
{
	static uint8_t marked[CAP_NODES];
	bool grew = true;
	unsigned count = 0;

	memset(marked, 0, sizeof(marked));
	marked[root] = 1;
	while (grew) {
		grew = false;
		for (uint32_t i = 0; i < CAP_NODES; i++) {
			if (marked[i] || !node_live(i))
				continue;
			uint32_t parent = node_at(i)->parent;
			if (parent != CAPNODE_NIL && marked[parent]) {
				marked[i] = 1;
				grew = true;
			}
		}
	}
	for (uint32_t i = 0; i < CAP_NODES; i++) {
		if (i != root && marked[i]) {
			node_free(i);
			count++;
		}
	}
	return count;
}

/* Revokes every capability derived from p's slot; p keeps its own. */
unsigned cap_revoke_derived(struct proc *p, unsigned slot)
{
	uint32_t idx;

	if (slot_node(p, slot, &idx) != TS_OK)
		return 0;
	return revoke_below(idx);
}

/* Drops p's own capability in slot, and with it everything derived. */
ts_status cap_delete(struct proc *p, unsigned slot)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);

	if (s != TS_OK)
		return s;
	revoke_below(idx);
	node_free(idx);
	p->caps[slot] = (struct cap_slot){ CAPNODE_NIL, 0 };
	return TS_OK;
}

/* Exit revokes everything the process held, and everything derived. */
void cap_release_all(struct proc *p)
{
	for (unsigned slot = 0; slot < CAP_SLOTS; slot++) {
		uint32_t idx;
		if (slot_node(p, slot, &idx) == TS_OK) {
			revoke_below(idx);
			node_free(idx);
		}
		p->caps[slot] = (struct cap_slot){ CAPNODE_NIL, 0 };
	}
}

ts_status cap_info(const struct proc *p, unsigned slot, struct cap_info *out)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);

	memset(out, 0, sizeof(*out));
	out->state = (int32_t)s;
	if (s == TS_E_RANGE)
		return s;
	if (s == TS_OK) {
		const struct capnode *n = node_at(idx);
		out->type = n->type;
		out->rights = n->rights;
		out->badge = n->badge;
		out->object = n->object;
	}
	return TS_OK;
}

uint64_t cap_epoch;

/* The I/O-port ranges p may use: its live IOPORT capabilities with READ
 * and WRITE.  Returns how many were written to ranges. */
unsigned cap_io_ranges(const struct proc *p, uint32_t (*ranges)[2], unsigned max)
{
	unsigned n = 0;

	for (unsigned slot = 0; slot < CAP_SLOTS && n < max; slot++) {
		const struct capnode *c;
		if (cap_lookup(p, slot, CAP_IOPORT, CAP_R_READ | CAP_R_WRITE, &c) != TS_OK)
			continue;
		ranges[n][0] = IOPORT_BASE(c->object);
		ranges[n][1] = IOPORT_COUNT(c->object);
		n++;
	}
	return n;
}

uint32_t cap_index(const struct capnode *n)
{
	return (uint32_t)pool_index(&capnode_pool, n);
}

uint32_t cap_nodes_in_use(void)
{
	return capnode_pool.in_use;
}

/* CAP-TREE and CAP-SUBSET over the whole pool. */
bool cap_tree_ok(void)
{
	for (uint32_t i = 0; i < CAP_NODES; i++) {
		if (!node_live(i))
			continue;
		const struct capnode *n = node_at(i);
		if (n->parent == CAPNODE_NIL)
			continue;
		if (!node_live(n->parent))
			return false;
		const struct capnode *up = node_at(n->parent);
		if ((n->rights & ~up->rights) || n->type != up->type ||
		    n->object != up->object)
			return false;
		if (up->badge != 0 && n->badge != up->badge)
			return false;
	}
	return pool_check(&capnode_pool);
}
