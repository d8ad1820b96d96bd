/*
 * markdown.c: the markdown reporter. A summary for a pull-request comment:
 * a headline with the counts, a table of the claims to look at (verdict,
 * claim, file:line:col, the record and its source, linked), the claims
 * that agree in a collapsed section, and what could not be read; then,
 * collapsed, a picture of each listed finding that compares with a
 * series (chart.h), embedded as an SVG image in a data: URI, which
 * renders where the host shows such images (VS Code's preview, GitLab,
 * most Markdown viewers; GitHub comments do not).
 * Everything from a draft is escaped (see md_summary.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/chart.h"
#include "../reporter_common/md_summary.h"

typedef struct state {
	const fc_host *host;
	bool want[FC_VERDICT_COUNT];
	size_t max_rows;
	bool show_ok;
	bool charts;
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts listed in the table (default: all but ok and unchecked)"},
    {"max_rows", FC_OPT_INTEGER, false, "100",
     "rows at most in each table (a comment holds 65,536 characters)"},
    {"show_ok", FC_OPT_BOOL, false, "true",
     "list the claims that agree, in a collapsed section"},
    {"charts", FC_OPT_BOOL, false, "true",
     "embed a chart of each listed finding that compares with a series"},
    {NULL, 0, false, NULL, NULL}};

/* Makes an instance from the options; on success *out owns it (one block,
 * freed with free), else `err` says why. */
static fc_status md_init(const fc_host *h, fc_plugin_ctx *ctx,
			 const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	fc_status rc;

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->show_ok = h->value_bool(h->opt(opts, "show_ok"));
	st->charts = h->value_bool(h->opt(opts, "charts"));
	if ((rc = ru_verdicts(h, ctx, opts, RU_PROBLEMS, st->want, err)) ||
	    (rc = ru_max_rows(h, ctx, opts, &st->max_rows, err))) {
		free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

/* Writes `len` bytes of `b` in base64. */
static void base64(FILE *out, const unsigned char *b, size_t len)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)b[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)b[i + 1] << 8;
		if (i + 2 < len)
			v |= b[i + 2];
		fputc(a[v >> 18 & 63], out);
		fputc(a[v >> 12 & 63], out);
		fputc(i + 1 < len ? a[v >> 6 & 63] : '=', out);
		fputc(i + 2 < len ? a[v & 63] : '=', out);
	}
}

/* The pictures of the listed findings (at most max_rows), collapsed. */
static void md_charts(FILE *out, const state *st, const fc_report *rep)
{
	size_t n = 0;

	for (size_t d = 0; d < rep->n_docs && n < st->max_rows; d++) {
		const fc_report_doc *rd = fc_report_doc_at(rep, d);
		for (size_t i = 0; i < rd->n_findings && n < st->max_rows; i++) {
			const fc_finding *f = &rd->findings[i];
			char *svg = NULL, id[64];
			size_t len = 0;
			FILE *m;
			if (!ru_shown(st->want, rep, f->verdict) ||
			    !rc_chart_has(f) || !(m = open_memstream(&svg, &len)))
				continue;
			snprintf(id, sizeof(id), "g%zu-%zu", d + 1, i + 1);
			rc_chart_svg(m, f, id);
			if (fclose(m) != 0 || !svg) {
				free(svg);
				continue;
			}
			if (n++ == 0)
				fputs("<details><summary>Charts: each finding "
				      "against its series</summary>\n\n",
				      out);
			fprintf(out, "%s `", mds_icon(f->verdict));
			mds_text(out, rd->path);
			fprintf(out, ":%u:%u` ", f->line, f->col);
			mds_text(out, f->text);
			fputs(": the series, the record in force (filled dot), "
			      "the claim (band)\n\n![chart](data:image/svg+xml;"
			      "base64,",
			      out);
			base64(out, (const unsigned char *)svg, len);
			fputs(")\n\n", out);
			free(svg);
		}
	}
	if (n)
		fputs("</details>\n", out);
}

static fc_status md_report(void *p, const fc_report *rep, FILE *out,
			   fc_error *err)
{
	const state *st = p;

	mds_write(out, rep, st->want, st->max_rows, st->show_ok);
	if (st->charts)
		md_charts(out, st, rep);
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "markdown",
		.version = "1.0.0",
		.description = "a Markdown summary table for a pull-request "
			       "comment",
		.options = options, .init = md_init, .fini = free,
		.reporter = {.report = md_report});
