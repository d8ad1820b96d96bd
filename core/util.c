/*
 * util.c: buffers, strings, files. See util.h for the contracts.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#ifdef HAVE_MADVISE
#include <sys/mman.h>
#endif

fc_status fc_buf_reserve(fc_buf *b, size_t extra)
{
	size_t need;
	char *p;

	if (extra > SIZE_MAX - b->len - 1)
		return FC_ERR_NOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return FC_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->data, cap);
	if (!p)
		return FC_ERR_NOMEM;
	fc_big_block(p, cap);
	b->data = p;
	b->cap = cap;
	return FC_OK;
}

fc_status fc_buf_append(fc_buf *b, const void *data, size_t len)
{
	if (fc_buf_reserve(b, len) != FC_OK)
		return FC_ERR_NOMEM;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = 0;
	return FC_OK;
}

fc_status fc_buf_puts(fc_buf *b, const char *s)
{
	return fc_buf_append(b, s, strlen(s));
}

fc_status fc_buf_putc(fc_buf *b, char c)
{
	return fc_buf_append(b, &c, 1);
}

fc_status fc_buf_printf(fc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return FC_ERR;
	if (fc_buf_reserve(b, (size_t)n) != FC_OK)
		return FC_ERR_NOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return FC_OK;
}

void fc_buf_free(fc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *fc_buf_steal(fc_buf *b)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

fc_status fc_grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return FC_OK;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return FC_ERR_NOMEM;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / size)
		return FC_ERR_NOMEM;
	p = realloc(*items, ncap * size);
	if (!p)
		return FC_ERR_NOMEM;
	fc_big_block(p, ncap * size);
	*items = p;
	*cap = ncap;
	return FC_OK;
}

void fc_big_block(void *p, size_t n)
{
#if defined(HAVE_MADVISE) && defined(MADV_HUGEPAGE)
	/* Arrays of many megabytes (a long document's figures) are filled
	 * page by page; in huge pages the kernel faults them in 512 times
	 * less often. Advice only: its failure changes nothing. */
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t b = ((uintptr_t)p + n) & ~(huge - 1);

	if (n >= (size_t)4 << 20 && b > a)
		(void)madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

char *fc_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *fc_strndup(const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *fc_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *p = NULL;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	return n < 0 ? NULL : p;
}

bool fc_ascii_ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return false;
	}
	return true;
}

bool fc_str_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

fc_status fc_read_file(const char *path, size_t max, char **out,
		       size_t *len, fc_error *err)
{
	fc_buf b = {0};
	int fd;
	struct stat st;
	fc_status rc = FC_OK;

	*out = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return fc_error_set(err, FC_ERR_IO, "%s: %s", path,
					    strerror(errno));
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(fd);
			return fc_error_set(err, FC_ERR_IO,
					    "%s: is a folder, not a file", path);
		}
		/* A regular file's size is known: one allocation, one read
		 * for most files (the loop below still copes if it grows). */
		if (S_ISREG(st.st_mode) && st.st_size > 0 &&
		    (!max || (uint64_t)st.st_size <= max) &&
		    fc_buf_reserve(&b, (size_t)st.st_size + 1) != FC_OK) {
			close(fd);
			return fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory",
					    path);
		}
	}
	for (;;) {
		ssize_t n;

		if (b.cap - b.len < 2 && fc_buf_reserve(&b, 65536) != FC_OK) {
			rc = fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory",
					  path);
			break;
		}
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = fc_error_set(err, FC_ERR_IO, "%s: %s", path,
					  strerror(errno));
			break;
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = 0;
		if (max && b.len > max) {
			rc = fc_error_set(err, FC_ERR_LIMIT,
					  "%s: larger than the limit of %zu bytes",
					  path, max);
			break;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc != FC_OK) {
		fc_buf_free(&b);
		return rc;
	}
	if (fc_buf_reserve(&b, 0) != FC_OK) {
		fc_buf_free(&b);
		return fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory", path);
	}
	b.data[b.len] = 0;
	*len = b.len;
	*out = b.data;
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Temporary files to remove when a signal ends the process. The one
 * piece of global mutable state of the library: a signal handler can
 * reach nothing else. Slots are claimed and released with atomic
 * operations and the handler only reads them, so it is async-signal-
 * safe; paths live in the slots themselves, never in the heap. */

#define TMP_SLOTS 64
#define TMP_FREE 0
#define TMP_FILLING 1
#define TMP_ACTIVE 2

static struct tmp_slot {
	_Atomic int state;
	char path[4096];
} tmp_slots[TMP_SLOTS];

int fc_tmpfile_track(const char *path)
{
	size_t n = strlen(path);

	if (n >= sizeof(tmp_slots[0].path))
		return -1;
	for (int i = 0; i < TMP_SLOTS; i++) {
		int expect = TMP_FREE;
		if (!atomic_compare_exchange_strong(&tmp_slots[i].state, &expect,
						    TMP_FILLING))
			continue;
		memcpy(tmp_slots[i].path, path, n + 1);
		atomic_store(&tmp_slots[i].state, TMP_ACTIVE);
		return i;
	}
	return -1;
}

void fc_tmpfile_untrack(int slot)
{
	if (slot >= 0 && slot < TMP_SLOTS)
		atomic_store(&tmp_slots[slot].state, TMP_FREE);
}

void fc_tmpfiles_unlink_all(void)
{
	for (int i = 0; i < TMP_SLOTS; i++)
		if (atomic_load(&tmp_slots[i].state) == TMP_ACTIVE)
			unlink(tmp_slots[i].path);
}

static void on_fatal_signal(int sig)
{
	int saved = errno;

	fc_tmpfiles_unlink_all();
	/* Die of the signal, as if it had not been caught. */
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

fc_status fc_tmpfiles_install_handler(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < FC_ARRAY_LEN(sigs); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < FC_ARRAY_LEN(sigs); i++) {
		struct sigaction old;
		/* A signal the caller ignores (nohup, a shell's SIGPIPE
		 * set-up) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return FC_ERR;
	}
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Output files. */

/* The end of a chain of symbolic links at `path`, which need not exist
 * (a link to a file not yet written): a new string the caller frees, or
 * NULL with errno set (ELOOP after 40 links). */
static char *link_target(const char *path)
{
	char *cur = fc_strdup(path);

	for (int hops = 0; cur && hops < 40; hops++) {
		char buf[4096], *next;
		struct stat st;
		ssize_t n;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		n = readlink(cur, buf, sizeof(buf) - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		buf[n] = 0;
		if (buf[0] == '/') {
			next = fc_strdup(buf);
		} else {
			/* Relative to the folder holding the link. */
			const char *slash = strrchr(cur, '/');
			next = slash ? fc_asprintf("%.*s/%s",
						   (int)(slash - cur), cur, buf)
				     : fc_strdup(buf);
		}
		free(cur);
		cur = next;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* True when `st` is the file behind descriptor `fd`. */
static bool same_file(const struct stat *st, int fd)
{
	struct stat fs;

	return fstat(fd, &fs) == 0 && fs.st_dev == st->st_dev &&
	       fs.st_ino == st->st_ino;
}

fc_status fc_atomic_open(fc_atomic_file *f, const char *path, fc_error *err)
{
	struct stat st;
	mode_t mode = 0644;
	char *target = NULL;
	int fd;

	memset(f, 0, sizeof(*f));
	if (strcmp(path, "-") == 0) {
		f->fp = stdout;
		return FC_OK;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return fc_error_set(err, FC_ERR_IO,
					    "%s: is a folder; name a file to "
					    "write the report to",
					    path);
		/* Our own standard output or error, however named
		 * (/dev/stdout, /proc/self/fd/1, the file stdout goes to):
		 * write to it, in order with what else goes there. */
		if (same_file(&st, STDOUT_FILENO)) {
			fflush(stdout);
			f->fp = stdout;
			return FC_OK;
		}
		if (same_file(&st, STDERR_FILENO)) {
			fflush(stderr);
			f->fp = stderr;
			return FC_OK;
		}
		if (!S_ISREG(st.st_mode)) {
			/* A FIFO, a device, a socket: written in place. The
			 * node itself is never replaced. */
			fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
			if (fd < 0 || !(f->fp = fdopen(fd, "w"))) {
				fc_status rc = fc_error_set(
				    err, FC_ERR_IO, "%s: cannot write to it: %s",
				    path, strerror(errno));
				if (fd >= 0)
					close(fd);
				return rc;
			}
			f->in_place = true;
			if (!(f->path = fc_strdup(path))) {
				fc_atomic_abort(f);
				return fc_error_set(err, FC_ERR_NOMEM,
						    "%s: out of memory", path);
			}
			return FC_OK;
		}
		mode = st.st_mode & 07777; /* a replaced file keeps its mode */
	} else if (errno != ENOENT) {
		return fc_error_set(err, FC_ERR_IO, "%s: %s", path,
				    strerror(errno));
	}
	/* A regular file, or none yet: written beside it and renamed over
	 * it. Through a symbolic link, the file it points to is written,
	 * and the link stays. */
	target = link_target(path);
	if (!target)
		return fc_error_set(err, errno == ENOMEM ? FC_ERR_NOMEM : FC_ERR_IO,
				    "%s: %s", path, strerror(errno));
	f->path = target;
	f->tmp_path = fc_asprintf("%s.tmp-XXXXXX", target);
	if (!f->tmp_path) {
		fc_atomic_abort(f);
		return fc_error_set(err, FC_ERR_NOMEM, "%s: out of memory", path);
	}
	fd = mkstemp(f->tmp_path);
	if (fd < 0) {
		fc_status rc = fc_error_set(err, FC_ERR_IO,
					    "%s: cannot create a file beside it: %s",
					    f->path, strerror(errno));
		free(f->tmp_path);
		f->tmp_path = NULL;
		fc_atomic_abort(f);
		return rc;
	}
	/* Removed by a signal's handler if the run is cut short. */
	f->track = fc_tmpfile_track(f->tmp_path) + 1;
	fchmod(fd, mode);
	f->fp = fdopen(fd, "w");
	if (!f->fp) {
		close(fd);
		fc_atomic_abort(f);
		return fc_error_set(err, FC_ERR_IO, "%s: %s", path,
				    strerror(errno));
	}
	return FC_OK;
}

fc_status fc_atomic_commit(fc_atomic_file *f, fc_error *err)
{
	fc_status rc = FC_OK;

	if (!f->tmp_path && !f->in_place) {
		/* Standard output or error. */
		if (f->fp && (fflush(f->fp) != 0 || ferror(f->fp)))
			rc = fc_error_set(err, FC_ERR_IO, "%s: %s",
					  f->fp == stderr ? "stderr" : "stdout",
					  strerror(errno));
		f->fp = NULL;
		return rc;
	}
	if (f->in_place) {
		/* No fsync: a pipe or a device may not have one. */
		if (fflush(f->fp) != 0 || ferror(f->fp))
			rc = fc_error_set(err, FC_ERR_IO, "%s: %s", f->path,
					  strerror(errno));
		if (fclose(f->fp) != 0 && rc == FC_OK)
			rc = fc_error_set(err, FC_ERR_IO, "%s: %s", f->path,
					  strerror(errno));
		f->fp = NULL;
		fc_atomic_abort(f);
		return rc;
	}
	if (fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0 || ferror(f->fp)) {
		rc = fc_error_set(err, FC_ERR_IO, "%s: %s", f->path,
				  strerror(errno));
		fc_atomic_abort(f);
		return rc;
	}
	if (fclose(f->fp) != 0) {
		f->fp = NULL;
		rc = fc_error_set(err, FC_ERR_IO, "%s: %s", f->path,
				  strerror(errno));
		fc_atomic_abort(f);
		return rc;
	}
	f->fp = NULL;
	if (rename(f->tmp_path, f->path) != 0) {
		rc = fc_error_set(err, FC_ERR_IO, "%s: %s", f->path,
				  strerror(errno));
		fc_atomic_abort(f);
		return rc;
	}
	if (f->track)
		fc_tmpfile_untrack(f->track - 1);
	free(f->tmp_path);
	free(f->path);
	f->tmp_path = f->path = NULL;
	f->track = 0;
	return FC_OK;
}

void fc_atomic_abort(fc_atomic_file *f)
{
	if (f->fp && f->fp != stdout && f->fp != stderr)
		fclose(f->fp);
	if (f->tmp_path)
		unlink(f->tmp_path);
	if (f->track)
		fc_tmpfile_untrack(f->track - 1);
	free(f->tmp_path);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

uint64_t fc_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The length of the valid UTF-8 sequence at s[i] (of `len` bytes) and
 * its code point, or 0 when the byte there starts none. */
static size_t utf8_seq(const unsigned char *s, size_t len, size_t i,
		       uint32_t *cp)
{
	unsigned char c = s[i];
	size_t n;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len - i < n)
		return 0;
	for (size_t k = 1; k < n; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i + k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

/* True for a code point a name must not show as it is. */
static bool unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	       cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

char *fc_display_name(const char *raw)
{
	const unsigned char *s = (const unsigned char *)raw;
	size_t len = strlen(raw), i = 0;
	bool plain = true;
	fc_buf b = {0};

	while (i < len && plain) {
		uint32_t cp;
		size_t n = utf8_seq(s, len, i, &cp);
		plain = n && !unsafe_cp(cp);
		i += n;
	}
	if (plain)
		return fc_strdup(raw);
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_seq(s, len, i, &cp);

		if (!n) {
			fc_buf_printf(&b, "\\x%02x", s[i]);
			i++;
			continue;
		}
		if (cp == '\n')
			fc_buf_puts(&b, "\\n");
		else if (cp == '\r')
			fc_buf_puts(&b, "\\r");
		else if (cp == '\t')
			fc_buf_puts(&b, "\\t");
		else if (cp == '\\')
			fc_buf_puts(&b, "\\\\");
		else if (cp < 0x80 && unsafe_cp(cp))
			fc_buf_printf(&b, "\\x%02x", (unsigned)cp);
		else if (unsafe_cp(cp))
			fc_buf_printf(&b, "\\u%04x", (unsigned)cp);
		else
			fc_buf_append(&b, s + i, n);
		i += n;
	}
	return b.data ? fc_buf_steal(&b) : NULL;
}

const char *fc_utf16_or_32(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = len < 1024 ? len : 1024, zero[4] = {0, 0, 0, 0};

	if (len >= 4 && !memcmp(s, "\xFF\xFE\0\0", 4))
		return "UTF-32LE";
	if (len >= 4 && !memcmp(s, "\0\0\xFE\xFF", 4))
		return "UTF-32BE";
	if (len >= 2 && !memcmp(s, "\xFF\xFE", 2))
		return "UTF-16LE";
	if (len >= 2 && !memcmp(s, "\xFE\xFF", 2))
		return "UTF-16BE";
	/* No mark: ASCII text encoded in UTF-16 or UTF-32 is mostly zero
	 * bytes in fixed places. */
	n -= n % 4;
	if (n < 8)
		return NULL;
	for (size_t i = 0; i < n; i++)
		zero[i % 4] += s[i] == 0;
	if (zero[0] * 10 < n / 4 && zero[1] * 10 > n / 4 * 9 &&
	    zero[2] * 10 > n / 4 * 9 && zero[3] * 10 > n / 4 * 9)
		return "UTF-32LE";
	if (zero[3] * 10 < n / 4 && zero[0] * 10 > n / 4 * 9 &&
	    zero[1] * 10 > n / 4 * 9 && zero[2] * 10 > n / 4 * 9)
		return "UTF-32BE";
	if ((zero[0] + zero[2]) * 10 < n / 2 &&
	    (zero[1] + zero[3]) * 10 > n / 2 * 6)
		return "UTF-16LE";
	if ((zero[1] + zero[3]) * 10 < n / 2 &&
	    (zero[0] + zero[2]) * 10 > n / 2 * 6)
		return "UTF-16BE";
	return NULL;
}

size_t fc_utf8_check(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp, min;

		/* Eight ASCII bytes at a time: no high bit and no NUL. */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    ((w - 0x0101010101010101ULL) & ~w &
			     0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = s[i];
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
			min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
			min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

struct fc_arena_block {
	fc_arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void *fc_arena_alloc(fc_arena *a, size_t size)
{
	fc_arena_block *b = a->head;
	size_t align = sizeof(max_align_t);
	size_t need = (size + align - 1) / align * align;
	void *p;

	if (size > SIZE_MAX / 2)
		return NULL;
	if (!b || b->size - b->used < need) {
		size_t bsize = need > 16384 ? need : 16384;
		b = malloc(sizeof(*b) + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	return p;
}

char *fc_arena_strndup(fc_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = fc_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *fc_arena_strdup(fc_arena *a, const char *s)
{
	return s ? fc_arena_strndup(a, s, strlen(s)) : NULL;
}

char *fc_arena_printf(fc_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = fc_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void fc_arena_free(fc_arena *a)
{
	fc_arena_block *b = a->head;

	while (b) {
		fc_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

int fc_month_from_name(const char *s, size_t n)
{
	static const char *const months[] = {
	    "january", "february", "march",	"april",   "may",      "june",
	    "july",    "august",   "september", "october", "november", "december"};

	if (n == 4 && fc_ascii_ieq(s, "sept", 4))
		return 9;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(months[m]);
		if ((n == 3 || n == full) && n <= full &&
		    fc_ascii_ieq(s, months[m], n))
			return m + 1;
	}
	return 0;
}

bool fc_date_fields(const char *s, size_t len, const char *format, int *year,
		    int *month, int *day)
{
	int y = 0, m = 0, d = 0;
	bool has_m = false, has_d = false;
	size_t i = 0;

	if (!s)
		return false;
	if (!format) {
		static const int width[3] = {4, 2, 2};
		int v[3] = {0, 0, 0};
		if (len > 10 && (s[10] == 'T' || s[10] == ' '))
			len = 10;
		if (len != 10)
			return false;
		for (int f = 0; f < 3; f++) {
			for (int k = 0; k < width[f]; k++, i++) {
				if (s[i] < '0' || s[i] > '9')
					return false;
				v[f] = v[f] * 10 + (s[i] - '0');
			}
			if (f < 2 && s[i++] != '-')
				return false;
		}
		*year = v[0];
		*month = v[1];
		*day = v[2];
		return true;
	}
	for (const char *f = format; *f; f++) {
		if (*f != '%') {
			if (i >= len || s[i] != *f)
				return false;
			i++;
			continue;
		}
		f++;
		if (*f == 'Y') {
			int k;
			for (k = 0; k < 4; k++, i++) {
				if (i >= len || s[i] < '0' || s[i] > '9')
					return false;
				y = y * 10 + (s[i] - '0');
			}
		} else if (*f == 'm' || *f == 'd' || *f == 'e') {
			int v = 0, k = 0;
			while (k < 2 && i < len && s[i] >= '0' && s[i] <= '9') {
				v = v * 10 + (s[i] - '0');
				i++;
				k++;
			}
			if (k == 0)
				return false;
			if (*f == 'm') {
				m = v;
				has_m = true;
			} else {
				d = v;
				has_d = true;
			}
		} else if (*f == 'b' || *f == 'B') {
			size_t st = i;
			while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
					   (s[i] >= 'A' && s[i] <= 'Z')))
				i++;
			m = fc_month_from_name(s + st, i - st);
			if (!m)
				return false;
			has_m = true;
		} else if (*f == '%') {
			if (i >= len || s[i] != '%')
				return false;
			i++;
		} else {
			return false;
		}
	}
	if (i != len)
		return false;
	/* A format without a day ("%Y-%m") or a month ("%Y") reads the
	 * first day of the month or the year; one with a day and no month
	 * reads nothing (month 0). */
	if (!has_d && !(has_m && m == 0))
		d = 1;
	if (!has_m)
		m = has_d ? 0 : 1;
	*year = y;
	*month = m;
	*day = d;
	return true;
}

fc_date fc_date_parse_format(const char *s, size_t len, const char *format)
{
	int y, m, d;

	if (!fc_date_fields(s, len, format, &y, &m, &d))
		return FC_DATE_NONE;
	return fc_date_from_ymd(y, m, d);
}

const char *fc_date_why_not(int year, int month, int day, char *buf,
			    size_t size)
{
	static const char *const names[12] = {
	    "January", "February", "March",	"April",   "May",      "June",
	    "July",    "August",   "September", "October", "November", "December"};
	int last;

	if (year < 1 || year > 9999)
		snprintf(buf, size, "the year %d is out of range", year);
	else if (month < 1 || month > 12)
		snprintf(buf, size, "there is no month %d", month);
	else if (day < 1)
		snprintf(buf, size, "there is no day %d", day);
	else if (fc_date_from_ymd(year, month, day) != FC_DATE_NONE)
		snprintf(buf, size, "it is a date");
	else {
		for (last = 31; last > 27; last--)
			if (fc_date_from_ymd(year, month, last) != FC_DATE_NONE)
				break;
		if (month == 2)
			snprintf(buf, size, "February %d has %d days", year,
				 last);
		else
			snprintf(buf, size, "%s has %d days", names[month - 1],
				 last);
	}
	return buf;
}

fc_date fc_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	return fc_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
