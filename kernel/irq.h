/*
 * irq.h - device interrupts delivered to user drivers as notification bits
 * (I3).  The kernel does no device work: it masks the line, signals the
 * bound notification, and unmasks when the driver acknowledges.
 */
#ifndef TESSERA_KERNEL_IRQ_H
#define TESSERA_KERNEL_IRQ_H

#include <stdint.h>
#include "include/abi/status.h"

ts_status irq_bind(unsigned line, uint32_t cap_node, uint64_t notification,
		   uint64_t bits);
ts_status irq_ack(unsigned line, uint32_t cap_node);
void irq_handle(unsigned line);
void irq_cap_node_freed(uint32_t node);
void irq_notification_freed(uint64_t notification);

#endif
