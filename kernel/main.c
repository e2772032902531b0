/*
 * main.c - the generic kernel's start: bring up memory, protection, time
 * and entropy, start every boot module as a process, and hand the CPU to
 * the scheduler.  Ring 0 keeps nothing else.
 */
#include <string.h>
#include "kernel/kmain.h"
#include "kernel/audit.h"
#include "kernel/config.h"
#include "kernel/log.h"
#include "kernel/physmem.h"
#include "kernel/proc.h"
#include "kernel/ptscan.h"
#include "kernel/random.h"
#include "kernel/sched.h"
#include "kernel/arch/x86_64/apic.h"
#include "kernel/arch/x86_64/fpu.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/trap.h"

static const struct boot_info *boot;

/* True if word appears as a whole word in the kernel command line. */
bool kernel_cmdline_has(const char *word)
{
	size_t n = strlen(word);
	const char *c = boot ? boot->cmdline : "";

	for (const char *p = c; *p; p++) {
		if ((p == c || p[-1] == ' ') && strncmp(p, word, n) == 0 &&
		    (p[n] == '\0' || p[n] == ' '))
			return true;
	}
	return false;
}

/* Test-only kernel (TEST_HOOKS): break an invariant on request. */
static void run_test_hooks(void)
{
	klog("kernel: TEST HOOKS BUILD - not for use");
	if (kernel_cmdline_has("plant_wx"))
		paging_plant_wx_for_test();
	if (kernel_cmdline_has("kernel_fault")) {
		volatile uint64_t *bad = (volatile uint64_t *)0xffffffff7ff00000ull;
		klog("kernel: test hook reads unmapped %p", (void *)bad);
		(void)*bad;
	}
}

static void spawn_boot_modules(const struct boot_info *bi)
{
	for (uint32_t i = 0; i < bi->module_count; i++) {
		const struct boot_module *m = &bi->modules[i];
		ts_status s = proc_spawn_elf(m->name, phys_to_virt(m->phys_base),
					     m->size, 1, NULL);
		if (s != TS_OK)
			klog("kernel: module %s refused: %s", m->name,
			     ts_status_name(s));
	}
}

void kmain(struct boot_info *bi)
{
	boot = bi;
	klog("Tessera booting (%s path, %u modules, cmdline \"%s\")",
	     bi->path == BOOT_PATH_UEFI ? "UEFI" : "Multiboot", bi->module_count,
	     bi->cmdline);
	if (bi->magic != BOOTINFO_MAGIC || bi->version != BOOTINFO_VERSION)
		panic("boot info has the wrong magic or version");

	cpu_init_features(); /* refuses to boot without RDRAND, SMEP, ... */
	cpu_init_tables();
	fpu_init();
	physmem_init(bi);
	paging_init();
	cpu_report();
	random_init();
	proc_init();
	apic_init(TIMER_HZ);
	if (TEST_HOOKS_ENABLED)
		run_test_hooks();

	spawn_boot_modules(bi);
	ptscan_all("boot");
	klog("kernel: %u processes, %lu of %lu frames free", proc_count(),
	     (unsigned long)physmem_free_frames(),
	     (unsigned long)physmem_total_frames());
	sched_return_to_user();
}
