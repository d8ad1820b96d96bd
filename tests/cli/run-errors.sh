#!/bin/sh
# run-errors.sh: bad input gets one clear line on stderr naming the file
# and the place, exit status 2, and no report file half-written. These
# cases build their inputs on the fly.
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 99
CFG=examples/figcheck.json

run() {
	"$FIGCHECK" "$@" > "$TMP/out" 2>&1 < /dev/null
}

# A missing file.
run -c $CFG "$TMP/missing.md"
check_output missing-file 2 $? "figcheck: error: $TMP/missing.md: No such file or directory"

# A folder with no drafts.
mkdir -p "$TMP/empty/sub"
echo "x" > "$TMP/empty/sub/notes.csv"
run -c $CFG "$TMP/empty"
check_output empty-folder 2 $? "$TMP/empty: no drafts in this folder"

# A binary file.
printf 'PK\003\004\000\000binary' > "$TMP/draft.txt"
run -c $CFG "$TMP/draft.txt"
check_output binary 2 $? "$TMP/draft.txt: binary file"

# Invalid UTF-8, with its line and column.
printf 'First line.\nThe toll rose to 9,770 \377 yesterday.\n' > "$TMP/latin.txt"
run -c $CFG "$TMP/latin.txt"
check_output invalid-utf8 2 $? "$TMP/latin.txt:2:24: invalid UTF-8 (byte 0xff"

# Empty input, from a file and from stdin.
: > "$TMP/empty.md"
run -c $CFG "$TMP/empty.md"
check_output empty-file 2 $? "$TMP/empty.md: empty file"
"$FIGCHECK" -c $CFG - < /dev/null > "$TMP/out" 2>&1
check_output empty-stdin 2 $? "<stdin>: empty file"

# A malformed configuration: syntax, with line and column; a bad value,
# with its JSON path.
printf '{\n  "sources": [\n    {"name": "x",, }\n  ]\n}\n' > "$TMP/bad.json"
run -c "$TMP/bad.json" examples/gaza-2023-11-05.md
check_output config-syntax 2 $? "$TMP/bad.json:3:19: invalid JSON"
printf '{"sources": [{"name": "x", "plugin": "json", "path": 5}]}\n' > "$TMP/bad2.json"
run -c "$TMP/bad2.json" examples/gaza-2023-11-05.md
check_output config-type 2 $? "$TMP/bad2.json: sources[0].path: expected a string, found a number"

# A malformed rule pack: PCRE2's message and offset, and the rule id.
cat > "$TMP/pack.json" <<'JSON'
{"pack": "broken", "rules": [{"id": "bad-regex", "metric": "x.y",
  "patterns": ["killed (?<n {NUMBER}"],
  "examples": [{"text": "killed 5", "claim": "5"}]}]}
JSON
printf '{"checkers": {"rules": {"packs": ["%s"]}}}\n' "$TMP/pack.json" > "$TMP/rules.json"
run -c "$TMP/rules.json" examples/gaza-2023-11-05.md
check_output rule-pack-regex 2 $? "rule pack $TMP/pack.json: rules[0] (bad-regex): patterns[0]: invalid regular expression at offset"

# Malformed reference JSON (a local file: an input error).
printf '[{"date": "2023-11-05", "killed": 5},\n {"date": }]\n' > "$TMP/ref.json"
printf '{"sources": [{"name": "bad", "plugin": "json", "path": "ref.json", "options": {"metrics": {"killed": "x.killed"}}}]}\n' > "$TMP/ref-cfg.json"
run -c "$TMP/ref-cfg.json" examples/gaza-2023-11-05.md
check_output reference-json 2 $? "source bad: $TMP/ref.json:2:11: not valid JSON"

# A record missing a mapped field: skipped with a warning, the run goes on.
printf '[{"date": "2023-11-05", "killed": 5}, {"date": "2023-11-06"}, {"killed": 7}]\n' > "$TMP/gap.json"
printf '{"sources": [{"name": "gap", "plugin": "json", "path": "gap.json", "options": {"metrics": {"killed": "x.killed"}}}]}\n' > "$TMP/gap-cfg.json"
run -c "$TMP/gap-cfg.json" --fail-on never examples/gaza-2023-11-05.md
check_output record-gap 0 $? "warning: gap: $TMP/gap.json: 1 record has no value in field \"killed\" (first: record 2 (/1)): no x.killed for those dates" \
	"$TMP/gap.json: 1 record has no date in field \"date\" (first: record 3 (/2)); skipped"

# A report file is never half-written: a failing run leaves the old one.
echo "previous report" > "$TMP/report.json"
run -c "$TMP/bad.json" -f json -o "$TMP/report.json" examples/gaza-2023-11-05.md
check_output report-untouched 2 $? "invalid JSON"
if [ "$(cat "$TMP/report.json")" = "previous report" ] &&
	[ "$(ls "$TMP" | grep -c 'report.json.tmp')" = 0 ]; then
	ok report-file-intact
else
	not_ok report-file-intact "the old report was changed or a temporary file left"
fi

# Usage errors.
run --date 2023-13-01 examples/gaza-2023-11-05.md
check_output bad-date 2 $? "--date: '2023-13-01' is not a date"
run --fail-on maybe examples/gaza-2023-11-05.md
check_output bad-fail-on 2 $? "--fail-on: 'maybe' is not a verdict"
run
check_output no-args 2 $? "no drafts given"
run --no-such-option x.md
check_output bad-option 2 $? "Try 'figcheck --help'"

# Broken plugins on the plugin path are refused with the file named.
for p in bad_abi no_symbol small_desc; do
	d="$TMP/plug-$p"
	mkdir -p "$d"
	cp "$top_builddir/tests/plugins/.libs/$p.so" "$d/"
	run plugins --plugin-dir "$d"
	check_output "broken-plugin-$p" 2 $? "$d/$p.so"
done

finish
