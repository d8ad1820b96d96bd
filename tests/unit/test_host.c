/*
 * test_host.c: the host table as a plugin sees it: its layout (ABI 2
 * kept: additions only in the reserved space) and the JSON view of
 * fetched bodies (json_parse, the value accessors, value_next, json_free),
 * on good input and on hostile input.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "testutil.h"

/* The host table keeps the size and layout of ABI 2's first release: a
 * plugin built against the older header (15 reserved slots after
 * doc_numbers) reads the same fields where it expects them, and sees
 * NULL in the slots it knows as reserved. */
START_TEST(test_layout)
{
	const fc_host *h = fc_host_table();
	size_t old_end = offsetof(fc_host, doc_numbers) + sizeof(void *);

	ck_assert_uint_eq(sizeof(fc_host), old_end + 15 * sizeof(void *));
	ck_assert_uint_eq(offsetof(fc_host, json_parse), old_end);
	ck_assert_uint_eq(h->size, sizeof(fc_host));
	ck_assert_uint_eq(h->abi, 2);
	ck_assert_ptr_nonnull(h->json_parse);
	ck_assert_ptr_nonnull(h->json_free);
	ck_assert_ptr_nonnull(h->value_next);
	ck_assert_ptr_nonnull(h->doc_sentence_at);
	for (size_t i = 0; i < FC_ARRAY_LEN(h->reserved); i++)
		ck_assert_ptr_null(h->reserved[i]);
}
END_TEST

/* Parses `text` (its strlen), failing the test when it is not JSON. */
static fc_value *parse_ok(const char *text)
{
	const fc_host *h = fc_host_table();
	fc_error err;
	fc_value *v;

	fc_error_clear(&err);
	v = h->json_parse("t.json", text, strlen(text), &err);
	ck_assert_msg(v != NULL, "%s: %s", text, err.msg);
	return v;
}

START_TEST(test_accessors)
{
	const fc_host *h = fc_host_table();
	fc_value *root = parse_ok(
	    "{\"metric\": \"gaza.killed\", \"ok\": true, \"off\": false,\n"
	    " \"none\": null, \"n\": -9770.5, \"big\": 1e999,\n"
	    " \"series\": [{\"day\": \"2023-11-05\", \"count\": 9770},\n"
	    "            {\"day\": \"2023-11-06\", \"count\": 10022}, 3],\n"
	    " \"esc\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\", \"dup\": 1,"
	    " \"dup\": 2}");
	const fc_value *series = h->opt(root, "series"), *v;
	size_t n = 0;

	ck_assert_int_eq(h->value_type(root), FC_VALUE_OBJECT);
	ck_assert_uint_eq(h->value_count(root), 10);
	ck_assert_str_eq(h->value_string(h->opt(root, "metric")),
			 "gaza.killed");
	ck_assert(h->value_bool(h->opt(root, "ok")));
	ck_assert(!h->value_bool(h->opt(root, "off")));
	ck_assert_int_eq(h->value_type(h->opt(root, "off")), FC_VALUE_BOOL);
	ck_assert_int_eq(h->value_type(h->opt(root, "none")), FC_VALUE_NULL);
	ck_assert_double_eq(h->value_number(h->opt(root, "n")), -9770.5);
	ck_assert(isinf(h->value_number(h->opt(root, "big"))));
	ck_assert_str_eq(h->value_string(h->opt(root, "esc")),
			 "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\"");
	/* A key given twice: the first. */
	ck_assert_double_eq(h->value_number(h->opt(root, "dup")), 1);
	/* Absent members, wrong types, NULL: nothing, never a crash. */
	ck_assert_ptr_null(h->opt(root, "absent"));
	ck_assert_int_eq(h->value_type(NULL), FC_VALUE_NONE);
	ck_assert_ptr_null(h->value_string(h->opt(root, "n")));
	ck_assert(isnan(h->value_number(h->opt(root, "metric"))));
	ck_assert(isnan(h->value_number(NULL)));
	ck_assert_ptr_null(h->opt(series, "day"));
	ck_assert_ptr_null(h->value_at(h->opt(root, "n"), 0));
	ck_assert_uint_eq(h->value_count(h->opt(root, "metric")), 0);
	ck_assert_ptr_null(h->value_next(NULL));
	ck_assert_ptr_null(h->value_key(NULL));

	/* The array, by index and by walking it. */
	ck_assert_int_eq(h->value_type(series), FC_VALUE_ARRAY);
	ck_assert_uint_eq(h->value_count(series), 3);
	ck_assert_str_eq(
	    h->value_string(h->opt(h->value_at(series, 1), "day")),
	    "2023-11-06");
	ck_assert_ptr_null(h->value_at(series, 3));
	for (v = h->value_at(series, 0); v; v = h->value_next(v))
		n++;
	ck_assert_uint_eq(n, 3);
	ck_assert_double_eq(h->value_number(h->value_at(series, 2)), 3);
	/* An object's members in the order of the text, with their keys. */
	v = h->value_at(root, 0);
	ck_assert_str_eq(h->value_key(v), "metric");
	ck_assert_str_eq(h->value_key(h->value_next(v)), "ok");
	h->json_free(root);
	h->json_free(NULL);
}
END_TEST

/* Not JSON: a message with the name, line and column of the fault. */
static const struct {
	const char *text;
	const char *expect;
} bad[] = {
    {"{\"a\": 1,\n \"b\": }", "t.json:2:7: invalid JSON near '}'"},
    {"[1, 2", "t.json:1:5: invalid JSON at the end of the document"},
    {"{\"a\": \"unterminated}", "t.json:1:8: invalid JSON near 'unterm"},
    {"<!DOCTYPE html><html>", "t.json:1:1: invalid JSON near '<!DOCTYPE html><'"},
    {"{\"a\": 1} {\"b\": 2}", "t.json:1:10: invalid JSON: unexpected text"},
    {"", "t.json: empty file, expected JSON"},
    {" \n\t ", "t.json: empty file, expected JSON"},
    {"[tru]", "t.json:1:2: invalid JSON near 'tru]'"},
    {"[01x]", "t.json:1:"},
    {"{\"a\"\x01: 1}", "t.json:1:5: invalid JSON near '?: 1}'"},
    {"[1,\x02 2]", "t.json:1:4: invalid JSON near '? 2]'"},
    {"\xff\xfe{\0\"\0", "UTF-16LE text; JSON must be UTF-8"},
};

START_TEST(test_errors)
{
	const fc_host *h = fc_host_table();
	const char *t = bad[_i].text;
	size_t len = strlen(t);
	fc_error err;

	if (t[0] == '\xff')
		len = 6;
	fc_error_clear(&err);
	ck_assert_ptr_null(h->json_parse("t.json", t, len, &err));
	ck_assert_int_eq(err.code, FC_ERR_PARSE);
	ck_assert_msg(strstr(err.msg, bad[_i].expect) != NULL,
		      "%s: expected '%s' in: %s", t, bad[_i].expect, err.msg);
}
END_TEST

/* Builds `depth` nested arrays around a 1. The caller frees it. */
static char *nested(size_t depth, size_t *len)
{
	char *s = malloc(2 * depth + 2);

	ck_assert_ptr_nonnull(s);
	memset(s, '[', depth);
	s[depth] = '1';
	memset(s + depth + 1, ']', depth);
	s[2 * depth + 1] = 0;
	*len = 2 * depth + 1;
	return s;
}

/* Nesting: what the core's own JSON takes is taken; deeper is refused
 * with a message that says why, however deep (no stack overflow). */
START_TEST(test_nesting)
{
	const fc_host *h = fc_host_table();
	static const size_t deep[] = {1001, 5000, 1000000};
	fc_error err;
	size_t len;
	char *s = nested(500, &len);
	fc_value *v = h->json_parse("deep", s, len, &err);

	ck_assert_ptr_nonnull(v);
	h->json_free(v);
	free(s);
	for (size_t i = 0; i < FC_ARRAY_LEN(deep); i++) {
		s = nested(deep[i], &len);
		fc_error_clear(&err);
		ck_assert_ptr_null(h->json_parse("deep", s, len, &err));
		ck_assert_msg(strstr(err.msg, "deep:1:") &&
				  strstr(err.msg, "nested too deeply"),
			      "%s", err.msg);
		/* Open brackets only, never closed. */
		s[deep[i]] = 0;
		ck_assert_ptr_null(h->json_parse("deep", s, deep[i], &err));
		free(s);
	}
}
END_TEST

/* A buffer of exactly `len` bytes, no NUL after it: the parser must not
 * read past the end (AddressSanitizer builds see it if it does). */
static fc_value *parse_exact(const char *text, size_t len, fc_error *err)
{
	char *copy = malloc(len ? len : 1);
	fc_value *v;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, text, len);
	v = fc_host_table()->json_parse("x", copy, len, err);
	free(copy);
	return v;
}

/* Every prefix of a document: a proper prefix is refused (but for the
 * few that are whole values), none crashes; NULs inside, bytes that are
 * not UTF-8, and the whole document parses. */
START_TEST(test_hostile)
{
	const fc_host *h = fc_host_table();
	static const char doc[] =
	    "{\"series\": [{\"day\": \"2023-11-05\", \"count\": 9770, "
	    "\"note\": \"\\u00e9\\\"\\\\\"}, [true, false, null, "
	    "-1.5e-3, 1e400, \"\xc3\x28 not utf-8\"]]}";
	static const char *const odd[] = {
	    "\"\\u0000 after a NUL\"", "[\"\\uZZZZ\"]", "[\"\\ud800\\u0041\"]",
	    "-", "1e", "[-]", "{\"a\":1,}", "[1,]", "{,}", "nul", "\"\\",
	    "[\"\\u12\"]", "{\"a\" 1}", "{1: 2}", "[" "\"\xed\xa0\x80\"]"};
	fc_error err;
	fc_value *v;

	for (size_t n = 0; n < sizeof(doc) - 1; n++) {
		v = parse_exact(doc, n, &err);
		ck_assert_msg(v == NULL, "prefix %zu parsed", n);
	}
	v = parse_exact(doc, sizeof(doc) - 1, &err);
	ck_assert_msg(v != NULL, "%s", err.msg);
	ck_assert_str_eq(
	    h->value_string(h->value_at(
		h->value_at(h->opt(v, "series"), 1), 5)),
	    "\xc3\x28 not utf-8");
	h->json_free(v);
	for (size_t i = 0; i < FC_ARRAY_LEN(odd); i++) {
		v = parse_exact(odd[i], strlen(odd[i]), &err);
		h->json_free(v);
	}
	/* NUL bytes in the middle of the text: not JSON, not a crash. */
	v = parse_exact("[1,\0 2]", 7, &err);
	ck_assert_ptr_null(v);
	/* No name, no text. */
	ck_assert_ptr_null(h->json_parse(NULL, "[", 1, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "JSON:1:"));
	ck_assert_ptr_null(h->json_parse("x", NULL, 0, &err));
}
END_TEST

/* Random damage to a document: thousands of variants, each parsed (or
 * refused) and freed; what parses is walked completely. */
static size_t walk(const fc_host *h, const fc_value *v, int depth)
{
	size_t n = 1;

	ck_assert_int_lt(depth, 1100);
	(void)h->value_string(v);
	(void)h->value_number(v);
	for (const fc_value *c = h->value_at(v, 0); c; c = h->value_next(c))
		n += walk(h, c, depth + 1);
	return n;
}

START_TEST(test_mutations)
{
	const fc_host *h = fc_host_table();
	static const char doc[] =
	    "{\"metrics\": [\"gaza.killed\", \"gaza.injured\"], \"series\": "
	    "[{\"day\": \"2023-11-05\", \"count\": 9770, \"ok\": true}, "
	    "{\"day\": \"2023-11-06\", \"count\": 1.0e4, \"n\": null}]}";
	static const char bytes[] = "{}[]\",:\\0123456789eE+-.tfnu \x00\xff";
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	char buf[sizeof(doc)];
	size_t parsed = 0;

	for (int round = 0; round < 20000; round++) {
		size_t len = sizeof(doc) - 1;
		fc_error err;
		fc_value *v;

		memcpy(buf, doc, sizeof(doc));
		for (int k = 0; k < 1 + round % 4; k++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			buf[seed % len] = bytes[(seed >> 32) % (sizeof(bytes) - 1)];
		}
		if (round % 3 == 0)
			len = (seed >> 16) % len;
		v = parse_exact(buf, len, &err);
		if (v) {
			parsed++;
			ck_assert_uint_gt(walk(h, v, 0), 0);
			h->json_free(v);
		} else {
			ck_assert_int_eq(err.code, FC_ERR_PARSE);
			ck_assert_ptr_nonnull(strstr(err.msg, "x"));
		}
	}
	/* Some variants stay JSON (a digit for a digit). */
	ck_assert_uint_gt(parsed, 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("host");
	TCase *tc = tcase_create("json");

	tcase_add_test(tc, test_layout);
	tcase_add_test(tc, test_accessors);
	tcase_add_loop_test(tc, test_errors, 0, (int)FC_ARRAY_LEN(bad));
	tcase_add_test(tc, test_nesting);
	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_mutations);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
