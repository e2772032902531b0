/*
 * trap.c - what happens after entry.S: dispatch on the vector, and the way
 * back to ring 3.
 *
 * Three kinds of failure (STYLE: seL4/Hubris): a bad syscall argument gets
 * an error code (syscall.c); a process that faults is killed and audited
 * here; a fault in ring 0 is a kernel bug and panics with a register dump.
 */
#include <string.h>
#include "kernel/arch/x86_64/trap.h"
#include "kernel/arch/x86_64/apic.h"
#include "kernel/arch/x86_64/x86.h"
#include "kernel/audit.h"
#include "kernel/log.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"
#include "kernel/irq.h"
#include "kernel/arch/x86_64/ioapic.h"
#include "kernel/arch/x86_64/fpu.h"

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range", "invalid opcode", "device not available",
	"double fault", "coprocessor overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 error", "alignment check",
	"machine check", "SIMD error", "virtualization", "control protection",
};

const char *trap_vector_name(uint64_t vector)
{
	if (vector < 32 && exception_names[vector])
		return exception_names[vector];
	if (vector == VEC_TIMER)
		return "timer";
	if (vector == VEC_SYSCALL)
		return "syscall";
	return "interrupt";
}

void trap_dump(const struct trap_frame *tf)
{
	klog("  vector %lu (%s) error %lx cr2 %lx cr3 %lx",
	     (unsigned long)tf->vector, trap_vector_name(tf->vector),
	     (unsigned long)tf->error, (unsigned long)read_cr2(),
	     (unsigned long)read_cr3());
	klog("  rip %lx cs %lx rflags %lx rsp %lx ss %lx",
	     (unsigned long)tf->rip, (unsigned long)tf->cs,
	     (unsigned long)tf->rflags, (unsigned long)tf->rsp,
	     (unsigned long)tf->ss);
	klog("  rax %lx rbx %lx rcx %lx rdx %lx rsi %lx rdi %lx",
	     (unsigned long)tf->rax, (unsigned long)tf->rbx,
	     (unsigned long)tf->rcx, (unsigned long)tf->rdx,
	     (unsigned long)tf->rsi, (unsigned long)tf->rdi);
	klog("  rbp %lx r8 %lx r9 %lx r10 %lx r11 %lx r12 %lx",
	     (unsigned long)tf->rbp, (unsigned long)tf->r8,
	     (unsigned long)tf->r9, (unsigned long)tf->r10,
	     (unsigned long)tf->r11, (unsigned long)tf->r12);
}

/* A user fault: record it as a security event and end the process. */
static void user_fault(struct thread *t, const struct trap_frame *tf)
{
	struct proc *p = t->proc;
	uint64_t addr = tf->vector == EXC_PF ? read_cr2() : tf->rip;

	audit(AUDIT_FAULT, p->pid, p->name, TS_E_FAULT, tf->rip, addr,
	      trap_vector_name(tf->vector));
	klog("kernel: %s (pid %u) %s at rip %lx addr %lx error %lx", p->name,
	     p->pid, trap_vector_name(tf->vector), (unsigned long)tf->rip,
	     (unsigned long)addr, (unsigned long)tf->error);
	proc_kill(p, "fault");
}

/*
 * Some hypervisors (this project's CI machine runs nested under a
 * paravirtual KVM) carry out a ring-3 SYSCALL by jumping to LSTAR without
 * leaving ring 3; the first instruction of syscall_entry then faults as a
 * user fetch of a supervisor page.  The frame still holds everything the
 * syscall needs (rax and arguments, rcx = return rip, r11 = rflags), so we
 * serve it as the syscall it was.  Jumping to syscall_entry on purpose buys
 * a program nothing it could not get from a plain syscall.  Such syscalls
 * return through iretq, never sysret.
 */
static bool syscall_stuck_in_ring3(const struct trap_frame *tf)
{
	static bool reported;

	if (tf->vector != EXC_PF || tf->rip != (uint64_t)syscall_entry ||
	    read_cr2() != (uint64_t)syscall_entry)
		return false;
	if (!reported) {
		klog("kernel: SYSCALL stayed in ring 3 (hypervisor quirk); "
		     "serving syscalls from the entry fault");
		uaccess_use_direct_map();
		reported = true;
	}
	return true;
}

void trap_from_user(struct trap_frame *tf)
{
	struct thread *t = current;

	if (!t)
		panic("trap: entry from ring 3 with no current thread");
	t->ctx = *tf;
	t->ctx_from_syscall = tf->vector == VEC_SYSCALL;
	if (tf->vector == EXC_PF && syscall_stuck_in_ring3(tf)) {
		t->ctx.rip = tf->rcx;
		t->ctx.rflags = tf->r11;
		syscall_dispatch(t);
	} else if (tf->vector == VEC_SYSCALL) {
		syscall_dispatch(t);
	} else if (tf->vector == VEC_TIMER) {
		apic_eoi();
		sched_tick();
	} else if (tf->vector >= VEC_IRQ_BASE &&
		   tf->vector < VEC_IRQ_BASE + IRQ_LINES) {
		apic_eoi();
		irq_handle((unsigned)(tf->vector - VEC_IRQ_BASE));
	} else if (tf->vector == EXC_NMI) {
		klog("kernel: NMI while in ring 3, ignored");
	} else if (tf->vector == EXC_MC) {
		trap_dump(tf);
		panic("machine check");
	} else if (tf->vector < 32) {
		user_fault(t, tf);
	} else if (tf->vector != VEC_SPURIOUS && tf->vector < VEC_PIC_BASE) {
		klog("kernel: unexpected vector %lu", (unsigned long)tf->vector);
	}
	sched_return_to_user();
}

void trap_from_kernel(struct trap_frame *tf)
{
	if (tf->vector == VEC_TIMER) {
		apic_eoi();
		sched_tick();
		return;
	}
	if (tf->vector >= VEC_IRQ_BASE && tf->vector < VEC_IRQ_BASE + IRQ_LINES) {
		apic_eoi();
		irq_handle((unsigned)(tf->vector - VEC_IRQ_BASE));
		return;
	}
	if (tf->vector == EXC_NMI) {
		klog("kernel: NMI in ring 0, ignored");
		return;
	}
	if (tf->vector == VEC_SPURIOUS || tf->vector >= VEC_PIC_BASE)
		return;
	klog("PANIC: %s in ring 0", trap_vector_name(tf->vector));
	trap_dump(tf);
	panic("kernel fault");
}

static bool canonical_user(uint64_t va)
{
	return va < 0x00007ffffffff000ull;
}

/*
 * Copies t's registers to the entry stack and leaves.  Whatever the saved
 * frame says, ring 3 gets ring-3 selectors, IF set and IOPL 0: user space
 * never runs with interrupts masked (K5) and never gets port access here.
 */
/* The thread whose FPU registers are in the CPU, or NULL. */
static struct thread *fpu_owner;

void arch_thread_gone(struct thread *t)
{
	if (fpu_owner == t)
		fpu_owner = NULL;
}

/* Loads the I/O bitmap for p when p or any capability changed. */
static void io_switch(struct proc *p)
{
	static struct proc *owner;
	static uint64_t epoch = ~0ull;
	uint32_t ranges[IO_RANGES_MAX][2];

	if (p == owner && epoch == cap_epoch)
		return;
	io_bitmap_load((const uint32_t(*)[2])ranges,
		       cap_io_ranges(p, ranges, IO_RANGES_MAX));
	owner = p;
	epoch = cap_epoch;
}

void arch_return_to_user(struct thread *t)
{
	struct trap_frame *out =
		(struct trap_frame *)((uintptr_t)entry_stack_top - TRAP_FRAME_SIZE);
	struct addrspace *as = &t->proc->as;
	int use_sysret;

	t->ctx.cs = SEL_UCODE;
	t->ctx.ss = SEL_UDATA;
	t->ctx.rflags = (t->ctx.rflags & 0xcd5) | RFLAGS_IF | RFLAGS_RESERVED1;
	/* sysret with a non-canonical rip faults in ring 0 on Intel parts. */
	use_sysret = t->ctx_from_syscall && canonical_user(t->ctx.rip);
	*out = t->ctx;
	io_switch(t->proc);
	if (fpu_owner != t) {
		fpu_switch(fpu_owner ? &fpu_owner->fpu : NULL, &t->fpu);
		fpu_owner = t;
	}
	entry_kernel_cr3 = as_kernel_cr3(as);
	trampoline_exit(as_user_cr3(as), use_sysret);
}
