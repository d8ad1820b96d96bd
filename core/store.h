/*
 * store.h: the reference store. Records from every source, sorted by
 * metric, source and date, read-only once frozen (and then safe to share
 * between threads).
 */
#ifndef FC_STORE_H
#define FC_STORE_H

#include <figcheck/plugin.h>

#include "util.h"

typedef struct fc_store {
	fc_ref *refs;
	size_t count, cap;
	fc_arena arena; /* strings of the records */
	bool frozen;
} fc_store;

/*
 * Validates `rec` and adds a copy. `source` and `source_url` are copied.
 * An invalid record (no metric, a metric with spaces or control
 * characters, a value that is not finite, no date) is refused with
 * FC_ERR_ARG and a message saying what is wrong; the caller decides
 * whether that is a warning. Must not be called after fc_store_freeze.
 */
fc_status fc_store_add(fc_store *s, const fc_record *rec, const char *source,
		       const char *source_url, int64_t retrieved,
		       const fc_num_options *num, fc_error *err);

/* Sorts the records by metric, source and date; of two records with the
 * same metric, source and date, the one added later wins. FC_ERR_NOMEM
 * if the sort's scratch space cannot be had (the store is unchanged). */
fc_status fc_store_freeze(fc_store *s);

/* The records of `metric` (all sources), sorted by source then date; sets
 * *first and returns how many. The store must be frozen. */
size_t fc_store_find(const fc_store *s, const char *metric,
		     const fc_ref **first);

void fc_store_free(fc_store *s);

/* True if `metric` is a usable metric key: 1-200 bytes of [A-Za-z0-9._-:/]. */
bool fc_metric_valid(const char *metric);

#endif
