/* Puts a `ret` on its stack and calls it: the stack is RW + NX. */
#include "attack.h"

int main(void)
{
	volatile uint8_t code[16] = { 0xc3 };

	TRYING("execute from stack");
	((code_fn)(uintptr_t)code)();
	survived("executed stack");
}
