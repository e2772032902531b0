/*
 * bootinfo.h - what every boot path hands the kernel.
 *
 * The Multiboot shim (boot/multiboot) and the UEFI loader (boot/uefi, the
 * boot-integrity issue) both fill exactly this structure, so the kernel has
 * one way in.  Fixed-width fields only: the UEFI loader is built separately.
 */
#ifndef TESSERA_ABI_BOOTINFO_H
#define TESSERA_ABI_BOOTINFO_H

#include <stdint.h>

#define BOOTINFO_MAGIC 0x3141524553534554ull /* "TESSERA1" little-endian */
#define BOOTINFO_VERSION 1

#define BOOT_MAX_MEM_REGIONS 64
#define BOOT_MAX_MODULES 32
#define BOOT_MODULE_NAME_MAX 48
#define BOOT_CMDLINE_MAX 256

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

#endif
