/*
 * loader.h: finds plugins on the plugin path, opens them with dlopen and
 * checks their descriptors before anything else touches them.
 */
#ifndef FC_LOADER_H
#define FC_LOADER_H

#include <figcheck/plugin.h>

#include "log.h"
#include "paths.h"

typedef struct fc_loaded_plugin {
	const fc_plugin *desc; /* inside the loaded object */
	void *handle;          /* from dlopen */
	char *path;            /* the file it was loaded from */
} fc_loaded_plugin;

/* The plugins of a process. Initialise to {0}; free with
 * fc_plugins_free, which closes every handle (after which no descriptor
 * or callback of them may be used). */
typedef struct fc_plugin_set {
	fc_loaded_plugin *items;
	size_t count, cap;
} fc_plugin_set;

/*
 * Opens `path` and checks its descriptor: the exported symbol, its size,
 * magic number, ABI version, kind, name and the callbacks its kind needs.
 * On failure nothing stays loaded and err names the file and what is
 * wrong. On success the caller owns `out` (fc_plugin_unload).
 */
fc_status fc_plugin_load_file(const char *path, fc_loaded_plugin *out,
			      fc_error *err);
void fc_plugin_unload(fc_loaded_plugin *p);

/*
 * Loads every "*.so" in each folder of `dirs`, in order; of plugins with
 * the same kind and name the first found wins. A folder that does not
 * exist is skipped (it is reported at debug level). A file that is not a
 * usable plugin is an error: figcheck does not run with a broken plugin on
 * its path.
 */
fc_status fc_plugins_load_dirs(fc_plugin_set *set, const fc_pathlist *dirs,
			       const fc_logger *lg, fc_error *err);

/* Finds a loaded plugin of `kind` named `name`, or NULL. */
const fc_loaded_plugin *fc_plugins_find(const fc_plugin_set *set,
					fc_plugin_kind kind, const char *name);

/* The number of loaded plugins of `kind`. */
size_t fc_plugins_count(const fc_plugin_set *set, fc_plugin_kind kind);

void fc_plugins_free(fc_plugin_set *set);

/* "checker", "source" or "reporter". Static. */
const char *fc_plugin_kind_name(fc_plugin_kind kind);

#endif
