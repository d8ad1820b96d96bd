/*
 * fuzz_prose.h: the body of the Markdown and HTML prose-view targets
 * (fuzz_markdown.c, fuzz_html.c): a document is built from the input in
 * one format and its prose view, its map back to the text, its positions,
 * its date and its suppression comments are checked against what the
 * checkers and reporters rely on.
 */
#ifndef FC_FUZZ_PROSE_H
#define FC_FUZZ_PROSE_H

#include "fuzz_util.h"

#include "dates.h"
#include "document.h"
#include "util.h"

static void fz_prose(const uint8_t *data, size_t size, const char *name)
{
	fc_document *doc;
	fc_error err;
	size_t prev = 0;
	const char *msg;

	fc_error_clear(&err);
	if (fc_document_from_memory(name, (const char *)data, size, NULL, &doc,
				    &err) != FC_OK) {
		FZ_CHECK(doc == NULL, "a document with an error");
		FZ_CHECK(fz_message_ok(err.msg, sizeof(err.msg)), "no message");
		return;
	}
	FZ_CHECK(doc->len == size, "len %zu of %zu", doc->len, size);
	FZ_CHECK(doc->prose_len <= doc->len, "prose longer than the text");
	FZ_CHECK(doc->prose[doc->prose_len] == 0, "prose not terminated");
	FZ_CHECK(strlen(doc->prose) == doc->prose_len, "NUL in the prose");
	FZ_CHECK(fc_utf8_check(doc->prose, doc->prose_len) == doc->prose_len,
		 "prose is not UTF-8");
	/* Every prose byte maps into the text, in order; the end maps to
	 * the end. */
	for (size_t i = 0; i <= doc->prose_len; i++) {
		size_t m = fc_document_map(doc, i);
		FZ_CHECK(m <= doc->len, "map %zu -> %zu past %zu", i, m,
			 doc->len);
		FZ_CHECK(m >= prev, "map goes back at %zu", i);
		prev = m;
	}
	if (doc->prose_len) {
		unsigned line, col, l2, c2;
		fc_document_position(doc, fc_document_map(doc, 0), &line, &col);
		fc_document_position(doc, doc->len, &l2, &c2);
		FZ_CHECK(line >= 1 && col >= 1 && l2 >= line, "positions");
	}
	if ((msg = fc_document_date_error(doc)))
		FZ_CHECK(strncmp(msg, name, strlen(name)) == 0, "date error: %s",
			 msg);
	if ((msg = fc_document_date_warning(doc)))
		FZ_CHECK(strncmp(msg, name, strlen(name)) == 0, "warning: %s",
			 msg);
	{
		fc_dateline dl;
		if (fc_dateline_find(doc, 0, fc_date_from_ymd(2024, 1, 1),
				     FC_YEAR_TODAY, &dl))
			FZ_CHECK(dl.start <= dl.date_start &&
				     dl.date_start < dl.date_end &&
				     dl.date_end <= dl.end &&
				     dl.end <= doc->prose_len,
				 "dateline span");
	}
	fc_document_free(doc);
}

#endif
