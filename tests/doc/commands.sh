#!/bin/sh
# commands.sh: every command shown in README.md and doc/*.md runs.
#
# The convention (doc/development.md says it for contributors):
#   - a command shown to be run stands in a fenced block marked ```sh or
#     ```console. In a ```console block, the lines that start with "$ "
#     are commands and the others their output; in a ```sh block every
#     line is a command ("$ " optional), but blank lines and # comments;
#     a line ending in a backslash goes on on the next line;
#   - other blocks (```json, ```markdown, unmarked ``` and indented
#     blocks: synopses, file formats) hold no commands;
#   - a block this test must not run (it installs, builds, fetches over
#     the network, needs a file the tree does not have, or shows an
#     error on purpose) follows a
#     line "<!-- no-test: the reason -->" (the last line before the
#     fence that is not blank).
#
# Each command runs with sh from a scratch folder that mirrors the top
# of the source tree (a symbolic link to each of its entries, and
# ./figcheck, also first on PATH as figcheck, the figcheck just built),
# with standard input empty, HOME and the cache in the scratch folder and
# proxies that lead nowhere, so that nothing is fetched. Only figcheck
# and a few harmless tools (printf, echo, cat) may be run: any other
# command in an unmarked block fails the test, so that nothing is left
# untested by accident and nothing installs or fetches. A command fails
# when it exits with status 2 or more (1 means findings: fine); the
# failure names the file, the line and the command. Last, every page of
# doc/ must be linked from the README.
. "$(dirname "$0")/../cli/lib.sh"

W="$TMP/tree"
mkdir -p "$W" "$TMP/bin" "$TMP/home" "$TMP/cache"
for e in "$top_srcdir"/* "$top_srcdir"/.[!.]*; do
	[ -e "$e" ] || continue
	case $(basename "$e") in figcheck | .git) continue ;; esac
	ln -s "$e" "$W/$(basename "$e")"
done
ln -s "$FIGCHECK" "$W/figcheck"
ln -s "$FIGCHECK" "$TMP/bin/figcheck"
TIMEOUT=""
command -v timeout > /dev/null 2>&1 && TIMEOUT="timeout 300"

# The commands of one document: "LINE<TAB>COMMAND", the lines of a
# command continued with a backslash joined by \001.
commands() {
	awk '
		function flush() {
			if (cmd != "") print start "\t" cmd
			cmd = ""
		}
		# A fence opens with three backticks or more and an info
		# string, and closes with as many backticks or more alone.
		!fence && /^```/ {
			match($0, /^`+/)
			ticks = RLENGTH
			fence = 1
			kind = substr($0, ticks + 1)
			sub(/[ \t].*$/, "", kind)
			skip = (last ~ /^<!-- *no-test/)
			run = !skip && (kind == "sh" || kind == "console")
			last = $0
			next
		}
		fence && /^```+[ \t]*$/ {
			match($0, /^`+/)
			if (RLENGTH >= ticks) {
				flush()
				fence = 0
				run = 0
				last = $0
				next
			}
		}
		!fence { if ($0 !~ /^[ \t]*$/) last = $0; next }
		!run { next }
		{
			line = $0
			if (cmd != "") {
				# a continuation line
				cmd = cmd "\001" line
				if (line !~ /\\$/) flush()
				next
			}
			if (kind == "console") {
				if (line !~ /^\$ /) next
			} else if (line ~ /^[ \t]*$/ || line ~ /^[ \t]*#/) {
				next
			}
			sub(/^\$ /, "", line)
			start = NR
			cmd = line
			if (line !~ /\\$/) flush()
		}
		END { flush() }
	' "$1"
}

# The first word of each part of a pipeline or list that is not one of
# the commands this test may run, or nothing.
forbidden() {
	printf '%s\n' "$1" | tr '|;&' '\n\n\n' | while IFS= read -r part; do
		set -f
		# shellcheck disable=SC2086
		set -- $part
		set +f
		[ $# -eq 0 ] && continue
		case $1 in
		figcheck | ./figcheck | printf | echo | cat) ;;
		*) printf '%s\n' "$1"; break ;;
		esac
	done | head -1
}

n=0
for doc in "$top_srcdir/README.md" "$top_srcdir"/doc/*.md; do
	rel=${doc#"$top_srcdir"/}
	commands "$doc" > "$TMP/cmds"
	while IFS= read -r entry; do
		line=${entry%%	*}
		cmd=$(printf '%s' "${entry#*	}" | tr '\001' '\n')
		n=$((n + 1))
		# lib.sh prints with echo, which reads backslashes: double them.
		label=$(printf '%s' "$rel:$line: $cmd" | sed 's/\\/\\\\/g')
		bad=$(forbidden "$(printf '%s' "${entry#*	}" | tr '\001' ' ')")
		if [ -n "$bad" ]; then
			not_ok "$label" "'$bad' is not a command this test runs:" \
				"mark the block with <!-- no-test: the reason --> before its fence"
			continue
		fi
		(
			cd "$W" &&
			HOME="$TMP/home" XDG_CACHE_HOME="$TMP/cache" PATH="$TMP/bin:$PATH" \
			http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
			HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
			ALL_PROXY=http://127.0.0.1:9 NO_PROXY= no_proxy= \
			$TIMEOUT sh -c "$cmd" < /dev/null > "$TMP/out" 2> "$TMP/err"
		)
		status=$?
		if [ "$status" -ge 2 ]; then
			not_ok "$label" "exit status $status" \
				"$(head -c 1500 "$TMP/err")"
		else
			ok "$label"
		fi
	done < "$TMP/cmds"
done
if [ "$n" -eq 0 ]; then
	not_ok "commands" "no command found in README.md and doc/*.md"
fi

# Every page of doc/ (and each man page) is linked from the README.
for page in "$top_srcdir"/doc/*.md "$top_srcdir"/doc/*.[1-9]; do
	rel=doc/${page##*/}
	if grep -qF "]($rel)" "$top_srcdir/README.md"; then
		ok "README.md links $rel"
	else
		not_ok "README.md links $rel" "add a link to $rel to the README's" \
			"list of documentation"
	fi
done
finish
