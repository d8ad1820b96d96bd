/*
 * verify.c: verdicts.
 *
 * A claim and a record are both intervals. The claim's comes from its
 * qualifier and precision ("more than 1,400" is (1400, inf), "1.4
 * million" is [1.35m, 1.45m]); the record's from the qualifier and
 * precision it was published with, widened by the larger of the rule's
 * and the source's tolerance. They agree when they meet. Then, per
 * source:
 *
 *   - the record in force is the latest dated on or before the as-of date;
 *   - agreeing with it is ok, or understated ("more than", "at least")
 *     and overstated ("up to", "fewer than") when the record is far from
 *     the figure written (thresholds of the configuration);
 *   - agreeing with a record of the reporting-lag window before the as-of
 *     date is ok too: news reports yesterday's figure;
 *   - agreeing only with an older record is outdated;
 *   - anything else is a discrepancy.
 *
 * Which source decides. A claim attributed to a name that one configured
 * source carries among its aliases is checked against that source alone
 * (when it has records of the metric). Otherwise every source with a
 * record in force is consulted: of those whose record in force is recent
 * (within the reporting lag of the newest one), the one the claim agrees
 * with best decides, and the others' records in force are listed beside
 * it, with any that disagree named in the message. False alarms cost more
 * than misses: a claim two current sources disagree about is not called
 * wrong because of the one it does not match.
 *
 * A claim that counts from a date ("since 1 December") is checked only
 * against sources whose records count from that date or later; a count
 * over part of a series is not derived.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
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

/* Writes an interval in mathematical notation ("(1,400, inf)"). */
static char *describe_interval(double lo, bool lo_open, double hi, bool hi_open,
                               char *buf, size_t size)
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

/* ------------------------------------------------------------------ */
/* Attribution. */

/* True if `word` is among the words of `names`. */
static bool shares_word(const char *word, const fc_name_words *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < names[i].n; k++)
			if (strcmp(names[i].words[k], word) == 0)
				return true;
	return false;
}

/* Words that name no one in particular: a word of another source's
 * alias left over in an attribution does not make it doubtful when it is
 * one of these ("health ministry officials"). */
static bool generic_word(const char *w)
{
	static const char *const words[] = {"officials",   "official",
	                                    "ministry",    "minister",
	                                    "office",      "agency",
	                                    "agencies",    "government",
	                                    "department",  "authority",
	                                    "authorities", "spokesman",
	                                    "spokeswoman", "spokesperson",
	                                    "statement",   "report",
	                                    "figures",     "data",
	                                    "health",      "humanitarian",
	                                    "national",    "international",
	                                    "media",       "press",
	                                    "service",     "services",
	                                    "council",     "committee",
	                                    "of",          "in",
	                                    "for",         "and",
	                                    "on",          "at",
	                                    "its",         "their",
	                                    "local",       "state",
	                                    "public",      NULL};

	for (size_t i = 0; words[i]; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

/* The words of a source's name and aliases; returns how many. */
static size_t source_names(const fc_verify_source *s, fc_name_words *out,
                           size_t max)
{
	size_t n = 0;

	fc_name_words_of(s->name, &out[n++]);
	for (size_t i = 0; i < s->n_aliases && n < max; i++)
		fc_name_words_of(s->aliases[i], &out[n++]);
	return n;
}

#define MAX_NAMES 32

int fc_verify_source_for(const fc_verifier *v, const char *who)
{
	fc_name_words w, names[MAX_NAMES];
	size_t best_score = 0;
	int best = -1;
	bool tie = false;

	if (!who)
		return -1;
	fc_name_words_of(who, &w);
	if (w.n == 0)
		return -1;
	for (size_t i = 0; i < v->n_sources; i++) {
		size_t nn = source_names(&v->sources[i], names, MAX_NAMES);
		size_t score = 0, at = 0;
		bool used[16] = {false}, conflict = false;

		for (size_t k = 0; k < nn; k++) {
			size_t a, s = fc_name_words_find(&w, &names[k], &a);
			if (s > score) {
				score = s;
				at = a;
			}
		}
		if (!score)
			continue;
		for (size_t k = at; k < at + score; k++)
			used[k] = true;
		/* A word left over that names another source, and not this
		 * one, makes the match doubtful: "the Israeli health
		 * ministry" is not "the health ministry" of Gaza. */
		for (size_t k = 0; k < w.n && !conflict; k++) {
			if (used[k] || generic_word(w.words[k]) ||
			    shares_word(w.words[k], names, nn))
				continue;
			for (size_t o = 0; o < v->n_sources && !conflict; o++) {
				fc_name_words other[MAX_NAMES];
				size_t on;
				if (o == i)
					continue;
				on = source_names(&v->sources[o], other,
				                  MAX_NAMES);
				conflict = shares_word(w.words[k], other, on);
			}
		}
		if (conflict)
			continue;
		if (score > best_score) {
			best_score = score;
			best = (int)i;
			tie = false;
		} else if (score == best_score) {
			tie = true;
		}
	}
	return tie ? -1 : best;
}

/* True if every word of the name `who` is a word that names no one in
 * particular ("officials", "the ministry") or a word of a configured
 * source's names: the attribution names no body figcheck does not know.
 * False for "an aid group", "the Committee to Protect Journalists". */
static bool names_known_body(const fc_verifier *v, const fc_claim *c,
			     const char *who)
{
	fc_name_words w, names[MAX_NAMES];
	size_t place = c->metric ? strcspn(c->metric, ".") : 0;

	fc_name_words_of(who, &w);
	for (size_t k = 0; k < w.n; k++) {
		/* "Officials in Gaza" of a gaza.* figure: the place, not a
		 * body. */
		bool known = generic_word(w.words[k]) ||
			     (c->entity && strcmp(w.words[k], c->entity) == 0) ||
			     (place && strlen(w.words[k]) == place &&
			      strncmp(w.words[k], c->metric, place) == 0);
		for (size_t i = 0; i < v->n_sources && !known; i++) {
			size_t nn = source_names(&v->sources[i], names, MAX_NAMES);
			known = shares_word(w.words[k], names, nn);
		}
		if (!known)
			return false;
	}
	return true;
}

static const fc_verify_source *source_conf(const fc_verifier *v,
                                           const char *name)
{
	for (size_t i = 0; i < v->n_sources; i++)
		if (strcmp(v->sources[i].name, name) == 0)
			return &v->sources[i];
	return NULL;
}

/* True if `metric` matches `pattern`, in which '*' stands for any run of
 * characters ("*.population", "gaza.*"). */
static bool key_matches(const char *pattern, const char *metric)
{
	const char *star = NULL, *back = NULL;

	while (*metric) {
		if (*pattern == '*') {
			star = pattern++;
			back = metric;
		} else if (*pattern == *metric) {
			pattern++;
			metric++;
		} else if (star) {
			pattern = star + 1;
			metric = ++back;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}

/* True if source `s` declares that it provides `metric`. */
static bool provides(const fc_verify_source *s, const char *metric)
{
	if (!s->metrics)
		return true; /* it did not say: it may */
	for (size_t i = 0; s->metrics[i]; i++)
		if (key_matches(s->metrics[i], metric))
			return true;
	return false;
}

/* How far (a factor) a figure whose place came from another sentence
 * may lie from the record before the binding, not the figure, is
 * doubted. */
#define ELSEWHERE_FAR 3.0

/* ------------------------------------------------------------------ */
/* One source's verdict. */

/* The outcome for one source's records of a metric. */
typedef struct group {
	const fc_ref *first; /* its records, by date */
	size_t n;
	const fc_verify_source *conf; /* or NULL: not configured (tests) */
	bool since_late;    /* the claim counts from after its first record */
	fc_verdict verdict; /* UNVERIFIED when no record is in force */
	const fc_ref *in_force;
	const fc_ref *matched; /* the earlier record agreed with */
	const fc_ref *later;   /* a record just after as_of agreed with */
	double tol;
	int lag;
	bool via_lag;
	const fc_ref *from;   /* a running total: the record the claim lies
	                         above (the one in force when the lag window
	                         opened), with in_force above it */
	const fc_ref *next;   /* a running total: the claim lies between the
	                         record in force and this later one */
	double grew;          /* a running total past its last record: the
	                         rise a day it kept (> 0) that could have
	                         taken it to the claim since, or 0 */
	const fc_ref *grew_from; /* the record that rate is measured from */
	bool before_first;    /* a running total below its first record,
	                         within the reporting lag of it: a count of
	                         before the series begins */
} group;

/* How far back a running total's rise a day is measured, in days. */
#define GROWTH_DAYS 90

/* How good a verdict is for the claim: lower is better. */
static int rank(fc_verdict v)
{
	switch (v) {
	case FC_VERDICT_OK:
		return 0;
	case FC_VERDICT_UNDERSTATED:
	case FC_VERDICT_OVERSTATED:
		return 1;
	case FC_VERDICT_OUTDATED:
		return 2;
	case FC_VERDICT_DISCREPANCY:
		return 3;
	default:
		return 4;
	}
}

static bool agreeing(fc_verdict v)
{
	return rank(v) <= 1;
}

static void judge(const fc_verifier *v, const fc_claim *c, const fc_finding *f,
                  fc_date as_of, group *g)
{
	const fc_ref *first = g->first;
	size_t k = g->n;

	g->tol = c->tolerance;
	g->lag = g->conf ? g->conf->lag_days : 0;
	if (g->conf && g->conf->tolerance > g->tol)
		g->tol = g->conf->tolerance;
	g->verdict = FC_VERDICT_UNVERIFIED;
	/* A count from a date is a count of events over part of a series;
	 * a level read by a frame (a population "in 2023") is no count, and
	 * its period only dates it. */
	if (c->since != FC_DATE_NONE && c->since > first[0].rec.date &&
	    ((c->flags & FC_CLAIMF_RUNNING_TOTAL) || !c->measure)) {
		g->since_late = true;
		return;
	}
	while (k > 0 && first[k - 1].rec.date > as_of)
		k--;
	/* "Ten years ago": the figure of that year, or (ten years before
	 * the figure in force, a year behind) the one in force then. */
	if ((c->flags & FC_CLAIMF_AS_OF_YEAR) && k < g->n &&
	    first[k].rec.period == FC_PERIOD_YEAR &&
	    first[k].rec.date == fc_period_end(as_of, FC_PERIOD_YEAR)) {
		k++;
		if (!agrees(f, &first[k - 1], g->tol) && k >= 2 &&
		    agrees(f, &first[k - 2], g->tol))
			k--;
	}
	/* A record of the days just after as_of that the claim agrees
	 * with hints that the draft's date is off. */
	for (size_t i = k; i < g->n && first[i].rec.date - as_of <= g->lag + 1;
	     i++)
		if (agrees(f, &first[i], g->tol)) {
			g->later = &first[i];
			break;
		}
	if (k == 0)
		return;
	g->in_force = &first[k - 1];
	if (agrees(f, g->in_force, g->tol)) {
		double rv = g->in_force->rec.value, cv = c->number.value;
		fc_qualifier q = c->number.qualifier;
		g->verdict = FC_VERDICT_OK;
		if ((q == FC_QUAL_MORE_THAN || q == FC_QUAL_AT_LEAST) &&
		    cv > 0 && rv > cv * (1 + v->understated))
			g->verdict = FC_VERDICT_UNDERSTATED;
		if ((q == FC_QUAL_UP_TO || q == FC_QUAL_LESS_THAN) && cv > 0 &&
		    rv < cv * (1 - v->overstated))
			g->verdict = FC_VERDICT_OVERSTATED;
		g->later = NULL;
		return;
	}
	/* A running total took every value between two records: one
	 * between the record in force when the lag window opened and the
	 * one in force now is a figure of the last few days. */
	if (c->flags & FC_CLAIMF_RUNNING_TOTAL) {
		size_t j = k - 1;
		while (j > 0 && (int64_t)as_of - first[j].rec.date < g->lag)
			j--;
		/* Open at the low end: the value of first[j] itself is the
		 * older record's, which the loop below judges. */
		if (j < k - 1 && (int64_t)as_of - first[j].rec.date >= g->lag &&
		    fc_intervals_meet(f->claim_low, f->claim_low_open,
				      f->claim_high, f->claim_high_open,
				      first[j].high, true, g->in_force->high,
				      false)) {
			g->verdict = FC_VERDICT_OK;
			g->via_lag = true;
			g->from = &first[j];
			g->later = NULL;
			return;
		}
	}
	/* Earlier records, latest first. */
	for (size_t i = k - 1; i-- > 0;) {
		const fc_ref *r = &first[i];
		if (!agrees(f, r, g->tol))
			continue;
		/* A lagged record vouches for the claim only where the
		 * record in force does not rule it out more precisely:
		 * "more than 13,000" then 13,300 leaves no room for
		 * "14,000". */
		if ((int64_t)as_of - r->rec.date <= g->lag &&
		    g->in_force->high - g->in_force->low < r->high - r->low)
			continue;
		g->matched = r;
		if ((int64_t)as_of - r->rec.date <= g->lag) {
			g->verdict = FC_VERDICT_OK;
			g->via_lag = true;
		} else {
			g->verdict = FC_VERDICT_OUTDATED;
		}
		g->later = NULL;
		return;
	}
	g->verdict = FC_VERDICT_DISCREPANCY;
	/* Above the record in force, below the next one: the total had
	 * not been published at that value by the as-of date, but it took
	 * it; the record cannot say the figure is wrong. */
	if ((c->flags & FC_CLAIMF_RUNNING_TOTAL) && k < g->n &&
	    f->claim_low >= g->in_force->rec.value &&
	    fc_intervals_meet(f->claim_low, f->claim_low_open, f->claim_high,
			      f->claim_high_open, g->in_force->low, false,
			      first[k].high, false)) {
		g->verdict = FC_VERDICT_UNVERIFIED;
		g->next = &first[k];
		g->later = NULL;
	}
	/* Below the first record of a series its source says is a running
	 * total, within the lag of it: the series began that day, and the
	 * total was lower before (an early count of the first day); nothing
	 * rules it out. */
	if (g->verdict == FC_VERDICT_DISCREPANCY &&
	    (c->flags & FC_CLAIMF_RUNNING_TOTAL) && k == 1 && g->conf &&
	    g->conf->cumulative &&
	    (int64_t)as_of - first[0].rec.date <= g->lag &&
	    f->claim_low >= 0 &&
	    (f->claim_high < first[0].low ||
	     (f->claim_high == first[0].low && f->claim_high_open))) {
		g->verdict = FC_VERDICT_UNVERIFIED;
		g->before_first = true;
		g->later = NULL;
	}
	/* Above a stale last record of a running total that was still
	 * rising: at its rise a day of the last few months it could have
	 * reached the figure since; the record cannot call it wrong. */
	if (g->verdict == FC_VERDICT_DISCREPANCY &&
	    (c->flags & FC_CLAIMF_RUNNING_TOTAL) && k == g->n && g->conf &&
	    (int64_t)as_of - g->in_force->rec.date > g->conf->stale_days &&
	    (f->claim_low > g->in_force->high ||
	     (f->claim_low == g->in_force->high && f->claim_low_open))) {
		size_t j = k - 1;
		double days, rate;
		while (j > 0 && (int64_t)g->in_force->rec.date -
		                        first[j - 1].rec.date <= GROWTH_DAYS)
			j--;
		days = (double)((int64_t)g->in_force->rec.date -
		                first[j].rec.date);
		rate = days > 0 ? (g->in_force->rec.value - first[j].rec.value) /
		                      days
		                : 0;
		if (rate > 0 &&
		    g->in_force->rec.value +
		            rate * (double)((int64_t)as_of -
		                            g->in_force->rec.date) >=
		        f->claim_low) {
			g->verdict = FC_VERDICT_UNVERIFIED;
			g->grew = rate;
			g->grew_from = &first[j];
			g->later = NULL;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Explaining. */

static char *record_desc(const fc_ref *r, char *buf, size_t size)
{
	return fc_describe_value(r->rec.qualifier, r->rec.value, r->rec.value,
	                         buf, size);
}

/* When a record's figure is of: "2023-11-05" for a day, "2023" or
 * "2023-11" for a year or a month (buf: 11 bytes). */
static char *record_label(const fc_ref *r, char *buf)
{
	return fc_period_format(r->rec.date, r->rec.period, buf);
}

/* "on 2023-11-05" for a day's record, "in 2023" for a year's (buf: 16
 * bytes). */
static char *record_when(const fc_ref *r, char *buf)
{
	char d[11];

	snprintf(buf, 16, "%s %s", r->rec.period == FC_PERIOD_DAY ? "on" : "in",
	         record_label(r, d));
	return buf;
}

/* The record's interval with the tolerance applied, for reasons. */
static char *record_interval(const fc_ref *r, double tol, char *buf,
                             size_t size)
{
	double lo, hi;
	bool lo_open, hi_open;

	widened(r, tol, &lo, &lo_open, &hi, &hi_open);
	return describe_interval(lo, lo_open, hi, hi_open, buf, size);
}

/* "the claim more than 1,400 (1,400, inf)" */
static char *claim_desc(const fc_claim *c, const fc_finding *f, char *buf,
                        size_t size)
{
	char w[96], iv[160];

	fc_describe_value(c->number.qualifier, c->number.value,
	                  c->number.value2, w, sizeof(w));
	describe_interval(f->claim_low, f->claim_low_open, f->claim_high,
	                  f->claim_high_open, iv, sizeof(iv));
	if (strcmp(w, iv) == 0)
		snprintf(buf, size, "the claim %s", iv);
	else
		snprintf(buf, size, "the claim %s %s", w, iv);
	return buf;
}

/* " (widened by the tolerance of 1%)" or " (no tolerance)" */
static char *tolerance_desc(double tol, char *buf, size_t size)
{
	if (tol > 0)
		snprintf(buf, size, " (widened by the tolerance of %.4g%%)",
		         100.0 * tol);
	else
		snprintf(buf, size, " (no tolerance)");
	return buf;
}

/* The unit of the last non-zero digit of an integer (10,000 -> 10,000;
 * 9,800 -> 100), or 0. */
static double last_nonzero_unit(double v)
{
	double u = 1;

	v = fabs(v);
	if (v < 10 || v != floor(v) || v > 1e15)
		return 0;
	while (fmod(v, u * 10) == 0)
		u *= 10;
	return u > 1 ? u : 0;
}

/* Appends the formatted text to *s, an arena string (or NULL), making a
 * new arena string. False when out of memory. */
static bool append(fc_arena *a, const char **s, const char *fmt, ...)
    FC_PRINTF(3, 4);

static bool append(fc_arena *a, const char **s, const char *fmt, ...)
{
	char tail[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tail, sizeof(tail), fmt, ap);
	va_end(ap);
	*s = fc_arena_printf(a, "%s%s", *s ? *s : "", tail);
	return *s != NULL;
}

/* The message and reason of a claim no source could check. */
static fc_status explain_unverified(const fc_verifier *v, const fc_claim *c,
                                    const char *text, fc_date as_of,
                                    const group *gs, size_t ng, size_t n_refs,
                                    const fc_ref *refs, const char *attrib_note,
                                    fc_finding *f, fc_arena *arena)
{
	fc_buf why = {0};
	char d1[11], d2[11];
	bool since_only = ng > 0;

	for (size_t g = 0; g < ng; g++)
		since_only = since_only && gs[g].since_late;
	fc_date_format(as_of, d1);
	if (ng == 0 && n_refs > 0 && attrib_note && attrib_note[0]) {
		/* Records exist; the attribution rules them out. */
		fc_buf_puts(&why, attrib_note);
		attrib_note = NULL;
	} else if (since_only) {
		fc_date_format(c->since, d2);
		fc_buf_printf(&why, "the claim counts from %s", d2);
		if (c->as_of_text)
			fc_buf_printf(&why, " (\"%s\")", c->as_of_text);
		for (size_t g = 0; g < ng; g++) {
			char d3[11];
			fc_date_format(gs[g].first[0].rec.date, d3);
			fc_buf_printf(&why,
			              "%s %s's records of %s count from %s",
			              g ? "," : ", but", gs[g].first[0].source,
			              c->metric, d3);
		}
		fc_buf_puts(&why, ", and a count over part of a series is not "
		                  "derived from them");
	} else {
		fc_buf_printf(&why, "no record of %s on or before %s",
		              c->metric, d1);
		if (v->n_sources == 0)
			fc_buf_puts(&why, " (no reference source is "
			                  "configured)");
		if (n_refs > 0) {
			record_label(&refs[0], d2);
			fc_buf_printf(&why, " (%s's records begin on %s)",
			              refs[0].source, d2);
		}
	}
	for (size_t i = 0; i < v->n_sources; i++)
		if (v->sources[i].failed && provides(&v->sources[i], c->metric))
			fc_buf_printf(&why, "; source %s failed: %s",
			              v->sources[i].name,
			              v->sources[i].error ? v->sources[i].error
			                                  : "unknown error");
	if (attrib_note)
		fc_buf_printf(&why, "; %s", attrib_note);
	if (!why.data)
		return FC_ERR_NOMEM;
	f->verdict = FC_VERDICT_UNVERIFIED;
	f->message = fc_arena_printf(arena, "\"%s\" could not be verified: %s.",
	                             text, why.data);
	f->reason = fc_arena_strdup(arena, why.data);
	fc_buf_free(&why);
	return f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
}

/* The message of the deciding source's verdict, without its closing
 * period, and its reason. False when out of memory. */
static bool explain(const fc_verifier *v, const fc_claim *c, const char *text,
                    fc_date as_of, const group *o, fc_finding *f,
                    fc_arena *arena)
{
	const fc_ref *r = o->in_force;
	char d1[11], w1[16], d2[11], rv[96], mv[96], ci[300], ri[160], tl[80];

	record_label(r, d1);
	record_when(r, w1);
	fc_date_format(as_of, d2);
	record_desc(r, rv, sizeof(rv));
	claim_desc(c, f, ci, sizeof(ci));
	record_interval(r, o->tol, ri, sizeof(ri));
	tolerance_desc(o->tol, tl, sizeof(tl));
	switch (o->verdict) {
	case FC_VERDICT_OK:
		if (o->via_lag && o->from) {
			char fd[11], fv[96];
			fc_date_format(o->from->rec.date, fd);
			record_desc(o->from, fv, sizeof(fv));
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" agrees with %s's running total within the "
			    "reporting lag of %d days: it rose from %s (%s) to %s "
			    "(%s)",
			    text, r->source, o->lag, fv, fd, rv, d1);
			f->reason = fc_arena_printf(
			    arena,
			    "%s does not meet the record in force %s%s, but a "
			    "running total took every value from %s (%s, the "
			    "record in force %d days before %s) to %s (%s)",
			    ci, ri, tl, fv, fd, o->lag, d2, rv, d1);
		} else if (o->via_lag) {
			char md[11];
			int days = (int)((int64_t)as_of - o->matched->rec.date);
			record_label(o->matched, md);
			record_desc(o->matched, mv, sizeof(mv));
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" agrees with the figure of %s from %s (%s), "
			    "within the reporting lag of %d days; the latest "
			    "record (%s) is %s",
			    text, md, o->matched->source, mv, o->lag, d1, rv);
			f->reason = fc_arena_printf(
			    arena,
			    "%s does not meet the record in force %s%s, but "
			    "meets the record of %s, %d day%s before %s, "
			    "within "
			    "%s's reporting lag of %d days",
			    ci, ri, tl, md, days, days == 1 ? "" : "s", d2,
			    o->matched->source, o->lag);
		} else {
			f->message = fc_arena_printf(
			    arena, "\"%s\" agrees with %s: %s %s", text,
			    r->source, rv, w1);
			f->reason = fc_arena_printf(
			    arena, "%s meets the record %s in force on %s%s",
			    ci, ri, d2, tl);
		}
		break;
	case FC_VERDICT_UNDERSTATED:
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is true but understates the record: %s %s (%s), "
		    "%.0f%% above the figure written",
		    text, rv, w1, r->source,
		    100.0 * (r->rec.value / c->number.value - 1));
		f->reason = fc_arena_printf(
		    arena,
		    "%s meets the record %s in force on %s%s, but the record "
		    "is "
		    "more than %.0f%% above the figure written (the "
		    "understatement threshold)",
		    ci, ri, d2, tl, 100.0 * v->understated);
		break;
	case FC_VERDICT_OVERSTATED:
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is true but overstates the record: %s %s (%s), "
		    "%.0f%% below the figure written",
		    text, rv, w1, r->source,
		    100.0 * (1 - r->rec.value / c->number.value));
		f->reason = fc_arena_printf(
		    arena,
		    "%s meets the record %s in force on %s%s, but the record "
		    "is "
		    "more than %.0f%% below the figure written (the "
		    "overstatement threshold)",
		    ci, ri, d2, tl, 100.0 * v->overstated);
		break;
	case FC_VERDICT_OUTDATED: {
		char md[11];
		record_label(o->matched, md);
		record_desc(o->matched, mv, sizeof(mv));
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" is out of date: it matches the figure of %s from "
		    "%s "
		    "(%s), but the record in force on %s is %s (%s)",
		    text, md, r->source, mv, d2, rv, d1);
		f->reason = fc_arena_printf(
		    arena,
		    "%s does not meet the record in force %s%s, but meets the "
		    "record of %s, %d days before %s, more than the reporting "
		    "lag of %d days",
		    ci, ri, tl, md,
		    (int)((int64_t)as_of - o->matched->rec.date), d2, o->lag);
		break;
	}
	case FC_VERDICT_UNVERIFIED: {
		char nd[11], nv[96];
		if (o->grew > 0) {
			char gr[64], fd[11], fv[96];
			fc_format_value(round(o->grew), true, 0, gr, sizeof(gr));
			fc_date_format(o->grew_from->rec.date, fd);
			record_desc(o->grew_from, fv, sizeof(fv));
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" could not be verified: %s's last record is "
			    "%s (%s), %d days before %s, and the total was "
			    "still rising (about %s a day since %s): it may "
			    "have reached the figure since",
			    text, r->source, rv, d1,
			    (int)((int64_t)as_of - r->rec.date), d2, gr, fd);
			f->reason = fc_arena_printf(
			    arena,
			    "%s is above the last record %s%s of a running "
			    "total; from %s (%s) to %s it rose about %s a day, "
			    "enough to reach the claim by %s, so a record that "
			    "old cannot call it wrong",
			    ci, ri, tl, fv, fd, d1, gr, d2);
			break;
		}
		if (o->before_first) {
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" could not be verified: it is below %s's "
			    "first record, %s (%s), within the reporting lag "
			    "of it: it may be a count of before that record",
			    text, r->source, rv, d1);
			f->reason = fc_arena_printf(
			    arena,
			    "%s is below the first record %s%s of a running "
			    "total; the series begins on %s, %d days before %s "
			    "(the reporting lag is %d days), so no record says "
			    "what the total was earlier",
			    ci, ri, tl, d1,
			    (int)((int64_t)as_of - r->rec.date), d2, o->lag);
			break;
		}
		fc_date_format(o->next->rec.date, nd);
		record_desc(o->next, nv, sizeof(nv));
		f->message = fc_arena_printf(
		    arena,
		    "\"%s\" could not be verified: it lies between %s's records "
		    "of %s (%s) and %s (%s), and the record in force on %s is "
		    "the lower; is the draft's date right?",
		    text, r->source, rv, d1, nv, nd, d2);
		f->reason = fc_arena_printf(
		    arena,
		    "%s is above the record in force %s%s and within reach of "
		    "the next record, %s of %s: a running total took that value "
		    "after %s, so the record in force cannot call it wrong",
		    ci, ri, tl, nv, nd, d1);
		break;
	}
	case FC_VERDICT_DISCREPANCY: {
		char da[64];
		fc_format_value(fabs(f->diff_abs), true, 2, da, sizeof(da));
		if (isnan(f->diff_rel))
			f->message = fc_arena_printf(
			    arena, "\"%s\" disagrees with %s: %s %s", text,
			    r->source, rv, w1);
		else
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" disagrees with %s: %s %s (off by %s%s, "
			    "%+.1f%%)",
			    text, r->source, rv, w1,
			    f->diff_abs < 0 ? "-" : "+", da,
			    100.0 * f->diff_rel);
		f->reason = fc_arena_printf(
		    arena,
		    "%s does not meet the record %s in force on %s%s, nor any "
		    "earlier record",
		    ci, ri, d2, tl);
		if (f->message && f->reason && o->later) {
			char ld[11];
			record_label(o->later, ld);
			if (!append(arena, &f->message,
			            "; it matches the figure of %s, after the "
			            "as-of date: is the draft's date right?",
			            ld))
				return false;
		}
		/* "10,000" read as exact, though it may be rounded. */
		if (f->reason && c->number.qualifier == FC_QUAL_NONE &&
		    (c->number.flags & FC_NUMF_AMBIGUOUS) &&
		    !(c->number.flags & FC_NUMF_APPROX)) {
			double u = last_nonzero_unit(c->number.value);
			fc_finding g = *f;
			g.claim_low = c->number.value - u / 2;
			g.claim_high = c->number.value + u / 2;
			g.claim_low_open = g.claim_high_open = false;
			if (u > 0 && agrees(&g, r, o->tol)) {
				char us[64];
				fc_format_value(u, true, 0, us, sizeof(us));
				if (!append(arena, &f->reason,
				            "; read as rounded to the nearest "
				            "%s, it would agree (numbers.round "
				            "reads such figures as exact)",
				            us))
					return false;
			}
		}
		break;
	}
	default:
		break;
	}
	return f->message && f->reason;
}

/* ------------------------------------------------------------------ */
/* The verdict. */

/* A copy of `r` in `arena` (its strings are the store's), or NULL. */
static const fc_ref *keep_ref(fc_arena *arena, const fc_ref *r)
{
	fc_ref *k = fc_arena_alloc(arena, sizeof(*k));

	if (k)
		*k = *r;
	return k;
}

fc_status fc_verify_claim(const fc_verifier *v, const fc_claim *c,
                          const char *text, fc_date as_of, fc_finding *f,
                          fc_arena *arena)
{
	fc_ref *refs = NULL;
	group *gs = NULL;
	size_t n, ng = 0, best = (size_t)-1, total_groups = 0;
	const char *attrib_note = NULL;
	const fc_verify_source *named = NULL;
	fc_date newest = FC_DATE_NONE;
	fc_status rc = FC_ERR_NOMEM;

	f->verdict = FC_VERDICT_UNVERIFIED;
	f->claim_low = c->number.low;
	f->claim_high = c->number.high;
	f->claim_low_open = c->number.low_open;
	f->claim_high_open = c->number.high_open;
	f->as_of = as_of;
	f->diff_abs = f->diff_rel = NAN;
	f->tolerance = c->tolerance;

	if (!c->metric) {
		f->verdict = FC_VERDICT_UNCHECKED;
		f->message = fc_arena_printf(
		    arena, "\"%s\" was found but not checked: %s.", text,
		    c->unbound_reason
		        ? c->unbound_reason
		        : "no rule could tell which figure it is");
		f->reason = fc_arena_printf(
		    arena,
		    "%s; a claim is verified only when a rule binds it to a "
		    "metric with certainty",
		    c->unbound_reason ? c->unbound_reason
		                      : "no rule could tell which figure it is");
		return f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
	}

	/* The metric's records, made from the store's compact ones for the
	 * time of this call; those the finding keeps are copied into the
	 * arena at the end. */
	{
		size_t first;
		n = fc_store_find(v->store, c->metric, &first);
		refs = malloc((n + 1) * sizeof(*refs));
		if (!refs)
			return FC_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			fc_store_ref(v->store, first + i, &refs[i]);
	}
	gs = calloc(n + 1, sizeof(*gs));
	if (!gs) {
		free(refs);
		return FC_ERR_NOMEM;
	}
	/* One group per source. */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strcmp(refs[j].source, refs[i].source) == 0)
			j++;
		gs[ng].first = &refs[i];
		gs[ng].n = j - i;
		gs[ng].conf = source_conf(v, refs[i].source);
		ng++;
		i = j;
	}
	total_groups = ng;

	/* With an attribution to one configured source, that source alone. */
	if (c->attribution) {
		int k = fc_verify_source_for(v, c->attribution);
		named = k >= 0 ? &v->sources[k] : NULL;
	}
	if (named) {
		size_t keep = ng;
		for (size_t g = 0; g < ng; g++)
			if (gs[g].conf == named)
				keep = g;
		if (keep < ng) {
			gs[0] = gs[keep];
			ng = 1;
			if (total_groups > 1)
				attrib_note = fc_arena_printf(
				    arena,
				    "checked against %s alone, the source the "
				    "figure is attributed to (\"%s\")",
				    named->name, c->attribution);
			else
				attrib_note = "";
		} else if (named->failed) {
			attrib_note = fc_arena_printf(
			    arena,
			    "the figure is attributed to %s (\"%s\"), whose "
			    "data could not be read",
			    named->name, c->attribution);
			ng = 0;
		} else {
			/* Another publisher's figure would be judged
			 * against a record the claim does not cite. */
			attrib_note = fc_arena_printf(
			    arena,
			    "the figure is attributed to %s (\"%s\"), which "
			    "has no records of %s; another source's record is "
			    "not the one the draft cites",
			    named->name, c->attribution, c->metric);
			ng = 0;
		}
		if (!attrib_note)
			goto out;
		if (!attrib_note[0])
			attrib_note = NULL;
	} else if (c->attribution && !names_known_body(v, c, c->attribution)) {
		attrib_note = fc_arena_printf(
		    arena,
		    "the figure is attributed to \"%s\", which is no configured "
		    "source (add it to a source's \"aliases\" to check it "
		    "against that source)",
		    c->attribution);
		if (!attrib_note)
			goto out;
		ng = 0;
	} else if (c->attribution && ng > 1) {
		attrib_note = fc_arena_printf(
		    arena,
		    "the attribution \"%s\" names no one configured source, so "
		    "every source was consulted",
		    c->attribution);
		if (!attrib_note)
			goto out;
	}

	for (size_t g = 0; g < ng; g++) {
		judge(v, c, f, as_of, &gs[g]);
		if (gs[g].in_force && (newest == FC_DATE_NONE ||
		                       gs[g].in_force->rec.date > newest))
			newest = gs[g].in_force->rec.date;
	}
	/* Of the sources whose record in force is current, the one the
	 * claim agrees with best; then the most recent record. */
	for (size_t g = 0; g < ng; g++) {
		const group *x = &gs[g];
		if (!x->in_force ||
		    (int64_t)newest - x->in_force->rec.date > x->lag)
			continue;
		if (best == (size_t)-1 ||
		    rank(x->verdict) < rank(gs[best].verdict) ||
		    (rank(x->verdict) == rank(gs[best].verdict) &&
		     x->in_force->rec.date > gs[best].in_force->rec.date))
			best = g;
	}
	if (best == (size_t)-1) {
		rc = explain_unverified(v, c, text, as_of, gs, ng, n, refs,
		                        attrib_note, f, arena);
		goto out;
	}

	{
		const group *o = &gs[best];
		const fc_ref *r = o->in_force;
		const fc_verify_source *sc = o->conf;
		int age = (int)((int64_t)as_of - r->rec.date);
		char d[11];

		/* A figure whose period the sentence does not state, far
		 * below the running total: a count over part of the period
		 * (one strike, one day), not a wrong total. False alarms
		 * cost more than misses. */
		if (c->partial_below > 0 &&
		    (o->verdict == FC_VERDICT_DISCREPANCY ||
		     o->verdict == FC_VERDICT_UNDERSTATED ||
		     o->verdict == FC_VERDICT_OUTDATED) &&
		    fmax(c->number.value, c->number.value2) <
		        r->rec.value * c->partial_below) {
			char rv[96];
			record_desc(r, rv, sizeof(rv));
			fc_date_format(r->rec.date, d);
			f->verdict = FC_VERDICT_UNCHECKED;
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" was found but not checked: its sentence "
			    "names no period, and it is far below the running "
			    "total of %s (%s on %s, %s): read as a count over "
			    "part of it, such as one strike or one day.",
			    text, c->metric, rv, d, r->source);
			f->reason = fc_arena_printf(
			    arena,
			    "no word of the sentence says the figure is a "
			    "running total (\"since\", a toll) or a part of "
			    "one; a figure below %g%% of the record in force is "
			    "read as a part, and a part is not checked against "
			    "the total",
			    100.0 * c->partial_below);
			rc = f->message && f->reason ? FC_OK : FC_ERR_NOMEM;
			goto out;
		}
		/* A place taken from another sentence, and a figure far
		 * from its record: more likely about another place or
		 * group ("the town's", a country named before) than
		 * wrong. */
		if ((c->flags &
		     (FC_CLAIMF_ENTITY_ELSEWHERE | FC_CLAIMF_ENTITY_LOOSE)) &&
		    o->verdict != FC_VERDICT_OK && r->rec.value > 0 &&
		    c->number.value > 0 &&
		    (c->number.value > ELSEWHERE_FAR * r->rec.value ||
		     c->number.value * ELSEWHERE_FAR < r->rec.value)) {
			char rv[96];
			record_desc(r, rv, sizeof(rv));
			record_label(r, d);
			f->verdict = FC_VERDICT_UNVERIFIED;
			bool loose = !(c->flags & FC_CLAIMF_ENTITY_ELSEWHERE);
			f->message = fc_arena_printf(
			    arena,
			    "\"%s\" could not be verified: %s gives %s, and the "
			    "figure is far from that record (%s %s %s, %s): it "
			    "may be about another place or group.",
			    text,
			    loose ? "the place its sentence names, though not "
				    "beside the figure,"
				  : "its sentence names no place, the one its "
				    "context names",
			    c->metric, rv,
			    r->rec.period == FC_PERIOD_DAY ? "on" : "in", d,
			    r->source);
			f->reason = fc_arena_printf(
			    arena,
			    "the claim's place %s, and its figure is more than "
			    "%g times off the record: a binding that doubtful "
			    "is not called wrong",
			    loose ? "is named in its sentence but not tied to "
				    "its figure"
				  : "comes from outside its sentence",
			    ELSEWHERE_FAR);
			/* The record outlives this call. */
			f->record = keep_ref(arena, r);
			rc = f->message && f->reason && f->record
				 ? FC_OK
				 : FC_ERR_NOMEM;
			goto out;
		}
		f->verdict = o->verdict;
		f->record = r;
		f->matched = o->matched;
		f->tolerance = o->tol;
		f->diff_abs = c->number.value - r->rec.value;
		f->diff_rel =
		    r->rec.value != 0 ? f->diff_abs / fabs(r->rec.value) : NAN;
		/* A day's record is stale stale_days after its day; a
		 * month's or a year's, stale_days after the end of the
		 * period after its own, when the next figure was due. */
		if (sc && r->rec.period == FC_PERIOD_DAY &&
		    age > sc->stale_days) {
			f->stale = true;
			f->stale_days = age;
		} else if (sc && r->rec.period != FC_PERIOD_DAY &&
		           (int64_t)as_of >
		               (int64_t)fc_period_next_end(r->rec.date,
		                                           r->rec.period) +
		                   sc->stale_days) {
			f->stale = true;
			f->stale_days = age;
		}
		if (!explain(v, c, text, as_of, o, f, arena))
			goto out;
		if (f->stale && r->rec.period == FC_PERIOD_DAY &&
		    (!append(arena, &f->message,
		             ", a stale record %d days old (%s allows %d)",
		             age, r->source, sc->stale_days) ||
		     !append(
		         arena, &f->reason,
		         "; the record in force is %d days old at %s, older "
		         "than the staleness bound of %s (%d days)",
		         age, fc_date_format(as_of, d), r->source,
		         sc->stale_days)))
			goto out;
		if (f->stale && r->rec.period != FC_PERIOD_DAY) {
			char nx[11], due[11], lb[11];
			fc_date next = fc_period_next_end(r->rec.date,
			                                  r->rec.period);
			fc_period_format(next, r->rec.period, nx);
			fc_date_format(next, due);
			record_label(r, lb);
			if (!append(arena, &f->message,
			            ", a stale record: the figure for %s was due "
			            "on %s (%s allows %d days more)",
			            nx, due, r->source, sc->stale_days) ||
			    !append(arena, &f->reason,
			            "; the record in force, of %s, is a %s's "
			            "figure; the next %s's was due on %s, and "
			            "%s's staleness bound of %d days after that "
			            "has passed at %s",
			            lb, fc_period_name(r->rec.period),
			            fc_period_name(r->rec.period), due,
			            r->source, sc->stale_days,
			            fc_date_format(as_of, d)))
				goto out;
		}
	}

	/* The other sources' records in force, and which disagree. */
	if (ng > 1) {
		const fc_ref **others =
		    fc_arena_alloc(arena, ng * sizeof(*others));
		size_t n_disagree = 0;
		if (!others)
			goto out;
		f->n_others = 0;
		for (size_t g = 0; g < ng; g++) {
			char ov[96], od[11], bv[96];
			if (g == best || !gs[g].in_force)
				continue;
			others[f->n_others++] = gs[g].in_force;
			if (agreeing(gs[g].verdict) ==
			    agreeing(gs[best].verdict))
				continue;
			record_desc(gs[g].in_force, ov, sizeof(ov));
			record_desc(gs[best].in_force, bv, sizeof(bv));
			record_label(gs[g].in_force, od);
			/* The message names them; their records are in
			 * f->others, and reporters show them. */
			if (!append(arena, &f->message, "%s%s",
			            n_disagree++ ? ", " : "; ",
			            gs[g].in_force->source) ||
			    !append(arena, &f->reason,
			            "; sources disagree on %s: %s gives %s, %s "
			            "gives %s, by which the claim is %s",
			            od, gs[best].in_force->source, bv,
			            gs[g].in_force->source, ov,
			            fc_verdict_name(gs[g].verdict)))
				goto out;
		}
		if (n_disagree && !append(arena, &f->message, " disagree%s",
		                          n_disagree == 1 ? "s" : ""))
			goto out;
		f->others = others;
	}
	if (attrib_note && !append(arena, &f->reason, "; %s", attrib_note))
		goto out;
	for (size_t i = 0; i < v->n_sources; i++)
		if (v->sources[i].failed &&
		    provides(&v->sources[i], c->metric) &&
		    !append(arena, &f->reason,
		            "; source %s, which may also give %s, failed: %s",
		            v->sources[i].name, c->metric,
		            v->sources[i].error ? v->sources[i].error
		                                : "unknown error"))
			goto out;
	if (!append(arena, &f->message, "."))
		goto out;
	/* The records the finding points to outlive this call. */
	if ((f->record && !(f->record = keep_ref(arena, f->record))) ||
	    (f->matched && !(f->matched = keep_ref(arena, f->matched))))
		goto out;
	for (size_t i = 0; i < f->n_others; i++)
		if (!(((const fc_ref **)f->others)[i] =
		          keep_ref(arena, f->others[i])))
			goto out;
	rc = FC_OK;
out:
	if (rc != FC_OK) {
		f->record = f->matched = NULL;
		f->others = NULL;
		f->n_others = 0;
	}
	free(gs);
	free(refs);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Claims of one draft that contradict each other. */

typedef struct keyed {
	const char *metric;
	fc_date as_of, since;
	size_t idx;
} keyed;

/* By metric, date and start of count: the claims that must agree. */
static int cmp_key(const keyed *x, const keyed *y)
{
	int c = strcmp(x->metric, y->metric);

	if (c)
		return c;
	if (x->as_of != y->as_of)
		return x->as_of < y->as_of ? -1 : 1;
	if (x->since != y->since)
		return x->since < y->since ? -1 : 1;
	return 0;
}

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = cmp_key(x, y);

	if (c)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* How many earlier claims of a group a claim is compared with. */
#define MAX_COMPARED 64

/* True when claim `a` may count part of what `b` counts: its period is
 * unstated ("the quake killed 1,175", not "the toll stands at") and it
 * lies below the share of `b` under which the verifier would read it so
 * against a record. */
static bool maybe_part(const fc_claim *a, const fc_claim *b)
{
	return a->partial_below > 0 &&
	       !(a->period && strcmp(a->period, "cumulative") == 0) &&
	       a->number.value < a->partial_below * b->number.value;
}

/* True when the records checked the claim of verdict `v`. */
static bool checked_by_record(fc_verdict v)
{
	return v != FC_VERDICT_UNVERIFIED && v != FC_VERDICT_UNCHECKED;
}

fc_status fc_verify_conflicts(const fc_claim *claims, const fc_date *as_of,
                              const fc_verdict *verdict, size_t n,
                              size_t *conflict)
{
	keyed *k = calloc(n + 1, sizeof(*k));
	size_t m = 0;

	if (!k)
		return FC_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		conflict[i] = (size_t)-1;
		/* Levels only: a change is no figure of the metric. */
		/* Nor a claim whose place the verdict found doubtful: named
		 * elsewhere, or loosely, and far from the record. */
		if (!claims[i].metric || claims[i].change != FC_CHANGE_NONE ||
		    claims[i].per_day ||
		    (verdict && verdict[i] == FC_VERDICT_UNCHECKED) ||
		    (verdict && verdict[i] == FC_VERDICT_UNVERIFIED &&
		     (claims[i].flags & (FC_CLAIMF_ENTITY_ELSEWHERE |
		                         FC_CLAIMF_ENTITY_LOOSE))))
			continue;
		k[m].metric = claims[i].metric;
		k[m].as_of = as_of[i];
		k[m].since = claims[i].since;
		k[m].idx = i;
		m++;
	}
	if (m)
		qsort(k, m, sizeof(*k), cmp_keyed);
	for (size_t j = 1; j < m; j++) {
		const fc_claim *b = &claims[k[j].idx];
		size_t seen = 0;
		for (size_t i = j; i-- > 0 && seen < MAX_COMPARED;) {
			const fc_claim *a = &claims[k[i].idx];
			if (cmp_key(&k[i], &k[j]) != 0)
				break;
			seen++;
			/* Two figures of one sentence compare or update
			 * ("rose from 9,485 to 9,770"): not a contradiction. */
			if (a->sent_start == b->sent_start ||
			    a->number.kind != b->number.kind)
				continue;
			/* A figure far below the other, with no period,
			 * that no record checked may count part of it (one
			 * strike's dead). */
			if ((maybe_part(a, b) &&
			     !(verdict && checked_by_record(verdict[k[i].idx]))) ||
			    (maybe_part(b, a) &&
			     !(verdict && checked_by_record(verdict[k[j].idx]))))
				continue;
			if (!fc_intervals_meet(
			        a->number.low, a->number.low_open,
			        a->number.high, a->number.high_open,
			        b->number.low, b->number.low_open,
			        b->number.high, b->number.high_open))
				conflict[k[j].idx] = k[i].idx;
		}
	}
	free(k);
	return FC_OK;
}
