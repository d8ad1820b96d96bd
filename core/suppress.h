/*
 * suppress.h: suppression comments in Markdown and HTML drafts.
 *
 *     <!-- figcheck-disable-next-line [NAME...] [-- reason] -->
 *     <!-- figcheck-disable-line [NAME...] [-- reason] -->
 *     <!-- figcheck-disable [NAME...] [-- reason] -->
 *     ...
 *     <!-- figcheck-enable [NAME...] -->
 *
 * A NAME is a rule id ("casualties.killed-children") or a metric key
 * ("gaza.killed.children"); '*' stands for any run of characters
 * ("casualties.*"). Without a NAME a directive covers every finding.
 * Names may be separated by spaces or commas. A finding is suppressed when
 * the first character of its claim lies in a covered span and one of the
 * directive's names matches its rule id or its metric: it then reaches no
 * reporter and does not count towards the exit status.
 */
#ifndef FC_SUPPRESS_H
#define FC_SUPPRESS_H

#include <figcheck/plugin.h>

#include "log.h"

/* One covered span of the text. */
typedef struct fc_suppression {
	size_t from, to;   /* byte offsets into doc->text, `to` exclusive */
	char **names;      /* NULL: every finding */
	size_t n_names;
	unsigned line;     /* line of the directive, for messages */
} fc_suppression;

/* The suppressions of one document, and what was wrong with its
 * directives. Initialise to {0}; free with fc_suppressions_free. */
typedef struct fc_suppressions {
	fc_suppression *items;
	size_t n, cap;
	char **warnings; /* "LINE:COL: ..." without the file name */
	size_t n_warnings, cap_warnings;
} fc_suppressions;

/* An HTML comment of the draft that was read as markup, `<!--` to `-->`
 * inclusive (byte offsets into the text). */
typedef struct fc_comment_span {
	size_t start, end;
} fc_comment_span;

/*
 * Reads the figcheck directives among the comments `comments` (in text
 * order) of `text` (`len` bytes, with `n_lines` line starts in `lines`)
 * and fills `out` with the spans they cover. A comment that is not a
 * figcheck directive is ignored; a misspelt directive, a malformed name,
 * an enable that matches no open disable, are warnings kept in `out`. A
 * disable that is never enabled again covers the rest of the text.
 * Returns FC_ERR_NOMEM only; `out` then holds what was built so far.
 */
fc_status fc_suppressions_build(fc_suppressions *out, const char *text,
				size_t len, const size_t *lines, size_t n_lines,
				const fc_comment_span *comments,
				size_t n_comments);

/* Frees everything `s` holds and resets it to {0}. */
void fc_suppressions_free(fc_suppressions *s);

/* True when suppression `s` covers finding `f`. */
bool fc_suppression_covers(const fc_suppression *s, const fc_finding *f);

/*
 * Removes from `findings` (`*n` of them, order kept) those that a
 * suppression of `s` (a document's, which may be NULL: none) covers;
 * updates *n and returns how many were removed. The directives' warnings
 * are logged to `lg` (which may be NULL), prefixed with `path`, the
 * document's name. Pure otherwise: safe from several threads for
 * different documents.
 */
size_t fc_suppress_apply(const fc_suppressions *s, const char *path,
			 fc_finding *findings, size_t *n, const fc_logger *lg);

#endif
