/*
 * dates.c: dates as news copy writes them: reading one, a document's
 * dateline, and the date phrases that give a claim its own date.
 *
 * Month and weekday names must be capitalised ("May", "Sun"): in lower
 * case they are ordinary words ("may", "the sun", "march"). Everything
 * here is ASCII-only by design: dates in English copy are ASCII, and a
 * byte of a multi-byte character is never taken for a letter or a digit.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <sys/stat.h>

#include "dates.h"
#include "document.h"
#include "util.h"

/* How far into a document a dateline is looked for. */
#define DATELINE_LINES 6
#define DATELINE_REACH 4000

/* The end of the run of letters that starts at i. */
static size_t word_end(const char *t, size_t len, size_t i)
{
	while (i < len && fc_is_alpha(t[i]))
		i++;
	return i;
}

/* True if the `n` letters at t[i] are the word `w`, ignoring case. */
static bool word_is(const char *t, size_t n, const char *w)
{
	return strlen(w) == n && fc_ascii_ieq(t, w, n);
}

/* Reads 1 or 2 digits of a day of the month at i, with an ordinal
 * suffix; returns the end or 0. Not a day when more digits, a digit
 * group (",770") or a decimal part follow. */
static size_t read_day(const char *t, size_t len, size_t i, int *day)
{
	size_t j = i;
	int v = 0;

	while (j < len && fc_is_digit(t[j]) && j - i < 3)
		v = v * 10 + (t[j++] - '0');
	if (j == i || j - i > 2 || v < 1 || v > 31)
		return 0;
	if (j < len && (fc_is_digit(t[j]) || ((t[j] == ',' || t[j] == '.') &&
	                                   j + 1 < len && fc_is_digit(t[j + 1]))))
		return 0;
	if (j + 1 < len &&
	    (fc_ascii_ieq(t + j, "st", 2) || fc_ascii_ieq(t + j, "nd", 2) ||
	     fc_ascii_ieq(t + j, "rd", 2) || fc_ascii_ieq(t + j, "th", 2)) &&
	    (j + 2 >= len || !fc_is_alnum(t[j + 2])))
		j += 2;
	else if (j < len && fc_is_alpha(t[j]))
		return 0;
	*day = v;
	return j;
}

/* Reads a year of four digits, 1900 to 2100, at i; returns the end or 0. */
static size_t read_year(const char *t, size_t len, size_t i, int *year)
{
	int v = 0;

	if (i + 4 > len)
		return 0;
	for (size_t k = 0; k < 4; k++) {
		if (!fc_is_digit(t[i + k]))
			return 0;
		v = v * 10 + (t[i + k] - '0');
	}
	if (i + 4 < len &&
	    (fc_is_alnum(t[i + 4]) || ((t[i + 4] == ',' || t[i + 4] == '.') &&
	                            i + 5 < len && fc_is_digit(t[i + 5]))))
		return 0;
	if (v < 1900 || v > 2100)
		return 0;
	*year = v;
	return i + 4;
}

/* Reads a capitalised month name (full, three letters, or "Sept"), with
 * a period after an abbreviation; returns the end or 0. */
static size_t read_month(const char *t, size_t len, size_t i, int *month,
                         bool *full)
{
	size_t e = word_end(t, len, i);
	int m;

	if (e == i || !fc_is_upper(t[i]) || (e < len && fc_is_digit(t[e])))
		return 0;
	m = fc_month_from_name(t + i, e - i);
	if (!m)
		return 0;
	*month = m;
	*full = e - i > 4 || m == 5 || (e - i == 4 && m == 6) ||
	        (e - i == 4 && m == 7);
	if (e - i <= 4 && e < len && t[e] == '.')
		e++;
	return e;
}

/* Reads a capitalised weekday name or abbreviation; returns the end or
 * 0. Abbreviations of three letters must be followed by a period, a
 * comma, a space and a date, or be written in capitals ("SUN"). */
static size_t read_weekday(const char *t, size_t len, size_t i, int *wd)
{
	static const char *const full[7] = {"monday",   "tuesday", "wednesday",
	                                    "thursday", "friday",  "saturday",
	                                    "sunday"};
	static const char *const abbr[] = {"mon", "tue",  "tues",  "wed",
	                                   "thu", "thur", "thurs", "fri",
	                                   "sat", "sun",  NULL};
	static const int abbr_day[] = {0, 1, 1, 2, 3, 3, 3, 4, 5, 6};
	size_t e = word_end(t, len, i);

	if (e == i || !fc_is_upper(t[i]))
		return 0;
	for (int d = 0; d < 7; d++)
		if (word_is(t + i, e - i, full[d])) {
			*wd = d;
			return e;
		}
	for (int k = 0; abbr[k]; k++)
		if (word_is(t + i, e - i, abbr[k])) {
			bool caps = fc_is_upper(t[i + 1]);
			if (e < len && t[e] == '.') {
				*wd = abbr_day[k];
				return e + 1;
			}
			if (caps || (e < len && t[e] == ',')) {
				*wd = abbr_day[k];
				return e;
			}
			return 0;
		}
	return 0;
}

/* After a day and month, an optional year: ", 2023" or " 2023". */
static size_t read_opt_year(const char *t, size_t len, size_t i, int *year)
{
	size_t j = i, e;

	if (j < len && t[j] == ',')
		j++;
	if (j < len && fc_is_space(t[j]))
		j++;
	if (j == i)
		return i;
	e = read_year(t, len, j, year);
	return e ? e : i;
}

/* A day and a month, in either order, from i. */
static bool read_day_month(const char *t, size_t len, size_t i,
                           bool month_alone, fc_written_date *w)
{
	size_t e, j;
	bool full = false;

	/* 5 November [2023], 5th of November */
	if (fc_is_digit(t[i]) && (e = read_day(t, len, i, &w->day))) {
		j = e;
		if (j < len && fc_is_space(t[j]))
			j++;
		if (j + 3 <= len && fc_ascii_ieq(t + j, "of ", 3))
			j += 3;
		if (j > e && j < len &&
		    (e = read_month(t, len, j, &w->month, &full))) {
			w->end = read_opt_year(t, len, e, &w->year);
			return true;
		}
		w->day = 0;
		return false;
	}
	/* November 5[, 2023], Nov. 5, November 2023, November */
	if ((e = read_month(t, len, i, &w->month, &full))) {
		j = e;
		while (j < len && fc_is_space(t[j]))
			j++;
		if (j > e && j < len && fc_is_digit(t[j])) {
			size_t d = read_year(t, len, j, &w->year);
			if (d) {
				w->end = d;
				return true;
			}
			if ((d = read_day(t, len, j, &w->day))) {
				w->end = read_opt_year(t, len, d, &w->year);
				return true;
			}
		}
		if (month_alone && full) {
			w->end = e;
			return true;
		}
		w->month = 0;
	}
	return false;
}

bool fc_date_read(const char *t, size_t len, size_t i, bool year_alone,
                  fc_written_date *w)
{
	size_t e;
	int wd;

	memset(w, 0, sizeof(*w));
	w->weekday = -1;
	w->back = -1;
	w->start = i;
	if (i >= len || (i > 0 && (fc_is_alnum(t[i - 1]) || t[i - 1] == '$')))
		return false;
	/* 2023-11-05 */
	if (i + 10 <= len && fc_is_digit(t[i]) && t[i + 4] == '-' &&
	    t[i + 7] == '-' &&
	    (i + 10 == len || !fc_is_alnum(t[i + 10]) || t[i + 10] == 'T')) {
		fc_date d = fc_date_parse_iso(t + i, 10);
		if (d != FC_DATE_NONE) {
			fc_date_to_ymd(d, &w->year, &w->month, &w->day);
			w->end = i + 10;
			return true;
		}
	}
	/* today, yesterday */
	e = word_end(t, len, i);
	if (e > i && word_is(t + i, e - i, "today")) {
		w->back = 0;
		w->end = e;
		return true;
	}
	if (e > i && word_is(t + i, e - i, "yesterday")) {
		w->back = 1;
		w->end = e;
		return true;
	}
	/* Sunday, Sunday 5 November, Sun., Nov. 5 */
	if ((e = read_weekday(t, len, i, &wd))) {
		size_t j = e;
		fc_written_date d;
		memset(&d, 0, sizeof(d));
		d.weekday = d.back = -1;
		if (j < len && t[j] == ',')
			j++;
		while (j < len && fc_is_space(t[j]))
			j++;
		if (j > e && j < len && read_day_month(t, len, j, false, &d) &&
		    d.day) {
			*w = d;
			w->start = i;
			w->weekday = wd;
			return true;
		}
		w->weekday = wd;
		w->end = e;
		return true;
	}
	if (read_day_month(t, len, i, year_alone, w))
		return true;
	if (year_alone && (e = read_year(t, len, i, &w->year))) {
		/* Not a span of years ("2023-24") or a part of a figure. */
		if (e < len && (t[e] == '-' || t[e] == '/') && e + 1 < len &&
		    fc_is_digit(t[e + 1]))
			return false;
		w->end = e;
		return true;
	}
	return false;
}

/* Monday 0 ... Sunday 6; 1970-01-01 was a Thursday. */
static int weekday_of(fc_date d)
{
	return (int)(((d % 7) + 7 + 3) % 7);
}

static fc_date last_of_month(int y, int m)
{
	fc_date next = m == 12 ? fc_date_from_ymd(y + 1, 1, 1)
	                       : fc_date_from_ymd(y, m + 1, 1);
	return next == FC_DATE_NONE ? FC_DATE_NONE : next - 1;
}

/* The date of (y, m, d) with d == 0 meaning the month's last day. */
static fc_date ymd(int y, int m, int d)
{
	return d ? fc_date_from_ymd(y, m, d) : last_of_month(y, m);
}

static fc_date resolve(const fc_written_date *w, fc_date ref, int year,
                       fc_date_place place)
{
	int ry, rm, rd;
	fc_date best = FC_DATE_NONE;
	long best_dist = 0;

	if (ref == FC_DATE_NONE)
		return w->year && w->month ? ymd(w->year, w->month, w->day)
		       : w->year           ? fc_date_from_ymd(w->year, 12, 31)
		                           : FC_DATE_NONE;
	if (w->back >= 0)
		return ref - w->back;
	if (!w->month && !w->year) {
		if (w->weekday < 0)
			return FC_DATE_NONE;
		return ref - (weekday_of(ref) - w->weekday + 7) % 7;
	}
	if (!w->month)
		return fc_date_from_ymd(w->year, 12, 31);
	if (w->year)
		return ymd(w->year, w->month, w->day);
	if (year)
		return ymd(year, w->month, w->day);
	fc_date_to_ymd(ref, &ry, &rm, &rd);
	/* Years around ref; 29 February may need to go back four. */
	for (int y = ry - 8; y <= ry + 1; y++) {
		/* A month alone is placed by its first day. */
		fc_date d = ymd(y, w->month, w->day);
		fc_date key = w->day ? d : fc_date_from_ymd(y, w->month, 1);
		long dist;
		if (d == FC_DATE_NONE)
			continue; /* 29 February of a common year */
		if (place == FC_PLACE_NOT_AFTER) {
			if (key <= ref)
				best = d;
			continue;
		}
		dist = (long)key - (long)ref;
		if (dist < 0)
			dist = -dist;
		if (y < ry - 1 && best != FC_DATE_NONE)
			continue;
		if (best == FC_DATE_NONE || dist < best_dist) {
			best = d;
			best_dist = dist;
		}
	}
	return best;
}

fc_date fc_date_resolve(const fc_written_date *w, fc_date ref, int year,
                        fc_date_place place)
{
	fc_date d = resolve(w, ref, year, place);

	/* "Yesterday" of 1 January of year 1, a weekday before it: no day
	 * figcheck can name (found by fuzz_dates). */
	if (d != FC_DATE_NONE &&
	    (d < fc_date_from_ymd(1, 1, 1) || d > fc_date_from_ymd(9999, 12, 31)))
		return FC_DATE_NONE;
	return d;
}

/* ------------------------------------------------------------------ */
/* Datelines. */

/* True if the rest of a dateline line, [i, e), says nothing more than a
 * time, a zone and punctuation ("10:30 GMT", "- updated"). */
static bool rest_is_trivial(const char *t, size_t i, size_t e)
{
	while (i < e) {
		if (fc_is_space(t[i]) || strchr(",.;:|-", t[i])) {
			i++;
		} else if (fc_is_digit(t[i])) {
			size_t j = i;
			while (j < e &&
			       (fc_is_digit(t[j]) || t[j] == ':' || t[j] == '.'))
				j++;
			if (j - i < 3 || (!memchr(t + i, ':', j - i) &&
			                  !memchr(t + i, '.', j - i)))
				return false;
			i = j;
		} else if (fc_is_alpha(t[i])) {
			size_t j = word_end(t, e, i);
			bool ok =
			    (j - i == 2 && (fc_ascii_ieq(t + i, "am", 2) ||
			                    fc_ascii_ieq(t + i, "pm", 2)));
			for (size_t k = i; !ok && j - i >= 2 && j - i <= 4 &&
			                   k < j && fc_is_upper(t[k]);
			     k++)
				ok = k + 1 == j; /* a zone: GMT, EST, UTC */
			if (!ok)
				return false;
			i = j;
		} else if ((unsigned char)t[i] == 0xE2 && i + 2 < e &&
		           (unsigned char)t[i + 1] == 0x80 &&
		           ((unsigned char)t[i + 2] == 0x93 ||
		            (unsigned char)t[i + 2] == 0x94)) {
			i += 3; /* en or em dash */
		} else {
			return false;
		}
	}
	return true;
}

/* The end of a dash that separates a dateline from its story ("-", "--",
 * an en or em dash) at i, after spaces; 0 if none. */
static size_t dash_at(const char *t, size_t e, size_t i)
{
	while (i < e && fc_is_blank(t[i]))
		i++;
	if (i < e && t[i] == '-') {
		while (i < e && t[i] == '-')
			i++;
		return i;
	}
	if (i + 2 < e && (unsigned char)t[i] == 0xE2 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x93 ||
	     (unsigned char)t[i + 2] == 0x94))
		return i + 3;
	return 0;
}

/* Skips a parenthesised agency credit, "(Reuters)", at i after spaces;
 * returns the end, or i if there is none. */
static size_t agency_at(const char *t, size_t e, size_t i)
{
	size_t j = i;

	while (j < e && fc_is_blank(t[j]))
		j++;
	if (j < e && t[j] == '(') {
		const char *c = memchr(t + j, ')', e - j);
		if (c && (size_t)(c - t) - j <= 40)
			return (size_t)(c - t) + 1;
	}
	return i;
}

/* A place at the start of a dateline: one to five words, each starting
 * with a capital ("GAZA CITY", "Tel Aviv", "KHAN YOUNIS"), then a comma.
 * Returns the offset after the comma, or 0. */
static size_t place_at(const char *t, size_t e, size_t i)
{
	int words = 0;
	size_t start = i;

	while (i < e && words < 6) {
		size_t j = i;
		if (!fc_is_upper(t[j]))
			return 0;
		while (j < e && (fc_is_alpha(t[j]) || t[j] == '\'' ||
		                 t[j] == '.' || t[j] == '-'))
			j++;
		words++;
		if (j < e && t[j] == ',')
			return j - start <= 48 && words <= 5 ? j + 1 : 0;
		if (j >= e || t[j] != ' ')
			return 0;
		i = j + 1;
	}
	return 0;
}

/* True if prose offset `p` of `doc` starts a Markdown heading line. */
static bool is_heading(const fc_document *doc, size_t p)
{
	size_t o = doc->prose_map ? doc->prose_map[p] : p;

	if (doc->format != FC_FORMAT_MARKDOWN || o >= doc->len)
		return false;
	while (o > 0 && doc->text[o - 1] != '\n')
		o--;
	while (o < doc->len && fc_is_blank(doc->text[o]))
		o++;
	return o < doc->len && doc->text[o] == '#';
}

/* Reads the dateline in the line [ls, le) of text, if there is one. */
static bool dateline_in_line(const char *t, size_t ls, size_t le,
                             fc_written_date *w)
{
	static const char *const lead[] = {
	    "published", "updated", "last updated", "posted", "dated",
	    "date",      NULL};
	size_t i = ls, e;

	/* "Updated: 5 November 2023", "Published on Nov. 5" */
	for (size_t k = 0; lead[k]; k++) {
		size_t n = strlen(lead[k]);
		if (le - i > n && fc_ascii_ieq(t + i, lead[k], n) &&
		    !fc_is_alpha(t[i + n])) {
			i += n;
			if (i < le && t[i] == ':')
				i++;
			while (i < le && fc_is_blank(t[i]))
				i++;
			if (le - i > 3 && fc_ascii_ieq(t + i, "on ", 3))
				i += 3;
			break;
		}
	}
	if (fc_date_read(t, le, i, false, w) && w->month && w->day) {
		e = w->end;
		/* The line is a date. */
		if (rest_is_trivial(t, e, le))
			return true;
		/* "Nov. 5 (AP) — the story" */
		e = agency_at(t, le, e);
		if (dash_at(t, le, e))
			return true;
		return false;
	}
	/* "GAZA CITY, Nov 5 (Reuters) - the story", "KHAN YOUNIS, Gaza,
	 * 5 November (AFP) - the story" */
	e = ls;
	for (int part = 0; part < 2 && i == ls && (e = place_at(t, le, e)) != 0;
	     part++) {
		while (e < le && fc_is_blank(t[e]))
			e++;
		if (fc_date_read(t, le, e, false, w) && w->month && w->day) {
			size_t a = agency_at(t, le, w->end);
			return dash_at(t, le, a) || rest_is_trivial(t, a, le);
		}
	}
	return false;
}

bool fc_dateline_find(const fc_document *doc, int year, fc_date not_after,
                      fc_year_origin not_after_origin, fc_dateline *out)
{
	const char *t = doc->prose;
	size_t len =
	    doc->prose_len < DATELINE_REACH ? doc->prose_len : DATELINE_REACH;
	size_t i = 0;
	int lines = 0;

	while (i < len && lines < DATELINE_LINES) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t le = nl ? (size_t)(nl - t) : len, ls = i;
		fc_written_date w;

		i = le + 1;
		while (ls < le && fc_is_blank(t[ls]))
			ls++;
		while (le > ls && fc_is_blank(t[le - 1]))
			le--;
		if (ls == le || is_heading(doc, ls))
			continue;
		lines++;
		if (!dateline_in_line(t, ls, le, &w))
			continue;
		memset(out, 0, sizeof(*out));
		out->start = ls;
		out->end = le;
		out->date_start = w.start;
		out->date_end = w.end;
		if (w.year) {
			out->year_from = FC_YEAR_WRITTEN;
		} else if (year) {
			out->year_from = FC_YEAR_CONFIG;
		} else {
			out->year_from = not_after_origin;
		}
		out->date =
		    fc_date_resolve(&w, not_after, year, FC_PLACE_NOT_AFTER);
		/* "Nov 31 (Reuters) -": a dateline, but no such day. The
		 * caller says so rather than take another date silently. */
		return true;
	}
	return false;
}

bool fc_document_dateline(const fc_document *doc, int year, fc_dateline *out)
{
	struct stat st;
	fc_date not_after = FC_DATE_NONE;
	fc_year_origin origin = FC_YEAR_TODAY;

	const char *file = fc_document_file(doc);

	if (!year && file && stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
		int64_t t = (int64_t)st.st_mtime;
		not_after =
		    (fc_date)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
		origin = FC_YEAR_FILE;
	}
	if (not_after == FC_DATE_NONE)
		not_after = fc_date_today();
	return fc_dateline_find(doc, year, not_after, origin, out);
}

/* ------------------------------------------------------------------ */
/* The date phrases of a claim's sentence. */

typedef enum ph_kind { PH_ASOF, PH_SINCE, PH_PERIOD } ph_kind;

typedef struct phrase {
	ph_kind kind;
	size_t start, end; /* the phrase, its preposition included */
	fc_written_date w;
	bool weak; /* "on DATE": may not close a sentence */
} phrase;

#define MAX_PHRASES 16

/* Words after which "on DATE" dates an event, not a count. */
static bool is_event_word(const char *t, size_t n)
{
	static const char *const words[] = {
	    "killed",    "died",      "dead",      "wounded",   "injured",
	    "began",     "begun",     "started",   "start",     "erupted",
	    "launched",  "attack",    "attacks",   "attacked",  "crossed",
	    "stormed",   "invaded",   "struck",    "out",       "happened",
	    "occurred",  "massacre",  "raid",      "raids",     "strike",
	    "strikes",   "airstrike", "bombing",   "born",      "captured",
	    "kidnapped", "abducted",  "taken",     "held",      "seized",
	    "fired",     "killing",   "ceasefire", "truce",     "war",
	    "assault",   "incursion", "offensive", "massacres", "murdered",
	    "slain",     "fell",      "collapsed", "hit",       "shelled",
	    "bombed",    "destroyed", "arrested",  "detained",  "shot",
	    NULL};

	for (size_t i = 0; words[i]; i++)
		if (word_is(t, n, words[i]))
			return true;
	return false;
}

static bool in_span(size_t p, size_t s, size_t e)
{
	return p >= s && p < e;
}

/* True if a clause boundary (a comma, semicolon, colon, bracket or a
 * spaced dash) lies in [a, b) outside phrases and figures. */
static bool boundary_between(const char *t, size_t a, size_t b,
                             const phrase *ph, size_t n_ph,
                             const fc_number_list *nums)
{
	for (size_t p = a; p < b; p++) {
		char c = t[p];
		bool skip = false;
		if (!(c == ',' || c == ';' || c == ':' || c == '(' ||
		      c == ')' ||
		      (c == '-' && p > 0 && t[p - 1] == ' ' && p + 1 < b &&
		       t[p + 1] == ' ') ||
		      ((unsigned char)c == 0xE2 && p + 2 < b &&
		       (unsigned char)t[p + 1] == 0x80 &&
		       ((unsigned char)t[p + 2] == 0x93 ||
		        (unsigned char)t[p + 2] == 0x94))))
			continue;
		for (size_t k = 0; k < n_ph && !skip; k++)
			skip = in_span(p, ph[k].start, ph[k].end);
		for (size_t k = 0; nums && k < nums->count && !skip; k++)
			skip = in_span(p, nums->items[k].start,
			               nums->items[k].end);
		if (!skip)
			return true;
	}
	return false;
}

/* True if a quantity other than the claim [cs, ce) lies in [a, b). */
static bool figure_between(size_t a, size_t b, size_t cs, size_t ce,
                           const phrase *p, const fc_number_list *nums)
{
	for (size_t k = 0; nums && k < nums->count; k++) {
		const fc_number *n = &nums->items[k];
		if (!fc_num_kind_is_quantity(n->kind))
			continue;
		if (n->start < ce && n->end > cs)
			continue; /* the claim itself */
		if (n->start < p->end && n->end > p->start)
			continue; /* part of the phrase */
		if (n->start >= a && n->end <= b)
			return true;
	}
	return false;
}

/* Reads the phrase introduced by the preposition [i, e) of word `prep`,
 * if a date follows it. */
static bool phrase_at(const char *t, size_t ss, size_t se, size_t i, size_t e,
                      phrase *ph)
{
	size_t n = e - i, q;
	bool as = false, in = false, since = false, on = false;

	if (word_is(t + i, n, "as") && e + 4 <= se && fc_is_space(t[e]) &&
	    (fc_ascii_ieq(t + e + 1, "of", 2) ||
	     fc_ascii_ieq(t + e + 1, "at", 2)) &&
	    !fc_is_alpha(t[e + 3])) {
		as = true;
		e += 3;
	} else if (word_is(t + i, n, "up") && e + 4 <= se && fc_is_space(t[e]) &&
	           fc_ascii_ieq(t + e + 1, "to", 2) && !fc_is_alpha(t[e + 3])) {
		e += 3;
	} else if (word_is(t + i, n, "in")) {
		in = true;
	} else if (word_is(t + i, n, "since")) {
		since = true;
	} else if (word_is(t + i, n, "on")) {
		on = true;
	} else if (!(word_is(t + i, n, "by") || word_is(t + i, n, "until") ||
	             word_is(t + i, n, "till") ||
	             word_is(t + i, n, "through"))) {
		return false;
	}
	(void)as;
	q = e;
	while (q < se && fc_is_space(t[q]))
		q++;
	if (q == e || !fc_date_read(t, se, q, in || since, &ph->w))
		return false;
	ph->start = i;
	ph->end = ph->w.end;
	ph->weak = on;
	if (in) {
		/* "in 2022", "in November": a period, not a day. */
		if (ph->w.day || ph->w.weekday >= 0 || ph->w.back >= 0)
			return false;
		ph->kind = PH_PERIOD;
		return true;
	}
	if (since) {
		ph->kind = PH_SINCE;
		return true;
	}
	/* "by 2024" is too loose to date a count. */
	if (!ph->w.month && ph->w.weekday < 0 && ph->w.back < 0)
		return false;
	ph->kind = PH_ASOF;
	if (on) {
		/* "killed ... on 7 October", "the attack on 7 October" date
		 * the event, not the count; "since the war began on 7
		 * October" counts from that day. The clause before "on" is
		 * read back to its start. */
		size_t k = i;
		int words = 0;
		bool event = false, since_word = false;
		while (k > ss && words < 16) {
			char c = t[k - 1];
			if (fc_is_alpha(c)) {
				size_t we = k;
				while (k > ss && fc_is_alpha(t[k - 1]))
					k--;
				event = event || is_event_word(t + k, we - k);
				since_word = since_word ||
				             word_is(t + k, we - k, "since");
				words++;
				continue;
			}
			/* A clause ends at punctuation; a comma inside a figure
			 * ("1,400") does not end it. */
			if (c == ';' || c == ':' || c == '(' || c == ')' ||
			    (c == ',' &&
			     !(k >= 2 && k < i && fc_is_digit(t[k - 2]) &&
			       fc_is_digit(t[k]))))
				break;
			k--;
		}
		if (event && !since_word)
			return false;
		if (event)
			ph->kind = PH_SINCE;
	}
	return true;
}

/* Collects the date phrases of [ss, se). */
static size_t collect(const char *t, size_t ss, size_t se, phrase *out,
                      size_t max)
{
	size_t n = 0, i = ss;

	while (i < se && n < max) {
		size_t e;
		if (!fc_is_alpha(t[i]) || (i > ss && fc_is_alnum(t[i - 1]))) {
			i++;
			continue;
		}
		e = word_end(t, se, i);
		if (phrase_at(t, ss, se, i, e, &out[n])) {
			i = out[n].end;
			n++;
			continue;
		}
		/* "Yesterday the ministry said ...", "today's toll" */
		if (word_is(t + i, e - i, "today") ||
		    word_is(t + i, e - i, "yesterday")) {
			fc_date_read(t, se, i, false, &out[n].w);
			out[n].kind = PH_ASOF;
			out[n].start = i;
			out[n].end = e;
			out[n].weak = false;
			n++;
		}
		i = e;
	}
	return n;
}

/* How a phrase applies to the claim [cs, ce): 0 not at all, else a
 * distance (smaller is nearer). */
static size_t applies(const char *t, size_t ss, size_t se, size_t cs, size_t ce,
                      const phrase *ph, size_t n_ph, size_t k,
                      const fc_number_list *nums)
{
	const phrase *p = &ph[k];
	size_t a = p->end <= cs ? p->end : ce, b = p->end <= cs ? cs : p->start;
	size_t j;

	if (p->start < ce && p->end > cs)
		return 0;
	/* In the claim's clause, with no other figure between. */
	if (!boundary_between(t, a, b, ph, n_ph, nums) &&
	    !figure_between(a, b, cs, ce, p, nums))
		return 1 + (b - a);
	/* Opening the sentence: "By Sunday, ..." */
	j = ss;
	while (j < p->start && (fc_is_space(t[j]) || t[j] == '"' || t[j] == '\''))
		j++;
	if (j == p->start) {
		j = p->end;
		while (j < se && fc_is_blank(t[j]))
			j++;
		if (j < se && t[j] == ',')
			return 1000000 + (b - a);
	}
	/* Closing it after a comma: "..., as of Sunday." */
	if (!p->weak && p->start > cs) {
		j = p->start;
		while (j > ss && fc_is_space(t[j - 1]))
			j--;
		if (j > ss && t[j - 1] == ',') {
			size_t r = p->end;
			while (r < se &&
			       (fc_is_space(t[r]) || strchr(".!?\"')", t[r])))
				r++;
			if (r >= se)
				return 2000000 + (b - a);
		}
	}
	return 0;
}

void fc_claim_dates_find(const char *t, size_t ss, size_t se, size_t cs,
                         size_t ce, const fc_number_list *nums,
                         fc_date doc_date, fc_claim_dates *out)
{
	phrase ph[MAX_PHRASES];
	size_t n, best[3] = {0, 0, 0}, which[3] = {0, 0, 0};
	fc_date period_since = FC_DATE_NONE, period_end = FC_DATE_NONE;

	memset(out, 0, sizeof(*out));
	out->as_of = FC_DATE_NONE;
	out->since = FC_DATE_NONE;
	if (!t || se <= ss || cs < ss || ce > se)
		return;
	n = collect(t, ss, se, ph, MAX_PHRASES);
	for (size_t k = 0; k < n; k++) {
		size_t d = applies(t, ss, se, cs, ce, ph, n, k, nums);
		if (d && (!best[ph[k].kind] || d < best[ph[k].kind])) {
			best[ph[k].kind] = d;
			which[ph[k].kind] = k;
		}
	}
	if (best[PH_PERIOD]) {
		const phrase *p = &ph[which[PH_PERIOD]];
		if (p->w.month) {
			period_end = fc_date_resolve(&p->w, doc_date, 0,
			                             FC_PLACE_NOT_AFTER);
			if (period_end != FC_DATE_NONE) {
				int y, m, d;
				fc_date_to_ymd(period_end, &y, &m, &d);
				period_since = fc_date_from_ymd(y, m, 1);
			}
		} else {
			period_since = fc_date_from_ymd(p->w.year, 1, 1);
			period_end = fc_date_from_ymd(p->w.year, 12, 31);
		}
		if (period_since != FC_DATE_NONE && doc_date != FC_DATE_NONE &&
		    period_since > doc_date) {
			period_since = period_end =
			    FC_DATE_NONE; /* the future */
		} else if (period_end != FC_DATE_NONE &&
		           doc_date != FC_DATE_NONE && period_end > doc_date) {
			period_end = doc_date;
		}
	}
	if (best[PH_ASOF]) {
		const phrase *p = &ph[which[PH_ASOF]];
		out->as_of =
		    fc_date_resolve(&p->w, doc_date, 0, FC_PLACE_NEAREST);
		out->as_of_start = p->start;
		out->as_of_end = p->end;
		if (out->as_of == FC_DATE_NONE && doc_date != FC_DATE_NONE) {
			out->no_day = true;
			out->no_day_start = p->start;
			out->no_day_end = p->end;
		}
	} else if (period_end != FC_DATE_NONE) {
		const phrase *p = &ph[which[PH_PERIOD]];
		out->as_of = period_end;
		out->as_of_start = p->start;
		out->as_of_end = p->end;
	}
	if (best[PH_SINCE]) {
		const phrase *p = &ph[which[PH_SINCE]];
		fc_date ref =
		    out->as_of != FC_DATE_NONE ? out->as_of : doc_date;
		fc_written_date w = p->w;
		if (!w.day && w.weekday < 0 && w.back < 0) {
			/* "since 2014", "since November": from the first day.
			 */
			fc_date end =
			    fc_date_resolve(&w, ref, 0, FC_PLACE_NOT_AFTER);
			if (end != FC_DATE_NONE) {
				int y, m, d;
				fc_date_to_ymd(end, &y, &m, &d);
				out->since =
				    fc_date_from_ymd(y, w.month ? m : 1, 1);
			}
		} else {
			out->since =
			    fc_date_resolve(&w, ref, 0, FC_PLACE_NOT_AFTER);
			if (out->since == FC_DATE_NONE && ref != FC_DATE_NONE &&
			    !out->no_day) {
				out->no_day = true;
				out->no_day_start = p->start;
				out->no_day_end = p->end;
			}
		}
		out->since_start = p->start;
		out->since_end = p->end;
	} else if (period_since != FC_DATE_NONE) {
		const phrase *p = &ph[which[PH_PERIOD]];
		out->since = period_since;
		out->since_start = p->start;
		out->since_end = p->end;
	}
}

/* ------------------------------------------------------------------ */
/* The reference point of a claim about change. */

/* A word of the sentence, lower-cased (letters and digits; a hyphen
 * joins: "year-on-year" is three words). */
typedef struct rword {
	size_t start, end;
	char w[16];
} rword;

#define MAX_RWORDS 160

static size_t ref_words(const char *t, size_t ss, size_t se, rword *out,
                        size_t max)
{
	size_t n = 0, i = ss;

	while (i < se && n < max) {
		size_t k = 0;
		if (!fc_is_alnum(t[i])) {
			i++;
			continue;
		}
		out[n].start = i;
		while (i < se && fc_is_alnum(t[i])) {
			if (k + 1 < sizeof(out[n].w))
				out[n].w[k++] = (char)tolower((unsigned char)t[i]);
			i++;
		}
		out[n].w[k] = '\0';
		out[n].end = i;
		n++;
	}
	return n;
}

static bool rw_is(const rword *w, size_t n, size_t i, const char *s)
{
	return i < n && strcmp(w[i].w, s) == 0;
}

static bool rw_in(const rword *w, size_t n, size_t i, const char *const *l)
{
	for (size_t k = 0; i < n && l[k]; k++)
		if (strcmp(w[i].w, l[k]) == 0)
			return true;
	return false;
}

/* A count written in words or digits ("two", "a", "24"), or -1. */
static int ref_count(const rword *w, size_t n, size_t i)
{
	static const char *const words[] = {
	    "zero", "one",   "two",   "three",    "four",  "five",  "six",
	    "seven", "eight", "nine", "ten",      "eleven", "twelve", NULL};
	long v = 0;

	if (i >= n)
		return -1;
	if (strcmp(w[i].w, "a") == 0 || strcmp(w[i].w, "an") == 0 ||
	    strcmp(w[i].w, "single") == 0)
		return 1;
	for (int k = 0; words[k]; k++)
		if (strcmp(w[i].w, words[k]) == 0)
			return k;
	for (const char *p = w[i].w; *p; p++) {
		if (!fc_is_digit(*p) || v > 100000)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return w[i].w[0] ? (int)v : -1;
}

/* A unit of time at word i: its length in days (months and years are
 * counted in their own unit: *unit), or 0. */
static int ref_unit(const rword *w, size_t n, size_t i, fc_period *unit)
{
	static const struct {
		const char *word;
		int n;
		fc_period unit;
	} units[] = {
	    {"day", 1, FC_PERIOD_DAY},       {"days", 1, FC_PERIOD_DAY},
	    {"week", 7, FC_PERIOD_DAY},      {"weeks", 7, FC_PERIOD_DAY},
	    {"fortnight", 14, FC_PERIOD_DAY}, {"month", 1, FC_PERIOD_MONTH},
	    {"months", 1, FC_PERIOD_MONTH},  {"year", 1, FC_PERIOD_YEAR},
	    {"years", 1, FC_PERIOD_YEAR},    {"decade", 10, FC_PERIOD_YEAR},
	    {"decades", 10, FC_PERIOD_YEAR}, {"hours", -24, FC_PERIOD_DAY},
	};

	for (size_t k = 0; i < n && k < sizeof(units) / sizeof(units[0]); k++)
		if (strcmp(w[i].w, units[k].word) == 0) {
			*unit = units[k].unit;
			return units[k].n;
		}
	return 0;
}

/* Tries a reference phrase starting at word i; fills *out and returns
 * the number of words read, or 0. */
static size_t ref_at(const char *t, size_t tlen, const rword *w, size_t n,
                     size_t i, fc_date doc_date, fc_claim_ref *out)
{
	static const char *const wars[] = {
	    "war", "conflict", "invasion", "pandemic", "outbreak", "fighting",
	    "offensive", "hostilities", "crisis", "records", "record", NULL};
	static const char *const began[] = {"began", "begun", "started",
	                                    "start", "broke", NULL};
	static const char *const starts[] = {"start", "beginning", "outbreak",
	                                     "onset", NULL};
	static const char *const prep[] = {"in", "over", "during", "within",
	                                   "across", "for", NULL};
	static const char *const past[] = {"past", "last", "previous", "first",
	                                   "space", "course", NULL};
	static const char *const cmp[] = {"compared", "comparison", "against",
	                                  NULL};
	static const char *const back[] = {"earlier", "ago", "before", NULL};
	size_t k = i;
	int count, len;
	fc_period unit = FC_PERIOD_DAY;

	memset(out, 0, sizeof(*out));
	out->date = FC_DATE_NONE;
	/* since the war began, since the start of the war, since records
	 * began */
	if (rw_is(w, n, k, "since")) {
		size_t j = k + 1;
		fc_written_date wd;
		if (rw_is(w, n, j, "the") || rw_is(w, n, j, "its"))
			j++;
		if (rw_in(w, n, j, wars) && rw_in(w, n, j + 1, began)) {
			size_t e = rw_is(w, n, j + 1, "broke") &&
			                   rw_is(w, n, j + 2, "out")
			               ? j + 2
			               : j + 1;
			out->start = true;
			out->start_at = w[k].start;
			out->end_at = w[e].end;
			return e + 1 - k;
		}
		if (rw_in(w, n, j, starts) && rw_is(w, n, j + 1, "of") &&
		    (rw_is(w, n, j + 2, "the") ? rw_in(w, n, j + 3, wars)
		                               : rw_in(w, n, j + 2, wars))) {
			size_t e = rw_is(w, n, j + 2, "the") ? j + 3 : j + 2;
			out->start = true;
			out->start_at = w[k].start;
			out->end_at = w[e].end;
			return e + 1 - k;
		}
		/* since a date */
		if (k + 1 < n &&
		    fc_date_read(t, tlen, w[k + 1].start, true, &wd) &&
		    wd.back < 0) {
			fc_date d;
			if (wd.month == 0 && wd.year) {
				d = fc_date_from_ymd(wd.year, 1, 1);
				out->unit = FC_PERIOD_YEAR;
			} else if (wd.day == 0 && wd.month) {
				fc_date e = fc_date_resolve(&wd, doc_date, 0,
				                            FC_PLACE_NOT_AFTER);
				int y, m, dd;
				if (e == FC_DATE_NONE)
					return 0;
				fc_date_to_ymd(e, &y, &m, &dd);
				d = fc_date_from_ymd(y, m, 1);
				out->unit = FC_PERIOD_MONTH;
			} else {
				d = fc_date_resolve(&wd, doc_date, 0,
				                    FC_PLACE_NOT_AFTER);
				out->unit = FC_PERIOD_DAY;
			}
			if (d == FC_DATE_NONE ||
			    (doc_date != FC_DATE_NONE && d > doc_date))
				return 0;
			out->date = d;
			out->start_at = w[k].start;
			out->end_at = wd.end;
			return 2;
		}
		/* since last year, since last month */
		if (rw_is(w, n, k + 1, "last") &&
		    (len = ref_unit(w, n, k + 2, &unit)) == 1) {
			out->span = 1;
			out->unit = unit;
			out->start_at = w[k].start;
			out->end_at = w[k + 2].end;
			return 3;
		}
		return 0;
	}
	/* in two weeks, over the past year, in the last 24 hours, within a
	 * month, in the space of a week */
	if (rw_in(w, n, k, prep)) {
		size_t j = k + 1;
		if (rw_is(w, n, j, "the") || rw_is(w, n, j, "just") ||
		    rw_is(w, n, j, "only"))
			j++;
		if (rw_in(w, n, j, past)) {
			j++;
			if (rw_is(w, n, j, "of"))
				j++;
		}
		if (rw_is(w, n, j, "just") || rw_is(w, n, j, "only"))
			j++;
		count = ref_count(w, n, j);
		if (count >= 0) {
			j++;
		} else {
			/* "over the past year": one */
			count = 1;
		}
		len = ref_unit(w, n, j, &unit);
		if (len == 0 || count <= 0)
			return 0;
		if (len < 0) {
			/* hours: whole days only */
			if (count % 24)
				return 0;
			count /= 24;
			len = 1;
		}
		out->span = count * len;
		out->unit = unit;
		out->start_at = w[k].start;
		out->end_at = w[j].end;
		return j + 1 - k;
	}
	/* a year earlier, two weeks ago, a month before */
	if ((count = ref_count(w, n, k)) > 0 &&
	    (len = ref_unit(w, n, k + 1, &unit)) > 0 && rw_in(w, n, k + 2, back)) {
		out->span = count * len;
		out->unit = unit;
		out->start_at = w[k].start;
		out->end_at = w[k + 2].end;
		return 3;
	}
	/* compared with last year, compared to a year ago, against the
	 * same period last year, from a year earlier */
	if (rw_in(w, n, k, cmp) || rw_is(w, n, k, "from")) {
		size_t j = k + 1;
		if (rw_is(w, n, j, "with") || rw_is(w, n, j, "to"))
			j++;
		if (rw_is(w, n, j, "the") && rw_is(w, n, j + 1, "same") &&
		    rw_is(w, n, j + 2, "period")) {
			j += 3;
			if (rw_is(w, n, j, "a") || rw_is(w, n, j, "last"))
				j++;
			if (ref_unit(w, n, j, &unit) == 1 &&
			    unit == FC_PERIOD_YEAR) {
				out->span = 1;
				out->unit = FC_PERIOD_YEAR;
				out->start_at = w[k].start;
				out->end_at = w[j + (rw_is(w, n, j + 1, "earlier") ||
				                      rw_is(w, n, j + 1, "ago")
				                          ? 1
				                          : 0)]
				                  .end;
				return j + 1 - k;
			}
			return 0;
		}
		if (rw_is(w, n, j, "last") || rw_is(w, n, j, "the")) {
			size_t u = rw_is(w, n, j, "the") &&
			                   (rw_is(w, n, j + 1, "previous") ||
			                    rw_is(w, n, j + 1, "prior"))
			               ? j + 2
			               : rw_is(w, n, j, "last") ? j + 1 : 0;
			if (u && (len = ref_unit(w, n, u, &unit)) == 1) {
				out->span = 1;
				out->unit = unit;
				out->start_at = w[k].start;
				out->end_at = w[u].end;
				return u + 1 - k;
			}
			return 0;
		}
		if ((count = ref_count(w, n, j)) > 0 &&
		    (len = ref_unit(w, n, j + 1, &unit)) > 0 &&
		    rw_in(w, n, j + 2, back)) {
			out->span = count * len;
			out->unit = unit;
			out->start_at = w[k].start;
			out->end_at = w[j + 2].end;
			return j + 3 - k;
		}
		return 0;
	}
	/* year on year, month-on-month */
	if ((len = ref_unit(w, n, k, &unit)) == 1 && rw_is(w, n, k + 1, "on") &&
	    rw_is(w, n, k + 2, w[k].w)) {
		out->span = 1;
		out->unit = unit;
		out->start_at = w[k].start;
		out->end_at = w[k + 2].end;
		return 3;
	}
	return 0;
}

fc_date fc_date_back(fc_date d, fc_period unit, int span)
{
	int y, m, day, last;

	if (d == FC_DATE_NONE || span < 0)
		return FC_DATE_NONE;
	if (unit == FC_PERIOD_DAY)
		return d - span;
	if (unit == FC_PERIOD_YEAR) {
		if (span > 100000)
			return FC_DATE_NONE;
		span *= 12;
	}
	fc_date_to_ymd(d, &y, &m, &day);
	y -= span / 12;
	m -= span % 12;
	if (m < 1) {
		m += 12;
		y--;
	}
	if (y < 1)
		return FC_DATE_NONE;
	last = fc_period_end(fc_date_from_ymd(y, m, 1), FC_PERIOD_MONTH) -
	       fc_date_from_ymd(y, m, 1) + 1;
	return fc_date_from_ymd(y, m, day <= last ? day : last);
}

/* "a week earlier", "ten years ago", "a month before" at word i: fills
 * *out (span and unit) and returns true. */
static bool past_at(const rword *w, size_t n, size_t i, fc_claim_ref *out)
{
	static const char *const back[] = {"earlier", "ago", "before", NULL};
	fc_period unit = FC_PERIOD_DAY;
	int count, len;

	if ((count = ref_count(w, n, i)) <= 0 ||
	    (len = ref_unit(w, n, i + 1, &unit)) <= 0 ||
	    !rw_in(w, n, i + 2, back))
		return false;
	memset(out, 0, sizeof(*out));
	out->span = count * len;
	out->unit = unit;
	out->start_at = w[i].start;
	out->end_at = w[i + 2].end;
	return true;
}

bool fc_claim_past_find(const char *t, size_t ss, size_t se, size_t cs,
                        size_t ce, fc_date doc_date, fc_claim_ref *out)
{
	rword w[8];
	size_t n, e;

	memset(out, 0, sizeof(*out));
	out->date = FC_DATE_NONE;
	if (!t || se <= ss || cs < ss || ce > se || doc_date == FC_DATE_NONE)
		return false;
	/* Opening the sentence, before a comma: "A week earlier, ...". */
	n = ref_words(t, ss, se, w, 4);
	if (n >= 3 && past_at(w, n, 0, out) && out->end_at <= cs) {
		e = out->end_at;
		while (e < se && (t[e] == ' ' || t[e] == '*' || t[e] == '_'))
			e++;
		if (e < se && t[e] == ',')
			goto found;
	}
	/* Right after the figure, no other figure or clause between:
	 * "put the toll at 7,703 a week earlier". */
	e = ce + 80 < se ? ce + 80 : se;
	n = ref_words(t, ce, e, w, 8);
	for (size_t i = 0; i + 2 < n; i++) {
		bool clear = true;
		for (size_t k = ce; k < w[i].start && clear; k++)
			clear = !fc_is_digit(t[k]) && t[k] != ';' && t[k] != ':' &&
			        t[k] != '(';
		if (!clear)
			break;
		if (past_at(w, n, i, out))
			goto found;
	}
	memset(out, 0, sizeof(*out));
	out->date = FC_DATE_NONE;
	return false;
found:
	out->date = fc_date_back(doc_date, out->unit, out->span);
	return out->date != FC_DATE_NONE;
}

bool fc_claim_ref_find(const char *t, size_t ss, size_t se, size_t cs,
                       size_t ce, fc_date doc_date, bool per_day,
                       fc_claim_ref *out)
{
	rword w[MAX_RWORDS];
	size_t n, best_d = SIZE_MAX;
	bool found = false;

	memset(out, 0, sizeof(*out));
	out->date = FC_DATE_NONE;
	if (!t || se <= ss || cs < ss || ce > se)
		return false;
	n = ref_words(t, ss, se, w, MAX_RWORDS);
	for (size_t i = 0; i < n; i++) {
		fc_claim_ref r;
		size_t used = ref_at(t, se, w, n, i, doc_date, &r), d;
		if (!used)
			continue;
		/* The claim's own words are no reference point, nor is
		 * the day a daily figure counts ("in the past 24 hours"). */
		if ((r.start_at < ce && r.end_at > cs) ||
		    (per_day && r.span == 1 && r.unit == FC_PERIOD_DAY)) {
			i += used - 1;
			continue;
		}
		d = r.start_at >= ce ? r.start_at - ce : cs - r.end_at;
		if (d < best_d) {
			best_d = d;
			*out = r;
			found = true;
		}
		i += used - 1;
	}
	return found;
}
