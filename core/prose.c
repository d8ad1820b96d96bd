/*
 * prose.c: the prose builder every format shares (prose.h): prose bytes
 * appended with the text offset each comes from, white space normalised
 * as a reader sees it, markup blanked, dropped or decoded; character
 * references; the dates of front matter and HTML metadata.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prose.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* The prose builder. */



/*
 * Appends one prose byte that comes from text offset `src`. White space is
 * normalised as a reader sees it: a run of spaces, tabs and blanked markup
 * is one space, none at the start of a line, and line breaks are kept (a
 * blank line still ends a paragraph).
 */
static void put(pb *b, char c, size_t src)
{
	size_t m = b->pending != SIZE_MAX ? b->pending : src;

	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
		if (b->n == 0 || b->p[b->n - 1] == ' ' || b->p[b->n - 1] == '\n') {
			b->identity = false;
			return;
		}
		c = ' ';
	} else if (c == '\n' && b->n > 0 && b->p[b->n - 1] == ' ') {
		/* No space at the end of a line: the space becomes the line
		 * break and keeps its offset, where the white space began. */
		b->p[b->n - 1] = '\n';
		b->identity = false;
		b->pending = SIZE_MAX;
		return;
	}
	if (b->n >= b->len)
		return; /* cannot happen: the prose never outgrows the text */
	b->pending = SIZE_MAX;
	if (m != b->n || c != b->t[src])
		b->identity = false;
	b->p[b->n] = c;
	b->map[b->n] = m;
	b->n++;
}

/* Copies text [cur, to) into the prose. */
void fc_pb_copy_to(pb *b, size_t to)
{
	for (; b->cur < to; b->cur++)
		put(b, b->t[b->cur], b->cur);
}

/* Blanks text [cur, to): markup that stands for white space. */
void fc_pb_blank_to(pb *b, size_t to)
{
	for (; b->cur < to; b->cur++)
		put(b, b->t[b->cur] == '\n' ? '\n' : ' ', b->cur);
}

/* Blanks text [cur, to) as a block boundary: it starts with `breaks`
 * line breaks (a paragraph break is two), then spaces. */
void fc_pb_break_to(pb *b, size_t to, int breaks)
{
	for (int k = 0; k < breaks && b->cur < to; k++, b->cur++)
		put(b, '\n', b->cur);
	fc_pb_blank_to(b, to);
}

/* Drops inline markup [cur, to) (emphasis, links, <b>, <span>), as a
 * browser does: "<b>Gaza</b>'s" reads "Gaza's". After closing markup the
 * next prose byte maps to where the markup starts, so that a figure just
 * before it ends where the figure ends. */
void fc_pb_skip_to(pb *b, size_t to, enum skip_kind kind)
{
	if (kind == SKIP_CLOSE && b->pending == SIZE_MAX)
		b->pending = b->cur;
	b->identity = false;
	b->cur = to;
}

/* Emits `n` decoded bytes standing for text [cur, to). */
static void decoded_to(pb *b, const char *bytes, size_t n, size_t to)
{
	size_t at = b->cur;

	for (size_t k = 0; k < n; k++)
		put(b, bytes[k], at);
	b->identity = false;
	b->cur = to;
}

static void add_comment(pb *b, size_t start, size_t end)
{
	if (fc_grow((void **)&b->comments, &b->cap_comments, b->n_comments + 1,
		    sizeof(*b->comments))) {
		b->nomem = true;
		return;
	}
	b->comments[b->n_comments].start = start;
	b->comments[b->n_comments].end = end;
	b->n_comments++;
}

/* Blanks the HTML comment that starts at cur and keeps its span. */
void fc_pb_comment_to_end(pb *b)
{
	size_t s = b->cur;
	const char *e = s + 4 <= b->len
			    ? memmem(b->t + s + 4, b->len - s - 4, "-->", 3)
			    : NULL;
	size_t end = e ? (size_t)(e - b->t) + 3 : b->len;

	/* "<!-->" and "<!--->" are empty comments. */
	if (s + 5 <= b->len && b->t[s + 4] == '>')
		end = s + 5;
	else if (s + 6 <= b->len && memcmp(b->t + s + 4, "->", 2) == 0)
		end = s + 6;
	add_comment(b, s, end);
	fc_pb_blank_to(b, end);
}

/* The offset of the first case-insensitive `needle` (n bytes, starting
 * with a byte that is not a letter) in text [from, to), or `to`. */
size_t fc_pb_find_ci(const char *t, size_t from, size_t to,
		      const char *needle, size_t n)
{
	for (size_t i = from; i + n <= to; i++) {
		const char *q = memchr(t + i, needle[0], to - i);
		if (!q)
			break;
		i = (size_t)(q - t);
		if (i + n <= to && fc_ascii_ieq(t + i, needle, n))
			return i;
	}
	return to;
}

/* ------------------------------------------------------------------ */
/* Character references. */

typedef struct entity {
	const char *name;
	uint32_t cp;
} entity;

/* Sorted by strcmp. */
static const entity entities[] = {
	{"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0},
	{"Alpha", 0x391}, {"Aogon", 0x104}, {"Aring", 0xC5},
	{"Atilde", 0xC3}, {"Auml", 0xC4}, {"Beta", 0x392}, {"Cacute", 0x106},
	{"Ccaron", 0x10C}, {"Ccedil", 0xC7}, {"Delta", 0x394}, {"ETH", 0xD0},
	{"Eacute", 0xC9}, {"Ecaron", 0x11A}, {"Ecirc", 0xCA},
	{"Egrave", 0xC8}, {"Eogon", 0x118}, {"Epsilon", 0x395},
	{"Euml", 0xCB}, {"Gamma", 0x393}, {"Gbreve", 0x11E}, {"Hat", 0x5E},
	{"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Idot", 0x130}, {"Igrave", 0xCC},
	{"Iuml", 0xCF}, {"Lambda", 0x39B}, {"Lstrok", 0x141},
	{"Nacute", 0x143}, {"Ntilde", 0xD1}, {"OElig", 0x152},
	{"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2},
	{"Omega", 0x3A9}, {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
	{"Phi", 0x3A6}, {"Pi", 0x3A0}, {"Prime", 0x2033}, {"Psi", 0x3A8},
	{"Rcaron", 0x158}, {"Sacute", 0x15A}, {"Scaron", 0x160},
	{"Scedil", 0x15E}, {"Sigma", 0x3A3}, {"THORN", 0xDE},
	{"Theta", 0x398}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},
	{"Ugrave", 0xD9}, {"Uring", 0x16E}, {"Uuml", 0xDC}, {"Yacute", 0xDD},
	{"Yuml", 0x178}, {"Zacute", 0x179}, {"Zcaron", 0x17D},
	{"Zdot", 0x17B}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"acute", 0xB4},
	{"aelig", 0xE6}, {"agrave", 0xE0}, {"alpha", 0x3B1}, {"amp", 0x26},
	{"aogon", 0x105}, {"apos", 0x27}, {"aring", 0xE5}, {"ast", 0x2A},
	{"asymp", 0x2248}, {"atilde", 0xE3}, {"auml", 0xE4},
	{"bdquo", 0x201E}, {"beta", 0x3B2}, {"bsol", 0x5C}, {"bull", 0x2022},
	{"cacute", 0x107}, {"ccaron", 0x10D}, {"ccedil", 0xE7},
	{"cent", 0xA2}, {"circ", 0x2C6}, {"colon", 0x3A}, {"comma", 0x2C},
	{"copy", 0xA9}, {"curren", 0xA4}, {"darr", 0x2193}, {"dash", 0x2010},
	{"deg", 0xB0}, {"delta", 0x3B4}, {"divide", 0xF7}, {"dollar", 0x24},
	{"eacute", 0xE9}, {"ecaron", 0x11B}, {"ecirc", 0xEA},
	{"egrave", 0xE8}, {"emsp", 0x2003}, {"ensp", 0x2002},
	{"eogon", 0x119}, {"epsilon", 0x3B5}, {"equals", 0x3D},
	{"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC}, {"excl", 0x21},
	{"fnof", 0x192}, {"frac12", 0xBD}, {"frac13", 0x2153},
	{"frac14", 0xBC}, {"frac23", 0x2154}, {"frac34", 0xBE},
	{"gamma", 0x3B3}, {"gbreve", 0x11F}, {"ge", 0x2265}, {"grave", 0x60},
	{"gt", 0x3E}, {"hairsp", 0x200A}, {"harr", 0x2194},
	{"hellip", 0x2026}, {"hyphen", 0x2010}, {"iacute", 0xED},
	{"icirc", 0xEE}, {"iexcl", 0xA1}, {"igrave", 0xEC},
	{"infin", 0x221E}, {"inodot", 0x131}, {"iquest", 0xBF},
	{"iuml", 0xEF}, {"lambda", 0x3BB}, {"laquo", 0xAB}, {"larr", 0x2190},
	{"lbrack", 0x5B}, {"lcub", 0x7B}, {"ldquo", 0x201C}, {"le", 0x2264},
	{"lowbar", 0x5F}, {"lpar", 0x28}, {"lrm", 0x200E},
	{"lsaquo", 0x2039}, {"lsqb", 0x5B}, {"lsquo", 0x2018},
	{"lstrok", 0x142}, {"lt", 0x3C}, {"mdash", 0x2014}, {"micro", 0xB5},
	{"middot", 0xB7}, {"minus", 0x2212}, {"mu", 0x3BC},
	{"nacute", 0x144}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ne", 0x2260},
	{"ntilde", 0xF1}, {"num", 0x23}, {"numsp", 0x2007}, {"oacute", 0xF3},
	{"ocirc", 0xF4}, {"oelig", 0x153}, {"ograve", 0xF2},
	{"omega", 0x3C9}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"ouml", 0xF6},
	{"para", 0xB6}, {"percnt", 0x25}, {"period", 0x2E},
	{"permil", 0x2030}, {"phi", 0x3C6}, {"pi", 0x3C0}, {"plus", 0x2B},
	{"plusmn", 0xB1}, {"pound", 0xA3}, {"prime", 0x2032}, {"psi", 0x3C8},
	{"puncsp", 0x2008}, {"quest", 0x3F}, {"quot", 0x22}, {"raquo", 0xBB},
	{"rarr", 0x2192}, {"rbrack", 0x5D}, {"rcaron", 0x159},
	{"rcub", 0x7D}, {"rdquo", 0x201D}, {"reg", 0xAE}, {"rlm", 0x200F},
	{"rpar", 0x29}, {"rsaquo", 0x203A}, {"rsqb", 0x5D},
	{"rsquo", 0x2019}, {"sacute", 0x15B}, {"sbquo", 0x201A},
	{"scaron", 0x161}, {"scedil", 0x15F}, {"sect", 0xA7}, {"semi", 0x3B},
	{"shy", 0xAD}, {"sigma", 0x3C3}, {"sim", 0x223C}, {"sol", 0x2F},
	{"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3}, {"szlig", 0xDF},
	{"theta", 0x3B8}, {"thinsp", 0x2009}, {"thorn", 0xFE},
	{"tilde", 0x2DC}, {"times", 0xD7}, {"trade", 0x2122},
	{"uacute", 0xFA}, {"uarr", 0x2191}, {"ucirc", 0xFB},
	{"ugrave", 0xF9}, {"uring", 0x16F}, {"uuml", 0xFC}, {"verbar", 0x7C},
	{"vert", 0x7C}, {"yacute", 0xFD}, {"yen", 0xA5}, {"yuml", 0xFF},
	{"zacute", 0x17A}, {"zcaron", 0x17E}, {"zdot", 0x17C},
	{"zwj", 0x200D}, {"zwnj", 0x200C},
};

/* What the C1 range means in a numeric reference, as browsers read it
 * (windows-1252); 0 where it stays as it is. */
static const uint16_t cp1252[32] = {
    0x20AC, 0,	    0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	    0x017D, 0,
    0,	    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,	    0x017E, 0x0178};

static int cmp_entity(const void *key, const void *e)
{
	return strcmp(key, ((const entity *)e)->name);
}

static size_t utf8_put(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Reads the character reference at t[j] ('&'). Returns its length in the
 * text (0 if it is not one) and sets *cp. Space-like references read as a
 * space; invisible ones (soft hyphen, joiners, direction marks) as
 * UINT32_MAX; a code point that may not appear in text as U+FFFD.
 */
static size_t entity_at(const char *t, size_t len, size_t j, uint32_t *cp)
{
	size_t k = j + 1;

	if (k < len && t[k] == '#') {
		uint32_t v = 0;
		bool hex = k + 1 < len && (t[k + 1] == 'x' || t[k + 1] == 'X');
		size_t d0, nd = 0;

		k += hex ? 2 : 1;
		d0 = k;
		for (; k < len; k++) {
			char c = t[k];
			int dv = c >= '0' && c <= '9'		 ? c - '0'
				 : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
								 : -1;
			if (dv < 0)
				break;
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + (uint32_t)dv;
			nd++;
		}
		if (nd == 0 || k >= len || t[k] != ';' || k - d0 > 16)
			return 0;
		if (v >= 0x80 && v <= 0x9F && cp1252[v - 0x80])
			v = cp1252[v - 0x80];
		if (v == 0x09 || v == 0x0A || v == 0x0D || v == 0x20)
			v = ' ';
		else if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
			 v < 0x20 || (v >= 0x7F && v <= 0x9F) ||
			 (v & 0xFFFE) == 0xFFFE)
			v = 0xFFFD;
		*cp = v;
		return k + 1 - j;
	}
	{
		char name[16];
		size_t n = 0;
		const entity *e;

		while (k < len && n < sizeof(name) - 1 && fc_is_alnum(t[k]))
			name[n++] = t[k++];
		name[n] = 0;
		if (n == 0 || k >= len || t[k] != ';')
			return 0;
		e = bsearch(name, entities, FC_ARRAY_LEN(entities),
			    sizeof(entity), cmp_entity);
		if (!e)
			return 0;
		switch (e->cp) {
		case 0xA0: case 0x2002: case 0x2003: case 0x2007:
		case 0x2008: case 0x2009: case 0x200A:
			*cp = ' ';
			break;
		case 0xAD: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
			*cp = UINT32_MAX;
			break;
		default:
			*cp = e->cp;
		}
		return k + 1 - j;
	}
}

/* Decodes the reference at cur, or copies the '&'. */
void fc_pb_entity_or_copy(pb *b)
{
	uint32_t cp;
	size_t n = entity_at(b->t, b->len, b->cur, &cp);
	char out[4];

	if (n == 0) {
		fc_pb_copy_to(b, b->cur + 1);
	} else if (cp == UINT32_MAX) {
		fc_pb_skip_to(b, b->cur + n, SKIP_CLOSE);
	} else {
		size_t k = utf8_put(cp, out);
		decoded_to(b, out, k, b->cur + n);
	}
}

/* ------------------------------------------------------------------ */
/* Dates: front matter and HTML metadata. */



/*
 * Reads a date written as 2023-11-05 (a time may follow), 5 November
 * 2023 or November 5, 2023, with quotes and spaces around it. A value
 * with the shape of a date that names no day ("2023-11-31") is
 * DATE_IMPOSSIBLE, with the reason in `why`; any other non-empty value is
 * DATE_UNREADABLE when `strict` (a key that can only hold a date), else
 * DATE_ABSENT. An empty value, "null" and "~" are DATE_ABSENT.
 * `*at` and `*n_out` give the value without its quotes.
 */
static enum date_read read_date(const char *s, size_t n, bool strict,
				fc_date *out, size_t *skip, size_t *n_out,
				char *why, size_t why_size)
{
	static const char *const formats[] = {"%d %b %Y", "%b %d, %Y",
					      "%b %d %Y", "%Y/%m/%d"};
	const char *s0 = s;
	int y, m, d;

	while (n && (fc_is_space(*s) || *s == '"' || *s == '\'')) {
		s++;
		n--;
	}
	while (n && (fc_is_space(s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	*skip = (size_t)(s - s0);
	*n_out = n;
	if (n == 0 || (n == 4 && fc_ascii_ieq(s, "null", 4)) ||
	    (n == 1 && s[0] == '~'))
		return DATE_ABSENT;
	if (n >= 10 && fc_date_fields(s, 10, NULL, &y, &m, &d) &&
	    (n == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')) {
		if ((*out = fc_date_from_ymd(y, m, d)) != FC_DATE_NONE)
			return DATE_OK;
		fc_date_why_not(y, m, d, why, why_size);
		return DATE_IMPOSSIBLE;
	}
	for (size_t i = 0; i < FC_ARRAY_LEN(formats); i++) {
		if (!fc_date_fields(s, n, formats[i], &y, &m, &d))
			continue;
		if ((*out = fc_date_from_ymd(y, m, d)) != FC_DATE_NONE)
			return DATE_OK;
		fc_date_why_not(y, m, d, why, why_size);
		return DATE_IMPOSSIBLE;
	}
	if (!strict)
		return DATE_ABSENT;
	snprintf(why, why_size, "figcheck reads YYYY-MM-DD, 5 November 2023 "
				"or November 5, 2023");
	return DATE_UNREADABLE;
}

/* Reads the date value [s, s + n) of text `t` into `md`: a date, or the
 * first bad value (named `what`). Returns the date, or FC_DATE_NONE. */
fc_date fc_prose_meta_value(const char *t, const char *s, size_t n, bool strict,
			  const char *what, meta_date *md)
{
	fc_date d = FC_DATE_NONE;
	size_t skip, vn;
	char why[96];
	enum date_read r =
	    read_date(s, n, strict, &d, &skip, &vn, why, sizeof(why));

	if (r == DATE_OK)
		return d;
	if (r != DATE_ABSENT &&
	    (!md->what || (r == DATE_IMPOSSIBLE && !md->impossible))) {
		md->what = what;
		md->bad_at = (size_t)(s - t) + skip;
		md->bad_len = vn;
		md->impossible = r == DATE_IMPOSSIBLE;
		snprintf(md->why, sizeof(md->why), "%s", why);
	}
	return FC_DATE_NONE;
}

/* The end of the line that starts at `i` (the offset of its '\n' or len). */
size_t fc_prose_line_end(const char *t, size_t len, size_t i)
{
	const char *nl = memchr(t + i, '\n', len - i);
	return nl ? (size_t)(nl - t) : len;
}

/* Reads the date from front matter lines [from, to): `date:` (YAML) or
 * `date =` (TOML); failing that, `published:` and its kin. A value of one
 * of these keys that is not a date is recorded in `md`. */
fc_date fc_prose_front_matter_date(const char *t, size_t from, size_t to,
				 meta_date *md)
{
	static const char *const keys[] = {
	    "date", "published", "pubdate", "publish_date", "publishDate",
	    "date_published", "datePublished", NULL};
	fc_date best = FC_DATE_NONE;
	size_t best_rank = FC_ARRAY_LEN(keys);

	for (size_t i = from; i < to;) {
		size_t e = fc_prose_line_end(t, to, i), k = i;

		while (k < e && (fc_is_alnum(t[k]) || t[k] == '_'))
			k++;
		if (k > i) {
			size_t v = k;
			while (v < e && (t[v] == ' ' || t[v] == '\t'))
				v++;
			if (v < e && (t[v] == ':' || t[v] == '=')) {
				for (size_t r = 0; keys[r] && r < best_rank; r++) {
					fc_date d;
					if (strlen(keys[r]) != k - i ||
					    memcmp(t + i, keys[r], k - i) != 0)
						continue;
					d = fc_prose_meta_value(t, t + v + 1, e - v - 1,
						       true, "front matter date",
						       md);
					if (d != FC_DATE_NONE) {
						best = d;
						best_rank = r;
					}
				}
			}
		}
		i = e + 1;
	}
	return best;
}

/* The value of attribute `name` of the tag [j, end): sets *vs, *vn. */
bool fc_prose_attr(const char *t, size_t j, size_t end, const char *name,
		 size_t *vs, size_t *vn)
{
	size_t n = strlen(name), k = j + 1;

	while (k < end && !fc_is_space(t[k]) && t[k] != '>')
		k++; /* the tag name */
	while (k < end) {
		size_t a, an;

		while (k < end && (fc_is_space(t[k]) || t[k] == '/'))
			k++;
		a = k;
		while (k < end && !fc_is_space(t[k]) && t[k] != '=' && t[k] != '>' &&
		       t[k] != '/')
			k++;
		an = k - a;
		while (k < end && fc_is_space(t[k]))
			k++;
		if (k < end && t[k] == '=') {
			size_t s, e;
			k++;
			while (k < end && fc_is_space(t[k]))
				k++;
			if (k < end && (t[k] == '"' || t[k] == '\'')) {
				char q = t[k++];
				s = k;
				while (k < end && t[k] != q)
					k++;
				e = k;
				if (k < end)
					k++;
			} else {
				s = k;
				while (k < end && !fc_is_space(t[k]) && t[k] != '>')
					k++;
				e = k;
			}
			if (an == n && fc_ascii_ieq(t + a, name, n)) {
				*vs = s;
				*vn = e - s;
				return true;
			}
		} else if (an == n && an && fc_ascii_ieq(t + a, name, n)) {
			*vs = k;
			*vn = 0;
			return true;
		}
		if (an == 0 && k < end && t[k] != '=')
			k++;
	}
	return false;
}
