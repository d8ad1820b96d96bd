/*
 * cache.h: the cache of fetched reference data.
 *
 * One file per URL in the cache folder, named by a hash of the URL
 * (16 hex digits and ".entry"). A file holds a short text header (format
 * version, URL, ETag, Last-Modified, Content-Type, fetch time, body
 * length, checksum), a blank line and the body as received. The checksum
 * (64-bit FNV-1a) covers the header lines above it and the body, so a
 * damaged or truncated file is detected on reading. Files are written to
 * a temporary name in the same folder and renamed over the entry, so a
 * reader sees the old entry or the new one, never half of either.
 *
 * The functions here keep no state: the folder is passed to each call.
 */
#ifndef FC_CACHE_H
#define FC_CACHE_H

#include <figcheck/figcheck.h>

/* One cached response. Strings and body are owned by the entry; free
 * with fc_cache_entry_clear. */
typedef struct fc_cache_entry {
	char *url;
	char *etag;          /* or NULL */
	char *last_modified; /* or NULL */
	char *content_type;  /* or NULL */
	int64_t fetched;     /* Unix time of the last fetch or revalidation */
	char *body;          /* NUL-terminated; may hold NULs before len */
	size_t len;
} fc_cache_entry;

/* Frees an entry's strings and body and zeroes it. Safe on a zeroed
 * entry. */
void fc_cache_entry_clear(fc_cache_entry *e);

/*
 * The default cache folder: $XDG_CACHE_HOME/figcheck when that variable
 * is set to an absolute path, else $HOME/.cache/figcheck. Returns a string
 * the caller frees, or NULL when neither variable helps (or on allocation
 * failure).
 */
char *fc_cache_default_dir(void);

/* Creates `dir` and its missing parents (mode 0700). FC_ERR_IO with a
 * message naming the folder when it cannot. */
fc_status fc_cache_prepare(const char *dir, fc_error *err);

/* Removes temporary files that a run killed while writing an entry left
 * in `dir` (older than `min_age` seconds, so that another run's write in
 * progress is spared). Best effort: errors are ignored. */
void fc_cache_sweep(const char *dir, double min_age);

/* The file that holds `url`'s entry in `dir`. The caller frees it; NULL
 * on allocation failure. */
char *fc_cache_entry_path(const char *dir, const char *url);

/*
 * Reads the entry for `url` from `dir` into *out, which the caller clears
 * with fc_cache_entry_clear. Returns FC_OK; FC_ERR_NOTFOUND when there is
 * no entry (or the file holds another URL); FC_ERR_PARSE when the file is
 * damaged (bad header, wrong length, checksum mismatch): the file is then
 * removed and `err` says why, so that the caller can warn and fetch again.
 * A body larger than `max_body` bytes counts as damaged too.
 */
fc_status fc_cache_load(const char *dir, const char *url, size_t max_body,
                        fc_cache_entry *out, fc_error *err);

/*
 * Writes `e` as the entry for e->url in `dir`, atomically (temporary file,
 * fsync, rename). On failure nothing is left behind and `err` names the
 * file. `e` stays the caller's.
 */
fc_status fc_cache_store(const char *dir, const fc_cache_entry *e,
                         fc_error *err);

#endif
