/*
 * json_util.c: cJSON helpers shared by the json and sarif reporters (see
 * json_util.h).
 */
#include "json_util.h"

bool rj_add_num(cJSON *o, const char *k, double v)
{
	return (isfinite(v) ? cJSON_AddNumberToObject(o, k, v)
			    : cJSON_AddNullToObject(o, k)) != NULL;
}

bool rj_add_date(cJSON *o, const char *k, fc_date d)
{
	char buf[11];

	if (d == FC_DATE_NONE)
		return cJSON_AddNullToObject(o, k) != NULL;
	return cJSON_AddStringToObject(o, k, fc_date_format(d, buf)) != NULL;
}

bool rj_add_record(cJSON *o, const char *k, const fc_ref *r,
				 cJSON *(*to_json)(const fc_ref *))
{
	cJSON *v;

	if (!r)
		return cJSON_AddNullToObject(o, k) != NULL;
	v = to_json(r);
	return v && cJSON_AddItemToObject(o, k, v);
}

bool rj_add_counts(cJSON *o, const char *k, const fc_report *rep)
{
	cJSON *counts = cJSON_AddObjectToObject(o, k);
	bool ok = counts != NULL;

	for (int v = 0; ok && v < FC_VERDICT_COUNT; v++)
		ok = rj_add_num(counts, fc_verdict_name((fc_verdict)v),
				(double)rep->counts[v]);
	return ok;
}

bool rj_add_coverage(cJSON *o, const char *k,
				   const fc_coverage *c)
{
	cJSON *cov = cJSON_AddObjectToObject(o, k);

	return cov && rj_add_num(cov, "figures", (double)c->figures) &&
	       rj_add_num(cov, "checked", (double)c->checked) &&
	       rj_add_num(cov, "unchecked", (double)c->unchecked) &&
	       rj_add_num(cov, "not_quantities", (double)c->not_quantities);
}

fc_status rj_print(const fc_host *h, cJSON *root, bool pretty,
				 FILE *out, fc_error *err)
{
	char *text;

	if (!root)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	text = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	if (!text)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	fputs(text, out);
	fputc('\n', out);
	free(text);
	return ru_written(h, out, err);
}

const char *rj_marker(char *buf, const void *addr)
{
	snprintf(buf, 64, "figcheck-stream-%lx-%lx-%p",
		 (unsigned long)time(NULL), (unsigned long)clock(), addr);
	return buf;
}

/* Writes `s` with `depth` tabs after each of its line breaks: an item
 * printed alone, at its place in the tree. */
static void put_indented(const char *s, size_t depth, FILE *out)
{
	for (const char *c = s, *nl; *c; c = nl + 1) {
		if (!(nl = strchr(c, '\n'))) {
			fputs(c, out);
			break;
		}
		fwrite(c, 1, (size_t)(nl - c) + 1, out);
		for (size_t k = 0; k < depth; k++)
			fputc('\t', out);
	}
}

fc_status rj_stream_at(const fc_host *h, cJSON *root, const char *marker,
		       bool pretty, size_t base, size_t n,
		       rj_item_writer write, void *ud, FILE *out,
		       fc_error *err)
{
	char *text, *at, *line;
	size_t depth = base, mlen = strlen(marker);
	fc_status rc = FC_OK;

	if (!root)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	text = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	if (!text)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	for (at = strstr(text, marker);
	     at && (at == text || at[-1] != '"' || at[mlen] != '"');
	     at = strstr(at + 1, marker))
		;
	if (!at) {
		free(text);
		return h->error(err, FC_ERR_NOMEM, "no array to stream into");
	}
	at--; /* the opening quote */
	/* An item printed alone starts at depth 0; in place, its lines are
	 * one deeper than the line that holds the array. */
	for (line = at; line > text && line[-1] != '\n'; line--)
		;
	while (line[depth - base] == '\t')
		depth++;
	*at = 0;
	put_indented(text, base, out);
	fputc('[', out);
	for (size_t i = 0; i < n && rc == FC_OK; i++) {
		if (i)
			fputs(pretty ? ", " : ",", out);
		rc = write(ud, i, depth + 1, out, err);
	}
	fputc(']', out);
	put_indented(at + mlen + 2, base, out);
	free(text);
	return rc;
}

fc_status rj_put_item(const fc_host *h, cJSON *item, bool pretty,
		      size_t depth, FILE *out, fc_error *err)
{
	char *s = item ? (pretty ? cJSON_Print(item)
				 : cJSON_PrintUnformatted(item))
		       : NULL;

	cJSON_Delete(item);
	if (!s)
		return h->error(err, FC_ERR_NOMEM, "out of memory");
	put_indented(s, depth, out);
	free(s);
	return FC_OK;
}

/* rj_print_streamed's items, made by its `item` callback. */
typedef struct made_items {
	const fc_host *h;
	bool pretty;
	cJSON *(*item)(void *ud, size_t i);
	void *ud;
} made_items;

static fc_status put_made(void *p, size_t i, size_t depth, FILE *out,
			  fc_error *err)
{
	made_items *m = p;

	return rj_put_item(m->h, m->item(m->ud, i), m->pretty, depth, out,
			   err);
}

fc_status rj_print_streamed(const fc_host *h, cJSON *root,
					  const char *marker, bool pretty,
					  size_t n,
					  cJSON *(*item)(void *ud, size_t i),
					  void *ud, FILE *out, fc_error *err)
{
	made_items m = {h, pretty, item, ud};
	fc_status rc = rj_stream_at(h, root, marker, pretty, 0, n, put_made,
				    &m, out, err);

	if (rc != FC_OK)
		return rc;
	fputc('\n', out);
	return ru_written(h, out, err);
}
