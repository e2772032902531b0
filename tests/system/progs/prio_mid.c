/* prio_mid - see prio.h; the manifest (priority/) gives it its priority. */
#include "prio.h"

int main(void)
{
	return prio_run("prio_mid", 200);
}
