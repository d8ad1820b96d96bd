/*
 * fuzz_source.c: libFuzzer target for a source plugin (the json or the
 * csv source, chosen when it is built: -DFUZZ_PLUGIN_JSON or
 * -DFUZZ_PLUGIN_CSV) with the core's reference store behind it.
 *
 * An input is one byte choosing one of the target's configurations, then
 * the body handed to the plugin's parse callback. The plugin runs through
 * a host table of the harness's own (configuration values over cJSON,
 * the core's date parser, records into a real fc_store); the store is
 * then frozen, with its duplicate rule, and every record checked: a
 * usable metric key, a date, a known period and qualifier, a finite value
 * and an interval in order. A broken invariant aborts, which libFuzzer
 * reports as a crash; so do leaks and sanitizer reports.
 *
 * Built by tests/fuzz/build.sh, run by tests/fuzz/run.sh.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const fc_plugin figcheck_plugin;

/* The configurations an input may choose, as the "options" object of a
 * source. */
static const char *const configs[] = {
#if defined(FUZZ_PLUGIN_JSON)
    "{\"date_field\": \"report_date\", \"metrics\": {\"killed_cum\": "
    "\"gaza.killed\", \"killed_children_cum\": \"gaza.killed.children\"}, "
    "\"optional\": [\"killed_children_cum\"], \"filter\": "
    "{\"report_source\": [\"mohtel\", \"gmotel\"]}}",
    "{\"records\": \"1\", \"date_format\": \"%Y\", \"value_field\": "
    "\"value\", \"metric_template\": \"{countryiso3code|lower}.population\", "
    "\"recode\": {\"countryiso3code\": {\"WLD\": \"world\"}}, \"optional\": "
    "[\"value\", \"countryiso3code\"]}",
    "{\"metrics\": {\"personnel\": \"rus.losses.personnel\", \"POW\": "
    "\"rus.losses.pow\", \"vehicles and fuel tanks\": "
    "\"rus.losses.vehicles\", \"naval ship\": \"rus.losses.ships\", "
    "\"ships\": \"rus.losses.ships\"}, \"qualifier_fields\": {\"personnel\": "
    "\"personnel*\"}, \"sum\": {\"rus.losses.vehicles\": [\"military auto\", "
    "\"fuel tank\"]}, \"gap_values\": {\"POW\": [\"0\", \"n/a\"]}, "
    "\"optional\": [\"POW\"]}",
    "{\"records\": \"/data\", \"metric_field\": \"metric\", \"value_field\": "
    "\"value\", \"metric_template\": \"gaza.{metric}\", \"qualifier_field\": "
    "\"q\", \"precision_field\": \"p\", \"note_field\": \"note\", "
    "\"url_field\": \"url\", \"reported_by_field\": \"by\", \"recode\": "
    "{\"q\": {\"c.\": \"about\"}}}",
    "{\"records\": \"data.by_day\", \"keyed_by_date\": true, \"metrics\": "
    "{\"/counts/killed\": \"{/place|upper}.killed\"}, \"period\": "
    "\"month\"}",
#elif defined(FUZZ_PLUGIN_CSV)
    "{\"date_field\": \"Date\", \"metrics\": {\"Confirmed\": "
    "\"world.covid.cases\", \"Deaths\": \"world.covid.deaths\", "
    "\"Recovered\": \"world.covid.recovered\"}, \"gap_values\": "
    "{\"Recovered\": [\"0\"]}, \"optional\": [\"Recovered\"]}",
    "{\"date_field\": \"Year\", \"date_format\": \"%Y\", \"value_field\": "
    "\"Value\", \"metric_template\": \"{Country Code|lower}.population\", "
    "\"recode\": {\"Country Code\": {\"WLD\": \"world\"}}}",
    "{\"metric_field\": \"indicator\", \"value_field\": \"value\", "
    "\"metric_template\": \"{place|lower}.{metric}\", \"delimiter\": \";\", "
    "\"thousands_separator\": \".\", \"decimal_separator\": \",\", "
    "\"skip_rows\": 1, \"qualifier_field\": \"q\", \"precision_field\": "
    "\"p\"}",
    "{\"metrics\": {\"Vehicles\": \"x.vehicles\", \"Ships\": \"x.ships\", "
    "\"Naval ship\": \"x.ships\"}, \"sum\": {\"x.vehicles\": [\"Auto\", "
    "\"Fuel\"]}, \"filter\": {\"src\": [\"a\", \"b\"]}, \"note_field\": "
    "\"note\", \"optional\": [\"Ships\"]}",
    "{\"date_format\": \"%d/%m/%Y\", \"period\": \"year\", \"delimiter\": "
    "\"\\t\", \"thousands_separator\": \"\", \"metrics\": {\"n\": "
    "\"x.n\"}}",
#else
#error "build with -DFUZZ_PLUGIN_JSON or -DFUZZ_PLUGIN_CSV"
#endif
};
#define N_CONFIGS (sizeof(configs) / sizeof(configs[0]))

static void fail(const char *what, const fc_ref *r)
{
	fprintf(stderr,
	        "invariant broken: %s (metric %s, date %d, period %d, "
	        "value %g)\n",
	        what, r->rec.metric ? r->rec.metric : "(null)",
	        (int)r->rec.date, (int)r->rec.period, r->rec.value);
	abort();
}

/* ------------------------------------------------------------------ */
/* The host table: configuration values are cJSON nodes. */

struct fc_record_sink {
	fc_store store;
	fc_num_options num;
};

static void h_log(fc_plugin_ctx *ctx, fc_log_level level, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	(void)ctx;
	(void)level;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
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

static const fc_value *h_opt(const fc_value *o, const char *key)
{
	const cJSON *j = (const cJSON *)o;
	return cJSON_IsObject(j)
	           ? (const fc_value *)cJSON_GetObjectItemCaseSensitive(j, key)
	           : NULL;
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
	return FC_VALUE_OBJECT;
}

static const char *h_value_string(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

static double h_value_number(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return cJSON_IsNumber(j) ? j->valuedouble : NAN;
}

static bool h_value_bool(const fc_value *v)
{
	return cJSON_IsTrue((const cJSON *)v);
}

static size_t h_value_count(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return cJSON_IsArray(j) || cJSON_IsObject(j)
	           ? (size_t)cJSON_GetArraySize(j)
	           : 0;
}

static const fc_value *h_value_at(const fc_value *v, size_t i)
{
	return (const fc_value *)cJSON_GetArrayItem((const cJSON *)v, (int)i);
}

static const char *h_value_key(const fc_value *v)
{
	const cJSON *j = (const cJSON *)v;
	return j ? j->string : NULL;
}

static const char *h_value_path(fc_plugin_ctx *ctx, const fc_value *v,
                                char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "options.%s", h_value_key(v) ? h_value_key(v) : "");
	return buf;
}

static fc_date h_date_parse(const char *s, size_t len, const char *format)
{
	return fc_date_parse_format(s, len, format);
}

static fc_status h_record_add(fc_record_sink *s, const fc_record *r)
{
	fc_error e;
	return fc_store_add(&s->store, r, "fuzz", "fuzz://body", 0, &s->num,
	                    &e);
}

static const fc_host host = {
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
    .date_parse = h_date_parse,
    .record_add = h_record_add,
};

/* ------------------------------------------------------------------ */

/* A conflict reported by the store must be between two records of one
 * metric and date with different figures. */
static void on_conflict(void *ud, const fc_ref *kept, const fc_ref *dropped)
{
	(void)ud;
	if (strcmp(kept->rec.metric, dropped->rec.metric) != 0 ||
	    kept->rec.date != dropped->rec.date)
		fail("a conflict between different metrics or dates", kept);
	if (kept->rec.value == dropped->rec.value &&
	    kept->rec.qualifier == dropped->rec.qualifier &&
	    kept->rec.precision == dropped->rec.precision)
		fail("a conflict between equal figures", kept);
}

static void check_store(const fc_store *s)
{
	const char *prev = NULL;
	fc_date prev_date = FC_DATE_NONE;

	for (size_t i = 0; i < fc_store_count(s); i++) {
		fc_ref r;
		size_t first, n;

		fc_store_ref(s, i, &r);
		if (!fc_metric_valid(r.rec.metric))
			fail("an unusable metric key", &r);
		if (r.rec.date == FC_DATE_NONE ||
		    fc_period_end(r.rec.date, r.rec.period) != r.rec.date)
			fail("a date not at its period's end", &r);
		if ((unsigned)r.rec.period >= FC_PERIOD_COUNT ||
		    (unsigned)r.rec.qualifier >= FC_QUALIFIER_COUNT)
			fail("a period or qualifier out of range", &r);
		if (!isfinite(r.rec.value) || isnan(r.low) || isnan(r.high) ||
		    r.low > r.high)
			fail("a value or interval that is not one", &r);
		/* Sorted by metric then date, one record per date. */
		if (prev && strcmp(prev, r.rec.metric) == 0 &&
		    prev_date >= r.rec.date)
			fail("records out of order, or a duplicate kept", &r);
		if (prev && strcmp(prev, r.rec.metric) > 0)
			fail("metrics out of order", &r);
		n = fc_store_find(s, r.rec.metric, &first);
		if (n == 0 || i < first || i >= first + n)
			fail("a record its metric does not find", &r);
		prev = r.rec.metric;
		prev_date = r.rec.date;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cJSON *opts;
	void *state = NULL;
	fc_error err;
	fc_record_sink sink;
	fc_resource res;
	char *body;

	if (size < 1)
		return 0;
	opts = cJSON_Parse(configs[data[0] % N_CONFIGS]);
	if (!opts)
		abort();
	memset(&err, 0, sizeof(err));
	if (figcheck_plugin.init(&host, NULL, (const fc_value *)opts, &state,
	                         &err) != FC_OK) {
		fprintf(stderr, "the configuration is refused: %s\n", err.msg);
		abort();
	}
	/* The body, exact size plus the NUL the core adds. */
	body = malloc(size);
	if (!body)
		abort();
	memcpy(body, data + 1, size - 1);
	body[size - 1] = 0;
	memset(&sink, 0, sizeof(sink));
	fc_num_options_init(&sink.num);
	memset(&res, 0, sizeof(res));
	res.url = "fuzz://body";
	res.body = body;
	res.len = size - 1;
	if (figcheck_plugin.source.parse(state, &res, &sink, &err) == FC_OK &&
	    fc_store_count(&sink.store) == 0)
		fail("a resource without records accepted", &(fc_ref){0});
	if (fc_store_freeze(&sink.store, on_conflict, NULL) != FC_OK)
		abort();
	check_store(&sink.store);
	fc_store_free(&sink.store);
	figcheck_plugin.fini(state);
	free(body);
	cJSON_Delete(opts);
	return 0;
}
