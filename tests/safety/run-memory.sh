#!/bin/sh
# run-memory.sh: a run's memory does not grow with the number of drafts
# (issue 11): the peak memory (GNU time's maximum resident set size) of
# checking 3,000 generated drafts, with the text and with the JSON
# report, is within a few MB of checking 300. Before, every document was
# kept to the end: 17 KB each with the text report, 50 KB with JSON.
# `make bench` measures 100,000 (tests/bench/memory.sh). Skipped without
# GNU time.
. "$(dirname "$0")/../cli/lib.sh"
CFG="$top_srcdir/examples/figcheck.json"
TIME=/usr/bin/time
if ! "$TIME" -v true > /dev/null 2>&1; then
	echo "SKIP: GNU time is not installed as $TIME (Debian: apt-get install time)"
	exit 77
fi
# Under AddressSanitizer freed memory waits in a quarantine: none here.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"
export ASAN_OPTIONS
sh "$top_srcdir/tests/bench/gen-drafts.sh" "$TMP/small" 300
sh "$top_srcdir/tests/bench/gen-drafts.sh" "$TMP/large" 3000

peak_kb() { # peak_kb FORMAT FOLDER
	"$TIME" -v -o "$TMP/time" "$FIGCHECK" -q -c "$CFG" -f "$1" \
		-o "$TMP/report" "$2" > /dev/null 2>&1
	sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time"
}

for f in text json html; do
	small=$(peak_kb $f "$TMP/small")
	large=$(peak_kb $f "$TMP/large")
	grows=$(( (large - small) / 1024 ))
	echo "# -f $f: 300 drafts $((small / 1024)) MB, 3000 drafts $((large / 1024)) MB"
	if [ -n "$small" ] && [ -n "$large" ] && [ $grows -lt 8 ]; then
		ok "memory-flat-$f"
	else
		not_ok "memory-flat-$f" "3,000 drafts took $grows MB more than 300"
	fi
done
finish
