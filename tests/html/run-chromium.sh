#!/bin/sh
# run-chromium.sh: renders the html report in headless Chromium and checks
# the page a browser builds: every claim highlighted, as many highlights of
# each verdict as the run found, the counts at the top, no script, no
# request of its own. Keeps two screenshots at a phone's width as test
# artifacts in the build tree: tests/html/report.png (the first screen) and
# report-tip.png (the whole page, a claim's tooltip open). Skipped (77) without Chromium
# (Debian package chromium).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
FIGCHECK="$top_builddir/figcheck"
export NO_COLOR=1
unset FIGCHECK_PLUGIN_PATH FIGCHECK_RULES_PATH

CHROME=${CHROMIUM:-}
[ -n "$CHROME" ] || CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ] || [ ! -x "$CHROME" ]; then
	echo "SKIP: Chromium is not installed (Debian: apt-get install chromium)"
	exit 77
fi
out="$top_builddir/tests/html"
mkdir -p "$out"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fchtml.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL: $1"; shift; for l in "$@"; do echo "    $l"; done; }

# The report: drafts with every verdict, Markdown and HTML.
cd "$top_srcdir" || exit 99
"$FIGCHECK" -c examples/figcheck.json -f html -o "$out/report.html" \
	-f json -o "$TMP/report.json" examples/gaza-2023-11-05.md \
	tests/html/drafts/late.md tests/html/drafts/early.md \
	tests/html/drafts/page.html > "$TMP/figcheck.out" 2>&1
st=$?
if [ $st = 1 ] && [ -s "$out/report.html" ]; then
	ok report-written
else
	not_ok report-written "figcheck exited $st" "$(head -c 1000 "$TMP/figcheck.out")"
	echo "$pass passed, $fail failed"
	exit 1
fi

# chromium [FLAG]... URL, headless and cut off from the network; gives up
# after two minutes.
chrome() {
	profile=$(mktemp -d "$TMP/profile.XXXXXX")
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
		--disable-dev-shm-usage --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --disable-extensions --mute-audio \
		--proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
		--user-data-dir="$profile" "$@" 2> "$TMP/chrome.err"
}

url="file://$out/report.html"
chrome --dump-dom "$url" > "$TMP/dom.html"
if grep -q '<mark class="claim' "$TMP/dom.html"; then
	ok dump-dom
else
	not_ok dump-dom "$(tail -5 "$TMP/chrome.err")"
fi

# As many highlights of each verdict as the run found, and the same
# counts in the summary.
for v in ok unchecked unverified understated overstated outdated discrepancy; do
	want=$(grep -o "\"verdict\":	\"$v\"" "$TMP/report.json" | wc -l)
	got=$(grep -o "<mark class=\"claim v-$v\" data-verdict=\"$v\"" "$TMP/dom.html" | wc -l)
	if [ "$want" = "$got" ]; then
		ok "highlights-$v ($got)"
	else
		not_ok "highlights-$v" "the DOM has $got, the run found $want"
	fi
	if [ "$want" != 0 ]; then
		if grep -q "data-verdict=\"$v\" data-count=\"$want\"" "$TMP/dom.html"; then
			ok "summary-$v"
		else
			not_ok "summary-$v" "no count of $want in the summary"
		fi
	fi
done
for v in ok unchecked unverified outdated discrepancy; do
	grep -q "data-verdict=\"$v\" tabindex" "$TMP/dom.html" || not_ok "fixture-has-$v"
done

# Drafts are text: the escaped <script> stays text, nothing runs.
if grep -qi '<script' "$TMP/dom.html"; then
	not_ok no-script "a <script> element in the page"
elif grep -q 'A reader wrote &lt;script&gt;alert("x")&lt;/script&gt; &amp; more' "$TMP/dom.html"; then
	ok no-script
else
	not_ok no-script "the draft's text is missing"
fi
if grep -Eqi '<(link|img|iframe|object)|src=|url\(' "$TMP/dom.html"; then
	not_ok self-contained "the page loads something"
else
	ok self-contained
fi
# The tooltip holds the record, its date and the source.
if grep -q '<b>Record:</b> 4,008, dated 2023-11-05</span><span><b>Source:</b> gaza-moh' "$TMP/dom.html"; then
	ok tooltip-content
else
	not_ok tooltip-content
fi

# Screenshots at a phone's size, kept as artifacts.
# A blank page would be a few kilobytes of white: a real one is more.
shot() {
	rm -f "$3"
	chrome --hide-scrollbars --force-device-scale-factor=1 \
		--window-size="$2" --screenshot="$3" "$1" > /dev/null
	if [ "$(head -c 8 "$3" 2> /dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
		[ "$(wc -c < "$3")" -gt 20000 ]; then
		ok "screenshot $(basename "$3")"
	else
		not_ok "screenshot $(basename "$3")" "$(tail -5 "$TMP/chrome.err")"
	fi
}
shot "$url" 390,844 "$out/report.png"
# The first discrepancy's tooltip, opened through the page's fragment (it
# shows as a sheet at the bottom on a phone). Headless Chromium draws a
# blank page when it scrolls to a fragment, so this one is as tall as the
# page: a phone's width, the whole page.
id=$(grep -o 'data-verdict="discrepancy" tabindex="0" id="[^"]*"' "$TMP/dom.html" | head -1 | sed 's/.*id="//; s/"$//')
shot "$url#$id" 390,5000 "$out/report-tip.png"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
