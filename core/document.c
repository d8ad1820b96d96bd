/*
 * document.c: reading a document once, checking that it is text, and
 * building its prose view, its map back to the text, its line index, its
 * as-of date and its suppression comments.
 *
 * The prose is built by one forward pass over the text that consumes it
 * in order: each prose byte is either copied from the text, white space
 * standing for markup, or a byte of a decoded character reference, and
 * prose_map records the text offset each one comes from. Inline markup
 * (emphasis, links, <b>, <span>) is dropped as a browser drops it, so it
 * never splits a word ("<b>Gaza</b>'s"); other markup, code and comments
 * read as white space, and white space is normalised (one space between
 * words, line breaks kept), so that rules written for plain sentences
 * match the prose of Markdown and HTML drafts too. The byte after dropped
 * closing markup maps to where the markup starts, so that the end of a
 * figure maps to the end of the figure.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "document.h"
#include "json.h"
#include "prose.h"
#include "sentence.h"
#include "util.h"

#define DEFAULT_MAX_DOC (64u * 1024 * 1024)

struct fc_doc_priv {
	size_t *lines; /* byte offset of the start of each line */
	size_t n_lines;
	char *text;
	char *prose;
	size_t *map;   /* prose_len + 1 entries, or NULL */
	char *path;
	char *open_path; /* the file read, or NULL: stdin or memory */
	char *date_error;   /* an impossible metadata date, or NULL */
	char *date_warning; /* an unreadable metadata date, or NULL */
	fc_suppressions sup;
	fc_number_list numbers; /* the prose's figures, once scanned */
	fc_sentence_index sents; /* the prose's sentences, once scanned */
	bool scanned, indexed;
};

fc_doc_format fc_format_from_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	if (!dot)
		return FC_FORMAT_TEXT;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0 ||
	    strcasecmp(dot, ".mdown") == 0 || strcasecmp(dot, ".mkd") == 0 ||
	    strcasecmp(dot, ".mdx") == 0)
		return FC_FORMAT_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
	    strcasecmp(dot, ".xhtml") == 0)
		return FC_FORMAT_HTML;
	return FC_FORMAT_TEXT;
}

bool fc_format_parse(const char *s, fc_doc_format *out)
{
	if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		*out = FC_FORMAT_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*out = FC_FORMAT_MARKDOWN;
	else if (strcmp(s, "html") == 0)
		*out = FC_FORMAT_HTML;
	else
		return false;
	return true;
}

const char *fc_format_name(fc_doc_format f)
{
	return f == FC_FORMAT_MARKDOWN ? "markdown"
	       : f == FC_FORMAT_HTML	? "html"
					: "text";
}

const fc_suppressions *fc_document_suppressions(const fc_document *doc)
{
	return doc && doc->priv ? &doc->priv->sup : NULL;
}

const char *fc_document_date_error(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->date_error : NULL;
}

const char *fc_document_date_warning(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->date_warning : NULL;
}

const char *fc_document_file(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->open_path : NULL;
}

/* ------------------------------------------------------------------ */
/* Loading. */

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
		free(doc->priv->open_path);
		free(doc->priv->date_error);
		free(doc->priv->date_warning);
		fc_suppressions_free(&doc->priv->sup);
		fc_number_list_free(&doc->priv->numbers);
		fc_sentence_index_free(&doc->priv->sents);
		free(doc->priv);
	}
	free(doc);
}

fc_status fc_document_scan_numbers(fc_document *doc,
				   const fc_num_options *opts)
{
	fc_doc_priv *priv = doc->priv;
	fc_status rc;

	if (priv->scanned)
		return FC_OK;
	/* Room for a figure every 32 bytes, which news copy seldom passes:
	 * pages never written cost nothing, and a long document's list is
	 * not copied as it grows. */
	if (doc->prose_len >= ((size_t)4 << 20) &&
	    fc_grow((void **)&priv->numbers.items, &priv->numbers.cap,
		    doc->prose_len / 32, sizeof(fc_number)) != FC_OK)
		return FC_ERR_NOMEM;
	rc = fc_numbers_scan(doc->prose, doc->prose_len, opts, &priv->numbers);
	if (rc != FC_OK) {
		fc_number_list_free(&priv->numbers);
		return rc;
	}
	/* Without an index (a text of four billion sentences), sentences
	 * are found by scanning. */
	rc = fc_sentence_index_build(doc->prose, doc->prose_len, &priv->sents);
	if (rc == FC_ERR_NOMEM) {
		fc_number_list_free(&priv->numbers);
		fc_sentence_index_free(&priv->sents);
		return rc;
	}
	if (rc != FC_OK)
		fc_sentence_index_free(&priv->sents);
	priv->indexed = rc == FC_OK;
	priv->scanned = true;
	return FC_OK;
}

void fc_document_sentence_at(const fc_document *doc, size_t offset,
			     size_t *start, size_t *end)
{
	if (doc->priv && doc->priv->indexed)
		fc_sentence_index_at(&doc->priv->sents, doc->prose, offset,
				     start, end);
	else
		fc_sentence_at(doc->prose, doc->prose_len, offset, start, end);
}

const fc_number_list *fc_document_numbers(const fc_document *doc)
{
	static const fc_number_list none = {NULL, 0, 0};

	return doc && doc->priv && doc->priv->scanned ? &doc->priv->numbers
						       : &none;
}

/* Builds the prose view, its map, the date and the suppressions of a
 * Markdown or HTML document. */
static fc_status build_prose(fc_document *doc, meta_date *date)
{
	fc_doc_priv *priv = doc->priv;
	const char *t = doc->text;
	size_t len = doc->len;
	pb b;
	fc_status rc = FC_OK;

	memset(&b, 0, sizeof(b));
	b.t = t;
	b.len = len;
	b.p = priv->prose;
	b.map = malloc((len + 1) * sizeof(size_t));
	b.pending = SIZE_MAX;
	b.identity = true;
	b.long_tags = len <= SIZE_MAX / 4 ? 4 * len : len;
	if (!b.map)
		return FC_ERR_NOMEM;
	/* A UTF-8 byte-order mark is not prose. */
	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		fc_pb_blank_to(&b, 3);
	if (doc->format == FC_FORMAT_MARKDOWN) {
		fc_prose_markdown(&b, date);
	} else {
		fc_prose_html(&b);
		date->date = fc_prose_html_date(t, len, date);
	}
	b.p[b.n] = 0;
	b.map[b.n] = len;
	if (b.identity && b.n == len) {
		free(b.map);
	} else {
		priv->map = b.map;
		doc->prose_map = b.map;
	}
	doc->prose_len = b.n;
	if (b.nomem)
		rc = FC_ERR_NOMEM;
	if (rc == FC_OK && b.n_comments)
		rc = fc_suppressions_build(&priv->sup, t, len, priv->lines,
					   priv->n_lines, b.comments,
					   b.n_comments);
	free(b.comments);
	return rc;
}

/* Takes ownership of `data` (len bytes, NUL-terminated). */
static fc_status document_build(const char *name, char *data, size_t len,
				const fc_doc_options *opts, fc_document **out,
				fc_error *err)
{
	fc_document *doc;
	fc_doc_priv *priv;
	size_t bad;
	meta_date date;
	const char *disp = opts && opts->display_path ? opts->display_path : name;
	const char *enc;
	bool bom, copy;

	*out = NULL;
	memset(&date, 0, sizeof(date));
	date.date = FC_DATE_NONE;
	if (len == 0) {
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: empty file; nothing to check", disp);
	}
	if ((enc = fc_utf16_or_32(data, len))) {
		fc_status rc = fc_error_set(
		    err, FC_ERR_INPUT,
		    "%s: %s text; figcheck reads UTF-8: convert it, e.g. "
		    "with iconv -f %s -t UTF-8",
		    disp, enc, enc);
		free(data);
		return rc;
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
	doc->format = opts && opts->format_set ? opts->format
						: fc_format_from_name(disp);
	bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	/* Plain text is its own prose, but for a byte-order mark: no copy. */
	copy = doc->format != FC_FORMAT_TEXT || bom;
	if (copy)
		priv->prose = malloc(len + 1);
	if (!priv->path || (copy && !priv->prose) ||
	    build_lines(priv, data, len)) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	doc->path = priv->path;
	doc->text = data;
	doc->len = len;
	doc->prose = priv->prose ? priv->prose : data;
	if (doc->format == FC_FORMAT_TEXT) {
		if (bom) {
			/* A UTF-8 byte-order mark is not prose. */
			memcpy(priv->prose, data, len + 1);
			memset(priv->prose, ' ', 3);
		}
		doc->prose_len = len;
	} else if (build_prose(doc, &date) != FC_OK) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory", disp);
	}
	if (date.what) {
		/* Where the bad value is, and what it says. */
		unsigned line, col;
		char **slot = date.impossible ? &priv->date_error
					      : &priv->date_warning;
		fc_document_position(doc, date.bad_at, &line, &col);
		*slot = fc_asprintf(
		    "%s:%u:%u: %s '%.*s' is not a date (%s); %s", disp, line,
		    col, date.what, (int)(date.bad_len < 64 ? date.bad_len : 64),
		    data + date.bad_at, date.why,
		    date.impossible ? "correct it, or give the as-of date with "
				      "--date"
				    : "it is ignored (write YYYY-MM-DD, or give "
				      "--date)");
		if (!*slot) {
			fc_document_free(doc);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
	}
	doc->date = date.date;
	doc->date_origin = date.date == FC_DATE_NONE ? FC_DATE_FROM_NONE
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
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = opts && opts->display_path ? opts->display_path
			   : is_stdin			 ? "<stdin>"
							 : path;
	fc_error rerr;
	fc_status rc;

	*out = NULL;
	fc_error_clear(&rerr);
	rc = fc_read_file(path, max, &data, &len, &rerr);
	if (rc != FC_OK) {
		if (rc == FC_ERR_NOMEM)
			return fc_error_set(err, rc, "%s: out of memory", name);
		if (rc == FC_ERR_LIMIT)
			return fc_error_set(err, FC_ERR_INPUT,
					    "%s: larger than %zu bytes; split it "
					    "or check it alone",
					    name, max);
		if (is_stdin)
			return fc_error_set(err, FC_ERR_INPUT,
					    "%s: reading standard input failed: %s",
					    name, rerr.msg);
		if (err)
			*err = rerr;
		if (err)
			err->code = FC_ERR_INPUT;
		return FC_ERR_INPUT;
	}
	rc = document_build(is_stdin ? "<stdin>" : path, data, len, opts, out,
			    err);
	if (rc == FC_OK && !is_stdin &&
	    !((*out)->priv->open_path = fc_strdup(path))) {
		fc_document_free(*out);
		*out = NULL;
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	return rc;
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
