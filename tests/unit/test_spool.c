/*
 * test_spool.c: the run's results kept on disk until the reports
 * (spool.h), or kept in memory while they fit: every reporter writes the
 * same report from the spool, a
 * document at a time, as from the documents in memory; a document read
 * back is the one written, with its findings, claims, strings, records
 * and rebuilt prose view; a spool that cannot be read fails the report.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "spool.h"
#include "testutil.h"

static const char *const formats[] = {"text",	"json",	    "sarif", "junit",
				      "github", "markdown", "html"};

static char *tmp;
static fc_engine *eng;

static void setup(void)
{
	char *config = tu_example_config(NULL);

	tmp = tu_tmpdir();
	eng = tu_engine(tmp, config, NULL);
	free(config);
}

static void teardown(void)
{
	fc_engine_free(eng);
	tu_rmdir(tmp);
}

static char *slurp(const char *path)
{
	char *data;
	size_t len;
	fc_error err;

	ck_assert_int_eq(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	return data;
}

START_TEST(test_same_reports)
{
	static const struct {
		const char *name, *text;
	} drafts[] = {
	    {"a.md", "---\ndate: 2023-11-05\n---\n\n# Toll\n\nStrikes have "
		     "killed **9,770** Palestinians and more than 1,400 "
		     "Israelis.\n\nThe ministry in Gaza said 4,800 children were "
		     "among the dead. It rose from 9,485 to 9,770, up 385.\n"},
	    {"b.html", "<meta name=\"date\" content=\"2023-11-10\"><p>The "
		       "health ministry said <b>4&#44;008</b> children had "
		       "died, of 9,770 dead.</p><p>About 12 lorries.</p>\n"},
	    {"c\nname\xff.txt", "As of November 5, 2023, the war had killed "
				"9,700 Palestinians.\n"},
	    {"d.md", "Nothing to count here.\n"},
	};
	fc_doc_result *rs[FC_ARRAY_LEN(drafts) + 1];
	const char *paths[FC_ARRAY_LEN(drafts) + 1];
	const char *errors[FC_ARRAY_LEN(drafts) + 1] = {0};
	size_t n = FC_ARRAY_LEN(drafts);
	fc_spool *sp;
	fc_error err;

	/* _i 0: every document in the file; 1: all kept in memory. */
	ck_assert_int_eq(fc_spool_new_limit(&sp, _i ? (size_t)64 << 20 : 0,
					    &err),
			 FC_OK);
	for (size_t i = 0; i < n; i++) {
		rs[i] = tu_check(eng, drafts[i].name, drafts[i].text);
		paths[i] = rs[i]->doc->path;
		/* The spool takes a result of its own. */
		ck_assert_int_eq(
		    fc_spool_add(sp,
				 tu_check(eng, drafts[i].name, drafts[i].text),
				 paths[i], NULL, &err),
		    FC_OK);
	}
	/* A document that could not be read. */
	rs[n] = NULL;
	paths[n] = "missing.md";
	errors[n] = "missing.md: No such file or directory";
	ck_assert_int_eq(fc_spool_add(sp, NULL, paths[n], errors[n], &err),
			 FC_OK);
	n++;
	ck_assert_uint_eq(fc_spool_count(sp), n);
	ck_assert_uint_eq(fc_spool_errors(sp), 1);

	for (size_t f = 0; f < FC_ARRAY_LEN(formats); f++) {
		char *a = fc_asprintf("%s/mem.%s", tmp, formats[f]);
		char *b = fc_asprintf("%s/spool.%s", tmp, formats[f]);
		char *ta, *tb;

		ck_assert_int_eq(fc_engine_report(eng, formats[f], a, rs, paths,
						  errors, n, &err),
				 FC_OK);
		ck_assert_msg(fc_spool_report(sp, eng, formats[f], b,
						     &err) == FC_OK,
			      "%s: %s", formats[f], err.msg);
		ta = slurp(a);
		tb = slurp(b);
		ck_assert_msg(strcmp(ta, tb) == 0,
			      "%s: the report from the spool differs",
			      formats[f]);
		ck_assert_uint_gt(strlen(ta), 100);
		free(ta);
		free(tb);
		free(a);
		free(b);
	}
	/* Read back in any order, as often as wanted. */
	for (size_t i = n - 1; i-- > 0;) {
		const fc_report_doc *d = fc_spool_doc(sp, i);
		ck_assert_str_eq(d->path, rs[i]->doc->path);
		ck_assert_uint_eq(d->n_findings, rs[i]->n_findings);
		ck_assert_uint_eq(d->doc->prose_len, rs[i]->doc->prose_len);
		ck_assert_int_eq(memcmp(d->doc->prose, rs[i]->doc->prose,
					d->doc->prose_len),
				 0);
		ck_assert_int_eq(d->doc->date, rs[i]->doc->date);
		for (size_t k = 0; k < d->n_findings; k++) {
			const fc_finding *x = &d->findings[k],
					 *y = &rs[i]->findings[k];
			ck_assert_str_eq(x->message, y->message);
			ck_assert_str_eq(x->fingerprint, y->fingerprint);
			ck_assert(!x->record == !y->record);
			if (x->record) {
				ck_assert(x->record->rec.value ==
					  y->record->rec.value);
				ck_assert_str_eq(x->record->source,
						 y->record->source);
			}
			ck_assert_uint_eq(x->n_series, y->n_series);
			for (size_t q = 0; q < x->n_series; q++)
				ck_assert(x->series[q].date == y->series[q].date &&
					  x->series[q].value ==
					      y->series[q].value);
			for (size_t o = 0; o < x->n_others; o++)
				ck_assert(x->others[o]->rec.value ==
					  y->others[o]->rec.value);
			ck_assert_uint_eq(x->n_others, y->n_others);
			ck_assert(!x->claim == !y->claim);
			if (x->claim)
				ck_assert(x->claim->number.value ==
					  y->claim->number.value);
		}
	}
	ck_assert(!fc_spool_failed(sp, NULL));
	/* A document that is not there: a document that says so, and a
	 * spool that failed. */
	ck_assert_ptr_nonnull(fc_spool_doc(sp, n + 5)->error);
	ck_assert(fc_spool_failed(sp, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "reading the run's results back"));
	for (size_t i = 0; i < n; i++)
		fc_doc_result_free(rs[i]);
	fc_spool_free(sp);
}
END_TEST

/* A report from a spool that failed is not kept: the old file stays. */
START_TEST(test_failed_spool_keeps_old_report)
{
	char *out = tu_write(tmp, "report.json", "old\n");
	fc_doc_result *r = tu_check(eng, "a.md", "Nothing here.\n");
	fc_spool *sp;
	fc_error err;
	char *t;

	ck_assert_int_eq(fc_spool_new_limit(&sp, 0, &err), FC_OK);
	ck_assert_int_eq(fc_spool_add(sp, r, "a.md", NULL, &err), FC_OK);
	fc_spool_doc(sp, 7); /* fails */
	ck_assert_int_ne(fc_spool_report(sp, eng, "json", out, &err),
			 FC_OK);
	t = slurp(out);
	ck_assert_str_eq(t, "old\n");
	free(t);
	free(out);
	fc_spool_free(sp);
}
END_TEST

/* No folder for the temporary file: an error that names it. */
START_TEST(test_no_temporary_folder)
{
	fc_spool *sp;
	fc_error err;
	char *old = getenv("TMPDIR") ? fc_strdup(getenv("TMPDIR")) : NULL;

	setenv("TMPDIR", "/nonexistent/figcheck-tmp", 1);
	/* The file is made when the first document must go to it. */
	ck_assert_int_eq(fc_spool_new_limit(&sp, 0, &err), FC_OK);
	ck_assert_int_eq(fc_spool_add(sp, tu_check(eng, "a.md", "Nothing.\n"),
				      "a.md", NULL, &err),
			 FC_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/figcheck-tmp: "
					      "cannot make a temporary file"));
	fc_spool_free(sp);
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("spool");
	TCase *tc = tcase_create("spool");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_same_reports, 0, 2);
	tcase_add_test(tc, test_failed_spool_keeps_old_report);
	tcase_add_test(tc, test_no_temporary_folder);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_no_network();
	return tu_run(suite());
}
