/*
 * attrib.c: finding who a sentence attributes its figures to, and the
 * word-level comparison of names that matching an attribution with a
 * source's aliases rests on.
 */
#include "config.h"

#include <string.h>

#include "attrib.h"
#include "util.h"

#define MAX_NAME_WORDS 6

/* A word of a name may also hold an apostrophe and a hyphen
 * ("Gaza's", "Hamas-run"), and multi-byte letters. */
static bool is_name_char(char c)
{
	return fc_is_alnum(c) || c == '\'' || c == '-' || (unsigned char)c >= 0x80;
}

static bool word_in(const char *w, size_t n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && fc_ascii_ieq(w, list[i], n))
			return true;
	return false;
}

/* Words that end a name read backwards from "said". */
static const char *const stop_back[] = {
    "and",   "but",   "that",   "which",   "who",   "while", "when",
    "as",    "after", "before", "because", "since", "if",    "have",
    "has",   "had",   "been",   "were",    "was",   "is",    "are",
    "be",    "also",  "it",     "they",    "he",    "she",   "we",
    "there", "then",  "so",     "said",    "says",  NULL};

/* Words that end a name read forwards from "according to". */
static const char *const stop_fwd[] = {
    "that",   "which", "who", "on",   "as",    "since", "by",
    "for",    "and",   "but", "when", "while", "after", "before",
    "during", "with",  "to",  "from", "at",    NULL};

/* Verbs of attribution. */
static const char *const said[] = {
    "said",      "says",    "say",       "reported",  "reports",   "announced",
    "announces", "stated",  "estimated", "estimates", "confirmed", "confirms",
    "told",      "counted", "counts",    "recorded",  "records",   "registered",
    "added",     "gave",    NULL};

/* Reads a name backwards from `end` (exclusive): up to six words of
 * name characters, stopping at punctuation, a figure or a stop word.
 * Sets [*start, *stop) and returns true if it holds a word. */
static bool name_before(const char *t, size_t ss, size_t end, size_t *start,
                        size_t *stop)
{
	size_t i = end, first;
	int words = 0;

	while (i > ss && t[i - 1] == ' ')
		i--;
	*stop = first = i;
	while (i > ss && words < MAX_NAME_WORDS) {
		size_t e = i, s = i;
		bool digit = false;
		while (s > ss && is_name_char(t[s - 1]))
			s--;
		for (size_t k = s; k < e; k++)
			digit = digit || (t[k] >= '0' && t[k] <= '9');
		if (s == e || digit || word_in(t + s, e - s, stop_back))
			break;
		first = s;
		words++;
		i = s;
		if (i == ss || t[i - 1] != ' ')
			break;
		i--;
	}
	*start = first;
	return first < *stop;
}

/* Reads a name forwards from `from`: up to six words, stopping at
 * punctuation, a figure or a stop word; an article first is kept. */
static bool name_after(const char *t, size_t se, size_t from, size_t *start,
                       size_t *stop)
{
	size_t i = from, last;
	int words = 0;

	static const char *const lead[] = {
	    "figures released by ", "data released by ",
	    "figures from ",        "figures by ",
	    "figures of ",          "data from ",
	    "statistics from ",     NULL};

	while (i < se && t[i] == ' ')
		i++;
	/* "according to figures from the ministry": the ministry. */
	for (size_t k = 0; lead[k]; k++) {
		size_t n = strlen(lead[k]);
		if (se - i > n && fc_ascii_ieq(t + i, lead[k], n)) {
			i += n;
			break;
		}
	}
	*start = last = i;
	while (i < se && words < MAX_NAME_WORDS) {
		size_t s = i, e = i;
		bool digit = false;
		while (e < se && is_name_char(t[e]))
			e++;
		for (size_t k = s; k < e; k++)
			digit = digit || (t[k] >= '0' && t[k] <= '9');
		if (e == s || digit)
			break;
		/* A small word between capitalised ones is part of a name:
		 * "the Committee to Protect Journalists". */
		if (words > 0 && word_in(t + s, e - s, stop_fwd)) {
			size_t b = s - 1; /* the space before the small word */
			while (b > *start && t[b - 1] != ' ')
				b--;
			if (!(e + 1 < se && t[e] == ' ' && t[e + 1] >= 'A' &&
			      t[e + 1] <= 'Z' && t[b] >= 'A' && t[b] <= 'Z'))
				break;
		}
		last = e;
		words++;
		if (e >= se || t[e] != ' ')
			break;
		i = e + 1;
	}
	/* A possessive or hyphen left at the end belongs to the next word. */
	while (last > *start && (t[last - 1] == '-' || t[last - 1] == '\''))
		last--;
	*stop = last;
	return last > *start;
}

bool fc_attribution_find(const char *t, size_t ss, size_t se, size_t cs,
                         size_t ce, size_t *start, size_t *end)
{
	size_t best = (size_t)-1, i = ss;
	bool found = false;

	if (!t || se <= ss)
		return false;
	while (i < se) {
		size_t e, ns = 0, ne = 0, dist;
		bool got = false;
		if (!fc_is_alpha(t[i]) || (i > ss && fc_is_alnum(t[i - 1]))) {
			i++;
			continue;
		}
		e = i;
		while (e < se && fc_is_alpha(t[e]))
			e++;
		if (e - i == 9 && fc_ascii_ieq(t + i, "according", 9) &&
		    e + 3 < se && fc_ascii_ieq(t + e, " to ", 4)) {
			got = name_after(t, se, e + 4, &ns, &ne);
		} else if (((e - i == 7 && fc_ascii_ieq(t + i, "figures", 7)) ||
		            (e - i == 4 && fc_ascii_ieq(t + i, "data", 4))) &&
		           e + 5 < se && fc_ascii_ieq(t + e, " from ", 6)) {
			got = name_after(t, se, e + 6, &ns, &ne);
		} else if (word_in(t + i, e - i, said)) {
			got = name_before(t, ss, i, &ns, &ne);
		}
		/* A semicolon parts two statements: an attribution in one
		 * is not the other's. */
		if (got && (ne <= cs || ns >= ce) &&
		    !memchr(t + (ne <= cs ? ne : ce), ';',
			    ne <= cs ? cs - ne : ns - ce)) {
			dist = ne <= cs ? cs - ne : ns - ce;
			if (!found || dist < best) {
				best = dist;
				*start = ns;
				*end = ne;
				found = true;
			}
		}
		i = e;
	}
	return found;
}

void fc_name_words_of(const char *name, fc_name_words *out)
{
	const char *s = name;

	out->n = 0;
	while (s && *s && out->n < FC_ARRAY_LEN(out->words)) {
		size_t n = 0;
		char *w = out->words[out->n];
		while (*s && !fc_is_alnum(*s))
			s++;
		if (!*s)
			break;
		while (*s && fc_is_alnum(*s)) {
			if (n + 1 < sizeof(out->words[0]))
				w[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32
				                                       : *s);
			s++;
		}
		w[n] = 0;
		/* "Gaza's", "Gaza’s": the possessive goes. */
		if (n == 1 && w[0] == 's' && out->n > 0 && (s - name >= 3) &&
		    (s[-2] == '\'' || (unsigned char)s[-2] == 0x99))
			continue;
		if (strcmp(w, "the") == 0 || strcmp(w, "a") == 0 ||
		    strcmp(w, "an") == 0)
			continue;
		out->n++;
	}
}

size_t fc_name_words_find(const fc_name_words *who, const fc_name_words *alias,
                          size_t *at)
{
	if (alias->n == 0 || alias->n > who->n)
		return 0;
	for (size_t i = 0; i + alias->n <= who->n; i++) {
		size_t k = 0;
		while (k < alias->n &&
		       strcmp(who->words[i + k], alias->words[k]) == 0)
			k++;
		if (k == alias->n) {
			if (at)
				*at = i;
			return alias->n;
		}
	}
	return 0;
}
