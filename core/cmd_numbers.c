/*
 * cmd_numbers.c: `figcheck numbers`, every numeric expression of a file
 * with its reading, as text or JSON lines.
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "document.h"
#include "util.h"

static const char numbers_usage[] =
    "Usage: figcheck numbers [--format text|jsonl] [--number-locale en|de]\n"
    "                        [--round exact|last-nonzero] FILE|-\n"
    "Prints every numeric expression of FILE with its reading.\n";

/* Writes a number as JSON: integers without a fraction, others with the
 * shortest form that reads back the same; infinities as null. */
static void json_number(FILE *out, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		fputs("null", out);
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		fprintf(out, "%.0f", v);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	fputs(buf, out);
}

/* Writes `n` bytes of `s` as a JSON string. */
static void json_string(FILE *out, const char *s, size_t n)
{
	putc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
		} else if (c == '\n') {
			fputs("\\n", out);
		} else if (c == '\t') {
			fputs("\\t", out);
		} else if (c < 0x20) {
			fprintf(out, "\\u%04x", c);
		} else {
			putc(c, out);
		}
	}
	putc('"', out);
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
	static char outbuf[1 << 16];

	fc_num_options_init(&no);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0)
				jsonl = true;
			else if (strcmp(optarg, "text") == 0)
				jsonl = false;
			else {
				fprintf(stderr, "figcheck: error: numbers: --format "
						"'%s': use text or jsonl\n",
					optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'l':
			if (strcmp(optarg, "en") == 0)
				no.locale = FC_LOCALE_EN;
			else if (strcmp(optarg, "de") == 0)
				no.locale = FC_LOCALE_DE;
			else {
				fprintf(stderr, "figcheck: error: numbers: "
						"--number-locale '%s': use en or de\n",
					optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'r':
			if (strcmp(optarg, "exact") == 0)
				no.round = FC_ROUND_EXACT;
			else if (strcmp(optarg, "last-nonzero") == 0)
				no.round = FC_ROUND_LAST_NONZERO;
			else {
				fprintf(stderr, "figcheck: error: numbers: --round "
						"'%s': use exact or last-nonzero\n",
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
	if (fc_numbers_scan(doc->prose, doc->prose_len, &no, &list) != FC_OK) {
		fprintf(stderr, "figcheck: error: %s: out of memory\n", doc->path);
		fc_document_free(doc);
		return FC_EXIT_ERROR;
	}
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	for (size_t i = 0; i < list.count; i++) {
		const fc_number *n = &list.items[i];
		size_t s = fc_document_map(doc, n->start);
		size_t e = fc_document_map(doc, n->end);
		unsigned line, col;

		fc_document_position(doc, s, &line, &col);
		if (jsonl) {
			fputs("{\"text\":", stdout);
			json_string(stdout, doc->text + s, e - s);
			fputs(",\"value\":", stdout);
			json_number(stdout, n->value);
			if (n->qualifier == FC_QUAL_RANGE ||
			    n->qualifier == FC_QUAL_VAGUE) {
				fputs(",\"value2\":", stdout);
				json_number(stdout, n->value2);
			}
			fputs(",\"low\":", stdout);
			json_number(stdout, n->low);
			fputs(",\"high\":", stdout);
			json_number(stdout, n->high);
			printf(",\"low_open\":%s,\"high_open\":%s,\"qualifier\":\"%s\","
			       "\"kind\":\"%s\",\"precision\":",
			       n->low_open ? "true" : "false",
			       n->high_open ? "true" : "false",
			       fc_qualifier_name(n->qualifier),
			       fc_num_kind_name(n->kind));
			json_number(stdout, n->precision);
			if (n->unit[0])
				printf(",\"unit\":\"%s\"", n->unit);
			printf(",\"start\":%zu,\"end\":%zu,\"line\":%u,\"column\":%u}\n",
			       s, e, line, col);
		} else {
			char v[64], lo[64], hi[64];
			fc_format_value(n->value, false, 6, v, sizeof(v));
			fc_format_value(n->low, false, 6, lo, sizeof(lo));
			fc_format_value(n->high, false, 6, hi, sizeof(hi));
			printf("%u:%u: ", line, col);
			for (size_t k = s; k < e; k++)
				putchar(doc->text[k] == '\n' || doc->text[k] == '\r'
					    ? ' '
					    : doc->text[k]);
			printf(" -> %s %c%s, %s%c %s %s", v,
			       n->low_open ? '(' : '[', lo, hi,
			       n->high_open ? ')' : ']',
			       fc_qualifier_name(n->qualifier),
			       fc_num_kind_name(n->kind));
			if (n->unit[0])
				printf(" %s", n->unit);
			printf("\n");
		}
	}
	if (fflush(stdout) != 0)
		ret = FC_EXIT_ERROR;
	fc_number_list_free(&list);
	fc_document_free(doc);
	return ret;
}
