/*
 * uaccess.c - the only way the kernel reads or writes user memory (K6).
 *
 * The range is checked first (user_range_ok, then the page tables); only
 * then does the copy run, inside stac/clac so SMAP is lifted for exactly
 * those instructions.  The process's kernel PML4 is the loaded one on every
 * syscall path, so its user half is what the copy sees.
 *
 * Where the hypervisor cannot run stac/clac (the paravirtual KVM that
 * trap.c detects by its SYSCALL quirk), the copy instead goes page by page
 * through the kernel's direct map, after the same checks: SMAP is then
 * never lifted at all.
 */
#include <string.h>
#include "kernel/uaccess.h"
#include "kernel/proc.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/x86.h"

static bool via_direct_map;

void uaccess_use_direct_map(void)
{
	via_direct_map = true;
}

/* Copies len bytes between user va and kernel buf, page by page through
 * the direct map.  The range was checked by the caller. */
static void copy_direct(struct proc *p, uint64_t va, void *buf, uint64_t len,
			bool to_user)
{
	uint8_t *k = buf;

	while (len) {
		uint64_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		uint64_t pa = as_user_phys(&p->as, va, to_user);
		if (chunk > len)
			chunk = len;
		if (!pa)
			panic("uaccess: page vanished after the check");
		if (to_user)
			memcpy(phys_to_virt(pa), k, chunk);
		else
			memcpy(k, phys_to_virt(pa), chunk);
		va += chunk;
		k += chunk;
		len -= chunk;
	}
}

ts_status copy_from_user(struct proc *p, void *dst, uint64_t src, uint64_t len)
{
	ts_status s = as_check_user_range(&p->as, src, len, false);

	if (s != TS_OK)
		return s;
	if (via_direct_map) {
		copy_direct(p, src, dst, len, false);
		return TS_OK;
	}
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
	if (via_direct_map) {
		copy_direct(p, dst, (void *)(uintptr_t)src, len, true);
		return TS_OK;
	}
	stac();
	memcpy((void *)(uintptr_t)dst, src, len);
	clac();
	return TS_OK;
}
