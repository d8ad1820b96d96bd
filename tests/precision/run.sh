#!/bin/sh
# run.sh: the precision corpus. Generates 2,000 articles on every subject
# (tests/precision/gen-corpus.py: deterministic, every figure right by
# construction, the claims on the bundled subjects made from the bundled
# data), checks them all against the bundled example configuration, and
# fails on every finding that calls a figure wrong (discrepancy,
# understated, overstated, outdated): in this corpus each is a false
# alarm. The known ones, with a reproduction each, are listed in
# tests/precision/FALSE-ALARMS.md.
#
# Exit status: 0 no false alarm, 1 false alarms (listed), 77 no python3,
# 99 the corpus or the run could not be made.
#
# PRECISION_COUNT=N generates N articles instead, PRECISION_SEED=N uses
# another seed (the default corpus is the generator's fixed seed);
# PRECISION_KEEP=DIR keeps the corpus and figcheck's JSON report in DIR
# (for a look with `figcheck claims --explain`).

# top_srcdir and top_builddir come from the test harness (Makefile.am's
# AM_TESTS_ENVIRONMENT); fall back to this file's place for manual runs.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
FIGCHECK="$top_builddir/figcheck"
PYTHON=${PYTHON3:-python3}
COUNT=${PRECISION_COUNT:-2000}
SEED=${PRECISION_SEED:+--seed $PRECISION_SEED}
export NO_COLOR=1
unset FIGCHECK_PLUGIN_PATH FIGCHECK_RULES_PATH

command -v "$PYTHON" > /dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
[ -x "$FIGCHECK" ] || { echo "ERROR: no figcheck at $FIGCHECK"; exit 99; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fcprecision.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start=$(date +%s)
if ! "$PYTHON" "$top_srcdir/tests/precision/gen-corpus.py" --count "$COUNT" $SEED \
	--data "$top_srcdir/examples/data" --out "$TMP/corpus" 2> "$TMP/gen.err"; then
	echo "ERROR: gen-corpus.py failed:"
	cat "$TMP/gen.err"
	exit 99
fi
if [ -s "$TMP/gen.err" ]; then
	# the data could not be read: the corpus lacks its data articles
	cat "$TMP/gen.err"
	exit 99
fi

# Relative paths, so that the report names corpus/NNNNN-subject.md.
(cd "$TMP" && "$FIGCHECK" check -c "$top_srcdir/examples/figcheck.json" \
	-f json --fail-on never -j 2 corpus > out.json 2> err)
status=$?
if [ "$status" -ne 0 ]; then
	echo "ERROR: figcheck exited with status $status:"
	head -c 3000 "$TMP/err"
	exit 99
fi
if [ -n "$PRECISION_KEEP" ]; then
	mkdir -p "$PRECISION_KEEP" && cp -R "$TMP/corpus" "$TMP/out.json" "$PRECISION_KEEP/" &&
		echo "kept the corpus and the report in $PRECISION_KEEP"
fi

"$PYTHON" - "$TMP/out.json" "$COUNT" "$start" <<'PY'
import json
import sys
import time

WRONG = ("discrepancy", "understated", "overstated", "outdated")
with open(sys.argv[1], encoding="utf-8") as fh:
    report = json.load(fh)
want = int(sys.argv[2])
s = report["summary"]
cov, v = s["coverage"], s["verdicts"]
docs = report["documents"]
errors = [d for d in docs if d.get("error")]
alarms = []
for d in docs:
    for f in d.get("findings", []):
        if f["verdict"] in WRONG:
            alarms.append((d["path"], f))
for path, f in alarms:
    loc = f["location"]
    print(f"FALSE ALARM: {path}:{loc['line']}:{loc['column']}: {f['verdict']}: "
          f"{f['message']} [{f.get('metric') or '-'}, {f['rule']}]")
    print(f"    sentence: {f['sentence']}")
for d in errors:
    print(f"ERROR: {d['path']}: {d['error']}")
wrong = sum(v.get(k, 0) for k in WRONG)
print(f"precision corpus: {s['documents']} articles, {cov['figures']} figures, "
      f"{cov['checked']} checked, {v.get('ok', 0)} ok, {cov['unchecked']} unchecked, "
      f"{v.get('unverified', 0)} unverified, {wrong} wrong "
      f"({', '.join(f'{v.get(k, 0)} {k}' for k in WRONG)}), "
      f"in {int(time.time()) - int(sys.argv[3])} s")
if s["documents"] != want or errors:
    print(f"ERROR: {s['documents']} documents read of {want}, {len(errors)} unreadable")
    sys.exit(99)
if wrong:
    print(f"FAIL: {wrong} findings call a right figure wrong "
          "(known causes: tests/precision/FALSE-ALARMS.md)")
    sys.exit(1)
print("PASS: no finding calls a figure wrong")
PY
