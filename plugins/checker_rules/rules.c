/*
 * rules.c: the rule checker. Runs rule packs (JSON files in rules/) of PCRE2
 * patterns anchored on the numbers that the core's number engine finds.
 *
 * How a document is matched. The number engine reads every numeric
 * expression in the prose. Each sentence that holds at least one quantity
 * is copied with every quantity (qualifier included: "more than 1,400")
 * replaced by one private-use character, U+E000. A pattern's {NUMBER}
 * placeholder stands for that character, so rules never need to know how
 * figures are written, and sentences without figures are never scanned.
 * Patterns are compiled once per process, with JIT.
 *
 * A rule binds the number its {NUMBER} matched to a metric key. Optional
 * guards: "context", a pattern that must match somewhere in the sentence;
 * "unless", a pattern that, when it matches the sentence, leaves the claim
 * reported but unbound (it is about something else: a single strike's
 * toll, soldiers rather than civilians). A rule without a metric only ever
 * reports claims as found but not checked. A named group "source" in a
 * pattern captures an attribution ("according to the Ministry of
 * Health").
 *
 * Each number is claimed by the first rule, in pack order, that matches
 * it; later rules do not see it.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <figcheck/plugin.h>

#include "frames.h"
#include "util.h"

#define TOKEN "\xEE\x80\x80" /* U+E000 in UTF-8 */
#define TOKEN_LEN 3
#define MAX_PACK_SIZE (4u * 1024 * 1024)
#define MAX_SENTENCE (64u * 1024)

typedef struct rule {
	char *id;          /* "pack.rule" */
	char *metric;      /* or NULL: claims are never bound */
	char *description;
	char *unbound_reason; /* what "unless" means, for the report */
	pcre2_code **patterns;
	size_t n_patterns;
	pcre2_code *context; /* or NULL */
	pcre2_code *unless;  /* or NULL */
	fc_severity severity;
	double tolerance;
	unsigned kinds;      /* bit per fc_num_kind allowed */
	cJSON *examples;     /* borrowed from the pack's tree */
	cJSON *counterexamples;
	size_t pack;         /* index of its pack */
} rule;

typedef struct pack {
	char *name;
	char *path;
	cJSON *root; /* kept for the examples */
} pack;

typedef struct state {
	const fc_host *host;
	fc_plugin_ctx *ctx;
	pack *packs;
	size_t n_packs, cap_packs;
	rule *rules;
	size_t n_rules, cap_rules;
	bool jit;
	/* Bounds of one pattern's match (PCRE2's match and depth limits):
	 * a pattern that backtracks without end is an error of its rule,
	 * not a silent "no match". Read-only once set up. */
	pcre2_match_context *mctx;
	uint32_t match_limit, depth_limit;
	fr_set *frames;        /* the packs' claim frames */
	const char *const *dirs; /* the search path, while loading */
	size_t n_dirs;
	const fc_value *disable; /* while loading */
} state;

/* One claim found by match_text, in offsets of the text matched. */
typedef struct found {
	size_t start, end, value_start;
	size_t sent_start, sent_end;
	const rule *r;
	const char *metric;       /* NULL: unbound */
	const char *unbound_reason;
	char *attribution;        /* owned */
	fc_number number;
} found;

typedef struct found_list {
	found *items;
	size_t n, cap;
} found_list;

static const fc_option options[] = {
    {"packs", FC_OPT_STRING_ARRAY, false, NULL,
     "rule packs to load, by name (\"casualties\") or path; default: every "
     "pack on the rules path"},
    {"paths", FC_OPT_STRING_ARRAY, false, "[]",
     "folders searched for packs before the built-in ones"},
    {"disable", FC_OPT_STRING_ARRAY, false, "[]",
     "rule ids (\"casualties.killed-group\") to turn off"},
    {"jit", FC_OPT_BOOL, false, "true",
     "compile patterns with PCRE2's JIT (turn off to run under valgrind, "
     "which cannot follow JIT code)"},
    {"match_limit", FC_OPT_INTEGER, false, "1000000",
     "steps one pattern may take on one sentence (PCRE2's match limit); "
     "a pattern that needs more is an error of its rule"},
    {"depth_limit", FC_OPT_INTEGER, false, "10000",
     "backtracking depth one pattern may reach (PCRE2's depth limit)"},
    {NULL, 0, false, NULL, NULL}};

/* ------------------------------------------------------------------ */
/* Small helpers. */

static void found_list_free(found_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].attribution);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static void rule_free(rule *r)
{
	free(r->id);
	free(r->metric);
	free(r->description);
	free(r->unbound_reason);
	for (size_t i = 0; i < r->n_patterns; i++)
		pcre2_code_free(r->patterns[i]);
	free(r->patterns);
	pcre2_code_free(r->context);
	pcre2_code_free(r->unless);
}

static void state_free(void *p)
{
	state *st = p;

	if (!st)
		return;
	for (size_t i = 0; i < st->n_rules; i++)
		rule_free(&st->rules[i]);
	free(st->rules);
	for (size_t i = 0; i < st->n_packs; i++) {
		free(st->packs[i].name);
		free(st->packs[i].path);
		cJSON_Delete(st->packs[i].root);
	}
	free(st->packs);
	fr_free(st->frames);
	pcre2_match_context_free(st->mctx);
	free(st);
}

/* ------------------------------------------------------------------ */
/* Loading packs. */

/* A load error: the pack's file, the JSON path and what is wrong. */
static fc_status pack_error(state *st, fc_error *err, const char *file,
			    const char *where, const char *fmt, ...)
    FC_PRINTF(5, 6);

static fc_status pack_error(state *st, fc_error *err, const char *file,
			    const char *where, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return st->host->error(err, FC_ERR_CONFIG, "rule pack %s: %s: %s", file,
			       where, msg);
}

/* Expands {NUMBER} and {NAME} placeholders of `src` with the pack's
 * defines. Returns a new string, or NULL with *bad set to the unknown
 * placeholder's name (caller frees it) or NULL on allocation failure. */
static char *expand(const char *src, const cJSON *defines, int depth,
		    char **bad)
{
	size_t cap = strlen(src) * 2 + 64, len = 0;
	char *out = malloc(cap);

	*bad = NULL;
	if (!out)
		return NULL;
	for (const char *p = src; *p;) {
		const char *add = NULL;
		char *owned = NULL;
		size_t addlen = 1;

		if (*p == '{' && (p == src || p[-1] != '\\')) {
			const char *close = strchr(p, '}');
			size_t n = close ? (size_t)(close - p - 1) : 0;
			bool name = n > 0 && n < 64;

			for (size_t i = 1; name && i <= n; i++)
				if (!((p[i] >= 'A' && p[i] <= 'Z') || p[i] == '_'))
					name = false;
			if (name) {
				if (n == 6 && strncmp(p + 1, "NUMBER", 6) == 0) {
					add = "(?<NUMBER>\\x{E000})";
				} else {
					char key[64];
					const cJSON *d;
					memcpy(key, p + 1, n);
					key[n] = 0;
					d = cJSON_GetObjectItemCaseSensitive(defines,
									     key);
					if (!cJSON_IsString(d) || depth > 4) {
						*bad = fr_dup(key);
						free(out);
						return NULL;
					}
					owned = expand(d->valuestring, defines,
						       depth + 1, bad);
					if (!owned) {
						free(out);
						return NULL;
					}
					add = owned;
				}
				addlen = strlen(add);
				p = close + 1;
			}
		}
		if (!add) {
			add = p;
			addlen = 1;
			p++;
		}
		if (!fr_grow((void **)&out, &cap, len + addlen + 1, 1)) {
			free(owned);
			free(out);
			return NULL;
		}
		memcpy(out + len, add, addlen);
		len += addlen;
		free(owned);
	}
	out[len] = 0;
	return out;
}

/* Compiles one pattern (after expansion) with JIT. */
static fc_status compile(state *st, fc_error *err, const char *file,
			 const char *where, const char *src,
			 const cJSON *defines, bool caseless, bool need_number,
			 pcre2_code **out)
{
	char *bad = NULL, *pat = expand(src, defines, 0, &bad);
	int code;
	PCRE2_SIZE off;
	pcre2_code *re;
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;

	*out = NULL;
	if (!pat) {
		fc_status rc =
		    bad ? pack_error(st, err, file, where,
				     "unknown placeholder {%s}; define it in the "
				     "pack's \"define\" object",
				     bad)
			: st->host->error(err, FC_ERR_NOMEM, "out of memory");
		free(bad);
		return rc;
	}
	if (need_number && !strstr(pat, "(?<NUMBER>")) {
		free(pat);
		return pack_error(st, err, file, where,
				  "the pattern has no {NUMBER} placeholder; every "
				  "rule pattern must say where the figure is");
	}
	if (caseless)
		opts |= PCRE2_CASELESS;
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &code,
			   &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof(msg));
		fc_status rc = pack_error(st, err, file, where,
					  "invalid regular expression at offset "
					  "%zu of the expanded pattern: %s",
					  (size_t)off, (const char *)msg);
		free(pat);
		return rc;
	}
	free(pat);
	/* JIT is an optimisation: without it the pattern still works. */
	if (st->jit)
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	*out = re;
	return FC_OK;
}

static bool kind_from_name(const char *s, unsigned *bit)
{
	static const char *const names[] = {"count", "percent",
					    "percent_point", "money",
					    "fraction", "ratio", "multiple"};
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*bit = 1u << i;
			return true;
		}
	return false;
}

static bool valid_id(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		      s[n] == '-' || s[n] == '_'))
			return false;
	return n > 0 && n <= 64;
}


static bool is_disabled(const fc_host *h, const fc_value *disable,
			const char *id)
{
	for (size_t i = 0; i < h->value_count(disable); i++) {
		const char *s = h->value_string(h->value_at(disable, i));
		if (s && strcmp(s, id) == 0)
			return true;
	}
	return false;
}

/* Checks that every key of `obj` is one of `known`. */
static fc_status known_keys(state *st, fc_error *err, const char *file,
			    const char *where, const cJSON *obj,
			    const char *const *known)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, obj)
	{
		bool ok = false;
		for (size_t i = 0; known[i]; i++)
			if (strcmp(c->string, known[i]) == 0)
				ok = true;
		if (!ok)
			return pack_error(st, err, file, where,
					  "unknown key \"%s\"", c->string);
	}
	return FC_OK;
}

static fc_status load_rule(state *st, fc_error *err, const char *file,
			   size_t pack_index, const char *pack_name,
			   const cJSON *defines, const cJSON *o, size_t index,
			   const fc_value *disable)
{
	static const char *const keys[] = {
	    "id",      "description", "metric",   "patterns", "context",
	    "unless",  "unless_reason", "severity", "tolerance", "kinds",
	    "examples", "counterexamples", "case_sensitive", NULL};
	char where[160], sub[200];
	const cJSON *id, *metric, *pats, *sev, *tol, *kinds, *ex, *cex, *cs,
	    *ctx, *unl, *desc, *ureason;
	rule r;
	fc_status rc;
	bool caseless;

	memset(&r, 0, sizeof(r));
	snprintf(where, sizeof(where), "rules[%zu]", index);
	if (!cJSON_IsObject(o))
		return pack_error(st, err, file, where, "expected an object");
	id = cJSON_GetObjectItemCaseSensitive(o, "id");
	if (!cJSON_IsString(id) || !valid_id(id->valuestring))
		return pack_error(st, err, file, where,
				  "\"id\" must be a string of [a-z0-9_-]");
	snprintf(where, sizeof(where), "rules[%zu] (%s)", index,
		 id->valuestring);
	if ((rc = known_keys(st, err, file, where, o, keys)))
		return rc;
	metric = cJSON_GetObjectItemCaseSensitive(o, "metric");
	if (metric && !cJSON_IsNull(metric) &&
	    !(cJSON_IsString(metric) && fc_metric_valid(metric->valuestring)))
		return pack_error(st, err, file, where,
				  "\"metric\" must be a metric key such as "
				  "\"gaza.killed\" (letters, digits, . _ - : /) "
				  "or null");
	pats = cJSON_GetObjectItemCaseSensitive(o, "patterns");
	if (!cJSON_IsArray(pats) || cJSON_GetArraySize(pats) == 0)
		return pack_error(st, err, file, where,
				  "\"patterns\" must be a non-empty array of "
				  "strings");
	ex = cJSON_GetObjectItemCaseSensitive(o, "examples");
	cex = cJSON_GetObjectItemCaseSensitive(o, "counterexamples");
	if (!cJSON_IsArray(ex) || cJSON_GetArraySize(ex) == 0)
		return pack_error(st, err, file, where,
				  "\"examples\" must be a non-empty array: every "
				  "rule shows what it matches");
	if (cex && !cJSON_IsArray(cex))
		return pack_error(st, err, file, where,
				  "\"counterexamples\" must be an array of "
				  "strings");
	for (int i = 0; i < cJSON_GetArraySize(ex); i++) {
		const cJSON *e = cJSON_GetArrayItem(ex, i);
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "text");
		const cJSON *cl = cJSON_GetObjectItemCaseSensitive(e, "claim");
		if (!cJSON_IsObject(e) || !cJSON_IsString(t) ||
		    !cJSON_IsString(cl))
			return pack_error(st, err, file, where,
					  "examples[%d] must be an object with "
					  "string fields \"text\" and \"claim\"",
					  i);
	}
	for (int i = 0; cex && i < cJSON_GetArraySize(cex); i++)
		if (!cJSON_IsString(cJSON_GetArrayItem(cex, i)))
			return pack_error(st, err, file, where,
					  "counterexamples[%d] must be a string",
					  i);
	sev = cJSON_GetObjectItemCaseSensitive(o, "severity");
	r.severity = FC_SEVERITY_ERROR;
	if (sev) {
		if (cJSON_IsString(sev) && strcmp(sev->valuestring, "error") == 0)
			r.severity = FC_SEVERITY_ERROR;
		else if (cJSON_IsString(sev) &&
			 strcmp(sev->valuestring, "warning") == 0)
			r.severity = FC_SEVERITY_WARNING;
		else if (cJSON_IsString(sev) &&
			 strcmp(sev->valuestring, "info") == 0)
			r.severity = FC_SEVERITY_INFO;
		else
			return pack_error(st, err, file, where,
					  "\"severity\" must be \"error\", "
					  "\"warning\" or \"info\"");
	}
	tol = cJSON_GetObjectItemCaseSensitive(o, "tolerance");
	if (tol) {
		if (!cJSON_IsNumber(tol) || !(tol->valuedouble >= 0) ||
		    tol->valuedouble > 1)
			return pack_error(st, err, file, where,
					  "\"tolerance\" must be a number from 0 "
					  "to 1 (a fraction of the record)");
		r.tolerance = tol->valuedouble;
	}
	kinds = cJSON_GetObjectItemCaseSensitive(o, "kinds");
	r.kinds = 1u << FC_NUM_COUNT;
	if (kinds) {
		const cJSON *k;
		r.kinds = 0;
		if (!cJSON_IsArray(kinds))
			return pack_error(st, err, file, where,
					  "\"kinds\" must be an array of number "
					  "kinds");
		cJSON_ArrayForEach(k, kinds)
		{
			unsigned bit;
			if (!cJSON_IsString(k) ||
			    !kind_from_name(k->valuestring, &bit))
				return pack_error(
				    st, err, file, where,
				    "\"kinds\": unknown kind; use count, percent, "
				    "percent_point, money, fraction, ratio or "
				    "multiple");
			r.kinds |= bit;
		}
	}
	cs = cJSON_GetObjectItemCaseSensitive(o, "case_sensitive");
	if (cs && !cJSON_IsBool(cs))
		return pack_error(st, err, file, where,
				  "\"case_sensitive\" must be true or false");
	caseless = !cJSON_IsTrue(cs);
	desc = cJSON_GetObjectItemCaseSensitive(o, "description");
	if (desc && !cJSON_IsString(desc))
		return pack_error(st, err, file, where,
				  "\"description\" must be a string");
	ureason = cJSON_GetObjectItemCaseSensitive(o, "unless_reason");
	if (ureason && !cJSON_IsString(ureason))
		return pack_error(st, err, file, where,
				  "\"unless_reason\" must be a string");

	{
		char full[200];
		snprintf(full, sizeof(full), "%s.%s", pack_name, id->valuestring);
		if (is_disabled(st->host,
				disable, full))
			return FC_OK;
		for (size_t i = 0; i < st->n_rules; i++)
			if (strcmp(st->rules[i].id, full) == 0)
				return pack_error(st, err, file, where,
						  "a rule with id \"%s\" is already "
						  "defined",
						  full);
		r.id = fr_dup(full);
	}
	r.metric = cJSON_IsString(metric) ? fr_dup(metric->valuestring) : NULL;
	r.description = desc ? fr_dup(desc->valuestring) : NULL;
	r.unbound_reason = fr_dup(ureason ? ureason->valuestring
				       : "the sentence is about something else "
					 "than the metric the rule checks");
	r.patterns = calloc((size_t)cJSON_GetArraySize(pats), sizeof(pcre2_code *));
	if (!r.id || (cJSON_IsString(metric) && !r.metric) ||
	    (desc && !r.description) || !r.unbound_reason || !r.patterns) {
		rule_free(&r);
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	}
	for (int i = 0; i < cJSON_GetArraySize(pats); i++) {
		const cJSON *p = cJSON_GetArrayItem(pats, i);
		snprintf(sub, sizeof(sub), "%s: patterns[%d]", where, i);
		if (!cJSON_IsString(p)) {
			rule_free(&r);
			return pack_error(st, err, file, sub, "expected a string");
		}
		rc = compile(st, err, file, sub, p->valuestring, defines, caseless,
			     true, &r.patterns[i]);
		if (rc) {
			rule_free(&r);
			return rc;
		}
		r.n_patterns++;
	}
	ctx = cJSON_GetObjectItemCaseSensitive(o, "context");
	unl = cJSON_GetObjectItemCaseSensitive(o, "unless");
	for (int k = 0; k < 2; k++) {
		const cJSON *g = k ? unl : ctx;
		if (!g)
			continue;
		snprintf(sub, sizeof(sub), "%s: %s", where, k ? "unless" : "context");
		if (!cJSON_IsString(g)) {
			rule_free(&r);
			return pack_error(st, err, file, sub, "expected a string");
		}
		rc = compile(st, err, file, sub, g->valuestring, defines, caseless,
			     false, k ? &r.unless : &r.context);
		if (rc) {
			rule_free(&r);
			return rc;
		}
	}
	r.examples = (cJSON *)ex;
	r.counterexamples = (cJSON *)cex;
	r.pack = pack_index;
	if (!fr_grow((void **)&st->rules, &st->cap_rules, st->n_rules + 1,
		  sizeof(rule))) {
		rule_free(&r);
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	}
	st->rules[st->n_rules++] = r;
	return FC_OK;
}

static char *find_pack(const char *name, const char *const *dirs, size_t n);

/* Whether a measure ("casualties.killed") is turned off by "disable". */
static bool frame_disabled(const char *id, void *ud)
{
	const state *st = ud;

	return st->disable && is_disabled(st->host, st->disable, id);
}

static fc_status load_pack(state *st, const char *file, const fc_value *disable,
			   fc_error *err)
{
	static const char *const keys[] = {
	    "$schema",	"pack",	     "version",	    "description", "define",
	    "rules",	"requires",  "lexicon",	    "entities",	   "entity_keys",
	    "events",	"groups",    "frames",	    "exclusions",  "cumulative",
	    "measures", "not_places", "multiples", NULL};
	FILE *fp = fopen(file, "rb");
	char *text = NULL;
	size_t len = 0, cap = 0;
	cJSON *root;
	const cJSON *name, *defines, *rules, *o;
	const char *end = NULL;
	pack *pk;
	size_t index = 0;
	fc_status rc;

	if (!fp)
		return st->host->error(err, FC_ERR_CONFIG, "rule pack %s: %s", file,
				       strerror(errno));
	for (;;) {
		size_t n;
		if (!fr_grow((void **)&text, &cap, len + 65536, 1)) {
			fclose(fp);
			free(text);
			return st->host->error(err, FC_ERR_NOMEM, "out of memory");
		}
		n = fread(text + len, 1, cap - len - 1, fp);
		len += n;
		if (n == 0 || len > MAX_PACK_SIZE)
			break;
	}
	fclose(fp);
	text[len] = 0;
	if (len > MAX_PACK_SIZE) {
		free(text);
		return st->host->error(err, FC_ERR_CONFIG,
				       "rule pack %s: larger than %u bytes", file,
				       MAX_PACK_SIZE);
	}
	root = cJSON_ParseWithLengthOpts(text, len, &end, false);
	if (!root) {
		unsigned line = 1, col = 1;
		size_t pos = end ? (size_t)(end - text) : 0, depth = 0;
		bool in_str = false;
		for (size_t i = 0; i < pos && i < len; i++) {
			if (text[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
				col++;
			}
			/* How deep the brackets go, strings skipped. */
			if (in_str)
				in_str = !(text[i] == '"' &&
					   (i == 0 || text[i - 1] != '\\'));
			else if (text[i] == '"')
				in_str = true;
			else if (text[i] == '[' || text[i] == '{')
				depth++;
			else if ((text[i] == ']' || text[i] == '}') && depth)
				depth--;
		}
		if (pos < len && (text[pos] == '[' || text[pos] == '{'))
			depth++;
		free(text);
		if (depth > CJSON_NESTING_LIMIT)
			return st->host->error(
			    err, FC_ERR_CONFIG,
			    "rule pack %s:%u:%u: JSON nested too deeply (more "
			    "than %d arrays and objects inside one another)",
			    file, line, col, (int)CJSON_NESTING_LIMIT);
		return st->host->error(err, FC_ERR_CONFIG,
				       "rule pack %s:%u:%u: invalid JSON", file,
				       line, col);
	}
	free(text);
	if (!fr_grow((void **)&st->packs, &st->cap_packs, st->n_packs + 1,
		  sizeof(pack))) {
		cJSON_Delete(root);
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	}
	pk = &st->packs[st->n_packs];
	memset(pk, 0, sizeof(*pk));
	pk->root = root;
	pk->path = fr_dup(file);
	st->n_packs++;
	if (!pk->path)
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	if (!cJSON_IsObject(root))
		return pack_error(st, err, file, "(top level)",
				  "expected an object with \"pack\" and \"rules\"");
	if ((rc = known_keys(st, err, file, "(top level)", root, keys)))
		return rc;
	name = cJSON_GetObjectItemCaseSensitive(root, "pack");
	if (!cJSON_IsString(name) || !valid_id(name->valuestring))
		return pack_error(st, err, file, "pack",
				  "expected the pack's name, of [a-z0-9_-]");
	for (size_t i = 0; i + 1 < st->n_packs; i++)
		if (strcmp(st->packs[i].name, name->valuestring) == 0)
			return pack_error(st, err, file, "pack",
					  "a pack named \"%s\" is already loaded "
					  "from %s",
					  name->valuestring, st->packs[i].path);
	if (!(pk->name = fr_dup(name->valuestring)))
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	/* The packs this one builds on (the grammar, the gazetteer) come
	 * first: its measures use their classes, entities and groups. */
	{
		const cJSON *req = cJSON_GetObjectItemCaseSensitive(root, "requires");
		size_t self = st->n_packs - 1;
		if (req && !cJSON_IsArray(req))
			return pack_error(st, err, file, "requires",
					  "expected an array of pack names");
		cJSON_ArrayForEach(o, req)
		{
			bool loaded = false;
			char *f;
			if (!cJSON_IsString(o) || !valid_id(o->valuestring))
				return pack_error(st, err, file, "requires",
						  "expected an array of pack "
						  "names");
			for (size_t i = 0; i < st->n_packs && !loaded; i++)
				loaded = st->packs[i].name &&
					 strcmp(st->packs[i].name,
						o->valuestring) == 0;
			if (loaded)
				continue;
			f = find_pack(o->valuestring, st->dirs, st->n_dirs);
			if (!f)
				return pack_error(st, err, file, "requires",
						  "pack \"%s\" not found on the "
						  "rules path",
						  o->valuestring);
			rc = load_pack(st, f, disable, err);
			free(f);
			if (rc)
				return rc;
		}
		pk = &st->packs[self]; /* the array may have moved */
	}
	if (!st->frames && !(st->frames = fr_new()))
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	{
		char msg[900];
		rc = fr_add_pack(st->frames, root, pk->name, file, frame_disabled,
				 st, msg, sizeof(msg));
		if (rc)
			return st->host->error(err, rc, "%s", msg);
	}
	defines = cJSON_GetObjectItemCaseSensitive(root, "define");
	if (defines && !cJSON_IsObject(defines))
		return pack_error(st, err, file, "define",
				  "expected an object of NAME: pattern");
	cJSON_ArrayForEach(o, defines)
	{
		const char *k = o->string;
		bool ok = cJSON_IsString(o) && k[0];
		for (size_t i = 0; ok && k[i]; i++)
			if (!((k[i] >= 'A' && k[i] <= 'Z') || k[i] == '_'))
				ok = false;
		if (!ok)
			return pack_error(st, err, file, "define",
					  "\"%s\": names are upper-case letters "
					  "and _, values are strings",
					  k);
	}
	rules = cJSON_GetObjectItemCaseSensitive(root, "rules");
	if (rules && !cJSON_IsArray(rules))
		return pack_error(st, err, file, "rules",
				  "expected an array of rules");
	{
		size_t self = (size_t)(pk - st->packs);
		cJSON_ArrayForEach(o, rules)
		{
			rc = load_rule(st, err, file, self, st->packs[self].name,
				       defines, o, index++, disable);
			if (rc)
				return rc;
		}
	}
	return FC_OK;
}

static bool file_exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Finds pack `name` (a name or a path) on the search path. The caller
 * frees the result. */
static char *find_pack(const char *name, const char *const *dirs, size_t n)
{
	char buf[PATH_MAX];

	if (strchr(name, '/') || strstr(name, ".json"))
		return file_exists(name) ? fr_dup(name) : NULL;
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%s/%s.json", dirs[i], name);
		if (file_exists(buf))
			return fr_dup(buf);
	}
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static fc_status rules_init(const fc_host *host, fc_plugin_ctx *ctx,
			    const fc_value *opts, void **out, fc_error *err)
{
	state *st = calloc(1, sizeof(*st));
	const fc_value *packs = host->opt(opts, "packs");
	const fc_value *paths = host->opt(opts, "paths");
	const fc_value *disable = host->opt(opts, "disable");
	const char *dirs[64];
	char *owned[64];
	size_t n_dirs = 0, n_owned = 0;
	char *search = NULL;
	fc_status rc = FC_OK;

	*out = NULL;
	if (!st)
		return host->error(err, FC_ERR_NOMEM, "out of memory");
	st->host = host;
	st->ctx = ctx;
	st->jit = host->value_bool(host->opt(opts, "jit"));
	{
		const fc_value *ml = host->opt(opts, "match_limit");
		const fc_value *dl = host->opt(opts, "depth_limit");
		double m = host->value_number(ml), d = host->value_number(dl);
		char path[256];
		if (!(m >= 1000 && m <= 4e9) || !(d >= 100 && d <= 4e9)) {
			const fc_value *bad = !(m >= 1000 && m <= 4e9) ? ml : dl;
			rc = host->error(err, FC_ERR_CONFIG,
					 "%s: give a whole number from %s to "
					 "4000000000",
					 host->value_path(ctx, bad, path,
							  sizeof(path)),
					 bad == ml ? "1000" : "100");
			goto out;
		}
		st->match_limit = (uint32_t)m;
		st->depth_limit = (uint32_t)d;
		st->mctx = pcre2_match_context_create(NULL);
		if (!st->mctx) {
			rc = host->error(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
		pcre2_set_match_limit(st->mctx, st->match_limit);
		pcre2_set_depth_limit(st->mctx, st->depth_limit);
	}
	/* The search path: the configured folders, then figcheck's. */
	for (size_t i = 0; i < host->value_count(paths) && n_dirs < 32; i++) {
		char *p = host->resolve_path(
		    ctx, host->value_string(host->value_at(paths, i)));
		if (!p) {
			rc = host->error(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
		owned[n_owned++] = p;
		dirs[n_dirs++] = p;
	}
	if (host->data_path(ctx, "rules")) {
		search = fr_dup(host->data_path(ctx, "rules"));
		if (!search) {
			rc = host->error(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
		for (char *tok = strtok(search, ":"); tok && n_dirs < 64;
		     tok = strtok(NULL, ":"))
			dirs[n_dirs++] = tok;
	}
	st->dirs = dirs;
	st->n_dirs = n_dirs;
	st->disable = disable;
	if (host->value_type(packs) == FC_VALUE_ARRAY) {
		for (size_t i = 0; i < host->value_count(packs); i++) {
			const char *name =
			    host->value_string(host->value_at(packs, i));
			char *resolved = name && (strchr(name, '/') ||
						  strstr(name, ".json"))
					     ? host->resolve_path(ctx, name)
					     : fr_dup(name);
			char *file = resolved ? find_pack(resolved, dirs, n_dirs)
					      : NULL;
			free(resolved);
			if (!file) {
				rc = host->error(
				    err, FC_ERR_CONFIG,
				    "rule pack '%s' not found (looked in the "
				    "checkers.rules.paths folders and %s)",
				    name, host->data_path(ctx, "rules"));
				goto out;
			}
			rc = load_pack(st, file, disable, err);
			free(file);
			if (rc)
				goto out;
		}
	} else {
		/* Every pack on the path; of two with the same file name, the
		 * first folder's wins. */
		for (size_t i = 0; i < n_dirs; i++) {
			DIR *d = opendir(dirs[i]);
			struct dirent *e;
			char **files = NULL;
			size_t nf = 0, capf = 0;

			if (!d)
				continue;
			while ((e = readdir(d))) {
				size_t l = strlen(e->d_name);
				bool seen = false;
				if (l < 6 || strcmp(e->d_name + l - 5, ".json") ||
				    e->d_name[0] == '.')
					continue;
				for (size_t k = 0; k < st->n_packs; k++) {
					const char *b = strrchr(st->packs[k].path, '/');
					if (b && strcmp(b + 1, e->d_name) == 0)
						seen = true;
				}
				if (seen)
					continue;
				if (!fr_grow((void **)&files, &capf, nf + 1,
					  sizeof(char *)) ||
				    !(files[nf] = malloc(strlen(dirs[i]) + l + 2))) {
					rc = host->error(err, FC_ERR_NOMEM,
							 "out of memory");
					break;
				}
				sprintf(files[nf++], "%s/%s", dirs[i], e->d_name);
			}
			closedir(d);
			if (nf)
				qsort(files, nf, sizeof(char *), cmp_str);
			for (size_t k = 0; k < nf; k++) {
				/* A pack another one required is loaded
				 * already. */
				const char *b = strrchr(files[k], '/');
				bool loaded = false;
				for (size_t q = 0; q < st->n_packs && !loaded; q++) {
					const char *pb = strrchr(st->packs[q].path, '/');
					loaded = pb && b && strcmp(pb, b) == 0;
				}
				if (rc == FC_OK && !loaded)
					rc = load_pack(st, files[k], disable, err);
				free(files[k]);
			}
			free(files);
			if (rc)
				goto out;
		}
		if (st->n_packs == 0)
			host->log(ctx, FC_LOG_WARNING,
				  "no rule packs found on %s; no claims will be "
				  "found",
				  host->data_path(ctx, "rules"));
	}
	if (rc == FC_OK && st->frames) {
		char msg[900];
		rc = fr_finish(st->frames, msg, sizeof(msg));
		if (rc)
			host->error(err, rc, "rule packs: %s", msg);
	}
out:
	st->dirs = NULL;
	st->n_dirs = 0;
	st->disable = NULL;
	for (size_t i = 0; i < n_owned; i++)
		free(owned[i]);
	free(search);
	if (rc) {
		state_free(st);
		return rc;
	}
	*out = st;
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Matching. */

/* The numbers of one sentence and the masked copy of it. */
typedef struct masked {
	char *text;          /* the sentence with quantities replaced */
	size_t len, cap;
	size_t *tok_at;      /* offset of each token in text */
	size_t *tok_num;     /* index of its number in the scan */
	size_t n_tok, cap_tok, cap_tok_num;
	size_t *map;         /* offset in text -> offset in the original */
	size_t cap_map;
} masked;

static void masked_free(masked *m)
{
	free(m->text);
	free(m->tok_at);
	free(m->tok_num);
	free(m->map);
}

static bool masked_put(masked *m, const char *s, size_t n, size_t orig)
{
	if (!fr_grow((void **)&m->text, &m->cap, m->len + n + 1, 1) ||
	    !fr_grow((void **)&m->map, &m->cap_map, m->len + n + 1, sizeof(size_t)))
		return false;
	memcpy(m->text + m->len, s, n);
	for (size_t i = 0; i < n; i++)
		m->map[m->len + i] = orig;
	m->len += n;
	m->text[m->len] = 0;
	m->map[m->len] = orig;
	return true;
}

/* Builds the masked copy of [ss, se) of `text` with numbers [first, last)
 * of `nums`. */
static bool mask(masked *m, const char *text, size_t ss, size_t se,
		 const fc_number_list *nums, size_t first, size_t last)
{
	size_t pos = ss;

	m->len = 0;
	m->n_tok = 0;
	for (size_t i = first; i <= last; i++) {
		size_t upto = i < last ? nums->items[i].start : se;
		/* Copy [pos, upto), turning a stray U+E000 into U+FFFD. */
		while (pos < upto) {
			if (upto - pos >= TOKEN_LEN &&
			    memcmp(text + pos, TOKEN, TOKEN_LEN) == 0) {
				if (!masked_put(m, "\xEF\xBF\xBD", 3, pos))
					return false;
				pos += TOKEN_LEN;
				continue;
			}
			const char *next = memchr(text + pos, 0xEE, upto - pos);
			size_t n = next ? (size_t)(next - text) - pos : upto - pos;
			if (n == 0)
				n = 1;
			for (size_t k = 0; k < n; k++)
				if (!masked_put(m, text + pos + k, 1, pos + k))
					return false;
			pos += n;
		}
		if (i == last)
			break;
		if (!fc_num_kind_is_quantity(nums->items[i].kind)) {
			continue; /* left as written */
		}
		if (!fr_grow((void **)&m->tok_at, &m->cap_tok, m->n_tok + 1,
			  sizeof(size_t)) ||
		    !fr_grow((void **)&m->tok_num, &m->cap_tok_num, m->n_tok + 1,
			  sizeof(size_t)))
			return false;
		m->tok_at[m->n_tok] = m->len;
		m->tok_num[m->n_tok] = i;
		m->n_tok++;
		if (!masked_put(m, TOKEN, TOKEN_LEN, nums->items[i].start))
			return false;
		pos = nums->items[i].end;
	}
	return true;
}

/* A pattern that gave up: PCRE2's match, depth or heap limit. */
static bool gave_up(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	       rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

/* Names what gave up in *why (rule, which pattern, which limit). */
static void limit_error(const state *st, const rule *r, const char *which,
			int rc, char *why, size_t size)
{
	const char *limit = rc == PCRE2_ERROR_MATCHLIMIT ? "match limit"
			    : rc == PCRE2_ERROR_DEPTHLIMIT ? "depth limit"
			    : rc == PCRE2_ERROR_HEAPLIMIT   ? "heap limit"
							    : "JIT stack";
	snprintf(why, size,
		 "rule %s (rule pack %s): its %s gave up on a sentence: "
		 "PCRE2's %s was reached (checkers.rules.match_limit %u, "
		 "depth_limit %u); the pattern backtracks too much: make it "
		 "more specific (no nested or adjacent open repeats such as "
		 "(a+)+ or .*.*), or raise the limit",
		 r->id, st->packs[r->pack].path, which, limit, st->match_limit,
		 st->depth_limit);
}

/* 1 if `re` matches the sentence, 0 if not, or a PCRE2 error. */
static int guard(const state *st, const pcre2_code *re, const masked *m,
		 pcre2_match_data *md)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)m->text, m->len, 0, 0, md,
			     st->mctx);

	return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : rc;
}

/* Matches every rule against one masked sentence, adding claims to out.
 * `taken` flags numbers already claimed. */
static fc_status match_sentence(const state *st, const masked *m,
				const fc_number_list *nums, bool *taken,
				size_t ss, size_t se, pcre2_match_data *md,
				pcre2_match_data *gmd, found_list *out,
				char *why, size_t why_size)
{
	for (size_t ri = 0; ri < st->n_rules; ri++) {
		const rule *r = &st->rules[ri];
		int ctx_state = -1; /* -1 unknown, 0 no, 1 yes */
		int unless_state = -1;

		for (size_t pi = 0; pi < r->n_patterns; pi++) {
			PCRE2_SIZE start = 0;

			while (start <= m->len) {
				int rc = pcre2_match(r->patterns[pi],
						     (PCRE2_SPTR)m->text, m->len,
						     start, 0, md, st->mctx);
				PCRE2_SIZE *ov;
				uint32_t gi;
				PCRE2_SIZE ns, ne;
				size_t tok = (size_t)-1;
				const fc_number *num;
				found f;

				if (gave_up(rc)) {
					char which[40];
					snprintf(which, sizeof(which),
						 "pattern %zu", pi + 1);
					limit_error(st, r, which, rc, why,
						    why_size);
					return FC_ERR_LIMIT;
				}
				if (rc < 0)
					break;
				ov = pcre2_get_ovector_pointer(md);
				start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
				gi = (uint32_t)pcre2_substring_number_from_name(
				    r->patterns[pi], (PCRE2_SPTR) "NUMBER");
				ns = ov[2 * gi];
				ne = ov[2 * gi + 1];
				if (ns == PCRE2_UNSET || ne != ns + TOKEN_LEN)
					continue;
				for (size_t t = 0; t < m->n_tok; t++)
					if (m->tok_at[t] == ns)
						tok = t;
				if (tok == (size_t)-1)
					continue;
				if (taken[m->tok_num[tok]])
					continue;
				num = &nums->items[m->tok_num[tok]];
				if (!(r->kinds & (1u << num->kind)))
					continue;
				if (r->context && ctx_state < 0) {
					ctx_state = guard(st, r->context, m, gmd);
					if (ctx_state < 0) {
						limit_error(st, r, "context",
							    ctx_state, why,
							    why_size);
						return FC_ERR_LIMIT;
					}
				}
				if (ctx_state == 0)
					continue;
				memset(&f, 0, sizeof(f));
				{
					int si = pcre2_substring_number_from_name(
					    r->patterns[pi], (PCRE2_SPTR) "source");
					if (si > 0 && ov[2 * si] != PCRE2_UNSET &&
					    ov[2 * si + 1] > ov[2 * si]) {
						f.attribution =
						    fr_dupn(m->text + ov[2 * si],
							 ov[2 * si + 1] - ov[2 * si]);
						if (!f.attribution)
							return FC_ERR_NOMEM;
					}
				}
				if (r->unless && unless_state < 0) {
					unless_state = guard(st, r->unless, m,
							     gmd);
					if (unless_state < 0) {
						free(f.attribution);
						limit_error(st, r, "unless",
							    unless_state, why,
							    why_size);
						return FC_ERR_LIMIT;
					}
				}
				f.r = r;
				f.number = *num;
				f.start = num->start;
				f.end = num->end;
				f.value_start = num->value_start;
				f.sent_start = ss;
				f.sent_end = se;
				f.metric = r->metric;
				if (unless_state == 1 || !r->metric) {
					f.metric = NULL;
					f.unbound_reason = r->unbound_reason;
				}
				if (!fr_grow((void **)&out->items, &out->cap,
					  out->n + 1, sizeof(found))) {
					free(f.attribution);
					return FC_ERR_NOMEM;
				}
				out->items[out->n++] = f;
				taken[m->tok_num[tok]] = true;
			}
		}
	}
	return FC_OK;
}

/* The claims of one text: the pattern rules' and the frames'. */
typedef struct matched {
	found_list rules;
	fr_results frames;
	/* Sentences the pattern rules did not read: longer than
	 * MAX_SENTENCE. The first few, and how many. */
	size_t skipped[8][2];
	size_t n_skipped;
} matched;

static void matched_free(matched *m)
{
	found_list_free(&m->rules);
	fr_results_free(&m->frames);
}

/* Finds the claims of `len` bytes of `text`, whose figures are `nums`;
 * offsets in `out` are into `text`. Pattern rules first, in pack order;
 * the frames read the figures they leave. */
static fc_status match_text(const state *st, const char *text, size_t len,
			    const fc_number_list *nums, fr_input *fin,
			    matched *out, fc_error *err)
{
	masked m;
	bool *taken = NULL;
	pcre2_match_data *md = NULL, *gmd = NULL;
	fc_status rc = FC_OK;
	size_t i = 0;

	memset(&m, 0, sizeof(m));
	/* Even without a figure, a frame may read a word ("doubled"). */
	taken = calloc(nums->count + 1, sizeof(bool));
	if (!taken)
		return st->host->error(err, FC_ERR_NOMEM, "out of memory");
	if (st->n_rules > 0) {
		md = pcre2_match_data_create(64, NULL);
		gmd = pcre2_match_data_create(16, NULL);
		if (!md || !gmd) {
			rc = st->host->error(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
	}
	while (st->n_rules > 0 && i < nums->count) {
		size_t ss, se, j = i;
		bool any = false;

		if (fin->doc && st->host->doc_sentence_at)
			st->host->doc_sentence_at(fin->doc, nums->items[i].start,
						  &ss, &se);
		else
			st->host->sentence_at(text, len, nums->items[i].start,
					      &ss, &se);
		if (se < nums->items[i].end)
			se = nums->items[i].end;
		if (ss > nums->items[i].start)
			ss = nums->items[i].start;
		while (j < nums->count && nums->items[j].start < se) {
			if (nums->items[j].end > se)
				se = nums->items[j].end;
			if (fc_num_kind_is_quantity(nums->items[j].kind))
				any = true;
			j++;
		}
		if (any && se - ss > MAX_SENTENCE) {
			if (out->n_skipped < 8) {
				out->skipped[out->n_skipped][0] = ss;
				out->skipped[out->n_skipped][1] = se;
			}
			out->n_skipped++;
		} else if (any) {
			char why[600];
			fc_status mrc = FC_ERR_NOMEM;
			if (mask(&m, text, ss, se, nums, i, j))
				mrc = match_sentence(st, &m, nums, taken, ss,
						     se, md, gmd, &out->rules,
						     why, sizeof(why));
			if (mrc == FC_ERR_LIMIT) {
				char at[32] = "";
				if (fin->where)
					fin->where(ss, at, sizeof(at),
						   fin->where_ud);
				rc = st->host->error(err, FC_ERR_LIMIT,
						     "%s%s%s", at,
						     at[0] ? ": " : "", why);
				goto out;
			}
			if (mrc) {
				rc = st->host->error(err, FC_ERR_NOMEM,
						     "out of memory");
				goto out;
			}
		}
		i = j;
	}
	if (st->frames) {
		fin->text = text;
		fin->len = len;
		fin->nums = nums;
		fin->taken = taken;
		fin->host = st->host;
		if (fr_check(st->frames, fin, &out->frames))
			rc = st->host->error(err, FC_ERR_NOMEM, "out of memory");
	}
out:
	pcre2_match_data_free(md);
	pcre2_match_data_free(gmd);
	free(taken);
	masked_free(&m);
	return rc;
}

/* Positions for explanations: "LINE:COL" of a prose offset. */
typedef struct where_doc {
	const fc_host *host;
	const fc_document *doc;
} where_doc;

static void where_in_doc(size_t off, char *buf, size_t size, void *ud)
{
	const where_doc *w = ud;
	unsigned line, col;
	size_t t = w->doc->prose_map ? w->doc->prose_map[off] : off;

	w->host->position(w->doc, t, &line, &col);
	snprintf(buf, size, "%u:%u", line, col);
}

static fc_status rules_check(void *p, const fc_document *doc,
			     fc_check_sink *sink, fc_error *err)
{
	const state *st = p;
	matched mt;
	fr_input fin;
	where_doc wd = {st->host, doc};
	fc_status rc;

	memset(&mt, 0, sizeof(mt));
	memset(&fin, 0, sizeof(fin));
	fin.nopts = st->host->num_options(st->ctx);
	fin.where = where_in_doc;
	fin.where_ud = &wd;
	fin.explain = (doc->flags & FC_DOCF_EXPLAIN) != 0;
	fin.unrecognised = (doc->flags & FC_DOCF_UNRECOGNISED) != 0;
	fin.doc = doc;
	rc = match_text(st, doc->prose, doc->prose_len,
			st->host->doc_numbers(doc), &fin, &mt, err);
	for (size_t i = 0; rc == FC_OK && i < mt.rules.n; i++) {
		const found *f = &mt.rules.items[i];
		fc_claim c;

		memset(&c, 0, sizeof(c));
		c.start = f->start;
		c.end = f->end;
		c.sent_start = f->sent_start;
		c.sent_end = f->sent_end;
		c.number = f->number;
		c.rule_id = f->r->id;
		c.metric = f->metric;
		c.unbound_reason = f->unbound_reason;
		c.attribution = f->attribution;
		c.severity = f->r->severity;
		c.tolerance = f->r->tolerance;
		c.as_of = FC_DATE_NONE;
		c.since = FC_DATE_NONE;
		rc = st->host->claim_add(sink, &c);
		if (rc == FC_ERR_ARG)
			rc = FC_OK; /* refused and logged by the core */
		else if (rc)
			st->host->error(err, rc, "out of memory");
	}
	for (size_t i = 0; rc == FC_OK && i < mt.frames.n; i++) {
		const fr_result *r = &mt.frames.items[i];
		fc_claim c;
		size_t ss, se;

		memset(&c, 0, sizeof(c));
		c.number = r->number;
		c.start = r->number.start;
		c.end = r->number.end;
		ss = r->sent_start;
		se = r->sent_end;
		c.sent_start = ss < c.start ? ss : c.start;
		c.sent_end = se > c.end ? se : c.end;
		c.rule_id = r->rule_id ? r->rule_id : "rules.unread";
		c.metric = r->metric;
		c.unbound_reason = r->unbound_reason;
		c.severity = r->severity;
		c.tolerance = r->tolerance;
		c.as_of = FC_DATE_NONE;
		c.since = FC_DATE_NONE;
		c.entity = r->entity;
		c.measure = r->measure_key;
		c.group = r->group;
		c.period = r->period;
		c.partial_below = r->partial_below;
		c.explain = r->explain;
		c.flags = (r->unrecognised ? FC_CLAIMF_UNRECOGNISED : 0) |
			  (r->running_total ? FC_CLAIMF_RUNNING_TOTAL : 0) |
			  (r->entity_elsewhere ? FC_CLAIMF_ENTITY_ELSEWHERE
					       : 0) |
			  (r->entity_loose ? FC_CLAIMF_ENTITY_LOOSE : 0);
		c.change = (fc_change)r->change;
		c.change_dir = r->change_dir;
		c.per_day = r->per_day;
		c.ref_date = FC_DATE_NONE;
		rc = st->host->claim_add(sink, &c);
		if (rc == FC_ERR_ARG)
			rc = FC_OK;
		else if (rc)
			st->host->error(err, rc, "out of memory");
	}
	/* Never a silent skip: each sentence the pattern rules left
	 * unread is an unchecked finding. */
	for (size_t i = 0; rc == FC_OK && i < mt.n_skipped && i < 8; i++) {
		fc_issue is;
		char msg[300];
		size_t ss = mt.skipped[i][0], se = mt.skipped[i][1];

		snprintf(msg, sizeof(msg),
			 "A sentence of %zu bytes was not read by the pattern "
			 "rules, which read sentences of up to %u bytes%s; "
			 "split it, or check its figures by hand.",
			 se - ss, MAX_SENTENCE,
			 i == 7 && mt.n_skipped > 8 ? " (and more after this "
						      "one)"
						    : "");
		memset(&is, 0, sizeof(is));
		is.start = ss;
		is.end = ss + 1 <= se ? ss + 1 : se;
		is.rule_id = "rules.long-sentence";
		is.verdict = "unchecked";
		is.message = msg;
		is.reason = msg;
		is.severity = FC_SEVERITY_WARNING;
		rc = st->host->issue_add(sink, &is);
		if (rc == FC_ERR_ARG)
			rc = FC_OK;
		else if (rc)
			st->host->error(err, rc, "out of memory");
	}
	matched_free(&mt);
	return rc;
}

/* ------------------------------------------------------------------ */
/* `figcheck rules test`: every rule's examples and counterexamples. */

static bool pack_selected(const pack *pk, const char *const *args, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++) {
		const char *b = strrchr(pk->path, '/');
		if (strcmp(args[i], pk->name) == 0 || strcmp(args[i], pk->path) == 0 ||
		    (b && strcmp(args[i], b + 1) == 0))
			return true;
	}
	return false;
}

/* Reads `text` (an example) as a document would be: its figures, then
 * the rules and the frames. */
static fc_status match_example(const state *st, const char *text,
			       fc_number_list *nums, matched *mt, fc_error *err)
{
	fr_input fin;
	fc_status rc;

	memset(&fin, 0, sizeof(fin));
	memset(mt, 0, sizeof(*mt));
	fin.nopts = st->host->num_options(st->ctx);
	rc = st->host->numbers_scan(text, strlen(text), fin.nopts, nums);
	if (rc)
		return st->host->error(err, rc, "the number engine failed");
	return match_text(st, text, strlen(text), nums, &fin, mt, err);
}

/* True if the span [s, e) of `text` (or its figure from `vs`) is the
 * claim `want` of an example. */
static bool same_claim(const char *text, size_t s, size_t vs, size_t e,
		       const char *want)
{
	size_t wl = strlen(want);

	return (e - s == wl && memcmp(text + s, want, wl) == 0) ||
	       (e - vs == wl && memcmp(text + vs, want, wl) == 0);
}

/* The examples of the measures of the selected packs. */
static int measures_selftest(const state *st, const char *const *args,
			     size_t n_args, FILE *out, int *passed,
			     fc_error *err)
{
	int failures = 0;

	for (size_t mi = 0; mi < fr_measure_count(st->frames); mi++) {
		const char *id = fr_measure_id(st->frames, mi);
		const cJSON *e;
		bool selected = n_args == 0;

		for (size_t k = 0; k < st->n_packs && !selected; k++)
			selected = strcmp(st->packs[k].name,
					  fr_measure_pack(st->frames, mi)) == 0 &&
				   pack_selected(&st->packs[k], args, n_args);
		if (!selected)
			continue;
		cJSON_ArrayForEach(e, fr_measure_examples(st->frames, mi))
		{
			const char *text =
			    cJSON_GetObjectItemCaseSensitive(e, "text")->valuestring;
			const char *want =
			    cJSON_GetObjectItemCaseSensitive(e, "claim")->valuestring;
			const cJSON *mw = cJSON_GetObjectItemCaseSensitive(e, "metric");
			const char *want_metric =
			    cJSON_IsString(mw) ? mw->valuestring : NULL;
			fc_number_list nums = {0};
			matched mt;
			char got[300] = "not found";
			bool ok = false;

			if (match_example(st, text, &nums, &mt, err)) {
				st->host->number_list_free(&nums);
				matched_free(&mt);
				return -1;
			}
			for (size_t i = 0; i < mt.frames.n; i++) {
				const fr_result *r = &mt.frames.items[i];
				if (!same_claim(text, r->number.start,
						r->number.value_start, r->number.end,
						want))
					continue;
				if (r->metric)
					snprintf(got, sizeof(got), "%s by %s",
						 r->metric, r->rule_id);
				else
					snprintf(got, sizeof(got),
						 "not bound (%s)",
						 r->unbound_reason
						     ? r->unbound_reason
						     : "?");
				ok = r->rule_id && strcmp(r->rule_id, id) == 0 &&
				     (want_metric ? r->metric &&
							strcmp(r->metric,
							       want_metric) == 0
						  : !r->metric);
			}
			for (size_t i = 0; i < mt.rules.n && !ok; i++) {
				const found *f = &mt.rules.items[i];
				if (same_claim(text, f->start, f->value_start,
					       f->end, want))
					snprintf(got, sizeof(got),
						 "taken by the rule %s", f->r->id);
			}
			if (ok) {
				(*passed)++;
			} else {
				failures++;
				fprintf(out,
					"FAIL %s: example: \"%s\" should read "
					"\"%s\" as %s; got %s\n",
					id, text, want,
					want_metric ? want_metric : "found, not bound",
					got);
			}
			st->host->number_list_free(&nums);
			matched_free(&mt);
		}
		cJSON_ArrayForEach(e, fr_measure_counterexamples(st->frames, mi))
		{
			const char *text =
			    cJSON_IsString(e)
				? e->valuestring
				: cJSON_GetObjectItemCaseSensitive(e, "text")
				      ->valuestring;
			const cJSON *cl = cJSON_IsObject(e)
					      ? cJSON_GetObjectItemCaseSensitive(
						    e, "claim")
					      : NULL;
			fc_number_list nums = {0};
			matched mt;
			const fr_result *bad = NULL;

			if (match_example(st, text, &nums, &mt, err)) {
				st->host->number_list_free(&nums);
				matched_free(&mt);
				return -1;
			}
			for (size_t i = 0; i < mt.frames.n && !bad; i++) {
				const fr_result *r = &mt.frames.items[i];
				if (!r->metric || !r->rule_id ||
				    strcmp(r->rule_id, id) != 0)
					continue;
				if (cJSON_IsString(cl) &&
				    !same_claim(text, r->number.start,
						r->number.value_start,
						r->number.end, cl->valuestring))
					continue;
				bad = r;
			}
			if (bad) {
				failures++;
				fprintf(out,
					"FAIL %s: counterexample bound: \"%s\" "
					"reads \"%.*s\" as %s\n",
					id, text,
					(int)(bad->number.end - bad->number.start),
					text + bad->number.start, bad->metric);
			} else {
				(*passed)++;
			}
			st->host->number_list_free(&nums);
			matched_free(&mt);
		}
	}
	return failures;
}

static int rules_selftest(void *p, const char *const *args, size_t n_args,
			  FILE *out, fc_error *err)
{
	const state *st = p;
	int failures = 0, passed = 0, mf;

	for (size_t a = 0; a < n_args; a++) {
		bool known = false;
		for (size_t k = 0; k < st->n_packs; k++)
			if (pack_selected(&st->packs[k], &args[a], 1))
				known = true;
		if (!known) {
			st->host->error(err, FC_ERR_NOTFOUND,
					"no rule pack named '%s' is loaded", args[a]);
			return -1;
		}
	}
	for (size_t ri = 0; ri < st->n_rules; ri++) {
		const rule *r = &st->rules[ri];
		const cJSON *e;

		if (!pack_selected(&st->packs[r->pack], args, n_args))
			continue;
		cJSON_ArrayForEach(e, r->examples)
		{
			const char *text =
			    cJSON_GetObjectItemCaseSensitive(e, "text")->valuestring;
			const char *want =
			    cJSON_GetObjectItemCaseSensitive(e, "claim")->valuestring;
			fc_number_list nums = {0};
			matched mt;
			bool ok = false;
			const char *got_rule = NULL;

			if (match_example(st, text, &nums, &mt, err)) {
				st->host->number_list_free(&nums);
				matched_free(&mt);
				return -1;
			}
			for (size_t i = 0; i < mt.rules.n; i++) {
				const found *f = &mt.rules.items[i];
				if (!same_claim(text, f->start, f->value_start,
						f->end, want))
					continue;
				got_rule = f->r->id;
				if (f->r == r && (f->metric || !r->metric))
					ok = true;
			}
			if (ok) {
				passed++;
			} else {
				failures++;
				fprintf(out,
					"FAIL %s: example not matched: \"%s\" "
					"should bind \"%s\"%s%s\n",
					r->id, text, want,
					got_rule ? "; it was taken by " : "",
					got_rule ? got_rule : "");
			}
			st->host->number_list_free(&nums);
			matched_free(&mt);
		}
		cJSON_ArrayForEach(e, r->counterexamples)
		{
			fc_number_list nums = {0};
			matched mt;
			bool bad = false;

			if (match_example(st, e->valuestring, &nums, &mt, err)) {
				st->host->number_list_free(&nums);
				matched_free(&mt);
				return -1;
			}
			for (size_t i = 0; i < mt.rules.n; i++)
				if (mt.rules.items[i].r == r && mt.rules.items[i].metric)
					bad = true;
			if (bad) {
				failures++;
				fprintf(out,
					"FAIL %s: counterexample matched: \"%s\"\n",
					r->id, e->valuestring);
			} else {
				passed++;
			}
			st->host->number_list_free(&nums);
			matched_free(&mt);
		}
	}
	mf = measures_selftest(st, args, n_args, out, &passed, err);
	if (mf < 0)
		return -1;
	failures += mf;
	{
		/* What was tested: the selected packs' rules and measures. */
		size_t nr = 0, nm = 0, np = 0;
		for (size_t k = 0; k < st->n_packs; k++)
			np += pack_selected(&st->packs[k], args, n_args);
		for (size_t ri = 0; ri < st->n_rules; ri++)
			nr += pack_selected(&st->packs[st->rules[ri].pack], args,
					    n_args);
		for (size_t mi = 0; mi < fr_measure_count(st->frames); mi++)
			for (size_t k = 0; k < st->n_packs; k++)
				nm += strcmp(st->packs[k].name,
					     fr_measure_pack(st->frames, mi)) == 0 &&
				      pack_selected(&st->packs[k], args, n_args);
		fprintf(out,
			"%d examples passed, %d failed, in %zu rule%s and %zu "
			"measure%s of %zu pack%s\n",
			passed, failures, nr, nr == 1 ? "" : "s", nm,
			nm == 1 ? "" : "s", np, np == 1 ? "" : "s");
	}
	return failures;
}

FIGCHECK_PLUGIN(.kind = FC_PLUGIN_CHECKER, .name = "rules",
		.version = "1.0.0",
		.description = "claims found by rule packs of PCRE2 patterns "
			       "anchored on numbers",
		.options = options, .init = rules_init, .fini = state_free,
		.checker = {.check = rules_check, .selftest = rules_selftest});
