/*
 * json.c: the json source. Dated records from a JSON document, mapped by
 * configuration alone: where the records are, which field is the date,
 * which fields are which metrics (the mapping it shares with the csv
 * source is in ../source_common/mapping.h).
 *
 * The records are an array of objects (at the top level, or where
 * "records" points: a JSON Pointer "/1" or a dotted path "1",
 * "data.items"), or an object whose keys are the dates
 * ("keyed_by_date"). A field name that starts with '/' is a JSON Pointer
 * into the record ("/counts/killed").
 *
 * Two layouts. Wide: each record carries several metrics, one field
 * each ("metrics": {"killed_cum": "gaza.killed"}). Long: each record
 * carries one figure, in "value_field"; its key is "metric_template"
 * made from the record's fields ("{countryiso3code|lower}.population"),
 * with {metric} standing for the name in "metric_field" when there is
 * one, or what "metrics" maps that name to. The World Bank's indicators
 * API (a metadata object, then an array of records) is read by
 * "records": "1", "value_field": "value" and such a template.
 *
 * A record whose date is missing or unreadable is skipped; a mapped field
 * that is absent gives no record for that metric on that date (a warning,
 * unless the field is listed in "optional"); a field of the wrong type is
 * skipped with a warning. The warnings are counted per cause and logged
 * once per resource, naming it and the first record concerned by its
 * number (from 1) and JSON Pointer. A resource that gives no record at
 * all is an error saying why.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#include "../source_common/mapping.h"

typedef struct state {
	sm_mapping m;  /* the options shared with the csv source */
	char *records; /* JSON Pointer to the records, or NULL: the top */
	bool keyed_by_date;

	/* Per resource, for messages. */
	const cJSON *recs;
	size_t not_objects; /* records that are not objects */
	long first_not_object;
} state;

static const sm_words words = {"json", "field", "record"};

static const fc_option options[] = {
    SM_OPTIONS("field", "record", " (a name or a JSON Pointer)"),
    {"records", FC_OPT_STRING, false, NULL,
     "where the records are: a JSON Pointer (\"/1\", \"/data/items\") or "
     "a dotted path (\"1\", \"data.items\"); default the top level"},
    {"keyed_by_date", FC_OPT_BOOL, false, "false",
     "the records are an object whose keys are the dates"},
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

/* The JSON Pointer of "records": itself when it starts with '/', else
 * a dotted path made one ("data.items" -> "/data/items", "1" -> "/1").
 * The caller frees it; NULL when memory runs out. */
static char *records_pointer(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *p;

	if (s[0] == '/' || !s[0])
		return sm_dup(s);
	if (!(p = malloc(2 * n + 2)))
		return NULL;
	p[o++] = '/';
	for (; *s; s++) {
		if (*s == '.')
			p[o++] = '/';
		else if (*s == '~') {
			p[o++] = '~';
			p[o++] = '0';
		} else if (*s == '/') {
			p[o++] = '~';
			p[o++] = '1';
		} else
			p[o++] = *s;
	}
	p[o] = 0;
	return p;
}

/* Makes an instance from the options; on success *out owns it (freed by
 * state_free), else `err` says why. */
static fc_status json_init(const fc_host *h, fc_plugin_ctx *ctx,
                           const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const char *rec;
	char path[256];
	fc_status rc;

	*out = NULL;
	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->keyed_by_date = h->value_bool(h->opt(opts, "keyed_by_date"));
	if ((rec = h->value_string(h->opt(opts, "records")))) {
		if (rec[0] && rec[0] != '/' &&
		    (strstr(rec, "..") || rec[0] == '.' ||
		     rec[strlen(rec) - 1] == '.')) {
			rc = h->error(
			    err, FC_ERR_CONFIG,
			    "%s: \"%s\" is neither a JSON Pointer (\"/1\", "
			    "\"/data/items\") nor a dotted path (\"1\", "
			    "\"data.items\")",
			    h->value_path(ctx, h->opt(opts, "records"), path,
			                  sizeof(path)),
			    rec);
			goto fail;
		}
		if (!(st->records = records_pointer(rec))) {
			rc = h->error(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
	}
	if ((rc = sm_configure(&st->m, h, ctx, &words, opts, "date", err)) !=
	    FC_OK)
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

/* sm_ops: a field's text; numbers as %.15g writes them. */
static const char *rec_text(void *src, const void *item, const sm_field *f,
                            char *buf, size_t size)
{
	const cJSON *v = field(item, f->name);

	(void)src;
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

/* sm_ops: a field's figure: a finite number; none when absent, null or
 * an empty string. */
static int rec_figure(void *src, const void *item, const sm_field *f,
                      double *out)
{
	const cJSON *v = field(item, f->name);

	(void)src;
	if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && !v->valuestring[0]))
		return 0;
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
		return -1;
	*out = v->valuedouble;
	return 1;
}

/* sm_ops: where record number `n` (from 1) is: "record 3 (/1/2)", its
 * JSON Pointer in the document. */
static void rec_where(void *src, long n, char *buf, size_t size)
{
	const state *st = src;
	const char *base = st->records ? st->records : "";

	if (st->keyed_by_date && st->recs) {
		const cJSON *c = st->recs->child;
		char key[64];
		for (long i = 1; c && i < n; i++)
			c = c->next;
		if (c && c->string) {
			sm_printable(c->string, strlen(c->string), key,
			             sizeof(key));
			snprintf(buf, size, "record %ld (%s/%s)", n, base, key);
			return;
		}
	}
	snprintf(buf, size, "record %ld (%s/%ld)", n, base, n - 1);
}

static const sm_ops ops = {rec_text, rec_figure, rec_where};

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

/* Reads the records of resource `res` into `sink`; logs what it skipped.
 * Fills `err` when the document is not JSON, has no records where the
 * options say, or gives none. */
static fc_status json_parse(void *p, const fc_resource *res,
                            fc_record_sink *sink, fc_error *err)
{
	state *st = p;
	sm_mapping *m = &st->m;
	const fc_host *h = m->host;
	const char *end = NULL;
	cJSON *root;
	const cJSON *recs;
	long index = 1;
	fc_status rc = FC_OK;

	sm_reset(m);
	st->recs = NULL;
	st->not_objects = 0;
	st->first_not_object = -1;
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
	st->recs = recs;
	for (const cJSON *rec = recs->child; rec && rc == FC_OK;
	     rec = rec->next, index++) {
		if (!cJSON_IsObject(rec)) {
			sm_count(&st->not_objects, &st->first_not_object,
			         index);
			continue;
		}
		rc = sm_item(m, &ops, st, rec,
		             st->keyed_by_date ? rec->string : NULL, index,
		             sink);
	}
	if (rc == FC_OK) {
		char w[120];
		if (st->not_objects)
			rec_where(st, st->first_not_object, w, sizeof(w));
		if (st->not_objects && m->items == 0)
			rc = h->error(
			    err, FC_ERR_PARSE,
			    "%s: no records: none of the %zu items%s%s "
			    "is an object (first: %s); check "
			    "\"records\"",
			    res->url, st->not_objects,
			    st->records ? " at " : "",
			    st->records ? st->records : "", w);
		if (rc == FC_OK && st->not_objects)
			h->log(m->ctx, FC_LOG_WARNING,
			       "%s: %zu record%s not an object (first: %s); "
			       "skipped",
			       res->url, st->not_objects,
			       st->not_objects == 1 ? " is" : "s are", w);
		if (rc == FC_OK) {
			sm_report(m, &ops, st, res->url);
			rc = sm_check_some(m, &ops, st, res->url, err);
		}
	} else {
		h->error(err, rc, "%s: %s", res->url,
		         rc == FC_ERR_NOMEM ? "out of memory"
		                            : "too many records or strings");
	}
	st->recs = NULL;
	cJSON_Delete(root);
	return rc;
}

/* The metric keys the instance gives, owned by it. */
static const char *const *json_metrics(void *p)
{
	return (const char *const *)((state *)p)->m.metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "json", .version = "1.2.0",
                .description = "dated records from a JSON document, mapped by "
                               "configuration",
                .options = options, .init = json_init, .fini = state_free,
                .source = {.parse = json_parse, .metrics = json_metrics});
