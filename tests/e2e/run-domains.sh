#!/bin/sh
# run-domains.sh: the bundled sources of examples/figcheck.json (Russian
# losses, world population, Covid-19), from the command line:
#
# 1. `figcheck sources` loads every bundled source: record counts, date
#    ranges and metric keys;
# 2. drafts written for these tests (tests/e2e/domains/*.md), checked
#    against the bundled data with a rule pack written for the tests
#    (tests/e2e/domains/domains-pack.json), give the known values of the
#    datasets (README of examples/data): UKR 2023 37,732,836, WLD 2023
#    8,064,057,930, deaths 5,004,550 on 2021-11-01, cases 248,267,015 on
#    2021-11-02, personnel about 409,010, 6,534 tanks and 340 aircraft on
#    2024-02-24; a year's figure is in force until the next one, and stale
#    a period later;
# 3. the live example configurations (examples/*-live.json), their URLs
#    pointed at a loopback copy of the same data (the World Bank's API
#    answer made from the bundled CSV, in the API's shape), give the same
#    findings. Nothing reaches the internet.
. "$(dirname "$0")/../cli/lib.sh"
cd "$top_srcdir" || exit 99
D=tests/e2e/domains
PACK="$top_srcdir/$D/domains-pack.json"
CHECKERS="\"checkers\": {\"rules\": {\"packs\": [\"$PACK\"]}, \"consistency\": false}, "

# bundled FILE: the example configuration with the test pack, its data
# paths made absolute.
sed -e "s|\"data/|\"$top_srcdir/examples/data/|" -e "1s|^{|{$CHECKERS|" \
	examples/figcheck.json > "$TMP/bundled.json"

run() {
	"$FIGCHECK" "$@" > "$TMP/out" 2>&1
}

# ------------------------------------------------------------------
# 1. Every bundled source loads.

run sources --config examples/figcheck.json
check_output "sources: every bundled source loads" 0 $? \
	"gaza-moh (json): " "israel-officials (json): " \
	"general-staff (json): data/russia-losses-personnel.json" \
	"  ok, 1,688 records, 2022-02-25 to 2026-08-08" \
	"  2 metrics: rus.losses.personnel, rus.losses.pow" \
	"general-staff-equipment (json): " \
	"  ok, 20,488 records, 2022-02-25 to 2026-08-08" \
	"  13 metrics: rus.losses.air_defence, rus.losses.aircraft, rus.losses.apc," \
	"... and 5 more (-v lists them all)" \
	"world-bank (csv): data/world-population.csv" \
	"  ok, 17,195 records, 1960 to 2024" \
	"  265 metrics: abw.population, afe.population," \
	"johns-hopkins (csv): data/covid19-worldwide.csv" \
	"  ok, 2,193 records, 2020-01-22 to 2022-04-16" \
	"  3 metrics: world.covid.cases, world.covid.deaths, world.covid.recovered"
if grep -q "warning\|failed" "$TMP/out"; then
	not_ok "sources: no warnings" "$(grep "warning\|failed" "$TMP/out" | head -5)"
else
	ok "sources: no warnings"
fi

run sources -v --config examples/figcheck.json
check_output "sources -v lists every metric" 0 $? \
	"ukr.population," "world.population," "pse.population," "sdn.population," \
	"rus.losses.vehicles" "rus.losses.special_equipment" "rus.losses.submarines" \
	"rus.losses.ships" "rus.losses.mlrs" "rus.losses.drones" \
	"rus.losses.cruise_missiles" "rus.losses.helicopters"
if grep -q "wld.population" "$TMP/out"; then
	not_ok "sources -v: WLD is recoded to world" "$(grep -o '[a-z]*wld[a-z.]*' "$TMP/out")"
else
	ok "sources -v: WLD is recoded to world"
fi

# ------------------------------------------------------------------
# 2. Drafts against the bundled data. check_drafts CONFIG LABEL checks
# every draft with CONFIG.

check_drafts() {
	cfg=$1
	label=$2
	shift 2

	run --config "$cfg" "$@" --fail-on never $D/ukraine-2024-02-24.md
	check_output "$label: losses on 2024-02-24" 0 $? \
		'6:51: ok: "about 409,010" agrees with general-staff: about 409,010 on 2024-02-24.' \
		'9:31: ok: "6,534" agrees with general-staff-equipment: 6,534 on 2024-02-24.' \
		'9:47: ok: "340" agrees with general-staff-equipment: 340 on 2024-02-24.' \
		'10:1: ok: "12,988" agrees with general-staff-equipment: 12,988 on 2024-02-24.' \
		"4 findings in 1 document: 4 ok"

	run --config "$cfg" "$@" $D/ukraine-wrong.md
	check_output "$label: a wrong tank count" 1 $? \
		'discrepancy: "6,600" disagrees with general-staff-equipment: 6,534 on 2024-02-24 (off by +66, +1.0%)'

	run --config "$cfg" "$@" $D/ukraine-2022.md
	check_output "$label: the General Staff's 'more than' (\"more\")" 0 $? \
		'ok: "more than 12,000" agrees with general-staff: more than 12,000 on 2022-03-10.'

	run --config "$cfg" "$@" $D/ukraine-2022-04-30.md
	check_output "$label: vehicles before the merge are the sum of two keys; POW" 0 $? \
		'ok: "1,777" agrees with general-staff-equipment: 1,777 on 2022-04-30.' \
		'ok: "496" agrees with general-staff: 496 on 2022-04-27.'

	run --config "$cfg" "$@" $D/population-2024-06-15.md
	check_output "$label: the 2023 population is in force in June 2024" 0 $? \
		'6:46: ok: "37,732,836" agrees with world-bank: 37,732,836 in 2023.' \
		'9:31: ok: "8.1 billion" agrees with world-bank: 8,064,057,930 in 2023.' \
		'9:75: ok: "5,165,775" agrees with world-bank: 5,165,775 in 2023.'

	run --config "$cfg" "$@" $D/population-2025-03-01.md
	check_output "$label: in 2025 the 2023 figure is out of date" 1 $? \
		'outdated: "37,732,836" is out of date: it matches the figure of 2023 from world-bank (37,732,836), but the record in force on 2025-03-01 is 37,860,221 (2024).'

	run --config "$cfg" "$@" $D/population-2026-10-01.md
	check_output "$label: a year's figure is stale a year and stale_days after its year" 0 $? \
		'ok: "37,860,221" agrees with world-bank: 37,860,221 in 2024, a stale record: the figure for 2025 was due on 2025-12-31 (world-bank allows 270 days more).'

	run --config "$cfg" "$@" $D/covid-2021-11-02.md
	check_output "$label: Covid-19 deaths and cases" 0 $? \
		'ok: "5,004,550" agrees with the figure of 2021-11-01 from johns-hopkins (5,004,550), within the reporting lag of 2 days' \
		'ok: "248,267,015" agrees with johns-hopkins: 248,267,015 on 2021-11-02.' \
		'ok: "Some 130 million" agrees with johns-hopkins: 130,899,061 on 2021-08-04, a stale record 90 days old (johns-hopkins allows 3).'
}

check_drafts "$TMP/bundled.json" bundled

# The JSON report carries the record's period.
run --config "$TMP/bundled.json" -f json --fail-on never $D/population-2024-06-15.md
st=$?
tr -d ' \t\n' < "$TMP/out" > "$TMP/out.min" && mv "$TMP/out.min" "$TMP/out"
check_output "bundled: the JSON record carries its period" 0 $st \
	'"date":"2023-12-31"' '"period":"year"' '"covers":"2023"'

# ------------------------------------------------------------------
# 3. The live configurations, against a loopback copy.

mkdir -p "$TMP/www"
cp examples/data/covid19-worldwide.csv examples/data/russia-losses-personnel.json \
	examples/data/russia-losses-equipment.json "$TMP/www/"
# The World Bank's answer: a metadata object, then the records, newest
# year first, for a few countries of the CSV; the latest year not yet
# published (a null value), and a row without a country code, as the API
# has them.
awk -F, '
BEGIN {
	iso2["UKR"] = "UA"; iso2["WLD"] = "1W"; iso2["PSE"] = "PS"
	iso2["SDN"] = "SD"; iso2["ISR"] = "IL"
}
NR > 1 && ($2 in iso2) {
	n[$2]++; name[$2] = $1; year[$2, n[$2]] = $3; val[$2, n[$2]] = $4
}
function row(code, nm, y, v) {
	printf "%s{\"indicator\":{\"id\":\"SP.POP.TOTL\",\"value\":\"Population, total\"},\"country\":{\"id\":\"%s\",\"value\":\"%s\"},\"countryiso3code\":\"%s\",\"date\":\"%s\",\"value\":%s,\"unit\":\"\",\"obs_status\":\"\",\"decimal\":0}", sep, iso2[code], nm, code, y, v
	sep = ","
}
END {
	total = 2
	for (c in n) total += n[c] + 1
	printf "[{\"page\":1,\"pages\":1,\"per_page\":20000,\"total\":%d,\"sourceid\":\"2\",\"sourceName\":\"World Development Indicators\",\"lastupdated\":\"2025-07-01\"},[", total
	sep = ""
	split("ISR PSE SDN UKR WLD", order, " ")
	for (k = 1; k <= 5; k++) {
		c = order[k]
		row(c, name[c], "2025", "null")
		for (i = n[c]; i >= 1; i--)
			row(c, name[c], year[c, i], val[c, i])
	}
	printf ",{\"indicator\":{\"id\":\"SP.POP.TOTL\",\"value\":\"Population, total\"},\"country\":{\"id\":\"XY\",\"value\":\"Not classified\"},\"countryiso3code\":\"\",\"date\":\"2024\",\"value\":null,\"unit\":\"\",\"obs_status\":\"\",\"decimal\":0}"
	printf "]]\n"
}' examples/data/world-population.csv > "$TMP/www/worldbank.json"

if [ ! -x "$top_builddir/tests/http/fc-test-server" ]; then
	echo "# the loopback server was not built (libmicrohttpd missing?): the live configurations are not tested"
	finish
	exit $?
fi
SERVE_ROOT="$TMP/www"
. "$top_srcdir/tests/http/serve.sh"

# live NAME: examples/NAME-live.json with its URLs on the loopback
# server and the test pack; fails the test if a public URL is left.
live() {
	sed -e "s|https://api\.worldbank\.org/[^\"]*|$base/files/worldbank.json|" \
		-e "s|https://raw\.githubusercontent\.com/datasets/covid-19/main/data/worldwide-aggregate\.csv|$base/files/covid19-worldwide.csv|" \
		-e "s|https://raw\.githubusercontent\.com/PetroIvaniuk/[^\"]*/russia_losses_personnel\.json|$base/files/russia-losses-personnel.json|" \
		-e "s|https://raw\.githubusercontent\.com/PetroIvaniuk/[^\"]*/russia_losses_equipment\.json|$base/files/russia-losses-equipment.json|" \
		-e "1s|^{|{$CHECKERS|" \
		"examples/$1-live.json" > "$TMP/$1-live.json"
	if grep -q "https://" "$TMP/$1-live.json"; then
		not_ok "live $1: every URL points at the loopback server" \
			"$(grep "https://" "$TMP/$1-live.json")"
		return 1
	fi
	return 0
}

# One configuration of the three live sources' sources, for the drafts.
if live population && live covid && live ukraine; then
	{
		printf '{%s"fetch": {"retries": 0, "timeout": 10},\n "sources": [\n' "$CHECKERS"
		for f in ukraine population covid; do
			sed -n '/"sources": \[/,/^  \]/p' "$TMP/$f-live.json" |
				sed -e '1d' -e '$d'
			[ $f != covid ] && echo ","
		done
		printf ']}\n'
	} > "$TMP/all-live.json"

	run sources --cache-dir "$TMP/cache" --config "$TMP/population-live.json"
	check_output "live population: the World Bank's API shape, read by configuration" 0 $? \
		"world-bank (json): $base/files/worldbank.json" \
		"  ok, 295 records, 1960 to 2024" \
		"  5 metrics: isr.population, pse.population, sdn.population, ukr.population," \
		"world.population" "cache: fetched"
	if grep -q "warning" "$TMP/out"; then
		not_ok "live population: null values and rows without a code are skipped quietly" \
			"$(grep warning "$TMP/out")"
	else
		ok "live population: null values and rows without a code are skipped quietly"
	fi

	run sources --cache-dir "$TMP/cache" --config "$TMP/covid-live.json"
	check_output "live covid" 0 $? "johns-hopkins (csv): $base/files/covid19-worldwide.csv" \
		"  ok, 2,193 records, 2020-01-22 to 2022-04-16"

	run sources --cache-dir "$TMP/cache" --config "$TMP/ukraine-live.json"
	check_output "live ukraine" 0 $? \
		"general-staff (json): $base/files/russia-losses-personnel.json" \
		"  ok, 1,688 records, 2022-02-25 to 2026-08-08" \
		"general-staff-equipment (json): $base/files/russia-losses-equipment.json" \
		"  ok, 20,488 records, 2022-02-25 to 2026-08-08"

	check_drafts "$TMP/all-live.json" live --cache-dir "$TMP/cache"
fi

finish
