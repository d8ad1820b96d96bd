/*
 * document.c: reading a document once, checking that it is text, and
 * building its prose view, its map back to the text, its line index, its
 * as-of date and its suppression comments.
 *
 * The prose is built by one forward pass over the text that consumes it
 * in order: each prose byte is either copied from the text, white space
 * standing for markup, or a byte of a decoded character reference, and
 * prose_map records the text offset each one comes from. Inline markup
 * (emphasis, links, <b>, <span>) is dropped as a browser drops it, so it
 * never splits a word ("<b>Gaza</b>'s"); other markup, code and comments
 * read as white space, and white space is normalised (one space between
 * words, line breaks kept), so that rules written for plain sentences
 * match the prose of Markdown and HTML drafts too. The byte after dropped
 * closing markup maps to where the markup starts, so that the end of a
 * figure maps to the end of the figure.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "document.h"
#include "json.h"
#include "util.h"

#define DEFAULT_MAX_DOC (64u * 1024 * 1024)

/* How far an inline construct (a code span, a link, a tag) is searched for
 * its end: keeps the pass linear on hostile input. */
#define INLINE_REACH 4096
#define TAG_REACH 65536

struct fc_doc_priv {
	size_t *lines; /* byte offset of the start of each line */
	size_t n_lines;
	char *text;
	char *prose;
	size_t *map;   /* prose_len + 1 entries, or NULL */
	char *path;
	char *open_path; /* the file read, or NULL: stdin or memory */
	char *date_error;   /* an impossible metadata date, or NULL */
	char *date_warning; /* an unreadable metadata date, or NULL */
	fc_suppressions sup;
	fc_number_list numbers; /* the prose's figures, once scanned */
	bool scanned;
};

fc_doc_format fc_format_from_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	if (!dot)
		return FC_FORMAT_TEXT;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0 ||
	    strcasecmp(dot, ".mdown") == 0 || strcasecmp(dot, ".mkd") == 0 ||
	    strcasecmp(dot, ".mdx") == 0)
		return FC_FORMAT_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
	    strcasecmp(dot, ".xhtml") == 0)
		return FC_FORMAT_HTML;
	return FC_FORMAT_TEXT;
}

bool fc_format_parse(const char *s, fc_doc_format *out)
{
	if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		*out = FC_FORMAT_TEXT;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*out = FC_FORMAT_MARKDOWN;
	else if (strcmp(s, "html") == 0)
		*out = FC_FORMAT_HTML;
	else
		return false;
	return true;
}

const char *fc_format_name(fc_doc_format f)
{
	return f == FC_FORMAT_MARKDOWN ? "markdown"
	       : f == FC_FORMAT_HTML	? "html"
					: "text";
}

const fc_suppressions *fc_document_suppressions(const fc_document *doc)
{
	return doc && doc->priv ? &doc->priv->sup : NULL;
}

const char *fc_document_date_error(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->date_error : NULL;
}

const char *fc_document_date_warning(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->date_warning : NULL;
}

const char *fc_document_file(const fc_document *doc)
{
	return doc && doc->priv ? doc->priv->open_path : NULL;
}

/* ------------------------------------------------------------------ */
/* The prose builder. */

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
static void copy_to(pb *b, size_t to)
{
	for (; b->cur < to; b->cur++)
		put(b, b->t[b->cur], b->cur);
}

/* Blanks text [cur, to): markup that stands for white space. */
static void blank_to(pb *b, size_t to)
{
	for (; b->cur < to; b->cur++)
		put(b, b->t[b->cur] == '\n' ? '\n' : ' ', b->cur);
}

/* Blanks text [cur, to) as a block boundary: it starts with `breaks`
 * line breaks (a paragraph break is two), then spaces. */
static void break_to(pb *b, size_t to, int breaks)
{
	for (int k = 0; k < breaks && b->cur < to; k++, b->cur++)
		put(b, '\n', b->cur);
	blank_to(b, to);
}

/* Drops inline markup [cur, to) (emphasis, links, <b>, <span>), as a
 * browser does: "<b>Gaza</b>'s" reads "Gaza's". After closing markup the
 * next prose byte maps to where the markup starts, so that a figure just
 * before it ends where the figure ends. */
static void skip_to(pb *b, size_t to, enum skip_kind kind)
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
static void comment_to_end(pb *b)
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
	blank_to(b, end);
}

/* The offset of the first case-insensitive `needle` (n bytes, starting
 * with a byte that is not a letter) in text [from, to), or `to`. */
static size_t find_ci(const char *t, size_t from, size_t to,
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
static void entity_or_copy(pb *b)
{
	uint32_t cp;
	size_t n = entity_at(b->t, b->len, b->cur, &cp);
	char out[4];

	if (n == 0) {
		copy_to(b, b->cur + 1);
	} else if (cp == UINT32_MAX) {
		skip_to(b, b->cur + n, SKIP_CLOSE);
	} else {
		size_t k = utf8_put(cp, out);
		decoded_to(b, out, k, b->cur + n);
	}
}

/* ------------------------------------------------------------------ */
/* HTML tags, in HTML documents and inside Markdown. */

typedef struct tag {
	size_t name, name_len; /* the tag name in the text */
	size_t end;            /* just past '>' */
	bool closing;          /* </name> */
	bool self_closing;     /* <name/> */
	bool reach_hit;        /* no '>' within the reach: it may be longer */
} tag;

enum tag_class {
	TAG_OTHER,  /* blanked */
	TAG_INLINE, /* formatting inside a sentence: dropped when glued */
	TAG_BREAK,  /* <br>: a line break */
	TAG_BLOCK,  /* a paragraph break */
	TAG_RAW     /* blanked with everything up to its closing tag */
};

/*
 * Reads the tag that starts at t[j] ('<') and ends within `reach` bytes.
 * Quotes in attribute values are honoured; a '<' outside quotes means it
 * was not a tag.
 */
static bool parse_tag(const char *t, size_t len, size_t j, size_t reach,
		      tag *tg)
{
	size_t k = j + 1, limit = len - j > reach ? j + reach : len;
	char q = 0, prev = 0;

	memset(tg, 0, sizeof(*tg));
	if (k < len && t[k] == '/') {
		tg->closing = true;
		k++;
	}
	if (k >= len || !fc_is_alpha(t[k]))
		return false;
	tg->name = k;
	while (k < len && (fc_is_alnum(t[k]) || t[k] == '-' || t[k] == ':' ||
			   t[k] == '_'))
		k++;
	tg->name_len = k - tg->name;
	if (k >= len || !(fc_is_space(t[k]) || t[k] == '>' || t[k] == '/'))
		return false;
	for (; k < limit; k++) {
		char c = t[k];

		if (q) {
			if (c == q)
				q = 0;
			continue;
		}
		if ((c == '"' || c == '\'') && prev == '=') {
			q = c;
			continue;
		}
		if (c == '>') {
			tg->end = k + 1;
			tg->self_closing = t[k - 1] == '/';
			return true;
		}
		if (c == '<')
			return false;
		if (!fc_is_space(c))
			prev = c;
	}
	tg->reach_hit = limit < len;
	return false;
}

static bool name_in(const char *name, size_t n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && fc_ascii_ieq(name, list[i], n))
			return true;
	return false;
}

static enum tag_class classify(const char *name, size_t n)
{
	static const char *const raw[] = {
	    "script", "style",	  "template", "svg",	"math",	  "code",
	    "pre",    "kbd",	  "samp",     "var",	"textarea", "select",
	    "noscript", "iframe", "object",   "canvas", "audio",  "video",
	    "title",  "del",	  "s",	      "strike", "sup",	  "sub",
	    NULL};
	static const char *const inl[] = {
	    "a",    "abbr", "acronym", "b",    "bdi",  "bdo",  "big",  "cite",
	    "data", "dfn",  "em",      "font", "i",    "ins",  "label", "mark",
	    "nobr", "q",    "rp",      "rt",   "ruby", "small", "span",
	    "strong", "time", "tt",    "u",    "wbr",  NULL};
	static const char *const block[] = {
	    "address", "article", "aside",  "blockquote", "body",  "caption",
	    "center",  "dd",	  "details", "dialog",    "dir",   "div",
	    "dl",      "dt",	  "fieldset", "figcaption", "figure", "footer",
	    "form",    "h1",	  "h2",	     "h3",	   "h4",    "h5",
	    "h6",      "head",	  "header",  "hgroup",	   "hr",    "html",
	    "legend",  "li",	  "main",    "menu",	   "nav",   "ol",
	    "option",  "p",	  "section", "summary",	   "table", "tbody",
	    "td",      "tfoot",	  "th",	     "thead",	   "tr",    "ul",
	    NULL};

	if (n == 2 && fc_ascii_ieq(name, "br", 2))
		return TAG_BREAK;
	if (name_in(name, n, raw))
		return TAG_RAW;
	if (name_in(name, n, inl))
		return TAG_INLINE;
	if (name_in(name, n, block))
		return TAG_BLOCK;
	return TAG_OTHER;
}

/* The end of the element whose opening tag `tg` is: just past its closing
 * tag if one comes before `limit`, else 0. */
static size_t raw_end(const char *t, size_t len, size_t limit, const tag *tg)
{
	size_t i = tg->end;

	for (;;) {
		size_t c = find_ci(t, i, limit, "</", 2);
		tag close;
		if (c >= limit)
			return 0;
		if (parse_tag(t, len, c, TAG_REACH, &close) && close.closing &&
		    close.name_len == tg->name_len &&
		    fc_ascii_ieq(t + close.name, t + tg->name, tg->name_len))
			return close.end;
		i = c + 2;
	}
}

/* True for the raw elements whose content a browser takes as text up to
 * the end of the page when they are never closed (script, style...);
 * the others (code, sup, del...) only hide what they enclose. */
static bool raw_to_end(const char *name, size_t n)
{
	static const char *const block[] = {"script", "style", "template",
					    "textarea", "noscript", "title",
					    "iframe", "pre", "svg", "math",
					    NULL};
	return name_in(name, n, block);
}

/*
 * Markup at cur ('<'): a comment, a declaration, CDATA or a tag. Blanks or
 * drops it and returns true, or returns false when the '<' is text. A tag
 * ends within `reach` bytes; an element such as <code> or <sup> is closed
 * before `limit` or hides only its tag.
 */
static bool markup(pb *b, size_t reach, size_t limit)
{
	const char *t = b->t;
	size_t j = b->cur, len = b->len;
	tag tg;

	if (len - j >= 4 && memcmp(t + j, "<!--", 4) == 0) {
		comment_to_end(b);
		return true;
	}
	if (len - j >= 9 && memcmp(t + j, "<![CDATA[", 9) == 0) {
		const char *e = memmem(t + j + 9, len - j - 9, "]]>", 3);
		blank_to(b, e ? (size_t)(e - t) + 3 : len);
		return true;
	}
	/* <!DOCTYPE ...> and <?xml ...?>. */
	if (len - j >= 3 && ((t[j + 1] == '!' && fc_is_alpha(t[j + 2])) ||
			     t[j + 1] == '?')) {
		const char *e = memchr(t + j, '>', len - j);
		blank_to(b, e ? (size_t)(e - t) + 1 : len);
		return true;
	}
	if (!parse_tag(t, len, j, reach, &tg)) {
		/* A tag longer than the reach (an inline image's data: URI)
		 * is read whole while the budget for such tags lasts. */
		if (!tg.reach_hit || limit <= j || limit - j <= reach ||
		    b->long_tags < limit - j)
			return false;
		if (!parse_tag(t, len, j, limit - j, &tg)) {
			b->long_tags -= limit - j;
			return false;
		}
		b->long_tags -= tg.end - j;
	}
	switch (classify(t + tg.name, tg.name_len)) {
	case TAG_INLINE:
		skip_to(b, tg.end, tg.closing ? SKIP_CLOSE : SKIP_OPEN);
		break;
	case TAG_BREAK:
		break_to(b, tg.end, 1);
		break;
	case TAG_BLOCK:
		break_to(b, tg.end, 2);
		break;
	case TAG_RAW: {
		size_t end = 0;
		if (!tg.closing && !tg.self_closing) {
			bool to_end = raw_to_end(t + tg.name, tg.name_len);
			end = raw_end(t, len, to_end ? len : limit, &tg);
			if (!end && to_end)
				end = len;
		}
		blank_to(b, end ? end : tg.end);
		break;
	}
	case TAG_OTHER:
		blank_to(b, tg.end);
		break;
	}
	return true;
}

static void html_prose(pb *b)
{
	while (b->cur < b->len) {
		char c = b->t[b->cur];

		if (c == '<') {
			if (!markup(b, TAG_REACH, b->len))
				copy_to(b, b->cur + 1);
		} else if (c == '&') {
			entity_or_copy(b);
		} else {
			size_t e = b->cur + 1;
			while (e < b->len && b->t[e] != '<' && b->t[e] != '&')
				e++;
			copy_to(b, e);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Dates: front matter and HTML metadata. */

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
static fc_date meta_value(const char *t, const char *s, size_t n, bool strict,
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
static size_t line_end(const char *t, size_t len, size_t i)
{
	const char *nl = memchr(t + i, '\n', len - i);
	return nl ? (size_t)(nl - t) : len;
}

/* Reads the date from front matter lines [from, to): `date:` (YAML) or
 * `date =` (TOML); failing that, `published:` and its kin. A value of one
 * of these keys that is not a date is recorded in `md`. */
static fc_date front_matter_date(const char *t, size_t from, size_t to,
				 meta_date *md)
{
	static const char *const keys[] = {
	    "date", "published", "pubdate", "publish_date", "publishDate",
	    "date_published", "datePublished", NULL};
	fc_date best = FC_DATE_NONE;
	size_t best_rank = FC_ARRAY_LEN(keys);

	for (size_t i = from; i < to;) {
		size_t e = line_end(t, to, i), k = i;

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
					d = meta_value(t, t + v + 1, e - v - 1,
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
static bool attr(const char *t, size_t j, size_t end, const char *name,
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

/*
 * The publication date of an HTML document, first found: a <meta> named
 * date, dc.date, article:published_time and the like; "datePublished" in
 * JSON-LD; a <time pubdate> or, failing all, the first <time datetime>.
 * A <meta> or JSON-LD date that is not a date, and a <time> whose
 * datetime has the shape of a date but names no day, are recorded in
 * `md` (a <time> may hold a time or a duration: those are not dates).
 */
static fc_date html_date(const char *t, size_t len, meta_date *md)
{
	static const char *const metas[] = {
	    "date",	       "dc.date",	     "dcterms.date",
	    "dc.date.issued", "dcterms.created",   "article:published_time",
	    "og:published_time", "published_time", "pubdate",
	    "publish-date",   "publish_date",	     "publication_date",
	    "datepublished",  "sailthru.date",     "parsely-pub-date",
	    NULL};
	fc_date meta = FC_DATE_NONE, ld = FC_DATE_NONE, pub = FC_DATE_NONE,
		first = FC_DATE_NONE;
	size_t i = 0;

	while (i < len && meta == FC_DATE_NONE) {
		const char *lt = memchr(t + i, '<', len - i);
		size_t j, vs, vn, cs, cn;
		tag tg;

		if (!lt)
			break;
		j = (size_t)(lt - t);
		if (len - j >= 4 && memcmp(t + j, "<!--", 4) == 0) {
			const char *e = memmem(t + j + 4, len - j - 4, "-->", 3);
			i = e ? (size_t)(e - t) + 3 : len;
			continue;
		}
		if (!parse_tag(t, len, j, TAG_REACH, &tg) || tg.closing) {
			i = j + 1;
			continue;
		}
		i = tg.end;
		if (tg.name_len == 4 && fc_ascii_ieq(t + tg.name, "meta", 4)) {
			if (!(attr(t, j, tg.end, "name", &vs, &vn) ||
			      attr(t, j, tg.end, "property", &vs, &vn) ||
			      attr(t, j, tg.end, "itemprop", &vs, &vn)) ||
			    !name_in(t + vs, vn, metas) ||
			    !attr(t, j, tg.end, "content", &cs, &cn))
				continue;
			meta = meta_value(t, t + cs, cn, true, "HTML <meta> date",
					  md);
		} else if (tg.name_len == 4 &&
			   fc_ascii_ieq(t + tg.name, "time", 4)) {
			fc_date d = FC_DATE_NONE;
			if (attr(t, j, tg.end, "datetime", &vs, &vn))
				d = meta_value(t, t + vs, vn, false,
					       "HTML <time> datetime", md);
			if (pub == FC_DATE_NONE &&
			    (attr(t, j, tg.end, "pubdate", &cs, &cn) ||
			     (attr(t, j, tg.end, "itemprop", &cs, &cn) &&
			      cn == 13 && fc_ascii_ieq(t + cs, "datePublished", 13))))
				pub = d;
			if (first == FC_DATE_NONE)
				first = d;
		} else if (tg.name_len == 6 &&
			   fc_ascii_ieq(t + tg.name, "script", 6)) {
			size_t e = raw_end(t, len, len, &tg);
			if (!e)
				e = len;
			if (ld == FC_DATE_NONE &&
			    attr(t, j, tg.end, "type", &vs, &vn) && vn == 19 &&
			    fc_ascii_ieq(t + vs, "application/ld+json", 19)) {
				size_t p = find_ci(t, tg.end, e, "\"datePublished\"", 15);
				if (p < e) {
					const char *q1, *q2;
					p += 15;
					q1 = memchr(t + p, '"', e - p);
					q2 = q1 ? memchr(q1 + 1, '"',
							 e - (size_t)(q1 + 1 - t))
						: NULL;
					if (q2)
						ld = meta_value(
						    t, q1 + 1,
						    (size_t)(q2 - q1 - 1), true,
						    "JSON-LD datePublished", md);
				}
			}
			i = e;
		}
	}
	return meta != FC_DATE_NONE ? meta
	       : ld != FC_DATE_NONE ? ld
	       : pub != FC_DATE_NONE ? pub
				     : first;
}

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
		size_t e = line_end(t, len, k + 1);
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
			blank_to(b, r + m);
			return;
		}
		k = r + m;
	}
	copy_to(b, j + n);
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
			blank_to(b, end);
			return;
		}
		copy_to(b, j + n);
		return;
	}
	if (c == '_' && left && right && fc_is_alnum(before) && fc_is_alnum(after)) {
		copy_to(b, j + n); /* snake_case */
		return;
	}
	if (!left && !right) {
		copy_to(b, j + n);
		return;
	}
	skip_to(b, j + n, right && !left ? SKIP_CLOSE : SKIP_OPEN);
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
		skip_to(b, close + 1, SKIP_CLOSE); /* a footnote reference */
		return true;
	}
	if (close + 1 < lim && t[close + 1] == '(')
		end = paren_close(t, close + 1, lim);
	else if (close + 1 < lim && t[close + 1] == '[')
		end = bracket_close(t, close + 1, lim);
	if (!end)
		return false;
	if (image) {
		blank_to(b, end + 1);
		return true;
	}
	if (s->n_links == (int)FC_ARRAY_LEN(s->link_close))
		return false;
	s->link_close[s->n_links] = close;
	s->link_end[s->n_links] = end + 1;
	s->n_links++;
	skip_to(b, j + 1, SKIP_OPEN);
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
			skip_to(b, s->link_end[s->n_links], SKIP_CLOSE);
			continue;
		}
		switch (c) {
		case '\\':
			if (j + 1 < e && fc_is_punct(t[j + 1])) {
				skip_to(b, j + 1, SKIP_OPEN);
				copy_to(b, j + 2);
			} else if (j + 1 == e) {
				blank_to(b, e); /* a hard line break */
			} else {
				copy_to(b, j + 1);
			}
			continue;
		case '`':
			for (n = 1; j + n < b->len && t[j + n] == '`'; n++)
				;
			code_span(s, n);
			continue;
		case '<':
			if (!markup(b, INLINE_REACH, para_limit(t, b->len, j)))
				copy_to(b, j + 1);
			continue;
		case '&':
			entity_or_copy(b);
			continue;
		case '!':
			if (j + 1 < e && t[j + 1] == '[' && link_open(s, true))
				continue;
			copy_to(b, j + 1);
			continue;
		case '[':
			if (!link_open(s, false))
				copy_to(b, j + 1);
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
				blank_to(b, j + 1);
			else
				copy_to(b, j + 1);
			continue;
		case 'h':
		case 'H':
		case 'w':
		case 'W':
			if ((n = bare_url(t, b->len, j)) != 0) {
				blank_to(b, n);
				continue;
			}
			copy_to(b, j + 1);
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
		copy_to(b, n);
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
	size_t i = b->cur, len = b->len, e = line_end(t, len, i);
	char c;

	if (e - i < 3 || (memcmp(t + i, "---", 3) != 0 &&
			  memcmp(t + i, "+++", 3) != 0) ||
	    !blank_line(t, i + 3, e) || e >= len)
		return;
	c = t[i];
	for (size_t j = e + 1; j < len;) {
		size_t je = line_end(t, len, j);
		if (je - j >= 3 &&
		    (memcmp(t + j, c == '-' ? "---" : "+++", 3) == 0 ||
		     (c == '-' && memcmp(t + j, "...", 3) == 0)) &&
		    blank_line(t, j + 3, je)) {
			date->date = front_matter_date(t, e + 1, j, date);
			blank_to(b, je);
			return;
		}
		j = je + 1;
	}
}

static void md_prose(pb *b, meta_date *date)
{
	const char *t = b->t;
	size_t len = b->len;
	md s;

	memset(&s, 0, sizeof(s));
	s.b = b;
	s.prev_blank = true;
	front_matter(b, date);
	while (b->cur < len) {
		size_t i = b->cur, e = line_end(t, len, i), k, m, n, ce;
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
			blank_to(b, e);
			goto eol;
		}
		if (blank_line(t, i, e)) {
			blank_to(b, e);
			s.para = false;
			s.in_table = false;
			s.n_links = 0;
			s.prev_blank = true;
			if (b->cur < len)
				copy_to(b, b->cur + 1);
			continue;
		}
		if (s.in_icode && cols >= 4) {
			blank_to(b, e);
			goto eol;
		}
		s.in_icode = false;
		if (cols >= 4 && !s.para && !s.in_list) {
			s.in_icode = true;
			blank_to(b, e);
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
				blank_to(b, e);
				goto eol;
			}
			if (rule_line(t, k, e, s.para)) {
				s.para = false;
				blank_to(b, e);
				goto eol;
			}
			if (c == '[' && !s.para) {
				size_t close = bracket_close(t, k, e);
				if (close && close + 1 < e && t[close + 1] == ':') {
					if (k + 1 < close && t[k + 1] == '^') {
						/* A footnote: its text is prose. */
						blank_to(b, close + 2);
						md_inline(&s, e, false);
						goto eol;
					}
					blank_to(b, e); /* a link definition */
					goto eol;
				}
			}
			if (s.in_table && delimiter_row(t, k, e)) {
				blank_to(b, e);
				goto eol;
			}
			if (!s.in_table && e < len && memchr(t + k, '|', e - k)) {
				size_t ni = e + 1, ne = line_end(t, len, ni), nk;
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
		blank_to(b, m);
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
			blank_to(b, e);
		s.para = !heading;
	eol:
		s.prev_blank = false;
		if (b->cur < len && t[b->cur] == '\n')
			copy_to(b, b->cur + 1);
	}
}

/* ------------------------------------------------------------------ */
/* Loading. */

static fc_status build_lines(fc_doc_priv *priv, const char *t, size_t len)
{
	size_t cap = 0;

	if (fc_grow((void **)&priv->lines, &cap, 1, sizeof(size_t)))
		return FC_ERR_NOMEM;
	priv->lines[priv->n_lines++] = 0;
	for (const char *p = t; (p = memchr(p, '\n', len - (size_t)(p - t)));) {
		p++;
		if (fc_grow((void **)&priv->lines, &cap, priv->n_lines + 1,
			    sizeof(size_t)))
			return FC_ERR_NOMEM;
		priv->lines[priv->n_lines++] = (size_t)(p - t);
		if ((size_t)(p - t) >= len)
			break;
	}
	return FC_OK;
}

void fc_document_free(fc_document *doc)
{
	if (!doc)
		return;
	if (doc->priv) {
		free(doc->priv->lines);
		free(doc->priv->text);
		free(doc->priv->prose);
		free(doc->priv->map);
		free(doc->priv->path);
		free(doc->priv->open_path);
		free(doc->priv->date_error);
		free(doc->priv->date_warning);
		fc_suppressions_free(&doc->priv->sup);
		fc_number_list_free(&doc->priv->numbers);
		free(doc->priv);
	}
	free(doc);
}

fc_status fc_document_scan_numbers(fc_document *doc,
				   const fc_num_options *opts)
{
	fc_doc_priv *priv = doc->priv;
	fc_status rc;

	if (priv->scanned)
		return FC_OK;
	/* Room for a figure every 32 bytes, which news copy seldom passes:
	 * pages never written cost nothing, and a long document's list is
	 * not copied as it grows. */
	if (doc->prose_len >= ((size_t)4 << 20) &&
	    fc_grow((void **)&priv->numbers.items, &priv->numbers.cap,
		    doc->prose_len / 32, sizeof(fc_number)) != FC_OK)
		return FC_ERR_NOMEM;
	rc = fc_numbers_scan(doc->prose, doc->prose_len, opts, &priv->numbers);
	if (rc != FC_OK) {
		fc_number_list_free(&priv->numbers);
		return rc;
	}
	priv->scanned = true;
	return FC_OK;
}

const fc_number_list *fc_document_numbers(const fc_document *doc)
{
	static const fc_number_list none = {NULL, 0, 0};

	return doc && doc->priv && doc->priv->scanned ? &doc->priv->numbers
						       : &none;
}

/* Builds the prose view, its map, the date and the suppressions of a
 * Markdown or HTML document. */
static fc_status build_prose(fc_document *doc, meta_date *date)
{
	fc_doc_priv *priv = doc->priv;
	const char *t = doc->text;
	size_t len = doc->len;
	pb b;
	fc_status rc = FC_OK;

	memset(&b, 0, sizeof(b));
	b.t = t;
	b.len = len;
	b.p = priv->prose;
	b.map = malloc((len + 1) * sizeof(size_t));
	b.pending = SIZE_MAX;
	b.identity = true;
	b.long_tags = len <= SIZE_MAX / 4 ? 4 * len : len;
	if (!b.map)
		return FC_ERR_NOMEM;
	/* A UTF-8 byte-order mark is not prose. */
	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		blank_to(&b, 3);
	if (doc->format == FC_FORMAT_MARKDOWN) {
		md_prose(&b, date);
	} else {
		html_prose(&b);
		date->date = html_date(t, len, date);
	}
	b.p[b.n] = 0;
	b.map[b.n] = len;
	if (b.identity && b.n == len) {
		free(b.map);
	} else {
		priv->map = b.map;
		doc->prose_map = b.map;
	}
	doc->prose_len = b.n;
	if (b.nomem)
		rc = FC_ERR_NOMEM;
	if (rc == FC_OK && b.n_comments)
		rc = fc_suppressions_build(&priv->sup, t, len, priv->lines,
					   priv->n_lines, b.comments,
					   b.n_comments);
	free(b.comments);
	return rc;
}

/* Takes ownership of `data` (len bytes, NUL-terminated). */
static fc_status document_build(const char *name, char *data, size_t len,
				const fc_doc_options *opts, fc_document **out,
				fc_error *err)
{
	fc_document *doc;
	fc_doc_priv *priv;
	size_t bad;
	meta_date date;
	const char *disp = opts && opts->display_path ? opts->display_path : name;
	const char *enc;
	bool bom, copy;

	*out = NULL;
	memset(&date, 0, sizeof(date));
	date.date = FC_DATE_NONE;
	if (len == 0) {
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: empty file; nothing to check", disp);
	}
	if ((enc = fc_utf16_or_32(data, len))) {
		fc_status rc = fc_error_set(
		    err, FC_ERR_INPUT,
		    "%s: %s text; figcheck reads UTF-8: convert it, e.g. "
		    "with iconv -f %s -t UTF-8",
		    disp, enc, enc);
		free(data);
		return rc;
	}
	if (memchr(data, 0, len)) {
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: binary file (it contains NUL bytes); "
				    "figcheck reads UTF-8 text, Markdown or HTML",
				    disp);
	}
	bad = fc_utf8_check(data, len);
	if (bad != len) {
		unsigned line, col;
		unsigned byte = (unsigned char)data[bad];
		fc_text_position(data, bad, &line, &col);
		free(data);
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s:%u:%u: invalid UTF-8 (byte 0x%02x at "
				    "offset %zu); convert the file to UTF-8, "
				    "e.g. with iconv",
				    disp, line, col, byte, bad);
	}
	doc = calloc(1, sizeof(*doc));
	priv = calloc(1, sizeof(*priv));
	if (!doc || !priv) {
		free(doc);
		free(priv);
		free(data);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	doc->priv = priv;
	priv->text = data;
	priv->path = fc_strdup(disp);
	doc->format = opts && opts->format_set ? opts->format
						: fc_format_from_name(disp);
	bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
	/* Plain text is its own prose, but for a byte-order mark: no copy. */
	copy = doc->format != FC_FORMAT_TEXT || bom;
	if (copy)
		priv->prose = malloc(len + 1);
	if (!priv->path || (copy && !priv->prose) ||
	    build_lines(priv, data, len)) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	doc->path = priv->path;
	doc->text = data;
	doc->len = len;
	doc->prose = priv->prose ? priv->prose : data;
	if (doc->format == FC_FORMAT_TEXT) {
		if (bom) {
			/* A UTF-8 byte-order mark is not prose. */
			memcpy(priv->prose, data, len + 1);
			memset(priv->prose, ' ', 3);
		}
		doc->prose_len = len;
	} else if (build_prose(doc, &date) != FC_OK) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory", disp);
	}
	if (date.what) {
		/* Where the bad value is, and what it says. */
		unsigned line, col;
		char **slot = date.impossible ? &priv->date_error
					      : &priv->date_warning;
		fc_document_position(doc, date.bad_at, &line, &col);
		*slot = fc_asprintf(
		    "%s:%u:%u: %s '%.*s' is not a date (%s); %s", disp, line,
		    col, date.what, (int)(date.bad_len < 64 ? date.bad_len : 64),
		    data + date.bad_at, date.why,
		    date.impossible ? "correct it, or give the as-of date with "
				      "--date"
				    : "it is ignored (write YYYY-MM-DD, or give "
				      "--date)");
		if (!*slot) {
			fc_document_free(doc);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
	}
	doc->date = date.date;
	doc->date_origin = date.date == FC_DATE_NONE ? FC_DATE_FROM_NONE
			   : doc->format == FC_FORMAT_HTML ? FC_DATE_FROM_META
							   : FC_DATE_FROM_FRONT_MATTER;
	*out = doc;
	return FC_OK;
}

fc_status fc_document_load(const char *path, const fc_doc_options *opts,
			   fc_document **out, fc_error *err)
{
	char *data;
	size_t len, max = opts && opts->max_size ? opts->max_size : DEFAULT_MAX_DOC;
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = opts && opts->display_path ? opts->display_path
			   : is_stdin			 ? "<stdin>"
							 : path;
	fc_error rerr;
	fc_status rc;

	*out = NULL;
	fc_error_clear(&rerr);
	rc = fc_read_file(path, max, &data, &len, &rerr);
	if (rc != FC_OK) {
		if (rc == FC_ERR_NOMEM)
			return fc_error_set(err, rc, "%s: out of memory", name);
		if (rc == FC_ERR_LIMIT)
			return fc_error_set(err, FC_ERR_INPUT,
					    "%s: larger than %zu bytes; split it "
					    "or check it alone",
					    name, max);
		if (is_stdin)
			return fc_error_set(err, FC_ERR_INPUT,
					    "%s: reading standard input failed: %s",
					    name, rerr.msg);
		if (err)
			*err = rerr;
		if (err)
			err->code = FC_ERR_INPUT;
		return FC_ERR_INPUT;
	}
	rc = document_build(is_stdin ? "<stdin>" : path, data, len, opts, out,
			    err);
	if (rc == FC_OK && !is_stdin &&
	    !((*out)->priv->open_path = fc_strdup(path))) {
		fc_document_free(*out);
		*out = NULL;
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	return rc;
}

fc_status fc_document_from_memory(const char *name, const char *data,
				  size_t len, const fc_doc_options *opts,
				  fc_document **out, fc_error *err)
{
	char *copy = malloc(len + 1);

	*out = NULL;
	if (!copy)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	memcpy(copy, data, len);
	copy[len] = 0;
	return document_build(name, copy, len, opts, out, err);
}

void fc_document_position(const fc_document *doc, size_t offset,
			  unsigned *line, unsigned *col)
{
	const fc_doc_priv *p = doc->priv;
	size_t lo = 0, hi = p->n_lines;
	unsigned c = 1;

	if (offset > doc->len)
		offset = doc->len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	for (size_t i = p->lines[lo]; i < offset; i++)
		if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
			c++;
	*line = (unsigned)(lo + 1);
	*col = c;
}

size_t fc_document_map(const fc_document *doc, size_t prose_offset)
{
	if (prose_offset > doc->prose_len)
		prose_offset = doc->prose_len;
	return doc->prose_map ? doc->prose_map[prose_offset] : prose_offset;
}
