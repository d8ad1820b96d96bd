/*
 * chart.c: a small picture of a finding, as inline SVG (see chart.h).
 */
#include <math.h>
#include <string.h>

#include "chart.h"
#include "report_util.h"

#define PLOT_W (RC_PLOT_RIGHT - RC_PLOT_LEFT)
#define PLOT_H (RC_PLOT_BOTTOM - RC_PLOT_TOP)

/* Colours as presentation attributes (a page's CSS may override them). */
#define C_LINE "#d1d9e0"
#define C_MUTED "#59636e"
#define C_FG "#1f2328"
#define C_BG "#ffffff"

bool rc_chart_has(const fc_finding *f)
{
	return f && f->record && f->series && f->n_series > 0;
}

bool rc_chart_band(const fc_finding *f, double *lo, double *hi)
{
	const fc_claim *c = f ? f->claim : NULL;
	double l, h, ref;

	if (!c)
		return false;
	l = f->claim_low;
	h = f->claim_high;
	if (isnan(l) || isnan(h))
		return false;
	if (c->change == FC_CHANGE_NONE && !c->per_day) {
		*lo = l;
		*hi = h;
		return true;
	}
	if ((c->change == FC_CHANGE_HIGHEST || c->change == FC_CHANGE_LOWEST)) {
		if (c->per_day)
			return false; /* a day's count, not a level */
		*lo = l;
		*hi = h;
		return true;
	}
	if (!f->ref_record)
		return false;
	ref = f->ref_record->rec.value;
	switch (c->change) {
	case FC_CHANGE_RELATIVE:
		*lo = ref * (1 + l / 100);
		*hi = ref * (1 + h / 100);
		break;
	case FC_CHANGE_MULTIPLE:
		*lo = ref * l;
		*hi = ref * h;
		break;
	default: /* absolute, and a day's count: the reference moved */
		*lo = ref + l;
		*hi = ref + h;
		break;
	}
	if (*lo > *hi) {
		double t = *lo;
		*lo = *hi;
		*hi = t;
	}
	return true;
}

/* The value and date range the picture shows. */
typedef struct scale {
	double x0, x1; /* days */
	double y0, y1; /* values */
} scale;

static double sx(const scale *s, double date)
{
	return RC_PLOT_LEFT + (date - s->x0) / (s->x1 - s->x0) * PLOT_W;
}

static double sy(const scale *s, double v)
{
	double y = RC_PLOT_BOTTOM - (v - s->y0) / (s->y1 - s->y0) * PLOT_H;

	return y < RC_PLOT_TOP ? RC_PLOT_TOP : y > RC_PLOT_BOTTOM ? RC_PLOT_BOTTOM : y;
}

static void widen(double *lo, double *hi, double v)
{
	if (!isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

static void make_scale(const fc_finding *f, bool band, double blo, double bhi,
		       scale *s)
{
	double lo = INFINITY, hi = -INFINITY, pad;

	s->x0 = s->x1 = f->record->rec.date;
	for (size_t i = 0; i < f->n_series; i++) {
		widen(&s->x0, &s->x1, f->series[i].date);
		widen(&lo, &hi, f->series[i].value);
	}
	widen(&s->x0, &s->x1, f->as_of);
	widen(&lo, &hi, f->record->rec.value);
	if (f->ref_record) {
		widen(&s->x0, &s->x1, f->ref_record->rec.date);
		widen(&lo, &hi, f->ref_record->rec.value);
	}
	if (band) {
		widen(&lo, &hi, blo);
		widen(&lo, &hi, bhi);
	}
	if (s->x1 <= s->x0) {
		s->x0 -= 1;
		s->x1 += 1;
	}
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	pad = (hi - lo) * 0.08;
	if (pad <= 0)
		pad = fabs(hi) > 0 ? fabs(hi) * 0.05 : 1;
	s->y0 = lo - pad;
	s->y1 = hi + pad;
	/* A count does not go below zero. */
	if (lo >= 0 && s->y0 < 0)
		s->y0 = 0;
}

/* Writes `s` with & < > " escaped, invalid UTF-8 replaced. */
static void xml(FILE *out, const char *s)
{
	size_t len = s ? strlen(s) : 0, i = 0;

	while (i < len) {
		uint32_t cp = ru_next(s, len, &i);
		if (cp < 0x20 && cp != '\t' && cp != '\n')
			cp = ' ';
		if (!ru_put_markup_ref(out, cp))
			ru_put_cp(out, cp);
	}
}

/* A value for a data- attribute: exact, "inf"/"-inf" when unbounded. */
static const char *num(double v, char *buf, size_t size)
{
	if (isinf(v))
		snprintf(buf, size, v > 0 ? "inf" : "-inf");
	else
		snprintf(buf, size, "%.17g", v);
	return buf;
}

static void point(FILE *out, const scale *s, const char *mark,
		  const char *cls, const fc_ref *r, double radius,
		  const char *fill, const char *stroke)
{
	char v[40], d[11];

	fprintf(out,
		"<circle class=\"%s\" data-mark=\"%s\" data-value=\"%s\" "
		"data-date=\"%s\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" "
		"fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>",
		cls, mark, num(r->rec.value, v, sizeof(v)),
		fc_date_format(r->rec.date, d), sx(s, r->rec.date),
		sy(s, r->rec.value), radius, fill, stroke);
}

bool rc_chart_svg(FILE *out, const fc_finding *f, const char *id)
{
	scale s;
	double blo = 0, bhi = 0;
	bool band;
	char a[40], b[40], d0[11], d1[11], lab[64];
	const char *col;

	if (!rc_chart_has(f))
		return false;
	band = rc_chart_band(f, &blo, &bhi);
	make_scale(f, band, blo, bhi, &s);
	switch (f->verdict) {
	case FC_VERDICT_OK:
		col = "#1a7f37";
		break;
	case FC_VERDICT_DISCREPANCY:
		col = "#cf222e";
		break;
	case FC_VERDICT_OUTDATED:
		col = "#bc4c00";
		break;
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		col = "#9a6700";
		break;
	default:
		col = "#8250df";
		break;
	}
	fc_date_format((fc_date)s.x0, d0);
	fc_date_format((fc_date)s.x1, d1);
	fprintf(out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart v-%s\" "
		"viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		"aria-labelledby=\"%s-t\" data-finding=\"%s\" data-x0=\"%s\" "
		"data-x1=\"%s\" data-y0=\"%s\" data-y1=\"%s\">",
		fc_verdict_name(f->verdict), RC_CHART_W, RC_CHART_H,
		RC_CHART_W, RC_CHART_H, id, id, d0, d1,
		num(s.y0, a, sizeof(a)), num(s.y1, b, sizeof(b)));
	fprintf(out, "<title id=\"%s-t\">", id);
	xml(out, f->text);
	fputs(": ", out);
	xml(out, f->message);
	fputs("</title>", out);
	fprintf(out,
		"<rect class=\"plot\" data-mark=\"plot\" x=\"%d\" y=\"%d\" "
		"width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\"/>",
		RC_PLOT_LEFT, RC_PLOT_TOP, PLOT_W, PLOT_H, C_LINE);
	if (band) {
		double top = isinf(bhi) ? RC_PLOT_TOP : sy(&s, bhi);
		double bot = isinf(blo) ? RC_PLOT_BOTTOM : sy(&s, blo);
		if (bot - top < 1.5) { /* an exact figure: a thin band */
			double mid = (top + bot) / 2;
			top = mid - 0.75;
			bot = mid + 0.75;
		}
		fprintf(out,
			"<rect class=\"band\" data-mark=\"band\" data-low=\"%s\" "
			"data-high=\"%s\" x=\"%d\" y=\"%.2f\" width=\"%d\" "
			"height=\"%.2f\" fill=\"%s\" fill-opacity=\"0.2\"/>",
			num(blo, a, sizeof(a)), num(bhi, b, sizeof(b)),
			RC_PLOT_LEFT, top, PLOT_W, bot - top, col);
	}
	fputs("<polyline class=\"series\" data-mark=\"series\" fill=\"none\" "
	      "stroke=\"" C_MUTED "\" stroke-width=\"1.5\" points=\"",
	      out);
	for (size_t i = 0; i < f->n_series; i++)
		if (isfinite(f->series[i].value))
			fprintf(out, "%s%.2f,%.2f", i ? " " : "",
				sx(&s, f->series[i].date),
				sy(&s, f->series[i].value));
	fputs("\"/>", out);
	fprintf(out,
		"<line class=\"as-of\" data-mark=\"as-of\" data-date=\"%s\" "
		"x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"%s\" "
		"stroke-dasharray=\"3 3\"/>",
		fc_date_format(f->as_of, d0), sx(&s, f->as_of), RC_PLOT_TOP,
		sx(&s, f->as_of), RC_PLOT_BOTTOM, C_MUTED);
	if (f->ref_record && f->ref_record != f->record)
		point(out, &s, "reference", "ref", f->ref_record, 3.5, C_BG,
		      C_FG);
	point(out, &s, "record", "rec", f->record, 4, col, C_FG);
	/* Labels: the values at the top and bottom, the dates at the ends. */
	fprintf(out,
		"<g class=\"lbl\" font-family=\"sans-serif\" font-size=\"10\" "
		"fill=\"%s\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s"
		"</text>",
		C_MUTED, RC_PLOT_LEFT - 4, RC_PLOT_TOP + 8,
		ru_value(round(s.y1), 0, lab, sizeof(lab)));
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
		RC_PLOT_LEFT - 4, RC_PLOT_BOTTOM,
		ru_value(round(s.y0), 0, lab, sizeof(lab)));
	fc_date_format((fc_date)s.x0, d0);
	fprintf(out, "<text x=\"%d\" y=\"%d\">%s</text>", RC_PLOT_LEFT,
		RC_CHART_H - 8, d0);
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
		RC_PLOT_RIGHT, RC_CHART_H - 8, d1);
	fputs("</g></svg>", out);
	return true;
}
