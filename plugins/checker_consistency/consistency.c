/*
 * consistency.c: the consistency checker. Checks a draft against itself,
 * as statcheck does for the test statistics of a paper: where a sentence
 * gives the figures a computation rests on and the result, the result is
 * recomputed from the figures and compared at the precision it was
 * written with. No reference data is needed.
 *
 *   consistency.share   "4,008 of the 9,770 dead were children, or 41%":
 *                       4,008 / 9,770 is 41.0%, which "41%" allows
 *   consistency.parts   "9,770 dead, including 4,008 children and 2,550
 *                       women": the parts must not exceed the total
 *   consistency.change  "rose from 9,485 to 9,770, an increase of 285",
 *                       "up 3%": the change is recomputed
 *
 * (The fourth check of internal consistency, the same metric given twice
 * with different values for one date, needs claims bound to metrics; the
 * core does it after verifying, as consistency.same-metric.)
 *
 * Every figure is an interval (the number engine's reading: "41%" is
 * 40.5 to 41.5, "about 4,000" is 3,900 to 4,100), and the computation is
 * carried out on intervals, so a result is flagged only when no reading
 * of the figures gives it. A sentence whose structure is not one of the
 * few read here is left alone: a false alarm costs more than a miss.
 *
 * A computation that checks out is not reported unless the option
 * `report_ok` is set: it is not a claim about the world, and a draft
 * full of percentages would fill a text report with lines that say
 * nothing is wrong. JSON consumers who want the evidence turn it on.
 *
 * The plugin reaches the core only through the host table: the number
 * engine, sentence bounds and issue_add. Its state is read-only after
 * init, so check() may run for several documents at once.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/plugin.h>

#define MAX_SENTENCE (64u * 1024)
#define MAX_PARTS 8

/* A whole's noun and a noun that names a part of it ("vehicles":
 * "tanks"), from the configuration. */
typedef struct subset {
	char whole[24], part[24];
} subset;

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	bool report_ok;
	bool share, parts, change;
	subset *subsets;
	size_t n_subsets;
} state;

static const fc_option options[] = {
    {"report_ok", FC_OPT_BOOL, false, "false",
     "also report computations that check out, with the verdict ok"},
    {"checks", FC_OPT_STRING_ARRAY, false, "[\"share\", \"parts\", \"change\"]",
     "the checks to run: share, parts, change"},
    {"subsets", FC_OPT_OBJECT, false, "{}",
     "nouns whose parts other nouns name, beside the built-in people "
     "words: {\"vehicles\": [\"tanks\", \"trucks\"]}"},
    {NULL, 0, false, NULL, NULL}};

/* ------------------------------------------------------------------ */
/* Text helpers. */

/* Up to `max` lower-case words of text [a, b) (letters only; other
 * characters separate words) into words[][24]; returns how many. Sets
 * *punct when [a, b) holds a character other than letters and spaces. */
static size_t words_of(const char *t, size_t a, size_t b, char (*words)[24],
                       size_t max, bool *punct, bool *comma)
{
	size_t n = 0, i = a;

	if (punct)
		*punct = false;
	if (comma)
		*comma = false;
	while (i < b) {
		if (!fc_is_alpha(t[i])) {
			if (!fc_is_space(t[i]) && punct)
				*punct = true;
			if (t[i] == ',' && comma)
				*comma = true;
			i++;
			continue;
		}
		size_t k = 0;
		while (i < b && fc_is_alpha(t[i])) {
			if (n < max && k + 1 < 24)
				words[n][k++] = fc_to_lower(t[i]);
			i++;
		}
		if (n < max)
			words[n][k] = 0;
		n++;
	}
	return n;
}

static bool in_list(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (list[i][0] == w[0] && strcmp(w, list[i]) == 0)
			return true;
	return false;
}

/* True if two lower-case nouns are one, a plural in -s or -es
 * included. */
static bool same_noun(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na == 0 || nb == 0)
		return false;
	if (na == nb)
		return strcmp(a, b) == 0;
	if (na > nb)
		return same_noun(b, a);
	return strncmp(a, b, na) == 0 &&
	       (strcmp(b + na, "s") == 0 || strcmp(b + na, "es") == 0);
}

/* True if the gap [a, b) is exactly one of the word sequences `forms`
 * (each written lower-case, words separated by one space), with nothing
 * but spaces around. */
static bool gap_is(const char *t, size_t a, size_t b, const char *const *forms)
{
	char w[8][24], joined[200];
	bool punct;
	size_t n = words_of(t, a, b, w, 8, &punct, NULL), o = 0;

	if (punct || n == 0 || n > 8)
		return false;
	/* Eight words of at most 23 letters, and the spaces between. */
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(w[i]);
		if (i)
			joined[o++] = ' ';
		memcpy(joined + o, w[i], l);
		o += l;
	}
	joined[o] = 0;
	return in_list(joined, forms);
}

/* True if the gap [a, b) holds one of the characters `chars` or one of
 * the words `words`. */
static bool gap_has(const char *t, size_t a, size_t b, const char *chars,
                    const char *const *words)
{
	char w[16][24];
	size_t n;

	for (size_t i = a; chars && i < b; i++)
		if (strchr(chars, t[i]))
			return true;
	if (!words)
		return false;
	n = words_of(t, a, b, w, 16, NULL, NULL);
	for (size_t i = 0; i < n && i < 16; i++)
		if (in_list(w[i], words))
			return true;
	return false;
}

/* The last word before offset i (spaces skipped), lower-cased, in w. */
static bool word_before(const char *t, size_t lo, size_t i, char w[24])
{
	size_t e = i, s;

	while (e > lo && fc_is_space(t[e - 1]))
		e--;
	s = e;
	while (s > lo && fc_is_alpha(t[s - 1]))
		s--;
	if (s == e || e - s >= 24)
		return false;
	for (size_t k = s; k < e; k++)
		w[k - s] = fc_to_lower(t[k]);
	w[e - s] = 0;
	return true;
}

/* The first word after offset i (spaces skipped), lower-cased, in w. */
static bool word_after(const char *t, size_t hi, size_t i, char w[24])
{
	size_t s = i, e;

	while (s < hi && fc_is_space(t[s]))
		s++;
	e = s;
	while (e < hi && fc_is_alpha(t[e]))
		e++;
	if (s == e || e - s >= 24)
		return false;
	for (size_t k = s; k < e; k++)
		w[k - s] = fc_to_lower(t[k]);
	w[e - s] = 0;
	return true;
}

/* Writes a value the way copy does: "9,770", "41.0", "-285". */
static char *fmt(double v, int decimals, char *buf, size_t size)
{
	return fc_format_fixed(v, decimals, buf, size);
}

/* Writes the figure as written in the text (white space squeezed). */
static char *as_written(const char *t, const fc_number *n, char *buf,
                        size_t size)
{
	size_t o = 0;
	bool sp = false;

	for (size_t i = n->start; i < n->end && o + 1 < size; i++) {
		if (fc_is_space(t[i])) {
			sp = true;
			continue;
		}
		if (sp && o)
			buf[o++] = ' ';
		sp = false;
		buf[o++] = t[i];
	}
	buf[o] = 0;
	return buf;
}

/* ------------------------------------------------------------------ */
/* Intervals. */

typedef struct iv {
	double lo, hi;
	bool lo_open, hi_open;
} iv;

static iv iv_of(const fc_number *n)
{
	iv r = {n->low, n->high, n->low_open, n->high_open};
	return r;
}

static bool iv_finite(iv a)
{
	return isfinite(a.lo) && isfinite(a.hi);
}

static bool iv_meet(iv a, iv b)
{
	double lo, hi;
	bool lo_open, hi_open;

	if (a.lo > b.lo || (a.lo == b.lo && a.lo_open)) {
		lo = a.lo;
		lo_open = a.lo_open;
	} else {
		lo = b.lo;
		lo_open = b.lo_open;
	}
	if (a.hi < b.hi || (a.hi == b.hi && a.hi_open)) {
		hi = a.hi;
		hi_open = a.hi_open;
	} else {
		hi = b.hi;
		hi_open = b.hi_open;
	}
	/* A little slack for the rounding of binary fractions. */
	return lo < hi + 1e-9 * (fabs(hi) + 1) ||
	       (lo == hi && !lo_open && !hi_open);
}

/* The interval of f(a, b) over the corners of a and b (f monotone in
 * each argument on them). */
static iv iv_apply(iv a, iv b, double (*f)(double, double))
{
	double c[4] = {f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo),
	               f(a.hi, b.hi)};
	iv r = {c[0], c[0], false, false};

	for (int i = 1; i < 4; i++) {
		if (c[i] < r.lo)
			r.lo = c[i];
		if (c[i] > r.hi)
			r.hi = c[i];
	}
	return r;
}

static double f_share(double a, double b)
{
	return 100.0 * a / b;
}

static double f_diff(double a, double b)
{
	return b - a;
}

static double f_pct(double a, double b)
{
	return 100.0 * (b - a) / a;
}

static double f_pdiff(double a, double b)
{
	return b - a; /* percentage points */
}

static void iv_desc(iv a, int dec, char *buf, size_t size)
{
	char x[64], y[64];

	fmt(a.lo, dec, x, sizeof(x));
	fmt(a.hi, dec, y, sizeof(y));
	if (strcmp(x, y) == 0)
		snprintf(buf, size, "%s", x);
	else
		snprintf(buf, size, "%c%s, %s%c", a.lo_open ? '(' : '[', x, y,
		         a.hi_open ? ')' : ']');
}

/* ------------------------------------------------------------------ */
/* Reporting. */

typedef struct ctx {
	const state *st;
	const fc_document *doc;
	fc_check_sink *sink;
	fc_error *err;
	fc_status rc;
} ctx;

static void report(ctx *c, size_t start, size_t end, const char *rule, bool ok,
                   double expected, double written, const char *message,
                   const char *reason)
{
	fc_issue is;
	fc_status rc;

	if (c->rc != FC_OK || (ok && !c->st->report_ok))
		return;
	memset(&is, 0, sizeof(is));
	is.start = start;
	is.end = end;
	is.rule_id = rule;
	is.verdict = ok ? "ok" : "discrepancy";
	is.message = message;
	is.reason = reason;
	is.expected = expected;
	is.written = written;
	is.severity = ok ? FC_SEVERITY_INFO : FC_SEVERITY_ERROR;
	rc = c->st->host->issue_add(c->sink, &is);
	if (rc == FC_ERR_NOMEM)
		c->rc = c->st->host->error(c->err, rc, "out of memory");
}

/* ------------------------------------------------------------------ */
/* The checks. A sentence's quantities are q[0..n), in text order. */

typedef struct sent {
	const char *t;
	size_t ss, se;
	const fc_number *q[64];
	size_t n;
} sent;

static bool is_count(const fc_number *n)
{
	return n->kind == FC_NUM_COUNT && n->qualifier != FC_QUAL_VAGUE;
}

static bool is_percent(const fc_number *n)
{
	return n->kind == FC_NUM_PERCENT && n->qualifier != FC_QUAL_VAGUE;
}

static const char *const of_forms[] = {
    "of",       "of the",     "out of",        "out of the",
    "of all",   "of all the", "of its",        "of their",
    "of those", "of these",   "of a total of", "of the total of",
    NULL};

/* Words that turn a percentage into something else than a share of the
 * figures before it ("40% more", "up 3%"). */
static const char *const change_words[] = {
    "more",    "higher", "lower", "less", "fewer", "increase", "rise",
    "rose",    "up",     "down",  "drop", "fall",  "fell",     "jump",
    "decline", "growth", "gain",  "loss", "than",  NULL};

/* Words that start another clause ("..., and 40% were women"). */
static const char *const clause_words[] = {
    "and",     "while",    "but",    "whereas", "although", "though",
    "against", "compared", "versus", "vs",      NULL};

/* True if what stands just before offset p ties a result to the figures
 * before it: a comma, a bracket or a dash ("..., 41%", "(41%)", "— 41%"),
 * or "or", "representing", "making up", "accounting for", "is". */
static bool linked(const char *t, size_t lo, size_t p)
{
	static const char *const words[] = {
	    "or", "representing", "up", "for", "is", "are", "comprising", NULL};
	char w[24];
	size_t e = p;

	while (e > lo && fc_is_space(t[e - 1]))
		e--;
	if (e > lo && (t[e - 1] == ',' || t[e - 1] == '(' || t[e - 1] == '-'))
		return true;
	if (e >= lo + 3 && (unsigned char)t[e - 3] == 0xE2 &&
	    (unsigned char)t[e - 2] == 0x80 &&
	    ((unsigned char)t[e - 1] == 0x93 ||
	     (unsigned char)t[e - 1] == 0x94))
		return true;
	return word_before(t, lo, p, w) && in_list(w, words);
}

/* True if the percentage p stands on its own after the gap [a, p->start),
 * tied to the figures before it: not the share of another whole ("40% of
 * homes"), not a change, not a figure of another clause. */
static bool share_percent(const sent *s, size_t a, const fc_number *p)
{
	char w[24];

	if (!is_percent(p) || p->start - a > 100 || !linked(s->t, a, p->start))
		return false;
	if (gap_has(s->t, a, p->start, ";", clause_words) ||
	    gap_has(s->t, a, p->start, NULL, change_words))
		return false;
	if (word_after(s->t, s->se, p->end, w) &&
	    (strcmp(w, "of") == 0 || in_list(w, change_words)))
		return false;
	if (word_before(s->t, s->ss, p->start, w) && in_list(w, change_words))
		return false;
	return true;
}

static void check_share_of(ctx *c, const sent *s, const fc_number *a,
                           const fc_number *b, const fc_number *p,
                           const fc_number *first, const fc_number *last)
{
	iv ia = iv_of(a), ib = iv_of(b), ip = iv_of(p), r;
	char ta[64], tb[64], tp[64], got[64], want[160], msg[600], why[700];
	double v;
	bool ok;

	if (!iv_finite(ia) || !iv_finite(ib) || !iv_finite(ip) || ib.lo <= 0 ||
	    a->value > b->value || a->value < 0)
		return;
	r = iv_apply(ia, ib, f_share);
	v = 100.0 * a->value / b->value;
	ok = iv_meet(r, ip);
	as_written(s->t, a, ta, sizeof(ta));
	as_written(s->t, b, tb, sizeof(tb));
	as_written(s->t, p, tp, sizeof(tp));
	fmt(v, 1, got, sizeof(got));
	iv_desc(ip, 2, want, sizeof(want));
	if (ok)
		snprintf(
		    msg, sizeof(msg),
		    "\"%s\" follows from the draft's own figures: %s of %s "
		    "is %s%%.",
		    tp, ta, tb, got);
	else
		snprintf(msg, sizeof(msg),
		         "\"%s\" does not follow from the draft's own figures: "
		         "%s of %s is %s%%.",
		         tp, ta, tb, got);
	snprintf(why, sizeof(why),
	         "recomputed 100 x %s / %s = %s%%, which %s \"%s\" (%s at the "
	         "precision it is written with)",
	         ta, tb, fmt(v, 2, (char[64]){0}, 64),
	         ok ? "agrees with" : "disagrees with", tp, want);
	report(c, first->start, last->end, "consistency.share", ok, v, p->value,
	       msg, why);
}

static void check_ratio(ctx *c, const sent *s, const fc_number *ratio,
                        const fc_number *p)
{
	iv ir = iv_of(ratio), ip = iv_of(p), r;
	char tr[96], tp[64], got[64], want[160], msg[600], why[700];
	double v = 100.0 * ratio->value;
	bool ok;

	if (!iv_finite(ir) || !iv_finite(ip))
		return;
	r.lo = 100.0 * ir.lo;
	r.hi = 100.0 * ir.hi;
	r.lo_open = ir.lo_open;
	r.hi_open = ir.hi_open;
	ok = iv_meet(r, ip);
	as_written(s->t, ratio, tr, sizeof(tr));
	as_written(s->t, p, tp, sizeof(tp));
	fmt(v, 1, got, sizeof(got));
	iv_desc(ip, 2, want, sizeof(want));
	snprintf(msg, sizeof(msg),
	         ok ? "\"%s\" follows from the draft's own figures: %s is %s%%."
	            : "\"%s\" does not follow from the draft's own figures: %s "
	              "is %s%%.",
	         tp, tr, got);
	snprintf(why, sizeof(why),
	         "recomputed %s = %s%%, which %s \"%s\" (%s at the precision "
	         "it is written with)",
	         tr, fmt(v, 2, (char[64]){0}, 64),
	         ok ? "agrees with" : "disagrees with", tp, want);
	report(c, ratio->start, p->end, "consistency.share", ok, v, p->value,
	       msg, why);
}

/* Shares: "A of the B ..., or P%", "P% of the B (A)", "Of the B, A ...
 * (P%)", "B ..., including A (P%)", "A out of B, or P%". */
static void shares(ctx *c, const sent *s)
{
	static const char *const incl[] = {"including", "among", "whom", NULL};
	const char *t = s->t;

	for (size_t i = 0; i + 1 < s->n; i++) {
		const fc_number *x = s->q[i], *y = s->q[i + 1];
		const fc_number *z = i + 2 < s->n ? s->q[i + 2] : NULL;
		char w[24];

		/* A out of B, or P% (one ratio reading) */
		if (x->kind == FC_NUM_RATIO && share_percent(s, x->end, y)) {
			check_ratio(c, s, x, y);
			continue;
		}
		if (!z)
			continue;
		/* A of the B ..., or P% */
		if (is_count(x) && is_count(y) &&
		    gap_is(t, x->end, y->start, of_forms) &&
		    share_percent(s, y->end, z)) {
			check_share_of(c, s, x, y, z, x, z);
			continue;
		}
		/* P% of the B (A) */
		if (is_percent(x) && is_count(y) && is_count(z) &&
		    gap_is(t, x->end, y->start, of_forms) &&
		    z->start - y->end <= 60 &&
		    gap_has(t, y->end, z->start, "(",
		            (const char *const[]){"or", NULL}) &&
		    !gap_has(t, y->end, z->start, ";", clause_words)) {
			check_share_of(c, s, z, y, x, x, z);
			continue;
		}
		/* Of the B ..., A ... (P%) */
		if (is_count(x) && is_count(y) &&
		    word_before(t, s->ss, x->start, w) &&
		    (strcmp(w, "of") == 0 ||
		     (strcmp(w, "the") == 0 && x->start >= 7 &&
		      word_before(t, s->ss, x->start - 4, w) &&
		      strcmp(w, "of") == 0)) &&
		    y->start - x->end <= 60 &&
		    gap_has(t, x->end, y->start, ",", NULL) &&
		    !gap_has(t, x->end, y->start, ";", clause_words) &&
		    share_percent(s, y->end, z) && z->start - y->end <= 60) {
			check_share_of(c, s, y, x, z, x, z);
			continue;
		}
		/* B ..., including A (P%) */
		if (is_count(x) && is_count(y) && y->start - x->end <= 40 &&
		    gap_has(t, x->end, y->start, NULL, incl) &&
		    share_percent(s, y->end, z) && z->start - y->end <= 40 &&
		    gap_has(t, y->end, z->start, "(,", NULL)) {
			check_share_of(c, s, y, x, z, x, z);
			continue;
		}
	}
}

/* Nouns wide enough to overlap any other part ("civilians" among
 * "children"): a sum of parts with one of them is not checked. */
static const char *const broad[] = {
    "people",        "persons",  "civilians",  "palestinians", "israelis",
    "residents",     "citizens", "nationals",  "individuals",  "adults",
    "others",        "minors",   "victims",    "gazans",       "men",
    "noncombatants", "fighters", "combatants", "them",         NULL};

/* Words that cannot be the noun of a total ("up to, not including"). */
static const char *const not_nouns[] = {
    "up",     "to",     "not",    "from",  "than", "and",   "or",
    "of",     "by",     "with",   "in",    "on",   "at",    "as",
    "but",    "more",   "less",   "fewer", "over", "under", "about",
    "around", "nearly", "almost", NULL};

/* Nouns and participles of a whole made of people ("120 dead", "300
 * people killed"). */
static const char *const people_wholes[] = {
    "people",       "persons",    "dead",        "killed",    "deaths",
    "died",         "casualties", "victims",     "civilians", "injured",
    "wounded",      "hurt",       "palestinians", "israelis", "residents",
    "citizens",     "fatalities", "bodies",      "others",    "staff",
    "workers",      "employees",  "detainees",   "prisoners", "hostages",
    "refugees",     "displaced",  "migrants",    "passengers", "students",
    "patients",     "individuals", "adults",     "gazans",    "soldiers",
    "troops",       "arrested",   "missing",     "evacuated", NULL};

/* Nouns of people that may name a part of such a whole. */
static const char *const people_parts[] = {
    "children",   "child",        "women",      "woman",       "men",
    "man",        "minors",       "girls",      "boys",        "babies",
    "infants",    "elderly",      "students",   "journalists", "medics",
    "doctors",    "nurses",       "paramedics", "soldiers",    "civilians",
    "police",     "policemen",    "officers",   "teachers",    "fighters",
    "militants",  "pupils",       "patients",   "foreigners",  "nationals",
    "citizens",   "hostages",     "refugees",   "workers",     "staff",
    "members",    "employees",    "americans",  "israelis",    "palestinians",
    "teenagers",  "newborns",     "aid",        "health",      "medical",
    "rescuers",   "firefighters", "reporters",  "volunteers",  "officials",
    "residents",  "people",       "persons",    "troops",      "older",
    "young",      "pregnant",     NULL};

/* True if a part named `part` may belong to a whole named by one of the
 * words `whole` (n of them): the same noun, people among people, or a
 * subset the configuration names. */
static bool part_of(const state *st, char (*whole)[24], size_t n,
                    const char *part)
{
	for (size_t i = 0; i < n; i++) {
		if (same_noun(whole[i], part))
			return true;
		if (in_list(whole[i], people_wholes) &&
		    in_list(part, people_parts))
			return true;
		for (size_t k = 0; k < st->n_subsets; k++)
			if (same_noun(st->subsets[k].whole, whole[i]) &&
			    same_noun(st->subsets[k].part, part))
				return true;
	}
	return false;
}

/* Totals and parts: "B dead, including A1 children and A2 women". */
static void parts(ctx *c, const sent *s)
{
	static const char *const incl[] = {
	    "including", "among them", "among whom", "of whom",
	    "of them",   "of which",   NULL};
	const char *t = s->t;

	for (size_t i = 0; i + 1 < s->n; i++) {
		const fc_number *b = s->q[i], *part[MAX_PARTS];
		char nouns[MAX_PARTS][24], w[8][24], msg[700], why[800];
		char tb[64], sum_s[64], list[400], whole[6][24];
		char pnouns[MAX_PARTS][3][24];
		size_t np = 0, o = 0, nwhole = 0, pn[MAX_PARTS];
		bool punct, sum_ok = true, ok = true;
		double sum_lo = 0, sum_v = 0;
		size_t nw;

		if (!is_count(b) || !isfinite(b->high) || b->value <= 0)
			continue;
		/* "9,770 dead, including": a few words, and commas only. */
		if (s->q[i + 1]->start - b->end > 60)
			continue;
		nw =
		    words_of(t, b->end, s->q[i + 1]->start, w, 8, &punct, NULL);
		if (nw == 0 || nw > 6)
			continue;
		if (punct) {
			bool other = false;
			for (size_t k = b->end; k < s->q[i + 1]->start; k++)
				if (!fc_is_alpha(t[k]) && !fc_is_space(t[k]) &&
				    t[k] != ',')
					other = true;
			if (other)
				continue;
		}
		{
			/* The words before the "including": the total's noun
			 * ("dead", "people"), not "up to, not including". */
			size_t k =
			    nw >= 2 && (strcmp(w[nw - 2], "among") == 0 ||
			                strcmp(w[nw - 2], "of") == 0)
			        ? nw - 2
			        : nw - 1;
			bool ok_gap = nw <= 4;
			for (size_t j = 0; j < k && ok_gap; j++)
				ok_gap = !in_list(w[j], not_nouns);
			/* What the whole is: its noun, or the verb before it
			 * ("killed 120, including"); "of whom" says people. */
			nwhole = 0;
			for (size_t j = 0; j < k && nwhole < 6; j++)
				memcpy(whole[nwhole++], w[j], 24);
			if (nwhole == 0 && word_before(t, s->ss, b->start, whole[0]))
				nwhole = 1;
			if (nw >= 1 && strcmp(w[nw - 1], "whom") == 0 &&
			    nwhole < 6)
				snprintf(whole[nwhole++], 24, "people");
			if (!ok_gap ||
			    (!in_list(w[nw - 1], incl) &&
			     !(nw >= 2 &&
			       ((strcmp(w[nw - 2], "among") == 0 &&
			         (strcmp(w[nw - 1], "them") == 0 ||
			          strcmp(w[nw - 1], "whom") == 0)) ||
			        (strcmp(w[nw - 2], "of") == 0 &&
			         (strcmp(w[nw - 1], "whom") == 0 ||
			          strcmp(w[nw - 1], "them") == 0 ||
			          strcmp(w[nw - 1], "which") == 0))))))
				continue;
		}
		/* The parts: "A1 children, A2 women and A3 elderly" */
		for (size_t k = i + 1; k < s->n && np < MAX_PARTS; k++) {
			const fc_number *a = s->q[k];
			size_t end = k + 1 < s->n ? s->q[k + 1]->start : s->se;
			bool comma;
			char pw[8][24];
			size_t n;
			if (!is_count(a))
				break;
			/* The part's noun, up to the next separator. */
			n = words_of(t, a->end,
			             end - a->end > 40 ? a->end + 40 : end, pw,
			             8, NULL, &comma);
			part[np] = a;
			snprintf(nouns[np], sizeof(nouns[np]), "%s",
			         n ? pw[0] : "");
			/* Its noun may follow adjectives: "Palestinian
			 * children", "young men". */
			pn[np] = n < 3 ? n : 3;
			for (size_t j = 0; j < pn[np]; j++)
				memcpy(pnouns[np][j], pw[j], 24);
			np++;
			if (k + 1 >= s->n)
				break;
			/* The next part follows after "children, " or
			 * "children and ". */
			n = words_of(t, a->end, s->q[k + 1]->start, pw, 8, NULL,
			             &comma);
			if (s->q[k + 1]->start - a->end > 40 || n == 0 ||
			    n > 4 ||
			    !(strcmp(pw[n - 1], "and") == 0 ||
			      (comma && n <= 2)))
				break;
		}
		if (np == 0)
			continue;
		/* A part is of the whole's kind ("120 dead, including 40
		 * children"), not another count ("three hits, including
		 * four number ones"). */
		for (size_t k = 0; k < np && ok; k++) {
			bool one = false;
			for (size_t j = 0; j < pn[k] && !one; j++)
				one = part_of(c->st, whole, nwhole,
				              pnouns[k][j]);
			ok = one;
		}
		if (!ok)
			continue;
		as_written(t, b, tb, sizeof(tb));
		for (size_t k = 0; k < np; k++) {
			sum_lo += part[k]->low;
			sum_v += part[k]->value;
			if (in_list(nouns[k], broad) || !nouns[k][0])
				sum_ok = false;
			for (size_t j = 0; j < k; j++)
				if (strcmp(nouns[j], nouns[k]) == 0)
					sum_ok = false;
			o += (size_t)snprintf(
			    list + o, sizeof(list) - o, "%s%s%s%s",
			    k ? " + " : "",
			    as_written(t, part[k], (char[64]){0}, 64),
			    nouns[k][0] ? " " : "", nouns[k]);
			if (o >= sizeof(list))
				o = sizeof(list) - 1;
		}
		/* One part larger than the whole is always wrong. */
		for (size_t k = 0; k < np; k++) {
			char ta[64];
			if (part[k]->low > b->high ||
			    (part[k]->low == b->high && part[k]->low_open)) {
				as_written(t, part[k], ta, sizeof(ta));
				snprintf(
				    msg, sizeof(msg),
				    "\"%s%s%s\" is given as part of \"%s\", "
				    "but it is larger.",
				    ta, nouns[k][0] ? " " : "", nouns[k], tb);
				snprintf(
				    why, sizeof(why),
				    "a part (%s) cannot exceed the total it is "
				    "part of (%s)",
				    ta, tb);
				report(c, b->start, part[np - 1]->end,
				       "consistency.parts", false, b->value,
				       part[k]->value, msg, why);
				ok = false;
				break;
			}
		}
		if (!ok)
			continue;
		if (np >= 2 && sum_ok) {
			fmt(sum_v, 0, sum_s, sizeof(sum_s));
			if (sum_lo > b->high) {
				snprintf(
				    msg, sizeof(msg),
				    "The parts of \"%s\" add up to %s (%s), "
				    "more than the total.",
				    tb, sum_s, list);
				snprintf(
				    why, sizeof(why),
				    "the parts named after \"including\" are "
				    "distinct groups; together they cannot "
				    "exceed the total (%s), but their least "
				    "sum is %s",
				    tb, fmt(sum_lo, 0, (char[64]){0}, 64));
				report(c, b->start, part[np - 1]->end,
				       "consistency.parts", false, b->value,
				       sum_v, msg, why);
				continue;
			}
			snprintf(
			    msg, sizeof(msg),
			    "The parts of \"%s\" add up to %s (%s), within "
			    "the total.",
			    tb, sum_s, list);
			snprintf(
			    why, sizeof(why),
			    "the parts' least sum, %s, does not exceed the "
			    "total (%s)",
			    fmt(sum_lo, 0, (char[64]){0}, 64), tb);
			report(c, b->start, part[np - 1]->end,
			       "consistency.parts", true, b->value, sum_v, msg,
			       why);
		}
	}
}

/* Direction words of a change. */
static const char *const up_words[] = {
    "increase", "increased", "rise",   "rises",   "risen", "rose",
    "jump",     "jumped",    "climb",  "climbed", "gain",  "growth",
    "up",       "more",      "higher", NULL};
static const char *const down_words[] = {
    "decrease", "decreased", "drop",      "dropped", "fall",  "fell",
    "fallen",   "decline",   "declined",  "down",    "fewer", "less",
    "lower",    "loss",      "reduction", "cut",     NULL};

/* The direction a gap's words give a change: 1 up, -1 down, 0 none. */
static int direction(const char *t, size_t a, size_t b)
{
	char w[16][24];
	size_t n = words_of(t, a, b, w, 16, NULL, NULL);
	int d = 0;

	for (size_t i = 0; i < n && i < 16; i++) {
		int x = in_list(w[i], up_words)     ? 1
		        : in_list(w[i], down_words) ? -1
		                                    : 0;
		if (x && d && x != d)
			return 0; /* both: unclear */
		if (x)
			d = x;
	}
	return d;
}

static void check_change(ctx *c, const sent *s, const fc_number *from,
                         const fc_number *to, const fc_number *ch, int dir,
                         const fc_number *first, const fc_number *last)
{
	iv ia = iv_of(from), ib = iv_of(to), ic = iv_of(ch), r;
	char ta[64], tb[64], tc[64], got[128], want[160], msg[700], why[800];
	const char *unit = "", *runit;
	double v;
	bool ok, pct;

	if (!iv_finite(ia) || !iv_finite(ib) || !iv_finite(ic))
		return;
	if (from->kind == FC_NUM_PERCENT && to->kind == FC_NUM_PERCENT &&
	    ch->kind == FC_NUM_PERCENT_POINT) {
		r = iv_apply(ia, ib, f_pdiff);
		v = to->value - from->value;
		pct = false;
		unit = " percentage points";
	} else if (from->kind == to->kind && ch->kind == FC_NUM_PERCENT) {
		if (ia.lo <= 0)
			return;
		r = iv_apply(ia, ib, f_pct);
		v = 100.0 * (to->value - from->value) / from->value;
		pct = true;
		unit = "%";
		/* "from 45% to 40%, down 5%": copy often means points. */
		if (from->kind == FC_NUM_PERCENT) {
			iv pts = iv_apply(ia, ib, f_pdiff);
			if (dir < 0) {
				double lo = -pts.hi;
				pts.hi = -pts.lo;
				pts.lo = lo;
			}
			if (pts.hi >= 0 && iv_meet(pts, ic))
				return;
		}
	} else if (is_count(from) && is_count(to) && is_count(ch)) {
		r = iv_apply(ia, ib, f_diff);
		v = to->value - from->value;
		pct = false;
	} else {
		return;
	}
	if (dir < 0) {
		double lo = -r.hi, hi = -r.lo;
		r.lo = lo;
		r.hi = hi;
		v = -v;
	}
	/* The change in the direction the words give it; a change the
	 * other way round is wrong whatever its size. */
	ok = r.hi >= 0 && iv_meet(r, ic);
	as_written(s->t, from, ta, sizeof(ta));
	as_written(s->t, to, tb, sizeof(tb));
	as_written(s->t, ch, tc, sizeof(tc));
	fmt(fabs(v), pct ? 1 : 0, got, sizeof(got));
	runit = unit;
	if (pct && from->kind == FC_NUM_PERCENT) {
		char pts[64];
		size_t n = strlen(got);
		fmt(fabs(to->value - from->value), 1, pts, sizeof(pts));
		snprintf(got + n, sizeof(got) - n, "%% (%s percentage points)",
		         pts);
		unit = "";
	}
	iv_desc(ic, 2, want, sizeof(want));
	if (ok)
		snprintf(
		    msg, sizeof(msg),
		    "\"%s\" follows from the draft's own figures: %s to %s "
		    "is %s %s%s.",
		    tc, ta, tb, dir > 0 ? "up" : "down", got, unit);
	else if (r.hi < 0)
		snprintf(msg, sizeof(msg),
		         "\"%s\" does not follow from the draft's own figures: "
		         "%s to %s is %s %s%s, not %s.",
		         tc, ta, tb, dir > 0 ? "down" : "up", got, unit,
		         dir > 0 ? "up" : "down");
	else
		snprintf(msg, sizeof(msg),
		         "\"%s\" does not follow from the draft's own figures: "
		         "%s to %s is %s %s%s.",
		         tc, ta, tb, dir > 0 ? "up" : "down", got, unit);
	snprintf(why, sizeof(why),
	         "recomputed %s(%s - %s)%s%s = %s%s, a %s of %s%s, which %s "
	         "\"%s\" (%s at the precision it is written with)",
	         pct ? "100 x " : "", tb, ta, pct ? " / " : "", pct ? ta : "",
	         fmt(dir < 0 ? -v : v, 2, (char[64]){0}, 64), runit,
	         (dir < 0) == (v >= 0) ? "fall" : "rise",
	         fmt(fabs(v), 2, (char[64]){0}, 64), runit,
	         r.hi < 0 ? "goes the other way than"
	         : ok     ? "agrees with"
	                  : "disagrees with",
	         tc, want);
	report(c, first->start, last->end, "consistency.change", ok, v,
	       ch->value, msg, why);
}

/* Nouns of a change: "an increase of 300", "a 5% rise". */
static const char *const change_nouns[] = {
    "increase", "rise",    "drop",      "fall",      "decline",  "decrease",
    "gain",     "growth",  "reduction", "jump",      "loss",     "cut",
    "climb",    "surge",   "slump",     "dip",       "slide",    "hike",
    "boost",    "plunge",  "contraction", "expansion", "fell",   "rose",
    "increases", "rises",  "drops",     "falls",     "declines", "gains",
    NULL};

/* Verbs of a change before "by": "rose by 300", "went up by 5%". */
static const char *const change_verbs[] = {
    "rose",      "risen",     "rise",      "rises",     "rising",
    "fell",      "fallen",    "fall",      "falls",     "falling",
    "increased", "increase",  "increases", "increasing", "decreased",
    "decrease",  "decreases", "decreasing", "dropped",  "drop",
    "drops",     "dropping",  "grew",      "grown",     "grow",
    "grows",     "growing",   "climbed",   "climb",     "climbs",
    "jumped",    "jump",      "jumps",     "declined",  "decline",
    "declines",  "declining", "gained",    "gain",      "gains",
    "lost",      "shrank",    "shrunk",    "shrinks",   "slipped",
    "slid",      "surged",    "soared",    "plunged",   "plummeted",
    "dipped",    "up",        "down",      "higher",    "lower",
    "cut",       "reduced",   "raised",    "boosted",   "expanded",
    "contracted", "widened",  "narrowed",  "more",      "less",
    NULL};

/* Units of time: "its first decline in three months" counts months. */
static const char *const time_units[] = {
    "second",  "seconds", "minute",  "minutes", "hour",    "hours",
    "day",     "days",    "week",    "weeks",   "month",   "months",
    "year",    "years",   "decade",  "decades", "quarter", "quarters",
    "season",  "seasons", "century", "centuries", "time",  "times",
    "straight", "consecutive", "successive", NULL};

/* The last one or two words before offset i, with nothing but spaces
 * between them and i: w[0] the nearest. Returns how many. */
static size_t words_back(const char *t, size_t lo, size_t i, char w[2][24])
{
	size_t n = 0, e = i;

	while (n < 2) {
		size_t s;
		while (e > lo && fc_is_space(t[e - 1]))
			e--;
		s = e;
		while (s > lo && fc_is_alpha(t[s - 1]))
			s--;
		if (s == e || e - s >= 24)
			break;
		for (size_t k = s; k < e; k++)
			w[n][k - s] = fc_to_lower(t[k]);
		w[n][e - s] = 0;
		n++;
		e = s;
	}
	return n;
}

/* True if the sentence says that `ch` is a change: "up 300", "down 5%",
 * "rose by 300", "an increase of 300", "a 5% rise", "3 points higher";
 * not a count of time ("its first decline in three months"). */
static bool said_change(const char *t, size_t lo, const fc_number *ch,
                        size_t hi)
{
	char w[2][24], after[24] = "";
	size_t n = words_back(t, lo, ch->start, w);
	bool said = false;

	word_after(t, hi, ch->end, after);
	if (in_list(after, time_units))
		return false;
	if (n >= 1 && (strcmp(w[0], "up") == 0 || strcmp(w[0], "down") == 0))
		said = true;
	else if (n == 2 && strcmp(w[0], "by") == 0 && in_list(w[1], change_verbs))
		said = true;
	else if (n == 2 && strcmp(w[0], "of") == 0 &&
	         in_list(w[1], change_nouns))
		said = true;
	else if (in_list(after, change_nouns) ||
	         strcmp(after, "higher") == 0 || strcmp(after, "lower") == 0)
		said = true;
	return said;
}

/* Words a change figure may be introduced by after its endpoints. */
static bool change_gap(const char *t, const sent *s, size_t a,
                       const fc_number *ch)
{
	return ch->start - a <= 60 && !gap_has(t, a, ch->start, ";", NULL) &&
	       said_change(t, a, ch, s->se) && direction(t, a, ch->start) != 0;
}

/* Changes: "from A to B, an increase of C", "to B from A, up C%",
 * "B, up C from A". */
static void changes(ctx *c, const sent *s)
{
	static const char *const to_forms[] = {"to", NULL};
	const char *t = s->t;
	char w[24];

	for (size_t i = 0; i + 2 < s->n; i++) {
		const fc_number *x = s->q[i], *y = s->q[i + 1],
		                *z = s->q[i + 2];
		char gw[8][24];
		size_t n;
		bool punct;

		/* from A to B, C */
		if (word_before(t, s->ss, x->start, w) &&
		    strcmp(w, "from") == 0 && y->start - x->end <= 30) {
			n = words_of(t, x->end, y->start, gw, 8, &punct, NULL);
			if (n >= 1 && n <= 4 && strcmp(gw[n - 1], "to") == 0 &&
			    !gap_has(t, x->end, y->start, ",;(", NULL) &&
			    change_gap(t, s, y->end, z)) {
				int dir = direction(t, y->end, z->start);
				check_change(c, s, x, y, z, dir, x, z);
				continue;
			}
		}
		/* to B from A, C */
		if (word_before(t, s->ss, x->start, w) &&
		    strcmp(w, "to") == 0 && y->start - x->end <= 30) {
			n = words_of(t, x->end, y->start, gw, 8, &punct, NULL);
			if (n >= 1 && n <= 4 &&
			    strcmp(gw[n - 1], "from") == 0 &&
			    !gap_has(t, x->end, y->start, ",;(", NULL) &&
			    change_gap(t, s, y->end, z)) {
				int dir = direction(t, y->end, z->start);
				check_change(c, s, y, x, z, dir, x, z);
				continue;
			}
		}
		/* B, up C from A */
		if (y->start - x->end <= 15 && z->start - y->end <= 30 &&
		    gap_has(t, x->end, y->start, ",", NULL) &&
		    direction(t, x->end, y->start) != 0 &&
		    said_change(t, x->end, y, s->se) &&
		    gap_is(t, y->end, z->start,
		           (const char *const[]){"from", "on", "compared with",
		                                 "compared to",
		                                 "from a total of", NULL}) &&
		    !gap_is(t, x->end, y->start, to_forms)) {
			int dir = direction(t, x->end, y->start);
			check_change(c, s, z, x, y, dir, x, z);
			continue;
		}
	}
}

/* ------------------------------------------------------------------ */
/* The plugin. */

/* Reads the "subsets" option: {"whole": ["part", ...], ...}. */
static fc_status load_subsets(state *st, const fc_value *o, fc_error *err)
{
	const fc_host *h = st->host;
	char path[256];

	for (size_t i = 0; o && i < h->value_count(o); i++) {
		const fc_value *m = h->value_at(o, i);
		const char *whole = h->value_key(m);
		if (!whole || !*whole || strlen(whole) >= 24 ||
		    h->value_type(m) != FC_VALUE_ARRAY)
			return h->error(err, FC_ERR_CONFIG,
			                "%s: give a noun of under 24 letters and "
			                "an array of the nouns of its parts",
			                h->value_path(st->ctx, m, path,
			                              sizeof(path)));
		for (size_t k = 0; k < h->value_count(m); k++) {
			const fc_value *v = h->value_at(m, k);
			const char *part = h->value_string(v);
			subset *grown;
			if (!part || !*part || strlen(part) >= 24)
				return h->error(
				    err, FC_ERR_CONFIG,
				    "%s: a part is a noun of under 24 letters",
				    h->value_path(st->ctx, v, path,
				                  sizeof(path)));
			grown = realloc(st->subsets,
			                (st->n_subsets + 1) * sizeof(subset));
			if (!grown)
				return h->error(err, FC_ERR_NOMEM,
				                "out of memory");
			st->subsets = grown;
			for (size_t c = 0; c < 24; c++) {
				grown[st->n_subsets].whole[c] =
				    fc_to_lower(c < strlen(whole) ? whole[c] : 0);
				grown[st->n_subsets].part[c] =
				    fc_to_lower(c < strlen(part) ? part[c] : 0);
			}
			st->n_subsets++;
		}
	}
	return FC_OK;
}

static fc_status consistency_init(const fc_host *h, fc_plugin_ctx *pctx,
                                  const fc_value *opts, void **out,
                                  fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *checks = h->opt(opts, "checks");
	char path[256];

	if (!st)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = h;
	st->ctx = pctx;
	st->report_ok = h->value_bool(h->opt(opts, "report_ok"));
	for (size_t i = 0; i < h->value_count(checks); i++) {
		const char *s = h->value_string(h->value_at(checks, i));
		if (s && strcmp(s, "share") == 0)
			st->share = true;
		else if (s && strcmp(s, "parts") == 0)
			st->parts = true;
		else if (s && strcmp(s, "change") == 0)
			st->change = true;
		else {
			free(st);
			return h->error(err, FC_ERR_CONFIG,
			                "%s: \"%s\" is not a check; use share, "
			                "parts or change",
			                h->value_path(pctx,
			                              h->value_at(checks, i),
			                              path, sizeof(path)),
			                s ? s : "");
		}
	}
	if (load_subsets(st, h->opt(opts, "subsets"), err) != FC_OK) {
		free(st->subsets);
		free(st);
		return err ? err->code : FC_ERR_CONFIG;
	}
	*out = st;
	return FC_OK;
}

static void consistency_fini(void *p)
{
	state *st = p;

	if (st)
		free(st->subsets);
	free(st);
}

static fc_status consistency_check(void *p, const fc_document *doc,
                                   fc_check_sink *sink, fc_error *err)
{
	const state *st = p;
	const fc_host *h = st->host;
	/* The core has read the prose's figures once for every checker. */
	const fc_number_list nums = *h->doc_numbers(doc);
	ctx c = {st, doc, sink, err, FC_OK};
	size_t i = 0;

	while (i < nums.count && c.rc == FC_OK) {
		sent s;
		size_t j = i;

		memset(&s, 0, sizeof(s));
		s.t = doc->prose;
		if (h->doc_sentence_at)
			h->doc_sentence_at(doc, nums.items[i].start, &s.ss,
			                   &s.se);
		else
			h->sentence_at(doc->prose, doc->prose_len,
			               nums.items[i].start, &s.ss, &s.se);
		if (s.se < nums.items[i].end)
			s.se = nums.items[i].end;
		if (s.ss > nums.items[i].start)
			s.ss = nums.items[i].start;
		while (j < nums.count && nums.items[j].start < s.se) {
			if (nums.items[j].end > s.se)
				s.se = nums.items[j].end;
			if (fc_num_kind_is_quantity(nums.items[j].kind) &&
			    s.n < sizeof(s.q) / sizeof(s.q[0]))
				s.q[s.n++] = &nums.items[j];
			j++;
		}
		if (s.n >= 2 && s.se - s.ss <= MAX_SENTENCE) {
			if (st->share)
				shares(&c, &s);
			if (st->parts)
				parts(&c, &s);
			if (st->change)
				changes(&c, &s);
		}
		i = j;
	}
	return c.rc;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_CHECKER, .name = "consistency",
                .version = "1.0.0",
                .description = "a draft checked against itself: shares, totals "
                               "and parts, changes",
                .options = options, .init = consistency_init,
                .fini = consistency_fini,
                .checker = {.check = consistency_check});
