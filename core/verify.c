/*
 * verify.c: verdicts.
 *
 * A claim and a record are both intervals. The claim's comes from its
 * qualifier and precision ("more than 1,400" is (1400, inf)); the record's
 * from the qualifier and precision it was published with, widened by the
 * source's tolerance. They agree when they meet. Then, per source:
 *
 *   - the record in force is the latest dated on or before the as-of date;
 *   - agreeing with it is ok (or understated/overstated, for one-sided
 *     qualifiers far from the record);
 *   - agreeing with a record of the reporting-lag window before the as-of
 *     date is ok too: news reports yesterday's figure;
 *   - agreeing only with an older record is outdated;
 *   - anything else is a discrepancy.
 *
 * With several sources for a metric, a claim attributed to a source that
 * carries that name among its aliases is checked against that source
 * alone; otherwise the source with the most recent record in force
 * decides, and the others' records are listed beside it.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <strings.h>
#include <string.h>

#include "verify.h"

bool fc_verdict_parse(const char *s, fc_verdict *out)
{
	if (strcmp(s, "never") == 0 || strcmp(s, "none") == 0) {
		*out = FC_VERDICT_COUNT;
		return true;
	}
	for (int i = 0; i < FC_VERDICT_COUNT; i++)
		if (strcmp(s, fc_verdict_name((fc_verdict)i)) == 0) {
			*out = (fc_verdict)i;
			return true;
		}
	return false;
}

bool fc_intervals_meet(double alo, bool alo_open, double ahi, bool ahi_open,
		       double blo, bool blo_open, double bhi, bool bhi_open)
{
	double lo, hi;
	bool lo_open, hi_open;

	if (alo > blo || (alo == blo && alo_open)) {
		lo = alo;
		lo_open = alo_open || (alo == blo && blo_open);
	} else {
		lo = blo;
		lo_open = blo_open;
	}
	if (ahi < bhi || (ahi == bhi && ahi_open)) {
		hi = ahi;
		hi_open = ahi_open || (ahi == bhi && bhi_open);
	} else {
		hi = bhi;
		hi_open = bhi_open;
	}
	return lo < hi || (lo == hi && !lo_open && !hi_open);
}

char *fc_describe_value(fc_qualifier q, double value, double value2,
			char *buf, size_t size)
{
	char a[64], b[64];
	const char *pre = "";

	fc_format_value(value, true, 2, a, sizeof(a));
	switch (q) {
	case FC_QUAL_MORE_THAN:
		pre = "more than ";
		break;
	case FC_QUAL_AT_LEAST:
		pre = "at least ";
		break;
	case FC_QUAL_NEARLY:
		pre = "nearly ";
		break;
	case FC_QUAL_ABOUT:
		pre = "about ";
		break;
	case FC_QUAL_UP_TO:
		pre = "up to ";
		break;
	case FC_QUAL_LESS_THAN:
		pre = "fewer than ";
		break;
	case FC_QUAL_RANGE:
	case FC_QUAL_VAGUE:
		fc_format_value(value2, true, 2, b, sizeof(b));
		snprintf(buf, size, "%s to %s", a, b);
		return buf;
	case FC_QUAL_NONE:
		break;
	}
	snprintf(buf, size, "%s%s", pre, a);
	return buf;
}

/* Writes an interval in mathematical notation ("(1,400, inf)"). */
static char *describe_interval(double lo, bool lo_open, double hi,
			       bool hi_open, char *buf, size_t size)
{
	char a[64], b[64];

	fc_format_value(lo, true, 2, a, sizeof(a));
	fc_format_value(hi, true, 2, b, sizeof(b));
	if (lo == hi && !lo_open && !hi_open)
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "%c%s, %s%c", lo_open ? '(' : '[', a, b,
			 hi_open ? ')' : ']');
	return buf;
}

/* The record's interval widened by a relative tolerance. */
static void widened(const fc_ref *r, double tol, double *lo, bool *lo_open,
		    double *hi, bool *hi_open)
{
	double w = tol * fabs(r->rec.value);

	*lo = r->low - w;
	*hi = r->high + w;
	*lo_open = w > 0 ? false : r->low_open;
	*hi_open = w > 0 ? false : r->high_open;
}

static bool agrees(const fc_finding *f, const fc_ref *r, double tol)
{
	double lo, hi;
	bool lo_open, hi_open;

	widened(r, tol, &lo, &lo_open, &hi, &hi_open);
	return fc_intervals_meet(f->claim_low, f->claim_low_open, f->claim_high,
				 f->claim_high_open, lo, lo_open, hi, hi_open);
}

/* Lower-case letters and digits of `s`, words separated by one space,
 * "the " and a possessive "'s" dropped. */
static void normalise_name(const char *s, char *out, size_t size)
{
	size_t o = 0;
	bool space = false;

	if (strncasecmp(s, "the ", 4) == 0)
		s += 4;
	for (; *s && o + 2 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c)) {
			if (space && o)
				out[o++] = ' ';
			out[o++] = (char)tolower(c);
			space = false;
		} else if (c == '\'' && (s[1] == 's' || s[1] == 'S') &&
			   !isalnum((unsigned char)s[2])) {
			s++;
		} else {
			space = true;
		}
	}
	out[o] = 0;
}

static bool source_named(const fc_verify_source *s, const char *who)
{
	char a[256], b[256];

	normalise_name(who, a, sizeof(a));
	if (!a[0])
		return false;
	normalise_name(s->name, b, sizeof(b));
	if (strcmp(a, b) == 0)
		return true;
	for (size_t i = 0; i < s->n_aliases; i++) {
		normalise_name(s->aliases[i], b, sizeof(b));
		if (strcmp(a, b) == 0)
			return true;
	}
	return false;
}

static const fc_verify_source *source_conf(const fc_verifier *v,
					   const char *name, size_t *index)
{
	for (size_t i = 0; i < v->n_sources; i++)
		if (strcmp(v->sources[i].name, name) == 0) {
			if (index)
				*index = i;
			return &v->sources[i];
		}
	return NULL;
}

/* True if source `s` declares that it provides `metric`. */
static bool provides(const fc_verify_source *s, const char *metric)
{
	if (!s->metrics)
		return true; /* it did not say: it may */
	for (size_t i = 0; s->metrics[i]; i++) {
		const char *m = s->metrics[i];
		size_t n = strlen(m);
		if (n && m[n - 1] == '*' ? strncmp(m, metric, n - 1) == 0
					 : strcmp(m, metric) == 0)
			return true;
	}
	return false;
}

/* The outcome for one source's records [first, first+n) of a metric. */
typedef struct outcome {
	fc_verdict verdict;
	const fc_ref *in_force;
	const fc_ref *matched;
	double tol;
	int lag;
	bool via_lag;
} outcome;

static void judge(const fc_verifier *v, const fc_claim *c, fc_finding *f,
		  const fc_ref *first, size_t n, fc_date as_of, outcome *o)
{
	const fc_verify_source *sc = source_conf(v, first->source, NULL);
	double tol = c->tolerance;
	size_t k = n;
	int lag = sc ? sc->lag_days : 0;

	if (sc && sc->tolerance > tol)
		tol = sc->tolerance;
	memset(o, 0, sizeof(*o));
	o->tol = tol;
	o->lag = lag;
	while (k > 0 && first[k - 1].rec.date > as_of)
		k--;
	if (k == 0) {
		o->verdict = FC_VERDICT_UNVERIFIED;
		return;
	}
	o->in_force = &first[k - 1];
	if (agrees(f, o->in_force, tol)) {
		double rv = o->in_force->rec.value, cv = f->claim_low;
		o->verdict = FC_VERDICT_OK;
		if ((c->number.qualifier == FC_QUAL_MORE_THAN ||
		     c->number.qualifier == FC_QUAL_AT_LEAST) &&
		    cv > 0 && rv > c->number.value * (1 + v->understated))
			o->verdict = FC_VERDICT_UNDERSTATED;
		if ((c->number.qualifier == FC_QUAL_UP_TO ||
		     c->number.qualifier == FC_QUAL_LESS_THAN) &&
		    rv < c->number.value * (1 - v->overstated))
			o->verdict = FC_VERDICT_OVERSTATED;
		return;
	}
	/* Earlier records, latest first. */
	for (size_t i = k - 1; i-- > 0;) {
		const fc_ref *r = &first[i];
		if (!agrees(f, r, tol))
			continue;
		o->matched = r;
		if ((int64_t)as_of - r->rec.date <= lag) {
			o->verdict = FC_VERDICT_OK;
			o->via_lag = true;
		} else {
			o->verdict = FC_VERDICT_OUTDATED;
		}
		return;
	}
	o->verdict = FC_VERDICT_DISCREPANCY;
}

static char *record_desc(const fc_ref *r, char *buf, size_t size)
{
	return fc_describe_value(r->rec.qualifier, r->rec.value, r->rec.value,
				 buf, size);
}

fc_status fc_verify_claim(const fc_verifier *v, const fc_claim *c,
			  const char *text, fc_date as_of, fc_finding *f,
			  fc_arena *arena)
{
	const fc_ref *refs;
	size_t n, best = (size_t)-1, n_groups = 0;
	outcome outs[64], *o;
	size_t starts[64], counts[64];
	bool attributed = false;
	char d1[11], d2[11], rv[96], mv[96], ci[160], ri[160];

	f->verdict = FC_VERDICT_UNVERIFIED;
	f->claim_low = c->number.low;
	f->claim_high = c->number.high;
	f->claim_low_open = c->number.low_open;
	f->claim_high_open = c->number.high_open;
	f->as_of = as_of;
	f->diff_abs = f->diff_rel = NAN;
	describe_interval(f->claim_low, f->claim_low_open, f->claim_high,
			  f->claim_high_open, ci, sizeof(ci));

	if (!c->metric) {
		f->verdict = FC_VERDICT_UNCHECKED;
		f->message = fc_arena_printf(
		    arena, "\"%s\" was found but not checked: %s.", text,
		    c->unbound_reason ? c->unbound_reason
				      : "no rule could tell which figure it is");
		f->reason = fc_arena_strdup(
		    arena, "a claim is verified only when a rule binds it to "
			   "a metric with certainty");
		return f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
	}

	n = fc_store_find(v->store, c->metric, &refs);
	/* Group by source; with an attribution, keep the sources named. */
	for (size_t i = 0; i < n && n_groups < 64;) {
		size_t j = i;
		const fc_verify_source *sc;
		while (j < n && strcmp(refs[j].source, refs[i].source) == 0)
			j++;
		sc = source_conf(v, refs[i].source, NULL);
		if (c->attribution && sc && source_named(sc, c->attribution)) {
			if (!attributed)
				n_groups = 0; /* drop the unnamed ones */
			attributed = true;
		} else if (attributed) {
			i = j;
			continue;
		}
		starts[n_groups] = i;
		counts[n_groups] = j - i;
		judge(v, c, f, &refs[i], j - i, as_of, &outs[n_groups]);
		n_groups++;
		i = j;
	}
	for (size_t g = 0; g < n_groups; g++) {
		if (!outs[g].in_force)
			continue;
		if (best == (size_t)-1 ||
		    outs[g].in_force->rec.date > outs[best].in_force->rec.date)
			best = g;
	}

	if (best == (size_t)-1) {
		/* No record in force: say why as precisely as we can. */
		fc_buf why = {0};

		fc_date_format(as_of, d1);
		fc_buf_printf(&why, "no record of %s on or before %s", c->metric,
			      d1);
		if (n > 0) {
			fc_date_format(refs[0].rec.date, d2);
			fc_buf_printf(&why, " (%s's records begin on %s)",
				      refs[0].source, d2);
		}
		for (size_t i = 0; i < v->n_sources; i++)
			if (v->sources[i].failed &&
			    provides(&v->sources[i], c->metric))
				fc_buf_printf(&why, "; source %s failed: %s",
					      v->sources[i].name,
					      v->sources[i].error
						  ? v->sources[i].error
						  : "unknown error");
		if (!why.data)
			return FC_ERR_NOMEM;
		f->verdict = FC_VERDICT_UNVERIFIED;
		f->message = fc_arena_printf(arena, "\"%s\" could not be "
						    "verified: %s.",
					     text, why.data);
		f->reason = fc_arena_strdup(arena, why.data);
		fc_buf_free(&why);
		return f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
	}

	o = &outs[best];
	f->verdict = o->verdict;
	f->record = o->in_force;
	f->matched = o->matched;
	f->tolerance = o->tol;
	f->diff_abs = c->number.value - o->in_force->rec.value;
	f->diff_rel = o->in_force->rec.value != 0
			  ? f->diff_abs / fabs(o->in_force->rec.value)
			  : NAN;
	{
		const fc_verify_source *sc =
		    source_conf(v, o->in_force->source, NULL);
		int age = (int)((int64_t)as_of - o->in_force->rec.date);
		if (sc && age > sc->stale_days) {
			f->stale = true;
			f->stale_days = age;
		}
	}
	/* The other sources' records in force. */
	if (n_groups > 1) {
		const fc_ref **others =
		    fc_arena_alloc(arena, n_groups * sizeof(*others));
		if (!others)
			return FC_ERR_NOMEM;
		f->n_others = 0;
		for (size_t g = 0; g < n_groups; g++)
			if (g != best && outs[g].in_force)
				others[f->n_others++] = outs[g].in_force;
		f->others = others;
	}

	fc_date_format(o->in_force->rec.date, d1);
	fc_date_format(as_of, d2);
	record_desc(o->in_force, rv, sizeof(rv));
	{
		double lo, hi;
		bool lo_open, hi_open;
		widened(o->in_force, o->tol, &lo, &lo_open, &hi, &hi_open);
		describe_interval(lo, lo_open, hi, hi_open, ri, sizeof(ri));
	}
	switch (o->verdict) {
	case FC_VERDICT_OK:
		if (o->via_lag) {
			char md[11];
			fc_date_format(o->matched->rec.date, md);
			record_desc(o->matched, mv, sizeof(mv));
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" agrees with the figure of %s from %s (%s), "
			    "within the reporting lag of %d days; the latest "
			    "record (%s) is %s.",
			    text, md, o->matched->source, mv, o->lag, d1, rv);
			f->reason = fc_arena_printf(
			    arena,
			    "the claim %s does not meet the record in force %s "
			    "but meets the record of %s, %d days before %s",
			    ci, ri, md, (int)((int64_t)as_of - o->matched->rec.date),
			    d2);
		} else {
			f->message = fc_arena_printf(
			    arena, "\"%s\" agrees with %s: %s on %s.", text,
			    o->in_force->source, rv, d1);
			f->reason = fc_arena_printf(
			    arena,
			    "the claim %s meets the record %s in force on %s",
			    ci, ri, d2);
		}
		break;
	case FC_VERDICT_UNDERSTATED:
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is true but understates the record: %s on %s "
		    "(%s), %.0f%% above the figure written.",
		    text, rv, d1, o->in_force->source,
		    100.0 * (o->in_force->rec.value / c->number.value - 1));
		f->reason = fc_arena_printf(
		    arena,
		    "the record exceeds the claim's lower bound by more than "
		    "the understatement threshold of %.0f%%",
		    100.0 * v->understated);
		break;
	case FC_VERDICT_OVERSTATED:
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is true but overstates the record: %s on %s (%s), "
		    "%.0f%% below the figure written.",
		    text, rv, d1, o->in_force->source,
		    100.0 * (1 - o->in_force->rec.value / c->number.value));
		f->reason = fc_arena_printf(
		    arena,
		    "the record is below the claim's upper bound by more than "
		    "the overstatement threshold of %.0f%%",
		    100.0 * v->overstated);
		break;
	case FC_VERDICT_OUTDATED: {
		char md[11];
		fc_date_format(o->matched->rec.date, md);
		record_desc(o->matched, mv, sizeof(mv));
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is out of date: it matches the figure of %s from "
		    "%s (%s), but the record in force on %s is %s (%s).",
		    text, md, o->in_force->source, mv, d2, rv, d1);
		f->reason = fc_arena_printf(
		    arena,
		    "the claim %s does not meet the record in force %s, but "
		    "meets the older record of %s",
		    ci, ri, md);
		break;
	}
	case FC_VERDICT_DISCREPANCY: {
		char da[64];
		fc_format_value(fabs(f->diff_abs), true, 2, da, sizeof(da));
		if (isnan(f->diff_rel))
			f->message = fc_arena_printf(
			    arena, "\"%s\" disagrees with %s: %s on %s.", text,
			    o->in_force->source, rv, d1);
		else
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" disagrees with %s: %s on %s (off by %s%s, "
			    "%+.1f%%).",
			    text, o->in_force->source, rv, d1,
			    f->diff_abs < 0 ? "-" : "+", da, 100.0 * f->diff_rel);
		f->reason = fc_arena_printf(
		    arena,
		    "the claim %s does not meet the record %s in force on %s "
		    "(tolerance %.4g%%), nor any earlier record",
		    ci, ri, d2, 100.0 * o->tol);
		break;
	}
	default:
		break;
	}
	if (!f->message || !f->reason)
		return FC_ERR_NOMEM;
	/* Sources that disagree with the one that decided. */
	for (size_t g = 0; g < n_groups; g++) {
		const fc_ref *r = outs[g].in_force;
		double alo, ahi, blo, bhi;
		bool alo_o, ahi_o, blo_o, bhi_o;
		if (g == best || !r)
			continue;
		widened(o->in_force, o->tol, &alo, &alo_o, &ahi, &ahi_o);
		widened(r, outs[g].tol, &blo, &blo_o, &bhi, &bhi_o);
		if (r->rec.date == o->in_force->rec.date &&
		    !fc_intervals_meet(alo, alo_o, ahi, ahi_o, blo, blo_o, bhi,
				       bhi_o)) {
			char ov[96];
			record_desc(r, ov, sizeof(ov));
			f->reason = fc_arena_printf(
			    arena, "%s; sources disagree on %s: %s gives %s, %s gives %s",
			    f->reason, d1, o->in_force->source, rv, r->source, ov);
			if (!f->reason)
				return FC_ERR_NOMEM;
		}
	}
	(void)starts;
	(void)counts;
	return FC_OK;
}
