/* Calls into its .data section: data is RW + NX. */
#include "attack.h"

static uint8_t code[16] = { 0xc3 };

int main(void)
{
	TRYING("execute from data");
	((code_fn)(uintptr_t)code)();
	survived("executed data");
}
