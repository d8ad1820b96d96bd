/*
 * engine.c: a run of figcheck, from configuration to report: the
 * engine's life (open, start, free), its run-level warnings, its reports
 * and the rule packs' selftest. The sources are in engine_sources.c and
 * checking a document in engine_check.c; the state they share is in
 * engine_int.h.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "engine_int.h"
#include "json.h"
#include "paths.h"


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

void fc_engine_plugin_names(const fc_engine *eng, fc_plugin_kind kind,
			    char *buf, size_t size)
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
			fc_engine_plugin_names(eng, FC_PLUGIN_CHECKER, names, sizeof(names));
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
		if ((rc = fc_engine_start_sources(eng, err)))
			return rc;
		if ((what & FC_START_CHECKERS) && eng->n_sources == 0 &&
		    warn_no_sources(eng) != FC_OK)
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	if (what & FC_START_FETCH)
		return fc_engine_fetch_sources(eng, err);
	return FC_OK;
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
		fc_engine_plugin_names(eng, FC_PLUGIN_REPORTER, names, sizeof(names));
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
