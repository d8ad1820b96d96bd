/*
 * series.c: an example figcheck source plugin, built out of tree:
 *
 *   cc -std=c11 -shared -fPIC $(pkg-config --cflags figcheck-plugin) \
 *       series.c -o series.so
 *
 * It reads an in-house statistics API (invented for the example):
 *
 *   GET {url}/v1/metrics          {"metrics": ["gaza.killed", ...]}
 *   GET {url}/v1/series/{metric}  {"series": [{"day": "2023-11-05",
 *                                   "count": 9770, "note": "..."}, ...]}
 *
 * The core does the rest: it validates the options against `options`,
 * fetches what `urls` lists (with its cache, limits, retries and the
 * source's "headers"), parses JSON (host->json_parse) and logs.
 */
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

static const fc_option options[] = {
    {"metrics", FC_OPT_STRING_ARRAY, false, NULL,
     "the metric keys to fetch, one series each; default: every metric the "
     "API lists at {url}/v1/metrics"},
    {"since", FC_OPT_STRING, false, NULL,
     "ignore figures dated before this day (YYYY-MM-DD)"},
    {NULL, 0, false, NULL, NULL}};

typedef struct state {
	const fc_host *host; /* valid until fini */
	fc_plugin_ctx *ctx;  /* likewise */
	const char **metrics; /* NULL-terminated, borrowed from the options
	                         or index; NULL: ask the API */
	size_t n;
	fc_value *index; /* the API's list of metrics, or NULL; owned */
	fc_date since;
} state;

static void series_fini(void *p)
{
	state *st = p;

	if (st) {
		if (st->index)
			st->host->json_free(st->index);
		free(st->metrics);
		free(st);
	}
}

/* Adds a metric key, borrowed; refuses one that would not make a URL. */
static fc_status add_metric(state *st, const fc_value *v, fc_error *err)
{
	const fc_host *h = st->host;
	const char *m = h->value_string(v);
	const char **grown;
	char path[256];

	if (!m || !m[0] || strpbrk(m, "/?#%"))
		return h->error(err, FC_ERR_CONFIG, "%s: \"%s\" is not a metric key",
		                h->value_path(st->ctx, v, path, sizeof(path)),
		                m ? m : "");
	if (!(grown = realloc(st->metrics, (st->n + 2) * sizeof(*grown))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->metrics = grown;
	st->metrics[st->n++] = m;
	st->metrics[st->n] = NULL;
	return FC_OK;
}

/* The core checked the options' types; the rest is the plugin's. */
static fc_status series_init(const fc_host *h, fc_plugin_ctx *ctx,
                             const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *since = h->opt(opts, "since"), *m;
	const char *s = h->value_string(since);
	char path[256];
	fc_status rc = FC_OK;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->ctx = ctx;
	if (!h->json_parse) /* a core older than the JSON view */
		rc = h->error(err, FC_ERR_PLUGIN, "figcheck is too old");
	st->since = s ? h->date_parse(s, strlen(s), NULL) : FC_DATE_NONE;
	if (!rc && s && st->since == FC_DATE_NONE)
		rc = h->error(err, FC_ERR_CONFIG,
		              "%s: \"%s\" is not a date; write YYYY-MM-DD",
		              h->value_path(ctx, since, path, sizeof(path)), s);
	m = h->value_at(h->opt(opts, "metrics"), 0);
	for (; !rc && m; m = h->value_next(m))
		rc = add_metric(st, m, err);
	if (rc) {
		series_fini(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

/* The length of `base` without a trailing slash. */
static int base_len(const char *base)
{
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	return (int)n;
}

/* Asks the API which metrics it has, through the core's fetcher. */
static fc_status ask_index(state *st, const char *base, fc_error *err)
{
	const fc_host *h = st->host;
	char url[2048];
	fc_blob blob;
	fc_status rc;
	const fc_value *m;

	snprintf(url, sizeof(url), "%.*s/v1/metrics", base_len(base), base);
	if ((rc = h->fetch(st->ctx, url, &blob, err)) != FC_OK)
		return rc; /* err says why */
	st->index = h->json_parse(url, blob.data, blob.len, err);
	h->blob_free(&blob);
	if (!st->index)
		return FC_ERR_PARSE; /* err says where the JSON is wrong */
	m = h->opt(st->index, "metrics");
	if (h->value_type(m) != FC_VALUE_ARRAY)
		return h->error(err, FC_ERR_PARSE,
		                "%s: expected {\"metrics\": [...]}", url);
	for (m = h->value_at(m, 0); m && rc == FC_OK; m = h->value_next(m))
		rc = add_metric(st, m, err);
	h->log(st->ctx, FC_LOG_INFO, "%s lists %zu metrics", url, st->n);
	return rc;
}

/* Lists the URLs the core fetches: one series per metric. */
static fc_status series_urls(void *p, const char *base, fc_url_sink *sink,
                             fc_error *err)
{
	state *st = p;
	const fc_host *h = st->host;
	char url[2048];
	fc_status rc = FC_OK;

	if (!base || !base[0])
		return h->error(err, FC_ERR_CONFIG, "set the source's \"url\"");
	if (!st->metrics && (rc = ask_index(st, base, err)) != FC_OK)
		return rc;
	for (size_t i = 0; i < st->n && rc == FC_OK; i++) {
		snprintf(url, sizeof(url), "%.*s/v1/series/%s", base_len(base),
		         base, st->metrics[i]);
		if ((rc = h->url_add(sink, url)) != FC_OK)
			h->error(err, rc, "%s: cannot be listed", url);
	}
	return rc;
}

/* Turns one series into records; record_add copies what it is given. */
static fc_status series_parse(void *p, const fc_resource *res,
                              fc_record_sink *sink, fc_error *err)
{
	state *st = p;
	const fc_host *h = st->host;
	const char *metric = strstr(res->url, "/v1/series/");
	fc_value *root = h->json_parse(res->url, res->body, res->len, err);
	const fc_value *series = h->opt(root, "series"), *e;
	size_t skipped = 0;
	fc_status rc = FC_OK;

	if (!root)
		return FC_ERR_PARSE; /* err says where the JSON is wrong */
	if (h->value_type(series) != FC_VALUE_ARRAY || !metric) {
		h->json_free(root);
		return h->error(err, FC_ERR_PARSE,
		                "%s: expected {\"series\": [...]}", res->url);
	}
	metric += strlen("/v1/series/");
	for (e = h->value_at(series, 0); e && !rc; e = h->value_next(e)) {
		const char *day = h->value_string(h->opt(e, "day"));
		fc_record r = {.metric = metric};

		r.date = day ? h->date_parse(day, strlen(day), NULL)
		             : FC_DATE_NONE;
		r.value = h->value_number(h->opt(e, "count")); /* NaN if none */
		r.note = h->value_string(h->opt(e, "note"));
		if (r.date != FC_DATE_NONE && r.date < st->since)
			continue;
		/* The core refuses a record without a date or a value. */
		if ((rc = h->record_add(sink, &r)) == FC_ERR_ARG) {
			skipped++;
			rc = FC_OK;
		}
	}
	h->json_free(root);
	if (skipped)
		h->log(st->ctx, FC_LOG_WARNING, "%s: %zu entries without a "
		       "\"day\" or a \"count\"", res->url, skipped);
	return rc ? h->error(err, rc, "%s: %s", res->url, fc_strerror(rc))
	          : FC_OK;
}

static const char *const *series_metrics(void *p)
{
	return ((state *)p)->metrics; /* NULL before the index: any */
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "series", .version = "1.1.0",
                .description = "daily series from a statistics API "
                               "(GET {url}/v1/series/{metric})",
                .options = options, .init = series_init, .fini = series_fini,
                .source = {.urls = series_urls,
                           .parse = series_parse,
                           .metrics = series_metrics});
