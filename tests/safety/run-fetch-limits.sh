#!/bin/sh
# run-fetch-limits.sh: a source whose server declares a body over
# fetch.max_body fails at once, with a message naming the source, the
# URL, the declared length and the limit; a source that cannot answer
# stops trying at fetch.deadline (issue 11).
. "$(dirname "$0")/../cli/lib.sh"
. "$top_srcdir/tests/http/serve.sh"
cd "$top_srcdir" || exit 99
DRAFT=examples/gaza-2023-11-05.md

# config FILE URL FETCH: gaza-moh at URL, with the "fetch" object FETCH.
config() {
	cat > "$1" <<EOC
{
  "fetch": $3,
  "sources": [
    {"name": "gaza-moh", "plugin": "json", "url": "$2",
     "options": {"date_field": "report_date",
                 "metrics": {"killed_cum": "gaza.killed"}}}
  ]
}
EOC
}

now() { date +%s; }

config "$TMP/big.json" "$base/declare/900000000" \
	"{\"cache_dir\": \"$TMP/cache\", \"max_body\": 1000000, \"timeout\": 20, \"retries\": 2}"
t0=$(now)
"$FIGCHECK" -c "$TMP/big.json" --fail-on unverified "$DRAFT" > "$TMP/out" 2>&1
check_output declared-length-over-limit 1 $? \
	"figcheck: warning: source gaza-moh: $base/declare/900000000: the server declares a body of 900,000,000 bytes (Content-Length), larger than the limit of 1,000,000 bytes (fetch.max_body); not tried again"
took=$(($(now) - t0))
if [ $took -le 5 ]; then
	ok declared-length-fails-at-once
else
	not_ok declared-length-fails-at-once "took $took s"
fi

config "$TMP/slow.json" "$base/delay/30000/files/examples/data/gaza-casualties-2023.json" \
	"{\"cache_dir\": \"$TMP/cache\", \"timeout\": 20, \"retries\": 2, \"deadline\": \"2s\"}"
t0=$(now)
"$FIGCHECK" -c "$TMP/slow.json" --fail-on unverified "$DRAFT" > "$TMP/out" 2>&1
check_output deadline-ends-the-tries 1 $? \
	"source gaza-moh: $base/delay/30000/files/examples/data/gaza-casualties-2023.json: not fetched within fetch.deadline (2 s for all its tries; tried 1 time)"
took=$(($(now) - t0))
if [ $took -le 6 ]; then
	ok deadline-is-kept
else
	not_ok deadline-is-kept "took $took s"
fi
printf '{"fetch": {"deadline": "soon"}}\n' > "$TMP/bad.json"
"$FIGCHECK" -c "$TMP/bad.json" "$DRAFT" > "$TMP/out" 2>&1
check_output deadline-bad-value 2 $? "fetch.deadline: expected a duration"

finish
