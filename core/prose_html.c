/*
 * prose_html.c: the prose of an HTML document (prose.h): tags read and
 * blanked or dropped as a browser would, raw elements (script, style,
 * code) hidden, character references decoded, tags longer than their
 * reach read whole while a linear budget lasts; and the document's date
 * from its metadata.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prose.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* HTML tags, in HTML documents and inside Markdown. */


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
		size_t c = fc_pb_find_ci(t, i, limit, "</", 2);
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
bool fc_prose_markup(pb *b, size_t reach, size_t limit)
{
	const char *t = b->t;
	size_t j = b->cur, len = b->len;
	tag tg;

	if (len - j >= 4 && memcmp(t + j, "<!--", 4) == 0) {
		fc_pb_comment_to_end(b);
		return true;
	}
	if (len - j >= 9 && memcmp(t + j, "<![CDATA[", 9) == 0) {
		const char *e = memmem(t + j + 9, len - j - 9, "]]>", 3);
		fc_pb_blank_to(b, e ? (size_t)(e - t) + 3 : len);
		return true;
	}
	/* <!DOCTYPE ...> and <?xml ...?>. */
	if (len - j >= 3 && ((t[j + 1] == '!' && fc_is_alpha(t[j + 2])) ||
			     t[j + 1] == '?')) {
		const char *e = memchr(t + j, '>', len - j);
		fc_pb_blank_to(b, e ? (size_t)(e - t) + 1 : len);
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
		fc_pb_skip_to(b, tg.end, tg.closing ? SKIP_CLOSE : SKIP_OPEN);
		break;
	case TAG_BREAK:
		fc_pb_break_to(b, tg.end, 1);
		break;
	case TAG_BLOCK:
		fc_pb_break_to(b, tg.end, 2);
		break;
	case TAG_RAW: {
		size_t end = 0;
		if (!tg.closing && !tg.self_closing) {
			bool to_end = raw_to_end(t + tg.name, tg.name_len);
			end = raw_end(t, len, to_end ? len : limit, &tg);
			if (!end && to_end)
				end = len;
		}
		fc_pb_blank_to(b, end ? end : tg.end);
		break;
	}
	case TAG_OTHER:
		fc_pb_blank_to(b, tg.end);
		break;
	}
	return true;
}

void fc_prose_html(pb *b)
{
	while (b->cur < b->len) {
		char c = b->t[b->cur];

		if (c == '<') {
			if (!fc_prose_markup(b, TAG_REACH, b->len))
				fc_pb_copy_to(b, b->cur + 1);
		} else if (c == '&') {
			fc_pb_entity_or_copy(b);
		} else {
			size_t e = b->cur + 1;
			while (e < b->len && b->t[e] != '<' && b->t[e] != '&')
				e++;
			fc_pb_copy_to(b, e);
		}
	}
}

/*
 * The publication date of an HTML document, first found: a <meta> named
 * date, dc.date, article:published_time and the like; "datePublished" in
 * JSON-LD; a <time pubdate> or, failing all, the first <time datetime>.
 * A <meta> or JSON-LD date that is not a date, and a <time> whose
 * datetime has the shape of a date but names no day, are recorded in
 * `md` (a <time> may hold a time or a duration: those are not dates).
 */
fc_date fc_prose_html_date(const char *t, size_t len, meta_date *md)
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
			if (!(fc_prose_attr(t, j, tg.end, "name", &vs, &vn) ||
			      fc_prose_attr(t, j, tg.end, "property", &vs, &vn) ||
			      fc_prose_attr(t, j, tg.end, "itemprop", &vs, &vn)) ||
			    !name_in(t + vs, vn, metas) ||
			    !fc_prose_attr(t, j, tg.end, "content", &cs, &cn))
				continue;
			meta = fc_prose_meta_value(t, t + cs, cn, true, "HTML <meta> date",
					  md);
		} else if (tg.name_len == 4 &&
			   fc_ascii_ieq(t + tg.name, "time", 4)) {
			fc_date d = FC_DATE_NONE;
			if (fc_prose_attr(t, j, tg.end, "datetime", &vs, &vn))
				d = fc_prose_meta_value(t, t + vs, vn, false,
					       "HTML <time> datetime", md);
			if (pub == FC_DATE_NONE &&
			    (fc_prose_attr(t, j, tg.end, "pubdate", &cs, &cn) ||
			     (fc_prose_attr(t, j, tg.end, "itemprop", &cs, &cn) &&
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
			    fc_prose_attr(t, j, tg.end, "type", &vs, &vn) && vn == 19 &&
			    fc_ascii_ieq(t + vs, "application/ld+json", 19)) {
				size_t p = fc_pb_find_ci(t, tg.end, e, "\"datePublished\"", 15);
				if (p < e) {
					const char *q1, *q2;
					p += 15;
					q1 = memchr(t + p, '"', e - p);
					q2 = q1 ? memchr(q1 + 1, '"',
							 e - (size_t)(q1 + 1 - t))
						: NULL;
					if (q2)
						ld = fc_prose_meta_value(
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
