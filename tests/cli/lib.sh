# lib.sh: shared by the CLI test drivers. Sourced, not run.
#
# top_srcdir and top_builddir come from the test harness (Makefile.am's
# AM_TESTS_ENVIRONMENT); fall back to this file's place for manual runs.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
FIGCHECK="$top_builddir/figcheck"
export NO_COLOR=1
unset FIGCHECK_PLUGIN_PATH FIGCHECK_RULES_PATH

pass=0
fail=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fccli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() {
	pass=$((pass + 1))
	echo "PASS: $1"
}

not_ok() {
	fail=$((fail + 1))
	echo "FAIL: $1"
	shift
	for line in "$@"; do
		echo "    $line"
	done
}

# expect NAME STATUS PATTERN... -- runs the command saved in $TMP/cmd
# output, checks the exit status and that stderr+stdout hold each PATTERN
# (fixed strings).
check_output() {
	name=$1
	want=$2
	got=$3
	shift 3
	if [ "$got" != "$want" ]; then
		not_ok "$name" "exit status $got, expected $want" \
			"$(head -c 2000 "$TMP/out")"
		return
	fi
	for pat in "$@"; do
		if ! grep -qF -- "$pat" "$TMP/out"; then
			not_ok "$name" "missing: $pat" "$(head -c 2000 "$TMP/out")"
			return
		fi
	done
	ok "$name"
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
