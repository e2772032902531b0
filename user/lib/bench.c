/*
 * bench.c - see bench.h.
 */
#include "user/lib/bench.h"

uint32_t select_kth(uint32_t *a, int n, int k)
{
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		uint32_t pivot = a[(lo + hi) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j) {
				uint32_t t = a[i];
				a[i++] = a[j];
				a[j--] = t;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return a[k];
}
