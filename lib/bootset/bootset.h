/*
 * bootset.h - the boot set: the one signed file that says what a boot
 * may run.  Pure logic, shared by the UEFI loader, the kernel (the
 * Multiboot path, kernel/verify.c) and the host unit test and fuzzer.
 *
 * tessera/bootset.txt on the ESP, ASCII, every line ending in '\n':
 *
 *   tessera-bootset 1
 *   cmdline <the kernel command line, to the end of the line>
 *   kernel <file> <size> <sha256 hex>
 *   module <file> <size> <sha256 hex>      one line per module, in boot
 *   ...                                    order; module 0 is init
 *
 * <file> is a plain name in tessera/ ([A-Za-z0-9._-], no leading '.');
 * a module's name is its base name without extension (init.elf -> init,
 * manifest.txt -> manifest), as on the Multiboot path.  tessera/
 * bootset.sig holds the 64-byte Ed25519 signature of bootset.txt's exact
 * bytes (tools/bootset.py writes both; on the Multiboot path the two
 * are one module, text then signature).  docs/BOOT.md has the rest.
 */
#ifndef TESSERA_LIB_BOOTSET_H
#define TESSERA_LIB_BOOTSET_H

#include <stddef.h>
#include <stdint.h>
#include "include/abi/bootinfo.h"

#define BOOTSET_FILE_MAX BOOT_MODULE_NAME_MAX
#define BOOTSET_MAX_SIZE (64 * 1024)
#define BOOTSET_MAX_FILE_SIZE (256ull * 1024 * 1024)

struct bootset_entry {
	char file[BOOTSET_FILE_MAX];  /* NUL-terminated */
	uint64_t size;
	uint8_t sha256[32];
};

struct bootset {
	char cmdline[BOOT_CMDLINE_MAX]; /* NUL-terminated */
	struct bootset_entry kernel;
	struct bootset_entry modules[BOOT_MAX_MODULES];
	uint32_t module_count;
};

/* Parses len bytes of text into bs.  Returns NULL, or why the text is not
 * a boot set (bs is then partly filled and must not be used). */
const char *bootset_parse(const char *text, size_t len, struct bootset *bs);

/* The module name of a file: "init.elf" -> "init". */
void bootset_module_name(char name[BOOT_MODULE_NAME_MAX], const char *file);

#endif
