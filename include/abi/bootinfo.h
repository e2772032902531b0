/*
 * bootinfo.h - what every boot path hands the kernel.
 *
 * The Multiboot shim (boot/multiboot) and the UEFI loader (boot/uefi, the
 * boot-integrity issue) both fill exactly this structure, so the kernel has
 * one way in.  Fixed-width fields only: the UEFI loader is built separately.
 */
#ifndef TESSERA_ABI_BOOTINFO_H
#define TESSERA_ABI_BOOTINFO_H

#ifndef __ASSEMBLER__
#include <stdint.h>
#endif

#define BOOTINFO_MAGIC 0x3141524553534554ull /* "TESSERA1" little-endian */
#define BOOTINFO_VERSION 1

#define BOOT_MAX_MEM_REGIONS 64
#define BOOT_MAX_MODULES 32
#define BOOT_MODULE_NAME_MAX 48
#define BOOT_CMDLINE_MAX 256

/*
 * The UEFI path.  kernel.bin carries, KERNEL_UEFI_HEADER_OFFSET bytes in
 * (right after the 32-byte Multiboot header), five little-endian 64-bit
 * words: KERNEL_UEFI_MAGIC, the physical entry (boot/uefi-entry/entry64.S,
 * called in long mode with the physical address of a boot_info in rdi),
 * the physical address the file must be copied to, the physical end of
 * the file's bytes and the physical end of what must be zeroed (bss).
 */
#define KERNEL_UEFI_HEADER_OFFSET 32
#define KERNEL_UEFI_MAGIC 0x3149464555525354 /* "TSRUEFI1" LE; no suffix: used in .S */

#ifndef __ASSEMBLER__
struct kernel_uefi_header {
	uint64_t magic;
	uint64_t entry;
	uint64_t load_phys;
	uint64_t load_end_phys;
	uint64_t bss_end_phys;
};

enum boot_mem_type {
	BOOT_MEM_USABLE = 1,   /* free RAM the kernel may hand out */
	BOOT_MEM_RESERVED = 2, /* anything else: firmware, MMIO, ACPI, ... */
};

enum boot_path {
	BOOT_PATH_MULTIBOOT = 1,
	BOOT_PATH_UEFI = 2,
};

struct boot_mem_region {
	uint64_t base;
	uint64_t length;
	uint32_t type; /* enum boot_mem_type */
	uint32_t reserved;
};

struct boot_module {
	uint64_t phys_base; /* page aligned */
	uint64_t size;      /* bytes */
	char name[BOOT_MODULE_NAME_MAX]; /* NUL-terminated base name */
};

struct boot_info {
	uint64_t magic;   /* BOOTINFO_MAGIC */
	uint32_t version; /* BOOTINFO_VERSION */
	uint32_t path;    /* enum boot_path */
	uint32_t mem_region_count;
	uint32_t module_count;
	struct boot_mem_region mem[BOOT_MAX_MEM_REGIONS];
	struct boot_module modules[BOOT_MAX_MODULES];
	char cmdline[BOOT_CMDLINE_MAX]; /* NUL-terminated */
};

#endif /* __ASSEMBLER__ */

#endif
