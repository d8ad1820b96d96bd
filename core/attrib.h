/*
 * attrib.h: attributions in news copy: who a sentence says gave a figure
 * ("according to the Ministry of Health", "the UN said", "Israeli
 * officials said"). The verifier matches the name found against the
 * configured sources' aliases (fc_verify_source_for in verify.h).
 */
#ifndef FC_ATTRIB_H
#define FC_ATTRIB_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Finds the attribution nearest to the claim at [cs, ce) in the sentence
 * [ss, se) of `text`: the name after "according to", "figures from" or
 * "data from", or the name before "said", "says", "reported",
 * "announced" and their kin (up to six words, stopping at punctuation, a
 * figure or a word such as "that" or "have"). Sets [*start, *end) to the
 * name and returns true when one is found. Pure.
 */
bool fc_attribution_find(const char *text, size_t ss, size_t se, size_t cs,
                         size_t ce, size_t *start, size_t *end);

/* Words of a name as they are compared: lower-case ASCII letters and
 * digits, split at anything else, a possessive "'s" and the articles
 * dropped ("Gaza's health ministry" -> "gaza health ministry"). */
typedef struct fc_name_words {
	char words[16][32];
	size_t n;
} fc_name_words;

/* Splits `name` into words as above (at most 16, each cut at 31 bytes).
 * Pure. */
void fc_name_words_of(const char *name, fc_name_words *out);

/* The number of words of `alias` if they appear, in order and together,
 * among `who`'s words, and their position in *at; 0 otherwise. Pure. */
size_t fc_name_words_find(const fc_name_words *who, const fc_name_words *alias,
                          size_t *at);

#endif
