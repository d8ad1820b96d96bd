/*
 * json.c: the json reporter. One JSON object per run with every field of
 * every finding; the README documents the shape. Unbounded interval ends
 * and values that do not exist are null.
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/json_util.h"

typedef struct state {
	const fc_host *host;
	bool pretty;
} state;

static const fc_option options[] = {
    {"pretty", FC_OPT_BOOL, false, "true", "indent the output"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (one block,
 * freed with free), else `err` says why. */
static fc_status json_init(const fc_host *h, fc_plugin_ctx *ctx,
			   const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->pretty = h->value_bool(h->opt(opts, "pretty"));
	*out = st;
	return FC_OK;
}

/* Adds a string, or null for NULL, as valid UTF-8 (cJSON copies bytes as
 * they are: an invalid sequence, as in a file name, would make the whole
 * report invalid JSON, so it is replaced by U+FFFD; control characters
 * cJSON escapes). Returns false when memory ran out. */
static bool add_str(cJSON *o, const char *k, const char *s)
{
	char *c;
	bool ok;

	if (!s)
		return cJSON_AddNullToObject(o, k) != NULL;
	c = ru_clean(s);
	ok = c && cJSON_AddStringToObject(o, k, c);
	free(c);
	return ok;
}

static cJSON *record_json(const fc_ref *r)
{
	cJSON *o = cJSON_CreateObject();
	char covers[11];
	bool ok = o != NULL;

	if (!ok)
		return NULL;
	ok = add_str(o, "metric", r->rec.metric) &&
	     rj_add_num(o, "value", r->rec.value) &&
	     add_str(o, "qualifier", fc_qualifier_name(r->rec.qualifier)) &&
	     rj_add_num(o, "precision", r->rec.precision) &&
	     rj_add_num(o, "low", r->low) && rj_add_num(o, "high", r->high) &&
	     cJSON_AddBoolToObject(o, "low_open", r->low_open) &&
	     cJSON_AddBoolToObject(o, "high_open", r->high_open) &&
	     rj_add_date(o, "date", r->rec.date) &&
	     add_str(o, "period", fc_period_name(r->rec.period)) &&
	     add_str(o, "covers", fc_period_format(r->rec.date, r->rec.period,
						   covers)) &&
	     add_str(o, "source", r->source) &&
	     add_str(o, "url", r->rec.url) && add_str(o, "note", r->rec.note) &&
	     add_str(o, "reported_by", r->rec.reported_by) &&
	     rj_add_num(o, "retrieved", (double)r->retrieved);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* A claim about change: its kind, direction and reference point, the
 * record at the reference point and the change the records give. NULL
 * when memory ran out. */
static cJSON *change_json(const fc_finding *f)
{
	const fc_claim *c = f->claim;
	cJSON *o = cJSON_CreateObject(), *ref;
	char unit[16];
	bool ok;

	if (!o)
		return NULL;
	snprintf(unit, sizeof(unit), "%s", fc_period_name(c->ref_unit));
	ok = add_str(o, "kind", fc_change_name(c->change)) &&
	     add_str(o, "direction", c->change_dir > 0   ? "up"
				     : c->change_dir < 0 ? "down"
							 : NULL) &&
	     cJSON_AddBoolToObject(o, "per_day", c->per_day);
	ref = cJSON_AddObjectToObject(o, "reference");
	ok = ok && ref && add_str(ref, "text", c->ref_text) &&
	     rj_add_date(ref, "date", c->ref_date) &&
	     (c->ref_date != FC_DATE_NONE || c->ref_span > 0
		  ? add_str(ref, "unit", unit)
		  : cJSON_AddNullToObject(ref, "unit") != NULL) &&
	     (c->ref_span > 0 ? rj_add_num(ref, "span", c->ref_span)
			      : cJSON_AddNullToObject(ref, "span") != NULL) &&
	     cJSON_AddBoolToObject(ref, "start_of_series", c->ref_start) &&
	     rj_add_record(o, "reference_record", f->ref_record, record_json) &&
	     rj_add_num(o, "low", f->change_low) &&
	     rj_add_num(o, "high", f->change_high);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* The series a finding compares with, for a picture: [{date, value,
 * low, high}]. NULL when memory ran out. */
static cJSON *series_json(const fc_finding *f)
{
	cJSON *a = cJSON_CreateArray();

	for (size_t i = 0; a && i < f->n_series; i++) {
		const fc_point *p = &f->series[i];
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(a, o) ||
		    !rj_add_date(o, "date", p->date) ||
		    !rj_add_num(o, "value", p->value) ||
		    !rj_add_num(o, "low", p->low) ||
		    !rj_add_num(o, "high", p->high)) {
			cJSON_Delete(a);
			return NULL;
		}
	}
	return a;
}

static cJSON *finding_json(const fc_finding *f)
{
	cJSON *o = cJSON_CreateObject(), *loc, *claim = NULL, *others, *diff;
	bool ok;

	if (!o)
		return NULL;
	ok = add_str(o, "verdict", fc_verdict_name(f->verdict)) &&
	     add_str(o, "severity", fc_severity_name(f->severity)) &&
	     add_str(o, "rule", f->rule_id) && add_str(o, "metric", f->metric) &&
	     add_str(o, "fingerprint", f->fingerprint) &&
	     add_str(o, "text", f->text) && add_str(o, "sentence", f->sentence) &&
	     rj_add_date(o, "as_of", f->as_of) &&
	     add_str(o, "message", f->message) && add_str(o, "reason", f->reason);
	loc = cJSON_AddObjectToObject(o, "location");
	ok = ok && loc && rj_add_num(loc, "start", (double)f->start) &&
	     rj_add_num(loc, "end", (double)f->end) &&
	     rj_add_num(loc, "line", f->line) &&
	     rj_add_num(loc, "column", f->col) &&
	     rj_add_num(loc, "end_line", f->end_line) &&
	     rj_add_num(loc, "end_column", f->end_col);
	if (f->claim) {
		const fc_claim *c = f->claim;
		claim = cJSON_AddObjectToObject(o, "claim");
		ok = ok && claim &&
		     rj_add_num(claim, "value", c->number.value) &&
		     rj_add_num(claim, "value2", c->number.value2) &&
		     rj_add_num(claim, "low", f->claim_low) &&
		     rj_add_num(claim, "high", f->claim_high) &&
		     cJSON_AddBoolToObject(claim, "low_open", f->claim_low_open) &&
		     cJSON_AddBoolToObject(claim, "high_open",
					   f->claim_high_open) &&
		     add_str(claim, "qualifier",
			     fc_qualifier_name(c->number.qualifier)) &&
		     add_str(claim, "kind", fc_num_kind_name(c->number.kind)) &&
		     rj_add_num(claim, "precision", c->number.precision) &&
		     add_str(claim, "unit", c->number.unit[0] ? c->number.unit
							      : NULL) &&
		     add_str(claim, "attribution", c->attribution) &&
		     rj_add_date(claim, "as_of", c->as_of) &&
		     add_str(claim, "as_of_text", c->as_of_text) &&
		     rj_add_date(claim, "since", c->since) &&
		     add_str(claim, "unbound_reason", c->unbound_reason) &&
		     add_str(claim, "entity", c->entity) &&
		     add_str(claim, "measure", c->measure) &&
		     add_str(claim, "group", c->group) &&
		     add_str(claim, "period", c->period);
	} else {
		ok = ok && cJSON_AddNullToObject(o, "claim");
	}
	ok = ok && rj_add_record(o, "record", f->record, record_json) &&
	     rj_add_record(o, "matched", f->matched, record_json);
	if (ok && f->claim &&
	    (f->claim->change != FC_CHANGE_NONE || f->claim->per_day)) {
		cJSON *ch = change_json(f);
		ok = ch && cJSON_AddItemToObject(o, "change", ch);
	} else {
		ok = ok && cJSON_AddNullToObject(o, "change");
	}
	if (ok && f->n_series) {
		cJSON *se = series_json(f);
		ok = se && cJSON_AddItemToObject(o, "series", se);
	} else {
		ok = ok && cJSON_AddNullToObject(o, "series");
	}
	others = cJSON_AddArrayToObject(o, "others");
	ok = ok && others;
	for (size_t i = 0; ok && i < f->n_others; i++) {
		cJSON *r = record_json(f->others[i]);
		ok = r && cJSON_AddItemToArray(others, r);
	}
	diff = cJSON_AddObjectToObject(o, "difference");
	ok = ok && diff && rj_add_num(diff, "absolute", f->diff_abs) &&
	     rj_add_num(diff, "relative", f->diff_rel) &&
	     rj_add_num(o, "tolerance", f->tolerance) &&
	     cJSON_AddBoolToObject(o, "stale", f->stale) &&
	     (f->stale ? rj_add_num(o, "stale_days", f->stale_days)
		       : cJSON_AddNullToObject(o, "stale_days") != NULL);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* One document's object, its findings the string `marker` (streamed in
 * its place). NULL when memory ran out. */
static cJSON *doc_json(const fc_report_doc *rd, const char *marker)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o && add_str(o, "path", rd->path) &&
		  add_str(o, "error", rd->error) &&
		  (rd->doc ? rj_add_date(o, "as_of", rd->doc->date)
			   : cJSON_AddNullToObject(o, "as_of") != NULL) &&
		  add_str(o, "date_origin",
			  rd->doc ? fc_date_origin_key(rd->doc->date_origin) : NULL) &&
		  rj_add_coverage(o, "coverage", &rd->coverage) &&
		  cJSON_AddStringToObject(o, "findings", marker);

	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* What the streamed arrays need: the run, the plugin, the marker. */
typedef struct streaming {
	const state *st;
	const fc_report *rep;
	const fc_report_doc *rd; /* the document being written */
	const char *marker;
} streaming;

/* Finding i of the document being written. */
static fc_status put_finding(void *ud, size_t i, size_t depth, FILE *out,
			     fc_error *err)
{
	streaming *sm = ud;

	return rj_put_item(sm->st->host, finding_json(&sm->rd->findings[i]),
			   sm->st->pretty, depth, out, err);
}

/* Document i of the run, its findings streamed too: a draft of a
 * million figures, all listed, takes the memory of one finding. */
static fc_status put_doc(void *ud, size_t i, size_t depth, FILE *out,
			 fc_error *err)
{
	streaming *sm = ud;

	sm->rd = fc_report_doc_at(sm->rep, i);
	return rj_stream_at(sm->st->host, doc_json(sm->rd, sm->marker),
			    sm->marker, sm->st->pretty, depth,
			    sm->rd->n_findings, put_finding, sm, out, err);
}

/* The run's object without its documents: "documents" is the string
 * `marker`, in whose place json_report writes them. */
static cJSON *report_json(const fc_report *rep, const char *marker)
{
	cJSON *root = cJSON_CreateObject(), *tool, *sum, *srcs;
	bool ok;

	if (!root)
		return NULL;
	tool = cJSON_AddObjectToObject(root, "tool");
	ok = tool && add_str(tool, "name", rep->tool_name) &&
	     add_str(tool, "version", rep->tool_version) &&
	     add_str(root, "fail_on", ru_fail_on(rep)) &&
	     cJSON_AddBoolToObject(root, "failed", rep->failed);
	sum = cJSON_AddObjectToObject(root, "summary");
	ok = ok && sum && rj_add_num(sum, "documents", (double)rep->n_docs) &&
	     rj_add_num(sum, "findings", (double)ru_total(rep)) &&
	     rj_add_counts(sum, "verdicts", rep) &&
	     rj_add_coverage(sum, "coverage", &rep->coverage) &&
	     cJSON_AddBoolToObject(sum, "unchecked_listed", rep->show_unchecked);
	if (ok && rep->n_warnings) {
		/* Run-level warnings, only when there are some. */
		cJSON *w = cJSON_AddArrayToObject(root, "warnings");
		ok = w != NULL;
		for (size_t i = 0; ok && i < rep->n_warnings; i++) {
			char *c = ru_clean(rep->warnings[i]);
			cJSON *s = c ? cJSON_CreateString(c) : NULL;
			free(c);
			ok = s && cJSON_AddItemToArray(w, s);
		}
	}
	srcs = cJSON_AddArrayToObject(root, "sources");
	ok = ok && srcs;
	for (size_t i = 0; ok && i < rep->n_sources; i++) {
		const fc_source_info *s = &rep->sources[i];
		cJSON *o = cJSON_CreateObject();
		ok = o && cJSON_AddItemToArray(srcs, o) &&
		     add_str(o, "name", s->name) && add_str(o, "plugin", s->plugin) &&
		     add_str(o, "url", s->url) && cJSON_AddBoolToObject(o, "ok", s->ok) &&
		     add_str(o, "error", s->error) &&
		     rj_add_num(o, "records", (double)s->n_records) &&
		     rj_add_num(o, "retrieved", (double)s->retrieved) &&
		     cJSON_AddBoolToObject(o, "from_cache", s->from_cache);
	}
	ok = ok && cJSON_AddStringToObject(root, "documents", marker);
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/*
 * Writes the run's object with its documents streamed into the
 * "documents" array, one at a time, and each document's findings into
 * its "findings", exactly as cJSON would print the whole: so that a run
 * of any size takes the memory of one finding.
 */
static fc_status json_report(void *p, const fc_report *rep, FILE *out,
			     fc_error *err)
{
	const state *st = p;
	char marker[64];
	streaming sm = {st, rep, NULL, marker};
	fc_status rc;

	rj_marker(marker, rep);
	rc = rj_stream_at(st->host, report_json(rep, marker), marker,
			  st->pretty, 0, rep->n_docs, put_doc, &sm, out, err);
	if (rc != FC_OK)
		return rc;
	fputc('\n', out);
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "json", .version = "1.0.0",
		.description = "one JSON object per run with every field of "
			       "every finding",
		.options = options, .init = json_init, .fini = free,
		.reporter = {.report = json_report});
