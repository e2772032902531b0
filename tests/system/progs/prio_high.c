/* prio_high - see prio.h; the manifest (priority/) gives it its priority. */
#include "prio.h"

int main(void)
{
	return prio_run("prio_high", 300);
}
