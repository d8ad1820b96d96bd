#!/bin/sh
# build.sh: builds the libFuzzer target of the number engine.
#
#   tests/fuzz/build.sh SRCDIR OUTDIR
#
# Compiles core/numbers.c standalone with tests/fuzz/fuzz_numbers.c under
# clang's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer
# (every UB report is fatal) into OUTDIR/fuzz_numbers. $CC overrides
# clang. `make fuzz` runs it with the right folders.
set -e
if [ $# -ne 2 ]; then
	echo "usage: $0 SRCDIR OUTDIR" >&2
	exit 2
fi
src=$1
out=$2
cc=${CC:-clang}
case "$cc" in
*clang*) ;;
*) echo "$0: libFuzzer needs clang (CC=$cc)" >&2; exit 2 ;;
esac
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "$0: $cc not found; install clang to build the fuzzer" >&2
	exit 2
fi
mkdir -p "$out/shim"
# numbers.c includes config.h for the build's defines; it needs none.
: > "$out/shim/config.h"
"$cc" -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-std=c11 -D_GNU_SOURCE -Wall -Wextra \
	-I"$out/shim" -I"$src/include" -I"$src/core" \
	"$src/tests/fuzz/fuzz_numbers.c" "$src/core/numbers.c" -lm \
	-o "$out/fuzz_numbers"
echo "built $out/fuzz_numbers; run it with $src/tests/fuzz/run.sh $out SECONDS"
