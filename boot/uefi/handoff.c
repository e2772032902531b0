/*
 * handoff.c - the last steps: take the final memory map, exit boot
 * services, turn the map into boot_info regions and jump to the kernel.
 *
 * Only free RAM and the firmware's boot-services code and data (dead once
 * boot services have exited) become BOOT_MEM_USABLE; everything else is
 * BOOT_MEM_RESERVED, the loader's own EfiLoaderData included: the kernel
 * image, the modules, boot_info and this memory map live there.  The
 * firmware's stack and page tables are boot-services data: the kernel's
 * entry (boot/uefi-entry/entry64.S) leaves both before it allocates.
 */
#include "boot/uefi/loader.h"

static uint32_t region_type(UINT32 efi_type)
{
	switch (efi_type) {
	case EfiConventionalMemory:
	case EfiBootServicesCode:
	case EfiBootServicesData:
		return BOOT_MEM_USABLE;
	default:
		return BOOT_MEM_RESERVED;
	}
}

/* Appends a region, merged with the previous one when they touch and
 * share a type.  Past BOOT_MAX_MEM_REGIONS the rest is left out, which
 * costs at most unused RAM (the kernel never hands out what it was not
 * told is usable). */
static void add_region(struct boot_info *bi, uint64_t base, uint64_t length, uint32_t type)
{
	struct boot_mem_region *last = &bi->mem[bi->mem_region_count - 1];

	if (bi->mem_region_count > 0 && last->type == type && last->base + last->length == base) {
		last->length += length;
		return;
	}
	if (bi->mem_region_count >= BOOT_MAX_MEM_REGIONS)
		return;
	last = &bi->mem[bi->mem_region_count++];
	last->base = base;
	last->length = length;
	last->type = type;
}

static void convert_map(struct boot_info *bi, const UINT8 *map, UINTN size, UINTN desc_size)
{
	bi->mem_region_count = 0;
	for (UINTN off = 0; off + sizeof(EFI_MEMORY_DESCRIPTOR) <= size; off += desc_size) {
		const EFI_MEMORY_DESCRIPTOR *d = (const EFI_MEMORY_DESCRIPTOR *)(map + off);
		add_region(bi, d->PhysicalStart, d->NumberOfPages * EFI_PAGE_SIZE,
			   region_type(d->Type));
	}
}

/*
 * GetMemoryMap, then ExitBootServices with its key; a stale key (the map
 * changed in between, EFI_INVALID_PARAMETER) means: take the map again and
 * retry.  After a failed ExitBootServices only these two calls are
 * allowed, so the buffer is allocated once, with room to spare, before.
 */
EFI_STATUS handoff_enter(struct boot_info *bi, uint64_t entry)
{
	EFI_BOOT_SERVICES *bs = loader_st->BootServices;
	EFI_PHYSICAL_ADDRESS pa = LOADER_MAX_ADDRESS;
	UINTN size = 0, cap, key, desc_size;
	UINT32 desc_version;
	EFI_STATUS s;

	s = bs->GetMemoryMap(&size, NULL, &key, &desc_size, &desc_version);
	if (s != EFI_BUFFER_TOO_SMALL)
		return s;
	cap = size + 16 * desc_size;
	s = bs->AllocatePages(AllocateMaxAddress, EfiLoaderData,
			      (cap + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE, &pa);
	if (EFI_ERROR(s))
		return s;
	loader_say("exiting boot services; entering the kernel at %lx",
		   (unsigned long)entry);
	for (int tries = 0; tries < 8; tries++) {
		size = cap;
		s = bs->GetMemoryMap(&size, (EFI_MEMORY_DESCRIPTOR *)(uintptr_t)pa, &key,
				     &desc_size, &desc_version);
		if (EFI_ERROR(s))
			return s;
		s = bs->ExitBootServices(loader_image, key);
		if (s == EFI_SUCCESS) {
			void (*kernel)(struct boot_info *) = (void (*)(struct boot_info *))(uintptr_t)entry;
			convert_map(bi, (const UINT8 *)(uintptr_t)pa, size, desc_size);
			kernel(bi);
			for (;;)
				__asm__ volatile("cli; hlt");
		}
		if (s != EFI_INVALID_PARAMETER)
			return s;
	}
	return s;
}
