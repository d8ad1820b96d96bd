#!/bin/sh
# bench.sh: throughput of the number engine, as `figcheck numbers` sees it,
# and of the whole check (every bundled rule pack and source loaded).
#
#   tests/bench/bench.sh /abs/path/to/figcheck [/abs/path/to/source-tree]
#
# Builds about 55 MB of news-like text from tests/bench/news.txt (the
# project's own paragraphs, thick with figures), times `figcheck numbers
# FILE > /dev/null` (best of 5 runs, wall clock, one process on one core)
# and prints its throughput in MB/s. Beside it, as a reference point, the
# time of `rg -o '[0-9][0-9,.]*' FILE > /dev/null` over the same file
# (skipped with a note if ripgrep is not installed). With the source tree
# named, it also times `figcheck check` of the same file against the
# bundled example configuration (every pack on the rules path, every
# bundled source; text and JSON output), the full pipeline: prose, numbers, rules
# and frames, the consistency checks, verdicts and the report. Runs are
# pinned to one core with taskset when it is there. `make bench` runs it.
# The text is written to $TMPDIR (default /tmp) and removed afterwards.
set -e
if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -x "$1" ]; then
	echo "usage: $0 /abs/path/to/figcheck [/abs/path/to/source-tree]" >&2
	exit 2
fi
figcheck=$1
srcdir=${2:-}
one_core=""
if command -v taskset > /dev/null 2>&1 && taskset -c 0 true 2> /dev/null; then
	one_core="taskset -c 0"
fi
here=$(cd "$(dirname "$0")" && pwd)
src="$here/news.txt"
target=55000000 # bytes: above 50 MB, below the 64 MiB document limit
tmp=$(mktemp -d "${TMPDIR:-/tmp}/figcheck-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
file="$tmp/news-bench.txt"

# The text: news.txt again and again, each copy with its paragraphs in a
# different order, so that no two megabytes are the same.
awk -v target="$target" '
	BEGIN { RS = ""; n = 0 }
	{ para[n++] = $0 }
	END {
		size = 0; round = 0
		while (size < target) {
			for (k = 0; k < n && size < target; k++) {
				p = para[(k * 7 + round * 3) % n]
				print p "\n"
				size += length(p) + 2
			}
			round++
		}
	}' "$src" > "$file"
bytes=$(wc -c < "$file" | tr -d ' ')

# Where the output goes: /dev/null, unless it is not the null device (some
# sandboxes replace it with a plain file, which makes every write a copy
# into the page cache and the timing meaningless); then a null device of
# our own, or /dev/zero, which discards writes too.
sink=/dev/null
if [ ! -c /dev/null ]; then
	if mknod "$tmp/null" c 1 3 2> /dev/null && [ -c "$tmp/null" ]; then
		sink="$tmp/null"
	elif [ -c /dev/zero ]; then
		sink=/dev/zero
	fi
	echo "note: /dev/null is not a character device here; output goes to $sink"
fi

# Seconds since an arbitrary origin, with nanoseconds where date has them.
now() {
	t=$(date +%s.%N 2>/dev/null)
	case "$t" in
	*N*|"") python3 -c 'import time; print("%.6f" % time.time())' ;;
	*) echo "$t" ;;
	esac
}

# best_of COMMAND...: the shortest wall time of five runs, in seconds (on
# a shared machine the shortest is the one least slowed by others).
best_of() {
	best=""
	for run in 1 2 3 4 5; do
		t0=$(now)
		"$@" > "$sink"
		t1=$(now)
		t=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$best"
}

mbps() {
	echo "$bytes $1" | awk '{ if ($2 > 0) printf "%.1f", $1 / 1e6 / $2; else print "inf" }'
}

readings=$("$figcheck" numbers "$file" | wc -l | tr -d ' ')
t=$(best_of $one_core "$figcheck" numbers "$file")
echo "figcheck numbers bench: $(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB of news-like text, $readings readings"
printf '  %-40s %7.3f s  %8s MB/s\n' "figcheck numbers FILE > /dev/null" "$t" "$(mbps "$t")"
if command -v rg > /dev/null 2>&1; then
	t=$(best_of rg -o '[0-9][0-9,.]*' "$file")
	printf '  %-40s %7.3f s  %8s MB/s\n' "rg -o '[0-9][0-9,.]*' FILE > /dev/null" "$t" "$(mbps "$t")"
else
	echo "  (ripgrep not installed: the rg reference point is skipped)"
fi
echo "  (best of 5 runs, wall clock)"

if [ -n "$srcdir" ]; then
	cfg="$srcdir/examples/figcheck.json"
	summary=$("$figcheck" check --config "$cfg" --date 2023-11-05 --fail-on never \
		"$file" | tail -n 1)
	echo "figcheck check bench: the same text, every bundled pack and source"
	echo "  ($summary)"
	t=$(best_of $one_core "$figcheck" check --config "$cfg" --date 2023-11-05 \
		--fail-on never "$file")
	printf '  %-40s %7.3f s  %8s MB/s\n' "figcheck check FILE (text report)" "$t" "$(mbps "$t")"
	t=$(best_of $one_core "$figcheck" check --config "$cfg" --date 2023-11-05 \
		--fail-on never --format json "$file")
	printf '  %-40s %7.3f s  %8s MB/s\n' "figcheck check -f json FILE" "$t" "$(mbps "$t")"
	echo "  (best of 5 runs, wall clock${one_core:+, on one core})"
fi
