/*
 * fetch.c: the fetcher. Local files are read directly; URLs go through
 * libcurl's multi interface, all at once, with the configured limits,
 * retries and the cache (cache.c). See fetch.h for the policy.
 */
#include "config.h"

#include <ctype.h>
#include <curl/curl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cache.h"
#include "fetch.h"
#include "util.h"

#define DEFAULT_MAX_BODY ((size_t)50 * 1024 * 1024)
#define BACKOFF_FIRST 0.5 /* seconds before the second try; doubles */
#define MAX_REDIRECTS 5 /* of one try */

struct fc_fetcher {
	fc_fetch_config cfg;
	char *cache_dir; /* the folder in use once ready, or NULL */
	char *ca_bundle;
	int cache_ready;   /* 0: not tried yet, 1: usable, -1: none */
	bool store_warned; /* a failed cache write was reported */
	char ua[64];
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
	if (!f->cfg.max_body)
		f->cfg.max_body = DEFAULT_MAX_BODY;
	if (f->cfg.retries < 0)
		f->cfg.retries = 0;
	if (cfg->no_cache)
		f->cache_ready = -1;
	else if (cfg->cache_dir)
		f->cache_dir = fc_strdup(cfg->cache_dir);
	else
		f->cache_dir = fc_cache_default_dir();
	if (!cfg->no_cache && !f->cache_dir)
		f->cache_ready = -1; /* no $HOME: warned about on first use */
	if (cfg->ca_bundle && !(f->ca_bundle = fc_strdup(cfg->ca_bundle))) {
		fc_fetcher_free(f);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	f->cfg.cache_dir = NULL; /* use f->cache_dir */
	f->cfg.ca_bundle = f->ca_bundle;
	snprintf(f->ua, sizeof(f->ua), "%s/%s", PACKAGE_NAME, PACKAGE_VERSION);
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

/* Creates the cache folder on first use; false when there is no cache. */
static bool cache_usable(fc_fetcher *f)
{
	fc_error err;

	if (f->cache_ready)
		return f->cache_ready > 0;
	if (fc_cache_prepare(f->cache_dir, &err) != FC_OK) {
		fc_log(f->cfg.logger, FC_LOG_WARNING, NULL,
		       "%s; fetching without a cache", err.msg);
		f->cache_ready = -1;
		return false;
	}
	f->cache_ready = 1;
	/* Leftovers of runs killed while writing an entry. */
	fc_cache_sweep(f->cache_dir, 3600);
	return true;
}

const char *fc_fetcher_cache_dir(const fc_fetcher *f)
{
	return f->cache_ready >= 0 ? f->cache_dir : NULL;
}

/* Seconds on a clock that never jumps. */
static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An age in words: "40 s", "12 min", "5 h", "3 days". */
static const char *age_words(double s, char *buf, size_t size)
{
	if (s < 0)
		s = 0;
	if (s < 120)
		snprintf(buf, size, "%.0f s", s);
	else if (s < 7200)
		snprintf(buf, size, "%.0f min", s / 60);
	else if (s < 172800)
		snprintf(buf, size, "%.0f h", s / 3600);
	else
		snprintf(buf, size, "%.0f days", s / 86400);
	return buf;
}

/* ------------------------------------------------------------------ */
/* One transfer: a request and its tries. */

typedef enum xstate { X_DONE = 0, X_WAIT, X_RUN } xstate;

typedef struct xfer {
	fc_fetch_req *r;
	xstate st;
	bool remote;           /* http(s): goes through the cache */
	bool cacheable;        /* a cache folder is in use */
	fc_cache_entry cached; /* the copy on disk, if any */
	bool have_cached;
	char *key;             /* the request's cache key (cache_key) */
	double next_at; /* monotonic time the next try may start */
	/* Redirects followed by hand (a request with headers of its own,
	 * which must not reach another host): the URL the next try asks
	 * for, how many were followed, and whether one left the request's
	 * origin (its headers stay behind from then on). */
	char *at;
	int redirects;
	bool cross;

	/* The try in progress. */
	CURL *h;
	struct curl_slist *hdrs;
	fc_buf body;
	size_t max;
	bool over; /* the body passed the limit */
	double declared;   /* a Content-Length over the limit, or 0 */
	int status;        /* of the response whose headers are coming */
	double deadline_at; /* monotonic time the request must end by, or 0 */
	bool clipped;      /* this try's timeout was cut to the deadline */
	char *etag, *last_modified;
	char reason[96];    /* reason phrase of the last status line */
	double retry_after; /* from the last response, or -1 */
	char errbuf[CURL_ERROR_SIZE];
} xfer;

/* Overwrites `n` bytes at `p` in a way the compiler keeps: request
 * headers may hold secrets, and freed memory is not cleared. */
static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

static void xfer_reset_try(xfer *x)
{
	if (x->h)
		curl_easy_cleanup(x->h);
	x->h = NULL;
	for (struct curl_slist *l = x->hdrs; l; l = l->next)
		wipe(l->data, strlen(l->data));
	curl_slist_free_all(x->hdrs);
	x->hdrs = NULL;
	fc_buf_free(&x->body);
	x->over = false;
	x->declared = 0;
	x->status = 0;
	x->clipped = false;
	free(x->etag);
	free(x->last_modified);
	x->etag = x->last_modified = NULL;
	x->reason[0] = 0;
	x->retry_after = -1;
	x->errbuf[0] = 0;
}

/* Back to the request's own URL, for a new try from the start. */
static void xfer_reset_redirects(xfer *x)
{
	free(x->at);
	x->at = NULL;
	x->redirects = 0;
	x->cross = false;
}

static void xfer_free(xfer *x)
{
	xfer_reset_try(x);
	xfer_reset_redirects(x);
	free(x->key);
	fc_cache_entry_clear(&x->cached);
}

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ud)
{
	xfer *x = ud;
	size_t n = size * nmemb;

	/* libcurl hands over the body after decoding (gzip, br, zstd), so
	 * this limit holds for what the body inflates to. */
	if (n > x->max - x->body.len) {
		x->over = true;
		return 0; /* != n: libcurl stops with CURLE_WRITE_ERROR */
	}
	if (fc_buf_append(&x->body, ptr, n) != FC_OK)
		return 0;
	return n;
}

/* Copies a header's value, trimmed; NULL on allocation failure. */
static char *header_value(const char *v, size_t n)
{
	while (n && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' ' ||
	             v[n - 1] == '\t'))
		n--;
	return fc_strndup(v, n);
}

/* Seconds to wait from a Retry-After value: a number of seconds or an
 * HTTP date. -1 when unreadable. */
static double parse_retry_after(const char *v)
{
	char *end;
	double s;

	if (isdigit((unsigned char)v[0])) {
		s = strtod(v, &end);
		return *end == 0 && isfinite(s) ? s : -1;
	}
	{
		time_t t = curl_getdate(v, NULL);
		if (t < 0)
			return -1;
		s = difftime(t, time(NULL));
		return s < 0 ? 0 : s;
	}
}

static size_t on_header(char *buf, size_t size, size_t nitems, void *ud)
{
	xfer *x = ud;
	size_t n = size * nitems;
	const char *colon;

	if (n >= 5 && memcmp(buf, "HTTP/", 5) == 0) {
		/* A new response (after a redirect, or a 100): forget the
		 * previous one's headers. */
		const char *sp = memchr(buf, ' ', n);
		free(x->etag);
		free(x->last_modified);
		x->etag = x->last_modified = NULL;
		x->retry_after = -1;
		x->reason[0] = 0;
		x->status = sp && (size_t)(buf + n - sp) > 4 ? atoi(sp + 1) : 0;
		if (sp && (size_t)(buf + n - sp) > 5) {
			char *r =
			    header_value(sp + 5, (size_t)(buf + n - sp - 5));
			if (r) {
				snprintf(x->reason, sizeof(x->reason), "%s", r);
				free(r);
			}
		}
		return n;
	}
	colon = memchr(buf, ':', n);
	if (!colon)
		return n;
#define IS(name)                                                               \
	((size_t)(colon - buf) == strlen(name) &&                              \
	 strncasecmp(buf, name, strlen(name)) == 0)
	if (IS("etag")) {
		free(x->etag);
		x->etag =
		    header_value(colon + 1, (size_t)(buf + n - colon - 1));
	} else if (IS("last-modified")) {
		free(x->last_modified);
		x->last_modified =
		    header_value(colon + 1, (size_t)(buf + n - colon - 1));
	} else if (IS("content-length") && x->status >= 200 &&
	           x->status < 300) {
		/* A body declared larger than the limit is refused at once:
		 * waiting for it would only end in a timeout, and a retry. */
		char *v = header_value(colon + 1, (size_t)(buf + n - colon - 1));
		char *end = NULL;
		double len = v ? strtod(v, &end) : 0;
		bool over = v && end != v && *end == 0 && len > (double)x->max;
		free(v);
		if (over) {
			x->declared = len;
			return 0; /* != n: libcurl stops the transfer */
		}
	} else if (IS("retry-after")) {
		char *v =
		    header_value(colon + 1, (size_t)(buf + n - colon - 1));
		if (v)
			x->retry_after = parse_retry_after(v);
		free(v);
	}
#undef IS
	return n;
}

/* Appends the request header `prefix` `value` to `*l`; false when out
 * of memory (`*l` is then unchanged). */
static bool add_header(struct curl_slist **l, const char *prefix,
                       const char *value)
{
	char *line = fc_asprintf("%s%s", prefix, value);
	struct curl_slist *n = line ? curl_slist_append(*l, line) : NULL;

	if (line)
		wipe(line, strlen(line));
	free(line);
	if (n)
		*l = n;
	return n != NULL;
}

/* Starts one try of `x` on the multi handle. False when it could not be
 * started (the request is then failed). */
static bool start_try(fc_fetcher *f, CURLM *m, xfer *x)
{
	fc_fetch_req *r = x->r;
	CURL *h;

	xfer_reset_try(x);
	x->max = f->cfg.max_body;
	if (!(h = x->h = curl_easy_init()))
		goto nomem;
	curl_easy_setopt(h, CURLOPT_URL, x->at ? x->at : r->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, x);
	curl_easy_setopt(h, CURLOPT_USERAGENT, f->ua);
	/* libcurl sends a request's own headers to every host a redirect
	 * leads to (all but Authorization and Cookie): with headers, the
	 * redirects are followed here, and theirs go to its origin only. */
	if (!(x->remote && r->n_headers > 0)) {
		curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)MAX_REDIRECTS);
	}
	/* "": every encoding this libcurl can decode. */
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(
	    h, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE));
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
	                 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	if (f->cfg.connect_timeout > 0)
		curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
		                 (long)ceil(f->cfg.connect_timeout * 1000));
	{
		/* The try ends by the request's deadline, whatever the
		 * timeout per try. */
		double t = f->cfg.timeout;
		if (x->deadline_at > 0) {
			double left = x->deadline_at - mono_now();
			if (left < 0.001)
				left = 0.001;
			if (t <= 0 || left < t) {
				t = left;
				x->clipped = true;
			}
		}
		if (t > 0)
			curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
			                 (long)ceil(t * 1000));
	}
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->errbuf);
	if (f->cfg.ca_bundle)
		curl_easy_setopt(h, CURLOPT_CAINFO, f->cfg.ca_bundle);
	/* Proxies: libcurl reads http_proxy, https_proxy, ALL_PROXY and
	 * NO_PROXY from the environment by itself. */
	for (size_t i = 0; x->remote && !x->cross && i < r->n_headers; i++)
		if (!add_header(&x->hdrs, "", r->headers[i]))
			goto nomem;
	if (x->have_cached &&
	    ((x->cached.etag &&
	      !add_header(&x->hdrs, "If-None-Match: ", x->cached.etag)) ||
	     (x->cached.last_modified &&
	      !add_header(&x->hdrs, "If-Modified-Since: ",
	                  x->cached.last_modified))))
		goto nomem;
	if (x->hdrs)
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->hdrs);
	if (curl_multi_add_handle(m, h) != CURLM_OK)
		goto nomem;
	x->st = X_RUN;
	return true;
nomem:
	r->status =
	    fc_error_set(&r->err, FC_ERR_NOMEM,
	                 "%s: cannot start a transfer: out of memory", r->url);
	r->cache_state = "missing";
	xfer_reset_try(x);
	x->st = X_DONE;
	return false;
}

/* Serves the cached copy of `x` as the request's body. */
static void serve_cached(xfer *x, const char *state, int64_t retrieved)
{
	fc_fetch_req *r = x->r;

	r->blob.data = x->cached.body;
	r->blob.len = x->cached.len;
	r->blob.retrieved = retrieved;
	r->blob.from_cache = true;
	x->cached.body = NULL;
	x->cached.len = 0;
	if (x->cached.content_type) {
		r->content_type = x->cached.content_type;
		x->cached.content_type = NULL;
	}
	r->cache_state = state;
	r->cache_age = difftime(time(NULL), (time_t)x->cached.fetched);
	if (r->cache_age < 0)
		r->cache_age = 0;
	r->status = FC_OK;
	x->st = X_DONE;
}

/* Writes an entry, warning once per run when the cache cannot take it. */
static void store_entry(fc_fetcher *f, const fc_fetch_req *r,
                        const fc_cache_entry *e)
{
	fc_error err;

	if (fc_cache_store(f->cache_dir, e, &err) == FC_OK || f->store_warned)
		return;
	f->store_warned = true;
	fc_log(f->cfg.logger, FC_LOG_WARNING, r->label, "%s: not cached: %s",
	       r->url, err.msg);
}

/* Ends a transfer that failed; with a cached copy and a server that
 * could not be reached, serves the copy with a warning instead. */
static void fail(fc_fetcher *f, xfer *x, fc_status code, bool unreachable,
                 const char *why)
{
	fc_fetch_req *r = x->r;
	char age[32], when[11];

	if (unreachable && x->have_cached) {
		double a = difftime(time(NULL), (time_t)x->cached.fetched);
		fc_date_format((fc_date)(x->cached.fetched / 86400), when);
		fc_log(
		    f->cfg.logger, FC_LOG_WARNING, r->label,
		    "%s: %s; using the cached copy of %s (%s old), which may "
		    "be out of date",
		    r->url, why, when, age_words(a, age, sizeof(age)));
		serve_cached(x, "stale", x->cached.fetched);
		return;
	}
	r->status = fc_error_set(&r->err, code, "%s: %s", r->url, why);
	r->cache_state = "missing";
	x->st = X_DONE;
}

/* What a libcurl failure means, in words, and whether it is worth
 * another try or means the server could not be reached. */
static void describe_curl(const fc_fetcher *f, const xfer *x, CURLcode cc,
                          char *buf, size_t size, bool *transient,
                          bool *unreachable)
{
	const char *detail = x->errbuf[0] ? x->errbuf : curl_easy_strerror(cc);

	*transient = *unreachable = false;
	switch (cc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		/* Resolvers retry by themselves; a name that does not
		 * resolve is not tried again, but it is a server out of
		 * reach, so a cached copy may stand in. */
		*unreachable = true;
		snprintf(buf, size, "the host name does not resolve (%s)",
		         detail);
		break;
	case CURLE_COULDNT_CONNECT:
		*transient = *unreachable = true;
		snprintf(buf, size, "could not connect (%s)", detail);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		*transient = *unreachable = true;
		snprintf(buf, size,
		         "timed out (%s; fetch.timeout is %g s, "
		         "fetch.connect_timeout %g s)",
		         detail, f->cfg.timeout, f->cfg.connect_timeout);
		break;
	case CURLE_PARTIAL_FILE:
		*transient = *unreachable = true;
		snprintf(buf, size, "the body was cut short (%s)", detail);
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
#if LIBCURL_VERSION_NUM >= 0x072600
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
#endif
		*transient = *unreachable = true;
		snprintf(buf, size, "the connection failed (%s)", detail);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		snprintf(buf, size,
		         "more than 5 redirects, perhaps a redirect loop (%s)",
		         detail);
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
		snprintf(buf, size,
		         "the server's certificate could not be verified (%s); "
		         "for a private certificate authority set "
		         "fetch.ca_bundle",
		         detail);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		snprintf(buf, size, "the compressed body is damaged (%s)",
		         detail);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		snprintf(buf, size,
		         "unsupported protocol (%s); figcheck fetches http, "
		         "https and file URLs",
		         detail);
		break;
	case CURLE_FILE_COULDNT_READ_FILE:
		snprintf(buf, size, "cannot read the file (%s)", detail);
		break;
	default:
		snprintf(buf, size, "%s", detail);
		break;
	}
}

/* Decides what a finished try means: done (success or failure) or
 * another try later. */
/* True if URLs `a` and `b` have one origin: scheme, host and port. */
static bool same_origin(const char *a, const char *b)
{
	static const CURLUPart parts[] = {CURLUPART_SCHEME, CURLUPART_HOST,
	                                  CURLUPART_PORT};
	CURLU *ua = curl_url(), *ub = curl_url();
	bool same = ua && ub && curl_url_set(ua, CURLUPART_URL, a, 0) == CURLUE_OK &&
	            curl_url_set(ub, CURLUPART_URL, b, 0) == CURLUE_OK;

	for (size_t i = 0; same && i < FC_ARRAY_LEN(parts); i++) {
		char *pa = NULL, *pb = NULL;
		same = curl_url_get(ua, parts[i], &pa, CURLU_DEFAULT_PORT) ==
		           CURLUE_OK &&
		       curl_url_get(ub, parts[i], &pb, CURLU_DEFAULT_PORT) ==
		           CURLUE_OK &&
		       strcasecmp(pa, pb) == 0;
		curl_free(pa);
		curl_free(pb);
	}
	curl_url_cleanup(ua);
	curl_url_cleanup(ub);
	return same;
}

/* A redirect of a request with headers of its own (followed here, see
 * start_try): true if the next try is set up, or the request failed;
 * false if the response is no redirect. */
static bool follow_by_hand(fc_fetcher *f, xfer *x, CURLcode cc)
{
	fc_fetch_req *r = x->r;
	long code = 0;
	char *to = NULL, *next, why[1024];

	if (cc != CURLE_OK || !x->remote || r->n_headers == 0)
		return false;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	if (!(code == 301 || code == 302 || code == 303 || code == 307 ||
	      code == 308) ||
	    curl_easy_getinfo(x->h, CURLINFO_REDIRECT_URL, &to) != CURLE_OK ||
	    !to)
		return false;
	if (x->redirects >= MAX_REDIRECTS) {
		snprintf(why, sizeof(why),
		         "more than %d redirects; the last to %s", MAX_REDIRECTS,
		         to);
		xfer_reset_try(x);
		fail(f, x, FC_ERR_FETCH, false, why);
		return true;
	}
	if (strncasecmp(to, "http://", 7) != 0 &&
	    strncasecmp(to, "https://", 8) != 0) {
		snprintf(why, sizeof(why),
		         "redirected to %s, which is not an http or https URL",
		         to);
		xfer_reset_try(x);
		fail(f, x, FC_ERR_FETCH, false, why);
		return true;
	}
	if (!(next = fc_strdup(to))) {
		xfer_reset_try(x);
		fail(f, x, FC_ERR_NOMEM, false, "out of memory");
		return true;
	}
	if (!x->cross && !same_origin(r->url, next)) {
		x->cross = true;
		fc_log(f->cfg.logger, FC_LOG_INFO, r->label,
		       "%s: redirected to another host (%s): the source's "
		       "headers are not sent there",
		       r->url, next);
	}
	free(x->at);
	x->at = next;
	x->redirects++;
	xfer_reset_try(x);
	x->next_at = 0;
	x->st = X_WAIT;
	return true;
}

static void finish_try(fc_fetcher *f, xfer *x, CURLcode cc)
{
	fc_fetch_req *r = x->r;
	long code = 0;
	char why[1024];
	bool transient = false, unreachable = false;
	char *ct = NULL;

	if (follow_by_hand(f, x, cc))
		return;
	r->tries++;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	r->http_status = (int)code;
	if (x->declared > 0) {
		char lim[64], len[64];
		fc_format_value((double)f->cfg.max_body, true, 0, lim,
		                sizeof(lim));
		fc_format_value(x->declared, true, 0, len, sizeof(len));
		snprintf(why, sizeof(why),
		         "the server declares a body of %s bytes "
		         "(Content-Length), larger than the limit of %s bytes "
		         "(fetch.max_body); not tried again",
		         len, lim);
		xfer_reset_try(x);
		fail(f, x, FC_ERR_LIMIT, false, why);
		return;
	}
	if (x->over) {
		char lim[64];
		fc_format_value((double)f->cfg.max_body, true, 0, lim,
		                sizeof(lim));
		snprintf(
		    why, sizeof(why),
		    "the body is larger than the limit of %s bytes "
		    "(fetch.max_body; the limit holds after decompression)",
		    lim);
		xfer_reset_try(x);
		fail(f, x, FC_ERR_LIMIT, false, why);
		return;
	}
	if (cc == CURLE_OPERATION_TIMEDOUT && x->clipped) {
		snprintf(why, sizeof(why),
		         "not fetched within fetch.deadline (%g s for all its "
		         "tries; tried %d time%s)",
		         f->cfg.deadline, r->tries, r->tries == 1 ? "" : "s");
		xfer_reset_try(x);
		fail(f, x, FC_ERR_FETCH, true, why);
		return;
	}
	if (cc != CURLE_OK) {
		describe_curl(f, x, cc, why, sizeof(why), &transient,
		              &unreachable);
	} else if (x->remote && code == 304) {
		if (!x->have_cached) {
			xfer_reset_try(x);
			fail(f, x, FC_ERR_FETCH, false,
			     "the server answered 304 Not Modified to a "
			     "request that was not conditional");
			return;
		}
		/* Still good: keep the copy, with the new validators. */
		if (x->etag) {
			free(x->cached.etag);
			x->cached.etag = x->etag;
			x->etag = NULL;
		}
		if (x->last_modified) {
			free(x->cached.last_modified);
			x->cached.last_modified = x->last_modified;
			x->last_modified = NULL;
		}
		x->cached.fetched = (int64_t)time(NULL);
		store_entry(f, r, &x->cached);
		xfer_reset_try(x);
		serve_cached(x, "revalidated", x->cached.fetched);
		return;
	} else if (x->remote && (code == 429 || code >= 500)) {
		transient = unreachable = true;
		snprintf(why, sizeof(why), "the server answered HTTP %ld%s%s%s",
		         code, x->reason[0] ? " (" : "", x->reason,
		         x->reason[0] ? ")" : "");
	} else if (x->remote && code >= 300) {
		snprintf(why, sizeof(why), "the server answered HTTP %ld%s%s%s",
		         code, x->reason[0] ? " (" : "", x->reason,
		         x->reason[0] ? ")" : "");
		xfer_reset_try(x);
		fail(f, x, FC_ERR_FETCH, false, why);
		return;
	} else {
		/* A body. */
		fc_cache_entry e;
		curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct);
		if (fc_buf_reserve(&x->body, 0) != FC_OK ||
		    (ct && !(r->content_type = fc_strdup(ct)))) {
			xfer_reset_try(x);
			fail(f, x, FC_ERR_NOMEM, false, "out of memory");
			return;
		}
		r->blob.len = x->body.len;
		r->blob.data = fc_buf_steal(&x->body);
		r->blob.retrieved = (int64_t)time(NULL);
		r->blob.from_cache = false;
		r->cache_age = 0;
		r->status = FC_OK;
		x->st = X_DONE;
		if (!x->remote) {
			r->cache_state = "local";
		} else if (!x->cacheable) {
			r->cache_state = "uncached";
		} else {
			memset(&e, 0, sizeof(e));
			e.url = x->key;
			e.etag = x->etag;
			e.last_modified = x->last_modified;
			e.content_type = r->content_type;
			e.fetched = r->blob.retrieved;
			e.body = r->blob.data;
			e.len = r->blob.len;
			store_entry(f, r, &e);
			r->cache_state = "fetched";
		}
		xfer_reset_try(x);
		return;
	}

	if (transient && r->tries < 1 + f->cfg.retries) {
		double wait = BACKOFF_FIRST * pow(2, r->tries - 1);
		if (x->retry_after >= 0)
			wait = x->retry_after < FC_FETCH_RETRY_AFTER_MAX
			           ? x->retry_after
			           : FC_FETCH_RETRY_AFTER_MAX;
		if (x->deadline_at > 0 && mono_now() + wait >= x->deadline_at) {
			/* No time left for another try. */
			size_t k = strlen(why);
			snprintf(why + k, sizeof(why) - k,
			         " (tried %d time%s; the next try would start "
			         "after fetch.deadline, %g s)",
			         r->tries, r->tries == 1 ? "" : "s",
			         f->cfg.deadline);
			xfer_reset_try(x);
			fail(f, x, FC_ERR_FETCH, unreachable, why);
			return;
		}
		fc_log(f->cfg.logger, FC_LOG_INFO, r->label,
		       "%s: %s; trying again in %g s (try %d of %d)", r->url,
		       why, wait, r->tries + 1, 1 + f->cfg.retries);
		xfer_reset_try(x);
		xfer_reset_redirects(x);
		x->next_at = mono_now() + wait;
		x->st = X_WAIT;
		return;
	}
	if (r->tries > 1) {
		size_t n = strlen(why);
		snprintf(why + n, sizeof(why) - n, " (tried %d times)",
		         r->tries);
	}
	xfer_reset_try(x);
	fail(f, x, FC_ERR_FETCH, unreachable, why);
}

/* True when `url` starts with `scheme` followed by "://", in any case. */
static bool has_scheme(const char *url, const char *scheme)
{
	size_t n = strlen(scheme);

	return strncasecmp(url, scheme, n) == 0 &&
	       strncmp(url + n, "://", 3) == 0;
}

/* The cache key of a request, which the caller frees (NULL when out of
 * memory): its URL and, when it sends headers, their names, so that an
 * answer to one set of headers is not served for another. Never their
 * values, which may be secret. */
static char *cache_key(const fc_fetch_req *r)
{
	fc_buf b = {0};
	fc_status rc = fc_buf_puts(&b, r->url);

	for (size_t i = 0; rc == FC_OK && i < r->n_headers; i++) {
		const char *h = r->headers[i];
		rc = fc_buf_puts(&b, i ? "," : " headers=");
		for (; rc == FC_OK && *h && *h != ':'; h++)
			rc = fc_buf_putc(&b, fc_to_lower(*h));
	}
	if (rc != FC_OK) {
		fc_buf_free(&b);
		return NULL;
	}
	return fc_buf_steal(&b);
}

/* Decides what each request needs before any transfer: a local read, a
 * cached copy, or a transfer (state X_WAIT). */
static void prepare(fc_fetcher *f, xfer *x)
{
	fc_fetch_req *r = x->r;
	fc_error err;
	fc_status rc;
	double age;

	r->status = FC_OK;
	fc_error_clear(&r->err);
	memset(&r->blob, 0, sizeof(r->blob));
	r->content_type = NULL;
	r->http_status = 0;
	r->tries = 0;
	r->cache_state = "missing";
	r->cache_age = -1;
	x->st = X_DONE;
	x->retry_after = -1;

	if (!r->url || !r->url[0]) {
		r->status = fc_error_set(&r->err, FC_ERR_ARG, "empty URL");
		return;
	}
	if (!strstr(r->url, "://")) {
		char *data;
		size_t len;
		r->status =
		    fc_read_file(r->url, f->cfg.max_body, &data, &len, &r->err);
		if (r->status == FC_OK) {
			r->blob.data = data;
			r->blob.len = len;
			r->blob.retrieved = (int64_t)time(NULL);
			r->cache_state = "local";
		}
		return;
	}
	if (has_scheme(r->url, "file")) {
		r->cache_state = "local";
		x->st = X_WAIT;
		return;
	}
	if (!has_scheme(r->url, "http") && !has_scheme(r->url, "https")) {
		r->status = fc_error_set(&r->err, FC_ERR_FETCH,
		                         "%s: unsupported URL scheme; figcheck "
		                         "fetches http:, https: and file: URLs "
		                         "and local paths",
		                         r->url);
		return;
	}
	x->remote = true;
	x->cacheable = cache_usable(f);
	if (!x->cacheable) {
		if (f->cfg.offline) {
			r->status = fc_error_set(
			    &r->err, FC_ERR_FETCH,
			    "%s: not served: --offline reads only the cache, "
			    "and there is no cache folder (set --cache-dir)",
			    r->url);
			return;
		}
		x->st = X_WAIT;
		return;
	}
	if (!(x->key = cache_key(r))) {
		r->status =
		    fc_error_set(&r->err, FC_ERR_NOMEM, "%s: out of memory", r->url);
		return;
	}
	rc = fc_cache_load(f->cache_dir, x->key, f->cfg.max_body, &x->cached,
	                   &err);
	if (rc == FC_ERR_NOMEM) {
		r->status =
		    fc_error_set(&r->err, rc, "%s: out of memory", r->url);
		return;
	}
	if (rc == FC_ERR_PARSE)
		fc_log(f->cfg.logger, FC_LOG_WARNING, r->label,
		       "%s: %s; fetching it again", r->url, err.msg);
	x->have_cached = rc == FC_OK;
	if (f->cfg.offline) {
		if (x->have_cached) {
			serve_cached(x, "offline", x->cached.fetched);
			return;
		}
		r->status = fc_error_set(
		    &r->err, FC_ERR_FETCH,
		    "%s: not served: it is not in the cache (%s), and "
		    "--offline reads only the cache; run once without "
		    "--offline to fill it",
		    r->url, f->cache_dir);
		return;
	}
	age = x->have_cached ? difftime(time(NULL), (time_t)x->cached.fetched)
	                     : -1;
	if (x->have_cached && !f->cfg.refresh && age >= 0 && age < r->ttl) {
		serve_cached(x, "fresh", x->cached.fetched);
		return;
	}
	x->st = X_WAIT;
}

void fc_fetch_all(fc_fetcher *f, fc_fetch_req *reqs, size_t n)
{
	xfer *xs = calloc(n + 1, sizeof(*xs));
	CURLM *m = NULL;
	size_t waiting = 0, running = 0;
	double t0 = mono_now();

	if (!xs) {
		for (size_t i = 0; i < n; i++) {
			memset(&reqs[i].blob, 0, sizeof(reqs[i].blob));
			reqs[i].content_type = NULL;
			reqs[i].cache_state = "missing";
			reqs[i].cache_age = -1;
			reqs[i].status =
			    fc_error_set(&reqs[i].err, FC_ERR_NOMEM,
			                 "%s: out of memory", reqs[i].url);
		}
		return;
	}
	for (size_t i = 0; i < n; i++) {
		xs[i].r = &reqs[i];
		prepare(f, &xs[i]);
		if (f->cfg.deadline > 0)
			xs[i].deadline_at = t0 + f->cfg.deadline;
		waiting += xs[i].st == X_WAIT;
	}
	if (waiting && !(m = curl_multi_init())) {
		for (size_t i = 0; i < n; i++)
			if (xs[i].st == X_WAIT) {
				xs[i].st = X_DONE;
				reqs[i].status = fc_error_set(
				    &reqs[i].err, FC_ERR_NOMEM,
				    "%s: cannot start a transfer", reqs[i].url);
			}
		waiting = 0;
	}
	while (waiting + running > 0) {
		double now = mono_now(), soonest = -1;
		int still = 0, left = 0;
		long wait_ms = 1000;
		CURLMsg *msg;

		for (size_t i = 0; i < n && running < FC_FETCH_MAX_PARALLEL;
		     i++) {
			if (xs[i].st != X_WAIT || xs[i].next_at > now)
				continue;
			waiting--;
			if (start_try(f, m, &xs[i]))
				running++;
		}
		curl_multi_perform(m, &still);
		while ((msg = curl_multi_info_read(m, &left))) {
			CURL *h = msg->easy_handle;
			CURLcode cc = msg->data.result;
			xfer *x = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&x);
			curl_multi_remove_handle(m, h);
			running--;
			finish_try(f, x, cc);
			waiting += x->st == X_WAIT;
		}
		if (waiting + running == 0)
			break;
		/* Sleep until the network has something, or the next retry
		 * is due. */
		for (size_t i = 0; i < n; i++)
			if (xs[i].st == X_WAIT &&
			    (soonest < 0 || xs[i].next_at < soonest))
				soonest = xs[i].next_at;
		if (soonest >= 0 && running < FC_FETCH_MAX_PARALLEL) {
			double d = (soonest - mono_now()) * 1000;
			wait_ms = d <= 0        ? 0
			          : d < wait_ms ? (long)ceil(d)
			                        : wait_ms;
		}
		if (wait_ms > 0)
			curl_multi_poll(m, NULL, 0, (int)wait_ms, NULL);
	}
	for (size_t i = 0; i < n; i++)
		xfer_free(&xs[i]);
	if (m)
		curl_multi_cleanup(m);
	free(xs);
}
