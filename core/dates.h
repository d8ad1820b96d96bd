/*
 * dates.h: dates as news copy writes them. Reads a date at a place in the
 * text ("5 NOV", "Nov. 5", "5 November 2023", "Sunday", "2023-11-05"),
 * finds a document's dateline in its first lines, and finds the date
 * phrases of a claim's sentence that give the claim its own as-of date
 * ("as of November 10", "by Sunday", "on 5 November", "in 2022") or the
 * date its count starts from ("since October 7").
 *
 * Every function here but fc_document_dateline (which reads a file's
 * modification time) is pure; none keeps state between calls, so all are
 * safe from several threads at once.
 */
#ifndef FC_DATES_H
#define FC_DATES_H

#include <figcheck/plugin.h>

/* A date as written: the parts the words fix, before a year or a weekday
 * is resolved against a reference date. */
typedef struct fc_written_date {
	size_t start, end; /* the span read, in bytes of the text */
	int year;          /* 0 when not written */
	int month;         /* 1-12, or 0 when not written ("Sunday", "2022") */
	int day;           /* 1-31, or 0 */
	int weekday;       /* 0 Monday ... 6 Sunday, or -1 */
	int back;          /* "today" 0, "yesterday" 1; -1 when not relative */
} fc_written_date;

/*
 * Reads the date that starts at text[i], if one does: a day and month in
 * either order with an optional year ("5 NOV", "Nov. 5, 2023",
 * "5 November 2023"), an ISO date, a weekday optionally followed by a
 * date ("Sunday", "Sunday 5 November"), "today", "yesterday", or, when
 * `year_alone` is set, a year of four digits from 1900 to 2100. Fills
 * *out and returns true; false when no date starts there. Pure.
 */
bool fc_date_read(const char *text, size_t len, size_t i, bool year_alone,
                  fc_written_date *out);

/* How a written date without a year (or a weekday) is placed. */
typedef enum fc_date_place {
	FC_PLACE_NOT_AFTER = 0, /* the latest such date on or before ref */
	FC_PLACE_NEAREST = 1 /* the such date nearest to ref (ties: before) */
} fc_date_place;

/*
 * The calendar date `w` stands for, given the reference date `ref`: a
 * written year is kept; a missing one is `year` when non-zero, else
 * chosen by `place` around `ref`. A weekday alone is the latest such day
 * on or before `ref`; "yesterday" is the day before `ref`. A year alone
 * (no month) gives its last day, a month without a day its last day.
 * FC_DATE_NONE when the parts make no date (31 February). Pure.
 */
fc_date fc_date_resolve(const fc_written_date *w, fc_date ref, int year,
                        fc_date_place place);

/* Where the year of a dateline came from. */
typedef enum fc_year_origin {
	FC_YEAR_WRITTEN = 0, /* the dateline gives it */
	FC_YEAR_CONFIG,      /* the configuration's "year" */
	FC_YEAR_FILE,        /* the latest such date not after the file's
	                        modification time */
	FC_YEAR_TODAY        /* the latest such date not after today */
} fc_year_origin;

/* A dateline found in a document's first lines. */
typedef struct fc_dateline {
	fc_date date;                /* FC_DATE_NONE when the dateline names
	                                no day ("Nov 31", "29 February 2023") */
	size_t start, end;           /* the dateline, in bytes of the prose */
	size_t date_start, date_end; /* the date in it */
	fc_year_origin year_from;
} fc_dateline;

/*
 * Looks for a dateline in the first non-blank lines of `doc`'s prose: a
 * line that is only a date ("5 NOV", "Sunday 5 November 2023",
 * "Updated: Nov. 5"), or a line that opens with a place and a date and a
 * dash before the story ("GAZA CITY, Nov 5 (Reuters) - ...",
 * "Nov. 5 (AP) — ..."). Markdown headings are not datelines. A date
 * without a year takes `year` when non-zero, else the latest such date
 * not after `not_after` (the file's modification date, or today: say
 * which in `not_after_origin`). Fills *out and returns true when one is
 * found; out->date is FC_DATE_NONE when its date names no day ("Nov 31",
 * or 29 February in a common year). Pure.
 */
bool fc_dateline_find(const fc_document *doc, int year, fc_date not_after,
                      fc_year_origin not_after_origin, fc_dateline *out);

/*
 * The dateline of `doc` (fc_dateline_find), a missing year taken from
 * `year` when non-zero, else placed not after the modification time of
 * the file doc->path names (read with stat(2); today for standard input
 * or a document not read from a file). Fills *out and returns true when
 * the document has a dateline (out->date is FC_DATE_NONE when it names
 * no day).
 */
bool fc_document_dateline(const fc_document *doc, int year, fc_dateline *out);

/* The date phrases that apply to one claim. */
typedef struct fc_claim_dates {
	fc_date as_of;                 /* or FC_DATE_NONE */
	fc_date since;                 /* or FC_DATE_NONE */
	size_t as_of_start, as_of_end; /* the phrase that set as_of */
	size_t since_start, since_end; /* the phrase that set since */
	bool no_day;                   /* a phrase that applies names no day
	                                  ("as of November 31") */
	size_t no_day_start, no_day_end; /* that phrase */
} fc_claim_dates;

/*
 * Finds the date phrases of the sentence [ss, se) of `text` that apply to
 * the claim at [cs, ce), with the document's date `doc_date` to place
 * dates without a year and weekdays. A phrase applies when it stands in
 * the claim's clause with no other figure between them, or opens the
 * sentence ("By Sunday, ..."), or closes it after a comma (", as of
 * Sunday."). Read as the as-of date: "as of", "as at", "by", "until",
 * "through", "up to" and "on" before a date, "today", "yesterday"; "on"
 * after an event word ("killed on 7 October", "the attack on 7 October")
 * dates the event, not the count, and is ignored. Read as the start of
 * the count: "since" before a date. "In 2022" and "in November" give
 * both: the count runs from the period's first day to its last (or to
 * the document's date, if sooner). `nums` are the readings of the
 * sentence (any superset will do: readings outside it are ignored).
 * Fills *out (fields FC_DATE_NONE when nothing applies). A phrase that
 * applies but names no day ("as of November 31", "since 30 February")
 * sets no_day and its span, and leaves that date FC_DATE_NONE: the
 * claim's date is then unknown, not the document's. Pure.
 */
void fc_claim_dates_find(const char *text, size_t ss, size_t se, size_t cs,
                         size_t ce, const fc_number_list *nums,
                         fc_date doc_date, fc_claim_dates *out);

/* The reference point of a claim about change. */
typedef struct fc_claim_ref {
	fc_date date;      /* "since 2014": 2014-01-01; or FC_DATE_NONE */
	fc_period unit;    /* the date's precision, or the span's unit */
	int span;          /* "in two weeks": 14 (days); 0 when none */
	bool start;        /* "since the war began": the series' start */
	size_t start_at, end_at; /* the phrase, in bytes of the text */
} fc_claim_ref;

/*
 * Finds the phrase of the sentence [ss, se) of `text` that gives the
 * reference point of the change claimed at [cs, ce): "since" and a date
 * ("since 2014" is the year 2014, "since March" the month, "since
 * October 7" the day; a date without a year is placed not after
 * `doc_date`), "since the war began" and the like (the start of the
 * series), or a span back from the claim's date: "in two weeks", "over
 * the past year", "in 24 hours", "within a month", "a year earlier",
 * "compared with last year", "year on year". Of several, the nearest to
 * the claim; with `per_day` (the figure counts one day: "the deadliest
 * day since the war began, with 436 killed in the past 24 hours"), a span
 * of one day is that day, not a reference point, and is passed over.
 * Returns true and fills *out when one is found. Pure.
 */
bool fc_claim_ref_find(const char *text, size_t ss, size_t se, size_t cs,
                       size_t ce, fc_date doc_date, bool per_day,
                       fc_claim_ref *out);

/* `d` moved back by `span` days, months or years (`unit`); a day that the
 * month lacks becomes its last (March 31 less a month is February 28 or
 * 29). FC_DATE_NONE if `d` is, or before year 1. Pure. */
fc_date fc_date_back(fc_date d, fc_period unit, int span);

/*
 * Finds the phrase of the sentence [ss, se) of `text` that dates the
 * level claimed at [cs, ce) at a span before the document's date
 * `doc_date`: "a week earlier", "ten years ago", "a month before",
 * opening the sentence before a comma ("A week earlier, the ministry put
 * the toll at 7,703") or just after the figure with no other figure
 * between ("stood at 7,703 a week earlier"). Fills *out: date (doc_date
 * less the span), unit, span and the phrase's bytes. Returns false when
 * none applies. Pure.
 */
bool fc_claim_past_find(const char *text, size_t ss, size_t se, size_t cs,
                        size_t ce, fc_date doc_date, fc_claim_ref *out);

#endif
