/*
 * apic.c - local APIC, legacy PIC and PIT.
 *
 * The legacy PIC is remapped out of the exception range and fully masked;
 * the PIT is used once, to measure the APIC timer and TSC rates against a
 * known 10 ms gate, then left alone.
 */
#include "kernel/arch/x86_64/apic.h"
#include "kernel/arch/x86_64/layout.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/x86.h"
#include "kernel/log.h"

#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_LVT_TIMER 0x320
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CUR 0x390
#define APIC_TIMER_DIV 0x3e0
#define LVT_MASKED (1u << 16)
#define LVT_PERIODIC (1u << 17)

#define PIT_HZ 1193182u
#define CALIBRATE_MS 10u

static volatile uint32_t *apic;
static uint64_t tsc_rate, tsc_at_boot;

static uint32_t apic_read(uint32_t reg)
{
	return apic[reg / 4];
}

static void apic_write(uint32_t reg, uint32_t v)
{
	apic[reg / 4] = v;
}

static void pic_disable(void)
{
	/* ICW1..4: remap to VEC_PIC_BASE so a spurious IRQ can never look
	 * like an exception, then mask every line. */
	outb(0x20, 0x11);
	outb(0xa0, 0x11);
	outb(0x21, VEC_PIC_BASE);
	outb(0xa1, VEC_PIC_BASE + 8);
	outb(0x21, 4);
	outb(0xa1, 2);
	outb(0x21, 1);
	outb(0xa1, 1);
	outb(0x21, 0xff);
	outb(0xa1, 0xff);
}

/* Busy-waits CALIBRATE_MS on PIT channel 2 (gate via port 0x61). */
static void pit_wait(void)
{
	uint32_t count = PIT_HZ / (1000 / CALIBRATE_MS);
	uint8_t gate = (uint8_t)((inb(0x61) & ~0x02) | 0x01);

	outb(0x61, gate & ~0x01);
	outb(0x43, 0xb0); /* channel 2, lo/hi byte, mode 0 */
	outb(0x42, (uint8_t)count);
	outb(0x42, (uint8_t)(count >> 8));
	outb(0x61, gate);
	while (!(inb(0x61) & 0x20))
		;
}

void apic_init(unsigned hz)
{
	uint64_t base = rdmsr(MSR_APIC_BASE) & 0xfffff000ull, t0;
	uint32_t ticks;

	pic_disable();
	apic = mmio_map(base, 4096);
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1u << 11));
	apic_write(APIC_SVR, 0x100 | VEC_SPURIOUS);
	apic_write(APIC_TPR, 0);

	apic_write(APIC_TIMER_DIV, 0x3); /* divide by 16 */
	apic_write(APIC_LVT_TIMER, LVT_MASKED);
	apic_write(APIC_TIMER_INIT, 0xffffffff);
	t0 = rdtsc();
	pit_wait();
	ticks = 0xffffffff - apic_read(APIC_TIMER_CUR);
	tsc_rate = (rdtsc() - t0) * (1000 / CALIBRATE_MS);
	tsc_at_boot = t0;
	if (ticks == 0 || tsc_rate == 0)
		panic("apic: timer calibration failed");

	apic_write(APIC_LVT_TIMER, VEC_TIMER | LVT_PERIODIC);
	apic_write(APIC_TIMER_INIT, ticks * (1000 / CALIBRATE_MS) / hz);
	klog("apic: timer %u Hz (%u ticks per 10 ms), TSC %lu kHz", hz, ticks,
	     (unsigned long)(tsc_rate / 1000));
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

uint64_t tsc_hz(void)
{
	return tsc_rate;
}

uint64_t time_ns(void)
{
	uint64_t d = rdtsc() - tsc_at_boot;

	if (!tsc_rate)
		return 0;
	/* Split to avoid overflow: seconds, then the remainder. */
	return d / tsc_rate * 1000000000ull + d % tsc_rate * 1000000000ull / tsc_rate;
}
