/*
 * fuzz_dates.c: libFuzzer target for the date reader: a date read at
 * every place of the input (fc_date_read) and resolved against reference
 * dates (fc_date_resolve), the dateline of the input as a document
 * (fc_dateline_find), the date phrases of each figure's sentence
 * (fc_claim_dates_find), and the date formats of sources
 * (fc_date_parse_format, fc_date_fields, fc_date_parse_iso). Spans stay
 * in the text and dates are real days or FC_DATE_NONE.
 */
#include "fuzz_util.h"

#include "dates.h"
#include "document.h"
#include "sentence.h"
#include "util.h"

/* A date is FC_DATE_NONE or a day of years 1 to 9999. */
static void check_date(fc_date d, const char *what)
{
	int y, m, dd;

	if (d == FC_DATE_NONE)
		return;
	fc_date_to_ymd(d, &y, &m, &dd);
	FZ_CHECK(fc_date_from_ymd(y, m, dd) == d, "%s: %d is no day", what,
		 (int)d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = {NULL,	  "%Y-%m-%d", "%d/%m/%Y",
					      "%b %d, %Y", "%d %b %Y", "%e.%m.%Y",
					      "%Y%m%d",	  "%%%Y"};
	const fc_date refs[] = {fc_date_from_ymd(2023, 11, 5),
				fc_date_from_ymd(2024, 2, 29),
				fc_date_from_ymd(1, 1, 1), FC_DATE_NONE};
	char *t = fz_copy(data, size);
	size_t reach = size < 512 ? size : 512;
	fc_document *doc;
	fc_error err;

	if (!t && size)
		return 0;
	/* A date at each place. */
	for (size_t i = 0; i <= reach; i++) {
		fc_written_date w;
		for (int alone = 0; alone < 2; alone++) {
			if (!fc_date_read(t, size, i, alone, &w))
				continue;
			FZ_CHECK(w.start == i && w.start < w.end &&
				     w.end <= size,
				 "span %zu-%zu of %zu", w.start, w.end, size);
			FZ_CHECK(w.month >= 0 && w.month <= 12 && w.day >= 0 &&
				     w.day <= 31 && w.weekday >= -1 &&
				     w.weekday <= 6,
				 "parts %d-%d-%d", w.year, w.month, w.day);
			for (size_t r = 0; r < FC_ARRAY_LEN(refs); r++)
				for (int place = 0; place < 2; place++) {
					check_date(fc_date_resolve(
						       &w, refs[r], r ? 0 : 2023,
						       (fc_date_place)place),
						   "resolve");
				}
		}
	}
	/* Source date formats over the whole input and its prefixes. */
	for (size_t f = 0; f < FC_ARRAY_LEN(formats); f++) {
		int y, m, d;
		check_date(fc_date_parse_format(t, size, formats[f]), "format");
		if (fc_date_fields(t, size, formats[f], &y, &m, &d)) {
			char why[96];
			fc_date_why_not(y, m, d, why, sizeof(why));
			FZ_CHECK(strlen(why) > 0, "no reason");
		}
	}
	check_date(fc_date_parse_iso(t, size), "iso");

	/* The input as a draft: its dateline, and the date phrases of the
	 * sentence of each figure in it. */
	if (fc_document_from_memory("fuzz.txt", (const char *)data, size, NULL,
				    &doc, &err) == FC_OK) {
		fc_dateline dl;
		fc_num_options no;
		fc_number_list nums = {0};
		fc_sentence_index ix;

		/* The sentence index agrees with the scan, at offsets
		 * spread over the text and its ends. */
		if (fc_sentence_index_build(doc->prose, doc->prose_len, &ix) ==
		    FC_OK)
			for (size_t o = 0; o <= doc->prose_len + 1;
			     o += 1 + doc->prose_len / 97) {
				size_t s1, e1, s2, e2;
				fc_sentence_at(doc->prose, doc->prose_len, o,
					       &s1, &e1);
				fc_sentence_index_at(&ix, doc->prose, o, &s2,
						     &e2);
				FZ_CHECK(s1 == s2 && e1 == e2,
					 "sentence index");
			}
		fc_sentence_index_free(&ix);

		if (fc_dateline_find(doc, 0, refs[0], FC_YEAR_TODAY, &dl)) {
			FZ_CHECK(dl.date_end <= doc->prose_len, "dateline span");
			check_date(dl.date, "dateline");
		}
		if (fc_dateline_find(doc, 2023, refs[0], FC_YEAR_CONFIG, &dl))
			check_date(dl.date, "dateline");
		fc_num_options_init(&no);
		if (fc_numbers_scan(doc->prose, doc->prose_len, &no, &nums) ==
		    FC_OK) {
			for (size_t k = 0; k < nums.count && k < 64; k++) {
				const fc_number *n = &nums.items[k];
				size_t ss, se;
				fc_claim_dates cd;
				fc_sentence_at(doc->prose, doc->prose_len,
					       n->start, &ss, &se);
				FZ_CHECK(ss <= n->start && se <= doc->prose_len,
					 "sentence");
				if (n->end > se)
					continue;
				for (size_t r = 0; r < FC_ARRAY_LEN(refs); r++) {
					fc_claim_dates_find(doc->prose, ss, se,
							    n->start, n->end,
							    &nums, refs[r], &cd);
					check_date(cd.as_of, "as of");
					check_date(cd.since, "since");
					if (cd.as_of != FC_DATE_NONE)
						FZ_CHECK(cd.as_of_start <
							     cd.as_of_end &&
							 cd.as_of_end <= se,
							 "as-of span");
					if (cd.no_day)
						FZ_CHECK(cd.no_day_end <= se,
							 "no-day span");
				}
			}
		}
		fc_number_list_free(&nums);
		fc_document_free(doc);
	}
	free(t);
	return 0;
}
