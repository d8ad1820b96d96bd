#!/bin/sh
# gen-drafts.sh DIR COUNT: writes COUNT generated drafts into DIR (50
# folders), from sentences of our own with figures that are right, wrong,
# outdated or not checkable, in Markdown and HTML, dated by front matter
# or <meta> on days of the bundled reference data. The same COUNT gives
# the same drafts. Used by drafts.sh and memory.sh.
set -eu
DIR=${1:?usage: gen-drafts.sh DIR COUNT}
COUNT=${2:?usage: gen-drafts.sh DIR COUNT}
mkdir -p "$DIR"
awk -v n="$COUNT" -v dir="$DIR" '
function pick(a, k) { return a[int(rnd() * k) + 1] }
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
BEGIN {
	seed = 20231105
	# Reference values of the bundled data, by day (gaza.killed,
	# gaza.killed.children), and a figure off by a little or a lot.
	split("2023-10-25 2023-10-28 2023-11-01 2023-11-05 2023-11-10 2023-11-20", day, " ")
	split("6546 7703 8796 9770 11078 13300", killed, " ")
	split("2704 3195 3648 4008 4506 5600", children, " ")
	split("Talks in Ramallah lasted about an hour.|Aid agencies warned that fuel was running out.|The crossing at Rafah opened briefly for the wounded.|Diplomats in Amman called for a humanitarian pause.|Hospitals in the north said they could no longer take patients.|The army said its operations would go on.", filler, "|")
	for (i = 0; i < n; i++) {
		d = int(rnd() * 6) + 1
		html = (i % 4 == 3)
		file = sprintf("%s/%03d/draft-%04d.%s", dir, i % 50, i, html ? "html" : "md")
		if (i < 50) system("mkdir -p " dir "/" sprintf("%03d", i))
		k = killed[d]; c = children[d]
		r = rnd()
		if (r < 0.15) k = k + 700          # a wrong toll
		else if (r < 0.25) k = killed[d > 1 ? d - 1 : d]  # an old one
		if (rnd() < 0.2) c = c + 792
		kt = sprintf("%d,%03d", int(k / 1000), k % 1000)
		ct = sprintf("%d,%03d", int(c / 1000), c % 1000)
		s[1] = "Weeks of war have brought the death of " kt " Palestinians and more than 1,400 Israelis."
		s[2] = "The ministry in Gaza said " ct " children were among the dead."
		s[3] = "The death toll from the strike on the camp rose to " (20 + i % 70) ", doctors said."
		s[4] = "UN agencies say the " (10 + i % 30) " lorries a day now reaching Gaza carry a fraction of what its 2.2 million people need."
		s[5] = pick(filler, 6) " " pick(filler, 6)
		s[6] = "Draft " i " was filed from the desk at " (8 + i % 12) ":00."
		if (html) {
			print "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" > file
			print "<meta name=\"date\" content=\"" day[d] "\"><title>Draft " i "</title></head><body>" > file
			for (p = 1; p <= 6; p++) {
				t = s[(p + i) % 6 + 1]
				gsub(/,/, "\\&#44;", t)
				print "<p>" t "</p>" > file
			}
			print "</body></html>" > file
		} else {
			print "---\ntitle: Draft " i "\ndate: " day[d] "\n---\n\n# Draft " i "\n" > file
			for (p = 1; p <= 6; p++)
				print s[(p + i) % 6 + 1] "\n" > file
		}
		close(file)
	}
}'
