/*
 * csv.c: the csv source. Dated records from comma-separated values
 * (RFC 4180: quoted fields, "" inside quotes, commas and line breaks
 * inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark),
 * mapped by configuration alone, the way the json source maps JSON (the
 * mapping both share is in ../source_common/mapping.h).
 *
 * The first row (after "skip_rows") is the header; columns are named by
 * it. Two layouts. Wide: a column per metric ("metrics": {"Killed":
 * "gaza.killed"}), several columns for one metric (renamed over time:
 * the first with a value wins), or a sum of columns ("sum"). Long: one
 * figure per row, in "value_field", its key made by "metric_template"
 * from the row's columns ("{Country Code|lower}.population"), with
 * {metric} standing for the name in "metric_field" when there is one.
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
 * line of each kind. A header without a mapped column, and a resource
 * that gives no record, are errors of the resource.
 *
 * Memory: rows are read one at a time into one reused buffer, and each
 * record goes straight to the core's compact store.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#include "../source_common/mapping.h"

typedef struct state {
	sm_mapping m; /* the options shared with the json source; a field's
	                 index is its column's */
	char delimiter;
	char *thousands; /* "" for none */
	char decimal;
	long skip_rows;

	/* Per resource. */
	const fc_resource *res;
	size_t n_columns;
	size_t rows; /* data rows read */
	size_t bad_width, bad_quote;
	long first_width, first_quote;
	size_t width_seen;
} state;

static const sm_words words = {"csv", "column", "row"};

static const fc_option options[] = {
    SM_OPTIONS("column", "row", ""),
    {"delimiter", FC_OPT_STRING, false, "\",\"",
     "the field separator: one character, such as \",\", \";\" or "
     "\"\\t\""},
    {"thousands_separator", FC_OPT_STRING, false, "\",\"",
     "the digit group separator in figures (\"9,770\"); \"\" for none"},
    {"decimal_separator", FC_OPT_STRING, false, "\".\"",
     "the decimal separator in figures: \".\" or \",\""},
    {"skip_rows", FC_OPT_INTEGER, false, "0",
     "rows to skip before the header (a title, a notice)"},
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
	if (!sm_opt_str(h, opts, "thousands_separator", &st->thousands) ||
	    (!st->thousands && !(st->thousands = sm_dup(",")))) {
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
	if ((rc = sm_configure(&st->m, h, ctx, &words, opts, "date", err)) !=
	    FC_OK)
		goto fail;
	*out = st;
	return FC_OK;
fail:
	state_free(st);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading cells. */

/* Trims spaces and tabs at both ends, in place. */
static char *trim(char *s)
{
	size_t n = strlen(s);

	while (n && fc_is_blank(s[n - 1]))
		s[--n] = 0;
	while (fc_is_blank(*s))
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

	while (p < end && fc_is_blank(*p))
		p++;
	while (end > p && fc_is_blank(end[-1]))
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

/* Finds the column of every field the mapping reads; a required one
 * that is missing, a metric none of whose columns is there (unless it is
 * optional), or a column named twice, is an error. */
static fc_status read_header(state *st, row *hdr, fc_error *err)
{
	sm_mapping *m = &st->m;
	fc_status rc;

	for (size_t i = 0; i < hdr->n; i++) {
		/* Names are trimmed, in place. */
		char *s = hdr->buf + hdr->offs[i], *t = trim(s);
		if (t != s)
			memmove(s, t, strlen(t) + 1);
	}
	st->n_columns = hdr->n;
	for (size_t i = 0; i < m->n_fields; i++)
		if ((rc = need_column(st, hdr, m->fields[i].name,
		                      m->fields[i].required,
		                      &m->fields[i].index, err)))
			return rc;
	for (size_t i = 0; m->value_field < 0 && i < m->n_maps; i++) {
		const sm_map *mm = &m->maps[i];
		bool any = false;
		long k;

		for (size_t a = 0; a < mm->n_alts && !any; a++) {
			bool all = true;
			for (size_t f = 0; f < mm->alts[a].n; f++)
				if (m->fields[mm->alts[a].fields[f]].index < 0)
					all = false;
			any = all;
		}
		if (any || mm->optional)
			continue;
		/* The first field that is missing, in the usual words. */
		for (size_t a = 0; a < mm->n_alts; a++)
			for (size_t f = 0; f < mm->alts[a].n; f++) {
				const sm_field *fl =
				    &m->fields[mm->alts[a].fields[f]];
				if (fl->index < 0)
					return need_column(st, hdr, fl->name,
					                   true, &k, err);
			}
	}
	return FC_OK;
}

/* sm_ops: a cell's text (trimmed), or NULL when the row has no such
 * column. */
static const char *cell_text(void *src, const void *item, const sm_field *f,
                             char *buf, size_t size)
{
	(void)src;
	(void)buf;
	(void)size;
	return cell(item, f->index);
}

/* sm_ops: a cell's figure, written with the configured separators. */
static int cell_figure(void *src, const void *item, const sm_field *f,
                       double *out)
{
	const char *c = cell(item, f->index);

	return parse_figure(src, c ? c : "", out);
}

/* sm_ops: a row is found by its line. */
static void cell_where(void *src, long line, char *buf, size_t size)
{
	(void)src;
	snprintf(buf, size, "line %ld", line);
}

static const sm_ops ops = {cell_text, cell_figure, cell_where};

/* Reads one data row into records. Returns FC_OK or the core's
 * FC_ERR_NOMEM or FC_ERR_LIMIT; skips (and counts) what it cannot
 * read. */
static fc_status read_row(state *st, row *r, fc_record_sink *sink)
{
	st->rows++;
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
	return sm_item(&st->m, &ops, st, r, NULL, r->line, sink);
}

/* Logs what could not be read in the resource, counted by cause. */
static void report(state *st)
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
	sm_report(m, &ops, st, url);
}

/* When the resource gave no record: why, in `err`. */
static fc_status check_some(state *st, fc_error *err)
{
	const sm_mapping *m = &st->m;

	if (m->added == 0 && st->rows > 0 && m->items == 0)
		return m->host->error(
		    err, FC_ERR_PARSE,
		    "%s: no records: all %zu rows were skipped (%s); check "
		    "\"delimiter\" and the quoting",
		    st->res->url, st->rows,
		    st->bad_width ? "not as many fields as the header's"
		                  : "text after a closing quote");
	return sm_check_some(m, &ops, st, st->res->url, err);
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
	st->n_columns = 0;
	sm_reset(&st->m);
	st->rows = st->bad_width = st->bad_quote = 0;
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
	if (rc == FC_ERR_NOMEM || rc == FC_ERR_LIMIT)
		return h->error(err, rc, "%s: %s", res->url,
		                rc == FC_ERR_NOMEM
		                    ? "out of memory"
		                    : "too many records or strings");
	if (rc != FC_OK)
		return rc;
	if (!have_header)
		return h->error(
		    err, FC_ERR_PARSE, "%s: no header row: the text is empty%s",
		    res->url, st->skip_rows ? " after \"skip_rows\"" : "");
	report(st);
	return check_some(st, err);
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

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "csv", .version = "1.1.0",
                .description = "dated records from CSV (RFC 4180), mapped by "
                               "configuration",
                .options = options, .init = csv_init, .fini = state_free,
                .source = {.parse = csv_parse, .metrics = csv_metrics});
