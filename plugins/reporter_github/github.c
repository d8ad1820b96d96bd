/*
 * github.c: the github reporter. GitHub Actions workflow commands, one
 * annotation per finding, errors first:
 *
 *     ::error file=drafts/a.md,line=17,col=27,endColumn=31,title=...::...
 *
 * escaped as the runner requires (in the message % \r \n; in properties
 * also : and ,). A discrepancy is an error (a warning or notice when its
 * rule's severity is lower); outdated, understated and overstated are
 * warnings; unverified is a notice. GitHub shows at most 10 annotations of
 * each type per step (and 50 per job): when more would be written, a
 * notice saying so comes first.
 *
 * When $GITHUB_STEP_SUMMARY names a file, the Markdown summary (the same
 * as the markdown reporter's) is appended to it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/md_summary.h"

#define GITHUB_LIMIT 10 /* annotations per type per step */

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	bool want[FC_VERDICT_COUNT];
	bool summary;
	size_t max_rows;
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts to annotate (default: all but ok and unchecked)"},
    {"summary", FC_OPT_BOOL, false, "true",
     "append a Markdown summary to $GITHUB_STEP_SUMMARY when it is set"},
    {"max_rows", FC_OPT_INTEGER, false, "200",
     "rows at most in the summary's tables"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (one block,
 * freed with free), else `err` says why. */
static fc_status gh_init(const fc_host *h, fc_plugin_ctx *ctx,
			 const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	fc_status rc;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->ctx = ctx;
	st->summary = h->value_bool(h->opt(opts, "summary"));
	if ((rc = ru_verdicts(h, ctx, opts, RU_PROBLEMS, st->want, err)) ||
	    (rc = ru_max_rows(h, ctx, opts, &st->max_rows, err))) {
		free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

/* Writes untrusted text escaped for a workflow command: in the message
 * (`prop` false) % \r \n are escaped; in a property value : and , too.
 * Invalid UTF-8 and other control characters become U+FFFD. */
static void gh_escape(FILE *out, const char *s, bool prop)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp = ru_next(s, len, &i);

		if (cp == '%')
			fputs("%25", out);
		else if (cp == '\r')
			fputs("%0D", out);
		else if (cp == '\n')
			fputs("%0A", out);
		else if (prop && cp == ':')
			fputs("%3A", out);
		else if (prop && cp == ',')
			fputs("%2C", out);
		else if ((cp < 0x20 && cp != '\t') || cp == 0x7F)
			ru_put_cp(out, RU_REPLACEMENT);
		else
			ru_put_cp(out, cp);
	}
}

enum level { LVL_ERROR, LVL_WARNING, LVL_NOTICE, LVL_COUNT };

static const char *const level_names[LVL_COUNT] = {"error", "warning",
						    "notice"};

static enum level level_of(const fc_finding *f)
{
	switch (f->verdict) {
	case FC_VERDICT_DISCREPANCY:
		return f->severity == FC_SEVERITY_ERROR	    ? LVL_ERROR
		       : f->severity == FC_SEVERITY_WARNING ? LVL_WARNING
							    : LVL_NOTICE;
	case FC_VERDICT_OUTDATED:
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		return f->severity == FC_SEVERITY_INFO ? LVL_NOTICE : LVL_WARNING;
	default:
		break;
	}
	return LVL_NOTICE;
}

static void annotate(FILE *out, const char *path, const fc_finding *f)
{
	char buf[256], title[320];
	const char *url = ru_record_url(f->record);

	fprintf(out, "::%s file=", level_names[level_of(f)]);
	gh_escape(out, path, true);
	fprintf(out, ",line=%u", f->line);
	if (f->end_line == f->line)
		/* Columns only on one line, as GitHub allows. */
		fprintf(out, ",col=%u,endColumn=%u", f->col,
			f->end_col >= f->col ? f->end_col : f->col);
	else
		fprintf(out, ",endLine=%u", f->end_line);
	snprintf(title, sizeof(title), "figcheck: %s (%s)",
		 fc_verdict_name(f->verdict), f->rule_id);
	fputs(",title=", out);
	gh_escape(out, title, true);
	fputs("::", out);
	gh_escape(out, f->message, false);
	if (f->record) {
		fputs("%0ARecord: ", out);
		gh_escape(out, ru_record(f->record, buf, sizeof(buf)), false);
		fputs(" (", out);
		gh_escape(out, f->record->source, false);
		if (url) {
			fputs(", ", out);
			gh_escape(out, url, false);
		}
		fputs(")", out);
	}
	if (f->reason) {
		fputs("%0ABecause ", out);
		gh_escape(out, f->reason, false);
	}
	fputc('\n', out);
}

static fc_status write_summary(const state *st, const fc_report *rep,
			       fc_error *err)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	FILE *f;
	int bad;

	if (!st->summary || !path || !path[0])
		return FC_OK;
	f = fopen(path, "a");
	if (!f)
		return st->host->error(err, FC_ERR_IO,
				       "$GITHUB_STEP_SUMMARY: %s: %s", path,
				       strerror(errno));
	mds_write(f, rep, st->want, st->max_rows, true);
	fputs("\n", f);
	bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return st->host->error(err, FC_ERR_IO,
				       "$GITHUB_STEP_SUMMARY: %s: writing failed",
				       path);
	return FC_OK;
}

static fc_status gh_report(void *p, const fc_report *rep, FILE *out,
			   fc_error *err)
{
	const state *st = p;
	size_t count[LVL_COUNT] = {0}, total = 0;
	bool over = false;
	fc_status rc;

	for (size_t d = 0; d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		for (size_t i = 0; i < rd->n_findings; i++) {
			const fc_finding *f = &rd->findings[i];
			if (ru_shown(st->want, rep, f->verdict)) {
				count[level_of(f)]++;
				total++;
			}
		}
	}
	for (int l = 0; l < LVL_COUNT; l++)
		over = over || count[l] > GITHUB_LIMIT;
	if (over || total > 50) {
		fprintf(out, "::notice title=figcheck%%3A some annotations are "
			     "not shown::figcheck wrote %zu errors, %zu warnings "
			     "and %zu notices. GitHub shows at most %d "
			     "annotations of each type per step (and 50 per "
			     "job), so some are hidden; the job summary, the "
			     "log below and the SARIF or JUnit report list them "
			     "all.\n",
			count[LVL_ERROR], count[LVL_WARNING], count[LVL_NOTICE],
			GITHUB_LIMIT);
	}
	/* The run's own warnings first, so that no limit hides them. */
	for (size_t w = 0; w < rep->n_warnings; w++) {
		fputs("::warning title=figcheck%3A run warning::", out);
		gh_escape(out, rep->warnings[w], false);
		fputc('\n', out);
	}
	/* Errors first, then warnings, then notices; each in text order. */
	for (int l = 0; l < LVL_COUNT; l++) {
		if (!count[l])
			continue;
		for (size_t d = 0; d < rep->n_docs; d++) {
			const fc_report_doc *rd = fc_report_doc_at(rep, d);
			for (size_t i = 0; i < rd->n_findings; i++) {
				const fc_finding *f = &rd->findings[i];
				if (ru_shown(st->want, rep, f->verdict) &&
				    (int)level_of(f) == l)
					annotate(out, rd->path, f);
			}
		}
	}
	for (size_t d = 0; rep->n_errors && d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		if (!rd->error)
			continue;
		fputs("::error file=", out);
		gh_escape(out, rd->path, true);
		fputs(",title=figcheck%3A cannot read this document::", out);
		gh_escape(out, rd->error, false);
		fputc('\n', out);
	}
	{
		char counts[512];
		fprintf(out, "figcheck: %zu finding%s in %zu document%s: %s\n",
			ru_total(rep), ru_total(rep) == 1 ? "" : "s", rep->n_docs,
			rep->n_docs == 1 ? "" : "s",
			ru_counts(rep, counts, sizeof(counts)));
	}
	if ((rc = ru_written(st->host, out, err)) != FC_OK)
		return rc;
	return write_summary(st, rep, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "github",
		.version = "1.0.0",
		.description = "GitHub Actions annotations and a job summary",
		.options = options, .init = gh_init, .fini = free,
		.reporter = {.report = gh_report});
