/*
 * spool.h: the results of a run kept on disk until the reports are
 * written, so that a run's memory does not grow with the number of
 * documents.
 *
 * `figcheck check` hands each document's result to the spool as soon as
 * it is checked (in the order of the inputs), and frees it. The spool
 * writes what the reporters need of it to an unnamed temporary file: the
 * document's name, its error, its text, format, flags, as-of date and
 * coverage, and its findings with their claims and strings (a finding's records are the
 * reference store's, which outlives the reports, and are kept as
 * pointers). The reporters then read the documents back one at a time
 * (fc_report.doc), as often as they need: the document's prose view, its
 * map and its line index are rebuilt from the text, so the spool keeps a
 * document's text once and never its eight-bytes-a-byte map. What stays
 * in memory is an offset per document and the run's counts.
 *
 * The temporary file is removed from its folder as soon as it is
 * created ($TMPDIR, else /tmp), so nothing is left behind however the
 * run ends. A spool is used from one thread at a time.
 */
#ifndef FC_SPOOL_H
#define FC_SPOOL_H

#include <figcheck/plugin.h>

#include "engine.h"

typedef struct fc_spool fc_spool;

/* Creates a spool; the caller frees it with fc_spool_free. Its file is
 * made when the first document must go to it. FC_ERR_NOMEM only. */
fc_status fc_spool_new(fc_spool **out, fc_error *err);

/* As fc_spool_new, with `memory` bytes of results kept in memory
 * before the file is used (0: every document goes to the file). */
fc_status fc_spool_new_limit(fc_spool **out, size_t memory, fc_error *err);

/* Frees the spool, its file and the document last read. NULL is
 * allowed. */
void fc_spool_free(fc_spool *s);

/*
 * Appends a document: its result `r` (NULL for a document that could not
 * be checked: then `error` says why and `path` names it). Takes `r`: the
 * spool keeps it in memory or copies what the reports need to its file
 * and frees it, even on failure. The document's findings are counted by
 * verdict. FC_ERR_IO when the file cannot be made or written (a full
 * disk), FC_ERR_NOMEM.
 */
fc_status fc_spool_add(fc_spool *s, fc_doc_result *r, const char *path,
		       const char *error, fc_error *err);

/* The number of documents appended. */
size_t fc_spool_count(const fc_spool *s);

/* The findings appended, per verdict (an array of FC_VERDICT_COUNT), the
 * documents that could not be checked, and the figures of them all. */
const size_t *fc_spool_counts(const fc_spool *s);
size_t fc_spool_errors(const fc_spool *s);
const fc_coverage *fc_spool_coverage(const fc_spool *s);

/*
 * Reads document `i` (< fc_spool_count) back. The result and everything
 * it points to belong to the spool and stay valid until the next call or
 * fc_spool_free. Never NULL: when the file cannot be read, the document
 * returned carries that error, and fc_spool_failed says so.
 */
const fc_report_doc *fc_spool_doc(fc_spool *s, size_t i);

/* True, with the reason in `err`, when reading a document back failed:
 * the report written from it is incomplete. */
bool fc_spool_failed(const fc_spool *s, fc_error *err);

/*
 * Writes a report of the spool's documents with the engine's reporter
 * `format` to `path` (fc_engine_write_report): the reporter reads them
 * back one at a time, so a run's reports take the memory of one document
 * however many it checked. A document that cannot be read back fails the
 * report (the old file stays).
 */
fc_status fc_spool_report(fc_spool *s, fc_engine *eng, const char *format,
			  const char *path, fc_error *err);

#endif
