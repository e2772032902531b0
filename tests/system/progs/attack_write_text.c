/* Writes to its own code page: text is mapped R+X, never W. */
#include "attack.h"

int main(void)
{
	volatile uint8_t *text = (volatile uint8_t *)(uintptr_t)&main;

	TRYING("write to own text");
	*text = 0xc3;
	survived("wrote own text");
}
