#!/bin/sh
# run-verdicts.sh: the data-driven verdict cases of tests/e2e/verdicts.txt.
#
# Each case is a draft (its `text:` lines), an optional date, the
# reference records of one or more sources, and what figcheck must say.
# The runner writes each case's records into JSON files, one per source,
# and a configuration naming them (the bundled casualties pack and
# tests/e2e/e2e-pack.json are the rule packs), runs figcheck with the
# text reporter and checks its output. The file format:
#
#   case: NAME                   starts a case (a blank line ends it)
#   date: YYYY-MM-DD             --date; without it, the draft's own date
#   file: NAME                   the draft's file name (default draft.txt)
#   source: NAME KEY=VALUE...    aliases=A|B, stale_days=N, lag_days=N,
#                                tolerance=X (a source named only in
#                                `record:` lines gets the defaults)
#   record: SOURCE METRIC DATE VALUE [QUALIFIER [PRECISION]]
#   config: "key": value         a member added to the configuration
#   rules: "key": value          an option of the rules checker
#   packs: NAME...               bundled packs loaded besides those two
#                                ("population", "places")
#   consistency: "key": value    an option of the consistency checker
#   text: LINE                   a line of the draft (repeatable)
#   expect: VERDICT WHAT         a finding of that verdict whose line
#                                holds WHAT ("\"9,770\"", a rule id)
#   reject: WHAT                 no finding's line holds WHAT
#   contains: WHAT               some line of the output holds WHAT
#   findings: N                  exactly N findings
. "$(dirname "$0")/../cli/lib.sh"
cases="$top_srcdir/tests/e2e/verdicts.txt"
pack="$top_srcdir/tests/e2e/e2e-pack.json"

# Split the cases into folders $TMP/1, $TMP/2, ... with name, args,
# figcheck.json, the sources' files, the draft and the checks.
awk -v out="$TMP" -v pack="$pack" '
function flush(   s, i, m, sep, f, cfg, keys, k, n) {
	if (!n_case)
		return
	dir = out "/" n_case
	if (draft_name == "")
		draft_name = "draft.txt"
	printf "%s", draft > (dir "/" draft_name)
	close(dir "/" draft_name)
	printf "%s\n", draft_name > (dir "/draft")
	close(dir "/draft")
	cfg = dir "/figcheck.json"
	printf "{\n  \"fail_on\": \"never\",\n" > cfg
	printf "  \"checkers\": {\"rules\": {\"packs\": [\"casualties\", \"%s\"%s]%s},\n", pack, more_packs, rules_opts > cfg
	printf "               \"consistency\": {%s}},\n", cons_opts > cfg
	if (extra != "")
		printf "%s,\n", extra > cfg
	printf "  \"sources\": [\n" > cfg
	for (i = 1; i <= n_src; i++) {
		s = src[i]
		f = dir "/src-" s ".json"
		printf "[\n%s\n]\n", recs[s] > f
		close(f)
		printf "    %s{\"name\": \"%s\", \"plugin\": \"json\", \"path\": \"src-%s.json\"%s,\n", \
		    (i > 1 ? "," : ""), s, s, settings[s] > cfg
		printf "     \"options\": {\"date_field\": \"date\", \"qualifier_field\": \"qualifier\",\n" > cfg
		printf "                 \"precision_field\": \"precision\", \"metrics\": {" > cfg
		sep = ""
		n = split(metrics[s], keys, " ")
		for (k = 1; k <= n; k++) {
			printf "%s\"%s\": \"%s\"", sep, keys[k], keys[k] > cfg
			sep = ", "
		}
		printf "},\n                 \"optional\": [" > cfg
		sep = ""
		for (k = 1; k <= n; k++) {
			printf "%s\"%s\"", sep, keys[k] > cfg
			sep = ", "
		}
		printf "]}}\n" > cfg
	}
	printf "  ]\n}\n" > cfg
	close(cfg)
	close(dir "/checks")
	close(dir "/args")
	close(dir "/name")
	n_case_done = n_case
}
function source(s) {
	if (!(s in known)) {
		known[s] = 1
		src[++n_src] = s
		recs[s] = ""
		metrics[s] = ""
		settings[s] = ""
	}
}
function start(name) {
	flush()
	n_case++
	dir = out "/" n_case
	system("mkdir -p \"" dir "\"")
	printf "%s\n", name > (dir "/name")
	printf "" > (dir "/args")
	printf "" > (dir "/checks")
	draft = ""
	draft_name = ""
	extra = ""
	rules_opts = ""
	more_packs = ""
	cons_opts = ""
	n_src = 0
	split("", known)
	split("", src)
	in_case = 1
}
function rest(line, key) {
	return substr(line, length(key) + 1)
}
/^#/ { next }
/^[ \t]*$/ { if (in_case) { flush(); in_case = 0 } next }
/^case: / { start(rest($0, "case: ")); next }
!in_case { printf "verdicts.txt:%d: a line outside a case\n", NR > "/dev/stderr"; exit 2 }
/^date: / { printf "--date\n%s\n", rest($0, "date: ") >> (dir "/args"); next }
/^file: / { draft_name = rest($0, "file: "); next }
/^config: / { extra = extra (extra == "" ? "" : ",\n") "  " rest($0, "config: "); next }
/^packs: / { for (i = 2; i <= NF; i++) more_packs = more_packs ", \"" $i "\""; next }
/^rules: / { rules_opts = rules_opts ", " rest($0, "rules: "); next }
/^consistency: / { cons_opts = cons_opts (cons_opts == "" ? "" : ", ") rest($0, "consistency: "); next }
/^text: / { draft = draft rest($0, "text: ") "\n"; next }
/^text:$/ { draft = draft "\n"; next }
/^source: / {
	source($2)
	for (i = 3; i <= NF; i++) {
		eq = index($i, "=")
		k = substr($i, 1, eq - 1)
		v = substr($i, eq + 1)
		if (k == "aliases") {
			gsub(/_/, " ", v)
			n = split(v, parts, "|")
			v = "["
			for (j = 1; j <= n; j++)
				v = v (j > 1 ? ", " : "") "\"" parts[j] "\""
			v = v "]"
		}
		settings[$2] = settings[$2] ", \"" k "\": " v
	}
	next
}
/^record: / {
	s = $2
	source(s)
	if (index(" " metrics[s] " ", " " $3 " ") == 0)
		metrics[s] = metrics[s] (metrics[s] == "" ? "" : " ") $3
	r = "  {\"date\": \"" $4 "\", \"" $3 "\": " $5
	if (NF >= 6)
		r = r ", \"qualifier\": \"" $6 "\""
	if (NF >= 7)
		r = r ", \"precision\": " $7
	r = r "}"
	recs[s] = recs[s] (recs[s] == "" ? "" : ",\n") r
	next
}
/^(expect|reject|contains|findings): / { print >> (dir "/checks"); next }
{ printf "verdicts.txt:%d: unknown line: %s\n", NR, $0 > "/dev/stderr"; exit 2 }
END { flush(); print n_case > (out "/count") }
' "$cases" || { echo "FAIL: reading $cases"; exit 1; }

n=$(cat "$TMP/count")
i=1
while [ "$i" -le "$n" ]; do
	dir="$TMP/$i"
	name=$(cat "$dir/name")
	draft=$(cat "$dir/draft")
	set -- --config "$dir/figcheck.json"
	while IFS= read -r a; do
		set -- "$@" "$a"
	done < "$dir/args"
	(cd "$dir" && "$FIGCHECK" "$@" "$draft") > "$dir/out" 2> "$dir/err"
	status=$?
	i=$((i + 1))
	if [ "$status" -ne 0 ]; then
		not_ok "$name" "exit status $status" "$(head -c 1500 "$dir/err")"
		continue
	fi
	# The finding lines: "draft:LINE:COL: verdict: ..."
	grep -E "^[^ ]+:[0-9]+:[0-9]+: [a-z]+: " "$dir/out" > "$dir/findings"
	failed=""
	while IFS= read -r check; do
		what=${check#*: }
		case "$check" in
		expect:*)
			verdict=${what%% *}
			pat=${what#* }
			if ! grep -F ": $verdict: " "$dir/findings" | grep -qF -- "$pat"; then
				failed="no $verdict finding with: $pat"
				break
			fi ;;
		reject:*)
			if grep -qF -- "$what" "$dir/findings"; then
				failed="a finding has: $what"
				break
			fi ;;
		contains:*)
			if ! grep -qF -- "$what" "$dir/out"; then
				failed="the output lacks: $what"
				break
			fi ;;
		findings:*)
			got=$(wc -l < "$dir/findings" | tr -d ' ')
			if [ "$got" != "$what" ]; then
				failed="$got findings, expected $what"
				break
			fi ;;
		esac
	done < "$dir/checks"
	# The same findings through the JSON reporter, which reads every
	# record a finding points to: it must run and write valid JSON.
	if [ -z "$failed" ]; then
		(cd "$dir" && "$FIGCHECK" "$@" -f json "$draft") > "$dir/out.json" 2> "$dir/err.json"
		status=$?
		if [ "$status" -ne 0 ]; then
			failed="-f json: exit status $status: $(head -c 500 "$dir/err.json")"
		elif command -v python3 > /dev/null 2>&1 &&
			! python3 -c 'import json, sys; json.load(sys.stdin)' < "$dir/out.json" 2> /dev/null; then
			failed="-f json: the report is not valid JSON"
		fi
	fi
	if [ -n "$failed" ]; then
		not_ok "$name" "$failed" "$(cat "$dir/out")" "$(cat "$dir/err")"
	else
		ok "$name"
	fi
done
[ "$n" -ge 60 ] || not_ok "case count" "only $n cases; the issue asks for 60 or more"
finish
