#!/bin/sh
# sarif-validate.sh: validates every SARIF file the test suite wrote (the
# unit tests of the reporters and run-ci.sh keep theirs in the build
# tree's tests/ci/sarif/) against the official SARIF 2.1.0 schema kept in
# tests/data/sarif/, with a real JSON Schema validator (python3-jsonschema).
# Skipped (77) without python3 or the module.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
PYTHON=${PYTHON3:-python3}
command -v "$PYTHON" > /dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
dir="$top_builddir/tests/ci/sarif"
set -- "$dir"/*.sarif
if [ ! -f "$1" ]; then
	echo "FAIL: no SARIF files in $dir: run the whole suite (make check)"
	exit 1
fi
exec "$PYTHON" "$top_srcdir/tests/ci/validate_sarif.py" \
	"$top_srcdir/tests/data/sarif/sarif-schema-2.1.0.json" "$@"
