/*
 * util.h: small memory helpers of the rules checker (rules.c and the
 * frames reader). Not installed.
 */
#ifndef FC_RULES_UTIL_H
#define FC_RULES_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Makes room for `need` items of `size` bytes in the array *items of
 * capacity *cap (doubling); true on success. On failure *items is
 * untouched (still the caller's to free). */
bool fr_grow(void **items, size_t *cap, size_t need, size_t size);

/* A NUL-terminated copy of s[0..n), which the caller frees; NULL when
 * out of memory. */
char *fr_dupn(const char *s, size_t n);

/* A copy of s, which the caller frees; NULL when s is NULL or out of
 * memory. */
char *fr_dup(const char *s);

#endif
