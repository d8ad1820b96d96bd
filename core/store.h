/*
 * store.h: the reference store. Records from every source, kept compactly
 * (24 bytes a record; metric keys, notes, URLs and source names interned
 * once), sorted by metric, source and date when frozen, and read-only
 * from then on (and then safe to share between threads).
 *
 * A record is handed out as an fc_ref, made on demand (fc_store_ref):
 * its strings are the store's, valid until fc_store_free.
 */
#ifndef FC_STORE_H
#define FC_STORE_H

#include <figcheck/plugin.h>

#include "util.h"

typedef struct fc_srec fc_srec;       /* one record, compact */
typedef struct fc_sextra fc_sextra;   /* a record's URL, note, reporter */
typedef struct fc_sorigin fc_sorigin; /* a source and when it was read */
typedef struct fc_smetric fc_smetric; /* a metric's run of records */

typedef struct fc_store {
	fc_srec *recs;
	size_t count, cap;
	fc_sextra *extras;
	size_t n_extras, cap_extras;
	fc_sorigin *origins;
	size_t n_origins, cap_origins;
	char **strs; /* interned strings by id; strs[0] is NULL */
	size_t n_strs, cap_strs;
	uint32_t *hash; /* open addressing over string ids; 0 is empty */
	size_t hash_cap;
	fc_smetric *dir; /* when frozen: each metric's records */
	size_t n_dir;
	fc_arena arena;     /* the strings */
	fc_num_options num; /* how records' intervals are made */
	bool frozen;
} fc_store;

/*
 * Validates `rec` and adds a compact copy: its strings are interned, its
 * date moved to the last day of its period. `source` and `source_url`
 * (may be NULL) are interned too; a record without a URL of its own has
 * `source_url`. `num` says how the record's interval is made when it is
 * handed out (the last call's options apply). An invalid record (no
 * metric, a metric with spaces or control characters, a value that is
 * not finite, no date, an unknown qualifier or period) is refused with
 * FC_ERR_ARG and a message saying what is wrong; the caller decides
 * whether that is a warning. FC_ERR_LIMIT past 65,535 distinct sources
 * and retrieval times, or 4 billion strings. Must not be called after
 * fc_store_freeze.
 */
fc_status fc_store_add(fc_store *s, const fc_record *rec, const char *source,
                       const char *source_url, int64_t retrieved,
                       const fc_num_options *num, fc_error *err);

/* How many records the store holds. */
size_t fc_store_count(const fc_store *s);

/* Drops the records added after the first `count` (a source that failed
 * half way). Must not be called after fc_store_freeze. */
void fc_store_truncate(fc_store *s, size_t count);

/*
 * Called by fc_store_freeze for a record dropped because a later record
 * of the same source gives the same metric and date with another value,
 * qualifier or precision: `kept` is the later one, which wins. Both are
 * valid during the call only.
 */
typedef void (*fc_store_conflict_fn)(void *ud, const fc_ref *kept,
                                     const fc_ref *dropped);

/*
 * Sorts the records by metric, source and date. Of two records with the
 * same metric, source and date, the one added later wins (the later in a
 * source's data, or in its later resource); when they differ, `conflict`
 * (may be NULL) is told of each dropped one. FC_ERR_NOMEM if the sort's
 * scratch space cannot be had (the store is unchanged).
 */
fc_status fc_store_freeze(fc_store *s, fc_store_conflict_fn conflict, void *ud);

/*
 * The records of `metric` (all sources): sets *first to the index of the
 * first and returns how many there are, sorted by source then date. The
 * store must be frozen.
 */
size_t fc_store_find(const fc_store *s, const char *metric, size_t *first);

/* Fills `out` with record `i` (in the order added before freezing, in
 * sorted order after): strings are the store's, valid until
 * fc_store_free; low and high made from its qualifier and precision. */
void fc_store_ref(const fc_store *s, size_t i, fc_ref *out);

/* What the store holds of one source, for `figcheck sources`. */
typedef struct fc_store_summary {
	size_t records;       /* after duplicates were dropped */
	const char **metrics; /* sorted; the array is the caller's (free
	                         with fc_store_summary_free), the strings
	                         the store's */
	size_t n_metrics;
	fc_date first, last; /* the earliest and latest records' dates */
	fc_period first_period, last_period;
} fc_store_summary;

/* Summarizes the records of `source` in a frozen store into `out`.
 * FC_ERR_NOMEM when memory runs out (out is then empty). */
fc_status fc_store_summarize(const fc_store *s, const char *source,
                             fc_store_summary *out);
void fc_store_summary_free(fc_store_summary *sum);

void fc_store_free(fc_store *s);


#endif
