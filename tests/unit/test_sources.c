/*
 * test_sources.c: sources end to end, through the engine, against the
 * loopback server: every way a remote source fails ends as a message
 * naming the source and the reason, and the claims that needed it come
 * out unverified with that reason; a warm cache sends nothing; --offline
 * gives the same findings; a stale copy stands in while the server is
 * down; two sources that disagree are both shown; the live example
 * configuration works against the same data served locally.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server.h"
#include "testutil.h"

#define GAZA "/files/examples/data/gaza-casualties-2023.json"
#define DRAFT "Gaza's health ministry said 9,770 people have been killed.\n"

static fcts *srv;
static char *tmp;
static fc_buf logbuf;

static void setup(void)
{
	srv = fcts_start(FC_SOURCE_DIR);
	ck_assert_ptr_nonnull(srv);
	tmp = tu_tmpdir();
	memset(&logbuf, 0, sizeof(logbuf));
}

static void teardown(void)
{
	fcts_stop(srv);
	srv = NULL;
	tu_rmdir(tmp);
	fc_buf_free(&logbuf);
}

/* A configuration with the gaza-moh source at `url` (a server path when
 * it starts with '/'); `fetch` replaces the default retries and timeout
 * in the "fetch" object; `extra` adds members to the source. Caller
 * frees. */
static char *config(const char *url, const char *fetch, const char *extra)
{
	char *full = url[0] == '/' ? fcts_url(srv, url) : fc_strdup(url);
	char *c = fc_asprintf(
	    "{\"date\": \"2023-11-05\", \"fail_on\": \"unverified\","
	    " \"checkers\": {\"rules\": {\"packs\": [\"casualties\"]}},"
	    " \"fetch\": {\"cache_dir\": \"%s/cache\", \"max_body\": 100000, "
	    "%s},"
	    " \"sources\": [{\"name\": \"gaza-moh\", \"plugin\": \"json\","
	    " \"url\": \"%s\", \"aliases\": [\"health ministry\"]%s%s,"
	    " \"options\": {\"date_field\": \"report_date\","
	    " \"metrics\": {\"killed_cum\": \"gaza.killed\"},"
	    " \"optional\": [\"killed_cum\"]}}]}",
	    tmp, fetch ? fetch : "\"retries\": 0, \"timeout\": 5", full,
	    extra ? ", " : "", extra ? extra : "");
	free(full);
	return c;
}

/* Opens and starts an engine over `cfg`; logs go to logbuf. */
static fc_engine *engine(const char *cfg, bool offline, fc_error *err)
{
	fc_engine_options o;
	fc_engine *eng = NULL;
	char *path = tu_write(tmp, "figcheck.json", cfg);
	fc_error e;

	if (!err)
		err = &e;
	fc_engine_options_init(&o);
	o.config_path = path;
	o.logger = tu_logger(&logbuf);
	o.logger.max_level = FC_LOG_WARNING;
	o.offline = offline;
	if (fc_engine_open(&o, &eng, err) == FC_OK &&
	    fc_engine_start(eng, FC_START_CHECKERS | FC_START_FETCH, err) !=
	        FC_OK) {
		fc_engine_free(eng);
		eng = NULL;
	}
	free(path);
	if (err == &e && !eng)
		ck_abort_msg("engine: %s", e.msg);
	return eng;
}

static const fc_finding *finding(const fc_doc_result *r, const char *text)
{
	for (size_t i = 0; i < r->n_findings; i++)
		if (strcmp(r->findings[i].text, text) == 0)
			return &r->findings[i];
	ck_abort_msg("no finding \"%s\" among %zu", text, r->n_findings);
	return NULL;
}

static const fc_source_info *source(const fc_engine *eng, const char *name)
{
	size_t n;
	const fc_source_info *s = fc_engine_sources(eng, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0)
			return &s[i];
	ck_abort_msg("no source %s", name);
	return NULL;
}

/* A port nobody listens on. */
static unsigned closed_port(void)
{
	unsigned port = fcts_closed_port();

	ck_assert_uint_ne(port, 0);
	return port;
}

/* ------------------------------------------------------------------ */
/* The fault matrix. */

static const struct {
	const char *name;
	const char *url; /* a server path, or a URL; "refused": a closed port */
	const char *fetch; /* more "fetch" settings */
	const char *why;   /* in the source's error and the claim's reason */
} faults[] = {
    {"connection refused", "refused", NULL, "could not connect"},
    {"name that does not resolve",
     "http://gaza-moh.figcheck-test.invalid/casualties.json", NULL,
     "the host name does not resolve"},
    {"timeout", "/delay/10000" GAZA, "\"retries\": 0, \"timeout\": 0.5",
     "timed out"},
    {"404", "/status/404", NULL, "the server answered HTTP 404 (Not Found)"},
    {"500 every time", "/fail/99/500" GAZA, "\"retries\": 1, \"timeout\": 5",
     "HTTP 500 (Internal Server Error) (tried 2 times)"},
    {"redirect loop", "/loop", NULL, "more than 5 redirects"},
    {"body over the limit", "/big/200000", NULL,
     "larger than the limit of 100,000 bytes"},
    {"truncated body", "/truncated", NULL, "the body was cut short"},
    {"gzip bomb", "/gzip/tests/data/sources/bomb.json.gz", NULL,
     "the limit holds after decompression"},
    {"not JSON", "/files/tests/data/sources/not-json.html", NULL,
     "not valid JSON (the body starts with \"<!DOCTYPE html>"},
    {"wrong shape", "/files/tests/data/sources/wrong-shape.json", NULL,
     "expected an array of records, found an object"},
};

START_TEST(test_fault)
{
	char url[256], *cfg;
	fc_engine *eng;
	fc_doc_result *r;
	const fc_finding *f;
	const fc_source_info *s;

	if (strcmp(faults[_i].url, "refused") == 0)
		snprintf(url, sizeof(url),
		         "http://127.0.0.1:%u/casualties.json", closed_port());
	else
		snprintf(url, sizeof(url), "%s", faults[_i].url);
	cfg = config(url, faults[_i].fetch, NULL);
	/* A remote source that fails is no error of the run. */
	eng = engine(cfg, false, NULL);
	s = source(eng, "gaza-moh");
	ck_assert_msg(!s->ok, "%s: the source did not fail", faults[_i].name);
	ck_assert_msg(strstr(s->error, faults[_i].why) != NULL,
	              "%s: expected \"%s\" in the source's error: %s",
	              faults[_i].name, faults[_i].why, s->error);
	/* Nothing usable came; or it came and could not be read. */
	ck_assert_str_eq(s->cache_state,
	                 strstr(faults[_i].name, "JSON") ||
	                         strstr(faults[_i].name, "shape")
	                     ? "fetched"
	                     : "missing");
	/* One warning names the source and the reason. */
	ck_assert_msg(strstr(logbuf.data, "source gaza-moh: ") != NULL &&
	                  strstr(logbuf.data, faults[_i].why) != NULL,
	              "%s: log: %s", faults[_i].name, logbuf.data);
	/* The claim that needed it is unverified, saying why. */
	r = tu_check(eng, "draft.txt", DRAFT);
	f = finding(r, "9,770");
	ck_assert_int_eq(f->verdict, FC_VERDICT_UNVERIFIED);
	ck_assert_msg(strstr(f->reason, "source gaza-moh failed") != NULL &&
	                  strstr(f->reason, faults[_i].why) != NULL,
	              "%s: reason: %s", faults[_i].name, f->reason);
	ck_assert_ptr_nonnull(strstr(f->message, "could not be verified"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
}
END_TEST

/* A csv source served an HTML page instead: the source fails, naming
 * what it found. */
START_TEST(test_fault_not_csv)
{
	char *url = fcts_url(srv, "/files/tests/data/sources/not-json.html");
	char *cfg = fc_asprintf(
	    "{\"date\": \"2023-11-05\", \"checkers\": {\"rules\": {\"packs\":"
	    " [\"casualties\"]}}, \"fetch\": {\"cache_dir\": \"%s/cache\"},"
	    " \"sources\": [{\"name\": \"gaza-moh\", \"plugin\": \"csv\","
	    " \"url\": \"%s\", \"options\": {\"date_field\": \"report_date\","
	    " \"metrics\": {\"killed_cum\": \"gaza.killed\"}}}]}",
	    tmp, url);
	fc_engine *eng = engine(cfg, false, NULL);
	fc_doc_result *r = tu_check(eng, "draft.txt", DRAFT);
	const fc_finding *f = finding(r, "9,770");
	const char *why =
	    "no column \"report_date\" in the header (it has "
	    "\"<!DOCTYPE html>\"); the body is an HTML page, not CSV";

	ck_assert(!source(eng, "gaza-moh")->ok);
	ck_assert_msg(strstr(logbuf.data, "source gaza-moh: ") &&
	                  strstr(logbuf.data, why),
	              "log: %s", logbuf.data);
	ck_assert_int_eq(f->verdict, FC_VERDICT_UNVERIFIED);
	ck_assert_msg(strstr(f->reason, why), "reason: %s", f->reason);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	free(url);
}
END_TEST

/* Transient failures that a retry cures are no finding at all. */
START_TEST(test_retries_cure)
{
	static const char *const paths[] = {"/fail/1/500" GAZA,
	                                    "/fail/1/429" GAZA};

	for (size_t k = 0; k < FC_ARRAY_LEN(paths); k++) {
		char *cfg =
		    config(paths[k], "\"retries\": 2, \"timeout\": 5", NULL);
		fc_engine *eng = engine(cfg, false, NULL);
		fc_doc_result *r = tu_check(eng, "draft.txt", DRAFT);
		const fc_finding *f = finding(r, "9,770");

		ck_assert_msg(f->verdict == FC_VERDICT_OK, "%s: %s", paths[k],
		              f->message);
		ck_assert(source(eng, "gaza-moh")->ok);
		fc_doc_result_free(r);
		fc_engine_free(eng);
		free(cfg);
	}
	ck_assert_uint_eq(fcts_count(srv, "/fail/"), 4);
}
END_TEST

/* Some records lack the mapped field, or have it as a string, or have
 * no readable date: those are skipped with one warning per cause that
 * names the source and the resource; the rest are used. */
START_TEST(test_partly_bad_records)
{
	char *url = fcts_url(srv, "/files/tests/data/sources/partly-bad.json");
	char *cfg = fc_asprintf(
	    "{\"date\": \"2023-11-06\", \"checkers\": {\"rules\": {\"packs\":"
	    " [\"casualties\"]}}, \"fetch\": {\"cache_dir\": \"%s/cache\"},"
	    " \"sources\": [{\"name\": \"gaza-moh\", \"plugin\": \"json\","
	    " \"url\": \"%s\", \"options\": {\"date_field\": \"report_date\","
	    " \"metrics\": {\"killed_cum\": \"gaza.killed\"}}}]}",
	    tmp, url);
	fc_engine *eng = engine(cfg, false, NULL);
	fc_doc_result *r = tu_check(
	    eng, "d.txt",
	    "Gaza's health ministry said 10,022 people have been killed.\n");

	ck_assert_int_eq(finding(r, "10,022")->verdict, FC_VERDICT_OK);
	ck_assert(source(eng, "gaza-moh")->ok);
	ck_assert_uint_eq(source(eng, "gaza-moh")->n_records, 4);
	ck_assert_msg(
	    strstr(logbuf.data, ":gaza-moh:") &&
	        strstr(logbuf.data, "partly-bad.json: 1 record has no value "
	                            "in field \"killed_cum\" (first: "
	                            "record 2 (/1))") &&
	        strstr(logbuf.data, "1 record has a value in field "
	                            "\"killed_cum\" that is not a number "
	                            "(first: record 3 (/2), ") &&
	        strstr(logbuf.data, "1 record has a date in field "
	                            "\"report_date\" that cannot be read as "
	                            "ISO 8601 (2023-11-05, 2023-11 or 2023); "
	                            "set \"date_format\" if it is written "
	                            "otherwise (first: record 4 (/3), \"5 "
	                            "November\"); skipped"),
	    "log: %s", logbuf.data);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	free(url);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The cache, through the engine. */

/* The verdicts and messages of a check, one line each. */
static char *summary(fc_engine *eng, const char *text)
{
	fc_doc_result *r = tu_check(eng, "draft.txt", text);
	fc_buf b = {0};

	for (size_t i = 0; i < r->n_findings; i++)
		fc_buf_printf(&b, "%s: %s\n",
		              fc_verdict_name(r->findings[i].verdict),
		              r->findings[i].message);
	fc_doc_result_free(r);
	return fc_buf_steal(&b);
}

#define THREE                                                                  \
	"Gaza's health ministry said 9,770 people have been killed.\n"         \
	"The death toll in Gaza rose to 9,485.\n"                              \
	"Gaza's health ministry said 9,900 people have been killed.\n"

/* A second run with a warm cache sends no request; --offline gives the
 * same findings as the online run, even with the server gone. */
START_TEST(test_warm_cache_and_offline)
{
	char *cfg = config(GAZA, NULL, "\"ttl\": \"1h\"");
	fc_engine *eng = engine(cfg, false, NULL);
	char *online = summary(eng, THREE), *again, *offline;
	size_t sent;

	ck_assert_str_eq(source(eng, "gaza-moh")->cache_state, "fetched");
	fc_engine_free(eng);
	sent = fcts_count(srv, NULL);
	ck_assert_uint_eq(sent, 1);

	eng = engine(cfg, false, NULL);
	ck_assert_uint_eq(fcts_count(srv, NULL), sent);
	ck_assert_str_eq(source(eng, "gaza-moh")->cache_state, "fresh");
	ck_assert(source(eng, "gaza-moh")->from_cache);
	ck_assert(source(eng, "gaza-moh")->cache_age >= 0);
	again = summary(eng, THREE);
	ck_assert_str_eq(again, online);
	fc_engine_free(eng);

	fcts_stop(srv);
	srv = NULL;
	eng = engine(cfg, true, NULL);
	ck_assert_str_eq(source(eng, "gaza-moh")->cache_state, "offline");
	offline = summary(eng, THREE);
	ck_assert_str_eq(offline, online);
	ck_assert_ptr_nonnull(strstr(online, "ok: "));
	ck_assert_ptr_nonnull(strstr(online, "discrepancy: "));
	fc_engine_free(eng);
	free(online);
	free(again);
	free(offline);
	free(cfg);
	srv = fcts_start(FC_SOURCE_DIR);
}
END_TEST

/* --offline with a cold cache names each source it could not serve. */
START_TEST(test_offline_cold)
{
	char *cfg = config(GAZA, NULL, NULL);
	fc_engine *eng = engine(cfg, true, NULL);
	fc_doc_result *r = tu_check(eng, "draft.txt", DRAFT);
	const fc_finding *f = finding(r, "9,770");

	ck_assert_uint_eq(fcts_count(srv, NULL), 0);
	ck_assert_msg(strstr(logbuf.data, "source gaza-moh: ") &&
	                  strstr(logbuf.data, "--offline reads only the cache"),
	              "log: %s", logbuf.data);
	ck_assert_int_eq(f->verdict, FC_VERDICT_UNVERIFIED);
	ck_assert_ptr_nonnull(strstr(f->reason, "not in the cache"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
}
END_TEST

/* An entry older than the ttl, and the server down: the stale copy is
 * used, the claim verified, and a warning says so. */
START_TEST(test_stale_while_down)
{
	char *cfg = config(GAZA, NULL, "\"ttl\": 0");
	fc_engine *eng = engine(cfg, false, NULL);
	fc_doc_result *r;

	fc_engine_free(eng);
	fcts_stop(srv);
	srv = NULL;
	eng = engine(cfg, false, NULL);
	ck_assert(source(eng, "gaza-moh")->ok);
	ck_assert_str_eq(source(eng, "gaza-moh")->cache_state, "stale");
	ck_assert_msg(strstr(logbuf.data, ":gaza-moh:") &&
	                  strstr(logbuf.data, "could not connect") &&
	                  strstr(logbuf.data, "using the cached copy of"),
	              "log: %s", logbuf.data);
	r = tu_check(eng, "draft.txt", DRAFT);
	ck_assert_int_eq(finding(r, "9,770")->verdict, FC_VERDICT_OK);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	srv = fcts_start(FC_SOURCE_DIR);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Several sources. */

/* Two sources give the toll; on 2023-11-05 they disagree. The finding
 * shows the other source's record and says they disagree. */
START_TEST(test_two_sources_disagree)
{
	char *url = fcts_url(srv, GAZA);
	char *cfg = fc_asprintf(
	    "{\"date\": \"2023-11-05\", \"checkers\": {\"rules\": {\"packs\":"
	    " [\"casualties\"]}}, \"fetch\": {\"cache_dir\": \"%s/cache\"},"
	    " \"sources\": [{\"name\": \"gaza-moh\", \"plugin\": \"json\","
	    " \"url\": \"%s\", \"options\": {\"date_field\": \"report_date\","
	    " \"metrics\": {\"killed_cum\": \"gaza.killed\"}, \"optional\":"
	    " [\"killed_cum\"]}},"
	    " {\"name\": \"other-agency\", \"plugin\": \"csv\", \"path\":"
	    " \"%s/tests/data/sources/other-agency.csv\", \"options\":"
	    " {\"metrics\": {\"deaths\": \"gaza.killed\"}}}]}",
	    tmp, url, FC_SOURCE_DIR);
	fc_engine *eng = engine(cfg, false, NULL);
	fc_doc_result *r = tu_check(eng, "draft.txt",
	                            "The death toll in Gaza rose to 9,770.\n");
	const fc_finding *f = finding(r, "9,770");

	ck_assert_ptr_nonnull(f->record);
	ck_assert_uint_eq(f->n_others, 1);
	ck_assert_str_ne(f->others[0]->source, f->record->source);
	ck_assert_msg(strstr(f->reason, "sources disagree on 2023-11-05") !=
	                  NULL,
	              "reason: %s", f->reason);
	fc_doc_result_free(r);
	/* A day they agree: both shown, no disagreement. */
	r = tu_check(eng, "draft.md",
	             "---\ndate: 2023-11-06\n---\nThe death toll in Gaza rose "
	             "to 10,022.\n");
	f = finding(r, "10,022");
	ck_assert_int_eq(f->verdict, FC_VERDICT_OK);
	ck_assert_uint_eq(f->n_others, 1);
	ck_assert_ptr_null(strstr(f->reason, "disagree"));
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	free(url);
}
END_TEST

/* The live configuration of examples/ (the daily casualties API), with
 * its URL pointed at the same dataset served locally: the bundled draft
 * gets its three findings. */
START_TEST(test_live_example_config)
{
	char *path = fc_asprintf("%s/examples/gaza-live.json", FC_SOURCE_DIR);
	char *draft =
	    fc_asprintf("%s/examples/gaza-2023-11-05.md", FC_SOURCE_DIR);
	char *text, *url = fcts_url(srv, GAZA), *out, *dtext;
	size_t len;
	fc_error err;
	cJSON *root, *src, *fetch;
	bool replaced = false;
	fc_engine *eng;
	fc_doc_result *r;

	ck_assert_int_eq(fc_read_file(path, 0, &text, &len, &err), FC_OK);
	root = cJSON_Parse(text);
	ck_assert_ptr_nonnull(root);
	cJSON_ArrayForEach(src, cJSON_GetObjectItem(root, "sources"))
	{
		cJSON *u = cJSON_GetObjectItem(src, "url");
		cJSON *p = cJSON_GetObjectItem(src, "path");
		if (u &&
		    strncmp(u->valuestring,
		            "https://data.techforpalestine.org/", 34) == 0) {
			cJSON_ReplaceItemInObject(src, "url",
			                          cJSON_CreateString(url));
			replaced = true;
		}
		if (p) {
			char *abs = fc_asprintf("%s/examples/%s", FC_SOURCE_DIR,
			                        p->valuestring);
			cJSON_ReplaceItemInObject(src, "path",
			                          cJSON_CreateString(abs));
			free(abs);
		}
	}
	ck_assert_msg(replaced, "examples/gaza-live.json has no live API URL");
	fetch = cJSON_GetObjectItem(root, "fetch");
	{
		char *cd = fc_asprintf("%s/cache", tmp);
		cJSON_AddStringToObject(fetch, "cache_dir", cd);
		free(cd);
	}
	out = cJSON_Print(root);
	eng = engine(out, false, NULL);
	ck_assert(source(eng, "gaza-moh")->ok);
	ck_assert_uint_gt(source(eng, "gaza-moh")->n_records, 300);
	ck_assert_int_eq(fc_read_file(draft, 0, &dtext, &len, &err), FC_OK);
	r = tu_check(eng, "gaza-2023-11-05.md", dtext);
	ck_assert_int_eq(finding(r, "9,770")->verdict, FC_VERDICT_OK);
	ck_assert_int_eq(finding(r, "more than 1,400")->verdict, FC_VERDICT_OK);
	ck_assert_int_eq(finding(r, "4,800")->verdict, FC_VERDICT_DISCREPANCY);
	ck_assert_double_eq(finding(r, "4,800")->record->rec.value, 4008);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(dtext);
	free(out);
	cJSON_Delete(root);
	free(text);
	free(url);
	free(draft);
	free(path);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The csv and json plugins on their own, through the real loader. */

#include "host.h"

/* Parses `text` with a new instance of source plugin `plugin` with
 * `options` (JSON). Returns the records as "metric date value" lines, or
 * "error: MESSAGE". Warnings go to logbuf. */
static char *parse_with(const char *plugin, const char *options,
                        const char *text, size_t len)
{
	fc_engine *eng =
	    tu_engine(tmp, "{\"checkers\": {\"rules\": false}}", &logbuf);
	const fc_loaded_plugin *p =
	    fc_plugins_find(fc_engine_plugins(eng), FC_PLUGIN_SOURCE, plugin);
	cJSON *opts = cJSON_Parse(options);
	fc_plugin_ctx *ctx = NULL;
	fc_record_sink sink;
	fc_store store;
	fc_resource res;
	fc_error err;
	fc_buf out = {0};
	fc_status rc;

	ck_assert_ptr_nonnull(p);
	ck_assert_msg(opts != NULL, "bad options in the test: %s", options);
	rc = fc_instance_new(fc_engine_host_env(eng), p, "src", opts, "sources[0].options", &ctx,
	                     &err);
	if (rc != FC_OK) {
		fc_buf_printf(&out, "config: %s", err.msg);
		goto done;
	}
	memset(&sink, 0, sizeof(sink));
	memset(&store, 0, sizeof(store));
	sink.ctx = ctx;
	sink.store = &store;
	sink.source = "src";
	sink.num = fc_engine_num_options(eng);
	memset(&res, 0, sizeof(res));
	res.url = "t.data";
	res.body = text;
	res.len = len;
	fc_error_clear(&err);
	rc = p->desc->source.parse(ctx->state, &res, &sink, &err);
	if (rc != FC_OK) {
		fc_buf_printf(&out, "error: %s", err.msg);
	} else {
		/* The records in the order the plugin gave them, each with
		 * its period when it is not a day, and its qualifier. */
		for (size_t i = 0; i < fc_store_count(&store); i++) {
			fc_ref r;
			char d[11], v[64];
			fc_store_ref(&store, i, &r);
			fc_format_value(r.rec.value, false, 3, v, sizeof(v));
			fc_buf_printf(
			    &out, "%s %s%s%s %s%s%s%s%s\n", r.rec.metric,
			    fc_date_format(r.rec.date, d),
			    r.rec.period ? "/" : "",
			    r.rec.period ? fc_period_name(r.rec.period) : "",
			    r.rec.qualifier ? fc_qualifier_name(r.rec.qualifier)
			                    : "",
			    r.rec.qualifier ? " " : "", v,
			    r.rec.note ? " | " : "",
			    r.rec.note ? r.rec.note : "");
		}
	}
	fc_record_sink_clear(&sink);
	fc_store_free(&store);
done:
	fc_instance_free(ctx);
	cJSON_Delete(opts);
	fc_engine_free(eng);
	return fc_buf_steal(&out);
}

static const struct {
	const char *options;
	const char *text;
	const char *want; /* records, or the start of "error: ..." */
	const char *log;  /* a warning that must be logged, or NULL */
} csv_cases[] = {
    /* Wide, the simplest. */
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}",
     "date,killed\n2023-11-05,9770\n", "gaza.killed 2023-11-05 9770\n", NULL},
    /* A byte order mark, CRLF, no final line end. */
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}",
     "\xEF\xBB\xBF"
     "date,killed\r\n2023-11-04,9485\r\n2023-11-05,9770",
     "gaza.killed 2023-11-04 9485\ngaza.killed 2023-11-05 9770\n", NULL},
    /* Quoted fields: delimiters, quotes and line breaks inside; spaces
     * around cells; a quoted header name. */
    {"{\"metrics\": {\"Killed, total\": \"gaza.killed\"}, \"note_field\": "
     "\"note\"}",
     "date, \"Killed, total\" ,note\n"
     "2023-11-05,\"9,770\",\"MoH, \"\"daily\"\"\nreport\"\n",
     "gaza.killed 2023-11-05 9770 | MoH, \"daily\"\nreport\n", NULL},
    /* Thousands separators, decimals, signs; a bad grouping is refused. */
    {"{\"metrics\": {\"a\": \"x.a\"}}",
     "date,a\n2023-11-01,\"1,234,567\"\n2023-11-02,12.5\n2023-11-03,-3\n"
     "2023-11-04,\"97,70\"\n2023-11-05,1 000\n",
     "x.a 2023-11-01 1234567\nx.a 2023-11-02 12.5\nx.a 2023-11-03 -3\n",
     "2 rows have a value in column \"a\" that is not a number (first: line 5, "
     "\"97,70\")"},
    /* European figures: ';' between fields, '.' between thousands. */
    {"{\"metrics\": {\"a\": \"x.a\"}, \"delimiter\": \";\","
     " \"thousands_separator\": \".\", \"decimal_separator\": \",\"}",
     "date;a\n2023-11-05;9.770\n2023-11-06;1.234,5\n",
     "x.a 2023-11-05 9770\nx.a 2023-11-06 1234.5\n", NULL},
    /* Long layout with a template; a name that makes no key is refused
     * with a warning; an empty value is a gap. */
    {"{\"date_field\": \"date\", \"metric_field\": \"indicator\","
     " \"value_field\": \"value\", \"metric_template\": \"gaza.{metric}\","
     " \"delimiter\": \";\", \"thousands_separator\": \".\","
     " \"decimal_separator\": \",\"}",
     NULL, /* tests/data/sources/long.csv */
     "gaza.killed 2023-11-04 9485\ngaza.injured 2023-11-04 24158\n"
     "gaza.killed 2023-11-05 9770\ngaza.injured 2023-11-05 24808\n"
     "gaza.killed 2023-11-06 10022\n",
     "\"gaza.killed children\" (first: line 6) is not a usable metric key"},
    /* Long layout, names mapped; others ignored. */
    {"{\"metric_field\": \"m\", \"value_field\": \"v\","
     " \"metrics\": {\"deaths\": \"gaza.killed\"}}",
     "date,m,v\n2023-11-05,deaths,9770\n2023-11-05,injuries,24808\n",
     "gaza.killed 2023-11-05 9770\n", NULL},
    /* Long, a list of the names to read, keys through the template. */
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", \"metrics\": "
     "[\"killed\"],"
     " \"metric_template\": \"gaza.{metric}\"}",
     "date,m,v\n2023-11-05,killed,9770\n2023-11-05,injured,24808\n",
     "gaza.killed 2023-11-05 9770\n", NULL},
    /* Filters. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}, \"filter\": {\"src\": "
     "[\"mohtel\", \"gmotel\"]}}",
     "date,src,k\n2023-11-04,missing,1\n2023-11-05,mohtel,9770\n2023-11-06,"
     "gmotel,10022\n",
     "gaza.killed 2023-11-05 9770\ngaza.killed 2023-11-06 10022\n", NULL},
    /* skip_rows, blank lines, a date format. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}, \"skip_rows\": 1,"
     " \"date_format\": \"%d/%m/%Y\"}",
     "Casualties, as reported\n\ndate,k\n\n05/11/2023,9770\n\n",
     "gaza.killed 2023-11-05 9770\n", NULL},
    /* Trailing empty fields are fine; a short row is not. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}",
     "date,k\n2023-11-05,9770,,\n2023-11-06\n2023-11-07,1,2\n",
     "gaza.killed 2023-11-05 9770\n",
     "2 rows skipped: not as many fields as the header's 2 (first: line 3, "
     "which has 1)"},
    /* A quote after a closing quote; a quote inside a plain field. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}, \"note_field\": \"n\"}",
     "date,k,n\n2023-11-05,9770,\"a\"b\n2023-11-06,10022,5\" screen\n",
     "gaza.killed 2023-11-06 10022 | 5\" screen\n",
     "1 row skipped: text after a closing quote (first: line 2)"},
    /* A quote never closed: the rest is skipped, with a warning. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}",
     "date,k\n2023-11-05,9770\n2023-11-06,\"10022\n2023-11-07,10328\n",
     "gaza.killed 2023-11-05 9770\n",
     "t.data:3: a quoted field is never closed"},
    /* Unreadable dates and empty cells, counted. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}",
     "date,k\n5 Nov,9770\n,1\n2023-11-06,\n2023-11-07,10328\n",
     "gaza.killed 2023-11-07 10328\n",
     "1 row has a date in column \"date\" that cannot be read as ISO 8601 "
     "(2023-11-05, 2023-11 or 2023); set \"date_format\" if it is written "
     "otherwise (first: line 2, \"5 Nov\")"},
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}",
     "date,k\n2023-11-06,\n2023-11-07,10328\n",
     "gaza.killed 2023-11-07 10328\n",
     "1 row has no value in column \"k\" (first: line 2): no gaza.killed for "
     "those dates"},
    /* Errors of the resource. */
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}",
     "date,deaths\n2023-11-05,9770\n",
     "error: t.data:1: no column \"killed\" in the header (it has \"date\", "
     "\"deaths\")",
     NULL},
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}",
     "<!DOCTYPE html>\n<html><body>Bad Gateway</body></html>\n",
     "error: t.data:1: no column \"date\"", NULL},
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}", "",
     "error: t.data: no header row", NULL},
    {"{\"metrics\": {\"killed\": \"gaza.killed\"}}",
     "date,killed,killed\n1,2,3\n",
     "error: t.data:1: the header names column \"killed\" twice (columns 2 and "
     "3)",
     NULL},
    /* Configuration errors, with their path. */
    {"{}", "",
     "config: source src: sources[0].options.metrics: missing; the csv plugin needs "
     "it",
     NULL},
    {"{\"metric_field\": \"m\"}", "",
     "config: source src: sources[0].options: the long layout needs both", NULL},
    {"{\"metrics\": {\"k\": \"x\"}, \"delimiter\": \"ab\"}", "",
     "config: source src: sources[0].options.delimiter: expected one character", NULL},
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", \"metric_template\": "
     "\"gaza\"}",
     "",
     "config: source src: sources[0].options.metric_template: \"gaza\" does not say "
     "where",
     NULL},
};

START_TEST(test_csv)
{
	char *text = NULL, *got;
	size_t len;

	if (csv_cases[_i].text) {
		text = fc_strdup(csv_cases[_i].text);
		len = strlen(text);
	} else {
		char *p = fc_asprintf("%s/tests/data/sources/long.csv",
		                      FC_SOURCE_DIR);
		fc_error err;
		ck_assert_int_eq(fc_read_file(p, 0, &text, &len, &err), FC_OK);
		free(p);
	}
	got = parse_with("csv", csv_cases[_i].options, text, len);
	if (strncmp(csv_cases[_i].want, "error: ", 7) == 0 ||
	    strncmp(csv_cases[_i].want, "config: ", 8) == 0)
		ck_assert_msg(strncmp(got, csv_cases[_i].want,
		                      strlen(csv_cases[_i].want)) == 0,
		              "case %d: expected \"%s\", got \"%s\"", _i,
		              csv_cases[_i].want, got);
	else
		ck_assert_msg(strcmp(got, csv_cases[_i].want) == 0,
		              "case %d: expected:\n%sgot:\n%s", _i,
		              csv_cases[_i].want, got);
	if (csv_cases[_i].log)
		ck_assert_msg(
		    logbuf.data && strstr(logbuf.data, csv_cases[_i].log),
		    "case %d: expected the warning \"%s\" in: %s", _i,
		    csv_cases[_i].log, logbuf.data ? logbuf.data : "");
	free(got);
	free(text);
}
END_TEST

/* A NUL byte: not CSV text. */
START_TEST(test_csv_nul)
{
	char *got = parse_with("csv", "{\"metrics\": {\"k\": \"x\"}}",
	                       "date,k\n\0\n", 10);

	ck_assert_msg(
	    strstr(got, "not CSV text: it holds a NUL byte (at byte 7)"), "%s",
	    got);
	free(got);
}
END_TEST

/* The wide fixture: BOM, CRLF, quoted figures with separators, a note
 * over two lines, and each kind of bad row. */
START_TEST(test_csv_fixture)
{
	char *p = fc_asprintf("%s/tests/data/sources/wide.csv", FC_SOURCE_DIR);
	char *text, *got;
	size_t len;
	fc_error err;

	ck_assert_int_eq(fc_read_file(p, 0, &text, &len, &err), FC_OK);
	got =
	    parse_with("csv",
	               "{\"date_field\": \"Date\", \"note_field\": \"Note\","
	               " \"metrics\": {\"Killed, cumulative\": \"gaza.killed\","
	               " \"Children killed\": \"gaza.killed.children\"},"
	               " \"optional\": [\"Children killed\"]}",
	               text, len);
	ck_assert_str_eq(
	    got, "gaza.killed 2023-11-04 9485\n"
	         "gaza.killed.children 2023-11-04 3900\n"
	         "gaza.killed 2023-11-05 9770 | Ministry of Health, "
	         "Telegram; the \"daily report\"\r\nwith a second line\n"
	         "gaza.killed.children 2023-11-05 4008 | Ministry of "
	         "Health, Telegram; the \"daily report\"\r\nwith a second "
	         "line\n"
	         "gaza.killed 2023-11-06 10022 | Government Media Office\n"
	         "gaza.killed 2023-11-07 10328\n"
	         "gaza.killed.children 2023-11-08 4324\n");
	ck_assert_msg(
	    strstr(logbuf.data, ":src:t.data: 1 row skipped: not as "
	                        "many fields as the header's 6 (first: "
	                        "line 9, which has 3)") &&
	        strstr(logbuf.data, "1 row has a value in column "
	                            "\"Killed, cumulative\" that is not a "
	                            "number (first: line 7, \"10,5,69\")") &&
	        strstr(logbuf.data, "(first: line 8, \"9 November\")"),
	    "log: %s", logbuf.data);
	free(got);
	free(text);
	free(p);
}
END_TEST

static const struct {
	const char *options;
	const char *text;
	const char *want;
	const char *log;
} json_cases[] = {
    /* Wide, an array at the top. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}",
     "[{\"date\": \"2023-11-05\", \"k\": 9770}]",
     "gaza.killed 2023-11-05 9770\n", NULL},
    /* An object keyed by date, records under a JSON Pointer, nested
     * fields. */
    {"{\"records\": \"/data/by_day\", \"keyed_by_date\": true,"
     " \"metrics\": {\"/counts/killed\": \"gaza.killed\"}}",
     "{\"data\": {\"by_day\": {\"2023-11-05\": {\"counts\": {\"killed\": "
     "9770}},"
     " \"2023-11-06\": {\"counts\": {\"killed\": 10022}}}}}",
     "gaza.killed 2023-11-05 9770\ngaza.killed 2023-11-06 10022\n", NULL},
    /* Filters in a set, on strings and on numbers. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}, \"filter\": {\"src\": "
     "[\"mohtel\","
     " \"gmotel\"], \"period\": \"24\"}}",
     "[{\"date\": \"2023-11-04\", \"src\": \"missing\", \"period\": 24, \"k\": "
     "1},"
     " {\"date\": \"2023-11-05\", \"src\": \"mohtel\", \"period\": 24, \"k\": "
     "9770},"
     " {\"date\": \"2023-11-06\", \"src\": \"gmotel\", \"period\": 48, \"k\": "
     "2}]",
     "gaza.killed 2023-11-05 9770\n", NULL},
    /* A list of names is for the long layout. */
    {"{\"metrics\": [\"killed\", \"injured\"]}", "",
     "config: source src: sources[0].options.metrics: expected an object, found an "
     "array",
     NULL},
    /* Long layout: one record per metric, the key from a template; a
     * name that gives no usable key is skipped with a warning. */
    {"{\"records\": \"/data\", \"metric_field\": \"metric\", \"value_field\":"
     " \"value\", \"metric_template\": \"gaza.{metric}\"}",
     "{\"data\": [{\"date\": \"2023-11-05\", \"metric\": \"killed\", "
     "\"value\": 9770},"
     " {\"date\": \"2023-11-05\", \"metric\": \"injured\", \"value\": 24808},"
     " {\"date\": \"2023-11-05\", \"metric\": \"killed children\", \"value\": "
     "4008},"
     " {\"date\": \"2023-11-06\", \"metric\": \"killed\"},"
     " {\"date\": \"2023-11-06\", \"metric\": 3, \"value\": 1},"
     " {\"date\": \"2023-11-06\", \"metric\": \"injured\", \"value\": "
     "\"25,000\"}]}",
     "gaza.killed 2023-11-05 9770\ngaza.injured 2023-11-05 24808\n"
     "gaza.3 2023-11-06 1\n",
     "1 record skipped: \"gaza.killed children\" (first: record 3 "
     "(/data/2)) is not a usable metric key"},
    {"{\"records\": \"/data\", \"metric_field\": \"metric\", \"value_field\":"
     " \"value\", \"metric_template\": \"gaza.{metric}\"}",
     "{\"data\": [{\"date\": \"2023-11-05\", \"metric\": \"killed\", "
     "\"value\": 9770}, {\"date\": \"2023-11-06\", \"metric\": \"killed\"}]}",
     "gaza.killed 2023-11-05 9770\n",
     "1 record has no value in field \"value\" (first: record 2 (/data/1)); "
     "skipped"},
    {"{\"records\": \"/data\", \"metric_field\": \"metric\", \"value_field\":"
     " \"value\", \"metric_template\": \"gaza.{metric}\"}",
     "{\"data\": [{\"date\": \"2023-11-06\", \"metric\": \"injured\", "
     "\"value\": \"25,000\"}]}",
     "error: t.data: no records: none of the 1 records gave one; 1 record has "
     "a value in field \"value\" that is not a number (first: record 1 "
     "(/data/0), \"25,000\"); skipped",
     NULL},
    /* Long layout, names mapped: others ignored. */
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", \"metrics\":"
     " {\"killed_children\": \"gaza.killed.children\"}}",
     "[{\"date\": \"2023-11-05\", \"m\": \"killed_children\", \"v\": 4008},"
     " {\"date\": \"2023-11-05\", \"m\": \"killed\", \"v\": 9770}]",
     "gaza.killed.children 2023-11-05 4008\n", NULL},
    /* Errors of the resource. */
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}", "{\"error\": \"rate limited\"}",
     "error: t.data: expected an array of records, found an object", NULL},
    {"{\"metrics\": {\"k\": \"gaza.killed\"}}", "date,k\n2023-11-05,9770\n",
     "error: t.data:1:1: not valid JSON (the body starts with \"date,k?2023",
     NULL},
    {"{\"metrics\": {\"k\": \"gaza.killed\"}, \"records\": \"/data\"}", "{}",
     "error: t.data: nothing at JSON Pointer \"/data\"", NULL},
    /* Configuration errors. */
    {"{}", "",
     "config: source src: sources[0].options.metrics: missing; the json plugin needs "
     "it",
     NULL},
    {"{\"metrics\": \"k\"}", "",
     "config: source src: sources[0].options.metrics: expected an object", NULL},
    {"{\"value_field\": \"v\"}", "",
     "config: source src: sources[0].options: the long layout needs both", NULL},
    {"{\"metric_field\": \"m\", \"value_field\": \"v\", \"metric_template\": "
     "\"k\"}",
     "",
     "config: source src: sources[0].options.metric_template: \"k\" does not say "
     "where",
     NULL},
};

START_TEST(test_json)
{
	char *got =
	    parse_with("json", json_cases[_i].options, json_cases[_i].text,
	               strlen(json_cases[_i].text));

	if (strncmp(json_cases[_i].want, "error: ", 7) == 0 ||
	    strncmp(json_cases[_i].want, "config: ", 8) == 0)
		ck_assert_msg(strncmp(got, json_cases[_i].want,
		                      strlen(json_cases[_i].want)) == 0,
		              "case %d: expected \"%s\", got \"%s\"", _i,
		              json_cases[_i].want, got);
	else
		ck_assert_msg(strcmp(got, json_cases[_i].want) == 0,
		              "case %d: expected:\n%sgot:\n%s", _i,
		              json_cases[_i].want, got);
	if (json_cases[_i].log)
		ck_assert_msg(
		    logbuf.data && strstr(logbuf.data, json_cases[_i].log),
		    "case %d: expected the warning \"%s\" in: %s", _i,
		    json_cases[_i].log, logbuf.data ? logbuf.data : "");
	free(got);
}
END_TEST

/* The long-format fixture through the engine, served over HTTP: records
 * nested under /data, one per metric, keys from a template. */
START_TEST(test_json_long_over_http)
{
	char *url = fcts_url(srv, "/files/tests/data/sources/long.json");
	char *cfg = fc_asprintf(
	    "{\"date\": \"2023-11-05\", \"checkers\": {\"rules\": {\"packs\":"
	    " [\"casualties\"]}}, \"fetch\": {\"cache_dir\": \"%s/cache\"},"
	    " \"sources\": [{\"name\": \"long\", \"plugin\": \"json\","
	    " \"url\": \"%s\", \"options\": {\"records\": \"/data\","
	    " \"metric_field\": \"metric\", \"value_field\": \"value\","
	    " \"metric_template\": \"gaza.{metric}\","
	    " \"filter\": {\"publisher\": \"mohtel\"}}}]}",
	    tmp, url);
	fc_engine *eng = engine(cfg, false, NULL);
	fc_doc_result *r = tu_check(eng, "draft.txt", DRAFT);

	ck_assert_int_eq(finding(r, "9,770")->verdict, FC_VERDICT_OK);
	/* Three metrics of 6 days; 2023-11-06 (gmotel) filtered out. */
	ck_assert_uint_eq(source(eng, "long")->n_records, 18);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	free(url);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The mapping both sources share (issue 10): metric keys made from
 * fields, nested records, periods, qualifiers as sources publish them,
 * renamed and summed fields, gaps; warnings that number records from 1
 * (with a JSON Pointer) and lines; a resource that gives nothing. Each
 * case: plugin, options, text, the records (or "error: ..."), a warning
 * that must be logged, and a text that must not be. */

#define WB_ROW(code, date, value)                                              \
	"{\"indicator\": {\"id\": \"SP.POP.TOTL\", \"value\": \"Population, "   \
	"total\"}, \"country\": {\"id\": \"XX\", \"value\": \"X\"}, "           \
	"\"countryiso3code\": \"" code "\", \"date\": \"" date "\", \"value\": " \
	value ", \"unit\": \"\", \"obs_status\": \"\", \"decimal\": 0}"
#define WB_META                                                                \
	"{\"page\": 1, \"pages\": 1, \"per_page\": 20000, \"total\": 4, "       \
	"\"sourceid\": \"2\", \"lastupdated\": \"2025-07-01\"}"

static const struct {
	const char *plugin;
	const char *options;
	const char *text;
	const char *want;
	const char *log;    /* must be logged, or NULL */
	const char *no_log; /* must not be logged, or NULL */
} mapping_cases[] = {
    /* 0. Long CSV, one row per (entity, year): the key from a template
     * over a column, lower case, WLD recoded; a year's record placed at
     * the year's end. */
    {"csv",
     "{\"date_field\": \"Year\", \"date_format\": \"%Y\", \"value_field\": "
     "\"Value\", \"metric_template\": \"{Country Code|lower}.population\", "
     "\"recode\": {\"Country Code\": {\"WLD\": \"world\"}}}",
     "Country Name,Country Code,Year,Value\nUkraine,UKR,2023,37732836\n"
     "World,WLD,2023,8064057930\n\"Bahamas, The\",BHS,2022,400000\n",
     "ukr.population 2023-12-31/year 37732836\n"
     "world.population 2023-12-31/year 8064057930\n"
     "bhs.population 2022-12-31/year 400000\n",
     NULL, "warning"},
    /* 1. (entity, indicator, date): both in the key. */
    {"csv",
     "{\"metric_field\": \"Indicator\", \"value_field\": \"Value\", "
     "\"metric_template\": \"{Country|lower}.{metric}\"}",
     "date,Country,Indicator,Value\n2023-11-05,GAZA,killed,9770\n"
     "2023-11-05,ISRAEL,killed,1400\n",
     "gaza.killed 2023-11-05 9770\nisrael.killed 2023-11-05 1400\n", NULL,
     NULL},
    /* 2. The World Bank's API: records the second element of the top
     * array ("1"), a year as date, null values and rows without a
     * country code skipped quietly when listed in "optional". */
    {"json",
     "{\"records\": \"1\", \"value_field\": \"value\", \"metric_template\": "
     "\"{countryiso3code|lower}.population\", \"recode\": "
     "{\"countryiso3code\": {\"WLD\": \"world\"}}, \"optional\": "
     "[\"value\", \"countryiso3code\"]}",
     "[" WB_META ", [" WB_ROW("UKR", "2024", "null") ", " WB_ROW(
         "UKR", "2023", "37732836") ", " WB_ROW("WLD", "2023",
                                               "8064057930") ", " WB_ROW("",
                                                                         "2023",
                                                                         "12"
                                                                         "3") "]]",
     "ukr.population 2023-12-31/year 37732836\n"
     "world.population 2023-12-31/year 8064057930\n",
     NULL, "warning"},
    /* 3. The same without "optional": one counted warning per cause,
     * the record numbered from 1 with its JSON Pointer. */
    {"json",
     "{\"records\": \"/1\", \"value_field\": \"value\", "
     "\"metric_template\": \"{countryiso3code|lower}.population\"}",
     "[" WB_META ", [" WB_ROW("UKR", "2024", "null") ", " WB_ROW(
         "UKR", "2023", "37732836") ", " WB_ROW("", "2023", "5") ", " WB_ROW("",
                                                                           "20"
                                                                           "22",
                                                                           "5") "]]",
     "ukr.population 2023-12-31/year 37732836\n",
     "2 records have no value in field \"countryiso3code\" for the metric "
     "key \"{countryiso3code|lower}.population\" (first: record 3 (/1/2)); "
     "skipped",
     NULL},
    {"json",
     "{\"records\": \"1\", \"value_field\": \"value\", "
     "\"metric_template\": \"{countryiso3code|lower}.population\"}",
     "[" WB_META ", [" WB_ROW("UKR", "2024", "null") ", " WB_ROW(
         "UKR", "2023", "37732836") "]]",
     "ukr.population 2023-12-31/year 37732836\n",
     "1 record has no value in field \"value\" (first: record 1 (/1/0)); "
     "skipped",
     NULL},
    /* 5. A nested field as a JSON Pointer in a template; a dotted
     * "records" path. */
    {"json",
     "{\"records\": \"data.items\", \"value_field\": \"n\", "
     "\"metric_template\": \"{/place/code|upper}.killed\"}",
     "{\"data\": {\"items\": [{\"date\": \"2023-11-05\", \"place\": "
     "{\"code\": \"gz\"}, \"n\": 9770}]}}",
     "GZ.killed 2023-11-05 9770\n", NULL, NULL},
    /* 6. Periods from the date: ISO 8601 year, month and day; a format
     * with a month and no day; "period" over a full date. */
    {"csv", "{\"metrics\": {\"n\": \"x.n\"}}",
     "date,n\n2023,1\n2023-02,2\n2024-02,3\n2023-11-05,4\n",
     "x.n 2023-12-31/year 1\nx.n 2023-02-28/month 2\n"
     "x.n 2024-02-29/month 3\nx.n 2023-11-05 4\n",
     NULL, NULL},
    {"csv", "{\"metrics\": {\"n\": \"x.n\"}, \"date_format\": \"%b %Y\"}",
     "date,n\nNov 2023,1\nDecember 2023,2\n",
     "x.n 2023-11-30/month 1\nx.n 2023-12-31/month 2\n", NULL, NULL},
    {"json", "{\"metrics\": {\"n\": \"x.n\"}, \"period\": \"year\"}",
     "[{\"date\": \"2023-07-01\", \"n\": 5}]", "x.n 2023-12-31/year 5\n",
     NULL, NULL},
    /* 9. Qualifiers as sources publish them. */
    {"csv",
     "{\"metrics\": {\"n\": \"x.n\"}, \"qualifier_field\": \"q\"}",
     "date,q,n\n2023-11-01,more,12000\n2023-11-02,about,13500\n"
     "2023-11-03,Approximately,14000\n2023-11-04,,14200\n"
     "2023-11-05,at least,14300\n2023-11-06,roughly-ish,14400\n"
     "2023-11-07,more_than,14500\n",
     "x.n 2023-11-01 more_than 12000\nx.n 2023-11-02 about 13500\n"
     "x.n 2023-11-03 about 14000\nx.n 2023-11-04 14200\n"
     "x.n 2023-11-05 at_least 14300\nx.n 2023-11-07 more_than 14500\n",
     "1 row has a qualifier in column \"q\" that figcheck does not know "
     "(first: line 7, \"roughly-ish\"); skipped: map it in \"recode\"",
     NULL},
    /* 10. A qualifier recoded first ("c." is not a word figcheck knows). */
    {"csv",
     "{\"metrics\": {\"n\": \"x.n\"}, \"qualifier_field\": \"q\", "
     "\"recode\": {\"q\": {\"c.\": \"about\"}}}",
     "date,q,n\n2023-11-01,c.,1200\n", "x.n 2023-11-01 about 1200\n", NULL,
     NULL},
    /* 11. A field with a qualifier of its own: personnel's, not POW's. */
    {"json",
     "{\"metrics\": {\"personnel\": \"rus.losses.personnel\", \"POW\": "
     "\"rus.losses.pow\"}, \"qualifier_fields\": {\"personnel\": "
     "\"personnel*\"}, \"optional\": [\"POW\"]}",
     "[{\"date\": \"2022-03-10\", \"personnel\": 12000, \"personnel*\": "
     "\"more\", \"POW\": 371}, {\"date\": \"2024-02-24\", \"personnel\": "
     "409010, \"personnel*\": \"about\"}]",
     "rus.losses.personnel 2022-03-10 more_than 12000\n"
     "rus.losses.pow 2022-03-10 371\n"
     "rus.losses.personnel 2024-02-24 about 409010\n",
     NULL, "warning"},
    /* 12. A field renamed over time: both mapped to one key, the first
     * present wins. */
    {"json",
     "{\"metrics\": {\"ships\": \"x.ships\", \"naval ship\": \"x.ships\"}}",
     "[{\"date\": \"2022-03-01\", \"naval ship\": 2}, {\"date\": "
     "\"2022-03-02\", \"ships\": 3}, {\"date\": \"2022-03-03\", \"ships\": "
     "4, \"naval ship\": 9}, {\"date\": \"2022-03-04\"}]",
     "x.ships 2022-03-01 2\nx.ships 2022-03-02 3\nx.ships 2022-03-03 4\n",
     "1 record has no value in fields \"ships\" or \"naval ship\" (first: "
     "record 4 (/3)): no x.ships for those dates",
     NULL},
    /* 13. Two fields merged into one: the sum before, the new field
     * after; a record with only one of the two gives nothing. */
    {"json",
     "{\"metrics\": {\"vehicles and fuel tanks\": \"x.vehicles\", \"tank\": "
     "\"x.tanks\"}, \"sum\": {\"x.vehicles\": [\"military auto\", \"fuel "
     "tank\"]}}",
     "[{\"date\": \"2022-04-30\", \"tank\": 1008, \"military auto\": 1701, "
     "\"fuel tank\": 76}, {\"date\": \"2022-05-01\", \"tank\": 1026, "
     "\"vehicles and fuel tanks\": 1796}, {\"date\": \"2022-05-02\", "
     "\"tank\": 1048, \"military auto\": 5}]",
     "x.vehicles 2022-04-30 1777\nx.tanks 2022-04-30 1008\n"
     "x.vehicles 2022-05-01 1796\nx.tanks 2022-05-01 1026\n"
     "x.tanks 2022-05-02 1048\n",
     "1 record has no value in fields \"vehicles and fuel tanks\" or "
     "\"military auto\" + \"fuel tank\" (first: record 3 (/2))",
     NULL},
    /* 14. The same in CSV, columns renamed. */
    {"csv",
     "{\"metrics\": {\"Vehicles\": \"x.vehicles\"}, \"sum\": "
     "{\"x.vehicles\": [\"Auto\", \"Fuel\"]}}",
     "date,Auto,Fuel,Vehicles\n2022-04-30,\"1,701\",76,\n2022-05-01,,,1796\n",
     "x.vehicles 2022-04-30 1777\nx.vehicles 2022-05-01 1796\n", NULL,
     "warning"},
    /* 15. Zeros that mean "no longer reported" are gaps, not records. */
    {"csv",
     "{\"metrics\": {\"Recovered\": \"x.recovered\", \"Deaths\": "
     "\"x.deaths\"}, \"gap_values\": {\"Recovered\": [\"0\"]}, "
     "\"optional\": [\"Recovered\"]}",
     "date,Recovered,Deaths\n2021-08-04,130899061,4253756\n"
     "2021-08-05,0,4264706\n2021-08-06,0.0,4275153\n",
     "x.recovered 2021-08-04 130899061\nx.deaths 2021-08-04 4253756\n"
     "x.deaths 2021-08-05 4264706\nx.deaths 2021-08-06 4275153\n",
     NULL, "warning"},
    {"json",
     "{\"metrics\": {\"r\": \"x.recovered\"}, \"gap_values\": {\"r\": "
     "[\"0\", \"n/a\"]}}",
     "[{\"date\": \"2021-08-04\", \"r\": 5}, {\"date\": \"2021-08-05\", "
     "\"r\": 0}, {\"date\": \"2021-08-06\", \"r\": \"n/a\"}]",
     "x.recovered 2021-08-04 5\n",
     "2 records have no value in field \"r\" (first: record 2 (/1))", NULL},
    /* 17. Record numbers from 1, with the JSON Pointer; keyed by date. */
    {"json",
     "{\"records\": \"/data\", \"keyed_by_date\": true, \"metrics\": "
     "{\"k\": \"x.k\"}}",
     "{\"data\": {\"2023-11-05\": {\"k\": 1}, \"2023-11-06\": {\"k\": "
     "\"many\"}}}",
     "x.k 2023-11-05 1\n",
     "1 record has a value in field \"k\" that is not a number (first: "
     "record 2 (/data/2023-11-06), \"many\")",
     NULL},
    /* 18. A source that gives no records is an error saying why: a
     * wrong date_format, a filter that keeps nothing, nothing at all. */
    {"csv",
     "{\"metrics\": {\"k\": \"x.k\"}, \"date_format\": \"%d/%m/%Y\"}",
     "date,k\n2023-11-05,1\n2023-11-06,2\n",
     "error: t.data: no records: none of the 2 rows gave one; 2 rows have a "
     "date in column \"date\" that cannot be read in the date_format "
     "\"%d/%m/%Y\" (first: line 2, \"2023-11-05\"); skipped",
     NULL, NULL},
    {"json", "{\"metrics\": {\"k\": \"x.k\"}, \"date_format\": \"%Y\"}",
     "[{\"date\": \"2023-11-05\", \"k\": 1}]",
     "error: t.data: no records: none of the 1 records gave one; 1 record "
     "has a date in field \"date\" that cannot be read in the date_format "
     "\"%Y\" (first: record 1 (/0), \"2023-11-05\"); skipped",
     NULL, NULL},
    {"csv", "{\"metrics\": {\"k\": \"x.k\"}, \"filter\": {\"s\": \"moh\"}}",
     "date,s,k\n2023-11-05,un,1\n",
     "error: t.data: no records: \"filter\" left out all 1 rows", NULL,
     NULL},
    {"json", "{\"metrics\": {\"k\": \"x.k\"}}", "[]",
     "error: t.data: no records: the data holds no records", NULL, NULL},
    {"json", "{\"records\": \"data\", \"metrics\": {\"k\": \"x.k\"}}",
     "{\"data\": [[1, 2], [3]]}",
     "error: t.data: no records: none of the 2 items at /data is an object "
     "(first: record 1 (/data/0)); check \"records\"",
     NULL, NULL},
    {"json", "{\"metrics\": {\"k\": \"x.k\"}}",
     "[7, {\"date\": \"2023-11-05\", \"k\": 1}]", "x.k 2023-11-05 1\n",
     "1 record is not an object (first: record 1 (/0)); skipped", NULL},
    {"csv", "{\"metrics\": {\"k\": \"x.k\"}}", "date,k\n",
     "error: t.data: no records: the data holds no rows", NULL, NULL},
    {"csv", "{\"metrics\": {\"k\": \"x.k\"}}", "date,k\n2023-11-05;1\n",
     "error: t.data: no records: all 1 rows were skipped (not as many "
     "fields as the header's); check \"delimiter\"",
     NULL, NULL},
    {"csv",
     "{\"metric_field\": \"m\", \"value_field\": \"v\", \"metrics\": "
     "[\"killed\"]}",
     "date,m,v\n2023-11-05,injured,1\n",
     "error: t.data: no records: none of the 1 rows names a metric listed "
     "in \"metrics\" (in column \"m\")",
     NULL, NULL},
    /* 25. A template's column must be in the header. */
    {"csv",
     "{\"value_field\": \"v\", \"metric_template\": \"{Code}.x\"}",
     "date,v\n2023-11-05,1\n",
     "error: t.data:1: no column \"Code\" in the header (it has \"date\", "
     "\"v\")",
     NULL, NULL},
    /* Configuration errors, with their paths. */
    {"csv", "{\"value_field\": \"v\", \"metric_template\": \"{Code.x\"}", "",
     "config: source src: sources[0].options.metric_template: \"{Code.x\": "
     "a '{' is not closed",
     NULL, NULL},
    {"csv",
     "{\"value_field\": \"v\", \"metric_template\": \"{Code|title}.x\"}", "",
     "config: source src: sources[0].options.metric_template: "
     "\"{Code|title}.x\": unknown filter \"title\" (known: lower, upper)",
     NULL, NULL},
    {"json", "{\"metrics\": {\"k\": \"{}.k\"}}", "",
     "config: source src: sources[0].options.metrics.k: \"{}.k\": expected a "
     "field name between '{' and '}'",
     NULL, NULL},
    {"csv",
     "{\"metrics\": {\"k\": \"x.k\"}, \"metric_template\": \"{c}.x\"}", "",
     "config: source src: sources[0].options.metric_template: "
     "\"metric_template\" is for the long layout",
     NULL, NULL},
    {"csv", "{\"value_field\": \"v\"}", "",
     "config: source src: sources[0].options: the long layout needs both "
     "\"metric_field\" and \"value_field\" (one row per metric and date), "
     "or \"value_field\" and \"metric_template\"",
     NULL, NULL},
    {"json",
     "{\"value_field\": \"v\", \"metric_template\": \"x.{c}\", \"sum\": "
     "{\"x.y\": [\"a\", \"b\"]}}",
     "", "config: source src: sources[0].options.sum: \"sum\" adds fields",
     NULL, NULL},
    {"json", "{\"metrics\": {\"a\": \"x.a\"}, \"sum\": {\"x.y\": [\"a\"]}}",
     "",
     "config: source src: sources[0].options.sum[\"x.y\"]: expected an array of "
     "2 to 32 field names",
     NULL, NULL},
    {"csv", "{\"metrics\": {\"k\": \"x.k\"}, \"period\": \"week\"}", "",
     "config: source src: sources[0].options.period: expected \"day\", "
     "\"month\" or \"year\"",
     NULL, NULL},
    {"csv", "{\"metrics\": {\"k\": \"x.k\"}, \"date_format\": \"%d/%m\"}", "",
     "config: source src: sources[0].options.date_format: \"%d/%m\" is not a "
     "date format figcheck reads",
     NULL, NULL},
    {"json", "{\"metrics\": {\"k\": \"x.k\"}, \"recode\": {\"c\": \"x\"}}",
     "",
     "config: source src: sources[0].options.recode.c: expected an object "
     "of values",
     NULL, NULL},
    {"json",
     "{\"metrics\": {\"k\": \"x.k\"}, \"gap_values\": {\"c\": \"0\"}}", "",
     "config: source src: sources[0].options.gap_values.c: expected an "
     "array of the values",
     NULL, NULL},
};

START_TEST(test_mapping)
{
	const char *want = mapping_cases[_i].want;
	char *got = parse_with(mapping_cases[_i].plugin,
	                       mapping_cases[_i].options, mapping_cases[_i].text,
	                       strlen(mapping_cases[_i].text));

	if (strncmp(want, "error: ", 7) == 0 || strncmp(want, "config: ", 8) == 0)
		ck_assert_msg(strncmp(got, want, strlen(want)) == 0,
		              "case %d: expected \"%s\", got \"%s\"", _i, want,
		              got);
	else
		ck_assert_msg(strcmp(got, want) == 0,
		              "case %d: expected:\n%sgot:\n%s", _i, want, got);
	if (mapping_cases[_i].log)
		ck_assert_msg(logbuf.data &&
		                  strstr(logbuf.data, mapping_cases[_i].log),
		              "case %d: expected the warning \"%s\" in: %s", _i,
		              mapping_cases[_i].log,
		              logbuf.data ? logbuf.data : "");
	if (mapping_cases[_i].no_log)
		ck_assert_msg(!logbuf.data ||
		                  !strstr(logbuf.data, mapping_cases[_i].no_log),
		              "case %d: \"%s\" should not be logged: %s", _i,
		              mapping_cases[_i].no_log, logbuf.data);
	free(got);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Records through the engine: a year's or a month's figure in force from
 * its period's end until the next, stale a period and stale_days later;
 * two records of one date; a source that gives nothing. */

#define DOMAINS_PACK FC_SOURCE_DIR "/tests/e2e/domains/domains-pack.json"

/* An engine over one json source named `name` of `records` (written to
 * tmp/src.json) with `options` and `extra` source members, the test
 * pack as its rules. */
static fc_engine *records_engine(const char *name, const char *records,
                                 const char *options, const char *extra,
                                 fc_error *err)
{
	char *data = tu_write(tmp, "src.json", records);
	char *cfg = fc_asprintf(
	    "{\"checkers\": {\"rules\": {\"packs\": [\"" DOMAINS_PACK "\"]}, "
	    "\"consistency\": false}, \"sources\": [{\"name\": \"%s\", "
	    "\"plugin\": \"json\", \"path\": \"src.json\"%s%s, \"options\": "
	    "%s}]}",
	    name, extra ? ", " : "", extra ? extra : "", options);
	fc_engine *eng = NULL;
	fc_error e;

	if (tu_engine_ex(tmp, cfg, &logbuf, &eng, err ? err : &e) != FC_OK &&
	    !err)
		ck_abort_msg("engine: %s", e.msg);
	free(cfg);
	free(data);
	return eng;
}

/* The finding of "Ukraine's population was VALUE." on `date`. The
 * caller frees the result. */
static fc_doc_result *population_claim(fc_engine *eng, const char *date,
                                       const char *value)
{
	char *text = fc_asprintf(
	    "---\ndate: %s\n---\nUkraine's population was %s.\n", date, value);
	fc_doc_result *r = tu_check(eng, "draft.md", text);

	free(text);
	ck_assert_uint_eq(r->n_findings, 1);
	return r;
}

static const struct {
	const char *records; /* of ukr.population */
	int stale_days;
	const char *date;    /* the draft's */
	double in_force;     /* the value of the record in force */
	const char *covers;  /* its period, as written */
	bool stale;
	const char *message; /* a part of the finding's message */
} period_cases[] = {
    /* Years: the 2023 figure is in force from 2023-12-31 until the next
     * one; stale 30 days after the end of 2024, when 2024's was due. */
    {"[{\"date\": \"2022\", \"v\": 100}, {\"date\": \"2023\", \"v\": 200}]",
     30, "2023-12-30", 100, "2022", false,
     "disagrees with wb: 100 in 2022"},
    {"[{\"date\": \"2022\", \"v\": 100}, {\"date\": \"2023\", \"v\": 200}]",
     30, "2023-12-31", 200, "2023", false, "agrees with wb: 200 in 2023."},
    {"[{\"date\": \"2022\", \"v\": 100}, {\"date\": \"2023\", \"v\": 200}]",
     30, "2024-06-15", 200, "2023", false, "agrees with wb: 200 in 2023."},
    {"[{\"date\": \"2022\", \"v\": 100}, {\"date\": \"2023\", \"v\": 200}]",
     30, "2025-01-30", 200, "2023", false, "agrees with wb: 200 in 2023."},
    {"[{\"date\": \"2022\", \"v\": 100}, {\"date\": \"2023\", \"v\": 200}]",
     30, "2025-01-31", 200, "2023", true,
     "agrees with wb: 200 in 2023, a stale record: the figure for 2024 was "
     "due on 2024-12-31 (wb allows 30 days more)."},
    /* Months: November's figure from 2023-11-30; stale 5 days after the
     * end of December. */
    {"[{\"date\": \"2023-10\", \"v\": 100}, {\"date\": \"2023-11\", \"v\": "
     "200}]",
     5, "2023-11-29", 100, "2023-10", false, "100 in 2023-10"},
    {"[{\"date\": \"2023-10\", \"v\": 100}, {\"date\": \"2023-11\", \"v\": "
     "200}]",
     5, "2023-11-30", 200, "2023-11", false, "agrees with wb: 200 in 2023-11."},
    {"[{\"date\": \"2023-10\", \"v\": 100}, {\"date\": \"2023-11\", \"v\": "
     "200}]",
     5, "2024-01-05", 200, "2023-11", false, "agrees with wb: 200 in 2023-11."},
    {"[{\"date\": \"2023-10\", \"v\": 100}, {\"date\": \"2023-11\", \"v\": "
     "200}]",
     5, "2024-01-06", 200, "2023-11", true,
     "the figure for 2023-12 was due on 2023-12-31 (wb allows 5 days more)"},
    /* Days, as before: stale stale_days after the day. */
    {"[{\"date\": \"2023-11-01\", \"v\": 200}]", 5, "2023-11-06", 200,
     "2023-11-01", false, "agrees with wb: 200 on 2023-11-01."},
    {"[{\"date\": \"2023-11-01\", \"v\": 200}]", 5, "2023-11-07", 200,
     "2023-11-01", true, "a stale record 6 days old (wb allows 5)"},
};

START_TEST(test_periods)
{
	char extra[64];
	fc_engine *eng;
	fc_doc_result *r;
	const fc_finding *f;
	char d[11];

	snprintf(extra, sizeof(extra), "\"stale_days\": %d",
	         period_cases[_i].stale_days);
	eng = records_engine("wb", period_cases[_i].records,
	                     "{\"value_field\": \"v\", \"metric_template\": "
	                     "\"ukr.population\"}",
	                     extra, NULL);
	r = population_claim(eng, period_cases[_i].date, "200");
	f = &r->findings[0];
	ck_assert_msg(f->record != NULL, "case %d: no record: %s", _i,
	              f->message);
	ck_assert_msg(f->record->rec.value == period_cases[_i].in_force,
	              "case %d: in force %g, expected %g", _i,
	              f->record->rec.value, period_cases[_i].in_force);
	ck_assert_str_eq(fc_period_format(f->record->rec.date,
	                                  f->record->rec.period, d),
	                 period_cases[_i].covers);
	ck_assert_msg(f->stale == period_cases[_i].stale,
	              "case %d: stale %d: %s", _i, f->stale, f->message);
	ck_assert_msg(strstr(f->message, period_cases[_i].message), "case %d: %s",
	              _i, f->message);
	fc_doc_result_free(r);
	fc_engine_free(eng);
}
END_TEST

/* Two records of one source for the same metric and date: the later in
 * the data wins; when their figures differ, one warning per source says
 * so, with the first case. */
START_TEST(test_duplicates)
{
	fc_engine *eng = records_engine(
	    "dup",
	    "[{\"date\": \"2023\", \"v\": 100}, {\"date\": \"2023\", \"v\": 120},"
	    " {\"date\": \"2024\", \"v\": 130}, {\"date\": \"2024\", \"v\": 130},"
	    " {\"date\": \"2024-06-30\", \"v\": 125, \"about\": \"about\"}]",
	    "{\"value_field\": \"v\", \"metric_template\": \"ukr.population\","
	    " \"qualifier_field\": \"about\", \"period\": \"year\"}",
	    NULL, NULL);
	fc_doc_result *r = population_claim(eng, "2024-06-15", "120");

	ck_assert_int_eq(r->findings[0].verdict, FC_VERDICT_OK);
	ck_assert_double_eq(r->findings[0].record->rec.value, 120);
	fc_doc_result_free(r);
	/* The 2024 figure given twice alike, then "about 125" for 2024. */
	r = population_claim(eng, "2025-01-15", "about 125");
	ck_assert_double_eq(r->findings[0].record->rec.value, 125);
	ck_assert_int_eq(r->findings[0].record->rec.qualifier, FC_QUAL_ABOUT);
	fc_doc_result_free(r);
	ck_assert_msg(
	    strstr(logbuf.data,
	           "source dup: 2 records given twice with different figures "
	           "(first: ukr.population for 2023: 100, then 120); the later "
	           "in the data is kept"),
	    "log: %s", logbuf.data);
	fc_engine_free(eng);
}
END_TEST

/* A local source that gives no records is an error of the run, naming
 * the source and why; a remote one fails, and its claims say why. */
START_TEST(test_no_records)
{
	fc_error err;
	fc_engine *eng = records_engine(
	    "wb", "[{\"date\": \"2023-11-05\", \"v\": 1}]",
	    "{\"value_field\": \"v\", \"metric_template\": \"ukr.population\","
	    " \"date_format\": \"%d/%m/%Y\"}",
	    NULL, &err);
	char *url, *cfg;
	fc_doc_result *r;
	const fc_finding *f;

	ck_assert_ptr_null(eng);
	ck_assert_int_eq(err.code, FC_ERR_INPUT);
	ck_assert_msg(strstr(err.msg, "source wb: ") &&
	                  strstr(err.msg, "src.json: no records: none of the 1 "
	                                  "records gave one; 1 record has a date "
	                                  "in field \"date\" that cannot be read "
	                                  "in the date_format \"%d/%m/%Y\""),
	              "%s", err.msg);

	url = fcts_url(srv, GAZA);
	cfg = fc_asprintf(
	    "{\"checkers\": {\"rules\": {\"packs\": [\"casualties\"]}}, "
	    "\"fetch\": {\"cache_dir\": \"%s/cache\"}, \"sources\": "
	    "[{\"name\": \"gaza-moh\", \"plugin\": \"json\", \"url\": \"%s\", "
	    "\"options\": {\"date_field\": \"report_date\", \"date_format\": "
	    "\"%%Y\", \"metrics\": {\"killed_cum\": \"gaza.killed\"}}}]}",
	    tmp, url);
	eng = engine(cfg, false, NULL);
	ck_assert(!source(eng, "gaza-moh")->ok);
	r = tu_check(eng, "draft.md", "---\ndate: 2023-11-05\n---\n" DRAFT);
	f = finding(r, "9,770");
	ck_assert_int_eq(f->verdict, FC_VERDICT_UNVERIFIED);
	ck_assert_msg(strstr(f->reason, "source gaza-moh failed: ") &&
	                  strstr(f->reason, "no records: none of the 86 "
	                                    "records gave one"),
	              "%s", f->reason);
	fc_doc_result_free(r);
	fc_engine_free(eng);
	free(cfg);
	free(url);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("sources");
	TCase *faults_tc = tcase_create("faults");
	TCase *cache = tcase_create("cache");
	TCase *multi = tcase_create("several sources");
	TCase *plugins = tcase_create("plugins");
	TCase *records = tcase_create("records");

	tcase_add_checked_fixture(faults_tc, setup, teardown);
	tcase_add_loop_test(faults_tc, test_fault, 0,
	                    (int)FC_ARRAY_LEN(faults));
	tcase_add_test(faults_tc, test_fault_not_csv);
	tcase_add_test(faults_tc, test_retries_cure);
	tcase_add_test(faults_tc, test_partly_bad_records);
	suite_add_tcase(s, faults_tc);

	tcase_add_checked_fixture(cache, setup, teardown);
	tcase_add_test(cache, test_warm_cache_and_offline);
	tcase_add_test(cache, test_offline_cold);
	tcase_add_test(cache, test_stale_while_down);
	suite_add_tcase(s, cache);

	tcase_add_checked_fixture(multi, setup, teardown);
	tcase_add_test(multi, test_two_sources_disagree);
	tcase_add_test(multi, test_live_example_config);
	suite_add_tcase(s, multi);

	tcase_add_checked_fixture(plugins, setup, teardown);
	tcase_add_loop_test(plugins, test_csv, 0, (int)FC_ARRAY_LEN(csv_cases));
	tcase_add_test(plugins, test_csv_nul);
	tcase_add_test(plugins, test_csv_fixture);
	tcase_add_loop_test(plugins, test_json, 0,
	                    (int)FC_ARRAY_LEN(json_cases));
	tcase_add_test(plugins, test_json_long_over_http);
	tcase_add_loop_test(plugins, test_mapping, 0,
	                    (int)FC_ARRAY_LEN(mapping_cases));
	suite_add_tcase(s, plugins);

	tcase_add_checked_fixture(records, setup, teardown);
	tcase_add_loop_test(records, test_periods, 0,
	                    (int)FC_ARRAY_LEN(period_cases));
	tcase_add_test(records, test_duplicates);
	tcase_add_test(records, test_no_records);
	suite_add_tcase(s, records);
	return s;
}

int main(void)
{
	int rc;

	tu_no_network();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = tu_run(suite());
	curl_global_cleanup();
	return rc;
}
