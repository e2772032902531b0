/*
 * verify.h - signed code (D2): which boot modules the kernel may run or
 * hand out, decided once at boot against the release-signed boot set.
 */
#ifndef TESSERA_KERNEL_VERIFY_H
#define TESSERA_KERNEL_VERIFY_H

#include <stdint.h>
#include "include/abi/bootinfo.h"

/* Decides, once, which modules are trusted.  Multiboot path: the last
 * module must be the signed boot set (named "bootset"), which is taken
 * out of bi's module list; UEFI path: the loader already checked every
 * module against the boot set.  Refusals are audited (AUDIT_SIGNATURE). */
void verify_boot_modules(struct boot_info *bi);

/* NULL if module index may be run or read, else why not (short, for an
 * audit record). */
const char *verify_module_refusal(uint64_t index);

#endif
