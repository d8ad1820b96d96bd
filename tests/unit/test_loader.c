/*
 * test_loader.c: the real loader against real plugins and deliberately
 * broken ones (tests/plugins/), and the messages it gives.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "paths.h"
#include "testutil.h"

#define BROKEN FC_BUILD_DIR "/tests/plugins/.libs/"
#define PLUGINS FC_BUILD_DIR "/plugins/.libs/"

static const struct {
	const char *file;
	const char *expect[3];
} broken[] = {
    {BROKEN "bad_abi.so",
     {"built for plugin ABI 99", "speaks ABI 2", "rebuild the plugin"}},
    {BROKEN "no_symbol.so",
     {"not a figcheck plugin", "does not export the symbol 'figcheck_plugin'",
      "FIGCHECK_PLUGIN"}},
    {BROKEN "small_desc.so",
     {"truncated descriptor", "declares 12 bytes", "rebuild the plugin"}},
    {BROKEN "bad_kind.so", {"unknown kind 9", NULL}},
    {BROKEN "no_init.so",
     {"checker no_init", "required callback init is missing", NULL}},
    {BROKEN "absent.so", {"cannot be loaded", "No such file", NULL}},
};

START_TEST(test_broken)
{
	fc_loaded_plugin p;
	fc_error err;

	fc_error_clear(&err);
	ck_assert_int_eq(fc_plugin_load_file(broken[_i].file, &p, &err),
			 FC_ERR_PLUGIN);
	ck_assert_ptr_null(p.handle);
	ck_assert_msg(strstr(err.msg, broken[_i].file) != NULL,
		      "the message must name the file: %s", err.msg);
	for (int k = 0; k < 3 && broken[_i].expect[k]; k++)
		ck_assert_msg(strstr(err.msg, broken[_i].expect[k]) != NULL,
			      "expected '%s' in: %s", broken[_i].expect[k],
			      err.msg);
}
END_TEST

/* A damaged file: a real plugin cut short, and a text file. */
START_TEST(test_truncated)
{
	char *dir = tu_tmpdir();
	char *cut = fc_asprintf("%s/cut.so", dir);
	char *cmd = fc_asprintf("head -c 600 '%sreporter_text.so' > '%s'", PLUGINS,
				cut);
	char *txt = tu_write(dir, "text.so", "this is not an ELF file\n");
	fc_loaded_plugin p;
	fc_error err;

	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(fc_plugin_load_file(cut, &p, &err), FC_ERR_PLUGIN);
	ck_assert_ptr_nonnull(strstr(err.msg, cut));
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot be loaded"));
	ck_assert_int_eq(fc_plugin_load_file(txt, &p, &err), FC_ERR_PLUGIN);
	ck_assert_ptr_nonnull(strstr(err.msg, txt));
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot be loaded"));
	free(cut);
	free(cmd);
	free(txt);
	tu_rmdir(dir);
}
END_TEST

START_TEST(test_builtin)
{
	fc_pathlist dirs = {0};
	fc_plugin_set set = {0};
	fc_logger lg = fc_logger_stderr();
	fc_error err;
	static const struct {
		fc_plugin_kind kind;
		const char *name;
	} want[] = {{FC_PLUGIN_CHECKER, "rules"},
		    {FC_PLUGIN_SOURCE, "json"},
		    {FC_PLUGIN_REPORTER, "text"},
		    {FC_PLUGIN_REPORTER, "json"}};

	ck_assert(fc_running_uninstalled());
	ck_assert_str_eq(fc_default_plugin_dir(), FC_BUILD_DIR "/plugins/.libs");
	ck_assert_int_eq(fc_pathlist_add(&dirs, fc_default_plugin_dir()), FC_OK);
	ck_assert_int_eq(fc_plugins_load_dirs(&set, &dirs, &lg, &err), FC_OK);
	for (size_t i = 0; i < FC_ARRAY_LEN(want); i++) {
		const fc_loaded_plugin *p =
		    fc_plugins_find(&set, want[i].kind, want[i].name);
		ck_assert_msg(p != NULL, "%s not loaded", want[i].name);
		ck_assert_uint_eq(p->desc->abi, FC_PLUGIN_ABI);
		/* Each from its own shared object. */
		ck_assert_ptr_nonnull(strstr(p->path, ".so"));
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(
			    p->path,
			    fc_plugins_find(&set, want[k].kind, want[k].name)->path);
	}
	fc_plugins_free(&set);
	fc_pathlist_free(&dirs);
}
END_TEST

/* A folder earlier on the path wins; a broken plugin on it stops the run. */
START_TEST(test_order_and_refusal)
{
	char *dir = tu_tmpdir();
	char *cmd = fc_asprintf("cp '%sreporter_text.so' '%s/'", PLUGINS, dir);
	char *bad = fc_asprintf("cp '%sbad_abi.so' '%s/'", BROKEN, dir);
	fc_pathlist dirs = {0};
	fc_plugin_set set = {0};
	fc_logger lg = fc_logger_stderr();
	fc_error err;
	const fc_loaded_plugin *p;

	ck_assert_int_eq(system(cmd), 0);
	fc_pathlist_add(&dirs, dir);
	fc_pathlist_add(&dirs, fc_default_plugin_dir());
	fc_pathlist_add(&dirs, "/no/such/folder");
	ck_assert_int_eq(fc_plugins_load_dirs(&set, &dirs, &lg, &err), FC_OK);
	p = fc_plugins_find(&set, FC_PLUGIN_REPORTER, "text");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(strncmp(p->path, dir, strlen(dir)), 0);
	fc_plugins_free(&set);

	ck_assert_int_eq(system(bad), 0);
	ck_assert_int_eq(fc_plugins_load_dirs(&set, &dirs, &lg, &err),
			 FC_ERR_PLUGIN);
	ck_assert_ptr_nonnull(strstr(err.msg, "bad_abi.so"));
	fc_plugins_free(&set);
	fc_pathlist_free(&dirs);
	free(cmd);
	free(bad);
	tu_rmdir(dir);
}
END_TEST

START_TEST(test_env_path)
{
	char *dir = tu_tmpdir();
	char *cmd = fc_asprintf("cp '%sno_symbol.so' '%s/'", BROKEN, dir);
	fc_engine_options o;
	fc_engine *eng = NULL;
	fc_error err;

	ck_assert_int_eq(system(cmd), 0);
	setenv("FIGCHECK_PLUGIN_PATH", dir, 1);
	fc_engine_options_init(&o);
	o.config_path = NULL;
	ck_assert_int_eq(fc_engine_open(&o, &eng, &err), FC_ERR_PLUGIN);
	ck_assert_ptr_nonnull(strstr(err.msg, "no_symbol.so"));
	unsetenv("FIGCHECK_PLUGIN_PATH");
	ck_assert_int_eq(fc_engine_open(&o, &eng, &err), FC_OK);
	fc_engine_free(eng);
	free(cmd);
	tu_rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("loader");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_broken, 0, (int)FC_ARRAY_LEN(broken));
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_builtin);
	tcase_add_test(tc, test_order_and_refusal);
	tcase_add_test(tc, test_env_path);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
