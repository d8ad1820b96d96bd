#!/bin/sh
# run.sh: runs the number engine's fuzzer for a number of seconds.
#
#   tests/fuzz/run.sh OUTDIR SECONDS
#
# OUTDIR holds fuzz_numbers (from build.sh). The seed corpus in
# tests/fuzz/corpus/numbers is copied to OUTDIR/corpus first, so the
# tree's copy never changes; new inputs the fuzzer finds stay in OUTDIR.
# Crashes are written to OUTDIR/crashes and make the script fail. CI runs
# it for 60 seconds.
set -e
if [ $# -ne 2 ]; then
	echo "usage: $0 OUTDIR SECONDS" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
secs=$2
if [ ! -x "$out/fuzz_numbers" ]; then
	echo "$0: $out/fuzz_numbers not built; run $here/build.sh first" >&2
	exit 2
fi
rm -rf "$out/corpus"
mkdir -p "$out/corpus" "$out/crashes"
cp "$here"/corpus/numbers/* "$out/corpus/"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
"$out/fuzz_numbers" -max_total_time="$secs" -max_len=4096 -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 \
	-dict="$here/numbers.dict" -artifact_prefix="$out/crashes/" \
	"$out/corpus"
