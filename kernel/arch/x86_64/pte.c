/*
 * pte.c - pure x86-64 page-table-entry logic (see pte.h).
 *
 * x86-64 combines the levels of a walk this way (Intel SDM vol. 3, 4.6):
 * an access is writable only if every level has W, user-accessible only
 * if every level has U, and executable only if no level has NX.  So
 * permission is decided at the leaf, and the tables above grant all.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/status.h"
#include "kernel/arch/x86_64/pte.h"

/*
 * Builds a 4 KiB leaf entry.  Returns TS_E_WX if MAP_W and MAP_X are both
 * asked for (W^X, pte/leaf_wx_refused), checked before anything else so a
 * W+X request is always reported as such; TS_E_INVAL for unknown bits,
 * no MAP_R, or a frame address that is misaligned or not below 2^52
 * (pte/leaf_invalid_*).  Never sets G: user and kernel entries alike are
 * flushed on an address-space switch (pte/leaf_all_combinations).
 */
/*@ requires \valid(out);
  @ assigns *out;
  @ ensures result: \result == TS_OK || \result == TS_E_WX ||
  @   \result == TS_E_INVAL;
  @ ensures wx_refused: ((perms & MAP_W) != 0 && (perms & MAP_X) != 0) ==>
  @   \result == TS_E_WX;
  @ ensures never_wx: \result == TS_OK ==>
  @   ((*out & PTE_W) == 0 || (*out & PTE_NX) != 0);
  @ ensures w_iff_asked: \result == TS_OK ==>
  @   ((*out & PTE_W) != 0 <==> (perms & MAP_W) != 0);
  @ ensures x_iff_asked: \result == TS_OK ==>
  @   ((*out & PTE_NX) == 0 <==> (perms & MAP_X) != 0);
  @ ensures present: \result == TS_OK ==> (*out & PTE_P) != 0;
  @ ensures no_global: \result == TS_OK ==> (*out & PTE_G) == 0;
  @ ensures unchanged: \result != TS_OK ==> *out == \old(*out);
  @*/
/* proved: prove/pte/pte_leaf (never W and X together) */
ts_status pte_leaf(uint64_t phys, unsigned perms, uint64_t *out)
{
	uint64_t e;

	if ((perms & MAP_W) && (perms & MAP_X))
		return TS_E_WX;
	if ((perms & ~(unsigned)MAP_ALL) || !(perms & MAP_R))
		return TS_E_INVAL;
	if ((phys & ~PTE_ADDR_MASK) != 0)
		return TS_E_INVAL;

	e = phys | PTE_P;
	/*@ assert (e & PTE_P) != 0 && (e & PTE_W) == 0 &&
	  @   (e & PTE_NX) == 0 && (e & PTE_G) == 0; */
	if (perms & MAP_W)
		e |= PTE_W;
	/*@ assert (e & PTE_P) != 0 && (e & PTE_NX) == 0 &&
	  @   (e & PTE_G) == 0 && ((e & PTE_W) != 0 <==> (perms & MAP_W) != 0); */
	if (!(perms & MAP_X))
		e |= PTE_NX;
	/*@ assert (e & PTE_P) != 0 && (e & PTE_G) == 0 &&
	  @   ((e & PTE_W) != 0 <==> (perms & MAP_W) != 0) &&
	  @   ((e & PTE_NX) == 0 <==> (perms & MAP_X) != 0); */
	if (perms & MAP_USER)
		e |= PTE_U;
	/*@ assert (e & PTE_P) != 0 && (e & PTE_G) == 0 &&
	  @   ((e & PTE_W) != 0 <==> (perms & MAP_W) != 0) &&
	  @   ((e & PTE_NX) == 0 <==> (perms & MAP_X) != 0); */
	if (perms & MAP_UNCACHED)
		e |= PTE_PCD | PTE_PWT;
	/*@ assert (e & PTE_P) != 0 && (e & PTE_G) == 0 &&
	  @   ((e & PTE_W) != 0 <==> (perms & MAP_W) != 0) &&
	  @   ((e & PTE_NX) == 0 <==> (perms & MAP_X) != 0); */
	*out = e;
	return TS_OK;
}

/*
 * Returns a non-leaf entry pointing at table_phys: present and writable,
 * user-accessible if asked, executable (no NX), so only the leaf limits
 * access.  table_phys must be a 4 KiB-aligned frame; stray bits are
 * masked off rather than trusted (pte/table_entry).
 */
uint64_t pte_table(uint64_t table_phys, bool user)
{
	uint64_t e = (table_phys & PTE_ADDR_MASK) | PTE_P | PTE_W;

	if (user)
		e |= PTE_U;
	return e;
}

/*
 * Returns the permissions the walk chain[0..levels) grants: 0 if any level
 * is not present (or levels is not 1..5), else MAP_R plus MAP_W if every
 * level has W, MAP_X if no level has NX, MAP_USER if every level has U.
 * Checked by pte/effective_* including chains that hide W or X above the
 * leaf.
 */
/*@ requires chain == \null || levels < 1 || levels > 5 ||
  @   \valid_read(chain + (0 .. levels - 1));
  @ assigns \nothing;
  @ behavior refused:
  @   assumes chain == \null || levels < 1 || levels > 5;
  @   ensures \result == 0;
  @ behavior walk:
  @   assumes chain != \null && 1 <= levels <= 5;
  @   ensures not_present: \result == 0 <==>
  @     (\exists integer k; 0 <= k < levels && (chain[k] & PTE_P) == 0);
  @   ensures read: \result != 0 ==> (\result & MAP_R) != 0;
  @   ensures only: (\result & ~(MAP_R | MAP_W | MAP_X | MAP_USER)) == 0;
  @   ensures w: (\result & MAP_W) != 0 <==> (\result != 0 &&
  @     (\forall integer k; 0 <= k < levels ==> (chain[k] & PTE_W) != 0));
  @   ensures x: (\result & MAP_X) != 0 <==> (\result != 0 &&
  @     (\forall integer k; 0 <= k < levels ==> (chain[k] & PTE_NX) == 0));
  @   ensures u: (\result & MAP_USER) != 0 <==> (\result != 0 &&
  @     (\forall integer k; 0 <= k < levels ==> (chain[k] & PTE_U) != 0));
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
/* proved: prove/pte/pte_effective */
unsigned pte_effective(const uint64_t *chain, int levels)
{
	bool w = true, x = true, u = true;
	int i;

	if (chain == NULL || levels < 1 || levels > 5)
		return 0;
	/*@ loop invariant 0 <= i <= levels;
	  @ loop invariant \forall integer k; 0 <= k < i ==> (chain[k] & PTE_P) != 0;
	  @ loop invariant w == 1 <==> (\forall integer k; 0 <= k < i ==> (chain[k] & PTE_W) != 0);
	  @ loop invariant x == 1 <==> (\forall integer k; 0 <= k < i ==> (chain[k] & PTE_NX) == 0);
	  @ loop invariant u == 1 <==> (\forall integer k; 0 <= k < i ==> (chain[k] & PTE_U) != 0);
	  @ loop invariant w == 0 || w == 1;
	  @ loop invariant x == 0 || x == 1;
	  @ loop invariant u == 0 || u == 1;
	  @ loop assigns i, w, x, u;
	  @ loop variant levels - i;
	  @*/
	for (i = 0; i < levels; i++) {
		if (!(chain[i] & PTE_P))
			return 0;
		w = w && (chain[i] & PTE_W);
		x = x && !(chain[i] & PTE_NX);
		u = u && (chain[i] & PTE_U);
	}
	return MAP_R | (w ? MAP_W : 0) | (x ? MAP_X : 0) | (u ? MAP_USER : 0);
}

/* Returns true if eff allows both writing and executing. */
/*@ assigns \nothing;
  @ ensures \result != 0 <==> ((eff & MAP_W) != 0 && (eff & MAP_X) != 0);
  @*/
/* proved: prove/pte/pte_effective_is_wx */
bool pte_effective_is_wx(unsigned eff)
{
	return (eff & MAP_W) && (eff & MAP_X);
}
