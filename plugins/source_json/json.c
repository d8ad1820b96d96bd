/*
 * json.c: the json source. Dated records from a JSON document, mapped by
 * configuration alone: where the records are, which field is the date,
 * which fields are which metrics (the mapping it shares with the csv
 * source is in ../source_common/mapping.h).
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

#include "../source_common/mapping.h"

typedef struct state {
	sm_mapping m;  /* the options shared with the csv source; tallies
	                  count record indexes */
	char *records; /* JSON Pointer to the records, or NULL */
	bool keyed_by_date;
} state;

static const sm_words words = {"json", "field", "record"};

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

/* Frees the instance `p` and all it owns; NULL is allowed. */
static void state_free(void *p)
{
	state *st = p;

	if (!st)
		return;
	sm_free(&st->m);
	free(st->records);
	free(st);
}

/* Makes an instance from the options; on success *out owns it (freed by
 * state_free), else `err` says why. */
static fc_status json_init(const fc_host *h, fc_plugin_ctx *ctx,
                           const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	char path[256];
	fc_status rc;

	*out = NULL;
	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->keyed_by_date = h->value_bool(h->opt(opts, "keyed_by_date"));
	if ((rc = sm_read_options(&st->m, h, ctx, &words, opts, err)) != FC_OK)
		goto fail;
	if (!sm_opt_str(h, opts, "records", &st->records)) {
		rc = h->error(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (st->records && st->records[0] && st->records[0] != '/') {
		rc = h->error(
		    err, FC_ERR_CONFIG,
		    "%s: \"%s\" is not a JSON Pointer (it starts with '/')",
		    h->value_path(ctx, h->opt(opts, "records"), path,
		                  sizeof(path)),
		    st->records);
		goto fail;
	}
	if ((rc = sm_configure(&st->m, opts, err)) != FC_OK)
		goto fail;
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

/* True when record `rec` passes every filter. */
static bool passes_filters(const sm_mapping *m, const cJSON *rec)
{
	for (size_t i = 0; i < m->n_filters; i++) {
		char buf[64];
		const char *v = field_text(field(rec, m->filters[i].name), buf,
		                           sizeof(buf));
		if (!sm_filter_accepts(&m->filters[i], v))
			return false;
	}
	return true;
}

/* Adds the record for `metric` from figure field `v`, or counts in `t`
 * why there is none: `v` missing (unless `optional`) or not a finite
 * number. Returns what sm_add does, or FC_OK. */
static fc_status take(sm_mapping *m, fc_record *r, const char *metric,
                      const cJSON *v, bool optional, sm_tally *t, double prec,
                      long index, fc_record_sink *sink)
{
	if (!v || cJSON_IsNull(v)) {
		if (!optional)
			sm_count(&t->missing, &t->first_missing, index);
		return FC_OK;
	}
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
		sm_count(&t->wrong_type, &t->first_wrong, index);
		return FC_OK;
	}
	return sm_add(m, r, metric, v->valuedouble, prec, index, sink);
}

/* Reads one record. Returns FC_OK or FC_ERR_NOMEM; skips (and counts)
 * what it cannot read. */
static fc_status read_record(state *st, const cJSON *rec, const char *date_s,
                             long index, fc_record_sink *sink,
                             size_t *bad_dates, long *first_bad_date)
{
	sm_mapping *m = &st->m;
	const fc_host *h = m->host;
	fc_record r;
	const cJSON *q, *p, *note, *by, *u;
	double prec;
	fc_date date;

	if (!cJSON_IsObject(rec) || !passes_filters(m, rec))
		return FC_OK;
	if (!date_s) {
		const cJSON *d = field(rec, m->date_field);
		date_s = cJSON_IsString(d) ? d->valuestring : NULL;
	}
	date = date_s ? h->date_parse(date_s, strlen(date_s), m->date_format)
	              : FC_DATE_NONE;
	if (date == FC_DATE_NONE) {
		sm_count(bad_dates, first_bad_date, index);
		return FC_OK;
	}
	memset(&r, 0, sizeof(r));
	r.date = date;
	q = field(rec, m->qualifier_field);
	if (cJSON_IsString(q))
		r.qualifier = sm_qualifier(q->valuestring);
	p = field(rec, m->precision_field);
	prec = cJSON_IsNumber(p) && p->valuedouble >= 0 ? p->valuedouble : -1;
	note = field(rec, m->note_field);
	by = field(rec, m->reported_by_field);
	u = field(rec, m->url_field);
	r.note = cJSON_IsString(note) ? note->valuestring : NULL;
	r.reported_by = cJSON_IsString(by) ? by->valuestring : NULL;
	if (cJSON_IsString(u))
		r.url = u->valuestring;

	if (m->metric_field) {
		/* Long layout: one metric, named in the record. */
		const cJSON *name = field(rec, m->metric_field);
		const char *metric;
		char *made;
		fc_status rc;

		if (!cJSON_IsString(name) || !name->valuestring[0]) {
			if (!name || cJSON_IsNull(name))
				sm_count(&m->name_t.missing,
				         &m->name_t.first_missing, index);
			else
				sm_count(&m->name_t.wrong_type,
				         &m->name_t.first_wrong, index);
			return FC_OK;
		}
		if (sm_long_metric(m, name->valuestring, &metric, &made) !=
		    FC_OK)
			return FC_ERR_NOMEM;
		if (!metric)
			return FC_OK; /* a metric not asked for */
		rc = take(m, &r, metric, field(rec, m->value_field),
		          m->value_optional, &m->value_t, prec, index, sink);
		free(made);
		return rc;
	}

	/* Wide layout: one field per metric. */
	for (size_t i = 0; i < m->n_maps; i++) {
		sm_map *mm = &m->maps[i];

		if (take(m, &r, mm->metric, field(rec, mm->name), mm->optional,
		         &mm->t, prec, index, sink) == FC_ERR_NOMEM)
			return FC_ERR_NOMEM;
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

/* Logs the counts of one field's problems; `loss` says what the
 * missing ones cost ("no gaza.killed for those dates"). */
static void report_tally(const sm_mapping *m, const char *url,
                         const char *fieldname, const char *loss,
                         const sm_tally *t)
{
	if (t->missing)
		m->host->log(m->ctx, FC_LOG_WARNING,
		             "%s: %zu records lack the field \"%s\" (first: "
		             "record %ld): %s (list the field in \"optional\" "
		             "if that is expected)",
		             url, t->missing, fieldname, t->first_missing,
		             loss);
	if (t->wrong_type)
		m->host->log(
		    m->ctx, FC_LOG_WARNING,
		    "%s: %zu records have a field \"%s\" that is not %s "
		    "(first: record %ld); skipped",
		    url, t->wrong_type, fieldname,
		    t == &m->name_t ? "a string" : "a number", t->first_wrong);
}

/* Reads the records of resource `res` into `sink`; logs what it skipped.
 * Fills `err` when the document is not JSON or has no records where the
 * options say. */
static fc_status json_parse(void *p, const fc_resource *res,
                            fc_record_sink *sink, fc_error *err)
{
	state *st = p;
	sm_mapping *m = &st->m;
	const fc_host *h = m->host;
	const char *end = NULL;
	cJSON *root;
	const cJSON *recs;
	size_t bad_dates = 0;
	long first_bad = -1, index = 0;
	fc_status rc = FC_OK;

	sm_reset(m);
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
		sm_printable(res->body + skip,
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
		h->log(m->ctx, FC_LOG_WARNING,
		       "%s: %zu records skipped: no readable date in %s \"%s\" "
		       "(first: record %ld)",
		       res->url, bad_dates, st->keyed_by_date ? "key" : "field",
		       st->keyed_by_date ? "(the key)" : m->date_field,
		       first_bad);
	for (size_t i = 0; !m->metric_field && i < m->n_maps; i++) {
		char loss[300];
		snprintf(loss, sizeof(loss), "no %s for those dates",
		         m->maps[i].metric);
		report_tally(m, res->url, m->maps[i].name, loss, &m->maps[i].t);
	}
	if (m->metric_field) {
		report_tally(m, res->url, m->metric_field, "they were skipped",
		             &m->name_t);
		report_tally(m, res->url, m->value_field, "they were skipped",
		             &m->value_t);
	}
	sm_report_bad_keys(m, res->url, "records", "record");
	return FC_OK;
}

/* The metric keys the instance gives, owned by it. */
static const char *const *json_metrics(void *p)
{
	return (const char *const *)((state *)p)->m.metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "json", .version = "1.1.0",
                .description = "dated records from a JSON document, mapped by "
                               "configuration",
                .options = options, .init = json_init, .fini = state_free,
                .source = {.parse = json_parse, .metrics = json_metrics});
