/*
 * paths.h: where figcheck looks for its plugins and rule packs.
 *
 * Plugins: --plugin-dir (in the order given), the configuration's
 * plugin_dirs, FIGCHECK_PLUGIN_PATH (colon-separated), then the installed
 * plugin folder; or, when the running program is the uninstalled one in
 * the build tree, the build tree's plugin folder instead of the installed
 * one. Rule packs likewise: FIGCHECK_RULES_PATH, then the installed (or
 * source tree's) rules folder.
 */
#ifndef FC_PATHS_H
#define FC_PATHS_H

#include <figcheck/figcheck.h>

/* A list of folder names. Free with fc_pathlist_free. */
typedef struct fc_pathlist {
	char **dirs;
	size_t count, cap;
} fc_pathlist;

/* Appends a copy of `dir`, unless it is already in the list. */
fc_status fc_pathlist_add(fc_pathlist *l, const char *dir);
/* Appends each element of a colon-separated list; empty elements are
 * skipped. */
fc_status fc_pathlist_add_split(fc_pathlist *l, const char *colon_list);
void fc_pathlist_free(fc_pathlist *l);

/* True when the running program lives in the build tree it was built in,
 * so that it should use that tree's plugins and rules. */
bool fc_running_uninstalled(void);

/* The default plugin folder: the build tree's when running uninstalled,
 * else the installed one. Static. */
const char *fc_default_plugin_dir(void);
/* The default rules folder, likewise. Static. */
const char *fc_default_rules_dir(void);

#endif
