/*
 * numbers.c: the number engine. Finds every numeric expression in news
 * copy and reads it: value, interval, qualifier, kind, precision.
 *
 * Policies (each is a decision a sub-editor would make; tests pin them):
 *
 * - A whole number written in full digits is exact: "9,770" is [9770,
 *   9770]. Trailing zeros are ambiguous ("10,000": exact, or rounded to the
 *   ten thousand?): FC_NUMF_AMBIGUOUS is set and the round policy decides;
 *   under FC_ROUND_LAST_NONZERO "10,000" is [5000, 15000].
 * - Decimals, percentages and scaled figures are rounded at their last
 *   written digit: "4.8" is [4.75, 4.85], "41%" is [40.5, 41.5], "1.4
 *   million" is [1.35m, 1.45m].
 * - Words are exact ("a dozen" is 12), except the vague plurals, which
 *   are ranges: dozens [24, 144], scores [40, 200], hundreds [200, 999],
 *   thousands [2000, 9999], tens of thousands [20000, 99999], hundreds of
 *   thousands [200000, 999999], millions [2e6, 9.99e6].
 * - Qualifiers keep strict and inclusive ends apart: "more than X" is
 *   (X, inf), "at least X" is [X, inf), "nearly X" is [X(1-w), X) with w
 *   the nearly window, "about X" is X +- max(half the unit of its last
 *   non-zero digit, X * the about window), "up to X" is [0, X], "fewer than
 *   X" is [0, X).
 * - Digits are never guessed: "9.770" is 9.77 unless the locale is de,
 *   where "." groups thousands and "," marks decimals. A malformed
 *   grouping ("1,4000") is no number at all rather than two misleading
 *   ones; so is a figure of more than 30 digits, or one that overflows a
 *   double.
 * - Numbers that are not quantities keep their kind: years ("in 2023",
 *   "2023-24"), dates ("5 November 2023", "Nov. 5"), times, ordinals,
 *   phone numbers, IP addresses, versions, identifiers ("Resolution
 *   2334", "COVID-19", "G7"), list markers and footnote marks.
 * - "from A to B" after a verb of change ("rose from 9,485 to 9,770") is
 *   two figures, not a range; elsewhere it is a range.
 *
 * Pure and re-entrant: no state survives a call, the text is read only
 * within [0, len), and nothing is allocated but the output list.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <figcheck/figcheck.h>

#define MAX_DIGITS 30

/* ------------------------------------------------------------------ */
/* Characters, locale-independent. */

static inline bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool is_alnum(unsigned char c)
{
	return is_digit(c) || is_alpha(c);
}

static inline unsigned char lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c + 32) : c;
}

/* Length of a space at t[i]: ' ', '\t', or U+00A0, U+2009, U+202F; 0 if
 * none. Line breaks are not spaces inside an expression. */
static size_t space_at(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;

	if (i >= len)
		return 0;
	if (u[i] == ' ' || u[i] == '\t')
		return 1;
	if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0)
		return 2;
	if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x89 || u[i + 2] == 0xAF))
		return 3;
	return 0;
}

/* Like space_at, but a line break counts too (qualifiers may be split
 * across lines in wrapped text). */
static size_t gap_at(const char *t, size_t len, size_t i)
{
	size_t n = space_at(t, len, i);

	if (n)
		return n;
	if (i < len && t[i] == '\n')
		return 1;
	if (i + 1 < len && t[i] == '\r' && t[i + 1] == '\n')
		return 2;
	return 0;
}

/* True when the byte before i does not continue a word or number. */
static bool boundary_before(const char *t, size_t i)
{
	unsigned char c;

	if (i == 0)
		return true;
	c = (unsigned char)t[i - 1];
	return !is_alnum(c) && c != '_';
}

/* True when t[i] does not continue a word. */
static bool boundary_after(const char *t, size_t len, size_t i)
{
	return i >= len || (!is_alnum((unsigned char)t[i]) && t[i] != '_');
}

/* Case-insensitive match of the ASCII word `w` at t[i], ending at a word
 * boundary. Returns the end, or 0. */
static size_t word_at(const char *t, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);

	if (i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char)t[i + k]) != (unsigned char)w[k])
			return 0;
	return boundary_after(t, len, i + n) ? i + n : 0;
}

/* Matches a phrase of words separated by single gaps ("more than"). */
static size_t phrase_at(const char *t, size_t len, size_t i, const char *p)
{
	char w[32];
	const char *s = p;

	while (*s) {
		size_t n = 0, e;
		while (*s && *s != ' ' && n < sizeof(w) - 1)
			w[n++] = *s++;
		w[n] = 0;
		if (!(e = word_at(t, len, i, w)))
			return 0;
		i = e;
		if (*s == ' ') {
			size_t g = gap_at(t, len, i);
			if (!g)
				return 0;
			i += g;
			s++;
		}
	}
	return i;
}

/* The end of the ASCII word at t[i]. */
static size_t word_end(const char *t, size_t len, size_t i)
{
	while (i < len && is_alpha((unsigned char)t[i]))
		i++;
	return i;
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
		w = last_nonzero_unit(v);
		if (n->precision > w && (n->flags & FC_NUMF_APPROX))
			w = n->precision;
		w /= 2;
		if (fabs(v) * opts->about_window > w)
			w = fabs(v) * opts->about_window;
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
	if (policy == FC_ROUND_LAST_NONZERO && zeros > 0)
		return pow(10, (double)zeros);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Words. */

enum wtype {
	W_NONE = 0,
	W_UNIT,    /* zero .. nine */
	W_TEEN,    /* ten .. nineteen */
	W_TENS,    /* twenty .. ninety */
	W_HUNDRED, /* hundred */
	W_SCALE,   /* thousand, million ... */
	W_DOZEN,   /* dozen */
	W_SCORE,   /* score */
	W_FRAC,    /* half, third, quarter, fifth ... (denominator) */
	W_ORD      /* first, second ... (not quantities) */
};

typedef struct nword {
	const char *w;
	unsigned char type;
	bool plural;
	double val;
} nword;

static const nword words[] = {
    {"zero", W_UNIT, 0, 0},	  {"one", W_UNIT, 0, 1},
    {"two", W_UNIT, 0, 2},	  {"three", W_UNIT, 0, 3},
    {"four", W_UNIT, 0, 4},	  {"five", W_UNIT, 0, 5},
    {"six", W_UNIT, 0, 6},	  {"seven", W_UNIT, 0, 7},
    {"eight", W_UNIT, 0, 8},	  {"nine", W_UNIT, 0, 9},
    {"ten", W_TEEN, 0, 10},	  {"eleven", W_TEEN, 0, 11},
    {"twelve", W_TEEN, 0, 12},	  {"thirteen", W_TEEN, 0, 13},
    {"fourteen", W_TEEN, 0, 14},  {"fifteen", W_TEEN, 0, 15},
    {"sixteen", W_TEEN, 0, 16},	  {"seventeen", W_TEEN, 0, 17},
    {"eighteen", W_TEEN, 0, 18},  {"nineteen", W_TEEN, 0, 19},
    {"twenty", W_TENS, 0, 20},	  {"thirty", W_TENS, 0, 30},
    {"forty", W_TENS, 0, 40},	  {"fifty", W_TENS, 0, 50},
    {"sixty", W_TENS, 0, 60},	  {"seventy", W_TENS, 0, 70},
    {"eighty", W_TENS, 0, 80},	  {"ninety", W_TENS, 0, 90},
    {"hundred", W_HUNDRED, 0, 100}, {"hundreds", W_HUNDRED, 1, 100},
    {"thousand", W_SCALE, 0, 1e3}, {"thousands", W_SCALE, 1, 1e3},
    {"million", W_SCALE, 0, 1e6}, {"millions", W_SCALE, 1, 1e6},
    {"billion", W_SCALE, 0, 1e9}, {"billions", W_SCALE, 1, 1e9},
    {"trillion", W_SCALE, 0, 1e12}, {"trillions", W_SCALE, 1, 1e12},
    {"lakh", W_SCALE, 0, 1e5},	  {"lakhs", W_SCALE, 0, 1e5},
    {"crore", W_SCALE, 0, 1e7},	  {"crores", W_SCALE, 0, 1e7},
    {"dozen", W_DOZEN, 0, 12},	  {"dozens", W_DOZEN, 1, 12},
    {"score", W_SCORE, 0, 20},	  {"scores", W_SCORE, 1, 20},
    {"half", W_FRAC, 0, 2},	  {"halves", W_FRAC, 1, 2},
    {"third", W_FRAC, 0, 3},	  {"thirds", W_FRAC, 1, 3},
    {"quarter", W_FRAC, 0, 4},	  {"quarters", W_FRAC, 1, 4},
    {"fourth", W_FRAC, 0, 4},	  {"fourths", W_FRAC, 1, 4},
    {"fifth", W_FRAC, 0, 5},	  {"fifths", W_FRAC, 1, 5},
    {"sixth", W_FRAC, 0, 6},	  {"sixths", W_FRAC, 1, 6},
    {"seventh", W_FRAC, 0, 7},	  {"sevenths", W_FRAC, 1, 7},
    {"eighth", W_FRAC, 0, 8},	  {"eighths", W_FRAC, 1, 8},
    {"ninth", W_FRAC, 0, 9},	  {"ninths", W_FRAC, 1, 9},
    {"tenth", W_FRAC, 0, 10},	  {"tenths", W_FRAC, 1, 10},
    {"first", W_ORD, 0, 1},	  {"second", W_ORD, 0, 2},
    {"twentieth", W_ORD, 0, 20},  {"thirtieth", W_ORD, 0, 30},
    {"hundredth", W_ORD, 0, 100}, {"thousandth", W_ORD, 0, 1000},
};

/* Looks up the ASCII word t[i..e) (case-insensitively). */
static const nword *lookup(const char *t, size_t i, size_t e)
{
	char w[16];
	size_t n = e - i;

	if (n < 3 || n > sizeof(w) - 1)
		return NULL;
	for (size_t k = 0; k < n; k++)
		w[k] = (char)lower((unsigned char)t[i + k]);
	w[n] = 0;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (words[k].w[0] == w[0] && strcmp(words[k].w, w) == 0)
			return &words[k];
	return NULL;
}

/* Scale words after a figure: "1.4 million", "1.4m", "$1.2bn". */
typedef struct scale_word {
	const char *w;
	double factor;
	bool attached_only; /* only directly after the digits: "1.4m" */
} scale_word;

static const scale_word scales[] = {
    {"thousand", 1e3, false}, {"million", 1e6, false},
    {"billion", 1e9, false},  {"trillion", 1e12, false},
    {"lakh", 1e5, false},     {"lakhs", 1e5, false},
    {"crore", 1e7, false},    {"crores", 1e7, false},
    {"mn", 1e6, false},	      {"bn", 1e9, false},
    {"tn", 1e12, false},      {"m", 1e6, true},
    {"k", 1e3, true},	      {"b", 1e9, true},
};

/* A scale at t[i] (after optional space); sets *factor, returns end. */
static size_t scale_at(const char *t, size_t len, size_t i, double *factor)
{
	size_t g = space_at(t, len, i);

	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++) {
		size_t e;
		if (scales[k].attached_only && g)
			continue;
		e = word_at(t, len, i + g, scales[k].w);
		if (e) {
			/* "m" of "5m tall" is metres: accept "m" only before a
			 * non-letter; word_at already checked the boundary. */
			*factor = scales[k].factor;
			return e;
		}
	}
	return 0;
}

/* Qualifier phrases, longest first within each word. */
typedef struct qual_phrase {
	const char *p;
	fc_qualifier q;
} qual_phrase;

static const qual_phrase quals[] = {
    {"more than", FC_QUAL_MORE_THAN},	{"just over", FC_QUAL_MORE_THAN},
    {"well over", FC_QUAL_MORE_THAN},	{"over", FC_QUAL_MORE_THAN},
    {"above", FC_QUAL_MORE_THAN},	{"upwards of", FC_QUAL_MORE_THAN},
    {"in excess of", FC_QUAL_MORE_THAN}, {"at least", FC_QUAL_AT_LEAST},
    {"no fewer than", FC_QUAL_AT_LEAST}, {"no less than", FC_QUAL_AT_LEAST},
    {"not less than", FC_QUAL_AT_LEAST}, {"a minimum of", FC_QUAL_AT_LEAST},
    {"nearly", FC_QUAL_NEARLY},		{"almost", FC_QUAL_NEARLY},
    {"close to", FC_QUAL_NEARLY},	{"just under", FC_QUAL_NEARLY},
    {"just shy of", FC_QUAL_NEARLY},	{"just below", FC_QUAL_NEARLY},
    {"about", FC_QUAL_ABOUT},		{"around", FC_QUAL_ABOUT},
    {"roughly", FC_QUAL_ABOUT},		{"approximately", FC_QUAL_ABOUT},
    {"some", FC_QUAL_ABOUT},		{"an estimated", FC_QUAL_ABOUT},
    {"estimated", FC_QUAL_ABOUT},	{"circa", FC_QUAL_ABOUT},
    {"approx", FC_QUAL_ABOUT},		{"up to", FC_QUAL_UP_TO},
    {"at most", FC_QUAL_UP_TO},		{"as many as", FC_QUAL_UP_TO},
    {"no more than", FC_QUAL_UP_TO},	{"not more than", FC_QUAL_UP_TO},
    {"a maximum of", FC_QUAL_UP_TO},	{"fewer than", FC_QUAL_LESS_THAN},
    {"less than", FC_QUAL_LESS_THAN},	{"under", FC_QUAL_LESS_THAN},
    {"below", FC_QUAL_LESS_THAN},
};

/* A qualifier at t[i] followed by a gap; returns where the figure may
 * start (0 if none). */
static size_t qualifier_at(const char *t, size_t len, size_t i,
			   fc_qualifier *q)
{
	unsigned char c = lower((unsigned char)t[i]);

	for (size_t k = 0; k < sizeof(quals) / sizeof(quals[0]); k++) {
		size_t e, g;
		if ((unsigned char)quals[k].p[0] != c)
			continue;
		e = phrase_at(t, len, i, quals[k].p);
		if (!e)
			continue;
		/* "c." of "circa" is matched by the word list as "circa". */
		g = gap_at(t, len, e);
		if (!g)
			continue;
		*q = quals[k].q;
		return e + g;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Figures. */

/* One figure, before context decides what it is. */
typedef struct fig {
	size_t start, end;  /* the figure, currency and scale included */
	double value;
	double value2;      /* the high end of a vague word ("hundreds") */
	double precision;
	unsigned flags;
	fc_num_kind kind;
	char unit[8];
	bool plain;         /* bare digits: no grouping, decimals, scale,
	                       sign, currency or percent */
	size_t ndigits;     /* digits of a plain figure */
	bool vague;
	bool invalid;       /* looks like a number but must not be read */
	double factor;      /* the scale applied ("million": 1e6), else 1 */
} fig;

/* Month names and abbreviations; returns the end of the name at t[i]
 * (with an abbreviation's optional '.'), or 0. */
static size_t month_at(const char *t, size_t len, size_t i, int *month)
{
	static const char *const full[] = {
	    "january", "february", "march",	"april",   "may",      "june",
	    "july",    "august",   "september", "october", "november", "december"};
	size_t e = word_end(t, len, i), n = e - i;

	if (n < 3 || n > 9 || !boundary_before(t, i))
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t fl = strlen(full[m]);
		bool ok = true;
		if (n != fl && !(n == 3 || (m == 8 && n == 4)))
			continue;
		if (n > fl)
			continue;
		for (size_t k = 0; k < n && ok; k++)
			ok = lower((unsigned char)t[i + k]) == (unsigned char)full[m][k];
		if (!ok)
			continue;
		/* "may" and "march" are words too: only with a capital. */
		if ((m == 4 || m == 2) && !is_upper((unsigned char)t[i]))
			return 0;
		*month = m + 1;
		if (n < fl && e < len && t[e] == '.')
			e++;
		return e;
	}
	return 0;
}

/* Reads digits at t[i] under the locale's grouping. Fills f; returns
 * false when there is no figure here. */
static bool read_digits(const char *t, size_t len, size_t i,
			const fc_num_options *o, fig *f)
{
	char group = o->locale == FC_LOCALE_DE ? '.' : ',';
	char dec = o->locale == FC_LOCALE_DE ? ',' : '.';
	size_t p = i, first = 0, nint = 0, nfrac = 0, zeros = 0;
	double ip = 0, fp = 0, scale = 1;
	bool grouped = false;

	while (p < len && is_digit((unsigned char)t[p])) {
		ip = ip * 10 + (t[p] - '0');
		zeros = t[p] == '0' ? zeros + 1 : 0;
		p++;
		first++;
	}
	nint = first;
	if (first == 0 && !(p < len && t[p] == dec))
		return false;
	/* Groups: exactly three digits after each separator. */
	for (;;) {
		size_t g = 0, k;
		if (p < len && t[p] == group)
			g = 1;
		else if (first && first <= 3)
			g = space_at(t, len, p);
		if (!g || first == 0)
			break;
		for (k = 0; k < 4 && p + g + k < len &&
				is_digit((unsigned char)t[p + g + k]);
		     k++)
			;
		if (k != 3) {
			/* "1,4000" is malformed; "1,2 and" ends before ','. */
			if (k == 4 && t[p] == group)
				f->invalid = true;
			break;
		}
		if (first > 3) {
			if (t[p] == group)
				f->invalid = true;
			break;
		}
		p += g;
		for (k = 0; k < 3; k++, p++) {
			ip = ip * 10 + (t[p] - '0');
			zeros = t[p] == '0' ? zeros + 1 : 0;
		}
		nint += 3;
		grouped = true;
	}
	if (f->invalid)
		return false;
	if (p + 1 < len && t[p] == dec && is_digit((unsigned char)t[p + 1])) {
		p++;
		while (p < len && is_digit((unsigned char)t[p])) {
			scale /= 10;
			fp += (t[p] - '0') * scale;
			nfrac++;
			p++;
		}
	}
	if (nint + nfrac > MAX_DIGITS || nint + nfrac == 0) {
		f->invalid = true;
		return false;
	}
	f->start = i;
	f->end = p;
	f->value = ip + fp;
	if (!isfinite(f->value)) {
		f->invalid = true;
		return false;
	}
	f->ndigits = nint;
	f->plain = !grouped && nfrac == 0;
	f->kind = FC_NUM_COUNT;
	if (nfrac) {
		f->precision = pow(10, -(double)nfrac);
		f->flags |= FC_NUMF_APPROX;
	} else if (zeros && zeros < nint) {
		f->flags |= FC_NUMF_AMBIGUOUS;
		if (o->round == FC_ROUND_LAST_NONZERO) {
			f->precision = pow(10, (double)zeros);
			f->flags |= FC_NUMF_APPROX;
		} else {
			f->precision = 1;
		}
	} else {
		f->precision = 1;
	}
	return true;
}

/* Reads a number in words at t[i]: "nine thousand seven hundred and
 * seventy", "twenty-six", "a dozen", "half a million", "tens of
 * thousands", "two-thirds". */
static bool read_words(const char *t, size_t len, size_t i, fig *f)
{
	double total = 0, cur = 0;
	size_t p = i, end = i;
	int last = W_NONE, count = 0;
	bool a = false;
	const nword *w;
	size_t e;

	/* "a"/"an" before a scale, dozen, score, half, third, couple. */
	if ((e = word_at(t, len, p, "a")) || (e = word_at(t, len, p, "an"))) {
		size_t g = space_at(t, len, e);
		if (!g)
			return false;
		if (word_at(t, len, e + g, "couple")) {
			size_t c = word_at(t, len, e + g, "couple");
			size_t g2 = space_at(t, len, c);
			if (!g2 || !word_at(t, len, c + g2, "of"))
				return false;
			f->start = i;
			f->end = c;
			f->value = 2;
			f->precision = 0;
			f->flags |= FC_NUMF_WORDS;
			f->kind = FC_NUM_COUNT;
			return true;
		}
		w = lookup(t, e + g, word_end(t, len, e + g));
		if (!w || w->plural ||
		    !(w->type == W_HUNDRED || w->type == W_SCALE ||
		      w->type == W_DOZEN || w->type == W_SCORE ||
		      w->type == W_FRAC))
			return false;
		a = true;
		p = e + g;
	}
	/* Vague plurals: "dozens", "hundreds of", "tens of thousands". */
	if (!a && (e = word_at(t, len, p, "tens"))) {
		size_t g = space_at(t, len, e), o;
		if (g && (o = word_at(t, len, e + g, "of"))) {
			size_t g2 = space_at(t, len, o);
			w = g2 ? lookup(t, o + g2, word_end(t, len, o + g2)) : NULL;
			if (w && w->plural && w->type == W_SCALE) {
				f->start = i;
				f->end = word_end(t, len, o + g2);
				f->value = 20 * w->val;
				f->value2 = 100 * w->val - 1;
				f->vague = true;
				f->flags |= FC_NUMF_WORDS;
				f->kind = FC_NUM_COUNT;
				return true;
			}
		}
		return false;
	}
	w = lookup(t, p, word_end(t, len, p));
	if (!a && w && w->plural &&
	    (w->type == W_HUNDRED || w->type == W_SCALE || w->type == W_DOZEN ||
	     w->type == W_SCORE)) {
		size_t we = word_end(t, len, p), g, o, g2;
		const nword *w2;
		f->start = i;
		f->end = we;
		f->flags |= FC_NUMF_WORDS;
		f->kind = FC_NUM_COUNT;
		f->vague = true;
		if (w->type == W_DOZEN) {
			f->value = 24;
			f->value2 = 144;
		} else if (w->type == W_SCORE) {
			/* "scores" alone is a word of sport; need "scores of". */
			g = space_at(t, len, we);
			if (!g || !word_at(t, len, we + g, "of"))
				return false;
			f->value = 40;
			f->value2 = 200;
		} else {
			f->value = 2 * w->val;
			f->value2 = 10 * w->val - 1;
			/* "hundreds of thousands" */
			g = space_at(t, len, we);
			if (g && (o = word_at(t, len, we + g, "of")) &&
			    (g2 = space_at(t, len, o)) &&
			    (w2 = lookup(t, o + g2, word_end(t, len, o + g2))) &&
			    w2->plural && w2->type == W_SCALE) {
				f->value *= w2->val;
				f->value2 = 10 * w->val * w2->val - 1;
				f->end = word_end(t, len, o + g2);
			}
		}
		return true;
	}
	/* The main loop: units, teens, tens, hundred, scales, "and". */
	for (;;) {
		size_t we = word_end(t, len, p);
		w = lookup(t, p, we);
		if (!w || w->plural || w->type == W_ORD)
			break;
		if (w->type == W_FRAC) {
			/* "half a million"; "a third"; "two-thirds" below. */
			if (count == 0 && w->val == 2 && !a) {
				size_t g = space_at(t, len, we), e2;
				if (g && ((e2 = word_at(t, len, we + g, "a")) ||
					  (e2 = word_at(t, len, we + g, "an")))) {
					size_t g2 = space_at(t, len, e2);
					const nword *s = g2 ? lookup(t, e2 + g2,
							     word_end(t, len, e2 + g2))
							    : NULL;
					if (s && !s->plural && s->type == W_SCALE) {
						f->start = i;
						f->end = word_end(t, len, e2 + g2);
						f->value = s->val / 2;
						f->precision = 0;
						f->flags |= FC_NUMF_WORDS;
						f->kind = FC_NUM_COUNT;
						return true;
					}
				}
			}
			if (count == 0 || (a && count == 0)) {
				/* "half", "a third", "a quarter" */
				f->start = i;
				f->end = we;
				f->value = 1 / w->val;
				f->precision = 0;
				f->flags |= FC_NUMF_WORDS;
				f->kind = FC_NUM_FRACTION;
				/* A bare "second"/"fourth" is no fraction. */
				return a || w->val == 2;
			}
			break;
		}
		if (w->type == W_UNIT || w->type == W_TEEN || w->type == W_TENS) {
			if (last == W_UNIT || last == W_TEEN ||
			    (last == W_TENS && w->type != W_UNIT))
				break;
			if (last == W_TENS && w->val == 0)
				break;
			cur += w->val;
		} else if (w->type == W_HUNDRED) {
			if (last == W_HUNDRED)
				break;
			cur = (cur ? cur : 1) * 100;
		} else if (w->type == W_SCALE) {
			if (last == W_SCALE && cur == 0)
				break;
			total += (cur ? cur : 1) * w->val;
			cur = 0;
		} else if (w->type == W_DOZEN || w->type == W_SCORE) {
			cur = (cur ? cur : 1) * w->val;
		} else {
			break;
		}
		last = w->type;
		count++;
		end = we;
		p = we;
		/* Hyphenated tens: "twenty-six"; fractions: "two-thirds". */
		if (p < len && t[p] == '-' && p + 1 < len &&
		    is_alpha((unsigned char)t[p + 1])) {
			const nword *n2 = lookup(t, p + 1, word_end(t, len, p + 1));
			if (n2 && n2->type == W_FRAC && n2->plural &&
			    last == W_UNIT && total == 0) {
				f->start = i;
				f->end = word_end(t, len, p + 1);
				f->value = cur / n2->val;
				f->precision = 0;
				f->flags |= FC_NUMF_WORDS;
				f->kind = FC_NUM_FRACTION;
				return true;
			}
			if (n2 && n2->type == W_UNIT && last == W_TENS) {
				p++;
				continue;
			}
			break;
		}
		{
			size_t g = space_at(t, len, p), e2;
			if (!g)
				break;
			/* "three quarters" */
			const nword *n2 = lookup(t, p + g, word_end(t, len, p + g));
			if (n2 && n2->type == W_FRAC && n2->plural &&
			    last == W_UNIT && total == 0) {
				f->start = i;
				f->end = word_end(t, len, p + g);
				f->value = cur / n2->val;
				f->precision = 0;
				f->flags |= FC_NUMF_WORDS;
				f->kind = FC_NUM_FRACTION;
				return true;
			}
			if ((e2 = word_at(t, len, p + g, "and"))) {
				size_t g2 = space_at(t, len, e2);
				const nword *n3 = g2 ? lookup(t, e2 + g2,
							 word_end(t, len, e2 + g2))
						     : NULL;
				if (n3 && !n3->plural &&
				    (n3->type == W_UNIT || n3->type == W_TEEN ||
				     n3->type == W_TENS) &&
				    (last == W_HUNDRED || last == W_SCALE)) {
					p = e2 + g2;
					continue;
				}
				break;
			}
			p += g;
		}
	}
	if (count == 0)
		return false;
	f->start = i;
	f->end = end;
	f->value = total + cur;
	f->precision = 0;
	f->flags |= FC_NUMF_WORDS;
	f->kind = FC_NUM_COUNT;
	return true;
}

/* The word that ends just before i (one gap back); sets [*ws, *we). */
static bool word_before(const char *t, size_t i, size_t *ws, size_t *we)
{
	size_t e = i, s;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n'))
		e--;
	if (e == i && i > 0)
		return false;
	if (e > 0 && t[e - 1] == '.')
		e--; /* "Nov. 5" */
	s = e;
	while (s > 0 && (is_alpha((unsigned char)t[s - 1]) || t[s - 1] == '\''))
		s--;
	if (s == e)
		return false;
	*ws = s;
	*we = e;
	return true;
}

static bool word_is(const char *t, size_t ws, size_t we, const char *const *list)
{
	for (size_t k = 0; list[k]; k++) {
		size_t n = strlen(list[k]);
		bool ok = n == we - ws;
		for (size_t j = 0; ok && j < n; j++)
			ok = lower((unsigned char)t[ws + j]) == (unsigned char)list[k][j];
		if (ok)
			return true;
	}
	return false;
}

static const char *const year_words[] = {
    "in",     "since", "by",	"of",	  "from",   "until",  "till",
    "before", "after", "during", "year",  "years",  "early",  "late",
    "mid",    "the",   "between", "and",  "to",	    "spring", "summer",
    "autumn", "fall",  "winter", "through", "circa", "fiscal", "this",
    "last",   "next",  "census", NULL};

/* Words after which a year is not a year but a count: "of 2000 people". */
static const char *const function_words[] = {
    "the",  "a",    "an",	  "and",  "or",	 "but",	 "when", "as",
    "to",   "in",   "on",	  "at",	  "for", "with", "was",	 "were",
    "is",   "has",  "had",	  "it",	  "its", "that", "which", "who",
    "after", "before", "while", "because", "of", "by", "from", "this",
    "there", "he",  "she",	  "they", "we",	 "i",	 "saw",	 "alone",
    "elections", "election", "war", "budget", NULL};

static const char *const ident_words[] = {
    "resolution", "route",   "article", "section", "chapter", "flight",
    "highway",	  "room",    "page",	"paragraph", "clause", "decree",
    "no",	  "gate",    "block",	"unit",	   "platform", "terminal",
    "channel",	  "apollo",  "boeing",	"airbus",  "level",   "grade",
    "class",	  "category", "type",	"model",   "version", "bus",
    "line",	  "pier",    "exit",	"junction", "brigade", "division",
    "battalion",  "regiment", "squadron", "corps", "amendment", "rule",
    "figure",	  "table",   "item",	"bill",	   "law",     "act",
    "number",	  "iphone",  "windows", "ps",	   "phase",   "stage",
    NULL};

static const char *const change_words[] = {
    "rose",    "risen",	  "rising",  "rise",	"fell",	   "fallen",
    "falling", "fall",	  "increased", "increase", "decreased", "decrease",
    "climbed", "jumped",  "dropped", "grew",	"grown",   "went",
    "up",      "down",	  "doubled", "surged", "soared",  "declined",
    "revised", "raised",  "cut",     "lowered", "shrank",  "swelled",
    "mounted", "changed", NULL};

static const char *const time_units[] = {
    "seconds", "second", "minutes", "minute", "hours", "hour", "days",
    "day",     "weeks",	 "week",    "months", "month", "years", "year",
    NULL};

/* A candidate start: digits, letters, currency, sign, '.', '[', '('. */
static bool candidate(unsigned char c)
{
	return is_alnum(c) || c == '$' || c == '.' || c == '-' || c == '+' ||
	       c == '[' || c == '(' || c == 0xC2 || c == 0xE2 || c == '#';
}

typedef struct scan {
	const char *t;
	size_t len;
	const fc_num_options *o;
	fc_number_list *out;
} scan;

static fc_status emit(scan *s, const fc_number *n)
{
	fc_number_list *l = s->out;

	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		fc_number *p;
		if (cap > SIZE_MAX / sizeof(fc_number))
			return FC_ERR_NOMEM;
		p = realloc(l->items, cap * sizeof(fc_number));
		if (!p)
			return FC_ERR_NOMEM;
		l->items = p;
		l->cap = cap;
	}
	l->items[l->count++] = *n;
	return FC_OK;
}

/* Currency before a figure; returns where the figure starts. */
static size_t currency_at(const char *t, size_t len, size_t i, char unit[8])
{
	const unsigned char *u = (const unsigned char *)t;

	if (i + 3 <= len && memcmp(t + i, "US$", 3) == 0) {
		strcpy(unit, "USD");
		return i + 3;
	}
	if (u[i] == '$') {
		strcpy(unit, "USD");
		return i + 1;
	}
	if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA3) {
		strcpy(unit, "GBP");
		return i + 2;
	}
	if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x82 && u[i + 2] == 0xAC) {
		strcpy(unit, "EUR");
		return i + 3;
	}
	if (i + 4 <= len && is_upper(u[i]) && boundary_before(t, i)) {
		static const char *const codes[] = {"USD", "EUR", "GBP", "ILS",
						    "JPY", "CHF", NULL};
		for (size_t k = 0; codes[k]; k++) {
			size_t g;
			if (memcmp(t + i, codes[k], 3) != 0)
				continue;
			g = space_at(t, len, i + 3);
			if (g && i + 3 + g < len &&
			    is_digit(u[i + 3 + g])) {
				strcpy(unit, codes[k]);
				return i + 3 + g;
			}
		}
	}
	return i;
}

/* Suffixes after the digits or words of a figure. */
static void read_suffix(const char *t, size_t len, const fc_num_options *o,
			fig *f)
{
	size_t q = f->end, g, e;
	double factor;

	if (q < len && t[q] == '%') {
		f->kind = FC_NUM_PERCENT;
		f->end = q + 1;
		f->plain = false;
		f->flags |= FC_NUMF_APPROX;
		return;
	}
	if (!(f->flags & FC_NUMF_WORDS) && (e = scale_at(t, len, q, &factor))) {
		f->value *= factor;
		f->precision *= factor;
		f->factor = factor;
		f->flags |= FC_NUMF_SCALED | FC_NUMF_APPROX;
		f->end = q = e;
		f->plain = false;
	}
	g = space_at(t, len, q);
	if (!g)
		return;
	if ((e = phrase_at(t, len, q + g, "percentage points")) ||
	    (e = phrase_at(t, len, q + g, "percentage point")) ||
	    (e = phrase_at(t, len, q + g, "per cent points")) ||
	    (e = phrase_at(t, len, q + g, "points")) ) {
		/* "points" alone only after a percentage context: skip it. */
		if (!word_at(t, len, q + g, "points")) {
			f->kind = FC_NUM_PERCENT_POINT;
			f->end = e;
			f->plain = false;
			f->flags |= FC_NUMF_APPROX;
			return;
		}
	}
	if ((e = phrase_at(t, len, q + g, "per cent")) ||
	    (e = phrase_at(t, len, q + g, "percent")) ||
	    (e = phrase_at(t, len, q + g, "percentage")) ||
	    (e = phrase_at(t, len, q + g, "pct"))) {
		f->kind = FC_NUM_PERCENT;
		f->end = e;
		f->plain = false;
		f->flags |= FC_NUMF_APPROX;
		return;
	}
	if ((e = phrase_at(t, len, q + g, "us dollars")) ||
	    (e = phrase_at(t, len, q + g, "dollars"))) {
		strcpy(f->unit, "USD");
		f->end = e;
	} else if ((e = phrase_at(t, len, q + g, "pounds sterling")) ||
		   (e = phrase_at(t, len, q + g, "euros"))) {
		strcpy(f->unit, t[q + g] == 'e' || t[q + g] == 'E' ? "EUR" : "GBP");
		f->end = e;
	} else if ((e = word_at(t, len, q + g, "times")) && !f->unit[0]) {
		f->kind = FC_NUM_MULTIPLE;
		f->end = e;
		f->plain = false;
	}
	(void)o;
}

/* Reads one figure at t[i] (currency, sign, digits or words, suffixes).
 * Returns false if there is none; f->invalid says the token must be
 * skipped whole. */
static bool read_figure(const char *t, size_t len, size_t i,
			const fc_num_options *o, fig *f)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t p;
	bool neg = false, sign = false;

	memset(f, 0, sizeof(*f));
	p = currency_at(t, len, i, f->unit);
	if (p < len && (u[p] == '-' || u[p] == '+') && p + 1 < len &&
	    (is_digit(u[p + 1]) || u[p + 1] == '.')) {
		neg = u[p] == '-';
		sign = true;
		p++;
	} else if (p + 3 < len && u[p] == 0xE2 && u[p + 1] == 0x88 &&
		   u[p + 2] == 0x92 && is_digit(u[p + 3])) {
		neg = sign = true;
		p += 3;
	}
	if (p < len && (is_digit(u[p]) || u[p] == '.' || u[p] == ',')) {
		if (!read_digits(t, len, p, o, f))
			return false;
	} else if (p < len && is_alpha(u[p]) && p == i) {
		if (!read_words(t, len, p, f))
			return false;
	} else if (u[p] == 0xC2 && p + 1 < len &&
		   (u[p + 1] == 0xBD || u[p + 1] == 0xBC || u[p + 1] == 0xBE)) {
		f->start = p;
		f->end = p + 2;
		f->value = u[p + 1] == 0xBD ? 0.5 : u[p + 1] == 0xBC ? 0.25 : 0.75;
		f->kind = FC_NUM_FRACTION;
		f->precision = 0;
		return true;
	} else {
		return false;
	}
	f->start = i;
	if (neg) {
		f->value = -f->value;
		f->flags |= FC_NUMF_NEGATIVE;
	}
	if (sign)
		f->plain = false;
	if (f->unit[0])
		f->plain = false;
	/* "2 1/2", "½" after digits. */
	if (f->plain && f->end + 1 < len && u[f->end] == 0xC2 &&
	    u[f->end + 1] == 0xBD) {
		f->value += 0.5;
		f->end += 2;
		f->kind = FC_NUM_FRACTION;
		f->plain = false;
		return true;
	}
	if (!(f->flags & FC_NUMF_WORDS))
		read_suffix(t, len, o, f);
	else if (f->kind == FC_NUM_COUNT && !f->vague)
		read_suffix(t, len, o, f);
	if (f->unit[0] && f->kind == FC_NUM_COUNT)
		f->kind = FC_NUM_MONEY;
	return true;
}

/* Skips a token that is no number: a word, or a run of digits and
 * attached letters. */
static size_t skip_token(const char *t, size_t len, size_t i)
{
	size_t e = i;

	while (e < len && (is_alnum((unsigned char)t[e]) || t[e] == '_'))
		e++;
	return e > i ? e : i + 1;
}

/* Fills the common fields of a reading. */
static void make_number(fc_number *n, size_t start, const fig *f,
			fc_qualifier q)
{
	memset(n, 0, sizeof(*n));
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
}

/* A reading that is not a quantity: no qualifier, exact. */
static fc_status emit_kind(scan *s, size_t start, size_t end,
			   fc_num_kind kind, double value)
{
	fc_number n;

	memset(&n, 0, sizeof(n));
	n.start = n.value_start = start;
	n.end = end;
	n.value = n.value2 = n.low = n.high = value;
	n.kind = kind;
	n.precision = 0;
	return emit(s, &n);
}

/* After a plain figure: is it a date, year, time, identifier ...? Emits
 * it and sets *end if so. */
static bool classify(scan *s, const fig *f, size_t *end, fc_status *rc)
{
	const char *t = s->t;
	size_t len = s->len, ws, we, e, g;
	const unsigned char *u = (const unsigned char *)t;
	int month;
	double v = f->value;

	/* Letters glued before: "G7", "A320", "COVID-19", "F-16". */
	if (f->start > 0 && (is_alpha(u[f->start - 1]) ||
			     (u[f->start - 1] == '-' && f->start > 1 &&
			      is_alpha(u[f->start - 2])))) {
		*end = skip_token(t, len, f->start);
		*rc = emit_kind(s, f->start, *end, FC_NUM_IDENTIFIER, v);
		return true;
	}
	/* Footnotes "[3]" and list markers "1." at the start of a line. */
	if (f->start > 0 && u[f->start - 1] == '[' && f->end < len &&
	    u[f->end] == ']') {
		*end = f->end + 1;
		*rc = emit_kind(s, f->start - 1, *end, FC_NUM_FOOTNOTE, v);
		return true;
	}
	if (f->end + 1 < len && (u[f->end] == '.' || u[f->end] == ')') &&
	    (u[f->end + 1] == ' ' || u[f->end + 1] == '\t') && f->ndigits <= 3) {
		size_t b = f->start;
		while (b > 0 && (u[b - 1] == ' ' || u[b - 1] == '\t'))
			b--;
		if (b == 0 || u[b - 1] == '\n') {
			*end = f->end + 1;
			*rc = emit_kind(s, f->start, *end, FC_NUM_LIST_MARKER, v);
			return true;
		}
	}
	/* Times: "10:30", "10am", "10.30pm". */
	if (f->end + 2 < len && u[f->end] == ':' && is_digit(u[f->end + 1]) &&
	    is_digit(u[f->end + 2]) && v < 24) {
		*end = f->end + 3;
		if ((e = word_at(t, len, *end + space_at(t, len, *end), "am")) ||
		    (e = word_at(t, len, *end + space_at(t, len, *end), "pm")))
			*end = e;
		*rc = emit_kind(s, f->start, *end, FC_NUM_TIME, v);
		return true;
	}
	if (v <= 12 && ((e = word_at(t, len, f->end + space_at(t, len, f->end),
				     "am")) ||
			(e = word_at(t, len, f->end + space_at(t, len, f->end),
				     "pm")))) {
		*end = e;
		*rc = emit_kind(s, f->start, *end, FC_NUM_TIME, v);
		return true;
	}
	/* Ordinals: "5th", "21st". */
	if (f->end + 2 <= len && f->ndigits <= 4) {
		static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
		for (size_t k = 0; sfx[k]; k++)
			if (lower(u[f->end]) == (unsigned char)sfx[k][0] &&
			    lower(u[f->end + 1]) == (unsigned char)sfx[k][1] &&
			    boundary_after(t, len, f->end + 2)) {
				*end = f->end + 2;
				*rc = emit_kind(s, f->start, *end, FC_NUM_ORDINAL, v);
				return true;
			}
	}
	/* Dates: ISO "2023-11-05", "5/11/2023". */
	if (f->ndigits == 4 && f->end + 5 < len && u[f->end] == '-' &&
	    is_digit(u[f->end + 1]) && is_digit(u[f->end + 2]) &&
	    u[f->end + 3] == '-' && is_digit(u[f->end + 4]) &&
	    is_digit(u[f->end + 5])) {
		*end = f->end + 6;
		*rc = emit_kind(s, f->start, *end, FC_NUM_DATE, v);
		return true;
	}
	if (f->ndigits <= 2 && f->end + 3 < len && u[f->end] == '/' &&
	    is_digit(u[f->end + 1])) {
		size_t p = f->end + 1, nd = 0;
		while (p < len && is_digit(u[p]))
			p++, nd++;
		if (nd <= 2 && p + 1 < len && u[p] == '/' && is_digit(u[p + 1])) {
			p++;
			while (p < len && is_digit(u[p]))
				p++;
			*end = p;
			*rc = emit_kind(s, f->start, *end, FC_NUM_DATE, v);
			return true;
		}
	}
	/* Dates with a month name: "5 November 2023", "5 NOV", "Nov. 5". */
	g = space_at(t, len, f->end);
	if (v >= 1 && v <= 31 && f->ndigits <= 2 && g &&
	    (e = month_at(t, len, f->end + g, &month))) {
		size_t g2 = space_at(t, len, e);
		*end = e;
		if (g2 && e + g2 + 4 <= len && is_digit(u[e + g2]) &&
		    is_digit(u[e + g2 + 3]) &&
		    (e + g2 + 4 == len || !is_alnum(u[e + g2 + 4])))
			*end = e + g2 + 4;
		*rc = emit_kind(s, f->start, *end, FC_NUM_DATE, v);
		return true;
	}
	if (word_before(t, f->start, &ws, &we) && month_at(t, len, ws, &month) &&
	    f->start - we <= 2 + (t[we] == '.')) {
		if (v >= 1 && v <= 31 && f->ndigits <= 2) {
			*end = f->end;
			/* ", 2023" */
			if (*end + 6 <= len && t[*end] == ',' && t[*end + 1] == ' ' &&
			    is_digit(u[*end + 2]) && is_digit(u[*end + 5]))
				*end += 6;
			*rc = emit_kind(s, ws, *end, FC_NUM_DATE, v);
			return true;
		}
		if (f->ndigits == 4) {
			*end = f->end;
			*rc = emit_kind(s, ws, *end, FC_NUM_DATE, v);
			return true;
		}
	}
	/* Years: "in 2023", "the 1990s", "2023-24". */
	if (f->ndigits == 4 && v >= 1000 && v <= 2999) {
		bool year = false;
		*end = f->end;
		if (f->end < len && u[f->end] == 's' &&
		    boundary_after(t, len, f->end + 1)) {
			*end = f->end + 1;
			year = true;
		} else if (f->end + 2 < len &&
			   (u[f->end] == '-' || u[f->end] == '/') &&
			   is_digit(u[f->end + 1]) && is_digit(u[f->end + 2]) &&
			   boundary_after(t, len, f->end + 3)) {
			*end = f->end + 3;
			year = true;
		} else if (word_before(t, f->start, &ws, &we) &&
			   word_is(t, ws, we, year_words)) {
			size_t g3 = space_at(t, len, f->end);
			size_t ne = g3 ? word_end(t, len, f->end + g3) : 0;
			year = true;
			/* "of 2000 people": a lower-case word that is not a
			 * function word makes it a count. */
			if (g3 && ne > f->end + g3 &&
			    !is_upper(u[f->end + g3]) &&
			    !word_is(t, f->end + g3, ne, function_words))
				year = false;
		}
		if (year) {
			*rc = emit_kind(s, f->start, *end, FC_NUM_YEAR, v);
			return true;
		}
	}
	/* Identifiers named by the word before: "Resolution 2334". */
	if (word_before(t, f->start, &ws, &we) && f->start - we <= 2 &&
	    word_is(t, ws, we, ident_words) && (is_upper(u[ws]) ||
					       word_is(t, ws, we, (const char *const[]){"no", NULL}))) {
		*end = f->end;
		*rc = emit_kind(s, f->start, *end, FC_NUM_IDENTIFIER, v);
		return true;
	}
	/* Digits glued to letters after: "180ml", "3D", "4x4". */
	if (f->end < len && is_alpha(u[f->end])) {
		*end = skip_token(t, len, f->end);
		*rc = FC_OK;
		return true; /* a measurement or a code: no reading */
	}
	return false;
}

/* A phone number at t[i]: "+44 20 7946 0958", "(020) 7946 0958",
 * "555-123-4567". Returns its end, or 0. */
static size_t phone_at(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t p = i, digits = 0, groups = 0;
	bool plus = false;

	if (u[p] == '+') {
		plus = true;
		p++;
	}
	for (;;) {
		size_t n = 0;
		bool paren = p < len && u[p] == '(';
		if (paren)
			p++;
		while (p < len && is_digit(u[p]))
			p++, n++;
		if (n == 0 || n > 4 || (paren && (p >= len || u[p] != ')')))
			break;
		if (paren)
			p++;
		digits += n;
		groups++;
		if (p + 1 < len && (u[p] == ' ' || u[p] == '-') && (is_digit(u[p + 1]) ||
								  u[p + 1] == '('))
			p++;
		else
			break;
	}
	if (digits >= 9 && digits <= 15 && (groups >= 3 || (plus && groups >= 2)) &&
	    boundary_after(t, len, p) && (p >= len || u[p] != ','))
		return p;
	return 0;
}

/* Digits joined by dots beyond a decimal: "192.168.1.2", "1.2.3". */
static size_t dotted_at(const char *t, size_t len, size_t i, int *parts,
			bool *octets)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t p = i;

	*parts = 0;
	*octets = true;
	for (;;) {
		int v = 0, n = 0;
		while (p < len && is_digit(u[p])) {
			if (v < 1000)
				v = v * 10 + (u[p] - '0');
			p++, n++;
		}
		if (n == 0)
			return 0;
		if (v > 255 || n > 3)
			*octets = false;
		(*parts)++;
		if (p + 1 < len && u[p] == '.' && is_digit(u[p + 1]))
			p++;
		else
			break;
	}
	return *parts >= 3 ? p : 0;
}

/* Tries to read a numeric expression at t[i]. Returns where scanning
 * goes on (> i), or 0 when there is nothing here. */
static size_t try_at(scan *s, size_t i, fc_status *rc)
{
	const char *t = s->t;
	size_t len = s->len, fstart = i, start = i, e, g, ws, we;
	const unsigned char *u = (const unsigned char *)t;
	fc_qualifier q = FC_QUAL_NONE;
	bool between = false, from = false;
	fig f, f2;
	fc_number n;
	int parts;
	bool octets;

	*rc = FC_OK;
	if (is_alpha(u[i])) {
		if ((e = word_at(t, len, i, "between")) && (g = gap_at(t, len, e))) {
			between = true;
			fstart = e + g;
		} else if ((e = word_at(t, len, i, "from")) &&
			   (g = gap_at(t, len, e))) {
			from = true;
			fstart = e + g;
		} else if ((e = qualifier_at(t, len, i, &q))) {
			fstart = e;
		}
		/* A qualifier must govern a figure right after it. */
		if (fstart != i &&
		    (!read_figure(t, len, fstart, s->o, &f) || f.invalid))
			return 0;
	}
	if (fstart == i) {
		if (u[i] == '+' || u[i] == '(' || is_digit(u[i])) {
			if ((e = phone_at(t, len, i))) {
				*rc = emit_kind(s, i, e, FC_NUM_PHONE, 0);
				return e;
			}
		}
		if ((u[i] == '-' || u[i] == '+') && !boundary_before(t, i))
			return 0; /* "COVID-19": not a sign */
		if (!read_figure(t, len, i, s->o, &f)) {
			if (f.invalid) {
				/* Skip the whole malformed run: "1,4000". */
				e = i;
				while (e < len && (is_alnum(u[e]) || u[e] == ',' ||
						   u[e] == '.' || u[e] == '-' ||
						   u[e] == '+' || u[e] == '$'))
					e++;
				return e > i ? e : i + 1;
			}
			return 0;
		}
	}
	/* Dotted runs: an IP address or a version, never a quantity. */
	if (!(f.flags & FC_NUMF_WORDS) && f.end < len && u[f.end] == '.' &&
	    (e = dotted_at(t, len, f.start, &parts, &octets))) {
		*rc = emit_kind(s, f.start, e,
				parts == 4 && octets ? FC_NUM_IP : FC_NUM_VERSION,
				0);
		return e;
	}
	if (f.start > 0 && (u[f.start - 1] == 'v' || u[f.start - 1] == 'V') &&
	    (f.start < 2 || !is_alpha(u[f.start - 2])) &&
	    !(f.flags & FC_NUMF_WORDS) && (f.flags & FC_NUMF_APPROX)) {
		*rc = emit_kind(s, f.start - 1, f.end, FC_NUM_VERSION, 0);
		return f.end;
	}
	if (f.plain && !(f.flags & FC_NUMF_WORDS)) {
		if (classify(s, &f, &e, rc))
			return e;
	}
	start = q != FC_QUAL_NONE ? i : f.start;
	/* Ranges: "200-300", "200–300", "200 to 300", "between A and B". */
	if (fc_num_kind_is_quantity(f.kind) && !f.vague &&
	    (f.kind == FC_NUM_COUNT || f.kind == FC_NUM_PERCENT ||
	     f.kind == FC_NUM_MONEY) &&
	    (q == FC_QUAL_NONE || between)) {
		size_t p = f.end, ge = 0;
		bool dash = false;
		if (between) {
			g = space_at(t, len, p);
			if (g && (e = word_at(t, len, p + g, "and")) &&
			    (ge = space_at(t, len, e)))
				p = e + ge;
			else
				p = 0;
		} else if (p < len && (u[p] == '-' ||
				       (p + 2 < len && u[p] == 0xE2 && u[p + 1] == 0x80 &&
					(u[p + 2] == 0x93 || u[p + 2] == 0x94)))) {
			p += u[p] == '-' ? 1 : 3;
			dash = true;
		} else if ((g = space_at(t, len, p)) &&
			   (e = word_at(t, len, p + g, "to")) &&
			   (ge = space_at(t, len, e))) {
			bool change = false;
			size_t at = from ? i : f.start;
			if (word_before(t, at, &ws, &we) &&
			    word_is(t, ws, we, change_words))
				change = true;
			p = change ? 0 : e + ge;
		} else {
			p = 0;
		}
		if (p && p < len && read_figure(t, len, p, s->o, &f2) &&
		    (!dash || !(f2.flags & FC_NUMF_WORDS)) &&
		    (f2.kind == f.kind || (f.kind == FC_NUM_COUNT &&
					  (f2.kind == FC_NUM_PERCENT ||
					   f2.kind == FC_NUM_MONEY))) &&
		    f2.value >= f.value && !f2.vague) {
			/* "2023-24" is a span of years, "1-2 million" shares the
			 * scale, "40-50%" the percent sign. */
			if (f.plain && f.ndigits == 4 && f.value >= 1000 &&
			    f.value <= 2999 && dash) {
				*rc = emit_kind(s, f.start, f2.end, FC_NUM_YEAR,
						f.value);
				return f2.end;
			}
			make_number(&n, between || from ? i : start, &f,
				    FC_QUAL_RANGE);
			if (f2.kind != f.kind) {
				n.kind = f2.kind;
				memcpy(n.unit, f2.unit, sizeof(n.unit));
			}
			/* "1-2 million": the high end's scale. */
			if ((f2.flags & FC_NUMF_SCALED) &&
			    !(f.flags & FC_NUMF_SCALED) &&
			    f.value * f2.factor <= f2.value)
				n.value *= f2.factor;
			n.value2 = f2.value;
			n.end = f2.end;
			if (f2.precision > n.precision)
				n.precision = f2.precision;
			n.flags |= f2.flags & (FC_NUMF_APPROX | FC_NUMF_SCALED);
			fc_number_set_bounds(&n, s->o);
			*rc = emit(s, &n);
			return n.end;
		}
		if (between || from) {
			/* "between" or "from" without a second figure: the
			 * figure alone. */
			start = f.start;
		}
	}
	if (between && q == FC_QUAL_NONE)
		start = f.start;
	/* Ratios: "one in five", "3 out of 4". */
	if ((f.kind == FC_NUM_COUNT) && !f.vague && f.value == floor(f.value) &&
	    f.value >= 0 && !f.unit[0]) {
		size_t p = f.end;
		g = space_at(t, len, p);
		if (g && ((e = word_at(t, len, p + g, "in")) ||
			  (e = phrase_at(t, len, p + g, "out of")))) {
			size_t g2 = space_at(t, len, e);
			if (g2 && read_figure(t, len, e + g2, s->o, &f2) &&
			    f2.kind == FC_NUM_COUNT && f2.value > 0 &&
			    f2.value >= f.value && f2.value == floor(f2.value) &&
			    !f2.vague) {
				size_t g3 = space_at(t, len, f2.end);
				size_t ne = g3 ? word_end(t, len, f2.end + g3) : 0;
				if (!(g3 && ne > f2.end + g3 &&
				      word_is(t, f2.end + g3, ne, time_units)) &&
				    !(f2.plain && f2.ndigits == 4 &&
				      f2.value >= 1900 && f2.value <= 2100)) {
					make_number(&n, start, &f, q);
					n.kind = FC_NUM_RATIO;
					n.value = n.value2 = f.value / f2.value;
					n.precision = 0;
					n.flags &= ~FC_NUMF_APPROX;
					n.end = f2.end;
					fc_number_set_bounds(&n, s->o);
					*rc = emit(s, &n);
					return n.end;
				}
			}
		}
	}
	/* A qualifier governs quantities only. */
	make_number(&n, start, &f, fc_num_kind_is_quantity(f.kind) ? q : FC_QUAL_NONE);
	if (!fc_num_kind_is_quantity(f.kind))
		n.start = f.start;
	fc_number_set_bounds(&n, s->o);
	*rc = emit(s, &n);
	return n.end > i ? n.end : i + 1;
}

fc_status fc_numbers_scan(const char *text, size_t len,
			  const fc_num_options *opts, fc_number_list *list)
{
	scan s;
	fc_num_options def;
	size_t i = 0;

	if (!opts) {
		fc_num_options_init(&def);
		opts = &def;
	}
	s.t = text;
	s.len = len;
	s.o = opts;
	s.out = list;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		size_t next;
		fc_status rc;

		if (!candidate(c)) {
			i++;
			continue;
		}
		if (is_alpha(c) && !boundary_before(text, i)) {
			i = skip_token(text, len, i);
			continue;
		}
		if (is_digit(c) && i > 0 && is_digit((unsigned char)text[i - 1])) {
			i = skip_token(text, len, i);
			continue;
		}
		next = try_at(&s, i, &rc);
		if (rc != FC_OK)
			return rc;
		if (next > i) {
			i = next;
		} else if (is_alpha(c)) {
			/* Letters with digits glued on: "G7", "A320", "v2.1". */
			size_t e = i, d;
			while (e < len && is_alpha((unsigned char)text[e]))
				e++;
			d = e;
			while (e < len && is_alnum((unsigned char)text[e]))
				e++;
			if (d < e && d < len && is_digit((unsigned char)text[d])) {
				fc_num_kind k = FC_NUM_IDENTIFIER;
				if (d == i + 1 && (c == 'v' || c == 'V')) {
					k = FC_NUM_VERSION;
					while (e + 1 < len && text[e] == '.' &&
					       is_digit((unsigned char)text[e + 1])) {
						e++;
						while (e < len &&
						       is_digit((unsigned char)text[e]))
							e++;
					}
				}
				if ((rc = emit_kind(&s, i, e, k, 0)) != FC_OK)
					return rc;
			}
			i = e;
		} else if (is_digit(c)) {
			i = skip_token(text, len, i);
		} else {
			i++;
		}
	}
	return FC_OK;
}
