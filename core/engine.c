/*
 * engine.c: a run of figcheck, from configuration to report.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attrib.h"
#include "change.h"
#include "dates.h"
#include "document.h"
#include "engine.h"
#include "fetch.h"
#include "host.h"
#include "json.h"
#include "paths.h"
#include "sentence.h"
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

void fc_engine_options_init(fc_engine_options *o)
{
	memset(o, 0, sizeof(*o));
	o->date = FC_DATE_NONE;
	o->locale = -1;
	o->round = -1;
	o->fail_on = -1;
	o->show_unchecked = -1;
	o->logger = fc_logger_stderr();
}

const fc_host_env *fc_engine_host_env(const fc_engine *eng)
{
	return &eng->env;
}

bool fc_engine_show_unchecked(const fc_engine *eng)
{
	return eng->show_unchecked;
}

const fc_plugin_set *fc_engine_plugins(const fc_engine *eng)
{
	return &eng->plugins;
}

const fc_config *fc_engine_config(const fc_engine *eng)
{
	return eng->cfg;
}

const fc_logger *fc_engine_logger(const fc_engine *eng)
{
	return &eng->logger;
}

const fc_num_options *fc_engine_num_options(const fc_engine *eng)
{
	return &eng->num;
}

const char *fc_engine_rules_path(const fc_engine *eng)
{
	return eng->rules_path;
}

fc_verdict fc_engine_fail_on(const fc_engine *eng)
{
	return eng->fail_on;
}

const fc_source_info *fc_engine_sources(const fc_engine *eng, size_t *n)
{
	*n = eng->infos ? eng->n_sources : 0;
	return eng->infos;
}

fc_status fc_engine_source_summary(const fc_engine *eng, size_t i,
				   fc_store_summary *out)
{
	if (!eng->infos || i >= eng->n_sources || !eng->store.frozen) {
		memset(out, 0, sizeof(*out));
		out->first = out->last = FC_DATE_NONE;
		return FC_ERR_ARG;
	}
	return fc_store_summarize(&eng->store, eng->infos[i].name, out);
}

void fc_engine_free(fc_engine *eng)
{
	if (!eng)
		return;
	for (size_t i = 0; i < eng->n_checkers; i++)
		fc_instance_free(eng->checkers[i]);
	free(eng->checkers);
	for (size_t i = 0; eng->sources && i < eng->n_sources; i++)
		fc_instance_free(eng->sources[i]);
	free(eng->sources);
	free(eng->infos);
	free(eng->vsources);
	fc_store_free(&eng->store);
	fc_fetcher_free(eng->fetcher);
	fc_arena_free(&eng->arena);
	fc_plugins_free(&eng->plugins);
	for (size_t i = 0; i < eng->n_warnings; i++)
		free(eng->warnings[i]);
	free(eng->warnings);
	fc_config_free(eng->cfg);
	free(eng->rules_path);
	free(eng->cache_dir);
	free(eng);
}

/* A source instance's fetch (fc_host_env.fetch). */
static fc_status env_fetch(void *ud, const char *who, const char *url,
			   fc_blob *out, fc_error *err)
{
	return fc_engine_fetch_one(ud, who, url, out, err);
}

fc_status fc_engine_open(const fc_engine_options *opts, fc_engine **out,
			 fc_error *err)
{
	fc_engine *eng = calloc(1, sizeof(*eng));
	fc_pathlist dirs = {0};
	fc_buf rules = {0};
	const char *env;
	fc_status rc;

	*out = NULL;
	if (!eng)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	eng->logger = opts->logger;
	eng->date = opts->date;
	eng->offline = opts->offline;
	eng->refresh = opts->refresh;
	if (opts->cache_dir && !(eng->cache_dir = fc_strdup(opts->cache_dir))) {
		free(eng);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	rc = fc_config_load(opts->config_path, NULL, &eng->cfg, err);
	if (rc != FC_OK)
		goto fail;
	eng->num = eng->cfg->num;
	if (opts->locale >= 0)
		eng->num.locale = (fc_num_locale)opts->locale;
	if (opts->round >= 0)
		eng->num.round = (fc_round_policy)opts->round;
	eng->fail_on = opts->fail_on >= 0 ? (fc_verdict)opts->fail_on
					  : eng->cfg->fail_on;
	eng->show_unchecked = opts->show_unchecked >= 0 ? opts->show_unchecked > 0
							: eng->cfg->show_unchecked;
	eng->explain = opts->explain;

	/* The plugin path. */
	rc = FC_OK;
	for (size_t i = 0; i < opts->n_plugin_dirs && !rc; i++)
		rc = fc_pathlist_add(&dirs, opts->plugin_dirs[i]);
	for (size_t i = 0; i < eng->cfg->n_plugin_dirs && !rc; i++)
		rc = fc_pathlist_add(&dirs, eng->cfg->plugin_dirs[i]);
	if (!rc && (env = getenv("FIGCHECK_PLUGIN_PATH")))
		rc = fc_pathlist_add_split(&dirs, env);
	if (!rc)
		rc = fc_pathlist_add(&dirs, fc_default_plugin_dir());
	if (rc) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	rc = fc_plugins_load_dirs(&eng->plugins, &dirs, &eng->logger, err);
	if (rc != FC_OK)
		goto fail;
	if (eng->plugins.count == 0) {
		/* Nothing can be checked or written: an installation that
		 * looks in the wrong place, not an empty result. */
		fc_buf where = {0};
		for (size_t i = 0; i < dirs.count; i++)
			fc_buf_printf(&where, "%s%s", i ? ", " : "",
				      dirs.dirs[i]);
		rc = fc_error_set(err, FC_ERR_CONFIG,
				  "no plugins found; looked in %s. figcheck "
				  "needs its plugins (installed with it in "
				  "%s): reinstall it, or name their folder with "
				  "--plugin-dir or FIGCHECK_PLUGIN_PATH",
				  where.data ? where.data : "no folder",
				  fc_default_plugin_dir());
		fc_buf_free(&where);
		goto fail;
	}

	/* The rules path. */
	if ((env = getenv("FIGCHECK_RULES_PATH")) && env[0])
		fc_buf_printf(&rules, "%s:", env);
	fc_buf_puts(&rules, fc_default_rules_dir());
	if (!rules.data) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	eng->rules_path = fc_buf_steal(&rules);
	fc_pathlist_free(&dirs);
	/* What the plugin instances reach of the run. */
	eng->env.logger = &eng->logger;
	eng->env.config = eng->cfg;
	eng->env.num = &eng->num;
	eng->env.rules_path = eng->rules_path;
	eng->env.fetch = env_fetch;
	eng->env.fetch_ud = eng;
	*out = eng;
	return FC_OK;
fail:
	fc_pathlist_free(&dirs);
	fc_buf_free(&rules);
	fc_engine_free(eng);
	return rc;
}

/* The names of the loaded plugins of a kind, for messages. */

static void plugin_names(const fc_engine *eng, fc_plugin_kind kind, char *buf,
			 size_t size)
{
	size_t o = 0;

	buf[0] = 0;
	for (size_t i = 0; i < eng->plugins.count && o < size; i++)
		if (eng->plugins.items[i].desc->kind == kind)
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
					      o ? ", " : "",
					      eng->plugins.items[i].desc->name);
	if (!buf[0])
		snprintf(buf, size, "none");
}

static fc_status start_checkers(fc_engine *eng, fc_error *err)
{
	const fc_config *cfg = eng->cfg;
	fc_status rc;

	/* Without a checker, every draft would pass with no claims found. */
	if (!fc_plugins_count(&eng->plugins, FC_PLUGIN_CHECKER))
		return fc_error_set(err, FC_ERR_CONFIG,
				    "no checker plugin is loaded, so no claim "
				    "could be found; see 'figcheck plugins' for "
				    "what was loaded and from where");

	/* A checker named in the configuration must exist. */
	if (cfg->checkers) {
		const cJSON *c;
		cJSON_ArrayForEach(c, cfg->checkers)
		{
			char names[512], p[512];
			if (fc_plugins_find(&eng->plugins, FC_PLUGIN_CHECKER,
					    c->string))
				continue;
			plugin_names(eng, FC_PLUGIN_CHECKER, names, sizeof(names));
			return fc_error_set(
			    err, FC_ERR_CONFIG,
			    "%s: %s: no checker plugin named '%s' is loaded "
			    "(loaded: %s); see 'figcheck plugins'",
			    cfg->path ? cfg->path : "configuration",
			    fc_json_path_key(p, sizeof(p), "checkers", c->string),
			    c->string, names);
		}
	}
	eng->checkers = calloc(eng->plugins.count + 1, sizeof(*eng->checkers));
	if (!eng->checkers)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < eng->plugins.count; i++) {
		const fc_loaded_plugin *p = &eng->plugins.items[i];
		const cJSON *o = NULL;
		char path[256];

		if (p->desc->kind != FC_PLUGIN_CHECKER)
			continue;
		if (cfg->checkers)
			o = cJSON_GetObjectItemCaseSensitive(cfg->checkers,
							     p->desc->name);
		if (o && cJSON_IsFalse(o))
			continue;
		if (o && cJSON_IsTrue(o))
			o = NULL;
		fc_json_path_key(path, sizeof(path), "checkers", p->desc->name);
		rc = fc_instance_new(&eng->env, p, p->desc->name, o, path,
				     &eng->checkers[eng->n_checkers], err);
		if (rc != FC_OK)
			return rc;
		eng->n_checkers++;
	}
	return FC_OK;
}

static fc_status start_sources(fc_engine *eng, fc_error *err)
{
	const fc_config *cfg = eng->cfg;
	size_t n = cfg->n_sources;
	fc_status rc;

	eng->sources = calloc(n + 1, sizeof(*eng->sources));
	eng->infos = calloc(n + 1, sizeof(*eng->infos));
	eng->vsources = calloc(n + 1, sizeof(*eng->vsources));
	if (!eng->sources || !eng->infos || !eng->vsources)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	eng->n_sources = n;
	for (size_t i = 0; i < n; i++) {
		const fc_source_conf *sc = &cfg->sources[i];
		const fc_loaded_plugin *p =
		    fc_plugins_find(&eng->plugins, FC_PLUGIN_SOURCE, sc->plugin);
		char path[256];

		eng->infos[i].name = sc->name;
		eng->infos[i].plugin = sc->plugin;
		eng->infos[i].url = sc->url;
		eng->vsources[i].name = sc->name;
		eng->vsources[i].aliases = sc->aliases;
		eng->vsources[i].n_aliases = sc->n_aliases;
		eng->vsources[i].lag_days = sc->lag_days;
		eng->vsources[i].stale_days = sc->stale_days;
		eng->vsources[i].cumulative = sc->cumulative;
		eng->vsources[i].tolerance = sc->tolerance;
		if (!p) {
			char names[512];
			plugin_names(eng, FC_PLUGIN_SOURCE, names, sizeof(names));
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: %s.plugin: no source plugin named "
					    "'%s' is loaded (loaded: %s); see "
					    "'figcheck plugins'",
					    cfg->path ? cfg->path : "configuration",
					    sc->json_path, sc->plugin, names);
		}
		if (!sc->url && !p->desc->source.urls)
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: %s: the source needs \"url\" or "
					    "\"path\" (where its data is)",
					    cfg->path ? cfg->path : "configuration",
					    sc->json_path);
		snprintf(path, sizeof(path), "%s.options", sc->json_path);
		rc = fc_instance_new(&eng->env, p, sc->name, sc->options, path,
				     &eng->sources[i], err);
		if (rc != FC_OK)
			return rc;
		if (p->desc->source.metrics)
			eng->vsources[i].metrics =
			    p->desc->source.metrics(eng->sources[i]->state);
	}
	return FC_OK;
}

static fc_status ensure_fetcher(fc_engine *eng, fc_error *err)
{
	fc_fetch_config fc;
	const fc_config *cfg = eng->cfg;

	if (eng->fetcher)
		return FC_OK;
	memset(&fc, 0, sizeof(fc));
	fc.cache_dir = cfg->cache_dir;
	fc.ca_bundle = cfg->ca_bundle;
	fc.connect_timeout = cfg->connect_timeout;
	fc.timeout = cfg->timeout;
	fc.deadline = cfg->deadline;
	fc.max_body = cfg->max_body;
	fc.retries = cfg->retries;
	fc.logger = &eng->logger;
	if (eng->cache_dir)
		fc.cache_dir = eng->cache_dir;
	fc.offline = eng->offline;
	fc.refresh = eng->refresh;
	return fc_fetcher_new(&fc, &eng->fetcher, err);
}

/* Marks source i failed with a message; remote sources' failures are
 * logged here, local ones become the run's error. */
static void source_failed(fc_engine *eng, size_t i, const char *msg)
{
	const char *m = fc_arena_strdup(&eng->arena, msg);
	const char *url = eng->cfg->sources[i].url;

	eng->infos[i].ok = false;
	eng->infos[i].error = m ? m : "out of memory";
	eng->vsources[i].failed = true;
	eng->vsources[i].error = eng->infos[i].error;
	/* A source without a url (its plugin lists its own URLs) counts as
	 * remote. */
	if (!url || (strstr(url, "://") && strncmp(url, "file://", 7) != 0))
		fc_log(&eng->logger, FC_LOG_WARNING, NULL, "source %s: %s",
		       eng->infos[i].name, eng->infos[i].error);
}

/* Parses one source's fetched resources into the store; a source that
 * fails is rolled back out of it. Each body is freed once parsed. */
static fc_status load_source(fc_engine *eng, size_t i, fc_fetch_req *reqs,
			     size_t n)
{
	fc_plugin_ctx *ctx = eng->sources[i];
	fc_record_sink sink;
	fc_error perr;
	size_t start = fc_store_count(&eng->store);
	fc_status rc = FC_OK;

	memset(&sink, 0, sizeof(sink));
	sink.ctx = ctx;
	sink.store = &eng->store;
	sink.source = eng->infos[i].name;
	sink.source_url = eng->infos[i].url;
	sink.num = &eng->num;
	/* The source's cache state is its worst URL's; its age the oldest
	 * copy served. */
	for (size_t k = 0; k < n; k++) {
		static const char *const order[] = {
		    "local", "fresh", "revalidated", "fetched", "uncached",
		    "offline", "stale", "missing"};
		size_t a = 0, b = 0;
		for (size_t o = 0; o < FC_ARRAY_LEN(order); o++) {
			if (reqs[k].cache_state &&
			    strcmp(reqs[k].cache_state, order[o]) == 0)
				a = o;
			if (eng->infos[i].cache_state &&
			    strcmp(eng->infos[i].cache_state, order[o]) == 0)
				b = o;
		}
		if (k == 0 || a > b)
			eng->infos[i].cache_state = order[a];
		if (reqs[k].cache_age > eng->infos[i].cache_age)
			eng->infos[i].cache_age = reqs[k].cache_age;
	}
	for (size_t k = 0; k < n; k++) {
		fc_resource res;
		if (reqs[k].status != FC_OK) {
			source_failed(eng, i, reqs[k].err.msg);
			fc_store_truncate(&eng->store, start);
			return FC_OK;
		}
		res.url = reqs[k].url;
		res.body = reqs[k].blob.data;
		res.len = reqs[k].blob.len;
		res.content_type = reqs[k].content_type;
		res.retrieved = reqs[k].blob.retrieved;
		res.from_cache = reqs[k].blob.from_cache;
		sink.retrieved = res.retrieved;
		fc_error_clear(&perr);
		rc = ctx->plugin->desc->source.parse(ctx->state, &res, &sink,
						     &perr);
		fc_blob_free(&reqs[k].blob);
		if (rc != FC_OK) {
			char msg[1200];
			snprintf(msg, sizeof(msg), "%s", perr.msg[0] ? perr.msg
								     : fc_strerror(rc));
			source_failed(eng, i, msg);
			fc_store_truncate(&eng->store, start);
			return rc == FC_ERR_NOMEM ? rc : FC_OK;
		}
		eng->infos[i].retrieved = res.retrieved;
		eng->infos[i].from_cache = res.from_cache;
	}
	if (sink.skipped)
		fc_log(&eng->logger, FC_LOG_WARNING, NULL,
		       "source %s: %zu records refused as malformed (no metric, "
		       "no date or no finite value)",
		       eng->infos[i].name, sink.skipped);
	eng->infos[i].n_records = fc_store_count(&eng->store) - start;
	/* A source that gives nothing is wrong, not empty: a date_format
	 * that reads no date, a filter that keeps nothing, a field that
	 * is not there. */
	if (eng->infos[i].n_records == 0) {
		source_failed(eng, i,
			      n == 1 ? "no records: the data gave none that "
				       "could be read; check the source's "
				       "options (records, date_field, "
				       "date_format, metrics, filter) against "
				       "the data"
				     : "no records: its resources gave none that "
				       "could be read; check the source's "
				       "options (records, date_field, "
				       "date_format, metrics, filter) against "
				       "the data");
		return FC_OK;
	}
	eng->infos[i].ok = true;
	return FC_OK;
}

/* Records of one source that a later record of the same metric and date
 * replaced with another figure, counted per source for one warning. */
typedef struct conflicts {
	fc_engine *eng;
	size_t *count;  /* per source */
	char **first;   /* per source: the first one, described */
} conflicts;

static void on_conflict(void *ud, const fc_ref *kept, const fc_ref *dropped)
{
	conflicts *c = ud;
	char a[96], b[96], d[11];

	for (size_t i = 0; i < c->eng->n_sources; i++) {
		if (strcmp(c->eng->infos[i].name, kept->source) != 0)
			continue;
		if (c->count[i]++ == 0)
			c->first[i] = fc_asprintf(
			    "%s for %s: %s, then %s",
			    kept->rec.metric,
			    fc_period_format(kept->rec.date, kept->rec.period, d),
			    fc_describe_value(dropped->rec.qualifier,
					      dropped->rec.value,
					      dropped->rec.value, a, sizeof(a)),
			    fc_describe_value(kept->rec.qualifier,
					      kept->rec.value, kept->rec.value,
					      b, sizeof(b)));
		return;
	}
}

/* Sorts the store, and warns once per source of the records a later one
 * replaced. */
static fc_status freeze_store(fc_engine *eng)
{
	conflicts c;
	fc_status rc;

	c.eng = eng;
	c.count = calloc(eng->n_sources + 1, sizeof(*c.count));
	c.first = calloc(eng->n_sources + 1, sizeof(*c.first));
	if (!c.count || !c.first) {
		free(c.count);
		free(c.first);
		return FC_ERR_NOMEM;
	}
	rc = fc_store_freeze(&eng->store, on_conflict, &c);
	for (size_t i = 0; i < eng->n_sources; i++) {
		if (c.count[i])
			fc_log(&eng->logger, FC_LOG_WARNING, NULL,
			       "source %s: %zu record%s given twice with "
			       "different figures (first: %s); the later in "
			       "the data is kept",
			       eng->infos[i].name, c.count[i],
			       c.count[i] == 1 ? "" : "s",
			       c.first[i] ? c.first[i] : "?");
		free(c.first[i]);
	}
	free(c.count);
	free(c.first);
	return rc;
}

static fc_status fetch_sources(fc_engine *eng, fc_error *err)
{
	fc_fetch_req *reqs = NULL;
	size_t n_reqs = 0, cap = 0;
	size_t *first = calloc(eng->n_sources + 1, sizeof(size_t));
	fc_url_sink *extra = calloc(eng->n_sources + 1, sizeof(fc_url_sink));
	fc_status rc = FC_OK;

	if (!first || !extra) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto out;
	}
	if ((rc = ensure_fetcher(eng, err)))
		goto out;
	for (size_t i = 0; i < eng->n_sources; i++) {
		const fc_source_conf *sc = &eng->cfg->sources[i];
		fc_plugin_ctx *ctx = eng->sources[i];
		fc_error uerr;

		eng->infos[i].cache_state = "none";
		eng->infos[i].cache_age = -1;
		fc_error_clear(&uerr);
		if (ctx->plugin->desc->source.urls &&
		    ctx->plugin->desc->source.urls(ctx->state, sc->url,
						   &extra[i], &uerr) != FC_OK) {
			source_failed(eng, i, uerr.msg[0] ? uerr.msg
							  : "could not list its URLs");
			fc_url_sink_clear(&extra[i]);
		}
	}
	/* A plugin with a `urls` callback gets the configured url as the
	 * base of the URLs it lists; only those are fetched. */
	for (size_t i = 0; i < eng->n_sources; i++) {
		const fc_source_conf *sc = &eng->cfg->sources[i];
		bool own = sc->url && !eng->sources[i]->plugin->desc->source.urls;
		size_t want = (own ? 1 : 0) + extra[i].n;

		first[i] = n_reqs;
		if (eng->vsources[i].failed)
			continue;
		if (fc_grow((void **)&reqs, &cap, n_reqs + want + 1,
			    sizeof(*reqs))) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
		if (own) {
			memset(&reqs[n_reqs], 0, sizeof(*reqs));
			reqs[n_reqs].url = sc->url;
			reqs[n_reqs].label = sc->name;
			reqs[n_reqs].ttl = sc->ttl;
			n_reqs++;
		}
		for (size_t k = 0; k < extra[i].n; k++) {
			memset(&reqs[n_reqs], 0, sizeof(*reqs));
			reqs[n_reqs].url = extra[i].urls[k];
			reqs[n_reqs].label = sc->name;
			reqs[n_reqs].ttl = sc->ttl;
			n_reqs++;
		}
	}
	first[eng->n_sources] = n_reqs;
	fc_fetch_all(eng->fetcher, reqs, n_reqs);
	for (size_t i = 0; i < eng->n_sources && rc == FC_OK; i++) {
		if (eng->vsources[i].failed)
			continue;
		rc = load_source(eng, i, reqs + first[i], first[i + 1] - first[i]);
		if (rc)
			fc_error_set(err, rc, "out of memory");
	}
	/* A local file that cannot be read is the user's input error, to be
	 * fixed before the run means anything; a remote source that fails is
	 * a finding (its claims come out unverified). */
	for (size_t i = 0; i < eng->n_sources && rc == FC_OK; i++) {
		const char *url = eng->cfg->sources[i].url;
		if (eng->vsources[i].failed && url &&
		    (!strstr(url, "://") || strncmp(url, "file://", 7) == 0))
			rc = fc_error_set(err, FC_ERR_INPUT, "source %s: %s",
					  eng->infos[i].name, eng->infos[i].error);
	}
	if (rc == FC_OK && freeze_store(eng) != FC_OK)
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
out:
	for (size_t k = 0; k < n_reqs; k++)
		fc_fetch_req_clear(&reqs[k]);
	free(reqs);
	for (size_t i = 0; extra && i < eng->n_sources; i++)
		fc_url_sink_clear(&extra[i]);
	free(extra);
	free(first);
	return rc;
}

fc_status fc_engine_warn(fc_engine *eng, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(msg = malloc((size_t)n + 1)))
		return FC_ERR_NOMEM;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (fc_grow((void **)&eng->warnings, &eng->cap_warnings,
		    eng->n_warnings + 1, sizeof(char *))) {
		free(msg);
		return FC_ERR_NOMEM;
	}
	eng->warnings[eng->n_warnings++] = msg;
	fc_log(&eng->logger, FC_LOG_WARNING, NULL, "%s", msg);
	return FC_OK;
}

const char *const *fc_engine_warnings(const fc_engine *eng, size_t *n)
{
	*n = eng->n_warnings;
	return (const char *const *)eng->warnings;
}

bool fc_engine_run_failed(const fc_engine *eng)
{
	return eng->no_sources && eng->fail_on <= FC_VERDICT_UNVERIFIED;
}

/* A run with no reference source can verify nothing: every claim comes
 * out unverified. Say so on stderr and in every report, and fail the run
 * under --fail-on unverified (or lower) even when it found no claim. */
static fc_status warn_no_sources(fc_engine *eng)
{
	char cwd[4096];

	eng->no_sources = true;
	if (eng->cfg->path)
		return fc_engine_warn(
		    eng,
		    "the configuration %s has no sources: no claim can be "
		    "verified, and every one comes out unverified; add "
		    "\"sources\" to it",
		    eng->cfg->path);
	if (!getcwd(cwd, sizeof(cwd)))
		snprintf(cwd, sizeof(cwd), "the current folder");
	return fc_engine_warn(
	    eng,
	    "no configuration found (no --config, and no %s in %s or any "
	    "folder above it): there are no reference sources, so no claim "
	    "can be verified, and every one comes out unverified; give "
	    "--config FILE, or create %s",
	    FC_CONFIG_NAME, cwd, FC_CONFIG_NAME);
}

fc_status fc_engine_start(fc_engine *eng, unsigned what, fc_error *err)
{
	fc_status rc;

	if ((what & FC_START_CHECKERS) && !eng->checkers &&
	    (rc = start_checkers(eng, err)))
		return rc;
	if ((what & (FC_START_SOURCES | FC_START_FETCH)) && !eng->sources) {
		if ((rc = start_sources(eng, err)))
			return rc;
		if ((what & FC_START_CHECKERS) && eng->n_sources == 0 &&
		    warn_no_sources(eng) != FC_OK)
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	if (what & FC_START_FETCH)
		return fetch_sources(eng, err);
	return FC_OK;
}

fc_status fc_engine_fetch_one(fc_engine *eng, const char *who, const char *url,
			      fc_blob *out, fc_error *err)
{
	fc_fetch_req req;
	fc_status rc;

	if ((rc = ensure_fetcher(eng, err)))
		return rc;
	memset(&req, 0, sizeof(req));
	req.url = url;
	req.label = who;
	req.ttl = 3600;
	/* A source's own fetches keep for its ttl. */
	for (size_t i = 0; who && i < eng->cfg->n_sources; i++)
		if (strcmp(eng->cfg->sources[i].name, who) == 0)
			req.ttl = eng->cfg->sources[i].ttl;
	fc_fetch_all(eng->fetcher, &req, 1);
	if (req.status != FC_OK) {
		if (err)
			*err = req.err;
		fc_fetch_req_clear(&req);
		return req.status;
	}
	*out = req.blob;
	memset(&req.blob, 0, sizeof(req.blob));
	fc_fetch_req_clear(&req);
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Checking a document. */

void fc_doc_result_free(fc_doc_result *r)
{
	if (!r)
		return;
	fc_document_free(r->doc);
	free(r->claims);
	free(r->findings);
	fc_arena_free(&r->arena);
	free(r);
}

static int cmp_claim(const void *a, const void *b)
{
	const fc_claim *x = a, *y = b;
	bool xu = x->flags & FC_CLAIMF_UNRECOGNISED,
	     yu = y->flags & FC_CLAIMF_UNRECOGNISED;

	/* A figure a checker read wins over one another could not read. */
	if (xu != yu)
		return xu ? 1 : -1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* Longer spans first, then bound before unbound. */
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return (x->metric == NULL) - (y->metric == NULL);
}

static int cmp_claim_start(const void *a, const void *b)
{
	const fc_claim *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

static int cmp_finding(const void *a, const void *b)
{
	const fc_finding *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->rule_id, y->rule_id);
}

/* Copies n bytes of s into the arena with each run of white space
 * turned into one space, so that a claim broken across lines reads as
 * one. */
static char *squeeze(fc_arena *a, const char *s, size_t n)
{
	char *out = fc_arena_alloc(a, n + 1);
	size_t o = 0;
	bool space = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = false;
		out[o++] = c;
	}
	out[o] = 0;
	return out;
}

/* Sets a finding's position fields from prose offsets [ps, pe). */
static void place(const fc_document *doc, fc_finding *f, size_t ps, size_t pe)
{
	size_t last;

	f->start = fc_document_map(doc, ps);
	f->end = fc_document_map(doc, pe);
	if (f->end < f->start)
		f->end = f->start;
	fc_document_position(doc, f->start, &f->line, &f->col);
	last = f->end > f->start ? f->end - 1 : f->start;
	while (last > f->start && ((unsigned char)doc->text[last] & 0xC0) == 0x80)
		last--;
	fc_document_position(doc, last, &f->end_line, &f->end_col);
}

/* A stable fingerprint: what the claim says and where (by document, not
 * line), plus its rank among identical claims of the document, so that it
 * survives edits elsewhere in the file. */
static uint64_t fingerprint_base(const fc_finding *f, const char *path)
{
	uint64_t h = FC_FNV_INIT;
	char num[64];
	const char *q = f->claim ? fc_qualifier_name(f->claim->number.qualifier)
				 : "";
	const char *m = f->metric ? f->metric : "";

	snprintf(num, sizeof(num), "%.10g",
		 f->claim ? f->claim->number.value : 0.0);
	h = fc_fnv1a(h, f->rule_id, strlen(f->rule_id) + 1);
	h = fc_fnv1a(h, m, strlen(m) + 1);
	h = fc_fnv1a(h, q, strlen(q) + 1);
	h = fc_fnv1a(h, num, strlen(num) + 1);
	if (!f->claim)
		h = fc_fnv1a(h, f->text, strlen(f->text) + 1);
	return fc_fnv1a(h, path, strlen(path) + 1);
}

typedef struct based {
	uint64_t base;
	size_t idx;
} based;

static int cmp_based(const void *a, const void *b)
{
	const based *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

static fc_status assign_fingerprints(fc_doc_result *r)
{
	based *b = calloc(r->n_findings + 1, sizeof(*b));

	if (!b)
		return FC_ERR_NOMEM;
	for (size_t i = 0; i < r->n_findings; i++) {
		b[i].base = fingerprint_base(&r->findings[i], r->doc->path);
		b[i].idx = i;
	}
	/* Identical claims, in document order: each one's rank among them. */
	qsort(b, r->n_findings, sizeof(*b), cmp_based);
	for (size_t i = 0, rank_of = 0; i < r->n_findings; i++) {
		uint32_t rank;
		uint64_t h;
		if (i == 0 || b[i - 1].base != b[i].base)
			rank_of = i;
		rank = (uint32_t)(i - rank_of);
		h = fc_fnv1a(b[i].base, &rank, sizeof(rank));
		snprintf(r->findings[b[i].idx].fingerprint,
			 sizeof(r->findings[b[i].idx].fingerprint), "%016llx",
			 (unsigned long long)h);
	}
	free(b);
	return FC_OK;
}

/* The readings of `all` (in text order) that start in [ss, se), as a
 * list that borrows their storage: not to be freed. */
static fc_number_list sentence_numbers(const fc_number_list *all, size_t ss,
				       size_t se)
{
	fc_number_list v = {NULL, 0, 0};
	size_t lo = 0, hi = all->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (all->items[mid].start < ss)
			lo = mid + 1;
		else
			hi = mid;
	}
	v.items = all->items + lo;
	while (lo + v.count < all->count && all->items[lo + v.count].start < se)
		v.count++;
	return v;
}

/* Keeps one claim per figure. Of overlapping claims the first in
 * cmp_claim's order wins: a checker's reading over a figure another
 * could not read, the longer span, the bound claim. Leaves the claims
 * kept in text order and returns their number. */
static size_t keep_claims(fc_claim *c, size_t n)
{
	size_t kept = 0, recognised;

	if (n == 0)
		return 0;
	qsort(c, n, sizeof(fc_claim), cmp_claim);
	for (size_t i = 0; i < n && !(c[i].flags & FC_CLAIMF_UNRECOGNISED); i++) {
		if (kept && c[i].start < c[kept - 1].end)
			continue;
		c[kept++] = c[i];
	}
	recognised = kept;
	for (size_t i = 0; i < n; i++) {
		bool overlaps = false;
		if (!(c[i].flags & FC_CLAIMF_UNRECOGNISED))
			continue;
		for (size_t k = 0; k < kept && !overlaps; k++)
			overlaps = c[i].start < c[k].end && c[k].start < c[i].end;
		if (!overlaps)
			c[kept++] = c[i];
	}
	if (kept > recognised)
		qsort(c, kept, sizeof(fc_claim), cmp_claim_start);
	return kept;
}

/* Counts the document's figures: those a bound claim covers are
 * checked, the other quantities unchecked. `c` in text order. */
static void count_coverage(const fc_number_list *nums, const fc_claim *c,
			   size_t n, fc_coverage *cov)
{
	size_t k = 0;

	memset(cov, 0, sizeof(*cov));
	for (size_t i = 0; i < nums->count; i++) {
		const fc_number *num = &nums->items[i];
		bool bound = false;
		cov->figures++;
		if (!fc_num_kind_is_quantity(num->kind)) {
			cov->not_quantities++;
			continue;
		}
		while (k < n && c[k].end <= num->start)
			k++;
		for (size_t j = k; j < n && c[j].start < num->end && !bound; j++)
			bound = c[j].metric && !(c[j].flags & FC_CLAIMF_UNRECOGNISED);
		if (bound)
			cov->checked++;
		else
			cov->unchecked++;
	}
}

/* When the run lists unchecked figures: a claim for each quantity that
 * no checker reported at all, saying so. */
static fc_status add_unread(fc_doc_result *r, size_t *cap)
{
	const fc_document *doc = r->doc;
	const fc_number_list *nums = fc_document_numbers(doc);
	size_t n = r->n_claims, k = 0;

	for (size_t i = 0; i < nums->count; i++) {
		const fc_number *num = &nums->items[i];
		bool covered = false;
		fc_claim *c;
		if (!fc_num_kind_is_quantity(num->kind))
			continue;
		while (k < n && r->claims[k].end <= num->start)
			k++;
		covered = k < n && r->claims[k].start < num->end;
		if (covered)
			continue;
		if (fc_grow((void **)&r->claims, cap, r->n_claims + 1,
			    sizeof(fc_claim)))
			return FC_ERR_NOMEM;
		c = &r->claims[r->n_claims++];
		memset(c, 0, sizeof(*c));
		c->start = num->start;
		c->end = num->end;
		c->number = *num;
		fc_sentence_at(doc->prose, doc->prose_len, num->start,
			       &c->sent_start, &c->sent_end);
		if (c->sent_start > c->start)
			c->sent_start = c->start;
		if (c->sent_end < c->end)
			c->sent_end = c->end;
		c->rule_id = "figcheck.unread";
		c->unbound_reason = "no checker reads this figure";
		c->severity = FC_SEVERITY_INFO;
		c->as_of = c->since = FC_DATE_NONE;
		c->flags = FC_CLAIMF_UNRECOGNISED;
	}
	if (r->n_claims > n)
		qsort(r->claims, r->n_claims, sizeof(fc_claim), cmp_claim_start);
	return FC_OK;
}

/*
 * Gives finding `f` the deciding source's records around it, for a
 * picture (fc_finding.series): from some records before the earliest
 * record it names to a few after the one in force, thinned evenly to
 * FC_SERIES_MAX points, keeping the named ones. FC_ERR_NOMEM only.
 */
static fc_status attach_series(const fc_store *store, fc_finding *f,
			       fc_arena *arena)
{
	size_t first, n, lo = SIZE_MAX, hi = 0, keep[3], nk = 0, count, step;
	const fc_ref *named[3] = {f->record, f->ref_record, f->matched};
	fc_point *pts;
	fc_ref r;

	if (!f->record || !f->metric)
		return FC_OK;
	n = fc_store_find(store, f->metric, &first);
	/* The deciding source's run of records, and where the named ones
	 * stand in it. */
	for (size_t i = 0; i < n; i++) {
		fc_store_ref(store, first + i, &r);
		if (strcmp(r.source, f->record->source) != 0)
			continue;
		if (lo == SIZE_MAX)
			lo = i;
		hi = i + 1;
		for (size_t k = 0; k < 3; k++)
			if (named[k] && named[k]->rec.date == r.rec.date &&
			    strcmp(named[k]->source, r.source) == 0 && nk < 3)
				keep[nk++] = i;
	}
	if (lo == SIZE_MAX || nk == 0)
		return FC_OK;
	{
		size_t a = keep[0], b = keep[0];
		for (size_t k = 1; k < nk; k++) {
			a = keep[k] < a ? keep[k] : a;
			b = keep[k] > b ? keep[k] : b;
		}
		/* Some context before, a little after. */
		a = a >= lo + (b > a ? 8 : 30) ? a - (b > a ? 8 : 30) : lo;
		b = b + 6 < hi ? b + 6 : hi;
		lo = a;
		hi = b;
	}
	count = hi - lo;
	step = count > FC_SERIES_MAX ? (count + FC_SERIES_MAX - 1) / FC_SERIES_MAX
				     : 1;
	pts = fc_arena_alloc(arena, (count / step + 4) * sizeof(*pts));
	if (!pts)
		return FC_ERR_NOMEM;
	f->n_series = 0;
	for (size_t i = lo; i < hi; i++) {
		bool take = (i - lo) % step == 0 || i + 1 == hi;
		for (size_t k = 0; k < nk && !take; k++)
			take = keep[k] == i;
		if (!take || f->n_series >= count / step + 4)
			continue;
		fc_store_ref(store, first + i, &r);
		pts[f->n_series].date = r.rec.date;
		pts[f->n_series].value = r.rec.value;
		pts[f->n_series].low = r.low;
		pts[f->n_series].high = r.high;
		f->n_series++;
	}
	f->series = pts;
	return FC_OK;
}

/* True if the name of `n` bytes at `s`, found in a claim's sentence, says
 * more than the attribution a checker gave (NULL: none): "the Israeli
 * health ministry" where a rule captured "health ministry". */
static bool wider_name(const char *given, const char *s, size_t n)
{
	fc_name_words a, b;
	char buf[256];

	if (!given)
		return true;
	snprintf(buf, sizeof(buf), "%.*s", (int)(n < 255 ? n : 255), s);
	fc_name_words_of(given, &a);
	fc_name_words_of(buf, &b);
	return b.n > a.n && fc_name_words_find(&b, &a, NULL) == a.n;
}

/*
 * Gives each claim what its sentence says beyond its figure, unless its
 * checker said it already: its own as-of date and the date its count
 * starts from ("as of November 10", "by Sunday", "since October 7",
 * dates.h), and who the figure is attributed to ("the UN said",
 * attrib.h; a name the sentence gives in full replaces the part of it a
 * rule captured). Done here, in the core, so that every checker
 * benefits.
 */
static fc_status claim_context(const fc_engine *eng, fc_doc_result *r)
{
	const fc_document *doc = r->doc;
	const fc_number_list *all = fc_document_numbers(doc);
	fc_status rc = FC_OK;

	(void)eng;
	for (size_t i = 0; i < r->n_claims && rc == FC_OK; i++) {
		fc_claim *c = &r->claims[i];
		size_t ss = c->sent_start, se = c->sent_end, as, ae;

		/* A figure bound to no metric is not verified: its dates
		 * and attribution would serve nothing. */
		if ((c->flags & FC_CLAIMF_UNRECOGNISED) || !c->metric)
			continue;
		if (c->as_of == FC_DATE_NONE && c->since == FC_DATE_NONE) {
			fc_claim_dates cd;
			fc_number_list nums = sentence_numbers(all, ss, se);
			fc_claim_dates_find(doc->prose, ss, se, c->start, c->end,
					    &nums, doc->date, &cd);
			c->as_of = cd.as_of;
			c->since = cd.since;
			if (cd.no_day && c->metric) {
				/* Checked at no date rather than the wrong
				 * one. */
				char *p = squeeze(&r->arena,
						  doc->prose + cd.no_day_start,
						  cd.no_day_end - cd.no_day_start);
				c->metric = NULL;
				c->unbound_reason =
				    p ? fc_arena_printf(&r->arena,
							"its date \"%s\" names a "
							"day that does not exist",
							p)
				      : NULL;
				if (!c->unbound_reason) {
					rc = FC_ERR_NOMEM;
					break;
				}
			}
			if (cd.as_of != FC_DATE_NONE && cd.since != FC_DATE_NONE &&
			    cd.as_of_start != cd.since_start) {
				char *a = squeeze(&r->arena, doc->prose + cd.as_of_start,
						  cd.as_of_end - cd.as_of_start);
				char *b = squeeze(&r->arena, doc->prose + cd.since_start,
						  cd.since_end - cd.since_start);
				c->as_of_text = a && b ? fc_arena_printf(&r->arena,
									 "%s; %s", a, b)
						       : NULL;
				if (!c->as_of_text)
					rc = FC_ERR_NOMEM;
			} else if (cd.as_of != FC_DATE_NONE ||
				   cd.since != FC_DATE_NONE) {
				size_t ps = cd.as_of != FC_DATE_NONE ? cd.as_of_start
								     : cd.since_start;
				size_t pe = cd.as_of != FC_DATE_NONE ? cd.as_of_end
								     : cd.since_end;
				if (!(c->as_of_text = squeeze(&r->arena,
							      doc->prose + ps,
							      pe - ps)))
					rc = FC_ERR_NOMEM;
			}
		}
		/* A change's reference point: "since 2014", "in two
		 * weeks", "since the war began". */
		if (rc == FC_OK && c->change != FC_CHANGE_NONE &&
		    c->ref_date == FC_DATE_NONE && c->ref_span == 0 &&
		    !c->ref_start) {
			fc_claim_ref ref;
			if (fc_claim_ref_find(doc->prose, ss, se, c->start,
					      c->end, doc->date, &ref)) {
				c->ref_date = ref.date;
				c->ref_unit = ref.unit;
				c->ref_span = ref.span;
				c->ref_start = ref.start;
				if (!(c->ref_text = squeeze(&r->arena,
							    doc->prose +
								ref.start_at,
							    ref.end_at -
								ref.start_at)))
					rc = FC_ERR_NOMEM;
			}
			/* Its "since" is the reference point, not the start
			 * of a count. */
			if (c->since != FC_DATE_NONE && c->as_of == FC_DATE_NONE)
				c->as_of_text = NULL;
			c->since = FC_DATE_NONE;
		}
		if (rc == FC_OK && c->metric &&
		    fc_attribution_find(doc->prose, ss, se, c->start, c->end, &as,
					&ae) &&
		    wider_name(c->attribution, doc->prose + as, ae - as) &&
		    !(c->attribution = squeeze(&r->arena, doc->prose + as,
					       ae - as)))
			rc = FC_ERR_NOMEM;
	}
	return rc;
}

/* True for a verdict that already calls a claim wrong. */
static bool flagged(fc_verdict v)
{
	return v == FC_VERDICT_DISCREPANCY || v == FC_VERDICT_OUTDATED;
}

/*
 * Adds a finding for each claim that gives the same metric as an earlier
 * claim of the document, for the same date, with a value that cannot
 * also be true ("9,770 dead" in one paragraph, "9,700 dead" in another),
 * unless the records already call one of them wrong: the contradiction
 * then adds nothing a reader needs. The claims' findings are
 * r->findings[0, n_claims); `extra` more findings are still to come, and
 * room is kept for them.
 */
static fc_status add_conflicts(fc_doc_result *r, size_t *cap, size_t extra)
{
	fc_date *as_of = calloc(r->n_claims + 1, sizeof(*as_of));
	size_t *other = calloc(r->n_claims + 1, sizeof(*other));
	size_t n = r->n_claims;
	fc_status rc = FC_ERR_NOMEM;

	if (!as_of || !other)
		goto out;
	for (size_t i = 0; i < n; i++)
		as_of[i] = r->findings[i].as_of;
	if ((rc = fc_verify_conflicts(r->claims, as_of, n, other)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		const fc_finding *cf = &r->findings[i], *of;
		const fc_claim *c = &r->claims[i], *oc;
		fc_finding *f;
		char d[11], v1[96], v2[96];

		/* A record that already calls one of them wrong says what
		 * the contradiction would. */
		if (other[i] == (size_t)-1 ||
		    flagged(r->findings[i].verdict) ||
		    flagged(r->findings[other[i]].verdict))
			continue;
		rc = FC_ERR_NOMEM;
		if (fc_grow((void **)&r->findings, cap, r->n_findings + extra + 2,
			    sizeof(fc_finding)))
			goto out;
		cf = &r->findings[i];
		of = &r->findings[other[i]];
		oc = &r->claims[other[i]];
		f = &r->findings[r->n_findings];
		memset(f, 0, sizeof(*f));
		f->verdict = FC_VERDICT_DISCREPANCY;
		f->severity = c->severity;
		f->rule_id = "consistency.same-metric";
		f->metric = c->metric;
		f->as_of = as_of[i];
		f->start = cf->start;
		f->end = cf->end;
		f->line = cf->line;
		f->col = cf->col;
		f->end_line = cf->end_line;
		f->end_col = cf->end_col;
		f->text = cf->text;
		f->sentence = cf->sentence;
		f->claim_low = c->number.low;
		f->claim_high = c->number.high;
		f->claim_low_open = c->number.low_open;
		f->claim_high_open = c->number.high_open;
		f->diff_abs = c->number.value - oc->number.value;
		f->diff_rel = oc->number.value != 0
				  ? f->diff_abs / fabs(oc->number.value)
				  : NAN;
		fc_date_format(as_of[i], d);
		fc_describe_value(c->number.qualifier, c->number.value,
				  c->number.value2, v1, sizeof(v1));
		fc_describe_value(oc->number.qualifier, oc->number.value,
				  oc->number.value2, v2, sizeof(v2));
		f->message = fc_arena_printf(
		    &r->arena,
		    "\"%s\" gives %s on %s as %s, but \"%s\" at line %u gives "
		    "it as %s for the same date.",
		    cf->text, c->metric, d, v1, of->text, of->line, v2);
		f->reason = fc_arena_printf(
		    &r->arena,
		    "two claims of the draft bind %s for %s, and their "
		    "intervals (%s at %u:%u, %s at %u:%u) do not meet: they "
		    "cannot both be true",
		    c->metric, d, v1, cf->line, cf->col, v2, of->line, of->col);
		if (!f->message || !f->reason)
			goto out;
		r->n_findings++;
	}
	rc = FC_OK;
out:
	free(as_of);
	free(other);
	return rc;
}

/* The error of a dateline that names no day ("Nov 31 (Reuters) -"). */
static fc_status bad_dateline(const fc_engine *eng, const fc_document *doc,
			      const fc_dateline *dl, fc_error *err)
{
	fc_written_date w;
	unsigned line, col;
	char why[96];
	int year = eng->cfg->year;

	fc_document_position(doc, fc_document_map(doc, dl->date_start), &line,
			     &col);
	if (!fc_date_read(doc->prose, doc->prose_len, dl->date_start, false,
			  &w))
		w.year = w.month = w.day = 0;
	if (w.year)
		year = w.year;
	if (!year && w.month == 2)
		snprintf(why, sizeof(why), "February has at most 29 days");
	else
		fc_date_why_not(year ? year : 2001, w.month, w.day, why,
				sizeof(why));
	return fc_error_set(err, FC_ERR_INPUT,
			    "%s:%u:%u: dateline '%.*s' is not a date (%s); "
			    "correct it, or give the as-of date with --date",
			    doc->path, line, col,
			    (int)(dl->date_end - dl->date_start),
			    doc->prose + dl->date_start, why);
}

/* The document's as-of date, first found wins: --date, the document's
 * own metadata (front matter, HTML meta, set when it was read), a
 * dateline in its first lines, the configuration's date, today. A date
 * the document gives that names no day ("2023-11-31", a dateline "Nov
 * 31") is an input error, unless --date makes it moot: checking such a
 * draft as of another day would make its right figures look wrong. */
static fc_status set_doc_date(const fc_engine *eng, fc_document *doc,
			      fc_error *err)
{
	fc_dateline dl;

	if (eng->date != FC_DATE_NONE) {
		doc->date = eng->date;
		doc->date_origin = FC_DATE_FROM_OPTION;
		return FC_OK;
	}
	if (fc_document_date_error(doc))
		return fc_error_set(err, FC_ERR_INPUT, "%s",
				    fc_document_date_error(doc));
	if (fc_document_date_warning(doc))
		fc_log(&eng->logger, FC_LOG_WARNING, NULL, "%s",
		       fc_document_date_warning(doc));
	if (doc->date != FC_DATE_NONE) {
		/* From the document itself: front matter or HTML meta. */
	} else if (fc_document_dateline(doc, eng->cfg->year, &dl)) {
		if (dl.date == FC_DATE_NONE)
			return bad_dateline(eng, doc, &dl, err);
		doc->date = dl.date;
		doc->date_origin = FC_DATE_FROM_DATELINE;
	} else if (eng->cfg->date != FC_DATE_NONE) {
		doc->date = eng->cfg->date;
		doc->date_origin = FC_DATE_FROM_CONFIG;
	} else {
		doc->date = fc_date_today();
		doc->date_origin = FC_DATE_FROM_TODAY;
	}
	return FC_OK;
}

fc_status fc_engine_check(const fc_engine *eng, fc_document *doc,
			  fc_doc_result **out, fc_error *err)
{
	fc_doc_result *r = calloc(1, sizeof(*r));
	fc_check_sink sink;
	fc_verifier v;
	size_t cap = 0, kept = 0, ccap = 0;
	fc_status rc = FC_OK;

	*out = NULL;
	if (!r) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	r->doc = doc;
	memset(&sink, 0, sizeof(sink));
	if ((rc = set_doc_date(eng, doc, err)) != FC_OK)
		goto fail;
	if (fc_document_scan_numbers(doc, &eng->num) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (eng->show_unchecked || eng->explain)
		doc->flags |= FC_DOCF_UNRECOGNISED;
	if (eng->explain)
		doc->flags |= FC_DOCF_EXPLAIN;

	sink.doc = doc;
	sink.arena = &r->arena;
	for (size_t i = 0; i < eng->n_checkers; i++) {
		fc_plugin_ctx *ctx = eng->checkers[i];
		fc_error cerr;

		sink.ctx = ctx;
		fc_error_clear(&cerr);
		rc = ctx->plugin->desc->checker.check(ctx->state, doc, &sink,
						      &cerr);
		if (rc != FC_OK) {
			fc_error_set(err, rc, "%s: checker %s failed: %s",
				     doc->path, ctx->name,
				     cerr.msg[0] ? cerr.msg : fc_strerror(rc));
			goto fail;
		}
	}

	/* One claim per figure. */
	kept = keep_claims(sink.claims, sink.n_claims);
	r->claims = sink.claims;
	r->n_claims = kept;
	ccap = sink.cap_claims;
	sink.claims = NULL;
	if ((eng->show_unchecked || eng->explain) &&
	    add_unread(r, &ccap) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	count_coverage(fc_document_numbers(doc), r->claims, r->n_claims,
		       &r->coverage);
	if (claim_context(eng, r) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}

	memset(&v, 0, sizeof(v));
	v.store = &eng->store;
	v.sources = eng->vsources;
	v.n_sources = eng->vsources ? eng->n_sources : 0;
	v.understated = eng->cfg->understated;
	v.overstated = eng->cfg->overstated;
	v.num = &eng->num;

	if (fc_grow((void **)&r->findings, &cap, r->n_claims + sink.n_issues + 1,
		    sizeof(fc_finding))) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < r->n_claims; i++) {
		const fc_claim *c = &r->claims[i];
		fc_finding *f = &r->findings[r->n_findings];
		fc_date as_of = c->as_of != FC_DATE_NONE ? c->as_of : doc->date;

		memset(f, 0, sizeof(*f));
		f->claim = c;
		f->rule_id = c->rule_id;
		f->metric = c->metric;
		f->severity = c->severity;
		place(doc, f, c->start, c->end);
		/* The claim and its sentence as a reader sees them: from the
		 * prose, with markup dropped and entities decoded. */
		f->text = squeeze(&r->arena, doc->prose + c->start,
				  c->end - c->start);
		f->sentence = squeeze(&r->arena, doc->prose + c->sent_start,
				      c->sent_end - c->sent_start);
		if (!f->text || !f->sentence ||
		    /* A level, or a change (change.h). */
		    (c->metric && (c->change != FC_CHANGE_NONE || c->per_day)
			 ? fc_verify_change(&v, c, f->text, as_of, f,
					    &r->arena)
			 : fc_verify_claim(&v, c, f->text, as_of, f,
					   &r->arena)) ||
		    attach_series(&eng->store, f, &r->arena)) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		r->n_findings++;
	}
	if (add_conflicts(r, &cap, sink.n_issues) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	/* A figure no checker could read is a finding only when the run
	 * lists them. */
	if (!eng->show_unchecked) {
		size_t k = 0;
		for (size_t i = 0; i < r->n_findings; i++)
			if (!(r->findings[i].claim &&
			      (r->findings[i].claim->flags & FC_CLAIMF_UNRECOGNISED)))
				r->findings[k++] = r->findings[i];
		r->n_findings = k;
	}
	for (size_t i = 0; i < sink.n_issues; i++) {
		const fc_issue *is = &sink.issues[i];
		fc_finding *f = &r->findings[r->n_findings];

		memset(f, 0, sizeof(*f));
		fc_verdict_parse(is->verdict, &f->verdict);
		f->severity = is->severity;
		f->rule_id = is->rule_id;
		f->as_of = doc->date;
		f->message = is->message;
		f->reason = is->reason ? is->reason : is->message;
		f->diff_abs = is->written - is->expected;
		f->diff_rel = is->expected != 0 ? f->diff_abs / fabs(is->expected)
						: NAN;
		f->claim_low = f->claim_high = is->written;
		place(doc, f, is->start, is->end);
		f->text = squeeze(&r->arena, doc->prose + is->start,
				  is->end - is->start);
		f->sentence = f->text;
		if (!f->text) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		r->n_findings++;
	}
	if (r->n_findings)
		qsort(r->findings, r->n_findings, sizeof(fc_finding),
		      cmp_finding);
	if (assign_fingerprints(r) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	/* Findings covered by a suppression comment (suppress.h) reach no
	 * reporter and no exit status. */
	fc_suppress_apply(fc_document_suppressions(doc), doc->path, r->findings,
			  &r->n_findings, &eng->logger);
	free(sink.issues);
	*out = r;
	return FC_OK;
fail:
	free(sink.claims);
	free(sink.issues);
	fc_doc_result_free(r);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reports. */

static bool want_color(const char *path)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (strcmp(path, "-") != 0 || !isatty(STDOUT_FILENO))
		return false;
	if (nc && nc[0])
		return false;
	return !term || strcmp(term, "dumb") != 0;
}

fc_status fc_engine_write_report(fc_engine *eng, const char *format,
				 const char *path, fc_report *rep,
				 bool (*spoiled)(void *ud, fc_error *err),
				 void *ud, fc_error *err)
{
	const fc_loaded_plugin *p =
	    fc_plugins_find(&eng->plugins, FC_PLUGIN_REPORTER, format);
	fc_plugin_ctx *ctx = NULL;
	fc_atomic_file af;
	const cJSON *opts = NULL;
	char jpath[256];
	fc_status rc;

	memset(&af, 0, sizeof(af));
	if (!p) {
		char names[512];
		plugin_names(eng, FC_PLUGIN_REPORTER, names, sizeof(names));
		return fc_error_set(err, FC_ERR_CONFIG,
				    "unknown output format '%s'; the loaded "
				    "reporters are: %s",
				    format, names);
	}
	rep->tool_name = PACKAGE_NAME;
	rep->tool_version = PACKAGE_VERSION;
	rep->sources = fc_engine_sources(eng, &rep->n_sources);
	rep->fail_on = eng->fail_on;
	rep->color = want_color(path);
	rep->show_unchecked = eng->show_unchecked;
	rep->warnings = (const char *const *)eng->warnings;
	rep->n_warnings = eng->n_warnings;
	if (fc_engine_run_failed(eng))
		rep->failed = true;
	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		if (rep->counts[v] && v >= (int)eng->fail_on)
			rep->failed = true;
	if (eng->cfg->reporters)
		opts = cJSON_GetObjectItemCaseSensitive(eng->cfg->reporters, format);
	fc_json_path_key(jpath, sizeof(jpath), "reporters", format);
	rc = fc_instance_new(&eng->env, p, format, opts, jpath, &ctx, err);
	if (rc == FC_OK)
		rc = fc_atomic_open(&af, path, err);
	if (rc == FC_OK) {
		fc_error rerr;
		fc_error_clear(&rerr);
		rc = p->desc->reporter.report(ctx->state, rep, af.fp, &rerr);
		if (rc != FC_OK) {
			fc_error_set(err, rc, "reporter %s: %s", format,
				     rerr.msg[0] ? rerr.msg : fc_strerror(rc));
			fc_atomic_abort(&af);
		} else if (spoiled && spoiled(ud, err)) {
			/* A document could not be read back: the report is
			 * incomplete, and the old file stays. */
			rc = err ? err->code : FC_ERR_IO;
			fc_atomic_abort(&af);
		} else {
			rc = fc_atomic_commit(&af, err);
		}
	}
	fc_instance_free(ctx);
	return rc;
}

fc_status fc_engine_report(fc_engine *eng, const char *format,
			   const char *path, fc_doc_result *const *results,
			   const char *const *paths, const char *const *errors,
			   size_t n, fc_error *err)
{
	fc_report rep;
	fc_report_doc *docs = calloc(n + 1, sizeof(*docs));
	fc_status rc;

	if (!docs)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	memset(&rep, 0, sizeof(rep));
	rep.docs = docs;
	rep.n_docs = n;
	for (size_t i = 0; i < n; i++) {
		docs[i].path = paths[i];
		docs[i].error = errors ? errors[i] : NULL;
		rep.n_errors += docs[i].error != NULL;
		if (!results[i])
			continue;
		docs[i].path = results[i]->doc->path;
		docs[i].doc = results[i]->doc;
		docs[i].findings = results[i]->findings;
		docs[i].n_findings = results[i]->n_findings;
		docs[i].coverage = results[i]->coverage;
		rep.coverage.figures += results[i]->coverage.figures;
		rep.coverage.checked += results[i]->coverage.checked;
		rep.coverage.unchecked += results[i]->coverage.unchecked;
		rep.coverage.not_quantities += results[i]->coverage.not_quantities;
		for (size_t k = 0; k < results[i]->n_findings; k++)
			rep.counts[results[i]->findings[k].verdict]++;
	}
	rc = fc_engine_write_report(eng, format, path, &rep, NULL, NULL, err);
	free(docs);
	return rc;
}

int fc_engine_selftest(fc_engine *eng, const char *const *args, size_t n,
		       FILE *out, fc_error *err)
{
	int failures = 0;
	bool any = false;

	for (size_t i = 0; i < eng->n_checkers; i++) {
		fc_plugin_ctx *ctx = eng->checkers[i];
		int k;

		if (!ctx->plugin->desc->checker.selftest)
			continue;
		any = true;
		k = ctx->plugin->desc->checker.selftest(ctx->state, args, n, out,
							err);
		if (k < 0)
			return k;
		failures += k;
	}
	if (!any)
		return fc_error_set(err, FC_ERR_NOTFOUND,
				    "no loaded checker has examples to run");
	return failures;
}
