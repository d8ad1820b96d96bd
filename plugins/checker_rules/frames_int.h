/*
 * frames_int.h: what the parts of the claim-frames reader share: the
 * compiled pack (fr_set and its parts), tokens and the vocabulary. Not
 * installed; see frames.h for the interface and frames.c's comment
 * for how a sentence is read.
 */
#ifndef FC_FRAMES_INT_H
#define FC_FRAMES_INT_H

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
#include "util.h"


#define MAX_ELEMS 16     /* elements of one pattern */
#define MAX_PHRASE 8     /* words of one class phrase */
#define MAX_HEAD 4       /* words of a counted noun phrase */
#define MAX_GAP 8        /* tokens a {gap} spans */
#define MAX_SENTENCE_TOKENS 4096
#define NO_ENTITY ((size_t)-1)
#define GATE_BITS 65536u

/* The sentence of in->text that holds `offset`: from the document's
 * index when there is one, else found by scanning. */
static inline void fr_sentence_at(const fr_input *in, size_t offset,
				  size_t *start, size_t *end)
{
	if (in->doc && in->host->doc_sentence_at)
		in->host->doc_sentence_at(in->doc, offset, start, end);
	else
		in->host->sentence_at(in->text, in->len, offset, start, end);
}


/* A growable string for explanations and reasons. */
typedef struct sbuf {
	char *s;
	size_t n, cap;
	bool failed;
} sbuf;

typedef struct vocab {
	char **words;    /* by id; words[0] is NULL */
	uint32_t *lens;  /* their lengths */
	size_t n, cap, cap_lens;
	uint32_t *slots; /* open addressing: id or 0 */
	size_t n_slots;
	/* Once the vocabulary is complete (fr_vocab_seal): the ids of the
	 * one-byte words (punctuation) and of the tokenizer's own marks,
	 * so that a sentence's punctuation is not hashed mark by mark. */
	bool sealed;
	uint32_t byte1[128];
	uint32_t w_poss, w_apos, w_dash, w_nonq; /* 's ' -- #nonq */
} vocab;

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
	bool stands_for; /* a capital or seat of power ("Moscow", "Kyiv"):
	                    as the subject of a measure's verb or in an
	                    attribution it stands for its parent */
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
	/* Before the hash, a cheaper test: per word length (31 for longer
	 * words), a bit per first byte (fr_gate_lead) of the gate's words. */
	uint32_t gate_lead[32];
	/* Per class, a bit per word id: the word alone is one of its
	 * phrases (in_class asks this of many tokens); single_stride bytes
	 * a class. */
	uint8_t *single;
	size_t single_stride;
	bool finished;
	/* Classes the engine uses by name; -1 when no pack defines them. */
	int c_head_stop, c_people, c_agent, c_say, c_locative, c_war,
	    c_clause, c_up, c_down, c_destroy, c_aux, c_fronted, c_according;
	uint32_t w_and, w_or, w_comma, w_poss, w_by, w_of;
};

/* The text layer (frames_text.c): hashes and the vocabulary, growable
 * strings (sb_take hands the string over: the caller frees it), the
 * tokenizer. The loader (frames_load.c): lookups of the compiled set,
 * and the word filters (blooms) a pattern needs. */
uint32_t fr_gate_bit(const char *s, size_t n);

/* The bit of a folded word's first byte in fr_set.gate_lead: a to z are
 * 0 to 25, digits 26, bytes from 0x80 on 27, any other byte 28. */
static inline uint32_t fr_gate_lead(unsigned char c)
{
	return c >= 'a' && c <= 'z'   ? 1u << (c - 'a')
	       : c >= '0' && c <= '9' ? 1u << 26
	       : c >= 0x80	      ? 1u << 27
				      : 1u << 28;
}
bool fr_tokenize(vocab *v, bool add, const char *text, size_t ss,
		 size_t se, const fc_number_list *nums, size_t first,
		 toks *out);
uint32_t fr_vocab_add(vocab *v, const char *s, size_t n);
uint32_t fr_vocab_find(const vocab *v, const char *s, size_t n);
void fr_vocab_free(vocab *v);
/* The gate's bit of a folded word from its length, its first four bytes
 * and its last two: computed once per word, so that the gate's scan of
 * the text does little per byte. */
static inline uint32_t fr_gate_mix(uint32_t head, uint32_t tail, size_t n)
{
	uint64_t h = ((uint64_t)head << 24) ^ ((uint64_t)tail << 8) ^ n;

	h *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(h >> 40) & (GATE_BITS - 1);
}

void fr_sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *fr_sb_take(sbuf *b);
/* A byte that belongs to a word: ASCII letters and digits, and every
 * byte of a non-ASCII character that is not punctuation we know. */
static inline bool fr_word_byte(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;

	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
						  (c | 0x20) <= 'z');
	/* U+2018..U+201F quotes, U+2013/2014 dashes, U+2026: not words. */
	if (c == 0xE2 && end - p >= 3 && (unsigned char)p[1] == 0x80)
		return false;
	if (c < 0xC0) /* a continuation byte */
		return true;
	/* U+00A0 no-break space */
	return !(c == 0xC2 && end - p >= 2 && (unsigned char)p[1] == 0xA0);
}

/* Notes the ids of the words the tokenizer looks up most; call when no
 * word will be added any more. */
void fr_vocab_seal(vocab *v);
/* Word sets as 512-bit blooms: a sentence's words, a pattern's needs. */
static inline void fr_bloom_add(wbloom *m, uint32_t w)
{
	m->b[(w >> 6) & 7] |= (uint64_t)1 << (w & 63);
}
static inline bool fr_bloom_has(const wbloom *m, uint32_t w)
{
	return (m->b[(w >> 6) & 7] >> (w & 63)) & 1;
}
int fr_find_class(const fr_set *s, const char *name);
size_t fr_find_entity(const fr_set *s, const char *id);
/* True if the words `have` may hold a match of what `need` describes:
 * each of its blooms shares a word with `have`. */
static inline bool fr_need_met(const wbloom *need, size_t n_need,
			       const wbloom *have)
{
	for (size_t i = 0; i < n_need; i++) {
		uint64_t any = 0;
		for (size_t k = 0; k < 8; k++)
			any |= need[i].b[k] & have->b[k];
		if (!any)
			return false;
	}
	return true;
}

#endif
