#!/bin/sh
# drafts.sh FIGCHECK [SRCDIR] [COUNT]: the many-drafts benchmark. Writes
# COUNT (default 2,000) drafts into a temporary folder, from sentences of
# our own with figures that are right, wrong, outdated or not checkable,
# in Markdown and HTML, and checks the whole folder in one invocation of
# figcheck against the bundled reference data, with -j 1 and with -j 2,
# writing the text report. Prints the time of each; asserts no time
# (machines differ), only that every draft was checked and that both runs
# found the same.
set -eu
FIGCHECK=${1:?usage: drafts.sh FIGCHECK [SRCDIR] [COUNT]}
SRCDIR=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
COUNT=${3:-2000}
CFG="$SRCDIR/examples/figcheck.json"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fcbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/drafts"

sh "$SRCDIR/tests/bench/gen-drafts.sh" "$TMP/drafts" "$COUNT"
n=$(find "$TMP/drafts" -type f | wc -l)
echo "figcheck: checking $n generated drafts in one invocation"

now() { date +%s.%N; }
# Time figcheck, not the first read of the files from disk.
find "$TMP/drafts" -type f -exec cat {} + > /dev/null
for j in 1 2; do
	t0=$(now)
	set +e
	"$FIGCHECK" -q -c "$CFG" -j $j -f text -o "$TMP/j$j.txt" "$TMP/drafts"
	st=$?
	set -e
	t1=$(now)
	if [ $st -gt 1 ]; then
		echo "drafts.sh: figcheck -j $j failed (status $st)" >&2
		exit 1
	fi
	tail -n 1 "$TMP/j$j.txt" | grep -q " in $n documents" || {
		echo "drafts.sh: -j $j did not check all $n drafts: $(tail -n 1 "$TMP/j$j.txt")" >&2
		exit 1
	}
	awk -v a="$t0" -v b="$t1" -v j="$j" -v n="$n" 'BEGIN {
		printf "figcheck -j %d: %d drafts in %.2f s (%.0f drafts/s)\n", j, n, b - a, n / (b - a) }'
done
cmp -s "$TMP/j1.txt" "$TMP/j2.txt" || { echo "drafts.sh: -j 1 and -j 2 found different things" >&2; exit 1; }
echo "figcheck: $(tail -n 1 "$TMP/j1.txt")"
