#!/bin/sh
# recognizers.sh: scores `figcheck numbers` against Microsoft
# Recognizers-Text's English number and percentage specifications.
#
#   tests/conformance/recognizers.sh PATH
#
# PATH is the folder holding recognizers-number-en.jsonl and
# recognizers-percent-en.jsonl (one spec case per line). The suites are
# not part of this tree: the script only reads them. figcheck is $FIGCHECK
# if set, else ./figcheck in the build tree (the current folder, or the
# top of the source tree). Prints the pass rate of each suite with and
# without the documented policy differences (POLICIES.md beside this
# script), then every failure. Exits 0 when both suites reach 95% with
# the documented differences, 1 otherwise, 2 on a usage error.
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 PATH  (the folder with recognizers-number-en.jsonl)" >&2
	exit 2
fi
if [ -z "$FIGCHECK" ]; then
	for f in ./figcheck "$here/../../figcheck"; do
		if [ -x "$f" ]; then
			FIGCHECK=$f
			break
		fi
	done
fi
if [ -z "$FIGCHECK" ] || [ ! -x "$FIGCHECK" ]; then
	echo "$0: no figcheck found: build it, or set FIGCHECK" >&2
	exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "$0: python3 is needed to score" >&2
	exit 2
fi
exec python3 "$here/score.py" --figcheck "$FIGCHECK" \
	--policies "$here/POLICIES.md" "$1"
