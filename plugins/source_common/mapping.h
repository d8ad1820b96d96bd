/*
 * mapping.h: the mapping by configuration that the csv and json sources
 * share: libsourcecommon, a convenience library linked into each of them
 * (a plugin links nothing of figcheck's), its options declared once
 * (SM_OPTIONS). A source finds its items its own way (a csv row, a json
 * record) and reads their fields through an sm_ops table; this part
 * knows everything else: which field is the date (and what period it
 * covers), the qualifier (with the words sources publish: "about",
 * "more"), the precision, the note, who reported it and the URL; how
 * metric keys are made (fixed, or from a template over the item's fields,
 * "{Country Code|lower}.population", with values recoded first); which
 * fields give which metric (several fields for one metric, the first
 * present winning, or a sum of fields); the long layout ("metric_field",
 * "value_field"); the values that mean a gap; "filter"; "optional". It
 * builds the records, counts what it could not read and says so, once
 * per resource, in words that are the same for both sources.
 *
 * Ownership: an sm_mapping owns every string and array it holds
 * (sm_free releases them); the host, the context, the words and the
 * items are borrowed.
 */
#ifndef FC_SOURCE_MAPPING_H
#define FC_SOURCE_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include <figcheck/plugin.h>

/* What went wrong with one mapped field or column, counted over a
 * resource. */
typedef struct sm_tally {
	size_t missing, wrong_type;
	long first_missing, first_wrong; /* where first (a line or a record
	                                    number), or -1 */
	char example[40];                /* the first unreadable value */
	char field[64];                  /* for a count over several fields:
	                                    the first one concerned */
} sm_tally;

/* One field (a csv column, a json member or JSON Pointer) the mapping
 * reads. */
typedef struct sm_field {
	char *name;
	long index;     /* for the source's use (csv: the column's index) */
	char **recode;  /* pairs: from, to, from, to, ...; NULL-terminated */
	char **gaps;    /* values that mean "not reported"; NULL-terminated */
	bool required;  /* every item has it: a csv header must name it */
	bool optional;  /* listed in "optional": items may lack it quietly */
	long qualifier; /* the field holding this one's qualifier
	                   ("qualifier_fields"), or -1 */
} sm_field;

/* A metric key, or a template that makes one from an item's fields. */
typedef struct sm_part {
	char *text; /* literal text, or NULL for a placeholder */
	long field; /* a placeholder: index into fields; -1: the metric's
	               name (long layout, "{metric}") */
	int filter; /* 0 as is, 1 lower case, 2 upper case */
} sm_part;

typedef struct sm_key {
	char *text;     /* as configured */
	sm_part *parts; /* NULL when the key has no placeholder */
	size_t n_parts;
} sm_key;

/* One way of reading a metric's figure: one field, or the sum of
 * several. */
typedef struct sm_alt {
	size_t *fields; /* indexes into fields */
	size_t n;
} sm_alt;

/* One metric: wide layout, the fields (or sums) that give it, first
 * present wins; long layout, a metric name accepted and its key. */
typedef struct sm_map {
	char *name; /* long: the metric's name; wide: the first field */
	sm_key key;
	sm_alt *alts; /* wide only */
	size_t n_alts;
	bool optional; /* listed in "optional" */
	sm_tally t;
} sm_map;

/* One entry of "filter": the field and the values accepted. */
typedef struct sm_filter {
	size_t field;
	char **values;
	size_t n_values;
} sm_filter;

/* The words a source's messages use for its parts. */
typedef struct sm_words {
	const char *plugin; /* "csv" */
	const char *field;  /* what holds a value: "column" */
	const char *item;   /* what holds a date's values: "row" */
} sm_words;

/* How a source reads its items' fields. `src` is the source's state. */
typedef struct sm_ops {
	/* The text of field `f` of `item`: a string as it is, a number as
	 * written, true or false; NULL when the item has no such field or
	 * it is null. May use `buf` (size bytes) for the text. */
	const char *(*text)(void *src, const void *item, const sm_field *f,
	                    char *buf, size_t size);
	/* The figure of field `f`: 1 with *out set; 0 when the item has
	 * none (absent, null, empty); -1 when it is not a number. */
	int (*figure)(void *src, const void *item, const sm_field *f,
	              double *out);
	/* Writes where item number `where` is, for a message ("line 5",
	 * "record 3 (/1/2)"). */
	void (*where)(void *src, long where, char *buf, size_t size);
} sm_ops;

/* The mapping of one source instance. */
typedef struct sm_mapping {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	const sm_words *words; /* static */
	sm_field *fields;      /* every field the mapping reads */
	size_t n_fields;
	long date_field, qualifier_field, precision_field, note_field,
	    reported_by_field, url_field; /* indexes into fields, or -1 */
	long metric_field;       /* long layout: what names the metric, or -1 */
	long value_field;        /* long layout: what holds the figure, or -1 */
	char *date_format;       /* NULL: ISO 8601 (YYYY, YYYY-MM or a day) */
	fc_period format_period; /* what a date in date_format covers */
	int period;              /* "period": what every record covers, or -1 */
	sm_key template;         /* long layout: the key of a name */
	bool value_optional;
	sm_map *maps; /* wide: metrics; long: accepted names, or none */
	size_t n_maps;
	sm_filter *filters;
	size_t n_filters;
	char **metric_list; /* NULL-terminated, for the core; or NULL */

	/* Per resource (sm_reset). */
	size_t items;    /* items read (past the header) */
	size_t filtered; /* of them, left out by "filter" */
	size_t ignored;  /* long layout: names not asked for */
	size_t added;    /* records given to the core */
	size_t quiet;    /* skipped without a word: an "optional" field of
	                    the metric key had no value */
	sm_tally date_t, qual_t, name_t, value_t, key_t;
	size_t bad_keys; /* keys the core refused */
	long first_bad_key;
	char bad_key[96];
} sm_mapping;

/* A copy of `s` that the caller frees; NULL for NULL or when memory runs
 * out. */
char *sm_dup(const char *s);

/* Sets *out to a copy of string option `key` (the caller frees it), or to
 * NULL when the option is not set. Returns false when memory runs out. */
bool sm_opt_str(const fc_host *h, const fc_value *opts, const char *key,
                char **out);

/*
 * The options of the mapping, declared once for both sources: the
 * entries of an fc_option table, to be followed by the source's own
 * options and the terminator. FIELD ("field", "column") and ITEM
 * ("record", "row") are string literals naming the source's parts in the
 * help texts; NAMED says how a FIELD is named (" (a name or a JSON
 * Pointer)", or "").
 */
#define SM_OPTIONS(FIELD, ITEM, NAMED)                                         \
	{"date_field", FC_OPT_STRING, false, "\"date\"",                       \
	 "the " FIELD " that holds each " ITEM "'s date" NAMED},               \
	{"date_format", FC_OPT_STRING, false, NULL,                            \
	 "how the date is written: %Y %m %d %b, e.g. \"%d/%m/%Y\", \"%Y\" for "\
	 "a year's figures; default ISO 8601 (2023-11-05, 2023-11 or 2023)"},  \
	{"period", FC_OPT_STRING, false, NULL,                                 \
	 "what each figure covers: \"day\", \"month\" or \"year\"; default "   \
	 "what the date says (2023 is a year)"},                               \
	{"metrics", FC_OPT_ANY, false, NULL,                                   \
	 "wide layout: " FIELD " -> metric key ({\"killed_cum\": "             \
	 "\"gaza.killed\"}; several " FIELD "s may give one key, the first "   \
	 "with a value wins; a key may be a template such as "                 \
	 "\"{Country Code|lower}.population\"); long layout: the metric "      \
	 "names accepted (a list, keyed through metric_template), or name -> " \
	 "metric key"},                                                        \
	{"sum", FC_OPT_OBJECT, false, NULL,                                    \
	 "metric key -> the " FIELD "s whose sum gives it, when the " ITEM     \
	 " has no value in the " FIELD "s \"metrics\" maps to it"},            \
	{"metric_field", FC_OPT_STRING, false, NULL,                           \
	 "long layout: the " FIELD " that names each " ITEM "'s metric"},      \
	{"value_field", FC_OPT_STRING, false, NULL,                            \
	 "long layout: the " FIELD " that holds each " ITEM "'s figure"},      \
	{"metric_template", FC_OPT_STRING, false, NULL,                        \
	 "long layout: the metric key made from the " ITEM "'s " FIELD "s, "   \
	 "{NAME} or {NAME|lower} standing for a " FIELD "'s value and "        \
	 "{metric} for the name in metric_field, e.g. \"{Country "             \
	 "Code|lower}.population\"; default \"{metric}\""},                    \
	{"recode", FC_OPT_OBJECT, false, NULL,                                 \
	 FIELD " -> {value: what it stands for}, applied before a value is "   \
	 "used in a key, as a metric name or as a qualifier: {\"Country "      \
	 "Code\": {\"WLD\": \"world\"}}"},                                     \
	{"gap_values", FC_OPT_OBJECT, false, NULL,                             \
	 FIELD " -> the values that mean no figure was reported, like an "     \
	 "empty one: {\"recovered\": [\"0\"]}"},                               \
	{"optional", FC_OPT_STRING_ARRAY, false, "[]",                         \
	 "mapped " FIELD "s (or metric keys) that " ITEM "s may lack without " \
	 "a warning"},                                                         \
	{"filter", FC_OPT_OBJECT, false, NULL,                                 \
	 FIELD " -> accepted values (a string or an array of strings); other " \
	 ITEM "s are ignored"},                                                \
	{"qualifier_field", FC_OPT_STRING, false, NULL,                        \
	 FIELD " holding the qualifier the figure was published with "         \
	 "(more_than, about, or a source's word: \"more\", "                   \
	 "\"approximately\", ...)"},                                           \
	{"qualifier_fields", FC_OPT_OBJECT, false, NULL,                       \
	 FIELD " -> the " FIELD " holding its own qualifier, when figures of " \
	 "one " ITEM " are qualified apart: {\"personnel\": \"personnel*\"}"}, \
	{"precision_field", FC_OPT_STRING, false, NULL,                        \
	 FIELD " holding the published figure's precision (100 for \"about "  \
	 "1,200\")"},                                                          \
	{"note_field", FC_OPT_STRING, false, NULL, FIELD " holding a note"},   \
	{"reported_by_field", FC_OPT_STRING, false, NULL,                      \
	 FIELD " naming who published the figure"},                            \
	{"url_field", FC_OPT_STRING, false, NULL,                              \
	 FIELD " holding the " ITEM "'s own URL"}

/*
 * Starts the mapping `m` (zeroed by the caller) and reads every option
 * the two sources share, those of SM_OPTIONS ("date_field" defaulting to
 * `default_date`). Fills `err` with the
 * first problem, naming its configuration path. Whatever it fails on, sm_free
 * releases what it made.
 */
fc_status sm_configure(sm_mapping *m, const fc_host *h, fc_plugin_ctx *ctx,
                       const sm_words *words, const fc_value *opts,
                       const char *default_date, fc_error *err);

/* Frees what `m` owns, not `m` itself. */
void sm_free(sm_mapping *m);

/* Clears the per-resource counts of the mapping (the maps' tallies
 * included), before a resource is read. */
void sm_reset(sm_mapping *m);

/* Clears a tally: no problems, firsts at -1. */
void sm_reset_tally(sm_tally *t);

/* Counts one more problem, keeping where the first one was. */
void sm_count(size_t *n, long *first, long where);

/* Counts one more unreadable value and keeps the first one, printable, in
 * t->example (`value` may be NULL). */
void sm_count_wrong(sm_tally *t, long where, const char *value);

/* Copies at most `len` bytes of `s` (and at most `size - 1`) to `buf` for a
 * message, printable ASCII only: any other byte, NUL included, becomes
 * '?'. Returns `buf`. */
const char *sm_printable(const char *s, size_t len, char *buf, size_t size);

/* The qualifier a source's word names: the names figcheck uses
 * ("more_than") and the words sources publish ("more", "more than",
 * "over", "about", "approximately", "~", "nearly", "up to", "less than",
 * ...), in any case. Sets *q and returns true; false for a word it does
 * not know. An empty word is FC_QUAL_NONE. */
bool sm_qualifier(const char *word, fc_qualifier *q);

/*
 * Reads one item: applies the filters, reads the date (from field
 * "date_field", or `date_text` when the source has it elsewhere, such as
 * a json key), the qualifier, precision, note, reporter and URL, and
 * adds a record for each metric it gives. `where` is its line or record
 * number, for messages. What it cannot read is counted, not an error.
 * Returns FC_OK, or the core's FC_ERR_NOMEM or FC_ERR_LIMIT.
 */
fc_status sm_item(sm_mapping *m, const sm_ops *ops, void *src, const void *item,
                  const char *date_text, long where, fc_record_sink *sink);

/* Logs, once each, what the resource `url` had that could not be read,
 * by cause, with the first place each occurred. */
void sm_report(const sm_mapping *m, const sm_ops *ops, void *src,
               const char *url);

/* When the resource gave no record at all: fills `err` with why (the
 * main cause) and returns FC_ERR_PARSE; else FC_OK. */
fc_status sm_check_some(const sm_mapping *m, const sm_ops *ops, void *src,
                        const char *url, fc_error *err);

#endif
