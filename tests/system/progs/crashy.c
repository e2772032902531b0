/* crashy - faults at once (for init's restart test). */
#include "user/lib/tessera.h"

int main(void)
{
	printf("crashy: started, faulting\n");
	__asm__ volatile("ud2");
	return 0;
}
