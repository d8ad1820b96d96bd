/*
 * document.h: a document read once, with its prose view, a map from byte
 * offset to line and column, its as-of date and its suppression comments.
 *
 * The prose view (doc->prose) is what checkers read. Plain text is its own
 * prose. In Markdown, front matter, fenced and indented code, inline code,
 * link and image targets, bare URLs, HTML comments and tags, and the
 * markup characters themselves are taken out; in HTML, tags, comments and
 * the content of script, style, code, pre and the like are. Inline
 * formatting (**, [links](...), <b>, <span>) is dropped as a browser drops
 * it; other markup reads as white space; block-level HTML tags become
 * paragraph breaks; character references (&amp;, &#8217;) are decoded;
 * white space is normalised to one space between words, line breaks kept.
 * So the prose may be shorter than the text: doc->prose_map maps each
 * prose byte back to the text, and every position a finding shows points
 * into the original file.
 */
#ifndef FC_DOCUMENT_H
#define FC_DOCUMENT_H

#include <figcheck/plugin.h>

#include "suppress.h"

typedef struct fc_doc_options {
	fc_doc_format format; /* used when format_set */
	bool format_set;      /* else decided by the file's extension */
	const char *display_path; /* name to report instead of path, or NULL;
	                             its extension decides the format */
	size_t max_size;      /* 0: the default (64 MiB) */
} fc_doc_options;

/*
 * Reads `path` ("-" is stdin) and checks that it is usable text: not
 * empty, valid UTF-8, no NUL bytes. On success *out is a new document that
 * the caller frees with fc_document_free. On failure fills err with a
 * message naming the file and, for bad bytes, the line and column.
 */
fc_status fc_document_load(const char *path, const fc_doc_options *opts,
			   fc_document **out, fc_error *err);

/* Same as fc_document_load over `len` bytes of `data` (copied); `name`
 * is the path reported and, unless opts say otherwise, decides the
 * format by its extension. */
fc_status fc_document_from_memory(const char *name, const char *data,
				  size_t len, const fc_doc_options *opts,
				  fc_document **out, fc_error *err);

/* Frees a document and everything it owns. NULL is allowed. */
void fc_document_free(fc_document *doc);

/* Line and column (1-based; the column counts code points) of a byte
 * offset into doc->text. Offsets past the end give the end position. */
void fc_document_position(const fc_document *doc, size_t offset,
			  unsigned *line, unsigned *col);

/* Maps an offset into doc->prose to an offset into doc->text. A prose
 * offset that starts a figure maps to the figure's first byte in the text;
 * one just past a figure maps just past it (before any closing markup such
 * as </b> or **), so both ends of a span map well. */
size_t fc_document_map(const fc_document *doc, size_t prose_offset);

/* Reads every figure of doc->prose with the number options `opts`, and
 * finds its sentences, once: later calls do nothing. The list and the
 * sentences belong to the document. Returns FC_ERR_NOMEM only. */
fc_status fc_document_scan_numbers(fc_document *doc,
				   const fc_num_options *opts);

/* The figures of doc->prose in text order, as fc_document_scan_numbers
 * read them (an empty list before it ran). Borrowed from the document. */
const fc_number_list *fc_document_numbers(const fc_document *doc);

/* The sentence of doc->prose that holds the prose offset `offset`, as
 * fc_sentence_at finds it: from the index fc_document_scan_numbers built,
 * else (before it ran) by scanning around the offset. */
void fc_document_sentence_at(const fc_document *doc, size_t offset,
			     size_t *start, size_t *end);

/* The format a file name implies: .md .markdown .mdown .mkd .mdx are
 * Markdown, .html .htm .xhtml HTML, anything else text. Pure. */
fc_doc_format fc_format_from_name(const char *name);

/* Parses "text", "markdown" (or "md") or "html" into *out; false for
 * anything else. */
bool fc_format_parse(const char *s, fc_doc_format *out);

/* Short name of a format ("markdown"). Static. */
const char *fc_format_name(fc_doc_format f);

/*
 * A date in the document's own metadata (front matter, an HTML <meta>,
 * JSON-LD, a <time>) that has the shape of a date but names no day
 * ("2023-11-31"): a message naming the file, line and column, or NULL.
 * The engine refuses to check such a document unless --date gives its
 * date. Borrowed from the document.
 */
const char *fc_document_date_error(const fc_document *doc);

/* A metadata date value that cannot be read at all ("next Tuesday"): a
 * warning naming the place, or NULL. Borrowed from the document. */
const char *fc_document_date_warning(const fc_document *doc);

/* The file the document was read from (for its modification time), or
 * NULL for standard input and text given in memory. Borrowed. */
const char *fc_document_file(const fc_document *doc);

/* The document's suppression comments (Markdown and HTML only; empty for
 * text). Borrowed from the document. */
const fc_suppressions *fc_document_suppressions(const fc_document *doc);

#endif
