/*
 * md_summary.h: the Markdown summary shared by the markdown reporter (a
 * pull-request comment) and the github reporter (the job summary).
 *
 * Everything from a draft, a rule pack or reference data is escaped for
 * Markdown: ASCII punctuation that is markup gets a backslash, '&' and '<'
 * become character references (no raw HTML gets through), line breaks
 * become spaces, and '@' and '#' are followed by a word joiner so that a
 * draft cannot mention people or link issues in a comment.
 */
#ifndef FC_MD_SUMMARY_H
#define FC_MD_SUMMARY_H

#include "report_util.h"

/* Writes untrusted text as inline Markdown, safe in a table cell. */
void mds_text(FILE *out, const char *s);

/* Writes a web URL as a Markdown link target: characters that could end
 * or break it are percent-encoded. */
void mds_url(FILE *out, const char *u);

const char *mds_icon(fc_verdict v);

/* One table row: icon, verdict, claim, where, record, source. */
void mds_row(FILE *out, const char *path, const fc_finding *f);

void mds_header(FILE *out);

/*
 * Writes the summary: a headline with the counts, a table of the findings
 * whose verdict is in `want` (at most `max_rows`), the agreeing claims in
 * a collapsed section when `show_ok`, documents that could not be read and
 * sources that failed.
 */
void mds_write(FILE *out, const fc_report *rep,
			     const bool want[FC_VERDICT_COUNT], size_t max_rows,
			     bool show_ok);

#endif
