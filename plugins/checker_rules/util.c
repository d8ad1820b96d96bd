/*
 * util.c: small memory helpers of the rules checker (see util.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool fr_grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / size)
		return false;
	p = realloc(*items, ncap * size);
	if (!p)
		return false;
	*items = p;
	*cap = ncap;
	return true;
}

char *fr_dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

char *fr_dup(const char *s)
{
	return s ? fr_dupn(s, strlen(s)) : NULL;
}
