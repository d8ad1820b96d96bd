/*
 * util.h: small helpers of the core: a growable byte buffer, checked
 * string duplication, file reading and atomic writing.
 */
#ifndef FC_UTIL_H
#define FC_UTIL_H

#include <figcheck/figcheck.h>

#define FC_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer, always NUL-terminated when `data` is not NULL.
 * Initialise to {0}; free with fc_buf_free. */
typedef struct fc_buf {
	char *data;
	size_t len, cap;
} fc_buf;

/* Makes room for `extra` more bytes plus a NUL. FC_ERR_NOMEM on failure,
 * the buffer unchanged. */
fc_status fc_buf_reserve(fc_buf *b, size_t extra);
fc_status fc_buf_append(fc_buf *b, const void *data, size_t len);
fc_status fc_buf_puts(fc_buf *b, const char *s);
fc_status fc_buf_putc(fc_buf *b, char c);
fc_status fc_buf_printf(fc_buf *b, const char *fmt, ...) FC_PRINTF(2, 3);
/* Frees the data and resets the buffer to {0}. */
void fc_buf_free(fc_buf *b);
/* Hands the data to the caller (free with free()) and resets the
 * buffer. Returns an empty string rather than NULL if nothing was added,
 * or NULL if even that could not be allocated. */
char *fc_buf_steal(fc_buf *b);

/* Grows the array *items (of `*cap` elements of `size` bytes) so that it
 * holds at least `need` elements. FC_ERR_NOMEM on failure or overflow,
 * the array unchanged. */
fc_status fc_grow(void **items, size_t *cap, size_t need, size_t size);

/* Advises the kernel that the block p[0, n), just allocated, is large and
 * about to be filled (huge pages where the system has them). Does
 * nothing for blocks under 4 MiB or where the advice is unknown. */
void fc_big_block(void *p, size_t n);

/* strdup/strndup that return NULL only on allocation failure (and for a
 * NULL input). The caller frees the result. */
char *fc_strdup(const char *s);
char *fc_strndup(const char *s, size_t n);
/* Formats into a new string the caller frees; NULL on failure. */
char *fc_asprintf(const char *fmt, ...) FC_PRINTF(1, 2);

/* ASCII-only case-insensitive comparison of `n` bytes. */
bool fc_ascii_ieq(const char *a, const char *b, size_t n);
/* True if `s` ends with `suffix`. */
bool fc_str_ends_with(const char *s, const char *suffix);

/*
 * Reads the whole file `path` ("-" is stdin) into a new NUL-terminated
 * buffer the caller frees with free(). Fails with FC_ERR_LIMIT if it is
 * larger than `max` bytes (0: no limit), FC_ERR_IO if it cannot be read;
 * the message names the file.
 */
fc_status fc_read_file(const char *path, size_t max, char **out,
		       size_t *len, fc_error *err);

/*
 * An output file (a report, a baseline, a cache entry), never left half
 * written and never put in the place of something that is not a file:
 *   - "-" is standard output; a name for our own standard output or
 *     error (/dev/stdout, /proc/self/fd/2, the file stdout goes to)
 *     writes there, in order with the rest;
 *   - a regular file, or a name not yet taken, is written to a temporary
 *     file beside it ("NAME.tmp-XXXXXX") that fc_atomic_commit renames
 *     over it: fc_atomic_abort, a crash or a signal leaves the old file
 *     as it was (the temporary file is removed by the handler of
 *     fc_tmpfiles_install_handler when the program installed it). A
 *     replaced file keeps its permissions;
 *   - through a symbolic link (or a chain of them, also a dangling one)
 *     the file it points to is written so, and the link stays a link;
 *   - anything else (a FIFO, a character or block device, a socket) is
 *     opened and written in place: the node itself is never replaced,
 *     which run as root would have put a regular file in the place of
 *     /dev/null;
 *   - a folder is an error.
 */
typedef struct fc_atomic_file {
	FILE *fp;
	char *path;     /* the file written (a link's target), or NULL */
	char *tmp_path; /* the temporary file, or NULL (stdout, in place) */
	bool in_place;  /* written directly: not a regular file */
	int track;      /* fc_tmpfile_track's slot + 1, or 0 */
} fc_atomic_file;

fc_status fc_atomic_open(fc_atomic_file *f, const char *path, fc_error *err);
/* Flushes, syncs and renames (or flushes and closes what is written in
 * place). Closes the file in every case. */
fc_status fc_atomic_commit(fc_atomic_file *f, fc_error *err);
/* Closes and removes the temporary file. Safe on a zeroed struct. */
void fc_atomic_abort(fc_atomic_file *f);

/*
 * Temporary files to remove if a signal ends the process: the one list
 * of global state in libfigcheck (a signal handler can reach nothing
 * else), with room for 64 paths of up to 4095 bytes, in static storage.
 * fc_tmpfile_track records a path and returns its slot (-1 when the list
 * is full or the path too long: the file is then not removed by a
 * signal); fc_tmpfile_untrack releases it. fc_tmpfiles_unlink_all
 * removes every path recorded and is async-signal-safe.
 * fc_tmpfiles_install_handler makes SIGINT, SIGTERM, SIGHUP, SIGPIPE and
 * SIGXFSZ (those not ignored) remove them and then end the process as
 * the signal would have; a program calls it once, before any thread
 * starts. fc_atomic_open tracks its temporary files itself.
 */
int fc_tmpfile_track(const char *path);
void fc_tmpfile_untrack(int slot);
void fc_tmpfiles_unlink_all(void);
fc_status fc_tmpfiles_install_handler(void);

/* 64-bit FNV-1a over `len` bytes, continuing from `h` (start with
 * FC_FNV_INIT). */
#define FC_FNV_INIT 0xcbf29ce484222325ULL
uint64_t fc_fnv1a(uint64_t h, const void *data, size_t len);

/* Validates UTF-8: returns the offset of the first invalid byte, or
 * `len` if all is valid. NUL bytes count as invalid. */
size_t fc_utf8_check(const char *s, size_t len);

/*
 * The name a file is shown by, in every report and message: `raw` as it
 * is when it is printable UTF-8; otherwise with each control character
 * (C0, DEL, C1), each byte that is not UTF-8, and each character that
 * reorders or breaks lines (bidirectional controls, U+2028, U+2029)
 * written as an escape (\n \r \t \xNN \uNNNN) and a backslash as \\,
 * so that a crafted name can neither forge a line of a report nor drive
 * a terminal. A new string the caller frees; NULL on allocation failure.
 */
char *fc_display_name(const char *raw);

/* "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when `len` bytes of
 * `s` are text in that encoding (a byte-order mark, or the zero bytes of
 * ASCII text so encoded), else NULL. Static strings; pure. */
const char *fc_utf16_or_32(const char *s, size_t len);




/* An arena: many small allocations freed at once. Initialise to {0};
 * fc_arena_free releases everything allocated from it. */
typedef struct fc_arena_block fc_arena_block;
typedef struct fc_arena {
	fc_arena_block *head;
} fc_arena;

/* Returns `size` bytes aligned for any type, or NULL. */
void *fc_arena_alloc(fc_arena *a, size_t size);
/* Copies a string (or `n` bytes and a NUL) into the arena; NULL for a
 * NULL input or on allocation failure. */
char *fc_arena_strdup(fc_arena *a, const char *s);
char *fc_arena_strndup(fc_arena *a, const char *s, size_t n);
char *fc_arena_printf(fc_arena *a, const char *fmt, ...) FC_PRINTF(2, 3);
void fc_arena_free(fc_arena *a);

/* Parses `len` bytes of `s` as a date in `format`: %Y (4 digits), %m (1-2
 * digits), %d (1-2 digits), %b (an English month name or its first three
 * letters, any case), other characters literally. A format without a day
 * reads the month's first day ("%Y-%m"), one without a month either the
 * year's ("%Y"); one with a day and no month reads nothing. NULL format:
 * ISO 8601 (YYYY-MM-DD, anything after position 10 ignored if it starts
 * with 'T' or a space). FC_DATE_NONE when it does not parse. */
fc_date fc_date_parse_format(const char *s, size_t len, const char *format);

/* Reads the year, month and day of `len` bytes of `s` in `format`, as
 * fc_date_parse_format does, without checking that they make a date: so
 * that "2023-11-31" can be told apart from "TBD". A field the format
 * lacks is filled as fc_date_parse_format fills it. True when the text
 * has the format's shape. Pure. */
bool fc_date_fields(const char *s, size_t len, const char *format, int *year,
		    int *month, int *day);

/* Why (year, month, day) is not a date, in words ("November has 30
 * days", "there is no month 13"), written into `buf` (`size` bytes,
 * truncated). Returns buf. */
const char *fc_date_why_not(int year, int month, int day, char *buf,
			    size_t size);

/* The month (1-12) named by `n` bytes of `s` ("Nov", "november", "Sept"),
 * or 0. */
int fc_month_from_name(const char *s, size_t n);

#endif
