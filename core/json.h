/*
 * json.h: cJSON at the boundary. Parsing with error positions, JSON paths
 * for messages, and typed getters that report the path of what is wrong.
 */
#ifndef FC_JSON_H
#define FC_JSON_H

#include <cjson/cJSON.h>
#include <figcheck/figcheck.h>

/*
 * Parses `len` bytes of `text` as one JSON value. On failure fills err
 * with "NAME:LINE:COL: invalid JSON: ..." and returns FC_ERR_PARSE. When
 * `no_duplicates` is set, an object with the same key twice is an error
 * too (used for configuration and rule packs). On success the caller owns
 * *out and frees it with cJSON_Delete.
 */
fc_status fc_json_parse(const char *name, const char *text, size_t len,
			bool no_duplicates, cJSON **out, fc_error *err);

/* Line and column (1-based, column in code points) of byte `off` of
 * `text`. */
void fc_text_position(const char *text, size_t off, unsigned *line,
		      unsigned *col);

/* Builds "parent.key" or "parent[i]" into buf; returns buf. */
const char *fc_json_path_key(char *buf, size_t size, const char *parent,
			     const char *key);
const char *fc_json_path_index(char *buf, size_t size, const char *parent,
			       size_t index);
/* Finds `node` below `root` and writes its path (starting with `prefix`)
 * into buf. Returns buf, or `prefix` copied if not found. */
const char *fc_json_path_of(const cJSON *root, const cJSON *node,
			    const char *prefix, char *buf, size_t size);

/* A short name of a value's type for messages ("a string"). */
const char *fc_json_type_name(const cJSON *v);

/* True when a JSON number is finite and has no fraction, and within the
 * range of int64_t. */
bool fc_json_is_integer(const cJSON *v);

#endif
