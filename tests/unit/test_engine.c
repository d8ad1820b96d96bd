/*
 * test_engine.c: findings as the engine makes them: the document's
 * as-of date and where it came from, the claim's own date and
 * attribution found in its sentence, staleness, the consistency
 * checker's findings and the same metric given twice, fingerprints that
 * survive edits elsewhere in the file, and checking from several threads
 * at once.
 */
#include "config.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define D(y, m, d) fc_date_from_ymd(y, m, d)

static char *tmp;

static void setup(void)
{
	tmp = tu_tmpdir();
}

static void teardown(void)
{
	tu_rmdir(tmp);
}

/* An engine over the bundled reference data, with `extra` members added
 * to the configuration and `consistency` the consistency checker's
 * options (NULL: none). */
static fc_engine *example_engine_ex(const char *extra, const char *consistency)
{
	char *cfg = fc_asprintf(
	    "{%s%s\"checkers\": {\"rules\": {\"packs\": [\"casualties\"]},"
	    " \"consistency\": %s},"
	    " \"sources\": ["
	    "{\"name\": \"gaza-moh\", \"plugin\": \"json\", \"path\":"
	    " \"%s/examples/data/gaza-casualties-2023.json\", \"aliases\":"
	    " [\"health ministry\", \"ministry in Gaza\"], \"options\":"
	    " {\"date_field\": \"report_date\", \"metrics\": {\"killed_cum\":"
	    " \"gaza.killed\", \"killed_children_cum\": "
	    "\"gaza.killed.children\","
	    " \"killed_women_cum\": \"gaza.killed.women\"}, \"optional\":"
	    " [\"killed_cum\", \"killed_children_cum\", "
	    "\"killed_women_cum\"]}},"
	    "{\"name\": \"israel-officials\", \"plugin\": \"json\", \"path\":"
	    " \"%s/examples/data/israel-casualties-2023.json\", \"aliases\":"
	    " [\"Israeli officials\"], \"stale_days\": 14, \"options\":"
	    " {\"metrics\": {\"killed\": \"israel.killed\"}, "
	    "\"qualifier_field\":"
	    " \"qualifier\", \"precision_field\": \"precision\"}}]}",
	    extra ? extra : "", extra ? ", " : "",
	    consistency ? consistency : "{}", FC_SOURCE_DIR, FC_SOURCE_DIR);
	fc_engine *eng;

	ck_assert_ptr_nonnull(cfg);
	eng = tu_engine(tmp, cfg, NULL);
	free(cfg);
	return eng;
}

static fc_engine *example_engine(const char *extra)
{
	return example_engine_ex(extra, NULL);
}

/* The finding whose text is `text` (and, if given, whose rule is `rule`). */
static const fc_finding *finding(const fc_doc_result *r, const char *text,
                                 const char *rule)
{
	for (size_t i = 0; i < r->n_findings; i++)
		if (strcmp(r->findings[i].text, text) == 0 &&
		    (!rule || strcmp(r->findings[i].rule_id, rule) == 0))
			return &r->findings[i];
	ck_abort_msg("no finding \"%s\" (%s)", text, rule ? rule : "any rule");
	return NULL;
}

static const fc_claim *claim(const fc_doc_result *r, const char *text)
{
	return finding(r, text, NULL)->claim;
}

/* ------------------------------------------------------------------ */
/* The document's date. */

START_TEST(test_doc_date)
{
	fc_engine *eng = example_engine("\"year\": 2023");
	fc_doc_result *r;

	r = tu_check(eng, "a.txt",
	             "GAZA CITY, Nov 5 (Reuters) - Israeli strikes have killed "
	             "9,770 Palestinians.\n");
	ck_assert_int_eq(r->doc->date_origin, FC_DATE_FROM_DATELINE);
	ck_assert_int_eq(r->doc->date, D(2023, 11, 5));
	ck_assert_int_eq(finding(r, "9,770", NULL)->verdict, FC_VERDICT_OK);
	fc_doc_result_free(r);

	/* Front matter wins over a dateline. */
	r = tu_check(
	    eng, "a.md",
	    "---\ndate: 2023-11-10\n---\n5 NOV\n\nIsraeli strikes have "
	    "killed 9,770 Palestinians.\n");
	ck_assert_int_eq(r->doc->date_origin, FC_DATE_FROM_FRONT_MATTER);
	ck_assert_int_eq(r->doc->date, D(2023, 11, 10));
	fc_doc_result_free(r);

	/* Nothing: today. */
	r = tu_check(eng, "a.txt",
	             "Israeli strikes have killed 9,770 "
	             "Palestinians.\n");
	ck_assert_int_eq(r->doc->date_origin, FC_DATE_FROM_TODAY);
	ck_assert_int_eq(r->doc->date, fc_date_today());
	fc_doc_result_free(r);
	fc_engine_free(eng);

	/* The configuration's date comes after a dateline. */
	eng = example_engine("\"date\": \"2023-12-01\", \"year\": 2023");
	r = tu_check(eng, "a.txt",
	             "Israeli strikes have killed 9,770 "
	             "Palestinians.\n");
	ck_assert_int_eq(r->doc->date_origin, FC_DATE_FROM_CONFIG);
	ck_assert_int_eq(r->doc->date, D(2023, 12, 1));
	fc_doc_result_free(r);
	r = tu_check(eng, "a.txt",
	             "5 NOV\n\nIsraeli strikes have killed 9,770 "
	             "Palestinians.\n");
	ck_assert_int_eq(r->doc->date_origin, FC_DATE_FROM_DATELINE);
	ck_assert_int_eq(r->doc->date, D(2023, 11, 5));
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* A date the draft gives that names no day is not replaced by today's
 * in silence: the document is refused (unless --date gives its date),
 * and a claim whose own date names no day is left unchecked. */
START_TEST(test_impossible_dates)
{
	static const char *const drafts[][3] = {
	    {"a.md", "---\ndate: 2023-11-31\n---\nIsraeli strikes have killed "
		     "9,770 Palestinians.\n",
	     "a.md:2:7: front matter date '2023-11-31' is not a date (November "
	     "has 30 days); correct it, or give the as-of date with --date"},
	    {"a.html", "<meta name=\"date\" content=\"2023-11-31\"><p>Israeli "
		       "strikes have killed 9,770 Palestinians.</p>\n",
	     "a.html:1:28: HTML <meta> date '2023-11-31' is not a date"},
	    {"a.txt", "GAZA CITY, Nov 31 (Reuters) - Israeli strikes have "
		      "killed 9,770 Palestinians.\n",
	     "a.txt:1:12: dateline 'Nov 31' is not a date (November has 30 "
	     "days)"},
	    {"b.txt", "29 February 2023\n\nIsraeli strikes have killed 9,770 "
		      "Palestinians.\n",
	     "b.txt:1:1: dateline '29 February 2023' is not a date (February "
	     "2023 has 28 days)"},
	};
	fc_engine *eng = example_engine("\"year\": 2023");
	fc_document *doc;
	fc_doc_result *r;
	fc_error err;

	for (size_t i = 0; i < FC_ARRAY_LEN(drafts); i++) {
		ck_assert_int_eq(fc_document_from_memory(drafts[i][0],
							 drafts[i][1],
							 strlen(drafts[i][1]),
							 NULL, &doc, &err),
				 FC_OK);
		ck_assert_int_eq(fc_engine_check(eng, doc, &r, &err),
				 FC_ERR_INPUT);
		ck_assert_ptr_null(r);
		ck_assert_msg(strstr(err.msg, drafts[i][2]), "case %zu: %s", i,
			      err.msg);
	}
	/* A claim's own date that names no day: not checked at another. */
	r = tu_check(eng, "c.txt",
		     "5 NOV\n\nAs of November 31, Israeli strikes had killed "
		     "9,770 Palestinians.\n");
	ck_assert_int_eq(finding(r, "9,770", NULL)->verdict,
			 FC_VERDICT_UNCHECKED);
	ck_assert_ptr_nonnull(strstr(finding(r, "9,770", NULL)->message,
				     "\"As of November 31\" names a day that "
				     "does not exist"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* ------------------------------------------------------------------ */
/* What the core reads in a claim's sentence. */

START_TEST(test_claim_context)
{
	fc_engine *eng = example_engine(NULL);
	fc_doc_result *r = tu_check(
	    eng, "a.md",
	    "---\ndate: 2023-11-09\n---\n"
	    "By Sunday the death toll in Gaza rose to 9,770.\n\n"
	    "Israeli strikes have killed 10,818 Palestinians since October 7, "
	    "the health ministry said.\n\n"
	    "The war has caused the death of more than 1,400 Israelis.\n");
	const fc_claim *c;
	const fc_finding *f;

	c = claim(r, "9,770");
	ck_assert_int_eq(c->as_of, D(2023, 11, 5));
	ck_assert_str_eq(c->as_of_text, "By Sunday");
	ck_assert_int_eq(finding(r, "9,770", NULL)->as_of, D(2023, 11, 5));
	ck_assert_int_eq(finding(r, "9,770", NULL)->verdict, FC_VERDICT_OK);

	c = claim(r, "10,818");
	ck_assert_int_eq(c->as_of, FC_DATE_NONE);
	ck_assert_int_eq(c->since, D(2023, 10, 7));
	ck_assert_str_eq(c->as_of_text, "since October 7");
	ck_assert_str_eq(c->attribution, "the health ministry");
	f = finding(r, "10,818", NULL);
	ck_assert_int_eq(f->verdict, FC_VERDICT_OK);
	ck_assert_str_eq(f->record->source, "gaza-moh");

	/* The Israeli figure of 13 October is 27 days old: stale. */
	f = finding(r, "more than 1,400", NULL);
	ck_assert_int_eq(f->verdict, FC_VERDICT_OK);
	ck_assert(f->stale);
	ck_assert_int_eq(f->stale_days, 27);
	ck_assert_ptr_nonnull(strstr(f->message, "a stale record 27 days old "
	                                         "(israel-officials allows 14)"));
	ck_assert_ptr_nonnull(strstr(f->reason, "27 days old at 2023-11-09"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* Every verdict explains itself: a sentence, and the fields. */
START_TEST(test_explanation_fields)
{
	fc_engine *eng = example_engine(NULL);
	fc_doc_result *r = tu_check(
	    eng, "a.md",
	    "---\ndate: 2023-11-05\n---\n"
	    "The ministry in Gaza said 4,800 children were among the dead.\n");
	const fc_finding *f = finding(r, "4,800", NULL);

	ck_assert_int_eq(f->verdict, FC_VERDICT_DISCREPANCY);
	/* "4,800" is a round figure: read to the nearest hundred. */
	ck_assert_double_eq(f->claim_low, 4750);
	ck_assert_double_eq(f->claim_high, 4850);
	ck_assert_double_eq(f->record->rec.value, 4008);
	ck_assert_int_eq(f->record->rec.date, D(2023, 11, 5));
	ck_assert_str_eq(f->record->source, "gaza-moh");
	ck_assert_ptr_nonnull(f->record->source_url);
	ck_assert_double_eq(f->diff_abs, 792);
	ck_assert_double_eq_tol(f->diff_rel, 792.0 / 4008, 1e-9);
	ck_assert_double_eq(f->tolerance, 0);
	ck_assert_str_eq(f->claim->attribution, "The ministry in Gaza");
	ck_assert_ptr_nonnull(strstr(f->message, "disagrees with gaza-moh"));
	ck_assert_ptr_nonnull(strstr(f->reason, "does not meet the record"));
	ck_assert_ptr_nonnull(strstr(f->reason, "(no tolerance)"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Internal consistency. */

START_TEST(test_consistency)
{
	fc_engine *eng = example_engine(NULL);
	fc_doc_result *r = tu_check(
	    eng, "a.md",
	    "---\ndate: 2023-11-05\n---\n"
	    "Of the 9,770 victims, 4,008 were children (45%).\n\n"
	    "The toll rose from 9,485 to 9,770, an increase of 285.\n\n"
	    "Israeli strikes have killed 9,770 Palestinians.\n\n"
	    "The number of Palestinians killed has risen to 9,700.\n");
	const fc_finding *f;

	/* The share: recomputed, and its fields. */
	f = finding(r, "9,770 victims, 4,008 were children (45%", NULL);
	ck_assert_str_eq(f->rule_id, "consistency.share");
	ck_assert_int_eq(f->verdict, FC_VERDICT_DISCREPANCY);
	ck_assert_ptr_null(f->claim);
	ck_assert_double_eq(f->claim_low, 45);
	ck_assert_double_eq_tol(f->diff_abs, 45 - 100.0 * 4008 / 9770, 1e-9);
	ck_assert_ptr_nonnull(strstr(f->message, "4,008 of 9,770 is 41.0%"));
	ck_assert_ptr_nonnull(f->reason);
	/* The change checks out: silent by default. */
	for (size_t i = 0; i < r->n_findings; i++)
		ck_assert_str_ne(r->findings[i].rule_id, "consistency.change");
	/* The same metric twice. */
	f = finding(r, "9,700", "consistency.same-metric");
	ck_assert_int_eq(f->verdict, FC_VERDICT_DISCREPANCY);
	ck_assert_ptr_nonnull(strstr(f->message, "\"9,770\" at line 8"));
	fc_doc_result_free(r);
	fc_engine_free(eng);

	/* report_ok: a computation that checks out is listed as ok. */
	eng = example_engine_ex(NULL, "{\"report_ok\": true}");
	r = tu_check(
	    eng, "a.txt",
	    "The toll rose from 9,485 to 9,770, an increase of 285.\n");
	f = finding(r, "9,485 to 9,770, an increase of 285", NULL);
	ck_assert_str_eq(f->rule_id, "consistency.change");
	ck_assert_int_eq(f->verdict, FC_VERDICT_OK);
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* The cases of tests/data/consistency/cases.txt: every computation the
 * checker makes on a sentence, and the sentences where it must make
 * none (a time span read as a change, a part of another kind). */
START_TEST(test_consistency_cases)
{
	fc_engine *eng = example_engine_ex(NULL, "{\"report_ok\": true}");
	char *path = fc_asprintf("%s/tests/data/consistency/cases.txt",
	                         FC_SOURCE_DIR);
	FILE *f = fopen(path, "r");
	char line[2048];
	size_t n = 0, bad = 0;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f)) {
		char *want, *rule, *text, *nl;
		fc_doc_result *r;
		size_t flags = 0, oks = 0, others = 0;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((nl = strchr(line, '\n')))
			*nl = '\0';
		want = line;
		rule = strchr(want, '\t');
		ck_assert_msg(rule, "cases.txt: no tab in \"%s\"", line);
		*rule++ = '\0';
		text = strchr(rule, '\t');
		ck_assert_msg(text, "cases.txt: one tab only in \"%s\"", rule);
		*text++ = '\0';
		r = tu_check(eng, "case.txt", text);
		for (size_t i = 0; i < r->n_findings; i++) {
			const fc_finding *g = &r->findings[i];
			if (strncmp(g->rule_id, "consistency.", 12) != 0 ||
			    strcmp(g->rule_id, "consistency.same-metric") == 0)
				continue;
			if (strcmp(g->rule_id, rule) != 0)
				others++;
			else if (g->verdict == FC_VERDICT_OK)
				oks++;
			else
				flags++;
		}
		if (strcmp(want, "flag") == 0 ? flags == 0 || others
		    : strcmp(want, "ok") == 0 ? oks == 0 || flags || others
		                              : flags + oks + others > 0) {
			fprintf(stderr,
			        "consistency case: want %s (%s), got %zu wrong, "
			        "%zu right, %zu of other rules: %s\n",
			        want, rule, flags, oks, others, text);
			bad++;
		}
		n++;
		fc_doc_result_free(r);
	}
	fclose(f);
	free(path);
	fc_engine_free(eng);
	ck_assert_msg(n >= 20, "only %zu cases read", n);
	ck_assert_msg(bad == 0, "%zu of %zu consistency cases failed", bad, n);
}
END_TEST

/* Markup a reader never sees does not hide a figure: a 70 KB data: URI
 * in an HTML attribute or a Markdown link target, a deep blockquote. */
START_TEST(test_long_markup)
{
	fc_engine *eng = example_engine(NULL);
	static const char *const forms[] = {"html", "md", "quote"};
	char *uri = malloc(70001), *text;
	fc_doc_result *r;
	const fc_finding *f;

	ck_assert_ptr_nonnull(uri);
	memset(uri, 'x', 70000);
	uri[70000] = '\0';
	if (_i == 0)
		text = fc_asprintf(
		    "<html><head><meta name=\"date\" content=\"2023-11-05\">"
		    "</head><body><p>Israeli strikes have killed <a "
		    "href=\"data:text/plain,%s\">19,100 Palestinians</a> in Gaza, "
		    "the health ministry said.</p></body></html>",
		    uri);
	else if (_i == 1)
		text = fc_asprintf(
		    "---\ndate: 2023-11-05\n---\nIsraeli strikes have killed "
		    "[19,100 Palestinians](data:text/plain,%s) in Gaza, the "
		    "health ministry said.\n",
		    uri);
	else {
		char quote[401];
		for (int k = 0; k < 200; k++)
			memcpy(quote + 2 * k, "> ", 2);
		quote[400] = '\0';
		text = fc_asprintf("---\ndate: 2023-11-05\n---\n%sIsraeli "
				   "strikes have killed 19,100 Palestinians in "
				   "Gaza, the health ministry said.\n",
				   quote);
	}
	ck_assert_ptr_nonnull(text);
	r = tu_check(eng, _i == 0 ? "a.html" : "a.md", text);
	f = finding(r, "19,100", NULL);
	ck_assert_msg(f->verdict == FC_VERDICT_DISCREPANCY, "%s: %s", forms[_i],
		      fc_verdict_name(f->verdict));
	fc_doc_result_free(r);
	free(text);
	free(uri);
	fc_engine_free(eng);
}
END_TEST

START_TEST(test_consistency_options)
{
	fc_engine *eng = NULL;
	fc_error err;
	fc_doc_result *r;

	ck_assert_int_eq(tu_engine_ex(tmp,
	                              "{\"checkers\": {\"consistency\": "
	                              "{\"checks\": [\"shares\"]}}}",
	                              NULL, &eng, &err),
	                 FC_ERR_CONFIG);
	ck_assert_msg(strstr(err.msg, "checkers.consistency.checks[0]") &&
	                  strstr(err.msg, "\"shares\" is not a check"),
	              "%s", err.msg);
	/* Only the change check: the wrong share goes unseen. */
	eng = tu_engine(tmp,
	                "{\"checkers\": {\"consistency\": {\"checks\": "
	                "[\"change\"]}}}",
	                NULL);
	r = tu_check(eng, "a.txt",
	             "Of the 9,770 victims, 4,008 were children (45%).\n");
	ck_assert_uint_eq(r->n_findings, 0);
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Fingerprints. */

static const char draft_v1[] =
    "---\ndate: 2023-11-05\n---\n"
    "Four weeks of war have brought the death of 9,770 Palestinians and "
    "more than 1,400 Israelis.\n\n"
    "The ministry in Gaza said 4,800 children were among the dead.\n\n"
    "Of the 9,770 victims, 4,008 were children (45%).\n";

/* Edited elsewhere: a paragraph above, words changed around the claims,
 * a paragraph below. */
static const char draft_v2[] =
    "---\ndate: 2023-11-05\ntitle: a new title\n---\n"
    "A new first paragraph, with no figure in it.\n\n"
    "Four long weeks of war have brought the death of 9,770 Palestinians "
    "and more than 1,400 Israelis, officials say.\n\n"
    "The ministry in Gaza said that 4,800 children were among the dead.\n\n"
    "Of the 9,770 victims, 4,008 were children (45%).\n\n"
    "A closing paragraph.\n";

/* The same draft with one figure changed. */
static const char draft_v3[] =
    "---\ndate: 2023-11-05\n---\n"
    "Four weeks of war have brought the death of 9,770 Palestinians and "
    "more than 1,400 Israelis.\n\n"
    "The ministry in Gaza said 4,900 children were among the dead.\n\n"
    "Of the 9,770 victims, 4,008 were children (45%).\n";

START_TEST(test_fingerprints)
{
	fc_engine *eng = example_engine(NULL);
	fc_doc_result *r1 = tu_check(eng, "a.md", draft_v1);
	fc_doc_result *r2 = tu_check(eng, "a.md", draft_v2);
	fc_doc_result *r3 = tu_check(eng, "a.md", draft_v3);
	fc_doc_result *r4 = tu_check(eng, "b.md", draft_v1);

	ck_assert_uint_eq(r1->n_findings, 4);
	ck_assert_uint_eq(r2->n_findings, r1->n_findings);
	for (size_t i = 0; i < r1->n_findings; i++) {
		const fc_finding *a = &r1->findings[i], *b = &r2->findings[i];
		ck_assert_str_eq(a->rule_id, b->rule_id);
		ck_assert_msg(a->line != b->line, "the edit moved every line");
		ck_assert_msg(strcmp(a->fingerprint, b->fingerprint) == 0,
		              "%s (%s): %s became %s", a->text, a->rule_id,
		              a->fingerprint, b->fingerprint);
		/* Another document: other fingerprints. */
		ck_assert_str_ne(a->fingerprint, r4->findings[i].fingerprint);
	}
	/* The changed figure gets a new fingerprint; the others keep
	 * theirs. */
	for (size_t i = 0; i < r1->n_findings; i++) {
		const fc_finding *a = &r1->findings[i], *c = &r3->findings[i];
		if (strcmp(a->text, "4,800") == 0)
			ck_assert_str_ne(a->fingerprint, c->fingerprint);
		else
			ck_assert_str_eq(a->fingerprint, c->fingerprint);
	}
	/* Fingerprints are 16 hex digits, distinct within a document. */
	for (size_t i = 0; i < r1->n_findings; i++) {
		ck_assert_uint_eq(
		    strspn(r1->findings[i].fingerprint, "0123456789abcdef"),
		    16);
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(r1->findings[i].fingerprint,
			                 r1->findings[k].fingerprint);
	}
	fc_doc_result_free(r1);
	fc_doc_result_free(r2);
	fc_doc_result_free(r3);
	fc_doc_result_free(r4);
	fc_engine_free(eng);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Several threads at once on one engine. */

typedef struct job {
	fc_engine *eng;
	char prints[8][17];
	size_t n;
	fc_verdict verdicts[8];
} job;

static void *run_job(void *p)
{
	job *j = p;

	for (int round = 0; round < 20; round++) {
		fc_document *doc;
		fc_doc_result *r;
		fc_error err;
		if (fc_document_from_memory("a.md", draft_v2, strlen(draft_v2),
		                            NULL, &doc, &err) ||
		    fc_engine_check(j->eng, doc, &r, &err))
			return NULL;
		j->n = r->n_findings < 8 ? r->n_findings : 8;
		for (size_t i = 0; i < j->n; i++) {
			memcpy(j->prints[i], r->findings[i].fingerprint, 17);
			j->verdicts[i] = r->findings[i].verdict;
		}
		fc_doc_result_free(r);
	}
	return p;
}

START_TEST(test_threads)
{
	fc_engine *eng = example_engine(NULL);
	pthread_t th[4];
	job jobs[4];

	for (int i = 0; i < 4; i++) {
		memset(&jobs[i], 0, sizeof(jobs[i]));
		jobs[i].eng = eng;
		ck_assert_int_eq(
		    pthread_create(&th[i], NULL, run_job, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		void *ret;
		ck_assert_int_eq(pthread_join(th[i], &ret), 0);
		ck_assert_ptr_nonnull(ret);
	}
	ck_assert_uint_eq(jobs[0].n, 4);
	for (int i = 1; i < 4; i++) {
		ck_assert_uint_eq(jobs[i].n, jobs[0].n);
		for (size_t k = 0; k < jobs[0].n; k++) {
			ck_assert_str_eq(jobs[i].prints[k], jobs[0].prints[k]);
			ck_assert_int_eq(jobs[i].verdicts[k],
			                 jobs[0].verdicts[k]);
		}
	}
	fc_engine_free(eng);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("engine");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_doc_date);
	tcase_add_test(tc, test_impossible_dates);
	tcase_add_test(tc, test_claim_context);
	tcase_add_test(tc, test_explanation_fields);
	tcase_add_test(tc, test_consistency);
	tcase_add_test(tc, test_consistency_options);
	tcase_add_test(tc, test_consistency_cases);
	tcase_add_loop_test(tc, test_long_markup, 0, 3);
	tcase_add_test(tc, test_fingerprints);
	tcase_add_test(tc, test_threads);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
