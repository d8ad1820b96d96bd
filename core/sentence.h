/*
 * sentence.h: sentence boundaries in news copy.
 */
#ifndef FC_SENTENCE_H
#define FC_SENTENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <figcheck/figcheck.h>

/*
 * Finds the sentence of `len` bytes of `text` that contains `offset` and
 * sets [*start, *end) to it, surrounding white space excluded. A sentence
 * ends at '.', '!' or '?' followed by white space and a capital, digit or
 * quote (abbreviations such as "Nov." and "U.S." excepted), at a blank
 * line, or at a line break followed by a capital or a list mark. Pure.
 */
void fc_sentence_at(const char *text, size_t len, size_t offset,
		    size_t *start, size_t *end);

/*
 * The sentence boundaries of a whole text, found once, so that the
 * sentence of any offset is looked up in constant time instead of being
 * found by scanning back and forth around it (every checker asks for the
 * sentences of the document's figures). fc_sentence_index_at gives what
 * fc_sentence_at gives, for every offset.
 */
typedef struct fc_sentence_index {
	size_t *cut;     /* offsets of the bytes that end a sentence ('.',
	                    '!', '?' or a line break), ascending */
	size_t n_cut;
	uint32_t *block; /* per 256 bytes of text: the first cut at or after
	                    the block's start */
	size_t n_block;
	size_t len;      /* of the text indexed */
} fc_sentence_index;

/* Finds the sentence ends of `len` bytes of `text` into *ix, which the
 * caller frees with fc_sentence_index_free (also after a failure).
 * Returns FC_ERR_NOMEM if memory ran out, FC_ERR_LIMIT for a text of
 * 2^32 cuts or more (the caller then uses fc_sentence_at). */
fc_status fc_sentence_index_build(const char *text, size_t len,
				  fc_sentence_index *ix);

/* The sentence of `offset` in the text `ix` was built from (the same
 * `text` and `len`), as fc_sentence_at would find it. Pure. */
void fc_sentence_index_at(const fc_sentence_index *ix, const char *text,
			  size_t offset, size_t *start, size_t *end);

/* Frees what *ix holds and zeroes it. NULL is allowed. */
void fc_sentence_index_free(fc_sentence_index *ix);

#endif
