#!/bin/sh
# run.sh: runs the fuzzers for a number of seconds each.
#
#   tests/fuzz/run.sh OUTDIR SECONDS [TARGET]...
#
# OUTDIR holds the targets (from build.sh): numbers, json and csv, all of
# them unless TARGETs are named. Each target's seed corpus in
# tests/fuzz/corpus/TARGET is copied to OUTDIR/corpus-TARGET first, so the
# tree's copy never changes; new inputs the fuzzer finds stay in OUTDIR.
# Crashes are written to OUTDIR/crashes and make the script fail. CI runs
# each target for 30 seconds.
set -e
if [ $# -lt 2 ]; then
	echo "usage: $0 OUTDIR SECONDS [numbers|json|csv]..." >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
secs=$2
shift 2
[ $# -gt 0 ] || set -- numbers json csv
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
mkdir -p "$out/crashes"
for t in "$@"; do
	case "$t" in
	numbers) len=4096 ;;
	json | csv) len=16384 ;;
	*) echo "$0: no fuzz target '$t' (numbers, json, csv)" >&2; exit 2 ;;
	esac
	if [ ! -x "$out/fuzz_$t" ]; then
		echo "$0: $out/fuzz_$t not built; run $here/build.sh first" >&2
		exit 2
	fi
	rm -rf "$out/corpus-$t"
	mkdir -p "$out/corpus-$t"
	cp "$here"/corpus/"$t"/* "$out/corpus-$t/"
	echo "=== fuzz_$t for $secs s"
	"$out/fuzz_$t" -max_total_time="$secs" -max_len=$len -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-dict="$here/$t.dict" -artifact_prefix="$out/crashes/$t-" \
		"$out/corpus-$t"
done
