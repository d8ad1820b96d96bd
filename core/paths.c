/*
 * paths.c: plugin and rules search paths.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fc-paths.h"
#include "paths.h"
#include "util.h"

fc_status fc_pathlist_add(fc_pathlist *l, const char *dir)
{
	char *copy;

	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->dirs[i], dir) == 0)
			return FC_OK;
	if (fc_grow((void **)&l->dirs, &l->cap, l->count + 1, sizeof(char *)))
		return FC_ERR_NOMEM;
	if (!(copy = fc_strdup(dir)))
		return FC_ERR_NOMEM;
	l->dirs[l->count++] = copy;
	return FC_OK;
}

fc_status fc_pathlist_add_split(fc_pathlist *l, const char *list)
{
	const char *p = list;

	while (p && *p) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n) {
			char *d = fc_strndup(p, n);
			fc_status rc = d ? fc_pathlist_add(l, d) : FC_ERR_NOMEM;
			free(d);
			if (rc)
				return rc;
		}
		p = colon ? colon + 1 : NULL;
	}
	return FC_OK;
}

void fc_pathlist_free(fc_pathlist *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->dirs[i]);
	free(l->dirs);
	memset(l, 0, sizeof(*l));
}

bool fc_running_uninstalled(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t blen;

	if (n <= 0)
		return false;
	exe[n] = 0;
	if (!realpath(FC_BUILD_DIR, build))
		return false;
	blen = strlen(build);
	return strncmp(exe, build, blen) == 0 && exe[blen] == '/';
}

const char *fc_default_plugin_dir(void)
{
	return fc_running_uninstalled() ? FC_BUILD_DIR "/plugins/.libs"
					: FC_PLUGIN_DIR;
}

const char *fc_default_rules_dir(void)
{
	return fc_running_uninstalled() ? FC_SOURCE_DIR "/rules" : FC_RULES_DIR;
}
