/*
 * fetch.h: the one fetcher every source uses. Local paths, file:, http:
 * and https: URLs; limits on size and time; fetched concurrently.
 */
#ifndef FC_FETCH_H
#define FC_FETCH_H

#include <figcheck/plugin.h>

#include "log.h"

typedef struct fc_fetch_config {
	const char *cache_dir;   /* NULL: $XDG_CACHE_HOME/figcheck */
	const char *ca_bundle;   /* NULL: the system's */
	double connect_timeout;  /* seconds */
	double timeout;          /* seconds, whole transfer */
	size_t max_body;         /* bytes, after decompression */
	int retries;             /* tries after the first */
	bool offline;            /* serve from the cache only */
	bool refresh;            /* revalidate every cached entry */
	const fc_logger *logger;
} fc_fetch_config;

typedef struct fc_fetcher fc_fetcher;

/* One request. The caller fills url, label and ttl; fc_fetch_all fills
 * the rest. On success `blob` is owned by the request: free it with
 * fc_blob_free (or take it and free it later). */
typedef struct fc_fetch_req {
	const char *url;    /* a path, or a file:, http: or https: URL */
	const char *label;  /* who asks, for messages ("source gaza-moh") */
	double ttl;         /* seconds a cached copy stays fresh */
	fc_status status;   /* FC_OK or why it failed */
	fc_error err;       /* message when it failed */
	fc_blob blob;       /* the body */
	char *content_type; /* or NULL; owned by the request */
	int http_status;    /* the last HTTP status, 0 if none */
} fc_fetch_req;

/* Creates a fetcher; the caller frees it with fc_fetcher_free. The
 * configuration's strings are copied. */
fc_status fc_fetcher_new(const fc_fetch_config *cfg, fc_fetcher **out,
			 fc_error *err);
void fc_fetcher_free(fc_fetcher *f);

/* Fetches every request, concurrently where the transport allows. Never
 * fails as a whole: each request carries its own status. */
void fc_fetch_all(fc_fetcher *f, fc_fetch_req *reqs, size_t n);

/* Frees a request's results (blob and content type). */
void fc_fetch_req_clear(fc_fetch_req *r);

void fc_blob_free(fc_blob *b);

#endif
