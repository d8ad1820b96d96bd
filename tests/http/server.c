/*
 * server.c: the loopback HTTP server of the tests (see server.h).
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

#if MHD_VERSION < 0x00097002
typedef int fcts_result;
#else
typedef enum MHD_Result fcts_result;
#endif

struct fcts {
	struct MHD_Daemon *d;
	unsigned port;
	char *root;
	atomic_bool stopping;
	pthread_mutex_t lock;
	char **paths; /* every request's path, in order */
	size_t n_paths, cap_paths;
	char *auth_name, *auth_value; /* what /auth/ requires, or NULL */
	atomic_size_t refused;        /* requests /auth/ refused */
};

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

/* Records a request; returns how many earlier requests had this exact
 * path. */
static size_t record(fcts *s, const char *path)
{
	size_t seen = 0;
	char *copy = dupn(path, strlen(path));

	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->n_paths; i++)
		seen += strcmp(s->paths[i], path) == 0;
	if (copy && s->n_paths == s->cap_paths) {
		size_t cap = s->cap_paths ? 2 * s->cap_paths : 64;
		char **p = realloc(s->paths, cap * sizeof(*p));
		if (p) {
			s->paths = p;
			s->cap_paths = cap;
		}
	}
	if (copy && s->n_paths < s->cap_paths)
		s->paths[s->n_paths++] = copy;
	else
		free(copy);
	pthread_mutex_unlock(&s->lock);
	return seen;
}

size_t fcts_count(fcts *s, const char *prefix)
{
	size_t n = 0;

	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->n_paths; i++) {
		if (prefix ? strncmp(s->paths[i], prefix, strlen(prefix)) == 0
		           : strcmp(s->paths[i], "/_count") != 0)
			n++;
	}
	pthread_mutex_unlock(&s->lock);
	return n;
}

/* Sleeps `ms` milliseconds, or less if the server is stopping. */
static void nap(fcts *s, long ms)
{
	while (ms > 0 && !atomic_load(&s->stopping)) {
		long step = ms < 10 ? ms : 10;
		struct timespec ts = {0, step * 1000000L};
		nanosleep(&ts, NULL);
		ms -= step;
	}
}

static fcts_result answer(struct MHD_Connection *c, unsigned code,
                          const char *body, size_t len, const char *type)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    len, (void *)body, MHD_RESPMEM_MUST_COPY);
	fcts_result ret;

	if (!r)
		return MHD_NO;
	if (type)
		MHD_add_response_header(r, "Content-Type", type);
	ret = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return ret;
}

static fcts_result redirect(struct MHD_Connection *c, const char *to)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    0, (void *)"", MHD_RESPMEM_PERSISTENT);
	fcts_result ret;

	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Location", to);
	ret = MHD_queue_response(c, 302, r);
	MHD_destroy_response(r);
	return ret;
}

static ssize_t truncated_cb(void *cls, uint64_t pos, char *buf, size_t max)
{
	static const char text[] = "[{\"report_date\": \"2023-11-05\", "
	                           "\"killed_cum\": 9770}, {\"report_date\": ";
	size_t n = sizeof(text) - 1;

	(void)cls;
	if (pos >= n)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (n - pos < max)
		max = n - (size_t)pos;
	memcpy(buf, text + pos, max);
	return (ssize_t)max;
}

/* Sends nothing, slowly, until the server stops. */
static ssize_t stall_cb(void *cls, uint64_t pos, char *buf, size_t max)
{
	fcts *s = cls;

	(void)pos, (void)buf, (void)max;
	nap(s, 50);
	return atomic_load(&s->stopping) ? MHD_CONTENT_READER_END_WITH_ERROR
	                                 : 0;
}

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot && strcmp(dot, ".json") == 0)
		return "application/json";
	if (dot && strcmp(dot, ".csv") == 0)
		return "text/csv";
	if (dot && strcmp(dot, ".html") == 0)
		return "text/html";
	return "application/octet-stream";
}

/* Serves a file of the root. `mode` is 'f' (ETag and Last-Modified), 'l'
 * (Last-Modified only) or 'g' (gzip-encoded bytes). */
static fcts_result serve_file(fcts *s, struct MHD_Connection *c,
                              const char *rel, char mode)
{
	char path[4096], etag[40], lastmod[64];
	struct MHD_Response *r;
	struct stat st;
	struct tm tm;
	FILE *f;
	char *data;
	size_t len;
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *inm, *ims;
	fcts_result ret;
	time_t mtime;

	if (strstr(rel, "..") || rel[0] == 0)
		return answer(c, 403, "no", 2, "text/plain");
	snprintf(path, sizeof(path), "%s/%s", s->root, rel);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !(f = fopen(path, "rb")))
		return answer(c, 404, "not found", 9, "text/plain");
	len = (size_t)st.st_size;
	data = malloc(len + 1);
	if (!data || fread(data, 1, len, f) != len) {
		free(data);
		fclose(f);
		return answer(c, 500, "read error", 10, "text/plain");
	}
	fclose(f);
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(etag, sizeof(etag), "\"%016" PRIx64 "\"", h);
	mtime = st.st_mtime;
	gmtime_r(&mtime, &tm);
	strftime(lastmod, sizeof(lastmod), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
	ims = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	                                  "If-Modified-Since");
	if ((mode == 'f' && inm && strcmp(inm, etag) == 0) ||
	    (mode == 'l' && ims && strcmp(ims, lastmod) == 0)) {
		free(data);
		r = MHD_create_response_from_buffer(0, (void *)"",
		                                    MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		if (mode == 'f')
			MHD_add_response_header(r, "ETag", etag);
		ret = MHD_queue_response(c, 304, r);
		MHD_destroy_response(r);
		return ret;
	}
	r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(data);
		return MHD_NO;
	}
	if (mode == 'g') {
		MHD_add_response_header(r, "Content-Encoding", "gzip");
		MHD_add_response_header(r, "Content-Type", "application/json");
	} else {
		MHD_add_response_header(r, "Content-Type", type_of(rel));
		MHD_add_response_header(r, "Last-Modified", lastmod);
		if (mode == 'f')
			MHD_add_response_header(r, "ETag", etag);
	}
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}

/* Reads a number and a '/' at *p; -1 when there is none. */
static long number(const char **p)
{
	char *end;
	long v = strtol(*p, &end, 10);

	if (end == *p || v < 0 || (*end != '/' && *end != 0))
		return -1;
	*p = *end ? end + 1 : end;
	return v;
}

static fcts_result route(fcts *s, struct MHD_Connection *c, const char *full,
                         const char *path)
{
	const char *p;
	long a, b;

	if (strncmp(path, "/files/", 7) == 0)
		return serve_file(s, c, path + 7, 'f');
	if (strncmp(path, "/lastmod/", 9) == 0)
		return serve_file(s, c, path + 9, 'l');
	if (strncmp(path, "/gzip/", 6) == 0)
		return serve_file(s, c, path + 6, 'g');
	if (strncmp(path, "/delay/", 7) == 0) {
		p = path + 7;
		if ((a = number(&p)) < 0)
			return answer(c, 400, "bad delay", 9, "text/plain");
		nap(s, a);
		return route(s, c, full, p - 1);
	}
	if (strncmp(path, "/fail/", 6) == 0) {
		size_t seen = 0;
		p = path + 6;
		if ((a = number(&p)) < 0 || (b = number(&p)) < 100 || b > 599)
			return answer(c, 400, "bad fail", 8, "text/plain");
		/* record() ran before routing: this request is counted. */
		pthread_mutex_lock(&s->lock);
		for (size_t i = 0; i < s->n_paths; i++)
			seen += strcmp(s->paths[i], full) == 0;
		pthread_mutex_unlock(&s->lock);
		if ((long)seen <= a) {
			struct MHD_Response *r =
			    MHD_create_response_from_buffer(
			        15, (void *)"failing on cue\n",
			        MHD_RESPMEM_PERSISTENT);
			fcts_result ret;
			if (!r)
				return MHD_NO;
			if (b == 429 || b == 503)
				MHD_add_response_header(r, "Retry-After", "1");
			ret = MHD_queue_response(c, (unsigned)b, r);
			MHD_destroy_response(r);
			return ret;
		}
		return route(s, c, full, p - 1);
	}
	if (strncmp(path, "/redirect/", 10) == 0) {
		char to[4096];
		p = path + 10;
		if ((a = number(&p)) < 0)
			return answer(c, 400, "bad redirect", 12, "text/plain");
		if (a == 0)
			return route(s, c, full, p - 1);
		snprintf(to, sizeof(to), "/redirect/%ld/%s", a - 1, p);
		return redirect(c, to);
	}
	if (strcmp(path, "/loop") == 0)
		return redirect(c, "/loop");
	if (strncmp(path, "/away/", 6) == 0) {
		/* To PATH on this server by another name: another origin. */
		char to[4096];
		snprintf(to, sizeof(to), "http://localhost:%u/%s", s->port,
		         path + 6);
		return redirect(c, to);
	}
	if (strncmp(path, "/status/", 8) == 0) {
		p = path + 8;
		a = number(&p);
		if (a < 100 || a > 599)
			return answer(c, 400, "bad status", 10, "text/plain");
		return answer(c, (unsigned)a, "", 0, "text/plain");
	}
	if (strncmp(path, "/big/", 5) == 0) {
		struct MHD_Response *r;
		fcts_result ret;
		char *body;
		p = path + 5;
		if ((a = number(&p)) < 0 || a > 100000000)
			return answer(c, 400, "bad size", 8, "text/plain");
		if (!(body = malloc((size_t)a + 1)))
			return MHD_NO;
		memset(body, ' ', (size_t)a);
		if (a >= 2) {
			body[0] = '[';
			body[a - 1] = ']';
		}
		r = MHD_create_response_from_buffer((size_t)a, body,
		                                    MHD_RESPMEM_MUST_FREE);
		if (!r) {
			free(body);
			return MHD_NO;
		}
		MHD_add_response_header(r, "Content-Type", "application/json");
		ret = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strncmp(path, "/declare/", 9) == 0) {
		/* Declares a body of BYTES bytes, then sends nothing. */
		struct MHD_Response *r;
		fcts_result ret;
		p = path + 9;
		if ((a = number(&p)) < 0)
			return answer(c, 400, "bad size", 8, "text/plain");
		r = MHD_create_response_from_callback((uint64_t)a, 1024,
		                                      stall_cb, s, NULL);
		if (!r)
			return MHD_NO;
		MHD_add_response_header(r, "Content-Type", "application/json");
		ret = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strcmp(path, "/truncated") == 0) {
		struct MHD_Response *r = MHD_create_response_from_callback(
		    1000, 1024, truncated_cb, NULL, NULL);
		fcts_result ret;
		if (!r)
			return MHD_NO;
		MHD_add_response_header(r, "Content-Type", "application/json");
		ret = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strncmp(path, "/auth/", 6) == 0) {
		const char *v =
		    s->auth_name ? MHD_lookup_connection_value(
		                       c, MHD_HEADER_KIND, s->auth_name)
		                 : NULL;
		struct MHD_Response *r;
		fcts_result ret;

		if (v && strcmp(v, s->auth_value) == 0)
			return route(s, c, full, path + 5);
		atomic_fetch_add(&s->refused, 1);
		r = MHD_create_response_from_buffer(
		    13, (void *)"unauthorized\n", MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
		ret = MHD_queue_response(c, 401, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strcmp(path, "/_headers") == 0) {
		/* What the client sent, for tests of its headers. */
		char h[1024];
		const char *ua = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
		const char *ae = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
		const char *desk = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, "X-Desk");
		const char *au = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
		int k = snprintf(h, sizeof(h),
		                 "User-Agent: %s\nAccept-Encoding: %s\n"
		                 "X-Desk: %s\nAuthorization: %s\n",
		                 ua ? ua : "", ae ? ae : "", desk ? desk : "",
		                 au ? au : "");
		return answer(c, 200, h, (size_t)k, "text/plain");
	}
	if (strcmp(path, "/_count") == 0) {
		char n[32];
		int k = snprintf(n, sizeof(n), "%zu\n", fcts_count(s, NULL));
		return answer(c, 200, n, (size_t)k, "text/plain");
	}
	return answer(c, 404, "no such route\n", 14, "text/plain");
}

static fcts_result handler(void *cls, struct MHD_Connection *c, const char *url,
                           const char *method, const char *version,
                           const char *upload_data, size_t *upload_data_size,
                           void **con_cls)
{
	static int first_call;
	fcts *s = cls;
	const char *path = url;

	(void)version;
	(void)upload_data;
	if (*con_cls == NULL) {
		/* Headers only: answer on the next call. */
		*con_cls = &first_call;
		return MHD_YES;
	}
	*upload_data_size = 0;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return answer(c, 405, "GET only\n", 9, "text/plain");
	/* Absolute form, as a client sends it to a proxy. */
	if (strncmp(path, "http://", 7) == 0) {
		path = strchr(path + 7, '/');
		if (!path)
			path = "/";
	}
	record(s, path);
	return route(s, c, path, path);
}

fcts *fcts_start(const char *root)
{
	fcts *s = calloc(1, sizeof(*s));
	struct sockaddr_in addr;
	const union MHD_DaemonInfo *info;

	if (!s || !(s->root = dupn(root, strlen(root)))) {
		fprintf(stderr, "test server: out of memory\n");
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	atomic_init(&s->stopping, false);
	atomic_init(&s->refused, 0);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = 0; /* a free port */
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->d = MHD_start_daemon(
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0,
	    NULL, NULL, handler, s, MHD_OPTION_SOCK_ADDR,
	    (struct sockaddr *)&addr, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)30, MHD_OPTION_END);
	if (!s->d) {
		fprintf(stderr, "test server: cannot start on 127.0.0.1: %s\n",
		        strerror(errno));
		fcts_stop(s);
		return NULL;
	}
	info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || !info->port) {
		fprintf(stderr, "test server: cannot tell its port\n");
		fcts_stop(s);
		return NULL;
	}
	s->port = info->port;
	return s;
}

void fcts_require(fcts *s, const char *name, const char *value)
{
	free(s->auth_name);
	free(s->auth_value);
	s->auth_name = dupn(name, strlen(name));
	s->auth_value = dupn(value, strlen(value));
}

size_t fcts_refused(fcts *s)
{
	return atomic_load(&s->refused);
}

unsigned fcts_port(const fcts *s)
{
	return s->port;
}

char *fcts_url(const fcts *s, const char *path)
{
	size_t n = strlen(path) + 32;
	char *u = malloc(n);

	if (u)
		snprintf(u, n, "http://127.0.0.1:%u%s", s->port, path);
	return u;
}

void fcts_stop(fcts *s)
{
	if (!s)
		return;
	atomic_store(&s->stopping, true);
	if (s->d)
		MHD_stop_daemon(s->d);
	for (size_t i = 0; i < s->n_paths; i++)
		free(s->paths[i]);
	free(s->paths);
	pthread_mutex_destroy(&s->lock);
	free(s->root);
	free(s->auth_name);
	free(s->auth_value);
	free(s);
}

unsigned fcts_closed_port(void)
{
	struct sockaddr_in a;
	socklen_t n = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	unsigned port = 0;

	if (fd < 0)
		return 0;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &n) == 0)
		port = ntohs(a.sin_port);
	close(fd);
	return port;
}
