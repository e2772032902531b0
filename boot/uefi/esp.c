/*
 * esp.c - reading files from the volume the loader was loaded from.
 */
#include "boot/uefi/loader.h"

static EFI_FILE_HANDLE root;

EFI_STATUS esp_open(void)
{
	EFI_GUID loaded_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	EFI_GUID fs_guid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;
	EFI_LOADED_IMAGE *image;
	EFI_SIMPLE_FILE_SYSTEM_PROTOCOL *fs;
	EFI_BOOT_SERVICES *bs = loader_st->BootServices;
	EFI_STATUS s;

	s = bs->HandleProtocol(loader_image, &loaded_guid, (void **)&image);
	if (!EFI_ERROR(s))
		s = bs->HandleProtocol(image->DeviceHandle, &fs_guid, (void **)&fs);
	if (!EFI_ERROR(s))
		s = fs->OpenVolume(fs, &root);
	return s;
}

/* "a/b" -> L"\a\b"; false if it does not fit. */
static BOOLEAN to_path16(CHAR16 *out, size_t max, const char *path)
{
	size_t n = 0;

	out[n++] = L'\\';
	for (; *path; path++) {
		if (n + 1 >= max)
			return FALSE;
		out[n++] = *path == '/' ? L'\\' : (CHAR16)(unsigned char)*path;
	}
	out[n] = 0;
	return TRUE;
}

/*
 * Reads the whole file into fresh pages below LOADER_MAX_ADDRESS (so a
 * boot module can be handed to the kernel where it lies).  The size comes
 * from seeking to the end, which needs no EFI_FILE_INFO.
 */
EFI_STATUS esp_read(const char *path, void **data, uint64_t *size)
{
	EFI_BOOT_SERVICES *bs = loader_st->BootServices;
	EFI_FILE_HANDLE f;
	EFI_PHYSICAL_ADDRESS pa = LOADER_MAX_ADDRESS;
	CHAR16 path16[96];
	UINT64 len = 0, pages;
	EFI_STATUS s;

	if (!to_path16(path16, sizeof(path16) / sizeof(path16[0]), path))
		return EFI_INVALID_PARAMETER;
	s = root->Open(root, &f, path16, EFI_FILE_MODE_READ, 0);
	if (EFI_ERROR(s))
		return s;
	s = f->SetPosition(f, 0xffffffffffffffffull);
	if (!EFI_ERROR(s))
		s = f->GetPosition(f, &len);
	if (!EFI_ERROR(s))
		s = f->SetPosition(f, 0);
	pages = (len + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
	if (!EFI_ERROR(s))
		s = bs->AllocatePages(AllocateMaxAddress, EfiLoaderData,
				      pages ? pages : 1, &pa);
	for (UINT64 done = 0; !EFI_ERROR(s) && done < len;) {
		UINTN n = len - done;
		s = f->Read(f, &n, (UINT8 *)(uintptr_t)pa + done);
		if (!EFI_ERROR(s) && n == 0)
			s = EFI_END_OF_FILE; /* shorter than its size said */
		done += n;
	}
	f->Close(f);
	if (EFI_ERROR(s))
		return s;
	*data = (void *)(uintptr_t)pa;
	*size = len;
	return EFI_SUCCESS;
}
