/*
 * test_rules.c: the rules checker: the shipped pack's own examples,
 * claims bound in sentences of news copy, and the errors of malformed
 * packs.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static char *tmp;
static fc_engine *eng;

static void setup(void)
{
	tmp = tu_tmpdir();
	eng = tu_engine(tmp,
			"{\"date\": \"2023-11-05\", \"checkers\": {\"rules\": "
			"{\"packs\": [\"casualties\"]}}}",
			NULL);
}

static void teardown(void)
{
	fc_engine_free(eng);
	tu_rmdir(tmp);
}

START_TEST(test_pack_examples)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	fc_error err;
	int failures = fc_engine_selftest(eng, NULL, 0, f, &err);

	fclose(f);
	ck_assert_msg(failures == 0, "%d failures:\n%s", failures, out);
	ck_assert_ptr_nonnull(strstr(out, "0 failed"));
	free(out);
}
END_TEST

/* What the shipped pack binds. metric "-": no claim at all for `claim`;
 * NULL: found but unbound. */
static const struct {
	const char *text;
	const char *claim;
	const char *metric;
	const char *attribution;
} bind_cases[] = {
    {"The war has brought the death of 9,770 Palestinians.", "9,770",
     "gaza.killed", NULL},
    {"The war has brought the death of 9,770 Palestinians and more than "
     "1,400 Israelis.",
     "more than 1,400", "israel.killed", NULL},
    {"The ministry in Gaza said 4,800 children were among the dead.", "4,800",
     "gaza.killed.children", NULL},
    {"Gaza's health ministry said 9,770 people have been killed.", "9,770",
     "gaza.killed", "Gaza's health ministry"},
    {"The death toll from the strike on the camp rose to 45.", "45", NULL,
     NULL},
    {"In 2023, the toll rose.", "2023", "-", NULL},
    {"Resolution 2334 was adopted in 2016.", "2334", "-", NULL},
    {"About 40% of homes were damaged.", "About 40%", "-", NULL},
    {"Some 1 in 200 people in Gaza have been killed.", "1 in 200", "-", NULL},
    {"The attack in Israel killed 36 children, officials said.", "36",
     "israel.killed.children", NULL},
};

START_TEST(test_binding)
{
	char *doc = fc_asprintf("%s\n", bind_cases[_i].text);
	fc_doc_result *r = tu_check(eng, "t.txt", doc);
	const fc_finding *hit = NULL;

	for (size_t k = 0; k < r->n_findings; k++)
		if (strcmp(r->findings[k].text, bind_cases[_i].claim) == 0)
			hit = &r->findings[k];
	if (bind_cases[_i].metric && strcmp(bind_cases[_i].metric, "-") == 0) {
		ck_assert_msg(hit == NULL, "case %d: \"%s\" must not be a claim", _i,
			      bind_cases[_i].claim);
	} else {
		ck_assert_msg(hit != NULL, "case %d: no claim \"%s\" (%zu found)", _i,
			      bind_cases[_i].claim, r->n_findings);
		if (bind_cases[_i].metric)
			ck_assert_str_eq(hit->metric, bind_cases[_i].metric);
		else
			ck_assert_ptr_null(hit->metric);
		if (bind_cases[_i].attribution)
			ck_assert_str_eq(hit->claim->attribution,
					 bind_cases[_i].attribution);
	}
	fc_doc_result_free(r);
	free(doc);
}
END_TEST

/* Malformed packs: the message names the file, the rule and the fault. */
static const struct {
	const char *pack;
	const char *expect[3];
} bad_packs[] = {
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"(unclosed {NUMBER}\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}]}]}",
     {"rules[0] (r): patterns[0]", "invalid regular expression at offset",
      "missing closing parenthesis"}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"{NUMBER} {PLACES}\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}]}]}",
     {"rules[0] (r): patterns[0]", "unknown placeholder {PLACES}", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"killed\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}]}]}",
     {"rules[0] (r): patterns[0]", "no {NUMBER} placeholder", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"{NUMBER} dead\"]}]}",
     {"rules[0] (r)", "\"examples\" must be a non-empty array", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"has space\", "
     "\"patterns\": [\"{NUMBER} dead\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}]}]}",
     {"rules[0] (r)", "\"metric\" must be a metric key", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"Bad Id\"}]}",
     {"rules[0]", "\"id\" must be a string", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"{NUMBER} dead\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}], \"context\": \"[a-\"}]}",
     {"rules[0] (r): context", "invalid regular expression", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"{NUMBER} dead\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}], \"severity\": \"fatal\"}]}",
     {"rules[0] (r)", "\"severity\" must be", NULL}},
    {"{\"pack\": \"p\", \"rules\": [{\"id\": \"r\", \"metric\": \"m\", "
     "\"patterns\": [\"{NUMBER} dead\"], \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}], \"colour\": 1}]}",
     {"rules[0] (r)", "unknown key \"colour\"", NULL}},
    {"{\"pack\": \"p\", \"rules\": [\n  {\"id\": \"r\",,}]}",
     {"bad.json:2:15: invalid JSON", NULL, NULL}},
    {"{\"rules\": []}", {"pack", "expected the pack's name", NULL}},
    {"{\"pack\": \"p\", \"rules\": {}}", {"rules", "expected an array", NULL}},
};

START_TEST(test_bad_pack)
{
	char *dir = tu_tmpdir();
	char *pack = tu_write(dir, "bad.json", bad_packs[_i].pack);
	char *config = fc_asprintf("{\"checkers\": {\"rules\": {\"packs\": "
				   "[\"%s\"]}}}",
				   pack);
	fc_engine *e = NULL;
	fc_error err;

	ck_assert_int_ne(tu_engine_ex(dir, config, NULL, &e, &err), FC_OK);
	ck_assert_ptr_null(e);
	ck_assert_msg(strstr(err.msg, "bad.json") != NULL,
		      "case %d: the file is not named: %s", _i, err.msg);
	for (int k = 0; k < 3 && bad_packs[_i].expect[k]; k++)
		ck_assert_msg(strstr(err.msg, bad_packs[_i].expect[k]) != NULL,
			      "case %d: expected '%s' in: %s", _i,
			      bad_packs[_i].expect[k], err.msg);
	free(config);
	free(pack);
	tu_rmdir(dir);
}
END_TEST

/* A pack of one's own, with a failing example: `rules test` says so. */
START_TEST(test_own_pack)
{
	char *dir = tu_tmpdir();
	char *pack = tu_write(
	    dir, "aid.json",
	    "{\"pack\": \"aid\", \"define\": {\"LORRIES\": \"(?:lorries|trucks)\"},"
	    " \"rules\": [{\"id\": \"lorries\", \"metric\": \"gaza.aid.lorries\","
	    " \"patterns\": [\"{NUMBER} aid {LORRIES}\"],"
	    " \"examples\": [{\"text\": \"Only 20 aid lorries crossed.\", "
	    "\"claim\": \"20\"}, {\"text\": \"Some 30 lorries of aid "
	    "crossed.\", \"claim\": \"Some 30\"}],"
	    " \"counterexamples\": [\"20 aid workers crossed.\"]}]}");
	char *config = fc_asprintf("{\"checkers\": {\"rules\": {\"packs\": "
				   "[\"%s\"]}}}",
				   pack);
	fc_engine *e = tu_engine(dir, config, NULL);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	fc_error err;
	const char *args[] = {"aid"};

	ck_assert_int_eq(fc_engine_selftest(e, args, 1, f, &err), 1);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(out, "FAIL aid.lorries: example not matched: "
					  "\"Some 30 lorries of aid crossed.\""));
	ck_assert_ptr_nonnull(strstr(out, "2 examples passed, 1 failed"));
	free(out);
	fc_engine_free(e);
	free(config);
	free(pack);
	tu_rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("shipped");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pack_examples);
	tcase_add_loop_test(tc, test_binding, 0, (int)FC_ARRAY_LEN(bind_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("packs");
	tcase_add_loop_test(tc, test_bad_pack, 0, (int)FC_ARRAY_LEN(bad_packs));
	tcase_add_test(tc, test_own_pack);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
