/* Jumps into kernel text from ring 3. */
#include "attack.h"

int main(void)
{
	TRYING("call kernel text at 0xffffffff80101000");
	((code_fn)0xffffffff80101000ull)();
	survived("ran kernel code");
}
