/*
 * main.c: the figcheck program, a thin front end over libfigcheck.
 */
#include "config.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baseline.h"
#include "cli.h"
#include "dates.h"
#include "document.h"
#include "engine.h"
#include "inputs.h"
#include "paths.h"
#include "spool.h"
#include "util.h"
#include "verify.h"

static const char usage_text[] =
    "Usage: figcheck [check] [OPTION]... PATH...\n"
    "       figcheck numbers [--format text|jsonl] FILE|-\n"
    "       figcheck claims [--explain] [OPTION]... FILE|-\n"
    "       figcheck plugins [-v]\n"
    "       figcheck sources [--refresh]\n"
    "       figcheck rules test [PACK]...\n"
    "\n"
    "Options may come before or after the command.\n"
    "\n"
    "Finds the numeric claims in drafts and checks them against dated\n"
    "reference records. PATH is a file, a folder (searched for .md,\n"
    ".markdown, .txt, .html and .htm files) or - for standard input.\n"
    "\n"
    "Options:\n"
    "  -c, --config FILE       configuration (default: the nearest\n"
    "                          .figcheck.json from here upward)\n"
    "  -d, --date YYYY-MM-DD   the as-of date of every document\n"
    "  -f, --format NAME       output format: text (default), json, or any\n"
    "                          reporter plugin; may be given several times\n"
    "  -o, --output FILE       write the preceding --format to FILE\n"
    "      --include GLOB      in folders, read only the files matching GLOB\n"
    "                          (repeatable; default: the extensions above)\n"
    "      --exclude GLOB      skip the files and folders matching GLOB\n"
    "                          (repeatable)\n"
    "      --stdin-filename NAME  the name of standard input in reports; its\n"
    "                          extension decides the format\n"
    "      --input-format FMT  read every input as text, markdown or html\n"
    "      --follow-symlinks   in folders, also follow symbolic links that\n"
    "                          lead out of the folder (not followed by\n"
    "                          default, and named in a warning)\n"
    "      --baseline FILE     accept the findings whose fingerprints FILE\n"
    "                          holds: not reported, not failing the run\n"
    "      --write-baseline FILE  write the fingerprints of the findings at\n"
    "                          or above --fail-on to FILE, and accept them\n"
    "  -j, --jobs N            check N documents at a time (0: one per\n"
    "                          processor; default 1)\n"
    "      --fail-on VERDICT   exit 1 when a finding is this grave or worse:\n"
    "                          ok, unchecked, unverified, understated,\n"
    "                          overstated, outdated (default), discrepancy,\n"
    "                          never\n"
    "      --plugin-dir DIR    look for plugins in DIR first (repeatable)\n"
    "      --number-locale L   en (1,234.5; default) or de (1.234,5)\n"
    "      --round POLICY      how 10,000 is read: auto (default), exact or\n"
    "                          last-nonzero\n"
    "      --show-unchecked    list every figure no rule bound, as findings\n"
    "      --explain           (claims) show how each figure was read\n"
    "      --cache-dir DIR     where fetched reference data is cached\n"
    "      --offline           use cached reference data only\n"
    "      --refresh           revalidate every cached source\n"
    "  -q, --quiet             print errors only\n"
    "  -v, --verbose           print progress and debug messages\n"
    "  -h, --help              show this help and exit\n"
    "  -V, --version           show the version and exit\n"
    "\n"
    "Exit status: 0 nothing at or above --fail-on; 1 findings at or above\n"
    "it; 2 a usage, configuration or input error.\n";

static void usage_error(const char *fmt, ...) FC_PRINTF(1, 2);

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "figcheck: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'figcheck --help' for more information.\n");
}

/* The options shared by the commands that open an engine. */
typedef struct cli {
	fc_engine_options eo;
	const char *plugin_dirs[32];
	const char *formats[16];
	const char *outputs[16];
	size_t n_outputs;
	bool verbose_plugins;
	/* check's inputs and baseline */
	const char *includes[64];
	size_t n_include;
	const char *excludes[64];
	size_t n_exclude;
	const char *stdin_name;  /* --stdin-filename */
	int input_format;        /* --input-format, or -1 */
	const char *baseline;    /* --baseline */
	const char *write_baseline; /* --write-baseline */
	unsigned jobs;           /* -j; 0: one per processor */
	bool follow_symlinks;    /* --follow-symlinks */
} cli;

enum {
	OPT_FAIL_ON = 256,
	OPT_PLUGIN_DIR,
	OPT_LOCALE,
	OPT_ROUND,
	OPT_CACHE_DIR,
	OPT_OFFLINE,
	OPT_REFRESH,
	OPT_INCLUDE,
	OPT_EXCLUDE,
	OPT_STDIN_FILENAME,
	OPT_INPUT_FORMAT,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_FOLLOW_SYMLINKS,
	OPT_SHOW_UNCHECKED,
	OPT_EXPLAIN
};

static const struct option long_opts[] = {
    {"config", required_argument, NULL, 'c'},
    {"date", required_argument, NULL, 'd'},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
    {"number-locale", required_argument, NULL, OPT_LOCALE},
    {"round", required_argument, NULL, OPT_ROUND},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"offline", no_argument, NULL, OPT_OFFLINE},
    {"refresh", no_argument, NULL, OPT_REFRESH},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"follow-symlinks", no_argument, NULL, OPT_FOLLOW_SYMLINKS},
    {"show-unchecked", no_argument, NULL, OPT_SHOW_UNCHECKED},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static const char *did_you_mean(const char *word, bool option);

/* Parses the options; returns -1 to go on, or an exit code. */
static int parse_options(cli *c, int argc, char **argv)
{
	int ch;

	optind = 0;
	opterr = 0; /* said below, with a suggestion */
	c->input_format = -1;
	c->jobs = 1;
	while ((ch = getopt_long(argc, argv, ":c:d:f:o:j:qvhV", long_opts,
				 NULL)) != -1) {
		switch (ch) {
		case 'c':
			c->eo.config_path = optarg;
			break;
		case OPT_SHOW_UNCHECKED:
			c->eo.show_unchecked = 1;
			break;
		case OPT_EXPLAIN:
			c->eo.explain = true;
			break;
		case 'd':
			c->eo.date = fc_date_parse_iso(optarg, strlen(optarg));
			if (c->eo.date == FC_DATE_NONE) {
				usage_error("--date: '%s' is not a date; write "
					    "YYYY-MM-DD",
					    optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case 'f':
			if (c->n_outputs == FC_ARRAY_LEN(c->formats)) {
				usage_error("too many --format options (at most "
					    "16)%s",
					    "");
				return FC_EXIT_ERROR;
			}
			c->formats[c->n_outputs] = optarg;
			c->outputs[c->n_outputs] = "-";
			c->n_outputs++;
			break;
		case 'o':
			if (c->n_outputs == 0) {
				c->formats[0] = "text";
				c->n_outputs = 1;
			}
			c->outputs[c->n_outputs - 1] = optarg;
			break;
		case OPT_FAIL_ON: {
			fc_verdict v;
			if (!fc_verdict_parse(optarg, &v)) {
				usage_error("--fail-on: '%s' is not a verdict "
					    "(ok, unchecked, unverified, "
					    "understated, overstated, outdated, "
					    "discrepancy, never)",
					    optarg);
				return FC_EXIT_ERROR;
			}
			c->eo.fail_on = (int)v;
			break;
		}
		case OPT_PLUGIN_DIR:
			if (c->eo.n_plugin_dirs == FC_ARRAY_LEN(c->plugin_dirs)) {
				usage_error("too many --plugin-dir options%s", "");
				return FC_EXIT_ERROR;
			}
			c->plugin_dirs[c->eo.n_plugin_dirs++] = optarg;
			break;
		case OPT_LOCALE: {
			fc_num_locale l;
			if (!fc_locale_parse(optarg, &l)) {
				usage_error("--number-locale: '%s' is not en or de",
					    optarg);
				return FC_EXIT_ERROR;
			}
			c->eo.locale = (int)l;
			break;
		}
		case OPT_ROUND:
			{
				fc_round_policy rp;
				if (!fc_round_policy_parse(optarg, &rp)) {
					usage_error("--round: '%s' is not auto, "
						    "exact or last-nonzero",
						    optarg);
					return FC_EXIT_ERROR;
				}
				c->eo.round = (int)rp;
			}
			break;
		case OPT_CACHE_DIR:
			c->eo.cache_dir = optarg;
			break;
		case OPT_OFFLINE:
			c->eo.offline = true;
			break;
		case OPT_REFRESH:
			c->eo.refresh = true;
			break;
		case OPT_INCLUDE:
		case OPT_EXCLUDE: {
			bool inc = ch == OPT_INCLUDE;
			size_t *n = inc ? &c->n_include : &c->n_exclude;
			if (*n == FC_ARRAY_LEN(c->includes) || !optarg[0]) {
				usage_error("--%s: %s", inc ? "include" : "exclude",
					    optarg[0] ? "too many globs (at most 64)"
						      : "the glob is empty");
				return FC_EXIT_ERROR;
			}
			(inc ? c->includes : c->excludes)[(*n)++] = optarg;
			break;
		}
		case OPT_STDIN_FILENAME:
			c->stdin_name = optarg;
			break;
		case OPT_INPUT_FORMAT: {
			fc_doc_format f;
			if (!fc_format_parse(optarg, &f)) {
				usage_error("--input-format: '%s' is not text, "
					    "markdown or html",
					    optarg);
				return FC_EXIT_ERROR;
			}
			c->input_format = (int)f;
			break;
		}
		case OPT_BASELINE:
			c->baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			c->write_baseline = optarg;
			break;
		case OPT_FOLLOW_SYMLINKS:
			c->follow_symlinks = true;
			break;
		case 'j': {
			char *end;
			unsigned long j;
			errno = 0;
			j = strtoul(optarg, &end, 10);
			if (errno || end == optarg || *end || optarg[0] == '-' ||
			    j > 1024) {
				usage_error("--jobs: '%s' is not a number of "
					    "threads from 0 (one per processor) "
					    "to 1024",
					    optarg);
				return FC_EXIT_ERROR;
			}
			c->jobs = (unsigned)j;
			break;
		}
		case 'q':
			c->eo.logger.max_level = FC_LOG_ERROR;
			break;
		case 'v':
			c->eo.logger.max_level = FC_LOG_DEBUG;
			c->verbose_plugins = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return FC_EXIT_OK;
		case 'V':
			printf("figcheck %s (plugin ABI %d)\n", PACKAGE_VERSION,
			       FC_PLUGIN_ABI);
			return FC_EXIT_OK;
		case ':':
			usage_error("option '%s' needs an argument",
				    argv[optind - 1]);
			return FC_EXIT_ERROR;
		default: {
			const char *bad = argv[optind - 1];
			const char *m = strncmp(bad, "--", 2) == 0
					    ? did_you_mean(bad + 2, true)
					    : NULL;
			if (strncmp(bad, "--", 2) != 0)
				usage_error("unknown option '-%c'", optopt);
			else if (m)
				usage_error("unknown option '%s'; did you mean "
					    "'--%s'?",
					    bad, m);
			else
				usage_error("unknown option '%s'", bad);
			return FC_EXIT_ERROR;
		}
		}
	}
	c->eo.plugin_dirs = c->plugin_dirs;
	return -1;
}

static int open_engine(cli *c, fc_engine **eng)
{
	fc_error err;

	fc_error_clear(&err);
	if (fc_engine_open(&c->eo, eng, &err) != FC_OK) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		return FC_EXIT_ERROR;
	}
	return -1;
}

static int start_engine(fc_engine *eng, unsigned what)
{
	fc_error err;

	fc_error_clear(&err);
	if (fc_engine_start(eng, what, &err) != FC_OK) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		return FC_EXIT_ERROR;
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Commands. */

/* The include and exclude globs: the configuration's "inputs", then the
 * command line's (--include replaces the configuration's includes;
 * --exclude adds to its excludes). */
static fc_status input_globs(const cli *c, const fc_engine *eng,
			     fc_globs *include, fc_globs *exclude, fc_error *err)
{
	const fc_config *cfg = fc_engine_config(eng);
	fc_status rc = fc_inputs_config(cfg->root, cfg->path, include, exclude,
					err);

	if (rc != FC_OK)
		return rc;
	if (c->n_include)
		fc_globs_free(include);
	for (size_t i = 0; i < c->n_include && rc == FC_OK; i++)
		rc = fc_globs_add(include, c->includes[i]);
	for (size_t i = 0; i < c->n_exclude && rc == FC_OK; i++)
		rc = fc_globs_add(exclude, c->excludes[i]);
	if (rc != FC_OK)
		return fc_error_set(err, rc, "out of memory");
	return FC_OK;
}

/* What `figcheck check` does with each document once it is checked, in
 * the order of the inputs: say why it could not be read, apply the
 * baseline, note whether it fails the run, and keep what the reports
 * need on disk (spool.h), so that the run does not keep it in memory. */
typedef struct check_sink {
	const cli *c;
	fc_engine *eng;
	fc_spool *spool;
	fc_baseline *bl;            /* --baseline, or NULL */
	fc_baseline_entries *mine;  /* --write-baseline's lines, or NULL */
	size_t accepted;            /* findings the baseline accepted */
	bool failed;                /* a finding at or above --fail-on */
	bool input_error;           /* a document could not be checked */
	const fc_inputs *in;
} check_sink;

static fc_status take_result(void *ud, size_t i, fc_doc_result *r,
			     const char *error, fc_error *err)
{
	check_sink *cs = ud;
	fc_verdict fail_on = fc_engine_fail_on(cs->eng);
	fc_status rc;

	if (error) {
		fc_log(fc_engine_logger(cs->eng), FC_LOG_ERROR, NULL, "%s",
		       error);
		cs->input_error = true;
	}
	if (r && cs->mine) {
		/* The run's own failing findings are its baseline: written,
		 * and accepted. */
		if (fc_baseline_entries_add(cs->mine, r, fail_on) != FC_OK) {
			fc_doc_result_free(r);
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		}
		cs->accepted += fc_baseline_accept_own(r, fail_on);
	} else if (r && cs->bl) {
		cs->accepted += fc_baseline_filter(cs->bl, r);
	}
	for (size_t k = 0; r && k < r->n_findings; k++)
		if (r->findings[k].verdict >= fail_on)
			cs->failed = true;
	/* The spool takes the result. */
	rc = fc_spool_add(cs->spool, r, cs->in->items[i].name, error, err);
	return rc;
}

/* Writes the baseline if asked to, and says what the baseline did.
 * Returns FC_EXIT_ERROR on failure, else -1. */
static int finish_baseline(const check_sink *cs)
{
	bool notes = fc_engine_logger(cs->eng)->max_level >= FC_LOG_WARNING;
	const cli *c = cs->c;
	fc_error err;

	fc_error_clear(&err);
	if (cs->mine) {
		size_t n = fc_baseline_entries_count(cs->mine);
		if (fc_baseline_entries_write(cs->mine, c->write_baseline,
					      &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			return FC_EXIT_ERROR;
		}
		if (notes)
			fprintf(stderr,
				"figcheck: wrote %zu fingerprint%s to %s; runs "
				"with --baseline %s accept those findings\n",
				n, n == 1 ? "" : "s", c->write_baseline,
				c->write_baseline);
		return -1;
	}
	if (notes && cs->bl) {
		size_t unused = fc_baseline_unused(cs->bl);
		fprintf(stderr, "figcheck: %zu finding%s accepted by the baseline "
				"%s",
			cs->accepted, cs->accepted == 1 ? "" : "s", c->baseline);
		if (unused)
			fprintf(stderr,
				"; %zu of its %zu entries match no finding any "
				"more (fixed?): rewrite it with --write-baseline",
				unused, fc_baseline_size(cs->bl));
		fputc('\n', stderr);
	}
	return -1;
}

/* A logger for a terminal that may show the progress line: each message
 * first clears that line, under stderr's lock so that the line is not
 * redrawn halfway. `ud` is the logger that writes the message. */
static void clearing_log(void *ud, fc_log_level level, const char *who,
			 const char *msg)
{
	const fc_logger *inner = ud;

	flockfile(stderr);
	fputs("\r\033[K", stderr);
	inner->fn(inner->ud, level, who, msg);
	funlockfile(stderr);
}

/* Says which links of the folder walks were not followed: each, with
 * where it points, in a debug message; their names in a warning that
 * every report shows (not where they point: a report may be
 * published). */
static fc_status warn_skipped_links(fc_engine *eng, const fc_inputs *in)
{
	fc_buf names = {0};
	size_t shown = in->n_skipped < 10 ? in->n_skipped : 10;
	fc_status rc;

	for (size_t i = 0; i < in->n_skipped; i++) {
		fc_log(fc_engine_logger(eng), FC_LOG_DEBUG, NULL,
		       "%s: a symbolic link to %s, outside the folder; not "
		       "followed",
		       in->skipped[i], in->skipped_to[i]);
		if (i < shown)
			fc_buf_printf(&names, "%s%s", i ? ", " : "",
				      in->skipped[i]);
	}
	if (in->n_skipped > shown)
		fc_buf_printf(&names, " and %zu more", in->n_skipped - shown);
	if (!names.data)
		return FC_ERR_NOMEM;
	rc = fc_engine_warn(eng,
			    "%zu symbolic link%s in the folders checked lead%s "
			    "out of them and %s not read: %s; --follow-symlinks "
			    "reads them",
			    in->n_skipped, in->n_skipped == 1 ? "" : "s",
			    in->n_skipped == 1 ? "s" : "",
			    in->n_skipped == 1 ? "was" : "were", names.data);
	fc_buf_free(&names);
	return rc;
}

static int run_check(cli *cp, fc_engine *eng, int n, char **args)
{
	cli c = *cp;
	fc_inputs in = {0};
	fc_globs include = {0}, exclude = {0};
	fc_input_options io;
	fc_run_options ro;
	fc_baseline *bl = NULL;
	check_sink cs;
	fc_error err;
	int ret, status = FC_EXIT_OK;

	memset(&cs, 0, sizeof(cs));
	if (c.n_outputs == 0) {
		c.formats[0] = "text";
		c.outputs[0] = "-";
		c.n_outputs = 1;
	}

	/* What to read: everything is known before any source is fetched. */
	fc_error_clear(&err);
	memset(&io, 0, sizeof(io));
	if (input_globs(&c, eng, &include, &exclude, &err) == FC_OK) {
		io.include = (const char *const *)include.items;
		io.n_include = include.n;
		io.exclude = (const char *const *)exclude.items;
		io.n_exclude = exclude.n;
		io.stdin_name = c.stdin_name;
		io.follow_symlinks = c.follow_symlinks;
		fc_inputs_collect(&in, (const char *const *)args, (size_t)n,
				  &io, &err);
	}
	if (err.code == FC_OK && in.n_skipped &&
	    warn_skipped_links(eng, &in) != FC_OK)
		fc_error_set(&err, FC_ERR_NOMEM, "out of memory");
	if (err.code == FC_OK && c.baseline)
		fc_baseline_load(c.baseline, &bl, &err);
	if (err.code == FC_OK && c.write_baseline &&
	    fc_baseline_entries_new(&cs.mine) != FC_OK)
		fc_error_set(&err, FC_ERR_NOMEM, "out of memory");
	if (err.code == FC_OK)
		fc_spool_new(&cs.spool, &err);
	if (err.code != FC_OK) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		ret = FC_EXIT_ERROR;
		goto out;
	}
	if ((ret = start_engine(eng, FC_START_CHECKERS | FC_START_FETCH)) >= 0)
		goto out;

	/* Check every document, -j at a time; each goes to the spool as
	 * soon as the ones before it have, and leaves memory. */
	memset(&ro, 0, sizeof(ro));
	ro.jobs = c.jobs ? c.jobs : fc_cpu_count();
	ro.progress = in.n > 1 && isatty(STDERR_FILENO) &&
		      fc_engine_logger(eng)->max_level >= FC_LOG_WARNING;
	if (c.input_format >= 0) {
		ro.doc.format = (fc_doc_format)c.input_format;
		ro.doc.format_set = true;
	}
	cs.c = &c;
	cs.eng = eng;
	cs.bl = bl;
	cs.in = &in;
	if (fc_inputs_check_each(eng, &in, &ro, take_result, &cs, &err) !=
	    FC_OK) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		ret = FC_EXIT_ERROR;
		goto out;
	}
	if (cs.input_error)
		status = FC_EXIT_ERROR;

	/* The baseline first, then the reports, from the spool. */
	if ((ret = finish_baseline(&cs)) >= 0)
		goto out;
	for (size_t k = 0; k < c.n_outputs; k++) {
		fc_error_clear(&err);
		if (fc_spool_report(cs.spool, eng, c.formats[k], c.outputs[k],
				    &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			status = FC_EXIT_ERROR;
		}
	}
	ret = status != FC_EXIT_OK		   ? status
	      : cs.failed || fc_engine_run_failed(eng) ? FC_EXIT_FINDINGS
						   : FC_EXIT_OK;
out:
	fc_spool_free(cs.spool);
	fc_baseline_entries_free(cs.mine);
	fc_baseline_free(bl);
	fc_inputs_free(&in);
	fc_globs_free(&include);
	fc_globs_free(&exclude);
	return ret;
}

/* Prints one line about a claim: its metric (or "(unbound)"), text,
 * qualifier, interval and rule, attribution and its own date. */
static void print_claim(const char *path, unsigned line, unsigned col,
			const char *text, const fc_claim *cl)
{
	char lo[64], hi[64], d[11];

	fc_format_value(cl->number.low, false, 6, lo, sizeof(lo));
	fc_format_value(cl->number.high, false, 6, hi, sizeof(hi));
	printf("%s:%u:%u: %s \"%s\" %s %c%s, %s%c %s%s%s%s", path, line, col,
	       cl->metric ? cl->metric : "(unbound)", text,
	       fc_qualifier_name(cl->number.qualifier),
	       cl->number.low_open ? '(' : '[', lo, hi,
	       cl->number.high_open ? ')' : ']', cl->rule_id,
	       cl->attribution ? " attributed to \"" : "",
	       cl->attribution ? cl->attribution : "",
	       cl->attribution ? "\"" : "");
	if (cl->as_of != FC_DATE_NONE)
		printf(" as of %s", fc_date_format(cl->as_of, d));
	if (cl->since != FC_DATE_NONE)
		printf(" since %s", fc_date_format(cl->since, d));
	if (cl->as_of_text)
		printf(" (\"%s\")", cl->as_of_text);
	if (cl->change != FC_CHANGE_NONE) {
		printf(" %s%s", fc_change_name(cl->change),
		       cl->change_dir > 0   ? " up"
		       : cl->change_dir < 0 ? " down"
					    : "");
		if (cl->ref_text)
			printf(" (\"%s\")", cl->ref_text);
		else if (cl->change <= FC_CHANGE_MULTIPLE)
			printf(" (no reference point)");
	}
	printf("\n");
}

/* Prints a claim and how it was read (claims --explain). */
static void explain_claim(const fc_document *doc, const fc_claim *cl)
{
	unsigned line, col;
	char *text = fc_strndup(doc->prose + cl->start, cl->end - cl->start);

	fc_document_position(doc, fc_document_map(doc, cl->start), &line,
			     &col);
	print_claim(doc->path, line, col, text ? text : "", cl);
	free(text);
	if (cl->explain) {
		const char *p = cl->explain;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			printf("  %.*s\n", (int)len, p);
			p += len + (e ? 1 : 0);
		}
	} else if (!cl->metric) {
		printf("  not bound: %s\n",
		       cl->unbound_reason ? cl->unbound_reason : "?");
	}
}

/* `figcheck claims --explain`: every figure of the document, and how
 * the checkers read it, or why nothing bound it. */
static void explain_document(const fc_doc_result *r)
{
	const fc_document *doc = r->doc;
	const fc_number_list *nums = fc_document_numbers(doc);
	size_t k = 0;

	for (size_t i = 0; i < nums->count; i++) {
		const fc_number *n = &nums->items[i];
		const fc_claim *cl = NULL;
		unsigned line, col;
		size_t ts = fc_document_map(doc, n->start);

		fc_document_position(doc, ts, &line, &col);
		/* Claims on no figure of the engine's ("doubled") come in
		 * their place. */
		for (; k < r->n_claims && r->claims[k].end <= n->start; k++)
			if (k == 0 || r->claims[k].start >= r->claims[k - 1].end)
				if (r->claims[k].number.kind == FC_NUM_MULTIPLE &&
				    (r->claims[k].number.flags & FC_NUMF_WORDS))
					explain_claim(doc, &r->claims[k]);
		if (k < r->n_claims && r->claims[k].start < n->end)
			cl = &r->claims[k];
		if (!fc_num_kind_is_quantity(n->kind)) {
			printf("%s:%u:%u: \"%.*s\" %s: not a quantity, never "
			       "checked\n",
			       doc->path, line, col, (int)(n->end - n->start),
			       doc->prose + n->start, fc_num_kind_name(n->kind));
			continue;
		}
		if (!cl) {
			printf("%s:%u:%u: \"%.*s\" %s: no checker read it\n",
			       doc->path, line, col, (int)(n->end - n->start),
			       doc->prose + n->start, fc_num_kind_name(n->kind));
			continue;
		}
		explain_claim(doc, cl);
	}
	for (; k < r->n_claims; k++)
		if (r->claims[k].number.kind == FC_NUM_MULTIPLE &&
		    (r->claims[k].number.flags & FC_NUMF_WORDS) &&
		    (nums->count == 0 ||
		     r->claims[k].start >= nums->items[nums->count - 1].end))
			explain_claim(doc, &r->claims[k]);
}

static int run_claims(cli *cp, fc_engine *eng, int n, char **args)
{
	const cli c = *cp;
	int ret = FC_EXIT_OK;

	for (int i = 0; i < n; i++) {
		fc_document *doc;
		fc_doc_result *r;
		fc_error err;
		char d[11];

		fc_error_clear(&err);
		if (fc_document_load(args[i], NULL, &doc, &err) != FC_OK ||
		    fc_engine_check(eng, doc, &r, &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			ret = FC_EXIT_ERROR;
			continue;
		}
		printf("%s: as of %s (from %s", r->doc->path,
		       fc_date_format(r->doc->date, d),
		       fc_date_origin_label(r->doc->date_origin));
		/* Which dateline, and where its year came from. */
		if (r->doc->date_origin == FC_DATE_FROM_DATELINE) {
			static const char *const year_from[] = {
			    "", ", the year from the configuration",
			    ", the year from the file's date",
			    ", the year from today's date"};
			fc_dateline dl;
			if (fc_document_dateline(r->doc,
						 fc_engine_config(eng)->year, &dl))
				printf(" \"%.*s\"%s",
				       (int)(dl.date_end - dl.start),
				       r->doc->prose + dl.start,
				       year_from[dl.year_from]);
		}
		printf(")\n");
		if (c.eo.explain) {
			explain_document(r);
			fc_doc_result_free(r);
			continue;
		}
		for (size_t k = 0; k < r->n_findings; k++) {
			const fc_finding *f = &r->findings[k];
			const fc_claim *cl = f->claim;
			char lo[64], hi[64];

			if (!cl)
				continue;
			fc_format_value(cl->number.low, false, 6, lo, sizeof(lo));
			fc_format_value(cl->number.high, false, 6, hi, sizeof(hi));
			printf("%s:%u:%u: %s \"%s\" %s %c%s, %s%c %s%s%s%s",
			       r->doc->path, f->line, f->col,
			       cl->metric ? cl->metric : "(unbound)", f->text,
			       fc_qualifier_name(cl->number.qualifier),
			       cl->number.low_open ? '(' : '[', lo, hi,
			       cl->number.high_open ? ')' : ']', cl->rule_id,
			       cl->attribution ? " attributed to \"" : "",
			       cl->attribution ? cl->attribution : "",
			       cl->attribution ? "\"" : "");
			/* The claim's own date, and the phrase that gave it. */
			if (cl->as_of != FC_DATE_NONE)
				printf(" as of %s", fc_date_format(cl->as_of, d));
			if (cl->since != FC_DATE_NONE)
				printf(" since %s", fc_date_format(cl->since, d));
			if (cl->as_of_text)
				printf(" (\"%s\")", cl->as_of_text);
			printf("\n");
		}
		fc_doc_result_free(r);
	}
	return ret;
}

static int run_plugins(cli *cp, fc_engine *eng, int n, char **args)
{
	const cli c = *cp;
	const fc_plugin_set *set;

	(void)args;
	if (n > 0) {
		usage_error("plugins: no operands expected, '%s' given", args[0]);
		return FC_EXIT_ERROR;
	}
	set = fc_engine_plugins(eng);
	printf("%-9s %-12s %-8s %-4s %s\n", "KIND", "NAME", "VERSION", "ABI",
	       "PATH");
	for (size_t i = 0; i < set->count; i++) {
		const fc_plugin *d = set->items[i].desc;
		printf("%-9s %-12s %-8s %-4u %s\n", fc_plugin_kind_name(d->kind),
		       d->name, d->version, d->abi, set->items[i].path);
		if (c.verbose_plugins) {
			if (d->description)
				printf("          %s\n", d->description);
			for (size_t k = 0; d->options && d->options[k].name; k++)
				printf("          option %s%s%s%s: %s\n",
				       d->options[k].name,
				       d->options[k].required ? " (required)" : "",
				       d->options[k].default_json ? ", default " : "",
				       d->options[k].default_json
					   ? d->options[k].default_json
					   : "",
				       d->options[k].help ? d->options[k].help : "");
		}
	}
	return FC_EXIT_OK;
}

/* How many metric keys `figcheck sources` lists without -v. */
#define SOURCES_SHOWN 8

/*
 * Prints what source `i` holds: "ok, 17,195 records, 1960 to 2024", then
 * its metric keys, the first SOURCES_SHOWN of them unless `all`, wrapped
 * at 80 columns.
 */
static fc_status print_source_records(const fc_engine *eng, size_t i, bool all)
{
	fc_store_summary sum;
	char n[32], a[11], b[11];
	size_t shown, col;

	if (fc_engine_source_summary(eng, i, &sum) != FC_OK)
		return FC_ERR_NOMEM;
	fc_format_value((double)sum.records, true, 0, n, sizeof(n));
	printf("  ok, %s record%s", n, sum.records == 1 ? "" : "s");
	if (sum.records)
		printf(", %s to %s",
		       fc_period_format(sum.first, sum.first_period, a),
		       fc_period_format(sum.last, sum.last_period, b));
	printf("\n");
	shown = all || sum.n_metrics <= SOURCES_SHOWN + 2 ? sum.n_metrics
							   : SOURCES_SHOWN;
	fc_format_value((double)sum.n_metrics, true, 0, n, sizeof(n));
	col = (size_t)printf("  %s metric%s:", n, sum.n_metrics == 1 ? "" : "s");
	for (size_t k = 0; k < shown; k++) {
		size_t w = strlen(sum.metrics[k]) + 2;
		if (col + w > 79) {
			printf("\n   ");
			col = 3;
		}
		col += (size_t)printf(" %s%s", sum.metrics[k],
				      k + 1 < sum.n_metrics ? "," : "");
	}
	if (shown < sum.n_metrics) {
		if (col + 40 > 79)
			printf("\n   ");
		printf(" ... and %zu more (-v lists them all)",
		       sum.n_metrics - shown);
	}
	printf("\n");
	fc_store_summary_free(&sum);
	return FC_OK;
}

static int run_sources(cli *cp, fc_engine *eng, int nargs, char **args)
{
	const cli c = *cp;
	const fc_source_info *info;
	size_t n;
	int ret = FC_EXIT_OK;

	if (nargs > 0) {
		usage_error("sources: no operands expected, '%s' given", args[0]);
		return FC_EXIT_ERROR;
	}
	info = fc_engine_sources(eng, &n);
	if (n == 0)
		printf("no sources configured\n");
	/* Per source: name, plugin and URL; ok or why not; the state of
	 * its cached copy and its age. */
	for (size_t i = 0; i < n; i++) {
		const char *st = info[i].cache_state ? info[i].cache_state
						     : "none";
		double a = info[i].cache_age;
		char age[32] = "";

		printf("%s (%s): %s\n", info[i].name, info[i].plugin,
		       info[i].url ? info[i].url : "-");
		if (info[i].ok) {
			if (print_source_records(eng, i, c.verbose_plugins) !=
			    FC_OK) {
				fprintf(stderr, "figcheck: error: out of memory\n");
				ret = FC_EXIT_ERROR;
				goto out;
			}
		} else {
			printf("  failed: %s\n", info[i].error);
			ret = FC_EXIT_FINDINGS;
		}
		if (a >= 0)
			snprintf(age, sizeof(age),
				 a < 120	? "%.0f s"
				 : a < 7200	? "%.0f min"
				 : a < 172800 ? "%.0f h"
						: "%.0f days",
				 a < 120	? a
				 : a < 7200	? a / 60
				 : a < 172800 ? a / 3600
						: a / 86400);
		if (strcmp(st, "local") == 0)
			printf("  cache: none (a local file)\n");
		else if (strcmp(st, "fetched") == 0)
			printf("  cache: fetched, a new copy stored\n");
		else if (strcmp(st, "revalidated") == 0)
			printf("  cache: revalidated, the server's copy has not "
			       "changed\n");
		else if (strcmp(st, "uncached") == 0)
			printf("  cache: not cached (no usable cache folder)\n");
		else if (strcmp(st, "stale") == 0)
			printf("  cache: stale, fetched %s ago (the server could "
			       "not be reached)\n",
			       age);
		else if (age[0])
			printf("  cache: %s, fetched %s ago\n", st, age);
		else
			printf("  cache: %s\n", st);
	}
out:
	return ret;
}

static int run_rules(cli *c, fc_engine *eng, int n, char **args)
{
	fc_error err;
	int k;

	(void)c;
	fc_error_clear(&err);
	k = fc_engine_selftest(eng, (const char *const *)args, (size_t)n, stdout,
			       &err);
	if (k < 0) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		return FC_EXIT_ERROR;
	}
	return k ? FC_EXIT_FINDINGS : FC_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Finding the command. */

/* A subcommand: its name and operands, what it needs of the engine, and
 * what it does. Its options are the shared ones, anywhere on the line
 * ("figcheck -v plugins" is "figcheck plugins -v"). */
typedef struct command {
	const char *name;
	const char *sub;   /* a word that must follow ("rules test"), or NULL */
	int (*run)(cli *c, fc_engine *eng, int n, char **args);
	unsigned start;    /* FC_START_* before run */
	bool operands;     /* needs at least one operand */
	const char *missing; /* says what to give when there is none */
} command;

static const command commands[] = {
    {"check", NULL, run_check, 0, true,
     "no drafts given; name a file, a folder, or - for standard input"},
    {"claims", NULL, run_claims, FC_START_CHECKERS, true,
     "claims: name a file, or - for standard input"},
    {"plugins", NULL, run_plugins, 0, false, NULL},
    {"sources", NULL, run_sources, FC_START_FETCH, false, NULL},
    {"rules", "test", run_rules, FC_START_CHECKERS, false, NULL},
    {"numbers", NULL, NULL, 0, false, NULL}, /* its own options */
};

/* The edit distance of two short words (insertions, deletions,
 * substitutions, and swaps of neighbours), capped at 9. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[33][33];

	if (la > 32 || lb > 32)
		return 9;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb] < 9 ? d[la][lb] : 9;
}

/* True if the long option `name` (without "--") takes an argument. */
static bool takes_argument(const char *name, size_t n)
{
	for (size_t i = 0; long_opts[i].name; i++)
		if (strlen(long_opts[i].name) == n &&
		    strncmp(long_opts[i].name, name, n) == 0)
			return long_opts[i].has_arg == required_argument;
	return false;
}

/* The index in argv of the first operand (not an option or an option's
 * argument), or argc. */
static int first_operand(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return i + 1 < argc ? i + 1 : argc;
		if (a[0] != '-' || a[1] == 0)
			return i;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			if (!eq && takes_argument(a + 2, strlen(a + 2)))
				i++;
		} else if (strchr("cdfoj", a[1]) && a[2] == 0) {
			i++;
		}
	}
	return argc;
}

/* Says which command or option `word` may be a misspelling of. */
static const char *did_you_mean(const char *word, bool option)
{
	const char *best = NULL;
	size_t bd = 3;

	if (option) {
		size_t n = strcspn(word, "=");
		char w[33];
		if (n > 32)
			return NULL;
		memcpy(w, word, n);
		w[n] = 0;
		for (size_t i = 0; long_opts[i].name; i++) {
			size_t d = edit_distance(w, long_opts[i].name);
			if (d < bd) {
				bd = d;
				best = long_opts[i].name;
			}
		}
		return best;
	}
	for (size_t i = 0; i < FC_ARRAY_LEN(commands); i++) {
		size_t d = edit_distance(word, commands[i].name);
		if (d < bd && d < strlen(word)) {
			bd = d;
			best = commands[i].name;
		}
	}
	return best;
}

/* Runs command `cmd` with argv, the command's words taken out: the
 * shared options, one engine, the command. */
static int run_command(const command *cmd, int argc, char **argv)
{
	cli c;
	fc_logger plain;
	fc_engine *eng = NULL;
	int ret;

	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc, argv)) >= 0)
		return ret;
	if (cmd->operands && optind >= argc) {
		usage_error("%s", cmd->missing);
		return FC_EXIT_ERROR;
	}
	/* A progress line on a terminal is cleared before a message. */
	if (cmd->run == run_check && isatty(STDERR_FILENO)) {
		plain = c.eo.logger;
		c.eo.logger.fn = clearing_log;
		c.eo.logger.ud = &plain;
	}
	if ((ret = open_engine(&c, &eng)) >= 0)
		return ret;
	if (cmd->start == 0 || (ret = start_engine(eng, cmd->start)) < 0)
		ret = cmd->run(&c, eng, argc - optind, argv + optind);
	fc_engine_free(eng);
	return ret;
}

/* Finds the command among the words of the line, anywhere after the
 * options that come first, and runs it; the default is check. */
static int dispatch(int argc, char **argv)
{
	int op = first_operand(argc, argv), sub = -1, ret;
	const command *cmd = &commands[0];
	char **rest;
	int n = 0;
	bool named = false;

	for (size_t i = 0; op < argc && i < FC_ARRAY_LEN(commands); i++)
		if (strcmp(argv[op], commands[i].name) == 0) {
			cmd = &commands[i];
			named = true;
		}
	if (named && cmd->sub) {
		sub = op + first_operand(argc - op, argv + op);
		if (sub >= argc || strcmp(argv[sub], cmd->sub) != 0) {
			usage_error("%s: the only subcommand is '%s' (figcheck "
				    "%s %s ...)",
				    cmd->name, cmd->sub, cmd->name, cmd->sub);
			return FC_EXIT_ERROR;
		}
	}
	if (!named && op < argc && strcmp(argv[op], "-") != 0 &&
	    access(argv[op], F_OK) != 0) {
		/* Neither a command nor a file: a misspelled command? */
		const char *m = strchr(argv[op], '/') ? NULL
						       : did_you_mean(argv[op], false);
		if (m) {
			usage_error("'%s' is not a figcheck command or a file; "
				    "did you mean '%s'?",
				    argv[op], m);
			return FC_EXIT_ERROR;
		}
	}
	/* argv without the command's words. */
	rest = calloc((size_t)argc + 1, sizeof(char *));
	if (!rest) {
		fprintf(stderr, "figcheck: error: out of memory\n");
		return FC_EXIT_ERROR;
	}
	for (int i = 0; i < argc; i++)
		if (!(named && (i == op || i == sub)))
			rest[n++] = argv[i];
	if (cmd->run)
		ret = run_command(cmd, n, rest);
	else /* numbers: its own options, after its name */
		ret = fc_cmd_numbers(n, rest);
	free(rest);
	return ret;
}

int main(int argc, char **argv)
{
	int ret;

	/* A report, baseline or cache entry being written when a signal
	 * ends the run leaves no temporary file behind. */
	fc_tmpfiles_install_handler();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "figcheck: error: libcurl could not start\n");
		return FC_EXIT_ERROR;
	}
	ret = dispatch(argc, argv);
	curl_global_cleanup();
	if (fflush(stdout) != 0 && ret == FC_EXIT_OK) {
		fprintf(stderr, "figcheck: error: writing the output: %s\n",
			strerror(errno));
		ret = FC_EXIT_ERROR;
	}
	return ret;
}
