/*
 * baseline.c: the baseline file: fingerprints of accepted findings.
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "json.h"
#include "util.h"

#define BASELINE_FORMAT 1
#define MAX_BASELINE (256u * 1024 * 1024)

struct fc_baseline {
	uint64_t *fps; /* sorted */
	bool *used;
	size_t n;
};

static bool parse_fp(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (!s || strlen(s) != 16)
		return false;
	for (int i = 0; i < 16; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return true;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

void fc_baseline_free(fc_baseline *bl)
{
	if (!bl)
		return;
	free(bl->fps);
	free(bl->used);
	free(bl);
}

/* Sorts and dedupes the fingerprints and allocates `used`. */
static fc_status finish(fc_baseline *bl)
{
	size_t k = 0;

	if (bl->n)
		qsort(bl->fps, bl->n, sizeof(uint64_t), cmp_u64);
	for (size_t i = 0; i < bl->n; i++)
		if (k == 0 || bl->fps[i] != bl->fps[k - 1])
			bl->fps[k++] = bl->fps[i];
	bl->n = k;
	bl->used = calloc(bl->n + 1, sizeof(bool));
	return bl->used ? FC_OK : FC_ERR_NOMEM;
}

fc_status fc_baseline_load(const char *path, fc_baseline **out, fc_error *err)
{
	char *text = NULL;
	size_t len, i = 0;
	cJSON *root = NULL, *fs, *f;
	fc_baseline *bl = NULL;
	fc_status rc;

	*out = NULL;
	rc = fc_read_file(path, MAX_BASELINE, &text, &len, err);
	if (rc != FC_OK) {
		fc_error_prefix(err, "--baseline: ");
		return rc == FC_ERR_NOMEM ? rc : FC_ERR_INPUT;
	}
	rc = fc_json_parse(path, text, len, false, &root, err);
	free(text);
	if (rc != FC_OK)
		return FC_ERR_INPUT;
	fs = cJSON_GetObjectItemCaseSensitive(root, "findings");
	if (!cJSON_IsObject(root) ||
	    !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root,
							     "figcheck_baseline"))) {
		rc = fc_error_set(err, FC_ERR_INPUT,
				  "%s: not a figcheck baseline (expected an object "
				  "with \"figcheck_baseline\": %d); write one with "
				  "--write-baseline",
				  path, BASELINE_FORMAT);
		goto out;
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "figcheck_baseline")
		->valuedouble != BASELINE_FORMAT) {
		rc = fc_error_set(err, FC_ERR_INPUT,
				  "%s: figcheck_baseline: format %g is not one "
				  "this figcheck reads (%d); write it again with "
				  "--write-baseline",
				  path,
				  cJSON_GetObjectItemCaseSensitive(
				      root, "figcheck_baseline")->valuedouble,
				  BASELINE_FORMAT);
		goto out;
	}
	if (!cJSON_IsArray(fs)) {
		rc = fc_error_set(err, FC_ERR_INPUT,
				  "%s: findings: expected an array, found %s", path,
				  fc_json_type_name(fs));
		goto out;
	}
	bl = calloc(1, sizeof(*bl));
	if (!bl || !(bl->fps = calloc((size_t)cJSON_GetArraySize(fs) + 1,
				      sizeof(uint64_t)))) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto out;
	}
	cJSON_ArrayForEach(f, fs)
	{
		const cJSON *fp = cJSON_GetObjectItemCaseSensitive(f, "fingerprint");
		if (!cJSON_IsString(fp) || !parse_fp(fp->valuestring,
						    &bl->fps[bl->n])) {
			rc = fc_error_set(err, FC_ERR_INPUT,
					  "%s: findings[%zu].fingerprint: expected "
					  "16 hexadecimal digits",
					  path, i);
			goto out;
		}
		bl->n++;
		i++;
	}
	if (finish(bl) != FC_OK) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto out;
	}
	*out = bl;
	bl = NULL;
	rc = FC_OK;
out:
	cJSON_Delete(root);
	fc_baseline_free(bl);
	return rc;
}

fc_status fc_baseline_from_results(fc_doc_result *const *results, size_t n,
				   fc_verdict fail_on, fc_baseline **out,
				   fc_error *err)
{
	fc_baseline *bl = calloc(1, sizeof(*bl));
	size_t cap = 0;

	*out = NULL;
	if (!bl)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; results[i] && k < results[i]->n_findings; k++) {
			const fc_finding *f = &results[i]->findings[k];
			if (f->verdict < fail_on)
				continue;
			if (fc_grow((void **)&bl->fps, &cap, bl->n + 1,
				    sizeof(uint64_t)) ||
			    !parse_fp(f->fingerprint, &bl->fps[bl->n])) {
				fc_baseline_free(bl);
				return fc_error_set(err, FC_ERR_NOMEM,
						    "out of memory");
			}
			bl->n++;
		}
	}
	if (finish(bl) != FC_OK) {
		fc_baseline_free(bl);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	*out = bl;
	return FC_OK;
}

/* One line of the file, and what it sorts by. */
typedef struct entry {
	char *path;
	unsigned line, col;
	char fingerprint[17];
	char *json; /* the line, without its indent */
} entry;

struct fc_baseline_entries {
	entry *es;
	size_t n, cap;
};

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->fingerprint, y->fingerprint);
}

static char *entry_json(const char *path, const fc_finding *f)
{
	cJSON *o = cJSON_CreateObject();
	char *s = NULL;

	if (o && cJSON_AddStringToObject(o, "fingerprint", f->fingerprint) &&
	    cJSON_AddStringToObject(o, "path", path) &&
	    cJSON_AddNumberToObject(o, "line", f->line) &&
	    cJSON_AddStringToObject(o, "verdict", fc_verdict_name(f->verdict)) &&
	    cJSON_AddStringToObject(o, "rule", f->rule_id) &&
	    cJSON_AddStringToObject(o, "text", f->text ? f->text : ""))
		s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return s;
}

fc_status fc_baseline_entries_new(fc_baseline_entries **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? FC_OK : FC_ERR_NOMEM;
}

void fc_baseline_entries_free(fc_baseline_entries *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		free(e->es[i].path);
		free(e->es[i].json);
	}
	free(e->es);
	free(e);
}

size_t fc_baseline_entries_count(const fc_baseline_entries *e)
{
	return e ? e->n : 0;
}

fc_status fc_baseline_entries_add(fc_baseline_entries *e,
				  const fc_doc_result *r, fc_verdict fail_on)
{
	for (size_t k = 0; r && k < r->n_findings; k++) {
		const fc_finding *f = &r->findings[k];
		entry *en;

		if (f->verdict < fail_on)
			continue;
		if (fc_grow((void **)&e->es, &e->cap, e->n + 1, sizeof(*e->es)))
			return FC_ERR_NOMEM;
		en = &e->es[e->n];
		memset(en, 0, sizeof(*en));
		en->path = fc_strdup(r->doc->path);
		en->json = entry_json(r->doc->path, f);
		en->line = f->line;
		en->col = f->col;
		memcpy(en->fingerprint, f->fingerprint, sizeof(en->fingerprint));
		if (!en->path || !en->json) {
			free(en->path);
			free(en->json);
			return FC_ERR_NOMEM;
		}
		e->n++;
	}
	return FC_OK;
}

size_t fc_baseline_accept_own(fc_doc_result *r, fc_verdict fail_on)
{
	size_t kept = 0, removed;

	if (!r)
		return 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		bool own = false;
		/* A finding whose fingerprint is one of the failing ones:
		 * fingerprints name the document, so no other document's
		 * finding can share it. */
		for (size_t k = 0; k < r->n_findings && !own; k++)
			own = r->findings[k].verdict >= fail_on &&
			      strcmp(r->findings[k].fingerprint,
				     r->findings[i].fingerprint) == 0;
		if (!own)
			r->findings[kept++] = r->findings[i];
	}
	removed = r->n_findings - kept;
	r->n_findings = kept;
	return removed;
}

fc_status fc_baseline_entries_write(fc_baseline_entries *e, const char *path,
				    fc_error *err)
{
	fc_atomic_file af;
	fc_status rc;

	if (e->n)
		qsort(e->es, e->n, sizeof(*e->es), cmp_entry);
	memset(&af, 0, sizeof(af));
	rc = fc_atomic_open(&af, path, err);
	if (rc != FC_OK) {
		fc_error_prefix(err, "--write-baseline: ");
		return rc;
	}
	fprintf(af.fp, "{\"figcheck_baseline\": %d, \"findings\": [",
		BASELINE_FORMAT);
	for (size_t i = 0; i < e->n; i++)
		fprintf(af.fp, "%s\n  %s", i ? "," : "", e->es[i].json);
	fprintf(af.fp, "%s]}\n", e->n ? "\n" : "");
	rc = fc_atomic_commit(&af, err);
	if (rc != FC_OK)
		fc_error_prefix(err, "--write-baseline: ");
	return rc;
}

fc_status fc_baseline_write(const char *path, fc_doc_result *const *results,
			    size_t n, fc_verdict fail_on, fc_error *err)
{
	fc_baseline_entries *e;
	fc_status rc;

	if (fc_baseline_entries_new(&e) != FC_OK)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		if (fc_baseline_entries_add(e, results[i], fail_on) != FC_OK) {
			fc_baseline_entries_free(e);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
	rc = fc_baseline_entries_write(e, path, err);
	fc_baseline_entries_free(e);
	return rc;
}

size_t fc_baseline_filter(fc_baseline *bl, fc_doc_result *r)
{
	size_t kept = 0, removed;

	if (!bl || !r)
		return 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		uint64_t fp;
		const uint64_t *hit = NULL;
		if (parse_fp(r->findings[i].fingerprint, &fp))
			hit = bsearch(&fp, bl->fps, bl->n, sizeof(uint64_t),
				      cmp_u64);
		if (hit) {
			bl->used[hit - bl->fps] = true;
			continue;
		}
		r->findings[kept++] = r->findings[i];
	}
	removed = r->n_findings - kept;
	r->n_findings = kept;
	return removed;
}

size_t fc_baseline_size(const fc_baseline *bl)
{
	return bl ? bl->n : 0;
}

size_t fc_baseline_unused(const fc_baseline *bl)
{
	size_t n = 0;

	for (size_t i = 0; bl && i < bl->n; i++)
		n += !bl->used[i];
	return n;
}
