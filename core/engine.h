/*
 * engine.h: one figcheck run: configuration, plugins, sources and the
 * reference store, then any number of documents checked against them.
 *
 * Life of an engine: fc_engine_open (configuration and plugins), then
 * fc_engine_start with what the command needs (checkers, sources), then
 * fc_engine_check for each document (safe from several threads at once:
 * the engine is read-only by then), fc_engine_report, fc_engine_free.
 */
#ifndef FC_ENGINE_H
#define FC_ENGINE_H

#include <figcheck/plugin.h>

#include "conf.h"
#include "loader.h"
#include "log.h"
#include "store.h"
#include "util.h"

typedef struct fc_engine fc_engine;

typedef struct fc_engine_options {
	const char *config_path;          /* --config, or NULL: search */
	const char *const *plugin_dirs;   /* --plugin-dir, in order */
	size_t n_plugin_dirs;
	fc_date date;                     /* --date, or FC_DATE_NONE */
	int locale;                       /* --number-locale, or -1 */
	int round;                        /* --round, or -1 */
	const char *cache_dir;            /* --cache-dir, or NULL */
	bool offline;                     /* --offline */
	bool refresh;                     /* --refresh */
	int fail_on;                      /* --fail-on, or -1: config */
	int show_unchecked;               /* --show-unchecked (1), or -1:
	                                     the configuration's */
	bool explain;                     /* checkers explain their claims
	                                     (figcheck claims --explain) */
	fc_logger logger;                 /* where diagnostics go */
} fc_engine_options;

/* Sets the defaults: nothing given, stderr logger. */
void fc_engine_options_init(fc_engine_options *o);

/*
 * Reads the configuration and loads the plugins. On success the caller
 * frees *out with fc_engine_free. On failure err says what and where.
 */
fc_status fc_engine_open(const fc_engine_options *opts, fc_engine **out,
			 fc_error *err);

/* Frees the engine: instances (their fini), store, plugins. NULL is
 * allowed. */
void fc_engine_free(fc_engine *eng);

#define FC_START_CHECKERS 0x1u
#define FC_START_SOURCES 0x2u
#define FC_START_FETCH 0x4u /* fetch and parse the sources' data */

/*
 * Creates the instances a command needs. With FC_START_FETCH, fetches all
 * sources concurrently and parses them into the store; a source that fails
 * is not an error of the run: it is recorded (fc_engine_sources) and the
 * claims that needed it come out unverified, saying why.
 */
fc_status fc_engine_start(fc_engine *eng, unsigned what, fc_error *err);

/* The result of checking one document. Free with fc_doc_result_free. */
typedef struct fc_doc_result {
	fc_document *doc;     /* owned */
	fc_claim *claims;     /* offsets into doc->prose; the figures no
	                         checker read are among them (flagged
	                         FC_CLAIMF_UNRECOGNISED) when the run lists
	                         unchecked figures or explains */
	size_t n_claims;
	fc_coverage coverage; /* the document's figures, and what became of
	                         them */
	fc_finding *findings; /* sorted by position */
	size_t n_findings;
	fc_arena arena;       /* strings of claims and findings */
} fc_doc_result;

/*
 * Checks `doc`, which the result takes over (also on failure, when it is
 * freed). Sets the document's as-of date, runs every checker, verifies
 * each claim. Thread-safe for different documents.
 */
fc_status fc_engine_check(const fc_engine *eng, fc_document *doc,
			  fc_doc_result **out, fc_error *err);
void fc_doc_result_free(fc_doc_result *r);

/*
 * Writes a report of `results` (some may be NULL for documents that
 * failed, with `errors[i]` saying why) with the reporter plugin named
 * `format` to `path` ("-" is stdout), atomically.
 */
fc_status fc_engine_report(fc_engine *eng, const char *format,
			   const char *path, fc_doc_result *const *results,
			   const char *const *paths, const char *const *errors,
			   size_t n, fc_error *err);

/*
 * Writes report `rep` (its documents, counts and coverage set by the
 * caller; the engine fills in the rest: tool, sources, fail_on, colour,
 * warnings, failed) with the reporter `format` to `path`, atomically.
 * Before the file is kept, `spoiled(ud, err)`, when given, says whether
 * the documents could all be given to the reporter (a spool read back):
 * if not, the report fails and the old file stays.
 */
fc_status fc_engine_write_report(fc_engine *eng, const char *format,
				 const char *path, fc_report *rep,
				 bool (*spoiled)(void *ud, fc_error *err),
				 void *ud, fc_error *err);

/* What the engine's plugin instances reach of the run (host.h): for
 * making an instance of one's own (tests). Valid until fc_engine_free. */
struct fc_host_env;
const struct fc_host_env *fc_engine_host_env(const fc_engine *eng);

/* Whether unchecked figures are listed as findings (--show-unchecked or
 * the configuration's "show_unchecked"). */
bool fc_engine_show_unchecked(const fc_engine *eng);

/* The fail-on threshold in effect; FC_VERDICT_COUNT means never. */
fc_verdict fc_engine_fail_on(const fc_engine *eng);

/* True when the run fails whatever its findings: it has no reference
 * source (no configuration found, or one without sources), so nothing
 * could be verified, and the threshold is unverified or lower. */
bool fc_engine_run_failed(const fc_engine *eng);

/* Adds a warning about the run as a whole, which every report shows
 * (fc_report.warnings) and which is logged now. The text is copied.
 * fc_engine_start adds one when a check has no reference source. Not
 * thread-safe: call it from the thread that owns the engine. */
fc_status fc_engine_warn(fc_engine *eng, const char *fmt, ...) FC_PRINTF(2, 3);

/* The run's warnings so far, in order; borrowed from the engine. */
const char *const *fc_engine_warnings(const fc_engine *eng, size_t *n);

/* Information about the configured sources, after fc_engine_start. */
const fc_source_info *fc_engine_sources(const fc_engine *eng, size_t *n);

/* What the store holds of source `i` of fc_engine_sources (its metric
 * keys, its records' date range), after fc_engine_start with
 * FC_START_FETCH. The caller frees `out` with fc_store_summary_free. */
fc_status fc_engine_source_summary(const fc_engine *eng, size_t i,
				   fc_store_summary *out);

const fc_plugin_set *fc_engine_plugins(const fc_engine *eng);
const fc_config *fc_engine_config(const fc_engine *eng);
const fc_logger *fc_engine_logger(const fc_engine *eng);
const fc_num_options *fc_engine_num_options(const fc_engine *eng);

/* Runs the checkers' own examples (`figcheck rules test`). Returns the
 * number of failures, or a negative status with err filled. */
int fc_engine_selftest(fc_engine *eng, const char *const *args, size_t n,
		       FILE *out, fc_error *err);

/* The rule packs' search path, colon-separated. */
const char *fc_engine_rules_path(const fc_engine *eng);

/* Fetches one URL for a plugin, through the engine's fetcher. */
fc_status fc_engine_fetch_one(fc_engine *eng, const char *who, const char *url,
			      fc_blob *out, fc_error *err);

#endif
