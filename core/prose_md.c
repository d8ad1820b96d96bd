/*
 * prose_md.c: the prose of a Markdown document (prose.h), as CommonMark
 * and the GitHub extensions news desks use read it: front matter, fences
 * and indented code, tables, lists, emphasis, links and images, inline
 * HTML, character references.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prose.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* Markdown (CommonMark and the GitHub extensions news desks use). */

typedef struct md {
	pb *b;
	bool in_fence;
	char fence_ch;
	size_t fence_n;
	bool in_icode;  /* indented code */
	bool in_table;
	bool in_list;
	bool para;      /* the previous line was paragraph text */
	bool prev_blank;
	size_t link_close[16]; /* ']' of open links ... */
	size_t link_end[16];   /* ... and the end of their targets */
	int n_links;
} md;

static bool blank_line(const char *t, size_t i, size_t e)
{
	for (; i < e; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r')
			return false;
	return true;
}

/* The end of the paragraph around `i` (a blank line, or the end), looked
 * for no further than `reach` bytes (INLINE_REACH for para_limit). */
static size_t para_limit_n(const char *t, size_t len, size_t i,
			   size_t reach)
{
	size_t lim = len - i > reach ? i + reach : len;

	for (size_t k = i; k < lim; k++) {
		if (t[k] != '\n')
			continue;
		size_t e = fc_prose_line_end(t, len, k + 1);
		if (blank_line(t, k + 1, e))
			return k;
	}
	return lim;
}

static size_t para_limit(const char *t, size_t len, size_t i)
{
	return para_limit_n(t, len, i, INLINE_REACH);
}

/* Columns of leading white space of [i, e) (a tab reaches the next
 * multiple of 4); *first is the first other byte. */
static size_t indent_cols(const char *t, size_t i, size_t e, size_t *first)
{
	size_t cols = 0;

	while (i < e && (t[i] == ' ' || t[i] == '\t')) {
		cols = t[i] == '\t' ? (cols / 4 + 1) * 4 : cols + 1;
		i++;
	}
	*first = i;
	return cols;
}

/* The matching ']' of the '[' at j, before `lim`, or 0. */
static size_t bracket_close(const char *t, size_t j, size_t lim)
{
	int depth = 0;

	for (size_t k = j; k < lim; k++) {
		if (t[k] == '\\') {
			k++;
		} else if (t[k] == '[') {
			depth++;
		} else if (t[k] == ']' && --depth == 0) {
			return k;
		}
	}
	return 0;
}

/* The ')' that ends the link target whose '(' is at j, or 0. */
static size_t paren_close(const char *t, size_t j, size_t lim)
{
	int depth = 0;
	char q = 0;

	for (size_t k = j; k < lim; k++) {
		char c = t[k];
		if (c == '\\') {
			k++;
		} else if (q) {
			if (c == q)
				q = 0;
		} else if ((c == '"' || c == '\'') && k > j && fc_is_space(t[k - 1])) {
			q = c;
		} else if (c == '<' && k == j + 1) {
			const char *gt = memchr(t + k, '>', lim - k);
			if (!gt)
				return 0;
			k = (size_t)(gt - t);
		} else if (c == '(') {
			depth++;
		} else if (c == ')' && --depth == 0) {
			return k;
		}
	}
	return 0;
}

/* A bare URL at j: its end (trailing punctuation left out), or 0. */
static size_t bare_url(const char *t, size_t len, size_t j)
{
	size_t k = j;
	int parens = 0;

	if (!((len - j > 8 && fc_ascii_ieq(t + j, "https://", 8)) ||
	      (len - j > 7 && fc_ascii_ieq(t + j, "http://", 7)) ||
	      (len - j > 4 && fc_ascii_ieq(t + j, "www.", 4) &&
	       fc_is_alnum(t[j + 4]))))
		return 0;
	if (j > 0 && !(fc_is_space(t[j - 1]) || t[j - 1] == '(' ||
		       t[j - 1] == '*' || t[j - 1] == '_' || t[j - 1] == '~'))
		return 0;
	while (k < len && !fc_is_space(t[k]) && t[k] != '<') {
		if (t[k] == '(')
			parens++;
		else if (t[k] == ')' && --parens < 0)
			break;
		k++;
	}
	while (k > j && strchr(".,;:!?'\"*_~", t[k - 1]))
		k--;
	return k;
}

/* A run of backticks at j of length n: blanks the code span it opens, or
 * copies the run when nothing closes it. */
static void code_span(md *s, size_t n)
{
	pb *b = s->b;
	const char *t = b->t;
	size_t j = b->cur, lim = para_limit(t, b->len, j);

	for (size_t k = j + n; k < lim;) {
		const char *q = memchr(t + k, '`', lim - k);
		size_t r, m = 0;
		if (!q)
			break;
		r = (size_t)(q - t);
		while (r + m < lim && t[r + m] == '`')
			m++;
		if (m == n) {
			fc_pb_blank_to(b, r + m);
			return;
		}
		k = r + m;
	}
	fc_pb_copy_to(b, j + n);
}

/* Emphasis delimiters (* _ ~) at j, a run of n: dropped or blanked when
 * they open or close, copied when they are text. ~~struck text~~ is
 * blanked whole: in a draft, struck text is text taken out. */
static void emphasis(md *s, size_t n)
{
	pb *b = s->b;
	const char *t = b->t;
	size_t j = b->cur;
	char c = t[j];
	char before = j > 0 ? t[j - 1] : ' ', after = j + n < b->len ? t[j + n] : ' ';
	bool sb = fc_is_space(before), sa = fc_is_space(after);
	bool left = !sa && (!fc_is_punct(after) || sb || fc_is_punct(before));
	bool right = !sb && (!fc_is_punct(before) || sa || fc_is_punct(after));

	if (c == '~') {
		size_t lim = para_limit(t, b->len, j);
		const char *e;
		if (n >= 2 && left &&
		    (e = memmem(t + j + n, lim - j - n, "~~", 2)) != NULL) {
			size_t end = (size_t)(e - t) + 2;
			while (end < lim && t[end] == '~')
				end++;
			fc_pb_blank_to(b, end);
			return;
		}
		fc_pb_copy_to(b, j + n);
		return;
	}
	if (c == '_' && left && right && fc_is_alnum(before) && fc_is_alnum(after)) {
		fc_pb_copy_to(b, j + n); /* snake_case */
		return;
	}
	if (!left && !right) {
		fc_pb_copy_to(b, j + n);
		return;
	}
	fc_pb_skip_to(b, j + n, right && !left ? SKIP_CLOSE : SKIP_OPEN);
}

/* '[' at cur: a link, an image's alt text, a footnote reference. */
static bool link_open(md *s, bool image)
{
	pb *b = s->b;
	const char *t = b->t;
	size_t j = b->cur, o = image ? j + 1 : j;
	size_t lim = para_limit(t, b->len, j);
	size_t close = bracket_close(t, o, lim), end = 0;

	/* A link longer than the reach (a data: URI of an inline image) is
	 * read to the end of its paragraph while the budget for long
	 * markup lasts. */
	if ((!close || (t[close + 1] == '(' && !paren_close(t, close + 1, lim))) &&
	    lim == j + INLINE_REACH) {
		size_t far = para_limit_n(t, b->len, j, b->long_tags);
		if (far > lim && b->long_tags >= 3 * (far - j)) {
			b->long_tags -= 3 * (far - j);
			lim = far;
			close = bracket_close(t, o, lim);
		}
	}
	if (!close)
		return false;
	if (!image && o + 1 < close && t[o + 1] == '^') {
		fc_pb_skip_to(b, close + 1, SKIP_CLOSE); /* a footnote reference */
		return true;
	}
	if (close + 1 < lim && t[close + 1] == '(')
		end = paren_close(t, close + 1, lim);
	else if (close + 1 < lim && t[close + 1] == '[')
		end = bracket_close(t, close + 1, lim);
	if (!end)
		return false;
	if (image) {
		fc_pb_blank_to(b, end + 1);
		return true;
	}
	if (s->n_links == (int)FC_ARRAY_LEN(s->link_close))
		return false;
	s->link_close[s->n_links] = close;
	s->link_end[s->n_links] = end + 1;
	s->n_links++;
	fc_pb_skip_to(b, j + 1, SKIP_OPEN);
	return true;
}

/* The inline content of a line: [cur, e). Constructs that span lines
 * (code spans, comments, tags, links) may consume text past e. */
static void md_inline(md *s, size_t e, bool table)
{
	pb *b = s->b;
	const char *t = b->t;

	while (b->cur < e) {
		size_t j = b->cur, n;
		char c = t[j];

		while (s->n_links && s->link_close[s->n_links - 1] < j)
			s->n_links--; /* its ']' was taken by other markup */
		if (s->n_links && j == s->link_close[s->n_links - 1]) {
			s->n_links--;
			fc_pb_skip_to(b, s->link_end[s->n_links], SKIP_CLOSE);
			continue;
		}
		switch (c) {
		case '\\':
			if (j + 1 < e && fc_is_punct(t[j + 1])) {
				fc_pb_skip_to(b, j + 1, SKIP_OPEN);
				fc_pb_copy_to(b, j + 2);
			} else if (j + 1 == e) {
				fc_pb_blank_to(b, e); /* a hard line break */
			} else {
				fc_pb_copy_to(b, j + 1);
			}
			continue;
		case '`':
			for (n = 1; j + n < b->len && t[j + n] == '`'; n++)
				;
			code_span(s, n);
			continue;
		case '<':
			if (!fc_prose_markup(b, INLINE_REACH, para_limit(t, b->len, j)))
				fc_pb_copy_to(b, j + 1);
			continue;
		case '&':
			fc_pb_entity_or_copy(b);
			continue;
		case '!':
			if (j + 1 < e && t[j + 1] == '[' && link_open(s, true))
				continue;
			fc_pb_copy_to(b, j + 1);
			continue;
		case '[':
			if (!link_open(s, false))
				fc_pb_copy_to(b, j + 1);
			continue;
		case '*':
		case '_':
		case '~':
			for (n = 1; j + n < e && t[j + n] == c; n++)
				;
			emphasis(s, n);
			continue;
		case '|':
			if (table)
				fc_pb_blank_to(b, j + 1);
			else
				fc_pb_copy_to(b, j + 1);
			continue;
		case 'h':
		case 'H':
		case 'w':
		case 'W':
			if ((n = bare_url(t, b->len, j)) != 0) {
				fc_pb_blank_to(b, n);
				continue;
			}
			fc_pb_copy_to(b, j + 1);
			continue;
		default:
			break;
		}
		/* Plain text, up to the next byte that may start markup. */
		n = j + 1;
		while (n < e && !strchr("\\`<&![*_~|hHwW", t[n]))
			n++;
		if (s->n_links && s->link_close[s->n_links - 1] < n &&
		    s->link_close[s->n_links - 1] > j)
			n = s->link_close[s->n_links - 1];
		fc_pb_copy_to(b, n);
	}
}

/* True for a thematic break or a setext underline (---, ***, ___, ===);
 * '=' and a short '-' count only under a paragraph line. */
static bool rule_line(const char *t, size_t k, size_t e, bool para)
{
	char c = t[k];
	size_t n = 0;

	if (c != '-' && c != '*' && c != '_' && c != '=')
		return false;
	for (; k < e; k++) {
		if (t[k] == c)
			n++;
		else if (t[k] != ' ' && t[k] != '\t' && t[k] != '\r')
			return false;
	}
	if (c == '=')
		return para;
	return n >= 3 || (c == '-' && para && n >= 1);
}

/* True for a table's delimiter row: | --- | :--: |. */
static bool delimiter_row(const char *t, size_t k, size_t e)
{
	bool dash = false, pipe = false;

	for (; k < e; k++) {
		if (t[k] == '-')
			dash = true;
		else if (t[k] == '|')
			pipe = true;
		else if (t[k] != ':' && t[k] != ' ' && t[k] != '\t' && t[k] != '\r')
			return false;
	}
	return dash && pipe;
}

/* A list marker at k: its end (the marker and one space), or 0. Inside a
 * paragraph only a numbered list starting at 1 may begin. */
static size_t list_marker(const char *t, size_t k, size_t e, bool para)
{
	size_t m = k;
	unsigned long v = 0;

	if (t[k] == '-' || t[k] == '*' || t[k] == '+') {
		m = k + 1;
	} else {
		while (m < e && m - k < 9 && t[m] >= '0' && t[m] <= '9')
			v = v * 10 + (unsigned long)(t[m++] - '0');
		if (m == k || m >= e || (t[m] != '.' && t[m] != ')'))
			return 0;
		if (para && v != 1)
			return 0;
		m++;
	}
	if (m < e && t[m] != ' ' && t[m] != '\t' && t[m] != '\r')
		return 0;
	if (m >= e && para)
		return 0; /* an empty item does not interrupt a paragraph */
	return m < e ? m + 1 : m;
}

/* Front matter at cur: --- YAML --- (or ...), or +++ TOML +++. Blanks it
 * and reads its date. */
static void front_matter(pb *b, meta_date *date)
{
	const char *t = b->t;
	size_t i = b->cur, len = b->len, e = fc_prose_line_end(t, len, i);
	char c;

	if (e - i < 3 || (memcmp(t + i, "---", 3) != 0 &&
			  memcmp(t + i, "+++", 3) != 0) ||
	    !blank_line(t, i + 3, e) || e >= len)
		return;
	c = t[i];
	for (size_t j = e + 1; j < len;) {
		size_t je = fc_prose_line_end(t, len, j);
		if (je - j >= 3 &&
		    (memcmp(t + j, c == '-' ? "---" : "+++", 3) == 0 ||
		     (c == '-' && memcmp(t + j, "...", 3) == 0)) &&
		    blank_line(t, j + 3, je)) {
			date->date = fc_prose_front_matter_date(t, e + 1, j, date);
			fc_pb_blank_to(b, je);
			return;
		}
		j = je + 1;
	}
}

void fc_prose_markdown(pb *b, meta_date *date)
{
	const char *t = b->t;
	size_t len = b->len;
	md s;

	memset(&s, 0, sizeof(s));
	s.b = b;
	s.prev_blank = true;
	front_matter(b, date);
	while (b->cur < len) {
		size_t i = b->cur, e = fc_prose_line_end(t, len, i), k, m, n, ce;
		size_t cols;
		bool heading = false, marker = false;

		if (i > 0 && t[i - 1] != '\n') {
			/* The rest of a line, after markup that spanned lines. */
			md_inline(&s, e, s.in_table);
			goto eol;
		}
		cols = indent_cols(t, i, e, &k);
		if (s.in_fence) {
			for (n = 0; k + n < e && t[k + n] == s.fence_ch; n++)
				;
			if (cols < 4 && n >= s.fence_n && blank_line(t, k + n, e))
				s.in_fence = false;
			fc_pb_blank_to(b, e);
			goto eol;
		}
		if (blank_line(t, i, e)) {
			fc_pb_blank_to(b, e);
			s.para = false;
			s.in_table = false;
			s.n_links = 0;
			s.prev_blank = true;
			if (b->cur < len)
				fc_pb_copy_to(b, b->cur + 1);
			continue;
		}
		if (s.in_icode && cols >= 4) {
			fc_pb_blank_to(b, e);
			goto eol;
		}
		s.in_icode = false;
		if (cols >= 4 && !s.para && !s.in_list) {
			s.in_icode = true;
			fc_pb_blank_to(b, e);
			goto eol;
		}
		if (cols < 4) {
			char c = t[k];
			for (n = 0; k + n < e && t[k + n] == c; n++)
				;
			if ((c == '`' || c == '~') && n >= 3 &&
			    (c == '~' || !memchr(t + k + n, '`', e - k - n))) {
				s.in_fence = true;
				s.fence_ch = c;
				s.fence_n = n;
				s.para = false;
				fc_pb_blank_to(b, e);
				goto eol;
			}
			if (rule_line(t, k, e, s.para)) {
				s.para = false;
				fc_pb_blank_to(b, e);
				goto eol;
			}
			if (c == '[' && !s.para) {
				size_t close = bracket_close(t, k, e);
				if (close && close + 1 < e && t[close + 1] == ':') {
					if (k + 1 < close && t[k + 1] == '^') {
						/* A footnote: its text is prose. */
						fc_pb_blank_to(b, close + 2);
						md_inline(&s, e, false);
						goto eol;
					}
					fc_pb_blank_to(b, e); /* a link definition */
					goto eol;
				}
			}
			if (s.in_table && delimiter_row(t, k, e)) {
				fc_pb_blank_to(b, e);
				goto eol;
			}
			if (!s.in_table && e < len && memchr(t + k, '|', e - k)) {
				size_t ni = e + 1, ne = fc_prose_line_end(t, len, ni), nk;
				if (indent_cols(t, ni, ne, &nk) < 4 &&
				    delimiter_row(t, nk, ne))
					s.in_table = true;
			}
		}
		/* Block quotes, list markers and heading marks. */
		m = k;
		for (int guard = 0; guard < 32 && m < e; guard++) {
			size_t q, mk;
			indent_cols(t, m, e, &q);
			if (q < e && t[q] == '>') {
				m = q + 1;
				if (m < e && (t[m] == ' ' || t[m] == '\t'))
					m++;
				continue;
			}
			if (q < e && !rule_line(t, q, e, false) &&
			    (mk = list_marker(t, q, e,
					      s.para && !s.in_list && !marker)) != 0) {
				m = mk;
				marker = true;
				s.in_list = true;
				continue;
			}
			break;
		}
		if (m < e && t[m] == '#' && cols < 4) {
			for (n = 0; m + n < e && t[m + n] == '#'; n++)
				;
			if (n <= 6 && (m + n == e || t[m + n] == ' ' ||
				       t[m + n] == '\t' || t[m + n] == '\r')) {
				heading = true;
				m += n;
			}
		}
		if (!marker && cols == 0 && s.prev_blank)
			s.in_list = false;
		fc_pb_blank_to(b, m);
		ce = e;
		if (heading) {
			/* A closing sequence of #s. */
			size_t r = e;
			while (r > m && fc_is_space(t[r - 1]))
				r--;
			n = r;
			while (n > m && t[n - 1] == '#')
				n--;
			if (n < r && (n == m || t[n - 1] == ' ' || t[n - 1] == '\t'))
				ce = n;
		}
		md_inline(&s, ce, s.in_table);
		if (b->cur < e)
			fc_pb_blank_to(b, e);
		s.para = !heading;
	eol:
		s.prev_blank = false;
		if (b->cur < len && t[b->cur] == '\n')
			fc_pb_copy_to(b, b->cur + 1);
	}
}
