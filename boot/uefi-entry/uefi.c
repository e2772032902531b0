/*
 * uefi.c - takes the boot_info that Tessera's UEFI loader (boot/uefi)
 * built and hands a copy to the kernel.
 *
 * The loader fills the very structure kmain() reads (include/abi/
 * bootinfo.h), so there is nothing to convert: copy it out of the
 * loader's memory (which the memory map marks reserved, but which the
 * kernel should not depend on) and bound every count and string, so a
 * confused loader cannot make the kernel read past the structure.
 */
#include <stdint.h>
#include <string.h>
#include "include/abi/bootinfo.h"
#include "kernel/log.h"
#include "kernel/kmain.h"

static struct boot_info boot_info;

/* Runs under the early tables: the first GiB is identity-mapped and the
 * loader put boot_info there (bi is its physical address). */
void kmain_uefi(const struct boot_info *bi)
{
	serial_init();
	if ((uintptr_t)bi >= (1ull << 30) - sizeof(*bi))
		panic("boot: UEFI boot_info at %p, above the first GiB", (const void *)bi);
	memcpy(&boot_info, bi, sizeof(boot_info));
	if (boot_info.magic != BOOTINFO_MAGIC || boot_info.version != BOOTINFO_VERSION ||
	    boot_info.path != BOOT_PATH_UEFI)
		panic("boot: the UEFI loader's boot_info has the wrong magic, version or path");
	if (boot_info.mem_region_count > BOOT_MAX_MEM_REGIONS)
		boot_info.mem_region_count = BOOT_MAX_MEM_REGIONS;
	if (boot_info.module_count > BOOT_MAX_MODULES)
		boot_info.module_count = BOOT_MAX_MODULES;
	for (uint32_t i = 0; i < BOOT_MAX_MODULES; i++)
		boot_info.modules[i].name[BOOT_MODULE_NAME_MAX - 1] = '\0';
	boot_info.cmdline[BOOT_CMDLINE_MAX - 1] = '\0';
	kmain(&boot_info);
}
