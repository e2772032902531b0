/*
 * verify.c - signed code on every boot path (D2).
 *
 * Multiboot: QEMU (or any Multiboot loader) hands the kernel its modules
 * unchecked, so the kernel checks them itself before anything runs.  The
 * last module is the boot set (lib/bootset/bootset.h) followed by its
 * 64-byte Ed25519 signature; the signature must verify against the
 * release public key compiled into the kernel (build/<cc>/gen/
 * release_key.h, the same key the UEFI loader carries), the text must
 * parse, its command line must be the one this boot was given, and then
 * module i is trusted only if it is exactly entry i of the set: the same
 * file name, size and SHA-256.  Each module is hashed here, once; spawn
 * and module reads only look at the verdict.
 *
 * UEFI: the loader refused to hand over anything that did not match its
 * signed boot set, so every module arrives checked.
 *
 * A bad or missing boot set trusts nothing: the kernel starts no process
 * and main.c says why.  Every refusal is an AUDIT_SIGNATURE record.
 */
#include <stdbool.h>
#include <string.h>
#include "kernel/verify.h"
#include "kernel/audit.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/status.h"
#include "lib/bootset/bootset.h"
#include "lib/crypto/ed25519.h"
#include "lib/crypto/sha256.h"
#include "release_key.h" /* generated: static const uint8_t release_key[32] */

#define SIG_BYTES 64

static struct bootset set;
/* Per module: NULL if trusted, else the reason it is not. */
static const char *refusal[BOOT_MAX_MODULES];

static void refuse_all(const struct boot_info *bi, const char *why)
{
	audit(AUDIT_SIGNATURE, 0, "bootset", TS_E_SIGNATURE, bi->module_count, 0, why);
	for (uint32_t i = 0; i < BOOT_MAX_MODULES; i++)
		refusal[i] = "no valid boot set";
}

/* Checks the signed boot set module m; NULL if good, else why not. */
static const char *check_set(const struct boot_info *bi, const struct boot_module *m)
{
	const uint8_t *bytes = phys_to_virt(m->phys_base);
	const char *why;
	size_t text;

	if (m->size <= SIG_BYTES || m->size > BOOTSET_MAX_SIZE + SIG_BYTES ||
	    bytes[m->size - SIG_BYTES - 1] != '\n')
		return "boot set truncated or unsigned";
	text = m->size - SIG_BYTES;
	if (ed25519_verify(bytes + text, bytes, text, release_key) != 0)
		return "boot set signature invalid";
	why = bootset_parse((const char *)bytes, text, &set);
	if (why) {
		klog("kernel: boot set is signed but malformed: %s", why);
		return "boot set malformed";
	}
	if (strcmp(set.cmdline, bi->cmdline) != 0)
		return "cmdline is not the signed one";
	return NULL;
}

/* Module i against entry i of the verified set; NULL if it matches. */
static const char *check_module(uint32_t i, const struct boot_module *m,
				uint64_t *hashed)
{
	char name[BOOT_MODULE_NAME_MAX];
	uint8_t digest[32];

	if (i >= set.module_count)
		return "not in the boot set";
	bootset_module_name(name, set.modules[i].file);
	if (strcmp(name, m->name) != 0)
		return "boot set lists another module here";
	if (m->size != set.modules[i].size)
		return "size differs from the boot set";
	sha256(phys_to_virt(m->phys_base), m->size, digest);
	*hashed += m->size;
	if (memcmp(digest, set.modules[i].sha256, sizeof(digest)) != 0)
		return "sha256 differs from the boot set";
	return NULL;
}

void verify_boot_modules(struct boot_info *bi)
{
	uint64_t start = time_ns(), checked, hashed = 0;
	const struct boot_module *last;
	const char *why;
	uint32_t good = 0;

	if (bi->path == BOOT_PATH_UEFI) {
		klog("kernel: %u modules checked by the UEFI loader against the signed boot set",
		     bi->module_count);
		return;
	}
	last = bi->module_count ? &bi->modules[bi->module_count - 1] : NULL;
	if (!last || strcmp(last->name, "bootset") != 0) {
		klog("kernel: no boot set (the last module must be \"bootset\"): no module is trusted");
		refuse_all(bi, "no boot set");
		return;
	}
	bi->module_count--; /* the set is not a module anyone may spawn or read */
	why = check_set(bi, last);
	if (why) {
		klog("kernel: boot set refused: %s: no module is trusted", why);
		refuse_all(bi, why);
		return;
	}
	checked = time_ns();
	for (uint32_t i = 0; i < bi->module_count; i++) {
		refusal[i] = check_module(i, &bi->modules[i], &hashed);
		if (refusal[i])
			audit(AUDIT_SIGNATURE, 0, bi->modules[i].name, TS_E_SIGNATURE, i, 0,
			      refusal[i]);
		else
			good++;
	}
	klog("kernel: boot set verified: %u of %u modules trusted; signature %lu us, "
	     "%lu bytes hashed in %lu us",
	     good, bi->module_count, (unsigned long)((checked - start) / 1000),
	     (unsigned long)hashed, (unsigned long)((time_ns() - checked) / 1000));
}

const char *verify_module_refusal(uint64_t index)
{
	return index < BOOT_MAX_MODULES ? refusal[index] : "no such module";
}
