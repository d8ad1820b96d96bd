/*
 * engine_int.h: the engine's state, shared by the files that make up the
 * engine (private to the core; not installed): engine.c (its life: open,
 * start, warnings, reports, the selftest), engine_sources.c (the
 * reference sources: their instances, fetching, loading the store) and
 * engine_check.c (checking one document).
 */
#ifndef FC_ENGINE_INT_H
#define FC_ENGINE_INT_H

#include "engine.h"
#include "fetch.h"
#include "host.h"
#include "store.h"
#include "verify.h"

struct fc_engine {
	fc_config *cfg;
	fc_logger logger;
	fc_plugin_set plugins;
	fc_num_options num;
	fc_verdict fail_on;
	fc_date date;        /* --date */
	char *rules_path;    /* colon-separated */
	char *cache_dir;     /* --cache-dir, or NULL */
	bool offline, refresh;
	bool show_unchecked; /* list the figures no rule bound */
	bool explain;        /* checkers explain their readings */

	fc_plugin_ctx **checkers;
	size_t n_checkers;

	fc_plugin_ctx **sources; /* parallel to cfg->sources */
	fc_source_info *infos;   /* parallel to cfg->sources */
	fc_verify_source *vsources;
	size_t n_sources;
	fc_store store;
	fc_fetcher *fetcher;
	fc_arena arena;          /* strings of infos */

	char **warnings;         /* run-level warnings for every report */
	size_t n_warnings, cap_warnings;
	bool no_sources;         /* checking with no reference source */
	fc_host_env env;         /* what plugin instances reach of the run */
};

/* engine.c: the names of the loaded plugins of a kind, comma-separated,
 * for messages, into buf. */
void fc_engine_plugin_names(const fc_engine *eng, fc_plugin_kind kind,
			    char *buf, size_t size);

/* engine_sources.c: makes the instances of the configured sources
 * (FC_START_SOURCES), and fetches and loads every source into the store
 * (FC_START_FETCH): a source that fails is said in its info and the run
 * goes on. FC_ERR_NOMEM, or a configuration error of an instance. */
fc_status fc_engine_start_sources(fc_engine *eng, fc_error *err);
fc_status fc_engine_fetch_sources(fc_engine *eng, fc_error *err);

#endif
