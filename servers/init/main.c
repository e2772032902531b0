/*
 * init - the first ring-3 program.  Today it proves it runs preemptively
 * beside its peers; with the authority issue it becomes the spawner of
 * every server from the signed manifest.
 */
#include "user/lib/tessera.h"

int main(void)
{
	printf("init: hello from ring 3 (pid %ld)\n", (long)sys_getpid());
	for (int i = 1; i <= 5; i++) {
		spin_ns(20 * 1000 * 1000);
		printf("init: tick %d\n", i);
	}
	printf("init: done\n");
	return 0;
}
