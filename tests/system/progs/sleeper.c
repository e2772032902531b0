/* sleeper - waits for ever on a notification it will never get. */
#include "user/lib/tessera.h"

int main(void)
{
	for (;;)
		notify_wait(0, NULL);
}
