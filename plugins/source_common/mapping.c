/*
 * mapping.c: the mapping by configuration shared by the csv and json
 * sources; see mapping.h.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapping.h"

static const char *const qualifier_names[] = FC_QUALIFIER_NAMES;

/* Longest metric key the core takes is 200 bytes; a made key longer than
 * this is cut and then refused by the core, counted as a bad key. */
#define KEY_MAX 256

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

/* ------------------------------------------------------------------ */
/* Configuration. */

static fc_status nomem(const sm_mapping *m, fc_error *err)
{
	return m->host->error(err, FC_ERR_NOMEM, "out of memory");
}

/* The index of field `name`, added if new; -1 when memory runs out. */
static long add_field(sm_mapping *m, const char *name)
{
	sm_field *f;

	for (size_t i = 0; i < m->n_fields; i++)
		if (strcmp(m->fields[i].name, name) == 0)
			return (long)i;
	f = realloc(m->fields, (m->n_fields + 1) * sizeof(*f));
	if (!f)
		return -1;
	m->fields = f;
	f = &m->fields[m->n_fields];
	memset(f, 0, sizeof(*f));
	f->index = -1;
	f->qualifier = -1;
	if (!(f->name = sm_dup(name)))
		return -1;
	return (long)m->n_fields++;
}

/* Reads string option `key` as a field: *out its index, or -1 when not
 * set. */
static fc_status opt_field(sm_mapping *m, const fc_value *opts, const char *key,
                           const char *dflt, long *out, fc_error *err)
{
	const fc_host *h = m->host;
	const fc_value *v = h->opt(opts, key);
	const char *s = h->value_string(v);
	char path[256];

	*out = -1;
	if (!s)
		s = dflt;
	if (!s)
		return FC_OK;
	if (!s[0])
		return h->error(err, FC_ERR_CONFIG,
		                "%s: expected the name of a %s, found \"\"",
		                h->value_path(m->ctx, v, path, sizeof(path)),
		                m->words->field);
	if ((*out = add_field(m, s)) < 0)
		return nomem(m, err);
	return FC_OK;
}

/* True when the array `list` holds the string `name`. */
static bool listed(const fc_host *h, const fc_value *list, const char *name)
{
	for (size_t k = 0; k < h->value_count(list); k++) {
		const char *s = h->value_string(h->value_at(list, k));
		if (s && strcmp(s, name) == 0)
			return true;
	}
	return false;
}

static void key_free(sm_key *k)
{
	free(k->text);
	for (size_t i = 0; i < k->n_parts; i++)
		free(k->parts[i].text);
	free(k->parts);
	memset(k, 0, sizeof(*k));
}

/*
 * Reads a metric key or template `text` into `k`: "gaza.killed" as it
 * is; "{Country Code|lower}.population" as literal parts and
 * placeholders naming fields, each with an optional filter (lower,
 * upper). "{metric}" is the metric's name when the long layout names it
 * in "metric_field" (`metric_name`); else a field called "metric".
 * `v` is the configuration value, for messages.
 */
static fc_status parse_key(sm_mapping *m, const char *text, bool metric_name,
                           const fc_value *v, sm_key *k, fc_error *err)
{
	const fc_host *h = m->host;
	const char *p = text;
	char path[256];

	memset(k, 0, sizeof(*k));
	if (!(k->text = sm_dup(text)))
		return nomem(m, err);
	if (!strchr(text, '{') && !strchr(text, '}'))
		return FC_OK;
	while (*p) {
		sm_part part = {NULL, -1, 0};
		sm_part *np;

		if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *bar;
			char name[200];
			size_t n;

			if (!close)
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: \"%s\": a '{' is not closed; write "
				    "{FIELD} or {FIELD|lower}",
				    h->value_path(m->ctx, v, path,
				                  sizeof(path)),
				    text);
			bar = memchr(p, '|', (size_t)(close - p));
			n = (size_t)((bar ? bar : close) - p - 1);
			if (n == 0 || n >= sizeof(name))
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: \"%s\": expected a %s name between "
				    "'{' and '}'",
				    h->value_path(m->ctx, v, path,
				                  sizeof(path)),
				    text, m->words->field);
			memcpy(name, p + 1, n);
			name[n] = 0;
			if (bar) {
				size_t fl = (size_t)(close - bar - 1);
				if (fl == 5 && memcmp(bar + 1, "lower", 5) == 0)
					part.filter = 1;
				else if (fl == 5 &&
				         memcmp(bar + 1, "upper", 5) == 0)
					part.filter = 2;
				else
					return h->error(
					    err, FC_ERR_CONFIG,
					    "%s: \"%s\": unknown filter "
					    "\"%.*s\" "
					    "(known: lower, upper)",
					    h->value_path(m->ctx, v, path,
					                  sizeof(path)),
					    text, (int)fl, bar + 1);
			}
			if (metric_name && strcmp(name, "metric") == 0) {
				part.field = -1;
			} else {
				if ((part.field = add_field(m, name)) < 0)
					return nomem(m, err);
			}
			p = close + 1;
		} else if (*p == '}') {
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: \"%s\": a '}' without its '{'",
			    h->value_path(m->ctx, v, path, sizeof(path)), text);
		} else {
			size_t n = strcspn(p, "{}");
			if (!(part.text = malloc(n + 1)))
				return nomem(m, err);
			memcpy(part.text, p, n);
			part.text[n] = 0;
			p += n;
		}
		np = realloc(k->parts, (k->n_parts + 1) * sizeof(*np));
		if (!np) {
			free(part.text);
			return nomem(m, err);
		}
		k->parts = np;
		k->parts[k->n_parts++] = part;
	}
	return FC_OK;
}

/* True when key `k` names the metric's name ({metric}). */
static bool key_uses_name(const sm_key *k)
{
	for (size_t i = 0; i < k->n_parts; i++)
		if (!k->parts[i].text && k->parts[i].field == -1)
			return true;
	return false;
}

/* The map whose key is `text`, added if new (wide layout). */
static sm_map *map_for_key(sm_mapping *m, const char *text, const fc_value *v,
                           fc_error *err, fc_status *rc)
{
	sm_map *nm;

	*rc = FC_OK;
	for (size_t i = 0; i < m->n_maps; i++)
		if (strcmp(m->maps[i].key.text, text) == 0)
			return &m->maps[i];
	nm = realloc(m->maps, (m->n_maps + 1) * sizeof(*nm));
	if (!nm) {
		*rc = nomem(m, err);
		return NULL;
	}
	m->maps = nm;
	nm = &m->maps[m->n_maps++];
	memset(nm, 0, sizeof(*nm));
	if ((*rc = parse_key(m, text, false, v, &nm->key, err)) != FC_OK)
		return NULL;
	return nm;
}

/* Adds to map `mm` a way of reading its figure: the fields `names`. */
static fc_status add_alt(sm_mapping *m, sm_map *mm, const char *const *names,
                         size_t n, fc_error *err)
{
	sm_alt *na = realloc(mm->alts, (mm->n_alts + 1) * sizeof(*na));

	if (!na)
		return nomem(m, err);
	mm->alts = na;
	na = &mm->alts[mm->n_alts++];
	na->n = 0;
	if (!(na->fields = calloc(n + 1, sizeof(size_t))))
		return nomem(m, err);
	for (size_t i = 0; i < n; i++) {
		long f = add_field(m, names[i]);
		if (f < 0)
			return nomem(m, err);
		na->fields[na->n++] = (size_t)f;
	}
	if (!mm->name && !(mm->name = sm_dup(names[0])))
		return nomem(m, err);
	return FC_OK;
}

/* Reads "metrics": wide, field -> key (several fields may give one key:
 * the first present wins); long, a list of names or name -> key. */
static fc_status read_metrics(sm_mapping *m, const fc_value *opts,
                              fc_error *err)
{
	const fc_host *h = m->host;
	const char *field = m->words->field;
	const fc_value *metrics = h->opt(opts, "metrics");
	fc_value_type t = h->value_type(metrics);
	size_t n = h->value_count(metrics);
	bool is_list = t == FC_VALUE_ARRAY, is_long = m->value_field >= 0;
	char path[256];
	fc_status rc;

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
	if (is_list && m->metric_field < 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: expected an object, found an array (%s -> "
		    "metric key; a list of names is for the long "
		    "layout, with \"metric_field\" and \"value_field\")",
		    h->value_path(m->ctx, metrics, path, sizeof(path)), field);
	if (is_long && n && m->metric_field < 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: with \"value_field\" and no \"metric_field\", each %s "
		    "gives one figure whose key \"metric_template\" makes; "
		    "\"metrics\" is for the wide layout (%s -> metric key) "
		    "or for the names in \"metric_field\"",
		    h->value_path(m->ctx, metrics, path, sizeof(path)),
		    m->words->item, field);
	for (size_t i = 0; i < n; i++) {
		const fc_value *e = h->value_at(metrics, i);
		const char *v = h->value_string(e);

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
		if (is_long) {
			/* A name accepted, keyed by the template or by the
			 * key given. */
			sm_map *nm =
			    realloc(m->maps, (m->n_maps + 1) * sizeof(*nm));
			const char *key = is_list ? NULL : v;
			if (!nm)
				return nomem(m, err);
			m->maps = nm;
			nm = &m->maps[m->n_maps++];
			memset(nm, 0, sizeof(*nm));
			if (!(nm->name = sm_dup(is_list ? v : h->value_key(e))))
				return nomem(m, err);
			if (key &&
			    (rc = parse_key(m, key, false, e, &nm->key, err)))
				return rc;
		} else {
			const char *name = h->value_key(e);
			sm_map *mm = map_for_key(m, v, e, err, &rc);
			if (!mm)
				return rc;
			if ((rc = add_alt(m, mm, &name, 1, err)) != FC_OK)
				return rc;
		}
	}
	return FC_OK;
}

/* Reads "sum": metric key -> the fields whose sum gives it, a way of
 * reading the metric after the fields "metrics" maps to it. */
static fc_status read_sums(sm_mapping *m, const fc_value *opts, fc_error *err)
{
	const fc_host *h = m->host;
	const fc_value *sums = h->opt(opts, "sum");
	char path[256];
	fc_status rc;

	if (!sums)
		return FC_OK;
	if (m->value_field >= 0)
		return h->error(err, FC_ERR_CONFIG,
		                "%s: \"sum\" adds %ss of the wide layout; with "
		                "\"value_field\" each %s has one figure",
		                h->value_path(m->ctx, sums, path, sizeof(path)),
		                m->words->field, m->words->item);
	for (size_t i = 0; i < h->value_count(sums); i++) {
		const fc_value *e = h->value_at(sums, i);
		const char *names[32];
		size_t n = h->value_count(e);
		sm_map *mm;

		if (h->value_type(e) != FC_VALUE_ARRAY || n < 2 || n > 32)
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: expected an array of 2 to 32 %s names, whose "
			    "figures add up to the metric's",
			    h->value_path(m->ctx, e, path, sizeof(path)),
			    m->words->field);
		for (size_t k = 0; k < n; k++)
			if (!(names[k] = h->value_string(h->value_at(e, k))) ||
			    !names[k][0])
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: expected a %s name",
				    h->value_path(m->ctx, h->value_at(e, k),
				                  path, sizeof(path)),
				    m->words->field);
		if (!(mm = map_for_key(m, h->value_key(e), e, err, &rc)))
			return rc;
		if ((rc = add_alt(m, mm, names, n, err)) != FC_OK)
			return rc;
	}
	return FC_OK;
}

/* Reads "filter": field -> accepted value(s). */
static fc_status read_filters(sm_mapping *m, const fc_value *filters,
                              fc_error *err)
{
	const fc_host *h = m->host;
	size_t nf = h->value_count(filters);
	char path[256];

	if (!filters)
		return FC_OK;
	if (!(m->filters = calloc(nf + 1, sizeof(*m->filters))))
		return nomem(m, err);
	for (size_t i = 0; i < nf; i++) {
		const fc_value *f = h->value_at(filters, i);
		sm_filter *fl = &m->filters[i];
		bool arr = h->value_type(f) == FC_VALUE_ARRAY;
		size_t nv = arr ? h->value_count(f) : 1;
		long fi = add_field(m, h->value_key(f));

		if (fi < 0)
			return nomem(m, err);
		fl->field = (size_t)fi;
		fl->values = calloc(nv + 1, sizeof(char *));
		m->n_filters = i + 1;
		if (!fl->values)
			return nomem(m, err);
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
				return nomem(m, err);
			fl->n_values = k + 1;
		}
	}
	return FC_OK;
}

/* Reads "recode" (field -> {from: to}) or "gap_values" (field -> [values])
 * into the fields' lists. */
static fc_status read_field_lists(sm_mapping *m, const fc_value *opts,
                                  const char *key, bool pairs, fc_error *err)
{
	const fc_host *h = m->host;
	const fc_value *obj = h->opt(opts, key);
	char path[256];

	for (size_t i = 0; i < h->value_count(obj); i++) {
		const fc_value *e = h->value_at(obj, i);
		fc_value_type t = h->value_type(e);
		size_t n = h->value_count(e), o = 0;
		long fi;
		char **list;

		if (pairs ? t != FC_VALUE_OBJECT : t != FC_VALUE_ARRAY)
			return h->error(
			    err, FC_ERR_CONFIG,
			    pairs ? "%s: expected an object of values and "
			            "what each stands for, such as "
			            "{\"WLD\": \"world\"}"
			          : "%s: expected an array of the values that "
			            "mean no figure was reported, such as "
			            "[\"0\", \"n/a\"]",
			    h->value_path(m->ctx, e, path, sizeof(path)));
		if ((fi = add_field(m, h->value_key(e))) < 0)
			return nomem(m, err);
		list = calloc(pairs ? 2 * n + 1 : n + 1, sizeof(char *));
		if (!list)
			return nomem(m, err);
		if (pairs) {
			free(m->fields[fi].recode);
			m->fields[fi].recode = list;
		} else {
			free(m->fields[fi].gaps);
			m->fields[fi].gaps = list;
		}
		for (size_t k = 0; k < n; k++) {
			const fc_value *v = h->value_at(e, k);
			const char *s = h->value_string(v);
			if (!s)
				return h->error(err, FC_ERR_CONFIG,
				                "%s: expected a string",
				                h->value_path(m->ctx, v, path,
				                              sizeof(path)));
			if (pairs && !(list[o++] = sm_dup(h->value_key(v))))
				return nomem(m, err);
			if (!(list[o++] = sm_dup(s)))
				return nomem(m, err);
		}
	}
	return FC_OK;
}

/* Reads "qualifier_fields": field -> the field holding its qualifier. */
static fc_status read_qualifier_fields(sm_mapping *m, const fc_value *opts,
                                       fc_error *err)
{
	const fc_host *h = m->host;
	const fc_value *obj = h->opt(opts, "qualifier_fields");
	char path[256];

	for (size_t i = 0; i < h->value_count(obj); i++) {
		const fc_value *e = h->value_at(obj, i);
		const char *q = h->value_string(e);
		long fi, qi;

		if (!q || !q[0])
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: expected the name of the %s that "
			    "holds this one's qualifier",
			    h->value_path(m->ctx, e, path, sizeof(path)),
			    m->words->field);
		if ((fi = add_field(m, h->value_key(e))) < 0 ||
		    (qi = add_field(m, q)) < 0)
			return nomem(m, err);
		m->fields[fi].qualifier = qi;
	}
	return FC_OK;
}

/* What a date written in `format` covers, or -1 for a format that cannot
 * be read: it needs %Y, and %d only with a month. */
static int format_period(const char *format)
{
	bool y = false, mo = false, d = false;

	for (const char *f = format; *f; f++) {
		if (*f != '%')
			continue;
		switch (*++f) {
		case 'Y':
			y = true;
			break;
		case 'm':
		case 'b':
		case 'B':
			mo = true;
			break;
		case 'd':
		case 'e':
			d = true;
			break;
		case '%':
			break;
		default:
			return -1;
		}
	}
	if (!y || (d && !mo))
		return -1;
	return d ? FC_PERIOD_DAY : mo ? FC_PERIOD_MONTH : FC_PERIOD_YEAR;
}

/* A pattern for the keys a template makes, '*' for each placeholder
 * ("{Country Code|lower}.population" gives "*.population"); the key
 * itself when it has none. NULL when memory runs out or when the pattern
 * would be only stars (any key). */
static char *key_wildcard(const sm_key *k)
{
	size_t n = 1;
	bool lit = false;
	char *w;

	if (!k->parts)
		return sm_dup(k->text);
	for (size_t i = 0; i < k->n_parts; i++)
		n += k->parts[i].text ? strlen(k->parts[i].text) : 1;
	if (!(w = malloc(n)))
		return NULL;
	w[0] = 0;
	for (size_t i = 0; i < k->n_parts; i++) {
		if (k->parts[i].text) {
			strcat(w, k->parts[i].text);
			lit = true;
		} else if (!w[0] || w[strlen(w) - 1] != '*') {
			strcat(w, "*");
		}
	}
	if (!lit) {
		free(w);
		return NULL;
	}
	return w;
}

/* Fills m->metric_list: the keys the instance gives, a template's as a
 * wildcard; none (any key) when a template starts with a placeholder. */
static fc_status list_metrics(sm_mapping *m, fc_error *err)
{
	size_t n = m->n_maps ? m->n_maps : 1, o = 0;

	if (!(m->metric_list = calloc(n + 1, sizeof(char *))))
		return nomem(m, err);
	for (size_t i = 0; i < n; i++) {
		const sm_key *k = m->n_maps && m->maps[i].key.text
		                      ? &m->maps[i].key
		                      : &m->template;
		char *w = NULL;
		bool by_name = k->parts != NULL;

		/* A name listed, keyed by a template of the name alone
		 * ("gaza.{metric}"): its key exactly. */
		for (size_t p = 0; p < k->n_parts; p++)
			if (!k->parts[p].text && k->parts[p].field != -1)
				by_name = false;
		if (by_name && m->n_maps && k == &m->template) {
			char buf[KEY_MAX];
			size_t b = 0;
			for (size_t p = 0; p < k->n_parts; p++) {
				const char *t = k->parts[p].text
				                    ? k->parts[p].text
				                    : m->maps[i].name;
				for (; *t && b + 1 < sizeof(buf); t++)
					buf[b++] = k->parts[p].filter == 1
					               ? (char)tolower(
					                     (unsigned char)*t)
					           : k->parts[p].filter == 2
					               ? (char)toupper(
					                     (unsigned char)*t)
					               : *t;
			}
			buf[b] = 0;
			if (!(w = sm_dup(buf)))
				return nomem(m, err);
		} else {
			w = key_wildcard(k);
		}
		if (!w) {
			/* Any key: say nothing. */
			for (size_t j = 0; j < o; j++)
				free(m->metric_list[j]);
			free(m->metric_list);
			m->metric_list = NULL;
			return FC_OK;
		}
		m->metric_list[o++] = w;
	}
	return FC_OK;
}

fc_status sm_configure(sm_mapping *m, const fc_host *h, fc_plugin_ctx *ctx,
                       const sm_words *words, const fc_value *opts,
                       const char *default_date, fc_error *err)
{
	const fc_value *v;
	const char *s;
	char *tmpl = NULL;
	char path[256];
	fc_status rc;

	m->host = h;
	m->ctx = ctx;
	m->words = words;
	m->period = -1;
	m->metric_field = m->value_field = -1;
	m->date_field = m->qualifier_field = m->precision_field = -1;
	m->note_field = m->reported_by_field = m->url_field = -1;
	if ((rc = opt_field(m, opts, "date_field", default_date, &m->date_field,
	                    err)) ||
	    (rc = opt_field(m, opts, "qualifier_field", NULL,
	                    &m->qualifier_field, err)) ||
	    (rc = opt_field(m, opts, "precision_field", NULL,
	                    &m->precision_field, err)) ||
	    (rc =
	         opt_field(m, opts, "note_field", NULL, &m->note_field, err)) ||
	    (rc = opt_field(m, opts, "reported_by_field", NULL,
	                    &m->reported_by_field, err)) ||
	    (rc = opt_field(m, opts, "url_field", NULL, &m->url_field, err)) ||
	    (rc = opt_field(m, opts, "metric_field", NULL, &m->metric_field,
	                    err)) ||
	    (rc =
	         opt_field(m, opts, "value_field", NULL, &m->value_field, err)))
		return rc;
	if (!sm_opt_str(h, opts, "date_format", &m->date_format))
		return nomem(m, err);
	m->format_period = FC_PERIOD_DAY;
	if (m->date_format) {
		int p = format_period(m->date_format);
		if (p < 0)
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: \"%s\" is not a date format figcheck reads: "
			    "use %%Y with %%m or %%b, and %%d or %%e, such as "
			    "\"%%d/%%m/%%Y\", \"%%Y-%%m\" (a month) or \"%%Y\" "
			    "(a "
			    "year)",
			    h->value_path(ctx, h->opt(opts, "date_format"),
			                  path, sizeof(path)),
			    m->date_format);
		m->format_period = (fc_period)p;
	}
	v = h->opt(opts, "period");
	if ((s = h->value_string(v))) {
		if (strcmp(s, "day") == 0)
			m->period = FC_PERIOD_DAY;
		else if (strcmp(s, "month") == 0)
			m->period = FC_PERIOD_MONTH;
		else if (strcmp(s, "year") == 0)
			m->period = FC_PERIOD_YEAR;
		else
			return h->error(
			    err, FC_ERR_CONFIG,
			    "%s: expected \"day\", \"month\" or \"year\"",
			    h->value_path(ctx, v, path, sizeof(path)));
	}

	/* The layout. */
	if (m->metric_field >= 0 && m->value_field < 0)
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: the long layout needs both \"metric_field\" and "
		    "\"value_field\" (one %s per metric and date)",
		    h->value_path(ctx, opts, path, sizeof(path)), words->item);
	v = h->opt(opts, "metric_template");
	if (!sm_opt_str(h, opts, "metric_template", &tmpl))
		return nomem(m, err);
	if (m->value_field >= 0 && m->metric_field < 0 && !tmpl) {
		rc = h->error(
		    err, FC_ERR_CONFIG,
		    "%s: the long layout needs both \"metric_field\" and "
		    "\"value_field\" (one %s per metric and date), or "
		    "\"value_field\" and \"metric_template\" making each %s's "
		    "key from its %ss, such as \"{Country Code|lower}."
		    "population\"",
		    h->value_path(ctx, opts, path, sizeof(path)), words->item,
		    words->item, words->field);
		free(tmpl);
		return rc;
	}
	if (tmpl && m->value_field < 0) {
		free(tmpl);
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: \"metric_template\" is for the long layout (with "
		    "\"value_field\"); in the wide layout a key in \"metrics\" "
		    "may be a template itself, such as {\"Value\": "
		    "\"{Country Code|lower}.population\"}",
		    h->value_path(ctx, v, path, sizeof(path)));
	}
	rc = m->value_field < 0
	         ? FC_OK
	         : parse_key(m, tmpl ? tmpl : "{metric}", m->metric_field >= 0,
	                     v ? v : opts, &m->template, err);
	free(tmpl);
	if (rc)
		return rc;
	if ((rc = read_metrics(m, opts, err)) != FC_OK)
		return rc;
	if (m->metric_field >= 0 && m->n_maps == 0 &&
	    !key_uses_name(&m->template))
		return h->error(
		    err, FC_ERR_CONFIG,
		    "%s: \"%s\" does not say where the metric's name goes; "
		    "write {metric} in it, e.g. \"gaza.{metric}\"",
		    h->value_path(ctx, v ? v : opts, path, sizeof(path)),
		    m->template.text);
	if ((rc = read_sums(m, opts, err)) != FC_OK)
		return rc;
	if (m->value_field < 0 && m->n_maps == 0)
		return h->error(err, FC_ERR_CONFIG,
		                "%s.metrics: missing; the %s plugin needs it "
		                "(%s -> metric key), or \"metric_field\" and "
		                "\"value_field\" for %ss of one metric each",
		                h->value_path(ctx, opts, path, sizeof(path)),
		                words->plugin, words->field, words->item);
	if ((rc = read_filters(m, h->opt(opts, "filter"), err)) ||
	    (rc = read_field_lists(m, opts, "recode", true, err)) ||
	    (rc = read_field_lists(m, opts, "gap_values", false, err)) ||
	    (rc = read_qualifier_fields(m, opts, err)))
		return rc;
	/* The fields every item has: a csv header without one is wrong.
	 * A metric's own fields are not: it may be read from others, or
	 * be optional. */
	{
		long req[] = {m->date_field,        m->qualifier_field,
		              m->precision_field,   m->note_field,
		              m->reported_by_field, m->url_field,
		              m->metric_field,      m->value_field};
		for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++)
			if (req[i] >= 0)
				m->fields[req[i]].required = true;
		for (size_t i = 0; i < m->n_filters; i++)
			m->fields[m->filters[i].field].required = true;
		for (size_t i = 0; i < m->template.n_parts; i++)
			if (!m->template.parts[i].text &&
			    m->template.parts[i].field >= 0)
				m->fields[m->template.parts[i].field].required =
				    true;
		for (size_t k = 0; k < m->n_maps; k++)
			for (size_t i = 0; i < m->maps[k].key.n_parts; i++)
				if (!m->maps[k].key.parts[i].text &&
				    m->maps[k].key.parts[i].field >= 0)
					m->fields[m->maps[k].key.parts[i].field]
					    .required = true;
	}
	v = h->opt(opts, "optional");
	for (size_t i = 0; i < m->n_fields; i++)
		m->fields[i].optional = listed(h, v, m->fields[i].name);
	m->value_optional =
	    m->value_field >= 0 && listed(h, v, m->fields[m->value_field].name);
	for (size_t i = 0; i < m->n_maps; i++) {
		sm_map *mm = &m->maps[i];
		mm->optional = mm->key.text && listed(h, v, mm->key.text);
		for (size_t a = 0; a < mm->n_alts && !mm->optional; a++)
			for (size_t k = 0; k < mm->alts[a].n; k++)
				if (listed(
				        h, v,
				        m->fields[mm->alts[a].fields[k]].name))
					mm->optional = true;
	}
	return list_metrics(m, err);
}

static void free_list(char **l)
{
	for (size_t i = 0; l && l[i]; i++)
		free(l[i]);
	free(l);
}

void sm_free(sm_mapping *m)
{
	free(m->date_format);
	key_free(&m->template);
	for (size_t i = 0; i < m->n_fields; i++) {
		free(m->fields[i].name);
		free_list(m->fields[i].recode);
		free_list(m->fields[i].gaps);
	}
	free(m->fields);
	for (size_t i = 0; i < m->n_maps; i++) {
		free(m->maps[i].name);
		key_free(&m->maps[i].key);
		for (size_t a = 0; a < m->maps[i].n_alts; a++)
			free(m->maps[i].alts[a].fields);
		free(m->maps[i].alts);
	}
	free(m->maps);
	for (size_t i = 0; i < m->n_filters; i++) {
		for (size_t k = 0; k < m->filters[i].n_values; k++)
			free(m->filters[i].values[k]);
		free(m->filters[i].values);
	}
	free(m->filters);
	free_list(m->metric_list);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------------ */
/* Counting. */

void sm_reset_tally(sm_tally *t)
{
	memset(t, 0, sizeof(*t));
	t->first_missing = t->first_wrong = -1;
}

void sm_reset(sm_mapping *m)
{
	for (size_t i = 0; i < m->n_maps; i++)
		sm_reset_tally(&m->maps[i].t);
	sm_reset_tally(&m->date_t);
	sm_reset_tally(&m->qual_t);
	sm_reset_tally(&m->name_t);
	sm_reset_tally(&m->value_t);
	sm_reset_tally(&m->key_t);
	m->items = m->filtered = m->ignored = m->added = m->quiet = 0;
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
		if (value)
			sm_printable(value, strlen(value), t->example,
			             sizeof(t->example));
		else
			snprintf(t->example, sizeof(t->example), "%s",
			         "(not a string or number)");
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

/* ------------------------------------------------------------------ */
/* Reading items. */

bool sm_qualifier(const char *word, fc_qualifier *q)
{
	static const struct {
		const char *word;
		fc_qualifier q;
	} words[] = {
	    {"", FC_QUAL_NONE},
	    {"exact", FC_QUAL_NONE},
	    {"exactly", FC_QUAL_NONE},
	    {"=", FC_QUAL_NONE},
	    {"more", FC_QUAL_MORE_THAN},
	    {"more than", FC_QUAL_MORE_THAN},
	    {"over", FC_QUAL_MORE_THAN},
	    {"above", FC_QUAL_MORE_THAN},
	    {">", FC_QUAL_MORE_THAN},
	    {"+", FC_QUAL_MORE_THAN},
	    {"at least", FC_QUAL_AT_LEAST},
	    {"minimum", FC_QUAL_AT_LEAST},
	    {">=", FC_QUAL_AT_LEAST},
	    {"almost", FC_QUAL_NEARLY},
	    {"approximately", FC_QUAL_ABOUT},
	    {"approx", FC_QUAL_ABOUT},
	    {"approx.", FC_QUAL_ABOUT},
	    {"around", FC_QUAL_ABOUT},
	    {"roughly", FC_QUAL_ABOUT},
	    {"circa", FC_QUAL_ABOUT},
	    {"some", FC_QUAL_ABOUT},
	    {"estimated", FC_QUAL_ABOUT},
	    {"~", FC_QUAL_ABOUT},
	    {"up to", FC_QUAL_UP_TO},
	    {"at most", FC_QUAL_UP_TO},
	    {"maximum", FC_QUAL_UP_TO},
	    {"<=", FC_QUAL_UP_TO},
	    {"less", FC_QUAL_LESS_THAN},
	    {"less than", FC_QUAL_LESS_THAN},
	    {"fewer than", FC_QUAL_LESS_THAN},
	    {"under", FC_QUAL_LESS_THAN},
	    {"below", FC_QUAL_LESS_THAN},
	    {"<", FC_QUAL_LESS_THAN},
	};
	char w[32];
	size_t n = 0;

	/* Trimmed, lower case, inner runs of spaces as one. */
	while (*word == ' ' || *word == '\t')
		word++;
	for (; *word && n + 1 < sizeof(w); word++) {
		char c = *word;
		if (c == ' ' || c == '\t') {
			if (n && w[n - 1] != ' ')
				w[n++] = ' ';
			continue;
		}
		w[n++] = (char)tolower((unsigned char)c);
	}
	if (*word)
		return false;
	while (n && w[n - 1] == ' ')
		n--;
	w[n] = 0;
	for (int i = 0; i < FC_QUALIFIER_COUNT; i++)
		if (strcmp(w, qualifier_names[i]) == 0) {
			*q = (fc_qualifier)i;
			return true;
		}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(w, words[i].word) == 0) {
			*q = words[i].q;
			return true;
		}
	return false;
}

/* `s` as field `f` recodes it. */
static const char *recoded(const sm_field *f, const char *s)
{
	for (size_t i = 0; s && f->recode && f->recode[i]; i += 2)
		if (strcmp(f->recode[i], s) == 0)
			return f->recode[i + 1];
	return s;
}

/* The text of field `fi` of the item, recoded; NULL when absent. */
static const char *text_of(const sm_mapping *m, const sm_ops *ops, void *src,
                           const void *item, long fi, char *buf, size_t size)
{
	if (fi < 0)
		return NULL;
	return recoded(&m->fields[fi],
	               ops->text(src, item, &m->fields[fi], buf, size));
}

/* True when `s` is one of the field's gap values: the same text, or the
 * same number. */
static bool is_gap(const sm_field *f, const char *s)
{
	char *end;
	double v;
	bool num;

	if (!f->gaps || !s)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	v = strtod(s, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	num = end != s && !*end && isfinite(v);
	for (size_t i = 0; f->gaps[i]; i++) {
		char *e2;
		double g;
		if (strcmp(f->gaps[i], s) == 0)
			return true;
		g = strtod(f->gaps[i], &e2);
		if (num && e2 != f->gaps[i] && !*e2 && g == v)
			return true;
	}
	return false;
}

/* The figure of field `fi`: 1 with *out, 0 for none (a gap too), -1 for
 * one that is not a number. */
static int figure_of(const sm_mapping *m, const sm_ops *ops, void *src,
                     const void *item, size_t fi, double *out)
{
	const sm_field *f = &m->fields[fi];

	if (f->gaps) {
		char buf[64];
		if (is_gap(f, ops->text(src, item, f, buf, sizeof(buf))))
			return 0;
	}
	return ops->figure(src, item, f, out);
}

/* Writes the key `k` makes for the item into buf (KEY_MAX bytes). Returns
 * -1 when it is made, else the index of the field that has no value
 * (the metric's name: -2). */
static long make_key(const sm_mapping *m, const sm_key *k, const sm_ops *ops,
                     void *src, const void *item, const char *name, char *buf)
{
	size_t o = 0;

	if (!k->parts) {
		snprintf(buf, KEY_MAX, "%s", k->text);
		return -1;
	}
	for (size_t i = 0; i < k->n_parts; i++) {
		const sm_part *p = &k->parts[i];
		char tmp[KEY_MAX];
		const char *s = p->text;
		if (!s) {
			s = p->field < 0 ? name
			                 : text_of(m, ops, src, item, p->field,
			                           tmp, sizeof(tmp));
			if (!s || !s[0])
				return p->field < 0 ? -2 : p->field;
		}
		for (; *s && o + 1 < KEY_MAX; s++)
			buf[o++] =
			    p->filter == 1   ? (char)tolower((unsigned char)*s)
			    : p->filter == 2 ? (char)toupper((unsigned char)*s)
			                     : *s;
	}
	buf[o] = 0;
	return -1;
}

/* Counts an item whose key could not be made: field `missing` (or the
 * metric's name, -2) had no value. */
static void count_key(sm_mapping *m, const sm_key *k, long missing, long where)
{
	if (missing >= 0 && m->fields[missing].optional) {
		m->quiet++;
		return;
	}
	if (m->key_t.missing++ == 0) {
		m->key_t.first_missing = where;
		snprintf(m->key_t.field, sizeof(m->key_t.field), "%s",
		         missing >= 0 ? m->fields[missing].name
		         : m->metric_field >= 0
		             ? m->fields[m->metric_field].name
		             : "metric");
		sm_printable(k->text, strlen(k->text), m->key_t.example,
		             sizeof(m->key_t.example));
	}
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

/* Completes `r` and gives it to the core; a key the core refuses is
 * counted, not an error. */
static fc_status add(sm_mapping *m, fc_record *r, const char *metric,
                     double value, double precision, long where,
                     fc_record_sink *sink)
{
	fc_status rc;

	r->metric = metric;
	r->value = value;
	r->precision = precision >= 0                 ? precision
	               : r->qualifier != FC_QUAL_NONE ? rounding_unit(value)
	                                              : 0;
	rc = m->host->record_add(sink, r);
	if (rc == FC_OK) {
		m->added++;
	} else if (rc == FC_ERR_ARG) {
		if (m->bad_keys++ == 0) {
			m->first_bad_key = where;
			sm_printable(metric, strlen(metric), m->bad_key,
			             sizeof(m->bad_key));
		}
		rc = FC_OK;
	}
	return rc;
}

/* Reads a date: in date_format, or ISO 8601 as a day, a month (YYYY-MM)
 * or a year (YYYY). */
static fc_date read_date(const sm_mapping *m, const char *s, fc_period *p)
{
	size_t n = strlen(s);
	fc_date d;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (m->date_format) {
		*p = m->format_period;
		d = m->host->date_parse(s, n, m->date_format);
	} else if (n == 4) {
		*p = FC_PERIOD_YEAR;
		d = m->host->date_parse(s, n, "%Y");
	} else if (n == 7 && s[4] == '-') {
		*p = FC_PERIOD_MONTH;
		d = m->host->date_parse(s, n, "%Y-%m");
	} else {
		*p = FC_PERIOD_DAY;
		d = m->host->date_parse(s, n, NULL);
	}
	if (m->period >= 0)
		*p = (fc_period)m->period;
	return d;
}

/* Reads map `mm`'s figure from the item: the first way of reading it
 * that the item has. 1 with *out; 0 none; -1 not a number (counted). */
static int map_figure(sm_mapping *m, sm_map *mm, const sm_ops *ops, void *src,
                      const void *item, long where, double *out,
                      const sm_alt **which)
{
	for (size_t a = 0; a < mm->n_alts; a++) {
		const sm_alt *alt = &mm->alts[a];
		double sum = 0;
		int got = 1;

		for (size_t k = 0; k < alt->n && got == 1; k++) {
			double v;
			int r =
			    figure_of(m, ops, src, item, alt->fields[k], &v);
			if (r < 0) {
				char buf[64];
				const sm_field *f = &m->fields[alt->fields[k]];
				sm_count_wrong(
				    &mm->t, where,
				    ops->text(src, item, f, buf, sizeof(buf)));
				if (mm->t.wrong_type == 1)
					snprintf(mm->t.field,
					         sizeof(mm->t.field), "%s",
					         f->name);
				return -1;
			}
			if (r == 0)
				got = 0;
			else
				sum += v;
		}
		if (got) {
			*out = sum;
			*which = alt;
			return 1;
		}
	}
	return 0;
}

/* Reads the qualifier in field `qf` into *q (unchanged when the item has
 * none). False, counted, when the word is not one figcheck knows. */
static bool read_qualifier(sm_mapping *m, const sm_ops *ops, void *src,
                           const void *item, long qf, long where,
                           fc_qualifier *q)
{
	char buf[64];
	const char *s = text_of(m, ops, src, item, qf, buf, sizeof(buf));

	if (!s || sm_qualifier(s, q))
		return true;
	if (m->qual_t.wrong_type == 0)
		snprintf(m->qual_t.field, sizeof(m->qual_t.field), "%s",
		         m->fields[qf].name);
	sm_count_wrong(&m->qual_t, where, s);
	return false;
}

fc_status sm_item(sm_mapping *m, const sm_ops *ops, void *src, const void *item,
                  const char *date_text, long where, fc_record_sink *sink)
{
	char dbuf[64], nbuf[64], bbuf[64], ubuf[64], key[KEY_MAX];
	const char *s;
	fc_record r;
	double prec = -1;
	fc_period period;

	m->items++;
	for (size_t i = 0; i < m->n_filters; i++) {
		const sm_filter *fl = &m->filters[i];
		bool ok = false;
		s = ops->text(src, item, &m->fields[fl->field], dbuf,
		              sizeof(dbuf));
		for (size_t k = 0; s && k < fl->n_values && !ok; k++)
			ok = strcmp(s, fl->values[k]) == 0;
		if (!ok) {
			m->filtered++;
			return FC_OK;
		}
	}
	memset(&r, 0, sizeof(r));
	s = date_text
	        ? date_text
	        : text_of(m, ops, src, item, m->date_field, dbuf, sizeof(dbuf));
	if (!s || !s[0]) {
		sm_count(&m->date_t.missing, &m->date_t.first_missing, where);
		return FC_OK;
	}
	if ((r.date = read_date(m, s, &period)) == FC_DATE_NONE) {
		sm_count_wrong(&m->date_t, where, s);
		return FC_OK;
	}
	r.period = period;
	if (!read_qualifier(m, ops, src, item, m->qualifier_field, where,
	                    &r.qualifier))
		return FC_OK;
	if (m->precision_field >= 0) {
		double p;
		if (figure_of(m, ops, src, item, (size_t)m->precision_field,
		              &p) == 1 &&
		    p >= 0)
			prec = p;
	}
	s = text_of(m, ops, src, item, m->note_field, nbuf, sizeof(nbuf));
	r.note = s && s[0] ? s : NULL;
	s = text_of(m, ops, src, item, m->reported_by_field, bbuf,
	            sizeof(bbuf));
	r.reported_by = s && s[0] ? s : NULL;
	s = text_of(m, ops, src, item, m->url_field, ubuf, sizeof(ubuf));
	r.url = s && s[0] ? s : NULL;

	if (m->value_field >= 0) {
		/* Long layout: one figure, its key from the name or the
		 * template. */
		const sm_key *k = &m->template;
		char namebuf[KEY_MAX];
		const char *name = NULL;
		double v;
		long miss;
		int got;

		if (m->metric_field >= 0) {
			name = text_of(m, ops, src, item, m->metric_field,
			               namebuf, sizeof(namebuf));
			if (!name || !name[0]) {
				sm_count(&m->name_t.missing,
				         &m->name_t.first_missing, where);
				return FC_OK;
			}
		}
		if (m->n_maps) {
			const sm_map *mm = NULL;
			for (size_t i = 0; i < m->n_maps && !mm; i++)
				if (strcmp(m->maps[i].name, name) == 0)
					mm = &m->maps[i];
			if (!mm) {
				m->ignored++;
				return FC_OK;
			}
			if (mm->key.text)
				k = &mm->key;
		}
		if ((miss = make_key(m, k, ops, src, item, name, key)) != -1) {
			count_key(m, k, miss, where);
			return FC_OK;
		}
		got = figure_of(m, ops, src, item, (size_t)m->value_field, &v);
		if (got == 1 &&
		    !read_qualifier(m, ops, src, item,
		                    m->fields[m->value_field].qualifier, where,
		                    &r.qualifier))
			return FC_OK;
		if (got == 1)
			return add(m, &r, key, v, prec, where, sink);
		if (got == 0 && !m->value_optional)
			sm_count(&m->value_t.missing, &m->value_t.first_missing,
			         where);
		else if (got < 0)
			sm_count_wrong(&m->value_t, where,
			               ops->text(src, item,
			                         &m->fields[m->value_field],
			                         dbuf, sizeof(dbuf)));
		return FC_OK;
	}

	/* Wide layout: a figure per metric. */
	for (size_t i = 0; i < m->n_maps; i++) {
		sm_map *mm = &m->maps[i];
		const sm_alt *alt = NULL;
		fc_record ri = r;
		double v;
		long miss;
		int got = map_figure(m, mm, ops, src, item, where, &v, &alt);
		fc_status rc;

		if (got == 0 && !mm->optional)
			sm_count(&mm->t.missing, &mm->t.first_missing, where);
		if (got != 1)
			continue;
		/* A field with a qualifier of its own ("personnel*"). */
		if (alt->n == 1 &&
		    !read_qualifier(m, ops, src, item,
		                    m->fields[alt->fields[0]].qualifier, where,
		                    &ri.qualifier))
			continue;
		if ((miss = make_key(m, &mm->key, ops, src, item, NULL, key)) !=
		    -1) {
			count_key(m, &mm->key, miss, where);
			continue;
		}
		if ((rc = add(m, &ri, key, v, prec, where, sink)) != FC_OK)
			return rc;
	}
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Saying what could not be read. */

/* "row has" or "rows have". */
static const char *has(size_t n)
{
	return n == 1 ? " has" : "s have";
}

/* How the mapping reads map `mm`'s figure, for messages: column "X",
 * or columns "A" or "B" + "C". */
static void map_fields(const sm_mapping *m, const sm_map *mm, char *buf,
                       size_t size)
{
	size_t o = 0, nf = 0;

	for (size_t a = 0; a < mm->n_alts; a++)
		nf += mm->alts[a].n;
	o += (size_t)snprintf(buf, size, "%s%s ", m->words->field,
	                      nf > 1 ? "s" : "");
	for (size_t a = 0; a < mm->n_alts && o < size; a++)
		for (size_t k = 0; k < mm->alts[a].n && o < size; k++)
			o += (size_t)snprintf(
			    buf + o, size - o, "%s\"%s\"",
			    k   ? " + "
			    : a ? " or "
			        : "",
			    m->fields[mm->alts[a].fields[k]].name);
}

/* What the date field is called in messages. */
static const char *date_name(const sm_mapping *m, char *buf, size_t size)
{
	snprintf(buf, size, "%s \"%s\"", m->words->field,
	         m->date_field >= 0 ? m->fields[m->date_field].name : "date");
	return buf;
}

/* One cause of loss: its count and its sentence, without the URL. */
typedef struct cause {
	size_t n;
	char text[700];
} cause;

/* The causes of the resource's losses, in the order they are told. */
static size_t causes(const sm_mapping *m, const sm_ops *ops, void *src,
                     cause *out, size_t max)
{
	const char *item = m->words->item, *fw = m->words->field;
	size_t n = 0;
	char w[120], name[120];

#define CAUSE(count, ...)                                                      \
	do {                                                                   \
		if ((count) && n < max) {                                      \
			out[n].n = (count);                                    \
			snprintf(out[n].text, sizeof(out[n].text),             \
			         __VA_ARGS__);                                 \
			n++;                                                   \
		}                                                              \
	} while (0)
#define WHERE(x) (ops->where(src, (x), w, sizeof(w)), w)

	CAUSE(m->date_t.missing, "%zu %s%s no date in %s (first: %s); skipped",
	      m->date_t.missing, item, has(m->date_t.missing),
	      date_name(m, name, sizeof(name)), WHERE(m->date_t.first_missing));
	if (m->date_t.wrong_type) {
		char fmt[160];
		if (m->date_format)
			snprintf(fmt, sizeof(fmt), "in the date_format \"%s\"",
			         m->date_format);
		else
			snprintf(fmt, sizeof(fmt),
			         "as ISO 8601 (2023-11-05, 2023-11 or 2023); "
			         "set \"date_format\" if it is written "
			         "otherwise");
		CAUSE(m->date_t.wrong_type,
		      "%zu %s%s a date in %s that cannot be read %s (first: "
		      "%s, \"%s\"); skipped",
		      m->date_t.wrong_type, item, has(m->date_t.wrong_type),
		      date_name(m, name, sizeof(name)), fmt,
		      WHERE(m->date_t.first_wrong), m->date_t.example);
	}
	CAUSE(m->qual_t.wrong_type,
	      "%zu %s%s a qualifier in %s \"%s\" that figcheck does "
	      "not know (first: %s, \"%s\"); skipped: map it in "
	      "\"recode\" to one of none, more_than, at_least, "
	      "nearly, about, up_to, less_than",
	      m->qual_t.wrong_type, item, has(m->qual_t.wrong_type), fw,
	      m->qual_t.field, WHERE(m->qual_t.first_wrong), m->qual_t.example);
	if (m->metric_field >= 0)
		CAUSE(m->name_t.missing,
		      "%zu %s%s no metric name in %s \"%s\" (first: %s); "
		      "skipped",
		      m->name_t.missing, item, has(m->name_t.missing), fw,
		      m->fields[m->metric_field].name,
		      WHERE(m->name_t.first_missing));
	CAUSE(m->key_t.missing,
	      "%zu %s%s no value in %s \"%s\" for the metric key \"%s\" "
	      "(first: %s); skipped",
	      m->key_t.missing, item, has(m->key_t.missing), fw, m->key_t.field,
	      m->key_t.example, WHERE(m->key_t.first_missing));
	if (m->value_field >= 0) {
		const char *vf = m->fields[m->value_field].name;
		CAUSE(m->value_t.missing,
		      "%zu %s%s no value in %s \"%s\" (first: %s); skipped "
		      "(list the %s in \"optional\" if that is expected)",
		      m->value_t.missing, item, has(m->value_t.missing), fw, vf,
		      WHERE(m->value_t.first_missing), fw);
		CAUSE(m->value_t.wrong_type,
		      "%zu %s%s a value in %s \"%s\" that is not a number "
		      "(first: %s, \"%s\"); skipped",
		      m->value_t.wrong_type, item, has(m->value_t.wrong_type),
		      fw, vf, WHERE(m->value_t.first_wrong),
		      m->value_t.example);
	}
	for (size_t i = 0; m->value_field < 0 && i < m->n_maps; i++) {
		const sm_map *mm = &m->maps[i];
		char fields[300];
		map_fields(m, mm, fields, sizeof(fields));
		CAUSE(mm->t.missing,
		      "%zu %s%s no value in %s (first: %s): no %s for those "
		      "dates (list the %s in \"optional\" if that is "
		      "expected)",
		      mm->t.missing, item, has(mm->t.missing), fields,
		      WHERE(mm->t.first_missing), mm->key.text, fw);
		CAUSE(mm->t.wrong_type,
		      "%zu %s%s a value in %s \"%s\" that is not a number "
		      "(first: %s, \"%s\"); skipped",
		      mm->t.wrong_type, item, has(mm->t.wrong_type), fw,
		      mm->t.field, WHERE(mm->t.first_wrong), mm->t.example);
	}
	CAUSE(m->bad_keys,
	      "%zu %s%s skipped: \"%s\" (first: %s) is not a usable metric "
	      "key (letters, digits and . _ - : / only); check "
	      "\"metric_template\" and \"recode\", or map the names in "
	      "\"metrics\"",
	      m->bad_keys, item, m->bad_keys == 1 ? "" : "s", m->bad_key,
	      WHERE(m->first_bad_key));
#undef CAUSE
#undef WHERE
	return n;
}

void sm_report(const sm_mapping *m, const sm_ops *ops, void *src,
               const char *url)
{
	cause c[64];
	size_t n = causes(m, ops, src, c, 64);

	for (size_t i = 0; i < n; i++)
		m->host->log(m->ctx, FC_LOG_WARNING, "%s: %s", url, c[i].text);
}

fc_status sm_check_some(const sm_mapping *m, const sm_ops *ops, void *src,
                        const char *url, fc_error *err)
{
	const fc_host *h = m->host;
	const char *item = m->words->item;
	cause c[64];
	size_t n, best = 0;

	if (m->added)
		return FC_OK;
	if (m->items == 0)
		return h->error(err, FC_ERR_PARSE,
		                "%s: no records: the data holds no %ss", url,
		                item);
	if (m->filtered == m->items)
		return h->error(err, FC_ERR_PARSE,
		                "%s: no records: \"filter\" left out all %zu "
		                "%ss",
		                url, m->items, item);
	if (m->ignored && m->metric_field >= 0 &&
	    m->filtered + m->ignored == m->items)
		return h->error(err, FC_ERR_PARSE,
		                "%s: no records: none of the %zu %ss names a "
		                "metric listed in \"metrics\" (in %s \"%s\")",
		                url, m->items, item, m->words->field,
		                m->fields[m->metric_field].name);
	n = causes(m, ops, src, c, 64);
	for (size_t i = 1; i < n; i++)
		if (c[i].n > c[best].n)
			best = i;
	return h->error(err, FC_ERR_PARSE,
	                "%s: no records: none of the %zu %ss gave one; %s", url,
	                m->items, item,
	                n ? c[best].text : "no figures in the mapped fields");
}
