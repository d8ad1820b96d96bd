/*
 * store.c: the reference store.
 *
 * Memory. A source of millions of records (a 48 MB CSV) must not take
 * ten times its size: each record is 24 bytes (fc_srec); every string
 * (metric key, note, URL, who reported it, source name) is kept once in
 * an arena and named by a 32-bit id; what a record rarely has (a
 * precision, its own URL, a note, a reporter) is in a side table; the
 * source's name, URL and retrieval time are an origin shared by its
 * records. Sorting sorts 32-bit indexes and then moves the records in
 * place. The fc_ref that the verifier and reporters see is made from a
 * record when asked for.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

struct fc_srec {
	double value;
	uint32_t metric; /* string id */
	fc_date date;    /* the last day of its period */
	uint32_t extra;  /* 1 + index into extras, or 0: none */
	uint16_t origin; /* index into origins */
	uint8_t qualifier, period;
};

/* What few records have: a precision, their own URL, a note, who
 * reported them. */
struct fc_sextra {
	double precision;
	uint32_t url, note, reported_by; /* string ids, 0: none */
};

struct fc_sorigin {
	uint32_t source, source_url; /* string ids */
	int64_t retrieved;
	uint32_t rank; /* when freezing: the source's rank by name */
};

struct fc_smetric {
	uint32_t metric; /* string id */
	size_t first, n;
};

#define MAX_ORIGINS 65535u


/* ------------------------------------------------------------------ */
/* Interned strings. */

static uint32_t str_hash(const char *s)
{
	uint64_t h = fc_fnv1a(FC_FNV_INIT, s, strlen(s));
	return (uint32_t)(h ^ (h >> 32));
}

/* Puts id `id` into the hash table (which has room). */
static void hash_put(fc_store *s, uint32_t id)
{
	size_t mask = s->hash_cap - 1;
	size_t k = str_hash(s->strs[id]) & mask;

	while (s->hash[k])
		k = (k + 1) & mask;
	s->hash[k] = id;
}

/* The id of string `str` (0 for NULL), interning it if new. Sets *id;
 * FC_ERR_NOMEM or FC_ERR_LIMIT on failure. */
static fc_status intern(fc_store *s, const char *str, uint32_t *id)
{
	size_t mask, k;

	*id = 0;
	if (!str)
		return FC_OK;
	if (s->n_strs == 0) {
		if (fc_grow((void **)&s->strs, &s->cap_strs, 64,
		            sizeof(char *)))
			return FC_ERR_NOMEM;
		s->strs[0] = NULL;
		s->n_strs = 1;
	}
	if ((s->n_strs + 1) * 2 > s->hash_cap) {
		size_t cap = s->hash_cap ? s->hash_cap * 2 : 256;
		uint32_t *h = calloc(cap, sizeof(*h));
		if (!h)
			return FC_ERR_NOMEM;
		free(s->hash);
		s->hash = h;
		s->hash_cap = cap;
		for (uint32_t i = 1; i < s->n_strs; i++)
			hash_put(s, i);
	}
	mask = s->hash_cap - 1;
	for (k = str_hash(str) & mask; s->hash[k]; k = (k + 1) & mask)
		if (strcmp(s->strs[s->hash[k]], str) == 0) {
			*id = s->hash[k];
			return FC_OK;
		}
	if (s->n_strs >= UINT32_MAX - 1)
		return FC_ERR_LIMIT;
	if (fc_grow((void **)&s->strs, &s->cap_strs, s->n_strs + 1,
	            sizeof(char *)))
		return FC_ERR_NOMEM;
	if (!(s->strs[s->n_strs] = fc_arena_strdup(&s->arena, str)))
		return FC_ERR_NOMEM;
	*id = (uint32_t)s->n_strs++;
	s->hash[k] = *id;
	return FC_OK;
}

static const char *str_of(const fc_store *s, uint32_t id)
{
	return id && id < s->n_strs ? s->strs[id] : NULL;
}

/* The index of the origin (source, source_url, retrieved), added if new.
 * Sources are few and their records come together: the last one is
 * tried first. */
static fc_status origin_of(fc_store *s, uint32_t source, uint32_t url,
                           int64_t retrieved, uint16_t *out)
{
	fc_sorigin *o;

	for (size_t i = s->n_origins; i-- > 0;) {
		o = &s->origins[i];
		if (o->source == source && o->source_url == url &&
		    o->retrieved == retrieved) {
			*out = (uint16_t)i;
			return FC_OK;
		}
	}
	if (s->n_origins >= MAX_ORIGINS)
		return FC_ERR_LIMIT;
	if (fc_grow((void **)&s->origins, &s->cap_origins, s->n_origins + 1,
	            sizeof(*s->origins)))
		return FC_ERR_NOMEM;
	o = &s->origins[s->n_origins];
	memset(o, 0, sizeof(*o));
	o->source = source;
	o->source_url = url;
	o->retrieved = retrieved;
	*out = (uint16_t)s->n_origins++;
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Adding. */

fc_status fc_store_add(fc_store *s, const fc_record *rec, const char *source,
                       const char *source_url, int64_t retrieved,
                       const fc_num_options *num, fc_error *err)
{
	fc_srec *r;
	uint32_t metric, src, surl, url = 0, note = 0, by = 0;
	uint16_t origin;
	fc_date date;
	char d[11];
	fc_status rc;

	if (s->frozen)
		return fc_error_set(
		    err, FC_ERR_ARG,
		    "records cannot be added once checking began");
	if (!fc_metric_valid(rec->metric))
		return fc_error_set(err, FC_ERR_ARG,
		                    "record has no usable metric key (1-200 of "
		                    "letters, digits and . _ - : /)");
	if ((unsigned)rec->period >= FC_PERIOD_COUNT)
		return fc_error_set(err, FC_ERR_ARG,
		                    "record of %s has an unknown period",
		                    rec->metric);
	date = fc_period_end(rec->date, rec->period);
	if (date == FC_DATE_NONE || fc_date_format(date, d)[0] == '-')
		return fc_error_set(err, FC_ERR_ARG, "record of %s has no date",
		                    rec->metric);
	if (!isfinite(rec->value))
		return fc_error_set(err, FC_ERR_ARG,
		                    "record of %s on %s has no finite value",
		                    rec->metric, d);
	if (!isfinite(rec->precision) || rec->precision < 0 ||
	    (unsigned)rec->qualifier >= FC_QUALIFIER_COUNT)
		return fc_error_set(
		    err, FC_ERR_ARG,
		    "record of %s on %s has an invalid qualifier "
		    "or precision",
		    rec->metric, d);
	if ((rc = intern(s, rec->metric, &metric)) ||
	    (rc = intern(s, source, &src)) ||
	    (rc = intern(s, source_url, &surl)) ||
	    (rc = intern(s, rec->url, &url)) ||
	    (rc = intern(s, rec->note, &note)) ||
	    (rc = intern(s, rec->reported_by, &by)) ||
	    (rc = origin_of(s, src, surl, retrieved, &origin)))
		return fc_error_set(
		    err, rc,
		    rc == FC_ERR_LIMIT
		        ? "too many sources, resources or "
		          "distinct strings in the reference data"
		        : "out of memory");
	if (fc_grow((void **)&s->recs, &s->cap, s->count + 1, sizeof(fc_srec)))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	r = &s->recs[s->count];
	memset(r, 0, sizeof(*r));
	if ((url && url != surl) || note || by || rec->precision != 0) {
		fc_sextra *x;
		if (s->n_extras >= UINT32_MAX - 1 ||
		    fc_grow((void **)&s->extras, &s->cap_extras,
		            s->n_extras + 1, sizeof(*s->extras)))
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		x = &s->extras[s->n_extras++];
		x->precision = rec->precision;
		x->url = url;
		x->note = note;
		x->reported_by = by;
		r->extra = (uint32_t)s->n_extras;
	}
	r->value = rec->value;
	r->metric = metric;
	r->date = date;
	r->origin = origin;
	r->qualifier = (uint8_t)rec->qualifier;
	r->period = (uint8_t)rec->period;
	s->num = *num;
	s->count++;
	return FC_OK;
}

size_t fc_store_count(const fc_store *s)
{
	return s->count;
}

void fc_store_truncate(fc_store *s, size_t count)
{
	if (!s->frozen && count < s->count)
		s->count = count;
}

/* ------------------------------------------------------------------ */
/* Handing records out. */

void fc_store_ref(const fc_store *s, size_t i, fc_ref *out)
{
	const fc_srec *r = &s->recs[i];
	const fc_sorigin *o = &s->origins[r->origin];
	const fc_sextra *x = r->extra ? &s->extras[r->extra - 1] : NULL;
	fc_number n;

	memset(out, 0, sizeof(*out));
	out->rec.metric = str_of(s, r->metric);
	out->rec.date = r->date;
	out->rec.value = r->value;
	out->rec.qualifier = (fc_qualifier)r->qualifier;
	out->rec.precision = x ? x->precision : 0;
	out->rec.period = (fc_period)r->period;
	out->rec.url =
	    x && x->url ? str_of(s, x->url) : str_of(s, o->source_url);
	out->rec.note = x ? str_of(s, x->note) : NULL;
	out->rec.reported_by = x ? str_of(s, x->reported_by) : NULL;
	out->source = str_of(s, o->source);
	out->source_url = str_of(s, o->source_url);
	out->retrieved = o->retrieved;
	memset(&n, 0, sizeof(n));
	n.value = n.value2 = r->value;
	n.qualifier = (fc_qualifier)r->qualifier;
	n.precision = out->rec.precision;
	n.kind = FC_NUM_COUNT;
	/* A record published rounded ("about 1,200", precision 100) covers
	 * the half unit either side; one with precision 0 or 1 is exact. */
	if (n.precision > 1 || r->value != floor(r->value))
		n.flags = FC_NUMF_APPROX;
	fc_number_set_bounds(&n, &s->num);
	out->low = n.low;
	out->high = n.high;
	out->low_open = n.low_open;
	out->high_open = n.high_open;
}

/* ------------------------------------------------------------------ */
/* Freezing. */

typedef struct sort_ctx {
	const fc_srec *recs;
	const uint32_t *mrank; /* by string id: the metric's rank by name */
	const fc_sorigin *origins;
} sort_ctx;

/* Records a and b by metric, source, date, then the order added. */
static int cmp_idx(const sort_ctx *c, uint32_t a, uint32_t b)
{
	const fc_srec *x = &c->recs[a], *y = &c->recs[b];
	uint32_t mx = c->mrank[x->metric], my = c->mrank[y->metric];
	uint32_t sx = c->origins[x->origin].rank,
	         sy = c->origins[y->origin].rank;

	if (mx != my)
		return mx < my ? -1 : 1;
	if (sx != sy)
		return sx < sy ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Sorts idx[0, n) with a bottom-up merge sort through tmp. */
static void sort_idx(const sort_ctx *c, uint32_t *idx, uint32_t *tmp, size_t n)
{
	uint32_t *src = idx, *dst = tmp;

	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				dst[k++] = cmp_idx(c, src[j], src[i]) < 0
				               ? src[j++]
				               : src[i++];
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		uint32_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != idx)
		memcpy(idx, src, n * sizeof(*idx));
}

static void rank_ids(const fc_store *s, uint32_t *ids, uint32_t *tmp, size_t n,
                     uint32_t *rank)
{
	uint32_t *src = ids, *dst = tmp;

	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				dst[k++] =
				    strcmp(s->strs[src[j]], s->strs[src[i]]) < 0
				        ? src[j++]
				        : src[i++];
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		uint32_t *t = src;
		src = dst;
		dst = t;
	}
	for (size_t i = 0; i < n; i++)
		rank[src[i]] = (uint32_t)i;
}

static double precision_of(const fc_store *s, const fc_srec *r)
{
	return r->extra ? s->extras[r->extra - 1].precision : 0;
}

static bool same_figure(const fc_store *s, const fc_srec *a, const fc_srec *b)
{
	return a->value == b->value && a->qualifier == b->qualifier &&
	       precision_of(s, a) == precision_of(s, b);
}

fc_status fc_store_freeze(fc_store *s, fc_store_conflict_fn conflict, void *ud)
{
	uint32_t *idx = NULL, *tmp = NULL, *mrank = NULL, *ids = NULL;
	size_t n = s->count, o = 0, n_ids = 0;
	sort_ctx c;

	if (s->frozen)
		return FC_OK;
	if (n > UINT32_MAX - 1)
		return FC_ERR_LIMIT;
	if (n == 0) {
		s->frozen = true;
		return FC_OK;
	}
	idx = malloc(n * sizeof(*idx));
	tmp = malloc(n * sizeof(*tmp));
	mrank = calloc(s->n_strs, sizeof(*mrank));
	ids = malloc((s->n_strs > s->n_origins ? s->n_strs : s->n_origins) *
	             sizeof(*ids));
	if (!idx || !tmp || !mrank || !ids)
		goto nomem;

	/* Ranks of the metric keys, and of the sources, by name. The
	 * metrics' ids are marked in mrank first. */
	for (size_t i = 0; i < n; i++)
		mrank[s->recs[i].metric] = 1;
	for (uint32_t id = 1; id < s->n_strs; id++)
		if (mrank[id])
			ids[n_ids++] = id;
	rank_ids(s, ids, tmp, n_ids, mrank);
	{
		/* Sources: rank the distinct source ids, then the origins. */
		uint32_t *srank = calloc(s->n_strs, sizeof(*srank));
		size_t ns = 0;
		if (!srank)
			goto nomem;
		for (size_t i = 0; i < s->n_origins; i++)
			srank[s->origins[i].source] = 1;
		for (uint32_t id = 1; id < s->n_strs; id++)
			if (srank[id])
				ids[ns++] = id;
		rank_ids(s, ids, tmp, ns, srank);
		for (size_t i = 0; i < s->n_origins; i++)
			s->origins[i].rank = srank[s->origins[i].source];
		free(srank);
	}

	for (size_t i = 0; i < n; i++)
		idx[i] = (uint32_t)i;
	c.recs = s->recs;
	c.mrank = mrank;
	c.origins = s->origins;
	sort_idx(&c, idx, tmp, n);
	/* Moves the records in place along the permutation's cycles:
	 * position i receives record idx[i]. */
	for (size_t i = 0; i < n; i++) {
		fc_srec hold;
		size_t j = i;
		if (idx[i] == i)
			continue;
		hold = s->recs[i];
		while (idx[j] != i) {
			size_t k = idx[j];
			s->recs[j] = s->recs[k];
			idx[j] = (uint32_t)j;
			j = k;
		}
		s->recs[j] = hold;
		idx[j] = (uint32_t)j;
	}

	/* Of records with the same metric, source and date, the last added
	 * wins; a different figure among them is a conflict. */
	for (size_t i = 0; i < n; i++) {
		const fc_srec *a = &s->recs[i];
		if (i + 1 < n) {
			const fc_srec *b = &s->recs[i + 1];
			if (a->metric == b->metric && a->date == b->date &&
			    s->origins[a->origin].source ==
			        s->origins[b->origin].source) {
				if (conflict && !same_figure(s, a, b)) {
					/* The one that wins is the last of
					 * the run. */
					size_t w = i + 1;
					fc_ref kept, dropped;
					while (w + 1 < n &&
					       s->recs[w + 1].metric ==
					           a->metric &&
					       s->recs[w + 1].date == a->date &&
					       s->origins[s->recs[w + 1].origin]
					               .source ==
					           s->origins[a->origin].source)
						w++;
					if (!same_figure(s, a, &s->recs[w])) {
						fc_store_ref(s, w, &kept);
						fc_store_ref(s, i, &dropped);
						conflict(ud, &kept, &dropped);
					}
				}
				continue;
			}
		}
		s->recs[o++] = *a;
	}
	s->count = o;

	/* The directory: each metric's run. */
	for (size_t i = 0; i < s->count; i++)
		if (i == 0 || s->recs[i].metric != s->recs[i - 1].metric)
			s->n_dir++;
	if (!(s->dir = calloc(s->n_dir + 1, sizeof(*s->dir))))
		goto nomem_dir;
	s->n_dir = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (i == 0 || s->recs[i].metric != s->recs[i - 1].metric) {
			s->dir[s->n_dir].metric = s->recs[i].metric;
			s->dir[s->n_dir].first = i;
			s->n_dir++;
		}
		s->dir[s->n_dir - 1].n++;
	}
	/* Give back what the doubling left unused. */
	if (s->count < s->cap) {
		fc_srec *shrunk = realloc(s->recs, (s->count ? s->count : 1) *
		                                       sizeof(*shrunk));
		if (shrunk) {
			s->recs = shrunk;
			s->cap = s->count ? s->count : 1;
		}
	}
	free(idx);
	free(tmp);
	free(mrank);
	free(ids);
	s->frozen = true;
	return FC_OK;
nomem_dir:
	/* The records are sorted and deduplicated already; without a
	 * directory nothing can be found, so the store stays unfrozen and
	 * the caller fails the run. */
	s->n_dir = 0;
nomem:
	free(idx);
	free(tmp);
	free(mrank);
	free(ids);
	return FC_ERR_NOMEM;
}

size_t fc_store_find(const fc_store *s, const char *metric, size_t *first)
{
	size_t lo = 0, hi = s->n_dir;

	*first = 0;
	if (!metric)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->strs[s->dir[mid].metric], metric);
		if (c == 0) {
			*first = s->dir[mid].first;
			return s->dir[mid].n;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

fc_status fc_store_summarize(const fc_store *s, const char *source,
                             fc_store_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->first = out->last = FC_DATE_NONE;
	for (size_t d = 0; d < s->n_dir; d++) {
		const fc_smetric *m = &s->dir[d];
		bool any = false;
		for (size_t i = m->first; i < m->first + m->n; i++) {
			const fc_srec *r = &s->recs[i];
			const char *src =
			    str_of(s, s->origins[r->origin].source);
			if (!src || strcmp(src, source) != 0)
				continue;
			any = true;
			out->records++;
			if (out->first == FC_DATE_NONE ||
			    r->date < out->first) {
				out->first = r->date;
				out->first_period = (fc_period)r->period;
			}
			if (out->last == FC_DATE_NONE || r->date > out->last) {
				out->last = r->date;
				out->last_period = (fc_period)r->period;
			}
		}
		if (any) {
			const char **m2 = realloc(
			    out->metrics, (out->n_metrics + 1) * sizeof(*m2));
			if (!m2) {
				fc_store_summary_free(out);
				return FC_ERR_NOMEM;
			}
			out->metrics = m2;
			out->metrics[out->n_metrics++] = str_of(s, m->metric);
		}
	}
	return FC_OK;
}

void fc_store_summary_free(fc_store_summary *sum)
{
	free(sum->metrics);
	memset(sum, 0, sizeof(*sum));
	sum->first = sum->last = FC_DATE_NONE;
}

void fc_store_free(fc_store *s)
{
	free(s->recs);
	free(s->extras);
	free(s->origins);
	free(s->strs);
	free(s->hash);
	free(s->dir);
	fc_arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}
