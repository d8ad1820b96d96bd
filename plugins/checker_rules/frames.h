/*
 * frames.h: claim frames, the rule checker's way of reading a claim from
 * its parts rather than from a whole-sentence pattern.
 *
 * A claim is a figure tied to what is counted (a measure: killed,
 * injured, population), of whom or where (an entity from a gazetteer:
 * Gaza, Ukraine, the world), which subgroup (children, tanks) and for
 * which period (cumulative, one day, one strike). Rule packs describe
 * those parts: word classes (the lexicon), entities with their aliases,
 * groups, measures with their trigger words, frames (token patterns that
 * tie a figure to a measure's words, written once for every measure) and
 * exclusions (readings that must never be verified, each with its
 * reason). This module compiles the packs' parts into one set and reads
 * the figures of a sentence with it. See doc/rule-packs.md.
 *
 * Ownership: an fr_set owns everything it compiles; it keeps no pointer
 * into the packs' JSON after fr_add_pack returns. A compiled set is
 * read-only: several threads may match documents with it at once.
 */
#ifndef FC_FRAMES_H
#define FC_FRAMES_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include <figcheck/plugin.h>

typedef struct fr_set fr_set;

/* A new, empty set; NULL when out of memory. Free with fr_free. */
fr_set *fr_new(void);
void fr_free(fr_set *s);

/*
 * Compiles the frame parts of one pack (`lexicon`, `entities`,
 * `entity_keys`, `events`, `groups`, `frames`, `exclusions`,
 * `cumulative`, `measures`) into `s`. `pack` is the pack's name, `file`
 * its path (for messages), `disabled(id, ud)` says whether a measure id
 * ("casualties.killed") is turned off. On failure writes one line naming
 * the file, the JSON path and what is wrong into `msg` and returns
 * FC_ERR_CONFIG (FC_ERR_NOMEM when out of memory).
 */
fc_status fr_add_pack(fr_set *s, const cJSON *root, const char *pack,
		      const char *file, bool (*disabled)(const char *id, void *ud),
		      void *ud, char *msg, size_t msg_size);

/* Resolves the class references of every frame against every measure,
 * once all packs are in. Same errors as fr_add_pack. */
fc_status fr_finish(fr_set *s, char *msg, size_t msg_size);

/* Number of measures compiled (0: frames play no part). */
size_t fr_measure_count(const fr_set *s);

/* The keys a pack's part names, for `rules test` and messages. */
const char *fr_measure_id(const fr_set *s, size_t i);   /* "casualties.killed" */
const char *fr_measure_pack(const fr_set *s, size_t i); /* "casualties" */
const cJSON *fr_measure_examples(const fr_set *s, size_t i);
const cJSON *fr_measure_counterexamples(const fr_set *s, size_t i);

/* One figure read by the frames. Strings are owned by the result list
 * (fr_results_free), except `rule_id`, borrowed from the set. */
typedef struct fr_result {
	size_t num;             /* index of the figure in the numbers list,
	                           or SIZE_MAX for a multiple in a word
	                           ("doubled"), which is no figure */
	size_t sent_start, sent_end; /* bytes of the sentence it was read in */
	const char *rule_id;    /* "casualties.killed" */
	size_t measure;         /* index of the measure, or (size_t)-1 */
	char *metric;           /* "gaza.killed.children", or NULL: unbound */
	char *unbound_reason;   /* why metric is NULL */
	char *entity;           /* entity id, or NULL */
	const char *measure_key; /* "killed", borrowed, or NULL */
	const char *group;      /* group key, borrowed, or NULL */
	const char *period;     /* "cumulative", "unstated" or the exclusion
	                           id, borrowed, or NULL */
	double partial_below;   /* see fc_claim */
	fc_number number;       /* the reading, qualifier implied by the
	                           frame applied ("tops 10,000") */
	fc_severity severity;
	double tolerance;
	bool unrecognised;      /* no frame read it (FC_CLAIMF_UNRECOGNISED) */
	bool running_total;     /* of a cumulative measure */
	bool entity_elsewhere;  /* its entity was named outside its sentence
	                           (FC_CLAIMF_ENTITY_ELSEWHERE) */
	bool entity_loose;      /* its entity is named in its sentence but
	                           not tied to its figure */
	int change;             /* an fc_change: how the figure moved, from a
	                           change frame; FC_CHANGE_NONE for a level */
	int change_dir;         /* +1 up, -1 down, 0 not said */
	bool per_day;           /* one day of a running total (fc_claim) */
	char *explain;          /* when asked for: one part a line */
} fr_result;

typedef struct fr_results {
	fr_result *items;
	size_t n, cap;
} fr_results;

void fr_results_free(fr_results *r);

/* What the matcher needs to know of the text it reads. */
typedef struct fr_input {
	const char *text;            /* the prose (NUL-terminated) */
	size_t len;
	const fc_number_list *nums;  /* its figures, in text order */
	const bool *taken;           /* figures claimed by pattern rules */
	const fc_host *host;         /* sentence_at, number_set_bounds */
	/* The document whose prose `text` is, or NULL: its sentences are
	 * then looked up with host->doc_sentence_at (when the core has it)
	 * instead of being found by scanning. */
	const fc_document *doc;
	const fc_num_options *nopts;
	/* Writes "LINE:COL" of a text offset into buf (for explanations);
	 * may be NULL: "@OFFSET" is written. */
	void (*where)(size_t offset, char *buf, size_t size, void *ud);
	void *where_ud;
	bool explain;                /* fill fr_result.explain */
	bool unrecognised;           /* add results for figures no frame read */
} fr_input;

/*
 * Reads every quantity of the text that `taken` leaves free with the
 * frames of `s`, sentence by sentence, and appends a result for each
 * figure a frame read (bound or not) and, with in->unrecognised, for
 * each it could not read. Returns FC_ERR_NOMEM only.
 */
fc_status fr_check(const fr_set *s, const fr_input *in, fr_results *out);

#endif
