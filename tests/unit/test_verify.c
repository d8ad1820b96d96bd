/*
 * test_verify.c: verdicts from intervals, the record in force, the
 * reporting lag, outdated, understated, overstated, attribution and
 * several sources.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "store.h"
#include "testutil.h"
#include "verify.h"

#define D(y, m, d) fc_date_from_ymd(y, m, d)

typedef struct rec {
	const char *source;
	fc_date date;
	double value;
	fc_qualifier q;
	double precision;
} rec;

/* Two sources' records of metric "m". */
static const rec records[] = {
    {"moh", 0, 9485, FC_QUAL_NONE, 0},   /* 2023-11-04 */
    {"moh", 1, 9770, FC_QUAL_NONE, 0},   /* 2023-11-05 */
    {"moh", 2, 10022, FC_QUAL_NONE, 0},  /* 2023-11-06 */
    {"moh", 6, 11078, FC_QUAL_NONE, 0},  /* 2023-11-10 */
    {"isr", -23, 1400, FC_QUAL_MORE_THAN, 100}, /* 2023-10-12 */
    {"isr", 5, 1200, FC_QUAL_ABOUT, 100},  /* 2023-11-09 */
};

static const struct {
	double value, value2;
	fc_qualifier q;
	double precision;
	const char *metric_source; /* "moh" -> metric m, "isr" -> metric i */
	int as_of;                 /* days after 2023-11-04 */
	const char *attribution;
	double tolerance;
	fc_verdict want;
} cases[] = {
    /* Exact figures. */
    {9770, 9770, FC_QUAL_NONE, 1, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {9780, 9780, FC_QUAL_NONE, 1, "moh", 1, NULL, 0, FC_VERDICT_DISCREPANCY},
    {9780, 9780, FC_QUAL_NONE, 1, "moh", 1, NULL, 0.01, FC_VERDICT_OK},
    {4800, 4800, FC_QUAL_NONE, 1, "moh", 1, NULL, 0, FC_VERDICT_DISCREPANCY},
    /* Reporting lag: yesterday's figure is fine, last week's is not. */
    {9770, 9770, FC_QUAL_NONE, 1, "moh", 2, NULL, 0, FC_VERDICT_OK},
    {9770, 9770, FC_QUAL_NONE, 1, "moh", 3, NULL, 0, FC_VERDICT_OK},
    {9770, 9770, FC_QUAL_NONE, 1, "moh", 4, NULL, 0, FC_VERDICT_OUTDATED},
    {9485, 9485, FC_QUAL_NONE, 1, "moh", 8, NULL, 0, FC_VERDICT_OUTDATED},
    /* Before the first record: nothing to check against. */
    {9770, 9770, FC_QUAL_NONE, 1, "moh", -1, NULL, 0, FC_VERDICT_UNVERIFIED},
    /* Rounded figures: 1.0 thousand is 950 to 1,050 ... */
    {10000, 10000, FC_QUAL_NONE, 1000, "moh", 2, NULL, 0, FC_VERDICT_OK},
    {11000, 11000, FC_QUAL_NONE, 1000, "moh", 6, NULL, 0, FC_VERDICT_OK},
    {12000, 12000, FC_QUAL_NONE, 1000, "moh", 6, NULL, 0, FC_VERDICT_DISCREPANCY},
    /* Qualifiers. */
    {9000, 9000, FC_QUAL_MORE_THAN, 1000, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {9770, 9770, FC_QUAL_MORE_THAN, 1, "moh", 1, NULL, 0, FC_VERDICT_DISCREPANCY},
    {9770, 9770, FC_QUAL_AT_LEAST, 1, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {10000, 10000, FC_QUAL_NEARLY, 10000, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {10000, 10000, FC_QUAL_NEARLY, 10000, "moh", 2, NULL, 0, FC_VERDICT_OK},
    {10000, 10000, FC_QUAL_NEARLY, 10000, "moh", 6, NULL, 0, FC_VERDICT_OUTDATED},
    {9800, 9800, FC_QUAL_ABOUT, 100, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {9500, 9500, FC_QUAL_ABOUT, 100, "moh", 4, NULL, 0, FC_VERDICT_OUTDATED},
    {12000, 12000, FC_QUAL_UP_TO, 1000, "moh", 6, NULL, 0, FC_VERDICT_OK},
    {20000, 20000, FC_QUAL_UP_TO, 10000, "moh", 6, NULL, 0, FC_VERDICT_OVERSTATED},
    {10000, 10000, FC_QUAL_LESS_THAN, 10000, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {5000, 5000, FC_QUAL_MORE_THAN, 1000, "moh", 1, NULL, 0, FC_VERDICT_UNDERSTATED},
    {9000, 11000, FC_QUAL_RANGE, 1000, "moh", 1, NULL, 0, FC_VERDICT_OK},
    {7000, 8000, FC_QUAL_RANGE, 1000, "moh", 1, NULL, 0, FC_VERDICT_DISCREPANCY},
    /* Records published with a qualifier. */
    {1400, 1400, FC_QUAL_MORE_THAN, 100, "isr", 1, NULL, 0, FC_VERDICT_OK},
    {1400, 1400, FC_QUAL_MORE_THAN, 100, "isr", 27, NULL, 0, FC_VERDICT_OUTDATED},
    {1200, 1200, FC_QUAL_ABOUT, 100, "isr", 27, NULL, 0, FC_VERDICT_OK},
    {1200, 1200, FC_QUAL_NONE, 100, "isr", 27, NULL, 0, FC_VERDICT_OK},
    {1500, 1500, FC_QUAL_NONE, 1, "isr", 1, NULL, 0, FC_VERDICT_OK},
    {1300, 1300, FC_QUAL_NONE, 1, "isr", 1, NULL, 0, FC_VERDICT_DISCREPANCY},
};

static fc_store store;
static const fc_verify_source vsources[] = {
    {"moh", (char *const[]){"Ministry of Health", "health ministry"}, 2, 2, 7,
     0, false, NULL, NULL, false},
    {"isr", (char *const[]){"Israeli officials"}, 1, 2, 60, 0, false, NULL,
     NULL, false},
};

static void setup(void)
{
	fc_num_options no;
	fc_error err;

	fc_num_options_init(&no);
	memset(&store, 0, sizeof(store));
	for (size_t i = 0; i < FC_ARRAY_LEN(records); i++) {
		fc_record r;
		memset(&r, 0, sizeof(r));
		r.metric = strcmp(records[i].source, "moh") == 0 ? "m" : "i";
		r.date = D(2023, 11, 4) + records[i].date;
		r.value = records[i].value;
		r.qualifier = records[i].q;
		r.precision = records[i].precision;
		ck_assert_int_eq(fc_store_add(&store, &r, records[i].source,
					      "file:///x", 0, &no, &err),
				 FC_OK);
	}
	/* Metric "l" of moh: "more than 13,000" on 2023-11-04, then the
	 * exact 13,300 the next day. */
	for (int i = 0; i < 2; i++) {
		fc_record r;
		memset(&r, 0, sizeof(r));
		r.metric = "l";
		r.date = D(2023, 11, 4) + i;
		r.value = i ? 13300 : 13000;
		r.qualifier = i ? FC_QUAL_NONE : FC_QUAL_MORE_THAN;
		r.precision = i ? 0 : 1000;
		ck_assert_int_eq(fc_store_add(&store, &r, "moh", "file:///x", 0,
					      &no, &err),
				 FC_OK);
	}
	/* Metric "p": a year's population, 2014 and 2023. */
	for (int i = 0; i < 2; i++) {
		fc_record r;
		memset(&r, 0, sizeof(r));
		r.metric = "p";
		r.date = i ? D(2023, 12, 31) : D(2014, 12, 31);
		r.period = FC_PERIOD_YEAR;
		r.value = i ? 37732836 : 45272155;
		ck_assert_int_eq(fc_store_add(&store, &r, "moh", "file:///x", 0,
					      &no, &err),
				 FC_OK);
	}
	ck_assert_int_eq(fc_store_freeze(&store, NULL, NULL), FC_OK);
}

static void teardown(void)
{
	fc_store_free(&store);
}

static void make_claim(fc_claim *c, double v, double v2, fc_qualifier q,
		       double precision, const char *metric)
{
	fc_num_options no;

	fc_num_options_init(&no);
	memset(c, 0, sizeof(*c));
	c->number.value = v;
	c->number.value2 = v2;
	c->number.qualifier = q;
	c->number.precision = precision;
	c->number.flags = precision > 1 ? FC_NUMF_APPROX : 0;
	c->number.kind = FC_NUM_COUNT;
	fc_number_set_bounds(&c->number, &no);
	c->rule_id = "test.rule";
	c->metric = metric;
	c->as_of = FC_DATE_NONE;
}

START_TEST(test_table)
{
	fc_verifier v = {&store, vsources, 2, 0.25, 0.25, NULL};
	fc_claim c;
	fc_finding f;
	fc_arena a = {0};

	make_claim(&c, cases[_i].value, cases[_i].value2, cases[_i].q,
		   cases[_i].precision,
		   strcmp(cases[_i].metric_source, "moh") == 0 ? "m" : "i");
	c.tolerance = cases[_i].tolerance;
	c.attribution = cases[_i].attribution;
	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(fc_verify_claim(&v, &c, "x",
					 D(2023, 11, 4) + cases[_i].as_of, &f, &a),
			 FC_OK);
	ck_assert_msg(f.verdict == cases[_i].want,
		      "case %d: got %s, want %s: %s (%s)", _i,
		      fc_verdict_name(f.verdict), fc_verdict_name(cases[_i].want),
		      f.message, f.reason);
	ck_assert_ptr_nonnull(f.message);
	ck_assert_ptr_nonnull(f.reason);
	if (f.verdict != FC_VERDICT_UNVERIFIED)
		ck_assert_ptr_nonnull(f.record);
	if (f.verdict == FC_VERDICT_OUTDATED)
		ck_assert_ptr_nonnull(f.matched);
	fc_arena_free(&a);
}
END_TEST

/* A record of the reporting-lag window makes a claim ok only when the
 * record in force does not rule it out more precisely: "14,000" meets
 * the older "more than 13,000", but the exact 13,300 in force excludes
 * it. */
START_TEST(test_lag_precision)
{
	fc_verifier v = {&store, vsources, 2, 0.25, 0.25, NULL};
	fc_claim c;
	fc_finding f;
	fc_arena a = {0};

	make_claim(&c, 14000, 14000, FC_QUAL_NONE, 1000, "l");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "14,000", D(2023, 11, 5), &f, &a);
	ck_assert_msg(f.verdict == FC_VERDICT_DISCREPANCY, "got %s: %s",
		      fc_verdict_name(f.verdict), f.message);
	/* As precise as the record in force: the lag still applies. */
	make_claim(&c, 13000, 13000, FC_QUAL_MORE_THAN, 1000, "l");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "more than 13,000", D(2023, 11, 5), &f, &a);
	ck_assert_msg(f.verdict == FC_VERDICT_OK, "got %s: %s",
		      fc_verdict_name(f.verdict), f.message);
	/* And an exact figure of yesterday's exact record (moh, metric m). */
	make_claim(&c, 9770, 9770, FC_QUAL_NONE, 1, "m");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "9,770", D(2023, 11, 6), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_OK);
	fc_arena_free(&a);
}
END_TEST

/* Claims about change: from the record at the reference point to the
 * record in force (moh, metric m: 9,485 on 11-04, 9,770 on 11-05, 10,022
 * on 11-06, 11,078 on 11-10, a lag of 2 days; metric p: a population,
 * 45,272,155 in 2014 and 37,732,836 in 2023). */
static const struct {
	fc_change change;
	int dir;
	double value;    /* as written */
	double precision;
	fc_qualifier q;
	const char *metric;
	int as_of;       /* days after 2023-11-04 */
	long ref_date;   /* YYYYMMDD, or 0 */
	fc_period unit;
	int span;
	bool start;
	fc_verdict want;
} changes[] = {
    /* "up 285 in a day", and a wrong difference. */
    {FC_CHANGE_ABSOLUTE, 1, 285, 1, FC_QUAL_NONE, "m", 1, 0, FC_PERIOD_DAY,
     1, false, FC_VERDICT_OK},
    {FC_CHANGE_ABSOLUTE, 1, 385, 1, FC_QUAL_NONE, "m", 1, 0, FC_PERIOD_DAY,
     1, false, FC_VERDICT_DISCREPANCY},
    /* The other way. */
    {FC_CHANGE_ABSOLUTE, -1, 285, 1, FC_QUAL_NONE, "m", 1, 0, FC_PERIOD_DAY,
     1, false, FC_VERDICT_DISCREPANCY},
    /* "up 3% since November 4" (9,485 -> 9,770 is 3.0%). */
    {FC_CHANGE_RELATIVE, 1, 3, 1, FC_QUAL_NONE, "m", 1, 20231104,
     FC_PERIOD_DAY, 0, false, FC_VERDICT_OK},
    {FC_CHANGE_RELATIVE, 1, 5, 1, FC_QUAL_NONE, "m", 1, 20231104,
     FC_PERIOD_DAY, 0, false, FC_VERDICT_DISCREPANCY},
    /* The reporting lag at both ends: on 11-07, "up 252 in a day" is
     * 11-05 to 11-06. */
    {FC_CHANGE_ABSOLUTE, 1, 252, 1, FC_QUAL_NONE, "m", 3, 0, FC_PERIOD_DAY,
     1, false, FC_VERDICT_OK},
    /* "Since the war began": a running total from zero (set below). */
    {FC_CHANGE_ABSOLUTE, 1, 11078, 1, FC_QUAL_NONE, "m", 6, 0,
     FC_PERIOD_DAY, 0, true, FC_VERDICT_OK},
    /* Multiples: 9,485 to 11,078 in six days is x1.17, no doubling. */
    {FC_CHANGE_MULTIPLE, 1, 2, 0, FC_QUAL_NONE, "m", 6, 0, FC_PERIOD_DAY, 6,
     false, FC_VERDICT_DISCREPANCY},
    /* "Fell by a sixth since 2014" (16.7%), not "by a tenth". */
    {FC_CHANGE_RELATIVE, -1, 16.7, 0.1, FC_QUAL_NONE, "p", 230, 20140101,
     FC_PERIOD_YEAR, 0, false, FC_VERDICT_OK},
    {FC_CHANGE_RELATIVE, -1, 10, 1, FC_QUAL_NONE, "p", 230, 20140101,
     FC_PERIOD_YEAR, 0, false, FC_VERDICT_DISCREPANCY},
    /* "More than 7 million fewer" since 2014: 7.54 million. */
    {FC_CHANGE_ABSOLUTE, -1, 7e6, 1e6, FC_QUAL_MORE_THAN, "p", 230, 20140101,
     FC_PERIOD_YEAR, 0, false, FC_VERDICT_OK},
    /* No record at the reference point. */
    {FC_CHANGE_RELATIVE, -1, 10, 1, FC_QUAL_NONE, "p", 230, 20000101,
     FC_PERIOD_YEAR, 0, false, FC_VERDICT_UNVERIFIED},
    /* No reference point at all. */
    {FC_CHANGE_ABSOLUTE, 1, 285, 1, FC_QUAL_NONE, "m", 1, 0, FC_PERIOD_DAY,
     0, false, FC_VERDICT_UNVERIFIED},
    /* Extremes: 11,078 is the highest of the series, not the lowest. */
    {FC_CHANGE_HIGHEST, 0, 11078, 1, FC_QUAL_NONE, "m", 6, 0, FC_PERIOD_DAY,
     0, false, FC_VERDICT_OK},
    {FC_CHANGE_LOWEST, 0, 11078, 1, FC_QUAL_NONE, "m", 6, 20231105,
     FC_PERIOD_DAY, 0, false, FC_VERDICT_DISCREPANCY},
};

START_TEST(test_change)
{
	fc_verifier v = {&store, vsources, 2, 0.25, 0.25, NULL};
	fc_claim c;
	fc_finding f;
	fc_arena a = {0};

	make_claim(&c, changes[_i].value, changes[_i].value, changes[_i].q,
		   changes[_i].precision, changes[_i].metric);
	if (changes[_i].change == FC_CHANGE_RELATIVE) {
		fc_num_options no;
		fc_num_options_init(&no);
		c.number.kind = FC_NUM_PERCENT;
		c.number.flags |= FC_NUMF_APPROX; /* as the engine reads "3%" */
		fc_number_set_bounds(&c.number, &no);
	}
	c.change = changes[_i].change;
	c.change_dir = changes[_i].dir;
	c.ref_date = changes[_i].ref_date
			 ? D((int)(changes[_i].ref_date / 10000),
			     (int)(changes[_i].ref_date / 100 % 100),
			     (int)(changes[_i].ref_date % 100))
			 : FC_DATE_NONE;
	c.ref_unit = changes[_i].unit;
	c.ref_span = changes[_i].span;
	c.ref_start = changes[_i].start;
	if (c.ref_start)
		c.flags |= FC_CLAIMF_RUNNING_TOTAL;
	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(fc_verify_change(&v, &c, "x",
					  D(2023, 11, 4) + changes[_i].as_of, &f,
					  &a),
			 FC_OK);
	ck_assert_msg(f.verdict == changes[_i].want,
		      "change %d: got %s, want %s: %s (%s)", _i,
		      fc_verdict_name(f.verdict),
		      fc_verdict_name(changes[_i].want), f.message, f.reason);
	ck_assert_ptr_nonnull(f.message);
	ck_assert_ptr_nonnull(f.reason);
	if (f.verdict == FC_VERDICT_OK || f.verdict == FC_VERDICT_DISCREPANCY)
		ck_assert_ptr_nonnull(f.record);
	if ((f.verdict == FC_VERDICT_OK || f.verdict == FC_VERDICT_DISCREPANCY) &&
	    c.change <= FC_CHANGE_MULTIPLE && !c.ref_start) {
		/* The reason names both records. */
		ck_assert_ptr_nonnull(f.ref_record);
		ck_assert_msg(strstr(f.message, " to ") != NULL, "%s",
			      f.message);
	}
	if (changes[_i].dir < 0 && changes[_i].change == FC_CHANGE_ABSOLUTE &&
	    changes[_i].metric[0] == 'm')
		ck_assert_ptr_nonnull(strstr(f.message, "the other way"));
	fc_arena_free(&a);
}
END_TEST

START_TEST(test_explanations)
{
	fc_verifier v = {&store, vsources, 2, 0.25, 0.25, NULL};
	fc_claim c;
	fc_finding f;
	fc_arena a = {0};

	make_claim(&c, 4800, 4800, FC_QUAL_NONE, 1, "m");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "4,800", D(2023, 11, 6), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_DISCREPANCY);
	ck_assert_double_eq(f.diff_abs, 4800 - 10022);
	ck_assert_ptr_nonnull(strstr(f.message, "\"4,800\" disagrees with moh: "
						"10,022 on 2023-11-06"));
	ck_assert_ptr_nonnull(strstr(f.message, "-5,222"));

	make_claim(&c, 1400, 1400, FC_QUAL_MORE_THAN, 100, "i");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "more than 1,400", D(2023, 12, 1), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_OUTDATED);
	ck_assert_ptr_nonnull(strstr(f.message, "about 1,200"));
	ck_assert_ptr_nonnull(strstr(f.message, "2023-10-12"));
	ck_assert_int_eq(f.record->rec.date, D(2023, 11, 9));
	ck_assert_int_eq(f.matched->rec.date, D(2023, 10, 12));

	/* Staleness: moh allows 7 days, the record in force is 20 days old. */
	make_claim(&c, 11078, 11078, FC_QUAL_NONE, 1, "m");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "11,078", D(2023, 11, 30), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_OK);
	ck_assert(f.stale);
	ck_assert_int_eq(f.stale_days, 20);

	/* No metric: found but not checked. */
	make_claim(&c, 45, 45, FC_QUAL_NONE, 1, NULL);
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "45", D(2023, 11, 30), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_UNCHECKED);

	/* An unknown metric. */
	make_claim(&c, 45, 45, FC_QUAL_NONE, 1, "nothing.here");
	memset(&f, 0, sizeof(f));
	fc_verify_claim(&v, &c, "45", D(2023, 11, 30), &f, &a);
	ck_assert_int_eq(f.verdict, FC_VERDICT_UNVERIFIED);
	ck_assert_ptr_nonnull(strstr(f.reason, "no record of nothing.here"));
	fc_arena_free(&a);
}
END_TEST

START_TEST(test_intervals)
{
	double inf = INFINITY;

	ck_assert(fc_intervals_meet(1, false, 2, false, 2, false, 3, false));
	ck_assert(!fc_intervals_meet(1, false, 2, true, 2, false, 3, false));
	ck_assert(!fc_intervals_meet(1400, true, inf, true, 1400, false, 1400,
				     false));
	ck_assert(fc_intervals_meet(1400, false, inf, true, 1400, false, 1400,
				    false));
	ck_assert(fc_intervals_meet(1400, true, inf, true, 1400, true, inf, true));
	ck_assert(!fc_intervals_meet(1400, true, inf, true, 1150, false, 1250,
				     false));
	ck_assert(fc_intervals_meet(0, false, 5, false, 1, false, 2, false));
}
END_TEST

START_TEST(test_verdict_names)
{
	fc_verdict v;

	for (int i = 0; i < FC_VERDICT_COUNT; i++) {
		ck_assert(fc_verdict_parse(fc_verdict_name((fc_verdict)i), &v));
		ck_assert_int_eq(v, i);
	}
	ck_assert(fc_verdict_parse("never", &v) && v == FC_VERDICT_COUNT);
	ck_assert(!fc_verdict_parse("bad", &v));
}
END_TEST

START_TEST(test_store_refuses)
{
	fc_store s = {0};
	fc_num_options no;
	fc_record r;
	fc_error err;

	fc_num_options_init(&no);
	memset(&r, 0, sizeof(r));
	r.metric = "has space";
	r.date = D(2023, 1, 1);
	ck_assert_int_eq(fc_store_add(&s, &r, "s", NULL, 0, &no, &err), FC_ERR_ARG);
	r.metric = "ok";
	r.value = NAN;
	ck_assert_int_eq(fc_store_add(&s, &r, "s", NULL, 0, &no, &err), FC_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(err.msg, "finite"));
	r.value = 1;
	r.date = FC_DATE_NONE;
	ck_assert_int_eq(fc_store_add(&s, &r, "s", NULL, 0, &no, &err), FC_ERR_ARG);
	/* Two records of one date and source: the later wins. */
	r.date = D(2023, 1, 1);
	r.value = 1;
	ck_assert_int_eq(fc_store_add(&s, &r, "s", NULL, 0, &no, &err), FC_OK);
	r.value = 2;
	ck_assert_int_eq(fc_store_add(&s, &r, "s", NULL, 0, &no, &err), FC_OK);
	ck_assert_int_eq(fc_store_freeze(&s, NULL, NULL), FC_OK);
	{
		size_t first;
		fc_ref ref;
		ck_assert_uint_eq(fc_store_find(&s, "ok", &first), 1);
		fc_store_ref(&s, first, &ref);
		ck_assert_double_eq(ref.rec.value, 2);
		ck_assert_uint_eq(fc_store_find(&s, "nope", &first), 0);
	}
	fc_store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("verify");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_table, 0, (int)FC_ARRAY_LEN(cases));
	tcase_add_test(tc, test_explanations);
	tcase_add_test(tc, test_lag_precision);
	tcase_add_loop_test(tc, test_change, 0, (int)FC_ARRAY_LEN(changes));
	tcase_add_test(tc, test_intervals);
	tcase_add_test(tc, test_verdict_names);
	tcase_add_test(tc, test_store_refuses);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
