/*
 * sentence.c: a sentence splitter for news copy, conservative about
 * abbreviations and figures ("1.4 million", "Nov. 5", "U.S. officials").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "util.h"

/* Words after which a period does not end a sentence. */
static bool is_abbreviation(const char *w, size_t n)
{
	/* By length, so that a word is compared with its peers only. */
	static const char *const abbr2[] = {
	    "mr", "ms", "dr", "st", "lt", "no", "vs", "co", "jr", "sr", "mt",
	    "ft", "pp", "op", "cf", "al", "ca", NULL};
	static const char *const abbr3[] = {
	    "mrs", "gen", "col", "sgt", "maj", "rep", "sen", "gov", "jan",
	    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov",
	    "dec", "nos", "etc", "est", "fig", "inc", "ltd", "vol", "e.g",
	    "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "mon", "tue", "wed",
	    "thu", "fri", "sat", "sun", NULL};
	static const char *const abbr4[] = {"prof", "capt", "sept", "corp",
					    NULL};
	static const char *const abbr6[] = {"approx", NULL};
	const char *const *list = n == 2   ? abbr2
				  : n == 3 ? abbr3
				  : n == 4 ? abbr4
				  : n == 6 ? abbr6
					   : NULL;

	if (n == 1 && fc_is_alpha(w[0]))
		return true; /* an initial: "J. Smith" */
	for (size_t i = 0; list && list[i]; i++)
		if (fc_ascii_ieq(w, list[i], n))
			return true;
	return false;
}

/* True if a sentence ends just after text[i] (which is '.', '!' or '?'). */
static bool ends_at(const char *text, size_t len, size_t i)
{
	size_t j = i + 1, w;

	/* Closing quotes and brackets belong to the sentence. */
	while (j < len && (text[j] == '"' || text[j] == '\'' || text[j] == ')'))
		j++;
	if (j < len && (unsigned char)text[j] == 0xE2 && j + 2 < len &&
	    (unsigned char)text[j + 1] == 0x80 &&
	    ((unsigned char)text[j + 2] == 0x9D ||
	     (unsigned char)text[j + 2] == 0x99))
		j += 3;
	if (j >= len)
		return true;
	if (!fc_is_space(text[j]))
		return false;
	while (j < len && fc_is_space(text[j]))
		j++;
	if (j >= len)
		return true;
	if (!(fc_is_upper(text[j]) || (text[j] >= '0' && text[j] <= '9') ||
	      text[j] == '"' || text[j] == '\'' || text[j] == '(' ||
	      (unsigned char)text[j] >= 0x80))
		return false;
	if (text[i] != '.')
		return true;
	/* The word before the period. */
	w = i;
	while (w > 0 && (fc_is_alpha(text[w - 1]) || text[w - 1] == '.'))
		w--;
	/* A letter glued to a figure ("£28m.", "4C.", "1960s.") or ending a
	 * word with a non-ASCII letter ("Engström.") is no initial. */
	if (i - w == 1 && w > 0 &&
	    (fc_is_digit(text[w - 1]) || (unsigned char)text[w - 1] >= 0x80))
		return true;
	return !is_abbreviation(text + w, i - w);
}

/* True if the line [t, t + n) ends on a word that cannot end a heading:
 * a preposition, an article or a conjunction ("As of", "the toll in"). */
static bool ends_open(const char *t, size_t n)
{
	static const char *const words[] = {
	    "of", "in", "on", "at", "as", "by", "to", "the", "a", "an", "and",
	    "or", "for", "from", "with", "since", "than", "until", NULL};
	size_t w = n;

	while (w > 0 && fc_is_alpha(t[w - 1]))
		w--;
	if (w == n || (w > 0 && !fc_is_space(t[w - 1])) || w == 0)
		return false;
	for (size_t k = 0; words[k]; k++)
		if (strlen(words[k]) == n - w &&
		    fc_ascii_ieq(t + w, words[k], n - w))
			return true;
	return false;
}

/* True if a line break at text[i] ('\n') ends a sentence: a blank line
 * does, and so does a line break after a short line that reads as a
 * heading ("Ceasefire talks stall") when a capital follows. A line break
 * inside hard-wrapped prose ("the death of\n9,770 Palestinians", "killed
 * in\nGaza") does not. */
static bool newline_ends(const char *text, size_t len, size_t i)
{
	size_t j = i + 1, b = i;

	while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
		j++;
	if (j >= len || text[j] == '\n')
		return true; /* blank line or end */
	if (text[j] == '-' || text[j] == '*' || text[j] == '#' ||
	    text[j] == '>' || text[j] == '|')
		return true; /* a list item, heading or quote begins */
	if (!fc_is_upper(text[j]) && (unsigned char)text[j] < 0x80)
		return false;
	/* The line before: short and unpunctuated reads as a heading. */
	while (b > 0 && text[b - 1] != '\n')
		b--;
	while (i > b && (text[i - 1] == ' ' || text[i - 1] == '\r' ||
			 text[i - 1] == '\t'))
		i--;
	if (i == b)
		return true;
	if (text[i - 1] == ':' || text[i - 1] == ';')
		return true;
	if (i - b >= 40 || text[i - 1] == ',')
		return false;
	/* A heading holds no sentence end ("It rained. As of") and does not
	 * end on a word that needs the next ("As of", "On 21"). */
	for (size_t k = b; k + 1 < i; k++)
		if ((text[k] == '.' || text[k] == '!' || text[k] == '?') &&
		    text[k + 1] == ' ')
			return false;
	return !ends_open(text + b, i - b);
}

void fc_sentence_at(const char *text, size_t len, size_t offset,
		    size_t *start, size_t *end)
{
	size_t s = offset > len ? len : offset, e;

	/* Back to the previous boundary. */
	while (s > 0) {
		char c = text[s - 1];
		if ((c == '.' || c == '!' || c == '?') &&
		    ends_at(text, len, s - 1))
			break;
		if (c == '\n' && newline_ends(text, len, s - 1))
			break;
		s--;
	}
	/* Forward to the next. */
	e = offset > len ? len : offset;
	while (e < len) {
		char c = text[e];
		if ((c == '.' || c == '!' || c == '?') && ends_at(text, len, e)) {
			e++;
			break;
		}
		if (c == '\n' && newline_ends(text, len, e))
			break;
		e++;
	}
	while (s < e && fc_is_space(text[s]))
		s++;
	while (e > s && fc_is_space(text[e - 1]))
		e--;
	*start = s;
	*end = e;
}

/* ------------------------------------------------------------------ */
/* The index. */

#define BLOCK_SHIFT 8 /* 256 bytes a block: about two sentence ends */

fc_status fc_sentence_index_build(const char *text, size_t len,
				  fc_sentence_index *ix)
{
	/* The bytes that may end a sentence. */
	static const unsigned char may_end[256] = {
	    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1};
	const unsigned char *u = (const unsigned char *)text;
	size_t cap = 0, k = 0;

	memset(ix, 0, sizeof(*ix));
	ix->len = len;
	/* A sentence end every 64 bytes is more than news copy has. */
	if (fc_grow((void **)&ix->cut, &cap, len / 64 + 16, sizeof(size_t)))
		return FC_ERR_NOMEM;
	for (size_t i = 0; i < len; i++) {
		/* Eight bytes at a time while none may end a sentence: a
		 * byte equal to one of the four is a zero byte of its xor. */
		while (len - i >= 8) {
			const uint64_t ones = 0x0101010101010101u,
				       highs = 0x8080808080808080u;
			uint64_t v, hit = 0;
			memcpy(&v, u + i, 8);
			for (int c = 0; c < 4; c++) {
				uint64_t x = v ^ (ones * (uint64_t)(unsigned char)
							 ".!?\n"[c]);
				hit |= (x - ones) & ~x & highs;
			}
			if (hit)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (!may_end[u[i]])
			continue;
		if (u[i] == '\n' ? !newline_ends(text, len, i)
				 : !ends_at(text, len, i))
			continue;
		if (fc_grow((void **)&ix->cut, &cap, ix->n_cut + 1,
			    sizeof(size_t)))
			return FC_ERR_NOMEM;
		ix->cut[ix->n_cut++] = i;
	}
	if (ix->n_cut >= UINT32_MAX)
		return FC_ERR_LIMIT;
	ix->n_block = (len >> BLOCK_SHIFT) + 1;
	ix->block = malloc(ix->n_block * sizeof(uint32_t));
	if (!ix->block)
		return FC_ERR_NOMEM;
	for (size_t b = 0; b < ix->n_block; b++) {
		while (k < ix->n_cut && ix->cut[k] < b << BLOCK_SHIFT)
			k++;
		ix->block[b] = (uint32_t)k;
	}
	return FC_OK;
}

void fc_sentence_index_at(const fc_sentence_index *ix, const char *text,
			  size_t offset, size_t *start, size_t *end)
{
	size_t o = offset > ix->len ? ix->len : offset, k, s, e;

	/* The first cut at or after o: its block's first, then onwards. */
	k = ix->block[o >> BLOCK_SHIFT];
	while (k < ix->n_cut && ix->cut[k] < o)
		k++;
	/* The sentence runs from just after the cut before o to the cut
	 * after it: a period is the sentence's, a line break is not. */
	s = k > 0 ? ix->cut[k - 1] + 1 : 0;
	if (k < ix->n_cut)
		e = text[ix->cut[k]] == '\n' ? ix->cut[k] : ix->cut[k] + 1;
	else
		e = ix->len;
	while (s < e && fc_is_space(text[s]))
		s++;
	while (e > s && fc_is_space(text[e - 1]))
		e--;
	*start = s;
	*end = e;
}

void fc_sentence_index_free(fc_sentence_index *ix)
{
	if (!ix)
		return;
	free(ix->cut);
	free(ix->block);
	memset(ix, 0, sizeof(*ix));
}
