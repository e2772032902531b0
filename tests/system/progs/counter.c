/*
 * counter - the second ring-3 program: counts while init runs, never
 * yielding, so their interleaved lines show the timer preempting both.
 */
#include "user/lib/tessera.h"

int main(void)
{
	printf("counter: started (pid %ld)\n", (long)sys_getpid());
	for (int i = 1; i <= 5; i++) {
		spin_ns(20 * 1000 * 1000);
		printf("counter: %d\n", i);
	}
	printf("counter: done\n");
	return 0;
}
