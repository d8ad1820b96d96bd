/*
 * fuzz_util.h: what the libFuzzer targets of figcheck share: an exact-size
 * copy of the input (so that AddressSanitizer sees a read past its end)
 * and an invariant check that aborts, which libFuzzer reports as a crash.
 */
#ifndef FC_FUZZ_UTIL_H
#define FC_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A copy of the input, exactly `size` bytes (NULL when size is 0 or
 * memory runs out). */
static inline char *fz_copy(const uint8_t *data, size_t size)
{
	char *t = size ? malloc(size) : NULL;

	if (t)
		memcpy(t, data, size);
	return t;
}

/* A copy with a NUL after it. */
static inline char *fz_cstr(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);

	if (t) {
		if (size)
			memcpy(t, data, size);
		t[size] = 0;
	}
	return t;
}

#define FZ_CHECK(cond, ...)                                                    \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "invariant broken: %s: ", #cond);      \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			abort();                                               \
		}                                                              \
	} while (0)

/* True when `s` (NUL-terminated) is valid UTF-8 with no control
 * character but line breaks and tabs: what a message may hold. */
static inline int fz_message_ok(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	return n > 0 && n < max;
}

#endif
