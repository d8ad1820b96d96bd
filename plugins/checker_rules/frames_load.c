/*
 * frames_load.c: loading rule packs into a frame set: entities, groups,
 * measures and their classes, frames, exclusions; then compiling them
 * (word indices, per-measure instances) in fr_finish().
 */
#include "frames_int.h"


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
	free(s->single);
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
	fr_vocab_free(&s->v);
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
	if (!fr_tokenize(&ld->s->v, true, text, 0, strlen(text), NULL, 0, &ts)) {
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
	if (!fr_grow((void **)&t->p, &t->cap, t->n + 1, sizeof(phrase)))
		return nomem(ld);
	t->p[t->n++] = ph;
	return FC_OK;
}

int fr_find_class(const fr_set *s, const char *name)
{
	for (size_t i = 0; i < s->n_cls; i++)
		if (strcmp(s->cls[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int class_for(loader *ld, const char *name, int measure)
{
	fr_set *s = ld->s;
	int c = fr_find_class(s, name);

	if (c >= 0)
		return c;
	if (!fr_grow((void **)&s->cls, &s->cap_cls, s->n_cls + 1, sizeof(wclass)) ||
	    !(s->cls[s->n_cls].name = fr_dup(name))) {
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
	if (!(out->src = fr_dup(src)))
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
				if (!(e->ref = fr_dup(word + 1))) {
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
				if (!fr_tokenize(&ld->s->v, true, alt, 0, strlen(alt),
					      NULL, 0, &ts) ||
				    !fr_grow((void **)&e->words, &cap,
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

size_t fr_find_entity(const fr_set *s, const char *id)
{
	for (size_t i = 0; i < s->n_entities; i++)
		if (strcmp(s->entities[i].id, id) == 0)
			return i;
	return NO_ENTITY;
}

static size_t entity_for(loader *ld, const char *id)
{
	fr_set *s = ld->s;
	size_t i = fr_find_entity(s, id);

	if (i != NO_ENTITY)
		return i;
	if (!fr_grow((void **)&s->entities, &s->cap_entities, s->n_entities + 1,
		  sizeof(entity))) {
		nomem(ld);
		return NO_ENTITY;
	}
	memset(&s->entities[s->n_entities], 0, sizeof(entity));
	s->entities[s->n_entities].parent = NO_ENTITY;
	s->entities[s->n_entities].pack = ld->pack_idx;
	if (!(s->entities[s->n_entities].id = fr_dup(id))) {
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
					   "stands_for", "iso3", NULL};
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
		const cJSON *sf = cJSON_GetObjectItemCaseSensitive(o, "stands_for");
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
		    (part && !cJSON_IsString(part)) || (loc && !cJSON_IsBool(loc)) ||
		    (sf && !cJSON_IsBool(sf)))
			return lerr(ld, where,
				    "\"name\" and \"part_of\" must be strings, "
				    "\"locality\" and \"stands_for\" true or "
				    "false");
		if (cJSON_IsTrue(sf) && !part)
			return lerr(ld, where,
				    "\"stands_for\" needs \"part_of\": the place "
				    "it stands for");
		if ((e = entity_for(ld, id->valuestring)) == NO_ENTITY)
			return ld->rc;
		if (name) {
			free(ld->s->entities[e].name);
			if (!(ld->s->entities[e].name = fr_dup(name->valuestring)))
				return nomem(ld);
		}
		if (part) {
			ld->s->entities[e].pack = ld->pack_idx;
			free(ld->s->entities[e].parent_id);
			if (!(ld->s->entities[e].parent_id = fr_dup(part->valuestring)))
				return nomem(ld);
		}
		if (loc)
			ld->s->entities[e].locality = cJSON_IsTrue(loc);
		if (sf)
			ld->s->entities[e].stands_for = cJSON_IsTrue(sf);
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
			if (!fr_grow((void **)&s->groups, &s->cap_groups,
				  s->n_groups + 1, sizeof(group)))
				return nomem(ld);
			g = s->n_groups++;
			s->groups[g].id = fr_dup(id->valuestring);
			s->groups[g].key = fr_dup(key ? key->valuestring
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
		if (!fr_grow((void **)out, &cap, *n + 1, sizeof(pattern)))
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
		if (!fr_grow((void **)&s->frames, &s->cap_frames, s->n_frames + 1,
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
		f->id = fr_dup(id ? id->valuestring : w);
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
		if (!(id = fr_vocab_add(&s->v, buf, n)))
			return nomem(ld);
		if (!fr_grow((void **)&s->mult_words, &s->cap_mults, s->n_mults + 1,
			  sizeof(uint32_t)) ||
		    !fr_grow((void **)&s->mult_values, &s->cap_mult_values,
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
		if (!fr_grow((void **)&s->excl, &s->cap_excl, s->n_excl + 1,
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
		if (!(x->id = fr_dup(id->valuestring)) ||
		    !(x->reason = fr_dup(reason->valuestring)))
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
			if (!fr_grow((void **)&x->unless_entity,
				  &(size_t){x->n_unless_entity},
				  x->n_unless_entity + 1, sizeof(char *)))
				return nomem(ld);
			if (!(x->unless_entity[x->n_unless_entity++] =
				  fr_dup(e->valuestring)))
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
	if (!fr_grow((void **)&s->measures, &s->cap_measures, s->n_measures + 1,
		  sizeof(measure_t)))
		return nomem(ld);
	mi = (int)s->n_measures;
	m = &s->measures[s->n_measures++];
	memset(m, 0, sizeof(*m));
	m->pack = ld->pack_idx;
	m->people = true;
	m->severity = FC_SEVERITY_ERROR;
	if (!(m->id = fr_dup(full)) || !(m->pack_name = fr_dup(ld->pack)) ||
	    !(m->key = fr_dup(key ? key->valuestring : id->valuestring)) ||
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
		if (!fr_grow((void **)&m->groups, &(size_t){m->n_groups},
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
			if (!fr_grow((void **)&m->entities, &(size_t){m->n_entities},
				  m->n_entities + 1, sizeof(char *)) ||
			    !(m->entities[m->n_entities] = fr_dup(c->valuestring)))
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
			if (!fr_grow((void **)&m->context, &(size_t){m->n_context},
				  m->n_context + 1, sizeof(char *)) ||
			    !(m->context[m->n_context] = fr_dup(c->valuestring)))
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
				if (!fr_grow((void **)&m->exclude_heads,
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
					  .reason = fr_dup(hr->valuestring)))
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
	if (!fr_grow((void **)&s->packs, &s->cap_packs, s->n_packs + 1,
		  sizeof(char *)) ||
	    !fr_grow((void **)&s->files, &s->cap_files, s->n_packs + 1,
		  sizeof(char *)))
		return nomem(&ld);
	s->packs[s->n_packs] = fr_dup(pack);
	s->files[s->n_packs] = fr_dup(file);
	if (!s->packs[s->n_packs] || !s->files[s->n_packs]) {
		free(s->packs[s->n_packs]);
		free(s->files[s->n_packs]);
		return nomem(&ld);
	}
	ld.pack_idx = s->n_packs++;
	/* Words the engine compares by themselves. */
	if (!fr_vocab_add(&s->v, "#nonq", 5))
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
		if (!fr_grow((void **)&s->keys, &s->cap_keys, s->n_keys + 1,
			  sizeof(pack_keys)))
			return nomem(&ld);
		pk = &s->keys[s->n_keys++];
		memset(pk, 0, sizeof(*pk));
		if (!(pk->pack = fr_dup(pack)))
			return nomem(&ld);
		cJSON_ArrayForEach(k, o)
		{
			if (!cJSON_IsString(k) || !valid_key_part(k->valuestring))
				return lerr(&ld, "entity_keys",
					    "\"%s\": expected a metric key part",
					    k->string);
			if (!fr_grow((void **)&pk->from, &(size_t){pk->n}, pk->n + 1,
				  sizeof(char *)) ||
			    !fr_grow((void **)&pk->to, &(size_t){pk->n}, pk->n + 1,
				  sizeof(char *)))
				return nomem(&ld);
			pk->from[pk->n] = fr_dup(k->string);
			pk->to[pk->n] = fr_dup(k->valuestring);
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
			if (!fr_grow((void **)&s->cumul, &s->cap_cumul,
				  s->n_cumul + 1, sizeof(pattern)) ||
			    !fr_grow((void **)&s->cumul_pack, &s->cap_cumul_pack,
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
			c = fr_find_class(s, name);
		}
		if (c < 0) {
			c = fr_find_class(s, p->e[i].ref);
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
		if (fr_find_class(s, full) >= 0)
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
				fr_bloom_add(&m, e->words[k]);
		else if (e->type == E_CLASS) {
			for (size_t k = 0; k < s->classes.n; k++)
				if (s->classes.p[k].owner == (uint32_t)cls[i])
					fr_bloom_add(&m, s->classes.p[k].w[0]);
		} else {
			for (size_t k = 0; k < s->grps.n; k++)
				fr_bloom_add(&m, s->grps.p[k].w[0]);
		}
		if (!*need && !(*need = calloc(p->n, sizeof(wbloom))))
			return false;
		(*need)[(*n_need)++] = m;
	}
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

	if (!fr_grow((void **)arr, cap, *n + 1, sizeof(inst)))
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
				fr_bloom_add(&in->before, e->words[k]);
			in->has_before = true;
		} else if (!e->optional && e->type == E_CLASS &&
			   cls[f->pat.anchor - 1] >= 0) {
			for (size_t k = 0; k < s->classes.n; k++)
				if (s->classes.p[k].owner ==
				    (uint32_t)cls[f->pat.anchor - 1])
					fr_bloom_add(&in->before,
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
		e->parent = fr_find_entity(s, e->parent_id);
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
	s->single_stride = nw / 8 + 1;
	free(s->single);
	if (!(s->single = calloc(s->n_cls + 1, s->single_stride)))
		goto nomem;
	for (size_t i = 0; i < s->classes.n; i++) {
		const phrase *ph = &s->classes.p[i];
		if (ph->n == 1 && ph->w[0] < nw && ph->owner < s->n_cls)
			s->single[ph->owner * s->single_stride + ph->w[0] / 8] |=
			    (uint8_t)(1u << (ph->w[0] % 8));
	}
	s->c_head_stop = fr_find_class(s, "head_stop");
	s->c_people = fr_find_class(s, "people");
	s->c_agent = fr_find_class(s, "agent");
	s->c_say = fr_find_class(s, "say");
	s->c_locative = fr_find_class(s, "locative");
	s->c_war = fr_find_class(s, "war");
	s->c_clause = fr_find_class(s, "clause_break");
	s->c_aux = fr_find_class(s, "aux");
	s->c_fronted = fr_find_class(s, "fronted");
	s->c_according = fr_find_class(s, "according");
	s->w_and = fr_vocab_find(&s->v, "and", 3);
	s->w_or = fr_vocab_find(&s->v, "or", 2);
	s->w_comma = fr_vocab_find(&s->v, ",", 1);
	s->w_poss = fr_vocab_find(&s->v, "'s", 2);
	s->w_by = fr_vocab_find(&s->v, "by", 2);
	s->w_of = fr_vocab_find(&s->v, "of", 2);
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
		me->verb_cls = fr_find_class(s, vname);

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
			c = fr_find_class(s, p->e[i].ref);
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
		if (n) /* s->insts is NULL when no measure has one */
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
	s->c_up = fr_find_class(s, "up");
	s->c_destroy = fr_find_class(s, "destroy");
	s->c_down = fr_find_class(s, "down");
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
		int aux = fr_find_class(s, "aux"), m = s->cls[ph->owner].measure;
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
			const char *gw = s->v.words[ph->w[best]];
			size_t gn = s->v.lens[ph->w[best]];
			uint32_t b = fr_gate_bit(gw, gn);
			s->gate_lead[gn < 31 ? gn : 31] |=
			    fr_gate_lead((unsigned char)gw[0]);
			s->gate[b / 8] |= (uint8_t)(1u << (b % 8));
		}
	}
	fr_vocab_seal(&s->v);
	s->finished = true;
	return FC_OK;
nomem:
	snprintf(msg, size, "out of memory");
	return FC_ERR_NOMEM;
}

