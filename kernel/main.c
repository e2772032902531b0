/*
 * main.c - the generic kernel's start: bring up memory, protection, time
 * and entropy, start every boot module as a process, and hand the CPU to
 * the scheduler.  Ring 0 keeps nothing else.
 */
#include <string.h>
#include "kernel/kmain.h"
#include "kernel/audit.h"
#include "kernel/cap.h"
#include "kernel/endpoint.h"
#include "kernel/kcheck.h"
#include "kernel/config.h"
#include "kernel/log.h"
#include "kernel/physmem.h"
#include "kernel/proc.h"
#include "kernel/ptscan.h"
#include "kernel/random.h"
#include "kernel/sched.h"
#include "kernel/verify.h"
#include "kernel/arch/x86_64/apic.h"
#include "kernel/arch/x86_64/fpu.h"
#include "kernel/arch/x86_64/ioapic.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/trap.h"

static const struct boot_info *boot;
bool kernel_selfcheck, kernel_exit_when_idle;

/* True if word appears as a whole word in the kernel command line. */
const char *kernel_cmdline(void)
{
	return boot ? boot->cmdline : "";
}

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
	kcheck_test_hooks();
}

const struct boot_module *kernel_boot_module(uint64_t index)
{
	return index < boot->module_count ? &boot->modules[index] : NULL;
}

/*
 * The root of authority: init gets the spawn capability over every boot
 * module, the audit-read capability, and fresh endpoints and
 * notifications, all with GRANT.  Everything any other process ever holds
 * is derived from these, at spawn (A2).
 */
static void give_root_capabilities(struct proc *init)
{
	uint64_t obj;
	ts_status s = cap_install_root(init, ROOT_SLOT_SPAWN, CAP_SPAWN,
				       CAP_R_SEND | CAP_R_GRANT | CAP_R_ASSIGN_PRINCIPAL,
				       (1ull << boot->module_count) - 1);

	if (s == TS_OK)
		s = cap_install_root(init, ROOT_SLOT_AUDIT, CAP_AUDIT_READ,
				     CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT, 0);
	for (unsigned i = 0; s == TS_OK && i < ROOT_ENDPOINTS; i++) {
		s = endpoint_create(&obj);
		if (s == TS_OK)
			s = cap_install_root(init, ROOT_SLOT_ENDPOINT0 + i,
					     CAP_ENDPOINT, CAP_R_ALL, obj);
	}
	if (s == TS_OK)
		s = cap_install_root(init, ROOT_SLOT_IOPORT_COM1, CAP_IOPORT,
				     CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
				     IOPORT_OBJECT(0x3f8, 8));
	if (s == TS_OK)
		s = cap_install_root(init, ROOT_SLOT_MMIO_TPM, CAP_FRAME,
				     CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
				     FRAME_OBJECT(TPM_TIS_BASE, TPM_TIS_PAGES));
	if (s == TS_OK)
		s = cap_install_root(init, ROOT_SLOT_MEMORY, CAP_MEMORY,
				     CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT, 0);
	for (unsigned i = 0; s == TS_OK && i < ROOT_IRQS; i++)
		s = cap_install_root(init, ROOT_SLOT_IRQ0 + i, CAP_IRQ,
				     CAP_R_RECV | CAP_R_GRANT, i);
	for (unsigned i = 0; s == TS_OK && i <= ROOT_NOTIFICATIONS; i++) {
		unsigned slot = i < ROOT_NOTIFICATIONS ? ROOT_SLOT_NOTIFY0 + i
						       : ROOT_SLOT_INIT_NOTIFY;
		s = notification_create(&obj);
		if (s == TS_OK)
			s = cap_install_root(init, slot, CAP_NOTIFICATION,
					     CAP_R_ALL, obj);
	}
	if (s != TS_OK)
		panic("kernel: cannot create the root capabilities: %s",
		      ts_status_name(s));
}

/*
 * The kernel starts one program: boot module 0, with the root
 * capabilities, at the highest priority.  Everything else is started by
 * it (SYS_SPAWN): init in a real boot, the test logger in the system
 * tests (it starts init or the programs under test).
 */
static void spawn_first_module(const struct boot_info *bi)
{
	const struct boot_module *m = &bi->modules[0];
	struct proc *p;
	ts_status s;

	if (bi->module_count == 0) {
		klog("kernel: no boot modules");
		return;
	}
	if (verify_module_refusal(0)) {
		klog("kernel: module %s refused: %s (%s)", m->name,
		     ts_status_name(TS_E_SIGNATURE), verify_module_refusal(0));
		audit(AUDIT_SIGNATURE, 0, m->name, TS_E_SIGNATURE, 0, 0,
		      "first module not started: unsigned");
		return;
	}
	s = proc_spawn_elf(m->name, phys_to_virt(m->phys_base), m->size,
			   SCHED_PRIORITIES - 1, &p);
	if (s != TS_OK) {
		klog("kernel: module %s refused: %s", m->name, ts_status_name(s));
		return;
	}
	give_root_capabilities(p);
}

void kmain(struct boot_info *bi)
{
	boot = bi;
	kernel_selfcheck = kernel_cmdline_has("test");
	kernel_exit_when_idle = kernel_selfcheck || kernel_cmdline_has("exit_when_idle");
	audit_quiet = kernel_cmdline_has("audit_quiet");
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
	cap_init();
	ipc_init();
	apic_init(TIMER_HZ);
	ioapic_init();
	if (TEST_HOOKS_ENABLED)
		run_test_hooks();

	verify_boot_modules(bi);
	spawn_first_module(bi);
	if (proc_count() == 0)
		klog_orphaned(); /* no process, so no reader: print the log */
	ptscan_all("boot");
	if (kernel_selfcheck)
		kcheck_all("boot");
	klog("kernel: %u processes, %lu of %lu frames free", proc_count(),
	     (unsigned long)physmem_free_frames(),
	     (unsigned long)physmem_total_frames());
	sched_return_to_user();
}
