#!/bin/sh
# run-sdk.sh: the SDK from the outside. Installs figcheck into a
# temporary DESTDIR (figcheck-plugin.pc is there, and links nothing), then
# the SDK (headers and figcheck-plugin.pc) into a temporary prefix, builds
# the out-of-tree example plugin (examples/plugins/) with its own Makefile
# through `pkg-config figcheck-plugin` against that prefix, serves the
# plugin's API from the loopback server and checks claims against it with
# the build tree's figcheck (an installed figcheck under a DESTDIR would
# look for plugins where they are not).
. "$(dirname "$0")/../cli/lib.sh"
# /auth/ of the server wants this token (section 5).
secret="fc-sdk-secret-$$-T0K3N"
FCTS_AUTH="Authorization: Bearer $secret"
export FCTS_AUTH
. "$top_srcdir/tests/http/serve.sh"
unset FCTS_AUTH
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
if ! command -v "$PKG_CONFIG" > /dev/null; then
	echo "SKIP: no $PKG_CONFIG"
	exit 77
fi
# The make that runs this test must not pass its job server on.
unset MAKEFLAGS MFLAGS MAKELEVEL
MAKE_CMD=${MAKE:-make}

# 1. Install into a DESTDIR: both .pc files are there.
DEST="$TMP/dest"
if (cd "$top_builddir" && $MAKE_CMD install DESTDIR="$DEST") \
	> "$TMP/install.log" 2>&1; then
	ok "make install DESTDIR=..."
else
	not_ok "make install DESTDIR=..." "$(tail -20 "$TMP/install.log")"
	finish
	exit 1
fi
pc=$(find "$DEST" -name figcheck-plugin.pc | head -1)
if [ -n "$pc" ] && [ -n "$(find "$DEST" -name figcheck.pc)" ]; then
	ok "figcheck.pc and figcheck-plugin.pc are installed"
else
	not_ok "figcheck.pc and figcheck-plugin.pc are installed" \
		"$(find "$DEST" -name '*.pc')"
	finish
	exit 1
fi
# A plugin links no figcheck library.
libs=$(PKG_CONFIG_PATH=$(dirname "$pc") "$PKG_CONFIG" --libs figcheck-plugin)
case "$libs" in
*figcheck*) not_ok "figcheck-plugin.pc links nothing" "$libs" ;;
*) ok "figcheck-plugin.pc links nothing" ;;
esac

# 2. The SDK into a prefix of its own (no DESTDIR, nothing rebuilt), and
# the plugin built with its own Makefile from outside the tree, through
# the pkg-config line the documentation gives.
PREFIX="$TMP/prefix"
if (cd "$top_builddir" && $MAKE_CMD install-figcheckincludeHEADERS \
	install-data-local prefix="$PREFIX") > "$TMP/sdk.log" 2>&1; then
	ok "the SDK installs into a prefix"
else
	not_ok "the SDK installs into a prefix" "$(tail -20 "$TMP/sdk.log")"
fi
pcdir="$PREFIX/lib/pkgconfig"
cflags=$(PKG_CONFIG_PATH="$pcdir" "$PKG_CONFIG" --cflags figcheck-plugin)
plugindir=$(PKG_CONFIG_PATH="$pcdir" "$PKG_CONFIG" --variable=plugindir \
	figcheck-plugin)
if [ "$(echo $cflags)" = "-I$PREFIX/include" ] &&
	[ "$plugindir" = "$PREFIX/lib/figcheck" ]; then
	ok "pkg-config figcheck-plugin: the prefix's headers and plugin folder"
else
	not_ok "pkg-config figcheck-plugin: the prefix's headers and plugin folder" \
		"cflags: $cflags" "plugindir: $plugindir"
fi
mkdir -p "$TMP/plugin"
if (cd "$TMP/plugin" &&
	PKG_CONFIG_PATH="$pcdir" $MAKE_CMD -f "$top_srcdir/examples/plugins/Makefile" \
		srcdir="$top_srcdir/examples/plugins" PKG_CONFIG="$PKG_CONFIG" \
		CFLAGS="-O2 -Werror") > "$TMP/build.log" 2>&1 &&
	[ -f "$TMP/plugin/series.so" ]; then
	ok "the example plugin builds against the installed SDK"
else
	not_ok "the example plugin builds against the installed SDK" \
		"$(cat "$TMP/build.log" | head -30)"
	finish
	exit 1
fi
# It was built with the prefix's headers, not the source tree's.
if grep -q -- "-I$PREFIX/include" "$TMP/build.log"; then
	ok "it was compiled with the prefix's headers"
else
	not_ok "it was compiled with the prefix's headers" "$(cat "$TMP/build.log")"
fi
# The line the documentation gives builds it too.
mkdir -p "$TMP/doc"
if (cd "$TMP/doc" && PKG_CONFIG_PATH="$pcdir" sh -c \
	'cc -std=c11 -shared -fPIC $(pkg-config --cflags figcheck-plugin) "$1" -o doc.so' \
	sh "$top_srcdir/examples/plugins/series.c") > "$TMP/doc.log" 2>&1; then
	ok "the documented pkg-config line builds it"
else
	not_ok "the documented pkg-config line builds it" "$(cat "$TMP/doc.log")"
fi
size=$(wc -c < "$top_srcdir/examples/plugins/series.c")
if [ "$size" -le 7300 ]; then
	ok "the example plugin is small ($size bytes)"
else
	not_ok "the example plugin is small" "$size bytes, more than 7300"
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

# 5. The plugin reads an authenticated API: the source's headers, from
# the environment, go with its index request (host->fetch) and with the
# series the core fetches for it; the token is written nowhere.
mkdir -p "$TMP/reports"
sed -e "s|$api|$base/auth/files/tests/data/sources/series-api|" \
	-e 's|"options"|"headers": {"Authorization": "Bearer ${DESK_TOKEN}"}, "options"|' \
	"$TMP/desk.json" > "$TMP/auth.json"
DESK_TOKEN=$secret "$FIGCHECK" -v --plugin-dir "$TMP/plugin" \
	--config "$TMP/auth.json" -f text -f json -o "$TMP/reports/r.json" \
	-f sarif -o "$TMP/reports/r.sarif" -f html -o "$TMP/reports/r.html" \
	-f markdown -o "$TMP/reports/r.md" -f junit -o "$TMP/reports/r.xml" \
	"$TMP/draft.txt" > "$TMP/out" 2>&1
check_output "the plugin reads an authenticated API" 1 $? \
	'ok: "9,770" agrees with desk: 9,770 on 2023-11-05' \
	'discrepancy: "4,800" disagrees with desk: 4,008 on 2023-11-05'
if [ "$(find "$TMP/cache" -type f | wc -l)" -ge 3 ] &&
	! grep -rqF "$secret" "$TMP/cache" "$TMP/reports" "$TMP/out"; then
	ok "its token is in no cache file, report or -v output"
else
	not_ok "its token is in no cache file, report or -v output" \
		"$(find "$TMP/cache" -type f)" \
		"$(grep -rlF "$secret" "$TMP/cache" "$TMP/reports" "$TMP/out")"
fi

finish
