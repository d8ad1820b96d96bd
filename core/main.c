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

#include "cli.h"
#include "document.h"
#include "engine.h"
#include "paths.h"
#include "util.h"
#include "verify.h"

static const char usage_text[] =
    "Usage: figcheck [check] [OPTION]... PATH...\n"
    "       figcheck numbers [--format text|jsonl] FILE|-\n"
    "       figcheck claims [OPTION]... FILE|-\n"
    "       figcheck plugins [-v]\n"
    "       figcheck sources [--refresh]\n"
    "       figcheck rules test [PACK]...\n"
    "\n"
    "Finds the numeric claims in drafts and checks them against dated\n"
    "reference records. PATH is a file, a folder (searched for .md, .txt\n"
    "and .html files) or - for standard input.\n"
    "\n"
    "Options:\n"
    "  -c, --config FILE       configuration (default: the nearest\n"
    "                          .figcheck.json from here upward)\n"
    "  -d, --date YYYY-MM-DD   the as-of date of every document\n"
    "  -f, --format NAME       output format: text (default), json, or any\n"
    "                          reporter plugin; may be given several times\n"
    "  -o, --output FILE       write the preceding --format to FILE\n"
    "      --fail-on VERDICT   exit 1 when a finding is this grave or worse:\n"
    "                          ok, unchecked, unverified, understated,\n"
    "                          overstated, outdated (default), discrepancy,\n"
    "                          never\n"
    "      --plugin-dir DIR    look for plugins in DIR first (repeatable)\n"
    "      --number-locale L   en (1,234.5; default) or de (1.234,5)\n"
    "      --round POLICY      exact or last-nonzero: how 10,000 is read\n"
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
} cli;

enum {
	OPT_FAIL_ON = 256,
	OPT_PLUGIN_DIR,
	OPT_LOCALE,
	OPT_ROUND,
	OPT_CACHE_DIR,
	OPT_OFFLINE,
	OPT_REFRESH
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
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* Parses the options; returns -1 to go on, or an exit code. */
static int parse_options(cli *c, int argc, char **argv)
{
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+c:d:f:o:qvhV", long_opts,
				 NULL)) != -1) {
		switch (ch) {
		case 'c':
			c->eo.config_path = optarg;
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
		case OPT_LOCALE:
			if (strcmp(optarg, "en") == 0)
				c->eo.locale = FC_LOCALE_EN;
			else if (strcmp(optarg, "de") == 0)
				c->eo.locale = FC_LOCALE_DE;
			else {
				usage_error("--number-locale: '%s' is not en or de",
					    optarg);
				return FC_EXIT_ERROR;
			}
			break;
		case OPT_ROUND:
			if (strcmp(optarg, "exact") == 0)
				c->eo.round = FC_ROUND_EXACT;
			else if (strcmp(optarg, "last-nonzero") == 0)
				c->eo.round = FC_ROUND_LAST_NONZERO;
			else {
				usage_error("--round: '%s' is not exact or "
					    "last-nonzero",
					    optarg);
				return FC_EXIT_ERROR;
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
		default:
			fprintf(stderr,
				"Try 'figcheck --help' for more information.\n");
			return FC_EXIT_ERROR;
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
/* Inputs. */

typedef struct inputs {
	char **paths;
	size_t n, cap;
} inputs;

static void inputs_free(inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
}

static bool is_draft_name(const char *name)
{
	static const char *const exts[] = {".md",   ".markdown", ".txt",
					   ".html", ".htm",	 NULL};

	if (name[0] == '.')
		return false;
	for (size_t i = 0; exts[i]; i++)
		if (fc_str_ends_with(name, exts[i]))
			return true;
	return false;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static fc_status add_input(inputs *in, const char *path)
{
	char *p;

	if (fc_grow((void **)&in->paths, &in->cap, in->n + 1, sizeof(char *)) ||
	    !(p = fc_strdup(path)))
		return FC_ERR_NOMEM;
	in->paths[in->n++] = p;
	return FC_OK;
}

/* Adds the drafts under folder `dir`, recursively, sorted. */
static fc_status add_folder(inputs *in, const char *dir, int depth,
			    fc_error *err)
{
	DIR *d;
	struct dirent *e;
	inputs local = {0};
	fc_status rc = FC_OK;

	if (depth > 64)
		return fc_error_set(err, FC_ERR_INPUT,
				    "%s: folders nested too deep", dir);
	if (!(d = opendir(dir)))
		return fc_error_set(err, FC_ERR_INPUT, "%s: %s", dir,
				    strerror(errno));
	while ((e = readdir(d)) && rc == FC_OK) {
		char *p;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if (!(p = fc_asprintf("%s/%s", dir, e->d_name))) {
			rc = FC_ERR_NOMEM;
			break;
		}
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rc = add_folder(&local, p, depth + 1, err);
		else if (is_draft_name(e->d_name))
			rc = add_input(&local, p);
		free(p);
	}
	closedir(d);
	if (local.n)
		qsort(local.paths, local.n, sizeof(char *), cmp_path);
	for (size_t i = 0; i < local.n && rc == FC_OK; i++)
		rc = add_input(in, local.paths[i]);
	inputs_free(&local);
	if (rc == FC_ERR_NOMEM)
		fc_error_set(err, rc, "out of memory");
	return rc;
}

static fc_status collect_inputs(inputs *in, char **args, int n, fc_error *err)
{
	for (int i = 0; i < n; i++) {
		struct stat st;
		size_t before = in->n;
		fc_status rc;

		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			rc = add_folder(in, args[i], 0, err);
			if (rc)
				return rc;
			if (in->n == before)
				return fc_error_set(
				    err, FC_ERR_INPUT,
				    "%s: no drafts in this folder (figcheck reads "
				    ".md, .markdown, .txt, .html and .htm files)",
				    args[i]);
			continue;
		}
		if (add_input(in, args[i]))
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	return FC_OK;
}

/* ------------------------------------------------------------------ */
/* Commands. */

static int cmd_check(int argc, char **argv)
{
	cli c;
	fc_engine *eng = NULL;
	inputs in = {0};
	fc_doc_result **results = NULL;
	char **errors = NULL;
	fc_error err;
	int ret, status = FC_EXIT_OK;
	bool failed = false;

	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc, argv)) >= 0)
		return ret;
	if (optind >= argc) {
		usage_error("no drafts given%s; name a file, a folder, or - for "
			    "standard input",
			    "");
		return FC_EXIT_ERROR;
	}
	if (c.n_outputs == 0) {
		c.formats[0] = "text";
		c.outputs[0] = "-";
		c.n_outputs = 1;
	}
	fc_error_clear(&err);
	if (collect_inputs(&in, argv + optind, argc - optind, &err)) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		ret = FC_EXIT_ERROR;
		goto out;
	}
	if ((ret = open_engine(&c, &eng)) >= 0)
		goto out;
	if ((ret = start_engine(eng, FC_START_CHECKERS | FC_START_FETCH)) >= 0)
		goto out;
	results = calloc(in.n + 1, sizeof(*results));
	errors = calloc(in.n + 1, sizeof(*errors));
	if (!results || !errors) {
		fprintf(stderr, "figcheck: error: out of memory\n");
		ret = FC_EXIT_ERROR;
		goto out;
	}
	for (size_t i = 0; i < in.n; i++) {
		fc_document *doc;

		fc_error_clear(&err);
		if (fc_document_load(in.paths[i], NULL, &doc, &err) != FC_OK ||
		    fc_engine_check(eng, doc, &results[i], &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			errors[i] = fc_strdup(err.msg);
			status = FC_EXIT_ERROR;
			continue;
		}
	}
	for (size_t k = 0; k < c.n_outputs; k++) {
		fc_error_clear(&err);
		if (fc_engine_report(eng, c.formats[k], c.outputs[k], results,
				     (const char *const *)in.paths,
				     (const char *const *)errors, in.n,
				     &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			status = FC_EXIT_ERROR;
		}
	}
	for (size_t i = 0; i < in.n; i++)
		for (size_t k = 0; results[i] && k < results[i]->n_findings; k++)
			if (results[i]->findings[k].verdict >= fc_engine_fail_on(eng))
				failed = true;
	ret = status != FC_EXIT_OK ? status
				   : failed ? FC_EXIT_FINDINGS : FC_EXIT_OK;
out:
	for (size_t i = 0; results && i < in.n; i++)
		fc_doc_result_free(results[i]);
	for (size_t i = 0; errors && i < in.n; i++)
		free(errors[i]);
	free(results);
	free(errors);
	inputs_free(&in);
	fc_engine_free(eng);
	return ret;
}

static const char *date_origin_name(fc_date_origin o)
{
	switch (o) {
	case FC_DATE_FROM_OPTION:
		return "--date";
	case FC_DATE_FROM_FRONT_MATTER:
		return "front matter";
	case FC_DATE_FROM_META:
		return "HTML meta";
	case FC_DATE_FROM_DATELINE:
		return "dateline";
	case FC_DATE_FROM_CONFIG:
		return "configuration";
	case FC_DATE_FROM_TODAY:
		return "today";
	case FC_DATE_FROM_NONE:
		break;
	}
	return "none";
}

static int cmd_claims(int argc, char **argv)
{
	cli c;
	fc_engine *eng = NULL;
	int ret;

	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc, argv)) >= 0)
		return ret;
	if (optind >= argc) {
		usage_error("claims: name a file, or - for standard input%s", "");
		return FC_EXIT_ERROR;
	}
	if ((ret = open_engine(&c, &eng)) >= 0)
		return ret;
	if ((ret = start_engine(eng, FC_START_CHECKERS)) >= 0)
		goto out;
	ret = FC_EXIT_OK;
	for (int i = optind; i < argc; i++) {
		fc_document *doc;
		fc_doc_result *r;
		fc_error err;
		char d[11];

		fc_error_clear(&err);
		if (fc_document_load(argv[i], NULL, &doc, &err) != FC_OK ||
		    fc_engine_check(eng, doc, &r, &err) != FC_OK) {
			fprintf(stderr, "figcheck: error: %s\n", err.msg);
			ret = FC_EXIT_ERROR;
			continue;
		}
		printf("%s: as of %s (from %s)\n", r->doc->path,
		       fc_date_format(r->doc->date, d),
		       date_origin_name(r->doc->date_origin));
		for (size_t k = 0; k < r->n_findings; k++) {
			const fc_finding *f = &r->findings[k];
			const fc_claim *cl = f->claim;
			char lo[64], hi[64];

			if (!cl)
				continue;
			fc_format_value(cl->number.low, false, 6, lo, sizeof(lo));
			fc_format_value(cl->number.high, false, 6, hi, sizeof(hi));
			printf("%s:%u:%u: %s \"%s\" %s %c%s, %s%c %s%s%s%s\n",
			       r->doc->path, f->line, f->col,
			       cl->metric ? cl->metric : "(unbound)", f->text,
			       fc_qualifier_name(cl->number.qualifier),
			       cl->number.low_open ? '(' : '[', lo, hi,
			       cl->number.high_open ? ')' : ']', cl->rule_id,
			       cl->attribution ? " attributed to \"" : "",
			       cl->attribution ? cl->attribution : "",
			       cl->attribution ? "\"" : "");
		}
		fc_doc_result_free(r);
	}
out:
	fc_engine_free(eng);
	return ret;
}

static int cmd_plugins(int argc, char **argv)
{
	cli c;
	fc_engine *eng = NULL;
	const fc_plugin_set *set;
	int ret;

	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc, argv)) >= 0)
		return ret;
	if ((ret = open_engine(&c, &eng)) >= 0)
		return ret;
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
	fc_engine_free(eng);
	return FC_EXIT_OK;
}

static int cmd_sources(int argc, char **argv)
{
	cli c;
	fc_engine *eng = NULL;
	const fc_source_info *info;
	size_t n;
	int ret;

	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc, argv)) >= 0)
		return ret;
	if ((ret = open_engine(&c, &eng)) >= 0)
		return ret;
	if ((ret = start_engine(eng, FC_START_FETCH)) >= 0)
		goto out;
	info = fc_engine_sources(eng, &n);
	if (n == 0)
		printf("no sources configured\n");
	ret = FC_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		printf("%s (%s): %s\n  %s\n", info[i].name, info[i].plugin,
		       info[i].url ? info[i].url : "-",
		       info[i].ok ? "ok" : info[i].error);
		if (info[i].ok)
			printf("  %zu records%s\n", info[i].n_records,
			       info[i].from_cache ? ", from the cache" : "");
		else
			ret = FC_EXIT_FINDINGS;
	}
out:
	fc_engine_free(eng);
	return ret;
}

static int cmd_rules(int argc, char **argv)
{
	cli c;
	fc_engine *eng = NULL;
	fc_error err;
	int ret, k;

	if (argc < 2 || strcmp(argv[1], "test") != 0) {
		usage_error("rules: the only subcommand is 'test' (figcheck rules "
			    "test [PACK]...)%s",
			    "");
		return FC_EXIT_ERROR;
	}
	memset(&c, 0, sizeof(c));
	fc_engine_options_init(&c.eo);
	if ((ret = parse_options(&c, argc - 1, argv + 1)) >= 0)
		return ret;
	if ((ret = open_engine(&c, &eng)) >= 0)
		return ret;
	if ((ret = start_engine(eng, FC_START_CHECKERS)) >= 0)
		goto out;
	fc_error_clear(&err);
	k = fc_engine_selftest(eng, (const char *const *)argv + 1 + optind,
			       (size_t)(argc - 1 - optind), stdout, &err);
	if (k < 0) {
		fprintf(stderr, "figcheck: error: %s\n", err.msg);
		ret = FC_EXIT_ERROR;
	} else {
		ret = k ? FC_EXIT_FINDINGS : FC_EXIT_OK;
	}
out:
	fc_engine_free(eng);
	return ret;
}

int main(int argc, char **argv)
{
	int ret;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "figcheck: error: libcurl could not start\n");
		return FC_EXIT_ERROR;
	}
	if (argc >= 2 && strcmp(argv[1], "numbers") == 0)
		ret = fc_cmd_numbers(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "claims") == 0)
		ret = cmd_claims(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "plugins") == 0)
		ret = cmd_plugins(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "sources") == 0)
		ret = cmd_sources(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "rules") == 0)
		ret = cmd_rules(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "check") == 0)
		ret = cmd_check(argc - 1, argv + 1);
	else
		ret = cmd_check(argc, argv);
	curl_global_cleanup();
	if (fflush(stdout) != 0 && ret == FC_EXIT_OK) {
		fprintf(stderr, "figcheck: error: writing the output: %s\n",
			strerror(errno));
		ret = FC_EXIT_ERROR;
	}
	return ret;
}
