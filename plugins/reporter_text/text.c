/*
 * text.c: the text reporter. One line per finding, the way compilers
 * write them, so that editors and terminals can jump to it:
 *
 *     draft.md:12:31: discrepancy: "4,800" disagrees with gaza-moh: ...
 *
 * then a summary line. Colour only on a terminal, and never when NO_COLOR
 * is set (the core decides and says so in report->color).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/report_util.h"

typedef struct state {
	const fc_host *host;
	bool hide[FC_VERDICT_COUNT];
	bool reasons;
} state;

static const fc_option options[] = {
    {"hide", FC_OPT_STRING_ARRAY, false, "[]",
     "verdicts not to print, e.g. [\"ok\", \"unchecked\"]"},
    {"reasons", FC_OPT_BOOL, false, "false",
     "print why each verdict follows on a second line"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (one block,
 * freed with free), else `err` says why. */
static fc_status text_init(const fc_host *h, fc_plugin_ctx *ctx,
			   const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *hide = h->opt(opts, "hide");
	char path[256];

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->reasons = h->value_bool(h->opt(opts, "reasons"));
	for (size_t i = 0; i < h->value_count(hide); i++) {
		const char *s = h->value_string(h->value_at(hide, i));
		bool found = false;
		for (int v = 0; v < FC_VERDICT_COUNT; v++)
			if (s && strcmp(s, fc_verdict_name((fc_verdict)v)) == 0) {
				st->hide[v] = true;
				found = true;
			}
		if (!found) {
			free(st);
			return h->error(err, FC_ERR_CONFIG,
					"%s: \"%s\" is not a verdict",
					h->value_path(ctx, h->value_at(hide, i),
						      path, sizeof(path)),
					s ? s : "");
		}
	}
	*out = st;
	return FC_OK;
}

static const char *color_of(fc_verdict v)
{
	switch (v) {
	case FC_VERDICT_OK:
		return "\033[32m";
	case FC_VERDICT_DISCREPANCY:
		return "\033[1;31m";
	case FC_VERDICT_OUTDATED:
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		return "\033[33m";
	case FC_VERDICT_UNVERIFIED:
		return "\033[35m";
	case FC_VERDICT_UNCHECKED:
		return "\033[2m";
	}
	return "";
}

/* Writes a value with thousands separators ("9,770", "40.5"). */
static void put_value(FILE *out, double v)
{
	char digits[64];
	int n;

	if (!isfinite(v) || v != floor(v) || fabs(v) >= 1e15) {
		fprintf(out, "%.6g", v);
		return;
	}
	n = snprintf(digits, sizeof(digits), "%.0f", fabs(v));
	if (v < 0)
		putc('-', out);
	for (int i = 0; i < n; i++) {
		putc(digits[i], out);
		if ((n - i - 1) % 3 == 0 && i < n - 1)
			putc(',', out);
	}
}

/* The records of the other sources that carry the metric. */
static void put_others(FILE *out, const fc_finding *f)
{
	for (size_t i = 0; i < f->n_others; i++) {
		const fc_ref *r = f->others[i];
		char w[16];
		fprintf(out, " Also %s: %s", r->source,
			ru_qualifier_words(r->rec.qualifier));
		put_value(out, r->rec.value);
		fprintf(out, " %s.", ru_when(r, w));
	}
}

static fc_status text_report(void *p, const fc_report *rep, FILE *out,
			     fc_error *err)
{
	const state *st = p;
	size_t total = 0;
	char counts[512], cov[160];

	for (size_t d = 0; d < rep->n_docs; d++) {
		const fc_report_doc *doc = &rep->docs[d];

		if (doc->error) {
			fprintf(out, "%s: error: %s\n", doc->path, doc->error);
			continue;
		}
		for (size_t i = 0; i < doc->n_findings; i++) {
			const fc_finding *f = &doc->findings[i];

			total++;
			if (st->hide[f->verdict])
				continue;
			fprintf(out, "%s%s:%u:%u:%s %s%s%s: %s",
				rep->color ? "\033[1m" : "", doc->path, f->line,
				f->col, rep->color ? "\033[0m" : "",
				rep->color ? color_of(f->verdict) : "",
				fc_verdict_name(f->verdict),
				rep->color ? "\033[0m" : "", f->message);
			put_others(out, f);
			fprintf(out, " [%s%s%s]\n", f->metric ? f->metric : "",
				f->metric ? ", " : "", f->rule_id);
			if (st->reasons && f->reason)
				fprintf(out, "    because %s\n", f->reason);
		}
	}
	fprintf(out, "%zu finding%s in %zu document%s: %s; %s\n", total,
		total == 1 ? "" : "s", rep->n_docs, rep->n_docs == 1 ? "" : "s",
		ru_counts(rep, counts, sizeof(counts)),
		ru_coverage(&rep->coverage, cov, sizeof(cov)));
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "text", .version = "1.0.0",
		.description = "file:line:col: verdict: message, one line per "
			       "finding",
		.options = options, .init = text_init, .fini = free,
		.reporter = {.report = text_report});
