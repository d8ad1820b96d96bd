/*
 * loader.c: dlopen and descriptor checks.
 */
#include "config.h"

#include <dirent.h>
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader.h"
#include "util.h"

const char *fc_plugin_kind_name(fc_plugin_kind kind)
{
	switch (kind) {
	case FC_PLUGIN_CHECKER:
		return "checker";
	case FC_PLUGIN_SOURCE:
		return "source";
	case FC_PLUGIN_REPORTER:
		return "reporter";
	}
	return "unknown";
}

static bool valid_plugin_name(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		      s[n] == '_' || s[n] == '-'))
			return false;
	return n > 0 && n <= 64;
}

/* Checks the descriptor fields after size, magic and ABI are known good. */
static fc_status check_desc(const char *path, const fc_plugin *d,
			    fc_error *err)
{
	const char *missing = NULL;

	if (d->kind != FC_PLUGIN_CHECKER && d->kind != FC_PLUGIN_SOURCE &&
	    d->kind != FC_PLUGIN_REPORTER)
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: unknown kind %d; expected "
				    "FC_PLUGIN_CHECKER, FC_PLUGIN_SOURCE or "
				    "FC_PLUGIN_REPORTER",
				    path, (int)d->kind);
	if (!d->name || !valid_plugin_name(d->name))
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: the descriptor's name is missing "
				    "or not made of [a-z0-9_-] (at most 64)",
				    path);
	if (!d->version || !d->version[0])
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s (%s): the descriptor has no version",
				    path, d->name);
	if (!d->init)
		missing = "init";
	else if (d->kind == FC_PLUGIN_CHECKER && !d->checker.check)
		missing = "checker.check";
	else if (d->kind == FC_PLUGIN_SOURCE && !d->source.parse)
		missing = "source.parse";
	else if (d->kind == FC_PLUGIN_REPORTER && !d->reporter.report)
		missing = "reporter.report";
	if (missing)
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s (%s %s): the required callback %s "
				    "is missing from the descriptor",
				    path, fc_plugin_kind_name(d->kind), d->name,
				    missing);
	if (d->options) {
		for (size_t i = 0; d->options[i].name; i++) {
			if (i >= 256 || d->options[i].type < FC_OPT_STRING ||
			    d->options[i].type > FC_OPT_ANY)
				return fc_error_set(
				    err, FC_ERR_PLUGIN,
				    "plugin %s (%s): option table entry %zu is "
				    "malformed (bad type, or no terminating "
				    "entry with a NULL name)",
				    path, d->name, i);
		}
	}
	return FC_OK;
}

/*
 * Checks that `path` is a complete ELF shared object before dlopen maps
 * it: the dynamic loader maps segments straight from the file, and a
 * segment that runs past the end of a truncated file faults the whole
 * process (SIGBUS) instead of failing the call.
 */
static fc_status elf_check(const char *path, fc_error *err)
{
	ElfW(Ehdr) eh;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	fc_status rc = FC_OK;
	const char *why = NULL;

	if (fd < 0)
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: cannot be loaded: %s", path,
				    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
		 memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
		why = "not an ELF shared object";
	else if (eh.e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64
							       : ELFCLASS32) ||
		 eh.e_type != ET_DYN)
		why = "an ELF file of another class or type (not a shared object "
		      "for this machine)";
	else if (eh.e_phentsize != sizeof(ElfW(Phdr)) ||
		 (uint64_t)eh.e_phoff + (uint64_t)eh.e_phnum * eh.e_phentsize >
		     (uint64_t)st.st_size ||
		 (uint64_t)eh.e_shoff + (uint64_t)eh.e_shnum * eh.e_shentsize >
		     (uint64_t)st.st_size)
		why = "truncated (its headers run past the end of the file)";
	for (unsigned i = 0; !why && i < eh.e_phnum; i++) {
		ElfW(Phdr) ph;
		if (pread(fd, &ph, sizeof(ph),
			  (off_t)(eh.e_phoff + (uint64_t)i * eh.e_phentsize)) !=
		    (ssize_t)sizeof(ph)) {
			why = "truncated (unreadable program header)";
			break;
		}
		if ((ph.p_type == PT_LOAD || ph.p_type == PT_DYNAMIC) &&
		    (uint64_t)ph.p_offset + ph.p_filesz > (uint64_t)st.st_size)
			why = "truncated (a segment runs past the end of the file)";
	}
	if (why)
		rc = fc_error_set(err, FC_ERR_PLUGIN,
				  "plugin %s: cannot be loaded: %s; rebuild or "
				  "reinstall it",
				  path, why);
	close(fd);
	return rc;
}

fc_status fc_plugin_load_file(const char *path, fc_loaded_plugin *out,
			      fc_error *err)
{
	void *h, *sym;
	const fc_plugin *d;
	Dl_info info;
	const ElfW(Sym) *esym = NULL;
	fc_status rc;

	memset(out, 0, sizeof(*out));
	if ((rc = elf_check(path, err)) != FC_OK)
		return rc;
	dlerror();
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: cannot be loaded: %s (a missing "
				    "library is the most common cause: run "
				    "'ldd %s'; a damaged or truncated file must "
				    "be rebuilt)",
				    path, why ? why : "unknown error", path);
	}
	dlerror();
	sym = dlsym(h, FC_PLUGIN_SYMBOL);
	if (!sym) {
		dlclose(h);
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: not a figcheck plugin: it does not "
				    "export the symbol '%s' (define it with "
				    "FIGCHECK_PLUGIN from <figcheck/plugin.h>)",
				    path, FC_PLUGIN_SYMBOL);
	}
	/* The symbol's size as the object declares it: never read past it. */
	if (dladdr1(sym, &info, (void **)&esym, RTLD_DL_SYMENT) && esym &&
	    esym->st_size < 3 * sizeof(uint32_t)) {
		dlclose(h);
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: the symbol '%s' is %lu bytes, too "
				    "small to be a plugin descriptor",
				    path, FC_PLUGIN_SYMBOL,
				    (unsigned long)esym->st_size);
	}
	d = sym;
	if (d->magic != FC_PLUGIN_MAGIC) {
		dlclose(h);
		return fc_error_set(err, FC_ERR_PLUGIN,
				    "plugin %s: the symbol '%s' is not a figcheck "
				    "plugin descriptor (wrong magic number)",
				    path, FC_PLUGIN_SYMBOL);
	}
	if (d->abi != FC_PLUGIN_ABI) {
		rc = fc_error_set(err, FC_ERR_PLUGIN,
				  "plugin %s: built for plugin ABI %u, but this "
				  "figcheck (%s) speaks ABI %u; rebuild the plugin "
				  "against this figcheck's headers",
				  path, d->abi, PACKAGE_VERSION, FC_PLUGIN_ABI);
		dlclose(h);
		return rc;
	}
	if (d->size < sizeof(fc_plugin) ||
	    (esym && esym->st_size < sizeof(fc_plugin))) {
		rc = fc_error_set(err, FC_ERR_PLUGIN,
				  "plugin %s: truncated descriptor: it declares "
				  "%u bytes (symbol size %lu) where ABI %u needs "
				  "%zu; rebuild the plugin against this "
				  "figcheck's headers",
				  path, d->size,
				  esym ? (unsigned long)esym->st_size : 0UL,
				  FC_PLUGIN_ABI, sizeof(fc_plugin));
		dlclose(h);
		return rc;
	}
	if ((rc = check_desc(path, d, err)) != FC_OK) {
		dlclose(h);
		return rc;
	}
	out->path = fc_strdup(path);
	if (!out->path) {
		dlclose(h);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	out->desc = d;
	out->handle = h;
	return FC_OK;
}

void fc_plugin_unload(fc_loaded_plugin *p)
{
	if (p->handle)
		dlclose(p->handle);
	free(p->path);
	memset(p, 0, sizeof(*p));
}

const fc_loaded_plugin *fc_plugins_find(const fc_plugin_set *set,
					fc_plugin_kind kind, const char *name)
{
	for (size_t i = 0; i < set->count; i++)
		if (set->items[i].desc->kind == kind &&
		    strcmp(set->items[i].desc->name, name) == 0)
			return &set->items[i];
	return NULL;
}

size_t fc_plugins_count(const fc_plugin_set *set, fc_plugin_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < set->count; i++)
		n += set->items[i].desc->kind == kind;
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the "*.so" files of `dir`, sorted. */
static fc_status list_so(const char *dir, char ***out, size_t *n,
			 fc_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0, count = 0;

	*out = NULL;
	*n = 0;
	if (!d)
		return FC_ERR_NOTFOUND;
	while ((e = readdir(d))) {
		if (!fc_str_ends_with(e->d_name, ".so") || e->d_name[0] == '.')
			continue;
		if (fc_grow((void **)&names, &cap, count + 1, sizeof(char *)) ||
		    !(names[count] = fc_asprintf("%s/%s", dir, e->d_name))) {
			for (size_t i = 0; i < count; i++)
				free(names[i]);
			free(names);
			closedir(d);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
		count++;
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof(char *), cmp_str);
	*out = names;
	*n = count;
	return FC_OK;
}

fc_status fc_plugins_load_dirs(fc_plugin_set *set, const fc_pathlist *dirs,
			       const fc_logger *lg, fc_error *err)
{
	for (size_t i = 0; i < dirs->count; i++) {
		char **files;
		size_t n;
		fc_status rc = list_so(dirs->dirs[i], &files, &n, err);

		if (rc == FC_ERR_NOTFOUND) {
			fc_log(lg, FC_LOG_DEBUG, NULL,
			       "plugin folder %s: %s; skipped", dirs->dirs[i],
			       strerror(errno));
			continue;
		}
		if (rc)
			return rc;
		for (size_t k = 0; k < n; k++) {
			fc_loaded_plugin p;

			if (rc == FC_OK)
				rc = fc_plugin_load_file(files[k], &p, err);
			else
				continue;
			if (rc != FC_OK)
				continue;
			if (fc_plugins_find(set, p.desc->kind, p.desc->name)) {
				fc_log(lg, FC_LOG_DEBUG, NULL,
				       "plugin %s: %s %s already loaded from an "
				       "earlier folder; this one is ignored",
				       p.path, fc_plugin_kind_name(p.desc->kind),
				       p.desc->name);
				fc_plugin_unload(&p);
				continue;
			}
			if (fc_grow((void **)&set->items, &set->cap,
				    set->count + 1, sizeof(*set->items))) {
				fc_plugin_unload(&p);
				rc = fc_error_set(err, FC_ERR_NOMEM,
						  "out of memory");
				continue;
			}
			set->items[set->count++] = p;
		}
		for (size_t k = 0; k < n; k++)
			free(files[k]);
		free(files);
		if (rc)
			return rc;
	}
	return FC_OK;
}

void fc_plugins_free(fc_plugin_set *set)
{
	for (size_t i = 0; i < set->count; i++)
		fc_plugin_unload(&set->items[i]);
	free(set->items);
	memset(set, 0, sizeof(*set));
}
