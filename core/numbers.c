/*
 * numbers.c: the number engine. Finds every numeric expression in news
 * copy and reads it: value, interval, qualifier, kind, precision.
 *
 * Policies (each is a decision a sub-editor would make; the unit tests in
 * tests/unit/test_numbers.c pin them, tests/conformance/POLICIES.md says
 * where and why they differ from other recognizers):
 *
 * - A whole number written in full digits is exact: "9,770" is [9770,
 *   9770]. Trailing zeros are ambiguous ("10,000": exact, or rounded to the
 *   ten thousand?): FC_NUMF_AMBIGUOUS is set and the round policy decides;
 *   under FC_ROUND_LAST_NONZERO "10,000" is [5000, 15000].
 * - Decimals, percentages and scaled figures are rounded at their last
 *   written digit: "4.8" is [4.75, 4.85], "41%" is [40.5, 41.5], "1.4
 *   million" and "1.4m" are [1.35m, 1.45m], "2 million" is [1.5m, 2.5m].
 * - Words are exact ("a dozen" is 12, "two million" is 2,000,000, "half a
 *   million" is 500,000), and so are digits mixed with words ("4 thousand
 *   3 hundred and 21"), except the vague plurals, which are ranges: dozens
 *   [24, 144], scores of [40, 200], hundreds [200, 999], thousands [2000,
 *   9999], tens of thousands [20000, 99999], hundreds of thousands
 *   [200000, 999999], millions [2e6, 9.99e6], several hundred [300, 900].
 * - Fractions in words follow the numerator and denominator: "two thirds",
 *   "three quarters", "a fifth", "one hundred and three quarters" (100.75),
 *   "five and a half million" (5.5m). A singular ordinal takes a numerator
 *   of one ("a third", not "two third"), and "a third"/"one fifth" is a
 *   fraction only before "of", a scale, a function word or the end of a
 *   clause ("cut by a third to"): "a third term" is an ordinal. "first"
 *   and "second" alone are never denominators ("one second" is a time);
 *   "quarter" and "half" are, but "quarter" alone is three months and
 *   "the first half", "half-time" are no halves.
 * - "one" alone is a count except where it is a pronoun: "the one", "this
 *   one", "no one", "one of the", "one another". "a"/"an" are read only
 *   before a scale, dozen, score or fraction ("a million", "a third of").
 *   "zero", "none" and "no" are counts of nothing only where a count
 *   stands: "zero deaths", "none were killed", "no deaths were reported";
 *   never "zero tolerance", "second to none" or "no plans".
 * - Qualifiers keep strict and inclusive ends apart: "more than X" is
 *   (X, inf), "at least X" is [X, inf), "nearly X" is [X(1-w), X) with w
 *   the nearly window, "about X" is X +- max(half the unit of its last
 *   non-zero digit, X * the about window; the nearly window for fractions
 *   and ratios: "roughly a quarter"), "up to X" is [0, X], "fewer than X"
 *   is [0, X). The qualifier is part of the expression's span; value_start
 *   is where the figure itself starts.
 * - Digits are never guessed: "9.770" is 9.77 unless the locale is de,
 *   where "." groups thousands and "," marks decimals. A malformed
 *   grouping ("1,4000"), a figure in the other locale's style ("1.234,5"
 *   under en), a lone comma followed by one or two digits ("1,5") and a
 *   figure of more than 30 digits or beyond a double are no number at all
 *   rather than misleading ones. Indian grouping ("12,34,567") is read.
 * - Numbers that are not quantities keep their kind: years ("in 2023",
 *   "2023-24"), dates ("5 November 2023", "Nov. 5", "5/17/2018"), times,
 *   ordinals ("5th", "fifth"), phone numbers, IP addresses, versions,
 *   identifiers ("Resolution 2334", "COVID-19", "G7", "SCP-173"), list
 *   markers and footnote marks. Digits glued to letters that are no scale
 *   ("180ml", "29km", "5G") are measurements or codes and are not read.
 * - A scale is a word ("million", "lakh", "crore") or an abbreviation: "m",
 *   "bn", "k" attached to the digits ("1.4m", "10k"), "mn", "bn", "mln",
 *   "bln", "tln", "mil", "MM", "M" and "k" also after a space. "G" is not a
 *   scale in news copy ("5G"), and lower-case "mm" is millimetres.
 * - "from A to B" after a verb of change ("rose from 9,485 to 9,770") is
 *   two figures, not a range: a consistency checker needs both; so is
 *   "by A to B" after one ("rose by 241 to 10,022"), unless A needs B's
 *   scale or unit ("rose by 5 to 10 per cent"). Elsewhere
 *   "from A to B", "between A and B", "A to B", "A-B" and "A–B" are
 *   ranges when B >= A ("some 40 to 50 per cent" too; "9 to 4" and "5-3"
 *   are two figures); the low end takes the high end's scale, currency
 *   and percent sign ("1-2 million", "$5-10m", "40-50%"), and each end is
 *   rounded at its own last digit ("6.5 to 7 per cent" is [6.45, 7.5]).
 * - "minus"/"negative" make a figure negative except after "plus or";
 *   a hyphen followed by a space is a dash or a list bullet, not a minus.
 * - Text in URLs (http://, https://, www.) is not read.
 *
 * Pure and re-entrant: no state survives a call (every table is const),
 * the text is read only within [0, len), and nothing is allocated but the
 * output list. Linear time: every attempt looks ahead a bounded number of
 * words or digit groups, and the scan position never moves back.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/figcheck.h>

#include "number_words.h"

#define MAX_DIGITS 30 /* longer figures are not read */
#define MAX_TOKENS 24 /* words of one number in words */

/* ------------------------------------------------------------------ */
/* Characters, locale-independent. */

enum {
	C_DIGIT = 1,
	C_LOWER = 2,
	C_UPPER = 4,
	C_SPACE = 8,  /* ' ' and '\t' */
	C_START = 16, /* may start an expression */
	C_LEAD = 32   /* lead byte of a space, currency or fraction */
};

static const unsigned char cls[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  8,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  8,  0,  0,  0,  16, 0,
    0,  0,  16, 0,  0,  16, 0,  16, 16, 0,  17, 17, 17, 17, 17, 17, 17, 17, 17,
    17, 0,  0,  0,  0,  0,  0,  0,  20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
    20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 16, 0,  0,  0,
    0,  0,  18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18,
    18, 18, 18, 18, 18, 18, 18, 18, 18, 0,  0,  0,  16, 0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  48, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  48, 0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,
};

static inline bool is_digit(unsigned char c)
{
	return cls[c] & C_DIGIT;
}

static inline bool is_alpha(unsigned char c)
{
	return cls[c] & (C_LOWER | C_UPPER);
}

static inline bool is_upper(unsigned char c)
{
	return cls[c] & C_UPPER;
}

static inline bool is_alnum(unsigned char c)
{
	return cls[c] & (C_DIGIT | C_LOWER | C_UPPER);
}

static inline unsigned char lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c + 32) : c;
}

/* Length of a space at t[i]: ' ', '\t', or U+00A0, U+2009, U+202F; 0 if
 * none. Line breaks are not spaces inside a figure. */
static inline size_t space_at(const unsigned char *u, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (cls[u[i]] & C_SPACE)
		return 1;
	if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0)
		return 2;
	if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x89 || u[i + 2] == 0xAF))
		return 3;
	return 0;
}

/* Length of a run of spaces at t[i] (at most 8 of them: "fifty   two"),
 * 0 if none. One line break counts as a space between words, since
 * hard-wrapped copy breaks lines anywhere ("2 per\ncent"); a blank line
 * does not. */
static inline size_t spaces_at(const unsigned char *u, size_t len, size_t i)
{
	size_t p = i, g;
	bool nl = false;

	for (int k = 0; k < 8; k++) {
		if ((g = space_at(u, len, p))) {
			p += g;
		} else if (!nl && p < len && (u[p] == '\n' || u[p] == '\r')) {
			nl = true;
			p += u[p] == '\r' && p + 1 < len && u[p + 1] == '\n' ? 2
										    : 1;
		} else {
			break;
		}
	}
	return p - i;
}

/* Like spaces_at, but one line break may be among them: words of a phrase
 * may be split across lines in wrapped text, never across paragraphs. */
static size_t gap_at(const unsigned char *u, size_t len, size_t i)
{
	size_t p = i + spaces_at(u, len, i);

	if (p < len && u[p] == '\n')
		p++;
	else if (p + 1 < len && u[p] == '\r' && u[p + 1] == '\n')
		p += 2;
	else
		return p - i;
	return p - i + spaces_at(u, len, p);
}

/* True when the byte before i does not continue a word or number. */
static inline bool boundary_before(const unsigned char *u, size_t i)
{
	return i == 0 || (!is_alnum(u[i - 1]) && u[i - 1] != '_');
}

/* True when u[i] does not continue a word or number. */
static inline bool boundary_after(const unsigned char *u, size_t len, size_t i)
{
	return i >= len || (!is_alnum(u[i]) && u[i] != '_');
}

/* The end of the ASCII letters at u[i]: eight bytes at a time, a byte
 * being a letter when, with bit 5 set, it lies in 'a'..'z'. */
static inline size_t alpha_end(const unsigned char *u, size_t len, size_t i)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;

	while (i + 8 <= len) {
		uint64_t x = le64((const char *)u + i) | 0x20 * ones;
		uint64_t lo7 = x & ~hi;
		uint64_t letters =
		    ((lo7 + 0x1f * ones) & ~(lo7 + 0x05 * ones) & ~x & hi);
		if (letters != hi) {
			uint64_t stop = ~letters & hi;
#if defined(__GNUC__)
			return i + (size_t)__builtin_ctzll(stop) / 8;
#else
			while (!(stop & 0x80))
				stop >>= 8, i++;
			return i;
#endif
		}
		i += 8;
	}
	while (i < len && is_alpha(u[i]))
		i++;
	return i;
}

/* The end of the digits at u[i]. */
static inline size_t digit_end(const unsigned char *u, size_t len, size_t i)
{
	while (i < len && is_digit(u[i]))
		i++;
	return i;
}

/* The end of the run of letters, digits and '_' at u[i]. */
static size_t token_end(const unsigned char *u, size_t len, size_t i)
{
	while (i < len && (is_alnum(u[i]) || u[i] == '_'))
		i++;
	return i;
}

/* True when the byte before i ends a clause: start of text, a line
 * break, or sentence punctuation and spaces. */
static bool clause_start(const unsigned char *u, size_t i)
{
	while (i > 0 && (cls[u[i - 1]] & C_SPACE))
		i--;
	return i == 0 || u[i - 1] == '\n' || u[i - 1] == '.' ||
	       u[i - 1] == ';' || u[i - 1] == ':' || u[i - 1] == '!' ||
	       u[i - 1] == '?' || u[i - 1] == '(' || u[i - 1] == '"';
}

/* True when the n letters at u[i] may be a word that starts an
 * expression (see trig2). */
static inline bool may_trigger(const unsigned char *u, size_t i, size_t n)
{
	unsigned c1 = (unsigned)lower(u[i]) - 'a';
	unsigned c2 = n > 1 ? (unsigned)lower(u[i + 1]) - 'a' : 26;

	return n <= MAX_WORD && c1 < 26 && c2 < 27 && (fc__word_trig2[c1][c2] >> n & 1);
}

/* The scan and its output. */
typedef struct scan {
	const unsigned char *u;
	size_t len;
	const fc_num_options *o;
	fc_number_list *out;
	size_t floor; /* end of the last reading: readings never overlap */
	fc_status rc; /* FC_ERR_NOMEM once the list could not grow */
	/* The last words looked up, by start: the words around a figure are
	 * asked about several times (scale? percent? "to"? "in"?). */
	size_t cpos[4], cend[4];
	const wentry *cw[4];
} scan;

/* The word at u[i] (which must start a word): its entry, and its end in
 * *e. */
static const wentry *word_at(scan *s, size_t i, size_t *e)
{
	unsigned k = (unsigned)i & 3;
	const wentry *w;

	if (s->cpos[k] == i) {
		*e = s->cend[k];
		return s->cw[k];
	}
	*e = alpha_end(s->u, s->len, i);
	w = fc__word_lookup(s->u, s->len, i, *e);
	s->cpos[k] = i;
	s->cend[k] = *e;
	s->cw[k] = w;
	return w;
}

/* The word after a gap of spaces at u[i]: its entry (NULL if unknown or
 * if no word follows), its start in *ws and end in *we. */
static const wentry *next_word(scan *s, size_t i, size_t *ws, size_t *we)
{
	size_t g = spaces_at(s->u, s->len, i);

	if (!g || i + g >= s->len || !is_alpha(s->u[i + g]))
		return NULL;
	*ws = i + g;
	return word_at(s, i + g, we);
}

/* The id of the word after a gap at u[i], K_NONE if none; *we is its
 * end. */
static unsigned next_id(scan *s, size_t i, size_t *we)
{
	size_t ws;
	const wentry *w = next_word(s, i, &ws, we);

	return w ? w->id : K_NONE;
}

/* The word that ends before i, across spaces (and a '.' after it, as in
 * "Nov. 5"): its entry, start and end. NULL when there is none. */
static const wentry *word_before(scan *s, size_t i, size_t *ws, size_t *we)
{
	const unsigned char *u = s->u;
	size_t e = i, st, x;

	while (e > 0 && (cls[u[e - 1]] & C_SPACE))
		e--;
	/* One line break, as in spaces_at. */
	if (e > 0 && u[e - 1] == '\n') {
		e--;
		if (e > 0 && u[e - 1] == '\r')
			e--;
		while (e > 0 && (cls[u[e - 1]] & C_SPACE))
			e--;
	}
	if (e > 0 && u[e - 1] == '.')
		e--;
	st = e;
	while (st > 0 && e - st <= MAX_WORD && is_alpha(u[st - 1]))
		st--;
	if (st == e || e - st > MAX_WORD || !boundary_before(u, st))
		return NULL;
	*ws = st;
	*we = e;
	{
		const wentry *w = word_at(s, st, &x);
		return x == e ? w : NULL;
	}
}


/* ------------------------------------------------------------------ */
/* Options and bounds. */

void fc_num_options_init(fc_num_options *o)
{
	o->locale = FC_LOCALE_EN;
	o->round = FC_ROUND_EXACT;
	o->nearly_window = 0.10;
	o->about_window = 0.02;
}

void fc_number_list_free(fc_number_list *l)
{
	free(l->items);
	l->items = NULL;
	l->count = l->cap = 0;
}

/* The unit of the last non-zero digit of v's integer part (1200 -> 100),
 * or 1 for 0 and non-integers. */
static double last_nonzero_unit(double v)
{
	double unit = 1;

	v = fabs(v);
	if (v == 0 || v != floor(v) || v > 1e15)
		return 1;
	while (fmod(v, unit * 10) == 0)
		unit *= 10;
	return unit;
}

void fc_number_set_bounds(fc_number *n, const fc_num_options *opts)
{
	fc_num_options def;
	double v = n->value, v2 = n->value2, half, w;

	if (!opts) {
		fc_num_options_init(&def);
		opts = &def;
	}
	if (n->qualifier != FC_QUAL_RANGE && n->qualifier != FC_QUAL_VAGUE)
		v2 = v;
	half = (n->flags & FC_NUMF_APPROX) ? n->precision / 2 : 0;
	n->low_open = n->high_open = false;
	switch (n->qualifier) {
	case FC_QUAL_NONE:
	case FC_QUAL_RANGE:
		n->low = v - half;
		n->high = v2 + half;
		break;
	case FC_QUAL_VAGUE:
		n->low = v;
		n->high = v2;
		break;
	case FC_QUAL_MORE_THAN:
		n->low = v;
		n->low_open = true;
		n->high = INFINITY;
		n->high_open = true;
		break;
	case FC_QUAL_AT_LEAST:
		n->low = v;
		n->high = INFINITY;
		n->high_open = true;
		break;
	case FC_QUAL_NEARLY:
		n->low = v - fabs(v) * opts->nearly_window;
		n->high = v;
		n->high_open = true;
		break;
	case FC_QUAL_ABOUT:
		/* Half the unit of the last non-zero digit ("about 1,200" is
		 * +-50), or of the precision if coarser, or the about window,
		 * whichever is widest. Fractions and ratios in words are
		 * rough: "roughly a quarter" takes the nearly window. */
		w = fabs(v) >= 1 && v == floor(v) ? last_nonzero_unit(v) : 0;
		if (n->precision > w && (n->flags & FC_NUMF_APPROX))
			w = n->precision;
		w /= 2;
		if (fabs(v) * opts->about_window > w)
			w = fabs(v) * opts->about_window;
		if ((n->kind == FC_NUM_FRACTION || n->kind == FC_NUM_RATIO) &&
		    fabs(v) * opts->nearly_window > w)
			w = fabs(v) * opts->nearly_window;
		n->low = v - w;
		n->high = v + w;
		break;
	case FC_QUAL_UP_TO:
		n->low = v >= 0 ? 0 : -INFINITY;
		n->low_open = v < 0;
		n->high = v;
		break;
	case FC_QUAL_LESS_THAN:
		n->low = v >= 0 ? 0 : -INFINITY;
		n->low_open = v < 0;
		n->high = v;
		n->high_open = true;
		break;
	}
}

/* The unit a whole number with `zeros` trailing zeros is read to under
 * `policy`: 1 when it is read as exact. */
static double round_unit(double value, size_t zeros, fc_round_policy policy)
{
	double u = pow(10, (double)zeros);

	switch (policy) {
	case FC_ROUND_LAST_NONZERO:
		return zeros ? u : 1;
	case FC_ROUND_AUTO:
		if (zeros < 2 || fabs(value) < 1000)
			return 1;
		/* "10,000" leads with a lone 1: two digits are meant. */
		return fabs(value) / u == 1 ? u / 10 : u;
	case FC_ROUND_EXACT:
		break;
	}
	return 1;
}

bool fc_locale_parse(const char *s, fc_num_locale *out)
{
	if (strcmp(s, "en") == 0)
		*out = FC_LOCALE_EN;
	else if (strcmp(s, "de") == 0)
		*out = FC_LOCALE_DE;
	else
		return false;
	return true;
}

bool fc_round_policy_parse(const char *s, fc_round_policy *out)
{
	if (strcmp(s, "exact") == 0)
		*out = FC_ROUND_EXACT;
	else if (strcmp(s, "last-nonzero") == 0)
		*out = FC_ROUND_LAST_NONZERO;
	else if (strcmp(s, "auto") == 0)
		*out = FC_ROUND_AUTO;
	else
		return false;
	return true;
}

const char *fc_round_policy_name(fc_round_policy p)
{
	return p == FC_ROUND_LAST_NONZERO ? "last-nonzero"
	       : p == FC_ROUND_AUTO	 ? "auto"
					 : "exact";
}

double fc_number_digit_precision(const char *d, size_t len,
                                 fc_num_locale locale, fc_round_policy policy)
{
	char dec = locale == FC_LOCALE_DE ? ',' : '.';
	size_t i, frac = 0, zeros = 0;
	bool in_frac = false, any = false;

	for (i = 0; i < len; i++) {
		if (d[i] == dec) {
			in_frac = true;
			continue;
		}
		if (!is_digit((unsigned char)d[i]))
			continue;
		any = true;
		if (in_frac) {
			frac++;
		} else if (d[i] == '0') {
			zeros++;
		} else {
			zeros = 0;
		}
	}
	if (!any || zeros == i - frac - (in_frac ? 1 : 0))
		return 1;
	if (in_frac)
		return pow(10, -(double)frac);
	if (zeros > 0) {
		/* The digits may be grouped ("25,000"): read them. */
		double whole = 0;
		for (size_t k = 0; k < len; k++)
			if (is_digit((unsigned char)d[k]))
				whole = whole * 10 + (d[k] - '0');
		return round_unit(whole, zeros, policy);
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* The scan and its output. */

/* One figure, before its context decides what it is. */
typedef struct fig {
	size_t start, end; /* the figure: sign, currency, scale, suffix */
	double value;
	double value2; /* the high end of a vague word ("hundreds") */
	double precision;
	double factor;  /* the scale applied ("million": 1e6), else 1 */
	unsigned flags; /* FC_NUMF_* */
	fc_num_kind kind;
	char unit[8];   /* currency code */
	bool plain;     /* bare digits: no grouping, decimals, scale, sign,
	                   currency or suffix */
	bool integer;   /* digits without decimals or exponent */
	size_t ndigits; /* integer digits */
	bool vague;     /* a vague plural: value..value2 */
	bool date;      /* digits and slashes read as a date: "5/17" */
	bool invalid;   /* looks like a number but must not be read: the
	                   scan skips to `end` */
} fig;

static const fc_number number0;

/* Appends a reading. A reading that would overlap the previous one loses
 * its qualifier or context first, and is dropped if it still would. */
static void emit(scan *s, fc_number *n)
{
	fc_number_list *l = s->out;

	if (s->rc != FC_OK)
		return;
	if (n->start < s->floor)
		n->start = n->value_start;
	if (n->start < s->floor || n->end <= n->start || n->end > s->len)
		return;
	if (n->value_start < n->start || n->value_start >= n->end)
		n->value_start = n->start;
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		fc_number *p;
		if (cap > SIZE_MAX / sizeof(fc_number)) {
			s->rc = FC_ERR_NOMEM;
			return;
		}
		p = realloc(l->items, cap * sizeof(fc_number));
		if (!p) {
			s->rc = FC_ERR_NOMEM;
			return;
		}
		l->items = p;
		l->cap = cap;
	}
	l->items[l->count++] = *n;
	s->floor = n->end;
}

/* Emits a reading that is not a quantity: no qualifier, exact. Returns
 * its end. */
static size_t emit_kind(scan *s, size_t start, size_t end, fc_num_kind kind,
                        double value)
{
	fc_number n;

	n = number0;
	n.start = n.value_start = start;
	n.end = end;
	n.value = n.value2 = n.low = n.high = value;
	n.kind = kind;
	emit(s, &n);
	return end;
}

/* Fills a reading from a figure and its qualifier, with its bounds. */
static void make_number(scan *s, fc_number *n, size_t start, const fig *f,
                        fc_qualifier q)
{
	*n = number0;
	n->start = start;
	n->end = f->end;
	n->value_start = f->start;
	n->value = f->value;
	n->value2 = f->vague ? f->value2 : f->value;
	n->qualifier = f->vague && q == FC_QUAL_NONE ? FC_QUAL_VAGUE : q;
	n->kind = f->kind;
	n->precision = f->precision;
	n->flags = f->flags;
	memcpy(n->unit, f->unit, sizeof(n->unit));
	fc_number_set_bounds(n, s->o);
}

/* ------------------------------------------------------------------ */
/* Numbers in words: tokens. */

/* How a token is joined to the one before it. */
enum { J_SPACE = 0, J_HYPHEN, J_DASH };

typedef struct ntok {
	size_t s, e;        /* bytes */
	double v;           /* value (an ordinal's cardinal) */
	unsigned char type; /* enum wtype */
	unsigned char id;   /* enum word_id */
	unsigned char plural;
	unsigned char join; /* J_*: how it follows the previous token */
	bool comp;          /* a hyphenated compound ("twenty-first") */
	bool hyph_tail;     /* followed by "-" and a word that is no
	                       number ("half-time") */
} ntok;

/* A run of digits that may stand among number words: an integer of at
 * most 15 digits, grouped by commas or not, not followed by decimals or
 * letters. Returns its end, 0 if there is none. */
static size_t dig_token(const unsigned char *u, size_t len, size_t p, double *v)
{
	size_t q = digit_end(u, len, p), n = q - p;
	double x = 0;

	if (n == 0 || n > 15)
		return 0;
	for (size_t k = p; k < q; k++)
		x = x * 10 + (u[k] - '0');
	while (n <= 3 && q + 3 < len && u[q] == ',' && is_digit(u[q + 1]) &&
	       is_digit(u[q + 2]) && is_digit(u[q + 3]) &&
	       (q + 4 >= len || !is_digit(u[q + 4]))) {
		for (size_t k = q + 1; k < q + 4; k++)
			x = x * 10 + (u[k] - '0');
		q += 4;
		n = 3;
	}
	if (q < len && (is_alpha(u[q]) || u[q] == '_'))
		return 0;
	if (q + 1 < len &&
	    (u[q] == '.' || u[q] == ',' || u[q] == ':' || u[q] == '/') &&
	    is_digit(u[q + 1]))
		return 0;
	*v = x;
	return q;
}

/* Collects the tokens of a number in words from u[p]: number words,
 * "and", "a", "point", "of" after a fraction, and digits after a scale
 * or "and". `first`, if not NULL, is a digit token already read. Stops
 * at MAX_TOKENS: callers never look further, which keeps the scan
 * linear. Returns the count. */
static size_t collect(scan *s, size_t p, const ntok *first, ntok *T)
{
	const unsigned char *u = s->u;
	size_t len = s->len, n = 0;
	unsigned char join = J_SPACE;

	if (first) {
		T[n++] = *first;
		p = first->e;
		goto next;
	}
	while (n < MAX_TOKENS && p < len) {
		ntok t;
		t = (ntok){0};
		t.s = p;
		t.join = join;
		if (is_digit(u[p])) {
			unsigned char lt = n ? T[n - 1].type : W_NONE;
			if (n == 0 || !(lt == W_SCALE || lt == W_AND))
				break;
			if (!boundary_before(u, p) ||
			    !(t.e = dig_token(u, len, p, &t.v)))
				break;
			t.type = W_DIG;
		} else if (is_alpha(u[p]) && boundary_before(u, p)) {
			const wentry *w = word_at(s, p, &t.e);
			if (!w)
				break;
			t.type = w->type;
			t.id = w->id;
			t.v = w->val;
			t.plural = w->plural;
			if (w->id == K_DOZ && n) {
				/* "five dozs" */
				t.type = W_DOZEN;
				t.plural = u[t.e - 1] == 's';
			} else if (t.type == W_NONE || t.type == W_ABBR) {
				/* "of" only in "two thirds of a million". */
				unsigned char lt = n ? T[n - 1].type : W_NONE;
				if (w->id != K_OF ||
				    !(lt == W_ORD || lt == W_HALF ||
				      lt == W_QUARTER))
					break;
			}
			/* Hyphenated or dashed tens: "twenty-six", "fifty -
			 * two", "twenty-first", "thirty-fifths". */
			if (n && join != J_SPACE && T[n - 1].type == W_TENS &&
			    !T[n - 1].comp &&
			    ((t.type == W_UNIT && t.v > 0) ||
			     (t.type == W_ORD && t.v < 10))) {
				ntok *pt = &T[n - 1];
				pt->type = t.type == W_UNIT ? W_COMP : W_ORD;
				pt->v += t.v;
				pt->plural = t.plural;
				pt->e = t.e;
				pt->comp = true;
				p = t.e;
				goto next;
			}
		} else {
			break;
		}
		T[n++] = t;
		p = t.e;
	next:
		/* The join to the next token. */
		{
			size_t g = spaces_at(u, len, p), h;
			if (p + 1 < len && u[p] == '-' && is_alpha(u[p + 1])) {
				size_t e2;
				const wentry *w2 = word_at(s, p + 1, &e2);
				if (!w2 || w2->type == W_NONE ||
				    w2->type == W_ABBR) {
					T[n - 1].hyph_tail = true;
					break;
				}
				join = J_HYPHEN;
				p++;
			} else if (p + g < len && u[p + g] == '-' &&
			           (h = spaces_at(u, len, p + g + 1)) &&
			           (g || h)) {
				join = J_DASH;
				p += g + 1 + h;
			} else if ((g = gap_at(u, len, p))) {
				join = J_SPACE;
				p += g;
			} else {
				break;
			}
		}
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* Numbers in words: the grammar. */

/* A cardinal read from tokens. */
typedef struct cres {
	size_t used; /* tokens of the number; 0 if there is none */
	double value;
	double end_scale; /* the scale it ends in ("two million"), else 1 */
	int ndec;         /* digits after "point" */
	double dec_scale; /* a scale after the decimals, else 1 */
	bool words;       /* any token is a word */
} cres;

/* Reads the longest cardinal at T[a..b): "nine thousand seven hundred and
 * seventy", "twenty-six", "a dozen", "fifteen hundred", "3 hundred and
 * 21", "three lakh crore", "two point five million". Scales descend;
 * "and" joins only a hundred or a scale to what is below it, and joins
 * nothing when what follows it needs a multiplier of its own ("3 hundred
 * and 2 hundred" is two numbers). */
static void card_parse(const ntok *T, size_t a, size_t b, cres *r)
{
	double total = 0, hi = 0, lo = 0, prev_scale = INFINITY;
	int ngroups = 0;
	unsigned char last = W_NONE;
	bool lo_dig = false, after_and = false, words = false;
	cres snap;
	size_t k = a;

	*r = (cres){0};
	r->end_scale = r->dec_scale = 1;
	snap = *r;
	if (k < b && T[k].type == W_A) {
		const ntok *t = &T[k + 1];
		if (k + 1 >= b || t->plural ||
		    !(t->type == W_HUNDRED || t->type == W_SCALE ||
		      t->type == W_DOZEN || t->type == W_SCORE))
			return;
		lo = 1;
		last = W_A;
		words = true;
		k++;
	}
	for (; k < b; k++) {
		const ntok *t = &T[k];
		bool stop = false;
		double grp;

		if (t->join == J_DASH && k > a &&
		    !(last == W_TENS && t->type == W_UNIT))
			break;
		switch (t->type) {
		case W_UNIT:
		case W_TEEN:
		case W_TENS:
		case W_COMP:
			if (t->v == 0) {
				/* "zero" stands alone, or before "point". */
				if (k != a)
					goto out;
				stop = !(k + 1 < b && T[k + 1].type == W_POINT);
				break;
			}
			if (last == W_TENS && t->type == W_UNIT && !lo_dig &&
			    fmod(lo, 10) == 0) {
				/* "fifty two", "fifty - two" */
			} else if (!(last == W_NONE || last == W_HUNDRED ||
			             last == W_SCALE || last == W_AND)) {
				goto out;
			}
			lo += t->v;
			break;
		case W_DIG:
			if (last == W_NONE ||
			    (last == W_SCALE && t->v < prev_scale)) {
				lo = t->v;
				lo_dig = true;
			} else if (last == W_AND && t->v > 0 && t->v < 100) {
				lo += t->v;
			} else {
				goto out;
			}
			break;
		case W_HUNDRED:
			if (last == W_A) {
				/* "a hundred" */
			} else if (hi > 0 || last == W_AND || last == W_DOZEN ||
			           last == W_SCORE) {
				goto out;
			} else if (lo == 0) {
				if (last != W_NONE)
					goto out;
				lo = 1; /* "hundred thousand" */
			} else if (lo >= 100 && !lo_dig) {
				goto out;
			}
			if (t->plural) {
				if (last == W_NONE || last == W_A)
					goto out;
				stop = true; /* "five hundreds" */
			}
			hi = lo * 100;
			lo = 0;
			lo_dig = false;
			break;
		case W_SCALE:
			grp = hi + lo;
			if (grp == 0) {
				/* "three lakh crore": a larger scale multiplies
				 * the one group read so far. */
				if (last == W_SCALE && ngroups == 1 &&
				    !t->plural && t->v > prev_scale) {
					total *= t->v;
					prev_scale *= t->v;
					break;
				}
				goto out;
			}
			if (t->v >= prev_scale)
				goto out;
			if (t->plural) {
				if (last == W_NONE)
					goto out;
				stop = true; /* "two millions" */
			}
			total += grp * t->v;
			hi = lo = 0;
			lo_dig = false;
			prev_scale = t->v;
			ngroups++;
			after_and = false;
			break;
		case W_DOZEN:
		case W_SCORE:
			if (last == W_A) {
				/* "a dozen" */
			} else if (lo == 0 || last == W_DOZEN ||
			           last == W_SCORE) {
				goto out;
			}
			if (t->plural) {
				if (last == W_NONE || last == W_A)
					goto out;
				stop = true; /* "three dozens" */
			}
			lo *= t->v;
			break;
		case W_AND:
			if (!(last == W_HUNDRED || last == W_SCALE ||
			      last == W_SCORE) ||
			    k + 1 >= b)
				goto out;
			snap = *r;
			after_and = true;
			break;
		case W_POINT: {
			double m = 0, dscale = 1;
			int nd = 0;
			size_t j = k + 1;
			if (last == W_NONE || last == W_A || last == W_AND)
				goto out;
			for (; j < b && nd < 15; j++) {
				const ntok *d = &T[j];
				if (d->type == W_UNIT) {
					m = m * 10 + d->v;
					nd++;
				} else if (d->type == W_TEEN ||
				           d->type == W_TENS ||
				           d->type == W_COMP) {
					m = m * 100 + d->v;
					nd += 2;
				} else {
					break;
				}
			}
			if (nd == 0)
				goto out;
			if (j < b && T[j].type == W_SCALE && !T[j].plural &&
			    ngroups == 0 && hi == 0) {
				dscale = T[j].v;
				j++;
			}
			r->used = j - a;
			r->value = (total + hi + lo + m / pow(10, nd)) * dscale;
			r->ndec = nd;
			r->dec_scale = dscale;
			r->end_scale = 1;
			r->words = true;
			return;
		}
		default:
			goto out;
		}
		last = t->type;
		if (t->type != W_DIG)
			words = true;
		if (last != W_AND) {
			r->used = k + 1 - a;
			r->value = total + hi + lo;
			r->end_scale = hi + lo == 0 && ngroups ? prev_scale : 1;
			r->words = words;
		}
		if (stop)
			break;
	}
	return;
out:
	/* "3 hundred and 2 hundred": the "and" joined two numbers. */
	if (after_and && k < b &&
	    (T[k].type == W_HUNDRED || T[k].type == W_SCALE ||
	     T[k].type == W_DOZEN || T[k].type == W_SCORE))
		*r = snap;
}

/* The value of a token in a fraction: "a" is one, an ordinal its
 * cardinal. */
static double tv(const ntok *t)
{
	return t->type == W_A ? 1 : t->type == W_AND ? 0 : t->v;
}

/* Whether `small` may follow `big` within one number: "thirty" and
 * "five", "hundred" and "thirty". */
static bool composable(double big, double small)
{
	double base = big >= 100 ? 100 : 10;

	return fmod(big, base) == 0 && small < base;
}

/*
 * Where the numerator of T[0..n) ends and the denominator begins, as
 * Recognizers-Text splits fractions in words: walking back from the
 * ordinal, the denominator takes the words that compose with it ("one
 * hundred thirty fifths" is 100/35, "one hundred thirty two fifths" is
 * 132/5), and when every word composes it ends after the first round
 * number that a smaller one follows. "and" is skipped.
 */
static size_t rt_split(const ntok *T, size_t n)
{
	double cur = tv(&T[n - 1]), prev, round = 1;

	for (size_t s = n - 1; s-- > 0;) {
		if (T[s].type == W_AND)
			continue;
		prev = cur;
		cur = tv(&T[s]);
		if ((prev >= 100 && prev > cur) ||
		    (prev < 100 && composable(cur, prev))) {
			if (prev < 100 && cur >= round)
				round = cur;
			else if (prev < 100 && cur < round)
				return s + 1;
			if (s == 0) {
				size_t k = 1;
				for (; k + 1 < n; k++)
					if (tv(&T[k]) >= 100 &&
					    T[k + 1].type != W_AND &&
					    tv(&T[k + 1]) < 100)
						return k + 1;
				return k;
			}
			continue;
		}
		return s + 1;
	}
	return 0;
}

/* A fraction N/D over T[a..m), the last token its denominator: "two
 * thirds", "a fifth", "one hundred thirty-fifths". Sets *v; false when
 * the words are no fraction. A singular denominator takes a numerator of
 * one. */
static bool simple_fraction(const ntok *T, size_t a, size_t m, double *v)
{
	size_t cnt = m - a, k, nd;
	double num, den;
	ntok D[MAX_TOKENS];
	const ntok *last = &T[m - 1];
	cres c;

	if (cnt < 2)
		return false;
	k = rt_split(T + a, cnt);
	if (k == 0 || k >= cnt)
		return false;
	if (k == 1 && T[a].type == W_A) {
		num = 1;
	} else {
		card_parse(T, a, a + k, &c);
		if (c.used != k || c.ndec)
			return false;
		num = c.value;
	}
	/* The denominator: its words as a cardinal, the ordinal as its
	 * cardinal ("one hundred fifth" is 105). */
	nd = cnt - k;
	memcpy(D, T + a + k, nd * sizeof(ntok));
	{
		ntok *t = &D[nd - 1];
		double x = t->v;
		t->plural = 0;
		if (t->type == W_HALF || t->type == W_QUARTER || x < 10)
			t->type = W_UNIT;
		else if (x < 20)
			t->type = W_TEEN;
		else if (x < 100)
			t->type = fmod(x, 10) == 0 ? W_TENS : W_COMP;
		else if (x == 100)
			t->type = W_HUNDRED;
		else
			t->type = W_SCALE;
	}
	if (nd == 1) {
		/* "first" and "second" alone are never denominators: "one
		 * second" is a time, "five seconds" too. */
		if (!last->comp && last->type == W_ORD && last->v <= 2)
			return false;
		den = D[0].v;
	} else {
		card_parse(D, 0, nd, &c);
		if (c.used != nd || c.ndec)
			return false;
		den = c.value;
	}
	if (den <= 0 || (!last->plural && num != 1))
		return false;
	*v = num / den;
	return true;
}

/* True when a singular fraction ending at u[e] stands as a fraction:
 * before "of", a scale, a function word or the end of a clause. "a third
 * of", "by a third to", "a fifth." are fractions; "a third term" is an
 * ordinal. */
static bool fraction_stands(scan *s, size_t e)
{
	/* "fell by a tenth since 2014", "a fifth higher than": a comparison
	 * or a reference point follows a fraction, a noun an ordinal ("a
	 * third term"). */
	static const char *const after[] = {
	    "since",  "than",   "compared", "higher", "lower",  "more",
	    "less",   "fewer",  "larger",   "smaller", "bigger", "greater",
	    "over",   "from",   "between",  "within", "during", NULL};
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t ws, we, g, a, b;
	const wentry *w;

	if (e >= len || (!is_alnum(u[e]) && !space_at(u, len, e)))
		return true;
	g = spaces_at(u, len, e);
	a = e + g;
	if (a >= len || (!is_alnum(u[a]) && u[a] != '$'))
		return true;
	b = alpha_end(u, len, a);
	for (size_t k = 0; after[k]; k++) {
		size_t n = strlen(after[k]), i;
		if (b - a != n)
			continue;
		for (i = 0; i < n && lower(u[a + i]) == (unsigned char)after[k][i];
		     i++)
			;
		if (i == n)
			return true;
	}
	w = next_word(s, e, &ws, &we);
	if (!w)
		return false;
	/* "a third of", "by a third to", "about a fifth were" */
	return w->id == K_OF || w->type == W_SCALE ||
	       (w->flags & (F_FUNC | F_BE)) || w->type == W_AND;
}

/* Fractions in words over T[0..n), the first denominator at T[d]: "two
 * thirds", "one and a half", "one hundred and three quarters", "five and
 * a half million", "half a million", "two thirds of a million". */
static bool read_fraction(scan *s, const ntok *T, size_t n, size_t d, fig *f)
{
	const ntok *D = &T[d];
	size_t m = d + 1, e, j;
	double W = 0, F = 0, wscale = 1, S = 0, value;
	bool whole = false, bare = false;
	cres c;

	/* "half-time" is no half. */
	if (D->hyph_tail)
		return false;
	if (d == 0) {
		/* A bare "half"; "quarter" only before a scale. */
		if (D->plural || D->type == W_ORD)
			return false;
		F = 1 / D->v;
		bare = true;
		goto extend;
	}
	/* A mixed number: the last "and" before the fraction. */
	for (j = d; j-- > 1;)
		if (T[j].type == W_AND)
			break;
	if (j >= 1 && T[j].type == W_AND) {
		card_parse(T, 0, j, &c);
		if (c.used == j && !c.ndec &&
		    simple_fraction(T, j + 1, m, &F) && F < 1) {
			W = c.value;
			wscale = c.end_scale;
			whole = true;
			goto extend;
		}
	}
	if (!simple_fraction(T, 0, m, &F))
		return false;
extend:
	e = m;
	if (e < n && T[e].type == W_SCALE && !T[e].plural) {
		S = T[e].v;
		e++;
	} else if (!whole && e + 1 < n && T[e].type == W_A &&
	           (T[e + 1].type == W_SCALE || T[e + 1].type == W_DOZEN) &&
	           !T[e + 1].plural) {
		S = T[e + 1].v; /* "half a million", "half a dozen" */
		e += 2;
	} else if (!whole && e + 2 < n && T[e].id == K_OF &&
	           T[e + 1].type == W_A &&
	           (T[e + 2].type == W_SCALE || T[e + 2].type == W_DOZEN) &&
	           !T[e + 2].plural) {
		S = T[e + 2].v; /* "two thirds of a million" */
		e += 3;
	}
	if (S && whole && wscale != 1 && wscale <= S) {
		S = 0; /* "two million and a half thousand": no */
		e = m;
	}
	if (bare && !S && D->type == W_QUARTER)
		return false; /* "quarter" alone is three months */
	if (!S) {
		value = whole ? W + F * wscale : F;
		/* A singular denominator must stand as a fraction. */
		if (!D->plural && D->type != W_HALF &&
		    !fraction_stands(s, T[m - 1].e))
			return false;
	} else if (!whole) {
		value = F * S;
	} else if (wscale == 1) {
		value = (W + F) * S; /* "five and a half million" */
	} else {
		value = W + F * S; /* "one billion and a half million" */
	}
	f->start = T[0].s;
	f->end = T[e - 1].e;
	f->value = value;
	f->precision = 0;
	f->flags |= FC_NUMF_WORDS;
	f->kind = whole || S ? FC_NUM_COUNT : FC_NUM_FRACTION;
	return true;
}

/* Vague plurals at u[i]: "dozens", "scores of", "hundreds", "hundreds of
 * thousands", "thousands", "tens of thousands", "millions", "several
 * hundred". Returns false when there is none. */
static bool read_vague(scan *s, size_t i, const wentry *w, size_t we, fig *f)
{
	size_t ws2, we2, ws3, we3;
	const wentry *w2, *w3;
	double lo, hi;

	w2 = next_word(s, we, &ws2, &we2);
	if (w->id == K_TENS || w->id == K_SEVERAL) {
		if (w->id == K_TENS) {
			/* "tens of thousands" */
			if (!w2 || w2->id != K_OF)
				return false;
			w3 = next_word(s, we2, &ws3, &we3);
			if (!w3 || !w3->plural || w3->type != W_SCALE)
				return false;
			lo = 20 * w3->val;
			hi = 100 * w3->val - 1;
			we = we3;
		} else {
			/* "several hundred", "several thousand" */
			if (!w2 || w2->plural ||
			    !(w2->type == W_HUNDRED || w2->type == W_SCALE ||
			      w2->type == W_DOZEN))
				return false;
			lo = 3 * w2->val;
			hi = 9 * w2->val;
			we = we2;
		}
	} else if (w->plural && w->type == W_DOZEN) {
		lo = 24;
		hi = 144;
	} else if (w->plural && w->type == W_SCORE) {
		/* "scores" alone is a word of sport. */
		if (!w2 || w2->id != K_OF)
			return false;
		lo = 40;
		hi = 200;
	} else if (w->plural &&
	           (w->type == W_HUNDRED ||
	            (w->type == W_SCALE && w->val != 1e5 && w->val != 1e7))) {
		lo = 2 * w->val;
		hi = 10 * w->val - 1;
		/* "hundreds of thousands" */
		if (w2 && w2->id == K_OF &&
		    (w3 = next_word(s, we2, &ws3, &we3)) && w3->plural &&
		    w3->type == W_SCALE && w3->val > w->val) {
			lo *= w3->val;
			hi = 10 * w->val * w3->val - 1;
			we = we3;
		}
	} else {
		return false;
	}
	f->start = i;
	f->end = we;
	f->value = lo;
	f->value2 = hi;
	f->vague = true;
	f->precision = 0;
	f->flags |= FC_NUMF_WORDS;
	f->kind = FC_NUM_COUNT;
	return true;
}

/* Reads a number in words at u[i] (or from the digit token `first`):
 * cardinals, fractions, decimals with "point". Fills f; false when there
 * is none. */
static bool read_words(scan *s, size_t i, const ntok *first, fig *f)
{
	ntok T[MAX_TOKENS];
	size_t n = collect(s, i, first, T), d;
	cres c;

	if (n == 0)
		return false;
	for (d = 0; d < n; d++)
		if (T[d].type == W_ORD || T[d].type == W_HALF ||
		    T[d].type == W_QUARTER)
			break;
	if (d < n && read_fraction(s, T, n, d, f))
		return true;
	card_parse(T, 0, d, &c);
	if (c.used == 0)
		return false;
	f->start = T[0].s;
	f->end = T[c.used - 1].e;
	f->value = c.value;
	f->kind = FC_NUM_COUNT;
	f->flags |= FC_NUMF_WORDS;
	if (c.ndec) {
		/* "two point five million" is rounded like "2.5 million". */
		f->precision = pow(10, -c.ndec) * c.dec_scale;
		f->flags |= FC_NUMF_APPROX;
		if (c.dec_scale > 1)
			f->flags |= FC_NUMF_SCALED;
	} else {
		f->precision = 0;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Figures in digits. */

/* 10^n, exact for 0 <= n <= 22. */
static double p10(int n)
{
	static const double tab[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
	                               1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	                               1e18, 1e19, 1e20, 1e21, 1e22};
	static const double neg[23] = {1e-0,  1e-1,  1e-2,  1e-3,  1e-4,  1e-5,
	                               1e-6,  1e-7,  1e-8,  1e-9,  1e-10, 1e-11,
	                               1e-12, 1e-13, 1e-14, 1e-15, 1e-16, 1e-17,
	                               1e-18, 1e-19, 1e-20, 1e-21, 1e-22};

	if (n >= 0 && n <= 22)
		return tab[n];
	if (n < 0 && n >= -22)
		return neg[-n];
	return pow(10, n);
}

/* How many digits start at u[i], counting no further than max. */
static size_t ndig(const unsigned char *u, size_t len, size_t i, size_t max)
{
	size_t k = 0;

	while (k < max && i + k < len && is_digit(u[i + k]))
		k++;
	return k;
}

/* The end of a malformed figure: digits, letters and the marks between
 * them ("1,4000", "1.234,5"), so that none of it is read. */
static size_t bad_run_end(const unsigned char *u, size_t len, size_t i)
{
	while (i < len &&
	       (is_alnum(u[i]) || ((u[i] == ',' || u[i] == '.') &&
	                           i + 1 < len && is_digit(u[i + 1]))))
		i++;
	return i;
}

/* Adds the digits of u[a..b) (skipping marks) to the integer *m. */
static void add_digits(const unsigned char *u, size_t a, size_t b, double *m,
                       size_t *zeros)
{
	for (size_t k = a; k < b; k++)
		if (is_digit(u[k])) {
			*m = *m * 10 + (u[k] - '0');
			*zeros = u[k] == '0' ? *zeros + 1 : 0;
		}
}

/* An exponent at u[q]: "e6", "e-1", "^23", "^--23", "x10^6", "×10^-4".
 * Returns its end (0 if none); *e is the power, *caret says the base
 * itself is raised ("1.1^23") rather than multiplied by ten to it. */
static size_t exponent_at(const unsigned char *u, size_t len, size_t q, int *e,
                          bool *caret)
{
	size_t r = q, k;
	int sg = 1;

	*caret = false;
	if (q >= len)
		return 0;
	if (u[q] == 'e' || u[q] == 'E') {
		r = q + 1;
		if (r < len && (u[r] == '+' || u[r] == '-'))
			sg = u[r++] == '-' ? -1 : 1;
	} else if (u[q] == '^') {
		*caret = true;
		r = q + 1;
		for (int n = 0;
		     n < 3 && r < len && (u[r] == '+' || u[r] == '-'); n++)
			if (u[r++] == '-')
				sg = -sg;
	} else {
		/* "x10^6", "*10^6", "×10^6" */
		if (u[q] == 'x' || u[q] == '*')
			r = q + 1;
		else if (u[q] == 0xC3 && q + 1 < len && u[q + 1] == 0x97)
			r = q + 2;
		else
			return 0;
		if (r + 3 >= len || u[r] != '1' || u[r + 1] != '0' ||
		    u[r + 2] != '^')
			return 0;
		r += 3;
		if (r < len && (u[r] == '+' || u[r] == '-'))
			sg = u[r++] == '-' ? -1 : 1;
	}
	k = ndig(u, len, r, 4);
	if (k == 0 || k > 3 || !boundary_after(u, len, r + k))
		return 0;
	*e = 0;
	for (size_t j = r; j < r + k; j++)
		*e = *e * 10 + (u[j] - '0');
	*e *= sg;
	return r + k;
}

/*
 * Reads digits at u[p] (a digit, or the decimal mark before one) under
 * the locale's grouping: "9,770", "9 770", "1,234,567.89", ".5",
 * "12,34,567" (Indian), "1e10", "1.3x10^6". Fills f (start, end, value,
 * precision, flags, plain, integer, ndigits). Returns false when there is
 * no figure; f->invalid then says the malformed run up to f->end must be
 * skipped whole.
 */
static bool read_digits(scan *s, size_t p, fig *f)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	bool de = s->o->locale == FC_LOCALE_DE, grouped = false, caret = false;
	unsigned char group = de ? '.' : ',', dec = de ? ',' : '.';
	size_t q = p, first, nint, nfrac = 0, zeros = 0, r;
	double m = 0, value;
	int ex = 0;

	first = digit_end(u, len, q) - q;
	if (first > MAX_DIGITS)
		goto bad;
	add_digits(u, q, q + first, &m, &zeros);
	q += first;
	nint = first;
	if (first == 0 && !(q + 1 < len && u[q] == dec && is_digit(u[q + 1])))
		return false;
	/* Indian grouping: "12,34,567". */
	if (!de && first >= 1 && first <= 2 && q < len && u[q] == ',') {
		int pairs = 0;
		r = q;
		while (r + 3 < len && u[r] == ',' &&
		       ndig(u, len, r + 1, 3) == 2 && u[r + 3] == ',' &&
		       pairs < 8) {
			r += 3;
			pairs++;
		}
		if (pairs && r < len && u[r] == ',' &&
		    ndig(u, len, r + 1, 4) == 3) {
			add_digits(u, q, r + 4, &m, &zeros);
			nint += 2 * (size_t)pairs + 3;
			q = r + 4;
			grouped = true;
		}
	}
	/* Groups of three after a mark or a space: "9,770", "9 770". */
	if (!grouped && first >= 1 && first <= 3) {
		int kind = 0; /* 1: the group mark, 2: a space */
		for (;;) {
			size_t g = 0, k;
			int kd;
			if (q < len && u[q] == group) {
				g = 1;
				kd = 1;
			} else if ((g = space_at(u, len, q))) {
				kd = 2;
			} else {
				break;
			}
			if (kind && kd != kind)
				break;
			k = ndig(u, len, q + g, 4);
			if (k != 3) {
				if (kd == 1 && k == 4)
					goto bad; /* "1,4000" */
				/* "1,5": a decimal mark of the other locale, or
				 * a list "22,24,26"? Read a list, not a lone
				 * pair. */
				if (kd == 1 && k >= 1 && !grouped &&
				    !(q + 1 + k + 1 < len &&
				      u[q + 1 + k] == group &&
				      is_digit(u[q + 2 + k])) &&
				    !(p > 0 && u[p - 1] == group))
					goto bad;
				break;
			}
			if (nint + 3 > MAX_DIGITS)
				goto bad;
			add_digits(u, q + g, q + g + 3, &m, &zeros);
			q += g + 3;
			nint += 3;
			grouped = true;
			kind = kd;
		}
	}
	if (nint > MAX_DIGITS)
		goto bad;
	/* Decimals. */
	if (q + 1 < len && u[q] == dec && is_digit(u[q + 1])) {
		size_t e = digit_end(u, len, q + 1), z = 0;
		nfrac = e - q - 1;
		if (nint + nfrac > MAX_DIGITS)
			goto bad;
		add_digits(u, q + 1, e, &m, &z);
		q = e;
		/* "1.234,5" under en, "1,234.5" under de. */
		if (q + 1 < len && (u[q] == group || u[q] == dec) &&
		    is_digit(u[q + 1]))
			goto bad;
	}
	value = m / p10((int)nfrac);
	f->precision = 1;
	r = 0;
	if (!grouped && (r = exponent_at(u, len, q, &ex, &caret))) {
		q = r;
		if (caret) {
			value = pow(value, ex);
			f->precision = 0;
		} else {
			value *= p10(ex);
			f->precision = p10(ex - (int)nfrac);
			f->flags |= FC_NUMF_APPROX;
		}
	} else if (nfrac) {
		f->precision = p10(-(int)nfrac);
		f->flags |= FC_NUMF_APPROX;
	} else if (zeros && zeros < nint) {
		f->flags |= FC_NUMF_AMBIGUOUS;
		f->precision = round_unit(value, zeros, s->o->round);
		if (f->precision > 1)
			f->flags |= FC_NUMF_APPROX;
	}
	if (!isfinite(value) || !isfinite(f->precision))
		goto bad;
	f->start = p;
	f->end = q;
	f->value = value;
	f->factor = 1;
	f->ndigits = nint;
	f->integer = nfrac == 0 && !r;
	f->plain = f->integer && !grouped;
	f->kind = FC_NUM_COUNT;
	return true;
bad:
	f->invalid = true;
	f->end = bad_run_end(u, len, p);
	return false;
}

/* A vulgar fraction at u[i]: "½", "¾", "⅔". Returns its length (0 if
 * none) and its value in *v. */
static size_t vulgar_at(const unsigned char *u, size_t len, size_t i, double *v)
{
	static const double e2[15] = {1.0 / 7, 1.0 / 9, 1.0 / 10, 1.0 / 3,
	                              2.0 / 3, 1.0 / 5, 2.0 / 5,  3.0 / 5,
	                              4.0 / 5, 1.0 / 6, 5.0 / 6,  1.0 / 8,
	                              3.0 / 8, 5.0 / 8, 7.0 / 8};

	if (i + 1 < len && u[i] == 0xC2 && u[i + 1] >= 0xBC &&
	    u[i + 1] <= 0xBE) {
		*v = (u[i + 1] - 0xBB) / 4.0;
		return 2;
	}
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x85 &&
	    u[i + 2] >= 0x90 && u[i + 2] <= 0x9E) {
		*v = e2[u[i + 2] - 0x90];
		return 3;
	}
	return 0;
}

/* What digits and a slash at u[p] are ("3/4", "5/17", "5/17/2018"):
 * SL_FRACTION with *v, SL_DATE with *end, SL_BAD for "24/7", SL_NONE if
 * there is no slash. `num` is the figure before the slash. */
enum { SL_NONE = 0, SL_FRACTION, SL_DATE, SL_BAD };

static int slash_at(const unsigned char *u, size_t len, size_t q, double num,
                    double *v, size_t *end)
{
	size_t r, nd;
	double den = 0;

	if (q + 1 >= len || u[q] != '/' || !is_digit(u[q + 1]))
		return SL_NONE;
	r = digit_end(u, len, q + 1);
	nd = r - q - 1;
	if (nd > 4)
		return SL_BAD;
	for (size_t k = q + 1; k < r; k++)
		den = den * 10 + (u[k] - '0');
	if (r + 1 < len && u[r] == '/' && is_digit(u[r + 1])) {
		size_t y = digit_end(u, len, r + 1);
		if (y - r - 1 > 4 || nd > 2 || !boundary_after(u, len, y))
			return SL_BAD;
		*end = y; /* "5/17/2018" */
		return SL_DATE;
	}
	if (!boundary_after(u, len, r) || (r < len && u[r] == '/'))
		return SL_BAD;
	*end = r;
	/* A proper fraction with a small denominator is a fraction ("3/4",
	 * "1/100"); what reads as month and day is a date ("9/11", "5/17");
	 * anything else ("24/7") is not read. */
	if (den > 0 && num < den &&
	    (den <= 10 || num == 1 ||
	     (den <= 100 && !(num <= 12 && den <= 31)))) {
		*v = num / den;
		return SL_FRACTION;
	}
	if (num >= 1 && num <= 12 && den >= 1 && den <= 31 && nd <= 2)
		return SL_DATE;
	return SL_BAD;
}

/* ------------------------------------------------------------------ */
/* Currency, scale and suffixes. */

/* A currency before a figure at u[i]: "$", "US$", "£", "€", "¥", "₹",
 * "₪", "USD " and other codes. Returns where the figure starts (i if
 * there is no currency) and the code in unit. */
static size_t currency_at(scan *s, size_t i, char unit[8])
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	static const struct {
		const char *p;
		unsigned char n;
		const char *code;
	} syms[] = {
	    {"$US", 3, "USD"},          {"$", 1, "USD"},
	    {"US$", 3, "USD"},          {"C$", 2, "CAD"},
	    {"A$", 2, "AUD"},           {"HK$", 3, "HKD"},
	    {"NZ$", 3, "NZD"},          {"\xC2\xA3", 2, "GBP"},
	    {"\xE2\x82\xAC", 3, "EUR"}, {"\xC2\xA5", 2, "JPY"},
	    {"\xE2\x82\xB9", 3, "INR"}, {"\xE2\x82\xAA", 3, "ILS"},
	};
	size_t p = i, g;

	if (u[i] == '$' || u[i] == 0xC2 || u[i] == 0xE2 ||
	    (is_upper(u[i]) && boundary_before(u, i))) {
		for (size_t k = 0; k < sizeof(syms) / sizeof(syms[0]); k++)
			if (i + syms[k].n <= len &&
			    memcmp(u + i, syms[k].p, syms[k].n) == 0) {
				memcpy(unit, syms[k].code, 4);
				p = i + syms[k].n;
				break;
			}
	}
	if (p == i && is_upper(u[i]) && boundary_before(u, i)) {
		/* "USD 5m", "Rs 4 lakh", "Rs. 400" */
		size_t e;
		const wentry *w = word_at(s, i, &e);
		if (w && (w->flags & F_CUR) &&
		    (e - i == 2 || is_upper(u[i + 1]))) {
			p = e + (e < len && u[e] == '.');
			if (!(g = spaces_at(u, len, p)) || p + g >= len ||
			    !is_digit(u[p + g]))
				return i;
			for (size_t k = 0; k < 3; k++)
				unit[k] =
				    (char)(is_upper(u[i + k]) ? u[i + k]
				                              : u[i + k] - 32);
			unit[3] = 0;
			if (w->len == 2)
				strcpy(unit, "INR"); /* "Rs" */
			return p + g;
		}
		return i;
	}
	/* One space between a symbol and its figure: "US$ 1MM". */
	if (p > i && p < len && !is_digit(u[p]) && (g = space_at(u, len, p)) &&
	    p + g < len && is_digit(u[p + g]))
		p += g;
	return p;
}

/* True when the word u[ws..we) is in capitals. */
static bool all_upper(const unsigned char *u, size_t ws, size_t we)
{
	for (size_t k = ws; k < we; k++)
		if (!is_upper(u[k]))
			return false;
	return true;
}

/* A scale after digits ending at u[q]: attached ("1.4m", "10k", "$1.2bn",
 * "10M") or after a space ("1.4 million", "13 lakh", "10 bln", "2.33 k",
 * "1,674,200.5 M", "1MM", "3 dozen"). Returns its end (0 if none) and the
 * factor; *dozen says it counts dozens (exact). */
static size_t scale_at(scan *s, size_t q, double *factor, bool *dozen)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t ws = q, we, g = 0;
	const wentry *w;
	bool attached;

	*dozen = false;
	if (q >= len)
		return 0;
	attached = is_alpha(u[q]);
	if (!attached) {
		/* "41\nmillion": a wrapped line does not part them. */
		g = gap_at(u, len, q);
		if (!g || q + g >= len || !is_alpha(u[q + g]))
			return 0;
		ws = q + g;
	}
	w = word_at(s, ws, &we);
	if (!w || !boundary_after(u, len, we))
		return 0;
	switch (w->type) {
	case W_SCALE:
		if (w->plural)
			return 0;
		break;
	case W_HUNDRED:
		if (w->plural || attached)
			return 0;
		break;
	case W_DOZEN:
		*dozen = true;
		break;
	case W_ABBR:
		if (w->id == K_DOZ) {
			*dozen = true;
			break;
		}
		if (w->len == 2 && w->w[0] == 'm' && w->w[1] == 'm') {
			/* "MM" is a million; "mm" millimetres. */
			if (!all_upper(u, ws, we))
				return 0;
		} else if (w->len == 1 && !attached) {
			/* After a space, "k" and a capital "M" only: "5 m" is
			 * five metres, "5 b" nothing. */
			if (!(w->w[0] == 'k' ||
			      (w->w[0] == 'm' && u[ws] == 'M')))
				return 0;
		}
		break;
	default:
		return 0;
	}
	*factor = w->val;
	return we;
}

/* Percent, points, currency words and "times" after a figure ending at
 * f->end. */
static void read_suffix(scan *s, fig *f, bool words)
{
	const unsigned char *u = s->u;
	size_t len = s->len, q = f->end, ws, we, ws2, we2;
	const wentry *w, *w2;

	if (q < len && u[q] == '%') {
		f->kind = FC_NUM_PERCENT;
		f->end = q + 1;
		goto approx;
	}
	if (!words && q < len && is_alpha(u[q])) {
		/* "5pc", "3pp" */
		w = word_at(s, q, &we);
		if (w && boundary_after(u, len, we) &&
		    (w->id == K_PC || w->id == K_PP || w->id == K_PPT ||
		     w->id == K_PPTS)) {
			f->kind = w->id == K_PC ? FC_NUM_PERCENT
			                        : FC_NUM_PERCENT_POINT;
			f->end = we;
			goto approx;
		}
		return;
	}
	if (q + 1 < len && u[q] == ' ' && u[q + 1] == '%') {
		f->kind = FC_NUM_PERCENT;
		f->end = q + 2;
		goto approx;
	}
	w = next_word(s, q, &ws, &we);
	if (!w)
		return;
	switch (w->id) {
	case K_PER:
		if (next_id(s, we, &we2) != K_CENT)
			return;
		we = we2;
		/* fall through */
	case K_PERCENT:
	case K_PERCENTS:
	case K_PERCENTAGE:
	case K_PCT:
		f->kind = FC_NUM_PERCENT;
		f->end = we;
		/* "3 percentage points" */
		w2 = next_word(s, we, &ws2, &we2);
		if (w2 && w2->id == K_POINTS) {
			f->kind = FC_NUM_PERCENT_POINT;
			f->end = we2;
		} else if (w2 && w2->type == W_POINT) {
			f->kind = FC_NUM_PERCENT_POINT;
			f->end = we2;
		}
		goto approx;
	case K_PP:
	case K_PPT:
	case K_PPTS:
		f->kind = FC_NUM_PERCENT_POINT;
		f->end = we;
		goto approx;
	case K_US:
		if (next_id(s, we, &we2) != K_DOLLARS || f->unit[0])
			return;
		strcpy(f->unit, "USD");
		f->end = we2;
		return;
	case K_DOLLARS:
	case K_DOLLAR:
	case K_EUROS:
	case K_EURO:
	case K_SHEKELS:
	case K_SHEKEL:
	case K_YUAN:
	case K_RUPEES:
	case K_YEN:
		if (f->unit[0] || (w->id == K_DOLLAR && f->value != 1) ||
		    (w->id == K_EURO && f->value != 1) ||
		    (w->id == K_SHEKEL && f->value != 1))
			return;
		strcpy(f->unit, w->id == K_DOLLARS || w->id == K_DOLLAR ? "USD"
		                : w->id == K_EUROS || w->id == K_EURO   ? "EUR"
		                : w->id == K_SHEKELS || w->id == K_SHEKEL
		                    ? "ILS"
		                : w->id == K_YUAN   ? "CNY"
		                : w->id == K_RUPEES ? "INR"
		                                    : "JPY");
		f->end = we;
		return;
	case K_POUNDS:
		/* "pounds" alone may be weight. */
		if (f->unit[0] || next_id(s, we, &we2) != K_STERLING)
			return;
		strcpy(f->unit, "GBP");
		f->end = we2;
		return;
	case K_TIMES:
		if (f->unit[0] || f->kind != FC_NUM_COUNT)
			return;
		f->kind = FC_NUM_MULTIPLE;
		f->end = we;
		return;
	default:
		/* "500 USD" */
		if ((w->flags & F_CUR) && w->len == 3 && !f->unit[0] &&
		    all_upper(u, ws, we)) {
			memcpy(f->unit, u + ws, 3);
			f->unit[3] = 0;
			f->end = we;
		}
		return;
	}
approx:
	if (!words)
		f->flags |= FC_NUMF_APPROX;
	f->plain = false;
}

/* A figure before anything is read (copied rather than memset: faster
 * for a struct of this size). */
static const fig fig0 = {.factor = 1};

/* Reads one figure at u[i]: currency, sign, digits or words, scale and
 * suffixes. Returns false if there is none; f->invalid then says the
 * malformed run up to f->end must be skipped whole. */
static bool read_figure(scan *s, size_t i, fig *f)
{
	const unsigned char *u = s->u;
	size_t len = s->len, p, q, e, ws, we, ds = i;
	const wentry *w;
	bool neg = false, sign = false, dozen;
	double v, factor;
	int sl;

	*f = fig0;
	if (i >= len)
		return false;
	p = currency_at(s, i, f->unit);
	if (p >= len)
		return false;
	if ((u[p] == '-' || u[p] == '+') && p + 1 < len &&
	    (is_digit(u[p + 1]) ||
	     (u[p + 1] == '.' && p + 2 < len && is_digit(u[p + 2])))) {
		neg = u[p] == '-';
		sign = true;
		p++;
	} else if (p + 3 < len && u[p] == 0xE2 && u[p + 1] == 0x88 &&
	           u[p + 2] == 0x92 && is_digit(u[p + 3])) {
		neg = sign = true; /* U+2212 MINUS SIGN */
		p += 3;
	}
	if (is_digit(u[p]) || u[p] == '.' || u[p] == ',') {
		if (!read_digits(s, p, f))
			return false;
		ds = f->start;
	} else if (is_alpha(u[p]) && p == i) {
		w = word_at(s, p, &e);
		if (!w)
			return false;
		if (w->plural || w->id == K_TENS || w->id == K_SEVERAL) {
			if (read_vague(s, p, w, e, f))
				return true;
			if (w->id == K_TENS || w->id == K_SEVERAL)
				return false;
		}
		if (w->type == W_A) {
			/* "a couple of" */
			size_t e2, e3;
			if (next_id(s, e, &e2) == K_COUPLE &&
			    next_id(s, e2, &e3) == K_OF) {
				f->start = i;
				f->end = e3;
				f->value = 2;
				f->flags |= FC_NUMF_WORDS;
				f->kind = FC_NUM_COUNT;
				return true;
			}
		}
		if (!read_words(s, p, NULL, f))
			return false;
		if (f->kind == FC_NUM_COUNT || f->kind == FC_NUM_FRACTION)
			read_suffix(s, f, true);
		goto done;
	} else if ((e = vulgar_at(u, len, p, &v))) {
		f->start = p;
		f->end = p + e;
		f->value = v;
		f->kind = FC_NUM_FRACTION;
		goto done;
	} else {
		return false;
	}
	f->start = i;
	if (sign)
		f->plain = false;
	if (f->unit[0])
		f->plain = false;
	q = f->end;
	if (f->integer) {
		/* "3/4", "5/17", "5/17/2018"; four digits before a slash are
		 * a year ("2023/24"), left to the caller. */
		if (f->ndigits <= 3 &&
		    (sl = slash_at(u, len, q, f->value, &v, &e)) != SL_NONE) {
			if (sl == SL_BAD) {
				f->invalid = true;
				f->end = bad_run_end(u, len, q + 1);
				return false;
			}
			f->end = e;
			f->plain = false;
			if (sl == SL_DATE) {
				f->date = true;
				f->kind = FC_NUM_DATE;
				return true;
			}
			f->value = v;
			f->precision = 0;
			f->kind = FC_NUM_FRACTION;
			goto done;
		}
		/* "2½", "2 ½", "2 1/2" */
		e = q + spaces_at(u, len, q);
		if ((p = vulgar_at(u, len, e, &v)) && f->ndigits <= 4 &&
		    boundary_after(u, len, e + p)) {
			f->value += v;
			f->end = e + p;
			f->precision = 0;
			f->plain = false;
			goto done;
		}
		if (e > q && f->plain && f->ndigits <= 4 && e < len &&
		    is_digit(u[e]) && boundary_after(u, len, q)) {
			size_t de = digit_end(u, len, e), fe;
			double num = 0;
			for (size_t k = e; k < de && k < e + 3; k++)
				num = num * 10 + (u[k] - '0');
			if (de - e <= 3 &&
			    slash_at(u, len, de, num, &v, &fe) == SL_FRACTION &&
			    v < 1) {
				f->value += v;
				f->end = fe;
				f->precision = 0;
				f->plain = false;
				goto done;
			}
		}
		/* Digits among words: "4 thousand 3 hundred and 21", "322
		 * hundred", "3 million and a half", "3 dozens". When the
		 * words add nothing to a single scale, the figure is read
		 * as "1.4 million" is, rounded at its last digit. */
		w = next_word(s, q, &ws, &we);
		if (w && (w->type == W_HUNDRED || w->type == W_SCALE ||
		          w->type == W_DOZEN)) {
			ntok t;
			fig g;
			memset(&t, 0, sizeof(t));
			memset(&g, 0, sizeof(g));
			t.s = ds;
			t.e = q;
			t.v = fabs(f->value);
			t.type = W_DIG;
			if (f->value == floor(f->value) &&
			    read_words(s, t.s, &t, &g) &&
			    (g.end > we || w->type == W_DOZEN || w->plural)) {
				f->value = g.value;
				f->end = g.end;
				f->precision = 0;
				f->flags &=
				    ~(FC_NUMF_APPROX | FC_NUMF_AMBIGUOUS);
				f->flags |= FC_NUMF_WORDS;
				f->kind = g.kind;
				f->plain = f->integer = false;
				read_suffix(s, f, true);
				goto done;
			}
		}
	}
	if ((e = scale_at(s, f->end, &factor, &dozen))) {
		f->value *= factor;
		f->precision *= factor;
		f->end = e;
		f->plain = f->integer = false;
		if (dozen) {
			f->flags &= ~FC_NUMF_AMBIGUOUS;
		} else {
			f->factor = factor;
			f->flags |= FC_NUMF_SCALED | FC_NUMF_APPROX;
			f->flags &= ~FC_NUMF_AMBIGUOUS;
		}
	}
	read_suffix(s, f, false);
done:
	if (neg) {
		f->value = -f->value;
		f->flags |= FC_NUMF_NEGATIVE;
	}
	if (f->unit[0] && f->kind == FC_NUM_COUNT)
		f->kind = FC_NUM_MONEY;
	if (!isfinite(f->value) || !isfinite(f->precision)) {
		f->invalid = true;
		f->end = bad_run_end(u, len, f->start);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Numbers that are not quantities. */

/* A month name at u[i] ("November", "Nov.", "NOV"), capitalised: "may"
 * and "march" are words too. Returns the end ('.' of an abbreviation
 * included), 0 if none; *month is its number. */
static size_t month_at(scan *s, size_t i, int *month)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t e;
	const wentry *w;

	if (i >= len || !is_upper(u[i]) || !boundary_before(u, i))
		return 0;
	w = word_at(s, i, &e);
	if (!w || !(w->flags & F_MONTH))
		return 0;
	*month = w->aux;
	if ((w->flags & F_MONABBR) && e < len && u[e] == '.')
		e++;
	return e;
}

/* True when digits at u[i] are "am" or "pm" after optional spaces;
 * *e is the end. */
static bool ampm_at(scan *s, size_t i, size_t *e)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t g = spaces_at(u, len, i), we;
	const wentry *w;

	if (i + g >= len || !is_alpha(u[i + g]))
		return false;
	w = word_at(s, i + g, &we);
	if (!w || (w->id != K_AM && w->id != K_PM))
		return false;
	*e = we;
	return true;
}

/* True when the word at u[ws..we) looks like a plural noun. */
static bool plural_noun(const unsigned char *u, size_t ws, size_t we)
{
	return we - ws >= 3 && !is_upper(u[ws]) && lower(u[we - 1]) == 's' &&
	       lower(u[we - 2]) != 's' && lower(u[we - 2]) != 'u';
}

/* After a plain figure (bare digits): is it a date, year, time, ordinal,
 * identifier, list marker or footnote? Emits it if so and returns where
 * the scan goes on; 0 when it is a quantity after all. Digits glued to
 * letters ("180ml") are skipped without a reading. */
static size_t classify(scan *s, const fig *f)
{
	const unsigned char *u = s->u;
	size_t len = s->len, st = f->start, fe = f->end, ws, we, e, g;
	const wentry *wb;
	int month;
	double v = f->value;

	/* Letters before: "COVID-19", "F-16", "SCP-173" are identifiers;
	 * "mid-2023" is a year. */
	if (st > 1 && u[st - 1] == '-' && is_alpha(u[st - 2])) {
		size_t ls = st - 1;
		while (ls > 0 && is_alpha(u[ls - 1]))
			ls--;
		if (is_upper(u[ls]) || !boundary_before(u, ls)) {
			e = token_end(u, len, fe);
			return emit_kind(s, ls, e, FC_NUM_IDENTIFIER, v);
		}
		if (f->ndigits == 4 && v >= 1000 && v <= 2999)
			return emit_kind(s, st, fe, FC_NUM_YEAR, v);
	}
	/* Footnotes "[3]"; list markers "1." at the start of a line. */
	if (st > 0 && u[st - 1] == '[' && fe < len && u[fe] == ']')
		return emit_kind(s, st - 1, fe + 1, FC_NUM_FOOTNOTE, v);
	if (fe + 1 < len && (u[fe] == '.' || u[fe] == ')') &&
	    (cls[u[fe + 1]] & C_SPACE) && f->ndigits <= 3) {
		size_t b = st;
		while (b > 0 && (cls[u[b - 1]] & C_SPACE))
			b--;
		if (b == 0 || u[b - 1] == '\n')
			return emit_kind(s, st, fe + 1, FC_NUM_LIST_MARKER, v);
	}
	/* Times: "10:30", "10:30:15", "3pm", "10 am". */
	if (fe + 2 < len && u[fe] == ':' && ndig(u, len, fe + 1, 3) == 2 &&
	    v < 24 && f->ndigits <= 2) {
		e = fe + 3;
		if (e + 2 < len && u[e] == ':' && ndig(u, len, e + 1, 3) == 2)
			e += 3;
		ampm_at(s, e, &e);
		return emit_kind(s, st, e, FC_NUM_TIME, v);
	}
	if (v >= 1 && v <= 12 && f->ndigits <= 2 && ampm_at(s, fe, &e))
		return emit_kind(s, st, e, FC_NUM_TIME, v);
	/* Ordinals: "5th", "21st"; "5th November" is a date. */
	if (fe + 2 <= len && f->ndigits <= 4 &&
	    boundary_after(u, len, fe + 2)) {
		unsigned char a = lower(u[fe]), b = lower(u[fe + 1]);
		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
			e = fe + 2;
			g = spaces_at(u, len, e);
			if (v >= 1 && v <= 31 && g &&
			    month_at(s, e + g, &month))
				return emit_kind(s, st,
				                 month_at(s, e + g, &month),
				                 FC_NUM_DATE, v);
			return emit_kind(s, st, e, FC_NUM_ORDINAL, v);
		}
	}
	/* ISO dates: "2023-11-05". */
	if (f->ndigits == 4 && fe + 5 < len && u[fe] == '-' &&
	    ndig(u, len, fe + 1, 3) == 2 && u[fe + 3] == '-' &&
	    ndig(u, len, fe + 4, 3) == 2)
		return emit_kind(s, st, fe + 6, FC_NUM_DATE, v);
	/* "5 November 2023", "5 NOV" */
	g = spaces_at(u, len, fe);
	if (v >= 1 && v <= 31 && f->ndigits <= 2 && g &&
	    (e = month_at(s, fe + g, &month))) {
		size_t g2 = spaces_at(u, len, e);
		if (g2 && ndig(u, len, e + g2, 5) == 4)
			e += g2 + 4;
		return emit_kind(s, st, e, FC_NUM_DATE, v);
	}
	/* "Nov. 5", "November 5, 2023", "in March 2023" */
	wb = word_before(s, st, &ws, &we);
	if (wb && (wb->flags & F_MONTH) && is_upper(u[ws]) &&
	    st - we <= 2 + (u[we] == '.')) {
		if (v >= 1 && v <= 31 && f->ndigits <= 2) {
			e = fe;
			if (e + 6 <= len && u[e] == ',' && u[e + 1] == ' ' &&
			    ndig(u, len, e + 2, 5) == 4)
				e += 6;
			return emit_kind(s, ws, e, FC_NUM_DATE, v);
		}
		if (f->ndigits == 4)
			return emit_kind(s, ws, fe, FC_NUM_DATE, v);
	}
	/* Years: "in 2023", "the 1990s", "2023-24", "2023/24". */
	if (f->ndigits == 4 && v >= 1000 && v <= 2999) {
		bool year = false;
		e = fe;
		if (fe < len && u[fe] == 's' &&
		    boundary_after(u, len, fe + 1)) {
			e = fe + 1;
			year = true;
		} else if (fe + 2 < len && (u[fe] == '-' || u[fe] == '/') &&
		           ndig(u, len, fe + 1, 3) == 2 &&
		           boundary_after(u, len, fe + 3)) {
			e = fe + 3;
			year = true;
		} else if (fe + 4 < len && u[fe] == '-' &&
		           ndig(u, len, fe + 1, 5) == 4 &&
		           (u[fe + 1] == '1' || u[fe + 1] == '2') &&
		           boundary_after(u, len, fe + 5)) {
			e = fe + 5; /* "1990-2000" */
			year = true;
		} else if (wb && (wb->flags & F_YEARW)) {
			/* "in 2023", "by 2050 if", but "of 2000 people": a
			 * plural noun after it makes it a count. */
			year = true;
			g = spaces_at(u, len, fe);
			if (g && fe + g < len && is_alpha(u[fe + g]) &&
			    plural_noun(u, fe + g, alpha_end(u, len, fe + g)))
				year = false;
		}
		if (year)
			return emit_kind(s, st, e, FC_NUM_YEAR, v);
	}
	/* Identifiers named by the word before: "Resolution 2334",
	 * "Route 66", "No 10". */
	if (wb && (wb->flags & F_IDENT) && st - we <= 2 &&
	    (is_upper(u[ws]) || wb->id == K_NO))
		return emit_kind(s, st, fe, FC_NUM_IDENTIFIER, v);
	/* Digits glued to letters: "180ml", "3D", "4x4", "0x1F", "5G". */
	if (fe < len && (is_alpha(u[fe]) || u[fe] == '_'))
		return token_end(u, len, fe);
	return 0;
}

/* A phone number at u[i]: "+44 20 7946 0958", "(020) 7946 0958",
 * "555-123-4567", "+1-222-2222/2222". Returns its end, or 0. A figure
 * grouped in threes ("1 414 021 100") is a number, not a phone. */
static size_t phone_at(const unsigned char *u, size_t len, size_t i)
{
	size_t p = i, digits = 0, groups = 0, lens[8];
	bool plus = false, threes = true;
	unsigned char sep = 0;

	if (u[p] == '+') {
		plus = true;
		p++;
	}
	while (groups < 8) {
		size_t n = 0;
		bool paren = p < len && u[p] == '(';
		if (paren)
			p++;
		while (p < len && is_digit(u[p]) && n < 5)
			p++, n++;
		if (n == 0 || n > 4 || (paren && (p >= len || u[p] != ')')))
			break;
		if (paren)
			p++;
		lens[groups++] = n;
		digits += n;
		if (p + 1 < len &&
		    (u[p] == ' ' || u[p] == '-' || u[p] == '/') &&
		    (is_digit(u[p + 1]) || u[p + 1] == '(')) {
			if (u[p] == ' ' && !sep)
				sep = ' ';
			else if (u[p] != ' ')
				sep = u[p];
			p++;
		} else {
			break;
		}
	}
	if (digits < 9 || digits > 15 ||
	    !(groups >= 3 || (plus && groups >= 2)) ||
	    !boundary_after(u, len, p) || (p < len && u[p] == ','))
		return 0;
	/* "1 414 021 100": grouped in threes by spaces. */
	if (!plus && sep == ' ' && u[i] != '0' && u[i] != '(' && lens[0] <= 3) {
		for (size_t k = 1; k < groups; k++)
			threes = threes && lens[k] == 3;
		if (threes)
			return 0;
	}
	return p;
}

/* Digits joined by dots beyond a decimal: "192.168.1.2" (an IP address
 * when four parts of at most 255), "1.2.3" (a version). Returns the end
 * (0 if fewer than three parts); *ip says which. */
static size_t dotted_at(const unsigned char *u, size_t len, size_t i, bool *ip)
{
	size_t p = i;
	int parts = 0;
	bool octets = true;

	for (;;) {
		size_t n = 0;
		unsigned v = 0;
		while (p < len && is_digit(u[p])) {
			if (n < 4)
				v = v * 10 + (u[p] - '0');
			p++, n++;
		}
		if (n == 0)
			return 0;
		if (v > 255 || n > 3)
			octets = false;
		parts++;
		if (p + 1 < len && u[p] == '.' && is_digit(u[p + 1]))
			p++;
		else
			break;
	}
	*ip = parts == 4 && octets;
	return parts >= 3 ? p : 0;
}

/* ------------------------------------------------------------------ */
/* Expressions: qualifiers, ranges, ratios. */

/* The id of the word after a gap (a line break allowed) at u[i]; *we is
 * its end. K_NONE if there is none. */
static unsigned gap_word_id(scan *s, size_t i, size_t *we)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t g = gap_at(u, len, i);
	const wentry *w;

	if (!g || i + g >= len || !is_alpha(u[i + g]))
		return K_NONE;
	w = word_at(s, i + g, we);
	return w ? w->id : K_NONE;
}

/* A qualifier phrase starting with the word w at u[i..e), followed by a
 * gap. Returns where the figure may start (0 if none) and sets *q. "c."
 * and "ca." qualify digits only. */
static size_t qualifier_at(scan *s, const wentry *w, size_t e, fc_qualifier *q)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	unsigned ids[3];
	size_t ends[3], g, lo, hi;
	int have = 1;
	char c2;

	if (w->id == K_C || w->id == K_CA) {
		if (e < len && u[e] == '.' && (g = spaces_at(u, len, e + 1)) &&
		    e + 1 + g < len && is_digit(u[e + 1 + g])) {
			*q = FC_QUAL_ABOUT;
			return e + 1 + g;
		}
		return 0;
	}
	ids[0] = w->id;
	ends[0] = e;
	g = gap_at(u, len, e);
	c2 = e + g < len ? (char)lower(u[e + g]) : 0;
	lo = 0;
	hi = fc__n_quals;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fc__quals[mid].w[0] < ids[0])
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo;
	     k < fc__n_quals && fc__quals[k].w[0] == ids[0];
	     k++) {
		int n = 1;
		bool ok = true;
		if (fc__quals[k].c2 && fc__quals[k].c2 != c2)
			continue;
		while (n < 3 && fc__quals[k].w[n])
			n++;
		for (int j = 1; j < n && ok; j++) {
			if (have <= j) {
				ids[j] =
				    ends[j - 1]
				        ? gap_word_id(s, ends[j - 1], &ends[j])
				        : K_NONE;
				if (ids[j] == K_NONE)
					ends[j] = 0;
				have = j + 1;
			}
			ok = ids[j] == fc__quals[k].w[j];
		}
		if (!ok)
			continue;
		g = gap_at(u, len, ends[n - 1]);
		if (!g || ends[n - 1] + g >= len)
			return 0;
		*q = (fc_qualifier)fc__quals[k].q;
		return ends[n - 1] + g;
	}
	return 0;
}

/* The end of a URL starting at u[i]: the next space. */
static size_t url_end(const unsigned char *u, size_t len, size_t i)
{
	while (i < len && !(cls[u[i]] & C_SPACE) && u[i] != '\n' &&
	       u[i] != '\r' && u[i] != '"' && u[i] != '<' && u[i] != '>')
		i++;
	return i;
}

/* "none" and "no" as counts of nothing: "none were killed", "none of
 * the", "no deaths were reported". Returns the end of the word if it is
 * one, else 0. */
static size_t zero_count_at(scan *s, size_t i, const wentry *w, size_t e)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t ws, we, we2;
	const wentry *n, *b;

	b = word_before(s, i, &ws, &we);
	if (w->id == K_NONEW) {
		if (b && (b->id == K_TO || b->id == K_THAN))
			return 0; /* "second to none" */
		n = next_word(s, e, &ws, &we);
		return n && ((n->flags & F_BE) || n->id == K_OF) ? e : 0;
	}
	/* "no" + a plural noun + "were", "was", "have" ... */
	if (b && b->id == K_BY)
		return 0; /* "by no means" */
	if (!spaces_at(u, len, e))
		return 0;
	ws = e + spaces_at(u, len, e);
	if (ws >= len || !is_alpha(u[ws]))
		return 0;
	we = alpha_end(u, len, ws);
	if (!plural_noun(u, ws, we) ||
	    (fc__word_lookup(u, len, ws, we) && fc__word_lookup(u, len, ws, we)->type != W_NONE))
		return 0;
	n = next_word(s, we, &ws, &we2);
	return n && (n->flags & F_BE) ? e : 0;
}

/* True when a figure read as the single word "one", "zero" or "half" is
 * no count here: "the one", "one of the", "no one", "zero tolerance",
 * "the first half". */
static bool word_is_noise(scan *s, const fig *f)
{
	const unsigned char *u = s->u;
	size_t len = s->len;
	size_t ws, we, e = f->end;
	const wentry *b, *n, *w = word_at(s, f->start, &we);

	if (!w || we != e)
		return false;
	b = word_before(s, f->start, &ws, &we);
	if (w->id == K_ONE) {
		if (b && (b->flags & F_ONEDET))
			return true;
		if (b && b->id == K_BY) {
			/* "one by one" */
			size_t ws2, we2;
			const wentry *b2 = word_before(s, ws, &ws2, &we2);
			if (b2 && b2->id == K_ONE)
				return true;
		}
		if (e < len && (u[e] == '-' || u[e] == '\'' ||
		                (u[e] == 0xE2 && e + 2 < len &&
		                 u[e + 1] == 0x80 && u[e + 2] == 0x99)))
			return true; /* "one-off", "one's" */
		n = next_word(s, e, &ws, &we);
		return n &&
		       (n->id == K_OF || n->id == K_ANOTHER || n->id == K_BY);
	}
	if (w->type == W_UNIT && w->val == 0) {
		/* "zero tolerance", "zero-sum", "ground zero" */
		if (b && b->id == K_GROUND)
			return true;
		if (e + 1 < len && u[e] == '-') {
			/* "zero-sum", but "three-nought-four" */
			n = is_alpha(u[e + 1]) ? word_at(s, e + 1, &we) : NULL;
			return !(n && n->type != W_NONE && n->type != W_ABBR);
		}
		if (!spaces_at(u, len, e))
			return false;
		ws = e + spaces_at(u, len, e);
		if (ws >= len || !is_alpha(u[ws]) || is_upper(u[ws]))
			return false;
		we = alpha_end(u, len, ws);
		n = fc__word_lookup(u, len, ws, we);
		return !(n && (n->flags & (F_FUNC | F_BE))) &&
		       !plural_noun(u, ws, we);
	}
	if (w->type == W_HALF)
		return (f->start > 0 && u[f->start - 1] == '-') ||
		       (b && (b->type == W_ORD || b->id == K_LATTER ||
		              b->id == K_OTHER));
	return false;
}

/* The scale a low end takes from the high end of a range ("1-2 million",
 * "$5-10m"), and the kind and unit it takes. Returns false when B does
 * not end a range that starts with A. */
static bool range_end(const fig *a, const fig *b, double *low)
{
	*low = a->value;
	if (b->vague ||
	    !(b->kind == a->kind ||
	      (a->kind == FC_NUM_COUNT &&
	       (b->kind == FC_NUM_PERCENT || b->kind == FC_NUM_MONEY)) ||
	      (a->kind == FC_NUM_MONEY && b->kind == FC_NUM_COUNT &&
	       !b->unit[0])))
		return false;
	if ((b->flags & FC_NUMF_SCALED) && !(a->flags & FC_NUMF_SCALED) &&
	    !(a->flags & FC_NUMF_WORDS) && a->value * b->factor <= b->value)
		*low = a->value * b->factor;
	return b->value >= *low;
}

/* Emits a reading with its qualifier (a qualifier governs quantities
 * only). Returns its end. */
/* The end of "ago", "earlier", "later" or "before" after a unit of
 * time that follows u[i] ("ten years ago", "3 days later"), or 0. */
static size_t time_back_end(scan *s, size_t i)
{
	static const char *const back[] = {"ago", "earlier", "later", "before",
					   NULL};
	size_t ws, we, g, e;
	const wentry *w = next_word(s, i, &ws, &we);

	if (!w || !(w->flags & F_TIMEU) || !(g = spaces_at(s->u, s->len, we)))
		return 0;
	e = alpha_end(s->u, s->len, we + g);
	for (int k = 0; back[k]; k++) {
		size_t n = strlen(back[k]), j = 0;
		while (j < n && e - (we + g) == n &&
		       lower(s->u[we + g + j]) == (unsigned char)back[k][j])
			j++;
		if (j == n)
			return e;
	}
	return 0;
}

static size_t emit_fig(scan *s, size_t start, const fig *f, fc_qualifier q)
{
	fc_number n;
	size_t e;

	/* "Ten years ago", "3 days later": a date, not a quantity. */
	if (f->kind == FC_NUM_COUNT && f->value > 0 &&
	    (e = time_back_end(s, f->end)))
		return emit_kind(s, f->start, e, FC_NUM_DATE, f->value);
	if (!fc_num_kind_is_quantity(f->kind)) {
		q = FC_QUAL_NONE;
		start = f->start;
	}
	make_number(s, &n, start, f, q);
	emit(s, &n);
	return f->end;
}

/* After a figure f that starts an expression at u[start] (its qualifier
 * q): a range, a ratio, "X over Y", or the figure alone. Returns where
 * the scan goes on. */
static size_t expression(scan *s, size_t start, fig *f, fc_qualifier q,
                         bool between, bool from)
{
	const unsigned char *u = s->u;
	size_t len = s->len, p, e, g, ws, we, mend;
	const wentry *w;
	fig f2;
	fc_number n;
	double low;
	int month;
	bool by_change = false;

	/* Ranges: "200-300", "200–300", "200 to 300", "between A and B",
	 * "from A to B". */
	if ((f->kind == FC_NUM_COUNT || f->kind == FC_NUM_PERCENT ||
	     f->kind == FC_NUM_MONEY) &&
	    !f->vague && (q == FC_QUAL_NONE || q == FC_QUAL_ABOUT || between)) {
		bool dash = false;
		p = 0;
		if (between) {
			w = next_word(s, f->end, &ws, &e);
			if (w && w->type == W_AND && (g = spaces_at(u, len, e)))
				p = e + g;
		} else if (f->end < len && u[f->end] == '-') {
			p = f->end + 1;
			dash = true;
		} else if (f->end + 2 < len && u[f->end] == 0xE2 &&
		           u[f->end + 1] == 0x80 &&
		           (u[f->end + 2] == 0x93 || u[f->end + 2] == 0x94)) {
			p = f->end + 3;
			dash = true;
		} else if (next_id(s, f->end, &e) == K_TO &&
		           (g = spaces_at(u, len, e))) {
			/* "rose from 9,485 to 9,770" is two figures. */
			w = word_before(s, from ? start : f->start, &ws, &we);
			if (!(w && (w->flags & F_CHANGE)))
				p = e + g;
			/* So is "rose by 241 to 10,022", the change and the
			 * level it reached, unless the first needs the
			 * second's scale or unit ("rose by 5 to 10 per
			 * cent", "by 1 to 2 million"). */
			if (p && w && w->id == K_BY && !from && ws > 0) {
				size_t bs, be;
				const wentry *v = word_before(s, ws, &bs, &be);
				by_change = v && (v->flags & F_CHANGE);
			}
		}
		if (p && p < len &&
		    (!dash || is_digit(u[p]) || u[p] == '$' || u[p] >= 0xC2)) {
			if (read_figure(s, p, &f2) && !f2.date &&
			    range_end(f, &f2, &low) &&
			    !(by_change && f2.kind == f->kind &&
			      low == f->value &&
			      !(f2.kind != FC_NUM_COUNT && !f->unit[0] &&
			        f2.unit[0]))) {
				/* "3 and 9 October", "3-9 October": dates. */
				if (f2.plain && f2.value >= 1 &&
				    f2.value <= 31 && f->plain &&
				    (g = spaces_at(u, len, f2.end)) &&
				    (mend = month_at(s, f2.end + g, &month)))
					return emit_kind(s, f->start, mend,
					                 FC_NUM_DATE, f->value);
				/* "1990-2000": years. */
				if (dash && f->plain && f->ndigits == 4 &&
				    f->value >= 1000 && f->value <= 2999 &&
				    f2.plain && f2.ndigits == 4)
					return emit_kind(s, f->start, f2.end,
					                 FC_NUM_YEAR, f->value);
				make_number(s, &n,
				            between || from ? start : f->start,
				            f, FC_QUAL_RANGE);
				if (q != FC_QUAL_NONE && !between)
					n.start = start;
				if (f2.kind != f->kind &&
				    f2.kind != FC_NUM_COUNT) {
					n.kind = f2.kind;
					if (f2.unit[0])
						memcpy(n.unit, f2.unit,
						       sizeof(n.unit));
				}
				n.value = low;
				n.value2 = f2.value;
				n.end = f2.end;
				if (f2.precision > n.precision)
					n.precision = f2.precision;
				n.flags |= f2.flags &
				           (FC_NUMF_APPROX | FC_NUMF_SCALED);
				fc_number_set_bounds(&n, s->o);
				/* Each end is rounded at its own last digit:
				 * "6.5 to 7 per cent" is [6.45, 7.5]; a low end
				 * that took the high end's scale is rounded
				 * at it ("1-2 million" is [0.5m, 2.5m]). */
				{
					double lp = 0, hp = 0;
					if (low != f->value && f->value != 0)
						lp = f->precision *
						     (low / f->value);
					else if ((f->flags & FC_NUMF_APPROX) ||
					         f2.kind == FC_NUM_PERCENT)
						lp = f->precision;
					if (f2.flags & FC_NUMF_APPROX)
						hp = f2.precision;
					n.low = low - fabs(lp) / 2;
					n.high = f2.value + fabs(hp) / 2;
				}
				emit(s, &n);
				return n.end;
			}
		}
		if (between || from)
			start = f->start; /* the figure alone */
	}
	/* Ratios: "one in five", "3 out of 4"; fractions: "one over three". */
	if (f->kind == FC_NUM_COUNT && !f->vague &&
	    f->value == floor(f->value) &&
	    !(f->flags & (FC_NUMF_SCALED | FC_NUMF_APPROX))) {
		unsigned id = next_id(s, f->end, &e);
		bool over = id == K_OVER;
		if (f->value < 0 && !over)
			id = K_NONE;
		if (id == K_OUT && next_id(s, e, &e) != K_OF)
			id = K_NONE;
		if ((id == K_IN || id == K_OUT || over) &&
		    (g = spaces_at(u, len, e)) && e + g < len &&
		    (is_digit(u[e + g]) || is_alpha(u[e + g])) &&
		    read_figure(s, e + g, &f2) && f2.kind == FC_NUM_COUNT &&
		    f2.value > 0 && f2.value == floor(f2.value) && !f2.vague &&
		    !(f2.flags & FC_NUMF_SCALED)) {
			bool ok;
			size_t ge = spaces_at(u, len, f2.end), ne;
			if (over) {
				/* "2000 over 3", not "2000 over 3 years". */
				ok = !(ge && f2.end + ge < len &&
				       is_alpha(u[f2.end + ge])) &&
				     !(f2.end < len && is_alnum(u[f2.end]));
			} else {
				ne = ge ? alpha_end(u, len, f2.end + ge) : 0;
				w = ne > f2.end + ge
				        ? fc__word_lookup(u, len, f2.end + ge, ne)
				        : NULL;
				ok = f2.value >= f->value &&
				     !(w && (w->flags & F_TIMEU)) &&
				     !(f2.plain && f2.ndigits == 4 &&
				       f2.value >= 1900 && f2.value <= 2100);
			}
			if (ok) {
				make_number(s, &n, start, f, q);
				n.kind = over ? FC_NUM_FRACTION : FC_NUM_RATIO;
				n.value = n.value2 = f->value / f2.value;
				n.precision = 0;
				n.flags &=
				    ~(FC_NUMF_APPROX | FC_NUMF_AMBIGUOUS);
				n.end = f2.end;
				fc_number_set_bounds(&n, s->o);
				emit(s, &n);
				return n.end;
			}
		}
	}
	if ((f->flags & FC_NUMF_WORDS) && q == FC_QUAL_NONE &&
	    word_is_noise(s, f))
		return f->end;
	return emit_fig(s, start, f, q);
}

/* True when digits of f run into letters that are no scale or suffix
 * ("180.25ml", "5C"): a measurement or a code, not read. */
static bool glued(const scan *s, const fig *f)
{
	return !(f->flags & FC_NUMF_WORDS) && f->end < s->len &&
	       (is_alpha(s->u[f->end]) || s->u[f->end] == '_');
}

/* Tries to read an expression starting with the word w at u[i..e).
 * Returns where the scan goes on (> i), or 0 when there is nothing. */
static size_t try_word(scan *s, size_t i, const wentry *w, size_t e)
{
	const unsigned char *u = s->u;
	size_t len = s->len, g, p, ws, we;
	fc_qualifier q = FC_QUAL_NONE;
	const wentry *b;
	fig f;

	switch (w->id) {
	case K_HTTP:
	case K_HTTPS:
	case K_FTP:
	case K_MAILTO:
		if (e < len && u[e] == ':')
			return url_end(u, len, e);
		return 0;
	case K_WWW:
		if (e + 1 < len && u[e] == '.' && is_alnum(u[e + 1]))
			return url_end(u, len, e);
		return 0;
	case K_BETWEEN:
	case K_FROM:
		if (!(g = gap_at(u, len, e)) || !read_figure(s, e + g, &f))
			return 0;
		if (f.plain && (p = classify(s, &f)))
			return p;
		if (glued(s, &f))
			return token_end(u, len, f.end);
		return expression(s, i, &f, FC_QUAL_NONE, w->id == K_BETWEEN,
		                  w->id == K_FROM);
	case K_MINUS:
	case K_NEGATIVE:
		/* "minus five", not "plus or minus 2.2 points". */
		b = word_before(s, i, &ws, &we);
		if ((b && (b->id == K_OR || b->id == K_PLUS)) ||
		    !(g = spaces_at(u, len, e)) || !read_figure(s, e + g, &f) ||
		    f.vague || !fc_num_kind_is_quantity(f.kind) || f.date)
			return 0;
		if (glued(s, &f))
			return token_end(u, len, f.end); /* "minus 5C" */
		if (f.plain) {
			/* "minus 5" is a figure even where "5" might be a
			 * list marker or a time. */
			f.plain = false;
		}
		f.value = -f.value;
		f.flags |= FC_NUMF_NEGATIVE;
		f.start = i;
		return expression(s, i, &f, FC_QUAL_NONE, false, false);
	case K_NONEW:
		if ((p = zero_count_at(s, i, w, e)))
			return emit_kind(s, i, p, FC_NUM_COUNT, 0);
		return 0;
	case K_PERCENT:
	case K_PERCENTS:
	case K_PER:
		/* "percent of 10" at the start of a clause reads 10%. */
		p = e;
		if (w->id == K_PER && next_id(s, p, &p) != K_CENT)
			return 0;
		if (!clause_start(u, i) || next_id(s, p, &p) != K_OF ||
		    !(g = spaces_at(u, len, p)) || !read_figure(s, p + g, &f) ||
		    f.kind != FC_NUM_COUNT || f.vague || f.unit[0] ||
		    glued(s, &f))
			return 0;
		f.kind = FC_NUM_PERCENT;
		if (!(f.flags & FC_NUMF_WORDS)) {
			f.flags |= FC_NUMF_APPROX;
			if (f.precision == 0)
				f.precision = 1;
		}
		f.start = i;
		return emit_fig(s, i, &f, FC_QUAL_NONE);
	default:
		break;
	}
	if (w->flags & F_QUAL) {
		if (w->id == K_NO && (p = zero_count_at(s, i, w, e)) &&
		    !qualifier_at(s, w, e, &q))
			return emit_kind(s, i, p, FC_NUM_COUNT, 0);
		if ((p = qualifier_at(s, w, e, &q))) {
			if (!read_figure(s, p, &f))
				return 0;
			if (f.date)
				return emit_kind(s, f.start, f.end, FC_NUM_DATE,
				                 f.value);
			if (f.plain && (g = classify(s, &f)))
				return g;
			if (glued(s, &f))
				return token_end(u, len, f.end);
			return expression(s, i, &f, q, false, false);
		}
		if (w->type == W_NONE)
			return 0;
	}
	if (w->type == W_NONE && !(w->flags & (F_CUR | F_TRIG)))
		return 0;
	if (w->type == W_A) {
		/* "a" reads only before a number word or "couple": most
		 * often it does not, and a glance at the next word says so. */
		size_t ws2 = e + spaces_at(u, len, e), we2;
		if (ws2 == e || ws2 >= len || !is_alpha(u[ws2]))
			return 0;
		we2 = alpha_end(u, len, ws2);
		if (!may_trigger(u, ws2, we2 - ws2) && lower(u[ws2]) != 'c')
			return 0;
	}
	if (!read_figure(s, i, &f)) {
		/* A bare ordinal word: "fifth", "twenty-first". */
		size_t oe = e;
		double v = w->val;
		if (w->type == W_TENS && oe + 1 < len && u[oe] == '-' &&
		    is_alpha(u[oe + 1])) {
			size_t e2;
			const wentry *w2 = word_at(s, oe + 1, &e2);
			if (w2 && w2->type == W_ORD && !w2->plural &&
			    w2->val < 10) {
				oe = e2;
				v += w2->val;
			}
		}
		if ((w->type == W_ORD && !w->plural) || oe > e) {
			b = word_before(s, i, &ws, &we);
			if (w->val == 2 && oe == e &&
			    ((b && (b->type != W_NONE || b->id == K_PER)) ||
			     (i > 0 &&
			      is_digit(u[i - 1 - (i > 1 && u[i - 1] == ' ')]))))
				return 0; /* "one second", "30 second" */
			return emit_kind(s, i, oe, FC_NUM_ORDINAL, v);
		}
		return f.invalid && f.end > i ? f.end : 0;
	}
	return expression(s, i, &f, FC_QUAL_NONE, false, false);
}

/* True when the dotted run u[i..e) groups thousands as the de locale
 * writes them: "1.400.000". */
static bool de_grouped(const unsigned char *u, size_t i, size_t e)
{
	size_t p = digit_end(u, e, i);

	if (p - i > 3)
		return false;
	while (p < e) {
		if (u[p] != '.' || digit_end(u, e, p + 1) != p + 4)
			return false;
		p += 4;
	}
	return true;
}

/* Tries to read an expression at u[i], which is a digit or a symbol.
 * Returns where the scan goes on (> i), or 0. */
static size_t try_symbol(scan *s, size_t i)
{
	const unsigned char *u = s->u;
	size_t len = s->len, e, g;
	unsigned char c = u[i];
	fc_qualifier q = FC_QUAL_NONE;
	size_t fs = i;
	bool ip;
	fig f;

	if ((c == '+' || c == '(' || is_digit(c)) && (e = phone_at(u, len, i)))
		return emit_kind(s, i, e, FC_NUM_PHONE, 0);
	if ((c == '-' || c == '+' || c == '.') && !boundary_before(u, i))
		return 0; /* "COVID-19", "1.2" seen from its middle */
	if (is_digit(c) && (e = dotted_at(u, len, i, &ip)) &&
	    !(s->o->locale == FC_LOCALE_DE && de_grouped(u, i, e)))
		return emit_kind(s, i, e, ip ? FC_NUM_IP : FC_NUM_VERSION, 0);
	if (c == '~') {
		/* "~300" */
		g = spaces_at(u, len, i + 1);
		q = FC_QUAL_ABOUT;
		fs = i + 1 + g;
		if (fs >= len)
			return 0;
	}
	if (c == 0xC2 || c == 0xE2) {
		/* Footnote marks in superscript: "¹", "²³". */
		size_t p = i;
		while (
		    p + 1 < len &&
		    ((u[p] == 0xC2 && (u[p + 1] == 0xB9 || u[p + 1] == 0xB2 ||
		                       u[p + 1] == 0xB3)) ||
		     (p + 2 < len && u[p] == 0xE2 && u[p + 1] == 0x81 &&
		      (u[p + 2] == 0xB0 ||
		       (u[p + 2] >= 0xB4 && u[p + 2] <= 0xB9)))))
			p += u[p] == 0xC2 ? 2 : 3;
		if (p > i)
			return i > 0 && !(cls[u[i - 1]] & C_SPACE) &&
			               u[i - 1] != '\n'
			           ? emit_kind(s, i, p, FC_NUM_FOOTNOTE, 0)
			           : p;
	}
	if (!read_figure(s, fs, &f))
		return f.invalid && f.end > i ? f.end : 0;
	if (f.date)
		return emit_kind(s, f.start, f.end, FC_NUM_DATE, f.value);
	/* "v2.1" was read from its letter; "1.30pm" is a time. */
	if (!(f.flags & FC_NUMF_WORDS) && !f.unit[0] &&
	    f.kind == FC_NUM_COUNT && f.precision == 0.01 && f.value < 13 &&
	    f.value >= 0 && ampm_at(s, f.end, &e))
		return emit_kind(s, f.start, e, FC_NUM_TIME, f.value);
	if (f.plain && (e = classify(s, &f)))
		return e;
	if (glued(s, &f))
		return token_end(u, len, f.end); /* "180.25ml" */
	return expression(s, q != FC_QUAL_NONE ? i : f.start, &f, q, false,
	                  false);
}

/* Letters with digits glued on: "G7", "A320", "B52" are identifiers,
 * "v2.1.3" a version. Emits it; returns its end. */
static size_t glued_token(scan *s, size_t i, size_t d)
{
	const unsigned char *u = s->u;
	size_t len = s->len, e = token_end(u, len, d);

	if (d == i + 1 && (u[i] == 'v' || u[i] == 'V')) {
		while (e + 1 < len && u[e] == '.' && is_digit(u[e + 1]))
			e = digit_end(u, len, e + 1);
		return emit_kind(s, i, e, FC_NUM_VERSION, 0);
	}
	return emit_kind(s, i, e, FC_NUM_IDENTIFIER, 0);
}

fc_status fc_numbers_scan(const char *text, size_t len,
                          const fc_num_options *opts, fc_number_list *list)
{
	scan s;
	fc_num_options def;
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0;

	if (!opts) {
		fc_num_options_init(&def);
		opts = &def;
	}
	if (!list || (!text && len))
		return FC_ERR_ARG;
	if (!text)
		return FC_OK;
	s.u = u;
	s.len = len;
	s.o = opts;
	s.out = list;
	s.floor = 0;
	s.rc = FC_OK;
	for (int k = 0; k < 4; k++) {
		s.cpos[k] = SIZE_MAX;
		s.cend[k] = 0;
		s.cw[k] = NULL;
	}
	while (i < len) {
		unsigned char c = u[i];
		size_t next = 0;

		if (!(cls[c] & C_START)) {
			i++;
			continue;
		}
		if (cls[c] & (C_LOWER | C_UPPER)) {
			size_t e;
			const wentry *w;
			if (i > 0 && (is_alnum(u[i - 1]) || u[i - 1] == '_')) {
				i = token_end(u, len, i);
				continue;
			}
			e = alpha_end(u, len, i);
			/* Most words start nothing: trig2 tells without a
			 * lookup. Capitals may be a currency code: "USD 5m". */
			if (may_trigger(u, i, e - i) ||
			    (is_upper(c) && e - i <= 3 && e < len &&
			     (u[e] == ' ' || u[e] == '.'))) {
				w = fc__word_lookup(u, len, i, e);
				if (w && (fc__word_is_trigger(w) || (w->flags & F_CUR)))
					next = try_word(&s, i, w, e);
			}
			if (next <= i && e < len && is_digit(u[e]))
				next = glued_token(&s, i, e);
			else if (next <= i && e < len && u[e] == '$')
				next = try_symbol(&s, i); /* "US$5m" */
			i = next > e ? next : e;
			continue;
		}
		if (is_digit(c) && i > 0 &&
		    (is_alnum(u[i - 1]) || u[i - 1] == '_' ||
		     (u[i - 1] == '.' && i > 1 && is_alnum(u[i - 2])))) {
			/* Inside a token: "A320", or "US2.5" after "US2". */
			i = token_end(u, len, i);
			continue;
		}
		if ((c == '.' || c == '-' || c == '+' || c == '~' || c == '[' ||
		     c == '(' || c == '$') &&
		    !(i + 1 < len && (is_digit(u[i + 1]) || u[i + 1] >= 0xC2 ||
		                      (c == '-' && u[i + 1] == '.') ||
		                      (c == '$' && u[i + 1] == 'U') ||
		                      (c == '~' && u[i + 1] == ' ')))) {
			i++;
			continue;
		}
		next = try_symbol(&s, i);
		if (next > i)
			i = next;
		else if (is_digit(c))
			i = token_end(u, len, i);
		else
			i++;
	}
	return s.rc;
}
