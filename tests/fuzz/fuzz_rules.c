/*
 * fuzz_rules.c: libFuzzer target for the rule-pack loader's claim frames
 * (plugins/checker_rules/frames_load.c, frames.c): a pack compiled, then
 * used.
 *
 * An input is one byte choosing what the pack is compiled with (alone,
 * after the shipped grammar pack, after the grammar and the gazetteer),
 * then the pack's JSON. A pack the compiler accepts is then used: its
 * measures' examples and counterexamples, and a few sentences of the
 * harness's own, are read with it, as `figcheck rules test` and a check
 * would. Every result must point at a figure of its text, with a rule,
 * and with a reason when it is not bound; a compiler that refuses a pack
 * must say why. A broken invariant aborts, which libFuzzer reports as a
 * crash; so do leaks, hangs and sanitizer reports.
 *
 * FUZZ_RULES_DIR (a compile-time string) is the tree's rules/ folder.
 * Built by tests/fuzz/build.sh, run by tests/fuzz/run.sh.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#include "frames.h"
#include "sentence.h"

#ifndef FUZZ_RULES_DIR
#error "build with -DFUZZ_RULES_DIR=\"/path/to/rules\""
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sentences every accepted pack reads, beside its own examples. */
static const char *const texts[] = {
    "Israeli strikes have killed 9,770 Palestinians in Gaza, including "
    "4,008 children, the health ministry said on Sunday.",
    "Ukraine, a country of about 38 million people, has lost 6,534 tanks "
    "since 2022. The toll rose to 1,200 on Tuesday.",
    "More than 400 people were injured, and nearly 40% of homes in 3 "
    "towns were destroyed -- a rise of 12 from last week.",
};

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "invariant broken: %s: %s\n", what, detail);
	abort();
}

static void h_sentence_at(const char *text, size_t len, size_t offset,
                          size_t *start, size_t *end)
{
	fc_sentence_at(text, len, offset, start, end);
}

static void h_set_bounds(fc_number *n, const fc_num_options *o)
{
	fc_number_set_bounds(n, o);
}

/* The shipped packs the fuzzed one may build on, read once. */
static cJSON *shipped[2];

static cJSON *read_pack(const char *name)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;
	cJSON *j;

	snprintf(path, sizeof(path), "%s/%s.json", FUZZ_RULES_DIR, name);
	f = fopen(path, "rb");
	if (!f)
		die("cannot open a shipped pack", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		die("cannot read a shipped pack", path);
	buf[n] = '\0';
	fclose(f);
	j = cJSON_Parse(buf);
	free(buf);
	if (!j)
		die("a shipped pack is not JSON", path);
	return j;
}

/* Reads `text` with the set and checks each result. */
static void read_text(const fr_set *s, const fc_host *host,
                      const fc_num_options *no, const char *text)
{
	fc_number_list nums = {0};
	fr_input in;
	fr_results out = {0};
	size_t len = strlen(text);

	if (len > 4096)
		return;
	if (fc_numbers_scan(text, len, no, &nums) != FC_OK)
		die("numbers", "scan failed");
	memset(&in, 0, sizeof(in));
	in.text = text;
	in.len = len;
	in.nums = &nums;
	in.host = host;
	in.nopts = no;
	in.explain = true;
	in.unrecognised = true;
	if (fr_check(s, &in, &out) != FC_OK)
		die("fr_check", "failed without running out of memory");
	for (size_t i = 0; i < out.n; i++) {
		const fr_result *r = &out.items[i];
		if (r->num >= nums.count)
			die("a result", "points past the figures");
		if (r->number.start < nums.items[r->num].start ||
		    r->number.end > len || r->number.start >= r->number.end)
			die("a result", "its figure is outside the text");
		if (r->sent_start > r->number.start || r->sent_end > len)
			die("a result", "its sentence does not hold its figure");
		if (r->metric && !r->metric[0])
			die("a result", "an empty metric");
		if (!r->metric && !r->unbound_reason)
			die("a result", "unbound without a reason");
		if (!r->unrecognised && !r->rule_id)
			die("a result", "read by no rule");
		if (!r->explain)
			die("a result", "no explanation though one was asked");
	}
	fr_results_free(&out);
	fc_number_list_free(&nums);
}

/* The texts of a measure's examples or counterexamples. */
static void read_examples(const fr_set *s, const fc_host *host,
                          const fc_num_options *no, const cJSON *list)
{
	const cJSON *e;
	int n = 0;

	cJSON_ArrayForEach(e, list)
	{
		const cJSON *t = cJSON_IsObject(e)
		                     ? cJSON_GetObjectItemCaseSensitive(e, "text")
		                     : e;
		if (n++ >= 16)
			break;
		if (cJSON_IsString(t))
			read_text(s, host, no, t->valuestring);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"grammar", "places"};
	fc_host host;
	fc_num_options no;
	fr_set *s;
	cJSON *pack;
	char msg[1024];
	fc_status rc = FC_OK;
	int with;

	if (size < 1 || size > 65536)
		return 0;
	if (!shipped[0])
		for (int i = 0; i < 2; i++)
			shipped[i] = read_pack(names[i]);
	with = data[0] % 3;
	pack = cJSON_ParseWithLength((const char *)data + 1, size - 1);
	if (!pack)
		return 0;
	memset(&host, 0, sizeof(host));
	host.abi = FC_PLUGIN_ABI;
	host.size = sizeof(host);
	host.sentence_at = h_sentence_at;
	host.number_set_bounds = h_set_bounds;
	fc_num_options_init(&no);
	s = fr_new();
	if (!s)
		die("fr_new", "out of memory");
	for (int i = 0; i < with && rc == FC_OK; i++) {
		msg[0] = '\0';
		rc = fr_add_pack(s, shipped[i], names[i], names[i], NULL, NULL,
		                 msg, sizeof(msg));
		if (rc)
			die("a shipped pack is refused", msg);
	}
	msg[0] = '\0';
	rc = fr_add_pack(s, pack, "fuzz", "fuzz.json", NULL, NULL, msg,
	                 sizeof(msg));
	if (rc == FC_OK)
		rc = fr_finish(s, msg, sizeof(msg));
	if (rc != FC_OK && rc != FC_ERR_CONFIG)
		die("the compiler", "failed otherwise than on the pack");
	if (rc == FC_ERR_CONFIG && !msg[0])
		die("the compiler", "refused a pack without a word");
	if (rc == FC_OK) {
		for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
			read_text(s, &host, &no, texts[i]);
		for (size_t m = 0; m < fr_measure_count(s); m++) {
			read_examples(s, &host, &no, fr_measure_examples(s, m));
			read_examples(s, &host, &no,
			              fr_measure_counterexamples(s, m));
		}
	}
	fr_free(s);
	cJSON_Delete(pack);
	return 0;
}
