/*
 * main.c - Tessera's UEFI loader: check, measure, hand over.
 *
 *   1. read tessera/bootset.txt and bootset.sig from the ESP and verify
 *      the Ed25519 signature against the release key built into the
 *      loader (release_key.h, made from keys/dev-release.pub);
 *   2. read the kernel and every module it lists; each must have exactly
 *      the listed size and SHA-256, or the boot stops;
 *   3. measure (only now, only checked bytes) into the TPM:
 *        PCR 8: the command line, then the manifest module;
 *        PCR 9: kernel.bin, then every other module in boot order;
 *   4. build boot_info, exit boot services and enter the kernel (placed
 *      at physical 0x100000 as soon as it was checked; handoff.c).
 * Any failure prints "tessera-loader: REFUSED: <why>" and halts: there is
 * no unchecked or unmeasured fallback.  tools/pcr_predict.py computes PCR
 * 8 and 9 from the same files in the same order; docs/BOOT.md has the
 * chain of trust.
 */
#include <string.h>
#include "boot/uefi/loader.h"
#include "lib/bootset/bootset.h"
#include "lib/crypto/ed25519.h"
#include "lib/crypto/equal.h"
#include "lib/crypto/sha256.h"
#include "lib/fmt.h"
#include "release_key.h" /* generated: static const uint8_t release_key[32] */

#define PCR_CONFIG 8
#define PCR_CODE 9

EFI_SYSTEM_TABLE *loader_st;
EFI_HANDLE loader_image;

struct blob {
	void *data;
	uint64_t size;
};

static struct bootset bootset;
static struct blob kernel_file, module_files[BOOT_MAX_MODULES];

static struct blob read_or_stop(const char *file)
{
	char path[64];
	struct blob b;
	EFI_STATUS s;

	fmt_snprintf(path, sizeof(path), "tessera/%s", file);
	s = esp_read(path, &b.data, &b.size);
	if (EFI_ERROR(s))
		loader_stop("cannot read %s from the ESP (EFI status %lx)", path,
			    (unsigned long)s);
	return b;
}

/* Step 1: the boot set and its signature. */
static void load_bootset(void)
{
	struct blob text = read_or_stop("bootset.txt");
	struct blob sig = read_or_stop("bootset.sig");
	const char *why;

	if (sig.size != ED25519_SIGNATURE_SIZE ||
	    ed25519_verify(sig.data, text.data, text.size, release_key) != 0)
		loader_stop("bootset.txt: the Ed25519 signature does not verify against "
			    "the release key (key %02x%02x%02x%02x...)", release_key[0],
			    release_key[1], release_key[2], release_key[3]);
	why = bootset_parse(text.data, text.size, &bootset);
	if (why)
		loader_stop("bootset.txt: %s", why);
	loader_say("boot set signature verified (release key %02x%02x%02x%02x...): "
		   "kernel and %u modules, cmdline \"%s\"", release_key[0], release_key[1],
		   release_key[2], release_key[3], bootset.module_count, bootset.cmdline);
}

/* Step 2: one component, which must be exactly what the boot set says. */
static struct blob load_checked(const struct bootset_entry *e)
{
	struct blob b = read_or_stop(e->file);
	uint8_t digest[SHA256_DIGEST_SIZE];

	if (b.size != e->size)
		loader_stop("%s: %lu bytes, the signed boot set says %lu", e->file,
			    (unsigned long)b.size, (unsigned long)e->size);
	sha256(b.data, b.size, digest);
	if (!crypto_equal(digest, e->sha256, sizeof(digest)))
		loader_stop("%s: SHA-256 differs from the signed boot set (tampered?)", e->file);
	return b;
}

/*
 * The kernel image names its own entry and extent (struct
 * kernel_uefi_header); it must be placed exactly at its link address.
 */
static uint64_t place_kernel(void)
{
	const struct kernel_uefi_header *h;
	EFI_PHYSICAL_ADDRESS pa;
	EFI_STATUS s;

	if (kernel_file.size < KERNEL_UEFI_HEADER_OFFSET + sizeof(*h))
		loader_stop("%s: too small for a kernel image", bootset.kernel.file);
	h = (const void *)((const char *)kernel_file.data + KERNEL_UEFI_HEADER_OFFSET);
	if (h->magic != KERNEL_UEFI_MAGIC || h->load_phys != 0x100000 ||
	    h->load_end_phys - h->load_phys != kernel_file.size ||
	    h->bss_end_phys < h->load_end_phys || h->bss_end_phys > LOADER_MAX_ADDRESS ||
	    h->entry < h->load_phys || h->entry >= h->load_end_phys)
		loader_stop("%s: no valid Tessera UEFI header", bootset.kernel.file);
	pa = h->load_phys;
	s = loader_st->BootServices->AllocatePages(AllocateAddress, EfiLoaderData,
		(h->bss_end_phys - h->load_phys + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE, &pa);
	if (EFI_ERROR(s))
		loader_stop("cannot place the kernel at physical %lx..%lx: that memory is "
			    "not free (EFI status %lx)", (unsigned long)h->load_phys,
			    (unsigned long)h->bss_end_phys, (unsigned long)s);
	memcpy((void *)(uintptr_t)pa, kernel_file.data, kernel_file.size);
	memset((char *)(uintptr_t)pa + kernel_file.size, 0, h->bss_end_phys - h->load_end_phys);
	return h->entry;
}

static int is_manifest(uint32_t i)
{
	char name[BOOT_MODULE_NAME_MAX];

	bootset_module_name(name, bootset.modules[i].file);
	return strcmp(name, "manifest") == 0;
}

static void measure_or_stop(uint32_t pcr, const void *data, uint64_t size, const char *what)
{
	EFI_STATUS s = tpm_measure(pcr, data, size, what);

	if (EFI_ERROR(s))
		loader_stop("measuring %s into PCR %u failed (EFI status %lx)", what, pcr,
			    (unsigned long)s);
}

/* Step 3: the order here is the order tools/pcr_predict.py replays. */
static void measure_all(void)
{
	char what[64];

	if (EFI_ERROR(tpm_open()))
		loader_stop("no TPM 2.0 (EFI_TCG2_PROTOCOL not found): an unmeasured boot "
			    "is not offered");
	measure_or_stop(PCR_CONFIG, bootset.cmdline, strlen(bootset.cmdline),
			"tessera:cmdline");
	for (uint32_t i = 0; i < bootset.module_count; i++) {
		if (!is_manifest(i))
			continue;
		fmt_snprintf(what, sizeof(what), "tessera:manifest %s", bootset.modules[i].file);
		measure_or_stop(PCR_CONFIG, module_files[i].data, module_files[i].size, what);
	}
	measure_or_stop(PCR_CODE, kernel_file.data, kernel_file.size, "tessera:kernel");
	for (uint32_t i = 0; i < bootset.module_count; i++) {
		if (is_manifest(i))
			continue;
		fmt_snprintf(what, sizeof(what), "tessera:module %s", bootset.modules[i].file);
		measure_or_stop(PCR_CODE, module_files[i].data, module_files[i].size, what);
	}
	loader_say("measured: cmdline and manifest into PCR %u, kernel and modules into PCR %u",
		   PCR_CONFIG, PCR_CODE);
}

static struct boot_info *make_boot_info(void)
{
	EFI_PHYSICAL_ADDRESS pa = LOADER_MAX_ADDRESS;
	struct boot_info *bi;

	if (EFI_ERROR(loader_st->BootServices->AllocatePages(AllocateMaxAddress, EfiLoaderData,
		(sizeof(*bi) + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE, &pa)))
		loader_stop("no memory below 1 GiB for boot_info");
	bi = (struct boot_info *)(uintptr_t)pa;
	memset(bi, 0, sizeof(*bi));
	bi->magic = BOOTINFO_MAGIC;
	bi->version = BOOTINFO_VERSION;
	bi->path = BOOT_PATH_UEFI;
	memcpy(bi->cmdline, bootset.cmdline, sizeof(bi->cmdline));
	for (uint32_t i = 0; i < bootset.module_count; i++) {
		bi->modules[i].phys_base = (uintptr_t)module_files[i].data;
		bi->modules[i].size = module_files[i].size;
		bootset_module_name(bi->modules[i].name, bootset.modules[i].file);
	}
	bi->module_count = bootset.module_count;
	return bi;
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	uint64_t entry;
	EFI_STATUS s;

	loader_st = st;
	loader_image = image;
	st->BootServices->SetWatchdogTimer(0, 0, 0, NULL); /* TCG is slow */
	loader_say("Tessera UEFI loader");
	if (EFI_ERROR(esp_open()))
		loader_stop("cannot open the volume the loader came from");
	load_bootset();
	kernel_file = load_checked(&bootset.kernel);
	entry = place_kernel();
	for (uint32_t i = 0; i < bootset.module_count; i++)
		module_files[i] = load_checked(&bootset.modules[i]);
	loader_say("kernel and %u modules match the signed boot set", bootset.module_count);
	measure_all();
	s = handoff_enter(make_boot_info(), entry);
	loader_stop("handing over failed (EFI status %lx)", (unsigned long)s);
}
