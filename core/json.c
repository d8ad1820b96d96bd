/*
 * json.c: parsing with positions, paths for messages.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "json.h"
#include "util.h"

void fc_text_position(const char *text, size_t off, unsigned *line,
		      unsigned *col)
{
	unsigned l = 1, c = 1;

	for (size_t i = 0; i < off && text[i]; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static bool find_duplicate(const cJSON *v, const cJSON **dup)
{
	if (cJSON_IsObject(v)) {
		for (const cJSON *a = v->child; a; a = a->next) {
			for (const cJSON *b = a->next; b; b = b->next) {
				if (a->string && b->string &&
				    strcmp(a->string, b->string) == 0) {
					*dup = b;
					return true;
				}
			}
		}
	}
	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		for (const cJSON *c = v->child; c; c = c->next)
			if (find_duplicate(c, dup))
				return true;
	}
	return false;
}

/* The depth of arrays and objects open at `pos` of `text`, strings
 * skipped: to tell a document nested deeper than cJSON takes from one
 * that is malformed. *in_str (if not NULL) tells whether a string is open
 * at `pos`. */
static size_t depth_at(const char *text, size_t pos, bool *in_string)
{
	size_t depth = 0;
	bool in_str = false;

	for (size_t i = 0; i < pos; i++) {
		char c = text[i];
		if (in_str) {
			if (c == '\\' && i + 1 < pos)
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '[' || c == '{') {
			depth++;
		} else if ((c == ']' || c == '}') && depth) {
			depth--;
		}
	}
	if (in_string)
		*in_string = in_str;
	return depth;
}

/* The offset of the first byte from `off` that cJSON would take for
 * whitespace but JSON does not (a control byte outside a string, or a
 * NUL anywhere), or `len` if none. */
static size_t stray_byte(const char *text, size_t off, size_t len)
{
	bool in_str = false;

	for (size_t i = off; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == 0)
			return i;
		if (in_str) {
			if (c == '\\' && i + 1 < len && text[i + 1])
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c < 0x20 && !strchr("\t\r\n", c)) {
			return i;
		}
	}
	return len;
}

/* Fills err with the message for a fault at byte `pos` of `text`. */
static fc_status parse_error(const char *name, const char *text, size_t len,
			     size_t pos, fc_error *err)
{
	unsigned line, col;
	char near[24];
	size_t n = 0;
	bool in_str;

	if (pos > len)
		pos = len;
	/* text[len] may not be ours: a plugin's buffer need not end with a
	 * NUL. */
	if (depth_at(text, pos < len ? pos + 1 : len, NULL) >
	    CJSON_NESTING_LIMIT) {
		fc_text_position(text, pos, &line, &col);
		return fc_error_set(err, FC_ERR_PARSE,
				    "%s:%u:%u: JSON nested too deeply (more "
				    "than %d arrays and objects inside one "
				    "another)",
				    name, line, col, (int)CJSON_NESTING_LIMIT);
	}
	/* cJSON puts a fault past the end on the last byte: the document
	 * was cut short only if something is still open there. */
	if (pos + 1 >= len &&
	    (depth_at(text, len, &in_str) > 0 || in_str || pos >= len)) {
		fc_text_position(text, pos, &line, &col);
		return fc_error_set(err, FC_ERR_PARSE,
				    "%s:%u:%u: invalid JSON at the end of the "
				    "document (a bracket or quote left open?)",
				    name, line, col);
	}
	for (size_t i = pos; i < len && n < 16; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n' || ch == '\r')
			break;
		near[n++] = ch < 0x20 ? '?' : (char)ch;
	}
	near[n] = 0;
	fc_text_position(text, pos, &line, &col);
	return fc_error_set(err, FC_ERR_PARSE,
			    "%s:%u:%u: invalid JSON near '%s'", name, line,
			    col, near);
}

fc_status fc_json_parse(const char *name, const char *text, size_t len,
			bool no_duplicates, cJSON **out, fc_error *err)
{
	const char *end = NULL, *enc;
	cJSON *root;
	size_t off = 0;

	*out = NULL;
	if ((enc = fc_utf16_or_32(text, len)))
		return fc_error_set(err, FC_ERR_PARSE,
				    "%s: %s text; JSON must be UTF-8: convert "
				    "it, e.g. with iconv -f %s -t UTF-8",
				    name, enc, enc);
	/* A byte-order mark is not JSON, but editors write one. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	while (off < len && strchr(" \t\r\n", text[off]) && text[off])
		off++;
	if (len == off)
		return fc_error_set(err, FC_ERR_PARSE,
				    "%s: empty file, expected JSON", name);
	root = cJSON_ParseWithLengthOpts(text + off, len - off, &end, false);
	if (!root)
		return parse_error(name, text, len,
				   end ? (size_t)(end - text) : off, err);
	/* cJSON skips any byte below 0x21 as if it were a space. */
	{
		size_t stray = stray_byte(text, off, len);
		if (stray < len) {
			cJSON_Delete(root);
			return parse_error(name, text, len, stray, err);
		}
	}
	/* Anything but whitespace after the value is an error too. */
	if (end) {
		size_t pos = (size_t)(end - text);
		while (pos < len && strchr(" \t\r\n", text[pos]) && text[pos])
			pos++;
		if (pos < len) {
			unsigned line, col;
			fc_text_position(text, pos, &line, &col);
			cJSON_Delete(root);
			return fc_error_set(err, FC_ERR_PARSE,
					    "%s:%u:%u: invalid JSON: unexpected "
					    "text after the end of the document",
					    name, line, col);
		}
	}
	if (no_duplicates) {
		const cJSON *dup = NULL;
		if (find_duplicate(root, &dup)) {
			char path[512];
			fc_json_path_of(root, dup, "", path, sizeof(path));
			fc_status rc = fc_error_set(
			    err, FC_ERR_PARSE, "%s: %s: key \"%s\" given twice",
			    name, path[0] ? path : "(top level)", dup->string);
			cJSON_Delete(root);
			return rc;
		}
	}
	*out = root;
	return FC_OK;
}

const char *fc_json_path_key(char *buf, size_t size, const char *parent,
			     const char *key)
{
	bool plain = key[0] != 0;

	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			plain = false;
	if (plain)
		snprintf(buf, size, "%s%s%s", parent, parent[0] ? "." : "",
			 key);
	else
		snprintf(buf, size, "%s[\"%s\"]", parent, key);
	return buf;
}

const char *fc_json_path_index(char *buf, size_t size, const char *parent,
			       size_t index)
{
	snprintf(buf, size, "%s[%zu]", parent, index);
	return buf;
}

static bool path_of(const cJSON *cur, const cJSON *node, const char *prefix,
		    char *buf, size_t size)
{
	char tmp[512];
	size_t i = 0;

	if (cur == node) {
		snprintf(buf, size, "%s", prefix);
		return true;
	}
	if (!cJSON_IsArray(cur) && !cJSON_IsObject(cur))
		return false;
	for (const cJSON *c = cur->child; c; c = c->next, i++) {
		if (cJSON_IsObject(cur))
			fc_json_path_key(tmp, sizeof(tmp), prefix,
					 c->string ? c->string : "");
		else
			fc_json_path_index(tmp, sizeof(tmp), prefix, i);
		if (path_of(c, node, tmp, buf, size))
			return true;
	}
	return false;
}

const char *fc_json_path_of(const cJSON *root, const cJSON *node,
			    const char *prefix, char *buf, size_t size)
{
	if (!path_of(root, node, prefix, buf, size))
		snprintf(buf, size, "%s", prefix);
	return buf;
}

const char *fc_json_type_name(const cJSON *v)
{
	if (!v)
		return "nothing";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsObject(v))
		return "an object";
	return "an unknown value";
}

bool fc_json_is_integer(const cJSON *v)
{
	double d;

	if (!cJSON_IsNumber(v))
		return false;
	d = v->valuedouble;
	return isfinite(d) && d == floor(d) && fabs(d) < 9.2e18;
}
