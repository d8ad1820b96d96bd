/*
 * glob.h: globs ("*.md", "drafts/ ** / *.txt" without the spaces, rule
 * ids in suppression comments) and path normalisation. A leaf of the core, used by the
 * folder walk (inputs.c) and by suppressions (suppress.c). Every function
 * is pure and bounded in time on any input.
 */
#ifndef FC_GLOB_H
#define FC_GLOB_H

#include <stdbool.h>
#include <stddef.h>

#include <figcheck/figcheck.h>

/*
 * Matches `s` against glob `pattern`. With `path` set, '*' and '?' do
 * not match '/' and "**" matches any run of folders; without it, '*'
 * matches anything and "**" is '*'. Pure; bounded time on any input.
 */
bool fc_glob_match(const char *pattern, const char *s, bool path);

/* Writes a normalised form of `path` into a new string (caller frees):
 * "./" prefixes, repeated and trailing slashes and "." components are
 * removed; ".." is kept. NULL on allocation failure. */
char *fc_path_normalise(const char *path);

/* Writes `path` relative to the folder `base` into a new string (caller
 * frees): both are taken from the working folder `cwd` when relative,
 * and normalised with ".." taken lexically ("/a/b/c" from "/a/d" is
 * "../b/c"). NULL on allocation failure. */
char *fc_path_relative(const char *path, const char *base, const char *cwd);

/* A list of globs. Initialise to {0}; free with fc_globs_free. */
typedef struct fc_globs {
	char **items;
	size_t n, cap;
} fc_globs;

/* Appends a copy of `glob`. FC_ERR_NOMEM on failure. */
fc_status fc_globs_add(fc_globs *g, const char *glob);
void fc_globs_free(fc_globs *g);

#endif
