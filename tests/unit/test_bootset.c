/*
 * test_bootset.c - the UEFI loader's boot-set parser (lib/bootset/bootset.c):
 * a well-formed set parses to exactly its fields; every malformation is
 * refused with a reason, never half-accepted.
 */
#include <stdio.h>
#include <string.h>

#include "lib/bootset/bootset.h"
#include "tests/unit/check.h"

#define H64 "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define GOOD "tessera-bootset 1\ncmdline test init\nkernel kernel.bin 81920 " H64 \
	"\nmodule init.elf 100 " H64 "\nmodule manifest.txt 7 " H64 "\n"

static struct bootset bs;

static const char *parse(const char *text)
{
	return bootset_parse(text, strlen(text), &bs);
}

static void well_formed_set_parses(void)
{
	CHECK(parse(GOOD) == NULL);
	CHECK(strcmp(bs.cmdline, "test init") == 0);
	CHECK(strcmp(bs.kernel.file, "kernel.bin") == 0);
	CHECK_EQ(bs.kernel.size, 81920);
	CHECK_EQ(bs.kernel.sha256[0], 0x00);
	CHECK_EQ(bs.kernel.sha256[31], 0xff);
	CHECK_EQ(bs.module_count, 2);
	CHECK(strcmp(bs.modules[1].file, "manifest.txt") == 0);
	CHECK_EQ(bs.modules[1].size, 7);
}

static void module_names_drop_the_extension(void)
{
	char name[BOOT_MODULE_NAME_MAX];

	bootset_module_name(name, "init.elf");
	CHECK(strcmp(name, "init") == 0);
	bootset_module_name(name, "manifest.txt");
	CHECK(strcmp(name, "manifest") == 0);
	bootset_module_name(name, "noext");
	CHECK(strcmp(name, "noext") == 0);
	bootset_module_name(name, "a.b.c");
	CHECK(strcmp(name, "a.b") == 0);
}

static void refuses(const char *text, const char *why)
{
	const char *got = parse(text);

	if (got == NULL || strcmp(got, why) != 0)
		check_fail("\"%.40s...\": got %s, want %s", text, got ? got : "accepted", why);
}

static void malformed_sets_are_refused(void)
{
	refuses("", "not a version 1 boot set");
	refuses("tessera-bootset 2\n", "not a version 1 boot set");
	refuses("tessera-bootset 1\nkernel k 1 " H64 "\n", "no cmdline line");
	refuses("tessera-bootset 1\ncmdline x\nmodule m 1 " H64 "\n", "no kernel line");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 1 " H64 "\n", "no modules");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 1 " H64 "\nmodule m 1 " H64,
		"last line not terminated");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 1 " H64 "\nmodule m 1 " H64 "\nextra\n",
		"unknown line");
	refuses("tessera-bootset 1\ncmdline x\nkernel ../k 1 " H64 "\n", "bad file name");
	refuses("tessera-bootset 1\ncmdline x\nkernel .k 1 " H64 "\n", "bad file name");
	refuses("tessera-bootset 1\ncmdline x\nkernel k/x 1 " H64 "\n", "bad file name");
	refuses("tessera-bootset 1\ncmdline x\nkernel k -1 " H64 "\n", "bad size");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 01 " H64 "\n", "bad size");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 999999999999 " H64 "\n",
		"file too large");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 1 " H64 "0\n", "bad sha256");
	refuses("tessera-bootset 1\ncmdline x\nkernel k 1 "
		"00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff\n",
		"bad sha256");
	refuses("tessera-bootset 1\r\ncmdline x\n", "too large or not text");
}

static void embedded_nul_is_refused(void)
{
	static const char text[] = "tessera-bootset 1\ncmdline a\0b\n";

	CHECK(bootset_parse(text, sizeof(text) - 1, &bs) != NULL);
}

static void too_many_modules_are_refused(void)
{
	static char text[8192];
	size_t n = (size_t)snprintf(text, sizeof(text),
				    "tessera-bootset 1\ncmdline x\nkernel k 1 " H64 "\n");

	for (int i = 0; i <= BOOT_MAX_MODULES; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "module m%d 1 " H64 "\n", i);
	refuses(text, "too many modules");
}

static void overlong_cmdline_is_refused(void)
{
	static char text[1024];
	size_t n = (size_t)snprintf(text, sizeof(text), "tessera-bootset 1\ncmdline ");

	memset(text + n, 'a', BOOT_CMDLINE_MAX);
	snprintf(text + n + BOOT_CMDLINE_MAX, sizeof(text) - n - BOOT_CMDLINE_MAX, "\n");
	refuses(text, "cmdline too long");
}

int main(void)
{
	check_begin("bootset");
	CHECK_RUN(well_formed_set_parses);
	CHECK_RUN(module_names_drop_the_extension);
	CHECK_RUN(malformed_sets_are_refused);
	CHECK_RUN(embedded_nul_is_refused);
	CHECK_RUN(too_many_modules_are_refused);
	CHECK_RUN(overlong_cmdline_is_refused);
	return check_done();
}
