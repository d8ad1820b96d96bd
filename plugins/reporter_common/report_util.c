/*
 * report_util.c: helpers shared by the reporters (see report_util.h).
 */
#include "report_util.h"

bool ru_put_markup_ref(FILE *out, uint32_t cp)
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

void ru_put_cp(FILE *out, uint32_t cp)
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

char *ru_clean(const char *s)
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

char *ru_value(double v, int decimals, char *buf, size_t size)
{
	return fc_format_value(v, true, decimals, buf, size);
}

const char *ru_qualifier_words(fc_qualifier q)
{
	static const char *const words[FC_QUALIFIER_COUNT] = {
	    "", "more than ", "at least ", "nearly ", "about ", "up to ",
	    "fewer than ", "", ""};

	return (unsigned)q < FC_QUALIFIER_COUNT ? words[q] : "";
}

char *ru_describe(fc_qualifier q, double v, double v2, char *buf,
				size_t size)
{
	return fc_describe_value(q, v, v2, buf, size);
}

char *ru_when(const fc_ref *r, char buf[16])
{
	char d[11];

	snprintf(buf, 16, "%s %s", r->rec.period == FC_PERIOD_DAY ? "on" : "in",
		 fc_period_format(r->rec.date, r->rec.period, d));
	return buf;
}

char *ru_record(const fc_ref *r, char *buf, size_t size)
{
	char v[128], w[16];

	ru_describe(r->rec.qualifier, r->rec.value, r->rec.value, v, sizeof(v));
	snprintf(buf, size, "%s %s", v, ru_when(r, w));
	return buf;
}

bool ru_is_web_url(const char *u)
{
	return u && (strncmp(u, "https://", 8) == 0 ||
		     strncmp(u, "http://", 7) == 0);
}

const char *ru_record_url(const fc_ref *r)
{
	if (!r)
		return NULL;
	if (ru_is_web_url(r->rec.url))
		return r->rec.url;
	if (ru_is_web_url(r->source_url))
		return r->source_url;
	return NULL;
}

fc_status ru_verdicts(const fc_host *h, fc_plugin_ctx *ctx,
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

bool ru_shown(const bool want[FC_VERDICT_COUNT],
			    const fc_report *rep, fc_verdict v)
{
	return want[v] || (v == FC_VERDICT_UNCHECKED && rep->show_unchecked);
}

fc_status ru_max_rows(const fc_host *h, fc_plugin_ctx *ctx,
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

fc_status ru_written(const fc_host *h, FILE *out, fc_error *err)
{
	if (ferror(out))
		return h->error(err, FC_ERR_IO, "writing the report failed");
	return FC_OK;
}

const char *ru_fail_on(const fc_report *rep)
{
	return rep->fail_on < FC_VERDICT_COUNT ? fc_verdict_name(rep->fail_on)
					       : "never";
}

size_t ru_total(const fc_report *rep)
{
	size_t n = 0;

	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		n += rep->counts[v];
	return n;
}

size_t ru_failing(const fc_report *rep)
{
	size_t n = 0;

	for (int v = 0; v < FC_VERDICT_COUNT; v++)
		if (rep->fail_on < FC_VERDICT_COUNT && v >= (int)rep->fail_on)
			n += rep->counts[v];
	return n;
}

char *ru_counts(const fc_report *rep, char *buf, size_t size)
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

char *ru_coverage(const fc_coverage *c, char *buf, size_t size)
{
	snprintf(buf, size, "%zu figure%s: %zu checked, %zu unchecked, %zu %s",
		 c->figures, c->figures == 1 ? "" : "s", c->checked,
		 c->unchecked, c->not_quantities,
		 c->not_quantities == 1 ? "not a quantity" : "not quantities");
	return buf;
}
