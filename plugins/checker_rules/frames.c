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
#include "frames_int.h"

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

#define PAT_MEMO 256 /* entries of sent.pmemo */

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
	uint8_t *excl_ok; /* per exclusion: as pat_ok, for any of its
	                     phrases */
	/* Patterns already run over a span of this sentence: each figure's
	 * reading runs the exclusions again, mostly over the same spans.
	 * An entry holds for the sentence numbered `gen`. */
	struct pat_memo {
		const pattern *p;
		size_t anchor, lo, hi, bs, be;
		unsigned gen;
		bool hit;
	} *pmemo;
	unsigned gen;
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
	/* The last whole claim of the sentence read before (a level, not a
	 * part), which a part at the start of the next sentence of its
	 * paragraph belongs to: "13,000 people have been killed. Of those,
	 * 5,500 were children." Valid for the sentence that starts right
	 * after carry_end when carry_ok. */
	bool carry_ok, carry_now;
	size_t carry_end;
	sclaim *carry; /* one sclaim, allocated with the sentence state */
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

/* True if token t alone is a phrase of class c. */
static bool in_class(const fr_set *S, int c, const tok *t)
{
	uint32_t w = t->word;

	if (c < 0 || (size_t)c >= S->n_cls || !word_tok(t) || !w ||
	    w >= S->classes.idx.n_words)
		return false;
	return (S->single[(size_t)c * S->single_stride + w / 8] >> (w % 8)) & 1;
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
	long whole;      /* the sentence claim it is part of, or -1;
	                    CARRIED: the previous sentence's (sent.carry) */
};

#define CARRIED (-2L)

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
		if (!fr_grow((void **)ms, cap, *n + 1, sizeof(mention)))
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
	bool ent_loose;     /* named in the sentence, not tied to the figure */
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
	bool ambiguous;       /* unbound: two places named alike, which
	                         another frame's roles may tell apart */
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
	     in_class(st->S, st->S->c_fronted, &tk->t[0])))
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
static void after_other_figure(const reading *rd, size_t *lo);

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
	int aux = st->S->c_aux;
	uint32_t w_a = fr_vocab_find(&st->S->v, "a", 1),
		 w_an = fr_vocab_find(&st->S->v, "an", 2);

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
	int c_acc = S->c_according;

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
	if (!fr_tokenize((vocab *)&st->S->v, false, st->in->text, ss, se,
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
		fr_sentence_at(st->in, p - 1, &ps, &pe);
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
		const char *w = me->context[k];
		size_t n = strlen(w);
		unsigned char lo = (unsigned char)tolower((unsigned char)w[0]);
		unsigned char up = (unsigned char)toupper((unsigned char)w[0]);
		for (size_t i = a; n > 0 && i + n <= b; i++)
			if (((unsigned char)t[i] == lo ||
			     (unsigned char)t[i] == up) &&
			    strncasecmp(t + i + 1, w + 1, n - 1) == 0)
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
			 tk->t[mm->s - 1].word == fr_vocab_find(&S->v, "the", 3) &&
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
				    tk->t[t].word == fr_vocab_find(&S->v, "the", 3))
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
		/* "Moscow has lost", "Kyiv says": the country. */
		if ((rank == 2 || rank == 5) && S->entities[mm->ent].stands_for &&
		    S->entities[mm->ent].parent != NO_ENTITY)
			cs[nc].ent = S->entities[mm->ent].parent;
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
			rd->ambiguous = true;
			return;
		}
		rd->ent = e;
		rd->ent_from = cs[which];
		rd->ent_how = how[r];
		rd->ent_loose = r >= 4;
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
			/* A capital named apart from the figure stands for
			 * its country ("a figure Moscow disputes"). */
			if (cs[i].rank > 4 ||
			    (cs[i].rank == 4 && S->entities[cs[i].ent].stands_for) ||
			    !is_ancestor(S, rd->ent, cs[i].ent))
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
			rd->ent_loose = cs[which].rank >= 4;
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
	/* A head of names only ("17,000 Covid-19 deaths", "770 million
	 * Covid cases"): names of the measure's subject modify its noun,
	 * they are not what is counted. */
	for (size_t t = hs; t < he; t++) {
		const tok *x = &tk->t[t];
		bool name = x->type == T_NONQ && x->kind == FC_NUM_IDENTIFIER;
		for (size_t k = 0; k < m->n_context && !name; k++)
			name = x->type == T_WORD &&
			       strlen(m->context[k]) == x->end - x->start &&
			       strncasecmp(st->in->text + x->start,
					   m->context[k], x->end - x->start) == 0;
		if (!name)
			break;
		if (t + 1 == he)
			he = hs;
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

/* True unless the sentence lacks a word pattern `p` needs (remembered
 * for the sentence). */
static bool pat_may(const sent *st, const pattern *p)
{
	if (!st->pat_ok[p->slot])
		st->pat_ok[p->slot] =
		    fr_need_met(p->need, p->n_need, &st->words) ? 2 : 1;
	return st->pat_ok[p->slot] == 2;
}

/* True unless the sentence lacks a word that each phrase of exclusion
 * `i` needs (remembered for the sentence): most exclusions are out of
 * most sentences' reach, and each figure asks for them all. */
static bool excl_may(const sent *st, size_t i)
{
	const exclusion *x = &st->S->excl[i];

	if (!st->excl_ok[i]) {
		bool any = false;
		for (size_t k = 0; k < x->n_phrases && !any; k++)
			any = pat_may(st, &x->phrases[k]);
		st->excl_ok[i] = any ? 2 : 1;
	}
	return st->excl_ok[i] == 2;
}

/* Runs pattern `p` over [lo, hi); true and the bytes it covered when it
 * matches. */
static bool pattern_hit(const sent *st, const pattern *p, size_t anchor,
			size_t lo, size_t hi, size_t *bs, size_t *be)
{
	mctx c;
	size_t at, first = SIZE_MAX, last = 0;
	int cls[MAX_ELEMS];
	struct pat_memo *pm;

	if (!pat_may(st, p))
		return false;
	/* A pattern without a figure matches the same wherever the figure
	 * is. */
	if (p->anchor < 0)
		anchor = SIZE_MAX;
	pm = &st->pmemo[((uintptr_t)p / sizeof(pattern) * 31u + anchor * 7u +
			 lo * 131u + hi) %
			PAT_MEMO];
	if (pm->gen == st->gen && pm->p == p && pm->anchor == anchor &&
	    pm->lo == lo && pm->hi == hi) {
		*bs = pm->bs;
		*be = pm->be;
		return pm->hit;
	}
	pm->p = p;
	pm->anchor = anchor;
	pm->lo = lo;
	pm->hi = hi;
	pm->gen = st->gen;
	pm->hit = false;
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
	*bs = pm->bs = st->tk.t[first].start;
	*be = pm->be = st->tk.t[last > first ? last - 1 : first].end;
	pm->hit = true;
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
	const bool extreme = rd->change == FC_CHANGE_HIGHEST ||
			     rd->change == FC_CHANGE_LOWEST;

	for (size_t i = 0; i < S->n_excl; i++) {
		const exclusion *x = &S->excl[i];
		size_t lo, hi, bs, be, ubs, ube;
		bool skip = false;
		/* A day's count is read; the running total's own periods
		 * say no more of it. */
		/* A change: only the exclusions of what is counted, and,
		 * for a high or low of a running total, those that say the
		 * figure counts one day ("daily cases fell below 500,000
		 * for the first time since"). */
		if (!excl_may(st, i) || !excl_applies(S, x, m) ||
		    (rd->per_day && x->cumulative_only && !x->per_day) ||
		    (change && x->cumulative_only && !x->per_day) ||
		    (change && x->per_day && !(extreme && m->cumulative)))
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
		/* A frame that reads a level after a change ("the toll rose
		 * by 241 in a day to 10,022"): what comes before the change's
		 * figure, and the period after it, are the change's. */
		if (!x->sentence)
			after_other_figure(rd, &lo);
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
				if (change)
					goto next; /* what is counted may still
					              be something else */
				break;
			}
			rd->period = x->id;
			rd->unbound = x->reason;
			return;
		}
	next:;
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
	} else if (rd->per_day && (r.change == FC_CHANGE_HIGHEST ||
				   r.change == FC_CHANGE_LOWEST)) {
		/* "daily cases fell below 500,000 for the first time":
		 * a high or low of the days. */
		r.per_day = true;
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
	r.entity_loose = rd->ent != NO_ENTITY && !r.entity_elsewhere &&
			 rd->ent_loose;
	if (rd->ent != NO_ENTITY && !(r.entity = fr_dup(S->entities[rd->ent].id)))
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
	} else if (!(r.unbound_reason = fr_dup(rd->unbound ? rd->unbound
							: "no measure read it")))
		goto nomem;
	if (in->explain) {
		sbuf b = {0};
		if (rd->in) {
			fr_sb_printf(&b, "frame: %s [%s]\n", rd->in->f->pat.src,
				  rd->in->f->id);
			for (size_t i = 0; i < rd->in->f->pat.n; i++)
				if (is_trigger_elem(st, rd, i) &&
				    rd->mc.e[i] > rd->mc.s[i]) {
					tok_quote(st, (size_t)rd->mc.s[i],
						  (size_t)rd->mc.e[i], q, sizeof(q));
					fr_sb_printf(&b, "measure: %s, from %s\n",
						  m->id, q);
					break;
				} else if (i + 1 == rd->in->f->pat.n && m) {
					fr_sb_printf(&b, "measure: %s%s\n", m->id,
						  rd->whole ? ", from the figure "
							      "it is part of"
							    : "");
				}
		}
		if (r.change)
			fr_sb_printf(&b, "change: %s, %s\n",
				  fc_change_name((fc_change)r.change),
				  r.change_dir > 0   ? "up"
				  : r.change_dir < 0 ? "down"
						     : "no direction said");
		if (rd->qual >= 0 && r.number.qualifier == (fc_qualifier)rd->qual &&
		    at->type != T_MULT &&
		    in->nums->items[at->num].qualifier == FC_QUAL_NONE) {
			tok_quote(st, rd->qual_tok, rd->qual_tok + 1, q, sizeof(q));
			fr_sb_printf(&b, "qualifier: %s, implied by the frame's %s\n",
				  fc_qualifier_name((fc_qualifier)rd->qual), q);
		}
		if (rd->group >= 0) {
			fr_sb_printf(&b, "group: %s", S->groups[rd->group].id);
			if (rd->he > rd->hs) {
				tok_quote(st, rd->hs, rd->he, q, sizeof(q));
				fr_sb_printf(&b, ", from %s", q);
			}
			fr_sb_printf(&b, "\n");
		} else if (rd->he > rd->hs) {
			tok_quote(st, rd->hs, rd->he, q, sizeof(q));
			fr_sb_printf(&b, "counts: %s\n", q);
		}
		if (rd->whole) {
			const fr_result *w = &out->items[rd->whole->result];
			const fc_number *wn = &in->nums->items[w->num];
			quote_at(st, wn->start, wn->end, q, sizeof(q));
			fr_sb_printf(&b, "part of: %s (%s)\n", q,
				  w->metric ? w->metric : "not bound");
		}
		if (rd->ent != NO_ENTITY) {
			quote_at(st, rd->ent_from.start, rd->ent_from.end, q,
				 sizeof(q));
			fr_sb_printf(&b, "entity: %s, from %s (%s)\n",
				  S->entities[rd->ent].id, q, rd->ent_how);
		}
		if (rd->excl) {
			quote_at(st, rd->excl_s, rd->excl_e, q, sizeof(q));
			fr_sb_printf(&b, "exclusion: %s, from %s\n", rd->excl->id, q);
		} else if (rd->period && strcmp(rd->period, "cumulative") == 0 &&
			   rd->period_e > rd->period_s) {
			quote_at(st, rd->period_s, rd->period_e, q, sizeof(q));
			fr_sb_printf(&b, "period: cumulative, from %s\n", q);
		} else if (rd->period) {
			fr_sb_printf(&b, "period: %s", rd->period);
			if (r.partial_below > 0)
				fr_sb_printf(&b,
					  " (a figure below %g%% of the record in "
					  "force is read as a count over part of "
					  "the period)",
					  100.0 * r.partial_below);
			fr_sb_printf(&b, "\n");
		}
		if (r.metric)
			fr_sb_printf(&b, "metric: %s\n", r.metric);
		else
			fr_sb_printf(&b, "not bound: %s\n", r.unbound_reason);
		if (b.n && b.s[b.n - 1] == '\n')
			b.s[--b.n] = 0;
		if (!(r.explain = fr_sb_take(&b)))
			goto nomem;
	}
	if (!fr_grow((void **)&out->items, &out->cap, out->n + 1, sizeof(fr_result)))
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

/* For a frame that matches another figure (#q) before its own: moves
 * *lo to the element just before its figure ("to" in "rose by 13 in a
 * day to 6,542"), so that the other figure and its period stay out. */
static void after_other_figure(const reading *rd, size_t *lo)
{
	const pattern *p = &rd->in->f->pat;
	int a = p->anchor;
	bool other = false;

	for (int i = 0; i < a && i < (int)p->n; i++)
		other = other ||
			(p->e[i].type == E_QTY && rd->mc.e[i] > rd->mc.s[i]);
	if (!other || a < 1)
		return;
	if (rd->mc.e[a - 1] > rd->mc.s[a - 1] &&
	    (size_t)rd->mc.s[a - 1] > *lo)
		*lo = (size_t)rd->mc.s[a - 1];
	else if (rd->anchor > *lo)
		*lo = rd->anchor;
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
			rd->ent = fr_find_entity(st->S, w->entity);
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
				/* A running total never falls: a low is
				 * of a period's count, and without one
				 * named there is nothing to check. */
				if (!rd->unbound && !rd->per_day &&
				    rd->change == FC_CHANGE_LOWEST &&
				    st->S->measures[rd->measure].cumulative) {
					rd->unbound =
					    "a running total has no lows: the "
					    "figure counts a period its "
					    "sentence does not name";
					rd->period = "unstated";
				}
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
	sc.whole = !rd->whole		  ? -1
		   : rd->whole == st->carry ? CARRIED
					    : (long)(rd->whole - st->sc);
	if (emit(st, rd, out))
		return FC_ERR_NOMEM;
	if (!fr_grow((void **)&st->sc, &st->cap_sc, st->n_sc + 1, sizeof(sclaim)))
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
		fr_bloom_has(&in->before, st->tk.t[a - 1].word));
}

/* True if instance i may match in the sentence: it has a word of each of
 * the instance's compulsory elements. Decided once a sentence. */
static bool inst_may(sent *st, size_t i)
{
	if (!st->inst_ok[i]) {
		const inst *in = &st->S->insts[i];
		st->inst_ok[i] = fr_need_met(in->need, in->n_need, &st->words) ? 2 : 1;
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
			/* Two places named alike: another frame of the
			 * measure may tell them apart by its roles ("Ukraine
			 * says Russia has lost 407,000 soldiers killed or
			 * wounded" is unsure by its participle, sure by the
			 * subject of "lost"). Otherwise this measure's first
			 * frame said its piece. */
			if (!rd.ambiguous)
				break;
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
			    !fr_need_met(in->need, in->n_need, &st->words))
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
/* True if a match starts the sentence ("Of those, 5,500 were
 * children"): a part of the sentence before reads so, not elsewhere. */
static bool leads(const mctx *c)
{
	for (size_t i = 0; i < c->p->n; i++)
		if (c->e[i] > c->s[i])
			return c->s[i] == 0;
	return false;
}

/* True if the sentence names a place or people of its own (an agent's
 * name aside). */
static bool names_own(const sent *st)
{
	for (size_t i = 0; i < st->n_ms; i++)
		if (st->ms[i].role == MR_NONE)
			return true;
	return false;
}

static fc_status read_part(sent *st, size_t a, fr_results *out)
{
	const fr_set *S = st->S;
	const sclaim *whole = NULL;

	for (size_t i = st->n_sc; i-- > 0;)
		if (st->sc[i].anchor < a && st->sc[i].whole == -1 &&
		    st->sc[i].in->f->kind != FK_CHANGE) {
			whole = &st->sc[i];
			break;
		}
	/* None in the sentence: the previous sentence's, for a part that
	 * its frame says is one ("Of those, ...", "Among them are"). */
	if (!whole && st->carry_now)
		whole = st->carry;
	if (whole)
		for (size_t k = 0; k < S->n_part_insts; k++) {
			reading rd;
			if (!fr_need_met(S->part_insts[k].need,
				      S->part_insts[k].n_need, &st->words))
				continue;
			reading_init(&rd, a);
			mctx_init(&rd.mc, st, &S->part_insts[k]);
			rd.mc.measure = whole->measure;
			if (!match_at(&rd.mc, a) ||
			    (whole == st->carry && !leads(&rd.mc)))
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
			/* A frame with the measure's own words ("Among the
			 * dead are") takes the claim before as its whole only
			 * when it names no place or people of its own. */
			if (whole && whole->measure == (int)m &&
			    (whole != st->carry ||
			     (leads(&rd.mc) && !names_own(st))))
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
	if (w && w == fr_vocab_find(&st->S->v, "plus", 4))
		return true;
	for (size_t k = 0; k < 3 && b >= 2; k++)
		if (w && w == fr_vocab_find(&st->S->v, two[k][1], strlen(two[k][1])) &&
		    tk->t[b - 2].word ==
			fr_vocab_find(&st->S->v, two[k][0], strlen(two[k][0])))
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
			rd.whole = sc->whole >= 0	  ? &st->sc[sc->whole]
				   : sc->whole == CARRIED ? st->carry
							  : NULL;
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
		if (sc->anchor >= b || sc->measure < 0 || sc->whole != -1 ||
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
			fr_sb_printf(&b,
				  "no frame ties it to a measure word of its "
				  "sentence (%s)",
				  words);
		else if (st->tk.t[a].kind != FC_NUM_COUNT)
			fr_sb_printf(&b, "no frame reads a figure of kind %s",
				  fc_num_kind_name((fc_num_kind)st->tk.t[a].kind));
		else
			fr_sb_printf(&b, "no measure word in its sentence");
		if (!(r.unbound_reason = fr_sb_take(&b)))
			return FC_ERR_NOMEM;
	}
	if (st->in->explain) {
		sbuf b = {0};
		fr_sb_printf(&b, "not read: %s", r.unbound_reason);
		if (!(r.explain = fr_sb_take(&b))) {
			free(r.unbound_reason);
			return FC_ERR_NOMEM;
		}
	}
	if (!fr_grow((void **)&out->items, &out->cap, out->n + 1,
		  sizeof(fr_result))) {
		free(r.unbound_reason);
		free(r.explain);
		return FC_ERR_NOMEM;
	}
	out->items[out->n++] = r;
	return FC_OK;
}

/* True if the claim of the sentence read before is carried into the
 * sentence that starts at ss: nothing but white space within a
 * paragraph parts them. */
static bool carry_reaches(const sent *st, size_t ss)
{
	size_t nl = 0, k = st->carry_end;

	if (!st->carry_ok || k > ss)
		return false;
	while (k < ss && (unsigned char)st->in->text[k] <= ' ')
		nl += st->in->text[k++] == '\n';
	return k == ss && nl < 2;
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

	st->carry_now = carry_reaches(st, ss);
	st->carry_ok = false;
	st->ss = ss;
	st->se = se;
	st->n_sc = 0;
	if (++st->gen == 0) { /* wrapped: no entry may look current */
		memset(st->pmemo, 0, PAT_MEMO * sizeof(*st->pmemo));
		st->gen = 1;
	}
	st->ctx_done = false;
	memset(st->pat_ok, 0, S->n_slots);
	memset(st->excl_ok, 0, S->n_excl);
	if (!fr_tokenize((vocab *)&S->v, false, st->in->text, ss, se, st->in->nums,
		      first, tk))
		return FC_ERR_NOMEM;
	if (!fr_grow((void **)&st->clause, &st->cap_clause, tk->n + 1, sizeof(int)))
		return FC_ERR_NOMEM;
	memset(&st->words, 0, sizeof(st->words));
	for (size_t t = 0; t < tk->n; t++) {
		tok *k = &tk->t[t];
		if (is_break(k) || in_class(S, S->c_clause, k))
			cl++;
		st->clause[t] = cl;
		if (word_tok(k) && k->word)
			fr_bloom_add(&st->words, k->word);
		/* "doubled": a figure for the change frames. */
		if (k->type == T_WORD && k->word && S->word_mult[k->word] >= 0) {
			k->type = T_MULT;
			k->num = (size_t)S->word_mult[k->word];
		}
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
	/* A part of the claim before ("Of those, 5,500 were children")
	 * needs no measure word of its own. */
	any_measure = any_measure || st->carry_now;
	/* Without a measure's phrase, only the figures no frame reads
	 * are wanted of it; what it says as context is read when a later
	 * sentence asks (context_entities). */
	if (!any_measure && !st->in->unrecognised)
		return FC_OK;
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
	memset(st->inst_ok, 0, S->n_insts);
	/* "Israel kills", "Russia has killed": the subject of a measure's
	 * verb did it, unless the measure says its subject is whose figure
	 * it is ("Russia lost"); "the war in Gaza has killed" is a place. */
	for (size_t i = 0; i < st->n_ms && any_measure; i++) {
		mention *mm = &st->ms[i];
		int aux = S->c_aux;
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
	/* The last whole this sentence claims, for the next sentence. */
	for (size_t i = st->n_sc; i-- > 0 && !rc;) {
		const sclaim *c = &st->sc[i];
		if (c->whole != -1 || c->measure < 0 ||
		    c->in->f->kind != FK_LEVEL)
			continue;
		memset(st->carry, 0, sizeof(*st->carry));
		st->carry->anchor = SIZE_MAX;
		st->carry->result = c->result;
		st->carry->in = c->in;
		st->carry->measure = c->measure;
		st->carry->whole = -1;
		st->carry_ok = true;
		st->carry_end = se;
		break;
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
		if (n >= 96 || !(S->gate_lead[n < 31 ? n : 31] &
				 fr_gate_lead(fold_tab[t[start]])))
			continue;
		for (size_t i = 0; i < n && i < 4; i++)
			head = head << 8 | fold_tab[t[start + i]];
		tail = n >= 2 ? (uint32_t)fold_tab[t[p - 2]] << 8 | fold_tab[t[p - 1]]
			      : fold_tab[t[p - 1]];
		b = fr_gate_mix(head, tail, n);
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
		if (!fr_word_byte(p, end)) {
			p++;
			continue;
		}
		while (q < end && fr_word_byte(q, end)) {
			if (n + 1 < sizeof(buf))
				buf[n++] = (char)tolower((unsigned char)*q);
			q++;
		}
		if (n + 1 < sizeof(buf) && (w = fr_vocab_find(&S->v, buf, n)) &&
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
	st.pmemo = calloc(PAT_MEMO, sizeof(*st.pmemo));
	st.excl_ok = calloc(S->n_excl + 1, 1);
	st.carry = calloc(1, sizeof(*st.carry));
	if (!st.present || !st.context || !st.inst_ok || !st.pat_ok ||
	    !st.pmemo || !st.excl_ok || !st.carry) {
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
			fr_sentence_at(in, g, &gs, &ge);
			p = ge > g ? ge : g + 1;
			if (!has_mult(S, in->text, gs, ge))
				continue;
			if (!fr_grow((void **)&mspans, &cap_mspans, 2 * n_mspans + 2,
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
			size_t g = SIZE_MAX, n = first_figure(nums, i, gpos);
			/* The sentence after a claim is read, measure word or
			 * not, when it holds a figure: it may be a part of the
			 * claim ("Of those, 5,500 were children"). */
			if (st.carry_ok && n < nums->count) {
				size_t cs, ce;
				fr_sentence_at(in, nums->items[n].start, &cs,
					       &ce);
				if (carry_reaches(&st, cs))
					g = nums->items[n].start;
			}
			if (g == SIZE_MAX)
				g = gate_next(S, in->text, gpos, in->len);
			if (g == SIZE_MAX)
				break;
			fr_sentence_at(in, g, &gs, &ge);
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
			fr_sentence_at(in, nums->items[i].start, &ss, &se);
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
	free(st.pmemo);
	free(st.excl_ok);
	free(st.carry);
	return rc;
}

