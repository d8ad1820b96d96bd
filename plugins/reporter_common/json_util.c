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

fc_status rj_print_streamed(const fc_host *h, cJSON *root,
					  const char *marker, bool pretty,
					  size_t n,
					  cJSON *(*item)(void *ud, size_t i),
					  void *ud, FILE *out, fc_error *err)
{
	char *text, *at, *line;
	size_t depth = 0, mlen = strlen(marker);

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
	while (line[depth] == '\t')
		depth++;
	fwrite(text, 1, (size_t)(at - text), out);
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		cJSON *it = item(ud, i);
		char *s = it ? (pretty ? cJSON_Print(it)
				       : cJSON_PrintUnformatted(it))
			     : NULL;
		cJSON_Delete(it);
		if (!s) {
			free(text);
			return h->error(err, FC_ERR_NOMEM, "out of memory");
		}
		if (i)
			fputs(pretty ? ", " : ",", out);
		for (const char *c = s, *nl; *c; c = nl + 1) {
			if (!(nl = strchr(c, '\n'))) {
				fputs(c, out);
				break;
			}
			fwrite(c, 1, (size_t)(nl - c) + 1, out);
			for (size_t k = 0; k <= depth; k++)
				fputc('\t', out);
		}
		free(s);
	}
	fputc(']', out);
	fputs(at + mlen + 2, out);
	fputc('\n', out);
	free(text);
	return ru_written(h, out, err);
}
