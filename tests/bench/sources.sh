#!/bin/sh
# sources.sh FIGCHECK [MB]: the memory benchmark of source loading.
# Generates two CSVs of MB megabytes each (default 48) in a temporary
# folder: a long one, a row per (country code, day) with one figure,
# keyed "{Code|lower}.population"; and a wide one, a row per (region,
# day) with four figures, keyed "{Region|lower}.cases" and so on. Loads
# each with `figcheck sources` and prints the records, the time and the
# peak resident memory (from /usr/bin/time -v), and that memory as a
# multiple of the file's size. Asserts nothing about the figures
# (machines differ), only that every row gave its records.
set -eu
FIGCHECK=${1:?usage: sources.sh FIGCHECK [MB]}
MB=${2:-48}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fcbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# A deterministic generator: days from 1990-01-01, pseudo-random figures.
awk -v mb="$MB" -v dir="$TMP" '
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function day(n,   y, m, d, ml) {
	y = 1990; m = 1; d = 1 + n
	split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
	for (;;) {
		ml[2] = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
		if (d <= ml[m]) break
		d -= ml[m]; m++
		if (m > 12) { m = 1; y++ }
	}
	return sprintf("%04d-%02d-%02d", y, m, d)
}
BEGIN {
	seed = 48
	limit = mb * 1000 * 1000
	for (c = 0; c < 300; c++)
		code[c] = sprintf("%c%c%c", 65 + c % 26, 65 + int(c / 26) % 26, 65 + int(c / 7) % 26)
	f = dir "/long.csv"
	print "Country Name,Country Code,Date,Value" > f
	size = 0
	for (n = 0; size < limit; n++) {
		dd = day(n)
		for (c = 0; c < 300 && size < limit; c++) {
			line = sprintf("Country %s,%s,%s,%d", code[c], code[c], dd, int(rnd() * 99999999) + 1000)
			print line > f
			size += length(line) + 1
			rows++
		}
	}
	close(f)
	print rows > (dir "/long.rows")
	f = dir "/wide.csv"
	print "Date,Region,Confirmed,Deaths,Recovered,Tested" > f
	size = 0; rows = 0
	for (n = 0; size < limit; n++) {
		dd = day(n)
		for (c = 0; c < 60 && size < limit; c++) {
			line = sprintf("%s,R%03d,%d,%d,%d,%d", dd, c, int(rnd() * 9999999) + 1, int(rnd() * 99999) + 1, int(rnd() * 999999) + 1, int(rnd() * 99999999) + 1)
			print line > f
			size += length(line) + 1
			rows++
		}
	}
	close(f)
	print rows > (dir "/wide.rows")
}'
cat > "$TMP/long.json" <<EOC
{"sources": [{"name": "long", "plugin": "csv", "path": "long.csv",
  "options": {"date_field": "Date", "value_field": "Value",
              "metric_template": "{Country Code|lower}.population"}}]}
EOC
cat > "$TMP/wide.json" <<EOC
{"sources": [{"name": "wide", "plugin": "csv", "path": "wide.csv",
  "options": {"date_field": "Date",
              "metrics": {"Confirmed": "{Region|lower}.cases",
                          "Deaths": "{Region|lower}.deaths",
                          "Recovered": "{Region|lower}.recovered",
                          "Tested": "{Region|lower}.tested"}}}]}
EOC
timer=
if /usr/bin/time -v true >/dev/null 2>&1; then
	timer="/usr/bin/time -v"
fi
echo "figcheck sources: loading a generated CSV of $MB MB"
for kind in long wide; do
	bytes=$(wc -c < "$TMP/$kind.csv")
	rows=$(cat "$TMP/$kind.rows")
	want=$rows
	[ $kind = wide ] && want=$((rows * 4))
	# shellcheck disable=SC2086
	$timer "$FIGCHECK" sources -q --config "$TMP/$kind.json" > "$TMP/out" 2> "$TMP/time"
	got=$(sed -n 's/^  ok, \([0-9,]*\) records.*/\1/p' "$TMP/out" | tr -d ,)
	if [ "$got" != "$want" ]; then
		echo "sources.sh: $kind: $got records, expected $want" >&2
		cat "$TMP/out" >&2
		exit 1
	fi
	if [ -n "$timer" ]; then
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time")
		secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time")
		awk -v k=$kind -v b="$bytes" -v r="$got" -v rss="$rss" -v s="$secs" 'BEGIN {
			printf "  %-4s %6.1f MB, %9d records: %s, peak RSS %6.1f MB (%.1f times the file)\n",
			    k, b / 1e6, r, s, rss * 1024 / 1e6, rss * 1024 / b }'
	else
		echo "  $kind: $got records (install GNU time for the peak memory)"
	fi
done
