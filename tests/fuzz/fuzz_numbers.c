/*
 * fuzz_numbers.c: libFuzzer target for the number engine. Scans every
 * input under both locales and both round policies and checks what the
 * rules checker relies on: readings inside the text, in order, not
 * overlapping, with no NaN and sane bounds. Any violation aborts, which
 * libFuzzer reports as a crash.
 *
 * Built by tests/fuzz/build.sh, run by tests/fuzz/run.sh.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/figcheck.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, size_t k, const fc_number *n)
{
	fprintf(stderr,
	        "invariant broken: %s at reading %zu (%zu/%zu/%zu, "
	        "value %g, low %g, high %g)\n",
	        what, k, n->start, n->value_start, n->end, n->value, n->low,
	        n->high);
	abort();
}

static void check(const fc_number_list *l, size_t size)
{
	for (size_t k = 0; k < l->count; k++) {
		const fc_number *n = &l->items[k];
		if (!(n->start <= n->value_start && n->value_start < n->end &&
		      n->end <= size))
			fail("span outside the text", k, n);
		if (k > 0 && l->items[k - 1].end > n->start)
			fail("readings overlap or are out of order", k, n);
		if (isnan(n->value) || isnan(n->value2) || isnan(n->low) ||
		    isnan(n->high) || isnan(n->precision))
			fail("NaN", k, n);
		if (!isfinite(n->value) || !isfinite(n->value2))
			fail("infinite value", k, n);
		if (n->low > n->high)
			fail("low above high", k, n);
		if ((unsigned)n->qualifier >= FC_QUALIFIER_COUNT ||
		    (unsigned)n->kind >= FC_NUM_KIND_COUNT)
			fail("qualifier or kind out of range", k, n);
		if (n->unit[sizeof(n->unit) - 1] != 0)
			fail("unit not terminated", k, n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that AddressSanitizer sees any read past
	 * the end: the engine must never read outside [0, size). */
	char *t = malloc(size ? size : 1);

	if (!t)
		return 0;
	if (size)
		memcpy(t, data, size);
	for (int loc = 0; loc < 2; loc++)
		for (int pol = 0; pol < 2; pol++) {
			fc_num_options o;
			fc_number_list l = {0};
			fc_num_options_init(&o);
			o.locale = loc ? FC_LOCALE_DE : FC_LOCALE_EN;
			o.round = pol ? FC_ROUND_LAST_NONZERO : FC_ROUND_EXACT;
			if (fc_numbers_scan(t, size, &o, &l) != FC_OK)
				abort(); /* only NOMEM may fail */
			check(&l, size);
			fc_number_list_free(&l);
		}
	free(t);
	return 0;
}
