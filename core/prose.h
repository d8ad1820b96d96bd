/*
 * prose.h: building a document's prose view (private to the core): the
 * builder every format shares (prose.c: appending prose bytes and their
 * map, character references, dates in front matter and metadata), HTML
 * (prose_html.c) and Markdown (prose_md.c). document.c runs it.
 */
#ifndef FC_PROSE_H
#define FC_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <figcheck/plugin.h>

#include "suppress.h"

/* How far an inline construct (a code span, a link, a tag) is searched for
 * its end: keeps the pass linear on hostile input. */
#define INLINE_REACH 4096
#define TAG_REACH 65536

enum skip_kind { SKIP_OPEN, SKIP_CLOSE };

typedef struct pb {
	const char *t;
	size_t len;
	size_t cur;     /* the next text byte to consume */
	char *p;        /* len + 1 bytes */
	size_t *map;    /* len + 1 entries */
	size_t n;       /* prose bytes so far */
	size_t pending; /* text offset for the next prose byte, or SIZE_MAX */
	bool identity;  /* every prose byte so far is the text byte at its
	                   own offset */
	fc_comment_span *comments;
	size_t n_comments, cap_comments;
	bool nomem;
	/* Bytes that tags longer than TAG_REACH may still be scanned for
	 * ("<img src=\"data:...\">" of a megabyte): a few times the text, so
	 * that reading them stays linear in the text. */
	size_t long_tags;
} pb;

/*
 * The date a document's metadata gives, and the first date value in it
 * that is not a date ("2023-11-31"): a document that says when it was
 * written but says it wrongly must not silently be checked as of today.
 */
typedef struct meta_date {
	fc_date date;
	const char *what;   /* "front matter date", or NULL: no bad value */
	size_t bad_at;      /* offset of the bad value in the text */
	size_t bad_len;
	char why[96];       /* "November has 30 days" */
	bool impossible;    /* a date's shape, but no such day: an error;
	                       else a value figcheck cannot read: a warning */
} meta_date;

enum date_read { DATE_ABSENT, DATE_OK, DATE_IMPOSSIBLE, DATE_UNREADABLE };

typedef struct tag {
	size_t name, name_len; /* the tag name in the text */
	size_t end;            /* just past '>' */
	bool closing;          /* </name> */
	bool self_closing;     /* <name/> */
	bool reach_hit;        /* no '>' within the reach: it may be longer */
} tag;

/* Blanks text [cur, to): markup that stands for white space. */
void fc_pb_blank_to(pb *b, size_t to);

/* Blanks text [cur, to) as a block boundary: it starts with `breaks`
 * line breaks (a paragraph break is two), then spaces. */
void fc_pb_break_to(pb *b, size_t to, int breaks);

/* Blanks the HTML comment that starts at cur and keeps its span. */
void fc_pb_comment_to_end(pb *b);

/* Copies text [cur, to) into the prose. */
void fc_pb_copy_to(pb *b, size_t to);

/* Decodes the reference at cur, or copies the '&'. */
void fc_pb_entity_or_copy(pb *b);

/* The offset of the first case-insensitive `needle` (n bytes, starting
 * with a byte that is not a letter) in text [from, to), or `to`. */
size_t fc_pb_find_ci(const char *t, size_t from, size_t to,
		      const char *needle, size_t n);

/* Drops inline markup [cur, to) (emphasis, links, <b>, <span>), as a
 * browser does: "<b>Gaza</b>'s" reads "Gaza's". After closing markup the
 * next prose byte maps to where the markup starts, so that a figure just
 * before it ends where the figure ends. */
void fc_pb_skip_to(pb *b, size_t to, enum skip_kind kind);

/* Reads the date from front matter lines [from, to): `date:` (YAML) or
 * `date =` (TOML); failing that, `published:` and its kin. A value of one
 * of these keys that is not a date is recorded in `md`. */
fc_date fc_prose_front_matter_date(const char *t, size_t from, size_t to,
				 meta_date *md);

/* The end of the line that starts at `i` (the offset of its '\n' or len). */
size_t fc_prose_line_end(const char *t, size_t len, size_t i);

/* Reads the date value [s, s + n) of text `t` into `md`: a date, or the
 * first bad value (named `what`). Returns the date, or FC_DATE_NONE. */
fc_date fc_prose_meta_value(const char *t, const char *s, size_t n, bool strict,
			  const char *what, meta_date *md);

/* The value of attribute `name` of the tag [j, end): sets *vs, *vn. */
bool fc_prose_attr(const char *t, size_t j, size_t end, const char *name,
		 size_t *vs, size_t *vn);

/*
 * Markup at cur ('<'): a comment, a declaration, CDATA or a tag. Blanks or
 * drops it and returns true, or returns false when the '<' is text. A tag
 * ends within `reach` bytes; an element such as <code> or <sup> is closed
 * before `limit` or hides only its tag.
 */
bool fc_prose_markup(pb *b, size_t reach, size_t limit);

void fc_prose_html(pb *b);

/*
 * The publication date of an HTML document, first found: a <meta> named
 * date, dc.date, article:published_time and the like; "datePublished" in
 * JSON-LD; a <time pubdate> or, failing all, the first <time datetime>.
 * A <meta> or JSON-LD date that is not a date, and a <time> whose
 * datetime has the shape of a date but names no day, are recorded in
 * `md` (a <time> may hold a time or a duration: those are not dates).
 */
fc_date fc_prose_html_date(const char *t, size_t len, meta_date *md);

void fc_prose_markdown(pb *b, meta_date *date);

#endif
