/*
 * server.h: a loopback HTTP server for the tests of HTTP sources, on
 * libmicrohttpd. It listens on 127.0.0.1 on a free port, one thread per
 * connection, and answers by the request's path, which composes faults
 * in front of a file:
 *
 *   /files/REL            the file REL under the root folder, with an ETag
 *                         and a Last-Modified; If-None-Match gives 304
 *   /lastmod/REL          the same with a Last-Modified only; an equal
 *                         If-Modified-Since gives 304
 *   /gzip/REL             the file's bytes (a .gz) with Content-Encoding:
 *                         gzip
 *   /delay/MS/REST        waits MS milliseconds, then answers REST
 *   /fail/N/CODE/REST     the first N requests for this path get CODE
 *                         (with Retry-After: 1 for 429 and 503), then REST
 *   /redirect/N/REST      N redirects, then REST
 *   /loop                 redirects to itself
 *   /status/CODE          an empty answer with that status
 *   /big/BYTES            a body of BYTES bytes
 *   /truncated            Content-Length: 1000, then 100 bytes and a close
 *   /declare/BYTES        Content-Length: BYTES, then nothing (it stalls)
 *   /auth/REST            REST if the request carries the header set with
 *                         fcts_require (by the program: $FCTS_AUTH,
 *                         "Name: value"); 401 otherwise
 *   /_headers             the request's User-Agent and Accept-Encoding
 *   /_count               the number of requests so far (others), as text
 *
 * A request in absolute form ("GET http://host/files/x", as sent to a
 * proxy) is answered as its path. Every request's path is recorded, so
 * that a test can count them.
 */
#ifndef FC_TEST_SERVER_H
#define FC_TEST_SERVER_H

#include <stddef.h>

typedef struct fcts fcts;

/* Starts a server for the files under `root`. Returns NULL (and prints
 * why on stderr) when it cannot. Free with fcts_stop. */
fcts *fcts_start(const char *root);

/* Makes /auth/ answer only requests whose header `name` is `value`
 * exactly (both copied; before any request). */
void fcts_require(fcts *s, const char *name, const char *value);

/* Requests so far that /auth/ refused. */
size_t fcts_refused(fcts *s);

/* The port it listens on. */
unsigned fcts_port(const fcts *s);

/* "http://127.0.0.1:PORT" followed by `path`. The caller frees it. */
char *fcts_url(const fcts *s, const char *path);

/* Requests so far whose path starts with `prefix` (NULL: all requests
 * but /_count). */
size_t fcts_count(fcts *s, const char *prefix);

/* Stops the server (waiting requests are cut short) and frees it. NULL
 * is allowed. */
void fcts_stop(fcts *s);

/* A loopback port nobody listens on (bound, then closed), for tests of a
 * refused connection; 0 if none could be had. */
unsigned fcts_closed_port(void);

#endif
