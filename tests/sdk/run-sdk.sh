#!/bin/sh
# run-sdk.sh: the SDK from the outside. Installs figcheck into a
# temporary DESTDIR, builds the out-of-tree example plugin
# (examples/plugins/) with its own Makefile against the installed headers
# through pkg-config, serves the plugin's API from the loopback server and
# checks claims against it with the build tree's figcheck (an installed
# figcheck under a DESTDIR would look for plugins where they are not).
. "$(dirname "$0")/../cli/lib.sh"
. "$top_srcdir/tests/http/serve.sh"
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
if ! command -v "$PKG_CONFIG" > /dev/null; then
	echo "SKIP: no $PKG_CONFIG"
	exit 77
fi
# The make that runs this test must not pass its job server on.
unset MAKEFLAGS MFLAGS MAKELEVEL
MAKE_CMD=${MAKE:-make}

# 1. Install into a DESTDIR.
DEST="$TMP/dest"
if (cd "$top_builddir" && $MAKE_CMD install DESTDIR="$DEST") \
	> "$TMP/install.log" 2>&1; then
	ok "make install DESTDIR=..."
else
	not_ok "make install DESTDIR=..." "$(tail -20 "$TMP/install.log")"
	finish
	exit 1
fi
pc=$(find "$DEST" -name figcheck.pc | head -1)
if [ -z "$pc" ]; then
	not_ok "figcheck.pc is installed" "$(find "$DEST" | head -30)"
	finish
	exit 1
fi
pcdir=$(dirname "$pc")
prefix=$(PKG_CONFIG_PATH="$pcdir" "$PKG_CONFIG" --variable=prefix figcheck)
# pkg-config of the staged tree: its prefix moved under DESTDIR.
PC="$PKG_CONFIG --define-variable=prefix=$DEST$prefix"
cflags=$(PKG_CONFIG_PATH="$pcdir" $PC --cflags figcheck)
case "$cflags" in
*"$DEST"*) ok "pkg-config --cflags figcheck points into the DESTDIR" ;;
*) not_ok "pkg-config --cflags figcheck points into the DESTDIR" "$cflags" ;;
esac

# 2. Build the example plugin with its own Makefile, from outside the tree.
mkdir -p "$TMP/plugin"
if (cd "$TMP/plugin" &&
	PKG_CONFIG_PATH="$pcdir" $MAKE_CMD -f "$top_srcdir/examples/plugins/Makefile" \
		srcdir="$top_srcdir/examples/plugins" PKG_CONFIG="$PC" \
		CFLAGS="-O2 -Werror") > "$TMP/build.log" 2>&1 &&
	[ -f "$TMP/plugin/series.so" ]; then
	ok "the example plugin builds against the installed SDK"
else
	not_ok "the example plugin builds against the installed SDK" \
		"$(cat "$TMP/build.log" | head -30)"
	finish
	exit 1
fi
# It was built with the installed headers, not the source tree's.
if grep -q -- "-I$DEST" "$TMP/build.log" ||
	grep -q -- "$DEST" "$TMP/build.log"; then
	ok "it was compiled with the DESTDIR's headers"
else
	not_ok "it was compiled with the DESTDIR's headers" "$(cat "$TMP/build.log")"
fi

# 3. Load it.
"$FIGCHECK" plugins --plugin-dir "$TMP/plugin" > "$TMP/out" 2>&1
check_output "figcheck plugins lists it" 0 $? "series" "$TMP/plugin/series.so"

# 4. Check claims against its API, served locally.
api="$base/files/tests/data/sources/series-api"
cat > "$TMP/desk.json" <<EOC
{
  "date": "2023-11-05",
  "fetch": {"cache_dir": "$TMP/cache", "retries": 0},
  "sources": [{"name": "desk", "plugin": "series", "url": "$api",
               "aliases": ["health ministry", "ministry in Gaza"],
               "options": {"since": "2023-10-07"}}]
}
EOC
cat > "$TMP/draft.txt" <<'EOD'
Gaza's health ministry said 9,770 people have been killed.

The ministry in Gaza said 4,800 children were among the dead.
EOD
"$FIGCHECK" --plugin-dir "$TMP/plugin" --config "$TMP/desk.json" \
	"$TMP/draft.txt" > "$TMP/out" 2>&1
check_output "claims checked against the plugin's API" 1 $? \
	'ok: "9,770" agrees with desk: 9,770 on 2023-11-05' \
	'discrepancy: "4,800" disagrees with desk: 4,008 on 2023-11-05'

# With the metrics named, it fetches those series only.
sed 's/"since": "2023-10-07"/"metrics": ["gaza.killed"]/' "$TMP/desk.json" > "$TMP/one.json"
"$FIGCHECK" --plugin-dir "$TMP/plugin" --config "$TMP/one.json" \
	--fail-on discrepancy "$TMP/draft.txt" > "$TMP/out" 2>&1
check_output "only the metrics configured" 0 $? \
	'ok: "9,770" agrees with desk: 9,770 on 2023-11-05' \
	'unverified: "4,800" could not be verified: no record of gaza.killed.children'

# Its options are validated by the core, from its declared table.
sed 's/"since": "2023-10-07"/"sinse": "2023-10-07"/' "$TMP/desk.json" > "$TMP/typo.json"
"$FIGCHECK" --plugin-dir "$TMP/plugin" --config "$TMP/typo.json" \
	"$TMP/draft.txt" > "$TMP/out" 2>&1
check_output "an unknown option of the plugin is a configuration error" 2 $? \
	"sources[0].options.sinse"

# Its own errors reach the user through the core, naming the source.
sed "s|$api|$base/status/503|" "$TMP/desk.json" > "$TMP/down.json"
"$FIGCHECK" --plugin-dir "$TMP/plugin" --config "$TMP/down.json" \
	--fail-on unverified "$TMP/draft.txt" > "$TMP/out" 2>&1
check_output "an API that is down: the claims are unverified" 1 $? \
	"source desk: $base/status/503/v1/metrics: the server answered HTTP 503" \
	'unverified: "9,770" could not be verified'

finish
