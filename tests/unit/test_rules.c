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
    /* Frames: movement verbs imply a qualifier, parts inherit. */
    {"Gaza death toll passes 10,000.", "10,000", "gaza.killed", NULL},
    {"Gaza death toll since Oct. 7 climbs to 14,532, including more than 6,000 "
     "children",
     "more than 6,000", "gaza.killed.children", NULL},
    {"Ukraine says 30 civilians were killed in Kharkiv.", "30", "ukr.killed",
     NULL},
    {"In the West Bank, 200 Palestinians have been killed since October.",
     "200", "westbank.killed", NULL},
    {"Gaza and Israel named, 500 people were killed.", "500", NULL, NULL},
    {"No place here: 47 people died.", "47", NULL, NULL},
    {"Exports fell by 40% in Gaza.", "40%", "-", NULL},
};

/* What a qualifier the frame implies makes of the reading. */
START_TEST(test_implied_qualifier)
{
	fc_doc_result *r = tu_check(eng, "t.txt",
				    "Gaza death toll tops 10,000, officials say.\n");
	const fc_finding *f = NULL;

	for (size_t k = 0; k < r->n_findings; k++)
		if (strcmp(r->findings[k].text, "10,000") == 0)
			f = &r->findings[k];
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->claim->number.qualifier, FC_QUAL_MORE_THAN);
	ck_assert(f->claim->number.low_open);
	ck_assert_double_eq(f->claim->number.low, 10000);
	ck_assert_str_eq(f->claim->entity, "gaza");
	ck_assert_str_eq(f->claim->measure, "killed");
	ck_assert_str_eq(f->claim->period, "cumulative");
	fc_doc_result_free(r);
}
END_TEST

/* The entity of the sentence before, within the paragraph only. */
START_TEST(test_paragraph_context)
{
	fc_doc_result *r = tu_check(
	    eng, "t.txt",
	    "Hospitals in Gaza are short of fuel. At least 200 medical workers "
	    "have been killed.\n\nAt least 300 medical workers have been "
	    "killed.\n");
	const fc_finding *a = NULL, *b = NULL;

	for (size_t k = 0; k < r->n_findings; k++) {
		if (strcmp(r->findings[k].text, "At least 200") == 0)
			a = &r->findings[k];
		if (strcmp(r->findings[k].text, "At least 300") == 0)
			b = &r->findings[k];
	}
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->metric, "gaza.killed.medical");
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_null(b->metric); /* a new paragraph names no place */
	fc_doc_result_free(r);
}
END_TEST

/* `claims --explain`: each part of a reading, and where it was found. */
START_TEST(test_explain)
{
	char *config = fc_asprintf("{\"date\": \"2023-11-05\", \"checkers\": "
				   "{\"rules\": {\"packs\": [\"casualties\"]}}}");
	fc_engine_options o;
	fc_engine *e;
	fc_error err;
	fc_doc_result *r;
	const fc_claim *c = NULL;
	char *path = tu_write(tmp, "x.json", config);

	fc_engine_options_init(&o);
	o.config_path = path;
	o.explain = true;
	ck_assert_int_eq(fc_engine_open(&o, &e, &err), FC_OK);
	ck_assert_int_eq(fc_engine_start(e, FC_START_CHECKERS, &err), FC_OK);
	r = tu_check(e, "t.txt",
		     "The death toll from the strike on the camp rose to 45. Some "
		     "3 cars burned.\n");
	for (size_t k = 0; k < r->n_claims; k++)
		if (r->claims[k].number.value == 45)
			c = &r->claims[k];
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(c->explain);
	ck_assert_ptr_nonnull(strstr(c->explain, "frame: {toll} {gap} {aux?} {move} # {head}"));
	ck_assert_ptr_nonnull(strstr(c->explain, "measure: casualties.killed, from "
						 "\"death toll\" at 1:5"));
	ck_assert_ptr_nonnull(strstr(c->explain, "exclusion: one-event, from "
						 "\"strike\" at 1:25"));
	ck_assert_ptr_nonnull(strstr(c->explain, "not bound: it counts the dead of "
						 "one strike"));
	/* The figure no frame reads is a claim too, flagged, when explaining. */
	c = NULL;
	for (size_t k = 0; k < r->n_claims; k++)
		if (r->claims[k].number.value == 3)
			c = &r->claims[k];
	ck_assert_ptr_nonnull(c);
	ck_assert(c->flags & FC_CLAIMF_UNRECOGNISED);
	ck_assert_ptr_nonnull(strstr(c->explain, "not read: no measure word in its sentence"));
	ck_assert_uint_eq(r->coverage.figures, 2);
	ck_assert_uint_eq(r->coverage.checked, 0);
	ck_assert_uint_eq(r->coverage.unchecked, 2);
	fc_doc_result_free(r);
	fc_engine_free(e);
	free(path);
	free(config);
}
END_TEST

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
    /* Frame packs. */
    {"{\"pack\": \"p\", \"frames\": [\"{toll} rises to\"]}",
     {"frames[0]", "a frame needs exactly one figure, #", NULL}},
    {"{\"pack\": \"p\", \"frames\": [\"# {head} {nosuch}\"]}",
     {"frame \"# {head} {nosuch}\"", "unknown word class {nosuch}", NULL}},
    {"{\"pack\": \"p\", \"frames\": [\"{head} #\"]}",
     {"frames[0]", "{head} reads the words after the figure", NULL}},
    {"{\"pack\": \"p\", \"frames\": [\"# in|at the past\"]}",
     {NULL, NULL, NULL}},
    {"{\"pack\": \"p\", \"lexicon\": {\"aux\": [\"were\", 3]}}",
     {"lexicon.aux[1]", "expected a phrase", NULL}},
    {"{\"pack\": \"p\", \"lexicon\": {\"aux\": [\"a b c d e f g h i\"]}}",
     {"lexicon.aux[0]", "a phrase must have 1 to 8 words", NULL}},
    {"{\"pack\": \"p\", \"lexicon\": {\"move\": [{\"qualifier\": "
     "\"lots\", \"phrases\": [\"tops\"]}]}}",
     {"lexicon.move[0]", "\"qualifier\" must be a qualifier name", NULL}},
    {"{\"pack\": \"p\", \"entities\": [{\"id\": \"Gaza\"}]}",
     {"entities[0]", "\"id\" must be a lower-case key", NULL}},
    {"{\"pack\": \"p\", \"entities\": [{\"id\": \"gaza\", \"part_of\": "
     "\"nowhere\"}]}",
     {"entity \"gaza\"", "part_of \"nowhere\" names no entity", NULL}},
    {"{\"pack\": \"p\", \"entities\": [{\"id\": \"a\", \"part_of\": "
     "\"b\"}, {\"id\": \"b\", \"part_of\": \"a\"}]}",
     {"its part_of chain loops", NULL, NULL}},
    {"{\"pack\": \"p\", \"entities\": [{\"id\": \"a\", \"capital\": \"x\"}]}",
     {"entities[0]", "unknown key \"capital\"", NULL}},
    {"{\"pack\": \"p\", \"measures\": [{\"id\": \"killed\", \"words\": "
     "{\"participle\": [\"killed\"]}}]}",
     {"measures[0] (killed)", "\"examples\" must be a non-empty array", NULL}},
    {"{\"pack\": \"p\", \"measures\": [{\"id\": \"killed\", \"words\": {}, "
     "\"examples\": [{\"text\": \"x\", \"claim\": \"1\", \"metric\": null}]}]}",
     {"measures[0] (killed)", "\"words\" must be an object of word classes",
      NULL}},
    {"{\"pack\": \"p\", \"measures\": [{\"id\": \"killed\", \"words\": "
     "{\"participle\": [\"killed\"]}, \"groups\": [\"kids\"], \"examples\": "
     "[{\"text\": \"x\", \"claim\": \"1\", \"metric\": null}]}]}",
     {"measures[0] (killed)", "unknown group \"kids\"", NULL}},
    {"{\"pack\": \"p\", \"measures\": [{\"id\": \"killed\", \"words\": "
     "{\"participle\": [\"killed\"]}, \"partial_below\": 2, \"examples\": "
     "[{\"text\": \"x\", \"claim\": \"1\", \"metric\": null}]}]}",
     {"measures[0] (killed)", "\"partial_below\" must be a share", NULL}},
    {"{\"pack\": \"p\", \"measures\": [{\"id\": \"killed\", \"words\": "
     "{\"participle\": [\"killed\"]}, \"examples\": [{\"text\": \"x\", "
     "\"claim\": \"1\"}]}]}",
     {"measures[0] (killed)", "examples[0] must be an object", NULL}},
    {"{\"pack\": \"p\", \"exclusions\": [{\"id\": \"x\", \"phrases\": "
     "[\"overnight\"]}]}",
     {"exclusions[0]", "needs an \"id\" and the \"reason\" it gives", NULL}},
    {"{\"pack\": \"p\", \"exclusions\": [{\"id\": \"x\", \"reason\": \"y\", "
     "\"phrases\": [\"{nowhere}\"]}]}",
     {"x: \"{nowhere}\": unknown word class {nowhere}", NULL, NULL}},
    {"{\"pack\": \"p\", \"requires\": [\"nosuchpack\"]}",
     {"requires", "pack \"nosuchpack\" not found on the rules path", NULL}},
};

START_TEST(test_bad_pack)
{
	if (!bad_packs[_i].expect[0]) {
		/* A valid pack, to show the cases fail for their fault only. */
		char *dir = tu_tmpdir();
		char *pack = tu_write(dir, "good.json", bad_packs[_i].pack);
		char *config = fc_asprintf("{\"checkers\": {\"rules\": {\"packs\": "
					   "[\"%s\"]}}}",
					   pack);
		fc_engine *e = tu_engine(dir, config, NULL);
		fc_engine_free(e);
		free(config);
		free(pack);
		tu_rmdir(dir);
		return;
	}
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

/* A pattern that backtracks without end is an error of its rule, named,
 * found fast (PCRE2's match limit), never a silent "no match"; a
 * sentence too long for the pattern rules is an unchecked finding. */
START_TEST(test_pattern_limits)
{
	char *dir = tu_tmpdir();
	char *pack = tu_write(
	    dir, "slow.json",
	    "{\"pack\": \"slow\", \"rules\": [{\"id\": \"hang\", "
	    "\"metric\": \"x.y\", \"patterns\": "
	    "[\"{NUMBER} (?:(?:a|aa)+)+b\"], \"examples\": [{\"text\": "
	    "\"They saw 20 ab.\", \"claim\": \"20\"}]}]}");
	char *config = fc_asprintf("{\"checkers\": {\"rules\": {\"packs\": "
				   "[\"%s\"], \"jit\": %s}}}",
				   pack, _i ? "false" : "true");
	fc_engine *e = tu_engine(dir, config, NULL);
	fc_document *doc;
	fc_doc_result *r = NULL;
	fc_error err;
	char text[300], *big;
	size_t n = 0;

	snprintf(text, sizeof(text), "Nothing here.\n\nThey saw 20 %s c, by the road.\n",
		 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	ck_assert_int_eq(fc_document_from_memory("a.txt", text, strlen(text),
						 NULL, &doc, &err),
			 FC_OK);
	ck_assert_int_eq(fc_engine_check(e, doc, &r, &err), FC_ERR_LIMIT);
	ck_assert_ptr_null(r);
	ck_assert_msg(strstr(err.msg, "rule slow.hang") &&
			  strstr(err.msg, "match limit") &&
			  strstr(err.msg, "slow.json") &&
			  strstr(err.msg, "pattern 1") && strstr(err.msg, "3:1"),
		      "%s", err.msg);

	/* 70 KB in one sentence: not read by the pattern rules, and said. */
	big = malloc(80000);
	ck_assert_ptr_nonnull(big);
	n += (size_t)sprintf(big, "They saw 20 b and ");
	while (n < 70000)
		n += (size_t)sprintf(big + n, "word ");
	sprintf(big + n, "more.\n");
	r = tu_check(e, "b.txt", big);
	for (size_t i = 0; i < r->n_findings; i++)
		if (strcmp(r->findings[i].rule_id, "rules.long-sentence") == 0) {
			ck_assert_int_eq(r->findings[i].verdict,
					 FC_VERDICT_UNCHECKED);
			ck_assert_ptr_nonnull(
			    strstr(r->findings[i].message, "not read"));
			n = 0;
		}
	ck_assert_msg(n == 0, "the long sentence was skipped silently");
	fc_doc_result_free(r);
	free(big);
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
	tcase_add_test(tc, test_implied_qualifier);
	tcase_add_test(tc, test_paragraph_context);
	tcase_add_test(tc, test_explain);
	suite_add_tcase(s, tc);
	tc = tcase_create("packs");
	tcase_add_loop_test(tc, test_bad_pack, 0, (int)FC_ARRAY_LEN(bad_packs));
	tcase_add_test(tc, test_own_pack);
	tcase_add_loop_test(tc, test_pattern_limits, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
