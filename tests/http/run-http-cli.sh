#!/bin/sh
# run-http-cli.sh: the command line with an HTTP source, against the
# loopback server: `figcheck sources` shows each source's cache state;
# --offline on a warm cache gives the online run's findings and names
# each source it cannot serve on a cold one; --refresh revalidates; a
# failed source makes its claims unverified, which --fail-on unverified
# turns into exit status 1.
. "$(dirname "$0")/../cli/lib.sh"
. "$top_srcdir/tests/http/serve.sh"
cd "$top_srcdir" || exit 99
DRAFT=examples/gaza-2023-11-05.md

# config FILE URL: the example configuration with gaza-moh at URL.
config() {
	cat > "$1" <<EOC
{
  "fetch": {"cache_dir": "$TMP/cache", "retries": 0, "timeout": 5},
  "sources": [
    {"name": "gaza-moh", "plugin": "json", "url": "$2", "ttl": "1h",
     "aliases": ["Ministry of Health", "health ministry", "ministry in Gaza"],
     "options": {"date_field": "report_date",
                 "metrics": {"killed_cum": "gaza.killed",
                             "killed_children_cum": "gaza.killed.children"},
                 "optional": ["killed_cum", "killed_children_cum"]}},
    {"name": "israel-officials", "plugin": "json",
     "path": "$top_srcdir/examples/data/israel-casualties-2023.json",
     "options": {"metrics": {"killed": "israel.killed"},
                 "qualifier_field": "qualifier", "precision_field": "precision"}}
  ]
}
EOC
}

run() {
	"$FIGCHECK" "$@" > "$TMP/out" 2>&1
}

url="$base/files/examples/data/gaza-casualties-2023.json"
config "$TMP/ok.json" "$url"

run sources --config "$TMP/ok.json"
check_output "sources: first run fetches" 0 $? \
	"gaza-moh (json): $url" "  ok, " "cache: fetched" \
	"israel-officials (json): " "cache: none (a local file)"

run sources --config "$TMP/ok.json"
# The age is a matter of the machine's speed (a second under the
# sanitizers): the state is what counts.
check_output "sources: second run uses the fresh copy" 0 $? \
	"cache: fresh, fetched " " s ago"

run sources --refresh --config "$TMP/ok.json"
check_output "sources --refresh revalidates" 0 $? "cache: revalidated"

run --config "$TMP/ok.json" "$DRAFT"
st=$?
cp "$TMP/out" "$TMP/online"
check_output "check online" 1 $st \
	'ok: "9,770" agrees with gaza-moh' \
	'discrepancy: "4,800" disagrees with gaza-moh: 4,008'

run --offline --config "$TMP/ok.json" "$DRAFT"
st=$?
if [ $st -eq 1 ] && cmp -s "$TMP/online" "$TMP/out"; then
	ok "check --offline on a warm cache: the online run's findings"
else
	not_ok "check --offline on a warm cache: the online run's findings" \
		"exit $st" "$(diff "$TMP/online" "$TMP/out" | head -20)"
fi

run sources --offline --config "$TMP/ok.json"
check_output "sources --offline" 0 $? "cache: offline"

run --offline --cache-dir "$TMP/cold" --fail-on unverified \
	--config "$TMP/ok.json" "$DRAFT"
check_output "--offline on a cold cache names the source" 1 $? \
	"source gaza-moh: $url: not served: it is not in the cache" \
	'unverified: "9,770" could not be verified'

# A source whose host does not resolve: a finding, not an error.
config "$TMP/bad.json" "http://gaza-moh.figcheck-test.invalid/casualties.json"
printf 'Gaza'"'"'s health ministry said 9,770 people have been killed.\n' \
	> "$TMP/draft.txt"

run --fail-on unverified --date 2023-11-05 --config "$TMP/bad.json" "$TMP/draft.txt"
check_output "--fail-on unverified: a failed source fails the run" 1 $? \
	"figcheck: warning: source gaza-moh: http://gaza-moh.figcheck-test.invalid/casualties.json: the host name does not resolve" \
	'unverified: "9,770" could not be verified: no record of gaza.killed on or before 2023-11-05; source gaza-moh failed: '

run --fail-on discrepancy --date 2023-11-05 --config "$TMP/bad.json" "$TMP/draft.txt"
check_output "--fail-on discrepancy: it does not" 0 $? \
	'unverified: "9,770" could not be verified'

run sources --config "$TMP/bad.json"
check_output "sources: the failed source, and why" 1 $? \
	"failed: http://gaza-moh.figcheck-test.invalid/casualties.json: the host name does not resolve" \
	"cache: missing"

# The server's faults, as the command line shows them.
config "$TMP/404.json" "$base/status/404"
run --fail-on unverified --date 2023-11-05 --config "$TMP/404.json" "$TMP/draft.txt"
check_output "404: a finding naming the source and the status" 1 $? \
	"source gaza-moh: $base/status/404: the server answered HTTP 404 (Not Found)"

finish
