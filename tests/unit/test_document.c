/*
 * test_document.c: documents: the prose view of Markdown and HTML, its
 * map back to the text, dates from metadata, suppression comments, and
 * hostile input.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

/* Loads `text` as a document of `format`; fails the test on error. */
static fc_document *load(fc_doc_format format, const char *text)
{
	fc_doc_options o;
	fc_document *doc;
	fc_error err;

	memset(&o, 0, sizeof(o));
	o.format = format;
	o.format_set = true;
	if (fc_document_from_memory("t", text, strlen(text), &o, &doc, &err))
		ck_abort_msg("document: %s", err.msg);
	return doc;
}

/* The prose with every run of white space made one space, trimmed: what
 * the words are, whatever the line structure. Caller frees. */
static char *words(const fc_document *doc)
{
	char *out = malloc(doc->prose_len + 1);
	size_t o = 0;
	bool space = false;

	ck_assert_ptr_nonnull(out);
	for (size_t i = 0; i < doc->prose_len; i++) {
		char c = doc->prose[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = true;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = false;
		out[o++] = c;
	}
	out[o] = 0;
	return out;
}

/* ------------------------------------------------------------------ */
/* Prose, table-driven. */

typedef struct prose_case {
	const char *name;
	fc_doc_format format;
	const char *text;
	const char *words; /* the prose's words, white space squeezed */
} prose_case;

static const prose_case prose_cases[] = {
    {"text is its own prose", FC_FORMAT_TEXT,
     "The toll rose to 9,770.\n\n<b>raw</b> **kept**\n",
     "The toll rose to 9,770. <b>raw</b> **kept**"},
    {"front matter", FC_FORMAT_MARKDOWN,
     "---\ntitle: 5,000 dead\ndate: 2023-11-05\n---\nBody 12.\n", "Body 12."},
    {"toml front matter", FC_FORMAT_MARKDOWN,
     "+++\ntitle = \"5,000\"\n+++\nBody 12.\n", "Body 12."},
    {"no front matter later", FC_FORMAT_MARKDOWN, "Intro.\n\n---\n\nMore.\n",
     "Intro. More."},
    {"fenced code", FC_FORMAT_MARKDOWN,
     "Before.\n\n```js\nvar killed = 4000;\n```\n\n~~~~\n12 ~~~\n~~~~\nAfter.\n",
     "Before. After."},
    {"indented code", FC_FORMAT_MARKDOWN,
     "Before.\n\n    4,000 in code\n    more code\n\nAfter.\n",
     "Before. After."},
    {"lazy line is not code", FC_FORMAT_MARKDOWN,
     "A paragraph\n    continued 12.\n", "A paragraph continued 12."},
    {"list continuation is not code", FC_FORMAT_MARKDOWN,
     "- item\n\n    its second paragraph 12.\n",
     "item its second paragraph 12."},
    {"inline code", FC_FORMAT_MARKDOWN,
     "Run `figcheck 4,000` and ``a ` b`` now.\n", "Run and now."},
    {"unclosed backtick is text", FC_FORMAT_MARKDOWN, "A ` stray 12.\n",
     "A ` stray 12."},
    {"emphasis dropped", FC_FORMAT_MARKDOWN,
     "The death of **9,770** Palestinians and _more than_ *1,400*.\n",
     "The death of 9,770 Palestinians and more than 1,400."},
    {"intraword underscore and lone star", FC_FORMAT_MARKDOWN,
     "snake_case_name and 5 * 3.\n", "snake_case_name and 5 * 3."},
    {"links keep their text", FC_FORMAT_MARKDOWN,
     "Says [the ministry](https://x.org/a(1)/2023 \"t 5\") and [Haaretz][h]'s "
     "count.\n\n[h]: https://haaretz.example/9770\n",
     "Says the ministry and Haaretz's count."},
    {"images dropped", FC_FORMAT_MARKDOWN,
     "A ![photo of 5,000 people](p.jpg) here.\n", "A here."},
    {"bare and auto links", FC_FORMAT_MARKDOWN,
     "See https://x.org/2023/11/05/9770, www.x.org/12 and <https://x.org/5>.\n",
     "See , and ."},
    {"html comments", FC_FORMAT_MARKDOWN,
     "A <!-- 4,000\nkilled --> B.\n", "A B."},
    {"inline html", FC_FORMAT_MARKDOWN,
     "<span class=\"a>b\">Gaza</span>'s toll<br>rose.\n",
     "Gaza's toll rose."},
    {"raw html block", FC_FORMAT_MARKDOWN,
     "A.\n\n<script>\nvar x = \"4,000 killed\";\n</script>\n\nB.\n", "A. B."},
    {"headings, quotes, lists", FC_FORMAT_MARKDOWN,
     "# Title 1 #\n\n> quoted 2\n> > deeper 3\n\n- one 4\n* two 5\n+ three 6\n"
     "1. first 7\n2) second 8\n",
     "Title 1 quoted 2 deeper 3 one 4 two 5 three 6 first 7 second 8"},
    {"numbered line inside a paragraph", FC_FORMAT_MARKDOWN,
     "The toll stood at\n1400. Then it rose.\n",
     "The toll stood at 1400. Then it rose."},
    {"setext and rules", FC_FORMAT_MARKDOWN,
     "Title\n=====\n\nText\n\n***\n\n- - -\n", "Title Text"},
    {"tables", FC_FORMAT_MARKDOWN,
     "| Place | Killed |\n| :---- | -----: |\n| Gaza | 9,770 |\n",
     "Place Killed Gaza 9,770"},
    {"pipes outside tables stay", FC_FORMAT_MARKDOWN, "a | b\n", "a | b"},
    {"strikethrough is taken out", FC_FORMAT_MARKDOWN,
     "~~It was 3,000.~~ It is 4,000.\n", "It is 4,000."},
    {"escapes", FC_FORMAT_MARKDOWN, "Not \\*emphasis\\* and \\$5.\n",
     "Not *emphasis* and $5."},
    {"footnotes", FC_FORMAT_MARKDOWN,
     "A claim[^n].\n\n[^n]: The note says 42.\n", "A claim. The note says 42."},
    {"entities in markdown", FC_FORMAT_MARKDOWN,
     "9&#44;770 &amp; more&nbsp;than &bogus; &#x1F600;\n",
     "9,770 & more than &bogus; \xF0\x9F\x98\x80"},
    {"html text and tags", FC_FORMAT_HTML,
     "<p>The death of <b>9&#44;770</b> Palestinians</p><p>Next.</p>",
     "The death of 9,770 Palestinians Next."},
    {"html skipped elements", FC_FORMAT_HTML,
     "<head><title>5,000</title><style>p{}/* 12 */</style></head>"
     "<body><script>x=\"</p>4\"</script><p>A<sup>1</sup> B</p>"
     "<pre>4,000\nkilled</pre><del>3,000</del><noscript>9</noscript>"
     "<code>7</code></body>",
     "A B"},
    {"html comments, cdata, declarations", FC_FORMAT_HTML,
     "<!DOCTYPE html><?xml x?><!-- 12 --><![CDATA[ 13 ]]><p>ok</p>", "ok"},
    {"html entities", FC_FORMAT_HTML,
     "a&lt;b &quot;q&quot; &#8217; &#x2019; &#150; &#0; &#xD800; &#99999999; "
     "&nbsp;&thinsp; x&shy;y",
     "a<b \"q\" \xE2\x80\x99 \xE2\x80\x99 \xE2\x80\x93 \xEF\xBF\xBD "
     "\xEF\xBF\xBD \xEF\xBF\xBD xy"},
    {"not a tag", FC_FORMAT_HTML, "<p>3 < 5 and a <b and x</p>",
     "3 < 5 and a <b and x"},
    {"attributes with >", FC_FORMAT_HTML,
     "<a title=\"a > b\" href='x>y'>link</a>", "link"},
    {"unclosed script", FC_FORMAT_HTML, "<p>A</p><script>var x = 4000;",
     "A"},
    {"unclosed sup hides only its tag", FC_FORMAT_HTML,
     "<p>Toll<sup> rose to 12.</p>", "Toll rose to 12."},
    {"unclosed code in markdown", FC_FORMAT_MARKDOWN,
     "A <code>x and 5 more.\n\nNext <code>y</code> 6.\n",
     "A x and 5 more. Next 6."},
    {"byte-order mark", FC_FORMAT_MARKDOWN, "\xEF\xBB\xBFHello 5.\n",
     "Hello 5."},
};

START_TEST(test_prose)
{
	const prose_case *c = &prose_cases[_i];
	fc_document *doc = load(c->format, c->text);
	char *w = words(doc);

	if (strcmp(w, c->words) != 0)
		ck_abort_msg("%s: got \"%s\", expected \"%s\"", c->name, w,
			     c->words);
	ck_assert_int_eq(doc->prose[doc->prose_len], 0);
	ck_assert_uint_le(doc->prose_len, doc->len);
	ck_assert_uint_eq(fc_utf8_check(doc->prose, doc->prose_len),
			  doc->prose_len);
	/* The map is non-decreasing and inside the text. */
	for (size_t i = 0; doc->prose_map && i < doc->prose_len; i++) {
		ck_assert_uint_le(doc->prose_map[i], doc->prose_map[i + 1]);
		ck_assert_uint_lt(doc->prose_map[i], doc->len);
	}
	free(w);
	fc_document_free(doc);
}
END_TEST

/* The prose's paragraphs: runs of two or more line breaks made one blank
 * line, and the edges trimmed. Caller frees. */
static char *paragraphs(const fc_document *doc)
{
	char *out = malloc(doc->prose_len + 1);
	size_t o = 0, nl = 0;

	ck_assert_ptr_nonnull(out);
	for (size_t i = 0; i < doc->prose_len; i++) {
		if (doc->prose[i] == '\n') {
			nl++;
			continue;
		}
		if (nl && o) {
			out[o++] = '\n';
			if (nl > 1)
				out[o++] = '\n';
		}
		nl = 0;
		out[o++] = doc->prose[i];
	}
	out[o] = 0;
	return out;
}

START_TEST(test_paragraphs)
{
	/* Block tags and blank lines end paragraphs; a lone line break in a
	 * paragraph stays a line break; no space at a line's edges. */
	fc_document *doc = load(FC_FORMAT_HTML, "<p>One.</p><p>Two <i>x</i>\n"
						"three.</p><ul><li>Four</li></ul>");
	char *p = paragraphs(doc);

	ck_assert_str_eq(p, "One.\n\nTwo x\nthree.\n\nFour");
	ck_assert_ptr_null(strstr(doc->prose, " \n"));
	ck_assert_ptr_null(strstr(doc->prose, "\n "));
	free(p);
	fc_document_free(doc);
	doc = load(FC_FORMAT_MARKDOWN, "# Head\n\nPara **one**  \nline two.\n");
	ck_assert_str_eq(doc->prose, "Head\n\nPara one\nline two.\n");
	fc_document_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The map: figures found in the prose point at the figure in the text. */

typedef struct map_case {
	fc_doc_format format;
	const char *text;
	const char *prose_figure; /* as it reads in the prose */
	const char *text_figure;  /* as it is written in the text */
	unsigned line, col;       /* where it starts */
} map_case;

static const map_case map_cases[] = {
    {FC_FORMAT_MARKDOWN, "The death of **9,770** Palestinians.\n", "9,770",
     "9,770", 1, 16},
    {FC_FORMAT_MARKDOWN, "The toll: **9,770**, said [the\nministry](x).\n",
     "9,770", "9,770", 1, 13},
    {FC_FORMAT_MARKDOWN, "---\ndate: 2023-11-05\n---\n\n> - more than *1,400* "
			 "Israelis\n",
     "more than 1,400", "more than *1,400", 5, 5},
    {FC_FORMAT_HTML, "<p>Ab <b>9&#44;770</b> killed</p>", "9,770",
     "9&#44;770", 1, 10},
    {FC_FORMAT_HTML, "<p>\xC3\xA9t\xC3\xA9 <b>40&#37;</b>.</p>", "40%",
     "40&#37;", 1, 11},
    {FC_FORMAT_HTML, "<p>x</p>\n<p>more&nbsp;than\n  <em>1,400</em></p>",
     "more than\n1,400", "more&nbsp;than\n  <em>1,400", 2, 4},
};

START_TEST(test_map)
{
	const map_case *c = &map_cases[_i];
	fc_document *doc = load(c->format, c->text);
	const char *p = strstr(doc->prose, c->prose_figure);
	size_t ps, pe, ts, te;
	unsigned line, col;

	ck_assert_msg(p != NULL, "case %d: \"%s\" not in the prose \"%s\"", _i,
		      c->prose_figure, doc->prose);
	ps = (size_t)(p - doc->prose);
	pe = ps + strlen(c->prose_figure);
	ts = fc_document_map(doc, ps);
	te = fc_document_map(doc, pe);
	ck_assert_uint_le(ts, te);
	if (te - ts != strlen(c->text_figure) ||
	    memcmp(doc->text + ts, c->text_figure, te - ts) != 0)
		ck_abort_msg("case %d: maps to \"%.*s\", expected \"%s\"", _i,
			     (int)(te - ts), doc->text + ts, c->text_figure);
	fc_document_position(doc, ts, &line, &col);
	ck_assert_uint_eq(line, c->line);
	ck_assert_uint_eq(col, c->col);
	/* Past the end maps to the end. */
	ck_assert_uint_eq(fc_document_map(doc, doc->prose_len + 10), doc->len);
	fc_document_free(doc);
}
END_TEST

START_TEST(test_identity)
{
	/* Markdown without markup needs no map. */
	fc_document *doc = load(FC_FORMAT_MARKDOWN, "Plain prose, 12 words.\n");
	ck_assert_ptr_null(doc->prose_map);
	ck_assert_str_eq(doc->prose, doc->text);
	fc_document_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Formats and dates. */

START_TEST(test_format_names)
{
	fc_doc_format f;

	ck_assert_int_eq(fc_format_from_name("a/b.md"), FC_FORMAT_MARKDOWN);
	ck_assert_int_eq(fc_format_from_name("B.MARKDOWN"), FC_FORMAT_MARKDOWN);
	ck_assert_int_eq(fc_format_from_name("x.htm"), FC_FORMAT_HTML);
	ck_assert_int_eq(fc_format_from_name("x.xhtml"), FC_FORMAT_HTML);
	ck_assert_int_eq(fc_format_from_name("x.txt"), FC_FORMAT_TEXT);
	ck_assert_int_eq(fc_format_from_name("dir.md/notes"), FC_FORMAT_TEXT);
	ck_assert_int_eq(fc_format_from_name("<stdin>"), FC_FORMAT_TEXT);
	ck_assert(fc_format_parse("markdown", &f) && f == FC_FORMAT_MARKDOWN);
	ck_assert(fc_format_parse("html", &f) && f == FC_FORMAT_HTML);
	ck_assert(fc_format_parse("text", &f) && f == FC_FORMAT_TEXT);
	ck_assert(!fc_format_parse("rtf", &f));
	ck_assert_str_eq(fc_format_name(FC_FORMAT_HTML), "html");
}
END_TEST

START_TEST(test_display_name_decides_format)
{
	fc_doc_options o;
	fc_document *doc;
	fc_error err;

	memset(&o, 0, sizeof(o));
	o.display_path = "draft.html";
	ck_assert_int_eq(fc_document_from_memory("-", "<p>x</p>", 8, &o, &doc,
						 &err),
			 FC_OK);
	ck_assert_int_eq(doc->format, FC_FORMAT_HTML);
	ck_assert_str_eq(doc->path, "draft.html");
	fc_document_free(doc);
}
END_TEST

typedef struct date_case {
	fc_doc_format format;
	const char *text;
	const char *date; /* "-" for none */
	fc_date_origin origin;
} date_case;

static const date_case date_cases[] = {
    {FC_FORMAT_MARKDOWN, "---\ndate: 2023-11-05\n---\nx\n", "2023-11-05",
     FC_DATE_FROM_FRONT_MATTER},
    {FC_FORMAT_MARKDOWN, "---\r\ntitle: t\r\ndate: \"2023-11-05T08:00:00Z\"\r\n"
			 "---\r\nx\r\n",
     "2023-11-05", FC_DATE_FROM_FRONT_MATTER},
    {FC_FORMAT_MARKDOWN, "---\npublished: 5 November 2023\n---\nx\n",
     "2023-11-05", FC_DATE_FROM_FRONT_MATTER},
    {FC_FORMAT_MARKDOWN, "---\npublished: 2023-01-01\ndate: 2023-11-05\n...\nx\n",
     "2023-11-05", FC_DATE_FROM_FRONT_MATTER},
    {FC_FORMAT_MARKDOWN, "+++\ndate = 2023-11-05\n+++\nx\n", "2023-11-05",
     FC_DATE_FROM_FRONT_MATTER},
    {FC_FORMAT_MARKDOWN, "---\ndate: soon\n---\nx\n", "-", FC_DATE_FROM_NONE},
    {FC_FORMAT_MARKDOWN, "x\n---\ndate: 2023-11-05\n---\n", "-",
     FC_DATE_FROM_NONE},
    {FC_FORMAT_HTML,
     "<meta name=\"viewport\" content=\"width=device-width\">"
     "<meta property=\"article:published_time\" "
     "content=\"2023-11-05T10:00:00+02:00\"><time datetime=\"2023-10-07\">",
     "2023-11-05", FC_DATE_FROM_META},
    {FC_FORMAT_HTML, "<META NAME=date CONTENT=2023-11-05>", "2023-11-05",
     FC_DATE_FROM_META},
    {FC_FORMAT_HTML,
     "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
     "\"datePublished\": \"2023-11-05T09:00Z\"}</script><time "
     "datetime=\"2023-10-07\">",
     "2023-11-05", FC_DATE_FROM_META},
    {FC_FORMAT_HTML,
     "<p>On <time datetime=\"2023-10-07\">7 October</time>; <time "
     "datetime=\"2023-11-05\" pubdate>published</time></p>",
     "2023-11-05", FC_DATE_FROM_META},
    {FC_FORMAT_HTML, "<p>On <time datetime=\"2023-10-07\">7 October</time></p>",
     "2023-10-07", FC_DATE_FROM_META},
    {FC_FORMAT_HTML, "<!-- <meta name=date content=2020-01-01> --><p>x</p>",
     "-", FC_DATE_FROM_NONE},
    {FC_FORMAT_TEXT, "---\ndate: 2023-11-05\n---\n", "-", FC_DATE_FROM_NONE},
};

START_TEST(test_dates)
{
	const date_case *c = &date_cases[_i];
	fc_document *doc = load(c->format, c->text);
	char buf[11];

	ck_assert_msg(strcmp(fc_date_format(doc->date, buf), c->date) == 0,
		      "case %d: date %s, expected %s", _i, buf, c->date);
	ck_assert_int_eq(doc->date_origin, c->origin);
	fc_document_free(doc);
}
END_TEST

/* A date in a document's metadata that names no day is an error kept
 * with the document, naming the file, line and column; one that cannot be
 * read is a warning; an empty one is no date. */
typedef struct bad_date_case {
	fc_doc_format format;
	const char *text;
	const char *error;   /* part of fc_document_date_error, or NULL */
	const char *warning; /* part of fc_document_date_warning, or NULL */
} bad_date_case;

static const bad_date_case bad_date_cases[] = {
    {FC_FORMAT_MARKDOWN, "---\ndate: 2023-11-31\n---\nx\n",
     "d.md:2:7: front matter date '2023-11-31' is not a date (November has "
     "30 days)",
     NULL},
    {FC_FORMAT_MARKDOWN, "---\ntitle: t\ndate: \"2023-02-29T10:00:00Z\"\n---\n",
     "d.md:3:8: front matter date '2023-02-29T10:00:00Z' is not a date "
     "(February 2023 has 28 days)",
     NULL},
    {FC_FORMAT_MARKDOWN, "+++\ndate = 2023-13-01\n+++\nx\n",
     "there is no month 13", NULL},
    {FC_FORMAT_MARKDOWN, "---\npublished: 31 April 2023\n---\nx\n",
     "April has 30 days", NULL},
    {FC_FORMAT_MARKDOWN, "---\ndate: soon\n---\nx\n", NULL,
     "d.md:2:7: front matter date 'soon' is not a date"},
    {FC_FORMAT_MARKDOWN, "---\ndate: \"\"\ntitle: x\n---\nx\n", NULL, NULL},
    {FC_FORMAT_MARKDOWN, "---\ndate: ~\n---\nx\n", NULL, NULL},
    {FC_FORMAT_HTML, "<meta name=\"date\" content=\"2023-11-31\">",
     "d.html:1:28: HTML <meta> date '2023-11-31' is not a date", NULL},
    {FC_FORMAT_HTML,
     "<script type=\"application/ld+json\">{\"datePublished\": "
     "\"2023-06-31\"}</script>",
     "JSON-LD datePublished '2023-06-31' is not a date (June has 30 days)",
     NULL},
    {FC_FORMAT_HTML, "<p><time datetime=\"2023-09-31\">then</time></p>",
     "HTML <time> datetime '2023-09-31'", NULL},
    /* A <time> may hold a time or a duration: not a date, no word. */
    {FC_FORMAT_HTML, "<p><time datetime=\"PT2H\">two hours</time></p>", NULL,
     NULL},
    {FC_FORMAT_HTML, "<meta name=\"date\" content=\"tomorrow\">", NULL,
     "HTML <meta> date 'tomorrow' is not a date"},
};

START_TEST(test_bad_dates)
{
	const bad_date_case *c = &bad_date_cases[_i];
	const char *name = c->format == FC_FORMAT_HTML ? "d.html" : "d.md";
	const char *e, *w;
	fc_document *doc;
	fc_error err;

	ck_assert_int_eq(fc_document_from_memory(name, c->text, strlen(c->text),
						 NULL, &doc, &err),
			 FC_OK);
	e = fc_document_date_error(doc);
	w = fc_document_date_warning(doc);
	if (c->error)
		ck_assert_msg(e && strstr(e, c->error), "case %d: error %s", _i,
			      e ? e : "(none)");
	else
		ck_assert_msg(!e, "case %d: unexpected error %s", _i, e);
	if (c->warning)
		ck_assert_msg(w && strstr(w, c->warning), "case %d: warning %s",
			      _i, w ? w : "(none)");
	else
		ck_assert_msg(!w, "case %d: unexpected warning %s", _i, w);
	ck_assert_int_eq(doc->date, FC_DATE_NONE);
	fc_document_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Suppression comments. */

/* A finding at `line` (1-based) of doc with rule and metric. */
static fc_finding at_line(const fc_document *doc, unsigned line,
			  const char *rule, const char *metric)
{
	fc_finding f;
	size_t off = 0;

	memset(&f, 0, sizeof(f));
	for (unsigned l = 1; l < line && off < doc->len; off++)
		if (doc->text[off] == '\n')
			l++;
	f.start = off;
	f.end = off + 1;
	f.line = line;
	f.rule_id = rule;
	f.metric = metric;
	return f;
}

static size_t covered(const fc_document *doc, unsigned line, const char *rule,
		      const char *metric)
{
	fc_finding f = at_line(doc, line, rule, metric);
	size_t n = 1;

	return fc_suppress_apply(fc_document_suppressions(doc), doc->path, &f, &n, NULL);
}

START_TEST(test_suppress_next_line)
{
	fc_document *doc = load(
	    FC_FORMAT_MARKDOWN,
	    "Line 1.\n"
	    "<!-- figcheck-disable-next-line casualties.killed-children -->\n"
	    "Line 3.\n"
	    "Line 4.\n"
	    "<!-- figcheck-disable-next-line -- no names: every rule -->\n"
	    "Line 6.\n"
	    "<!--figcheck-disable-next-line casualties.*, gaza.killed-->\n"
	    "Line 8.\n"
	    "Line 9. <!-- figcheck-disable-line -->\n");

	ck_assert_uint_eq(covered(doc, 3, "casualties.killed-children", NULL), 1);
	ck_assert_uint_eq(covered(doc, 3, "casualties.gaza-killed", NULL), 0);
	ck_assert_uint_eq(covered(doc, 4, "casualties.killed-children", NULL), 0);
	ck_assert_uint_eq(covered(doc, 1, "casualties.killed-children", NULL), 0);
	ck_assert_uint_eq(covered(doc, 6, "anything", "x.y"), 1);
	ck_assert_uint_eq(covered(doc, 8, "casualties.gaza-killed", NULL), 1);
	ck_assert_uint_eq(covered(doc, 8, "other.rule", "gaza.killed"), 1);
	ck_assert_uint_eq(covered(doc, 8, "other.rule", "gaza.killed.children"),
			  0);
	ck_assert_uint_eq(covered(doc, 9, "other.rule", NULL), 1);
	ck_assert_uint_eq(fc_document_suppressions(doc)->n_warnings, 0);
	fc_document_free(doc);
}
END_TEST

START_TEST(test_suppress_ranges)
{
	fc_document *doc = load(FC_FORMAT_HTML,
				"<p>1</p>\n"
				"<!-- figcheck-disable -->\n"
				"<p>3</p>\n"
				"<!-- figcheck-enable -->\n"
				"<p>5</p>\n"
				"<!-- figcheck-disable a.b -->\n"
				"<!-- figcheck-disable c.* -->\n"
				"<p>8</p>\n"
				"<!-- figcheck-enable a.b -->\n"
				"<p>10</p>\n");

	ck_assert_uint_eq(covered(doc, 1, "a.b", NULL), 0);
	ck_assert_uint_eq(covered(doc, 3, "a.b", NULL), 1);
	ck_assert_uint_eq(covered(doc, 5, "a.b", NULL), 0);
	ck_assert_uint_eq(covered(doc, 8, "a.b", NULL), 1);
	ck_assert_uint_eq(covered(doc, 8, "c.d", NULL), 1);
	ck_assert_uint_eq(covered(doc, 8, "e.f", NULL), 0);
	ck_assert_uint_eq(covered(doc, 10, "a.b", NULL), 0);
	/* c.* is never enabled again: it covers the rest. */
	ck_assert_uint_eq(covered(doc, 10, "c.d", NULL), 1);
	fc_document_free(doc);
}
END_TEST

START_TEST(test_suppress_warnings)
{
	fc_document *doc = load(
	    FC_FORMAT_MARKDOWN,
	    "<!-- figcheck-disabel-next-line -->\nA.\n"
	    "<!-- figcheck-enable -->\n"
	    "<!-- figcheck-disable-next-line bad\"name -->\nB.\n"
	    "<!-- an ordinary comment -->\n"
	    "```\n<!-- figcheck-disable -->\n```\n"
	    "C.\n<!-- figcheck-disable-next-line -->");
	const fc_suppressions *s = fc_document_suppressions(doc);
	fc_buf log = {0};
	fc_logger lg = tu_logger(&log);

	ck_assert_uint_eq(s->n_warnings, 4);
	ck_assert_ptr_nonnull(strstr(s->warnings[0], "1:1: unknown figcheck "
						     "directive "
						     "'figcheck-disabel-next-line'"));
	ck_assert_ptr_nonnull(strstr(s->warnings[1], "3:1: figcheck-enable "
						     "matches no"));
	ck_assert_ptr_nonnull(strstr(s->warnings[2], "4:1: 'bad\"name' is not a "
						     "rule id"));
	ck_assert_ptr_nonnull(strstr(s->warnings[3], "has no next line"));
	/* Nothing is covered: the directive in the code block is code. */
	ck_assert_uint_eq(s->n, 0);
	ck_assert_uint_eq(covered(doc, 10, "x", NULL), 0);
	/* Warnings are logged with the file name. */
	{
		fc_finding f = at_line(doc, 2, "x", NULL);
		size_t n = 1;
		fc_suppress_apply(fc_document_suppressions(doc), doc->path, &f, &n, &lg);
		ck_assert_ptr_nonnull(strstr(log.data, "t:1:1: unknown figcheck"));
	}
	fc_buf_free(&log);
	fc_document_free(doc);
}
END_TEST

START_TEST(test_suppress_order_kept)
{
	fc_document *doc = load(FC_FORMAT_MARKDOWN,
				"a\n<!-- figcheck-disable-next-line -->\nb\nc\n");
	fc_finding fs[3];
	size_t n = 3;

	fs[0] = at_line(doc, 1, "r.a", NULL);
	fs[1] = at_line(doc, 3, "r.b", NULL);
	fs[2] = at_line(doc, 4, "r.c", NULL);
	ck_assert_uint_eq(fc_suppress_apply(fc_document_suppressions(doc), doc->path, fs, &n, NULL), 1);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(fs[0].rule_id, "r.a");
	ck_assert_str_eq(fs[1].rule_id, "r.c");
	fc_document_free(doc);
}
END_TEST

START_TEST(test_text_has_no_directives)
{
	fc_document *doc = load(FC_FORMAT_TEXT,
				"<!-- figcheck-disable-next-line -->\nA 5.\n");
	ck_assert_uint_eq(covered(doc, 2, "x", NULL), 0);
	fc_document_free(doc);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Hostile input: no crash, no hang, valid prose. */

static char *repeat(const char *unit, size_t times)
{
	size_t n = strlen(unit);
	char *s = malloc(n * times + 1);

	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = 0;
	return s;
}

START_TEST(test_hostile)
{
	static const char *const units[] = {
	    "[",   "`",	 "<a ", "<!--", "&#", "&amp",  "**x", "~~", "![",
	    "[a](", "<b x=\"", "\\", "|", "<script>", "</", "\n    x\n", "-->",
	    "&#x110000;", "<![CDATA[", "[^", "http://", "<"};
	clock_t t0 = clock();

	for (size_t u = 0; u < FC_ARRAY_LEN(units); u++) {
		char *s = repeat(units[u], 20000);
		for (int f = FC_FORMAT_MARKDOWN; f <= FC_FORMAT_HTML; f++) {
			fc_document *doc = load((fc_doc_format)f, s);
			ck_assert_uint_eq(fc_utf8_check(doc->prose, doc->prose_len),
					  doc->prose_len);
			ck_assert_uint_le(doc->prose_len, doc->len);
			fc_document_free(doc);
		}
		free(s);
	}
	/* Linear enough: well under the test timeout even under ASan. */
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 30,
		      "hostile input took too long");
}
END_TEST

START_TEST(test_bad_input)
{
	fc_document *doc;
	fc_error err;

	ck_assert_int_eq(fc_document_from_memory("e.md", "", 0, NULL, &doc, &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "e.md: empty file"));
	ck_assert_int_eq(fc_document_from_memory("b.html", "a\0b", 3, NULL, &doc,
						 &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "binary file"));
	ck_assert_int_eq(fc_document_from_memory("u.md", "ok\n\xff", 4, NULL,
						 &doc, &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "u.md:2:1: invalid UTF-8"));
	ck_assert_int_eq(fc_document_load("/nonexistent/x.md", NULL, &doc, &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/x.md"));
}
END_TEST

/* UTF-16 and UTF-32 text, with or without a byte-order mark, is named as
 * such, not called binary. */
START_TEST(test_utf16)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *enc;
	} cases[] = {
	    {"\xff\xfeT\0h\0e\0 \0t\0o\0l\0l\0", 18, "UTF-16LE"},
	    {"\xfe\xff\0T\0h\0e", 8, "UTF-16BE"},
	    {"T\0h\0e\0 \0t\0o\0l\0l\0 \0r\0o\0s\0e\0", 26, "UTF-16LE"},
	    {"\0T\0h\0e\0 \0t\0o\0l\0l\0 \0r\0o\0s\0e", 26, "UTF-16BE"},
	    {"T\0\0\0h\0\0\0e\0\0\0 \0\0\0", 16, "UTF-32LE"},
	    {"\xff\xfe\0\0T\0\0\0", 8, "UTF-32LE"},
	};
	fc_document *doc;
	fc_error err;

	for (size_t i = 0; i < FC_ARRAY_LEN(cases); i++) {
		ck_assert_int_eq(fc_document_from_memory("w.txt", cases[i].bytes,
							 cases[i].len, NULL, &doc,
							 &err),
				 FC_ERR_INPUT);
		ck_assert_msg(strstr(err.msg, cases[i].enc) &&
				  strstr(err.msg, "convert it") &&
				  !strstr(err.msg, "binary"),
			      "case %zu: %s", i, err.msg);
	}
	/* A binary file is still a binary file. */
	ck_assert_int_eq(fc_document_from_memory("b.txt", "PK\003\004\0\0bin",
						 9, NULL, &doc, &err),
			 FC_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.msg, "binary file"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("document");
	TCase *tc = tcase_create("prose");

	tcase_add_loop_test(tc, test_prose, 0, (int)FC_ARRAY_LEN(prose_cases));
	tcase_add_test(tc, test_paragraphs);
	tcase_add_loop_test(tc, test_map, 0, (int)FC_ARRAY_LEN(map_cases));
	tcase_add_test(tc, test_identity);
	suite_add_tcase(s, tc);
	tc = tcase_create("metadata");
	tcase_add_test(tc, test_format_names);
	tcase_add_test(tc, test_display_name_decides_format);
	tcase_add_loop_test(tc, test_dates, 0, (int)FC_ARRAY_LEN(date_cases));
	tcase_add_loop_test(tc, test_bad_dates, 0,
			    (int)FC_ARRAY_LEN(bad_date_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("suppress");
	tcase_add_test(tc, test_suppress_next_line);
	tcase_add_test(tc, test_suppress_ranges);
	tcase_add_test(tc, test_suppress_warnings);
	tcase_add_test(tc, test_suppress_order_kept);
	tcase_add_test(tc, test_text_has_no_directives);
	suite_add_tcase(s, tc);
	tc = tcase_create("hostile");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_hostile);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_utf16);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
