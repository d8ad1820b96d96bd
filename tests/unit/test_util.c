/*
 * test_util.c: buffers, UTF-8, dates, value formatting, atomic files,
 * durations and sentence boundaries.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "conf.h"
#include "sentence.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_buf)
{
	fc_buf b = {0};
	char *s;

	ck_assert_int_eq(fc_buf_puts(&b, "abc"), FC_OK);
	ck_assert_int_eq(fc_buf_printf(&b, "-%d-", 42), FC_OK);
	for (int i = 0; i < 10000; i++)
		ck_assert_int_eq(fc_buf_putc(&b, 'x'), FC_OK);
	ck_assert_uint_eq(b.len, 3 + 4 + 10000);
	ck_assert_int_eq(strncmp(b.data, "abc-42-x", 8), 0);
	s = fc_buf_steal(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(strlen(s), 10007);
	free(s);
	s = fc_buf_steal(&b);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

static const struct {
	const char *bytes;
	size_t len, bad;
} utf8_cases[] = {
    {"plain ascii", 11, 11},
    {"caf\xC3\xA9", 5, 5},
    {"\xE2\x80\x89thin", 7, 7},
    {"\xF0\x9F\x98\x80", 4, 4},
    {"bad \xC3", 5, 4},          /* truncated sequence */
    {"bad \xC0\xAF", 6, 4},      /* overlong */
    {"bad \xED\xA0\x80", 7, 4},  /* surrogate */
    {"bad \xF4\x90\x80\x80", 8, 4}, /* above U+10FFFF */
    {"bad \xFF", 5, 4},
    {"nul\0x", 5, 3},
    {"\x80", 1, 0},
};

START_TEST(test_utf8)
{
	ck_assert_uint_eq(fc_utf8_check(utf8_cases[_i].bytes, utf8_cases[_i].len),
			  utf8_cases[_i].bad);
}
END_TEST

START_TEST(test_dates)
{
	char buf[11];
	int y, m, d;

	ck_assert_int_eq(fc_date_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(fc_date_from_ymd(2023, 11, 5) -
			     fc_date_from_ymd(2023, 10, 7),
			 29);
	ck_assert_int_eq(fc_date_from_ymd(2023, 2, 29), FC_DATE_NONE);
	ck_assert_int_ne(fc_date_from_ymd(2024, 2, 29), FC_DATE_NONE);
	ck_assert_int_eq(fc_date_from_ymd(1900, 2, 29), FC_DATE_NONE);
	ck_assert_int_ne(fc_date_from_ymd(2000, 2, 29), FC_DATE_NONE);
	ck_assert_int_eq(fc_date_from_ymd(2023, 13, 1), FC_DATE_NONE);
	ck_assert_int_eq(fc_date_from_ymd(0, 1, 1), FC_DATE_NONE);
	for (fc_date x = fc_date_from_ymd(1, 1, 1);
	     x < fc_date_from_ymd(9999, 12, 31); x += 997) {
		fc_date_to_ymd(x, &y, &m, &d);
		ck_assert_int_eq(fc_date_from_ymd(y, m, d), x);
	}
	ck_assert_str_eq(fc_date_format(fc_date_from_ymd(2023, 11, 5), buf),
			 "2023-11-05");
	ck_assert_str_eq(fc_date_format(FC_DATE_NONE, buf), "-");
	ck_assert_int_eq(fc_date_parse_iso("2023-11-05", 10),
			 fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(fc_date_parse_iso("2023-11-5", 9), FC_DATE_NONE);
	ck_assert_int_eq(fc_date_parse_iso("2023/11/05", 10), FC_DATE_NONE);
	ck_assert_int_eq(fc_date_parse_format("05/11/2023", 10, "%d/%m/%Y"),
			 fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(fc_date_parse_format("Nov 5, 2023", 11, "%b %d, %Y"),
			 fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(fc_date_parse_format("5 November 2023", 15, "%d %b %Y"),
			 fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(fc_date_parse_format("2023-11-05T10:00:00Z", 20, NULL),
			 fc_date_from_ymd(2023, 11, 5));
	ck_assert_int_eq(fc_date_parse_format("5 Nov 2023x", 11, "%d %b %Y"),
			 FC_DATE_NONE);
	ck_assert_int_eq(fc_month_from_name("Sept", 4), 9);
	ck_assert_int_eq(fc_month_from_name("nov", 3), 11);
	ck_assert_int_eq(fc_month_from_name("no", 2), 0);
}
END_TEST

START_TEST(test_format_value)
{
	char b[64];

	ck_assert_str_eq(fc_format_value(9770, true, 2, b, sizeof(b)), "9,770");
	ck_assert_str_eq(fc_format_value(9770, false, 2, b, sizeof(b)), "9770");
	ck_assert_str_eq(fc_format_value(1234567, true, 2, b, sizeof(b)),
			 "1,234,567");
	ck_assert_str_eq(fc_format_value(-1400, true, 2, b, sizeof(b)), "-1,400");
	ck_assert_str_eq(fc_format_value(40.5, true, 2, b, sizeof(b)), "40.5");
	ck_assert_str_eq(fc_format_value(0.126, true, 2, b, sizeof(b)), "0.13");
	ck_assert_str_eq(fc_format_value(INFINITY, true, 2, b, sizeof(b)), "inf");
	ck_assert_str_eq(fc_format_value(0, true, 2, b, sizeof(b)), "0");
}
END_TEST

START_TEST(test_durations)
{
	double d;

	ck_assert(fc_parse_duration("90", &d) && d == 90);
	ck_assert(fc_parse_duration("30m", &d) && d == 1800);
	ck_assert(fc_parse_duration("6h", &d) && d == 21600);
	ck_assert(fc_parse_duration("2d", &d) && d == 172800);
	ck_assert(!fc_parse_duration("2w", &d));
	ck_assert(!fc_parse_duration("h", &d));
	ck_assert(!fc_parse_duration("-5", &d));
	ck_assert(!fc_parse_duration("5mm", &d));
}
END_TEST

START_TEST(test_atomic)
{
	char *dir = tu_tmpdir();
	char *path = tu_write(dir, "report.txt", "old contents\n");
	fc_atomic_file f;
	fc_error err;
	char *data;
	size_t len;

	/* An aborted write leaves the old file. */
	ck_assert_int_eq(fc_atomic_open(&f, path, &err), FC_OK);
	fputs("half a rep", f.fp);
	fc_atomic_abort(&f);
	ck_assert_int_eq(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	ck_assert_str_eq(data, "old contents\n");
	free(data);
	/* A committed one replaces it. */
	ck_assert_int_eq(fc_atomic_open(&f, path, &err), FC_OK);
	fputs("new report\n", f.fp);
	ck_assert_int_eq(fc_atomic_commit(&f, &err), FC_OK);
	ck_assert_int_eq(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	ck_assert_str_eq(data, "new report\n");
	free(data);
	/* Nothing else is left in the folder. */
	{
		char *cmd = fc_asprintf("test $(ls '%s' | wc -l) -eq 1", dir);
		ck_assert_int_eq(system(cmd), 0);
		free(cmd);
	}
	/* A folder that does not exist is an error naming the file. */
	ck_assert_int_eq(fc_atomic_open(&f, "/nonexistent/dir/out.json", &err),
			 FC_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "/nonexistent/dir/out.json"));
	free(path);
	tu_rmdir(dir);
}
END_TEST

/* Writes `text` through fc_atomic_open and commits it. */
static fc_status write_report(const char *path, const char *text,
			      fc_error *err)
{
	fc_atomic_file f;
	fc_status rc = fc_atomic_open(&f, path, err);

	if (rc != FC_OK)
		return rc;
	fputs(text, f.fp);
	return fc_atomic_commit(&f, err);
}

/* Nothing in `dir` whose name holds ".tmp-". */
static bool no_temporaries(const char *dir)
{
	char *cmd = fc_asprintf("! ls -a '%s' | grep -q '\\.tmp-'", dir);
	bool ok = system(cmd) == 0;
	free(cmd);
	return ok;
}

/* A report written onto something that is not a regular file is written
 * into it; the node is never replaced by a file. */
START_TEST(test_atomic_special_files)
{
	char *dir = tu_tmpdir();
	char *real = tu_write(dir, "real.txt", "old\n");
	char *link = fc_asprintf("%s/link.txt", dir);
	char *chain = fc_asprintf("%s/chain.txt", dir);
	char *dangling = fc_asprintf("%s/dangling.txt", dir);
	char *fifo = fc_asprintf("%s/fifo", dir);
	char *dev = fc_asprintf("%s/null", dir);
	char *data;
	size_t len;
	struct stat st;
	fc_error err;
	pid_t pid;
	int status;

	/* Through a link, and a chain of them: the target is written, the
	 * links stay links. */
	ck_assert_int_eq(symlink("real.txt", link), 0);
	ck_assert_int_eq(symlink(link, chain), 0);
	ck_assert_int_eq(write_report(chain, "via a chain\n", &err), FC_OK);
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(lstat(chain, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(fc_read_file(real, 0, &data, &len, &err), FC_OK);
	ck_assert_str_eq(data, "via a chain\n");
	free(data);
	/* A replaced file keeps its permissions. */
	ck_assert_int_eq(chmod(real, 0600), 0);
	ck_assert_int_eq(write_report(link, "private\n", &err), FC_OK);
	ck_assert_int_eq(stat(real, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	/* A dangling link: its target is created. */
	ck_assert_int_eq(symlink("new.txt", dangling), 0);
	ck_assert_int_eq(write_report(dangling, "created\n", &err), FC_OK);
	ck_assert_int_eq(lstat(dangling, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(stat(dangling, &st), 0);
	ck_assert(S_ISREG(st.st_mode));

	/* A FIFO: written into, with a reader at the other end. */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char buf[64] = {0};
		FILE *r = fopen(fifo, "r");
		size_t n = r ? fread(buf, 1, sizeof(buf) - 1, r) : 0;
		_exit(n == 12 && strcmp(buf, "to the fifo\n") == 0 ? 0 : 1);
	}
	ck_assert_int_eq(write_report(fifo, "to the fifo\n", &err), FC_OK);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));

	/* A character device (a null device made here, never /dev's): when
	 * mknod is allowed, that is, as root. */
	if (mknod(dev, S_IFCHR | 0666, makedev(1, 3)) == 0) {
		ck_assert_int_eq(write_report(dev, "into the device\n", &err),
				 FC_OK);
		ck_assert_int_eq(lstat(dev, &st), 0);
		ck_assert_msg(S_ISCHR(st.st_mode),
			      "the device was replaced by a file");
	} else {
		fprintf(stderr, "test_atomic_special_files: mknod is not "
				"allowed here (not root); the character device "
				"case is skipped\n");
	}
	/* A folder is an error, not a place to write. */
	ck_assert_int_eq(write_report(dir, "x", &err), FC_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "is a folder"));
	ck_assert(no_temporaries(dir));
	free(link);
	free(chain);
	free(dangling);
	free(fifo);
	free(dev);
	free(real);
	tu_rmdir(dir);
}
END_TEST

/* A signal that ends the process while a report is written (SIGINT, as
 * Ctrl-C sends) leaves no temporary file, and the old report intact. */
START_TEST(test_atomic_signal)
{
	char *dir = tu_tmpdir();
	char *path = tu_write(dir, "report.html", "old report\n");
	static const int sigs[] = {SIGINT, SIGTERM, SIGPIPE};
	char *data;
	size_t len;
	fc_error err;

	for (size_t i = 0; i < FC_ARRAY_LEN(sigs); i++) {
		int status;
		pid_t pid = fork();

		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			fc_atomic_file f, g;
			fc_tmpfiles_install_handler();
			if (fc_atomic_open(&f, path, &err) != FC_OK ||
			    fc_atomic_open(&g, path, &err) != FC_OK)
				_exit(3);
			for (int k = 0; k < 100000; k++)
				fputs("<p>half a report</p>\n", f.fp);
			fflush(f.fp);
			raise(sigs[i]);
			_exit(4); /* not reached */
		}
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
			      "signal %d: the child did not die of it", sigs[i]);
		ck_assert_msg(no_temporaries(dir),
			      "signal %d left a temporary file", sigs[i]);
		ck_assert_int_eq(fc_read_file(path, 0, &data, &len, &err),
				 FC_OK);
		ck_assert_str_eq(data, "old report\n");
		free(data);
	}
	free(path);
	tu_rmdir(dir);
}
END_TEST

/* Names are shown as they are when printable, escaped otherwise. */
START_TEST(test_display_name)
{
	static const char *const cases[][2] = {
	    {"drafts/a.md", "drafts/a.md"},
	    {"d\xc3\xa9j\xc3\xa0 vu \xe2\x80\x94 \xf0\x9f\x93\xb0.md",
	     "d\xc3\xa9j\xc3\xa0 vu \xe2\x80\x94 \xf0\x9f\x93\xb0.md"},
	    {"a\\b.md", "a\\b.md"},
	    {"a\nb.md", "a\\nb.md"},
	    {"a\r\tb\\c.md", "a\\r\\tb\\\\c.md"},
	    {"esc\033[31m.md", "esc\\x1b[31m.md"},
	    {"del\x7f.md", "del\\x7f.md"},
	    {"bad\xff.md", "bad\\xff.md"},
	    {"cut\xc3", "cut\\xc3"},
	    {"over\xc0\xaf.md", "over\\xc0\\xaf.md"},
	    {"c1\xc2\x9b.md", "c1\\u009b.md"},
	    {"rlo\xe2\x80\xaetxt.md", "rlo\\u202etxt.md"},
	    {"ls\xe2\x80\xa8.md", "ls\\u2028.md"},
	};

	for (size_t i = 0; i < FC_ARRAY_LEN(cases); i++) {
		char *d = fc_display_name(cases[i][0]);
		ck_assert_msg(d && strcmp(d, cases[i][1]) == 0,
			      "case %zu: '%s', expected '%s'", i, d, cases[i][1]);
		ck_assert_uint_eq(fc_utf8_check(d, strlen(d)), strlen(d));
		free(d);
	}
}
END_TEST

START_TEST(test_read_file)
{
	char *data;
	size_t len;
	fc_error err;
	char *dir = tu_tmpdir();
	char *path = tu_write(dir, "big.txt", "0123456789");

	ck_assert_int_eq(fc_read_file(path, 5, &data, &len, &err), FC_ERR_LIMIT);
	ck_assert_ptr_nonnull(strstr(err.msg, "big.txt"));
	ck_assert_int_eq(fc_read_file(dir, 0, &data, &len, &err), FC_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "folder"));
	ck_assert_int_eq(fc_read_file("/no/such/file", 0, &data, &len, &err),
			 FC_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "/no/such/file"));
	free(path);
	tu_rmdir(dir);
}
END_TEST

static const struct {
	const char *text;
	const char *at;       /* a substring inside the wanted sentence */
	const char *sentence; /* the sentence expected */
} sentence_cases[] = {
    {"The toll rose to 9,770. The ministry said so.", "9,770",
     "The toll rose to 9,770."},
    {"The toll rose to 9,770. The ministry said so.", "ministry",
     "The ministry said so."},
    {"Officials met on Nov. 5 in Ramallah. Talks ended.", "Ramallah",
     "Officials met on Nov. 5 in Ramallah."},
    {"The U.S. envoy said 1.4 million people fled. Aid came.", "1.4",
     "The U.S. envoy said 1.4 million people fled."},
    {"Dr. Smith said 40 died! Others said 50.", "40", "Dr. Smith said 40 died!"},
    {"Headline about Gaza\nThe body text says 12 people.", "12",
     "The body text says 12 people."},
    {"a wrapped line that\ncontinues with 12 people here.", "12",
     "a wrapped line that\ncontinues with 12 people here."},
    {"\"We counted 300,\" he said. Next.", "300",
     "\"We counted 300,\" he said."},
    {"First para.\n\nSecond para has 7 items", "7",
     "Second para has 7 items"},
    /* A letter glued to a figure or after a non-ASCII letter ends a
     * sentence; a lone capital is an initial. */
    {"The survey cost \xc2\xa3" "28m. In 1990, it had 5 staff.", "5",
     "In 1990, it had 5 staff."},
    {"Lows reach minus 4C. In May, 30 farms shut.", "30",
     "In May, 30 farms shut."},
    {"The mill closed in the 1960s. By 2001, 12 remained.", "12",
     "By 2001, 12 remained."},
    {"The fleet has two A320s. Since then, 9 more came.", "9",
     "Since then, 9 more came."},
    {"It was written by Maja Engstr\xc3\xb6m. In all, 44 signed.", "44",
     "In all, 44 signed."},
    {"Written by Maja J. Holm, 44 signed.", "44",
     "Written by Maja J. Holm, 44 signed."},
};

START_TEST(test_sentences)
{
	const char *t = sentence_cases[_i].text;
	size_t off = (size_t)(strstr(t, sentence_cases[_i].at) - t), s, e;

	fc_sentence_at(t, strlen(t), off, &s, &e);
	ck_assert_uint_eq(e - s, strlen(sentence_cases[_i].sentence));
	ck_assert_int_eq(strncmp(t + s, sentence_cases[_i].sentence, e - s), 0);
}
END_TEST

/* The sentence index gives what fc_sentence_at gives, at every offset:
 * of each table case, and of texts pieced together at random from
 * fragments thick with the splitter's hard cases (abbreviations,
 * initials, figures, line breaks, quotes, headings). */
static void same_sentences(const char *t, size_t len)
{
	fc_sentence_index ix;

	ck_assert_int_eq(fc_sentence_index_build(t, len, &ix), FC_OK);
	for (size_t off = 0; off <= len + 1; off++) {
		size_t s1, e1, s2, e2;
		fc_sentence_at(t, len, off, &s1, &e1);
		fc_sentence_index_at(&ix, t, off, &s2, &e2);
		if (s1 != s2 || e1 != e2)
			ck_abort_msg("offset %zu of \"%.*s\": scan [%zu, %zu), "
				     "index [%zu, %zu)",
				     off, (int)len, t, s1, e1, s2, e2);
	}
	fc_sentence_index_free(&ix);
}

START_TEST(test_sentence_index)
{
	static const char *const frag[] = {
	    "The toll rose to 9,770. ", "Mr. Smith said so. ", "U.S. ",
	    "officials ", "in Nov. 5 ", "\n", "\n\n", "Ceasefire talks stall\n",
	    "As of\n", "J. Holm ", "\"It ended.\" ", "1.4 million ", "What? ",
	    "Yes! ", "(Gaza.) ", "- a list item\n", "killed in\n", "  ",
	    "\xe2\x80\x9cQuoted.\xe2\x80\x9d ", "4C. ", "e.g. ", "...", ".",
	    "a", "A", "3", "\r\n", "\t"};
	char buf[400];
	unsigned seed = 12345;

	for (size_t i = 0; i < FC_ARRAY_LEN(sentence_cases); i++)
		same_sentences(sentence_cases[i].text,
			       strlen(sentence_cases[i].text));
	same_sentences("", 0);
	for (int round = 0; round < 3000; round++) {
		size_t n = 0;
		int parts;
		seed = seed * 1103515245u + 12345u;
		parts = 1 + (int)(seed >> 16) % 14;
		for (int k = 0; k < parts; k++) {
			const char *f;
			seed = seed * 1103515245u + 12345u;
			f = frag[(seed >> 16) % FC_ARRAY_LEN(frag)];
			if (n + strlen(f) >= sizeof(buf))
				break;
			memcpy(buf + n, f, strlen(f));
			n += strlen(f);
		}
		buf[n] = 0;
		same_sentences(buf, n);
	}
}
END_TEST

START_TEST(test_arena)
{
	fc_arena a = {0};
	char *s = NULL;

	for (int i = 0; i < 5000; i++) {
		s = fc_arena_printf(&a, "string number %d", i);
		ck_assert_ptr_nonnull(s);
	}
	ck_assert_str_eq(s, "string number 4999");
	ck_assert_ptr_nonnull(fc_arena_alloc(&a, 100000));
	ck_assert_ptr_null(fc_arena_strdup(&a, NULL));
	fc_arena_free(&a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_buf);
	tcase_add_loop_test(tc, test_utf8, 0,
			    (int)FC_ARRAY_LEN(utf8_cases));
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_format_value);
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_display_name);
	tcase_add_test(tc, test_atomic);
	tcase_add_test(tc, test_atomic_special_files);
	tcase_add_test(tc, test_atomic_signal);
	tcase_add_test(tc, test_read_file);
	tcase_add_loop_test(tc, test_sentences, 0,
			    (int)FC_ARRAY_LEN(sentence_cases));
	tcase_add_test(tc, test_sentence_index);
	tcase_add_test(tc, test_arena);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tu_run(suite());
}
