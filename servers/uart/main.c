/*
 * uart - the COM1 driver (S2, S3).  It owns only COM1's eight I/O ports and
 * its interrupt line, and serves one client: the console.
 *
 * Capability slots (granted by init, or by termtest in the tests):
 *   0  endpoint      RECV        its clients' requests (servers/uart/protocol.h)
 *   1  I/O ports     READ|WRITE  0x3f8-0x3ff, opened in the TSS I/O bitmap
 *   2  IRQ line 4    RECV        COM1's interrupt
 *   3  notification  SEND|RECV   its own: bound to this thread, so a receive
 *                                also returns its bits; the IRQ signals
 *                                IRQ_BIT on it
 *   4  notification  SEND        the client's "input ready" (UART_INPUT_BIT)
 *
 * It never blocks a caller: a write polls LSR.THRE per byte (with a bounded
 * spin), a read hands out what the input ring holds.  Input that arrives
 * while the ring is full (UART_RING_SIZE bytes not yet fetched) is dropped
 * and counted.
 *
 * The divisor latch is left as the kernel's boot serial set it (115200
 * baud): reprogramming it needs LCR.DLAB, and a kernel line written in that
 * window would land in the latch instead of the transmitter.
 */
#include <stdbool.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "servers/uart/protocol.h"

enum {
	SLOT_EP = 0,
	SLOT_PORTS = 1,
	SLOT_IRQ = 2,
	SLOT_SELF = 3,
	SLOT_CLIENT = 4,
};

#define IRQ_BIT 1u

#define COM1 0x3f8
#define REG_DATA 0 /* RBR (read) / THR (write) */
#define REG_IER 1
#define REG_FCR 2  /* FCR (write) / IIR (read) */
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define LSR_DR 0x01   /* a received byte is waiting */
#define LSR_THRE 0x20 /* the transmit holding register is empty */
#define THRE_SPIN 200000 /* LSR polls per byte before a write gives up */
#define RX_GUARD 4096    /* bytes taken per drain, at most (a stuck LSR) */

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static uint8_t ring[UART_RING_SIZE];
static uint32_t ring_head, ring_count;
static uint64_t dropped;

static void hw_init(void)
{
	outb(COM1 + REG_IER, 0x00);
	outb(COM1 + REG_LCR, 0x03); /* 8 data bits, no parity, 1 stop bit */
	outb(COM1 + REG_FCR, 0x07); /* FIFO on, both cleared, trigger 1 byte */
	outb(COM1 + REG_MCR, 0x0b); /* DTR, RTS, OUT2 (IRQ to the IOAPIC) */
	for (int i = 0; i < 16 && (inb(COM1 + REG_LSR) & LSR_DR); i++)
		(void)inb(COM1 + REG_DATA); /* stale input */
	(void)inb(COM1 + 2);                /* IIR: clear a pending condition */
	outb(COM1 + REG_IER, 0x01);         /* received-data interrupt only */
}

/* Moves what the receiver holds into the ring; true if anything came. */
static bool drain_rx(void)
{
	bool got = false;

	for (int i = 0; i < RX_GUARD && (inb(COM1 + REG_LSR) & LSR_DR); i++) {
		uint8_t c = inb(COM1 + REG_DATA);
		got = true;
		if (ring_count == UART_RING_SIZE) {
			dropped++;
			continue;
		}
		ring[(ring_head + ring_count) % UART_RING_SIZE] = c;
		ring_count++;
	}
	return got;
}

/* The line is masked until acknowledged; drain again after the ack so a
 * byte that came in between is not left waiting for the next one. */
static void on_interrupt(void)
{
	bool got = drain_rx();

	sys_irq_ack(SLOT_IRQ);
	got |= drain_rx();
	if (got)
		notify_signal(SLOT_CLIENT, UART_INPUT_BIT);
}

static uint64_t uart_write(const uint8_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		int spin = THRE_SPIN;
		while (!(inb(COM1 + REG_LSR) & LSR_THRE))
			if (--spin == 0)
				return i;
		outb(COM1 + REG_DATA, p[i]);
	}
	return i;
}

static uint32_t uart_read(uint8_t *out, uint32_t max)
{
	uint32_t n = 0;

	drain_rx();
	while (n < max && ring_count) {
		out[n++] = ring[ring_head];
		ring_head = (ring_head + 1) % UART_RING_SIZE;
		ring_count--;
	}
	return n;
}

/* One request: fills the reply's info and words. */
static uint64_t handle(const struct msg *m, uint64_t w[4])
{
	uint64_t label = IPC_INFO_LABEL(m->info);
	uint32_t n;

	memset(w, 0, 4 * sizeof(w[0]));
	switch (label) {
	case UART_WRITE:
		w[0] = uart_write(ipc_payload(), IPC_INFO_LEN(m->info));
		return IPC_INFO(label, 0);
	case UART_READ:
		n = uart_read(ipc_payload(), IPC_PAYLOAD_MAX);
		w[0] = n;
		w[1] = dropped;
		return IPC_INFO(label, n);
	default:
		w[0] = (uint64_t)TS_E_INVAL;
		return IPC_INFO(label, 0);
	}
}

static int fail(const char *what, ts_status s)
{
	printf("uart: %s: %s\n", what, ts_status_name(s));
	return 1;
}

int main(void)
{
	struct msg m;
	uint64_t w[4];
	ts_status s;

	ipc_header()->timeout_ns = 0;
	hw_init();
	s = sys_notify_bind(SLOT_SELF);
	if (s != TS_OK)
		return fail("cannot bind its notification", s);
	s = sys_irq_bind(SLOT_IRQ, SLOT_SELF, IRQ_BIT);
	if (s != TS_OK)
		return fail("cannot bind COM1's interrupt", s);
	if (drain_rx())
		notify_signal(SLOT_CLIENT, UART_INPUT_BIT);

	s = ipc_recv(SLOT_EP, &m);
	for (;;) {
		if (s != TS_OK)
			return fail("receive ended", s);
		if (IPC_INFO_LABEL(m.info) == IPC_LABEL_NOTIFY) {
			if (m.badge & IRQ_BIT)
				on_interrupt();
			s = ipc_recv(SLOT_EP, &m);
			continue;
		}
		s = ipc_reply_recv(SLOT_EP, handle(&m, w), w, &m);
	}
}
