/*
 * cmd_numbers.c: `figcheck numbers`, every numeric expression of a file
 * with its reading, as text or JSON lines.
 *
 * Output goes through one large buffer written with fwrite, numbers are
 * formatted by hand when they are integers (most are), and line and
 * column are tracked as the readings advance rather than searched for
 * each one: the command keeps up with the engine on large files.
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "document.h"
#include "util.h"

static const char numbers_usage[] =
    "Usage: figcheck numbers [--format text|jsonl] [--number-locale en|de]\n"
    "                        [--round auto|exact|last-nonzero] FILE|-\n"
    "Prints every numeric expression of FILE with its reading.\n";

/* A buffered writer over stdout. */
typedef struct out {
	char buf[1 << 16];
	size_t n;
	bool failed;
} out;

static void out_flush(out *o)
{
	if (o->n && fwrite(o->buf, 1, o->n, stdout) != o->n)
		o->failed = true;
	o->n = 0;
}

static void out_put(out *o, const char *s, size_t n)
{
	if (o->n + n > sizeof(o->buf)) {
		out_flush(o);
		if (n > sizeof(o->buf)) {
			if (fwrite(s, 1, n, stdout) != n)
				o->failed = true;
			return;
		}
	}
	if (n <= 16) {
		/* Most pieces are short: a loop beats a call to memcpy. */
		for (size_t k = 0; k < n; k++)
			o->buf[o->n + k] = s[k];
	} else {
		memcpy(o->buf + o->n, s, n);
	}
	o->n += n;
}

static void out_str(out *o, const char *s)
{
	out_put(o, s, strlen(s));
}

static void out_char(out *o, char c)
{
	if (o->n == sizeof(o->buf))
		out_flush(o);
	o->buf[o->n++] = c;
}

/* Writes an unsigned integer, two digits at a time. */
static void out_uint(out *o, unsigned long long v)
{
	static const char pairs[] = "00010203040506070809"
	                            "10111213141516171819"
	                            "20212223242526272829"
	                            "30313233343536373839"
	                            "40414243444546474849"
	                            "50515253545556575859"
	                            "60616263646566676869"
	                            "70717273747576777879"
	                            "80818283848586878889"
	                            "90919293949596979899";
	char d[24];
	size_t k = sizeof(d);

	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		d[--k] = pairs[2 * r + 1];
		d[--k] = pairs[2 * r];
	}
	if (v >= 10) {
		d[--k] = pairs[2 * v + 1];
		d[--k] = pairs[2 * v];
	} else {
		d[--k] = (char)('0' + v);
	}
	out_put(o, d + k, sizeof(d) - k);
}

/* True when v is an integer that prints exactly without an exponent. */
static bool small_integer(double v)
{
	return fabs(v) < 1e15 && v == floor(v);
}

static void out_int(out *o, double v)
{
	if (v < 0) {
		out_char(o, '-');
		v = -v;
	}
	out_uint(o, (unsigned long long)v);
}

/* A value as the text format shows it: as fc_format_value does, with up
 * to six decimals, trailing zeros dropped. Values within a thousandth of
 * a millionth of a six-decimal figure are written by hand (printf would
 * round them the same way); the rest go through fc_format_value. */
static void out_value(out *o, double v)
{
	char buf[64];
	double m = v * 1e6, r;

	if (small_integer(v)) {
		out_int(o, v);
		return;
	}
	r = floor(m + 0.5);
	if (isfinite(v) && fabs(v) < 1e9 && r != 0 && fabs(m - r) < 1e-3) {
		unsigned long long a = (unsigned long long)fabs(r);
		unsigned long long ip = a / 1000000, fp = a % 1000000;
		int nd = 6;
		char d[8];
		if (r < 0)
			out_char(o, '-');
		out_uint(o, ip);
		if (fp) {
			while (fp % 10 == 0) {
				fp /= 10;
				nd--;
			}
			for (int k = nd - 1; k >= 0; k--) {
				d[k] = (char)('0' + fp % 10);
				fp /= 10;
			}
			out_char(o, '.');
			out_put(o, d, (size_t)nd);
		}
		return;
	}
	out_str(o, fc_format_value(v, false, 6, buf, sizeof(buf)));
}

/* A number as JSON: integers without a fraction, others with the
 * shortest form that reads back the same; infinities as null. */
static void out_json_number(out *o, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		out_str(o, "null");
		return;
	}
	if (small_integer(v)) {
		out_int(o, v);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	out_str(o, buf);
}

/* `n` bytes of `s` as a JSON string. */
static void out_json_string(out *o, const char *s, size_t n)
{
	out_char(o, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			out_char(o, '\\');
			out_char(o, (char)c);
		} else if (c == '\n') {
			out_str(o, "\\n");
		} else if (c == '\t') {
			out_str(o, "\\t");
		} else if (c < 0x20) {
			char esc[8];
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			out_str(o, esc);
		} else {
			out_char(o, (char)c);
		}
	}
	out_char(o, '"');
}

/* How many UTF-8 continuation bytes (10xxxxxx) n bytes at p hold,
 * counted eight at a time. */
static size_t continuation_bytes(const char *p, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL;
	size_t c = 0, k = 0;

	for (; k + 8 <= n; k += 8) {
		uint64_t x, m;
		memcpy(&x, p + k, 8);
		m = (x & ~(x << 1) & hi) >> 7; /* bit 7 set, bit 6 clear */
		c += (size_t)((m * 0x0101010101010101ULL) >> 56);
	}
	for (; k < n; k++)
		c += ((unsigned char)p[k] & 0xC0) == 0x80;
	return c;
}

/* Line and column of offsets that mostly increase: advances from the
 * last position instead of searching from the start. */
typedef struct cursor {
	size_t off;
	unsigned line, col;
} cursor;

static void position(const fc_document *doc, cursor *c, size_t off,
                     unsigned *line, unsigned *col)
{
	const char *t = doc->text, *q;
	size_t p = c->off;

	if (off < c->off || off > doc->len) {
		fc_document_position(doc, off, line, col);
		return;
	}
	while ((q = memchr(t + p, '\n', off - p))) {
		c->line++;
		c->col = 1;
		p = (size_t)(q - t) + 1;
	}
	c->col += (unsigned)(off - p - continuation_bytes(t + p, off - p));
	c->off = off;
	*line = c->line;
	*col = c->col;
}

/* Where a chunk that starts at a ends: after the first blank line past
 * 256 KiB, or at the end of the text when there is none. */
static size_t chunk_end(const char *t, size_t len, size_t a)
{
	const size_t want = (size_t)1 << 18;
	const char *p;

	if (len - a <= want)
		return len;
	for (p = t + a + want; (p = memchr(p, '\n', len - (size_t)(p - t)));) {
		const char *q = p + 1;
		while (q < t + len && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q < t + len && *q == '\n')
			return (size_t)(q + 1 - t);
		p = q;
	}
	return len;
}

/* Writes one reading as a line of text: "LINE:COL: TEXT -> VALUE [LOW,
 * HIGH] QUALIFIER KIND [UNIT]". */
static void write_text(out *o, const fc_document *doc, const fc_number *n,
                       size_t s, size_t e, unsigned line, unsigned col)
{
	out_uint(o, line);
	out_char(o, ':');
	out_uint(o, col);
	out_str(o, ": ");
	if (e - s < sizeof(o->buf)) {
		/* Line breaks inside the expression become spaces. */
		if (o->n + (e - s) > sizeof(o->buf))
			out_flush(o);
		memcpy(o->buf + o->n, doc->text + s, e - s);
		for (size_t k = o->n; k < o->n + (e - s); k++)
			if (o->buf[k] == '\n' || o->buf[k] == '\r')
				o->buf[k] = ' ';
		o->n += e - s;
	}
	out_str(o, " -> ");
	out_value(o, n->value);
	out_str(o, n->low_open ? " (" : " [");
	out_value(o, n->low);
	out_str(o, ", ");
	out_value(o, n->high);
	out_str(o, n->high_open ? ") " : "] ");
	out_str(o, fc_qualifier_name(n->qualifier));
	out_char(o, ' ');
	out_str(o, fc_num_kind_name(n->kind));
	if (n->unit[0]) {
		out_char(o, ' ');
		out_str(o, n->unit);
	}
	out_char(o, '\n');
}

/* Writes one reading as a JSON object on a line. Offsets are bytes into
 * the file; value_start is where the figure starts after its qualifier. */
static void write_json(out *o, const fc_document *doc, const fc_number *n,
                       size_t s, size_t e, size_t vs, unsigned line,
                       unsigned col)
{
	out_str(o, "{\"text\":");
	out_json_string(o, doc->text + s, e - s);
	out_str(o, ",\"value\":");
	out_json_number(o, n->value);
	if (n->qualifier == FC_QUAL_RANGE || n->qualifier == FC_QUAL_VAGUE) {
		out_str(o, ",\"value2\":");
		out_json_number(o, n->value2);
	}
	out_str(o, ",\"low\":");
	out_json_number(o, n->low);
	out_str(o, ",\"high\":");
	out_json_number(o, n->high);
	out_str(o, n->low_open ? ",\"low_open\":true" : ",\"low_open\":false");
	out_str(o,
	        n->high_open ? ",\"high_open\":true" : ",\"high_open\":false");
	out_str(o, ",\"qualifier\":\"");
	out_str(o, fc_qualifier_name(n->qualifier));
	out_str(o, "\",\"kind\":\"");
	out_str(o, fc_num_kind_name(n->kind));
	out_str(o, "\",\"precision\":");
	out_json_number(o, n->precision);
	if (n->unit[0]) {
		out_str(o, ",\"unit\":");
		out_json_string(o, n->unit, strlen(n->unit));
	}
	out_str(o, ",\"start\":");
	out_uint(o, s);
	out_str(o, ",\"value_start\":");
	out_uint(o, vs);
	out_str(o, ",\"end\":");
	out_uint(o, e);
	out_str(o, ",\"line\":");
	out_uint(o, line);
	out_str(o, ",\"column\":");
	out_uint(o, col);
	out_str(o, "}\n");
}

int fc_cmd_numbers(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"number-locale", required_argument, NULL, 'l'},
	    {"round", required_argument, NULL, 'r'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	fc_num_options no;
	fc_number_list list = {0};
	fc_document *doc = NULL;
	fc_error err;
	bool jsonl = false;
	int ch, ret = FC_EXIT_OK;
	out *o = NULL;
	cursor cur = {0, 1, 1};

	fc_num_options_init(&no);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "jsonl") == 0 ||
			    strcmp(optarg, "json") == 0)
				jsonl = true;
			else if (strcmp(optarg, "text") == 0)
				jsonl = false;
			else {
				fprintf(stderr,
				        "figcheck: error: numbers: --format "
				        "'%s': use text or jsonl\n",
				        optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'l':
			if (!fc_locale_parse(optarg, &no.locale)) {
				fprintf(stderr,
				        "figcheck: error: numbers: "
				        "--number-locale '%s': use en or de\n",
				        optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'r':
			if (!fc_round_policy_parse(optarg, &no.round)) {
				fprintf(stderr,
				        "figcheck: error: numbers: --round "
				        "'%s': use auto, exact or last-nonzero\n",
				        optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'h':
			fputs(numbers_usage, stdout);
			return FC_EXIT_OK;
		default:
			fputs(numbers_usage, stderr);
			return FC_EXIT_ERROR;
		}
	}
	if (optind != argc - 1) {
		fputs(numbers_usage, stderr);
		return FC_EXIT_ERROR;
	}
	fc_error_clear(&err);
	if (fc_document_load(argv[optind], NULL, &doc, &err) != FC_OK) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		return FC_EXIT_ERROR;
	}
	o = malloc(sizeof(*o));
	if (!o) {
		fprintf(stderr, "figcheck: error: %s: out of memory\n",
		        doc->path);
		ret = FC_EXIT_ERROR;
		goto done;
	}
	o->n = 0;
	o->failed = false;
	/* The prose is scanned a paragraph chunk at a time: no expression
	 * spans a blank line, so the readings are the same as those of one
	 * scan, and memory stays small on large files. */
	for (size_t a = 0, b; a < doc->prose_len; a = b) {
		b = chunk_end(doc->prose, doc->prose_len, a);
		list.count = 0;
		if (fc_numbers_scan(doc->prose + a, b - a, &no, &list) !=
		    FC_OK) {
			fprintf(stderr, "figcheck: error: %s: out of memory\n",
			        doc->path);
			ret = FC_EXIT_ERROR;
			goto done;
		}
		for (size_t i = 0; i < list.count; i++) {
			const fc_number *n = &list.items[i];
			size_t s = fc_document_map(doc, a + n->start);
			size_t e = fc_document_map(doc, a + n->end);
			size_t vs = fc_document_map(doc, a + n->value_start);
			unsigned line, col;

			if (e < s)
				e = s;
			position(doc, &cur, s, &line, &col);
			if (jsonl)
				write_json(o, doc, n, s, e, vs, line, col);
			else
				write_text(o, doc, n, s, e, line, col);
		}
	}
	out_flush(o);
	if (o->failed || fflush(stdout) != 0) {
		fprintf(stderr, "figcheck: error: numbers: cannot write the "
		                "output\n");
		ret = FC_EXIT_ERROR;
	}
done:
	free(o);
	fc_number_list_free(&list);
	fc_document_free(doc);
	return ret;
}
