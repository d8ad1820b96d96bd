/*
 * fetch.c: the fetcher. Local files are read directly; URLs go through
 * libcurl with the configured limits.
 */
#include "config.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fetch.h"
#include "util.h"

struct fc_fetcher {
	fc_fetch_config cfg;
	char *cache_dir;
	char *ca_bundle;
};

void fc_blob_free(fc_blob *b)
{
	if (!b)
		return;
	free(b->data);
	memset(b, 0, sizeof(*b));
}

void fc_fetch_req_clear(fc_fetch_req *r)
{
	fc_blob_free(&r->blob);
	free(r->content_type);
	r->content_type = NULL;
}

fc_status fc_fetcher_new(const fc_fetch_config *cfg, fc_fetcher **out,
			 fc_error *err)
{
	fc_fetcher *f = calloc(1, sizeof(*f));

	*out = NULL;
	if (!f)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	f->cfg = *cfg;
	if ((cfg->cache_dir && !(f->cache_dir = fc_strdup(cfg->cache_dir))) ||
	    (cfg->ca_bundle && !(f->ca_bundle = fc_strdup(cfg->ca_bundle)))) {
		fc_fetcher_free(f);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	f->cfg.cache_dir = f->cache_dir;
	f->cfg.ca_bundle = f->ca_bundle;
	*out = f;
	return FC_OK;
}

void fc_fetcher_free(fc_fetcher *f)
{
	if (!f)
		return;
	free(f->cache_dir);
	free(f->ca_bundle);
	free(f);
}

typedef struct sink {
	fc_buf buf;
	size_t max;
	bool over;
} sink;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ud)
{
	sink *s = ud;
	size_t n = size * nmemb;

	if (s->buf.len + n > s->max) {
		s->over = true;
		return 0;
	}
	if (fc_buf_append(&s->buf, ptr, n) != FC_OK)
		return 0;
	return n;
}

static void fetch_url(fc_fetcher *f, fc_fetch_req *r)
{
	CURL *h = curl_easy_init();
	sink s = {{0}, f->cfg.max_body, false};
	CURLcode cc;
	long code = 0;
	char ua[64], errbuf[CURL_ERROR_SIZE] = "";

	if (!h) {
		r->status = fc_error_set(&r->err, FC_ERR_NOMEM,
					 "%s: cannot start a transfer", r->url);
		return;
	}
	snprintf(ua, sizeof(ua), "figcheck/%s", PACKAGE_VERSION);
	curl_easy_setopt(h, CURLOPT_URL, r->url);
	curl_easy_setopt(h, CURLOPT_USERAGENT, ua);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
			 (long)(f->cfg.connect_timeout * 1000));
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)(f->cfg.timeout * 1000));
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	if (f->cfg.ca_bundle)
		curl_easy_setopt(h, CURLOPT_CAINFO, f->cfg.ca_bundle);
	cc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	r->http_status = (int)code;
	if (s.over) {
		r->status = fc_error_set(&r->err, FC_ERR_LIMIT,
					 "%s: the body is larger than the limit "
					 "of %zu bytes (fetch.max_body)",
					 r->url, f->cfg.max_body);
	} else if (cc != CURLE_OK) {
		r->status = fc_error_set(&r->err, FC_ERR_FETCH, "%s: %s", r->url,
					 errbuf[0] ? errbuf : curl_easy_strerror(cc));
	} else if (code >= 400) {
		r->status = fc_error_set(&r->err, FC_ERR_FETCH,
					 "%s: the server answered HTTP %ld",
					 r->url, code);
	} else {
		char *ct = NULL;
		curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
		if (ct)
			r->content_type = fc_strdup(ct);
		if (fc_buf_reserve(&s.buf, 0) != FC_OK) {
			r->status = fc_error_set(&r->err, FC_ERR_NOMEM,
						 "out of memory");
		} else {
			r->blob.len = s.buf.len;
			r->blob.data = fc_buf_steal(&s.buf);
			r->blob.retrieved = (int64_t)time(NULL);
			r->status = r->blob.data ? FC_OK : FC_ERR_NOMEM;
		}
	}
	fc_buf_free(&s.buf);
	curl_easy_cleanup(h);
}

void fc_fetch_all(fc_fetcher *f, fc_fetch_req *reqs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fc_fetch_req *r = &reqs[i];

		r->status = FC_OK;
		fc_error_clear(&r->err);
		if (!strstr(r->url, "://")) {
			char *data;
			size_t len;
			r->status = fc_read_file(r->url, f->cfg.max_body, &data,
						 &len, &r->err);
			if (r->status == FC_OK) {
				r->blob.data = data;
				r->blob.len = len;
				r->blob.retrieved = (int64_t)time(NULL);
			}
			continue;
		}
		fetch_url(f, r);
	}
}
