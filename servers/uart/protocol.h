/*
 * uart/protocol.h - the UART driver's IPC interface (clients include only
 * this).  Every request is answered at once: the driver never blocks a
 * caller.  Input arrival is announced by signalling the notification the
 * manifest gave the driver for its client (bit UART_INPUT_BIT).
 *
 * Replies carry the request's label; w0 is a count (>= 0) or a negative
 * ts_status (TS_E_INVAL for an unknown label), as syscalls return.
 */
#ifndef TESSERA_UART_PROTOCOL_H
#define TESSERA_UART_PROTOCOL_H

enum uart_label {
	UART_WRITE = 1, /* payload: bytes to send; reply w0 = bytes sent
			 * (fewer if the transmitter stayed busy) */
	UART_READ = 2,  /* reply payload: pending input bytes; w0 = count,
			 * w1 = input bytes dropped so far (ring full) */
};

#define UART_INPUT_BIT 1u
#define UART_RING_SIZE 1024u /* input bytes held for the client, at most */

#endif
