/*
 * report_util.h: helpers shared by the sarif, junit, github, markdown and
 * html reporters, compiled into each (a plugin links nothing of
 * figcheck's). Everything a reporter writes comes from drafts, rule packs
 * and reference data, so all of it is untrusted text: these helpers read
 * it as UTF-8 with every invalid sequence replaced by U+FFFD, and each
 * reporter escapes what they give for its own format.
 */
#ifndef FC_REPORT_UTIL_H
#define FC_REPORT_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#define RU_REPLACEMENT 0xFFFDu

/* Decodes the code point at s[*i] (of `len` bytes) and advances *i past
 * it. An invalid, overlong or truncated sequence, or a surrogate, reads as
 * U+FFFD and advances one byte. */
static inline uint32_t ru_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = len - *i, n;
	uint32_t cp, min;

	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		cp = u[0] & 0x1F;
		min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		cp = u[0] & 0x0F;
		min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		cp = u[0] & 0x07;
		min = 0x10000;
	} else {
		*i += 1;
		return RU_REPLACEMENT;
	}
	if (left < n) {
		*i += 1;
		return RU_REPLACEMENT;
	}
	for (size_t k = 1; k < n; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			*i += 1;
			return RU_REPLACEMENT;
		}
		cp = cp << 6 | (u[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i += 1;
		return RU_REPLACEMENT;
	}
	*i += n;
	return cp;
}

/* Writes the character reference that HTML and XML need for `cp` when it
 * is one of & < > " and returns true; returns false for any other. */
bool ru_put_markup_ref(FILE *out, uint32_t cp);

/* Writes code point `cp` as UTF-8 to `out`. */
void ru_put_cp(FILE *out, uint32_t cp);

/* A copy of `s` (NULL reads as "") that is valid UTF-8, for libraries
 * that copy bytes as they are (cJSON). The caller frees it; NULL when
 * memory runs out. */
char *ru_clean(const char *s);

/* Formats a value as figcheck prints it (fc_format_value): integers
 * with thousands separators ("9,770"), others with up to `decimals`
 * digits. */
char *ru_value(double v, int decimals, char *buf, size_t size);

/* The words before a figure with qualifier `q` ("more than "); "" for
 * none, a range, a vague figure or an unknown qualifier. */
const char *ru_qualifier_words(fc_qualifier q);

/* A figure with its qualifier, as a reader would say it
 * (fc_describe_value): "more than 1,400", "about 1,200", "200 to 300". */
char *ru_describe(fc_qualifier q, double v, double v2, char *buf,
				size_t size);

/* When a record's figure is of, as a phrase: "on 2023-11-05" for a
 * day's, "in 2023" or "in 2023-11" for a year's or a month's (buf: 16
 * bytes). */
char *ru_when(const fc_ref *r, char buf[16]);

/* The record's value as published ("more than 1,400 on 2023-10-13",
 * "37,732,836 in 2023"). */
char *ru_record(const fc_ref *r, char *buf, size_t size);

/* True for an http or https URL: the only ones a report links to. */
bool ru_is_web_url(const char *u);

/* The URL to show for a record: its own, else its source's; NULL when
 * neither is a web URL. */
const char *ru_record_url(const fc_ref *r);

/* Which verdicts a reporter shows when its "verdicts" option is not set. */
typedef enum ru_default {
	RU_ALL,     /* every verdict */
	RU_PROBLEMS /* all but ok and unchecked */
} ru_default;

/* Reads a reporter's "verdicts" option (an array of verdict names) from
 * `opts` into `want`; without the option, `deflt` decides. When a name is
 * not a verdict, fills `err` naming it and the option and returns
 * FC_ERR_CONFIG. */
fc_status ru_verdicts(const fc_host *h, fc_plugin_ctx *ctx,
				    const fc_value *opts, ru_default deflt,
				    bool want[FC_VERDICT_COUNT], fc_error *err);

/* True if a finding of verdict `v` goes into the report: the reporter's
 * "verdicts" chose it, or it is unchecked and the run lists the
 * unchecked figures (--show-unchecked). */
bool ru_shown(const bool want[FC_VERDICT_COUNT],
			    const fc_report *rep, fc_verdict v);

/* Reads a reporter's "max_rows" option into *max_rows. Fills `err` and
 * returns FC_ERR_CONFIG when it is not from 1 to 100000. */
fc_status ru_max_rows(const fc_host *h, fc_plugin_ctx *ctx,
				    const fc_value *opts, size_t *max_rows,
				    fc_error *err);

/* The end of a report: fills `err` when writing to `out` failed. */
fc_status ru_written(const fc_host *h, FILE *out, fc_error *err);

/* The name of the report's --fail-on verdict, or "never". */
const char *ru_fail_on(const fc_report *rep);

/* The number of findings of the report. */
size_t ru_total(const fc_report *rep);

/* The number of findings at or above the report's --fail-on. */
size_t ru_failing(const fc_report *rep);

/* "1 discrepancy, 2 ok" for the report's counts, gravest first. */
char *ru_counts(const fc_report *rep, char *buf, size_t size);

/* "13 figures: 6 checked, 5 unchecked, 2 not quantities": what became of
 * the figures of a document or a run. */
char *ru_coverage(const fc_coverage *c, char *buf, size_t size);

#endif
