/*
 * mapping.h: the mapping by configuration that the csv and json sources
 * share, compiled into each of them (a plugin links nothing of
 * figcheck's). A source reads its records its own way; this part knows
 * the options both take (which field or column is the date, the
 * qualifier, the precision, the note, who reported it, the URL; the
 * "metrics" map with "optional", the long layout's "metric_field",
 * "value_field" and "metric_template"; "filter"), builds the records with
 * their default precision, and counts what could not be read.
 *
 * Messages name the parts the way each source does ("column" and "row"
 * for csv, "field" and "record" for json), through sm_words.
 */
#ifndef FC_SOURCE_MAPPING_H
#define FC_SOURCE_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include <figcheck/plugin.h>

/* What went wrong with one mapped field or column, counted over a
 * resource. */
typedef struct sm_tally {
	size_t missing, wrong_type;
	long first_missing, first_wrong; /* where first (a line or a record
	                                    index), or -1 */
	char example[40];                /* the first unreadable value, when
	                                    kept (sm_count_wrong) */
} sm_tally;

/* One entry of "metrics". */
typedef struct sm_map {
	char *name;    /* wide: the field or column; long: the metric's name */
	char *metric;  /* the metric key */
	bool optional; /* listed in "optional" */
	long index;    /* for the source's use (csv: the column's index) */
	sm_tally t;
} sm_map;

/* One entry of "filter": the field or column and the values accepted. */
typedef struct sm_filter {
	char *name;
	char **values;
	size_t n_values;
	long index; /* for the source's use (csv: the column's index) */
} sm_filter;

/* The words a source's messages use for its parts. */
typedef struct sm_words {
	const char *plugin; /* "csv" */
	const char *field;  /* what holds a value: "column" */
	const char *item;   /* what holds a date's values: "row" */
} sm_words;

/* The mapping of one source instance. Every string is owned by it and
 * freed by sm_free. */
typedef struct sm_mapping {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	const sm_words *words; /* static */
	char *date_field;
	char *date_format; /* NULL: ISO 8601 */
	char *qualifier_field, *precision_field, *note_field,
	    *reported_by_field;
	char *url_field;
	char *metric_field; /* long layout: what names the metric */
	char *value_field;  /* long layout: what holds the figure */
	char *template;     /* "{metric}" */
	bool value_optional;
	sm_map *maps; /* wide: fields; long: accepted names, or none */
	size_t n_maps;
	sm_filter *filters;
	size_t n_filters;
	char **metric_list; /* NULL-terminated, for the core; or NULL */

	/* Per resource (sm_reset). */
	sm_tally name_t, value_t; /* long layout */
	size_t bad_keys;          /* names that make no valid metric key */
	long first_bad_key;
	char bad_key[96];
} sm_mapping;

/* A copy of `s` that the caller frees; NULL for NULL or when memory runs
 * out. */
char *sm_dup(const char *s);

/* Sets *out to a copy of string option `key` (the caller frees it), or to
 * NULL when the option is not set. Returns false when memory runs out. */
bool sm_opt_str(const fc_host *h, const fc_value *opts, const char *key,
                char **out);

/* The key for metric name `name`: `template` with each {metric} replaced.
 * The caller frees it; NULL when memory runs out. */
char *sm_expand(const char *template, const char *name);

/*
 * Starts the mapping `m` (zeroed by the caller): keeps the host, the
 * context and the words, and copies the string options both sources take
 * ("metric_template" defaults to "{metric}"). Fills `err` when memory runs
 * out. Whatever it fails on, sm_free releases what it copied.
 */
fc_status sm_read_options(sm_mapping *m, const fc_host *h, fc_plugin_ctx *ctx,
                          const sm_words *words, const fc_value *opts,
                          fc_error *err);

/*
 * Checks the template and the layout, reads "metrics", "optional" and
 * "filter", and lists the metric keys the instance gives (see
 * sm_mapping.metric_list). Call after sm_read_options and the source's own
 * checks; fills `err` with the first problem. sm_free releases what it
 * made, whether it failed or not.
 */
fc_status sm_configure(sm_mapping *m, const fc_value *opts, fc_error *err);

/* Frees what `m` owns, not `m` itself. */
void sm_free(sm_mapping *m);

/* Clears a tally: no problems, firsts at -1. */
void sm_reset_tally(sm_tally *t);

/* Clears the per-resource counts of the mapping (the maps' tallies
 * included), before a resource is read. */
void sm_reset(sm_mapping *m);

/* Counts one more problem, keeping where the first one was. */
void sm_count(size_t *n, long *first, long where);

/* Counts one more unreadable value and keeps the first one, printable, in
 * t->example. */
void sm_count_wrong(sm_tally *t, long where, const char *value);

/* Copies at most `len` bytes of `s` (and at most `size - 1`) to `buf` for a
 * message, printable ASCII only: any other byte, NUL included, becomes
 * '?'. Returns `buf`. */
const char *sm_printable(const char *s, size_t len, char *buf, size_t size);

/* True when value `v` (NULL: the item has none) is one that filter `f`
 * accepts. */
bool sm_filter_accepts(const sm_filter *f, const char *v);

/* The qualifier called `name` ("more_than"); FC_QUAL_NONE for an unknown
 * one. */
fc_qualifier sm_qualifier(const char *name);

/*
 * Long layout: the metric key for metric name `name`. With "metrics", the
 * key it maps the name to, or *metric NULL for a name it does not list;
 * without, the template expanded, in *made for the caller to free.
 * Returns FC_ERR_NOMEM when memory runs out, else FC_OK.
 */
fc_status sm_long_metric(const sm_mapping *m, const char *name,
                         const char **metric, char **made);

/*
 * Completes record `r` with `metric` and `value` and the published
 * precision (`precision`, or when it is negative the rounding unit of a
 * qualified value, else 0), and gives it to the core. A key the core
 * refuses is counted (the first one kept, with `where`), not an error.
 * Returns FC_OK or the core's other errors.
 */
fc_status sm_add(sm_mapping *m, fc_record *r, const char *metric, double value,
                 double precision, long where, fc_record_sink *sink);

/* Logs the refused metric keys, if any: "URL: N `items` skipped: "KEY"
 * (first: `where` N) is not a usable metric key ...". */
void sm_report_bad_keys(const sm_mapping *m, const char *url, const char *items,
                        const char *where);

#endif
