/*
 * apic.h - the local APIC timer (the scheduler's tick) and time keeping.
 */
#ifndef TESSERA_X86_APIC_H
#define TESSERA_X86_APIC_H

#include <stdint.h>

void apic_init(unsigned hz);
void apic_eoi(void);
uint64_t time_ns(void);
uint64_t tsc_hz(void);

#endif
