#!/bin/sh
# run-install.sh: the build traps a new user meets (issue 11).
#
#   - `./configure` printed "rm: cannot remove 'core': Is a directory"
#     22 times (autoconf's clean-ups meet the core/ folder);
#   - `./configure --prefix=P && make install` after a build with another
#     prefix installed a program that looked for its plugins under the
#     old prefix, since the folders were compiler flags and nothing was
#     rebuilt; `figcheck plugins` then printed an empty table and exited
#     0.
#
# A copy of this build tree, objects and all (an earlier build with
# another prefix), is configured again with a new prefix and installed;
# the installed program must find its plugins there, and say where it
# looked when they are gone. Needs an in-tree build (skipped otherwise:
# make distcheck builds elsewhere).
. "$(dirname "$0")/../cli/lib.sh"
src=$(cd "$top_srcdir" && pwd -P)
bld=$(cd "$top_builddir" && pwd -P)
if [ "$src" != "$bld" ] || [ ! -x "$bld/config.status" ]; then
	echo "SKIP: needs a build in the source tree"
	exit 77
fi

# The copy, without git, fuzzers and test logs.
mkdir "$TMP/tree"
(cd "$bld" && tar cf - --exclude=./.git --exclude=./fuzz --exclude='*.log' \
	--exclude='*.trs' .) | (cd "$TMP/tree" && tar xf -) || exit 99
cd "$TMP/tree" || exit 99
eval "set -- $(./config.status --config)"

# configure says nothing about core/, and leaves no confdefs.h.
./configure "$@" --prefix="$TMP/p2" > "$TMP/out" 2>&1
check_output configure-runs 0 $? "config.status: creating Makefile"
if grep -q "cannot remove" "$TMP/out"; then
	not_ok configure-quiet "$(grep -c "cannot remove" "$TMP/out") complaints" \
		"$(grep "cannot remove" "$TMP/out" | head -3)"
else
	ok configure-quiet
fi
if [ -e confdefs.h ]; then
	not_ok configure-cleans-up "confdefs.h left behind"
else
	ok configure-cleans-up
fi

# make install with the new prefix: the program looks there.
make -j2 install > "$TMP/out" 2>&1
check_output install-new-prefix 0 $?
"$TMP/p2/bin/figcheck" plugins > "$TMP/out" 2>&1
check_output installed-finds-plugins 0 $? \
	"$TMP/p2/lib/figcheck/checker_rules.so" \
	"$TMP/p2/lib/figcheck/reporter_text.so"
printf 'The ministry in Gaza said 4,800 children were among the dead.\n' > "$TMP/d.md"
"$TMP/p2/bin/figcheck" --date 2023-11-05 "$TMP/d.md" > "$TMP/out" 2>&1
check_output installed-checks 0 $? "d.md:1:27: unverified"

# No plugins where it looks: an error naming the folders, not an empty
# table.
rm -f "$TMP/p2/lib/figcheck/"*.so
"$TMP/p2/bin/figcheck" plugins > "$TMP/out" 2>&1
check_output no-plugins-is-an-error 2 $? \
	"figcheck: error: no plugins found; looked in $TMP/p2/lib/figcheck"
"$TMP/p2/bin/figcheck" "$TMP/d.md" > "$TMP/out" 2>&1
check_output no-plugins-check 2 $? "no plugins found"

finish
