/*
 * json.c: the json source. Dated records from a JSON document, mapped by
 * configuration alone: which field is the date, which fields are which
 * metrics, where the records are.
 *
 * The records are an array of objects (at the top level, or at the JSON
 * Pointer given by "records"), or an object whose keys are the dates
 * ("keyed_by_date"). A field name that starts with '/' is a JSON Pointer
 * into the record ("/counts/killed"). A record whose date is missing or
 * unreadable is skipped; a mapped field that is absent gives no record for
 * that metric on that date (a warning, unless the field is listed in
 * "optional"); a field of the wrong type is skipped with a warning. The
 * warnings are counted per field and logged once per resource.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

typedef struct metric_map {
	char *field;
	char *metric;
	bool optional;
	size_t missing, wrong_type; /* counts, per resource */
	long first_missing;         /* index of the first record lacking it */
} metric_map;

typedef struct filter {
	char *field;
	char **values;
	size_t n_values;
} filter;

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	char *records;      /* JSON Pointer to the records, or NULL */
	bool keyed_by_date;
	char *date_field;
	char *date_format;  /* NULL: ISO 8601 */
	char *qualifier_field, *precision_field, *note_field, *reported_by_field;
	char *url_field;
	metric_map *maps;
	size_t n_maps;
	filter *filters;
	size_t n_filters;
	const char **metric_list; /* NULL-terminated, for the core */
} state;

static const fc_option options[] = {
    {"date_field", FC_OPT_STRING, false, "\"date\"",
     "the field that holds each record's date (a name or a JSON Pointer)"},
    {"date_format", FC_OPT_STRING, false, NULL,
     "how the date is written: %Y %m %d %b, e.g. \"%d/%m/%Y\"; default "
     "ISO 8601"},
    {"metrics", FC_OPT_OBJECT, true, NULL,
     "field -> metric key, e.g. {\"killed_cum\": \"gaza.killed\"}"},
    {"optional", FC_OPT_STRING_ARRAY, false, "[]",
     "mapped fields that records may leave out without a warning"},
    {"records", FC_OPT_STRING, false, NULL,
     "JSON Pointer to the array (or date-keyed object) of records; default "
     "the top level"},
    {"keyed_by_date", FC_OPT_BOOL, false, "false",
     "the records are an object whose keys are the dates"},
    {"filter", FC_OPT_OBJECT, false, NULL,
     "field -> accepted values (a string or an array of strings); other "
     "records are ignored"},
    {"qualifier_field", FC_OPT_STRING, false, NULL,
     "field holding the qualifier the figure was published with "
     "(more_than, about, ...)"},
    {"precision_field", FC_OPT_STRING, false, NULL,
     "field holding the published figure's precision (100 for \"about "
     "1,200\")"},
    {"note_field", FC_OPT_STRING, false, NULL, "field holding a note"},
    {"reported_by_field", FC_OPT_STRING, false, NULL,
     "field naming who published the figure"},
    {"url_field", FC_OPT_STRING, false, NULL,
     "field holding the record's own URL"},
    {NULL, 0, false, NULL, NULL}};

static char *dup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

static void state_free(void *p)
{
	state *st = p;

	if (!st)
		return;
	free(st->records);
	free(st->date_field);
	free(st->date_format);
	free(st->qualifier_field);
	free(st->precision_field);
	free(st->note_field);
	free(st->reported_by_field);
	free(st->url_field);
	for (size_t i = 0; i < st->n_maps; i++) {
		free(st->maps[i].field);
		free(st->maps[i].metric);
	}
	free(st->maps);
	for (size_t i = 0; i < st->n_filters; i++) {
		free(st->filters[i].field);
		for (size_t k = 0; k < st->filters[i].n_values; k++)
			free(st->filters[i].values[k]);
		free(st->filters[i].values);
	}
	free(st->filters);
	free(st->metric_list);
	free(st);
}

/* An optional string option, copied. Returns false on allocation failure. */
static bool opt_str(const fc_host *h, const fc_value *opts, const char *key,
		    char **out)
{
	const char *s = h->value_string(h->opt(opts, key));

	*out = NULL;
	if (!s)
		return true;
	*out = dup(s);
	return *out != NULL;
}

static fc_status json_init(const fc_host *h, fc_plugin_ctx *ctx,
			   const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *metrics = h->opt(opts, "metrics");
	const fc_value *optional = h->opt(opts, "optional");
	const fc_value *filters = h->opt(opts, "filter");
	size_t n = h->value_count(metrics);
	char path[256];

	*out = NULL;
	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->ctx = ctx;
	st->keyed_by_date = h->value_bool(h->opt(opts, "keyed_by_date"));
	if (!opt_str(h, opts, "records", &st->records) ||
	    !opt_str(h, opts, "date_field", &st->date_field) ||
	    !opt_str(h, opts, "date_format", &st->date_format) ||
	    !opt_str(h, opts, "qualifier_field", &st->qualifier_field) ||
	    !opt_str(h, opts, "precision_field", &st->precision_field) ||
	    !opt_str(h, opts, "note_field", &st->note_field) ||
	    !opt_str(h, opts, "reported_by_field", &st->reported_by_field) ||
	    !opt_str(h, opts, "url_field", &st->url_field))
		goto nomem;
	if (st->records && st->records[0] && st->records[0] != '/') {
		h->error(err, FC_ERR_CONFIG,
			 "%s: \"%s\" is not a JSON Pointer (it starts with '/')",
			 h->value_path(ctx, h->opt(opts, "records"), path,
				       sizeof(path)),
			 st->records);
		state_free(st);
		return FC_ERR_CONFIG;
	}
	if (n == 0) {
		h->error(err, FC_ERR_CONFIG,
			 "%s: map at least one field to a metric key",
			 h->value_path(ctx, metrics, path, sizeof(path)));
		state_free(st);
		return FC_ERR_CONFIG;
	}
	st->maps = calloc(n, sizeof(*st->maps));
	st->metric_list = calloc(n + 1, sizeof(char *));
	if (!st->maps || !st->metric_list)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		const fc_value *m = h->value_at(metrics, i);
		const char *metric = h->value_string(m);

		if (!metric || !metric[0]) {
			h->error(err, FC_ERR_CONFIG,
				 "%s: expected a metric key such as "
				 "\"gaza.killed\"",
				 h->value_path(ctx, m, path, sizeof(path)));
			state_free(st);
			return FC_ERR_CONFIG;
		}
		st->maps[i].field = dup(h->value_key(m));
		st->maps[i].metric = dup(metric);
		if (!st->maps[i].field || !st->maps[i].metric)
			goto nomem;
		st->n_maps = i + 1;
		st->metric_list[i] = st->maps[i].metric;
		for (size_t k = 0; k < h->value_count(optional); k++) {
			const char *f = h->value_string(h->value_at(optional, k));
			if (f && strcmp(f, st->maps[i].field) == 0)
				st->maps[i].optional = true;
		}
	}
	if (filters) {
		size_t nf = h->value_count(filters);
		st->filters = calloc(nf + 1, sizeof(*st->filters));
		if (!st->filters)
			goto nomem;
		for (size_t i = 0; i < nf; i++) {
			const fc_value *f = h->value_at(filters, i);
			filter *fl = &st->filters[i];
			size_t nv = h->value_type(f) == FC_VALUE_ARRAY
					? h->value_count(f)
					: 1;
			fl->field = dup(h->value_key(f));
			fl->values = calloc(nv + 1, sizeof(char *));
			st->n_filters = i + 1;
			if (!fl->field || !fl->values)
				goto nomem;
			for (size_t k = 0; k < nv; k++) {
				const fc_value *v = h->value_type(f) == FC_VALUE_ARRAY
							? h->value_at(f, k)
							: f;
				const char *s = h->value_string(v);
				if (!s) {
					h->error(err, FC_ERR_CONFIG,
						 "%s: expected a string or an "
						 "array of strings",
						 h->value_path(ctx, v, path,
							       sizeof(path)));
					state_free(st);
					return FC_ERR_CONFIG;
				}
				if (!(fl->values[k] = dup(s)))
					goto nomem;
				fl->n_values = k + 1;
			}
		}
	}
	*out = st;
	return FC_OK;
nomem:
	state_free(st);
	return h->error(err, FC_ERR_NOMEM, "out of memory");
}

/* Resolves a field: a member name, or a JSON Pointer (RFC 6901). */
static const cJSON *field(const cJSON *obj, const char *name)
{
	const char *p = name;

	if (!name)
		return NULL;
	if (name[0] != '/')
		return cJSON_IsObject(obj)
			   ? cJSON_GetObjectItemCaseSensitive(obj, name)
			   : NULL;
	while (obj && *p == '/') {
		char tok[256];
		size_t n = 0;

		p++;
		while (*p && *p != '/' && n < sizeof(tok) - 1) {
			if (p[0] == '~' && p[1] == '0') {
				tok[n++] = '~';
				p += 2;
			} else if (p[0] == '~' && p[1] == '1') {
				tok[n++] = '/';
				p += 2;
			} else {
				tok[n++] = *p++;
			}
		}
		tok[n] = 0;
		if (cJSON_IsObject(obj)) {
			obj = cJSON_GetObjectItemCaseSensitive(obj, tok);
		} else if (cJSON_IsArray(obj)) {
			char *end;
			long i = strtol(tok, &end, 10);
			if (*end || end == tok || i < 0 || i > 100000000)
				return NULL;
			obj = cJSON_GetArrayItem(obj, (int)i);
		} else {
			return NULL;
		}
	}
	return *p ? NULL : obj;
}

static bool passes_filters(const state *st, const cJSON *rec)
{
	for (size_t i = 0; i < st->n_filters; i++) {
		const cJSON *v = field(rec, st->filters[i].field);
		bool ok = false;
		if (!cJSON_IsString(v))
			return false;
		for (size_t k = 0; k < st->filters[i].n_values; k++)
			if (strcmp(v->valuestring, st->filters[i].values[k]) == 0)
				ok = true;
		if (!ok)
			return false;
	}
	return true;
}

/* The unit of the last non-zero digit of an integer value: 1200 -> 100. */
static double rounding_unit(double v)
{
	double unit = 1;

	v = fabs(v);
	if (v != floor(v) || v == 0 || v > 1e15)
		return 0;
	while (fmod(v, unit * 10) == 0)
		unit *= 10;
	return unit;
}

static const char *const qualifier_names[] = FC_QUALIFIER_NAMES;

/* Reads the metrics of one record. Returns FC_OK or FC_ERR_NOMEM; skips
 * (and counts) what it cannot read. */
static fc_status read_record(state *st, const cJSON *rec, const char *date_s,
			     long index, const char *url, fc_record_sink *sink,
			     size_t *bad_dates, long *first_bad_date)
{
	const fc_host *h = st->host;
	fc_record r;
	const cJSON *q, *p, *note, *by, *u;
	fc_date date;

	if (!cJSON_IsObject(rec) || !passes_filters(st, rec))
		return FC_OK;
	if (!date_s) {
		const cJSON *d = field(rec, st->date_field);
		date_s = cJSON_IsString(d) ? d->valuestring : NULL;
	}
	date = date_s ? h->date_parse(date_s, strlen(date_s), st->date_format)
		      : FC_DATE_NONE;
	if (date == FC_DATE_NONE) {
		if ((*bad_dates)++ == 0)
			*first_bad_date = index;
		return FC_OK;
	}
	memset(&r, 0, sizeof(r));
	r.date = date;
	r.url = url;
	q = field(rec, st->qualifier_field);
	if (cJSON_IsString(q)) {
		for (int i = 0; i < FC_QUALIFIER_COUNT; i++)
			if (strcmp(q->valuestring, qualifier_names[i]) == 0)
				r.qualifier = (fc_qualifier)i;
	}
	p = field(rec, st->precision_field);
	note = field(rec, st->note_field);
	by = field(rec, st->reported_by_field);
	u = field(rec, st->url_field);
	r.note = cJSON_IsString(note) ? note->valuestring : NULL;
	r.reported_by = cJSON_IsString(by) ? by->valuestring : NULL;
	if (cJSON_IsString(u))
		r.url = u->valuestring;
	for (size_t i = 0; i < st->n_maps; i++) {
		metric_map *m = &st->maps[i];
		const cJSON *v = field(rec, m->field);
		fc_status rc;

		if (!v || cJSON_IsNull(v)) {
			if (!m->optional && m->missing++ == 0)
				m->first_missing = index;
			continue;
		}
		if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
			m->wrong_type++;
			continue;
		}
		r.metric = m->metric;
		r.value = v->valuedouble;
		r.precision = cJSON_IsNumber(p) && p->valuedouble >= 0
				  ? p->valuedouble
			      : r.qualifier != FC_QUAL_NONE ? rounding_unit(r.value)
							    : 0;
		rc = h->record_add(sink, &r);
		if (rc == FC_ERR_NOMEM)
			return rc;
	}
	return FC_OK;
}

/* Line and column of byte `off` of `text`. */
static void position(const char *text, size_t len, size_t off, unsigned *line,
		     unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static fc_status json_parse(void *p, const fc_resource *res,
			    fc_record_sink *sink, fc_error *err)
{
	state *st = p;
	const fc_host *h = st->host;
	const char *end = NULL;
	cJSON *root;
	const cJSON *recs;
	size_t bad_dates = 0;
	long first_bad = -1, index = 0;
	fc_status rc = FC_OK;

	for (size_t i = 0; i < st->n_maps; i++) {
		st->maps[i].missing = st->maps[i].wrong_type = 0;
		st->maps[i].first_missing = -1;
	}
	root = cJSON_ParseWithLengthOpts(res->body, res->len, &end, false);
	if (!root) {
		unsigned line, col;
		size_t off = end ? (size_t)(end - res->body) : 0;
		position(res->body, res->len, off, &line, &col);
		return h->error(err, FC_ERR_PARSE,
				"%s:%u:%u: not valid JSON (the body starts with "
				"\"%.20s\")",
				res->url, line, col, res->body);
	}
	recs = st->records && st->records[0] ? field(root, st->records) : root;
	if (!recs) {
		cJSON_Delete(root);
		return h->error(err, FC_ERR_PARSE,
				"%s: nothing at JSON Pointer \"%s\" (option "
				"\"records\")",
				res->url, st->records);
	}
	if (st->keyed_by_date ? !cJSON_IsObject(recs) : !cJSON_IsArray(recs)) {
		cJSON_Delete(root);
		return h->error(err, FC_ERR_PARSE,
				"%s: expected %s of records%s%s, found %s", res->url,
				st->keyed_by_date ? "an object keyed by date"
						  : "an array",
				st->records ? " at " : "",
				st->records ? st->records : "",
				cJSON_IsObject(recs)  ? "an object"
				: cJSON_IsArray(recs) ? "an array"
						      : "a single value");
	}
	for (const cJSON *rec = recs->child; rec && rc == FC_OK;
	     rec = rec->next, index++)
		rc = read_record(st, rec, st->keyed_by_date ? rec->string : NULL,
				 index, NULL, sink, &bad_dates, &first_bad);
	cJSON_Delete(root);
	if (rc)
		return h->error(err, rc, "out of memory");
	if (bad_dates)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu records skipped: no readable date in field "
		       "\"%s\" (first: record %ld)",
		       res->url, bad_dates, st->keyed_by_date ? "(key)" : st->date_field,
		       first_bad);
	for (size_t i = 0; i < st->n_maps; i++) {
		const metric_map *m = &st->maps[i];
		if (m->missing)
			h->log(st->ctx, FC_LOG_WARNING,
			       "%s: %zu records lack the field \"%s\" (first: "
			       "record %ld); no %s record for those dates (list "
			       "it in \"optional\" if that is expected)",
			       res->url, m->missing, m->field, m->first_missing,
			       m->metric);
		if (m->wrong_type)
			h->log(st->ctx, FC_LOG_WARNING,
			       "%s: %zu records have a field \"%s\" that is not "
			       "a number; skipped",
			       res->url, m->wrong_type, m->field);
	}
	return FC_OK;
}

static const char *const *json_metrics(void *p)
{
	return ((state *)p)->metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "json", .version = "1.0.0",
		.description = "dated records from a JSON document, mapped by "
			       "configuration",
		.options = options, .init = json_init, .fini = state_free,
		.source = {.parse = json_parse, .metrics = json_metrics});
