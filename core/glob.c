/*
 * glob.c: globs and path normalisation (glob.h). A leaf of the core: it
 * needs nothing but the C library and util.c's allocation helpers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "util.h"

/* Steps a match may take before it gives up (and fails): globs are short,
 * but a hostile one must not take exponential time. */
#define GLOB_BUDGET 200000u

static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Matches the bracket expression at *pp against byte c; advances *pp
 * past it. Returns -1 when the expression is malformed (then '[' is a
 * literal). */
static int bracket(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = false, hit = false;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	if (*p == ']') {
		hit = c == ']';
		p++;
	}
	while (*p && *p != ']') {
		char lo = *p, hi = lo;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hi = p[2];
			p += 3;
		} else {
			p++;
		}
		if (c >= lo && c <= hi)
			hit = true;
	}
	if (*p != ']')
		return -1;
	*pp = p + 1;
	return hit != neg;
}

static bool gmatch(const char *start, const char *p, const char *s, bool path,
		   unsigned *budget)
{
	while (*p) {
		if (*budget == 0)
			return false;
		(*budget)--;
		if (path && p[0] == '*' && p[1] == '*' &&
		    (p == start || p[-1] == '/') && (p[2] == '/' || !p[2])) {
			if (!p[2])
				return true; /* a trailing "**": anything */
			for (const char *q = s;;) {
				if (gmatch(start, p + 3, q, path, budget))
					return true;
				q = strchr(q, '/');
				if (!q)
					return false;
				q++;
			}
		}
		switch (*p) {
		case '*':
			while (*p == '*')
				p++;
			for (const char *q = s;; q++) {
				if (gmatch(start, p, q, path, budget))
					return true;
				if (!*q || (path && *q == '/') || *budget == 0)
					return false;
			}
		case '?':
			if (!*s || (path && *s == '/'))
				return false;
			p++;
			s += utf8_len((unsigned char)*s);
			continue;
		case '[': {
			int r;
			if (!*s || (path && *s == '/'))
				return false;
			r = bracket(&p, *s);
			if (r == 0)
				return false;
			if (r < 0) {
				if (*s != '[')
					return false;
				p++;
			}
			s++;
			continue;
		}
		case '\\':
			if (p[1])
				p++;
			/* fall through */
		default:
			if (*p != *s)
				return false;
			p++;
			s++;
		}
	}
	return *s == 0;
}

bool fc_glob_match(const char *pattern, const char *s, bool path)
{
	unsigned budget = GLOB_BUDGET;

	return gmatch(pattern, pattern, s, path, &budget);
}

char *fc_path_normalise(const char *path)
{
	size_t n = strlen(path), o = 0;
	char *out = malloc(n + 2);
	bool abs = path[0] == '/';

	if (!out)
		return NULL;
	if (abs)
		out[o++] = '/';
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && path[j] != '/')
			j++;
		if (j > i && !(j - i == 1 && path[i] == '.')) {
			if (o && out[o - 1] != '/')
				out[o++] = '/';
			memcpy(out + o, path + i, j - i);
			o += j - i;
		}
		i = j + 1;
	}
	if (o == 0)
		out[o++] = '.';
	out[o] = 0;
	return out;
}

/* Splits `path` (made absolute from `cwd`) into its components, ".."
 * taking out the one before it (none above the root), into `parts`
 * (pointers into the returned copy, which the caller frees). */
static char *components(const char *path, const char *cwd, char ***parts,
			size_t *n)
{
	char *s = path[0] == '/' ? fc_strdup(path)
				 : fc_asprintf("%s/%s", cwd, path);
	size_t cap = 0;

	*parts = NULL;
	*n = 0;
	if (!s)
		return NULL;
	for (char *save = NULL, *c = strtok_r(s, "/", &save); c;
	     c = strtok_r(NULL, "/", &save)) {
		if (strcmp(c, ".") == 0)
			continue;
		if (strcmp(c, "..") == 0) {
			if (*n)
				(*n)--;
			continue;
		}
		if (fc_grow((void **)parts, &cap, *n + 1, sizeof(char *))) {
			free(*parts);
			free(s);
			return NULL;
		}
		(*parts)[(*n)++] = c;
	}
	return s;
}

char *fc_path_relative(const char *path, const char *base, const char *cwd)
{
	char **pp = NULL, **bp = NULL, *out = NULL;
	size_t np = 0, nb = 0, common = 0;
	char *ps = components(path, cwd, &pp, &np);
	char *bs = components(base, cwd, &bp, &nb);
	fc_buf r = {0};
	fc_status rc = FC_OK;

	if (!ps || !bs)
		goto out;
	while (common < np && common < nb &&
	       strcmp(pp[common], bp[common]) == 0)
		common++;
	for (size_t k = common; rc == FC_OK && k < nb; k++)
		rc = fc_buf_puts(&r, k > common ? "/.." : "..");
	for (size_t k = common; rc == FC_OK && k < np; k++)
		rc = fc_buf_printf(&r, "%s%s", r.len ? "/" : "", pp[k]);
	if (rc == FC_OK && !r.len)
		rc = fc_buf_putc(&r, '.');
	if (rc == FC_OK)
		out = fc_buf_steal(&r);
out:
	fc_buf_free(&r);
	free(pp);
	free(bp);
	free(ps);
	free(bs);
	return out;
}

fc_status fc_globs_add(fc_globs *g, const char *glob)
{
	char *c = fc_strdup(glob);

	if (!c || fc_grow((void **)&g->items, &g->cap, g->n + 1, sizeof(char *))) {
		free(c);
		return FC_ERR_NOMEM;
	}
	g->items[g->n++] = c;
	return FC_OK;
}

void fc_globs_free(fc_globs *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->items[i]);
	free(g->items);
	memset(g, 0, sizeof(*g));
}
