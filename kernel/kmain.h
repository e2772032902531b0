/*
 * kmain.h - the one way into the generic kernel, whatever the boot path.
 */
#ifndef TESSERA_KERNEL_KMAIN_H
#define TESSERA_KERNEL_KMAIN_H

#include <stdbool.h>
#include "include/abi/bootinfo.h"

void kmain(struct boot_info *bi) __attribute__((noreturn));
void kmain_multiboot(uint32_t magic, uint32_t info_pa) __attribute__((noreturn));
void kmain_uefi(const struct boot_info *bi) __attribute__((noreturn));
bool kernel_cmdline_has(const char *word);
const char *kernel_cmdline(void);

/*
 * Command-line switches, read once at boot.  "test" sets both:
 *   selfcheck       re-check the page tables after every mapping change
 *                   and the capability tree after every syscall;
 *   exit_when_idle  end QEMU (isa-debug-exit) when no process is left.
 */
extern bool kernel_selfcheck, kernel_exit_when_idle;
const struct boot_module *kernel_boot_module(uint64_t index);

#endif
