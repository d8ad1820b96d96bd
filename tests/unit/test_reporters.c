/*
 * test_reporters.c: the text and json reporters over a real run of the
 * bundled example.
 */
#include "config.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define EXAMPLES FC_SOURCE_DIR "/examples"

static char *tmp;
static fc_engine *eng;
static fc_doc_result *res;

static void setup(void)
{
	fc_document *doc;
	fc_error err;
	/* Without the consistency checker: these tests are about reporters
	 * and the three findings of the example's reference checks. */
	char *config = tu_example_config("\"checkers\": {\"consistency\": false}");

	tmp = tu_tmpdir();
	eng = tu_engine(tmp, config, NULL);
	free(config);
	ck_assert_int_eq(fc_document_load(EXAMPLES "/gaza-2023-11-05.md", NULL,
					  &doc, &err),
			 FC_OK);
	ck_assert_int_eq(fc_engine_check(eng, doc, &res, &err), FC_OK);
}

static void teardown(void)
{
	fc_doc_result_free(res);
	fc_engine_free(eng);
	tu_rmdir(tmp);
}

static char *render(const char *format)
{
	char *out = fc_asprintf("%s/out.%s", tmp, format), *data;
	const char *paths[] = {res->doc->path};
	fc_doc_result *rs[] = {res};
	fc_error err;
	size_t len;

	ck_assert_int_eq(fc_engine_report(eng, format, out, rs, paths, NULL, 1,
					  &err),
			 FC_OK);
	ck_assert_int_eq(fc_read_file(out, 0, &data, &len, &err), FC_OK);
	free(out);
	return data;
}

START_TEST(test_text)
{
	char *t = render("text");

	ck_assert_ptr_nonnull(strstr(t, EXAMPLES "/gaza-2023-11-05.md:15:"));
	ck_assert_ptr_nonnull(strstr(t, ": ok: \"9,770\" agrees with gaza-moh: "
					"9,770 on 2023-11-05."));
	ck_assert_ptr_nonnull(strstr(t, ": ok: \"more than 1,400\""));
	ck_assert_ptr_nonnull(strstr(t, ": discrepancy: \"4,800\" disagrees with "
					"gaza-moh: 4,008 on 2023-11-05"));
	ck_assert_ptr_nonnull(strstr(t, "[gaza.killed.children, "
					"casualties.killed]"));
	ck_assert_ptr_nonnull(strstr(t, "5 findings in 1 document: 1 "
					"discrepancy, 1 unverified, 3 ok; 9 figures: "
					"5 checked, 4 unchecked, 0 not quantities"));
	/* No colour when writing to a file. */
	ck_assert_ptr_null(strchr(t, '\033'));
	free(t);
}
END_TEST

START_TEST(test_json)
{
	char *t = render("json");
	cJSON *root = cJSON_Parse(t), *docs, *fs, *f;
	int n_ok = 0, n_bad = 0;

	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "tool"),
					     "name")->valuestring,
			 "figcheck");
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(root, "failed")));
	docs = cJSON_GetObjectItem(root, "documents");
	ck_assert_int_eq(cJSON_GetArraySize(docs), 1);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(docs, 0),
					     "as_of")->valuestring,
			 "2023-11-05");
	fs = cJSON_GetObjectItem(cJSON_GetArrayItem(docs, 0), "findings");
	cJSON_ArrayForEach(f, fs)
	{
		const char *v = cJSON_GetObjectItem(f, "verdict")->valuestring;
		cJSON *rec = cJSON_GetObjectItem(f, "record");
		/* "its 2.2 million people": no source has Gaza's population. */
		if (strcmp(v, "unverified") == 0) {
			ck_assert(cJSON_IsNull(rec));
			ck_assert_str_eq(cJSON_GetObjectItem(f, "metric")->valuestring,
					 "gaza.population");
			continue;
		}
		ck_assert(cJSON_IsObject(rec));
		ck_assert(cJSON_IsString(cJSON_GetObjectItem(rec, "source")));
		ck_assert(cJSON_IsString(cJSON_GetObjectItem(rec, "date")));
		ck_assert_int_eq(
		    (int)strlen(cJSON_GetObjectItem(f, "fingerprint")->valuestring),
		    16);
		ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(
		    cJSON_GetObjectItem(f, "location"), "line")));
		if (strcmp(v, "ok") == 0)
			n_ok++;
		if (strcmp(v, "discrepancy") == 0) {
			n_bad++;
			ck_assert_double_eq(
			    cJSON_GetObjectItem(rec, "value")->valuedouble, 4008);
			ck_assert_double_eq(
			    cJSON_GetObjectItem(cJSON_GetObjectItem(f, "difference"),
						"absolute")
				->valuedouble,
			    792);
			ck_assert_str_eq(
			    cJSON_GetObjectItem(f, "metric")->valuestring,
			    "gaza.killed.children");
		}
		if (strcmp(cJSON_GetObjectItem(f, "text")->valuestring,
			   "more than 1,400") == 0) {
			cJSON *c = cJSON_GetObjectItem(f, "claim");
			ck_assert_str_eq(cJSON_GetObjectItem(c, "qualifier")->valuestring,
					 "more_than");
			ck_assert(cJSON_IsNull(cJSON_GetObjectItem(c, "high")));
			ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(c, "low_open")));
			ck_assert_str_eq(cJSON_GetObjectItem(rec, "qualifier")->valuestring,
					 "more_than");
		}
	}
	ck_assert_int_eq(n_ok, 3);
	ck_assert_int_eq(n_bad, 1);
	/* The figures of the draft, and what became of them. */
	{
		cJSON *cov = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"),
						 "coverage");
		ck_assert_double_eq(cJSON_GetObjectItem(cov, "figures")->valuedouble,
				    9);
		ck_assert_double_eq(cJSON_GetObjectItem(cov, "checked")->valuedouble,
				    5);
		ck_assert_double_eq(
		    cJSON_GetObjectItem(cov, "unchecked")->valuedouble, 4);
		ck_assert_double_eq(
		    cJSON_GetObjectItem(cov, "not_quantities")->valuedouble, 0);
	}
	cJSON_Delete(root);
	free(t);
}
END_TEST

/* A file name with a line break, CR, ESC or bytes that are not UTF-8:
 * the text report cannot be made to show a line the run did not write,
 * nor drive the terminal, and the JSON report stays valid JSON. The
 * names reach the reporters raw here (as a plugin may pass them); the
 * core also escapes them where it names inputs (fc_display_name). */
START_TEST(test_hostile_names)
{
	static const char *const names[] = {
	    "e.md\nx.md:1:1: ok: \"9,770\" agrees with gaza-moh.md",
	    "c\rx.md", "t\033[2J\033]0;pwned\007.md", "bad\xff\xfe.md",
	    "rtl\xe2\x80\xae" "gnp.md", "c1\xc2\x9b" "31m.md"};
	const char *paths[FC_ARRAY_LEN(names)];
	fc_doc_result *rs[FC_ARRAY_LEN(names)];
	size_t n = FC_ARRAY_LEN(names);
	char *out = fc_asprintf("%s/out.any", tmp), *data;
	fc_error err;
	size_t len;
	cJSON *root;

	for (size_t i = 0; i < n; i++) {
		rs[i] = tu_check(eng, names[i],
				 "---\ndate: 2023-11-05\n---\nThe ministry in "
				 "Gaza said 4,800 children were among the dead.\n");
		paths[i] = names[i];
	}
	ck_assert_int_eq(fc_engine_report(eng, "text", out, rs, paths, NULL, n,
					  &err),
			 FC_OK);
	ck_assert_int_eq(fc_read_file(out, 0, &data, &len, &err), FC_OK);
	/* One line per finding and the summary, nothing else; no control
	 * character but the line breaks; valid UTF-8. */
	{
		size_t lines = 0;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)data[i];
			lines += c == '\n';
			ck_assert_msg(c >= 0x20 || c == '\n',
				      "control character 0x%02x in the text "
				      "report",
				      c);
		}
		ck_assert_uint_eq(lines, n + 1);
	}
	ck_assert_uint_eq(fc_utf8_check(data, len), len);
	ck_assert_ptr_null(strstr(data, "\nx.md:1:1: ok"));
	ck_assert_ptr_nonnull(strstr(data, "e.md\\nx.md:1:1: ok: "));
	ck_assert_ptr_nonnull(strstr(data, "bad\\xff\\xfe.md:4:27: "));
	ck_assert_ptr_nonnull(strstr(data, "rtl\\u202egnp.md"));
	ck_assert_ptr_nonnull(strstr(data, "c1\\u009b31m.md"));
	free(data);

	ck_assert_int_eq(fc_engine_report(eng, "json", out, rs, paths, NULL, n,
					  &err),
			 FC_OK);
	ck_assert_int_eq(fc_read_file(out, 0, &data, &len, &err), FC_OK);
	ck_assert_uint_eq(fc_utf8_check(data, len), len);
	root = cJSON_Parse(data);
	ck_assert_msg(root != NULL, "the JSON report is not JSON");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(
						 cJSON_GetObjectItem(root,
								     "documents"),
						 0),
					     "path")
			     ->valuestring,
			 names[0]);
	cJSON_Delete(root);
	free(data);
	for (size_t i = 0; i < n; i++)
		fc_doc_result_free(rs[i]);
	free(out);
}
END_TEST

START_TEST(test_unknown_format)
{
	const char *paths[] = {res->doc->path};
	fc_doc_result *rs[] = {res};
	fc_error err;
	char *out = fc_asprintf("%s/never.txt", tmp);

	ck_assert_int_eq(fc_engine_report(eng, "yaml", out, rs, paths, NULL, 1,
					  &err),
			 FC_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown output format 'yaml'"));
	ck_assert_ptr_nonnull(strstr(err.msg, "text"));
	ck_assert_int_ne(access(out, F_OK), 0);
	free(out);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("reporters");
	TCase *tc = tcase_create("example");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_hostile_names);
	tcase_add_test(tc, test_unknown_format);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
