/*
 * test_inputs.c: globs, path normalisation, collecting inputs from files
 * and folders, checking them in parallel, and baselines.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baseline.h"
#include "inputs.h"
#include "testutil.h"

#define EXAMPLES FC_SOURCE_DIR "/examples"

/* ------------------------------------------------------------------ */
/* Globs, table-driven. */

typedef struct glob_case {
	const char *pattern, *s;
	bool path, match;
} glob_case;

static const glob_case glob_cases[] = {
    {"*.md", "a.md", true, true},
    {"*.md", "dir/a.md", true, false},
    {"*.md", ".md", true, true},
    {"a?c", "abc", true, true},
    {"a?c", "a/c", true, false},
    {"a?c", "a\xC3\xA9" "c", true, true},
    {"[abc]x", "bx", true, true},
    {"[!abc]x", "bx", true, false},
    {"[a-c]x", "cx", true, true},
    {"[]]x", "]x", true, true},
    {"[x", "[x", true, true},
    {"**/old/**", "2023/old/a.md", true, true},
    {"**/old/**", "old/a.md", true, true},
    {"**/old/**", "older/a.md", true, false},
    {"drafts/**", "drafts/a/b/c.md", true, true},
    {"drafts/**/*.md", "drafts/c.md", true, true},
    {"drafts/**/*.md", "drafts/x/y/c.md", true, true},
    {"drafts/**/*.md", "drafts/x/y/c.txt", true, false},
    {"d*/*.md", "drafts/a.md", true, true},
    {"d*/*.md", "drafts/x/a.md", true, false},
    {"\\*.md", "*.md", true, true},
    {"\\*.md", "a.md", true, false},
    {"casualties.*", "casualties.killed-children", false, true},
    {"*.killed", "gaza.killed", false, true},
    {"*", "a/b", false, true},
    {"**", "a/b", true, true},
    {"", "", true, true},
    {"", "a", true, false},
    {"a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     false, false},
};

START_TEST(test_glob)
{
	const glob_case *c = &glob_cases[_i];

	ck_assert_msg(fc_glob_match(c->pattern, c->s, c->path) == c->match,
		      "'%s' against '%s' (path %d): expected %d", c->pattern,
		      c->s, c->path, c->match);
}
END_TEST

typedef struct norm_case {
	const char *in, *out;
} norm_case;

static const norm_case norm_cases[] = {
    {"a.md", "a.md"},	      {"./a.md", "a.md"},
    {"a//b/./c.md", "a/b/c.md"}, {"dir/", "dir"},
    {"/abs//x", "/abs/x"},     {".", "."},
    {"./", "."},	      {"../x/./y", "../x/y"},
    {"/", "/"},
};

START_TEST(test_normalise)
{
	char *n = fc_path_normalise(norm_cases[_i].in);

	ck_assert_str_eq(n, norm_cases[_i].out);
	free(n);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Collecting. */

static char *tmp;

static void mkdirs(const char *rel)
{
	char *p = fc_asprintf("%s/%s", tmp, rel);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	free(p);
}

static void touch(const char *rel)
{
	free(tu_write(tmp, rel, "The toll rose to 12.\n"));
}

static void setup(void)
{
	tmp = tu_tmpdir();
	mkdirs("d");
	mkdirs("d/sub");
	mkdirs("d/old");
	mkdirs("d/.git");
	touch("d/b.md");
	touch("d/a.txt");
	touch("d/c.html");
	touch("d/notes.csv");
	touch("d/.hidden.md");
	touch("d/sub/z.markdown");
	touch("d/sub/y.htm");
	touch("d/old/x.md");
	touch("d/.git/config.md");
	{
		char *link = fc_asprintf("%s/d/sub/loop", tmp);
		char *target = fc_asprintf("%s/d", tmp);
		ck_assert_int_eq(symlink(target, link), 0);
		free(link);
		free(target);
	}
	ck_assert_int_eq(chdir(tmp), 0);
}

static void teardown(void)
{
	ck_assert_int_eq(chdir("/"), 0);
	tu_rmdir(tmp);
}

/* The names of `in`, joined with spaces. Caller frees. */
static char *names(const fc_inputs *in)
{
	fc_buf b = {0};

	for (size_t i = 0; i < in->n; i++)
		fc_buf_printf(&b, "%s%s", i ? " " : "", in->items[i].name);
	return fc_buf_steal(&b);
}

static char *collect(const char *const *args, size_t n,
		     const fc_input_options *o, fc_status want)
{
	fc_inputs in = {0};
	fc_error err;
	char *s;

	fc_error_clear(&err);
	ck_assert_msg(fc_inputs_collect(&in, args, n, o, &err) == want,
		      "collect: %s", err.msg);
	s = want == FC_OK ? names(&in) : fc_strdup(err.msg);
	fc_inputs_free(&in);
	return s;
}

START_TEST(test_collect_folder)
{
	const char *args[] = {"./d/"};
	char *s = collect(args, 1, NULL, FC_OK);

	/* Sorted, recursive, drafts only, hidden and looping folders not
	 * entered twice. */
	ck_assert_str_eq(s, "d/a.txt d/b.md d/c.html d/old/x.md d/sub/y.htm "
			    "d/sub/z.markdown");
	free(s);
}
END_TEST

START_TEST(test_collect_globs)
{
	const char *args[] = {"d"};
	const char *inc[] = {"*.md", "*.csv"};
	const char *exc[] = {"old", "sub/*.htm"};
	fc_input_options o;
	char *s;

	memset(&o, 0, sizeof(o));
	o.include = inc;
	o.n_include = 2;
	o.exclude = exc;
	o.n_exclude = 2;
	s = collect(args, 1, &o, FC_OK);
	ck_assert_str_eq(s, "d/b.md d/notes.csv");
	free(s);

	/* A glob with '/' is matched against the path below the folder. */
	{
		const char *inc2[] = {"sub/**"};
		o.include = inc2;
		o.n_include = 1;
		o.n_exclude = 0;
		s = collect(args, 1, &o, FC_OK);
		ck_assert_str_eq(s, "d/sub/y.htm d/sub/z.markdown");
		free(s);
	}
	/* Nothing left: an error that names the globs. */
	{
		const char *inc3[] = {"*.doc"};
		o.include = inc3;
		s = collect(args, 1, &o, FC_ERR_INPUT);
		ck_assert_ptr_nonnull(strstr(s, "d: no drafts in this folder match "
						"the --include and --exclude"));
		free(s);
	}
}
END_TEST

START_TEST(test_collect_files)
{
	const char *args[] = {"d/notes.csv", "d/./b.md", "-", "d", "d/b.md"};
	const char *exc[] = {"*.html"};
	fc_input_options o;
	char *s;

	memset(&o, 0, sizeof(o));
	o.stdin_name = "pasted.md";
	o.exclude = exc;
	o.n_exclude = 1;
	/* A file named directly is read whatever its name; each file once;
	 * standard input under the name given. */
	s = collect(args, 5, &o, FC_OK);
	ck_assert_str_eq(s, "d/notes.csv d/b.md pasted.md d/a.txt d/old/x.md "
			    "d/sub/y.htm d/sub/z.markdown");
	free(s);
	/* An excluded file named directly is left out. */
	{
		const char *a2[] = {"d/c.html", "d/b.md"};
		s = collect(a2, 2, &o, FC_OK);
		ck_assert_str_eq(s, "d/b.md");
		free(s);
	}
}
END_TEST

/* Links in a walk: followed inside the folder's tree; out of it, not
 * followed (a secret file must not reach a published report) but
 * listed, unless follow_symlinks. */
START_TEST(test_collect_links)
{
	const char *args[] = {"d"};
	fc_input_options o;
	fc_inputs in = {0};
	fc_error err;
	char *s;

	mkdirs("outside");
	touch("outside/secret.md");
	touch("outside/data.csv");
	ck_assert_int_eq(symlink("../outside/secret.md", "d/secret.md"), 0);
	ck_assert_int_eq(symlink("../outside/data.csv", "d/data.csv"), 0);
	ck_assert_int_eq(symlink("../../outside", "d/sub/elsewhere"), 0);
	ck_assert_int_eq(symlink("b.md", "d/alias.md"), 0);
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(fc_inputs_collect(&in, args, 1, &o, &err), FC_OK);
	s = names(&in);
	ck_assert_str_eq(s, "d/a.txt d/alias.md d/b.md d/c.html d/old/x.md "
			    "d/sub/y.htm d/sub/z.markdown");
	free(s);
	/* Listed, sorted, with their real paths; the .csv would not have
	 * been read anyway. */
	ck_assert_uint_eq(in.n_skipped, 2);
	ck_assert_str_eq(in.skipped[0], "d/secret.md");
	ck_assert_str_eq(in.skipped[1], "d/sub/elsewhere");
	ck_assert_ptr_nonnull(strstr(in.skipped_to[0], "/outside/secret.md"));
	fc_inputs_free(&in);

	o.follow_symlinks = true;
	s = collect(args, 1, &o, FC_OK);
	ck_assert_str_eq(s, "d/a.txt d/alias.md d/b.md d/c.html d/old/x.md "
			    "d/secret.md d/sub/elsewhere/secret.md d/sub/y.htm "
			    "d/sub/z.markdown");
	free(s);

	/* Named on the command line, a link is read wherever it points. */
	{
		const char *a2[] = {"d/secret.md"};
		o.follow_symlinks = false;
		s = collect(a2, 1, &o, FC_OK);
		ck_assert_str_eq(s, "d/secret.md");
		free(s);
	}
	/* A folder of nothing but links out: the error says so. */
	{
		const char *a3[] = {"links"};
		mkdirs("links");
		ck_assert_int_eq(symlink("../outside/secret.md", "links/s.md"),
				 0);
		s = collect(a3, 1, &o, FC_ERR_INPUT);
		ck_assert_ptr_nonnull(strstr(s, "links: no drafts in this folder "
						"but 1 symbolic link to files "
						"outside it (links/s.md, ...)"));
		free(s);
	}
}
END_TEST

START_TEST(test_collect_errors)
{
	const char *twice[] = {"-", "-"};
	const char *empty[] = {""};
	char *s;

	mkdirs("e");
	touch("e/data.json");
	{
		const char *args[] = {"e"};
		s = collect(args, 1, NULL, FC_ERR_INPUT);
		ck_assert_ptr_nonnull(strstr(s, "e: no drafts in this folder"));
		free(s);
	}
	s = collect(twice, 2, NULL, FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(s, "standard input named twice"));
	free(s);
	s = collect(empty, 1, NULL, FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(s, "empty path"));
	free(s);
	/* A missing file is not an error here: reading it is, and says so. */
	{
		const char *args[] = {"missing.md"};
		s = collect(args, 1, NULL, FC_OK);
		ck_assert_str_eq(s, "missing.md");
		free(s);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* Checking many documents. */

static fc_engine *example_engine(const char *dir)
{
	char *config = tu_example_config(NULL);
	fc_engine *eng = tu_engine(dir, config, NULL);

	free(config);
	return eng;
}

/* Writes n drafts; every third one has a wrong figure; one is empty. */
static void write_drafts(const char *dir, int n)
{
	for (int i = 0; i < n; i++) {
		char name[64];
		char *text;
		snprintf(name, sizeof(name), "draft-%03d.md", i);
		if (i == 7) {
			free(tu_write(dir, name, ""));
			continue;
		}
		text = fc_asprintf("---\ndate: 2023-11-05\n---\n\nDraft %d. Four "
				   "weeks of war have brought the death of "
				   "%s Palestinians.\n\nThe ministry in Gaza "
				   "said 4,%03d children were among the dead.\n",
				   i, i % 3 ? "9,770" : "8,700", i % 5 ? 8 : 800);
		free(tu_write(dir, name, text));
		free(text);
	}
}

/* Checks the folder `dir` with `jobs` threads and returns a summary line
 * of every document's findings. Caller frees. */
static char *check_folder(fc_engine *eng, const char *dir, unsigned jobs)
{
	fc_inputs in = {0};
	const char *args[] = {dir};
	fc_run_options ro;
	fc_doc_result **res;
	char **errors;
	fc_error err;
	fc_buf b = {0};

	ck_assert_int_eq(fc_inputs_collect(&in, args, 1, NULL, &err), FC_OK);
	res = calloc(in.n, sizeof(*res));
	errors = calloc(in.n, sizeof(*errors));
	memset(&ro, 0, sizeof(ro));
	ro.jobs = jobs;
	ck_assert_int_eq(fc_inputs_check(eng, &in, &ro, res, errors, &err), FC_OK);
	for (size_t i = 0; i < in.n; i++) {
		if (errors[i]) {
			ck_assert_ptr_null(res[i]);
			fc_buf_printf(&b, "%s: error %s\n", in.items[i].name,
				      strstr(errors[i], "empty") ? "empty" : "?");
			free(errors[i]);
			continue;
		}
		fc_buf_printf(&b, "%s:", res[i]->doc->path);
		for (size_t k = 0; k < res[i]->n_findings; k++)
			fc_buf_printf(&b, " %s@%u:%u/%s",
				      fc_verdict_name(res[i]->findings[k].verdict),
				      res[i]->findings[k].line,
				      res[i]->findings[k].col,
				      res[i]->findings[k].fingerprint);
		fc_buf_puts(&b, "\n");
		fc_doc_result_free(res[i]);
	}
	free(res);
	free(errors);
	fc_inputs_free(&in);
	return fc_buf_steal(&b);
}

START_TEST(test_parallel_same_results)
{
	char *drafts = fc_asprintf("%s/drafts", tmp);
	fc_engine *eng;
	char *one, *four;

	ck_assert_int_eq(mkdir(drafts, 0755), 0);
	write_drafts(drafts, 60);
	eng = example_engine(tmp);
	one = check_folder(eng, drafts, 1);
	four = check_folder(eng, drafts, 4);
	ck_assert_str_eq(one, four);
	ck_assert_ptr_nonnull(strstr(one, "draft-007.md: error empty"));
	ck_assert_ptr_nonnull(strstr(one, "/draft-001.md: ok@"));
	ck_assert_ptr_nonnull(strstr(one, "/draft-000.md: discrepancy@5:"));
	free(one);
	free(four);
	fc_engine_free(eng);
	free(drafts);
}
END_TEST

/* -j 0: one thread per processor online, as the system counts them,
 * within 1 to 1024. */
START_TEST(test_cpu_count)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	ck_assert_uint_eq(fc_cpu_count(),
			  n < 1 ? 1 : n > 1024 ? 1024 : (unsigned)n);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Baselines. */

/* Checks one draft and returns its result. */
static fc_doc_result *check_one(fc_engine *eng, const char *name,
				const char *text)
{
	return tu_check(eng, name, text);
}

static const char draft_v1[] =
    "---\ndate: 2023-11-05\n---\n\nFour weeks of war have brought the death "
    "of 8,700 Palestinians.\n\nThe ministry in Gaza said 4,800 children were "
    "among the dead.\n";
/* The same draft edited: a paragraph added above, a new wrong figure. */
static const char draft_v2[] =
    "---\ndate: 2023-11-05\n---\n\nA new first paragraph.\n\nFour weeks of "
    "war have brought the death of 8,700 Palestinians.\n\nThe ministry in "
    "Gaza said 4,800 children were among the dead.\n\nThe ministry in Gaza "
    "said 4,900 children were among the dead.\n";

START_TEST(test_baseline)
{
	fc_engine *eng = example_engine(tmp);
	fc_doc_result *r1 = check_one(eng, "a.md", draft_v1), *r2;
	char *path = fc_asprintf("%s/base.json", tmp);
	fc_baseline *bl;
	fc_error err;
	fc_doc_result *rs[] = {r1, NULL};
	char *text;
	size_t len;

	ck_assert_uint_eq(r1->n_findings, 2);
	ck_assert_int_eq(fc_baseline_write(path, rs, 2, FC_VERDICT_OUTDATED,
					   &err),
			 FC_OK);
	ck_assert_int_eq(fc_read_file(path, 0, &text, &len, &err), FC_OK);
	ck_assert_ptr_nonnull(strstr(text, "{\"figcheck_baseline\": 1, "
					   "\"findings\": [\n  {\"fingerprint\":"));
	ck_assert_ptr_nonnull(strstr(text, "\"path\":\"a.md\""));
	ck_assert_ptr_nonnull(strstr(text, "\"text\":\"4,800\""));
	free(text);
	ck_assert_int_eq(fc_baseline_load(path, &bl, &err), FC_OK);
	ck_assert_uint_eq(fc_baseline_size(bl), 2);

	/* The edited draft: the old findings are accepted although their
	 * lines moved; the new one is not. */
	r2 = check_one(eng, "a.md", draft_v2);
	ck_assert_uint_eq(r2->n_findings, 3);
	ck_assert_uint_eq(fc_baseline_filter(bl, r2), 2);
	ck_assert_uint_eq(r2->n_findings, 1);
	ck_assert_str_eq(r2->findings[0].text, "4,900");
	ck_assert_uint_eq(fc_baseline_unused(bl), 0);
	fc_baseline_free(bl);

	/* Built from results, as --write-baseline uses it. */
	ck_assert_int_eq(fc_baseline_from_results(rs, 2, FC_VERDICT_DISCREPANCY,
						  &bl, &err),
			 FC_OK);
	ck_assert_uint_eq(fc_baseline_size(bl), 2);
	fc_baseline_free(bl);
	ck_assert_int_eq(fc_baseline_from_results(rs, 2, FC_VERDICT_COUNT, &bl,
						  &err),
			 FC_OK);
	ck_assert_uint_eq(fc_baseline_size(bl), 0);
	ck_assert_uint_eq(fc_baseline_unused(bl), 0);
	fc_baseline_free(bl);

	fc_doc_result_free(r1);
	fc_doc_result_free(r2);
	fc_engine_free(eng);
	free(path);
}
END_TEST

typedef struct bad_baseline {
	const char *text, *message;
} bad_baseline;

static const bad_baseline bad_baselines[] = {
    {"[1, 2]", "not a figcheck baseline"},
    {"{\"findings\": []}", "not a figcheck baseline"},
    {"{\"figcheck_baseline\": 2, \"findings\": []}", "format 2 is not one"},
    {"{\"figcheck_baseline\": 1}", "findings: expected an array"},
    {"{\"figcheck_baseline\": 1, \"findings\": [{\"fingerprint\": \"xyz\"}]}",
     "findings[0].fingerprint: expected 16 hexadecimal digits"},
    {"{\"figcheck_baseline\": 1, \"findings\": [{}]}",
     "findings[0].fingerprint"},
    {"{\"figcheck_baseline\": 1,\n \"findings\": [}", ":2:"},
};

START_TEST(test_bad_baseline)
{
	char *path = tu_write(tmp, "bad.json", bad_baselines[_i].text);
	fc_baseline *bl = NULL;
	fc_error err;

	ck_assert_int_eq(fc_baseline_load(path, &bl, &err), FC_ERR_INPUT);
	ck_assert_ptr_null(bl);
	ck_assert_msg(strstr(err.msg, bad_baselines[_i].message) &&
			  strstr(err.msg, "bad.json"),
		      "message: %s", err.msg);
	free(path);
}
END_TEST

START_TEST(test_baseline_missing)
{
	fc_baseline *bl = NULL;
	fc_error err;

	ck_assert_int_eq(fc_baseline_load("/nonexistent/b.json", &bl, &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "--baseline: /nonexistent/b.json"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("inputs");
	TCase *tc = tcase_create("globs");

	tcase_add_loop_test(tc, test_glob, 0, (int)FC_ARRAY_LEN(glob_cases));
	tcase_add_loop_test(tc, test_normalise, 0, (int)FC_ARRAY_LEN(norm_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("collect");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_collect_folder);
	tcase_add_test(tc, test_collect_globs);
	tcase_add_test(tc, test_collect_files);
	tcase_add_test(tc, test_collect_links);
	tcase_add_test(tc, test_collect_errors);
	tcase_add_test(tc, test_parallel_same_results);
	tcase_add_test(tc, test_cpu_count);
	suite_add_tcase(s, tc);
	tc = tcase_create("baseline");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_baseline);
	tcase_add_loop_test(tc, test_bad_baseline, 0,
			    (int)FC_ARRAY_LEN(bad_baselines));
	tcase_add_test(tc, test_baseline_missing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
