/*
 * mapping.c: the mapping by configuration shared by the csv and json
 * sources; see mapping.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapping.h"

static const char *const qualifier_names[] = FC_QUALIFIER_NAMES;

char *sm_dup(const char *s)
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

bool sm_opt_str(const fc_host *h, const fc_value *opts, const char *key,
                char **out)
{
	const char *s = h->value_string(h->opt(opts, key));

	*out = NULL;
	if (!s)
		return true;
	*out = sm_dup(s);
	return *out != NULL;
}

char *sm_expand(const char *template, const char *name)
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

fc_status sm_read_options(sm_mapping *m, const fc_host *h, fc_plugin_ctx *ctx,
                          const sm_words *words, const fc_value *opts,
                          fc_error *err)
{
	m->host = h;
	m->ctx = ctx;
	m->words = words;
	if (!sm_opt_str(h, opts, "date_field", &m->date_field) ||
	    !sm_opt_str(h, opts, "date_format", &m->date_format) ||
	    !sm_opt_str(h, opts, "qualifier_field", &m->qualifier_field) ||
	    !sm_opt_str(h, opts, "precision_field", &m->precision_field) ||
	    !sm_opt_str(h, opts, "note_field", &m->note_field) ||
	    !sm_opt_str(h, opts, "reported_by_field", &m->reported_by_field) ||
	    !sm_opt_str(h, opts, "url_field", &m->url_field) ||
	    !sm_opt_str(h, opts, "metric_field", &m->metric_field) ||
	    !sm_opt_str(h, opts, "value_field", &m->value_field) ||
	    !sm_opt_str(h, opts, "metric_template", &m->template) ||
	    (!m->template && !(m->template = sm_dup("{metric}"))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	return FC_OK;
}

/* True when the array `list` holds the string `name`. */
static bool listed(const fc_host *h, const fc_value *list, const char *name)
{
	bool found = false;

	for (size_t k = 0; k < h->value_count(list); k++) {
		const char *s = h->value_string(h->value_at(list, k));
		if (s && strcmp(s, name) == 0)
			found = true;
	}
	return found;
}

/* Fills m->maps from the "metrics" option. */
static fc_status read_metrics(sm_mapping *m, const fc_value *opts,
                              fc_error *err)
{
	const fc_host *h = m->host;
	const char *field = m->words->field;
	const fc_value *metrics = h->opt(opts, "metrics");
	const fc_value *optional = h->opt(opts, "optional");
	fc_value_type t = h->value_type(metrics);
	size_t n = h->value_count(metrics);
	bool is_list = t == FC_VALUE_ARRAY;
	char path[256];

	if (t != FC_VALUE_NONE && t != FC_VALUE_OBJECT && t != FC_VALUE_ARRAY)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object (%s -> metric key) "
		    "or an array of names",
		    h->value_path(m->ctx, metrics, path, sizeof(path)), field);
	if (t != FC_VALUE_NONE && n == 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: map at least one %s to a metric key",
		    h->value_path(m->ctx, metrics, path, sizeof(path)), field);
	if (is_list && !m->metric_field)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object, found an array (%s -> "
		    "metric key; a list of names is for the long "
		    "layout, with \"metric_field\" and \"value_field\")",
		    h->value_path(m->ctx, metrics, path, sizeof(path)), field);
	if (n == 0)
		return FC_OK;
	if (!(m->maps = calloc(n, sizeof(*m->maps))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const fc_value *e = h->value_at(metrics, i);
		const char *v = h->value_string(e);
		sm_map *mm = &m->maps[i];

		if ((!v || !v[0]) && is_list)
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: expected a %s or metric name",
			    h->value_path(m->ctx, e, path, sizeof(path)),
			    field);
		if (!v || !v[0])
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: expected a metric key such as \"gaza.killed\"",
			    h->value_path(m->ctx, e, path, sizeof(path)));
		mm->name = sm_dup(is_list ? v : h->value_key(e));
		mm->metric = is_list ? sm_expand(m->template, v) : sm_dup(v);
		m->n_maps = i + 1;
		if (!mm->name || !mm->metric)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		mm->optional = listed(h, optional, mm->name);
	}
	return FC_OK;
}

/* Fills m->filters from the "filter" option, `filters`. */
static fc_status read_filters(sm_mapping *m, const fc_value *filters,
                              fc_error *err)
{
	const fc_host *h = m->host;
	size_t nf = h->value_count(filters);
	char path[256];

	if (!filters)
		return FC_OK;
	if (!(m->filters = calloc(nf + 1, sizeof(*m->filters))))
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < nf; i++) {
		const fc_value *f = h->value_at(filters, i);
		sm_filter *fl = &m->filters[i];
		bool arr = h->value_type(f) == FC_VALUE_ARRAY;
		size_t nv = arr ? h->value_count(f) : 1;

		fl->name = sm_dup(h->value_key(f));
		fl->values = calloc(nv + 1, sizeof(char *));
		m->n_filters = i + 1;
		if (!fl->name || !fl->values)
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < nv; k++) {
			const fc_value *v = arr ? h->value_at(f, k) : f;
			const char *s = h->value_string(v);
			if (!s)
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: expected a string or an array "
				    "of strings",
				    h->value_path(m->ctx, v, path,
				                  sizeof(path)));
			if (!(fl->values[k] = sm_dup(s)))
				return h->error(err, FC_ERR_NOMEM,
				                "out of memory");
			fl->n_values = k + 1;
		}
	}
	return FC_OK;
}

/* Fills m->metric_list: the keys of "metrics", or for the long layout
 * without it the template as a wildcard ("gaza.{metric}" gives "gaza.*";
 * a template with text after {metric} cannot be told as a prefix). */
static fc_status list_metrics(sm_mapping *m, fc_error *err)
{
	const char *at = strstr(m->template, "{metric}");
	size_t n = (size_t)(at - m->template);

	if (m->n_maps) {
		if (!(m->metric_list = calloc(m->n_maps + 1, sizeof(char *))))
			return m->host->error(err, FC_ERR_NOMEM,
			                      "out of memory");
		for (size_t i = 0; i < m->n_maps; i++)
			m->metric_list[i] = m->maps[i].metric;
		return FC_OK;
	}
	if (strcmp(at, "{metric}") != 0 || at == m->template)
		return FC_OK;
	if (!(m->metric_list = calloc(2, sizeof(char *))) ||
	    !(m->metric_list[0] = malloc(n + 2)))
		return m->host->error(err, FC_ERR_NOMEM, "out of memory");
	memcpy(m->metric_list[0], m->template, n);
	m->metric_list[0][n] = '*';
	m->metric_list[0][n + 1] = 0;
	return FC_OK;
}

fc_status sm_configure(sm_mapping *m, const fc_value *opts, fc_error *err)
{
	const fc_host *h = m->host;
	const sm_words *w = m->words;
	char path[256];
	fc_status rc;

	if (!strstr(m->template, "{metric}"))
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: \"%s\" does not say where the metric's name goes; "
		    "write {metric} in it, e.g. \"gaza.{metric}\"",
		    h->value_path(m->ctx, h->opt(opts, "metric_template"), path,
		                  sizeof(path)),
		    m->template);
	if (!m->metric_field != !m->value_field)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: the long layout needs both \"metric_field\" and "
		    "\"value_field\" (one %s per metric and date)",
		    h->value_path(m->ctx, opts, path, sizeof(path)), w->item);
	if ((rc = read_metrics(m, opts, err)) != FC_OK)
		return rc;
	if (!m->metric_field && m->n_maps == 0)
		return h->error(err, FC_ERR_CONFIG,
		                "%s.metrics: missing; the %s plugin needs it "
		                "(%s -> metric key), or \"metric_field\" and "
		                "\"value_field\" for %ss of one metric each",
		                h->value_path(m->ctx, opts, path, sizeof(path)),
		                w->plugin, w->field, w->item);
	if ((rc = read_filters(m, h->opt(opts, "filter"), err)) != FC_OK)
		return rc;
	m->value_optional = m->value_field &&
	                    listed(h, h->opt(opts, "optional"), m->value_field);
	return list_metrics(m, err);
}

void sm_free(sm_mapping *m)
{
	free(m->date_field);
	free(m->date_format);
	free(m->qualifier_field);
	free(m->precision_field);
	free(m->note_field);
	free(m->reported_by_field);
	free(m->url_field);
	free(m->metric_field);
	free(m->value_field);
	free(m->template);
	for (size_t i = 0; i < m->n_maps; i++) {
		free(m->maps[i].name);
		free(m->maps[i].metric);
	}
	free(m->maps);
	for (size_t i = 0; i < m->n_filters; i++) {
		free(m->filters[i].name);
		for (size_t k = 0; k < m->filters[i].n_values; k++)
			free(m->filters[i].values[k]);
		free(m->filters[i].values);
	}
	free(m->filters);
	if (m->metric_list) {
		/* Only the long layout's wildcard is owned by the list. */
		if (m->n_maps == 0)
			free(m->metric_list[0]);
		free(m->metric_list);
	}
}

void sm_reset_tally(sm_tally *t)
{
	memset(t, 0, sizeof(*t));
	t->first_missing = t->first_wrong = -1;
}

void sm_reset(sm_mapping *m)
{
	for (size_t i = 0; i < m->n_maps; i++)
		sm_reset_tally(&m->maps[i].t);
	sm_reset_tally(&m->name_t);
	sm_reset_tally(&m->value_t);
	m->bad_keys = 0;
	m->first_bad_key = -1;
}

void sm_count(size_t *n, long *first, long where)
{
	if ((*n)++ == 0)
		*first = where;
}

void sm_count_wrong(sm_tally *t, long where, const char *value)
{
	if (t->wrong_type++ == 0) {
		t->first_wrong = where;
		sm_printable(value, strlen(value), t->example,
		             sizeof(t->example));
	}
}

const char *sm_printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[o++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	buf[o] = 0;
	return buf;
}

bool sm_filter_accepts(const sm_filter *f, const char *v)
{
	for (size_t k = 0; v && k < f->n_values; k++)
		if (strcmp(v, f->values[k]) == 0)
			return true;
	return false;
}

fc_qualifier sm_qualifier(const char *name)
{
	for (int i = 0; i < FC_QUALIFIER_COUNT; i++)
		if (strcmp(name, qualifier_names[i]) == 0)
			return (fc_qualifier)i;
	return FC_QUAL_NONE;
}

fc_status sm_long_metric(const sm_mapping *m, const char *name,
                         const char **metric, char **made)
{
	*metric = NULL;
	*made = NULL;
	if (m->n_maps) {
		for (size_t i = 0; i < m->n_maps && !*metric; i++)
			if (strcmp(m->maps[i].name, name) == 0)
				*metric = m->maps[i].metric;
		return FC_OK;
	}
	if (!(*made = sm_expand(m->template, name)))
		return FC_ERR_NOMEM;
	*metric = *made;
	return FC_OK;
}

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

fc_status sm_add(sm_mapping *m, fc_record *r, const char *metric, double value,
                 double precision, long where, fc_record_sink *sink)
{
	fc_status rc;

	r->metric = metric;
	r->value = value;
	r->precision = precision >= 0                 ? precision
	               : r->qualifier != FC_QUAL_NONE ? rounding_unit(value)
	                                              : 0;
	rc = m->host->record_add(sink, r);
	if (rc == FC_ERR_ARG) {
		if (m->bad_keys++ == 0) {
			m->first_bad_key = where;
			sm_printable(metric, strlen(metric), m->bad_key,
			             sizeof(m->bad_key));
		}
		rc = FC_OK;
	}
	return rc;
}

void sm_report_bad_keys(const sm_mapping *m, const char *url, const char *items,
                        const char *where)
{
	if (m->bad_keys)
		m->host->log(
		    m->ctx, FC_LOG_WARNING,
		    "%s: %zu %s skipped: \"%s\" (first: %s %ld) is not "
		    "a usable metric key (letters, digits and . _ - : / "
		    "only); check \"metric_template\" or map the names in "
		    "\"metrics\"",
		    url, m->bad_keys, items, m->bad_key, where,
		    m->first_bad_key);
}
