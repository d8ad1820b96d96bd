/*
 * test_fetch.c: the fetcher and its cache against the loopback server
 * (tests/http/server.c): success, compression, limits, retries,
 * redirects, every way a transfer fails, the cache's states, damaged
 * entries, --offline, --refresh, a stale copy while the server is down,
 * proxies from the environment, and concurrency.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fetch.h"
#include "server.h"
#include "testutil.h"

#define GAZA "/files/examples/data/gaza-casualties-2023.json"

static fcts *srv;
static char *tmp, *cache_dir;
static fc_buf logbuf;
static fc_logger logger;

static void setup(void)
{
	srv = fcts_start(FC_SOURCE_DIR);
	ck_assert_ptr_nonnull(srv);
	tmp = tu_tmpdir();
	cache_dir = fc_asprintf("%s/cache", tmp);
	memset(&logbuf, 0, sizeof(logbuf));
	logger = tu_logger(&logbuf);
}

static void teardown(void)
{
	fcts_stop(srv);
	srv = NULL;
	free(cache_dir);
	tu_rmdir(tmp);
	fc_buf_free(&logbuf);
}

/* The fetch settings of a test. */
typedef struct opts {
	double timeout;
	double deadline;
	int retries;
	size_t max_body;
	bool offline, refresh, no_cache;
} opts;

static fc_fetcher *fetcher(const opts *o)
{
	fc_fetch_config c;
	fc_fetcher *f = NULL;
	fc_error err;

	memset(&c, 0, sizeof(c));
	c.cache_dir = cache_dir;
	c.connect_timeout = 5;
	c.timeout = o && o->timeout ? o->timeout : 10;
	c.deadline = o ? o->deadline : 0;
	c.retries = o ? o->retries : 2;
	c.max_body = o && o->max_body ? o->max_body : 0;
	c.offline = o && o->offline;
	c.refresh = o && o->refresh;
	c.no_cache = o && o->no_cache;
	c.logger = &logger;
	ck_assert_int_eq(fc_fetcher_new(&c, &f, &err), FC_OK);
	return f;
}

/* Fetches `url` as it is. */
static void fetch_url(const opts *o, const char *url, double ttl,
                      fc_fetch_req *r)
{
	fc_fetcher *f = fetcher(o);

	memset(r, 0, sizeof(*r));
	r->url = url;
	r->label = "test-source";
	r->ttl = ttl;
	fc_fetch_all(f, r, 1);
	fc_fetcher_free(f);
}

/* Fetches a server path (starting with '/'), or a URL. The caller
 * clears the request and frees *url. */
static void get(const opts *o, const char *path, double ttl, fc_fetch_req *r,
                char **url)
{
	*url = path[0] == '/' ? fcts_url(srv, path) : fc_strdup(path);
	fetch_url(o, *url, ttl, r);
}

static char *slurp(const char *path, size_t *len)
{
	char *data;
	fc_error err;

	ck_assert_int_eq(fc_read_file(path, 0, &data, len, &err), FC_OK);
	return data;
}

#define EXPECT_FAIL(r, code, text)                                             \
	do {                                                                   \
		ck_assert_msg((r).status == (code), "status %d, message: %s",  \
		              (r).status, (r).err.msg);                        \
		ck_assert_msg(strstr((r).err.msg, (text)) != NULL,             \
		              "expected \"%s\" in: %s", (text), (r).err.msg);  \
		ck_assert_ptr_null((r).blob.data);                             \
	} while (0)

START_TEST(test_ok)
{
	fc_fetch_req r;
	char *url,
	    *file = fc_asprintf("%s/examples/data/gaza-casualties-2023.json",
	                        FC_SOURCE_DIR);
	size_t len;
	char *want = slurp(file, &len);

	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_uint_eq(r.blob.len, len);
	ck_assert_int_eq(memcmp(r.blob.data, want, len), 0);
	ck_assert_str_eq(r.content_type, "application/json");
	ck_assert_str_eq(r.cache_state, "fetched");
	ck_assert_int_eq(r.http_status, 200);
	ck_assert_int_eq(r.tries, 1);
	ck_assert(!r.blob.from_cache);
	ck_assert_uint_eq(fcts_count(srv, NULL), 1);
	fc_fetch_req_clear(&r);
	free(url);
	free(want);
	free(file);
}
END_TEST

/* The request names figcheck and its version, and accepts compressed
 * bodies. */
START_TEST(test_request_headers)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/_headers", 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_msg(
	    strstr(r.blob.data, "User-Agent: figcheck/" PACKAGE_VERSION "\n") !=
	        NULL,
	    "%s", r.blob.data);
	ck_assert_msg(strstr(r.blob.data, "Accept-Encoding: ") &&
	                  strstr(r.blob.data, "gzip"),
	              "%s", r.blob.data);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* A gzip body is accepted and handed over decompressed. */
START_TEST(test_gzip)
{
	fc_fetch_req r;
	char *url,
	    *file = fc_asprintf("%s/examples/data/gaza-casualties-2023.json",
	                        FC_SOURCE_DIR);
	size_t len;
	char *want = slurp(file, &len);

	get(NULL, "/gzip/tests/data/sources/gaza.json.gz", 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_uint_eq(r.blob.len, len);
	ck_assert_int_eq(memcmp(r.blob.data, want, len), 0);
	fc_fetch_req_clear(&r);
	free(url);
	free(want);
	free(file);
}
END_TEST

START_TEST(test_over_limit)
{
	opts o = {.max_body = 1000, .retries = 2};
	fc_fetch_req r;
	char *url;

	get(&o, "/big/5000", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_LIMIT, "larger than the limit of 1,000 bytes");
	ck_assert_int_eq(r.tries, 1); /* not tried again */
	ck_assert_str_eq(r.cache_state, "missing");
	fc_fetch_req_clear(&r);
	free(url);
	/* Exactly at the limit is fine. */
	get(&o, "/big/1000", 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* Seconds on a clock that never jumps. */
static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A body declared larger than the limit fails as the headers come, not
 * after the timeout, three times over. */
START_TEST(test_declared_over_limit)
{
	opts o = {.max_body = 1000, .retries = 2, .timeout = 5};
	fc_fetch_req r;
	char *url;
	double t0 = now_s();

	get(&o, "/declare/2000000", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_LIMIT,
		    "the server declares a body of 2,000,000 bytes "
		    "(Content-Length), larger than the limit of 1,000 bytes "
		    "(fetch.max_body); not tried again");
	ck_assert_ptr_nonnull(strstr(r.err.msg, url));
	ck_assert_int_eq(r.tries, 1);
	ck_assert_uint_eq(fcts_count(srv, "/declare/"), 1);
	ck_assert_msg(now_s() - t0 < 3, "took %.1f s", now_s() - t0);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* A request's tries and waits together end by fetch.deadline. */
START_TEST(test_deadline)
{
	opts o = {.timeout = 10, .retries = 5, .deadline = 1.5};
	fc_fetch_req r;
	char *url;
	double t0 = now_s(), took;

	/* Each try would take 10 s: the one try is cut at the deadline. */
	get(&o, "/delay/20000" GAZA, 3600, &r, &url);
	took = now_s() - t0;
	EXPECT_FAIL(r, FC_ERR_FETCH, "not fetched within fetch.deadline (1.5 s");
	ck_assert_msg(took >= 1.2 && took < 4, "took %.1f s", took);
	fc_fetch_req_clear(&r);
	free(url);

	/* A 503 with Retry-After: 1, five times over: the tries stop when
	 * the next would start after the deadline. */
	t0 = now_s();
	get(&o, "/fail/9/503" GAZA, 3600, &r, &url);
	took = now_s() - t0;
	EXPECT_FAIL(r, FC_ERR_FETCH,
		    "the next try would start after fetch.deadline, 1.5 s");
	ck_assert_int_eq(r.tries, 2);
	ck_assert_msg(took < 2.5, "took %.1f s", took);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* A 2 KB gzip body that inflates to 2 MB passes no 100 KB limit. */
START_TEST(test_gzip_bomb)
{
	opts o = {.max_body = 100000};
	fc_fetch_req r;
	struct stat st;
	char *url, *file = fc_asprintf("%s/tests/data/sources/bomb.json.gz",
	                               FC_SOURCE_DIR);

	ck_assert_int_eq(stat(file, &st), 0);
	ck_assert_int_lt(st.st_size, 100000);
	get(&o, "/gzip/tests/data/sources/bomb.json.gz", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_LIMIT, "after decompression");
	fc_fetch_req_clear(&r);
	free(url);
	free(file);
}
END_TEST

START_TEST(test_404)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/status/404", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH,
	            "the server answered HTTP 404 (Not Found)");
	ck_assert_ptr_nonnull(strstr(r.err.msg, url));
	ck_assert_int_eq(r.tries, 1);
	ck_assert_int_eq(r.http_status, 404);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_500_then_ok)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/fail/1/500" GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_int_eq(r.tries, 2);
	ck_assert_uint_eq(fcts_count(srv, "/fail/"), 2);
	ck_assert_ptr_nonnull(strstr(logbuf.data, "HTTP 500"));
	ck_assert_ptr_nonnull(strstr(logbuf.data, "(try 2 of 3)"));
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_500_gives_up)
{
	opts o = {.retries = 2};
	fc_fetch_req r;
	char *url;

	get(&o, "/fail/9/500" GAZA, 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH,
	            "HTTP 500 (Internal Server Error) (tried 3 times)");
	ck_assert_uint_eq(fcts_count(srv, "/fail/"), 3);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* 429 with Retry-After: 1: the second try comes after the wait the
 * server asked for, and succeeds. */
START_TEST(test_429_retry_after)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/fail/1/429" GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_int_eq(r.tries, 2);
	ck_assert_msg(strstr(logbuf.data,
	                     "HTTP 429 (Too Many Requests); trying "
	                     "again in 1 s") != NULL,
	              "log: %s", logbuf.data);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_redirects)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/redirect/5" GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	fc_fetch_req_clear(&r);
	free(url);
	get(NULL, "/redirect/6" GAZA, 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "more than 5 redirects");
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_redirect_loop)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "/loop", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH,
	            "more than 5 redirects, perhaps a redirect loop");
	ck_assert_int_eq(r.tries, 1);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_truncated)
{
	opts o = {.retries = 1};
	fc_fetch_req r;
	char *url;

	get(&o, "/truncated", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "the body was cut short");
	ck_assert_ptr_nonnull(strstr(r.err.msg, "(tried 2 times)"));
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

START_TEST(test_timeout)
{
	opts o = {.timeout = 0.5, .retries = 0};
	fc_fetch_req r;
	char *url;

	get(&o, "/delay/10000" GAZA, 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "timed out");
	ck_assert_ptr_nonnull(strstr(r.err.msg, "fetch.timeout is 0.5 s"));
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* A port nobody listens on. */
static unsigned closed_port(void)
{
	unsigned port = fcts_closed_port();

	ck_assert_uint_ne(port, 0);
	return port;
}

START_TEST(test_refused)
{
	opts o = {.retries = 1};
	fc_fetch_req r;
	char path[128], *url;

	snprintf(path, sizeof(path), "http://127.0.0.1:%u/data.json",
	         closed_port());
	get(&o, path, 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "could not connect");
	ck_assert_ptr_nonnull(strstr(r.err.msg, "(tried 2 times)"));
	ck_assert_ptr_nonnull(strstr(r.err.msg, path));
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* .invalid never resolves (RFC 6761): no request leaves the machine. */
START_TEST(test_unresolvable)
{
	fc_fetch_req r;
	char *url;

	get(NULL, "http://figcheck-test.invalid/data.json", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "the host name does not resolve");
	ck_assert_int_eq(r.tries, 1);
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* libcurl takes the proxy from the environment: with http_proxy set to
 * the loopback server, a request for an unresolvable host reaches it. */
START_TEST(test_proxy_from_environment)
{
	char *proxy = fcts_url(srv, "");
	fc_fetch_req r;
	char *url;

	setenv("http_proxy", proxy, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	get(NULL, "http://stats.figcheck-test.invalid" GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_uint_eq(fcts_count(srv, GAZA), 1);
	unsetenv("http_proxy");
	setenv("no_proxy", "*", 1);
	fc_fetch_req_clear(&r);
	free(url);
	free(proxy);
}
END_TEST

START_TEST(test_local)
{
	char *file = fc_asprintf("%s/examples/data/gaza-casualties-2023.json",
	                         FC_SOURCE_DIR);
	char *furl = fc_asprintf("file://%s", file);
	fc_fetch_req r;
	char *url;
	size_t len;
	char *want = slurp(file, &len);

	fetch_url(NULL, file, 3600, &r);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_uint_eq(r.blob.len, len);
	ck_assert_str_eq(r.cache_state, "local");
	fc_fetch_req_clear(&r);
	get(NULL, furl, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_uint_eq(r.blob.len, len);
	ck_assert_str_eq(r.cache_state, "local");
	fc_fetch_req_clear(&r);
	free(url);
	get(NULL, "ftp://example.invalid/x.csv", 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "unsupported URL scheme");
	fc_fetch_req_clear(&r);
	free(url);
	/* Nothing local goes into the cache. */
	ck_assert_int_ne(access(cache_dir, F_OK), 0);
	free(want);
	free(furl);
	free(file);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The cache. */

START_TEST(test_fresh_sends_nothing)
{
	fc_fetch_req r, r2;
	char *url, *url2;

	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	get(NULL, GAZA, 3600, &r2, &url2);
	ck_assert_msg(r2.status == FC_OK, "%s", r2.err.msg);
	ck_assert_uint_eq(fcts_count(srv, NULL), 1);
	ck_assert_str_eq(r2.cache_state, "fresh");
	ck_assert(r2.blob.from_cache);
	ck_assert_int_eq(r2.tries, 0);
	ck_assert(r2.cache_age >= 0 && r2.cache_age < 60);
	ck_assert_uint_eq(r2.blob.len, r.blob.len);
	ck_assert_int_eq(memcmp(r2.blob.data, r.blob.data, r.blob.len), 0);
	ck_assert_str_eq(r2.content_type, "application/json");
	fc_fetch_req_clear(&r);
	fc_fetch_req_clear(&r2);
	free(url);
	free(url2);
}
END_TEST

/* Older than the ttl: revalidated with If-None-Match; 304 keeps it. */
START_TEST(test_revalidate_etag)
{
	fc_fetch_req r, r2;
	char *url, *url2;

	get(NULL, GAZA, 0, &r, &url);
	get(NULL, GAZA, 0, &r2, &url2);
	ck_assert_msg(r2.status == FC_OK, "%s", r2.err.msg);
	ck_assert_uint_eq(fcts_count(srv, NULL), 2);
	ck_assert_int_eq(r2.http_status, 304);
	ck_assert_str_eq(r2.cache_state, "revalidated");
	ck_assert(r2.blob.from_cache);
	ck_assert_uint_eq(r2.blob.len, r.blob.len);
	ck_assert_int_eq(memcmp(r2.blob.data, r.blob.data, r.blob.len), 0);
	fc_fetch_req_clear(&r);
	fc_fetch_req_clear(&r2);
	free(url);
	free(url2);
}
END_TEST

/* Without an ETag: If-Modified-Since. */
START_TEST(test_revalidate_last_modified)
{
	fc_fetch_req r, r2;
	char *url, *url2;

	get(NULL, "/lastmod/examples/data/gaza-casualties-2023.json", 0, &r,
	    &url);
	get(NULL, "/lastmod/examples/data/gaza-casualties-2023.json", 0, &r2,
	    &url2);
	ck_assert_msg(r2.status == FC_OK, "%s", r2.err.msg);
	ck_assert_int_eq(r2.http_status, 304);
	ck_assert_str_eq(r2.cache_state, "revalidated");
	ck_assert_uint_eq(r2.blob.len, r.blob.len);
	fc_fetch_req_clear(&r);
	fc_fetch_req_clear(&r2);
	free(url);
	free(url2);
}
END_TEST

/* --refresh revalidates even a fresh entry. */
START_TEST(test_refresh)
{
	opts o = {.refresh = true, .retries = 2};
	fc_fetch_req r, r2;
	char *url, *url2;

	get(NULL, GAZA, 3600, &r, &url);
	get(&o, GAZA, 3600, &r2, &url2);
	ck_assert_msg(r2.status == FC_OK, "%s", r2.err.msg);
	ck_assert_uint_eq(fcts_count(srv, NULL), 2);
	ck_assert_str_eq(r2.cache_state, "revalidated");
	fc_fetch_req_clear(&r);
	fc_fetch_req_clear(&r2);
	free(url);
	free(url2);
}
END_TEST

START_TEST(test_offline)
{
	opts o = {.offline = true};
	fc_fetch_req r, r2;
	char *url, *url2;

	/* Cold: nothing to serve, and the message says why. */
	get(&o, GAZA, 3600, &r, &url);
	EXPECT_FAIL(r, FC_ERR_FETCH, "not in the cache");
	ck_assert_ptr_nonnull(strstr(r.err.msg, "--offline"));
	ck_assert_uint_eq(fcts_count(srv, NULL), 0);
	fc_fetch_req_clear(&r);
	free(url);
	/* Warm, and even with a ttl of 0: served, no request. */
	get(NULL, GAZA, 3600, &r, &url);
	get(&o, GAZA, 0, &r2, &url2);
	ck_assert_msg(r2.status == FC_OK, "%s", r2.err.msg);
	ck_assert_str_eq(r2.cache_state, "offline");
	ck_assert_uint_eq(fcts_count(srv, NULL), 1);
	ck_assert_uint_eq(r2.blob.len, r.blob.len);
	fc_fetch_req_clear(&r);
	fc_fetch_req_clear(&r2);
	free(url);
	free(url2);
}
END_TEST

/* The only entry file in the cache folder. */
static char *entry_file(void)
{
	DIR *d = opendir(cache_dir);
	struct dirent *e;
	char *found = NULL;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		ck_assert_msg(fc_str_ends_with(e->d_name, ".entry"),
		              "a stray file in the cache: %s", e->d_name);
		free(found);
		found = fc_asprintf("%s/%s", cache_dir, e->d_name);
		n++;
	}
	closedir(d);
	ck_assert_int_eq(n, 1);
	return found;
}

/* Request headers (a source's "headers"): sent with the request, so the
 * server that requires one answers; the cache entry keyed by the URL
 * and the headers' names, and holding neither value; a request without
 * the header neither gets the answer nor is served the cached one. */
START_TEST(test_secret_headers)
{
	static const char *const hdrs[] = {"Authorization: Bearer s3cr3t-T0K",
	                                   "X-Desk: desk-V4L"};
	fc_fetch_req r;
	char *url = fcts_url(srv, "/auth" GAZA), *path, *data;
	fc_fetcher *f;
	size_t len;

	fcts_require(srv, "Authorization", "Bearer s3cr3t-T0K");
	for (int round = 0; round < 2; round++) {
		f = fetcher(NULL);
		memset(&r, 0, sizeof(r));
		r.url = url;
		r.label = "test-source";
		r.ttl = round ? 0 : 3600; /* then revalidated */
		r.headers = hdrs;
		r.n_headers = 2;
		fc_fetch_all(f, &r, 1);
		fc_fetcher_free(f);
		ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
		ck_assert_str_eq(r.cache_state, round ? "revalidated" : "fetched");
		fc_fetch_req_clear(&r);
	}
	ck_assert_uint_eq(fcts_refused(srv), 0);
	path = entry_file();
	data = slurp(path, &len);
	ck_assert_ptr_null(memmem(data, len, "s3cr3t", strlen("s3cr3t")));
	ck_assert_ptr_null(memmem(data, len, "desk-V4L", strlen("desk-V4L")));
	ck_assert_ptr_nonnull(strstr(data, " headers=authorization,x-desk\n"));
	free(data);
	free(path);
	/* Without the headers: another cache key, and the server's 401. */
	get(NULL, "/auth" GAZA, 3600, &r, &path);
	EXPECT_FAIL(r, FC_ERR_FETCH, "HTTP 401");
	ck_assert_uint_eq(fcts_refused(srv), 1);
	ck_assert_ptr_null(strstr(logbuf.data ? logbuf.data : "", "s3cr3t"));
	fc_fetch_req_clear(&r);
	free(path);
	free(url);
}
END_TEST

/* Fetches PATH with the request headers of test_secret_headers, no
 * cache; the body is what /_headers echoes. */
static void get_with_headers(const char *path, fc_fetch_req *r)
{
	static const char *const hdrs[] = {"Authorization: Bearer s3cr3t-T0K",
	                                   "X-Desk: desk-V4L"};
	opts o = {.no_cache = true};
	fc_fetcher *f = fetcher(&o);

	memset(r, 0, sizeof(*r));
	r->url = fcts_url(srv, path);
	r->label = "test-source";
	r->headers = hdrs;
	r->n_headers = 2;
	fc_fetch_all(f, r, 1);
	fc_fetcher_free(f);
}

/* A source's headers follow a redirect within its origin, and never to
 * another host (libcurl, following by itself, sends them everywhere but
 * Authorization): the redirect is followed without them. Redirects to
 * other schemes and redirect loops fail. */
START_TEST(test_headers_redirect)
{
	fc_fetch_req r;

	get_with_headers("/redirect/2/_headers", &r);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_msg(strstr(r.blob.data, "X-Desk: desk-V4L\n") &&
	                  strstr(r.blob.data, "Authorization: Bearer s3cr3t"),
	              "%s", r.blob.data);
	free((char *)r.url);
	fc_fetch_req_clear(&r);

	get_with_headers("/away/redirect/1/_headers", &r);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_msg(strstr(r.blob.data, "X-Desk: \n") &&
	                  strstr(r.blob.data, "Authorization: \n"),
	              "%s", r.blob.data);
	ck_assert_ptr_null(strstr(r.blob.data, "s3cr3t"));
	ck_assert_ptr_nonnull(strstr(logbuf.data, "redirected to another host"));
	ck_assert_ptr_null(strstr(logbuf.data, "s3cr3t"));
	free((char *)r.url);
	fc_fetch_req_clear(&r);

	get_with_headers("/loop", &r);
	EXPECT_FAIL(r, FC_ERR_FETCH, "more than 5 redirects");
	free((char *)r.url);
	fc_fetch_req_clear(&r);
}
END_TEST

/* A damaged entry (a flipped byte, a cut file) is dropped with a
 * warning and fetched again. */
START_TEST(test_damaged_entry)
{
	fc_fetch_req r;
	char *url, *path, *data;
	size_t len;
	FILE *f;

	get(NULL, GAZA, 3600, &r, &url);
	fc_fetch_req_clear(&r);
	free(url);
	path = entry_file();
	data = slurp(path, &len);
	data[len - 10] ^= 1;
	f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_str_eq(r.cache_state, "fetched");
	ck_assert_uint_eq(fcts_count(srv, NULL), 2);
	ck_assert_msg(strstr(logbuf.data, "damaged (checksum mismatch)") &&
	                  strstr(logbuf.data, "fetching it again"),
	              "log: %s", logbuf.data);
	fc_fetch_req_clear(&r);
	free(url);
	/* Cut in half, as by a crash of something that did not write
	 * atomically. */
	f = fopen(path, "wb");
	fwrite(data, 1, len / 2, f);
	fclose(f);
	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_str_eq(r.cache_state, "fetched");
	ck_assert_ptr_nonnull(strstr(logbuf.data, "wrong length"));
	fc_fetch_req_clear(&r);
	free(url);
	/* The rewritten entry is whole again. */
	free(path);
	path = entry_file();
	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_str_eq(r.cache_state, "fresh");
	fc_fetch_req_clear(&r);
	free(url);
	free(data);
	free(path);
}
END_TEST

/* The server is down: the stale copy is used, with a warning that says
 * how old it is. */
START_TEST(test_stale_while_down)
{
	fc_fetch_req r;
	char *url,
	    *path = fc_asprintf("http://127.0.0.1:%u%s", fcts_port(srv), GAZA);
	opts o = {.retries = 0};

	get(NULL, path, 0, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	fc_fetch_req_clear(&r);
	free(url);
	fcts_stop(srv);
	srv = NULL;
	get(&o, path, 0, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_str_eq(r.cache_state, "stale");
	ck_assert(r.blob.from_cache);
	ck_assert_msg(strstr(logbuf.data, "could not connect") &&
	                  strstr(logbuf.data, "using the cached copy of") &&
	                  strstr(logbuf.data, "test-source"),
	              "log: %s", logbuf.data);
	fc_fetch_req_clear(&r);
	free(url);
	free(path);
	srv = fcts_start(FC_SOURCE_DIR); /* for teardown */
}
END_TEST

/* A server that says the resource is gone is not "down": the cached
 * copy does not hide that. */
START_TEST(test_no_stale_on_404)
{
	fc_cache_entry e;
	fc_fetch_req r;
	char *url = fcts_url(srv, "/status/404"), *u2;
	fc_error err;

	ck_assert_int_eq(fc_cache_prepare(cache_dir, &err), FC_OK);
	memset(&e, 0, sizeof(e));
	e.url = url;
	e.body = (char *)"[]";
	e.len = 2;
	e.fetched = time(NULL) - 86400;
	ck_assert_int_eq(fc_cache_store(cache_dir, &e, &err), FC_OK);
	get(NULL, url, 0, &r, &u2);
	EXPECT_FAIL(r, FC_ERR_FETCH, "HTTP 404");
	fc_fetch_req_clear(&r);
	free(u2);
	free(url);
}
END_TEST

/* Entries round-trip; a URL's entry never serves another URL. */
START_TEST(test_cache_entries)
{
	fc_cache_entry e, back;
	fc_error err;
	char body[] = "a\0b\nc";

	ck_assert_int_eq(fc_cache_prepare(cache_dir, &err), FC_OK);
	memset(&e, 0, sizeof(e));
	e.url = (char *)"https://example.invalid/x.json";
	e.etag = (char *)"\"abc\"";
	e.last_modified = (char *)"Sun, 05 Nov 2023 10:00:00 GMT";
	e.content_type = (char *)"application/json";
	e.fetched = 1699178400;
	e.body = body;
	e.len = 5;
	ck_assert_int_eq(fc_cache_store(cache_dir, &e, &err), FC_OK);
	ck_assert_int_eq(fc_cache_load(cache_dir, e.url, 100, &back, &err),
	                 FC_OK);
	ck_assert_str_eq(back.url, e.url);
	ck_assert_str_eq(back.etag, e.etag);
	ck_assert_str_eq(back.last_modified, e.last_modified);
	ck_assert_str_eq(back.content_type, e.content_type);
	ck_assert_int_eq(back.fetched, e.fetched);
	ck_assert_uint_eq(back.len, 5);
	ck_assert_int_eq(memcmp(back.body, body, 5), 0);
	fc_cache_entry_clear(&back);
	ck_assert_int_eq(fc_cache_load(cache_dir, "https://example.invalid/y",
	                               100, &back, &err),
	                 FC_ERR_NOTFOUND);
	/* Over the body limit: treated as damaged and dropped. */
	ck_assert_int_eq(fc_cache_load(cache_dir, e.url, 4, &back, &err),
	                 FC_ERR_PARSE);
	ck_assert_int_eq(fc_cache_load(cache_dir, e.url, 100, &back, &err),
	                 FC_ERR_NOTFOUND);
	/* A cache folder that cannot be made: said, with what to do. */
	{
		char *file = tu_write(tmp, "plain-file", "x");
		char *sub = fc_asprintf("%s/sub", file);
		ck_assert_int_eq(fc_cache_prepare(sub, &err), FC_ERR_IO);
		ck_assert_ptr_nonnull(strstr(err.msg, "--cache-dir"));
		free(sub);
		free(file);
	}
}
END_TEST

/* A temporary file left by a run killed while writing is swept once it
 * is old; a recent one (another run writing now) is left alone. */
START_TEST(test_sweep)
{
	fc_error err;
	char *old_tmp, *new_tmp;
	struct timespec times[2] = {{0, 0}, {0, 0}};

	ck_assert_int_eq(fc_cache_prepare(cache_dir, &err), FC_OK);
	old_tmp =
	    tu_write(cache_dir, "0123456789abcdef.entry.tmp-AbCdEf", "half");
	new_tmp =
	    tu_write(cache_dir, "fedcba9876543210.entry.tmp-XyZxYz", "half");
	times[0].tv_sec = times[1].tv_sec = time(NULL) - 7200;
	ck_assert_int_eq(utimensat(AT_FDCWD, old_tmp, times, 0), 0);
	fc_cache_sweep(cache_dir, 3600);
	ck_assert_int_ne(access(old_tmp, F_OK), 0);
	ck_assert_int_eq(access(new_tmp, F_OK), 0);
	free(old_tmp);
	free(new_tmp);
}
END_TEST

/* No usable cache folder: a warning, and fetching still works. */
START_TEST(test_no_cache_folder)
{
	fc_fetch_req r;
	char *url;

	free(cache_dir);
	cache_dir = tu_write(tmp, "not-a-folder", "x");
	get(NULL, GAZA, 3600, &r, &url);
	ck_assert_msg(r.status == FC_OK, "%s", r.err.msg);
	ck_assert_str_eq(r.cache_state, "uncached");
	ck_assert_ptr_nonnull(strstr(logbuf.data, "fetching without a cache"));
	fc_fetch_req_clear(&r);
	free(url);
}
END_TEST

/* XDG_CACHE_HOME, else ~/.cache. */
START_TEST(test_default_dir)
{
	char *d;

	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	d = fc_cache_default_dir();
	ck_assert_str_eq(d, "/x/cache/figcheck");
	free(d);
	setenv("XDG_CACHE_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	d = fc_cache_default_dir();
	ck_assert_str_eq(d, "/home/u/.cache/figcheck");
	free(d);
	unsetenv("XDG_CACHE_HOME");
	d = fc_cache_default_dir();
	ck_assert_str_eq(d, "/home/u/.cache/figcheck");
	free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Concurrency: 20 sources that each answer after 500 ms take about the
 * time of one, not ten seconds. */

START_TEST(test_concurrent)
{
	enum { N = 20 };
	fc_fetch_req reqs[N];
	char *urls[N];
	fc_fetcher *f = fetcher(NULL);
	double t0, dt;

	for (int i = 0; i < N; i++) {
		char path[128];
		/* Distinct URLs: 500 to 519 ms. */
		snprintf(path, sizeof(path), "/delay/%d%s", 500 + i, GAZA);
		urls[i] = fcts_url(srv, path);
		memset(&reqs[i], 0, sizeof(reqs[i]));
		reqs[i].url = urls[i];
		reqs[i].label = "slow";
		reqs[i].ttl = 3600;
	}
	t0 = now_s();
	fc_fetch_all(f, reqs, N);
	dt = now_s() - t0;
	for (int i = 0; i < N; i++) {
		ck_assert_msg(reqs[i].status == FC_OK, "%s", reqs[i].err.msg);
		fc_fetch_req_clear(&reqs[i]);
		free(urls[i]);
	}
	fc_fetcher_free(f);
	fprintf(stderr,
	        "test_concurrent: %d sources of 500 ms each in %.2f s\n", N,
	        dt);
	ck_assert_uint_eq(fcts_count(srv, "/delay/"), N);
	ck_assert_msg(dt >= 0.5, "%.2f s: the server did not delay", dt);
	/* Serially this takes over 10 s. */
	ck_assert_msg(dt < 5.0, "%.2f s: not concurrent", dt);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("fetch");
	TCase *net = tcase_create("transfers");
	TCase *cache = tcase_create("cache");
	TCase *par = tcase_create("concurrency");

	tcase_add_checked_fixture(net, setup, teardown);
	tcase_add_test(net, test_ok);
	tcase_add_test(net, test_request_headers);
	tcase_add_test(net, test_gzip);
	tcase_add_test(net, test_over_limit);
	tcase_add_test(net, test_gzip_bomb);
	tcase_add_test(net, test_declared_over_limit);
	tcase_add_test(net, test_deadline);
	tcase_add_test(net, test_404);
	tcase_add_test(net, test_500_then_ok);
	tcase_add_test(net, test_500_gives_up);
	tcase_add_test(net, test_429_retry_after);
	tcase_add_test(net, test_redirects);
	tcase_add_test(net, test_redirect_loop);
	tcase_add_test(net, test_truncated);
	tcase_add_test(net, test_timeout);
	tcase_add_test(net, test_refused);
	tcase_add_test(net, test_unresolvable);
	tcase_add_test(net, test_proxy_from_environment);
	tcase_add_test(net, test_local);
	suite_add_tcase(s, net);

	tcase_add_checked_fixture(cache, setup, teardown);
	tcase_add_test(cache, test_fresh_sends_nothing);
	tcase_add_test(cache, test_revalidate_etag);
	tcase_add_test(cache, test_revalidate_last_modified);
	tcase_add_test(cache, test_refresh);
	tcase_add_test(cache, test_offline);
	tcase_add_test(cache, test_damaged_entry);
	tcase_add_test(cache, test_secret_headers);
	tcase_add_test(cache, test_headers_redirect);
	tcase_add_test(cache, test_stale_while_down);
	tcase_add_test(cache, test_no_stale_on_404);
	tcase_add_test(cache, test_cache_entries);
	tcase_add_test(cache, test_sweep);
	tcase_add_test(cache, test_no_cache_folder);
	tcase_add_test(cache, test_default_dir);
	suite_add_tcase(s, cache);

	tcase_add_checked_fixture(par, setup, teardown);
	tcase_add_test(par, test_concurrent);
	suite_add_tcase(s, par);
	return s;
}

int main(void)
{
	int rc;

	tu_no_network();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = tu_run(suite());
	curl_global_cleanup();
	return rc;
}
