/*
 * inputs.h: what `figcheck check` reads, and checking it.
 *
 * Inputs are files, folders (searched recursively) and "-" for standard
 * input. In a folder, a file is a draft when its path relative to the
 * folder matches an include glob (by default the draft extensions: *.md,
 * *.markdown, *.mdown, *.mkd, *.txt, *.html, *.htm) and no exclude glob;
 * a folder matching an exclude glob is not entered; hidden files and
 * folders (".git") are never read. A file named on the command line is
 * read whatever its name, unless an exclude glob matches it.
 *
 * Globs: '*' matches any run of characters but '/', '?' one character but
 * '/', [abc] [a-z] [!a] one of a set, and "**" as a whole path component
 * zero or more folders (the README has examples).
 * A glob without '/' matches the file's or folder's own name at any
 * depth; one with '/' matches the path relative to the folder named on
 * the command line (or, for a file named directly, the path as given).
 */
#ifndef FC_INPUTS_H
#define FC_INPUTS_H

#include <figcheck/plugin.h>

#include "document.h"
#include "glob.h"
#include "engine.h"

/* One input to check. */
typedef struct fc_input {
	char *path; /* what to open: a normalised path, or "-" for stdin */
	char *name; /* what reports show: the path, or --stdin-filename */
} fc_input;

/* The inputs of a run, in order, each file once, and the symbolic links
 * of folder walks that were not followed. Initialise to {0}; free with
 * fc_inputs_free. */
typedef struct fc_inputs {
	fc_input *items;
	size_t n, cap;
	char **skipped; /* "drafts/x.md": links out of their folder's tree */
	char **skipped_to; /* where each points (its real path) */
	size_t n_skipped, cap_skipped;
} fc_inputs;

typedef struct fc_input_options {
	const char *const *include; /* globs; NULL or none: the defaults */
	size_t n_include;
	const char *const *exclude; /* globs */
	size_t n_exclude;
	const char *stdin_name;     /* --stdin-filename, or NULL: "<stdin>" */
	bool follow_symlinks;       /* --follow-symlinks: also links that
	                               lead out of the folder's tree */
} fc_input_options;

/*
 * Adds the inputs named by `args` (files, folders, "-") to `in`. Paths are
 * normalised ("./a//b.md" is "a/b.md") so that the same file has one name
 * and one fingerprint however it is named; a file named twice is read
 * once. A folder holding no draft, a missing path and a second "-" are
 * errors naming the path; `in` then holds what was added before.
 *
 * In a folder's walk, a symbolic link is followed only when it points
 * inside the tree of the folder named (by its real path), unless
 * opts->follow_symlinks: a link to a file elsewhere (a key, a password
 * file) must not end up in a report that CI publishes. The links that
 * would have been read are listed in in->skipped. A file or folder named
 * on the command line is read wherever it points.
 */
fc_status fc_inputs_collect(fc_inputs *in, const char *const *args,
			    size_t n_args, const fc_input_options *opts,
			    fc_error *err);

/* Frees the inputs' strings and array and resets `in` to {0}. */
void fc_inputs_free(fc_inputs *in);


/*
 * Reads the configuration's "inputs" object, {"include": [GLOB...],
 * "exclude": [GLOB...]}, from `root` (the whole configuration; `name` is
 * its file, for messages) and appends its globs to `include` and
 * `exclude`. A missing "inputs" is no error; a value of the wrong type is
 * one, naming its JSON path ("inputs.include[1]: expected a string").
 */
fc_status fc_inputs_config(const void *root, const char *name,
			   fc_globs *include, fc_globs *exclude, fc_error *err);

/* ------------------------------------------------------------------ */
/* Checking many inputs. */

typedef struct fc_run_options {
	unsigned jobs;         /* threads; 0 or 1: one */
	bool progress;         /* a progress line on stderr */
	fc_doc_options doc;    /* format override, size limit */
} fc_run_options;

/*
 * Loads and checks every input with `eng` (started with checkers and
 * sources), `opts->jobs` documents at a time. results[i] is set for each
 * input that could be checked; for one that could not, results[i] is NULL
 * and errors[i] a message (caller frees each with free()). Both arrays
 * have `in->n` entries and are filled by the caller-owned storage given.
 * Returns FC_OK, or FC_ERR_NOMEM / FC_ERR when threads could not start
 * (err says which); documents that fail are not an error of the call.
 */
fc_status fc_inputs_check(const fc_engine *eng, const fc_inputs *in,
			  const fc_run_options *opts, fc_doc_result **results,
			  char **errors, fc_error *err);

/*
 * Where fc_inputs_check_each puts each input's outcome: called for input
 * `i` once, in the order of the inputs (whatever the order they were
 * checked in), never for two inputs at once. `r` is its result, which the
 * sink takes over (and frees with fc_doc_result_free), or NULL when it
 * could not be checked, `error` then saying why (borrowed for the call).
 * A status other than FC_OK, with `err` filled, stops the run.
 */
typedef fc_status (*fc_input_sink)(void *ud, size_t i, fc_doc_result *r,
				   const char *error, fc_error *err);

/*
 * Loads and checks every input with `eng`, `opts->jobs` at a time, and
 * hands each outcome to `sink` as soon as the inputs before it have been:
 * so that a run keeps in memory only the results still waiting for their
 * turn, not all of them. Returns FC_OK; FC_ERR_NOMEM or FC_ERR when
 * threads could not start; or the sink's status and message when it
 * stopped the run. Documents that fail are not an error of the call.
 */
fc_status fc_inputs_check_each(const fc_engine *eng, const fc_inputs *in,
			       const fc_run_options *opts, fc_input_sink sink,
			       void *ud, fc_error *err);

/* The number of processors online, at least 1: the default of -j 0. */
unsigned fc_cpu_count(void);

#endif
