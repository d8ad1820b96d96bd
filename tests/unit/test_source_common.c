/*
 * test_source_common.c: the mapping the json and csv sources share
 * (plugins/source_common, linked here as it is into both): its options
 * read from configuration, items read into records (wide and long
 * layouts, templates, recoding, filters, gaps, sums, qualifiers), what it
 * cannot read counted and said, and its small helpers. Items are cJSON
 * objects read through a small sm_ops table; the host is the core's, with
 * record_add, log and value_path replaced to catch what the mapping
 * hands over.
 */
#include "config.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../plugins/source_common/mapping.h"
#include "host.h"
#include "testutil.h"

/* What the mapping handed to the host: one line per record
 * ("metric date value qualifier precision"), and the log. */
static fc_buf got, logged;

static fc_status catch_record(fc_record_sink *sink, const fc_record *r)
{
	char d[11];

	(void)sink;
	if (!r->metric || r->date == FC_DATE_NONE || !isfinite(r->value))
		return FC_ERR_ARG;
	fc_buf_printf(&got, "%s %s%s %g %s %g%s%s\n", r->metric,
		      fc_date_format(r->date, d),
		      r->period == FC_PERIOD_YEAR ? "/year" : "", r->value,
		      fc_qualifier_name(r->qualifier), r->precision,
		      r->note ? " note=" : "", r->note ? r->note : "");
	return FC_OK;
}

static void catch_log(fc_plugin_ctx *ctx, fc_log_level level,
		      const char *fmt, ...)
{
	va_list ap;
	char line[1024];

	(void)ctx;
	(void)level;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fc_buf_printf(&logged, "%s\n", line);
}

/* "sources[0].options.KEY", KEY the member's name (values are cJSON). */
static const char *path_of(fc_plugin_ctx *ctx, const fc_value *v, char *buf,
			   size_t size)
{
	const cJSON *j = (const cJSON *)v;

	(void)ctx;
	snprintf(buf, size, "sources[0].options%s%s", j && j->string ? "." : "",
		 j && j->string ? j->string : "");
	return buf;
}

static fc_host host(void)
{
	fc_host h = *fc_host_table();

	h.record_add = catch_record;
	h.log = catch_log;
	h.value_path = path_of;
	return h;
}

/* The items' fields: a member's string, or a number as written. */
static const char *text(void *src, const void *item, const sm_field *f,
			char *buf, size_t size)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, f->name);

	(void)src;
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v)) {
		snprintf(buf, size, "%.17g", v->valuedouble);
		return buf;
	}
	return NULL;
}

static int figure(void *src, const void *item, const sm_field *f, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, f->name);
	char *end;

	(void)src;
	if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && !v->valuestring[0]))
		return 0;
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return 1;
	}
	if (!cJSON_IsString(v))
		return -1;
	*out = strtod(v->valuestring, &end);
	return *end ? -1 : 1;
}

static void where(void *src, long n, char *buf, size_t size)
{
	(void)src;
	snprintf(buf, size, "item %ld", n);
}

static const sm_ops ops = {text, figure, where};
static const sm_words words = {"test", "field", "item"};

/* Options and items in, records (or a configuration error) out. */
static const struct {
	const char *options;
	const char *items; /* a JSON array of objects */
	const char *expect; /* the records, or part of the error */
	const char *log;    /* part of the log, or NULL */
} cases[] = {
    /* Wide layout: one field per metric; a missing figure is counted. */
    {"{\"metrics\": {\"killed\": \"gaza.killed\", \"hurt\": \"gaza.injured\"}}",
     "[{\"date\": \"2023-11-05\", \"killed\": 9770, \"hurt\": \"24,000\"},"
     " {\"date\": \"2023-11-06\", \"killed\": \"10022\"}]",
     "gaza.killed 2023-11-05 9770 none 0\n"
     "gaza.killed 2023-11-06 10022 none 0\n",
     "gaza.injured"},
    /* Several fields for one key: the first with a value wins. */
    {"{\"metrics\": {\"a\": \"x.k\", \"b\": \"x.k\"}}",
     "[{\"date\": \"2023-01-01\", \"b\": 2}, {\"date\": \"2023-01-02\", "
     "\"a\": 1, \"b\": 3}]",
     "x.k 2023-01-01 2 none 0\nx.k 2023-01-02 1 none 0\n", NULL},
    /* A sum when the field itself is missing. */
    {"{\"metrics\": {\"total\": \"x.total\"}, "
     "\"sum\": {\"x.total\": [\"men\", \"women\"]}}",
     "[{\"date\": \"2023-01-01\", \"men\": 2, \"women\": 3},"
     " {\"date\": \"2023-01-02\", \"total\": 9}]",
     "x.total 2023-01-01 5 none 0\nx.total 2023-01-02 9 none 0\n", NULL},
    /* Long layout with a template, recoding and a year's date. */
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", "
     "\"metric_template\": \"{c|lower}.{metric}\", "
     "\"recode\": {\"c\": {\"WLD\": \"world\"}}, \"date_format\": \"%Y\"}",
     "[{\"date\": \"2023\", \"m\": \"population\", \"c\": \"UKR\", \"v\": 5},"
     " {\"date\": \"2023\", \"m\": \"population\", \"c\": \"WLD\", \"v\": 8}]",
     "ukr.population 2023-01-01/year 5 none 0\n"
     "world.population 2023-01-01/year 8 none 0\n",
     NULL},
    /* Long layout, only the names asked for. */
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", "
     "\"metrics\": {\"Deaths\": \"w.deaths\"}}",
     "[{\"date\": \"2021-01-01\", \"m\": \"Deaths\", \"v\": 7},"
     " {\"date\": \"2021-01-01\", \"m\": \"Cases\", \"v\": 70}]",
     "w.deaths 2021-01-01 7 none 0\n", NULL},
    /* Filter, gap values, qualifier, precision and note fields. */
    {"{\"metrics\": {\"n\": \"i.killed\"}, \"filter\": {\"src\": [\"moh\"]},"
     " \"gap_values\": {\"n\": [\"-1\"]}, \"qualifier_field\": \"q\","
     " \"precision_field\": \"p\", \"note_field\": \"note\"}",
     "[{\"date\": \"2023-10-13\", \"src\": \"moh\", \"n\": 1400, "
     "\"q\": \"more\", \"p\": 100, \"note\": \"first\"},"
     " {\"date\": \"2023-10-14\", \"src\": \"other\", \"n\": 5},"
     " {\"date\": \"2023-10-15\", \"src\": \"moh\", \"n\": -1},"
     " {\"date\": \"2023-10-16\", \"src\": \"moh\", \"n\": 1200, "
     "\"q\": \"approximately\"}]",
     "i.killed 2023-10-13 1400 more_than 100 note=first\n"
     "i.killed 2023-10-16 1200 about 100\n", /* from its rounding */
     NULL},
    /* A date that does not read: counted and said, with the first. */
    {"{\"metrics\": {\"n\": \"x.n\"}, \"date_field\": \"day\"}",
     "[{\"day\": \"5 Nov\", \"n\": 1}, {\"day\": \"2023-11-05\", \"n\": 2}]",
     "x.n 2023-11-05 2 none 0\n", "5 Nov"},
    /* Configuration errors name the option. */
    {"{\"metrics\": 3}", NULL, "options.metrics: expected an object", NULL},
    {"{\"period\": \"week\"}", NULL, "options.period: expected \"day\"", NULL},
    {"{\"metric_field\": \"m\"}", NULL, "value_field", NULL},
};

START_TEST(test_mapping)
{
	fc_host h = host();
	cJSON *opts = cJSON_Parse(cases[_i].options);
	cJSON *items = cases[_i].items ? cJSON_Parse(cases[_i].items) : NULL;
	const cJSON *it;
	sm_mapping m;
	fc_error err;
	fc_status rc;
	long n = 0;

	ck_assert_ptr_nonnull(opts);
	memset(&got, 0, sizeof(got));
	memset(&logged, 0, sizeof(logged));
	memset(&m, 0, sizeof(m));
	fc_error_clear(&err);
	rc = sm_configure(&m, &h, NULL, &words, (const fc_value *)opts, "date",
			  &err);
	if (!cases[_i].items) {
		ck_assert_int_eq(rc, FC_ERR_CONFIG);
		ck_assert_msg(strstr(err.msg, cases[_i].expect) != NULL,
			      "expected '%s' in: %s", cases[_i].expect,
			      err.msg);
		goto out;
	}
	ck_assert_msg(rc == FC_OK, "%s", err.msg);
	ck_assert_ptr_nonnull(items);
	sm_reset(&m);
	cJSON_ArrayForEach(it, items)
	{
		ck_assert_int_eq(sm_item(&m, &ops, NULL, it, NULL, ++n,
					 (fc_record_sink *)&got),
				 FC_OK);
	}
	sm_report(&m, &ops, NULL, "test.json");
	ck_assert_str_eq(got.data ? got.data : "", cases[_i].expect);
	if (cases[_i].log)
		ck_assert_msg(logged.data &&
				  strstr(logged.data, cases[_i].log) != NULL,
			      "expected '%s' in the log: %s", cases[_i].log,
			      logged.data ? logged.data : "(nothing)");
out:
	sm_free(&m);
	cJSON_Delete(opts);
	cJSON_Delete(items);
	fc_buf_free(&got);
	fc_buf_free(&logged);
}
END_TEST

/* A resource with no record at all fails, saying why. */
START_TEST(test_none)
{
	fc_host h = host();
	cJSON *opts = cJSON_Parse("{\"metrics\": {\"n\": \"x.n\"}}");
	cJSON *item = cJSON_Parse("{\"date\": \"2023-11-05\"}");
	sm_mapping m;
	fc_error err;

	memset(&m, 0, sizeof(m));
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(sm_configure(&m, &h, NULL, &words,
				      (const fc_value *)opts, "date", &err),
			 FC_OK);
	sm_reset(&m);
	ck_assert_int_eq(sm_item(&m, &ops, NULL, item, NULL, 1, NULL), FC_OK);
	ck_assert_int_eq(sm_check_some(&m, &ops, NULL, "t.json", &err),
			 FC_ERR_PARSE);
	ck_assert_msg(strstr(err.msg, "t.json") != NULL, "%s", err.msg);
	sm_free(&m);
	cJSON_Delete(opts);
	cJSON_Delete(item);
	fc_buf_free(&got);
	fc_buf_free(&logged);
}
END_TEST

/* The words sources publish for a qualifier. */
static const struct {
	const char *word;
	bool known;
	fc_qualifier q;
} words_q[] = {
    {"", true, FC_QUAL_NONE},           {"more_than", true, FC_QUAL_MORE_THAN},
    {"More", true, FC_QUAL_MORE_THAN}, {"approximately", true, FC_QUAL_ABOUT},
    {"about", true, FC_QUAL_ABOUT},     {"~", true, FC_QUAL_ABOUT},
    {"roughly-ish", false, FC_QUAL_NONE},
};

START_TEST(test_qualifier)
{
	fc_qualifier q = FC_QUAL_NONE;

	ck_assert_int_eq(sm_qualifier(words_q[_i].word, &q), words_q[_i].known);
	if (words_q[_i].known)
		ck_assert_int_eq(q, words_q[_i].q);
}
END_TEST

/* Helpers: printable copies for messages, counts that keep the first. */
START_TEST(test_helpers)
{
	char buf[8];
	sm_tally t;
	size_t n = 0;
	long first = -1;

	ck_assert_str_eq(sm_printable("a\nb\0c", 5, buf, sizeof(buf)), "a?b?c");
	ck_assert_str_eq(sm_printable("0123456789", 10, buf, sizeof(buf)),
			 "0123456");
	sm_count(&n, &first, 7);
	sm_count(&n, &first, 9);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(first, 7);
	sm_reset_tally(&t);
	ck_assert_int_eq(t.first_wrong, -1);
	sm_count_wrong(&t, 4, "x\x01y");
	sm_count_wrong(&t, 5, "z");
	ck_assert_uint_eq(t.wrong_type, 2);
	ck_assert_int_eq(t.first_wrong, 4);
	ck_assert_str_eq(t.example, "x?y");
	ck_assert_ptr_null(sm_dup(NULL));
}
END_TEST

/* The options are declared once: both sources' tables start with them,
 * with each source's words in the help. */
START_TEST(test_options)
{
	static const fc_option a[] = {SM_OPTIONS("field", "record", " (x)"),
				      {NULL, 0, false, NULL, NULL}};
	static const fc_option b[] = {SM_OPTIONS("column", "row", ""),
				      {NULL, 0, false, NULL, NULL}};
	size_t n = 0;

	for (; a[n].name; n++) {
		ck_assert_str_eq(a[n].name, b[n].name);
		ck_assert_int_eq(a[n].type, b[n].type);
		ck_assert_ptr_null(strstr(b[n].help, "record"));
	}
	ck_assert_ptr_null(b[n].name);
	ck_assert_uint_eq(n, 18);
	ck_assert_str_eq(b[0].help, "the column that holds each row's date");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("source_common");
	TCase *tc = tcase_create("mapping");

	tcase_add_loop_test(tc, test_mapping, 0, (int)FC_ARRAY_LEN(cases));
	tcase_add_test(tc, test_none);
	tcase_add_loop_test(tc, test_qualifier, 0, (int)FC_ARRAY_LEN(words_q));
	tcase_add_test(tc, test_helpers);
	tcase_add_test(tc, test_options);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
