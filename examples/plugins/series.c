/*
 * series.c: an example figcheck source plugin, built out of tree against
 * the installed SDK:
 *
 *     cc -shared -fPIC $(pkg-config --cflags figcheck) series.c -o series.so
 *
 * It reads an in-house statistics API of this shape (invented for the
 * example):
 *
 *     GET {base}/v1/metrics          {"metrics": ["gaza.killed", ...]}
 *     GET {base}/v1/series/{metric}  {"metric": "gaza.killed",
 *                                     "series": [{"day": "2023-11-05",
 *                                                 "count": 9770,
 *                                                 "note": "..."}, ...]}
 *
 * and is configured like this:
 *
 *     {"name": "desk", "plugin": "series", "url": "https://stats.example/api",
 *      "options": {"metrics": ["gaza.killed"], "since": "2023-10-07"}}
 *
 * What it shows:
 *   - the lifecycle: init allocates the state from validated options,
 *     every callback gets it back, fini frees it;
 *   - fetching only through the core: `urls` lists the series to fetch
 *     (the core fetches them all at once, with its cache, limits and
 *     retries, and hands each body to `parse`); when no metrics are
 *     configured, `urls` asks the API's index through host->fetch;
 *   - declared options, validated by the core before init;
 *   - logging through host->log, errors through host->error;
 *   - no dependency beyond libc: a small JSON reader is below.
 */
#include <math.h>
#include <stdio.h>
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
	char **metrics;      /* NULL-terminated; NULL: ask the API */
	size_t n_metrics;
	fc_date since;
} state;

/* ------------------------------------------------------------------ */
/* A small JSON reader: enough for this API, and for bodies that are not
 * what they should be (it never reads past the end, and limits depth). */

enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jv {
	int type;
	double num; /* J_NUM, and J_BOOL as 0 or 1 */
	char *str;  /* J_STR */
	char *key;  /* member name inside an object */
	struct jv *child, *next;
} jv;

typedef struct jp {
	const char *p, *end;
	int depth;
} jp;

static void jv_free(jv *v)
{
	while (v) {
		jv *next = v->next;
		jv_free(v->child);
		free(v->str);
		free(v->key);
		free(v);
		v = next;
	}
}

static void ws(jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	                         *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static void put_utf8(char **o, unsigned long c)
{
	if (c < 0x80) {
		*(*o)++ = (char)c;
	} else if (c < 0x800) {
		*(*o)++ = (char)(0xC0 | (c >> 6));
		*(*o)++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*(*o)++ = (char)(0xE0 | (c >> 12));
		*(*o)++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*(*o)++ = (char)(0x80 | (c & 0x3F));
	} else {
		*(*o)++ = (char)(0xF0 | (c >> 18));
		*(*o)++ = (char)(0x80 | ((c >> 12) & 0x3F));
		*(*o)++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*(*o)++ = (char)(0x80 | (c & 0x3F));
	}
}

static bool hex4(const char *p, unsigned long *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned long)(c - 'A' + 10);
		else
			return false;
	}
	return true;
}

/* Reads a string at j->p (on its opening quote) into a new buffer. */
static char *jstring(jp *j)
{
	const char *s = ++j->p;
	char *out, *o;

	/* Escapes only shrink the text, so its length is enough. */
	while (j->p < j->end && *j->p != '"')
		j->p += *j->p == '\\' && j->p + 1 < j->end ? 2 : 1;
	if (j->p >= j->end)
		return NULL;
	if (!(out = malloc((size_t)(j->p - s) + 1)))
		return NULL;
	for (o = out; s < j->p; s++) {
		unsigned long c, lo;
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 'b':
			*o++ = '\b';
			break;
		case 'f':
			*o++ = '\f';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'u':
			if (j->p - s < 5 || !hex4(s + 1, &c))
				goto bad;
			s += 4;
			if (c >= 0xD800 && c < 0xDC00 && j->p - s >= 7 &&
			    s[1] == '\\' && s[2] == 'u' && hex4(s + 3, &lo) &&
			    lo >= 0xDC00 && lo < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (lo - 0xDC00);
				s += 6;
			}
			put_utf8(&o, c);
			break;
		case '"':
		case '\\':
		case '/':
			*o++ = *s;
			break;
		default:
			goto bad;
		}
	}
	*o = 0;
	j->p++; /* the closing quote */
	return out;
bad:
	free(out);
	return NULL;
}

static jv *jvalue(jp *j)
{
	jv *v, **tail;

	ws(j);
	if (j->p >= j->end || ++j->depth > 64 || !(v = calloc(1, sizeof(*v))))
		return NULL;
	if (*j->p == '{' || *j->p == '[') {
		bool obj = *j->p == '{';
		v->type = obj ? J_OBJ : J_ARR;
		j->p++;
		tail = &v->child;
		ws(j);
		if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
			j->p++;
			j->depth--;
			return v;
		}
		for (;;) {
			char *key = NULL;
			jv *kid;
			ws(j);
			if (obj) {
				if (j->p >= j->end || *j->p != '"' ||
				    !(key = jstring(j)))
					goto bad;
				ws(j);
				if (j->p >= j->end || *j->p++ != ':') {
					free(key);
					goto bad;
				}
			}
			if (!(kid = jvalue(j))) {
				free(key);
				goto bad;
			}
			kid->key = key;
			*tail = kid;
			tail = &kid->next;
			ws(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
				j->p++;
				break;
			}
			goto bad;
		}
	} else if (*j->p == '"') {
		v->type = J_STR;
		if (!(v->str = jstring(j)))
			goto bad;
	} else if ((size_t)(j->end - j->p) >= 4 && !strncmp(j->p, "null", 4)) {
		v->type = J_NULL;
		j->p += 4;
	} else if ((size_t)(j->end - j->p) >= 4 && !strncmp(j->p, "true", 4)) {
		v->type = J_BOOL;
		v->num = 1;
		j->p += 4;
	} else if ((size_t)(j->end - j->p) >= 5 && !strncmp(j->p, "false", 5)) {
		v->type = J_BOOL;
		j->p += 5;
	} else {
		char num[64];
		size_t n = 0;
		char *stop;
		while (j->p + n < j->end && n < sizeof(num) - 1 && j->p[n] &&
		       strchr("+-0123456789.eE", j->p[n]))
			n++;
		memcpy(num, j->p, n);
		num[n] = 0;
		v->type = J_NUM;
		v->num = strtod(num, &stop);
		if (n == 0 || *stop || !isfinite(v->num))
			goto bad;
		j->p += n;
	}
	j->depth--;
	return v;
bad:
	jv_free(v);
	return NULL;
}

/* Parses a whole body; NULL (with the byte offset where it failed in
 * *where) when it is not JSON. */
static jv *jparse(const char *s, size_t len, size_t *where)
{
	jp j = {s, s + len, 0};
	jv *v = jvalue(&j);

	ws(&j);
	if (v && j.p != j.end) {
		jv_free(v);
		v = NULL;
	}
	*where = (size_t)(j.p - s);
	return v;
}

static const jv *jget(const jv *obj, const char *key)
{
	if (!obj || obj->type != J_OBJ)
		return NULL;
	for (const jv *k = obj->child; k; k = k->next)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The plugin. */

static void series_fini(void *p)
{
	state *st = p;

	if (!st)
		return;
	for (size_t i = 0; i < st->n_metrics; i++)
		free(st->metrics[i]);
	free(st->metrics);
	free(st);
}

/* Adds a copy of `m` to the metrics list. */
static fc_status add_metric(state *st, const char *m)
{
	char **grown =
	    realloc(st->metrics, (st->n_metrics + 2) * sizeof(char *));
	char *copy = malloc(strlen(m) + 1);

	if (grown)
		st->metrics = grown;
	if (!grown || !copy) {
		free(copy);
		return FC_ERR_NOMEM;
	}
	strcpy(copy, m);
	st->metrics[st->n_metrics++] = copy;
	st->metrics[st->n_metrics] = NULL;
	return FC_OK;
}

/* The core has checked the options against `options` already: types are
 * right and unknown keys refused. What is left is what only the plugin
 * knows (a date that parses, a metric key that names something). */
static fc_status series_init(const fc_host *host, fc_plugin_ctx *ctx,
                             const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *metrics = host->opt(opts, "metrics");
	const char *since = host->value_string(host->opt(opts, "since"));
	char path[256];

	*out = NULL;
	if (!st)
		return host->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = host;
	st->ctx = ctx;
	st->since = FC_DATE_NONE;
	if (since) {
		st->since = host->date_parse(since, strlen(since), NULL);
		if (st->since == FC_DATE_NONE) {
			host->error(
			    err, FC_ERR_CONFIG,
			    "%s: \"%s\" is not a date; write YYYY-MM-DD",
			    host->value_path(ctx, host->opt(opts, "since"),
			                     path, sizeof(path)),
			    since);
			series_fini(st);
			return FC_ERR_CONFIG;
		}
	}
	for (size_t i = 0; i < host->value_count(metrics); i++) {
		const char *m = host->value_string(host->value_at(metrics, i));
		if (!m[0] || strchr(m, '/') || strchr(m, '?')) {
			host->error(err, FC_ERR_CONFIG,
			            "%s: \"%s\" is not a metric key",
			            host->value_path(ctx,
			                             host->value_at(metrics, i),
			                             path, sizeof(path)),
			            m);
			series_fini(st);
			return FC_ERR_CONFIG;
		}
		if (add_metric(st, m) != FC_OK) {
			series_fini(st);
			return host->error(err, FC_ERR_NOMEM, "out of memory");
		}
	}
	*out = st;
	return FC_OK;
}

/* The configured url without a trailing slash, as a length. */
static size_t base_len(const char *base)
{
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	return n;
}

/* Asks the API which metrics it has: {base}/v1/metrics, fetched through
 * the core (its cache and limits apply). */
static fc_status ask_index(state *st, const char *base, fc_error *err)
{
	const fc_host *h = st->host;
	char url[2048];
	fc_blob blob;
	size_t where;
	fc_status rc;
	jv *root;
	const jv *list;

	snprintf(url, sizeof(url), "%.*s/v1/metrics", (int)base_len(base),
	         base);
	/* On failure host->fetch fills err with the URL and the reason. */
	if ((rc = h->fetch(st->ctx, url, &blob, err)) != FC_OK)
		return rc;
	root = jparse(blob.data, blob.len, &where);
	list = jget(root, "metrics");
	if (!list || list->type != J_ARR) {
		jv_free(root);
		h->blob_free(&blob);
		return h->error(
		    err, FC_ERR_PARSE,
		    "%s: expected {\"metrics\": [...]}, the list of "
		    "series this API has",
		    url);
	}
	for (const jv *m = list->child; m && rc == FC_OK; m = m->next)
		if (m->type == J_STR && m->str[0] && !strchr(m->str, '/'))
			rc = add_metric(st, m->str);
	jv_free(root);
	h->blob_free(&blob);
	if (rc != FC_OK)
		return h->error(err, rc, "out of memory");
	h->log(st->ctx, FC_LOG_INFO, "%s lists %zu metrics", url,
	       st->n_metrics);
	return FC_OK;
}

/* Lists the URLs the core fetches for this source: one series per
 * metric. The core passes the configured "url" as `base`. */
static fc_status series_urls(void *p, const char *base, fc_url_sink *sink,
                             fc_error *err)
{
	state *st = p;
	const fc_host *h = st->host;
	fc_status rc;

	if (!base || !base[0])
		return h->error(
		    err, FC_ERR_CONFIG,
		    "set the source's \"url\" to the API's base URL "
		    "(the part before /v1/series/...)");
	if (!st->metrics && (rc = ask_index(st, base, err)) != FC_OK)
		return rc;
	for (size_t i = 0; i < st->n_metrics; i++) {
		char url[2048];
		snprintf(url, sizeof(url), "%.*s/v1/series/%s",
		         (int)base_len(base), base, st->metrics[i]);
		if ((rc = h->url_add(sink, url)) != FC_OK)
			return h->error(err, rc, "%s: cannot be listed", url);
	}
	return FC_OK;
}

/* Turns one series into records. The body is the core's, valid during
 * the call; record_add copies what it is given. */
static fc_status series_parse(void *p, const fc_resource *res,
                              fc_record_sink *sink, fc_error *err)
{
	state *st = p;
	const fc_host *h = st->host;
	const char *slash = strstr(res->url, "/v1/series/");
	const char *metric = slash ? slash + strlen("/v1/series/") : NULL;
	size_t where, skipped = 0, added = 0;
	const jv *series;
	jv *root;

	if (!metric || !metric[0])
		return h->error(err, FC_ERR_PARSE,
		                "%s: not a series URL (.../v1/series/METRIC)",
		                res->url);
	if (!(root = jparse(res->body, res->len, &where)))
		return h->error(err, FC_ERR_PARSE,
		                "%s: not valid JSON (at byte %zu)", res->url,
		                where);
	series = jget(root, "series");
	if (!series || series->type != J_ARR) {
		jv_free(root);
		return h->error(
		    err, FC_ERR_PARSE,
		    "%s: expected an object with a \"series\" array", res->url);
	}
	for (const jv *e = series->child; e; e = e->next) {
		const jv *day = jget(e, "day"), *n = jget(e, "count");
		const jv *note = jget(e, "note");
		fc_record r;
		fc_status rc;

		memset(&r, 0, sizeof(r));
		r.metric = metric;
		r.date = day && day->type == J_STR
		             ? h->date_parse(day->str, strlen(day->str), NULL)
		             : FC_DATE_NONE;
		if (r.date == FC_DATE_NONE || !n || n->type != J_NUM) {
			skipped++;
			continue;
		}
		if (st->since != FC_DATE_NONE && r.date < st->since)
			continue;
		r.value = n->num;
		r.note = note && note->type == J_STR ? note->str : NULL;
		rc = h->record_add(sink, &r);
		if (rc == FC_ERR_NOMEM) {
			jv_free(root);
			return h->error(err, rc, "out of memory");
		}
		if (rc == FC_OK)
			added++;
		else
			skipped++;
	}
	jv_free(root);
	if (skipped)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu entries skipped: each needs a \"day\" "
		       "(YYYY-MM-DD) and a numeric \"count\"",
		       res->url, skipped);
	h->log(st->ctx, FC_LOG_DEBUG, "%s: %zu records", res->url, added);
	return FC_OK;
}

static const char *const *series_metrics(void *p)
{
	/* NULL (not known before the index is read) means "any". */
	return (const char *const *)((state *)p)->metrics;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "series", .version = "1.0.0",
                .description = "daily series from a statistics API "
                               "(GET {url}/v1/series/{metric})",
                .options = options, .init = series_init, .fini = series_fini,
                .source = {.urls = series_urls,
                           .parse = series_parse,
                           .metrics = series_metrics});
