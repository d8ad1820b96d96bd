/*
 * chart.h: a small picture of a finding, as inline SVG: the series the
 * finding compares with around the claim's date, the record in force
 * marked, the claim's interval drawn as a band, and the reference point
 * of a claim about change. Drawn by the html reporter inline and by the
 * markdown reporter as an image; no script, no external request, sized
 * by its viewBox (it scales to the width it is given, and prints).
 *
 * Every mark carries data- attributes that say what it stands for, so
 * that a test (or a reader's tool) can check the picture against the
 * data: the svg's data-x0/data-x1 (ISO dates at the plot's left and
 * right edges) and data-y0/data-y1 (values at its bottom and top edges),
 * the plot's frame (data-mark="plot"), the record (data-mark="record",
 * data-value, data-date), the reference point (data-mark="reference"),
 * the band (data-mark="band", data-low, data-high: the claim's interval
 * in the series' terms, "inf" or "-inf" where open-ended; the band is
 * clipped to the plot), the claim's date (data-mark="as-of") and the
 * series (data-mark="series").
 */
#ifndef FC_CHART_H
#define FC_CHART_H

#include <stdbool.h>
#include <stdio.h>

#include <figcheck/plugin.h>

/* The picture's size in its own units (the viewBox) and its plot area. */
#define RC_CHART_W 320
#define RC_CHART_H 140
#define RC_PLOT_LEFT 56
#define RC_PLOT_RIGHT 312
#define RC_PLOT_TOP 10
#define RC_PLOT_BOTTOM 116

/* Whether finding `f` has a picture: a series of at least one record and
 * a record in force. */
bool rc_chart_has(const fc_finding *f);

/* The claim's interval in the series' terms (a level): the claim's own
 * for a level or an extreme, the reference record moved by the change
 * for a claim about change ("up 260": the reference record + 260).
 * False when there is none to draw (a daily extreme, no reference
 * record). Infinite bounds stay infinite. */
bool rc_chart_band(const fc_finding *f, double *lo, double *hi);

/* Writes the picture of `f` as one <svg> element to `out`: `id` (an
 * XML name the caller makes unique in its page; borrowed) names its
 * title for aria-labelledby. Colours are presentation attributes, so
 * that it draws alike inline and as an image; a page's CSS may override
 * them (class names: chart, plot, band, series, as-of, ref, rec, lbl).
 * Writes nothing and returns false when rc_chart_has(f) is false. */
bool rc_chart_svg(FILE *out, const fc_finding *f, const char *id);

#endif
