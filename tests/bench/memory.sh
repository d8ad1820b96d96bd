#!/bin/sh
# memory.sh FIGCHECK [SRCDIR] [COUNT]: the memory benchmark. Writes COUNT
# (default 100,000) generated drafts (gen-drafts.sh) and checks them in
# one invocation with the text report and with the JSON report, under
# GNU time, and prints each run's peak memory (maximum resident set
# size). Fails when a run needs more than LIMIT_MB (default 200) MB: the
# memory a run keeps must not grow with the number of drafts.
set -eu
FIGCHECK=${1:?usage: memory.sh FIGCHECK [SRCDIR] [COUNT]}
SRCDIR=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
COUNT=${3:-100000}
LIMIT_MB=${LIMIT_MB:-200}
CFG="$SRCDIR/examples/figcheck.json"
TIME=/usr/bin/time
if ! "$TIME" -v true > /dev/null 2>&1; then
	echo "memory.sh: needs GNU time as $TIME (Debian: apt-get install time)" >&2
	exit 2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fcmem.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
sh "$SRCDIR/tests/bench/gen-drafts.sh" "$TMP/drafts" "$COUNT"
n=$(find "$TMP/drafts" -type f | wc -l)
echo "figcheck memory: $n generated drafts in one invocation"
status=0
for format in text json; do
	set +e
	"$TIME" -v -o "$TMP/time.$format" "$FIGCHECK" -q -c "$CFG" \
		-f "$format" -o "$TMP/report.$format" "$TMP/drafts"
	st=$?
	set -e
	if [ $st -gt 1 ]; then
		echo "memory.sh: figcheck -f $format failed (status $st)" >&2
		exit 1
	fi
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.$format")
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time.$format")
	mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
	printf 'figcheck -f %-4s: %d drafts, peak memory %s MB, %s elapsed, report %s bytes\n' \
		"$format" "$n" "$mb" "$secs" "$(wc -c < "$TMP/report.$format")"
	if awk -v k="$kb" -v l="$LIMIT_MB" 'BEGIN { exit !(k / 1024 > l) }'; then
		echo "memory.sh: -f $format needed more than $LIMIT_MB MB" >&2
		status=1
	fi
done
exit $status
