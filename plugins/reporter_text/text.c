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

/* Writes untrusted text (a file name, a draft's words, a source's
 * message) so that it cannot forge a line or drive the terminal: control
 * characters (C0, DEL, C1) as \n \r \t \xNN, bidirectional controls and
 * line separators as \uNNNN, bytes that are not UTF-8 as \xNN. */
static void put_safe(FILE *out, const char *s)
{
	size_t len = s ? strlen(s) : 0, run = 0;

	/* Runs of printable ASCII go out in one write. */
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t cp;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		if (at > run)
			fwrite(s + run, 1, at - run, out);
		cp = ru_next(s, len, &i);
		if (cp == RU_REPLACEMENT && i == at + 1)
			fprintf(out, "\\x%02x", (unsigned char)s[at]);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\r')
			fputs("\\r", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (cp < 0x20 || cp == 0x7F)
			fprintf(out, "\\x%02x", (unsigned)cp);
		else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
			 cp == 0x200E || cp == 0x200F ||
			 (cp >= 0x2028 && cp <= 0x202E) ||
			 (cp >= 0x2066 && cp <= 0x2069))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + at, 1, i - at, out);
		run = i;
	}
	if (len > run)
		fwrite(s + run, 1, len - run, out);
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
		fputs(" Also ", out);
		put_safe(out, r->source);
		fprintf(out, ": %s", ru_qualifier_words(r->rec.qualifier));
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
		const fc_report_doc *doc = fc_report_doc_at(rep, d);

		if (doc->error) {
			put_safe(out, doc->path);
			fputs(": error: ", out);
			put_safe(out, doc->error);
			fputc('\n', out);
			continue;
		}
		for (size_t i = 0; i < doc->n_findings; i++) {
			const fc_finding *f = &doc->findings[i];

			total++;
			if (st->hide[f->verdict])
				continue;
			fputs(rep->color ? "\033[1m" : "", out);
			put_safe(out, doc->path);
			fprintf(out, ":%u:%u:%s %s%s%s: ", f->line, f->col,
				rep->color ? "\033[0m" : "",
				rep->color ? color_of(f->verdict) : "",
				fc_verdict_name(f->verdict),
				rep->color ? "\033[0m" : "");
			put_safe(out, f->message);
			put_others(out, f);
			fputs(" [", out);
			put_safe(out, f->metric ? f->metric : "");
			fputs(f->metric ? ", " : "", out);
			put_safe(out, f->rule_id);
			fputs("]\n", out);
			if (st->reasons && f->reason) {
				fputs("    because ", out);
				put_safe(out, f->reason);
				fputc('\n', out);
			}
		}
	}
	/* What is wrong with the run as a whole, just above the summary. */
	for (size_t i = 0; i < rep->n_warnings; i++) {
		fprintf(out, "%swarning:%s ", rep->color ? "\033[1;35m" : "",
			rep->color ? "\033[0m" : "");
		put_safe(out, rep->warnings[i]);
		fputc('\n', out);
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
