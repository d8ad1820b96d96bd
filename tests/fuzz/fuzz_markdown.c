/*
 * fuzz_markdown.c: libFuzzer target for the Markdown prose view (front
 * matter and its date, code, links, emphasis, tables, comments and
 * suppression directives, HTML inside Markdown). See fuzz_prose.h.
 */
#include "fuzz_prose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_prose(data, size, "fuzz.md");
	return 0;
}
