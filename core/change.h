/*
 * change.h: verdicts on claims about change and extremes (change.c).
 */
#ifndef FC_CHANGE_H
#define FC_CHANGE_H

#include "verify.h"

/*
 * Verifies claim `c` (c->change != FC_CHANGE_NONE, c->metric set),
 * written as `text`, at `as_of`: the change between the record in force
 * at `as_of` and the record at the claim's reference point, or, for an
 * extreme, the record in force against the series. Fills the verdict
 * fields of `f` (verdict, record, ref_record, change interval,
 * differences, message, reason), strings and records from `arena`.
 * Returns FC_ERR_NOMEM only.
 */
fc_status fc_verify_change(const fc_verifier *v, const fc_claim *c,
                           const char *text, fc_date as_of, fc_finding *f,
                           fc_arena *arena);

#endif
