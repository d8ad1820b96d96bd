/*
 * baseline.h: accepting the findings a project already has, so that CI
 * fails only on new ones.
 *
 * `--write-baseline FILE` writes the fingerprints of the run's findings
 * at or above --fail-on to FILE (atomically); `--baseline FILE` reads
 * such a file and accepts every finding whose fingerprint it holds: an
 * accepted finding is left out of the reports and does not fail the run.
 * A fingerprint (see engine.c) names the claim, not its line, so edits
 * elsewhere in a draft keep it.
 *
 * The file is JSON, sorted so that it diffs well:
 *
 *     {"figcheck_baseline": 1, "findings": [
 *       {"fingerprint": "3f2a...", "path": "drafts/a.md", "line": 17,
 *        "verdict": "discrepancy", "rule": "casualties.killed-children",
 *        "text": "4,800"}, ...]}
 *
 * Only "fingerprint" is read back; the other fields are for the people
 * who review a change to the baseline.
 */
#ifndef FC_BASELINE_H
#define FC_BASELINE_H

#include <figcheck/plugin.h>

#include "engine.h"

typedef struct fc_baseline fc_baseline;

/*
 * Reads a baseline file. On success the caller frees *out with
 * fc_baseline_free. A file that is not valid JSON or not of the shape
 * above is an error naming the file and the place.
 */
fc_status fc_baseline_load(const char *path, fc_baseline **out,
			   fc_error *err);

/* Builds a baseline from the findings of `results` (n of them, some NULL)
 * at or above `fail_on`, as if written and read back. */
fc_status fc_baseline_from_results(fc_doc_result *const *results, size_t n,
				   fc_verdict fail_on, fc_baseline **out,
				   fc_error *err);

/* Frees a baseline. NULL is allowed. */
void fc_baseline_free(fc_baseline *bl);

/*
 * Writes the fingerprints of the findings of `results` at or above
 * `fail_on` to `path` atomically (an interrupted run leaves the old file).
 */
fc_status fc_baseline_write(const char *path, fc_doc_result *const *results,
			    size_t n, fc_verdict fail_on, fc_error *err);

/*
 * The lines of a baseline file, collected one document at a time, so
 * that --write-baseline does not keep every document of a run: what a
 * line needs is copied. Create with fc_baseline_entries_new, free with
 * fc_baseline_entries_free.
 */
typedef struct fc_baseline_entries fc_baseline_entries;
fc_status fc_baseline_entries_new(fc_baseline_entries **out);
void fc_baseline_entries_free(fc_baseline_entries *e);
/* Adds the findings of `r` (NULL: none) at or above `fail_on`.
 * FC_ERR_NOMEM on failure. */
fc_status fc_baseline_entries_add(fc_baseline_entries *e,
				  const fc_doc_result *r, fc_verdict fail_on);
size_t fc_baseline_entries_count(const fc_baseline_entries *e);
/* Writes the file, sorted, atomically. */
fc_status fc_baseline_entries_write(fc_baseline_entries *e, const char *path,
				    fc_error *err);

/* Removes from `r` its findings at or above `fail_on`, and any other with
 * the same fingerprint: what a baseline written from the run itself
 * accepts. Returns how many. */
size_t fc_baseline_accept_own(fc_doc_result *r, fc_verdict fail_on);

/* Removes from `r` the findings the baseline holds (order kept) and
 * returns how many. Marks those entries used. Not thread-safe: call it
 * for one result at a time. */
size_t fc_baseline_filter(fc_baseline *bl, fc_doc_result *r);

/* The number of entries of the baseline, and of those no finding used
 * (fixed findings, to be dropped from the file). */
size_t fc_baseline_size(const fc_baseline *bl);
size_t fc_baseline_unused(const fc_baseline *bl);

#endif
