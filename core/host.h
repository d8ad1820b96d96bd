/*
 * host.h: plugin instances and the host table they reach the core by.
 */
#ifndef FC_HOST_H
#define FC_HOST_H

#include <cjson/cJSON.h>
#include <figcheck/plugin.h>

#include "conf.h"
#include "loader.h"
#include "log.h"
#include "util.h"

/*
 * What plugin instances reach of the run: its logger, its configuration
 * (to resolve paths), the number options, the rule packs' search path and
 * how a source fetches a resource. Owned by whoever makes the instances
 * (the engine); it must outlive them.
 */
typedef struct fc_host_env {
	const fc_logger *logger;
	const fc_config *config;
	const fc_num_options *num;
	const char *rules_path; /* colon-separated folders */
	/* Fetches `url` for the source named `who` into *out (see
	 * fc_host.fetch). */
	fc_status (*fetch)(void *ud, const char *who, const char *url,
			   fc_blob *out, fc_error *err);
	void *fetch_ud;
} fc_host_env;

/* One use of a plugin: its validated options and its state. */
struct fc_plugin_ctx {
	const fc_loaded_plugin *plugin;
	const fc_host_env *env;
	char *name;       /* for messages: the source's name or the plugin's */
	char *json_path;  /* where its options are in the configuration */
	cJSON *options;   /* validated copy with defaults filled in; owned */
	void *state;      /* from init */
	bool live;        /* init succeeded; fini is owed */
};

/* The host table handed to every plugin. Static, read-only. */
const fc_host *fc_host_table(void);

/*
 * Creates an instance of `plugin` named `name` with the options object
 * `options` (may be NULL: no options) found at `json_path` in the
 * configuration: validates the options against the plugin's declared
 * table, fills in defaults and calls init. On success the caller frees
 * *out with fc_instance_free (which calls fini).
 */
fc_status fc_instance_new(const fc_host_env *env,
			  const fc_loaded_plugin *plugin, const char *name,
			  const cJSON *options, const char *json_path,
			  fc_plugin_ctx **out, fc_error *err);
void fc_instance_free(fc_plugin_ctx *ctx);

/* Where a checker's claims go while a document is checked. */
struct fc_check_sink {
	const fc_plugin_ctx *ctx;
	const fc_document *doc;
	fc_claim *claims;
	size_t n_claims, cap_claims;
	fc_issue *issues;
	size_t n_issues, cap_issues;
	fc_arena *arena; /* strings of claims and issues */
	size_t refused;  /* claims refused as malformed */
};

/* Where a source's records go while one resource is parsed: straight
 * into the store, under the source's name and URL (a source that fails
 * half way is rolled back with fc_store_truncate). */
struct fc_record_sink {
	const fc_plugin_ctx *ctx;
	struct fc_store *store;      /* borrowed */
	const char *source;          /* the source's name, borrowed */
	const char *source_url;      /* its configured URL, or NULL */
	int64_t retrieved;           /* of the resource being parsed */
	const fc_num_options *num;   /* borrowed */
	size_t n;                    /* records added */
	size_t skipped;              /* records refused as malformed */
};

struct fc_url_sink {
	char **urls;
	size_t n, cap;
};

/* Resets the sink's counts (the records stay in the store). */
void fc_record_sink_clear(struct fc_record_sink *s);
void fc_url_sink_clear(struct fc_url_sink *s);

#endif
