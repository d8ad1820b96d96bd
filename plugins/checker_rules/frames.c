/*
 * frames.c: claim frames (see frames.h and doc/rule-packs.md).
 *
 * How a sentence is read. The sentence is cut into tokens: words (in
 * lower case, a possessive "'s" and hyphens apart), punctuation, and the
 * figures the number engine found, each one token with its qualifier
 * ("more than 1,400"). Words are interned into the set's vocabulary, so
 * that every comparison is one of integers.
 *
 * A frame is a token pattern around one figure, `#`, written once for
 * every measure: "{toll} {gap} {aux?} {move} #" reads "the death toll in
 * Gaza has risen to 9,770" with the words of the `killed` measure's
 * `toll` class and the lexicon's `aux` and `move` classes. Each measure
 * that has trigger words in the sentence tries its frames on each free
 * figure, left of `#` right to left and right of it left to right, with
 * backtracking over optional parts, class phrases, the {head} of a
 * counted noun phrase and {gap}s. The first frame that matches reads the
 * figure; the measures are tried in order (those with a context first).
 *
 * Then the claim's other parts: the counted noun phrase gives a group
 * ("children"), an entity ("Palestinians") or a reason not to bind
 * ("soldiers", an unknown noun); the entity is resolved from the head,
 * the frame's own words and locatives, the rest of the sentence, the
 * attribution, the paragraph's sentences before it and the headline, in
 * that order, skipping agents ("Israeli strikes") and stopping at the
 * first level that names exactly one entity; exclusions ("in the past 24
 * hours", "a strike on") and cumulative markers ("since", a toll) decide
 * the period. A part frame ("including # {group}") makes a subgroup of
 * the sentence's claim before it, and a figure coordinated with a read
 * one ("9,770 Palestinians and more than 1,400 Israelis") shares its
 * frame.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frames.h"

#define MAX_ELEMS 16     /* elements of one pattern */
#define MAX_PHRASE 8     /* words of one class phrase */
#define MAX_HEAD 4       /* words of a counted noun phrase */
#define MAX_GAP 8        /* tokens a {gap} spans */
#define MAX_SENTENCE_TOKENS 4096
#define NO_ENTITY ((size_t)-1)
#define GATE_BITS 65536u

/* ------------------------------------------------------------------ */
/* Small helpers. */

static bool grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / size)
		return false;
	p = realloc(*items, ncap * size);
	if (!p)
		return false;
	*items = p;
	*cap = ncap;
	return true;
}

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

static char *dup(const char *s)
{
	return s ? dupn(s, strlen(s)) : NULL;
}

/* A growable string for explanations and reasons. */
typedef struct sbuf {
	char *s;
	size_t n, cap;
	bool failed;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (b->failed)
		return;
	for (;;) {
		size_t room = b->cap - b->n;
		va_start(ap, fmt);
		k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? room : 0, fmt,
			      ap);
		va_end(ap);
		if (k < 0) {
			b->failed = true;
			return;
		}
		if (b->s && (size_t)k < room) {
			b->n += (size_t)k;
			return;
		}
		if (!grow((void **)&b->s, &b->cap, b->n + (size_t)k + 1, 1)) {
			b->failed = true;
			return;
		}
	}
}

/* Hands the string over (NULL when it failed or is empty). */
static char *sb_take(sbuf *b)
{
	char *s = b->failed ? NULL : b->s;

	if (b->failed)
		free(b->s);
	memset(b, 0, sizeof(*b));
	return s;
}

/* ------------------------------------------------------------------ */
/* The vocabulary: every word of every pack, interned. Id 0 is "a word
 * no pack knows". */

typedef struct vocab {
	char **words;    /* by id; words[0] is NULL */
	uint32_t *lens;  /* their lengths */
	size_t n, cap, cap_lens;
	uint32_t *slots; /* open addressing: id or 0 */
	size_t n_slots;
} vocab;

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* The gate's bit of a folded word from its length, its first four bytes
 * and its last two: computed once per word, so that the gate's scan of
 * the text does little per byte. */
static uint32_t gate_mix(uint32_t head, uint32_t tail, size_t n)
{
	uint64_t h = ((uint64_t)head << 24) ^ ((uint64_t)tail << 8) ^ n;

	h *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 40) & (GATE_BITS - 1);
}

static uint32_t gate_bit(const char *s, size_t n)
{
	uint32_t head = 0, tail = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i < 4)
			head = head << 8 | c;
		tail = (tail << 8 | c) & 0xFFFFu;
	}
	return gate_mix(head, tail, n);
}

/* The id of the word s[0..n) whose hash_bytes is h, or 0. */
static uint32_t vocab_find_h(const vocab *v, const char *s, size_t n,
			     uint64_t h)
{
	size_t mask, i;

	if (!v->n_slots)
		return 0;
	mask = v->n_slots - 1;
	for (i = h & mask; v->slots[i]; i = (i + 1) & mask) {
		uint32_t id = v->slots[i];
		if (v->lens[id] == n && memcmp(v->words[id], s, n) == 0)
			return id;
	}
	return 0;
}

static uint32_t vocab_find(const vocab *v, const char *s, size_t n)
{
	size_t mask, i;

	if (!v->n_slots)
		return 0;
	mask = v->n_slots - 1;
	for (i = hash_bytes(s, n) & mask; v->slots[i]; i = (i + 1) & mask) {
		uint32_t id = v->slots[i];
		if (v->lens[id] == n && memcmp(v->words[id], s, n) == 0)
			return id;
	}
	return 0;
}

static bool vocab_rehash(vocab *v, size_t n_slots)
{
	uint32_t *slots = calloc(n_slots, sizeof(uint32_t));

	if (!slots)
		return false;
	for (size_t id = 1; id < v->n; id++) {
		size_t i = hash_bytes(v->words[id], v->lens[id]) & (n_slots - 1);
		while (slots[i])
			i = (i + 1) & (n_slots - 1);
		slots[i] = (uint32_t)id;
	}
	free(v->slots);
	v->slots = slots;
	v->n_slots = n_slots;
	return true;
}

/* The id of a word, added if new; 0 when out of memory. */
static uint32_t vocab_add(vocab *v, const char *s, size_t n)
{
	uint32_t id = vocab_find(v, s, n);

	if (id)
		return id;
	if (v->n == 0) {
		if (!grow((void **)&v->words, &v->cap, 1, sizeof(char *)) ||
		    !grow((void **)&v->lens, &v->cap_lens, 1, sizeof(uint32_t)))
			return 0;
		v->words[0] = NULL;
		v->lens[0] = 0;
		v->n = 1;
	}
	if (v->n >= UINT32_MAX - 1 || n >= UINT32_MAX ||
	    !grow((void **)&v->words, &v->cap, v->n + 1, sizeof(char *)) ||
	    !grow((void **)&v->lens, &v->cap_lens, v->n + 1, sizeof(uint32_t)) ||
	    !(v->words[v->n] = dupn(s, n)))
		return 0;
	v->lens[v->n] = (uint32_t)n;
	id = (uint32_t)v->n++;
	if (v->n * 2 > v->n_slots) {
		if (!vocab_rehash(v, v->n_slots ? v->n_slots * 2 : 256))
			return 0;
	} else {
		size_t i = hash_bytes(s, n) & (v->n_slots - 1);
		while (v->slots[i])
			i = (i + 1) & (v->n_slots - 1);
		v->slots[i] = id;
	}
	return id;
}

static void vocab_free(vocab *v)
{
	for (size_t i = 1; i < v->n; i++)
		free(v->words[i]);
	free(v->words);
	free(v->lens);
	free(v->slots);
	memset(v, 0, sizeof(*v));
}

/* ------------------------------------------------------------------ */
/* Tokens. */

enum tok_type {
	T_WORD = 0, /* letters (and digits inside a word) */
	T_PUNCT,    /* one punctuation mark, or "'s" */
	T_NUM,      /* a quantity the number engine read */
	T_NONQ,     /* a number that is not a quantity: a year, a date */
	T_MULT      /* a multiple in a word ("doubled"): `num` indexes the
	               set's multiples */
};

#define TF_BREAK 0x1u /* a clause boundary: , ; : ( ) dashes */
#define TF_UPPER 0x2u /* a word written in capitals: "US", "UKR" */

typedef struct tok {
	size_t start, end; /* bytes of the text */
	uint32_t word;     /* vocabulary id, 0 if unknown */
	uint8_t type;
	uint8_t flags;
	uint8_t kind;      /* fc_num_kind of a number */
	size_t num;        /* index of a number in the list */
} tok;

typedef struct toks {
	tok *t;
	size_t n, cap;
} toks;

/* True if the bytes at p start an apostrophe: ' or U+2019. */
static size_t apostrophe(const char *p, const char *end)
{
	if (p < end && *p == '\'')
		return 1;
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 &&
	    (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x99)
		return 3;
	return 0;
}

/* A dash that separates clauses: U+2013, U+2014, or a hyphen with space
 * around it. Returns its length, or 0. */
static size_t dash(const char *p, const char *end)
{
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 &&
	    (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
		return 3;
	return 0;
}

/* A byte that belongs to a word: ASCII letters and digits, and every
 * byte of a non-ASCII character that is not punctuation we know. */
static bool word_byte(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;

	if (isalnum(c))
		return true;
	if (c < 0x80)
		return false;
	/* U+2018..U+201F quotes, U+2013/2014 dashes, U+2026: not words. */
	if (c == 0xE2 && end - p >= 3 && (unsigned char)p[1] == 0x80)
		return false;
	if (c >= 0x80 && c < 0xC0) /* a continuation byte */
		return true;
	/* U+00A0 no-break space */
	if (c == 0xC2 && end - p >= 2 && (unsigned char)p[1] == 0xA0)
		return false;
	return true;
}

static bool push_tok(toks *ts, const tok *t)
{
	if (!grow((void **)&ts->t, &ts->cap, ts->n + 1, sizeof(tok)))
		return false;
	ts->t[ts->n++] = *t;
	return true;
}

/*
 * Cuts [ss, se) of `text` into tokens, with the numbers of `nums` from
 * index `first` that start in it as number tokens. Words get their
 * vocabulary id, looked up (`add` false) or added (`add` true: packs'
 * phrases at load time). False when out of memory.
 */
static bool tokenize(vocab *v, bool add, const char *text, size_t ss,
		     size_t se, const fc_number_list *nums, size_t first,
		     toks *out)
{
	const char *end = text + se;
	size_t k = first;
	const char *p = text + ss;

	out->n = 0;
	while (p < end) {
		size_t at = (size_t)(p - text), n;
		tok t;
		char buf[96];

		memset(&t, 0, sizeof(t));
		while (nums && k < nums->count && nums->items[k].start < at)
			k++;
		if (nums && k < nums->count && nums->items[k].start == at &&
		    nums->items[k].end <= se) {
			const fc_number *num = &nums->items[k];
			t.start = num->start;
			t.end = num->end;
			t.type = fc_num_kind_is_quantity(num->kind) ? T_NUM
								    : T_NONQ;
			t.kind = (uint8_t)num->kind;
			t.num = k;
			if (t.type == T_NONQ)
				t.word = vocab_find(v, "#nonq", 5);
			if (!push_tok(out, &t))
				return false;
			p = text + num->end;
			k++;
			continue;
		}
		if ((unsigned char)*p <= ' ' ||
		    ((unsigned char)p[0] == 0xC2 && end - p >= 2 &&
		     (unsigned char)p[1] == 0xA0)) {
			p += (unsigned char)*p == 0xC2 ? 2 : 1;
			continue;
		}
		if (word_byte(p, end)) {
			const char *q = p;
			while (q < end && word_byte(q, end))
				q++;
			{
				/* Folded, hashed and its case noted in one
				 * pass. */
				uint64_t h = 1469598103934665603ull;
				bool upper = false, lower = false;
				n = 0;
				for (const char *c = p; c < q; c++) {
					unsigned char b = (unsigned char)*c;
					upper |= b >= 'A' && b <= 'Z';
					lower |= b >= 'a' && b <= 'z';
					if (b >= 'A' && b <= 'Z')
						b = (unsigned char)(b + 32);
					if (n + 1 < sizeof(buf)) {
						buf[n++] = (char)b;
						h ^= b;
						h *= 1099511628211ull;
					}
				}
				buf[n] = 0;
				if (upper && !lower)
					t.flags = TF_UPPER;
				t.word = add ? vocab_add(v, buf, n)
					     : vocab_find_h(v, buf, n, h);
			}
			t.start = at;
			t.end = (size_t)(q - text);
			t.type = T_WORD;
			if (add && !t.word)
				return false;
			if (!push_tok(out, &t))
				return false;
			p = q;
			/* A possessive: "Gaza's", "Gaza’s". */
			if ((n = apostrophe(p, end)) && p + n < end &&
			    (p[n] == 's' || p[n] == 'S') &&
			    (p + n + 1 >= end || !word_byte(p + n + 1, end))) {
				memset(&t, 0, sizeof(t));
				t.start = (size_t)(p - text);
				t.end = t.start + n + 1;
				t.type = T_PUNCT;
				t.word = add ? vocab_add(v, "'s", 2)
					     : vocab_find(v, "'s", 2);
				if ((add && !t.word) || !push_tok(out, &t))
					return false;
				p += n + 1;
			}
			continue;
		}
		/* Punctuation. */
		t.start = at;
		t.type = T_PUNCT;
		if ((n = dash(p, end)) ||
		    (p[0] == '-' && end - p >= 2 && p[1] == '-' && (n = 2))) {
			/* U+2013, U+2014, or "--" for one. */
			t.end = at + n;
			t.flags = TF_BREAK;
			t.word = add ? vocab_add(v, "--", 2) : vocab_find(v, "--", 2);
		} else if ((n = apostrophe(p, end)) && p + n < end &&
			   (p[n] == 's' || p[n] == 'S') &&
			   (p + n + 1 >= end || !word_byte(p + n + 1, end))) {
			t.end = at + n + 1;
			t.word = add ? vocab_add(v, "'s", 2) : vocab_find(v, "'s", 2);
		} else if ((n = apostrophe(p, end))) {
			t.end = at + n;
			t.word = add ? vocab_add(v, "'", 1) : vocab_find(v, "'", 1);
		} else {
			size_t len = 1;
			char c = *p;
			if ((unsigned char)c >= 0x80) {
				/* Quotes and other marks: one character. */
				len = (unsigned char)c >= 0xF0   ? 4
				      : (unsigned char)c >= 0xE0 ? 3
								 : 2;
				if ((size_t)(end - p) < len)
					len = (size_t)(end - p);
				c = '"';
			}
			t.end = at + len;
			if (c == ',' || c == ';' || c == ':' || c == '(' ||
			    c == ')' || c == '[' || c == ']')
				t.flags = TF_BREAK;
			if (c == '-' && at > ss && text[at - 1] == ' ' &&
			    at + 1 < se && text[at + 1] == ' ')
				t.flags = TF_BREAK; /* " - " */
			buf[0] = c;
			buf[1] = 0;
			t.word = add ? vocab_add(v, buf, 1) : vocab_find(v, buf, 1);
		}
		if ((add && !t.word) || !push_tok(out, &t))
			return false;
		p = text + t.end;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The compiled parts. */

/* A phrase: words to match in order. */
typedef struct phrase {
	uint32_t w[MAX_PHRASE];
	uint8_t n;
	int8_t qual;    /* an fc_qualifier the phrase implies, or -1 */
	uint32_t owner; /* class, entity alias or group it belongs to */
	uint8_t akind;  /* entities: alias kind (AK_*) */
	bool caps;      /* written in capitals ("US"): matches only text
	                   written so */
} phrase;

/* Where a word starts or ends phrases of a table: for each vocabulary id,
 * the phrases (indices into the table) whose first (last) word it is. */
typedef struct word_index {
	uint32_t **first, **last; /* per word id: count, then indices */
	size_t n_words;
} word_index;

typedef struct phrase_table {
	phrase *p;
	size_t n, cap;
	word_index idx;
} phrase_table;

/* A word class: a name and its phrases in the class table. */
typedef struct wclass {
	char *name;    /* "aux", or "casualties.killed:toll" for a role */
	int measure;   /* the measure owning the role, or -1 */
} wclass;

enum alias_kind {
	AK_NAME = 0, /* Gaza, Ukraine */
	AK_PEOPLE,   /* Palestinians, Ukrainians: a noun for the people */
	AK_ADJ,      /* Palestinian, Ukrainian */
	AK_EVENT     /* the Hamas-led attack: an event that names the entity */
};

typedef struct entity {
	char *id;       /* "gaza", "ukr", "world" */
	char *name;     /* for messages: "Gaza" */
	char *parent_id; /* part_of, until resolved */
	size_t parent;  /* index, or NO_ENTITY */
	bool locality;  /* a place within a larger one: one town, one camp */
	bool blocked;   /* words that are no place ("Latin America"): read,
	                   so that no shorter alias inside them is, and
	                   dropped */
	size_t pack;    /* the pack that set its part_of (or made it) */
} entity;

typedef struct group {
	char *id;  /* "children" */
	char *key; /* the metric key's part */
} group;

enum elem_type {
	E_NUM = 0, /* # : the figure */
	E_YEAR,    /* #year */
	E_NONQ,    /* #nonq: a date, a year, a time */
	E_QTY,     /* #q: another figure (a quantity) than the claim's */
	E_WORDS,   /* a|b|c */
	E_CLASS,   /* {name} */
	E_ANY,     /* * */
	E_HEAD,    /* {head} */
	E_GAP,     /* {gap} */
	E_GROUP,   /* {group} */
	E_ENTITY   /* {entity} */
};

typedef struct elem {
	uint8_t type;
	bool optional;
	bool mult;       /* E_NUM written #mult: a multiple ("doubled") */
	double qval;     /* E_QTY written #q=N: that value only; NAN: any */
	uint32_t *words; /* E_WORDS */
	size_t n_words;
	char *ref;       /* E_CLASS: the name as written */
	int cls;         /* resolved class (patterns of exclusions); per
	                    measure in instances */
} elem;

/* A set of vocabulary ids, hashed into 512 bits: the words a sentence
 * holds, or the words one of which a pattern needs. */
typedef struct wbloom {
	uint64_t b[8];
} wbloom;

typedef struct pattern {
	char *src;
	elem e[MAX_ELEMS];
	size_t n;
	int anchor; /* index of the # element, or -1 */
	/* Patterns matched anywhere (exclusions, running-total markers):
	 * for each element that must match a word, the words it may start
	 * with. A sentence missing every word of one of them cannot match,
	 * and is not searched. */
	wbloom *need;
	size_t n_need;
	size_t slot;    /* its place in a sentence's memo of needs met */
} pattern;

enum frame_kind { FK_LEVEL = 0, FK_PART = 1, FK_CHANGE = 2 };

typedef struct frame {
	char *id;
	pattern pat;
	uint8_t kind;
	bool cumulative; /* reading it says the figure is a running total */
	uint8_t change;  /* a change frame's fc_change, or FC_CHANGE_NONE for
	                    one that the figure decides (auto) */
	size_t pack;
	int measure;     /* a measure's own frame, or -1: every measure's */
} frame;

/* A frame tried for one measure, its class references resolved. */
typedef struct inst {
	const frame *f;
	int measure;      /* -1 for part frames that name no measure word */
	int cls[MAX_ELEMS];
	wbloom *need;     /* words a sentence needs for it to match */
	size_t n_need;
	/* The words the token just before the figure may be, when the
	 * element there is a compulsory word or class; has_before else. */
	wbloom before;
	bool has_before;
} inst;

typedef struct exclusion {
	char *id;
	char *reason;
	pattern *phrases;
	size_t n_phrases;
	pattern *unless;
	size_t n_unless;
	char **unless_entity;
	size_t n_unless_entity;
	bool cumulative_only; /* applies to running totals only */
	bool sentence;        /* scope: the whole sentence, not the clause */
	bool per_day;         /* one day of a running total: a day's count,
	                         checked as the day's rise of the series */
	uint8_t extreme;      /* with per_day: FC_CHANGE_HIGHEST or LOWEST,
	                         "the deadliest day", or FC_CHANGE_NONE */
	size_t pack;
} exclusion;

typedef struct measure {
	char *id;          /* "casualties.killed" */
	char *key;         /* "killed" */
	char *pack_name;
	size_t pack;
	bool people;       /* people words and demonyms count the whole */
	bool require_group;
	bool subject_is_entity; /* "Russia lost": the subject is whose */
	bool cumulative;   /* its records are running totals */
	double partial_below;
	fc_severity severity;
	double tolerance;
	int verb_cls;      /* its "verb" class, or -1 */
	char **entities;   /* the only entities it binds, or none: all */
	size_t n_entities;
	size_t *groups;    /* group indices allowed */
	size_t n_groups;
	char **context;    /* words one of which must be in the document
	                      (compared case-insensitively), or none */
	size_t n_context;
	struct {
		pattern pat;
		char *reason;
	} *exclude_heads;
	size_t n_exclude_heads;
	cJSON *examples;   /* owned copies */
	cJSON *counterexamples;
} measure_t;

typedef struct pack_keys {
	char *pack;
	char **from, **to;
	size_t n;
} pack_keys;

struct fr_set {
	vocab v;
	phrase_table classes;  /* phrases of every class, owner = class */
	wclass *cls;
	size_t n_cls, cap_cls;
	phrase_table ents;     /* aliases, owner = entity */
	entity *entities;
	size_t n_entities, cap_entities;
	phrase_table grps;     /* group words, owner = group */
	group *groups;
	size_t n_groups, cap_groups;
	frame *frames;
	size_t n_frames, cap_frames;
	inst *insts;           /* per measure, in frame order */
	size_t n_insts, cap_insts;
	size_t *inst_first;    /* per measure: first instance, count */
	size_t *inst_count;
	/* per measure and frame kind: the first of its instances (sorted
	 * by kind within the measure's, in frame order) and how many */
	size_t (*kind_first)[3], (*kind_count)[3];
	inst *part_insts;      /* part frames naming no measure word */
	size_t n_part_insts, cap_part_insts;
	inst *after_insts;     /* change frames naming no measure word: the
	                          change of the claim before them ("6,534
	                          tanks, up 300") */
	size_t n_after_insts, cap_after_insts;
	exclusion *excl;
	size_t n_excl, cap_excl;
	pattern *cumul;        /* cumulative markers */
	size_t *cumul_pack;    /* the pack of each */
	size_t n_cumul, cap_cumul, cap_cumul_pack;
	size_t n_slots;        /* patterns matched anywhere (pattern.slot) */
	/* Multiples written as words: the word's id and its ratio
	 * ("doubled" 2, "halved" 0.5). */
	uint32_t *mult_words;
	double *mult_values;
	size_t n_mults, cap_mults, cap_mult_values;
	measure_t *measures;
	size_t n_measures, cap_measures;
	size_t *order;         /* measures in the order they are tried */
	pack_keys *keys;
	size_t n_keys, cap_keys;
	char **packs;          /* pack names, by pack index */
	char **files;          /* and their files */
	size_t n_packs, cap_packs, cap_files;
	/* per word id: measures whose trigger words hold it (count, then
	 * indices) */
	uint32_t **word_measures;
	int32_t *word_mult;  /* per word id: its multiple, or -1 */
	/* A sentence without one of these words (a bit per hash of a
	 * word) holds no measure's phrase: it is not cut into tokens. */
	uint8_t gate[GATE_BITS / 8];
	bool finished;
	/* Classes the engine uses by name; -1 when no pack defines them. */
	int c_head_stop, c_people, c_agent, c_say, c_locative, c_war,
	    c_clause, c_up, c_down, c_destroy;
	uint32_t w_and, w_or, w_comma, w_poss, w_by, w_of;
};

fr_set *fr_new(void)
{
	return calloc(1, sizeof(fr_set));
}

static void pattern_free(pattern *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->e[i].words);
		free(p->e[i].ref);
	}
	free(p->src);
	free(p->need);
	memset(p, 0, sizeof(*p));
}

static void index_free(word_index *x)
{
	for (size_t i = 0; i < x->n_words; i++) {
		free(x->first ? x->first[i] : NULL);
		free(x->last ? x->last[i] : NULL);
	}
	free(x->first);
	free(x->last);
	memset(x, 0, sizeof(*x));
}

static void table_free(phrase_table *t)
{
	free(t->p);
	index_free(&t->idx);
	memset(t, 0, sizeof(*t));
}

void fr_free(fr_set *s)
{
	if (!s)
		return;
	table_free(&s->classes);
	table_free(&s->ents);
	table_free(&s->grps);
	for (size_t i = 0; i < s->n_cls; i++)
		free(s->cls[i].name);
	free(s->cls);
	for (size_t i = 0; i < s->n_entities; i++) {
		free(s->entities[i].id);
		free(s->entities[i].name);
		free(s->entities[i].parent_id);
	}
	free(s->entities);
	for (size_t i = 0; i < s->n_groups; i++) {
		free(s->groups[i].id);
		free(s->groups[i].key);
	}
	free(s->groups);
	for (size_t i = 0; i < s->n_frames; i++) {
		free(s->frames[i].id);
		pattern_free(&s->frames[i].pat);
	}
	free(s->frames);
	free(s->mult_words);
	free(s->mult_values);
	free(s->word_mult);
	for (size_t i = 0; i < s->n_insts; i++)
		free(s->insts[i].need);
	for (size_t i = 0; i < s->n_part_insts; i++)
		free(s->part_insts[i].need);
	for (size_t i = 0; i < s->n_after_insts; i++)
		free(s->after_insts[i].need);
	free(s->after_insts);
	free(s->insts);
	free(s->inst_first);
	free(s->inst_count);
	free(s->kind_first);
	free(s->kind_count);
	free(s->part_insts);
	for (size_t i = 0; i < s->n_excl; i++) {
		exclusion *x = &s->excl[i];
		free(x->id);
		free(x->reason);
		for (size_t k = 0; k < x->n_phrases; k++)
			pattern_free(&x->phrases[k]);
		free(x->phrases);
		for (size_t k = 0; k < x->n_unless; k++)
			pattern_free(&x->unless[k]);
		free(x->unless);
		for (size_t k = 0; k < x->n_unless_entity; k++)
			free(x->unless_entity[k]);
		free(x->unless_entity);
	}
	free(s->excl);
	for (size_t i = 0; i < s->n_cumul; i++)
		pattern_free(&s->cumul[i]);
	free(s->cumul);
	free(s->cumul_pack);
	for (size_t i = 0; i < s->n_measures; i++) {
		measure_t *m = &s->measures[i];
		free(m->id);
		free(m->key);
		free(m->pack_name);
		free(m->groups);
		for (size_t k = 0; k < m->n_context; k++)
			free(m->context[k]);
		free(m->context);
		for (size_t k = 0; k < m->n_entities; k++)
			free(m->entities[k]);
		free(m->entities);
		for (size_t k = 0; k < m->n_exclude_heads; k++) {
			pattern_free(&m->exclude_heads[k].pat);
			free(m->exclude_heads[k].reason);
		}
		free(m->exclude_heads);
		cJSON_Delete(m->examples);
		cJSON_Delete(m->counterexamples);
	}
	free(s->measures);
	free(s->order);
	for (size_t i = 0; i < s->n_keys; i++) {
		for (size_t k = 0; k < s->keys[i].n; k++) {
			free(s->keys[i].from[k]);
			free(s->keys[i].to[k]);
		}
		free(s->keys[i].from);
		free(s->keys[i].to);
		free(s->keys[i].pack);
	}
	free(s->keys);
	for (size_t i = 0; i < s->n_packs; i++) {
		free(s->packs[i]);
		free(s->files[i]);
	}
	free(s->packs);
	free(s->files);
	if (s->word_measures) {
		for (size_t i = 0; i < s->v.n; i++)
			free(s->word_measures[i]);
		free(s->word_measures);
	}
	vocab_free(&s->v);
	free(s);
}

size_t fr_measure_count(const fr_set *s)
{
	return s ? s->n_measures : 0;
}

const char *fr_measure_id(const fr_set *s, size_t i)
{
	return s->measures[i].id;
}

const char *fr_measure_pack(const fr_set *s, size_t i)
{
	return s->measures[i].pack_name;
}

const cJSON *fr_measure_examples(const fr_set *s, size_t i)
{
	return s->measures[i].examples;
}

const cJSON *fr_measure_counterexamples(const fr_set *s, size_t i)
{
	return s->measures[i].counterexamples;
}

void fr_results_free(fr_results *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->items[i].metric);
		free(r->items[i].unbound_reason);
		free(r->items[i].entity);
		free(r->items[i].explain);
	}
	free(r->items);
	memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------------ */
/* Loading. */

typedef struct loader {
	fr_set *s;
	const char *file;
	const char *pack;
	size_t pack_idx;
	char *msg;
	size_t msg_size;
	fc_status rc;
} loader;

static fc_status lerr(loader *ld, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static fc_status lerr(loader *ld, const char *where, const char *fmt, ...)
{
	char what[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(ld->msg, ld->msg_size, "rule pack %s: %s: %s", ld->file,
		 where, what);
	return ld->rc = FC_ERR_CONFIG;
}

static fc_status nomem(loader *ld)
{
	snprintf(ld->msg, ld->msg_size, "out of memory");
	return ld->rc = FC_ERR_NOMEM;
}

static fc_status known_keys(loader *ld, const char *where, const cJSON *o,
			    const char *const *keys)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, o)
	{
		bool ok = false;
		for (size_t i = 0; keys[i] && !ok; i++)
			ok = strcmp(c->string, keys[i]) == 0;
		if (!ok)
			return lerr(ld, where, "unknown key \"%s\"", c->string);
	}
	return FC_OK;
}

static bool valid_key_part(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		      s[n] == '_' || s[n] == '-' || s[n] == '.'))
			return false;
	return n > 0 && n <= 64 && s[0] != '.' && s[n - 1] != '.';
}

static int qualifier_from_name(const char *s)
{
	static const char *const names[] = FC_QUALIFIER_NAMES;

	for (int i = 0; i < FC_QUALIFIER_COUNT; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* Adds the phrase `text` to table `t`. */
static fc_status add_phrase(loader *ld, phrase_table *t, const char *where,
			    const char *text, uint32_t owner, int qual,
			    uint8_t akind)
{
	toks ts = {0};
	phrase ph;

	memset(&ph, 0, sizeof(ph));
	if (!tokenize(&ld->s->v, true, text, 0, strlen(text), NULL, 0, &ts)) {
		free(ts.t);
		return nomem(ld);
	}
	if (ts.n == 0 || ts.n > MAX_PHRASE) {
		free(ts.t);
		return lerr(ld, where,
			    "\"%s\": a phrase must have 1 to %d words", text,
			    MAX_PHRASE);
	}
	ph.caps = true;
	for (size_t i = 0; i < ts.n; i++) {
		ph.w[i] = ts.t[i].word;
		if (ts.t[i].type == T_WORD && !(ts.t[i].flags & TF_UPPER))
			ph.caps = false;
	}
	if (ts.n == 1 && ts.t[0].end - ts.t[0].start < 2)
		ph.caps = false;
	ph.n = (uint8_t)ts.n;
	ph.qual = (int8_t)qual;
	ph.owner = owner;
	ph.akind = akind;
	free(ts.t);
	if (!grow((void **)&t->p, &t->cap, t->n + 1, sizeof(phrase)))
		return nomem(ld);
	t->p[t->n++] = ph;
	return FC_OK;
}

static int find_class(const fr_set *s, const char *name)
{
	for (size_t i = 0; i < s->n_cls; i++)
		if (strcmp(s->cls[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int class_for(loader *ld, const char *name, int measure)
{
	fr_set *s = ld->s;
	int c = find_class(s, name);

	if (c >= 0)
		return c;
	if (!grow((void **)&s->cls, &s->cap_cls, s->n_cls + 1, sizeof(wclass)) ||
	    !(s->cls[s->n_cls].name = dup(name))) {
		nomem(ld);
		return -1;
	}
	s->cls[s->n_cls].measure = measure;
	return (int)s->n_cls++;
}

/* Loads a class: an array of phrases, each a string or an object
 * {"phrases": [...], "qualifier": "more_than"}. */
static fc_status load_class(loader *ld, const char *where, const char *name,
			    const cJSON *arr, int measure)
{
	const cJSON *e;
	int c;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, where, "expected an array of phrases");
	if ((c = class_for(ld, name, measure)) < 0)
		return ld->rc;
	cJSON_ArrayForEach(e, arr)
	{
		char w[300];
		snprintf(w, sizeof(w), "%s[%zu]", where, i++);
		if (cJSON_IsString(e)) {
			if (add_phrase(ld, &ld->s->classes, w, e->valuestring,
				       (uint32_t)c, -1, 0))
				return ld->rc;
		} else if (cJSON_IsObject(e)) {
			static const char *const keys[] = {"phrases", "qualifier",
							   NULL};
			const cJSON *ps = cJSON_GetObjectItemCaseSensitive(e, "phrases");
			const cJSON *q = cJSON_GetObjectItemCaseSensitive(e, "qualifier");
			const cJSON *p;
			int qual = -1;
			if (known_keys(ld, w, e, keys))
				return ld->rc;
			if (q && (!cJSON_IsString(q) ||
				  (qual = qualifier_from_name(q->valuestring)) < 0))
				return lerr(ld, w,
					    "\"qualifier\" must be a qualifier "
					    "name (more_than, at_least, nearly, "
					    "about, up_to, less_than)");
			if (!cJSON_IsArray(ps))
				return lerr(ld, w,
					    "\"phrases\" must be an array of "
					    "strings");
			cJSON_ArrayForEach(p, ps)
			{
				if (!cJSON_IsString(p))
					return lerr(ld, w,
						    "\"phrases\" must be an array "
						    "of strings");
				if (add_phrase(ld, &ld->s->classes, w,
					       p->valuestring, (uint32_t)c, qual,
					       0))
					return ld->rc;
			}
		} else {
			return lerr(ld, w,
				    "expected a phrase (a string) or an object "
				    "with \"phrases\" and \"qualifier\"");
		}
	}
	return FC_OK;
}

/* Parses a token pattern: words (a|b|c), `#`, `#year`, `#nonq`, `*`,
 * {class}, {head}, {gap}, {group}, {entity}; a trailing `?` makes an
 * element optional. `need_num`: 1 exactly one #, 0 none, -1 any. */
static fc_status compile_pattern(loader *ld, const char *where,
				 const char *src, int need_num, pattern *out)
{
	const char *p = src;
	int nums = 0;

	memset(out, 0, sizeof(*out));
	out->anchor = -1;
	if (!(out->src = dup(src)))
		return nomem(ld);
	while (*p) {
		const char *q;
		size_t n;
		elem *e;
		char word[128];

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		q = p;
		while (*q && *q != ' ')
			q++;
		n = (size_t)(q - p);
		if (out->n == MAX_ELEMS) {
			pattern_free(out);
			return lerr(ld, where, "\"%s\": more than %d elements",
				    src, MAX_ELEMS);
		}
		e = &out->e[out->n];
		memset(e, 0, sizeof(*e));
		e->cls = -1;
		if (n > 1 && p[n - 1] == '?' && !(p[0] == '{' && p[n - 2] != '}')) {
			e->optional = true;
			n--;
		}
		if (n >= sizeof(word)) {
			pattern_free(out);
			return lerr(ld, where, "\"%s\": an element is too long",
				    src);
		}
		memcpy(word, p, n);
		word[n] = 0;
		if (word[0] == '{') {
			size_t wl = strlen(word);
			if (wl > 2 && word[wl - 2] == '?' && word[wl - 1] == '}') {
				e->optional = true;
				word[wl - 2] = '}';
				word[wl - 1] = 0;
				wl--;
			}
			if (wl < 3 || word[wl - 1] != '}') {
				pattern_free(out);
				return lerr(ld, where,
					    "\"%s\": \"%s\" is not a {class}", src,
					    word);
			}
			word[wl - 1] = 0;
			if (strcmp(word + 1, "head") == 0)
				e->type = E_HEAD;
			else if (strcmp(word + 1, "gap") == 0)
				e->type = E_GAP;
			else if (strcmp(word + 1, "group") == 0)
				e->type = E_GROUP;
			else if (strcmp(word + 1, "entity") == 0)
				e->type = E_ENTITY;
			else {
				e->type = E_CLASS;
				if (!(e->ref = dup(word + 1))) {
					pattern_free(out);
					return nomem(ld);
				}
			}
		} else if (strcmp(word, "#") == 0 || strcmp(word, "#mult") == 0) {
			e->type = E_NUM;
			e->mult = word[1] == 'm';
			out->anchor = (int)out->n;
			nums++;
			if (e->optional) {
				pattern_free(out);
				return lerr(ld, where,
					    "\"%s\": the figure # cannot be "
					    "optional",
					    src);
			}
		} else if (strcmp(word, "#year") == 0) {
			e->type = E_YEAR;
		} else if (strcmp(word, "#nonq") == 0) {
			e->type = E_NONQ;
		} else if (strcmp(word, "#q") == 0) {
			e->type = E_QTY;
			e->qval = NAN;
		} else if (strncmp(word, "#q=", 3) == 0) {
			char *end;
			e->type = E_QTY;
			e->qval = strtod(word + 3, &end);
			if (end == word + 3 || *end || !isfinite(e->qval)) {
				out->n++;
				pattern_free(out);
				return lerr(ld, where,
					    "\"%s\": #q=N needs a number", src);
			}
		} else if (strcmp(word, "*") == 0) {
			e->type = E_ANY;
		} else {
			char *alt = word, *bar;
			size_t cap = 0;
			e->type = E_WORDS;
			for (;;) {
				toks ts = {0};
				bar = strchr(alt, '|');
				if (bar)
					*bar = 0;
				if (!tokenize(&ld->s->v, true, alt, 0, strlen(alt),
					      NULL, 0, &ts) ||
				    !grow((void **)&e->words, &cap,
					  e->n_words + 1, sizeof(uint32_t))) {
					free(ts.t);
					out->n++;
					pattern_free(out);
					return nomem(ld);
				}
				if (ts.n != 1) {
					free(ts.t);
					out->n++;
					pattern_free(out);
					return lerr(ld, where,
						    "\"%s\": \"%s\" must be one word "
						    "(use a {class} for phrases)",
						    src, alt);
				}
				e->words[e->n_words] = ts.t[0].word;
				free(ts.t);
				e->n_words++;
				if (!bar)
					break;
				alt = bar + 1;
			}
		}
		out->n++;
		p = q;
	}
	if (out->n == 0 || (need_num == 1 && nums != 1) ||
	    (need_num == 0 && nums != 0) || nums > 1) {
		pattern_free(out);
		return lerr(ld, where,
			    need_num == 1 ? "\"%s\": a frame needs exactly one "
					    "figure, #"
			    : need_num == 0 ? "\"%s\": no figure # here"
					    : "\"%s\": at most one figure #",
			    src);
	}
	for (size_t i = 0; i < out->n; i++)
		if (out->e[i].type == E_HEAD &&
		    (out->anchor < 0 || (int)i < out->anchor)) {
			pattern_free(out);
			return lerr(ld, where,
				    "\"%s\": {head} reads the words after the "
				    "figure #, so it must come after it",
				    src);
		}
	return FC_OK;
}

static size_t find_entity(const fr_set *s, const char *id)
{
	for (size_t i = 0; i < s->n_entities; i++)
		if (strcmp(s->entities[i].id, id) == 0)
			return i;
	return NO_ENTITY;
}

static size_t entity_for(loader *ld, const char *id)
{
	fr_set *s = ld->s;
	size_t i = find_entity(s, id);

	if (i != NO_ENTITY)
		return i;
	if (!grow((void **)&s->entities, &s->cap_entities, s->n_entities + 1,
		  sizeof(entity))) {
		nomem(ld);
		return NO_ENTITY;
	}
	memset(&s->entities[s->n_entities], 0, sizeof(entity));
	s->entities[s->n_entities].parent = NO_ENTITY;
	s->entities[s->n_entities].pack = ld->pack_idx;
	if (!(s->entities[s->n_entities].id = dup(id))) {
		nomem(ld);
		return NO_ENTITY;
	}
	return s->n_entities++;
}

static fc_status load_aliases(loader *ld, const char *where, const cJSON *arr,
			      size_t ent, uint8_t akind)
{
	const cJSON *a;
	size_t i = 0;

	if (!arr)
		return FC_OK;
	if (!cJSON_IsArray(arr))
		return lerr(ld, where, "expected an array of names");
	cJSON_ArrayForEach(a, arr)
	{
		char w[300];
		snprintf(w, sizeof(w), "%s[%zu]", where, i++);
		if (!cJSON_IsString(a))
			return lerr(ld, w, "expected a string");
		if (add_phrase(ld, &ld->s->ents, w, a->valuestring,
			       (uint32_t)ent, -1, akind))
			return ld->rc;
	}
	return FC_OK;
}

static fc_status load_entities(loader *ld, const cJSON *arr)
{
	static const char *const keys[] = {"id", "name", "names", "people",
					   "adjectives", "part_of", "locality",
					   "iso3", NULL};
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, "entities", "expected an array of entities");
	cJSON_ArrayForEach(o, arr)
	{
		char where[160], sub[200];
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
		const cJSON *part = cJSON_GetObjectItemCaseSensitive(o, "part_of");
		const cJSON *loc = cJSON_GetObjectItemCaseSensitive(o, "locality");
		size_t e;

		snprintf(where, sizeof(where), "entities[%zu]", i++);
		if (!cJSON_IsObject(o))
			return lerr(ld, where, "expected an object");
		if (known_keys(ld, where, o, keys))
			return ld->rc;
		if (!cJSON_IsString(id) || !valid_key_part(id->valuestring))
			return lerr(ld, where,
				    "\"id\" must be a lower-case key such as "
				    "\"ukr\" or \"gaza\"");
		if ((name && !cJSON_IsString(name)) ||
		    (part && !cJSON_IsString(part)) || (loc && !cJSON_IsBool(loc)))
			return lerr(ld, where,
				    "\"name\" and \"part_of\" must be strings, "
				    "\"locality\" true or false");
		if ((e = entity_for(ld, id->valuestring)) == NO_ENTITY)
			return ld->rc;
		if (name) {
			free(ld->s->entities[e].name);
			if (!(ld->s->entities[e].name = dup(name->valuestring)))
				return nomem(ld);
		}
		if (part) {
			ld->s->entities[e].pack = ld->pack_idx;
			free(ld->s->entities[e].parent_id);
			if (!(ld->s->entities[e].parent_id = dup(part->valuestring)))
				return nomem(ld);
		}
		if (loc)
			ld->s->entities[e].locality = cJSON_IsTrue(loc);
		snprintf(sub, sizeof(sub), "%s.names", where);
		if (load_aliases(ld, sub, cJSON_GetObjectItemCaseSensitive(o, "names"),
				 e, AK_NAME))
			return ld->rc;
		snprintf(sub, sizeof(sub), "%s.people", where);
		if (load_aliases(ld, sub,
				 cJSON_GetObjectItemCaseSensitive(o, "people"), e,
				 AK_PEOPLE))
			return ld->rc;
		snprintf(sub, sizeof(sub), "%s.adjectives", where);
		if (load_aliases(ld, sub,
				 cJSON_GetObjectItemCaseSensitive(o, "adjectives"),
				 e, AK_ADJ))
			return ld->rc;
	}
	return FC_OK;
}

static fc_status load_events(loader *ld, const cJSON *arr)
{
	static const char *const keys[] = {"entity", "phrases", NULL};
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, "events", "expected an array");
	cJSON_ArrayForEach(o, arr)
	{
		char where[160];
		const cJSON *ent = cJSON_GetObjectItemCaseSensitive(o, "entity");
		size_t e;

		snprintf(where, sizeof(where), "events[%zu]", i++);
		if (!cJSON_IsObject(o) || known_keys(ld, where, o, keys))
			return ld->rc ? ld->rc
				      : lerr(ld, where, "expected an object");
		if (!cJSON_IsString(ent) || !valid_key_part(ent->valuestring))
			return lerr(ld, where,
				    "\"entity\" must be an entity id");
		if ((e = entity_for(ld, ent->valuestring)) == NO_ENTITY)
			return ld->rc;
		if (load_aliases(ld, where,
				 cJSON_GetObjectItemCaseSensitive(o, "phrases"), e,
				 AK_EVENT))
			return ld->rc;
	}
	return FC_OK;
}

static size_t find_group(const fr_set *s, const char *id)
{
	for (size_t i = 0; i < s->n_groups; i++)
		if (strcmp(s->groups[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

static fc_status load_groups(loader *ld, const cJSON *arr)
{
	static const char *const keys[] = {"id", "key", "words", NULL};
	fr_set *s = ld->s;
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, "groups", "expected an array of groups");
	cJSON_ArrayForEach(o, arr)
	{
		char where[160];
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
		const cJSON *key = cJSON_GetObjectItemCaseSensitive(o, "key");
		const cJSON *words = cJSON_GetObjectItemCaseSensitive(o, "words");
		const cJSON *w;
		size_t g, k = 0;

		snprintf(where, sizeof(where), "groups[%zu]", i++);
		if (!cJSON_IsObject(o))
			return lerr(ld, where, "expected an object");
		if (known_keys(ld, where, o, keys))
			return ld->rc;
		if (!cJSON_IsString(id) || !valid_key_part(id->valuestring) ||
		    (key && (!cJSON_IsString(key) ||
			     !valid_key_part(key->valuestring))))
			return lerr(ld, where,
				    "\"id\" (and \"key\") must be lower-case "
				    "keys such as \"children\"");
		if (!cJSON_IsArray(words) || cJSON_GetArraySize(words) == 0)
			return lerr(ld, where,
				    "\"words\" must be a non-empty array of "
				    "phrases");
		g = find_group(s, id->valuestring);
		if (g == (size_t)-1) {
			if (!grow((void **)&s->groups, &s->cap_groups,
				  s->n_groups + 1, sizeof(group)))
				return nomem(ld);
			g = s->n_groups++;
			s->groups[g].id = dup(id->valuestring);
			s->groups[g].key = dup(key ? key->valuestring
						   : id->valuestring);
			if (!s->groups[g].id || !s->groups[g].key)
				return nomem(ld);
		}
		cJSON_ArrayForEach(w, words)
		{
			char ww[200];
			snprintf(ww, sizeof(ww), "%s.words[%zu]", where, k++);
			if (!cJSON_IsString(w))
				return lerr(ld, ww, "expected a string");
			if (add_phrase(ld, &s->grps, ww, w->valuestring,
				       (uint32_t)g, -1, 0))
				return ld->rc;
		}
	}
	return FC_OK;
}

/* An array of patterns into *out (count *n). */
static fc_status load_patterns(loader *ld, const char *where, const cJSON *arr,
			       int need_num, pattern **out, size_t *n)
{
	const cJSON *p;
	size_t cap = 0, i = 0;

	*out = NULL;
	*n = 0;
	if (!arr)
		return FC_OK;
	if (!cJSON_IsArray(arr))
		return lerr(ld, where, "expected an array of patterns");
	cJSON_ArrayForEach(p, arr)
	{
		char w[300];
		snprintf(w, sizeof(w), "%s[%zu]", where, i++);
		if (!cJSON_IsString(p))
			return lerr(ld, w, "expected a pattern (a string)");
		if (!grow((void **)out, &cap, *n + 1, sizeof(pattern)))
			return nomem(ld);
		if (compile_pattern(ld, w, p->valuestring, need_num, &(*out)[*n]))
			return ld->rc;
		(*n)++;
	}
	return FC_OK;
}

static fc_status load_frames(loader *ld, const char *where, const cJSON *arr,
			     int measure)
{
	static const char *const keys[] = {"id",	 "pattern", "kind",
					   "cumulative", "change", NULL};
	fr_set *s = ld->s;
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, where, "expected an array of frames");
	cJSON_ArrayForEach(o, arr)
	{
		char w[200];
		const cJSON *pat, *kind, *cum, *id, *chg = NULL;
		frame *f;
		int change = FC_CHANGE_NONE;

		snprintf(w, sizeof(w), "%s[%zu]", where, i++);
		if (cJSON_IsString(o)) {
			pat = o;
			kind = cum = id = NULL;
		} else if (cJSON_IsObject(o)) {
			if (known_keys(ld, w, o, keys))
				return ld->rc;
			pat = cJSON_GetObjectItemCaseSensitive(o, "pattern");
			kind = cJSON_GetObjectItemCaseSensitive(o, "kind");
			cum = cJSON_GetObjectItemCaseSensitive(o, "cumulative");
			id = cJSON_GetObjectItemCaseSensitive(o, "id");
			chg = cJSON_GetObjectItemCaseSensitive(o, "change");
		} else {
			return lerr(ld, w,
				    "expected a pattern or an object with "
				    "\"pattern\"");
		}
		if (!cJSON_IsString(pat))
			return lerr(ld, w, "\"pattern\" must be a string");
		if ((kind && !(cJSON_IsString(kind) &&
			       (strcmp(kind->valuestring, "level") == 0 ||
				strcmp(kind->valuestring, "part") == 0 ||
				strcmp(kind->valuestring, "change") == 0))) ||
		    (cum && !cJSON_IsBool(cum)) || (id && !cJSON_IsString(id)))
			return lerr(ld, w,
				    "\"kind\" must be \"level\", \"part\" or "
				    "\"change\", \"cumulative\" true or false, "
				    "\"id\" a string");
		if (chg) {
			static const char *const names[] = {
			    "auto", "absolute", "relative", "multiple",
			    "highest", "lowest", NULL};
			change = -1;
			for (int k = 0; names[k] && cJSON_IsString(chg); k++)
				if (strcmp(chg->valuestring, names[k]) == 0)
					change = k;
			if (change < 0 || !kind ||
			    strcmp(kind->valuestring, "change") != 0)
				return lerr(ld, w,
					    "\"change\" belongs to a frame of "
					    "kind \"change\" and is one of auto, "
					    "absolute, relative, multiple, "
					    "highest, lowest");
		}
		if (!grow((void **)&s->frames, &s->cap_frames, s->n_frames + 1,
			  sizeof(frame)))
			return nomem(ld);
		f = &s->frames[s->n_frames];
		memset(f, 0, sizeof(*f));
		if (compile_pattern(ld, w, pat->valuestring, 1, &f->pat))
			return ld->rc;
		f->kind = !kind ? FK_LEVEL
			  : strcmp(kind->valuestring, "part") == 0 ? FK_PART
			  : strcmp(kind->valuestring, "change") == 0 ? FK_CHANGE
								     : FK_LEVEL;
		f->change = (uint8_t)change;
		if (f->kind == FK_CHANGE && f->pat.anchor < 0)
			return lerr(ld, w, "a change frame needs its figure, #");
		f->cumulative = cJSON_IsTrue(cum);
		f->pack = ld->pack_idx;
		f->measure = measure;
		f->id = dup(id ? id->valuestring : w);
		s->n_frames++;
		if (!f->id)
			return nomem(ld);
	}
	return FC_OK;
}

/* "multiples": {"doubled": 2, "halved": 0.5}: words that say a ratio. */
static fc_status load_multiples(loader *ld, const cJSON *obj)
{
	fr_set *s = ld->s;
	const cJSON *o;

	if (!cJSON_IsObject(obj))
		return lerr(ld, "multiples",
			    "expected an object of word -> ratio");
	cJSON_ArrayForEach(o, obj)
	{
		char buf[64], w[200];
		size_t n = strlen(o->string);
		uint32_t id;

		snprintf(w, sizeof(w), "multiples.%s", o->string);
		if (!cJSON_IsNumber(o) || !(o->valuedouble > 0) ||
		    o->valuedouble > 1000 || o->valuedouble == 1)
			return lerr(ld, w, "a ratio above 0 and up to 1000, "
					   "not 1 (\"doubled\": 2, \"halved\": "
					   "0.5)");
		if (n == 0 || n >= sizeof(buf) || strchr(o->string, ' '))
			return lerr(ld, w, "a multiple is one word");
		for (size_t k = 0; k <= n; k++)
			buf[k] = (char)tolower((unsigned char)o->string[k]);
		if (!(id = vocab_add(&s->v, buf, n)))
			return nomem(ld);
		if (!grow((void **)&s->mult_words, &s->cap_mults, s->n_mults + 1,
			  sizeof(uint32_t)) ||
		    !grow((void **)&s->mult_values, &s->cap_mult_values,
			  s->n_mults + 1, sizeof(double)))
			return nomem(ld);
		s->mult_words[s->n_mults] = id;
		s->mult_values[s->n_mults] = o->valuedouble;
		s->n_mults++;
	}
	return FC_OK;
}

static fc_status load_exclusions(loader *ld, const cJSON *arr)
{
	static const char *const keys[] = {"id",	    "reason", "phrases",
					   "unless",	    "unless_entity",
					   "scope",	    "applies", "per_day",
					   "extreme",	    NULL};
	fr_set *s = ld->s;
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return lerr(ld, "exclusions", "expected an array");
	cJSON_ArrayForEach(o, arr)
	{
		char where[160], sub[200];
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
		const cJSON *reason = cJSON_GetObjectItemCaseSensitive(o, "reason");
		const cJSON *scope = cJSON_GetObjectItemCaseSensitive(o, "scope");
		const cJSON *applies = cJSON_GetObjectItemCaseSensitive(o, "applies");
		const cJSON *ue = cJSON_GetObjectItemCaseSensitive(o, "unless_entity");
		const cJSON *pd = cJSON_GetObjectItemCaseSensitive(o, "per_day");
		const cJSON *ex = cJSON_GetObjectItemCaseSensitive(o, "extreme");
		const cJSON *e;
		exclusion *x;

		snprintf(where, sizeof(where), "exclusions[%zu]", i++);
		if (!cJSON_IsObject(o))
			return lerr(ld, where, "expected an object");
		if (known_keys(ld, where, o, keys))
			return ld->rc;
		if (!cJSON_IsString(id) || !valid_key_part(id->valuestring) ||
		    !cJSON_IsString(reason) || !reason->valuestring[0])
			return lerr(ld, where,
				    "an exclusion needs an \"id\" and the "
				    "\"reason\" it gives");
		if ((scope && !(cJSON_IsString(scope) &&
				(strcmp(scope->valuestring, "clause") == 0 ||
				 strcmp(scope->valuestring, "sentence") == 0))) ||
		    (applies && !(cJSON_IsString(applies) &&
				  (strcmp(applies->valuestring, "all") == 0 ||
				   strcmp(applies->valuestring, "cumulative") == 0))))
			return lerr(ld, where,
				    "\"scope\" is \"clause\" or \"sentence\"; "
				    "\"applies\" is \"all\" or \"cumulative\"");
		if (ue && !cJSON_IsArray(ue))
			return lerr(ld, where,
				    "\"unless_entity\" must be an array of "
				    "entity ids");
		if ((pd && !cJSON_IsBool(pd)) ||
		    (ex && !(cJSON_IsString(ex) &&
			     (strcmp(ex->valuestring, "highest") == 0 ||
			      strcmp(ex->valuestring, "lowest") == 0))))
			return lerr(ld, where,
				    "\"per_day\" is true or false; \"extreme\" "
				    "is \"highest\" or \"lowest\"");
		if (!grow((void **)&s->excl, &s->cap_excl, s->n_excl + 1,
			  sizeof(exclusion)))
			return nomem(ld);
		x = &s->excl[s->n_excl++];
		memset(x, 0, sizeof(*x));
		x->pack = ld->pack_idx;
		x->sentence = scope && strcmp(scope->valuestring, "sentence") == 0;
		x->cumulative_only =
		    applies && strcmp(applies->valuestring, "cumulative") == 0;
		x->per_day = cJSON_IsTrue(pd) || ex;
		x->extreme = !ex ? FC_CHANGE_NONE
			     : strcmp(ex->valuestring, "highest") == 0
				 ? FC_CHANGE_HIGHEST
				 : FC_CHANGE_LOWEST;
		if (!(x->id = dup(id->valuestring)) ||
		    !(x->reason = dup(reason->valuestring)))
			return nomem(ld);
		snprintf(sub, sizeof(sub), "%s.phrases", where);
		if (load_patterns(ld, sub,
				  cJSON_GetObjectItemCaseSensitive(o, "phrases"), -1,
				  &x->phrases, &x->n_phrases))
			return ld->rc;
		if (x->n_phrases == 0)
			return lerr(ld, sub, "an exclusion needs phrases");
		snprintf(sub, sizeof(sub), "%s.unless", where);
		if (load_patterns(ld, sub,
				  cJSON_GetObjectItemCaseSensitive(o, "unless"), -1,
				  &x->unless, &x->n_unless))
			return ld->rc;
		cJSON_ArrayForEach(e, ue)
		{
			if (!cJSON_IsString(e))
				return lerr(ld, where,
					    "\"unless_entity\" must be an array "
					    "of entity ids");
			if (!grow((void **)&x->unless_entity,
				  &(size_t){x->n_unless_entity},
				  x->n_unless_entity + 1, sizeof(char *)))
				return nomem(ld);
			if (!(x->unless_entity[x->n_unless_entity++] =
				  dup(e->valuestring)))
				return nomem(ld);
		}
	}
	return FC_OK;
}

static fc_status load_measure(loader *ld, const cJSON *o, size_t index,
			      bool (*disabled)(const char *, void *), void *ud)
{
	static const char *const keys[] = {
	    "id",	    "key",	      "description",   "words",
	    "people",	    "groups",	      "require_group", "subject",
	    "cumulative",   "partial_below",  "context",       "exclude_heads",
	    "frames",	    "severity",	      "tolerance",     "examples",
	    "counterexamples", "entities", NULL};
	fr_set *s = ld->s;
	char where[160], sub[260], full[200];
	const cJSON *id, *key, *words, *w, *people, *groups, *g, *reqg, *subj,
	    *cum, *pb, *sev, *tol, *ex, *cex, *xh;
	measure_t *m;
	int mi;

	snprintf(where, sizeof(where), "measures[%zu]", index);
	if (!cJSON_IsObject(o))
		return lerr(ld, where, "expected an object");
	id = cJSON_GetObjectItemCaseSensitive(o, "id");
	if (!cJSON_IsString(id) || !valid_key_part(id->valuestring) ||
	    strchr(id->valuestring, '.'))
		return lerr(ld, where,
			    "\"id\" must be a name of [a-z0-9_-] such as "
			    "\"killed\"");
	snprintf(where, sizeof(where), "measures[%zu] (%s)", index,
		 id->valuestring);
	if (known_keys(ld, where, o, keys))
		return ld->rc;
	snprintf(full, sizeof(full), "%s.%s", ld->pack, id->valuestring);
	if (disabled && disabled(full, ud))
		return FC_OK;
	key = cJSON_GetObjectItemCaseSensitive(o, "key");
	if (key && (!cJSON_IsString(key) || !valid_key_part(key->valuestring)))
		return lerr(ld, where,
			    "\"key\" must be a metric key part such as "
			    "\"killed\" or \"covid.deaths\"");
	words = cJSON_GetObjectItemCaseSensitive(o, "words");
	if (!cJSON_IsObject(words) || !words->child)
		return lerr(ld, where,
			    "\"words\" must be an object of word classes "
			    "(\"participle\", \"verb\", \"toll\", ...)");
	ex = cJSON_GetObjectItemCaseSensitive(o, "examples");
	cex = cJSON_GetObjectItemCaseSensitive(o, "counterexamples");
	if (!cJSON_IsArray(ex) || cJSON_GetArraySize(ex) == 0)
		return lerr(ld, where,
			    "\"examples\" must be a non-empty array: every "
			    "measure shows what it reads");
	for (int i = 0; i < cJSON_GetArraySize(ex); i++) {
		const cJSON *e = cJSON_GetArrayItem(ex, i);
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "text");
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "claim");
		const cJSON *mt = cJSON_GetObjectItemCaseSensitive(e, "metric");
		if (!cJSON_IsObject(e) || !cJSON_IsString(t) ||
		    !cJSON_IsString(c) || !(cJSON_IsString(mt) || cJSON_IsNull(mt)))
			return lerr(ld, where,
				    "examples[%d] must be an object with "
				    "string fields \"text\", \"claim\" and "
				    "\"metric\" (null: found, not bound)",
				    i);
	}
	if (cex && !cJSON_IsArray(cex))
		return lerr(ld, where, "\"counterexamples\" must be an array");
	for (int i = 0; cex && i < cJSON_GetArraySize(cex); i++) {
		const cJSON *e = cJSON_GetArrayItem(cex, i);
		if (!cJSON_IsString(e) &&
		    !(cJSON_IsObject(e) &&
		      cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "text"))))
			return lerr(ld, where,
				    "counterexamples[%d] must be a sentence, or "
				    "an object with \"text\" (and \"claim\")",
				    i);
	}
	if (!grow((void **)&s->measures, &s->cap_measures, s->n_measures + 1,
		  sizeof(measure_t)))
		return nomem(ld);
	mi = (int)s->n_measures;
	m = &s->measures[s->n_measures++];
	memset(m, 0, sizeof(*m));
	m->pack = ld->pack_idx;
	m->people = true;
	m->severity = FC_SEVERITY_ERROR;
	if (!(m->id = dup(full)) || !(m->pack_name = dup(ld->pack)) ||
	    !(m->key = dup(key ? key->valuestring : id->valuestring)) ||
	    !(m->examples = cJSON_Duplicate(ex, true)) ||
	    (cex && !(m->counterexamples = cJSON_Duplicate(cex, true))))
		return nomem(ld);
	cJSON_ArrayForEach(w, words)
	{
		char cname[300];
		snprintf(sub, sizeof(sub), "%s.words.%s", where, w->string);
		if (!valid_key_part(w->string) || strchr(w->string, '.'))
			return lerr(ld, sub, "a word class needs a name of [a-z_]");
		snprintf(cname, sizeof(cname), "%s:%s", full, w->string);
		if (load_class(ld, sub, cname, w, mi))
			return ld->rc;
	}
	people = cJSON_GetObjectItemCaseSensitive(o, "people");
	reqg = cJSON_GetObjectItemCaseSensitive(o, "require_group");
	cum = cJSON_GetObjectItemCaseSensitive(o, "cumulative");
	if ((people && !cJSON_IsBool(people)) || (reqg && !cJSON_IsBool(reqg)) ||
	    (cum && !cJSON_IsBool(cum)))
		return lerr(ld, where,
			    "\"people\", \"require_group\" and \"cumulative\" "
			    "must be true or false");
	if (people)
		m->people = cJSON_IsTrue(people);
	m->require_group = cJSON_IsTrue(reqg);
	m->cumulative = cJSON_IsTrue(cum);
	subj = cJSON_GetObjectItemCaseSensitive(o, "subject");
	if (subj && !(cJSON_IsString(subj) &&
		      (strcmp(subj->valuestring, "agent") == 0 ||
		       strcmp(subj->valuestring, "entity") == 0)))
		return lerr(ld, where,
			    "\"subject\" is \"agent\" (\"Israel kills N\": "
			    "the subject did it) or \"entity\" (\"Russia "
			    "lost N\": the subject is whose figure it is)");
	m->subject_is_entity = subj && strcmp(subj->valuestring, "entity") == 0;
	pb = cJSON_GetObjectItemCaseSensitive(o, "partial_below");
	if (pb) {
		if (!cJSON_IsNumber(pb) || pb->valuedouble < 0 ||
		    pb->valuedouble >= 1)
			return lerr(ld, where,
				    "\"partial_below\" must be a share from 0 "
				    "to 1");
		m->partial_below = pb->valuedouble;
	}
	sev = cJSON_GetObjectItemCaseSensitive(o, "severity");
	if (sev) {
		if (!cJSON_IsString(sev))
			return lerr(ld, where, "\"severity\" must be a string");
		if (strcmp(sev->valuestring, "error") == 0)
			m->severity = FC_SEVERITY_ERROR;
		else if (strcmp(sev->valuestring, "warning") == 0)
			m->severity = FC_SEVERITY_WARNING;
		else if (strcmp(sev->valuestring, "info") == 0)
			m->severity = FC_SEVERITY_INFO;
		else
			return lerr(ld, where,
				    "\"severity\" must be \"error\", "
				    "\"warning\" or \"info\"");
	}
	tol = cJSON_GetObjectItemCaseSensitive(o, "tolerance");
	if (tol) {
		if (!cJSON_IsNumber(tol) || !(tol->valuedouble >= 0) ||
		    tol->valuedouble > 1)
			return lerr(ld, where,
				    "\"tolerance\" must be a number from 0 to 1 "
				    "(a fraction of the record)");
		m->tolerance = tol->valuedouble;
	}
	groups = cJSON_GetObjectItemCaseSensitive(o, "groups");
	if (groups && !cJSON_IsArray(groups))
		return lerr(ld, where, "\"groups\" must be an array of group ids");
	cJSON_ArrayForEach(g, groups)
	{
		size_t gi;
		if (!cJSON_IsString(g))
			return lerr(ld, where,
				    "\"groups\" must be an array of group ids");
		gi = find_group(s, g->valuestring);
		if (gi == (size_t)-1)
			return lerr(ld, where,
				    "unknown group \"%s\": define it in the "
				    "pack's \"groups\" (or a pack it requires) "
				    "before the measures",
				    g->valuestring);
		if (!grow((void **)&m->groups, &(size_t){m->n_groups},
			  m->n_groups + 1, sizeof(size_t)))
			return nomem(ld);
		m->groups[m->n_groups++] = gi;
	}
	if (m->require_group && m->n_groups == 0)
		return lerr(ld, where, "\"require_group\" needs \"groups\"");
	{
		const cJSON *en = cJSON_GetObjectItemCaseSensitive(o, "entities"), *c;
		if (en && !cJSON_IsArray(en))
			return lerr(ld, where,
				    "\"entities\" must be an array of entity ids");
		cJSON_ArrayForEach(c, en)
		{
			if (!cJSON_IsString(c) || !valid_key_part(c->valuestring))
				return lerr(ld, where,
					    "\"entities\" must be an array of "
					    "entity ids");
			if (!grow((void **)&m->entities, &(size_t){m->n_entities},
				  m->n_entities + 1, sizeof(char *)) ||
			    !(m->entities[m->n_entities] = dup(c->valuestring)))
				return nomem(ld);
			m->n_entities++;
		}
	}
	{
		const cJSON *cx = cJSON_GetObjectItemCaseSensitive(o, "context"), *c;
		if (cx && !cJSON_IsArray(cx))
			return lerr(ld, where,
				    "\"context\" must be an array of words");
		cJSON_ArrayForEach(c, cx)
		{
			if (!cJSON_IsString(c) || !c->valuestring[0])
				return lerr(ld, where,
					    "\"context\" must be an array of "
					    "words");
			if (!grow((void **)&m->context, &(size_t){m->n_context},
				  m->n_context + 1, sizeof(char *)) ||
			    !(m->context[m->n_context] = dup(c->valuestring)))
				return nomem(ld);
			m->n_context++;
		}
	}
	xh = cJSON_GetObjectItemCaseSensitive(o, "exclude_heads");
	if (xh) {
		const cJSON *h;
		size_t k = 0;
		if (!cJSON_IsArray(xh))
			return lerr(ld, where,
				    "\"exclude_heads\" must be an array of "
				    "{\"words\", \"reason\"}");
		cJSON_ArrayForEach(h, xh)
		{
			const cJSON *hw = cJSON_GetObjectItemCaseSensitive(h, "words");
			const cJSON *hr = cJSON_GetObjectItemCaseSensitive(h, "reason");
			const cJSON *p;
			snprintf(sub, sizeof(sub), "%s.exclude_heads[%zu]", where,
				 k++);
			if (!cJSON_IsArray(hw) || !cJSON_IsString(hr))
				return lerr(ld, sub,
					    "expected {\"words\": [...], "
					    "\"reason\": \"...\"}");
			cJSON_ArrayForEach(p, hw)
			{
				if (!cJSON_IsString(p))
					return lerr(ld, sub,
						    "\"words\" must be strings");
				if (!grow((void **)&m->exclude_heads,
					  &(size_t){m->n_exclude_heads},
					  m->n_exclude_heads + 1,
					  sizeof(*m->exclude_heads)))
					return nomem(ld);
				memset(&m->exclude_heads[m->n_exclude_heads], 0,
				       sizeof(*m->exclude_heads));
				if (compile_pattern(
					ld, sub, p->valuestring, 0,
					&m->exclude_heads[m->n_exclude_heads].pat))
					return ld->rc;
				m->n_exclude_heads++;
				if (!(m->exclude_heads[m->n_exclude_heads - 1]
					  .reason = dup(hr->valuestring)))
					return nomem(ld);
			}
		}
	}
	if (cJSON_GetObjectItemCaseSensitive(o, "frames")) {
		snprintf(sub, sizeof(sub), "%s.frames", where);
		if (load_frames(ld, sub, cJSON_GetObjectItemCaseSensitive(o, "frames"),
				mi))
			return ld->rc;
	}
	return FC_OK;
}

fc_status fr_add_pack(fr_set *s, const cJSON *root, const char *pack,
		      const char *file, bool (*disabled)(const char *, void *),
		      void *ud, char *msg, size_t msg_size)
{
	loader ld;
	const cJSON *lex, *o;
	size_t i = 0;

	memset(&ld, 0, sizeof(ld));
	ld.s = s;
	ld.file = file;
	ld.pack = pack;
	ld.msg = msg;
	ld.msg_size = msg_size;
	if (s->finished)
		return lerr(&ld, "pack", "the frames are already compiled");
	if (!grow((void **)&s->packs, &s->cap_packs, s->n_packs + 1,
		  sizeof(char *)) ||
	    !grow((void **)&s->files, &s->cap_files, s->n_packs + 1,
		  sizeof(char *)))
		return nomem(&ld);
	s->packs[s->n_packs] = dup(pack);
	s->files[s->n_packs] = dup(file);
	if (!s->packs[s->n_packs] || !s->files[s->n_packs]) {
		free(s->packs[s->n_packs]);
		free(s->files[s->n_packs]);
		return nomem(&ld);
	}
	ld.pack_idx = s->n_packs++;
	/* Words the engine compares by themselves. */
	if (!vocab_add(&s->v, "#nonq", 5))
		return nomem(&ld);
	lex = cJSON_GetObjectItemCaseSensitive(root, "lexicon");
	if (lex) {
		if (!cJSON_IsObject(lex))
			return lerr(&ld, "lexicon", "expected an object of word "
						    "classes");
		cJSON_ArrayForEach(o, lex)
		{
			char where[200];
			snprintf(where, sizeof(where), "lexicon.%s", o->string);
			if (!valid_key_part(o->string) || strchr(o->string, '.'))
				return lerr(&ld, where,
					    "a word class needs a name of [a-z_]");
			if (load_class(&ld, where, o->string, o, -1))
				return ld.rc;
		}
	}
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "entities")) &&
	    load_entities(&ld, o))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "events")) &&
	    load_events(&ld, o))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "not_places"))) {
		/* One hidden entity holds them all. */
		size_t e = entity_for(&ld, "#not-a-place");
		if (e == NO_ENTITY)
			return ld.rc;
		s->entities[e].blocked = true;
		if (load_aliases(&ld, "not_places", o, e, AK_NAME))
			return ld.rc;
	}
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "entity_keys"))) {
		const cJSON *k;
		pack_keys *pk;
		if (!cJSON_IsObject(o))
			return lerr(&ld, "entity_keys",
				    "expected an object of entity id -> key");
		if (!grow((void **)&s->keys, &s->cap_keys, s->n_keys + 1,
			  sizeof(pack_keys)))
			return nomem(&ld);
		pk = &s->keys[s->n_keys++];
		memset(pk, 0, sizeof(*pk));
		if (!(pk->pack = dup(pack)))
			return nomem(&ld);
		cJSON_ArrayForEach(k, o)
		{
			if (!cJSON_IsString(k) || !valid_key_part(k->valuestring))
				return lerr(&ld, "entity_keys",
					    "\"%s\": expected a metric key part",
					    k->string);
			if (!grow((void **)&pk->from, &(size_t){pk->n}, pk->n + 1,
				  sizeof(char *)) ||
			    !grow((void **)&pk->to, &(size_t){pk->n}, pk->n + 1,
				  sizeof(char *)))
				return nomem(&ld);
			pk->from[pk->n] = dup(k->string);
			pk->to[pk->n] = dup(k->valuestring);
			pk->n++;
			if (!pk->from[pk->n - 1] || !pk->to[pk->n - 1])
				return nomem(&ld);
		}
	}
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "groups")) &&
	    load_groups(&ld, o))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "multiples")) &&
	    load_multiples(&ld, o))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "frames")) &&
	    load_frames(&ld, "frames", o, -1))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "exclusions")) &&
	    load_exclusions(&ld, o))
		return ld.rc;
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "cumulative"))) {
		pattern *ps;
		size_t n;
		if (load_patterns(&ld, "cumulative", o, -1, &ps, &n)) {
			for (size_t k = 0; k < n; k++)
				pattern_free(&ps[k]);
			free(ps);
			return ld.rc;
		}
		for (size_t k = 0; k < n; k++) {
			if (!grow((void **)&s->cumul, &s->cap_cumul,
				  s->n_cumul + 1, sizeof(pattern)) ||
			    !grow((void **)&s->cumul_pack, &s->cap_cumul_pack,
				  s->n_cumul + 1, sizeof(size_t))) {
				for (; k < n; k++)
					pattern_free(&ps[k]);
				free(ps);
				return nomem(&ld);
			}
			s->cumul_pack[s->n_cumul] = ld.pack_idx;
			s->cumul[s->n_cumul++] = ps[k];
		}
		free(ps);
	}
	if ((o = cJSON_GetObjectItemCaseSensitive(root, "measures"))) {
		const cJSON *m;
		if (!cJSON_IsArray(o))
			return lerr(&ld, "measures", "expected an array of "
						     "measures");
		cJSON_ArrayForEach(m, o)
		{
			if (load_measure(&ld, m, i++, disabled, ud))
				return ld.rc;
		}
	}
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Compiling: indices and instances. */

static bool index_build(phrase_table *t, size_t n_words)
{
	word_index *x = &t->idx;
	size_t *nf = calloc(n_words + 1, sizeof(size_t));
	size_t *nl = calloc(n_words + 1, sizeof(size_t));
	bool ok = false;

	index_free(x);
	x->n_words = n_words;
	x->first = calloc(n_words + 1, sizeof(uint32_t *));
	x->last = calloc(n_words + 1, sizeof(uint32_t *));
	if (!nf || !nl || !x->first || !x->last)
		goto out;
	for (size_t i = 0; i < t->n; i++) {
		nf[t->p[i].w[0]]++;
		nl[t->p[i].w[t->p[i].n - 1]]++;
	}
	for (size_t w = 0; w < n_words; w++) {
		if (nf[w] && !(x->first[w] = calloc(nf[w] + 1, sizeof(uint32_t))))
			goto out;
		if (nl[w] && !(x->last[w] = calloc(nl[w] + 1, sizeof(uint32_t))))
			goto out;
	}
	/* Longer phrases first, so that the first match is the longest. */
	for (size_t len = MAX_PHRASE; len > 0; len--)
		for (size_t i = 0; i < t->n; i++) {
			const phrase *ph = &t->p[i];
			uint32_t *f, *l;
			if (ph->n != len)
				continue;
			f = x->first[ph->w[0]];
			l = x->last[ph->w[ph->n - 1]];
			f[1 + f[0]++] = (uint32_t)i;
			l[1 + l[0]++] = (uint32_t)i;
		}
	ok = true;
out:
	free(nf);
	free(nl);
	return ok;
}

/* True if the word `w` is a one-word phrase of class `c`. */
static bool in_class_id(const fr_set *S, int c, uint32_t w)
{
	const uint32_t *list;

	if (c < 0 || !w || w >= S->classes.idx.n_words ||
	    !(list = S->classes.idx.first[w]))
		return false;
	for (uint32_t k = 0; k < list[0]; k++) {
		const phrase *ph = &S->classes.p[list[1 + k]];
		if (ph->owner == (uint32_t)c && ph->n == 1)
			return true;
	}
	return false;
}

/* Resolves the class references of a pattern against the lexicon (and,
 * with measure >= 0, the measure's own classes first) into cls[]. False
 * when a reference names no class. */
static bool resolve(const fr_set *s, const pattern *p, int measure, int *cls,
		    const char **missing)
{
	for (size_t i = 0; i < p->n; i++) {
		int c = -1;
		cls[i] = -1;
		if (p->e[i].type != E_CLASS)
			continue;
		if (measure >= 0) {
			char name[300];
			snprintf(name, sizeof(name), "%s:%s",
				 s->measures[measure].id, p->e[i].ref);
			c = find_class(s, name);
		}
		if (c < 0) {
			c = find_class(s, p->e[i].ref);
			if (c >= 0 && s->cls[c].measure >= 0)
				c = -1;
		}
		if (c < 0) {
			*missing = p->e[i].ref;
			return false;
		}
		cls[i] = c;
	}
	return true;
}

/* True if some measure defines the class `name` among its words. */
static bool some_measure_has(const fr_set *s, const char *name)
{
	for (size_t m = 0; m < s->n_measures; m++) {
		char full[300];
		snprintf(full, sizeof(full), "%s:%s", s->measures[m].id, name);
		if (find_class(s, full) >= 0)
			return true;
	}
	return false;
}

static fc_status finish_err(char *msg, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static fc_status finish_err(char *msg, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, size, fmt, ap);
	va_end(ap);
	return FC_ERR_CONFIG;
}

static void bloom_add(wbloom *m, uint32_t w)
{
	m->b[(w >> 6) & 7] |= (uint64_t)1 << (w & 63);
}

static bool bloom_has(const wbloom *m, uint32_t w)
{
	return (m->b[(w >> 6) & 7] >> (w & 63)) & 1;
}

static bool bloom_meets(const wbloom *a, const wbloom *b)
{
	uint64_t any = 0;

	for (size_t i = 0; i < 8; i++)
		any |= a->b[i] & b->b[i];
	return any != 0;
}

/* The words a pattern needs: for each of its compulsory word, class and
 * group elements (classes as `cls` resolves them), the words it may start
 * with, into a new array in *need (the caller frees it). False when out of
 * memory. */
static bool need_build(const fr_set *s, const pattern *p, const int *cls,
		       wbloom **need, size_t *n_need)
{
	*need = NULL;
	*n_need = 0;
	for (size_t i = 0; i < p->n; i++) {
		const elem *e = &p->e[i];
		wbloom m;
		if (e->optional || (e->type != E_WORDS && e->type != E_CLASS &&
				    e->type != E_GROUP))
			continue;
		if (e->type == E_CLASS && cls[i] < 0)
			continue;
		memset(&m, 0, sizeof(m));
		if (e->type == E_WORDS)
			for (size_t k = 0; k < e->n_words; k++)
				bloom_add(&m, e->words[k]);
		else if (e->type == E_CLASS) {
			for (size_t k = 0; k < s->classes.n; k++)
				if (s->classes.p[k].owner == (uint32_t)cls[i])
					bloom_add(&m, s->classes.p[k].w[0]);
		} else {
			for (size_t k = 0; k < s->grps.n; k++)
				bloom_add(&m, s->grps.p[k].w[0]);
		}
		if (!*need && !(*need = calloc(p->n, sizeof(wbloom))))
			return false;
		(*need)[(*n_need)++] = m;
	}
	return true;
}

/* True if the words `have` may hold a match of what `need` describes. */
static bool need_met(const wbloom *need, size_t n_need, const wbloom *have)
{
	for (size_t i = 0; i < n_need; i++)
		if (!bloom_meets(&need[i], have))
			return false;
	return true;
}

/* Resolves a pattern used outside frames (exclusions, markers): lexicon
 * classes only. Stores them in the elements. */
static fc_status resolve_plain(fr_set *s, pattern *p, size_t pack,
			       const char *what, char *msg, size_t size)
{
	int cls[MAX_ELEMS];
	const char *missing = NULL;

	if (!resolve(s, p, -1, cls, &missing))
		return finish_err(msg, size,
				  "rule pack %s: %s: \"%s\": unknown word class "
				  "{%s}; define it in a pack's \"lexicon\"",
				  s->files[pack], what, p->src, missing);
	for (size_t i = 0; i < p->n; i++)
		p->e[i].cls = cls[i];
	p->slot = s->n_slots++;
	free(p->need);
	if (!need_build(s, p, cls, &p->need, &p->n_need)) {
		snprintf(msg, size, "out of memory");
		return FC_ERR_NOMEM;
	}
	return FC_OK;
}

static bool add_inst(fr_set *s, inst **arr, size_t *n, size_t *cap,
		     const frame *f, int measure, const int *cls)
{
	inst *in;

	if (!grow((void **)arr, cap, *n + 1, sizeof(inst)))
		return false;
	in = &(*arr)[(*n)++];
	in->f = f;
	in->measure = measure;
	memcpy(in->cls, cls, sizeof(in->cls));
	memset(&in->before, 0, sizeof(in->before));
	in->has_before = false;
	if (f->pat.anchor > 0) {
		const elem *e = &f->pat.e[f->pat.anchor - 1];
		if (!e->optional && e->type == E_WORDS) {
			for (size_t k = 0; k < e->n_words; k++)
				bloom_add(&in->before, e->words[k]);
			in->has_before = true;
		} else if (!e->optional && e->type == E_CLASS &&
			   cls[f->pat.anchor - 1] >= 0) {
			for (size_t k = 0; k < s->classes.n; k++)
				if (s->classes.p[k].owner ==
				    (uint32_t)cls[f->pat.anchor - 1])
					bloom_add(&in->before,
						  s->classes.p[k]
						      .w[s->classes.p[k].n - 1]);
			in->has_before = true;
		}
	}
	return need_build(s, &f->pat, cls, &in->need, &in->n_need);
}

fc_status fr_finish(fr_set *s, char *msg, size_t size)
{
	size_t nw;
	fc_status rc;

	if (s->finished)
		return FC_OK;
	nw = s->v.n ? s->v.n : 1;
	/* Entities' parents. */
	for (size_t i = 0; i < s->n_entities; i++) {
		entity *e = &s->entities[i];
		if (!e->parent_id)
			continue;
		e->parent = find_entity(s, e->parent_id);
		if (e->parent == NO_ENTITY || e->parent == i)
			return finish_err(msg, size,
					  "rule pack %s: entity \"%s\": part_of "
					  "\"%s\" names no entity",
					  s->files[e->pack], e->id, e->parent_id);
	}
	for (size_t i = 0; i < s->n_entities; i++) {
		/* No cycles: a chain of parents ends within n steps. */
		size_t p = s->entities[i].parent, steps = 0;
		while (p != NO_ENTITY && steps++ <= s->n_entities)
			p = s->entities[p].parent;
		if (p != NO_ENTITY)
			return finish_err(msg, size,
					  "rule pack %s: entity \"%s\": its part_of "
					  "chain loops",
					  s->files[s->entities[i].pack],
					  s->entities[i].id);
	}
	if (!index_build(&s->classes, nw) || !index_build(&s->ents, nw) ||
	    !index_build(&s->grps, nw))
		goto nomem;
	s->c_head_stop = find_class(s, "head_stop");
	s->c_people = find_class(s, "people");
	s->c_agent = find_class(s, "agent");
	s->c_say = find_class(s, "say");
	s->c_locative = find_class(s, "locative");
	s->c_war = find_class(s, "war");
	s->c_clause = find_class(s, "clause_break");
	s->w_and = vocab_find(&s->v, "and", 3);
	s->w_or = vocab_find(&s->v, "or", 2);
	s->w_comma = vocab_find(&s->v, ",", 1);
	s->w_poss = vocab_find(&s->v, "'s", 2);
	s->w_by = vocab_find(&s->v, "by", 2);
	s->w_of = vocab_find(&s->v, "of", 2);
	for (size_t i = 0; i < s->n_excl; i++) {
		for (size_t k = 0; k < s->excl[i].n_phrases; k++)
			if ((rc = resolve_plain(s, &s->excl[i].phrases[k],
					  s->excl[i].pack, s->excl[i].id, msg, size)))
				return rc;
		for (size_t k = 0; k < s->excl[i].n_unless; k++)
			if ((rc = resolve_plain(s, &s->excl[i].unless[k],
					  s->excl[i].pack, s->excl[i].id, msg, size)))
				return rc;
	}
	for (size_t i = 0; i < s->n_cumul; i++)
		if ((rc = resolve_plain(s, &s->cumul[i], s->cumul_pack[i], "cumulative",
				  msg, size)))
			return rc;
	for (size_t m = 0; m < s->n_measures; m++) {
		measure_t *me = &s->measures[m];
		char vname[300];
		snprintf(vname, sizeof(vname), "%s:verb", me->id);
		me->verb_cls = find_class(s, vname);

		for (size_t k = 0; k < me->n_exclude_heads; k++)
			if ((rc = resolve_plain(s, &me->exclude_heads[k].pat, me->pack,
					  me->id, msg, size)))
				return rc;
	}
	/* Frames: a reference that no measure and no lexicon defines is a
	 * mistake in the pack. */
	for (size_t f = 0; f < s->n_frames; f++) {
		const pattern *p = &s->frames[f].pat;
		for (size_t i = 0; i < p->n; i++) {
			int c;
			if (p->e[i].type != E_CLASS)
				continue;
			c = find_class(s, p->e[i].ref);
			if ((c < 0 || s->cls[c].measure >= 0) &&
			    !some_measure_has(s, p->e[i].ref))
				return finish_err(msg, size,
						  "rule pack %s: frame \"%s\": "
						  "unknown word class {%s}: neither "
						  "a lexicon class nor any "
						  "measure's words",
						  s->files[s->frames[f].pack],
						  p->src, p->e[i].ref);
		}
	}
	/* The order measures are tried in: those with a context first. */
	s->order = calloc(s->n_measures + 1, sizeof(size_t));
	s->inst_first = calloc(s->n_measures + 1, sizeof(size_t));
	s->inst_count = calloc(s->n_measures + 1, sizeof(size_t));
	if (!s->order || !s->inst_first || !s->inst_count)
		goto nomem;
	{
		size_t k = 0;
		for (size_t pass = 0; pass < 2; pass++)
			for (size_t m = 0; m < s->n_measures; m++)
				if ((s->measures[m].n_context > 0) == (pass == 0))
					s->order[k++] = m;
	}
	for (size_t m = 0; m < s->n_measures; m++) {
		s->inst_first[m] = s->n_insts;
		for (size_t f = 0; f < s->n_frames; f++) {
			const frame *fr = &s->frames[f];
			int cls[MAX_ELEMS];
			const char *missing;
			bool uses_role = false;
			if (fr->measure >= 0 && fr->measure != (int)m)
				continue;
			if (!resolve(s, &fr->pat, (int)m, cls, &missing))
				continue;
			for (size_t i = 0; i < fr->pat.n; i++)
				if (cls[i] >= 0 && s->cls[cls[i]].measure >= 0)
					uses_role = true;
			/* A part frame that names no measure word is tried
			 * once, for every measure (below). */
			if ((fr->kind == FK_PART || fr->kind == FK_CHANGE) &&
			    !uses_role && fr->measure < 0)
				continue;
			if (!add_inst(s, &s->insts, &s->n_insts, &s->cap_insts, fr,
				      (int)m, cls))
				goto nomem;
		}
		s->inst_count[m] = s->n_insts - s->inst_first[m];
	}
	/* Each measure's instances by kind, so that a reading tries only
	 * the kind it wants. */
	s->kind_first = calloc(s->n_measures + 1, sizeof(*s->kind_first));
	s->kind_count = calloc(s->n_measures + 1, sizeof(*s->kind_count));
	if (!s->kind_first || !s->kind_count)
		goto nomem;
	for (size_t m = 0; m < s->n_measures; m++) {
		size_t a = s->inst_first[m], n = s->inst_count[m], o = 0;
		inst *tmp = malloc((n + 1) * sizeof(inst));
		if (!tmp)
			goto nomem;
		for (int kind = 0; kind < 3; kind++) {
			s->kind_first[m][kind] = a + o;
			for (size_t k = 0; k < n; k++)
				if (s->insts[a + k].f->kind == kind)
					tmp[o++] = s->insts[a + k];
			s->kind_count[m][kind] = a + o - s->kind_first[m][kind];
		}
		memcpy(s->insts + a, tmp, n * sizeof(inst));
		free(tmp);
	}
	for (size_t f = 0; f < s->n_frames; f++) {
		const frame *fr = &s->frames[f];
		int cls[MAX_ELEMS];
		const char *missing;
		bool uses_role = false;
		if ((fr->kind != FK_PART && fr->kind != FK_CHANGE) ||
		    fr->measure >= 0 || !resolve(s, &fr->pat, -1, cls, &missing))
			continue;
		for (size_t i = 0; i < fr->pat.n; i++)
			if (cls[i] >= 0 && s->cls[cls[i]].measure >= 0)
				uses_role = true;
		if (fr->kind == FK_CHANGE) {
			if (!uses_role &&
			    !add_inst(s, &s->after_insts, &s->n_after_insts,
				      &s->cap_after_insts, fr, -1, cls))
				goto nomem;
			continue;
		}
		if (!add_inst(s, &s->part_insts, &s->n_part_insts,
			      &s->cap_part_insts, fr, -1, cls))
			goto nomem;
	}
	/* Which measures a word can trigger: the first words of their
	 * classes' phrases. */
	s->word_measures = calloc(nw, sizeof(uint32_t *));
	s->word_mult = malloc(nw * sizeof(int32_t));
	if (!s->word_measures || !s->word_mult)
		goto nomem;
	for (size_t i = 0; i < nw; i++)
		s->word_mult[i] = -1;
	for (size_t i = 0; i < s->n_mults; i++)
		s->word_mult[s->mult_words[i]] = (int32_t)i;
	s->c_up = find_class(s, "up");
	s->c_destroy = find_class(s, "destroy");
	s->c_down = find_class(s, "down");
	for (size_t i = 0; i < s->classes.n; i++) {
		const phrase *ph = &s->classes.p[i];
		int m = s->cls[ph->owner].measure;
		uint32_t **wm = &s->word_measures[ph->w[0]];
		size_t n;
		bool seen = false;
		if (m < 0)
			continue;
		n = *wm ? (*wm)[0] : 0;
		for (size_t k = 0; k < n; k++)
			seen = seen || (*wm)[1 + k] == (uint32_t)m;
		if (seen)
			continue;
		{
			uint32_t *nwm = realloc(*wm, (n + 2) * sizeof(uint32_t));
			if (!nwm)
				goto nomem;
			nwm[0] = (uint32_t)(n + 1);
			nwm[1 + n] = (uint32_t)m;
			*wm = nwm;
		}
	}
	/* The gate: of each measure phrase, the word that says most: one
	 * its measure also uses alone ("dead" of "number of dead"), else
	 * its last word that is not a function word ("lives" of "lost
	 * their lives"), else its last word. */
	for (size_t i = 0; i < s->classes.n; i++) {
		const phrase *ph = &s->classes.p[i];
		int aux = find_class(s, "aux"), m = s->cls[ph->owner].measure;
		size_t best = 0;
		long score = -1;
		if (m < 0)
			continue;
		for (size_t k = 0; k < ph->n; k++) {
			uint32_t w = ph->w[k];
			long sc;
			bool alone = false;
			for (size_t c = 0; c < s->n_cls && !alone; c++)
				alone = s->cls[c].measure == m &&
					in_class_id(s, (int)c, w);
			/* alone, then a plain word, then a function word;
			 * the longer first, then the earlier */
			sc = alone ? 3
			     : (in_class_id(s, s->c_head_stop, w) ||
				in_class_id(s, s->c_people, w) ||
				in_class_id(s, aux, w))
				 ? 1
				 : 2;
			sc = sc * 1000 + (long)s->v.lens[w];
			if (sc > score) {
				score = sc;
				best = k;
			}
		}
		{
			uint32_t b = gate_bit(s->v.words[ph->w[best]],
					      s->v.lens[ph->w[best]]);
			s->gate[b / 8] |= (uint8_t)(1u << (b % 8));
		}
	}
	s->finished = true;
	return FC_OK;
nomem:
	snprintf(msg, size, "out of memory");
	return FC_ERR_NOMEM;
}

/* ------------------------------------------------------------------ */
/* Matching: one sentence. */

enum mention_role {
	MR_NONE = 0,
	MR_AGENT = 1,  /* "Israeli strikes", "killed by Israel" */
	MR_ATTRIB = 2, /* "Gaza's health ministry said" */
	MR_WAR = 3,    /* "the Gaza war": names the war, and the place
	                  weakly */
	MR_PARTY = 4,  /* "the Israel-Hamas war": a side, not a place */
	MR_DATELINE = 5 /* "GAZA CITY, Nov 9 (Reuters) -": where the
	                   reporter filed from */
};

typedef struct mention {
	size_t s, e; /* tokens [s, e) */
	size_t ent;
	uint8_t akind;
	uint8_t role;
} mention;

/* One candidate entity for a claim, with where it was found. */
typedef struct cand {
	size_t ent;
	size_t start, end; /* bytes */
	int rank;
} cand;

/* A claim of the sentence read so far, for part frames and
 * coordination. */
typedef struct sclaim sclaim;

typedef struct sent {
	const fr_set *S;
	const fr_input *in;
	size_t ss, se;
	toks tk;
	int *clause;
	size_t cap_clause;
	mention *ms;
	size_t n_ms, cap_ms;
	bool *present; /* per measure: a trigger word is in the sentence */
	uint8_t *inst_ok; /* per instance (S->insts): unknown (0), the
	                     sentence lacks a word it needs (1), has them
	                     (2); see inst_may() */
	uint8_t *pat_ok; /* per pattern slot: unknown (0), the sentence lacks
	                    a word it needs (1), has them (2) */
	signed char *context; /* per measure: its context is in the
	                         paragraph ctx_para or the headline (1),
	                         is not (0), unknown (-1) */
	size_t ctx_para;      /* the paragraph `context` was read for:
	                         [ctx_para, ctx_para_end), or SIZE_MAX */
	size_t ctx_para_end;
	size_t first_trigger; /* the first token of a measure's phrase */
	sclaim *sc;
	size_t n_sc, cap_sc;
	int headline; /* -1 unknown, 0 none */
	wbloom words; /* the words of the sentence */
	/* The entities of context sentences (the paragraph before, the
	 * headline) already read: a sentence's figures and the sentences
	 * after it ask for the same ones. */
	struct ctx_memo {
		size_t ss, se;
		size_t ent, other;
		size_t from_ent, from_start, from_end;
		bool amb, ok, used;
	} memo[64];
	/* What the context says of a figure of this sentence that names
	 * no entity: the same for each of its figures. */
	bool ctx_done;
	size_t ctx_ent;
	cand ctx_from;
	const char *ctx_how, *ctx_unbound;
	char ctx_reason[400];
} sent;

/* The state of one pattern match. */
typedef struct mctx {
	const sent *st;
	const pattern *p;
	const int *cls;
	int measure;      /* whose role words end a {head}, or -1 */
	size_t lo, hi;    /* tokens the match must stay within */
	size_t anchor;    /* the figure's token (frames), or SIZE_MAX */
	int s[MAX_ELEMS], e[MAX_ELEMS]; /* each element's tokens [s, e) */
	int q[MAX_ELEMS];               /* qualifier a phrase implied */
	int grp;                        /* the group {group} matched */
} mctx;

static bool is_break(const tok *t)
{
	return t->type == T_PUNCT && (t->flags & TF_BREAK);
}

/* A token compared by its word id: a word, or a punctuation mark. */
static bool word_tok(const tok *t)
{
	return t->type == T_WORD || t->type == T_PUNCT;
}

static size_t phrase_fwd_caps(const phrase_table *tab, long c, const toks *tk,
			      size_t ti, size_t hi, const phrase **which,
			      bool caps_ok);

/* Length of the longest phrase of class `c` in `tab` that starts at token
 * `ti` and ends before `hi`; 0 if none. With owner_out, also which
 * phrase. */
static size_t phrase_fwd(const phrase_table *tab, long c, const toks *tk,
			 size_t ti, size_t hi, const phrase **which)
{
	return phrase_fwd_caps(tab, c, tk, ti, hi, which, true);
}

static size_t phrase_fwd_caps(const phrase_table *tab, long c, const toks *tk,
			      size_t ti, size_t hi, const phrase **which,
			      bool caps_ok)
{
	const uint32_t *list;
	uint32_t w;

	if (ti >= hi || ti >= tk->n || !word_tok(&tk->t[ti]))
		return 0;
	w = tk->t[ti].word;
	if (!w || w >= tab->idx.n_words || !(list = tab->idx.first[w]))
		return 0;
	for (uint32_t k = 0; k < list[0]; k++) {
		const phrase *ph = &tab->p[list[1 + k]];
		size_t i;
		if (c >= 0 && ph->owner != (uint32_t)c)
			continue;
		if (ti + ph->n > hi || ti + ph->n > tk->n)
			continue;
		for (i = 1; i < ph->n; i++)
			if (!word_tok(&tk->t[ti + i]) ||
			    tk->t[ti + i].word != ph->w[i])
				break;
		if (i < ph->n)
			continue;
		if (ph->caps) {
			if (!caps_ok)
				continue;
			for (i = 0; i < ph->n; i++)
				if (tk->t[ti + i].type == T_WORD &&
				    !(tk->t[ti + i].flags & TF_UPPER))
					break;
			if (i < ph->n)
				continue;
		}
		if (which)
			*which = ph;
		return ph->n;
	}
	return 0;
}

static bool in_class(const fr_set *S, int c, const tok *t)
{
	const uint32_t *list;

	if (c < 0 || !word_tok(t) || !t->word ||
	    t->word >= S->classes.idx.n_words ||
	    !(list = S->classes.idx.first[t->word]))
		return false;
	for (uint32_t k = 0; k < list[0]; k++) {
		const phrase *ph = &S->classes.p[list[1 + k]];
		if (ph->owner == (uint32_t)c && ph->n == 1)
			return true;
	}
	return false;
}

static bool head_word(const mctx *c, const tok *t)
{
	const fr_set *S = c->st->S;

	if (t->type == T_NONQ && t->kind == FC_NUM_IDENTIFIER)
		return true; /* "new Covid-19 cases" */
	if (t->type != T_WORD && !(t->type == T_PUNCT && !is_break(t) &&
				   t->end - t->start == 1 &&
				   c->st->in->text[t->start] == '-'))
		return false;
	/* The pattern's next element ends the head where it matches: the
	 * head is tried longest first and backs off. */
	return !in_class(S, S->c_head_stop, t);
}

static bool m_fwd(mctx *c, size_t ei, size_t ti);
static bool m_back(mctx *c, long ei, long ti);

/* True if figure token t is what #q (any) or #q=N (that value) asks. */
static bool qty_is(const mctx *c, const elem *e, const tok *t)
{
	return isnan(e->qval) ||
	       c->st->in->nums->items[t->num].value == e->qval;
}

/* Tries every way element `ei` can start at token `ti`, then the rest. */
static bool m_fwd(mctx *c, size_t ei, size_t ti)
{
	const fr_set *S = c->st->S;
	const toks *tk = &c->st->tk;
	const elem *e;

	if (ei >= c->p->n)
		return true;
	e = &c->p->e[ei];
	c->q[ei] = -1;
	switch (e->type) {
	case E_NUM:
		if (ti == c->anchor) {
			c->s[ei] = (int)ti;
			c->e[ei] = (int)ti + 1;
			if (m_fwd(c, ei + 1, ti + 1))
				return true;
		}
		break;
	case E_YEAR:
	case E_NONQ:
		if (ti < c->hi && tk->t[ti].type == T_NONQ &&
		    (e->type == E_NONQ || tk->t[ti].kind == FC_NUM_YEAR)) {
			c->s[ei] = (int)ti;
			c->e[ei] = (int)ti + 1;
			if (m_fwd(c, ei + 1, ti + 1))
				return true;
		}
		break;
	case E_QTY:
		if (ti < c->hi && tk->t[ti].type == T_NUM && ti != c->anchor &&
		    qty_is(c, e, &tk->t[ti])) {
			c->s[ei] = (int)ti;
			c->e[ei] = (int)ti + 1;
			if (m_fwd(c, ei + 1, ti + 1))
				return true;
		}
		break;
	case E_WORDS:
		if (ti < c->hi && word_tok(&tk->t[ti]))
			for (size_t k = 0; k < e->n_words; k++)
				if (tk->t[ti].word == e->words[k]) {
					c->s[ei] = (int)ti;
					c->e[ei] = (int)ti + 1;
					if (m_fwd(c, ei + 1, ti + 1))
						return true;
					break;
				}
		break;
	case E_ANY:
		if (ti < c->hi && tk->t[ti].type == T_WORD) {
			c->s[ei] = (int)ti;
			c->e[ei] = (int)ti + 1;
			if (m_fwd(c, ei + 1, ti + 1))
				return true;
		}
		break;
	case E_CLASS:
	case E_GROUP: {
		const phrase_table *tab =
		    e->type == E_CLASS ? &S->classes : &S->grps;
		long cl = e->type == E_CLASS ? c->cls[ei] : -1;
		const uint32_t *list;
		uint32_t w;
		if (ti >= c->hi || ti >= tk->n || !word_tok(&tk->t[ti]))
			break;
		w = tk->t[ti].word;
		if (!w || w >= tab->idx.n_words || !(list = tab->idx.first[w]))
			break;
		for (uint32_t k = 0; k < list[0]; k++) {
			const phrase *ph = &tab->p[list[1 + k]];
			size_t i;
			if (cl >= 0 && ph->owner != (uint32_t)cl)
				continue;
			if (ti + ph->n > c->hi)
				continue;
			for (i = 1; i < ph->n; i++)
				if (!word_tok(&tk->t[ti + i]) ||
				    tk->t[ti + i].word != ph->w[i])
					break;
			if (i < ph->n)
				continue;
			c->s[ei] = (int)ti;
			c->e[ei] = (int)(ti + ph->n);
			c->q[ei] = ph->qual;
			if (e->type == E_GROUP)
				c->grp = (int)ph->owner;
			if (m_fwd(c, ei + 1, ti + ph->n))
				return true;
		}
		break;
	}
	case E_ENTITY:
		for (size_t k = 0; k < c->st->n_ms; k++) {
			const mention *mm = &c->st->ms[k];
			if (mm->s != ti || mm->e > c->hi)
				continue;
			c->s[ei] = (int)ti;
			c->e[ei] = (int)mm->e;
			if (m_fwd(c, ei + 1, mm->e))
				return true;
		}
		break;
	case E_HEAD: {
		size_t max = 0;
		/* "dozens of children", "hundreds of civilians". */
		if (c->anchor != SIZE_MAX && ti == c->anchor + 1 && ti < c->hi &&
		    word_tok(&tk->t[ti]) && tk->t[ti].word == c->st->S->w_of &&
		    c->st->in->nums->items[tk->t[c->anchor].num].qualifier ==
			FC_QUAL_VAGUE) {
			ti++;
		}
		while (max < MAX_HEAD && ti + max < c->hi &&
		       head_word(c, &tk->t[ti + max]))
			max++;
		for (size_t len = max + 1; len-- > 0;) {
			c->s[ei] = (int)ti;
			c->e[ei] = (int)(ti + len);
			if (m_fwd(c, ei + 1, ti + len))
				return true;
		}
		return false; /* the empty head was tried */
	}
	case E_GAP:
		for (size_t len = 0; len <= MAX_GAP && ti + len <= c->hi; len++) {
			if (len > 0) {
				const tok *t = &tk->t[ti + len - 1];
				if (is_break(t) || t->type == T_NUM)
					break;
			}
			c->s[ei] = (int)ti;
			c->e[ei] = (int)(ti + len);
			if (m_fwd(c, ei + 1, ti + len))
				return true;
		}
		return false;
	}
	if (e->optional) {
		c->s[ei] = c->e[ei] = (int)ti;
		c->q[ei] = -1;
		return m_fwd(c, ei + 1, ti);
	}
	return false;
}

/* Tries every way element `ei` can end at token `ti` (inclusive), then
 * the elements before it, leftwards. */
static bool m_back(mctx *c, long ei, long ti)
{
	const fr_set *S = c->st->S;
	const toks *tk = &c->st->tk;
	const elem *e;

	if (ei < 0)
		return true;
	e = &c->p->e[ei];
	c->q[ei] = -1;
	if (ti >= (long)c->lo) {
		const tok *t = &tk->t[ti];
		switch (e->type) {
		case E_NUM:
			break; /* only at the anchor, matched by the caller */
		case E_YEAR:
		case E_NONQ:
			if (t->type == T_NONQ &&
			    (e->type == E_NONQ || t->kind == FC_NUM_YEAR)) {
				c->s[ei] = (int)ti;
				c->e[ei] = (int)ti + 1;
				if (m_back(c, ei - 1, ti - 1))
					return true;
			}
			break;
		case E_QTY:
			if (t->type == T_NUM && (size_t)ti != c->anchor &&
			    qty_is(c, e, t)) {
				c->s[ei] = (int)ti;
				c->e[ei] = (int)ti + 1;
				if (m_back(c, ei - 1, ti - 1))
					return true;
			}
			break;
		case E_WORDS:
			if (word_tok(t))
				for (size_t k = 0; k < e->n_words; k++)
					if (t->word == e->words[k]) {
						c->s[ei] = (int)ti;
						c->e[ei] = (int)ti + 1;
						if (m_back(c, ei - 1, ti - 1))
							return true;
						break;
					}
			break;
		case E_ANY:
			if (t->type == T_WORD) {
				c->s[ei] = (int)ti;
				c->e[ei] = (int)ti + 1;
				if (m_back(c, ei - 1, ti - 1))
					return true;
			}
			break;
		case E_CLASS:
		case E_GROUP: {
			const phrase_table *tab =
			    e->type == E_CLASS ? &S->classes : &S->grps;
			long cl = e->type == E_CLASS ? c->cls[ei] : -1;
			const uint32_t *list;
			uint32_t w = t->word;
			if (!word_tok(t) || !w || w >= tab->idx.n_words ||
			    !(list = tab->idx.last[w]))
				break;
			for (uint32_t k = 0; k < list[0]; k++) {
				const phrase *ph = &tab->p[list[1 + k]];
				long first = ti - (long)ph->n + 1;
				size_t i;
				if (cl >= 0 && ph->owner != (uint32_t)cl)
					continue;
				if (first < (long)c->lo)
					continue;
				for (i = 0; i + 1 < ph->n; i++)
					if (!word_tok(&tk->t[first + (long)i]) ||
					    tk->t[first + (long)i].word != ph->w[i])
						break;
				if (i + 1 < ph->n)
					continue;
				c->s[ei] = (int)first;
				c->e[ei] = (int)ti + 1;
				c->q[ei] = ph->qual;
				if (e->type == E_GROUP)
					c->grp = (int)ph->owner;
				if (m_back(c, ei - 1, first - 1))
					return true;
			}
			break;
		}
		case E_ENTITY:
			for (size_t k = 0; k < c->st->n_ms; k++) {
				const mention *mm = &c->st->ms[k];
				if ((long)mm->e != ti + 1 || mm->s < c->lo)
					continue;
				c->s[ei] = (int)mm->s;
				c->e[ei] = (int)mm->e;
				if (m_back(c, ei - 1, (long)mm->s - 1))
					return true;
			}
			break;
		case E_HEAD:
			break; /* never left of the figure */
		case E_GAP:
			for (long len = 0; len <= MAX_GAP && ti - len + 1 >= (long)c->lo;
			     len++) {
				if (len > 0) {
					const tok *g = &tk->t[ti - len + 1];
					if (is_break(g) || g->type == T_NUM)
						break;
				}
				c->s[ei] = (int)(ti - len + 1);
				c->e[ei] = (int)ti + 1;
				if (m_back(c, ei - 1, ti - len))
					return true;
			}
			return false;
		}
	} else if (e->type == E_GAP) {
		c->s[ei] = c->e[ei] = (int)ti + 1;
		return m_back(c, ei - 1, ti);
	}
	if (e->optional) {
		c->s[ei] = c->e[ei] = (int)ti + 1;
		c->q[ei] = -1;
		return m_back(c, ei - 1, ti);
	}
	return false;
}

/* Matches pattern `p` (classes `cls`) anchored at the figure token `a`:
 * the part left of # ending just before it, the part right of it
 * starting just after. */
static bool match_at(mctx *c, size_t a)
{
	int an = c->p->anchor;

	c->anchor = a;
	c->grp = -1;
	c->s[an] = (int)a;
	c->e[an] = (int)a + 1;
	c->q[an] = -1;
	if (!m_back(c, an - 1, (long)a - 1))
		return false;
	return m_fwd(c, (size_t)an + 1, a + 1);
}

/* Matches a pattern without # starting anywhere in [lo, hi); with #,
 * anchored at `a`. */
static bool match_in(mctx *c, size_t a, size_t *at)
{
	if (c->p->anchor >= 0) {
		if (a == SIZE_MAX || a < c->lo || a >= c->hi)
			return false;
		*at = a;
		return match_at(c, a);
	}
	c->anchor = SIZE_MAX;
	for (size_t t = c->lo; t < c->hi; t++) {
		c->grp = -1;
		if (m_fwd(c, 0, t)) {
			*at = t;
			return true;
		}
	}
	return false;
}

/* A claim of the sentence read so far, for part frames and
 * coordination. */
struct sclaim {
	size_t anchor;   /* its figure's token */
	size_t result;   /* index into the results */
	const inst *in;
	mctx mc;         /* how its frame matched */
	int measure;
	size_t head_end; /* token after its head (or group) */
	size_t hs, he;   /* its counted noun phrase */
	size_t fs, fe;   /* the tokens its frame matched */
	long whole;      /* the sentence claim it is part of, or -1 */
};

/* ------------------------------------------------------------------ */
/* Entities of a span of text. */

/* Finds the entity mentions of tokens `tk`, the longest alias at each
 * place, and marks agents ("Israeli strikes", "by Israel") and war names
 * ("the Gaza war"). False when out of memory. */
static bool find_mentions(const fr_set *S, const toks *tk, mention **ms,
			  size_t *n, size_t *cap)
{
	size_t upper = 0, words = 0;
	bool caps_ok;

	/* In a sentence written in capitals, "ARE" is not the Emirates. */
	for (size_t t = 0; t < tk->n; t++)
		if (tk->t[t].type == T_WORD) {
			words++;
			upper += (tk->t[t].flags & TF_UPPER) != 0;
		}
	caps_ok = upper * 2 <= words || words < 2;
	*n = 0;
	for (size_t t = 0; t < tk->n;) {
		const phrase *ph = NULL;
		size_t len = phrase_fwd_caps(&S->ents, -1, tk, t, tk->n, &ph,
					     caps_ok);
		mention m;
		if (!len) {
			t++;
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.s = t;
		m.e = t + len;
		m.ent = ph->owner;
		m.akind = ph->akind;
		if (m.akind != AK_EVENT) {
			size_t after = m.e;
			bool poss = false;
			if (after < tk->n && word_tok(&tk->t[after]) &&
			    tk->t[after].word == S->w_poss) {
				after++;
				poss = true;
			}
			/* "Israeli strikes", "Israel's army", "Russian
			 * attack": who did it, not whose figure. A place's
			 * name before such a word is where it happened ("the
			 * Gaza operation", "Rafah strikes"). */
			if (after < tk->n && in_class(S, S->c_agent, &tk->t[after]) &&
			    (m.akind != AK_NAME || poss))
				m.role = MR_AGENT;
			else if (m.s > 0 && word_tok(&tk->t[m.s - 1]) &&
				 tk->t[m.s - 1].word == S->w_by)
				m.role = MR_AGENT;
			else if (m.e + 2 < tk->n && tk->t[m.e].type == T_PUNCT &&
				 !is_break(&tk->t[m.e]) &&
				 in_class(S, S->c_war, &tk->t[m.e + 2]))
				m.role = MR_PARTY; /* "the Israel-Hamas war" */
			else if (m.e < tk->n && in_class(S, S->c_war, &tk->t[m.e]))
				m.role = MR_WAR; /* "the Gaza war" */
		}
		if (!grow((void **)ms, cap, *n + 1, sizeof(mention)))
			return false;
		(*ms)[(*n)++] = m;
		t = m.e;
	}
	return true;
}

static bool is_ancestor(const fr_set *S, size_t a, size_t b)
{
	for (size_t p = S->entities[b].parent, k = 0;
	     p != NO_ENTITY && k <= S->n_entities; p = S->entities[p].parent, k++)
		if (p == a)
			return true;
	return false;
}

/* Of the candidates of rank `r`: the one entity left when those that
 * contain another are dropped; NO_ENTITY when none; *amb set (with the
 * two names) when several are left. */
static size_t decide(const fr_set *S, const cand *cs, size_t n, int r,
		     size_t *which, size_t *amb_other)
{
	size_t pick = NO_ENTITY, pi = 0;

	*amb_other = NO_ENTITY;
	for (size_t i = 0; i < n; i++) {
		bool contains = false;
		if (cs[i].rank != r)
			continue;
		for (size_t k = 0; k < n && !contains; k++)
			contains = cs[k].rank == r && cs[k].ent != cs[i].ent &&
				   is_ancestor(S, cs[i].ent, cs[k].ent);
		if (contains)
			continue;
		if (pick == NO_ENTITY) {
			pick = cs[i].ent;
			pi = i;
		} else if (pick != cs[i].ent) {
			*amb_other = cs[i].ent;
		}
	}
	*which = pi;
	return pick;
}

static const char *entity_name(const fr_set *S, size_t e)
{
	return S->entities[e].name ? S->entities[e].name : S->entities[e].id;
}

/* ------------------------------------------------------------------ */
/* Reading one claim. */

typedef struct reading {
	int measure;
	const inst *in;
	mctx mc;
	size_t anchor;
	bool part;          /* read by a part frame */
	const sclaim *whole; /* the claim it is part of, or NULL */
	/* what was found */
	size_t hs, he;      /* the counted noun phrase, tokens */
	int group;          /* group index, or -1 */
	size_t ent;
	cand ent_from;
	const char *ent_how;
	int qual;           /* implied qualifier, or -1 */
	size_t qual_tok;
	const char *period;
	size_t period_s, period_e; /* bytes of the words that said it */
	const exclusion *excl;
	size_t excl_s, excl_e;
	const char *unbound;  /* reason, static or in `reason` */
	int change;           /* a change frame's fc_change, decided */
	int change_dir;       /* +1, -1, 0 */
	bool per_day;         /* one day of a running total */
	int extreme;          /* of such days: FC_CHANGE_HIGHEST, LOWEST */
	char reason[400];
} reading;

/* "3:20" for a byte offset. */
static void where(const sent *st, size_t off, char *buf, size_t size)
{
	if (st->in->where)
		st->in->where(off, buf, size, st->in->where_ud);
	else
		snprintf(buf, size, "@%zu", off);
}

static int clause_of(const sent *st, size_t t)
{
	return t < st->tk.n ? st->clause[t] : -1;
}

/* The tokens an exclusion or marker may stand in for a reading: the
 * clauses of its figure and of its frame's words, with a fronted phrase
 * ("In the past 24 hours, ..."), or the whole sentence. */
static void scope_of(const sent *st, const reading *rd, bool sentence,
		     size_t *lo, size_t *hi)
{
	const toks *tk = &st->tk;
	size_t fs = rd->anchor, fe = rd->anchor + 1;
	int c1, c2;

	if (sentence) {
		*lo = 0;
		*hi = tk->n;
		return;
	}
	for (size_t i = 0; i < rd->in->f->pat.n; i++)
		if (rd->mc.e[i] > rd->mc.s[i]) {
			if ((size_t)rd->mc.s[i] < fs)
				fs = (size_t)rd->mc.s[i];
			if ((size_t)rd->mc.e[i] > fe)
				fe = (size_t)rd->mc.e[i];
		}
	c1 = clause_of(st, fs);
	c2 = clause_of(st, fe - 1);
	*lo = fs;
	*hi = fe;
	while (*lo > 0 && st->clause[*lo - 1] >= c1)
		(*lo)--;
	while (*hi < tk->n && st->clause[*hi] <= c2)
		(*hi)++;
	/* A fronted phrase, "In the past 24 hours, ...": the first clause,
	 * opening with a preposition and ending in a comma just before
	 * ours. */
	if (*lo > 1 && *lo < tk->n && st->clause[*lo - 1] == 0 && c1 == 1 &&
	    tk->t[*lo].type == T_PUNCT && tk->t[*lo].word == st->S->w_comma &&
	    (in_class(st->S, st->S->c_locative, &tk->t[0]) ||
	     in_class(st->S, find_class(st->S, "fronted"), &tk->t[0])))
		*lo = 0;
}

/* The tokens a frame's trigger words stand in: the elements that are the
 * measure's own words. */
static bool is_trigger_elem(const sent *st, const reading *rd, size_t i)
{
	int c = rd->mc.cls[i];

	return rd->in->f->pat.e[i].type == E_CLASS && c >= 0 &&
	       st->S->cls[c].measure >= 0;
}

static void frame_span(const reading *rd, size_t *fs, size_t *fe);

/* True if mention `m` stands just before a trigger of the reading, or is
 * its subject ("Gaza death toll", "Gaza's death toll", "Israel kills").
 * *verb is set when it is followed by the measure's verb. */
static bool before_trigger(const sent *st, const reading *rd,
			   const mention *m, bool *verb, bool *agent_verb)
{
	const toks *tk = &st->tk;
	size_t t = m->e, ta;

	size_t fs, fe, skipped = 0;
	bool appos = false;
	int aux = find_class(st->S, "aux");
	uint32_t w_a = vocab_find(&st->S->v, "a", 1),
		 w_an = vocab_find(&st->S->v, "an", 2);

	*verb = false;
	*agent_verb = false;
	if (t < tk->n && word_tok(&tk->t[t]) && tk->t[t].word == st->S->w_poss)
		t++;
	/* "Russian forces lost", "Israeli strikes killed": the people's
	 * forces stand for them. */
	if (t < tk->n && in_class(st->S, st->S->c_agent, &tk->t[t]))
		t++;
	/* "Russia has lost", "forces had destroyed" */
	ta = t;
	while (ta < tk->n && ta < t + 2 && in_class(st->S, aux, &tk->t[ta]))
		ta++;
	for (size_t i = 0; i < rd->in->f->pat.n; i++)
		if (is_trigger_elem(st, rd, i) && rd->mc.e[i] > rd->mc.s[i] &&
		    ((size_t)rd->mc.s[i] == t || (size_t)rd->mc.s[i] == ta)) {
			char name[64];
			const char *cn = st->S->cls[rd->mc.cls[i]].name;
			const char *colon = strrchr(cn, ':');
			snprintf(name, sizeof(name), "%s", colon ? colon + 1 : cn);
			*verb = strcmp(name, "verb") == 0;
			/* "destroyed", "shot down": its subject did it */
			for (int k = rd->mc.s[i]; *verb && k < rd->mc.e[i]; k++)
				*agent_verb = *agent_verb ||
					      in_class(st->S, st->S->c_destroy,
						       &tk->t[k]);
			return true;
		}
	/* Just before the frame's first word: "Japan's 124.5 million
	 * people", or its subject, "Germany has a population of". */
	frame_span(rd, &fs, &fe);
	if (m->e == fs && fs < rd->anchor)
		return true; /* the frame opens with its "'s" */
	/* or in apposition: "Sudan, home to", "Ukraine, a country of" */
	if (t < fs && tk->t[t].type == T_PUNCT && tk->t[t].word == st->S->w_comma) {
		t++;
		appos = true;
	}
	while (t < fs && skipped < 3 &&
	       (in_class(st->S, aux, &tk->t[t]) ||
		(word_tok(&tk->t[t]) &&
		 (tk->t[t].word == w_a || tk->t[t].word == w_an)))) {
		t++;
		skipped++;
	}
	return t == fs && fs < rd->anchor && m->e <= fs &&
	       (appos || clause_of(st, m->s) == clause_of(st, fs));
}

/* Mentions a sentence's attribution holds: "according to Gaza's health
 * ministry", "Ukraine's General Staff said". */
static bool in_attribution(const sent *st, const mention *m)
{
	const fr_set *S = st->S;
	const toks *tk = &st->tk;
	int c = clause_of(st, m->s);
	int c_acc = find_class(S, "according");

	/* A "say" word within six tokens after it, in its clause, no
	 * figure between. */
	for (size_t t = m->e; t < tk->n && t < m->e + 6; t++) {
		if (st->clause[t] != c || tk->t[t].type == T_NUM)
			break;
		if (phrase_fwd(&S->classes, S->c_say, tk, t, tk->n, NULL))
			return true;
	}
	/* "according to" (or a "say" word) just before it. */
	for (size_t k = 0; k < 6 && k < m->s; k++) {
		size_t t = m->s - 1 - k;
		if (st->clause[t] != c || tk->t[t].type == T_NUM)
			break;
		if (c_acc >= 0 && phrase_fwd(&S->classes, c_acc, tk, t, tk->n, NULL))
			return true;
		if (phrase_fwd(&S->classes, S->c_say, tk, t, tk->n, NULL))
			return true;
	}
	return false;
}

/* A dateline opening the sentence, "GAZA CITY, Nov 9 (Reuters) -" or
 * "RAFAH, Gaza Strip (AP) --": a place in capitals, then a date or an
 * agency in brackets, then a dash, within a dozen tokens. Its places say
 * where the story was filed, not whose figures it gives: they are
 * marked and left out. */
static void mark_dateline(const char *text, const toks *tk, mention *ms,
			  size_t n_ms)
{
	size_t dash = SIZE_MAX;
	bool date = false, caps = tk->n > 0 && (tk->t[0].flags & TF_UPPER);

	for (size_t t = 0; t < tk->n && t < 14 && caps; t++) {
		const tok *k = &tk->t[t];
		if (k->type == T_NONQ)
			date = true;
		if (k->type == T_PUNCT && text[k->start] == '(')
			date = true;
		if (k->type == T_NUM)
			return;
		if (k->type == T_PUNCT && is_break(k) &&
		    (text[k->start] == '-' || (unsigned char)text[k->start] == 0xE2)) {
			/* " - ", "--", an en or em dash */
			dash = t;
			break;
		}
	}
	if (dash == SIZE_MAX || !date)
		return;
	for (size_t i = 0; i < n_ms; i++)
		if (ms[i].e <= dash)
			ms[i].role = MR_DATELINE;
}

/* Entities named in a sentence of the context (the paragraph before, the
 * headline): every mention but agents and war names, at one rank. */
static bool context_read(const sent *st, size_t ss, size_t se,
			 size_t *ent, cand *from, bool *ambiguous,
			 size_t *other);
static void memo_put(sent *st, size_t ss, size_t se, bool ok, size_t ent,
		     const cand *from, bool amb, size_t other);

static bool context_entities(sent *st, size_t ss, size_t se, size_t *ent,
			     cand *from, bool *ambiguous, size_t *other)
{
	struct ctx_memo *m =
	    &st->memo[(ss * 31u + se) % (sizeof(st->memo) / sizeof(st->memo[0]))];

	if (!m->used || m->ss != ss || m->se != se) {
		cand f;
		size_t e, o;
		bool amb, ok;
		memset(&f, 0, sizeof(f));
		ok = context_read(st, ss, se, &e, &f, &amb, &o);
		memo_put(st, ss, se, ok, e, &f, amb, o);
	}
	*ent = m->ent;
	*ambiguous = m->amb;
	*other = m->other;
	if (m->ok && m->ent != NO_ENTITY) {
		from->ent = m->from_ent;
		from->start = m->from_start;
		from->end = m->from_end;
		from->rank = 0;
	}
	return m->ok;
}

/* The entity that the mentions `ms` of tokens `tk` name for a sentence
 * that follows them: every mention but agents, war names and datelines,
 * at one rank. */
static void context_decide(const sent *st, const toks *tk, const mention *ms,
			   size_t n, size_t *ent, cand *from, bool *ambiguous,
			   size_t *other)
{
	size_t nc = 0, which;
	cand cs[32];

	for (size_t i = 0; i < n && nc < 32; i++) {
		if (ms[i].role != MR_NONE)
			continue;
		cs[nc].ent = ms[i].ent;
		cs[nc].start = tk->t[ms[i].s].start;
		cs[nc].end = tk->t[ms[i].e - 1].end;
		cs[nc].rank = 0;
		nc++;
	}
	*ent = decide(st->S, cs, nc, 0, &which, other);
	*ambiguous = false;
	if (*ent != NO_ENTITY) {
		*from = cs[which];
		*ambiguous = *other != NO_ENTITY;
	}
}

/* Remembers what sentence [ss, se) says as context. */
static void memo_put(sent *st, size_t ss, size_t se, bool ok, size_t ent,
		     const cand *from, bool amb, size_t other)
{
	struct ctx_memo *m =
	    &st->memo[(ss * 31u + se) % (sizeof(st->memo) / sizeof(st->memo[0]))];

	m->ok = ok;
	m->ent = ent;
	m->amb = amb;
	m->other = other;
	m->from_ent = from->ent;
	m->from_start = from->start;
	m->from_end = from->end;
	m->ss = ss;
	m->se = se;
	m->used = true;
}

static bool context_read(const sent *st, size_t ss, size_t se,
			 size_t *ent, cand *from, bool *ambiguous,
			 size_t *other)
{
	toks tk = {0};
	mention *ms = NULL;
	size_t n = 0, cap = 0;
	bool ok = false;

	*ent = NO_ENTITY;
	*ambiguous = false;
	*other = NO_ENTITY;
	size_t lo = 0, hi = st->in->nums->count;

	/* The first figure at or after ss. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->in->nums->items[mid].start < ss)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!tokenize((vocab *)&st->S->v, false, st->in->text, ss, se,
		      st->in->nums, lo, &tk) ||
	    !find_mentions(st->S, &tk, &ms, &n, &cap))
		goto out;
	mark_dateline(st->in->text, &tk, ms, n);
	context_decide(st, &tk, ms, n, ent, from, ambiguous, other);
	ok = true;
out:
	free(tk.t);
	free(ms);
	return ok;
}

/* The paragraph's sentences before byte `ss`, nearest first, and the
 * headline: the first context that names an entity decides. */
static void context_lookup(sent *st, reading *rd)
{
	const char *text = st->in->text;
	size_t pos = st->ss, other;
	bool amb;
	cand from;
	size_t e;

	for (int k = 0; k < 12 && pos > 0; k++) {
		size_t p = pos, nl = 0, ps, pe;
		while (p > 0 && (unsigned char)text[p - 1] <= ' ') {
			if (text[p - 1] == '\n')
				nl++;
			p--;
		}
		if (p == 0 || nl >= 2)
			break; /* the paragraph begins here */
		st->in->host->sentence_at(text, st->in->len, p - 1, &ps, &pe);
		if (pe <= ps || ps >= pos)
			break;
		if (context_entities(st, ps, pe, &e, &from, &amb, &other) &&
		    e != NO_ENTITY) {
			if (st->S->entities[e].blocked) {
				rd->unbound = "no place or people the gazetteer "
					      "knows is named for it";
				return;
			}
			if (amb) {
				snprintf(rd->reason, sizeof(rd->reason),
					 "the sentence before it names both %s "
					 "and %s, and its own names neither",
					 entity_name(st->S, e),
					 entity_name(st->S, other));
				rd->unbound = rd->reason;
				return;
			}
			rd->ent = e;
			rd->ent_from = from;
			rd->ent_how = "in the paragraph before it";
			return;
		}
		pos = ps;
	}
	/* The headline: a first line of the text without a full stop. */
	{
		size_t a = 0, b;
		while (a < st->in->len && (unsigned char)text[a] <= ' ')
			a++;
		b = a;
		while (b < st->in->len && text[b] != '\n')
			b++;
		while (b > a && (unsigned char)text[b - 1] <= ' ')
			b--;
		if (b > a && b - a <= 300 && text[b - 1] != '.' && b <= st->ss &&
		    context_entities(st, a, b, &e, &from, &amb, &other) &&
		    e != NO_ENTITY) {
			if (amb) {
				snprintf(rd->reason, sizeof(rd->reason),
					 "its sentence names no place or people, "
					 "and the headline names both %s and %s",
					 entity_name(st->S, e),
					 entity_name(st->S, other));
				rd->unbound = rd->reason;
				return;
			}
			rd->ent = e;
			rd->ent_from = from;
			rd->ent_how = "in the headline";
		}
	}
}

static void reading_init(reading *rd, size_t anchor);

/* Whether the line before the one starting at `a` (after a newline)
 * is blank: a paragraph starts at `a`. */
static bool after_blank_line(const char *t, size_t a)
{
	size_t p = a - 1; /* the newline */

	while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\r'))
		p--;
	return p == 0 || t[p - 1] == '\n';
}

/* The paragraph holding byte `at`: sets [*start, *end). A paragraph
 * ends at a blank line. */
static void para_bounds(const fr_input *in, size_t at, size_t *start,
			size_t *end)
{
	const char *t = in->text;
	size_t a = at, b = at;

	while (a > 0 && !(t[a - 1] == '\n' && after_blank_line(t, a)))
		a--;
	for (; b < in->len; b++) {
		size_t p = b + 1;
		if (t[b] != '\n')
			continue;
		while (p < in->len &&
		       (t[p] == ' ' || t[p] == '\t' || t[p] == '\r'))
			p++;
		if (p >= in->len || t[p] == '\n')
			break; /* the next line is blank */
	}
	*start = a;
	*end = b;
}

/* Whether [a, b) of the text holds one of the measure's context words,
 * compared case-insensitively. */
static bool context_in(const char *t, size_t a, size_t b, const measure_t *me)
{
	for (size_t k = 0; k < me->n_context; k++) {
		size_t n = strlen(me->context[k]);
		for (size_t i = a; n > 0 && i + n <= b; i++)
			if (strncasecmp(t + i, me->context[k], n) == 0)
				return true;
	}
	return false;
}

/* Whether a measure's context is near the sentence: in its paragraph or
 * in the headline (the text's first line without a full stop). One
 * mention of "COVID-19" further down a story on a war does not turn
 * its tolls into the pandemic's. */
static bool context_near(const sent *st, const measure_t *me)
{
	const fr_input *in = st->in;
	size_t h = 0, he;

	if (context_in(in->text, st->ctx_para, st->ctx_para_end, me))
		return true;
	while (h < in->len && (unsigned char)in->text[h] <= ' ')
		h++;
	he = h;
	while (he < in->len && in->text[he] != '\n')
		he++;
	return he > h && he - h <= 300 && context_in(in->text, h, he, me);
}

/* The entity of a figure whose sentence names none, from its context:
 * looked up once per sentence. */
static void entity_from_context(sent *st, reading *rd)
{
	if (!st->ctx_done) {
		reading tmp;
		reading_init(&tmp, rd->anchor);
		context_lookup(st, &tmp);
		st->ctx_ent = tmp.ent;
		st->ctx_from = tmp.ent_from;
		st->ctx_how = tmp.ent_how;
		st->ctx_unbound = tmp.unbound;
		if (tmp.unbound == tmp.reason) {
			memcpy(st->ctx_reason, tmp.reason, sizeof(st->ctx_reason));
			st->ctx_unbound = st->ctx_reason;
		}
		st->ctx_done = true;
	}
	if (st->ctx_unbound == st->ctx_reason) {
		memcpy(rd->reason, st->ctx_reason, sizeof(rd->reason));
		rd->unbound = rd->reason;
	} else if (st->ctx_unbound) {
		rd->unbound = st->ctx_unbound;
	} else if (st->ctx_ent != NO_ENTITY) {
		rd->ent = st->ctx_ent;
		rd->ent_from = st->ctx_from;
		rd->ent_how = st->ctx_how;
	}
}

/* Who or where the claim is about. Sets rd->ent, or rd->unbound. */
static void resolve_entity(sent *st, reading *rd)
{
	const fr_set *S = st->S;
	const toks *tk = &st->tk;
	const measure_t *m = &S->measures[rd->measure];
	cand cs[64];
	size_t nc = 0, which, other;
	static const char *const how[] = {"",
					  "the counted noun",
					  "the subject of the measure's verb",
					  "beside the measure word",
					  "in the sentence",
					  "in the attribution"};
	int ca = clause_of(st, rd->anchor);

	rd->ent = NO_ENTITY;
	for (size_t i = 0; i < st->n_ms && nc < 64; i++) {
		const mention *mm = &st->ms[i];
		bool verb = false, agent_verb = false, beside;
		int rank;

		/* An agent ("Israeli strikes") is who did it, not whose
		 * figure; but where the subject is whose figure, so is the
		 * owner ("Russian tank losses", "Russia's tanks"). */
		if (((mm->role == MR_AGENT && !m->subject_is_entity) ||
		     mm->role == MR_PARTY || mm->role == MR_DATELINE) &&
		    !(mm->s >= rd->hs && mm->e <= rd->he && rd->he > rd->hs))
			continue;
		beside = before_trigger(st, rd, mm, &verb, &agent_verb);
		/* "Israel kills": the agent; but "the war in Gaza has
		 * killed" is a place. */
		if (verb && mm->s > 0 &&
		    in_class(S, S->c_locative, &tk->t[mm->s - 1]))
			verb = false;
		else if (verb && mm->s > 1 &&
			 tk->t[mm->s - 1].word == vocab_find(&S->v, "the", 3) &&
			 in_class(S, S->c_locative, &tk->t[mm->s - 2]))
			verb = false;
		/* The subject of "lost" is whose figure; of "destroyed", who
		 * did it. */
		if (verb && (!m->subject_is_entity || agent_verb))
			continue;
		if (mm->s >= rd->hs && mm->e <= rd->he && rd->he > rd->hs)
			rank = 1;
		else if (verb) /* "Russia has lost": whose figure it is */
			rank = 2;
		else if (beside)
			rank = 3;
		else if (mm->role == MR_WAR)
			rank = 5;
		else {
			bool in_frame = false, loc = false;
			for (size_t k = 0; k < rd->in->f->pat.n && !in_frame; k++)
				in_frame = rd->mc.e[k] > rd->mc.s[k] &&
					   mm->s >= (size_t)rd->mc.s[k] &&
					   mm->e <= (size_t)rd->mc.e[k] &&
					   rd->in->f->pat.e[k].type != E_HEAD;
			/* "in Gaza", "across the Gaza Strip", in the
			 * claim's clause. */
			if (mm->s > 0 && clause_of(st, mm->s) == ca) {
				size_t t = mm->s - 1;
				if (word_tok(&tk->t[t]) && t > 0 &&
				    tk->t[t].word == vocab_find(&S->v, "the", 3))
					t--;
				loc = in_class(S, S->c_locative, &tk->t[t]);
			}
			if (in_frame || loc ||
			    (mm->akind == AK_EVENT && clause_of(st, mm->s) == ca))
				rank = 3;
			else if (in_attribution(st, mm))
				rank = 5;
			else
				rank = 4;
		}
		cs[nc].ent = mm->ent;
		cs[nc].start = tk->t[mm->s].start;
		cs[nc].end = tk->t[mm->e - 1].end;
		cs[nc].rank = rank;
		nc++;
	}
	for (int r = 1; r <= 5 && rd->ent == NO_ENTITY; r++) {
		size_t e = decide(S, cs, nc, r, &which, &other);
		if (e == NO_ENTITY)
			continue;
		if (other != NO_ENTITY) {
			snprintf(rd->reason, sizeof(rd->reason),
				 "it could be about %s or %s: both are named %s",
				 entity_name(S, e), entity_name(S, other), how[r]);
			rd->unbound = rd->reason;
			return;
		}
		rd->ent = e;
		rd->ent_from = cs[which];
		rd->ent_how = how[r];
	}
	if (rd->ent != NO_ENTITY && S->entities[rd->ent].blocked) {
		snprintf(rd->reason, sizeof(rd->reason),
			 "it is about %.*s, which the gazetteer holds no figures "
			 "for",
			 (int)(rd->ent_from.end - rd->ent_from.start),
			 st->in->text + rd->ent_from.start);
		rd->unbound = rd->reason;
		rd->ent = NO_ENTITY;
		return;
	}
	if (rd->ent == NO_ENTITY) {
		entity_from_context(st, rd);
		if (rd->unbound)
			return;
		if (rd->ent == NO_ENTITY) {
			rd->unbound = "no place or people is named for it (in its "
				      "sentence, the paragraph before it or the "
				      "headline)";
			return;
		}
	}
	/* "Palestinians ... in the West Bank": a part of the entity named in
	 * the sentence is more precise. */
	{
		size_t best = NO_ENTITY;
		bool several = false;
		for (size_t i = 0; i < nc; i++) {
			if (cs[i].rank > 4 || !is_ancestor(S, rd->ent, cs[i].ent))
				continue;
			if (best == NO_ENTITY || is_ancestor(S, best, cs[i].ent)) {
				best = cs[i].ent;
				which = i;
			} else if (best != cs[i].ent && !is_ancestor(S, cs[i].ent, best))
				several = true;
		}
		if (best != NO_ENTITY && !several) {
			rd->ent = best;
			rd->ent_from = cs[which];
			rd->ent_how = "in the sentence, a part of the place or "
				      "people named";
		}
	}
}

static void frame_span(const reading *rd, size_t *fs, size_t *fe);

/* The counted noun phrase: a group, the people, or a reason not to
 * bind. */
static void read_head(const sent *st, reading *rd)
{
	const fr_set *S = st->S;
	const toks *tk = &st->tk;
	const measure_t *m = &S->measures[rd->measure];
	size_t hs = rd->hs, he = rd->he;

	if (rd->group < 0 && he > hs) {
		/* The longest group phrase that ends the head. */
		for (size_t t = hs; t < he && rd->group < 0; t++) {
			const phrase *ph = NULL;
			if (phrase_fwd(&S->grps, -1, tk, t, he, &ph) == he - t)
				rd->group = (int)ph->owner;
		}
	}
	if (rd->group < 0 && he == hs && rd->in && !rd->whole) {
		/* No counted noun: a group among the frame's own words or
		 * just before them, "losses in personnel passed 400,000",
		 * "Russian tank losses rose to 6,534". */
		size_t fs, fe, from;
		frame_span(rd, &fs, &fe);
		from = fs > 3 ? fs - 3 : 0;
		while (from < fs && clause_of(st, from) != clause_of(st, fs))
			from++;
		for (size_t t = from; t < fe && rd->group < 0; t++) {
			const phrase *ph = NULL;
			if (t != rd->anchor &&
			    phrase_fwd(&S->grps, -1, tk, t, fe, &ph) &&
			    ph->owner < S->n_groups) {
				bool allowed = false;
				for (size_t k = 0; k < m->n_groups; k++)
					allowed = allowed || m->groups[k] == ph->owner;
				if (allowed)
					rd->group = (int)ph->owner;
			}
		}
	}
	for (size_t k = 0; k < m->n_exclude_heads && he > hs; k++) {
		mctx c;
		size_t at;
		int cls[MAX_ELEMS];
		memset(&c, 0, sizeof(c));
		c.st = st;
		c.p = &m->exclude_heads[k].pat;
		for (size_t i = 0; i < c.p->n; i++)
			cls[i] = c.p->e[i].cls;
		c.cls = cls;
		c.measure = -1;
		c.lo = hs;
		c.hi = he;
		if (match_in(&c, SIZE_MAX, &at)) {
			rd->unbound = m->exclude_heads[k].reason;
			return;
		}
	}
	if (rd->group >= 0) {
		bool allowed = false;
		for (size_t k = 0; k < m->n_groups; k++)
			allowed = allowed || m->groups[k] == (size_t)rd->group;
		if (!allowed) {
			snprintf(rd->reason, sizeof(rd->reason),
				 "it counts %s, which %s does not give by "
				 "itself",
				 S->groups[rd->group].id, m->id);
			rd->unbound = rd->reason;
		}
		return;
	}
	if (he > hs) {
		const tok *last = &tk->t[he - 1];
		bool people = in_class(S, S->c_people, last);
		/* "Palestinians", "Palestinian deaths": a people. */
		for (size_t i = 0; i < st->n_ms && !people; i++)
			people = st->ms[i].e == he && st->ms[i].s >= hs &&
				 st->ms[i].akind != AK_EVENT;
		if (!people) {
			snprintf(rd->reason, sizeof(rd->reason),
				 "it counts \"%.*s\", which %s does not name",
				 (int)(last->end - tk->t[hs].start),
				 st->in->text + tk->t[hs].start, m->id);
			rd->unbound = rd->reason;
			return;
		}
		if (!m->people) {
			snprintf(rd->reason, sizeof(rd->reason),
				 "it counts people, and %s counts only its "
				 "groups",
				 m->id);
			rd->unbound = rd->reason;
			return;
		}
	}
	if (m->require_group) {
		snprintf(rd->reason, sizeof(rd->reason),
			 "it names none of %s's groups", m->id);
		rd->unbound = rd->reason;
	}
}

static bool excl_applies(const fr_set *S, const exclusion *x, const measure_t *m)
{
	bool pack_has_measures = false;

	if (x->cumulative_only && !m->cumulative)
		return false;
	if (x->pack == m->pack)
		return true;
	for (size_t i = 0; i < S->n_measures && !pack_has_measures; i++)
		pack_has_measures = S->measures[i].pack == x->pack;
	return !pack_has_measures;
}

/* Runs pattern `p` over [lo, hi); true and the bytes it covered when it
 * matches. */
static bool pattern_hit(const sent *st, const pattern *p, size_t anchor,
			size_t lo, size_t hi, size_t *bs, size_t *be)
{
	mctx c;
	size_t at, first = SIZE_MAX, last = 0;
	int cls[MAX_ELEMS];

	if (!st->pat_ok[p->slot])
		st->pat_ok[p->slot] =
		    need_met(p->need, p->n_need, &st->words) ? 2 : 1;
	if (st->pat_ok[p->slot] == 1)
		return false;
	memset(&c, 0, sizeof(c));
	c.st = st;
	c.p = p;
	for (size_t i = 0; i < p->n; i++)
		cls[i] = p->e[i].cls;
	c.cls = cls;
	c.measure = -1;
	c.lo = lo;
	c.hi = hi;
	if (!match_in(&c, anchor, &at))
		return false;
	for (size_t i = 0; i < p->n; i++)
		if (c.e[i] > c.s[i]) {
			if ((size_t)c.s[i] < first)
				first = (size_t)c.s[i];
			if ((size_t)c.e[i] > last)
				last = (size_t)c.e[i];
		}
	if (first == SIZE_MAX)
		first = last = at;
	*bs = st->tk.t[first].start;
	*be = st->tk.t[last > first ? last - 1 : first].end;
	return true;
}

/* The period: an exclusion, or a running total, or unstated. */
/* Looks for the measure's exclusions around the claim. A level: sets
 * rd->period (an exclusion's id, "one day", "cumulative" or "unstated")
 * and, when an exclusion holds, rd->excl and rd->unbound. A change
 * (`change`): only the exclusions that say what is counted (another
 * cause, another population, a condition), not those about the running
 * total's periods, which a change's reference point already reads;
 * rd->period is left alone unless one holds. */
static void read_exclusions(const sent *st, reading *rd, bool change)
{
	const fr_set *S = st->S;
	const measure_t *m = &S->measures[rd->measure];
	const char *ent_id = rd->ent != NO_ENTITY ? S->entities[rd->ent].id : "";

	for (size_t i = 0; i < S->n_excl; i++) {
		const exclusion *x = &S->excl[i];
		size_t lo, hi, bs, be, ubs, ube;
		bool skip = false;
		/* A day's count is read; the running total's own periods
		 * say no more of it. */
		if (!excl_applies(S, x, m) ||
		    (rd->per_day && x->cumulative_only && !x->per_day) ||
		    (change && (x->cumulative_only || x->per_day)))
			continue;
		for (size_t k = 0; k < x->n_unless_entity && !skip; k++)
			skip = strcmp(x->unless_entity[k], ent_id) == 0 ||
			       (rd->ent != NO_ENTITY &&
				S->entities[rd->ent].parent != NO_ENTITY &&
				strcmp(x->unless_entity[k],
				       S->entities[S->entities[rd->ent].parent].id) == 0);
		if (skip)
			continue;
		scope_of(st, rd, x->sentence, &lo, &hi);
		/* A toll read whole ("the toll passed 400,000 this week"):
		 * a time after it dates the total; only one within the frame
		 * ("the toll in the past 24 hours rose to 285") says it
		 * counts a period. */
		if (x->cumulative_only && rd->in->f->cumulative)
			frame_span(rd, &lo, &hi);
		for (size_t k = 0; k < x->n_phrases; k++) {
			if (!pattern_hit(st, &x->phrases[k], rd->anchor, lo, hi,
					 &bs, &be))
				continue;
			for (size_t u = 0; u < x->n_unless && !skip; u++)
				skip = pattern_hit(st, &x->unless[u], rd->anchor,
						   lo, hi, &ubs, &ube);
			if (skip)
				break;
			rd->excl = x;
			rd->excl_s = bs;
			rd->excl_e = be;
			/* A day of a running total is the day's rise of its
			 * series: bound, checked by difference. */
			if (x->per_day && m->cumulative) {
				rd->per_day = true;
				if (x->extreme)
					rd->extreme = x->extreme;
				break;
			}
			rd->period = x->id;
			rd->unbound = x->reason;
			return;
		}
	}
	if (change)
		return;
	if (rd->per_day) {
		rd->period = rd->extreme ? "one day, an extreme of the days"
					 : "one day";
		return;
	}
	if (rd->in->f->cumulative) {
		rd->period = "cumulative";
		for (size_t i = 0; i < rd->in->f->pat.n; i++)
			if (is_trigger_elem(st, rd, i)) {
				rd->period_s = st->tk.t[rd->mc.s[i]].start;
				rd->period_e = st->tk.t[rd->mc.e[i] - 1].end;
				break;
			}
		return;
	}
	{
		size_t lo, hi, bs, be;
		scope_of(st, rd, false, &lo, &hi);
		for (size_t k = 0; k < S->n_cumul; k++)
			if (pattern_hit(st, &S->cumul[k], rd->anchor, lo, hi, &bs,
					&be)) {
				rd->period = "cumulative";
				rd->period_s = bs;
				rd->period_e = be;
				return;
			}
	}
	rd->period = "unstated";
}

static void read_period(const sent *st, reading *rd)
{
	read_exclusions(st, rd, false);
}

/* ------------------------------------------------------------------ */
/* Results. */

static const char *entity_key(const fr_set *S, const measure_t *m, size_t e)
{
	for (size_t i = 0; i < S->n_keys; i++) {
		const pack_keys *pk = &S->keys[i];
		if (strcmp(pk->pack, m->pack_name) != 0)
			continue;
		for (size_t k = 0; k < pk->n; k++)
			if (strcmp(pk->from[k], S->entities[e].id) == 0)
				return pk->to[k];
	}
	return S->entities[e].id;
}

/* "\"death toll\" at 3:20" into buf. */
static void quote_at(const sent *st, size_t bs, size_t be, char *buf,
		     size_t size)
{
	char w[32];

	where(st, bs, w, sizeof(w));
	if (be - bs > 120)
		be = bs + 120;
	snprintf(buf, size, "\"%.*s\" at %s", (int)(be - bs), st->in->text + bs,
		 w);
}

static void tok_quote(const sent *st, size_t ts, size_t te, char *buf,
		      size_t size)
{
	quote_at(st, st->tk.t[ts].start, st->tk.t[te - 1].end, buf, size);
}

static fc_status emit(sent *st, reading *rd, fr_results *out)
{
	const fr_set *S = st->S;
	const fr_input *in = st->in;
	const measure_t *m = rd->measure >= 0 ? &S->measures[rd->measure] : NULL;
	const tok *at = &st->tk.t[rd->anchor];
	fr_result r;
	char q[300];

	memset(&r, 0, sizeof(r));
	r.num = at->num;
	r.sent_start = st->ss;
	r.sent_end = st->se;
	if (at->type == T_MULT) {
		/* "doubled": the ratio it says, exact as a word is. */
		double v = S->mult_values[at->num];
		r.num = SIZE_MAX;
		r.number.start = r.number.value_start = at->start;
		r.number.end = at->end;
		r.number.value = r.number.value2 = v < 1 ? 1 / v : v;
		r.number.kind = FC_NUM_MULTIPLE;
		r.number.flags = FC_NUMF_WORDS;
		in->host->number_set_bounds(&r.number, in->nopts);
	} else {
		r.number = in->nums->items[at->num];
	}
	r.change = rd->in && rd->in->f->kind == FK_CHANGE ? rd->change
							  : FC_CHANGE_NONE;
	r.change_dir = r.change ? rd->change_dir : 0;
	if (rd->per_day && !r.change) {
		r.per_day = true;
		r.change = rd->extreme;
	}
	if (r.change == FC_CHANGE_RELATIVE &&
	    r.number.kind == FC_NUM_FRACTION) {
		/* "fell by a tenth": about ten per cent. */
		r.number.value *= 100;
		r.number.value2 *= 100;
		r.number.kind = FC_NUM_PERCENT;
		r.number.precision = 5;
		r.number.flags |= FC_NUMF_APPROX;
		in->host->number_set_bounds(&r.number, in->nopts);
	}
	r.measure = rd->measure >= 0 ? (size_t)rd->measure : (size_t)-1;
	r.rule_id = m ? m->id : NULL;
	r.severity = m ? m->severity : FC_SEVERITY_INFO;
	r.tolerance = m ? m->tolerance : 0;
	r.measure_key = m ? m->key : NULL;
	r.running_total = m && m->cumulative;
	r.group = rd->group >= 0 ? S->groups[rd->group].key : NULL;
	r.period = rd->period;
	if (rd->qual >= 0 && r.number.qualifier == FC_QUAL_NONE) {
		r.number.qualifier = (fc_qualifier)rd->qual;
		in->host->number_set_bounds(&r.number, in->nopts);
	}
	r.entity_elsewhere = rd->ent != NO_ENTITY &&
			     (rd->ent_from.start < st->ss ||
			      rd->ent_from.start >= st->se);
	if (rd->ent != NO_ENTITY && !(r.entity = dup(S->entities[rd->ent].id)))
		return FC_ERR_NOMEM;
	if (!rd->unbound && m && rd->ent != NO_ENTITY) {
		const char *ek = entity_key(S, m, rd->ent);
		size_t n = strlen(ek) + strlen(m->key) + 2 +
			   (r.group ? strlen(r.group) + 1 : 0);
		if (!(r.metric = malloc(n)))
			goto nomem;
		snprintf(r.metric, n, "%s.%s%s%s", ek, m->key, r.group ? "." : "",
			 r.group ? r.group : "");
		if (m->cumulative && rd->period &&
		    strcmp(rd->period, "unstated") == 0)
			r.partial_below = m->partial_below;
	} else if (!(r.unbound_reason = dup(rd->unbound ? rd->unbound
							: "no measure read it")))
		goto nomem;
	if (in->explain) {
		sbuf b = {0};
		if (rd->in) {
			sb_printf(&b, "frame: %s [%s]\n", rd->in->f->pat.src,
				  rd->in->f->id);
			for (size_t i = 0; i < rd->in->f->pat.n; i++)
				if (is_trigger_elem(st, rd, i) &&
				    rd->mc.e[i] > rd->mc.s[i]) {
					tok_quote(st, (size_t)rd->mc.s[i],
						  (size_t)rd->mc.e[i], q, sizeof(q));
					sb_printf(&b, "measure: %s, from %s\n",
						  m->id, q);
					break;
				} else if (i + 1 == rd->in->f->pat.n && m) {
					sb_printf(&b, "measure: %s%s\n", m->id,
						  rd->whole ? ", from the figure "
							      "it is part of"
							    : "");
				}
		}
		if (r.change)
			sb_printf(&b, "change: %s, %s\n",
				  fc_change_name((fc_change)r.change),
				  r.change_dir > 0   ? "up"
				  : r.change_dir < 0 ? "down"
						     : "no direction said");
		if (rd->qual >= 0 && r.number.qualifier == (fc_qualifier)rd->qual &&
		    at->type != T_MULT &&
		    in->nums->items[at->num].qualifier == FC_QUAL_NONE) {
			tok_quote(st, rd->qual_tok, rd->qual_tok + 1, q, sizeof(q));
			sb_printf(&b, "qualifier: %s, implied by the frame's %s\n",
				  fc_qualifier_name((fc_qualifier)rd->qual), q);
		}
		if (rd->group >= 0) {
			sb_printf(&b, "group: %s", S->groups[rd->group].id);
			if (rd->he > rd->hs) {
				tok_quote(st, rd->hs, rd->he, q, sizeof(q));
				sb_printf(&b, ", from %s", q);
			}
			sb_printf(&b, "\n");
		} else if (rd->he > rd->hs) {
			tok_quote(st, rd->hs, rd->he, q, sizeof(q));
			sb_printf(&b, "counts: %s\n", q);
		}
		if (rd->whole) {
			const fr_result *w = &out->items[rd->whole->result];
			const fc_number *wn = &in->nums->items[w->num];
			quote_at(st, wn->start, wn->end, q, sizeof(q));
			sb_printf(&b, "part of: %s (%s)\n", q,
				  w->metric ? w->metric : "not bound");
		}
		if (rd->ent != NO_ENTITY) {
			quote_at(st, rd->ent_from.start, rd->ent_from.end, q,
				 sizeof(q));
			sb_printf(&b, "entity: %s, from %s (%s)\n",
				  S->entities[rd->ent].id, q, rd->ent_how);
		}
		if (rd->excl) {
			quote_at(st, rd->excl_s, rd->excl_e, q, sizeof(q));
			sb_printf(&b, "exclusion: %s, from %s\n", rd->excl->id, q);
		} else if (rd->period && strcmp(rd->period, "cumulative") == 0 &&
			   rd->period_e > rd->period_s) {
			quote_at(st, rd->period_s, rd->period_e, q, sizeof(q));
			sb_printf(&b, "period: cumulative, from %s\n", q);
		} else if (rd->period) {
			sb_printf(&b, "period: %s", rd->period);
			if (r.partial_below > 0)
				sb_printf(&b,
					  " (a figure below %g%% of the record in "
					  "force is read as a count over part of "
					  "the period)",
					  100.0 * r.partial_below);
			sb_printf(&b, "\n");
		}
		if (r.metric)
			sb_printf(&b, "metric: %s\n", r.metric);
		else
			sb_printf(&b, "not bound: %s\n", r.unbound_reason);
		if (b.n && b.s[b.n - 1] == '\n')
			b.s[--b.n] = 0;
		if (!(r.explain = sb_take(&b)))
			goto nomem;
	}
	if (!grow((void **)&out->items, &out->cap, out->n + 1, sizeof(fr_result)))
		goto nomem;
	out->items[out->n++] = r;
	return FC_OK;
nomem:
	free(r.metric);
	free(r.unbound_reason);
	free(r.entity);
	free(r.explain);
	return FC_ERR_NOMEM;
}

/* Fills the parts of a reading that a frame matched: the head, the
 * group, the implied qualifier. */
static void from_match(const sent *st, reading *rd)
{
	const pattern *p = &rd->in->f->pat;

	rd->hs = rd->he = 0;
	rd->group = rd->mc.grp;
	rd->qual = -1;
	for (size_t i = 0; i < p->n; i++) {
		if ((p->e[i].type == E_HEAD || p->e[i].type == E_GROUP) &&
		    rd->mc.e[i] > rd->mc.s[i]) {
			rd->hs = (size_t)rd->mc.s[i];
			rd->he = (size_t)rd->mc.e[i];
		}
		if (rd->mc.q[i] >= 0 && rd->qual < 0) {
			rd->qual = rd->mc.q[i];
			rd->qual_tok = (size_t)rd->mc.s[i];
		}
	}
	(void)st;
}

static bool conj_tok(const sent *st, size_t t);

/* The tokens [fs, fe) the reading's frame matched. */
static void frame_span(const reading *rd, size_t *fs, size_t *fe)
{
	*fs = rd->anchor;
	*fe = rd->anchor + 1;
	for (size_t i = 0; i < rd->in->f->pat.n; i++)
		if (rd->mc.e[i] > rd->mc.s[i]) {
			if ((size_t)rd->mc.s[i] < *fs)
				*fs = (size_t)rd->mc.s[i];
			if ((size_t)rd->mc.e[i] > *fe)
				*fe = (size_t)rd->mc.e[i];
		}
}

/* Completes a reading (its parts, its entity, its period) and emits it;
 * remembers it as a claim of the sentence. */
/* Reads the parts of a matched reading: its head, its entity, its
 * period; sets rd->unbound when it cannot be bound. */
static void settle(sent *st, reading *rd, fr_results *out)
{
	size_t fs, fe;

	rd->ent = NO_ENTITY;
	from_match(st, rd);
	if (rd->whole) {
		/* A part: the whole's entity and period, or its reason. */
		const fr_result *w = &out->items[rd->whole->result];
		if (rd->measure < 0)
			rd->measure = (int)w->measure;
		if (rd->in->f->kind == FK_CHANGE) {
			/* The change of the claim before: its group too. */
			rd->group = -1;
			for (size_t g = 0; w->group && g < st->S->n_groups; g++)
				if (strcmp(st->S->groups[g].key, w->group) == 0)
					rd->group = (int)g;
		} else {
			read_head(st, rd);
		}
		if (w->entity)
			rd->ent = find_entity(st->S, w->entity);
		if (!rd->unbound && !w->metric) {
			snprintf(rd->reason, sizeof(rd->reason),
				 "it is part of a figure that is not checked: %s",
				 w->unbound_reason ? w->unbound_reason : "");
			rd->unbound = rd->reason;
		}
		rd->period = w->period;
		if (rd->in->f->kind == FK_CHANGE)
			rd->period = "change";
		if (rd->ent != NO_ENTITY) {
			const fc_number *wn = &st->in->nums->items[w->num];
			rd->ent_from.start = wn->start;
			rd->ent_from.end = wn->end;
			rd->ent_how = "the figure it is part of";
		}
	} else {
		frame_span(rd, &fs, &fe);
		/* "4,119 students killed, 7,536 injured": a figure without
		 * its own noun, right after another claim, shares its noun. */
		if (rd->he == rd->hs && rd->in->f->kind == FK_LEVEL)
			for (size_t i = st->n_sc; i-- > 0;) {
				const sclaim *p = &st->sc[i];
				bool conj = p->fe <= fs && p->he > p->hs;
				for (size_t t = p->fe; conj && t < fs; t++)
					conj = conj_tok(st, t);
				if (conj && p->fe < fs) {
					rd->hs = p->hs;
					rd->he = p->he;
					rd->group = -1;
				}
				break;
			}
		read_head(st, rd);
		if (!rd->unbound) {
			/* An exclusion says more than a missing place: look
			 * for one even when the entity is not known. */
			resolve_entity(st, rd);
			if (rd->unbound) {
				const char *why = rd->unbound;
				char saved[sizeof(rd->reason)];
				if (why == rd->reason) {
					memcpy(saved, rd->reason, sizeof(saved));
					why = saved;
				}
				rd->unbound = NULL;
				rd->ent = NO_ENTITY;
				read_exclusions(st, rd,
						rd->in->f->kind == FK_CHANGE);
				/* A day's count is still a claim whose place is
				 * missing. */
				if (!rd->excl || rd->per_day) {
					if (why == saved) {
						memcpy(rd->reason, saved,
						       sizeof(saved));
						why = rd->reason;
					}
					rd->unbound = why;
					rd->period = NULL;
				}
			} else if (rd->in->f->kind == FK_CHANGE) {
				/* A change's period is its reference point,
				 * which the core reads; what it counts may
				 * still be something else ("elephant
				 * population", "road deaths"). */
				rd->period = "change";
				read_exclusions(st, rd, true);
			} else {
				read_period(st, rd);
			}
		}
		if (!rd->unbound && rd->ent != NO_ENTITY &&
		    st->S->entities[rd->ent].locality) {
			const entity *e = &st->S->entities[rd->ent];
			snprintf(rd->reason, sizeof(rd->reason),
				 "it counts one place, %s%s%s, not the whole",
				 entity_name(st->S, rd->ent),
				 e->parent != NO_ENTITY ? ", within " : "",
				 e->parent != NO_ENTITY
				     ? entity_name(st->S, e->parent)
				     : "");
			rd->unbound = rd->reason;
			rd->period = "one-place";
		}
		if (!rd->unbound && rd->ent != NO_ENTITY && rd->measure >= 0) {
			const measure_t *m = &st->S->measures[rd->measure];
			bool ok = m->n_entities == 0;
			for (size_t k = 0; k < m->n_entities && !ok; k++)
				ok = strcmp(m->entities[k],
					    st->S->entities[rd->ent].id) == 0;
			if (!ok) {
				snprintf(rd->reason, sizeof(rd->reason),
					 "%s counts %s's figures only, not %s's",
					 m->id, m->entities[0],
					 st->S->entities[rd->ent].id);
				rd->unbound = rd->reason;
			}
		}
	}
}

/* Emits a settled reading and remembers it as a claim of the
 * sentence. */
static fc_status keep(sent *st, reading *rd, fr_results *out)
{
	sclaim sc;

	memset(&sc, 0, sizeof(sc));
	sc.anchor = rd->anchor;
	sc.result = out->n;
	sc.in = rd->in;
	sc.mc = rd->mc;
	sc.measure = rd->measure;
	sc.head_end = rd->he > rd->hs ? rd->he : rd->anchor + 1;
	sc.hs = rd->hs;
	sc.he = rd->he;
	frame_span(rd, &sc.fs, &sc.fe);
	sc.whole = rd->whole ? (long)(rd->whole - st->sc) : -1;
	if (emit(st, rd, out))
		return FC_ERR_NOMEM;
	if (!grow((void **)&st->sc, &st->cap_sc, st->n_sc + 1, sizeof(sclaim)))
		return FC_ERR_NOMEM;
	st->sc[st->n_sc++] = sc;
	return FC_OK;
}

/* Settles a reading and emits it. */
static fc_status complete(sent *st, reading *rd, fr_results *out)
{
	settle(st, rd, out);
	return keep(st, rd, out);
}

/* Copies a reading whose reason may lie in its own buffer. */
static void copy_reading(reading *dst, const reading *src)
{
	*dst = *src;
	if (src->unbound == src->reason)
		dst->unbound = dst->reason;
}

/* ------------------------------------------------------------------ */
/* A sentence. */

static void reading_init(reading *rd, size_t anchor)
{
	/* Not the reason's buffer: only ever read once written. */
	memset(rd, 0, offsetof(reading, reason));
	rd->reason[0] = '\0';
	rd->anchor = anchor;
	rd->measure = -1;
	rd->group = -1;
	rd->qual = -1;
	rd->ent = NO_ENTITY;
}

static void mctx_init(mctx *c, const sent *st, const inst *in)
{
	memset(c, 0, sizeof(*c));
	c->st = st;
	c->p = &in->f->pat;
	c->cls = in->cls;
	c->measure = in->measure;
	c->lo = 0;
	c->hi = st->tk.n;
	c->grp = -1;
}

static bool taken_tok(const sent *st, size_t t)
{
	const tok *k = &st->tk.t[t];

	if (k->type != T_NUM || k->kind != FC_NUM_COUNT)
		return true;
	if (st->in->taken && st->in->taken[k->num])
		return true;
	for (size_t i = 0; i < st->n_sc; i++)
		if (st->sc[i].anchor == t)
			return true;
	return false;
}

/* True if the token before figure `a` may be the one that instance `in`
 * needs there. */
static bool before_may(const sent *st, const inst *in, size_t a)
{
	return !in->has_before ||
	       (a > 0 && word_tok(&st->tk.t[a - 1]) &&
		bloom_has(&in->before, st->tk.t[a - 1].word));
}

/* True if instance i may match in the sentence: it has a word of each of
 * the instance's compulsory elements. Decided once a sentence. */
static bool inst_may(sent *st, size_t i)
{
	if (!st->inst_ok[i]) {
		const inst *in = &st->S->insts[i];
		st->inst_ok[i] = need_met(in->need, in->n_need, &st->words) ? 2 : 1;
	}
	return st->inst_ok[i] == 2;
}

/* Tries the level frames of every present measure at figure `a`. */
static fc_status read_level(sent *st, size_t a, fr_results *out)
{
	const fr_set *S = st->S;
	reading first;
	bool have = false;

	for (size_t oi = 0; oi < S->n_measures; oi++) {
		size_t m = S->order[oi];
		if (!st->present[m])
			continue;
		for (size_t k = 0; k < S->kind_count[m][FK_LEVEL]; k++) {
			const size_t ii = S->kind_first[m][FK_LEVEL] + k;
			const inst *in = &S->insts[ii];
			reading rd;
			mctx mc;
			if (in->f->kind != FK_LEVEL || !before_may(st, in, a) ||
			    !inst_may(st, ii))
				continue;
			mctx_init(&mc, st, in);
			if (!match_at(&mc, a))
				continue;
			reading_init(&rd, a);
			rd.mc = mc;
			rd.in = in;
			rd.measure = (int)m;
			settle(st, &rd, out);
			/* A measure that binds the figure wins over one that
			 * read it and could not ("Russia's 6,534 tanks" is
			 * no population). */
			if (!rd.unbound)
				return keep(st, &rd, out);
			if (!have)
				copy_reading(&first, &rd);
			have = true;
			break; /* this measure's first frame said its piece */
		}
	}
	return have ? keep(st, &first, out) : FC_OK;
}

/* True if token `t` may be the figure of a change: a count, a
 * percentage, a fraction or a multiple no rule has taken, or a multiple
 * in a word. */
static bool change_anchor(const sent *st, size_t t)
{
	const tok *k = &st->tk.t[t];

	if (k->type == T_MULT)
		return true;
	if (k->type != T_NUM ||
	    !(k->kind == FC_NUM_COUNT || k->kind == FC_NUM_PERCENT ||
	      k->kind == FC_NUM_FRACTION || k->kind == FC_NUM_MULTIPLE))
		return false;
	if (st->in->taken && st->in->taken[k->num])
		return false;
	for (size_t i = 0; i < st->n_sc; i++)
		if (st->sc[i].anchor == t)
			return false;
	return true;
}

/* True if the figure is written as a line crossed ("fell below 38
 * million", "rose above 10,000"): a level, not the size of a change. */
static bool crossing_figure(const sent *st, const tok *t)
{
	static const char *const words[] = {"above", "below", "under",
					    "beyond", "past", NULL};
	const fc_number *n = &st->in->nums->items[t->num];
	const char *q = st->in->text + n->start;
	size_t len = n->value_start - n->start;

	for (size_t i = 0; words[i]; i++) {
		size_t k = strlen(words[i]);
		if (len >= k && strncasecmp(q, words[i], k) == 0)
			return true;
	}
	return false;
}

/* Decides a change reading's kind and direction: the frame's kind, or
 * the figure's (a percentage or a fraction is relative, a multiple a
 * ratio, a count a difference); up or down from the words of the frame
 * in the "up" and "down" classes, or from a multiple below one. */
static void change_of_reading(const sent *st, reading *rd)
{
	const fr_set *S = st->S;
	const tok *a = &st->tk.t[rd->anchor];
	const pattern *p = &rd->in->f->pat;

	rd->change = rd->in->f->change;
	if (rd->change == FC_CHANGE_NONE)
		rd->change = a->type == T_MULT || a->kind == FC_NUM_MULTIPLE
				 ? FC_CHANGE_MULTIPLE
			     : a->kind == FC_NUM_PERCENT ||
				     a->kind == FC_NUM_FRACTION
				 ? FC_CHANGE_RELATIVE
				 : FC_CHANGE_ABSOLUTE;
	rd->change_dir = 0;
	for (size_t i = 0; i < p->n; i++)
		for (int t = rd->mc.s[i]; t < rd->mc.e[i]; t++) {
			if ((size_t)t == rd->anchor)
				continue;
			if (in_class(S, S->c_up, &st->tk.t[t]))
				rd->change_dir = 1;
			else if (in_class(S, S->c_down, &st->tk.t[t]))
				rd->change_dir = -1;
		}
	if (a->type == T_MULT) {
		if (S->mult_values[a->num] < 1)
			rd->change_dir = -1;
		else if (rd->change_dir == 0)
			rd->change_dir = 1;
	}
}

/* Tries the change frames of every present measure at figure `a`:
 * "the toll rose by #", "deaths rose #", "the toll has #" (doubled). */
static fc_status read_change(sent *st, size_t a, fr_results *out)
{
	const fr_set *S = st->S;
	const tok *at = &st->tk.t[a];
	bool is_mult = at->type == T_MULT || at->kind == FC_NUM_MULTIPLE;
	bool crossing = at->type == T_NUM && crossing_figure(st, at);
	reading first;
	bool have = false;

	for (size_t oi = 0; oi < S->n_measures; oi++) {
		size_t m = S->order[oi];
		if (!st->present[m])
			continue;
		for (size_t k = 0; k < S->kind_count[m][FK_CHANGE]; k++) {
			const size_t ii = S->kind_first[m][FK_CHANGE] + k;
			const inst *in = &S->insts[ii];
			reading rd;
			mctx mc;
			if (in->f->kind != FK_CHANGE ||
			    in->f->pat.e[in->f->pat.anchor].mult != is_mult ||
			    (crossing && in->f->change != FC_CHANGE_HIGHEST &&
			     in->f->change != FC_CHANGE_LOWEST) ||
			    !before_may(st, in, a) ||
			    !inst_may(st, ii))
				continue;
			mctx_init(&mc, st, in);
			if (!match_at(&mc, a))
				continue;
			reading_init(&rd, a);
			rd.mc = mc;
			rd.in = in;
			rd.measure = (int)m;
			change_of_reading(st, &rd);
			settle(st, &rd, out);
			if (!rd.unbound)
				return keep(st, &rd, out);
			if (!have)
				copy_reading(&first, &rd);
			have = true;
			break;
		}
	}
	if (have)
		return keep(st, &first, out);
	/* "6,534 tanks, up 300 in a month": the change of the level claim
	 * just before it, of its metric. */
	for (size_t i = st->n_sc; i-- > 0;) {
		const sclaim *w = &st->sc[i];
		if (w->anchor >= a || w->in->f->kind == FK_CHANGE)
			continue;
		for (size_t k = 0; k < S->n_after_insts; k++) {
			const inst *in = &S->after_insts[k];
			reading rd;
			mctx mc;
			if (in->f->pat.e[in->f->pat.anchor].mult != is_mult ||
			    !need_met(in->need, in->n_need, &st->words))
				continue;
			mctx_init(&mc, st, in);
			mc.lo = w->fe; /* after the claim it changes */
			if (!match_at(&mc, a))
				continue;
			reading_init(&rd, a);
			rd.mc = mc;
			rd.in = in;
			rd.whole = w;
			rd.measure = w->measure;
			change_of_reading(st, &rd);
			return complete(st, &rd, out);
		}
		break; /* only the nearest claim */
	}
	return FC_OK;
}

/* Tries the part frames at figure `a`: "including # {group}" of the
 * sentence's claim before it, or "among {dead} {be} # {group}". */
static fc_status read_part(sent *st, size_t a, fr_results *out)
{
	const fr_set *S = st->S;
	const sclaim *whole = NULL;

	for (size_t i = st->n_sc; i-- > 0;)
		if (st->sc[i].anchor < a && st->sc[i].whole < 0 &&
		    st->sc[i].in->f->kind != FK_CHANGE) {
			whole = &st->sc[i];
			break;
		}
	if (whole)
		for (size_t k = 0; k < S->n_part_insts; k++) {
			reading rd;
			if (!need_met(S->part_insts[k].need,
				      S->part_insts[k].n_need, &st->words))
				continue;
			reading_init(&rd, a);
			mctx_init(&rd.mc, st, &S->part_insts[k]);
			rd.mc.measure = whole->measure;
			if (!match_at(&rd.mc, a))
				continue;
			rd.in = &S->part_insts[k];
			rd.whole = whole;
			rd.measure = whole->measure;
			return complete(st, &rd, out);
		}
	for (size_t oi = 0; oi < S->n_measures; oi++) {
		size_t m = S->order[oi];
		if (!st->present[m])
			continue;
		for (size_t k = 0; k < S->kind_count[m][FK_PART]; k++) {
			const size_t ii = S->kind_first[m][FK_PART] + k;
			const inst *in = &S->insts[ii];
			reading rd;
			if (in->f->kind != FK_PART ||
			    !inst_may(st, ii))
				continue;
			reading_init(&rd, a);
			mctx_init(&rd.mc, st, in);
			if (!match_at(&rd.mc, a))
				continue;
			rd.in = in;
			rd.measure = (int)m;
			if (whole && whole->measure == (int)m)
				rd.whole = whole;
			return complete(st, &rd, out);
		}
	}
	return FC_OK;
}

static bool conj_tok(const sent *st, size_t t)
{
	uint32_t w = st->tk.t[t].word;

	return word_tok(&st->tk.t[t]) &&
	       (w == st->S->w_and || w == st->S->w_or || w == st->S->w_comma);
}

/* True if the figure at token b follows a list's connector: ",", "and",
 * "or", "plus", "along with", "as well as", "together with". */
static bool list_before(const sent *st, size_t b)
{
	const toks *tk = &st->tk;
	static const char *const two[][2] = {
	    {"along", "with"}, {"together", "with"}, {"well", "as"}};
	uint32_t w;

	if (b == 0)
		return false;
	if (conj_tok(st, b - 1))
		return true;
	w = tk->t[b - 1].word;
	if (w && w == vocab_find(&st->S->v, "plus", 4))
		return true;
	for (size_t k = 0; k < 3 && b >= 2; k++)
		if (w && w == vocab_find(&st->S->v, two[k][1], strlen(two[k][1])) &&
		    tk->t[b - 2].word ==
			vocab_find(&st->S->v, two[k][0], strlen(two[k][0])))
			return true;
	return false;
}

/* A figure coordinated with a claim read beside it shares its frame:
 * "the death of 9,770 Palestinians and more than 1,400 Israelis",
 * "9,770 Palestinians and 1,400 Israelis were killed", "including 4,008
 * children and 2,550 women". */
static fc_status read_coordinated(sent *st, size_t b, fr_results *out)
{
	const toks *tk = &st->tk;
	size_t t = b, conj = 0;

	/* Backwards: "X N1 head, and N2 head". */
	while (t > 0 && conj < 2 && conj_tok(st, t - 1)) {
		t--;
		conj++;
	}
	if (conj && t > 0) {
		for (size_t i = st->n_sc; i-- > 0;) {
			const sclaim *sc = &st->sc[i];
			const pattern *p = &sc->in->f->pat;
			int an = p->anchor;
			reading rd;
			/* The conjunct before has a noun of its own ("9,770
			 * Palestinians and 1,400 Israelis"); a change has no
			 * conjuncts. */
			if (sc->in->f->kind == FK_CHANGE ||
			    sc->anchor >= b || sc->head_end != t ||
			    sc->he <= sc->hs ||
			    (p->e[p->n - 1].type != E_HEAD &&
			     p->e[p->n - 1].type != E_GROUP))
				continue;
			reading_init(&rd, b);
			rd.mc = sc->mc;
			rd.mc.st = st;
			rd.mc.anchor = b;
			rd.mc.grp = -1;
			rd.mc.s[an] = (int)b;
			rd.mc.e[an] = (int)b + 1;
			if (!m_fwd(&rd.mc, (size_t)an + 1, b + 1))
				break;
			rd.in = sc->in;
			rd.measure = sc->measure;
			rd.whole = sc->whole >= 0 ? &st->sc[sc->whole] : NULL;
			return complete(st, &rd, out);
		}
	}
	/* Forwards: "N1 head and N2 head were killed". */
	for (size_t i = 0; i < st->n_sc; i++) {
		const sclaim *sc = &st->sc[i];
		const pattern *p = &sc->in->f->pat;
		size_t c = sc->anchor, h = b + 1, j;
		mctx hc;
		reading rd;
		if (c <= b || p->anchor != 0 || p->n < 2 ||
		    p->e[1].type != E_HEAD || sc->in->f->kind == FK_CHANGE)
			continue;
		j = c;
		conj = 0;
		while (j > h && conj < 2 && conj_tok(st, j - 1)) {
			j--;
			conj++;
		}
		if (!conj)
			continue;
		mctx_init(&hc, st, sc->in);
		hc.measure = sc->measure;
		while (h < j && h - (b + 1) < MAX_HEAD && head_word(&hc, &tk->t[h]))
			h++;
		if (h != j)
			continue;
		reading_init(&rd, b);
		rd.mc = sc->mc;
		rd.mc.st = st;
		rd.mc.anchor = b;
		rd.mc.s[0] = (int)b;
		rd.mc.e[0] = (int)b + 1;
		rd.mc.s[1] = (int)b + 1;
		rd.mc.e[1] = (int)j;
		rd.in = sc->in;
		rd.measure = sc->measure;
		return complete(st, &rd, out);
	}
	/* A list after the claim: "6,534 tanks have been destroyed, along
	 * with 340 aircraft and 8,000 drones": a figure after a connector
	 * whose noun is one of the groups of a claim before it. */
	for (size_t i = st->n_sc; i-- > 0;) {
		const sclaim *sc = &st->sc[i];
		const pattern *p = &sc->in->f->pat;
		const measure_t *m;
		size_t h = b + 1, hi = -1;
		mctx hc;
		reading rd;
		int grp = -1;
		if (sc->anchor >= b || sc->measure < 0 || sc->whole >= 0 ||
		    sc->in->f->kind == FK_CHANGE || !list_before(st, b))
			continue;
		for (size_t k = 0; k < p->n; k++)
			if (p->e[k].type == E_HEAD)
				hi = k;
		if (hi == (size_t)-1)
			continue;
		m = &st->S->measures[sc->measure];
		mctx_init(&hc, st, sc->in);
		hc.measure = sc->measure;
		while (h < tk->n && h - (b + 1) < MAX_HEAD && head_word(&hc, &tk->t[h]))
			h++;
		for (size_t u = b + 1; u < h && grp < 0; u++) {
			const phrase *ph = NULL;
			if (phrase_fwd(&st->S->grps, -1, tk, u, h, &ph) == h - u)
				for (size_t k = 0; k < m->n_groups; k++)
					if (m->groups[k] == ph->owner)
						grp = (int)ph->owner;
		}
		if (grp < 0)
			break;
		reading_init(&rd, b);
		rd.mc = sc->mc;
		rd.mc.st = st;
		rd.mc.anchor = b;
		rd.mc.s[p->anchor] = (int)b;
		rd.mc.e[p->anchor] = (int)b + 1;
		rd.mc.s[hi] = (int)b + 1;
		rd.mc.e[hi] = (int)h;
		rd.in = sc->in;
		rd.measure = sc->measure;
		return complete(st, &rd, out);
	}
	return FC_OK;
}

static fc_status unrecognised(sent *st, size_t a, fr_results *out)
{
	const fr_set *S = st->S;
	reading rd;
	fr_result r;
	bool any = false;
	char words[200] = "";

	reading_init(&rd, a);
	for (size_t m = 0; m < S->n_measures; m++)
		any = any || st->present[m];
	if (any && st->first_trigger < st->tk.n) {
		const phrase *ph = NULL;
		size_t n = phrase_fwd(&S->classes, -1, &st->tk, st->first_trigger,
				      st->tk.n, &ph);
		tok_quote(st, st->first_trigger, st->first_trigger + (n ? n : 1),
			  words, sizeof(words));
	}
	memset(&r, 0, sizeof(r));
	r.num = st->tk.t[a].num;
	r.sent_start = st->ss;
	r.sent_end = st->se;
	r.number = st->in->nums->items[r.num];
	r.measure = (size_t)-1;
	r.unrecognised = true;
	r.severity = FC_SEVERITY_INFO;
	{
		sbuf b = {0};
		if (any)
			sb_printf(&b,
				  "no frame ties it to a measure word of its "
				  "sentence (%s)",
				  words);
		else if (st->tk.t[a].kind != FC_NUM_COUNT)
			sb_printf(&b, "no frame reads a figure of kind %s",
				  fc_num_kind_name((fc_num_kind)st->tk.t[a].kind));
		else
			sb_printf(&b, "no measure word in its sentence");
		if (!(r.unbound_reason = sb_take(&b)))
			return FC_ERR_NOMEM;
	}
	if (st->in->explain) {
		sbuf b = {0};
		sb_printf(&b, "not read: %s", r.unbound_reason);
		if (!(r.explain = sb_take(&b))) {
			free(r.unbound_reason);
			return FC_ERR_NOMEM;
		}
	}
	if (!grow((void **)&out->items, &out->cap, out->n + 1,
		  sizeof(fr_result))) {
		free(r.unbound_reason);
		free(r.explain);
		return FC_ERR_NOMEM;
	}
	out->items[out->n++] = r;
	return FC_OK;
}

/* Reads the figures of the sentence [ss, se), whose first number is
 * nums->items[first]. */
static fc_status check_sentence(sent *st, size_t ss, size_t se, size_t first,
				fr_results *out)
{
	const fr_set *S = st->S;
	toks *tk = &st->tk;
	fc_status rc = FC_OK;
	int cl = 0;
	bool any_measure = false;

	st->ss = ss;
	st->se = se;
	st->n_sc = 0;
	st->ctx_done = false;
	memset(st->pat_ok, 0, S->n_slots);
	if (!tokenize((vocab *)&S->v, false, st->in->text, ss, se, st->in->nums,
		      first, tk))
		return FC_ERR_NOMEM;
	if (!grow((void **)&st->clause, &st->cap_clause, tk->n + 1, sizeof(int)))
		return FC_ERR_NOMEM;
	memset(&st->words, 0, sizeof(st->words));
	for (size_t t = 0; t < tk->n; t++) {
		tok *k = &tk->t[t];
		if (is_break(k) || in_class(S, S->c_clause, k))
			cl++;
		st->clause[t] = cl;
		if (word_tok(k) && k->word)
			bloom_add(&st->words, k->word);
		/* "doubled": a figure for the change frames. */
		if (k->type == T_WORD && k->word && S->word_mult[k->word] >= 0) {
			k->type = T_MULT;
			k->num = (size_t)S->word_mult[k->word];
		}
	}
	if (!find_mentions(S, tk, &st->ms, &st->n_ms, &st->cap_ms))
		return FC_ERR_NOMEM;
	mark_dateline(st->in->text, tk, st->ms, st->n_ms);
	{
		/* What it says as context, for the sentences after it. */
		size_t e, o;
		bool amb;
		cand f;
		memset(&f, 0, sizeof(f));
		context_decide(st, tk, st->ms, st->n_ms, &e, &f, &amb, &o);
		memo_put(st, ss, se, true, e, &f, amb, o);
	}
	/* The measures whose words the sentence holds: a whole phrase of
	 * one of their classes. */
	memset(st->present, 0, S->n_measures * sizeof(bool));
	st->first_trigger = SIZE_MAX;
	for (size_t t = 0; t < tk->n; t++) {
		const uint32_t *list;
		uint32_t w = tk->t[t].word;
		if (!word_tok(&tk->t[t]) || !w || !S->word_measures[w] ||
		    !(list = S->classes.idx.first[w]))
			continue;
		for (uint32_t k = 0; k < list[0]; k++) {
			const phrase *ph = &S->classes.p[list[1 + k]];
			int m = S->cls[ph->owner].measure;
			size_t i;
			if (m < 0 || st->present[m] || t + ph->n > tk->n)
				continue;
			for (i = 1; i < ph->n; i++)
				if (!word_tok(&tk->t[t + i]) ||
				    tk->t[t + i].word != ph->w[i])
					break;
			if (i < ph->n)
				continue;
			st->present[m] = any_measure = true;
			if (st->first_trigger == SIZE_MAX)
				st->first_trigger = t;
		}
	}
	memset(st->inst_ok, 0, S->n_insts);
	/* "Israel kills", "Russia has killed": the subject of a measure's
	 * verb did it, unless the measure says its subject is whose figure
	 * it is ("Russia lost"); "the war in Gaza has killed" is a place. */
	for (size_t i = 0; i < st->n_ms && any_measure; i++) {
		mention *mm = &st->ms[i];
		int aux = find_class(S, "aux");
		size_t t = mm->e, k = 0;
		if (mm->role != MR_NONE || mm->akind == AK_EVENT ||
		    (mm->s > 0 && in_class(S, S->c_locative, &tk->t[mm->s - 1])))
			continue;
		while (k < 2 && t < tk->n && in_class(S, aux, &tk->t[t])) {
			t++;
			k++;
		}
		for (size_t m = 0; m < S->n_measures; m++) {
			const measure_t *me = &S->measures[m];
			if (!st->present[m] || me->subject_is_entity ||
			    me->verb_cls < 0)
				continue;
			size_t vl = phrase_fwd(&S->classes, me->verb_cls, tk, t,
					       tk->n, NULL);
			/* "Israel kills 97", not "Palestinians killed since". */
			if (vl && t + vl < tk->n && tk->t[t + vl].type == T_NUM) {
				mm->role = MR_AGENT;
				break;
			}
		}
	}
	/* Measures with a context apply only where it is found: in the
	 * sentence's paragraph or the headline. */
	if (any_measure &&
	    (st->ctx_para == SIZE_MAX || st->ss < st->ctx_para ||
	     st->ss >= st->ctx_para_end)) {
		para_bounds(st->in, st->ss, &st->ctx_para, &st->ctx_para_end);
		memset(st->context, -1, S->n_measures + 1);
	}
	if (any_measure)
		for (size_t m = 0; m < S->n_measures; m++) {
			const measure_t *me = &S->measures[m];
			if (!st->present[m] || me->n_context == 0)
				continue;
			if (st->context[m] < 0)
				st->context[m] = context_near(st, me);
			st->present[m] = st->context[m] == 1;
		}
	if (any_measure) {
		/* Left to right, a change first: "6,534 tanks, up 300"
		 * reads the level before its change. */
		for (size_t t = 0; t < tk->n && !rc; t++) {
			if (change_anchor(st, t))
				rc = read_change(st, t, out);
			if (!rc && !taken_tok(st, t))
				rc = read_level(st, t, out);
		}
		for (int pass = 0; pass < 2; pass++) {
			for (size_t t = 0; t < tk->n && !rc; t++)
				if (!taken_tok(st, t))
					rc = read_coordinated(st, t, out);
			for (size_t t = 0; t < tk->n && !rc && pass == 0; t++)
				if (!taken_tok(st, t))
					rc = read_part(st, t, out);
		}
	}
	if (st->in->unrecognised)
		for (size_t t = 0; t < tk->n && !rc; t++) {
			const tok *k = &tk->t[t];
			bool done = false;
			if (k->type != T_NUM ||
			    (st->in->taken && st->in->taken[k->num]))
				continue;
			for (size_t i = 0; i < st->n_sc && !done; i++)
				done = st->sc[i].anchor == t;
			if (!done)
				rc = unrecognised(st, t, out);
		}
	return rc;
}

/* ASCII letters and digits, folded to lower case; 0 for other ASCII
 * bytes; bytes from 0x80 on stand for themselves. */
static const unsigned char fold_tab[256] = {
#define R16(b) (b), (b) + 1, (b) + 2, (b) + 3, (b) + 4, (b) + 5, (b) + 6, \
	       (b) + 7, (b) + 8, (b) + 9, (b) + 10, (b) + 11, (b) + 12,   \
	       (b) + 13, (b) + 14, (b) + 15
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0),
    R16(0xE0), R16(0xF0)
#undef R16
};

/* The offset of the first word at or after `from` in `text` that may be
 * a word of a measure's phrase, or SIZE_MAX: the words are folded and
 * hashed as tokenize and gate_bit would, in one pass over the bytes. */
static size_t gate_next(const fr_set *S, const char *text, size_t from,
			size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t p = from;

	while (p < len) {
		uint32_t head = 0, tail = 0, b;
		size_t start, n;
		unsigned char c = t[p];

		/* ASCII bytes that are not letters or digits end a word; so
		 * do a no-break space and the marks of U+2000..U+206F (read
		 * whole, as tokenize reads them). */
		if (!fold_tab[c]) {
			p++;
			continue;
		}
		if (c == 0xE2 && len - p >= 3 && t[p + 1] == 0x80) {
			p += 3;
			continue;
		}
		if (c == 0xC2 && len - p >= 2 && t[p + 1] == 0xA0) {
			p += 2;
			continue;
		}
		start = p;
		for (p++; p < len; p++) {
			c = t[p];
			if (c < 0x80) {
				if (!fold_tab[c])
					break;
			} else if ((c == 0xE2 && len - p >= 3 && t[p + 1] == 0x80) ||
				   (c == 0xC2 && len - p >= 2 && t[p + 1] == 0xA0)) {
				break;
			}
		}
		n = p - start;
		if (n >= 96)
			continue;
		for (size_t i = 0; i < n && i < 4; i++)
			head = head << 8 | fold_tab[t[start + i]];
		tail = n >= 2 ? (uint32_t)fold_tab[t[p - 2]] << 8 | fold_tab[t[p - 1]]
			      : fold_tab[t[p - 1]];
		b = gate_mix(head, tail, n);
		if (S->gate[b / 8] & (1u << (b % 8)))
			return start;
	}
	return SIZE_MAX;
}

/* True if text [a, b) holds a multiple in a word ("doubled"). */
static bool has_mult(const fr_set *S, const char *text, size_t a, size_t b)
{
	const char *p = text + a, *end = text + b;

	if (S->n_mults == 0)
		return false;
	while (p < end) {
		const char *q = p;
		char buf[32];
		size_t n = 0;
		uint32_t w;
		if (!word_byte(p, end)) {
			p++;
			continue;
		}
		while (q < end && word_byte(q, end)) {
			if (n + 1 < sizeof(buf))
				buf[n++] = (char)tolower((unsigned char)*q);
			q++;
		}
		if (n + 1 < sizeof(buf) && (w = vocab_find(&S->v, buf, n)) &&
		    S->word_mult[w] >= 0)
			return true;
		p = q;
	}
	return false;
}

/* The first figure of nums ending after `at`, searched from `i`:
 * galloping, as the callers move forward. */
static size_t first_figure(const fc_number_list *nums, size_t i, size_t at)
{
	size_t lo = i, hi = nums->count, step = 1;

	while (lo + step < hi && nums->items[lo + step].end <= at) {
		lo += step;
		step *= 2;
	}
	if (lo + step < hi)
		hi = lo + step + 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nums->items[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

fc_status fr_check(const fr_set *S, const fr_input *in, fr_results *out)
{
	const fc_number_list *nums = in->nums;
	sent st;
	fc_status rc = FC_OK;
	size_t i = 0, gpos = 0, *mspans = NULL, n_mspans = 0, cap_mspans = 0,
	       mi = 0;

	if (!S || !S->finished || !nums ||
	    (nums->count == 0 && S->n_mults == 0) ||
	    (S->n_measures == 0 && !in->unrecognised))
		return FC_OK;
	memset(&st, 0, sizeof(st));
	st.S = S;
	st.in = in;
	st.present = calloc(S->n_measures + 1, sizeof(bool));
	st.context = malloc(S->n_measures + 1);
	st.inst_ok = calloc(S->n_insts + 1, 1);
	st.pat_ok = calloc(S->n_slots + 1, 1);
	if (!st.present || !st.context || !st.inst_ok || !st.pat_ok) {
		rc = FC_ERR_NOMEM;
		goto out;
	}
	memset(st.context, -1, S->n_measures + 1);
	st.ctx_para = SIZE_MAX;
	/* A change may be a word without a figure ("the toll has
	 * doubled"): when every figure's sentence is read, a first pass
	 * lists the sentences that hold a measure's word and a multiple. */
	if (in->unrecognised && S->n_measures && S->n_mults) {
		size_t g, gs, ge, p = 0;
		while ((g = gate_next(S, in->text, p, in->len)) != SIZE_MAX) {
			in->host->sentence_at(in->text, in->len, g, &gs, &ge);
			p = ge > g ? ge : g + 1;
			if (!has_mult(S, in->text, gs, ge))
				continue;
			if (!grow((void **)&mspans, &cap_mspans, 2 * n_mspans + 2,
				  sizeof(size_t))) {
				rc = FC_ERR_NOMEM;
				goto out;
			}
			mspans[2 * n_mspans] = gs;
			mspans[2 * n_mspans + 1] = ge;
			n_mspans++;
		}
	}
	/* Sentence by sentence: every sentence with a figure when the
	 * figures no frame reads are wanted; else only those that hold a
	 * word of a measure, found by the gate without splitting the others
	 * into sentences. */
	while (rc == FC_OK) {
		size_t ss, se, j, gs = 0, ge = 0;
		bool free_quantity = false, mult = false;

		if (!in->unrecognised) {
			size_t g = gate_next(S, in->text, gpos, in->len);
			if (g == SIZE_MAX)
				break;
			in->host->sentence_at(in->text, in->len, g, &gs, &ge);
			gpos = ge > g ? ge : g + 1;
			i = first_figure(nums, i, gs);
			if (i >= nums->count || nums->items[i].start >= ge) {
				/* No figure: a multiple may stand for one. */
				if (has_mult(S, in->text, gs, ge))
					rc = check_sentence(&st, gs, ge, i, out);
				continue;
			}
		} else if (i >= nums->count) {
			break;
		}
		if (!in->unrecognised && nums->items[i].start >= gs &&
		    nums->items[i].start < ge) {
			ss = gs; /* the gate's sentence */
			se = ge;
		} else {
			in->host->sentence_at(in->text, in->len,
					      nums->items[i].start, &ss, &se);
		}
		if (se < nums->items[i].end)
			se = nums->items[i].end;
		if (ss > nums->items[i].start)
			ss = nums->items[i].start;
		/* The listed sentences with a multiple that come before. */
		for (; rc == FC_OK && mi < n_mspans && mspans[2 * mi] < ss; mi++)
			if (mspans[2 * mi + 1] <= ss)
				rc = check_sentence(&st, mspans[2 * mi],
						    mspans[2 * mi + 1],
						    first_figure(nums, i,
								 mspans[2 * mi]),
						    out);
		if (rc != FC_OK)
			break;
		if (mi < n_mspans && mspans[2 * mi] == ss) {
			mult = true;
			mi++;
		}
		j = i;
		while (j < nums->count && nums->items[j].start < se) {
			if (nums->items[j].end > se)
				se = nums->items[j].end;
			if (fc_num_kind_is_quantity(nums->items[j].kind) &&
			    !(in->taken && in->taken[j]))
				free_quantity = true;
			j++;
		}
		if (!free_quantity && !in->unrecognised)
			mult = has_mult(S, in->text, ss, se);
		if (free_quantity || mult)
			rc = check_sentence(&st, ss, se, i, out);
		i = j;
		if (gpos < se)
			gpos = se;
	}
	for (; rc == FC_OK && mi < n_mspans; mi++)
		rc = check_sentence(&st, mspans[2 * mi], mspans[2 * mi + 1],
				    first_figure(nums, i, mspans[2 * mi]), out);
out:
	free(mspans);
	free(st.tk.t);
	free(st.clause);
	free(st.ms);
	free(st.sc);
	free(st.present);
	free(st.context);
	free(st.inst_ok);
	free(st.pat_ok);
	return rc;
}
