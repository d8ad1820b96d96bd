/*
 * junit.c: the junit reporter. JUnit XML as GitLab, Jenkins and most CI
 * systems read it: one <testsuite> per document, one <testcase> per claim,
 * so that CI shows "N claims checked, M failed".
 *
 * A claim fails (<failure>) when its verdict is at or above --fail-on, as
 * the exit status does: with the default, outdated and discrepancy claims
 * fail. An unchecked claim (not bound to a metric) and an unverified one
 * below --fail-on are <skipped>: they were found but could not be checked.
 * Every other claim passes; understated and overstated ones say why in
 * <system-out>. A document that could not be read is one test case with an
 * <error>.
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/report_util.h"

typedef struct state {
	const fc_host *host;
	bool want[FC_VERDICT_COUNT];
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts to report as test cases (default: all)"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (one block,
 * freed with free), else `err` says why. */
static fc_status junit_init(const fc_host *h, fc_plugin_ctx *ctx,
			    const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	fc_status rc;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	if ((rc = ru_verdicts(h, ctx, opts, RU_ALL, st->want, err))) {
		free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

/*
 * Writes `s` as XML character data, or as an attribute value when `attr`
 * is set (line breaks and tabs then as character references, so that they
 * survive attribute normalisation). Characters XML 1.0 does not allow
 * (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD.
 */
static void xml(FILE *out, const char *s, bool attr)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp = ru_next(s, len, &i);

		if (ru_put_markup_ref(out, cp))
			continue;
		switch (cp) {
		case '\'':
			fputs("&apos;", out);
			continue;
		case '\r':
			/* Parsers turn a raw CR into LF: keep it as written. */
			fputs("&#13;", out);
			continue;
		case '\n':
		case '\t':
			if (attr)
				fprintf(out, "&#%u;", (unsigned)cp);
			else
				fputc((int)cp, out);
			continue;
		default:
			break;
		}
		if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
			cp = RU_REPLACEMENT;
		ru_put_cp(out, cp);
	}
}

/* What a test case's outcome is. */
enum outcome { PASS, FAIL, SKIP };

static enum outcome outcome_of(const fc_report *rep, const fc_finding *f)
{
	if (rep->fail_on < FC_VERDICT_COUNT && f->verdict >= rep->fail_on)
		return FAIL;
	if (f->verdict == FC_VERDICT_UNCHECKED ||
	    f->verdict == FC_VERDICT_UNVERIFIED)
		return SKIP;
	return PASS;
}

/* The details of a finding, as the body of a <failure>. */
static void details(FILE *out, const char *path, const fc_finding *f)
{
	char buf[256];

	xml(out, path, false);
	fprintf(out, ":%u:%u: %s: ", f->line, f->col,
		fc_verdict_name(f->verdict));
	xml(out, f->message, false);
	fputs("\nclaim: ", out);
	xml(out, f->text, false);
	fputs("\nsentence: ", out);
	xml(out, f->sentence, false);
	if (f->record) {
		fputs("\nrecord: ", out);
		xml(out, ru_record(f->record, buf, sizeof(buf)), false);
		fputs(" (", out);
		xml(out, f->record->source, false);
		if (ru_record_url(f->record)) {
			fputs(", ", out);
			xml(out, ru_record_url(f->record), false);
		}
		fputs(")", out);
	}
	if (f->reason) {
		fputs("\nbecause: ", out);
		xml(out, f->reason, false);
	}
	fprintf(out, "\nrule: ");
	xml(out, f->rule_id, false);
	if (f->metric) {
		fputs(", metric: ", out);
		xml(out, f->metric, false);
	}
	fprintf(out, "\nfingerprint: %s\n", f->fingerprint);
}

static void testcase(FILE *out, const fc_report *rep, const char *path,
		     const fc_finding *f)
{
	enum outcome o = outcome_of(rep, f);

	fprintf(out, "    <testcase name=\"line %u: ", f->line);
	xml(out, f->text, true);
	fputs(" [", out);
	xml(out, f->metric ? f->metric : f->rule_id, true);
	fputs("]\" classname=\"", out);
	xml(out, path, true);
	fputs("\" file=\"", out);
	xml(out, path, true);
	fprintf(out, "\" line=\"%u\" time=\"0\"", f->line);
	if (o == PASS && f->verdict == FC_VERDICT_OK) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (o == FAIL) {
		fprintf(out, "      <failure type=\"%s\" message=\"",
			fc_verdict_name(f->verdict));
		xml(out, f->message, true);
		fputs("\">", out);
		details(out, path, f);
		fputs("</failure>\n", out);
	} else if (o == SKIP) {
		fprintf(out, "      <skipped message=\"%s: ",
			fc_verdict_name(f->verdict));
		xml(out, f->reason ? f->reason : f->message, true);
		fputs("\"/>\n", out);
	} else {
		fprintf(out, "      <system-out>%s: ", fc_verdict_name(f->verdict));
		xml(out, f->message, false);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

/* Adds the test cases of readable document `rd` to *tests, and those
 * that fail or are skipped to *failures and *skipped. */
static void count_cases(const state *st, const fc_report *rep,
			const fc_report_doc *rd, size_t *tests,
			size_t *failures, size_t *skipped)
{
	for (size_t i = 0; i < rd->n_findings; i++) {
		const fc_finding *f = &rd->findings[i];
		if (!ru_shown(st->want, rep, f->verdict))
			continue;
		(*tests)++;
		*failures += outcome_of(rep, f) == FAIL;
		*skipped += outcome_of(rep, f) == SKIP;
	}
}

static fc_status junit_report(void *p, const fc_report *rep, FILE *out,
			      fc_error *err)
{
	const state *st = p;
	size_t tests = 0, failures = 0, errors = 0, skipped = 0;
	bool run_fails;

	/* Totals first: the root element carries them. */
	for (size_t d = 0; d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		if (rd->error) {
			tests++;
			errors++;
		} else {
			count_cases(st, rep, rd, &tests, &failures, &skipped);
		}
	}
	/* The run's warnings are test cases of their own: failures when
	 * they are what fails the run (no claim does), else skipped. */
	run_fails = rep->failed && failures == 0;
	tests += rep->n_warnings;
	if (run_fails)
		failures += rep->n_warnings;
	else
		skipped += rep->n_warnings;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fputs("<testsuites name=\"", out);
	xml(out, rep->tool_name, true);
	fprintf(out,
		"\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
		"skipped=\"%zu\" time=\"0\">\n",
		tests, failures, errors, skipped);
	for (size_t d = 0; d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		size_t t = 0, fl = 0, sk = 0;
		char date[11];

		if (!rd->error)
			count_cases(st, rep, rd, &t, &fl, &sk);
		fputs("  <testsuite name=\"", out);
		xml(out, rd->path, true);
		fprintf(out,
			"\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\" "
			"skipped=\"%zu\" time=\"0\">\n",
			rd->error ? 1 : t, fl, rd->error ? 1 : 0, sk);
		if (rd->doc)
			fprintf(out,
				"    <properties><property name=\"as_of\" "
				"value=\"%s\"/><property name=\"figures\" "
				"value=\"%zu\"/><property name=\"checked\" "
				"value=\"%zu\"/><property name=\"unchecked\" "
				"value=\"%zu\"/><property name=\"not_quantities\" "
				"value=\"%zu\"/></properties>\n",
				fc_date_format(rd->doc->date, date),
				rd->coverage.figures, rd->coverage.checked,
				rd->coverage.unchecked,
				rd->coverage.not_quantities);
		if (rd->error) {
			fputs("    <testcase name=\"read the document\" "
			      "classname=\"",
			      out);
			xml(out, rd->path, true);
			fputs("\" file=\"", out);
			xml(out, rd->path, true);
			fputs("\" time=\"0\">\n      <error type=\"input\" "
			      "message=\"",
			      out);
			xml(out, rd->error, true);
			fputs("\"/>\n    </testcase>\n", out);
		}
		for (size_t i = 0; !rd->error && i < rd->n_findings; i++)
			if (ru_shown(st->want, rep, rd->findings[i].verdict))
				testcase(out, rep, rd->path, &rd->findings[i]);
		fputs("  </testsuite>\n", out);
	}
	if (rep->n_warnings) {
		fprintf(out,
			"  <testsuite name=\"figcheck run\" tests=\"%zu\" "
			"failures=\"%zu\" errors=\"0\" skipped=\"%zu\" "
			"time=\"0\">\n",
			rep->n_warnings, run_fails ? rep->n_warnings : 0,
			run_fails ? 0 : rep->n_warnings);
		for (size_t w = 0; w < rep->n_warnings; w++) {
			fprintf(out,
				"    <testcase name=\"run warning %zu\" "
				"classname=\"figcheck\" time=\"0\">\n      <%s "
				"%smessage=\"",
				w + 1, run_fails ? "failure" : "skipped",
				run_fails ? "type=\"run\" " : "");
			xml(out, rep->warnings[w], true);
			fputs("\"/>\n    </testcase>\n", out);
		}
		fputs("  </testsuite>\n", out);
	}
	fputs("</testsuites>\n", out);
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "junit", .version = "1.0.0",
		.description = "JUnit XML: a test case per claim, a failure per "
			       "claim at or above --fail-on",
		.options = options, .init = junit_init, .fini = free,
		.reporter = {.report = junit_report});
