/*
 * document.h: a document read once, with its prose view, a map from byte
 * offset to line and column, and its as-of date.
 */
#ifndef FC_DOCUMENT_H
#define FC_DOCUMENT_H

#include <figcheck/plugin.h>

typedef struct fc_doc_options {
	fc_doc_format format; /* used when format_set */
	bool format_set;      /* else decided by the file's extension */
	const char *display_path; /* name to report instead of path, or NULL */
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

/* Same as fc_document_load over `len` bytes of `data` (copied). */
fc_status fc_document_from_memory(const char *name, const char *data,
				  size_t len, const fc_doc_options *opts,
				  fc_document **out, fc_error *err);

/* Frees a document and everything it owns. NULL is allowed. */
void fc_document_free(fc_document *doc);

/* Line and column (1-based; the column counts code points) of a byte
 * offset into doc->text. Offsets past the end give the end position. */
void fc_document_position(const fc_document *doc, size_t offset,
			  unsigned *line, unsigned *col);

/* Maps an offset into doc->prose to an offset into doc->text. */
size_t fc_document_map(const fc_document *doc, size_t prose_offset);

#endif
