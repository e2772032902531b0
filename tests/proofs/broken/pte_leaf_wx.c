/*
 * pte_leaf_wx.c - the self-test of the proof set-up (tests/proofs/prove.sh).
 *
 * A copy of pte_leaf from kernel/arch/x86_64/pte.c with the same ACSL
 * contract and one deliberate bug: the W^X check is gone, so perms with
 * MAP_W | MAP_X yields an entry with PTE_W set and PTE_NX clear.  `make
 * prove` runs WP on it and must find the contract (never_wx, wx_refused)
 * UNPROVED; it reports that as PASS prove/selftest-broken-contract-detected
 * and as FAIL if WP proves this broken function.  Never compiled.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/status.h"
#include "kernel/arch/x86_64/pte.h"

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
ts_status pte_leaf(uint64_t phys, unsigned perms, uint64_t *out)
{
	uint64_t e;

	/* BUG (deliberate): the W^X check of the real pte_leaf is missing. */
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
