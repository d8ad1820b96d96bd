/*
 * inputs.c: collecting the drafts a run reads (files, folders, globs,
 * standard input) and checking them, several at a time.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "glob.h"
#include "inputs.h"
#include "json.h"
#include "util.h"

/* The drafts a folder holds when no --include is given. */
static const char *const default_include[] = {"*.md", "*.markdown", "*.txt",
					      "*.html", "*.htm"};

/* ------------------------------------------------------------------ */
/* Globs. */

/* Matches a glob against a path relative to its folder: a glob without
 * '/' against the last component, one with '/' against the whole. */
static bool glob_hits(const char *glob, const char *rel)
{
	const char *base = strrchr(rel, '/');
	char buf[1024];
	size_t n;

	if (glob[0] == '.' && glob[1] == '/')
		glob += 2;
	if (glob[0] == '/')
		glob++;
	n = strlen(glob);
	if (n && glob[n - 1] == '/' && n < sizeof(buf)) {
		/* "old/" names the folder old. */
		memcpy(buf, glob, n - 1);
		buf[n - 1] = 0;
		glob = buf;
	}
	if (!strchr(glob, '/'))
		return fc_glob_match(glob, base ? base + 1 : rel, true);
	return fc_glob_match(glob, rel, true);
}

static bool any_glob(const char *const *globs, size_t n, const char *rel)
{
	for (size_t i = 0; i < n; i++)
		if (glob_hits(globs[i], rel))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Collecting. */

void fc_inputs_free(fc_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->items[i].path);
		free(in->items[i].name);
	}
	for (size_t i = 0; i < in->n_skipped; i++) {
		free(in->skipped[i]);
		free(in->skipped_to[i]);
	}
	free(in->skipped);
	free(in->skipped_to);
	free(in->items);
	memset(in, 0, sizeof(*in));
}

/* Adds one input; takes ownership of `path` and `name` (both freed on
 * failure). */
static fc_status add(fc_inputs *in, char *path, char *name)
{
	if (!path || !name ||
	    fc_grow((void **)&in->items, &in->cap, in->n + 1, sizeof(*in->items))) {
		free(path);
		free(name);
		return FC_ERR_NOMEM;
	}
	in->items[in->n].path = path;
	in->items[in->n].name = name;
	in->n++;
	return FC_OK;
}

/* `p` as messages show it (fc_display_name), in `buf`. */
static const char *shown(const char *p, char *buf, size_t size)
{
	char *d = fc_display_name(p);

	snprintf(buf, size, "%s", d ? d : "(out of memory)");
	free(d);
	return buf;
}

/* A folder being walked, for loops through symbolic links. */
typedef struct walk {
	const fc_input_options *o;
	const char *const *include;
	size_t n_include;
	dev_t dev[64];
	ino_t ino[64];
	int depth;
	char **files; /* relative paths found */
	size_t n, cap;
	const char *real_root; /* the real path of the folder named */
	fc_inputs *in;         /* where links not followed are listed */
} walk;

/* True when real path `p` is `root` or inside it. */
static bool inside(const char *root, const char *p)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return p[0] == '/';
	return strncmp(p, root, n) == 0 && (p[n] == '/' || p[n] == 0);
}

/* Lists a link not followed: `name` as reports show it, `to` its real
 * path. Takes neither. */
static fc_status skip_link(fc_inputs *in, const char *name, const char *to)
{
	char *a = fc_strdup(name), *b = fc_strdup(to);
	size_t cap = in->cap_skipped;

	if (!a || !b ||
	    fc_grow((void **)&in->skipped, &cap, in->n_skipped + 1,
		    sizeof(char *)) ||
	    fc_grow((void **)&in->skipped_to, &in->cap_skipped,
		    in->n_skipped + 1, sizeof(char *))) {
		free(a);
		free(b);
		return FC_ERR_NOMEM;
	}
	/* Kept sorted, so that messages do not depend on readdir's order. */
	size_t k = in->n_skipped;
	while (k > 0 && strcmp(in->skipped[k - 1], a) > 0) {
		in->skipped[k] = in->skipped[k - 1];
		in->skipped_to[k] = in->skipped_to[k - 1];
		k--;
	}
	in->skipped[k] = a;
	in->skipped_to[k] = b;
	in->n_skipped++;
	return FC_OK;
}

static fc_status walk_folder(walk *w, const char *root, const char *rel,
			     fc_error *err)
{
	char *dir = rel[0] ? fc_asprintf("%s/%s", root, rel) : fc_strdup(root);
	DIR *d;
	struct dirent *e;
	struct stat st;
	fc_status rc = FC_OK;
	char nb[1024];

	if (!dir)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	if (stat(dir, &st) != 0 || !(d = opendir(dir))) {
		rc = fc_error_set(err, FC_ERR_INPUT, "%s: %s",
				  shown(dir, nb, sizeof(nb)),
				  strerror(errno));
		free(dir);
		return rc;
	}
	for (int k = 0; k < w->depth; k++)
		if (w->dev[k] == st.st_dev && w->ino[k] == st.st_ino) {
			closedir(d);
			free(dir);
			return FC_OK; /* a link back up the tree */
		}
	if (w->depth == (int)FC_ARRAY_LEN(w->dev)) {
		closedir(d);
		rc = fc_error_set(err, FC_ERR_INPUT,
				  "%s: folders nested too deep (more than %zu)",
				  dir, FC_ARRAY_LEN(w->dev));
		free(dir);
		return rc;
	}
	w->dev[w->depth] = st.st_dev;
	w->ino[w->depth] = st.st_ino;
	w->depth++;
	while (rc == FC_OK && (errno = 0, e = readdir(d))) {
		char *sub, *full;
		struct stat es;

		if (e->d_name[0] == '.')
			continue; /* hidden, and . and .. */
		sub = rel[0] ? fc_asprintf("%s/%s", rel, e->d_name)
			     : fc_strdup(e->d_name);
		full = sub ? fc_asprintf("%s/%s", root, sub) : NULL;
		if (!sub || !full) {
			free(sub);
			free(full);
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			break;
		}
		if (lstat(full, &es) == 0 && S_ISLNK(es.st_mode) &&
		    stat(full, &es) == 0 && !w->o->follow_symlinks) {
			/* A link out of the tree is not followed: say so when
			 * it would have been read. */
			char *to = realpath(full, NULL);
			bool wanted = S_ISDIR(es.st_mode)
					  ? !any_glob(w->o->exclude,
						      w->o->n_exclude, sub)
					  : S_ISREG(es.st_mode) &&
						any_glob(w->include,
							 w->n_include, sub) &&
						!any_glob(w->o->exclude,
							  w->o->n_exclude, sub);
			if (to && !inside(w->real_root, to)) {
				if (wanted) {
					char *raw =
					    strcmp(root, ".") == 0
						? fc_strdup(sub)
						: fc_asprintf("%s/%s", root, sub);
					char *name =
					    raw ? fc_display_name(raw) : NULL;
					free(raw);
					if (!name ||
					    skip_link(w->in, name, to) != FC_OK)
						rc = fc_error_set(err,
								  FC_ERR_NOMEM,
								  "out of "
								  "memory");
					free(name);
				}
				free(to);
				free(sub);
				free(full);
				continue;
			}
			free(to);
		}
		if (stat(full, &es) != 0) {
			/* A dangling link: nothing to read. */
		} else if (S_ISDIR(es.st_mode)) {
			if (!any_glob(w->o->exclude, w->o->n_exclude, sub))
				rc = walk_folder(w, root, sub, err);
		} else if (S_ISREG(es.st_mode) &&
			   any_glob(w->include, w->n_include, sub) &&
			   !any_glob(w->o->exclude, w->o->n_exclude, sub)) {
			if (fc_grow((void **)&w->files, &w->cap, w->n + 1,
				    sizeof(char *))) {
				rc = fc_error_set(err, FC_ERR_NOMEM,
						  "out of memory");
			} else {
				w->files[w->n++] = sub;
				sub = NULL;
			}
		}
		free(sub);
		free(full);
	}
	if (rc == FC_OK && errno != 0)
		rc = fc_error_set(err, FC_ERR_INPUT, "%s: %s",
				  shown(dir, nb, sizeof(nb)),
				  strerror(errno));
	w->depth--;
	closedir(d);
	free(dir);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static fc_status add_folder(fc_inputs *in, const char *root,
			    const fc_input_options *o, fc_error *err)
{
	walk w;
	fc_status rc;
	size_t before = in->n, skipped = in->n_skipped;
	char *real_root, nb[1024];

	memset(&w, 0, sizeof(w));
	w.o = o;
	w.in = in;
	w.include = o->n_include ? o->include : default_include;
	w.n_include = o->n_include ? o->n_include : FC_ARRAY_LEN(default_include);
	if (!(real_root = realpath(root, NULL)))
		return fc_error_set(err, errno == ENOMEM ? FC_ERR_NOMEM
							 : FC_ERR_INPUT,
				    "%s: %s", shown(root, nb, sizeof(nb)),
				    strerror(errno));
	w.real_root = real_root;
	rc = walk_folder(&w, root, "", err);
	free(real_root);
	if (rc == FC_OK && w.n)
		qsort(w.files, w.n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < w.n; i++) {
		if (rc == FC_OK) {
			char *p = strcmp(root, ".") == 0
				      ? fc_strdup(w.files[i])
				      : fc_asprintf("%s/%s", root, w.files[i]);
			rc = add(in, p, p ? fc_display_name(p) : NULL);
			if (rc)
				fc_error_set(err, rc, "out of memory");
		}
		free(w.files[i]);
	}
	free(w.files);
	if (rc == FC_OK && in->n == before) {
		if (in->n_skipped > skipped)
			return fc_error_set(
			    err, FC_ERR_INPUT,
			    "%s: no drafts in this folder but %zu symbolic "
			    "link%s to files outside it (%s, ...), which are "
			    "not followed; --follow-symlinks reads them",
			    shown(root, nb, sizeof(nb)), in->n_skipped - skipped,
			    in->n_skipped - skipped == 1 ? "" : "s",
			    in->skipped[skipped]);
		if (o->n_include || o->n_exclude)
			return fc_error_set(err, FC_ERR_INPUT,
					    "%s: no drafts in this folder match "
					    "the --include and --exclude globs",
					    shown(root, nb, sizeof(nb)));
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: no drafts in this folder (figcheck reads "
				    ".md, .markdown, .txt, .html and .htm files; "
				    "--include names others)",
				    shown(root, nb, sizeof(nb)));
	}
	return rc;
}

/* An input's path and place, sorted to find the ones named twice. */
typedef struct keyed {
	const char *path;
	size_t index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Removes the inputs that repeat an earlier one, keeping the order. */
static fc_status dedupe(fc_inputs *in, fc_error *err)
{
	keyed *k = calloc(in->n + 1, sizeof(*k));
	bool *drop = calloc(in->n + 1, sizeof(*drop));
	size_t kept = 0;

	if (!k || !drop) {
		free(k);
		free(drop);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < in->n; i++) {
		k[i].path = in->items[i].path;
		k[i].index = i;
	}
	qsort(k, in->n, sizeof(*k), cmp_keyed);
	for (size_t i = 1; i < in->n; i++)
		if (strcmp(k[i].path, k[i - 1].path) == 0 &&
		    strcmp(k[i].path, "-") != 0)
			drop[k[i].index] = true;
	for (size_t i = 0; i < in->n; i++) {
		if (drop[i]) {
			free(in->items[i].path);
			free(in->items[i].name);
		} else {
			in->items[kept++] = in->items[i];
		}
	}
	in->n = kept;
	free(k);
	free(drop);
	return FC_OK;
}

fc_status fc_inputs_collect(fc_inputs *in, const char *const *args,
			    size_t n_args, const fc_input_options *opts,
			    fc_error *err)
{
	static const fc_input_options none;
	const fc_input_options *o = opts ? opts : &none;
	bool have_stdin = false;
	fc_status rc = FC_OK;

	for (size_t i = 0; i < in->n; i++)
		if (strcmp(in->items[i].path, "-") == 0)
			have_stdin = true;
	for (size_t i = 0; i < n_args && rc == FC_OK; i++) {
		struct stat st;
		char *p;

		if (strcmp(args[i], "-") == 0) {
			if (have_stdin)
				return fc_error_set(err, FC_ERR_INPUT,
						    "-: standard input named twice; "
						    "it can be read once");
			have_stdin = true;
			rc = add(in, fc_strdup("-"),
				 fc_display_name(o->stdin_name ? o->stdin_name
							       : "<stdin>"));
			if (rc)
				return fc_error_set(err, rc, "out of memory");
			continue;
		}
		if (!args[i][0])
			return fc_error_set(err, FC_ERR_INPUT,
					    "an empty path was given; name a "
					    "file, a folder or -");
		if (!(p = fc_path_normalise(args[i])))
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = add_folder(in, p, o, err);
			free(p);
			continue;
		}
		if (any_glob(o->exclude, o->n_exclude, p)) {
			free(p);
			continue;
		}
		rc = add(in, p, fc_display_name(p));
		if (rc)
			return fc_error_set(err, rc, "out of memory");
	}
	if (rc == FC_OK)
		rc = dedupe(in, err);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Globs from the configuration. */

static fc_status config_globs(const cJSON *inputs, const char *key,
			      const char *name, fc_globs *out, fc_error *err)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(inputs, key), *v;
	size_t i = 0;

	if (!a)
		return FC_OK;
	if (!cJSON_IsArray(a))
		return fc_error_set(err, FC_ERR_CONFIG,
				    "%s: inputs.%s: expected an array of globs, "
				    "found %s",
				    name, key, fc_json_type_name(a));
	cJSON_ArrayForEach(v, a)
	{
		if (!cJSON_IsString(v) || !v->valuestring[0])
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: inputs.%s[%zu]: expected a glob "
					    "(a non-empty string), found %s",
					    name, key, i, fc_json_type_name(v));
		if (fc_globs_add(out, v->valuestring))
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		i++;
	}
	return FC_OK;
}

fc_status fc_inputs_config(const void *root, const char *name,
			   fc_globs *include, fc_globs *exclude, fc_error *err)
{
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(root, "inputs");
	const cJSON *k;
	fc_status rc;

	if (!name)
		name = "configuration";
	if (!in)
		return FC_OK;
	if (!cJSON_IsObject(in))
		return fc_error_set(err, FC_ERR_CONFIG,
				    "%s: inputs: expected an object with "
				    "\"include\" and \"exclude\", found %s",
				    name, fc_json_type_name(in));
	cJSON_ArrayForEach(k, in)
	{
		if (strcmp(k->string, "include") != 0 &&
		    strcmp(k->string, "exclude") != 0)
			return fc_error_set(err, FC_ERR_CONFIG,
					    "%s: inputs.%s: unknown key; known "
					    "keys here: include, exclude",
					    name, k->string);
	}
	if ((rc = config_globs(in, "include", name, include, err)))
		return rc;
	return config_globs(in, "exclude", name, exclude, err);
}

/* ------------------------------------------------------------------ */
/* Checking. */

unsigned fc_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 1024 ? 1024 : (unsigned)n;
}

typedef struct run {
	const fc_engine *eng;
	const fc_inputs *in;
	const fc_run_options *o;
	fc_doc_result **results; /* checked, waiting for their turn */
	char **errors;
	bool *ready;
	size_t emitted;          /* inputs handed to the sink so far */
	fc_input_sink sink;
	void *ud;
	fc_error sink_err;
	bool stop;               /* out of memory, or the sink failed */
	pthread_mutex_t mu;
	size_t next, done;
	struct timespec last; /* when the progress line was last drawn */
	bool nomem;
} run;

static void check_one(run *r, size_t i)
{
	const fc_input *it = &r->in->items[i];
	fc_doc_options dop = r->o->doc;
	fc_document *doc;
	fc_error err;

	dop.display_path = it->name;
	fc_error_clear(&err);
	r->results[i] = NULL;
	r->errors[i] = NULL;
	if (fc_document_load(it->path, &dop, &doc, &err) == FC_OK &&
	    fc_engine_check(r->eng, doc, &r->results[i], &err) == FC_OK)
		return;
	r->results[i] = NULL;
	r->errors[i] = fc_strdup(err.msg[0] ? err.msg : fc_strerror(err.code));
	if (!r->errors[i] || err.code == FC_ERR_NOMEM) {
		pthread_mutex_lock(&r->mu);
		r->nomem = true;
		r->stop = true;
		pthread_mutex_unlock(&r->mu);
	}
}

/* Hands the inputs checked so far to the sink, in their order; called
 * with the lock held. */
static void emit(run *r)
{
	while (!r->stop && r->emitted < r->in->n && r->ready[r->emitted]) {
		size_t i = r->emitted++;
		fc_doc_result *res = r->results[i];
		char *e = r->errors[i];

		r->results[i] = NULL;
		r->errors[i] = NULL;
		if (r->sink(r->ud, i, res, e, &r->sink_err) != FC_OK)
			r->stop = true;
		free(e);
	}
}

/* Draws the progress line; called with the lock held. */
static void progress(run *r)
{
	struct timespec now;
	double ms;

	if (!r->o->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - r->last.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - r->last.tv_nsec) / 1e6;
	if (ms < 100 && r->done != r->in->n)
		return;
	r->last = now;
	fprintf(stderr, "\rfigcheck: checked %zu of %zu documents\033[K",
		r->done, r->in->n);
	fflush(stderr);
}

static void *worker(void *arg)
{
	run *r = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&r->mu);
		i = r->stop ? r->in->n : r->next++;
		pthread_mutex_unlock(&r->mu);
		if (i >= r->in->n)
			break;
		check_one(r, i);
		pthread_mutex_lock(&r->mu);
		r->ready[i] = true;
		r->done++;
		emit(r);
		progress(r);
		pthread_mutex_unlock(&r->mu);
	}
	return NULL;
}

fc_status fc_inputs_check_each(const fc_engine *eng, const fc_inputs *in,
			       const fc_run_options *opts, fc_input_sink sink,
			       void *ud, fc_error *err)
{
	run r;
	pthread_t *threads = NULL;
	size_t jobs = opts->jobs ? opts->jobs : 1, started = 0;
	fc_status rc = FC_OK;

	memset(&r, 0, sizeof(r));
	r.eng = eng;
	r.in = in;
	r.o = opts;
	r.sink = sink;
	r.ud = ud;
	fc_error_clear(&r.sink_err);
	r.results = calloc(in->n + 1, sizeof(*r.results));
	r.errors = calloc(in->n + 1, sizeof(*r.errors));
	r.ready = calloc(in->n + 1, sizeof(*r.ready));
	if (!r.results || !r.errors || !r.ready) {
		free(r.results);
		free(r.errors);
		free(r.ready);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	if (pthread_mutex_init(&r.mu, NULL) != 0) {
		free(r.results);
		free(r.errors);
		free(r.ready);
		return fc_error_set(err, FC_ERR, "could not create a mutex");
	}
	if (jobs > in->n)
		jobs = in->n;
	if (jobs > 1 && (threads = calloc(jobs, sizeof(*threads))) != NULL) {
		for (size_t t = 0; t < jobs; t++) {
			if (pthread_create(&threads[t], NULL, worker, &r) != 0)
				break; /* run with the threads we have */
			started++;
		}
	}
	if (started == 0)
		worker(&r);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	if (opts->progress) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pthread_mutex_destroy(&r.mu);
	/* What was checked but never handed over (the run stopped). */
	for (size_t i = 0; i < in->n; i++) {
		fc_doc_result_free(r.results[i]);
		free(r.errors[i]);
	}
	free(r.results);
	free(r.errors);
	free(r.ready);
	if (r.nomem)
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	else if (r.sink_err.code != FC_OK) {
		rc = r.sink_err.code;
		if (err)
			*err = r.sink_err;
	}
	return rc;
}

/* fc_inputs_check's sink: keeps every result in the caller's arrays. */
typedef struct keep_all {
	fc_doc_result **results;
	char **errors;
} keep_all;

static fc_status keep(void *ud, size_t i, fc_doc_result *r, const char *error,
		      fc_error *err)
{
	keep_all *k = ud;

	k->results[i] = r;
	k->errors[i] = NULL;
	if (error && !(k->errors[i] = fc_strdup(error)))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	return FC_OK;
}

fc_status fc_inputs_check(const fc_engine *eng, const fc_inputs *in,
			  const fc_run_options *opts, fc_doc_result **results,
			  char **errors, fc_error *err)
{
	keep_all k = {results, errors};

	for (size_t i = 0; i < in->n; i++) {
		results[i] = NULL;
		errors[i] = NULL;
	}
	return fc_inputs_check_each(eng, in, opts, keep, &k, err);
}
