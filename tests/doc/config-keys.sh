#!/bin/sh
# config-keys.sh: every configuration key figcheck accepts is documented
# in the configuration reference (doc/configuration.md) and in the man
# page figcheck.json(5) (doc/figcheck.json.5).
#
# The keys come from the code, not from a list kept here:
#   - the key tables of core/conf.c (`static const char *const keys[]`
#     in parse_root, parse_numbers, parse_verify, parse_fetch and
#     parse_source);
#   - the keys of "inputs" that core/inputs.c compares with;
#   - every plugin's declared options, as `figcheck plugins -v` lists
#     them (checkers.NAME.KEY, reporters.NAME.KEY, and the options of each
#     source plugin).
#
# The conventions of the documents (doc/development.md says them too):
#   - doc/configuration.md gives each object of the file its own section,
#     whose heading names it in backticks ("## `fetch`",
#     "### `checkers.rules`", "### `reporters.html`", "## The `json`
#     source"; the top level is "## Top-level keys"), and each key is a
#     row of a table in that section whose first cell names the key in
#     backticks ("| `deadline` | duration | 120 s | ... |");
#   - doc/figcheck.json.5 names each key on a .B or .BR line, with its
#     path (numbers.locale, sources[].ttl, checkers.rules.jit,
#     reporters.html.title); source plugin options by their bare name.
#
# A key missing from either fails the test, naming it and where it
# should go.
. "$(dirname "$0")/../cli/lib.sh"
REF="$top_srcdir/doc/configuration.md"
MAN="$top_srcdir/doc/figcheck.json.5"

# The keys the code accepts, one "CONTEXT<TAB>KEY" a line.
{
	# core/conf.c: each keys[] table, named by the function it is in.
	awk '
		/^static [a-z_ ]+\*? *parse_[a-z_]+\(/ {
			fn = $0
			sub(/\(.*/, "", fn)
			sub(/.* \*?/, "", fn)
		}
		/keys\[\] *= *\{/ { in_keys = 1 }
		in_keys {
			line = $0
			while (match(line, /"[^"]*"/)) {
				print fn "\t" substr(line, RSTART + 1, RLENGTH - 2)
				line = substr(line, RSTART + RLENGTH)
			}
			if ($0 ~ /NULL *\}/)
				in_keys = 0
		}
	' "$top_srcdir/core/conf.c"
	# core/inputs.c: the keys of "inputs".
	grep -o 'strcmp(k->string, "[a-z_]*")' "$top_srcdir/core/inputs.c" |
		sed 's/.*"\(.*\)")/inputs\t\1/'
	# The plugins' options.
	(cd "$TMP" && "$FIGCHECK" plugins -v) | awk '
		/^(checker|source|reporter) / { kind = $1; name = $2; next }
		/^ +option [A-Za-z0-9_]+[,:]/ {
			opt = $2
			sub(/[,:]$/, "", opt)
			print kind ":" name "\t" opt
		}
	'
} > "$TMP/keys"

if [ ! -s "$TMP/keys" ] || ! grep -q '^parse_root	' "$TMP/keys" ||
	! grep -q '^inputs	' "$TMP/keys" || ! grep -q '^source:json	' "$TMP/keys"; then
	not_ok "reading the keys" "could not read the keys from core/conf.c," \
		"core/inputs.c and 'figcheck plugins -v'; fix tests/doc/config-keys.sh"
	finish
	exit
fi

# The reference's documented keys: "HEADING<TAB>KEY" for each backticked
# word of each table row's first cell.
awk '
	/^```/ { fence = !fence; next }
	fence { next }
	/^#+ / { heading = $0; next }
	/^\|/ {
		cell = $0
		sub(/^\| */, "", cell)
		sub(/ *\|.*/, "", cell)
		while (match(cell, /`[^`]+`/)) {
			print heading "\t" substr(cell, RSTART + 1, RLENGTH - 2)
			cell = substr(cell, RSTART + RLENGTH)
		}
	}
' "$REF" > "$TMP/documented"

# The man page's named keys: every word of its .B and .BR lines.
sed -n 's/^\.BR\{0,1\} //p' "$MAN" | tr -d '",()' | tr ' ' '\n' |
	grep -v '^$' | sort -u > "$TMP/man"

n=0
while IFS='	' read -r ctx key; do
	n=$((n + 1))
	case $ctx in
	parse_root) heading='Top-level keys'; man=$key ;;
	parse_numbers) heading='`numbers`'; man="numbers.$key" ;;
	parse_verify) heading='`verify`'; man="verify.$key" ;;
	parse_fetch) heading='`fetch`'; man="fetch.$key" ;;
	parse_source) heading='`sources`'; man="sources[].$key" ;;
	inputs) heading='`inputs`'; man="inputs.$key" ;;
	checker:*) heading="\`checkers.${ctx#checker:}\`"; man="checkers.${ctx#checker:}.$key" ;;
	reporter:*) heading="\`reporters.${ctx#reporter:}\`"; man="reporters.${ctx#reporter:}.$key" ;;
	source:*) heading="The \`${ctx#source:}\` source"; man=$key ;;
	*)
		not_ok "$ctx $key" "a key table in $ctx that this test does not" \
			"know: say in tests/doc/config-keys.sh which section documents it"
		continue ;;
	esac
	if ! awk -F '\t' -v h="$heading" -v k="$key" '
		index($1, h) && $2 == k { found = 1 } END { exit !found }
	' "$TMP/documented"; then
		not_ok "$man" "the key '$key' ($ctx) is not documented in" \
			"doc/configuration.md: add a row naming \`$key\` to the table of" \
			"the section whose heading holds $heading"
		continue
	fi
	if ! grep -qxF -- "$man" "$TMP/man"; then
		not_ok "$man" "the key '$man' is not named in doc/figcheck.json.5:" \
			"add a .TP entry with .B $man (or .BR ... \", \" $man)"
		continue
	fi
	ok "$man"
done < "$TMP/keys"
echo "$n keys the code accepts"
finish
