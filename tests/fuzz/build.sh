#!/bin/sh
# build.sh: builds figcheck's libFuzzer targets.
#
#   tests/fuzz/build.sh SRCDIR OUTDIR [TARGET]...
#
# Each target of the table below (all of them, or the ones named) is
# compiled with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (every UB report is fatal) into
# OUTDIR/fuzz_TARGET. A target lists what it compiles, relative to SRCDIR:
# its harness first, then core or plugin files; CORE stands for the core
# library's objects (built once into OUTDIR/core), RULES for the tree's
# rules/ folder as FUZZ_RULES_DIR, and a word starting with '-' is a
# compiler flag. The source targets run a plugin against a host table of
# the harness's own (fuzz_source.c). $CC overrides clang. `make fuzz` runs
# this with the right folders; tests/fuzz/run.sh runs what it built.
set -e

# name      what it compiles
targets='
numbers     tests/fuzz/fuzz_numbers.c core/numbers.c core/number_words.c
config      tests/fuzz/fuzz_config.c CORE
markdown    tests/fuzz/fuzz_markdown.c CORE
html        tests/fuzz/fuzz_html.c CORE
dates       tests/fuzz/fuzz_dates.c CORE
json        -DFUZZ_PLUGIN_JSON tests/fuzz/fuzz_source.c plugins/source_json/json.c plugins/source_common/mapping.c core/store.c core/util.c core/error.c core/numbers.c core/number_words.c
csv         -DFUZZ_PLUGIN_CSV tests/fuzz/fuzz_source.c plugins/source_csv/csv.c plugins/source_common/mapping.c core/store.c core/util.c core/error.c core/numbers.c core/number_words.c
rules       RULES -Iplugins/checker_rules tests/fuzz/fuzz_rules.c plugins/checker_rules/frames.c plugins/checker_rules/frames_load.c plugins/checker_rules/frames_text.c plugins/checker_rules/util.c CORE
'

if [ $# -lt 2 ]; then
	echo "usage: $0 SRCDIR OUTDIR [TARGET]..." >&2
	exit 2
fi
src=$1
out=$2
shift 2
cc=${CC:-clang}
case "$cc" in
*clang*) ;;
*) echo "$0: libFuzzer needs clang (CC=$cc)" >&2; exit 2 ;;
esac
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "$0: $cc not found; install clang to build the fuzzers" >&2
	exit 2
fi
mkdir -p "$out/shim" "$out/core"
# The build's generated headers, with what the core needs of them.
cat > "$out/shim/config.h" <<EOH
#define PACKAGE_NAME "figcheck"
#define PACKAGE_VERSION "fuzz"
EOH
cat > "$out/shim/fc-paths.h" <<EOH
#define FC_PLUGIN_DIR "/nonexistent/plugins"
#define FC_RULES_DIR "/nonexistent/rules"
#define FC_BUILD_DIR "/nonexistent/build"
#define FC_SOURCE_DIR "/nonexistent/source"
EOH
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE -Wall -Wextra
	-I$out/shim -I$src/include -I$src/core -I$src/tests/fuzz"
deps="$(pkg-config --cflags libcjson libcurl 2>/dev/null || true)"
libs="$(pkg-config --libs libcjson libcurl 2>/dev/null || echo -lcjson -lcurl) -lpthread -ldl -lm"

# The core's objects, once, for the targets that need them.
core_objs=""
build_core() {
	[ -n "$core_objs" ] && return 0
	for c in "$src"/core/*.c; do
		case "$(basename "$c")" in
		main.c | cmd_numbers.c) continue ;;
		esac
		o="$out/core/$(basename "$c" .c).o"
		# -fsanitize=fuzzer-no-link: instrumented, without main.
		# shellcheck disable=SC2086
		"$cc" $flags $deps -fsanitize=fuzzer-no-link -c "$c" -o "$o"
		core_objs="$core_objs $o"
	done
}

echo "$targets" | while read -r name what; do
	[ -z "$name" ] && continue
	if [ $# -gt 0 ]; then
		case " $* " in
		*" $name "*) ;;
		*) continue ;;
		esac
	fi
	args=""
	for w in $what; do
		case "$w" in
		CORE) build_core; args="$args $core_objs" ;;
		RULES) args="$args -DFUZZ_RULES_DIR=\"$src/rules\"" ;;
		-I*) args="$args -I$src/${w#-I}" ;;
		-*) args="$args $w" ;;
		*) args="$args $src/$w" ;;
		esac
	done
	# shellcheck disable=SC2086
	"$cc" $flags $deps $args $libs -o "$out/fuzz_$name"
	echo "built $out/fuzz_$name"
done
echo "run them with $src/tests/fuzz/run.sh $out SECONDS [TARGET]..."
