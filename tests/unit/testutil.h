/*
 * testutil.h: helpers shared by the unit tests: temporary folders and
 * files, an engine over a configuration given as text, a logger that
 * keeps what it is told.
 */
#ifndef FC_TESTUTIL_H
#define FC_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fc-paths.h" /* FC_SOURCE_DIR, FC_BUILD_DIR: the trees */
#include "document.h"
#include "engine.h"
#include "util.h"

/* A logger that appends every message to a buffer. */
static void tu_log_fn(void *ud, fc_log_level level, const char *who,
		      const char *msg)
{
	fc_buf *b = ud;
	fc_buf_printf(b, "%d:%s:%s\n", (int)level, who ? who : "-", msg);
}

static inline fc_logger tu_logger(fc_buf *b)
{
	fc_logger lg = {tu_log_fn, b, FC_LOG_DEBUG};
	return lg;
}

/* Creates a fresh temporary folder; the caller frees the name. */
static inline char *tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *t = fc_asprintf("%s/fctest-XXXXXX", base ? base : "/tmp");
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(mkdtemp(t));
	return t;
}

/* Writes `text` to dir/name; returns the path (caller frees). */
static inline char *tu_write(const char *dir, const char *name,
			     const char *text)
{
	char *p = fc_asprintf("%s/%s", dir, name);
	FILE *f;

	ck_assert_ptr_nonnull(p);
	f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* Removes a temporary folder and its files (one level). */
static inline void tu_rmdir(char *dir)
{
	char *cmd = fc_asprintf("rm -rf '%s'", dir);
	if (cmd && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	free(dir);
}

/* Opens an engine over configuration `config` (written into `dir`), with
 * the checkers started and the sources loaded. Logs go to `log` (may be
 * NULL). Fails the test on error unless `err` is given, in which case the
 * status is returned. */
static inline fc_status tu_engine_ex(const char *dir, const char *config,
				     fc_buf *log, fc_engine **eng, fc_error *err)
{
	fc_engine_options o;
	char *cfg = tu_write(dir, "figcheck.json", config);
	fc_status rc;

	fc_engine_options_init(&o);
	o.config_path = cfg;
	if (log)
		o.logger = tu_logger(log);
	else
		o.logger.max_level = FC_LOG_ERROR;
	fc_error_clear(err);
	rc = fc_engine_open(&o, eng, err);
	if (rc == FC_OK) {
		rc = fc_engine_start(*eng, FC_START_CHECKERS | FC_START_FETCH, err);
		if (rc != FC_OK) {
			fc_engine_free(*eng);
			*eng = NULL;
		}
	}
	free(cfg);
	return rc;
}

static inline fc_engine *tu_engine(const char *dir, const char *config,
				   fc_buf *log)
{
	fc_engine *eng = NULL;
	fc_error err;

	if (tu_engine_ex(dir, config, log, &eng, &err) != FC_OK)
		ck_abort_msg("engine: %s", err.msg);
	return eng;
}

/* Checks `text` as a document named `name` (its extension decides the
 * format) at `date` (FC_DATE_NONE: the document's own). */
static inline fc_doc_result *tu_check(fc_engine *eng, const char *name,
				      const char *text)
{
	fc_document *doc;
	fc_doc_result *r;
	fc_error err;

	if (fc_document_from_memory(name, text, strlen(text), NULL, &doc, &err))
		ck_abort_msg("document: %s", err.msg);
	if (fc_engine_check(eng, doc, &r, &err))
		ck_abort_msg("check: %s", err.msg);
	return r;
}

/* Runs a suite with Check's default runner; returns the process's exit
 * status. */
static inline int tu_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* Tests never use a proxy they did not set, and never reach the
 * internet. */
static inline void tu_no_network(void)
{
	static const char *const vars[] = {"http_proxy", "https_proxy",
					   "HTTPS_PROXY", "ALL_PROXY",
					   "all_proxy"};
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		unsetenv(vars[i]);
	setenv("no_proxy", "*", 1);
}

#ifdef FC_SOURCE_DIR
#define TU_EXAMPLES FC_SOURCE_DIR "/examples"

/* The bundled example's configuration, its "data/..." paths made
 * absolute so that it loads from anywhere, with the JSON members `extra`
 * (such as "\"checkers\": {...}"; NULL for none) added at the top. The
 * caller frees the result. */
static inline char *tu_example_config(const char *extra)
{
	char *text;
	size_t len;
	fc_error err;
	fc_buf b = {0};
	const char *p, *q;

	ck_assert_int_eq(fc_read_file(TU_EXAMPLES "/figcheck.json", 0, &text,
				      &len, &err),
			 FC_OK);
	p = strchr(text, '{');
	ck_assert_ptr_nonnull(p);
	fc_buf_puts(&b, "{");
	if (extra && extra[0])
		fc_buf_printf(&b, "%s, ", extra);
	for (p++; (q = strstr(p, "\"data/")); p = q + 1) {
		fc_buf_append(&b, p, (size_t)(q - p) + 1);
		fc_buf_puts(&b, TU_EXAMPLES "/");
	}
	fc_buf_puts(&b, p);
	free(text);
	return fc_buf_steal(&b);
}
#endif

#endif
