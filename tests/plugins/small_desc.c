/* A descriptor cut short: only its head, as an old or foreign header
 * would define it. The loader must refuse it without reading past it. */
#include <stdint.h>

#include <figcheck/plugin.h>

struct short_desc {
	uint32_t magic, abi, size;
};

__attribute__((visibility("default"))) const struct short_desc figcheck_plugin = {
    FC_PLUGIN_MAGIC, FC_PLUGIN_ABI, sizeof(struct short_desc)};
