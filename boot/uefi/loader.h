/*
 * loader.h - Tessera's UEFI loader (BOOTX64.EFI), built with gnu-efi.
 *
 * The loader reads a signed boot set from the ESP, checks the signature
 * and every component's size and SHA-256 against it, measures the
 * components into the TPM, exits boot services and enters the kernel in
 * long mode with the same struct boot_info as the Multiboot path.  The
 * whole chain is described in docs/BOOT.md.
 *
 * Everything here runs before ExitBootServices except handoff_enter()'s
 * last steps; nothing allocates after GetMemoryMap.
 */
#ifndef TESSERA_BOOT_UEFI_LOADER_H
#define TESSERA_BOOT_UEFI_LOADER_H

#include <efi.h>
#include <stddef.h>
#include <stdint.h>
#include "include/abi/bootinfo.h"

/* Modules and boot_info must sit in the first GiB: the kernel's early
 * tables identity-map only that. */
#define LOADER_MAX_ADDRESS ((1ull << 30) - 1)

extern EFI_SYSTEM_TABLE *loader_st;
extern EFI_HANDLE loader_image;

/* console.c: "tessera-loader: ..." lines on ConOut (the serial port under
 * QEMU); loader_stop prints "REFUSED: ..." and halts for good. */
void loader_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void loader_stop(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* esp.c: files of the loader's own volume.  Reads path into fresh pages
 * (below LOADER_MAX_ADDRESS, EfiLoaderData); returns the status. */
EFI_STATUS esp_open(void);
EFI_STATUS esp_read(const char *path, void **data, uint64_t *size);

/* tpm.c: measurement through EFI_TCG2_PROTOCOL. */
EFI_STATUS tpm_open(void);
EFI_STATUS tpm_measure(uint32_t pcr, const void *data, uint64_t size, const char *what);

/* handoff.c: exit boot services, convert the memory map into bi, enter
 * the kernel.  Returns only on failure before ExitBootServices. */
EFI_STATUS handoff_enter(struct boot_info *bi, uint64_t entry);

#endif
