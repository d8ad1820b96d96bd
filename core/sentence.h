/*
 * sentence.h: sentence boundaries in news copy.
 */
#ifndef FC_SENTENCE_H
#define FC_SENTENCE_H

#include <stddef.h>

/*
 * Finds the sentence of `len` bytes of `text` that contains `offset` and
 * sets [*start, *end) to it, surrounding white space excluded. A sentence
 * ends at '.', '!' or '?' followed by white space and a capital, digit or
 * quote (abbreviations such as "Nov." and "U.S." excepted), at a blank
 * line, or at a line break followed by a capital or a list mark. Pure.
 */
void fc_sentence_at(const char *text, size_t len, size_t offset,
		    size_t *start, size_t *end);

#endif
