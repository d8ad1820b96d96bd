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
static inline bool ru_put_markup_ref(FILE *out, uint32_t cp)
{
	const char *ref = cp == '&'   ? "&amp;"
			  : cp == '<' ? "&lt;"
			  : cp == '>' ? "&gt;"
			  : cp == '"' ? "&quot;"
				      : NULL;

	if (ref)
		fputs(ref, out);
	return ref != NULL;
}

/* Writes code point `cp` as UTF-8 to `out`. */
static inline void ru_put_cp(FILE *out, uint32_t cp)
{
	if (cp < 0x80) {
		fputc((int)cp, out);
	} else if (cp < 0x800) {
		fputc((int)(0xC0 | (cp >> 6)), out);
		fputc((int)(0x80 | (cp & 0x3F)), out);
	} else if (cp < 0x10000) {
		fputc((int)(0xE0 | (cp >> 12)), out);
		fputc((int)(0x80 | ((cp >> 6) & 0x3F)), out);
		fputc((int)(0x80 | (cp & 0x3F)), out);
	} else {
		fputc((int)(0xF0 | (cp >> 18)), out);
		fputc((int)(0x80 | ((cp >> 12) & 0x3F)), out);
		fputc((int)(0x80 | ((cp >> 6) & 0x3F)), out);
		fputc((int)(0x80 | (cp & 0x3F)), out);
	}
}

/* A copy of `s` (NULL reads as "") that is valid UTF-8, for libraries
 * that copy bytes as they are (cJSON). The caller frees it; NULL when
 * memory runs out. */
static inline char *ru_clean(const char *s)
{
	size_t len = s ? strlen(s) : 0, o = 0;
	char *out = malloc(len * 3 + 1);

	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t cp = ru_next(s, len, &i);
		if (cp == RU_REPLACEMENT && i == at + 1) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(out + o, s + at, i - at);
			o += i - at;
		}
	}
	out[o] = 0;
	return out;
}

/* Formats a value as figcheck prints it (fc_format_value): integers
 * with thousands separators ("9,770"), others with up to `decimals`
 * digits. */
static inline char *ru_value(double v, int decimals, char *buf, size_t size)
{
	return fc_format_value(v, true, decimals, buf, size);
}

/* The words before a figure with qualifier `q` ("more than "); "" for
 * none, a range, a vague figure or an unknown qualifier. */
static inline const char *ru_qualifier_words(fc_qualifier q)
{
	static const char *const words[FC_QUALIFIER_COUNT] = {
	    "", "more than ", "at least ", "nearly ", "about ", "up to ",
	    "fewer than ", "", ""};

	return (unsigned)q < FC_QUALIFIER_COUNT ? words[q] : "";
}

/* A figure with its qualifier, as a reader would say it
 * (fc_describe_value): "more than 1,400", "about 1,200", "200 to 300". */
static inline char *ru_describe(fc_qualifier q, double v, double v2, char *buf,
				size_t size)
{
	return fc_describe_value(q, v, v2, buf, size);
}

/* When a record's figure is of, as a phrase: "on 2023-11-05" for a
 * day's, "in 2023" or "in 2023-11" for a year's or a month's (buf: 16
 * bytes). */
static inline char *ru_when(const fc_ref *r, char buf[16])
{
	char d[11];

	snprintf(buf, 16, "%s %s", r->rec.period == FC_PERIOD_DAY ? "on" : "in",
		 fc_period_format(r->rec.date, r->rec.period, d));
	return buf;
}

/* The record's value as published ("more than 1,400 on 2023-10-13",
 * "37,732,836 in 2023"). */
static inline char *ru_record(const fc_ref *r, char *buf, size_t size)
{
	char v[128], w[16];

	ru_describe(r->rec.qualifier, r->rec.value, r->rec.value, v, sizeof(v));
	snprintf(buf, size, "%s %s", v, ru_when(r, w));
	return buf;
}

/* True for an http or https URL: the only ones a report links to. */
static inline bool ru_is_web_url(const char *u)
{
	return u && (strncmp(u, "https://", 8) == 0 ||
		     strncmp(u, "http://", 7) == 0);
}

/* The URL to show for a record: its own, else its source's; NULL when
 * neither is a web URL. */
static inline const char *ru_record_url(const fc_ref *r)
{
	if (!r)
		return NULL;
	if (ru_is_web_url(r->rec.url))
		return r->rec.url;
	if (ru_is_web_url(r->source_url))
		return r->source_url;
	return NULL;
}

/* Which verdicts a reporter shows when its "verdicts" option is not set. */
typedef enum ru_default {
	RU_ALL,     /* every verdict */
	RU_PROBLEMS /* all but ok and unchecked */
} ru_default;

/* Reads a reporter's "verdicts" option (an array of verdict names) from
 * `opts` into `want`; without the option, `deflt` decides. When a name is
 * not a verdict, fills `err` naming it and the option and returns
 * FC_ERR_CONFIG. */
static inline fc_status ru_verdicts(const fc_host *h, fc_plugin_ctx *ctx,
				    const fc_value *opts, ru_default deflt,
				    bool want[FC_VERDICT_COUNT], fc_error *err)
{
	const fc_value *opt = h->opt(opts, "verdicts");
	size_t n = h->value_count(opt);
	char path[256];

	if (h->value_type(opt) != FC_VALUE_ARRAY) {
		for (int v = 0; v < FC_VERDICT_COUNT; v++)
			want[v] = deflt == RU_ALL ||
				  (v != FC_VERDICT_OK &&
				   v != FC_VERDICT_UNCHECKED);
		return FC_OK;
	}
	memset(want, 0, sizeof(bool) * FC_VERDICT_COUNT);
	for (size_t i = 0; i < n; i++) {
		const char *s = h->value_string(h->value_at(opt, i));
		bool found = false;
		for (int v = 0; v < FC_VERDICT_COUNT && s; v++)
			if (strcmp(s, fc_verdict_name((fc_verdict)v)) == 0) {
				want[v] = true;
				found = true;
			}
		if (!found)
			return h->error(err, FC_ERR_CONFIG,
					"%s: \"%s\" is not a verdict",
					h->value_path(ctx, opt, path,
						      sizeof(path)),
					s ? s : "");
	}
	return FC_OK;
}

/* True if a finding of verdict `v` goes into the report: the reporter's
 * "verdicts" chose it, or it is unchecked and the run lists the
 * unchecked figures (--show-unchecked). */
static inline bool ru_shown(const bool want[FC_VERDICT_COUNT],
			    const fc_report *rep, fc_verdict v)
{
	return want[v] || (v == FC_VERDICT_UNCHECKED && rep->show_unchecked);
}

/* Reads a reporter's "max_rows" option into *max_rows. Fills `err` and
 * returns FC_ERR_CONFIG when it is not from 1 to 100000. */
static inline fc_status ru_max_rows(const fc_host *h, fc_plugin_ctx *ctx,
				    const fc_value *opts, size_t *max_rows,
				    fc_error *err)
{
	double rows = h->value_number(h->opt(opts, "max_rows"));
	char path[256];

	if (!(rows >= 1 && rows <= 100000))
		return h->error(err, FC_ERR_CONFIG,
				"%s: expected a number of rows from 1 to 100000",
				h->value_path(ctx, h->opt(opts, "max_rows"), path,
					      sizeof(path)));
	*max_rows = (size_t)rows;
	return FC_OK;
}

/* The end of a report: fills `err` when writing to `out` failed. */
static inline fc_status ru_written(const fc_host *h, FILE *out, fc_error *err)
{
	if (ferror(out))
		return h->error(err, FC_ERR_IO, "writing the report failed");
	return FC_OK;
}

/* The name of the report's --fail-on verdict, or "never". */
static inline const char *ru_fail_on(const fc_report *rep)
{
	return rep->fail_on < FC_VERDICT_COUNT ? fc_verdict_name(rep->fail_on)
					       : "never";
}

/* The number of findings of the report. */
static inline size_t ru_total(const fc_report *rep)
{
	size_t n = 0;

	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		n += rep->counts[v];
	return n;
}

/* The number of findings at or above the report's --fail-on. */
static inline size_t ru_failing(const fc_report *rep)
{
	size_t n = 0;

	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		if (rep->fail_on < FC_VERDICT_COUNT && v >= (int)rep->fail_on)
			n += rep->counts[v];
	return n;
}

/* "1 discrepancy, 2 ok" for the report's counts, gravest first. */
static inline char *ru_counts(const fc_report *rep, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = 0;
	for (int v = FC_VERDICT_COUNT - 1; v >= 0 && o < size; v--) {
		if (!rep->counts[v])
			continue;
		o += (size_t)snprintf(buf + o, size - o, "%s%zu %s",
				      o ? ", " : "", rep->counts[v],
				      fc_verdict_name((fc_verdict)v));
	}
	if (!buf[0])
		snprintf(buf, size, "no claims found");
	return buf;
}

/* "13 figures: 6 checked, 5 unchecked, 2 not quantities": what became of
 * the figures of a document or a run. */
static inline char *ru_coverage(const fc_coverage *c, char *buf, size_t size)
{
	snprintf(buf, size, "%zu figure%s: %zu checked, %zu unchecked, %zu %s",
		 c->figures, c->figures == 1 ? "" : "s", c->checked,
		 c->unchecked, c->not_quantities,
		 c->not_quantities == 1 ? "not a quantity" : "not quantities");
	return buf;
}

#endif
