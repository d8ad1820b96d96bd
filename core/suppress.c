/*
 * suppress.c: reading figcheck's suppression comments and dropping the
 * findings they cover. See suppress.h for the syntax.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "suppress.h"
#include "util.h"

enum directive {
	DIR_NONE = 0,
	DIR_NEXT_LINE,
	DIR_LINE,
	DIR_DISABLE,
	DIR_ENABLE
};

/* A disable waiting for its enable. */
typedef struct open_disable {
	size_t from;
	char **names;
	size_t n_names;
	unsigned line;
} open_disable;

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
	       c == '*' || c == ':' || c == '/';
}

/* Index of the line holding byte `off`. */
static size_t line_index(const size_t *lines, size_t n_lines, size_t off)
{
	size_t lo = 0, hi = n_lines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void fc_suppressions_free(fc_suppressions *s)
{
	for (size_t i = 0; i < s->n; i++)
		free_names(s->items[i].names, s->items[i].n_names);
	free(s->items);
	for (size_t i = 0; i < s->n_warnings; i++)
		free(s->warnings[i]);
	free(s->warnings);
	memset(s, 0, sizeof(*s));
}

static fc_status warn(fc_suppressions *s, const char *text, size_t off,
		      const char *fmt, ...) FC_PRINTF(4, 5);

/* Adds a warning about the directive at byte `off` of `text`. */
static fc_status warn(fc_suppressions *s, const char *text, size_t off,
		      const char *fmt, ...)
{
	unsigned line = 1, col = 1;
	char msg[512], *w;
	va_list ap;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w = fc_asprintf("%u:%u: %s", line, col, msg);
	if (!w || fc_grow((void **)&s->warnings, &s->cap_warnings,
			  s->n_warnings + 1, sizeof(char *))) {
		free(w);
		return FC_ERR_NOMEM;
	}
	s->warnings[s->n_warnings++] = w;
	return FC_OK;
}

/* Adds a span; takes ownership of `names`. */
static fc_status add_span(fc_suppressions *s, size_t from, size_t to,
			  char **names, size_t n_names, unsigned line)
{
	fc_suppression *d;

	if (fc_grow((void **)&s->items, &s->cap, s->n + 1, sizeof(*s->items))) {
		free_names(names, n_names);
		return FC_ERR_NOMEM;
	}
	d = &s->items[s->n++];
	d->from = from;
	d->to = to;
	d->names = names;
	d->n_names = n_names;
	d->line = line;
	return FC_OK;
}

/* True when the two name lists hold the same names. */
static bool same_names(char *const *a, size_t na, char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		bool found = false;
		for (size_t k = 0; k < nb && !found; k++)
			found = strcmp(a[i], b[k]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/*
 * Parses the body of one comment into its directive and names. A comment
 * that is not a directive, and a malformed directive (after adding a
 * warning), give DIR_NONE. Returns FC_ERR_NOMEM only.
 */
static fc_status parse_directive(fc_suppressions *s, const char *text,
				 size_t start, size_t end, enum directive *dir,
				 char ***names_out, size_t *n_out)
{
	static const struct {
		const char *word;
		enum directive dir;
	} words[] = {{"disable-next-line", DIR_NEXT_LINE},
		     {"disable-line", DIR_LINE},
		     {"disable", DIR_DISABLE},
		     {"enable", DIR_ENABLE}};
	size_t i = start + 4, e = end, w;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*dir = DIR_NONE;
	*names_out = NULL;
	*n_out = 0;
	if (e - start >= 7 && memcmp(text + e - 3, "-->", 3) == 0)
		e -= 3;
	while (i < e && fc_is_space(text[i]))
		i++;
	if (e - i < 9 || !fc_ascii_ieq(text + i, "figcheck-", 9))
		return FC_OK;
	i += 9;
	w = i;
	while (w < e && !fc_is_space(text[w]))
		w++;
	for (size_t k = 0; k < FC_ARRAY_LEN(words); k++)
		if (strlen(words[k].word) == w - i &&
		    fc_ascii_ieq(text + i, words[k].word, w - i))
			*dir = words[k].dir;
	if (*dir == DIR_NONE) {
		char word[64];
		snprintf(word, sizeof(word), "%.*s",
			 (int)(w - i < 40 ? w - i : 40), text + i);
		return warn(s, text, start,
			    "unknown figcheck directive 'figcheck-%s' (figcheck "
			    "knows disable-next-line, disable-line, disable and "
			    "enable); it is ignored",
			    word);
	}
	i = w;
	for (;;) {
		size_t a;
		char *name;

		while (i < e && (fc_is_space(text[i]) || text[i] == ','))
			i++;
		if (i >= e)
			break;
		if (e - i >= 2 && text[i] == '-' && text[i + 1] == '-' &&
		    (e - i == 2 || fc_is_space(text[i + 2])))
			break; /* the rest is the reason */
		a = i;
		while (i < e && !fc_is_space(text[i]) && text[i] != ',')
			i++;
		for (size_t k = a; k < i; k++) {
			if (!is_name_char(text[k])) {
				char bad[80];
				snprintf(bad, sizeof(bad), "%.*s",
					 (int)(i - a < 60 ? i - a : 60), text + a);
				free_names(names, n);
				*dir = DIR_NONE;
				return warn(s, text, start,
					    "'%s' is not a rule id or metric key; "
					    "the directive is ignored (write "
					    "names such as casualties.* and put "
					    "a reason after --)",
					    bad);
			}
		}
		name = fc_strndup(text + a, i - a);
		if (!name || fc_grow((void **)&names, &cap, n + 1, sizeof(char *))) {
			free(name);
			free_names(names, n);
			*dir = DIR_NONE;
			return FC_ERR_NOMEM;
		}
		names[n++] = name;
	}
	*names_out = names;
	*n_out = n;
	return FC_OK;
}

fc_status fc_suppressions_build(fc_suppressions *out, const char *text,
				size_t len, const size_t *lines, size_t n_lines,
				const fc_comment_span *comments,
				size_t n_comments)
{
	open_disable *open = NULL;
	size_t n_open = 0, cap_open = 0;
	fc_status rc = FC_OK;

	for (size_t c = 0; c < n_comments && rc == FC_OK; c++) {
		size_t start = comments[c].start, end = comments[c].end;
		size_t li = line_index(lines, n_lines, start);
		size_t le = line_index(lines, n_lines, end ? end - 1 : 0);
		enum directive dir;
		char **names;
		size_t n_names;

		rc = parse_directive(out, text, start, end, &dir, &names,
				     &n_names);
		if (rc != FC_OK || dir == DIR_NONE)
			continue;
		switch (dir) {
		case DIR_NEXT_LINE:
			if (le + 1 >= n_lines || lines[le + 1] >= len) {
				free_names(names, n_names);
				rc = warn(out, text, start,
					  "figcheck-disable-next-line has no "
					  "next line to cover");
				break;
			}
			rc = add_span(out, lines[le + 1],
				      le + 2 < n_lines ? lines[le + 2] : len, names,
				      n_names, (unsigned)li + 1);
			break;
		case DIR_LINE:
			rc = add_span(out, lines[li],
				      le + 1 < n_lines ? lines[le + 1] : len, names,
				      n_names, (unsigned)li + 1);
			break;
		case DIR_DISABLE:
			if (fc_grow((void **)&open, &cap_open, n_open + 1,
				    sizeof(*open))) {
				free_names(names, n_names);
				rc = FC_ERR_NOMEM;
				break;
			}
			open[n_open].from = end;
			open[n_open].names = names;
			open[n_open].n_names = n_names;
			open[n_open].line = (unsigned)li + 1;
			n_open++;
			break;
		case DIR_ENABLE: {
			size_t kept = 0, closed = 0;
			for (size_t k = 0; k < n_open; k++) {
				if (rc == FC_OK &&
				    (n_names == 0 ||
				     same_names(open[k].names, open[k].n_names,
						names, n_names))) {
					rc = add_span(out, open[k].from, start,
						      open[k].names,
						      open[k].n_names,
						      open[k].line);
					closed++;
				} else if (rc == FC_OK) {
					open[kept++] = open[k];
				} else {
					free_names(open[k].names,
						   open[k].n_names);
				}
			}
			n_open = rc == FC_OK ? kept : 0;
			free_names(names, n_names);
			if (rc == FC_OK && closed == 0)
				rc = warn(out, text, start,
					  "figcheck-enable matches no "
					  "figcheck-disable before it; it is "
					  "ignored");
			break;
		}
		case DIR_NONE:
			break;
		}
	}
	/* A disable never enabled again covers the rest of the text. */
	for (size_t k = 0; k < n_open; k++) {
		if (rc == FC_OK)
			rc = add_span(out, open[k].from, len, open[k].names,
				      open[k].n_names, open[k].line);
		else
			free_names(open[k].names, open[k].n_names);
	}
	free(open);
	return rc;
}

bool fc_suppression_covers(const fc_suppression *s, const fc_finding *f)
{
	if (f->start < s->from || f->start >= s->to)
		return false;
	if (!s->names)
		return true;
	for (size_t i = 0; i < s->n_names; i++) {
		if (f->rule_id && fc_glob_match(s->names[i], f->rule_id, false))
			return true;
		if (f->metric && fc_glob_match(s->names[i], f->metric, false))
			return true;
	}
	return false;
}

size_t fc_suppress_apply(const fc_suppressions *s, const char *path,
			 fc_finding *findings, size_t *n, const fc_logger *lg)
{
	size_t kept = 0, removed;

	if (!s)
		return 0;
	for (size_t i = 0; i < s->n_warnings; i++)
		fc_log(lg, FC_LOG_WARNING, NULL, "%s:%s", path, s->warnings[i]);
	for (size_t i = 0; i < *n; i++) {
		bool covered = false;
		for (size_t k = 0; k < s->n && !covered; k++)
			covered = fc_suppression_covers(&s->items[k], &findings[i]);
		if (!covered)
			findings[kept++] = findings[i];
	}
	removed = *n - kept;
	*n = kept;
	return removed;
}
