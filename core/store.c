/*
 * store.c: the reference store.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

bool fc_metric_valid(const char *m)
{
	size_t n = 0;

	if (!m)
		return false;
	for (; m[n]; n++) {
		char c = m[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-' || c == ':' || c == '/'))
			return false;
	}
	return n > 0 && n <= 200;
}

fc_status fc_store_add(fc_store *s, const fc_record *rec, const char *source,
		       const char *source_url, int64_t retrieved,
		       const fc_num_options *num, fc_error *err)
{
	fc_ref *r;
	fc_number n;
	char date[11];

	if (s->frozen)
		return fc_error_set(err, FC_ERR_ARG,
				    "records cannot be added once checking began");
	if (!fc_metric_valid(rec->metric))
		return fc_error_set(err, FC_ERR_ARG,
				    "record has no usable metric key (1-200 of "
				    "letters, digits and . _ - : /)");
	if (rec->date == FC_DATE_NONE ||
	    fc_date_format(rec->date, date)[0] == '-')
		return fc_error_set(err, FC_ERR_ARG, "record of %s has no date",
				    rec->metric);
	if (!isfinite(rec->value))
		return fc_error_set(err, FC_ERR_ARG,
				    "record of %s on %s has no finite value",
				    rec->metric, date);
	if (!isfinite(rec->precision) || rec->precision < 0 ||
	    (unsigned)rec->qualifier >= FC_QUALIFIER_COUNT)
		return fc_error_set(err, FC_ERR_ARG,
				    "record of %s on %s has an invalid qualifier "
				    "or precision",
				    rec->metric, date);
	if (fc_grow((void **)&s->refs, &s->cap, s->count + 1, sizeof(fc_ref)))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	r = &s->refs[s->count];
	memset(r, 0, sizeof(*r));
	r->rec.metric = fc_arena_strdup(&s->arena, rec->metric);
	r->rec.date = rec->date;
	r->rec.value = rec->value;
	r->rec.qualifier = rec->qualifier;
	r->rec.precision = rec->precision;
	r->rec.url = fc_arena_strdup(&s->arena, rec->url ? rec->url : source_url);
	r->rec.note = fc_arena_strdup(&s->arena, rec->note);
	r->rec.reported_by = fc_arena_strdup(&s->arena, rec->reported_by);
	r->source = fc_arena_strdup(&s->arena, source);
	r->source_url = fc_arena_strdup(&s->arena, source_url);
	r->retrieved = retrieved;
	if (!r->rec.metric || !r->source || (rec->url && !r->rec.url) ||
	    (source_url && !r->source_url) || (rec->note && !r->rec.note) ||
	    (rec->reported_by && !r->rec.reported_by))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	memset(&n, 0, sizeof(n));
	n.value = n.value2 = rec->value;
	n.qualifier = rec->qualifier;
	n.precision = rec->precision;
	n.kind = FC_NUM_COUNT;
	/* A record published rounded ("about 1,200", precision 100) covers
	 * the half unit either side; one with precision 0 or 1 is exact. */
	if (rec->precision > 1 || rec->value != floor(rec->value))
		n.flags = FC_NUMF_APPROX;
	fc_number_set_bounds(&n, num);
	r->low = n.low;
	r->high = n.high;
	r->low_open = n.low_open;
	r->high_open = n.high_open;
	s->count++;
	return FC_OK;
}

static int cmp_ref(const void *a, const void *b)
{
	const fc_ref *x = a, *y = b;
	int c = strcmp(x->rec.metric, y->rec.metric);

	if (c)
		return c;
	if ((c = strcmp(x->source, y->source)))
		return c;
	if (x->rec.date != y->rec.date)
		return x->rec.date < y->rec.date ? -1 : 1;
	return 0;
}

/* A stable merge sort, so that of equal records the later added stays
 * later. */
static void merge_sort(fc_ref *a, fc_ref *tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	merge_sort(a, tmp, mid);
	merge_sort(a + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = cmp_ref(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof(*a));
}

fc_status fc_store_freeze(fc_store *s)
{
	size_t o = 0;

	if (s->frozen)
		return FC_OK;
	if (s->count > 1) {
		fc_ref *tmp = malloc(s->count * sizeof(*tmp));
		if (!tmp)
			return FC_ERR_NOMEM;
		merge_sort(s->refs, tmp, s->count);
		free(tmp);
	}
	/* Drop earlier duplicates of (metric, source, date). */
	for (size_t i = 0; i < s->count; i++) {
		if (i + 1 < s->count &&
		    s->refs[i].rec.date == s->refs[i + 1].rec.date &&
		    strcmp(s->refs[i].rec.metric, s->refs[i + 1].rec.metric) == 0 &&
		    strcmp(s->refs[i].source, s->refs[i + 1].source) == 0)
			continue;
		s->refs[o++] = s->refs[i];
	}
	s->count = o;
	s->frozen = true;
	return FC_OK;
}

size_t fc_store_find(const fc_store *s, const char *metric,
		     const fc_ref **first)
{
	size_t lo = 0, hi = s->count, end;

	*first = NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(s->refs[mid].rec.metric, metric) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = lo;
	while (end < s->count && strcmp(s->refs[end].rec.metric, metric) == 0)
		end++;
	if (end > lo)
		*first = &s->refs[lo];
	return end - lo;
}

void fc_store_free(fc_store *s)
{
	free(s->refs);
	fc_arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}
