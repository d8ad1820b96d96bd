/*
 * test_ci_reporters.c: the sarif, junit, github, markdown and html
 * reporters, loaded as plugins, over a real run of the bundled example and
 * over findings full of hostile text (quotes, <script>, %, line breaks,
 * workflow commands, invalid UTF-8). SARIF files written here are kept in
 * the build tree's tests/ci/sarif/ for the schema test.
 */
#include "config.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "testutil.h"

#define EXAMPLES FC_SOURCE_DIR "/examples"
#define SARIF_DIR FC_BUILD_DIR "/tests/ci/sarif"

static char *tmp;
static fc_engine *eng;
static fc_doc_result *res;

/* Without the consistency checker and with the casualties pack only:
 * these tests are about the reporters and the example's four reference
 * checks. */
static char *example_config(void)
{
	return tu_example_config("\"checkers\": {\"consistency\": false, "
				 "\"rules\": {\"packs\": [\"casualties\"]}}");
}

static void setup(void)
{
	char *config = example_config();
	fc_document *doc;
	fc_error err;

	tmp = tu_tmpdir();
	eng = tu_engine(tmp, config, NULL);
	free(config);
	ck_assert_int_eq(fc_document_load(EXAMPLES "/gaza-2023-11-05.md", NULL,
					  &doc, &err),
			 FC_OK);
	ck_assert_int_eq(fc_engine_check(eng, doc, &res, &err), FC_OK);
	ck_assert_uint_eq(res->n_findings, 4);
}

static void teardown(void)
{
	fc_doc_result_free(res);
	fc_engine_free(eng);
	tu_rmdir(tmp);
}

/* Writes a report of `rs` in `format` and returns it. */
static char *render_n(const char *format, fc_doc_result **rs,
		      const char *const *errors, size_t n)
{
	char *out = fc_asprintf("%s/out.%s", tmp, format), *data;
	const char *paths[8];
	fc_error err;
	size_t len;

	for (size_t i = 0; i < n; i++)
		paths[i] = rs[i] ? rs[i]->doc->path : "missing.md";
	fc_error_clear(&err);
	ck_assert_msg(fc_engine_report(eng, format, out, rs, paths, errors, n,
				       &err) == FC_OK,
		      "report: %s", err.msg);
	ck_assert_int_eq(fc_read_file(out, 0, &data, &len, &err), FC_OK);
	ck_assert_uint_eq(strlen(data), len);
	ck_assert_msg(fc_utf8_check(data, len) == len,
		      "%s output is not valid UTF-8", format);
	free(out);
	return data;
}

static char *render(const char *format)
{
	fc_doc_result *rs[] = {res};
	return render_n(format, rs, NULL, 1);
}

/* Keeps a SARIF file for the schema test (tests/ci/sarif-validate.sh). */
static void keep_sarif(const char *name, const char *text)
{
	char *path;
	FILE *f;

	mkdir(FC_BUILD_DIR "/tests", 0755);
	mkdir(FC_BUILD_DIR "/tests/ci", 0755);
	mkdir(SARIF_DIR, 0755);
	path = fc_asprintf("%s/unit-%s.sarif", SARIF_DIR, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* Hostile findings. */

static const char evil_text[] =
    "4,800\"<script>alert(1)</script>&amp; 100% %0A\r\n::error::pwned,:|"
    "@everyone #1 `x` ]]> \xff\xfe\x01 ok";
static const char evil_message[] =
    "line one\nline two %25 :: <img src=x onerror=alert(1)> 'q' \"dq\"\r\n"
    "::error::pwned";
static const char evil_rule[] = "evil,rule:1\n::warning::x";
static fc_ref evil_ref;

/* Turns the example's findings hostile: every string a reporter writes is
 * replaced by text aimed at its format. */
static void make_evil(fc_doc_result *r)
{
	evil_ref = *r->findings[2].record;
	evil_ref.source = "src\"><script>alert(2)</script>";
	evil_ref.rec.url = "https://x.org/a?b=\"c\"><script>alert(3)</script>) x";
	evil_ref.rec.note = "<b>note</b>\n";
	for (size_t i = 0; i < r->n_findings; i++) {
		fc_finding *f = &r->findings[i];
		f->text = evil_text;
		f->message = evil_message;
		f->reason = evil_message;
		f->sentence = evil_text;
		f->rule_id = evil_rule;
		f->metric = "gaza.killed|x";
	}
	r->findings[2].record = &evil_ref;
	r->findings[0].record = NULL;
}

/* A second result whose document has a hostile name. */
static fc_doc_result *evil_doc(void)
{
	fc_doc_result *r = tu_check(
	    eng, "dir/evil \"<i>,:%\n\x01.md",
	    "---\ndate: 2023-11-05\n---\n\nThe ministry in Gaza said 4,800 "
	    "children were among the dead.\n");
	ck_assert_uint_eq(r->n_findings, 1);
	return r;
}

/* ------------------------------------------------------------------ */
/* sarif */

static cJSON *parse_sarif(const char *t)
{
	cJSON *root = cJSON_Parse(t);

	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(cJSON_GetObjectItem(root, "version")->valuestring,
			 "2.1.0");
	return root;
}

START_TEST(test_sarif)
{
	char *t = render("sarif");
	cJSON *root = parse_sarif(t), *run, *results, *r, *reg, *rules;

	keep_sarif("example", t);
	run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(run, "columnKind")->valuestring,
			 "unicodeCodePoints");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(
			     cJSON_GetObjectItem(run, "tool"), "driver"),
			     "name")->valuestring,
			 "figcheck");
	results = cJSON_GetObjectItem(run, "results");
	/* ok claims are not results by default. */
	ck_assert_int_eq(cJSON_GetArraySize(results), 1);
	r = cJSON_GetArrayItem(results, 0);
	ck_assert_str_eq(cJSON_GetObjectItem(r, "ruleId")->valuestring,
			 "casualties.killed");
	ck_assert_str_eq(cJSON_GetObjectItem(r, "level")->valuestring, "error");
	ck_assert_int_eq(cJSON_GetObjectItem(r, "ruleIndex")->valueint, 0);
	reg = cJSON_GetObjectItem(
	    cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(r,
								       "locations"),
						   0),
				"physicalLocation"),
	    "region");
	ck_assert_int_eq(cJSON_GetObjectItem(reg, "startLine")->valueint,
			 (int)res->findings[2].line);
	ck_assert_int_eq(cJSON_GetObjectItem(reg, "startColumn")->valueint,
			 (int)res->findings[2].col);
	/* SARIF's end column is the one after the region. */
	ck_assert_int_eq(cJSON_GetObjectItem(reg, "endColumn")->valueint,
			 (int)res->findings[2].end_col + 1);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(r,
								 "partialFingerprints"),
					     "figcheck/v1")->valuestring,
			 res->findings[2].fingerprint);
	ck_assert_double_eq(
	    cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(r,
									"properties"),
						    "record"),
				"value")->valuedouble,
	    4008);
	rules = cJSON_GetObjectItem(cJSON_GetObjectItem(
					cJSON_GetObjectItem(run, "tool"), "driver"),
				    "rules");
	ck_assert_int_eq(cJSON_GetArraySize(rules), 1);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(
						 cJSON_GetArrayItem(rules, 0),
						 "defaultConfiguration"),
					     "level")->valuestring,
			 "error");
	cJSON_Delete(root);
	free(t);
}
END_TEST

START_TEST(test_sarif_hostile)
{
	fc_doc_result *ev = evil_doc();
	fc_doc_result *rs[] = {res, ev, NULL};
	const char *errors[] = {NULL, NULL, "missing.md: No such file"};
	char *t;
	cJSON *root, *run, *r;

	make_evil(res);
	t = render_n("sarif", rs, errors, 3);
	keep_sarif("hostile", t);
	root = parse_sarif(t);
	run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
	r = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "results"), 0);
	/* Invalid UTF-8 became U+FFFD; the text is otherwise intact. */
	ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(cJSON_GetObjectItem(r,
								  "message"),
							  "text")->valuestring,
				     "line one\nline two"));
	ck_assert_ptr_nonnull(strstr(t, "\\ufffd") ? t : strstr(t, "\xEF\xBF\xBD"));
	/* The hostile file name is a percent-encoded URI. */
	ck_assert_ptr_nonnull(strstr(t, "dir/evil%20%22%3Ci%3E,:%25%0A%01.md"));
	/* The unreadable document is a notification; the run failed. */
	ck_assert_ptr_nonnull(strstr(t, "missing.md: No such file"));
	ck_assert(cJSON_IsFalse(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(cJSON_GetObjectItem(run, "invocations"), 0),
	    "executionSuccessful")));
	cJSON_Delete(root);
	free(t);
	fc_doc_result_free(ev);
}
END_TEST

/* ------------------------------------------------------------------ */
/* junit */

START_TEST(test_junit)
{
	char *t = render("junit");

	ck_assert_ptr_nonnull(strstr(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
	ck_assert_ptr_nonnull(strstr(t, "<testsuites name=\"figcheck\" tests=\"4\" "
					"failures=\"1\" errors=\"0\" skipped=\"0\""));
	ck_assert_uint_eq(count(t, "<testcase "), 4);
	/* The draft's figures, and what became of them. */
	ck_assert_ptr_nonnull(strstr(t, "<property name=\"figures\" value=\"9\"/>"
					"<property name=\"checked\" value=\"4\"/>"
					"<property name=\"unchecked\" value=\"5\"/>"));
	ck_assert_uint_eq(count(t, "<failure type=\"discrepancy\""), 1);
	ck_assert_ptr_nonnull(strstr(t, "record: 4,008 on 2023-11-05 (gaza-moh)"));
	free(t);
}
END_TEST

START_TEST(test_junit_outcomes)
{
	char *t;

	/* Below --fail-on: an outdated claim passes; an unverified or
	 * unchecked one is skipped. */
	res->findings[0].verdict = FC_VERDICT_UNCHECKED;
	res->findings[1].verdict = FC_VERDICT_UNVERIFIED;
	t = render("junit");
	ck_assert_ptr_nonnull(strstr(t, "tests=\"4\" failures=\"1\" errors=\"0\" "
					"skipped=\"2\""));
	ck_assert_ptr_nonnull(strstr(t, "<skipped message=\"unchecked: "));
	free(t);
}
END_TEST

START_TEST(test_junit_hostile)
{
	fc_doc_result *ev = evil_doc();
	fc_doc_result *rs[] = {res, ev, NULL};
	const char *errors[] = {NULL, NULL, "missing.md: <gone> & \"lost\""};
	char *t;

	make_evil(res);
	t = render_n("junit", rs, errors, 3);
	ck_assert_ptr_null(strstr(t, "<script"));
	ck_assert_ptr_null(strstr(t, "<img"));
	ck_assert_ptr_nonnull(strstr(t, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "&quot;dq&quot;"));
	/* Line breaks in attributes are character references. */
	ck_assert_ptr_nonnull(strstr(t, "message=\"line one&#10;line two"));
	ck_assert_ptr_nonnull(strstr(t, "]]&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "errors=\"1\""));
	ck_assert_ptr_nonnull(strstr(t, "<error type=\"input\" message=\"missing.md: "
					"&lt;gone&gt; &amp; &quot;lost&quot;\"/>"));
	/* No control character XML 1.0 forbids. */
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		ck_assert(*p >= 0x20 || *p == '\n' || *p == '\t');
	free(t);
	fc_doc_result_free(ev);
}
END_TEST

/* ------------------------------------------------------------------ */
/* github */

START_TEST(test_github)
{
	char *summary = fc_asprintf("%s/summary.md", tmp), *t, *s;
	size_t len;
	fc_error err;

	free(tu_write(tmp, "summary.md", "previous step\n"));
	setenv("GITHUB_STEP_SUMMARY", summary, 1);
	t = render("github");
	unsetenv("GITHUB_STEP_SUMMARY");
	ck_assert_ptr_nonnull(strstr(
	    t, "::error file=" EXAMPLES "/gaza-2023-11-05.md,line="));
	ck_assert_ptr_nonnull(strstr(t, ",title=figcheck%3A discrepancy "
					"(casualties.killed)::\"4,800\" "
					"disagrees with gaza-moh"));
	ck_assert_ptr_nonnull(strstr(t, "+19.8%25"));
	ck_assert_uint_eq(count(t, "\n::"), 0); /* one annotation, first */
	ck_assert_ptr_null(strstr(t, "some annotations are not shown"));
	/* The job summary was appended. */
	ck_assert_int_eq(fc_read_file(summary, 0, &s, &len, &err), FC_OK);
	ck_assert_ptr_nonnull(strstr(s, "previous step\n### "));
	ck_assert_ptr_nonnull(strstr(s, "figcheck: 1 discrepancy, 3 ok"));
	free(s);
	free(t);
	free(summary);
}
END_TEST

START_TEST(test_github_hostile)
{
	fc_doc_result *ev = evil_doc();
	fc_doc_result *rs[] = {res, ev};
	char *t, *line;
	size_t n_ann = 0;

	make_evil(res);
	unsetenv("GITHUB_STEP_SUMMARY");
	t = render_n("github", rs, NULL, 2);
	/* Each annotation is one line that starts with a command; nothing
	 * from a draft starts a line of its own. */
	for (line = t; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (strncmp(line, "::", 2) == 0) {
			n_ann++;
			ck_assert(strncmp(line, "::error ", 8) == 0 ||
				  strncmp(line, "::warning ", 10) == 0 ||
				  strncmp(line, "::notice ", 9) == 0);
		} else {
			ck_assert(strncmp(line, "figcheck: ", 10) == 0);
		}
	}
	ck_assert_uint_eq(n_ann, 2);
	ck_assert_ptr_null(strchr(t, '\r'));
	/* Properties: ':' ',' '%' and line breaks escaped. */
	ck_assert_ptr_nonnull(strstr(t, "file=dir/evil \"<i>%2C%3A%25%0A\xEF\xBF\xBD.md,"));
	ck_assert_ptr_nonnull(strstr(t, "title=figcheck%3A discrepancy "
					"(evil%2Crule%3A1%0A%3A%3Awarning%3A%3Ax)::"));
	/* The message: '%' and line breaks escaped, ':' ',' kept. */
	ck_assert_ptr_nonnull(strstr(t, "::line one%0Aline two %2525 :: <img"));
	ck_assert_ptr_nonnull(strstr(t, "\"dq\"%0D%0A::error::pwned"));
	/* The discrepancy (error) comes before the file with... also an
	 * error; the summary line closes. */
	ck_assert(strncmp(t, "::error ", 8) == 0);
	free(t);
	fc_doc_result_free(ev);
}
END_TEST

START_TEST(test_github_limit)
{
	/* Twelve errors: GitHub shows ten; a notice says so, first. */
	fc_finding *many = calloc(12, sizeof(fc_finding));
	fc_finding *saved = res->findings;
	size_t saved_n = res->n_findings;
	char *t;

	for (int i = 0; i < 12; i++)
		many[i] = saved[2];
	res->findings = many;
	res->n_findings = 12;
	t = render("github");
	ck_assert(strncmp(t, "::notice title=figcheck%3A some annotations are not "
			     "shown::figcheck wrote 12 errors, 0 warnings and 0 "
			     "notices. GitHub shows at most 10",
			  105) == 0);
	ck_assert_uint_eq(count(t, "::error "), 12);
	res->findings = saved;
	res->n_findings = saved_n;
	free(many);
	free(t);
}
END_TEST

START_TEST(test_github_order)
{
	char *t, *err_at, *warn_at;

	/* An outdated claim (a warning) before a discrepancy in the text
	 * comes after it in the output. */
	res->findings[0].verdict = FC_VERDICT_OUTDATED;
	t = render("github");
	err_at = strstr(t, "::error ");
	warn_at = strstr(t, "::warning ");
	ck_assert_ptr_nonnull(err_at);
	ck_assert_ptr_nonnull(warn_at);
	ck_assert(err_at < warn_at);
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* markdown */

START_TEST(test_markdown)
{
	char *t = render("markdown");

	ck_assert_ptr_nonnull(strstr(t, "### \xE2\x9D\x8C figcheck: 1 discrepancy, "
					"3 ok\n"));
	ck_assert_ptr_nonnull(strstr(t, "4 findings in 1 document; 1 at or "
					"above `outdated`; 9 figures: 4 checked, 5 "
					"unchecked, 0 not quantities."));
	ck_assert_ptr_nonnull(strstr(t, "| \xE2\x9D\x8C | discrepancy | "
					"\xE2\x80\x9C" "4,800\xE2\x80\x9D "));
	ck_assert_ptr_nonnull(strstr(t, "<details><summary>3 claims agree"));
	free(t);
}
END_TEST

START_TEST(test_markdown_hostile)
{
	char *t, *row;

	make_evil(res);
	t = render("markdown");
	ck_assert_ptr_null(strstr(t, "<script"));
	ck_assert_ptr_null(strstr(t, "<img"));
	ck_assert_ptr_nonnull(strstr(t, "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"));
	/* Pipes cannot open a cell; mentions and issue links are broken. */
	ck_assert_ptr_nonnull(strstr(t, "pwned,\\:\\|@\xE2\x81\xA0" "everyone "
					"#\xE2\x81\xA0" "1 \\`x\\`"));
	/* The link target cannot be left. */
	ck_assert_ptr_nonnull(strstr(t, "](https://x.org/a?b=%22c%22%3E%3Cscript"
					"%3Ealert%283%29%3C/script%3E%29%20x)"));
	/* Every table row is one line. */
	row = strstr(t, "| \xE2\x9D\x8C |");
	ck_assert_ptr_nonnull(row);
	ck_assert_ptr_nonnull(strstr(row, " |\n"));
	ck_assert(strstr(row, " |\n") < strchr(row, '\n') + 1);
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* html */

START_TEST(test_html)
{
	char *t = render("html");

	ck_assert(strncmp(t, "<!DOCTYPE html>", 15) == 0);
	ck_assert_ptr_nonnull(strstr(t, "Content-Security-Policy"));
	ck_assert_ptr_nonnull(strstr(t, "name=\"viewport\""));
	ck_assert_uint_eq(count(t, "<mark class=\"claim"), 4);
	ck_assert_uint_eq(count(t, "data-verdict=\"ok\" tabindex"), 3);
	ck_assert_uint_eq(count(t, "data-verdict=\"discrepancy\" tabindex"), 1);
	ck_assert_ptr_nonnull(strstr(t, "data-verdict=\"discrepancy\" "
					"data-count=\"1\""));
	/* The highlighted figure, and its tooltip with the record. */
	ck_assert_ptr_nonnull(strstr(t, "tabindex=\"0\" id=\"cf1-3\" "
					"aria-describedby=\"f1-3\">4,800<span "
					"class=\"tip\""));
	ck_assert_ptr_nonnull(strstr(t, "<b>Record:</b> 4,008, dated 2023-11-05"));
	/* No request of its own: no script, no external resource. */
	ck_assert_ptr_null(strcasestr(t, "<script"));
	ck_assert_ptr_null(strcasestr(t, "<link"));
	ck_assert_ptr_null(strcasestr(t, " src="));
	ck_assert_ptr_null(strcasestr(t, "url("));
	free(t);
}
END_TEST

START_TEST(test_html_hostile)
{
	fc_doc_result *ev = evil_doc();
	fc_doc_result *rs[] = {res, ev, NULL};
	const char *errors[] = {NULL, NULL, "<script>alert(4)</script>"};
	char *t;

	make_evil(res);
	t = render_n("html", rs, errors, 3);
	ck_assert_ptr_null(strcasestr(t, "<script"));
	ck_assert_ptr_null(strcasestr(t, "<img"));
	ck_assert_ptr_null(strcasestr(t, "<i>"));
	ck_assert_ptr_nonnull(strstr(t, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "&lt;script&gt;alert(4)&lt;/script&gt;"));
	/* Attribute values cannot be closed early. */
	ck_assert_ptr_nonnull(strstr(t, "href=\"https://x.org/a?b=&quot;c&quot;"
					"&gt;&lt;script&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "data-path=\"dir/evil &quot;&lt;i&gt;,:%\n"
					"\xEF\xBF\xBD.md\""));
	ck_assert_ptr_null(strstr(t, "javascript:"));
	free(t);
	fc_doc_result_free(ev);
}
END_TEST

START_TEST(test_html_only_web_links)
{
	char *t;

	evil_ref = *res->findings[2].record;
	evil_ref.rec.url = "javascript:alert(1)";
	evil_ref.source_url = "data:text/html,<script>";
	res->findings[2].record = &evil_ref;
	t = render("html");
	ck_assert_ptr_null(strstr(t, "href=\"javascript"));
	ck_assert_ptr_null(strstr(t, "href=\"data"));
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Options. */

/* A run without reference sources says so in every format, and fails
 * under --fail-on unverified even when it found no claim. */
START_TEST(test_run_warnings)
{
	static const struct {
		const char *format, *mark;
	} marks[] = {
	    {"text", "warning: the configuration "},
	    {"json", "\"warnings\":"},
	    {"sarif", "has no sources"},
	    {"junit", "<testcase name=\"run warning 1\" classname=\"figcheck\""},
	    {"github", "::warning title=figcheck%3A run warning::the "
		       "configuration "},
	    {"markdown", "> **Warning:** the configuration "},
	    {"html", "<p class=\"warning\" role=\"alert\"><b>Warning:</b> the "
		     "configuration "},
	};
	fc_engine *saved = eng;
	fc_doc_result *r;
	fc_doc_result *rs[1];
	char *t;
	cJSON *root, *notes;

	eng = tu_engine(tmp, "{\"checkers\": {\"consistency\": false}}", NULL);
	r = tu_check(eng, "a.md", "No figure here.\n");
	rs[0] = r;
	for (size_t i = 0; i < FC_ARRAY_LEN(marks); i++) {
		t = render_n(marks[i].format, rs, NULL, 1);
		ck_assert_msg(strstr(t, marks[i].mark), "%s: no warning in %s",
			      marks[i].format, t);
		ck_assert_msg(strstr(t, "every one comes out unverified"),
			      "%s: the warning's text", marks[i].format);
		if (strcmp(marks[i].format, "sarif") == 0) {
			keep_sarif("run-warning", t);
			root = parse_sarif(t);
			notes = cJSON_GetObjectItem(
			    cJSON_GetArrayItem(
				cJSON_GetObjectItem(
				    cJSON_GetArrayItem(
					cJSON_GetObjectItem(root, "runs"), 0),
				    "invocations"),
				0),
			    "toolExecutionNotifications");
			ck_assert_str_eq(
			    cJSON_GetObjectItem(cJSON_GetArrayItem(notes, 0),
						"level")
				->valuestring,
			    "warning");
			cJSON_Delete(root);
		}
		if (strcmp(marks[i].format, "junit") == 0)
			ck_assert_ptr_nonnull(strstr(t, "<skipped message=\"the "
							"configuration"));
		free(t);
	}
	fc_doc_result_free(r);
	fc_engine_free(eng);

	/* --fail-on unverified: the run fails, though nothing was found. */
	eng = tu_engine(tmp,
			"{\"fail_on\": \"unverified\", \"checkers\": "
			"{\"consistency\": false}}",
			NULL);
	ck_assert(fc_engine_run_failed(eng));
	r = tu_check(eng, "a.md", "No figure here.\n");
	rs[0] = r;
	t = render_n("json", rs, NULL, 1);
	ck_assert_ptr_nonnull(strstr(t, "\"failed\":\ttrue"));
	free(t);
	t = render_n("junit", rs, NULL, 1);
	ck_assert_ptr_nonnull(strstr(t, "<failure type=\"run\" message=\"the "
					"configuration"));
	ck_assert_ptr_nonnull(strstr(t, "tests=\"1\" failures=\"1\""));
	free(t);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	eng = saved;
	ck_assert(!fc_engine_run_failed(eng));
}
END_TEST

START_TEST(test_options)
{
	static const char *const cases[][2] = {
	    {"sarif", "{\"verdicts\": [\"bogus\"]}"},
	    {"junit", "{\"verdicts\": [\"ok\", 3]}"},
	    {"github", "{\"max_rows\": 0}"},
	    {"markdown", "{\"max_rows\": 1e9}"},
	    {"html", "{\"verdicts\": [\"discrepant\"]}"},
	};

	for (size_t i = 0; i < FC_ARRAY_LEN(cases); i++) {
		char *cfg = fc_asprintf("{\"reporters\": {\"%s\": %s}}", cases[i][0],
					cases[i][1]);
		fc_engine *e = tu_engine(tmp, cfg, NULL);
		fc_doc_result *rs[] = {res};
		const char *paths[] = {"x.md"};
		char *out = fc_asprintf("%s/never", tmp);
		fc_error err;

		fc_error_clear(&err);
		ck_assert_int_ne(fc_engine_report(e, cases[i][0], out, rs, paths,
						  NULL, 1, &err),
				 FC_OK);
		ck_assert_msg(strstr(err.msg, "reporters."), "%s: %s", cases[i][0],
			      err.msg);
		ck_assert_int_ne(access(out, F_OK), 0);
		fc_engine_free(e);
		free(cfg);
		free(out);
	}
}
END_TEST

START_TEST(test_option_values)
{
	fc_engine *e = tu_engine(tmp,
				 "{\"reporters\": {\"sarif\": {\"verdicts\": "
				 "[\"ok\", \"discrepancy\"], \"pretty\": false}, "
				 "\"markdown\": {\"max_rows\": 1, \"show_ok\": "
				 "false, \"charts\": false}}}",
				 NULL);
	fc_engine *saved = eng;
	char *t;
	cJSON *root;

	eng = e;
	t = render("sarif");
	ck_assert_ptr_null(strchr(t, '\t'));
	root = parse_sarif(t);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(
			     cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0),
			     "results")),
			 4);
	ck_assert_ptr_nonnull(strstr(t, "\"kind\":\"pass\",\"level\":\"none\""));
	keep_sarif("pass", t);
	cJSON_Delete(root);
	free(t);
	t = render("markdown");
	ck_assert_ptr_null(strstr(t, "<details>"));
	free(t);
	eng = saved;
	fc_engine_free(e);
}
END_TEST

/* --show-unchecked (the configuration's "show_unchecked"): the figures no
 * rule bound are findings in every format, with the same counts. */
START_TEST(test_show_unchecked)
{
	char *config = tu_example_config("\"checkers\": {\"consistency\": "
					 "false, \"rules\": {\"packs\": "
					 "[\"casualties\"]}}, \"show_unchecked\": "
					 "true");
	fc_engine *e = tu_engine(tmp, config, NULL), *saved = eng;
	fc_doc_result *r, *saved_res = res;
	fc_document *doc;
	fc_error err;
	char *t;
	cJSON *root;

	ck_assert_int_eq(fc_document_load(EXAMPLES "/gaza-2023-11-05.md", NULL,
					  &doc, &err),
			 FC_OK);
	ck_assert_int_eq(fc_engine_check(e, doc, &r, &err), FC_OK);
	/* 4 claims checked, 5 figures no rule bound. */
	ck_assert_uint_eq(r->n_findings, 9);
	eng = e;
	res = r;
	t = render("json");
	root = cJSON_Parse(t);
	ck_assert_ptr_nonnull(root);
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(root, "summary"), "unchecked_listed")));
	ck_assert_double_eq(
	    cJSON_GetObjectItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"), "verdicts"),
		"unchecked")
		->valuedouble,
	    5);
	ck_assert_double_eq(
	    cJSON_GetObjectItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"), "coverage"),
		"unchecked")
		->valuedouble,
	    5);
	cJSON_Delete(root);
	free(t);
	t = render("sarif");
	root = parse_sarif(t);
	{
		cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
		cJSON *result;
		size_t reviews = 0;
		cJSON_ArrayForEach(result, cJSON_GetObjectItem(run, "results"))
		{
			const cJSON *k = cJSON_GetObjectItem(result, "kind");
			reviews += cJSON_IsString(k) &&
				   strcmp(k->valuestring, "review") == 0;
		}
		ck_assert_uint_eq(reviews, 5);
		ck_assert_double_eq(
		    cJSON_GetObjectItem(
			cJSON_GetObjectItem(cJSON_GetObjectItem(run, "properties"),
					    "coverage"),
			"unchecked")
			->valuedouble,
		    5);
	}
	cJSON_Delete(root);
	keep_sarif("unchecked", t);
	free(t);
	t = render("junit");
	ck_assert_ptr_nonnull(strstr(t, "tests=\"9\" failures=\"1\" errors=\"0\" "
					"skipped=\"5\""));
	free(t);
	t = render("markdown");
	ck_assert_ptr_nonnull(strstr(t, "9 figures: 4 checked, 5 unchecked"));
	ck_assert_ptr_nonnull(strstr(t, "| unchecked | \xE2\x80\x9C"
					"2.2 million\xE2\x80\x9D |"));
	ck_assert_ptr_nonnull(strstr(t, "no measure word in its sentence"));
	free(t);
	t = render("html");
	/* The unchecked figures, greyed in the draft. */
	ck_assert_uint_eq(count(t, "<mark class=\"claim v-unchecked"), 5);
	ck_assert_ptr_nonnull(strstr(t, "data-unchecked=\"5\""));
	free(t);
	t = render("text");
	ck_assert_ptr_nonnull(strstr(t, ": unchecked: \"2.2 million\" was found "
					"but not checked: no measure word in its "
					"sentence."));
	ck_assert_ptr_nonnull(strstr(t, "9 findings in 1 document: 1 discrepancy, "
					"5 unchecked, 3 ok; 9 figures: 4 checked, 5 "
					"unchecked, 0 not quantities"));
	free(t);
	res = saved_res;
	eng = saved;
	fc_doc_result_free(r);
	fc_engine_free(e);
	free(config);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("ci_reporters");
	TCase *tc = tcase_create("example");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sarif);
	tcase_add_test(tc, test_sarif_hostile);
	tcase_add_test(tc, test_junit);
	tcase_add_test(tc, test_junit_outcomes);
	tcase_add_test(tc, test_junit_hostile);
	tcase_add_test(tc, test_github);
	tcase_add_test(tc, test_github_hostile);
	tcase_add_test(tc, test_github_limit);
	tcase_add_test(tc, test_github_order);
	tcase_add_test(tc, test_markdown);
	tcase_add_test(tc, test_markdown_hostile);
	tcase_add_test(tc, test_html);
	tcase_add_test(tc, test_html_hostile);
	tcase_add_test(tc, test_html_only_web_links);
	tcase_add_test(tc, test_run_warnings);
	tcase_add_test(tc, test_options);
	tcase_add_test(tc, test_option_values);
	tcase_add_test(tc, test_show_unchecked);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
