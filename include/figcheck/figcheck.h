/*
 * figcheck.h: types and functions of libfigcheck shared by the core, the
 * command line and plugins.
 *
 * Ownership, the one rule: a function that returns a pointer through an
 * argument named `out` hands the caller ownership, and the comment above it
 * names the function that frees it. Every other pointer a function returns
 * or takes is borrowed: it stays owned by whoever passed it in and must not
 * be freed by the receiver. Strings are UTF-8 and NUL-terminated unless a
 * length is given beside them.
 *
 * Thread safety: every function here is safe to call from several threads
 * at once on different objects. Objects documented as "read-only after
 * loading" (an engine after fc_engine_load) may be shared between threads.
 */
#ifndef FIGCHECK_FIGCHECK_H
#define FIGCHECK_FIGCHECK_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define FC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define FC_PRINTF(f, a)
#endif

/* ------------------------------------------------------------------ */
/* Status codes. New codes are added last; existing ones never change. */

typedef enum fc_status {
	FC_OK = 0,
	FC_ERR = -1,          /* unspecified failure; the message says more */
	FC_ERR_NOMEM = -2,    /* an allocation failed */
	FC_ERR_ARG = -3,      /* a caller passed an invalid argument */
	FC_ERR_IO = -4,       /* reading or writing a file failed */
	FC_ERR_PARSE = -5,    /* input could not be parsed */
	FC_ERR_CONFIG = -6,   /* configuration is invalid */
	FC_ERR_PLUGIN = -7,   /* a plugin could not be loaded or misbehaved */
	FC_ERR_FETCH = -8,    /* a reference source could not be fetched */
	FC_ERR_LIMIT = -9,    /* a size or count limit was exceeded */
	FC_ERR_INPUT = -10,   /* a document is not usable (binary, bad UTF-8) */
	FC_ERR_NOTFOUND = -11 /* a named thing does not exist */
} fc_status;

/* Returns a static English description of `status`. Never NULL. */
/* ASCII character classes, one definition for the core and the plugins
 * (bytes of multi-byte UTF-8 characters are in none of them). */
static inline bool fc_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool fc_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool fc_is_alpha(char c)
{
	return fc_is_upper(c) || (c >= 'a' && c <= 'z');
}

static inline bool fc_is_alnum(char c)
{
	return fc_is_alpha(c) || fc_is_digit(c);
}

/* A space or a tab. */
static inline bool fc_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* White space: blanks, line breaks, form feeds, vertical tabs. */
static inline bool fc_is_space(char c)
{
	return fc_is_blank(c) || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ASCII punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ */
static inline bool fc_is_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static inline char fc_to_lower(char c)
{
	return fc_is_upper(c) ? (char)(c + ('a' - 'A')) : c;
}

static inline const char *fc_strerror(fc_status status)
{
	switch (status) {
	case FC_OK: return "success";
	case FC_ERR: return "failure";
	case FC_ERR_NOMEM: return "out of memory";
	case FC_ERR_ARG: return "invalid argument";
	case FC_ERR_IO: return "input/output error";
	case FC_ERR_PARSE: return "parse error";
	case FC_ERR_CONFIG: return "configuration error";
	case FC_ERR_PLUGIN: return "plugin error";
	case FC_ERR_FETCH: return "fetch error";
	case FC_ERR_LIMIT: return "limit exceeded";
	case FC_ERR_INPUT: return "unusable input";
	case FC_ERR_NOTFOUND: return "not found";
	}
	return "unknown status";
}

/*
 * An error message with its status. Functions that can fail take an
 * `fc_error *` (which may be NULL) and fill it on failure; the message is
 * one line naming the place and, where it can, what to do.
 */
typedef struct fc_error {
	fc_status code;
	char msg[1024];
} fc_error;

/* Sets `err` (if not NULL) to `code` and the formatted message; returns
 * `code` so that callers can `return fc_error_set(...)`. */
fc_status fc_error_set(fc_error *err, fc_status code, const char *fmt, ...)
    FC_PRINTF(3, 4);
fc_status fc_error_setv(fc_error *err, fc_status code, const char *fmt,
			va_list ap) FC_PRINTF(3, 0);
/* Prefixes the message already in `err` with the formatted text. */
void fc_error_prefix(fc_error *err, const char *fmt, ...) FC_PRINTF(2, 3);
/* Clears `err` to FC_OK and an empty message. */
void fc_error_clear(fc_error *err);

/* The library's version, "MAJOR.MINOR.PATCH". Static. */
const char *fc_version(void);

/* ------------------------------------------------------------------ */
/* Dates: days since 1970-01-01 in the proleptic Gregorian calendar. */

typedef int32_t fc_date;
#define FC_DATE_NONE INT32_MIN

/* Builds a date from a calendar day; FC_DATE_NONE when the day does not
 * exist (30 February) or the year is outside 1..9999. Pure. */
static inline fc_date fc_date_from_ymd(int year, int month, int day)
{
	static const unsigned char mdays[12] = {31, 28, 31, 30, 31, 30,
						31, 31, 30, 31, 30, 31};
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return FC_DATE_NONE;
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (day > mdays[month - 1] + (month == 2 ? leap : 0))
		return FC_DATE_NONE;
	/* Howard Hinnant's days_from_civil. */
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153u * (unsigned)(month + (month > 2 ? -3 : 9)) + 2) / 5 +
		       (unsigned)day - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (fc_date)(era * 146097 + (int)doe - 719468);
}

/* Splits `date` into year, month (1-12) and day (1-31). Pure. */
static inline void fc_date_to_ymd(fc_date date, int *year, int *month,
				  int *day)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	*year = y + (m <= 2);
	*month = (int)m;
	*day = (int)d;
}

/* Parses exactly "YYYY-MM-DD" from `len` bytes of `s`; FC_DATE_NONE on any
 * other input. Pure. */
static inline fc_date fc_date_parse_iso(const char *s, size_t len)
{
	int v[3] = {0, 0, 0};
	static const int width[3] = {4, 2, 2};
	size_t i = 0;
	if (len != 10)
		return FC_DATE_NONE;
	for (int f = 0; f < 3; f++) {
		for (int k = 0; k < width[f]; k++, i++) {
			if (s[i] < '0' || s[i] > '9')
				return FC_DATE_NONE;
			v[f] = v[f] * 10 + (s[i] - '0');
		}
		if (f < 2 && s[i++] != '-')
			return FC_DATE_NONE;
	}
	return fc_date_from_ymd(v[0], v[1], v[2]);
}

/* Writes "YYYY-MM-DD" and a NUL into `buf` (11 bytes); returns `buf`.
 * Writes "-" for FC_DATE_NONE or a date outside years 1..9999. */
static inline char *fc_date_format(fc_date date, char buf[11])
{
	int y, m, d;
	if (date == FC_DATE_NONE || date < -719162 || date > 2932896) {
		buf[0] = '-';
		buf[1] = 0;
		return buf;
	}
	fc_date_to_ymd(date, &y, &m, &d);
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = 0;
	return buf;
}

/* Today's date in UTC. */
fc_date fc_date_today(void);

/*
 * What a dated figure covers: a day (the default), a month or a year. A
 * figure of a month or a year is dated at the last day of its period
 * (the population of 2023 on 2023-12-31) and stays in force until the
 * next record.
 */
typedef enum fc_period {
	FC_PERIOD_DAY = 0,
	FC_PERIOD_MONTH = 1,
	FC_PERIOD_YEAR = 2
} fc_period;
#define FC_PERIOD_COUNT 3

/* "day", "month" or "year". Static. */
static inline const char *fc_period_name(fc_period p)
{
	return p == FC_PERIOD_YEAR ? "year" : p == FC_PERIOD_MONTH ? "month" : "day";
}

/* The last day of the period of kind `p` that holds `date` (`date` itself
 * for a day); FC_DATE_NONE for FC_DATE_NONE or a year outside 1..9999.
 * Pure. */
static inline fc_date fc_period_end(fc_date date, fc_period p)
{
	int y, m, d;
	if (date == FC_DATE_NONE || date < -719162 || date > 2932896)
		return FC_DATE_NONE;
	if (p == FC_PERIOD_DAY)
		return date;
	fc_date_to_ymd(date, &y, &m, &d);
	if (p == FC_PERIOD_YEAR)
		return fc_date_from_ymd(y, 12, 31);
	return m == 12 ? fc_date_from_ymd(y, 12, 31)
		       : fc_date_from_ymd(y, m + 1, 1) - 1;
}

/* The last day of the period after the one of kind `p` that ends on or
 * holds `date` (the next day, for a day): when the next figure is due.
 * FC_DATE_NONE past the year 9999. Pure. */
static inline fc_date fc_period_next_end(fc_date date, fc_period p)
{
	fc_date end = fc_period_end(date, p);
	return end == FC_DATE_NONE ? end : fc_period_end(end + 1, p);
}

/* Writes the period of kind `p` that holds `date` as ISO 8601 does: "2023",
 * "2023-11" or "2023-11-05", and a NUL, into `buf` (11 bytes); "-" for no
 * date. Returns `buf`. */
static inline char *fc_period_format(fc_date date, fc_period p, char buf[11])
{
	fc_date_format(date, buf);
	if (buf[0] != '-')
		buf[p == FC_PERIOD_YEAR ? 4 : p == FC_PERIOD_MONTH ? 7 : 10] = 0;
	return buf;
}

/* ------------------------------------------------------------------ */
/* The number engine. */

/*
 * How a figure is qualified. The families keep strict and inclusive ends
 * apart: "more than 30" excludes 30, "at least 30" includes it.
 */
typedef enum fc_qualifier {
	FC_QUAL_NONE = 0,  /* the figure as written */
	FC_QUAL_MORE_THAN, /* more than, over, above, upwards of: (X, inf) */
	FC_QUAL_AT_LEAST,  /* at least, no fewer than, a minimum of: [X, inf) */
	FC_QUAL_NEARLY,    /* nearly, almost, close to, just under: [X-w, X) */
	FC_QUAL_ABOUT,     /* about, around, roughly, some, an estimated */
	FC_QUAL_UP_TO,     /* up to, at most, as many as, no more than: [0, X] */
	FC_QUAL_LESS_THAN, /* fewer than, less than, under, below: [0, X) */
	FC_QUAL_RANGE,     /* between A and B, A-B, from A to B: [A, B] */
	FC_QUAL_VAGUE      /* dozens, hundreds of, tens of thousands */
} fc_qualifier;

/* Short stable names of the qualifier families, indexed by fc_qualifier. */
#define FC_QUALIFIER_NAMES                                                     \
	{"none", "more_than", "at_least", "nearly", "about",                   \
	 "up_to", "less_than", "range", "vague"}
#define FC_QUALIFIER_COUNT 9

/* Short stable name of a qualifier family ("more_than"). Static. */
static inline const char *fc_qualifier_name(fc_qualifier q)
{
	static const char *const names[] = FC_QUALIFIER_NAMES;
	return (unsigned)q < FC_QUALIFIER_COUNT ? names[q] : "none";
}

/*
 * Values as figcheck prints them, one way for the core and the plugins:
 * integers without a fraction and with thousands separators when `group`
 * is set ("9,770"), other values with up to `decimals` digits and no
 * trailing zeros ("16.67"), "inf" and "-inf" for infinities, "NaN" for
 * what is not a number. Writes at most `size` bytes with the NUL;
 * returns buf.
 */
static inline char *fc_format_value(double v, bool group, int decimals,
				    char *buf, size_t size)
{
	char tmp[64];

	if (size == 0)
		return buf;
	if (isnan(v)) {
		snprintf(buf, size, "NaN");
		return buf;
	}
	if (isinf(v)) {
		snprintf(buf, size, v > 0 ? "inf" : "-inf");
		return buf;
	}
	if (fabs(v) < 1e15 && v == floor(v)) {
		long long n = (long long)v;
		unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n
					     : (unsigned long long)n;
		char digits[32];
		int nd = snprintf(digits, sizeof(digits), "%llu", u);
		size_t o = 0;

		if (n < 0)
			tmp[o++] = '-';
		for (int i = 0; i < nd; i++) {
			tmp[o++] = digits[i];
			if (group && (nd - i - 1) % 3 == 0 && i < nd - 1)
				tmp[o++] = ',';
		}
		tmp[o] = 0;
	} else {
		snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
		if (strchr(tmp, '.')) {
			char *e = tmp + strlen(tmp) - 1;
			while (*e == '0')
				*e-- = 0;
			if (*e == '.')
				*e = 0;
		}
		if (strchr(tmp, 'e') == NULL && fabs(v) >= 1e15)
			snprintf(tmp, sizeof(tmp), "%.6g", v);
	}
	snprintf(buf, size, "%s", tmp);
	return buf;
}

/* As fc_format_value, grouped, but with exactly `decimals` digits after
 * the point when the value has a fraction ("41.0" of a share computed):
 * a figure that says how precise it is. */
static inline char *fc_format_fixed(double v, int decimals, char *buf,
				    size_t size)
{
	char tmp[64], *dot;
	size_t o = 0, int_len, start = 0, n;

	if (size == 0 || !isfinite(v) || fabs(v) >= 1e15)
		return fc_format_value(v, true, decimals, buf, size);
	if (decimals == 0 || fabs(v - round(v)) < 1e-9)
		snprintf(tmp, sizeof(tmp), "%.0f", v);
	else
		snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	n = strlen(tmp);
	if (tmp[0] == '-' && o + 1 < size) {
		buf[o++] = '-';
		start = 1;
	}
	dot = strchr(tmp + start, '.');
	int_len = dot ? (size_t)(dot - (tmp + start)) : n - start;
	for (size_t i = 0; i < int_len && o + 2 < size; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[start + i];
	}
	for (size_t i = start + int_len; i < n && o + 1 < size; i++)
		buf[o++] = tmp[i];
	buf[o] = 0;
	return buf;
}

/* A figure with its qualifier, as a reader would say it: "more than
 * 1,400", "about 1,200", "fewer than 50", "200 to 300" (a range, or a
 * vague figure that spans one), values to 2 decimals. Returns buf. */
static inline char *fc_describe_value(fc_qualifier q, double value,
				      double value2, char *buf, size_t size)
{
	static const char *const pre[] = {"",	      "more than ", "at least ",
					  "nearly ", "about ",	   "up to ",
					  "fewer than "};
	char a[40], b[40];

	fc_format_value(value, true, 2, a, sizeof(a));
	if (q == FC_QUAL_RANGE || (q == FC_QUAL_VAGUE && value2 != value)) {
		fc_format_value(value2, true, 2, b, sizeof(b));
		snprintf(buf, size, "%.39s to %.39s", a, b);
	} else {
		snprintf(buf, size, "%s%.39s",
			 (unsigned)q < sizeof(pre) / sizeof(pre[0]) ? pre[q] : "",
			 a);
	}
	return buf;
}

/* What a numeric expression is. Kinds from FC_NUM_YEAR on are numbers that
 * are not quantities and are never verified as counts. */
typedef enum fc_num_kind {
	FC_NUM_COUNT = 0,     /* a plain quantity: 9,770, 1.4 million */
	FC_NUM_PERCENT,       /* 40%, 40 per cent; value is 40 */
	FC_NUM_PERCENT_POINT, /* 3 percentage points; value is 3 */
	FC_NUM_MONEY,         /* $1.2bn; value in units, currency in `unit` */
	FC_NUM_FRACTION,      /* half, two-thirds, 1/2; value is 0.5 */
	FC_NUM_RATIO,         /* one in five, 3 out of 4; value is 0.2 */
	FC_NUM_MULTIPLE,      /* 1.5 times; value is 1.5 */
	FC_NUM_YEAR,          /* in 2023, 2023-24 */
	FC_NUM_DATE,          /* 5 NOV, Nov. 5, 2023-11-05 */
	FC_NUM_TIME,          /* 10:30 */
	FC_NUM_ORDINAL,       /* 5th, fifth */
	FC_NUM_PHONE,         /* +44 20 7946 0958 */
	FC_NUM_IP,            /* 192.168.1.2 */
	FC_NUM_VERSION,       /* v2.1.3 */
	FC_NUM_IDENTIFIER,    /* Resolution 2334, Route 66, COVID-19, F-16 */
	FC_NUM_LIST_MARKER,   /* "1." at the start of a list item */
	FC_NUM_FOOTNOTE       /* a footnote mark */
} fc_num_kind;

#define FC_NUM_KIND_COUNT 17

/* Short stable name of a kind ("count", "percent"). Static. */
static inline const char *fc_num_kind_name(fc_num_kind kind)
{
	static const char *const names[FC_NUM_KIND_COUNT] = {
	    "count", "percent", "percent_point", "money", "fraction",
	    "ratio", "multiple", "year", "date", "time", "ordinal", "phone",
	    "ip", "version", "identifier", "list_marker", "footnote"};
	return (unsigned)kind < FC_NUM_KIND_COUNT ? names[kind] : "count";
}

/* True for kinds that are quantities a checker may verify. */
static inline bool fc_num_kind_is_quantity(fc_num_kind kind)
{
	return kind < FC_NUM_YEAR;
}

/* Flags on a reading. */
#define FC_NUMF_WORDS 0x01u     /* written in words ("twenty-six") */
#define FC_NUMF_SCALED 0x02u    /* carries a scale ("1.4 million") */
#define FC_NUMF_AMBIGUOUS 0x04u /* trailing zeros: exact or rounded? */
#define FC_NUMF_NEGATIVE 0x08u  /* written with a minus sign */
#define FC_NUMF_APPROX 0x10u    /* precision implies rounding */

/*
 * One numeric expression and its reading. Offsets are bytes into the text
 * that was scanned; `end` is exclusive. Bounds are the interval the words
 * allow: "more than 1,400" is (1400, +inf); "1.4 million" is
 * [1350000, 1450000]; "9,770" is [9770, 9770]. Unbounded ends are
 * +-INFINITY with the open flag set.
 */
typedef struct fc_number {
	size_t start, end;       /* whole expression, qualifier included */
	size_t value_start;      /* where the figure itself starts */
	double value;            /* the figure as written (low end of a range) */
	double value2;           /* the high end of a range, else == value */
	double low, high;        /* bounds implied by qualifier and precision */
	bool low_open, high_open; /* strict ends */
	fc_qualifier qualifier;
	fc_num_kind kind;
	double precision;        /* unit of the last significant digit: 1 for
	                            9,770, 100000 for 1.4 million; 0 when exact
	                            by definition (words such as "a dozen") */
	unsigned flags;          /* FC_NUMF_* */
	char unit[8];            /* currency code for money ("USD"), else "" */
} fc_number;

/* How trailing zeros are read: "10,000" as exact, or as rounded at its
 * last non-zero digit (to the nearest ten thousand), or (auto) a round
 * figure of a thousand or more with two zeros or more at the end as
 * rounded at its last non-zero digit, one digit finer when that digit
 * leads alone: "25,000" to the nearest thousand, "10,300" to the nearest
 * hundred, "10,000" to the nearest thousand; smaller figures exact. */
typedef enum fc_round_policy {
	FC_ROUND_EXACT = 0,
	FC_ROUND_LAST_NONZERO = 1,
	FC_ROUND_AUTO = 2
} fc_round_policy;

/* Parses "exact", "last-nonzero" or "auto" into *out; false otherwise.
 * Pure. */
bool fc_round_policy_parse(const char *s, fc_round_policy *out);

/* The name of a round policy ("auto"). Static. */
const char *fc_round_policy_name(fc_round_policy p);

/* Digit grouping conventions. */
typedef enum fc_num_locale {
	FC_LOCALE_EN = 0, /* 1,234.5 */
	FC_LOCALE_DE = 1  /* 1.234,5 */
} fc_num_locale;

/* Parses "en" or "de" into *out; false otherwise. Pure. */
bool fc_locale_parse(const char *s, fc_num_locale *out);

/* Options of a scan. Initialise with fc_num_options_init. */
typedef struct fc_num_options {
	fc_num_locale locale;
	fc_round_policy round;
	double nearly_window; /* "nearly X" covers [X*(1-w), X); default 0.10 */
	double about_window;  /* "about X" covers X*(1+-w) at least; 0.02 */
} fc_num_options;

void fc_num_options_init(fc_num_options *opts);

/* A growable list of readings. Initialise to {0}; free with
 * fc_number_list_free, which frees `items` and leaves the list empty. */
typedef struct fc_number_list {
	fc_number *items;
	size_t count, cap;
} fc_number_list;

void fc_number_list_free(fc_number_list *list);

/*
 * Finds every numeric expression in `len` bytes of `text` (which need not
 * be NUL-terminated) and appends their readings, in text order, to `list`.
 * The text is read as UTF-8; invalid bytes are treated as separators.
 * Pure: no state is kept between calls. Returns FC_ERR_NOMEM if the list
 * could not grow (the readings appended so far stay in it).
 */
fc_status fc_numbers_scan(const char *text, size_t len,
			  const fc_num_options *opts, fc_number_list *list);

/*
 * Sets n->low, n->high and the open flags from n->value, n->value2,
 * n->qualifier and n->precision. Used for readings and for records
 * published with a qualifier ("about 1,200").
 */
void fc_number_set_bounds(fc_number *n, const fc_num_options *opts);

/* Precision of a figure as written in digits: `digits` is the figure's
 * text ("1,200", "1.4"); returns the unit of its last significant digit
 * under `policy` (1.4 -> 0.1; 1,200 -> 1 or 100). */
double fc_number_digit_precision(const char *digits, size_t len,
				 fc_num_locale locale, fc_round_policy policy);

#ifdef __cplusplus
}
#endif
#endif
