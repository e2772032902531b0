/*
 * principal.c - principals bound at spawn (D1) and sealed boot modules
 * (D3).
 *
 * PRINCIPAL-FIXED  a process's principal is written once, by SYS_SPAWN
 *                  before the child first runs (principal_bind), and never
 *                  again; no syscall lets a process choose or change its
 *                  own.
 * PRINCIPAL-ASSIGN a spawner may bind a child to its own principal (or,
 *                  passing 0, the child inherits it); any other key needs
 *                  a spawn capability with CAP_R_ASSIGN_PRINCIPAL (the
 *                  root spawn capability has it; init passes it on only
 *                  where the manifest says "spawn send,write").
 * SEALED-ONCE      a sealed module's bytes reach exactly one address
 *                  space: SYS_MODULE_READ and SYS_SPAWN refuse it for
 *                  every spawn capability (root included), and
 *                  SYS_SEALED_TAKE copies it to the first process whose
 *                  name is the owner's, then wipes it in place.
 * Checked by system/principal_* and system/sealed_* (docs/CLAIMS.md).
 */
#include <string.h>
#include "kernel/principal.h"
#include "kernel/audit.h"
#include "kernel/kmain.h"
#include "kernel/physmem.h"
#include "kernel/uaccess.h"

static bool key_is_zero(const uint8_t key[PRINCIPAL_BYTES])
{
	uint8_t acc = 0;

	for (unsigned i = 0; i < PRINCIPAL_BYTES; i++)
		acc |= key[i];
	return acc == 0;
}

ts_status principal_check_spawn(struct proc *p, uint32_t spawn_rights,
				uint64_t user_key, uint8_t key[PRINCIPAL_BYTES])
{
	ts_status s;

	if (user_key == 0) {
		memcpy(key, p->principal, PRINCIPAL_BYTES);
		return TS_OK;
	}
	s = copy_from_user(p, key, user_key, PRINCIPAL_BYTES);
	if (s != TS_OK)
		return s;
	if (key_is_zero(key))
		return TS_E_INVAL;
	if (memcmp(key, p->principal, PRINCIPAL_BYTES) != 0 &&
	    !(spawn_rights & CAP_R_ASSIGN_PRINCIPAL))
		return TS_E_DENIED;
	return TS_OK;
}

void principal_bind(struct proc *child, const uint8_t key[PRINCIPAL_BYTES])
{
	memcpy(child->principal, key, PRINCIPAL_BYTES);
	if (!key_is_zero(key))
		audit(AUDIT_SPAWN, child->pid, child->name, TS_OK,
		      ((uint64_t)key[0] << 24) | ((uint64_t)key[1] << 16) |
		      ((uint64_t)key[2] << 8) | key[3], 0, "principal bound");
}

ts_status sys_principal(struct proc *p, uint64_t user_key)
{
	ts_status s;

	if (key_is_zero(p->principal))
		return TS_E_NOENT;
	s = copy_to_user(p, user_key, p->principal, PRINCIPAL_BYTES);
	if (s != TS_OK)
		audit(AUDIT_DENIED, p->pid, p->name, s, user_key, 0, "principal buffer");
	return s;
}

/* ------------------------------------------------------------ sealed */

static bool sealed_taken[BOOT_MAX_MODULES];

bool module_is_sealed(const struct boot_module *m)
{
	size_t n = strnlen(m->name, sizeof(m->name));
	size_t k = sizeof(SEALED_SUFFIX) - 1;

	return n > k && memcmp(m->name + n - k, SEALED_SUFFIX, k) == 0;
}

/* The sealed module that belongs to a process called name, or -1. */
static int sealed_module_of(const char *name)
{
	size_t n = strnlen(name, PROC_NAME_MAX);
	size_t k = sizeof(SEALED_SUFFIX) - 1;

	for (unsigned i = 0; i < BOOT_MAX_MODULES; i++) {
		const struct boot_module *m = kernel_boot_module(i);
		if (!m)
			break;
		if (module_is_sealed(m) && strnlen(m->name, sizeof(m->name)) == n + k &&
		    memcmp(m->name, name, n) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Copies the caller's sealed module (at most len bytes) to buf, then wipes
 * the module: the bytes now exist in the caller's address space and
 * nowhere else.  Only once per boot; everything else is refused, audited.
 */
ts_status sys_sealed_take(struct proc *p, uint64_t buf, uint64_t len)
{
	int i = sealed_module_of(p->name);
	const struct boot_module *m = i >= 0 ? kernel_boot_module((uint64_t)i) : NULL;
	volatile uint8_t *bytes;
	ts_status s;

	if (!m || sealed_taken[i] || len < m->size) {
		s = !m ? TS_E_NOENT : sealed_taken[i] ? TS_E_DENIED : TS_E_RANGE;
		audit(AUDIT_DENIED, p->pid, p->name, s, (uint64_t)i, len, "sealed take");
		return s;
	}
	s = copy_to_user(p, buf, phys_to_virt(m->phys_base), m->size);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, buf, len, "sealed take");
		return s;
	}
	bytes = phys_to_virt(m->phys_base);
	for (uint64_t k = 0; k < m->size; k++)
		bytes[k] = 0;
	sealed_taken[i] = true;
	audit(AUDIT_REPORT, p->pid, p->name, TS_OK, (uint64_t)i, m->size,
	      "sealed module handed over and wiped");
	return (ts_status)m->size;
}
