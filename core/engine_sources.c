/*
 * engine_sources.c: the engine's reference sources: an instance of each
 * configured source, their resources fetched together (fetch.h), their
 * records loaded into the store, a failed source said in its info, and
 * the store frozen for the verifier. Part of the engine (engine_int.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"
#include "json.h"
#include "util.h"

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

fc_status fc_engine_start_sources(fc_engine *eng, fc_error *err)
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
		/* Reports show the data relative to the configuration (or
		 * its URL), never an absolute path of this machine. */
		if (sc->url) {
			char *shown = fc_config_display_url(cfg, sc->url);
			eng->infos[i].url =
			    shown ? fc_arena_strdup(&eng->arena, shown) : NULL;
			free(shown);
			if (!eng->infos[i].url)
				return fc_error_set(err, FC_ERR_NOMEM,
						    "out of memory");
		}
		eng->vsources[i].name = sc->name;
		eng->vsources[i].aliases = sc->aliases;
		eng->vsources[i].n_aliases = sc->n_aliases;
		eng->vsources[i].lag_days = sc->lag_days;
		eng->vsources[i].stale_days = sc->stale_days;
		eng->vsources[i].cumulative = sc->cumulative;
		eng->vsources[i].tolerance = sc->tolerance;
		if (!p) {
			char names[512];
			fc_engine_plugin_names(eng, FC_PLUGIN_SOURCE, names, sizeof(names));
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

fc_status fc_engine_fetch_sources(fc_engine *eng, fc_error *err)
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
			reqs[n_reqs].headers = (const char *const *)sc->headers;
			reqs[n_reqs].n_headers = sc->n_headers;
			n_reqs++;
		}
		for (size_t k = 0; k < extra[i].n; k++) {
			memset(&reqs[n_reqs], 0, sizeof(*reqs));
			reqs[n_reqs].url = extra[i].urls[k];
			reqs[n_reqs].label = sc->name;
			reqs[n_reqs].ttl = sc->ttl;
			reqs[n_reqs].headers = (const char *const *)sc->headers;
			reqs[n_reqs].n_headers = sc->n_headers;
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
	/* A source's own fetches keep for its ttl and send its headers. */
	for (size_t i = 0; who && i < eng->cfg->n_sources; i++) {
		const fc_source_conf *sc = &eng->cfg->sources[i];
		if (strcmp(sc->name, who) == 0) {
			req.ttl = sc->ttl;
			req.headers = (const char *const *)sc->headers;
			req.n_headers = sc->n_headers;
		}
	}
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
