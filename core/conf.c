/*
 * conf.c: loading and validating the configuration.
 *
 * Every key the core knows is listed in a table beside the code that reads
 * it; an unknown key is an error naming its path, since a misspelt key
 * that is silently ignored is a check that silently does not happen.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conf.h"
#include "glob.h"
#include "json.h"
#include "util.h"
#include "verify.h"

#define DEFAULT_MAX_BODY (50u * 1024 * 1024)

bool fc_parse_duration(const char *s, double *out)
{
	char *end;
	double v, mult = 1;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno || !isfinite(v) || v < 0)
		return false;
	if (*end) {
		switch (*end) {
		case 's':
			mult = 1;
			break;
		case 'm':
			mult = 60;
			break;
		case 'h':
			mult = 3600;
			break;
		case 'd':
			mult = 86400;
			break;
		default:
			return false;
		}
		if (end[1])
			return false;
	}
	*out = v * mult;
	return true;
}

char *fc_config_resolve(const fc_config *cfg, const char *path)
{
	if (path[0] == '/' || strstr(path, "://") || !cfg->dir)
		return fc_strdup(path);
	return fc_asprintf("%s/%s", cfg->dir, path);
}

char *fc_config_display_url(const fc_config *cfg, const char *url)
{
	const char *sep, *at, *path = url;
	char cwd[4096];

	if (!url)
		return NULL;
	if ((sep = strstr(url, "://")) && strncasecmp(url, "file://", 7) != 0) {
		/* user:password@ is not for reports. */
		at = strchr(sep + 3, '@');
		if (at && at < sep + 3 + strcspn(sep + 3, "/?#"))
			return fc_asprintf("%.*s%s", (int)(sep + 3 - url), url,
					   at + 1);
		return fc_strdup(url);
	}
	if (sep && !(path = strchr(sep + 3, '/')))
		return fc_strdup(url);
	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	return fc_path_relative(path, cfg->dir ? cfg->dir : cwd, cwd);
}

/* Zeroes a secret string before freeing it. NULL is allowed. */
static void wipe_free(char *s)
{
	if (s) {
		volatile char *p = s;
		while (*p)
			*p++ = 0;
		free(s);
	}
}

static void source_conf_free(fc_source_conf *s)
{
	for (size_t i = 0; i < s->n_headers; i++)
		wipe_free(s->headers[i]);
	free(s->headers);
	free(s->name);
	free(s->plugin);
	free(s->url);
	for (size_t i = 0; i < s->n_aliases; i++)
		free(s->aliases[i]);
	free(s->aliases);
	free(s->json_path);
}

void fc_config_free(fc_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->n_sources; i++)
		source_conf_free(&cfg->sources[i]);
	free(cfg->sources);
	for (size_t i = 0; i < cfg->n_plugin_dirs; i++)
		free(cfg->plugin_dirs[i]);
	free(cfg->plugin_dirs);
	free(cfg->cache_dir);
	free(cfg->ca_bundle);
	free(cfg->user_agent_extra);
	free(cfg->path);
	free(cfg->dir);
	cJSON_Delete(cfg->root);
	free(cfg);
}

/* A validation context: the file's name for messages. */
typedef struct vctx {
	const char *name;
	fc_error *err;
} vctx;

static fc_status bad(vctx *v, const char *path, const char *fmt, ...)
    FC_PRINTF(3, 4);

static fc_status bad(vctx *v, const char *path, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return fc_error_set(v->err, FC_ERR_CONFIG, "%s: %s: %s", v->name,
			    path[0] ? path : "(top level)", msg);
}

/* Checks that every key of `obj` is in `known` (NULL-terminated). */
static fc_status only_keys(vctx *v, const cJSON *obj, const char *path,
			   const char *const *known)
{
	char p[512], list[512];

	for (const cJSON *c = obj->child; c; c = c->next) {
		bool ok = false;
		for (size_t i = 0; known[i]; i++)
			if (strcmp(c->string, known[i]) == 0)
				ok = true;
		if (!ok) {
			size_t o = 0;
			list[0] = 0;
			for (size_t i = 0; known[i] && o < sizeof(list) - 1;
			     i++)
				o += (size_t)snprintf(list + o, sizeof(list) - o,
						      "%s%s", i ? ", " : "",
						      known[i]);
			return bad(v, fc_json_path_key(p, sizeof(p), path,
						       c->string),
				   "unknown key; known keys here: %s", list);
		}
	}
	return FC_OK;
}

static fc_status get_string(vctx *v, const cJSON *obj, const char *path,
			    const char *key, bool required, const char **out)
{
	char p[512];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (!it) {
		if (required)
			return bad(v, fc_json_path_key(p, sizeof(p), path, key),
				   "missing; expected a string");
		return FC_OK;
	}
	if (!cJSON_IsString(it) || !it->valuestring)
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "expected a string, found %s", fc_json_type_name(it));
	if (!it->valuestring[0])
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "must not be empty");
	*out = it->valuestring;
	return FC_OK;
}

static fc_status get_number(vctx *v, const cJSON *obj, const char *path,
			    const char *key, double min, double max,
			    double *out)
{
	char p[512];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!it)
		return FC_OK;
	if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "expected a number, found %s", fc_json_type_name(it));
	if (it->valuedouble < min || it->valuedouble > max)
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "%g is out of range; expected %g to %g",
			   it->valuedouble, min, max);
	*out = it->valuedouble;
	return FC_OK;
}

static fc_status get_int(vctx *v, const cJSON *obj, const char *path,
			 const char *key, int min, int max, int *out)
{
	char p[512];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!it)
		return FC_OK;
	if (!fc_json_is_integer(it))
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "expected a whole number, found %s",
			   cJSON_IsNumber(it) ? "a fraction"
					      : fc_json_type_name(it));
	if (it->valuedouble < min || it->valuedouble > max)
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "%g is out of range; expected %d to %d",
			   it->valuedouble, min, max);
	*out = (int)it->valuedouble;
	return FC_OK;
}

static fc_status get_bool(vctx *v, const cJSON *obj, const char *path,
			 const char *key, bool *out)
{
	char p[512];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!it)
		return FC_OK;
	if (!cJSON_IsBool(it))
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "expected true or false, found %s",
			   fc_json_type_name(it));
	*out = cJSON_IsTrue(it);
	return FC_OK;
}

static fc_status get_object(vctx *v, const cJSON *obj, const char *path,
			    const char *key, cJSON **out)
{
	char p[512];
	cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (!it)
		return FC_OK;
	if (!cJSON_IsObject(it))
		return bad(v, fc_json_path_key(p, sizeof(p), path, key),
			   "expected an object, found %s", fc_json_type_name(it));
	*out = it;
	return FC_OK;
}

static fc_status get_duration(vctx *v, const cJSON *obj, const char *path,
			      const char *key, double *out)
{
	char p[512];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!it)
		return FC_OK;
	if (cJSON_IsNumber(it) && isfinite(it->valuedouble) &&
	    it->valuedouble >= 0) {
		*out = it->valuedouble;
		return FC_OK;
	}
	if (cJSON_IsString(it) && fc_parse_duration(it->valuestring, out))
		return FC_OK;
	return bad(v, fc_json_path_key(p, sizeof(p), path, key),
		   "expected a duration such as 3600, \"30m\", \"6h\" or \"2d\"");
}

static fc_status parse_numbers(vctx *v, fc_config *cfg)
{
	static const char *const keys[] = {"locale", "round", "nearly_window",
					   "about_window", NULL};
	cJSON *o;
	const char *s;
	fc_status rc;

	if ((rc = get_object(v, cfg->root, "", "numbers", &o)) || !o)
		return rc;
	if ((rc = only_keys(v, o, "numbers", keys)))
		return rc;
	if ((rc = get_string(v, o, "numbers", "locale", false, &s)))
		return rc;
	if (s) {
		if (!fc_locale_parse(s, &cfg->num.locale))
			return bad(v, "numbers.locale",
				   "\"%s\" is not a known locale; use \"en\" "
				   "(1,234.5) or \"de\" (1.234,5)",
				   s);
	}
	if ((rc = get_string(v, o, "numbers", "round", false, &s)))
		return rc;
	if (s) {
		if (!fc_round_policy_parse(s, &cfg->num.round))
			return bad(v, "numbers.round",
				   "\"%s\" is not a policy; use \"auto\", "
				   "\"exact\" or \"last-nonzero\"",
				   s);
	}
	if ((rc = get_number(v, o, "numbers", "nearly_window", 0, 0.5,
			     &cfg->num.nearly_window)))
		return rc;
	return get_number(v, o, "numbers", "about_window", 0, 0.5,
			  &cfg->num.about_window);
}

static fc_status parse_verify(vctx *v, fc_config *cfg)
{
	static const char *const keys[] = {"lag_days", "stale_days",
					   "understated", "overstated",
					   "tolerance", NULL};
	cJSON *o;
	fc_status rc;

	if ((rc = get_object(v, cfg->root, "", "verify", &o)) || !o)
		return rc;
	if ((rc = only_keys(v, o, "verify", keys)))
		return rc;
	if ((rc = get_int(v, o, "verify", "lag_days", 0, 3650, &cfg->lag_days)) ||
	    (rc = get_int(v, o, "verify", "stale_days", 0, 36500,
			  &cfg->stale_days)) ||
	    (rc = get_number(v, o, "verify", "understated", 0, 100,
			     &cfg->understated)) ||
	    (rc = get_number(v, o, "verify", "overstated", 0, 1,
			     &cfg->overstated)))
		return rc;
	return get_number(v, o, "verify", "tolerance", 0, 1, &cfg->tolerance);
}

static fc_status parse_fetch(vctx *v, fc_config *cfg)
{
	static const char *const keys[] = {"cache_dir", "ca_bundle",
					   "connect_timeout", "timeout",
					   "deadline", "max_body", "retries",
					   NULL};
	cJSON *o;
	const char *s;
	double d = -1;
	fc_status rc;

	if ((rc = get_object(v, cfg->root, "", "fetch", &o)) || !o)
		return rc;
	if ((rc = only_keys(v, o, "fetch", keys)))
		return rc;
	if ((rc = get_string(v, o, "fetch", "cache_dir", false, &s)))
		return rc;
	if (s && !(cfg->cache_dir = fc_config_resolve(cfg, s)))
		return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
	if ((rc = get_string(v, o, "fetch", "ca_bundle", false, &s)))
		return rc;
	if (s && !(cfg->ca_bundle = fc_config_resolve(cfg, s)))
		return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
	if ((rc = get_duration(v, o, "fetch", "connect_timeout",
			       &cfg->connect_timeout)) ||
	    (rc = get_duration(v, o, "fetch", "timeout", &cfg->timeout)) ||
	    (rc = get_duration(v, o, "fetch", "deadline", &cfg->deadline)) ||
	    (rc = get_number(v, o, "fetch", "max_body", 1, 4e9, &d)) ||
	    (rc = get_int(v, o, "fetch", "retries", 0, 10, &cfg->retries)))
		return rc;
	if (d > 0)
		cfg->max_body = (size_t)d;
	return FC_OK;
}

static bool valid_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
		      *s == '.'))
			return false;
	return true;
}

/* A header name: an HTTP token. */
static bool header_name_ok(const char *n)
{
	if (!n[0])
		return false;
	for (const char *c = n; *c; c++)
		if (!fc_is_alnum(*c) &&
		    !strchr("!#$%&'*+-.^_`|~", *c))
			return false;
	return true;
}

/* Expands `${NAME}` in `tmpl` from the environment into `out` (`size`
 * bytes, or none when `out` is NULL) and returns the length of the
 * whole expansion; a `$` not followed by `{` is itself. On a reference
 * that is malformed or unset, returns (size_t)-1 and fills `err` with
 * the message for `path`: the variable is named, its value never. */
static size_t expand_env(vctx *v, const char *path, const char *tmpl,
			 char *out, size_t size)
{
	size_t n = 0;

	for (const char *c = tmpl; *c;) {
		const char *val, *end;
		char name[128];
		size_t len;

		if (c[0] != '$' || c[1] != '{') {
			if (out && n < size)
				out[n] = *c;
			n++;
			c++;
			continue;
		}
		end = strchr(c + 2, '}');
		len = end ? (size_t)(end - c - 2) : 0;
		if (!end || !len || len >= sizeof(name) ||
		    fc_is_digit(c[2]) ||
		    strspn(c + 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"
				  "tuvwxyz0123456789_") != len) {
			bad(v, path,
			    "\"${\" must start a reference to an environment "
			    "variable such as ${DESK_API_TOKEN} (letters, "
			    "digits and '_', then '}')");
			return (size_t)-1;
		}
		memcpy(name, c + 2, len);
		name[len] = 0;
		if (!(val = getenv(name))) {
			bad(v, path,
			    "the environment variable %s is not set; set it "
			    "(export %s=...) or remove the header",
			    name, name);
			return (size_t)-1;
		}
		for (const char *x = val; *x; x++, n++)
			if (out && n < size)
				out[n] = *x;
		c = end + 1;
	}
	if (out && size)
		out[n < size ? n : size - 1] = 0;
	return n;
}

/* Reads a source's "headers": an object of header names and values in
 * which ${NAME} is taken from the environment, now. */
static fc_status parse_headers(vctx *v, const cJSON *o, const char *path,
			       fc_source_conf *s)
{
	cJSON *hs;
	const cJSON *h;
	char p[512], q[512];
	fc_status rc;

	if ((rc = get_object(v, o, path, "headers", &hs)) || !hs)
		return rc;
	fc_json_path_key(p, sizeof(p), path, "headers");
	if (cJSON_GetArraySize(hs) > FC_CONF_MAX_HEADERS)
		return bad(v, p, "more than %d headers", FC_CONF_MAX_HEADERS);
	s->headers = calloc((size_t)cJSON_GetArraySize(hs) + 1, sizeof(char *));
	if (!s->headers)
		return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
	cJSON_ArrayForEach(h, hs)
	{
		size_t nlen = strlen(h->string), vlen;
		char *line;

		fc_json_path_key(q, sizeof(q), p, h->string);
		if (!header_name_ok(h->string))
			return bad(v, q,
				   "not a header name: use letters, digits and "
				   "'-' (no spaces, ':' or line breaks)");
		for (size_t i = 0; i < s->n_headers; i++)
			if (strncasecmp(s->headers[i], h->string, nlen) == 0 &&
			    s->headers[i][nlen] == ':')
				return bad(v, q, "header given twice");
		if (!cJSON_IsString(h))
			return bad(v, q, "expected a string, found %s",
				   fc_json_type_name(h));
		if ((vlen = expand_env(v, q, h->valuestring, NULL, 0)) ==
		    (size_t)-1)
			return FC_ERR_CONFIG;
		if (!(line = malloc(nlen + 2 + vlen + 1)))
			return fc_error_set(v->err, FC_ERR_NOMEM,
					    "out of memory");
		memcpy(line, h->string, nlen);
		memcpy(line + nlen, ": ", 2);
		expand_env(v, q, h->valuestring, line + nlen + 2, vlen + 1);
		s->headers[s->n_headers++] = line;
		/* The value goes on one line of the request, after the
		 * name: no line break, no control byte. */
		for (const char *c = line + nlen + 2; *c; c++)
			if ((unsigned char)*c < 0x20 && *c != '\t')
				return bad(v, q,
					   "the value (once its environment "
					   "variables are put in) holds a %s; "
					   "a header is one line",
					   *c == '\r' || *c == '\n'
					       ? "line break (CR or LF)"
					       : "control character");
		if (!vlen || strspn(line + nlen + 2, " \t") == vlen)
			return bad(v, q, "the value is empty (once its "
					 "environment variables are put in)");
	}
	return FC_OK;
}

static fc_status parse_source(vctx *v, fc_config *cfg, cJSON *o,
			      const char *path, fc_source_conf *s)
{
	static const char *const keys[] = {
	    "name",	  "plugin",	"url",	     "path",  "aliases",
	    "ttl",	  "lag_days", "stale_days", "tolerance", "options",
	    "description", "cumulative", "headers", NULL};
	const char *name, *plugin, *url, *file;
	cJSON *aliases;
	char p[512];
	fc_status rc;

	if (!cJSON_IsObject(o))
		return bad(v, path, "expected an object, found %s",
			   fc_json_type_name(o));
	if ((rc = only_keys(v, o, path, keys)) ||
	    (rc = get_string(v, o, path, "name", true, &name)) ||
	    (rc = get_string(v, o, path, "plugin", true, &plugin)) ||
	    (rc = get_string(v, o, path, "url", false, &url)) ||
	    (rc = get_string(v, o, path, "path", false, &file)))
		return rc;
	if (!valid_name(name))
		return bad(v, fc_json_path_key(p, sizeof(p), path, "name"),
			   "\"%s\": use letters, digits, '-', '_' and '.'", name);
	if (url && file)
		return bad(v, path, "give \"url\" or \"path\", not both");
	s->name = fc_strdup(name);
	s->plugin = fc_strdup(plugin);
	s->json_path = fc_strdup(path);
	if (url || file)
		s->url = fc_config_resolve(cfg, url ? url : file);
	if (!s->name || !s->plugin || !s->json_path || ((url || file) && !s->url))
		return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
	s->ttl = 3600;
	s->lag_days = cfg->lag_days;
	s->stale_days = cfg->stale_days;
	s->tolerance = cfg->tolerance;
	if ((rc = get_duration(v, o, path, "ttl", &s->ttl)) ||
	    (rc = get_int(v, o, path, "lag_days", 0, 3650, &s->lag_days)) ||
	    (rc = get_int(v, o, path, "stale_days", 0, 36500,
			  &s->stale_days)) ||
	    (rc = get_number(v, o, path, "tolerance", 0, 1, &s->tolerance)) ||
	    (rc = get_bool(v, o, path, "cumulative", &s->cumulative)) ||
	    (rc = get_object(v, o, path, "options", &s->options)) ||
	    (rc = parse_headers(v, o, path, s)))
		return rc;
	aliases = cJSON_GetObjectItemCaseSensitive(o, "aliases");
	if (aliases) {
		size_t i = 0, n;
		const cJSON *a;

		fc_json_path_key(p, sizeof(p), path, "aliases");
		if (!cJSON_IsArray(aliases))
			return bad(v, p, "expected an array of strings, found %s",
				   fc_json_type_name(aliases));
		n = (size_t)cJSON_GetArraySize(aliases);
		s->aliases = calloc(n ? n : 1, sizeof(char *));
		if (!s->aliases)
			return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
		cJSON_ArrayForEach(a, aliases)
		{
			char q[512];
			if (!cJSON_IsString(a) || !a->valuestring[0])
				return bad(v, fc_json_path_index(q, sizeof(q), p, i),
					   "expected a non-empty string, found %s",
					   fc_json_type_name(a));
			if (!(s->aliases[i] = fc_strdup(a->valuestring)))
				return fc_error_set(v->err, FC_ERR_NOMEM,
						    "out of memory");
			s->n_aliases = ++i;
		}
	}
	return FC_OK;
}

static fc_status parse_sources(vctx *v, fc_config *cfg)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(cfg->root, "sources");
	cJSON *o;
	size_t i = 0, n;
	fc_status rc;

	if (!arr)
		return FC_OK;
	if (!cJSON_IsArray(arr))
		return bad(v, "sources", "expected an array of objects, found %s",
			   fc_json_type_name(arr));
	n = (size_t)cJSON_GetArraySize(arr);
	if (n == 0)
		return FC_OK;
	cfg->sources = calloc(n, sizeof(*cfg->sources));
	if (!cfg->sources)
		return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
	cJSON_ArrayForEach(o, arr)
	{
		char p[64];
		fc_json_path_index(p, sizeof(p), "sources", i);
		cfg->n_sources = i + 1;
		if ((rc = parse_source(v, cfg, o, p, &cfg->sources[i])))
			return rc;
		for (size_t k = 0; k < i; k++)
			if (strcmp(cfg->sources[k].name, cfg->sources[i].name) ==
			    0)
				return bad(v, p,
					   "a source named \"%s\" is already "
					   "defined at sources[%zu]; names must "
					   "be unique",
					   cfg->sources[i].name, k);
		i++;
	}
	return FC_OK;
}

static fc_status parse_root(vctx *v, fc_config *cfg)
{
	static const char *const keys[] = {
	    "$schema", "date",	   "year",    "fail_on", "numbers",
	    "verify",  "sources", "checkers", "reporters", "plugin_dirs",
	    "fetch",   "inputs",  "show_unchecked", NULL};
	const char *s;
	cJSON *dirs;
	fc_status rc;

	if (!cJSON_IsObject(cfg->root))
		return bad(v, "", "expected an object at the top level, found %s",
			   fc_json_type_name(cfg->root));
	if ((rc = only_keys(v, cfg->root, "", keys)))
		return rc;
	if ((rc = get_string(v, cfg->root, "", "date", false, &s)))
		return rc;
	if (s) {
		cfg->date = fc_date_parse_iso(s, strlen(s));
		if (cfg->date == FC_DATE_NONE)
			return bad(v, "date",
				   "\"%s\" is not a date; write YYYY-MM-DD", s);
	}
	if ((rc = get_int(v, cfg->root, "", "year", 1, 9999, &cfg->year)))
		return rc;
	{
		const cJSON *su =
		    cJSON_GetObjectItemCaseSensitive(cfg->root, "show_unchecked");
		if (su && !cJSON_IsBool(su))
			return bad(v, "show_unchecked",
				   "expected true or false, found %s",
				   fc_json_type_name(su));
		cfg->show_unchecked = cJSON_IsTrue(su);
	}
	if ((rc = get_string(v, cfg->root, "", "fail_on", false, &s)))
		return rc;
	if (s) {
		if (!fc_verdict_parse(s, &cfg->fail_on))
			return bad(v, "fail_on",
				   "\"%s\" is not a verdict; use one of ok, "
				   "unchecked, unverified, understated, "
				   "overstated, outdated, discrepancy, never",
				   s);
		cfg->fail_on_set = true;
	}
	if ((rc = parse_numbers(v, cfg)) || (rc = parse_verify(v, cfg)) ||
	    (rc = parse_fetch(v, cfg)) || (rc = parse_sources(v, cfg)))
		return rc;
	cfg->checkers = cJSON_GetObjectItemCaseSensitive(cfg->root, "checkers");
	if (cfg->checkers) {
		const cJSON *c;
		if (!cJSON_IsObject(cfg->checkers))
			return bad(v, "checkers",
				   "expected an object of checker name -> "
				   "options, found %s",
				   fc_json_type_name(cfg->checkers));
		cJSON_ArrayForEach(c, cfg->checkers)
		{
			char p[512];
			if (!cJSON_IsObject(c) && !cJSON_IsBool(c))
				return bad(v,
					   fc_json_path_key(p, sizeof(p),
							    "checkers", c->string),
					   "expected an object of options, or "
					   "false to turn the checker off");
		}
	}
	if ((rc = get_object(v, cfg->root, "", "reporters", &cfg->reporters)))
		return rc;
	if (cfg->reporters) {
		const cJSON *c;
		cJSON_ArrayForEach(c, cfg->reporters)
		{
			char p[512];
			if (!cJSON_IsObject(c))
				return bad(v,
					   fc_json_path_key(p, sizeof(p),
							    "reporters", c->string),
					   "expected an object of options, found %s",
					   fc_json_type_name(c));
		}
	}
	dirs = cJSON_GetObjectItemCaseSensitive(cfg->root, "plugin_dirs");
	if (dirs) {
		const cJSON *d;
		size_t i = 0;
		if (!cJSON_IsArray(dirs))
			return bad(v, "plugin_dirs",
				   "expected an array of folder names, found %s",
				   fc_json_type_name(dirs));
		cfg->plugin_dirs =
		    calloc((size_t)cJSON_GetArraySize(dirs) + 1, sizeof(char *));
		if (!cfg->plugin_dirs)
			return fc_error_set(v->err, FC_ERR_NOMEM, "out of memory");
		cJSON_ArrayForEach(d, dirs)
		{
			char p[64];
			if (!cJSON_IsString(d) || !d->valuestring[0])
				return bad(v,
					   fc_json_path_index(p, sizeof(p),
							      "plugin_dirs", i),
					   "expected a folder name, found %s",
					   fc_json_type_name(d));
			cfg->plugin_dirs[i] = fc_config_resolve(cfg, d->valuestring);
			if (!cfg->plugin_dirs[i])
				return fc_error_set(v->err, FC_ERR_NOMEM,
						    "out of memory");
			cfg->n_plugin_dirs = ++i;
		}
	}
	return FC_OK;
}

static fc_config *config_defaults(void)
{
	fc_config *cfg = calloc(1, sizeof(*cfg));

	if (!cfg)
		return NULL;
	cfg->date = FC_DATE_NONE;
	cfg->fail_on = FC_VERDICT_OUTDATED;
	fc_num_options_init(&cfg->num);
	/* A round figure of news copy ("25,000") is read as rounded. */
	cfg->num.round = FC_ROUND_AUTO;
	cfg->lag_days = 2;
	cfg->stale_days = 7;
	cfg->understated = 0.25;
	cfg->overstated = 0.25;
	cfg->tolerance = 0;
	cfg->connect_timeout = 10;
	cfg->timeout = 60;
	cfg->deadline = 120;
	cfg->max_body = DEFAULT_MAX_BODY;
	cfg->retries = 2;
	return cfg;
}

fc_status fc_config_parse(const char *name, const char *dir, const char *text,
			  size_t len, fc_config **out, fc_error *err)
{
	fc_config *cfg = config_defaults();
	vctx v = {name, err};
	fc_status rc;
	size_t bad;

	*out = NULL;
	if (!cfg)
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	if (dir && !(cfg->dir = fc_strdup(dir))) {
		fc_config_free(cfg);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	if (fc_utf16_or_32(text, len)) {
		rc = fc_error_set(err, FC_ERR_CONFIG,
				  "%s: %s text; the configuration must be "
				  "UTF-8: convert it, e.g. with iconv -f %s -t "
				  "UTF-8",
				  name, fc_utf16_or_32(text, len),
				  fc_utf16_or_32(text, len));
		fc_config_free(cfg);
		return rc;
	}
	if ((bad = fc_utf8_check(text, len)) != len) {
		unsigned line, col;
		fc_text_position(text, bad, &line, &col);
		fc_config_free(cfg);
		return fc_error_set(err, FC_ERR_CONFIG,
				    "%s:%u:%u: not valid UTF-8 text", name, line,
				    col);
	}
	rc = fc_json_parse(name, text, len, true, &cfg->root, err);
	if (rc == FC_OK)
		rc = parse_root(&v, cfg);
	if (rc != FC_OK) {
		if (err && err->code == FC_ERR_PARSE)
			err->code = FC_ERR_CONFIG;
		fc_config_free(cfg);
		return FC_ERR_CONFIG;
	}
	*out = cfg;
	return FC_OK;
}

/* The folder part of `path` ("." if it has none); caller frees. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return fc_strdup(".");
	if (slash == path)
		return fc_strdup("/");
	return fc_strndup(path, (size_t)(slash - path));
}

fc_status fc_config_load(const char *path, const char *start_dir,
			 fc_config **out, fc_error *err)
{
	char *found = NULL, *text = NULL, *dir = NULL;
	size_t len;
	fc_status rc;

	*out = NULL;
	if (!path) {
		char cwd[PATH_MAX];
		if (!start_dir) {
			if (!getcwd(cwd, sizeof(cwd)))
				return fc_error_set(err, FC_ERR_IO,
						    "cannot read the current "
						    "folder: %s",
						    strerror(errno));
			start_dir = cwd;
		}
		char *d = fc_strdup(start_dir);
		if (!d)
			return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
		for (;;) {
			char *cand = fc_asprintf("%s/%s", d, FC_CONFIG_NAME);
			if (!cand) {
				free(d);
				return fc_error_set(err, FC_ERR_NOMEM,
						    "out of memory");
			}
			if (access(cand, F_OK) == 0) {
				found = cand;
				break;
			}
			free(cand);
			char *slash = strrchr(d, '/');
			if (!slash || slash == d)
				break;
			*slash = 0;
		}
		if (!found) {
			/* The root folder itself. */
			char *cand = fc_asprintf("/%s", FC_CONFIG_NAME);
			if (cand && access(cand, F_OK) == 0 && d[0] == '/' &&
			    strchr(d, '/') == d)
				found = cand;
			else
				free(cand);
		}
		free(d);
		if (!found) {
			fc_config *cfg = config_defaults();
			if (!cfg)
				return fc_error_set(err, FC_ERR_NOMEM,
						    "out of memory");
			cfg->root = cJSON_CreateObject();
			if (!cfg->root) {
				fc_config_free(cfg);
				return fc_error_set(err, FC_ERR_NOMEM,
						    "out of memory");
			}
			*out = cfg;
			return FC_OK;
		}
		path = found;
	}
	rc = fc_read_file(path, 16u * 1024 * 1024, &text, &len, err);
	if (rc != FC_OK) {
		fc_error_prefix(err, "configuration ");
		err->code = FC_ERR_CONFIG;
		free(found);
		return FC_ERR_CONFIG;
	}
	dir = dir_of(path);
	if (!dir) {
		free(text);
		free(found);
		return fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	rc = fc_config_parse(path, dir, text, len, out, err);
	if (rc == FC_OK && !((*out)->path = fc_strdup(path))) {
		fc_config_free(*out);
		*out = NULL;
		rc = fc_error_set(err, FC_ERR_NOMEM, "out of memory");
	}
	free(dir);
	free(text);
	free(found);
	return rc;
}
