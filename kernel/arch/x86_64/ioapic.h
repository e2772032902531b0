/*
 * ioapic.h - routing device interrupt lines to vectors.
 */
#ifndef TESSERA_X86_IOAPIC_H
#define TESSERA_X86_IOAPIC_H

#include <stdbool.h>
#include <stdint.h>

#define IRQ_LINES 24
#define VEC_IRQ_BASE 0x30 /* line n arrives as vector 0x30 + n */

void ioapic_init(void);
void ioapic_mask(unsigned line, bool masked);

#endif
