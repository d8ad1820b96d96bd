/* A plugin built for another ABI: the loader must refuse it, naming both
 * versions. */
#include <figcheck/plugin.h>

static fc_status init(const fc_host *h, fc_plugin_ctx *c, const fc_value *o,
		      void **s, fc_error *e)
{
	(void)h, (void)c, (void)o, (void)e;
	*s = NULL;
	return FC_OK;
}

static fc_status report(void *s, const fc_report *r, FILE *f, fc_error *e)
{
	(void)s, (void)r, (void)f, (void)e;
	return FC_OK;
}

__attribute__((visibility("default"))) const fc_plugin figcheck_plugin = {
    .magic = FC_PLUGIN_MAGIC,
    .abi = 99,
    .size = sizeof(fc_plugin),
    .kind = FC_PLUGIN_REPORTER,
    .name = "bad_abi",
    .version = "1",
    .init = init,
    .reporter = {.report = report},
};
