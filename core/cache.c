/*
 * cache.c: cache entries on disk. See cache.h for the file format.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "util.h"

#define CACHE_MAGIC "figcheck-cache 1\n"
#define CACHE_HEADER_MAX 65536 /* bytes of header we accept */

void fc_cache_entry_clear(fc_cache_entry *e)
{
	if (!e)
		return;
	free(e->url);
	free(e->etag);
	free(e->last_modified);
	free(e->content_type);
	free(e->body);
	memset(e, 0, sizeof(*e));
}

char *fc_cache_default_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	/* The XDG base directory specification says to ignore a relative
	 * value. */
	if (xdg && xdg[0] == '/')
		return fc_asprintf("%s/figcheck", xdg);
	if (home && home[0] == '/')
		return fc_asprintf("%s/.cache/figcheck", home);
	return NULL;
}

fc_status fc_cache_prepare(const char *dir, fc_error *err)
{
	char *p = fc_strdup(dir);
	struct stat st;

	if (!p)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	/* mkdir -p: each parent in turn, then the folder itself. */
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			fc_status rc = fc_error_set(
			    err, FC_ERR_IO,
			    "cache folder %s: cannot create %s: %s (set "
			    "--cache-dir or fetch.cache_dir to a writable "
			    "folder)",
			    dir, p, strerror(errno));
			free(p);
			return rc;
		}
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return fc_error_set(
		    err, FC_ERR_IO,
		    "cache folder %s: cannot create it: %s (set "
		    "--cache-dir or fetch.cache_dir to a writable "
		    "folder)",
		    dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return fc_error_set(
		    err, FC_ERR_IO,
		    "cache folder %s: not a folder (set "
		    "--cache-dir or fetch.cache_dir to a folder)",
		    dir);
	if (access(dir, W_OK | X_OK) != 0)
		return fc_error_set(err, FC_ERR_IO,
		                    "cache folder %s: not writable: %s", dir,
		                    strerror(errno));
	return FC_OK;
}

void fc_cache_sweep(const char *dir, double min_age)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;
		char *p;

		/* fc_atomic_open's names: "<entry>.tmp-XXXXXX". */
		if (!strstr(e->d_name, ".entry.tmp-"))
			continue;
		if (!(p = fc_asprintf("%s/%s", dir, e->d_name)))
			break;
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    difftime(now, st.st_mtime) > min_age)
			unlink(p);
		free(p);
	}
	closedir(d);
}

char *fc_cache_entry_path(const char *dir, const char *url)
{
	uint64_t h = fc_fnv1a(FC_FNV_INIT, url, strlen(url));

	return fc_asprintf("%s/%016" PRIx64 ".entry", dir, h);
}

/* True when `s` can stand on one header line. */
static bool one_line(const char *s)
{
	return s && !strpbrk(s, "\r\n");
}

/* The header of an entry up to, not including, its checksum line. */
static fc_status header_text(const fc_cache_entry *e, fc_buf *b)
{
	fc_status rc = fc_buf_puts(b, CACHE_MAGIC);

	if (!rc)
		rc = fc_buf_printf(b, "url %s\n", e->url);
	if (!rc && one_line(e->etag) && e->etag[0])
		rc = fc_buf_printf(b, "etag %s\n", e->etag);
	if (!rc && one_line(e->last_modified) && e->last_modified[0])
		rc = fc_buf_printf(b, "last-modified %s\n", e->last_modified);
	if (!rc && one_line(e->content_type) && e->content_type[0])
		rc = fc_buf_printf(b, "content-type %s\n", e->content_type);
	if (!rc)
		rc = fc_buf_printf(b, "fetched %" PRId64 "\nlength %zu\n",
		                   e->fetched, e->len);
	return rc;
}

static uint64_t checksum(const char *header, size_t hlen, const char *body,
                         size_t blen)
{
	return fc_fnv1a(fc_fnv1a(FC_FNV_INIT, header, hlen), body, blen);
}

fc_status fc_cache_store(const char *dir, const fc_cache_entry *e,
                         fc_error *err)
{
	fc_buf head = {0};
	fc_atomic_file af;
	char *path;
	fc_status rc;

	if (!one_line(e->url) || !e->url[0])
		return fc_error_set(err, FC_ERR_ARG,
		                    "cache: a URL with a line break cannot be "
		                    "cached");
	if (!(path = fc_cache_entry_path(dir, e->url)))
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	if (header_text(e, &head) != FC_OK) {
		free(path);
		fc_buf_free(&head);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	rc = fc_atomic_open(&af, path, err);
	if (rc == FC_OK) {
		uint64_t sum = checksum(head.data, head.len,
		                        e->body ? e->body : "", e->len);
		if (fwrite(head.data, 1, head.len, af.fp) != head.len ||
		    fprintf(af.fp, "checksum fnv1a64 %016" PRIx64 "\n\n", sum) <
		        0 ||
		    (e->len && fwrite(e->body, 1, e->len, af.fp) != e->len)) {
			rc = fc_error_set(err, FC_ERR_IO,
			                  "cache entry %s: cannot write: %s",
			                  path, strerror(errno));
			fc_atomic_abort(&af);
		} else {
			rc = fc_atomic_commit(&af, err);
			if (rc != FC_OK)
				fc_error_prefix(err, "cache entry: ");
		}
	}
	fc_buf_free(&head);
	free(path);
	return rc;
}

/* Copies the value of header line `key` (a NUL-terminated line without
 * its newline) if it starts with "key ". Returns false on allocation
 * failure. */
static bool take(const char *line, const char *key, char **out, bool *bad)
{
	size_t n = strlen(key);

	if (strncmp(line, key, n) != 0 || line[n] != ' ')
		return true;
	if (*out) {
		*bad = true; /* given twice */
		return true;
	}
	*out = fc_strdup(line + n + 1);
	return *out != NULL;
}

/* Removes a damaged entry and says why. */
static fc_status damaged(const char *path, const char *why, fc_error *err)
{
	unlink(path);
	return fc_error_set(err, FC_ERR_PARSE,
	                    "cache entry %s is damaged (%s); it was removed",
	                    path, why);
}

fc_status fc_cache_load(const char *dir, const char *url, size_t max_body,
                        fc_cache_entry *out, fc_error *err)
{
	char *path = fc_cache_entry_path(dir, url);
	char *data = NULL, *p, *end, *sum_line = NULL;
	char *fetched = NULL, *length = NULL, *sum = NULL;
	size_t len = 0, blen;
	bool bad = false;
	fc_error rerr;
	fc_status rc;

	memset(out, 0, sizeof(*out));
	if (!path)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	if (access(path, F_OK) != 0) {
		free(path);
		return fc_error_set(err, FC_ERR_NOTFOUND, "not in the cache");
	}
	rc =
	    fc_read_file(path, max_body + CACHE_HEADER_MAX, &data, &len, &rerr);
	if (rc == FC_ERR_NOMEM) {
		free(path);
		return fc_error_set(err, rc, "out of memory");
	}
	if (rc == FC_ERR_LIMIT) {
		rc = damaged(path, "larger than fetch.max_body allows", err);
		goto out;
	}
	if (rc != FC_OK) {
		/* Gone between access() and reading, or unreadable: a miss. */
		rc = fc_error_set(err, FC_ERR_NOTFOUND, "%s", rerr.msg);
		goto out;
	}
	if (len < strlen(CACHE_MAGIC) ||
	    memcmp(data, CACHE_MAGIC, strlen(CACHE_MAGIC)) != 0) {
		rc = damaged(path, "not a figcheck cache file", err);
		goto out;
	}
	/* Header lines up to the blank line; the checksum line is last. */
	p = data + strlen(CACHE_MAGIC);
	end = data + len;
	for (;;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl || (size_t)(nl - data) > CACHE_HEADER_MAX) {
			rc = damaged(path, "its header is cut short", err);
			goto out;
		}
		if (nl == p) { /* the blank line */
			p = nl + 1;
			break;
		}
		*nl = 0;
		if (strncmp(p, "checksum ", 9) == 0) {
			if (sum_line) {
				bad = true;
			}
			sum_line = p;
		} else if (sum_line) {
			bad = true; /* nothing may follow the checksum */
		}
		if (!take(p, "url", &out->url, &bad) ||
		    !take(p, "etag", &out->etag, &bad) ||
		    !take(p, "last-modified", &out->last_modified, &bad) ||
		    !take(p, "content-type", &out->content_type, &bad) ||
		    !take(p, "fetched", &fetched, &bad) ||
		    !take(p, "length", &length, &bad) ||
		    !take(p, "checksum fnv1a64", &sum, &bad)) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
			goto out;
		}
		p = nl + 1;
	}
	blen = (size_t)(end - p);
	if (bad || !out->url || !fetched || !length || !sum || !sum_line) {
		rc = damaged(path, "its header is incomplete", err);
		goto out;
	}
	{
		char *e1, *e2, *e3;
		unsigned long long want_len = strtoull(length, &e1, 10);
		long long t = strtoll(fetched, &e2, 10);
		unsigned long long want_sum = strtoull(sum, &e3, 16);
		uint64_t got;

		if (*e1 || *e2 || *e3 || e1 == length || e2 == fetched ||
		    e3 == sum) {
			rc = damaged(path, "its header is malformed", err);
			goto out;
		}
		if (want_len != blen) {
			rc =
			    damaged(path, "its body has the wrong length", err);
			goto out;
		}
		/* The lines before the checksum, with their newlines (put
		 * back: they were cut to NULs above). */
		for (char *q = data; q < sum_line; q++)
			if (*q == 0)
				*q = '\n';
		got = checksum(data, (size_t)(sum_line - data), p, blen);
		if (got != (uint64_t)want_sum) {
			rc = damaged(path, "checksum mismatch", err);
			goto out;
		}
		out->fetched = (int64_t)t;
	}
	if (strcmp(out->url, url) != 0) {
		/* Another URL with the same hash: a miss, not damage. */
		rc = fc_error_set(err, FC_ERR_NOTFOUND, "not in the cache");
		goto out;
	}
	if (blen > max_body) {
		rc = damaged(path, "larger than fetch.max_body allows", err);
		goto out;
	}
	out->body = malloc(blen + 1);
	if (!out->body) {
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (blen)
		memcpy(out->body, p, blen);
	out->body[blen] = 0;
	out->len = blen;
	rc = FC_OK;
out:
	if (rc != FC_OK)
		fc_cache_entry_clear(out);
	free(fetched);
	free(length);
	free(sum);
	free(data);
	free(path);
	return rc;
}
