/*
 * fuzz_html.c: libFuzzer target for the HTML prose view (tags, raw-text
 * elements, character references, comments, <meta>, JSON-LD and <time>
 * dates). See fuzz_prose.h.
 */
#include "fuzz_prose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_prose(data, size, "fuzz.html");
	return 0;
}
