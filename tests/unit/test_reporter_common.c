/*
 * test_reporter_common.c: the helpers the reporters share
 * (plugins/reporter_common): reading untrusted text as UTF-8, describing
 * figures, and the chart of a finding (chart.h): which claims get a band
 * and where, that every mark lands where its figures put it on the
 * chart's axes, and that text from a draft is escaped.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../plugins/reporter_common/chart.h"
#include "../../plugins/reporter_common/json_util.h"
#include "../../core/host.h"
#include "../../plugins/reporter_common/report_util.h"

#define D(y, m, d) fc_date_from_ymd(y, m, d)

/* ------------------------------------------------------------------ */
/* Text and figures. */

START_TEST(test_next_invalid)
{
	/* A valid two-byte sequence, a stray continuation byte, a truncated
	 * three-byte sequence, an overlong '/', a surrogate. */
	static const char s[] = "\xC3\xA9\x80\xE2\x82\xC0\xAF\xED\xA0\x80!";
	size_t i = 0, len = sizeof(s) - 1;
	uint32_t want[] = {0xE9, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD};

	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++)
		ck_assert_uint_eq(ru_next(s, len, &i), want[k]);
	while (i < len - 1)
		ck_assert_uint_eq(ru_next(s, len, &i), 0xFFFD);
	ck_assert_uint_eq(ru_next(s, len, &i), '!');
	ck_assert_uint_eq(i, len);
}
END_TEST

START_TEST(test_clean)
{
	char *c = ru_clean("ok \xFF end");

	ck_assert_str_eq(c, "ok \xEF\xBF\xBD end");
	free(c);
	c = ru_clean(NULL);
	ck_assert_str_eq(c, "");
	free(c);
}
END_TEST

START_TEST(test_describe)
{
	char b[64];

	ck_assert_str_eq(ru_describe(FC_QUAL_MORE_THAN, 1400, 1400, b, sizeof(b)),
			 "more than 1,400");
	ck_assert_str_eq(ru_value(9770, 2, b, sizeof(b)), "9,770");
	ck_assert_str_eq(ru_value(16.666, 2, b, sizeof(b)), "16.67");
	ck_assert_str_eq(ru_value(INFINITY, 2, b, sizeof(b)), "inf");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Charts. */

/* A finding on gaza.killed as of 2023-11-10, with a series of ten days
 * from 2023-11-01 rising by 100 a day from 9,000. */
typedef struct fixture {
	fc_claim c;
	fc_finding f;
	fc_ref rec, ref;
	fc_point pts[10];
} fixture;

static void ref_at(fc_ref *r, fc_date d, double v)
{
	memset(r, 0, sizeof(*r));
	r->rec.metric = "gaza.killed";
	r->rec.date = d;
	r->rec.value = v;
	r->rec.period = FC_PERIOD_DAY;
	r->low = r->high = v;
	r->source = "moh";
}

static void fixture_init(fixture *x, const char *text)
{
	memset(x, 0, sizeof(*x));
	for (int i = 0; i < 10; i++) {
		x->pts[i].date = D(2023, 11, 1) + i;
		x->pts[i].value = x->pts[i].low = x->pts[i].high = 9000 + 100 * i;
	}
	ref_at(&x->rec, D(2023, 11, 10), 9900);
	x->c.number.value = 9800;
	x->c.metric = "gaza.killed";
	x->f.claim = &x->c;
	x->f.verdict = FC_VERDICT_DISCREPANCY;
	x->f.text = text;
	x->f.message = "disagrees";
	x->f.as_of = D(2023, 11, 10);
	x->f.record = &x->rec;
	x->f.series = x->pts;
	x->f.n_series = 10;
	x->f.claim_low = 9750;
	x->f.claim_high = 9850;
}

/* The chart of `f` as a string, which the caller frees. */
static char *render(const fc_finding *f, bool *drawn)
{
	char *s = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&s, &len);

	ck_assert_ptr_nonnull(m);
	*drawn = rc_chart_svg(m, f, "g1-1");
	ck_assert_int_eq(fclose(m), 0);
	return s;
}

/* The number after `attr="` in the element whose data-mark is `mark`. */
static double mark_attr(const char *svg, const char *mark, const char *attr)
{
	char key[64], a[32];
	const char *p, *end;

	snprintf(key, sizeof(key), "data-mark=\"%s\"", mark);
	p = strstr(svg, key);
	ck_assert_msg(p != NULL, "no %s mark", mark);
	while (p > svg && *p != '<')
		p--;
	end = strchr(p, '>');
	snprintf(a, sizeof(a), " %s=\"", attr);
	p = strstr(p, a);
	ck_assert_msg(p != NULL && p < end, "no %s on the %s mark", attr, mark);
	return strtod(p + strlen(a), NULL);
}

/* Where value v falls, on the value axis the svg says it drew. */
static double y_of(const char *svg, double v)
{
	double lo = strtod(strstr(svg, "data-y0=\"") + 9, NULL);
	double hi = strtod(strstr(svg, "data-y1=\"") + 9, NULL);

	return RC_PLOT_BOTTOM -
	       (v - lo) / (hi - lo) * (RC_PLOT_BOTTOM - RC_PLOT_TOP);
}

START_TEST(test_chart_level)
{
	fixture x;
	bool drawn;
	char *svg;
	double lo, hi;

	fixture_init(&x, "9,800");
	ck_assert(rc_chart_band(&x.f, &lo, &hi));
	ck_assert(lo == 9750 && hi == 9850);
	svg = render(&x.f, &drawn);
	ck_assert(drawn);
	/* The record at its value and on the plot's right edge (its date
	 * is the last of the axis), the band from the claim's interval. */
	ck_assert(fabs(mark_attr(svg, "record", "cy") - y_of(svg, 9900)) < 0.01);
	ck_assert(fabs(mark_attr(svg, "record", "cx") - RC_PLOT_RIGHT) < 0.01);
	ck_assert(fabs(mark_attr(svg, "band", "y") - y_of(svg, 9850)) < 0.01);
	ck_assert(fabs(mark_attr(svg, "band", "y") +
		       mark_attr(svg, "band", "height") - y_of(svg, 9750)) <
		  0.01);
	ck_assert_ptr_nonnull(strstr(svg, "data-low=\"9750\" data-high=\"9850\""));
	ck_assert_ptr_null(strstr(svg, "data-mark=\"reference\""));
	ck_assert_ptr_nonnull(strstr(svg, "data-x0=\"2023-11-01\" "
					  "data-x1=\"2023-11-10\""));
	free(svg);
}
END_TEST

START_TEST(test_chart_open_band)
{
	fixture x;
	bool drawn;
	char *svg;

	fixture_init(&x, "more than 9,500");
	x.f.claim_high = INFINITY;
	x.f.claim_low = 9500;
	svg = render(&x.f, &drawn);
	ck_assert_ptr_nonnull(strstr(svg, "data-low=\"9500\" data-high=\"inf\""));
	/* Open-ended: up to the top of the plot. */
	ck_assert(fabs(mark_attr(svg, "band", "y") - RC_PLOT_TOP) < 0.01);
	free(svg);
}
END_TEST

START_TEST(test_chart_change)
{
	fixture x;
	double lo, hi;
	bool drawn;
	char *svg;

	fixture_init(&x, "up 500");
	ref_at(&x.ref, D(2023, 11, 5), 9400);
	x.f.ref_record = &x.ref;
	x.c.change = FC_CHANGE_ABSOLUTE;
	x.c.change_dir = 1;
	x.f.claim_low = x.f.claim_high = 500;
	ck_assert(rc_chart_band(&x.f, &lo, &hi));
	ck_assert(lo == 9900 && hi == 9900);
	x.c.change = FC_CHANGE_RELATIVE;
	x.f.claim_low = 5;
	x.f.claim_high = 10;
	ck_assert(rc_chart_band(&x.f, &lo, &hi));
	ck_assert(fabs(lo - 9870) < 1e-9 && fabs(hi - 10340) < 1e-9);
	x.c.change = FC_CHANGE_MULTIPLE;
	x.f.claim_low = 0.45;
	x.f.claim_high = 0.55; /* halved */
	ck_assert(rc_chart_band(&x.f, &lo, &hi));
	ck_assert(fabs(lo - 4230) < 1e-9 && fabs(hi - 5170) < 1e-9);
	svg = render(&x.f, &drawn);
	ck_assert(fabs(mark_attr(svg, "reference", "cy") - y_of(svg, 9400)) <
		  0.01);
	ck_assert_ptr_nonnull(strstr(svg, "data-mark=\"reference\" "
					  "data-value=\"9400\" "
					  "data-date=\"2023-11-05\""));
	free(svg);
	/* A daily extreme counts a day, not a level: no band. */
	x.c.change = FC_CHANGE_HIGHEST;
	x.c.per_day = true;
	ck_assert(!rc_chart_band(&x.f, &lo, &hi));
	/* No reference record: no band for a change. */
	x.c.change = FC_CHANGE_ABSOLUTE;
	x.c.per_day = false;
	x.f.ref_record = NULL;
	ck_assert(!rc_chart_band(&x.f, &lo, &hi));
}
END_TEST

START_TEST(test_chart_none)
{
	fixture x;
	bool drawn;
	char *svg;

	fixture_init(&x, "9,800");
	x.f.n_series = 0;
	x.f.series = NULL;
	svg = render(&x.f, &drawn);
	ck_assert(!drawn);
	ck_assert_str_eq(svg, "");
	free(svg);
	ck_assert(!rc_chart_has(NULL));
}
END_TEST

START_TEST(test_chart_escapes)
{
	fixture x;
	bool drawn;
	char *svg;

	fixture_init(&x, "<script>alert(1)</script> & \"\xFF\"");
	svg = render(&x.f, &drawn);
	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert_ptr_nonnull(strstr(svg, "&lt;script&gt;alert(1)&lt;/script&gt; "
					  "&amp; &quot;\xEF\xBF\xBD&quot;"));
	free(svg);
}
END_TEST

/* A flat series and a single point still make a chart with some room. */
START_TEST(test_chart_flat)
{
	fixture x;
	bool drawn;
	char *svg;

	fixture_init(&x, "9,900");
	for (int i = 0; i < 10; i++)
		x.pts[i].value = 9900;
	x.f.n_series = 1;
	x.pts[0].date = D(2023, 11, 10);
	svg = render(&x.f, &drawn);
	ck_assert(drawn);
	ck_assert_ptr_null(strstr(svg, "nan"));
	ck_assert_ptr_null(strstr(svg, "inf\""));
	free(svg);
}
END_TEST

/* ------------------------------------------------------------------ */
/* JSON streamed: arrays within arrays, printed one item at a time, give
 * the text cJSON prints for the whole tree. */

#define MARK "figcheck-stream-test-marker"

typedef struct nest {
	bool pretty;
	size_t mid; /* the middle item being written */
} nest;

/* Leaf j of middle item i: nested values, and text with a line break
 * and a tab that must not be indented. */
static cJSON *leaf(size_t i, size_t j)
{
	cJSON *o = cJSON_CreateObject(), *in = cJSON_AddObjectToObject(o, "in");
	int v[] = {(int)i, (int)j};

	cJSON_AddNumberToObject(o, "j", (double)j);
	cJSON_AddStringToObject(o, "text", "two\nlines\tand a tab");
	cJSON_AddItemToObject(in, "pair", cJSON_CreateIntArray(v, 2));
	cJSON_AddArrayToObject(in, "empty");
	return o;
}

static cJSON *middle(size_t i, cJSON *leaves)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "i", (double)i);
	cJSON_AddItemToObject(o, "leaves", leaves);
	cJSON_AddBoolToObject(o, "after", true);
	return o;
}

static cJSON *top(cJSON *middles)
{
	cJSON *o = cJSON_CreateObject(), *h = cJSON_AddObjectToObject(o, "head");

	cJSON_AddStringToObject(h, "name", "run");
	cJSON_AddItemToObject(o, "middles", middles);
	cJSON_AddNullToObject(o, "tail");
	return o;
}

static fc_status put_leaf(void *ud, size_t j, size_t depth, FILE *out,
			  fc_error *err)
{
	nest *n = ud;

	return rj_put_item(fc_host_table(), leaf(n->mid, j), n->pretty, depth,
			   out, err);
}

/* Middle item i holds i leaves, streamed. */
static fc_status put_middle(void *ud, size_t i, size_t depth, FILE *out,
			    fc_error *err)
{
	nest *n = ud;

	n->mid = i;
	return rj_stream_at(fc_host_table(), middle(i, cJSON_CreateString(MARK)),
			    MARK, n->pretty, depth, i, put_leaf, n, out, err);
}

START_TEST(test_json_streamed)
{
	nest n = {_i == 1, 0};
	cJSON *whole, *mids = cJSON_CreateArray();
	char *want, *got = NULL;
	size_t got_len = 0;
	FILE *out = open_memstream(&got, &got_len);
	fc_error err;

	ck_assert_ptr_nonnull(out);
	for (size_t i = 0; i < 4; i++) {
		cJSON *leaves = cJSON_CreateArray();
		for (size_t j = 0; j < i; j++)
			cJSON_AddItemToArray(leaves, leaf(i, j));
		cJSON_AddItemToArray(mids, middle(i, leaves));
	}
	whole = top(mids);
	want = n.pretty ? cJSON_Print(whole) : cJSON_PrintUnformatted(whole);
	ck_assert_int_eq(rj_stream_at(fc_host_table(),
				      top(cJSON_CreateString(MARK)), MARK,
				      n.pretty, 0, 4, put_middle, &n, out, &err),
			 FC_OK);
	fclose(out);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	cJSON_Delete(whole);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("reporter_common");
	TCase *tt = tcase_create("text");
	TCase *tc = tcase_create("chart"), *tj;

	tcase_add_test(tt, test_next_invalid);
	tcase_add_test(tt, test_clean);
	tcase_add_test(tt, test_describe);
	suite_add_tcase(s, tt);
	tcase_add_test(tc, test_chart_level);
	tcase_add_test(tc, test_chart_open_band);
	tcase_add_test(tc, test_chart_change);
	tcase_add_test(tc, test_chart_none);
	tcase_add_test(tc, test_chart_escapes);
	tcase_add_test(tc, test_chart_flat);
	suite_add_tcase(s, tc);
	tj = tcase_create("json");
	tcase_add_loop_test(tj, test_json_streamed, 0, 2);
	suite_add_tcase(s, tj);
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
