/*
 * random.c - hardware entropy into the ChaCha20 CSPRNG.
 *
 * RDRAND is required (cpu.c refuses to boot without it, K4); a RDRAND that
 * keeps failing is treated as absent.  The pool reseeds from RDRAND every
 * RESEED_BYTES of output.
 */
#include <stdint.h>
#include "kernel/random.h"
#include "kernel/log.h"
#include "lib/crypto/csprng.h"
#include "kernel/arch/x86_64/trap.h"

#define RETRIES 32
#define RESEED_BYTES (1u << 20)

static struct csprng pool;
static int use_rdseed;


static int rdrand64(uint64_t *v)
{
	for (int i = 0; i < RETRIES; i++) {
		uint8_t ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 1;
	}
	return 0;
}

static int rdseed64(uint64_t *v)
{
	for (int i = 0; i < RETRIES; i++) {
		uint8_t ok;
		__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 1;
	}
	return 0;
}

static void hw_seed(uint8_t seed[32])
{
	for (int i = 0; i < 4; i++) {
		uint64_t a = 0, b = 0;
		if (!rdrand64(&a))
			boot_refuse("RDRAND returns no data; refusing to run without entropy");
		if (use_rdseed && rdseed64(&b))
			a ^= b;
		for (int j = 0; j < 8; j++)
			seed[i * 8 + j] = (uint8_t)(a >> (8 * j));
	}
}

void random_init(void)
{
	uint8_t seed[32];

	use_rdseed = cpu_has_feature("rdseed");
	hw_seed(seed);
	csprng_init(&pool, seed);
	for (int i = 0; i < 32; i++)
		seed[i] = 0;
	klog("random: ChaCha20 CSPRNG seeded from RDRAND%s",
	     use_rdseed ? "+RDSEED" : "");
}

void random_bytes(void *out, size_t len)
{
	if (pool.bytes_since_reseed >= RESEED_BYTES) {
		uint8_t seed[32];
		hw_seed(seed);
		csprng_reseed(&pool, seed);
	}
	csprng_fill(&pool, out, len);
}
