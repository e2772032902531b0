/* A program linked (bad_wx.ld) with one segment that is writable and
 * executable: the loader must refuse to start it at all. */
#include "user/lib/tessera.h"

int main(void)
{
	printf("SURVIVED: a W+X image was started\n");
	return 1;
}
