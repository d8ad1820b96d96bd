/*
 * host.c: the host table and plugin instances.
 *
 * Everything a plugin hands the core passes through here and is checked
 * before it is kept: a plugin's return values are untrusted input.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fetch.h"
#include "host.h"
#include "json.h"
#include "sentence.h"
#include "store.h"
#include "verify.h"

static void h_log(fc_plugin_ctx *ctx, fc_log_level level, const char *fmt,
		  ...) FC_PRINTF(3, 4);
static fc_status h_error(fc_error *err, fc_status code, const char *fmt, ...)
    FC_PRINTF(3, 4);

static void h_log(fc_plugin_ctx *ctx, fc_log_level level, const char *fmt, ...)
{
	va_list ap;

	if (!ctx || !fmt)
		return;
	va_start(ap, fmt);
	fc_logv(ctx->env->logger, level, ctx->name, fmt, ap);
	va_end(ap);
}

static fc_status h_error(fc_error *err, fc_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fc_error_setv(err, code, fmt, ap);
	va_end(ap);
	return code;
}

static const fc_value *h_opt(const fc_value *obj, const char *key)
{
	const cJSON *o = (const cJSON *)obj;

	if (!o || !key || !cJSON_IsObject(o))
		return NULL;
	return (const fc_value *)cJSON_GetObjectItemCaseSensitive(o, key);
}

static fc_value_type h_value_type(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;

	if (!j)
		return FC_VALUE_NONE;
	if (cJSON_IsNull(j))
		return FC_VALUE_NULL;
	if (cJSON_IsBool(j))
		return FC_VALUE_BOOL;
	if (cJSON_IsNumber(j))
		return FC_VALUE_NUMBER;
	if (cJSON_IsString(j))
		return FC_VALUE_STRING;
	if (cJSON_IsArray(j))
		return FC_VALUE_ARRAY;
	if (cJSON_IsObject(j))
		return FC_VALUE_OBJECT;
	return FC_VALUE_NONE;
}

static const char *h_value_string(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return j && cJSON_IsString(j) ? j->valuestring : NULL;
}

static double h_value_number(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return j && cJSON_IsNumber(j) ? j->valuedouble : NAN;
}

static bool h_value_bool(const fc_value *v)
{
	return cJSON_IsTrue((const cJSON *)v);
}

static size_t h_value_count(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;

	if (!j || !(cJSON_IsArray(j) || cJSON_IsObject(j)))
		return 0;
	return (size_t)cJSON_GetArraySize(j);
}

static const fc_value *h_value_at(const fc_value *v, size_t i)
{
	const cJSON *j = (const cJSON *)v;

	if (!j || !(cJSON_IsArray(j) || cJSON_IsObject(j)) || i > 1000000000)
		return NULL;
	return (const fc_value *)cJSON_GetArrayItem(j, (int)i);
}

static const char *h_value_key(const fc_value *member)
{
	const cJSON *j = (const cJSON *)member;
	return j ? j->string : NULL;
}

static const char *h_value_path(fc_plugin_ctx *ctx, const fc_value *v,
				char *buf, size_t size)
{
	if (!buf || size == 0)
		return "";
	if (!ctx || !ctx->options)
		return snprintf(buf, size, "?"), buf;
	return fc_json_path_of(ctx->options, (const cJSON *)v, ctx->json_path,
			       buf, size);
}

static char *h_resolve_path(fc_plugin_ctx *ctx, const char *path)
{
	if (!ctx || !path)
		return NULL;
	return fc_config_resolve(ctx->env->config, path);
}

static const fc_num_options *h_num_options(fc_plugin_ctx *ctx)
{
	return ctx->env->num;
}

static fc_date h_date_parse(const char *s, size_t len, const char *format)
{
	return fc_date_parse_format(s, len, format);
}

static void h_sentence_at(const char *text, size_t len, size_t offset,
			  size_t *start, size_t *end)
{
	fc_sentence_at(text, len, offset, start, end);
}

static void h_doc_sentence_at(const fc_document *doc, size_t offset,
			      size_t *start, size_t *end)
{
	fc_document_sentence_at(doc, offset, start, end);
}

static void h_position(const fc_document *doc, size_t offset, unsigned *line,
		       unsigned *col)
{
	fc_document_position(doc, offset, line, col);
}

static fc_status refuse(fc_check_sink *s, const char *what)
{
	s->refused++;
	fc_log(s->ctx->env->logger, FC_LOG_WARNING, s->ctx->name,
	       "%s: a malformed claim was refused: %s", s->doc->path, what);
	return FC_ERR_ARG;
}

static fc_status h_claim_add(fc_check_sink *s, const fc_claim *c)
{
	fc_claim *d;
	size_t plen;

	if (!s || !c)
		return FC_ERR_ARG;
	plen = s->doc->prose_len;
	if (c->start >= c->end || c->end > plen)
		return refuse(s, "its span is outside the document");
	if (c->sent_start > c->start || c->sent_end < c->end ||
	    c->sent_end > plen)
		return refuse(s, "its sentence does not contain it");
	if (!c->rule_id || !c->rule_id[0])
		return refuse(s, "it has no rule id");
	if (c->metric && !fc_metric_valid(c->metric))
		return refuse(s, "its metric key is not usable");
	if (!isfinite(c->number.value) || isnan(c->number.low) ||
	    isnan(c->number.high) || c->number.low > c->number.high ||
	    (unsigned)c->number.qualifier >= FC_QUALIFIER_COUNT ||
	    (unsigned)c->number.kind >= FC_NUM_KIND_COUNT)
		return refuse(s, "its reading is not a valid number");
	if (!isfinite(c->tolerance) || c->tolerance < 0 || c->tolerance > 1)
		return refuse(s, "its tolerance is not between 0 and 1");
	if (!isfinite(c->partial_below) || c->partial_below < 0 ||
	    c->partial_below >= 1)
		return refuse(s, "its partial_below is not a share below 1");
	if ((c->flags & FC_CLAIMF_UNRECOGNISED) && c->metric)
		return refuse(s, "an unrecognised figure cannot have a metric");
	if ((unsigned)c->change > FC_CHANGE_LOWEST || c->change_dir < -1 ||
	    c->change_dir > 1 || (unsigned)c->ref_unit >= FC_PERIOD_COUNT ||
	    c->ref_span < 0 || c->ref_span > 100000 ||
	    !isfinite(c->ratio_tolerance) || c->ratio_tolerance < 0 ||
	    c->ratio_tolerance >= 1 ||
	    (c->per_day && c->change != FC_CHANGE_NONE &&
	     c->change != FC_CHANGE_HIGHEST && c->change != FC_CHANGE_LOWEST))
		return refuse(s, "its change or reference point is not valid");
	if (fc_grow((void **)&s->claims, &s->cap_claims, s->n_claims + 1,
		    sizeof(*s->claims)))
		return FC_ERR_NOMEM;
	d = &s->claims[s->n_claims];
	*d = *c;
	d->rule_id = fc_arena_strdup(s->arena, c->rule_id);
	d->metric = fc_arena_strdup(s->arena, c->metric);
	d->unbound_reason = fc_arena_strdup(s->arena, c->unbound_reason);
	d->attribution = fc_arena_strdup(s->arena, c->attribution);
	d->as_of_text = fc_arena_strdup(s->arena, c->as_of_text);
	d->entity = fc_arena_strdup(s->arena, c->entity);
	d->measure = fc_arena_strdup(s->arena, c->measure);
	d->group = fc_arena_strdup(s->arena, c->group);
	d->period = fc_arena_strdup(s->arena, c->period);
	d->explain = fc_arena_strdup(s->arena, c->explain);
	d->ref_text = fc_arena_strdup(s->arena, c->ref_text);
	if ((c->ref_text && !d->ref_text) || !d->rule_id ||
	    (c->metric && !d->metric) ||
	    (c->unbound_reason && !d->unbound_reason) ||
	    (c->attribution && !d->attribution) ||
	    (c->as_of_text && !d->as_of_text) || (c->entity && !d->entity) ||
	    (c->measure && !d->measure) || (c->group && !d->group) ||
	    (c->period && !d->period) || (c->explain && !d->explain))
		return FC_ERR_NOMEM;
	s->n_claims++;
	return FC_OK;
}

static fc_status h_issue_add(fc_check_sink *s, const fc_issue *is)
{
	fc_issue *d;
	fc_verdict v;

	if (!s || !is)
		return FC_ERR_ARG;
	if (is->start >= is->end || is->end > s->doc->prose_len)
		return refuse(s, "an issue's span is outside the document");
	if (!is->rule_id || !is->rule_id[0] || !is->message || !is->message[0])
		return refuse(s, "an issue has no rule id or message");
	if (!is->verdict || !fc_verdict_parse(is->verdict, &v) ||
	    v == FC_VERDICT_COUNT)
		return refuse(s, "an issue's verdict is not a verdict name");
	if (fc_grow((void **)&s->issues, &s->cap_issues, s->n_issues + 1,
		    sizeof(*s->issues)))
		return FC_ERR_NOMEM;
	d = &s->issues[s->n_issues];
	*d = *is;
	d->rule_id = fc_arena_strdup(s->arena, is->rule_id);
	d->verdict = fc_verdict_name(v);
	d->message = fc_arena_strdup(s->arena, is->message);
	d->reason = fc_arena_strdup(s->arena, is->reason);
	if (!d->rule_id || !d->message || (is->reason && !d->reason))
		return FC_ERR_NOMEM;
	s->n_issues++;
	return FC_OK;
}

static fc_status h_record_add(fc_record_sink *s, const fc_record *r)
{
	fc_error e;
	fc_status rc;

	if (!s || !r || !s->store)
		return FC_ERR_ARG;
	rc = fc_store_add(s->store, r, s->source, s->source_url, s->retrieved,
			  s->num, &e);
	if (rc == FC_ERR_ARG)
		s->skipped++;
	else if (rc == FC_OK)
		s->n++;
	return rc;
}

void fc_record_sink_clear(fc_record_sink *s)
{
	s->n = s->skipped = 0;
}

static fc_status h_url_add(fc_url_sink *s, const char *url)
{
	char *copy;

	if (!s || !url || !url[0] || strlen(url) > 8192 || s->n >= 10000)
		return FC_ERR_ARG;
	if (fc_grow((void **)&s->urls, &s->cap, s->n + 1, sizeof(char *)))
		return FC_ERR_NOMEM;
	if (!(copy = fc_strdup(url)))
		return FC_ERR_NOMEM;
	s->urls[s->n++] = copy;
	return FC_OK;
}

void fc_url_sink_clear(fc_url_sink *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->urls[i]);
	free(s->urls);
	memset(s, 0, sizeof(*s));
}

static fc_status h_fetch(fc_plugin_ctx *ctx, const char *url, fc_blob *out,
			 fc_error *err)
{
	if (!ctx || !url || !out)
		return fc_error_set(err, FC_ERR_ARG, "fetch: missing argument");
	memset(out, 0, sizeof(*out));
	if (!ctx->env->fetch)
		return fc_error_set(err, FC_ERR_ARG, "fetch: not in this run");
	return ctx->env->fetch(ctx->env->fetch_ud, ctx->name, url, out, err);
}

static void h_blob_free(fc_blob *b)
{
	fc_blob_free(b);
}

static const char *h_data_path(fc_plugin_ctx *ctx, const char *what)
{
	if (!ctx || !what || strcmp(what, "rules") != 0)
		return NULL;
	return ctx->env->rules_path;
}

static const fc_number_list *h_doc_numbers(const fc_document *doc)
{
	return fc_document_numbers(doc);
}

/* The JSON view of fetched bodies: cJSON trees behind fc_value, parsed by
 * the core's parser (positions in messages, the nesting limit, UTF-16
 * and a byte-order mark told apart from JSON). */
static fc_value *h_json_parse(const char *name, const char *text, size_t len,
			      fc_error *err)
{
	cJSON *root = NULL;

	if (!text)
		return fc_error_set(err, FC_ERR_ARG, "json_parse: no text"),
		       NULL;
	if (fc_json_parse(name ? name : "JSON", text, len, false, &root,
			  err) != FC_OK)
		return NULL;
	return (fc_value *)root;
}

static void h_json_free(fc_value *root)
{
	cJSON_Delete((cJSON *)root);
}

static const fc_value *h_value_next(const fc_value *v)
{
	return v ? (const fc_value *)((const cJSON *)v)->next : NULL;
}

static const fc_host host_table = {
    .abi = FC_PLUGIN_ABI,
    .size = sizeof(fc_host),
    .log = h_log,
    .error = h_error,
    .opt = h_opt,
    .value_type = h_value_type,
    .value_string = h_value_string,
    .value_number = h_value_number,
    .value_bool = h_value_bool,
    .value_count = h_value_count,
    .value_at = h_value_at,
    .value_key = h_value_key,
    .value_path = h_value_path,
    .resolve_path = h_resolve_path,
    .numbers_scan = fc_numbers_scan,
    .number_list_free = fc_number_list_free,
    .number_set_bounds = fc_number_set_bounds,
    .num_options = h_num_options,
    .date_parse = h_date_parse,
    .sentence_at = h_sentence_at,
    .position = h_position,
    .claim_add = h_claim_add,
    .issue_add = h_issue_add,
    .record_add = h_record_add,
    .url_add = h_url_add,
    .fetch = h_fetch,
    .blob_free = h_blob_free,
    .data_path = h_data_path,
    .doc_numbers = h_doc_numbers,
    .json_parse = h_json_parse,
    .doc_sentence_at = h_doc_sentence_at,
    .json_free = h_json_free,
    .value_next = h_value_next,
};

const fc_host *fc_host_table(void)
{
	return &host_table;
}

/* ------------------------------------------------------------------ */
/* Options. */

static bool type_ok(const fc_option *o, const cJSON *v)
{
	const cJSON *e;

	switch (o->type) {
	case FC_OPT_STRING:
		return cJSON_IsString(v);
	case FC_OPT_NUMBER:
		return cJSON_IsNumber(v) && isfinite(v->valuedouble);
	case FC_OPT_INTEGER:
		return fc_json_is_integer(v);
	case FC_OPT_BOOL:
		return cJSON_IsBool(v);
	case FC_OPT_OBJECT:
		return cJSON_IsObject(v);
	case FC_OPT_ARRAY:
		return cJSON_IsArray(v);
	case FC_OPT_STRING_ARRAY:
		if (!cJSON_IsArray(v))
			return false;
		cJSON_ArrayForEach(e, v) if (!cJSON_IsString(e)) return false;
		return true;
	case FC_OPT_ANY:
		return true;
	}
	return false;
}

static const char *type_desc(fc_opt_type t)
{
	switch (t) {
	case FC_OPT_STRING:
		return "a string";
	case FC_OPT_NUMBER:
		return "a number";
	case FC_OPT_INTEGER:
		return "a whole number";
	case FC_OPT_BOOL:
		return "true or false";
	case FC_OPT_OBJECT:
		return "an object";
	case FC_OPT_ARRAY:
		return "an array";
	case FC_OPT_STRING_ARRAY:
		return "an array of strings";
	case FC_OPT_ANY:
		return "any value";
	}
	return "?";
}

/* Validates `opts` (an object) against the plugin's table and adds the
 * defaults of options not given. `cfgname` names the file for messages. */
static fc_status validate_options(const fc_plugin *p, cJSON *opts,
				  const char *cfgname, const char *path,
				  fc_error *err)
{
	const fc_option *table = p->options;
	char buf[512];

	for (cJSON *c = opts->child; c; c = c->next) {
		const fc_option *o = NULL;
		for (size_t i = 0; table && table[i].name; i++)
			if (strcmp(table[i].name, c->string) == 0)
				o = &table[i];
		fc_json_path_key(buf, sizeof(buf), path, c->string);
		if (!o) {
			fc_buf known = {0};
			for (size_t i = 0; table && table[i].name; i++)
				fc_buf_printf(&known, "%s%s", i ? ", " : "",
					      table[i].name);
			fc_status rc = fc_error_set(
			    err, FC_ERR_CONFIG,
			    "%s: %s: unknown option of the %s plugin '%s'; %s%s",
			    cfgname, buf, p->kind == FC_PLUGIN_SOURCE ? "source"
					  : p->kind == FC_PLUGIN_CHECKER ? "checker"
									   : "reporter",
			    p->name, known.len ? "known options: " : "it takes none",
			    known.len ? known.data : "");
			fc_buf_free(&known);
			return rc;
		}
		if (!type_ok(o, c))
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: %s: expected %s, found %s",
					    cfgname, buf, type_desc(o->type),
					    fc_json_type_name(c));
	}
	for (size_t i = 0; table && table[i].name; i++) {
		const fc_option *o = &table[i];
		if (cJSON_GetObjectItemCaseSensitive(opts, o->name))
			continue;
		fc_json_path_key(buf, sizeof(buf), path, o->name);
		if (o->required)
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: %s: missing; the %s plugin needs "
					    "it (%s)",
					    cfgname, buf, p->name,
					    o->help ? o->help : type_desc(o->type));
		if (o->default_json) {
			cJSON *d = cJSON_Parse(o->default_json);
			if (!d || !type_ok(o, d)) {
				cJSON_Delete(d);
				return fc_error_set(err, FC_ERR_PLUGIN,
						    "plugin %s: the default of option "
						    "'%s' is not %s",
						    p->name, o->name,
						    type_desc(o->type));
			}
			cJSON_AddItemToObject(opts, o->name, d);
		}
	}
	return FC_OK;
}

fc_status fc_instance_new(const fc_host_env *env,
			  const fc_loaded_plugin *plugin, const char *name,
			  const cJSON *options, const char *json_path,
			  fc_plugin_ctx **out, fc_error *err)
{
	fc_plugin_ctx *ctx = calloc(1, sizeof(*ctx));
	const fc_config *cfg = env->config;
	const char *cfgname = cfg->path ? cfg->path : "configuration";
	fc_status rc;

	*out = NULL;
	if (!ctx)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	ctx->plugin = plugin;
	ctx->env = env;
	ctx->name = fc_strdup(name);
	ctx->json_path = fc_strdup(json_path);
	ctx->options = options ? cJSON_Duplicate(options, true)
			       : cJSON_CreateObject();
	if (!ctx->name || !ctx->json_path || !ctx->options) {
		fc_instance_free(ctx);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	rc = validate_options(plugin->desc, ctx->options, cfgname, json_path, err);
	if (rc != FC_OK) {
		fc_instance_free(ctx);
		return rc;
	}
	fc_error_clear(err);
	rc = plugin->desc->init(fc_host_table(), ctx,
				(const fc_value *)ctx->options, &ctx->state, err);
	if (rc != FC_OK) {
		if (err && !err->msg[0])
			fc_error_set(err, rc, "%s", fc_strerror(rc));
		if (err)
			fc_error_prefix(err, "%s %s: ",
					fc_plugin_kind_name(plugin->desc->kind), name);
		if (err && err->code == FC_OK)
			err->code = FC_ERR_PLUGIN;
		fc_instance_free(ctx);
		return rc == FC_OK ? FC_ERR_PLUGIN : rc;
	}
	ctx->live = true;
	*out = ctx;
	return FC_OK;
}

void fc_instance_free(fc_plugin_ctx *ctx)
{
	if (!ctx)
		return;
	if (ctx->live && ctx->plugin->desc->fini)
		ctx->plugin->desc->fini(ctx->state);
	cJSON_Delete(ctx->options);
	free(ctx->name);
	free(ctx->json_path);
	free(ctx);
}
