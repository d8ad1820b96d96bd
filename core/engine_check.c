/*
 * engine_check.c: checking one document: its date, its figures, every
 * checker's claims (one claim a figure), each claim's context (its own
 * date, a change's reference point, its attribution), the verdicts, the
 * contradictions between claims, fingerprints and suppressions. Part of
 * the engine (engine_int.h); thread-safe for different documents, the
 * engine read-only.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "change.h"
#include "dates.h"
#include "document.h"
#include "engine_int.h"
#include "sentence.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* Checking a document. */

void fc_doc_result_free(fc_doc_result *r)
{
	if (!r)
		return;
	fc_document_free(r->doc);
	free(r->claims);
	free(r->findings);
	fc_arena_free(&r->arena);
	free(r);
}

static int cmp_claim(const void *a, const void *b)
{
	const fc_claim *x = a, *y = b;
	bool xu = x->flags & FC_CLAIMF_UNRECOGNISED,
	     yu = y->flags & FC_CLAIMF_UNRECOGNISED;

	/* A figure a checker read wins over one another could not read. */
	if (xu != yu)
		return xu ? 1 : -1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* Longer spans first, then bound before unbound. */
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return (x->metric == NULL) - (y->metric == NULL);
}

static int cmp_claim_start(const void *a, const void *b)
{
	const fc_claim *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

static int cmp_finding(const void *a, const void *b)
{
	const fc_finding *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->rule_id, y->rule_id);
}

/* Copies n bytes of s into the arena with each run of white space
 * turned into one space, so that a claim broken across lines reads as
 * one. */
static char *squeeze(fc_arena *a, const char *s, size_t n)
{
	char *out = fc_arena_alloc(a, n + 1);
	size_t o = 0;
	bool space = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
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

/* Sets a finding's position fields from prose offsets [ps, pe). */
static void place(const fc_document *doc, fc_finding *f, size_t ps, size_t pe)
{
	size_t last;

	f->start = fc_document_map(doc, ps);
	f->end = fc_document_map(doc, pe);
	if (f->end < f->start)
		f->end = f->start;
	fc_document_position(doc, f->start, &f->line, &f->col);
	last = f->end > f->start ? f->end - 1 : f->start;
	while (last > f->start && ((unsigned char)doc->text[last] & 0xC0) == 0x80)
		last--;
	fc_document_position(doc, last, &f->end_line, &f->end_col);
}

/* A stable fingerprint: what the claim says and where (by document, not
 * line), plus its rank among identical claims of the document, so that it
 * survives edits elsewhere in the file. */
static uint64_t fingerprint_base(const fc_finding *f, const char *path)
{
	uint64_t h = FC_FNV_INIT;
	char num[64];
	const char *q = f->claim ? fc_qualifier_name(f->claim->number.qualifier)
				 : "";
	const char *m = f->metric ? f->metric : "";

	snprintf(num, sizeof(num), "%.10g",
		 f->claim ? f->claim->number.value : 0.0);
	h = fc_fnv1a(h, f->rule_id, strlen(f->rule_id) + 1);
	h = fc_fnv1a(h, m, strlen(m) + 1);
	h = fc_fnv1a(h, q, strlen(q) + 1);
	h = fc_fnv1a(h, num, strlen(num) + 1);
	if (!f->claim)
		h = fc_fnv1a(h, f->text, strlen(f->text) + 1);
	return fc_fnv1a(h, path, strlen(path) + 1);
}

typedef struct based {
	uint64_t base;
	size_t idx;
} based;

static int cmp_based(const void *a, const void *b)
{
	const based *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

static fc_status assign_fingerprints(fc_doc_result *r)
{
	based *b = calloc(r->n_findings + 1, sizeof(*b));

	if (!b)
		return FC_ERR_NOMEM;
	for (size_t i = 0; i < r->n_findings; i++) {
		b[i].base = fingerprint_base(&r->findings[i], r->doc->path);
		b[i].idx = i;
	}
	/* Identical claims, in document order: each one's rank among them. */
	qsort(b, r->n_findings, sizeof(*b), cmp_based);
	for (size_t i = 0, rank_of = 0; i < r->n_findings; i++) {
		uint32_t rank;
		uint64_t h;
		if (i == 0 || b[i - 1].base != b[i].base)
			rank_of = i;
		rank = (uint32_t)(i - rank_of);
		h = fc_fnv1a(b[i].base, &rank, sizeof(rank));
		snprintf(r->findings[b[i].idx].fingerprint,
			 sizeof(r->findings[b[i].idx].fingerprint), "%016llx",
			 (unsigned long long)h);
	}
	free(b);
	return FC_OK;
}

/* The readings of `all` (in text order) that start in [ss, se), as a
 * list that borrows their storage: not to be freed. */
static fc_number_list sentence_numbers(const fc_number_list *all, size_t ss,
				       size_t se)
{
	fc_number_list v = {NULL, 0, 0};
	size_t lo = 0, hi = all->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (all->items[mid].start < ss)
			lo = mid + 1;
		else
			hi = mid;
	}
	v.items = all->items + lo;
	while (lo + v.count < all->count && all->items[lo + v.count].start < se)
		v.count++;
	return v;
}

/* Keeps one claim per figure. Of overlapping claims the first in
 * cmp_claim's order wins: a checker's reading over a figure another
 * could not read, the longer span, the bound claim. Leaves the claims
 * kept in text order and returns their number. */
static size_t keep_claims(fc_claim *c, size_t n)
{
	size_t kept = 0, recognised, first_unread, unread_end = 0;

	if (n == 0)
		return 0;
	qsort(c, n, sizeof(fc_claim), cmp_claim);
	for (first_unread = 0;
	     first_unread < n && !(c[first_unread].flags & FC_CLAIMF_UNRECOGNISED);
	     first_unread++) {
		if (kept && c[first_unread].start < c[kept - 1].end)
			continue;
		c[kept++] = c[first_unread];
	}
	recognised = kept;
	/* The figures no checker read, in text order, each kept unless it
	 * overlaps a claim kept before it: the claims read are sorted and
	 * do not overlap, so their ends ascend and the first ending after
	 * the figure's start is the only one to ask; an unread figure kept
	 * before starts no later, so it overlaps if it ends after the
	 * start. So n log n, not quadratic: a long document has a million
	 * figures. */
	for (size_t i = first_unread; i < n; i++) {
		size_t lo = 0, hi = recognised;
		bool overlaps;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c[mid].end <= c[i].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		overlaps = (lo < recognised && c[lo].start < c[i].end) ||
			   (kept > recognised && c[i].start < unread_end);
		if (!overlaps) {
			if (c[i].end > unread_end)
				unread_end = c[i].end;
			c[kept++] = c[i];
		}
	}
	if (kept > recognised)
		qsort(c, kept, sizeof(fc_claim), cmp_claim_start);
	return kept;
}

/* Counts the document's figures: those a bound claim covers are
 * checked, the other quantities unchecked. `c` in text order. */
static void count_coverage(const fc_number_list *nums, const fc_claim *c,
			   size_t n, fc_coverage *cov)
{
	size_t k = 0;

	memset(cov, 0, sizeof(*cov));
	for (size_t i = 0; i < nums->count; i++) {
		const fc_number *num = &nums->items[i];
		bool bound = false;
		cov->figures++;
		if (!fc_num_kind_is_quantity(num->kind)) {
			cov->not_quantities++;
			continue;
		}
		while (k < n && c[k].end <= num->start)
			k++;
		for (size_t j = k; j < n && c[j].start < num->end && !bound; j++)
			bound = c[j].metric && !(c[j].flags & FC_CLAIMF_UNRECOGNISED);
		if (bound)
			cov->checked++;
		else
			cov->unchecked++;
	}
	/* A claim that holds no number ("doubled", "halved") is a figure
	 * too: checked when bound, unchecked when not. Several claims on
	 * one span count once. */
	k = 0;
	for (size_t j = 0; j < n; j++) {
		bool has = false, seen = false;
		if (c[j].flags & FC_CLAIMF_UNRECOGNISED)
			continue;
		for (size_t p = j; p-- > 0 && c[p].start == c[j].start && !seen;)
			seen = c[p].end == c[j].end &&
			       !(c[p].flags & FC_CLAIMF_UNRECOGNISED);
		if (seen)
			continue;
		while (k < nums->count && nums->items[k].end <= c[j].start)
			k++;
		for (size_t i = k; i < nums->count &&
				   nums->items[i].start < c[j].end && !has;
		     i++)
			has = fc_num_kind_is_quantity(nums->items[i].kind);
		if (!has) {
			cov->figures++;
			if (c[j].metric)
				cov->checked++;
			else
				cov->unchecked++;
		}
	}
}

/* When the run lists unchecked figures: a claim for each quantity that
 * no checker reported at all, saying so. */
static fc_status add_unread(fc_doc_result *r, size_t *cap)
{
	const fc_document *doc = r->doc;
	const fc_number_list *nums = fc_document_numbers(doc);
	size_t n = r->n_claims, k = 0;

	for (size_t i = 0; i < nums->count; i++) {
		const fc_number *num = &nums->items[i];
		bool covered = false;
		fc_claim *c;
		if (!fc_num_kind_is_quantity(num->kind))
			continue;
		while (k < n && r->claims[k].end <= num->start)
			k++;
		covered = k < n && r->claims[k].start < num->end;
		if (covered)
			continue;
		if (fc_grow((void **)&r->claims, cap, r->n_claims + 1,
			    sizeof(fc_claim)))
			return FC_ERR_NOMEM;
		c = &r->claims[r->n_claims++];
		memset(c, 0, sizeof(*c));
		c->start = num->start;
		c->end = num->end;
		c->number = *num;
		fc_document_sentence_at(doc, num->start, &c->sent_start,
					&c->sent_end);
		if (c->sent_start > c->start)
			c->sent_start = c->start;
		if (c->sent_end < c->end)
			c->sent_end = c->end;
		c->rule_id = "figcheck.unread";
		c->unbound_reason = "no checker reads this figure";
		c->severity = FC_SEVERITY_INFO;
		c->as_of = c->since = FC_DATE_NONE;
		c->flags = FC_CLAIMF_UNRECOGNISED;
	}
	if (r->n_claims > n)
		qsort(r->claims, r->n_claims, sizeof(fc_claim), cmp_claim_start);
	return FC_OK;
}

/*
 * Gives finding `f` the deciding source's records around it, for a
 * picture (fc_finding.series): from some records before the earliest
 * record it names to a few after the one in force, thinned evenly to
 * FC_SERIES_MAX points, keeping the named ones. FC_ERR_NOMEM only.
 */
static fc_status attach_series(const fc_store *store, fc_finding *f,
			       fc_arena *arena)
{
	size_t first, n, lo = SIZE_MAX, hi = 0, keep[3], nk = 0, count, step;
	const fc_ref *named[3] = {f->record, f->ref_record, f->matched};
	fc_point *pts;
	fc_ref r;

	if (!f->record || !f->metric)
		return FC_OK;
	n = fc_store_find(store, f->metric, &first);
	/* The deciding source's run of records, and where the named ones
	 * stand in it. */
	for (size_t i = 0; i < n; i++) {
		fc_store_ref(store, first + i, &r);
		if (strcmp(r.source, f->record->source) != 0)
			continue;
		if (lo == SIZE_MAX)
			lo = i;
		hi = i + 1;
		for (size_t k = 0; k < 3; k++)
			if (named[k] && named[k]->rec.date == r.rec.date &&
			    strcmp(named[k]->source, r.source) == 0 && nk < 3)
				keep[nk++] = i;
	}
	if (lo == SIZE_MAX || nk == 0)
		return FC_OK;
	{
		size_t a = keep[0], b = keep[0];
		for (size_t k = 1; k < nk; k++) {
			a = keep[k] < a ? keep[k] : a;
			b = keep[k] > b ? keep[k] : b;
		}
		/* Some context before, a little after. */
		a = a >= lo + (b > a ? 8 : 30) ? a - (b > a ? 8 : 30) : lo;
		b = b + 6 < hi ? b + 6 : hi;
		lo = a;
		hi = b;
	}
	count = hi - lo;
	step = count > FC_SERIES_MAX ? (count + FC_SERIES_MAX - 1) / FC_SERIES_MAX
				     : 1;
	pts = fc_arena_alloc(arena, (count / step + 4) * sizeof(*pts));
	if (!pts)
		return FC_ERR_NOMEM;
	f->n_series = 0;
	for (size_t i = lo; i < hi; i++) {
		bool take = (i - lo) % step == 0 || i + 1 == hi;
		for (size_t k = 0; k < nk && !take; k++)
			take = keep[k] == i;
		if (!take || f->n_series >= count / step + 4)
			continue;
		fc_store_ref(store, first + i, &r);
		pts[f->n_series].date = r.rec.date;
		pts[f->n_series].value = r.rec.value;
		pts[f->n_series].low = r.low;
		pts[f->n_series].high = r.high;
		f->n_series++;
	}
	f->series = pts;
	return FC_OK;
}

/* True if the name of `n` bytes at `s`, found in a claim's sentence, says
 * more than the attribution a checker gave (NULL: none): "the Israeli
 * health ministry" where a rule captured "health ministry". */
static bool wider_name(const char *given, const char *s, size_t n)
{
	fc_name_words a, b;
	char buf[256];

	if (!given)
		return true;
	snprintf(buf, sizeof(buf), "%.*s", (int)(n < 255 ? n : 255), s);
	fc_name_words_of(given, &a);
	fc_name_words_of(buf, &b);
	return b.n > a.n && fc_name_words_find(&b, &a, NULL) == a.n;
}

/*
 * Gives each claim what its sentence says beyond its figure, unless its
 * checker said it already: its own as-of date and the date its count
 * starts from ("as of November 10", "by Sunday", "since October 7",
 * dates.h), and who the figure is attributed to ("the UN said",
 * attrib.h; a name the sentence gives in full replaces the part of it a
 * rule captured). Done here, in the core, so that every checker
 * benefits.
 */
static fc_status claim_context(const fc_engine *eng, fc_doc_result *r)
{
	const fc_document *doc = r->doc;
	const fc_number_list *all = fc_document_numbers(doc);
	fc_status rc = FC_OK;

	(void)eng;
	for (size_t i = 0; i < r->n_claims && rc == FC_OK; i++) {
		fc_claim *c = &r->claims[i];
		size_t ss = c->sent_start, se = c->sent_end, as, ae;

		/* A figure bound to no metric is not verified: its dates
		 * and attribution would serve nothing. */
		if ((c->flags & FC_CLAIMF_UNRECOGNISED) || !c->metric)
			continue;
		if (c->as_of == FC_DATE_NONE && c->since == FC_DATE_NONE) {
			fc_claim_dates cd;
			fc_number_list nums = sentence_numbers(all, ss, se);
			fc_claim_dates_find(doc->prose, ss, se, c->start, c->end,
					    &nums, doc->date, &cd);
			c->as_of = cd.as_of;
			c->since = cd.since;
			if (cd.no_day && c->metric) {
				/* Checked at no date rather than the wrong
				 * one. */
				char *p = squeeze(&r->arena,
						  doc->prose + cd.no_day_start,
						  cd.no_day_end - cd.no_day_start);
				c->metric = NULL;
				c->unbound_reason =
				    p ? fc_arena_printf(&r->arena,
							"its date \"%s\" names a "
							"day that does not exist",
							p)
				      : NULL;
				if (!c->unbound_reason) {
					rc = FC_ERR_NOMEM;
					break;
				}
			}
			if (cd.as_of != FC_DATE_NONE && cd.since != FC_DATE_NONE &&
			    cd.as_of_start != cd.since_start) {
				char *a = squeeze(&r->arena, doc->prose + cd.as_of_start,
						  cd.as_of_end - cd.as_of_start);
				char *b = squeeze(&r->arena, doc->prose + cd.since_start,
						  cd.since_end - cd.since_start);
				c->as_of_text = a && b ? fc_arena_printf(&r->arena,
									 "%s; %s", a, b)
						       : NULL;
				if (!c->as_of_text)
					rc = FC_ERR_NOMEM;
			} else if (cd.as_of != FC_DATE_NONE ||
				   cd.since != FC_DATE_NONE) {
				size_t ps = cd.as_of != FC_DATE_NONE ? cd.as_of_start
								     : cd.since_start;
				size_t pe = cd.as_of != FC_DATE_NONE ? cd.as_of_end
								     : cd.since_end;
				if (!(c->as_of_text = squeeze(&r->arena,
							      doc->prose + ps,
							      pe - ps)))
					rc = FC_ERR_NOMEM;
			}
		}
		/* A level dated back from the document's date: "a week
		 * earlier", "ten years ago". */
		if (rc == FC_OK && c->metric && c->change == FC_CHANGE_NONE &&
		    c->as_of == FC_DATE_NONE && c->since == FC_DATE_NONE) {
			fc_claim_ref past;
			if (fc_claim_past_find(doc->prose, ss, se, c->start,
					       c->end, doc->date, &past)) {
				c->as_of = past.date;
				if (past.unit == FC_PERIOD_YEAR)
					c->flags |= FC_CLAIMF_AS_OF_YEAR;
				if (!(c->as_of_text = squeeze(&r->arena,
							      doc->prose +
								  past.start_at,
							      past.end_at -
								  past.start_at)))
					rc = FC_ERR_NOMEM;
			}
		}
		/* A change's reference point: "since 2014", "in two
		 * weeks", "since the war began". */
		if (rc == FC_OK && c->change != FC_CHANGE_NONE &&
		    c->ref_date == FC_DATE_NONE && c->ref_span == 0 &&
		    !c->ref_start) {
			fc_claim_ref ref;
			if (fc_claim_ref_find(doc->prose, ss, se, c->start,
					      c->end, doc->date, c->per_day,
					      &ref)) {
				c->ref_date = ref.date;
				c->ref_unit = ref.unit;
				c->ref_span = ref.span;
				c->ref_start = ref.start;
				if (!(c->ref_text = squeeze(&r->arena,
							    doc->prose +
								ref.start_at,
							    ref.end_at -
								ref.start_at)))
					rc = FC_ERR_NOMEM;
			}
			/* Its "since" is the reference point, not the start
			 * of a count. */
			if (c->since != FC_DATE_NONE && c->as_of == FC_DATE_NONE)
				c->as_of_text = NULL;
			c->since = FC_DATE_NONE;
		}
		if (rc == FC_OK && c->metric &&
		    fc_attribution_find(doc->prose, ss, se, c->start, c->end, &as,
					&ae) &&
		    wider_name(c->attribution, doc->prose + as, ae - as) &&
		    !(c->attribution = squeeze(&r->arena, doc->prose + as,
					       ae - as)))
			rc = FC_ERR_NOMEM;
	}
	return rc;
}

/* True for a verdict that already calls a claim wrong. */
static bool flagged(fc_verdict v)
{
	return v == FC_VERDICT_DISCREPANCY || v == FC_VERDICT_OUTDATED;
}

/*
 * Adds a finding for each claim that gives the same metric as an earlier
 * claim of the document, for the same date, with a value that cannot
 * also be true ("9,770 dead" in one paragraph, "9,700 dead" in another),
 * unless the records already call one of them wrong: the contradiction
 * then adds nothing a reader needs. The claims' findings are
 * r->findings[0, n_claims); `extra` more findings are still to come, and
 * room is kept for them.
 */
static fc_status add_conflicts(fc_doc_result *r, size_t *cap, size_t extra)
{
	fc_date *as_of = calloc(r->n_claims + 1, sizeof(*as_of));
	fc_verdict *verdict = calloc(r->n_claims + 1, sizeof(*verdict));
	size_t *other = calloc(r->n_claims + 1, sizeof(*other));
	size_t n = r->n_claims;
	fc_status rc = FC_ERR_NOMEM;

	if (!as_of || !other || !verdict)
		goto out;
	for (size_t i = 0; i < n; i++) {
		as_of[i] = r->findings[i].as_of;
		verdict[i] = r->findings[i].verdict;
	}
	if ((rc = fc_verify_conflicts(r->claims, as_of, verdict, n, other)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		const fc_finding *cf = &r->findings[i], *of;
		const fc_claim *c = &r->claims[i], *oc;
		fc_finding *f;
		char d[11], v1[96], v2[96];

		/* A record that already calls one of them wrong says what
		 * the contradiction would. */
		if (other[i] == (size_t)-1 ||
		    flagged(r->findings[i].verdict) ||
		    flagged(r->findings[other[i]].verdict))
			continue;
		rc = FC_ERR_NOMEM;
		if (fc_grow((void **)&r->findings, cap, r->n_findings + extra + 2,
			    sizeof(fc_finding)))
			goto out;
		cf = &r->findings[i];
		of = &r->findings[other[i]];
		oc = &r->claims[other[i]];
		f = &r->findings[r->n_findings];
		memset(f, 0, sizeof(*f));
		f->verdict = FC_VERDICT_DISCREPANCY;
		f->severity = c->severity;
		f->rule_id = "consistency.same-metric";
		f->metric = c->metric;
		f->as_of = as_of[i];
		f->start = cf->start;
		f->end = cf->end;
		f->line = cf->line;
		f->col = cf->col;
		f->end_line = cf->end_line;
		f->end_col = cf->end_col;
		f->text = cf->text;
		f->sentence = cf->sentence;
		f->claim_low = c->number.low;
		f->claim_high = c->number.high;
		f->claim_low_open = c->number.low_open;
		f->claim_high_open = c->number.high_open;
		f->diff_abs = c->number.value - oc->number.value;
		f->diff_rel = oc->number.value != 0
				  ? f->diff_abs / fabs(oc->number.value)
				  : NAN;
		fc_date_format(as_of[i], d);
		fc_describe_value(c->number.qualifier, c->number.value,
				  c->number.value2, v1, sizeof(v1));
		fc_describe_value(oc->number.qualifier, oc->number.value,
				  oc->number.value2, v2, sizeof(v2));
		f->message = fc_arena_printf(
		    &r->arena,
		    "\"%s\" gives %s on %s as %s, but \"%s\" at line %u gives "
		    "it as %s for the same date.",
		    cf->text, c->metric, d, v1, of->text, of->line, v2);
		f->reason = fc_arena_printf(
		    &r->arena,
		    "two claims of the draft bind %s for %s, and their "
		    "intervals (%s at %u:%u, %s at %u:%u) do not meet: they "
		    "cannot both be true",
		    c->metric, d, v1, cf->line, cf->col, v2, of->line, of->col);
		if (!f->message || !f->reason)
			goto out;
		r->n_findings++;
	}
	rc = FC_OK;
out:
	free(as_of);
	free(other);
	free(verdict);
	return rc;
}

/* The error of a dateline that names no day ("Nov 31 (Reuters) -"). */
static fc_status bad_dateline(const fc_engine *eng, const fc_document *doc,
			      const fc_dateline *dl, fc_error *err)
{
	fc_written_date w;
	unsigned line, col;
	char why[96];
	int year = eng->cfg->year;

	fc_document_position(doc, fc_document_map(doc, dl->date_start), &line,
			     &col);
	if (!fc_date_read(doc->prose, doc->prose_len, dl->date_start, false,
			  &w))
		w.year = w.month = w.day = 0;
	if (w.year)
		year = w.year;
	if (!year && w.month == 2)
		snprintf(why, sizeof(why), "February has at most 29 days");
	else
		fc_date_why_not(year ? year : 2001, w.month, w.day, why,
				sizeof(why));
	return fc_error_set(err, FC_ERR_INPUT,
			    "%s:%u:%u: dateline '%.*s' is not a date (%s); "
			    "correct it, or give the as-of date with --date",
			    doc->path, line, col,
			    (int)(dl->date_end - dl->date_start),
			    doc->prose + dl->date_start, why);
}

/* The document's as-of date, first found wins: --date, the document's
 * own metadata (front matter, HTML meta, set when it was read), a
 * dateline in its first lines, the configuration's date, today. A date
 * the document gives that names no day ("2023-11-31", a dateline "Nov
 * 31") is an input error, unless --date makes it moot: checking such a
 * draft as of another day would make its right figures look wrong. */
static fc_status set_doc_date(const fc_engine *eng, fc_document *doc,
			      fc_error *err)
{
	fc_dateline dl;

	if (eng->date != FC_DATE_NONE) {
		doc->date = eng->date;
		doc->date_origin = FC_DATE_FROM_OPTION;
		return FC_OK;
	}
	if (fc_document_date_error(doc))
		return fc_error_set(err, FC_ERR_INPUT, "%s",
				    fc_document_date_error(doc));
	if (fc_document_date_warning(doc))
		fc_log(&eng->logger, FC_LOG_WARNING, NULL, "%s",
		       fc_document_date_warning(doc));
	if (doc->date != FC_DATE_NONE) {
		/* From the document itself: front matter or HTML meta. */
	} else if (fc_document_dateline(doc, eng->cfg->year, &dl)) {
		if (dl.date == FC_DATE_NONE)
			return bad_dateline(eng, doc, &dl, err);
		doc->date = dl.date;
		doc->date_origin = FC_DATE_FROM_DATELINE;
	} else if (eng->cfg->date != FC_DATE_NONE) {
		doc->date = eng->cfg->date;
		doc->date_origin = FC_DATE_FROM_CONFIG;
	} else {
		doc->date = fc_date_today();
		doc->date_origin = FC_DATE_FROM_TODAY;
	}
	return FC_OK;
}

fc_status fc_engine_check(const fc_engine *eng, fc_document *doc,
			  fc_doc_result **out, fc_error *err)
{
	fc_doc_result *r = calloc(1, sizeof(*r));
	fc_check_sink sink;
	fc_verifier v;
	size_t cap = 0, kept = 0, ccap = 0;
	fc_status rc = FC_OK;

	*out = NULL;
	if (!r) {
		fc_document_free(doc);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	r->doc = doc;
	memset(&sink, 0, sizeof(sink));
	if ((rc = set_doc_date(eng, doc, err)) != FC_OK)
		goto fail;
	if (fc_document_scan_numbers(doc, &eng->num) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (eng->show_unchecked || eng->explain)
		doc->flags |= FC_DOCF_UNRECOGNISED;
	if (eng->explain)
		doc->flags |= FC_DOCF_EXPLAIN;

	sink.doc = doc;
	sink.arena = &r->arena;
	for (size_t i = 0; i < eng->n_checkers; i++) {
		fc_plugin_ctx *ctx = eng->checkers[i];
		fc_error cerr;

		sink.ctx = ctx;
		fc_error_clear(&cerr);
		rc = ctx->plugin->desc->checker.check(ctx->state, doc, &sink,
						      &cerr);
		if (rc != FC_OK) {
			fc_error_set(err, rc, "%s: checker %s failed: %s",
				     doc->path, ctx->name,
				     cerr.msg[0] ? cerr.msg : fc_strerror(rc));
			goto fail;
		}
	}

	/* One claim per figure. */
	kept = keep_claims(sink.claims, sink.n_claims);
	r->claims = sink.claims;
	r->n_claims = kept;
	ccap = sink.cap_claims;
	sink.claims = NULL;
	if ((eng->show_unchecked || eng->explain) &&
	    add_unread(r, &ccap) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	count_coverage(fc_document_numbers(doc), r->claims, r->n_claims,
		       &r->coverage);
	if (claim_context(eng, r) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}

	memset(&v, 0, sizeof(v));
	v.store = &eng->store;
	v.sources = eng->vsources;
	v.n_sources = eng->vsources ? eng->n_sources : 0;
	v.understated = eng->cfg->understated;
	v.overstated = eng->cfg->overstated;
	v.num = &eng->num;

	if (fc_grow((void **)&r->findings, &cap, r->n_claims + sink.n_issues + 1,
		    sizeof(fc_finding))) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < r->n_claims; i++) {
		const fc_claim *c = &r->claims[i];
		fc_finding *f = &r->findings[r->n_findings];
		fc_date as_of = c->as_of != FC_DATE_NONE ? c->as_of : doc->date;

		memset(f, 0, sizeof(*f));
		f->claim = c;
		f->rule_id = c->rule_id;
		f->metric = c->metric;
		f->severity = c->severity;
		place(doc, f, c->start, c->end);
		/* The claim and its sentence as a reader sees them: from the
		 * prose, with markup dropped and entities decoded. */
		f->text = squeeze(&r->arena, doc->prose + c->start,
				  c->end - c->start);
		f->sentence = squeeze(&r->arena, doc->prose + c->sent_start,
				      c->sent_end - c->sent_start);
		if (!f->text || !f->sentence ||
		    /* A level, or a change (change.h). */
		    (c->metric && (c->change != FC_CHANGE_NONE || c->per_day)
			 ? fc_verify_change(&v, c, f->text, as_of, f,
					    &r->arena)
			 : fc_verify_claim(&v, c, f->text, as_of, f,
					   &r->arena)) ||
		    attach_series(&eng->store, f, &r->arena)) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		r->n_findings++;
	}
	if (add_conflicts(r, &cap, sink.n_issues) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	/* A figure no checker could read is a finding only when the run
	 * lists them. */
	if (!eng->show_unchecked) {
		size_t k = 0;
		for (size_t i = 0; i < r->n_findings; i++)
			if (!(r->findings[i].claim &&
			      (r->findings[i].claim->flags & FC_CLAIMF_UNRECOGNISED)))
				r->findings[k++] = r->findings[i];
		r->n_findings = k;
	}
	for (size_t i = 0; i < sink.n_issues; i++) {
		const fc_issue *is = &sink.issues[i];
		fc_finding *f = &r->findings[r->n_findings];

		memset(f, 0, sizeof(*f));
		fc_verdict_parse(is->verdict, &f->verdict);
		f->severity = is->severity;
		f->rule_id = is->rule_id;
		f->as_of = doc->date;
		f->message = is->message;
		f->reason = is->reason ? is->reason : is->message;
		f->diff_abs = is->written - is->expected;
		f->diff_rel = is->expected != 0 ? f->diff_abs / fabs(is->expected)
						: NAN;
		f->claim_low = f->claim_high = is->written;
		place(doc, f, is->start, is->end);
		f->text = squeeze(&r->arena, doc->prose + is->start,
				  is->end - is->start);
		f->sentence = f->text;
		if (!f->text) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto fail;
		}
		r->n_findings++;
	}
	if (r->n_findings)
		qsort(r->findings, r->n_findings, sizeof(fc_finding),
		      cmp_finding);
	if (assign_fingerprints(r) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto fail;
	}
	/* Findings covered by a suppression comment (suppress.h) reach no
	 * reporter and no exit status. */
	fc_suppress_apply(fc_document_suppressions(doc), doc->path, r->findings,
			  &r->n_findings, &eng->logger);
	free(sink.issues);
	*out = r;
	return FC_OK;
fail:
	free(sink.claims);
	free(sink.issues);
	fc_doc_result_free(r);
	return rc;
}
