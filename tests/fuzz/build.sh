#!/bin/sh
# build.sh: builds the libFuzzer targets.
#
#   tests/fuzz/build.sh SRCDIR OUTDIR
#
# Under clang's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer
# (every UB report is fatal), into OUTDIR:
#   fuzz_numbers  the number engine (core/numbers.c, standalone);
#   fuzz_json     the json source plugin and the reference store behind it;
#   fuzz_csv      the csv source plugin and the reference store behind it.
# The source targets compile the plugin with its shared mapping, the
# store and the few core files it needs (util.c, error.c, numbers.c)
# against a host table of the harness's own (tests/fuzz/fuzz_source.c);
# they link cJSON. $CC overrides clang. `make fuzz` runs this with the
# right folders.
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
cjson_cflags=$(pkg-config --cflags libcjson 2>/dev/null || true)
cjson_libs=$(pkg-config --libs libcjson 2>/dev/null || echo -lcjson)
mkdir -p "$out/shim"
# The core's files include config.h for the build's defines; they need
# only the version (error.c).
printf '#define PACKAGE_VERSION "fuzz"\n' > "$out/shim/config.h"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE -Wall -Wextra
	-I$out/shim -I$src/include -I$src/core"
# shellcheck disable=SC2086
"$cc" $flags "$src/tests/fuzz/fuzz_numbers.c" "$src/core/numbers.c" -lm \
	-o "$out/fuzz_numbers"
core="$src/core/store.c $src/core/util.c $src/core/error.c $src/core/numbers.c"
# shellcheck disable=SC2086
"$cc" $flags $cjson_cflags -DFUZZ_PLUGIN_JSON "$src/tests/fuzz/fuzz_source.c" \
	"$src/plugins/source_json/json.c" \
	"$src/plugins/source_common/mapping.c" $core $cjson_libs -lm \
	-o "$out/fuzz_json"
# shellcheck disable=SC2086
"$cc" $flags $cjson_cflags -DFUZZ_PLUGIN_CSV "$src/tests/fuzz/fuzz_source.c" \
	"$src/plugins/source_csv/csv.c" \
	"$src/plugins/source_common/mapping.c" $core $cjson_libs -lm \
	-o "$out/fuzz_csv"
echo "built $out/fuzz_numbers, $out/fuzz_json and $out/fuzz_csv; run them with $src/tests/fuzz/run.sh $out SECONDS"
