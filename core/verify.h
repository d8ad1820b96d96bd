/*
 * verify.h: the verifier. Picks the record in force at a claim's as-of
 * date and decides a verdict, comparing the claim's interval with the
 * record's. Pure over a frozen store: safe to run from several threads.
 */
#ifndef FC_VERIFY_H
#define FC_VERIFY_H

#include <figcheck/plugin.h>

#include "store.h"
#include "util.h"

/* What the verifier knows of each configured source. */
typedef struct fc_verify_source {
	const char *name;
	char *const *aliases; /* names a claim may attribute figures to */
	size_t n_aliases;
	int lag_days;      /* a match this many days before as_of is ok */
	int stale_days;    /* the record in force older than this is stale */
	double tolerance;  /* relative tolerance on its records */
	bool failed;       /* the source could not be read */
	const char *error; /* why, when failed */
	const char *const *metrics; /* metric keys it provides, or NULL */
	bool cumulative;   /* its series are running totals: a day's count
	                      is the difference of two days' records */
} fc_verify_source;

typedef struct fc_verifier {
	const fc_store *store;
	const fc_verify_source *sources;
	size_t n_sources;
	double understated; /* "more than X" with record > X*(1+this) */
	double overstated;  /* "up to X" with record < X*(1-this) */
	const fc_num_options *num;
} fc_verifier;

/*
 * Verifies claim `c` (written as `text`) at date `as_of` and fills the
 * verdict fields of `f`: verdict, record, matched, others, claim interval,
 * differences, tolerance, staleness, message and reason. Strings and the
 * `others` array are allocated from `arena`. A claim without a metric is
 * FC_VERDICT_UNCHECKED. A claim about change is judged as if it gave a
 * level: give it to fc_verify_change (change.h). Returns FC_ERR_NOMEM
 * only.
 */
fc_status fc_verify_claim(const fc_verifier *v, const fc_claim *c,
                          const char *text, fc_date as_of, fc_finding *f,
                          fc_arena *arena);

/*
 * The index in v->sources of the one configured source that the name
 * `who` ("Gaza's health ministry", "the UN") attributes a figure to: the
 * source one of whose names or aliases appears, word for word, in it,
 * the longest such match winning. -1 when none does, when two match
 * equally, or when a word left over names another source and not this
 * one ("the Israeli health ministry" is not Gaza's "health ministry").
 * Pure.
 */
int fc_verify_source_for(const fc_verifier *v, const char *who);

/*
 * Finds the claims of one document that contradict an earlier one: for
 * each claim i, sets conflict[i] to the index of the first earlier claim
 * (in the array's order) that binds the same metric, for the same as-of
 * date as_of[i] and the same start of count, outside claim i's sentence,
 * with an interval that does not meet claim i's; else to (size_t)-1.
 * Claims without a metric never conflict. `verdict` (n entries, or NULL:
 * all unverified) is what the records said of each claim: a claim left
 * unchecked (read as a count over part of a period, say) conflicts with
 * none, and of two claims no record checked, one whose period is
 * unstated and that lies below its partial_below share of the other may
 * count a part (one strike, one earlier quake) and conflicts with none. `conflict` has n entries. Returns FC_ERR_NOMEM only.
 */
fc_status fc_verify_conflicts(const fc_claim *claims, const fc_date *as_of,
                              const fc_verdict *verdict, size_t n,
                              size_t *conflict);

/* Parses a verdict name for --fail-on; "never" gives FC_VERDICT_COUNT. */
bool fc_verdict_parse(const char *s, fc_verdict *out);


/* True when the intervals [alo, ahi] and [blo, bhi] (with open ends as
 * flagged) share at least one point. */
bool fc_intervals_meet(double alo, bool alo_open, double ahi, bool ahi_open,
                       double blo, bool blo_open, double bhi, bool bhi_open);

#endif
