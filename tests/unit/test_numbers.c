/*
 * test_numbers.c: the number engine, table-driven. Each table row is a
 * text and what the engine must read in it; every scan in every test is
 * also checked against the invariants the rules checker relies on
 * (readings in order, not overlapping, inside the text, with sane
 * bounds).
 */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/figcheck.h>

#include "testutil.h"

/* The engine's own check of its word tables. */
bool fc__numbers_tables_ok(FILE *why);

#define INF INFINITY
#define O 1 /* an open end */
#define C 0 /* a closed end */

/* Options of a case. */
#define DE 1u     /* --number-locale de */
#define LASTNZ 2u /* --round last-nonzero */

#define Q(x) FC_QUAL_##x
#define K(x) FC_NUM_##x

static void scan(const char *t, size_t len, unsigned opts, fc_number_list *l)
{
	fc_num_options o;

	fc_num_options_init(&o);
	if (opts & DE)
		o.locale = FC_LOCALE_DE;
	if (opts & LASTNZ)
		o.round = FC_ROUND_LAST_NONZERO;
	memset(l, 0, sizeof(*l));
	ck_assert_int_eq(fc_numbers_scan(t, len, &o, l), FC_OK);
	/* The invariants. Plain tests, not ck_assert: Check reports every
	 * assertion to its parent process, too slow for a million. */
	for (size_t k = 0; k < l->count; k++) {
		const fc_number *n = &l->items[k];
		if (!(n->start <= n->value_start && n->value_start < n->end &&
		      n->end <= len))
			ck_abort_msg(
			    "\"%.60s\": reading %zu spans %zu/%zu/%zu of %zu",
			    t, k, n->start, n->value_start, n->end, len);
		if (k > 0 && l->items[k - 1].end > n->start)
			ck_abort_msg("\"%.60s\": readings %zu and %zu overlap",
			             t, k - 1, k);
		if (isnan(n->value) || isnan(n->value2) || isnan(n->low) ||
		    isnan(n->high) || isnan(n->precision))
			ck_abort_msg("\"%.60s\": NaN in reading %zu", t, k);
		if (!(n->low <= n->high))
			ck_abort_msg("\"%.60s\": reading %zu: low %g > high %g",
			             t, k, n->low, n->high);
		if (!isfinite(n->value))
			ck_abort_msg("\"%.60s\": infinite value", t);
	}
}

/* The reading whose span is exactly `expr` in `t`, or NULL. */
static const fc_number *find(const char *t, const fc_number_list *l,
                             const char *expr)
{
	size_t n = strlen(expr);

	for (size_t k = 0; k < l->count; k++)
		if (l->items[k].end - l->items[k].start == n &&
		    memcmp(t + l->items[k].start, expr, n) == 0)
			return &l->items[k];
	return NULL;
}

static bool close_to(double a, double b)
{
	if (isinf(b))
		return a == b;
	return fabs(a - b) <= 1e-9 * fabs(b) + 1e-12;
}

/* ------------------------------------------------------------------ */
/* Readings: span (qualifier included), value, qualifier and kind. */

typedef struct rcase {
	const char *text;
	const char *expr; /* the expression expected, as written */
	double value;
	fc_qualifier q;
	fc_num_kind kind;
	unsigned opts;
} rcase;

/* One case a line: */
/* clang-format off */
static const rcase reads[] = {
    /* Digits. */
    {"the death of 9,770 Palestinians", "9,770", 9770, Q(NONE), K(COUNT), 0},
    {"9 770 dead", "9 770", 9770, Q(NONE), K(COUNT), 0},
    {"9\xE2\x80\x89" "770 dead", "9\xE2\x80\x89" "770", 9770, Q(NONE), K(COUNT), 0},
    {"9\xC2\xA0" "770 dead", "9\xC2\xA0" "770", 9770, Q(NONE), K(COUNT), 0},
    {"40\xE2\x80\xAF" "000 people", "40\xE2\x80\xAF" "000", 40000, Q(NONE), K(COUNT), 0},
    {"1 414 021 100 people", "1 414 021 100", 1414021100, Q(NONE), K(COUNT), 0},
    {"a total of 1,234,567.89 dollars", "1,234,567.89 dollars", 1234567.89, Q(NONE), K(MONEY), 0},
    {"rates of .5 or so", ".5", 0.5, Q(NONE), K(COUNT), 0},
    {"temperatures of -3 overnight", "-3", -3, Q(NONE), K(COUNT), 0},
    {"temperatures of \xE2\x88\x92" "3 overnight", "\xE2\x88\x92" "3", -3, Q(NONE), K(COUNT), 0},
    {"up +12% on the year", "+12%", 12, Q(NONE), K(PERCENT), 0},
    {"a value of 9.770 here", "9.770", 9.77, Q(NONE), K(COUNT), 0},
    {"a value of 9.770 here", "9.770", 9770, Q(NONE), K(COUNT), DE},
    {"1.234,5 Euro", "1.234,5", 1234.5, Q(NONE), K(COUNT), DE},
    {"rund 1.400.000 Menschen", "1.400.000", 1.4e6, Q(NONE), K(COUNT), DE},
    {"4,8 Prozent", "4,8", 4.8, Q(NONE), K(COUNT), DE},
    {"The result is 12,34,567.89", "12,34,567.89", 1234567.89, Q(NONE), K(COUNT), 0},
    {"There are 12,567 words", "12,567", 12567, Q(NONE), K(COUNT), 0},
    {"1,674,200.5", "1,674,200.5", 1674200.5, Q(NONE), K(COUNT), 0},
    {".08", ".08", 0.08, Q(NONE), K(COUNT), 0},
    {"4.800", "4.800", 4.8, Q(NONE), K(COUNT), 0},
    {" 123456789101231", "123456789101231", 123456789101231.0, Q(NONE), K(COUNT), 0},
    {"-123456789101231", "-123456789101231", -123456789101231.0, Q(NONE), K(COUNT), 0},
    {"zero is 0", "0", 0, Q(NONE), K(COUNT), 0},
    {"1e10", "1e10", 1e10, Q(NONE), K(COUNT), 0},
    {"1.3e6 tonnes", "1.3e6", 1.3e6, Q(NONE), K(COUNT), 0},
    {"-12e-1", "-12e-1", -1.2, Q(NONE), K(COUNT), 0},
    {"1.1^23", "1.1^23", 8.954302432552389, Q(NONE), K(COUNT), 0},
    {"2.5^-1", "2.5^-1", 0.4, Q(NONE), K(COUNT), 0},
    {"1.3x10^6", "1.3x10^6", 1.3e6, Q(NONE), K(COUNT), 0},
    {"Exercises 22,24,26,31.", "24", 24, Q(NONE), K(COUNT), 0},
    {"Exercises 22,24,26,31.", "31", 31, Q(NONE), K(COUNT), 0},
    {"423 0000 numbers", "0000", 0, Q(NONE), K(COUNT), 0},
    {"The weight is 45{kg)", "45", 45, Q(NONE), K(COUNT), 0},
    /* Scales. */
    {"1.4 million people", "1.4 million", 1.4e6, Q(NONE), K(COUNT), 0},
    {"1.4m people", "1.4m", 1.4e6, Q(NONE), K(COUNT), 0},
    {"2.5bn people", "2.5bn", 2.5e9, Q(NONE), K(COUNT), 0},
    {"3 trillion", "3 trillion", 3e12, Q(NONE), K(COUNT), 0},
    {"10k runners", "10k", 1e4, Q(NONE), K(COUNT), 0},
    {" 2.33 k", "2.33 k", 2330, Q(NONE), K(COUNT), 0},
    {"I can give you 10M.", "10M", 1e7, Q(NONE), K(COUNT), 0},
    {"1,674,200.5 M", "1,674,200.5 M", 1674200.5e6, Q(NONE), K(COUNT), 0},
    {"a target of 1MM", "1MM", 1e6, Q(NONE), K(COUNT), 0},
    {"2mil SEK", "2mil", 2e6, Q(NONE), K(COUNT), 0},
    {"either 10 bln or 10 tln", "10 bln", 1e10, Q(NONE), K(COUNT), 0},
    {"either 10 bln or 10 tln", "10 tln", 1e13, Q(NONE), K(COUNT), 0},
    {"$5mn loan", "$5mn", 5e6, Q(NONE), K(MONEY), 0},
    {"1.2b users", "1.2b", 1.2e9, Q(NONE), K(COUNT), 0},
    {"a million people", "a million", 1e6, Q(NONE), K(COUNT), 0},
    {"half a million people", "half a million", 5e5, Q(NONE), K(COUNT), 0},
    {"Half million eggs", "Half million", 5e5, Q(NONE), K(COUNT), 0},
    {" quarter million", "quarter million", 2.5e5, Q(NONE), K(COUNT), 0},
    {"two thirds of a million", "two thirds of a million", 2e6 / 3, Q(NONE), K(COUNT), 0},
    {"a quarter of a million", "a quarter of a million", 2.5e5, Q(NONE), K(COUNT), 0},
    {"I can give you 13 lakh", "13 lakh", 1.3e6, Q(NONE), K(COUNT), 0},
    {"There are 1 crore boxes", "1 crore", 1e7, Q(NONE), K(COUNT), 0},
    {"The total is three lakh crore", "three lakh crore", 3e12, Q(NONE), K(COUNT), 0},
    {"I count 6 crore and two hundred", "6 crore and two hundred", 60000200, Q(NONE), K(COUNT), 0},
    {"tens of thousands fled", "tens of thousands", 20000, Q(VAGUE), K(COUNT), 0},
    {"tens of millions", "tens of millions", 2e7, Q(VAGUE), K(COUNT), 0},
    {"hundreds of thousands fled", "hundreds of thousands", 2e5, Q(VAGUE), K(COUNT), 0},
    {"1,674.5 million", "1,674.5 million", 1674.5e6, Q(NONE), K(COUNT), 0},
    {" 322 hundred ", "322 hundred", 32200, Q(NONE), K(COUNT), 0},
    {"2.12 hundred", "2.12 hundred", 212, Q(NONE), K(COUNT), 0},
    {"1,000 million", "1,000 million", 1e9, Q(NONE), K(COUNT), 0},
    /* Words. */
    {"nine thousand seven hundred and seventy", "nine thousand seven hundred and seventy", 9770, Q(NONE), K(COUNT), 0},
    {"twenty-six people", "twenty-six", 26, Q(NONE), K(COUNT), 0},
    {"Twenty-six people died", "Twenty-six", 26, Q(NONE), K(COUNT), 0},
    {"one hundred and five", "one hundred and five", 105, Q(NONE), K(COUNT), 0},
    {"one hundred and sixty-one", "one hundred and sixty-one", 161, Q(NONE), K(COUNT), 0},
    {"fifteen hundred troops", "fifteen hundred", 1500, Q(NONE), K(COUNT), 0},
    {"fifty - two", "fifty - two", 52, Q(NONE), K(COUNT), 0},
    {"fifty   two", "fifty   two", 52, Q(NONE), K(COUNT), 0},
    {"Three hundred  and  thirty one", "Three hundred  and  thirty one", 331, Q(NONE), K(COUNT), 0},
    {"two hundred and two thousand", "two hundred and two thousand", 202000, Q(NONE), K(COUNT), 0},
    {"two  thousand  and  two hundred", "two  thousand  and  two hundred", 2200, Q(NONE), K(COUNT), 0},
    {"twenty-one trillion three hundred", "twenty-one trillion three hundred", 21000000000300.0, Q(NONE), K(COUNT), 0},
    {"twenty-one trillion and three hundred", "twenty-one trillion and three hundred", 21000000000300.0, Q(NONE), K(COUNT), 0},
    {"two million people", "two million", 2e6, Q(NONE), K(COUNT), 0},
    {"hundred thousand", "hundred thousand", 1e5, Q(NONE), K(COUNT), 0},
    {"a hundred homes", "a hundred", 100, Q(NONE), K(COUNT), 0},
    {"a thousand homes", "a thousand", 1000, Q(NONE), K(COUNT), 0},
    {"a dozen homes", "a dozen", 12, Q(NONE), K(COUNT), 0},
    {"two dozen homes", "two dozen", 24, Q(NONE), K(COUNT), 0},
    {" three dozens ", "three dozens", 36, Q(NONE), K(COUNT), 0},
    {" 3 dozens", "3 dozens", 36, Q(NONE), K(COUNT), 0},
    {" 3 dzs", "3 dzs", 36, Q(NONE), K(COUNT), 0},
    {" five dozs", "five dozs", 60, Q(NONE), K(COUNT), 0},
    {" half a  dozen", "half a  dozen", 6, Q(NONE), K(COUNT), 0},
    {" three hundred and two dozens", "three hundred and two dozens", 324, Q(NONE), K(COUNT), 0},
    {"a couple of days", "a couple of", 2, Q(NONE), K(COUNT), 0},
    {"a score of villages", "a score", 20, Q(NONE), K(COUNT), 0},
    {"four score and seven years", "four score and seven", 87, Q(NONE), K(COUNT), 0},
    {"dozens of homes", "dozens", 24, Q(VAGUE), K(COUNT), 0},
    {"scores of homes", "scores", 40, Q(VAGUE), K(COUNT), 0},
    {"hundreds were hurt", "hundreds", 200, Q(VAGUE), K(COUNT), 0},
    {"thousands fled", "thousands", 2000, Q(VAGUE), K(COUNT), 0},
    {"millions watched", "millions", 2e6, Q(VAGUE), K(COUNT), 0},
    {"several hundred people", "several hundred", 300, Q(VAGUE), K(COUNT), 0},
    {"zero is 0", "zero", 0, Q(NONE), K(COUNT), 0},
    {"there were zero deaths", "zero", 0, Q(NONE), K(COUNT), 0},
    {"nought is 0", "nought", 0, Q(NONE), K(COUNT), 0},
    {"naught", "naught", 0, Q(NONE), K(COUNT), 0},
    {"no deaths were reported", "no", 0, Q(NONE), K(COUNT), 0},
    {"No injuries were reported.", "No", 0, Q(NONE), K(COUNT), 0},
    {"none were killed", "none", 0, Q(NONE), K(COUNT), 0},
    {"none of the hostages", "none", 0, Q(NONE), K(COUNT), 0},
    {"Let's try one last time", "one", 1, Q(NONE), K(COUNT), 0},
    {"One person died", "One", 1, Q(NONE), K(COUNT), 0},
    {"sixteen", "sixteen", 16, Q(NONE), K(COUNT), 0},
    {"version two and a previous version", "two", 2, Q(NONE), K(COUNT), 0},
    {"3 hundred and 21 yuan", "3 hundred and 21 yuan", 321, Q(NONE), K(MONEY), 0},
    {"4 thousand 3 hundred and 21 is", "4 thousand 3 hundred and 21", 4321, Q(NONE), K(COUNT), 0},
    {"4 thousand 3 hundred and 0 are", "4 thousand 3 hundred", 4300, Q(NONE), K(COUNT), 0},
    {"4000 3 hundred and 21 are", "3 hundred and 21", 321, Q(NONE), K(COUNT), 0},
    {"3 hundred and 2 hundred are", "3 hundred", 300, Q(NONE), K(COUNT), 0},
    {"3 hundred and 2 hundred are", "2 hundred", 200, Q(NONE), K(COUNT), 0},
    {"3 hundred and 2.12 hundred are", "2.12 hundred", 212, Q(NONE), K(COUNT), 0},
    {"3 hundred and one is", "3 hundred and one", 301, Q(NONE), K(COUNT), 0},
    {" two hundred point zero three", "two hundred point zero three", 200.03, Q(NONE), K(COUNT), 0},
    {" two hundred point seventy-one", "two hundred point seventy-one", 200.71, Q(NONE), K(COUNT), 0},
    {"nine point nought four", "nine point nought four", 9.04, Q(NONE), K(COUNT), 0},
    {"nought point eleven", "nought point eleven", 0.11, Q(NONE), K(COUNT), 0},
    {"two point five million", "two point five million", 2.5e6, Q(NONE), K(COUNT), 0},
    {"The answer is minus one", "minus one", -1, Q(NONE), K(COUNT), 0},
    {"The answer is minus 5", "minus 5", -5, Q(NONE), K(COUNT), 0},
    {"The answer is negative one", "negative one", -1, Q(NONE), K(COUNT), 0},
    {"minus five point five", "minus five point five", -5.5, Q(NONE), K(COUNT), 0},
    {"they were playing three-nought-four", "nought", 0, Q(NONE), K(COUNT), 0},
    {"they were playing three-nought-four", "four", 4, Q(NONE), K(COUNT), 0},
    /* Fractions and ratios. */
    {"more than half of them", "more than half", 0.5, Q(MORE_THAN), K(FRACTION), 0},
    {"a third of homes", "a third", 1.0 / 3, Q(NONE), K(FRACTION), 0},
    {"cut by a third to $1bn", "a third", 1.0 / 3, Q(NONE), K(FRACTION), 0},
    {"two-thirds of homes", "two-thirds", 2.0 / 3, Q(NONE), K(FRACTION), 0},
    {"two thirds", "two thirds", 2.0 / 3, Q(NONE), K(FRACTION), 0},
    {"three quarters of them", "three quarters", 0.75, Q(NONE), K(FRACTION), 0},
    {"a quarter of them", "a quarter", 0.25, Q(NONE), K(FRACTION), 0},
    {"one eighth", "one eighth", 0.125, Q(NONE), K(FRACTION), 0},
    {"five eighths of", "five eighths", 0.625, Q(NONE), K(FRACTION), 0},
    {"a half", "a half", 0.5, Q(NONE), K(FRACTION), 0},
    {"one-eighth", "one-eighth", 0.125, Q(NONE), K(FRACTION), 0},
    {"one - fourth", "one - fourth", 0.25, Q(NONE), K(FRACTION), 0},
    {"a fifth of", "a fifth", 0.2, Q(NONE), K(FRACTION), 0},
    {"a trillionth", "a trillionth", 1e-12, Q(NONE), K(FRACTION), 0},
    {"a hundred trillionths", "a hundred trillionths", 1e-10, Q(NONE), K(FRACTION), 0},
    {"a hundredth", "a hundredth", 0.01, Q(NONE), K(FRACTION), 0},
    {"twenty fifths", "twenty fifths", 4, Q(NONE), K(FRACTION), 0},
    {"twenty-three fifths", "twenty-three fifths", 4.6, Q(NONE), K(FRACTION), 0},
    {"twenty one fifths", "twenty one fifths", 4.2, Q(NONE), K(FRACTION), 0},
    {"a twenty-first", "a twenty-first", 1.0 / 21, Q(NONE), K(FRACTION), 0},
    {"three twenty-firsts", "three twenty-firsts", 3.0 / 21, Q(NONE), K(FRACTION), 0},
    {"three twenty firsts", "three twenty firsts", 3.0 / 21, Q(NONE), K(FRACTION), 0},
    {"twenty twenty fifths", "twenty twenty fifths", 0.8, Q(NONE), K(FRACTION), 0},
    {"one hundred thirty fifths", "one hundred thirty fifths", 100.0 / 35, Q(NONE), K(FRACTION), 0},
    {"one hundred thirty-fifths", "one hundred thirty-fifths", 100.0 / 35, Q(NONE), K(FRACTION), 0},
    {"one hundred and thirty fifths", "one hundred and thirty fifths", 26, Q(NONE), K(FRACTION), 0},
    {"one hundred thirty two fifths", "one hundred thirty two fifths", 26.4, Q(NONE), K(FRACTION), 0},
    {"one one hundred fifth", "one one hundred fifth", 1.0 / 105, Q(NONE), K(FRACTION), 0},
    {"one hundred one thousand fifths", "one hundred one thousand fifths", 100.0 / 1005, Q(NONE), K(FRACTION), 0},
    {"ninety - five hundred fifths", "ninety - five hundred fifths", 1900, Q(NONE), K(FRACTION), 0},
    {"one and a half", "one and a half", 1.5, Q(NONE), K(COUNT), 0},
    {"two and a half years", "two and a half", 2.5, Q(NONE), K(COUNT), 0},
    {"five and a quarter", "five and a quarter", 5.25, Q(NONE), K(COUNT), 0},
    {"one hundred and three quarters", "one hundred and three quarters", 100.75, Q(NONE), K(COUNT), 0},
    {"twenty and three fifths", "twenty and three fifths", 20.6, Q(NONE), K(COUNT), 0},
    {"one hundred and three and two thirds", "one hundred and three and two thirds", 103 + 2.0 / 3, Q(NONE), K(COUNT), 0},
    {"two hundred and fifty-four hundredths", "two hundred and fifty-four hundredths", 200.54, Q(NONE), K(COUNT), 0},
    {"forty two and a third", "forty two and a third", 42 + 1.0 / 3, Q(NONE), K(COUNT), 0},
    {"five and a half million", "five and a half million", 5.5e6, Q(NONE), K(COUNT), 0},
    {"3 million and a half", "3 million and a half", 3.5e6, Q(NONE), K(COUNT), 0},
    {"one million and a half", "one million and a half", 1.5e6, Q(NONE), K(COUNT), 0},
    {"two million and one half", "two million and one half", 2.5e6, Q(NONE), K(COUNT), 0},
    {"one billion and a half million", "one billion and a half million", 1.0005e9, Q(NONE), K(COUNT), 0},
    {"one billion and three quarters million", "one billion and three quarters million", 1.00075e9, Q(NONE), K(COUNT), 0},
    {"five billion and three quarters", "five billion and three quarters", 5.75e9, Q(NONE), K(COUNT), 0},
    {"nine million and five ninths", "nine million and five ninths", 9e6 + 5e6 / 9, Q(NONE), K(COUNT), 0},
    {"1/2 of them", "1/2", 0.5, Q(NONE), K(FRACTION), 0},
    {"3/4", "3/4", 0.75, Q(NONE), K(FRACTION), 0},
    {"-4/5", "-4/5", -0.8, Q(NONE), K(FRACTION), 0},
    {"2 1/2 miles", "2 1/2", 2.5, Q(NONE), K(COUNT), 0},
    {"2  1/4", "2  1/4", 2.25, Q(NONE), K(COUNT), 0},
    {"\xC2\xBD of them", "\xC2\xBD", 0.5, Q(NONE), K(FRACTION), 0},
    {"the result is \xE2\x85\x94", "\xE2\x85\x94", 2.0 / 3, Q(NONE), K(FRACTION), 0},
    {"2\xC2\xBD miles", "2\xC2\xBD", 2.5, Q(NONE), K(COUNT), 0},
    {"one in five children", "one in five", 0.2, Q(NONE), K(RATIO), 0},
    {"1 in 8 posts", "1 in 8", 0.125, Q(NONE), K(RATIO), 0},
    {"3 out of 4 respondents", "3 out of 4", 0.75, Q(NONE), K(RATIO), 0},
    {"two out of five hundred tvs", "two out of five hundred", 0.004, Q(NONE), K(RATIO), 0},
    {"nearly one in five", "nearly one in five", 0.2, Q(NEARLY), K(RATIO), 0},
    {"one over three", "one over three", 1.0 / 3, Q(NONE), K(FRACTION), 0},
    {"1 over twenty-one", "1 over twenty-one", 1.0 / 21, Q(NONE), K(FRACTION), 0},
    {"2000 over 3", "2000 over 3", 2000.0 / 3, Q(NONE), K(FRACTION), 0},
    {"The answer is negative one over 20", "negative one over 20", -0.05, Q(NONE), K(FRACTION), 0},
    {"1.5 times as many", "1.5 times", 1.5, Q(NONE), K(MULTIPLE), 0},
    {"three times the level", "three times", 3, Q(NONE), K(MULTIPLE), 0},
    {"almost three times", "almost three times", 3, Q(NEARLY), K(MULTIPLE), 0},
    /* Percentages. */
    {"nearly 40% of homes", "nearly 40%", 40, Q(NEARLY), K(PERCENT), 0},
    {"41 per cent of voters", "41 per cent", 41, Q(NONE), K(PERCENT), 0},
    {"41 percent of voters", "41 percent", 41, Q(NONE), K(PERCENT), 0},
    {"41 pct of voters", "41 pct", 41, Q(NONE), K(PERCENT), 0},
    {"a 5pc rise", "5pc", 5, Q(NONE), K(PERCENT), 0},
    {" 100 percentage", "100 percentage", 100, Q(NONE), K(PERCENT), 0},
    {"twenty percent", "twenty percent", 20, Q(NONE), K(PERCENT), 0},
    {"one hundred percents", "one hundred percents", 100, Q(NONE), K(PERCENT), 0},
    {"just need minus five percent", "minus five percent", -5, Q(NONE), K(PERCENT), 0},
    {"percent of 10", "percent of 10", 10, Q(NONE), K(PERCENT), 0},
    {"per cent of twenty-two", "per cent of twenty-two", 22, Q(NONE), K(PERCENT), 0},
    {"percents of twenty", "percents of twenty", 20, Q(NONE), K(PERCENT), 0},
    {"a drop of 0.3 percentage points", "0.3 percentage points", 0.3, Q(NONE), K(PERCENT_POINT), 0},
    {"a 2 percentage point rise", "2 percentage point", 2, Q(NONE), K(PERCENT_POINT), 0},
    {"up 3 per cent points", "3 per cent points", 3, Q(NONE), K(PERCENT_POINT), 0},
    {"a swing of 4pp", "4pp", 4, Q(NONE), K(PERCENT_POINT), 0},
    {"between 20% and 30%", "between 20% and 30%", 20, Q(RANGE), K(PERCENT), 0},
    {"40-50% of them", "40-50%", 40, Q(RANGE), K(PERCENT), 0},
    {"6.5 to 7 per cent", "6.5 to 7 per cent", 6.5, Q(RANGE), K(PERCENT), 0},
    /* Money. */
    {"$1.2bn in aid", "$1.2bn", 1.2e9, Q(NONE), K(MONEY), 0},
    {"\xC2\xA3" "350m fund", "\xC2\xA3" "350m", 3.5e8, Q(NONE), K(MONEY), 0},
    {"\xE2\x82\xAC" "2.5 billion", "\xE2\x82\xAC" "2.5 billion", 2.5e9, Q(NONE), K(MONEY), 0},
    {"a profit of US$812m", "US$812m", 8.12e8, Q(NONE), K(MONEY), 0},
    {"target is US$ 1MM", "US$ 1MM", 1e6, Q(NONE), K(MONEY), 0},
    {"USD 5m in aid", "USD 5m", 5e6, Q(NONE), K(MONEY), 0},
    {"5 million dollars", "5 million dollars", 5e6, Q(NONE), K(MONEY), 0},
    {"5 million US dollars", "5 million US dollars", 5e6, Q(NONE), K(MONEY), 0},
    {"85 million euros", "85 million euros", 8.5e7, Q(NONE), K(MONEY), 0},
    {"45 lakh rupees", "45 lakh rupees", 4.5e6, Q(NONE), K(MONEY), 0},
    {"Rs 4 lakh crore", "Rs 4 lakh crore", 4e12, Q(NONE), K(MONEY), 0},
    {"500 shekels", "500 shekels", 500, Q(NONE), K(MONEY), 0},
    {"\xE2\x82\xAA" "500", "\xE2\x82\xAA" "500", 500, Q(NONE), K(MONEY), 0},
    {"500 USD", "500 USD", 500, Q(NONE), K(MONEY), 0},
    {"10 pounds sterling", "10 pounds sterling", 10, Q(NONE), K(MONEY), 0},
    {"$5-10m in aid", "$5-10m", 5e6, Q(RANGE), K(MONEY), 0},
    {"valued at $US2.5bn", "$US2.5bn", 2.5e9, Q(NONE), K(MONEY), 0},
    {"roughly A$3.8bn", "roughly A$3.8bn", 3.8e9, Q(ABOUT), K(MONEY), 0},
    {"Some 40 to 50 per cent of", "Some 40 to 50 per cent", 40, Q(RANGE), K(PERCENT), 0},
    {"from \xC2\xA3" "45 to \xC2\xA3" "120", "from \xC2\xA3" "45 to \xC2\xA3" "120", 45, Q(RANGE), K(MONEY), 0},
    /* Ranges. */
    {"between 200 and 300 people", "between 200 and 300", 200, Q(RANGE), K(COUNT), 0},
    {"200-300 people", "200-300", 200, Q(RANGE), K(COUNT), 0},
    {"200\xE2\x80\x93" "300 people", "200\xE2\x80\x93" "300", 200, Q(RANGE), K(COUNT), 0},
    {"200 to 300 people", "200 to 300", 200, Q(RANGE), K(COUNT), 0},
    {"from 200 to 300 people", "from 200 to 300", 200, Q(RANGE), K(COUNT), 0},
    {"1-2 million people", "1-2 million", 1e6, Q(RANGE), K(COUNT), 0},
    {"between 1 and 2 million", "between 1 and 2 million", 1e6, Q(RANGE), K(COUNT), 0},
    {"between two and three", "between two and three", 2, Q(RANGE), K(COUNT), 0},
    {"aged 18-24", "18-24", 18, Q(RANGE), K(COUNT), 0},
    {"rose from 9,485 to 9,770", "9,485", 9485, Q(NONE), K(COUNT), 0},
    {"rose from 9,485 to 9,770", "9,770", 9770, Q(NONE), K(COUNT), 0},
    {"up from 2,987 a week earlier", "2,987", 2987, Q(NONE), K(COUNT), 0},
    {"The vote was 9 to 4", "9", 9, Q(NONE), K(COUNT), 0},
    {"The vote was 9 to 4", "4", 4, Q(NONE), K(COUNT), 0},
    {"won 5-3", "3", 3, Q(NONE), K(COUNT), 0},
    /* Qualifiers. */
    {"more than 1,400 Israelis", "more than 1,400", 1400, Q(MORE_THAN), K(COUNT), 0},
    {"over 1,400 people", "over 1,400", 1400, Q(MORE_THAN), K(COUNT), 0},
    {"above 30 degrees", "above 30", 30, Q(MORE_THAN), K(COUNT), 0},
    {"upwards of 30 people", "upwards of 30", 30, Q(MORE_THAN), K(COUNT), 0},
    {"in excess of 30 people", "in excess of 30", 30, Q(MORE_THAN), K(COUNT), 0},
    {"well over 30 people", "well over 30", 30, Q(MORE_THAN), K(COUNT), 0},
    {"just over 30 people", "just over 30", 30, Q(MORE_THAN), K(COUNT), 0},
    {"at least 1,400 people", "at least 1,400", 1400, Q(AT_LEAST), K(COUNT), 0},
    {"no fewer than 30 people", "no fewer than 30", 30, Q(AT_LEAST), K(COUNT), 0},
    {"no less than 30 people", "no less than 30", 30, Q(AT_LEAST), K(COUNT), 0},
    {"a minimum of 30 people", "a minimum of 30", 30, Q(AT_LEAST), K(COUNT), 0},
    {"nearly 30 people", "nearly 30", 30, Q(NEARLY), K(COUNT), 0},
    {"almost 30 people", "almost 30", 30, Q(NEARLY), K(COUNT), 0},
    {"close to 30 people", "close to 30", 30, Q(NEARLY), K(COUNT), 0},
    {"just under 30 people", "just under 30", 30, Q(NEARLY), K(COUNT), 0},
    {"just shy of 30 people", "just shy of 30", 30, Q(NEARLY), K(COUNT), 0},
    {"about 1,200 people", "about 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"around 1,200 people", "around 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"roughly 1,200 people", "roughly 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"approximately 1,200 people", "approximately 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"some 1,200 people", "some 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"an estimated 1,200 people", "an estimated 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"circa 1,200 people", "circa 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"built c. 1,200 homes", "c. 1,200", 1200, Q(ABOUT), K(COUNT), 0},
    {"~300 people", "~300", 300, Q(ABOUT), K(COUNT), 0},
    {"up to 300 people", "up to 300", 300, Q(UP_TO), K(COUNT), 0},
    {"at most 300 people", "at most 300", 300, Q(UP_TO), K(COUNT), 0},
    {"as many as 300 people", "as many as 300", 300, Q(UP_TO), K(COUNT), 0},
    {"no more than 300 people", "no more than 300", 300, Q(UP_TO), K(COUNT), 0},
    {"fewer than 300 people", "fewer than 300", 300, Q(LESS_THAN), K(COUNT), 0},
    {"less than 300 people", "less than 300", 300, Q(LESS_THAN), K(COUNT), 0},
    {"under 300 people", "under 300", 300, Q(LESS_THAN), K(COUNT), 0},
    {"below 300 people", "below 300", 300, Q(LESS_THAN), K(COUNT), 0},
    {"more than\n300 people", "more than\n300", 300, Q(MORE_THAN), K(COUNT), 0},
    {"more than a million", "more than a million", 1e6, Q(MORE_THAN), K(COUNT), 0},
    {"more than two dozen", "more than two dozen", 24, Q(MORE_THAN), K(COUNT), 0},
    {"about a third of", "about a third", 1.0 / 3, Q(ABOUT), K(FRACTION), 0},
    {"some 9,770 people", "some 9,770", 9770, Q(ABOUT), K(COUNT), 0},
    /* Numbers that are not quantities. */
    {"in 2023 the war", "2023", 2023, Q(NONE), K(YEAR), 0},
    {"by 2050 if sea levels rise", "2050", 2050, Q(NONE), K(YEAR), 0},
    {"the 2023-24 season", "2023-24", 2023, Q(NONE), K(YEAR), 0},
    {"the 2023/24 budget", "2023/24", 2023, Q(NONE), K(YEAR), 0},
    {"in the 1990s", "1990s", 1990, Q(NONE), K(YEAR), 0},
    {"from 1990-2000", "1990-2000", 1990, Q(NONE), K(YEAR), 0},
    {"since mid-2023", "2023", 2023, Q(NONE), K(YEAR), 0},
    {"on 5 November 2023 officials", "5 November 2023", 5, Q(NONE), K(DATE), 0},
    {"DATELINE 5 NOV", "5 NOV", 5, Q(NONE), K(DATE), 0},
    {"on Nov. 5 officials", "Nov. 5", 5, Q(NONE), K(DATE), 0},
    /* A span back or forward from now dates, it does not count. */
    {"Ten years ago the town", "Ten years ago", 10, Q(NONE), K(DATE), 0},
    {"3 days later, it", "3 days later", 3, Q(NONE), K(DATE), 0},
    {"for 40 days of war", "40", 40, Q(NONE), K(COUNT), 0},
    {"about 3 weeks ago", "3 weeks ago", 3, Q(NONE), K(DATE), 0},
    /* One line break of hard-wrapped copy is a space between words. */
    {"grew by 2 per\ncent since", "2 per\ncent", 2, Q(NONE), K(PERCENT), 0},
    {"On 21\nNovember, the toll", "21\nNovember", 21, Q(NONE), K(DATE), 0},
    {"grew by 2 per\n\ncent since", "2", 2, Q(NONE), K(COUNT), 0},
    {"more than\n1,400 people", "more than\n1,400", 1400, Q(MORE_THAN), K(COUNT), 0},
    {"on November 5, 2023 officials", "November 5, 2023", 5, Q(NONE), K(DATE), 0},
    {"on 2023-11-05 officials", "2023-11-05", 2023, Q(NONE), K(DATE), 0},
    {"meet on 5/17/2018?", "5/17/2018", 5, Q(NONE), K(DATE), 0},
    {"since 9/11", "9/11", 9, Q(NONE), K(DATE), 0},
    {"in March 2023", "March 2023", 2023, Q(NONE), K(DATE), 0},
    {"the 5th of November", "5th", 5, Q(NONE), K(ORDINAL), 0},
    {"on the 5th November", "5th November", 5, Q(NONE), K(DATE), 0},
    {"between 3 and 9 October", "3 and 9 October", 3, Q(NONE), K(DATE), 0},
    {"at 10:30 on", "10:30", 10, Q(NONE), K(TIME), 0},
    {"at 10:30:15 on", "10:30:15", 10, Q(NONE), K(TIME), 0},
    {"at 3pm", "3pm", 3, Q(NONE), K(TIME), 0},
    {"at 10 am", "10 am", 10, Q(NONE), K(TIME), 0},
    {"at 1.30pm", "1.30pm", 1.3, Q(NONE), K(TIME), 0},
    {"the 5th day", "5th", 5, Q(NONE), K(ORDINAL), 0},
    {"the 21st century", "21st", 21, Q(NONE), K(ORDINAL), 0},
    {"the fifth day", "fifth", 5, Q(NONE), K(ORDINAL), 0},
    {"the twenty-first century", "twenty-first", 21, Q(NONE), K(ORDINAL), 0},
    {"a third term", "third", 3, Q(NONE), K(ORDINAL), 0},
    {"call +44 20 7946 0958 now", "+44 20 7946 0958", 0, Q(NONE), K(PHONE), 0},
    {"call 555-123-4567 now", "555-123-4567", 0, Q(NONE), K(PHONE), 0},
    {"call (020) 7946 0958 now", "(020) 7946 0958", 0, Q(NONE), K(PHONE), 0},
    {"server 192.168.1.2 down", "192.168.1.2", 0, Q(NONE), K(IP), 0},
    {"version 2.4.1 fixed", "2.4.1", 0, Q(NONE), K(VERSION), 0},
    {"in v2.1 of it", "v2.1", 0, Q(NONE), K(VERSION), 0},
    {"Resolution 2334 says", "2334", 2334, Q(NONE), K(IDENTIFIER), 0},
    {"Route 66 runs", "66", 66, Q(NONE), K(IDENTIFIER), 0},
    {"the COVID-19 rules", "COVID-19", 19, Q(NONE), K(IDENTIFIER), 0},
    {"the F-16 jets", "F-16", 16, Q(NONE), K(IDENTIFIER), 0},
    {"SCP-173", "SCP-173", 173, Q(NONE), K(IDENTIFIER), 0},
    {"G7 leaders", "G7", 0, Q(NONE), K(IDENTIFIER), 0},
    {"an A320 jet", "A320", 0, Q(NONE), K(IDENTIFIER), 0},
    {"Flight 447 was", "447", 447, Q(NONE), K(IDENTIFIER), 0},
    {"at No 10 today", "10", 10, Q(NONE), K(IDENTIFIER), 0},
    {"1. First item\n2. Second", "1.", 1, Q(NONE), K(LIST_MARKER), 0},
    {"1. First item\n2. Second", "2.", 2, Q(NONE), K(LIST_MARKER), 0},
    {"as reported [3] by", "[3]", 3, Q(NONE), K(FOOTNOTE), 0},
    {"as reported.\xC2\xB9 Then", "\xC2\xB9", 0, Q(NONE), K(FOOTNOTE), 0},
    /* Both policies. */
    {"10,000 people", "10,000", 10000, Q(NONE), K(COUNT), LASTNZ},
    {"about 10,000 people", "about 10,000", 10000, Q(ABOUT), K(COUNT), LASTNZ},
    {"9.770 Tote", "9.770", 9770, Q(NONE), K(COUNT), DE | LASTNZ},
    {"mehr als 1.400 Israelis", "1.400", 1400, Q(NONE), K(COUNT), DE},
};
/* clang-format on */

START_TEST(test_reading)
{
	const rcase *c = &reads[_i];
	fc_number_list l;
	const fc_number *n;

	scan(c->text, strlen(c->text), c->opts, &l);
	n = find(c->text, &l, c->expr);
	if (!n) {
		char got[512] = "";
		for (size_t k = 0; k < l.count && strlen(got) < 400; k++) {
			strcat(got, " [");
			strncat(got, c->text + l.items[k].start,
			        l.items[k].end - l.items[k].start < 60
			            ? l.items[k].end - l.items[k].start
			            : 60);
			strcat(got, "]");
		}
		ck_abort_msg("case %d: \"%s\" not found in \"%s\"; read:%s", _i,
		             c->expr, c->text, got);
	}
	ck_assert_msg(close_to(n->value, c->value), "case %d (%s): value %.17g",
	              _i, c->expr, n->value);
	ck_assert_msg(n->qualifier == c->q, "case %d (%s): qualifier %s", _i,
	              c->expr, fc_qualifier_name(n->qualifier));
	ck_assert_msg(n->kind == c->kind, "case %d (%s): kind %s", _i, c->expr,
	              fc_num_kind_name(n->kind));
	fc_number_list_free(&l);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Bounds: the interval a reading allows. */

typedef struct bcase {
	const char *text;
	const char *expr;
	double low, high;
	int low_open, high_open;
	unsigned opts;
} bcase;

/* One case a line: */
/* clang-format off */
static const bcase bounds[] = {
    {"9,770 dead", "9,770", 9770, 9770, C, C, 0},
    {"10,000 dead", "10,000", 10000, 10000, C, C, 0},
    {"10,000 dead", "10,000", 5000, 15000, C, C, LASTNZ},
    {"1,200 dead", "1,200", 1150, 1250, C, C, LASTNZ},
    {"1,234 dead", "1,234", 1234, 1234, C, C, LASTNZ},
    {"4.8 metres", "4.8", 4.75, 4.85, C, C, 0},
    {"4.80 metres", "4.80", 4.795, 4.805, C, C, 0},
    {"41% of", "41%", 40.5, 41.5, C, C, 0},
    {"1.4 million", "1.4 million", 1.35e6, 1.45e6, C, C, 0},
    {"1.4m", "1.4m", 1.35e6, 1.45e6, C, C, 0},
    {"2 million", "2 million", 1.5e6, 2.5e6, C, C, 0},
    {"two million", "two million", 2e6, 2e6, C, C, 0},
    {"half a million", "half a million", 5e5, 5e5, C, C, 0},
    {"a dozen", "a dozen", 12, 12, C, C, 0},
    {"dozens of", "dozens", 24, 144, C, C, 0},
    {"scores of", "scores", 40, 200, C, C, 0},
    {"hundreds of", "hundreds", 200, 999, C, C, 0},
    {"thousands of", "thousands", 2000, 9999, C, C, 0},
    {"tens of thousands", "tens of thousands", 20000, 99999, C, C, 0},
    {"hundreds of thousands", "hundreds of thousands", 2e5, 999999, C, C, 0},
    {"several hundred", "several hundred", 300, 900, C, C, 0},
    {"more than 30 people", "more than 30", 30, INF, O, O, 0},
    {"over 30 people", "over 30", 30, INF, O, O, 0},
    {"at least 30 people", "at least 30", 30, INF, C, O, 0},
    {"no fewer than 30", "no fewer than 30", 30, INF, C, O, 0},
    {"nearly 40% of", "nearly 40%", 36, 40, C, O, 0},
    {"almost 100 people", "almost 100", 90, 100, C, O, 0},
    {"about 1,200 people", "about 1,200", 1150, 1250, C, C, 0},
    {"about 9,770 people", "about 9,770", 9574.6, 9965.4, C, C, 0},
    {"about 1.4 million", "about 1.4 million", 1.35e6, 1.45e6, C, C, 0},
    {"roughly a quarter", "roughly a quarter", 0.225, 0.275, C, C, 0},
    {"up to 300 people", "up to 300", 0, 300, C, C, 0},
    {"as many as 300", "as many as 300", 0, 300, C, C, 0},
    {"fewer than 300", "fewer than 300", 0, 300, C, O, 0},
    {"under 300 people", "under 300", 0, 300, C, O, 0},
    {"between 200 and 300", "between 200 and 300", 200, 300, C, C, 0},
    {"200-300 people", "200-300", 200, 300, C, C, 0},
    {"6.5 to 7 per cent", "6.5 to 7 per cent", 6.45, 7.5, C, C, 0},
    {"Some 40 to 50 per cent", "Some 40 to 50 per cent", 39.5, 50.5, C, C, 0},
    {"1-2 million", "1-2 million", 0.5e6, 2.5e6, C, C, 0},
    {"1.5-2.5 million", "1.5-2.5 million", 1.45e6, 2.55e6, C, C, 0},
    {"one in five", "one in five", 0.2, 0.2, C, C, 0},
    {"-3 degrees", "-3", -3, -3, C, C, 0},
    {"1.5 times", "1.5 times", 1.45, 1.55, C, C, 0},
    {"\xC2\xA3" "350m", "\xC2\xA3" "350m", 3.495e8, 3.505e8, C, C, 0},
    {"an estimated \xC2\xA3" "300,000", "an estimated \xC2\xA3" "300,000", 250000, 350000, C, C, 0},
    {"two point five million", "two point five million", 2.45e6, 2.55e6, C, C, 0},
    {"nearly two-thirds", "nearly two-thirds", 0.6, 2.0 / 3, C, O, 0},
    {"9.770 Tote", "9.770", 9770, 9770, C, C, DE},
    {"10.000 Tote", "10.000", 5000, 15000, C, C, DE | LASTNZ},
};
/* clang-format on */

START_TEST(test_bounds)
{
	const bcase *c = &bounds[_i];
	fc_number_list l;
	const fc_number *n;

	scan(c->text, strlen(c->text), c->opts, &l);
	n = find(c->text, &l, c->expr);
	ck_assert_msg(n != NULL, "case %d: \"%s\" not found", _i, c->expr);
	ck_assert_msg(close_to(n->low, c->low) || fabs(n->low - c->low) < 1e-9,
	              "case %d (%s): low %.10g", _i, c->expr, n->low);
	ck_assert_msg(close_to(n->high, c->high) ||
	                  fabs(n->high - c->high) < 1e-9,
	              "case %d (%s): high %.10g", _i, c->expr, n->high);
	ck_assert_msg(n->low_open == c->low_open &&
	                  n->high_open == c->high_open,
	              "case %d (%s): open ends %d %d", _i, c->expr, n->low_open,
	              n->high_open);
	fc_number_list_free(&l);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Whole texts: every quantity read, in order ("|" between them). */

typedef struct lcase {
	const char *text;
	const char *exprs; /* the quantities expected, "|"-separated */
	unsigned opts;
} lcase;

/* One case a line: */
/* clang-format off */
static const lcase lists[] = {
    {"rose from 9,485 to 9,770", "9,485|9,770", 0},
    /* A change and the level it reached: two figures; a range when
     * the first needs the second's unit or scale. */
    {"the toll rose by 241 to 10,022", "241|10,022", 0},
    {"losses grew by $5m to $40m", "$5m|$40m", 0},
    {"prices rose by 5 to 10 per cent", "5 to 10 per cent", 0},
    {"the population fell by 1 to 2 million", "1 to 2 million", 0},
    {"it will cost 200 to 300 dollars", "200 to 300 dollars", 0},
    {"the ministry counted 9,770 dead, more than 1,400 of them on 7 October", "9,770|more than 1,400", 0},
    {"1, 234, 567", "1|234|567", 0},
    {"Exercises nrs. 22,24,26,31.", "22|24|26|31", 0},
    {"4000 3 hundred and 21 are two valid numbers.", "4000|3 hundred and 21|two", 0},
    {"3 hundred and negative one are two valid numbers.", "3 hundred|negative one|two", 0},
    {"The result is 8 in 5", "8|5", 0},
    {"there are 12 out of 10", "12|10", 0},
    {"I count 12 in six boxes", "12|six", 0},
    {"I see five out of three pieces", "five|three", 0},
    {"I want to earn $10000 in 3 years", "$10000|3", 0},
    {"I want to earn $2000 over 3 years", "$2000|over 3", 0},
    {"the result is \xE2\x85\x99 and sometimes \xC2\xBD", "\xE2\x85\x99|\xC2\xBD", 0},
    {"nought point nought three plus zero point zero eight equals nought point " "eleven", "nought point nought three|zero point zero eight|nought point eleven", 0},
    {"10 to 12 people", "10 to 12", 0},
    {"2 of the 3 runways", "2|3", 0},
    {"In some countries you can write 5.00 or 5,00.", "5.00", 0},
    {"The number is 1,3.", "", 0},
    {"The number is 1,3.", "1,3", DE},
    {"1.111,11, 1,111.11", "1,111.11", 0},
    {"1.111,11, 1,111.11", "1.111,11", DE},
    {"a first-half profit", "", 0},
    {"1m isn't a number.", "1m", 0},
    {"10G", "", 0},
    {"1,674.5 G", "1,674.5", 0},
    {"- 1 4/5", "1 4/5", 0},
    {"hundred thousand dollars", "hundred thousand dollars", 0},
    {"plus or minus 2.2 percentage points", "2.2 percentage points", 0},
    {"a 20-year-old man", "20", 0},
    {"12 March 2024 and 3,412 patients", "3,412", 0},
    {"9 November: 1,200 killed", "1,200", 0},
    {"between 3 and 9 October 2,045 adults", "2,045", 0},
    {"By 2024, 30% of", "30%", 0},
    {"The toll rose to 45. The next day 50 more died.", "45|50", 0},
    {"Killed: 45\n2. Wounded: 60", "45|60", 0},
    {"the two sides met", "two", 0},
    {"one or two people", "one|two", 0},
    {"one by one they left", "", 0},
    {"at one point", "one", 0},
    {"temperatures of minus 5C and 300mm of rain", "", 0},
    {"from 5.5km to 8km", "", 0},
    {"Chapter 11, Article 50 and the M25", "", 0},
};
/* clang-format on */

/* Splits `exprs` at "|" and checks the quantities of `t` are exactly
 * those, in order. */
START_TEST(test_lists)
{
	const lcase *c = &lists[_i];
	fc_number_list l;
	const char *p = c->exprs;
	size_t k = 0;

	scan(c->text, strlen(c->text), c->opts, &l);
	for (size_t j = 0; j < l.count; j++) {
		const fc_number *n = &l.items[j];
		size_t len;
		const char *bar;
		if (!fc_num_kind_is_quantity(n->kind))
			continue;
		ck_assert_msg(*p, "case %d: unexpected \"%.*s\" in \"%s\"", _i,
		              (int)(n->end - n->start), c->text + n->start,
		              c->text);
		bar = strchr(p, '|');
		len = bar ? (size_t)(bar - p) : strlen(p);
		ck_assert_msg(
		    n->end - n->start == len &&
		        memcmp(c->text + n->start, p, len) == 0,
		    "case %d: read \"%.*s\", expected \"%.*s\" in \"%s\"", _i,
		    (int)(n->end - n->start), c->text + n->start, (int)len, p,
		    c->text);
		p += len + (bar != NULL);
		k++;
	}
	ck_assert_msg(*p == 0, "case %d: \"%s\" not read in \"%s\"", _i, p,
	              c->text);
	fc_number_list_free(&l);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Near misses and noise: texts in which no quantity may be read. */

/* One case a line: */
/* clang-format off */
static const char *const no_quantity[] = {
    "1,4000",
    "12,3456 people",
    "COVID-19",
    "G7 leaders",
    "1.2.3",
    ",,,",
    "...",
    "---",
    "$$$",
    "192.168.1.2",
    "the 180ml bottle",
    "the 180.25ml liquid",
    "the .25ml liquid",
    " 29km Road ",
    " the May 4th ",
    "version v2.1",
    "0x1F",
    "0xFF and 0b1010",
    "5G network",
    "the 10G port",
    "1.234,5 dollars",
    "5,00",
    "24/7 coverage",
    "an",
    "a",
    "The one you mentioned is invalid",
    "This one you is not correct",
    "Which one do you prefer?",
    "That one is really good",
    "no one was hurt",
    "No one was hurt",
    "one of the victims",
    "One of the victims",
    "they helped one another",
    "a one-off payment",
    "Book a first class seat to seattle",
    "I was a current student last semester",
    "He was looking for a next of kin",
    "you can restore a previous version",
    "we'll try this new medication as a last resort.",
    "placeholder name is a next generation service for translation",
    "a third term",
    "the third quarter",
    "in the first quarter",
    "zero tolerance",
    "a zero-sum game",
    "ground zero",
    "second to none",
    "none other than",
    "there are no plans to",
    "by no means",
    "no longer",
    "the first half",
    "the latter half",
    "at half-time",
    "scores are level",
    "the final score",
    "a few minutes",
    "http://example.com/2023/11/05/story-123.html",
    "https://www.test.com/search?q=30%25%2020%",
    "see www.example.com/page?id=30",
    "in 2023",
    "on 5 November 2023",
    "at 10:30",
    "Resolution 2334",
    "the 5th",
    "call +44 20 7946 0958",
    "1. \n2. \n",
    "Only a small percent attain the top ranks",
    "How do I calculate a percentage?",
    "the % of increase",
    "per cent",
    "tens",
    "several",
    "between",
    "from",
    "more than",
    "minus",
    "plus or minus",
    "a couple",
    "\xE2\x80\x89\xE2\x80\x89",
    "\xC2",
    "\xE2\x82",
    "1e",
    "1e-",
    "3x10^",
};
/* clang-format on */

START_TEST(test_no_quantity)
{
	fc_number_list l;
	const char *t = no_quantity[_i];

	scan(t, strlen(t), 0, &l);
	for (size_t k = 0; k < l.count; k++)
		ck_assert_msg(!fc_num_kind_is_quantity(l.items[k].kind),
		              "\"%s\": read \"%.*s\" as a %s", t,
		              (int)(l.items[k].end - l.items[k].start),
		              t + l.items[k].start,
		              fc_num_kind_name(l.items[k].kind));
	fc_number_list_free(&l);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Limits. */

START_TEST(test_tables)
{
	ck_assert(fc__numbers_tables_ok(stderr));
}
END_TEST

/* A figure of 10,000 digits is no number; nor is one beyond a double. */
START_TEST(test_huge)
{
	static const char *const big[] = {"1e400", "1.8e308", "9e999 people",
	                                  "1e300 trillion", "-1e309"};
	size_t n = 10000;
	char *t = malloc(n + 1);
	fc_number_list l;

	ck_assert_ptr_nonnull(t);
	memset(t, '7', n);
	t[n] = 0;
	scan(t, n, 0, &l);
	ck_assert_uint_eq(l.count, 0);
	fc_number_list_free(&l);
	for (size_t k = 0; k < n; k += 4)
		t[k] = ',';
	scan(t, n, 0, &l);
	fc_number_list_free(&l);
	free(t);
	for (size_t k = 0; k < sizeof(big) / sizeof(big[0]); k++) {
		scan(big[k], strlen(big[k]), 0, &l);
		for (size_t j = 0; j < l.count; j++)
			ck_assert_msg(
			    !fc_num_kind_is_quantity(l.items[j].kind) ||
			        isfinite(l.items[j].value),
			    "%s", big[k]);
		ck_assert_msg(l.count == 0, "\"%s\": %zu readings", big[k],
		              l.count);
		fc_number_list_free(&l);
	}
	/* 30 digits are read, 31 are not. */
	scan("123456789012345678901234567890", 30, 0, &l);
	ck_assert_uint_eq(l.count, 1);
	fc_number_list_free(&l);
	scan("1234567890123456789012345678901", 31, 0, &l);
	ck_assert_uint_eq(l.count, 0);
	fc_number_list_free(&l);
}
END_TEST

/* Pathological lines of a megabyte scan in linear time: every attempt
 * looks ahead a bounded distance. Quadratic work would take hours. */
START_TEST(test_linear)
{
	static const char *const units[] = {"1,",
	                                    "1,111,",
	                                    "1 ",
	                                    "1.",
	                                    "1.1.",
	                                    "one ",
	                                    "one hundred and ",
	                                    "twenty-",
	                                    "a ",
	                                    "half ",
	                                    "between ",
	                                    "more than ",
	                                    "$",
	                                    "-",
	                                    "1/",
	                                    "1-",
	                                    "+1 ",
	                                    "(1) ",
	                                    "1e",
	                                    "2 1/2 ",
	                                    "no ",
	                                    "minus ",
	                                    "tens of ",
	                                    "hundreds of ",
	                                    "three quarters ",
	                                    "one in ",
	                                    "\xC2\xA0"
	                                    "1",
	                                    "9 770 ",
	                                    "1 in 5 ",
	                                    "http://",
	                                    "Nov. 5 "};
	size_t n = 1 << 20;
	char *t = malloc(n);
	fc_number_list l;

	ck_assert_ptr_nonnull(t);
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t ul = strlen(units[k]), p = 0;
		while (p + ul <= n) {
			memcpy(t + p, units[k], ul);
			p += ul;
		}
		memset(t + p, ' ', n - p);
		scan(t, n, 0, &l);
		fc_number_list_free(&l);
		scan(t, n, DE | LASTNZ, &l);
		fc_number_list_free(&l);
	}
	/* Never reads outside [0, len): a figure cut at the end. */
	memcpy(t, "between 1,234 and 5,6", 21);
	for (size_t k = 0; k <= 21; k++) {
		char *c = malloc(k ? k : 1);
		ck_assert_ptr_nonnull(c);
		memcpy(c, t, k);
		scan(c, k, 0, &l);
		fc_number_list_free(&l);
		free(c);
	}
	free(t);
}
END_TEST

/* Parsing never depends on the process's LC_NUMERIC. */
START_TEST(test_locale_independent)
{
	fc_number_list l;
	const char *t = "1.4 million and 9,770.5";

	if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") &&
	    !setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
		return; /* no comma-decimal locale installed */
	scan(t, strlen(t), 0, &l);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_double_eq(l.items[0].value, 1.4e6);
	ck_assert_double_eq(l.items[1].value, 9770.5);
	fc_number_list_free(&l);
	setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(test_locale_de)
{
	fc_number_list l;
	const char *t = "9.770 Tote und 1.234,5 Euro";

	scan(t, strlen(t), DE, &l);
	ck_assert_uint_ge(l.count, 2);
	ck_assert_double_eq(l.items[0].value, 9770);
	ck_assert_double_eq(l.items[1].value, 1234.5);
	fc_number_list_free(&l);
}
END_TEST

START_TEST(test_round_policy)
{
	fc_number_list l;
	const char *t = "10,000 people";

	scan(t, strlen(t), 0, &l);
	ck_assert(l.items[0].flags & FC_NUMF_AMBIGUOUS);
	ck_assert_double_eq(l.items[0].low, 10000);
	fc_number_list_free(&l);
	scan(t, strlen(t), LASTNZ, &l);
	ck_assert(l.items[0].flags & FC_NUMF_AMBIGUOUS);
	ck_assert_double_eq(l.items[0].low, 5000);
	ck_assert_double_eq(l.items[0].high, 15000);
	ck_assert_double_eq(fc_number_digit_precision("1,200", 5, FC_LOCALE_EN,
	                                              FC_ROUND_LAST_NONZERO),
	                    100);
	ck_assert_double_eq(
	    fc_number_digit_precision("1,200", 5, FC_LOCALE_EN, FC_ROUND_EXACT),
	    1);
	ck_assert_double_eq(
	    fc_number_digit_precision("1.4", 3, FC_LOCALE_EN, FC_ROUND_EXACT),
	    0.1);
	fc_number_list_free(&l);
}
END_TEST

/* Default options, empty and NULL input, appending to a list. */
START_TEST(test_api)
{
	fc_number_list l = {0};
	fc_number n;

	ck_assert_int_eq(fc_numbers_scan("", 0, NULL, &l), FC_OK);
	ck_assert_uint_eq(l.count, 0);
	ck_assert_int_eq(fc_numbers_scan(NULL, 0, NULL, &l), FC_OK);
	ck_assert_int_eq(fc_numbers_scan(NULL, 3, NULL, &l), FC_ERR_ARG);
	ck_assert_int_eq(fc_numbers_scan("5", 1, NULL, NULL), FC_ERR_ARG);
	ck_assert_int_eq(fc_numbers_scan("5 and 6", 7, NULL, &l), FC_OK);
	ck_assert_int_eq(fc_numbers_scan("and 7", 5, NULL, &l), FC_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_double_eq(l.items[2].value, 7);
	fc_number_list_free(&l);
	ck_assert_ptr_null(l.items);
	/* Not NUL-terminated: the scan stops at len. */
	ck_assert_int_eq(fc_numbers_scan("12345", 2, NULL, &l), FC_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_double_eq(l.items[0].value, 12);
	fc_number_list_free(&l);
	/* A record published with a qualifier. */
	memset(&n, 0, sizeof(n));
	n.value = n.value2 = 1200;
	n.qualifier = FC_QUAL_ABOUT;
	fc_number_set_bounds(&n, NULL);
	ck_assert_double_eq(n.low, 1150);
	ck_assert_double_eq(n.high, 1250);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("numbers");
	TCase *tc = tcase_create("readings");
	TCase *lim = tcase_create("limits");

	tcase_add_loop_test(tc, test_reading, 0,
	                    (int)(sizeof(reads) / sizeof(reads[0])));
	tcase_add_loop_test(tc, test_bounds, 0,
	                    (int)(sizeof(bounds) / sizeof(bounds[0])));
	tcase_add_loop_test(tc, test_lists, 0,
	                    (int)(sizeof(lists) / sizeof(lists[0])));
	tcase_add_loop_test(
	    tc, test_no_quantity, 0,
	    (int)(sizeof(no_quantity) / sizeof(no_quantity[0])));
	tcase_add_test(tc, test_locale_independent);
	tcase_add_test(tc, test_locale_de);
	tcase_add_test(tc, test_round_policy);
	tcase_add_test(tc, test_api);
	suite_add_tcase(s, tc);
	tcase_add_test(lim, test_tables);
	tcase_add_test(lim, test_huge);
	tcase_add_test(lim, test_linear);
	tcase_set_timeout(lim, 120);
	suite_add_tcase(s, lim);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
