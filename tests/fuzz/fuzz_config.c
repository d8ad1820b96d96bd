/*
 * fuzz_config.c: libFuzzer target for the configuration loader: the JSON
 * parser with positions and paths, and the validation of every key
 * (numbers, verify, fetch, sources, checkers, reporters, plugin_dirs,
 * inputs). A configuration either loads or is refused with a message
 * naming the file; nothing else may happen, however hostile the text.
 *
 * Built by tests/fuzz/build.sh, run by tests/fuzz/run.sh.
 */
#include "fuzz_util.h"

#include "conf.h"
#include "inputs.h"
#include "json.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = fz_copy(data, size);
	fc_config *cfg = NULL;
	fc_error err;
	fc_status rc;

	if (!t && size)
		return 0;
	fc_error_clear(&err);
	rc = fc_config_parse("fuzz.json", "/nonexistent/dir", t ? t : "", size,
			     &cfg, &err);
	if (rc != FC_OK) {
		FZ_CHECK(cfg == NULL, "a config returned with an error");
		FZ_CHECK(rc == FC_ERR_CONFIG || rc == FC_ERR_NOMEM,
			 "status %d", rc);
		FZ_CHECK(fz_message_ok(err.msg, sizeof(err.msg)),
			 "no message");
		FZ_CHECK(rc == FC_ERR_NOMEM ||
			     strncmp(err.msg, "fuzz.json", 9) == 0,
			 "the message does not name the file: %s", err.msg);
	} else {
		fc_globs inc = {0}, exc = {0};
		FZ_CHECK(cfg && cfg->root, "no tree");
		for (size_t i = 0; i < cfg->n_sources; i++)
			FZ_CHECK(cfg->sources[i].name && cfg->sources[i].plugin &&
				     cfg->sources[i].json_path,
				 "source %zu incomplete", i);
		/* The inputs object is read by the check command. */
		fc_error_clear(&err);
		if (fc_inputs_config(cfg->root, "fuzz.json", &inc, &exc, &err) !=
		    FC_OK)
			FZ_CHECK(fz_message_ok(err.msg, sizeof(err.msg)),
				 "no message");
		fc_globs_free(&inc);
		fc_globs_free(&exc);
		fc_config_free(cfg);
	}
	free(t);
	return 0;
}
