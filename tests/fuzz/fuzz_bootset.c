/*
 * fuzz_bootset.c - libFuzzer target for the UEFI loader's boot-set parser
 * (lib/bootset/bootset.c) and the TPM driver's TPM2_PCR_Read response parser
 * (servers/tpm/tpm2.c): both read bytes the loader or driver did not make.
 *
 * No input may crash or read outside itself (ASan/UBSan, no NUL after the
 * input).  An accepted boot set must keep bootset.h's promises: a
 * NUL-terminated cmdline, 1..BOOT_MAX_MODULES modules, every file name
 * non-empty, of [A-Za-z0-9._-], not starting with '.', every size within
 * BOOTSET_MAX_FILE_SIZE.  A broken promise aborts (saved as a crash).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bootset/bootset.h"
#include "servers/tpm/tpm2.h"

static struct bootset bs;

static void check_entry(const struct bootset_entry *e)
{
	size_t n = 0;

	while (n < BOOTSET_FILE_MAX && e->file[n]) {
		char c = e->file[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			abort();
		n++;
	}
	if (n == 0 || n == BOOTSET_FILE_MAX || e->file[0] == '.' ||
	    e->size > BOOTSET_MAX_FILE_SIZE)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t digest[32];
	uint32_t rc;

	if (bootset_parse((const char *)data, size, &bs) == NULL) {
		if (memchr(bs.cmdline, '\0', sizeof(bs.cmdline)) == NULL)
			abort();
		if (bs.module_count == 0 || bs.module_count > BOOT_MAX_MODULES)
			abort();
		check_entry(&bs.kernel);
		for (uint32_t i = 0; i < bs.module_count; i++)
			check_entry(&bs.modules[i]);
	}
	for (unsigned pcr = 8; pcr <= 9; pcr++)
		(void)tpm2_pcr_read_response(data, size, pcr, digest, &rc);
	return 0;
}
