/*
 * fetch.h: the one fetcher every source uses. Local paths, file:, http:
 * and https: URLs; limits on size and time; retries; a cache on disk;
 * every request of a run fetched concurrently (libcurl's multi
 * interface).
 *
 * What the fetcher does with an http(s) URL, in order:
 *   - --offline: serve the cached copy, whatever its age, or fail;
 *   - a cached copy younger than the request's ttl (and no --refresh):
 *     serve it without a request ("fresh");
 *   - otherwise request it, conditionally (If-None-Match,
 *     If-Modified-Since) when a copy is cached: 304 keeps the copy
 *     ("revalidated"), 200 replaces it ("fetched");
 *   - connection errors, timeouts, cut-short bodies, 429 and 5xx are
 *     tried again (up to 1 + retries tries), after 0.5 s, 1 s, 2 s... or
 *     after the server's Retry-After (at most FC_FETCH_RETRY_AFTER_MAX),
 *     as long as the request's deadline allows: a try never runs past
 *     it, and no try starts that could not end before it;
 *   - a body larger than max_body fails at once, not tried again: as
 *     soon as the server declares it (Content-Length), or when it grows
 *     past the limit (after decompression);
 *   - when the server cannot be reached at all (those same errors, or a
 *     host name that does not resolve) and a copy is cached, the copy is
 *     served with a warning ("stale"); an answer that says the resource
 *     is gone or refused (other 4xx), a body over the limit or a broken
 *     encoding fails the request even with a cached copy.
 * Local paths are read directly and file: URLs through libcurl; neither
 * is cached.
 */
#ifndef FC_FETCH_H
#define FC_FETCH_H

#include <figcheck/plugin.h>

#include "log.h"

/* The longest wait a Retry-After header may impose, in seconds. */
#define FC_FETCH_RETRY_AFTER_MAX 30
/* At most this many transfers run at once; more wait their turn. */
#define FC_FETCH_MAX_PARALLEL 64

typedef struct fc_fetch_config {
	const char *cache_dir;  /* NULL: fc_cache_default_dir() */
	const char *ca_bundle;  /* NULL: the system's */
	double connect_timeout; /* seconds; 0: libcurl's default */
	double timeout;         /* seconds per try, whole transfer; 0: none */
	double deadline;        /* seconds for a request, all its tries and
	                           waits together, from fc_fetch_all's start;
	                           0: none */
	size_t max_body;        /* bytes, after decompression; 0: 50 MB */
	int retries;            /* tries after the first */
	bool offline;           /* serve from the cache only */
	bool refresh;           /* revalidate every cached entry */
	bool no_cache;          /* neither read nor write the cache */
	const fc_logger *logger;
} fc_fetch_config;

typedef struct fc_fetcher fc_fetcher;

/* One request. The caller fills url, label and ttl; fc_fetch_all fills
 * the rest. On success `blob` is owned by the request: free it with
 * fc_fetch_req_clear (or take it and free it later with fc_blob_free). */
typedef struct fc_fetch_req {
	const char *url;         /* a path, or a file:, http: or https: URL */
	const char *label;       /* who asks, for messages ("gaza-moh") */
	double ttl;              /* seconds a cached copy stays fresh */
	const char *const *headers; /* "Name: value" lines sent with an
	                               http(s) request, or NULL; borrowed.
	                               Secret: never logged or cached (the
	                               cache key takes their names only) */
	size_t n_headers;
	fc_status status;        /* FC_OK or why it failed */
	fc_error err;            /* message when it failed; it names the URL */
	fc_blob blob;            /* the body */
	char *content_type;      /* or NULL; owned by the request */
	int http_status;         /* the last HTTP status, 0 if none */
	int tries;               /* requests sent */
	const char *cache_state; /* static: see fc_fetch_all */
	double cache_age;        /* age in seconds of the copy served, or -1 */
} fc_fetch_req;

/* Creates a fetcher; the caller frees it with fc_fetcher_free. The
 * configuration's strings are copied; the logger is borrowed and must
 * outlive the fetcher. Prepares the cache folder; if it cannot be made,
 * logs a warning and works without a cache. */
fc_status fc_fetcher_new(const fc_fetch_config *cfg, fc_fetcher **out,
                         fc_error *err);
void fc_fetcher_free(fc_fetcher *f);

/* The cache folder in use, or NULL when there is none. Borrowed. */
const char *fc_fetcher_cache_dir(const fc_fetcher *f);

/*
 * Fetches every request, concurrently. Never fails as a whole: each
 * request carries its own status, and its message names the URL and the
 * reason. Sets each request's cache_state to one of:
 *   "fresh"        served from the cache, no request sent;
 *   "revalidated"  the server answered 304: the cached copy was served;
 *   "fetched"      a new body was downloaded (and cached);
 *   "stale"        the server could not be reached: an older copy was
 *                  served, with a warning;
 *   "offline"      --offline: served from the cache, no request sent;
 *   "missing"      not served (the request failed, with no usable copy);
 *   "uncached"     downloaded, but there is no cache to keep it in;
 *   "local"        a local file or file: URL (never cached).
 * Warnings (a stale copy served, a damaged entry dropped) go to the
 * configured logger under the request's label.
 */
void fc_fetch_all(fc_fetcher *f, fc_fetch_req *reqs, size_t n);

/* Frees a request's results (blob and content type). */
void fc_fetch_req_clear(fc_fetch_req *r);

/* Frees a blob's data and zeroes it. NULL is allowed. */
void fc_blob_free(fc_blob *b);

#endif
