/*
 * derive_unchecked.c - a deliberately broken derivation: a copy of
 * cap_derive (kernel/cap.c) that forgets cap_grant_allowed, so a child
 * could get a right (or another badge) its source lacks.  Same contract
 * as cap_derive.  make prove must fail to prove it: node_create requires
 * the new node to be narrower than its parent
 * (prove/selftest-derive-without-the-grant-check-detected).  Keep it in
 * step with kernel/cap.c.
 */
#include "tests/proofs/cap.c"

/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid_read(from) && \valid(to) && proc_apart(to);
  @ requires \separated(from, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1));
  @ requires births: cap_births < 0xffffffffffffffff;
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use, capnode_pool_objects[0 .. CAP_NODES - 1],
  @   to->caps[0 .. CAP_SLOTS - 1], cap_epoch,
  @   cap_birth[0 .. CAP_NODES - 1], cap_births;
  @ ensures cap_pool_ok && tree_ok;
  @*/
ts_status derive_unchecked(const struct proc *from, unsigned from_slot,
			   struct proc *to, unsigned to_slot, uint32_t rights,
			   uint64_t badge)
{
	uint32_t idx;
	ts_status s = slot_node(from, from_slot, &idx);
	const struct capnode *src;

	if (s != TS_OK)
		return s;
	src = node_at(idx);
	return node_create(to, to_slot, idx, src->type, rights,
			   badge ? badge : src->badge, src->object);
}
