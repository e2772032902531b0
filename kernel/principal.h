/*
 * principal.h - principals (D1) and sealed boot modules (D3): what the
 * kernel binds a process to at spawn, and the one secret it carries for
 * the key store.  docs/IDENTITY.md has the design and the trust argument.
 */
#ifndef TESSERA_KERNEL_PRINCIPAL_H
#define TESSERA_KERNEL_PRINCIPAL_H

#include <stdbool.h>
#include "kernel/proc.h"
#include "include/abi/bootinfo.h"

/* Checks the principal a spawner asks for its child (SYS_SPAWN's sixth
 * argument, a user pointer to 32 bytes, or 0 to inherit) and copies it
 * into key.  Changes nothing else. */
ts_status principal_check_spawn(struct proc *p, uint32_t spawn_rights,
				uint64_t user_key, uint8_t key[PRINCIPAL_BYTES]);
/* The child's binding, made once, right after it is created. */
void principal_bind(struct proc *child, const uint8_t key[PRINCIPAL_BYTES]);

/* A module named "<owner>-sealed": never read or spawned through a spawn
 * capability; handed once to the first process named <owner>. */
bool module_is_sealed(const struct boot_module *m);

ts_status sys_principal(struct proc *p, uint64_t user_key);
ts_status sys_sealed_take(struct proc *p, uint64_t buf, uint64_t len);

#endif
