/*
 * sarif.c: the sarif reporter. SARIF 2.1.0, the subset GitHub code
 * scanning reads: a tool driver with one rule per figcheck rule found,
 * one result per finding with its level, message, location (start and end
 * line and column, in code points: run.columnKind is unicodeCodePoints),
 * a partial fingerprint, and properties carrying the claim and the record.
 *
 * Levels: a discrepancy takes its rule's severity (error, warning, or note
 * for info); outdated, understated and overstated are warnings;
 * unverified is a note. By default ok and unchecked claims are left out
 * (option "verdicts" lists what to include); an ok claim included is a
 * result of kind "pass", an unchecked one of kind "review".
 *
 * Paths: a relative path is written relative to %SRCROOT%, the folder
 * figcheck ran in, as GitHub expects when figcheck runs at the top of the
 * repository; an absolute one as a file:// URI. %SRCROOT% itself is
 * described, never given as this machine's absolute path.
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/json_util.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FP_KEY "figcheck/v1"

typedef struct state {
	const fc_host *host;
	bool want[FC_VERDICT_COUNT];
	bool pretty;
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts to report (default: all but ok and unchecked)"},
    {"pretty", FC_OPT_BOOL, false, "true", "indent the output"},
    {NULL, 0, false, NULL, NULL}};

/* Percent-encodes a path for a URI: unreserved characters, sub-delims,
 * ':', '@' and '/' stay; everything else, bytes >= 0x80 included, is
 * encoded. The caller frees the result. */
static char *uri_path(const char *p)
{
	static const char keep[] = "-._~!$&'()*+,;=:@/";
	size_t n = strlen(p), o = 0;
	char *out = malloc(n * 3 + 1);

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c && strchr(keep, c))) {
			out[o++] = (char)c;
		} else {
			snprintf(out + o, 4, "%%%02X", c);
			o += 3;
		}
	}
	out[o] = 0;
	return out;
}

/* Makes an instance from the options; on success *out owns it (freed by
 * sarif_fini), else `err` says why. */
static fc_status sarif_init(const fc_host *h, fc_plugin_ctx *ctx,
			    const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	fc_status rc;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->pretty = h->value_bool(h->opt(opts, "pretty"));
	if ((rc = ru_verdicts(h, ctx, opts, RU_PROBLEMS, st->want, err))) {
		free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

static void sarif_fini(void *p)
{
	free(p);
}

/* Adds a string, or null for NULL, as valid UTF-8 (what is invalid is
 * replaced). Returns false when memory ran out. */
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

/* Adds a SARIF message object: {"text": text}. */
static bool add_text(cJSON *o, const char *k, const char *text)
{
	cJSON *m = cJSON_AddObjectToObject(o, k);
	return m && add_str(m, "text", text ? text : "");
}

static const char *level_of(const fc_finding *f)
{
	switch (f->verdict) {
	case FC_VERDICT_DISCREPANCY:
		return f->severity == FC_SEVERITY_ERROR	    ? "error"
		       : f->severity == FC_SEVERITY_WARNING ? "warning"
							    : "note";
	case FC_VERDICT_OUTDATED:
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		return f->severity == FC_SEVERITY_INFO ? "note" : "warning";
	case FC_VERDICT_UNVERIFIED:
		return "note";
	case FC_VERDICT_OK:
	case FC_VERDICT_UNCHECKED:
		break;
	}
	return "none";
}

static cJSON *record_json(const fc_ref *r)
{
	cJSON *o = cJSON_CreateObject();

	if (!o)
		return NULL;
	if (!(add_str(o, "metric", r->rec.metric) &&
	      rj_add_num(o, "value", r->rec.value) &&
	      add_str(o, "qualifier", fc_qualifier_name(r->rec.qualifier)) &&
	      rj_add_num(o, "low", r->low) && rj_add_num(o, "high", r->high) &&
	      rj_add_date(o, "date", r->rec.date) &&
	      add_str(o, "source", r->source) && add_str(o, "url", r->rec.url) &&
	      add_str(o, "sourceUrl", r->source_url) &&
	      add_str(o, "note", r->rec.note) &&
	      add_str(o, "reportedBy", r->rec.reported_by))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* artifactLocation for a document path. */
static bool add_artifact(cJSON *o, const char *path)
{
	cJSON *a = cJSON_AddObjectToObject(o, "artifactLocation");
	char *enc = uri_path(path);
	bool ok;

	if (!a || !enc) {
		free(enc);
		return false;
	}
	if (path[0] == '/') {
		size_t n = strlen(enc) + 8;
		char *u = malloc(n);
		ok = u && (snprintf(u, n, "file://%s", enc), add_str(a, "uri", u));
		free(u);
	} else {
		ok = add_str(a, "uri", enc) &&
		     add_str(a, "uriBaseId", "%SRCROOT%");
	}
	free(enc);
	return ok;
}

static cJSON *result_json(const fc_finding *f, const char *path, int rule_index)
{
	cJSON *r = cJSON_CreateObject(), *locs, *loc, *phys, *reg, *fp, *props,
	      *claim, *diff;
	const char *level = level_of(f);
	bool ok;

	if (!r)
		return NULL;
	ok = add_str(r, "ruleId", f->rule_id) &&
	     cJSON_AddNumberToObject(r, "ruleIndex", rule_index) &&
	     add_str(r, "kind", f->verdict == FC_VERDICT_OK	    ? "pass"
				: f->verdict == FC_VERDICT_UNCHECKED ? "review"
								     : "fail") &&
	     add_str(r, "level", level) && add_text(r, "message", f->message);
	locs = ok ? cJSON_AddArrayToObject(r, "locations") : NULL;
	loc = cJSON_CreateObject();
	ok = ok && locs && loc && cJSON_AddItemToArray(locs, loc);
	if (!ok)
		cJSON_Delete(loc);
	phys = ok ? cJSON_AddObjectToObject(loc, "physicalLocation") : NULL;
	ok = ok && phys && add_artifact(phys, path);
	reg = ok ? cJSON_AddObjectToObject(phys, "region") : NULL;
	ok = ok && reg && cJSON_AddNumberToObject(reg, "startLine", f->line) &&
	     cJSON_AddNumberToObject(reg, "startColumn", f->col) &&
	     cJSON_AddNumberToObject(reg, "endLine", f->end_line) &&
	     cJSON_AddNumberToObject(reg, "endColumn", f->end_col + 1) &&
	     add_text(reg, "snippet", f->text);
	fp = ok ? cJSON_AddObjectToObject(r, "partialFingerprints") : NULL;
	ok = ok && fp && add_str(fp, FP_KEY, f->fingerprint);
	props = ok ? cJSON_AddObjectToObject(r, "properties") : NULL;
	ok = ok && props &&
	     add_str(props, "verdict", fc_verdict_name(f->verdict)) &&
	     add_str(props, "severity", fc_severity_name(f->severity)) &&
	     add_str(props, "metric", f->metric) &&
	     rj_add_date(props, "asOf", f->as_of) &&
	     add_str(props, "reason", f->reason);
	claim = ok ? cJSON_AddObjectToObject(props, "claim") : NULL;
	ok = ok && claim && add_str(claim, "text", f->text) &&
	     add_str(claim, "sentence", f->sentence) &&
	     rj_add_num(claim, "low", f->claim_low) &&
	     rj_add_num(claim, "high", f->claim_high);
	if (ok && f->claim)
		ok = rj_add_num(claim, "value", f->claim->number.value) &&
		     add_str(claim, "qualifier",
			     fc_qualifier_name(f->claim->number.qualifier)) &&
		     add_str(claim, "kind",
			     fc_num_kind_name(f->claim->number.kind)) &&
		     add_str(claim, "attribution", f->claim->attribution) &&
		     add_str(claim, "unboundReason", f->claim->unbound_reason);
	ok = ok && rj_add_record(props, "record", f->record, record_json) &&
	     rj_add_record(props, "matched", f->matched, record_json);
	if (ok && f->claim &&
	    (f->claim->change != FC_CHANGE_NONE || f->claim->per_day)) {
		/* A claim about change: what it says and the record at its
		 * reference point. */
		const fc_claim *c = f->claim;
		cJSON *ch = cJSON_AddObjectToObject(props, "change");
		ok = ch && add_str(ch, "kind", fc_change_name(c->change)) &&
		     add_str(ch, "direction", c->change_dir > 0   ? "up"
					      : c->change_dir < 0 ? "down"
								  : NULL) &&
		     cJSON_AddBoolToObject(ch, "perDay", c->per_day) &&
		     add_str(ch, "referenceText", c->ref_text) &&
		     rj_add_date(ch, "referenceDate", c->ref_date) &&
		     rj_add_record(ch, "referenceRecord", f->ref_record,
				   record_json) &&
		     rj_add_num(ch, "low", f->change_low) &&
		     rj_add_num(ch, "high", f->change_high);
	}
	diff = ok ? cJSON_AddObjectToObject(props, "difference") : NULL;
	ok = ok && diff && rj_add_num(diff, "absolute", f->diff_abs) &&
	     rj_add_num(diff, "relative", f->diff_rel);
	if (!ok) {
		cJSON_Delete(r);
		return NULL;
	}
	return r;
}

/* The rules: each rule id met among the reported findings, once, in the
 * order first met. Copies: a document's findings live only until the
 * next is read. */
typedef struct rules {
	char **ids;
	size_t n, cap;
} rules;

static int rule_index(const rules *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->ids[i], id) == 0)
			return (int)i;
	return -1;
}

static void rules_free(rules *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->ids[i]);
	free(rs->ids);
}

/* Adds a rule id; false when memory ran out. */
static bool rules_add(rules *rs, const char *id)
{
	char *c = strdup(id);

	if (c && rs->n == rs->cap) {
		size_t cap = rs->cap ? 2 * rs->cap : 16;
		char **p = realloc(rs->ids, cap * sizeof(*p));
		if (!p) {
			free(c);
			return false;
		}
		rs->ids = p;
		rs->cap = cap;
	}
	if (!c)
		return false;
	rs->ids[rs->n++] = c;
	return true;
}

/* What the streamed results need: the report, the options and the
 * rules, and where the next result is. */
typedef struct results_ctx {
	const state *st;
	const fc_report *rep;
	const rules *rs;
	size_t doc;     /* the document being written */
	size_t finding; /* its next finding */
} results_ctx;

static cJSON *rule_json(const fc_finding *f)
{
	cJSON *o = cJSON_CreateObject(), *cfg, *props, *tags;
	char shortd[512], full[1024], help[2048];
	const char *m = f->metric;
	const char *level = f->severity == FC_SEVERITY_ERROR	 ? "error"
			    : f->severity == FC_SEVERITY_WARNING ? "warning"
								 : "note";
	bool ok;

	if (!o)
		return NULL;
	snprintf(shortd, sizeof(shortd), "Figures found by figcheck rule %s%s%s%s",
		 f->rule_id, m ? " (metric " : "", m ? m : "", m ? ")" : "");
	snprintf(full, sizeof(full),
		 "figcheck finds the figures that rule %s binds%s%s and checks "
		 "each against the reference record in force at the draft's "
		 "date.",
		 f->rule_id, m ? " to the metric " : "", m ? m : "");
	snprintf(help, sizeof(help),
		 "%s\n\nVerdicts: discrepancy (the figure disagrees with the "
		 "record), outdated (it agrees only with an earlier record), "
		 "understated or overstated (true, but far from the record), "
		 "unverified (no record, or the source failed). Fix the figure, "
		 "or accept it with a <!-- figcheck-disable-next-line %s --> "
		 "comment above its line or with a baseline "
		 "(--write-baseline / --baseline).",
		 full, f->rule_id);
	ok = add_str(o, "id", f->rule_id) && add_str(o, "name", f->rule_id) &&
	     add_text(o, "shortDescription", shortd) &&
	     add_text(o, "fullDescription", full) && add_text(o, "help", help);
	cfg = ok ? cJSON_AddObjectToObject(o, "defaultConfiguration") : NULL;
	ok = ok && cfg && add_str(cfg, "level", level);
	props = ok ? cJSON_AddObjectToObject(o, "properties") : NULL;
	tags = props ? cJSON_AddArrayToObject(props, "tags") : NULL;
	ok = ok && tags && cJSON_AddItemToArray(tags, cJSON_CreateString("figcheck")) &&
	     cJSON_AddItemToArray(tags, cJSON_CreateString("fact-check")) &&
	     add_str(props, "precision", "high") &&
	     add_str(props, "problem.severity",
		     f->severity == FC_SEVERITY_ERROR	  ? "error"
		     : f->severity == FC_SEVERITY_WARNING ? "warning"
							  : "recommendation");
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* The run without its results, in whose place is the string `marker`.
 * Reads every document once, for the rules the results use and the
 * documents that could not be read; counts the results. */
static cJSON *report_json(const state *st, const fc_report *rep, rules *rs,
			  const char *marker, size_t *n_results)
{
	cJSON *root = cJSON_CreateObject(), *runs, *run, *tool, *driver, *jr,
	      *invs, *inv, *notes, *bases, *props;
	bool ok, success = true;

	if (!root)
		return NULL;
	*n_results = 0;
	ok = add_str(root, "$schema", SARIF_SCHEMA) &&
	     add_str(root, "version", "2.1.0");
	runs = ok ? cJSON_AddArrayToObject(root, "runs") : NULL;
	run = cJSON_CreateObject();
	ok = ok && runs && run && cJSON_AddItemToArray(runs, run);
	if (!ok) {
		cJSON_Delete(run);
		run = NULL;
	}
	tool = ok ? cJSON_AddObjectToObject(run, "tool") : NULL;
	driver = tool ? cJSON_AddObjectToObject(tool, "driver") : NULL;
	ok = ok && driver && add_str(driver, "name", rep->tool_name) &&
	     add_str(driver, "version", rep->tool_version) &&
	     add_str(driver, "semanticVersion", rep->tool_version);
	jr = ok ? cJSON_AddArrayToObject(driver, "rules") : NULL;
	ok = ok && jr;

	/* The results' place; the rules they use, in order of first use;
	 * documents that could not be read, and sources that failed. */
	ok = ok && cJSON_AddStringToObject(run, "results", marker);
	invs = ok ? cJSON_AddArrayToObject(run, "invocations") : NULL;
	inv = cJSON_CreateObject();
	ok = ok && invs && inv && cJSON_AddItemToArray(invs, inv);
	if (!ok)
		cJSON_Delete(inv);
	notes = ok ? cJSON_AddArrayToObject(inv, "toolExecutionNotifications")
		   : NULL;
	ok = ok && notes;
	for (size_t d = 0; ok && d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		cJSON *n, *locs, *loc, *phys;
		for (size_t i = 0; ok && i < rd->n_findings; i++) {
			const fc_finding *f = &rd->findings[i];
			cJSON *rj;
			if (!ru_shown(st->want, rep, f->verdict))
				continue;
			++*n_results;
			if (rule_index(rs, f->rule_id) >= 0)
				continue;
			rj = rule_json(f);
			ok = rj && cJSON_AddItemToArray(jr, rj);
			if (!ok) {
				cJSON_Delete(rj);
				break;
			}
			ok = rules_add(rs, f->rule_id);
		}
		if (!ok || !rd->error)
			continue;
		success = false;
		n = cJSON_CreateObject();
		ok = n && cJSON_AddItemToArray(notes, n) &&
		     add_str(n, "level", "error") &&
		     add_text(n, "message", rd->error);
		if (!ok)
			break;
		locs = cJSON_AddArrayToObject(n, "locations");
		loc = cJSON_CreateObject();
		ok = locs && loc && cJSON_AddItemToArray(locs, loc);
		if (!ok) {
			cJSON_Delete(loc);
			break;
		}
		phys = cJSON_AddObjectToObject(loc, "physicalLocation");
		ok = phys && add_artifact(phys, rd->path);
	}
	for (size_t w = 0; ok && w < rep->n_warnings; w++) {
		cJSON *n = cJSON_CreateObject();
		ok = n && cJSON_AddItemToArray(notes, n) &&
		     add_str(n, "level", "warning") &&
		     add_text(n, "message", rep->warnings[w]);
	}
	for (size_t s = 0; ok && s < rep->n_sources; s++) {
		const fc_source_info *si = &rep->sources[s];
		char msg[1200];
		cJSON *n;
		if (si->ok)
			continue;
		snprintf(msg, sizeof(msg), "source %s failed: %s", si->name,
			 si->error ? si->error : "unknown error");
		n = cJSON_CreateObject();
		ok = n && cJSON_AddItemToArray(notes, n) &&
		     add_str(n, "level", "warning") && add_text(n, "message", msg);
	}
	ok = ok && cJSON_AddBoolToObject(inv, "executionSuccessful", success);

	ok = ok && add_str(run, "columnKind", "unicodeCodePoints");
	/* %SRCROOT% is described, not given: its absolute path is the
	 * machine's that ran figcheck, not the reader's. */
	if (ok) {
		cJSON *b;
		bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
		b = bases ? cJSON_AddObjectToObject(bases, "%SRCROOT%") : NULL;
		ok = b && add_text(b, "description",
				   "The folder figcheck ran in: the top of the "
				   "repository in CI.");
	}
	props = ok ? cJSON_AddObjectToObject(run, "properties") : NULL;
	ok = ok && props &&
	     add_str(props, "failOn", ru_fail_on(rep)) &&
	     cJSON_AddBoolToObject(props, "failed", rep->failed) &&
	     rj_add_num(props, "documents", (double)rep->n_docs) &&
	     rj_add_counts(props, "verdicts", rep) &&
	     rj_add_coverage(props, "coverage", &rep->coverage);
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/* The next result: those of the wanted findings, in the order of the
 * documents (`i` follows from the calls' order). */
static cJSON *result_item(void *ud, size_t i)
{
	results_ctx *c = ud;

	(void)i;
	for (; c->doc < c->rep->n_docs; c->doc++, c->finding = 0) {
		const fc_report_doc *rd = fc_report_doc_at(c->rep, c->doc);
		while (c->finding < rd->n_findings) {
			const fc_finding *f = &rd->findings[c->finding++];
			if (ru_shown(c->st->want, c->rep, f->verdict))
				return result_json(
				    f, rd->path, rule_index(c->rs, f->rule_id));
		}
	}
	return NULL; /* not reached: there are as many as were counted */
}

/* Writes the SARIF log with its results streamed, one document read at a
 * time, as cJSON would print the whole. */
static fc_status sarif_report(void *p, const fc_report *rep, FILE *out,
			      fc_error *err)
{
	const state *st = p;
	rules rs = {0};
	results_ctx c = {st, rep, &rs, 0, 0};
	size_t n = 0;
	char marker[64];
	fc_status rc;
	cJSON *root;

	rj_marker(marker, &rs);
	root = report_json(st, rep, &rs, marker, &n);
	rc = rj_print_streamed(st->host, root, marker, st->pretty, n,
			       result_item, &c, out, err);
	rules_free(&rs);
	return rc;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "sarif", .version = "1.0.0",
		.description = "SARIF 2.1.0 for GitHub code scanning and other "
			       "SARIF viewers",
		.options = options, .init = sarif_init, .fini = sarif_fini,
		.reporter = {.report = sarif_report});
