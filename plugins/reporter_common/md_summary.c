/*
 * md_summary.c: the Markdown summary table shared by the markdown and
 * github reporters (see md_summary.h).
 */
#include "md_summary.h"

void mds_text(FILE *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp = ru_next(s, len, &i);

		if (cp == '&') {
			fputs("&amp;", out);
		} else if (cp == '<') {
			fputs("&lt;", out);
		} else if (cp == '>') {
			fputs("&gt;", out);
		} else if (cp == '@' || cp == '#') {
			fputc((int)cp, out);
			fputs("\xE2\x81\xA0", out); /* U+2060 word joiner */
		} else if (cp == '\n' || cp == '\r' || cp == '\t') {
			fputc(' ', out);
		} else if (cp < 0x20 || cp == 0x7F) {
			ru_put_cp(out, RU_REPLACEMENT);
		} else if (cp < 0x80 && strchr("\\`*_{}[]()!|~:$", (int)cp)) {
			fputc('\\', out);
			fputc((int)cp, out);
		} else {
			ru_put_cp(out, cp);
		}
	}
}

void mds_url(FILE *out, const char *u)
{
	for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F || strchr("()<>\"'`\\[]|", *p))
			fprintf(out, "%%%02X", *p);
		else
			fputc(*p, out);
	}
}

const char *mds_icon(fc_verdict v)
{
	switch (v) {
	case FC_VERDICT_DISCREPANCY:
		return "\xE2\x9D\x8C"; /* cross mark */
	case FC_VERDICT_OUTDATED:
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		return "\xE2\x9A\xA0\xEF\xB8\x8F"; /* warning sign */
	case FC_VERDICT_UNVERIFIED:
		return "\xE2\x9D\x94"; /* white question mark */
	case FC_VERDICT_UNCHECKED:
		return "\xE2\x9E\x96"; /* heavy minus */
	case FC_VERDICT_OK:
		break;
	}
	return "\xE2\x9C\x85"; /* check mark */
}

void mds_row(FILE *out, const char *path, const fc_finding *f)
{
	char buf[256];
	const char *url = ru_record_url(f->record);

	fprintf(out, "| %s | %s | \xE2\x80\x9C", mds_icon(f->verdict),
		fc_verdict_name(f->verdict));
	mds_text(out, f->text);
	fputs("\xE2\x80\x9D", out);
	if (f->metric) {
		fputs(" (", out);
		mds_text(out, f->metric);
		fputs(")", out);
	}
	fputs(" | ", out);
	mds_text(out, path);
	fprintf(out, ":%u:%u | ", f->line, f->col);
	if (f->record)
		mds_text(out, ru_record(f->record, buf, sizeof(buf)));
	else
		fputs("\xE2\x80\x94", out);
	fputs(" | ", out);
	if (f->record && url) {
		fputs("[", out);
		mds_text(out, f->record->source);
		fputs("](", out);
		mds_url(out, url);
		fputs(")", out);
	} else if (f->record) {
		mds_text(out, f->record->source);
	} else {
		mds_text(out, f->reason ? f->reason : f->message);
	}
	fputs(" |\n", out);
}

void mds_header(FILE *out)
{
	fputs("| | Verdict | Claim | Where | Record | Source |\n"
	      "| --- | --- | --- | --- | --- | --- |\n",
	      out);
}

void mds_write(FILE *out, const fc_report *rep,
			     const bool want[FC_VERDICT_COUNT], size_t max_rows,
			     bool show_ok)
{
	char counts[512], cov[160];
	size_t shown = 0, hidden = 0, n_ok = rep->counts[FC_VERDICT_OK];
	size_t n_bad = ru_failing(rep), n_err = rep->n_errors, n_want = 0;
	size_t total = ru_total(rep);

	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		n_want += ru_shown(want, rep, (fc_verdict)v) ? rep->counts[v] : 0;
	fprintf(out, "### %s figcheck: %s\n\n",
		rep->failed || n_err ? mds_icon(FC_VERDICT_DISCREPANCY)
				     : mds_icon(FC_VERDICT_OK),
		ru_counts(rep, counts, sizeof(counts)));
	fprintf(out, "%zu finding%s in %zu document%s; %zu at or above "
		     "`%s`; %s",
		total, total == 1 ? "" : "s", rep->n_docs,
		rep->n_docs == 1 ? "" : "s", n_bad,
		ru_fail_on(rep), ru_coverage(&rep->coverage, cov, sizeof(cov)));
	if (n_err)
		fprintf(out, "; %zu document%s could not be read", n_err,
			n_err == 1 ? "" : "s");
	fputs(".\n\n", out);
	for (size_t w = 0; w < rep->n_warnings; w++) {
		fputs("> **Warning:** ", out);
		mds_text(out, rep->warnings[w]);
		fputs("\n\n", out);
	}
	for (size_t d = 0; n_want && d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		for (size_t i = 0; i < rd->n_findings; i++) {
			const fc_finding *f = &rd->findings[i];
			if (!ru_shown(want, rep, f->verdict))
				continue;
			if (shown == max_rows) {
				hidden++;
				continue;
			}
			if (shown++ == 0)
				mds_header(out);
			mds_row(out, rd->path, f);
		}
	}
	if (hidden)
		fprintf(out, "\n\xE2\x80\xA6 and %zu more, not shown here: see "
			     "the full report (text, JSON, SARIF or JUnit).\n",
			hidden);
	if (shown)
		fputs("\n", out);
	if (show_ok && n_ok && !want[FC_VERDICT_OK]) {
		size_t k = 0;
		fprintf(out, "<details><summary>%zu claim%s agree%s with the "
			     "record</summary>\n\n",
			n_ok, n_ok == 1 ? "" : "s", n_ok == 1 ? "s" : "");
		mds_header(out);
		for (size_t d = 0; d < rep->n_docs && k < max_rows; d++) {
			const fc_report_doc *rd = fc_report_doc_at(rep, d);
			for (size_t i = 0; i < rd->n_findings && k < max_rows;
			     i++)
				if (rd->findings[i].verdict == FC_VERDICT_OK) {
					mds_row(out, rd->path, &rd->findings[i]);
					k++;
				}
		}
		if (n_ok > k)
			fprintf(out, "\n\xE2\x80\xA6 and %zu more.\n", n_ok - k);
		fputs("\n</details>\n\n", out);
	}
	for (size_t d = 0; n_err && d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		if (!rd->error)
			continue;
		fprintf(out, "- %s could not be read: ",
			mds_icon(FC_VERDICT_DISCREPANCY));
		mds_text(out, rd->error);
		fputs("\n", out);
	}
	for (size_t s = 0; s < rep->n_sources; s++) {
		if (rep->sources[s].ok)
			continue;
		fprintf(out, "- %s source ", mds_icon(FC_VERDICT_UNVERIFIED));
		mds_text(out, rep->sources[s].name);
		fputs(" failed: ", out);
		mds_text(out, rep->sources[s].error);
		fputs("\n", out);
	}
}
