/*
 * json.c: the json source. Dated records from a JSON document, mapped by
 * configuration alone: where the records are, which field is the date,
 * which fields are which metrics.
 *
 * The records are an array of objects (at the top level, or at the JSON
 * Pointer given by "records"), or an object whose keys are the dates
 * ("keyed_by_date"). A field name that starts with '/' is a JSON Pointer
 * into the record ("/counts/killed").
 *
 * Two layouts. Wide: each record carries several metrics, one field
 * each ("metrics": {"killed_cum": "gaza.killed"}). Long: each record
 * carries one metric, named in "metric_field", with its figure in
 * "value_field"; the key is "metric_template" with {metric} replaced by
 * the name ("gaza.{metric}"), or what "metrics" maps the name to.
 *
 * A record whose date is missing or unreadable is skipped; a mapped field
 * that is absent gives no record for that metric on that date (a warning,
 * unless the field is listed in "optional"); a field of the wrong type is
 * skipped with a warning. The warnings are counted per field and logged
 * once per resource, naming it.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

/* What went wrong with one mapped field, counted over a resource. */
typedef struct tally {
	size_t missing, wrong_type;
	long first_missing, first_wrong; /* record indexes, or -1 */
} tally;

typedef struct metric_map {
	char *field;  /* wide: the record's field; long: the metric's name */
	char *metric; /* the metric key */
	bool optional;
	tally t;
} metric_map;

typedef struct filter {
	char *field;
	char **values;
	size_t n_values;
} filter;

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	char *records; /* JSON Pointer to the records, or NULL */
	bool keyed_by_date;
	char *date_field;
	char *date_format; /* NULL: ISO 8601 */
	char *qualifier_field, *precision_field, *note_field,
	    *reported_by_field;
	char *url_field;
	char *metric_field; /* long layout: the field naming the metric */
	char *value_field;  /* long layout: the field holding the figure */
	char *template;     /* "{metric}" */
	bool value_optional;
	metric_map *maps; /* wide: fields; long: accepted names, or none */
	size_t n_maps;
	filter *filters;
	size_t n_filters;
	char **metric_list; /* NULL-terminated, for the core; or NULL */

	/* Per resource. */
	tally name_t, value_t; /* long layout */
	size_t bad_keys;       /* names that make no valid metric key */
	long first_bad_key;
	char bad_key[96];
} state;

static const fc_option options[] = {
    {"date_field", FC_OPT_STRING, false, "\"date\"",
     "the field that holds each record's date (a name or a JSON Pointer)"},
    {"date_format", FC_OPT_STRING, false, NULL,
     "how the date is written: %Y %m %d %b, e.g. \"%d/%m/%Y\"; default "
     "ISO 8601"},
    {"metrics", FC_OPT_ANY, false, NULL,
     "wide layout: field -> metric key ({\"killed_cum\": \"gaza.killed\"}); "
     "long layout: the metric names accepted (a list, keyed through "
     "metric_template), or name -> metric key"},
    {"metric_field", FC_OPT_STRING, false, NULL,
     "long layout: the field that names each record's metric"},
    {"value_field", FC_OPT_STRING, false, NULL,
     "long layout: the field that holds each record's figure"},
    {"metric_template", FC_OPT_STRING, false, "\"{metric}\"",
     "the metric key made from a name: {metric} stands for it, e.g. "
     "\"gaza.{metric}\""},
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
	free(st->metric_field);
	free(st->value_field);
	free(st->template);
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
	if (st->metric_list) {
		/* Only the long layout's wildcard is owned by the list. */
		if (st->metric_field && st->n_maps == 0)
			free(st->metric_list[0]);
		free(st->metric_list);
	}
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

/* The key for metric name `name`: the template with each {metric}
 * replaced. The caller frees it; NULL on allocation failure. */
static char *expand(const char *template, const char *name)
{
	size_t n = strlen(template), nl = strlen(name), len = 0;
	const char *p;
	char *out, *o;

	for (p = template; (p = strstr(p, "{metric}")); p += 8)
		len += nl;
	len += n;
	if (!(out = malloc(len + 1)))
		return NULL;
	o = out;
	for (p = template; *p;) {
		if (strncmp(p, "{metric}", 8) == 0) {
			memcpy(o, name, nl);
			o += nl;
			p += 8;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

/* Fills st->maps from the "metrics" option. */
static fc_status read_metrics(state *st, const fc_value *opts, fc_error *err)
{
	const fc_host *h = st->host;
	const fc_value *metrics = h->opt(opts, "metrics");
	const fc_value *optional = h->opt(opts, "optional");
	fc_value_type t = h->value_type(metrics);
	size_t n = h->value_count(metrics);
	bool is_list = t == FC_VALUE_ARRAY;
	char path[256];

	if (t != FC_VALUE_NONE && t != FC_VALUE_OBJECT && t != FC_VALUE_ARRAY)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object (field -> metric key) "
		    "or an array of names",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (t != FC_VALUE_NONE && n == 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: map at least one field to a metric key",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (is_list && !st->metric_field)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object, found an array (field -> "
		    "metric key; a list of names is for the long "
		    "layout, with \"metric_field\" and \"value_field\")",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (n == 0)
		return FC_OK;
	if (!(st->maps = calloc(n, sizeof(*st->maps))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const fc_value *m = h->value_at(metrics, i);
		const char *v = h->value_string(m);
		metric_map *mm = &st->maps[i];

		if (!v || !v[0])
			return h->error(
			    err, FC_ERR_CONFIG, "%s: expected %s",
			    h->value_path(st->ctx, m, path, sizeof(path)),
			    is_list ? "a field or metric name"
			            : "a metric key such as "
			              "\"gaza.killed\"");
		mm->field = dup(is_list ? v : h->value_key(m));
		mm->metric = is_list ? expand(st->template, v) : dup(v);
		st->n_maps = i + 1;
		if (!mm->field || !mm->metric)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < h->value_count(optional); k++) {
			const char *f =
			    h->value_string(h->value_at(optional, k));
			if (f && strcmp(f, mm->field) == 0)
				mm->optional = true;
		}
	}
	return FC_OK;
}

/* Fills st->filters from the "filter" option. */
static fc_status read_filters(state *st, const fc_value *filters, fc_error *err)
{
	const fc_host *h = st->host;
	size_t nf = h->value_count(filters);
	char path[256];

	if (!filters)
		return FC_OK;
	if (!(st->filters = calloc(nf + 1, sizeof(*st->filters))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < nf; i++) {
		const fc_value *f = h->value_at(filters, i);
		filter *fl = &st->filters[i];
		bool arr = h->value_type(f) == FC_VALUE_ARRAY;
		size_t nv = arr ? h->value_count(f) : 1;

		fl->field = dup(h->value_key(f));
		fl->values = calloc(nv + 1, sizeof(char *));
		st->n_filters = i + 1;
		if (!fl->field || !fl->values)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < nv; k++) {
			const fc_value *v = arr ? h->value_at(f, k) : f;
			const char *s = h->value_string(v);
			if (!s)
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: expected a string or an array "
				    "of strings",
				    h->value_path(st->ctx, v, path,
				                  sizeof(path)));
			if (!(fl->values[k] = dup(s)))
				return h->error(err, FC_ERR_NOMEM,
				                "out of memory");
			fl->n_values = k + 1;
		}
	}
	return FC_OK;
}

static fc_status json_init(const fc_host *h, fc_plugin_ctx *ctx,
                           const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *optional = h->opt(opts, "optional");
	char path[256];
	fc_status rc;

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
	    !opt_str(h, opts, "url_field", &st->url_field) ||
	    !opt_str(h, opts, "metric_field", &st->metric_field) ||
	    !opt_str(h, opts, "value_field", &st->value_field) ||
	    !opt_str(h, opts, "metric_template", &st->template)) {
		rc = h->error(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (!st->template && !(st->template = dup("{metric}"))) {
		rc = h->error(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	rc = FC_ERR_CONFIG;
	if (st->records && st->records[0] && st->records[0] != '/') {
		h->error(
		    err, rc,
		    "%s: \"%s\" is not a JSON Pointer (it starts with '/')",
		    h->value_path(ctx, h->opt(opts, "records"), path,
		                  sizeof(path)),
		    st->records);
		goto fail;
	}
	if (!strstr(st->template, "{metric}")) {
		h->error(
		    err, rc,
		    "%s: \"%s\" does not say where the metric's name goes; "
		    "write {metric} in it, e.g. \"gaza.{metric}\"",
		    h->value_path(ctx, h->opt(opts, "metric_template"), path,
		                  sizeof(path)),
		    st->template);
		goto fail;
	}
	if (!st->metric_field != !st->value_field) {
		h->error(err, rc,
		         "%s: the long layout needs both \"metric_field\" and "
		         "\"value_field\" (one record per metric and date)",
		         h->value_path(ctx, opts, path, sizeof(path)));
		goto fail;
	}
	if ((rc = read_metrics(st, opts, err)) != FC_OK)
		goto fail;
	if (!st->metric_field && st->n_maps == 0) {
		rc = h->error(err, FC_ERR_CONFIG,
		              "%s.metrics: missing; the json plugin needs it "
		              "(field -> metric key), or \"metric_field\" and "
		              "\"value_field\" for records of one metric each",
		              h->value_path(ctx, opts, path, sizeof(path)));
		goto fail;
	}
	if ((rc = read_filters(st, h->opt(opts, "filter"), err)) != FC_OK)
		goto fail;
	for (size_t k = 0; st->value_field && k < h->value_count(optional);
	     k++) {
		const char *f = h->value_string(h->value_at(optional, k));
		if (f && strcmp(f, st->value_field) == 0)
			st->value_optional = true;
	}

	/* The metric keys this instance can give, for the core. */
	if (st->n_maps) {
		if (!(st->metric_list =
		          calloc(st->n_maps + 1, sizeof(char *)))) {
			rc = h->error(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		for (size_t i = 0; i < st->n_maps; i++)
			st->metric_list[i] = st->maps[i].metric;
	} else {
		/* Any name: "gaza.{metric}" gives "gaza.*". A template
		 * with text after {metric} cannot be told as a prefix. */
		const char *at = strstr(st->template, "{metric}");
		if (strcmp(at, "{metric}") == 0 && at > st->template) {
			if (!(st->metric_list = calloc(2, sizeof(char *))) ||
			    !(st->metric_list[0] =
			          malloc((size_t)(at - st->template) + 2))) {
				rc = h->error(err, FC_ERR_NOMEM,
				              "out of memory");
				goto fail;
			}
			memcpy(st->metric_list[0], st->template,
			       (size_t)(at - st->template));
			st->metric_list[0][at - st->template] = '*';
			st->metric_list[0][at - st->template + 1] = 0;
		}
	}
	*out = st;
	return FC_OK;
fail:
	state_free(st);
	return rc;
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

/* A string or number field as text, for filters; NULL otherwise. */
static const char *field_text(const cJSON *v, char *buf, size_t size)
{
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v)) {
		snprintf(buf, size, "%.15g", v->valuedouble);
		return buf;
	}
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	return NULL;
}

static bool passes_filters(const state *st, const cJSON *rec)
{
	for (size_t i = 0; i < st->n_filters; i++) {
		char buf[64];
		const char *v = field_text(field(rec, st->filters[i].field),
		                           buf, sizeof(buf));
		bool ok = false;
		if (!v)
			return false;
		for (size_t k = 0; k < st->filters[i].n_values; k++)
			if (strcmp(v, st->filters[i].values[k]) == 0)
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

static void count(size_t *n, long *first, long index)
{
	if ((*n)++ == 0)
		*first = index;
}

/* Copies up to `size - 1` bytes of `s` for a message, printable ASCII
 * only. */
static const char *printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[o++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	buf[o] = 0;
	return buf;
}

/* Adds one record for `metric`; counts keys the core refuses. */
static fc_status add(state *st, fc_record *r, const char *metric, double value,
                     const cJSON *prec, long index, fc_record_sink *sink)
{
	fc_status rc;

	r->metric = metric;
	r->value = value;
	r->precision = cJSON_IsNumber(prec) && prec->valuedouble >= 0
	                   ? prec->valuedouble
	               : r->qualifier != FC_QUAL_NONE ? rounding_unit(value)
	                                              : 0;
	rc = st->host->record_add(sink, r);
	if (rc == FC_ERR_ARG) {
		if (st->bad_keys++ == 0) {
			st->first_bad_key = index;
			printable(metric, strlen(metric), st->bad_key,
			          sizeof(st->bad_key));
		}
		rc = FC_OK;
	}
	return rc;
}

/* Reads one record. Returns FC_OK or FC_ERR_NOMEM; skips (and counts)
 * what it cannot read. */
static fc_status read_record(state *st, const cJSON *rec, const char *date_s,
                             long index, fc_record_sink *sink,
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
		count(bad_dates, first_bad_date, index);
		return FC_OK;
	}
	memset(&r, 0, sizeof(r));
	r.date = date;
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

	if (st->metric_field) {
		/* Long layout: one metric, named in the record. */
		const cJSON *name = field(rec, st->metric_field);
		const cJSON *v = field(rec, st->value_field);
		const char *metric = NULL;
		char *made = NULL;
		fc_status rc;

		if (!cJSON_IsString(name) || !name->valuestring[0]) {
			if (!name || cJSON_IsNull(name))
				count(&st->name_t.missing,
				      &st->name_t.first_missing, index);
			else
				count(&st->name_t.wrong_type,
				      &st->name_t.first_wrong, index);
			return FC_OK;
		}
		if (st->n_maps) {
			for (size_t i = 0; i < st->n_maps && !metric; i++)
				if (strcmp(st->maps[i].field,
				           name->valuestring) == 0)
					metric = st->maps[i].metric;
			if (!metric)
				return FC_OK; /* a metric not asked for */
		} else {
			if (!(made = expand(st->template, name->valuestring)))
				return FC_ERR_NOMEM;
			metric = made;
		}
		if (!v || cJSON_IsNull(v)) {
			if (!st->value_optional)
				count(&st->value_t.missing,
				      &st->value_t.first_missing, index);
			rc = FC_OK;
		} else if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
			count(&st->value_t.wrong_type, &st->value_t.first_wrong,
			      index);
			rc = FC_OK;
		} else {
			rc =
			    add(st, &r, metric, v->valuedouble, p, index, sink);
		}
		free(made);
		return rc;
	}

	/* Wide layout: one field per metric. */
	for (size_t i = 0; i < st->n_maps; i++) {
		metric_map *m = &st->maps[i];
		const cJSON *v = field(rec, m->field);
		fc_status rc;

		if (!v || cJSON_IsNull(v)) {
			if (!m->optional)
				count(&m->t.missing, &m->t.first_missing,
				      index);
			continue;
		}
		if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
			count(&m->t.wrong_type, &m->t.first_wrong, index);
			continue;
		}
		rc = add(st, &r, m->metric, v->valuedouble, p, index, sink);
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

static void reset_tally(tally *t)
{
	memset(t, 0, sizeof(*t));
	t->first_missing = t->first_wrong = -1;
}

/* Logs the counts of one field's problems; `loss` says what the
 * missing ones cost ("no gaza.killed for those dates"). */
static void report_tally(state *st, const char *url, const char *fieldname,
                         const char *loss, const tally *t)
{
	if (t->missing)
		st->host->log(st->ctx, FC_LOG_WARNING,
		              "%s: %zu records lack the field \"%s\" (first: "
		              "record %ld): %s (list the field in \"optional\" "
		              "if that is expected)",
		              url, t->missing, fieldname, t->first_missing,
		              loss);
	if (t->wrong_type)
		st->host->log(
		    st->ctx, FC_LOG_WARNING,
		    "%s: %zu records have a field \"%s\" that is not %s "
		    "(first: record %ld); skipped",
		    url, t->wrong_type, fieldname,
		    t == &st->name_t ? "a string" : "a number", t->first_wrong);
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

	for (size_t i = 0; i < st->n_maps; i++)
		reset_tally(&st->maps[i].t);
	reset_tally(&st->name_t);
	reset_tally(&st->value_t);
	st->bad_keys = 0;
	st->first_bad_key = -1;
	root = cJSON_ParseWithLengthOpts(res->body, res->len, &end, false);
	if (!root) {
		unsigned line, col;
		char start[32];
		size_t off = end ? (size_t)(end - res->body) : 0;
		size_t skip = 0;
		while (skip < res->len &&
		       (res->body[skip] == ' ' || res->body[skip] == '\n' ||
		        res->body[skip] == '\r' || res->body[skip] == '\t'))
			skip++;
		position(res->body, res->len, off, &line, &col);
		printable(res->body + skip,
		          res->len - skip < 24 ? res->len - skip : 24, start,
		          sizeof(start));
		return h->error(
		    err, FC_ERR_PARSE,
		    "%s:%u:%u: not valid JSON (the body starts with "
		    "\"%s\"%s)",
		    res->url, line, col, start,
		    skip < res->len && res->body[skip] == '<'
		        ? ": an HTML page, not data"
		        : "");
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
		return h->error(
		    err, FC_ERR_PARSE,
		    "%s: expected %s of records%s%s, found %s", res->url,
		    st->keyed_by_date ? "an object keyed by date" : "an array",
		    st->records ? " at " : "", st->records ? st->records : "",
		    cJSON_IsObject(recs)  ? "an object"
		    : cJSON_IsArray(recs) ? "an array"
		                          : "a single value");
	}
	for (const cJSON *rec = recs->child; rec && rc == FC_OK;
	     rec = rec->next, index++)
		rc =
		    read_record(st, rec, st->keyed_by_date ? rec->string : NULL,
		                index, sink, &bad_dates, &first_bad);
	cJSON_Delete(root);
	if (rc)
		return h->error(err, rc, "out of memory");
	if (bad_dates)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu records skipped: no readable date in %s \"%s\" "
		       "(first: record %ld)",
		       res->url, bad_dates, st->keyed_by_date ? "key" : "field",
		       st->keyed_by_date ? "(the key)" : st->date_field,
		       first_bad);
	for (size_t i = 0; !st->metric_field && i < st->n_maps; i++) {
		char loss[300];
		snprintf(loss, sizeof(loss), "no %s for those dates",
		         st->maps[i].metric);
		report_tally(st, res->url, st->maps[i].field, loss,
		             &st->maps[i].t);
	}
	if (st->metric_field) {
		report_tally(st, res->url, st->metric_field,
		             "they were skipped", &st->name_t);
		report_tally(st, res->url, st->value_field, "they were skipped",
		             &st->value_t);
	}
	if (st->bad_keys)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu records skipped: \"%s\" (first: record %ld) is "
		       "not a usable metric key (letters, digits and . _ - : / "
		       "only); check \"metric_template\" or map the names in "
		       "\"metrics\"",
		       res->url, st->bad_keys, st->bad_key, st->first_bad_key);
	return FC_OK;
}

static const char *const *json_metrics(void *p)
{
	return (const char *const *)((state *)p)->metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "json", .version = "1.1.0",
                .description = "dated records from a JSON document, mapped by "
                               "configuration",
                .options = options, .init = json_init, .fini = state_free,
                .source = {.parse = json_parse, .metrics = json_metrics});
