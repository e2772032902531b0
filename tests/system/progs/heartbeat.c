/*
 * heartbeat - the bystander in every attack test: it must keep running,
 * unaffected, while the attacker is denied and killed.
 */
#include "user/lib/tessera.h"

int main(void)
{
	for (int i = 1; i <= 8; i++) {
		spin_ns(30 * 1000 * 1000);
		printf("heartbeat: beat %d\n", i);
	}
	printf("heartbeat: done\n");
	return 0;
}
