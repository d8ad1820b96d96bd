/*
 * test_numbers.c: the number engine, table-driven. Each case is a text,
 * the expression expected in it and its reading.
 */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/figcheck.h>

#define INF INFINITY
#define O 1 /* an open end */
#define C 0 /* a closed end */

typedef struct ncase {
	const char *text;
	const char *expr; /* the expression expected, as written */
	double value, low, high;
	int low_open, high_open;
	fc_qualifier q;
	fc_num_kind kind;
} ncase;

static const ncase cases[] = {
    /* Digits. */
    {"the death of 9,770 Palestinians", "9,770", 9770, 9770, 9770, C, C,
     FC_QUAL_NONE, FC_NUM_COUNT},
    {"a total of 1,234,567.89 euros", "1,234,567.89 euros", 1234567.89,
     1234567.885, 1234567.895, C, C, FC_QUAL_NONE, FC_NUM_MONEY},
    {"rates of .5 or so", ".5", 0.5, 0.45, 0.55, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"temperatures of -3 overnight", "-3", -3, -3, -3, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"sales were 9 770 units", "9 770", 9770, 9770, 9770, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"sales were 9\xE2\x80\x89" "770 units", "9\xE2\x80\x89" "770", 9770, 9770,
     9770, C, C, FC_QUAL_NONE, FC_NUM_COUNT},
    {"a value of 9.770 here", "9.770", 9.77, 9.7695, 9.7705, C, C,
     FC_QUAL_NONE, FC_NUM_COUNT},
    /* Scales and money. */
    {"1.4 million people", "1.4 million", 1.4e6, 1.35e6, 1.45e6, C, C,
     FC_QUAL_NONE, FC_NUM_COUNT},
    {"1.4m people", "1.4m", 1.4e6, 1.35e6, 1.45e6, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"$1.2bn in aid", "$1.2bn", 1.2e9, 1.15e9, 1.25e9, C, C, FC_QUAL_NONE,
     FC_NUM_MONEY},
    {"a million people", "a million", 1e6, 1e6, 1e6, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"half a million people", "half a million", 5e5, 5e5, 5e5, C, C,
     FC_QUAL_NONE, FC_NUM_COUNT},
    {"tens of thousands fled", "tens of thousands", 20000, 20000, 99999, C, C,
     FC_QUAL_VAGUE, FC_NUM_COUNT},
    {"hundreds of thousands fled", "hundreds of thousands", 2e5, 2e5, 999999,
     C, C, FC_QUAL_VAGUE, FC_NUM_COUNT},
    /* Words. */
    {"nine thousand seven hundred and seventy", "nine thousand seven "
     "hundred and seventy", 9770, 9770, 9770, C, C, FC_QUAL_NONE, FC_NUM_COUNT},
    {"twenty-six people", "twenty-six", 26, 26, 26, C, C, FC_QUAL_NONE,
     FC_NUM_COUNT},
    {"one hundred and five", "one hundred and five", 105, 105, 105, C, C,
     FC_QUAL_NONE, FC_NUM_COUNT},
    {"a dozen homes", "a dozen", 12, 12, 12, C, C, FC_QUAL_NONE, FC_NUM_COUNT},
    {"two-thirds of homes", "two-thirds", 2.0 / 3, 2.0 / 3, 2.0 / 3, C, C,
     FC_QUAL_NONE, FC_NUM_FRACTION},
    {"one in five children", "one in five", 0.2, 0.2, 0.2, C, C, FC_QUAL_NONE,
     FC_NUM_RATIO},
    /* Percentages. */
    {"nearly 40% of homes", "nearly 40%", 40, 36, 40, C, O, FC_QUAL_NEARLY,
     FC_NUM_PERCENT},
    {"41 per cent of voters", "41 per cent", 41, 40.5, 41.5, C, C,
     FC_QUAL_NONE, FC_NUM_PERCENT},
    /* Qualifiers. */
    {"more than 1,400 Israelis", "more than 1,400", 1400, 1400, INF, O, O,
     FC_QUAL_MORE_THAN, FC_NUM_COUNT},
    {"at least 1,400 people", "at least 1,400", 1400, 1400, INF, C, O,
     FC_QUAL_AT_LEAST, FC_NUM_COUNT},
    {"about 1,200 people", "about 1,200", 1200, 1150, 1250, C, C,
     FC_QUAL_ABOUT, FC_NUM_COUNT},
    {"up to 300 people", "up to 300", 300, 0, 300, C, C, FC_QUAL_UP_TO,
     FC_NUM_COUNT},
    {"fewer than 300 people", "fewer than 300", 300, 0, 300, C, O,
     FC_QUAL_LESS_THAN, FC_NUM_COUNT},
    /* Ranges. */
    {"between 200 and 300 people", "between 200 and 300", 200, 200, 300, C, C,
     FC_QUAL_RANGE, FC_NUM_COUNT},
    {"200-300 people", "200-300", 200, 200, 300, C, C, FC_QUAL_RANGE,
     FC_NUM_COUNT},
    /* Not quantities. */
    {"in 2023 the war", "2023", 2023, 2023, 2023, C, C, FC_QUAL_NONE,
     FC_NUM_YEAR},
    {"on 5 November 2023 officials", "5 November 2023", 5, 5, 5, C, C,
     FC_QUAL_NONE, FC_NUM_DATE},
    {"Resolution 2334 says", "2334", 2334, 2334, 2334, C, C, FC_QUAL_NONE,
     FC_NUM_IDENTIFIER},
    {"at 10:30 on", "10:30", 10, 10, 10, C, C, FC_QUAL_NONE, FC_NUM_TIME},
    {"the 5th day", "5th", 5, 5, 5, C, C, FC_QUAL_NONE, FC_NUM_ORDINAL},
};

START_TEST(test_reading)
{
	const ncase *c = &cases[_i];
	fc_number_list l = {0};
	fc_num_options o;
	const fc_number *n = NULL;

	fc_num_options_init(&o);
	ck_assert_int_eq(fc_numbers_scan(c->text, strlen(c->text), &o, &l), FC_OK);
	for (size_t k = 0; k < l.count; k++)
		if (l.items[k].end - l.items[k].start == strlen(c->expr) &&
		    memcmp(c->text + l.items[k].start, c->expr,
			   strlen(c->expr)) == 0)
			n = &l.items[k];
	ck_assert_msg(n != NULL, "case %d: \"%s\" not found in \"%s\" (%zu found)",
		      _i, c->expr, c->text, l.count);
	ck_assert_msg(fabs(n->value - c->value) <= 1e-9 * fabs(c->value) + 1e-12,
		      "case %d value %g", _i, n->value);
	ck_assert_msg(fabs(n->low - c->low) <= 1e-6 * fabs(c->low) + 1e-9 ||
			  (isinf(c->low) && n->low == c->low),
		      "case %d low %.10g", _i, n->low);
	ck_assert_msg(fabs(n->high - c->high) <= 1e-6 * fabs(c->high) + 1e-9 ||
			  (isinf(c->high) && n->high == c->high),
		      "case %d high %.10g", _i, n->high);
	ck_assert_int_eq(n->low_open, c->low_open);
	ck_assert_int_eq(n->high_open, c->high_open);
	ck_assert_msg(n->qualifier == c->q, "case %d qualifier %s", _i,
		      fc_qualifier_name(n->qualifier));
	ck_assert_msg(n->kind == c->kind, "case %d kind %s", _i,
		      fc_num_kind_name(n->kind));
	fc_number_list_free(&l);
}
END_TEST

/* Texts in which no quantity may be read. */
static const char *const no_quantity[] = {
    "1,4000", "COVID-19", "G7 leaders", "1.2.3", ",,,", "192.168.1.2",
    "the 180ml bottle", "version v2.1",
};

START_TEST(test_no_quantity)
{
	fc_number_list l = {0};
	const char *t = no_quantity[_i];

	ck_assert_int_eq(fc_numbers_scan(t, strlen(t), NULL, &l), FC_OK);
	for (size_t k = 0; k < l.count; k++)
		ck_assert_msg(!fc_num_kind_is_quantity(l.items[k].kind),
			      "\"%s\": read a %s at %zu", t,
			      fc_num_kind_name(l.items[k].kind), l.items[k].start);
	fc_number_list_free(&l);
}
END_TEST

START_TEST(test_huge)
{
	size_t n = 10000;
	char *t = malloc(n + 1);
	fc_number_list l = {0};

	memset(t, '7', n);
	t[n] = 0;
	ck_assert_int_eq(fc_numbers_scan(t, n, NULL, &l), FC_OK);
	ck_assert_uint_eq(l.count, 0);
	fc_number_list_free(&l);
	free(t);
}
END_TEST

/* Parsing never depends on the process's LC_NUMERIC. */
START_TEST(test_locale_independent)
{
	fc_number_list l = {0};
	const char *t = "1.4 million and 9,770.5";

	if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") &&
	    !setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
		return; /* no comma-decimal locale installed */
	ck_assert_int_eq(fc_numbers_scan(t, strlen(t), NULL, &l), FC_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_double_eq(l.items[0].value, 1.4e6);
	ck_assert_double_eq(l.items[1].value, 9770.5);
	fc_number_list_free(&l);
	setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(test_locale_de)
{
	fc_number_list l = {0};
	fc_num_options o;
	const char *t = "9.770 Tote und 1.234,5 Euro";

	fc_num_options_init(&o);
	o.locale = FC_LOCALE_DE;
	ck_assert_int_eq(fc_numbers_scan(t, strlen(t), &o, &l), FC_OK);
	ck_assert_uint_ge(l.count, 2);
	ck_assert_double_eq(l.items[0].value, 9770);
	ck_assert_double_eq(l.items[1].value, 1234.5);
	fc_number_list_free(&l);
}
END_TEST

START_TEST(test_round_policy)
{
	fc_number_list l = {0};
	fc_num_options o;
	const char *t = "10,000 people";

	fc_num_options_init(&o);
	ck_assert_int_eq(fc_numbers_scan(t, strlen(t), &o, &l), FC_OK);
	ck_assert(l.items[0].flags & FC_NUMF_AMBIGUOUS);
	ck_assert_double_eq(l.items[0].low, 10000);
	fc_number_list_free(&l);
	o.round = FC_ROUND_LAST_NONZERO;
	ck_assert_int_eq(fc_numbers_scan(t, strlen(t), &o, &l), FC_OK);
	ck_assert_double_eq(l.items[0].low, 5000);
	ck_assert_double_eq(l.items[0].high, 15000);
	fc_number_list_free(&l);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("numbers");
	TCase *tc = tcase_create("readings");

	tcase_add_loop_test(tc, test_reading, 0,
			    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_loop_test(tc, test_no_quantity, 0,
			    (int)(sizeof(no_quantity) / sizeof(no_quantity[0])));
	tcase_add_test(tc, test_huge);
	tcase_add_test(tc, test_locale_independent);
	tcase_add_test(tc, test_locale_de);
	tcase_add_test(tc, test_round_policy);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
