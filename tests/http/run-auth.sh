#!/bin/sh
# run-auth.sh: a source that reads an authenticated API. The loopback
# server's /auth/ answers only with the right Authorization header; the
# source's "headers" take the token from the environment. The check
# succeeds, and the token appears nowhere figcheck writes: no file under
# the cache folder, no report in any format, not -v's stderr. The
# reports name the local reference data relative to the configuration,
# never by an absolute path of this machine. An unset variable is a
# configuration error naming the key and the variable.
. "$(dirname "$0")/../cli/lib.sh"
secret="fc-secret-$$-$(date +%s)-T0K3N"
FCTS_AUTH="Authorization: Bearer $secret"
export FCTS_AUTH
. "$top_srcdir/tests/http/serve.sh"
unset FCTS_AUTH

mkdir -p "$TMP/conf/data" "$TMP/reports"
cp "$top_srcdir/examples/data/israel-casualties-2023.json" "$TMP/conf/data/israel.json"
cat > "$TMP/conf/figcheck.json" <<EOC
{
  "fetch": {"cache_dir": "$TMP/cache", "retries": 0, "timeout": 5},
  "sources": [
    {"name": "desk", "plugin": "json", "ttl": "1h",
     "url": "$base/auth/files/examples/data/gaza-casualties-2023.json",
     "headers": {"Authorization": "Bearer \${DESK_API_TOKEN}",
                 "X-Desk": "figcheck-test"},
     "aliases": ["health ministry"],
     "options": {"date_field": "report_date",
                 "metrics": {"killed_cum": "gaza.killed"},
                 "optional": ["killed_cum"]}},
    {"name": "israel-officials", "plugin": "json", "path": "data/israel.json",
     "options": {"metrics": {"killed": "israel.killed"},
                 "qualifier_field": "qualifier", "precision_field": "precision"}}
  ]
}
EOC
printf "Gaza's health ministry said 9,770 people have been killed.\n" > "$TMP/draft.txt"

# run [ARGS]: figcheck from $TMP with every report format and -v; $TMP/out
# gets the text report and stderr.
run() {
	rm -f "$TMP/reports"/*
	(cd "$TMP" && "$FIGCHECK" -v --date 2023-11-05 \
		--config "$TMP/conf/figcheck.json" \
		-f text -o reports/report.txt -f json -o reports/report.json \
		-f sarif -o reports/report.sarif -f html -o reports/report.html \
		-f markdown -o reports/report.md -f junit -o reports/report.xml \
		"$@" draft.txt) > "$TMP/out" 2> "$TMP/stderr"
	st=$?
	cat "$TMP/reports/report.txt" "$TMP/stderr" >> "$TMP/out" 2> /dev/null
	return $st
}

# nowhere NAME: the secret is in no file figcheck wrote.
nowhere() {
	found=$(grep -rlF -- "$secret" "$TMP/cache" "$TMP/reports" "$TMP/out" \
		"$TMP/stderr" 2> /dev/null)
	if [ -n "$found" ]; then
		not_ok "$1" "the secret is in: $found"
	else
		ok "$1"
	fi
}

DESK_API_TOKEN=$secret
export DESK_API_TOKEN
run
st=$?
check_output "authenticated source: the check succeeds" 0 $st \
	'ok: "9,770" agrees with desk'
n=$(find "$TMP/cache" -type f | wc -l)
if [ "$n" -ge 1 ] && [ -s "$TMP/reports/report.sarif" ] &&
	[ -s "$TMP/reports/report.html" ] && [ -s "$TMP/reports/report.xml" ]; then
	ok "the cache and every report were written"
else
	not_ok "the cache and every report were written" "$n cache files" \
		"$(ls -l "$TMP/reports")"
fi
nowhere "the secret is in no cache file, report or -v output"
if grep -qF "fc-secret" "$TMP/stderr" "$TMP/reports"/* ||
	! grep -qF "$base/auth/" "$TMP/reports/report.json"; then
	not_ok "reports name the URL, not the token" \
		"$(grep -F "fc-secret" "$TMP/stderr" "$TMP/reports"/* | head -5)"
else
	ok "reports name the URL, not the token"
fi

# The local data: relative to the configuration's folder, in every
# report; no absolute path of this machine.
if grep -qF '"url":	"data/israel.json"' "$TMP/reports/report.json" &&
	! grep -rqF "$TMP" "$TMP/reports"; then
	ok "reports name the local data relative to the configuration"
else
	not_ok "reports name the local data relative to the configuration" \
		"$(grep -rnF -e "$TMP" -e israel.json "$TMP/reports" | head -8)"
fi

# The cached answer serves an --offline run; the secret is not needed to
# find it, and still not written.
run --offline
check_output "--offline serves the authenticated answer from the cache" 0 $? \
	'ok: "9,770" agrees with desk'
nowhere "the secret is still nowhere after --offline"

# A wrong token: the server refuses, the claim is unverified, and the
# token is not shown.
DESK_API_TOKEN="fc-secret-wrong-$$"
run --refresh --fail-on unverified
st=$?
check_output "a wrong token: HTTP 401, the claim unverified" 1 $st \
	"the server answered HTTP 401" 'unverified: "9,770"'
if grep -rqF "$DESK_API_TOKEN" "$TMP/cache" "$TMP/reports" "$TMP/out"; then
	not_ok "the wrong token is not shown either"
else
	ok "the wrong token is not shown either"
fi

unset DESK_API_TOKEN
run
check_output "an unset variable: a configuration error naming it" 2 $? \
	"sources[0].headers.Authorization: the environment variable DESK_API_TOKEN is not set"

finish
