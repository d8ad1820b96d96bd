/*
 * csv.c: the csv source. Dated records from comma-separated values
 * (RFC 4180: quoted fields, "" inside quotes, commas and line breaks
 * inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark),
 * mapped by configuration alone, the way the json source maps JSON (the
 * mapping both share is in ../source_common/mapping.h).
 *
 * The first row (after "skip_rows") is the header; columns are named by
 * it. Two layouts. Wide: a column per metric ("metrics": {"Killed":
 * "gaza.killed"}).
 * Long: one row per metric and date, the metric named in "metric_field"
 * and its figure in "value_field"; the key is "metric_template" with
 * {metric} replaced by the name ("gaza.{metric}"), or what "metrics" maps
 * the name to.
 *
 * Spaces and tabs around a quoted field are dropped (a common departure
 * from RFC 4180 in files written by hand), as are those around a plain
 * field's value.
 *
 * Figures may be written with a thousands separator ("9,770", quoted in
 * the file) and a decimal separator, both configurable. A row that cannot
 * be read (wrong number of fields, no readable date, a figure that is not
 * a number, a quote in the wrong place) is skipped; the skipped rows are
 * counted by cause and logged once per resource, naming it and the first
 * line of each kind. A header without a mapped column is an error of the
 * resource.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#include "../source_common/mapping.h"

/* Column indexes of the optional fields, -1 when not configured. */
typedef struct columns {
	long date, qualifier, precision, note, reported_by, url, name, value;
} columns;

typedef struct state {
	sm_mapping m; /* the options shared with the json source; the maps'
	                 and filters' index is the column's */
	char delimiter;
	char *thousands; /* "" for none */
	char decimal;
	long skip_rows;

	/* Per resource. */
	const fc_resource *res;
	columns col;
	size_t n_columns;
	sm_tally date_t;
	size_t bad_width, bad_quote, ignored;
	long first_width, first_quote;
	size_t width_seen;
} state;

static const sm_words words = {"csv", "column", "row"};

static const fc_option options[] = {
    {"date_field", FC_OPT_STRING, false, "\"date\"",
     "the column that holds each row's date"},
    {"date_format", FC_OPT_STRING, false, NULL,
     "how the date is written: %Y %m %d %b, e.g. \"%d/%m/%Y\"; default "
     "ISO 8601"},
    {"metrics", FC_OPT_ANY, false, NULL,
     "wide layout: column -> metric key ({\"Killed\": \"gaza.killed\"}); "
     "long layout: the metric names accepted (a list, keyed through "
     "metric_template), or name -> metric key"},
    {"metric_field", FC_OPT_STRING, false, NULL,
     "long layout: the column that names each row's metric"},
    {"value_field", FC_OPT_STRING, false, NULL,
     "long layout: the column that holds each row's figure"},
    {"metric_template", FC_OPT_STRING, false, "\"{metric}\"",
     "the metric key made from a name: {metric} stands for it, e.g. "
     "\"gaza.{metric}\""},
    {"optional", FC_OPT_STRING_ARRAY, false, "[]",
     "mapped columns that rows may leave empty without a warning"},
    {"filter", FC_OPT_OBJECT, false, NULL,
     "column -> accepted values (a string or an array of strings); other "
     "rows are ignored"},
    {"delimiter", FC_OPT_STRING, false, "\",\"",
     "the field separator: one character, such as \",\", \";\" or "
     "\"\\t\""},
    {"thousands_separator", FC_OPT_STRING, false, "\",\"",
     "the digit group separator in figures (\"9,770\"); \"\" for none"},
    {"decimal_separator", FC_OPT_STRING, false, "\".\"",
     "the decimal separator in figures: \".\" or \",\""},
    {"skip_rows", FC_OPT_INTEGER, false, "0",
     "rows to skip before the header (a title, a notice)"},
    {"qualifier_field", FC_OPT_STRING, false, NULL,
     "column holding the qualifier the figure was published with "
     "(more_than, about, ...)"},
    {"precision_field", FC_OPT_STRING, false, NULL,
     "column holding the published figure's precision"},
    {"note_field", FC_OPT_STRING, false, NULL, "column holding a note"},
    {"reported_by_field", FC_OPT_STRING, false, NULL,
     "column naming who published the figure"},
    {"url_field", FC_OPT_STRING, false, NULL,
     "column holding the row's own URL"},
    {NULL, 0, false, NULL, NULL}};

/* Frees the instance `p` and all it owns; NULL is allowed. */
static void state_free(void *p)
{
	state *st = p;

	if (!st)
		return;
	sm_free(&st->m);
	free(st->thousands);
	free(st);
}

/* A one-character option ("," or "\t"); 0 when it is not one. */
static char one_char(const char *s)
{
	return s && s[0] && !s[1] && (unsigned char)s[0] < 0x80 ? s[0] : 0;
}

/* Makes an instance from the options; on success *out owns it (freed by
 * state_free), else `err` says why. */
static fc_status csv_init(const fc_host *h, fc_plugin_ctx *ctx,
                          const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *v;
	char path[256];
	fc_status rc;
	double skip;

	*out = NULL;
	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	if ((rc = sm_read_options(&st->m, h, ctx, &words, opts, err)) != FC_OK)
		goto fail;
	if (!sm_opt_str(h, opts, "thousands_separator", &st->thousands) ||
	    (!st->thousands && !(st->thousands = sm_dup(","))) ||
	    (!st->m.date_field && !(st->m.date_field = sm_dup("date")))) {
		rc = h->error(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	rc = FC_ERR_CONFIG;
	v = h->opt(opts, "delimiter");
	st->delimiter = v ? one_char(h->value_string(v)) : ',';
	if (!st->delimiter || st->delimiter == '"' || st->delimiter == '\n' ||
	    st->delimiter == '\r') {
		h->error(err, rc,
		         "%s: expected one character other than a quote or a "
		         "line break, such as \",\", \";\" or \"\\t\"",
		         h->value_path(ctx, v, path, sizeof(path)));
		goto fail;
	}
	v = h->opt(opts, "decimal_separator");
	st->decimal = v ? one_char(h->value_string(v)) : '.';
	if (st->decimal != '.' && st->decimal != ',') {
		h->error(err, rc, "%s: expected \".\" or \",\"",
		         h->value_path(ctx, v, path, sizeof(path)));
		goto fail;
	}
	if (strlen(st->thousands) > 4 || strchr(st->thousands, st->decimal) ||
	    strpbrk(st->thousands, "0123456789+-")) {
		h->error(
		    err, rc,
		    "%s: expected a short separator that is not the decimal "
		    "separator, such as \",\", \".\", \" \" or \"\"",
		    h->value_path(ctx, h->opt(opts, "thousands_separator"),
		                  path, sizeof(path)));
		goto fail;
	}
	skip = h->value_number(h->opt(opts, "skip_rows"));
	if (!isnan(skip) && (skip < 0 || skip > 1000)) {
		h->error(err, rc, "%s: expected 0 to 1000",
		         h->value_path(ctx, h->opt(opts, "skip_rows"), path,
		                       sizeof(path)));
		goto fail;
	}
	st->skip_rows = isnan(skip) ? 0 : (long)skip;
	if ((rc = sm_configure(&st->m, opts, err)) != FC_OK)
		goto fail;
	*out = st;
	return FC_OK;
fail:
	state_free(st);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading cells. */

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims spaces and tabs at both ends, in place. */
static char *trim(char *s)
{
	size_t n = strlen(s);

	while (n && is_space(s[n - 1]))
		s[--n] = 0;
	while (is_space(*s))
		s++;
	return s;
}

/*
 * Reads a figure written with the configured separators: an optional
 * sign, digits (grouped by threes with the thousands separator, if it
 * is used at all), an optional decimal part. Returns 1 with the value in
 * *out, 0 for an empty cell, -1 for anything else.
 */
static int parse_figure(const state *st, const char *cell, double *out)
{
	const char *p = cell, *end = cell + strlen(cell);
	size_t tl = strlen(st->thousands), o = 0, group = 0;
	bool grouped = false, digits = false;
	char clean[64];
	char *stop;

	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end)
		return 0;
	if (*p == '+' || *p == '-')
		clean[o++] = *p++;
	while (p < end && o < sizeof(clean) - 2) {
		if (*p >= '0' && *p <= '9') {
			clean[o++] = *p++;
			group++;
			digits = true;
		} else if (tl && (size_t)(end - p) > tl &&
		           memcmp(p, st->thousands, tl) == 0 && group > 0) {
			if (grouped ? group != 3 : group > 3)
				return -1;
			grouped = true;
			group = 0;
			p += tl;
		} else {
			break;
		}
	}
	if (!digits || (grouped && group != 3))
		return -1;
	if (p < end && *p == st->decimal) {
		bool frac = false;
		clean[o++] = '.';
		p++;
		while (p < end && *p >= '0' && *p <= '9' &&
		       o < sizeof(clean) - 1) {
			clean[o++] = *p++;
			frac = true;
		}
		if (!frac)
			return -1;
	}
	if (p != end || o >= sizeof(clean) - 1)
		return -1;
	clean[o] = 0;
	*out = strtod(clean, &stop);
	return *stop == 0 && isfinite(*out) ? 1 : -1;
}

/* ------------------------------------------------------------------ */
/* Rows. */

/* One row as parsed: its fields' texts, NUL-terminated, in `buf`. */
typedef struct row {
	char *buf;
	size_t len, cap;
	size_t *offs; /* where each field starts in buf */
	size_t n, cap_offs;
	long line; /* the line the row starts on */
	bool bad_quote;
	bool quoted; /* some field was quoted */
} row;

static bool row_putc(row *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 256;
		char *b = realloc(r->buf, cap);
		if (!b)
			return false;
		r->buf = b;
		r->cap = cap;
	}
	r->buf[r->len++] = c;
	return true;
}

/* Ends the field in progress (which started at offs[n]). */
static bool row_end_field(row *r)
{
	if (r->n + 2 > r->cap_offs) {
		size_t cap = r->cap_offs ? 2 * r->cap_offs : 32;
		size_t *o = realloc(r->offs, cap * sizeof(*o));
		if (!o)
			return false;
		r->offs = o;
		r->cap_offs = cap;
	}
	if (!row_putc(r, 0))
		return false;
	r->n++;
	r->offs[r->n] = r->len;
	return true;
}

static void row_reset(row *r, long line)
{
	r->len = 0;
	r->n = 0;
	if (r->offs)
		r->offs[0] = 0;
	r->line = line;
	r->bad_quote = false;
	r->quoted = false;
}

/* True while the field in progress holds only spaces and tabs. */
static bool blank_field(const row *r)
{
	for (size_t k = r->offs[r->n]; k < r->len; k++)
		if (r->buf[k] != ' ' && r->buf[k] != '\t')
			return false;
	return true;
}

static char *cell(const row *r, long i)
{
	return i >= 0 && (size_t)i < r->n ? r->buf + r->offs[i] : NULL;
}

/* Column `name` in the header row, or -1. When it is named twice, sets
 * *other to the second one. */
static long find_column(const row *hdr, const char *name, long *other)
{
	long found = -1;

	for (size_t i = 0; i < hdr->n; i++) {
		if (strcmp(hdr->buf + hdr->offs[i], name) != 0)
			continue;
		if (found >= 0) {
			*other = (long)i;
			break;
		}
		found = (long)i;
	}
	return found;
}

/* Resolves a configured column name to its index; fills err when it is
 * required and absent, or named twice. */
static fc_status need_column(state *st, const row *hdr, const char *name,
                             bool required, long *index, fc_error *err)
{
	const fc_host *h = st->m.host;
	const char *b = st->res->body;
	long other = -1;
	char list[200], hint[80] = "";
	size_t o = 0;

	*index = -1;
	if (!name)
		return FC_OK;
	*index = find_column(hdr, name, &other);
	if (other >= 0)
		return h->error(err, FC_ERR_PARSE,
		                "%s:%ld: the header names column \"%s\" twice "
		                "(columns %ld and %ld); rename one",
		                st->res->url, hdr->line, name, *index + 1,
		                other + 1);
	if (*index >= 0 || !required)
		return FC_OK;
	list[0] = 0;
	for (size_t i = 0; i < hdr->n && o + 4 < sizeof(list); i++) {
		const char *name_i = hdr->buf + hdr->offs[i];
		size_t len = strlen(name_i);
		char one[60];
		sm_printable(name_i, len < 40 ? len : 40, one, sizeof(one));
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s\"%s\"",
		                      i ? ", " : "", one);
	}
	while (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t')
		b++;
	if (*b == '<')
		snprintf(hint, sizeof(hint),
		         "; the body is an HTML page, not CSV");
	else if (*b == '{' || *b == '[')
		snprintf(hint, sizeof(hint),
		         "; the body looks like JSON, not CSV");
	return h->error(err, FC_ERR_PARSE,
	                "%s:%ld: no column \"%s\" in the header (it has %s)%s",
	                st->res->url, hdr->line, name, list, hint);
}

static fc_status read_header(state *st, row *hdr, fc_error *err)
{
	const sm_mapping *m = &st->m;
	columns *c = &st->col;
	fc_status rc;

	for (size_t i = 0; i < hdr->n; i++) {
		/* Names are trimmed, in place. */
		char *s = hdr->buf + hdr->offs[i], *t = trim(s);
		if (t != s)
			memmove(s, t, strlen(t) + 1);
	}
	st->n_columns = hdr->n;
	if ((rc = need_column(st, hdr, m->date_field, true, &c->date, err)) ||
	    (rc = need_column(st, hdr, m->qualifier_field, true, &c->qualifier,
	                      err)) ||
	    (rc = need_column(st, hdr, m->precision_field, true, &c->precision,
	                      err)) ||
	    (rc = need_column(st, hdr, m->note_field, true, &c->note, err)) ||
	    (rc = need_column(st, hdr, m->reported_by_field, true,
	                      &c->reported_by, err)) ||
	    (rc = need_column(st, hdr, m->url_field, true, &c->url, err)) ||
	    (rc = need_column(st, hdr, m->metric_field, true, &c->name, err)) ||
	    (rc = need_column(st, hdr, m->value_field, true, &c->value, err)))
		return rc;
	for (size_t i = 0; i < m->n_filters; i++)
		if ((rc = need_column(st, hdr, m->filters[i].name, true,
		                      &m->filters[i].index, err)))
			return rc;
	for (size_t i = 0; !m->metric_field && i < m->n_maps; i++)
		if ((rc = need_column(st, hdr, m->maps[i].name,
		                      !m->maps[i].optional, &m->maps[i].index,
		                      err)))
			return rc;
	return FC_OK;
}

/* Adds the record for `metric` from cell `v` (NULL: no such cell), or
 * counts in `t` why there is none: the cell empty (unless `optional`) or
 * not a figure. Returns what sm_add does, or FC_OK. */
static fc_status take(state *st, fc_record *r, const char *metric,
                      const char *v, bool optional, sm_tally *t, double prec,
                      long line, fc_record_sink *sink)
{
	double value;
	int k = parse_figure(st, v ? v : "", &value);

	if (k == 1)
		return sm_add(&st->m, r, metric, value, prec, line, sink);
	if (k == 0 && !optional)
		sm_count(&t->missing, &t->first_missing, line);
	else if (k < 0)
		sm_count_wrong(t, line, v);
	return FC_OK;
}

/* Reads one data row into records. Returns FC_OK or FC_ERR_NOMEM; skips
 * (and counts) what it cannot read. */
static fc_status read_row(state *st, row *r, fc_record_sink *sink)
{
	sm_mapping *m = &st->m;
	const fc_host *h = m->host;
	const columns *c = &st->col;
	fc_record rec;
	char *d, *s;
	double prec = -1;

	if (r->bad_quote) {
		sm_count(&st->bad_quote, &st->first_quote, r->line);
		return FC_OK;
	}
	if (r->n != st->n_columns) {
		bool extra_empty = r->n > st->n_columns;
		for (size_t i = st->n_columns; extra_empty && i < r->n; i++)
			if (*trim(cell(r, (long)i)))
				extra_empty = false;
		if (!extra_empty) {
			if (st->bad_width++ == 0) {
				st->first_width = r->line;
				st->width_seen = r->n;
			}
			return FC_OK;
		}
	}
	for (size_t i = 0; i < r->n; i++) {
		char *a = r->buf + r->offs[i], *t = trim(a);
		if (t != a)
			memmove(a, t, strlen(t) + 1);
	}
	for (size_t i = 0; i < m->n_filters; i++)
		if (!sm_filter_accepts(&m->filters[i],
		                       cell(r, m->filters[i].index)))
			return FC_OK;
	memset(&rec, 0, sizeof(rec));
	d = cell(r, c->date);
	rec.date = d && d[0] ? h->date_parse(d, strlen(d), m->date_format)
	                     : FC_DATE_NONE;
	if (rec.date == FC_DATE_NONE) {
		if (!d || !d[0])
			sm_count(&st->date_t.missing, &st->date_t.first_missing,
			         r->line);
		else
			sm_count_wrong(&st->date_t, r->line, d);
		return FC_OK;
	}
	if ((s = cell(r, c->qualifier)))
		rec.qualifier = sm_qualifier(s);
	if ((s = cell(r, c->precision)) && parse_figure(st, s, &prec) != 1)
		prec = -1;
	if ((s = cell(r, c->note)) && s[0])
		rec.note = s;
	if ((s = cell(r, c->reported_by)) && s[0])
		rec.reported_by = s;
	if ((s = cell(r, c->url)) && s[0])
		rec.url = s;

	if (m->metric_field) {
		const char *name = cell(r, c->name), *metric;
		char *made;
		fc_status rc;

		if (!name || !name[0]) {
			sm_count(&m->name_t.missing, &m->name_t.first_missing,
			         r->line);
			return FC_OK;
		}
		if (sm_long_metric(m, name, &metric, &made) != FC_OK)
			return FC_ERR_NOMEM;
		if (!metric) {
			st->ignored++;
			return FC_OK;
		}
		rc = take(st, &rec, metric, cell(r, c->value),
		          m->value_optional, &m->value_t, prec, r->line, sink);
		free(made);
		return rc;
	}
	for (size_t i = 0; i < m->n_maps; i++) {
		sm_map *mm = &m->maps[i];

		if (take(st, &rec, mm->metric, cell(r, mm->index), mm->optional,
		         &mm->t, prec, r->line, sink) == FC_ERR_NOMEM)
			return FC_ERR_NOMEM;
	}
	return FC_OK;
}

/* Logs the counts of one column's problems; `loss` says what the rows
 * without a value cost. */
static void report_tally(const state *st, const char *column, const char *loss,
                         const sm_tally *t)
{
	const char *url = st->res->url;

	if (t->missing)
		st->m.host->log(
		    st->m.ctx, FC_LOG_WARNING,
		    "%s: %zu row%s no value in column \"%s\" (first: "
		    "line %ld): %s",
		    url, t->missing, t->missing == 1 ? " has" : "s have",
		    column, t->first_missing, loss);
	if (t->wrong_type)
		st->m.host->log(
		    st->m.ctx, FC_LOG_WARNING,
		    "%s: %zu row%s a value in column \"%s\" that cannot "
		    "be read (first: line %ld, \"%s\"); skipped",
		    url, t->wrong_type, t->wrong_type == 1 ? " has" : "s have",
		    column, t->first_wrong, t->example);
}

/* Logs what could not be read in the resource, counted by cause. */
static void report(const state *st)
{
	const sm_mapping *m = &st->m;
	const fc_host *h = m->host;
	const char *url = st->res->url;

	if (st->bad_quote)
		h->log(m->ctx, FC_LOG_WARNING,
		       "%s: %zu row%s skipped: text after a closing quote "
		       "(first: line %ld)",
		       url, st->bad_quote, st->bad_quote == 1 ? "" : "s",
		       st->first_quote);
	if (st->bad_width)
		h->log(
		    m->ctx, FC_LOG_WARNING,
		    "%s: %zu row%s skipped: not as many fields as the header's "
		    "%zu (first: line %ld, which has %zu)",
		    url, st->bad_width, st->bad_width == 1 ? "" : "s",
		    st->n_columns, st->first_width, st->width_seen);
	report_tally(st, m->date_field, "skipped", &st->date_t);
	if (m->metric_field) {
		report_tally(st, m->metric_field, "skipped", &m->name_t);
		report_tally(st, m->value_field,
		             "skipped (list the column in \"optional\" if that "
		             "is expected)",
		             &m->value_t);
	}
	for (size_t i = 0; !m->metric_field && i < m->n_maps; i++) {
		char loss[300];
		snprintf(loss, sizeof(loss),
		         "no %s for those dates (list the column in "
		         "\"optional\" if that is expected)",
		         m->maps[i].metric);
		report_tally(st, m->maps[i].name, loss, &m->maps[i].t);
	}
	sm_report_bad_keys(m, url, m->bad_keys == 1 ? "row" : "rows", "line");
}

/* Ends a row: the header, a row to skip, or data. */
static fc_status end_row(state *st, row *r, long *rows, bool *have_header,
                         fc_record_sink *sink, fc_error *err)
{
	/* A blank line is no row. */
	if (r->n == 1 && !r->quoted && r->buf[0] == 0)
		return FC_OK;
	if ((*rows)++ < st->skip_rows)
		return FC_OK;
	if (!*have_header) {
		*have_header = true;
		return read_header(st, r, err);
	}
	return read_row(st, r, sink);
}

static fc_status csv_parse(void *p, const fc_resource *res,
                           fc_record_sink *sink, fc_error *err)
{
	enum { START, PLAIN, QUOTED, QUOTE } mode = START;
	state *st = p;
	const fc_host *h = st->m.host;
	const char *s = res->body, *nul;
	size_t len = res->len, i = 0;
	long line = 1, rows = 0;
	bool have_header = false;
	row r;
	fc_status rc = FC_OK;

	memset(&r, 0, sizeof(r));
	st->res = res;
	memset(&st->col, 0, sizeof(st->col));
	st->n_columns = 0;
	sm_reset(&st->m);
	sm_reset_tally(&st->date_t);
	st->bad_width = st->bad_quote = st->ignored = 0;
	st->first_width = st->first_quote = -1;

	if ((nul = memchr(s, 0, len)))
		return h->error(
		    err, FC_ERR_PARSE,
		    "%s: not CSV text: it holds a NUL byte (at byte "
		    "%zu)",
		    res->url, (size_t)(nul - s));
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (!row_end_field(&r)) /* allocates offs; undone just below */
		goto nomem;
	row_reset(&r, 1);
	for (; i < len && rc == FC_OK; i++) {
		char c = s[i];
		bool eol = c == '\n' || c == '\r';

		if (eol && c == '\r' && i + 1 < len && s[i + 1] == '\n' &&
		    mode != QUOTED)
			i++; /* CRLF: one line end */
		switch (mode) {
		case START:
		case PLAIN:
		case QUOTE:
			if (c == '"' && mode != QUOTE && blank_field(&r)) {
				/* Spaces before an opening quote are dropped.
				 */
				r.len = r.offs[r.n];
				mode = QUOTED;
				r.quoted = true;
			} else if (mode == QUOTE && (c == ' ' || c == '\t') &&
			           c != st->delimiter) {
				/* ... and spaces after a closing one. */
			} else if (c == st->delimiter) {
				if (!row_end_field(&r))
					goto nomem;
				mode = START;
			} else if (eol) {
				line++;
				if (!row_end_field(&r))
					goto nomem;
				rc = end_row(st, &r, &rows, &have_header, sink,
				             err);
				row_reset(&r, line);
				mode = START;
			} else {
				if (mode == QUOTE)
					r.bad_quote = true; /* "ab"c */
				if (!row_putc(&r, c))
					goto nomem;
				mode = mode == QUOTE ? QUOTE : PLAIN;
			}
			break;
		case QUOTED:
			if (c == '"') {
				if (i + 1 < len && s[i + 1] == '"') {
					if (!row_putc(&r, '"'))
						goto nomem;
					i++;
				} else {
					mode = QUOTE;
				}
			} else {
				if (c == '\n')
					line++;
				if (!row_putc(&r, c))
					goto nomem;
			}
			break;
		}
	}
	if (rc == FC_OK && mode == QUOTED) {
		h->log(
		    st->m.ctx, FC_LOG_WARNING,
		    "%s:%ld: a quoted field is never closed; the rest of the "
		    "text, from line %ld, was skipped",
		    res->url, r.line, r.line);
	} else if (rc == FC_OK && (r.len > 0 || r.n > 0 || mode != START)) {
		/* The last row, without a line end. */
		if (!row_end_field(&r))
			goto nomem;
		rc = end_row(st, &r, &rows, &have_header, sink, err);
	}
	free(r.buf);
	free(r.offs);
	if (rc == FC_ERR_NOMEM)
		return h->error(err, rc, "out of memory");
	if (rc != FC_OK)
		return rc;
	if (!have_header)
		return h->error(
		    err, FC_ERR_PARSE, "%s: no header row: the text is empty%s",
		    res->url, st->skip_rows ? " after \"skip_rows\"" : "");
	report(st);
	return FC_OK;
nomem:
	free(r.buf);
	free(r.offs);
	return h->error(err, FC_ERR_NOMEM, "out of memory");
}

/* The metric keys the instance gives, owned by it. */
static const char *const *csv_metrics(void *p)
{
	return (const char *const *)((state *)p)->m.metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "csv", .version = "1.0.0",
                .description = "dated records from CSV (RFC 4180), mapped by "
                               "configuration",
                .options = options, .init = csv_init, .fini = state_free,
                .source = {.parse = csv_parse, .metrics = csv_metrics});
