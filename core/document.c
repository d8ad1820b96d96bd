/*
 * document.c: reading a document once, checking that it is text, and
 * building its prose view and line index.
 *
 * The prose view has exactly the bytes of the text except that what is not
 * prose (front matter, code, markup, comments) is replaced by spaces, with
 * line breaks kept; so prose offsets are text offsets and positions need
 * no map. (HTML entities are the exception: see html_prose.)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "document.h"
#include "json.h"
#include "util.h"

#define DEFAULT_MAX_DOC (64u * 1024 * 1024)

struct fc_doc_priv {
	size_t *lines; /* byte offset of the start of each line */
	size_t n_lines;
	char *text;
	char *prose;
	size_t *map;
	char *path;
};

static fc_doc_format format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return FC_FORMAT_TEXT;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0 ||
	    strcasecmp(dot, ".mdown") == 0 || strcasecmp(dot, ".mkd") == 0)
		return FC_FORMAT_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
	    strcasecmp(dot, ".xhtml") == 0)
		return FC_FORMAT_HTML;
	return FC_FORMAT_TEXT;
}

static void blank(char *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (p[i] != '\n')
			p[i] = ' ';
}

/* The end of the line that starts at `i` (the offset of its '\n' or len). */
static size_t line_end(const char *t, size_t len, size_t i)
{
	const char *nl = memchr(t + i, '\n', len - i);
	return nl ? (size_t)(nl - t) : len;
}

/* Reads "date:" from front matter lines [from, to). */
static fc_date front_matter_date(const char *t, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		size_t e = line_end(t, to, i);
		if (e - i > 5 && strncmp(t + i, "date:", 5) == 0) {
			size_t v = i + 5;
			while (v < e && (t[v] == ' ' || t[v] == '\t' ||
					 t[v] == '"' || t[v] == '\''))
				v++;
			if (e - v >= 10)
				return fc_date_parse_iso(t + v, 10);
		}
		i = e + 1;
	}
	return FC_DATE_NONE;
}

/* Blanks HTML comments <!-- ... --> in p (same offsets as t). */
static void blank_comments(const char *t, char *p, size_t len)
{
	size_t i = 0;

	while (i + 4 <= len) {
		const char *s = memmem(t + i, len - i, "<!--", 4);
		const char *e;
		if (!s)
			break;
		e = memmem(s + 4, len - (size_t)(s + 4 - t), "-->", 3);
		size_t from = (size_t)(s - t);
		size_t to = e ? (size_t)(e - t) + 3 : len;
		blank(p, from, to);
		i = to;
	}
}

/* Markdown: front matter, fenced and indented code, inline code, link
 * targets, HTML comments and the markup characters themselves. */
static void markdown_prose(const char *t, char *p, size_t len, fc_date *date)
{
	size_t i = 0;
	bool in_fence = false, prev_blank = true;
	char fence = 0;

	if (len >= 4 && strncmp(t, "---", 3) == 0 &&
	    (t[3] == '\n' || t[3] == '\r')) {
		size_t j = line_end(t, len, 0) + 1;
		while (j < len) {
			size_t e = line_end(t, len, j);
			if (e - j >= 3 && (strncmp(t + j, "---", 3) == 0 ||
					   strncmp(t + j, "...", 3) == 0)) {
				*date = front_matter_date(t, 0, j);
				blank(p, 0, e);
				i = e < len ? e + 1 : len;
				break;
			}
			j = e + 1;
		}
	}
	while (i < len) {
		size_t e = line_end(t, len, i), k = i;
		bool blank_line;

		while (k < e && (t[k] == ' ' || t[k] == '\t'))
			k++;
		blank_line = k >= e || t[k] == '\r';
		if (e - k >= 3 && (strncmp(t + k, "```", 3) == 0 ||
				   strncmp(t + k, "~~~", 3) == 0) &&
		    (!in_fence || t[k] == fence)) {
			in_fence = !in_fence;
			fence = t[k];
			blank(p, i, e);
		} else if (in_fence) {
			blank(p, i, e);
		} else if (k - i >= 4 && prev_blank && !blank_line) {
			blank(p, i, e); /* indented code */
			i = e + 1;
			continue;
		} else {
			/* Headings, quotes and list bullets. */
			size_t m = k;
			while (m < e && (t[m] == '#' || t[m] == '>'))
				m++;
			if (m < e && (t[m] == '*' || t[m] == '-' || t[m] == '+') &&
			    m + 1 < e && t[m + 1] == ' ')
				m++;
			blank(p, i, m);
			for (size_t j = m; j < e; j++) {
				if (t[j] == '`') {
					const char *c = memchr(t + j + 1, '`',
							       e - j - 1);
					size_t to = c ? (size_t)(c - t) + 1 : j + 1;
					blank(p, j, to);
					j = to - 1;
				} else if (t[j] == ']' && j + 1 < e &&
					   t[j + 1] == '(') {
					const char *c = memchr(t + j + 1, ')',
							       e - j - 1);
					size_t to = c ? (size_t)(c - t) + 1 : j + 1;
					blank(p, j, to);
					j = to - 1;
				} else if (t[j] == '[' || t[j] == '*' ||
					   (t[j] == '_' &&
					    (j == 0 || t[j - 1] == ' ' ||
					     j + 1 >= e || t[j + 1] == ' '))) {
					p[j] = ' ';
				}
			}
		}
		prev_blank = blank_line;
		i = e + 1;
	}
	blank_comments(t, p, len);
}

/* HTML: tags, scripts, styles and comments blanked. Entities are left as
 * they are in this version: the prose keeps the text's offsets. */
static void html_prose(const char *t, char *p, size_t len, fc_date *date)
{
	size_t i = 0;

	blank_comments(t, p, len);
	while (i < len) {
		if (t[i] == '<') {
			const char *gt = memchr(t + i, '>', len - i);
			size_t to = gt ? (size_t)(gt - t) + 1 : len;
			bool script = to - i > 7 && (fc_ascii_ieq(t + i, "<script", 7) ||
						     fc_ascii_ieq(t + i, "<style", 6));
			if (*date == FC_DATE_NONE && to - i > 5 &&
			    (fc_ascii_ieq(t + i, "<time", 5) ||
			     fc_ascii_ieq(t + i, "<meta", 5))) {
				const char *dt = memmem(t + i, to - i, "datetime=\"", 10);
				if (!dt)
					dt = memmem(t + i, to - i, "content=\"", 9);
				if (dt) {
					const char *q = strchr(dt, '"') + 1;
					if ((size_t)(t + len - q) >= 10)
						*date = fc_date_parse_iso(q, 10);
				}
			}
			blank(p, i, to);
			if (script) {
				const char *close = NULL;
				for (size_t j = to; j + 2 < len; j++)
					if (t[j] == '<' && t[j + 1] == '/' &&
					    (fc_ascii_ieq(t + j + 2, "script", 6) ||
					     fc_ascii_ieq(t + j + 2, "style", 5))) {
						close = t + j;
						break;
					}
				size_t end = close ? (size_t)(close - t) : len;
				blank(p, to, end);
				to = end;
			}
			i = to;
		} else {
			i++;
		}
	}
}

static fc_status build_lines(fc_doc_priv *priv, const char *t, size_t len)
{
	size_t cap = 0;

	if (fc_grow((void **)&priv->lines, &cap, 1, sizeof(size_t)))
		return FC_ERR_NOMEM;
	priv->lines[priv->n_lines++] = 0;
	for (const char *p = t; (p = memchr(p, '\n', len - (size_t)(p - t)));) {
		p++;
		if (fc_grow((void **)&priv->lines, &cap, priv->n_lines + 1,
			    sizeof(size_t)))
			return FC_ERR_NOMEM;
		priv->lines[priv->n_lines++] = (size_t)(p - t);
		if ((size_t)(p - t) >= len)
			break;
	}
	return FC_OK;
}

void fc_document_free(fc_document *doc)
{
	if (!doc)
		return;
	if (doc->priv) {
		free(doc->priv->lines);
		free(doc->priv->text);
		free(doc->priv->prose);
		free(doc->priv->map);
		free(doc->priv->path);
		free(doc->priv);
	}
	free(doc);
}

/* Takes ownership of `data` (len bytes, NUL-terminated). */
static fc_status document_build(const char *name, char *data, size_t len,
				const fc_doc_options *opts, fc_document **out,
				fc_error *err)
{
	fc_document *doc;
	fc_doc_priv *priv;
	size_t bad;
	fc_date date = FC_DATE_NONE;
	const char *disp = opts && opts->display_path ? opts->display_path : name;

	*out = NULL;
	if (len == 0) {
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: empty file; nothing to check", disp);
	}
	if (memchr(data, 0, len)) {
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: binary file (it contains NUL bytes); "
				    "figcheck reads UTF-8 text, Markdown or HTML",
				    disp);
	}
	bad = fc_utf8_check(data, len);
	if (bad != len) {
		unsigned line, col;
		unsigned byte = (unsigned char)data[bad];
		fc_text_position(data, bad, &line, &col);
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s:%u:%u: invalid UTF-8 (byte 0x%02x at "
				    "offset %zu); convert the file to UTF-8, "
				    "e.g. with iconv",
				    disp, line, col, byte, bad);
	}
	doc = calloc(1, sizeof(*doc));
	priv = calloc(1, sizeof(*priv));
	if (!doc || !priv) {
		free(doc);
		free(priv);
		free(data);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	doc->priv = priv;
	priv->text = data;
	priv->path = fc_strdup(disp);
	priv->prose = malloc(len + 1);
	if (!priv->path || !priv->prose || build_lines(priv, data, len)) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	memcpy(priv->prose, data, len + 1);
	doc->path = priv->path;
	doc->text = data;
	doc->len = len;
	doc->format = opts && opts->format_set ? opts->format : format_of(name);
	if (doc->format == FC_FORMAT_MARKDOWN)
		markdown_prose(data, priv->prose, len, &date);
	else if (doc->format == FC_FORMAT_HTML)
		html_prose(data, priv->prose, len, &date);
	/* A UTF-8 byte-order mark is not prose. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		blank(priv->prose, 0, 3);
	doc->prose = priv->prose;
	doc->prose_len = len;
	doc->prose_map = NULL;
	doc->date = date;
	doc->date_origin = date == FC_DATE_NONE ? FC_DATE_FROM_NONE
			   : doc->format == FC_FORMAT_HTML ? FC_DATE_FROM_META
							   : FC_DATE_FROM_FRONT_MATTER;
	*out = doc;
	return FC_OK;
}

fc_status fc_document_load(const char *path, const fc_doc_options *opts,
			   fc_document **out, fc_error *err)
{
	char *data;
	size_t len, max = opts && opts->max_size ? opts->max_size : DEFAULT_MAX_DOC;
	fc_status rc;

	*out = NULL;
	rc = fc_read_file(path, max, &data, &len, err);
	if (rc != FC_OK) {
		if (rc == FC_ERR_IO || rc == FC_ERR_LIMIT)
			err->code = FC_ERR_INPUT;
		return FC_ERR_INPUT;
	}
	return document_build(strcmp(path, "-") == 0 ? "<stdin>" : path, data,
			      len, opts, out, err);
}

fc_status fc_document_from_memory(const char *name, const char *data,
				  size_t len, const fc_doc_options *opts,
				  fc_document **out, fc_error *err)
{
	char *copy = malloc(len + 1);

	*out = NULL;
	if (!copy)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	memcpy(copy, data, len);
	copy[len] = 0;
	return document_build(name, copy, len, opts, out, err);
}

void fc_document_position(const fc_document *doc, size_t offset,
			  unsigned *line, unsigned *col)
{
	const fc_doc_priv *p = doc->priv;
	size_t lo = 0, hi = p->n_lines;
	unsigned c = 1;

	if (offset > doc->len)
		offset = doc->len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	for (size_t i = p->lines[lo]; i < offset; i++)
		if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
			c++;
	*line = (unsigned)(lo + 1);
	*col = c;
}

size_t fc_document_map(const fc_document *doc, size_t prose_offset)
{
	if (prose_offset > doc->prose_len)
		prose_offset = doc->prose_len;
	return doc->prose_map ? doc->prose_map[prose_offset] : prose_offset;
}
