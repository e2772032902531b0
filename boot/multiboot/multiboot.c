/*
 * multiboot.c - turns the Multiboot (v1) information into the boot_info
 * every boot path hands the kernel (include/abi/bootinfo.h).
 *
 * Runs under the boot tables, where the first GiB is identity-mapped, so
 * the loader's structures are read through their physical addresses.  The
 * loader is trusted (it is QEMU on this path), but the parser still bounds
 * every count and string so a confused loader cannot overrun boot_info.
 */
#include <stdint.h>
#include <string.h>
#include "include/abi/bootinfo.h"
#include "kernel/log.h"
#include "kernel/kmain.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002
#define MB_INFO_CMDLINE (1u << 2)
#define MB_INFO_MODS (1u << 3)
#define MB_INFO_MMAP (1u << 6)

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_module {
	uint32_t mod_start, mod_end, string, reserved;
} __attribute__((packed));

struct mb_mmap_entry {
	uint32_t size;
	uint64_t base, length;
	uint32_t type;
} __attribute__((packed));

static struct boot_info boot_info;

static const void *phys(uint32_t pa)
{
	return (const void *)(uintptr_t)pa;
}

/* Copies the base name of the first word of s, without its extension
 * ("/a/b/init.elf x" -> "init", "manifest.txt" -> "manifest"). */
static void module_name(char *dst, const char *s)
{
	const char *start = s, *end;

	for (end = s; *end && *end != ' '; end++)
		if (*end == '/')
			start = end + 1;
	size_t n = (size_t)(end - start);
	for (size_t i = n; i > 1; i--) {
		if (start[i - 1] == '.') {
			n = i - 1;
			break;
		}
	}
	if (n >= BOOT_MODULE_NAME_MAX)
		n = BOOT_MODULE_NAME_MAX - 1;
	memcpy(dst, start, n);
	dst[n] = '\0';
}

static void parse_mmap(const struct mb_info *mbi)
{
	uint32_t off = 0;

	while (off + sizeof(struct mb_mmap_entry) <= mbi->mmap_length &&
	       boot_info.mem_region_count < BOOT_MAX_MEM_REGIONS) {
		const struct mb_mmap_entry *e = phys(mbi->mmap_addr + off);
		struct boot_mem_region *r = &boot_info.mem[boot_info.mem_region_count++];
		r->base = e->base;
		r->length = e->length;
		r->type = e->type == 1 ? BOOT_MEM_USABLE : BOOT_MEM_RESERVED;
		off += e->size + 4;
	}
}

static void parse_modules(const struct mb_info *mbi)
{
	const struct mb_module *m = phys(mbi->mods_addr);
	uint32_t n = mbi->mods_count;

	if (n > BOOT_MAX_MODULES) {
		klog("boot: %u modules given, only %u used", n, BOOT_MAX_MODULES);
		n = BOOT_MAX_MODULES;
	}
	for (uint32_t i = 0; i < n; i++) {
		struct boot_module *bm = &boot_info.modules[i];
		if (m[i].mod_end < m[i].mod_start)
			continue;
		bm->phys_base = m[i].mod_start;
		bm->size = m[i].mod_end - m[i].mod_start;
		module_name(bm->name, m[i].string ? phys(m[i].string) : "");
		boot_info.module_count++;
	}
}

void kmain_multiboot(uint32_t magic, uint32_t info_pa)
{
	const struct mb_info *mbi = phys(info_pa);

	serial_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("boot: not started by a Multiboot loader (magic %x)", magic);
	boot_info.magic = BOOTINFO_MAGIC;
	boot_info.version = BOOTINFO_VERSION;
	boot_info.path = BOOT_PATH_MULTIBOOT;
	if (mbi->flags & MB_INFO_CMDLINE) {
		/* Loaders (QEMU, GRUB) put the kernel's file name first; the
		 * command line is what follows, as on the UEFI path (and as
		 * the signed boot set states it). */
		const char *c = phys(mbi->cmdline);
		size_t n = strnlen(c, 4096), i = 0;
		while (i < n && c[i] != ' ')
			i++;
		while (i < n && c[i] == ' ')
			i++;
		n -= i;
		if (n > BOOT_CMDLINE_MAX - 1)
			n = BOOT_CMDLINE_MAX - 1;
		memcpy(boot_info.cmdline, c + i, n);
	}
	if (mbi->flags & MB_INFO_MMAP)
		parse_mmap(mbi);
	if (mbi->flags & MB_INFO_MODS)
		parse_modules(mbi);
	kmain(&boot_info);
}
