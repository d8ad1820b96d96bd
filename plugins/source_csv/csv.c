/*
 * csv.c: the csv source. Dated records from comma-separated values
 * (RFC 4180: quoted fields, "" inside quotes, commas and line breaks
 * inside quotes, CRLF or LF line ends, an optional UTF-8 byte order mark),
 * mapped by configuration alone, the way the json source maps JSON.
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

/* What went wrong with one mapped column, counted over a resource. */
typedef struct tally {
	size_t missing, wrong_type;
	long first_missing, first_wrong; /* line numbers */
	char example[40];                /* the first unreadable cell */
} tally;

typedef struct metric_map {
	char *column; /* wide: the column; long: the metric's name */
	char *metric; /* the metric key */
	bool optional;
	long index; /* wide: the column's index in the header */
	tally t;
} metric_map;

typedef struct filter {
	char *column;
	char **values;
	size_t n_values;
	long index;
} filter;

/* Column indexes of the optional fields, -1 when not configured. */
typedef struct columns {
	long date, qualifier, precision, note, reported_by, url, name, value;
} columns;

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	char *date_field, *date_format;
	char *qualifier_field, *precision_field, *note_field,
	    *reported_by_field;
	char *url_field;
	char *metric_field, *value_field, *template;
	bool value_optional;
	char delimiter;
	char *thousands; /* "" for none */
	char decimal;
	long skip_rows;
	metric_map *maps;
	size_t n_maps;
	filter *filters;
	size_t n_filters;
	char **metric_list; /* NULL-terminated, for the core; or NULL */

	/* Per resource. */
	const fc_resource *res;
	columns col;
	size_t n_columns;
	tally name_t, value_t, date_t;
	size_t bad_width, bad_quote, bad_keys, ignored;
	long first_width, first_quote, first_key;
	size_t width_seen;
	char bad_key[96];
} state;

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

static char *dup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

static void state_free(void *p)
{
	state *st = p;

	if (!st)
		return;
	free(st->date_field);
	free(st->date_format);
	free(st->qualifier_field);
	free(st->precision_field);
	free(st->note_field);
	free(st->reported_by_field);
	free(st->url_field);
	free(st->metric_field);
	free(st->value_field);
	free(st->template);
	free(st->thousands);
	for (size_t i = 0; i < st->n_maps; i++) {
		free(st->maps[i].column);
		free(st->maps[i].metric);
	}
	free(st->maps);
	for (size_t i = 0; i < st->n_filters; i++) {
		free(st->filters[i].column);
		for (size_t k = 0; k < st->filters[i].n_values; k++)
			free(st->filters[i].values[k]);
		free(st->filters[i].values);
	}
	free(st->filters);
	if (st->metric_list) {
		if (st->n_maps == 0) /* the long layout's own wildcard */
			free(st->metric_list[0]);
		free(st->metric_list);
	}
	free(st);
}

static bool opt_str(const fc_host *h, const fc_value *opts, const char *key,
                    char **out)
{
	const char *s = h->value_string(h->opt(opts, key));

	*out = NULL;
	if (!s)
		return true;
	*out = dup(s);
	return *out != NULL;
}

/* The template with each {metric} replaced by `name`; caller frees. */
static char *expand(const char *template, const char *name)
{
	size_t nl = strlen(name), len = strlen(template);
	const char *p;
	char *out, *o;

	for (p = template; (p = strstr(p, "{metric}")); p += 8)
		len += nl;
	if (!(out = malloc(len + 1)))
		return NULL;
	o = out;
	for (p = template; *p;) {
		if (strncmp(p, "{metric}", 8) == 0) {
			memcpy(o, name, nl);
			o += nl;
			p += 8;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

static fc_status read_metrics(state *st, const fc_value *opts, fc_error *err)
{
	const fc_host *h = st->host;
	const fc_value *metrics = h->opt(opts, "metrics");
	const fc_value *optional = h->opt(opts, "optional");
	fc_value_type t = h->value_type(metrics);
	size_t n = h->value_count(metrics);
	bool is_list = t == FC_VALUE_ARRAY;
	char path[256];

	if (t != FC_VALUE_NONE && t != FC_VALUE_OBJECT && t != FC_VALUE_ARRAY)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object (column -> metric key) "
		    "or an array of names",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (t != FC_VALUE_NONE && n == 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: map at least one column to a metric key",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (is_list && !st->metric_field)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object, found an array (column -> "
		    "metric key; a list of names is for the long "
		    "layout, with \"metric_field\" and \"value_field\")",
		    h->value_path(st->ctx, metrics, path, sizeof(path)));
	if (n == 0)
		return FC_OK;
	if (!(st->maps = calloc(n, sizeof(*st->maps))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const fc_value *m = h->value_at(metrics, i);
		const char *v = h->value_string(m);
		metric_map *mm = &st->maps[i];

		if (!v || !v[0])
			return h->error(
			    err, FC_ERR_CONFIG, "%s: expected %s",
			    h->value_path(st->ctx, m, path, sizeof(path)),
			    is_list ? "a column or metric name"
			            : "a metric key such as "
			              "\"gaza.killed\"");
		mm->column = dup(is_list ? v : h->value_key(m));
		mm->metric = is_list ? expand(st->template, v) : dup(v);
		st->n_maps = i + 1;
		if (!mm->column || !mm->metric)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < h->value_count(optional); k++) {
			const char *f =
			    h->value_string(h->value_at(optional, k));
			if (f && strcmp(f, mm->column) == 0)
				mm->optional = true;
		}
	}
	return FC_OK;
}

static fc_status read_filters(state *st, const fc_value *filters, fc_error *err)
{
	const fc_host *h = st->host;
	size_t nf = h->value_count(filters);
	char path[256];

	if (!filters)
		return FC_OK;
	if (!(st->filters = calloc(nf + 1, sizeof(*st->filters))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < nf; i++) {
		const fc_value *f = h->value_at(filters, i);
		filter *fl = &st->filters[i];
		bool arr = h->value_type(f) == FC_VALUE_ARRAY;
		size_t nv = arr ? h->value_count(f) : 1;

		fl->column = dup(h->value_key(f));
		fl->values = calloc(nv + 1, sizeof(char *));
		st->n_filters = i + 1;
		if (!fl->column || !fl->values)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < nv; k++) {
			const fc_value *v = arr ? h->value_at(f, k) : f;
			const char *s = h->value_string(v);
			if (!s)
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: expected a string or an array "
				    "of strings",
				    h->value_path(st->ctx, v, path,
				                  sizeof(path)));
			if (!(fl->values[k] = dup(s)))
				return h->error(err, FC_ERR_NOMEM,
				                "out of memory");
			fl->n_values = k + 1;
		}
	}
	return FC_OK;
}

/* A one-character option ("," or "\t"); 0 when it is not one. */
static char one_char(const char *s)
{
	return s && s[0] && !s[1] && (unsigned char)s[0] < 0x80 ? s[0] : 0;
}

static fc_status csv_init(const fc_host *h, fc_plugin_ctx *ctx,
                          const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *optional = h->opt(opts, "optional");
	const fc_value *v;
	char path[256];
	fc_status rc;
	double skip;

	*out = NULL;
	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->ctx = ctx;
	if (!opt_str(h, opts, "date_field", &st->date_field) ||
	    !opt_str(h, opts, "date_format", &st->date_format) ||
	    !opt_str(h, opts, "qualifier_field", &st->qualifier_field) ||
	    !opt_str(h, opts, "precision_field", &st->precision_field) ||
	    !opt_str(h, opts, "note_field", &st->note_field) ||
	    !opt_str(h, opts, "reported_by_field", &st->reported_by_field) ||
	    !opt_str(h, opts, "url_field", &st->url_field) ||
	    !opt_str(h, opts, "metric_field", &st->metric_field) ||
	    !opt_str(h, opts, "value_field", &st->value_field) ||
	    !opt_str(h, opts, "metric_template", &st->template) ||
	    !opt_str(h, opts, "thousands_separator", &st->thousands)) {
		rc = h->error(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if ((!st->template && !(st->template = dup("{metric}"))) ||
	    (!st->thousands && !(st->thousands = dup(","))) ||
	    (!st->date_field && !(st->date_field = dup("date")))) {
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
	if (!strstr(st->template, "{metric}")) {
		h->error(
		    err, rc,
		    "%s: \"%s\" does not say where the metric's name goes; "
		    "write {metric} in it, e.g. \"gaza.{metric}\"",
		    h->value_path(ctx, h->opt(opts, "metric_template"), path,
		                  sizeof(path)),
		    st->template);
		goto fail;
	}
	if (!st->metric_field != !st->value_field) {
		h->error(err, rc,
		         "%s: the long layout needs both \"metric_field\" and "
		         "\"value_field\" (one row per metric and date)",
		         h->value_path(ctx, opts, path, sizeof(path)));
		goto fail;
	}
	if ((rc = read_metrics(st, opts, err)) != FC_OK)
		goto fail;
	if (!st->metric_field && st->n_maps == 0) {
		rc = h->error(err, FC_ERR_CONFIG,
		              "%s.metrics: missing; the csv plugin needs it "
		              "(column -> metric key), or \"metric_field\" and "
		              "\"value_field\" for rows of one metric each",
		              h->value_path(ctx, opts, path, sizeof(path)));
		goto fail;
	}
	if ((rc = read_filters(st, h->opt(opts, "filter"), err)) != FC_OK)
		goto fail;
	for (size_t k = 0; st->value_field && k < h->value_count(optional);
	     k++) {
		const char *f = h->value_string(h->value_at(optional, k));
		if (f && strcmp(f, st->value_field) == 0)
			st->value_optional = true;
	}
	if (st->n_maps) {
		if (!(st->metric_list =
		          calloc(st->n_maps + 1, sizeof(char *)))) {
			rc = h->error(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		for (size_t i = 0; i < st->n_maps; i++)
			st->metric_list[i] = st->maps[i].metric;
	} else {
		const char *at = strstr(st->template, "{metric}");
		if (strcmp(at, "{metric}") == 0 && at > st->template) {
			size_t n = (size_t)(at - st->template);
			if (!(st->metric_list = calloc(2, sizeof(char *))) ||
			    !(st->metric_list[0] = malloc(n + 2))) {
				rc = h->error(err, FC_ERR_NOMEM,
				              "out of memory");
				goto fail;
			}
			memcpy(st->metric_list[0], st->template, n);
			st->metric_list[0][n] = '*';
			st->metric_list[0][n + 1] = 0;
		}
	}
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

/* Copies up to `size - 1` bytes of `s` for a message, printable ASCII
 * only. */
static const char *printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; i < len && s[i] && o + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[o++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	buf[o] = 0;
	return buf;
}

static void count(size_t *n, long *first, long line)
{
	if ((*n)++ == 0)
		*first = line;
}

static void count_wrong(tally *t, long line, const char *cell)
{
	if (t->wrong_type++ == 0) {
		t->first_wrong = line;
		printable(cell, strlen(cell), t->example, sizeof(t->example));
	}
}

static void reset_tally(tally *t)
{
	memset(t, 0, sizeof(*t));
	t->first_missing = t->first_wrong = -1;
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
	const fc_host *h = st->host;
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
		char one[60];
		printable(hdr->buf + hdr->offs[i], 40, one, sizeof(one));
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
	columns *c = &st->col;
	fc_status rc;

	for (size_t i = 0; i < hdr->n; i++) {
		/* Names are trimmed, in place. */
		char *s = hdr->buf + hdr->offs[i], *t = trim(s);
		if (t != s)
			memmove(s, t, strlen(t) + 1);
	}
	st->n_columns = hdr->n;
	if ((rc = need_column(st, hdr, st->date_field, true, &c->date, err)) ||
	    (rc = need_column(st, hdr, st->qualifier_field, true, &c->qualifier,
	                      err)) ||
	    (rc = need_column(st, hdr, st->precision_field, true, &c->precision,
	                      err)) ||
	    (rc = need_column(st, hdr, st->note_field, true, &c->note, err)) ||
	    (rc = need_column(st, hdr, st->reported_by_field, true,
	                      &c->reported_by, err)) ||
	    (rc = need_column(st, hdr, st->url_field, true, &c->url, err)) ||
	    (rc =
	         need_column(st, hdr, st->metric_field, true, &c->name, err)) ||
	    (rc = need_column(st, hdr, st->value_field, true, &c->value, err)))
		return rc;
	for (size_t i = 0; i < st->n_filters; i++)
		if ((rc = need_column(st, hdr, st->filters[i].column, true,
		                      &st->filters[i].index, err)))
			return rc;
	for (size_t i = 0; !st->metric_field && i < st->n_maps; i++)
		if ((rc = need_column(st, hdr, st->maps[i].column,
		                      !st->maps[i].optional, &st->maps[i].index,
		                      err)))
			return rc;
	return FC_OK;
}

static const char *const qualifier_names[] = FC_QUALIFIER_NAMES;

/* The unit of the last non-zero digit of an integer value: 1200 -> 100. */
static double rounding_unit(double v)
{
	double unit = 1;

	v = fabs(v);
	if (v != floor(v) || v == 0 || v > 1e15)
		return 0;
	while (fmod(v, unit * 10) == 0)
		unit *= 10;
	return unit;
}

/* Adds one record; counts keys the core refuses. */
static fc_status add(state *st, fc_record *r, const char *metric, double value,
                     double precision, long line, fc_record_sink *sink)
{
	fc_status rc;

	r->metric = metric;
	r->value = value;
	r->precision = precision >= 0                 ? precision
	               : r->qualifier != FC_QUAL_NONE ? rounding_unit(value)
	                                              : 0;
	rc = st->host->record_add(sink, r);
	if (rc == FC_ERR_ARG) {
		if (st->bad_keys++ == 0) {
			st->first_key = line;
			printable(metric, strlen(metric), st->bad_key,
			          sizeof(st->bad_key));
		}
		rc = FC_OK;
	}
	return rc;
}

static fc_status read_row(state *st, row *r, fc_record_sink *sink)
{
	const fc_host *h = st->host;
	const columns *c = &st->col;
	fc_record rec;
	char *d, *s;
	double prec = -1;

	if (r->bad_quote) {
		count(&st->bad_quote, &st->first_quote, r->line);
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
	for (size_t i = 0; i < st->n_filters; i++) {
		const char *v = cell(r, st->filters[i].index);
		bool ok = false;
		for (size_t k = 0; v && k < st->filters[i].n_values; k++)
			ok = ok || strcmp(v, st->filters[i].values[k]) == 0;
		if (!ok)
			return FC_OK;
	}
	memset(&rec, 0, sizeof(rec));
	d = cell(r, c->date);
	rec.date = d && d[0] ? h->date_parse(d, strlen(d), st->date_format)
	                     : FC_DATE_NONE;
	if (rec.date == FC_DATE_NONE) {
		if (!d || !d[0])
			count(&st->date_t.missing, &st->date_t.first_missing,
			      r->line);
		else
			count_wrong(&st->date_t, r->line, d);
		return FC_OK;
	}
	if ((s = cell(r, c->qualifier)))
		for (int i = 0; i < FC_QUALIFIER_COUNT; i++)
			if (strcmp(s, qualifier_names[i]) == 0)
				rec.qualifier = (fc_qualifier)i;
	if ((s = cell(r, c->precision)) && parse_figure(st, s, &prec) != 1)
		prec = -1;
	if ((s = cell(r, c->note)) && s[0])
		rec.note = s;
	if ((s = cell(r, c->reported_by)) && s[0])
		rec.reported_by = s;
	if ((s = cell(r, c->url)) && s[0])
		rec.url = s;

	if (st->metric_field) {
		const char *name = cell(r, c->name), *metric = NULL;
		char *made = NULL, *v = cell(r, c->value);
		double value;
		int k;
		fc_status rc = FC_OK;

		if (!name || !name[0]) {
			count(&st->name_t.missing, &st->name_t.first_missing,
			      r->line);
			return FC_OK;
		}
		if (st->n_maps) {
			for (size_t i = 0; i < st->n_maps && !metric; i++)
				if (strcmp(st->maps[i].column, name) == 0)
					metric = st->maps[i].metric;
			if (!metric) {
				st->ignored++;
				return FC_OK;
			}
		} else {
			if (!(made = expand(st->template, name)))
				return FC_ERR_NOMEM;
			metric = made;
		}
		k = parse_figure(st, v ? v : "", &value);
		if (k == 1)
			rc = add(st, &rec, metric, value, prec, r->line, sink);
		else if (k == 0 && !st->value_optional)
			count(&st->value_t.missing, &st->value_t.first_missing,
			      r->line);
		else if (k < 0)
			count_wrong(&st->value_t, r->line, v);
		free(made);
		return rc;
	}
	for (size_t i = 0; i < st->n_maps; i++) {
		metric_map *m = &st->maps[i];
		const char *v = cell(r, m->index);
		double value;
		int k = parse_figure(st, v ? v : "", &value);

		if (k == 1) {
			if (add(st, &rec, m->metric, value, prec, r->line,
			        sink) == FC_ERR_NOMEM)
				return FC_ERR_NOMEM;
		} else if (k == 0) {
			if (!m->optional)
				count(&m->t.missing, &m->t.first_missing,
				      r->line);
		} else {
			count_wrong(&m->t, r->line, v);
		}
	}
	return FC_OK;
}

/* Logs the counts of one column's problems. */
static void report_tally(state *st, const char *column, const char *loss,
                         const tally *t)
{
	const char *url = st->res->url;

	if (t->missing)
		st->host->log(st->ctx, FC_LOG_WARNING,
		              "%s: %zu row%s no value in column \"%s\" (first: "
		              "line %ld): %s",
		              url, t->missing,
		              t->missing == 1 ? " has" : "s have", column,
		              t->first_missing, loss);
	if (t->wrong_type)
		st->host->log(
		    st->ctx, FC_LOG_WARNING,
		    "%s: %zu row%s a value in column \"%s\" that cannot "
		    "be read (first: line %ld, \"%s\"); skipped",
		    url, t->wrong_type, t->wrong_type == 1 ? " has" : "s have",
		    column, t->first_wrong, t->example);
}

static void report(state *st)
{
	const fc_host *h = st->host;
	const char *url = st->res->url;

	if (st->bad_quote)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu row%s skipped: text after a closing quote "
		       "(first: line %ld)",
		       url, st->bad_quote, st->bad_quote == 1 ? "" : "s",
		       st->first_quote);
	if (st->bad_width)
		h->log(
		    st->ctx, FC_LOG_WARNING,
		    "%s: %zu row%s skipped: not as many fields as the header's "
		    "%zu (first: line %ld, which has %zu)",
		    url, st->bad_width, st->bad_width == 1 ? "" : "s",
		    st->n_columns, st->first_width, st->width_seen);
	report_tally(st, st->date_field, "skipped", &st->date_t);
	if (st->metric_field) {
		report_tally(st, st->metric_field, "skipped", &st->name_t);
		report_tally(st, st->value_field,
		             "skipped (list the column in \"optional\" if that "
		             "is expected)",
		             &st->value_t);
	}
	for (size_t i = 0; !st->metric_field && i < st->n_maps; i++) {
		char loss[300];
		snprintf(loss, sizeof(loss),
		         "no %s for those dates (list the column in "
		         "\"optional\" if that is expected)",
		         st->maps[i].metric);
		report_tally(st, st->maps[i].column, loss, &st->maps[i].t);
	}
	if (st->bad_keys)
		h->log(st->ctx, FC_LOG_WARNING,
		       "%s: %zu row%s skipped: \"%s\" (first: line %ld) is not "
		       "a usable metric key (letters, digits and . _ - : / "
		       "only); check \"metric_template\" or map the names in "
		       "\"metrics\"",
		       url, st->bad_keys, st->bad_keys == 1 ? "" : "s",
		       st->bad_key, st->first_key);
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
	const fc_host *h = st->host;
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
	reset_tally(&st->name_t);
	reset_tally(&st->value_t);
	reset_tally(&st->date_t);
	for (size_t k = 0; k < st->n_maps; k++)
		reset_tally(&st->maps[k].t);
	st->bad_width = st->bad_quote = st->bad_keys = st->ignored = 0;
	st->first_width = st->first_quote = st->first_key = -1;

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
		    st->ctx, FC_LOG_WARNING,
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

static const char *const *csv_metrics(void *p)
{
	return (const char *const *)((state *)p)->metric_list;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_SOURCE, .name = "csv", .version = "1.0.0",
                .description = "dated records from CSV (RFC 4180), mapped by "
                               "configuration",
                .options = options, .init = csv_init, .fini = state_free,
                .source = {.parse = csv_parse, .metrics = csv_metrics});
