/* A checker descriptor without its required callbacks. */
#include <figcheck/plugin.h>

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_CHECKER, .name = "no_init", .version = "1");
