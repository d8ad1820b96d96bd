#!/bin/sh
# run-cli.sh: end-to-end tests. Each folder under tests/cli/cases/ is one
# case: `args` (the command line after "figcheck", one argument per line,
# run from the source tree's top), `status` (the exit status expected),
# optionally `stdout` (the exact output expected), `contains` (lines that
# must each appear in the output), `stderr` (lines that must each appear
# on standard error) and `stdin`.
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 99

for dir in tests/cli/cases/*/; do
	name=$(basename "$dir")
	set --
	while IFS= read -r arg || [ -n "$arg" ]; do
		set -- "$@" "$arg"
	done < "$dir/args"
	if [ -f "$dir/stdin" ]; then
		"$FIGCHECK" "$@" < "$dir/stdin" > "$TMP/stdout" 2> "$TMP/stderr"
	else
		"$FIGCHECK" "$@" < /dev/null > "$TMP/stdout" 2> "$TMP/stderr"
	fi
	got=$?
	want=$(cat "$dir/status")
	if [ "$got" != "$want" ]; then
		not_ok "$name" "exit status $got, expected $want" \
			"stderr: $(head -c 1500 "$TMP/stderr")"
		continue
	fi
	if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$TMP/stdout"; then
		not_ok "$name" "stdout differs from $dir/stdout:" \
			"$(diff -u "$dir/stdout" "$TMP/stdout" | head -40)"
		continue
	fi
	if [ -f "$dir/contains" ]; then
		missing=""
		while IFS= read -r pat || [ -n "$pat" ]; do
			[ -z "$pat" ] && continue
			grep -qF -- "$pat" "$TMP/stdout" || missing="$pat"
		done < "$dir/contains"
		if [ -n "$missing" ]; then
			not_ok "$name" "stdout lacks: $missing" \
				"stdout: $(head -c 1500 "$TMP/stdout")"
			continue
		fi
	fi
	if [ -f "$dir/stderr" ]; then
		missing=""
		while IFS= read -r pat || [ -n "$pat" ]; do
			[ -z "$pat" ] && continue
			grep -qF -- "$pat" "$TMP/stderr" || missing="$pat"
		done < "$dir/stderr"
		if [ -n "$missing" ]; then
			not_ok "$name" "stderr lacks: $missing" \
				"stderr: $(head -c 1500 "$TMP/stderr")"
			continue
		fi
	fi
	ok "$name"
done
finish
