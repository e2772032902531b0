/*
 * uaccess.c - the only way the kernel reads or writes user memory (K6).
 *
 * The range is checked first (user_range_ok, then the page tables); only
 * then does the copy run, inside stac/clac so SMAP is lifted for exactly
 * those instructions.  The process's kernel PML4 is the loaded one on every
 * syscall path, so its user half is what the copy sees.
 */
#include <string.h>
#include "kernel/uaccess.h"
#include "kernel/proc.h"
#include "kernel/arch/x86_64/x86.h"

ts_status copy_from_user(struct proc *p, void *dst, uint64_t src, uint64_t len)
{
	ts_status s = as_check_user_range(&p->as, src, len, false);

	if (s != TS_OK)
		return s;
	stac();
	memcpy(dst, (const void *)(uintptr_t)src, len);
	clac();
	return TS_OK;
}

ts_status copy_to_user(struct proc *p, uint64_t dst, const void *src, uint64_t len)
{
	ts_status s = as_check_user_range(&p->as, dst, len, true);

	if (s != TS_OK)
		return s;
	stac();
	memcpy((void *)(uintptr_t)dst, src, len);
	clac();
	return TS_OK;
}
