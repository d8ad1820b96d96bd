/*
 * test_config.c: loading and validating the configuration; every error
 * names the JSON path, and syntax errors the line and column.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "testutil.h"

static const struct {
	const char *text;
	const char *error; /* NULL: it must load */
} cases[] = {
    {"{}", NULL},
    {"\xEF\xBB\xBF{}", NULL},
    {"{\"date\": \"2023-11-05\", \"year\": 2023, \"fail_on\": \"discrepancy\"}",
     NULL},
    {"", "empty file"},
    {"   ", "empty file"},
    {"{\n  \"date\": \"2023-11-05\",\n  \"year\": 2023,\n}", "t.json:4:1: invalid JSON"},
    {"{\"date\": \"2023-11-05\"} trailing", "t.json:1:24: invalid JSON: unexpected text"},
    {"{\"date\": \"2023-11-05\"", "t.json:1:21: invalid JSON at the end"},
    {"[]", "(top level): expected an object"},
    {"{\"dte\": \"2023-11-05\"}", "dte: unknown key; known keys here"},
    {"{\"date\": \"5 Nov\"}", "date: \"5 Nov\" is not a date; write YYYY-MM-DD"},
    {"{\"date\": 20231105}", "date: expected a string, found a number"},
    {"{\"year\": 2023.5}", "year: expected a whole number, found a fraction"},
    {"{\"year\": 0}", "year: 0 is out of range"},
    {"{\"fail_on\": \"bad\"}", "fail_on: \"bad\" is not a verdict"},
    {"{\"fail_on\": \"never\"}", NULL},
    {"{\"numbers\": {\"locale\": \"fr\"}}", "numbers.locale: \"fr\" is not a known locale"},
    {"{\"numbers\": {\"round\": \"last-nonzero\", \"nearly_window\": 0.2}}", NULL},
    {"{\"numbers\": {\"nearly_window\": 2}}", "numbers.nearly_window: 2 is out of range"},
    {"{\"numbers\": []}", "numbers: expected an object, found an array"},
    {"{\"verify\": {\"lag_days\": -1}}", "verify.lag_days: -1 is out of range"},
    {"{\"verify\": {\"understated\": \"a lot\"}}", "verify.understated: expected a number, found a string"},
    {"{\"verify\": {\"stale\": 3}}", "verify.stale: unknown key"},
    {"{\"fetch\": {\"timeout\": \"10x\"}}", "fetch.timeout: expected a duration"},
    {"{\"fetch\": {\"timeout\": \"30s\", \"max_body\": 1000, \"retries\": 2}}", NULL},
    {"{\"sources\": {}}", "sources: expected an array of objects, found an object"},
    {"{\"sources\": [3]}", "sources[0]: expected an object, found a number"},
    {"{\"sources\": [{\"plugin\": \"json\", \"url\": \"x\"}]}", "sources[0].name: missing; expected a string"},
    {"{\"sources\": [{\"name\": \"a\", \"url\": \"x\"}]}", "sources[0].plugin: missing"},
    {"{\"sources\": [{\"name\": \"a b\", \"plugin\": \"json\"}]}", "sources[0].name: \"a b\": use letters"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": 3}]}", "sources[0].url: expected a string, found a number"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": \"x\", \"path\": \"y\"}]}", "sources[0]: give \"url\" or \"path\", not both"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": \"x\"}, {\"name\": \"a\", \"plugin\": \"json\", \"url\": \"y\"}]}", "sources[1]: a source named \"a\" is already defined at sources[0]"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": \"x\", \"aliases\": [\"ok\", 4]}]}", "sources[0].aliases[1]: expected a non-empty string"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": \"x\", \"ttl\": \"2h\", \"options\": []}]}", "sources[0].options: expected an object, found an array"},
    {"{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", \"url\": \"x\", \"opts\": {}}]}", "sources[0].opts: unknown key"},
    {"{\"checkers\": {\"rules\": 3}}", "checkers.rules: expected an object of options, or false"},
    {"{\"checkers\": {\"rules\": false}}", NULL},
    {"{\"reporters\": {\"text\": []}}", "reporters.text: expected an object of options"},
    {"{\"plugin_dirs\": \"x\"}", "plugin_dirs: expected an array of folder names"},
    {"{\"a\": 1, \"a\": 2}", "key \"a\" given twice"},
    {"{\"verify\": {\"lag_days\": 1, \"lag_days\": 2}}", "verify.lag_days: key \"lag_days\" given twice"},
    {"{\"date\": \"caf\xC3\"}", "t.json:1:14: not valid UTF-8"},
};

START_TEST(test_parse)
{
	fc_config *cfg = NULL;
	fc_error err;
	fc_status rc;

	fc_error_clear(&err);
	rc = fc_config_parse("t.json", "/base", cases[_i].text,
			     strlen(cases[_i].text), &cfg, &err);
	if (!cases[_i].error) {
		ck_assert_msg(rc == FC_OK, "case %d: %s", _i, err.msg);
		fc_config_free(cfg);
		return;
	}
	ck_assert_msg(rc == FC_ERR_CONFIG, "case %d loaded but should fail", _i);
	ck_assert_ptr_null(cfg);
	ck_assert_msg(strstr(err.msg, cases[_i].error) != NULL,
		      "case %d: expected '%s' in '%s'", _i, cases[_i].error,
		      err.msg);
	ck_assert_msg(strncmp(err.msg, "t.json", 6) == 0,
		      "case %d: the message must name the file: %s", _i, err.msg);
}
END_TEST

/* A source's "headers": ${NAME} taken from the environment at load;
 * an unset variable, a malformed reference, a bad name and a value with a
 * line break are errors naming the key path (and the variable), never
 * the value. */
static const struct {
	const char *headers; /* the "headers" object */
	const char *expect;  /* the header line, or the error */
	bool ok;
} header_cases[] = {
    {"{\"Authorization\": \"Bearer ${FC_T_TOKEN}\"}",
     "Authorization: Bearer t0k-SECRET", true},
    {"{\"X-Key\": \"${FC_T_TOKEN}${FC_T_TOKEN}\"}",
     "X-Key: t0k-SECRETt0k-SECRET", true},
    {"{\"X-Price\": \"$5 and $ {x}\"}", "X-Price: $5 and $ {x}", true},
    {"{\"Authorization\": \"Bearer ${FC_T_UNSET}\"}",
     "t.json: sources[0].headers.Authorization: the environment variable "
     "FC_T_UNSET is not set", false},
    {"{\"A\": \"${FC_T_TOKEN\"}", "sources[0].headers.A: \"${\" must start",
     false},
    {"{\"A\": \"${}\"}", "sources[0].headers.A: \"${\" must start", false},
    {"{\"A\": \"${1X}\"}", "sources[0].headers.A: \"${\" must start", false},
    {"{\"A\": \"${FC_T_CRLF}\"}",
     "sources[0].headers.A: the value (once its environment variables are "
     "put in) holds a line break (CR or LF)", false},
    {"{\"A\": \"x\\r\\nHost: evil\"}", "holds a line break", false},
    {"{\"A\": \"${FC_T_EMPTY}\"}", "sources[0].headers.A: the value is empty",
     false},
    {"{\"Bad Name\": \"x\"}",
     "sources[0].headers[\"Bad Name\"]: not a header name", false},
    {"{\"A:B\": \"x\"}", "not a header name", false},
    {"{\"A\": 3}", "sources[0].headers.A: expected a string, found a number",
     false},
    {"{\"A\": \"x\", \"a\": \"y\"}", "sources[0].headers.a: header given twice",
     false},
    {"[]", "sources[0].headers: expected an object, found an array", false},
};

START_TEST(test_headers)
{
	char *text = fc_asprintf(
	    "{\"sources\": [{\"name\": \"a\", \"plugin\": \"json\", "
	    "\"url\": \"http://x/\", \"headers\": %s}]}",
	    header_cases[_i].headers);
	fc_config *cfg = NULL;
	fc_error err;
	fc_status rc;

	setenv("FC_T_TOKEN", "t0k-SECRET", 1);
	setenv("FC_T_CRLF", "t0k-SECRET\r\nX-Injected: 1", 1);
	setenv("FC_T_EMPTY", "", 1);
	unsetenv("FC_T_UNSET");
	fc_error_clear(&err);
	rc = fc_config_parse("t.json", "/base", text, strlen(text), &cfg, &err);
	if (header_cases[_i].ok) {
		ck_assert_msg(rc == FC_OK, "%s", err.msg);
		ck_assert_uint_eq(cfg->sources[0].n_headers, 1);
		ck_assert_str_eq(cfg->sources[0].headers[0],
				 header_cases[_i].expect);
		fc_config_free(cfg);
	} else {
		ck_assert_int_eq(rc, FC_ERR_CONFIG);
		ck_assert_msg(strstr(err.msg, header_cases[_i].expect) != NULL,
			      "expected '%s' in '%s'", header_cases[_i].expect,
			      err.msg);
		ck_assert_msg(strstr(err.msg, "t0k-SECRET") == NULL, "%s",
			      err.msg);
	}
	free(text);
}
END_TEST

/* How reports show a source's data: relative to the configuration's
 * folder, or the URL without credentials; never an absolute path. */
static const struct {
	const char *dir, *url, *shown;
} shown_cases[] = {
    {"/base", "/base/data/x.json", "data/x.json"},
    {"/base", "/base/./data/../data/x.json", "data/x.json"},
    {"/base/", "/base/x.csv", "x.csv"},
    {"/base/conf", "/base/data/x.json", "../data/x.json"},
    {"/base/conf", "/srv/x.json", "../../srv/x.json"},
    {"/", "/srv/x.json", "srv/x.json"},
    {"/base", "/base", "."},
    {"/base", "file:///base/data/x.json", "data/x.json"},
    {"/base", "file://localhost/base/x.json", "x.json"},
    {"/base", "https://api.example.org/v1?q=1", "https://api.example.org/v1?q=1"},
    {"/base", "https://user:pw@api.example.org/x", "https://api.example.org/x"},
    {"/base", "https://api.example.org/x?email=a@b", "https://api.example.org/x?email=a@b"},
};

START_TEST(test_display_url)
{
	fc_config *cfg = NULL;
	fc_error err;
	char *got;

	ck_assert_int_eq(fc_config_parse("t.json", shown_cases[_i].dir, "{}", 2,
					 &cfg, &err),
			 FC_OK);
	got = fc_config_display_url(cfg, shown_cases[_i].url);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, shown_cases[_i].shown);
	free(got);
	ck_assert_ptr_null(fc_config_display_url(cfg, NULL));
	fc_config_free(cfg);
}
END_TEST

/* Text that is JSON in the wrong encoding, or nested past what the
 * parser takes, gets a message that says so rather than "invalid JSON
 * near '[[[['". */
START_TEST(test_encoding_and_depth)
{
	static const char u16[] = "\xff\xfe{\0}\0";
	fc_config *cfg = NULL;
	fc_buf deep = {0};
	fc_error err;

	ck_assert_int_eq(fc_config_parse("t.json", NULL, u16, sizeof(u16) - 1,
					 &cfg, &err),
			 FC_ERR_CONFIG);
	ck_assert_msg(strstr(err.msg, "t.json: UTF-16LE text") &&
			  strstr(err.msg, "iconv -f UTF-16LE -t UTF-8"),
		      "%s", err.msg);
	fc_buf_puts(&deep, "{\"checkers\": ");
	for (int i = 0; i < 1100; i++)
		fc_buf_puts(&deep, "[");
	ck_assert_int_eq(fc_config_parse("t.json", NULL, deep.data, deep.len,
					 &cfg, &err),
			 FC_ERR_CONFIG);
	ck_assert_msg(strstr(err.msg, "t.json:1:1013: JSON nested too deeply"),
		      "%s", err.msg);
	fc_buf_free(&deep);
}
END_TEST

START_TEST(test_values)
{
	const char *text =
	    "{\"date\": \"2023-11-05\", \"year\": 2023, \"fail_on\": \"discrepancy\","
	    " \"verify\": {\"lag_days\": 3, \"understated\": 0.5},"
	    " \"sources\": [{\"name\": \"moh\", \"plugin\": \"json\","
	    " \"path\": \"data/x.json\", \"ttl\": \"6h\", \"aliases\": [\"MoH\"]},"
	    " {\"name\": \"web\", \"plugin\": \"json\", \"url\": "
	    "\"https://example.org/x.json\", \"lag_days\": 0}]}";
	fc_config *cfg;
	fc_error err;

	ck_assert_int_eq(fc_config_parse("t.json", "/base", text, strlen(text),
					 &cfg, &err),
			 FC_OK);
	ck_assert_int_eq(cfg->date, fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(cfg->year, 2023);
	ck_assert_int_eq(cfg->fail_on, FC_VERDICT_DISCREPANCY);
	ck_assert_int_eq(cfg->lag_days, 3);
	ck_assert_double_eq(cfg->understated, 0.5);
	ck_assert_int_eq(cfg->stale_days, 7);
	ck_assert_uint_eq(cfg->n_sources, 2);
	ck_assert_str_eq(cfg->sources[0].url, "/base/data/x.json");
	ck_assert_double_eq(cfg->sources[0].ttl, 21600);
	ck_assert_int_eq(cfg->sources[0].lag_days, 3);
	ck_assert_str_eq(cfg->sources[0].aliases[0], "MoH");
	ck_assert_str_eq(cfg->sources[1].url, "https://example.org/x.json");
	ck_assert_int_eq(cfg->sources[1].lag_days, 0);
	fc_config_free(cfg);
}
END_TEST

START_TEST(test_search_upward)
{
	char *dir = tu_tmpdir();
	char *sub = fc_asprintf("%s/a/b", dir), *cmd = fc_asprintf("mkdir -p '%s'", sub);
	char *cfgp;
	fc_config *cfg;
	fc_error err;

	ck_assert_int_eq(system(cmd), 0);
	cfgp = tu_write(dir, ".figcheck.json", "{\"year\": 2021}");
	ck_assert_int_eq(fc_config_load(NULL, sub, &cfg, &err), FC_OK);
	ck_assert_int_eq(cfg->year, 2021);
	ck_assert_str_eq(cfg->path, cfgp);
	fc_config_free(cfg);
	/* A broken file found on the way up is an error, not skipped. */
	free(cfgp);
	cfgp = tu_write(dir, ".figcheck.json", "{\"year\": }");
	ck_assert_int_eq(fc_config_load(NULL, sub, &cfg, &err), FC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, ".figcheck.json:1:10"));
	/* --config with a missing file names it. */
	ck_assert_int_eq(fc_config_load("/no/such/cfg.json", NULL, &cfg, &err),
			 FC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "/no/such/cfg.json"));
	free(cfgp);
	free(sub);
	free(cmd);
	tu_rmdir(dir);
}
END_TEST

START_TEST(test_defaults)
{
	char *dir = tu_tmpdir();
	fc_config *cfg;
	fc_error err;

	/* No file anywhere above a fresh temporary folder: the defaults
	 * (unless /tmp or / holds one, which a test machine should not). */
	ck_assert_int_eq(fc_config_load(NULL, dir, &cfg, &err), FC_OK);
	ck_assert_ptr_null(cfg->path);
	ck_assert_int_eq(cfg->fail_on, FC_VERDICT_OUTDATED);
	ck_assert_int_eq(cfg->lag_days, 2);
	ck_assert_uint_eq(cfg->n_sources, 0);
	fc_config_free(cfg);
	tu_rmdir(dir);
}
END_TEST

/* Plugin options are validated against the plugin's declared table. */
static const struct {
	const char *options;
	const char *error;
} option_cases[] = {
    {"{\"metrics\": {\"killed\": \"x.killed\"}}", NULL},
    {"{}", "sources[0].options.metrics: missing; the json plugin needs it"},
    {"{\"metrics\": {\"killed\": \"x.killed\"}, \"colour\": 1}",
     "sources[0].options.colour: unknown option of the source plugin 'json'"},
    {"{\"metrics\": [\"killed\"]}",
     "sources[0].options.metrics: expected an object, found an array"},
    {"{\"metrics\": {\"killed\": \"x.killed\"}, \"optional\": [1]}",
     "sources[0].options.optional: expected an array of strings"},
    {"{\"metrics\": {\"killed\": 3}}",
     "sources[0].options.metrics.killed: expected a metric key"},
    {"{\"metrics\": {\"killed\": \"x.killed\"}, \"records\": \".data\"}",
     "sources[0].options.records: \".data\" is neither a JSON Pointer"},
};

START_TEST(test_plugin_options)
{
	char *dir = tu_tmpdir();
	char *data =
	    tu_write(dir, "d.json", "[{\"date\": \"2023-11-05\", \"killed\": 1}]");
	char *config = fc_asprintf(
	    "{\"sources\": [{\"name\": \"s\", \"plugin\": \"json\", \"path\": "
	    "\"d.json\", \"options\": %s}]}",
	    option_cases[_i].options);
	fc_engine *eng = NULL;
	fc_error err;
	fc_status rc = tu_engine_ex(dir, config, NULL, &eng, &err);

	if (!option_cases[_i].error) {
		ck_assert_msg(rc == FC_OK, "case %d: %s", _i, err.msg);
	} else {
		ck_assert_msg(rc != FC_OK, "case %d should fail", _i);
		ck_assert_msg(strstr(err.msg, option_cases[_i].error) != NULL,
			      "case %d: expected '%s' in '%s'", _i,
			      option_cases[_i].error, err.msg);
	}
	fc_engine_free(eng);
	free(config);
	free(data);
	tu_rmdir(dir);
}
END_TEST

START_TEST(test_unknown_plugin)
{
	char *dir = tu_tmpdir();
	fc_engine *eng = NULL;
	fc_error err;

	ck_assert_int_ne(tu_engine_ex(dir,
				      "{\"sources\": [{\"name\": \"s\", \"plugin\": "
				      "\"xml\", \"path\": \"x\"}]}",
				      NULL, &eng, &err),
			 FC_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "sources[0].plugin: no source "
					      "plugin named 'xml'"));
	ck_assert_ptr_nonnull(strstr(err.msg, "json"));
	ck_assert_int_ne(tu_engine_ex(dir, "{\"checkers\": {\"speling\": {}}}",
				      NULL, &eng, &err),
			 FC_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "checkers.speling: no checker "
					      "plugin named 'speling'"));
	tu_rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_parse, 0, (int)FC_ARRAY_LEN(cases));
	tcase_add_test(tc, test_values);
	tcase_add_loop_test(tc, test_display_url, 0,
			    (int)FC_ARRAY_LEN(shown_cases));
	tcase_add_loop_test(tc, test_headers, 0,
			    (int)FC_ARRAY_LEN(header_cases));
	tcase_add_test(tc, test_encoding_and_depth);
	tcase_add_test(tc, test_search_upward);
	tcase_add_test(tc, test_defaults);
	tcase_add_loop_test(tc, test_plugin_options, 0,
			    (int)FC_ARRAY_LEN(option_cases));
	tcase_add_test(tc, test_unknown_plugin);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
