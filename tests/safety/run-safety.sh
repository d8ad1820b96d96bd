#!/bin/sh
# run-safety.sh: silent misses and passes, and safe I/O (issue 11): a
# draft's impossible date, a run without configuration, reports written
# onto symbolic links, FIFOs and devices, folder walks that meet links
# out of the tree, hostile file names, an interrupted report.
. "$(dirname "$0")/../cli/lib.sh"
cd "$top_srcdir" || exit 99
CFG="$top_srcdir/examples/figcheck.json"

run() {
	"$FIGCHECK" "$@" > "$TMP/out" 2>&1 < /dev/null
}

# lacks NAME PATTERN: the last output lacks PATTERN.
lacks() {
	if grep -qF -- "$2" "$TMP/out"; then
		not_ok "$1" "unexpected: $2" "$(head -c 1500 "$TMP/out")"
	else
		ok "$1"
	fi
}

# --- Impossible dates ------------------------------------------------
printf -- '---\ndate: 2023-11-31\n---\n\nFour weeks of war have brought the death of 9,770 Palestinians.\n' > "$TMP/bad-date.md"
run -c "$CFG" "$TMP/bad-date.md"
check_output date-impossible 2 $? \
	"$TMP/bad-date.md:2:7: front matter date '2023-11-31' is not a date (November has 30 days)"
# --date makes the draft's own date moot.
run -c "$CFG" --date 2023-11-05 "$TMP/bad-date.md"
check_output date-impossible-overridden 0 $? \
	"bad-date.md:5:45: ok: \"9,770\" agrees with gaza-moh"

# A dateline that names no day.
printf 'GAZA CITY, Nov 31 (Reuters) - Israeli strikes have killed 9,770 Palestinians.\n' > "$TMP/dateline.txt"
run -c "$CFG" "$TMP/dateline.txt"
check_output dateline-impossible 2 $? \
	"dateline.txt:1:12: dateline 'Nov 31' is not a date (November has 30 days)"

# --- No configuration: said on stderr and in the report; caught by
# --fail-on unverified, even when no claim was found.
mkdir -p "$TMP/noconf"
printf 'The ministry in Gaza said 4,800 children were among the dead.\n' > "$TMP/noconf/d.md"
printf 'Nothing to count here.\n' > "$TMP/noconf/none.md"
(cd "$TMP/noconf" && "$FIGCHECK" --date 2023-11-05 d.md > "$TMP/out" 2> "$TMP/err")
check_output no-config-exit-0 0 $? \
	"warning: no configuration found (no --config, and no .figcheck.json in" \
	"no reference source is configured"
if grep -qF "figcheck: warning: no configuration found" "$TMP/err"; then
	ok no-config-stderr
else
	not_ok no-config-stderr "no warning on stderr" "$(cat "$TMP/err")"
fi
(cd "$TMP/noconf" && "$FIGCHECK" --fail-on unverified none.md > "$TMP/out" 2>&1)
check_output no-config-fail-on-unverified 1 $? "0 findings in 1 document"
(cd "$TMP/noconf" && "$FIGCHECK" -f json none.md > "$TMP/out" 2>&1)
check_output no-config-json 0 $? '"warnings":	["no configuration found'
(cd "$TMP/noconf" && "$FIGCHECK" --config .figcheck.json d.md > "$TMP/out" 2>&1)
check_output ci-recipe-names-config 2 $? ".figcheck.json"

# --- Reports onto links, FIFOs, devices (made here, never /dev's) ----
G="$TMP/gaza.md"
printf -- '---\ndate: 2023-11-05\n---\n\nThe ministry in Gaza said 4,800 children were among the dead.\n' > "$G"
echo old > "$TMP/real.json"
ln -s real.json "$TMP/link.json"
run -c "$CFG" -f json -o "$TMP/link.json" "$G"
if [ $? = 1 ] && [ -L "$TMP/link.json" ] && grep -q '"verdict":	"discrepancy"' "$TMP/real.json"; then
	ok output-through-symlink
else
	not_ok output-through-symlink "the link was replaced, or its target not written" "$(ls -l "$TMP" | head)"
fi
# A name for our own standard output (as /dev/stdout is).
ln -s /proc/self/fd/1 "$TMP/stdout-link"
"$FIGCHECK" -c "$CFG" -f json -o "$TMP/stdout-link" "$G" > "$TMP/captured" 2>/dev/null
if [ -L "$TMP/stdout-link" ] && grep -q '"verdict":	"discrepancy"' "$TMP/captured"; then
	ok output-to-own-stdout
else
	not_ok output-to-own-stdout "not written to standard output" "$(head -c 300 "$TMP/captured")"
fi
mkfifo "$TMP/fifo"
cat "$TMP/fifo" > "$TMP/from-fifo" &
reader=$!
run -c "$CFG" -o "$TMP/fifo" "$G"
st=$?
wait $reader
if [ $st = 1 ] && [ -p "$TMP/fifo" ] && grep -q "discrepancy" "$TMP/from-fifo"; then
	ok output-to-fifo
else
	not_ok output-to-fifo "status $st; the FIFO was replaced or not written" "$(ls -l "$TMP/fifo")"
fi
if mknod "$TMP/null" c 1 3 2>/dev/null; then
	run -c "$CFG" -f html -o "$TMP/null" "$G"
	if [ $? = 1 ] && [ -c "$TMP/null" ]; then
		ok output-to-device
	else
		not_ok output-to-device "the device was replaced by a file" "$(ls -l "$TMP/null")"
	fi
else
	echo "SKIP: output-to-device: mknod is not allowed here (not root)"
fi
run -c "$CFG" -o "$TMP" "$G"
check_output output-to-folder 2 $? "is a folder; name a file"

# A signal while the report is written (here SIGXFSZ, a file size limit
# the report passes) leaves the old report and no temporary file.
mkdir "$TMP/sig"
echo "old report" > "$TMP/sig/report.html"
( ulimit -f 4; exec "$FIGCHECK" -c "$CFG" -f html -o "$TMP/sig/report.html" "$G" >/dev/null 2>&1 ) 2>/dev/null
st=$?
if [ $st -gt 128 ] && [ "$(cat "$TMP/sig/report.html")" = "old report" ] &&
	[ "$(ls -a "$TMP/sig" | grep -c '\.tmp-')" = 0 ]; then
	ok signal-leaves-no-temporary
else
	not_ok signal-leaves-no-temporary "status $st" "$(ls -la "$TMP/sig")"
fi

# --- A folder walk does not follow links out of the folder ------------
mkdir -p "$TMP/walk/drafts" "$TMP/walk/private"
printf 'TOPSECRET: the ministry in Gaza said 4,800 children were among the dead.\n' > "$TMP/walk/private/key.md"
printf 'The ministry in Gaza said 4,800 children were among the dead.\n' > "$TMP/walk/drafts/a.md"
ln -s ../private/key.md "$TMP/walk/drafts/notes.md"
(cd "$TMP/walk" && "$FIGCHECK" -c "$CFG" --date 2023-11-05 -f html -o report.html -f text drafts > "$TMP/out" 2>&1)
check_output walk-link-out-skipped 1 $? \
	"warning: 1 symbolic link in the folders checked leads out of them and was not read: drafts/notes.md; --follow-symlinks reads them" \
	"1 finding in 1 document"
if grep -q TOPSECRET "$TMP/walk/report.html"; then
	not_ok walk-secret-not-in-report "the linked file's text is in the HTML report"
elif ! grep -q "drafts/notes.md; --follow-symlinks reads them" "$TMP/walk/report.html"; then
	not_ok walk-secret-not-in-report "the report does not say what was skipped"
else
	ok walk-secret-not-in-report
fi
(cd "$TMP/walk" && "$FIGCHECK" -c "$CFG" --date 2023-11-05 --follow-symlinks drafts > "$TMP/out" 2>&1)
check_output walk-follow-symlinks 1 $? "drafts/notes.md:1:38: discrepancy" "2 findings in 2 documents"

# --- Hostile file names, escaped in every format ----------------------
N="$TMP/names"
mkdir -p "$N"
body='The ministry in Gaza said 4,800 children were among the dead.'
printf '%s\n' "$body" > "$N/$(printf 'a\nb.md')"
printf '%s\n' "$body" > "$N/$(printf 'f.md\nx.md:1:1: ok: all fine\n.md')"
printf '%s\n' "$body" > "$N/$(printf 'c\rd.md')"
printf '%s\n' "$body" > "$N/$(printf 'e\033[2Jf.md')"
printf '%s\n' "$body" > "$N/$(printf 'g\377h.md')"
(cd "$TMP" && "$FIGCHECK" -c "$CFG" --date 2023-11-05 names > "$TMP/out" 2>&1)
check_output names-text 1 $? 'names/a\nb.md:1:27: discrepancy' \
	'names/c\rd.md:1:27:' 'names/e\x1b[2Jf.md:1:27:' 'names/g\xffh.md:1:27:' \
	'names/f.md\nx.md:1:1: ok: all fine\n.md:1:27: discrepancy'
if grep -q '^x.md:1:1: ok' "$TMP/out" || [ "$(wc -l < "$TMP/out")" -ne 6 ] ||
	tr -d '\n' < "$TMP/out" | LC_ALL=C grep -q '[[:cntrl:]]'; then
	not_ok names-no-forged-line "a name forged a line or wrote a control character" "$(cat -v "$TMP/out")"
else
	ok names-no-forged-line
fi
for f in json sarif junit github markdown html; do
	(cd "$TMP" && "$FIGCHECK" -c "$CFG" --date 2023-11-05 -f $f -o "names.$f" names > /dev/null 2>&1)
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$TMP/names.$f" ||
		! iconv -f UTF-8 -t UTF-8 "$TMP/names.$f" > /dev/null 2>&1; then
		not_ok "names-$f" "a control character or invalid UTF-8 in the report"
	else
		ok "names-$f"
	fi
done
if [ -n "$PYTHON3" ] && "$PYTHON3" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$TMP/names.json" 2>/dev/null; then
	ok names-json-parses
elif [ -n "$PYTHON3" ]; then
	not_ok names-json-parses "invalid JSON" "$(head -c 600 "$TMP/names.json")"
fi

# --- Encodings and depth ---------------------------------------------
printf '\377\376T\000h\000e\000 \000t\000o\000l\000l\000\n\000' > "$TMP/utf16.txt"
run -c "$CFG" "$TMP/utf16.txt"
check_output utf16-draft 2 $? "utf16.txt: UTF-16LE text; figcheck reads UTF-8: convert it"
lacks utf16-not-binary "binary"
{ printf '{"pack": "deep", "rules": '; i=0; while [ $i -lt 1100 ]; do printf '['; i=$((i + 1)); done; } > "$TMP/deep-pack.json"
printf '{"checkers": {"rules": {"packs": ["deep-pack.json"]}}}\n' > "$TMP/deep-cfg.json"
run -c "$TMP/deep-cfg.json" "$TMP/bad-date.md"
check_output rule-pack-too-deep 2 $? "deep-pack.json:1:1026: JSON nested too deeply"

finish
