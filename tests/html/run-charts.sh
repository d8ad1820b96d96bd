#!/bin/sh
# run-charts.sh: the html report's charts, as headless Chromium draws
# them, checked against the data of the JSON report of the same run. For
# each chart (one per finding that compares with a series): the record in
# force drawn where its value and date fall on the chart's axes, the band
# from the claim's interval (for a claim about change, the reference
# record moved by the stated change), the reference point where the
# record at the reference point falls; the marks' data- attributes equal
# the JSON report's figures. Positions are measured in the page as
# Chromium lays it out (a test copy of the report with a measuring script
# added; the report itself has none), at a phone's width. Keeps a
# screenshot of the charts as tests/html/chart.png in the build tree.
# Skipped (77) without Chromium or python3.
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
PY=${PYTHON3:-$(command -v python3 || true)}
if [ -z "$PY" ]; then
	echo "SKIP: python3 is not installed"
	exit 77
fi
out="$top_builddir/tests/html"
mkdir -p "$out"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fccharts.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Drafts on every bundled subject: levels, changes, extremes.
cd "$top_srcdir" || exit 99
"$FIGCHECK" -c examples/figcheck.json --fail-on never \
	-f html -o "$out/charts.html" -f json -o "$TMP/report.json" \
	-f sarif -o "$TMP/report.sarif" \
	examples/gaza-changes-2023-11-10.md examples/population-2024-06-15.md \
	examples/ukraine-2024-02-24.md examples/covid-2021-11-02.md \
	tests/e2e/drafts/changes-population.md > "$TMP/figcheck.out" 2>&1 || {
	echo "FAIL: figcheck exited $?"
	cat "$TMP/figcheck.out"
	exit 1
}

# The measuring copy: the report with its Content-Security-Policy removed
# and a script that writes, for every chart, the page positions of the
# chart and of its marks into <pre id="measure">.
"$PY" - "$out/charts.html" "$TMP/measure.html" << 'PY' || exit 99
import sys
page = open(sys.argv[1], encoding="utf-8").read()
csp = page.index('<meta http-equiv="Content-Security-Policy"')
page = page[:csp] + page[page.index(">", csp) + 1:]
script = """<pre id="measure"></pre><script>
const out = [];
for (const svg of document.querySelectorAll("svg.chart")) {
  const box = e => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, width: r.width, height: r.height}; };
  const m = {finding: svg.dataset.finding, svg: box(svg),
    viewBox: svg.getAttribute("viewBox"), data: Object.assign({}, svg.dataset),
    marks: {}};
  for (const e of svg.querySelectorAll("[data-mark]")) {
    const k = e.dataset.mark;
    m.marks[k] = {box: box(e), data: Object.assign({}, e.dataset),
      attrs: {x: e.getAttribute("x"), y: e.getAttribute("y"),
              width: e.getAttribute("width"), height: e.getAttribute("height")}};
  }
  out.push(m);
}
document.getElementById("measure").textContent = JSON.stringify(out);
</script>"""
page = page.replace("</body>", script + "</body>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY

chrome() {
	profile=$(mktemp -d "$TMP/profile.XXXXXX")
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
		--disable-dev-shm-usage --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --disable-extensions --mute-audio \
		--proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
		--user-data-dir="$profile" "$@" 2> "$TMP/chrome.err"
}
chrome --window-size=390,844 --dump-dom "file://$TMP/measure.html" > "$TMP/dom.html"

"$PY" - "$TMP/dom.html" "$TMP/report.json" "$out/charts.html" "$TMP/report.sarif" << 'PY'
import html, json, re, sys
from datetime import date

dom = open(sys.argv[1], encoding="utf-8").read()
rep = json.load(open(sys.argv[2], encoding="utf-8"))
page = open(sys.argv[3], encoding="utf-8").read()
passed = failed = 0

def ok(name):
    global passed
    passed += 1
    print("PASS:", name)

def bad(name, why):
    global failed
    failed += 1
    print("FAIL:", name)
    print("    " + why)

m = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S)
if not m or not m.group(1).strip():
    bad("measured", "no measurements in the DOM Chromium built")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1)
charts = json.loads(html.unescape(m.group(1)))
# The report itself: self-contained, no script.
if "<script" in page.lower() or re.search(r"<(link|img|iframe)|src=", page):
    bad("self-contained", "the report loads or runs something")
else:
    ok("self-contained")

def num(s):
    return float(s.replace("inf", "Infinity")) if s else None

def day(s):
    return date.fromisoformat(s).toordinal()

def expected_band(f):
    """The claim's interval in the series' terms, as chart.c draws it."""
    c, ch = f["claim"], f.get("change")
    lo = c["low"] if c["low"] is not None else -float("inf")
    hi = c["high"] if c["high"] is not None else float("inf")
    if not ch or ch["kind"] in ("highest", "lowest"):
        return None if ch and ch["per_day"] else (lo, hi)
    ref = ch["reference_record"]
    if not ref:
        return None
    r = ref["value"]
    if ch["kind"] == "relative":
        b = (r * (1 + lo / 100), r * (1 + hi / 100))
    elif ch["kind"] == "multiple":
        b = (r * lo, r * hi)
    else:
        b = (r + lo, r + hi)
    return tuple(sorted(b))

# Claims about change carry their change in JSON and in SARIF.
n_change = 0
for doc in rep["documents"]:
    for f in doc["findings"]:
        c = f["claim"]
        if c and c["period"] == "change" and c["measure"]:
            n_change += 1
            ch = f.get("change")
            if not ch or ch["kind"] not in ("absolute", "relative", "multiple", "highest", "lowest"):
                bad("json change", f"{f['text']}: change {ch}")
            elif f["verdict"] in ("ok", "discrepancy") and ch["kind"] not in ("highest", "lowest") \
                    and not ch["reference_record"]:
                bad("json change", f"{f['text']}: no reference record")
            if f["as_of"] != doc["as_of"] and not c["as_of"]:
                bad("json change as_of", f"{f['text']}: as_of {f['as_of']}, the draft's {doc['as_of']}")
if n_change:
    ok(f"json: every claim about change has its change ({n_change})")
sarif = json.load(open(sys.argv[4], encoding="utf-8"))
sch = [r for r in sarif["runs"][0]["results"] if "change" in r["properties"]]
if sch and all(r["properties"]["change"]["kind"] for r in sch):
    ok(f"sarif: results on claims about change carry it ({len(sch)})")
else:
    bad("sarif change", "no result carries a change")

want = {}
for d, doc in enumerate(rep["documents"], 1):
    for i, f in enumerate(doc["findings"], 1):
        if f.get("series") and f.get("record"):
            want[f"g{d}-{i}"] = f
got = {c["finding"]: c for c in charts}
if set(want) == set(got) and want:
    ok(f"a chart for each finding with a series ({len(want)})")
else:
    bad("charts", f"charts {sorted(got)} but findings with a series {sorted(want)}")

PX = 1.5  # pixels of slack: anti-aliasing, rounding
for fid, c in sorted(got.items()):
    f = want.get(fid)
    if not f:
        continue
    vb = [float(x) for x in c["viewBox"].split()]
    scale = c["svg"]["width"] / vb[2]
    plot = c["marks"]["plot"]["attrs"]
    pl = c["svg"]["left"] + float(plot["x"]) * scale
    pt = c["svg"]["top"] + float(plot["y"]) * scale
    pw = float(plot["width"]) * scale
    ph = float(plot["height"]) * scale
    x0, x1 = day(c["data"]["x0"]), day(c["data"]["x1"])
    y0, y1 = num(c["data"]["y0"]), num(c["data"]["y1"])

    def px_x(d):
        return pl + (d - x0) / (x1 - x0) * pw

    def px_y(v):
        y = pt + ph - (v - y0) / (y1 - y0) * ph
        return min(max(y, pt), pt + ph)

    def centre(mark):
        b = c["marks"][mark]["box"]
        return b["left"] + b["width"] / 2, b["top"] + b["height"] / 2

    # The record in force: its figures, and where it is drawn.
    rec, rm = f["record"], c["marks"].get("record")
    if not rm:
        bad(f"{fid} record", "no record mark")
        continue
    if num(rm["data"]["value"]) == rec["value"] and rm["data"]["date"] == rec["date"]:
        ok(f"{fid} record figures ({rec['value']:g} on {rec['date']})")
    else:
        bad(f"{fid} record figures", f"mark {rm['data']} but the report says {rec['value']} on {rec['date']}")
    cx, cy = centre("record")
    ex, ey = px_x(day(rec["date"])), px_y(rec["value"])
    if abs(cx - ex) <= PX and abs(cy - ey) <= PX:
        ok(f"{fid} record position")
    else:
        bad(f"{fid} record position", f"drawn at ({cx:.1f}, {cy:.1f}), its data at ({ex:.1f}, {ey:.1f})")
    # The claim's band.
    band, bm = expected_band(f), c["marks"].get("band")
    if band is None:
        if bm:
            bad(f"{fid} band", "a band drawn for a claim that has none in the series' terms")
        else:
            ok(f"{fid} no band (a day's count)")
    elif not bm:
        bad(f"{fid} band", "no band mark")
    else:
        lo, hi = num(bm["data"]["low"]), num(bm["data"]["high"])
        close = lambda a, b: a == b or abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
        if close(lo, band[0]) and close(hi, band[1]):
            ok(f"{fid} band figures ({lo:g} to {hi:g})")
        else:
            bad(f"{fid} band figures", f"mark {lo} to {hi}, the report gives {band}")
        b = bm["box"]
        top = pt if hi == float("inf") else px_y(hi)
        bot = pt + ph if lo == -float("inf") else px_y(lo)
        if bot - top < 1.5 * scale:  # an exact figure: a thin band at it
            good = abs((b["top"] + b["height"] / 2) - (top + bot) / 2) <= PX
        else:
            good = abs(b["top"] - top) <= PX and abs(b["top"] + b["height"] - bot) <= PX
        if good and abs(b["left"] - pl) <= PX and abs(b["width"] - pw) <= PX:
            ok(f"{fid} band position")
        else:
            bad(f"{fid} band position", f"drawn {b['top']:.1f} to {b['top'] + b['height']:.1f}, its data {top:.1f} to {bot:.1f}")
    # The reference point of a claim about change.
    ch = f.get("change")
    ref = ch and ch.get("reference_record")
    if ref and ref != rec:
        rm = c["marks"].get("reference")
        if not rm or num(rm["data"]["value"]) != ref["value"] or rm["data"]["date"] != ref["date"]:
            bad(f"{fid} reference", f"mark {rm and rm['data']}, the report gives {ref['value']} on {ref['date']}")
        else:
            cx, cy = centre("reference")
            ex, ey = px_x(day(ref["date"])), px_y(ref["value"])
            if abs(cx - ex) <= PX and abs(cy - ey) <= PX:
                ok(f"{fid} reference point")
            else:
                bad(f"{fid} reference point", f"drawn at ({cx:.1f}, {cy:.1f}), its data at ({ex:.1f}, {ey:.1f})")
    # Every point of the series lies on the chart's axes.
    if not (x0 <= min(day(p["date"]) for p in f["series"]) and
            max(day(p["date"]) for p in f["series"]) <= x1):
        bad(f"{fid} axes", "the series runs off the chart's dates")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
st=$?

# The charts at a phone's width, kept as an artifact: the page cut down to
# its charts (headless Chromium cannot scroll a screenshot to them).
"$PY" - "$out/charts.html" "$TMP/charts-only.html" << 'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
head = page[:page.index("<body>") + 6]
i = page.index('<section class="charts"')
j = page.index("</section>", i) + len("</section>")
open(sys.argv[2], "w", encoding="utf-8").write(head + "<main>" + page[i:j] + "</main></body></html>")
PY
rm -f "$out/chart.png"
chrome --hide-scrollbars --force-device-scale-factor=1 --window-size=390,1200 \
	--screenshot="$out/chart.png" "file://$TMP/charts-only.html" > /dev/null
if [ "$(head -c 8 "$out/chart.png" 2> /dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
	[ "$(wc -c < "$out/chart.png")" -gt 20000 ]; then
	echo "PASS: screenshot chart.png"
else
	echo "FAIL: screenshot chart.png"
	tail -5 "$TMP/chrome.err"
	st=1
fi
exit $st
