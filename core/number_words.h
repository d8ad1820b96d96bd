/*
 * number_words.h: the number engine's word tables (core/number_words.c):
 * every word that plays a part in a number, in the grammar or as
 * context, bucketed by first letter and sorted by length, and the
 * qualifier phrases. Internal to the core: the scanner (numbers.c)
 * reads them; the unit tests check them (fc__numbers_tables_ok).
 */
#ifndef FC_NUMBER_WORDS_H
#define FC_NUMBER_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define MAX_WORD 15 /* longer words are no number words */

/* Eight bytes as a little-endian integer (one load on most machines). */
static inline uint64_t le64(const char *p)
{
	const unsigned char *b = (const unsigned char *)p;

	return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
	       (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 |
	       (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 |
	       (uint64_t)b[7] << 56;
}

/* Words. One table, bucketed by first letter, says every part a word can
 * play: in a number (type, value), in the grammar (id), and as context
 * (flags). A word missing from it is skipped without a second look. */

/* The part a word plays in a number. */
enum wtype {
	W_NONE = 0,
	W_UNIT,    /* zero .. nine */
	W_TEEN,    /* ten .. nineteen */
	W_TENS,    /* twenty .. ninety */
	W_HUNDRED, /* hundred */
	W_SCALE,   /* thousand, million, lakh, crore ... */
	W_DOZEN,   /* dozen */
	W_SCORE,   /* score */
	W_ORD,     /* first .. ninetieth, hundredth, millionth: ordinals and
	              denominators; val is the cardinal */
	W_HALF,    /* half, halves: a denominator of 2 */
	W_QUARTER, /* quarter, quarters: a denominator of 4 */
	W_AND,     /* and */
	W_POINT,   /* point, in "two point five" */
	W_A,       /* a, an */
	W_ABBR,    /* k, m, bn, mln, dz ...: only after digits */
	W_DIG,     /* not a word: digits among words ("3 hundred") */
	W_COMP     /* not a word: a hyphenated compound ("twenty-six") */
};

/* Context flags. */
#define F_QUAL 0x0001u    /* may start a qualifier phrase */
#define F_TRIG 0x0002u    /* starts an expression of its own */
#define F_MONTH 0x0004u   /* a month name; aux is its number */
#define F_MONABBR 0x0008u /* an abbreviated month name */
#define F_CUR 0x0010u     /* a currency code before digits */
#define F_IDENT 0x0020u   /* names what a following figure identifies */
#define F_YEARW 0x0040u   /* may precede a year */
#define F_FUNC 0x0080u    /* a function word */
#define F_CHANGE 0x0100u  /* a verb of change: "rose from A to B" */
#define F_TIMEU 0x0200u   /* a unit of time */
#define F_ONEDET 0x0400u  /* makes a following "one" a pronoun */
#define F_BE 0x0800u      /* a form of "be" or "have" */

typedef struct wentry {
	char w[MAX_WORD + 1]; /* lower case, NUL-padded: compared whole */
	unsigned char len;    /* strlen(w) */
	unsigned char type;   /* enum wtype */
	unsigned char plural;
	unsigned char aux; /* month number */
	unsigned char id;  /* enum word_id, or K_NONE */
	unsigned flags;    /* F_* */
	double val;        /* value in a number */
} wentry;

/* K_*: words the grammar names. */
/* clang-format off */
enum word_id {
	K_NONE = 0,
	K_A, K_ABOUT, K_ABOVE, K_ALMOST, K_AM, K_AN, K_ANOTHER, K_ANY,
	K_APPROX, K_APPROXIMATELY, K_ARE, K_AROUND, K_AS, K_AT, K_BEEN,
	K_BELOW, K_BETWEEN, K_BY, K_C, K_CA, K_CENT, K_CIRCA, K_CLOSE,
	K_COUPLE, K_DOLLAR, K_DOLLARS, K_DOZ, K_EACH, K_ESTIMATED, K_EURO,
	K_EUROS, K_EVERY, K_EXCEEDING, K_EXCESS, K_FEWER, K_FROM, K_FTP,
	K_GROUND, K_HAD, K_HAS, K_HAVE, K_HTTP, K_HTTPS, K_IN, K_IS, K_JUST,
	K_LATTER, K_LEAST, K_LESS, K_MAILTO, K_MANY, K_MAXIMUM, K_MINIMUM,
	K_MINUS, K_MORE, K_MOST, K_MUCH, K_NEARLY, K_NEGATIVE, K_NO, K_NONEW,
	K_NOT, K_OF, K_ONE, K_OR, K_OTHER, K_OUT, K_OVER, K_PC, K_PCT, K_PER,
	K_PERCENT, K_PERCENTAGE, K_PERCENTS, K_PLUS, K_PM, K_POINTS, K_POUNDS,
	K_PP, K_PPT, K_PPTS, K_ROUGHLY, K_RUPEES, K_SEVERAL, K_SHEKEL,
	K_SHEKELS, K_SHY, K_SOME, K_SOMEONE, K_STERLING, K_TENS, K_THAN,
	K_THAT, K_THE, K_THIS, K_TIMES, K_TO, K_UNDER, K_UP, K_UPWARD,
	K_UPWARDS, K_US, K_WAS, K_WELL, K_WERE, K_WHICH, K_WWW, K_YEN, K_YUAN,
	K_COUNT
};
/* clang-format on */


typedef struct fc__word_bucket {
	const wentry *e;
	size_t n;
} fc__word_bucket;

/* A qualifier phrase by word ids. */
typedef struct fc__qual {
	unsigned char w[3]; /* word ids; K_NONE ends a shorter phrase */
	unsigned char q;    /* fc_qualifier */
	char c2;            /* first letter of the second word, or 0 */
} fc__qual;

/* The tables (number_words.c), constant. */
extern const fc__word_bucket fc__word_buckets[26];
extern const unsigned char fc__word_starts[26][MAX_WORD + 2];
extern const unsigned short fc__word_trig2[26][27];
/* Qualifier phrases, sorted by their first word's id (a binary search
 * finds a word's phrases); a longer phrase comes before a shorter one of
 * the same first word. */
extern const fc__qual fc__quals[];
extern const size_t fc__n_quals;

/* The letters u[i..i+n) (n <= 8, all ASCII letters, within [0, len)) in
 * lower case as a little-endian integer: eight at a time where the text
 * allows, one at a time near its end. */
static inline uint64_t fc__lower_key(const unsigned char *u, size_t len, size_t i,
                                 size_t n)
{
	uint64_t k = 0;

	if (n == 0)
		return 0;
	if (i + 8 <= len) {
		k = le64((const char *)u + i) | 0x2020202020202020ULL;
		return n < 8 ? k & ((1ULL << (8 * n)) - 1) : k;
	}
	for (size_t j = 0; j < n; j++)
		k |= (uint64_t)(u[i + j] | 0x20) << (8 * j);
	return k;
}

/* Looks up the word u[i..e) (letters only, within [0, len))
 * case-insensitively. NULL when it plays no part. Cost: the few words of
 * its first letter and length, compared eight bytes at a time. */
static inline const wentry *fc__word_lookup(const unsigned char *u, size_t len, size_t i,
                            size_t e)
{
	size_t n = e - i;
	unsigned c;
	const wentry *b;
	uint64_t k0, k1;

	if (n == 0 || n > MAX_WORD)
		return NULL;
	c = (unsigned)(u[i] | 0x20) - 'a';
	if (c >= 26 || fc__word_starts[c][n] == fc__word_starts[c][n + 1])
		return NULL;
	k0 = fc__lower_key(u, len, i, n < 8 ? n : 8);
	k1 = n > 8 ? fc__lower_key(u, len, i + 8, n - 8) : 0;
	b = fc__word_buckets[c].e;
	for (unsigned k = fc__word_starts[c][n]; k < fc__word_starts[c][n + 1]; k++)
		if (le64(b[k].w) == k0 && le64(b[k].w + 8) == k1)
			return &b[k];
	return NULL;
}

/* True when the word plays a part at the start of an expression. */
static inline bool fc__word_is_trigger(const wentry *w)
{
	return (w->type != W_NONE && w->type != W_ABBR && w->type != W_AND &&
	        w->type != W_POINT) ||
	       (w->flags & (F_QUAL | F_TRIG));
}

/*
 * Self-check of the tables, for the unit tests: see number_words.c.
 */
bool fc__numbers_tables_ok(FILE *why);

#endif
