/*
 * cpu.c - descriptor tables and the CPU's protection switches.
 *
 * The GDT and IDT sit in .entry.rodata: user page tables must map them (the
 * CPU reads them on every ring change) and they are read-only once the
 * kernel's own tables are loaded, so they are written here, under the boot
 * tables, and never again.  The TSS is in .entry.data (RW, NX).
 */
#include <stdint.h>
#include <string.h>
#include "kernel/arch/x86_64/x86.h"
#include "kernel/arch/x86_64/trap.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/fpu.h"

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
} __attribute__((packed));

struct table_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/*
 * syscall/sysret fix the selector order: STAR[47:32] = kernel CS, kernel
 * SS = +8; STAR[63:48] + 8 = user SS, + 16 = user CS.  Accessed bits are
 * preset so the CPU never writes to the (read-only) GDT.
 */
__attribute__((section(".entry.rodata"), aligned(4096)))
static uint64_t gdt[8] = {
	0,
	0x00af9b000000ffff, /* 0x08 kernel code, 64-bit */
	0x00cf93000000ffff, /* 0x10 kernel data */
	0,                  /* 0x18 user code 32-bit: unused */
	0x00cff3000000ffff, /* 0x20 user data */
	0x00affb000000ffff, /* 0x28 user code, 64-bit */
	0, 0,               /* 0x30 TSS, filled at boot */
};

__attribute__((section(".entry.rodata"), aligned(4096)))
static struct idt_gate idt[256];

/*
 * The TSS and its I/O permission bitmap (a set bit denies the port).  The
 * bitmap holds exactly the ranges of the I/O-port capabilities of the
 * process in ring 3 (io_bitmap_load); every other port faults (#GP).
 */
#define IO_PORTS 65536
struct tss_io {
	struct tss tss;
	uint8_t bitmap[IO_PORTS / 8];
	uint8_t end; /* the CPU may read one byte past the bitmap: all ones */
} __attribute__((packed));

__attribute__((section(".entry.data"), aligned(64)))
static struct tss_io tss_io = { .tss = { .iomap_base = sizeof(struct tss) } };
#define tss (tss_io.tss)

static void io_set(uint32_t base, uint32_t count, int allow)
{
	for (uint32_t port = base; port < base + count && port < IO_PORTS; port++) {
		if (allow)
			tss_io.bitmap[port / 8] &= (uint8_t)~(1u << (port % 8));
		else
			tss_io.bitmap[port / 8] |= (uint8_t)(1u << (port % 8));
	}
}

/* Ranges open in the bitmap now, so the next switch can close them. */
static struct { uint32_t base, count; } io_open[IO_RANGES_MAX];
static unsigned io_open_count;

/* Replaces the open ranges with ranges[0..n) (port base, count pairs). */
void io_bitmap_load(const uint32_t (*ranges)[2], unsigned n)
{
	for (unsigned i = 0; i < io_open_count; i++)
		io_set(io_open[i].base, io_open[i].count, 0);
	io_open_count = 0;
	for (unsigned i = 0; i < n && i < IO_RANGES_MAX; i++) {
		io_set(ranges[i][0], ranges[i][1], 1);
		io_open[io_open_count].base = ranges[i][0];
		io_open[io_open_count++].count = ranges[i][1];
	}
}

static int has_pcid;

static void idt_set(int vec, uint64_t handler, int ist)
{
	idt[vec] = (struct idt_gate){
		.offset_lo = (uint16_t)handler,
		.selector = SEL_KCODE,
		.ist = (uint8_t)ist,
		.type_attr = 0x8e, /* present, DPL 0, interrupt gate */
		.offset_mid = (uint16_t)(handler >> 16),
		.offset_hi = (uint32_t)(handler >> 32),
	};
}

void cpu_init_tables(void)
{
	uint64_t base = (uint64_t)&tss_io, limit = sizeof(tss_io) - 1;
	struct table_ptr gp = { sizeof(gdt) - 1, (uint64_t)gdt };
	struct table_ptr ip = { sizeof(idt) - 1, (uint64_t)idt };

	memset(tss_io.bitmap, 0xff, sizeof(tss_io.bitmap));
	tss_io.end = 0xff;
	tss.rsp[0] = (uint64_t)entry_stack_top;
	tss.ist[0] = (uint64_t)ist_nmi_top;
	tss.ist[1] = (uint64_t)ist_df_top;
	tss.ist[2] = (uint64_t)ist_mc_top;
	gdt[6] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		 (0x89ull << 40) | (((limit >> 16) & 0xf) << 48) |
		 (((base >> 24) & 0xff) << 56);
	gdt[7] = base >> 32;

	for (int v = 0; v < 256; v++)
		idt_set(v, (uint64_t)isr_stubs + 16 * (uint64_t)v, 0);
	idt_set(EXC_NMI, (uint64_t)isr_stubs + 16 * EXC_NMI, 1);
	idt_set(EXC_DF, (uint64_t)isr_stubs + 16 * EXC_DF, 2);
	idt_set(EXC_MC, (uint64_t)isr_stubs + 16 * EXC_MC, 3);

	__asm__ volatile("lgdt %0" : : "m"(gp));
	__asm__ volatile("lidt %0" : : "m"(ip));
	__asm__ volatile(
		"pushq %0\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %w1, %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		: : "i"((uint64_t)SEL_KCODE), "i"(SEL_KDATA) : "rax", "memory");
	__asm__ volatile("ltr %w0" : : "r"(SEL_TSS));
}

/* The features Tessera relies on; all are required or the boot stops. */
struct feature {
	const char *name;
	uint32_t leaf, sub;
	int reg; /* 1 = ebx, 2 = ecx, 3 = edx */
	int bit;
	int required;
};

static const struct feature features[] = {
	{ "nx", 0x80000001, 0, 3, 20, 1 },
	{ "syscall", 0x80000001, 0, 3, 11, 1 },
	{ "rdrand", 1, 0, 2, 30, 1 },
	{ "smep", 7, 0, 1, 7, 1 },
	{ "smap", 7, 0, 1, 20, 1 },
	{ "umip", 7, 0, 2, 2, 1 },
	{ "pcid", 1, 0, 2, 17, 0 },
	{ "rdseed", 7, 0, 1, 18, 0 },
	{ "apic", 1, 0, 3, 9, 1 },
};

static int feature_present(const struct feature *f)
{
	uint32_t r[4];

	cpuid(f->leaf & 0x80000000, 0, r);
	if (r[0] < f->leaf)
		return 0;
	cpuid(f->leaf, f->sub, r);
	return (r[f->reg] >> f->bit) & 1;
}

int cpu_has_feature(const char *name)
{
	for (unsigned i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		if (strcmp(features[i].name, name) == 0)
			return feature_present(&features[i]);
	return 0;
}

/*
 * Fail closed: a CPU without one of the protections we promise does not
 * get a weaker Tessera, it gets none.
 */
static void require_features(void)
{
	for (unsigned i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
		const struct feature *f = &features[i];
		if (f->required && !feature_present(f))
			boot_refuse("CPU lacks %s; Tessera refuses to boot without it",
				    f->name);
	}
}

void cpu_init_features(void)
{
	uint64_t cr0, cr4;

	require_features();
	has_pcid = cpu_has_feature("pcid");

	cr0 = read_cr0();
	cr0 |= CR0_WP;
	write_cr0(cr0);

	cr4 = read_cr4();
	cr4 &= ~(CR4_OSFXSR | CR4_OSXMMEXCPT | CR4_OSXSAVE | CR4_FSGSBASE |
		 CR4_PGE);
	cr4 |= CR4_SMEP | CR4_SMAP | CR4_UMIP;
	if (has_pcid)
		cr4 |= CR4_PCIDE;
	write_cr4(cr4);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE | EFER_NXE);
	wrmsr(MSR_STAR, ((uint64_t)(SEL_UDATA - 8 - 3) << 48) |
				((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/* Clear TF, IF, DF, IOPL, NT, AC on entry. */
	wrmsr(MSR_FMASK, 0x47700);
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_GS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

int cpu_has_pcid(void)
{
	return has_pcid;
}

void cpu_report(void)
{
	uint64_t cr0 = read_cr0(), cr4 = read_cr4(), efer = rdmsr(MSR_EFER);

	klog("cpu: NX=%d SMEP=%d SMAP=%d UMIP=%d WP=%d PCID=%d FPU=%s",
	     !!(efer & EFER_NXE), !!(cr4 & CR4_SMEP), !!(cr4 & CR4_SMAP),
	     !!(cr4 & CR4_UMIP), !!(cr0 & CR0_WP), !!(cr4 & CR4_PCIDE),
	     fpu_mode());
}
