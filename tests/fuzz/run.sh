#!/bin/sh
# run.sh: runs figcheck's fuzzers, each for a number of seconds.
#
#   tests/fuzz/run.sh OUTDIR SECONDS [TARGET]...
#
# Runs OUTDIR/fuzz_TARGET (from build.sh) for each target named, or for
# every fuzz_* that build.sh made, one after the other. Each starts from a
# copy of its seed corpus, tests/fuzz/corpus/TARGET/ (the tree's copy
# never changes; what the fuzzer adds stays in OUTDIR/corpus/TARGET), with
# tests/fuzz/TARGET.dict when there is one. Crashes, leaks and timeouts
# are written to OUTDIR/crashes/TARGET/ and make the script fail (after
# the other targets have run). CI runs each for 30 seconds.
set -e
if [ $# -lt 2 ]; then
	echo "usage: $0 OUTDIR SECONDS [TARGET]..." >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
secs=$2
shift 2
if [ $# -eq 0 ]; then
	for f in "$out"/fuzz_*; do
		[ -x "$f" ] && set -- "$@" "${f##*/fuzz_}"
	done
fi
if [ $# -eq 0 ]; then
	echo "$0: no fuzzer in $out; run $here/build.sh first" >&2
	exit 2
fi
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
failed=""
for t in "$@"; do
	# The longest input each is given.
	case "$t" in
	numbers) len=4096 ;;
	json | csv | rules) len=16384 ;;
	*) len=8192 ;;
	esac
	if [ ! -x "$out/fuzz_$t" ]; then
		echo "$0: $out/fuzz_$t not built; run $here/build.sh first" >&2
		exit 2
	fi
	rm -rf "$out/corpus/$t"
	mkdir -p "$out/corpus/$t" "$out/crashes/$t"
	if [ -d "$here/corpus/$t" ]; then
		cp "$here/corpus/$t"/* "$out/corpus/$t/"
	fi
	dict=""
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	echo "=== fuzz_$t for $secs s"
	# shellcheck disable=SC2086
	if ! "$out/fuzz_$t" -max_total_time="$secs" -max_len=$len -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 $dict \
		-artifact_prefix="$out/crashes/$t/" "$out/corpus/$t"; then
		failed="$failed $t"
	fi
done
if [ -n "$failed" ]; then
	echo "$0: the fuzzers of$failed found a problem; see $out/crashes/" >&2
	exit 1
fi
