#!/bin/sh
# run-drafts.sh: drafts on each bundled subject, checked against the
# bundled example configuration (every bundled source, every shipped
# pack) with --show-unchecked, and the findings each must give.
#
# Each tests/e2e/drafts/NAME.md has a NAME.expect beside it, a line per
# check ('#' starts a comment):
#
#   VERDICT "TEXT" [MORE]   a finding of that verdict for the figure TEXT
#                           whose line also holds MORE
#   findings N              exactly N findings
#
# The bundled example drafts (examples/*.md with an .expect in
# tests/e2e/drafts/examples/) are checked the same way.
. "$(dirname "$0")/../cli/lib.sh"
cd "$top_srcdir" || exit 99

n=0
for draft in tests/e2e/drafts/*.md examples/*.md; do
	case "$draft" in
	examples/*) expect="tests/e2e/drafts/examples/$(basename "$draft" .md).expect" ;;
	*) expect="${draft%.md}.expect" ;;
	esac
	[ -f "$expect" ] || { not_ok "$draft" "no $expect"; continue; }
	n=$((n + 1))
	"$FIGCHECK" --config examples/figcheck.json --show-unchecked --fail-on never \
		"$draft" > "$TMP/out" 2> "$TMP/err"
	status=$?
	if [ "$status" -ne 0 ]; then
		not_ok "$draft" "exit status $status" "$(head -c 1500 "$TMP/err")"
		continue
	fi
	grep -E "^[^ ]+:[0-9]+:[0-9]+: [a-z]+: " "$TMP/out" > "$TMP/findings"
	failed=""
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in
		''|'#'*) continue ;;
		findings\ *)
			got=$(wc -l < "$TMP/findings" | tr -d ' ')
			[ "$got" = "${line#findings }" ] ||
				failed="$got findings, expected ${line#findings }" ;;
		*)
			verdict=${line%% *}
			rest=${line#* }
			text=${rest%%\" *}
			text=${text%\"}\"
			more=""
			case "$rest" in *\"\ *) more=${rest#*\" } ;; esac
			if ! grep -F ": $verdict: $text" "$TMP/findings" |
				grep -qF -- "$more"; then
				failed="no $verdict finding for $text${more:+ with: $more}"
			fi ;;
		esac
		[ -n "$failed" ] && break
	done < "$expect"
	if [ -n "$failed" ]; then
		not_ok "$draft" "$failed" "$(cat "$TMP/out")"
	else
		ok "$draft"
	fi
done
[ "$n" -ge 6 ] || not_ok "draft count" "only $n drafts"
finish
