/*
 * test_dates.c: dates as copy writes them (dates.h), datelines, the date
 * phrases of a claim's sentence, the reference point of a claim about
 * change, levels dated back.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "testutil.h"

#define D(y, m, d) fc_date_from_ymd(y, m, d)

/* ------------------------------------------------------------------ */
/* Reading one date. */

static const struct {
	const char *text;
	bool year_alone;
	bool found;
	int year, month, day, weekday, back;
	const char *rest; /* what follows the date read */
} reads[] = {
    {"5 NOV", false, true, 0, 11, 5, -1, -1, ""},
    {"Nov. 5, 2023 (AP)", false, true, 2023, 11, 5, -1, -1, " (AP)"},
    {"Nov 5 (Reuters)", false, true, 0, 11, 5, -1, -1, " (Reuters)"},
    {"5 November 2023.", false, true, 2023, 11, 5, -1, -1, "."},
    {"November 5th, 2023", false, true, 2023, 11, 5, -1, -1, ""},
    {"5th of November", false, true, 0, 11, 5, -1, -1, ""},
    {"2023-11-05T10:00", false, true, 2023, 11, 5, -1, -1, "T10:00"},
    {"Sunday", false, true, 0, 0, 0, 6, -1, ""},
    {"Sunday 5 November", false, true, 0, 11, 5, 6, -1, ""},
    {"Sun., Nov. 5", false, true, 0, 11, 5, 6, -1, ""},
    {"yesterday", false, true, 0, 0, 0, -1, 1, ""},
    {"today", false, true, 0, 0, 0, -1, 0, ""},
    {"November", true, true, 0, 11, 0, -1, -1, ""},
    {"November 2023", false, true, 2023, 11, 0, -1, -1, ""},
    {"2022", true, true, 2022, 0, 0, -1, -1, ""},
    /* Not dates. */
    {"2022", false, false, 0, 0, 0, -1, -1, NULL},
    {"2023-24", true, false, 0, 0, 0, -1, -1, NULL},
    {"may 5", false, false, 0, 0, 0, -1, -1, NULL},
    {"sun", false, false, 0, 0, 0, -1, -1, NULL},
    {"November", false, false, 0, 0, 0, -1, -1, NULL},
    {"Nov", true, false, 0, 0, 0, -1, -1, NULL},
    {"32 November", false, false, 0, 0, 0, -1, -1, NULL},
    {"5,000 November", false, false, 0, 0, 0, -1, -1, NULL},
    {"9,770", false, false, 0, 0, 0, -1, -1, NULL},
    {"1400", true, false, 0, 0, 0, -1, -1, NULL},
};

START_TEST(test_read)
{
	fc_written_date w;
	const char *t = reads[_i].text;
	bool got = fc_date_read(t, strlen(t), 0, reads[_i].year_alone, &w);

	ck_assert_msg(got == reads[_i].found, "\"%s\": found %d", t, got);
	if (!got)
		return;
	ck_assert_int_eq(w.year, reads[_i].year);
	ck_assert_int_eq(w.month, reads[_i].month);
	ck_assert_int_eq(w.day, reads[_i].day);
	ck_assert_int_eq(w.weekday, reads[_i].weekday);
	ck_assert_int_eq(w.back, reads[_i].back);
	ck_assert_str_eq(t + w.end, reads[_i].rest);
}
END_TEST

START_TEST(test_read_in_text)
{
	fc_written_date w;
	const char *t = "killed 5 November";

	/* Not inside a word or a figure. */
	ck_assert(!fc_date_read("x5 Nov", 6, 1, false, &w));
	ck_assert(fc_date_read(t, strlen(t), 7, false, &w));
	ck_assert_int_eq(w.start, 7);
	ck_assert_int_eq(w.end, strlen(t));
}
END_TEST

/* Found by fuzz_dates: a date resolved before year 1 ("yesterday" of 1
 * January 0001, the Sunday before it) is no date, not a day that
 * fc_date_format cannot write. */
START_TEST(test_resolve_range)
{
	fc_written_date w;
	fc_date first = D(1, 1, 1); /* a Monday */

	fc_date_read("yesterday", 9, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, first, 0, FC_PLACE_NOT_AFTER),
	                 FC_DATE_NONE);
	fc_date_read("Sunday", 6, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, first, 0, FC_PLACE_NOT_AFTER),
	                 FC_DATE_NONE);
	fc_date_read("today", 5, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, first, 0, FC_PLACE_NOT_AFTER),
	                 first);
	fc_date_read("Dec 31", 6, 0, false, &w);
	ck_assert_int_eq(
	    fc_date_resolve(&w, D(9999, 12, 31), 0, FC_PLACE_NEAREST),
	    D(9999, 12, 31));
}
END_TEST

START_TEST(test_resolve)
{
	fc_written_date w;
	fc_date sun = D(2023, 11, 5); /* a Sunday */

	fc_date_read("Sunday", 6, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NOT_AFTER), sun);
	ck_assert_int_eq(
	    fc_date_resolve(&w, D(2023, 11, 9), 0, FC_PLACE_NOT_AFTER), sun);
	fc_date_read("Monday", 6, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NOT_AFTER),
	                 D(2023, 10, 30));
	fc_date_read("yesterday", 9, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NOT_AFTER),
	                 D(2023, 11, 4));
	/* A day and month without a year. */
	fc_date_read("Nov 10", 6, 0, false, &w);
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NEAREST),
	                 D(2023, 11, 10));
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NOT_AFTER),
	                 D(2022, 11, 10));
	ck_assert_int_eq(fc_date_resolve(&w, sun, 2021, FC_PLACE_NOT_AFTER),
	                 D(2021, 11, 10));
	fc_date_read("Dec 30", 6, 0, false, &w);
	ck_assert_int_eq(
	    fc_date_resolve(&w, D(2024, 1, 2), 0, FC_PLACE_NEAREST),
	    D(2023, 12, 30));
	/* A year alone ends on its last day; a month on its last. */
	fc_date_read("2022", 4, 0, true, &w);
	ck_assert_int_eq(fc_date_resolve(&w, sun, 0, FC_PLACE_NOT_AFTER),
	                 D(2022, 12, 31));
	fc_date_read("February", 8, 0, true, &w);
	ck_assert_int_eq(
	    fc_date_resolve(&w, D(2024, 3, 10), 0, FC_PLACE_NOT_AFTER),
	    D(2024, 2, 29));
	/* 29 February falls on a leap year. */
	fc_date_read("29 February", 11, 0, false, &w);
	ck_assert_int_eq(
	    fc_date_resolve(&w, D(2023, 11, 5), 0, FC_PLACE_NOT_AFTER),
	    D(2020, 2, 29));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Datelines. */

static const struct {
	const char *name;
	const char *text;
	int year;   /* the configuration's */
	bool found; /* a dateline of 5 November 2023 is found */
	fc_year_origin from;
} datelines[] = {
    {"a.txt", "GAZA CITY, Nov 5 (Reuters) - Israeli strikes killed 45.\n", 2023,
     true, FC_YEAR_CONFIG},
    {"a.txt", "5 NOV\n\nIsraeli strikes killed 45.\n", 2023, true,
     FC_YEAR_CONFIG},
    {"a.txt", "Nov. 5\nIsraeli strikes killed 45.\n", 2023, true,
     FC_YEAR_CONFIG},
    {"a.txt", "5 November 2023\n\nIsraeli strikes killed 45.\n", 0, true,
     FC_YEAR_WRITTEN},
    {"a.txt", "Sunday 5 November 2023 10:30 GMT\n\nStory.\n", 0, true,
     FC_YEAR_WRITTEN},
    {"a.txt", "Updated: Nov. 5, 2023\n\nStory.\n", 0, true, FC_YEAR_WRITTEN},
    {"a.txt", "Nov. 5 (AP) \xE2\x80\x94 Israeli strikes killed 45.\n", 2023,
     true, FC_YEAR_CONFIG},
    {"a.md",
     "# Blinken in Ramallah\n\nKHAN YOUNIS, Gaza, 5 November "
     "(AFP) - Strikes.\n",
     2023, true, FC_YEAR_CONFIG},
    /* Not datelines. */
    {"a.md", "# 7 October\n\nA month on, the toll is 9,770.\n", 2023, false, 0},
    {"a.txt", "On 5 November the ministry said 9,770 were killed.\n", 2023,
     false, 0},
    {"a.txt", "The toll rose. 5 November was the worst day.\n", 2023, false, 0},
    {"a.txt",
     "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven\n\n5 "
     "November 2023\n",
     0, false, 0},
};

START_TEST(test_dateline)
{
	fc_document *doc;
	fc_error err;
	fc_dateline dl;
	bool found;

	ck_assert_int_eq(fc_document_from_memory(
	                     datelines[_i].name, datelines[_i].text,
	                     strlen(datelines[_i].text), NULL, &doc, &err),
	                 FC_OK);
	found = fc_dateline_find(doc, datelines[_i].year, D(2025, 1, 1),
	                         FC_YEAR_TODAY, &dl);
	if (!datelines[_i].found) {
		ck_assert_msg(!found, "case %d: a dateline was found", _i);
	} else {
		ck_assert_msg(found, "case %d: no dateline", _i);
		ck_assert_int_eq(dl.date, D(2023, 11, 5));
		ck_assert_int_eq(dl.year_from, datelines[_i].from);
	}
	fc_document_free(doc);
}
END_TEST

START_TEST(test_dateline_year_from_file)
{
	fc_document *doc;
	fc_error err;
	fc_dateline dl;

	/* No year written or configured: the latest 5 November not after
	 * the reference date. */
	ck_assert_int_eq(fc_document_from_memory("a.txt", "5 NOV\n\nStory.\n",
	                                         14, NULL, &doc, &err),
	                 FC_OK);
	ck_assert(fc_dateline_find(doc, 0, D(2024, 3, 1), FC_YEAR_FILE, &dl));
	ck_assert_int_eq(dl.date, D(2023, 11, 5));
	ck_assert_int_eq(dl.year_from, FC_YEAR_FILE);
	ck_assert(fc_dateline_find(doc, 0, D(2024, 11, 5), FC_YEAR_TODAY, &dl));
	ck_assert_int_eq(dl.date, D(2024, 11, 5));
	fc_document_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The date phrases of a claim's sentence. */

static const struct {
	const char *sentence;
	const char *claim;  /* the claim's text in it */
	long as_of, since;  /* YYYYMMDD, or 0: none */
	const char *phrase; /* the as-of phrase, or the since one */
} phrases[] = {
    {"As of November 10, the death toll in Gaza stood at 11,078.", "11,078",
     20231110, 0, "As of November 10"},
    {"By Sunday the death toll in Gaza rose to 9,770.", "9,770", 20231105, 0,
     "By Sunday"},
    {"The toll rose to 9,770 on Sunday, the ministry said.", "9,770", 20231105,
     0, "on Sunday"},
    {"On 5 November, the ministry said 9,770 had been killed.", "9,770",
     20231105, 0, "On 5 November"},
    {"The ministry said 9,770 had been killed, as of Sunday.", "9,770",
     20231105, 0, "as of Sunday"},
    {"Yesterday the ministry said 9,485 had been killed.", "9,485", 20231108, 0,
     "Yesterday"},
    {"In 2022, 200 Palestinians were killed.", "200", 20221231, 20220101,
     "In 2022"},
    {"In October, 8,525 Palestinians were killed.", "8,525", 20231031, 20231001,
     "In October"},
    {"9,770 Palestinians have been killed since October 7.", "9,770", 0,
     20231007, "since October 7"},
    {"9,770 have been killed since the war began on 7 October.", "9,770", 0,
     20231007, "on 7 October"},
    /* Event dates are not the count's. */
    {"More than 1,400 Israelis were killed on 7 October.", "More than 1,400", 0,
     0, NULL},
    {"The attack on 7 October killed 1,200 people.", "1,200", 0, 0, NULL},
    {"Hamas killed more than 1,400 people in Israel on 7 October, officials "
     "said.",
     "more than 1,400", 0, 0, NULL},
    /* A date in another clause, or with another figure between. */
    {"The toll, which stood at 1,000 on October 10, has risen to 9,770.",
     "9,770", 0, 0, NULL},
    {"The toll, which stood at 1,000 on October 10, has risen to 9,770.",
     "1,000", 20231010, 0, "on October 10"},
    {"It rose from 9,485 on Saturday to 9,770 on Sunday.", "9,485", 20231104, 0,
     "on Saturday"},
    {"It rose from 9,485 on Saturday to 9,770 on Sunday.", "9,770", 20231105, 0,
     "on Sunday"},
    {"Blinken met Abbas on Sunday; 9,770 have been killed.", "9,770", 0, 0,
     NULL},
    /* A future year is no period of the count. */
    {"In 2025, 200 may be killed.", "200", 0, 0, NULL},
};

/* The date of YYYYMMDD, or FC_DATE_NONE for 0. */
static fc_date ymd(long n)
{
	return n ? D((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100))
	         : FC_DATE_NONE;
}

START_TEST(test_phrases)
{
	const char *s = phrases[_i].sentence;
	const char *c = strstr(s, phrases[_i].claim);
	fc_number_list nums = {0};
	fc_claim_dates cd;
	fc_num_options no;

	ck_assert_ptr_nonnull(c);
	fc_num_options_init(&no);
	ck_assert_int_eq(fc_numbers_scan(s, strlen(s), &no, &nums), FC_OK);
	/* Thursday 9 November 2023 for "yesterday"; Sunday 5 otherwise. */
	fc_claim_dates_find(
	    s, 0, strlen(s), (size_t)(c - s),
	    (size_t)(c - s) + strlen(phrases[_i].claim), &nums,
	    strstr(s, "Yesterday") ? D(2023, 11, 9) : D(2023, 11, 5), &cd);
	ck_assert_msg(cd.as_of == ymd(phrases[_i].as_of),
	              "\"%s\" [%s]: as of %d, want %ld", s, phrases[_i].claim,
	              (int)cd.as_of, phrases[_i].as_of);
	ck_assert_msg(cd.since == ymd(phrases[_i].since),
	              "\"%s\" [%s]: since %d, want %ld", s, phrases[_i].claim,
	              cd.since, phrases[_i].since);
	if (phrases[_i].phrase) {
		size_t a =
		    cd.as_of != FC_DATE_NONE ? cd.as_of_start : cd.since_start;
		size_t b =
		    cd.as_of != FC_DATE_NONE ? cd.as_of_end : cd.since_end;
		ck_assert_int_eq(b - a, strlen(phrases[_i].phrase));
		ck_assert(strncmp(s + a, phrases[_i].phrase, b - a) == 0);
	}
	fc_number_list_free(&nums);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The reference point of a claim about change (document dated Sunday 5
 * November 2023). */

static const struct {
	const char *sentence;
	const char *claim;
	long date;      /* YYYYMMDD, or 0 */
	int unit;       /* fc_period */
	int span;
	bool start;
	const char *phrase; /* NULL: none found */
	bool per_day;       /* the figure counts one day */
} refs[] = {
    {"Ukraine's population has fallen by a tenth since 2014.", "a tenth",
     20140101, FC_PERIOD_YEAR, 0, false, "since 2014", false},
    {"The toll has doubled since October 22.", "doubled", 20231022,
     FC_PERIOD_DAY, 0, false, "since October 22", false},
    {"Cases have risen 40% since March.", "40%", 20230301, FC_PERIOD_MONTH,
     0, false, "since March", false},
    {"The death toll has doubled in two weeks.", "doubled", 0,
     FC_PERIOD_DAY, 14, false, "in two weeks", false},
    {"Deaths rose 20% in a month.", "20%", 0, FC_PERIOD_MONTH, 1, false,
     "in a month", false},
    {"Over the past year, losses rose by 120,000.", "120,000", 0,
     FC_PERIOD_YEAR, 1, false, "Over the past year", false},
    {"The toll rose by 285 in the last 24 hours.", "285", 0, FC_PERIOD_DAY,
     1, false, "in the last 24 hours", false},
    {"Exports were up 5% compared with last year.", "5%", 0, FC_PERIOD_YEAR,
     1, false, "compared with last year", false},
    {"The figure was 12% higher than a year earlier.", "12%", 0,
     FC_PERIOD_YEAR, 1, false, "a year earlier", false},
    {"Sales rose 3% year on year.", "3%", 0, FC_PERIOD_YEAR, 1, false,
     "year on year", false},
    {"It has lost 6,000 tanks since the war began.", "6,000", 0,
     FC_PERIOD_DAY, 0, true, "since the war began", false},
    {"Deaths have tripled since the start of the pandemic.", "tripled", 0,
     FC_PERIOD_DAY, 0, true, "since the start of the pandemic", false},
    {"In three decades the population grew by half.", "half", 0,
     FC_PERIOD_YEAR, 30, false, "In three decades", false},
    /* None: a future date, a span of hours that is no number of days. */
    {"Prices rose 4% since 2031.", "4%", 0, 0, 0, false, NULL, false},
    {"The toll rose by 40 in 5 hours.", "40", 0, 0, 0, false, NULL, false},
    {"The toll rose by 40.", "40", 0, 0, 0, false, NULL, false},
    /* A daily figure's own day is no reference point. */
    {"With 436 killed in the past 24 hours, it was the deadliest day since "
     "the war began.", "436", 0, FC_PERIOD_DAY, 0, true,
     "since the war began", true},
    {"With 436 killed in the past 24 hours, it was the deadliest day.",
     "436", 0, 0, 0, false, NULL, true},
};

START_TEST(test_refs)
{
	const char *s = refs[_i].sentence;
	const char *c = strstr(s, refs[_i].claim);
	fc_claim_ref r;
	bool got;

	ck_assert_ptr_nonnull(c);
	got = fc_claim_ref_find(s, 0, strlen(s), (size_t)(c - s),
	                        (size_t)(c - s) + strlen(refs[_i].claim),
	                        D(2023, 11, 5), refs[_i].per_day, &r);
	ck_assert_msg(got == (refs[_i].phrase != NULL), "\"%s\": found %d", s,
	              got);
	if (!got)
		return;
	ck_assert_msg(r.date == ymd(refs[_i].date), "\"%s\": date %d", s,
	              (int)r.date);
	ck_assert_int_eq(r.span, refs[_i].span);
	ck_assert_int_eq(r.start, refs[_i].start);
	if (refs[_i].date || refs[_i].span)
		ck_assert_int_eq(r.unit, refs[_i].unit);
	ck_assert_msg(r.end_at - r.start_at == strlen(refs[_i].phrase) &&
	                  strncmp(s + r.start_at, refs[_i].phrase,
	                          r.end_at - r.start_at) == 0,
	              "\"%s\": phrase \"%.*s\"", s,
	              (int)(r.end_at - r.start_at), s + r.start_at);
}
END_TEST

/* A level dated back from the document's date (2023-11-05). */
static const struct {
	const char *sentence;
	const char *claim;
	long date; /* YYYYMMDD, or 0: none applies */
	int unit;
	const char *phrase;
} pasts[] = {
    {"A week earlier, the office put the toll at 7,100.", "7,100", 20231029,
     FC_PERIOD_DAY, "A week earlier"},
    {"The office put the toll at 7,100 a week earlier.", "7,100", 20231029,
     FC_PERIOD_DAY, "a week earlier"},
    {"Ten years ago, the island had 41,000 residents.", "41,000", 20131105,
     FC_PERIOD_YEAR, "Ten years ago"},
    {"A month ago, the count stood at 412.", "412", 20231005,
     FC_PERIOD_MONTH, "A month ago"},
    {"Three days before, 80 were missing.", "80", 20231102, FC_PERIOD_DAY,
     "Three days before"},
    /* Another figure stands between: the phrase dates that one. */
    {"Sales reached 90 units, against 70 a year earlier.", "90", 0, 0, NULL},
    {"Sales reached 90 units, against 70 a year earlier.", "70", 20221105,
     FC_PERIOD_YEAR, "a year earlier"},
    /* Not opening the sentence before a comma. */
    {"A week earlier than planned 300 left.", "300", 0, 0, NULL},
    {"The toll was 50 in a week.", "50", 0, 0, NULL},
};

START_TEST(test_pasts)
{
	const char *s = pasts[_i].sentence;
	const char *c = strstr(s, pasts[_i].claim);
	fc_claim_ref r;
	bool got;

	ck_assert_ptr_nonnull(c);
	got = fc_claim_past_find(s, 0, strlen(s), (size_t)(c - s),
	                         (size_t)(c - s) + strlen(pasts[_i].claim),
	                         D(2023, 11, 5), &r);
	ck_assert_msg(got == (pasts[_i].phrase != NULL), "\"%s\": found %d", s,
	              got);
	if (!got)
		return;
	ck_assert_msg(r.date == ymd(pasts[_i].date), "\"%s\": date %d", s,
	              (int)r.date);
	ck_assert_int_eq(r.unit, pasts[_i].unit);
	ck_assert_msg(r.end_at - r.start_at == strlen(pasts[_i].phrase) &&
	                  strncmp(s + r.start_at, pasts[_i].phrase,
	                          r.end_at - r.start_at) == 0,
	              "\"%s\": phrase \"%.*s\"", s,
	              (int)(r.end_at - r.start_at), s + r.start_at);
}
END_TEST

START_TEST(test_date_back)
{
	ck_assert_int_eq(fc_date_back(D(2024, 3, 31), FC_PERIOD_MONTH, 1),
	                 D(2024, 2, 29));
	ck_assert_int_eq(fc_date_back(D(2024, 2, 29), FC_PERIOD_YEAR, 1),
	                 D(2023, 2, 28));
	ck_assert_int_eq(fc_date_back(D(2024, 1, 15), FC_PERIOD_MONTH, 13),
	                 D(2022, 12, 15));
	ck_assert_int_eq(fc_date_back(D(2024, 1, 15), FC_PERIOD_DAY, 15),
	                 D(2023, 12, 31));
	ck_assert_int_eq(fc_date_back(D(2024, 1, 15), FC_PERIOD_YEAR, 3000),
	                 FC_DATE_NONE);
	ck_assert_int_eq(fc_date_back(FC_DATE_NONE, FC_PERIOD_DAY, 1),
	                 FC_DATE_NONE);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("dates");
	TCase *tc = tcase_create("dates");

	tcase_add_loop_test(tc, test_read, 0, (int)FC_ARRAY_LEN(reads));
	tcase_add_test(tc, test_read_in_text);
	tcase_add_test(tc, test_resolve);
	tcase_add_test(tc, test_resolve_range);
	tcase_add_loop_test(tc, test_dateline, 0, (int)FC_ARRAY_LEN(datelines));
	tcase_add_test(tc, test_dateline_year_from_file);
	tcase_add_loop_test(tc, test_phrases, 0, (int)FC_ARRAY_LEN(phrases));
	tcase_add_loop_test(tc, test_pasts, 0, (int)FC_ARRAY_LEN(pasts));
	tcase_add_test(tc, test_date_back);
	tcase_add_loop_test(tc, test_refs, 0, (int)FC_ARRAY_LEN(refs));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
