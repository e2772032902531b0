/*
 * uaccess.h - the one definition of "a user range" (K6).
 *
 * user_range_ok() is pure so that it can be proved (issue: proofs) and unit
 * tested; the page-table half of the check is as_check_user_range().
 */
#ifndef TESSERA_KERNEL_UACCESS_H
#define TESSERA_KERNEL_UACCESS_H

#include <stdbool.h>
#include <stdint.h>
#include "include/abi/status.h"
#include "include/abi/syscall.h"

/*
 * True iff [va, va + len) is non-empty, does not wrap, and lies wholly
 * inside [USER_SPACE_BASE, USER_SPACE_END).  Kernel addresses and anything
 * that wraps around fail here before any table is looked at.
 */
/*@ assigns \nothing;
  @ ensures ok: \result != 0 <==>
  @   (len > 0 && USER_SPACE_BASE <= va &&
  @    va + len <= USER_SPACE_END);
  @*/
/* proved: prove/uaccess/user_range_ok (va + len is a mathematical integer
 * in ACSL, so "no wrap" is part of the ensures). */
static inline bool user_range_ok(uint64_t va, uint64_t len)
{
	if (len == 0 || va < USER_SPACE_BASE || va >= USER_SPACE_END)
		return false;
	return len <= USER_SPACE_END - va;
}

struct proc;
void uaccess_use_direct_map(void);
ts_status copy_from_user(struct proc *p, void *dst, uint64_t src, uint64_t len);
ts_status copy_to_user(struct proc *p, uint64_t dst, const void *src, uint64_t len);

#endif
