/* x87 use: the FPU is off for everyone (no state shared between
 * processes), so the first x87 instruction faults. */
#include "attack.h"

int main(void)
{
	TRYING("x87 fld1");
	__asm__ volatile("fld1");
	survived("used the FPU");
}
