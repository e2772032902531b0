/*
 * irq.c - which notification each interrupt line signals.
 *
 * A binding belongs to the capability node it was made through: when that
 * capability is revoked or its holder exits, the line is masked and
 * unbound (irq_cap_node_freed), so a dead or demoted driver receives
 * nothing and a new one can bind.
 */
#include "kernel/irq.h"
#include "kernel/cap.h"
#include "kernel/endpoint.h"
#include "kernel/arch/x86_64/ioapic.h"

static struct {
	uint64_t notification, bits;
	uint32_t cap_node;
	bool bound;
} line_binding[IRQ_LINES];

ts_status irq_bind(unsigned line, uint32_t cap_node, uint64_t notification,
		   uint64_t bits)
{
	if (line >= IRQ_LINES || bits == 0)
		return TS_E_INVAL;
	if (line_binding[line].bound && line_binding[line].cap_node != cap_node)
		return TS_E_BUSY;
	line_binding[line].notification = notification;
	line_binding[line].bits = bits;
	line_binding[line].cap_node = cap_node;
	line_binding[line].bound = true;
	ioapic_mask(line, false);
	return TS_OK;
}

ts_status irq_ack(unsigned line, uint32_t cap_node)
{
	if (line >= IRQ_LINES || !line_binding[line].bound ||
	    line_binding[line].cap_node != cap_node)
		return TS_E_INVAL;
	ioapic_mask(line, false);
	return TS_OK;
}

/* Called with the line's vector: mask until the driver acknowledges. */
void irq_handle(unsigned line)
{
	if (line >= IRQ_LINES)
		return;
	ioapic_mask(line, true);
	if (line_binding[line].bound)
		notify_signal(line_binding[line].notification,
			      line_binding[line].bits);
}

static void unbind(unsigned line)
{
	ioapic_mask(line, true);
	line_binding[line].bound = false;
}

void irq_cap_node_freed(uint32_t node)
{
	for (unsigned line = 0; line < IRQ_LINES; line++)
		if (line_binding[line].bound && line_binding[line].cap_node == node)
			unbind(line);
}

void irq_notification_freed(uint64_t notification)
{
	for (unsigned line = 0; line < IRQ_LINES; line++)
		if (line_binding[line].bound &&
		    line_binding[line].notification == notification)
			unbind(line);
}
