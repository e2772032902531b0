/*
 * random.h - the kernel CSPRNG (K4): ChaCha20 with fast key erasure,
 * seeded from RDRAND and, where present, RDSEED.
 */
#ifndef TESSERA_KERNEL_RANDOM_H
#define TESSERA_KERNEL_RANDOM_H

#include <stddef.h>

void random_init(void);
void random_bytes(void *out, size_t len);

#endif
