/*
 * spool.c: the results of a run on disk until the reports (spool.h).
 *
 * A record per document, at an offset kept in memory:
 *
 *     u64 size of the rest
 *     u8 has_doc, u8 format, u8 date_origin, u8 0, i32 date, u32 n,
 *     u32 the document's flags, its fc_coverage
 *     str path, str error, (has_doc) u64 length and the text's bytes
 *     n times: the fc_finding as it is in memory, u8 has_claim, (then)
 *              the fc_claim, the finding's strings rule_id, metric,
 *              text, sentence, message, reason, (has_claim) the claim's
 *              rule_id, metric, unbound_reason, attribution, as_of_text,
 *              entity, measure, group, period, explain, ref_text,
 *              then u8 flags
 *              of the records it has (record, matched, ref_record), those
 *              records and its n_others other records, each an fc_ref,
 *              then its n_series points (fc_point)
 *
 * where a str is a u32 length (UINT32_MAX for NULL), the bytes and a NUL.
 *
 * The first documents stay in memory, as they are, while they fit in
 * SPOOL_MEMORY (and the first always does: it is in memory anyway): a
 * run of one long document or of a few drafts never touches the disk.
 * The file is made when the first document must go to it.
 * The file is read by the process that wrote it, so structures are
 * copied as they are and their pointers replaced when read back. A
 * finding's records are copies the result owns (verify.c), kept here by
 * value; their strings are the reference store's, which outlives the
 * reports, and stay pointers.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "spool.h"
#include "util.h"

#define NO_STR UINT32_MAX
#define SPOOL_MEMORY ((size_t)4 << 20) /* bytes of results kept in memory */

/* A document kept in memory: its result (owned), or its name and why it
 * could not be checked. */
typedef struct kept {
	fc_doc_result *r;
	char *path, *error;
} kept;

struct fc_spool {
	kept *mem;         /* the first documents, in memory */
	size_t n_mem, cap_mem, mem_bytes;
	size_t memory;     /* bytes of them allowed; 0: none */
	FILE *fp;          /* the others, or NULL until one comes */
	uint64_t *offsets; /* of each record in the file: document
	                      n_mem + k is offsets[k] */
	size_t n, cap;     /* n: documents in all */
	uint64_t end;      /* where the next record goes */
	size_t counts[FC_VERDICT_COUNT];
	size_t errors;
	fc_coverage coverage; /* of every document appended */
	fc_buf rec;        /* a record being written or read */
	/* The document last read back. */
	fc_report_doc cur;
	fc_document *doc;
	fc_finding *findings;
	size_t cap_findings;
	fc_claim *claims;
	size_t cap_claims;
	fc_ref *refs;      /* the records of the document's findings */
	size_t cap_refs;
	const fc_ref **others;
	size_t cap_others;
	fc_point *points;  /* the series of the document's findings */
	size_t cap_points;
	bool failed;
	fc_error err;      /* why reading failed */
	bool reading;      /* the file position is not at `end` */
};

fc_status fc_spool_new_limit(fc_spool **out, size_t memory, fc_error *err)
{
	fc_spool *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	s->memory = memory;
	*out = s;
	return FC_OK;
}

fc_status fc_spool_new(fc_spool **out, fc_error *err)
{
	return fc_spool_new_limit(out, SPOOL_MEMORY, err);
}

/* Makes the spool's file, when the first document must go to it. */
static fc_status spool_open(fc_spool *s, fc_error *err)
{
	const char *dir = getenv("TMPDIR");
	char *name;
	int fd;

	if (!dir || !dir[0])
		dir = "/tmp";
	if (!(name = fc_asprintf("%s/figcheck-spool-XXXXXX", dir)))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	fd = mkstemp(name);
	if (fd < 0) {
		fc_status rc = fc_error_set(
		    err, FC_ERR_IO,
		    "%s: cannot make a temporary file to keep the run's "
		    "results until the reports: %s (set TMPDIR to a folder "
		    "with room)",
		    dir, strerror(errno));
		free(name);
		return rc;
	}
	/* Unnamed from now on: removed however the run ends. */
	unlink(name);
	free(name);
	if (!(s->fp = fdopen(fd, "w+b"))) {
		close(fd);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	return FC_OK;
}

void fc_spool_free(fc_spool *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_mem; i++) {
		fc_doc_result_free(s->mem[i].r);
		free(s->mem[i].path);
		free(s->mem[i].error);
	}
	free(s->mem);
	if (s->fp)
		fclose(s->fp);
	free(s->offsets);
	fc_buf_free(&s->rec);
	fc_document_free(s->doc);
	free(s->findings);
	free(s->claims);
	free(s->refs);
	free(s->others);
	free(s->points);
	free(s);
}

size_t fc_spool_count(const fc_spool *s)
{
	return s->n;
}

const size_t *fc_spool_counts(const fc_spool *s)
{
	return s->counts;
}

const fc_coverage *fc_spool_coverage(const fc_spool *s)
{
	return &s->coverage;
}

size_t fc_spool_errors(const fc_spool *s)
{
	return s->errors;
}

bool fc_spool_failed(const fc_spool *s, fc_error *err)
{
	if (s->failed && err)
		*err = s->err;
	return s->failed;
}

/* ------------------------------------------------------------------ */
/* Writing. */

static void put_u8(fc_buf *b, uint8_t v)
{
	fc_buf_append(b, &v, 1);
}

static void put_u32(fc_buf *b, uint32_t v)
{
	fc_buf_append(b, &v, sizeof(v));
}

static void put_u64(fc_buf *b, uint64_t v)
{
	fc_buf_append(b, &v, sizeof(v));
}

static void put_str(fc_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (!s || n >= NO_STR) {
		put_u32(b, NO_STR);
		return;
	}
	put_u32(b, (uint32_t)n);
	fc_buf_append(b, s, n + 1);
}

/* The run's counts, for a document appended. */
static void count(fc_spool *s, const fc_doc_result *r, const char *error)
{
	for (size_t i = 0; r && i < r->n_findings; i++)
		if ((unsigned)r->findings[i].verdict < FC_VERDICT_COUNT)
			s->counts[r->findings[i].verdict]++;
	s->errors += error != NULL;
	if (r) {
		s->coverage.figures += r->coverage.figures;
		s->coverage.checked += r->coverage.checked;
		s->coverage.unchecked += r->coverage.unchecked;
		s->coverage.not_quantities += r->coverage.not_quantities;
	}
	s->n++;
}

fc_status fc_spool_add(fc_spool *s, fc_doc_result *r, const char *path,
		       const char *error, fc_error *err)
{
	const fc_document *doc = r ? r->doc : NULL;
	fc_buf *b = &s->rec;
	size_t nf = r ? r->n_findings : 0;
	/* A result in memory is some dozen bytes a byte of its text (the
	 * prose view, its map, the figures) and its findings. */
	size_t est = 4096 + (doc ? 12 * doc->len : 0) + nf * 1024;
	uint64_t size;

	if (!s->fp && s->memory > 0 &&
	    (s->n_mem == 0 || s->mem_bytes + est <= s->memory)) {
		kept *k;
		if (fc_grow((void **)&s->mem, &s->cap_mem, s->n_mem + 1,
			    sizeof(*s->mem))) {
			fc_doc_result_free(r);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
		k = &s->mem[s->n_mem];
		k->r = r;
		k->path = r ? NULL : fc_strdup(path ? path : "?");
		k->error = error ? fc_strdup(error) : NULL;
		if ((!r && !k->path) || (error && !k->error)) {
			free(k->path);
			free(k->error);
			fc_doc_result_free(r);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
		s->n_mem++;
		s->mem_bytes += est;
		count(s, r, error);
		return FC_OK;
	}
	if (!s->fp) {
		fc_status rc = spool_open(s, err);
		if (rc) {
			fc_doc_result_free(r);
			return rc;
		}
	}

	b->len = 0;
	put_u64(b, 0); /* the size, below */
	put_u8(b, doc != NULL);
	put_u8(b, doc ? (uint8_t)doc->format : 0);
	put_u8(b, doc ? (uint8_t)doc->date_origin : 0);
	put_u8(b, 0);
	put_u32(b, (uint32_t)(doc ? doc->date : FC_DATE_NONE));
	put_u32(b, (uint32_t)nf);
	put_u32(b, doc ? doc->flags : 0);
	if (r)
		fc_buf_append(b, &r->coverage, sizeof(r->coverage));
	else {
		fc_coverage none;
		memset(&none, 0, sizeof(none));
		fc_buf_append(b, &none, sizeof(none));
	}
	put_str(b, doc ? doc->path : path);
	put_str(b, error);
	if (doc) {
		put_u64(b, doc->len);
		fc_buf_append(b, doc->text, doc->len);
	}
	for (size_t i = 0; i < nf; i++) {
		const fc_finding *f = &r->findings[i];
		const fc_claim *c = f->claim;

		fc_buf_append(b, f, sizeof(*f));
		put_u8(b, c != NULL);
		if (c)
			fc_buf_append(b, c, sizeof(*c));
		put_str(b, f->rule_id);
		put_str(b, f->metric);
		put_str(b, f->text);
		put_str(b, f->sentence);
		put_str(b, f->message);
		put_str(b, f->reason);
		if (c) {
			put_str(b, c->rule_id);
			put_str(b, c->metric);
			put_str(b, c->unbound_reason);
			put_str(b, c->attribution);
			put_str(b, c->as_of_text);
			put_str(b, c->entity);
			put_str(b, c->measure);
			put_str(b, c->group);
			put_str(b, c->period);
			put_str(b, c->explain);
			put_str(b, c->ref_text);
		}
		put_u8(b, (uint8_t)((f->record ? 1 : 0) | (f->matched ? 2 : 0) |
				    (f->ref_record ? 4 : 0)));
		if (f->record)
			fc_buf_append(b, f->record, sizeof(fc_ref));
		if (f->matched)
			fc_buf_append(b, f->matched, sizeof(fc_ref));
		if (f->ref_record)
			fc_buf_append(b, f->ref_record, sizeof(fc_ref));
		for (size_t k = 0; k < f->n_others; k++)
			fc_buf_append(b, f->others[k], sizeof(fc_ref));
		if (f->n_series)
			fc_buf_append(b, f->series,
				      f->n_series * sizeof(*f->series));
	}
	if (!b->data || fc_grow((void **)&s->offsets, &s->cap,
				s->n - s->n_mem + 1, sizeof(*s->offsets))) {
		fc_doc_result_free(r);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	size = b->len - sizeof(uint64_t);
	memcpy(b->data, &size, sizeof(size));
	if ((s->reading && fseeko(s->fp, (off_t)s->end, SEEK_SET) != 0) ||
	    fwrite(b->data, 1, b->len, s->fp) != b->len) {
		fc_doc_result_free(r);
		return fc_error_set(err, FC_ERR_IO,
				    "cannot keep the run's results in a "
				    "temporary file until the reports: %s (set "
				    "TMPDIR to a folder with room)",
				    strerror(errno));
	}
	s->reading = false;
	s->offsets[s->n - s->n_mem] = s->end;
	s->end += b->len;
	count(s, r, error);
	fc_doc_result_free(r);
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Reading back. */

typedef struct reader {
	const char *p, *end;
	bool bad;
} reader;

static void get(reader *rd, void *out, size_t n)
{
	if (rd->bad || (size_t)(rd->end - rd->p) < n) {
		rd->bad = true;
		memset(out, 0, n);
		return;
	}
	memcpy(out, rd->p, n);
	rd->p += n;
}

static const char *get_str(reader *rd)
{
	uint32_t n;
	const char *s;

	get(rd, &n, sizeof(n));
	if (rd->bad || n == NO_STR)
		return NULL;
	if ((size_t)(rd->end - rd->p) < (size_t)n + 1 || rd->p[n] != 0) {
		rd->bad = true;
		return NULL;
	}
	s = rd->p;
	rd->p += (size_t)n + 1;
	return s;
}

/* Fails reading: the document returned says so, and so will the run. */
static const fc_report_doc *read_failed(fc_spool *s, size_t i, const char *why)
{
	if (!s->failed) {
		s->failed = true;
		fc_error_set(&s->err, FC_ERR_IO,
			     "reading the run's results back from its "
			     "temporary file failed (document %zu): %s",
			     i + 1, why);
	}
	memset(&s->cur, 0, sizeof(s->cur));
	s->cur.path = "?";
	s->cur.error = s->err.msg;
	return &s->cur;
}

const fc_report_doc *fc_spool_doc(fc_spool *s, size_t i)
{
	uint64_t size;
	uint8_t has_doc, format, origin, pad;
	uint32_t date, nf, flags;
	fc_coverage cov;
	const char *path, *error, *text = NULL;
	uint64_t text_len = 0;
	size_t n_others = 0, n_claims = 0, n_refs = 0, n_points = 0;
	reader rd;

	fc_document_free(s->doc);
	s->doc = NULL;
	if (i >= s->n)
		return read_failed(s, i, "no such document");
	if (i < s->n_mem) {
		const kept *k = &s->mem[i];
		memset(&s->cur, 0, sizeof(s->cur));
		s->cur.error = k->error;
		if (k->r) {
			s->cur.doc = k->r->doc;
			s->cur.path = k->r->doc->path;
			s->cur.findings = k->r->n_findings ? k->r->findings : NULL;
			s->cur.n_findings = k->r->n_findings;
			s->cur.coverage = k->r->coverage;
		} else {
			s->cur.path = k->path;
		}
		return &s->cur;
	}
	if (fflush(s->fp) != 0 ||
	    fseeko(s->fp, (off_t)s->offsets[i - s->n_mem], SEEK_SET) != 0 ||
	    fread(&size, sizeof(size), 1, s->fp) != 1)
		return read_failed(s, i, strerror(errno ? errno : EIO));
	s->reading = true;
	s->rec.len = 0;
	if (size > s->end)
		return read_failed(s, i, "a damaged record");
	if (fc_buf_reserve(&s->rec, (size_t)size) != FC_OK)
		return read_failed(s, i, "out of memory");
	if (fread(s->rec.data, 1, (size_t)size, s->fp) != size)
		return read_failed(s, i, ferror(s->fp) ? strerror(errno)
							: "cut short");
	rd.p = s->rec.data;
	rd.end = s->rec.data + size;
	rd.bad = false;
	get(&rd, &has_doc, 1);
	get(&rd, &format, 1);
	get(&rd, &origin, 1);
	get(&rd, &pad, 1);
	get(&rd, &date, sizeof(date));
	get(&rd, &nf, sizeof(nf));
	get(&rd, &flags, sizeof(flags));
	get(&rd, &cov, sizeof(cov));
	path = get_str(&rd);
	error = get_str(&rd);
	if (has_doc) {
		get(&rd, &text_len, sizeof(text_len));
		if (text_len > (uint64_t)(rd.end - rd.p))
			rd.bad = true;
		else {
			text = rd.p;
			rd.p += text_len;
		}
	}
	if (rd.bad || !path)
		return read_failed(s, i, "a damaged record");
	if (fc_grow((void **)&s->findings, &s->cap_findings, (size_t)nf + 1,
		    sizeof(fc_finding)) ||
	    fc_grow((void **)&s->claims, &s->cap_claims, (size_t)nf + 1,
		    sizeof(fc_claim)))
		return read_failed(s, i, "out of memory");
	/* First the structures and strings; the others' pointers once all
	 * are counted, as their array may move while it grows. */
	for (uint32_t k = 0; k < nf && !rd.bad; k++) {
		fc_finding *f = &s->findings[k];
		uint8_t has_claim;

		get(&rd, f, sizeof(*f));
		get(&rd, &has_claim, 1);
		f->claim = NULL;
		if (has_claim) {
			fc_claim *c = &s->claims[n_claims++];
			get(&rd, c, sizeof(*c));
			f->claim = c;
		}
		f->rule_id = get_str(&rd);
		f->metric = get_str(&rd);
		f->text = get_str(&rd);
		f->sentence = get_str(&rd);
		f->message = get_str(&rd);
		f->reason = get_str(&rd);
		if (has_claim) {
			fc_claim *c = &s->claims[n_claims - 1];
			c->rule_id = get_str(&rd);
			c->metric = get_str(&rd);
			c->unbound_reason = get_str(&rd);
			c->attribution = get_str(&rd);
			c->as_of_text = get_str(&rd);
			c->entity = get_str(&rd);
			c->measure = get_str(&rd);
			c->group = get_str(&rd);
			c->period = get_str(&rd);
			c->explain = get_str(&rd);
			c->ref_text = get_str(&rd);
		}
		{
			/* The records, by value; offsets into s->refs for
			 * now, made pointers below (the array may move while
			 * it grows). */
			uint8_t has;
			size_t want;
			get(&rd, &has, 1);
			want = n_refs + (has & 1) + (has >> 1 & 1) +
			       (has >> 2 & 1) + f->n_others;
			if (f->n_others > (size_t)(rd.end - rd.p) / sizeof(fc_ref) ||
			    fc_grow((void **)&s->refs, &s->cap_refs, want + 1,
				    sizeof(fc_ref))) {
				rd.bad = true;
				break;
			}
			f->record = f->matched = f->ref_record = NULL;
			if (has & 1) {
				get(&rd, &s->refs[n_refs], sizeof(fc_ref));
				f->record = (const fc_ref *)(uintptr_t)++n_refs;
			}
			if (has & 2) {
				get(&rd, &s->refs[n_refs], sizeof(fc_ref));
				f->matched = (const fc_ref *)(uintptr_t)++n_refs;
			}
			if (has & 4) {
				get(&rd, &s->refs[n_refs], sizeof(fc_ref));
				f->ref_record = (const fc_ref *)(uintptr_t)++n_refs;
			}
			f->others = (const fc_ref *const *)(uintptr_t)n_others;
			for (size_t q = 0; q < f->n_others; q++)
				get(&rd, &s->refs[n_refs++], sizeof(fc_ref));
			n_others += f->n_others;
		}
		if (f->n_series) {
			if (f->n_series > (size_t)(rd.end - rd.p) /
					      sizeof(fc_point) ||
			    fc_grow((void **)&s->points, &s->cap_points,
				    n_points + f->n_series, sizeof(fc_point))) {
				rd.bad = true;
				break;
			}
			get(&rd, s->points + n_points,
			    f->n_series * sizeof(fc_point));
			f->series = (const fc_point *)(uintptr_t)n_points;
			n_points += f->n_series;
		} else {
			f->series = NULL;
		}
		if (!f->rule_id)
			rd.bad = true;
	}
	if (rd.bad)
		return read_failed(s, i, "a damaged record");
	/* Offsets made pointers: 0 is none, k is s->refs[k - 1]; a finding's
	 * others follow its own records in s->refs. */
	if (fc_grow((void **)&s->others, &s->cap_others, n_others + 1,
		    sizeof(*s->others)))
		return read_failed(s, i, "out of memory");
	{
		size_t r = 0, o = 0;
		for (uint32_t k = 0; k < nf; k++) {
			fc_finding *f = &s->findings[k];
			if (f->record) {
				f->record = &s->refs[(uintptr_t)f->record - 1];
				r++;
			}
			if (f->matched) {
				f->matched = &s->refs[(uintptr_t)f->matched - 1];
				r++;
			}
			if (f->ref_record) {
				f->ref_record =
				    &s->refs[(uintptr_t)f->ref_record - 1];
				r++;
			}
			f->others = f->n_others ? s->others + o : NULL;
			if (f->n_series)
				f->series = s->points + (uintptr_t)f->series;
			for (size_t q = 0; q < f->n_others; q++)
				s->others[o++] = &s->refs[r++];
		}
	}
	memset(&s->cur, 0, sizeof(s->cur));
	s->cur.path = path;
	s->cur.error = error;
	s->cur.findings = nf ? s->findings : NULL;
	s->cur.n_findings = nf;
	s->cur.coverage = cov;
	if (has_doc) {
		/* The prose view, its map and lines, rebuilt from the text
		 * exactly as they were when it was checked. */
		fc_doc_options o;
		fc_error derr;

		memset(&o, 0, sizeof(o));
		o.format = (fc_doc_format)format;
		o.format_set = true;
		if (fc_document_from_memory(path, text, (size_t)text_len, &o,
					    &s->doc, &derr) != FC_OK)
			return read_failed(s, i, derr.msg);
		s->doc->date = (fc_date)date;
		s->doc->date_origin = (fc_date_origin)origin;
		s->doc->flags = flags;
		s->cur.doc = s->doc;
		s->cur.path = s->doc->path;
	}
	return &s->cur;
}

/* ------------------------------------------------------------------ */
/* Reports. */

/* fc_report.doc over a spool. */
static const fc_report_doc *spool_doc(const fc_report *rep, size_t i)
{
	return fc_spool_doc(rep->doc_source, i);
}

static bool spool_spoiled(void *ud, fc_error *err)
{
	return fc_spool_failed(ud, err);
}

fc_status fc_spool_report(fc_spool *s, fc_engine *eng, const char *format,
			  const char *path, fc_error *err)
{
	fc_report rep;

	memset(&rep, 0, sizeof(rep));
	rep.n_docs = fc_spool_count(s);
	rep.doc = spool_doc;
	rep.doc_source = s;
	rep.n_errors = fc_spool_errors(s);
	rep.coverage = *fc_spool_coverage(s);
	memcpy(rep.counts, fc_spool_counts(s), sizeof(rep.counts));
	return fc_engine_write_report(eng, format, path, &rep, spool_spoiled, s,
				      err);
}
