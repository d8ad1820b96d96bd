/*
 * conf.h: figcheck's configuration: `--config FILE`, else the nearest
 * .figcheck.json from the current folder upward, else defaults. JSON,
 * validated on load; every error names the file and the JSON path.
 */
#ifndef FC_CONF_H
#define FC_CONF_H

#include <cjson/cJSON.h>
#include <figcheck/plugin.h>

#define FC_CONFIG_NAME ".figcheck.json"
/* At most this many request headers per source. */
#define FC_CONF_MAX_HEADERS 32

/* One configured reference source. */
typedef struct fc_source_conf {
	char *name;       /* unique among sources */
	char *plugin;     /* the source plugin's name */
	char *url;        /* absolute URL or path; relative paths are resolved
	                     against the configuration's folder */
	char **aliases;   /* names a claim may attribute the figure to */
	size_t n_aliases;
	double ttl;       /* seconds a cached copy is fresh */
	int lag_days;     /* reporting lag accepted (days) */
	int stale_days;   /* age after which the record in force is stale */
	double tolerance; /* relative tolerance for this source's records */
	bool cumulative;  /* "cumulative": its series are running totals */
	cJSON *options;   /* the plugin's options; borrowed from root */
	char *json_path;  /* "sources[0]", for messages */
	char **headers;   /* "Name: value" request headers, ${VAR} expanded
	                     from the environment at load: secret, never
	                     logged, cached or reported; wiped when freed */
	size_t n_headers;
} fc_source_conf;

typedef struct fc_config {
	char *path;   /* the file read, or NULL for defaults */
	char *dir;    /* the folder relative paths are resolved against */
	cJSON *root;  /* the whole tree (owned) */

	fc_date date;     /* "date": default as-of date, or FC_DATE_NONE */
	int year;         /* "year": for datelines without one, or 0 */
	bool show_unchecked; /* "show_unchecked": list unbound figures */
	fc_verdict fail_on;
	bool fail_on_set;
	fc_num_options num; /* "numbers" */
	int lag_days;       /* "verify.lag_days" default for sources */
	int stale_days;     /* "verify.stale_days" default for sources */
	double understated; /* "verify.understated" relative threshold */
	double overstated;  /* "verify.overstated" relative threshold */
	double tolerance;   /* "verify.tolerance" default relative tolerance */

	fc_source_conf *sources;
	size_t n_sources;
	cJSON *checkers;  /* "checkers": name -> options or false; borrowed */
	cJSON *reporters; /* "reporters": name -> options; borrowed */
	char **plugin_dirs; /* "plugin_dirs", resolved */
	size_t n_plugin_dirs;

	/* "fetch" */
	char *cache_dir;     /* or NULL: $XDG_CACHE_HOME/figcheck */
	char *ca_bundle;     /* or NULL */
	double connect_timeout, timeout; /* seconds */
	double deadline;     /* seconds for a source's tries together */
	size_t max_body;     /* bytes */
	int retries;         /* tries after the first */
	char *user_agent_extra;
} fc_config;

/*
 * Loads the configuration. With `path` set, reads that file (an error if
 * it cannot be read). Without, looks for FC_CONFIG_NAME in `start_dir`
 * (NULL: the current folder) and each parent; if none is found, returns
 * the defaults. On success the caller frees *out with fc_config_free.
 */
fc_status fc_config_load(const char *path, const char *start_dir,
			 fc_config **out, fc_error *err);

/* Parses configuration text; `name` is used in messages and `dir` for
 * relative paths (NULL: the current folder). */
fc_status fc_config_parse(const char *name, const char *dir, const char *text,
			  size_t len, fc_config **out, fc_error *err);

void fc_config_free(fc_config *cfg);

/* How reports show a source's `url`: an http(s) URL as it is, without a
 * user name or password in it; a local path or file: URL relative to the
 * configuration's folder (the working folder without one), never as an
 * absolute path of this machine. NULL for NULL; the caller frees it. */
char *fc_config_display_url(const fc_config *cfg, const char *url);

/* Resolves `path` against cfg->dir unless it is absolute or a URL. The
 * caller frees the result; NULL on allocation failure. */
char *fc_config_resolve(const fc_config *cfg, const char *path);

/* Parses a duration ("90", "30s", "15m", "6h", "2d") in seconds; false if
 * malformed. */
bool fc_parse_duration(const char *s, double *out);

#endif
