/*
 * keystore/protocol.h - the key store's IPC interface (D3; clients include
 * only this).  The key store holds Ed25519 private keys and signs only
 * under the key whose public half is the caller's principal, as the kernel
 * stamped it into the message (ipc_header.sender_principal): a caller
 * cannot ask for anyone else's signature.  Every request is answered at
 * once; w0 of the reply is a ts_status.  docs/IDENTITY.md.
 */
#ifndef TESSERA_KEYSTORE_PROTOCOL_H
#define TESSERA_KEYSTORE_PROTOCOL_H

enum keystore_label {
	KEYSTORE_SIGN = 1, /* w0..w3 = the public key to sign under (32 bytes,
			    * it must equal the caller's principal); payload =
			    * the message (0..4096 bytes).  Reply: w0 = TS_OK
			    * and payload = the 64-byte signature; or
			    * TS_E_DENIED (the key is not the caller's
			    * principal, or the caller has none), TS_E_NOENT
			    * (the caller's principal is not held here) */
	KEYSTORE_KEYS = 2, /* reply: w0 = TS_OK, w1 = n, payload = the n
			    * public keys held (32 bytes each): public, for
			    * anyone who can call */
};

#define KEYSTORE_SIG_BYTES 64
#define KEYSTORE_MAX_KEYS 8

#endif
