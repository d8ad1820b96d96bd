/* A descriptor of an unknown kind and without its callbacks. */
#include <figcheck/plugin.h>

__attribute__((visibility("default"))) const fc_plugin figcheck_plugin = {
    .magic = FC_PLUGIN_MAGIC,
    .abi = FC_PLUGIN_ABI,
    .size = sizeof(fc_plugin),
    .kind = (fc_plugin_kind)9,
    .name = "bad_kind",
    .version = "1",
};
