/*
 * ioapic.c - the I/O APIC at its architectural default address.
 *
 * Every line starts masked and routed to vector VEC_IRQ_BASE + line on the
 * boot CPU (edge-triggered, active high: the ISA default).  A line is
 * unmasked only while a driver holding its IRQ capability has bound it to
 * a notification (kernel/irq.c); it is masked again on each interrupt
 * until the driver acknowledges, so a device cannot flood the CPU.
 */
#include "kernel/arch/x86_64/ioapic.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/log.h"

#define IOAPIC_PHYS 0xfec00000ull
#define IOAPIC_REG_VER 0x01
#define IOAPIC_REG_REDIR 0x10
#define REDIR_MASKED (1u << 16)

static volatile uint32_t *ioapic;
static unsigned lines;

static uint32_t ioapic_read(uint32_t reg)
{
	ioapic[0] = reg;
	return ioapic[4];
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
	ioapic[0] = reg;
	ioapic[4] = v;
}

void ioapic_init(void)
{
	ioapic = mmio_map(IOAPIC_PHYS, 4096);
	lines = ((ioapic_read(IOAPIC_REG_VER) >> 16) & 0xff) + 1;
	if (lines > IRQ_LINES)
		lines = IRQ_LINES;
	for (unsigned i = 0; i < lines; i++) {
		ioapic_write(IOAPIC_REG_REDIR + 2 * i, REDIR_MASKED | (VEC_IRQ_BASE + i));
		ioapic_write(IOAPIC_REG_REDIR + 2 * i + 1, 0); /* APIC id 0 */
	}
	klog("ioapic: %u lines, all masked", lines);
}

void ioapic_mask(unsigned line, bool masked)
{
	if (line >= lines)
		return;
	ioapic_write(IOAPIC_REG_REDIR + 2 * line,
		     (masked ? REDIR_MASKED : 0) | (VEC_IRQ_BASE + line));
}
