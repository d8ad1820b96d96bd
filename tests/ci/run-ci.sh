#!/bin/sh
# run-ci.sh: figcheck as CI and editors run it: folders with include and
# exclude globs, standard input, the input format, -j, suppression
# comments, baselines, several reports in one run, the GitHub job summary,
# and the progress line. The SARIF files written here are kept in the
# build tree's tests/ci/sarif/ for the schema test (sarif-validate.sh).
. "$(dirname "$0")/../cli/lib.sh"
cd "$top_srcdir" || exit 99
CFG="$top_srcdir/examples/figcheck.json"
SARIF_DIR="$top_builddir/tests/ci/sarif"
mkdir -p "$SARIF_DIR"
rm -f "$SARIF_DIR"/cli-*.sarif

run() {
	"$FIGCHECK" "$@" > "$TMP/out" 2>&1 < /dev/null
}

# expect_not NAME PATTERN: the last output lacks PATTERN.
lacks() {
	if grep -qF -- "$2" "$TMP/out"; then
		not_ok "$1" "unexpected: $2" "$(head -c 1500 "$TMP/out")"
	else
		ok "$1"
	fi
}

draft() { # draft FILE KILLED CHILDREN
	mkdir -p "$(dirname "$1")"
	cat > "$1" <<EOT
---
date: 2023-11-05
---

Four weeks of war have brought the death of **$2** Palestinians.

The ministry in Gaza said $3 children were among the dead.
EOT
}

# --- Folders, globs, hidden files -----------------------------------
D="$TMP/drafts"
draft "$D/a.md" 9,770 4,008
draft "$D/2023/nov/b.md" 9,770 4,800
draft "$D/old/c.md" 9,000 4,800
draft "$D/.hidden/d.md" 9,000 4,800
draft "$D/e.txt" 9,770 4,008
printf 'not a draft 4,800\n' > "$D/notes.csv"
(cd "$TMP" && "$FIGCHECK" -c "$CFG" -f json drafts > "$TMP/out" 2>&1)
check_output folder-recursive 1 $? '"path":	"drafts/2023/nov/b.md"' \
	'"path":	"drafts/a.md"' '"path":	"drafts/e.txt"' '"path":	"drafts/old/c.md"'
lacks folder-skips-hidden ".hidden"
(cd "$TMP" && "$FIGCHECK" -c "$CFG" --exclude old --exclude '*.txt' ./drafts/ > "$TMP/out" 2>&1)
check_output exclude-globs 1 $? "drafts/2023/nov/b.md:7:27: discrepancy" \
	"4 findings in 2 documents"
lacks exclude-globs-left-out "old/c.md"
(cd "$TMP" && "$FIGCHECK" -c "$CFG" --include '2023/**' drafts > "$TMP/out" 2>&1)
check_output include-globs 1 $? "drafts/2023/nov/b.md:7:27: discrepancy" "2 findings in 1 document"
run -c "$CFG" --include '*.doc' "$D"
check_output include-nothing 2 $? "no drafts in this folder match the --include and --exclude globs"

# --- Standard input and formats --------------------------------------
printf '<p>The ministry in Gaza said <b>4&#44;800</b> children were among the dead.</p>\n' |
	"$FIGCHECK" -c "$CFG" --date 2023-11-05 --stdin-filename web/page.html - > "$TMP/out" 2>&1
check_output stdin-html 1 $? "web/page.html:1:33: discrepancy: \"4,800\""
printf 'The ministry in Gaza said **4,800** children were among the dead.\n' > "$TMP/plain.txt"
run -c "$CFG" --date 2023-11-05 --input-format markdown "$TMP/plain.txt"
check_output input-format 1 $? "$TMP/plain.txt:1:29: discrepancy"
run -c "$CFG" --input-format rtf "$TMP/plain.txt"
check_output bad-input-format 2 $? "--input-format: 'rtf' is not text, markdown or html"
run -c "$CFG" -j many "$TMP/plain.txt"
check_output bad-jobs 2 $? "--jobs: 'many' is not a number"
run -c "$CFG" - -
check_output stdin-twice 2 $? "standard input named twice"

# --- -j: the same report with threads --------------------------------
J="$TMP/many"
i=0
while [ $i -lt 40 ]; do
	if [ $((i % 4)) = 0 ]; then k=8,700; else k=9,770; fi
	draft "$J/d$i.md" $k "4,$((i % 10))08"
	i=$((i + 1))
done
: > "$J/empty.md"
"$FIGCHECK" -c "$CFG" -j 1 -f json -o "$TMP/j1.json" "$J" > "$TMP/out" 2>&1
s1=$?
"$FIGCHECK" -c "$CFG" -j 3 -f json -o "$TMP/j3.json" "$J" > "$TMP/out" 2>&1
s3=$?
"$FIGCHECK" -c "$CFG" -j 0 -f json -o "$TMP/j0.json" "$J" > "$TMP/out" 2>&1
# (The time the reference data was read may differ between runs.)
for j in 1 3 0; do grep -v '"retrieved":' "$TMP/j$j.json" > "$TMP/j$j.cmp"; done
if [ $s1 = 2 ] && [ $s3 = 2 ] && cmp -s "$TMP/j1.cmp" "$TMP/j3.cmp" &&
	cmp -s "$TMP/j1.cmp" "$TMP/j0.cmp" && grep -q '"error":	".*empty.md: empty file' "$TMP/j1.json"; then
	ok jobs-same-report
else
	not_ok jobs-same-report "status $s1/$s3" "$(diff "$TMP/j1.cmp" "$TMP/j3.cmp" | head -20)" \
		"$(diff "$TMP/j1.cmp" "$TMP/j0.cmp" | head -20)"
fi
check_output jobs-error-named 2 $s3 "figcheck: error: $J/empty.md: empty file"

# No progress line when stderr is not a terminal...
run -c "$CFG" -j 2 "$J"
lacks no-progress-off-terminal "checked 40 of"
# ... and one when it is (util-linux script gives the run a terminal).
if command -v script > /dev/null 2>&1; then
	script -qec "\"$FIGCHECK\" -c \"$CFG\" -j 2 \"$J\" > /dev/null" "$TMP/typescript" > /dev/null 2>&1 < /dev/null
	if grep -q "figcheck: checked 41 of 41 documents" "$TMP/typescript"; then
		ok progress-on-terminal
	else
		not_ok progress-on-terminal "$(head -c 600 "$TMP/typescript")"
	fi
fi

# --- Suppression comments --------------------------------------------
S="$TMP/sup.md"
cat > "$S" <<'EOT'
---
date: 2023-11-05
---

Four weeks of war have brought the death of 8,700 Palestinians.

<!-- figcheck-disable-next-line gaza.killed.children -- under review -->
The ministry in Gaza said 4,800 children were among the dead.

<!-- figcheck-disable gaza.* -->
The ministry in Gaza said 4,900 children were among the dead.
<!-- figcheck-enable gaza.* -->
<!-- figcheck-disabel -->
EOT
run -c "$CFG" "$S"
check_output suppress 1 $? "$S:5:45: discrepancy: \"8,700\"" "1 finding in 1 document" \
	"warning: $S:13:1: unknown figcheck directive 'figcheck-disabel'"
lacks suppress-hidden "4,800"

# --- Baselines --------------------------------------------------------
B="$TMP/base"
draft "$B/x.md" 8,700 4,800
draft "$B/y.md" 9,770 4,008
run -c "$CFG" --write-baseline "$TMP/baseline.json" "$B"
check_output write-baseline 0 $? "wrote 2 fingerprints to $TMP/baseline.json"
if grep -q '"path":"'"$B"'/x.md","line":5,"verdict":"discrepancy"' "$TMP/baseline.json"; then
	ok baseline-file
else
	not_ok baseline-file "$(cat "$TMP/baseline.json")"
fi
run -c "$CFG" --baseline "$TMP/baseline.json" "$B"
check_output baseline-accepts 0 $? "2 findings accepted by the baseline"
# An edit above the old findings keeps them accepted; a new one fails.
{ printf -- '---\ndate: 2023-11-05\n---\n\nA new lead paragraph.\n\n'
  sed 1,4d "$B/x.md"
  printf '\nThe ministry in Gaza said 4,900 children were among the dead.\n'; } > "$TMP/x2.md"
mv "$TMP/x2.md" "$B/x.md"
run -c "$CFG" --baseline "$TMP/baseline.json" -f sarif -o "$SARIF_DIR/cli-baseline.sarif" -f text "$B"
check_output baseline-new-finding 1 $? "$B/x.md:11:27: discrepancy: \"4,900\"" \
	"3 findings in 2 documents: 1 discrepancy, 2 ok" "2 findings accepted by the baseline"
lacks baseline-old-hidden '"4,800"'
# Fixed findings are reported as stale entries.
draft "$B/x.md" 9,770 4,008
run -c "$CFG" --baseline "$TMP/baseline.json" "$B"
check_output baseline-stale 0 $? "2 of its 2 entries match no finding any more"
printf '{"figcheck_baseline": 1, "findings": [{"fingerprint": 12}]}' > "$TMP/bad-base.json"
echo "old report" > "$TMP/kept.sarif"
run -c "$CFG" --baseline "$TMP/bad-base.json" -f sarif -o "$TMP/kept.sarif" "$B"
check_output baseline-malformed 2 $? "$TMP/bad-base.json: findings[0].fingerprint: expected 16 hexadecimal digits"
if [ "$(cat "$TMP/kept.sarif")" = "old report" ]; then ok baseline-report-untouched; else not_ok baseline-report-untouched; fi
run -c "$CFG" --baseline "$TMP/none.json" "$B"
check_output baseline-missing 2 $? "--baseline: $TMP/none.json"

# --- Several reports in one run --------------------------------------
R="$TMP/reports"
mkdir -p "$R"
printf 'previous step\n' > "$R/summary.md"
GITHUB_STEP_SUMMARY="$R/summary.md" "$FIGCHECK" -c "$CFG" \
	-f sarif -o "$R/out.sarif" -f junit -o "$R/junit.xml" \
	-f html -o "$R/report.html" -f markdown -o "$R/comment.md" \
	-f json -o "$R/out.json" -f github \
	examples/gaza-2023-11-05.md "$D" > "$TMP/out" 2>&1
check_output many-reports 1 $? \
	"::error file=examples/gaza-2023-11-05.md,line=19,col=27,endColumn=31,title=figcheck%3A discrepancy (casualties.killed)::"
cp "$R/out.sarif" "$SARIF_DIR/cli-many.sarif"
missing=""
for f in out.sarif junit.xml report.html comment.md out.json; do
	[ -s "$R/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ] && grep -q '<testsuites name="figcheck" tests="' "$R/junit.xml" &&
	grep -q '^### .* figcheck: ' "$R/comment.md" &&
	grep -q 'data-verdict="discrepancy" tabindex' "$R/report.html"; then
	ok many-reports-files
else
	not_ok many-reports-files "missing:$missing"
fi
if grep -q '^previous step$' "$R/summary.md" && grep -q '^### .* figcheck: ' "$R/summary.md"; then
	ok github-job-summary
else
	not_ok github-job-summary "$(head -c 800 "$R/summary.md")"
fi
# JUnit parses as XML, with one test case per claim.
if command -v python3 > /dev/null 2>&1; then
	if python3 - "$R/junit.xml" "$R/out.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
rep = json.load(open(sys.argv[2]))
cases = root.findall("./testsuite/testcase")
findings = sum(len(d["findings"]) for d in rep["documents"])
fails = len(root.findall("./testsuite/testcase/failure"))
assert int(root.get("tests")) == len(cases) == findings, (root.get("tests"), len(cases), findings)
assert int(root.get("failures")) == fails > 0
PY
	then ok junit-parses; else not_ok junit-parses; fi
fi
# Nothing at all for a clean draft: an empty but valid SARIF run.
run -c "$CFG" --date 2023-11-05 -f sarif -o "$SARIF_DIR/cli-clean.sarif" "$D/a.md"
check_output sarif-clean 0 $?

finish
