#!/bin/sh
# build.sh: builds figcheck's libFuzzer targets.
#
#   tests/fuzz/build.sh SRCDIR OUTDIR [TARGET]...
#
# Each target of the table below is compiled with clang's libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer (every UB report is
# fatal) into OUTDIR/fuzz_TARGET; all of them, or the ones named. A
# target's sources are its own file and either the files it lists or
# CORE, the core library's sources (built once into OUTDIR/core). $CC
# overrides clang. `make fuzz` runs it with the right folders, and
# tests/fuzz/run.sh runs what it built.
set -e

# name      the sources after tests/fuzz/fuzz_NAME.c (CORE: the core's)
targets='
numbers     core/numbers.c
config      CORE
markdown    CORE
html        CORE
dates       CORE
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

echo "$targets" | while read -r name srcs; do
	[ -z "$name" ] && continue
	if [ $# -gt 0 ]; then
		case " $* " in
		*" $name "*) ;;
		*) continue ;;
		esac
	fi
	if [ "$srcs" = CORE ]; then
		build_core
		# shellcheck disable=SC2086
		"$cc" $flags $deps "$src/tests/fuzz/fuzz_$name.c" $core_objs $libs \
			-o "$out/fuzz_$name"
	else
		files=""
		for f in $srcs; do files="$files $src/$f"; done
		# shellcheck disable=SC2086
		"$cc" $flags $deps "$src/tests/fuzz/fuzz_$name.c" $files -lm \
			-o "$out/fuzz_$name"
	fi
	echo "built $out/fuzz_$name"
done
echo "run them with $src/tests/fuzz/run.sh $out SECONDS [TARGET]..."
