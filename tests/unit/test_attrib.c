/*
 * test_attrib.c: attributions found in a claim's sentence (attrib.h) and
 * matching an attribution with a source's name and aliases
 * (fc_verify_source_for in verify.h).
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "testutil.h"
#include "verify.h"

/* ------------------------------------------------------------------ */
/* Attributions. */

static const struct {
	const char *sentence;
	const char *claim;
	const char *who; /* NULL: none */
} attributions[] = {
    {"Gaza's health ministry said 9,770 people have been killed.", "9,770",
     "Gaza's health ministry"},
    {"Nearly 10,000 people have been killed in Gaza, the Ministry of Health "
     "said.",
     "Nearly 10,000", "the Ministry of Health"},
    {"Israeli strikes have killed 9,770 Palestinians, according to the UN.",
     "9,770", "the UN"},
    {"Israeli officials said 1,400 people were killed in the attack.", "1,400",
     "Israeli officials"},
    {"The ministry in Gaza said 4,800 children were among the dead.", "4,800",
     "The ministry in Gaza"},
    {"At least 9,770 were killed, according to figures from the Hamas-run "
     "health ministry.",
     "At least 9,770", "the Hamas-run health ministry"},
    {"Israeli strikes have killed 9,770 Palestinians.", "9,770", NULL},
    {"The strikes, which he said had killed 9,770, went on.", "9,770", NULL},
};

START_TEST(test_attributions)
{
	const char *s = attributions[_i].sentence;
	const char *c = strstr(s, attributions[_i].claim);
	size_t a, b;
	bool found = fc_attribution_find(
	    s, 0, strlen(s), (size_t)(c - s),
	    (size_t)(c - s) + strlen(attributions[_i].claim), &a, &b);

	if (!attributions[_i].who) {
		ck_assert_msg(!found, "\"%s\": found \"%.*s\"", s, (int)(b - a),
		              s + a);
		return;
	}
	ck_assert_msg(found, "\"%s\": none found", s);
	ck_assert_msg(b - a == strlen(attributions[_i].who) &&
	                  strncmp(s + a, attributions[_i].who, b - a) == 0,
	              "\"%s\": found \"%.*s\"", s, (int)(b - a), s + a);
}
END_TEST

static const fc_verify_source sources[] = {
    {"gaza-moh",
     (char *const[]){"Ministry of Health", "health ministry",
                     "ministry in Gaza", "Hamas-run health ministry"},
     4, 2, 7, 0, false, NULL, NULL, false},
    {"israel-officials", (char *const[]){"Israeli officials", "Israel"}, 2, 2,
     60, 0, false, NULL, NULL, false},
    {"un-ocha", (char *const[]){"UN", "United Nations", "OCHA"}, 3, 2, 7, 0,
     false, NULL, NULL, false},
};

static const struct {
	const char *who;
	int want; /* index in sources, or -1 */
} matches[] = {
    {"Gaza's health ministry", 0},
    {"Gaza’s health ministry", 0},
    {"the Ministry of Health", 0},
    {"The ministry in Gaza", 0},
    {"the Hamas-run health ministry", 0},
    {"health ministry officials", 0},
    {"the UN", 2},
    {"UN agencies", 2},
    {"the United Nations' humanitarian office", 2},
    {"Israeli officials", 1},
    {"Israel's military", 1},
    {"gaza-moh", 0},
    /* No false matches. */
    {"the Israeli health ministry", -1},
    /* The speaker, not the source it cites. */
    {"the UN, citing the Ministry of Health", 2},
    {"officials", -1},
    {"the ministry", -1},
    {"Israeli", -1},
    {"unicef", -1},
    {"", -1},
};

START_TEST(test_source_for)
{
	fc_verifier v;

	memset(&v, 0, sizeof(v));
	v.sources = sources;
	v.n_sources = FC_ARRAY_LEN(sources);
	ck_assert_msg(
	    fc_verify_source_for(&v, matches[_i].who) == matches[_i].want,
	    "\"%s\": got %d, want %d", matches[_i].who,
	    fc_verify_source_for(&v, matches[_i].who), matches[_i].want);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("attrib");
	TCase *ta = tcase_create("attribution");

	tcase_add_loop_test(ta, test_attributions, 0,
	                    (int)FC_ARRAY_LEN(attributions));
	tcase_add_loop_test(ta, test_source_for, 0, (int)FC_ARRAY_LEN(matches));
	suite_add_tcase(s, ta);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
