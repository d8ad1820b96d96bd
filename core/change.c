/*
 * change.c: verdicts on claims about change ("up 285", "doubled in two
 * weeks", "fell by a tenth since 2014", "the highest since 2014").
 *
 * The change is computed from two records of one source: the record in
 * force at the claim's date (or one of the reporting-lag window before
 * it: a draft may use the figure of a day or two ago) and the record at
 * the reference point. A span ("in a week") reaches back from the record
 * used, so the lag moves both ends together; a date ("since October
 * 22") is history, and its record is the one in force that day. Both
 * are intervals (their qualifier and precision), so the
 * change is an interval too: a difference, a percentage of the earlier
 * record, or a ratio. The claim is its number's interval (its precision;
 * a multiple written as a word, "doubled", is a ratio within the claim's
 * ratio tolerance), signed by its direction. They agree when the
 * intervals meet for some pair of records the lag allows: ok; otherwise
 * a discrepancy, and one that says so when the metric went the other
 * way. No record at either end: unverified, saying which is missing.
 *
 * An extreme ("the highest since 2014", "a record") is checked on the
 * series: the record in force at the claim's date must be the highest
 * (lowest) of the records after the reference point, or of all the
 * series when none is given.
 *
 * A reference point given as a year or a month ("since 2014") is that
 * period's record when the series has one record a period (the World
 * Bank's annual population), else the record in force when the period
 * began. "Since the war began" counts from zero, for running totals
 * only.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "dates.h"
#include "util.h"

#define DEFAULT_RATIO_TOLERANCE 0.1

/* The date of the reference point of claim `c` at `as_of`, or
 * FC_DATE_NONE (ref_start: no date). */
static fc_date ref_point(const fc_claim *c, fc_date as_of)
{
	if (c->ref_date != FC_DATE_NONE)
		return c->ref_date;
	if (c->ref_span <= 0)
		return FC_DATE_NONE;
	return fc_date_back(as_of, c->ref_unit, c->ref_span);
}

/* The first day an extreme is compared over: "the highest since 2014",
 * "for the first time since October" say the named period itself held
 * one as high (as low), so the days after it count; a span ("the
 * highest in five years") counts from its first day. FC_DATE_NONE: all
 * records. */
static fc_date window_start(const fc_claim *c, fc_date rd)
{
	if (rd == FC_DATE_NONE || c->ref_date == FC_DATE_NONE)
		return rd;
	return fc_period_end(rd, c->ref_unit) + 1;
}

/* The records of one source, sorted by date. */
typedef struct series {
	const fc_ref *r;
	size_t n;
	const fc_verify_source *conf;
	int lag;
} series;

/* Index of the latest record dated on or before `d`, or n. */
static size_t in_force(const series *s, fc_date d)
{
	size_t k = s->n;

	while (k > 0 && s->r[k - 1].rec.date > d)
		k--;
	return k > 0 ? k - 1 : s->n;
}

/* The records that may stand for the metric at `d`: [*lo, *hi], the one
 * in force and those of the lag window before it. False when none. */
static bool candidates(const series *s, fc_date d, size_t *lo, size_t *hi)
{
	size_t k = in_force(s, d);

	if (k == s->n)
		return false;
	*hi = k;
	*lo = k;
	while (*lo > 0 && (int64_t)d - s->r[*lo - 1].rec.date <= s->lag)
		(*lo)--;
	return true;
}

/* The record at a dated reference point: the one in force then; a
 * year's or a month's is that period's record when the series has one a
 * period, else the one in force when the period began. */
static bool ref_candidates(const series *s, const fc_claim *c, fc_date d,
                           size_t *lo, size_t *hi)
{
	if (c->ref_date != FC_DATE_NONE && c->ref_unit != FC_PERIOD_DAY) {
		fc_date end = fc_period_end(d, c->ref_unit);
		for (size_t i = 0; i < s->n; i++)
			if (s->r[i].rec.period >= c->ref_unit &&
			    s->r[i].rec.date >= d && s->r[i].rec.date <= end) {
				*lo = *hi = i;
				return true;
			}
		/* Else the record in force when the period began. */
		d--;
	}
	*lo = *hi = in_force(s, d);
	return *hi < s->n;
}

/* A record's interval for a change: as published, but for "about" and
 * "nearly", which hedge a precise count ("about 409,010" personnel): two
 * records of one series hedged alike are the figures they give, to
 * their precision. */
static void series_interval(const fc_ref *r, double *lo, double *hi)
{
	if (r->rec.qualifier == FC_QUAL_ABOUT ||
	    r->rec.qualifier == FC_QUAL_NEARLY) {
		double half = r->rec.precision > 0 ? r->rec.precision / 2 : 0;
		*lo = r->rec.value - half;
		*hi = r->rec.value + half;
	} else {
		*lo = r->low;
		*hi = r->high;
	}
}

/* The change from record interval [alo, ahi] to [blo, bhi] in the
 * claim's terms. False when it has no meaning (a ratio to zero). */
static bool change_of(fc_change kind, double alo, double ahi, double blo,
                      double bhi, double *lo, double *hi)
{
	switch (kind) {
	case FC_CHANGE_ABSOLUTE:
		*lo = blo - ahi;
		*hi = bhi - alo;
		return true;
	case FC_CHANGE_RELATIVE:
		if (!(alo > 0))
			return false;
		*lo = 100.0 * (blo / ahi - 1);
		*hi = 100.0 * (bhi / alo - 1);
		return true;
	case FC_CHANGE_MULTIPLE:
		if (!(alo > 0))
			return false;
		*lo = blo / ahi;
		*hi = bhi / alo;
		return true;
	default:
		return false;
	}
}

/* The claim's interval in the same terms, signed by its direction. */
static void claim_interval(const fc_claim *c, double *lo, bool *lo_open,
                           double *hi, bool *hi_open)
{
	double l = c->number.low, h = c->number.high;
	bool lo_o = c->number.low_open, hi_o = c->number.high_open;

	if (c->change == FC_CHANGE_MULTIPLE) {
		double tol = c->ratio_tolerance > 0 ? c->ratio_tolerance
		                                    : DEFAULT_RATIO_TOLERANCE;
		/* A ratio written as a word has no precision of its own. */
		if (l == h && !lo_o && !hi_o) {
			l = l * (1 - tol);
			h = h * (1 + tol);
		}
		/* "halved" and "fell by half" are ratios below one. */
		if (c->change_dir < 0 && c->number.value > 1) {
			double t = l;
			l = isfinite(h) && h > 0 ? 1 / h : 0;
			h = t > 0 ? 1 / t : INFINITY;
		}
	} else if (c->change_dir < 0) {
		double t = l;
		bool to = lo_o;
		l = -h;
		h = -t;
		lo_o = hi_o;
		hi_o = to;
	}
	*lo = l;
	*hi = h;
	*lo_open = lo_o;
	*hi_open = hi_o;
}

/* "9,770 on 2023-11-05" */
static char *rec_text(const fc_ref *r, char *buf, size_t size)
{
	char v[96], d[11];

	fc_describe_value(r->rec.qualifier, r->rec.value, r->rec.value, v,
	                  sizeof(v));
	fc_period_format(r->rec.date, r->rec.period, d);
	snprintf(buf, size, "%s %s %s", v,
	         r->rec.period == FC_PERIOD_DAY ? "on" : "in", d);
	return buf;
}

/* A change in the claim's terms: "+285", "+20.1%", "x2.10". */
static char *change_text(fc_change kind, double v, char *buf, size_t size)
{
	char n[64];

	if (kind == FC_CHANGE_MULTIPLE) {
		fc_format_value(v, true, 2, n, sizeof(n));
		snprintf(buf, size, "x%s", n);
	} else {
		fc_format_value(fabs(v), true, kind == FC_CHANGE_RELATIVE ? 1 : 0,
		                n, sizeof(n));
		snprintf(buf, size, "%s%s%s", v < 0 ? "-" : "+", n,
		         kind == FC_CHANGE_RELATIVE ? "%" : "");
	}
	return buf;
}

/* How a series judged the claim. */
typedef struct judged {
	fc_verdict verdict;
	const fc_ref *now, *ref; /* the pair shown: in force at both ends, or
	                            the pair that agreed */
	double lo, hi;           /* the change they give */
	bool other_way;          /* the metric moved against the claim */
	bool lagged;             /* a record of the lag window agreed */
	bool beaten;             /* a daily extreme: `ref` is a day beyond */
	const char *why;         /* for unverified: what is missing */
} judged;

static void judge_change(const fc_claim *c, const series *s, fc_date as_of,
                         fc_date rd, judged *j)
{
	size_t nlo, nhi, rlo = 0, rhi = 0;
	double clo, chi;
	bool clo_o, chi_o;
	bool span = c->ref_date == FC_DATE_NONE && !c->ref_start;

	memset(j, 0, sizeof(*j));
	j->verdict = FC_VERDICT_UNVERIFIED;
	if (!candidates(s, as_of, &nlo, &nhi)) {
		j->why = "it has no record on or before the claim's date";
		return;
	}
	if (c->ref_start && !(c->flags & FC_CLAIMF_RUNNING_TOTAL)) {
		j->why = "the start of the series is a reference point of a "
		         "running total only";
		return;
	}
	if (!c->ref_start && rd == FC_DATE_NONE) {
		j->why = "the sentence gives no reference point";
		return;
	}
	/* A date's record is history: the one in force then, exactly. */
	if (!c->ref_start && !span && !ref_candidates(s, c, rd, &rlo, &rhi)) {
		j->why = "it has no record at the reference point";
		return;
	}
	claim_interval(c, &clo, &clo_o, &chi, &chi_o);
	/* The record in force first, then those of the lag window; a span
	 * ("in a week") reaches back from the record used. */
	for (size_t a = nhi + 1; a-- > nlo;) {
		const fc_ref *now = &s->r[a];
		const fc_ref *ref = NULL;
		double lo, hi;
		if (span) {
			fc_claim back = *c;
			size_t r;
			back.ref_date = FC_DATE_NONE;
			r = in_force(s, ref_point(&back, now->rec.date));
			if (r == s->n)
				continue;
			ref = &s->r[r];
		} else if (!c->ref_start) {
			ref = &s->r[rhi];
		}
		double alo = 0, ahi = 0, blo, bhi;
		if (ref && ref->rec.date >= now->rec.date)
			continue;
		if (ref)
			series_interval(ref, &alo, &ahi);
		series_interval(now, &blo, &bhi);
		if (!change_of(c->change, alo, ahi, blo, bhi, &lo, &hi))
			continue;
		if (j->verdict == FC_VERDICT_UNVERIFIED) {
			/* The first pair: the one shown when none agrees. */
			j->verdict = FC_VERDICT_DISCREPANCY;
			j->now = now;
			j->ref = ref;
			j->lo = lo;
			j->hi = hi;
			j->other_way =
			    c->change_dir != 0 &&
			    (c->change == FC_CHANGE_MULTIPLE
			         ? (c->change_dir > 0 ? hi < 1 : lo > 1)
			         : (c->change_dir > 0 ? hi < 0 : lo > 0));
		}
		if (fc_intervals_meet(clo, clo_o, chi, chi_o, lo, false, hi,
		                      false)) {
			j->verdict = FC_VERDICT_OK;
			j->now = now;
			j->ref = ref;
			j->lo = lo;
			j->hi = hi;
			j->other_way = false;
			j->lagged = a != nhi;
			return;
		}
	}
	if (j->verdict == FC_VERDICT_UNVERIFIED)
		j->why = span ? "it has no record at the reference point"
		         : c->change != FC_CHANGE_ABSOLUTE && !c->ref_start
		             ? "its record at the reference point is zero"
		             : "its record at the reference point is the one in "
		               "force at the claim's date";
}

/* The rise of a running total on the day of record i, from the record
 * of the day before; false when that day has no record. */
static bool day_rise(const series *s, size_t i, double *lo, double *hi)
{
	double alo, ahi, blo, bhi;

	if (i == 0 || i >= s->n || s->r[i].rec.date - s->r[i - 1].rec.date != 1 ||
	    s->r[i].rec.period != FC_PERIOD_DAY)
		return false;
	series_interval(&s->r[i - 1], &alo, &ahi);
	series_interval(&s->r[i], &blo, &bhi);
	*lo = blo - ahi;
	*hi = bhi - alo;
	return true;
}

/* An extreme of the days ("the deadliest day since the war began"):
 * the day's rise, at the record in force or one of the lag window, must
 * meet the claim's figure and be the highest (lowest) of the days'
 * rises after the reference point. */
static void judge_daily_extreme(const fc_claim *c, const series *s,
                                fc_date as_of, fc_date rd, judged *j)
{
	size_t nlo, nhi;
	bool high = c->change == FC_CHANGE_HIGHEST;

	memset(j, 0, sizeof(*j));
	j->verdict = FC_VERDICT_UNVERIFIED;
	if (!candidates(s, as_of, &nlo, &nhi)) {
		j->why = "it has no record on or before the claim's date";
		return;
	}
	for (size_t a = nhi + 1; a-- > nlo;) {
		double lo, hi;
		const fc_ref *beat = NULL;
		double most = 0;
		if (!day_rise(s, a, &lo, &hi))
			continue;
		if (!fc_intervals_meet(c->number.low, c->number.low_open,
		                       c->number.high, c->number.high_open, lo,
		                       false, hi, false)) {
			if (j->verdict == FC_VERDICT_UNVERIFIED) {
				j->verdict = FC_VERDICT_DISCREPANCY;
				j->now = &s->r[a];
				j->ref = &s->r[a - 1];
				j->lo = lo;
				j->hi = hi;
			}
			continue;
		}
		for (size_t i = 1; i < a; i++) {
			double l2, h2;
			if ((rd != FC_DATE_NONE &&
			     s->r[i].rec.date < window_start(c, rd)) ||
			    !day_rise(s, i, &l2, &h2))
				continue;
			/* The day that beats it most, to name. */
			if ((high ? l2 > hi : h2 < lo) &&
			    (!beat || (high ? l2 > most : h2 < most))) {
				beat = &s->r[i];
				most = high ? l2 : h2;
			}
		}
		j->now = &s->r[a];
		j->ref = beat ? beat : &s->r[a - 1];
		j->lo = lo;
		j->hi = hi;
		j->verdict = beat ? FC_VERDICT_DISCREPANCY : FC_VERDICT_OK;
		j->lagged = a != nhi;
		j->beaten = beat != NULL;
		if (!beat)
			return;
	}
	if (j->verdict == FC_VERDICT_UNVERIFIED)
		j->why = "it has no records of two days in a row at the claim's "
		         "date, whose difference is the day's count";
}

/* An extreme: the record in force at as_of against the records after the
 * reference point (all, when there is none). */
static void judge_extreme(const fc_claim *c, const series *s, fc_date as_of,
                          fc_date rd, judged *j)
{
	size_t k = in_force(s, as_of), from = 0;
	bool high = c->change == FC_CHANGE_HIGHEST;

	memset(j, 0, sizeof(*j));
	j->verdict = FC_VERDICT_UNVERIFIED;
	if (k == s->n) {
		j->why = "it has no record on or before the claim's date";
		return;
	}
	if (rd != FC_DATE_NONE) {
		while (from < k && s->r[from].rec.date < window_start(c, rd))
			from++;
		/* A year's or a month's reference point is its period. */
		if (from == 0 &&
		    s->r[0].rec.date > (c->ref_date != FC_DATE_NONE
		                            ? fc_period_end(rd, c->ref_unit)
		                            : rd)) {
			j->why = "its records begin after the reference point";
			return;
		}
	}
	j->now = &s->r[k];
	j->verdict = FC_VERDICT_OK;
	for (size_t i = from; i < k; i++) {
		const fc_ref *r = &s->r[i];
		/* Beaten for certain: the other record's interval lies
		 * wholly beyond this one's. */
		if (high ? r->low > j->now->high : r->high < j->now->low) {
			if (!j->ref || (high ? r->rec.value > j->ref->rec.value
			                     : r->rec.value < j->ref->rec.value))
				j->ref = r;
			j->verdict = FC_VERDICT_DISCREPANCY;
		}
	}
	j->lo = j->hi = j->now->rec.value;
}

fc_status fc_verify_change(const fc_verifier *v, const fc_claim *c,
                           const char *text, fc_date as_of, fc_finding *f,
                           fc_arena *arena)
{
	fc_ref *refs = NULL;
	series *ss = NULL;
	size_t n, first, ns = 0, best = (size_t)-1;
	judged *js = NULL;
	const fc_verify_source *named = NULL;
	fc_date rd;
	fc_status rc = FC_ERR_NOMEM;
	bool extreme = c->change == FC_CHANGE_HIGHEST ||
	               c->change == FC_CHANGE_LOWEST;
	char a[160], b[160], cv[80], lo[80], hi[80], d[11];
	fc_claim day;
	bool derived = c->per_day;

	/* A day's count of a running total is the series' rise over the
	 * day: a change of one day's span. */
	if (c->per_day && !extreme) {
		day = *c;
		day.per_day = false;
		day.change = FC_CHANGE_ABSOLUTE;
		day.change_dir = 1;
		day.ref_date = FC_DATE_NONE;
		day.ref_unit = FC_PERIOD_DAY;
		day.ref_span = 1;
		day.ref_start = false;
		day.ref_text = NULL;
		c = &day;
	}
	rd = ref_point(c, as_of);

	f->verdict = FC_VERDICT_UNVERIFIED;
	f->change_low = f->change_high = NAN;
	f->as_of = as_of;
	/* The claim's interval: of the change, in its own terms (a
	 * difference, a percentage, a ratio), as it is compared; of the
	 * day's count for a day's figure or an extreme. */
	if (extreme) {
		f->claim_low = c->number.low;
		f->claim_high = c->number.high;
		f->claim_low_open = c->number.low_open;
		f->claim_high_open = c->number.high_open;
	} else {
		claim_interval(c, &f->claim_low, &f->claim_low_open,
			       &f->claim_high, &f->claim_high_open);
	}
	n = fc_store_find(v->store, c->metric, &first);
	refs = malloc((n + 1) * sizeof(*refs));
	ss = calloc(n + 1, sizeof(*ss));
	js = calloc(n + 1, sizeof(*js));
	if (!refs || !ss || !js)
		goto out;
	for (size_t i = 0; i < n; i++)
		fc_store_ref(v->store, first + i, &refs[i]);
	if (c->attribution) {
		int k = fc_verify_source_for(v, c->attribution);
		named = k >= 0 ? &v->sources[k] : NULL;
	}
	for (size_t i = 0; i < n;) {
		size_t e = i;
		const fc_verify_source *conf = NULL;
		while (e < n && strcmp(refs[e].source, refs[i].source) == 0)
			e++;
		for (size_t k = 0; k < v->n_sources; k++)
			if (strcmp(v->sources[k].name, refs[i].source) == 0)
				conf = &v->sources[k];
		if (!named || conf == named) {
			ss[ns].r = &refs[i];
			ss[ns].n = e - i;
			ss[ns].conf = conf;
			ss[ns].lag = conf ? conf->lag_days : 0;
			ns++;
		}
		i = e;
	}
	for (size_t i = 0; i < ns; i++) {
		if (derived && !(ss[i].conf && ss[i].conf->cumulative)) {
			js[i].verdict = FC_VERDICT_UNVERIFIED;
			js[i].why = "a day's count is derived from a running total, "
			            "and no source of this metric says its series "
			            "is one (\"cumulative\": true)";
		} else if (c->per_day) {
			judge_daily_extreme(c, &ss[i], as_of, rd, &js[i]);
		} else if (extreme) {
			judge_extreme(c, &ss[i], as_of, rd, &js[i]);
		} else {
			judge_change(c, &ss[i], as_of, rd, &js[i]);
		}
		if (js[i].verdict != FC_VERDICT_UNVERIFIED &&
		    (best == (size_t)-1 ||
		     (js[i].verdict == FC_VERDICT_OK &&
		      js[best].verdict != FC_VERDICT_OK)))
			best = i;
	}
	fc_date_format(as_of, d);
	if (best == (size_t)-1) {
		const char *why = ns && js[0].why ? js[0].why : NULL;
		f->message = fc_arena_printf(
		    arena, "\"%s\" could not be checked: %s.", text,
		    ns == 0 ? (named ? "the source it is attributed to has no "
		                       "records of this metric"
		                     : "no source has records of this metric")
		    : why  ? why
		           : "no source has records at both ends");
		f->reason = fc_arena_printf(
		    arena,
		    "a claim about %s change of %s at %s is checked on two "
		    "records of one source, the one in force at the claim's "
		    "date and the one at the reference point%s%s",
		    extreme ? "an extreme, not a" : "a", c->metric, d,
		    ns ? "; " : "", ns && why ? why : "");
		rc = f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
		goto out;
	}
	{
		const judged *j = &js[best];
		f->verdict = j->verdict;
		/* A day's count as published often differs from the
		 * difference of the running totals (late reports, revised
		 * totals, days without a record): a derived figure that
		 * disagrees is not evidence enough to call the draft wrong. */
		if (derived && j->verdict != FC_VERDICT_OK)
			f->verdict = FC_VERDICT_UNVERIFIED;
		f->record = j->now;
		f->ref_record = j->ref;
		f->change_low = j->lo;
		f->change_high = j->hi;
		f->tolerance = 0;
		rec_text(j->now, a, sizeof(a));
		if (c->per_day) {
			/* An extreme of the days. */
			const char *word = c->change == FC_CHANGE_HIGHEST
			                       ? "highest"
			                       : "lowest";
			char day_d[11], rise[80];
			fc_date_format(j->now->rec.date, day_d);
			change_text(FC_CHANGE_ABSOLUTE, (j->lo + j->hi) / 2, rise,
			            sizeof(rise));
			f->diff_abs = c->number.value - (j->lo + j->hi) / 2;
			f->diff_rel = NAN;
			if (j->verdict == FC_VERDICT_OK)
				f->message = fc_arena_printf(
				    arena,
				    "\"%s\" agrees with %s: %s is the rise of %s, "
				    "the %s of its days%s%s%s.",
				    text, j->now->source, rise, day_d, word,
				    rd != FC_DATE_NONE ? " since " : "",
				    rd != FC_DATE_NONE ? fc_period_format(rd, c->ref_date != FC_DATE_NONE ? c->ref_unit : FC_PERIOD_DAY, b) : "",
				    j->lagged ? " (within the reporting lag)" : "");
			else if (!j->beaten)
				f->message = fc_arena_printf(
				    arena,
				    "\"%s\" is not confirmed by %s: the rise of %s "
				    "is %s.",
				    text, j->now->source, day_d, rise);
			else {
				char bd[11], brise[80];
				double l2 = 0, h2 = 0;
				size_t bi = (size_t)(j->ref - ss[best].r);
				day_rise(&ss[best], bi, &l2, &h2);
				fc_date_format(j->ref->rec.date, bd);
				change_text(FC_CHANGE_ABSOLUTE, (l2 + h2) / 2, brise,
				            sizeof(brise));
				f->message = fc_arena_printf(
				    arena,
				    "\"%s\" is not confirmed by %s: %s on %s is "
				    "not the %s of its days: %s rose by %s.",
				    text, j->now->source, rise, day_d, word, bd,
				    brise);
			}
			f->reason = fc_arena_printf(
			    arena,
			    "a day's count of a running total is the difference "
			    "of two days' records, derived because %s says its "
			    "series is cumulative; the day of the record in force "
			    "(or of the reporting lag before it) is compared "
			    "with every day%s; a derived count that disagrees "
			    "is left unverified, as published daily counts and "
			    "the differences of revised totals often part",
			    j->now->source,
			    rd != FC_DATE_NONE ? " from the reference point on"
			                       : " of the series");
		} else if (extreme) {
			const char *word = c->change == FC_CHANGE_HIGHEST
			                       ? "highest"
			                       : "lowest";
			f->diff_abs = f->diff_rel = NAN;
			if (j->verdict == FC_VERDICT_OK) {
				f->message = fc_arena_printf(
				    arena,
				    "\"%s\" agrees with %s: %s is the %s of its "
				    "records%s%s.",
				    text, j->now->source, a, word,
				    rd != FC_DATE_NONE ? " since " : "",
				    rd != FC_DATE_NONE ? fc_period_format(rd, c->ref_date != FC_DATE_NONE ? c->ref_unit : FC_PERIOD_DAY, b)
				                       : "");
			} else {
				rec_text(j->ref, b, sizeof(b));
				f->message = fc_arena_printf(
				    arena,
				    "\"%s\" disagrees with %s: %s is not the %s: "
				    "%s is %s.",
				    text, j->now->source, a, word, b,
				    c->change == FC_CHANGE_HIGHEST ? "higher"
				                                   : "lower");
			}
			f->reason = fc_arena_printf(
			    arena,
			    "the record in force at %s (%s) is compared with "
			    "every record of %s %s; a record beats it when its "
			    "interval lies wholly %s",
			    d, a, j->now->source,
			    rd != FC_DATE_NONE ? "from the reference point on"
			                       : "before it",
			    c->change == FC_CHANGE_HIGHEST ? "above" : "below");
		} else {
			double mid = (j->lo + j->hi) / 2;
			double cval = c->number.value;
			if (c->change != FC_CHANGE_MULTIPLE && c->change_dir < 0)
				cval = -cval;
			if (c->change == FC_CHANGE_MULTIPLE && c->change_dir < 0 &&
			    cval > 1)
				cval = 1 / cval;
			f->diff_abs = cval - mid;
			f->diff_rel = mid != 0 ? f->diff_abs / fabs(mid) : NAN;
			if (j->ref)
				rec_text(j->ref, b, sizeof(b));
			else
				snprintf(b, sizeof(b), "0 at the start of the "
				                       "series");
			change_text(c->change, mid, cv, sizeof(cv));
			change_text(c->change, j->lo, lo, sizeof(lo));
			change_text(c->change, j->hi, hi, sizeof(hi));
			f->message = fc_arena_printf(
			    arena, "\"%s\" %s %s: from %s to %s is %s%s%s%s.",
			    text,
			    j->verdict == FC_VERDICT_OK ? "agrees with"
			    : derived ? "is not confirmed by"
			              : "disagrees with",
			    j->now->source, b, a, cv,
			    j->other_way ? ", the other way" : "",
			    j->lagged ? " (within the reporting lag)" : "",
			    derived ? ", the day's count derived from the "
			              "running totals"
			            : "");
			f->reason = fc_arena_printf(
			    arena,
			    "the %s change from %s to %s is %s to %s (from the "
			    "records' intervals), which %s the claim %s%s (%s); "
			    "the reference point is %s%s%s",
			    fc_change_name(c->change), b, a, lo, hi,
			    j->verdict == FC_VERDICT_OK ? "meets" : "misses",
			    c->change_dir < 0 ? "down " : c->change_dir > 0 ? "up " : "",
			    text,
			    c->change == FC_CHANGE_MULTIPLE ? "a ratio" : "as written",
			    c->ref_start ? "the start of the series"
			                 : fc_date_format(rd, d),
			    c->ref_text ? ", from \"" : "",
			    c->ref_text ? c->ref_text : "");
			if (f->reason && c->ref_text)
				f->reason = fc_arena_printf(arena, "%s\"", f->reason);
		}
	}
	if (!f->message || !f->reason)
		goto out;
	{
		fc_ref *k;
		if (f->record) {
			if (!(k = fc_arena_alloc(arena, sizeof(*k))))
				goto out;
			*k = *f->record;
			f->record = k;
		}
		if (f->ref_record) {
			if (!(k = fc_arena_alloc(arena, sizeof(*k))))
				goto out;
			*k = *f->ref_record;
			f->ref_record = k;
		}
	}
	rc = FC_OK;
out:
	if (rc != FC_OK)
		f->record = f->ref_record = NULL;
	free(js);
	free(ss);
	free(refs);
	return rc;
}
