/*
 * Uses an AVX register.  Only x87/SSE state is saved per thread (FXSAVE),
 * so AVX must stay disabled (CR4.OSXSAVE clear): the instruction has to
 * fault with #UD rather than run with state another process could see.
 */
#include "attack.h"

int main(void)
{
	TRYING("vpxor on ymm0 (AVX)");
	__asm__ volatile("vpxor %ymm0, %ymm0, %ymm0");
	survived("used AVX registers");
}
