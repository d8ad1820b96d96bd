/*
 * frames_text.c: the claim-frames reader's text layer: growable
 * strings, the interned vocabulary and its hashes, and the tokenizer
 * that cuts a sentence (or a pack's phrase) into tokens.
 */
#include "frames_int.h"

/* ------------------------------------------------------------------ */
/* Growable strings. */

void fr_sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void fr_sb_printf(sbuf *b, const char *fmt, ...)
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
		if (!fr_grow((void **)&b->s, &b->cap, b->n + (size_t)k + 1, 1)) {
			b->failed = true;
			return;
		}
	}
}

/* Hands the string over (NULL when it failed or is empty). */
char *fr_sb_take(sbuf *b)
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


static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

uint32_t fr_gate_bit(const char *s, size_t n)
{
	uint32_t head = 0, tail = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i < 4)
			head = head << 8 | c;
		tail = (tail << 8 | c) & 0xFFFFu;
	}
	return fr_gate_mix(head, tail, n);
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

uint32_t fr_vocab_find(const vocab *v, const char *s, size_t n)
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
uint32_t fr_vocab_add(vocab *v, const char *s, size_t n)
{
	uint32_t id = fr_vocab_find(v, s, n);

	if (id)
		return id;
	v->sealed = false; /* a new word: the table may miss it */
	if (v->n == 0) {
		if (!fr_grow((void **)&v->words, &v->cap, 1, sizeof(char *)) ||
		    !fr_grow((void **)&v->lens, &v->cap_lens, 1, sizeof(uint32_t)))
			return 0;
		v->words[0] = NULL;
		v->lens[0] = 0;
		v->n = 1;
	}
	if (v->n >= UINT32_MAX - 1 || n >= UINT32_MAX ||
	    !fr_grow((void **)&v->words, &v->cap, v->n + 1, sizeof(char *)) ||
	    !fr_grow((void **)&v->lens, &v->cap_lens, v->n + 1, sizeof(uint32_t)) ||
	    !(v->words[v->n] = fr_dupn(s, n)))
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

void fr_vocab_seal(vocab *v)
{
	v->byte1[0] = 0;
	for (int c = 1; c < 128; c++) {
		char b = (char)c;
		v->byte1[c] = fr_vocab_find(v, &b, 1);
	}
	v->w_poss = fr_vocab_find(v, "'s", 2);
	v->w_apos = fr_vocab_find(v, "'", 1);
	v->w_dash = fr_vocab_find(v, "--", 2);
	v->w_nonq = fr_vocab_find(v, "#nonq", 5);
	v->sealed = true;
}

/* The id of a word the tokenizer makes itself: from the sealed table,
 * else looked up, or added when `add`. */
static uint32_t own_word(vocab *v, bool add, uint32_t sealed_id,
			 const char *s, size_t n)
{
	if (add)
		return fr_vocab_add(v, s, n);
	if (v->sealed)
		return sealed_id;
	return fr_vocab_find(v, s, n);
}

void fr_vocab_free(vocab *v)
{
	for (size_t i = 1; i < v->n; i++)
		free(v->words[i]);
	free(v->words);
	free(v->lens);
	free(v->slots);
	memset(v, 0, sizeof(*v));
}


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

static bool push_tok(toks *ts, const tok *t)
{
	if (!fr_grow((void **)&ts->t, &ts->cap, ts->n + 1, sizeof(tok)))
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
bool fr_tokenize(vocab *v, bool add, const char *text, size_t ss,
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
				t.word = v->sealed ? v->w_nonq
						   : fr_vocab_find(v, "#nonq", 5);
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
		if (fr_word_byte(p, end)) {
			const char *q = p;
			while (q < end && fr_word_byte(q, end))
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
				t.word = add ? fr_vocab_add(v, buf, n)
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
			    (p + n + 1 >= end || !fr_word_byte(p + n + 1, end))) {
				memset(&t, 0, sizeof(t));
				t.start = (size_t)(p - text);
				t.end = t.start + n + 1;
				t.type = T_PUNCT;
				t.word = own_word(v, add, v->w_poss, "'s", 2);
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
			t.word = own_word(v, add, v->w_dash, "--", 2);
		} else if ((n = apostrophe(p, end)) && p + n < end &&
			   (p[n] == 's' || p[n] == 'S') &&
			   (p + n + 1 >= end || !fr_word_byte(p + n + 1, end))) {
			t.end = at + n + 1;
			t.word = own_word(v, add, v->w_poss, "'s", 2);
		} else if ((n = apostrophe(p, end))) {
			t.end = at + n;
			t.word = own_word(v, add, v->w_apos, "'", 1);
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
			t.word = own_word(v, add,
					  v->byte1[(unsigned char)c & 0x7F], buf,
					  1);
		}
		if ((add && !t.word) || !push_tok(out, &t))
			return false;
		p = text + t.end;
	}
	return true;
}

