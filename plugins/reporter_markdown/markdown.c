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
	if ((rc = ru_verdicts(h, ctx, opts, RU_PROBLEMS, st->want, err)) ||
	    (rc = ru_max_rows(h, ctx, opts, &st->max_rows, err))) {
		free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

static fc_status md_report(void *p, const fc_report *rep, FILE *out,
			   fc_error *err)
{
	const state *st = p;

	mds_write(out, rep, st->want, st->max_rows, st->show_ok);
	return ru_written(st->host, out, err);
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_REPORTER, .name = "markdown",
		.version = "1.0.0",
		.description = "a Markdown summary table for a pull-request "
			       "comment",
		.options = options, .init = md_init, .fini = free,
		.reporter = {.report = md_report});
