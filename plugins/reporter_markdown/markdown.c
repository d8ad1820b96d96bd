/*
 * markdown.c: the markdown reporter. A summary for a pull-request comment:
 * a headline with the counts, a table of the claims to look at (verdict,
 * claim, file:line:col, the record and its source, linked), the claims
 * that agree in a collapsed section, and what could not be read.
 * Everything from a draft is escaped (see md_summary.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../reporter_common/md_summary.h"

typedef struct state {
	const fc_host *host;
	bool want[FC_VERDICT_COUNT];
	size_t max_rows;
	bool show_ok;
} state;

static const fc_option options[] = {
    {"verdicts", FC_OPT_STRING_ARRAY, false, NULL,
     "verdicts listed in the table (default: all but ok and unchecked)"},
    {"max_rows", FC_OPT_INTEGER, false, "100",
     "rows at most in each table (a comment holds 65,536 characters)"},
    {"show_ok", FC_OPT_BOOL, false, "true",
     "list the claims that agree, in a collapsed section"},
    {NULL, 0, false, NULL, NULL}};

static const bool default_want[FC_VERDICT_COUNT] = {
    [FC_VERDICT_UNVERIFIED] = true, [FC_VERDICT_UNDERSTATED] = true,
    [FC_VERDICT_OVERSTATED] = true, [FC_VERDICT_OUTDATED] = true,
    [FC_VERDICT_DISCREPANCY] = true};

static fc_status md_init(const fc_host *h, fc_plugin_ctx *ctx,
			 const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const char *bad = NULL;
	double rows = h->value_number(h->opt(opts, "max_rows"));
	char path[256];

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->show_ok = h->value_bool(h->opt(opts, "show_ok"));
	if (!ru_verdicts(h, h->opt(opts, "verdicts"), default_want, st->want,
			 &bad)) {
		free(st);
		return h->error(err, FC_ERR_CONFIG, "%s: \"%s\" is not a verdict",
				h->value_path(ctx, h->opt(opts, "verdicts"), path,
					      sizeof(path)),
				bad);
	}
	if (!(rows >= 1 && rows <= 100000)) {
		free(st);
		return h->error(err, FC_ERR_CONFIG,
				"%s: expected a number of rows from 1 to 100000",
				h->value_path(ctx, h->opt(opts, "max_rows"), path,
					      sizeof(path)));
	}
	st->max_rows = (size_t)rows;
	*out = st;
	return FC_OK;
}

static void md_fini(void *p)
{
	free(p);
}

static fc_status md_report(void *p, const fc_report *rep, FILE *out,
			   fc_error *err)
{
	const state *st = p;

	mds_write(out, rep, st->want, st->max_rows, st->show_ok);
	if (ferror(out))
		return st->host->error(err, FC_ERR_IO, "writing the report failed");
	return FC_OK;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "markdown",
		.version = "1.0.0",
		.description = "a Markdown summary table for a pull-request "
			       "comment",
		.options = options, .init = md_init, .fini = md_fini,
		.reporter = {.report = md_report});
