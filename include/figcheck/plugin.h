/*
 * plugin.h: the figcheck plugin ABI.
 *
 * A plugin is a shared object that exports one constant descriptor,
 * `figcheck_plugin`, of type fc_plugin. Define it with FIGCHECK_PLUGIN so
 * that the magic number, ABI version and descriptor size are filled in for
 * you:
 *
 *     FIGCHECK_PLUGIN(
 *         .kind = FC_PLUGIN_SOURCE,
 *         .name = "mysource",
 *         .version = "1.0",
 *         .options = my_options,
 *         .init = my_init,
 *         .fini = my_fini,
 *         .source = { .parse = my_parse },
 *     );
 *
 * Lifecycle. The core loads the shared object, checks the descriptor and
 * then, for each use of the plugin in the configuration (a source may be
 * used several times, with different options), calls `init`, which
 * allocates the plugin's state and returns it through `state`. The core
 * hands that state back to every callback and finally to `fini`, which
 * frees it. Callbacks of one instance are never called concurrently,
 * except a checker's `check`, which may run for several documents at once
 * in different threads: it must treat its state as read-only.
 *
 * A plugin reaches the core only through the host table passed to `init`
 * (keep the pointer: it stays valid until `fini` returns). It never prints
 * to stdout or stderr (log through host->log), never exits, and reports
 * failure by returning a status and filling the fc_error it is given.
 *
 * Ownership. Everything the core passes in is borrowed and valid only
 * during the call unless said otherwise. Everything a plugin passes to a
 * host function is copied by the core before the call returns, so the
 * plugin keeps ownership of its own buffers.
 */
#ifndef FIGCHECK_PLUGIN_H
#define FIGCHECK_PLUGIN_H

#include <figcheck/figcheck.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. Bumped on any incompatible change to the
 * structures below; the loader refuses a plugin built for another one. */
#define FC_PLUGIN_ABI 2
#define FC_PLUGIN_MAGIC 0x46434b50u /* "FCKP" */
#define FC_PLUGIN_SYMBOL "figcheck_plugin"

typedef enum fc_plugin_kind {
	FC_PLUGIN_CHECKER = 1,
	FC_PLUGIN_SOURCE = 2,
	FC_PLUGIN_REPORTER = 3
} fc_plugin_kind;

typedef enum fc_log_level {
	FC_LOG_ERROR = 0,
	FC_LOG_WARNING = 1,
	FC_LOG_INFO = 2,
	FC_LOG_DEBUG = 3
} fc_log_level;

/* Opaque handles owned by the core. */
typedef struct fc_plugin_ctx fc_plugin_ctx; /* one plugin instance */
typedef struct fc_value fc_value;           /* a JSON value: of the
                                               configuration, or parsed
                                               by host->json_parse */
typedef struct fc_check_sink fc_check_sink; /* where a checker puts claims */
typedef struct fc_record_sink fc_record_sink; /* where a source puts records */
typedef struct fc_url_sink fc_url_sink;     /* where a source lists URLs */

/* ------------------------------------------------------------------ */
/* Declared options. The core validates a plugin's "options" object in
 * the configuration against this table before `init`: unknown keys, wrong
 * types and missing required options are configuration errors that name
 * the JSON path. Defaults are filled in, so `init` sees every option that
 * has one. */

typedef enum fc_opt_type {
	FC_OPT_STRING = 1,
	FC_OPT_NUMBER,       /* any finite number */
	FC_OPT_INTEGER,      /* a number without a fraction */
	FC_OPT_BOOL,
	FC_OPT_OBJECT,       /* checked further by the plugin */
	FC_OPT_ARRAY,        /* checked further by the plugin */
	FC_OPT_STRING_ARRAY, /* an array of strings */
	FC_OPT_ANY
} fc_opt_type;

typedef struct fc_option {
	const char *name;
	fc_opt_type type;
	bool required;
	const char *default_json; /* JSON text of the default, or NULL */
	const char *help;         /* one sentence, shown by `figcheck plugins -v` */
} fc_option;

/* Type of a configuration value, as seen through the host table. */
typedef enum fc_value_type {
	FC_VALUE_NONE = 0, /* a missing value (NULL pointer) */
	FC_VALUE_NULL,
	FC_VALUE_BOOL,
	FC_VALUE_NUMBER,
	FC_VALUE_STRING,
	FC_VALUE_ARRAY,
	FC_VALUE_OBJECT
} fc_value_type;

/* ------------------------------------------------------------------ */
/* Documents, as a checker sees them. */

typedef enum fc_doc_format {
	FC_FORMAT_TEXT = 0,
	FC_FORMAT_MARKDOWN,
	FC_FORMAT_HTML
} fc_doc_format;

/* Where a document's as-of date came from, first found wins. */
typedef enum fc_date_origin {
	FC_DATE_FROM_NONE = 0,
	FC_DATE_FROM_OPTION,       /* --date */
	FC_DATE_FROM_FRONT_MATTER, /* Markdown front matter date: */
	FC_DATE_FROM_META,         /* HTML <meta> or <time> */
	FC_DATE_FROM_DATELINE,     /* a dateline in the first lines */
	FC_DATE_FROM_CONFIG,       /* the configuration's "date" */
	FC_DATE_FROM_TODAY         /* nothing else said */
} fc_date_origin;

/* Where a date came from, for people: "--date", "front matter", "HTML
 * meta", "dateline", "configuration", "today", or "none". Static. */
static inline const char *fc_date_origin_label(fc_date_origin o)
{
	static const char *const labels[] = {
	    "none",     "--date",        "front matter", "HTML meta",
	    "dateline", "configuration", "today"};
	return (unsigned)o < sizeof(labels) / sizeof(labels[0]) ? labels[o]
								 : "none";
}

/* The same for machines (JSON): "none", "option", "front_matter", "meta",
 * "dateline", "config", "today". Static. */
static inline const char *fc_date_origin_key(fc_date_origin o)
{
	static const char *const keys[] = {"none",	   "option",
					   "front_matter", "meta",
					   "dateline",	   "config",
					   "today"};
	return (unsigned)o < sizeof(keys) / sizeof(keys[0]) ? keys[o] : "none";
}

typedef struct fc_doc_priv fc_doc_priv;

/*
 * A document. `text` holds the raw bytes as read. `prose` is the text a
 * checker reads: front matter, code, comments and block markup become
 * white space, inline markup (emphasis, link targets, inline tags) is
 * dropped the way a browser drops it, entities are decoded, and runs of
 * white space are one space with line breaks kept; so `prose` may be
 * shorter than `text`. Offsets a checker reports are offsets into
 * `prose`; the core maps them back to `text` through `prose_map`
 * (prose_map[i] is the offset in `text` of prose byte i; NULL when the
 * two are the same). All fields are owned by the core and read-only.
 */
typedef struct fc_document {
	const char *path;  /* as given on the command line ("-" is stdin) */
	const char *text;  /* raw bytes, NUL-terminated */
	size_t len;
	const char *prose; /* NUL-terminated */
	size_t prose_len;
	const size_t *prose_map; /* prose_len + 1 entries, or NULL */
	fc_doc_format format;
	fc_date date;             /* the as-of date */
	fc_date_origin date_origin;
	fc_doc_priv *priv;        /* core only */
	unsigned flags;           /* FC_DOCF_*: what the run asks of checkers */
} fc_document;

/* The run lists the figures no checker binds (--show-unchecked, or
 * `figcheck claims --explain`): a checker that saw a figure and could not
 * read it as a claim may say why, with a claim flagged
 * FC_CLAIMF_UNRECOGNISED. Without it, such claims are wasted work. */
#define FC_DOCF_UNRECOGNISED 0x1u
/* `figcheck claims --explain`: fill fc_claim.explain. */
#define FC_DOCF_EXPLAIN 0x2u

/* ------------------------------------------------------------------ */
/* Claims: what a checker finds. */

typedef enum fc_severity {
	FC_SEVERITY_ERROR = 0,
	FC_SEVERITY_WARNING = 1,
	FC_SEVERITY_INFO = 2
} fc_severity;

/* True if `m` is a usable metric key: 1 to 200 of letters, digits and
 * . _ - : / ("gaza.killed.children", "ukr.population"). */
static inline bool fc_metric_valid(const char *m)
{
	size_t n = 0;

	if (!m)
		return false;
	for (; m[n]; n++)
		if (!(fc_is_alnum(m[n]) || m[n] == '.' || m[n] == '_' ||
		      m[n] == '-' || m[n] == ':' || m[n] == '/'))
			return false;
	return n > 0 && n <= 200;
}

/* What a claim says of its metric (ABI 2): where it stands (a level), or
 * how it moved. */
typedef enum fc_change {
	FC_CHANGE_NONE = 0, /* a level: "9,770 killed" */
	FC_CHANGE_ABSOLUTE, /* the figure is a difference: "up 285" */
	FC_CHANGE_RELATIVE, /* a difference in percent: "up 20%", "a tenth" */
	FC_CHANGE_MULTIPLE, /* a ratio: "doubled" (2), "halved" (0.5) */
	FC_CHANGE_HIGHEST,  /* the figure is the highest of the series since
	                       the reference point: "the highest since 2014" */
	FC_CHANGE_LOWEST    /* the lowest: "the lowest in ten years" */
} fc_change;

static inline const char *fc_change_name(fc_change c)
{
	return c == FC_CHANGE_ABSOLUTE   ? "absolute"
	       : c == FC_CHANGE_RELATIVE ? "relative"
	       : c == FC_CHANGE_MULTIPLE ? "multiple"
	       : c == FC_CHANGE_HIGHEST  ? "highest"
	       : c == FC_CHANGE_LOWEST   ? "lowest"
	                                 : "level";
}

/*
 * One numeric claim. Offsets are into doc->prose. String fields are
 * copied by the core in claim_add. A claim with a NULL metric was found
 * but could not be bound to a metric with certainty; it is reported as
 * such and never verified.
 *
 * A claim about change (change != FC_CHANGE_NONE) compares the metric at
 * the claim's date with the metric at a reference point: a date
 * (ref_date: "since 2014", "since October 7"), a span back from the
 * claim's date (ref_span of ref_unit: "in two weeks" is 14 days), or the
 * start of the series (ref_start: "since the war began"). The core fills
 * the reference point from the sentence (dates.h) unless the checker did.
 * The number is the change as written, unsigned; change_dir gives its
 * sign. A multiple's number is the ratio ("doubled": 2).
 */
typedef struct fc_claim {
	size_t start, end;          /* the claim's figure, qualifier included */
	size_t sent_start, sent_end; /* the sentence it stands in */
	fc_number number;           /* the reading; offsets into prose */
	const char *rule_id;        /* "casualties.killed-people" */
	const char *metric;         /* "gaza.killed", or NULL: not bound */
	const char *unbound_reason; /* why metric is NULL */
	const char *attribution;    /* a named source ("the UN"), or NULL */
	fc_severity severity;       /* how grave a discrepancy is */
	double tolerance;           /* relative tolerance allowed by the rule */
	fc_date as_of;              /* the claim's own date, or FC_DATE_NONE */
	fc_date since;              /* "since October 7": count from, or NONE */
	const char *as_of_text;     /* the phrases that set as_of and since
	                               ("as of November 10; since October
	                               7"), or NULL */
	/* The parts of a claim a frame found (ABI 2); each may be NULL. */
	const char *entity;  /* of whom or where ("gaza") */
	const char *measure; /* what is counted ("killed") */
	const char *group;   /* which subgroup ("children") */
	const char *period;  /* "cumulative", "unstated", or what it covers */
	double partial_below; /* > 0 when the period is unstated: a figure
	                         below this share of the record in force is
	                         read as a count over part of the period (one
	                         strike, one day) and left unchecked, never
	                         called wrong */
	const char *explain; /* how the claim was read, one part a line
	                        ("measure: killed, from \"killed\" at 3:20"),
	                        for `figcheck claims --explain`; or NULL */
	unsigned flags;      /* FC_CLAIMF_* */
	/* A claim about change (ABI 2); see above. */
	fc_change change;
	int change_dir;      /* +1 up, -1 down, 0 not said */
	fc_date ref_date;    /* the reference point, or FC_DATE_NONE */
	fc_period ref_unit;  /* ref_date's precision ("since 2014": a year),
	                        or ref_span's unit */
	int ref_span;        /* or so many ref_units before the claim's date
	                        (weeks are 7 days), or 0 */
	bool ref_start;      /* or the start of the series */
	const char *ref_text; /* the words that gave the reference point */
	double ratio_tolerance; /* of a multiple: "doubled" is a ratio of 2
	                           within this (0.1 when 0) */
	bool per_day;        /* the figure counts one day of a running total
	                        ("704 killed in the past 24 hours"): checked
	                        as the day's rise of a series its source says
	                        is cumulative; with FC_CHANGE_HIGHEST or
	                        LOWEST, an extreme of those daily rises */
} fc_claim;

/* The checker saw this figure and could not read a claim in it: no
 * metric, and `unbound_reason` says what was missing ("no measure word
 * near it"). Counted as unchecked; listed only when the run asks for the
 * unchecked figures. Only added when doc->flags has FC_DOCF_UNRECOGNISED. */
#define FC_CLAIMF_UNRECOGNISED 0x1u
/* The figure is of a running total, which only grows (a death toll): a
 * value between two records is one the total took in between. */
#define FC_CLAIMF_RUNNING_TOTAL 0x2u
/* as_of is known to the year only ("ten years ago"): a yearly record of
 * that year applies, though dated at the year's end. Set by the core. */
#define FC_CLAIMF_AS_OF_YEAR 0x4u
/* The claim's entity was named outside its sentence (the headline, the
 * sentence before): a figure far from that entity's record is more
 * likely about another place or group than wrong, and is unverified. */
#define FC_CLAIMF_ENTITY_ELSEWHERE 0x8u
/* The claim's entity is named in its sentence but not tied to its
 * figure (not its noun, not beside the measure's word, not a place of
 * its clause: "Israel disputes the figure of 13,000 dead"): treated as
 * FC_CLAIMF_ENTITY_ELSEWHERE. */
#define FC_CLAIMF_ENTITY_LOOSE 0x10u

/*
 * A finding that a checker decides without reference data (an internal
 * inconsistency). Offsets are into doc->prose. Strings copied by the core.
 */
typedef struct fc_issue {
	size_t start, end;
	const char *rule_id;   /* "consistency.share" */
	const char *verdict;   /* "discrepancy" or "ok" */
	const char *message;   /* one sentence */
	const char *reason;    /* why the verdict follows */
	double expected;       /* the value the draft's own figures imply */
	double written;        /* the value written */
	fc_severity severity;
} fc_issue;

/* ------------------------------------------------------------------ */
/* Records: what a source brings. */

/*
 * One dated reference value. A record may carry the qualifier and
 * precision it was published with ("about 1,200" is FC_QUAL_ABOUT with
 * precision 100). Strings are copied by the core in record_add.
 *
 * A record covers a day, a month or a year (`period`, ABI 2). A source
 * may give any date within the period; the core dates the record at the
 * period's last day (the population of 2023 on 2023-12-31), where it
 * comes into force, and it stays in force until the next record.
 */
typedef struct fc_record {
	const char *metric;     /* "gaza.killed" */
	fc_date date;           /* the day the figure refers to; for a month
	                           or a year, a day in it (stored as the
	                           period's last day) */
	double value;
	fc_qualifier qualifier; /* as published; FC_QUAL_NONE if exact */
	double precision;       /* as published; 0 or 1 if exact */
	const char *url;        /* where it came from, or NULL: the source's */
	const char *note;       /* optional */
	const char *reported_by; /* who published the figure, or NULL */
	fc_period period;       /* ABI 2: what the figure covers; 0 is a day */
} fc_record;

/* A fetched resource handed to a source's parse callback. */
typedef struct fc_resource {
	const char *url;       /* as requested */
	const char *body;      /* NUL-terminated; may contain NULs before len */
	size_t len;
	const char *content_type; /* or NULL */
	int64_t retrieved;     /* when it was fetched (Unix time) */
	bool from_cache;
} fc_resource;

/* A body fetched through host->fetch. Free with host->blob_free. */
typedef struct fc_blob {
	char *data; /* NUL-terminated */
	size_t len;
	int64_t retrieved;
	bool from_cache;
} fc_blob;

/* ------------------------------------------------------------------ */
/* Findings and reports: what a reporter writes. */

/* Verdicts, in order of gravity: --fail-on X fails on X and anything
 * after it in this list. */
typedef enum fc_verdict {
	FC_VERDICT_OK = 0,
	FC_VERDICT_UNCHECKED,   /* found, but not bound to a metric */
	FC_VERDICT_UNVERIFIED,  /* no record, or its source failed */
	FC_VERDICT_UNDERSTATED, /* "more than X" true but far below the record */
	FC_VERDICT_OVERSTATED,  /* "up to X" true but far above the record */
	FC_VERDICT_OUTDATED,    /* agrees with an earlier record only */
	FC_VERDICT_DISCREPANCY  /* disagrees with the record */
} fc_verdict;
#define FC_VERDICT_COUNT 7

/* A record as stored by the core, with the source that brought it. */
typedef struct fc_ref {
	fc_record rec;       /* strings owned by the store */
	const char *source;  /* the source's configured name */
	const char *source_url; /* the source's URL */
	int64_t retrieved;   /* Unix time */
	double low, high;    /* interval implied by qualifier and precision */
	bool low_open, high_open;
} fc_ref;

#define FC_SERIES_MAX 120

/* One record of a series, for pictures (ABI 2). */
typedef struct fc_point {
	fc_date date;
	double value;
	double low, high; /* its interval; may be infinite */
} fc_point;

typedef struct fc_finding {
	fc_verdict verdict;
	fc_severity severity;
	const fc_claim *claim;   /* NULL for a checker's issue */
	const char *rule_id;
	const char *metric;      /* or NULL */
	size_t start, end;       /* byte span in doc->text */
	unsigned line, col;      /* 1-based; col counts code points */
	unsigned end_line, end_col; /* of the last character, inclusive */
	const char *text;        /* the claim as written */
	const char *sentence;    /* the sentence it stands in */
	fc_date as_of;           /* the date the claim was checked at */
	const fc_ref *record;    /* the record in force, or NULL */
	const fc_ref *matched;   /* an earlier or lagging record the claim
	                            agrees with, or NULL */
	const fc_ref *const *others; /* other sources' records in force */
	size_t n_others;
	double claim_low, claim_high; /* the claim's interval */
	bool claim_low_open, claim_high_open;
	double diff_abs, diff_rel; /* claim value - record value, and / record */
	double tolerance;        /* relative tolerance applied */
	/* A claim about change (ABI 2): the record at the reference point,
	 * and the change the records give (in the claim's terms: a
	 * difference, a percentage or a ratio; an interval, from the
	 * records' precision); for an extreme, the record that is the
	 * extreme of the window, or `record` itself. */
	const fc_ref *ref_record;
	double change_low, change_high;
	/* The deciding source's records of the metric around the claim's
	 * date, by date, for a picture of the finding (ABI 2): from before
	 * the reference point (or a few weeks before the record) to a
	 * little after the claim's date; at most FC_SERIES_MAX points, thinned
	 * evenly but keeping the records the finding names. NULL when the
	 * finding compares with no series. */
	const fc_point *series;
	size_t n_series;
	bool stale;              /* the record in force is older than allowed */
	int stale_days;          /* its age in days at as_of */
	const char *message;     /* one sentence */
	const char *reason;      /* why the verdict follows */
	char fingerprint[17];    /* 16 hex digits */
} fc_finding;

/* How many figures a document (or a run) holds, and what became of
 * them: figures = checked + unchecked + not_quantities. */
typedef struct fc_coverage {
	size_t figures;        /* numeric expressions in the prose */
	size_t checked;        /* quantities bound to a metric and verified */
	size_t unchecked;      /* quantities no rule bound to a metric */
	size_t not_quantities; /* years, dates, times, ordinals, identifiers */
} fc_coverage;

typedef struct fc_report_doc {
	const fc_document *doc;   /* NULL when the document failed to load */
	const char *path;
	const fc_finding *findings;
	size_t n_findings;
	const char *error;        /* why the document failed, or NULL */
	fc_coverage coverage;     /* its figures (ABI 2) */
} fc_report_doc;

typedef struct fc_source_info {
	const char *name;
	const char *plugin;
	const char *url;
	bool ok;
	const char *error;      /* why it failed, or NULL */
	size_t n_records;
	int64_t retrieved;      /* Unix time, 0 if never */
	bool from_cache;
	const char *cache_state; /* "fresh", "revalidated", "stale", "none"... */
	double cache_age;        /* seconds since fetched, or -1 */
} fc_source_info;

typedef struct fc_report {
	const char *tool_name;     /* "figcheck" */
	const char *tool_version;
	const fc_report_doc *docs; /* all documents, or NULL: read each with
	                              doc() (see below) */
	size_t n_docs;
	const fc_source_info *sources;
	size_t n_sources;
	size_t counts[FC_VERDICT_COUNT]; /* findings per verdict */
	fc_verdict fail_on;
	bool failed;               /* some finding at or above fail_on, or a
	                              run-level condition that fails it */
	bool color;                /* the output is a terminal that wants colour */
	/* Added in ABI 2. */
	fc_coverage coverage;      /* the figures of every document */
	bool show_unchecked;       /* unchecked figures are listed as findings */
	const char *const *warnings; /* what every report must say about the
	                                run as a whole, one sentence each
	                                ("no configuration found: ..."), or
	                                NULL; owned by the core */
	size_t n_warnings;
	/* The documents one at a time, so that a run's memory does not grow
	 * with the number of documents. When `docs` is NULL, document i (<
	 * n_docs) is doc(report, i): it, its findings, their claims and
	 * strings, and its fc_document belong to the core and stay valid
	 * until the next call of doc() or the end of report(); a reporter
	 * copies what it keeps longer. It may read the documents as often
	 * as it needs, in any order (in order is fastest). Never NULL. */
	const struct fc_report_doc *(*doc)(const struct fc_report *report,
					   size_t i);
	void *doc_source;          /* the core's, for doc() */
	size_t n_errors;           /* documents that could not be read */
} fc_report;

/* Document i of a report, whichever way the core gives them. */
static inline const fc_report_doc *fc_report_doc_at(const fc_report *rep,
						    size_t i)
{
	return rep->docs ? &rep->docs[i] : rep->doc(rep, i);
}

/* ------------------------------------------------------------------ */
/* The host table. */

typedef struct fc_host {
	uint32_t abi;  /* FC_PLUGIN_ABI of the core */
	uint32_t size; /* sizeof(fc_host) of the core */

	/* Logs a message prefixed with the plugin instance's name. */
	void (*log)(fc_plugin_ctx *ctx, fc_log_level level, const char *fmt,
		    ...) FC_PRINTF(3, 4);
	/* Fills `err` (see fc_error_set) and returns `code`. */
	fc_status (*error)(fc_error *err, fc_status code, const char *fmt, ...)
	    FC_PRINTF(3, 4);

	/* JSON values: the configuration's (borrowed, valid until fini), or
	 * a tree from json_parse (valid until json_free). opt() returns the
	 * member `key` of an object, or NULL. Each accepts NULL and a value
	 * of another type: opt() and value_at() then give NULL,
	 * value_count() 0, value_bool() false. */
	const fc_value *(*opt)(const fc_value *object, const char *key);
	fc_value_type (*value_type)(const fc_value *v);
	const char *(*value_string)(const fc_value *v); /* NULL if not one */
	double (*value_number)(const fc_value *v);      /* NAN if not one */
	bool (*value_bool)(const fc_value *v);
	size_t (*value_count)(const fc_value *v);       /* array/object size */
	const fc_value *(*value_at)(const fc_value *v, size_t i);
	const char *(*value_key)(const fc_value *member); /* object member */
	/* Writes the JSON path of a configuration value ("sources[0].options
	 * .metrics") into buf; for error messages. Returns buf. (Of a value
	 * outside the configuration, the instance's options path.) */
	const char *(*value_path)(fc_plugin_ctx *ctx, const fc_value *v,
				  char *buf, size_t size);

	/* Resolves a path relative to the configuration file's folder.
	 * Returns a string the caller frees with free(), or NULL. */
	char *(*resolve_path)(fc_plugin_ctx *ctx, const char *path);

	/* The number engine (see figcheck.h) and the run's options for it. */
	fc_status (*numbers_scan)(const char *text, size_t len,
				  const fc_num_options *opts,
				  fc_number_list *list);
	void (*number_list_free)(fc_number_list *list);
	void (*number_set_bounds)(fc_number *n, const fc_num_options *opts);
	const fc_num_options *(*num_options)(fc_plugin_ctx *ctx);

	/* Dates. date_parse reads `len` bytes of `s` in `format`, a strftime-
	 * like pattern of %Y %m %d %b (month name) %e (day, no padding), or
	 * NULL for ISO 8601 (a time after the date is ignored). A format
	 * without a day gives the month's first day ("%Y-%m"), one without
	 * a month the year's ("%Y"). */
	fc_date (*date_parse)(const char *s, size_t len, const char *format);

	/* Sentence spans of `text`: the sentence containing `offset`. */
	void (*sentence_at)(const char *text, size_t len, size_t offset,
			    size_t *start, size_t *end);

	/* Line and column (1-based, column in code points) of a byte offset
	 * into doc->text. */
	void (*position)(const fc_document *doc, size_t offset, unsigned *line,
			 unsigned *col);

	/* Checkers: add a claim or an issue for the document being checked. */
	fc_status (*claim_add)(fc_check_sink *sink, const fc_claim *claim);
	fc_status (*issue_add)(fc_check_sink *sink, const fc_issue *issue);

	/* Sources: add a record; ask for a URL to be fetched. */
	fc_status (*record_add)(fc_record_sink *sink, const fc_record *rec);
	fc_status (*url_add)(fc_url_sink *sink, const char *url);

	/* Fetches `url` through the core's fetcher and cache, synchronously.
	 * On success the caller owns `out` and frees it with blob_free. */
	fc_status (*fetch)(fc_plugin_ctx *ctx, const char *url, fc_blob *out,
			   fc_error *err);
	void (*blob_free)(fc_blob *blob);

	/* Folders to search for the plugin's data files of kind `what`
	 * ("rules"), colon-separated, first match wins: the environment's
	 * FIGCHECK_RULES_PATH, then figcheck's own folder. Borrowed, valid
	 * until fini; NULL for an unknown kind. */
	const char *(*data_path)(fc_plugin_ctx *ctx, const char *what);

	/* Every numeric expression of doc->prose, read once by the core with
	 * the run's number options, in text order (offsets into doc->prose).
	 * Borrowed from the document; valid while it is checked. Checkers
	 * use it instead of scanning the prose again. (ABI 2) */
	const fc_number_list *(*doc_numbers)(const fc_document *doc);

	/* Added to ABI 2 in its reserved space: a core older than these
	 * leaves them NULL, so a plugin checks the pointer before the first
	 * call (and a plugin built without them loads as before). */

	/* Parses `len` bytes of `text` (a fetched body) as one JSON value
	 * and returns its tree, which the caller frees with json_free; read
	 * it with the accessors above (opt, value_type, value_string,
	 * value_number, value_bool, value_count, value_at, value_key) and
	 * value_next. Not JSON: returns NULL and fills `err` with
	 * "NAME:LINE:COL: invalid JSON near '...'" (NAME is `name`, the URL
	 * or file, for the message). Any input is safe: text that is not
	 * UTF-8, NUL bytes, a body cut short, and arrays and objects nested
	 * more than 1000 deep (refused, with a message saying so). Members
	 * keep the order of the text; of a key given twice, opt() finds the
	 * first. A number too large for a double reads as infinite. */
	fc_value *(*json_parse)(const char *name, const char *text, size_t len,
				fc_error *err);
	/* Frees a tree from json_parse, every value in it included. NULL is
	 * allowed. */
	void (*json_free)(fc_value *root);
	/* The next member of the object or item of the array that holds
	 * `v`, or NULL after the last: with value_at(v, 0) it walks an
	 * array or object in time proportional to its size (value_at(v, i)
	 * counts from the start every time). */
	const fc_value *(*value_next)(const fc_value *v);

	/* The sentence of doc->prose that holds `offset` (into doc->prose),
	 * as sentence_at(doc->prose, doc->prose_len, ...) gives it, looked
	 * up in the document's sentence index, built once for every
	 * checker: use it rather than sentence_at for a document's prose. */
	void (*doc_sentence_at)(const fc_document *doc, size_t offset,
				size_t *start, size_t *end);

	void *reserved[11]; /* NULL; for later additions */
} fc_host;

/* ------------------------------------------------------------------ */
/* The descriptor. */

typedef struct fc_plugin {
	uint32_t magic; /* FC_PLUGIN_MAGIC */
	uint32_t abi;   /* FC_PLUGIN_ABI the plugin was built with */
	uint32_t size;  /* sizeof(fc_plugin) the plugin was built with */
	fc_plugin_kind kind;
	const char *name;        /* [a-z0-9_-]+, unique per kind */
	const char *version;     /* the plugin's own version */
	const char *description; /* one line */
	const fc_option *options; /* terminated by an entry with NULL name */

	/* Allocates the instance's state from its validated options. `ctx`
	 * stays valid until fini. Returns FC_OK or fills err. Required. */
	fc_status (*init)(const fc_host *host, fc_plugin_ctx *ctx,
			  const fc_value *options, void **state, fc_error *err);
	/* Frees the state. Optional; called once, also after a failed run. */
	void (*fini)(void *state);

	struct {
		/* Finds claims in one document and adds them to `sink`.
		 * Required. May run concurrently for different documents. */
		fc_status (*check)(void *state, const fc_document *doc,
				   fc_check_sink *sink, fc_error *err);
		/* Runs the plugin's own examples (`figcheck rules test`);
		 * writes a report to `out` and returns the number of failed
		 * examples, or a negative fc_status. Optional. */
		int (*selftest)(void *state, const char *const *args,
				size_t n_args, FILE *out, fc_error *err);
	} checker;

	struct {
		/* Lists the URLs to fetch, with url_add. The configured
		 * "url" is passed as `base_url` (or NULL) and is not fetched
		 * itself unless listed. The core fetches every source's URLs
		 * at once and hands each body to parse. Optional: without
		 * it, the configured "url" is fetched. */
		fc_status (*urls)(void *state, const char *base_url,
				  fc_url_sink *sink, fc_error *err);
		/* Turns one fetched resource into records. Required. A record
		 * that cannot be read is skipped with a warning; a resource
		 * that cannot be read at all is an error. */
		fc_status (*parse)(void *state, const fc_resource *res,
				   fc_record_sink *sink, fc_error *err);
		/* The metric keys this instance can provide (NULL-terminated,
		 * owned by the state; '*' in a key matches any run of
		 * characters: "gaza.*", "*.population"). Optional; lets the
		 * core say which claims a failed source leaves unverified. */
		const char *const *(*metrics)(void *state);
	} source;

	struct {
		/* Writes the whole run's report to `out`. Required. */
		fc_status (*report)(void *state, const fc_report *report,
				    FILE *out, fc_error *err);
	} reporter;

	void *reserved[8]; /* NULL; for later additions */
} fc_plugin;

/* Defines the exported descriptor with magic, ABI and size filled in. */
#define FIGCHECK_PLUGIN(...)                                                   \
	__attribute__((visibility("default"))) const fc_plugin figcheck_plugin = { \
	    .magic = FC_PLUGIN_MAGIC,                                          \
	    .abi = FC_PLUGIN_ABI,                                              \
	    .size = sizeof(fc_plugin),                                         \
	    __VA_ARGS__}

/* Short stable name of a verdict ("discrepancy"). Static. */
static inline const char *fc_verdict_name(fc_verdict v)
{
	static const char *const names[FC_VERDICT_COUNT] = {
	    "ok", "unchecked", "unverified", "understated", "overstated",
	    "outdated", "discrepancy"};
	return (unsigned)v < FC_VERDICT_COUNT ? names[v] : "unverified";
}

/* Short stable name of a severity ("error"). Static. */
static inline const char *fc_severity_name(fc_severity s)
{
	return s == FC_SEVERITY_ERROR	  ? "error"
	       : s == FC_SEVERITY_WARNING ? "warning"
					  : "info";
}

#ifdef __cplusplus
}
#endif
#endif
