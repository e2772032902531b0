/*
 * hello - the first ring-3 program of the foundation: it proves it runs
 * preemptively beside its peers (counter).  Started by the kernel itself
 * when the command line has no "init".
 */
#include "user/lib/tessera.h"

int main(void)
{
	printf("hello: hello from ring 3 (pid %ld)\n", (long)sys_getpid());
	for (int i = 1; i <= 5; i++) {
		spin_ns(20 * 1000 * 1000);
		printf("hello: tick %d\n", i);
	}
	printf("hello: done\n");
	return 0;
}
