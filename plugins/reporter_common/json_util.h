/*
 * json_util.h: cJSON helpers shared by the json and sarif reporters,
 * compiled into each. Each helper that adds to an object returns false
 * when memory ran out; a value that does not exist (a non-finite number,
 * no date, no record) is written as null.
 */
#ifndef FC_JSON_UTIL_H
#define FC_JSON_UTIL_H

#include <cjson/cJSON.h>
#include <time.h>

#include "report_util.h"

/* Adds a number, or null when it is not finite. */
bool rj_add_num(cJSON *o, const char *k, double v);

/* Adds a date as "YYYY-MM-DD", or null for FC_DATE_NONE. */
bool rj_add_date(cJSON *o, const char *k, fc_date d);

/* Adds record `r` as the object `to_json` makes of it, or null when there
 * is no record. */
bool rj_add_record(cJSON *o, const char *k, const fc_ref *r,
				 cJSON *(*to_json)(const fc_ref *));

/* Adds the report's count of each verdict as object `k`: {"ok": 2, ...}. */
bool rj_add_counts(cJSON *o, const char *k, const fc_report *rep);

/* Adds {"figures", "checked", "unchecked", "not_quantities"} as `k`. */
bool rj_add_coverage(cJSON *o, const char *k,
				   const fc_coverage *c);

/* Writes `root` to `out`, indented when `pretty`, then a line break, and
 * frees it. NULL for `root` means that building it ran out of memory.
 * Fills `err` when memory runs out or writing fails. */
fc_status rj_print(const fc_host *h, cJSON *root, bool pretty,
				 FILE *out, fc_error *err);

/*
 * A string no draft or source can contain, to mark where rj_print_streamed
 * writes its items: made of the time and of addresses, which an input
 * cannot know. `buf` holds 64 bytes.
 */
const char *rj_marker(char *buf, const void *addr);

/*
 * Writes `root` as rj_print does, with the string member `marker` (see
 * rj_marker) replaced by an array of `n` items that `item(ud, i)` makes
 * one at a time (each printed and freed before the next is made): the
 * same text cJSON would print for the whole tree, in the memory of one
 * item. Frees `root`. NULL for `root`, or from `item`, means that memory
 * ran out.
 */
fc_status rj_print_streamed(const fc_host *h, cJSON *root,
					  const char *marker, bool pretty,
					  size_t n,
					  cJSON *(*item)(void *ud, size_t i),
					  void *ud, FILE *out, fc_error *err);

/* Writes item `i` of a streamed array at `depth` tabs (the depth of its
 * lines after the first), as rj_put_item does; fills `err` on failure. */
typedef fc_status (*rj_item_writer)(void *ud, size_t i, size_t depth,
				    FILE *out, fc_error *err);

/*
 * The core of rj_print_streamed, for arrays within arrays: writes `root`
 * (freed) as if printed in place at `base` tabs, with its string member
 * `marker` replaced by an array of `n` items that `write` writes one by
 * one, each itself free to stream an array of its own (a document's
 * findings within the run's documents). No line break after it.
 */
fc_status rj_stream_at(const fc_host *h, cJSON *root, const char *marker,
		       bool pretty, size_t base, size_t n,
		       rj_item_writer write, void *ud, FILE *out,
		       fc_error *err);

/* Writes `item` (freed; NULL means memory ran out) as cJSON prints it,
 * with `depth` tabs after each line break. */
fc_status rj_put_item(const fc_host *h, cJSON *item, bool pretty,
		      size_t depth, FILE *out, fc_error *err);

#endif
