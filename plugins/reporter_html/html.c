/*
 * html.c: the html reporter. One self-contained page for editors: a
 * summary at the top, then each draft as a reader sees it (its prose, in
 * paragraphs) with every claim highlighted by verdict. Hovering over a
 * claim, or tapping it on a phone, shows the reference value, its date, a
 * link to the source and the explanation.
 *
 * The page makes no request of its own: styles are inline, there is no
 * script, no font, no image, and a Content-Security-Policy says so to the
 * browser. Drafts are untrusted: every piece of text is HTML-escaped, and
 * only http and https URLs become links.
 *
 * Each highlight is <mark class="claim v-VERDICT" data-verdict="VERDICT"
 * id="cfD-N"> (document D, finding N: page.html#cf1-3 opens its tooltip)
 * and each summary count <li data-verdict="VERDICT" data-count="N">, for
 * tests and for readers who script against the page.
 *
 * Below each draft, a picture of every finding that compares with a
 * series (chart.h): <figure id="gD-N"> holding one inline <svg>, linked
 * from the claim's tooltip.
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/chart.h"
#include "../reporter_common/report_util.h"

typedef struct state {
	const fc_host *host;
	bool want[FC_VERDICT_COUNT];
	char *title;
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts to highlight (default: all)"},
    {"title", FC_OPT_STRING, false, "\"figcheck report\"",
     "the page's heading"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (freed by
 * html_fini), else `err` says why. */
static fc_status html_init(const fc_host *h, fc_plugin_ctx *ctx,
			   const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const char *title = h->value_string(h->opt(opts, "title"));
	fc_status rc;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	if ((rc = ru_verdicts(h, ctx, opts, RU_ALL, st->want, err))) {
		free(st);
		return rc;
	}
	st->title = strdup(title ? title : "figcheck report");
	if (!st->title) {
		free(st);
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	}
	*out = st;
	return FC_OK;
}

static void html_fini(void *p)
{
	state *st = p;

	if (st)
		free(st->title);
	free(st);
}

/* Writes code point `cp` of untrusted text, escaped for HTML text and
 * double-quoted attribute values alike. */
static void esc_cp(FILE *out, uint32_t cp)
{
	if (ru_put_markup_ref(out, cp))
		return;
	switch (cp) {
	case '\'':
		fputs("&#39;", out);
		return;
	case '\n':
	case '\t':
		fputc((int)cp, out);
		return;
	default:
		break;
	}
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
	    cp == 0xFFFF)
		cp = RU_REPLACEMENT;
	ru_put_cp(out, cp);
}

static void esc(FILE *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;)
		esc_cp(out, ru_next(s, len, &i));
}

static const char css[] =
    ":root{--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;"
    "--ok:#1a7f37;--okb:#dafbe1;--bad:#cf222e;--badb:#ffebe9;"
    "--old:#bc4c00;--oldb:#fff1e5;--off:#9a6700;--offb:#fff8c5;"
    "--unv:#8250df;--unvb:#fbefff;--unc:#6e7781}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:17px/1.55 -apple-system,'Segoe UI',Roboto,"
    "'Noto Sans','DejaVu Sans',sans-serif;color:var(--fg);"
    "background:var(--bg);-webkit-text-size-adjust:100%}\n"
    "header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}\n"
    "header{padding-top:1rem;border-bottom:1px solid var(--line)}\n"
    "h1{font-size:1.5rem;margin:.2rem 0}\n"
    "h2{font-size:1.15rem;margin:2rem 0 .2rem;overflow-wrap:anywhere}\n"
    ".lead,.meta{color:var(--muted);margin:.3rem 0}\n"
    ".counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;"
    "padding:0;margin:.8rem 0}\n"
    ".counts li{padding:.15rem .6rem;border-radius:1rem;font-size:.9rem;"
    "border:1px solid currentColor}\n"
    ".status{font-weight:600}.status.fail{color:var(--bad)}"
    ".status.pass{color:var(--ok)}\n"
    "details{margin:.6rem 0}summary{cursor:pointer;color:var(--muted)}\n"
    "nav ol,.sources{padding-left:1.2rem;margin:.3rem 0}"
    "nav a{overflow-wrap:anywhere}\n"
    ".draft p{margin:0 0 1rem;overflow-wrap:break-word}\n"
    ".claim{position:relative;padding:0 .12em;border-radius:3px;"
    "cursor:help;color:inherit;background:transparent;"
    "border-bottom:2px solid}\n"
    ".claim:focus{outline:2px solid var(--fg);outline-offset:1px}\n"
    ".v-ok{color:var(--ok)}.claim.v-ok{background:var(--okb);"
    "color:inherit;border-color:var(--ok)}\n"
    ".v-discrepancy{color:var(--bad)}.claim.v-discrepancy{"
    "background:var(--badb);color:inherit;border-color:var(--bad);"
    "border-bottom-width:3px;font-weight:600}\n"
    ".v-outdated{color:var(--old)}.claim.v-outdated{background:var(--oldb);"
    "color:inherit;border-color:var(--old)}\n"
    ".v-understated,.v-overstated{color:var(--off)}"
    ".claim.v-understated,.claim.v-overstated{background:var(--offb);"
    "color:inherit;border-color:var(--off)}\n"
    ".v-unverified{color:var(--unv)}.claim.v-unverified{"
    "background:var(--unvb);color:inherit;border-color:var(--unv)}\n"
    ".v-unchecked{color:var(--unc)}.claim.v-unchecked{color:var(--unc);"
    "border-bottom:2px dotted var(--unc)}\n"
    ".tip{display:none;position:absolute;left:0;top:1.7em;z-index:10;"
    "width:max-content;max-width:min(24rem,85vw);padding:.6rem .75rem;"
    "background:var(--bg);color:var(--fg);border:1px solid var(--line);"
    "border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.18);"
    "font-size:.88rem;font-weight:400;line-height:1.4;text-align:left}\n"
    ".claim:hover .tip,.claim:focus .tip,.claim:focus-within .tip,"
    ".claim:target .tip{display:block}\n"
    ".tip>span{display:block;margin:.1rem 0}"
    ".tip .tv{font-weight:700;text-transform:uppercase;"
    "letter-spacing:.03em}\n"
    ".tip a{color:#0969da;overflow-wrap:anywhere}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "td,th{border-top:1px solid var(--line);padding:.3rem;text-align:left;"
    "vertical-align:top;overflow-wrap:anywhere}\n"
    ".error{color:var(--bad);font-weight:600}\n"
    "footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem;"
    "border-top:1px solid var(--line);margin-top:2rem}\n"
    ".charts{display:grid;grid-template-columns:repeat(auto-fill,"
    "minmax(16rem,1fr));gap:.8rem;margin:1rem 0}\n"
    ".charts figure{margin:0;break-inside:avoid}"
    ".charts figcaption{font-size:.85rem;color:var(--muted);"
    "overflow-wrap:anywhere}\n"
    ".chart{display:block;width:100%;height:auto}"
    ".chart .plot{stroke:var(--line)}"
    ".chart .series,.chart .as-of{stroke:var(--muted)}"
    ".chart .lbl{fill:var(--muted)}.chart .rec,.chart .ref{stroke:var(--fg)}"
    ".chart .ref{fill:var(--bg)}\n"
    "@media (max-width:40rem){body{font-size:16px}"
    ".tip{position:fixed;left:.5rem;right:.5rem;top:auto;bottom:.5rem;"
    "width:auto;max-width:none;font-size:.95rem}}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;"
    "--muted:#9198a1;--line:#3d444d;--okb:#12361f;--badb:#4b1113;"
    "--oldb:#3d2410;--offb:#3b2f07;--unvb:#2c1b4d;--ok:#3fb950;"
    "--bad:#f85149;--old:#db6d28;--off:#d29922;--unv:#a371f7}"
    ".tip a{color:#4493f8}}\n";

/* The tooltip of a claim. */
static void tip(FILE *out, const fc_finding *f, const char *id)
{
	char buf[256], lo[64];
	const char *url = ru_record_url(f->record);

	fprintf(out, "<span class=\"tip\" role=\"tooltip\" id=\"%s\">", id);
	fprintf(out, "<span class=\"tv v-%s\">%s</span>",
		fc_verdict_name(f->verdict), fc_verdict_name(f->verdict));
	fputs("<span>", out);
	esc(out, f->message);
	fputs("</span>", out);
	if (f->record) {
		fputs("<span><b>Record:</b> ", out);
		esc(out, ru_describe(f->record->rec.qualifier,
				     f->record->rec.value, f->record->rec.value,
				     buf, sizeof(buf)));
		fputs(f->record->rec.period == FC_PERIOD_DAY ? ", dated "
							      : ", for ",
		      out);
		esc(out, fc_period_format(f->record->rec.date,
					  f->record->rec.period, lo));
		fputs("</span><span><b>Source:</b> ", out);
		if (url) {
			fputs("<a href=\"", out);
			esc(out, url);
			fputs("\" rel=\"noopener noreferrer nofollow\" "
			      "target=\"_blank\">",
			      out);
			esc(out, f->record->source);
			fputs("</a>", out);
		} else {
			esc(out, f->record->source);
			if (f->record->source_url) {
				fputs(" (", out);
				esc(out, f->record->source_url);
				fputs(")", out);
			}
		}
		fputs("</span>", out);
		if (f->record->rec.note) {
			fputs("<span><b>Note:</b> ", out);
			esc(out, f->record->rec.note);
			fputs("</span>", out);
		}
	}
	if (f->reason) {
		fputs("<span><b>Why:</b> ", out);
		esc(out, f->reason);
		fputs("</span>", out);
	}
	if (rc_chart_has(f))
		fprintf(out, "<span><a href=\"#g%s\">The series, in a "
			     "chart</a></span>",
			id + 1);
	fprintf(out, "<span><b>Where:</b> line %u, column %u; rule ", f->line,
		f->col);
	esc(out, f->rule_id);
	if (f->metric) {
		fputs(", metric ", out);
		esc(out, f->metric);
	}
	fprintf(out, "; as of %s</span></span>", fc_date_format(f->as_of, lo));
}

/*
 * Writes a document's prose in paragraphs, with its findings highlighted.
 * White space is collapsed as a browser would; a blank line (or a block
 * tag in an HTML draft) starts a paragraph. Findings are in text offsets
 * and sorted: a prose byte belongs to a finding when the text offset it
 * comes from lies in the finding's span. A finding that overlaps the one
 * before it is listed below the draft but not highlighted.
 */
static void draft(FILE *out, const state *st, const fc_report *rep,
		  const fc_report_doc *rd, size_t doc_no, size_t *highlighted)
{
	const fc_document *doc = rd->doc;
	const char *p = doc->prose;
	size_t len = doc->prose_len, fi = 0, open = SIZE_MAX;
	size_t newlines = 0;
	bool space = false, started = false;
	char id[64];

	fputs("<div class=\"draft\"><p>", out);
	for (size_t k = 0; k < len;) {
		size_t src = doc->prose_map ? doc->prose_map[k] : k;
		char c = p[k];

		/* Close the open highlight at its end. */
		if (open != SIZE_MAX && src >= rd->findings[open].end) {
			snprintf(id, sizeof(id), "f%zu-%zu", doc_no, open + 1);
			tip(out, &rd->findings[open], id);
			fputs("</mark>", out);
			open = SIZE_MAX;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
		    c == '\v') {
			if (open == SIZE_MAX) {
				space = true;
				newlines += c == '\n';
			} else {
				fputc(' ', out);
			}
			k++;
			continue;
		}
		if (space && started) {
			if (newlines >= 2)
				fputs("</p>\n<p>", out);
			else
				fputc(' ', out);
		}
		space = false;
		newlines = 0;
		/* Open the next highlight at its start. */
		while (open == SIZE_MAX && fi < rd->n_findings &&
		       src >= rd->findings[fi].start) {
			const fc_finding *f = &rd->findings[fi];
			if (ru_shown(st->want, rep, f->verdict) && src < f->end) {
				snprintf(id, sizeof(id), "f%zu-%zu", doc_no,
					 fi + 1);
				fprintf(out,
					"<mark class=\"claim v-%s\" "
					"data-verdict=\"%s\" tabindex=\"0\" "
					"id=\"c%s\" aria-describedby=\"%s\">",
					fc_verdict_name(f->verdict),
					fc_verdict_name(f->verdict), id, id);
				open = fi;
				highlighted[f->verdict]++;
			}
			fi++;
		}
		esc_cp(out, ru_next(p, len, &k));
		started = true;
	}
	if (open != SIZE_MAX) {
		snprintf(id, sizeof(id), "f%zu-%zu", doc_no, open + 1);
		tip(out, &rd->findings[open], id);
		fputs("</mark>", out);
	}
	fputs("</p></div>\n", out);
}

/* The pictures of a document's findings that compare with a series. */
static void charts(FILE *out, const state *st, const fc_report *rep,
		   const fc_report_doc *rd, size_t doc_no)
{
	bool any = false;
	char id[64];

	for (size_t i = 0; i < rd->n_findings; i++) {
		const fc_finding *f = &rd->findings[i];
		if (!ru_shown(st->want, rep, f->verdict) || !rc_chart_has(f))
			continue;
		if (!any)
			fputs("<section class=\"charts\" aria-label=\"Charts\">",
			      out);
		any = true;
		snprintf(id, sizeof(id), "g%zu-%zu", doc_no, i + 1);
		fprintf(out, "<figure id=\"%s\">", id);
		rc_chart_svg(out, f, id);
		fprintf(out, "<figcaption><a href=\"#cf%zu-%zu\">%u:%u</a> "
			     "<span class=\"v-%s\">%s</span> ",
			doc_no, i + 1, f->line, f->col,
			fc_verdict_name(f->verdict),
			fc_verdict_name(f->verdict));
		esc(out, f->text);
		fputs(": the series, the record in force (filled dot), the "
		      "claim (band)",
		      out);
		if (f->ref_record && f->ref_record != f->record)
			fputs(" and the reference point (open dot)", out);
		fputs(".</figcaption></figure>\n", out);
	}
	if (any)
		fputs("</section>\n", out);
}

/* The table of a document's findings, below the draft. */
static void findings_table(FILE *out, const state *st, const fc_report *rep,
			   const fc_report_doc *rd)
{
	size_t n = 0;
	char buf[256];

	for (size_t i = 0; i < rd->n_findings; i++)
		n += ru_shown(st->want, rep, rd->findings[i].verdict);
	if (!n)
		return;
	fprintf(out, "<details><summary>All %zu finding%s of this draft"
		     "</summary><table><thead><tr><th>Where</th><th>Verdict"
		     "</th><th>Claim</th><th>Record</th><th>Source</th></tr>"
		     "</thead><tbody>\n",
		n, n == 1 ? "" : "s");
	for (size_t i = 0; i < rd->n_findings; i++) {
		const fc_finding *f = &rd->findings[i];
		const char *url = ru_record_url(f->record);
		if (!ru_shown(st->want, rep, f->verdict))
			continue;
		fprintf(out, "<tr><td>%u:%u</td><td class=\"v-%s\">%s</td><td>",
			f->line, f->col, fc_verdict_name(f->verdict),
			fc_verdict_name(f->verdict));
		esc(out, f->text);
		fputs("</td><td>", out);
		if (f->record)
			esc(out, ru_record(f->record, buf, sizeof(buf)));
		fputs("</td><td>", out);
		if (f->record && url) {
			fputs("<a href=\"", out);
			esc(out, url);
			fputs("\" rel=\"noopener noreferrer nofollow\">", out);
			esc(out, f->record->source);
			fputs("</a>", out);
		} else if (f->record) {
			esc(out, f->record->source);
		} else {
			esc(out, f->reason ? f->reason : f->message);
		}
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table></details>\n", out);
}

/* "1 discrepancy, 2 ok" for one document. */
static void doc_counts(FILE *out, const fc_report_doc *rd)
{
	size_t c[FC_VERDICT_COUNT] = {0};
	bool any = false;

	for (size_t i = 0; i < rd->n_findings; i++)
		c[rd->findings[i].verdict]++;
	for (int v = FC_VERDICT_COUNT - 1; v >= 0; v--) {
		if (!c[v])
			continue;
		fprintf(out, "%s<span class=\"v-%s\">%zu %s</span>",
			any ? ", " : "", fc_verdict_name((fc_verdict)v), c[v],
			fc_verdict_name((fc_verdict)v));
		any = true;
	}
	if (!any)
		fputs("no claims found", out);
}

static fc_status html_report(void *p, const fc_report *rep, FILE *out,
			     fc_error *err)
{
	const state *st = p;
	size_t highlighted[FC_VERDICT_COUNT] = {0}, n_err = rep->n_errors;
	char counts[512];

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" "
	      "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	      "img-src data:; base-uri 'none'; form-action 'none'\">\n"
	      "<meta name=\"referrer\" content=\"no-referrer\">\n"
	      "<meta name=\"generator\" content=\"",
	      out);
	esc(out, rep->tool_name);
	fputs(" ", out);
	esc(out, rep->tool_version);
	fputs("\">\n<title>", out);
	esc(out, st->title);
	fputs(": ", out);
	esc(out, ru_counts(rep, counts, sizeof(counts)));
	/* The style of the run's warnings, only when there are some. */
	fprintf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", css,
		rep->n_warnings ? ".warning{border-left:4px solid var(--old);"
				  "background:var(--oldb);padding:.4rem .7rem;"
				  "margin:.6rem 0}\n"
				: "");

	/* The summary. */
	fputs("<header id=\"summary\">\n<h1>", out);
	esc(out, st->title);
	fprintf(out, "</h1>\n<p class=\"lead\"><span class=\"status %s\">%s"
		     "</span> %zu claim%s in %zu document%s; the run fails on ",
		rep->failed || n_err ? "fail" : "pass",
		rep->failed ? "Figures to fix." : n_err ? "Some drafts could "
							 "not be read."
							: "Nothing to fix.",
		ru_total(rep), ru_total(rep) == 1 ? "" : "s", rep->n_docs,
		rep->n_docs == 1 ? "" : "s");
	if (rep->fail_on < FC_VERDICT_COUNT)
		fprintf(out, "<b>%s</b> and worse.</p>\n",
			fc_verdict_name(rep->fail_on));
	else
		fputs("nothing (--fail-on never).</p>\n", out);
	for (size_t w = 0; w < rep->n_warnings; w++) {
		fputs("<p class=\"warning\" role=\"alert\"><b>Warning:</b> ",
		      out);
		esc(out, rep->warnings[w]);
		fputs("</p>\n", out);
	}
	fputs("<ul class=\"counts\">", out);
	for (int v = FC_VERDICT_COUNT - 1; v >= 0; v--)
		if (rep->counts[v])
			fprintf(out,
				"<li class=\"v-%s\" data-verdict=\"%s\" "
				"data-count=\"%zu\">%zu %s</li>",
				fc_verdict_name((fc_verdict)v),
				fc_verdict_name((fc_verdict)v), rep->counts[v],
				rep->counts[v], fc_verdict_name((fc_verdict)v));
	fprintf(out,
		"</ul>\n<p class=\"coverage\" data-figures=\"%zu\" "
		"data-checked=\"%zu\" data-unchecked=\"%zu\" "
		"data-not-quantities=\"%zu\">",
		rep->coverage.figures, rep->coverage.checked,
		rep->coverage.unchecked, rep->coverage.not_quantities);
	esc(out, ru_coverage(&rep->coverage, counts, sizeof(counts)));
	fputs(rep->show_unchecked
		  ? ": the unchecked figures are shown greyed in the drafts."
		  : ".",
	      out);
	fputs("</p>\n", out);
	fputs("<p class=\"meta\">Hover over a highlighted figure, or "
	      "tap it, to see the record it was checked against.</p>\n",
	      out);
	if (rep->n_sources) {
		fputs("<details><summary>Reference sources</summary>"
		      "<ul class=\"sources\">",
		      out);
		for (size_t s = 0; s < rep->n_sources; s++) {
			const fc_source_info *si = &rep->sources[s];
			fputs("<li>", out);
			esc(out, si->name);
			if (si->ok)
				fprintf(out, ": %zu records", si->n_records);
			else {
				fputs(": <span class=\"error\">failed</span>: ",
				      out);
				esc(out, si->error);
			}
			fputs("</li>", out);
		}
		fputs("</ul></details>\n", out);
	}
	if (rep->n_docs > 1) {
		fputs("<nav><details><summary>Documents</summary><ol>", out);
		for (size_t d = 0; d < rep->n_docs; d++) {
			const fc_report_doc *rd = fc_report_doc_at(rep, d);
			fprintf(out, "<li><a href=\"#doc-%zu\">", d + 1);
			esc(out, rd->path);
			fputs("</a>: ", out);
			if (rd->error)
				fputs("<span class=\"error\">not read</span>",
				      out);
			else
				doc_counts(out, rd);
			fputs("</li>", out);
		}
		fputs("</ol></details></nav>\n", out);
	}
	fputs("</header>\n<main>\n", out);

	/* The drafts. */
	for (size_t d = 0; d < rep->n_docs; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		char date[11];

		fprintf(out, "<article class=\"doc\" id=\"doc-%zu\" data-path=\"",
			d + 1);
		esc(out, rd->path);
		fputs("\">\n<h2>", out);
		esc(out, rd->path);
		fputs("</h2>\n", out);
		if (rd->error || !rd->doc) {
			fputs("<p class=\"error\">", out);
			esc(out, rd->error ? rd->error : "not read");
			fputs("</p>\n</article>\n", out);
			continue;
		}
		fprintf(out, "<p class=\"meta\">As of %s (from %s): ",
			fc_date_format(rd->doc->date, date),
			fc_date_origin_label(rd->doc->date_origin));
		doc_counts(out, rd);
		fputs("</p>\n", out);
		draft(out, st, rep, rd, d + 1, highlighted);
		charts(out, st, rep, rd, d + 1);
		findings_table(out, st, rep, rd);
		fputs("</article>\n", out);
	}
	fputs("</main>\n<footer><p>Written by ", out);
	esc(out, rep->tool_name);
	fputs(" ", out);
	esc(out, rep->tool_version);
	fputs(". This page is self-contained: it loads nothing from the "
	      "network.</p></footer>\n</body>\n</html>\n",
	      out);
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "html", .version = "1.0.0",
		.description = "one self-contained page with each draft's "
			       "claims highlighted by verdict",
		.options = options, .init = html_init, .fini = html_fini,
		.reporter = {.report = html_report});
